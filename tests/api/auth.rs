//! JWT rejections: each one is 401 problem+json.

use serde_json::{json, Value};

use crate::common::{backends, sign, TestApp, AUDIENCE, ISSUER, SECRET};

fn claims() -> Value {
    json!({"sub": "someone", "iss": ISSUER, "aud": AUDIENCE, "exp": chrono::Utc::now().timestamp() + 600, "role": "admin"})
}

fn with(change: impl FnOnce(&mut serde_json::Map<String, Value>)) -> String {
    let mut claims = claims();
    change(claims.as_object_mut().unwrap());
    sign(&claims)
}

fn signed_with(algorithm: jsonwebtoken::Algorithm, secret: &[u8]) -> String {
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(algorithm),
        &claims(),
        &jsonwebtoken::EncodingKey::from_secret(secret),
    )
    .unwrap()
}

fn b64(value: &Value) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value.to_string())
}

#[actix_rt::test]
async fn bad_tokens_are_401_problems() {
    let unsigned = format!(
        "{}.{}.",
        b64(&json!({"alg": "none", "typ": "JWT"})),
        b64(&claims())
    );
    let cases: Vec<(&str, String)> = vec![
        (
            "expired",
            with(|c| drop(c.insert("exp".into(), json!(chrono::Utc::now().timestamp() - 3600)))),
        ),
        ("wrong signature", {
            let claims = claims();
            jsonwebtoken::encode(
                &jsonwebtoken::Header::default(),
                &claims,
                &jsonwebtoken::EncodingKey::from_secret(b"another-secret-of-at-least-32-bytes!!"),
            )
            .unwrap()
        }),
        (
            "wrong algorithm HS512",
            signed_with(jsonwebtoken::Algorithm::HS512, SECRET.as_bytes()),
        ),
        ("alg none", unsigned),
        (
            "wrong iss",
            with(|c| drop(c.insert("iss".into(), json!("someone-else")))),
        ),
        (
            "wrong aud",
            with(|c| drop(c.insert("aud".into(), json!("another-api")))),
        ),
        ("missing sub", with(|c| drop(c.remove("sub")))),
        ("missing exp", with(|c| drop(c.remove("exp")))),
        (
            "empty sub",
            with(|c| drop(c.insert("sub".into(), json!("")))),
        ),
        (
            "exp of the wrong type",
            with(|c| drop(c.insert("exp".into(), json!("tomorrow")))),
        ),
        (
            "sub of the wrong type",
            with(|c| drop(c.insert("sub".into(), json!(42)))),
        ),
        (
            "role of the wrong type",
            with(|c| drop(c.insert("role".into(), json!(1)))),
        ),
        (
            "unknown role",
            with(|c| drop(c.insert("role".into(), json!("superuser")))),
        ),
        (
            "partner_id of the wrong type",
            with(|c| {
                c.insert("role".into(), json!("partner"));
                c.insert("partner_id".into(), json!(12345));
            }),
        ),
        (
            "partner without partner_id",
            with(|c| drop(c.insert("role".into(), json!("partner")))),
        ),
        (
            "nbf a day ahead",
            with(|c| drop(c.insert("nbf".into(), json!(chrono::Utc::now().timestamp() + 86_400)))),
        ),
        (
            "nbf beyond the leeway",
            with(|c| drop(c.insert("nbf".into(), json!(chrono::Utc::now().timestamp() + 60)))),
        ),
        (
            "iat beyond the leeway",
            with(|c| drop(c.insert("iat".into(), json!(chrono::Utc::now().timestamp() + 60)))),
        ),
        ("garbage", "not.a.jwt".into()),
    ];
    for backend in backends() {
        let app = TestApp::start(backend).await;
        for (case, token) in &cases {
            let reply = app.get("/api/v1/partners").token(token).send().await;
            assert_eq!(
                reply.status.as_u16(),
                401,
                "{backend:?} {case}: {}",
                reply.text
            );
            reply.problem(401);
            assert_eq!(
                reply.header("www-authenticate").as_deref(),
                Some("Bearer"),
                "{case}"
            );
        }
        let missing = app.get("/api/v1/partners").send().await;
        assert!(missing.problem(401)["detail"]
            .as_str()
            .unwrap()
            .contains("Authorization"));
        let basic = app
            .get("/api/v1/partners")
            .header("Authorization", "Basic dXNlcjpwYXNz")
            .send()
            .await;
        basic.problem(401);
        // Times within the leeway (5 s in tests) are clock skew, not an error.
        let slightly_ahead = with(|c| {
            let soon = chrono::Utc::now().timestamp() + 2;
            c.insert("nbf".into(), json!(soon));
            c.insert("iat".into(), json!(soon));
        });
        app.get("/api/v1/partners")
            .token(&slightly_ahead)
            .send()
            .await
            .expect(200);
        // NumericDates may carry a fraction (RFC 7519).
        let fractional = with(|c| {
            let now = chrono::Utc::now().timestamp() as f64;
            c.insert("exp".into(), json!(now + 600.5));
            c.insert("iat".into(), json!(now - 0.25));
        });
        app.get("/api/v1/partners")
            .token(&fractional)
            .send()
            .await
            .expect(200);
        // A valid token with an array audience is accepted.
        let array_aud = with(|c| drop(c.insert("aud".into(), json!([AUDIENCE, "other"]))));
        app.get("/api/v1/partners")
            .token(&array_aud)
            .send()
            .await
            .expect(200);
    }
}
