//! The record of `request.md`, read leniently: any JSON value is accepted where text is expected, and wrong types,
//! unknown fields and `null`s are kept as data for the walker (`validate`) to report with their field paths, so one
//! record yields every problem at once instead of stopping at the first. Only malformed JSON fails to parse.
//!
//! The record's types are declared with its schema ([`crate::schema`]) from what they are made of ([`crate::place`]:
//! [`Slot`], the places), both re-exported here; this module holds the one reader of every object ([`read_into`], for
//! a [`Source`] and for serde), which walks an object through its places ([`Object`]) instead of code per object type.
//!
//! The same types serialize the normalized record: camelCase names, `null` for no value.

pub(crate) use crate::place::new_object;
pub use crate::place::{AsPlace, Flag, Id, Kind, List, NoValue, Object, ObjectSlot, Place, PlaceMut, Slot, Text};
pub use crate::schema::{Account, Address, Contact, Record, SyncOptions};
use crate::source::{NotData, Shape, Source};
use alloc::{borrow::ToOwned, string::String, vec::Vec};
use core::fmt;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

impl Text {
    /// Reads a text field from a [`Source`] (`None`: the key is missing), as leniently as a record's fields.
    pub fn read<S: Source>(src: Option<&S>) -> Result<Text, NotData> {
        let mut text = Slot::Absent;
        read_into(PlaceMut::Text(&mut text), src)?;
        Ok(text)
    }
}

/// The place of a JSON name among an object's keys.
fn index_of(keys: &[&str], key: &str) -> Option<usize> {
    keys.iter().position(|k| *k == key)
}

/// The JSON type of a value that is not absent nor `null`.
fn kind_of(shape: &Shape) -> Kind {
    match shape {
        Shape::Bool(_) => Kind::Bool,
        Shape::Text(_) => Kind::Text,
        Shape::List => Kind::List,
        Shape::Object => Kind::Object,
        // Absent and `null` are not types ([`read_into`] takes them first).
        Shape::Absent | Shape::Null | Shape::Number => Kind::Number,
    }
}

/// Reads a field from a [`Source`] (`None`: the key is missing), leniently: another JSON type is kept as
/// [`Slot::Wrong`], never an error; an object is read in place, its unknown keys listed. `Err` only for a value that
/// is not data at all. One function for every field of every object (generic only over the source).
pub fn read_into<S: Source>(place: PlaceMut<'_>, src: Option<&S>) -> Result<(), NotData> {
    let Some(src) = src else {
        place.set_none(Slot::Absent);
        return Ok(());
    };
    match (place, src.shape()?) {
        (place, Shape::Absent) => place.set_none(Slot::Absent),
        (place, Shape::Null) => place.set_none(Slot::Null),
        (PlaceMut::Text(t), Shape::Text(s)) => *t = Slot::Value(s),
        (PlaceMut::Id(id), Shape::Text(s)) => *id = Id::text(s),
        (PlaceMut::Id(id), Shape::Number) => *id = src.number().map_or(Id::Bad, Id::number),
        (PlaceMut::Flag(f), Shape::Bool(b)) => *f = Slot::Value(b),
        (PlaceMut::List(list), Shape::List) => {
            // A hole in a JS array reads as `null`, as JSON.stringify writes it.
            let items = src.items()?;
            let mut slots = Vec::with_capacity(items.len());
            for item in &items {
                let mut slot = Slot::Null;
                read_into(PlaceMut::Text(&mut slot), Some(item))?;
                if slot == Slot::Absent {
                    slot = Slot::Null;
                }
                slots.push(slot);
            }
            *list = Slot::Value(slots);
        }
        (PlaceMut::Object(slot), Shape::Object) => {
            let Some(object) = new_object(slot) else { return Ok(()) };
            // Read through `&mut`, an unknown key taken out: a consuming loop left by `?` drops a `vec::IntoIter`,
            // code of its own per member type.
            let mut members = src.members()?;
            for (key, value) in &mut members {
                match index_of(object.keys(), key) {
                    Some(i) => {
                        if let Some(field) = object.place_mut(i) {
                            read_into(field, Some(&*value))?;
                        }
                    }
                    None => match object.id_mut().filter(|_| *key == *"id") {
                        Some(id) => read_into(PlaceMut::Id(id), Some(&*value))?,
                        None => object.unknown_mut().push(core::mem::take(key)),
                    },
                }
            }
        }
        (place, shape) => place.set_none(Slot::Wrong(kind_of(&shape))),
    }
    Ok(())
}

/// The same reader for serde (JSON text on the command line): [`read_into`]'s cases, driven by the deserializer.
impl<'de> DeserializeSeed<'de> for PlaceMut<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PlaceMut<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        match self {
            PlaceMut::Flag(f) => *f = Slot::Value(v),
            place => place.set_none(Slot::Wrong(Kind::Bool)),
        }
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        match self {
            PlaceMut::Id(id) => *id = if v.unsigned_abs() < 10u64.pow(Id::MAX_DIGITS) { Id::Int(v) } else { Id::Bad },
            place => place.set_none(Slot::Wrong(Kind::Number)),
        }
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        match self {
            PlaceMut::Id(id) => *id = Id::number(v),
            place => place.set_none(Slot::Wrong(Kind::Number)),
        }
        Ok(())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.visit_string(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        match self {
            PlaceMut::Text(t) => *t = Slot::Value(v),
            PlaceMut::Id(id) => *id = Id::text(v),
            place => place.set_none(Slot::Wrong(Kind::Text)),
        }
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.set_none(Slot::Null);
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.set_none(Slot::Null);
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let PlaceMut::List(list) = self else {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            self.set_none(Slot::Wrong(Kind::List));
            return Ok(());
        };
        let mut items = Vec::new();
        loop {
            let mut item = Slot::Absent;
            if seq.next_element_seed(PlaceMut::Text(&mut item))?.is_none() {
                break;
            }
            items.push(item);
        }
        *list = Slot::Value(items);
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let PlaceMut::Object(slot) = self else {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            self.set_none(Slot::Wrong(Kind::Object));
            return Ok(());
        };
        let Some(object) = new_object(slot) else { return Ok(()) };
        while let Some(key) = map.next_key::<alloc::borrow::Cow<'de, str>>()? {
            match index_of(object.keys(), &key) {
                Some(i) => match object.place_mut(i) {
                    Some(field) => map.next_value_seed(field)?,
                    None => map.next_value::<IgnoredAny>().map(drop)?,
                },
                None => match object.id_mut().filter(|_| *key == *"id") {
                    Some(id) => map.next_value_seed(PlaceMut::Id(id))?,
                    None => {
                        map.next_value::<IgnoredAny>()?;
                        object.unknown_mut().push(key.into_owned());
                    }
                },
            }
        }
        Ok(())
    }
}

/// The field at a dotted path (`account.billingAddress.city`) under `object`, its parent objects made where they are
/// missing; `None` for a path that is no field.
pub fn place_at<'a>(object: &'a mut dyn Object, path: &str) -> Option<PlaceMut<'a>> {
    let (head, rest) = match crate::text::split_once_at(path, b'.') {
        Some((head, rest)) => (head, Some(rest)),
        None => (path, None),
    };
    let field = object.place_mut(index_of(object.keys(), head)?)?;
    match (field, rest) {
        (field, None) => Some(field),
        (PlaceMut::Object(slot), Some(rest)) => place_at(slot.object_or_default()?, rest),
        _ => None,
    }
}

impl Address {
    /// The field with a JSON name (`postalCode`), if the address has one: every field of an address is text.
    pub fn get(&self, key: &str) -> Option<&Text> {
        match self.place(index_of(Self::KEYS, key)?)? {
            Place::Text(text) => Some(text),
            _ => None,
        }
    }

    /// True when every field but the country is empty after section 0 (judged as code-like text, which drops every
    /// invisible character: a joiner alone is no text): a sub-customer may leave its address so. A country alone
    /// counts as empty, as forms preselect one (`rules.md` section 2, "Billing address"); a country of the wrong JSON
    /// type does not, so that it is reported.
    pub fn is_empty(&self) -> bool {
        // One function called per field, not an iterator over an array of references (WebAssembly size).
        fn blank(t: &Text) -> bool {
            match t {
                Slot::Value(s) => crate::text::normalize(s).is_ok_and(|n| n.is_empty()),
                Slot::Absent | Slot::Null => true,
                Slot::Wrong(_) => false,
            }
        }
        self.country.wrong().is_none()
            && blank(&self.address_line1)
            && blank(&self.address_line2)
            && blank(&self.city)
            && blank(&self.state)
            && blank(&self.postal_code)
    }
}

/// Whether a dotted path (`account.billingAddress.postalCode`) names a field of the record (not one of its
/// objects). CSV headers use these. By the schema: [`crate::schema::kind`].
pub fn is_known_path(path: &str) -> bool {
    use crate::schema::Kind as K;
    !matches!(crate::schema::kind(path), None | Some(K::Object | K::Address))
}

impl Record {
    /// The text field at a dotted path (`account.billingAddress.city`), created with its parent objects when they are
    /// missing; `None` for a path that is not a text field of the record (`markets`, the flag, unknown paths).
    pub fn text_mut(&mut self, path: &str) -> Option<&mut Text> {
        match place_at(self, path)? {
            PlaceMut::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// A parsed record, or why the text is not one.
pub type Parsed = Slot<Record>;

/// Reads one record from JSON text. `Err` only for malformed JSON: the message and 1-based line and column.
pub fn from_json(json: &str) -> Result<Parsed, serde_json::Error> {
    serde_json::from_str(json)
}

/// A record, or any of its fields, from any serde format (JSON text, a `serde_json::Value`), through [`PlaceMut`]'s
/// reader.
impl<'de, T> Deserialize<'de> for Slot<T>
where
    Slot<T>: AsPlace,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut slot = Slot::Absent;
        slot.as_place_mut().deserialize(d)?;
        Ok(slot)
    }
}

/// Reads one record from a [`Source`] (the WebAssembly binding's JS values). `Err` only for a value that is not data.
pub fn read<S: Source>(src: &S) -> Result<Parsed, NotData> {
    let mut parsed = Slot::Absent;
    read_into(PlaceMut::Object(&mut parsed), Some(src))?;
    Ok(parsed)
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
    fn the_id_is_read_apart_from_the_fields() {
        let long = format!("\"{}\"", "é".repeat(201));
        let cases: [(&str, Id); 12] = [
            (r#""A-17""#, Id::Text("A-17".into())),
            (&format!("{}\"", &long[..401]), Id::Text("é".repeat(200))),
            (&long, Id::Bad),
            ("42", Id::Int(42)),
            ("-999999999999999", Id::Int(-999_999_999_999_999)),
            ("4.0", Id::Int(4)),
            ("1000000000000000", Id::Bad),
            ("1.5", Id::Bad),
            ("1e300", Id::Bad),
            ("true", Id::Bad),
            ("[1]", Id::Bad),
            ("null", Id::Absent),
        ];
        for (json, want) in cases {
            let text = format!(r#"{{"id":{json},"account":{{"id":1}}}}"#);
            let Slot::Value(r) = from_json(&text).unwrap() else { panic!("not a record") };
            assert_eq!(r.id, want, "{json}");
            assert!(r.unknown.is_empty(), "{json}");
            // Only the record has an `id`: elsewhere it is an unknown field.
            assert_eq!(r.account.value().unwrap().unknown, ["id"], "{json}");
            // The reader of JS values (here through serde_json's `Value`) reads the same.
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(read(&&value).unwrap(), Slot::Value(r), "{json}");
        }
        let v = serde_json::to_value(Id::Int(42)).unwrap();
        assert_eq!(v, serde_json::json!(42));
    }

    #[test]
    fn the_result_echoes_a_good_id_and_reports_a_bad_one() {
        let v = crate::validate::Validator::new();
        let long = "é".repeat(201);
        for (id, echoed, bad) in [
            (r#""A-17""#.to_owned(), Some(serde_json::json!("A-17")), false),
            (format!("\"{}\"", &long[..400]), Some(serde_json::json!("é".repeat(200))), false),
            ("999999999999999".to_owned(), Some(serde_json::json!(999_999_999_999_999_i64)), false),
            ("-3".to_owned(), Some(serde_json::json!(-3)), false),
            ("null".to_owned(), None, false),
            (format!("\"{long}\""), None, true),
            ("1000000000000000".to_owned(), None, true),
            ("2.5".to_owned(), None, true),
            (r#"{"a":1}"#.to_owned(), None, true),
        ] {
            let report = v.validate_json(&format!(r#"{{"id":{id}}}"#));
            let json = serde_json::to_value(&report).unwrap();
            assert_eq!(json.get("id"), echoed.as_ref(), "{id}");
            let bad_ids: Vec<_> = report.errors.iter().filter(|e| e.code == "request.bad_id").collect();
            assert_eq!(bad_ids.len(), usize::from(bad), "{id}");
            assert!(bad_ids.iter().all(|e| e.field == "id"), "{id}");
            assert!(!report.errors.iter().any(|e| e.code == "request.unknown_field"), "{id}");
        }
    }

    #[test]
    fn a_repeated_key_is_read_anew() {
        // As serde's derived readers did: the last value of a key is the field's, not a merge of both.
        let json = r#"{"account":{"email":"a@b.co"},"account":{"phone":"+30 210 1234567"}}"#;
        let Slot::Value(r) = from_json(json).unwrap() else { panic!("not a record") };
        let acc = r.account.value().unwrap();
        assert_eq!((acc.email.clone(), acc.phone.as_str()), (Slot::Absent, "+30 210 1234567"));
        let json = r#"{"account":{"email":"a@b.co"},"account":7}"#;
        let Slot::Value(r) = from_json(json).unwrap() else { panic!("not a record") };
        assert_eq!(r.account, Slot::Wrong(Kind::Number));
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
