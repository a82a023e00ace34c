//! The words messages share: what a country calls its postcode and its states, a country's English name inside a
//! sentence, a JSON kind with its article. One home below both their users, the rule modules (whose `params` name
//! the country or kind) and [`crate::message`] (whose filters `postcode`, `state`, `in`, `In` and `a` show them), so
//! that the message module never reaches up into the rules (issue #10, "No import circles").
//!
//! The terms are the ones the postal services use with their customers: the USPS's "ZIP Code", Canada Post's "postal
//! code" with "province or territory", Australia Post's "state or territory"; elsewhere the generic "postcode" and
//! "state or province" (the words of `rules.md` section 2).

use crate::countries::lookup;
use alloc::string::String;

/// What the country calls its postcode, for messages.
pub fn postcode_term(country: &str) -> &'static str {
    match country {
        "US" => "ZIP code",
        "CA" => "postal code",
        _ => "postcode",
    }
}

/// What the country calls its first-level divisions, for messages.
pub fn state_term(country: &str) -> &'static str {
    match country {
        "US" => "state",
        "CA" => "province or territory",
        "AU" => "state or territory",
        _ => "state or province",
    }
}

/// The English name of a country, given by its code or its name, as it reads inside a sentence (`the United States`,
/// `the Netherlands`, `Greece`; `The …` with `capital`, to start one); a text the table does not know as a code is
/// taken as the name. Every name in the table starts with a capital letter and none with an article (tested), so
/// only the article changes.
pub fn push_country_in_sentence(out: &mut String, code_or_name: &str, capital: bool) {
    let name = lookup(code_or_name).map_or(code_or_name, |c| c.name());
    if needs_article(name) {
        out.push_str(if capital { "The " } else { "the " });
    }
    out.push_str(name);
}

/// Whether an English country name takes `the` inside a sentence.
fn needs_article(name: &str) -> bool {
    /// The endings of names that take it (`the Czech Republic`, `the Cook Islands`), joined as [`WITH_ARTICLE`].
    const ENDINGS: &str = " Republic| Islands| Territory| Territories";
    name.starts_with("United ")
        || crate::text::split_by(ENDINGS, b'|').any(|end| name.ends_with(end))
        || crate::text::in_sorted(WITH_ARTICLE, b'|', name)
}

/// The names that take `the` but have no ending of [`needs_article`]'s: sorted, joined by `|` (one string, not a table
/// of string pointers: WebAssembly size).
const WITH_ARTICLE: &str = "Bahamas|Comoros|Gambia|Holy See|Isle of Man|Maldives|Netherlands|\
    Philippines|Seychelles|Vatican City";

/// A JSON type's name with its article: `an array`, `a string`, `null` (the kinds of `request.md`'s
/// `request.not_an_object` and `request.wrong_type`).
pub fn push_with_article(out: &mut String, kind: &str) {
    if kind != "null" {
        out.push_str(if matches!(kind.bytes().next(), Some(b'a' | b'e' | b'i' | b'o' | b'u')) { "an " } else { "a " });
    }
    out.push_str(kind);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::COUNTRIES;

    #[test]
    fn country_names_read_inside_a_sentence() {
        let named = |code: &str, capital: bool| {
            let mut s = String::new();
            push_country_in_sentence(&mut s, code, capital);
            s
        };
        assert_eq!(named("US", false), "the United States");
        assert_eq!(named("NL", true), "The Netherlands");
        assert_eq!(named("DO", false), "the Dominican Republic");
        assert_eq!(named("GR", true), "Greece");
        assert_eq!(named("ZZ", false), "ZZ");
        // Only the article is capitalized for a sentence's start: every name starts with a capital already, and none
        // with an article of its own.
        assert!(COUNTRIES.iter().all(|c| c.name().starts_with(|ch: char| ch.is_uppercase())));
        assert!(COUNTRIES.iter().all(|c| !c.name().starts_with("The ") && !c.name().starts_with("the ")));
        // The list is searched by bytes (`text::in_sorted`, which debug builds check against a scan of it).
        // Every name of the list is found, and is a country's name in the table (a renamed country would lose it), but
        // for "Holy See", CLDR's name of VA where the table says "Vatican City".
        for name in WITH_ARTICLE.split('|') {
            assert!(needs_article(name), "{name}");
            assert!(name == "Holy See" || COUNTRIES.iter().any(|c| c.name() == name), "{name} is no country's name");
        }
        assert!(!needs_article("Greece") && !needs_article("Netherland") && !needs_article("Bahamas2"));
    }

    #[test]
    fn terms_follow_the_country() {
        assert_eq!((postcode_term("US"), state_term("US")), ("ZIP code", "state"));
        assert_eq!((postcode_term("CA"), state_term("CA")), ("postal code", "province or territory"));
        assert_eq!((postcode_term("AU"), state_term("AU")), ("postcode", "state or territory"));
        assert_eq!((postcode_term("DE"), state_term("DE")), ("postcode", "state or province"));
    }

    #[test]
    fn kinds_take_their_article() {
        let with = |kind: &str| {
            let mut s = String::new();
            push_with_article(&mut s, kind);
            s
        };
        assert_eq!(
            [with("object"), with("array"), with("string"), with("null")],
            ["an object", "an array", "a string", "null"]
        );
    }
}
