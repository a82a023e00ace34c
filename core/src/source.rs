//! Reading JSON-like values without serde: [`Source`] is a read-only view of one value, which the record
//! ([`crate::record::read`]) and run-time country rules ([`crate::countries::overrides::parse`]) are read from.
//!
//! The WebAssembly binding implements it for JS values (`wasm.rs`), so the npm package carries no deserializer: a
//! serde deserializer links serde's error messages, and with them float formatting, which alone cost more than a
//! tenth of the package (`docs/npm-package.md`, "Size"). The command line reads records with serde from JSON text,
//! which is faster there; `serde_json::Value` implements [`Source`] too, and a property test proves both readers
//! give the same record (`core/tests/properties.rs`).
//!
//! Reading is lenient and shallow where it can be: only the values of known members are classified and read further;
//! unknown members are only listed (their values are fetched, as `Object.values` does, but never walked).

use alloc::{string::String, vec::Vec};

/// What a value is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// No value (a missing key; `undefined` in JavaScript).
    Absent,
    Null,
    Bool(bool),
    Number,
    Text(String),
    List,
    Object,
}

/// A value that is not JSON-like data (a function, a symbol, an object whose keys cannot be read): what it is, for
/// the `request.not_json` message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotData(pub &'static str);

impl NotData {
    /// What is wrong with such a value, after what it is.
    pub const PROBLEM: &'static str = "is not JSON data";

    /// The value and what is wrong with it, in words: "a symbol is not JSON data".
    pub fn detail(&self) -> String {
        crate::text::concat(&[self.0, " ", Self::PROBLEM])
    }
}

impl core::fmt::Display for NotData {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.detail())
    }
}

/// A read-only view of one JSON-like value.
pub trait Source: Sized {
    /// What the value is.
    fn shape(&self) -> Result<Shape, NotData>;
    /// The items of a list, in order (called only when the shape is [`Shape::List`]).
    fn items(&self) -> Result<Vec<Self>, NotData>;
    /// The members of an object, in order (called only when the shape is [`Shape::Object`]). The values are not
    /// classified until they are read.
    fn members(&self) -> Result<Vec<(String, Self)>, NotData>;
    /// The value at a key of an object: `None`, or a value of shape [`Shape::Absent`] (JavaScript's `undefined`),
    /// when the object has no such key.
    fn get(&self, key: &str) -> Result<Option<Self>, NotData>;
    /// The value of a number (called only when the shape is [`Shape::Number`]; only the record's `id` reads it);
    /// `None` where it has no `f64` value (a JavaScript `BigInt`).
    fn number(&self) -> Option<f64> {
        None
    }
}

impl Source for &serde_json::Value {
    fn shape(&self) -> Result<Shape, NotData> {
        use serde_json::Value;
        Ok(match self {
            Value::Null => Shape::Null,
            Value::Bool(b) => Shape::Bool(*b),
            Value::Number(_) => Shape::Number,
            Value::String(s) => Shape::Text(s.clone()),
            Value::Array(_) => Shape::List,
            Value::Object(_) => Shape::Object,
        })
    }

    fn items(&self) -> Result<Vec<Self>, NotData> {
        Ok(self.as_array().map(|a| a.iter().collect()).unwrap_or_default())
    }

    fn members(&self) -> Result<Vec<(String, Self)>, NotData> {
        Ok(self.as_object().map(|o| o.iter().map(|(k, v)| (k.clone(), v)).collect()).unwrap_or_default())
    }

    fn get(&self, key: &str) -> Result<Option<Self>, NotData> {
        Ok(self.as_object().and_then(|o| o.get(key)))
    }

    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
}
