//! Request limits per token: 429 with `Retry-After`, `RateLimit` and `RateLimit-Policy`, per role,
//! and one limit across replicas sharing a database.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use csat_index::{auth::Role, config::RateLimits};
use uuid::Uuid;

use crate::common::{backends, token, Options, Reply, TestApp};

/// Any role may read it, and it needs no data.
const READ: &str = "/api/v1/program/settings";

/// Small limits, synced often.
fn limits(partner: u32, vendor: u32, admin: u32) -> Options {
    Options {
        rate_limits: RateLimits {
            partner,
            vendor,
            admin,
            sync_interval: Duration::from_millis(50),
        },
        ..Options::default()
    }
}

/// Waits for the next minute when the current one (a limit window) ends within `seconds`, so a test
/// runs inside one window.
async fn at_least_left_in_window(seconds: u64) {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    let left = 60 - now.as_secs() % 60;
    if left < seconds {
        actix_rt::time::sleep(Duration::from_secs(left) + Duration::from_millis(200)).await;
    }
}

/// Lets every replica's background sync run several times.
async fn let_replicas_sync() {
    actix_rt::time::sleep(Duration::from_millis(500)).await;
}

fn partner_token() -> String {
    token(Role::Partner, Some(Uuid::now_v7()))
}

/// `(remaining, seconds to reset)` from the `RateLimit` header, checking its policy name.
#[track_caller]
fn remaining(reply: &Reply) -> (u32, u64) {
    let header = reply.header("ratelimit").expect("a RateLimit header");
    let rest = header
        .strip_prefix("\"default\";r=")
        .unwrap_or_else(|| panic!("RateLimit: {header}"));
    let (r, t) = rest.split_once(";t=").expect("r and t");
    (r.parse().unwrap(), t.parse().unwrap())
}

#[actix_rt::test]
async fn a_token_over_its_limit_gets_429_and_other_tokens_do_not() {
    for backend in backends() {
        at_least_left_in_window(10).await;
        let app = TestApp::start_with(backend, limits(3, 100, 100)).await;
        let (mine, other) = (partner_token(), partner_token());
        for left in [2, 1, 0] {
            let reply = app.get(READ).token(&mine).send().await;
            reply.expect(200);
            assert_eq!(
                reply.header("ratelimit-policy").as_deref(),
                Some("\"default\";q=3;w=60"),
                "{backend:?}"
            );
            let (r, t) = remaining(&reply);
            assert_eq!(r, left, "{backend:?}");
            assert!((1..=60).contains(&t), "{backend:?}: t={t}");
        }

        let limited = app.get(READ).token(&mine).send().await;
        assert_eq!(limited.problem_code(429), "rate_limited", "{backend:?}");
        let retry_after: u64 = limited.header("retry-after").unwrap().parse().unwrap();
        assert!((1..=60).contains(&retry_after), "{backend:?}");
        assert_eq!(remaining(&limited), (0, retry_after), "{backend:?}");
        assert_eq!(
            limited.header("ratelimit-policy").as_deref(),
            Some("\"default\";q=3;w=60")
        );
        let detail = limited.body["detail"].as_str().unwrap();
        assert!(
            detail.contains("this token's limit of 3 requests per 60 seconds"),
            "{detail}"
        );
        // Writes are refused too, before anything is stored or an idempotency key is claimed.
        app.post("/api/v1/partners")
            .token(&mine)
            .header("Idempotency-Key", "k1")
            .json(serde_json::json!({"external_key": "X", "name": "X"}))
            .send()
            .await
            .problem(429);

        let reply = app.get(READ).token(&other).send().await;
        reply.expect(200);
        assert_eq!(
            remaining(&reply).0,
            2,
            "another partner's token counts apart"
        );
        app.get(READ).admin().send().await.expect(200);

        // Without a valid token nothing is counted: 401 as before, without limit headers.
        let anonymous = app.get(READ).send().await;
        anonymous.problem(401);
        assert!(anonymous.header("ratelimit").is_none());
        let forged = app.get(READ).token("not-a-jwt").send().await;
        forged.problem(401);
        assert!(forged.header("ratelimit").is_none());
    }
}

#[actix_rt::test]
async fn limits_are_set_per_role() {
    for backend in backends() {
        at_least_left_in_window(10).await;
        let app = TestApp::start_with(backend, limits(0, 2, 4)).await;
        for _ in 0..5 {
            let reply = app.get(READ).token(&partner_token()).send().await;
            reply.expect(200);
            assert!(
                reply.header("ratelimit").is_none(),
                "0 is no limit: {backend:?}"
            );
        }
        let partner = partner_token();
        for _ in 0..5 {
            app.get(READ).token(&partner).send().await.expect(200);
        }

        for _ in 0..2 {
            let reply = app.get(READ).vendor().send().await;
            reply.expect(200);
            assert_eq!(
                reply.header("ratelimit-policy").as_deref(),
                Some("\"default\";q=2;w=60")
            );
        }
        app.get(READ).vendor().send().await.problem(429);

        let reply = app.get(READ).admin().send().await;
        reply.expect(200);
        assert_eq!(
            reply.header("ratelimit-policy").as_deref(),
            Some("\"default\";q=4;w=60")
        );
        assert_eq!(remaining(&reply).0, 3, "{backend:?}");
    }
}

#[actix_rt::test]
async fn replicas_on_one_database_enforce_one_limit() {
    for backend in backends() {
        at_least_left_in_window(15).await;
        let first = TestApp::start_with(backend, limits(10, 100, 100)).await;
        let second = first.replica(limits(10, 100, 100)).await;
        let caller = partner_token();

        for _ in 0..6 {
            first.get(READ).token(&caller).send().await.expect(200);
        }
        let_replicas_sync().await;
        // The second replica has not seen this caller yet: it admits the request on its own count,
        // then its sync reads the shared total back (6 + 1).
        second.get(READ).token(&caller).send().await.expect(200);
        let_replicas_sync().await;
        for left in [2, 1, 0] {
            let reply = second.get(READ).token(&caller).send().await;
            reply.expect(200);
            assert_eq!(remaining(&reply).0, left, "{backend:?}: shared total");
        }
        second.get(READ).token(&caller).send().await.problem(429);

        // The first replica last synced at 6. It may admit what comes before its next sync (the
        // documented overshoot of one sync interval), then it knows the total too.
        let_replicas_sync().await;
        first.get(READ).token(&caller).send().await;
        let_replicas_sync().await;
        first.get(READ).token(&caller).send().await.problem(429);
        second.get(READ).token(&caller).send().await.problem(429);

        // Other callers are untouched on both.
        first
            .get(READ)
            .token(&partner_token())
            .send()
            .await
            .expect(200);
        second
            .get(READ)
            .token(&partner_token())
            .send()
            .await
            .expect(200);
    }
}

#[actix_rt::test]
async fn shared_counts_add_up_and_old_windows_are_pruned() {
    use csat_index::testing::{db::rate_limits, pool};
    for backend in backends() {
        let app = TestApp::start(backend).await;
        let mut conn = pool(&app.state).get().unwrap();
        let count = |window_start, requests| rate_limits::WindowCount {
            caller_key: "k".into(),
            window_start,
            requests,
        };
        let (old, current) = (1_800_000_000, 1_800_000_120);
        assert_eq!(
            rate_limits::add(&mut conn, &[count(old, 5)], 0).unwrap(),
            [5]
        );
        assert_eq!(
            rate_limits::add(&mut conn, &[count(old, 2)], 0).unwrap(),
            [7]
        );
        assert_eq!(
            rate_limits::add(&mut conn, &[count(current, 1)], current - 60).unwrap(),
            [1]
        );
        assert_eq!(
            rate_limits::add(&mut conn, &[count(old, 1)], 0).unwrap(),
            [1],
            "{backend:?}: the old window was deleted"
        );
    }
}
