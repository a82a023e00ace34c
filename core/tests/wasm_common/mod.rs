//! The cases of the wasm-bindgen tests, shared by `wasm_node.rs` (Node.js) and `wasm_browser.rs` (headless
//! Chromium): every export, the result's shape (`null`, never `undefined`), and bad input.

use js_sys::{Array, Function, Object, Reflect, JSON};
use tenantcheck_core::wasm;
use wasm_bindgen::{JsCast, JsValue};

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |v, k| Reflect::get(&v, &k.into()).expect("object"))
}

fn codes(result: &JsValue, list: &str) -> Vec<(String, String)> {
    Array::from(&get(result, list))
        .iter()
        .map(|i| (get(&i, "field").as_string().unwrap(), get(&i, "code").as_string().unwrap()))
        .collect()
}

/// No property anywhere in the value is `undefined`: absent values are `null`.
fn assert_no_undefined(v: &JsValue, at: &str) {
    assert!(!v.is_undefined(), "{at} is undefined");
    if Array::is_array(v) {
        for (i, x) in Array::from(v).iter().enumerate() {
            assert_no_undefined(&x, &format!("{at}[{i}]"));
        }
    } else if v.is_object() {
        assert_eq!(Object::get_prototype_of(v), Object::get_prototype_of(&Object::new()), "{at} is not a plain object");
        for k in Object::keys(v.unchecked_ref::<Object>()).iter() {
            let k = k.as_string().unwrap();
            assert_no_undefined(&Reflect::get(v, &k.clone().into()).unwrap(), &format!("{at}.{k}"));
        }
    }
}

const GOOD: &str = include_str!("../fixtures/request-example.json");

pub fn validate_accepts_the_example_record() {
    let r = wasm::validate(js(GOOD));
    assert_eq!(codes(&r, "errors"), vec![], "{:?}", JSON::stringify(&r));
    assert_eq!(get(&r, "valid"), JsValue::TRUE);
    assert_eq!(get(&r, "domainForm").as_string().as_deref(), Some("prefix"));
    assert_eq!(get(&r, "linksExistingTenant"), JsValue::FALSE);
    assert_eq!(get(&r, "normalized.account.billingAddress.postalCode").as_string().as_deref(), Some("106 82"));
    assert!(get(&r, "normalized.resellerBillingAddress").is_null());
    assert!(get(&r, "normalized.domainSuffix").is_null());
    assert_no_undefined(&r, "result");
}

pub fn validate_reports_errors_with_fields_codes_and_params() {
    let r = wasm::validate(js(r#"{"account":{"billingAddress":{"country":"GR","postalCode":"10682x"}}}"#));
    assert_eq!(get(&r, "valid"), JsValue::FALSE);
    let errors = codes(&r, "errors");
    assert!(errors.contains(&("account.billingAddress.postalCode".into(), "postal_code.format".into())), "{errors:?}");
    assert!(errors.contains(&("cspModel".into(), "request.missing_configuration".into())), "{errors:?}");
    let first = Array::from(&get(&r, "errors")).get(0);
    assert!(get(&first, "message").as_string().is_some_and(|m| !m.is_empty()));
    assert!(get(&first, "params").is_object(), "params is always an object");
    assert!(get(&r, "domainForm").is_null());
    assert!(get(&r, "normalized.syncOptions.username").is_null(), "absent fields are null");
    assert_no_undefined(&r, "result");
}

pub fn validate_turns_bad_input_into_request_errors() {
    // Not an object at all.
    for (value, found) in [(JsValue::from(5), "number"), (JsValue::from("x"), "string"), (Array::new().into(), "array")]
    {
        let r = wasm::validate(value);
        assert_eq!(codes(&r, "errors"), vec![("".into(), "request.not_an_object".into())]);
        assert_eq!(get(&r, "errors.0.params.found").as_string().as_deref(), Some(found));
        assert!(get(&r, "normalized").is_null());
        assert_no_undefined(&r, "result");
    }
    for value in [JsValue::NULL, JsValue::UNDEFINED] {
        assert_eq!(codes(&wasm::validate(value), "errors"), vec![("".into(), "request.not_an_object".into())]);
    }
    // Wrong types and unknown fields, field by field.
    let r = wasm::validate(js(r#"{"cspModel":7,"acount":{},"account":{"phone":["1"],"contact":"Ada"}}"#));
    let errors = codes(&r, "errors");
    for want in [
        ("cspModel", "request.wrong_type"),
        ("acount", "request.unknown_field"),
        ("account.phone", "request.wrong_type"),
        ("account.contact", "request.wrong_type"),
    ] {
        assert!(errors.contains(&(want.0.into(), want.1.into())), "{want:?} not in {errors:?}");
    }
    // Values that are not data: a function, a symbol.
    let f = Function::new_no_args("return 1");
    let r = wasm::validate(f.into());
    assert_eq!(codes(&r, "errors"), vec![("".into(), "request.not_json".into())]);
    let rec = js(r#"{"account":{}}"#);
    Reflect::set(&get(&rec, "account"), &"email".into(), &js_sys::Symbol::for_("x").into()).unwrap();
    assert_eq!(codes(&wasm::validate(rec), "errors"), vec![("".into(), "request.not_json".into())]);
    // A getter that throws: the member cannot be read, which is reported, not thrown.
    let rec = Object::new();
    let descriptor = js(r#"{"enumerable":true}"#);
    Reflect::set(&descriptor, &"get".into(), &Function::new_no_args("throw new Error('no')")).unwrap();
    Object::define_property(&rec, &"account".into(), descriptor.unchecked_ref());
    let r = wasm::validate(rec.into());
    assert_eq!(codes(&r, "errors"), vec![("".into(), "request.not_json".into())]);
    assert!(get(&r, "errors.0.message").as_string().is_some_and(|m| m.contains("cannot be read")));
    // A typed array is not a list of values; a revoked proxy cannot be read at all.
    let bytes = js_sys::Uint8Array::new_with_length(100_000);
    assert_eq!(codes(&wasm::validate(bytes.into()), "errors"), vec![("".into(), "request.not_json".into())]);
    let revocable = js_sys::Proxy::revocable(&Object::new(), &Object::new());
    let proxy = Reflect::get(&revocable, &"proxy".into()).unwrap();
    Reflect::get(&revocable, &"revoke".into()).unwrap().unchecked_into::<Function>().call0(&JsValue::NULL).unwrap();
    let rec = Object::new();
    Reflect::set(&rec, &"account".into(), &proxy).unwrap();
    assert_eq!(codes(&wasm::validate(rec.into()), "errors"), vec![("".into(), "request.not_json".into())]);
    // Huge strings and odd Unicode: rule errors, never a panic.
    let rec = Object::new();
    let account = Object::new();
    Reflect::set(&account, &"companyName".into(), &"x".repeat(1_000_000).into()).unwrap();
    Reflect::set(&account, &"email".into(), &JsValue::from_str("\u{FEFF}a\u{0301}@\u{FF45}xample.com\u{0000}"))
        .unwrap();
    Reflect::set(&rec, &"account".into(), &account).unwrap();
    let r = wasm::validate(rec.into());
    let errors = codes(&r, "errors");
    assert!(errors.contains(&("account.companyName".into(), "company_name.too_long".into())), "{errors:?}");
    assert_no_undefined(&r, "result");
    // A lone surrogate (JS strings need not be valid UTF-16).
    let lone = js_sys::JsString::from_char_code1(0xD800);
    let r = wasm::validate_field("account.city".into(), lone.into(), JsValue::UNDEFINED);
    assert!(get(&r, "valid").as_bool().is_some());
}

/// The field result of `request.md` ("Field result"): the field, its normalized value, `covered`, and the issues of
/// the covered paths; never the whole record.
pub fn validate_field_gives_the_field_result() {
    let path = "account.billingAddress.postalCode";
    let record = js(r#"{"account":{"billingAddress":{"country":"GR"}}}"#);
    let ok = wasm::validate_field(path.into(), " 10682 ".into(), record.clone());
    assert_eq!(get(&ok, "valid"), JsValue::TRUE);
    assert_eq!(codes(&ok, "errors"), vec![]);
    assert_eq!(get(&ok, "field").as_string().as_deref(), Some(path));
    assert_eq!(get(&ok, "value").as_string().as_deref(), Some("106 82"));
    let covered: Vec<String> = Array::from(&get(&ok, "covered")).iter().filter_map(|p| p.as_string()).collect();
    assert_eq!(covered, [path, "account.billingAddress.state"]);
    let mut keys: Vec<String> =
        Object::keys(ok.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()).collect();
    keys.sort();
    assert_eq!(keys, ["covered", "errors", "field", "valid", "value", "warnings"], "no whole record");
    assert_no_undefined(&ok, "result");
    let bad = wasm::validate_field(path.into(), "1068".into(), record.clone());
    assert_eq!(codes(&bad, "errors"), vec![(path.into(), "postal_code.format".into())]);
    assert_eq!(get(&bad, "value").as_string().as_deref(), Some("1068"), "a refused value as given");
    // The state covers the postcode (request.md's example); the sub-customer flag takes a boolean.
    let us = js(r#"{"account":{"billingAddress":{"country":"US","postalCode":"10001"}}}"#);
    let r = wasm::validate_field("account.billingAddress.state".into(), "WA".into(), us.clone());
    assert_eq!(codes(&r, "errors"), vec![(path.into(), "postal_code.state_mismatch".into())]);
    let r = wasm::validate_field("account.isSubCustomerOfReseller".into(), JsValue::TRUE, us);
    assert_eq!(get(&r, "value"), JsValue::TRUE);
    assert!(Array::from(&get(&r, "covered")).length() > 8);
    // Record omitted, null, or not an object; path unknown or not a string; value of a wrong type or no data.
    let alone = wasm::validate_field("account.email".into(), "nope".into(), JsValue::UNDEFINED);
    assert_eq!(codes(&alone, "errors"), vec![("account.email".into(), "email.missing_at".into())]);
    let null = wasm::validate_field("account.email".into(), "it@contoso.com".into(), JsValue::NULL);
    assert_eq!(get(&null, "valid"), JsValue::TRUE);
    let r = wasm::validate_field("account.email".into(), "x".into(), 5.into());
    assert_eq!(codes(&r, "errors"), vec![("".into(), "request.not_an_object".into())]);
    let r = wasm::validate_field("account.nope".into(), "x".into(), JsValue::NULL);
    assert_eq!(codes(&r, "errors"), vec![("account.nope".into(), "request.unknown_field".into())]);
    assert_eq!(Array::from(&get(&r, "covered")).length(), 0);
    let r = wasm::validate_field(5.into(), "x".into(), JsValue::NULL);
    assert_eq!(codes(&r, "errors"), vec![("".into(), "request.not_json".into())]);
    assert_no_undefined(&r, "result");
    let r = wasm::validate_field("account.email".into(), 5.into(), record.clone());
    assert_eq!(codes(&r, "errors"), vec![("account.email".into(), "request.wrong_type".into())]);
    let r = wasm::validate_field("account.email".into(), Function::new_no_args("").into(), record);
    assert_eq!(codes(&r, "errors"), vec![("".into(), "request.not_json".into())]);
}

/// Field results through the package equal the native ones (serialized by serde) for every field of a few records.
pub fn field_results_equal_the_native_ones() {
    let v = tenantcheck_core::Validator::new();
    let records = [
        GOOD,
        r#"{"account":{"isSubCustomerOfReseller":true,"phone":"+44 20 7946 0000","billingAddress":{"country":"GR"}},
            "resellerBillingAddress":{"country":"GB","addressLine1":"1 Main St","city":"London","postalCode":"EC1Y 8SY"}}"#,
        r#"{"account":{"email":"a@","billingAddress":{"country":"US","state":"Calif","postalCode":"98052"}}}"#,
    ];
    for json in records {
        for (path, _) in tenantcheck_core::schema::text_fields() {
            for value in ["", "x", "Contoso 1", "98052"] {
                let record = tenantcheck_core::record::from_json(json).unwrap().value().cloned().unwrap();
                let native = v.validate_field(path, tenantcheck_core::record::Slot::Value(value.to_owned()), record);
                let want = serde_json::to_value(&native).unwrap();
                let got = wasm::validate_field(path.into(), value.into(), js(json));
                let got: serde_json::Value =
                    serde_json::from_str(&JSON::stringify(&got).unwrap().as_string().unwrap()).unwrap();
                // The package always writes `params` (the core skips empty ones).
                let strip = |mut v: serde_json::Value| {
                    for list in ["errors", "warnings"] {
                        for i in v[list].as_array_mut().into_iter().flatten() {
                            if i["params"] == serde_json::json!({}) {
                                i.as_object_mut().unwrap().remove("params");
                            }
                        }
                    }
                    v
                };
                assert_eq!(strip(got), strip(want), "{path} = {value:?} in {json}");
            }
        }
    }
}

pub fn set_country_rules_installs_and_rejects() {
    wasm::reset_country_rules();
    let path = "account.billingAddress.postalCode";
    let gr = || js(r#"{"account":{"billingAddress":{"country":"GR"}}}"#);
    assert_eq!(get(&wasm::validate_field(path.into(), "123".into(), gr()), "valid"), JsValue::FALSE);
    // An object, then JSON text, in Partner Center's shape.
    let n = wasm::set_country_rules(js(r#"{"iso2Code":"GR","isPostalCodeRequired":true,"postalCodeRegex":"\\d{3}"}"#));
    assert_eq!(n.ok(), Some(1));
    assert_eq!(get(&wasm::validate_field(path.into(), "123".into(), gr()), "valid"), JsValue::TRUE);
    let n = wasm::set_country_rules(r#"[{"iso2Code":"US","states":{"value":["CA","NY"]}}]"#.into());
    assert_eq!(n.ok(), Some(1));
    let us =
        Array::from(&wasm::countries()).iter().find(|c| Array::from(c).get(0).as_string().as_deref() == Some("US"));
    assert_eq!(Array::from(&Array::from(&us.unwrap()).get(2)).length(), 4, "countries() shows the rules in force");
    // Bad sets throw an Error with code, message and params, and change nothing.
    for (bad, code) in [
        (js(r#"{"iso2Code":"QQ"}"#), "country_rules.unknown_country"),
        (js(r#"{"iso2Code":"GR","postalCodeRegex":"(\\d"}"#), "country_rules.bad_postal_code_regex"),
        (js(r#"{"isStateRequired":true}"#), "country_rules.malformed"),
        ("{not json".into(), "country_rules.malformed"),
        (JsValue::from(5), "country_rules.malformed"),
        (JsValue::NULL, "country_rules.malformed"),
    ] {
        let e = wasm::set_country_rules(bad).expect_err(code);
        assert!(e.is_instance_of::<js_sys::Error>());
        assert_eq!(get(&e, "code").as_string().as_deref(), Some(code));
        assert!(get(&e, "message").as_string().is_some_and(|m| !m.is_empty()));
        assert!(get(&e, "params").is_object());
    }
    assert_eq!(get(&wasm::validate_field(path.into(), "123".into(), gr()), "valid"), JsValue::TRUE, "kept");
    wasm::reset_country_rules();
    assert_eq!(get(&wasm::validate_field(path.into(), "123".into(), gr()), "valid"), JsValue::FALSE);
}

/// The module's picker rows (`wasm::countries`, which the package's `countries(locale?)` shapes in
/// `scripts/pkg/index.js`) hold the core's picker entries, value for value, in the row's order; the shaped objects
/// are compared with the core's whole picker in `tests/node/package.test.mjs`.
pub fn countries_lists_every_country_for_a_picker() {
    use serde_json::{json, Value};
    wasm::reset_country_rules();
    let list = Array::from(&wasm::countries());
    assert_eq!(list.length(), 250);
    // The optional texts (the postcode's label, the registration term) are `undefined` where there is none (the
    // package's `countries()` makes them `null`, which tests/node/package.test.mjs checks); every other value is defined.
    for (n, row) in list.iter().enumerate() {
        for (i, value) in Array::from(&row).iter().enumerate() {
            if i == 4 || i == 10 {
                assert!(value.is_undefined() || value.is_string(), "countries[{n}][{i}]");
            } else {
                assert_no_undefined(&value, &format!("countries[{n}][{i}]"));
            }
        }
    }
    let got: Value = serde_json::from_str(&JSON::stringify(&list).unwrap().as_string().unwrap()).unwrap();
    let want: Vec<Value> = tenantcheck_core::countries::picker()
        .iter()
        .map(|entry| {
            let e = serde_json::to_value(entry).unwrap();
            let states: Vec<Value> =
                e["states"].as_array().unwrap().iter().flat_map(|s| [s["code"].clone(), s["name"].clone()]).collect();
            let p = &e["postalCode"];
            json!([
                e["code"],
                e["name"],
                states,
                e["callingCodes"],
                p["label"],
                if p.is_null() { json!([]) } else { p["examples"].clone() },
                p["required"].as_bool().unwrap_or(false),
                e["state"]["label"],
                e["state"]["required"],
                e["registrationNumber"]["required"],
                e["registrationNumber"]["term"],
            ])
        })
        .collect();
    assert_eq!(got, Value::Array(want));
    let row = |code: &str| list.iter().map(|c| Array::from(&c)).find(|c| c.get(0).as_string().as_deref() == Some(code));
    let gr = row("GR").unwrap();
    assert_eq!(gr.get(1).as_string().as_deref(), Some("Greece"));
    assert_eq!(Array::from(&gr.get(5)).get(0).as_string().as_deref(), Some("151 24"));
    let ca = row("CA").unwrap();
    assert_eq!(Array::from(&ca.get(2)).get(3).as_string().as_deref(), Some("British Columbia"));
}

/// Letters and digits beyond ASCII are told by the JS engine's Unicode classes (`js_host`): names in any script pass,
/// digits of another script are no letters.
pub fn letters_of_every_script_are_letters() {
    let field =
        |path: &str, value: &str| codes(&wasm::validate_field(path.into(), value.into(), JsValue::NULL), "errors");
    assert_eq!(field("account.contact.firstName", "Ζωή"), vec![]);
    assert_eq!(field("account.contact.lastName", "Пушкин"), vec![]);
    assert_eq!(field("account.companyName", "株式会社ソニー"), vec![]);
    assert_eq!(
        field("account.contact.firstName", "١٢٣"),
        vec![("account.contact.firstName".into(), "contact_name.no_letters".into())]
    );
    // Arabic-Indic digits are digits: a company name of them is not "only symbols".
    assert!(!field("account.companyName", "٣٣٣ ٤٤").iter().any(|(_, c)| c == "company_name.only_symbols"));
    assert_eq!(
        field("account.companyName", "★★ ☆☆"),
        vec![("account.companyName".into(), "company_name.only_symbols".into())]
    );
}

/// Internationalized domains through the package's build (the JavaScript engine's `URL` and the core's own checks)
/// give the answers of `fixtures/idn-parity.tsv`, which the native build (the `idna` crate) gives too
/// (`core/tests/idn_parity.rs`).
pub fn idn_domains_answer_the_parity_table() {
    let mut failures = Vec::new();
    for [field, input, verdict, normalized, codes] in crate::idn_table::cases() {
        let path = crate::idn_table::path(field);
        let r = wasm::validate_field(path.into(), input.into(), JsValue::NULL);
        let text = JSON::stringify(&r).unwrap().as_string().unwrap();
        let got = crate::idn_table::answer(&serde_json::from_str(&text).unwrap(), path);
        let want = (verdict.to_owned(), normalized.to_owned(), codes.to_owned());
        if got != want {
            failures.push(format!("{field} {input:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Run-time country-rule patterns through JavaScript's `RegExp` give the verdicts of `fixtures/pattern-parity.tsv`,
/// which the native build (the `regex` crate) gives too (`core/tests/pattern_parity.rs`).
pub fn patterns_answer_the_parity_table() {
    tenantcheck_core::js_host::install();
    let failures = crate::pattern_table::failures();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Section 0 through the JS engine (`js_host`: `normalize("NFC")` and `normalize("NFKC")`): free text keeps `½`, `º` and
/// full-width letters and is composed; code-like text is NFKC'd; a bare full-width legal form is still one; controls
/// are `text.bad_character`. The same answers as the native build (`rules.md` section 0).
pub fn free_text_is_nfc_and_code_like_text_nfkc() {
    let check = |path: &str, value: &str| wasm::validate_field(path.into(), value.into(), JsValue::NULL);
    let value = |r: &JsValue| get(r, "value").as_string();
    let r = check("account.billingAddress.addressLine1", "12½ Grafton\u{a0}Street\u{200b}");
    assert_eq!(codes(&r, "errors"), vec![]);
    assert_eq!(value(&r).as_deref(), Some("12½ Grafton Street"));
    let r = check("account.billingAddress.addressLine1", "Rua X, 1º andar, Cafe\u{301}");
    assert_eq!(value(&r).as_deref(), Some("Rua X, 1º andar, Caf\u{e9}"));
    assert_eq!(
        codes(&check("account.companyName", "ＬＬＣ"), "errors"),
        vec![("account.companyName".into(), "company_name.legal_form_only".into())]
    );
    assert_eq!(codes(&check("account.companyName", "株式会社ＮＴＴドコモ"), "errors"), vec![]);
    assert_eq!(
        codes(&check("account.companyName", "Contoso\u{202e}Ltd"), "errors"),
        vec![("account.companyName".into(), "text.bad_character".into())]
    );
}

/// The dotted key paths of a JSON value, at every level (`[]` for list items).
fn json_keys(v: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| {
            out.push(format!("{at}.{k}"));
            json_keys(v, &format!("{at}.{k}"), out);
        }),
        serde_json::Value::Array(a) => a.iter().for_each(|v| json_keys(v, &format!("{at}[]"), out)),
        _ => {}
    }
}

/// The package writes results by hand (no serde): its keys are the core's serde names at every level, which the
/// native tests prove are the TypeScript mirror's. `params` is always present in JS (the core skips it when empty).
pub fn results_have_the_cores_names_at_every_level() {
    const FULL: &str = include_str!("../fixtures/full-record.json");
    let core = tenantcheck_core::Validator::new().validate_json(FULL);
    assert!(core.errors.iter().all(|i| !i.params.is_empty()), "every issue of this record has params");
    let mut want = Vec::new();
    json_keys(&serde_json::to_value(&core).unwrap(), "", &mut want);
    let text = JSON::stringify(&wasm::validate(js(FULL))).unwrap().as_string().unwrap();
    let mut got = Vec::new();
    json_keys(&serde_json::from_str(&text).unwrap(), "", &mut got);
    want.sort();
    got.sort();
    assert_eq!(got, want);
    // The picker's rows are compared with the core's entries in `countries_lists_every_country_for_a_picker`.
}

/// The wasm-bindgen tests of every case above, for one test file (Node.js or the browser) to expand.
macro_rules! cases {
    ($($case:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            fn $case() {
                wasm_common::$case();
            }
        )*
    };
}
pub(crate) use cases;

/// Every case, as [`cases`] takes them.
/// The country names the engine lends (`Intl.DisplayNames`, with `countries::names::FIXES`) are the built-in CLDR
/// names of the native build, for every country: read from the generated table's `NAMES`, in the table's order.
pub fn country_names_are_the_built_in_cldr_names() {
    tenantcheck_core::js_host::install();
    let data = include_str!("../../src/countries/data.rs");
    let start = data.find("static NAMES: &str = concat!(\n").expect("NAMES in data.rs");
    let block = &data[start..];
    let block = &block[block.find('\n').unwrap() + 1..block.find("\n);").unwrap()];
    let expected: Vec<String> = block
        .lines()
        .map(|l| {
            let lit = l.trim().trim_end_matches(',');
            let name: String = JSON::parse(lit).expect("a string literal").as_string().unwrap();
            name.trim_end_matches('|').to_owned()
        })
        .collect();
    let countries = &tenantcheck_core::countries::COUNTRIES;
    assert_eq!(expected.len(), countries.len());
    let differ: Vec<String> = countries
        .iter()
        .zip(&expected)
        .filter(|(c, name)| c.name() != name.as_str())
        .map(|(c, name)| format!("{}: {:?}, built in {name:?}", c.code(), c.name()))
        .collect();
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

macro_rules! all_cases {
    () => {
        wasm_common::cases!(
            validate_accepts_the_example_record,
            validate_reports_errors_with_fields_codes_and_params,
            validate_turns_bad_input_into_request_errors,
            validate_field_gives_the_field_result,
            field_results_equal_the_native_ones,
            set_country_rules_installs_and_rejects,
            countries_lists_every_country_for_a_picker,
            results_have_the_cores_names_at_every_level,
            letters_of_every_script_are_letters,
            idn_domains_answer_the_parity_table,
            patterns_answer_the_parity_table,
            free_text_is_nfc_and_code_like_text_nfkc,
            country_names_are_the_built_in_cldr_names,
        );
    };
}
pub(crate) use all_cases;
