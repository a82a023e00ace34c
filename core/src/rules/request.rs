//! The shape of the record itself (`request.md`): malformed JSON, a value that is not a record, unknown fields,
//! wrong JSON types, unknown enum values, missing configuration, and configuration a record carries where the host
//! holds its own. Unknown fields are errors so that typos never pass silently (`request.md`).

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
    /// A configuration field of a record validated where the host holds the partner's configuration (a validator
    /// instance, the command line's `--settings`): the host's applies (`request.md`, `rules.md` section 4).
    ConfigurationIgnored {
        name: &'static str,
    },
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "request.not_json" { NotJson: "This is not JSON: {detail}." }
    "request.not_an_object" { NotAnObject: "A record is a JSON object, not {found|a}." }
    "request.unknown_field" { UnknownField: "\"{name}\" is not a field of the record." }
    "request.wrong_type" { WrongType: "Expected {expected|a} here, not {found|a}." }
    "request.unknown_value" { UnknownValue: "\"{value}\" is not one of: {allowed}." }
    "request.missing_configuration" { MissingConfiguration: "This configuration value is required." }
    "request.configuration_ignored" Warning {
        ConfigurationIgnored: "\"{name}\" is ignored: the partner's configuration applies."
    }
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
            Self::ConfigurationIgnored { .. } => Say::ConfigurationIgnored,
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
            Self::ConfigurationIgnored { name } => p.with("name", *name),
            Self::WrongType { expected, found } => p.with("expected", *expected).with("found", *found),
            Self::UnknownValue { value, allowed } => p.with("value", value).with("allowed", *allowed),
            Self::MissingConfiguration => p,
        }
    }
}
