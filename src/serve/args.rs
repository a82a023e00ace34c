//! The arguments of `tenantcheck serve` (clap derive). They live with the server so that the command line depends on
//! the server and not the other way round.

use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The TCP port on 127.0.0.1; 0 picks any free port (the first line on stdout names it).
    #[arg(long, value_name = "N", default_value_t = 8080)]
    pub port: u16,

    /// The SQLite file holding accounts, tenants and idempotency keys (created on first start). Several servers may
    /// share one file: every write is one `BEGIN IMMEDIATE` transaction.
    #[arg(long, value_name = "FILE", default_value = "tenantcheck.sqlite")]
    pub db: PathBuf,

    /// The partner configuration per account (JSON, the shape of examples/stand-in-settings.json). Default: the
    /// built-in settings, the same as that file.
    #[arg(long, value_name = "FILE")]
    pub settings: Option<PathBuf>,

    /// The folder holding index.html, web/pkg and web/static.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// How long an idempotency key and its stored answer live (api.md: at least 30 days): a number and a unit,
    /// `s`, `m`, `h` or `d`.
    #[arg(long, value_name = "DURATION", default_value = "30d", value_parser = parse_duration)]
    pub key_lifetime: Duration,

    /// Seconds a client has to send a request's headers; then the connection is closed.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: u64,

    /// Seconds a request (its body included) may take; then it is answered 503 `request_timeout`.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub request_timeout: u64,

    /// Another origin this server is reached at (repeatable), e.g. a gateway in front of it: its `Host` and `Origin`
    /// are accepted besides 127.0.0.1 and localhost with the served port.
    #[arg(long = "origin", value_name = "URL")]
    pub origins: Vec<String>,

    /// Enable the test routes under /__test/ (fault injection, the list of stored accounts). Off by default.
    #[arg(long)]
    pub test_hooks: bool,
}

/// Reads `30d`, `12h`, `15m`, `90s`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let n: u64 = number.parse().map_err(|_| format!("{s:?}: a number and a unit (s, m, h, d), e.g. 30d"))?;
    let seconds = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("{s:?}: the unit is s, m, h or d, e.g. 30d")),
    };
    if n == 0 {
        return Err(format!("{s:?}: a key must live longer than 0"));
    }
    n.checked_mul(seconds).map(Duration::from_secs).ok_or_else(|| format!("{s:?}: too long"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30d"), Ok(Duration::from_secs(30 * 86_400)));
        assert_eq!(parse_duration("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert!(parse_duration("30").is_err());
        assert!(parse_duration("0d").is_err());
        assert!(parse_duration("d").is_err());
        assert!(parse_duration("1w").is_err());
    }
}
