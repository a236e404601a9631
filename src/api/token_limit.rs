//! Request limits per bearer token, shared by every API replica through the database.
//!
//! Each caller (the token's role, partner and subject: [`Principal::key`]) may make its role's number of
//! requests per fixed, clock-aligned 60-second window. A replica decides every request from memory:
//! the total of all replicas at its last sync plus what it counted itself since. A background thread
//! syncs about every second: it adds the replica's new counts to `rate_limit_windows` and reads back
//! the totals. No request waits for the database, and the limit holds across replicas up to what the
//! replicas admit between two syncs.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, Weak},
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use actix_web::{
    body::{BoxBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::header::{HeaderName, HeaderValue},
    middleware::Next,
    web, ResponseError,
};
use sha2::{Digest, Sha256};

use crate::{
    auth::{self, Principal, Role},
    config::RateLimits,
    db::{self, rate_limits::WindowCount, DbPool},
    error::{rate_limit_headers, ApiError, LimitExceeded},
    AppState,
};

/// The length of a rate-limit window, in seconds.
pub const WINDOW_SECONDS: i64 = 60;

/// One caller's requests in its current window, as this replica knows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tally {
    /// Start of the window (seconds since the Unix epoch, a multiple of [`WINDOW_SECONDS`]).
    window: i64,
    /// The total of all replicas at the last sync (this replica's synced requests included).
    shared: u64,
    /// Requests being added to the shared total by a sync that has not answered yet.
    syncing: u64,
    /// Requests this replica admitted since its last sync began.
    pending: u64,
}

impl Tally {
    fn new(window: i64) -> Self {
        Tally {
            window,
            shared: 0,
            syncing: 0,
            pending: 0,
        }
    }

    /// Requests of the window as this replica knows them.
    fn used(&self) -> u64 {
        self.shared + self.syncing + self.pending
    }
}

/// What the limit says about one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// Whether the request may go through (it was counted).
    pub allowed: bool,
    /// Requests allowed per window.
    pub limit: u32,
    /// Requests left in this window after this one.
    pub remaining: u32,
    /// Seconds until the window resets.
    pub reset: u64,
}

/// Requests this replica counted for one caller and window, to add to the shared total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The caller ([`Principal::key`]).
    pub caller: String,
    /// Start of the window.
    pub window: i64,
    /// Requests counted since the last sync.
    pub requests: u64,
}

/// The pure counting: per caller, the shared total at the last sync and the requests counted since.
#[derive(Debug, Default)]
pub struct Counter {
    tallies: HashMap<String, Tally>,
}

/// Start of the window `now` (seconds since the Unix epoch) falls in.
pub fn window_of(now: i64) -> i64 {
    now - now.rem_euclid(WINDOW_SECONDS)
}

impl Counter {
    /// Counts one request of `caller` at `now` (seconds since the Unix epoch) against `limit` per window;
    /// a refused request is not counted.
    pub fn count(&mut self, caller: &str, limit: u32, now: i64) -> Verdict {
        let window = window_of(now);
        let tally = match self.tallies.get_mut(caller) {
            Some(tally) => tally,
            None => self
                .tallies
                .entry(caller.to_owned())
                .or_insert(Tally::new(window)),
        };
        if tally.window != window {
            *tally = Tally::new(window);
        }
        let allowed = tally.used() < u64::from(limit);
        if allowed {
            tally.pending += 1;
        }
        let remaining = u64::from(limit).saturating_sub(tally.used());
        Verdict {
            allowed,
            limit,
            remaining: u32::try_from(remaining).unwrap_or(u32::MAX),
            reset: (window + WINDOW_SECONDS - now).max(1) as u64,
        }
    }

    /// Takes the requests counted since the last sync, sorted by caller, and forgets callers whose
    /// window has ended (their counts no longer matter). Taken requests still count until the sync
    /// [settles](Counter::settle) or [restores](Counter::restore) them.
    pub fn take_pending(&mut self, now: i64) -> Vec<Pending> {
        let current = window_of(now);
        self.tallies.retain(|_, tally| tally.window == current);
        let mut pending: Vec<Pending> = self
            .tallies
            .iter_mut()
            .filter(|(_, tally)| tally.pending > 0)
            .map(|(caller, tally)| {
                tally.syncing += tally.pending;
                Pending {
                    caller: caller.clone(),
                    window: tally.window,
                    requests: std::mem::take(&mut tally.pending),
                }
            })
            .collect();
        pending.sort_by(|a, b| a.caller.cmp(&b.caller));
        pending
    }

    /// Records the total of all replicas for a caller's window after a sync added its pending requests.
    pub fn settle(&mut self, caller: &str, window: i64, total: u64) {
        if let Some(tally) = self.tallies.get_mut(caller) {
            if tally.window == window {
                tally.shared = tally.shared.max(total);
                tally.syncing = 0;
            }
        }
    }

    /// Counts taken requests as pending again (their sync failed), while their window lasts.
    pub fn restore(&mut self, taken: &Pending) {
        if let Some(tally) = self.tallies.get_mut(&taken.caller) {
            if tally.window == taken.window {
                tally.syncing = tally.syncing.saturating_sub(taken.requests);
                tally.pending += taken.requests;
            }
        }
    }
}

/// The per-token limits of one replica: counts in memory, synced in the background.
pub struct TokenLimiter {
    limits: RateLimits,
    counter: Mutex<Counter>,
    pool: DbPool,
}

impl TokenLimiter {
    /// A limiter with these limits; its sync thread runs until the limiter is dropped.
    pub fn start(limits: RateLimits, pool: DbPool) -> Arc<Self> {
        let limiter = Arc::new(TokenLimiter {
            limits,
            counter: Mutex::new(Counter::default()),
            pool,
        });
        let weak = Arc::downgrade(&limiter);
        let interval = limits.sync_interval;
        let spawned = std::thread::Builder::new()
            .name("csat-rate-limit".into())
            .spawn(move || sync_until_dropped(weak, interval));
        if let Err(error) = spawned {
            tracing::error!(%error, "cannot start the rate-limit sync; limits count per replica only");
        }
        limiter
    }

    /// The limit per window of a role (`None`: unlimited).
    fn limit_of(&self, role: Role) -> Option<u32> {
        let limit = match role {
            Role::Partner => self.limits.partner,
            Role::Vendor => self.limits.vendor,
            Role::Admin => self.limits.admin,
        };
        (limit > 0).then_some(limit)
    }

    /// Counts a request of `principal`; `None` when its role is unlimited.
    pub fn check(&self, principal: &Principal) -> Option<Verdict> {
        let limit = self.limit_of(principal.role)?;
        let mut counter = self.counter.lock().unwrap_or_else(|p| p.into_inner());
        Some(counter.count(&principal.key(), limit, unix_now()))
    }

    /// Adds this replica's new counts to the shared totals and reads the totals back. On a database
    /// error the counts stay pending (they are retried next time) and the replica goes on deciding
    /// from what it knows.
    pub fn sync(&self) -> Result<(), ApiError> {
        let now = unix_now();
        let taken = self
            .counter
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take_pending(now);
        if taken.is_empty() {
            return Ok(());
        }
        let counts: Vec<WindowCount> = taken
            .iter()
            .map(|pending| WindowCount {
                caller_key: format!("{:x}", Sha256::digest(pending.caller.as_bytes())),
                window_start: pending.window,
                requests: i64::try_from(pending.requests).unwrap_or(i64::MAX),
            })
            .collect();
        let expired_before = window_of(now) - WINDOW_SECONDS;
        let totals = self
            .pool
            .get()
            .map_err(ApiError::from)
            .and_then(|mut conn| db::rate_limits::add(&mut conn, &counts, expired_before));
        let mut counter = self.counter.lock().unwrap_or_else(|p| p.into_inner());
        match totals {
            Ok(totals) => {
                for (pending, total) in taken.iter().zip(totals) {
                    counter.settle(&pending.caller, pending.window, total.max(0) as u64);
                }
                Ok(())
            }
            Err(error) => {
                taken.iter().for_each(|pending| counter.restore(pending));
                Err(error)
            }
        }
    }
}

/// Syncs every `interval` while the limiter lives.
fn sync_until_dropped(limiter: Weak<TokenLimiter>, interval: Duration) {
    loop {
        std::thread::sleep(interval);
        let Some(limiter) = limiter.upgrade() else {
            return;
        };
        if let Err(error) = limiter.sync() {
            tracing::warn!(%error, "rate-limit sync failed; counting on this replica until it works again");
        }
    }
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Limits authenticated requests per token: over the limit the answer is 429 (problem+json with
/// `Retry-After`); every counted answer carries `RateLimit-Policy` and `RateLimit`. Requests without a
/// valid token go through untouched (the handler answers 401, or the respondent's own limit applies).
pub async fn limit_tokens(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let verdict = match (
        req.headers()
            .contains_key(actix_web::http::header::AUTHORIZATION),
        req.app_data::<web::Data<AppState>>(),
    ) {
        (true, Some(state)) => auth::authenticate(req.request())
            .ok()
            .and_then(|principal| state.token_limiter.check(&principal)),
        _ => None,
    };
    let Some(verdict) = verdict else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    if !verdict.allowed {
        let error = ApiError::TooManyRequests(LimitExceeded {
            whose: "this token's",
            limit: verdict.limit,
            window_seconds: WINDOW_SECONDS as u64,
            retry_after: verdict.reset,
        });
        return Ok(req.into_response(error.error_response()));
    }
    let mut response = next.call(req).await?.map_into_boxed_body();
    let headers = response.headers_mut();
    for (name, value) in rate_limit_headers(
        verdict.limit,
        WINDOW_SECONDS as u64,
        verdict.remaining,
        verdict.reset,
    ) {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(HeaderName::from_static(name), value);
        }
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_800_000_000 - 1_800_000_000 % WINDOW_SECONDS;

    #[test]
    fn counts_per_caller_and_window() {
        let mut counter = Counter::default();
        let first = counter.count("a", 2, T0 + 10);
        assert_eq!(
            first,
            Verdict {
                allowed: true,
                limit: 2,
                remaining: 1,
                reset: 50
            }
        );
        assert!(counter.count("a", 2, T0 + 11).allowed);
        let refused = counter.count("a", 2, T0 + 15);
        assert!(!refused.allowed);
        assert_eq!((refused.remaining, refused.reset), (0, 45));
        assert!(
            counter.count("b", 2, T0 + 15).allowed,
            "callers count apart"
        );
        let next = counter.count("a", 2, T0 + WINDOW_SECONDS);
        assert!(next.allowed, "a new window starts");
        assert_eq!((next.remaining, next.reset), (1, 60));
    }

    #[test]
    fn decides_on_the_shared_total_plus_what_came_since() {
        let mut counter = Counter::default();
        for _ in 0..3 {
            assert!(counter.count("a", 10, T0).allowed);
        }
        let taken = counter.take_pending(T0 + 1);
        assert_eq!(
            taken,
            [Pending {
                caller: "a".into(),
                window: T0,
                requests: 3
            }]
        );
        assert!(counter.take_pending(T0 + 1).is_empty(), "taken once");
        assert_eq!(
            counter.count("a", 10, T0 + 1).remaining,
            6,
            "requests being synced still count"
        );
        // The database's total is 9: these 3 and 6 another replica admitted. One more came here since.
        counter.settle("a", T0, 9);
        assert_eq!(counter.count("a", 10, T0 + 2).remaining, 0);
        assert!(!counter.count("a", 10, T0 + 2).allowed);
        let taken = counter.take_pending(T0 + 3);
        assert_eq!(taken[0].requests, 1);
    }

    #[test]
    fn a_failed_sync_keeps_the_counts_pending() {
        let mut counter = Counter::default();
        counter.count("a", 10, T0);
        counter.count("a", 10, T0);
        let taken = counter.take_pending(T0 + 1);
        counter.count("a", 10, T0 + 1);
        taken.iter().for_each(|p| counter.restore(p));
        assert_eq!(counter.take_pending(T0 + 2)[0].requests, 3);
    }

    #[test]
    fn ended_windows_are_forgotten_and_late_totals_ignored() {
        let mut counter = Counter::default();
        counter.count("a", 10, T0);
        let taken = counter.take_pending(T0 + 1);
        counter.count("b", 10, T0 + WINDOW_SECONDS);
        assert!(counter.take_pending(T0 + WINDOW_SECONDS + 1)[0].caller == "b");
        assert_eq!(counter.tallies.len(), 1, "a's ended window is dropped");
        counter.settle("a", T0, 5);
        taken.iter().for_each(|p| counter.restore(p));
        assert!(!counter.tallies.contains_key("a"));
        assert_eq!(counter.count("b", 10, T0 + WINDOW_SECONDS + 2).remaining, 8);
    }

    #[test]
    fn windows_align_to_the_clock() {
        assert_eq!(window_of(T0 + 59), T0);
        assert_eq!(window_of(T0 + 60), T0 + 60);
        assert_eq!(window_of(-1), -60);
    }
}
