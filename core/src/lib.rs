//! tenantcheck's rules: everything a cloud-BSS account must get right before it can be provisioned as a Microsoft
//! customer tenant through Partner Center (CSP). Pure Rust: no rule module knows of JS.

pub mod codes;
pub mod countries;
pub mod dependents;
pub mod host;
pub mod issue;
#[cfg(feature = "js-host")]
pub mod js_host;
pub mod message;
pub mod pattern;
pub mod record;
pub mod rules;
pub mod source;
pub mod text;
pub mod validate;

pub use issue::{Checked, Issue, Outcome, Param, Params, Reason, Severity};
pub use record::Record;
pub use validate::{validate, Configuration, FieldReport, FieldValue, Report, Validator};
