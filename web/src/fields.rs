//! The fields of the form: the record's dotted paths, their element ids, and the values a user typed (pure; the DOM
//! side is in `form`). Element ids are the path with `.` replaced by `-`; each field has a message container
//! `{id}-msg` and a hint `{id}-hint`, both named by the field's `aria-describedby`.

use crate::json::{self, Value};
use serde::Serialize;
use tenantcheck_core::record::{Record, Slot};
use tenantcheck_core::schema::{self, TextKind};

/// The path of the reseller field, shown only under some CSP models.
pub const RESELLER: &str = "syncOptions.resellerMpnId";
/// The domain field.
pub const DOMAIN: &str = "syncOptions.domainPrefix";
/// The billing address's country and state.
pub const COUNTRY: &str = "account.billingAddress.country";
pub const STATE: &str = "account.billingAddress.state";
/// The sub-customer checkbox (not a text field).
pub const SUB_CUSTOMER: &str = "account.isSubCustomerOfReseller";
/// The billing address fields a suggestion may fill, with their keys in `suggestedAddress`: the schema's.
pub const ADDRESS: [(&str, &str); 6] = address_fields("account.billingAddress");

/// Every text field of the form, in the order of the page (the first invalid one gets the focus): the customer's text
/// fields of the core's schema, in its order (the partner's configuration is no field of the form).
pub const TEXT_FIELDS: [&str; customer_text_fields(&mut [])] = {
    let mut out = [""; customer_text_fields(&mut [])];
    customer_text_fields(&mut out);
    out
};

/// Puts the schema's customer text fields ([`TEXT_FIELDS`]) into `out` as far as it has room; returns how many they
/// are.
const fn customer_text_fields(out: &mut [&'static str]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < schema::FIELDS.len() {
        let f = &schema::FIELDS[i];
        if f.is_text() && f.is_customer_data() {
            if n < out.len() {
                out[n] = f.path;
            }
            n += 1;
        }
        i += 1;
    }
    n
}

/// The (key, path) pairs of the address at `root`, in the schema's order.
const fn address_fields<const N: usize>(root: &str) -> [(&'static str, &'static str); N] {
    let Some(address) = schema::member(root) else { panic!("no such address") };
    assert!(address.members.len() == N);
    let mut out = [("", ""); N];
    let mut i = 0;
    while i < N {
        out[i] = (address.members[i].key, address.members[i].path);
        i += 1;
    }
    out
}

/// Whether the host may put a field into its canonical form when it loses focus (`rules.md` section 0): only a
/// code-like field, by the core's schema ([`tenantcheck_core::schema`]); the state only where its country's list is
/// closed (`closed_list`: the page shows the list). Free text is never rewritten.
pub fn rewritten_on_blur(path: &str, closed_list: bool) -> bool {
    schema::kind(path).and_then(|k| k.resolve(closed_list)) == Some(TextKind::Code)
}

/// The element id of a field (`account.contact.firstName` → `account-contact-firstName`).
pub fn element_id(path: &str) -> String {
    path.replace('.', "-")
}

/// The id of a field's message container.
pub fn message_id(path: &str) -> String {
    format!("{}-msg", element_id(path))
}

/// The form's field whose path is `path`, as a `'static` path (server answers name fields by string).
pub fn known(path: &str) -> Option<&'static str> {
    TEXT_FIELDS.iter().copied().chain([SUB_CUSTOMER]).find(|p| *p == path)
}

/// What the user typed: text by path, and the checkbox. Also the draft kept in local storage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Values {
    /// By path, sorted, each path once: serialized as one JSON object in the order of its keys, as the `BTreeMap`
    /// it replaces was (a `BTreeMap<String, String>` was 3 KB of the module; the form has about 20 fields).
    #[serde(serialize_with = "as_object")]
    text: Vec<(String, String)>,
    pub sub_customer: bool,
}

impl Values {
    /// Values from their JSON (`{"text":{path:value,…},"subCustomer":bool}`, both members optional); `None` when it
    /// is not that (crate::json).
    pub fn from_json(v: &Value) -> Option<Values> {
        let o = json::object(v)?;
        let mut values =
            Values { sub_customer: json::or_default(o, "subCustomer", Value::as_bool)?, ..Values::default() };
        if let Some(text) = o.get("text") {
            for (k, v) in json::object(text)? {
                values.set(k, json::string(v)?);
            }
        }
        Some(values)
    }

    /// Values from JSON text (the draft).
    pub fn parse(text: &str) -> Option<Values> {
        Values::from_json(&json::parse(text)?)
    }

    pub fn get(&self, path: &str) -> &str {
        match self.find(path) {
            Ok(i) => &self.text[i].1,
            Err(_) => "",
        }
    }

    pub fn set(&mut self, path: &str, value: impl Into<String>) {
        match self.find(path) {
            Ok(i) => self.text[i].1 = value.into(),
            Err(i) => self.text.insert(i, (path.to_owned(), value.into())),
        }
    }

    /// Whether any text field holds more than spaces.
    pub fn any_text(&self) -> bool {
        self.text.iter().any(|(_, v)| !v.trim().is_empty())
    }

    fn find(&self, path: &str) -> Result<usize, usize> {
        self.text.binary_search_by(|(p, _)| p.as_str().cmp(path))
    }

    /// The record these values make (without configuration: see `Config::apply`). A hidden reseller field counts as
    /// no value, so a value left in a draft never fails a model without the field.
    pub fn to_record(&self, reseller_shown: bool) -> Record {
        let mut record = Record::default();
        for path in TEXT_FIELDS {
            if path == RESELLER && !reseller_shown {
                continue;
            }
            if let Some(slot) = record.text_mut(path) {
                *slot = Slot::Value(self.get(path).to_owned());
            }
        }
        if let Slot::Value(acc) = &mut record.account {
            acc.is_sub_customer_of_reseller = Slot::Value(self.sub_customer);
        }
        if let Slot::Value(so) = &mut record.sync_options {
            if !reseller_shown {
                so.reseller_mpn_id = Slot::Null;
            }
        }
        record
    }

    /// The values of a (normalized) record, for writing back into the form.
    pub fn from_record(record: &Record) -> Values {
        let mut values = Values::default();
        let mut record = record.clone();
        for path in TEXT_FIELDS {
            if let Some(slot) = record.text_mut(path) {
                values.set(path, slot.as_str());
            }
        }
        values.sub_customer =
            record.account.value().and_then(|a| a.is_sub_customer_of_reseller.value().copied()) == Some(true);
        values
    }
}

/// [`Values::text`] as one JSON object.
fn as_object<S: serde::Serializer>(text: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(text.iter().map(|(k, v)| (k, v)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tenantcheck_core::record::is_known_path;

    #[test]
    fn every_field_is_a_text_field_of_the_record() {
        for p in TEXT_FIELDS {
            assert!(is_known_path(p) && Record::default().text_mut(p).is_some(), "{p}");
        }
        assert!(is_known_path(SUB_CUSTOMER));
        assert_eq!(element_id("account.contact.firstName"), "account-contact-firstName");
        assert_eq!(message_id(DOMAIN), "syncOptions-domainPrefix-msg");
        assert_eq!(known("account.phone"), Some("account.phone"));
        assert_eq!(known("resellerBillingAddress.city"), None);
    }

    /// The page's fields are the schema's customer text fields and the checkbox: every element id of `index.html`
    /// outside the host's own (`tc-…`) belongs to one of them, and each has its input.
    #[test]
    fn the_pages_fields_are_the_schemas() {
        const PAGE: &str = include_str!("../../index.html");
        const PARTS: [&str; 8] = ["-msg", "-row", "-hint", "-label", "-list", "-optional", "-live", "-name"];
        let fields: Vec<&str> = TEXT_FIELDS.iter().copied().chain([SUB_CUSTOMER]).collect();
        let ids: Vec<&str> =
            PAGE.split(" id=\"").skip(1).filter_map(|rest| rest.split_once('"')).map(|(id, _)| id).collect();
        for id in ids.iter().filter(|id| !id.starts_with("tc-") && **id != "tenantcheck-form") {
            let base = PARTS.iter().find_map(|p| id.strip_suffix(p)).unwrap_or(id);
            assert!(fields.iter().any(|f| element_id(f) == base), "{id} is no field of the schema");
        }
        for f in &fields {
            assert!(ids.contains(&element_id(f).as_str()), "{f} has no input on the page");
            assert!(schema::member(f).is_some_and(|m| m.is_customer_data()), "{f}");
        }
        assert_eq!(TEXT_FIELDS.len(), 15);
        assert_eq!(ADDRESS[5], ("postalCode", "account.billingAddress.postalCode"));
    }

    #[test]
    fn only_code_like_fields_are_rewritten_on_blur() {
        // Every field of the form has a text kind in the core's schema.
        for p in TEXT_FIELDS {
            assert!(schema::kind(p).and_then(|k| k.resolve(false)).is_some(), "{p}");
        }
        assert!(rewritten_on_blur(STATE, true) && !rewritten_on_blur(STATE, false));
    }

    #[test]
    fn values_make_a_record_and_back() {
        let mut v = Values::default();
        v.set("account.email", "it@contoso.com");
        v.set(RESELLER, "1234567");
        v.sub_customer = true;
        let r = v.to_record(true);
        assert_eq!(r.account.value().unwrap().email.as_str(), "it@contoso.com");
        assert_eq!(r.account.value().unwrap().is_sub_customer_of_reseller, Slot::Value(true));
        assert_eq!(Values::from_record(&r).get(RESELLER), "1234567");
        assert!(Values::from_record(&r).sub_customer);
        let hidden = v.to_record(false);
        assert_eq!(hidden.sync_options.value().unwrap().reseller_mpn_id, Slot::Null);
    }

    #[test]
    fn a_draft_survives_json() {
        let mut v = Values::default();
        v.set("account.companyName", "Contoso <b>Ltd</b>");
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(Values::parse(&json).unwrap(), v);
        assert_eq!(Values::parse("{}").unwrap(), Values::default());
        // The stored shape: one object, keys in order whatever order they were set in, the last value of a key.
        let mut w = Values::default();
        w.set("b", "2");
        w.set("a", "1");
        w.set("b", "3");
        assert_eq!(serde_json::to_string(&w).unwrap(), r#"{"text":{"a":"1","b":"3"},"subCustomer":false}"#);
        assert_eq!(Values::parse(r#"{"text":{"b":"3","a":"1"}}"#).unwrap(), w);
        assert!(Values::parse(r#"{"subCustomer":true,"x":1}"#).unwrap().sub_customer);
        for bad in [r#"{"text":{"a":1}}"#, r#"{"text":null}"#, r#"{"subCustomer":"yes"}"#, "[]", "{"] {
            assert_eq!(Values::parse(bad), None, "{bad}");
        }
    }
}
