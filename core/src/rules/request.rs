//! The shape of the record itself (`request.md`): malformed JSON, a value that is not a record, unknown fields,
//! wrong JSON types, unknown enum values, missing configuration, and configuration a record carries where the host
//! holds its own. Unknown fields are errors so that typos never pass silently (`request.md`). And a record that could not be checked because the JavaScript engine's lent services
//! failed (`host.rs`; issue 10, "Fail loudly, never trap").

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
    /// A configuration field of a record validated where the host holds the partner's configuration (a validator
    /// instance, the command line's `--settings`): the host's applies (`request.md`, `rules.md` section 4).
    ConfigurationIgnored {
        name: &'static str,
    },
    /// A service the JavaScript engine lends the core (`host.rs`) failed: a page's own code made it throw, or the
    /// build has no host. The record was not checked as it should be, so it is not valid.
    HostFailed {
        service: &'static str,
    },
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "request.not_json" (detail: Str, line: Int, column: Int) { NotJson: "This is not JSON: {detail}." }
    "request.not_an_object" (found: Str) { NotAnObject: "A record is a JSON object, not {found|a}." }
    "request.bad_id" { BadId: "An ID is a string of up to 200 characters or an integer of up to 15 digits." }
    "request.unknown_field" (name: Str) { UnknownField: "\"{name}\" is not a field of the record." }
    "request.wrong_type" (expected: Str, found: Str) { WrongType: "Expected {expected|a} here, not {found|a}." }
    "request.unknown_value" (value: Str, allowed: List) { UnknownValue: "\"{value}\" is not one of: {allowed}." }
    "request.missing_configuration" { MissingConfiguration: "This configuration value is required." }
    "request.configuration_ignored" Warning (name: Str) {
        ConfigurationIgnored: "\"{name}\" is ignored: the partner's configuration applies."
    }
    "request.host_failed" (service: Str) {
        HostFailed: "The record was not checked: {service} threw an error."
    }
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
            Self::ConfigurationIgnored { .. } => Say::ConfigurationIgnored,
            Self::HostFailed { .. } => Say::HostFailed,
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
            Self::BadId | Self::MissingConfiguration => p,
            Self::HostFailed { service } => p.with("service", *service),
        }
    }
}
