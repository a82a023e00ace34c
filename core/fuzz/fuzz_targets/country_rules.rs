//! Any bytes as a run-time country rule set (`countries::overrides::parse_json`, Partner Center's shape): no panic,
//! a listed code when rejected; when accepted, the compiled rules (user-supplied patterns included) run on sample
//! values through the rules and a whole record.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use tenantcheck_core::countries::overrides;
use tenantcheck_core::rules::{address, phone, postcode, state};
use tenantcheck_core::Validator;

const SAMPLES: &[&str] =
    &["", "CA", "Attica", "94043", "94043-1351", "K1A 0B1", "+30 210 123 4567", "(425) 555-0100", "x"];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match overrides::parse_json(&text) {
        Ok(set) => {
            for rules in &set {
                let r = rules.view();
                for s in SAMPLES {
                    let _ = postcode::check(s, &r);
                    let _ = state::check(s, &r);
                    let _ = phone::check(s, Some(&r));
                    let _ = address::city(s, Some(&r));
                }
            }
            let mut v = Validator::new();
            v.set_country_rules(set.clone());
            for rules in &set {
                let record = serde_json::json!({
                    "cspModel": "direct",
                    "account": { "phone": "+1 425 555 0100", "billingAddress": {
                        "country": rules.country.code(), "addressLine1": "1 Main St", "city": "", "state": "CA",
                        "postalCode": "94043" } },
                });
                common::check_report(&v.validate_json(&record.to_string()));
            }
        }
        Err(e) => common::check_reason(&e),
    }
});
