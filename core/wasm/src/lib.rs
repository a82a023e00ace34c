//! The npm package `tenantcheck` (`docs/npm-package.md`): a thin binding in the manner of ruff's `crates/ruff_wasm`,
//! in front of a core with no wasm code in its rule paths. Its parts: the exports (here), the crossing
//! ([`crossing`]: JS values read through the core's `Source`, results written as plain JS objects; chosen by
//! measurement, `docs/performance.md`, "npm package") and one error helper ([`error`]).
//!
//! - **Instances**: each [`Validator`] holds its own country rules; two never affect each other. The package's
//!   functions are a default instance (`scripts/pkg/index.js`). Every method takes `&self` and holds no borrow while
//!   JS runs: a page's code that calls back in (from a patched `RegExp.prototype.test`) never finds state borrowed.
//! - **Fail loudly, never trap**: every call into JS catches what it throws (here and in `tenantcheck_core::js_host`,
//!   which lends the engine's `RegExp` and NFKC); a result made while the engine threw is replaced by
//!   `request.engine_failed`, and nothing unwinds through Rust frames.

mod crossing;

use crossing::{set, Js, ToJs};
use std::cell::RefCell;
use std::rc::Rc;
use tenantcheck_core::countries::{overrides, PickerEntry, COUNTRIES, DATA_VERSION};
use tenantcheck_core::record::{self, Record, Slot};
use tenantcheck_core::rules::request::RequestReason;
use tenantcheck_core::{js_host, Configuration, FieldReport, FieldValue, Issue, Reason, Report, Validator as Core};
use wasm_bindgen::prelude::*;

/// The package's allocator: talc, a fraction of the size of the standard library's dlmalloc in WebAssembly.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The one error helper: `{ code, message, params }` of an issue, which the package's entry throws as a
/// `TenantcheckError`.
fn error(issue: &Issue) -> JsValue {
    let e: JsValue = js_sys::Object::new().into();
    set(&e, "code", &JsValue::from_str(issue.code));
    set(&e, "message", &JsValue::from_str(&issue.message));
    set(&e, "params", &issue.params.to_js());
    e
}

/// A result with one error on the record itself.
fn rejected(reason: &dyn Reason) -> Report {
    Report {
        valid: false,
        domain_form: None,
        links_existing_tenant: false,
        errors: vec![Issue::new("", reason)],
        warnings: Vec::new(),
        normalized: None,
    }
}

/// A field result with one error on the record itself.
fn field_rejected(field: String, reason: &dyn Reason) -> FieldReport {
    FieldReport {
        covered: vec![field.clone()],
        field,
        value: None,
        valid: false,
        errors: vec![Issue::new("", reason)],
        warnings: Vec::new(),
    }
}

fn not_json(detail: impl Into<String>) -> RequestReason {
    RequestReason::NotJson { detail: detail.into(), line: 0, column: 0 }
}

/// The version of the embedded country data (its sources and their versions).
#[wasm_bindgen(js_name = dataVersion)]
pub fn data_version() -> String {
    DATA_VERSION.to_owned()
}

/// A validator: its own country rules. The package's functions are a default instance.
#[wasm_bindgen]
pub struct Validator {
    core: RefCell<Rc<Core>>,
}

impl Validator {
    /// The validator in force, shared (not borrowed) while it runs: a page's code may call back in meanwhile.
    fn core(&self) -> Rc<Core> {
        Rc::clone(&self.core.borrow())
    }

    fn replace(&self, v: Core) {
        *self.core.borrow_mut() = Rc::new(v);
    }

    /// Runs a validation; its result is replaced by `failed()` when the engine threw meanwhile.
    fn run<R>(&self, f: impl FnOnce(&Core) -> R, failed: impl FnOnce() -> R) -> R {
        js_host::take_failure();
        let r = f(&self.core());
        if js_host::take_failure() {
            failed()
        } else {
            r
        }
    }
}

impl Default for Validator {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl Validator {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Validator {
        js_host::install(); // the engine's RegExp, NFKC and Unicode classes, lent to the core (idempotent)
        Validator { core: RefCell::new(Rc::new(Core::new())) }
    }

    /// Validates one record (`request.md`). Never throws: what is not a record gives a `request.*` error.
    pub fn validate(&self, record: JsValue) -> JsValue {
        let r = match record::read(&Js(record)) {
            Ok(parsed) => self.run(|v| v.validate_parsed(parsed), || rejected(&RequestReason::EngineFailed)),
            Err(not_data) => rejected(&not_json(not_data.detail())),
        };
        r.to_js()
    }

    /// Checks one field as the user types (`request.md`, "Field result"): `value` replaces the field at `path` in
    /// `record` (which may be absent). Never throws.
    #[wasm_bindgen(js_name = validateField)]
    pub fn validate_field(&self, path: JsValue, value: JsValue, record: JsValue) -> JsValue {
        self.field(path, value, record).to_js()
    }

    fn field(&self, path: JsValue, value: JsValue, record: JsValue) -> FieldReport {
        let Some(path) = path.as_string() else {
            return field_rejected(String::new(), &not_json("the field path is not a string"));
        };
        // A value that is not data is a wrong type for the field, as an object is.
        let value = Slot::<FieldValue>::read(Some(&Js(value))).unwrap_or(Slot::Wrong(record::Kind::Object));
        let record = match record::read(&Js(record)) {
            Ok(Slot::Value(r)) => r,
            Ok(Slot::Absent | Slot::Null) => Record::default(),
            Ok(Slot::Wrong(kind)) => return field_rejected(path, &RequestReason::NotAnObject { found: kind.as_str() }),
            Err(not_data) => return field_rejected(path, &not_json(not_data.detail())),
        };
        let failed = || field_rejected(path.clone(), &RequestReason::EngineFailed);
        self.run(|v| v.check_field(&path, value, record), failed)
    }

    /// Installs run-time country rules in Partner Center's shape (one country's rules, a list, or the JSON text of
    /// either); they replace the defaults of the countries they name, and their patterns are freed. Returns how many
    /// countries were replaced; a malformed set changes nothing and is thrown as `{ code, message, params }`.
    #[wasm_bindgen(js_name = setCountryRules)]
    pub fn set_country_rules(&self, rules: JsValue) -> Result<u32, JsValue> {
        // JSON text is parsed by the JS engine: the module then needs no JSON parser of its own.
        let rules = match rules.as_string() {
            Some(json) => js_sys::JSON::parse(&json).map_err(|e| {
                let detail = js_sys::Error::from(e).message().as_string().unwrap_or_default();
                error(&Issue::new("", &overrides::RuleSetError::malformed(None, detail)))
            })?,
            None => rules,
        };
        let set = overrides::parse(&Js(rules)).map_err(|e| error(&Issue::new("", &e)))?;
        let n = set.len();
        let mut v = (*self.core()).clone();
        v.set_country_rules(set);
        self.replace(v);
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Drops every run-time country rule: the embedded defaults apply again.
    #[wasm_bindgen(js_name = resetCountryRules)]
    pub fn reset_country_rules(&self) {
        let mut v = (*self.core()).clone();
        v.reset_country_rules();
        self.replace(v);
    }

    /// Holds the partner's configuration (`{ cspModel, partnerDomain, markets, domainSuffix, resellerBillingAddress }`,
    /// the record's shape): records then need customer data only, and their configuration fields are ignored with a
    /// warning each. Throws the configuration's first error as `{ code, message, params }`.
    pub fn configure(&self, options: JsValue) -> Result<(), JsValue> {
        let record = match record::read(&Js(options)) {
            Ok(Slot::Value(r)) => r,
            Ok(_) => Record::default(),
            Err(not_data) => return Err(error(&Issue::new("", &not_json(not_data.detail())))),
        };
        let mut v = (*self.core()).clone();
        v.set_configuration(Configuration::of(&record)).map_err(|issues| error(&issues[0]))?;
        self.replace(v);
        Ok(())
    }

    /// Every country for a picker, sorted by code, under the rules in force.
    pub fn countries(&self) -> JsValue {
        let v = self.core();
        let entries: Vec<PickerEntry> = COUNTRIES.iter().map(|c| PickerEntry::new(&v.rules_for(c))).collect();
        entries.to_js()
    }
}
