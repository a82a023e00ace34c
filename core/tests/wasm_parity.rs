//! The native side of the package's corpus test (`tests/node/corpus.test.mjs`): the verdict of every postcode case
//! derived from the country picker (every example, and every example with one character appended), written to
//! `target/tmp/wasm-parity-postcodes.json` for the Node.js test to compare one to one with the npm package; and the
//! picker itself, `target/tmp/wasm-parity-picker.json`, which the package's `countries()` must equal.

use tenantcheck_core::countries::picker;
use tenantcheck_core::record::Account;
use tenantcheck_core::record::{Address, Record, Slot};
use tenantcheck_core::Validator;

/// Appended to every example, as in `core/tests/corpus.rs`; the Node.js test uses the same list.
const SUFFIXES: [&str; 4] = ["0", "A", " ", "-"];

#[test]
fn writes_the_postcode_verdicts_the_package_must_match() {
    let v = Validator::new();
    let mut out = String::from("[\n");
    let mut n = 0;
    for c in picker() {
        for ex in c.postal_code.iter().flat_map(|p| p.examples.to_vec()) {
            for value in std::iter::once(ex.to_string()).chain(SUFFIXES.iter().map(|s| format!("{ex}{s}"))) {
                let record = Record {
                    account: Slot::Value(Account {
                        billing_address: Slot::Value(Address {
                            country: Slot::Value(c.code.into()),
                            ..Default::default()
                        }),
                        ..Default::default()
                    }),
                    ..Default::default()
                };
                let r = v.validate_field("account.billingAddress.postalCode", Slot::Value(value.clone()), record);
                // The result also states the state's issues (`request.md`, "Field result": the postcode covers the
                // state), which a country with required states has here: the example is judged by its own.
                if value == *ex {
                    let own: Vec<_> =
                        r.errors.iter().filter(|i| i.field == "account.billingAddress.postalCode").collect();
                    assert!(own.is_empty(), "{} example {ex:?} rejected: {own:?}", c.code);
                }
                let codes: Vec<String> = r.errors.iter().map(|i| format!("{:?}", i.code)).collect();
                let sep = if n == 0 { "" } else { ",\n" };
                out += &format!(
                    "{sep}  {{\"country\":{:?},\"value\":{},\"valid\":{},\"codes\":[{}]}}",
                    c.code,
                    serde_json::to_string(&value).unwrap(),
                    r.valid,
                    codes.join(",")
                );
                n += 1;
            }
        }
    }
    out += "\n]\n";
    assert!(n > 400 * 5, "only {n} cases");
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("wasm-parity-postcodes.json");
    std::fs::write(&path, out).unwrap();
}

/// The core's picker in English under the embedded defaults, as the package's `countries()` must answer it
/// (`tests/node/package.test.mjs`): the module writes rows, `scripts/pkg/index.js` shapes them.
#[test]
fn writes_the_picker_the_package_must_match() {
    let json = serde_json::to_string_pretty(&picker()).unwrap();
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("wasm-parity-picker.json");
    std::fs::write(&path, json).unwrap();
}
