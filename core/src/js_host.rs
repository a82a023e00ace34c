//! The [`crate::host`] services a JavaScript engine lends a WebAssembly build (feature `js-host`): NFKC through
//! `String.prototype.normalize`, patterns through `RegExp`, letters and digits through `\p{…}` classes. Both the npm
//! package (`core/wasm`) and the browser host (`web/`) call [`install`] at start. Only this module and the bindings
//! know of JS.
//!
//! Every call into JS catches what it throws (a page may patch `RegExp.prototype.test` or
//! `String.prototype.normalize`): no exception ever unwinds through Rust frames, which would skip their clean-up and,
//! after enough calls, leave the module's memory broken. The first failure is kept for [`take_failure`], so that a
//! binding turns it into an error result instead of a verdict made without the engine.

use std::cell::{Cell, OnceCell, RefCell};
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
    #[wasm_bindgen(catch, method)]
    fn test(this: &JsRegExp, text: &str) -> Result<bool, JsValue>;
    /// A JS string, for `String.prototype.normalize`.
    #[wasm_bindgen(js_name = String)]
    type JsText;
    #[wasm_bindgen(catch, method)]
    fn normalize(this: &JsText, form: &str) -> Result<String, JsValue>;
}

thread_local! {
    /// `\p{Alphabetic}` and `\p{N}` (Unicode `Numeric`), for one character; made on first use. Thread-locals here are
    /// initialized as constants: in single-threaded WebAssembly they are then plain statics.
    static CLASSES: OnceCell<[Option<JsRegExp>; 2]> = const { OnceCell::new() };
    /// Compiled patterns by handle; a freed handle's slot is reused. wasm32 runs one thread.
    static PATTERNS: RefCell<Vec<Option<JsRegExp>>> = const { RefCell::new(Vec::new()) };
    /// Whether a call into JS threw since the last [`take_failure`].
    static FAILED: Cell<bool> = const { Cell::new(false) };
}

/// Whether a call into the JavaScript engine threw since the last call (and forgets it): the verdicts made since
/// then are not to be trusted.
pub fn take_failure() -> bool {
    FAILED.replace(false)
}

/// The value of a call into JS, or `fallback` after noting that it threw.
fn caught<T>(result: Result<T, JsValue>, fallback: T) -> T {
    result.unwrap_or_else(|_| {
        FAILED.set(true);
        fallback
    })
}

fn nfkc(text: &str) -> String {
    caught(JsValue::from_str(text).unchecked_into::<JsText>().normalize("NFKC"), text.to_owned())
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
        let at = match p.iter().position(Option::is_none) {
            Some(at) => {
                p[at] = Some(re);
                at
            }
            None => {
                p.push(Some(re));
                p.len() - 1
            }
        };
        u32::try_from(at).map_err(|_| "too many patterns".to_owned())
    })
}

fn free(id: u32) {
    PATTERNS.with(|cell| {
        if let Some(slot) = cell.try_borrow_mut().ok().as_mut().and_then(|p| p.get_mut(id as usize)) {
            *slot = None;
        }
    });
}

/// How many compiled patterns are alive (for the tests that prove replaced rules free theirs).
pub fn live_patterns() -> usize {
    PATTERNS.with_borrow(|p| p.iter().filter(|p| p.is_some()).count())
}

fn is_match(id: u32, text: &str) -> bool {
    // Taken out of the list before it runs: a page's own `RegExp` code could call back in and compile a pattern.
    let re = PATTERNS.with_borrow(|p| p.get(id as usize).cloned().flatten());
    re.is_some_and(|re| caught(re.test(text), false))
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
        re.is_some_and(|re| caught(re.test(c.encode_utf8(&mut [0; 4])), false))
    })
}

fn is_alphabetic(c: char) -> bool {
    in_class(0, c)
}

fn is_numeric(c: char) -> bool {
    in_class(1, c)
}

/// Lends the JavaScript engine's NFKC, `RegExp` and Unicode classes to the core. Idempotent.
pub fn install() {
    crate::host::install(crate::host::Host { nfkc, compile, is_match, is_alphabetic, is_numeric, free });
}
