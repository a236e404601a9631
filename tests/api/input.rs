//! Bad input of every kind is a 4xx problem+json, never a 500.

use serde_json::{json, Value};

use crate::common::{self, backends, TestApp};

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

/// The spec's schema at `schema`, with `$ref`s and nullable unions resolved to the non-null part.
fn resolve<'a>(spec: &'a Value, schema: &'a Value) -> &'a Value {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap();
        return resolve(spec, &spec["components"]["schemas"][name]);
    }
    for union in ["oneOf", "anyOf", "allOf"] {
        if let Some(first) = schema[union]
            .as_array()
            .and_then(|parts| parts.iter().find(|part| part["type"] != "null"))
        {
            return resolve(spec, first);
        }
    }
    schema
}

fn kind(schema: &Value) -> &str {
    match &schema["type"] {
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        other => other.as_str().unwrap_or("any"),
    }
}

/// A body with every property of `schema` filled in, and the paths of its string values.
fn sample(spec: &Value, schema: &Value, path: &str, strings: &mut Vec<String>) -> Value {
    let schema = resolve(spec, schema);
    let child = |name: &str| match path {
        "" => name.to_owned(),
        _ => format!("{path}.{name}"),
    };
    match kind(schema) {
        "object" => {
            let mut body = serde_json::Map::new();
            for (name, property) in schema["properties"].as_object().into_iter().flatten() {
                body.insert(name.clone(), sample(spec, property, &child(name), strings));
            }
            if schema["additionalProperties"].is_object() {
                let value = sample(spec, &schema["additionalProperties"], &child("en"), strings);
                body.insert("en".into(), value);
            }
            Value::Object(body)
        }
        "array" => json!([sample(
            spec,
            &schema["items"],
            &format!("{path}[0]"),
            strings
        )]),
        "string" => {
            strings.push(path.to_owned());
            json!("text")
        }
        "integer" | "number" => json!(1),
        "boolean" => json!(false),
        _ => Value::Null,
    }
}

/// Sets the value at a path such as `consent.method` or `locales[0]`.
fn set(body: &mut Value, path: &str, value: Value) {
    let mut target = body;
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, index)) => (name, index.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        target = &mut target[name];
        if let Some(index) = index {
            target = &mut target[index];
        }
    }
    *target = value;
}

#[actix_rt::test]
async fn every_string_of_every_request_body_refuses_control_characters() {
    let spec: Value = serde_json::from_str(&csat_index::openapi::openapi_json()).unwrap();
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let invited = app.invited("NUL", "nul@nul.example").await;
        let token = invited.token();
        let ids = [
            ("partner_id", invited.partner.clone()),
            ("membership_id", invited.membership.clone()),
            ("office_id", invited.office.clone()),
            ("contact_id", invited.contact.clone()),
            ("survey_id", invited.survey.clone()),
            ("question_id", invited.custom.clone()),
            ("token", token.clone()),
        ];
        let mut checked = 0;
        for (template, item) in spec["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                let Some(schema) =
                    operation["requestBody"]["content"]["application/json"].get("schema")
                else {
                    continue;
                };
                let mut uri = template.clone();
                for (name, id) in &ids {
                    uri = uri.replace(&format!("{{{name}}}"), id);
                }
                let uri = uri.replace("{period_id}", "2026-Q1");
                let uri = regex_free_uuid_fill(&uri);
                let mut strings = Vec::new();
                let base = sample(&spec, schema, "", &mut strings);
                for field in strings {
                    let mut body = base.clone();
                    set(&mut body, &field, json!("before\u{0}after"));
                    let method =
                        actix_web::http::Method::from_bytes(method.to_uppercase().as_bytes())
                            .unwrap();
                    let reply = app
                        .request(method.clone(), &uri)
                        .admin()
                        .json(body)
                        .send()
                        .await;
                    assert_eq!(
                        reply.status.as_u16(),
                        422,
                        "{backend:?} {method} {template} `{field}`: {}",
                        reply.text
                    );
                    assert_eq!(
                        reply.error_fields(),
                        std::slice::from_ref(&field),
                        "{method} {template}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked >= 40, "only {checked} string properties were found");
        // Nothing of it was stored.
        let partners = app.get("/api/v1/partners?limit=200").admin().send().await;
        assert!(!partners.text.contains("before"), "{}", partners.text);
    }
}

/// Replaces any `{name}` left in a path template with a random UUID.
fn regex_free_uuid_fill(uri: &str) -> String {
    let mut out = String::new();
    let mut rest = uri;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').unwrap() + start;
        out.push_str(&rest[..start]);
        out.push_str(&uuid::Uuid::new_v4().to_string());
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[actix_rt::test]
async fn control_characters_and_blank_names_never_reach_storage() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let invited = app.invited("CTRL", "ctrl@ctrl.example").await;
        let (partner, membership) = (&invited.partner, &invited.membership);
        let cases = [
            app.post("/api/v1/partners")
                .admin()
                .json(json!({"external_key": "k1", "name": "a\u{0}b"}))
                .send()
                .await,
            app.patch(&format!("/api/v1/partners/{partner}"))
                .admin()
                .json(json!({"name": "a\u{0}b"}))
                .send()
                .await,
            app.patch(&format!("/api/v1/memberships/{membership}"))
                .admin()
                .json(json!({"membership_number": "M\u{1b}1"}))
                .send()
                .await,
            app.post(&format!("/api/v1/memberships/{membership}/offices"))
                .admin()
                .json(json!({"name": "Sofia\u{7}", "country": "BG", "city": "Sofia"}))
                .send()
                .await,
        ];
        for reply in &cases {
            assert_eq!(
                reply.problem(422)["errors"][0]["message"],
                "must not contain control characters (tab and line breaks are allowed)",
                "{backend:?}"
            );
        }
        let mut answers = common::answers_with(&invited.custom, "support");
        answers[common::COMMENT] = json!("ok\u{0}");
        let refused = app
            .post(&format!("/api/v1/respond/{}", invited.token()))
            .json(json!({"answers": answers}))
            .send()
            .await;
        refused.problem(422);
        assert_eq!(
            refused.error_fields(),
            [format!("answers.{}", common::COMMENT)]
        );

        // The survey page refuses it too, in the page's language, and keeps the link answerable.
        let form = format!(
            "locale=bg&q_{}=very_satisfied&q_{}=9&q_{}=2&q_{}=ok%00&q_{}=support",
            common::NSAT,
            common::NPS,
            common::CES,
            common::COMMENT,
            invited.custom
        );
        let page = app
            .post(&format!("/s/{}", invited.token()))
            .raw("application/x-www-form-urlencoded", form)
            .send()
            .await;
        assert_eq!(page.status.as_u16(), 422, "{backend:?}: {}", page.text);
        assert!(
            page.text
                .contains("съдържа знаци, които не могат да бъдат запазени"),
            "{}",
            page.text
        );
        answers[common::COMMENT] = json!("line one\r\nline two\ttabbed");
        app.post(&format!("/api/v1/respond/{}", invited.token()))
            .json(json!({"answers": answers}))
            .send()
            .await
            .expect(201);

        // Names and keys are trimmed, then validated: blank is empty.
        let blank = app
            .post("/api/v1/partners")
            .admin()
            .json(json!({"external_key": " ", "name": "x"}))
            .send()
            .await;
        assert_eq!(blank.problem(422)["errors"][0]["field"], "external_key");
        let blank_name = app
            .patch(&format!("/api/v1/partners/{partner}"))
            .admin()
            .json(json!({"name": "   "}))
            .send()
            .await;
        assert_eq!(blank_name.error_fields(), ["name"]);
        let trimmed = app
            .post("/api/v1/partners")
            .admin()
            .json(json!({"external_key": "  PN-7 ", "name": " Seven \n"}))
            .send()
            .await;
        let body = trimmed.expect(201);
        assert_eq!(
            (body["external_key"].as_str(), body["name"].as_str()),
            (Some("PN-7"), Some("Seven"))
        );

        // A conflict says which value, in words, never in the database's.
        let again = app
            .post("/api/v1/partners")
            .admin()
            .json(json!({"external_key": "PN-7", "name": "Other"}))
            .send()
            .await;
        let detail = again.problem(409)["detail"].as_str().unwrap().to_owned();
        assert!(detail.contains("external_key `PN-7`"), "{detail}");
        for leak in ["UNIQUE", "constraint", "partners.", "duplicate key"] {
            assert!(!detail.contains(leak), "{backend:?}: {detail}");
        }
        let renamed = app
            .patch(&format!("/api/v1/partners/{partner}"))
            .admin()
            .json(json!({"external_key": "PN-7"}))
            .send()
            .await;
        assert!(renamed.problem(409)["detail"]
            .as_str()
            .unwrap()
            .contains("external_key `PN-7`"));
        let other = app.partner("OTHER").await;
        let taken = app
            .post(&format!("/api/v1/partners/{other}/memberships"))
            .admin()
            .json(json!({"membership_number": "M-CTRL", "renewal_date": "2027-01-01"}))
            .send()
            .await;
        assert!(taken.problem(409)["detail"]
            .as_str()
            .unwrap()
            .contains("membership_number `M-CTRL`"));
    }
}

#[actix_rt::test]
async fn bad_parameters_name_the_parameter_and_its_form() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (_, membership, _, _) = app.partner_tree("PARAM").await;
        let cases = [
            (
                format!("/api/v1/memberships/{membership}/compliance?as_of=2024-02-30"),
                "as_of",
                "must be a date YYYY-MM-DD",
            ),
            (
                format!("/api/v1/memberships/{membership}/results?from=yesterday"),
                "from",
                "must be a date YYYY-MM-DD",
            ),
            (
                "/api/v1/partners?limit=ten".to_owned(),
                "limit",
                "must be a whole number from 1 to 200",
            ),
            (
                "/api/v1/periods?count=-1".to_owned(),
                "count",
                "must be a whole number from 1 to 40",
            ),
            (
                "/api/v1/program/compliance?status=good".to_owned(),
                "status",
                "must be one of `met`, `not_met`",
            ),
            (
                "/api/v1/program/compliance?country=B%00G".to_owned(),
                "country",
                "must not contain control characters (tab and line breaks are allowed)",
            ),
            (
                "/api/v1/memberships/not-a-uuid".to_owned(),
                "membership_id",
                "must be a UUID",
            ),
        ];
        for (uri, field, message) in &cases {
            let reply = app.get(uri).admin().send().await;
            let problem = reply.problem(400);
            assert_eq!(
                problem["errors"],
                json!([{"field": field, "message": message}]),
                "{backend:?} {uri}"
            );
            assert_eq!(problem["detail"], format!("`{field}` {message}"));
        }
    }
}
