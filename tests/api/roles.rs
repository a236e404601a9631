//! The role matrix of DESIGN §2, object by object.

use serde_json::json;

use crate::common::{backends, TestApp};

#[actix_rt::test]
async fn a_partner_cannot_see_or_touch_another_partners_objects() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (a, a_membership, a_office, a_contact) = app.partner_tree("A").await;
        let (b, b_membership, b_office, b_contact) = app.partner_tree("B").await;

        // By id: 404, not 403, so ids cannot be probed.
        for uri in [
            format!("/api/v1/partners/{b}"),
            format!("/api/v1/memberships/{b_membership}"),
            format!("/api/v1/offices/{b_office}"),
            format!("/api/v1/contacts/{b_contact}"),
            format!("/api/v1/partners/{b}/memberships"),
            format!("/api/v1/memberships/{b_membership}/offices"),
            format!("/api/v1/offices/{b_office}/contacts"),
        ] {
            app.get(&uri).partner(&a).send().await.problem(404);
        }
        app.patch(&format!("/api/v1/offices/{b_office}"))
            .partner(&a)
            .json(json!({"city": "X"}))
            .send()
            .await
            .problem(404);
        app.delete(&format!("/api/v1/offices/{b_office}"))
            .partner(&a)
            .send()
            .await
            .problem(404);
        app.patch(&format!("/api/v1/contacts/{b_contact}"))
            .partner(&a)
            .json(json!({"name": "X"}))
            .send()
            .await
            .problem(404);
        app.delete(&format!("/api/v1/contacts/{b_contact}"))
            .partner(&a)
            .send()
            .await
            .problem(404);
        app.post(&format!("/api/v1/memberships/{b_membership}/offices"))
            .partner(&a)
            .json(json!({"name": "X", "country": "DE", "city": "Berlin"}))
            .send()
            .await
            .problem(404);
        app.post(&format!("/api/v1/offices/{b_office}/contacts"))
            .partner(&a)
            .json(json!({"name": "X", "email": "x@x.example"}))
            .send()
            .await
            .problem(404);
        app.post(&format!("/api/v1/offices/{b_office}/contacts/import"))
            .partner(&a)
            .json(json!({"contacts": [{"name": "X", "email": "x@x.example"}]}))
            .send()
            .await
            .problem(404);
        // B's contact is untouched.
        let untouched = app
            .get(&format!("/api/v1/contacts/{b_contact}"))
            .admin()
            .send()
            .await;
        assert_eq!(
            untouched.expect(200)["name"],
            "Some Customer",
            "{backend:?}"
        );

        // Lists show only A's own objects.
        let partners = app.get("/api/v1/partners").partner(&a).send().await;
        let ids: Vec<&str> = partners.expect(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [a.as_str()]);
        for (uri, own) in [
            (format!("/api/v1/partners/{a}/memberships"), &a_membership),
            (
                format!("/api/v1/memberships/{a_membership}/offices"),
                &a_office,
            ),
            (format!("/api/v1/offices/{a_office}/contacts"), &a_contact),
        ] {
            let list = app.get(&uri).partner(&a).send().await;
            assert_eq!(list.expect(200)["items"].as_array().unwrap().len(), 1);
            assert_eq!(list.body["items"][0]["id"], own.as_str());
        }

        // The administrator sees everything.
        let all = app.get("/api/v1/partners").admin().send().await;
        assert_eq!(all.expect(200)["items"].as_array().unwrap().len(), 2);
        app.get(&format!("/api/v1/contacts/{a_contact}"))
            .admin()
            .send()
            .await
            .expect(200);
    }
}

#[actix_rt::test]
async fn partners_and_vendor_cannot_do_admin_work() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (a, a_membership, _, _) = app.partner_tree("A").await;
        let new_partner = json!({"external_key": "X", "name": "X"});
        app.post("/api/v1/partners")
            .partner(&a)
            .json(new_partner.clone())
            .send()
            .await
            .problem(403);
        app.post("/api/v1/partners")
            .vendor()
            .json(new_partner)
            .send()
            .await
            .problem(403);
        app.patch(&format!("/api/v1/partners/{a}"))
            .partner(&a)
            .json(json!({"name": "Mine"}))
            .send()
            .await
            .problem(403);
        app.delete(&format!("/api/v1/partners/{a}"))
            .vendor()
            .send()
            .await
            .problem(403);
        app.post(&format!("/api/v1/partners/{a}/memberships"))
            .partner(&a)
            .json(json!({"membership_number": "SELF", "renewal_date": "2027-01-01"}))
            .send()
            .await
            .problem(403);
        app.patch(&format!("/api/v1/memberships/{a_membership}"))
            .partner(&a)
            .json(json!({"renewal_date": "2099-01-01"}))
            .send()
            .await
            .problem(403);
        app.post(&format!("/api/v1/memberships/{a_membership}/offices"))
            .vendor()
            .json(json!({"name": "X", "country": "DE", "city": "Berlin"}))
            .send()
            .await
            .problem(403);
    }
}

#[actix_rt::test]
async fn the_vendor_reads_the_program_but_never_contacts() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (a, membership, office, contact) = app.partner_tree("A").await;

        app.get("/api/v1/partners")
            .vendor()
            .send()
            .await
            .expect(200);
        app.get(&format!("/api/v1/partners/{a}/memberships"))
            .vendor()
            .send()
            .await
            .expect(200);
        app.get(&format!("/api/v1/memberships/{membership}"))
            .vendor()
            .send()
            .await
            .expect(200);
        let office_reply = app
            .get(&format!("/api/v1/offices/{office}"))
            .vendor()
            .send()
            .await;
        assert_eq!(office_reply.expect(200)["country"], "BG");

        let forbidden = [
            app.get(&format!("/api/v1/offices/{office}/contacts"))
                .vendor()
                .send()
                .await,
            app.get(&format!("/api/v1/contacts/{contact}"))
                .vendor()
                .send()
                .await,
            app.post(&format!("/api/v1/offices/{office}/contacts"))
                .vendor()
                .json(json!({"name": "X", "email": "x@x.example"}))
                .send()
                .await,
            app.post(&format!("/api/v1/offices/{office}/contacts/import"))
                .vendor()
                .json(json!({"contacts": []}))
                .send()
                .await,
            app.patch(&format!("/api/v1/contacts/{contact}"))
                .vendor()
                .json(json!({"name": "X"}))
                .send()
                .await,
            app.delete(&format!("/api/v1/contacts/{contact}"))
                .vendor()
                .send()
                .await,
        ];
        for reply in &forbidden {
            reply.problem(403);
            assert!(
                !reply.text.contains("customer@"),
                "{backend:?}: a contact field leaked to the vendor: {}",
                reply.text
            );
        }
    }
}
