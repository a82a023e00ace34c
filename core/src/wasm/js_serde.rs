//! A minimal serde bridge to and from `JsValue`, in place of serde-wasm-bindgen: about 15 KB gzip smaller, and
//! 10–25 % faster across the boundary (docs/npm-package.md). Only what the binding's types need:
//!
//! - Reading: only `deserialize_any` (and `deserialize_option`); JS numbers become `visit_i64` (never `visit_f64`,
//!   so no float formatting is reached from here); objects via `Object.keys` + `Reflect.get`, with keys that only
//!   ever call `visit_string`; arrays via `js_sys::Array`. Functions, symbols and typed arrays are errors.
//! - Writing: objects via `Object.new` + `Reflect.set`, arrays, strings, bools, integers, `null` for none and unit.
//!   Floats, bytes, chars-as-maps and other kinds are errors.

use js_sys::{Array, Object, Reflect};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Serialize};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// The one error of both directions: a message.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Error {}
/// serde's default messages display [`de::Unexpected`], whose `Float` arm links float formatting (~15 KB): these
/// name the kind instead.
impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error(format!("invalid type: {}, expected {exp}", kind(&unexp)))
    }
    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error(format!("invalid value: {}, expected {exp}", kind(&unexp)))
    }
}

fn kind(u: &de::Unexpected<'_>) -> &'static str {
    use de::Unexpected as U;
    match u {
        U::Bool(_) => "boolean",
        U::Unsigned(_) | U::Signed(_) | U::Float(_) => "number",
        U::Char(_) | U::Str(_) => "string",
        U::Bytes(_) => "bytes",
        U::Unit | U::Option => "null",
        U::Seq => "sequence",
        U::Map => "map",
        _ => "other value",
    }
}
impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn err<T>(msg: &str) -> Result<T, Error> {
    Err(Error(msg.to_owned()))
}

// ---------------------------------------------------------------- reading

/// Reads a JS value as serde data.
pub struct Deserializer(pub JsValue);

impl<'de> de::Deserializer<'de> for Deserializer {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let value = self.0;
        if let Some(s) = value.as_string() {
            v.visit_string(s)
        } else if value.is_null() || value.is_undefined() {
            v.visit_unit()
        } else if let Some(b) = value.as_bool() {
            v.visit_bool(b)
        } else if let Some(n) = value.as_f64() {
            // Never visit_f64: the value of a number is never used, only that it is one.
            v.visit_i64(n as i64)
        } else if value.is_bigint() {
            v.visit_i64(0)
        } else if Array::is_array(&value) {
            let array: Array = value.unchecked_into();
            v.visit_seq(Seq { array, at: 0 })
        } else if value.is_object() && !value.is_function() && !js_sys::ArrayBuffer::is_view(&value) {
            let keys = Object::keys(value.unchecked_ref::<Object>());
            v.visit_map(Map { object: value, keys, at: 0, pending: None })
        } else {
            err("the value is not JSON-like data")
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if self.0.is_null() || self.0.is_undefined() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    /// Ignored values are not walked (as serde-wasm-bindgen does): a cyclic object under an unknown key must not
    /// recurse until the stack overflows.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit unit_struct
        newtype_struct seq tuple tuple_struct map struct enum identifier
    }
}

struct Seq {
    array: Array,
    at: u32,
}

impl<'de> SeqAccess<'de> for Seq {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.at >= self.array.length() {
            return Ok(None);
        }
        let item = self.array.get(self.at);
        self.at += 1;
        seed.deserialize(Deserializer(item)).map(Some)
    }
}

struct Map {
    object: JsValue,
    keys: Array,
    at: u32,
    pending: Option<JsValue>,
}

impl<'de> MapAccess<'de> for Map {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.at >= self.keys.length() {
            return Ok(None);
        }
        let key = self.keys.get(self.at);
        self.at += 1;
        let value = Reflect::get(&self.object, &key).map_err(|_| Error("a property getter threw".to_owned()))?;
        self.pending = Some(value);
        seed.deserialize(Key(key.as_string().unwrap_or_default())).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self.pending.take().unwrap_or(JsValue::UNDEFINED);
        seed.deserialize(Deserializer(value))
    }
}

/// An object key: only ever a string.
struct Key(String);

impl<'de> de::Deserializer<'de> for Key {
    type Error = Error;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_string(self.0)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit unit_struct
        newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// Reads `T` from a JS value.
pub fn from_value<T: de::DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    T::deserialize(Deserializer(value))
}

// ---------------------------------------------------------------- writing

/// Writes serde data as a JS value.
pub struct Serializer;

fn int(n: i64) -> Result<JsValue, Error> {
    Ok(JsValue::from_f64(n as f64))
}

fn unsupported() -> Result<JsValue, Error> {
    err("this kind of value is not supported")
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A plain object, set by index (`o[k] = v`) without `Reflect.set`'s try/catch wrapper.
    type ObjectExt;
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &ObjectExt, key: &JsValue, value: &JsValue);
}

fn set(object: &JsValue, key: &JsValue, value: &JsValue) {
    object.unchecked_ref::<ObjectExt>().set(key, value);
}

impl ser::Serializer for Serializer {
    type Ok = JsValue;
    type Error = Error;
    type SerializeSeq = SeqOut;
    type SerializeTuple = SeqOut;
    type SerializeTupleStruct = SeqOut;
    type SerializeTupleVariant = ser::Impossible<JsValue, Error>;
    type SerializeMap = MapOut;
    type SerializeStruct = MapOut;
    type SerializeStructVariant = ser::Impossible<JsValue, Error>;

    fn serialize_bool(self, v: bool) -> Result<JsValue, Error> {
        Ok(JsValue::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<JsValue, Error> {
        int(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<JsValue, Error> {
        int(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<JsValue, Error> {
        int(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<JsValue, Error> {
        int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<JsValue, Error> {
        int(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<JsValue, Error> {
        int(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<JsValue, Error> {
        int(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<JsValue, Error> {
        Ok(JsValue::from_f64(v as f64))
    }
    fn serialize_f32(self, _: f32) -> Result<JsValue, Error> {
        unsupported()
    }
    fn serialize_f64(self, _: f64) -> Result<JsValue, Error> {
        unsupported()
    }
    fn serialize_char(self, v: char) -> Result<JsValue, Error> {
        Ok(JsValue::from_str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<JsValue, Error> {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<JsValue, Error> {
        unsupported()
    }
    fn serialize_none(self) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<JsValue, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<JsValue, Error> {
        Ok(JsValue::from_str(variant))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result<JsValue, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<JsValue, Error> {
        unsupported()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<SeqOut, Error> {
        Ok(SeqOut(Array::new()))
    }
    fn serialize_tuple(self, _: usize) -> Result<SeqOut, Error> {
        Ok(SeqOut(Array::new()))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<SeqOut, Error> {
        Ok(SeqOut(Array::new()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        err("this kind of value is not supported")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<MapOut, Error> {
        Ok(MapOut { object: Object::new().into(), key: JsValue::UNDEFINED })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<MapOut, Error> {
        Ok(MapOut { object: Object::new().into(), key: JsValue::UNDEFINED })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        err("this kind of value is not supported")
    }
}

pub struct SeqOut(Array);

impl ser::SerializeSeq for SeqOut {
    type Ok = JsValue;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.0.push(&value.serialize(Serializer)?);
        Ok(())
    }
    fn end(self) -> Result<JsValue, Error> {
        Ok(self.0.into())
    }
}
impl ser::SerializeTuple for SeqOut {
    type Ok = JsValue;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<JsValue, Error> {
        Ok(self.0.into())
    }
}
impl ser::SerializeTupleStruct for SeqOut {
    type Ok = JsValue;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<JsValue, Error> {
        Ok(self.0.into())
    }
}

pub struct MapOut {
    object: JsValue,
    key: JsValue,
}

impl ser::SerializeMap for MapOut {
    type Ok = JsValue;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.key = key.serialize(Serializer)?;
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        set(&self.object, &self.key, &value.serialize(Serializer)?);
        Ok(())
    }
    fn end(self) -> Result<JsValue, Error> {
        Ok(self.object)
    }
}
thread_local! {
    /// The JS strings of struct field names, by the address of the `&'static str`, sorted (as serde-wasm-bindgen
    /// does: decoding a string from wasm memory costs more than the lookup).
    static KEYS: std::cell::RefCell<Vec<((usize, usize), JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn static_key(key: &'static str) -> JsValue {
    let at = (key.as_ptr() as usize, key.len());
    KEYS.with_borrow_mut(|keys| match keys.binary_search_by_key(&at, |(p, _)| *p) {
        Ok(i) => keys[i].1.clone(),
        Err(i) => {
            let js = JsValue::from_str(key);
            keys.insert(i, (at, js.clone()));
            js
        }
    })
}

impl ser::SerializeStruct for MapOut {
    type Ok = JsValue;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        set(&self.object, &static_key(key), &value.serialize(Serializer)?);
        Ok(())
    }
    fn end(self) -> Result<JsValue, Error> {
        Ok(self.object)
    }
}
