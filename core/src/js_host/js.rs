//! The JavaScript built-ins the core calls beyond those [`crate::js_host`] lends it (`RegExp`, `URL`,
//! `Intl.DisplayNames`), declared here as wasm-bindgen imports: `Array` (made and read), `Object.keys`/`values`,
//! `Reflect.get`, `JSON.parse`, `Error` (made, `message` read) and `String.prototype.normalize`.
//!
//! Not from js-sys: the binding uses a dozen of its thousands of declarations, and js-sys 0.3.107 links code of its
//! own into every module that depends on it (its JSPI task functions, exported unconditionally, with `core::fmt`'s
//! padding behind them: 3 KB of the npm package; `docs/npm-package.md`, "Size"). Each import below declares what
//! js-sys declares for the same built-in (ECMAScript's names and signatures), so the calls are the same calls. Reads
//! that can run a page's own code (a getter, a proxy's trap) are marked `catch`: what they throw is returned, never
//! thrown through the module.

use alloc::{string::String, vec::Vec};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JS array made or read here.
    #[wasm_bindgen(js_name = Array)]
    pub type Array;
    /// `new Array()`: an empty array.
    #[wasm_bindgen(constructor, js_class = "Array")]
    pub fn new() -> Array;
    /// `array.push(value)`: appends one item (returns the new length).
    #[wasm_bindgen(method)]
    pub fn push(this: &Array, value: &JsValue) -> u32;

    /// `Array.from(value)` (`Array::from`, as a `Vec`): a list's items, holes as `undefined`; a proxy or getter may
    /// throw.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    pub fn from(value: &JsValue) -> Result<Vec<JsValue>, JsValue>;
    /// `Array.isArray` (`Array::is_array`), which throws on a revoked proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    pub fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `ArrayBuffer.isView`: typed arrays and data views.
    #[wasm_bindgen(js_namespace = ArrayBuffer, js_name = isView)]
    pub fn is_view(value: &JsValue) -> bool;

    /// A plain JS object made here.
    #[wasm_bindgen(js_name = Object)]
    pub type Object;
    /// `new Object()`: an empty plain object.
    #[wasm_bindgen(constructor, js_class = "Object")]
    pub fn new() -> Object;
    /// `Object.keys(object)` (`Object::keys`): own enumerable string keys; a proxy may throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    pub fn keys(object: &JsValue) -> Result<Vec<JsValue>, JsValue>;
    /// `Object.values(object)` (`Object::values`), in the order of `Object.keys`; a getter or proxy may throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = values)]
    pub fn values(object: &JsValue) -> Result<Vec<JsValue>, JsValue>;

    /// `Reflect.get(target, key)`: a getter or proxy may throw.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    pub fn reflect_get(target: &JsValue, key: &str) -> Result<JsValue, JsValue>;

    /// `JSON.parse(text)`, catching the `SyntaxError` of malformed text.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    pub fn json_parse(text: &str) -> Result<JsValue, JsValue>;

    /// A JS `Error` (or a subclass: `SyntaxError`, `TypeError`).
    #[wasm_bindgen(js_name = Error)]
    pub type Error;
    /// `new Error(message)`.
    #[wasm_bindgen(constructor, js_class = "Error")]
    pub fn new(message: &str) -> Error;
    /// `error.message`: a string unless a page changed it.
    #[wasm_bindgen(method, getter)]
    pub fn message(this: &Error) -> JsValue;

    /// `text.normalize(form)` (`"NFC"` or `"NFKC"`), called as `String.prototype.normalize.call(text, form)`: one call
    /// that takes the text as it is passed, rather than making a JS string first.
    /// Caught: a page may have patched `normalize` so that it throws.
    #[wasm_bindgen(catch, js_namespace = ["String", "prototype", "normalize"], js_name = call)]
    pub fn normalize(text: &str, form: &str) -> Result<String, JsValue>;
}
