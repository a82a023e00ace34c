//! Run-time country rules in Partner Center's shape (`rules.md` section 3) [PC-rules]: the answer of
//! `GET /v1/countryvalidationrules/{cc}`, e.g.
//!
//! ```json
//! { "iso2Code": "US", "isStateRequired": true, "states": { "value": ["AK", "AL", "…"] },
//!   "isPostalCodeRequired": true, "postalCodeRegex": "^\\d{5}(-\\d{4})?$", "isCityRequired": true,
//!   "phoneNumberRegex": "^(1[\\-\\/\\.]?)?(\\((\\d{3})\\)|(\\d{3}))[\\-\\/\\.]?(\\d{3})[\\-\\/\\.]?(\\d{4})$",
//!   "countryCallingCodes": { "value": ["1"] } }
//! ```
//!
//! A rule set is one such object or a list of them. Lists are accepted as Partner Center's `{"value": [...]}` or as a
//! plain array; the SDK's names (`supportedStatesList`, `countryCallingCodesList`) are accepted too; Partner Center's
//! other members (cultures, tax-id formats, …) are ignored. A rule set replaces the default for the countries it
//! names, all at once: if any part is malformed the whole set is rejected with a [`RuleSetError`] and nothing
//! changes. Partner Center's patterns are .NET regular expressions: those that use a construct the native build (the
//! `regex` crate) and the WebAssembly build (JavaScript's `RegExp`) would read differently are refused in both with
//! `country_rules.unsupported_pattern`, which names the construct ([`crate::pattern::portable`]).

use super::{lookup, CallingCodes, Country, Rules, States};
use crate::issue::{Params, Reason, Wording};
use crate::pattern::{Pattern, PatternError};
use crate::source::{NotData, Shape, Source};
use alloc::{borrow::ToOwned, string::String, string::ToString, vec::Vec};

/// The longest pattern accepted in a rule set, in bytes (**decision**: patterns are configuration, but a huge one
/// would make every check slow).
pub const MAX_PATTERN: usize = 1000;
/// What is wrong with a pattern over [`MAX_PATTERN`] bytes (tested to say the same number).
const TOO_LONG_PATTERN: &str = "longer than 1000 bytes";
/// The longest state name accepted (`rules.md` section 2: free-text states have at most 100 characters).
pub const MAX_STATE: usize = 100;

/// One country's rules as Partner Center returns them, read by [`read_pc`]. An absent or `null` list or pattern is
/// read as an empty one: both mean "none given".
#[derive(Debug, Clone, Default)]
struct PcRules {
    iso2_code: String,
    is_state_required: bool,
    states: Vec<String>,
    is_postal_code_required: bool,
    postal_code_regex: String,
    is_city_required: bool,
    phone_number_regex: String,
    country_calling_codes: Vec<String>,
}

/// One country's run-time rules, checked and compiled.
#[derive(Debug, Clone)]
pub struct CountryRules {
    pub country: &'static Country,
    pub is_state_required: bool,
    pub supported_states: Vec<String>,
    pub is_postal_code_required: bool,
    pub postal_code_regex: Option<Pattern>,
    pub is_city_required: bool,
    pub phone_number_regex: Option<Pattern>,
    /// Empty when the rule set gave none: the default calling codes stay.
    pub country_calling_codes: Vec<String>,
}

impl CountryRules {
    /// The rules in force while this set is installed.
    pub fn view(&self) -> Rules<'_> {
        Rules {
            country: self.country,
            is_postal_code_required: self.is_postal_code_required,
            postal_code_regex: self.postal_code_regex.as_ref(),
            is_state_required: self.is_state_required,
            supported_states: States::Runtime {
                list: &self.supported_states,
                defaults: self.country.supported_states(),
            },
            is_city_required: self.is_city_required,
            phone_number_regex: self.phone_number_regex.as_ref(),
            country_calling_codes: if self.country_calling_codes.is_empty() {
                CallingCodes::Default(self.country)
            } else {
                CallingCodes::Runtime(&self.country_calling_codes)
            },
        }
    }
}

/// What is wrong with a rule set.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSetReason {
    /// Not JSON (the JSON parser's words), or not in Partner Center's shape (which member, and what is wrong with it).
    Malformed {
        detail: String,
    },
    UnknownCountry {
        code: String,
    },
    DuplicateCountry {
        code: String,
    },
    BadPostalCodeRegex {
        detail: String,
    },
    BadPhoneNumberRegex {
        detail: String,
    },
    BadState {
        value: String,
    },
    BadCallingCode {
        value: String,
    },
    /// A pattern (`member` is `postalCodeRegex` or `phoneNumberRegex`) uses a construct that the native and the
    /// WebAssembly builds would read differently ([`crate::pattern::portable`]); refused in both.
    UnsupportedPattern {
        member: &'static str,
        construct: &'static str,
    },
}

/// A rejected rule set: the reason, and which entry (0-based) of the set it concerns, when it concerns one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSetError {
    pub index: Option<usize>,
    pub reason: RuleSetReason,
}

/// The message of a rejected rule set: its start, with the entry when there is one, then what was wrong.
macro_rules! rejected {
    ($what:literal) => {
        concat!("The country rules were rejected and the defaults stay in force: ", $what)
    };
    (entry $what:literal) => {
        concat!("The country rules were rejected and the defaults stay in force: entry {index}: ", $what)
    };
}

crate::wordings! {
    enum Say;
    /// Every code a rule set can be rejected with.
    pub const CODES;
    "country_rules.malformed" (index: OptInt, detail: Str) {
        MalformedEntry: rejected!(entry "not in Partner Center's shape ({detail})."),
        Malformed: rejected!("not in Partner Center's shape ({detail})."),
    }
    "country_rules.unknown_country" (index: OptInt, country: Str) {
        UnknownCountryEntry: rejected!(entry "\"{country}\" is not a known country code."),
        UnknownCountry: rejected!("\"{country}\" is not a known country code."),
    }
    "country_rules.duplicate_country" (index: OptInt, country: Str) {
        DuplicateCountryEntry: rejected!(entry "{country} is named twice."),
        DuplicateCountry: rejected!("{country} is named twice."),
    }
    "country_rules.bad_postal_code_regex" (index: OptInt, detail: Str) {
        BadPostalCodeRegexEntry: rejected!(entry "the postcode pattern is not usable ({detail})."),
        BadPostalCodeRegex: rejected!("the postcode pattern is not usable ({detail})."),
    }
    "country_rules.bad_phone_number_regex" (index: OptInt, detail: Str) {
        BadPhoneNumberRegexEntry: rejected!(entry "the phone pattern is not usable ({detail})."),
        BadPhoneNumberRegex: rejected!("the phone pattern is not usable ({detail})."),
    }
    "country_rules.bad_state" (index: OptInt, value: Str) {
        BadStateEntry: rejected!(entry "\"{value}\" is not a usable state name."),
        BadState: rejected!("\"{value}\" is not a usable state name."),
    }
    "country_rules.bad_calling_code" (index: OptInt, value: Str) {
        BadCallingCodeEntry: rejected!(entry "\"{value}\" is not a calling code (1 to 3 digits)."),
        BadCallingCode: rejected!("\"{value}\" is not a calling code (1 to 3 digits)."),
    }
    "country_rules.unsupported_pattern" (index: OptInt, member: Str, construct: Str) {
        UnsupportedPatternEntry: rejected!(entry "{member} uses {construct}, which tenantcheck does not support: \
                                                  rewrite the pattern without it."),
        UnsupportedPattern: rejected!("{member} uses {construct}, which tenantcheck does not support: rewrite the \
                                       pattern without it."),
    }
}

crate::display_as_message!(RuleSetError);

impl Reason for RuleSetError {
    fn wording(&self) -> Wording {
        let entry = self.index.is_some();
        match &self.reason {
            RuleSetReason::Malformed { .. } if entry => Say::MalformedEntry,
            RuleSetReason::Malformed { .. } => Say::Malformed,
            RuleSetReason::UnknownCountry { .. } if entry => Say::UnknownCountryEntry,
            RuleSetReason::UnknownCountry { .. } => Say::UnknownCountry,
            RuleSetReason::DuplicateCountry { .. } if entry => Say::DuplicateCountryEntry,
            RuleSetReason::DuplicateCountry { .. } => Say::DuplicateCountry,
            RuleSetReason::BadPostalCodeRegex { .. } if entry => Say::BadPostalCodeRegexEntry,
            RuleSetReason::BadPostalCodeRegex { .. } => Say::BadPostalCodeRegex,
            RuleSetReason::BadPhoneNumberRegex { .. } if entry => Say::BadPhoneNumberRegexEntry,
            RuleSetReason::BadPhoneNumberRegex { .. } => Say::BadPhoneNumberRegex,
            RuleSetReason::BadState { .. } if entry => Say::BadStateEntry,
            RuleSetReason::BadState { .. } => Say::BadState,
            RuleSetReason::BadCallingCode { .. } if entry => Say::BadCallingCodeEntry,
            RuleSetReason::BadCallingCode { .. } => Say::BadCallingCode,
            RuleSetReason::UnsupportedPattern { .. } if entry => Say::UnsupportedPatternEntry,
            RuleSetReason::UnsupportedPattern { .. } => Say::UnsupportedPattern,
        }
        .into()
    }
    fn params(&self) -> Params {
        let p = match self.index {
            Some(i) => Params::default().with("index", i),
            None => Params::default(),
        };
        match &self.reason {
            RuleSetReason::Malformed { detail }
            | RuleSetReason::BadPostalCodeRegex { detail }
            | RuleSetReason::BadPhoneNumberRegex { detail } => p.with("detail", detail),
            RuleSetReason::UnknownCountry { code } | RuleSetReason::DuplicateCountry { code } => {
                p.with("country", code)
            }
            RuleSetReason::BadState { value } | RuleSetReason::BadCallingCode { value } => p.with("value", value),
            RuleSetReason::UnsupportedPattern { member, construct } => {
                p.with("member", *member).with("construct", *construct)
            }
        }
    }
}

impl core::error::Error for RuleSetError {}

/// Reads a rule set from JSON text.
pub fn parse_json(json: &str) -> Result<Vec<CountryRules>, RuleSetError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| RuleSetError::malformed(None, e.to_string()))?;
    parse(&&value)
}

/// Reads a rule set, one country's rules or a list of them, from any [`Source`] (the wasm binding passes a JS
/// value). A member of the wrong type makes the whole set malformed; members Partner Center has and tenantcheck does
/// not use are ignored.
pub fn parse<S: Source>(src: &S) -> Result<Vec<CountryRules>, RuleSetError> {
    // One path for both shapes: a list's items are entries 0, 1, …; a lone object is the one entry, read in place and
    // without an index.
    let (items, count) = match src.shape().map_err(|e| malformed(None, Bad::from(e)))? {
        Shape::List => {
            let items = src.items().map_err(|e| malformed(None, Bad::from(e)))?;
            let count = items.len();
            (items, count)
        }
        Shape::Object => (Vec::new(), 1),
        _ => return Err(malformed(None, Bad("the rule set", "is not an object or a list of objects"))),
    };
    let mut list = Vec::with_capacity(count);
    for i in 0..count {
        let (entry, index) = match items.get(i) {
            Some(item) => (item, Some(i)),
            None => (src, None),
        };
        list.push(read_pc(entry).map_err(|bad| malformed(index, bad))?);
    }
    compile_set(list)
}

/// What is wrong with a rule set's shape: the member (or value) and what is wrong with it, put into words once, in
/// [`malformed`].
#[derive(Debug, Clone, Copy)]
struct Bad(&'static str, &'static str);

impl From<NotData> for Bad {
    fn from(NotData(what): NotData) -> Self {
        Bad(what, NotData::PROBLEM)
    }
}

fn malformed(index: Option<usize>, Bad(what, problem): Bad) -> RuleSetError {
    RuleSetError::malformed(index, crate::text::concat(&[what, " ", problem]))
}

impl RuleSetError {
    /// A set whose shape is not Partner Center's (or not even JSON); `detail` says where.
    pub fn malformed(index: Option<usize>, detail: String) -> Self {
        RuleSetError { index, reason: RuleSetReason::Malformed { detail } }
    }
}

/// One country's rules in Partner Center's shape; `Err` says what is wrong.
fn read_pc<S: Source>(src: &S) -> Result<PcRules, Bad> {
    if !matches!(src.shape()?, Shape::Object) {
        return Err(Bad("a country's rules", "are not an object"));
    }
    // Filled member by member into a whole struct: an early return then drops one value, not a different set of
    // locals at each step (in WebAssembly each such drop is code of its own).
    let mut pc = PcRules {
        iso2_code: String::new(),
        is_state_required: false,
        states: Vec::new(),
        is_postal_code_required: false,
        postal_code_regex: String::new(),
        is_city_required: true,
        phone_number_regex: String::new(),
        country_calling_codes: Vec::new(),
    };
    pc.iso2_code = text(src, "iso2Code")?.ok_or(Bad("iso2Code", "is missing"))?;
    pc.is_state_required = flag(src, "isStateRequired", pc.is_state_required)?;
    pc.states = list(src, &["states", "supportedStates", "supportedStatesList"])?;
    pc.is_postal_code_required = flag(src, "isPostalCodeRequired", pc.is_postal_code_required)?;
    pc.postal_code_regex = text(src, "postalCodeRegex")?.unwrap_or_default();
    pc.is_city_required = flag(src, "isCityRequired", pc.is_city_required)?;
    pc.phone_number_regex = text(src, "phoneNumberRegex")?.unwrap_or_default();
    pc.country_calling_codes = list(src, &["countryCallingCodes", "countryCallingCodesList"])?;
    Ok(pc)
}

/// The first of a member's names that has a value (Partner Center's name, then the SDK's), with its shape.
fn member<S: Source>(src: &S, names: &[&'static str]) -> Result<Option<(S, Shape, &'static str)>, Bad> {
    for name in names {
        if let Some(v) = src.get(name)? {
            match v.shape()? {
                Shape::Absent | Shape::Null => {}
                shape => return Ok(Some((v, shape, name))),
            }
        }
    }
    Ok(None)
}

fn flag<S: Source>(src: &S, name: &'static str, default: bool) -> Result<bool, Bad> {
    match member(src, &[name])? {
        None => Ok(default),
        Some((_, Shape::Bool(b), _)) => Ok(b),
        Some(_) => Err(Bad(name, "is not true or false")),
    }
}

fn text<S: Source>(src: &S, name: &'static str) -> Result<Option<String>, Bad> {
    match member(src, &[name])? {
        None => Ok(None),
        Some((_, Shape::Text(s), _)) => Ok(Some(s)),
        Some(_) => Err(Bad(name, "is not a string")),
    }
}

/// A list of strings, plain or wrapped as Partner Center writes it (`{"value": [...]}`); empty when absent.
fn list<S: Source>(src: &S, names: &[&'static str]) -> Result<Vec<String>, Bad> {
    let Some((mut v, mut shape, name)) = member(src, names)? else { return Ok(Vec::new()) };
    if matches!(shape, Shape::Object) {
        (v, shape, _) = member(&v, &["value"])?.ok_or(Bad(name, "has no value list"))?;
    }
    if !matches!(shape, Shape::List) {
        return Err(Bad(name, "is not a list"));
    }
    let mut out = Vec::new();
    // By reference: a consuming loop left by `return` drops a `vec::IntoIter`, code of its own.
    for item in &v.items()? {
        match item.shape()? {
            Shape::Text(s) => out.push(s),
            _ => return Err(Bad(name, "holds something other than strings")),
        }
    }
    Ok(out)
}

fn compile_set(mut list: Vec<PcRules>) -> Result<Vec<CountryRules>, RuleSetError> {
    let mut out: Vec<CountryRules> = Vec::with_capacity(list.len());
    // Each entry taken out of the list in place: a consuming loop left by `?` drops a `vec::IntoIter`, code of its own.
    for (i, pc) in list.iter_mut().enumerate() {
        let at = |reason| RuleSetError { index: Some(i), reason };
        let rules = compile(core::mem::take(pc)).map_err(at)?;
        if out.iter().any(|r| r.country == rules.country) {
            return Err(at(RuleSetReason::DuplicateCountry { code: rules.country.code().to_owned() }));
        }
        out.push(rules);
    }
    Ok(out)
}

/// Compiles a pattern of the rule set: the phone pattern when `phone`, else the postcode pattern.
fn pattern(p: &str, phone: bool) -> Result<Option<Pattern>, RuleSetReason> {
    let bad = |detail| {
        if phone {
            RuleSetReason::BadPhoneNumberRegex { detail }
        } else {
            RuleSetReason::BadPostalCodeRegex { detail }
        }
    };
    match crate::text::trim(p) {
        "" => Ok(None),
        p if p.len() > MAX_PATTERN => Err(bad(TOO_LONG_PATTERN.to_owned())),
        p => Pattern::anchored(p).map(Some).map_err(|e| match e {
            PatternError::Unsupported(construct) => RuleSetReason::UnsupportedPattern {
                member: if phone { "phoneNumberRegex" } else { "postalCodeRegex" },
                construct,
            },
            PatternError::Malformed(detail) => bad(detail.to_owned()),
            PatternError::Invalid(detail) => bad(detail),
        }),
    }
}

/// Checks one country's rules and compiles its patterns. Everything is checked before anything is moved out of
/// `pc`: every early return then drops it whole (in WebAssembly each partial drop is code of its own).
fn compile(pc: PcRules) -> Result<CountryRules, RuleSetReason> {
    let code = crate::text::trim(&pc.iso2_code).to_ascii_uppercase();
    let country = lookup(&code).ok_or_else(|| RuleSetReason::UnknownCountry { code: pc.iso2_code.clone() })?;
    if let Some(bad) =
        pc.states.iter().find(|s| crate::text::trim(s).is_empty() || crate::text::char_count(s) > MAX_STATE)
    {
        return Err(RuleSetReason::BadState { value: bad.clone() });
    }
    if let Some(bad) =
        pc.country_calling_codes.iter().find(|c| !(1..=3).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(RuleSetReason::BadCallingCode { value: bad.clone() });
    }
    let postal_code_regex = pattern(&pc.postal_code_regex, false)?;
    let phone_number_regex = pattern(&pc.phone_number_regex, true)?;
    Ok(CountryRules {
        country,
        is_state_required: pc.is_state_required,
        supported_states: pc.states,
        is_postal_code_required: pc.is_postal_code_required,
        postal_code_regex,
        is_city_required: pc.is_city_required,
        phone_number_regex,
        country_calling_codes: pc.country_calling_codes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Partner Center's documented answer for the US [PC-rules], with its patterns.
    const US: &str = r#"{
        "iso2Code": "US", "defaultCulture": "en-US", "isStateRequired": true,
        "states": { "value": ["AK","AL","CA","NY","WA"] },
        "supportedLanguages": { "value": ["en","es"] },
        "isPostalCodeRequired": true, "postalCodeRegex": "^\\d{5}(-\\d{4})?$", "isCityRequired": true,
        "phoneNumberRegex": "^(1[\\-\\/\\.]?)?(\\((\\d{3})\\)|(\\d{3}))[\\-\\/\\.]?(\\d{3})[\\-\\/\\.]?(\\d{4})$",
        "countryCallingCodes": { "value": ["1"] },
        "attributes": { "objectType": "CountryInformation" } }"#;

    #[test]
    fn reads_partner_centers_shape() {
        let set = parse_json(US).unwrap();
        assert_eq!(set.len(), 1);
        let r = set[0].view();
        assert_eq!(r.country.code(), "US");
        assert!(r.postal_code_regex.unwrap().is_match("98052-6399"));
        assert!(!r.postal_code_regex.unwrap().is_match("98052-6399x"));
        assert!(r.phone_number_regex.unwrap().is_match("(425)555-0100"));
        assert_eq!(r.supported_states.find("ny"), Some("NY"));
        assert!(r.country_calling_codes.contains("1"));
        // A list of sets, plain arrays, lower-case code.
        let set = parse_json(
            r#"[{"iso2Code":"gr","isPostalCodeRequired":true,"postalCodeRegex":"\\d{5}"},
                                 {"iso2Code":"CA","states":["QC","ON"],"isStateRequired":true}]"#,
        )
        .unwrap();
        assert_eq!(set.len(), 2);
        assert_eq!(set[1].view().supported_states.values(), vec!["QC", "ON"]);
    }

    #[test]
    fn rejects_malformed_sets_whole() {
        let code = |json: &str| parse_json(json).unwrap_err().code();
        assert_eq!(code("not json"), "country_rules.malformed");
        assert_eq!(code(r#"{"isStateRequired":true}"#), "country_rules.malformed");
        assert_eq!(code(r#"{"iso2Code":"QQ"}"#), "country_rules.unknown_country");
        assert_eq!(code(r#"[{"iso2Code":"US"},{"iso2Code":"us"}]"#), "country_rules.duplicate_country");
        assert_eq!(code(r#"{"iso2Code":"US","postalCodeRegex":"(\\d{5}"}"#), "country_rules.bad_postal_code_regex");
        assert_eq!(code(r#"{"iso2Code":"US","phoneNumberRegex":"[a-"}"#), "country_rules.bad_phone_number_regex");
        assert_eq!(code(r#"{"iso2Code":"US","states":["CA",""]}"#), "country_rules.bad_state");
        assert_eq!(code(r#"{"iso2Code":"US","countryCallingCodes":["+1"]}"#), "country_rules.bad_calling_code");
        let long = format!(r#"{{"iso2Code":"US","postalCodeRegex":"{}"}}"#, "a".repeat(MAX_PATTERN + 1));
        assert_eq!(code(&long), "country_rules.bad_postal_code_regex");
        assert_eq!(TOO_LONG_PATTERN, format!("longer than {MAX_PATTERN} bytes"));
        let e = parse_json(r#"[{"iso2Code":"US"},{"iso2Code":"QQ"}]"#).unwrap_err();
        assert_eq!(e.index, Some(1));
    }
}
