//! wasm-bindgen tests of the binding in Node.js (`make test-wasm`); the cases are in `wasm_common`.
#![cfg(target_arch = "wasm32")]

mod idn_table;
mod pattern_table;
mod wasm_common;

wasm_common::all_cases!();
