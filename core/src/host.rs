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

use alloc::{borrow::ToOwned, string::String};
use core::cell::Cell;

/// The services a host (the npm package's glue, the browser host) lends the core: named `Lent` so that "host"
/// keeps naming the programs around the core (the browser host, the native host), not this table. Each catches what the engine throws, reports it with [`failed`] and answers the strict
/// way given below; none throws.
#[derive(Debug, Clone, Copy)]
pub struct Lent {
    /// Unicode NFKC (UAX #15) of a text; on a failure, the text as it is.
    pub nfkc: fn(&str) -> String,
    /// Unicode NFC (UAX #15, canonical composition only) of a text: free text gets no more (section 0). On a
    /// failure, the text as it is.
    pub nfc: fn(&str) -> String,
    /// Compiles an anchored pattern; returns a handle for [`Lent::is_match`], or the engine's error.
    pub compile: fn(&str) -> Result<u32, String>,
    /// Whether a compiled pattern matches the whole text; on a failure, false.
    pub is_match: fn(u32, &str) -> bool,
    /// Frees a compiled pattern (its [`crate::pattern::Pattern`] is dropped: country rules were replaced); the handle
    /// may be given out again.
    pub free: fn(u32),
    /// Unicode `Alphabetic` and `Numeric` (`char::is_alphabetic`, `char::is_numeric`) of a non-ASCII character; on
    /// a failure, true (no rule rejects a name for it) and false.
    pub is_alphabetic: fn(char) -> bool,
    pub is_numeric: fn(char) -> bool,
    /// UTS 46 ToASCII of a host name as WHATWG URL does it (non-transitional), or `None` when it fails (also when
    /// the engine throws: no internationalized name is then accepted, the strict answer); the caller has checked that
    /// the name holds no ASCII character but `a-z 0-9 - .` (`rules::hostname`).
    pub to_ascii: fn(&str) -> Option<String>,
    /// The English short name of a region by its ISO 3166-1 code, from CLDR (`Intl.DisplayNames`), or `None` (also
    /// when the engine fails: the code is shown instead, which changes no verdict).
    pub region_name: fn(&str) -> Option<String>,
}

static LENT: crate::sync::OnceLock<Lent> = crate::sync::OnceLock::new();

thread_local! {
    /// The service that failed first since [`take_failure`] last ran (a constant initializer: a plain static in
    /// WebAssembly).
    static FAILED: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// Installs the lent services; the first call wins (later calls are ignored and return false).
pub fn install(lent: Lent) -> bool {
    LENT.set(lent).is_ok()
}

/// The service that failed first since the last call (the validation reports it as `request.host_failed`); clears it.
pub fn take_failure() -> Option<&'static str> {
    FAILED.with(Cell::take)
}

/// Records that `service` failed (the first failure since [`take_failure`] is kept): a host calls it when the
/// engine threw.
#[inline(never)]
pub fn failed(service: &'static str) {
    FAILED.with(|f| f.set(Some(f.get().unwrap_or(service))));
}

/// What no host means: the service failed (a binding that never called `install`).
const NO_HOST: &str = "no host";

/// The host; without one, `None`, recorded as a failure.
fn host() -> Option<&'static Lent> {
    let host = LENT.get();
    if host.is_none() {
        failed(NO_HOST);
    }
    host
}

/// NFKC through the host; without one, the text as it is.
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn nfkc(text: &str) -> String {
    host().map_or_else(|| text.to_owned(), |h| (h.nfkc)(text))
}

/// NFC through the host; without one, the text as it is.
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn nfc(text: &str) -> String {
    host().map_or_else(|| text.to_owned(), |h| (h.nfc)(text))
}

/// Unicode `Alphabetic` through the host; without one, every non-ASCII character counts as a letter.
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn is_alphabetic(c: char) -> bool {
    host().is_none_or(|h| (h.is_alphabetic)(c))
}

/// Unicode `Numeric` through the host; without one, no non-ASCII character counts as a digit.
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn is_numeric(c: char) -> bool {
    host().is_some_and(|h| (h.is_numeric)(c))
}

/// UTS 46 ToASCII through the host; without one, no internationalized name is accepted.
#[cfg_attr(feature = "idna", allow(dead_code))]
pub(crate) fn to_ascii(name: &str) -> Option<String> {
    host().and_then(|h| (h.to_ascii)(name))
}

/// Compiles a pattern through the host. Without a host, the failure is recorded too: a country's pattern that does
/// not compile must not leave its postcodes unchecked.
#[cfg_attr(feature = "regex", allow(dead_code))]
pub(crate) fn compile(pattern: &str) -> Result<u32, String> {
    match LENT.get() {
        Some(h) => (h.compile)(pattern),
        None => {
            failed(NO_HOST);
            Err(NO_HOST.to_owned())
        }
    }
}

/// Whether a compiled pattern matches through the host; without one, it does not.
#[cfg_attr(feature = "regex", allow(dead_code))]
pub(crate) fn is_match(id: u32, text: &str) -> bool {
    host().is_some_and(|h| (h.is_match)(id, text))
}

/// Frees a compiled pattern.
#[cfg_attr(feature = "regex", allow(dead_code))]
pub(crate) fn free(id: u32) {
    if let Some(h) = LENT.get() {
        (h.free)(id);
    }
}

/// A country's English name through the host (`countries::names`); without one, `None` (the code is shown).
#[cfg_attr(feature = "names", allow(dead_code))]
pub(crate) fn region_name(code: &str) -> Option<String> {
    LENT.get().and_then(|h| (h.region_name)(code))
}

/// What a host lends for messages in a language other than English ([`crate::catalog`]): in a JavaScript engine,
/// `Intl.PluralRules` and `Intl.DisplayNames`, which hold CLDR's plural rules and region names for every language,
/// so the package ships none. Installed apart from [`Lent`] (by [`install_locales`]), by a host that fills messages
/// from a catalog; the native builds have their own (`catalog::plural`, `catalog::region_names`).
#[derive(Debug, Clone, Copy)]
pub struct Locales {
    /// The CLDR plural category (`zero`, `one`, `two`, `few`, `many` or `other`) of a whole number in a language
    /// (a BCP 47 tag): `new Intl.PluralRules(locale).select(n)`; `None` where the host has no rules for it.
    pub plural_category: fn(locale: &str, n: i64) -> Option<&'static str>,
    /// A region's name in a language by its ISO 3166-1 code (CLDR):
    /// `new Intl.DisplayNames([locale], { type: 'region' }).of(code)`; `None` where the host has none.
    pub region_name: fn(locale: &str, code: &str) -> Option<String>,
}

static LOCALES: crate::sync::OnceLock<Locales> = crate::sync::OnceLock::new();

/// Installs the host's plural rules and region names; the first call wins (later calls return false).
pub fn install_locales(locales: Locales) -> bool {
    LOCALES.set(locales).is_ok()
}

/// A number's plural category in a language through the host, if one is installed.
#[cfg(feature = "catalog")]
pub(crate) fn plural_category(locale: &str, n: i64) -> Option<&'static str> {
    LOCALES.get().and_then(|l| (l.plural_category)(locale, n))
}

/// A region's name in a language through the host, if one is installed (messages and `countries::picker`).
pub(crate) fn region_name_in(locale: &str, code: &str) -> Option<String> {
    LOCALES.get().and_then(|l| (l.region_name)(locale, code)).filter(|n| !n.is_empty())
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
        let Some(service) = take_failure() else { panic!("no failure recorded") };
        assert_eq!(service, NO_HOST);
        assert_eq!(take_failure(), None, "taken once");
        assert!(!is_match(0, "12345"));
        assert_eq!(nfkc("ＡＢ"), "ＡＢ");
        assert_eq!(to_ascii("bücher.example"), None);
        assert_eq!(take_failure(), Some(NO_HOST));
    }
}
