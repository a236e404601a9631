//! JWT verification, roles, the authenticated [`Principal`], and access policies ([`policy`]): a handler
//! reaches its caller only through a [`Caller`] that names what it needs.

pub mod policy;

use std::{collections::HashMap, io::Write, path::Path, sync::Mutex};

use actix_web::{web, HttpMessage, HttpRequest};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
pub use policy::{
    AdminOnly, AnyRole, Caller, Capability, ContactReader, PartnerOrAdmin, ProgramReader,
    RecordReader, Visibility,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    config::{ConfigError, JwtConfig, JwtKey},
    error::{ApiError, ApiResult},
    AppState,
};

/// A caller's role (DESIGN §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The program administrator: everything.
    Admin,
    /// One partner organization: only its own objects.
    Partner,
    /// The vendor: read-only, aggregates only, never contacts.
    Vendor,
}

/// `aud` as a single string or a list, as identity providers emit either.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    /// One audience.
    One(String),
    /// Several audiences.
    Many(Vec<String>),
}

/// The claims this API reads from and writes to a JWT.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// Subject: who is calling (a user or a service account).
    pub sub: String,
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: Audience,
    /// Expiry, seconds since the Unix epoch (a fraction, which RFC 7519 allows, is dropped).
    #[serde(deserialize_with = "numeric_date")]
    pub exp: i64,
    /// Issued at, seconds since the Unix epoch (a fraction is dropped).
    #[serde(
        default,
        deserialize_with = "optional_numeric_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub iat: Option<i64>,
    /// The caller's role.
    pub role: Role,
    /// The partner a `partner` token acts for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<Uuid>,
}

/// A JWT NumericDate: whole or fractional seconds since the Unix epoch, as whole seconds.
fn numeric_date<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    let seconds = f64::deserialize(deserializer)?;
    if seconds.is_finite() && seconds.abs() < 1e15 {
        Ok(seconds.floor() as i64)
    } else {
        Err(serde::de::Error::custom(
            "a NumericDate must be a number of seconds",
        ))
    }
}

fn optional_numeric_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    numeric_date(deserializer).map(Some)
}

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The token's `sub`.
    pub subject: String,
    /// The role.
    pub role: Role,
    /// The partner of a `partner` principal.
    pub partner_id: Option<Uuid>,
}

impl Principal {
    /// A short stable key of this caller (used to scope idempotency keys).
    pub fn key(&self) -> String {
        format!(
            "{:?}:{}:{}",
            self.role,
            self.partner_id.map(|p| p.to_string()).unwrap_or_default(),
            self.subject
        )
    }
}

/// How many verified tokens [`Verifier`] remembers.
pub const TOKEN_CACHE_SIZE: usize = 10_000;

/// Tokens that verified, by the SHA-256 of the token (never the token itself), with their principal
/// and `exp`: a bounded cache so a client that sends the same token on every request pays for its
/// signature and claims checks once. An entry is served only before its token's `exp` (the leeway
/// is never extended to cached tokens).
#[derive(Debug)]
pub struct TokenCache {
    capacity: usize,
    entries: Mutex<HashMap<[u8; 32], (Principal, i64)>>,
}

impl TokenCache {
    /// An empty cache of at most `capacity` tokens.
    pub fn new(capacity: usize) -> Self {
        TokenCache {
            capacity,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The cache key of a token.
    pub fn key(token: &str) -> [u8; 32] {
        Sha256::digest(token.as_bytes()).into()
    }

    /// The principal of a remembered token whose `exp` lies after `now` (seconds since the epoch);
    /// an expired entry is dropped.
    pub fn get(&self, key: &[u8; 32], now: i64) -> Option<Principal> {
        let mut entries = self.lock();
        match entries.get(key) {
            Some((principal, exp)) if now < *exp => Some(principal.clone()),
            Some(_) => {
                entries.remove(key);
                None
            }
            None => None,
        }
    }

    /// Remembers a verified token until its `exp`. When the cache is full, expired entries go first,
    /// and if none has expired, all of them (the cache refills from the next requests).
    pub fn insert(&self, key: [u8; 32], principal: Principal, exp: i64, now: i64) {
        if exp <= now || self.capacity == 0 {
            return;
        }
        let mut entries = self.lock();
        if entries.len() >= self.capacity && !entries.contains_key(&key) {
            entries.retain(|_, (_, exp)| now < *exp);
            if entries.len() >= self.capacity {
                entries.clear();
            }
        }
        entries.insert(key, (principal, exp));
    }

    /// How many tokens are remembered.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no token is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<[u8; 32], (Principal, i64)>> {
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Verifies bearer tokens (and, with a shared secret, issues development tokens); remembers the
/// tokens that verified in a [`TokenCache`].
pub struct Verifier {
    decoding: DecodingKey,
    encoding: Option<EncodingKey>,
    validation: Validation,
    issuer: String,
    audience: String,
    cache: TokenCache,
}

impl Verifier {
    /// Builds a verifier from settings; in development mode this creates or reads the secret file.
    pub fn from_config(config: &JwtConfig) -> Result<Self, ConfigError> {
        let pem_error = |e: jsonwebtoken::errors::Error| {
            ConfigError(format!("CSAT_JWT_PUBLIC_KEY is not a valid PEM key: {e}"))
        };
        let (algorithm, decoding, encoding) = match &config.key {
            JwtKey::Secret(secret) => (
                Algorithm::HS256,
                DecodingKey::from_secret(secret),
                Some(EncodingKey::from_secret(secret)),
            ),
            JwtKey::Development(path) => {
                let secret = load_or_create_dev_secret(path).map_err(|e| {
                    ConfigError(format!(
                        "cannot use the development secret file {}: {e}",
                        path.display()
                    ))
                })?;
                (
                    Algorithm::HS256,
                    DecodingKey::from_secret(&secret),
                    Some(EncodingKey::from_secret(&secret)),
                )
            }
            JwtKey::RsaPublicKeyPem(pem) => (
                Algorithm::RS256,
                DecodingKey::from_rsa_pem(pem).map_err(pem_error)?,
                None,
            ),
            JwtKey::EcPublicKeyPem(pem) => (
                Algorithm::ES256,
                DecodingKey::from_ec_pem(pem).map_err(pem_error)?,
                None,
            ),
        };
        let mut validation = Validation::new(algorithm);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.set_issuer(&[&config.issuer]);
        validation.set_audience(&[&config.audience]);
        validation.leeway = config.leeway_seconds;
        validation.validate_nbf = true;
        Ok(Verifier {
            decoding,
            encoding,
            validation,
            issuer: config.issuer.clone(),
            audience: config.audience.clone(),
            cache: TokenCache::new(TOKEN_CACHE_SIZE),
        })
    }

    /// Verifies a bearer token and returns its principal; a token that verified before and has not
    /// reached its `exp` is answered from the cache.
    pub fn verify(&self, token: &str) -> ApiResult<Principal> {
        let key = TokenCache::key(token);
        let now = i64::try_from(jsonwebtoken::get_current_timestamp()).unwrap_or(i64::MAX);
        if let Some(principal) = self.cache.get(&key, now) {
            return Ok(principal);
        }
        let (principal, exp) = self.verify_signed(token)?;
        self.cache.insert(key, principal.clone(), exp, now);
        Ok(principal)
    }

    /// The verified tokens remembered.
    pub fn cache(&self) -> &TokenCache {
        &self.cache
    }

    /// Checks a token's signature and claims: its principal and `exp`.
    fn verify_signed(&self, token: &str) -> ApiResult<(Principal, i64)> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|e| {
                ApiError::Unauthorized(format!(
                    "the bearer token was rejected: {}",
                    describe_jwt_error(&e)
                ))
            })?;
        let claims = data.claims;
        let latest_issue = jsonwebtoken::get_current_timestamp() + self.validation.leeway;
        if claims
            .iat
            .is_some_and(|iat| iat > i64::try_from(latest_issue).unwrap_or(i64::MAX))
        {
            return Err(ApiError::Unauthorized(
                "the bearer token was rejected: its `iat` lies in the future".into(),
            ));
        }
        if claims.sub.trim().is_empty() {
            return Err(ApiError::Unauthorized(
                "the bearer token was rejected: `sub` is empty".into(),
            ));
        }
        match (claims.role, claims.partner_id) {
            (Role::Partner, None) => Err(ApiError::Unauthorized(
                "a partner token must carry a `partner_id` claim".into(),
            )),
            (role, partner_id) => Ok((
                Principal {
                    subject: claims.sub,
                    role,
                    partner_id: if role == Role::Partner {
                        partner_id
                    } else {
                        None
                    },
                },
                claims.exp,
            )),
        }
    }

    /// Issues a token signed with the configured shared secret (development and tests).
    pub fn issue(
        &self,
        role: Role,
        partner_id: Option<Uuid>,
        subject: &str,
        now: i64,
        ttl_seconds: i64,
    ) -> Result<String, ConfigError> {
        let key = self.encoding.as_ref().ok_or_else(|| {
            ConfigError("tokens can only be issued with a shared secret (CSAT_JWT_SECRET or development mode)".into())
        })?;
        let claims = Claims {
            sub: subject.to_owned(),
            iss: self.issuer.clone(),
            aud: Audience::One(self.audience.clone()),
            exp: now + ttl_seconds,
            iat: Some(now),
            role,
            partner_id,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, key)
            .map_err(|e| ConfigError(format!("cannot sign token: {e}")))
    }
}

fn describe_jwt_error(error: &jsonwebtoken::errors::Error) -> String {
    use jsonwebtoken::errors::ErrorKind;
    match error.kind() {
        ErrorKind::ExpiredSignature => "it has expired".into(),
        ErrorKind::InvalidSignature => "its signature does not verify".into(),
        ErrorKind::InvalidAlgorithm => {
            "it is signed with an algorithm this server does not accept".into()
        }
        ErrorKind::InvalidIssuer => "its `iss` is not the expected issuer".into(),
        ErrorKind::InvalidAudience => "its `aud` is not this API".into(),
        ErrorKind::MissingRequiredClaim(claim) => {
            format!("the required claim `{claim}` is missing")
        }
        ErrorKind::Json(e) => format!("its claims are malformed ({e})"),
        ErrorKind::ImmatureSignature => "it is not valid yet".into(),
        ErrorKind::InvalidClaimFormat(claim) => format!("its `{claim}` claim is malformed"),
        _ => "it is not a well-formed JWT".into(),
    }
}

/// Reads the development secret, or creates one (32 random bytes, hex, file mode 0600).
pub fn load_or_create_dev_secret(path: &Path) -> std::io::Result<Vec<u8>> {
    match std::fs::read_to_string(path) {
        Ok(text) if text.trim().len() >= 64 => return Ok(text.trim().as_bytes().to_vec()),
        Ok(_) => {
            return Err(std::io::Error::other(
                "the file exists but holds no usable secret; delete it to create a new one",
            ))
        }
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        Err(_) => {}
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    let secret: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    options.open(path)?.write_all(secret.as_bytes())?;
    Ok(secret.into_bytes())
}

/// The bearer token of a request, if any.
pub fn bearer_token(req: &HttpRequest) -> ApiResult<&str> {
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .ok_or_else(|| {
            ApiError::Unauthorized(
                "this operation needs an `Authorization: Bearer <JWT>` header".into(),
            )
        })?;
    let value = header
        .to_str()
        .map_err(|_| ApiError::Unauthorized("the Authorization header is not valid text".into()))?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(token.trim())
        }
        _ => Err(ApiError::Unauthorized(
            "the Authorization header must be `Bearer <JWT>`".into(),
        )),
    }
}

/// Authenticates a request against the app's verifier, once: the principal is kept with the request,
/// so middleware and the handler's extractor share one verification.
pub fn authenticate(req: &HttpRequest) -> ApiResult<Principal> {
    if let Some(known) = req.extensions().get::<Principal>() {
        return Ok(known.clone());
    }
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Internal("AppState is not registered".into()))?;
    let principal = state.verifier.verify(bearer_token(req)?)?;
    req.extensions_mut().insert(principal.clone());
    Ok(principal)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ES256_PRIVATE: &str = include_str!("../../tests/fixtures/es256-private.pem");
    const ES256_PUBLIC: &str = include_str!("../../tests/fixtures/es256-public.pem");
    const RS256_PRIVATE: &str = include_str!("../../tests/fixtures/rs256-private.pem");
    const RS256_PUBLIC: &str = include_str!("../../tests/fixtures/rs256-public.pem");

    fn config(key: JwtKey) -> JwtConfig {
        JwtConfig {
            key,
            issuer: "iss".into(),
            audience: "aud".into(),
            leeway_seconds: 0,
        }
    }

    fn claims(role: Role, partner_id: Option<Uuid>) -> Claims {
        Claims {
            sub: "someone".into(),
            iss: "iss".into(),
            aud: Audience::One("aud".into()),
            exp: chrono::Utc::now().timestamp() + 60,
            iat: None,
            role,
            partner_id,
        }
    }

    fn sign(algorithm: Algorithm, key: &EncodingKey, claims: &Claims) -> String {
        jsonwebtoken::encode(&Header::new(algorithm), claims, key).unwrap()
    }

    #[test]
    fn public_key_verifiers_accept_their_algorithm_and_refuse_hmac_confusion() {
        for (key, algorithm, private, public) in [
            (
                JwtKey::EcPublicKeyPem(ES256_PUBLIC.into()),
                Algorithm::ES256,
                EncodingKey::from_ec_pem(ES256_PRIVATE.as_bytes()).unwrap(),
                ES256_PUBLIC,
            ),
            (
                JwtKey::RsaPublicKeyPem(RS256_PUBLIC.into()),
                Algorithm::RS256,
                EncodingKey::from_rsa_pem(RS256_PRIVATE.as_bytes()).unwrap(),
                RS256_PUBLIC,
            ),
        ] {
            let verifier = Verifier::from_config(&config(key)).unwrap();
            let partner = Uuid::new_v4();
            let principal = verifier
                .verify(&sign(
                    algorithm,
                    &private,
                    &claims(Role::Partner, Some(partner)),
                ))
                .unwrap();
            assert_eq!(
                principal,
                Principal {
                    subject: "someone".into(),
                    role: Role::Partner,
                    partner_id: Some(partner)
                }
            );

            // The public key used as an HMAC secret must not verify (algorithm confusion).
            let forged = sign(
                Algorithm::HS256,
                &EncodingKey::from_secret(public.as_bytes()),
                &claims(Role::Admin, None),
            );
            assert!(matches!(
                verifier.verify(&forged),
                Err(ApiError::Unauthorized(_))
            ));
            assert!(
                verifier.issue(Role::Admin, None, "x", 0, 60).is_err(),
                "no signing without a shared secret"
            );
        }
    }

    #[test]
    fn issued_development_tokens_verify_and_non_partner_roles_drop_partner_id() {
        let verifier = Verifier::from_config(&config(JwtKey::Secret(vec![7; 32]))).unwrap();
        let now = chrono::Utc::now().timestamp();
        let token = verifier
            .issue(Role::Vendor, Some(Uuid::new_v4()), "ops", now, 60)
            .unwrap();
        assert_eq!(
            verifier.verify(&token).unwrap(),
            Principal {
                subject: "ops".into(),
                role: Role::Vendor,
                partner_id: None
            }
        );
        let expired = verifier
            .issue(Role::Admin, None, "ops", now - 3600, 60)
            .unwrap();
        assert!(verifier.verify(&expired).is_err());
    }

    fn principal(subject: &str) -> Principal {
        Principal {
            subject: subject.into(),
            role: Role::Admin,
            partner_id: None,
        }
    }

    #[test]
    fn cached_tokens_are_served_only_before_their_exp() {
        let cache = TokenCache::new(10);
        let key = TokenCache::key("a.b.c");
        cache.insert(key, principal("ops"), 1_000, 900);
        assert_eq!(cache.get(&key, 999), Some(principal("ops")));
        assert_eq!(cache.get(&key, 1_000), None, "not at its exp");
        assert!(cache.is_empty(), "the expired entry is dropped");
        cache.insert(key, principal("ops"), 1_000, 1_000);
        assert!(
            cache.is_empty(),
            "a token at or past its exp is never remembered"
        );
        assert_eq!(cache.get(&TokenCache::key("other"), 0), None);
    }

    #[test]
    fn the_token_cache_is_bounded_and_drops_expired_entries_first() {
        let cache = TokenCache::new(3);
        for (n, exp) in [(0, 150), (1, 500), (2, 500)] {
            cache.insert(TokenCache::key(&n.to_string()), principal("x"), exp, 100);
        }
        cache.insert(TokenCache::key("3"), principal("x"), 500, 200);
        assert_eq!(cache.len(), 3, "the expired entry made room");
        assert!(cache.get(&TokenCache::key("1"), 200).is_some());
        cache.insert(TokenCache::key("4"), principal("x"), 500, 200);
        assert!(cache.len() <= 3, "{} entries", cache.len());
        assert!(cache.get(&TokenCache::key("4"), 200).is_some());
    }

    #[test]
    fn the_verifier_remembers_only_tokens_that_verify() {
        let verifier = Verifier::from_config(&config(JwtKey::Secret(vec![7; 32]))).unwrap();
        let now = chrono::Utc::now().timestamp();
        let token = verifier.issue(Role::Admin, None, "ops", now, 60).unwrap();
        let first = verifier.verify(&token).unwrap();
        assert_eq!(verifier.cache().len(), 1);
        assert_eq!(verifier.verify(&token).unwrap(), first);
        assert_eq!(verifier.cache().len(), 1);

        // A token with another signature is checked, not looked up by its claims.
        let (head, _) = token.rsplit_once('.').unwrap();
        let forged = format!("{head}.{}", "A".repeat(43));
        assert!(verifier.verify(&forged).is_err());
        let expired = verifier
            .issue(Role::Admin, None, "ops", now - 3600, 60)
            .unwrap();
        assert!(verifier.verify(&expired).is_err());
        assert_eq!(
            verifier.cache().len(),
            1,
            "refused tokens are not remembered"
        );
    }

    #[test]
    fn development_secret_is_created_once_with_owner_only_permissions() {
        let dir = std::env::temp_dir().join(format!("csat-dev-secret-{}", Uuid::new_v4()));
        let path = dir.join(crate::config::DEV_SECRET_FILE);
        let first = load_or_create_dev_secret(&path).unwrap();
        assert_eq!(first.len(), 64);
        assert_eq!(load_or_create_dev_secret(&path).unwrap(), first);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
