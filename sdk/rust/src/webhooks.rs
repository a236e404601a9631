//! Verifying a webhook delivery (Standard Webhooks); hand-written, the generator never touches it.

use base64::{engine::general_purpose::STANDARD, Engine as _};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How far `webhook-timestamp` may be from now, in seconds (either way).
pub const TOLERANCE_SECONDS: i64 = 300;

/// Why a delivery failed verification: do not trust its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebhookError {
    /// The secret is not `whsec_` + base64.
    BadSecret,
    /// `webhook-timestamp` is missing or not a number.
    BadTimestamp,
    /// `webhook-timestamp` is more than [`TOLERANCE_SECONDS`] away from now.
    TimestampOutOfTolerance,
    /// No `v1` signature of `webhook-signature` matches the body.
    NoMatchingSignature,
    /// The body is authentic but not JSON.
    NotJson,
}

impl std::fmt::Display for WebhookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            WebhookError::BadSecret => "the secret is not a whsec_ secret",
            WebhookError::BadTimestamp => "webhook-timestamp is not a number",
            WebhookError::TimestampOutOfTolerance => {
                "webhook-timestamp is too old or too far in the future"
            }
            WebhookError::NoMatchingSignature => "no signature matches",
            WebhookError::NotJson => "the body is not JSON",
        })
    }
}

impl std::error::Error for WebhookError {}

/// Verifies a webhook delivery now and returns its parsed body (the event envelope `{id, type,
/// version, timestamp, data}`). `header` looks a request header up by its lower-case name (e.g.
/// `|name| headers.get(name)?.to_str().ok()`); `body` is the raw body exactly as received. See
/// [`verify_webhook_at`].
pub fn verify_webhook<'a>(
    secret: &str,
    header: impl Fn(&str) -> Option<&'a str>,
    body: &[u8],
) -> Result<serde_json::Value, WebhookError> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    verify_webhook_at(secret, header, body, now)
}

/// [`verify_webhook`] at `now` (unix seconds): `webhook-timestamp` must be within
/// [`TOLERANCE_SECONDS`] of it, and one `v1,` signature of `webhook-signature` must be the base64
/// HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under the secret's key (the base64 part
/// after `whsec_`; during a rotation the header holds one signature per secret). Compared in
/// constant time. Deduplicate on `webhook-id`: retries and redeliveries of one event carry the same id.
pub fn verify_webhook_at<'a>(
    secret: &str,
    header: impl Fn(&str) -> Option<&'a str>,
    body: &[u8],
    now: i64,
) -> Result<serde_json::Value, WebhookError> {
    let key = STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap_or(secret))
        .ok()
        .filter(|key| !key.is_empty())
        .ok_or(WebhookError::BadSecret)?;
    let id = header("webhook-id").unwrap_or_default();
    let timestamp = header("webhook-timestamp").unwrap_or_default();
    let seconds: i64 = timestamp.parse().map_err(|_| WebhookError::BadTimestamp)?;
    if now.abs_diff(seconds) > TOLERANCE_SECONDS.unsigned_abs() {
        return Err(WebhookError::TimestampOutOfTolerance);
    }
    let mac = || {
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("HMAC takes any key length");
        mac.update(format!("{id}.{timestamp}.").as_bytes());
        mac.update(body);
        mac
    };
    let matches = header("webhook-signature")
        .unwrap_or_default()
        .split(' ')
        .filter_map(|candidate| candidate.strip_prefix("v1,"))
        .filter_map(|tag| STANDARD.decode(tag).ok())
        .any(|tag| mac().verify_slice(&tag).is_ok());
    if !matches {
        return Err(WebhookError::NoMatchingSignature);
    }
    serde_json::from_slice(body).map_err(|_| WebhookError::NotJson)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    fn headers(name: &str) -> Option<&'static str> {
        match name {
            "webhook-id" => Some("msg_p5jXN8AQM9LWM0D4loKWxJek"),
            "webhook-timestamp" => Some("1614265330"),
            "webhook-signature" => Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
            _ => None,
        }
    }

    #[test]
    fn verifies_the_standard_webhooks_example_and_refuses_tampering_and_replays() {
        let body = br#"{"test": 2432232314}"#;
        let event = verify_webhook_at(SECRET, headers, body, 1614265330).unwrap();
        assert_eq!(event["test"], 2432232314u64);
        assert_eq!(
            verify_webhook_at(SECRET, headers, br#"{"test": 2432232315}"#, 1614265330),
            Err(WebhookError::NoMatchingSignature)
        );
        assert_eq!(
            verify_webhook_at(SECRET, headers, body, 1614265330 + 301),
            Err(WebhookError::TimestampOutOfTolerance)
        );
        assert_eq!(
            verify_webhook_at(SECRET, headers, body, i64::MIN),
            Err(WebhookError::TimestampOutOfTolerance)
        );
        assert_eq!(
            verify_webhook_at("whsec_!", headers, body, 1614265330),
            Err(WebhookError::BadSecret)
        );
    }
}
