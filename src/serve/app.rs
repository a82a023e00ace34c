//! What every request may use: the settings, the validator, the store, the page, this start's CSRF token, the served
//! origin and the test hooks.

use crate::serve::{db, faults, page, settings};
use std::path::PathBuf;
use std::time::Duration;
use tenantcheck_core::Validator;

/// The application's state, shared by every request.
#[derive(Debug)]
pub struct App {
    pub settings: settings::Settings,
    pub validator: Validator,
    pub db: db::Db,
    pub page: page::Page,
    /// The CSRF token of this start: in the page's `<meta>`, required on every PUT and test-hook POST.
    pub csrf: String,
    /// Where `index.html` and `web/` are.
    pub root: PathBuf,
    /// The served origin: the port the server listens on (`Host` and `Origin` must name it).
    pub port: u16,
    /// More `host:port` names this server answers to (`--origin`, e.g. a gateway in front of it), lower case.
    pub more_hosts: Vec<String>,
    /// How long an idempotency key lives.
    pub key_lifetime: Duration,
    /// `Some` with `--test-hooks` only.
    pub faults: Option<faults::Faults>,
}

impl App {
    /// The `Host` header values this server answers: `127.0.0.1` and `localhost` with its port (and without it on
    /// port 80, where browsers leave it out). Anything else is a name that resolves here by accident or by DNS
    /// rebinding.
    pub fn is_own_host(&self, host: &str) -> bool {
        let host = host.trim();
        if self.more_hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            return true;
        }
        let (name, port) = match host.rsplit_once(':') {
            Some((name, port)) => (name, port.parse::<u16>().ok()),
            None => (host, (self.port == 80).then_some(80)),
        };
        port == Some(self.port) && (name == "127.0.0.1" || name.eq_ignore_ascii_case("localhost"))
    }

    /// Whether an `Origin` header names this server (`http://` and an own host; `--origin` names may be `https://`).
    pub fn is_own_origin(&self, origin: &str) -> bool {
        let host = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"));
        host.is_some_and(|host| !host.contains('/') && self.is_own_host(host))
    }
}

/// The `host:port` of an `--origin` URL (`http://127.0.0.1:9000`, `https://bss.example`): lower case, with the
/// scheme's default port left out as browsers leave it out of `Host`.
pub fn origin_host(url: &str) -> Result<String, String> {
    let bad = || format!("--origin {url:?}: an origin is http:// or https:// and a host, e.g. http://127.0.0.1:9000");
    let (scheme, rest) = url.trim().split_once("://").ok_or_else(bad)?;
    let host = rest.strip_suffix('/').unwrap_or(rest).to_ascii_lowercase();
    if host.is_empty() || host.contains(['/', '@', '?', '#', ' ']) {
        return Err(bad());
    }
    match scheme {
        "http" => Ok(host.strip_suffix(":80").map(str::to_owned).unwrap_or(host)),
        "https" => Ok(host.strip_suffix(":443").map(str::to_owned).unwrap_or(host)),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(port: u16, more: &[&str]) -> App {
        App {
            settings: settings::Settings::built_in(),
            validator: Validator::new(),
            db: db::Db::memory([]).unwrap(),
            page: page::Page::parse(r#"<meta name="csrf-token" content=""><form id="tenantcheck-form">"#).unwrap(),
            csrf: "t".into(),
            root: PathBuf::new(),
            port,
            more_hosts: more.iter().map(|o| origin_host(o).unwrap()).collect(),
            key_lifetime: Duration::from_secs(1),
            faults: None,
        }
    }

    #[test]
    fn own_hosts_and_origins() {
        let a = app(8080, &["http://127.0.0.1:9000/"]);
        for ok in ["127.0.0.1:8080", "localhost:8080", "LocalHost:8080", "127.0.0.1:9000"] {
            assert!(a.is_own_host(ok), "{ok}");
        }
        for bad in ["evil.example:8080", "127.0.0.1:8081", "127.0.0.1", "localhost", "127.0.0.1:8080.evil", ""] {
            assert!(!a.is_own_host(bad), "{bad}");
        }
        assert!(a.is_own_origin("http://localhost:8080"));
        assert!(!a.is_own_origin("http://evil.example:8080"));
        assert!(!a.is_own_origin("null"));
        assert!(!a.is_own_origin("http://127.0.0.1:8080/x"));
        assert!(app(80, &[]).is_own_host("localhost"));
        assert_eq!(origin_host("https://BSS.example:443").unwrap(), "bss.example");
        assert!(origin_host("ftp://x").is_err());
        assert!(origin_host("http://").is_err());
    }
}
