//! Webhooks: subscriptions per role, the SSRF guard, and signed deliveries to a receiver on loopback
//! (the test apps allow loopback and `http://` there), on both backends.

use std::{
    collections::{HashMap, VecDeque},
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
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
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (received, statuses, stop) = (received.clone(), statuses.clone(), stop.clone());
            std::thread::spawn(move || {
                for socket in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(mut socket) = socket else { continue };
                    if let Some(request) = read_request(&mut socket) {
                        received.lock().unwrap().push(request);
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
