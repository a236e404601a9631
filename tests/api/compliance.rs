//! The program rule at its edges, through the API, on both backends.

use serde_json::{json, Value};

use crate::common::{backends, rows, standard_answers, TestApp, CES, NPS, NSAT};

const AS_OF: &str = "2026-11-20";

async fn compliance(app: &TestApp, membership: &str) -> Value {
    app.get(&format!(
        "/api/v1/memberships/{membership}/compliance?as_of={AS_OF}"
    ))
    .admin()
    .send()
    .await
    .expect(200)
    .clone()
}

/// A membership with `offices` offices in Bulgaria; returns (membership, offices, survey per office).
async fn membership(
    app: &TestApp,
    key: &str,
    offices: usize,
) -> (String, Vec<String>, Vec<String>) {
    let partner = app.partner(key).await;
    let membership = app.membership(&partner, &format!("M-{key}")).await;
    let mut office_ids = Vec::new();
    let mut surveys = Vec::new();
    for _ in 0..offices {
        let office = app.office(&membership, "BG").await;
        surveys.push(app.plain_survey(&office).await);
        office_ids.push(office);
    }
    (membership, office_ids, surveys)
}

#[actix_rt::test]
async fn the_rule_at_its_edges() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let answers = standard_answers();

        let (exactly_ten, _, s) = membership(&app, "TEN", 1).await;
        app.import(&s[0], &rows("2026-06-01", 10, "org", false), &answers)
            .await;
        let ten = compliance(&app, &exactly_ten).await;
        assert_eq!(ten["status"], "met", "{backend:?}: {ten}");
        assert_eq!(
            (
                ten["offices"][0]["counted"].as_i64(),
                ten["offices"][0]["shortfall"].as_i64()
            ),
            (Some(10), Some(0))
        );
        assert_eq!(ten["window_from"], "2025-11-21");

        let (nine_plus, _, s) = membership(&app, "NINE", 1).await;
        app.import(&s[0], &rows("2026-06-01", 8, "big", true), &answers)
            .await;
        app.import(
            &s[0],
            &[("2026-06-02", "small".into()), ("2026-06-03", "big".into())],
            &answers,
        )
        .await;
        let nine = compliance(&app, &nine_plus).await;
        let office = &nine["offices"][0];
        assert_eq!(nine["status"], "not_met");
        assert_eq!(
            (office["completed"].as_i64(), office["counted"].as_i64()),
            (Some(10), Some(9))
        );
        assert_eq!(office["excluded"]["over_organization_cap"], 1);
        assert_eq!(
            (
                office["shortfall"].as_i64(),
                office["additional_organizations_needed"].as_i64()
            ),
            (Some(1), Some(0))
        );

        let (twelve_one_org, _, s) = membership(&app, "TWELVE", 1).await;
        let twelve_rows: Vec<(&str, String)> = [
            "2026-01-05",
            "2026-01-06",
            "2026-01-07",
            "2026-01-08",
            "2026-01-09",
            "2026-01-10",
            "2026-01-11",
            "2026-01-12",
            "2026-01-13",
            "2026-01-14",
            "2026-01-15",
            "2026-01-16",
        ]
        .iter()
        .map(|d| (*d, "Contoso Ltd".to_owned()))
        .collect();
        app.import(&s[0], &twelve_rows, &answers).await;
        let twelve = compliance(&app, &twelve_one_org).await;
        let office = &twelve["offices"][0];
        assert_eq!(
            (office["completed"].as_i64(), office["counted"].as_i64()),
            (Some(12), Some(8))
        );
        assert_eq!(
            office["organizations"],
            json!([{"organization_key": "name:contoso", "label": "contoso", "anonymous": false, "completed": 12, "counted": 8}])
        );
        assert_eq!(office["additional_organizations_needed"], 1);

        let (outside, _, s) = membership(&app, "EDGE", 1).await;
        app.import(&s[0], &rows("2026-06-01", 9, "in", false), &answers)
            .await;
        app.import(&s[0], &[("2025-11-20", "late".into())], &answers)
            .await;
        let edge = compliance(&app, &outside).await;
        assert_eq!(edge["status"], "not_met");
        assert_eq!(edge["offices"][0]["excluded"]["outside_window"], 1);
        app.import(&s[0], &[("2025-11-21", "first-day".into())], &answers)
            .await;
        assert_eq!(
            compliance(&app, &outside).await["status"],
            "met",
            "the window's first day counts"
        );

        let (two_offices, _, s) = membership(&app, "TWO", 2).await;
        app.import(&s[0], &rows("2026-06-01", 6, "a", false), &answers)
            .await;
        app.import(&s[1], &rows("2026-06-01", 6, "b", false), &answers)
            .await;
        let two = compliance(&app, &two_offices).await;
        assert_eq!(two["status"], "not_met", "offices never add up");
        assert_eq!(
            two["offices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["counted"].as_i64().unwrap())
                .collect::<Vec<_>>(),
            [6, 6]
        );

        let (three_offices, _, s) = membership(&app, "THREE", 3).await;
        app.import(&s[1], &rows("2026-06-01", 10, "c", false), &answers)
            .await;
        app.import(&s[2], &rows("2026-06-01", 3, "d", false), &answers)
            .await;
        let three = compliance(&app, &three_offices).await;
        assert_eq!(three["status"], "met", "one office is enough");
        let meets: Vec<bool> = three["offices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["meets"].as_bool().unwrap())
            .collect();
        assert_eq!(meets, [false, true, false]);

        let (voided, _, s) = membership(&app, "VOIDED", 1).await;
        let ids = app
            .import(&s[0], &rows("2026-06-01", 10, "v", false), &answers)
            .await;
        assert_eq!(compliance(&app, &voided).await["status"], "met");
        app.post(&format!("/api/v1/responses/{}/void", ids[0]))
            .admin()
            .json(json!({"reason": "Duplicate submission"}))
            .send()
            .await
            .expect(200);
        let after_void = compliance(&app, &voided).await;
        assert_eq!(after_void["status"], "not_met");
        assert_eq!(after_void["offices"][0]["excluded"]["voided"], 1);

        let (low_score, _, s) = membership(&app, "LOW", 1).await;
        let unhappy = json!({NSAT: "very_dissatisfied", NPS: 0, CES: 7});
        app.import(&s[0], &rows("2026-06-01", 10, "sad", false), &unhappy)
            .await;
        assert_eq!(
            compliance(&app, &low_score).await["status"],
            "met",
            "there is no minimum score"
        );
        let results = app
            .get(&format!(
                "/api/v1/memberships/{low_score}/results?from=2026-01-01&to={AS_OF}"
            ))
            .admin()
            .send()
            .await;
        assert_eq!(
            results.expect(200)["metrics"]["nsat"],
            json!({"value": 0.0, "n": 10})
        );

        // valid_until: 11 counted, oldest two leave on 2027-01-10 and 2027-01-11.
        let (valid, _, s) = membership(&app, "VALID", 1).await;
        let dated: Vec<(&str, String)> = [
            "2026-01-10",
            "2026-01-11",
            "2026-02-01",
            "2026-02-02",
            "2026-02-03",
            "2026-02-04",
            "2026-02-05",
            "2026-02-06",
            "2026-02-07",
            "2026-02-08",
            "2026-03-01",
        ]
        .iter()
        .enumerate()
        .map(|(i, d)| (*d, format!("v{i}")))
        .collect();
        app.import(&s[0], &dated, &answers).await;
        let valid_until = compliance(&app, &valid).await;
        assert_eq!(valid_until["valid_until"], "2027-01-10", "{valid_until}");
        assert_eq!(valid_until["offices"][0]["valid_until"], "2027-01-10");
        assert!(compliance(&app, &nine_plus).await["valid_until"].is_null());

        // The program-wide list (computed in SQL) agrees with the explained compliance of each membership.
        let list = app
            .get(&format!("/api/v1/program/compliance?as_of={AS_OF}"))
            .admin()
            .send()
            .await;
        let items = list.expect(200)["items"].as_array().unwrap().clone();
        for membership in [
            &exactly_ten,
            &nine_plus,
            &twelve_one_org,
            &outside,
            &two_offices,
            &three_offices,
            &voided,
            &low_score,
            &valid,
        ] {
            let explained = compliance(&app, membership).await;
            let best = explained["offices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["counted"].as_i64().unwrap())
                .max()
                .unwrap();
            let listed = items
                .iter()
                .find(|i| i["membership_id"] == membership.as_str())
                .unwrap();
            assert_eq!(
                listed["best_office_counted"].as_i64(),
                Some(best),
                "{backend:?} {membership}"
            );
            assert_eq!(listed["status"], explained["status"]);
        }
    }
}

#[actix_rt::test]
async fn roles_see_compliance_at_their_level_of_detail() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, membership, office, _) = app.partner_tree("ROLE").await;
        let survey = app.plain_survey(&office).await;
        app.import(
            &survey,
            &rows("2026-06-01", 10, "org", false),
            &standard_answers(),
        )
        .await;
        let (other, ..) = app.partner_tree("ELSE").await;

        let own = app
            .get(&format!(
                "/api/v1/memberships/{membership}/compliance?as_of={AS_OF}"
            ))
            .partner(&partner)
            .send()
            .await;
        assert!(
            own.expect(200)["offices"][0]["organizations"].is_array(),
            "{backend:?}"
        );
        let vendor = app
            .get(&format!(
                "/api/v1/memberships/{membership}/compliance?as_of={AS_OF}"
            ))
            .vendor()
            .send()
            .await;
        assert_eq!(vendor.expect(200)["status"], "met");
        assert!(
            vendor.body["offices"][0]["organizations"].is_null(),
            "no per-organization figures for the vendor"
        );
        assert!(!vendor.text.contains("name:org"));
        app.get(&format!("/api/v1/memberships/{membership}/compliance"))
            .partner(&other)
            .send()
            .await
            .problem(404);
        app.get(&format!(
            "/api/v1/memberships/{membership}/compliance?as_of=1999-01-01"
        ))
        .admin()
        .send()
        .await
        .problem(422);
        app.get(&format!(
            "/api/v1/memberships/{membership}/compliance?as_of=yesterday"
        ))
        .admin()
        .send()
        .await
        .problem(400);

        let list = app
            .get(&format!("/api/v1/program/compliance?as_of={AS_OF}"))
            .vendor()
            .send()
            .await;
        let items = list.expect(200)["items"].as_array().unwrap().clone();
        assert_eq!(items.len(), 2);
        let met: Vec<&Value> = items.iter().filter(|i| i["status"] == "met").collect();
        assert_eq!(met.len(), 1);
        assert_eq!(met[0]["membership_id"], membership.as_str());
        assert_eq!(met[0]["countries"], json!(["BG"]));
        let not_met = app
            .get(&format!(
                "/api/v1/program/compliance?as_of={AS_OF}&status=not_met"
            ))
            .vendor()
            .send()
            .await;
        assert_eq!(not_met.expect(200)["items"].as_array().unwrap().len(), 1);
        let bulgarian = app
            .get(&format!(
                "/api/v1/program/compliance?as_of={AS_OF}&country=bg"
            ))
            .vendor()
            .send()
            .await;
        assert_eq!(
            bulgarian.expect(200)["items"].as_array().unwrap().len(),
            2,
            "both memberships have an office in Bulgaria"
        );
        let german = app
            .get(&format!(
                "/api/v1/program/compliance?as_of={AS_OF}&country=DE"
            ))
            .admin()
            .send()
            .await;
        assert!(german.expect(200)["items"].as_array().unwrap().is_empty());
        let paged = app
            .get(&format!("/api/v1/program/compliance?as_of={AS_OF}&limit=1"))
            .vendor()
            .send()
            .await;
        let cursor = paged.expect(200)["next_cursor"]
            .as_str()
            .unwrap()
            .to_owned();
        let second = app
            .get(&format!(
                "/api/v1/program/compliance?as_of={AS_OF}&limit=1&cursor={cursor}"
            ))
            .vendor()
            .send()
            .await;
        assert_ne!(
            second.expect(200)["items"][0]["membership_id"],
            paged.body["items"][0]["membership_id"]
        );
        assert!(second.body["next_cursor"].is_null());
        app.get("/api/v1/program/compliance")
            .partner(&partner)
            .send()
            .await
            .problem(403);
        app.get("/api/v1/program/compliance?status=maybe")
            .vendor()
            .send()
            .await
            .problem(400);
        app.get("/api/v1/program/compliance?country=XX")
            .vendor()
            .send()
            .await
            .problem(422);
    }
}
