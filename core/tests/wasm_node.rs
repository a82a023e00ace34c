//! wasm-bindgen tests of the binding in Node.js (`wasm-pack test --node`); cases in `wasm_common`.
#![cfg(target_arch = "wasm32")]

mod wasm_common;

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn validate_accepts_the_example_record() {
    wasm_common::validate_accepts_the_example_record();
}

#[wasm_bindgen_test]
fn validate_reports_errors_with_fields_codes_and_params() {
    wasm_common::validate_reports_errors_with_fields_codes_and_params();
}

#[wasm_bindgen_test]
fn validate_turns_bad_input_into_request_errors() {
    wasm_common::validate_turns_bad_input_into_request_errors();
}

#[wasm_bindgen_test]
fn validate_field_keeps_only_that_fields_issues() {
    wasm_common::validate_field_keeps_only_that_fields_issues();
}

#[wasm_bindgen_test]
fn set_country_rules_installs_and_rejects() {
    wasm_common::set_country_rules_installs_and_rejects();
}

#[wasm_bindgen_test]
fn countries_lists_every_country_for_a_picker() {
    wasm_common::countries_lists_every_country_for_a_picker();
}
