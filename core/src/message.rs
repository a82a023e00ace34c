//! Messages as templates filled from an issue's `params` (validator's `code + message + params`): every reason has
//! one template per wording, and what a message shows comes from its params, so a translation reads the same values
//! the English message was made from. The English templates are built in ([`fill`]); a message catalog of another
//! language holds templates in the same syntax ([`crate::catalog`], `docs/messages.md`).
//!
//! A template is text with placeholders: `{name}` is the param `name` (a number in decimal, a list joined by `, `),
//! and `{name|filter}` the param shown through one of these filters (a catalog's words are its `term.*` entries):
//!
//! | filter | param | shows |
//! |---|---|---|
//! | `or` | a list | its items joined by ` or ` (a catalog: by its `term.or`) |
//! | `char` | one character | the character named as [`text::describe_into`] does (`"é" (U+00E9)`, `U+200B`, `a space`; a catalog: `term.char.space` for a space) |
//! | `a` | a JSON kind | the kind with its article (`an object`, `a string`, `null`; a catalog: `term.a.<kind>`) |
//! | `in` | a country code | English only: the country's English name inside a sentence (`the United States`) |
//! | `In` | a country code | English only: the same, starting a sentence (`The Netherlands`) |
//! | `name` | a country code | the country's name (CLDR), in the catalog's language (`United States`, `Vereinigte Staaten`) |
//! | `postcode` | a country code | what the country calls its postcode (`ZIP code`, `postal code`, `postcode`; a catalog: `term.postcode.<CC>`, else `term.postcode`) |
//! | `state` | a country code | what the country calls its states (`state`, `province or territory`, …; a catalog: `term.state.<CC>`, else `term.state`) |
//!
//! A plural form, where a message counts something: `{name|one:Zeichen|other:Zeichen}` shows the text of the CLDR
//! plural category (`zero`, `one`, `two`, `few`, `many`, `other`) of the number `name` in the catalog's language, or
//! the text of `other` where the category has none (its texts hold no `{`, `}` or `|`). The number itself is a
//! separate `{name}`. Catalogs only: the built-in English uses none, and [`fill`] shows such a placeholder's number.
//!
//! A `{` that does not open such a placeholder (a name of ASCII letters, digits and `_`) is text. A placeholder whose
//! param is absent shows nothing. Filling never fails and never panics.

use crate::params::{Param, Params};
use crate::text;
use crate::vocab;
use alloc::string::String;

/// The English message a template and its params make.
pub fn fill(template: &str, params: &Params) -> String {
    fill_by(template, params, show)
}

/// The message a template and its params make, each param shown by `show` (a language's filters).
pub(crate) fn fill_by(template: &str, params: &Params, show: impl Fn(&mut String, &Param, &str)) -> String {
    let mut out = String::with_capacity(template.len() + 24);
    for part in parts(template) {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Param { name, filter } => {
                if let Some(value) = params.get(name) {
                    show(&mut out, value, filter);
                }
            }
        }
    }
    out
}

/// One piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'t> {
    Text(&'t str),
    /// `{name}` (`filter` empty), `{name|filter}`, or a plural form `{name|one:…|other:…}` (`filter` the forms,
    /// `one:…|other:…`: [`is_plural`]).
    Param {
        name: &'t str,
        filter: &'t str,
    },
}

/// A template's pieces, in order.
pub fn parts(template: &str) -> impl Iterator<Item = Part<'_>> {
    let mut rest = template;
    core::iter::from_fn(move || {
        // The first `{` that opens a placeholder, and the length of what it holds.
        let bytes = rest.as_bytes();
        let mut placeholder = None;
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'{' {
                placeholder = placeholder_len(bytes.get(i + 1..).unwrap_or_default()).map(|len| (i, len));
                if placeholder.is_some() {
                    break;
                }
            }
        }
        let part = match placeholder {
            Some((0, len)) => {
                let inner = rest.get(1..1 + len)?;
                rest = rest.get(len + 2..)?;
                let (name, filter) = text::split_once_at(inner, b'|').unwrap_or((inner, ""));
                Part::Param { name, filter }
            }
            Some((i, _)) => {
                let (text, tail) = rest.split_at_checked(i)?;
                rest = tail;
                Part::Text(text)
            }
            None if rest.is_empty() => return None,
            None => Part::Text(core::mem::take(&mut rest)),
        };
        Some(part)
    })
}

/// The length of `name`, `name|filter` or `name|one:…|other:…` before a closing `}`, when `rest` starts a placeholder:
/// a name of ASCII letters, digits and `_`, then filters of the same characters or plural forms (a category of them,
/// `:`, a text without `{`, `}` and `|`), each after a `|`. One pass, no allocation.
fn placeholder_len(rest: &[u8]) -> Option<usize> {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    // Where the last `|` is (0: none yet), and whether a plural form's text is being read.
    let (mut bar, mut text) = (0, false);
    if !word(*rest.first()?) {
        return None;
    }
    for (i, &b) in rest.iter().enumerate() {
        match b {
            b'}' => return Some(i),
            b'{' => return None,
            b'|' => (bar, text) = (i, false),
            b':' if !text && bar > 0 && i > bar + 1 => text = true,
            _ if text || word(b) => {}
            _ => return None,
        }
    }
    None
}

/// Whether a placeholder's filter is a plural form's texts (`one:…|other:…`).
pub fn is_plural(filter: &str) -> bool {
    filter.bytes().any(|b| b == b':')
}

/// The text a plural form gives a CLDR plural category (`one`), or else its `other` text ("" without one).
pub fn plural_text<'t>(forms: &'t str, category: &str) -> &'t str {
    let mut other = "";
    for form in text::split_by(forms, b'|') {
        if let Some((name, text)) = text::split_once_at(form, b':') {
            if name == category {
                return text;
            }
            if name == "other" {
                other = text;
            }
        }
    }
    other
}

/// The filters [`fill`] knows (the table in the module documentation), besides plural forms.
pub const FILTERS: &[&str] = &["", "or", "char", "a", "in", "In", "name", "postcode", "state"];

/// The first placeholder of a template that its params cannot fill (the param is missing, or the filter unknown):
/// what the tests use to prove that every message shows only what its reason's params hold.
pub fn unfillable<'t>(template: &'t str, params: &Params) -> Option<Part<'t>> {
    parts(template).find(|part| match part {
        Part::Param { name, filter } => params.get(name).is_none() || !(FILTERS.contains(filter) || is_plural(filter)),
        Part::Text(_) => false,
    })
}

/// One param as a filter shows it in English. The built-in English counts nothing with plural forms (tested:
/// `core/tests/catalogs.rs`), so they are left to catalogs ([`crate::catalog`]), and the package's filler has no code
/// for them: a plural form's param shows as the number.
fn show(out: &mut String, value: &Param, filter: &str) {
    match value {
        Param::Int(n) => push_int(out, *n),
        Param::List(items) => push_list(out, items, if filter == "or" { " or " } else { ", " }),
        Param::Str(s) => match filter {
            "char" => text::describe_into(out, first_char(s)),
            "a" => vocab::push_with_article(out, s),
            "in" => vocab::push_country_in_sentence(out, s, false),
            "In" => vocab::push_country_in_sentence(out, s, true),
            "name" => out.push_str(crate::countries::lookup(s).map_or(s.as_str(), |c| c.name())),
            "postcode" => out.push_str(vocab::postcode_term(s)),
            "state" => out.push_str(vocab::state_term(s)),
            _ => out.push_str(s),
        },
    }
}

/// The first character of a `char` filter's param (a space for an empty one).
pub(crate) fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// A list's items joined by `sep`.
pub(crate) fn push_list(out: &mut String, items: &[String], sep: &str) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
}

/// A number in decimal, without `core::fmt` (whose machinery the WebAssembly package does without).
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n.unsigned_abs();
    // The digits from the last, by the array's own iterator: no index, no bounds-check panic.
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        at -= 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in digits.get(at..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Params {
        Params::default()
            .with("max", 64usize)
            .with("character", '\u{200b}')
            .with("country", "US")
            .with("accepted", ["ON", "QC"].as_slice())
            .with("found", "object")
    }

    #[test]
    fn placeholders_are_filled_from_params_through_their_filters() {
        let cases = [
            ("At most {max} characters.", "At most 64 characters."),
            ("{character|char} at 3", "U+200B at 3"),
            ("A {country|postcode} in {country|in}", "A ZIP code in the United States"),
            ("{country|In} ({country})", "The United States (US)"),
            ("a {country|state}: {accepted}; {accepted|or}", "a state: ON, QC; ON or QC"),
            ("not {found|a}", "not an object"),
            ("", ""),
            ("no placeholder", "no placeholder"),
        ];
        for (template, want) in cases {
            assert_eq!(fill(template, &params()), want, "{template}");
        }
    }

    #[test]
    fn what_is_not_a_placeholder_is_text() {
        let cases = [
            ("use . ! # { | } ~ -", "use . ! # { | } ~ -"),
            ("{missing} gone", " gone"),
            ("{max", "{max"),
            ("{}", "{}"),
            ("{ma x}", "{ma x}"),
            ("é{max}é{", "é64é{"),
            ("}{max}}", "}64}"),
        ];
        for (template, want) in cases {
            assert_eq!(fill(template, &params()), want, "{template}");
        }
    }

    #[test]
    fn templates_split_into_text_and_params() {
        let got: Vec<_> = parts("A {country|postcode} of {max}.{").collect();
        let want = [
            Part::Text("A "),
            Part::Param { name: "country", filter: "postcode" },
            Part::Text(" of "),
            Part::Param { name: "max", filter: "" },
            Part::Text(".{"),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_placeholder_without_its_param_or_filter_is_found() {
        assert_eq!(unfillable("{max} and {country|in}", &params()), None);
        assert_eq!(unfillable("{max} {min}", &params()), Some(Part::Param { name: "min", filter: "" }));
        assert_eq!(unfillable("{max|bold}", &params()), Some(Part::Param { name: "max", filter: "bold" }));
    }

    #[test]
    fn country_names_are_filled() {
        let nl = Params::default().with("country", "NL");
        assert_eq!(fill("{country|name}: {country|In}", &nl), "Netherlands: The Netherlands");
        assert_eq!(fill("{country|name}", &params()), "United States");
        assert_eq!(fill("{country|name}", &Params::default().with("country", "XX")), "XX");
        assert_eq!(unfillable("{max|one:x|other:y} {country|name}", &params()), None);
    }

    #[test]
    fn plural_forms_are_placeholders_only_when_well_formed() {
        // The built-in English has none: a well-formed one shows its number.
        let cases = [
            ("{max|one:a b|other:a é}", "64"),
            ("{max|one:x|other:{y}}", "{max|one:x|other:}"),
            ("{max|one x}", "{max|one x}"),
            ("{max|:x}", "{max|:x}"),
            ("{max|one:x|}", "64"),
            ("{|one:x}", "{|one:x}"),
            ("{max|one:x", "{max|one:x"),
        ];
        for (template, want) in cases {
            assert_eq!(fill(template, &params()), want, "{template}");
        }
        let got: Vec<_> = parts("{n|one:Zeichen|other:Zeichen}.").collect();
        assert_eq!(got, [Part::Param { name: "n", filter: "one:Zeichen|other:Zeichen" }, Part::Text(".")]);
        assert_eq!(plural_text("one:a|other:b", "few"), "b");
        assert_eq!(plural_text("one:a|other:b", "one"), "a");
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 1000, -5, i64::MAX, i64::MIN] {
            let mut s = String::new();
            push_int(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
