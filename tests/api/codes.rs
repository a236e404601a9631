//! Every problem names its cause in a stable `code`; each code is documented in the spec's table.

use std::collections::BTreeSet;

use csat_index::error::ErrorCode;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::common::{backends, id_of, TestApp};

#[actix_rt::test]
async fn each_cause_answers_its_own_code() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let mut seen = Vec::new();
        let mut check = |reply: crate::common::Reply, status: u16, code: &str| {
            assert_eq!(
                reply.problem_code(status),
                code,
                "{backend:?}: {}",
                reply.text
            );
            seen.push(code.to_owned());
        };

        check(
            app.get("/api/v1/partners").send().await,
            401,
            "unauthorized",
        );
        check(
            app.post("/api/v1/partners")
                .vendor()
                .json(json!({"external_key": "V", "name": "V"}))
                .send()
                .await,
            403,
            "forbidden",
        );
        let nobody = Uuid::now_v7();
        check(
            app.get(&format!("/api/v1/partners/{nobody}"))
                .admin()
                .send()
                .await,
            404,
            "not_found",
        );
        check(
            app.get("/api/v1/no-such-route").admin().send().await,
            404,
            "not_found",
        );
        check(
            app.get("/api/v1/partners/not-a-uuid").admin().send().await,
            400,
            "invalid_parameters",
        );
        check(
            app.get("/api/v1/partners?limit=many").admin().send().await,
            400,
            "invalid_parameters",
        );
        check(
            app.post("/api/v1/partners")
                .admin()
                .raw("application/json", "{\"external_key\": ")
                .send()
                .await,
            400,
            "malformed_json",
        );
        check(
            app.post("/api/v1/partners")
                .admin()
                .raw("text/plain", "external_key=X")
                .send()
                .await,
            415,
            "unsupported_media_type",
        );
        check(
            app.post("/api/v1/partners")
                .admin()
                .json(json!({"external_key": "", "name": "X"}))
                .send()
                .await,
            422,
            "validation_failed",
        );

        let (partner, _, office, contact) = app.partner_tree("CODES").await;
        check(
            app.post("/api/v1/partners")
                .admin()
                .json(json!({"external_key": "CODES", "name": "Again"}))
                .send()
                .await,
            409,
            "already_exists",
        );
        check(
            app.delete(&format!("/api/v1/partners/{partner}"))
                .admin()
                .send()
                .await,
            409,
            "in_use",
        );
        check(
            app.patch(&format!("/api/v1/offices/{office}"))
                .partner(&partner)
                .header("If-Match", "\"banana\"")
                .json(json!({"city": "Varna"}))
                .send()
                .await,
            412,
            "version_mismatch",
        );

        let draft = id_of(
            app.post(&format!("/api/v1/offices/{office}/surveys"))
                .partner(&partner)
                .json(json!({"title": "Draft"}))
                .send()
                .await
                .expect(201),
        );
        check(
            app.post(&format!("/api/v1/surveys/{draft}/invitations"))
                .partner(&partner)
                .json(json!({"contact_ids": [contact], "delivery": "partner"}))
                .send()
                .await,
            409,
            "survey_not_open",
        );
        check(
            app.post(&format!("/api/v1/surveys/{draft}/close"))
                .partner(&partner)
                .send()
                .await,
            409,
            "invalid_status_transition",
        );
        check(
            app.post("/api/v1/periods/2099-Q1/close")
                .admin()
                .send()
                .await,
            409,
            "period_not_ended",
        );

        check(
            app.post("/api/v1/partners")
                .admin()
                .header("Idempotency-Key", &"k".repeat(256))
                .json(json!({"external_key": "LONG", "name": "Long"}))
                .send()
                .await,
            400,
            "invalid_header",
        );
        app.post("/api/v1/partners")
            .admin()
            .header("Idempotency-Key", "codes-1")
            .json(json!({"external_key": "IDEM", "name": "First"}))
            .send()
            .await
            .expect(201);
        check(
            app.post("/api/v1/partners")
                .admin()
                .header("Idempotency-Key", "codes-1")
                .json(json!({"external_key": "IDEM", "name": "Other"}))
                .send()
                .await,
            422,
            "idempotency_key_reused",
        );

        let invited = app.invited("ANSWERED", "answered@example.com").await;
        let uri = format!("/api/v1/respond/{}", invited.token());
        let answers = crate::common::answers_with(&invited.custom, "support");
        app.post(&uri)
            .json(json!({"answers": answers}))
            .send()
            .await
            .expect(201);
        check(
            app.post(&uri)
                .json(json!({"answers": answers}))
                .send()
                .await,
            409,
            "invitation_already_answered",
        );

        let distinct: BTreeSet<&String> = seen.iter().collect();
        assert!(distinct.len() >= 6, "{distinct:?}");
    }
}

#[test]
fn every_code_is_in_the_spec_with_its_status_and_meaning() {
    let spec: Value = serde_json::from_str(&csat_index::openapi::openapi_json()).unwrap();
    let schema = &spec["components"]["schemas"]["ErrorCode"];
    let listed: Vec<&str> = schema["enum"]
        .as_array()
        .expect("ErrorCode is an enum")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let description = schema["description"].as_str().unwrap_or_default();
    for code in ErrorCode::ALL {
        assert!(
            listed.contains(&code.as_str()),
            "{code:?} is not in the enum"
        );
        let line = format!(
            "- `{}` ({}): {}",
            code.as_str(),
            code.status().as_u16(),
            code.description()
        );
        assert!(
            description.contains(&line),
            "{code:?} is not described: {description}"
        );
        assert!(!code.description().is_empty());
    }
    assert_eq!(listed.len(), ErrorCode::ALL.len());
    assert_eq!(
        spec["components"]["schemas"]["Problem"]["properties"]["code"]["$ref"],
        "#/components/schemas/ErrorCode"
    );
    assert!(spec["components"]["schemas"]["Problem"]["required"]
        .as_array()
        .unwrap()
        .contains(&json!("code")));
}
