//! Happy paths of each resource.

use serde_json::json;

use crate::common::{backends, id_of, Options, TestApp};

#[actix_rt::test]
async fn partner_membership_office_and_contact_lifecycle() {
    for backend in backends() {
        let app = TestApp::start(backend).await;

        let created = app
            .post("/api/v1/partners")
            .admin()
            .json(json!({"external_key": "PN-1", "name": " Northwind ", "email_domains": ["Northwind.Example", "northwind.example"]}))
            .send()
            .await;
        let partner = created.expect(201).clone();
        let partner_id = id_of(&partner);
        assert_eq!(partner["name"], "Northwind", "{backend:?}");
        assert_eq!(partner["email_domains"], json!(["northwind.example"]));
        assert_eq!(
            created.header("location").unwrap(),
            format!("/api/v1/partners/{partner_id}")
        );
        app.get(&format!("/api/v1/partners/{partner_id}"))
            .admin()
            .send()
            .await
            .expect(200);
        let renamed = app
            .patch(&format!("/api/v1/partners/{partner_id}"))
            .admin()
            .json(json!({"name": "Northwind Consulting"}))
            .send()
            .await;
        assert_eq!(renamed.expect(200)["name"], "Northwind Consulting");
        assert_eq!(renamed.header("etag").as_deref(), Some("\"2\""));

        let membership = app
            .post(&format!("/api/v1/partners/{partner_id}/memberships"))
            .admin()
            .json(json!({"membership_number": "MPN-1", "renewal_date": "2027-06-30"}))
            .send()
            .await;
        let membership_id = id_of(membership.expect(201));
        assert_eq!(membership.body["partner_id"], partner_id.as_str());
        assert_eq!(membership.body["renewal_date"], "2027-06-30");
        let duplicate = app
            .post(&format!("/api/v1/partners/{partner_id}/memberships"))
            .admin()
            .json(json!({"membership_number": "MPN-1", "renewal_date": "2027-06-30"}))
            .send()
            .await;
        duplicate.problem(409);
        let moved = app
            .patch(&format!("/api/v1/memberships/{membership_id}"))
            .admin()
            .json(json!({"renewal_date": "2027-12-31"}))
            .send()
            .await;
        assert_eq!(moved.expect(200)["renewal_date"], "2027-12-31");

        let office = app
            .post(&format!("/api/v1/memberships/{membership_id}/offices"))
            .partner(&partner_id)
            .json(json!({"name": "Sofia", "country": "bg", "city": "Sofia"}))
            .send()
            .await;
        let office_id = id_of(office.expect(201));
        assert_eq!(office.body["country"], "BG");
        assert_eq!(office.body["partner_id"], partner_id.as_str());
        let offices = app
            .get(&format!("/api/v1/memberships/{membership_id}/offices"))
            .vendor()
            .send()
            .await;
        assert_eq!(offices.expect(200)["items"][0]["id"], office_id.as_str());

        let contact = app
            .post(&format!("/api/v1/offices/{office_id}/contacts"))
            .partner(&partner_id)
            .json(json!({
                "name": "Maria Ivanova", "email": "Maria@Contoso.example", "organization": "Contoso Ltd", "locale": "bg",
                "consent": {"given_at": "2026-01-15T10:00:00Z", "method": "web_form"}
            }))
            .send()
            .await;
        let contact_id = id_of(contact.expect(201));
        assert_eq!(contact.body["email"], "maria@contoso.example");
        assert_eq!(contact.body["organization_key"], "domain:contoso.example");
        assert_eq!(contact.body["consent"]["method"], "web_form");
        let listed = app
            .get(&format!("/api/v1/offices/{office_id}/contacts"))
            .partner(&partner_id)
            .send()
            .await;
        assert_eq!(listed.expect(200)["items"][0]["id"], contact_id.as_str());
        let withdrawn = app
            .patch(&format!("/api/v1/contacts/{contact_id}"))
            .partner(&partner_id)
            .json(json!({"consent": null}))
            .send()
            .await;
        assert!(withdrawn.expect(200)["consent"].is_null());
        assert_eq!(
            withdrawn.body["name"], "Maria Ivanova",
            "omitted fields stay"
        );

        // Parents with children cannot be deleted; an office with contacts keeps its history.
        app.delete(&format!("/api/v1/partners/{partner_id}"))
            .admin()
            .send()
            .await
            .problem(409);
        app.delete(&format!("/api/v1/memberships/{membership_id}"))
            .admin()
            .send()
            .await
            .problem(409);
        app.delete(&format!("/api/v1/offices/{office_id}"))
            .admin()
            .send()
            .await
            .problem(409);

        let empty_office = app.office(&membership_id, "DE").await;
        app.delete(&format!("/api/v1/offices/{empty_office}"))
            .partner(&partner_id)
            .send()
            .await
            .expect(204);
        app.get(&format!("/api/v1/offices/{empty_office}"))
            .admin()
            .send()
            .await
            .problem(404);
    }
}

#[actix_rt::test]
async fn deleting_a_contact_erases_personal_data_and_keeps_the_organization_key() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, _, _, contact) = app.partner_tree("ERASE").await;
        let before = app
            .get(&format!("/api/v1/contacts/{contact}"))
            .partner(&partner)
            .send()
            .await;
        let key = before.expect(200)["organization_key"].clone();

        app.delete(&format!("/api/v1/contacts/{contact}"))
            .partner(&partner)
            .send()
            .await
            .expect(204);
        let after = app
            .get(&format!("/api/v1/contacts/{contact}"))
            .partner(&partner)
            .send()
            .await;
        let after = after.expect(200);
        for field in ["name", "email", "organization", "locale", "consent"] {
            assert!(
                after[field].is_null(),
                "{backend:?}: {field} survived erasure: {after}"
            );
        }
        assert!(after["erased_at"].is_string());
        assert_eq!(after["organization_key"], key);

        app.delete(&format!("/api/v1/contacts/{contact}"))
            .partner(&partner)
            .send()
            .await
            .expect(204);
        let edit = app
            .patch(&format!("/api/v1/contacts/{contact}"))
            .partner(&partner)
            .json(json!({"name": "Back"}))
            .send()
            .await;
        edit.problem(409);
    }
}

#[actix_rt::test]
async fn organization_key_is_normalized_across_free_mail_and_spelling() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (_, _, office, _) = app.partner_tree("ORG").await;
        let mut keys = Vec::new();
        for (email, organization) in [
            ("a@gmail.com", "Contoso Ltd"),
            ("b@yahoo.co.uk", "contoso ltd."),
            ("c@contoso.example", "Contoso"),
        ] {
            let reply = app
                .post(&format!("/api/v1/offices/{office}/contacts"))
                .admin()
                .json(json!({"name": "X", "email": email, "organization": organization}))
                .send()
                .await;
            keys.push(
                reply.expect(201)["organization_key"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        assert_eq!(keys[0], "name:contoso");
        assert_eq!(keys[0], keys[1]);
        assert_eq!(keys[2], "domain:contoso.example");

        // Changing the email recomputes the key.
        let contact = app.contact(&office, "z@gmail.com").await;
        let moved = app
            .patch(&format!("/api/v1/contacts/{contact}"))
            .admin()
            .json(json!({"email": "z@fabrikam.example"}))
            .send()
            .await;
        assert_eq!(
            moved.expect(200)["organization_key"],
            "domain:fabrikam.example"
        );
    }
}

#[actix_rt::test]
async fn reads_by_id_need_only_one_pooled_connection() {
    for backend in backends() {
        let options = Options {
            pool_size: 1,
            pool_timeout: std::time::Duration::from_secs(2),
            ..Options::default()
        };
        let app = TestApp::start_with(backend, options).await;
        let (partner, membership, office, _) = app.partner_tree("ONE").await;
        for path in [
            format!("/api/v1/memberships/{membership}"),
            format!("/api/v1/offices/{office}"),
        ] {
            let reply = app.get(&path).partner(&partner).send().await;
            reply.expect(200);
        }
    }
}

#[actix_rt::test]
async fn an_import_larger_than_one_insert_statement_stores_every_row() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, _, office, _) = app.partner_tree("BIG").await;
        let import = |numbers: std::ops::Range<usize>| {
            let contacts: Vec<_> = numbers
                .map(|n| json!({"name": format!("C{n}"), "email": format!("c{n}@big.example")}))
                .collect();
            app.post(&format!("/api/v1/offices/{office}/contacts/import"))
                .partner(&partner)
                .json(json!({ "contacts": contacts }))
                .send()
        };
        let counts =
            |body: &serde_json::Value| (body["created"].as_u64(), body["duplicate"].as_u64());
        // Two full statements of 500 rows, then one of 500 and a partial one of 200.
        let first = import(0..1000).await;
        assert_eq!(
            counts(first.expect(200)),
            (Some(1000), Some(0)),
            "{backend:?}"
        );
        let second = import(300..1300).await;
        assert_eq!(
            counts(second.expect(200)),
            (Some(300), Some(700)),
            "{backend:?}"
        );
        let again = import(1000..1300).await;
        assert_eq!(
            counts(again.expect(200)),
            (Some(0), Some(300)),
            "{backend:?}"
        );
    }
}

#[actix_rt::test]
async fn bulk_import_answers_per_row_in_one_transaction() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, _, office, _) = app.partner_tree("IMP").await;
        let reply = app
            .post(&format!("/api/v1/offices/{office}/contacts/import"))
            .partner(&partner)
            .json(json!({"contacts": [
                {"name": "Ann", "email": "ann@a.example", "organization": "A"},
                {"name": "", "email": "not-an-email"},
                {"name": "Ann again", "email": "ANN@a.example"},
                {"name": "Existing", "email": "customer@imp.example"},
                {"name": "Typed", "email": 42},
                {"name": "Future", "email": "f@a.example", "consent": {"given_at": "2999-01-01T00:00:00Z", "method": "email"}},
                {"name": "Bob", "email": "bob@b.example", "consent": {"given_at": "2026-01-01T00:00:00Z", "method": "contract"}}
            ]}))
            .send()
            .await;
        let result = reply.expect(200);
        let statuses: Vec<&str> = result["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["status"].as_str().unwrap())
            .collect();
        assert_eq!(
            statuses,
            [
                "created",
                "invalid",
                "duplicate",
                "duplicate",
                "invalid",
                "invalid",
                "created"
            ],
            "{backend:?}"
        );
        assert_eq!(
            (
                result["created"].as_u64(),
                result["invalid"].as_u64(),
                result["duplicate"].as_u64()
            ),
            (Some(2), Some(3), Some(2))
        );
        let fields: Vec<&str> = result["rows"][1]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["email", "name"]);
        assert_eq!(result["rows"][5]["errors"][0]["field"], "consent.given_at");
        let created_id = result["rows"][0]["contact_id"].as_str().unwrap();
        app.get(&format!("/api/v1/contacts/{created_id}"))
            .partner(&partner)
            .send()
            .await
            .expect(200);

        let listed = app
            .get(&format!("/api/v1/offices/{office}/contacts?limit=200"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(listed.expect(200)["items"].as_array().unwrap().len(), 3);

        let too_many: Vec<_> = (0..1001)
            .map(|i| json!({"name": "N", "email": format!("n{i}@x.example")}))
            .collect();
        let refused = app
            .post(&format!("/api/v1/offices/{office}/contacts/import"))
            .partner(&partner)
            .json(json!({"contacts": too_many}))
            .send()
            .await;
        assert_eq!(refused.problem(422)["errors"][0]["field"], "contacts");

        let thousand: Vec<_> = (0..1000)
            .map(|i| json!({"name": "N", "email": format!("n{i}@x.example")}))
            .collect();
        let bulk = app
            .post(&format!("/api/v1/offices/{office}/contacts/import"))
            .partner(&partner)
            .json(json!({"contacts": thousand}))
            .send()
            .await;
        assert_eq!(bulk.expect(200)["created"], 1000);

        // Rows go in chunks: duplicates of stored contacts and of earlier rows are found in any chunk,
        // and every created row reads back as sent.
        let mixed: Vec<_> = (0..1000)
            .map(|i| match i {
                i if i % 3 == 0 => json!({"name": "Old", "email": format!("N{i}@X.example")}),
                700 => json!({"name": "Again", "email": "m10@x.example"}),
                i => json!({"name": format!("M {i}"), "email": format!("m{i}@x.example"), "locale": "bg"}),
            })
            .collect();
        let second = app
            .post(&format!("/api/v1/offices/{office}/contacts/import"))
            .partner(&partner)
            .json(json!({"contacts": mixed}))
            .send()
            .await;
        let second = second.expect(200);
        assert_eq!(
            (second["created"].as_u64(), second["duplicate"].as_u64()),
            (Some(665), Some(335)),
            "{backend:?}"
        );
        assert_eq!(second["rows"][700]["status"], "duplicate");
        assert_eq!(second["rows"][999]["status"], "duplicate");
        let last = second["rows"][998]["contact_id"].as_str().unwrap();
        let contact = app
            .get(&format!("/api/v1/contacts/{last}"))
            .partner(&partner)
            .send()
            .await;
        let contact = contact.expect(200);
        assert_eq!(
            (
                &contact["name"],
                &contact["email"],
                &contact["locale"],
                &contact["organization"]
            ),
            (
                &json!("M 998"),
                &json!("m998@x.example"),
                &json!("bg"),
                &json!(null)
            )
        );
    }
}

#[actix_rt::test]
async fn health_ready_and_swagger_ui() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        assert_eq!(app.get("/health").send().await.expect(200)["status"], "ok");
        assert_eq!(
            app.get("/ready").send().await.expect(200)["status"],
            "ready"
        );
        let ui = app.get("/swagger-ui/").send().await;
        assert_eq!(ui.status.as_u16(), 200);
        assert!(
            ui.text.contains("swagger-ui"),
            "Swagger UI page: {}",
            &ui.text[..ui.text.len().min(200)]
        );
        let redirect = app.get("/swagger-ui").send().await;
        assert_eq!(redirect.status.as_u16(), 308);
        assert_eq!(redirect.header("location").as_deref(), Some("/swagger-ui/"));
        let spec = app.get("/api/v1/openapi.json").send().await;
        assert_eq!(spec.expect(200)["openapi"], "3.1.0");
    }
}
