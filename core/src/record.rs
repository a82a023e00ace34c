//! The record of `request.md`, read leniently: any JSON value is accepted where text is expected, and wrong types,
//! unknown fields and `null`s are kept as data for the walker (`validate`) to report with their field paths, so one
//! record yields every problem at once instead of stopping at the first. Only malformed JSON fails to parse.
//!
//! The same types serialize the normalized record: camelCase names, `null` for no value.

use crate::source::{NotData, Shape, Source};
use alloc::{borrow::ToOwned, string::String, vec::Vec};
use core::fmt;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

/// The JSON type of a value, for `request.wrong_type` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Bool => "boolean",
            Kind::Number => "number",
            Kind::Text => "string",
            Kind::List => "array",
            Kind::Object => "object",
        }
    }
}

/// One JSON value of a field, as read: absent, `null`, the expected type, or another type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Slot<T> {
    #[default]
    Absent,
    Null,
    Value(T),
    Wrong(Kind),
}

impl<T> Slot<T> {
    /// The value, if the slot holds the expected type.
    pub fn value(&self) -> Option<&T> {
        match self {
            Slot::Value(v) => Some(v),
            _ => None,
        }
    }
    /// The value, made the type's default first where the slot holds none (absent, `null` or another JSON type: a
    /// caller that must report a wrong type checks [`Slot::wrong`] first).
    pub fn value_or_default(&mut self) -> Option<&mut T>
    where
        T: Default,
    {
        if !matches!(self, Slot::Value(_)) {
            *self = Slot::Value(T::default());
        }
        match self {
            Slot::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The wrong type found, if any.
    pub fn wrong(&self) -> Option<Kind> {
        match self {
            Slot::Wrong(k) => Some(*k),
            _ => None,
        }
    }
}

impl<T: Serialize> Serialize for Slot<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Slot::Value(v) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }
}

/// A text field.
pub type Text = Slot<String>;
/// A boolean field.
pub type Flag = Slot<bool>;

impl Text {
    /// The text, or `""` for no value (absent, `null`, wrong type).
    pub fn as_str(&self) -> &str {
        self.value().map_or("", String::as_str)
    }
}

/// What a [`Slot`] holds when the JSON value has the expected type: read from a map, a string, a bool, or a list,
/// with serde (`from_*`) or from a [`Source`] (`read_*`).
pub trait Expected: Sized + Default {
    const KIND: Kind;
    fn from_str(_: &str) -> Option<Self> {
        None
    }
    fn from_text(s: String) -> Option<Self> {
        Self::from_str(&s)
    }
    fn read_list<S: Source>(_: &S) -> Result<Option<Self>, NotData> {
        Ok(None)
    }
    /// Reads an object's members into `self`, a default value: for the record objects ([`Kind::Object`]), which
    /// [`Slot::read_into`] reads in place.
    fn read_object<S: Source>(&mut self, _: &S) -> Result<(), NotData> {
        Ok(())
    }
    fn from_bool(_: bool) -> Option<Self> {
        None
    }
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        drain_map(map).map(|()| None)
    }
    fn from_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Option<Self>, A::Error> {
        drain_seq(seq).map(|()| None)
    }
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

impl Expected for String {
    const KIND: Kind = Kind::Text;
    fn from_str(s: &str) -> Option<Self> {
        Some(s.to_owned())
    }
    fn from_text(s: String) -> Option<Self> {
        Some(s)
    }
}

impl Expected for bool {
    const KIND: Kind = Kind::Bool;
    fn from_bool(b: bool) -> Option<Self> {
        Some(b)
    }
}

impl<T: Expected> Expected for Vec<Slot<T>> {
    const KIND: Kind = Kind::List;
    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<Slot<T>>()? {
            out.push(item);
        }
        Ok(Some(out))
    }
    fn read_list<S: Source>(src: &S) -> Result<Option<Self>, NotData> {
        // A hole in a JS array reads as `null`, as JSON.stringify writes it.
        let items = src.items()?;
        let mut slots = Vec::with_capacity(items.len());
        for item in &items {
            slots.push(match Slot::read(Some(item))? {
                Slot::Absent => Slot::Null,
                slot => slot,
            });
        }
        Ok(Some(slots))
    }
}

struct SlotVisitor<T>(core::marker::PhantomData<T>);

impl<T: Expected> SlotVisitor<T> {
    fn found<E>(v: Option<T>, kind: Kind) -> Result<Slot<T>, E> {
        Ok(v.map_or(Slot::Wrong(kind), Slot::Value))
    }
}

impl<'de, T: Expected> Visitor<'de> for SlotVisitor<T> {
    type Value = Slot<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Self::found(T::from_bool(v), Kind::Bool)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Slot::Wrong(Kind::Number))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Slot::Wrong(Kind::Number))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Slot::Wrong(Kind::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Self::found(T::from_str(v), Kind::Text)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Slot::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Slot::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Slot::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        T::from_seq(seq).and_then(|v| Self::found(v, Kind::List))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_map(map).and_then(|v| Self::found(v, Kind::Object))
    }
}

impl<T: Expected> Slot<T> {
    /// Reads a slot from a [`Source`] (`None`: the key is missing), as leniently as the serde reader above: another
    /// type is kept as [`Slot::Wrong`], never an error. `Err` only for a value that is not data at all.
    pub fn read<S: Source>(src: Option<&S>) -> Result<Self, NotData> {
        let mut slot = Slot::Absent;
        slot.read_into(src)?;
        Ok(slot)
    }

    /// [`Slot::read`] into this slot, in place: a record object is read into its place in the record, not built
    /// aside and moved there (in WebAssembly each move of a large value is code).
    pub fn read_into<S: Source>(&mut self, src: Option<&S>) -> Result<(), NotData> {
        let Some(src) = src else {
            *self = Slot::Absent;
            return Ok(());
        };
        let (value, kind) = match src.shape()? {
            Shape::Absent => {
                *self = Slot::Absent;
                return Ok(());
            }
            Shape::Null => {
                *self = Slot::Null;
                return Ok(());
            }
            Shape::Bool(b) => (T::from_bool(b), Kind::Bool),
            Shape::Number => (None, Kind::Number),
            Shape::Text(s) => (T::from_text(s), Kind::Text),
            Shape::List => (T::read_list(src)?, Kind::List),
            Shape::Object if matches!(T::KIND, Kind::Object) => {
                *self = Slot::Value(T::default());
                return match self {
                    Slot::Value(v) => v.read_object(src),
                    _ => Ok(()),
                };
            }
            Shape::Object => (None, Kind::Object),
        };
        *self = value.map_or(Slot::Wrong(kind), Slot::Value);
        Ok(())
    }
}

/// [`Slot::read`] into a field, object-safe so that [`read_members`] reads every field through one call site.
trait ReadSlot<S> {
    fn read_slot(&mut self, src: Option<&S>) -> Result<(), NotData>;
}

impl<S: Source, T: Expected> ReadSlot<S> for Slot<T> {
    fn read_slot(&mut self, src: Option<&S>) -> Result<(), NotData> {
        self.read_into(src)
    }
}

impl<'de, T: Expected> Deserialize<'de> for Slot<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SlotVisitor(core::marker::PhantomData))
    }
}

/// Defines a record object: its fields with their JSON names, read from a JSON object (unknown keys kept in
/// `unknown`, in order), serialized with the same names.
macro_rules! object {
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident : $ty:ty = $key:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
        pub struct $name {
            $($(#[$fdoc])* #[serde(rename = $key)] pub $field: $ty,)*
            /// Keys of the JSON object that the record does not know.
            #[serde(skip)]
            pub unknown: Vec<String>,
        }

        impl $name {
            /// The JSON names of the fields, in order.
            pub const KEYS: &'static [&'static str] = &[$($key),*];
        }

        impl Expected for $name {
            const KIND: Kind = Kind::Object;
            fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
                let mut out = $name::default();
                while let Some(key) = map.next_key::<alloc::borrow::Cow<'de, str>>()? {
                    match key.as_ref() {
                        $($key => out.$field = map.next_value()?,)*
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            out.unknown.push(key.into_owned());
                        }
                    }
                }
                Ok(Some(out))
            }
            fn read_object<S: Source>(&mut self, src: &S) -> Result<(), NotData> {
                read_members(src, self)
            }
        }

        impl<S: Source> Members<S> for $name {
            fn member(&mut self, key: &str) -> Option<&mut dyn ReadSlot<S>> {
                match key {
                    $($key => Some(&mut self.$field),)*
                    _ => None,
                }
            }
            fn unknown(&mut self) -> &mut Vec<String> {
                &mut self.unknown
            }
        }
    };
}

/// The fields of a record object by JSON name, for [`read_members`].
trait Members<S> {
    fn member(&mut self, key: &str) -> Option<&mut dyn ReadSlot<S>>;
    fn unknown(&mut self) -> &mut Vec<String>;
}

/// Reads an object's members into a record object: known keys into their fields, the others listed as unknown. One
/// copy for every record object, its fields reached through `dyn`: in WebAssembly a copy per object or per field
/// costs kilobytes.
fn read_members<S: Source>(src: &S, out: &mut dyn Members<S>) -> Result<(), NotData> {
    for (key, value) in src.members()? {
        match out.member(&key) {
            Some(field) => field.read_slot(Some(&value))?,
            None => out.unknown().push(key),
        }
    }
    Ok(())
}

object!(
    /// The record of `request.md`: one account's sync options and prerequisites, with the partner's configuration.
    Record {
        /// Configuration: `direct` | `indirectProvider` | `indirectCountryTenant` | `tenantReseller`.
        csp_model: Text = "cspModel",
        sync_options: Slot<SyncOptions> = "syncOptions",
        account: Slot<Account> = "account",
        /// Configuration: the reseller's billing address, for sub-customers that leave theirs empty.
        reseller_billing_address: Slot<Address> = "resellerBillingAddress",
        /// Configuration: the partner's own domain, which customer e-mail may not use.
        partner_domain: Text = "partnerDomain",
        /// Configuration: country codes the partner sells in; `null` = Partner Center's CSP markets.
        markets: Slot<Vec<Text>> = "markets",
        /// Configuration: the initial-domain suffix; `null` = `onmicrosoft.com`.
        domain_suffix: Text = "domainSuffix",
    }
);

object!(
    /// The sync options of one Partner Center instance.
    SyncOptions {
        username: Text = "username",
        domain_prefix: Text = "domainPrefix",
        reseller_mpn_id: Text = "resellerMpnId",
    }
);

object!(
    /// The BSS account's prerequisites.
    Account {
        company_name: Text = "companyName",
        contact: Slot<Contact> = "contact",
        email: Text = "email",
        phone: Text = "phone",
        registration_number: Text = "registrationNumber",
        is_sub_customer_of_reseller: Flag = "isSubCustomerOfReseller",
        billing_address: Slot<Address> = "billingAddress",
    }
);

object!(
    /// The account's primary contact.
    Contact {
        first_name: Text = "firstName",
        last_name: Text = "lastName",
    }
);

object!(
    /// A billing address.
    Address {
        country: Text = "country",
        address_line1: Text = "addressLine1",
        address_line2: Text = "addressLine2",
        city: Text = "city",
        state: Text = "state",
        postal_code: Text = "postalCode",
    }
);

impl Address {
    /// The field with a JSON name (`postalCode`), if the address has one.
    pub fn get(&self, key: &str) -> Option<&Text> {
        Some(match key {
            "country" => &self.country,
            "addressLine1" => &self.address_line1,
            "addressLine2" => &self.address_line2,
            "city" => &self.city,
            "state" => &self.state,
            "postalCode" => &self.postal_code,
            _ => return None,
        })
    }

    /// [`Address::get`], to change the field.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Text> {
        Some(match key {
            "country" => &mut self.country,
            "addressLine1" => &mut self.address_line1,
            "addressLine2" => &mut self.address_line2,
            "city" => &mut self.city,
            "state" => &mut self.state,
            "postalCode" => &mut self.postal_code,
            _ => return None,
        })
    }

    /// True when every field but the country is empty after section 0 (judged as code-like text, which drops every
    /// invisible character: a joiner alone is no text): a sub-customer may leave its address so. A country alone
    /// counts as empty, as forms preselect one (`rules.md` section 2, "Billing address"); a country of the wrong JSON
    /// type does not, so that it is reported.
    pub fn is_empty(&self) -> bool {
        self.country.wrong().is_none()
            && [&self.address_line1, &self.address_line2, &self.city, &self.state, &self.postal_code].iter().all(|t| {
                match t {
                    Slot::Value(s) => crate::text::normalize(s).is_ok_and(|n| n.is_empty()),
                    Slot::Absent | Slot::Null => true,
                    Slot::Wrong(_) => false,
                }
            })
    }
}

/// Whether a dotted path (`account.billingAddress.postalCode`) names a field of the record. CSV headers use these.
pub fn is_known_path(path: &str) -> bool {
    let mut parts = crate::text::split_by(path, b'.');
    let (Some(first), rest) = (parts.next(), parts.collect::<Vec<_>>()) else { return false };
    let address = |rest: &[&str]| matches!(rest, [k] if Address::KEYS.contains(k));
    match (first, rest.as_slice()) {
        ("syncOptions", [k]) => SyncOptions::KEYS.contains(k),
        ("account", ["contact", k]) => Contact::KEYS.contains(k),
        ("account", ["billingAddress", rest @ ..]) => address(rest),
        ("account", [k]) => Account::KEYS.contains(k) && !matches!(*k, "contact" | "billingAddress"),
        ("resellerBillingAddress", rest) => address(rest),
        (k, []) => Record::KEYS.contains(&k) && !matches!(k, "syncOptions" | "account" | "resellerBillingAddress"),
        _ => false,
    }
}

impl Record {
    /// The text field at a dotted path (`account.billingAddress.city`), created with its parent objects when they are
    /// missing; `None` for a path that is not a text field of the record (`markets`, the flag, unknown paths).
    pub fn text_mut(&mut self, path: &str) -> Option<&mut Text> {
        let (head, rest) = crate::text::split_once_at(path, b'.').unwrap_or((path, ""));
        Some(match (head, rest) {
            ("cspModel", "") => &mut self.csp_model,
            ("partnerDomain", "") => &mut self.partner_domain,
            ("domainSuffix", "") => &mut self.domain_suffix,
            ("syncOptions", "username") => &mut self.sync_options.value_or_default()?.username,
            ("syncOptions", "domainPrefix") => &mut self.sync_options.value_or_default()?.domain_prefix,
            ("syncOptions", "resellerMpnId") => &mut self.sync_options.value_or_default()?.reseller_mpn_id,
            ("resellerBillingAddress", key) => return self.reseller_billing_address.value_or_default()?.get_mut(key),
            ("account", rest) => {
                let acc = self.account.value_or_default()?;
                match crate::text::split_once_at(rest, b'.').unwrap_or((rest, "")) {
                    ("companyName", "") => &mut acc.company_name,
                    ("email", "") => &mut acc.email,
                    ("phone", "") => &mut acc.phone,
                    ("registrationNumber", "") => &mut acc.registration_number,
                    ("contact", "firstName") => &mut acc.contact.value_or_default()?.first_name,
                    ("contact", "lastName") => &mut acc.contact.value_or_default()?.last_name,
                    ("billingAddress", key) => return acc.billing_address.value_or_default()?.get_mut(key),
                    _ => return None,
                }
            }
            _ => return None,
        })
    }
}

/// A parsed record, or why the text is not one.
pub type Parsed = Slot<Record>;

/// Reads one record from JSON text. `Err` only for malformed JSON: the message and 1-based line and column.
pub fn from_json(json: &str) -> Result<Parsed, serde_json::Error> {
    serde_json::from_str(json)
}

/// Reads one record from a [`Source`] (the WebAssembly binding's JS values). `Err` only for a value that is not data.
pub fn read<S: Source>(src: &S) -> Result<Parsed, NotData> {
    Slot::read(Some(src))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_example_of_request_md() {
        let json = include_str!("../tests/fixtures/request-example.json");
        let Slot::Value(r) = from_json(json).unwrap() else { panic!("not a record") };
        assert_eq!(r.csp_model.as_str(), "indirectProvider");
        let acc = r.account.value().unwrap();
        assert_eq!(acc.billing_address.value().unwrap().postal_code.as_str(), "106 82");
        assert_eq!(acc.is_sub_customer_of_reseller, Slot::Value(false));
        assert_eq!(r.reseller_billing_address, Slot::Null);
        assert!(r.unknown.is_empty());
    }

    #[test]
    fn keeps_wrong_types_and_unknown_fields_as_data() {
        let json = r#"{"cspModel":7,"sync":{},"account":"x","markets":["GR",1],"syncOptions":{"username":["a"]}}"#;
        let Slot::Value(r) = from_json(json).unwrap() else { panic!("not a record") };
        assert_eq!(r.csp_model, Slot::Wrong(Kind::Number));
        assert_eq!(r.unknown, vec!["sync".to_owned()]);
        assert_eq!(r.account, Slot::Wrong(Kind::Text));
        assert_eq!(r.markets, Slot::Value(vec![Slot::Value("GR".into()), Slot::Wrong(Kind::Number)]));
        assert_eq!(r.sync_options.value().unwrap().username, Slot::Wrong(Kind::List));
        assert_eq!(from_json("[1]").unwrap(), Slot::Wrong(Kind::List));
        assert_eq!(from_json("null").unwrap(), Slot::Null);
        assert!(from_json("{").is_err());
    }

    #[test]
    fn text_fields_by_path() {
        let mut r = Record::default();
        *r.text_mut("account.billingAddress.city").unwrap() = Slot::Value("Athens".into());
        assert_eq!(r.account.value().unwrap().billing_address.value().unwrap().city.as_str(), "Athens");
        assert!(r.text_mut("syncOptions.username").is_some());
        assert!(r.text_mut("account.contact.lastName").is_some());
        for p in ["markets", "account.isSubCustomerOfReseller", "account", "account.billingAddress", "foo", ""] {
            assert!(r.text_mut(p).is_none(), "{p}");
        }
        // Every text path the record knows is reachable.
        for p in [
            "cspModel",
            "partnerDomain",
            "domainSuffix",
            "syncOptions.resellerMpnId",
            "account.companyName",
            "account.email",
            "account.phone",
            "account.registrationNumber",
            "account.contact.firstName",
            "resellerBillingAddress.postalCode",
            "account.billingAddress.addressLine2",
        ] {
            assert!(is_known_path(p) && r.text_mut(p).is_some(), "{p}");
        }
    }

    #[test]
    fn known_paths() {
        for p in [
            "cspModel",
            "markets",
            "syncOptions.domainPrefix",
            "account.contact.firstName",
            "account.phone",
            "account.billingAddress.postalCode",
            "resellerBillingAddress.city",
            "account.isSubCustomerOfReseller",
        ] {
            assert!(is_known_path(p), "{p}");
        }
        for p in [
            "",
            "account",
            "account.contact",
            "syncOptions",
            "account.billingAddress",
            "foo",
            "account.foo",
            "account.billingAddress.zip",
            "cspModel.x",
            "syncOptions.username.x",
        ] {
            assert!(!is_known_path(p), "{p}");
        }
    }

    #[test]
    fn serializes_with_the_same_names() {
        let r = Record {
            csp_model: Slot::Value("direct".into()),
            account: Slot::Value(Account { email: Slot::Value("a@b.co".into()), ..Default::default() }),
            ..Default::default()
        };
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["cspModel"], "direct");
        assert_eq!(v["account"]["email"], "a@b.co");
        assert_eq!(v["account"]["phone"], serde_json::Value::Null);
        assert_eq!(v["syncOptions"], serde_json::Value::Null);
    }
}
