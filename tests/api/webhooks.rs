//! Webhooks: subscriptions per role, the SSRF guard, and signed deliveries to a receiver on loopback
//! (the test apps allow loopback and `http://` there), on both backends.

use std::{
    collections::{HashMap, VecDeque},
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    sync::{
        atomic::{AtomicBool, Ordering},
        mpsc, Arc, Mutex,
    },
    thread::JoinHandle,
    time::Duration,
};

use csat_index::{config::WebhookSettings, testing};
use serde_json::{json, Value};

use crate::common::{backends, Options, TestApp};

/// Settings of a test app whose receivers listen on loopback: `http://` and private addresses
/// allowed, retry waits compressed from days to microseconds.
fn loopback_settings() -> WebhookSettings {
    WebhookSettings {
        allow_http: true,
        allow_private_networks: true,
        timeout: Duration::from_secs(2),
        retry_scale: 100_000_000,
        ..WebhookSettings::default()
    }
}

async fn loopback_app(backend: crate::common::Backend) -> TestApp {
    TestApp::start_with(
        backend,
        Options {
            webhooks: Some(loopback_settings()),
            ..Options::default()
        },
    )
    .await
}

/// One request a receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Received {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or("")
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// A webhook receiver on loopback: records every request and answers with the queued statuses
/// (204 once they run out). Dropping it closes the port (an outage); [`Receiver::start_on`] opens it
/// again.
pub struct Receiver {
    pub port: u16,
    pub received: Arc<Mutex<Vec<Received>>>,
    pub statuses: Arc<Mutex<VecDeque<u16>>>,
    gate: Arc<Mutex<Option<mpsc::Receiver<()>>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Receiver {
    pub fn start() -> Receiver {
        Self::start_on(0)
    }

    pub fn start_on(port: u16) -> Receiver {
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let statuses = Arc::new(Mutex::new(VecDeque::new()));
        let gate: Arc<Mutex<Option<mpsc::Receiver<()>>>> = Arc::new(Mutex::new(None));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (received, statuses, gate, stop) = (
                received.clone(),
                statuses.clone(),
                gate.clone(),
                stop.clone(),
            );
            std::thread::spawn(move || {
                for socket in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(mut socket) = socket else { continue };
                    if let Some(request) = read_request(&mut socket) {
                        received.lock().unwrap().push(request);
                        if let Some(gate) = gate.lock().unwrap().as_ref() {
                            let _ = gate.recv_timeout(Duration::from_secs(10));
                        }
                        let status = statuses.lock().unwrap().pop_front().unwrap_or(204);
                        let _ = socket.write_all(
                            format!("HTTP/1.1 {status} Test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .as_bytes(),
                        );
                    }
                }
            })
        };
        Receiver {
            port,
            received,
            statuses,
            gate,
            stop,
            thread: Some(thread),
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/hooks", self.port)
    }

    pub fn answer(&self, statuses: &[u16]) {
        self.statuses.lock().unwrap().extend(statuses);
    }

    pub fn requests(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Holds every answer (after recording the request) until the returned sender is dropped.
    pub fn hold(&self) -> mpsc::Sender<()> {
        let (release, gate) = mpsc::channel();
        *self.gate.lock().unwrap() = Some(gate);
        release
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn read_request(socket: &mut TcpStream) -> Option<Received> {
    socket.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut data = Vec::new();
    let mut chunk = [0u8; 4096];
    let header_end = loop {
        if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = socket.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&data[..header_end]).into_owned();
    let headers: HashMap<String, String> = head
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length: usize = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = data[header_end + 4..].to_vec();
    while body.len() < length {
        let n = socket.read(&mut chunk).ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Received { headers, body })
}

/// Verifies a received delivery with `secret` as a receiver would, at the current time.
fn verifies(received: &Received, secret: &str) -> bool {
    verify_at(
        received,
        secret,
        &received.body,
        chrono::Utc::now().timestamp(),
    )
}

fn verify_at(received: &Received, secret: &str, body: &[u8], now: i64) -> bool {
    testing::domain::webhooks::verify(
        secret,
        received.header("webhook-id"),
        received.header("webhook-timestamp"),
        received.header("webhook-signature"),
        body,
        now,
    )
    .is_ok()
}

/// Subscribes as `who` (`admin`, `vendor` or a partner id) and returns (id, secret).
async fn subscribe(app: &TestApp, who: &str, url: &str, types: Value) -> (String, String) {
    let request = app
        .post("/api/v1/webhooks")
        .json(json!({"url": url, "event_types": types}));
    let request = match who {
        "admin" => request.admin(),
        "vendor" => request.vendor(),
        partner => request.partner(partner),
    };
    let reply = request.send().await;
    let body = reply.expect(201);
    (
        body["id"].as_str().unwrap().to_owned(),
        body["secret"].as_str().unwrap().to_owned(),
    )
}

#[actix_rt::test]
async fn owners_manage_their_own_subscriptions_and_the_secret_is_shown_once() {
    for backend in backends() {
        let app = loopback_app(backend).await;
        let (a, b) = (app.partner("WHA").await, app.partner("WHB").await);
        let reply = app
            .post("/api/v1/webhooks")
            .partner(&a)
            .json(json!({"url": "http://127.0.0.1:9/hooks", "event_types": ["membership.compliance_changed"], "description": "CRM"}))
            .send()
            .await;
        let created = reply.expect(201).clone();
        assert_eq!(reply.header("cache-control").as_deref(), Some("no-store"));
        let id = created["id"].as_str().unwrap().to_owned();
        assert!(reply
            .header("location")
            .unwrap()
            .ends_with(&format!("/api/v1/webhooks/{id}")));
        assert!(
            created["secret"].as_str().unwrap().starts_with("whsec_"),
            "{created}"
        );
        assert_eq!(created["owner_role"], "partner");
        assert_eq!(created["partner_id"], a.as_str());
        assert_eq!(created["status"], "active");

        let read = app
            .get(&format!("/api/v1/webhooks/{id}"))
            .partner(&a)
            .send()
            .await;
        assert!(read.expect(200).get("secret").is_none(), "{}", read.text);
        assert_eq!(
            read.body["event_types"],
            json!(["membership.compliance_changed"])
        );

        // Another partner's subscription does not exist for it; the administrator sees every one.
        for request in [
            app.get(&format!("/api/v1/webhooks/{id}")).partner(&b),
            app.patch(&format!("/api/v1/webhooks/{id}"))
                .partner(&b)
                .json(json!({"paused": true})),
            app.delete(&format!("/api/v1/webhooks/{id}")).partner(&b),
            app.post(&format!("/api/v1/webhooks/{id}/rotate-secret"))
                .partner(&b),
            app.get(&format!("/api/v1/webhooks/{id}/deliveries"))
                .partner(&b),
            app.get(&format!("/api/v1/webhooks/{id}")).vendor(),
        ] {
            assert_eq!(request.send().await.problem_code(404), "not_found");
        }
        let mine = app.get("/api/v1/webhooks").partner(&b).send().await;
        assert_eq!(mine.expect(200)["items"], json!([]));
        let all = app.get("/api/v1/webhooks").admin().send().await;
        assert_eq!(all.expect(200)["items"][0]["id"], id.as_str());

        // Pause, rotate (a new secret, the old one in grace), delete.
        let paused = app
            .patch(&format!("/api/v1/webhooks/{id}"))
            .partner(&a)
            .json(json!({"paused": true, "description": null}))
            .send()
            .await;
        assert_eq!(paused.expect(200)["status"], "paused");
        assert_eq!(paused.body["description"], Value::Null);
        let rotated = app
            .post(&format!("/api/v1/webhooks/{id}/rotate-secret"))
            .partner(&a)
            .send()
            .await;
        let rotated = rotated.expect(200).clone();
        assert_ne!(rotated["secret"], created["secret"]);
        assert!(
            rotated["previous_secret_expires_at"].is_string(),
            "{rotated}"
        );
        assert_eq!(
            app.delete(&format!("/api/v1/webhooks/{id}"))
                .partner(&a)
                .send()
                .await
                .status,
            204
        );
        assert_eq!(
            app.get(&format!("/api/v1/webhooks/{id}"))
                .partner(&a)
                .send()
                .await
                .problem_code(404),
            "not_found"
        );
    }
}

#[actix_rt::test]
async fn each_role_may_subscribe_only_to_what_it_may_read() {
    for backend in backends() {
        let app = loopback_app(backend).await;
        let a = app.partner("WHR").await;
        let refused = |who: &'static str, types: Value| {
            let app = &app;
            let a = a.clone();
            async move {
                let request = app
                    .post("/api/v1/webhooks")
                    .json(json!({"url": "http://127.0.0.1:9/", "event_types": types}));
                let request = match who {
                    "vendor" => request.vendor(),
                    "admin" => request.admin(),
                    _ => request.partner(&a),
                };
                let reply = request.send().await;
                assert_eq!(
                    reply.problem_code(422),
                    "validation_failed",
                    "{}",
                    reply.text
                );
                reply.body["errors"][0]["message"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            }
        };
        assert!(refused("vendor", json!(["response.completed"]))
            .await
            .contains("aggregate"));
        assert!(refused("partner", json!(["reporting_period.closed"]))
            .await
            .contains("program-level"));
        assert!(refused("admin", json!(["response.created"]))
            .await
            .contains("not an event type"));
        assert!(refused("admin", json!([])).await.contains("1 to 20"));
        subscribe(
            &app,
            "vendor",
            "http://127.0.0.1:9/",
            json!(["reporting_period.closed"]),
        )
        .await;
        subscribe(&app, &a, "http://127.0.0.1:9/", json!(["*"])).await;
    }
}

#[actix_rt::test]
async fn the_ssrf_guard_refuses_internal_addresses_when_they_are_not_allowed() {
    for backend in backends() {
        let app = TestApp::start_with(
            backend,
            Options {
                webhooks: Some(WebhookSettings {
                    allow_http: true,
                    ..WebhookSettings::default()
                }),
                ..Options::default()
            },
        )
        .await;
        for url in [
            "http://127.0.0.1:8080/hooks",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/hooks",
            "http://[::1]/hooks",
            "http://localhost:8080/hooks",
        ] {
            let reply = app
                .post("/api/v1/webhooks")
                .admin()
                .json(json!({"url": url, "event_types": ["*"]}))
                .send()
                .await;
            assert_eq!(
                reply.problem_code(422),
                "validation_failed",
                "{url}: {}",
                reply.text
            );
            assert_eq!(reply.body["errors"][0]["field"], "url");
            assert!(
                reply.body["errors"][0]["message"]
                    .as_str()
                    .unwrap()
                    .contains("may not reach"),
                "{url}: {}",
                reply.text
            );
            assert!(
                !reply.text.contains("127.0.0.1") || url.contains("127.0.0.1"),
                "{url}: the resolved address is not disclosed: {}",
                reply.text
            );
        }
        // Without the development switch only https:// is accepted.
        let https_only = TestApp::start(backend).await;
        let reply = https_only
            .post("/api/v1/webhooks")
            .admin()
            .json(json!({"url": "http://hooks.example.com/", "event_types": ["*"]}))
            .send()
            .await;
        assert!(reply.problem(422)["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("https://"));
    }
}

/// One events pass (numbers what committed) then the webhook passes (fan out, deliver what is due).
fn deliver(app: &TestApp) -> testing::service::webhooks::DeliveryReport {
    app.state.run_event_pass().expect("the event pass runs");
    testing::service::webhooks::run_pending(&app.state).expect("the webhook passes run")
}

fn of_type(received: &[Received], event_type: &str) -> Vec<Received> {
    received
        .iter()
        .filter(|r| r.json()["type"] == event_type)
        .cloned()
        .collect()
}

async fn attempts(app: &TestApp, partner: &str, id: &str) -> Vec<Value> {
    let reply = app
        .get(&format!("/api/v1/webhooks/{id}/deliveries?limit=200"))
        .partner(partner)
        .send()
        .await;
    reply.expect(200)["items"].as_array().unwrap().clone()
}

#[actix_rt::test]
async fn signed_deliveries_reach_their_partner_only_and_survive_an_outage() {
    for backend in backends() {
        let app = loopback_app(backend).await;
        let (a, membership_a, office_a, _) = app.partner_tree("WDA").await;
        let (b, _, office_b, _) = app.partner_tree("WDB").await;
        let receiver_a = Receiver::start();
        let port_a = receiver_a.port;
        let receiver_b = Receiver::start();
        let admin_receiver = Receiver::start();
        let (hook_a, secret_a) = subscribe(&app, &a, &receiver_a.url(), json!(["*"])).await;
        let (_, secret_b) = subscribe(&app, &b, &receiver_b.url(), json!(["*"])).await;
        subscribe(
            &app,
            "admin",
            &admin_receiver.url(),
            json!(["membership.compliance_changed"]),
        )
        .await;

        // A's receiver is down while a new response makes A's membership compliant.
        drop(receiver_a);
        let survey_a = app.plain_survey(&office_a).await;
        app.import(
            &survey_a,
            &crate::common::rows("2026-06-01", 9, "org", false),
            &crate::common::standard_answers(),
        )
        .await;
        deliver(&app);
        app.import(
            &survey_a,
            &crate::common::rows("2026-06-02", 1, "late", false),
            &crate::common::standard_answers(),
        )
        .await;
        let report = deliver(&app);
        assert!(report.retried >= 1, "{backend:?}: {report:?}");
        assert_eq!(
            report.delivered, 1,
            "{backend:?}: only the admin's: {report:?}"
        );

        // Back up: every event arrives, signed, with exactly one compliance change.
        let receiver_a = Receiver::start_on(port_a);
        let report = deliver(&app);
        assert_eq!(report.delivered, 10 + 1, "{backend:?}: {report:?}");
        let got = receiver_a.requests();
        assert_eq!(of_type(&got, "response.completed").len(), 10, "{backend:?}");
        let changes = of_type(&got, "membership.compliance_changed");
        assert_eq!(changes.len(), 1, "{backend:?}");
        let change = changes[0].json();
        assert_eq!(change["data"]["membership_id"], membership_a.as_str());
        assert_eq!(change["data"]["met"], true);
        assert_eq!(
            changes[0].header("webhook-id"),
            change["id"].as_str().unwrap()
        );
        for request in &got {
            assert_eq!(
                request.json()["data"]["partner_id"],
                a.as_str(),
                "{backend:?}"
            );
            assert!(
                verifies(request, &secret_a),
                "{backend:?}: {:?}",
                request.headers
            );
            assert!(!verifies(request, &secret_b));
        }
        // A receiver's check refuses a tampered body and a replay after the tolerance.
        let sent = &changes[0];
        let now = chrono::Utc::now().timestamp();
        let tampered = String::from_utf8(sent.body.clone())
            .unwrap()
            .replace("true", "false");
        assert!(!verify_at(sent, &secret_a, tampered.as_bytes(), now));
        assert!(!verify_at(sent, &secret_a, &sent.body, now + 301));
        assert!(verify_at(sent, &secret_a, &sent.body, now));

        // The change feed carries the same events.
        let feed = app.get("/api/v1/events?limit=200").partner(&a).send().await;
        let feed_ids: Vec<String> = feed.expect(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_owned())
            .collect();
        let mut delivered_ids: Vec<String> = got
            .iter()
            .map(|r| r.header("webhook-id").to_owned())
            .collect();
        delivered_ids.sort();
        let mut sorted_feed = feed_ids.clone();
        sorted_feed.sort();
        assert_eq!(delivered_ids, sorted_feed, "{backend:?}");
        let feed_change = feed.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["type"] == "membership.compliance_changed")
            .unwrap()
            .clone();
        assert_eq!(feed_change, change, "{backend:?}: the same envelope");

        // The log shows the failed attempt and the delivery, under the same event.
        let log = attempts(&app, &a, &hook_a).await;
        let change_id = change["id"].as_str().unwrap();
        let tries: Vec<&Value> = log.iter().filter(|t| t["event_id"] == change_id).collect();
        assert_eq!(tries.len(), 2, "{backend:?}: {log:?}");
        assert_eq!(tries[0]["status_code"], Value::Null);
        assert!(
            tries[0]["error"].as_str().unwrap().contains("connect"),
            "{:?}",
            tries[0]
        );
        assert_eq!(tries[1]["status_code"], 204);
        assert_eq!(tries[1]["attempt"], 2);

        // The admin's subscription got the one compliance change; B's nothing of A's.
        let admin_got = admin_receiver.requests();
        assert_eq!(admin_got.len(), 1, "{backend:?}");
        assert_eq!(admin_got[0].header("webhook-id"), change_id);
        assert!(receiver_b.requests().is_empty(), "{backend:?}");

        // B's receiver answers 500 once: the retry carries the same webhook-id.
        receiver_b.answer(&[500]);
        let survey_b = app.plain_survey(&office_b).await;
        app.import(
            &survey_b,
            &crate::common::rows("2026-06-03", 1, "b", false),
            &crate::common::standard_answers(),
        )
        .await;
        let report = deliver(&app);
        assert_eq!(report.retried, 1, "{backend:?}: {report:?}");
        deliver(&app);
        let got_b = receiver_b.requests();
        assert_eq!(got_b.len(), 2, "{backend:?}");
        assert_eq!(got_b[0].header("webhook-id"), got_b[1].header("webhook-id"));
        assert_eq!(got_b[1].json()["data"]["partner_id"], b.as_str());
        assert!(verifies(&got_b[1], &secret_b));
        assert_eq!(
            receiver_a.requests().len(),
            got.len(),
            "{backend:?}: A never sees B's events"
        );

        // Redelivery: any event of the subscription's own; another partner's is not found.
        let b_event = got_b[0].header("webhook-id").to_owned();
        let refused = app
            .post(&format!("/api/v1/webhooks/{hook_a}/redeliver"))
            .partner(&a)
            .json(json!({"event_id": b_event}))
            .send()
            .await;
        assert_eq!(refused.problem_code(404), "not_found");
        // After a rotation both secrets verify during the grace period.
        let rotated = app
            .post(&format!("/api/v1/webhooks/{hook_a}/rotate-secret"))
            .partner(&a)
            .send()
            .await;
        let new_secret = rotated.expect(200)["secret"].as_str().unwrap().to_owned();
        app.post(&format!("/api/v1/webhooks/{hook_a}/redeliver"))
            .partner(&a)
            .json(json!({"event_id": change_id}))
            .send()
            .await
            .expect(200);
        deliver(&app);
        let again = receiver_a.requests().pop().unwrap();
        assert_eq!(again.header("webhook-id"), change_id);
        assert_eq!(again.header("webhook-signature").split(' ').count(), 2);
        assert!(
            verifies(&again, &secret_a) && verifies(&again, &new_secret),
            "{backend:?}"
        );
    }
}

#[actix_rt::test]
async fn a_receiver_that_keeps_failing_makes_its_subscription_failing_until_resumed() {
    for backend in backends() {
        let app = loopback_app(backend).await;
        let (a, _, office, _) = app.partner_tree("WFA").await;
        let receiver = Receiver::start();
        receiver.answer(&[302]);
        receiver.answer(&[500; 10]);
        let (hook, _) = subscribe(&app, &a, &receiver.url(), json!(["response.completed"])).await;
        let survey = app.plain_survey(&office).await;
        app.import(
            &survey,
            &crate::common::rows("2026-06-01", 1, "org", false),
            &crate::common::standard_answers(),
        )
        .await;
        let mut failed = 0;
        for _ in 0..11 {
            failed += deliver(&app).failed;
        }
        assert_eq!(failed, 1, "{backend:?}");
        assert_eq!(
            receiver.requests().len(),
            11,
            "{backend:?}: 1 attempt and 10 retries"
        );
        let log = attempts(&app, &a, &hook).await;
        assert_eq!(log.len(), 11);
        assert_eq!(log[0]["status_code"], 302);
        assert!(
            log[0]["error"]
                .as_str()
                .unwrap()
                .contains("redirects are not followed"),
            "{:?}",
            log[0]
        );
        assert_eq!(log[10]["attempt"], 11);
        let listed = app.get("/api/v1/webhooks").admin().send().await;
        let item = listed.expect(200)["items"][0].clone();
        assert_eq!(item["status"], "failing");
        assert!(
            item["failing_reason"]
                .as_str()
                .unwrap()
                .contains("HTTP 500"),
            "{item}"
        );
        let resumed = app
            .patch(&format!("/api/v1/webhooks/{hook}"))
            .partner(&a)
            .json(json!({"paused": false}))
            .send()
            .await;
        assert_eq!(resumed.expect(200)["status"], "active");
        assert_eq!(resumed.body["failing_reason"], Value::Null);
    }
}

#[actix_rt::test]
async fn an_anonymous_answer_reaches_the_partner_only_as_its_day_with_nothing_identifying() {
    for backend in backends() {
        let start: chrono::DateTime<chrono::Utc> = "2026-11-20T15:30:07Z".parse().unwrap();
        let (clock, seconds) = crate::common::movable_clock(start);
        let app = TestApp::start_with(
            backend,
            Options {
                clock: Some(clock),
                webhooks: Some(loopback_settings()),
                ..Options::default()
            },
        )
        .await;
        let invited = app.invited("WAN", "buyer@wan.example").await;
        let receiver = Receiver::start();
        let (_, secret) = subscribe(
            &app,
            &invited.partner,
            &receiver.url(),
            json!(["response.completed"]),
        )
        .await;
        app.post(&format!("/api/v1/respond/{}", invited.token()))
            .json(json!({"answers": crate::common::answers_with(&invited.custom, "support"), "anonymous": true}))
            .send()
            .await
            .expect(201);
        deliver(&app);
        assert!(
            receiver.requests().is_empty(),
            "{backend:?}: held until the day is over"
        );
        seconds.fetch_add(24 * 3600, Ordering::SeqCst);
        deliver(&app);
        let got = receiver.requests();
        assert_eq!(got.len(), 1, "{backend:?}");
        let event = got[0].json();
        assert_eq!(event["data"]["anonymous"], true);
        assert_eq!(event["data"]["completed_at"], "2026-11-20T00:00:00Z");
        assert_eq!(event["timestamp"], "2026-11-20T00:00:00Z");
        assert!(event["data"].get("invitation_id").is_none(), "{event}");
        let text = String::from_utf8_lossy(&got[0].body).into_owned();
        for identifying in [
            invited.contact.as_str(),
            "buyer@wan.example",
            &invited.token(),
        ] {
            assert!(!text.contains(identifying), "{backend:?}: {text}");
        }
        let now = seconds.load(Ordering::SeqCst);
        assert!(verify_at(&got[0], &secret, &got[0].body, now));
    }
}

#[actix_rt::test]
async fn the_vendor_receives_program_level_aggregates_and_partners_do_not() {
    for backend in backends() {
        let app = loopback_app(backend).await;
        let (a, _, office, _) = app.partner_tree("WVA").await;
        let (vendor_receiver, partner_receiver) = (Receiver::start(), Receiver::start());
        let (_, vendor_secret) =
            subscribe(&app, "vendor", &vendor_receiver.url(), json!(["*"])).await;
        subscribe(&app, &a, &partner_receiver.url(), json!(["*"])).await;
        let survey = app.plain_survey(&office).await;
        app.import(
            &survey,
            &crate::common::rows("2026-08-03", 1, "org", false),
            &crate::common::standard_answers(),
        )
        .await;
        app.close_period("2026-Q3").await;
        deliver(&app);
        let vendor_got = vendor_receiver.requests();
        let types: Vec<Value> = vendor_got
            .iter()
            .map(|r| r.json()["type"].clone())
            .collect();
        assert_eq!(types, [json!("reporting_period.closed")], "{backend:?}");
        assert!(verifies(&vendor_got[0], &vendor_secret));
        let partner_types: Vec<Value> = partner_receiver
            .requests()
            .iter()
            .map(|r| r.json()["type"].clone())
            .collect();
        assert_eq!(partner_types, [json!("response.completed")], "{backend:?}");
    }
}

#[actix_rt::test]
async fn redelivery_waits_for_a_running_attempt_and_a_deleted_subscription_spoils_no_other_outcome()
{
    for backend in backends() {
        let app = loopback_app(backend).await;
        let (_, _, office, _) = app.partner_tree("WGA").await;
        let (slow, quick) = (Receiver::start(), Receiver::start());
        let types = json!(["response.completed"]);
        let (slow_hook, _) = subscribe(&app, "admin", &slow.url(), types.clone()).await;
        let (quick_hook, _) = subscribe(&app, "admin", &quick.url(), types).await;
        let survey = app.plain_survey(&office).await;
        app.import(
            &survey,
            &crate::common::rows("2026-06-01", 1, "org", false),
            &crate::common::standard_answers(),
        )
        .await;
        app.state.run_event_pass().expect("the event pass runs");

        // The slow receiver holds its answer: the pass is in flight while the API is used.
        let release = slow.hold();
        let state = app.state.clone();
        let pass = std::thread::spawn(move || testing::service::webhooks::run_pending(&state));
        let waiting = std::time::Instant::now();
        while slow.requests().is_empty() {
            assert!(
                waiting.elapsed() < Duration::from_secs(10),
                "{backend:?}: no attempt"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        let event_id = slow.requests()[0].header("webhook-id").to_owned();
        let busy = app
            .post(&format!("/api/v1/webhooks/{slow_hook}/redeliver"))
            .admin()
            .json(json!({"event_id": event_id}))
            .send()
            .await;
        assert_eq!(busy.problem_code(409), "conflict", "{backend:?}");
        assert!(
            busy.body["detail"].as_str().unwrap().contains("right now"),
            "{}",
            busy.text
        );
        let deleted = app
            .delete(&format!("/api/v1/webhooks/{slow_hook}"))
            .admin()
            .send()
            .await;
        assert_eq!(deleted.status, 204, "{backend:?}: {}", deleted.text);
        drop(release);
        let report = pass
            .join()
            .unwrap()
            .expect("the pass records the outcomes of the deliveries that still exist");
        assert_eq!(report.delivered, 1, "{backend:?}: {report:?}");

        // The other subscription's outcome was kept: logged once and not sent again.
        let log = app
            .get(&format!("/api/v1/webhooks/{quick_hook}/deliveries"))
            .admin()
            .send()
            .await;
        let log = log.expect(200)["items"].as_array().unwrap().clone();
        assert_eq!(log.len(), 1, "{backend:?}: {log:?}");
        assert_eq!(log[0]["status_code"], 204);
        deliver(&app);
        assert_eq!(quick.requests().len(), 1, "{backend:?}");

        // A paused subscription is resumed before anything is redelivered to it.
        app.patch(&format!("/api/v1/webhooks/{quick_hook}"))
            .admin()
            .json(json!({"paused": true}))
            .send()
            .await
            .expect(200);
        let paused = app
            .post(&format!("/api/v1/webhooks/{quick_hook}/redeliver"))
            .admin()
            .json(json!({"event_id": event_id}))
            .send()
            .await;
        assert_eq!(paused.problem_code(409), "conflict", "{backend:?}");
        assert!(
            paused.body["detail"]
                .as_str()
                .unwrap()
                .contains("resume it"),
            "{}",
            paused.text
        );
        deliver(&app);
        assert_eq!(quick.requests().len(), 1, "{backend:?}");
    }
}
