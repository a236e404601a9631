//! A fixed-window request limit per client, for the public respondent endpoints.

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

/// Counts requests per client address in fixed windows.
pub struct RateLimiter {
    limit: u32,
    window: Duration,
    clients: Mutex<HashMap<Option<IpAddr>, (Instant, u32)>>,
}

impl RateLimiter {
    /// At most `limit` requests per client per `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter {
            limit,
            window,
            clients: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a request; `Err(seconds)` to wait when over the limit.
    pub fn check(&self, client: Option<IpAddr>, now: Instant) -> Result<(), u64> {
        let mut clients = self
            .clients
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if clients.len() > 100_000 {
            clients.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = clients.entry(client).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.limit {
            let wait = self.window.saturating_sub(now.duration_since(entry.0));
            return Err(wait.as_secs().max(1));
        }
        entry.1 += 1;
        Ok(())
    }
}

/// Counts a request of this client against the respondent rate limit.
pub(crate) fn rate_limited(
    state: &crate::AppState,
    req: &actix_web::HttpRequest,
) -> crate::error::ApiResult<()> {
    let forwarded = || {
        let info = req.connection_info();
        let address = info.realip_remote_addr()?.to_owned();
        address
            .parse::<std::net::SocketAddr>()
            .map(|a| a.ip())
            .ok()
            .or_else(|| address.trim_matches(['[', ']']).parse().ok())
    };
    let client = match state.trust_forwarded_for {
        true => forwarded().or_else(|| req.peer_addr().map(|a| a.ip())),
        false => req.peer_addr().map(|a| a.ip()),
    };
    state
        .respondent_limiter
        .check(client, std::time::Instant::now())
        .map_err(|retry_after| {
            crate::error::ApiError::TooManyRequests(crate::error::LimitExceeded {
                whose: "this client's",
                limit: state.respondent_limiter.limit,
                window_seconds: state.respondent_limiter.window.as_secs(),
                retry_after,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_each_client_per_window() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        let (a, b) = (
            Some("10.0.0.1".parse().unwrap()),
            Some("10.0.0.2".parse().unwrap()),
        );
        let start = Instant::now();
        assert!(limiter.check(a, start).is_ok());
        assert!(limiter.check(a, start).is_ok());
        assert_eq!(limiter.check(a, start + Duration::from_secs(15)), Err(45));
        assert!(limiter.check(b, start).is_ok(), "clients are counted apart");
        assert!(
            limiter.check(a, start + Duration::from_secs(60)).is_ok(),
            "a new window starts"
        );
    }
}
