//! An issue's params: the named values a message is filled from ([`crate::message`]) and a host reads (validator's
//! `code + message + params`). Their own module, below both the issues that carry them ([`crate::issue`]) and the
//! messages filled from them, so that neither reaches up into the other (issue #10, "No import circles").

use alloc::{borrow::ToOwned, string::String, string::ToString, vec::Vec};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// One value of [`Params`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Param {
    Int(i64),
    Str(String),
    List(Vec<String>),
}

impl From<usize> for Param {
    fn from(v: usize) -> Self {
        Param::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<char> for Param {
    fn from(v: char) -> Self {
        Param::Str(v.to_string())
    }
}
impl From<&str> for Param {
    fn from(v: &str) -> Self {
        Param::Str(v.to_owned())
    }
}
impl From<String> for Param {
    fn from(v: String) -> Self {
        Param::Str(v)
    }
}
impl From<&String> for Param {
    fn from(v: &String) -> Self {
        Param::Str(v.clone())
    }
}
impl<T: AsRef<str>> From<&[T]> for Param {
    fn from(v: &[T]) -> Self {
        // A plain loop, not map/collect (smaller in the WebAssembly package).
        let mut list = Vec::with_capacity(v.len());
        for s in v {
            list.push(String::from(s.as_ref()));
        }
        Param::List(list)
    }
}

/// Named values of an issue, serialized as a JSON object in insertion order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(pub Vec<(&'static str, Param)>);

impl Params {
    /// Adds one named value.
    #[inline]
    pub fn with(self, name: &'static str, value: impl Into<Param>) -> Self {
        self.push(name, value.into())
    }
    /// [`Params::with`] after the conversion: one copy for every kind of value (in WebAssembly each copy is code).
    #[inline(never)]
    fn push(mut self, name: &'static str, value: Param) -> Self {
        self.0.push((name, value));
        self
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The value named `name`, if any.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
