//! The WebAssembly binding (feature `wasm`), packed by `make pkg` as the npm package `tenantcheck`
//! (`docs/npm-package.md`). A thin layer in the style of ruff's `crates/ruff_wasm`: the exports, the crossing and one
//! error helper, in front of a core with no wasm code in its rule paths.
//!
//! - **The crossing**, chosen by measurement over JSON text both ways (`docs/performance.md`, "The crossing"): JS values
//!   are read by the core through `Source` and results written as plain JS objects ([`crate::js_host::value`], which
//!   a validator's held configuration uses too; [`write`] for the result types). The TypeScript declarations are
//!   [`mirror`]'s and [`types`]'.
//! - Nothing here panics on input, and only `setCountryRules` and `createValidator` throw, with a `TenantcheckError`
//!   ([`error`]).
//! - The free functions use the module's default [`Validator`], shared through an `Rc` from a thread-local cell that is
//!   borrowed only while no JS runs: a page's own code (a getter, a setter, a `RegExp` method of its own) may call back
//!   into any export while one runs, and never finds state borrowed. `createValidator` makes a validator of its own (a
//!   partner's configuration and country rules), kept by a handle that `index.js` holds and never changed after:
//!   instances never affect each other nor the default.

use crate::countries::picker::{Language, PickerEntry};
use crate::countries::{overrides, COUNTRIES};
use crate::issue::{self, Reason};
use crate::js_host::js;
use crate::js_host::value::{js_static, set, ToJs};
use crate::record::{self, Slot};
use crate::rules::request::RequestReason;
use crate::{FieldCheck, Report, Validator};
use alloc::rc::Rc;
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

pub mod mirror;
// Named only by the derive's output, which is marked `#[automatically_derived]` (not a use, to the dead-code lint).
#[allow(dead_code)]
mod tsify;
pub mod types;
mod write;

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
    write::field_result(field_check(&selected(), path, &value, &record))
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
