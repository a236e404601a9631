//! Webhook rules without IO: Standard Webhooks signing and verification, secrets, which addresses an
//! outbound request may reach (the SSRF guard), subscription URLs, the retry schedule, and which
//! events a subscriber's scope may receive.

use std::{
    net::{IpAddr, Ipv4Addr},
    time::Duration,
};

use base64::{engine::general_purpose::STANDARD, Engine as _};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::ids::PartnerId;

/// The prefix of a signing secret (Standard Webhooks): `whsec_` + base64 of the key bytes.
pub const SECRET_PREFIX: &str = "whsec_";
/// How far a delivery's `webhook-timestamp` may be from the receiver's clock (either way).
pub const TIMESTAMP_TOLERANCE_SECONDS: i64 = 300;

/// A new signing secret: `whsec_` + base64 of 32 random bytes.
pub fn new_secret() -> String {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).expect("the operating system provides random bytes");
    format!("{SECRET_PREFIX}{}", STANDARD.encode(key))
}

/// The HMAC key of a secret: the base64-decoded part after `whsec_` (a secret without the prefix is
/// decoded whole); `None` when it is not base64.
pub fn signing_key(secret: &str) -> Option<Vec<u8>> {
    let encoded = secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret);
    STANDARD.decode(encoded).ok().filter(|key| !key.is_empty())
}

fn mac(key: &[u8], id: &str, timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// One signature, `v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` under the secret's key.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> Option<String> {
    let key = signing_key(secret)?;
    let tag = mac(&key, id, timestamp, body).finalize().into_bytes();
    Some(format!("v1,{}", STANDARD.encode(tag)))
}

/// The `webhook-signature` header: one signature per secret, separated by spaces (during a rotation
/// both the new and the previous secret sign, so a receiver with either one verifies).
pub fn signature_header(secrets: &[&str], id: &str, timestamp: i64, body: &[u8]) -> String {
    secrets
        .iter()
        .filter_map(|secret| sign(secret, id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why a delivery failed verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// The secret is not `whsec_` + base64.
    #[error("the secret is not a whsec_ secret")]
    BadSecret,
    /// `webhook-timestamp` is not a whole number of seconds.
    #[error("webhook-timestamp is not a number")]
    BadTimestamp,
    /// `webhook-timestamp` is too far from now (a replay, or a wrong clock).
    #[error("webhook-timestamp is too old or too far in the future")]
    TimestampOutOfTolerance,
    /// No `v1` signature in the header matches the body.
    #[error("no signature matches")]
    NoMatchingSignature,
}

/// Verifies a delivery as a receiver does: the timestamp is within
/// [`TIMESTAMP_TOLERANCE_SECONDS`] of `now` (unix seconds) and one `v1` signature of the header
/// matches the exact body (compared in constant time).
pub fn verify(
    secret: &str,
    id: &str,
    timestamp: &str,
    signature: &str,
    body: &[u8],
    now: i64,
) -> Result<(), VerifyError> {
    let key = signing_key(secret).ok_or(VerifyError::BadSecret)?;
    let timestamp: i64 = timestamp
        .trim()
        .parse()
        .map_err(|_| VerifyError::BadTimestamp)?;
    if now.abs_diff(timestamp) > TIMESTAMP_TOLERANCE_SECONDS.unsigned_abs() {
        return Err(VerifyError::TimestampOutOfTolerance);
    }
    let matches = signature.split_whitespace().any(|candidate| {
        candidate
            .strip_prefix("v1,")
            .and_then(|tag| STANDARD.decode(tag).ok())
            .is_some_and(|tag| mac(&key, id, timestamp, body).verify_slice(&tag).is_ok())
    });
    matches
        .then_some(())
        .ok_or(VerifyError::NoMatchingSignature)
}

/// Why an address may not be reached, or `None` when it is a public unicast address. Checked on every
/// address a host name resolves to, right before connecting to that same address.
pub fn forbidden_address(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return forbidden_v4(v4);
            }
            let first = v6.segments()[0];
            if v6.is_loopback() {
                Some("a loopback address")
            } else if v6.is_unspecified() {
                Some("the unspecified address")
            } else if v6.is_multicast() {
                Some("a multicast address")
            } else if first & 0xfe00 == 0xfc00 {
                Some("a private (unique local) address")
            } else if first & 0xffc0 == 0xfe80 {
                Some("a link-local address")
            } else if first == 0x2001 && v6.segments()[1] == 0x0db8 {
                Some("a documentation address")
            } else if first == 0x0064 && v6.segments()[1] == 0xff9b {
                // NAT64 (64:ff9b::/96) embeds an IPv4 address in the last 32 bits.
                let [.., a, b] = v6.segments();
                forbidden_v4(Ipv4Addr::from((u32::from(a) << 16) | u32::from(b)))
            } else if v6.segments()[..6] == [0, 0, 0, 0, 0, 0] {
                Some("an IPv4-compatible address")
            } else {
                None
            }
        }
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    if ip.is_loopback() {
        Some("a loopback address")
    } else if ip.is_unspecified() || a == 0 {
        Some("the unspecified address")
    } else if ip.is_link_local() {
        Some("a link-local address (cloud metadata services live there)")
    } else if ip.is_private() {
        Some("a private network address")
    } else if a == 100 && (64..128).contains(&b) {
        Some("a carrier-grade NAT address")
    } else if a == 192 && b == 0 && c == 0 {
        Some("an IETF protocol assignment address")
    } else if ip.is_documentation() || (a == 198 && (b == 18 || b == 19)) {
        Some("a documentation or benchmarking address")
    } else if ip.is_multicast() || ip.is_broadcast() || a >= 240 {
        Some("a multicast, broadcast or reserved address")
    } else {
        None
    }
}

/// A subscription's URL, taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `https` (or `http` when allowed).
    pub https: bool,
    /// The host name or IP address (without brackets).
    pub host: String,
    /// The port (443 or 80 unless given).
    pub port: u16,
    /// The path and query, at least `/`.
    pub path: String,
}

/// Parses and checks a subscription URL: `https://` (or `http://` when `allow_http`), a host, an
/// optional port, no user name or password, no fragment. Literal addresses are checked by
/// [`forbidden_address`] unless `allow_private` (host names are checked when they are resolved).
pub fn parse_url(url: &str, allow_http: bool, allow_private: bool) -> Result<Target, String> {
    if url.len() > 2000 {
        return Err("must be at most 2,000 characters".into());
    }
    let (https, rest) = if let Some(rest) = url.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = url.strip_prefix("http://") {
        if !allow_http {
            return Err("must be an https:// URL".into());
        }
        (false, rest)
    } else {
        return Err(if allow_http {
            "must be an https:// or http:// URL".into()
        } else {
            "must be an https:// URL".into()
        });
    };
    if url.contains('#') || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain a fragment, spaces or control characters".into());
    }
    let (authority, path) = match rest.find(['/', '?']) {
        Some(at) if rest[at..].starts_with('?') => (&rest[..at], format!("/{}", &rest[at..])),
        Some(at) => (&rest[..at], rest[at..].to_owned()),
        None => (rest, "/".to_owned()),
    };
    if authority.contains('@') {
        return Err("must not contain a user name or password".into());
    }
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (host, after) = bracketed
            .split_once(']')
            .ok_or("has an unclosed [ in its host")?;
        (host, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None => {
            if https {
                443
            } else {
                80
            }
        }
        Some(text) => text
            .parse::<u16>()
            .ok()
            .filter(|p| *p > 0)
            .ok_or("has an invalid port")?,
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let valid_name = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    match host.parse::<IpAddr>() {
        Ok(ip) => {
            if let (false, Some(why)) = (allow_private, forbidden_address(ip)) {
                return Err(format!("points at {why}, which webhooks may not reach"));
            }
        }
        Err(_) if !valid_name => return Err("has an invalid host".into()),
        Err(_) => {}
    }
    Ok(Target {
        https,
        host,
        port,
        path,
    })
}

/// The nominal waits before retry 1, 2, …: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 14 h, 20 h, 24 h
/// (about 3.6 days in all; with jitter never less than 3.2 days). After the last retry fails the
/// delivery has failed.
pub const RETRY_SCHEDULE: [Duration; 10] = [
    Duration::from_secs(5),
    Duration::from_secs(5 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(2 * 3600),
    Duration::from_secs(5 * 3600),
    Duration::from_secs(10 * 3600),
    Duration::from_secs(10 * 3600),
    Duration::from_secs(14 * 3600),
    Duration::from_secs(20 * 3600),
    Duration::from_secs(24 * 3600),
];

/// The wait after failed attempt `attempts` (1-based) before the next one, or `None` when it was the
/// last: the schedule's step, scaled by `jitter` (a random number in `[0, 1)`) to between 90 % and
/// 110 % of it, so receivers coming back from an outage are not hit by every retry at once, and
/// divided by `scale` (1 in production; tests compress days into milliseconds).
pub fn retry_delay(attempts: i32, jitter: f64, scale: u32) -> Option<Duration> {
    let step = RETRY_SCHEDULE.get(usize::try_from(attempts).ok()?.checked_sub(1)?)?;
    let factor = 0.9 + 0.2 * jitter.clamp(0.0, 1.0);
    Some(step.mul_f64(factor) / scale.max(1))
}

/// Whose events a subscriber may receive: the same rules as reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The administrator: every event of the program.
    Admin,
    /// One partner: the events about its own data only.
    Partner(PartnerId),
    /// The vendor: vendor-visible (aggregate) events only.
    Vendor,
}

impl Audience {
    /// Whether an event about `partner_id` (`None`: program-level) that is or is not vendor-visible
    /// may reach this audience.
    pub fn sees(self, partner_id: Option<PartnerId>, vendor_visible: bool) -> bool {
        match self {
            Audience::Admin => true,
            Audience::Partner(own) => partner_id == Some(own),
            Audience::Vendor => vendor_visible,
        }
    }
}

/// Every event type a subscription may name, and whether it is program-level (no partner's data:
/// the administrator's and the vendor's, never a partner's) — the same types the change feed lists.
pub const EVENT_TYPES: [(&str, bool); 5] = [
    ("response.completed", false),
    ("response.voided", false),
    ("invitation.delivery_failed", false),
    ("membership.compliance_changed", false),
    ("reporting_period.closed", true),
];

/// `Ok` when `audience` may subscribe to `name` (`*`: every type it may receive); else why not. A
/// partner receives only events about its own data, the vendor only program-level aggregates.
pub fn subscribable(audience: Audience, name: &str) -> Result<(), String> {
    if name == "*" {
        return Ok(());
    }
    let Some((_, program_level)) = EVENT_TYPES.iter().find(|(known, _)| *known == name) else {
        let known: Vec<&str> = EVENT_TYPES.iter().map(|(known, _)| *known).collect();
        return Err(format!(
            "`{name}` is not an event type; use `*` or one of: {}",
            known.join(", ")
        ));
    };
    match (audience, program_level) {
        (Audience::Vendor, false) => Err(format!(
            "the vendor receives aggregate (program-level) events only, not `{name}`"
        )),
        (Audience::Partner(_), true) => Err(format!(
            "`{name}` is a program-level event, for the administrator and the vendor"
        )),
        _ => Ok(()),
    }
}

/// Whether `event_type` is one of the `subscribed` types (`*` subscribes to every type).
pub fn wants(subscribed: &[String], event_type: &str) -> bool {
    subscribed.iter().any(|t| t == "*" || t == event_type)
}

/// Unix seconds of a time, as sent in `webhook-timestamp`.
pub fn unix_seconds(time: chrono::DateTime<chrono::Utc>) -> i64 {
    time.timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    #[test]
    fn signs_like_the_standard_webhooks_reference() {
        // The Standard Webhooks specification's example (msg_p5jXN8AQM9LWM0D4loKWxJek).
        let body = br#"{"test": 2432232314}"#;
        let signature = sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body).unwrap();
        assert_eq!(signature, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assert_eq!(
            verify(
                SECRET,
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "1614265330",
                &signature,
                body,
                1614265330 + 10
            ),
            Ok(())
        );
    }

    #[test]
    fn verification_rejects_a_tampered_body_an_old_timestamp_and_a_wrong_secret() {
        let body = br#"{"id":"e1"}"#;
        let header = signature_header(&[SECRET], "e1", 1_000_000, body);
        let check = |body: &[u8], timestamp: &str, now, secret| {
            verify(secret, "e1", timestamp, &header, body, now)
        };
        assert_eq!(check(body, "1000000", 1_000_000, SECRET), Ok(()));
        assert_eq!(
            check(br#"{"id":"e2"}"#, "1000000", 1_000_000, SECRET),
            Err(VerifyError::NoMatchingSignature)
        );
        assert_eq!(
            check(body, "1000000", 1_000_000 + 301, SECRET),
            Err(VerifyError::TimestampOutOfTolerance)
        );
        assert_eq!(
            check(body, "soon", 1_000_000, SECRET),
            Err(VerifyError::BadTimestamp)
        );
        assert_eq!(
            check(body, &i64::MIN.to_string(), i64::MAX, SECRET),
            Err(VerifyError::TimestampOutOfTolerance)
        );
        let other = new_secret();
        assert_eq!(
            check(body, "1000000", 1_000_000, &other),
            Err(VerifyError::NoMatchingSignature)
        );
        assert_eq!(
            check(body, "1000000", 1_000_000, "whsec_!!"),
            Err(VerifyError::BadSecret)
        );
    }

    #[test]
    fn during_a_rotation_either_secret_verifies() {
        let (old, new) = (new_secret(), new_secret());
        assert!(old.starts_with("whsec_") && signing_key(&old).unwrap().len() == 32);
        let header = signature_header(&[&new, &old], "e1", 5, b"{}");
        assert_eq!(header.split(' ').count(), 2);
        assert_eq!(verify(&old, "e1", "5", &header, b"{}", 5), Ok(()));
        assert_eq!(verify(&new, "e1", "5", &header, b"{}", 5), Ok(()));
    }

    #[test]
    fn the_ssrf_guard_refuses_internal_addresses() {
        for refused in [
            "127.0.0.1",
            "127.255.0.1",
            "0.0.0.0",
            "10.0.0.1",
            "172.16.5.4",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "192.0.2.1",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "255.255.255.255",
            "240.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2001:db8::1",
        ] {
            let ip: IpAddr = refused.parse().unwrap();
            assert!(forbidden_address(ip).is_some(), "{refused} was allowed");
        }
        for allowed in [
            "8.8.8.8",
            "1.1.1.1",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700::1111",
        ] {
            let ip: IpAddr = allowed.parse().unwrap();
            assert_eq!(forbidden_address(ip), None, "{allowed}");
        }
    }

    #[test]
    fn urls_must_be_https_without_credentials_and_not_at_internal_literals() {
        let target = parse_url("https://hooks.example.com/csat?x=1", false, false).unwrap();
        assert_eq!(
            target,
            Target {
                https: true,
                host: "hooks.example.com".into(),
                port: 443,
                path: "/csat?x=1".into()
            }
        );
        assert_eq!(
            parse_url("http://127.0.0.1:8080", true, true).unwrap(),
            Target {
                https: false,
                host: "127.0.0.1".into(),
                port: 8080,
                path: "/".into()
            }
        );
        assert_eq!(
            parse_url("https://[::1]:9/x", false, true).unwrap().host,
            "::1"
        );
        assert!(parse_url("http://hooks.example.com/", false, false)
            .unwrap_err()
            .contains("https://"));
        for refused in [
            "https://127.0.0.1/",
            "https://169.254.169.254/latest/meta-data",
            "https://10.0.0.1/",
            "https://[::1]/",
        ] {
            assert!(
                parse_url(refused, false, false)
                    .unwrap_err()
                    .contains("may not reach"),
                "{refused}"
            );
        }
        for invalid in [
            "ftp://x.example/",
            "https://user:pw@x.example/",
            "https://x.example:0/",
            "https://x.example:99999/",
            "https:///path",
            "https://x.example/#frag",
            "https://bad host/",
            "https://under_score.example/",
        ] {
            assert!(parse_url(invalid, true, true).is_err(), "{invalid}");
        }
    }

    #[test]
    fn retries_span_more_than_three_days_with_bounded_jitter() {
        let total = |jitter: f64| -> Duration {
            (1..=20)
                .map_while(|attempt| retry_delay(attempt, jitter, 1))
                .sum()
        };
        assert!(total(0.0) > Duration::from_secs(3 * 24 * 3600));
        assert!(total(0.999) < Duration::from_secs(4 * 24 * 3600));
        assert_eq!(retry_delay(1, 0.5, 1), Some(Duration::from_secs(5)));
        assert_eq!(retry_delay(0, 0.5, 1), None);
        assert_eq!(retry_delay(11, 0.5, 1), None);
        assert!(retry_delay(2, 0.0, 1).unwrap() >= Duration::from_secs(270));
        assert!(retry_delay(2, 1.0, 1).unwrap() <= Duration::from_secs(330));
        assert_eq!(
            retry_delay(4, 0.5, 3600),
            Some(Duration::from_secs(2)),
            "scaled for tests"
        );
    }

    #[test]
    fn the_subscribable_types_are_the_event_types() {
        let names: Vec<&str> = EVENT_TYPES.iter().map(|(name, _)| *name).collect();
        let events: Vec<&str> = crate::domain::events::EventType::ALL
            .iter()
            .map(|t| t.as_str())
            .collect();
        assert_eq!(names, events);
    }

    #[test]
    fn audiences_see_what_their_role_may_read() {
        let (a, b) = (PartnerId::new(), PartnerId::new());
        assert!(Audience::Admin.sees(Some(a), false));
        assert!(Audience::Admin.sees(None, false));
        assert!(Audience::Partner(a).sees(Some(a), false));
        assert!(!Audience::Partner(a).sees(Some(b), true));
        assert!(!Audience::Partner(a).sees(None, true));
        assert!(Audience::Vendor.sees(Some(a), true));
        assert!(!Audience::Vendor.sees(Some(a), false));
        assert!(wants(&["*".into()], "membership.compliance_changed"));
        assert!(!wants(
            &["response.completed".into()],
            "membership.compliance_changed"
        ));
        assert!(subscribable(Audience::Vendor, "reporting_period.closed").is_ok());
        assert!(subscribable(Audience::Vendor, "response.completed")
            .unwrap_err()
            .contains("aggregate"));
        assert!(subscribable(Audience::Partner(a), "reporting_period.closed").is_err());
        assert!(subscribable(Audience::Partner(a), "membership.compliance_changed").is_ok());
        assert!(subscribable(Audience::Admin, "response.created")
            .unwrap_err()
            .contains("not an event type"));
    }
}
