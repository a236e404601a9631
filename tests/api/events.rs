//! Events and the change feed (issue 12): what each change emits, who sees it, when, and paging.

use std::{
    collections::BTreeSet,
    sync::{atomic::Ordering, Arc},
    time::Duration,
};

use chrono::{DateTime, Utc};
use csat_index::{
    config::EventSettings,
    mail::{deliver_due, MailError, OutgoingMail},
};
use serde_json::{json, Value};

use crate::common::{
    answers_with, backends, id_of, movable_clock, rows, standard_answers, Options, Reply, TestApp,
};

/// Who reads the feed.
#[derive(Clone, Copy)]
enum Reader<'a> {
    Admin,
    Vendor,
    Partner(&'a str),
}

impl TestApp {
    /// One page of the feed for `reader` after `cursor`.
    async fn events_page(&self, reader: Reader<'_>, query: &str) -> Reply {
        let request = self.get(&format!("/api/v1/events{query}"));
        match reader {
            Reader::Admin => request.admin(),
            Reader::Vendor => request.vendor(),
            Reader::Partner(id) => request.partner(id),
        }
        .send()
        .await
    }

    /// Every event `reader` sees, following the cursor from the start 200 at a time.
    async fn events(&self, reader: Reader<'_>) -> Vec<Value> {
        let mut all = Vec::new();
        let mut query = "?limit=200".to_owned();
        loop {
            let reply = self.events_page(reader, &query).await;
            let body = reply.expect(200).clone();
            all.extend(body["items"].as_array().unwrap().iter().cloned());
            if body["has_more"] != true {
                return all;
            }
            query = format!("?limit=200&after={}", body["next_cursor"].as_str().unwrap());
        }
    }

    /// One pass of the events worker (what it does every `CSAT_EVENTS_INTERVAL_MS`).
    fn pass(&self) -> csat_index::PassReport {
        self.state.run_event_pass().expect("the event pass runs")
    }
}

fn of_type<'a>(events: &'a [Value], event_type: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["type"] == event_type).collect()
}

fn clocked(start: &str) -> (Options, Arc<std::sync::atomic::AtomicI64>) {
    let start: DateTime<Utc> = start.parse().unwrap();
    let (clock, seconds) = movable_clock(start);
    (
        Options {
            clock: Some(clock),
            ..Options::default()
        },
        seconds,
    )
}

#[actix_rt::test]
async fn an_answer_is_announced_to_its_partner_and_the_admin_only() {
    for backend in backends() {
        let (options, _) = clocked("2026-11-20T15:30:07Z");
        let app = TestApp::start_with(backend, options).await;
        let invited = app.invited("EVA", "buyer@eva.example").await;
        let other = app.partner("EVB").await;
        app.post(&format!("/api/v1/respond/{}", invited.token()))
            .json(json!({"answers": answers_with(&invited.custom, "support")}))
            .send()
            .await
            .expect(201);
        assert!(
            app.events(Reader::Admin).await.is_empty(),
            "{backend:?}: not listed before it is numbered"
        );
        assert!(app.pass().sequenced >= 1);

        let events = app.events(Reader::Partner(&invited.partner)).await;
        let completed = of_type(&events, "response.completed");
        assert_eq!(completed.len(), 1, "{backend:?}: {events:?}");
        let event = completed[0];
        assert_eq!(event["version"], 1);
        assert_eq!(event["timestamp"], "2026-11-20T15:30:07Z");
        let data = &event["data"];
        assert_eq!(data["survey_id"], invited.survey.as_str());
        assert_eq!(data["office_id"], invited.office.as_str());
        assert_eq!(data["membership_id"], invited.membership.as_str());
        assert_eq!(data["partner_id"], invited.partner.as_str());
        assert_eq!(data["anonymous"], false);
        assert_eq!(data["completed_at"], "2026-11-20T15:30:07Z");
        assert!(data["invitation_id"].is_string(), "{data}");
        assert!(!event.to_string().contains("buyer@eva.example"));

        assert_eq!(app.events(Reader::Admin).await, events, "{backend:?}");
        assert!(app.events(Reader::Partner(&other)).await.is_empty());
        assert!(app.events(Reader::Vendor).await.is_empty());
    }
}

fn keys(data: &Value) -> BTreeSet<String> {
    data.as_object().unwrap().keys().cloned().collect()
}

#[actix_rt::test]
async fn an_anonymous_answer_is_announced_with_its_day_only_once_the_day_is_over() {
    for backend in backends() {
        let (options, seconds) = clocked("2026-11-20T15:30:07Z");
        let app = TestApp::start_with(backend, options).await;
        let invited = app.invited("ANON", "quiet@anon.example").await;
        app.post(&format!("/api/v1/respond/{}", invited.token()))
            .json(json!({"answers": answers_with(&invited.custom, "support"), "anonymous": true}))
            .send()
            .await
            .expect(201);
        app.pass();
        assert!(
            app.events(Reader::Admin).await.is_empty(),
            "{backend:?}: delivering it now would tell when the respondent answered"
        );
        // 23:59:59 the same day: still held back.
        seconds.fetch_add(8 * 3600 + 29 * 60 + 52, Ordering::SeqCst);
        app.pass();
        assert!(app
            .events(Reader::Partner(&invited.partner))
            .await
            .is_empty());
        // Midnight: the day is over.
        seconds.fetch_add(1, Ordering::SeqCst);
        assert_eq!(app.pass().sequenced, 1, "{backend:?}");
        let events = app.events(Reader::Partner(&invited.partner)).await;
        assert_eq!(events.len(), 1, "{events:?}");
        let event = &events[0];
        assert_eq!(event["type"], "response.completed");
        assert_eq!(event["timestamp"], "2026-11-20T00:00:00Z");
        let data = &event["data"];
        assert_eq!(data["completed_at"], "2026-11-20T00:00:00Z");
        assert_eq!(data["anonymous"], true);
        assert_eq!(
            keys(data),
            [
                "anonymous",
                "completed_at",
                "membership_id",
                "office_id",
                "partner_id",
                "response_id",
                "survey_id"
            ]
            .map(String::from)
            .into(),
            "{backend:?}: no invitation, nothing else: {data}"
        );
        // The response it names is the one the partner reads, which shows the same day only.
        let response = app
            .get(&format!(
                "/api/v1/responses/{}",
                data["response_id"].as_str().unwrap()
            ))
            .partner(&invited.partner)
            .send()
            .await;
        assert_eq!(response.expect(200)["completed_at"], "2026-11-20T00:00:00Z");
        assert_eq!(app.events(Reader::Admin).await, events);
    }
}

#[actix_rt::test]
async fn the_void_of_an_anonymous_response_waits_for_its_completion() {
    for backend in backends() {
        let (options, seconds) = clocked("2026-11-20T15:30:07Z");
        let app = TestApp::start_with(backend, options).await;
        let invited = app.invited("ANONV", "quiet@anonv.example").await;
        app.post(&format!("/api/v1/respond/{}", invited.token()))
            .json(json!({"answers": answers_with(&invited.custom, "support"), "anonymous": true}))
            .send()
            .await
            .expect(201);
        let listed = app
            .get(&format!("/api/v1/surveys/{}/responses", invited.survey))
            .admin()
            .send()
            .await;
        let response = id_of(&listed.expect(200)["items"][0]);
        seconds.fetch_add(600, Ordering::SeqCst);
        app.post(&format!("/api/v1/responses/{response}/void"))
            .admin()
            .json(json!({"reason": "Test answer"}))
            .send()
            .await
            .expect(200);
        app.pass();
        assert!(
            app.events(Reader::Admin).await.is_empty(),
            "{backend:?}: the void would announce the response before its day is over"
        );
        seconds.fetch_add(9 * 3600, Ordering::SeqCst);
        app.pass();
        let events = app.events(Reader::Partner(&invited.partner)).await;
        let types: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
        assert_eq!(
            types,
            ["response.completed", "response.voided"],
            "{backend:?}"
        );
        assert_eq!(events[1]["data"]["response_id"], response.as_str());
        assert_eq!(events[1]["timestamp"], "2026-11-20T15:40:07Z");
    }
}

#[actix_rt::test]
async fn a_void_is_announced_without_its_reason() {
    for backend in backends() {
        let (options, seconds) = clocked("2026-11-20T12:00:00Z");
        let app = TestApp::start_with(backend, options).await;
        let (partner, membership, office, _) = app.partner_tree("VOID").await;
        let survey = app.plain_survey(&office).await;
        let ids = app
            .import(
                &survey,
                &rows("2026-10-01", 1, "org", false),
                &standard_answers(),
            )
            .await;
        seconds.fetch_add(60, Ordering::SeqCst);
        app.post(&format!("/api/v1/responses/{}/void", ids[0]))
            .admin()
            .json(json!({"reason": "Maria Petrova answered for her colleague"}))
            .send()
            .await
            .expect(200);
        app.pass();
        let events = app.events(Reader::Partner(&partner)).await;
        let types: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
        assert_eq!(
            types,
            ["response.completed", "response.voided"],
            "{backend:?}"
        );
        assert_eq!(events[0]["data"]["completed_at"], "2026-10-01T12:00:00Z");
        let voided = &events[1]["data"];
        assert_eq!(voided["response_id"], ids[0].as_str());
        assert_eq!(voided["membership_id"], membership.as_str());
        assert_eq!(voided["voided_at"], "2026-11-20T12:01:00Z");
        assert!(!events[1].to_string().contains("Maria"), "{voided}");
        assert!(voided.get("reason").is_none());
    }
}

#[actix_rt::test]
async fn the_tenth_counted_response_changes_compliance_once_whoever_recomputes() {
    for backend in backends() {
        let (options, _) = clocked("2026-11-20T12:00:00Z");
        let app = TestApp::start_with(backend, options).await;
        let invited = app.invited("TENTH", "buyer@tenth.example").await;
        let answers = answers_with(&invited.custom, "support");
        app.import(
            &invited.survey,
            &rows("2026-06-01", 9, "org", false),
            &answers,
        )
        .await;
        app.pass();
        let changes = |events: &[Value]| -> Vec<Value> {
            of_type(events, "membership.compliance_changed")
                .into_iter()
                .cloned()
                .collect()
        };
        assert!(changes(&app.events(Reader::Admin).await).is_empty());

        app.post(&format!("/api/v1/respond/{}", invited.token()))
            .json(json!({"answers": answers}))
            .send()
            .await
            .expect(201);
        // The list and the events worker recompute at the same time, again and again.
        let state = app.state.clone();
        let worker = std::thread::spawn(move || {
            for _ in 0..5 {
                state.run_event_pass().unwrap();
            }
        });
        for _ in 0..5 {
            app.get("/api/v1/program/compliance")
                .admin()
                .send()
                .await
                .expect(200);
        }
        worker.join().unwrap();
        app.pass();

        let events = app.events(Reader::Partner(&invited.partner)).await;
        let changed = changes(&events);
        assert_eq!(changed.len(), 1, "{backend:?}: {changed:?}");
        let data = &changed[0]["data"];
        assert_eq!(data["membership_id"], invited.membership.as_str());
        assert_eq!(data["partner_id"], invited.partner.as_str());
        assert_eq!(data["met"], true);
        assert_eq!(data["previous_met"], false);
        assert_eq!(data["best_office_counted"], 10);
        assert_eq!(data["required"], 10);
        assert_eq!(data["as_of"], "2026-11-20");
        assert_eq!(data["valid_until"], "2027-05-31", "{data}");
        // It follows the answer that caused it.
        let position = |event_type: &str| events.iter().position(|e| e["type"] == event_type);
        assert!(position("response.completed") < position("membership.compliance_changed"));
        assert!(app.events(Reader::Vendor).await.is_empty());
    }
}

#[actix_rt::test]
async fn a_response_leaving_the_window_changes_compliance_on_a_day_without_writes() {
    for backend in backends() {
        let (options, seconds) = clocked("2026-11-20T12:00:00Z");
        let app = TestApp::start_with(backend, options).await;
        let (partner, membership, office, _) = app.partner_tree("LEAVE").await;
        let survey = app.plain_survey(&office).await;
        app.import(
            &survey,
            &rows("2025-11-21", 10, "old", false),
            &standard_answers(),
        )
        .await;
        app.pass();
        let changes = |events: Vec<Value>| -> Vec<Value> {
            events
                .into_iter()
                .filter(|e| e["type"] == "membership.compliance_changed")
                .map(|e| e["data"].clone())
                .collect()
        };
        let met = changes(app.events(Reader::Partner(&partner)).await);
        assert_eq!(met.len(), 1, "{backend:?}");
        assert_eq!(met[0]["met"], true);
        assert_eq!(met[0]["valid_until"], "2026-11-20");

        // The next day the ten leave the window: nobody writes or lists, the worker notices.
        seconds.fetch_add(12 * 3600, Ordering::SeqCst);
        assert_eq!(app.pass().recomputed, 1, "{backend:?}");
        app.pass();
        let events = app.events(Reader::Partner(&partner)).await;
        let changed = changes(events.clone());
        assert_eq!(changed.len(), 2, "{backend:?}: {changed:?}");
        assert_eq!(changed[1]["membership_id"], membership.as_str());
        assert_eq!(changed[1]["met"], false);
        assert_eq!(changed[1]["previous_met"], true);
        assert_eq!(changed[1]["best_office_counted"], 0);
        assert_eq!(changed[1]["as_of"], "2026-11-21");
        assert!(changed[1].get("valid_until").is_none());
        assert_eq!(events.last().unwrap()["timestamp"], "2026-11-21T00:00:00Z");
    }
}

#[actix_rt::test]
async fn closing_a_period_is_announced_to_the_vendor_and_the_admin() {
    for backend in backends() {
        let (options, _) = clocked("2026-11-20T12:00:00Z");
        let app = TestApp::start_with(backend, options).await;
        let (partner, _, office, _) = app.partner_tree("CLOSE").await;
        let survey = app.plain_survey(&office).await;
        app.import(
            &survey,
            &rows("2026-06-01", 10, "org", false),
            &standard_answers(),
        )
        .await;
        app.partner_tree("SHORT").await;
        app.close_period("2026-Q3").await;
        app.pass();

        let vendor = app.events(Reader::Vendor).await;
        assert_eq!(vendor.len(), 1, "{backend:?}: {vendor:?}");
        assert_eq!(vendor[0]["type"], "reporting_period.closed");
        assert_eq!(
            vendor[0]["data"],
            json!({"period_id": "2026-Q3", "starts_on": "2026-07-01", "ends_on": "2026-09-30",
                   "closed_at": "2026-11-20T12:00:00Z", "memberships_met": 1, "memberships_not_met": 1})
        );
        assert_eq!(
            of_type(&app.events(Reader::Admin).await, "reporting_period.closed"),
            vec![&vendor[0]]
        );
        assert!(
            of_type(
                &app.events(Reader::Partner(&partner)).await,
                "reporting_period.closed"
            )
            .is_empty(),
            "program-level events are not a partner's"
        );
    }
}

#[actix_rt::test]
async fn cursors_list_every_event_once_in_order_and_wait_at_the_end() {
    for backend in backends() {
        let (options, _) = clocked("2026-11-20T12:00:00Z");
        let app = TestApp::start_with(backend, options).await;
        let (partner, _, office, _) = app.partner_tree("PAGE").await;
        let survey = app.plain_survey(&office).await;
        app.import(
            &survey,
            &rows("2026-10-01", 7, "org", false),
            &standard_answers(),
        )
        .await;
        app.pass();
        let all = app.events(Reader::Partner(&partner)).await;
        assert_eq!(all.len(), 7, "{backend:?}");

        let mut paged = Vec::new();
        let mut query = "?limit=3".to_owned();
        let mut pages = Vec::new();
        let cursor = loop {
            let body = app
                .events_page(Reader::Partner(&partner), &query)
                .await
                .expect(200)
                .clone();
            pages.push(body["items"].as_array().unwrap().len());
            paged.extend(body["items"].as_array().unwrap().iter().cloned());
            let next = body["next_cursor"].as_str().unwrap().to_owned();
            if body["has_more"] != true {
                break next;
            }
            query = format!("?limit=3&after={next}");
        };
        assert_eq!(pages, [3, 3, 1], "{backend:?}");
        assert_eq!(paged, all);
        let ids: BTreeSet<&str> = paged.iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), 7);

        // At the end the cursor waits: nothing now, then only what happens later.
        let end = app
            .events_page(Reader::Partner(&partner), &format!("?after={cursor}"))
            .await;
        assert_eq!(end.expect(200)["items"], json!([]));
        assert_eq!(end.body["next_cursor"], cursor.as_str());
        let later = app
            .import(
                &survey,
                &rows("2026-10-02", 1, "new", false),
                &standard_answers(),
            )
            .await;
        app.pass();
        let next = app
            .events_page(Reader::Partner(&partner), &format!("?after={cursor}"))
            .await;
        let items = next.expect(200)["items"].as_array().unwrap().clone();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["data"]["response_id"], later[0].as_str());

        for (bad, status) in [
            ("?after=not-a-cursor", 400),
            ("?after=", 400),
            ("?after=AAAAAAAAAAE", 200),
            ("?limit=0", 422),
            ("?limit=201", 422),
        ] {
            let reply = app.events_page(Reader::Partner(&partner), bad).await;
            if status == 200 {
                reply.expect(200);
                continue;
            }
            reply.problem(status);
            assert_eq!(reply.error_fields().len(), 1, "{bad}: {}", reply.text);
        }
        app.get("/api/v1/events").send().await.problem(401);
    }
}

#[actix_rt::test]
async fn events_older_than_the_retention_are_deleted_and_a_cursor_before_them_expires() {
    for backend in backends() {
        let (options, seconds) = clocked("2026-10-01T10:00:00Z");
        let app = TestApp::start_with(backend, options).await;
        let (_, _, office, _) = app.partner_tree("KEEP").await;
        let survey = app.plain_survey(&office).await;
        let start = app.events_page(Reader::Admin, "").await.expect(200)["next_cursor"]
            .as_str()
            .unwrap()
            .to_owned();
        app.import(
            &survey,
            &rows("2026-09-01", 1, "a", false),
            &standard_answers(),
        )
        .await;
        app.pass();
        let first = app.events_page(Reader::Admin, "").await.expect(200).clone();
        let after_first = first["next_cursor"].as_str().unwrap().to_owned();

        // 30 days later it is still kept, and the only event is never deleted (numbering goes on from it).
        seconds.fetch_add(30 * 86_400 - 1, Ordering::SeqCst);
        assert_eq!(app.pass().deleted, 0, "{backend:?}");
        seconds.fetch_add(2 * 86_400, Ordering::SeqCst);
        assert_eq!(app.pass().deleted, 0, "{backend:?}: the last event stays");
        app.import(
            &survey,
            &rows("2026-09-02", 1, "b", false),
            &standard_answers(),
        )
        .await;
        let report = app.pass();
        assert_eq!((report.sequenced, report.deleted), (1, 1), "{backend:?}");

        let kept = app.events(Reader::Admin).await;
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0]["data"]["completed_at"], "2026-09-02T12:00:00Z");
        let expired = app
            .events_page(Reader::Admin, &format!("?after={start}"))
            .await;
        assert_eq!(expired.problem_code(410), "cursor_expired", "{backend:?}");
        let caught_up = app
            .events_page(Reader::Admin, &format!("?after={after_first}"))
            .await;
        assert_eq!(caught_up.expect(200)["items"], json!(kept));
    }
}

mockall::mock! {
    Mailer {}
    impl csat_index::mail::MailTransport for Mailer {
        fn send(&self, mail: &OutgoingMail) -> Result<(), MailError>;
    }
}

#[actix_rt::test]
async fn a_given_up_delivery_is_announced_without_the_address() {
    for backend in backends() {
        let mut mailer = MockMailer::new();
        mailer.expect_send().returning(|mail| {
            Err(MailError::Permanent(format!(
                "550 5.1.1 <{}>: Recipient address rejected",
                mail.to
            )))
        });
        let app = TestApp::start_with(
            backend,
            Options {
                mailer: Some(Arc::new(mailer)),
                ..Options::default()
            },
        )
        .await;
        let (partner, membership, office, _) = app.partner_tree("BOUNCE").await;
        let contact = app
            .consenting_contact(&office, "nobody@bounce.example", "Bounce")
            .await;
        let (survey, _) = app.open_survey(&partner, &office).await;
        let batch = app
            .post(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .json(json!({"contact_ids": [contact], "delivery": "email"}))
            .send()
            .await;
        let invitation = id_of(&batch.expect(200)["invited"][0]["invitation"]);
        let state = app.state.clone();
        let report = actix_web::web::block(move || deliver_due(&state))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(report.failed, 1);
        app.pass();
        let events = app.events(Reader::Partner(&partner)).await;
        assert_eq!(events.len(), 1, "{backend:?}: {events:?}");
        assert_eq!(events[0]["type"], "invitation.delivery_failed");
        let data = &events[0]["data"];
        assert_eq!(data["invitation_id"], invitation.as_str());
        assert_eq!(data["survey_id"], survey.as_str());
        assert_eq!(data["membership_id"], membership.as_str());
        assert_eq!(data["attempts"], 1);
        assert_eq!(data["permanent"], true);
        assert!(
            !events[0].to_string().contains("nobody@"),
            "{backend:?}: {data}"
        );
        assert!(data["error"].as_str().unwrap().contains("<address>"));
    }
}

#[actix_rt::test]
async fn the_background_worker_lists_an_answer_moments_later() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let _worker = app
            .state
            .clone()
            .with_event_settings(EventSettings {
                interval: Duration::from_millis(20),
                ..EventSettings::default()
            })
            .start_event_worker();
        let invited = app.invited("BACK", "buyer@back.example").await;
        app.post(&format!("/api/v1/respond/{}", invited.token()))
            .json(json!({"answers": answers_with(&invited.custom, "support")}))
            .send()
            .await
            .expect(201);
        let mut waited = Duration::ZERO;
        loop {
            let events = app.events(Reader::Partner(&invited.partner)).await;
            if !events.is_empty() {
                assert_eq!(events[0]["type"], "response.completed");
                break;
            }
            assert!(
                waited < Duration::from_secs(10),
                "{backend:?}: never listed"
            );
            actix_rt::time::sleep(Duration::from_millis(20)).await;
            waited += Duration::from_millis(20);
        }
    }
}
