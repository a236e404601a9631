//! Two replicas on one PostgreSQL: started together on an empty database, load spread over both,
//! one killed mid-load (clients retry on the other): no acknowledged answer lost, none stored twice.
//! Invitation emails queued through both are delivered by the two outbox workers together exactly
//! once to an SMTP sink the test runs.

use std::{
    collections::{HashMap, HashSet},
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use crate::harness::{
    get, outcome, random_below, submit, wait_until, Backend, Database, Link, Outcome, Program,
    Server, SmtpSink,
};

const CLIENTS: usize = 16;
const LINKS: usize = 600;
const EMAILS: usize = 60;

#[test]
fn two_replicas_one_killed_lose_nothing_and_deliver_each_email_once() {
    const TEST: &str = "two_replicas_one_killed_lose_nothing_and_deliver_each_email_once";
    if crate::skipped(TEST) || crate::no_postgres(TEST) {
        return;
    }
    let _serial = crate::serial();
    let started = Instant::now();
    let db = Database::create(Backend::Postgres);
    let sink = SmtpSink::start();
    let env = [
        ("CSAT_DATABASE_URL", db.url.clone()),
        ("CSAT_MAIL_URL", format!("smtp://127.0.0.1:{}", sink.port)),
    ];
    // Both start at once on the empty database: both run the migrations.
    let (log_a, log_b) = (db.dir.join("a.log"), db.dir.join("b.log"));
    let (mut a, b) = std::thread::scope(|scope| {
        let a = scope.spawn(|| Server::start(&env, &log_a));
        let b = scope.spawn(|| Server::start(&env, &log_b));
        (a.join().unwrap(), b.join().unwrap())
    });
    let ports = [a.port, b.port];

    let program = Program::create(a.port, "REPLICAS");
    let answering = program.contacts(b.port, "answer-", LINKS);
    let mailed = program.contacts(a.port, "mail-", EMAILS);
    let links = program.invite(b.port, &answering, "partner");

    // Emails queued through both replicas, delivered by both workers.
    for (i, batch) in mailed.chunks(10).enumerate() {
        program.invite(ports[i % 2], batch, "email");
    }
    wait_until("every email delivered", Duration::from_secs(30), || {
        db.pg_count("SELECT COUNT(*) AS n FROM outbox WHERE sent_at IS NULL") == 0
    });
    std::thread::sleep(Duration::from_millis(500));
    let recipients = sink.recipients();
    let mut per_recipient: HashMap<&str, usize> = HashMap::new();
    for to in &recipients {
        *per_recipient.entry(to.as_str()).or_default() += 1;
    }
    let duplicates = recipients.len() - per_recipient.len();
    let expected: HashSet<String> = (0..EMAILS)
        .map(|i| format!("mail-{i}@faults.example"))
        .collect();
    let missing = expected
        .iter()
        .filter(|to| !per_recipient.contains_key(to.as_str()))
        .count();
    eprintln!(
        "replicas: {EMAILS} emails queued, {} delivered, {duplicates} duplicates, {missing} missing",
        recipients.len()
    );
    assert_eq!(duplicates, 0, "emails delivered twice: {per_recipient:?}");
    assert_eq!(missing, 0, "emails not delivered: {per_recipient:?}");

    // Answers spread over both replicas; replica A is killed mid-load.
    let queue = Arc::new(Mutex::new(links));
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let outcomes = Arc::new(Mutex::new(Vec::new()));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (queue, acknowledged, outcomes) =
                (queue.clone(), acknowledged.clone(), outcomes.clone());
            std::thread::spawn(move || {
                let mut replica = client % 2;
                while let Some(link) = queue.lock().unwrap().pop() {
                    let mut reply = submit(ports[replica], &link);
                    if reply.is_err() {
                        // No answer: the replica is gone; the same submission goes to the other.
                        replica = 1 - replica;
                        reply = submit(ports[replica], &link);
                    }
                    let result = outcome(&reply);
                    if result == Outcome::Acknowledged {
                        acknowledged.fetch_add(1, Ordering::SeqCst);
                    }
                    outcomes
                        .lock()
                        .unwrap()
                        .push((link, result, reply.map(|r| r.status).ok()));
                }
            })
        })
        .collect();
    let kill_after = 20 + random_below(200) as usize;
    wait_until(
        "acknowledgements before the kill",
        Duration::from_secs(60),
        || acknowledged.load(Ordering::SeqCst) >= kill_after,
    );
    a.kill();
    for client in clients {
        client.join().expect("a client thread");
    }
    let outcomes: Vec<(Link, Outcome, Option<u16>)> =
        std::mem::take(&mut *outcomes.lock().unwrap());
    let unexpected: Vec<_> = outcomes
        .iter()
        .filter(|(_, _, status)| !matches!(status, Some(201 | 409)))
        .collect();
    assert!(
        unexpected.is_empty(),
        "answers other than 201 or 409: {unexpected:?}"
    );
    assert_eq!(
        get(b.port, "/ready", None).map(|r| r.status).ok(),
        Some(200),
        "the surviving replica:\n{}",
        b.log()
    );

    let outcomes: Vec<(Link, Outcome)> = outcomes.into_iter().map(|(l, o, _)| (l, o)).collect();
    let stored = db.stored();
    stored.assert_consistent();
    stored.assert_acknowledged_kept(&outcomes);
    let retried_answered = outcomes
        .iter()
        .filter(|(_, o)| *o == Outcome::AlreadyAnswered)
        .count();
    eprintln!(
        "replicas: killed A after {kill_after} acknowledgements; {} answers, {retried_answered} retries found \
         their answer already stored, none lost, none twice; {:.1} s in all",
        outcomes.len(),
        started.elapsed().as_secs_f64()
    );
}
