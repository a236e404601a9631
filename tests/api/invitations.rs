//! Invitations: refusals with reasons, links, email delivery (a real SMTP server on loopback), retries, reminders.

use std::{
    io::{BufRead, BufReader, Write},
    net::TcpListener,
    sync::{mpsc, Arc, Mutex},
};

use csat_index::{
    config::MailConfig,
    mail::{deliver_due, MailError, OutgoingMail},
};
use serde_json::json;

use crate::common::{backends, id_of, movable_clock, token_of, Options, TestApp, PUBLIC_URL};

#[actix_rt::test]
async fn only_consenting_contacts_not_surveyed_recently_are_invited() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let (partner, membership, office, no_consent) = app.partner_tree("INV").await;
        let consenting = app
            .consenting_contact(&office, "ok@inv.example", "Inv")
            .await;
        let erased = app
            .consenting_contact(&office, "gone@inv.example", "Inv")
            .await;
        app.delete(&format!("/api/v1/contacts/{erased}"))
            .partner(&partner)
            .send()
            .await
            .expect(204);
        let other_office = app.office(&membership, "DE").await;
        let elsewhere = app
            .consenting_contact(&other_office, "else@inv.example", "Inv")
            .await;
        let (b, ..) = app.partner_tree("OTHER").await;
        let foreign = app
            .consenting_contact(
                &app.office(&app.membership(&b, "M-X").await, "FR").await,
                "x@other.example",
                "Other",
            )
            .await;
        let (survey, _) = app.open_survey(&partner, &office).await;

        let unknown = uuid::Uuid::new_v4().to_string();
        let reply = app
            .post(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .json(json!({"contact_ids": [consenting, no_consent, erased, elsewhere, foreign, unknown, consenting], "delivery": "partner"}))
            .send()
            .await;
        let body = reply.expect(200);
        assert_eq!(
            reply.header("cache-control").as_deref(),
            Some("no-store"),
            "links are never cached"
        );
        let invited = body["invited"].as_array().unwrap();
        assert_eq!(invited.len(), 1, "{backend:?}: {body}");
        assert_eq!(invited[0]["contact_id"], consenting.as_str());
        assert_eq!(invited[0]["invitation"]["status"], "sent");
        let link = invited[0]["link"].as_str().unwrap();
        assert!(
            link.starts_with(&format!("{PUBLIC_URL}/s/")) && token_of(link).len() >= 43,
            "{link}"
        );
        let reasons: Vec<(String, String)> = body["refused"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["contact_id"].as_str().unwrap().to_owned(),
                    r["reason"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(
            reasons,
            [
                (no_consent.clone(), "no_consent".into()),
                (erased.clone(), "erased".into()),
                (elsewhere.clone(), "other_office".into()),
                (foreign.clone(), "not_found".into()),
                (unknown.clone(), "not_found".into()),
                (consenting.clone(), "duplicate".into()),
            ]
        );

        // Within the re-survey interval the same contact is refused, also for another survey.
        let (second_survey, _) = app.open_survey(&partner, &office).await;
        let again = app
            .post(&format!("/api/v1/surveys/{second_survey}/invitations"))
            .partner(&partner)
            .json(json!({"contact_ids": [consenting], "delivery": "email"}))
            .send()
            .await;
        assert_eq!(again.expect(200)["refused"][0]["reason"], "too_recent");

        // The token itself is never stored.
        let token = token_of(link);
        let invitations = app
            .get(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .send()
            .await;
        assert!(!invitations.text.contains(&token));

        // A draft survey cannot invite; the vendor cannot invite or list.
        let draft = id_of(
            app.post(&format!("/api/v1/offices/{office}/surveys"))
                .partner(&partner)
                .json(json!({"title": "Draft"}))
                .send()
                .await
                .expect(201),
        );
        app.post(&format!("/api/v1/surveys/{draft}/invitations"))
            .partner(&partner)
            .json(json!({"contact_ids": [consenting], "delivery": "partner"}))
            .send()
            .await
            .problem(409);
        app.post(&format!("/api/v1/surveys/{survey}/invitations"))
            .vendor()
            .json(json!({"contact_ids": [consenting], "delivery": "partner"}))
            .send()
            .await
            .problem(403);
        app.get(&format!("/api/v1/surveys/{survey}/invitations"))
            .vendor()
            .send()
            .await
            .problem(403);
        app.get(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&b)
            .send()
            .await
            .problem(404);
        app.post(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .json(json!({"contact_ids": [consenting], "delivery": "pigeon"}))
            .send()
            .await
            .problem(422);
    }
}

/// A minimal SMTP server on loopback that accepts every message and hands its data to the test.
fn smtp_server() -> (u16, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { break };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut reply = |text: &str| stream.write_all(format!("{text}\r\n").as_bytes());
            reply("220 localhost test SMTP").unwrap();
            let (mut line, mut data, mut in_data) = (String::new(), String::new(), false);
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                let command = line.trim_end().to_owned();
                line.clear();
                if in_data {
                    if command == "." {
                        in_data = false;
                        sender.send(std::mem::take(&mut data)).ok();
                        reply("250 2.0.0 queued").unwrap();
                    } else {
                        data.push_str(&command);
                        data.push('\n');
                    }
                    continue;
                }
                let verb = command
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_ascii_uppercase();
                match verb.as_str() {
                    "EHLO" | "HELO" => reply("250 localhost").unwrap(),
                    "DATA" => {
                        in_data = true;
                        reply("354 end with .").unwrap();
                    }
                    "QUIT" => {
                        reply("221 bye").unwrap();
                        break;
                    }
                    _ => reply("250 OK").unwrap(),
                }
            }
        }
    });
    (port, receiver)
}

/// Decodes a quoted-printable message (soft line breaks and `=XX` bytes).
fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (
            bytes[i],
            bytes
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()),
        ) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[actix_rt::test]
async fn email_invitations_are_delivered_through_a_real_smtp_server() {
    for backend in backends() {
        let (port, received) = smtp_server();
        let mail = Some(MailConfig::Smtp(format!("smtp://127.0.0.1:{port}")));
        let app = TestApp::start_with(
            backend,
            Options {
                mail,
                ..Options::default()
            },
        )
        .await;
        let (partner, _, office, _) = app.partner_tree("SMTP").await;
        let contact = app
            .consenting_contact(&office, "maria@smtp.example", "Smtp Ltd")
            .await;
        let (survey, _) = app.open_survey(&partner, &office).await;
        let reply = app
            .post(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .json(json!({"contact_ids": [contact], "delivery": "email"}))
            .send()
            .await;
        let invited = &reply.expect(200)["invited"][0];
        assert!(
            invited["link"].is_null(),
            "email delivery does not return the link"
        );
        assert_eq!(invited["invitation"]["status"], "pending");
        let invitation = invited["invitation"]["id"].as_str().unwrap().to_owned();

        let state = app.state.clone();
        let report = actix_web::web::block(move || deliver_due(&state))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (report.sent, report.retried, report.failed),
            (1, 0, 0),
            "{backend:?}"
        );
        let message = received
            .recv_timeout(std::time::Duration::from_secs(5))
            .expect("the SMTP server got the message");
        assert!(message.contains("To: maria@smtp.example"), "{message}");
        assert!(message.contains("Subject:"), "{message}");
        let body = decode_quoted_printable(&message);
        assert!(
            body.contains("Здравейте"),
            "the email speaks the contact's language: {body}"
        );
        let link_line = body
            .lines()
            .find(|l| l.contains("/s/"))
            .expect("the message holds the personal link");
        let token = token_of(link_line.trim());

        let status = app
            .get(&format!("/api/v1/invitations/{invitation}"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(status.expect(200)["status"], "sent");
        let questionnaire = app.get(&format!("/api/v1/respond/{token}")).send().await;
        assert_eq!(
            questionnaire.expect(200)["locale"],
            "bg",
            "the emailed link works and speaks the contact's language"
        );

        // Delivered messages are not sent again.
        let state = app.state.clone();
        let again = actix_web::web::block(move || deliver_due(&state))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(again.sent, 0);
    }
}

mockall::mock! {
    Mailer {}
    impl csat_index::mail::MailTransport for Mailer {
        fn send(&self, mail: &OutgoingMail) -> Result<(), MailError>;
    }
}

#[actix_rt::test]
async fn failed_deliveries_are_retried_with_backoff_and_permanent_ones_bounce() {
    for backend in backends() {
        let sent: Arc<Mutex<Vec<String>>> = Arc::default();
        let recorded = sent.clone();
        let mut failed_once = false;
        let mut mailer = MockMailer::new();
        mailer
            .expect_send()
            .returning(move |mail| match mail.to.as_str() {
                "flaky@mail.example" if !failed_once => {
                    failed_once = true;
                    Err(MailError::Transient("connection refused".into()))
                }
                "nobody@mail.example" => Err(MailError::Permanent("550 no such user".into())),
                to => {
                    recorded.lock().unwrap().push(to.to_owned());
                    Ok(())
                }
            });
        let (clock, seconds) = movable_clock(chrono::Utc::now());
        let app = TestApp::start_with(
            backend,
            Options {
                mailer: Some(Arc::new(mailer)),
                clock: Some(clock),
                ..Options::default()
            },
        )
        .await;
        let (partner, _, office, _) = app.partner_tree("RETRY").await;
        let flaky = app
            .consenting_contact(&office, "flaky@mail.example", "Mail")
            .await;
        let nobody = app
            .consenting_contact(&office, "nobody@mail.example", "Mail")
            .await;
        let (survey, _) = app.open_survey(&partner, &office).await;
        let batch = app
            .post(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .json(json!({"contact_ids": [flaky, nobody], "delivery": "email"}))
            .send()
            .await;
        let ids: Vec<String> = batch.expect(200)["invited"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["invitation"]["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(ids.len(), 2);
        let deliver = || {
            let state = app.state.clone();
            async move {
                actix_web::web::block(move || deliver_due(&state))
                    .await
                    .unwrap()
                    .unwrap()
            }
        };

        let first = deliver().await;
        assert_eq!(
            (first.sent, first.retried, first.failed),
            (0, 1, 1),
            "{backend:?}"
        );
        let bounced = app
            .get(&format!("/api/v1/invitations/{}", ids[1]))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(bounced.expect(200)["status"], "bounced");

        // The retry waits for its backoff (30 s after the first attempt): nothing is sent early or twice.
        seconds.fetch_add(20, std::sync::atomic::Ordering::SeqCst);
        let early = deliver().await;
        assert_eq!(early.sent + early.retried + early.failed, 0);
        assert!(sent.lock().unwrap().is_empty());
        seconds.fetch_add(15, std::sync::atomic::Ordering::SeqCst);
        let retried = deliver().await;
        assert_eq!((retried.sent, retried.retried, retried.failed), (1, 0, 0));
        assert_eq!(*sent.lock().unwrap(), ["flaky@mail.example"]);
        let delivered = app
            .get(&format!("/api/v1/invitations/{}", ids[0]))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(delivered.expect(200)["status"], "sent");
        assert_eq!(deliver().await.sent, 0, "delivered once");
    }
}

#[actix_rt::test]
async fn reminders_bring_a_fresh_link_and_the_first_keeps_working() {
    for backend in backends() {
        let bodies: Arc<Mutex<Vec<String>>> = Arc::default();
        let recorded = bodies.clone();
        let mut mailer = MockMailer::new();
        mailer.expect_send().returning(move |mail| {
            recorded.lock().unwrap().push(mail.body.clone());
            Ok(())
        });
        let app = TestApp::start_with(
            backend,
            Options {
                mailer: Some(Arc::new(mailer)),
                ..Options::default()
            },
        )
        .await;
        let (partner, _, office, _) = app.partner_tree("REM").await;
        let contact = app
            .consenting_contact(&office, "rem@rem.example", "Rem")
            .await;
        let (survey, _) = app.open_survey(&partner, &office).await;
        app.post(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .json(json!({"contact_ids": [contact], "delivery": "email"}))
            .send()
            .await
            .expect(200);
        let queued = app
            .post(&format!("/api/v1/surveys/{survey}/reminders"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(queued.expect(200)["queued"], 1, "{backend:?}");

        let state = app.state.clone();
        let report = actix_web::web::block(move || deliver_due(&state))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(report.sent, 2);
        let tokens: Vec<String> = bodies
            .lock()
            .unwrap()
            .iter()
            .map(|b| token_of(b.lines().find(|l| l.contains("/s/")).unwrap().trim()))
            .collect();
        assert_eq!(tokens.len(), 2);
        assert_ne!(tokens[0], tokens[1], "the reminder carries a fresh link");
        for token in &tokens {
            app.get(&format!("/api/v1/respond/{token}"))
                .send()
                .await
                .expect(200);
        }
        let invitations = app
            .get(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(invitations.expect(200)["items"][0]["reminders_sent"], 1);
        for _ in 0..3 {
            app.post(&format!("/api/v1/surveys/{survey}/reminders"))
                .partner(&partner)
                .send()
                .await
                .expect(200);
        }
        let capped = app
            .get(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .send()
            .await;
        assert_eq!(
            capped.expect(200)["items"][0]["reminders_sent"],
            3,
            "at most three reminders"
        );
    }
}

#[actix_rt::test]
async fn a_lost_link_is_reissued_and_erasure_empties_the_outbox() {
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let invited = app.invited("LOST", "lost@lost.example").await;
        let (partner, office, survey, custom, first) = (
            &invited.partner,
            &invited.office,
            &invited.survey,
            &invited.custom,
            &invited.link,
        );
        let invitations = app
            .get(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(partner)
            .send()
            .await;
        let invitation = id_of(&invitations.expect(200)["items"][0]);

        let reissued = app
            .post(&format!("/api/v1/invitations/{invitation}/link"))
            .partner(partner)
            .send()
            .await;
        let second = reissued.expect(200)["link"].as_str().unwrap().to_owned();
        assert_eq!(
            reissued.header("cache-control").as_deref(),
            Some("no-store"),
            "{backend:?}"
        );
        assert_ne!(token_of(&second), token_of(first));
        app.get(&format!("/api/v1/respond/{}", token_of(first)))
            .send()
            .await
            .expect(200);
        let mut answers = crate::common::standard_answers();
        answers[custom.as_str()] = json!("support");
        app.post(&format!("/api/v1/respond/{}", token_of(&second)))
            .json(json!({"answers": answers}))
            .send()
            .await
            .expect(201);
        app.post(&format!("/api/v1/invitations/{invitation}/link"))
            .partner(partner)
            .send()
            .await
            .problem(409);
        app.post(&format!("/api/v1/invitations/{invitation}/link"))
            .vendor()
            .send()
            .await
            .problem(403);
        let (stranger, ..) = app.partner_tree("STRANGER").await;
        app.post(&format!("/api/v1/invitations/{invitation}/link"))
            .partner(&stranger)
            .send()
            .await
            .problem(404);

        // Erasing a contact removes its queued mail (address and name) before it is sent.
        let erased = app
            .consenting_contact(office, "erase-me@lost.example", "Lost")
            .await;
        let queued = app
            .post(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(partner)
            .json(json!({"contact_ids": [erased], "delivery": "email"}))
            .send()
            .await;
        assert_eq!(
            queued.expect(200)["invited"].as_array().unwrap().len(),
            1,
            "an email is queued first"
        );
        app.delete(&format!("/api/v1/contacts/{erased}"))
            .partner(partner)
            .send()
            .await
            .expect(204);
        let state = app.state.clone();
        let report = actix_web::web::block(move || deliver_due(&state))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            report.sent + report.retried + report.failed,
            0,
            "nothing left to send to an erased contact"
        );
    }
}

#[actix_rt::test]
async fn a_message_claimed_by_a_worker_that_died_is_delivered_after_its_claim_lapses() {
    for backend in backends() {
        let sent: Arc<Mutex<Vec<String>>> = Arc::default();
        let recorded = sent.clone();
        let mut mailer = MockMailer::new();
        mailer.expect_send().returning(move |mail| {
            recorded.lock().unwrap().push(mail.to.clone());
            Ok(())
        });
        let start = chrono::Utc::now();
        let (clock, seconds) = movable_clock(start);
        let app = TestApp::start_with(
            backend,
            Options {
                mailer: Some(Arc::new(mailer)),
                clock: Some(clock),
                ..Options::default()
            },
        )
        .await;
        let invited = app.invited("CRASH", "crash@crash.example").await;
        let contact = app
            .consenting_contact(&invited.office, "queued@crash.example", "Crash")
            .await;
        let queued = app
            .post(&format!("/api/v1/surveys/{}/invitations", invited.survey))
            .partner(&invited.partner)
            .json(json!({"contact_ids": [contact], "delivery": "email"}))
            .send()
            .await;
        assert_eq!(queued.expect(200)["invited"].as_array().unwrap().len(), 1);

        // A worker claims the message, then dies before sending it.
        let (pool, now, until) = (
            csat_index::testing::pool(&app.state).clone(),
            csat_index::testing::db::timestamp(start),
            csat_index::testing::db::timestamp(start + chrono::Duration::seconds(120)),
        );
        let claimed = actix_web::web::block(move || {
            csat_index::testing::db::outbox::claim_due(&mut pool.get().unwrap(), &now, &until, 5)
        })
        .await
        .unwrap()
        .unwrap();
        assert_eq!(claimed.len(), 1, "{backend:?}");
        let deliver = || {
            let state = app.state.clone();
            async move {
                actix_web::web::block(move || deliver_due(&state))
                    .await
                    .unwrap()
                    .unwrap()
            }
        };
        assert_eq!(
            deliver().await.sent,
            0,
            "no other worker takes a claimed message"
        );
        seconds.fetch_add(121, std::sync::atomic::Ordering::SeqCst);
        assert_eq!(
            deliver().await.sent,
            1,
            "the lapsed claim is picked up: nothing queued is lost"
        );
        assert_eq!(*sent.lock().unwrap(), ["queued@crash.example"]);
    }
}

/// What a [`counting_smtp_sink`] saw.
#[derive(Default)]
struct SinkCounts {
    connections: usize,
    recipients: Vec<String>,
}

/// An SMTP server on loopback serving each connection on its own thread, counting connections and
/// the recipient (`To:`) of every message.
fn counting_smtp_sink() -> (u16, Arc<Mutex<SinkCounts>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let counts: Arc<Mutex<SinkCounts>> = Arc::default();
    let shared = counts.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { break };
            shared.lock().unwrap().connections += 1;
            let counts = shared.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut reply = |text: &str| stream.write_all(format!("{text}\r\n").as_bytes());
                reply("220 localhost counting SMTP")?;
                let (mut line, mut to, mut in_data) = (String::new(), None, false);
                while reader.read_line(&mut line)? > 0 {
                    let command = line.trim_end().to_owned();
                    line.clear();
                    if in_data {
                        if command == "." {
                            in_data = false;
                            let to = to.take().unwrap_or_default();
                            counts.lock().unwrap().recipients.push(to);
                            reply("250 2.0.0 queued")?;
                        } else if let Some(address) = command.strip_prefix("To: ") {
                            to = Some(address.trim().to_owned());
                        }
                        continue;
                    }
                    match command.get(..4).map(str::to_ascii_uppercase).as_deref() {
                        Some("EHLO" | "HELO") => reply("250 localhost")?,
                        Some("DATA") => {
                            in_data = true;
                            reply("354 end with .")?;
                        }
                        Some("QUIT") => return reply("221 bye"),
                        _ => reply("250 OK")?,
                    }
                }
                std::io::Result::Ok(())
            });
        }
    });
    (port, counts)
}

#[actix_rt::test]
async fn more_messages_than_a_pass_claims_are_delivered_in_one_run_over_reused_connections() {
    const MESSAGES: usize = 35;
    let delivery = csat_index::config::MailDelivery {
        batch: 10,
        concurrency: 3,
        interval: std::time::Duration::from_secs(2),
    };
    for backend in backends() {
        let (port, counts) = counting_smtp_sink();
        let app = TestApp::start_with(
            backend,
            Options {
                mail: Some(MailConfig::Smtp(format!("smtp://127.0.0.1:{port}"))),
                ..Options::default()
            },
        )
        .await;
        let (partner, _, office, _) = app.partner_tree("FANOUT").await;
        let mut contacts = Vec::new();
        for i in 0..MESSAGES {
            contacts.push(
                app.consenting_contact(&office, &format!("fan-{i}@fanout.example"), "Fanout")
                    .await,
            );
        }
        let (survey, _) = app.open_survey(&partner, &office).await;
        let invited = app
            .post(&format!("/api/v1/surveys/{survey}/invitations"))
            .partner(&partner)
            .json(json!({"contact_ids": contacts, "delivery": "email"}))
            .send()
            .await;
        assert_eq!(
            invited.expect(200)["invited"].as_array().unwrap().len(),
            MESSAGES
        );

        let state = app.state.clone().with_mail_delivery(delivery);
        let report = actix_web::web::block(move || csat_index::mail::deliver_all(&state))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (report.claimed, report.sent, report.retried, report.failed),
            (MESSAGES, MESSAGES, 0, 0),
            "{backend:?}: one run drains the outbox, pass after full pass"
        );
        let (connections, mut recipients) = {
            let counts = counts.lock().unwrap();
            (counts.connections, counts.recipients.clone())
        };
        assert_eq!(recipients.len(), MESSAGES, "{backend:?}");
        recipients.sort();
        recipients.dedup();
        assert_eq!(recipients.len(), MESSAGES, "each message once");
        assert!(
            connections <= delivery.concurrency,
            "{backend:?}: {connections} SMTP connections for {MESSAGES} messages: connections are reused"
        );

        let listed = app
            .get(&format!("/api/v1/surveys/{survey}/invitations?limit=100"))
            .partner(&partner)
            .send()
            .await;
        let items = listed.expect(200)["items"].as_array().unwrap().clone();
        assert_eq!(items.len(), MESSAGES);
        assert!(items.iter().all(|i| i["status"] == "sent"), "{items:?}");
        let state = app.state.clone().with_mail_delivery(delivery);
        let again = actix_web::web::block(move || csat_index::mail::deliver_all(&state))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(again.claimed, 0, "nothing is sent twice");
    }
}
