//! Field results (`request.md`, "Field result"): `Validator::validate_field` returns the field's normalized value, its
//! issues and those of the fields that depend on it (the dependency table, `schema::DEPENDENCIES`), with `covered`,
//! never the whole record. One test per row of the table, then the properties every field result has.

use serde_json::{json, Value};
use tenantcheck_core::record::{from_json, Kind, PlaceMut, Record, Slot};
use tenantcheck_core::rules::domain::DomainForm;
use tenantcheck_core::schema::{self, Change, DEPENDENCIES};
use tenantcheck_core::source::NotData;
use tenantcheck_core::{FieldReport, FieldValue, Validator};

const COUNTRY: &str = "account.billingAddress.country";
const LINE1: &str = "account.billingAddress.addressLine1";
const STATE: &str = "account.billingAddress.state";
const POSTAL: &str = "account.billingAddress.postalCode";
const PHONE: &str = "account.phone";
const REGISTRATION: &str = "account.registrationNumber";
const RESELLER_ID: &str = "syncOptions.resellerMpnId";
const SUB_CUSTOMER: &str = "account.isSubCustomerOfReseller";
const CSP_MODEL: &str = "cspModel";
/// Every field of the own billing address, in the schema's order.
const ADDRESS: [&str; 6] =
    [COUNTRY, LINE1, "account.billingAddress.addressLine2", "account.billingAddress.city", STATE, POSTAL];

/// The example record of `request.md` (valid).
fn base() -> Value {
    serde_json::from_str(include_str!("fixtures/request-example.json")).expect("the fixture is JSON")
}

fn record(v: &Value) -> Record {
    let Slot::Value(r) = from_json(&v.to_string()).unwrap() else { panic!("a record") };
    r
}

/// The record with the value at `pointer` set.
fn with(mut v: Value, pointer: &str, value: Value) -> Value {
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = value;
    v
}

fn text(s: &str) -> Slot<String> {
    Slot::Value(s.into())
}

fn field(path: &str, value: impl Into<FieldValue>, v: &Value) -> FieldReport {
    Validator::new().validate_field(path, value, record(v))
}

fn errors(r: &FieldReport) -> Vec<(&str, &'static str)> {
    r.errors.iter().map(|i| (i.field.as_ref(), i.code)).collect()
}

fn warnings(r: &FieldReport) -> Vec<(&str, &'static str)> {
    r.warnings.iter().map(|i| (i.field.as_ref(), i.code)).collect()
}

/// The covered paths, sorted, for comparing as sets.
fn covered(r: &FieldReport) -> Vec<&'static str> {
    let mut c = r.covered.clone();
    c.sort_unstable();
    c
}

fn sorted(paths: &[&'static str]) -> Vec<&'static str> {
    let mut c = paths.to_vec();
    c.sort_unstable();
    c.dedup();
    c
}

/// A US address whose ZIP code (98052, Washington) and state are given.
fn us(state: &str, zip: &str) -> Value {
    let address = json!({ "country": "US", "addressLine1": "1 Microsoft Way", "addressLine2": "", "city": "Redmond",
                          "state": state, "postalCode": zip });
    with(with(base(), "/account/billingAddress", address), "/account/phone", json!("425 555 0100"))
}

/// A sub-customer of a reseller whose own address holds only `line1` (and the preselected country GR), with the
/// reseller's address in the United Kingdom.
fn sub_customer(line1: &str) -> Value {
    let v = with(base(), "/account/isSubCustomerOfReseller", json!(true));
    let v = with(v, "/account/billingAddress", json!({ "country": "GR", "addressLine1": line1 }));
    with(
        v,
        "/resellerBillingAddress",
        json!({ "country": "GB", "addressLine1": "1 Main St", "city": "London", "postalCode": "EC1Y 8SY" }),
    )
}

#[test]
fn the_request_md_example_the_state_covers_the_postcode() {
    // request.md: a state check states the postcode's verdict (the ZIP code belongs to another state).
    let r = field(STATE, text("WA"), &us("NY", "10001"));
    assert_eq!(r.field, STATE);
    assert_eq!(r.value, FieldValue::Text(text("WA")));
    assert!(!r.valid);
    assert_eq!(r.covered, [STATE, POSTAL]);
    assert_eq!(errors(&r), [(POSTAL, "postal_code.state_mismatch")]);
    // The state's own issues and its normalized value.
    let r = field(STATE, text("California"), &us("", "95014"));
    assert_eq!(r.value, FieldValue::Text(text("CA")));
    assert!(r.valid && r.warnings.iter().any(|i| i.field == STATE && i.code == "state.normalized"));
}

#[test]
fn the_postcode_covers_the_state() {
    let r = field(POSTAL, text("98052"), &us("CA", ""));
    assert_eq!(r.covered, [POSTAL, STATE]);
    assert_eq!(errors(&r), [(POSTAL, "postal_code.state_mismatch")]);
    // The state's own issues come with a postcode check too.
    let r = field(POSTAL, text("98052"), &us("Calif", ""));
    assert_eq!(errors(&r), [(STATE, "state.unknown")]);
    let r = field(POSTAL, text("98052"), &us("WA", ""));
    assert!(r.valid && r.errors.is_empty(), "{:?}", r.errors);
}

#[test]
fn the_country_covers_the_address_the_phone_and_the_registration_number() {
    // The example's Greek phone and postcode under another country, which requires a registration number and has
    // no postcodes.
    let r = field(COUNTRY, text("ae"), &base());
    assert_eq!(r.value, FieldValue::Text(text("AE")));
    assert_eq!(covered(&r), sorted(&[&ADDRESS[..], &[PHONE, REGISTRATION]].concat()));
    assert_eq!(r.covered[0], COUNTRY);
    assert_eq!(errors(&r), [(REGISTRATION, "registration_number.required")]);
    let w = warnings(&r);
    for want in [(PHONE, "phone.calling_code_mismatch"), (POSTAL, "postal_code.not_used")] {
        assert!(w.contains(&want), "{w:?}");
    }
    assert!(field(COUNTRY, text("GR"), &base()).valid);
}

#[test]
fn the_sub_customer_flag_covers_the_address_the_reseller_id_the_phone_and_the_registration_number() {
    let v = with(
        with(sub_customer(""), "/syncOptions/resellerMpnId", json!("")),
        "/account/isSubCustomerOfReseller",
        json!(false),
    );
    let r = field(SUB_CUSTOMER, Slot::Value(true), &v);
    assert_eq!(r.value, FieldValue::Flag(Slot::Value(true)));
    assert_eq!(covered(&r), sorted(&[&ADDRESS[..], &[SUB_CUSTOMER, RESELLER_ID, PHONE, REGISTRATION]].concat()));
    // Now the reseller's British address stands in: the Greek phone no longer matches, and the Reseller ID is
    // required.
    assert_eq!(errors(&r), [(RESELLER_ID, "reseller_mpn_id.required")]);
    assert_eq!(warnings(&r), [(PHONE, "phone.calling_code_mismatch")]);
    // Unticked: the own (empty) address is the account's, with its required fields.
    let r = field(SUB_CUSTOMER, Slot::Value(false), &v);
    assert!(errors(&r).contains(&(LINE1, "address_line.required")), "{:?}", errors(&r));
    assert!(!errors(&r).iter().any(|(f, _)| *f == RESELLER_ID) && !warnings(&r).iter().any(|(f, _)| *f == PHONE));
    // A value of another JSON type is reported on the flag.
    let r = field(SUB_CUSTOMER, text("yes"), &v);
    assert_eq!(errors(&r)[0], (SUB_CUSTOMER, "request.wrong_type"));
}

#[test]
fn filling_or_emptying_a_sub_customers_own_address_covers_the_address_the_phone_and_the_registration_number() {
    let all = sorted(&[&ADDRESS[..], &[PHONE, REGISTRATION]].concat());
    // Filled: the account's country is its own (GR) again, not the reseller's (GB).
    let r = field(LINE1, text("Leof. Kifisias 1"), &sub_customer(""));
    assert_eq!(r.covered[0], LINE1);
    assert_eq!(covered(&r), all);
    assert!(warnings(&r).is_empty(), "{:?}", warnings(&r));
    assert!(errors(&r).contains(&("account.billingAddress.city", "city.required")), "{:?}", errors(&r));
    // Emptied: the reseller's British address stands in, and the Greek phone no longer matches.
    let r = field(LINE1, text(" "), &sub_customer("Leof. Kifisias 1"));
    assert_eq!(covered(&r), all);
    assert_eq!((errors(&r), warnings(&r)), (vec![], vec![(PHONE, "phone.calling_code_mismatch")]));
    // A change that keeps the address filled, or empty, covers the field alone.
    assert_eq!(field(LINE1, text("Leof. Kifisias 2"), &sub_customer("Leof. Kifisias 1")).covered, [LINE1]);
    assert_eq!(field(LINE1, text("\u{200b}"), &sub_customer("")).covered, [LINE1]);
    // Not a sub-customer: the own address is the account's, empty or not, so the change re-checks nothing else (the
    // row's reason in request.md: the account's country may change).
    let v = with(sub_customer(""), "/account/isSubCustomerOfReseller", json!(false));
    assert_eq!(field(LINE1, text("x"), &v).covered, [LINE1]);
    // The reseller's address is configuration, not the own address.
    assert_eq!(
        field("resellerBillingAddress.city", text(""), &sub_customer("")).covered,
        ["resellerBillingAddress.city"]
    );
}

#[test]
fn the_csp_model_covers_the_reseller_id() {
    let v = with(base(), "/account/isSubCustomerOfReseller", json!(true));
    let r = field(CSP_MODEL, text("direct"), &v);
    assert_eq!(r.covered, [CSP_MODEL, RESELLER_ID]);
    assert_eq!(errors(&r), [(RESELLER_ID, "reseller_mpn_id.not_available")]);
    let r = field(CSP_MODEL, text("indirectProvider"), &with(v, "/syncOptions/resellerMpnId", json!(null)));
    assert_eq!(errors(&r), [(RESELLER_ID, "reseller_mpn_id.required")]);
}

#[test]
fn other_fields_cover_themselves_only() {
    let r = field("account.email", text(" IT@Contoso.com "), &base());
    assert_eq!(r.covered, ["account.email"]);
    assert_eq!(r.value, FieldValue::Text(text("IT@contoso.com")));
    assert!(r.valid);
    let r = field("account.email", text("it@gmail.com"), &with(base(), "/account/phone", json!("x")));
    assert_eq!((errors(&r), r.warnings[0].code), (vec![], "email.free_mail"));
    let r = field("syncOptions.domainPrefix", text("Contoso.onmicrosoft.com"), &base());
    assert_eq!(r.value, FieldValue::Text(text("contoso")));
    assert_eq!(r.domain_form, Some(DomainForm::Prefix));
    assert_eq!(field("syncOptions.domainPrefix", text("contoso.com"), &base()).domain_form, Some(DomainForm::Alias));
    assert_eq!(field("syncOptions.domainPrefix", text("-"), &base()).domain_form, None);
    // A refused value comes back as given.
    let r = field(POSTAL, text("1068"), &base());
    assert_eq!((&r.value, errors(&r)), (&FieldValue::Text(text("1068")), vec![(POSTAL, "postal_code.format")]));
}

#[test]
fn a_call_that_cannot_be_checked_covers_nothing() {
    for path in ["account.nope", "markets", "account.billingAddress", "account", ""] {
        let r = field(path, text("x"), &base());
        assert_eq!(errors(&r), [(path, "request.unknown_field")], "{path}");
        assert!(r.covered.is_empty() && !r.valid && r.field == path);
    }
    // A record that is no object, a value that is no data (what the package's reader finds in a function).
    let text_x = &mut |place: PlaceMut<'_>| {
        if let PlaceMut::Text(t) = place {
            *t = text("x");
        }
        Ok(())
    };
    let r = Validator::new().validate_field_with(PHONE, Slot::Wrong(Kind::List), text_x);
    assert_eq!((errors(&r), r.covered.len(), r.field.as_ref()), (vec![("", "request.not_an_object")], 0, PHONE));
    let r = Validator::new().validate_field_with(PHONE, Slot::Null, &mut |_| Err(NotData("a function")));
    assert_eq!((errors(&r), r.covered.len()), (vec![("", "request.not_json")], 0));
    // An absent record is an empty one.
    let r = Validator::new().validate_field_with("account.email", Slot::Absent, &mut |place| {
        if let PlaceMut::Text(t) = place {
            *t = text("it@contoso.com");
        }
        Ok(())
    });
    assert!(r.valid && r.covered == ["account.email"]);
    assert_eq!(r.value, FieldValue::Text(text("it@contoso.com")));
}

/// The table names only the schema's fields and addresses, and each row of `request.md` is there.
#[test]
fn the_table_is_request_mds() {
    for row in DEPENDENCIES {
        if let Change::Of(p) = row.change {
            assert!(schema::kind(p).is_some(), "{p}");
        }
        for p in row.covers.iter().flat_map(|group| group.iter()) {
            assert!(!matches!(schema::kind(p), None | Some(schema::Kind::Address)), "{p}");
        }
    }
    assert_eq!(schema::OWN_ADDRESS_FIELDS, ADDRESS);
    assert_eq!(DEPENDENCIES.len(), 6);
    assert_eq!(schema::covered(STATE, false), [STATE, POSTAL]);
    assert_eq!(schema::covered(POSTAL, true).len(), 8);
    assert_eq!(schema::covered("account.contact.firstName", false), ["account.contact.firstName"]);
    assert!(schema::covered("account.billingAddress", false).is_empty());
    assert!(schema::covered("account.contact", false).is_empty());
}

/// Every field result states in full what `validate` says of its covered paths: the same errors and warnings, in the
/// same order, for every field of several records (valid, invalid, sub-customers).
#[test]
fn a_field_result_says_what_validate_says_of_its_covered_paths() {
    let v = Validator::new();
    let records = [
        base(),
        us("NY", "98052"),
        sub_customer(""),
        sub_customer("x"),
        with(sub_customer(""), "/account/phone", json!("+44 20 7946 0000")),
        json!({ "account": { "email": "a@", "billingAddress": { "country": "XX", "postalCode": 5 } } }),
        json!({}),
    ];
    let mut n = 0;
    for rec in &records {
        let record = record(rec);
        for f in schema::FIELDS
            .iter()
            .filter(|f| f.is_text() || f.kind == schema::Kind::Bool || f.kind == schema::Kind::Enum)
        {
            let mut edited = record.clone();
            // The value as it is in the record: the field result must then agree with `validate` of the record.
            let value = match tenantcheck_core::record::place_at(&mut edited, f.path) {
                Some(tenantcheck_core::record::PlaceMut::Text(t)) => FieldValue::Text(t.clone()),
                Some(tenantcheck_core::record::PlaceMut::Flag(b)) => FieldValue::Flag(b.clone()),
                _ => continue,
            };
            let r = v.validate_field(f.path, value, edited.clone());
            let whole = v.validate(edited);
            let keep = |list: &[tenantcheck_core::Issue]| -> Vec<tenantcheck_core::Issue> {
                list.iter().filter(|i| r.covered.contains(&i.field.as_ref())).cloned().collect()
            };
            assert_eq!(r.errors, keep(&whole.errors), "{} in {rec}", f.path);
            assert_eq!(r.warnings, keep(&whole.warnings), "{} in {rec}", f.path);
            assert_eq!(r.valid, r.errors.is_empty());
            n += 1;
        }
    }
    assert!(n > 100, "{n}");
}

/// The result serializes as `request.md` shows it: no record, `value` as the value itself.
#[test]
fn the_result_has_request_mds_shape() {
    let r = field(STATE, text("WA"), &us("NY", "10001"));
    let j = serde_json::to_value(&r).unwrap();
    let mut keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["covered", "errors", "field", "valid", "value", "warnings"]);
    assert_eq!(j["value"], "WA");
    assert_eq!(j["covered"], json!([STATE, POSTAL]));
    let j = serde_json::to_value(field(SUB_CUSTOMER, Slot::Value(true), &base())).unwrap();
    assert_eq!(j["value"], true);
    // A refused `null` stays `null`.
    let j = serde_json::to_value(field(PHONE, Slot::<String>::Null, &base())).unwrap();
    assert_eq!((&j["value"], &j["errors"][0]["code"]), (&Value::Null, &json!("phone.required")));
}

/// The records a focused walk is held to `validate` on: the ones above, every record of `bench/records.jsonl` (587
/// real-world cases, valid and invalid, in 57 countries) and sub-customers whose empty address the reseller's stands in
/// for, valid and not.
fn corpus() -> Vec<Value> {
    let bench = include_str!("../../bench/records.jsonl");
    let mut out: Vec<Value> = bench.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    out.extend([
        base(),
        us("NY", "98052"),
        sub_customer(""),
        sub_customer("x"),
        with(sub_customer(""), "/account/phone", json!("+44 20 7946 0000")),
        with(sub_customer(""), "/resellerBillingAddress/postalCode", json!("1")),
        with(
            sub_customer(""),
            "/resellerBillingAddress",
            json!({ "country": "US", "state": "Texas", "postalCode": "98052" }),
        ),
        json!({ "account": { "email": "a@", "billingAddress": { "country": "XX", "postalCode": 5 } } }),
        json!({}),
    ]);
    out
}

/// A walk with a focus (`validate_fields`, and a field check with its covered paths) runs only the rules that the
/// focused fields' verdicts need (`Walk::skips`): what it says of those fields, issues and normalized values, is what
/// `validate` says of them, for every field of the schema alone (the reseller's address and the configuration too) and
/// with each field its rules read, on every record of [`corpus`].
#[test]
fn a_focused_walk_says_what_validate_says_of_its_fields() {
    let v = Validator::new();
    let paths: Vec<&str> = schema::FIELDS.iter().filter(|f| f.kind != schema::Kind::Address).map(|f| f.path).collect();
    let mut foci: Vec<Vec<&str>> = paths.iter().map(|p| vec![*p]).collect();
    for p in &paths {
        for q in &paths {
            if p != q && schema::covered(q, false).contains(p) {
                foci.push(vec![*p, *q]);
            }
        }
    }
    let mut n = 0;
    for rec in corpus() {
        let record = record(&rec);
        let whole = v.validate(record.clone());
        let normalized = serde_json::to_value(whole.normalized.as_ref().expect("a record")).unwrap();
        for focus in &foci {
            let r = v.validate_fields(focus, record.clone());
            let keep = |list: &[tenantcheck_core::Issue]| -> Vec<tenantcheck_core::Issue> {
                list.iter().filter(|i| focus.contains(&i.field.as_ref())).cloned().collect()
            };
            assert_eq!(r.errors, keep(&whole.errors), "{focus:?} in {rec}");
            assert_eq!(r.warnings, keep(&whole.warnings), "{focus:?} in {rec}");
            if focus.contains(&"syncOptions.domainPrefix") {
                assert_eq!(r.domain_form, whole.domain_form, "{focus:?} in {rec}");
            }
            let focused = serde_json::to_value(r.normalized.as_ref().expect("a record")).unwrap();
            for p in focus {
                let at = format!("/{}", p.replace('.', "/"));
                assert_eq!(focused.pointer(&at), normalized.pointer(&at), "{p} of {focus:?} in {rec}");
            }
            n += 1;
        }
    }
    assert!(n > 20_000, "{n}");
}

/// A walk with a focus skips the rules of the fields outside it, but for the addresses it walks (`Walk::skips`): sound
/// only while no other rule reads such a field's value. A tripwire on the dependency table (a rule that read another
/// field without a row of its own is what the differential test above catches): every change it lists is of an
/// address's field, of the sub-customer flag or of the CSP model, which the walk reads whatever its focus.
#[test]
fn the_rules_a_focus_skips_are_read_by_no_other() {
    for row in DEPENDENCIES {
        if let Change::Of(p) = row.change {
            assert!(schema::OWN_ADDRESS_FIELDS.contains(&p) || p == SUB_CUSTOMER || p == CSP_MODEL, "{p}");
        }
    }
}
