//! The shape of the record itself (`request.md`): malformed JSON, a value that is not a record, unknown fields,
//! wrong JSON types, unknown enum values and missing configuration. Unknown fields are errors so that typos never
//! pass silently (`request.md`).

use crate::issue::{Params, Reason};

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
    /// A configuration field in a record checked by a host that holds the partner's configuration (a validator
    /// instance): the host's applies, the record's is ignored (`request.md`). A warning.
    ConfigurationIgnored,
    /// The JavaScript engine that lends the WebAssembly builds its `RegExp` and NFKC threw (a page's code patched
    /// one): no verdict could be made (`core/src/js_host.rs`).
    EngineFailed,
}

/// Every code this module emits.
pub const CODES: &[&str] = &[
    "request.not_json",
    "request.not_an_object",
    "request.unknown_field",
    "request.wrong_type",
    "request.unknown_value",
    "request.missing_configuration",
    "request.configuration_ignored",
    "request.engine_failed",
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
            Self::ConfigurationIgnored => 6,
            Self::EngineFailed => 7,
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
            Self::ConfigurationIgnored => "Ignored: the partner's configuration applies, not the record's.",
            Self::EngineFailed => "The check could not run: the page's JavaScript threw while it ran.",
        }
    }
    fn severity(&self) -> crate::issue::Severity {
        match self {
            Self::ConfigurationIgnored => crate::issue::Severity::Warning,
            _ => crate::issue::Severity::Error,
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
            Self::MissingConfiguration | Self::ConfigurationIgnored | Self::EngineFailed => p,
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
