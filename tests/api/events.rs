//! Events and the change feed (issue 12): what each change emits, who sees it, when, and paging.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::common::{answers_with, backends, movable_clock, Options, Reply, TestApp};

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
