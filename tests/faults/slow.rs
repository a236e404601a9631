//! Slow and idle clients: connections that send their headers a byte per second do not hold the
//! only worker (other requests are served promptly) and are closed at the configured header timeout
//! however slowly bytes keep coming; an idle keep-alive connection is closed at the keep-alive limit.

use std::{
    io::{ErrorKind, Read, Write},
    net::TcpStream,
    time::{Duration, Instant},
};

use crate::harness::{get, Backend, Database, Server};

/// `CSAT_HTTP_HEADER_TIMEOUT_SECONDS` and `CSAT_HTTP_KEEP_ALIVE_SECONDS` of the server under test
/// (the defaults are 5 s, so closing near 2 s shows the settings apply).
const LIMIT: Duration = Duration::from_secs(2);
const SLOW_CLIENTS: usize = 8;

#[test]
fn slow_headers_and_idle_connections_are_cut_at_their_limits_without_holding_a_worker() {
    const TEST: &str =
        "slow_headers_and_idle_connections_are_cut_at_their_limits_without_holding_a_worker";
    if crate::skipped(TEST) {
        return;
    }
    let _serial = crate::serial();
    let db = Database::create(Backend::Sqlite);
    let env = [
        ("CSAT_DATABASE_URL", db.url.clone()),
        (
            "CSAT_MAIL_URL",
            format!("file://{}", db.dir.join("mail").display()),
        ),
        ("CSAT_HTTP_WORKERS", "1".to_owned()),
        (
            "CSAT_HTTP_HEADER_TIMEOUT_SECONDS",
            LIMIT.as_secs().to_string(),
        ),
        ("CSAT_HTTP_KEEP_ALIVE_SECONDS", LIMIT.as_secs().to_string()),
    ];
    let server = Server::start(&env, &db.dir.join("server.log"));
    let port = server.port;

    let slow: Vec<_> = (0..SLOW_CLIENTS)
        .map(|_| std::thread::spawn(move || trickle_headers(port)))
        .collect();
    // Meanwhile the one worker serves everyone else at once.
    std::thread::sleep(Duration::from_millis(300));
    let mut slowest = Duration::ZERO;
    for path in ["/health", "/ready"].iter().cycle().take(20) {
        let started = Instant::now();
        let reply = get(port, path, None).expect("a prompt answer");
        assert_eq!(reply.status, 200, "{path}: {reply:?}");
        slowest = slowest.max(started.elapsed());
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        slowest < Duration::from_secs(1),
        "a request took {slowest:?} beside the slow clients"
    );
    for client in slow {
        let (closed_after, received) = client.join().expect("a slow client");
        assert!(
            closed_after >= LIMIT - Duration::from_millis(500)
                && closed_after <= LIMIT + Duration::from_millis(2500),
            "a slow client was cut after {closed_after:?} (header timeout {LIMIT:?})"
        );
        assert!(
            !received.contains(" 200 "),
            "a slow client's request was served: {received}"
        );
    }

    // An idle keep-alive connection is closed at the keep-alive limit.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    let mut buffer = [0u8; 4096];
    let read = stream.read(&mut buffer).expect("the keep-alive response");
    assert!(
        String::from_utf8_lossy(&buffer[..read]).starts_with("HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&buffer[..read])
    );
    let idle_since = Instant::now();
    let closed = loop {
        match stream.read(&mut buffer) {
            Ok(0) => break idle_since.elapsed(),
            Ok(_) => continue,
            Err(e) if e.kind() == ErrorKind::ConnectionReset => break idle_since.elapsed(),
            Err(e) => panic!("the idle connection stayed open: {e}"),
        }
    };
    assert!(
        closed >= LIMIT - Duration::from_millis(500)
            && closed <= LIMIT + Duration::from_millis(2500),
        "the idle keep-alive connection was closed after {closed:?} (limit {LIMIT:?})"
    );
    eprintln!(
        "slow: {SLOW_CLIENTS} slow-header clients cut at the {LIMIT:?} header timeout; other requests \
         answered within {slowest:?}; an idle keep-alive connection closed after {closed:?}"
    );
}

/// Sends a request's headers one byte per second until the server closes the connection (at most
/// 10 s); returns when it closed, measured from the connection, and whatever the server sent.
fn trickle_headers(port: u16) -> (Duration, String) {
    let request = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n\r\n";
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    let started = Instant::now();
    let mut received = Vec::new();
    for byte in request.iter().cycle() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "a slow client is still connected after 10 s"
        );
        if stream.write_all(&[*byte]).is_err() {
            break;
        }
        let mut buffer = [0u8; 1024];
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => received.extend_from_slice(&buffer[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => break,
        }
    }
    (
        started.elapsed(),
        String::from_utf8_lossy(&received).into_owned(),
    )
}
