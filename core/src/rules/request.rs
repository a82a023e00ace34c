//! The shape of the record itself (`request.md`): malformed JSON, a value that is not a record, unknown fields,
//! wrong JSON types, unknown enum values and missing configuration. Unknown fields are errors so that typos never
//! pass silently (`request.md`).

use crate::issue::{Params, Reason, Wording};
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
    /// The record's `id` is neither a string of at most 200 characters nor an integer of at most 15 digits
    /// (`request.md`; the digits: [`crate::record::Id::MAX_DIGITS`]).
    BadId,
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
    "request.not_json" { NotJson: "This is not JSON: {detail}." }
    "request.not_an_object" { NotAnObject: "A record is a JSON object, not {found|a}." }
    "request.bad_id" { BadId: "An ID is a string of up to 200 characters or an integer of up to 15 digits." }
    "request.unknown_field" { UnknownField: "\"{name}\" is not a field of the record." }
    "request.wrong_type" { WrongType: "Expected {expected|a} here, not {found|a}." }
    "request.unknown_value" { UnknownValue: "\"{value}\" is not one of: {allowed}." }
    "request.missing_configuration" { MissingConfiguration: "This configuration value is required." }
}

crate::display_as_message!(RequestReason);

impl Reason for RequestReason {
    fn wording(&self) -> Wording {
        match self {
            Self::NotJson { .. } => Say::NotJson,
            Self::NotAnObject { .. } => Say::NotAnObject,
            Self::BadId => Say::BadId,
            Self::UnknownField { .. } => Say::UnknownField,
            Self::WrongType { .. } => Say::WrongType,
            Self::UnknownValue { .. } => Say::UnknownValue,
            Self::MissingConfiguration => Say::MissingConfiguration,
        }
        .into()
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
            Self::BadId | Self::MissingConfiguration => p,
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
