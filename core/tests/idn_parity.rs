//! The native half of the IDN parity test: every line of `fixtures/idn-parity.tsv` through the core built with the
//! `idna` crate. The npm package's build (the JavaScript engine's `URL`) answers the same table in
//! `wasm_common::idn_domains_answer_the_parity_table` (Node.js and headless Chromium): both builds give its answers.

use tenantcheck_core::record::{Record, Slot};
use tenantcheck_core::Validator;

mod idn_table;

use idn_table::{answer, cases, path};

#[test]
fn native_build_answers_the_parity_table() {
    let v = Validator::new();
    let mut failures = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 50, "{} cases", cases.len());
    for [field, input, verdict, normalized, codes] in cases {
        let report = v.validate_field(path(field), Slot::Value(input.to_owned()), Record::default());
        let got = answer(&serde_json::to_value(&report).unwrap(), path(field));
        let want = (verdict.to_owned(), normalized.to_owned(), codes.to_owned());
        if got != want {
            failures.push(format!("{field} {input:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
