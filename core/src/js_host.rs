//! The [`crate::host`] services a JavaScript engine lends a WebAssembly build (feature `js-host`): NFKC and NFC through
//! `String.prototype.normalize`, patterns through `RegExp`, host names through `URL`, letters and digits through
//! `\p{…}` classes, country names through `Intl.DisplayNames`. Both the npm package (`wasm`) and the browser host
//! (`web/`) call [`install`] at start; a host that speaks other languages also calls [`install_locales`] (plural
//! rules and names in any language: [`crate::host::Locales`]). Only this module and `wasm` know of JS.
//!
//! Every call that can run a page's own code (a patched `RegExp.prototype.test` or `String.prototype.normalize`) is a
//! `catch` import: what it throws is reported to [`crate::host::failed`], never unwinds through the core's frames
//! (issue 10: 100,000 such throws once left the module dead, "memory access out of bounds").

use crate::host::failed;
use alloc::{borrow::ToOwned, string::String, vec::Vec};
use core::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::*;

pub(crate) mod js;
mod locales;
/// The npm package's crossing (its JS reader and writer); the browser host reads its form's fields itself.
#[cfg(feature = "wasm")]
pub(crate) mod value;

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
    /// `regExp.test(text)`, catching what a page's own `RegExp.prototype.test` throws.
    #[wasm_bindgen(catch, method)]
    fn test(this: &JsRegExp, text: &str) -> Result<bool, JsValue>;

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
    /// Compiled patterns by handle; `None` where one was freed (its slot is given out again). wasm32 runs one
    /// thread. The embedded table's patterns are compiled once and live as long as the module; those of run-time
    /// rules are freed when the rules are replaced (`pattern::Lent`).
    static PATTERNS: RefCell<Vec<Option<JsRegExp>>> = const { RefCell::new(Vec::new()) };
}

fn nfkc(text: &str) -> String {
    normalize(text, "NFKC")
}

fn nfc(text: &str) -> String {
    normalize(text, "NFC")
}

fn normalize(text: &str, form: &str) -> String {
    js::normalize(text, form).unwrap_or_else(|_| {
        failed("normalize");
        text.to_owned()
    })
}

/// `re.test(text)`; when it throws, no match, recorded as a failure.
fn tested(re: &JsRegExp, text: &str) -> bool {
    re.test(text).unwrap_or_else(|_| {
        failed("RegExp");
        false
    })
}

fn compile(pattern: &str) -> Result<u32, String> {
    let re = JsRegExp::new(pattern).map_err(|e| {
        e.dyn_into::<js::Error>().ok().and_then(|e| e.message().as_string()).unwrap_or_else(|| "not a pattern".into())
    })?;
    // No JS runs while the list is borrowed (`is_match` takes its pattern out first, `free` drops it after), so the
    // borrow always succeeds. A freed slot is given out again.
    Ok(PATTERNS.with_borrow_mut(|p| {
        let at = p.iter().position(Option::is_none).unwrap_or(p.len());
        if at == p.len() {
            p.push(None);
        }
        if let Some(slot) = p.get_mut(at) {
            *slot = Some(re);
        }
        at as u32 // wasm32: a `usize` is 32 bits
    }))
}

fn is_match(id: u32, text: &str) -> bool {
    // Taken out of the list before it runs: a page's own `RegExp` code could call back in and compile a pattern.
    let re = PATTERNS.with_borrow(|p| p.get(id as usize).and_then(Option::as_ref).cloned());
    // A freed pattern is never asked for.
    re.is_some_and(|re| tested(&re, text))
}

/// Drops a pattern: its `RegExp` is released to the engine's garbage collector.
fn free(id: u32) {
    // Taken out of the list before it is dropped (dropping a JS value calls into the glue, never into a page's code:
    // no export can run while the list is borrowed).
    let re = PATTERNS.with_borrow_mut(|p| p.get_mut(id as usize).and_then(Option::take));
    drop(re);
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
        // An engine without `\p{…}`: no class (non-ASCII letters then count as none: the strict answer).
        re.is_some_and(|re| tested(re, c.encode_utf8(&mut [0; 4])))
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
    crate::host::install(crate::host::Lent {
        nfkc,
        nfc,
        compile,
        is_match,
        free,
        is_alphabetic,
        is_numeric,
        to_ascii,
        region_name,
    });
}
