//! The package's TypeScript declarations that are not made from a declaration of the core's own: the mirror of the
//! core's serialized result, issue and picker types, field for field, so that tsify writes their declarations from
//! Rust, and the declarations of what the host sends. Tests below prove the mirror's field names equal the core's
//! serde names. The record's interfaces come from the schema ([`crate::schema::typescript`]), the codes' and paths'
//! from [`super::types`]. No code in the module: wasm-bindgen moves the declarations out of the `.wasm`.

use super::tsify;
use crate::record;
use crate::{FieldValue, Params};
use alloc::{string::String, vec::Vec};
use serde::Serialize;
use tsify_macros::Tsify;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_INPUT: &'static str = r#"
/** What the host sends where the result has `T`: every field may be absent or `null` (request.md). */
export type Input<T> = T extends string | boolean | number
    ? T | null
    : T extends (infer U)[]
      ? Input<U>[] | null
      : T extends object
        ? { [K in keyof T]?: Input<T[K]> } | null
        : T;
/** A record as the host sends it (request.md): the shape of `ValidationResult.normalized`, every field optional,
 * and the caller's `id`, which comes back as the result's `id`. */
export type RecordInput = { [K in keyof TenantRecord]?: Input<TenantRecord[K]> } & { id?: string | number | null };
/**
 * The options of `createValidator`: the partner's configuration as a record carries it (request.md; rules.md section
 * 4), and country rules as `setCountryRules` takes them. Other options are ignored.
 */
export interface ValidatorOptions {
    cspModel?: TenantRecord["cspModel"];
    partnerDomain?: string | null;
    /** Country codes the partner sells in; `null`: Partner Center's CSP markets. */
    markets?: string[] | null;
    /** `null`: `onmicrosoft.com`. */
    domainSuffix?: string | null;
    resellerBillingAddress?: Input<Address>;
    countryRules?: CountryRulesInput | CountryRulesInput[] | string | null;
}
"#;

/// The result of `validate` (`request.md`, "Result").
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct ValidationResult {
    /// The record's `id`, when it had one (`request.md`).
    #[tsify(optional, type = "string | number")]
    #[serde(skip_serializing_if = "record::Id::is_none")]
    pub id: record::Id,
    /// True exactly when `errors` is empty.
    pub valid: bool,
    /// Which form the domain field holds; `null` when it is invalid.
    #[tsify(type = "\"prefix\" | \"alias\" | null")]
    pub domain_form: Option<&'static str>,
    /// The domain field is an alias, which can only link an existing tenant.
    pub links_existing_tenant: bool,
    pub errors: Vec<Issue>,
    /// Warnings never block.
    pub warnings: Vec<Issue>,
    /// The record with every normalized value; `null` when the input was not a record.
    #[tsify(type = "TenantRecord | null")]
    pub normalized: Option<record::Record>,
}

/// The result of `validateField` (`request.md`, "Field result"): the field's normalized value, and the issues of the
/// field and of the fields whose verdict depends on it, not the whole record.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct FieldResult {
    /// The field's dotted path, as given.
    pub field: String,
    /// The field's normalized value (as given where it is refused); `null` for no value.
    #[tsify(type = "string | boolean | null")]
    pub value: FieldValue,
    /// True exactly when `errors` is empty.
    pub valid: bool,
    /// Every path whose issues this result states in full (the field first): clear the stale messages of these paths
    /// and no others. Empty when the call could not be checked (`errors` says why).
    pub covered: Vec<&'static str>,
    /// The errors of the covered paths.
    pub errors: Vec<Issue>,
    /// The warnings of the covered paths.
    pub warnings: Vec<Issue>,
}

/// The TypeScript types of the codes, their params and the field paths (`IssueCode`, `Issue`, `FieldPath`:
/// [`types`]), made from the codes' and the schema's declarations.
#[wasm_bindgen(typescript_custom_section)]
const TS_ISSUES: &'static str = {
    const LEN: usize = super::types::typescript(&mut []);
    const BYTES: [u8; LEN] = {
        let mut out = [0; LEN];
        super::types::typescript(&mut out);
        out
    };
    match core::str::from_utf8(&BYTES) {
        Ok(ts) => ts,
        Err(_) => panic!("the codes' TypeScript is not UTF-8"),
    }
};

/// One error or warning. `params` is always an object (empty when the issue has none). Its TypeScript type is
/// [`TS_ISSUES`]'s `Issue`, typed by code.
#[derive(Debug, Serialize)]
pub struct Issue {
    /// Dotted path of the field (`account.billingAddress.postalCode`); `""` for the record itself.
    pub field: String,
    /// `<rule>.<reason>`: stable API, never renamed, never reused.
    pub code: &'static str,
    /// English default message.
    pub message: String,
    /// Structured values for translating the message.
    pub params: Params,
}

/// What [`error`] sets on the JS `Error` it makes, which the package's entry (`scripts/pkg/index.js`) throws as a
/// `TenantcheckError` (declared in `index.d.ts`).
#[derive(Debug, Serialize)]
pub struct TenantcheckError {
    pub code: &'static str,
    pub message: String,
    pub params: Params,
}

/// The TypeScript interfaces of the normalized record (`TenantRecord` and its objects), from the schema
/// ([`schema::typescript`], made at compile time).
#[wasm_bindgen(typescript_custom_section)]
const TS_RECORD: &'static str = {
    const LEN: usize = crate::schema::typescript(&mut [], "TenantRecord", &crate::rules::mpn::CspModel::NAMES);
    const BYTES: [u8; LEN] = {
        let mut out = [0; LEN];
        crate::schema::typescript(&mut out, "TenantRecord", &crate::rules::mpn::CspModel::NAMES);
        out
    };
    match core::str::from_utf8(&BYTES) {
        Ok(ts) => ts,
        Err(_) => panic!("the schema's TypeScript is not UTF-8"),
    }
};

/// One country of `countries(locale?)`.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(missing_as_null)]
pub struct CountryOption {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: &'static str,
    /// The country's name in the locale asked for (CLDR, by `Intl.DisplayNames`); English without one.
    pub name: String,
    /// The closed list of states (US, CA, AU by default), for a `<select>`; empty where the state is free text.
    pub states: Vec<CountryState>,
    /// International calling codes without `+` (`["1"]`, `["44"]`).
    pub calling_codes: Vec<String>,
    /// The postcode field; `null` where the country has no postcodes.
    pub postal_code: Option<PostalCodeOption>,
    pub state: StateFieldOption,
    pub registration_number: RegistrationNumberOption,
    pub phone: PhoneOption,
}

/// One state of a closed list.
#[derive(Debug, Serialize, Tsify)]
pub struct CountryState {
    /// The value Partner Center accepts, which the form submits (`CA`, `QC`, `New South Wales`).
    pub code: String,
    /// Its name as the country writes it (`California`, `Quebec`, `New South Wales`).
    pub name: String,
}

/// The postcode field of a country.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct PostalCodeOption {
    /// The word for it, as in a sentence (`ZIP code`, `postal code`, `postcode`): capitalize it for a label.
    pub label: String,
    /// A valid postcode for a placeholder.
    pub example: Option<&'static str>,
    pub examples: Vec<&'static str>,
    pub required: bool,
}

/// The state field of a country.
#[derive(Debug, Serialize, Tsify)]
pub struct StateFieldOption {
    /// The word for it, as in a sentence (`state`, `province or territory`, `state or province`).
    pub label: String,
    pub required: bool,
}

/// The organization registration number in a country.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct RegistrationNumberOption {
    /// Partner Center requires it here.
    pub required: bool,
    /// Its local term (`INN`, `CNPJ`, `NIP`), where the country has one.
    pub term: Option<&'static str>,
}

/// The phone number in a country.
#[derive(Debug, Serialize, Tsify)]
pub struct PhoneOption {
    pub required: bool,
}

/// Run-time rules of one country in Partner Center's shape (`GET /v1/countryvalidationrules/{cc}`); other members
/// of Partner Center's answer are ignored. Lists may also be given as `{ "value": [...] }`.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CountryRulesInput {
    pub iso2_code: String,
    #[tsify(optional)]
    pub is_state_required: Option<bool>,
    #[tsify(optional, type = "string[] | { value: string[] } | null")]
    pub states: Option<Vec<String>>,
    #[tsify(optional)]
    pub is_postal_code_required: Option<bool>,
    #[tsify(optional, type = "string | null")]
    pub postal_code_regex: Option<String>,
    #[tsify(optional)]
    pub is_city_required: Option<bool>,
    #[tsify(optional, type = "string | null")]
    pub phone_number_regex: Option<String>,
    #[tsify(optional, type = "string[] | { value: string[] } | null")]
    pub country_calling_codes: Option<Vec<String>>,
}

// ---- Core -> mirror, for the tests that prove the mirror's names are the core's (the package writes the core's
// values directly: `super::write`). ----

#[cfg(test)]
mod from_core {
    use super::*;
    use crate::countries::picker::PickerEntry;
    use crate::issue::{self, Reason};
    use crate::rules::domain::DomainForm;
    use crate::{FieldReport, Report};

    impl From<Report> for ValidationResult {
        fn from(r: Report) -> Self {
            ValidationResult {
                id: r.id,
                valid: r.valid,
                domain_form: r.domain_form.map(DomainForm::as_str),
                links_existing_tenant: r.links_existing_tenant,
                errors: r.errors.into_iter().map(Issue::from).collect(),
                warnings: r.warnings.into_iter().map(Issue::from).collect(),
                normalized: r.normalized,
            }
        }
    }

    impl From<FieldReport> for FieldResult {
        fn from(r: FieldReport) -> Self {
            FieldResult {
                field: r.field.into_owned(),
                value: r.value,
                valid: r.valid,
                covered: r.covered,
                errors: r.errors.into_iter().map(Issue::from).collect(),
                warnings: r.warnings.into_iter().map(Issue::from).collect(),
            }
        }
    }

    impl From<issue::Issue> for Issue {
        fn from(i: issue::Issue) -> Self {
            Issue { field: i.field.into_owned(), code: i.code, message: i.message, params: i.params }
        }
    }

    impl From<&dyn Reason> for TenantcheckError {
        fn from(r: &dyn Reason) -> Self {
            let issue::Issue { code, message, params, .. } = issue::Issue::new("", r);
            TenantcheckError { code, message, params }
        }
    }

    impl From<PickerEntry<'_>> for CountryOption {
        fn from(p: PickerEntry<'_>) -> Self {
            CountryOption {
                code: p.code,
                name: p.name.into_owned(),
                states: p
                    .states
                    .to_vec()
                    .iter()
                    .map(|s| CountryState { code: s.code.into(), name: s.name.into() })
                    .collect(),
                calling_codes: p.calling_codes.to_vec().iter().map(|c| String::from(*c)).collect(),
                postal_code: p.postal_code.map(|f| PostalCodeOption {
                    label: f.label.into(),
                    example: f.example,
                    examples: f.examples.to_vec(),
                    required: f.required,
                }),
                state: StateFieldOption { label: p.state.label.into(), required: p.state.required },
                registration_number: RegistrationNumberOption {
                    required: p.registration_number.required,
                    term: p.registration_number.term,
                },
                phone: PhoneOption { required: p.phone.required },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The mirror's field names equal the core's: both are serialized to `serde_json` and their keys compared, at
    //! every level (a full record, so that every nested object is present).
    use super::*;
    use crate::countries::{self, overrides};
    use crate::issue::{self, Reason};
    use crate::record::Slot;
    use crate::rules::mpn::CspModel;
    use crate::schema;
    use crate::Validator;
    use serde_json::Value;

    fn keys(v: &Value, at: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    let path = format!("{at}.{k}");
                    out.push(path.clone());
                    keys(v, &path, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|v| keys(v, &format!("{at}[]"), out)),
            _ => {}
        }
    }

    fn same_keys<A: Serialize, B: Serialize>(core: &A, mirror: &B) {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        keys(&serde_json::to_value(core).unwrap(), "", &mut a);
        keys(&serde_json::to_value(mirror).unwrap(), "", &mut b);
        a.sort();
        b.sort();
        assert_eq!(a, b);
        assert!(!a.is_empty());
    }

    /// A record with every object present and issues with params on it (also read by `core/tests/wasm_common`).
    const FULL: &str = include_str!("../../tests/fixtures/full-record.json");

    #[test]
    fn the_result_mirror_has_the_cores_field_names() {
        let report = Validator::new().validate_json(FULL);
        assert!(!report.errors.is_empty(), "the record must carry an issue with params");
        assert!(report.errors.iter().any(|i| !i.params.is_empty()));
        // Issue skips empty params; the mirror always has them, so compare on an issue that has params.
        let issue: issue::Issue = report.errors.iter().find(|i| !i.params.is_empty()).unwrap().clone();
        same_keys(&issue, &Issue::from(issue.clone()));
        let mut core = serde_json::to_value(&report).unwrap();
        let mut mirror = serde_json::to_value(ValidationResult::from(report)).unwrap();
        for v in [&mut core, &mut mirror] {
            for list in ["errors", "warnings"] {
                v[list] = Value::Array(Vec::new());
            }
        }
        same_keys(&core, &mirror);
        // With an `id`, both have it.
        let with_id = Validator::new().validate_json(&FULL.replacen('{', "{\"id\":\"A-1\",", 1));
        assert_eq!(serde_json::to_value(&with_id).unwrap()["id"], "A-1");
        assert_eq!(serde_json::to_value(ValidationResult::from(with_id)).unwrap()["id"], "A-1");
    }

    #[test]
    fn the_field_result_mirror_has_the_cores_field_names() {
        let record = crate::record::from_json(FULL).unwrap().value().cloned().unwrap();
        let r = Validator::new().validate_field("account.billingAddress.state", Slot::Value("WA".to_owned()), record);
        assert!(!r.covered.is_empty());
        let mut core = serde_json::to_value(&r).unwrap();
        let mut mirror = serde_json::to_value(FieldResult::from(r)).unwrap();
        for v in [&mut core, &mut mirror] {
            for list in ["errors", "warnings"] {
                v[list] = Value::Array(Vec::new());
            }
        }
        same_keys(&core, &mirror);
        assert_eq!(core, mirror);
    }

    #[test]
    fn the_record_has_the_schemas_keys() {
        let report = Validator::new().validate_json(FULL);
        let v = serde_json::to_value(report.normalized.unwrap()).unwrap();
        let top: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut want = record::Record::KEYS.to_vec();
        want.sort_unstable();
        let mut top = top;
        top.sort_unstable();
        assert_eq!(top, want);
        let addr = v["account"]["billingAddress"].as_object().unwrap();
        assert_eq!(addr.len(), record::Address::KEYS.len());
        assert!(record::Address::KEYS.iter().all(|k| addr.contains_key(*k)));
    }

    /// The record's TypeScript declarations, as [`TS_RECORD`] has them.
    fn record_ts() -> String {
        let mut out = vec![0; schema::typescript(&mut [], "TenantRecord", &CspModel::NAMES)];
        schema::typescript(&mut out, "TenantRecord", &CspModel::NAMES);
        String::from_utf8(out).unwrap()
    }

    /// The members of the TypeScript interface `name` in [`TS_RECORD`]: `(name, type)` in order. Each interface is
    /// declared once.
    fn interface(name: &str) -> Vec<(String, String)> {
        let ts = record_ts();
        let head = format!("export interface {name} {{");
        assert_eq!(ts.matches(&head).count(), 1, "{name} in {ts}");
        let body = ts.split_once(&head).and_then(|(_, b)| b.split_once('}')).map_or("", |(b, _)| b);
        let members = body.split(';').filter_map(|m| m.split_once(':'));
        members.map(|(name, ty)| (name.trim().to_owned(), ty.trim().to_owned())).collect()
    }

    /// The TypeScript interface of each object of the record agrees with the schema: the same members in the same
    /// order, each of the type its kind says.
    fn agrees(name: &str, members: &[crate::schema::Member]) {
        use crate::schema::Kind;
        let ts = interface(name);
        let keys: Vec<&str> = ts.iter().map(|(k, _)| String::as_str(k)).collect();
        let want: Vec<&str> = members.iter().map(|m| m.key).collect();
        assert_eq!(keys, want, "{name}");
        for (m, (_, ty)) in members.iter().zip(&ts) {
            // The names of the enum, in any order, or `null`.
            let enum_names = |ty: &str| {
                let mut names: Vec<String> = ty.split(" | ").map(str::to_owned).collect();
                names.sort();
                let mut want: Vec<String> = CspModel::NAMES.iter().map(|n| format!("\"{n}\"")).collect();
                want.push("null".into());
                want.sort();
                names == want
            };
            match m.kind {
                Kind::Code | Kind::Text | Kind::State => assert_eq!(*ty, "string | null", "{}", m.path),
                Kind::Enum => assert!(enum_names(ty), "{}: {ty}", m.path),
                Kind::Bool => assert_eq!(*ty, "boolean | null", "{}", m.path),
                Kind::List => assert_eq!(*ty, "(string | null)[] | null", "{}", m.path),
                Kind::Address | Kind::Object => {
                    let child = ty.strip_suffix(" | null").unwrap_or_else(|| panic!("{}: {ty}", m.path));
                    agrees(child, m.members);
                }
            }
        }
    }

    #[test]
    fn the_typescript_types_are_the_schema() {
        agrees("TenantRecord", crate::schema::RECORD);
        assert_eq!(record_ts().matches("export interface ").count(), 5, "{}", record_ts());
        // The interfaces the other declarations name.
        for name in ["TenantRecord", "SyncOptions", "Account", "Contact", "Address"] {
            interface(name);
        }
    }

    #[test]
    fn the_picker_mirror_has_the_cores_field_names() {
        let entry = countries::picker().into_iter().find(|c| c.code == "US").unwrap();
        same_keys(&entry, &CountryOption::from(entry.clone()));
    }

    #[test]
    fn the_error_mirror_has_the_issue_fields() {
        let e = overrides::parse_json(r#"{"iso2Code":"QQ"}"#).unwrap_err();
        let issue = issue::Issue::new("", &e);
        let mirror = TenantcheckError::from(&e as &dyn Reason);
        let mut a = serde_json::to_value(&issue).unwrap();
        a.as_object_mut().unwrap().remove("field");
        same_keys(&a, &mirror);
        assert_eq!(mirror.code, "country_rules.unknown_country");
    }
}
