//! The subtraction attacks of issue 9 against published figures (DESIGN §2.1), each replayed through
//! the API on both backends: what an attacker reads must never differ by fewer than the threshold of
//! responses (5 here).

use serde_json::{json, Value};

use crate::common::*;

const K: i64 = 5;

/// A partner with one membership and one office in `country`; returns (partner, membership, survey).
async fn member(app: &TestApp, key: &str, country: &str) -> (String, String, String) {
    let partner = app.partner(key).await;
    let membership = app.membership(&partner, &format!("M-{key}")).await;
    let office = app.office(&membership, country).await;
    let survey = app.plain_survey(&office).await;
    (partner, membership, survey)
}

/// Imports `count` responses from distinct organizations completed on `day`.
async fn answers(app: &TestApp, survey: &str, day: &'static str, count: usize, prefix: &str) {
    app.import(
        survey,
        &rows(day, count, prefix, false),
        &standard_answers(),
    )
    .await;
}

/// Asserts that a difference of two figures a reader holds isolates no small group.
fn assert_safe_difference(outer: i64, inner: i64, what: &str) {
    let left = outer - inner;
    assert!(
        left == 0 || left >= K,
        "{what}: {outer} − {inner} leaves {left} responses"
    );
}

/// The responses of the program and of each country in one published period, `None` when suppressed.
fn period_cells(table: &Value, period: &str) -> (Option<i64>, Vec<(String, Option<i64>)>) {
    let rows = table["periods"]
        .as_array()
        .unwrap()
        .iter()
        .chain(table["years_to_date"].as_array().unwrap())
        .find(|p| p["period"] == period)
        .unwrap_or_else(|| panic!("{period} is published: {table}"));
    (
        rows["program"]["responses"].as_i64(),
        rows["countries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["country"].as_str().unwrap().to_owned(),
                    c["cell"]["responses"].as_i64(),
                )
            })
            .collect(),
    )
}

async fn vendor_table(app: &TestApp, from: &str, to: &str) -> Value {
    app.get(&format!("/api/v1/program/metrics?from={from}&to={to}"))
        .vendor()
        .send()
        .await
        .expect(200)
        .clone()
}

/// The NSAT answers behind the vendor's view of a membership's benchmark, `None` when not shown.
async fn vendor_benchmark(app: &TestApp, membership: &str) -> Option<i64> {
    let reply = app
        .get(&format!("/api/v1/memberships/{membership}/benchmark"))
        .vendor()
        .send()
        .await;
    reply.expect(200)["nsat"]["score"]["n"].as_i64()
}

#[actix_rt::test]
async fn time_differencing_a_membership_across_quarters_reveals_nothing() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (_, membership, survey) = member(&app, "TIME", "BG").await;
        answers(&app, &survey, "2026-05-15", 5, "q2").await;
        app.close_period("2026-Q2").await;
        let before = vendor_benchmark(&app, &membership).await;
        assert_eq!(before, Some(5), "{backend:?}: five answers are shown");

        // One more customer answers in the next quarter.
        answers(&app, &survey, "2026-08-15", 1, "q3").await;
        app.close_period("2026-Q3").await;
        let after = vendor_benchmark(&app, &membership).await;
        assert_eq!(
            after, None,
            "{backend:?}: 2026 so far minus what was shown after Q2 would be one answer"
        );

        // No window ends on a chosen day any more: `as_of` names nothing.
        let mut bodies = Vec::new();
        for as_of in ["2026-06-30", "2026-09-30"] {
            let reply = app
                .get(&format!(
                    "/api/v1/memberships/{membership}/benchmark?as_of={as_of}"
                ))
                .vendor()
                .send()
                .await;
            bodies.push(reply.expect(200).clone());
        }
        assert_eq!(bodies[0], bodies[1], "{backend:?}");
        assert_eq!(bodies[0]["span"]["period"], "2026-Q1..2026-Q3");

        let table = vendor_table(&app, "2026-04-01", "2026-09-30").await;
        for period in ["2026-Q2", "2026-Q3", "2026-Q1..2026-Q3"] {
            let (program, countries) = period_cells(&table, period);
            assert_eq!(program, None, "{backend:?} {period}: one membership");
            assert!(countries.iter().all(|(_, n)| n.is_none()), "{table}");
        }
    }
}

#[actix_rt::test]
async fn hierarchy_differencing_a_country_and_its_memberships_reveals_nothing() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let mut german = Vec::new();
        for (key, count) in [("DEA", 5), ("DEB", 1), ("DEC", 5)] {
            let (_, membership, survey) = member(&app, key, "DE").await;
            answers(&app, &survey, "2026-05-15", count, key).await;
            german.push(membership);
        }
        for i in 0..5 {
            let (_, _, survey) = member(&app, &format!("BG{i}"), "BG").await;
            answers(&app, &survey, "2026-05-15", 5, &format!("bg{i}")).await;
        }
        app.close_period("2026-Q2").await;

        let table = vendor_table(&app, "2026-04-01", "2026-06-30").await;
        let (program, countries) = period_cells(&table, "2026-Q2");
        let mut shown_memberships = Vec::new();
        for membership in &german {
            shown_memberships.extend(vendor_benchmark(&app, membership).await);
        }
        assert_eq!(
            vendor_benchmark(&app, &german[1]).await,
            None,
            "{backend:?}: one answer is never shown"
        );
        let germany = countries.iter().find(|(c, _)| c == "DE").unwrap().1;
        if let Some(germany) = germany {
            assert_safe_difference(
                germany,
                shown_memberships.iter().sum(),
                "Germany minus its shown memberships",
            );
        }
        assert!(
            germany.is_some() || program.is_some(),
            "{backend:?}: the table is not simply empty: {table}"
        );
        if let Some(program) = program {
            let shown_countries: i64 = countries.iter().filter_map(|(_, n)| *n).sum();
            assert_safe_difference(program, shown_countries, "the program minus its countries");
            for (_, n) in &countries {
                assert_safe_difference(program, n.unwrap_or(0), "the program minus a country");
            }
        }
    }
}

#[actix_rt::test]
async fn a_partner_subtracting_its_own_share_learns_nothing_about_the_others() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (attacker, membership, survey) = member(&app, "OWN", "BG").await;
        // 2025-Q2: the attacker's 5 answers and one each from two other partners.
        answers(&app, &survey, "2025-05-15", 5, "own25").await;
        for key in ["A25", "C25"] {
            let (_, _, other) = member(&app, key, "BG").await;
            answers(&app, &other, "2025-05-15", 1, key).await;
        }
        // 2026-Q3: the attacker's 5 answers and two each from four other partners.
        answers(&app, &survey, "2026-08-15", 5, "own26").await;
        for i in 0..4 {
            let (_, _, other) = member(&app, &format!("O26{i}"), "BG").await;
            answers(&app, &other, "2026-08-15", 2, &format!("o26{i}")).await;
        }
        app.close_period("2025-Q2").await;
        app.close_period("2026-Q3").await;

        let table = app
            .get("/api/v1/program/metrics?from=2025-01-01&to=2026-09-30")
            .partner(&attacker)
            .send()
            .await;
        let table = table.expect(200).clone();
        // The attacker's own share is 5 in each quarter.
        for period in ["2025-Q2", "2026-Q3"] {
            let (program, countries) = period_cells(&table, period);
            for n in countries.iter().filter_map(|(_, n)| *n).chain(program) {
                assert_safe_difference(n, 5, "a shown cell minus the partner's own share");
            }
        }
        assert_eq!(
            period_cells(&table, "2025-Q2").0,
            None,
            "{backend:?}: 7 answers minus the attacker's 5 would be two partners' answers"
        );
        assert_eq!(
            period_cells(&table, "2026-Q3").0,
            Some(13),
            "{backend:?}: 13 answers minus any partner's share leave at least 5"
        );
        assert_eq!(
            own_benchmark_is_private(&app, &attacker, &membership).await,
            404,
            "{backend:?}"
        );
    }
}

/// Another partner reading the attacker's membership benchmark gets 404; returns that status.
async fn own_benchmark_is_private(app: &TestApp, attacker: &str, membership: &str) -> u16 {
    let stranger = app.partner("STRANGER").await;
    assert_eq!(
        app.get(&format!("/api/v1/memberships/{membership}/benchmark"))
            .partner(attacker)
            .send()
            .await
            .status
            .as_u16(),
        200
    );
    app.get(&format!("/api/v1/memberships/{membership}/benchmark"))
        .partner(&stranger)
        .send()
        .await
        .status
        .as_u16()
}

#[actix_rt::test]
async fn late_data_changes_a_published_quarter_only_through_an_audited_restatement() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let mut surveys = Vec::new();
        for i in 0..6 {
            let (_, _, survey) = member(&app, &format!("LATE{i}"), "BG").await;
            answers(&app, &survey, "2026-05-15", 2, &format!("late{i}")).await;
            surveys.push(survey);
        }
        let closed = app.close_period("2026-Q2").await;
        assert_eq!(closed["published"][0]["quarter"], "2026-Q2", "{backend:?}");
        assert_eq!(closed["published"][0]["responses"], 12);
        let published = vendor_table(&app, "2026-04-01", "2026-06-30").await;
        assert_eq!(period_cells(&published, "2026-Q2").0, Some(12));

        // One historical response arrives after the close: nothing published moves.
        answers(&app, &surveys[0], "2026-05-20", 1, "late-arrival").await;
        let unchanged = vendor_table(&app, "2026-04-01", "2026-06-30").await;
        assert_eq!(unchanged["periods"], published["periods"], "{backend:?}");

        // Restating publishes the quarter again; a change of one response is not shown.
        app.post("/api/v1/publications/2026-Q2/restate")
            .partner(&app.partner("NOTADMIN").await)
            .json(json!({"reason": "late import"}))
            .send()
            .await
            .problem(403);
        app.post("/api/v1/publications/2026-Q1/restate")
            .admin()
            .json(json!({"reason": "late import"}))
            .send()
            .await
            .problem(404);
        app.post("/api/v1/publications/2026-Q2/restate")
            .admin()
            .json(json!({"reason": "  "}))
            .send()
            .await
            .problem(422);
        let restated = app
            .post("/api/v1/publications/2026-Q2/restate")
            .admin()
            .json(json!({"reason": "One response imported late"}))
            .send()
            .await;
        let restated = restated.expect(200).clone();
        assert_eq!(
            (
                restated["revision"].as_i64(),
                restated["changed_responses"].as_i64(),
                restated["responses"].as_i64()
            ),
            (Some(2), Some(1), Some(13)),
            "{backend:?}: {restated}"
        );
        let after_one = vendor_table(&app, "2026-04-01", "2026-06-30").await;
        let (program, countries) = period_cells(&after_one, "2026-Q2");
        assert_eq!(program, None, "{backend:?}: 13 − 12 would be that response");
        assert!(countries.iter().all(|(_, n)| n.is_none()), "{after_one}");
        assert_eq!(after_one["periods"][0]["restated"], true);

        // One more for five other memberships: the figure moves by six responses of six partners from
        // the last one shown, and is shown again.
        for (i, survey) in surveys.iter().enumerate().skip(1) {
            answers(&app, survey, "2026-05-21", 1, &format!("later-batch{i}")).await;
        }
        app.post("/api/v1/publications/2026-Q2/restate")
            .admin()
            .json(json!({"reason": "A late batch from the field campaign"}))
            .send()
            .await
            .expect(200);
        let after_six = vendor_table(&app, "2026-04-01", "2026-06-30").await;
        let shown = period_cells(&after_six, "2026-Q2").0;
        assert_eq!(shown, Some(18), "{backend:?}: {after_six}");
        assert_safe_difference(18, 12, "the restated figure minus the first one");

        let trail = app.get("/api/v1/publications").admin().send().await;
        let trail: Vec<Value> = trail.expect(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                json!([
                    p["quarter"],
                    p["revision"],
                    p["reason"],
                    p["changed_responses"]
                ])
            })
            .collect();
        assert_eq!(
            trail,
            [
                json!(["2026-Q2", 1, null, 0]),
                json!(["2026-Q2", 2, "One response imported late", 1]),
                json!(["2026-Q2", 3, "A late batch from the field campaign", 5]),
            ],
            "{backend:?}"
        );
        app.get("/api/v1/publications")
            .vendor()
            .send()
            .await
            .problem(403);
    }
}
