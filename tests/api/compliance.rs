//! The program rule at its edges, through the API, on both backends.

use serde_json::{json, Value};

use crate::common::{
    answers_with, backends, movable_clock, rows, standard_answers, Options, TestApp, CES, NPS, NSAT,
};

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
        // Today's list, read from the stored compliance, agrees with today's explanations too.
        todays_list_agrees_with_explanations(&app).await;
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

/// Every page of today's list (stored compliance), `filters` added to the query, walking the cursor
/// `limit` at a time.
async fn todays_list(app: &TestApp, filters: &str, limit: usize) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor = String::new();
    loop {
        let reply = app
            .get(&format!(
                "/api/v1/program/compliance?limit={limit}{filters}{cursor}"
            ))
            .vendor()
            .send()
            .await;
        let page = reply.expect(200);
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => return items,
        }
    }
}

/// Today's (status, best office's count) of `membership` in the program-wide list.
async fn listed(app: &TestApp, membership: &str) -> (String, i64) {
    let items = todays_list(app, "", 200).await;
    let item = items
        .iter()
        .find(|i| i["membership_id"] == membership)
        .unwrap_or_else(|| panic!("{membership} is not listed: {items:?}"));
    (
        item["status"].as_str().unwrap().to_owned(),
        item["best_office_counted"].as_i64().unwrap(),
    )
}

/// Each membership of today's list stands as its explanation of today says, and the list is the
/// same whatever the page size.
async fn todays_list_agrees_with_explanations(app: &TestApp) {
    let items = todays_list(app, "", 200).await;
    assert_eq!(todays_list(app, "", 1).await, items);
    for item in &items {
        let id = item["membership_id"].as_str().unwrap();
        let explained = app
            .get(&format!("/api/v1/memberships/{id}/compliance"))
            .admin()
            .send()
            .await
            .expect(200)
            .clone();
        let best = explained["offices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["counted"].as_i64().unwrap())
            .max()
            .unwrap_or(0);
        assert_eq!(item["status"], explained["status"], "{id}");
        assert_eq!(item["best_office_counted"].as_i64(), Some(best), "{id}");
    }
}

#[actix_rt::test]
async fn todays_list_follows_every_change_at_once() {
    for backend in backends() {
        let start = "2026-11-20T12:00:00Z".parse().unwrap();
        let (clock, seconds) = movable_clock(start);
        let app = TestApp::start_with(
            backend,
            Options {
                clock: Some(clock),
                ..Options::default()
            },
        )
        .await;

        // A live answer completes the tenth counted response: met at once; voiding it undoes that.
        let live = app.invited("LIVE", "buyer@live.example").await;
        let answers = answers_with(&live.custom, "support");
        app.import(&live.survey, &rows("2026-06-01", 9, "org", false), &answers)
            .await;
        assert_eq!(listed(&app, &live.membership).await, ("not_met".into(), 9));
        app.post(&format!("/api/v1/respond/{}", live.token()))
            .json(json!({"answers": answers}))
            .send()
            .await
            .expect(201);
        assert_eq!(
            listed(&app, &live.membership).await,
            ("met".into(), 10),
            "{backend:?}"
        );
        let responses = app
            .get(&format!("/api/v1/surveys/{}/responses", live.survey))
            .admin()
            .send()
            .await;
        let answered = responses.expect(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["source"] == "live")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        app.post(&format!("/api/v1/responses/{answered}/void"))
            .admin()
            .json(json!({"reason": "Answered by the partner's own staff"}))
            .send()
            .await
            .expect(200);
        assert_eq!(listed(&app, &live.membership).await, ("not_met".into(), 9));

        // Ten responses whose window ends today: met today, not met tomorrow, without any write.
        let (leaving, _, s) = membership(&app, "LEAVING", 1).await;
        app.import(
            &s[0],
            &rows("2025-11-21", 10, "old", false),
            &standard_answers(),
        )
        .await;
        assert_eq!(listed(&app, &leaving).await, ("met".into(), 10));
        let met = todays_list(&app, "&status=met", 200).await;
        assert_eq!(met.len(), 1);
        assert_eq!(met[0]["membership_id"], leaving.as_str());
        assert_eq!(met[0]["countries"], json!(["BG"]));
        todays_list_agrees_with_explanations(&app).await;
        seconds.fetch_add(12 * 3600, std::sync::atomic::Ordering::SeqCst);
        assert_eq!(
            listed(&app, &leaving).await,
            ("not_met".into(), 0),
            "{backend:?}: the ten left the window on 2026-11-21"
        );
        assert!(todays_list(&app, "&status=met", 200).await.is_empty());
        todays_list_agrees_with_explanations(&app).await;

        // The country filter follows offices as they are added and change country.
        let office = app.office(&leaving, "DE").await;
        let german = todays_list(&app, "&country=de", 200).await;
        assert_eq!(german.len(), 1);
        assert_eq!(german[0]["countries"], json!(["BG", "DE"]));
        app.patch(&format!("/api/v1/offices/{office}"))
            .admin()
            .json(json!({"country": "AT"}))
            .send()
            .await
            .expect(200);
        assert!(todays_list(&app, "&country=DE", 200).await.is_empty());
        assert_eq!(todays_list(&app, "&country=AT", 200).await.len(), 1);
        assert_eq!(
            todays_list(&app, "&country=BG&status=not_met", 1)
                .await
                .len(),
            2
        );

        // A new membership is listed at once; a changed rule applies at once.
        let partner = app.partner("NEW").await;
        let new = app.membership(&partner, "M-NEW").await;
        assert_eq!(listed(&app, &new).await, ("not_met".into(), 0));
        app.patch("/api/v1/program/settings")
            .admin()
            .json(json!({"min_completed_surveys": 9}))
            .send()
            .await
            .expect(200);
        assert_eq!(listed(&app, &live.membership).await, ("met".into(), 9));
        todays_list_agrees_with_explanations(&app).await;
    }
}

#[actix_rt::test]
async fn memberships_without_stored_compliance_get_it_at_start_up() {
    use diesel::connection::SimpleConnection as _;
    for backend in backends() {
        let (clock, _) = movable_clock("2026-11-20T12:00:00Z".parse().unwrap());
        let options = || Options {
            clock: Some(clock.clone()),
            ..Options::default()
        };
        let app = TestApp::start_with(backend, options()).await;
        let (met, _, s) = membership(&app, "BEFORE", 1).await;
        app.import(
            &s[0],
            &rows("2026-06-01", 10, "org", false),
            &standard_answers(),
        )
        .await;
        let (not_met, ..) = membership(&app, "EMPTY", 0).await;
        // As if both memberships existed before the stored compliance did.
        csat_index::testing::pool(&app.state)
            .get()
            .unwrap()
            .batch_execute("DELETE FROM membership_standings; DELETE FROM standing_changes")
            .unwrap();
        assert!(todays_list(&app, "", 200).await.is_empty());

        let restarted = app.replica(options()).await;
        assert_eq!(listed(&restarted, &met).await, ("met".into(), 10));
        assert_eq!(listed(&restarted, &not_met).await, ("not_met".into(), 0));
        todays_list_agrees_with_explanations(&restarted).await;
    }
}

#[actix_rt::test]
async fn concurrent_answers_to_one_membership_all_count() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, membership, office, _) = app.partner_tree("BUSY").await;
        let (survey, custom) = app.open_survey(&partner, &office).await;
        let mut contacts = Vec::new();
        for i in 0..8 {
            let email = format!("buyer{i}@org{i}.example");
            contacts.push(
                app.consenting_contact(&office, &email, &format!("Org {i}"))
                    .await,
            );
        }
        let ids: Vec<&str> = contacts.iter().map(String::as_str).collect();
        let links = app.invite_links(&partner, &survey, &ids).await;
        let answers = answers_with(&custom, "support");
        // Each answer recomputes the membership's stored compliance under a lock on the membership:
        // answers arriving together wait for each other, never deadlock.
        let replies = futures_util::future::join_all(links.iter().map(|link| {
            app.post(&format!(
                "/api/v1/respond/{}",
                crate::common::token_of(link)
            ))
            .json(json!({"answers": answers}))
            .send()
        }))
        .await;
        for reply in &replies {
            reply.expect(201);
        }
        assert_eq!(
            listed(&app, &membership).await,
            ("not_met".into(), 8),
            "{backend:?}"
        );
        // A stored row marks the changes it saw: once recomputed, nothing is stale until the next change.
        let refresh = csat_index::testing::service::standing::refresh_stale;
        let mut conn = csat_index::testing::pool(&app.state).get().unwrap();
        refresh(&mut conn, chrono::Utc::now()).unwrap();
        assert_eq!(refresh(&mut conn, chrono::Utc::now()).unwrap(), 0);
    }
}
