//! Bad input of every kind is a 4xx problem+json, never a 500.

use serde_json::json;

use crate::common::{backends, TestApp};

#[actix_rt::test]
async fn malformed_requests_are_4xx_problems() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, membership, office, _) = app.partner_tree("IN").await;

        let cases = [
            ("malformed JSON", app.post("/api/v1/partners").admin().raw("application/json", "{\"name\": ").send().await, 400),
            ("wrong type", app.post("/api/v1/partners").admin().json(json!({"external_key": 5, "name": "X"})).send().await, 422),
            ("missing field", app.post("/api/v1/partners").admin().json(json!({"name": "X"})).send().await, 422),
            ("unknown field", app.post("/api/v1/partners").admin().json(json!({"external_key": "K", "name": "X", "nmae": "typo"})).send().await, 422),
            ("not JSON", app.post("/api/v1/partners").admin().raw("text/plain", "hello").send().await, 415),
            (
                "unknown enum value",
                app.post(&format!("/api/v1/offices/{office}/contacts"))
                    .admin()
                    .json(json!({"name": "X", "email": "x@x.example", "consent": {"given_at": "2026-01-01T00:00:00Z", "method": "telepathy"}}))
                    .send()
                    .await,
                422,
            ),
            (
                "bad date",
                app.post(&format!("/api/v1/partners/{partner}/memberships")).admin().json(json!({"membership_number": "Z", "renewal_date": "2027-02-30"})).send().await,
                422,
            ),
            ("bad UUID in path", app.get("/api/v1/memberships/not-a-uuid").admin().send().await, 400),
            ("limit overflow", app.get("/api/v1/partners?limit=9223372036854775808").admin().send().await, 400),
            ("limit not a number", app.get("/api/v1/partners?limit=ten").admin().send().await, 400),
            ("limit zero", app.get("/api/v1/partners?limit=0").admin().send().await, 422),
            ("limit too large", app.get("/api/v1/partners?limit=201").admin().send().await, 422),
            ("forged cursor", app.get("/api/v1/partners?cursor=bm9wZQ").admin().send().await, 422),
            ("unknown route", app.get("/api/v1/nothing-here").admin().send().await, 404),
            ("unknown id", app.get(&format!("/api/v1/offices/{}", uuid::Uuid::new_v4())).admin().send().await, 404),
            ("missing auth", app.get(&format!("/api/v1/memberships/{membership}")).send().await, 401),
            ("bad Idempotency-Key", app.post("/api/v1/partners").admin().header("Idempotency-Key", "").json(json!({"external_key": "Q", "name": "Q"})).send().await, 400),
            (
                "oversize body",
                app.post(&format!("/api/v1/offices/{office}/contacts/import"))
                    .admin()
                    .raw("application/json", format!("{{\"contacts\": [\"{}\"]}}", "x".repeat(3 * 1024 * 1024)))
                    .send()
                    .await,
                413,
            ),
        ];
        for (case, reply, status) in &cases {
            assert_eq!(
                reply.status.as_u16(),
                *status,
                "{backend:?} {case}: {}",
                reply.text
            );
            reply.problem(*status);
        }
    }
}

#[actix_rt::test]
async fn validation_errors_name_each_field() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, membership, office, contact) = app.partner_tree("VAL").await;

        let partner_reply = app.post("/api/v1/partners").admin().json(json!({"external_key": "", "name": "x".repeat(201), "email_domains": ["not a domain"]})).send().await;
        partner_reply.problem(422);
        assert_eq!(
            partner_reply.error_fields(),
            ["email_domains", "external_key", "name"],
            "{backend:?}"
        );

        let office_reply = app
            .post(&format!("/api/v1/memberships/{membership}/offices"))
            .partner(&partner)
            .json(json!({"name": "X", "country": "XX", "city": ""}))
            .send()
            .await;
        office_reply.problem(422);
        assert_eq!(office_reply.error_fields(), ["city", "country"]);

        let contact_reply = app
            .post(&format!("/api/v1/offices/{office}/contacts"))
            .partner(&partner)
            .json(json!({"name": "X", "email": "nope", "locale": "english", "consent": {"given_at": "2999-01-01T00:00:00Z", "method": "email"}}))
            .send()
            .await;
        contact_reply.problem(422);
        assert_eq!(
            contact_reply.error_fields(),
            ["consent.given_at", "email", "locale"]
        );

        let patch_reply = app
            .patch(&format!("/api/v1/contacts/{contact}"))
            .partner(&partner)
            .json(json!({"organization": "", "locale": "x"}))
            .send()
            .await;
        patch_reply.problem(422);
        assert_eq!(patch_reply.error_fields(), ["locale", "organization"]);

        let duplicate = app
            .post(&format!("/api/v1/offices/{office}/contacts"))
            .partner(&partner)
            .json(json!({"name": "Y", "email": "CUSTOMER@val.example"}))
            .send()
            .await;
        duplicate.problem(409);
    }
}
