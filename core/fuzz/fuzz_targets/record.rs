//! Any bytes as a record: as text (lossless when UTF-8, else lossy) through `Validator::validate_json`, and through
//! `serde_json::from_slice::<Value>` and `Validator::validate_parsed`; the two paths must agree
//! (up to the order and repetition of unknown fields, which `Value` sorts and merges). The normalized record
//! is validated again (no panic, same validity). Run with and without run-time country rules.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::sync::OnceLock;
use tenantcheck_core::record::Parsed;
use tenantcheck_core::Validator;

const RULE_SET: &str = r#"[
  { "iso2Code": "US", "isStateRequired": true, "states": { "value": ["CA", "NY", "WA", "DC"] },
    "isPostalCodeRequired": true, "postalCodeRegex": "^\\d{5}(-\\d{4})?$",
    "phoneNumberRegex": "^(1[\\-\\/\\.]?)?(\\((\\d{3})\\)|(\\d{3}))[\\-\\/\\.]?(\\d{3})[\\-\\/\\.]?(\\d{4})$",
    "countryCallingCodes": { "value": ["1"] } },
  { "iso2Code": "GR", "supportedStates": ["Attica", "Crete"], "isCityRequired": false, "postalCodeRegex": "\\d{3} ?\\d{2}" }
]"#;

fn validators() -> &'static [Validator; 2] {
    static V: OnceLock<[Validator; 2]> = OnceLock::new();
    V.get_or_init(|| {
        let mut with_rules = Validator::new();
        with_rules.set_country_rules_json(RULE_SET).expect("valid rule set");
        [Validator::new(), with_rules]
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let value = serde_json::from_slice::<Value>(data).ok();
    for v in validators() {
        let report = v.validate_json(&text);
        common::check_report(&report);
        if let Some(value) = &value {
            let parsed: Parsed = serde_json::from_value(value.clone()).expect("any JSON value is a Parsed");
            let via_value = v.validate_parsed(parsed);
            common::check_report(&via_value);
            // `serde_json::Value` sorts keys and keeps the last of duplicate keys, so unknown fields may come in
            // another order or once instead of twice: compare as sets.
            assert_eq!(via_value.valid, report.valid, "the Value path and the text path disagree");
            assert_eq!(via_value.domain_form, report.domain_form);
            assert_eq!(common::issue_set(&via_value), common::issue_set(&report), "the two paths disagree");
        }
        if let Some(normalized) = report.normalized.clone() {
            let again = v.validate(normalized);
            common::check_report(&again);
            assert_eq!(again.valid, report.valid, "validity changed on the normalized record");
        }
    }
});
