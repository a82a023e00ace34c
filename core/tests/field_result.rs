//! Field results (`request.md`, "Field result") and a validator holding the partner's configuration (`request.md`:
//! a record's configuration fields are then ignored with a warning each).

use tenantcheck_core::record::{self, Slot};
use tenantcheck_core::{Configuration, FieldValue, Record, Validator};

fn record(json: &str) -> Record {
    match record::from_json(json).unwrap() {
        Slot::Value(r) => r,
        other => panic!("not a record: {other:?}"),
    }
}

fn text(s: &str) -> Slot<FieldValue> {
    Slot::Value(FieldValue::Text(s.into()))
}

#[test]
fn a_postcode_check_also_states_the_state() {
    let r = Validator::new().check_field(
        "account.billingAddress.postalCode",
        text("94043"),
        record(r#"{"account":{"billingAddress":{"country":"US","state":"WA"}}}"#),
    );
    assert_eq!(r.covered, ["account.billingAddress.postalCode", "account.billingAddress.state"]);
    assert_eq!(r.value, Some(FieldValue::Text("94043".into())));
    let codes: Vec<_> = r.errors.iter().map(|i| (i.field.as_ref(), i.code)).collect();
    assert_eq!(codes, [("account.billingAddress.postalCode", "postal_code.state_mismatch")]);
    assert!(!r.valid);
}

#[test]
fn the_value_is_normalized_and_dependents_follow_the_table() {
    let v = Validator::new();
    let r = v.check_field("account.billingAddress.country", text(" gr "), Record::default());
    assert_eq!(r.value, Some(FieldValue::Text("GR".into())));
    assert_eq!(r.covered.len(), 8);
    // Filling an empty address changes which address is the account's: the phone and the number are covered too.
    let r = v.check_field("account.billingAddress.city", text("Athens"), Record::default());
    assert!(r.covered.iter().any(|p| p == "account.phone"), "{:?}", r.covered);
    let r = v.check_field(
        "account.billingAddress.city",
        text("Athens"),
        record(r#"{"account":{"billingAddress":{"country":"GR"}}}"#),
    );
    assert_eq!(r.covered, ["account.billingAddress.city"]);
    let r = v.check_field("account.isSubCustomerOfReseller", Slot::Value(FieldValue::Flag(true)), Record::default());
    assert_eq!(r.value, Some(FieldValue::Flag(true)));
    let r = v.check_field("account.email", Slot::Value(FieldValue::Flag(true)), Record::default());
    assert_eq!(r.errors[0].code, "request.wrong_type");
    let r = v.check_field("account.nope", text("x"), Record::default());
    assert_eq!(r.errors[0].code, "request.unknown_field");
}

#[test]
fn a_configured_validator_ignores_the_records_configuration_with_a_warning_each() {
    let mut v = Validator::new();
    let config = record(r#"{"cspModel":"direct","partnerDomain":"partner.example","markets":["GR","US"]}"#);
    v.set_configuration(Configuration::of(&config)).unwrap();
    let example = include_str!("fixtures/request-example.json");
    let r = v.validate_json(example);
    let ignored: Vec<_> =
        r.warnings.iter().filter(|i| i.code == "request.configuration_ignored").map(|i| i.field.as_ref()).collect();
    assert_eq!(ignored, ["cspModel", "partnerDomain"], "null members are not reported");
    let normalized = r.normalized.unwrap();
    assert_eq!(normalized.csp_model.as_str(), "direct", "the configuration in force is in the result");
    assert!(r.errors.iter().all(|i| i.field != "cspModel"), "{:?}", r.errors);
    // Customer data only: no configuration needed, no warning.
    let r = v.validate_json(r#"{"account":{"billingAddress":{"country":"DE"}}}"#);
    assert!(r.errors.iter().any(|i| i.code == "country.not_in_markets"), "{:?}", r.errors);
    assert!(r.warnings.iter().all(|i| i.code != "request.configuration_ignored"));
    // A bad configuration is refused and changes nothing.
    let bad = record(r#"{"cspModel":"reseller"}"#);
    let errors = v.set_configuration(Configuration::of(&bad)).unwrap_err();
    assert_eq!(errors[0].code, "request.unknown_value");
    assert_eq!(v.validate_json("{}").normalized.unwrap().csp_model.as_str(), "direct");
}
