//! What a host lends the core when the core is built without its own Unicode tables, pattern engine and country
//! names (features `nfkc`, `regex`, `idna` and `names` off): the WebAssembly builds borrow the browser's
//! `String.prototype.normalize` (NFKC for code-like fields, NFC for free text: `rules.md` section 0), `RegExp`, `URL`
//! and `Intl.DisplayNames` (see `js_host`), which keeps about 160 KB (gzip) out of the module; without `nfkc` the
//! Unicode letter and digit classes come from the host too (2 KB of tables). The core stays pure: a host installs
//! plain functions once, at start.
//!
//! Fail loudly (issue 10): a lent service can fail (a page's own code may patch `RegExp.prototype.test` so that it
//! throws), and a build may lack the host altogether. Neither may silently change a verdict: every failure, and every
//! call made without a host, is recorded here, the call answers the strict way (no pattern matches, no text is
//! changed), and the validation that made it reports `request.host_failed` on the record ([`take_failure`],
//! `validate.rs`). A host catches what its services throw: nothing unwinds through the core's frames.

use crate::rules::request::RequestReason;
use alloc::{borrow::ToOwned, string::String};
use core::cell::RefCell;

/// Why a lent service gave no answer: the service, and what it threw (the exception's `message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub service: &'static str,
    pub detail: String,
}

/// The services a host lends. Each returns a [`Failure`] rather than throwing.
#[derive(Debug, Clone, Copy)]
pub struct Host {
    /// Unicode NFKC (UAX #15) of a text.
    pub nfkc: fn(&str) -> Result<String, Failure>,
    /// Unicode NFC (UAX #15, canonical composition only) of a text: free text gets no more (section 0).
    pub nfc: fn(&str) -> Result<String, Failure>,
    /// Compiles an anchored pattern; returns a handle for [`Host::is_match`], or the engine's error.
    pub compile: fn(&str) -> Result<u32, String>,
    /// Whether a compiled pattern matches the whole text.
    pub is_match: fn(u32, &str) -> Result<bool, Failure>,
    /// Frees a compiled pattern (its [`crate::pattern::Pattern`] is dropped: country rules were replaced); the handle
    /// may be given out again.
    pub free: fn(u32),
    /// Unicode `Alphabetic` and `Numeric` (`char::is_alphabetic`, `char::is_numeric`) of a non-ASCII character.
    pub is_alphabetic: fn(char) -> Result<bool, Failure>,
    pub is_numeric: fn(char) -> Result<bool, Failure>,
    /// UTS 46 ToASCII of a host name as WHATWG URL does it (non-transitional), or `None` when it fails; the caller
    /// has checked that the name holds no ASCII character but `a-z 0-9 - .` (`rules::hostname`).
    pub to_ascii: fn(&str) -> Result<Option<String>, Failure>,
    /// The English short name of a region by its ISO 3166-1 code, from CLDR (`Intl.DisplayNames`), or `None` (also
    /// when the engine fails: the code is shown instead, which changes no verdict).
    pub region_name: fn(&str) -> Option<String>,
}

static HOST: crate::sync::OnceLock<Host> = crate::sync::OnceLock::new();

thread_local! {
    /// The first failure since [`take_failure`] last ran (a constant initializer: a plain static in WebAssembly).
    static FAILED: RefCell<Option<Failure>> = const { RefCell::new(None) };
}

/// Installs the host's services; the first call wins (later calls are ignored and return false).
pub fn install(host: Host) -> bool {
    HOST.set(host).is_ok()
}

/// The first failure since the last call, as the reason `request.host_failed`; clears it.
pub fn take_failure() -> Option<RequestReason> {
    let failure = FAILED.with(|f| f.try_borrow_mut().ok()?.take())?;
    Some(RequestReason::HostFailed { service: failure.service, detail: failure.detail })
}

/// Records a failure (the first one since [`take_failure`] is kept).
fn failed(failure: Failure) {
    FAILED.with(|f| {
        if let Ok(mut f) = f.try_borrow_mut() {
            f.get_or_insert(failure);
        }
    });
}

/// The answer of a lent service, or `otherwise` (recording why) when it failed or no host is installed.
fn lent<T>(call: impl FnOnce(&Host) -> Result<T, Failure>, otherwise: impl FnOnce() -> T) -> T {
    let failure = match HOST.get() {
        Some(h) => match call(h) {
            Ok(answer) => return answer,
            Err(failure) => failure,
        },
        None => missing(),
    };
    failed(failure);
    otherwise()
}

/// The failure of a build that lacks its host (a binding that never called `install`).
fn missing() -> Failure {
    Failure { service: "host", detail: "no host is installed to lend it RegExp, NFKC and URL".to_owned() }
}

/// NFKC through the host; on a failure, the text as it is.
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn nfkc(text: &str) -> String {
    lent(|h| (h.nfkc)(text), || text.to_owned())
}

/// NFC through the host; on a failure, the text as it is.
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn nfc(text: &str) -> String {
    lent(|h| (h.nfc)(text), || text.to_owned())
}

/// Unicode `Alphabetic` through the host; on a failure, every non-ASCII character counts as a letter (no rule
/// rejects a name for it; the failure is reported).
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn is_alphabetic(c: char) -> bool {
    lent(|h| (h.is_alphabetic)(c), || true)
}

/// Unicode `Numeric` through the host; on a failure, no non-ASCII character counts as a digit.
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn is_numeric(c: char) -> bool {
    lent(|h| (h.is_numeric)(c), || false)
}

/// UTS 46 ToASCII through the host; on a failure, no internationalized name is accepted.
#[cfg_attr(feature = "idna", allow(dead_code))]
pub(crate) fn to_ascii(host: &str) -> Option<String> {
    lent(|h| (h.to_ascii)(host), || None)
}

/// Compiles a pattern through the host. Without a host, the failure is recorded too: a country's pattern that does
/// not compile must not leave its postcodes unchecked.
#[cfg_attr(feature = "regex", allow(dead_code))]
pub(crate) fn compile(pattern: &str) -> Result<u32, String> {
    match HOST.get() {
        Some(h) => (h.compile)(pattern),
        None => {
            let failure = missing();
            let detail = failure.detail.clone();
            failed(failure);
            Err(detail)
        }
    }
}

/// Whether a compiled pattern matches through the host; on a failure, it does not.
#[cfg_attr(feature = "regex", allow(dead_code))]
pub(crate) fn is_match(id: u32, text: &str) -> bool {
    lent(|h| (h.is_match)(id, text), || false)
}

/// Frees a compiled pattern.
#[cfg_attr(feature = "regex", allow(dead_code))]
pub(crate) fn free(id: u32) {
    if let Some(h) = HOST.get() {
        (h.free)(id);
    }
}

/// A country's English name through the host (`countries::names`); without one, `None` (the code is shown).
#[cfg_attr(feature = "names", allow(dead_code))]
pub(crate) fn region_name(code: &str) -> Option<String> {
    HOST.get().and_then(|h| (h.region_name)(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Natively no host is installed: every lent service then fails loudly (the answer is the strict one, and the
    /// failure is reported once), never silently accepts.
    #[test]
    fn without_a_host_every_service_fails_loudly() {
        assert_eq!(take_failure(), None);
        assert!(compile("^(?:\\d{5})$").is_err());
        let Some(RequestReason::HostFailed { service, .. }) = take_failure() else { panic!("no failure recorded") };
        assert_eq!(service, "host");
        assert_eq!(take_failure(), None, "taken once");
        assert!(!is_match(0, "12345"));
        assert_eq!(nfkc("ＡＢ"), "ＡＢ");
        assert_eq!(to_ascii("bücher.example"), None);
        assert!(take_failure().is_some());
    }
}
