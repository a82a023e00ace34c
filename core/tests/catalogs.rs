//! The message catalogs of `core/catalogs/` (format: `docs/messages.md`): `en.json` is the built-in English (with the
//! browser host's texts, `catalog::host`, and the command line's, `catalog::cli`), and every other catalog present
//! says every code, wording for wording, and every text of the browser host and of the command line, with the same
//! params, through filters and plural forms the core fills. Runs on the catalogs present.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};
use tenantcheck_core::catalog::{self, cli, host, Catalog, Entry};
use tenantcheck_core::codes;
use tenantcheck_core::issue::Wording;
use tenantcheck_core::message::{self, Part};

/// Where the catalogs are.
fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs")
}

/// Every catalog present but English: (locale, text).
fn translations() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir()).expect("core/catalogs/") {
        let path = entry.unwrap().path();
        let Some(locale) = path.file_stem().and_then(|s| s.to_str()) else { continue };
        if path.extension().is_some_and(|e| e == "json") && locale != "en" {
            found.push((locale.to_owned(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    found.sort();
    found
}

/// Every wording of every code, grouped by code, in the order of `en.json`.
fn english() -> Vec<(&'static str, Vec<Wording>)> {
    let mut codes: Vec<(&'static str, Vec<Wording>)> = Vec::new();
    for wording in codes::WORDINGS.iter().flat_map(|table| table.rows()) {
        match codes.last_mut() {
            Some((code, wordings)) if *code == wording.code() && wording.index() > 0 => wordings.push(wording),
            _ => codes.push((wording.code(), vec![wording])),
        }
    }
    codes
}

/// The params a template shows, by name.
fn params_of(template: &str) -> BTreeSet<&str> {
    message::parts(template)
        .filter_map(|part| match part {
            Part::Param { name, .. } => Some(name),
            Part::Text(_) => None,
        })
        .collect()
}

/// Params a translation's wording may leave out, with the reason: (locale, code, wording, param, reason).
const MAY_OMIT: &[(&str, &str, usize, &str, &str)] = &[];

/// The keys of a catalog in the order of its file, read without a map in between.
struct Keys(Vec<String>);

impl<'de> serde::Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Keys;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a catalog object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, _)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        d.deserialize_map(Visit)
    }
}

#[test]
fn en_json_is_the_built_in_english() {
    let path = dir().join("en.json");
    let made = catalog::english_json();
    if std::env::var_os("UPDATE_CATALOGS").is_some() {
        std::fs::write(&path, &made).unwrap();
    }
    let file = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        file == made,
        "core/catalogs/en.json is not the built-in English; regenerate it with\n  \
         UPDATE_CATALOGS=1 cargo test -p tenantcheck-core --test catalogs en_json\n(then tell the translators what \
         changed: `git diff core/catalogs/en.json`)"
    );
    // The package's English filler has no code for plural forms (`message::fill`): the built-in English uses none.
    for (code, wordings) in english() {
        for wording in wordings {
            let plural = message::parts(wording.template())
                .any(|p| matches!(p, Part::Param { filter, .. } if message::is_plural(filter)));
            assert!(!plural, "{code}: a plural form in the built-in English");
        }
    }
    let en = Catalog::parse("en", &file).unwrap();
    for (code, wordings) in english() {
        for wording in wordings {
            assert_eq!(en.template(wording), Some(wording.template()), "{code}");
        }
    }
}

#[test]
fn every_code_has_one_wording_per_english_one_in_every_catalog() {
    let english = english();
    let en_keys = serde_json::from_str::<Keys>(&catalog::english_json()).unwrap().0;
    assert_eq!(
        english.len() + catalog::english_terms().len() + host::ALL.len() + cli::ALL.len(),
        en_keys.len(),
        "en.json: one key per code, term, host text and command-line text"
    );
    assert!(codes::all().all(|code| english.iter().any(|(c, _)| *c == code)), "every code has an English wording");
    for (locale, text) in translations() {
        let catalog = Catalog::parse(&locale, &text).unwrap_or_else(|e| panic!("{locale}.json: {e}"));
        let keys = serde_json::from_str::<Keys>(&text).unwrap().0;
        let unique: BTreeSet<_> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "{locale}.json names a key twice");
        let entries: Vec<(&str, &Entry)> = catalog.entries().collect();
        for (code, wordings) in &english {
            let entry = entries.iter().find(|(k, _)| k == code).map(|(_, e)| *e);
            let entry = entry.unwrap_or_else(|| panic!("{locale}.json: no message for {code}"));
            match (entry, wordings.len()) {
                (Entry::One(_), 1) => {}
                (Entry::Many(texts), n) if n > 1 && texts.len() == n => {}
                _ => panic!("{locale}.json: {code} needs {} wording(s), as in en.json", wordings.len()),
            }
        }
        // Every key is a code, a word of the filters or a text of the browser host or the command line; codes and
        // texts in the order of en.json, every text of the host and the command line there, as one string.
        let is_text = |key: &str| texts().any(|t| t.key == key);
        for key in &keys {
            let known = english.iter().any(|(c, _)| c == key) || is_text(key) || is_term(key);
            assert!(known, "{locale}.json: unknown key {key}");
        }
        let order = |keys: &[String]| -> Vec<String> {
            keys.iter().filter(|k| english.iter().any(|(c, _)| c == *k) || is_text(k)).cloned().collect()
        };
        assert_eq!(order(&keys), order(&en_keys), "{locale}.json: codes and texts in the order of en.json");
        for text in texts() {
            let entry = entries.iter().find(|(k, _)| *k == text.key).map(|(_, e)| *e);
            assert!(matches!(entry, Some(Entry::One(t)) if !t.is_empty()), "{locale}.json: no text for {}", text.key);
        }
        for (term, _) in catalog::english_terms().iter().filter(|(t, _)| !t.contains(['.']) || t.starts_with("a.")) {
            assert!(catalog.term(term).is_some_and(|w| !w.is_empty()), "{locale}.json: term.{term} is missing");
        }
        assert!(catalog.term("char.space").is_some(), "{locale}.json: term.char.space is missing");
    }
}

/// Whether a key is one of the words the filters read.
fn is_term(key: &str) -> bool {
    let Some(term) = key.strip_prefix("term.") else { return false };
    let country = |cc: &str| tenantcheck_core::countries::lookup(cc).is_some();
    match term.split_once('.') {
        None => ["or", "postcode", "state"].contains(&term),
        Some(("postcode" | "state", cc)) => country(cc),
        Some(("a", kind)) => ["object", "array", "string", "number", "boolean", "null"].contains(&kind),
        Some(("char", "space")) => true,
        _ => false,
    }
}

#[test]
fn every_translation_shows_the_params_of_its_english() {
    for (locale, text) in translations() {
        let catalog = Catalog::parse(&locale, &text).unwrap();
        for (code, wordings) in english() {
            let allowed: BTreeSet<&str> = wordings.iter().flat_map(|w| params_of(w.template())).collect();
            for (i, wording) in wordings.iter().enumerate() {
                let at = format!("{locale}.json: {code}[{i}]");
                let Some(template) = catalog.template(*wording) else { continue };
                for part in message::parts(template) {
                    match part {
                        Part::Param { name, filter } => {
                            assert!(allowed.contains(name), "{at}: {{{name}}} is not a param of {code}");
                            assert!(!["in", "In"].contains(&filter), "{at}: `{filter}` is English only; use `name`");
                            assert_filter(&at, filter);
                        }
                        // A brace that opens no placeholder is a mistyped one, unless the English has braces too.
                        Part::Text(t) => assert!(
                            !t.contains(['{', '}']) || wording.template().contains(['{', '}']),
                            "{at}: a brace that is no placeholder: {template}"
                        ),
                    }
                }
                let shown = params_of(template);
                for param in params_of(wording.template()) {
                    let omitted = MAY_OMIT.iter().any(|(l, c, w, p, _)| (*l, *c, *w, *p) == (&locale, code, i, param));
                    assert!(
                        shown.contains(param) || omitted,
                        "{at}: does not show {{{param}}}, which the English does"
                    );
                }
            }
        }
    }
}

/// The texts of the browser host (`host.*`) and of the command line (`cli.*`).
fn texts() -> impl Iterator<Item = &'static host::Text> {
    host::ALL.iter().chain(cli::ALL)
}

/// A placeholder's filter at `at` is one the filler knows: plural forms with CLDR's categories, or a named filter.
fn assert_filter(at: &str, filter: &str) {
    if message::is_plural(filter) {
        assert_plural_categories(at, filter);
    } else {
        assert!(message::FILTERS.contains(&filter), "{at}: unknown filter `{filter}`");
    }
}

/// Where a plural form's categories are CLDR's, with `other` among them.
fn assert_plural_categories(at: &str, forms: &str) {
    const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    let cats: Vec<&str> = forms.split('|').filter_map(|f| f.split(':').next()).collect();
    assert!(cats.iter().all(|c| CATEGORIES.contains(c)), "{at}: plural categories {cats:?}");
    assert!(cats.contains(&"other"), "{at}: a plural form needs `other`");
}

#[test]
fn command_line_texts_are_keyed_cli_and_their_english_is_well_formed() {
    for english in cli::ALL {
        assert!(english.key.starts_with("cli.") && !english.en.is_empty(), "{}", english.key);
        for part in message::parts(english.en) {
            if let Part::Param { filter, .. } = part {
                assert_filter(english.key, filter);
            }
        }
    }
    let keys: BTreeSet<&str> = texts().map(|t| t.key).collect();
    assert_eq!(keys.len(), host::ALL.len() + cli::ALL.len(), "a text's key is named twice");
}

#[test]
fn every_host_and_command_line_text_shows_the_params_of_its_english() {
    for (locale, text) in translations() {
        let catalog = Catalog::parse(&locale, &text).unwrap();
        for english in texts() {
            let Some((_, Entry::One(template))) = catalog.entries().find(|(k, _)| *k == english.key) else { continue };
            let at = format!("{locale}.json: {}", english.key);
            for part in message::parts(template) {
                match part {
                    Part::Param { name, filter } => {
                        assert!(params_of(english.en).contains(name), "{at}: {{{name}}} is not a param of the text");
                        assert!(!["in", "In"].contains(&filter), "{at}: `{filter}` is English only; use `name`");
                        assert_filter(&at, filter);
                    }
                    Part::Text(t) => assert!(!t.contains(['{', '}']), "{at}: a brace that is no placeholder"),
                }
            }
            let shown = params_of(template);
            for param in params_of(english.en) {
                assert!(shown.contains(param), "{at}: does not show {{{param}}}, which the English does");
            }
        }
    }
}

#[test]
fn country_names_are_cldrs_in_every_catalogs_language() {
    for code in tenantcheck_core::countries::COUNTRIES.iter().map(|c| c.code()) {
        for language in ["el", "de", "fr", "es"] {
            assert!(catalog::region_name(language, code).is_some_and(|n| !n.is_empty()), "{language} {code}");
        }
    }
    assert_eq!(catalog::region_name("de", "US"), Some("Vereinigte Staaten"));
    assert_eq!(catalog::region_name("el", "GR"), Some("Ελλάδα"));
    assert_eq!(catalog::region_name("de", "ZZ"), None);
    let fr = Catalog::parse("fr-CA", "{}").unwrap();
    assert_eq!(fr.country_name("DE"), "Allemagne");
    assert_eq!(fr.country_name("ZZ"), "ZZ");
}
