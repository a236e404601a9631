//! Results, charts, reporting periods, the vendor's aggregate views, and the privacy of everything the vendor can call.

use serde_json::{json, Value};

use crate::common::{
    backends, id_of, rows, standard_answers, token_of, TestApp, CES, COMMENT, NPS, NSAT,
};

#[actix_rt::test]
async fn survey_results_and_charts() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, membership, office, _) = app.partner_tree("RES").await;
        let (survey, custom) = app.open_survey(&partner, &office).await;
        let mut happy = standard_answers();
        happy[custom.as_str()] = json!("support");
        let mut unhappy = json!({NSAT: "very_dissatisfied", NPS: 3, CES: 6, COMMENT: "Too slow"});
        unhappy[custom.as_str()] = json!("licensing");
        let mut unsure = json!({NSAT: "dont_know", NPS: 8, CES: 2});
        unsure[custom.as_str()] = json!("support");
        app.import(&survey, &rows("2026-04-10", 3, "h", false), &happy)
            .await;
        app.import(&survey, &rows("2026-08-10", 1, "u", false), &unhappy)
            .await;
        app.import(&survey, &rows("2026-08-11", 1, "d", false), &unsure)
            .await;

        let results = app
            .get(&format!("/api/v1/surveys/{survey}/results"))
            .partner(&partner)
            .send()
            .await;
        let body = results.expect(200);
        assert_eq!(body["responses"], 5, "{backend:?}");
        // NSAT: 3 very satisfied, 1 very dissatisfied, don't know excluded: 75 - 25 + 100.
        assert_eq!(body["metrics"]["nsat"], json!({"value": 150.0, "n": 4}));
        assert_eq!(body["metrics"]["csat"], json!({"value": 75.0, "n": 4}));
        // NPS: 3 promoters (9), 1 passive (8), 1 detractor (3) of 5.
        assert_eq!(body["metrics"]["nps"], json!({"value": 40.0, "n": 5}));
        assert_eq!(body["metrics"]["ces"], json!({"value": 2.8, "n": 5}));
        let custom_result = body["questions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["question_id"] == custom.as_str())
            .unwrap();
        assert_eq!(
            custom_result["distribution"],
            json!([{"value": "licensing", "label": "Licensing", "count": 1}, {"value": "support", "label": "Support", "count": 4}])
        );
        let comments: Vec<&str> = body["comments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["text"].as_str().unwrap())
            .collect();
        assert_eq!(
            comments,
            ["Great help", "Great help", "Great help", "Too slow"]
        );
        app.get(&format!("/api/v1/surveys/{survey}/results"))
            .vendor()
            .send()
            .await
            .problem(403);

        let series = app
            .get(&format!(
                "/api/v1/memberships/{membership}/results?from=2026-01-01&to=2026-09-30"
            ))
            .partner(&partner)
            .send()
            .await;
        let periods: Vec<(String, i64)> = series.expect(200)["periods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["period"].as_str().unwrap().to_owned(),
                    p["responses"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            periods,
            [
                ("2026-Q1".into(), 0),
                ("2026-Q2".into(), 3),
                ("2026-Q3".into(), 2)
            ]
        );
        assert_eq!(series.body["periods"][1]["metrics"]["nsat"]["value"], 200.0);
        let office_results = app
            .get(&format!(
                "/api/v1/offices/{office}/results?from=2026-01-01&to=2026-09-30"
            ))
            .admin()
            .send()
            .await;
        assert_eq!(office_results.expect(200)["responses"], 5);
        app.get(&format!(
            "/api/v1/offices/{office}/results?from=2026-09-30&to=2026-01-01"
        ))
        .admin()
        .send()
        .await
        .problem(422);

        let trend = app.get(&format!("/api/v1/memberships/{membership}/results/chart.svg?metric=nsat&from=2026-01-01&to=2026-09-30")).partner(&partner).send().await;
        assert_eq!(trend.status.as_u16(), 200);
        assert_eq!(
            trend.header("content-type").as_deref(),
            Some("image/svg+xml")
        );
        assert!(
            trend
                .text
                .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                && trend.text.trim_end().ends_with("</svg>")
        );
        assert_eq!(
            trend.text.matches("class=\"point\"").count(),
            2,
            "one point per period with answers"
        );
        assert!(trend
            .text
            .contains("data-period=\"2026-Q2\" data-value=\"200\""));
        assert!(trend.text.contains("<polyline"));
        let bars = app
            .get(&format!(
                "/api/v1/surveys/{survey}/results/chart.svg?question_id={NPS}"
            ))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(
            bars.text.matches("class=\"bar\"").count(),
            11,
            "one bar per value 0–10"
        );
        assert!(bars.text.contains("data-label=\"9\" data-count=\"3\""));
        app.get(&format!(
            "/api/v1/surveys/{survey}/results/chart.svg?question_id={COMMENT}"
        ))
        .partner(&partner)
        .send()
        .await
        .problem(422);
        app.get(&format!(
            "/api/v1/memberships/{membership}/results/chart.svg?metric=mood"
        ))
        .partner(&partner)
        .send()
        .await
        .problem(400);
    }
}

#[actix_rt::test]
async fn survey_results_leave_out_a_voided_response() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, _, office, _) = app.partner_tree("VOIDRES").await;
        let (survey, custom) = app.open_survey(&partner, &office).await;
        let mut happy = standard_answers();
        happy[custom.as_str()] = json!("support");
        let mut unhappy = json!({NSAT: "very_dissatisfied", NPS: 3, CES: 6, COMMENT: "Too slow"});
        unhappy[custom.as_str()] = json!("licensing");
        let mut unsure = json!({NSAT: "dont_know", NPS: 8, CES: 2});
        unsure[custom.as_str()] = json!("support");
        app.import(&survey, &rows("2026-04-10", 3, "h", false), &happy)
            .await;
        let unhappy_ids = app
            .import(&survey, &rows("2026-08-10", 1, "u", false), &unhappy)
            .await;
        app.import(&survey, &rows("2026-08-11", 1, "d", false), &unsure)
            .await;

        // A voided response leaves every figure, distribution and comment of the survey at once.
        app.post(&format!("/api/v1/responses/{}/void", unhappy_ids[0]))
            .admin()
            .json(json!({"reason": "A test answer"}))
            .send()
            .await
            .expect(200);
        let after = app
            .get(&format!("/api/v1/surveys/{survey}/results"))
            .partner(&partner)
            .send()
            .await;
        let after = after.expect(200);
        assert_eq!(after["responses"], 4, "{backend:?}");
        assert_eq!(
            after["metrics"],
            json!({
                "nsat": {"value": 200.0, "n": 3}, "csat": {"value": 100.0, "n": 3},
                "nps": {"value": 75.0, "n": 4}, "ces": {"value": 2.0, "n": 4},
                "ces_easy": {"value": 100.0, "n": 4}
            })
        );
        let distribution = |body: &Value, question: &str| {
            body["questions"]
                .as_array()
                .unwrap()
                .iter()
                .find(|q| q["question_id"] == question)
                .unwrap()["distribution"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b["count"].as_i64().unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(distribution(after, NSAT), [3, 0, 0, 0, 1]);
        assert_eq!(distribution(after, NPS), [0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 0]);
        assert_eq!(distribution(after, CES), [0, 4, 0, 0, 0, 0, 0]);
        assert_eq!(distribution(after, &custom), [0, 4]);
        assert_eq!(after["comments"].as_array().unwrap().len(), 3);
    }
}

#[actix_rt::test]
async fn closing_a_period_stores_snapshots_that_later_changes_do_not_rewrite() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, membership, office, _) = app.partner_tree("SNAP").await;
        let survey = app.plain_survey(&office).await;
        let ids = app
            .import(
                &survey,
                &rows("2026-05-05", 10, "s", false),
                &standard_answers(),
            )
            .await;
        let (other, ..) = app.partner_tree("PEER").await;

        let periods = app.get("/api/v1/periods?count=4").vendor().send().await;
        let items = periods.expect(200)["items"].as_array().unwrap().clone();
        assert_eq!(items.len(), 4);
        let current = items.last().unwrap();
        assert_eq!(current["status"], "current", "{backend:?}");
        assert_eq!(items[2]["status"], "ended");
        let ended = items[2]["id"].as_str().unwrap().to_owned();

        app.post(&format!("/api/v1/periods/{ended}/close"))
            .partner(&partner)
            .send()
            .await
            .problem(403);
        app.post(&format!(
            "/api/v1/periods/{}/close",
            current["id"].as_str().unwrap()
        ))
        .admin()
        .send()
        .await
        .problem(409);
        app.post("/api/v1/periods/2026-Q9/close")
            .admin()
            .send()
            .await
            .problem(404);
        let closed = app
            .post(&format!("/api/v1/periods/{ended}/close"))
            .admin()
            .send()
            .await;
        assert_eq!(
            (
                closed.expect(200)["memberships"].as_i64(),
                closed.body["met"].as_i64()
            ),
            (Some(2), Some(1))
        );
        app.post(&format!("/api/v1/periods/{ended}/close"))
            .admin()
            .send()
            .await
            .problem(409);

        // A void after closing changes today's compliance, never the snapshot.
        app.post(&format!("/api/v1/responses/{}/void", ids[0]))
            .admin()
            .json(json!({"reason": "Found later to be a test"}))
            .send()
            .await
            .expect(200);
        let own = app
            .get(&format!("/api/v1/memberships/{membership}/snapshots"))
            .partner(&partner)
            .send()
            .await;
        let snapshot = &own.expect(200)["items"][0];
        assert_eq!(
            (
                snapshot["met"].as_bool(),
                snapshot["best_office_counted"].as_i64()
            ),
            (Some(true), Some(10))
        );
        assert_eq!(snapshot["offices"][0]["country"], "BG");

        let all = app
            .get(&format!("/api/v1/periods/{ended}/snapshots"))
            .vendor()
            .send()
            .await;
        assert_eq!(all.expect(200)["items"].as_array().unwrap().len(), 2);
        let mine = app
            .get(&format!("/api/v1/periods/{ended}/snapshots"))
            .partner(&other)
            .send()
            .await;
        let mine = mine.expect(200)["items"].as_array().unwrap().clone();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0]["partner_id"], other.as_str());
        app.get(&format!("/api/v1/memberships/{membership}/snapshots"))
            .partner(&other)
            .send()
            .await
            .problem(404);
        app.get("/api/v1/periods/2026-Q1/snapshots")
            .admin()
            .send()
            .await
            .problem(404);
        let listed = app.get("/api/v1/periods?count=4").admin().send().await;
        assert_eq!(listed.expect(200)["items"][2]["status"], "closed");
    }
}

/// A program with `per_country` memberships of `responses` each per country, all in one month.
async fn seed_program(
    app: &TestApp,
    countries: &[(&str, usize, usize)],
    day: &'static str,
) -> Vec<String> {
    let mut memberships = Vec::new();
    for (country, count, responses) in countries {
        for i in 0..*count {
            let partner = app.partner(&format!("{country}{i}")).await;
            let membership = app.membership(&partner, &format!("M-{country}{i}")).await;
            let office = app.office(&membership, country).await;
            let survey = app.plain_survey(&office).await;
            app.import(
                &survey,
                &rows(day, *responses, &format!("{country}{i}-org"), false),
                &standard_answers(),
            )
            .await;
            memberships.push(membership);
        }
    }
    memberships
}

#[actix_rt::test]
async fn the_vendor_sees_suppressed_aggregates_and_benchmarks() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        // Bulgaria: 5 memberships × 6 responses; Germany: 1 × 3 (below 5); France: 1 × 5.
        let memberships = seed_program(
            &app,
            &[("BG", 5, 6), ("DE", 1, 3), ("FR", 1, 5)],
            "2026-08-15",
        )
        .await;
        let before = app
            .get("/api/v1/program/metrics?from=2026-07-01&to=2026-09-30")
            .vendor()
            .send()
            .await;
        assert_eq!(
            before.expect(200)["periods"],
            json!([]),
            "nothing is shown before the quarter is published"
        );
        app.close_period("2026-Q3").await;

        let table = app
            .get("/api/v1/program/metrics?from=2026-07-01&to=2026-09-30")
            .vendor()
            .send()
            .await;
        let body = table.expect(200);
        assert_eq!(body["anonymity_threshold"], 5, "{backend:?}");
        let quarter = &body["periods"][0];
        assert_eq!(quarter["period"], "2026-Q3");
        assert_eq!(quarter["program"]["responses"], 38);
        let cells: Vec<(String, bool)> = quarter["countries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["country"].as_str().unwrap().to_owned(),
                    c["cell"]["suppressed"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            cells,
            [
                ("BG".into(), true),
                ("DE".into(), true),
                ("FR".into(), true)
            ],
            "DE is too small and FR has one membership; BG is hidden too, or the program minus BG \
             would leave DE and FR, from which the French partner could take its own share to find DE"
        );
        for cell in quarter["countries"].as_array().unwrap() {
            match cell["cell"]["responses"].as_i64() {
                Some(n) => assert!(n >= 5),
                None => assert!(cell["cell"]["metrics"].is_null()),
            }
        }

        let benchmarks = app
            .get("/api/v1/program/benchmarks?year=2026")
            .vendor()
            .send()
            .await;
        let nsat = &benchmarks.expect(200)["nsat"];
        assert_eq!(
            nsat["program"]["memberships"], 5,
            "the German membership has too few answers; the French one is hidden with it"
        );
        assert_eq!(nsat["program"]["median"], 200.0);
        let countries: Vec<(String, bool)> = nsat["countries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["country"].as_str().unwrap().to_owned(),
                    c["distribution"]["suppressed"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(countries, [("BG".into(), false)]);

        let ranked = app
            .get(&format!(
                "/api/v1/memberships/{}/benchmark?year=2026",
                memberships[0]
            ))
            .vendor()
            .send()
            .await;
        assert_eq!(ranked.expect(200)["nsat"]["program_percentile"], 50.0);
        assert_eq!(ranked.body["nsat"]["countries"][0]["country"], "BG");
        let small = app
            .get(&format!(
                "/api/v1/memberships/{}/benchmark?year=2026",
                memberships[5]
            ))
            .vendor()
            .send()
            .await;
        assert!(
            small.expect(200)["nsat"]["score"].is_null(),
            "the vendor sees no score over fewer than 5 answers"
        );
        let own_partner = app
            .get(&format!("/api/v1/memberships/{}", memberships[5]))
            .admin()
            .send()
            .await
            .body["partner_id"]
            .as_str()
            .unwrap()
            .to_owned();
        let own = app
            .get(&format!(
                "/api/v1/memberships/{}/benchmark?year=2026",
                memberships[5]
            ))
            .partner(&own_partner)
            .send()
            .await;
        assert_eq!(
            own.expect(200)["nsat"]["score"]["n"],
            3,
            "the partner sees its own small score"
        );
        assert!(own.body["nsat"]["program_percentile"].is_null());
    }
}

#[actix_rt::test]
async fn a_program_cell_is_shown_only_when_no_partner_dominates_it() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        // 2025-Q2: five French partners with 1 response each: taking any one out leaves 4, fewer than 5.
        // 2026-Q3: six Bulgarian partners with 1 each: taking any one out leaves exactly 5.
        seed_program(&app, &[("FR", 5, 1)], "2025-05-15").await;
        seed_program(&app, &[("BG", 6, 1)], "2026-08-15").await;
        app.close_period("2025-Q2").await;
        app.close_period("2026-Q3").await;

        let table = app
            .get("/api/v1/program/metrics?from=2025-04-01&to=2026-09-30")
            .vendor()
            .send()
            .await;
        let periods = table.expect(200)["periods"].as_array().unwrap().clone();
        // Per period: its id, the program's responses and each country's (`null` when suppressed).
        let shown: Vec<Value> = periods
            .iter()
            .map(|p| {
                let countries: Vec<Value> = p["countries"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| json!([c["country"], c["cell"]["responses"]]))
                    .collect();
                json!([p["period"], p["program"]["responses"], countries])
            })
            .collect();
        assert_eq!(
            shown,
            [
                json!(["2025-Q2", null, [["FR", null]]]),
                json!(["2026-Q3", 6, [["BG", 6]]]),
            ],
            "{backend:?}"
        );
        assert_eq!(
            periods[1]["program"]["metrics"]["nsat"],
            json!({"value": 200.0, "n": 6})
        );
        let years: Vec<Value> = table.body["years_to_date"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| json!([y["period"], y["program"]["responses"]]))
            .collect();
        assert_eq!(
            years,
            [
                json!(["2025-Q1..2025-Q2", null]),
                json!(["2026-Q1..2026-Q3", 6])
            ],
            "each year to date is published with its latest quarter, under the same rules"
        );
    }
}

const CANARIES: [&str; 6] = [
    "CanaryName7731",
    "canary7731.example",
    "CanaryOrg7731",
    "CanaryComment7731",
    "canarychoice7731",
    "CanaryPrompt7731",
];

fn substitute(path: &str, ids: &[(&str, String)]) -> String {
    let mut path = path.to_owned();
    for (name, value) in ids {
        path = path.replace(&format!("{{{name}}}"), value);
    }
    path
}

#[actix_rt::test]
async fn nothing_the_vendor_can_call_reveals_contacts_free_text_or_custom_answers() {
    for backend in backends() {
        // Answers are given today; the vendor looks after the quarter has ended, when its views include them.
        let (clock, seconds) = crate::common::movable_clock(chrono::Utc::now());
        let app = TestApp::start_with(
            backend,
            crate::common::Options {
                clock: Some(clock),
                ..Default::default()
            },
        )
        .await;
        let partner = app.partner("PRIV").await;
        let membership = app.membership(&partner, "M-PRIV").await;
        let office = app.office(&membership, "BG").await;
        let survey_reply = app
            .post(&format!("/api/v1/offices/{office}/surveys"))
            .partner(&partner)
            .json(json!({"title": "Privacy"}))
            .send()
            .await;
        let survey = id_of(survey_reply.expect(201));
        let question = app
            .post(&format!("/api/v1/surveys/{survey}/questions"))
            .partner(&partner)
            .json(json!({"kind": "single_choice", "prompt": {"en": CANARIES[5]}, "options": [{"value": CANARIES[4], "label": {"en": "Canary"}}, {"value": "other", "label": {"en": "Other"}}]}))
            .send()
            .await;
        let question = id_of(question.expect(201));
        app.post(&format!("/api/v1/surveys/{survey}/open"))
            .partner(&partner)
            .send()
            .await
            .expect(200);
        let mut contacts = Vec::new();
        for i in 0..6 {
            let reply = app
                .post(&format!("/api/v1/offices/{office}/contacts"))
                .partner(&partner)
                .json(json!({"name": format!("{} {i}", CANARIES[0]), "email": format!("p{i}@{}", CANARIES[1]), "organization": CANARIES[2], "consent": {"given_at": "2026-01-01T00:00:00Z", "method": "email"}}))
                .send()
                .await;
            contacts.push(id_of(reply.expect(201)));
        }
        let ids: Vec<&str> = contacts.iter().map(String::as_str).collect();
        let links = app.invite_links(&partner, &survey, &ids).await;
        for link in &links {
            let answers = json!({NSAT: "very_satisfied", NPS: 10, CES: 1, COMMENT: CANARIES[3], question.as_str(): CANARIES[4]});
            app.post(&format!("/api/v1/respond/{}", token_of(link)))
                .json(json!({"answers": answers}))
                .send()
                .await
                .expect(201);
        }
        let responses = app
            .get(&format!("/api/v1/surveys/{survey}/responses"))
            .admin()
            .send()
            .await;
        let response = id_of(&responses.expect(200)["items"][0]);
        let invitations = app
            .get(&format!("/api/v1/surveys/{survey}/invitations"))
            .admin()
            .send()
            .await;
        let invitation = id_of(&invitations.expect(200)["items"][0]);
        let answered =
            csat_index::testing::domain::periods::period_of(chrono::Utc::now().date_naive(), 3);
        let later = answered.ends_on + chrono::Duration::days(2) - chrono::Utc::now().date_naive();
        seconds.fetch_add(later.num_seconds(), std::sync::atomic::Ordering::SeqCst);
        let substitutions = [
            ("partner_id", partner.clone()),
            ("membership_id", membership.clone()),
            ("office_id", office.clone()),
            ("contact_id", contacts[0].clone()),
            ("survey_id", survey.clone()),
            ("question_id", question.clone()),
            ("response_id", response),
            ("invitation_id", invitation),
            ("period_id", answered.id.clone()),
            ("token", token_of(&links[0])),
        ];
        app.post(&format!("/api/v1/periods/{}/close", answered.id))
            .admin()
            .send()
            .await
            .expect(200);

        let spec: Value = serde_json::from_str(&csat_index::openapi::openapi_json()).unwrap();
        let (mut called, mut answered_ok) = (0, 0);
        for (path, item) in spec["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                if method != "get" {
                    continue;
                }
                let mut uri = substitute(path, &substitutions);
                let query: Vec<String> = operation["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|p| p["in"] == "query" && p["required"] == true)
                    .map(|p| match p["name"].as_str().unwrap() {
                        "metric" => "metric=nsat".to_owned(),
                        "question_id" => format!("question_id={question}"),
                        other => {
                            panic!("no test value for required query parameter {other} of {path}")
                        }
                    })
                    .collect();
                if !query.is_empty() {
                    uri = format!("{uri}?{}", query.join("&"));
                }
                let public = operation["tags"][0] == "respondent";
                let reply = if public {
                    app.get(&uri).send().await
                } else {
                    app.get(&uri).vendor().send().await
                };
                assert!(
                    reply.status.as_u16() < 500,
                    "{backend:?} {uri}: {}",
                    reply.text
                );
                if public {
                    continue;
                }
                called += 1;
                answered_ok += usize::from(reply.status.as_u16() == 200);
                for canary in CANARIES {
                    assert!(
                        !reply.text.to_lowercase().contains(&canary.to_lowercase()),
                        "{backend:?}: {canary} reached the vendor through GET {uri}: {}",
                        reply.text
                    );
                }
                if let Some(cells) = reply.body["periods"].as_array() {
                    for period in cells {
                        for cell in period["countries"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(|c| &c["cell"])
                            .chain([&period["program"]])
                        {
                            if let Some(n) = cell["responses"].as_i64() {
                                assert!(n >= 5, "{uri}: a vendor cell covers {n} responses");
                            }
                        }
                    }
                }
            }
        }
        assert!(
            called >= 20,
            "the vendor-callable operations were enumerated ({called})"
        );
        assert!(
            answered_ok >= 15,
            "most vendor calls answered with data ({answered_ok} of {called})"
        );
        let benchmark = app
            .get(&format!("/api/v1/memberships/{membership}/benchmark"))
            .vendor()
            .send()
            .await;
        assert_eq!(
            benchmark.expect(200)["nsat"]["score"]["n"],
            6,
            "{backend:?}: the canary responses are inside the vendor's figures"
        );
    }
}

#[actix_rt::test]
async fn the_demo_program_shows_met_and_unmet_memberships_and_an_organization_over_the_cap() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let pool = csat_index::testing::pool(&app.state).clone();
        let summary = actix_web::web::block(move || {
            csat_index::demo::seed(&mut pool.get().unwrap(), chrono::Utc::now())
        })
        .await
        .unwrap()
        .unwrap();
        assert!(summary.responses > 50, "{backend:?}");
        let list = app.get("/api/v1/program/compliance").vendor().send().await;
        let items = list.expect(200)["items"].as_array().unwrap().clone();
        let statuses: std::collections::BTreeSet<&str> = items
            .iter()
            .map(|i| i["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses.into_iter().collect::<Vec<_>>(), ["met", "not_met"]);
        let countries: std::collections::BTreeSet<&str> = items
            .iter()
            .flat_map(|i| {
                i["countries"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap())
            })
            .collect();
        assert!(countries.len() >= 4, "{countries:?}");
        let partner = summary.example_partner.unwrap().to_string();
        let memberships = app
            .get(&format!("/api/v1/partners/{partner}/memberships"))
            .partner(&partner)
            .send()
            .await;
        let first = id_of(&memberships.expect(200)["items"][0]);
        let explained = app
            .get(&format!("/api/v1/memberships/{first}/compliance"))
            .partner(&partner)
            .send()
            .await;
        let over_cap = explained.expect(200)["offices"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|o| o["organizations"].as_array().unwrap().clone())
            .any(|o| o["completed"].as_i64() > o["counted"].as_i64());
        assert!(
            over_cap,
            "an organization over the cap shows: {}",
            explained.text
        );
        let table = app.get("/api/v1/program/metrics").vendor().send().await;
        assert!(
            table.expect(200)["periods"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| !p["program"]["suppressed"].as_bool().unwrap()),
            "the vendor view shows figures"
        );
        let again = csat_index::testing::pool(&app.state).clone();
        let refused = actix_web::web::block(move || {
            csat_index::demo::seed(&mut again.get().unwrap(), chrono::Utc::now())
        })
        .await
        .unwrap();
        assert!(
            refused.is_err(),
            "the demo never seeds into a database with partners"
        );
    }
}

#[actix_rt::test]
async fn disclosure_control_publishes_the_demo_program_and_its_audit_passes() {
    use csat_index::testing::domain::disclosure::{audit, Quarter, Rules};
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let pool = csat_index::testing::pool(&app.state).clone();
        let (summary, atoms, cells) = actix_web::web::block(move || {
            let mut conn = pool.get().unwrap();
            let summary = csat_index::demo::seed(&mut conn, chrono::Utc::now()).unwrap();
            let (first, last) = (
                Quarter::new(2000, 1).unwrap(),
                Quarter::new(2100, 4).unwrap(),
            );
            let atoms = csat_index::testing::db::publications::frozen_atoms(&mut conn, first, last)
                .unwrap();
            let cells =
                csat_index::testing::db::publications::cells(&mut conn, first, last).unwrap();
            (summary, atoms, cells)
        })
        .await
        .unwrap();
        assert!(summary.published_quarters >= 4, "{backend:?}: {summary:?}");
        let frozen: i64 = atoms.iter().map(|a| a.responses as i64).sum();
        assert!(
            frozen > 50,
            "{backend:?}: the demo's past quarters are frozen ({frozen})"
        );
        let shown: Vec<_> = cells
            .iter()
            .filter(|c| c.shown)
            .map(|c| c.key.clone())
            .collect();
        assert!(
            !shown.is_empty(),
            "{backend:?}: nothing of the demo is shown"
        );
        assert!(
            shown.len() < cells.len(),
            "the demo has cells that must stay hidden"
        );
        assert_eq!(audit(&atoms, &shown, Rules::new(5)), Ok(()), "{backend:?}");
    }
}
