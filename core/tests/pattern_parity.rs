//! The native half of the pattern parity test: every line of `fixtures/pattern-parity.tsv` through the `regex` crate.
//! The npm package's build (JavaScript's `RegExp`) answers the same table in
//! `wasm_common::patterns_answer_the_parity_table` (Node.js and headless Chromium).

mod pattern_table;

#[test]
fn native_build_answers_the_pattern_table() {
    assert!(pattern_table::cases().len() >= 80, "{} cases", pattern_table::cases().len());
    let failures = pattern_table::failures();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
