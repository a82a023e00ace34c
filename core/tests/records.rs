//! Whole records through the walker: field paths, cross-field rules and configuration, read as `rules.md` and
//! `request.md` state them. Assertions are on codes and paths, never on message wording.

use serde_json::{json, Value};
use tenantcheck_core::{Report, Validator};

/// The example record of `request.md`: valid (`fixtures/request-example.json`, shared with the benchmarks and the
/// wasm tests).
fn base() -> Value {
    serde_json::from_str(include_str!("fixtures/request-example.json")).expect("the fixture is JSON")
}

fn check(v: &Value) -> Report {
    Validator::new().validate_json(&v.to_string())
}

/// `(field, code)` of every error.
fn errors(r: &Report) -> Vec<(String, &'static str)> {
    r.errors.iter().map(|i| (i.field.to_string(), i.code)).collect()
}

fn warnings(r: &Report) -> Vec<(String, &'static str)> {
    r.warnings.iter().map(|i| (i.field.to_string(), i.code)).collect()
}

/// The record with the value at `pointer` set (an object member is added when missing).
fn with(mut v: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a JSON pointer");
    let obj = v.pointer_mut(parent).and_then(Value::as_object_mut).unwrap_or_else(|| panic!("no {parent}"));
    obj.insert(key.to_owned(), value);
    v
}

fn e(field: &str, code: &'static str) -> (String, &'static str) {
    (field.to_owned(), code)
}

#[test]
fn the_example_of_request_md_is_valid_and_normalized() {
    let r = check(&base());
    assert_eq!(errors(&r), vec![]);
    assert!(r.valid);
    let n = serde_json::to_value(r.normalized.unwrap()).unwrap();
    assert_eq!(n["account"]["phone"], "+302101234567");
    assert_eq!(n["account"]["billingAddress"]["postalCode"], "106 82");
    assert_eq!(n["syncOptions"]["domainPrefix"], "contoso");
    let out = serde_json::to_value(check(&base())).unwrap();
    assert_eq!(out["domainForm"], "prefix");
    assert_eq!(out["linksExistingTenant"], false);
}

#[test]
fn unknown_fields_wrong_types_and_enum_values_are_errors() {
    // request.md: unknown fields are errors, so typos never pass silently.
    let v = with(base(), "/account/emial", json!("x"));
    assert_eq!(errors(&check(&v)), vec![e("account.emial", "request.unknown_field")]);
    let v = with(base(), "/account/billingAddress/zip", json!("x"));
    assert_eq!(errors(&check(&v)), vec![e("account.billingAddress.zip", "request.unknown_field")]);
    let v = with(base(), "/account/phone", json!(302101234567_u64));
    assert_eq!(errors(&check(&v)), vec![e("account.phone", "request.wrong_type")]);
    let v = with(base(), "/cspModel", json!("Indirect"));
    assert_eq!(errors(&check(&v)), vec![e("cspModel", "request.unknown_value")]);
    let v = with(base(), "/account/isSubCustomerOfReseller", json!("no"));
    assert_eq!(errors(&check(&v)), vec![e("account.isSubCustomerOfReseller", "request.wrong_type")]);
    let v = with(base(), "/account", json!("x"));
    assert_eq!(errors(&check(&v)), vec![e("account", "request.wrong_type")]);
    let mut v = base();
    v.as_object_mut().unwrap().remove("cspModel");
    assert_eq!(errors(&check(&v)), vec![e("cspModel", "request.missing_configuration")]);
    let r = Validator::new().validate_json("[1, 2]");
    assert_eq!(errors(&r), vec![e("", "request.not_an_object")]);
    let r = Validator::new().validate_json("{\"cspModel\": ");
    assert_eq!(errors(&r), vec![e("", "request.not_json")]);
    assert!(r.normalized.is_none());
}

#[test]
fn every_error_at_once() {
    let v = with(base(), "/syncOptions", json!({ "username": "ad min", "domainPrefix": "a-b", "resellerMpnId": "x" }));
    let v = with(v, "/account/email", json!("it@microsoft.com"));
    assert_eq!(
        errors(&check(&v)),
        vec![
            e("syncOptions.username", "username.bad_character"),
            e("syncOptions.domainPrefix", "domain_prefix.bad_character"),
            e("syncOptions.resellerMpnId", "reseller_mpn_id.not_numeric"),
            e("account.email", "email.microsoft_domain"),
        ]
    );
}

#[test]
fn reseller_field_follows_the_csp_model() {
    // rules.md section 1 table [iw].
    for model in ["direct", "tenantReseller"] {
        let v = with(base(), "/cspModel", json!(model));
        assert_eq!(errors(&check(&v)), vec![e("syncOptions.resellerMpnId", "reseller_mpn_id.not_available")]);
        let v = with(v, "/syncOptions/resellerMpnId", Value::Null);
        assert_eq!(errors(&check(&v)), vec![]);
    }
    for model in ["indirectProvider", "indirectCountryTenant"] {
        let v = with(base(), "/cspModel", json!(model));
        assert_eq!(errors(&check(&v)), vec![]);
        // Required for a sub-customer of a reseller [PC-create] (decision).
        let v = with(v, "/syncOptions/resellerMpnId", json!(""));
        assert_eq!(errors(&check(&v)), vec![]);
        let v = with(v, "/account/isSubCustomerOfReseller", json!(true));
        assert_eq!(errors(&check(&v)), vec![e("syncOptions.resellerMpnId", "reseller_mpn_id.required")]);
    }
}

#[test]
fn sub_customer_may_leave_its_address_empty_then_the_resellers_is_checked() {
    let empty =
        json!({ "country": "", "addressLine1": "", "addressLine2": "", "city": "", "state": "", "postalCode": "" });
    let sub = with(base(), "/account/isSubCustomerOfReseller", json!(true));
    let sub = with(sub, "/account/phone", json!("+1 416 555 0199"));
    let sub = with(sub, "/account/billingAddress", empty.clone());
    // No reseller address configured: an error on it [iw].
    assert_eq!(errors(&check(&sub)), vec![e("resellerBillingAddress", "billing_address.reseller_address_missing")]);
    // A reseller address with a bad postcode: reported on the reseller's address.
    let bad = json!({ "country": "CA", "addressLine1": "100 Queen St W", "addressLine2": "", "city": "Toronto",
                      "state": "ON", "postalCode": "12345" });
    let v = with(sub.clone(), "/resellerBillingAddress", bad);
    assert_eq!(errors(&check(&v)), vec![e("resellerBillingAddress.postalCode", "postal_code.format")]);
    let good = json!({ "country": "CA", "addressLine1": "100 Queen St W", "addressLine2": "", "city": "Toronto",
                       "state": "ON", "postalCode": "M5H2N2" });
    let v = with(sub.clone(), "/resellerBillingAddress", good.clone());
    let r = check(&v);
    assert_eq!(errors(&r), vec![]);
    let n = serde_json::to_value(r.normalized.unwrap()).unwrap();
    assert_eq!(n["resellerBillingAddress"]["postalCode"], "M5H 2N2");
    assert_eq!(warnings(&check(&v)), vec![]);
    // The account's country is then the reseller's (decision): a Greek number is read by Greece's rules, with a
    // warning that Canada's calling code is +1, and a national number is Canada's.
    let greek = with(v.clone(), "/account/phone", json!("+30 210 123 4567"));
    assert_eq!(errors(&check(&greek)), vec![]);
    assert_eq!(warnings(&check(&greek)), vec![e("account.phone", "phone.calling_code_mismatch")]);
    let national = with(v.clone(), "/account/phone", json!("210 123 456"));
    assert_eq!(errors(&check(&national)), vec![e("account.phone", "phone.nanp_format")]);
    // A null own address counts as empty.
    let v = with(with(sub.clone(), "/account/billingAddress", Value::Null), "/resellerBillingAddress", good);
    assert_eq!(errors(&check(&v)), vec![]);
    // A partly filled own address is checked in full.
    let partial = with(empty, "/city", json!("Athens"));
    let v = with(sub, "/account/billingAddress", partial);
    let codes: Vec<_> = errors(&check(&v)).into_iter().map(|(_, c)| c).collect();
    assert!(codes.contains(&"country.required") && codes.contains(&"address_line.required"), "{codes:?}");
    // Not a sub-customer: the empty address is an error.
    let v = with(base(), "/account/billingAddress", Value::Null);
    assert!(errors(&check(&v)).contains(&e("account.billingAddress.country", "country.required")));
}

#[test]
fn state_and_postcode_must_agree_in_the_us_and_canada() {
    let us = json!({ "country": "US", "addressLine1": "1 Microsoft Way", "addressLine2": "", "city": "Redmond",
                     "state": "WA", "postalCode": "98052" });
    let v = with(with(base(), "/account/billingAddress", us), "/account/phone", json!("425 555 0100"));
    assert_eq!(errors(&check(&v)), vec![]);
    let v2 = with(v.clone(), "/account/billingAddress/state", json!("CA"));
    assert_eq!(errors(&check(&v2)), vec![e("account.billingAddress.postalCode", "postal_code.state_mismatch")]);
    // A prefix shared by two states (063 CT/NY) [zipcodes].
    let v3 = with(
        with(v.clone(), "/account/billingAddress/postalCode", json!("06390")),
        "/account/billingAddress/state",
        json!("NY"),
    );
    assert_eq!(errors(&check(&v3)), vec![]);
    // Canada by first letter; K1A in ON or QC [rules.md].
    let ca = json!({ "country": "CA", "addressLine1": "1 Wellington St", "addressLine2": "", "city": "Ottawa",
                     "state": "QC", "postalCode": "K1A 0B1" });
    let v = with(with(base(), "/account/billingAddress", ca), "/account/phone", json!("613 555 0100"));
    assert_eq!(errors(&check(&v)), vec![]);
    let v = with(v, "/account/billingAddress/postalCode", json!("M5H 2N2"));
    assert_eq!(errors(&check(&v)), vec![e("account.billingAddress.postalCode", "postal_code.state_mismatch")]);
}

#[test]
fn configuration_is_checked_and_normalized() {
    // Markets: configuration; a country outside them is an error [PC-markets].
    let v = with(base(), "/markets", json!(["us", "CA"]));
    assert_eq!(errors(&check(&v)), vec![e("account.billingAddress.country", "country.not_in_markets")]);
    let v = with(base(), "/markets", json!(["GR", "XX"]));
    assert_eq!(errors(&check(&v)), vec![e("markets[1]", "country.unknown")]);
    let v = with(base(), "/markets", json!("GR"));
    assert_eq!(errors(&check(&v)), vec![e("markets", "request.wrong_type")]);
    // Default markets leave out RU [PC-markets].
    let v = with(
        base(),
        "/account/billingAddress",
        json!({ "country": "RU", "addressLine1": "Tverskaya 1",
        "addressLine2": "", "city": "Moscow", "state": "", "postalCode": "125009" }),
    );
    assert!(errors(&check(&v)).contains(&e("account.billingAddress.country", "country.not_in_markets")));
    // The partner's own domain is not a customer e-mail domain [PC-names].
    let v = with(base(), "/account/email", json!("someone@partner.example"));
    assert_eq!(errors(&check(&v)), vec![e("account.email", "email.partner_domain")]);
    let v = with(base(), "/partnerDomain", json!("not a domain"));
    assert_eq!(errors(&check(&v)), vec![e("partnerDomain", "partner_domain.invalid")]);
    // 21Vianet's suffix [PC-create].
    let v = with(base(), "/domainSuffix", json!("partner.onmschina.cn"));
    let v = with(v, "/syncOptions/domainPrefix", json!("contoso.partner.onmschina.cn"));
    let r = check(&v);
    assert_eq!(warnings(&r), vec![e("syncOptions.domainPrefix", "domain_prefix.suffix_removed")]);
}

#[test]
fn alias_links_an_existing_tenant() {
    let v = with(base(), "/syncOptions/domainPrefix", json!("Contoso.com"));
    let r = check(&v);
    assert!(r.valid);
    assert!(r.links_existing_tenant);
    assert_eq!(warnings(&r), vec![e("syncOptions.domainPrefix", "domain_prefix.alias_links_existing")]);
}

#[test]
fn phone_and_registration_are_required_in_the_listed_countries() {
    // Partner Center error 600051 countries [PC-create, PC-errors]: registration number required.
    let v = with(
        base(),
        "/account/billingAddress",
        json!({ "country": "PL", "addressLine1": "ul. Prosta 1",
        "addressLine2": "", "city": "Warszawa", "state": "", "postalCode": "00-838" }),
    );
    let v = with(v, "/account/phone", json!("+48 22 123 45 67"));
    assert_eq!(errors(&check(&v)), vec![e("account.registrationNumber", "registration_number.required")]);
    let v = with(v, "/account/registrationNumber", json!("5260250274"));
    assert_eq!(errors(&check(&v)), vec![]);
}

#[test]
fn run_time_country_rules_replace_the_default() {
    let mut validator = Validator::new();
    // Greece with a run-time rule that wants 5 digits without a space.
    validator
        .set_country_rules_json(r#"{"iso2Code":"GR","isPostalCodeRequired":true,"postalCodeRegex":"^\\d{5}$"}"#)
        .unwrap();
    let r = validator.validate_json(&base().to_string());
    assert_eq!(errors(&r), vec![e("account.billingAddress.postalCode", "postal_code.format")]);
    // A malformed set is rejected and changes nothing.
    assert!(validator.set_country_rules_json(r#"{"iso2Code":"GR","postalCodeRegex":"("}"#).is_err());
    let r = validator.validate_json(&with(base(), "/account/billingAddress/postalCode", json!("10682")).to_string());
    assert_eq!(errors(&r), vec![]);
    validator.reset_country_rules();
    assert_eq!(errors(&validator.validate_json(&base().to_string())), vec![]);
}

#[test]
fn an_empty_record_reports_every_required_field_and_normalizes_to_the_full_shape() {
    let r = Validator::new().validate_json("{}");
    let fields: Vec<String> = r.errors.iter().map(|i| i.field.to_string()).collect();
    for f in [
        "cspModel",
        "syncOptions.username",
        "syncOptions.domainPrefix",
        "account.companyName",
        "account.email",
        "account.phone",
        "account.contact.firstName",
        "account.billingAddress.country",
    ] {
        assert!(fields.iter().any(|x| x == f), "no error on {f}: {fields:?}");
    }
    let n = serde_json::to_value(r.normalized.unwrap()).unwrap();
    assert_eq!(n["account"]["isSubCustomerOfReseller"], false);
}

#[test]
fn validate_field_reports_only_that_field() {
    use tenantcheck_core::record::{from_json, Slot};
    let Slot::Value(record) = from_json(&base().to_string()).unwrap() else { panic!("a record") };
    let v = Validator::new();
    // A field result (`request.md`, "Field result"; `core/tests/field_results.rs`) has no whole record.
    let issues = |list: &[tenantcheck_core::Issue]| -> Vec<(String, &'static str)> {
        list.iter().map(|i| (i.field.to_string(), i.code)).collect()
    };
    let r = v.validate_field("account.billingAddress.postalCode", Slot::Value("1068".to_owned()), record.clone());
    assert_eq!(issues(&r.errors), vec![e("account.billingAddress.postalCode", "postal_code.format")]);
    assert!(!r.valid);
    // Other fields' problems are not reported, and the field's own warnings are.
    let r = v.validate_field("account.email", Slot::Value("it@gmail.com".to_owned()), record.clone());
    assert_eq!((issues(&r.errors), issues(&r.warnings)), (vec![], vec![e("account.email", "email.free_mail")]));
    let r = v.validate_field("account.nope", Slot::Value("x".to_owned()), record);
    assert_eq!(issues(&r.errors), vec![e("account.nope", "request.unknown_field")]);
}

#[test]
fn validate_fields_keeps_the_issues_of_every_listed_field() {
    use tenantcheck_core::record::{from_json, Slot};
    let us = json!({ "country": "US", "addressLine1": "1 Microsoft Way", "addressLine2": "", "city": "Redmond",
                     "state": "CA", "postalCode": "98052" });
    let v = with(with(base(), "/account/billingAddress", us), "/account/phone", json!("425 555 0100"));
    let Slot::Value(record) = from_json(&v.to_string()).unwrap() else { panic!("a record") };
    // After the state changed, the form re-checks the state and the postcode, which the state decides.
    let paths = ["account.billingAddress.state", "account.billingAddress.postalCode"];
    let r = Validator::new().validate_fields(&paths, record.clone());
    assert_eq!(errors(&r), vec![e("account.billingAddress.postalCode", "postal_code.state_mismatch")]);
    let r = Validator::new().validate_fields(&["account.email"], record);
    assert_eq!(errors(&r), vec![]);
}

#[test]
fn full_domain_is_what_partner_center_receives() {
    assert_eq!(check(&base()).full_domain().as_deref(), Some("contoso.onmicrosoft.com"));
    let v = with(base(), "/syncOptions/domainPrefix", json!("Contoso.com"));
    assert_eq!(check(&v).full_domain().as_deref(), Some("contoso.com"));
    let v = with(base(), "/domainSuffix", json!("partner.onmschina.cn"));
    assert_eq!(check(&v).full_domain().as_deref(), Some("contoso.partner.onmschina.cn"));
    let v = with(base(), "/syncOptions/domainPrefix", json!("a-b"));
    assert_eq!(check(&v).full_domain(), None);
}

#[test]
fn a_country_alone_leaves_a_sub_customers_address_empty() {
    // rules.md section 2: forms preselect a country; a country alone still counts as empty, so the reseller's address
    // is used.
    let only_country = json!({ "country": "GR", "addressLine1": "", "addressLine2": " ", "city": "", "state": "",
                               "postalCode": "" });
    let sub = with(base(), "/account/isSubCustomerOfReseller", json!(true));
    let sub = with(sub, "/account/phone", json!("+1 416 555 0199"));
    let sub = with(sub, "/account/billingAddress", only_country.clone());
    assert_eq!(errors(&check(&sub)), vec![e("resellerBillingAddress", "billing_address.reseller_address_missing")]);
    let good = json!({ "country": "CA", "addressLine1": "100 Queen St W", "addressLine2": "", "city": "Toronto",
                       "state": "ON", "postalCode": "M5H 2N2" });
    let v = with(sub.clone(), "/resellerBillingAddress", good);
    assert_eq!(errors(&check(&v)), vec![]);
    // Only the country key, the others absent: empty too.
    let v2 = with(v.clone(), "/account/billingAddress", json!({ "country": "DE" }));
    assert_eq!(errors(&check(&v2)), vec![]);
    // A country and one more field: checked in full, with the own country.
    let partial = with(only_country, "/city", json!("Athens"));
    let v3 = with(v.clone(), "/account/billingAddress", partial);
    let got = errors(&check(&v3));
    assert!(got.contains(&e("account.billingAddress.addressLine1", "address_line.required")), "{got:?}");
    assert!(!got.iter().any(|(f, _)| f.starts_with("resellerBillingAddress")), "{got:?}");
    // A country of the wrong type is not empty: it is reported.
    let v4 = with(v, "/account/billingAddress", json!({ "country": 30 }));
    assert!(errors(&check(&v4)).contains(&e("account.billingAddress.country", "request.wrong_type")));
    // Not a sub-customer: a country alone is an incomplete address.
    let v5 = with(base(), "/account/billingAddress", json!({ "country": "GR" }));
    assert!(errors(&check(&v5)).contains(&e("account.billingAddress.addressLine1", "address_line.required")));
}

/// The record with a text field set by its dotted path, its reseller address filled (so every path exists).
fn with_path(path: &str, value: &str) -> Value {
    let reseller = json!({ "country": "CA", "addressLine1": "100 Queen St W", "addressLine2": "", "city": "Toronto",
                           "state": "ON", "postalCode": "M5H 2N2" });
    let mut v = with(base(), "/resellerBillingAddress", reseller);
    if path.starts_with("resellerBillingAddress") {
        // The reseller's address is the one checked for a sub-customer that left its own empty.
        v = with(v, "/account/isSubCustomerOfReseller", json!(true));
        v = with(v, "/account/billingAddress", Value::Null);
        v = with(v, "/account/phone", json!("+1 416 555 0199"));
    }
    let pointer = format!("/{}", path.replace('.', "/"));
    *v.pointer_mut(&pointer).unwrap_or_else(|| panic!("{path}")) = json!(value);
    v
}

#[test]
fn controls_and_bidi_overrides_are_one_error_in_every_text_field() {
    // rules.md section 0: in every field, before its rule runs, naming the character.
    for (path, _) in tenantcheck_core::schema::text_fields() {
        for (raw, ch, position) in [("ab\u{7}c", "U+0007", 3), ("\u{202e}abc", "U+202E", 1), ("a\u{9b}", "U+009B", 2)] {
            let r = check(&with_path(path, raw));
            let on_field: Vec<_> = r.errors.iter().filter(|i| *i.field == *path).collect();
            assert_eq!(on_field.len(), 1, "{path} {raw:?}: {:?}", errors(&r));
            assert_eq!(on_field[0].code, "text.bad_character", "{path}");
            assert!(on_field[0].message.contains(ch), "{}", on_field[0].message);
            assert_eq!(on_field[0].params.get("position"), Some(&tenantcheck_core::Param::Int(position)));
        }
    }
    // Tab, line feed and carriage return count as spaces.
    let r = check(&with_path("account.companyName", "Contoso\t\r\nLtd"));
    assert_eq!(errors(&r), vec![]);
    assert_eq!(serde_json::to_value(r.normalized).unwrap()["account"]["companyName"], "Contoso Ltd");
}

#[test]
fn free_text_fields_keep_what_was_typed_code_like_fields_are_normalized() {
    // rules.md section 0, with the kinds of core/src/schema.rs.
    use tenantcheck_core::schema::{text_fields, Kind};
    let typed = "12½ Ｍａｉｎ 1º 3ª\u{200d}x\u{200c}y";
    for (path, kind) in text_fields().filter(|(p, _)| !p.starts_with("resellerBillingAddress")) {
        if kind != Kind::Text {
            continue;
        }
        let r = check(&with_path(path, &format!("  {typed}\u{200b}\u{a0} ")));
        assert!(!r.errors.iter().any(|i| *i.field == *path), "{path}: {:?}", errors(&r));
        let n = serde_json::to_value(r.normalized).unwrap();
        let pointer = format!("/{}", path.replace('.', "/"));
        assert_eq!(n.pointer(&pointer).unwrap(), typed, "{path}");
    }
    // The state is free text where the country's list is open (Greece), code-like where it is closed (US).
    let r = check(&with_path("account.billingAddress.state", "Ａττική"));
    assert_eq!(serde_json::to_value(r.normalized).unwrap()["account"]["billingAddress"]["state"], "Ａττική");
    // Code-like fields: NFKC, invisibles dropped.
    let r = check(&with_path("account.billingAddress.postalCode", "１０６\u{200b} ８２"));
    assert_eq!(serde_json::to_value(r.normalized).unwrap()["account"]["billingAddress"]["postalCode"], "106 82");
    let r = check(&with_path("syncOptions.username", "ad\u{200d}min\u{ad}"));
    assert_eq!(errors(&r), vec![]);
    assert_eq!(serde_json::to_value(r.normalized).unwrap()["syncOptions"]["username"], "admin");
}
