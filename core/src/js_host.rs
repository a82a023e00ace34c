//! The [`crate::host`] services a JavaScript engine lends a WebAssembly build (feature `js-host`): NFKC and NFC through
//! `String.prototype.normalize`, patterns through `RegExp`, host names through `URL`, letters and digits through
//! `\p{…}` classes, country names through `Intl.DisplayNames`. Both the npm package (`wasm`) and the browser host
//! (`web/`) call [`install`] at start; a host that speaks other languages also calls [`install_locales`] (plural
//! rules and names in any language: [`crate::host::Locales`]). Only this module and `wasm` know of JS.

use alloc::{borrow::ToOwned, string::String, vec::Vec};
use core::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::*;

pub(crate) mod js;
mod locales;

pub use locales::install_locales;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = RegExp)]
    #[derive(Clone)]
    type JsRegExp;
    /// `new RegExp(pattern)`, catching the `SyntaxError` of a bad pattern.
    #[wasm_bindgen(catch, constructor, js_class = "RegExp")]
    fn new(pattern: &str) -> Result<JsRegExp, JsValue>;
    #[wasm_bindgen(catch, constructor, js_class = "RegExp")]
    fn new_with_flags(pattern: &str, flags: &str) -> Result<JsRegExp, JsValue>;
    #[wasm_bindgen(method)]
    fn test(this: &JsRegExp, text: &str) -> bool;

    #[wasm_bindgen(js_name = URL)]
    type JsUrl;
    /// `new URL(url)`, catching the `TypeError` of a URL the engine refuses.
    #[wasm_bindgen(catch, constructor, js_class = "URL")]
    fn new(url: &str) -> Result<JsUrl, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn hostname(this: &JsUrl) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type JsDisplayNames;
    /// `new Intl.DisplayNames(locales, options)`, catching what an engine without it throws.
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DisplayNames")]
    fn new(locales: &str, options: &JsValue) -> Result<JsDisplayNames, JsValue>;
    /// `displayNames.of(code)`, catching the `RangeError` of a malformed code.
    #[wasm_bindgen(catch, method)]
    fn of(this: &JsDisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// `\p{Alphabetic}` and `\p{N}` (Unicode `Numeric`), for one character; made on first use. Thread-locals here are
    /// initialized as constants: in single-threaded WebAssembly they are then plain statics.
    static CLASSES: OnceCell<[Option<JsRegExp>; 2]> = const { OnceCell::new() };
    /// Compiled patterns by handle. wasm32 runs one thread; patterns live as long as the module (the embedded
    /// table's are compiled once; each `setCountryRules` adds at most two per country).
    static PATTERNS: RefCell<Vec<JsRegExp>> = const { RefCell::new(Vec::new()) };
}

fn nfkc(text: &str) -> String {
    js::normalize(text, "NFKC")
}

fn nfc(text: &str) -> String {
    js::normalize(text, "NFC")
}

fn compile(pattern: &str) -> Result<u32, String> {
    let re = JsRegExp::new(pattern).map_err(|e| {
        e.dyn_into::<js::Error>().ok().and_then(|e| e.message().as_string()).unwrap_or_else(|| "not a pattern".into())
    })?;
    // No JS runs while the list is borrowed (`is_match` takes its pattern out first), so this borrow always succeeds;
    // were it ever taken, the pattern would be refused rather than the module stopped.
    PATTERNS.with(|cell| {
        let mut p = cell.try_borrow_mut().map_err(|_| "the pattern list is in use".to_owned())?;
        p.push(re);
        u32::try_from(p.len() - 1).map_err(|_| "too many patterns".to_owned())
    })
}

fn is_match(id: u32, text: &str) -> bool {
    // Taken out of the list before it runs: a page's own `RegExp` code could call back in and compile a pattern.
    let re = PATTERNS.with_borrow(|p| p.get(id as usize).cloned());
    re.is_some_and(|re| re.test(text))
}

/// UTS 46 ToASCII by the engine's URL parser (WHATWG URL, "domain to ASCII": non-transitional, CheckBidi and
/// CheckJoiners as the engine implements them). `rules::hostname` has left only `a-z 0-9 - .` and non-ASCII in `host`,
/// so the URL holds no port, path, user or percent-escape, and its last label is no number (no IPv4 parsing).
fn to_ascii(host: &str) -> Option<String> {
    JsUrl::new(&crate::text::concat(&["http://", host, "/"])).ok().map(|url| url.hostname())
}

/// The English (CLDR) name of a region, by the engine's `Intl.DisplayNames` (`countries::names`): the names of
/// [`install_locales`] in English (one formatter kept for both).
fn region_name(code: &str) -> Option<String> {
    locales::region_name("en", code)
}

fn in_class(which: usize, c: char) -> bool {
    CLASSES.with(|classes| {
        if classes.get().is_none() {
            // Made outside `get_or_init`, whose closure must not be re-entered: JS runs here.
            let made = [
                JsRegExp::new_with_flags("^\\p{Alphabetic}$", "u").ok(),
                JsRegExp::new_with_flags("^\\p{N}$", "u").ok(),
            ];
            let _ = classes.set(made);
        }
        let re = classes.get().and_then(|classes| classes[which].as_ref());
        re.is_some_and(|re| re.test(c.encode_utf8(&mut [0; 4])))
    })
}

fn is_alphabetic(c: char) -> bool {
    in_class(0, c)
}

fn is_numeric(c: char) -> bool {
    in_class(1, c)
}

/// Lends the JavaScript engine's NFKC, NFC, `RegExp`, Unicode classes, `URL` and region names to the core. Idempotent.
pub fn install() {
    crate::host::install(crate::host::Host {
        nfkc,
        nfc,
        compile,
        is_match,
        is_alphabetic,
        is_numeric,
        to_ascii,
        region_name,
    });
}
