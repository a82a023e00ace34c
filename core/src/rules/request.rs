//! The shape of the record itself (`request.md`): malformed JSON, a value that is not a record, unknown fields,
//! wrong JSON types, unknown enum values and missing configuration. Unknown fields are errors so that typos never
//! pass silently (`request.md`).

use crate::issue::{given, Reason, Value, Wording};

/// Why (part of) the input is not a record.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestReason {
    /// The text is not JSON; `line` and `column` are 1-based, within the parsed text.
    NotJson {
        detail: String,
        line: usize,
        column: usize,
    },
    /// JSON, but not an object.
    NotAnObject {
        found: &'static str,
    },
    UnknownField {
        name: String,
    },
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    UnknownValue {
        value: String,
        allowed: &'static [&'static str],
    },
    /// A configuration value the record must carry (`cspModel`).
    MissingConfiguration,
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "request.not_json" (detail, line, column) { NotJson: "This is not JSON: {detail}." }
    "request.not_an_object" (found) { NotAnObject: "A record is a JSON object, not {found|a}." }
    "request.unknown_field" (name) { UnknownField: "\"{name}\" is not a field of the record." }
    "request.wrong_type" (expected, found) { WrongType: "Expected {expected|a} here, not {found|a}." }
    "request.unknown_value" (value, allowed) { UnknownValue: "\"{value}\" is not one of: {allowed}." }
    "request.missing_configuration" { MissingConfiguration: "This configuration value is required." }
}

crate::display_as_message!(RequestReason);

impl Reason for RequestReason {
    fn wording(&self) -> Wording {
        match self {
            Self::NotJson { .. } => Say::NotJson,
            Self::NotAnObject { .. } => Say::NotAnObject,
            Self::UnknownField { .. } => Say::UnknownField,
            Self::WrongType { .. } => Say::WrongType,
            Self::UnknownValue { .. } => Say::UnknownValue,
            Self::MissingConfiguration => Say::MissingConfiguration,
        }
        .into()
    }
    fn values(&self) -> Vec<Value<'_>> {
        match self {
            Self::NotJson { detail, line, column } => vec![given(detail), given(*line), given(*column)],
            Self::NotAnObject { found } => vec![given(*found)],
            Self::UnknownField { name } => vec![given(name)],
            Self::WrongType { expected, found } => vec![given(*expected), given(*found)],
            Self::UnknownValue { value, allowed } => vec![given(value), given(*allowed)],
            Self::MissingConfiguration => Vec::new(),
        }
    }
}

/// A JSON type's name with its article: `an array`, `a string`, `null`.
pub(crate) fn with_article(out: &mut String, kind: &str) {
    if kind != "null" {
        out.push_str(if matches!(kind.bytes().next(), Some(b'a' | b'e' | b'i' | b'o' | b'u')) { "an " } else { "a " });
    }
    out.push_str(kind);
}
