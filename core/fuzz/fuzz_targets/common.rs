//! Checks shared by the targets: a report is consistent, every code is listed in `codes::all()`.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::sync::OnceLock;
use tenantcheck_core::{codes, message, Reason, Report};

pub fn all_codes() -> &'static BTreeSet<&'static str> {
    static ALL: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    ALL.get_or_init(|| codes::all().collect())
}

pub fn check_code(code: &str) {
    assert!(all_codes().contains(code), "unlisted code {code:?}");
}

/// A reason's code is listed, its message is not empty, and its template names only params it has, through filters
/// the filler knows.
pub fn check_reason<R: Reason>(r: &R) {
    check_code(r.code());
    assert!(!r.message().is_empty(), "empty message for {}", r.code());
    let unfillable = message::unfillable(r.template(), &r.params());
    assert_eq!(unfillable, None, "{}: a placeholder its params cannot fill", r.code());
}

pub fn check_report(report: &Report) {
    assert_eq!(report.valid, report.errors.is_empty(), "valid != errors.is_empty()");
    for issue in report.errors.iter().chain(&report.warnings) {
        check_code(issue.code);
        assert!(!issue.message.is_empty(), "empty message for {}", issue.code);
    }
    serde_json::to_string(report).expect("a report serializes");
}

/// The (field, code) pairs of a report's errors and warnings, as a set.
pub fn issue_set(report: &Report) -> BTreeSet<(String, &'static str)> {
    report.errors.iter().chain(&report.warnings).map(|i| (i.field.to_string(), i.code)).collect()
}
