//! The [`crate::host`] services a JavaScript engine lends a WebAssembly build (feature `js-host`): NFKC and NFC through
//! `String.prototype.normalize`, patterns through `RegExp`, letters and digits through `\p{…}` classes. Both the npm
//! package (`wasm`) and the browser host (`web/`) call [`install`] at start. Only this module and `wasm` know of JS.

use std::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::*;

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
    js_sys::JsString::from(text).normalize("NFKC").into()
}

fn nfc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}

fn compile(pattern: &str) -> Result<u32, String> {
    let re = JsRegExp::new(pattern).map_err(|e| {
        e.dyn_into::<js_sys::Error>()
            .ok()
            .and_then(|e| e.message().as_string())
            .unwrap_or_else(|| "not a pattern".into())
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

/// Lends the JavaScript engine's NFKC, NFC, `RegExp` and Unicode classes to the core. Idempotent.
pub fn install() {
    crate::host::install(crate::host::Host { nfkc, nfc, compile, is_match, is_alphabetic, is_numeric });
}
