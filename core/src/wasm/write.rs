//! The binding's results as plain JS objects, in the shape of `request.md` and of the package's declarations
//! ([`super::mirror`]): the result, the field result, issues, params and the picker's rows, on the record writer of
//! [`crate::js_host::value`] (the crossing: `docs/performance.md`, "The crossing").

use crate::countries::picker::PickerEntry;
use crate::issue::{self, Param, Params};
use crate::js_host::js;
use crate::js_host::value::{array, js_static, list, object, set, strings, ToJs};
use crate::record::{self, PlaceMut};
use crate::rules::domain::DomainForm;
use crate::{FieldCheck, Report};
use alloc::borrow::Cow;
use wasm_bindgen::prelude::*;

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
pub(crate) fn field_result(mut check: FieldCheck) -> JsValue {
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
