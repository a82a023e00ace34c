//! A WebAssembly build whose host never lent its services (`host.rs`: no `js_host::install`) fails loudly: a record
//! is never valid, and says why (`request.host_failed`), rather than every postcode passing unchecked (issue 10,
//! "Fail loudly, never trap"). Its own test binary: nothing in it installs the host, which only the binding's exports
//! do (`make test-wasm`, in Node.js).
#![cfg(target_arch = "wasm32")]

use tenantcheck_core::Validator;
use wasm_bindgen_test::wasm_bindgen_test;

const GOOD: &str = include_str!("fixtures/request-example.json");

#[wasm_bindgen_test]
fn without_a_host_no_record_is_valid() {
    let v = Validator::new();
    for record in [GOOD.to_owned(), GOOD.replace("\"106 82\"", "\"not a postcode\"")] {
        let report = v.validate_json(&record);
        assert!(!report.valid, "{record}");
        let failed: Vec<_> = report.errors.iter().filter(|i| i.code == "request.host_failed").collect();
        assert_eq!(failed.len(), 1, "{:?}", report.errors);
        assert_eq!(failed[0].field, "");
        assert_eq!(failed[0].params.get("service"), Some(&tenantcheck_core::Param::Str("no host".into())));
    }
}
