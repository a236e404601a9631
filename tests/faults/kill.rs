//! `kill -9` during answer intake: 16 clients submit answers, the service is killed after a random
//! number of acknowledgements, restarted on the same database, and what is stored is checked in SQL:
//! every acknowledged answer exactly once, nothing half-stored. Five rounds per backend.

use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use crate::harness::{
    outcome, random_below, submit, wait_until, Backend, Database, Link, Outcome, Program, Server,
};

const ROUNDS: usize = 5;
const CLIENTS: usize = 16;
const LINKS_PER_ROUND: usize = 400;

#[test]
fn kill_9_during_answer_intake_on_sqlite() {
    if crate::skipped("kill_9_during_answer_intake_on_sqlite") {
        return;
    }
    let _serial = crate::serial();
    rounds(Backend::Sqlite);
}

#[test]
fn kill_9_during_answer_intake_on_postgres() {
    if crate::skipped("kill_9_during_answer_intake_on_postgres")
        || crate::no_postgres("kill_9_during_answer_intake_on_postgres")
    {
        return;
    }
    let _serial = crate::serial();
    rounds(Backend::Postgres);
}

fn rounds(backend: Backend) {
    let started = Instant::now();
    let db = Database::create(backend);
    let env = [
        ("CSAT_DATABASE_URL", db.url.clone()),
        (
            "CSAT_MAIL_URL",
            format!("file://{}", db.dir.join("mail").display()),
        ),
    ];
    let log = db.dir.join("server.log");
    let mut server = Server::start(&env, &log);
    for round in 0..ROUNDS {
        let program = Program::create(server.port, &format!("K{round}"));
        let contacts = program.contacts(server.port, &format!("round{round}-"), LINKS_PER_ROUND);
        let links = program.invite(server.port, &contacts, "partner");
        let kill_after = 10 + random_below(150) as usize;
        let (outcomes, untried) = load_until_killed(&mut server, links, kill_after);
        server = Server::start(&env, &log);

        let stored = db.stored();
        stored.assert_consistent();
        let stored_unacknowledged = stored.assert_acknowledged_kept(&outcomes);
        let acknowledged = outcomes
            .iter()
            .filter(|(_, o)| *o == Outcome::Acknowledged)
            .count();
        // The restarted service takes answers again (no lock or half-done write left behind).
        let fresh = untried.first().expect("links left over for the check");
        let reply = submit(server.port, fresh).expect("the restarted server answers");
        assert_eq!(reply.status, 201, "after restart: {}", reply.body);
        eprintln!(
            "{backend:?} round {round}: killed after {kill_after} acknowledgements; {acknowledged} acknowledged, \
             {} cut off ({stored_unacknowledged} of them stored complete), nothing half-stored",
            outcomes.len() - acknowledged
        );
    }
    eprintln!(
        "{backend:?}: {ROUNDS} kill -9 rounds in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Submits `links` from [`CLIENTS`] threads until `kill_after` were acknowledged, then kills the
/// server mid-load. Returns every attempted submission with its outcome, and the untried links.
fn load_until_killed(
    server: &mut Server,
    links: Vec<Link>,
    kill_after: usize,
) -> (Vec<(Link, Outcome)>, Vec<Link>) {
    let port = server.port;
    let queue = Arc::new(Mutex::new(links));
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let outcomes = Arc::new(Mutex::new(Vec::new()));
    let unexpected = Arc::new(Mutex::new(Vec::new()));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (queue, acknowledged, outcomes, unexpected) = (
                queue.clone(),
                acknowledged.clone(),
                outcomes.clone(),
                unexpected.clone(),
            );
            std::thread::spawn(move || loop {
                let Some(link) = queue.lock().unwrap().pop() else {
                    break;
                };
                let reply = submit(port, &link);
                let result = outcome(&reply);
                if result == Outcome::Acknowledged {
                    acknowledged.fetch_add(1, Ordering::SeqCst);
                }
                outcomes.lock().unwrap().push((link, result));
                match reply {
                    Ok(reply) if reply.status != 201 => {
                        unexpected.lock().unwrap().push(reply);
                    }
                    Ok(_) => {}
                    // The server is gone: this client stops.
                    Err(_) => break,
                }
            })
        })
        .collect();
    wait_until(
        "acknowledgements before the kill",
        Duration::from_secs(60),
        || acknowledged.load(Ordering::SeqCst) >= kill_after,
    );
    server.kill();
    for client in clients {
        client.join().expect("a client thread");
    }
    let unexpected = std::mem::take(&mut *unexpected.lock().unwrap());
    assert!(
        unexpected.is_empty(),
        "answers other than 201 before the kill: {unexpected:?}"
    );
    let outcomes = std::mem::take(&mut *outcomes.lock().unwrap());
    let untried = std::mem::take(&mut *queue.lock().unwrap());
    (outcomes, untried)
}
