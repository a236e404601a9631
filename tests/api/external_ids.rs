//! The integrator's own ids: reading and upserting partners, memberships, offices and contacts by
//! their `external_id` (a partner's is its `external_key`), uniqueness per parent, roles, and the
//! contact import's upserts.

use actix_web::http::Method;
use serde_json::{json, Value};

use crate::common::{backends, id_of, Reply, TestApp};

/// Encodes an external id for a path segment.
fn segment(id: &str) -> String {
    id.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The number of items of a list (at most 200).
async fn count(app: &TestApp, uri: &str) -> usize {
    app.get(&format!("{uri}?limit=200"))
        .admin()
        .send()
        .await
        .expect(200)["items"]
        .as_array()
        .unwrap()
        .len()
}

/// Asserts that a second identical PUT changed nothing: 200, same body (so same `updated_at`), same
/// `ETag`.
#[track_caller]
fn assert_unchanged(first: &Reply, again: &Reply) {
    assert_eq!(again.expect(200), &first.body, "the object is as it was");
    assert_eq!(again.header("etag"), first.header("etag"), "same ETag");
    assert_eq!(again.body["updated_at"], first.body["updated_at"]);
    assert!(again.header("location").is_none(), "no Location on a 200");
}

#[actix_rt::test]
async fn a_partner_is_read_and_upserted_by_its_external_key() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let uri = format!("/api/v1/partners/by-external-id/{}", segment("PN/42 ä"));
        let body = json!({"external_key": "PN/42 ä", "name": "Northwind", "email_domains": ["Northwind.example"]});

        let created = app
            .request(Method::PUT, &uri)
            .admin()
            .json(body.clone())
            .send()
            .await;
        let partner_id = id_of(created.expect(201));
        assert_eq!(created.body["external_key"], "PN/42 ä", "{backend:?}");
        assert_eq!(
            created.header("location").unwrap(),
            format!("/api/v1/partners/{partner_id}")
        );
        assert_eq!(created.header("etag").as_deref(), Some("\"1\""));

        let again = app
            .request(Method::PUT, &uri)
            .admin()
            .json(body.clone())
            .send()
            .await;
        assert_unchanged(&created, &again);
        assert_eq!(count(&app, "/api/v1/partners").await, 1);

        let renamed = app
            .request(Method::PUT, &uri)
            .admin()
            .json(json!({"external_key": "PN/42 ä", "name": "Northwind Group"}))
            .send()
            .await;
        assert_eq!(renamed.expect(200)["name"], "Northwind Group");
        assert_eq!(renamed.body["id"], partner_id.as_str());
        assert_eq!(
            renamed.body["email_domains"],
            json!([]),
            "a PUT replaces: omitted domains are cleared"
        );
        assert_eq!(renamed.header("etag").as_deref(), Some("\"2\""));
        assert_eq!(count(&app, "/api/v1/partners").await, 1);

        let read = app.get(&uri).partner(&partner_id).send().await;
        assert_eq!(read.expect(200)["name"], "Northwind Group");
        assert_eq!(read.header("etag").as_deref(), Some("\"2\""));
        app.get("/api/v1/partners/by-external-id/PN-404")
            .admin()
            .send()
            .await
            .problem(404);

        // The key in the body must be the path's.
        let contradicting = app
            .request(Method::PUT, &uri)
            .admin()
            .json(json!({"external_key": "PN-43", "name": "Northwind"}))
            .send()
            .await;
        contradicting.problem(422);
        assert_eq!(contradicting.error_fields(), ["external_key"]);

        // A partner finds only itself; only the administrator writes.
        let other = app.partner("PN-2").await;
        app.get(&uri).partner(&other).send().await.problem(404);
        app.get("/api/v1/partners/by-external-id/PN-2")
            .partner(&other)
            .send()
            .await
            .expect(200);
        app.get(&uri).vendor().send().await.expect(200);
        for reply in [
            app.request(Method::PUT, &uri)
                .vendor()
                .json(body.clone())
                .send()
                .await,
            app.request(Method::PUT, &uri)
                .partner(&partner_id)
                .json(body.clone())
                .send()
                .await,
        ] {
            reply.problem(403);
        }

        // A stale If-Match is refused, and so is one naming a partner that does not exist yet.
        app.request(Method::PUT, &uri)
            .admin()
            .header("If-Match", "\"1\"")
            .json(body.clone())
            .send()
            .await
            .problem(412);
        app.request(Method::PUT, "/api/v1/partners/by-external-id/PN-NEW")
            .admin()
            .header("If-Match", "\"1\"")
            .json(json!({"external_key": "PN-NEW", "name": "New"}))
            .send()
            .await
            .problem(412);
        assert_eq!(count(&app, "/api/v1/partners").await, 2);
    }
}

#[actix_rt::test]
async fn memberships_are_upserted_by_external_id_unique_per_partner() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (a, b) = (app.partner("A").await, app.partner("B").await);
        let uri = format!("/api/v1/partners/{a}/memberships/by-external-id/CRM-1");
        let body = json!({"membership_number": "MPN-1", "renewal_date": "2027-06-30"});

        let created = app
            .request(Method::PUT, &uri)
            .admin()
            .json(body.clone())
            .send()
            .await;
        let membership_id = id_of(created.expect(201));
        assert_eq!(created.body["external_id"], "CRM-1", "{backend:?}");
        assert_eq!(
            created.header("location").unwrap(),
            format!("/api/v1/memberships/{membership_id}")
        );
        let again = app
            .request(Method::PUT, &uri)
            .admin()
            .json(json!({"membership_number": "MPN-1", "renewal_date": "2027-06-30", "external_id": "CRM-1"}))
            .send()
            .await;
        assert_unchanged(&created, &again);
        let list = format!("/api/v1/partners/{a}/memberships");
        assert_eq!(count(&app, &list).await, 1);

        let moved = app
            .request(Method::PUT, &uri)
            .admin()
            .json(json!({"membership_number": "MPN-1", "renewal_date": "2028-06-30"}))
            .send()
            .await;
        assert_eq!(moved.expect(200)["renewal_date"], "2028-06-30");
        assert_eq!(moved.header("etag").as_deref(), Some("\"2\""));
        assert_eq!(count(&app, &list).await, 1);

        // Read by it: the owning partner and the vendor; another partner gets 404.
        let read = app.get(&uri).partner(&a).send().await;
        assert_eq!(read.expect(200)["id"], membership_id.as_str());
        app.get(&uri).vendor().send().await.expect(200);
        app.get(&uri).partner(&b).send().await.problem(404);
        app.get(&format!(
            "/api/v1/partners/{b}/memberships/by-external-id/CRM-1"
        ))
        .partner(&a)
        .send()
        .await
        .problem(404);
        app.request(Method::PUT, &uri)
            .partner(&a)
            .json(body.clone())
            .send()
            .await
            .problem(403);
        app.request(Method::PUT, &uri)
            .vendor()
            .json(body.clone())
            .send()
            .await
            .problem(403);

        // Unique per partner: the same id under another partner is another membership.
        let elsewhere = app
            .post(&format!("/api/v1/partners/{b}/memberships"))
            .admin()
            .json(json!({"membership_number": "MPN-2", "renewal_date": "2027-06-30", "external_id": "CRM-1"}))
            .send()
            .await;
        assert_eq!(elsewhere.expect(201)["external_id"], "CRM-1");
        let duplicate = app
            .post(&format!("/api/v1/partners/{a}/memberships"))
            .admin()
            .json(json!({"membership_number": "MPN-3", "renewal_date": "2027-06-30", "external_id": "CRM-1"}))
            .send()
            .await;
        assert_eq!(duplicate.problem_code(409), "already_exists");
        let detail = duplicate.body["detail"].as_str().unwrap();
        assert!(
            detail.contains("external_id `CRM-1`") && detail.contains("membership"),
            "{detail}"
        );
        let second = app.membership(&a, "MPN-4").await;
        let patched = app
            .patch(&format!("/api/v1/memberships/{second}"))
            .admin()
            .json(json!({"external_id": "CRM-1"}))
            .send()
            .await;
        assert_eq!(patched.problem_code(409), "already_exists");

        // PATCH sets and clears it.
        let set = app
            .patch(&format!("/api/v1/memberships/{second}"))
            .admin()
            .json(json!({"external_id": "CRM-2"}))
            .send()
            .await;
        assert_eq!(set.expect(200)["external_id"], "CRM-2");
        let cleared = app
            .patch(&format!("/api/v1/memberships/{membership_id}"))
            .admin()
            .json(json!({"external_id": null}))
            .send()
            .await;
        assert_eq!(cleared.expect(200)["external_id"], Value::Null);
        assert_eq!(cleared.body["renewal_date"], "2028-06-30");
        app.get(&uri).admin().send().await.problem(404);

        // An upsert under a partner that does not exist is 404 and creates nothing.
        let nobody = "01900000-0000-7000-8000-000000000000";
        app.request(
            Method::PUT,
            &format!("/api/v1/partners/{nobody}/memberships/by-external-id/CRM-9"),
        )
        .admin()
        .json(json!({"membership_number": "MPN-9", "renewal_date": "2027-06-30"}))
        .send()
        .await
        .problem(404);
    }
}

#[actix_rt::test]
async fn offices_are_upserted_by_external_id_by_their_partner() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (a, a_membership, _, _) = app.partner_tree("A").await;
        let (b, b_membership, _, _) = app.partner_tree("B").await;
        let uri = format!("/api/v1/memberships/{a_membership}/offices/by-external-id/OFF-1");
        let body = json!({"name": "Sofia", "country": "bg", "city": "Sofia"});

        let created = app
            .request(Method::PUT, &uri)
            .partner(&a)
            .json(body.clone())
            .send()
            .await;
        let office_id = id_of(created.expect(201));
        assert_eq!(created.body["external_id"], "OFF-1", "{backend:?}");
        assert_eq!(created.body["country"], "BG");
        let list = format!("/api/v1/memberships/{a_membership}/offices");
        let offices = count(&app, &list).await;
        // "bg" is stored as "BG": the same office, so nothing changes.
        let again = app
            .request(Method::PUT, &uri)
            .partner(&a)
            .json(body.clone())
            .send()
            .await;
        assert_unchanged(&created, &again);
        assert_eq!(count(&app, &list).await, offices);
        let moved = app
            .request(Method::PUT, &uri)
            .admin()
            .json(json!({"name": "Sofia", "country": "BG", "city": "Plovdiv"}))
            .send()
            .await;
        assert_eq!(moved.expect(200)["city"], "Plovdiv");
        assert_eq!(moved.body["id"], office_id.as_str());
        assert_eq!(moved.header("etag").as_deref(), Some("\"2\""));

        // Another partner's membership: 404 to read and to write, and nothing is created there.
        app.get(&uri).partner(&b).send().await.problem(404);
        let b_uri = format!("/api/v1/memberships/{b_membership}/offices/by-external-id/OFF-1");
        let b_offices = count(&app, &format!("/api/v1/memberships/{b_membership}/offices")).await;
        app.request(Method::PUT, &b_uri)
            .partner(&a)
            .json(body.clone())
            .send()
            .await
            .problem(404);
        assert_eq!(
            count(&app, &format!("/api/v1/memberships/{b_membership}/offices")).await,
            b_offices
        );
        // The vendor reads offices but never writes.
        app.get(&uri).vendor().send().await.expect(200);
        app.request(Method::PUT, &uri)
            .vendor()
            .json(body.clone())
            .send()
            .await
            .problem(403);

        // Unique per membership: B may use OFF-1 too; a second OFF-1 in A's membership is 409.
        app.request(Method::PUT, &b_uri)
            .partner(&b)
            .json(body.clone())
            .send()
            .await
            .expect(201);
        let duplicate = app
            .post(&format!("/api/v1/memberships/{a_membership}/offices"))
            .partner(&a)
            .json(
                json!({"name": "Varna", "country": "BG", "city": "Varna", "external_id": "OFF-1"}),
            )
            .send()
            .await;
        assert_eq!(duplicate.problem_code(409), "already_exists");
        assert!(duplicate.body["detail"]
            .as_str()
            .unwrap()
            .contains("another office of this membership already has external_id `OFF-1`"));
        let varna = app
            .post(&format!("/api/v1/memberships/{a_membership}/offices"))
            .partner(&a)
            .json(
                json!({"name": "Varna", "country": "BG", "city": "Varna", "external_id": "OFF-2"}),
            )
            .send()
            .await;
        let varna = id_of(varna.expect(201));
        app.patch(&format!("/api/v1/offices/{varna}"))
            .partner(&a)
            .json(json!({"external_id": "OFF-1"}))
            .send()
            .await
            .problem(409);
        let cleared = app
            .patch(&format!("/api/v1/offices/{varna}"))
            .partner(&a)
            .json(json!({"external_id": null}))
            .send()
            .await;
        assert_eq!(cleared.expect(200)["external_id"], Value::Null);
    }
}

#[actix_rt::test]
async fn contacts_are_upserted_by_external_id_and_erasure_forgets_it() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (a, _, a_office, _) = app.partner_tree("A").await;
        let (b, _, b_office, _) = app.partner_tree("B").await;
        let uri = format!("/api/v1/offices/{a_office}/contacts/by-external-id/003Dn01");
        let body = json!({
            "name": "Maria Ivanova", "email": "Maria@Contoso.example", "organization": "Contoso Ltd",
            "locale": "bg", "consent": {"given_at": "2026-01-15T09:00:00Z", "method": "web_form"}
        });
        let list = format!("/api/v1/offices/{a_office}/contacts");
        let before = count(&app, &list).await;

        let created = app
            .request(Method::PUT, &uri)
            .partner(&a)
            .json(body.clone())
            .send()
            .await;
        let contact_id = id_of(created.expect(201));
        assert_eq!(created.body["external_id"], "003Dn01", "{backend:?}");
        assert_eq!(created.body["email"], "maria@contoso.example");
        assert_eq!(
            created.header("location").unwrap(),
            format!("/api/v1/contacts/{contact_id}")
        );
        assert_eq!(count(&app, &list).await, before + 1);

        let again = app
            .request(Method::PUT, &uri)
            .partner(&a)
            .json(body.clone())
            .send()
            .await;
        assert_unchanged(&created, &again);
        assert_eq!(count(&app, &list).await, before + 1);

        // A replace: the organization the body lacks is cleared and the organization key follows.
        let replaced = app
            .request(Method::PUT, &uri)
            .partner(&a)
            .json(
                json!({"name": "Maria Ivanova", "email": "maria@fabrikam.example", "locale": "bg",
                         "consent": {"given_at": "2026-01-15T09:00:00Z", "method": "web_form"}}),
            )
            .send()
            .await;
        assert_eq!(replaced.expect(200)["id"], contact_id.as_str());
        assert_eq!(replaced.body["organization"], Value::Null);
        assert_eq!(replaced.body["organization_key"], "domain:fabrikam.example");
        assert_eq!(replaced.header("etag").as_deref(), Some("\"2\""));
        assert_ne!(replaced.body["updated_at"], created.body["updated_at"]);
        assert_eq!(count(&app, &list).await, before + 1);

        let read = app.get(&uri).partner(&a).send().await;
        assert_eq!(read.expect(200)["email"], "maria@fabrikam.example");
        assert_eq!(read.header("etag").as_deref(), Some("\"2\""));

        // Confidential: the vendor gets 403; another partner's office is 404.
        app.get(&uri).vendor().send().await.problem(403);
        app.request(Method::PUT, &uri)
            .vendor()
            .json(body.clone())
            .send()
            .await
            .problem(403);
        app.get(&uri).partner(&b).send().await.problem(404);
        app.request(Method::PUT, &uri)
            .partner(&b)
            .json(body.clone())
            .send()
            .await
            .problem(404);
        assert_eq!(count(&app, &list).await, before + 1);

        // Unique per office: B's office may hold 003Dn01 too; A's may not twice.
        app.request(
            Method::PUT,
            &format!("/api/v1/offices/{b_office}/contacts/by-external-id/003Dn01"),
        )
        .partner(&b)
        .json(body.clone())
        .send()
        .await
        .expect(201);
        let duplicate = app
            .post(&list)
            .partner(&a)
            .json(json!({"name": "Other", "email": "other@contoso.example", "external_id": "003Dn01"}))
            .send()
            .await;
        assert_eq!(duplicate.problem_code(409), "already_exists");
        assert!(duplicate.body["detail"]
            .as_str()
            .unwrap()
            .contains("another contact of this office already has external_id `003Dn01`"));
        let other = app.contact(&a_office, "other@contoso.example").await;
        app.patch(&format!("/api/v1/contacts/{other}"))
            .partner(&a)
            .json(json!({"external_id": "003Dn01"}))
            .send()
            .await
            .problem(409);
        // Another contact's email through an upsert is 409 too, and changes nothing.
        let taken = app
            .request(Method::PUT, &uri)
            .partner(&a)
            .json(json!({"name": "Maria Ivanova", "email": "other@contoso.example"}))
            .send()
            .await;
        assert_eq!(taken.problem_code(409), "already_exists");
        let unchanged = app.get(&uri).partner(&a).send().await;
        assert_eq!(unchanged.header("etag").as_deref(), Some("\"2\""));

        // Erasure wipes the external id with the personal fields: the CRM key no longer finds the
        // person, and a later upsert under it creates a new contact.
        app.delete(&format!("/api/v1/contacts/{contact_id}"))
            .partner(&a)
            .send()
            .await
            .expect(204);
        let erased = app
            .get(&format!("/api/v1/contacts/{contact_id}"))
            .partner(&a)
            .send()
            .await;
        assert_eq!(erased.expect(200)["external_id"], Value::Null);
        app.get(&uri).partner(&a).send().await.problem(404);
        let recreated = app
            .request(Method::PUT, &uri)
            .partner(&a)
            .json(body.clone())
            .send()
            .await;
        assert_ne!(id_of(recreated.expect(201)), contact_id);
    }
}

#[actix_rt::test]
async fn external_ids_are_validated_with_a_clear_problem() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (a, membership, office, _) = app.partner_tree("A").await;
        let long = "x".repeat(129);
        for (external_id, message) in [
            ("bad\tid", "must not contain control characters"),
            (" padded", "must not start or end with whitespace"),
            (long.as_str(), "must be 1 to 128 characters"),
            ("", "must be 1 to 128 characters"),
        ] {
            let reply = app
                .post(&format!("/api/v1/memberships/{membership}/offices"))
                .partner(&a)
                .json(json!({"name": "X", "country": "DE", "city": "Berlin", "external_id": external_id}))
                .send()
                .await;
            reply.problem(422);
            assert_eq!(reply.error_fields(), ["external_id"], "{backend:?}");
            assert_eq!(reply.body["errors"][0]["message"], message);
            let patched = app
                .patch(&format!("/api/v1/memberships/{membership}"))
                .admin()
                .json(json!({"external_id": external_id}))
                .send()
                .await;
            patched.problem(422);
            assert_eq!(patched.error_fields(), ["external_id"]);
        }
        // In the path: 400 naming the parameter, on reads and upserts alike.
        for uri in [
            format!("/api/v1/offices/{office}/contacts/by-external-id/%20padded"),
            format!(
                "/api/v1/offices/{office}/contacts/by-external-id/{}",
                "y".repeat(129)
            ),
            format!("/api/v1/offices/{office}/contacts/by-external-id/a%0Ab"),
        ] {
            let read = app.get(&uri).partner(&a).send().await;
            assert_eq!(read.problem_code(400), "invalid_parameters");
            assert_eq!(read.error_fields(), ["external_id"]);
            let upsert = app
                .request(Method::PUT, &uri)
                .partner(&a)
                .json(json!({"name": "X", "email": "x@contoso.example"}))
                .send()
                .await;
            assert_eq!(upsert.problem_code(400), "invalid_parameters");
            assert_eq!(upsert.error_fields(), ["external_id"]);
        }
        // The body may repeat the path's id, not contradict it.
        let contradicting = app
            .request(
                Method::PUT,
                &format!("/api/v1/offices/{office}/contacts/by-external-id/C-1"),
            )
            .partner(&a)
            .json(json!({"name": "X", "email": "x@contoso.example", "external_id": "C-2"}))
            .send()
            .await;
        contradicting.problem(422);
        assert_eq!(contradicting.error_fields(), ["external_id"]);
        // Bad contact fields in an upsert are field errors, as on create.
        let invalid = app
            .request(
                Method::PUT,
                &format!("/api/v1/offices/{office}/contacts/by-external-id/C-1"),
            )
            .partner(&a)
            .json(json!({"name": "X", "email": "not-an-email"}))
            .send()
            .await;
        invalid.problem(422);
        assert_eq!(invalid.error_fields(), ["email"]);
        // Any printable id survives the path: slashes, spaces, non-ASCII.
        let odd = "CRM/01 ä#?";
        let uri = format!(
            "/api/v1/offices/{office}/contacts/by-external-id/{}",
            segment(odd)
        );
        let created = app
            .request(Method::PUT, &uri)
            .partner(&a)
            .json(json!({"name": "X", "email": "x@contoso.example"}))
            .send()
            .await;
        assert_eq!(created.expect(201)["external_id"], odd);
        app.get(&uri).partner(&a).send().await.expect(200);
    }
}

#[actix_rt::test]
async fn an_import_upserts_rows_with_external_ids_and_counts_each_outcome() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (a, _, office, _) = app.partner_tree("A").await;
        let import = format!("/api/v1/offices/{office}/contacts/import");
        let row = |n: u32, name: &str| {
            json!({"name": name, "email": format!("c{n}@contoso.example"), "organization": "Contoso Ltd",
                   "external_id": format!("EXT-{n}")})
        };
        let first = app
            .post(&import)
            .partner(&a)
            .json(json!({"contacts": [row(1, "One"), row(2, "Two"), row(3, "Three")]}))
            .send()
            .await;
        let first = first.expect(200).clone();
        assert_eq!(first["created"], 3, "{backend:?}");
        assert_eq!(first["updated"], 0);
        assert_eq!(first["unchanged"], 0);
        let id_of_row = |reply: &Value, index: usize| {
            reply["rows"][index]["contact_id"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let (one, two) = (id_of_row(&first, 0), id_of_row(&first, 1));
        let contact = |id: &str| {
            app.get(&format!("/api/v1/contacts/{id}"))
                .partner(&a)
                .send()
        };
        let one_before = contact(&one).await;
        let list = format!("/api/v1/offices/{office}/contacts");
        let before = count(&app, &list).await;

        let second = app
            .post(&import)
            .partner(&a)
            .json(json!({"contacts": [
                row(1, "One"),                                            // unchanged
                row(2, "Two Renamed"),                                    // updated
                row(4, "Four"),                                           // created
                {"name": "Plain", "email": "plain@contoso.example"},      // created, no external id
                row(2, "Two Again"),                                      // external id repeats
                {"name": "Clash", "email": "c1@contoso.example", "external_id": "EXT-3"}, // another's email
                {"name": "Bad", "email": "bad@contoso.example", "external_id": "a\nb"}, // invalid
                {"name": "Plain", "email": "plain@contoso.example"}       // email repeats
            ]}))
            .send()
            .await;
        let second = second.expect(200).clone();
        let statuses: Vec<&str> = second["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["status"].as_str().unwrap())
            .collect();
        assert_eq!(
            statuses,
            [
                "unchanged",
                "updated",
                "created",
                "created",
                "duplicate",
                "duplicate",
                "invalid",
                "duplicate"
            ]
        );
        assert_eq!(
            (
                &second["created"],
                &second["updated"],
                &second["unchanged"],
                &second["duplicate"],
                &second["invalid"]
            ),
            (&json!(2), &json!(1), &json!(1), &json!(3), &json!(1))
        );
        assert_eq!(id_of_row(&second, 0), one);
        assert_eq!(id_of_row(&second, 1), two);
        assert_eq!(second["rows"][6]["errors"][0]["field"], "external_id");
        assert_eq!(count(&app, &list).await, before + 2);

        // The unchanged row wrote nothing; the updated one is a new version.
        let one_after = contact(&one).await;
        assert_eq!(one_after.expect(200), one_before.expect(200));
        assert_eq!(one_after.header("etag"), one_before.header("etag"));
        let two_after = contact(&two).await;
        assert_eq!(two_after.expect(200)["name"], "Two Renamed");
        assert_eq!(two_after.header("etag").as_deref(), Some("\"2\""));
        let three = contact(&id_of_row(&first, 2)).await;
        assert_eq!(three.expect(200)["email"], "c3@contoso.example");

        // Importing the same rows again changes nothing at all.
        let rows = json!({"contacts": [row(1, "One"), row(2, "Two Renamed"), row(4, "Four")]});
        let third = app.post(&import).partner(&a).json(rows).send().await;
        assert_eq!(third.expect(200)["unchanged"], 3);
        assert_eq!(third.body["created"], 0);
        assert_eq!(third.body["updated"], 0);
        assert_eq!(count(&app, &list).await, before + 2);
        let two_again = contact(&two).await;
        assert_eq!(two_again.header("etag").as_deref(), Some("\"2\""));
        assert_eq!(two_again.body["updated_at"], two_after.body["updated_at"]);
    }
}
