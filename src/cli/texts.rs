//! Every text the command line writes for people, in the language of `--lang`: its own texts (the table
//! [`tenantcheck_core::catalog::cli`], each a `cli.*` key of the message catalogs with its English template) and the
//! core's messages, filled from named params by the core's template syntax ([`tenantcheck_core::message`], with CLDR
//! plural forms). The other modules name a [`Text`] and never write a sentence of their own. English is built in;
//! another language is its built-in catalog (or the file of `--catalog`, then the built-in one of its language),
//! whose missing keys stay English. What the system or a parser says (a file's `No such file or directory`, a JSON
//! syntax error) is shown as it comes, inside the text.

use crate::catalogs::{self, CatalogError};
use crate::cli::args::CheckArgs;
pub use tenantcheck_core::catalog::cli::*;
use tenantcheck_core::catalog::Catalog;
use tenantcheck_core::issue::Wording;
use tenantcheck_core::{Issue, Param, Params, Reason, Report};

/// The command line's language: the catalogs to look a text up in, first to last, then the built-in English.
#[derive(Debug)]
pub struct Words {
    /// The records' catalog first (`--catalog`'s file, or the built-in one of `--lang`), then the built-in one of
    /// the file's language. Empty for English.
    catalogs: Vec<Catalog>,
    /// English, for its plural rules.
    english: Catalog,
}

impl Words {
    /// The built-in English.
    pub fn english() -> Words {
        Words { catalogs: Vec::new(), english: Catalog::empty("en") }
    }

    /// The language of `--lang` (and `--catalog`). On a failure, the complaint in the best language at hand: the
    /// built-in catalog of `--lang` when `--catalog`'s file is the trouble, else English.
    pub fn for_args(args: &CheckArgs) -> Result<Words, String> {
        let Some(tag) = &args.lang else { return Ok(Words::english()) };
        let built_in = catalogs::for_locale(tag);
        let Some(path) = &args.catalog else {
            return match built_in {
                Ok(catalog) => Ok(Words { catalogs: catalog.into_iter().collect(), ..Words::english() }),
                Err(e) => Err(Words::english().catalog_error(&e)),
            };
        };
        let built_in = built_in.ok().flatten();
        match catalogs::from_file(tag, path) {
            Ok(file) => Ok(Words { catalogs: std::iter::once(file).chain(built_in).collect(), ..Words::english() }),
            Err(e) => Err(Words { catalogs: built_in.into_iter().collect(), ..Words::english() }.catalog_error(&e)),
        }
    }

    /// The catalog the records' messages come from; `None` for the built-in English.
    #[cfg(test)]
    fn messages(&self) -> Option<&Catalog> {
        self.catalogs.first()
    }

    /// A text filled from its params.
    pub fn say(&self, text: Text, params: &Params) -> String {
        self.first(|c| c.text(text.key), params).unwrap_or_else(|| self.english.fill(text.en, params))
    }

    /// A text without params.
    pub fn word(&self, text: Text) -> String {
        self.say(text, &Params::default())
    }

    /// A wording's message in this language: the first catalog that has its template (`--catalog`'s file, then the
    /// built-in one of its language), else `english` (the built-in English message).
    fn message(&self, wording: Wording, params: &Params, english: impl FnOnce() -> String) -> String {
        self.first(|c| c.template(wording), params).unwrap_or_else(english)
    }

    /// The template the first catalog has (`--catalog`'s file, then the built-in one of its language), filled in that
    /// catalog's language; `None` where none has it.
    fn first<'c>(&'c self, template: impl Fn(&'c Catalog) -> Option<&'c str>, params: &Params) -> Option<String> {
        self.catalogs.iter().find_map(|c| template(c).map(|t| c.fill(t, params)))
    }

    /// A reason's message (a refused rule set's) in this language.
    pub fn reason(&self, reason: &impl Reason) -> String {
        self.message(reason.wording(), &reason.params(), || reason.message())
    }

    /// A wording's message in this language; `english` (the message it made) for English.
    pub fn rule(&self, wording: Wording, params: &Params, english: &str) -> String {
        self.message(wording, params, || english.to_owned())
    }

    /// An issue's message in this language.
    pub fn issue(&self, issue: &Issue) -> String {
        self.message(issue.wording, &issue.params, || issue.message.clone())
    }

    /// Every message of a report in this language (the records' messages, for every output).
    pub fn localize(&self, report: &mut Report) {
        if self.catalogs.is_empty() {
            return;
        }
        for issue in report.errors.iter_mut().chain(report.warnings.iter_mut()) {
            issue.message = self.issue(issue);
        }
    }

    /// Why `--lang` or `--catalog` gave no catalog.
    pub fn catalog_error(&self, e: &CatalogError) -> String {
        match e {
            CatalogError::Unknown { tag } => {
                let known: Vec<&str> = catalogs::locales().collect();
                self.say(UNKNOWN_LANG, &Params::default().with("tag", tag).with("known", known.as_slice()))
            }
            CatalogError::Broken { tag, detail } => {
                self.say(BROKEN_CATALOG, &Params::default().with("tag", tag).with("detail", detail))
            }
            CatalogError::Unreadable { file, detail } => self.file_detail(CANNOT_READ, file, detail),
            CatalogError::NotCatalog { file, detail } => self.file_detail(BAD_CATALOG, file, detail),
        }
    }

    /// A text of params `file` and `detail`.
    pub fn file_detail(&self, text: Text, file: &str, detail: impl std::fmt::Display) -> String {
        self.say(text, &Params::default().with("file", file).with("detail", detail.to_string()))
    }

    /// A text of param `file`.
    pub fn file(&self, text: Text, file: &str) -> String {
        self.say(text, &Params::default().with("file", file))
    }
}

/// A count as a param.
pub fn count(n: u64) -> Param {
    Param::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn greek() -> Words {
        Words { catalogs: catalogs::for_locale("el").unwrap().into_iter().collect(), ..Words::english() }
    }

    #[test]
    fn english_counts_with_plural_forms() {
        let words = Words::english();
        let counts = |n: u64| {
            let params = Params::default().with("records", count(n)).with("valid", count(0)).with("invalid", count(n));
            words.say(COUNTS, &params)
        };
        assert_eq!(counts(1), "1 record: 0 valid, 1 invalid.");
        assert_eq!(counts(2), "2 records: 0 valid, 2 invalid.");
        assert!(words.messages().is_none());
    }

    #[test]
    fn a_language_says_every_text_and_english_fills_what_a_catalog_lacks() {
        let words = greek();
        assert_eq!(words.messages().map(Catalog::language), Some("el"));
        for text in ALL {
            assert!(words.messages().and_then(|c| c.text(text.key)).is_some(), "{} is not in el.json", text.key);
        }
        assert_eq!(words.word(SUMMARY_ERRORS), words.messages().and_then(|c| c.text(SUMMARY_ERRORS.key)).unwrap());
        let partial = Words {
            catalogs: vec![Catalog::parse("el", r#"{"cli.error.directory": "{file}: φάκελος"}"#).unwrap()],
            ..Words::english()
        };
        assert_eq!(partial.file(IS_DIRECTORY, "x"), "x: φάκελος");
        assert_eq!(partial.file(UNKNOWN_FORMAT, "x"), Words::english().file(UNKNOWN_FORMAT, "x"));
    }

    #[test]
    fn an_unknown_language_is_refused_in_english() {
        let e = CatalogError::Unknown { tag: "tlh".into() };
        assert_eq!(
            Words::english().catalog_error(&e),
            "no messages in \"tlh\"; --lang takes one of: en, de, el, es, fr"
        );
    }
}
