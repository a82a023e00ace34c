//! JS values as the core reads and writes them, in the npm package's build: the crossing of `crate::wasm`, chosen by
//! measurement over JSON text both ways (`docs/performance.md`, "The crossing"). Here, below the walker, so that a
//! validator can hold its configuration as a JS object (`crate::validate::Configuration`) without naming the binding.
//!
//! - Input is read leniently by the core through [`Source`] ([`record::read`], `countries::overrides::parse`): wrong JS
//!   types become `request.*` errors in the result; a value that is not JSON-like data (a function, a symbol, an object
//!   whose keys or members cannot be read) gives `request.not_json` with line and column 0 (no text was read). No
//!   serde deserializer is linked: serde's error messages bring float formatting with them, a tenth of the package
//!   (`docs/npm-package.md`, "Size").
//! - Results are written by [`ToJs`] (the binding's `wasm::write` adds the result types), by hand rather than by
//!   serde-wasm-bindgen, whose serializer cost 5.6 KB of the package's gzip size. The native tests of `wasm::mirror`
//!   prove the mirror's names are the core's serde names; the wasm tests (`core/tests/wasm_common`) prove this writer's
//!   output has exactly the core's serde names at every level. Absent values are `null`, never `undefined`.

use super::js::{self, is_view};
use crate::record::{self, Place, Slot};
use crate::source::{NotData, Shape, Source};
use alloc::{string::String, vec::Vec};
use core::cell::RefCell;
use wasm_bindgen::prelude::*;

/// JS values as the core reads them. Every call that can run the caller's code (a getter, a proxy) catches what it
/// throws: the value is then not data, never a throw out of `validate`.
impl Source for JsValue {
    // Each test is a call into JS: the common cases first (text fields, then objects).
    fn shape(&self) -> Result<Shape, NotData> {
        if let Some(s) = self.as_string() {
            return Ok(Shape::Text(s));
        }
        Ok(if self.is_object() {
            match js::Array::is_array(self) {
                Ok(true) => Shape::List,
                // A typed array is not a list of JSON values (and would read as a million unknown members).
                Ok(false) if is_view(self) => return Err(NotData("a typed array")),
                Ok(false) => Shape::Object,
                Err(_) => return Err(NotData("an object that cannot be read")),
            }
        } else if self.is_null() {
            Shape::Null
        } else if self.is_undefined() {
            Shape::Absent
        } else if let Some(b) = self.as_bool() {
            Shape::Bool(b)
        } else if self.as_f64().is_some() || self.is_bigint() {
            Shape::Number
        } else if self.is_function() {
            return Err(NotData("a function"));
        } else {
            return Err(NotData("a symbol"));
        })
    }

    fn items(&self) -> Result<Vec<Self>, NotData> {
        js::Array::from(self).map_err(|_| NotData("a list whose items cannot be read"))
    }

    fn members(&self) -> Result<Vec<(String, Self)>, NotData> {
        // Object.keys and Object.values: own enumerable members in the same order, getters run once. One catch for
        // each (a throwing getter or proxy), not one for every member: the catch wrapper is the slow part of a call.
        let unreadable = NotData("an object whose members cannot be read");
        let values = js::Object::values(self).map_err(|_| unreadable)?;
        let keys = js::Object::keys(self).map_err(|_| unreadable)?;
        // A getter that adds members, or a proxy that answers differently each time, would pair keys and values
        // wrongly.
        if keys.len() != values.len() {
            return Err(unreadable);
        }
        // A plain loop: a `zip`/`filter_map`/`collect` chain is code of its own.
        let mut members = Vec::with_capacity(keys.len());
        let mut values = values.into_iter();
        for key in keys {
            let (Some(key), Some(value)) = (key.as_string(), values.next()) else {
                continue;
            };
            members.push((key, value));
        }
        Ok(members)
    }

    fn get(&self, key: &str) -> Result<Option<Self>, NotData> {
        js::reflect_get(self, key).map(Some).map_err(|_| NotData("a member that cannot be read"))
    }

    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
}

/// A value as JS writes it: `null` for no value.
pub(crate) trait ToJs {
    fn to_js(&self) -> JsValue;
}

/// Slots of the cache of JS strings: a power of two, about twice the number of distinct `&'static str`s results hold
/// (member names, codes, field paths, parameter names: about 270; country names and codes are not cached).
const STATIC_SLOTS: usize = 512;

thread_local! {
    /// JS strings of the `&'static str`s results hold, made once: creating a JS string is a call into JS and a UTF-8
    /// decode. Open addressing on the string's address and length (the same text at another address gets its own
    /// slot, which is only a second copy).
    ///
    /// Empty until first used (a constant initializer, as for `VALIDATOR`).
    static STATIC_STRINGS: RefCell<Vec<(usize, usize, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Where a `&'static str` is in the cache of JS strings.
enum Cached {
    At(usize),
    /// Not cached: the free slot it would take.
    Free(usize),
    Full,
}

fn find(cache: &[(usize, usize, JsValue)], key: (usize, usize)) -> Cached {
    let mut at = (key.0 ^ key.1.wrapping_mul(31)) % STATIC_SLOTS;
    for _ in 0..STATIC_SLOTS {
        match cache.get(at) {
            None => return Cached::Free(at), // not made yet
            Some((p, n, _)) if (*p, *n) == key => return Cached::At(at),
            Some((0, _, _)) => return Cached::Free(at),
            Some(_) => at = (at + 1) % STATIC_SLOTS,
        }
    }
    Cached::Full
}

/// Runs `f` on the JS string of a `&'static str`, made once. The cache is only ever borrowed shared while JS runs (`f`
/// sets a member, and a setter a page put on `Object.prototype` could call back in); a call that finds it borrowed
/// and would have to add a string makes one that is not cached, so no call can fail on it.
fn with_static(s: &'static str, f: &mut dyn FnMut(&JsValue)) {
    let key = (s.as_ptr() as usize, s.len());
    STATIC_STRINGS.with(|cell| {
        let free = match cell.try_borrow() {
            Ok(cache) => match find(&cache, key) {
                Cached::At(at) => return f(&cache[at].2),
                Cached::Free(at) => Some(at),
                Cached::Full => None,
            },
            Err(_) => None,
        };
        let js = JsValue::from_str(s);
        if let (Some(at), Ok(mut cache)) = (free, cell.try_borrow_mut()) {
            if cache.is_empty() {
                // Pushed, not `resize`d: `resize` clones a `JsValue` (a call into JS each) and is code of its own.
                cache.reserve_exact(STATIC_SLOTS);
                for _ in 0..STATIC_SLOTS {
                    cache.push((0, 0, JsValue::NULL));
                }
            }
            if let Some(slot) = cache.get_mut(at) {
                *slot = (key.0, key.1, js.clone());
            }
        }
        f(&js)
    })
}

/// The JS string of a `&'static str` ([`with_static`]), as a value of its own.
pub(crate) fn js_static(s: &'static str) -> JsValue {
    let mut out = JsValue::NULL;
    with_static(s, &mut |js| out = js.clone());
    out
}

#[wasm_bindgen]
extern "C" {
    /// A plain object or an `Error` made here, whose members are set with `target[key] = value`, without a `catch`
    /// wrapper (the wrapper of `Reflect.set` was 40 % of a `validateField` call): a fresh object has no setter of its
    /// own, so only one a page put on `Object.prototype` could run, and then it is the page's own exception.
    #[wasm_bindgen(js_name = Object)]
    type Target;
    #[wasm_bindgen(method, indexing_setter)]
    fn put(this: &Target, key: &JsValue, value: &JsValue);
}

pub(crate) fn set(target: &JsValue, key: &'static str, value: &JsValue) {
    with_static(key, &mut |key| target.unchecked_ref::<Target>().put(key, value));
}

pub(crate) fn object(members: &[(&'static str, JsValue)]) -> JsValue {
    let o: JsValue = js::Object::new().into();
    for (key, value) in members {
        set(&o, key, value);
    }
    o
}

/// The items as a new JS array.
pub(crate) fn array(items: impl Iterator<Item = JsValue>) -> JsValue {
    let a = js::Array::new();
    for item in items {
        a.push(&item);
    }
    a.into()
}

pub(crate) fn list<T: ToJs>(items: &[T]) -> JsValue {
    array(items.iter().map(ToJs::to_js))
}

pub(crate) fn strings<S: AsRef<str>>(items: &[S]) -> JsValue {
    array(items.iter().map(|s| JsValue::from_str(s.as_ref())))
}

impl ToJs for String {
    fn to_js(&self) -> JsValue {
        // Normalized records are mostly empty fields: one JS "" for all of them.
        if self.is_empty() {
            js_static("")
        } else {
            JsValue::from_str(self)
        }
    }
}

impl ToJs for bool {
    fn to_js(&self) -> JsValue {
        JsValue::from_bool(*self)
    }
}

impl<T: ToJs> ToJs for Option<T> {
    fn to_js(&self) -> JsValue {
        self.as_ref().map_or(JsValue::NULL, T::to_js)
    }
}

impl<T: ToJs> ToJs for Slot<T> {
    fn to_js(&self) -> JsValue {
        self.value().map_or(JsValue::NULL, T::to_js)
    }
}

impl<T: ToJs> ToJs for Vec<T> {
    fn to_js(&self) -> JsValue {
        list(self)
    }
}

impl ToJs for record::Record {
    fn to_js(&self) -> JsValue {
        object_to_js(self)
    }
}

/// Reads the field `name` of a held configuration's JS object into a record's place, by the package's one reader: the
/// object is the module's own (made by `Record`'s [`ToJs`], never given to JS), so nothing can fail; a value that did
/// would leave the place empty.
#[cfg(target_arch = "wasm32")]
pub(crate) fn read_held(held: &JsValue, name: &str, place: record::PlaceMut<'_>) {
    let value = js::reflect_get(held, name).unwrap_or(JsValue::NULL);
    let _ = record::read_into(place, Some(&value));
}

/// A record object as a plain JS object: its fields by the schema's names ([`record::Object`]), walked by this one
/// function for every object of the record.
fn object_to_js(o: &dyn record::Object) -> JsValue {
    let js: JsValue = js::Object::new().into();
    for (i, key) in o.keys().iter().enumerate() {
        let value = match o.place(i) {
            Some(Place::Text(t)) => t.to_js(),
            Some(Place::Flag(f)) => f.to_js(),
            Some(Place::List(l)) => l.to_js(),
            Some(Place::Object(slot)) => slot.object().map_or(JsValue::NULL, object_to_js),
            None => JsValue::NULL,
        };
        set(&js, key, &value);
    }
    js
}

impl<T: ToJs> ToJs for &T {
    fn to_js(&self) -> JsValue {
        (*self).to_js()
    }
}
