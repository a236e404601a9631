//! Fault tests against the real binary (a child process on loopback): `kill -9` during answer
//! intake, a database outage behind a TCP proxy, two replicas on one PostgreSQL with one killed, and
//! slow or idle clients. Each is bounded in time and kills its children even when it fails.
//!
//! `CSAT_SKIP_FAULTS=1` skips them all; the PostgreSQL parts run only when
//! `CSAT_TEST_POSTGRES_URL` names a server. They run one at a time (a lock), so their timings do not
//! disturb each other on a small machine.

mod harness;

mod kill;
mod outage;
mod replicas;
mod slow;

use std::sync::{Mutex, MutexGuard};

/// Whether the fault tests are skipped (`CSAT_SKIP_FAULTS=1`); says so once per test.
fn skipped(test: &str) -> bool {
    let skip = std::env::var("CSAT_SKIP_FAULTS").is_ok_and(|v| v == "1");
    if skip {
        eprintln!("{test}: skipped (CSAT_SKIP_FAULTS=1)");
    }
    skip
}

/// Whether a PostgreSQL part is skipped for want of `CSAT_TEST_POSTGRES_URL`; says so.
fn no_postgres(test: &str) -> bool {
    let missing = harness::postgres_url().is_none();
    if missing {
        eprintln!("{test}: PostgreSQL part skipped (CSAT_TEST_POSTGRES_URL is not set)");
    }
    missing
}

/// One fault test at a time.
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
