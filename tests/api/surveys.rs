//! Surveys: lifecycle, freezing, custom questions, program settings and standard questions.

use serde_json::json;

use crate::common::{backends, id_of, TestApp, CES, NPS, NSAT};

#[actix_rt::test]
async fn survey_lifecycle_freezes_the_questionnaire_when_opened() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, _, office, _) = app.partner_tree("LIFE").await;
        let created = app
            .post(&format!("/api/v1/offices/{office}/surveys"))
            .partner(&partner)
            .json(json!({"title": "Q4", "locales": ["bg", "en"]}))
            .send()
            .await;
        let survey = id_of(created.expect(201));
        assert_eq!(created.body["status"], "draft", "{backend:?}");
        let uri = format!("/api/v1/surveys/{survey}");

        let draft = app
            .get(&format!("{uri}/questions"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(draft.expect(200)["frozen"], false);
        let standard: Vec<&str> = draft.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap())
            .collect();
        assert_eq!(&standard[..3], [NSAT, NPS, CES]);

        let question = app
            .post(&format!("{uri}/questions"))
            .partner(&partner)
            .json(json!({"kind": "rating", "required": true, "min_value": 1, "max_value": 5, "prompt": {"en": "Speed?", "bg": "Бързина?"}}))
            .send()
            .await;
        let question_id = id_of(question.expect(201));
        let renamed = app
            .patch(&format!("{uri}/questions/{question_id}"))
            .partner(&partner)
            .json(json!({"prompt": {"en": "Speed of delivery?"}}))
            .send()
            .await;
        assert_eq!(
            renamed.expect(200)["prompt"],
            json!({"en": "Speed of delivery?"})
        );

        let opened = app
            .post(&format!("{uri}/open"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(opened.expect(200)["status"], "open");
        assert!(opened.body["opened_at"].is_string());
        let frozen = app
            .get(&format!("{uri}/questions"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(frozen.expect(200)["frozen"], true);
        assert_eq!(frozen.body["items"].as_array().unwrap().len(), 5);

        // After opening, the questionnaire and locales cannot change; the title can.
        app.post(&format!("{uri}/questions"))
            .partner(&partner)
            .json(json!({"kind": "text", "prompt": {"en": "More?"}}))
            .send()
            .await
            .problem(409);
        app.patch(&format!("{uri}/questions/{question_id}"))
            .partner(&partner)
            .json(json!({"required": false}))
            .send()
            .await
            .problem(409);
        app.delete(&format!("{uri}/questions/{question_id}"))
            .partner(&partner)
            .send()
            .await
            .problem(409);
        app.patch(&uri)
            .partner(&partner)
            .json(json!({"locales": ["en"]}))
            .send()
            .await
            .problem(409);
        assert_eq!(
            app.patch(&uri)
                .partner(&partner)
                .json(json!({"title": "Q4 2026"}))
                .send()
                .await
                .expect(200)["title"],
            "Q4 2026"
        );
        app.post(&format!("{uri}/open"))
            .partner(&partner)
            .send()
            .await
            .problem(409);
        app.delete(&uri).partner(&partner).send().await.problem(409);

        // A standard-question text change later does not touch the frozen copy.
        app.patch(&format!("/api/v1/program/questions/{NPS}"))
            .admin()
            .json(json!({"prompt": {"en": "Would you recommend us?"}}))
            .send()
            .await
            .expect(200);
        let still = app
            .get(&format!("{uri}/questions"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(
            still.expect(200)["items"][1]["prompt"]["en"],
            "How likely are you to recommend this partner to a colleague or friend?",
            "the frozen copy keeps the text it was opened with"
        );

        let closed = app
            .post(&format!("{uri}/close"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(closed.expect(200)["status"], "closed");
        app.post(&format!("{uri}/close"))
            .partner(&partner)
            .send()
            .await
            .problem(409);

        let draft = id_of(
            app.post(&format!("/api/v1/offices/{office}/surveys"))
                .partner(&partner)
                .json(json!({"title": "Scratch"}))
                .send()
                .await
                .expect(201),
        );
        app.delete(&format!("/api/v1/surveys/{draft}"))
            .partner(&partner)
            .send()
            .await
            .expect(204);
        let listed = app
            .get(&format!("/api/v1/offices/{office}/surveys"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(listed.expect(200)["items"].as_array().unwrap().len(), 1);
    }
}

#[actix_rt::test]
async fn custom_questions_are_validated_and_limited_to_ten() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, _, office, _) = app.partner_tree("CQ").await;
        let survey = id_of(
            app.post(&format!("/api/v1/offices/{office}/surveys"))
                .partner(&partner)
                .json(json!({"title": "Custom"}))
                .send()
                .await
                .expect(201),
        );
        let uri = format!("/api/v1/surveys/{survey}/questions");

        let cases = [
            (
                json!({"kind": "rating", "min_value": 5, "max_value": 3, "prompt": {"en": "?"}}),
                "max_value",
            ),
            (
                json!({"kind": "single_choice", "prompt": {"en": "?"}, "options": [{"value": "a", "label": {"en": "A"}}]}),
                "options",
            ),
            (
                json!({"kind": "multi_choice", "prompt": {"en": "?"}, "options": [{"value": "A!", "label": {"en": "A"}}, {"value": "b", "label": {"en": "B"}}]}),
                "options[0].value",
            ),
            (json!({"kind": "text", "prompt": {}}), "prompt"),
            (
                json!({"kind": "text", "prompt": {"english": "?"}}),
                "prompt.english",
            ),
            (
                json!({"kind": "text", "prompt": {"en": "?"}, "options": [{"value": "a", "label": {"en": "A"}}]}),
                "options",
            ),
        ];
        for (body, field) in cases {
            let reply = app
                .post(&uri)
                .partner(&partner)
                .json(body.clone())
                .send()
                .await;
            assert!(
                reply.problem(422)["errors"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["field"] == field),
                "{backend:?} {body}: {}",
                reply.text
            );
        }
        app.post(&uri)
            .partner(&partner)
            .json(json!({"kind": "essay", "prompt": {"en": "?"}}))
            .send()
            .await
            .problem(422);

        let nps = app
            .post(&uri)
            .partner(&partner)
            .json(json!({"kind": "nps", "prompt": {"en": "Recommend?"}}))
            .send()
            .await;
        assert_eq!(
            (
                nps.expect(201)["min_value"].as_i64(),
                nps.body["max_value"].as_i64()
            ),
            (Some(0), Some(10))
        );
        for i in 1..10 {
            app.post(&uri)
                .partner(&partner)
                .json(json!({"kind": "text", "prompt": {"en": format!("Q{i}")}}))
                .send()
                .await
                .expect(201);
        }
        let eleventh = app
            .post(&uri)
            .partner(&partner)
            .json(json!({"kind": "text", "prompt": {"en": "One too many"}}))
            .send()
            .await;
        assert!(eleventh.problem(409)["detail"]
            .as_str()
            .unwrap()
            .contains("10"));

        // Standard questions are not the partner's to change.
        app.patch(&format!("/api/v1/program/questions/{NSAT}"))
            .partner(&partner)
            .json(json!({"prompt": {"en": "Mine"}}))
            .send()
            .await
            .problem(403);
        app.patch(&format!("{uri}/{NSAT}"))
            .partner(&partner)
            .json(json!({"required": false}))
            .send()
            .await
            .problem(404);
        app.delete(&format!("{uri}/{NSAT}"))
            .partner(&partner)
            .send()
            .await
            .problem(404);
    }
}

#[actix_rt::test]
async fn program_settings_and_standard_questions() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let settings = app.get("/api/v1/program/settings").vendor().send().await;
        let body = settings.expect(200);
        assert_eq!(
            (
                body["min_completed_surveys"].as_i64(),
                body["max_counted_per_customer_org"].as_i64(),
                body["window_months"].as_i64()
            ),
            (Some(10), Some(8), Some(12)),
            "{backend:?}"
        );
        assert_eq!(
            (
                body["anonymity_threshold"].as_i64(),
                body["resurvey_interval_days"].as_i64()
            ),
            (Some(5), Some(90))
        );
        let etag = settings.header("etag").unwrap();

        let refused = app
            .patch("/api/v1/program/settings")
            .admin()
            .json(json!({"anonymity_threshold": 2, "reporting_period_months": 5}))
            .send()
            .await;
        assert_eq!(refused.problem(422)["errors"].as_array().unwrap().len(), 2);
        app.patch("/api/v1/program/settings")
            .partner(&uuid::Uuid::new_v4().to_string())
            .json(json!({"min_completed_surveys": 1}))
            .send()
            .await
            .problem(403);
        let changed = app
            .patch("/api/v1/program/settings")
            .admin()
            .header("If-Match", &etag)
            .json(json!({"resurvey_interval_days": 30}))
            .send()
            .await;
        assert_eq!(changed.expect(200)["resurvey_interval_days"], 30);
        app.patch("/api/v1/program/settings")
            .admin()
            .header("If-Match", &etag)
            .json(json!({"resurvey_interval_days": 60}))
            .send()
            .await
            .problem(412);

        let questions = app
            .get("/api/v1/program/questions")
            .partner(&uuid::Uuid::new_v4().to_string())
            .send()
            .await;
        let items = questions.expect(200)["items"].as_array().unwrap().clone();
        let metrics: Vec<&str> = items
            .iter()
            .map(|q| q["metric"].as_str().unwrap())
            .collect();
        assert_eq!(metrics, ["nsat", "nps", "ces", "comment"]);
        let nsat_values: Vec<&str> = items[0]["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["value"].as_str().unwrap())
            .collect();
        assert_eq!(
            nsat_values,
            [
                "very_satisfied",
                "somewhat_satisfied",
                "somewhat_dissatisfied",
                "very_dissatisfied",
                "dont_know"
            ]
        );
        for question in &items {
            for locale in ["en", "bg", "ru"] {
                assert!(
                    question["prompt"][locale]
                        .as_str()
                        .is_some_and(|t| !t.is_empty()),
                    "{} lacks {locale}",
                    question["id"]
                );
            }
        }
        assert_eq!(
            (
                items[2]["min_value"].as_i64(),
                items[2]["max_value"].as_i64()
            ),
            (Some(1), Some(7))
        );

        let relabel = app
            .patch(&format!("/api/v1/program/questions/{NSAT}"))
            .admin()
            .json(json!({"option_labels": {"dont_know": {"en": "Not sure"}}}))
            .send()
            .await;
        assert_eq!(
            relabel.expect(200)["options"][4]["label"],
            json!({"en": "Not sure"})
        );
        app.patch(&format!("/api/v1/program/questions/{NSAT}"))
            .admin()
            .json(json!({"option_labels": {"maybe": {"en": "Maybe"}}}))
            .send()
            .await
            .problem(422);
    }
}
