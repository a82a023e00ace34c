//! What a rule says when it rejects or warns: a stable machine code, structured params and an English default
//! message (validator's `code + message + params`), placed on a dotted field path by the record walker.

use alloc::borrow::Cow;
use alloc::{borrow::ToOwned, string::String, string::ToString, vec::Vec};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Whether an issue blocks the submission. Warnings never block (`rules.md`, preamble).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One reason a rule gives. Every rule module has its own `#[non_exhaustive]` enum implementing this trait, and its
/// `Display` (made by [`display_as_message!`](crate::display_as_message)) is the English default message.
pub trait Reason {
    /// `<rule>.<reason>` in snake case: stable API, never renamed, never reused (`request.md`).
    fn code(&self) -> &'static str;
    /// The English message as a template filled from [`Reason::params`] ([`crate::message`]).
    fn template(&self) -> &'static str;
    /// Structured values a host may use to translate the message; the English message is made from them.
    fn params(&self) -> Params {
        Params::default()
    }
    /// Errors block, warnings do not.
    fn severity(&self) -> Severity {
        Severity::Error
    }
    /// The English message: [`Reason::template`] filled from [`Reason::params`]. Not in the trait's vtable (each
    /// reason type's copy would be linked into the WebAssembly package): [`Issue::new`] fills the template itself.
    fn message(&self) -> String
    where
        Self: Sized,
    {
        crate::message::fill(self.template(), &self.params())
    }
}

/// `Display` for reason types: the English message ([`Reason::message`]).
#[macro_export]
macro_rules! display_as_message {
    ($($reason:ty),+ $(,)?) => {$(
        impl ::core::fmt::Display for $reason {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(&$crate::issue::Reason::message(self))
            }
        }
    )+};
}

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
        Param::List(v.iter().map(|s| s.as_ref().to_owned()).collect())
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

/// One error or warning of a [`crate::Report`], as `request.md` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Issue {
    /// Dotted path of the field in the record, e.g. `account.billingAddress.postalCode`.
    pub field: Cow<'static, str>,
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Params::is_empty")]
    pub params: Params,
}

impl Issue {
    /// The issue a reason makes on a field: its English message filled from its params, which it carries too (the
    /// npm package's errors are made from it too, `wasm::error`).
    pub fn new(field: impl Into<Cow<'static, str>>, reason: &dyn Reason) -> Self {
        let params = reason.params();
        let message = crate::message::fill(reason.template(), &params);
        Issue { field: field.into(), code: reason.code(), message, params }
    }
}

/// What a rule returns when it accepts: the normalized value and any warnings about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<T, R> {
    pub value: T,
    pub warnings: Vec<R>,
}

impl<T, R> Checked<T, R> {
    /// An accepted value without warnings.
    pub fn ok(value: T) -> Self {
        Checked { value, warnings: Vec::new() }
    }
    /// The same warnings on a value made from this one.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Checked<U, R> {
        Checked { value: f(self.value), warnings: self.warnings }
    }
    /// An accepted value with one warning.
    pub fn warn(value: T, warning: R) -> Self {
        Checked { value, warnings: vec![warning] }
    }
}

/// The result of one rule: the normalized value, or the reason it was rejected.
pub type Outcome<T, R> = Result<Checked<T, R>, R>;
