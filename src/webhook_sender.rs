//! The webhook sender port and its HTTP/1.1 implementation: one `POST` per attempt over a fresh
//! connection (TLS through rustls for `https://`), with a connect and a total timeout, to an address
//! the SSRF guard checked after resolving the host itself (the connection goes to that very address,
//! so DNS cannot answer differently in between). Redirects are not followed: a `3xx` is a failed
//! attempt like any other non-`2xx` answer.

use std::{
    io::{Read, Write},
    net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs},
    sync::Arc,
    time::{Duration, Instant},
};

use crate::{
    config::WebhookSettings,
    domain::webhooks::{forbidden_address, parse_url, Target},
};

/// One webhook request: the subscription's URL, the extra headers and the JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookRequest {
    /// The subscription's URL.
    pub url: String,
    /// `webhook-id`, `webhook-timestamp`, `webhook-signature`.
    pub headers: Vec<(String, String)>,
    /// The JSON body.
    pub body: Vec<u8>,
}

/// Why an attempt got no HTTP status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// The URL or the address it resolves to may not be reached (the SSRF guard) or is invalid.
    #[error("refused: {0}")]
    Refused(String),
    /// Resolving, connecting, TLS, writing or reading failed, or a timeout passed.
    #[error("{0}")]
    Failed(String),
}

/// The webhook port: sends one request and returns the HTTP status of the answer.
#[cfg_attr(test, mockall::automock)]
pub trait WebhookSender: Send + Sync {
    /// Sends `request` once.
    fn send(&self, request: &WebhookRequest) -> Result<u16, SendError>;
}

/// The HTTP/1.1 sender.
pub struct HttpSender {
    settings: WebhookSettings,
    tls: Arc<rustls::ClientConfig>,
}

impl HttpSender {
    /// A sender with these timeouts and address rules, trusting the Mozilla root certificates.
    pub fn new(settings: WebhookSettings) -> Self {
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
        HttpSender {
            settings,
            tls: Arc::new(tls),
        }
    }

    /// Tries up to [`MAX_ADDRESSES`] of the checked addresses in turn, each for the connect timeout
    /// or what is left until `deadline`, whichever is shorter.
    fn connect(
        &self,
        host: &str,
        addresses: &[SocketAddr],
        deadline: Instant,
    ) -> Result<TcpStream, SendError> {
        let mut last = None;
        for address in addresses.iter().take(MAX_ADDRESSES) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(SendError::Failed(format!("timed out connecting to {host}")));
            }
            match TcpStream::connect_timeout(address, self.settings.connect_timeout.min(left)) {
                Ok(stream) => return Ok(stream),
                Err(e) => last = Some(format!("cannot connect to {host}: {e}")),
            }
        }
        Err(SendError::Failed(last.unwrap_or_default()))
    }
}

/// How many of a host's addresses one attempt tries to connect to.
const MAX_ADDRESSES: usize = 3;

impl WebhookSender for HttpSender {
    fn send(&self, request: &WebhookRequest) -> Result<u16, SendError> {
        let started = Instant::now();
        let target = parse_url(
            &request.url,
            self.settings.allow_http,
            self.settings.allow_private_networks,
        )
        .map_err(|why| SendError::Refused(format!("the URL {why}")))?;
        let addresses = resolve(&target, self.settings.allow_private_networks)?;
        let deadline = started + self.settings.timeout;
        let stream = self.connect(&target.host, &addresses, deadline)?;
        let message = http_request(&target, request);
        if target.https {
            let name = rustls::pki_types::ServerName::try_from(target.host.clone())
                .map_err(|e| SendError::Refused(format!("invalid TLS server name: {e}")))?;
            let connection = rustls::ClientConnection::new(self.tls.clone(), name)
                .map_err(|e| SendError::Failed(format!("TLS: {e}")))?;
            exchange(
                rustls::StreamOwned::new(connection, stream),
                &message,
                deadline,
                |s| &s.sock,
            )
        } else {
            exchange(stream, &message, deadline, |s| s)
        }
    }
}

/// The addresses of the target, each checked by the SSRF guard (unless `allow_private`); refused
/// when any of them is internal.
fn resolve(target: &Target, allow_private: bool) -> Result<Vec<SocketAddr>, SendError> {
    let addresses: Vec<SocketAddr> = match target.host.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, target.port)],
        Err(_) => (target.host.as_str(), target.port)
            .to_socket_addrs()
            .map_err(|e| SendError::Failed(format!("cannot resolve {}: {e}", target.host)))?
            .collect(),
    };
    if addresses.is_empty() {
        return Err(SendError::Failed(format!(
            "{} has no addresses",
            target.host
        )));
    }
    if !allow_private {
        for address in &addresses {
            if let Some(why) = forbidden_address(address.ip()) {
                tracing::warn!(host = %target.host, ip = %address.ip(), why, "webhook URL refused");
                return Err(SendError::Refused(format!(
                    "{} resolves to a non-public address, which webhooks may not reach",
                    target.host
                )));
            }
        }
    }
    Ok(addresses)
}

/// Why a subscription URL may not be used under `settings`, checked when it is subscribed: its form,
/// its scheme, and the addresses its host resolves to now (a host that does not resolve yet is let
/// through; every delivery checks again).
pub fn check_destination(url: &str, settings: &WebhookSettings) -> Result<(), String> {
    let target = parse_url(url, settings.allow_http, settings.allow_private_networks)?;
    match resolve(&target, settings.allow_private_networks) {
        Err(SendError::Refused(why)) => Err(why),
        _ => Ok(()),
    }
}

/// The request bytes: the status line, headers and body.
fn http_request(target: &Target, request: &WebhookRequest) -> Vec<u8> {
    let host = match (target.host.contains(':'), target.https, target.port) {
        (true, _, port) => format!("[{}]:{port}", target.host),
        (false, true, 443) | (false, false, 80) => target.host.clone(),
        (false, _, port) => format!("{}:{port}", target.host),
    };
    let mut head = format!(
        "POST {} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: csat-index-webhooks/1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        target.path,
        request.body.len()
    );
    for (name, value) in &request.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&request.body);
    bytes
}

/// Writes the request and reads the status line, each step bounded by what is left until `deadline`.
fn exchange<S: Read + Write>(
    mut stream: S,
    message: &[u8],
    deadline: Instant,
    socket: impl Fn(&S) -> &TcpStream,
) -> Result<u16, SendError> {
    let left = || {
        deadline
            .checked_duration_since(Instant::now())
            .filter(|d| !d.is_zero())
            .ok_or_else(|| SendError::Failed("timed out".into()))
    };
    let timed = |stream: &S| -> Result<(), SendError> {
        let left = left()?.max(Duration::from_millis(1));
        let socket = socket(stream);
        socket
            .set_write_timeout(Some(left))
            .and_then(|()| socket.set_read_timeout(Some(left)))
            .map_err(|e| SendError::Failed(e.to_string()))
    };
    timed(&stream)?;
    stream
        .write_all(message)
        .and_then(|()| stream.flush())
        .map_err(|e| SendError::Failed(format!("cannot send the request: {e}")))?;
    let mut head = Vec::new();
    let mut chunk = [0u8; 1024];
    while !head.windows(2).any(|w| w == b"\r\n") {
        if head.len() > 8192 {
            return Err(SendError::Failed("the answer has no status line".into()));
        }
        timed(&stream)?;
        let read = stream.read(&mut chunk).map_err(|e| {
            SendError::Failed(match e.kind() {
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
                    "timed out waiting for the answer".to_owned()
                }
                _ => format!("cannot read the answer: {e}"),
            })
        })?;
        if read == 0 {
            return Err(SendError::Failed(
                "the connection closed before an answer".into(),
            ));
        }
        head.extend_from_slice(&chunk[..read]);
    }
    let line = String::from_utf8_lossy(&head);
    let mut words = line.split_whitespace();
    match (
        words.next(),
        words.next().and_then(|c| c.parse::<u16>().ok()),
    ) {
        (Some(version), Some(code)) if version.starts_with("HTTP/1.") => Ok(code),
        _ => Err(SendError::Failed("the answer is not HTTP/1.x".into())),
    }
}

#[cfg(test)]
mod tests {
    use std::net::TcpListener;

    use super::*;

    fn request(url: &str) -> WebhookRequest {
        WebhookRequest {
            url: url.into(),
            headers: vec![("webhook-id".into(), "e1".into())],
            body: br#"{"a":1}"#.to_vec(),
        }
    }

    fn loopback_allowed() -> HttpSender {
        HttpSender::new(WebhookSettings {
            allow_http: true,
            allow_private_networks: true,
            timeout: Duration::from_millis(500),
            ..WebhookSettings::default()
        })
    }

    #[test]
    fn posts_the_body_and_headers_and_returns_the_status() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let (mut socket, _) = listener.accept().unwrap();
            let mut seen = Vec::new();
            let mut chunk = [0u8; 4096];
            while !String::from_utf8_lossy(&seen).contains("{\"a\":1}") {
                let n = socket.read(&mut chunk).unwrap();
                seen.extend_from_slice(&chunk[..n]);
            }
            socket
                .write_all(b"HTTP/1.1 204 No Content\r\n\r\n")
                .unwrap();
            String::from_utf8(seen).unwrap()
        });
        let status = loopback_allowed()
            .send(&request(&format!("http://127.0.0.1:{port}/hook?x=1")))
            .unwrap();
        assert_eq!(status, 204);
        let seen = server.join().unwrap();
        assert!(seen.starts_with("POST /hook?x=1 HTTP/1.1\r\n"), "{seen}");
        assert!(seen.contains(&format!("Host: 127.0.0.1:{port}\r\n")));
        assert!(seen.contains("webhook-id: e1\r\n"));
        assert!(seen.contains("Content-Length: 7\r\n"));
    }

    #[test]
    fn a_silent_receiver_times_out() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let started = Instant::now();
        let error = loopback_allowed()
            .send(&request(&format!("http://127.0.0.1:{port}/")))
            .unwrap_err();
        drop(listener);
        assert!(
            matches!(error, SendError::Failed(ref m) if m.contains("timed out")),
            "{error}"
        );
        assert!(started.elapsed() < Duration::from_secs(3));
    }

    #[test]
    fn the_guard_refuses_internal_addresses_after_resolving() {
        let guarded = HttpSender::new(WebhookSettings {
            allow_http: true,
            ..WebhookSettings::default()
        });
        for url in [
            "http://127.0.0.1:9/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "http://localhost:9/",
        ] {
            let error = guarded.send(&request(url)).unwrap_err();
            assert!(
                matches!(error, SendError::Refused(ref m) if m.contains("may not reach")),
                "{url}: {error}"
            );
        }
        let error = guarded.send(&request("http://localhost:9/")).unwrap_err();
        assert_eq!(
            error,
            SendError::Refused(
                "localhost resolves to a non-public address, which webhooks may not reach".into()
            ),
            "the resolved address stays out of what a caller reads"
        );
    }
}
