//! What a host lends the core when the core is built without its own Unicode tables, pattern engine and country
//! names (features `nfkc`, `regex`, `idna` and `names` off): the WebAssembly builds borrow the browser's
//! `String.prototype.normalize` (NFKC for code-like fields, NFC for free text: `rules.md` section 0), `RegExp`, `URL`
//! and `Intl.DisplayNames` (see `js_host`), which keeps about 160 KB (gzip) out of the module; without `nfkc` the
//! Unicode letter and digit classes come from the host too (2 KB of tables). The core stays pure: a host installs
//! plain functions once, at start.

use crate::sync::OnceLock;
use alloc::{borrow::ToOwned, string::String};

/// The services a host lends.
#[derive(Debug, Clone, Copy)]
pub struct Host {
    /// Unicode NFKC (UAX #15) of a text.
    pub nfkc: fn(&str) -> String,
    /// Unicode NFC (UAX #15, canonical composition only) of a text: free text gets no more (section 0).
    pub nfc: fn(&str) -> String,
    /// Compiles an anchored pattern; returns a handle for [`Host::is_match`], or the engine's error.
    pub compile: fn(&str) -> Result<u32, String>,
    /// Whether a compiled pattern matches the whole text.
    pub is_match: fn(u32, &str) -> bool,
    /// Unicode `Alphabetic` and `Numeric` (`char::is_alphabetic`, `char::is_numeric`) of a non-ASCII character.
    pub is_alphabetic: fn(char) -> bool,
    pub is_numeric: fn(char) -> bool,
    /// UTS 46 ToASCII of a host name as WHATWG URL does it (non-transitional), or `None` when it fails; the caller
    /// has checked that the name holds no ASCII character but `a-z 0-9 - .` (`rules::hostname`).
    pub to_ascii: fn(&str) -> Option<String>,
    /// The English short name of a region by its ISO 3166-1 code, from CLDR (`Intl.DisplayNames`), or `None`.
    pub region_name: fn(&str) -> Option<String>,
}

static HOST: OnceLock<Host> = OnceLock::new();

/// Installs the host's services; the first call wins (later calls are ignored and return false).
pub fn install(host: Host) -> bool {
    HOST.set(host).is_ok()
}

/// NFKC through the host. Without a host, only the fold that matters most is applied: full-width ASCII forms
/// (U+FF01–U+FF5E) to ASCII and the ideographic space to a space.
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn nfkc(text: &str) -> String {
    match HOST.get() {
        Some(h) => (h.nfkc)(text),
        None => text
            .chars()
            .map(|c| match c {
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                '\u{3000}' => ' ',
                c => c,
            })
            .collect(),
    }
}

/// NFC through the host. Without a host the text is kept as it is (free text is then compared and stored as typed,
/// which changes no one's data).
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn nfc(text: &str) -> String {
    match HOST.get() {
        Some(h) => (h.nfc)(text),
        None => text.to_owned(),
    }
}

/// Unicode `Alphabetic` through the host; without one, every non-ASCII character counts as a letter (lenient: no rule
/// rejects a name for it).
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn is_alphabetic(c: char) -> bool {
    HOST.get().is_none_or(|h| (h.is_alphabetic)(c))
}

/// Unicode `Numeric` through the host; without one, no non-ASCII character counts as a digit.
#[cfg_attr(feature = "nfkc", allow(dead_code))]
pub(crate) fn is_numeric(c: char) -> bool {
    HOST.get().is_some_and(|h| (h.is_numeric)(c))
}

/// UTS 46 ToASCII through the host; without one, no internationalized name is accepted.
#[cfg_attr(feature = "idna", allow(dead_code))]
pub(crate) fn to_ascii(host: &str) -> Option<String> {
    HOST.get().and_then(|h| (h.to_ascii)(host))
}

#[cfg_attr(feature = "regex", allow(dead_code))]
pub(crate) fn compile(pattern: &str) -> Result<u32, String> {
    match HOST.get() {
        Some(h) => (h.compile)(pattern),
        None => Err("no pattern engine: the host has not installed one".to_owned()),
    }
}

#[cfg_attr(feature = "regex", allow(dead_code))]
pub(crate) fn is_match(id: u32, text: &str) -> bool {
    HOST.get().is_some_and(|h| (h.is_match)(id, text))
}

/// A country's English name through the host (`countries::names`); without one, `None` (the code is shown).
#[cfg_attr(feature = "names", allow(dead_code))]
pub(crate) fn region_name(code: &str) -> Option<String> {
    HOST.get().and_then(|h| (h.region_name)(code))
}

/// What a host lends for messages in a language other than English ([`crate::catalog`]): in a JavaScript engine,
/// `Intl.PluralRules` and `Intl.DisplayNames`, which hold CLDR's plural rules and region names for every language,
/// so the package ships none. Installed apart from [`Host`] (by [`install_locales`]), by a host that fills messages
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

static LOCALES: OnceLock<Locales> = OnceLock::new();

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
