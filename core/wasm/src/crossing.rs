//! The crossing (`docs/performance.md`, "npm package", measured against one JSON text each way and serde-wasm-bindgen):
//! JS values read in place through the core's [`Source`], results written as plain JS objects by [`ToJs`]. Every call
//! into JS that can run a page's code (a getter, a proxy, a setter on `Object.prototype`) catches what it throws: no
//! exception passes through Rust frames.

use js_sys::{Array, Reflect};
use std::borrow::Cow;
use std::cell::RefCell;
use tenantcheck_core::countries::PickerEntry;
use tenantcheck_core::record::{Account, Address, Contact, Record, Slot, SyncOptions};
use tenantcheck_core::source::{NotData, Shape, Source};
use tenantcheck_core::{FieldReport, FieldValue, Issue, Param, Params, Report};
use wasm_bindgen::prelude::*;

/// A JS value as the core reads it.
pub struct Js(pub JsValue);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(object: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = values)]
    fn object_values(object: &JsValue) -> Result<Array, JsValue>;
    /// `Array.isArray`, which throws on a revoked proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Array.from`: a list's items, holes as `undefined`.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn array_from(value: &JsValue) -> Result<Array, JsValue>;
    /// `ArrayBuffer.isView`: typed arrays and data views.
    #[wasm_bindgen(js_namespace = ArrayBuffer, js_name = isView)]
    fn is_view(value: &JsValue) -> bool;
    /// A plain object made here, its members set with `target[key] = value`; only a setter a page put on
    /// `Object.prototype` could run, and what it throws is caught.
    #[wasm_bindgen(extends = js_sys::Object, js_name = Object)]
    type Target;
    #[wasm_bindgen(catch, method, indexing_setter)]
    fn put(this: &Target, key: &JsValue, value: &JsValue) -> Result<(), JsValue>;
}

impl Source for Js {
    // Each test is a call into JS: the common cases first (text fields, then objects).
    fn shape(&self) -> Result<Shape, NotData> {
        let v = &self.0;
        if let Some(s) = v.as_string() {
            return Ok(Shape::Text(s));
        }
        Ok(if v.is_object() {
            match is_array(v) {
                Ok(true) => Shape::List,
                // A typed array is not a list of JSON values (and would read as a million unknown members).
                Ok(false) if is_view(v) => return Err(NotData("a typed array")),
                Ok(false) => Shape::Object,
                Err(_) => return Err(NotData("an object that cannot be read")),
            }
        } else if v.is_null() {
            Shape::Null
        } else if v.is_undefined() {
            Shape::Absent
        } else if let Some(b) = v.as_bool() {
            Shape::Bool(b)
        } else if v.as_f64().is_some() || v.is_bigint() {
            Shape::Number
        } else if v.is_function() {
            return Err(NotData("a function"));
        } else {
            return Err(NotData("a symbol"));
        })
    }

    fn items(&self) -> Result<Vec<Self>, NotData> {
        let items = array_from(&self.0).map_err(|_| NotData("a list whose items cannot be read"))?;
        Ok(items.iter().map(Js).collect())
    }

    fn members(&self) -> Result<Vec<(String, Self)>, NotData> {
        // Object.keys and Object.values: own enumerable members in the same order, getters run once; one catch each.
        let unreadable = NotData("an object whose members cannot be read");
        let values = object_values(&self.0).map_err(|_| unreadable)?;
        let keys = object_keys(&self.0).map_err(|_| unreadable)?;
        // A getter that adds members, or a proxy that answers differently each time, would pair them wrongly.
        if keys.length() != values.length() {
            return Err(unreadable);
        }
        let mut members = Vec::with_capacity(keys.length() as usize);
        for i in 0..keys.length() {
            if let Some(key) = keys.get(i).as_string() {
                members.push((key, Js(values.get(i))));
            }
        }
        Ok(members)
    }

    fn get(&self, key: &str) -> Result<Option<Self>, NotData> {
        let v = Reflect::get(&self.0, &JsValue::from_str(key)).map_err(|_| NotData("a member that cannot be read"))?;
        Ok(Some(Js(v)))
    }
}

/// Slots of the cache of JS strings: a power of two, about twice the `&'static str`s results hold (member names,
/// codes, field paths, parameter names).
const STATIC_SLOTS: usize = 512;

thread_local! {
    /// JS strings of the `&'static str`s results hold, made once (a JS string is a call into JS and a UTF-8 decode);
    /// open addressing on the string's address and length.
    static STATIC_STRINGS: RefCell<Vec<(usize, usize, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` on the JS string of a `&'static str`, made once. The cache is only borrowed shared while JS runs (`f` sets
/// a member, and a page's setter on `Object.prototype` could call back in): a call that finds it borrowed and would
/// have to add a string makes one that is not cached.
fn with_static<R>(s: &'static str, f: impl FnOnce(&JsValue) -> R) -> R {
    let key = (s.as_ptr() as usize, s.len());
    STATIC_STRINGS.with(|cell| {
        let mut free = None;
        if let Ok(cache) = cell.try_borrow() {
            let mut at = (key.0 ^ key.1.wrapping_mul(31)) % STATIC_SLOTS;
            for _ in 0..STATIC_SLOTS {
                match cache.get(at) {
                    Some((p, n, js)) if (*p, *n) == key => return f(js),
                    Some((0, _, _)) | None => {
                        free = Some(at);
                        break;
                    }
                    Some(_) => at = (at + 1) % STATIC_SLOTS,
                }
            }
        }
        let js = JsValue::from_str(s);
        if let (Some(at), Ok(mut cache)) = (free, cell.try_borrow_mut()) {
            if cache.is_empty() {
                cache.resize(STATIC_SLOTS, (0, 0, JsValue::NULL));
            }
            cache[at] = (key.0, key.1, js.clone());
        }
        f(&js)
    })
}

fn js_static(s: &'static str) -> JsValue {
    with_static(s, JsValue::clone)
}

pub fn set(target: &JsValue, key: &'static str, value: &JsValue) {
    let _ = with_static(key, |key| target.unchecked_ref::<Target>().put(key, value));
}

fn object(members: &[(&'static str, JsValue)]) -> JsValue {
    let o: JsValue = js_sys::Object::new().into();
    for (key, value) in members {
        set(&o, key, value);
    }
    o
}

fn strings<S: AsRef<str>>(items: &[S]) -> JsValue {
    items.iter().map(|s| JsValue::from_str(s.as_ref())).collect::<Array>().into()
}

/// A value as JS writes it: `null` for no value.
pub trait ToJs {
    fn to_js(&self) -> JsValue;
}

impl<T: ToJs> ToJs for Vec<T> {
    fn to_js(&self) -> JsValue {
        self.iter().map(ToJs::to_js).collect::<Array>().into()
    }
}

impl<T: ToJs> ToJs for &T {
    fn to_js(&self) -> JsValue {
        (*self).to_js()
    }
}

impl ToJs for String {
    fn to_js(&self) -> JsValue {
        if self.is_empty() {
            js_static("") // normalized records are mostly empty fields
        } else {
            JsValue::from_str(self)
        }
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

impl ToJs for bool {
    fn to_js(&self) -> JsValue {
        JsValue::from_bool(*self)
    }
}

impl ToJs for Report {
    fn to_js(&self) -> JsValue {
        object(&[
            ("valid", self.valid.into()),
            ("domainForm", self.domain_form.map_or(JsValue::NULL, |f| js_static(f.as_str()))),
            ("linksExistingTenant", self.links_existing_tenant.into()),
            ("errors", self.errors.to_js()),
            ("warnings", self.warnings.to_js()),
            ("normalized", self.normalized.to_js()),
        ])
    }
}

impl ToJs for FieldReport {
    fn to_js(&self) -> JsValue {
        object(&[
            ("field", JsValue::from_str(&self.field)),
            ("value", self.value.to_js()),
            ("valid", self.valid.into()),
            ("covered", strings(&self.covered)),
            ("errors", self.errors.to_js()),
            ("warnings", self.warnings.to_js()),
        ])
    }
}

impl ToJs for FieldValue {
    fn to_js(&self) -> JsValue {
        match self {
            FieldValue::Text(s) => s.to_js(),
            FieldValue::Flag(b) => b.to_js(),
        }
    }
}

impl ToJs for Issue {
    fn to_js(&self) -> JsValue {
        let field = match &self.field {
            Cow::Borrowed(field) => js_static(field),
            Cow::Owned(field) => JsValue::from_str(field),
        };
        object(&[
            ("field", field),
            ("code", js_static(self.code)),
            ("message", JsValue::from_str(&self.message)),
            ("params", self.params.to_js()),
        ])
    }
}

impl ToJs for Params {
    fn to_js(&self) -> JsValue {
        let o: JsValue = js_sys::Object::new().into();
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

impl ToJs for Record {
    fn to_js(&self) -> JsValue {
        object(&[
            ("cspModel", self.csp_model.to_js()),
            ("syncOptions", self.sync_options.to_js()),
            ("account", self.account.to_js()),
            ("resellerBillingAddress", self.reseller_billing_address.to_js()),
            ("partnerDomain", self.partner_domain.to_js()),
            ("markets", self.markets.to_js()),
            ("domainSuffix", self.domain_suffix.to_js()),
        ])
    }
}

impl ToJs for SyncOptions {
    fn to_js(&self) -> JsValue {
        object(&[
            ("username", self.username.to_js()),
            ("domainPrefix", self.domain_prefix.to_js()),
            ("resellerMpnId", self.reseller_mpn_id.to_js()),
        ])
    }
}

impl ToJs for Account {
    fn to_js(&self) -> JsValue {
        object(&[
            ("companyName", self.company_name.to_js()),
            ("contact", self.contact.to_js()),
            ("email", self.email.to_js()),
            ("phone", self.phone.to_js()),
            ("registrationNumber", self.registration_number.to_js()),
            ("isSubCustomerOfReseller", self.is_sub_customer_of_reseller.to_js()),
            ("billingAddress", self.billing_address.to_js()),
        ])
    }
}

impl ToJs for Contact {
    fn to_js(&self) -> JsValue {
        object(&[("firstName", self.first_name.to_js()), ("lastName", self.last_name.to_js())])
    }
}

impl ToJs for Address {
    fn to_js(&self) -> JsValue {
        let o: JsValue = js_sys::Object::new().into();
        for key in Address::KEYS {
            set(&o, key, &self.get(key).to_js());
        }
        o
    }
}

impl ToJs for PickerEntry {
    fn to_js(&self) -> JsValue {
        object(&[
            ("code", JsValue::from_str(self.code)),
            ("name", JsValue::from_str(self.name)),
            ("hasPostalCodes", self.has_postal_codes.into()),
            ("isPostalCodeRequired", self.is_postal_code_required.into()),
            ("postalCodeExample", self.postal_code_example.map_or(JsValue::NULL, JsValue::from_str)),
            ("postalCodeExamples", strings(&self.postal_code_examples)),
            ("hasStates", self.has_states.into()),
            ("isStateRequired", self.is_state_required.into()),
            ("states", strings(&self.states)),
            ("isCspMarket", self.is_csp_market.into()),
        ])
    }
}
