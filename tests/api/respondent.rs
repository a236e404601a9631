//! Answering through a personal link: the API, the HTML page, anonymity, rate limits, voids and imports.

use std::sync::atomic::Ordering;

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::common::{
    answers_with, backends, capture_logs, id_of, movable_clock, standard_answers, token_of,
    Backend, Options, TestApp, CES, COMMENT, NPS, NSAT,
};

#[actix_rt::test]
async fn a_link_is_answered_once_in_the_respondents_language() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let invited = app.invited("RESP", "anna@resp.example").await;
        let (partner, contact, survey, custom, token) = (
            &invited.partner,
            &invited.contact,
            &invited.survey,
            &invited.custom,
            invited.token(),
        );
        let uri = format!("/api/v1/respond/{token}");

        let bulgarian = app.get(&uri).send().await;
        let body = bulgarian.expect(200);
        assert_eq!(body["locale"], "bg", "{backend:?}: the contact's locale");
        assert_eq!(body["estimated_minutes"], 10);
        assert!(body["questions"][0]["prompt"]
            .as_str()
            .unwrap()
            .starts_with("Като цяло"));
        assert_eq!(body["questions"][0]["options"][0]["label"], "Много доволен");
        assert_eq!(body["questions"][4]["prompt"], "Коя услуга използвахте?");
        let english = app.get(&format!("{uri}?lang=en")).send().await;
        assert_eq!(
            english.expect(200)["questions"][4]["options"][1]["label"],
            "Support"
        );
        let invitations = format!("/api/v1/surveys/{survey}/invitations");
        let opened = app.get(&invitations).admin().send().await;
        assert_eq!(opened.expect(200)["items"][0]["status"], "opened");
        // The partner is not told that a link was opened: every anonymous respondent opened theirs.
        let seen = app.get(&invitations).partner(partner).send().await;
        assert_eq!(seen.expect(200)["items"][0]["status"], "sent");
        assert!(seen.body["items"][0]["opened_at"].is_null());

        // Invalid answers: one error per question, nothing stored.
        let invalid = app
            .post(&uri)
            .json(json!({"answers": {NSAT: "delighted", NPS: 11, CES: "easy", custom.as_str(): ["support"], uuid::Uuid::new_v4().to_string(): 1}}))
            .send()
            .await;
        let fields = invalid.error_fields();
        invalid.problem(422);
        assert_eq!(fields.len(), 5, "{}", invalid.text);
        for id in [NSAT, NPS, CES, custom.as_str()] {
            assert!(
                fields.contains(&format!("answers.{id}")),
                "{id}: {fields:?}"
            );
        }
        let missing = app
            .post(&uri)
            .json(json!({"answers": {NSAT: "very_satisfied"}}))
            .send()
            .await;
        assert_eq!(
            missing.problem(422)["errors"].as_array().unwrap().len(),
            3,
            "NPS, CES and the custom question are required"
        );

        let mut answers = answers_with(custom, "support");
        answers[COMMENT] = json!("Благодаря!");
        let stored = app
            .post(&uri)
            .json(json!({"answers": answers, "anonymous": false, "locale": "bg"}))
            .send()
            .await;
        assert_eq!(stored.expect(201)["status"], "completed");
        // The submission has no other address: 201 names the personal link itself.
        assert_eq!(stored.header("location").as_deref(), Some(uri.as_str()));
        assert_eq!(stored.header("etag").as_deref(), Some("\"1\""));
        app.post(&uri)
            .json(json!({"answers": answers}))
            .send()
            .await
            .problem(409);
        app.get(&uri).send().await.problem(409);

        let responses = app
            .get(&format!("/api/v1/surveys/{survey}/responses"))
            .partner(partner)
            .send()
            .await;
        let response = &responses.expect(200)["items"][0];
        assert_eq!(response["respondent"]["contact_id"], contact.as_str());
        assert_eq!(
            response["respondent"]["organization_key"],
            "domain:resp.example"
        );
        assert_eq!(response["source"], "live");
        let values: Vec<(String, serde_json::Value)> = response["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["question_id"].as_str().unwrap().to_owned(),
                    a["value"].clone(),
                )
            })
            .collect();
        assert!(values.contains(&(NPS.to_owned(), json!(9))));
        assert!(values.contains(&(custom.clone(), json!("support"))));
        assert!(values.contains(&(COMMENT.to_owned(), json!("Благодаря!"))));
        let completed = app
            .get(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(partner)
            .send()
            .await;
        assert_eq!(completed.expect(200)["items"][0]["status"], "completed");

        // Erasing the contact later keeps the response counting for its organization.
        let compliance = format!("/api/v1/memberships/{}/compliance", invited.membership);
        // The counts of an explanation (organization labels come from contact data an erasure wipes).
        let counts = |mut offices: serde_json::Value| {
            for office in offices.as_array_mut().unwrap() {
                for share in office["organizations"].as_array_mut().unwrap() {
                    share.as_object_mut().unwrap().remove("label");
                }
            }
            offices
        };
        let before = counts(
            app.get(&compliance)
                .partner(partner)
                .send()
                .await
                .expect(200)["offices"]
                .clone(),
        );
        app.delete(&format!("/api/v1/contacts/{contact}"))
            .partner(partner)
            .send()
            .await
            .expect(204);
        let kept = app
            .get(&format!("/api/v1/surveys/{survey}/responses"))
            .admin()
            .send()
            .await;
        assert_eq!(
            kept.expect(200)["items"][0]["respondent"]["organization_key"],
            "domain:resp.example"
        );
        assert_eq!(
            counts(
                app.get(&compliance)
                    .partner(partner)
                    .send()
                    .await
                    .expect(200)["offices"]
                    .clone()
            ),
            before,
            "erasure changes no count"
        );
        assert_eq!(before[0]["completed"], 1);

        // Unknown and malformed tokens are 404.
        app.get(&format!("/api/v1/respond/{}", "A".repeat(43)))
            .send()
            .await
            .problem(404);
        app.get("/api/v1/respond/short").send().await.problem(404);
        app.post("/api/v1/respond/short")
            .json(json!({"answers": {}}))
            .send()
            .await
            .problem(404);
    }
}

#[actix_rt::test]
async fn expired_links_and_closed_surveys_are_gone() {
    for backend in backends() {
        let (clock, seconds) = movable_clock(Utc::now());
        let app = TestApp::start_with(
            backend,
            Options {
                clock: Some(clock),
                ..Options::default()
            },
        )
        .await;
        let (partner, _, office, _) = app.partner_tree("EXP").await;
        let first = app
            .consenting_contact(&office, "one@exp.example", "Exp")
            .await;
        let second = app
            .consenting_contact(&office, "two@exp.example", "Exp")
            .await;
        let (survey, _) = app.open_survey(&partner, &office).await;
        let links = app
            .invite_links(&partner, &survey, &[&first, &second])
            .await;

        seconds.fetch_add(31 * 24 * 3600, Ordering::SeqCst);
        let expired = app
            .get(&format!("/api/v1/respond/{}", token_of(&links[0])))
            .send()
            .await;
        expired.problem(410);
        let listed = app
            .get(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(
            listed.expect(200)["items"][0]["status"],
            "expired",
            "{backend:?}"
        );
        app.post(&format!("/api/v1/respond/{}", token_of(&links[0])))
            .json(json!({"answers": standard_answers()}))
            .send()
            .await
            .problem(410);

        // A closed survey refuses answers even through a live link.
        seconds.fetch_sub(31 * 24 * 3600, Ordering::SeqCst);
        app.post(&format!("/api/v1/surveys/{survey}/close"))
            .partner(&partner)
            .send()
            .await
            .expect(200);
        app.get(&format!("/api/v1/respond/{}", token_of(&links[1])))
            .send()
            .await
            .problem(410);
    }
}

#[actix_rt::test]
async fn erasing_a_contact_revokes_its_unanswered_links() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let invited = app.invited("ERASE", "erase@erase.example").await;
        let token = invited.token();
        app.get(&format!("/api/v1/respond/{token}"))
            .send()
            .await
            .expect(200);
        // The page of a link that expired by time, for comparison.
        let expired_page = {
            let other = app.invited("ERASE2", "other@erase2.example").await;
            let closed = app
                .post(&format!("/api/v1/surveys/{}/close", other.survey))
                .partner(&other.partner)
                .send()
                .await;
            closed.expect(200);
            app.get(&format!("/s/{}?lang=en", other.token()))
                .send()
                .await
        };
        assert_eq!(expired_page.status.as_u16(), 410);

        app.delete(&format!("/api/v1/contacts/{}", invited.contact))
            .partner(&invited.partner)
            .send()
            .await
            .expect(204);
        app.get(&format!("/api/v1/respond/{token}"))
            .send()
            .await
            .problem(410);
        app.post(&format!("/api/v1/respond/{token}"))
            .json(json!({"answers": answers_with(&invited.custom, "support")}))
            .send()
            .await
            .problem(410);
        let page = app.get(&format!("/s/{token}?lang=en")).send().await;
        assert_eq!(page.status.as_u16(), 410, "{backend:?}");
        assert_eq!(page.text, expired_page.text);
        let listed = app
            .get(&format!("/api/v1/surveys/{}/invitations", invited.survey))
            .partner(&invited.partner)
            .send()
            .await;
        assert_eq!(listed.expect(200)["items"][0]["status"], "expired");
    }
}

#[actix_rt::test]
async fn anonymous_responses_hide_the_respondent_from_the_partner_but_not_the_admin() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let invited = app.invited("ANON", "secret.person@anon-corp.example").await;
        let (partner, office, contact, survey, token) = (
            &invited.partner,
            &invited.office,
            &invited.contact,
            &invited.survey,
            invited.token(),
        );
        let answers = answers_with(&invited.custom, "licensing");
        app.post(&format!("/api/v1/respond/{token}"))
            .json(json!({"answers": answers, "anonymous": true}))
            .send()
            .await
            .expect(201);

        let list = app
            .get(&format!("/api/v1/surveys/{survey}/responses"))
            .partner(partner)
            .send()
            .await;
        let response = list.expect(200)["items"][0].clone();
        let response_id = id_of(&response);
        assert_eq!(response["anonymous"], true, "{backend:?}");
        assert_eq!(
            uuid::Uuid::parse_str(&response_id)
                .unwrap()
                .get_version_num(),
            4,
            "a random id: a time-ordered one would date the response"
        );
        assert!(
            response["respondent"].is_null(),
            "no contact, invitation or organization for the partner: {response}"
        );
        let completed: DateTime<Utc> = response["completed_at"].as_str().unwrap().parse().unwrap();
        assert_eq!(
            completed.time(),
            chrono::NaiveTime::MIN,
            "the partner sees the day only"
        );
        let single = app
            .get(&format!("/api/v1/responses/{response_id}"))
            .partner(partner)
            .send()
            .await;
        for text in [list.text.as_str(), single.text.as_str()] {
            for secret in [
                contact.as_str(),
                "secret.person",
                "anon-corp",
                "Consenting Customer",
                "invitation_id",
                "contact_id",
                "organization_key",
            ] {
                assert!(
                    !text.contains(secret),
                    "{backend:?}: `{secret}` reached the partner: {text}"
                );
            }
        }
        assert_eq!(
            single.expect(200)["answers"].as_array().unwrap().len(),
            5,
            "the answers are all there"
        );
        let invitation = app
            .get(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(partner)
            .send()
            .await;
        assert!(
            !invitation.text.contains("completed_at"),
            "completion times would tie the response to the contact"
        );

        let admin = app
            .get(&format!("/api/v1/responses/{response_id}"))
            .admin()
            .send()
            .await;
        let respondent = &admin.expect(200)["respondent"];
        assert_eq!(respondent["contact_id"], contact.as_str());
        assert_eq!(respondent["organization_key"], "domain:anon-corp.example");
        assert!(respondent["invitation_id"].is_string());

        // The vendor has no route to individual responses or surveys.
        app.get(&format!("/api/v1/surveys/{survey}/responses"))
            .vendor()
            .send()
            .await
            .problem(403);
        app.get(&format!("/api/v1/responses/{response_id}"))
            .vendor()
            .send()
            .await
            .problem(403);
        app.get(&format!("/api/v1/surveys/{survey}"))
            .vendor()
            .send()
            .await
            .problem(403);
        app.get(&format!("/api/v1/offices/{office}/surveys"))
            .vendor()
            .send()
            .await
            .problem(403);
        // Another partner gets 404, for the response and for the survey.
        let (other, ..) = app.partner_tree("NOSY").await;
        app.get(&format!("/api/v1/responses/{response_id}"))
            .partner(&other)
            .send()
            .await
            .problem(404);
        app.get(&format!("/api/v1/surveys/{survey}"))
            .partner(&other)
            .send()
            .await
            .problem(404);
        app.get(&format!("/api/v1/surveys/{survey}/results"))
            .partner(&other)
            .send()
            .await
            .problem(404);
    }
}

#[actix_rt::test]
async fn the_admin_voids_a_response_with_a_reason_and_it_stays_stored() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let invited = app.invited("VOID", "v@void.example").await;
        let (partner, survey, token) = (&invited.partner, &invited.survey, invited.token());
        let answers = answers_with(&invited.custom, "support");
        app.post(&format!("/api/v1/respond/{token}"))
            .json(json!({"answers": answers}))
            .send()
            .await
            .expect(201);
        let list = app
            .get(&format!("/api/v1/surveys/{survey}/responses"))
            .admin()
            .send()
            .await;
        let response = id_of(&list.expect(200)["items"][0]);
        let uri = format!("/api/v1/responses/{response}/void");

        app.post(&uri)
            .partner(partner)
            .json(json!({"reason": "I do not like it"}))
            .send()
            .await
            .problem(403);
        app.post(&uri)
            .admin()
            .json(json!({"reason": ""}))
            .send()
            .await
            .problem(422);
        let voided = app
            .post(&uri)
            .admin()
            .json(json!({"reason": "Answered by the partner's own employee"}))
            .send()
            .await;
        let void = &voided.expect(200)["void"];
        assert_eq!(
            void["reason"], "Answered by the partner's own employee",
            "{backend:?}"
        );
        assert_eq!(void["voided_by"], "test-user");
        assert!(void["voided_at"].is_string());
        app.post(&uri)
            .admin()
            .json(json!({"reason": "Again"}))
            .send()
            .await
            .problem(409);
        let seen = app
            .get(&format!("/api/v1/responses/{response}"))
            .partner(partner)
            .send()
            .await;
        assert_eq!(
            seen.expect(200)["answers"].as_array().unwrap().len(),
            5,
            "a voided response keeps its answers"
        );
        assert!(seen.body["void"].is_object());
    }
}

#[actix_rt::test]
async fn historical_responses_are_imported_with_their_original_times() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, _, office, contact) = app.partner_tree("HIST").await;
        let (survey, custom) = app.open_survey(&partner, &office).await;
        let answers = answers_with(&custom, "licensing");
        let rows = json!([
            {"completed_at": "2026-03-01T09:30:00Z", "email": "old@fabrikam.example", "answers": answers},
            {"completed_at": "2026-04-01T09:30:00Z", "organization": "Contoso Ltd", "anonymous": true, "answers": answers},
            {"completed_at": "2026-05-01T09:30:00Z", "contact_id": contact, "answers": answers},
            {"completed_at": "2999-01-01T00:00:00Z", "email": "future@x.example", "answers": answers},
            {"completed_at": "2026-05-01T09:30:00Z", "answers": answers},
            {"completed_at": "2026-05-01T09:30:00Z", "email": "bad@x.example", "answers": {NSAT: "meh"}},
            {"completed_at": "yesterday", "email": "bad@x.example", "answers": answers}
        ]);
        app.post(&format!("/api/v1/surveys/{survey}/responses/import"))
            .partner(&partner)
            .json(json!({"responses": rows}))
            .send()
            .await
            .problem(403);
        let reply = app
            .post(&format!("/api/v1/surveys/{survey}/responses/import"))
            .admin()
            .json(json!({"responses": rows}))
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
            ["created", "created", "created", "invalid", "invalid", "invalid", "invalid"],
            "{backend:?}: {result}"
        );
        assert_eq!(result["rows"][3]["errors"][0]["field"], "completed_at");
        assert_eq!(result["rows"][4]["errors"][0]["field"], "organization");

        let list = app
            .get(&format!("/api/v1/surveys/{survey}/responses"))
            .admin()
            .send()
            .await;
        let mut items = list.expect(200)["items"].as_array().unwrap().clone();
        items.sort_by_key(|i| i["completed_at"].as_str().unwrap().to_owned());
        assert_eq!(items.len(), 3);
        assert_eq!(items[0]["completed_at"], "2026-03-01T09:30:00Z");
        assert_eq!(items[0]["source"], "import");
        assert_eq!(
            items[0]["respondent"]["organization_key"],
            "domain:fabrikam.example"
        );
        assert_eq!(items[1]["respondent"]["organization_key"], "name:contoso");
        assert_eq!(items[2]["respondent"]["contact_id"], contact.as_str());

        let draft = id_of(
            app.post(&format!("/api/v1/offices/{office}/surveys"))
                .partner(&partner)
                .json(json!({"title": "Draft"}))
                .send()
                .await
                .expect(201),
        );
        app.post(&format!("/api/v1/surveys/{draft}/responses/import"))
            .admin()
            .json(json!({"responses": rows}))
            .send()
            .await
            .problem(409);
    }
}

#[actix_rt::test]
async fn respondent_endpoints_are_rate_limited_per_client() {
    for backend in backends() {
        let app = TestApp::start_with(
            backend,
            Options {
                respondent_rate_limit: 3,
                ..Options::default()
            },
        )
        .await;
        for _ in 0..3 {
            app.get("/api/v1/respond/unknown-token")
                .send()
                .await
                .problem(404);
        }
        let limited = app.get("/api/v1/respond/unknown-token").send().await;
        limited.problem(429);
        let wait: u64 = limited
            .header("retry-after")
            .expect("Retry-After")
            .parse()
            .unwrap();
        assert!((1..=60).contains(&wait), "{backend:?}: {wait}");
        let page = app.get("/s/unknown-token").send().await;
        assert_eq!(page.status.as_u16(), 429);
        assert!(page.header("retry-after").is_some());
    }
}

#[actix_rt::test]
async fn the_survey_page_works_without_javascript_in_bulgarian() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let invited = app.invited("PAGE", "page@page.example").await;
        let (partner, survey, custom, token) = (
            &invited.partner,
            &invited.survey,
            &invited.custom,
            invited.token(),
        );
        let uri = format!("/s/{token}");

        let page = app.get(&uri).send().await;
        assert_eq!(page.status.as_u16(), 200, "{backend:?}");
        assert!(page
            .header("content-type")
            .unwrap()
            .starts_with("text/html"));
        for expected in [
            "<html lang=\"bg\">",
            "Като цяло",
            "Много доволен",
            "Искам да остана анонимен",
            "Изпрати отговорите",
            &format!("name=\"q_{custom}\""),
        ] {
            assert!(page.text.contains(expected), "the page lacks {expected}");
        }
        assert!(
            !page.text.contains("<script"),
            "the page needs no JavaScript"
        );
        assert_eq!(page.header("x-frame-options").as_deref(), Some("DENY"));
        assert!(page
            .header("content-security-policy")
            .unwrap()
            .contains("frame-ancestors 'none'"));
        assert!(app
            .get(&format!("{uri}?lang=en"))
            .send()
            .await
            .text
            .contains("Overall, how satisfied"));

        let partial = format!("locale=bg&q_{NSAT}=very_satisfied");
        let refused = app
            .post(&uri)
            .raw("application/x-www-form-urlencoded", partial)
            .send()
            .await;
        assert_eq!(refused.status.as_u16(), 422);
        assert!(
            refused.text.contains("role=\"alert\"")
                && refused.text.contains("aria-invalid=\"true\"")
        );
        assert!(
            refused.text.contains("value=\"very_satisfied\" checked"),
            "earlier answers are kept"
        );

        let form = format!("locale=bg&q_{NSAT}=somewhat_satisfied&q_{NPS}=8&q_{CES}=3&q_{COMMENT}=%D0%94%D0%BE%D0%B1%D1%80%D0%B5&q_{custom}=support&anonymous=true");
        let thanks = app
            .post(&uri)
            .raw("application/x-www-form-urlencoded", form.clone())
            .send()
            .await;
        assert_eq!(thanks.status.as_u16(), 200, "{}", thanks.text);
        assert!(thanks.text.contains("Благодарим ви!"));
        let again = app
            .post(&uri)
            .raw("application/x-www-form-urlencoded", form)
            .send()
            .await;
        assert_eq!(again.status.as_u16(), 409);
        assert!(again.text.contains("Вече сте отговорили"));
        assert_eq!(app.get("/s/nope").send().await.status.as_u16(), 404);

        let responses = app
            .get(&format!("/api/v1/surveys/{survey}/responses"))
            .partner(partner)
            .send()
            .await;
        let response = &responses.expect(200)["items"][0];
        assert_eq!(response["anonymous"], true);
        assert!(response["answers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["value"] == "Добре"));
    }
}

#[actix_rt::test]
async fn personal_link_tokens_never_reach_the_logs() {
    let app = TestApp::start(Backend::Sqlite).await;
    let invited = app.invited("LOGS", "logs@logs.example").await;
    let token = invited.token();
    let (logs, _guard) = capture_logs();
    app.get(&format!("/api/v1/respond/{token}"))
        .send()
        .await
        .expect(200);
    let page = app.get(&format!("/s/{token}")).send().await;
    assert_eq!(page.status.as_u16(), 200);
    let refused = app
        .post(&format!("/s/{token}"))
        .raw("application/x-www-form-urlencoded", "locale=en")
        .send()
        .await;
    assert_eq!(refused.status.as_u16(), 422);

    let text = logs.text();
    let shortened = format!("{}…", &token[..6]);
    assert_eq!(
        text.matches(&format!("/api/v1/respond/{shortened}"))
            .count(),
        1,
        "{text}"
    );
    assert_eq!(
        text.matches(&format!("/s/{shortened}")).count(),
        2,
        "{text}"
    );
    assert!(!text.contains(&token), "a log line holds the token: {text}");
}

#[actix_rt::test]
async fn an_anonymous_respondent_is_indistinguishable_from_invitees_who_did_not_answer() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, membership, office, _) = app.partner_tree("ANON").await;
        let anonymous = app
            .consenting_contact(&office, "anon@alpha.example", "Alpha")
            .await;
        let silent = app
            .consenting_contact(&office, "silent@beta.example", "Beta")
            .await;
        let opener = app
            .consenting_contact(&office, "opener@gamma.example", "Gamma")
            .await;
        let named = app
            .consenting_contact(&office, "named@delta.example", "Delta")
            .await;
        let (survey, custom) = app.open_survey(&partner, &office).await;
        let created = app
            .post(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .json(json!({"contact_ids": [anonymous, silent, opener, named], "delivery": "email"}))
            .send()
            .await;
        let invitation_of = |contact: &str| -> String {
            created.body["invited"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["contact_id"] == contact)
                .unwrap()["invitation"]["id"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        created.expect(200);
        let link_of = |invitation: String| {
            let app = &app;
            let partner = partner.clone();
            async move {
                let reply = app
                    .post(&format!("/api/v1/invitations/{invitation}/link"))
                    .partner(&partner)
                    .send()
                    .await;
                token_of(reply.expect(200)["link"].as_str().unwrap())
            }
        };
        let anonymous_invitation = invitation_of(&anonymous);
        let etag_before = app
            .get(&format!("/api/v1/invitations/{anonymous_invitation}"))
            .partner(&partner)
            .send()
            .await
            .header("etag");

        let answer = |token: String, anonymously: bool| {
            let app = &app;
            let answers = answers_with(&custom, "support");
            async move {
                app.get(&format!("/api/v1/respond/{token}?lang=bg"))
                    .send()
                    .await
                    .expect(200);
                app.post(&format!("/api/v1/respond/{token}"))
                    .json(json!({"answers": answers, "anonymous": anonymously, "locale": "bg"}))
                    .send()
                    .await
                    .expect(201);
            }
        };
        answer(link_of(anonymous_invitation.clone()).await, true).await;
        let etag_after = app
            .get(&format!("/api/v1/invitations/{anonymous_invitation}"))
            .partner(&partner)
            .send()
            .await
            .header("etag");
        assert_eq!(
            etag_after, etag_before,
            "the ETag moved when the link was answered"
        );
        answer(link_of(invitation_of(&named)).await, false).await;
        let opener_token = link_of(invitation_of(&opener)).await;
        app.get(&format!("/api/v1/respond/{opener_token}"))
            .send()
            .await
            .expect(200);
        let reminders = app
            .post(&format!("/api/v1/surveys/{survey}/reminders"))
            .partner(&partner)
            .send()
            .await;
        reminders.expect(200);
        // The emails go out after the anonymous answer came in through a re-issued link.
        let state = app.state.clone();
        let delivered = actix_web::web::block(move || csat_index::mail::deliver_due(&state))
            .await
            .unwrap()
            .unwrap();
        assert!(delivered.sent >= 4, "{delivered:?}");

        // Invitations: the anonymous respondent's reads like the one never opened and the one opened.
        let listed = app
            .get(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .send()
            .await;
        let visible = |contact: &str| {
            let mut item = listed.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["contact_id"] == contact)
                .unwrap()
                .clone();
            assert!(item["sent_at"].is_string(), "{item}");
            for own in ["id", "contact_id", "created_at", "expires_at", "sent_at"] {
                item.as_object_mut().unwrap().remove(own);
            }
            item
        };
        listed.expect(200);
        assert_eq!(visible(&anonymous), visible(&silent), "{backend:?}");
        assert_eq!(visible(&anonymous), visible(&opener));
        assert_eq!(visible(&anonymous)["reminders_sent"], 1);
        assert_eq!(visible(&named)["status"], "completed");
        // A lost link is re-issued alike, answered anonymously or not, and reads alike: whoever holds
        // it sees the questionnaire; only answering again is refused.
        for invitation in [anonymous_invitation.clone(), invitation_of(&silent)] {
            let token = link_of(invitation).await;
            app.get(&format!("/api/v1/respond/{token}"))
                .send()
                .await
                .expect(200);
        }
        let again = link_of(anonymous_invitation.clone()).await;
        app.post(&format!("/api/v1/respond/{again}"))
            .json(json!({"answers": answers_with(&custom, "support")}))
            .send()
            .await
            .problem(409);

        // The response: no respondent, no language that could point at the contact.
        let responses = app
            .get(&format!("/api/v1/surveys/{survey}/responses"))
            .partner(&partner)
            .send()
            .await;
        let anonymous_response = responses.expect(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["anonymous"] == true)
            .unwrap()
            .clone();
        assert!(anonymous_response["respondent"].is_null());
        assert!(anonymous_response["locale"].is_null());

        // Compliance: counted, under no organization.
        let explained = app
            .get(&format!("/api/v1/memberships/{membership}/compliance"))
            .partner(&partner)
            .send()
            .await;
        let office_view = &explained.expect(200)["offices"][0];
        assert_eq!(office_view["counted"], 2);
        assert_eq!(
            office_view["organizations"],
            json!([
                {"organization_key": "domain:delta.example", "label": "Delta (delta.example)", "anonymous": false, "completed": 1, "counted": 1},
                {"organization_key": "anonymous", "label": "anonymous responses, all organizations together", "anonymous": true, "completed": 1, "counted": 1}
            ])
        );
        assert!(!explained.text.contains("alpha"), "{}", explained.text);
        assert_eq!(
            office_view["hint"],
            "8 more completed surveys: the organizations already counted have room for 7 more, so at least 1 new customer organization must answer"
        );

        // Erasure revokes the anonymous respondent's link like the silent invitee's.
        for contact in [&anonymous, &silent] {
            app.delete(&format!("/api/v1/contacts/{contact}"))
                .partner(&partner)
                .send()
                .await
                .expect(204);
        }
        let listed = app
            .get(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .send()
            .await;
        let after = |contact: &str| {
            let mut item = listed.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["contact_id"] == contact)
                .unwrap()
                .clone();
            // `expires_at` is the moment of each erasure, `sent_at` of each delivery.
            for own in ["id", "contact_id", "created_at", "expires_at", "sent_at"] {
                item.as_object_mut().unwrap().remove(own);
            }
            item
        };
        listed.expect(200);
        assert_eq!(after(&anonymous), after(&silent), "{backend:?}");
        assert_eq!(after(&anonymous)["status"], "expired");
    }
}

#[actix_rt::test]
async fn an_organizations_named_line_never_changes_with_its_anonymous_answers() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let invited = app.invited("CAP", "first@cap.example").await;
        let (partner, office, survey) = (&invited.partner, &invited.office, &invited.survey);
        // One anonymous answer first, then eight named ones, all from cap.example.
        app.post(&format!("/api/v1/respond/{}", invited.token()))
            .json(json!({"answers": answers_with(&invited.custom, "support"), "anonymous": true}))
            .send()
            .await
            .expect(201);
        for n in 0..8 {
            let contact = app
                .consenting_contact(office, &format!("named{n}@cap.example"), "Cap")
                .await;
            let link = app
                .invite_links(partner, survey, &[&contact])
                .await
                .remove(0);
            app.post(&format!("/api/v1/respond/{}", token_of(&link)))
                .json(json!({"answers": answers_with(&invited.custom, "support")}))
                .send()
                .await
                .expect(201);
        }
        let explained = app
            .get(&format!(
                "/api/v1/memberships/{}/compliance",
                invited.membership
            ))
            .partner(partner)
            .send()
            .await;
        let office_view = &explained.expect(200)["offices"][0];
        assert_eq!(office_view["counted"], 8, "{backend:?}");
        let lines = office_view["organizations"].as_array().unwrap();
        assert_eq!(
            (lines[0]["completed"].as_i64(), lines[0]["counted"].as_i64()),
            (Some(8), Some(8))
        );
        assert_eq!(lines[1]["anonymous"], true);
        assert_eq!(
            (lines[1]["completed"].as_i64(), lines[1]["counted"].as_i64()),
            (Some(1), Some(0))
        );
    }
}
