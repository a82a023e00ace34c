//! A validator that holds the partner's configuration (`rules.md` section 4, `request.md`: a validator instance of the
//! npm package, the command line's `--settings`): records need customer data only, a configuration field a record
//! carries is ignored with one warning (`request.configuration_ignored`), `normalized` shows the configuration in
//! force, invalid configuration is refused with its code, and two validators never affect each other.

use serde_json::{json, Value};
use tenantcheck_core::record::{self, Record, Slot};
use tenantcheck_core::{Report, Validator};

/// The example record of `request.md` (`fixtures/request-example.json`).
fn base() -> Value {
    serde_json::from_str(include_str!("fixtures/request-example.json")).expect("the fixture is JSON")
}

/// The example record without its configuration fields: customer data only.
fn customer() -> Value {
    let mut v = base();
    let o = v.as_object_mut().unwrap();
    for k in ["cspModel", "partnerDomain", "markets", "domainSuffix", "resellerBillingAddress"] {
        o.remove(k);
    }
    v
}

/// Configuration given as a record carries it.
fn config(v: Value) -> Record {
    match record::from_json(&v.to_string()).expect("JSON") {
        Slot::Value(r) => r,
        other => panic!("not a record: {other:?}"),
    }
}

fn configured(v: Value) -> Validator {
    let mut validator = Validator::new();
    validator.configure(config(v)).unwrap_or_else(|e| panic!("refused: {e:?}"));
    validator
}

fn codes(issues: &[tenantcheck_core::Issue]) -> Vec<(String, &'static str)> {
    issues.iter().map(|i| (i.field.to_string(), i.code)).collect()
}

fn check(v: &Validator, record: &Value) -> Report {
    v.validate_json(&record.to_string())
}

const RESELLER: &str = r#"{"country": "ca", "addressLine1": "100 Queen St W", "city": "Toronto", "state": "on",
    "postalCode": "m5h2n2"}"#;

#[test]
fn records_need_customer_data_only() {
    let v = configured(json!({"cspModel": "indirectProvider", "partnerDomain": "Partner.Example"}));
    let r = check(&v, &customer());
    assert_eq!(codes(&r.errors), []);
    assert_eq!(codes(&r.warnings), []);
    // The configuration in force, normalized.
    let n = serde_json::to_value(r.normalized.unwrap()).unwrap();
    assert_eq!(n["cspModel"], "indirectProvider");
    assert_eq!(n["partnerDomain"], "partner.example");
    assert_eq!(n["markets"], Value::Null);
    assert_eq!(n["domainSuffix"], Value::Null);
    // Without held configuration, the same record lacks its CSP model.
    let r = check(&Validator::new(), &customer());
    assert_eq!(codes(&r.errors), [("cspModel".into(), "request.missing_configuration")]);
}

#[test]
fn a_records_configuration_is_ignored_with_one_warning_each() {
    let v = configured(json!({"cspModel": "direct", "partnerDomain": "partner.example"}));
    // The record asks for a model under which the MPN ID is allowed; the held model (direct) has no such field.
    let r = check(&v, &base());
    assert_eq!(
        codes(&r.warnings),
        [
            ("cspModel".into(), "request.configuration_ignored"),
            ("resellerBillingAddress".into(), "request.configuration_ignored"),
            ("partnerDomain".into(), "request.configuration_ignored"),
            ("markets".into(), "request.configuration_ignored"),
            ("domainSuffix".into(), "request.configuration_ignored"),
        ]
    );
    assert_eq!(codes(&r.errors), [("syncOptions.resellerMpnId".into(), "reseller_mpn_id.not_available")]);
    assert_eq!(r.warnings[0].params.get("name"), Some(&tenantcheck_core::Param::Str("cspModel".into())));
    assert_eq!(r.normalized.as_ref().unwrap().csp_model.as_str(), "direct");
    // A wrong type in an ignored field is not an error: the field is not read.
    let mut rec = customer();
    rec["markets"] = json!(5);
    let r = check(&v, &rec);
    assert_eq!(codes(&r.errors), [("syncOptions.resellerMpnId".into(), "reseller_mpn_id.not_available")]);
    assert_eq!(codes(&r.warnings), [("markets".into(), "request.configuration_ignored")]);
}

#[test]
fn the_held_partner_domain_markets_and_suffix_apply() {
    let v = configured(json!({"cspModel": "indirectProvider", "partnerDomain": "contoso.com", "markets": ["gr", "CY"],
        "domainSuffix": "Partner.OnMSChina.cn"}));
    let mut rec = customer();
    rec["syncOptions"]["domainPrefix"] = json!("contoso.partner.onmschina.cn");
    let r = check(&v, &rec);
    // The e-mail is on the partner's own domain.
    assert_eq!(codes(&r.errors), [("account.email".into(), "email.partner_domain")]);
    assert_eq!(codes(&r.warnings), [("syncOptions.domainPrefix".into(), "domain_prefix.suffix_removed")]);
    let n = serde_json::to_value(r.normalized.as_ref().unwrap()).unwrap();
    assert_eq!(n["markets"], json!(["GR", "CY"]));
    assert_eq!(n["domainSuffix"], "partner.onmschina.cn");
    assert_eq!(r.full_domain().as_deref(), Some("contoso.partner.onmschina.cn"));
    // A country outside the held markets.
    rec["account"]["billingAddress"] = json!({"country": "DE", "addressLine1": "Unter den Linden 1",
        "city": "Berlin", "postalCode": "10117"});
    rec["account"]["phone"] = json!("+49 30 1234567");
    let r = check(&v, &rec);
    assert!(codes(&r.errors).contains(&("account.billingAddress.country".into(), "country.not_in_markets")));
}

#[test]
fn a_sub_customer_takes_the_held_resellers_address() {
    let reseller: Value = serde_json::from_str(RESELLER).unwrap();
    let v = configured(json!({"cspModel": "indirectProvider", "resellerBillingAddress": reseller}));
    // Held normalized, once.
    let held = v.configuration().unwrap().fields();
    let addr = held.reseller_billing_address.value().unwrap();
    assert_eq!((addr.country.as_str(), addr.state.as_str(), addr.postal_code.as_str()), ("CA", "ON", "M5H 2N2"));
    let mut rec = customer();
    rec["account"]["isSubCustomerOfReseller"] = json!(true);
    rec["account"]["billingAddress"] = json!(null);
    rec["account"]["phone"] = json!("+1 416 555 0100");
    let r = check(&v, &rec);
    assert_eq!(codes(&r.errors), []);
    assert_eq!(r.normalized.unwrap().reseller_billing_address.value().unwrap().city.as_str(), "Toronto");
}

#[test]
fn invalid_configuration_is_refused_with_its_code_and_changes_nothing() {
    let refused = |v: Value| {
        let mut validator = configured(json!({"cspModel": "direct"}));
        let e = validator.configure(config(v)).unwrap_err();
        assert_eq!(validator.configuration().unwrap().fields().csp_model.as_str(), "direct", "unchanged");
        (e.field.to_string(), e.code)
    };
    let e = |field: &str, code: &'static str| (field.to_owned(), code);
    assert_eq!(refused(json!({})), e("cspModel", "request.missing_configuration"));
    assert_eq!(refused(json!({"partnerDomain": "p.example"})), e("cspModel", "request.missing_configuration"));
    assert_eq!(refused(json!({"cspModel": "reseller"})), e("cspModel", "request.unknown_value"));
    assert_eq!(refused(json!({"cspModel": 3})), e("cspModel", "request.wrong_type"));
    assert_eq!(
        refused(json!({"cspModel": "direct", "partnerDomain": "not a domain"})),
        e("partnerDomain", "partner_domain.invalid")
    );
    assert_eq!(
        refused(json!({"cspModel": "direct", "domainSuffix": "onmicrosoft"})),
        e("domainSuffix", "domain_suffix.invalid")
    );
    assert_eq!(refused(json!({"cspModel": "direct", "markets": ["GR", "UK"]})), e("markets[1]", "country.unknown"));
    assert_eq!(
        refused(
            json!({"cspModel": "direct", "resellerBillingAddress": {"country": "GR", "addressLine1": "Leof. Kifisias 1",
            "city": "Athens", "postalCode": "1"}})
        ),
        e("resellerBillingAddress.postalCode", "postal_code.format")
    );
    assert_eq!(
        refused(json!({"cspModel": "direct", "resellerBillingAddress": {"country": "GR", "zip": "1"}})),
        e("resellerBillingAddress.zip", "request.unknown_field")
    );
    assert_eq!(
        refused(json!({"cspModel": "direct", "resellerBillingAddress": "Athens"})),
        e("resellerBillingAddress", "request.wrong_type")
    );
}

#[test]
fn two_validators_never_affect_each_other() {
    let mut a = configured(json!({"cspModel": "indirectProvider", "markets": ["GR"]}));
    let b = configured(json!({"cspModel": "direct", "partnerDomain": "contoso.com"}));
    a.set_country_rules_json(r#"{"iso2Code": "GR", "postalCodeRegex": "\\d{3}"}"#).unwrap();
    let rec = customer();
    let (ra, rb) = (check(&a, &rec), check(&b, &rec));
    assert_eq!(
        codes(&ra.errors),
        [("account.billingAddress.postalCode".into(), "postal_code.format")],
        "a's country rules"
    );
    assert_eq!(
        codes(&rb.errors),
        [
            ("syncOptions.resellerMpnId".into(), "reseller_mpn_id.not_available"),
            ("account.email".into(), "email.partner_domain")
        ]
    );
    let default = check(&Validator::new(), &base());
    assert!(default.valid, "{:?}", default.errors);
}
