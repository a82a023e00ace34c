//! The WebAssembly binding (feature `wasm`), packed by `make pkg` as the npm package `tenantcheck`
//! (`docs/npm-package.md`). A thin layer in the style of ruff's `crates/ruff_wasm`: JS values in, the core's
//! [`Report`] out as plain JS objects, one error helper. The types below exist only for the binding: they mirror the
//! core's serialized result, issue and picker types field for field so that the TypeScript declarations are generated
//! from Rust (tsify), and tests prove the mirror's field names equal the core's. The record's interfaces are made from
//! the schema ([`crate::schema::typescript`]), and the record is written by one function that walks the schema's
//! places.
//!
//! - Absent values are `null`, never `undefined`; maps are plain objects.
//! - Input is read leniently by the core through [`Source`] ([`record::read`], [`overrides::parse`]), implemented
//!   here for `JsValue`: wrong JS types become `request.*` errors in the result; a value that is not JSON-like data
//!   (a function, a symbol, an object whose keys or members cannot be read) gives `request.not_json` with line and
//!   column 0 (no text was read). No serde deserializer is linked: serde's error messages bring float formatting
//!   with them, a tenth of the package (`docs/npm-package.md`, "Size"). Results are written by [`ToJs`] below.
//!   Nothing here panics on input, and only `setCountryRules` and `createValidator` throw, with a
//!   [`TenantcheckError`].
//! - The free functions use the module's default [`Validator`], shared through an `Rc` from a thread-local cell that is
//!   borrowed only while no JS runs: a page's own code (a getter, a setter, a `RegExp` method of its own) may call back
//!   into any export while one runs, and never finds state borrowed. `createValidator` makes a validator of its own (a
//!   partner's configuration and country rules), kept by a handle that `index.js` holds and never changed after:
//!   instances never affect each other nor the default.

use crate::countries::picker::{Language, PickerEntry};
use crate::countries::{overrides, COUNTRIES};
use crate::issue::{self, Param, Params, Reason};
use crate::js_host::js::{self, is_view};
use crate::record::{self, Place, PlaceMut, Slot};
use crate::rules::domain::DomainForm;
use crate::rules::request::RequestReason;
use crate::source::{NotData, Shape, Source};
use crate::{FieldCheck, FieldValue, Report, Validator};
use alloc::borrow::Cow;
use alloc::rc::Rc;
use alloc::{string::String, vec::Vec};
use core::cell::{Cell, RefCell};
use serde::Serialize;
use tsify_macros::Tsify;
use wasm_bindgen::prelude::*;

// Named only by the derive's output, which is marked `#[automatically_derived]` (not a use, to the dead-code lint).
#[allow(dead_code)]
mod tsify;
pub mod types;

/// The package's allocator: talc, a fraction of the size of the standard library's dlmalloc in WebAssembly
/// (`docs/npm-package.md`, "Size"). The module is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    /// The validator of the free functions (the default instance), made on first use. Initialized as a constant: in
    /// single-threaded WebAssembly such a thread-local is a plain static, without the lazy initialization's state and
    /// messages.
    static VALIDATOR: RefCell<Option<Rc<Validator>>> = const { RefCell::new(None) };
    /// The validator of the next `validate` or `validateField` only ([`select_validator`]): an instance's handle,
    /// taken when the call starts; 0 for the default.
    static SELECTED: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f` on the validator in force, after the core has borrowed the JavaScript engine's NFKC, `RegExp` and Unicode
/// classes (`js_host`, idempotent), which keeps their tables and engine out of the package. (A `start` function would
/// not run where the package is linked into another wasm module, such as the wasm-bindgen tests.) The validator is
/// shared, not borrowed, while `f` runs: a validation calls into JS (patterns, NFKC), where a page's own code could
/// call back in, even into `setCountryRules`, and no call may then find it borrowed.
fn with_validator<R>(f: impl FnOnce(&Validator) -> R) -> R {
    f(&validator())
}

/// The validator in force, for [`with_validator`]. Not generic, so one copy serves every export (WebAssembly size).
fn validator() -> Rc<Validator> {
    crate::js_host::install();
    VALIDATOR.with_borrow_mut(|v| Rc::clone(v.get_or_insert_with(Rc::default)))
}

/// The validator of a `validate` or `validateField` call: an instance's where [`select_validator`] chose it just
/// before, else the default. Taken when the call starts, before any JS runs: a page's code that calls back in meanwhile
/// gets the default.
fn selected() -> Rc<Validator> {
    let handle = SELECTED.with(|s| s.replace(0)) as *const Validator;
    if handle.is_null() {
        return validator();
    }
    // SAFETY: a handle is selected only by the class `Validator` of `index.js`, which holds one that
    // `createValidator` returned and that it has not dropped (a freed instance never selects); the call takes a
    // reference of its own, so an instance dropped meanwhile (by a page's code that calls back in) lives until the call
    // ends.
    unsafe {
        Rc::increment_strong_count(handle);
        Rc::from_raw(handle)
    }
}

/// Replaces the validator in force (no JS runs while the cell is borrowed).
fn replace_validator(v: Option<Validator>) {
    VALIDATOR.with_borrow_mut(|cell| *cell = v.map(Rc::new));
}

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

#[wasm_bindgen(typescript_custom_section)]
const TS_INPUT: &'static str = r#"
/** What the host sends where the result has `T`: every field may be absent or `null` (request.md). */
export type Input<T> = T extends string | boolean | number
    ? T | null
    : T extends (infer U)[]
      ? Input<U>[] | null
      : T extends object
        ? { [K in keyof T]?: Input<T[K]> } | null
        : T;
/** A record as the host sends it (request.md): the shape of `ValidationResult.normalized`, every field optional,
 * and the caller's `id`, which comes back as the result's `id`. */
export type RecordInput = { [K in keyof TenantRecord]?: Input<TenantRecord[K]> } & { id?: string | number | null };
/**
 * The options of `createValidator`: the partner's configuration as a record carries it (request.md; rules.md section
 * 4), and country rules as `setCountryRules` takes them. Other options are ignored.
 */
export interface ValidatorOptions {
    cspModel?: TenantRecord["cspModel"];
    partnerDomain?: string | null;
    /** Country codes the partner sells in; `null`: Partner Center's CSP markets. */
    markets?: string[] | null;
    /** `null`: `onmicrosoft.com`. */
    domainSuffix?: string | null;
    resellerBillingAddress?: Input<Address>;
    countryRules?: CountryRulesInput | CountryRulesInput[] | string | null;
}
"#;

/// Validates one record (`request.md`). Never throws: anything that is not a record gives a result with a
/// `request.*` error.
#[wasm_bindgen(unchecked_return_type = "ValidationResult")]
pub fn validate(#[wasm_bindgen(unchecked_param_type = "RecordInput")] record: JsValue) -> JsValue {
    report(&selected(), &record).to_js()
}

/// Validates one field as the user types (`request.md`, "Field result"): `value` replaces the field at `path`
/// (`account.billingAddress.postalCode`) in `record` (which may be omitted), and the result holds the field's normalized
/// value and the issues of the field and of the fields whose verdict depends on it (`covered`), not the whole record.
/// Never throws.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "FieldResult")]
pub fn validate_field(
    #[wasm_bindgen(unchecked_param_type = "FieldPath")] path: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | boolean | null")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RecordInput | null | undefined")] record: JsValue,
) -> JsValue {
    field_result(field_check(&selected(), path, &value, &record))
}

/// `validateField`: the path and the record read, then one call of the validator, which has the value read into the
/// field's place.
fn field_check(v: &Validator, path: JsValue, value: &JsValue, record: &JsValue) -> FieldCheck {
    let Some(path) = path.as_string() else {
        return FieldCheck::not_json("", "the field path is not a string".into());
    };
    match record::read(record) {
        Ok(parsed) => v.check_field_with(&path, parsed, &mut |place| record::read_into(place, Some(value))),
        Err(not_data) => FieldCheck::not_json(&path, not_data.detail()),
    }
}

/// `validate`: the record read, then validated.
fn report(v: &Validator, record: &JsValue) -> Report {
    // A value that is not JSON-like data gives the report that says so.
    v.validate_read(record::read(record))
}

/// Installs run-time country rules in Partner Center's shape (one country's rules, a list of them, or the JSON text
/// of either); they replace the defaults of the countries they name. Returns how many countries were replaced.
/// Throws a [`TenantcheckError`] (`country_rules.*`) for a malformed set, which changes nothing.
#[wasm_bindgen(js_name = setCountryRules)]
pub fn set_country_rules(
    #[wasm_bindgen(unchecked_param_type = "CountryRulesInput | CountryRulesInput[] | string")] rules: JsValue,
) -> Result<u32, JsValue> {
    let set = read_country_rules(rules).map_err(|e| error(&e))?;
    let n = set.len();
    let mut v = with_validator(Validator::clone);
    v.set_country_rules(set);
    replace_validator(Some(v));
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Reads a rule set given as `setCountryRules` takes it. JSON text is parsed by the JS engine: the module then needs
/// no JSON parser of its own, and reads the three shapes by one path.
fn read_country_rules(rules: JsValue) -> Result<Vec<overrides::CountryRules>, overrides::RuleSetError> {
    let rules = match rules.as_string() {
        Some(json) => js::json_parse(&json).map_err(|e| {
            let detail = e.unchecked_into::<js::Error>().message().as_string().unwrap_or_default();
            overrides::RuleSetError::malformed(None, detail)
        })?,
        None => rules,
    };
    crate::js_host::install(); // the patterns compile with the JavaScript engine's RegExp
    overrides::parse(&rules)
}

/// Drops every run-time country rule: the embedded defaults apply again.
#[wasm_bindgen(js_name = resetCountryRules)]
pub fn reset_country_rules() {
    replace_validator(None);
}

/// Makes a validator that holds a partner's configuration and country rules (`request.md`, `rules.md` section 4):
/// `cspModel`, `partnerDomain`, `markets`, `domainSuffix`, `resellerBillingAddress` as a record carries them, and
/// `countryRules` as `setCountryRules` takes them. Other options are ignored. Records it validates need customer data
/// only; a configuration field a record carries is ignored with a warning (`request.configuration_ignored`). Without
/// any configuration option, records carry their own, as with the free functions. Throws a [`TenantcheckError`] with
/// the code of the first invalid option.
/// Declared by the package's `index.d.ts`, with the class `Validator` of `index.js` that wraps what this returns.
#[wasm_bindgen(js_name = createValidator, skip_typescript)]
pub fn create_validator(options: JsValue) -> Result<usize, JsValue> {
    crate::js_host::install(); // for the instance's validations, and the configuration's
    let mut v = Validator::new();
    // One error site for every refusal (WebAssembly size).
    // Options that are not an object are refused by `index.js` before this call (as `request.wrong_type`); here they
    // are no options.
    let issue = match record::read(&options) {
        Err(not_data) => {
            issue::Issue::new("", &RequestReason::NotJson { detail: not_data.detail(), line: 0, column: 0 })
        }
        Ok(parsed) => 'configured: {
            if let Slot::Value(config) = parsed {
                // A getter that throws gives its exception as the rules, which are then refused as malformed.
                let rules = js::reflect_get(&options, "countryRules").unwrap_or_else(|thrown| thrown);
                if !rules.is_undefined() && !rules.is_null() {
                    match read_country_rules(rules) {
                        Ok(set) => v.set_country_rules(set),
                        Err(e) => break 'configured issue::Issue::new("", &e),
                    }
                }
                if Validator::carries_configuration(&config) {
                    if let Err(issue) = v.configure(config) {
                        break 'configured issue;
                    }
                }
            }
            // The handle: the instance's address, which `index.js` keeps (as wasm-bindgen's classes keep theirs).
            return Ok(Rc::into_raw(Rc::new(v)) as usize);
        }
    };
    Err(thrown(&issue))
}

/// Makes the validator `handle` (made by `createValidator`) the one of the next `validate` or `validateField` call only:
/// the package's class `Validator` (`scripts/pkg/index.js`) calls it just before each of its calls, which are the free
/// functions': one copy of their exports serves every instance. The handle 0 selects the default.
#[wasm_bindgen(js_name = selectValidator, skip_typescript)]
pub fn select_validator(handle: usize) {
    SELECTED.with(|s| s.set(handle));
}

/// Drops the validator `handle` (the class `Validator`'s `free()`, or when an instance is garbage-collected).
#[wasm_bindgen(js_name = dropValidator, skip_typescript)]
pub fn drop_validator(handle: usize) {
    // SAFETY: `index.js` drops a handle `createValidator` returned, once (`free()` forgets it; the finalizer runs only
    // for an instance never freed). A call running meanwhile holds a reference of its own ([`selected`]).
    drop(unsafe { Rc::from_raw(handle as *const Validator) });
}

/// Every country for a picker, sorted by code, under the rules in force ([`crate::countries::picker`]), named in
/// English, each entry as a flat array (its [`ToJs`]). The package's `countries(locale?)` (`scripts/pkg/index.js`)
/// makes each a `CountryOption`, named in a language by the engine's `Intl.DisplayNames` as
/// [`Language::country_name`] does natively: the module neither takes a locale nor imports the engine's names in
/// other languages (0.1 KB of the package's gzip size).
#[wasm_bindgen(js_name = countryRows, skip_typescript)]
pub fn countries() -> JsValue {
    // Each entry written as it is made (no list of entries in between: WebAssembly size).
    let v = validator();
    let list = js::Array::new();
    for c in &COUNTRIES {
        list.push(&PickerEntry::new(&v.rules_for(c), &Language::ENGLISH).to_js());
    }
    list.into()
}

/// The one error helper: a JS `Error` whose `message` is the English text, with the issue's `code` and `params`.
fn error(reason: &dyn Reason) -> JsValue {
    thrown(&issue::Issue::new("", reason))
}

/// [`error`] for an issue (an option of `createValidator`: its field is not said, its message and params name it).
fn thrown(issue: &issue::Issue) -> JsValue {
    let e = js::Error::new(&issue.message);
    set(&e, "code", &js_static(issue.code));
    set(&e, "params", &issue.params.to_js());
    e.into()
}

// ---- The writer: core values as plain JS objects, in the shape the declarations below (and the schema's) give. ----
//
// Written by hand rather than by serde-wasm-bindgen, whose serializer cost 5.6 KB of the package's gzip size
// (`docs/npm-package.md`, "Size"). The native tests below prove the mirror's names are the core's serde names; the
// wasm tests (`core/tests/wasm_common`) prove this writer's output has exactly the core's serde names at every level.

/// A value as JS writes it: `null` for no value.
trait ToJs {
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
fn js_static(s: &'static str) -> JsValue {
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

fn set(target: &JsValue, key: &'static str, value: &JsValue) {
    with_static(key, &mut |key| target.unchecked_ref::<Target>().put(key, value));
}

fn object(members: &[(&'static str, JsValue)]) -> JsValue {
    let o: JsValue = js::Object::new().into();
    for (key, value) in members {
        set(&o, key, value);
    }
    o
}

/// The items as a new JS array.
fn array(items: impl Iterator<Item = JsValue>) -> JsValue {
    let a = js::Array::new();
    for item in items {
        a.push(&item);
    }
    a.into()
}

fn list<T: ToJs>(items: &[T]) -> JsValue {
    array(items.iter().map(ToJs::to_js))
}

fn strings<S: AsRef<str>>(items: &[S]) -> JsValue {
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

impl ToJs for Report {
    fn to_js(&self) -> JsValue {
        let form = self.domain_form.map(DomainForm::as_str);
        // The record's `id` (`request.md`) is echoed by the package's entry (`scripts/pkg/index.js`, `withId`), which
        // has the caller's value at hand: the module checks it (`request.bad_id`) and writes no copy (WebAssembly size).
        object(&[
            ("valid", self.valid.into()),
            ("domainForm", form.map_or(JsValue::NULL, js_static)),
            ("linksExistingTenant", self.links_existing_tenant.into()),
            ("errors", list(&self.errors)),
            ("warnings", list(&self.warnings)),
            ("normalized", self.normalized.to_js()),
        ])
    }
}

/// The field result of `validateField` (`request.md`, "Field result"; the core's [`crate::FieldReport`], field for field):
/// the value read from the normalized record where it is, not taken out of it first.
fn field_result(mut check: FieldCheck) -> JsValue {
    let r = &mut check.report;
    let value = match r.normalized.as_mut().and_then(|n| record::place_at(n, &check.field)) {
        Some(PlaceMut::Text(t)) => t.to_js(),
        Some(PlaceMut::Flag(f)) => f.to_js(),
        _ => JsValue::NULL,
    };
    object(&[
        ("field", path_to_js(&check.field)),
        ("value", value),
        ("valid", r.valid.into()),
        ("covered", array(check.covered.iter().map(|p| js_static(p)))),
        ("errors", list(&r.errors)),
        ("warnings", list(&r.warnings)),
    ])
}

/// A field's path as a JS string: made once where it is the schema's (borrowed: the cache is keyed by address).
#[allow(clippy::ptr_arg)]
fn path_to_js(path: &Cow<'static, str>) -> JsValue {
    match path {
        Cow::Borrowed(path) => js_static(path),
        Cow::Owned(path) => JsValue::from_str(path),
    }
}

impl ToJs for issue::Issue {
    fn to_js(&self) -> JsValue {
        object(&[
            ("field", path_to_js(&self.field)),
            ("code", js_static(self.code)),
            ("message", JsValue::from_str(&self.message)),
            ("params", self.params.to_js()),
        ])
    }
}

impl ToJs for Params {
    fn to_js(&self) -> JsValue {
        let o: JsValue = js::Object::new().into();
        for (key, value) in &self.0 {
            let value = match value {
                Param::Int(n) => JsValue::from_f64(*n as f64),
                Param::Str(s) => JsValue::from_str(s),
                Param::List(l) => strings(l),
            };
            set(&o, key, &value);
        }
        o
    }
}

impl ToJs for record::Record {
    fn to_js(&self) -> JsValue {
        object_to_js(self)
    }
}

/// A validator's held configuration as a plain JS object, kept by the validator ([`crate::validate::Configuration`]).
#[cfg(target_arch = "wasm32")]
pub(crate) fn record_to_js(record: &record::Record) -> JsValue {
    object_to_js(record)
}

/// Reads the field `name` of a held configuration's JS object into a record's place, by the package's one reader: the
/// object is the module's own (made by [`record_to_js`], never given to JS), so nothing can fail; a value that did
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

/// An entry of [`countries`] as one flat array, which the package's `countries(locale?)` (`scripts/pkg/index.js`)
/// shapes into a `CountryOption`: `[code, name, states, callingCodes, postcode label, examples, postcode required,
/// state label, state required, registration number required, its term]`, the states as `[code, name, …]`, the
/// postcode's `null`, `[]`, `false` where the country has none (its `example` is the first of `examples`,
/// [`crate::countries::Country::postal_code_example`]). No member names and no nested
/// objects in the module: 0.2 KB of the package's gzip size (`docs/npm-package.md`, "Size").
impl ToJs for PickerEntry<'_> {
    fn to_js(&self) -> JsValue {
        let states = js::Array::new();
        self.states.each(|s| {
            states.push(&JsValue::from_str(s.code));
            states.push(&JsValue::from_str(s.name));
        });
        let codes = js::Array::new();
        self.calling_codes.each(|c| {
            codes.push(&JsValue::from_str(c));
        });
        let postal = self.postal_code.as_ref();
        let examples = js::Array::new();
        if let Some(p) = postal {
            for e in p.examples.iter() {
                examples.push(&JsValue::from_str(e));
            }
        }
        picker_row(
            self.code,
            &self.name,
            &states,
            &codes,
            postal.map(|p| p.label),
            &examples,
            postal.is_some_and(|p| p.required),
            self.state.label,
            self.state.required,
            self.registration_number.required,
            self.registration_number.term,
        )
    }
}

#[wasm_bindgen]
extern "C" {
    /// A picker's row, made by the engine's `Array.of` from the entry's values: one call, whose strings the glue
    /// decodes, not a JS string and a push for each (WebAssembly size). The glue gives `undefined` for an optional
    /// text that is none, which the package's `countries()` (`scripts/pkg/index.js`) makes `null`.
    #[wasm_bindgen(js_namespace = Array, js_name = of)]
    #[allow(clippy::too_many_arguments)]
    fn picker_row(
        code: &str,
        name: &str,
        states: &js::Array,
        calling_codes: &js::Array,
        postal_label: Option<&str>,
        examples: &js::Array,
        postal_required: bool,
        state_label: &str,
        state_required: bool,
        registration_required: bool,
        registration_term: Option<&str>,
    ) -> JsValue;
}

// ---- Binding-only types: the mirror of the core's serialized types, for the TypeScript declarations. ----

/// The result of `validate` (`request.md`, "Result").
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct ValidationResult {
    /// The record's `id`, when it had one (`request.md`).
    #[tsify(optional, type = "string | number")]
    #[serde(skip_serializing_if = "record::Id::is_none")]
    pub id: record::Id,
    /// True exactly when `errors` is empty.
    pub valid: bool,
    /// Which form the domain field holds; `null` when it is invalid.
    #[tsify(type = "\"prefix\" | \"alias\" | null")]
    pub domain_form: Option<&'static str>,
    /// The domain field is an alias, which can only link an existing tenant.
    pub links_existing_tenant: bool,
    pub errors: Vec<Issue>,
    /// Warnings never block.
    pub warnings: Vec<Issue>,
    /// The record with every normalized value; `null` when the input was not a record.
    #[tsify(type = "TenantRecord | null")]
    pub normalized: Option<record::Record>,
}

/// The result of `validateField` (`request.md`, "Field result"): the field's normalized value, and the issues of the
/// field and of the fields whose verdict depends on it, not the whole record.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct FieldResult {
    /// The field's dotted path, as given.
    pub field: String,
    /// The field's normalized value (as given where it is refused); `null` for no value.
    #[tsify(type = "string | boolean | null")]
    pub value: FieldValue,
    /// True exactly when `errors` is empty.
    pub valid: bool,
    /// Every path whose issues this result states in full (the field first): clear the stale messages of these paths
    /// and no others. Empty when the call could not be checked (`errors` says why).
    pub covered: Vec<&'static str>,
    /// The errors of the covered paths.
    pub errors: Vec<Issue>,
    /// The warnings of the covered paths.
    pub warnings: Vec<Issue>,
}

/// The TypeScript types of the codes, their params and the field paths (`IssueCode`, `Issue`, `FieldPath`:
/// [`types`]), made from the codes' and the schema's declarations.
#[wasm_bindgen(typescript_custom_section)]
const TS_ISSUES: &'static str = {
    const LEN: usize = types::typescript(&mut []);
    const BYTES: [u8; LEN] = {
        let mut out = [0; LEN];
        types::typescript(&mut out);
        out
    };
    match core::str::from_utf8(&BYTES) {
        Ok(ts) => ts,
        Err(_) => panic!("the codes' TypeScript is not UTF-8"),
    }
};

/// One error or warning. `params` is always an object (empty when the issue has none). Its TypeScript type is
/// [`TS_ISSUES`]'s `Issue`, typed by code.
#[derive(Debug, Serialize)]
pub struct Issue {
    /// Dotted path of the field (`account.billingAddress.postalCode`); `""` for the record itself.
    pub field: String,
    /// `<rule>.<reason>`: stable API, never renamed, never reused.
    pub code: &'static str,
    /// English default message.
    pub message: String,
    /// Structured values for translating the message.
    pub params: Params,
}

/// What [`error`] sets on the JS `Error` it makes, which the package's entry (`scripts/pkg/index.js`) throws as a
/// `TenantcheckError` (declared in `index.d.ts`).
#[derive(Debug, Serialize)]
pub struct TenantcheckError {
    pub code: &'static str,
    pub message: String,
    pub params: Params,
}

/// The TypeScript interfaces of the normalized record (`TenantRecord` and its objects), from the schema
/// ([`schema::typescript`], made at compile time).
#[wasm_bindgen(typescript_custom_section)]
const TS_RECORD: &'static str = {
    const LEN: usize = crate::schema::typescript(&mut [], "TenantRecord", &crate::rules::mpn::CspModel::NAMES);
    const BYTES: [u8; LEN] = {
        let mut out = [0; LEN];
        crate::schema::typescript(&mut out, "TenantRecord", &crate::rules::mpn::CspModel::NAMES);
        out
    };
    match core::str::from_utf8(&BYTES) {
        Ok(ts) => ts,
        Err(_) => panic!("the schema's TypeScript is not UTF-8"),
    }
};

/// One country of `countries(locale?)`.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct CountryOption {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: &'static str,
    /// The country's name in the locale asked for (CLDR, by `Intl.DisplayNames`); English without one.
    pub name: String,
    /// The closed list of states (US, CA, AU by default), for a `<select>`; empty where the state is free text.
    pub states: Vec<CountryState>,
    /// International calling codes without `+` (`["1"]`, `["44"]`).
    pub calling_codes: Vec<String>,
    /// The postcode field; `null` where the country has no postcodes.
    pub postal_code: Option<PostalCodeOption>,
    pub state: StateFieldOption,
    pub registration_number: RegistrationNumberOption,
    pub phone: PhoneOption,
}

/// One state of a closed list.
#[derive(Debug, Serialize, Tsify)]
pub struct CountryState {
    /// The value Partner Center accepts, which the form submits (`CA`, `QC`, `New South Wales`).
    pub code: String,
    /// Its name as the country writes it (`California`, `Quebec`, `New South Wales`).
    pub name: String,
}

/// The postcode field of a country.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct PostalCodeOption {
    /// The word for it, as in a sentence (`ZIP code`, `postal code`, `postcode`): capitalize it for a label.
    pub label: String,
    /// A valid postcode for a placeholder.
    pub example: Option<&'static str>,
    pub examples: Vec<&'static str>,
    pub required: bool,
}

/// The state field of a country.
#[derive(Debug, Serialize, Tsify)]
pub struct StateFieldOption {
    /// The word for it, as in a sentence (`state`, `province or territory`, `state or province`).
    pub label: String,
    pub required: bool,
}

/// The organization registration number in a country.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct RegistrationNumberOption {
    /// Partner Center requires it here.
    pub required: bool,
    /// Its local term (`INN`, `CNPJ`, `NIP`), where the country has one.
    pub term: Option<&'static str>,
}

/// The phone number in a country.
#[derive(Debug, Serialize, Tsify)]
pub struct PhoneOption {
    pub required: bool,
}

/// Run-time rules of one country in Partner Center's shape (`GET /v1/countryvalidationrules/{cc}`); other members
/// of Partner Center's answer are ignored. Lists may also be given as `{ "value": [...] }`.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CountryRulesInput {
    pub iso2_code: String,
    #[tsify(optional)]
    pub is_state_required: Option<bool>,
    #[tsify(optional, type = "string[] | { value: string[] } | null")]
    pub states: Option<Vec<String>>,
    #[tsify(optional)]
    pub is_postal_code_required: Option<bool>,
    #[tsify(optional, type = "string | null")]
    pub postal_code_regex: Option<String>,
    #[tsify(optional)]
    pub is_city_required: Option<bool>,
    #[tsify(optional, type = "string | null")]
    pub phone_number_regex: Option<String>,
    #[tsify(optional, type = "string[] | { value: string[] } | null")]
    pub country_calling_codes: Option<Vec<String>>,
}

// ---- Core -> mirror, for the tests that prove the mirror's names are the core's (the package writes the core's
// values directly, with `ToJs`). ----

#[cfg(test)]
mod mirror {
    use super::*;
    use crate::FieldReport;

    impl From<Report> for ValidationResult {
        fn from(r: Report) -> Self {
            ValidationResult {
                id: r.id,
                valid: r.valid,
                domain_form: r.domain_form.map(DomainForm::as_str),
                links_existing_tenant: r.links_existing_tenant,
                errors: r.errors.into_iter().map(Issue::from).collect(),
                warnings: r.warnings.into_iter().map(Issue::from).collect(),
                normalized: r.normalized,
            }
        }
    }

    impl From<FieldReport> for FieldResult {
        fn from(r: FieldReport) -> Self {
            FieldResult {
                field: r.field.into_owned(),
                value: r.value,
                valid: r.valid,
                covered: r.covered,
                errors: r.errors.into_iter().map(Issue::from).collect(),
                warnings: r.warnings.into_iter().map(Issue::from).collect(),
            }
        }
    }

    impl From<issue::Issue> for Issue {
        fn from(i: issue::Issue) -> Self {
            Issue { field: i.field.into_owned(), code: i.code, message: i.message, params: i.params }
        }
    }

    impl From<&dyn Reason> for TenantcheckError {
        fn from(r: &dyn Reason) -> Self {
            let issue::Issue { code, message, params, .. } = issue::Issue::new("", r);
            TenantcheckError { code, message, params }
        }
    }

    impl From<PickerEntry<'_>> for CountryOption {
        fn from(p: PickerEntry<'_>) -> Self {
            CountryOption {
                code: p.code,
                name: p.name.into_owned(),
                states: p
                    .states
                    .to_vec()
                    .iter()
                    .map(|s| CountryState { code: s.code.into(), name: s.name.into() })
                    .collect(),
                calling_codes: p.calling_codes.to_vec().iter().map(|c| String::from(*c)).collect(),
                postal_code: p.postal_code.map(|f| PostalCodeOption {
                    label: f.label.into(),
                    example: f.example,
                    examples: f.examples.to_vec(),
                    required: f.required,
                }),
                state: StateFieldOption { label: p.state.label.into(), required: p.state.required },
                registration_number: RegistrationNumberOption {
                    required: p.registration_number.required,
                    term: p.registration_number.term,
                },
                phone: PhoneOption { required: p.phone.required },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The mirror's field names equal the core's: both are serialized to `serde_json` and their keys compared, at
    //! every level (a full record, so that every nested object is present).
    use super::*;
    use crate::countries;
    use crate::rules::mpn::CspModel;
    use crate::schema;
    use serde_json::Value;

    fn keys(v: &Value, at: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    let path = format!("{at}.{k}");
                    out.push(path.clone());
                    keys(v, &path, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|v| keys(v, &format!("{at}[]"), out)),
            _ => {}
        }
    }

    fn same_keys<A: Serialize, B: Serialize>(core: &A, mirror: &B) {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        keys(&serde_json::to_value(core).unwrap(), "", &mut a);
        keys(&serde_json::to_value(mirror).unwrap(), "", &mut b);
        a.sort();
        b.sort();
        assert_eq!(a, b);
        assert!(!a.is_empty());
    }

    /// A record with every object present and issues with params on it (also read by `core/tests/wasm_common`).
    const FULL: &str = include_str!("../tests/fixtures/full-record.json");

    #[test]
    fn the_result_mirror_has_the_cores_field_names() {
        let report = Validator::new().validate_json(FULL);
        assert!(!report.errors.is_empty(), "the record must carry an issue with params");
        assert!(report.errors.iter().any(|i| !i.params.is_empty()));
        // Issue skips empty params; the mirror always has them, so compare on an issue that has params.
        let issue: issue::Issue = report.errors.iter().find(|i| !i.params.is_empty()).unwrap().clone();
        same_keys(&issue, &Issue::from(issue.clone()));
        let mut core = serde_json::to_value(&report).unwrap();
        let mut mirror = serde_json::to_value(ValidationResult::from(report)).unwrap();
        for v in [&mut core, &mut mirror] {
            for list in ["errors", "warnings"] {
                v[list] = Value::Array(Vec::new());
            }
        }
        same_keys(&core, &mirror);
        // With an `id`, both have it.
        let with_id = Validator::new().validate_json(&FULL.replacen('{', "{\"id\":\"A-1\",", 1));
        assert_eq!(serde_json::to_value(&with_id).unwrap()["id"], "A-1");
        assert_eq!(serde_json::to_value(ValidationResult::from(with_id)).unwrap()["id"], "A-1");
    }

    #[test]
    fn the_field_result_mirror_has_the_cores_field_names() {
        let record = crate::record::from_json(FULL).unwrap().value().cloned().unwrap();
        let r = Validator::new().validate_field("account.billingAddress.state", Slot::Value("WA".to_owned()), record);
        assert!(!r.covered.is_empty());
        let mut core = serde_json::to_value(&r).unwrap();
        let mut mirror = serde_json::to_value(FieldResult::from(r)).unwrap();
        for v in [&mut core, &mut mirror] {
            for list in ["errors", "warnings"] {
                v[list] = Value::Array(Vec::new());
            }
        }
        same_keys(&core, &mirror);
        assert_eq!(core, mirror);
    }

    #[test]
    fn the_record_has_the_schemas_keys() {
        let report = Validator::new().validate_json(FULL);
        let v = serde_json::to_value(report.normalized.unwrap()).unwrap();
        let top: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut want = record::Record::KEYS.to_vec();
        want.sort_unstable();
        let mut top = top;
        top.sort_unstable();
        assert_eq!(top, want);
        let addr = v["account"]["billingAddress"].as_object().unwrap();
        assert_eq!(addr.len(), record::Address::KEYS.len());
        assert!(record::Address::KEYS.iter().all(|k| addr.contains_key(*k)));
    }

    /// The record's TypeScript declarations, as [`TS_RECORD`] has them.
    fn record_ts() -> String {
        let mut out = vec![0; schema::typescript(&mut [], "TenantRecord", &CspModel::NAMES)];
        schema::typescript(&mut out, "TenantRecord", &CspModel::NAMES);
        String::from_utf8(out).unwrap()
    }

    /// The members of the TypeScript interface `name` in [`TS_RECORD`]: `(name, type)` in order. Each interface is
    /// declared once.
    fn interface(name: &str) -> Vec<(String, String)> {
        let ts = record_ts();
        let head = format!("export interface {name} {{");
        assert_eq!(ts.matches(&head).count(), 1, "{name} in {ts}");
        let body = ts.split_once(&head).and_then(|(_, b)| b.split_once('}')).map_or("", |(b, _)| b);
        let members = body.split(';').filter_map(|m| m.split_once(':'));
        members.map(|(name, ty)| (name.trim().to_owned(), ty.trim().to_owned())).collect()
    }

    /// The TypeScript interface of each object of the record agrees with the schema: the same members in the same
    /// order, each of the type its kind says.
    fn agrees(name: &str, members: &[crate::schema::Member]) {
        use crate::schema::Kind;
        let ts = interface(name);
        let keys: Vec<&str> = ts.iter().map(|(k, _)| String::as_str(k)).collect();
        let want: Vec<&str> = members.iter().map(|m| m.key).collect();
        assert_eq!(keys, want, "{name}");
        for (m, (_, ty)) in members.iter().zip(&ts) {
            // The names of the enum, in any order, or `null`.
            let enum_names = |ty: &str| {
                let mut names: Vec<String> = ty.split(" | ").map(str::to_owned).collect();
                names.sort();
                let mut want: Vec<String> = CspModel::NAMES.iter().map(|n| format!("\"{n}\"")).collect();
                want.push("null".into());
                want.sort();
                names == want
            };
            match m.kind {
                Kind::Code | Kind::Text | Kind::State => assert_eq!(*ty, "string | null", "{}", m.path),
                Kind::Enum => assert!(enum_names(ty), "{}: {ty}", m.path),
                Kind::Bool => assert_eq!(*ty, "boolean | null", "{}", m.path),
                Kind::List => assert_eq!(*ty, "(string | null)[] | null", "{}", m.path),
                Kind::Address | Kind::Object => {
                    let child = ty.strip_suffix(" | null").unwrap_or_else(|| panic!("{}: {ty}", m.path));
                    agrees(child, m.members);
                }
            }
        }
    }

    #[test]
    fn the_typescript_types_are_the_schema() {
        agrees("TenantRecord", crate::schema::RECORD);
        assert_eq!(record_ts().matches("export interface ").count(), 5, "{}", record_ts());
        // The interfaces the other declarations name.
        for name in ["TenantRecord", "SyncOptions", "Account", "Contact", "Address"] {
            interface(name);
        }
    }

    #[test]
    fn the_picker_mirror_has_the_cores_field_names() {
        let entry = countries::picker().into_iter().find(|c| c.code == "US").unwrap();
        same_keys(&entry, &CountryOption::from(entry.clone()));
    }

    #[test]
    fn the_error_mirror_has_the_issue_fields() {
        let e = overrides::parse_json(r#"{"iso2Code":"QQ"}"#).unwrap_err();
        let issue = issue::Issue::new("", &e);
        let mirror = TenantcheckError::from(&e as &dyn Reason);
        let mut a = serde_json::to_value(&issue).unwrap();
        a.as_object_mut().unwrap().remove("field");
        same_keys(&a, &mirror);
        assert_eq!(mirror.code, "country_rules.unknown_country");
    }
}
