//! The country picker's data (issue 12): per country what a form needs to offer it, named in the user's language, and
//! to shape its fields: the closed list of states with their names, the calling codes, the postcode's label and
//! example, and which fields the country requires, with the registration number's local term. One place for the npm
//! package's `countries(locale?)`, a validator instance's picker and native hosts: [`entries`] under the rules in
//! force (a host's run-time rules included), in a [`Language`].
//!
//! - **Names**: Unicode CLDR's, in the language asked for: English built in (or lent by the host, [`Country::name`]);
//!   other languages natively from [`crate::catalog::region_names`], else from the host's [`crate::host::Locales`];
//!   in the npm package, from `Intl.DisplayNames` by its `countries(locale?)` (`scripts/pkg/index.js`, on the
//!   module's English entries: the package ships no names); English where neither has the language. The list stays sorted by code: a host sorts it by name with its own collator
//!   (`Intl.Collator`, `localeCompare`), which knows the language's order.
//! - **States**, where the list is closed (US, CA, AU by default [Appxite], or a run-time list): `code` is the value
//!   Partner Center accepts, which the form submits; `name` is the name in Google's address data, as the country
//!   writes it (not translated): for the US and Canada the code's name (`CA` California, `QC` Quebec), for Australia,
//!   whose accepted values are the names, the value itself (`New South Wales`; [`State::name`]).
//! - **Labels**: the words the messages use for the postcode and the state (`term.postcode.<CC>`, `term.state.<CC>`
//!   of a catalog, `docs/messages.md`), so that a form's label says what its messages say: in English "ZIP code"
//!   (US), "postal code" (CA), "postcode". They are written as in a sentence; a form capitalizes the first letter
//!   where the label stands alone.
//! - **Required fields**: the state and postcode as the rules in force say; the phone everywhere (BSS needs it
//!   [iw], `rules::phone`); the registration number where Partner Center requires it (error 600051) [PC-create,
//!   PC-errors], with its local term from [`REGISTRATION_TERMS`].

#[cfg(feature = "std")]
use super::State;
use super::{CallingCodes, Country, Rules, States, COUNTRIES};
#[cfg(feature = "catalog")]
use crate::catalog::Catalog;
use crate::vocab;
use crate::Validator;
use alloc::{borrow::Cow, vec::Vec};

/// The local term of the organization registration number in the countries where Partner Center requires one
/// ([`Country::requires_phone_and_registration`]), rows `code:term` joined by `|` (read by `row_of`, as the postcode
/// prefixes are), sorted by code: the number a company is known by to its country's tax or company register, as Partner
/// Center's own example, the Russian INN, is ("the customer's organization registration number (also referred to as INN
/// number in certain countries)" [PC-create]). Written in Latin letters, as the partner's staff and Partner Center
/// write them. Sources: the INN of RU [PC-create]; python-stdnum 2.2's modules, which name each number after its issuer
/// (LGPL-2.1; names only): `az.voen` VÖEN, `by.unp` UNP, `md.idno` IDNO, `ua.edrpou` EDRPOU, `in_.gstin` GSTIN,
/// `br.cnpj` CNPJ, `za.tin` TIN, `pl.nip` NIP, `tr.vkn` VKN, `th.tin` TIN, `vn.mst` MST, `ve.rif` RIF, `hu.anum` (the
/// domestic adószám, of which the EU VAT number is the first 8 digits); the issuers' names where python-stdnum has no
/// module: KZ BIN (the business identification number of Kazakhstan's national registers), KG and TJ INN (their tax
/// services' taxpayer number), UZ STIR (the tax service's taxpayer identification number, the INN in Russian), AM TIN
/// (the State Revenue Committee's taxpayer number), AE TRN (the Federal Tax Authority's tax registration number), SA CR
/// (the Ministry of Commerce's commercial registration). MM, IQ and SS have none: the form says "registration number"
/// there (**decision**: no source names one term).
pub const REGISTRATION_TERMS: &str =
    "AE:TRN|AM:TIN|AZ:VÖEN|BR:CNPJ|BY:UNP|HU:adószám|IN:GSTIN|KG:INN|KZ:BIN|MD:IDNO|PL:NIP|RU:INN|SA:CR|\
     TH:TIN|TJ:INN|TR:VKN|UA:EDRPOU|UZ:STIR|VE:RIF|VN:MST|ZA:TIN";

/// The local term of a country's registration number in [`REGISTRATION_TERMS`], if it has one.
pub fn registration_term(country: &str) -> Option<&'static str> {
    super::row_of(REGISTRATION_TERMS, country)
}

/// The language of a picker: a BCP 47 tag for the countries' names and, where the host has one, a catalog for the
/// labels' words. Without a catalog the labels are English; without a tag everything is.
#[derive(Debug, Clone, Copy, Default)]
pub struct Language<'a> {
    tag: &'a str,
    #[cfg(feature = "catalog")]
    catalog: Option<&'a Catalog>,
}

impl<'a> Language<'a> {
    /// English: the built-in names and words.
    pub const ENGLISH: Language<'static> = Language::new("");

    /// Names in the language of a BCP 47 tag (`el`, `de-AT`), labels in English.
    pub const fn new(tag: &'a str) -> Self {
        Language {
            tag,
            #[cfg(feature = "catalog")]
            catalog: None,
        }
    }

    /// Names and labels in a catalog's language.
    #[cfg(feature = "catalog")]
    pub fn with_catalog(catalog: &'a Catalog) -> Self {
        Language { tag: catalog.locale(), catalog: Some(catalog) }
    }

    /// The tag's primary language subtag (`de` of `de-AT`), as the catalogs go by it.
    fn language(&self) -> &'a str {
        let end = self.tag.bytes().position(|b| b == b'-' || b == b'_').unwrap_or(self.tag.len());
        self.tag.get(..end).unwrap_or_default()
    }

    /// A country's name in this language (CLDR), as [`Catalog::country_name`] gives it: English for English and
    /// for a language neither the built-in names nor the host has.
    pub fn country_name(&self, country: &'static Country) -> Cow<'static, str> {
        let language = self.language();
        if language.is_empty() || language.eq_ignore_ascii_case("en") {
            return Cow::Borrowed(country.name());
        }
        #[cfg(all(feature = "catalog", feature = "std", not(target_arch = "wasm32")))]
        if let Some(name) = crate::catalog::region_name(&language.to_ascii_lowercase(), country.code()) {
            return Cow::Borrowed(name);
        }
        crate::host::region_name_in(self.tag, country.code()).map_or(Cow::Borrowed(country.name()), Cow::Owned)
    }

    /// The catalog's `term.<key>.<country>`, else its `term.<key>`, else `english`.
    fn term(&self, key: &str, country: &str, english: &'static str) -> &'a str {
        #[cfg(feature = "catalog")]
        if let Some(c) = self.catalog {
            if let Some(word) = c.term(&crate::text::concat(&[key, ".", country])).or_else(|| c.term(key)) {
                return word;
            }
        }
        let _ = (key, country);
        english
    }
}

/// One entry of a country picker (`countries()` of the npm package): what a form needs to offer a country and to
/// shape its address and company fields.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PickerEntry<'a> {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: &'static str,
    /// The country's name in the picker's language (CLDR).
    pub name: Cow<'static, str>,
    /// The closed list of states, in the order of the rules in force; empty where the state is free text.
    pub states: StateOptions<'a>,
    /// International calling codes, without `+` (`1`, `44`).
    pub calling_codes: CallingCodeList<'a>,
    /// The postcode field; `None` where the country has no postcodes (the form hides the field).
    pub postal_code: Option<PostalCodeField<'a>>,
    /// The state field.
    pub state: StateField<'a>,
    /// The organization registration number.
    pub registration_number: RegistrationField,
    /// The phone number.
    pub phone: PhoneField,
}

/// One state of a closed list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StateOption<'a> {
    /// The value Partner Center accepts: what the form submits (`CA`, `QC`, `New South Wales`).
    pub code: &'a str,
    /// Its name as the country writes it (`California`, `Quebec`, `New South Wales`).
    pub name: &'a str,
}

/// The postcode field of a country that has postcodes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PostalCodeField<'a> {
    /// The word for it in the picker's language, as in a sentence (`ZIP code`, `postal code`, `postcode`).
    pub label: &'a str,
    /// A valid postcode for a placeholder (Google's address metadata `zipex`); `None` where run-time rules gave a
    /// country without postcodes a pattern.
    pub example: Option<&'static str>,
    /// Every example postcode.
    pub examples: Examples,
    pub required: bool,
}

/// The state field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StateField<'a> {
    /// The word for it in the picker's language, as in a sentence (`state`, `province or territory`).
    pub label: &'a str,
    pub required: bool,
}

/// The organization registration number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RegistrationField {
    pub required: bool,
    /// Its local term ([`REGISTRATION_TERMS`]: `INN`, `CNPJ`, `NIP`), where the country has one.
    pub term: Option<&'static str>,
}

/// The phone number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PhoneField {
    pub required: bool,
}

impl<'a> PickerEntry<'a> {
    /// The picker entry for the rules in force for one country, in a language.
    pub fn new(rules: &Rules<'a>, language: &Language<'a>) -> Self {
        let c = rules.country;
        let code = c.code();
        let has_postal_codes = c.has_postal_codes() || rules.postal_code_regex.is_some();
        PickerEntry {
            code,
            name: language.country_name(c),
            states: StateOptions(rules.supported_states),
            calling_codes: CallingCodeList(rules.country_calling_codes),
            postal_code: has_postal_codes.then(|| PostalCodeField {
                label: language.term("postcode", code, vocab::postcode_term(code)),
                example: c.postal_code_example(),
                examples: Examples(c),
                required: rules.is_postal_code_required,
            }),
            state: StateField {
                label: language.term("state", code, vocab::state_term(code)),
                required: rules.is_state_required,
            },
            registration_number: RegistrationField {
                required: c.requires_phone_and_registration(),
                term: registration_term(code),
            },
            phone: PhoneField { required: true },
        }
    }
}

// The lists of an entry are read from the rules as they are written (`each`), not collected into vectors first:
// the vectors were 0.2 KB of the npm package's gzip size. `to_vec` collects them where a list is wanted.

/// The closed list of states of an entry, with their names: a run-time value takes the name of the default state
/// it is, or its own (in the npm package, its own).
#[derive(Debug, Clone, Copy)]
pub struct StateOptions<'a>(States<'a>);

impl<'a> StateOptions<'a> {
    /// Calls `f` with each state, in order.
    pub fn each(&self, mut f: impl FnMut(StateOption<'a>)) {
        match self.0 {
            States::Default(list) => {
                for s in list.iter() {
                    f(StateOption { code: s.value(), name: s.name() });
                }
            }
            // A run-time list's value takes the name of the default state it is; in the npm package (no `std`) it is
            // shown as Partner Center gave it (the naming cost the package 44 B of the 59,000 B its size test allows).
            States::Runtime { list, defaults } => {
                for code in list {
                    #[cfg(feature = "std")]
                    let name: &'a str = match defaults.find_state(code) {
                        Some(state) => State::name(state),
                        None => code,
                    };
                    #[cfg(not(feature = "std"))]
                    let name = {
                        let _ = defaults;
                        code
                    };
                    f(StateOption { code, name });
                }
            }
        }
    }
    pub fn to_vec(&self) -> Vec<StateOption<'a>> {
        let mut out = Vec::new();
        self.each(|s| out.push(s));
        out
    }
}

/// The calling codes of an entry.
#[derive(Debug, Clone, Copy)]
pub struct CallingCodeList<'a>(CallingCodes<'a>);

impl<'a> CallingCodeList<'a> {
    /// Calls `f` with each code, in order.
    pub fn each(&self, mut f: impl FnMut(&'a str)) {
        match self.0 {
            CallingCodes::Default(c) => {
                for code in c.country_calling_codes() {
                    f(code);
                }
            }
            CallingCodes::Runtime(list) => {
                for code in list {
                    f(code);
                }
            }
        }
    }
    pub fn to_vec(&self) -> Vec<&'a str> {
        let mut out = Vec::new();
        self.each(|c| out.push(c));
        out
    }
}

/// The example postcodes of a country (Google's address metadata `zipex`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Examples(&'static Country);

impl Examples {
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + Clone {
        self.0.postal_code_examples()
    }
    pub fn to_vec(&self) -> Vec<&'static str> {
        self.iter().collect()
    }
}

macro_rules! as_list {
    ($($t:ident$(<$l:lifetime>)?),*) => {$(
        impl PartialEq for $t$(<$l>)? {
            fn eq(&self, other: &Self) -> bool {
                self.to_vec() == other.to_vec()
            }
        }
        impl Eq for $t$(<$l>)? {}
        impl serde::Serialize for $t$(<$l>)? {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.to_vec())
            }
        }
    )*};
}
as_list!(StateOptions<'_>, CallingCodeList<'_>);

impl serde::Serialize for Examples {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Every country for a picker, sorted by code, under the rules in force of a validator (its run-time country rules
/// included), in a language.
pub fn entries<'a>(validator: &'a Validator, language: &Language<'a>) -> Vec<PickerEntry<'a>> {
    let mut out = Vec::with_capacity(COUNTRIES.len());
    for c in &COUNTRIES {
        out.push(PickerEntry::new(&validator.rules_for(c), language));
    }
    out
}

/// The country picker under the embedded defaults, in English, sorted by code.
pub fn picker() -> Vec<PickerEntry<'static>> {
    let mut out = Vec::with_capacity(COUNTRIES.len());
    for c in &COUNTRIES {
        out.push(PickerEntry::new(&Rules::default_for(c), &Language::ENGLISH));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry<'a, 'b>(list: &'b [PickerEntry<'a>], code: &str) -> &'b PickerEntry<'a> {
        list.iter().find(|e| e.code == code).unwrap()
    }

    fn states<'a>(e: &PickerEntry<'a>) -> Vec<(&'a str, &'a str)> {
        e.states.to_vec().into_iter().map(|s| (s.code, s.name)).collect()
    }

    #[test]
    fn us_states_have_codes_and_names() {
        let list = picker();
        assert_eq!(list.len(), 250);
        let us = entry(&list, "US");
        assert_eq!((us.code, &*us.name), ("US", "United States"));
        assert_eq!(us.states.to_vec().len(), 51);
        assert_eq!(states(us)[..2], [("AK", "Alaska"), ("AL", "Alabama")]);
        assert!(states(us).contains(&("DC", "District of Columbia")));
        assert_eq!(us.calling_codes.to_vec(), ["1"]);
        let pc = us.postal_code.as_ref().unwrap();
        assert_eq!((pc.label, pc.example, pc.required), ("ZIP code", Some("95014"), true));
        assert_eq!(pc.examples.to_vec(), ["95014", "22162-1010"]);
        assert_eq!(us.state, StateField { label: "state", required: true });
        assert_eq!(us.registration_number, RegistrationField { required: false, term: None });
        assert_eq!(us.phone, PhoneField { required: true });
    }

    #[test]
    fn australia_submits_the_names_canada_the_codes() {
        let list = picker();
        let au = entry(&list, "AU");
        assert_eq!(au.states.to_vec().len(), 9);
        assert!(states(au).iter().all(|(c, n)| c == n), "Partner Center takes Australia's names [Appxite]");
        assert!(states(au).contains(&("New South Wales", "New South Wales")));
        assert_eq!(au.state.label, "state or territory");
        assert_eq!(au.postal_code.as_ref().unwrap().label, "postcode");
        assert_eq!(au.calling_codes.to_vec(), ["61"]);
        let ca = entry(&list, "CA");
        assert_eq!(states(ca)[..2], [("AB", "Alberta"), ("BC", "British Columbia")]);
        assert!(states(ca).contains(&("QC", "Quebec")));
        assert_eq!(states(ca).len(), 13);
        assert_eq!(ca.postal_code.as_ref().unwrap().label, "postal code");
        assert_eq!(ca.state.label, "province or territory");
        // Free text elsewhere.
        let gr = entry(&list, "GR");
        assert!(states(gr).is_empty() && !gr.state.required);
        assert_eq!(gr.state.label, "state or province");
        assert_eq!(gr.postal_code.as_ref().unwrap().example, Some("151 24"));
    }

    #[test]
    fn calling_codes_and_countries_without_postcodes() {
        let list = picker();
        let ae = entry(&list, "AE");
        assert_eq!(ae.postal_code, None);
        assert_eq!(ae.calling_codes.to_vec(), ["971"]);
        assert_eq!(ae.registration_number, RegistrationField { required: true, term: Some("TRN") });
        assert_eq!(entry(&list, "GB").calling_codes.to_vec(), ["44"]);
        assert_eq!(entry(&list, "XK").calling_codes.to_vec(), ["383"]);
        assert!(entry(&list, "AQ").calling_codes.to_vec().is_empty());
        for e in &list {
            assert!(e.calling_codes.to_vec().iter().all(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit())));
        }
    }

    /// Every term names a country that requires the number, and only the three without a source lack one.
    #[test]
    fn registration_terms_are_for_the_countries_that_require_it() {
        let mut rows = Vec::new();
        for row in crate::text::split_by(REGISTRATION_TERMS, b'|') {
            let (code, term) = crate::text::split_once_at(row, b':').unwrap();
            assert!(super::super::lookup(code).unwrap().requires_phone_and_registration(), "{code}");
            assert!(!term.is_empty() && !term.contains('|'));
            assert_eq!(registration_term(code), Some(term));
            rows.push(code);
        }
        assert!(rows.windows(2).all(|w| w[0] < w[1]), "sorted by code");
        let without: Vec<&str> = COUNTRIES
            .iter()
            .filter(|c| c.requires_phone_and_registration() && registration_term(c.code()).is_none())
            .map(|c| c.code())
            .collect();
        assert_eq!(without, ["IQ", "MM", "SS"]);
        let list = picker();
        assert_eq!(entry(&list, "RU").registration_number.term, Some("INN"));
        assert_eq!(entry(&list, "BR").registration_number, RegistrationField { required: true, term: Some("CNPJ") });
        assert_eq!(registration_term("DE"), None);
    }

    #[test]
    fn run_time_states_keep_the_default_names() {
        let mut v = Validator::new();
        v.set_country_rules(
            super::super::overrides::parse_json(
                r#"{"iso2Code":"US","states":["CA","ny","PR"],"countryCallingCodes":["1"],"isStateRequired":false}"#,
            )
            .unwrap(),
        );
        let list = entries(&v, &Language::ENGLISH);
        let us = entry(&list, "US");
        assert_eq!(states(us), [("CA", "California"), ("ny", "New York"), ("PR", "PR")]);
        assert!(!us.state.required);
    }

    #[test]
    fn names_in_a_language() {
        let v = Validator::new();
        let el = entries(&v, &Language::new("el"));
        assert_eq!(entry(&el, "GR").name, "Ελλάδα");
        assert_eq!(entry(&el, "DE").name, "Γερμανία");
        // State names stay as the country writes them; labels are English without a catalog.
        assert_eq!(states(entry(&el, "US"))[0], ("AK", "Alaska"));
        assert_eq!(entry(&el, "US").postal_code.as_ref().unwrap().label, "ZIP code");
        let de = entries(&v, &Language::new("de-AT"));
        assert_eq!(entry(&de, "GR").name, "Griechenland");
        for tag in ["", "en", "en-GB", "xx", "it"] {
            assert_eq!(entry(&entries(&v, &Language::new(tag)), "GR").name, "Greece", "{tag:?}");
        }
    }

    #[cfg(feature = "catalog")]
    #[test]
    fn a_catalog_gives_the_labels_and_the_catalogs_names() {
        let v = Validator::new();
        for tag in ["el", "de", "fr", "es"] {
            let json = std::fs::read_to_string(format!("{}/catalogs/{tag}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let catalog = Catalog::parse(tag, &json).unwrap();
            let language = Language::with_catalog(&catalog);
            let list = entries(&v, &language);
            for (e, c) in list.iter().zip(&COUNTRIES) {
                assert_eq!(e.name, catalog.country_name(c.code()), "{tag} {}", e.code);
                assert_eq!(Some(e.state.label), catalog.term(&format!("state.{}", e.code)).or(catalog.term("state")));
            }
            if tag == "el" {
                let us = entry(&list, "US");
                assert_eq!(us.postal_code.as_ref().unwrap().label, "κωδικός ZIP");
                assert_eq!(us.state.label, "πολιτεία");
                assert_eq!(entry(&list, "IE").postal_code.as_ref().unwrap().label, "κωδικός Eircode");
                assert_eq!(entry(&list, "GR").postal_code.as_ref().unwrap().label, "ταχυδρομικός κώδικας");
                assert_eq!(entry(&list, "GR").name, "Ελλάδα");
            }
        }
        // The built-in English as a catalog gives the built-in English.
        let en = Catalog::parse("en", &crate::catalog::english_json()).unwrap();
        assert_eq!(entries(&v, &Language::with_catalog(&en)), picker());
    }
}
