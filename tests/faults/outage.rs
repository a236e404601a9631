//! A database outage: the service reaches PostgreSQL through a TCP proxy the test cuts (every
//! connection closed, new ones refused) and restores. During the cut requests answer 503
//! problem+json with `Retry-After` within the pool timeout, `/ready` is 503 and `/health` 200;
//! after it the service recovers by itself; no acknowledged write is lost.

use std::{
    net::ToSocketAddrs,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use crate::harness::{
    get, outcome, postgres_url, submit, token, wait_until, Backend, Database, Link, Outcome,
    Program, Proxy, Reply, Server,
};

/// `CSAT_DB_TIMEOUT_SECONDS` of the service under test.
const POOL_TIMEOUT: Duration = Duration::from_secs(2);
/// How much longer than the pool timeout an answer may take on this small, shared machine.
const SLACK: Duration = Duration::from_millis(1500);
const WRITERS: usize = 4;

/// A request the test makes, returning the server's reply.
type Probe<'a> = Box<dyn Fn() -> std::io::Result<Reply> + Sync + 'a>;

/// One write as a client saw it.
struct Write {
    link: Link,
    started: Instant,
    took: Duration,
    reply: std::io::Result<Reply>,
}

#[test]
fn database_outage_answers_503_in_time_and_recovers_without_a_restart() {
    const TEST: &str = "database_outage_answers_503_in_time_and_recovers_without_a_restart";
    if crate::skipped(TEST) || crate::no_postgres(TEST) {
        return;
    }
    let _serial = crate::serial();
    let started = Instant::now();
    let db = Database::create(Backend::Postgres);
    let mut proxy = Proxy::start(postgres_address());
    let env = [
        ("CSAT_DATABASE_URL", db.url_through(proxy.port)),
        (
            "CSAT_DB_TIMEOUT_SECONDS",
            POOL_TIMEOUT.as_secs().to_string(),
        ),
        ("CSAT_DB_POOL_SIZE", "4".to_owned()),
        (
            "CSAT_MAIL_URL",
            format!("file://{}", db.dir.join("mail").display()),
        ),
    ];
    let server = Server::start(&env, &db.dir.join("server.log"));
    let port = server.port;
    let program = Program::create(port, "OUTAGE");
    let contacts = program.contacts(port, "outage-", 800);
    let mut links = program.invite(port, &contacts, "partner");
    let probe_link = links.pop().unwrap();

    // Writers submit answers before, during and after the cut.
    let queue = Arc::new(Mutex::new(links));
    let writes = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..WRITERS)
        .map(|_| {
            let (queue, writes, stop) = (queue.clone(), writes.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    let Some(link) = queue.lock().unwrap().pop() else {
                        break;
                    };
                    let started = Instant::now();
                    let reply = submit(port, &link);
                    let took = started.elapsed();
                    writes.lock().unwrap().push(Write {
                        link,
                        started,
                        took,
                        reply,
                    });
                    std::thread::sleep(Duration::from_millis(10));
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(600));

    proxy.cut();
    let cut_at = Instant::now();
    let admin = token("admin", None);
    let timed = |what: &str, call: &dyn Fn() -> std::io::Result<Reply>| {
        let started = Instant::now();
        let reply = call().unwrap_or_else(|e| panic!("{what} during the cut: {e}"));
        let took = started.elapsed();
        assert!(
            took <= POOL_TIMEOUT + SLACK,
            "{what} took {took:?} during the cut"
        );
        (reply, took)
    };
    let (health, took) = timed("/health", &|| get(port, "/health", None));
    assert_eq!(health.status, 200, "/health during the cut: {health:?}");
    assert!(took < Duration::from_secs(1), "/health took {took:?}");
    // At once, each waiting at most the pool timeout: a read, a write and `/ready`.
    let probes: [(&str, Probe); 3] = [
        (
            "an authenticated read",
            Box::new(|| get(port, "/api/v1/partners", Some(&admin))),
        ),
        ("a submission", Box::new(|| submit(port, &probe_link))),
        ("/ready", Box::new(|| get(port, "/ready", None))),
    ];
    std::thread::scope(|scope| {
        for (what, call) in &probes {
            scope.spawn(|| timed(what, call.as_ref()).0.assert_unavailable(what));
        }
    });
    drop(probes);
    std::thread::sleep(Duration::from_secs(3).saturating_sub(cut_at.elapsed()));

    proxy.restore();
    let restored_at = Instant::now();
    wait_until("/ready after the restore", Duration::from_secs(15), || {
        get(port, "/ready", None).is_ok_and(|r| r.status == 200)
    });
    let ready_at = Instant::now();
    std::thread::sleep(Duration::from_millis(1000));
    stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.join().expect("a writer thread");
    }
    let (read, _) = timed("an authenticated read after the restore", &|| {
        get(port, "/api/v1/partners", Some(&admin))
    });
    assert_eq!(read.status, 200, "after the restore: {read:?}");
    let probe = submit(port, &probe_link).expect("the probe submission after the restore");
    assert_eq!(probe.status, 201, "after the restore: {probe:?}");

    // Every write was answered 201 or 503 problem+json in time; writes after the recovery succeed.
    let writes = std::mem::take(&mut *writes.lock().unwrap());
    let (mut before, mut during, mut after) = (0, 0, 0);
    for write in &writes {
        let reply = write.reply.as_ref().unwrap_or_else(|e| {
            panic!("a write got no answer after {:?}: {e}", write.took);
        });
        assert!(
            write.took <= POOL_TIMEOUT + SLACK,
            "a write took {:?}",
            write.took
        );
        match reply.status {
            201 if write.started < cut_at => before += 1,
            201 => {
                assert!(
                    write.started + write.took >= restored_at,
                    "a write was acknowledged while the database was cut off"
                );
                after += 1;
            }
            _ => {
                reply.assert_unavailable("a write");
                assert!(
                    write.started < ready_at,
                    "a write started after recovery failed: {reply:?}"
                );
                during += 1;
            }
        }
    }
    assert!(
        before > 0 && during > 0 && after > 0,
        "writes before {before}, refused {during}, after {after}"
    );

    // Nothing acknowledged is lost, nothing is half-stored (checked straight on PostgreSQL).
    let mut outcomes: Vec<(Link, Outcome)> = writes
        .into_iter()
        .map(|w| {
            let result = outcome(&w.reply);
            (w.link, result)
        })
        .collect();
    outcomes.push((probe_link, Outcome::Acknowledged));
    let stored = db.stored();
    stored.assert_consistent();
    stored.assert_acknowledged_kept(&outcomes);
    eprintln!(
        "outage: {before} writes acknowledged before the cut, {during} answered 503, {after} acknowledged after; \
         /ready back {:.2} s after the restore; {:.1} s in all",
        (ready_at - restored_at).as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}

/// Host and port of `CSAT_TEST_POSTGRES_URL`.
fn postgres_address() -> std::net::SocketAddr {
    let url = postgres_url().expect("CSAT_TEST_POSTGRES_URL is set");
    let rest = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
    let authority = rest.split('/').next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host_port = if host_port.contains(':') {
        host_port.to_owned()
    } else {
        format!("{host_port}:5432")
    };
    host_port
        .to_socket_addrs()
        .ok()
        .and_then(|mut addresses| addresses.next())
        .unwrap_or_else(|| panic!("cannot resolve the PostgreSQL address `{host_port}`"))
}
