//! Message catalogs: every message in one language, as data (`core/catalogs/<locale>.json`, format in
//! `docs/messages.md`). English is built in (the rule modules' [`wordings!`](crate::wordings) tables, filled by
//! [`message::fill`]); a catalog of another language is parsed at run time from its JSON and fills the same params
//! into its own templates, in the syntax of [`crate::message`], with its own words for the filters (`term.*`), CLDR
//! plural categories and CLDR country names in its language.
//!
//! A catalog is looked up by [`Wording`]: its code, and its index among the code's wordings (a code with several
//! wordings has an array of templates, in the order of the English). What a catalog lacks is the built-in English.
//!
//! Natively the plural rules ([`plural`]) and the country names ([`region_names`], generated from CLDR by
//! `scripts/gen_cldr_names.py`) are built in; without the standard library (the npm package) they come from the
//! JavaScript engine's `Intl.PluralRules` and `Intl.DisplayNames` through [`crate::host::Locales`], so the package
//! carries no language's data: a host passes the catalog's JSON ([`Catalog::parse`]) and fills its reports' messages
//! with [`Catalog::localize`].

pub mod cli;
pub mod host;
pub mod plural;
// Not in WebAssembly: there a host lends the JavaScript engine's names (`host::Locales`), so a module with `std` (the
// browser host's) does not carry four languages' names (30 KB raw) that `Intl.DisplayNames` has.
#[cfg(all(feature = "std", not(target_arch = "wasm32")))]
pub mod region_names;

use crate::issue::{Issue, Param, Params, Wording};
use crate::message;
use crate::validate::Report;
use crate::vocab;
use alloc::{borrow::ToOwned, string::String, vec::Vec};

/// One language's messages and words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    /// The BCP 47 tag it was loaded as (`de`, `de-AT`).
    locale: String,
    /// Its primary language subtag, lower case (`de`).
    language: String,
    /// Sorted by key, found by binary search ([`Catalog::get`]): not a
    /// `BTreeMap`, whose code is 3 KB of the browser host's module.
    entries: Vec<(String, Entry)>,
}

/// Why a text is not a catalog: the JSON parser's message (with its line and column), or which member is not a
/// string or a list of strings. Its own type, not a `serde_json::Error` made by `custom` (whose message parsing linked
/// the standard library's substring search into the browser host's module).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotCatalog(pub String);

impl core::fmt::Display for NotCatalog {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A key's value: one template, or one per wording of a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    One(String),
    Many(Vec<String>),
}

impl Entry {
    /// The `index`th text: a plain string is the first.
    pub fn get(&self, index: usize) -> Option<&str> {
        match self {
            Entry::One(text) => (index == 0).then_some(text.as_str()),
            Entry::Many(texts) => texts.get(index).map(String::as_str),
        }
    }
    /// Every text, in order.
    pub fn texts(&self) -> &[String] {
        match self {
            Entry::One(text) => core::slice::from_ref(text),
            Entry::Many(texts) => texts,
        }
    }
}

impl Catalog {
    /// A catalog from its JSON text (one object of strings and arrays of strings), for the language `locale`.
    /// Read from a `serde_json::Value`, not by a serde deserializer of `Entry`: a typed deserializer links serde's
    /// error messages and the standard library's float formatting into the browser host's module (about 25 KB,
    /// docs/performance.md).
    pub fn parse(locale: &str, json: &str) -> Result<Catalog, NotCatalog> {
        use serde_json::Value;
        let not_catalog = |what: &str| {
            NotCatalog(crate::text::concat(&[what, ": a catalog is one object of strings and arrays of strings"]))
        };
        let value =
            serde_json::from_str::<Value>(json).map_err(|e| NotCatalog(alloc::string::ToString::to_string(&e)))?;
        let Value::Object(members) = value else {
            return Err(not_catalog("not an object"));
        };
        let mut entries = Vec::with_capacity(members.len());
        for (key, value) in members {
            let entry = match value {
                Value::String(text) => Entry::One(text),
                Value::Array(items) => {
                    let mut texts = Vec::with_capacity(items.len());
                    for item in items {
                        let Value::String(text) = item else { return Err(not_catalog(&key)) };
                        texts.push(text);
                    }
                    Entry::Many(texts)
                }
                _ => return Err(not_catalog(&key)),
            };
            // In order already (a `Value`'s object is sorted by key), so each goes at the end; kept sorted anyway.
            match entries.binary_search_by(|(k, _): &(String, Entry)| k.as_str().cmp(&key)) {
                Ok(i) => entries[i].1 = entry,
                Err(i) => entries.insert(i, (key, entry)),
            }
        }
        Ok(Catalog { entries, ..Catalog::empty(locale) })
    }

    /// A catalog without entries, for the language `locale`: its plural rules and country names, the built-in
    /// English for every text.
    pub fn empty(locale: &str) -> Catalog {
        let language = locale.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Catalog { locale: locale.to_owned(), language, entries: Vec::new() }
    }

    /// The BCP 47 tag the catalog was loaded as.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The primary language subtag, lower case (`de` of `de-AT`): what the built-in plural rules and names go by.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// The value of a key.
    fn get(&self, key: &str) -> Option<&Entry> {
        let i = self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        self.entries.get(i).map(|(_, e)| e)
    }

    /// Every key and its value, in the keys' order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// A wording's template in this language, where the catalog has it.
    pub fn template(&self, wording: Wording) -> Option<&str> {
        self.get(wording.code()).and_then(|e| e.get(wording.index()))
    }

    /// The message a wording and its params make in this language; the built-in English message where the catalog
    /// has no template for it.
    pub fn message(&self, wording: Wording, params: &Params) -> String {
        match self.template(wording) {
            Some(template) => self.fill(template, params),
            None => message::fill(wording.template(), params),
        }
    }

    /// A template of this language filled from params.
    pub fn fill(&self, template: &str, params: &Params) -> String {
        message::fill_by(template, params, |out, value, filter| self.show(out, value, filter))
    }

    /// An issue's message in this language.
    pub fn localize_issue(&self, issue: &mut Issue) {
        issue.message = self.message(issue.wording, &issue.params);
    }

    /// Every message of a report in this language.
    pub fn localize(&self, report: &mut Report) {
        for issue in report.errors.iter_mut().chain(report.warnings.iter_mut()) {
            self.localize_issue(issue);
        }
    }

    /// The text of a key (a `host.*` or `cli.*` text, or a code's first wording), where the catalog has it.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(|e| e.get(0))
    }

    /// The word `term.<key>`, where the catalog has it.
    pub fn term(&self, key: &str) -> Option<&str> {
        self.text(&crate::text::concat(&["term.", key]))
    }

    /// `term.<key>.<country>`, else `term.<key>`.
    fn country_term(&self, key: &str, country: &str) -> Option<&str> {
        self.term(&crate::text::concat(&[key, ".", country])).or_else(|| self.term(key))
    }

    /// One param as a filter shows it in this language; the English of [`message`] where a word is missing.
    fn show(&self, out: &mut String, value: &Param, filter: &str) {
        let language = self.language();
        match value {
            Param::Int(n) if message::is_plural(filter) => {
                let category =
                    crate::host::plural_category(&self.locale, *n).unwrap_or_else(|| plural::category(language, *n));
                out.push_str(message::plural_text(filter, category));
            }
            Param::Int(n) => message::push_int(out, *n),
            Param::List(items) if filter == "or" => {
                let or = crate::text::concat(&[" ", self.term("or").unwrap_or("or"), " "]);
                message::push_list(out, items, &or);
            }
            Param::List(items) => message::push_list(out, items, ", "),
            Param::Str(s) => match filter {
                "char" => match (message::first_char(s), self.term("char.space")) {
                    (' ', Some(space)) => out.push_str(space),
                    (c, _) => crate::text::describe_into(out, c),
                },
                "a" => match self.term(&crate::text::concat(&["a.", s])) {
                    Some(word) => out.push_str(word),
                    None => vocab::push_with_article(out, s),
                },
                "in" | "In" if language == "en" => {
                    vocab::push_country_in_sentence(out, s, filter == "In");
                }
                "name" | "in" | "In" => out.push_str(&self.country_name(s)),
                "postcode" => out.push_str(self.country_term("postcode", s).unwrap_or(vocab::postcode_term(s))),
                "state" => out.push_str(self.country_term("state", s).unwrap_or(vocab::state_term(s))),
                _ => out.push_str(s),
            },
        }
    }

    /// A country's name in this language (CLDR): built in natively, else the host's, else English, else its code.
    pub fn country_name(&self, code: &str) -> String {
        let language = self.language();
        let english = || crate::countries::lookup(code).map_or(code, |c| c.name()).to_owned();
        if language == "en" {
            return english();
        }
        #[cfg(all(feature = "std", not(target_arch = "wasm32")))]
        if let Some(name) = region_name(language, code) {
            return name.to_owned();
        }
        crate::host::region_name_in(&self.locale, code).unwrap_or_else(english)
    }
}

/// A country's CLDR name in a language of [`region_names`], by binary search.
#[cfg(all(feature = "std", not(target_arch = "wasm32")))]
pub fn region_name(language: &str, code: &str) -> Option<&'static str> {
    let (_, names) = region_names::NAMES.iter().find(|(l, _)| *l == language)?;
    names.binary_search_by(|(c, _)| (*c).cmp(code)).ok().map(|i| names[i].1)
}

/// The `term.*` keys the built-in English has, with its words, in the order of `en.json`: the list's separator,
/// the postcode's and the states' names (the default, then the countries' own, in the country table's order), the
/// JSON kinds with their articles, and a space.
pub fn english_terms() -> Vec<(String, String)> {
    let mut terms = vec![("or".to_owned(), "or".to_owned())];
    let countries = || crate::countries::COUNTRIES.iter().map(|c| c.code());
    for (key, term) in [("postcode", vocab::postcode_term as fn(&str) -> &'static str), ("state", vocab::state_term)] {
        let default = term("");
        terms.push((key.to_owned(), default.to_owned()));
        for code in countries().filter(|code| term(code) != default) {
            terms.push((crate::text::concat(&[key, ".", code]), term(code).to_owned()));
        }
    }
    for kind in ["object", "array", "string", "number", "boolean", "null"] {
        let mut word = String::new();
        vocab::push_with_article(&mut word, kind);
        terms.push((crate::text::concat(&["a.", kind]), word));
    }
    let mut space = String::new();
    crate::text::describe_into(&mut space, ' ');
    terms.push(("char.space".to_owned(), space));
    terms
}

/// `core/catalogs/en.json`: the built-in English as a catalog, every code's template(s) in the order of
/// [`crate::codes::WORDINGS`], then the words of [`english_terms`], then the browser host's texts ([`host::ALL`]), then
/// the command line's ([`cli::ALL`]); JSON with two spaces of indentation.
pub fn english_json() -> String {
    let mut out = String::from("{\n");
    let mut entries: Vec<(String, Vec<&str>)> = Vec::new();
    for table in crate::codes::WORDINGS {
        for wording in table.rows() {
            match entries.last_mut() {
                Some((code, texts)) if wording.index() > 0 && code == wording.code() => texts.push(wording.template()),
                _ => entries.push((wording.code().to_owned(), vec![wording.template()])),
            }
        }
    }
    let terms = english_terms();
    entries.extend(terms.iter().map(|(key, word)| (crate::text::concat(&["term.", key]), vec![word.as_str()])));
    entries.extend(host::ALL.iter().chain(cli::ALL).map(|text| (text.key.to_owned(), vec![text.en])));
    let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
    for (i, (key, texts)) in entries.iter().enumerate() {
        out.push_str("  ");
        out.push_str(&string(key));
        out.push_str(": ");
        if let [text] = texts.as_slice() {
            out.push_str(&string(text));
        } else {
            out.push_str("[\n");
            for (j, text) in texts.iter().enumerate() {
                out.push_str("    ");
                out.push_str(&string(text));
                out.push_str(if j + 1 < texts.len() { ",\n" } else { "\n" });
            }
            out.push_str("  ]");
        }
        out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Reason;
    use crate::rules::postcode::PostalCodeReason;

    const DE: &str = r#"{
        "postal_code.too_long": "Höchstens {max} {max|one:Zeichen|other:Zeichen}.",
        "state.unknown": ["„{value}“ ist kein {country|state} ({country|name}): {accepted|or}.", "Kein {country|state}."],
        "term.or": "oder",
        "term.state": "Bundesland",
        "term.a.object": "ein Objekt",
        "term.char.space": "ein Leerzeichen"
    }"#;

    #[test]
    fn a_catalog_fills_its_own_templates_and_words() {
        let de = Catalog::parse("de-DE", DE).unwrap();
        assert_eq!(de.language(), "de");
        let reason = PostalCodeReason::TooLong { max: 1 };
        assert_eq!(de.message(reason.wording(), &reason.params()), "Höchstens 1 Zeichen.");
        let params = Params::default()
            .with("value", "XX")
            .with("country", "DE")
            .with("accepted", ["BY", "BE"].as_slice())
            .with("character", ' ')
            .with("found", "object");
        assert_eq!(
            de.fill("„{value}“ ist kein {country|state} ({country|name}): {accepted|or}.", &params),
            "„XX“ ist kein Bundesland (Deutschland): BY oder BE."
        );
        assert_eq!(
            de.fill("{character|char}, {found|a}, {country|postcode}", &params),
            "ein Leerzeichen, ein Objekt, postcode"
        );
        assert_eq!(de.fill("{country|In}", &params), "Deutschland", "no English articles in other languages");
    }

    #[test]
    fn what_a_catalog_lacks_is_english() {
        let de = Catalog::parse("de", DE).unwrap();
        let reason = PostalCodeReason::Required { country: "US", example: None };
        assert_eq!(de.message(reason.wording(), &reason.params()), reason.message());
        assert!(Catalog::parse("de", "[1]").is_err());
        assert!(Catalog::parse("de", r#"{"a": 1}"#).is_err());
    }

    #[test]
    fn english_as_a_catalog_is_the_built_in_english() {
        let en = Catalog::parse("en", &english_json()).unwrap();
        let params = Params::default().with("country", "NL").with("accepted", ["ON", "QC"].as_slice());
        for template in ["{country|In} {country|in}: {accepted|or}, {country|postcode}", "{country|state}"] {
            assert_eq!(en.fill(template, &params), message::fill(template, &params));
        }
    }
}
