//! The shape of the record itself (`request.md`): malformed JSON, a value that is not a record, unknown fields,
//! wrong JSON types, unknown enum values and missing configuration. Unknown fields are errors so that typos never
//! pass silently (`request.md`).

use crate::issue::{Params, Reason};
use alloc::string::String;

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

/// Every code this module emits.
pub const CODES: &[&str] = &[
    "request.not_json",
    "request.not_an_object",
    "request.unknown_field",
    "request.wrong_type",
    "request.unknown_value",
    "request.missing_configuration",
];

crate::display_as_message!(RequestReason);

impl Reason for RequestReason {
    fn code(&self) -> &'static str {
        CODES[match self {
            Self::NotJson { .. } => 0,
            Self::NotAnObject { .. } => 1,
            Self::UnknownField { .. } => 2,
            Self::WrongType { .. } => 3,
            Self::UnknownValue { .. } => 4,
            Self::MissingConfiguration => 5,
        }]
    }
    fn template(&self) -> &'static str {
        match self {
            Self::NotJson { .. } => "This is not JSON: {detail}.",
            Self::NotAnObject { .. } => "A record is a JSON object, not {found|a}.",
            Self::UnknownField { .. } => "\"{name}\" is not a field of the record.",
            Self::WrongType { .. } => "Expected {expected|a} here, not {found|a}.",
            Self::UnknownValue { .. } => "\"{value}\" is not one of: {allowed}.",
            Self::MissingConfiguration => "This configuration value is required.",
        }
    }
    fn params(&self) -> Params {
        let p = Params::default();
        match self {
            Self::NotJson { detail, line, column } => {
                p.with("detail", detail).with("line", *line).with("column", *column)
            }
            Self::NotAnObject { found } => p.with("found", *found),
            Self::UnknownField { name } => p.with("name", name),
            Self::WrongType { expected, found } => p.with("expected", *expected).with("found", *found),
            Self::UnknownValue { value, allowed } => p.with("value", value).with("allowed", *allowed),
            Self::MissingConfiguration => p,
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
