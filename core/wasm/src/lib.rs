//! The npm package `tenantcheck` (`docs/npm-package.md`): a thin binding in the manner of ruff's `crates/ruff_wasm`,
//! in front of a core with no wasm code in its rule paths. Its parts: the exports, the crossing, one error helper.
//!
//! - **The crossing** is one JSON text each way, chosen by measurement (`docs/performance.md`, "npm package"): the
//!   package's JS entry (`scripts/pkg/index.js`) writes the input with `JSON.stringify` and reads the answer with
//!   `JSON.parse`; here the core's serde reader reads the record ([`tenantcheck_core::record::from_json`]'s
//!   `Deserialize`) and serde_json writes the result. No call reaches into JS to read or build a value, so no
//!   exception from a page's code (a throwing getter, a proxy) can pass through Rust frames: the entry catches what
//!   `JSON.stringify` throws and asks [`not_data`] for the error result.
//! - **Instances**: each [`Validator`] holds its own country rules and configuration; two never affect each other.
//!   All methods take `&self` and borrow their state only while no JS runs: a page's code that calls back in (from a
//!   patched `RegExp.prototype.test`) never finds it borrowed.
//! - **The engine's services** (`RegExp`, NFKC) are lent by `tenantcheck_core::js_host`, whose calls catch what
//!   they throw; a result made while one threw is replaced by `request.engine_failed`.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::cell::RefCell;
use std::rc::Rc;
use tenantcheck_core::countries::{overrides, PickerEntry, COUNTRIES, DATA_VERSION};
use tenantcheck_core::record::{Record, Slot};
use tenantcheck_core::rules::domain::DomainForm;
use tenantcheck_core::rules::request::RequestReason;
use tenantcheck_core::{js_host, FieldReport, FieldValue, Issue, Reason, Report, Validator as Core};
use wasm_bindgen::prelude::*;

/// The package's allocator: talc, a fraction of the size of the standard library's dlmalloc in WebAssembly.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// ---- The crossing ----

/// What crosses in: JSON text (the package), JS values read by serde-wasm-bindgen, or JS values read through the
/// core's `Source` (both measured only). Out: JSON text, or serde-wasm-bindgen's JS values.
#[cfg(not(any(feature = "serde-wasm-bindgen", feature = "js-reader")))]
type In = String;
#[cfg(any(feature = "serde-wasm-bindgen", feature = "js-reader"))]
type In = JsValue;
#[cfg(not(feature = "serde-wasm-bindgen"))]
type Data = String;
#[cfg(feature = "serde-wasm-bindgen")]
type Data = JsValue;

#[cfg(not(any(feature = "serde-wasm-bindgen", feature = "js-reader")))]
fn read<T: tenantcheck_core::record::Expected>(data: &In) -> Result<Slot<T>, String> {
    serde_json::from_str(data).map_err(|e| e.to_string())
}

#[cfg(not(feature = "serde-wasm-bindgen"))]
fn write<T: Serialize>(value: &T) -> Data {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(feature = "serde-wasm-bindgen")]
fn read<T: tenantcheck_core::record::Expected>(data: &In) -> Result<Slot<T>, String> {
    serde_wasm_bindgen::from_value(data.clone()).map_err(|e| e.to_string())
}

#[cfg(feature = "serde-wasm-bindgen")]
fn write<T: Serialize>(value: &T) -> Data {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

#[cfg(feature = "js-reader")]
mod js_reader;
#[cfg(feature = "js-reader")]
fn read<T: tenantcheck_core::record::Expected>(data: &In) -> Result<Slot<T>, String> {
    Slot::read(Some(&js_reader::Js(data.clone()))).map_err(|e| e.detail())
}

/// An issue as the package writes it: `params` always an object (the core leaves out empty ones).
struct IssueOut<'a>(&'a Issue);

impl Serialize for IssueOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("field", &self.0.field)?;
        map.serialize_entry("code", self.0.code)?;
        map.serialize_entry("message", &self.0.message)?;
        map.serialize_entry("params", &self.0.params)?;
        map.end()
    }
}

struct Issues<'a>(&'a [Issue]);

impl Serialize for Issues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for issue in self.0 {
            seq.serialize_element(&IssueOut(issue))?;
        }
        seq.end()
    }
}

/// The result of `validate` (`request.md`, "Result").
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportOut<'a> {
    valid: bool,
    domain_form: Option<DomainForm>,
    links_existing_tenant: bool,
    errors: Issues<'a>,
    warnings: Issues<'a>,
    normalized: &'a Option<Record>,
}

fn report(r: &Report) -> Data {
    write(&ReportOut {
        valid: r.valid,
        domain_form: r.domain_form,
        links_existing_tenant: r.links_existing_tenant,
        errors: Issues(&r.errors),
        warnings: Issues(&r.warnings),
        normalized: &r.normalized,
    })
}

/// The result of `validateField` (`request.md`, "Field result").
#[derive(serde::Serialize)]
struct FieldOut<'a> {
    field: &'a str,
    value: &'a Option<FieldValue>,
    valid: bool,
    covered: &'a [String],
    errors: Issues<'a>,
    warnings: Issues<'a>,
}

fn field_report(r: &FieldReport) -> Data {
    write(&FieldOut {
        field: &r.field,
        value: &r.value,
        valid: r.valid,
        covered: &r.covered,
        errors: Issues(&r.errors),
        warnings: Issues(&r.warnings),
    })
}

/// A report with one error on the record itself.
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

/// A field report with one error on the record itself.
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

/// The one error helper: `{"error": {code, message, params}}`, which the entry throws as a `TenantcheckError`.
fn error(reason: &dyn Reason) -> Data {
    #[derive(serde::Serialize)]
    struct ErrorOut<'a> {
        error: IssueOut<'a>,
    }
    write(&ErrorOut { error: IssueOut(&Issue::new("", reason)) })
}

/// The result when the input could not be read: what the entry caught from `JSON.stringify` (a throwing getter, a
/// proxy, a cycle, a function), as `request.not_json`; with `field`, as the result of `validateField` on it.
#[wasm_bindgen(js_name = notData)]
pub fn not_data(detail: String, field: Option<String>) -> Data {
    let reason = RequestReason::NotJson { detail, line: 0, column: 0 };
    match field {
        Some(field) => field_report(&field_rejected(field, &reason)),
        None => report(&rejected(&reason)),
    }
}

/// The version of the embedded country data (its sources and their versions).
#[wasm_bindgen(js_name = dataVersion)]
pub fn data_version() -> String {
    DATA_VERSION.to_owned()
}

// ---- The exports: one validator instance ----

/// A validator: its own country rules and configuration. The package's functions are a default instance.
#[wasm_bindgen]
pub struct Validator {
    core: RefCell<Rc<Core>>,
}

impl Validator {
    /// The validator in force, shared (not borrowed) while it runs: a page's code may call back in meanwhile.
    fn core(&self) -> Rc<Core> {
        Rc::clone(&self.core.borrow())
    }

    /// Runs a validation and replaces its result when the engine threw meanwhile.
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
        js_host::install();
        Validator { core: RefCell::new(Rc::new(Core::new())) }
    }

    /// Validates one record (`request.md`). Never fails: what is not a record gives a `request.*` error.
    pub fn validate(&self, record: In) -> Data {
        let r = match read::<Record>(&record) {
            Ok(parsed) => self.run(|v| v.validate_parsed(parsed), || rejected(&RequestReason::EngineFailed)),
            Err(detail) => rejected(&RequestReason::NotJson { detail, line: 0, column: 0 }),
        };
        report(&r)
    }

    /// Checks one field as the user types (`request.md`, "Field result"): `value` replaces the field at `path` in
    /// `record` (`null` or absent for none).
    #[wasm_bindgen(js_name = validateField)]
    pub fn validate_field(&self, path: In, value: In, record: In) -> Data {
        let path = match read::<String>(&path) {
            Ok(Slot::Value(path)) => path,
            _ => {
                let detail = "the field path is not a string".to_owned();
                return field_report(&field_rejected(
                    String::new(),
                    &RequestReason::NotJson { detail, line: 0, column: 0 },
                ));
            }
        };
        let value = read::<FieldValue>(&value).unwrap_or(Slot::Wrong(tenantcheck_core::record::Kind::Object));
        let record = match read::<Record>(&record) {
            Ok(Slot::Value(r)) => r,
            Ok(Slot::Absent | Slot::Null) => Record::default(),
            Ok(Slot::Wrong(kind)) => {
                return field_report(&field_rejected(path, &RequestReason::NotAnObject { found: kind.as_str() }))
            }
            Err(detail) => {
                return field_report(&field_rejected(path, &RequestReason::NotJson { detail, line: 0, column: 0 }))
            }
        };
        let failed = || field_rejected(path.clone(), &RequestReason::EngineFailed);
        let r = self.run(|v| v.check_field(&path, value, record), failed);
        field_report(&r)
    }

    /// Installs run-time country rules in Partner Center's shape (JSON text of one country's rules or a list);
    /// they replace the defaults of the countries they name. Answers `{"replaced": n}`, or for a malformed set
    /// (which changes nothing) the error helper's `{"error": …}`. Replaced rules free their patterns.
    #[wasm_bindgen(js_name = setCountryRules)]
    pub fn set_country_rules(&self, rules: In) -> Data {
        #[cfg(feature = "js-reader")]
        let parsed = overrides::parse(&js_reader::Js(rules));
        #[cfg(not(feature = "js-reader"))]
        let parsed = overrides::parse_json(&rules);
        match parsed {
            Ok(set) => {
                let n = set.len();
                let mut v = (*self.core()).clone();
                v.set_country_rules(set);
                *self.core.borrow_mut() = Rc::new(v);
                #[derive(serde::Serialize)]
                struct Replaced {
                    replaced: usize,
                }
                write(&Replaced { replaced: n })
            }
            Err(e) => error(&e),
        }
    }

    /// Drops every run-time country rule: the embedded defaults apply again.
    #[wasm_bindgen(js_name = resetCountryRules)]
    pub fn reset_country_rules(&self) {
        let mut v = (*self.core()).clone();
        v.reset_country_rules();
        *self.core.borrow_mut() = Rc::new(v);
    }

    /// Every country for a picker, sorted by code, under the rules in force.
    pub fn countries(&self) -> Data {
        let v = self.core();
        let entries: Vec<PickerEntry> = COUNTRIES.iter().map(|c| PickerEntry::new(&v.rules_for(c))).collect();
        write(&entries)
    }
}
