//! wasm-bindgen tests of the binding in headless Chromium (`make test-wasm`); the cases are in `wasm_common`.
#![cfg(target_arch = "wasm32")]

mod idn_table;
mod pattern_table;
mod wasm_common;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

wasm_common::all_cases!();
