//! Postcode of the billing address (`rules.md` section 2, "Billing address").
//!
//! - Section 0, then upper case (`rules.md`): ASCII letters only, as every pattern is ASCII; other letters are kept as
//!   typed, so that the output stays in section 0's normal form (**decision**).
//! - Required where Google's address metadata marks it required (its `require` contains `Z`), i.e.
//!   [`Rules::is_postal_code_required`]; validated whenever present against the country's pattern
//!   ([`Rules::postal_code_regex`], anchored at both ends so that a valid code with anything appended fails). Patterns
//!   and examples: Google's address metadata (CC-BY 4.0), or run-time rules fetched from Partner Center [PC-rules].
//! - Countries without postcodes (no pattern: AE, HK, QA, …) accept an empty value. A value given there is kept, with
//!   the warning `postal_code.not_used` (**decision**: Partner Center judges it).
//! - Canonical form (**decision** of `rules.md`): where the pattern allows variants, the output takes the form of the
//!   country's examples (Google's `zipex`): US ZIP+4 with a hyphen (`94043 1351` -> `94043-1351`, Partner Center's US
//!   pattern [PC-rules]), CA and GB with one space (`K1A0B1` -> `K1A 0B1`, `SW1A1AA` -> `SW1A 1AA`), JP with its
//!   hyphen (`1540023` -> `154-0023`). Done generically, see [`canonical`]; an input that matches the pattern only in
//!   its canonical form (PL `00950` -> `00-950`) is accepted in that form.
//! - US and CA: the postcode must agree with the state ([`agrees_with_state`]; [Appxite], **decision** of `rules.md`).

use crate::countries::{us_zip3_states, Rules};
use crate::issue::{Outcome, Params, Reason, Severity};
use crate::pattern::Pattern;
use crate::text::{normalize, MAX_CHARS};
use crate::Checked;

/// Why a postcode is refused, or what was said about it.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostalCodeReason {
    /// Longer than section 0's limit; not processed further.
    TooLong { max: usize },
    /// Empty where the country requires a postcode (Google's `require` contains `Z`, or run-time rules).
    Required { country: &'static str, example: Option<&'static str> },
    /// Does not match the country's pattern. `digits` is set when every valid code of the country has exactly that
    /// many digits and nothing else (for the message).
    Format { country: &'static str, example: Option<&'static str>, digits: Option<usize> },
    /// Warning: the country has no postcodes; the value is kept (**decision**).
    NotUsed { country: &'static str },
    /// US/CA: the postcode belongs to other states than the one given [Appxite].
    StateMismatch { country: &'static str, postal_code: String, state: String, expected: Vec<&'static str> },
}

/// Every code this module emits.
pub const CODES: &[&str] = &[
    "postal_code.too_long",
    "postal_code.required",
    "postal_code.format",
    "postal_code.not_used",
    "postal_code.state_mismatch",
];

crate::display_as_message!(PostalCodeReason);

impl Reason for PostalCodeReason {
    fn code(&self) -> &'static str {
        match self {
            PostalCodeReason::TooLong { .. } => "postal_code.too_long",
            PostalCodeReason::Required { .. } => "postal_code.required",
            PostalCodeReason::Format { .. } => "postal_code.format",
            PostalCodeReason::NotUsed { .. } => "postal_code.not_used",
            PostalCodeReason::StateMismatch { .. } => "postal_code.state_mismatch",
        }
    }

    fn template(&self) -> &'static str {
        match self {
            PostalCodeReason::TooLong { .. } => "A postcode can have at most {max} characters.",
            PostalCodeReason::Required { example: Some(_), .. } => {
                "A {country|postcode} is required for an address in {country|in}, e.g. {example}."
            }
            PostalCodeReason::Required { example: None, .. } => {
                "A {country|postcode} is required for an address in {country|in}."
            }
            PostalCodeReason::Format { digits: Some(_), example: Some(_), .. } => {
                "A {country|postcode} in {country|in} has {digits} digits, e.g. {example}."
            }
            PostalCodeReason::Format { digits: None, example: Some(_), .. } => {
                "This is not a valid {country|postcode} in {country|in}: it looks like {example}."
            }
            PostalCodeReason::Format { digits: Some(_), example: None, .. } => {
                "A {country|postcode} in {country|in} has {digits} digits."
            }
            PostalCodeReason::Format { digits: None, example: None, .. } => {
                "This is not a valid {country|postcode} in {country|in}."
            }
            PostalCodeReason::NotUsed { .. } => {
                "There are no postcodes in {country|in}; the value was kept for Partner Center to judge."
            }
            PostalCodeReason::StateMismatch { .. } => {
                "The {country|postcode} {postalCode} belongs to {expected|or}, not {state}."
            }
        }
    }

    fn params(&self) -> Params {
        let with_example = |p: Params, example: &Option<&'static str>| match example {
            Some(e) => p.with("example", *e),
            None => p,
        };
        match self {
            PostalCodeReason::TooLong { max } => Params::default().with("max", *max),
            PostalCodeReason::Required { country, example } => {
                with_example(Params::default().with("country", *country), example)
            }
            PostalCodeReason::Format { country, example, digits } => {
                let p = with_example(Params::default().with("country", *country), example);
                match digits {
                    Some(n) => p.with("digits", *n),
                    None => p,
                }
            }
            PostalCodeReason::NotUsed { country } => Params::default().with("country", *country),
            PostalCodeReason::StateMismatch { country, postal_code, state, expected } => Params::default()
                .with("country", *country)
                .with("postalCode", postal_code)
                .with("state", state)
                .with("expected", expected.as_slice()),
        }
    }

    fn severity(&self) -> Severity {
        match self {
            PostalCodeReason::NotUsed { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// What the country calls its postcode, for messages.
pub(crate) fn term(country: &str) -> &'static str {
    match country {
        "US" => "ZIP code",
        "CA" => "postal code",
        _ => "postcode",
    }
}

/// Checks the postcode against the rules in force for the billing country (see the module documentation). Returns
/// the upper-case value, in the canonical form of the country's examples where the pattern allows variants.
pub fn check(raw: &str, rules: &Rules<'_>) -> Outcome<String, PostalCodeReason> {
    let country = rules.country;
    let example = country.postal_code_example();
    let text = normalize(raw).map_err(|_| PostalCodeReason::TooLong { max: MAX_CHARS })?;
    let mut upper = text.to_ascii_uppercase();
    if !upper.is_ascii() {
        // Upper case can leave NFKC (`i\u{307}` → `I\u{307}`, which composes to `İ`): normalize once more so the
        // value is a fixed point.
        upper = normalize(&upper).map_err(|_| PostalCodeReason::TooLong { max: MAX_CHARS })?.into_owned();
    }
    if upper.is_empty() {
        return if rules.is_postal_code_required {
            Err(PostalCodeReason::Required { country: country.code(), example })
        } else {
            Ok(Checked::ok(upper))
        };
    }
    let Some(regex) = rules.postal_code_regex else {
        return Ok(Checked::warn(upper, PostalCodeReason::NotUsed { country: country.code() }));
    };
    if let Some(c) = canonical(&upper, regex, country.postal_code_examples()) {
        return Ok(Checked::ok(c));
    }
    if regex.is_match(&upper) {
        return Ok(Checked::ok(upper));
    }
    Err(PostalCodeReason::Format {
        country: country.code(),
        example,
        digits: digit_count(regex, country.postal_code_examples()),
    })
}

/// Separators people type inside a postcode: space, hyphen and the Unicode dashes NFKC leaves alone.
fn is_typed_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Separators inside an example.
fn is_example_separator(c: u8) -> bool {
    c == b' ' || c == b'-'
}

/// An example's characters without its separators.
fn bare_bytes(example: &str) -> impl Iterator<Item = u8> + '_ {
    example.bytes().filter(|&c| !is_example_separator(c))
}

/// Two characters have the same shape: both letters, both digits, or the same other character.
fn same_shape(a: u8, b: u8) -> bool {
    (a.is_ascii_alphabetic() && b.is_ascii_alphabetic()) || (a.is_ascii_digit() && b.is_ascii_digit()) || a == b
}

/// The canonical form of an upper-case postcode, if one is found (**decision**): the input without its spaces and
/// hyphens gets the separators of an example, and the result must match the pattern. Examples are tried in turn:
///
/// 1. an example with as many characters (separators aside) and the same letter/digit shape (`SW1A1AA` takes the
///    space of `EC1Y 8SY`);
/// 2. an example with as many characters, any shape (`D02X285` takes the space of `A65 F4E2`);
/// 3. aligned at the end: the example's part from its first separator on, when the input's tail has its shape
///    (`M11AE` would take the space of `M2 5BQ` even without an example of its length).
///
/// `None` when no example gives a form that matches; the caller then keeps the input as it is.
pub fn canonical<'e>(upper: &str, regex: &Pattern, examples: impl Iterator<Item = &'e str> + Clone) -> Option<String> {
    // Every pattern and example is ASCII: a bare form with anything else cannot match, so work on bytes.
    let bare: String = upper.chars().filter(|&c| !is_typed_separator(c)).collect();
    if bare.is_empty() || !bare.is_ascii() {
        return None;
    }
    let bare = bare.as_bytes();
    // Lays `input` into the separator layout of `layout` (an example or its tail), after `head`.
    let lay = |head: &[u8], layout: &str, input: &[u8]| -> String {
        let mut out = String::with_capacity(head.len() + layout.len());
        out.extend(head.iter().map(|&b| char::from(b)));
        let mut input = input.iter();
        for c in layout.bytes() {
            if is_example_separator(c) {
                out.push(char::from(c));
            } else if let Some(&b) = input.next() {
                out.push(char::from(b));
            }
        }
        out
    };
    for strict in [true, false] {
        for ex in examples.clone() {
            if bare_bytes(ex).count() != bare.len()
                || (strict && !bare_bytes(ex).zip(bare).all(|(x, &y)| same_shape(x, y)))
            {
                continue;
            }
            let out = lay(&[], ex, bare);
            if regex.is_match(&out) {
                return Some(out);
            }
        }
    }
    for ex in examples {
        let Some(first_sep) = ex.bytes().position(is_example_separator) else {
            continue;
        };
        let ex_tail = ex.get(first_sep..).unwrap_or_default();
        let tail_len = bare_bytes(ex_tail).count();
        let Some(head_len) = bare.len().checked_sub(tail_len).filter(|&n| n > 0) else {
            continue;
        };
        let (head, tail) = bare.split_at(head_len);
        if !bare_bytes(ex_tail).zip(tail).all(|(x, &y)| same_shape(x, y)) {
            continue;
        }
        let out = lay(head, ex_tail, tail);
        if regex.is_match(&out) {
            return Some(out);
        }
    }
    None
}

/// The number of digits every postcode of the country has, when the pattern accepts digit strings of exactly one
/// length (checked on strings built from the first all-digit example, up to four digits longer), for the message
/// "has 5 digits". `None` when the codes hold letters or the length varies.
fn digit_count<'e>(regex: &Pattern, examples: impl Iterator<Item = &'e str> + Clone) -> Option<usize> {
    let digits: Vec<char> = examples
        .clone()
        .find(|e| e.chars().any(|c| c.is_ascii_digit()))?
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    if !digits.iter().all(char::is_ascii_digit) {
        return None;
    }
    let n = digits.len();
    let mut accepted = None;
    for len in 1..=n + 4 {
        let probe: String = digits.iter().cycle().take(len).collect();
        let ok = canonical(&probe, regex, examples.clone()).is_some() || regex.is_match(&probe);
        match (ok, accepted) {
            (true, None) => accepted = Some(len),
            (true, Some(_)) => return None,
            (false, _) => {}
        }
    }
    accepted
}

/// Checks that a postcode agrees with the state (`rules.md`: "US and CA: state, postcode and city must agree"
/// [Appxite]; the check of state against postcode is a **decision**). Expects values already normalized and valid on
/// their own; anything else, or another country, is `Ok`.
///
/// - US: the ZIP's first three digits must be one of the state's prefixes ([`crate::countries::US_ZIP3`], derived from the
///   `zipcodes` package; a prefix may belong to several states). A prefix the table does not know is `Ok`
///   (**decision**: the table speaks only for prefixes it has; Partner Center judges the rest).
/// - CA by first letter: A NL, B NS, C PE, E NB, G H J QC, K L M N P ON, R MB, S SK, T AB, V BC, Y YT; X0A X0B X0C
///   NU, X0E X0G X1A NT; `K1A` (federal government) in ON or QC (`rules.md`).
pub fn agrees_with_state(country_code: &str, state: &str, postal_code: &str) -> Result<(), PostalCodeReason> {
    let state = crate::text::trim(state);
    if state.is_empty() {
        return Ok(());
    }
    let (country, expected): (&'static str, Option<&'static str>) = if country_code.eq_ignore_ascii_case("US") {
        ("US", us_states(postal_code))
    } else if country_code.eq_ignore_ascii_case("CA") {
        ("CA", ca_provinces(postal_code))
    } else {
        return Ok(());
    };
    let Some(expected) = expected else {
        return Ok(());
    };
    let expected = crate::text::split_by(expected, b' ');
    if expected.clone().any(|s| s.eq_ignore_ascii_case(state)) {
        return Ok(());
    }
    Err(PostalCodeReason::StateMismatch {
        country,
        postal_code: postal_code.to_owned(),
        state: state.to_owned(),
        expected: expected.collect(),
    })
}

/// The states of a US ZIP's 3-digit prefix, joined by a space.
fn us_states(zip: &str) -> Option<&'static str> {
    us_zip3_states(zip.get(..3)?)
}

/// The provinces or territories of a Canadian postal code (`rules.md`), joined by a space.
fn ca_provinces(code: &str) -> Option<&'static str> {
    let fsa = code.get(..3).unwrap_or(code).to_ascii_uppercase();
    match fsa.as_str() {
        "K1A" => return Some("ON QC"),
        "X0A" | "X0B" | "X0C" => return Some("NU"),
        "X0E" | "X0G" | "X1A" => return Some("NT"),
        _ => {}
    }
    let provinces = match fsa.bytes().next()? {
        b'A' => "NL",
        b'B' => "NS",
        b'C' => "PE",
        b'E' => "NB",
        b'G' | b'H' | b'J' => "QC",
        b'K' | b'L' | b'M' | b'N' | b'P' => "ON",
        b'R' => "MB",
        b'S' => "SK",
        b'T' => "AB",
        b'V' => "BC",
        b'Y' => "YT",
        _ => return None,
    };
    Some(provinces)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::lookup;
    use crate::countries::COUNTRIES;
    use crate::pattern::Pattern;

    fn rules(code: &str) -> Rules<'static> {
        Rules::default_for(lookup(code).unwrap_or_else(|| panic!("{code} missing from the table")))
    }

    /// Ok((value, warning code)) or Err(code).
    fn run(country: &str, raw: &str) -> Result<(String, Option<&'static str>), &'static str> {
        match check(raw, &rules(country)) {
            Ok(c) => Ok((c.value, c.warnings.first().map(Reason::code))),
            Err(r) => Err(r.code()),
        }
    }

    fn table(cases: &[(&str, &str, Result<&str, &str>)]) {
        for (country, raw, want) in cases {
            let got = run(country, raw);
            let want = want.map(|v| (v.to_owned(), None));
            assert_eq!(got, want, "{country} {raw:?}");
        }
    }

    #[test]
    fn placeholder_countries() {
        table(&[
            // Google's address metadata: US `(\d{5})(?:[ \-](\d{4}))?`, ZIP+4 canonical with a hyphen (decision;
            // Partner Center's US pattern [PC-rules]).
            ("US", "94043", Ok("94043")),
            ("US", "94043-1351", Ok("94043-1351")),
            ("US", "94043 1351", Ok("94043-1351")),
            ("US", "940431351", Ok("94043-1351")),
            ("US", "９４０４３", Ok("94043")),
            ("US", "94043\u{2013}1351", Ok("94043-1351")),
            ("US", "9404", Err("postal_code.format")),
            ("US", "94043-135", Err("postal_code.format")),
            ("US", "94043-13511", Err("postal_code.format")),
            // Anchored: a valid code with anything appended fails (rules.md).
            ("US", "94043x", Err("postal_code.format")),
            ("US", "x94043", Err("postal_code.format")),
            ("US", "94043\n94043", Err("postal_code.format")),
            // Required where Google's `require` has Z (US: ACSZ).
            ("US", "", Err("postal_code.required")),
            ("US", " \u{3000}", Err("postal_code.required")),
            // CA: upper case, one space (decision; examples `H3Z 2Y7`).
            ("CA", "K1A 0B1", Ok("K1A 0B1")),
            ("CA", "k1a0b1", Ok("K1A 0B1")),
            ("CA", "K1A-0B1", Ok("K1A 0B1")),
            ("CA", " h3z  2y7 ", Ok("H3Z 2Y7")),
            ("CA", "ＫＩＡ ０Ｂ１", Err("postal_code.format")),
            ("CA", "D1A 0B1", Err("postal_code.format")),
            ("CA", "K1A 0B", Err("postal_code.format")),
            // GR: 5 digits, `151 24` (Google's zipex).
            ("GR", "106 82", Ok("106 82")),
            ("GR", "10682", Ok("106 82")),
            ("GR", "1068", Err("postal_code.format")),
            ("GR", "106 822", Err("postal_code.format")),
            ("GR", "", Err("postal_code.required")),
        ]);
    }

    #[test]
    fn other_countries() {
        // These need the real table (scripts/gen_countries.py): Google's address metadata.
        table(&[
            // GB: one space (decision); Google's pattern makes it optional.
            ("GB", "SW1A1AA", Ok("SW1A 1AA")),
            ("GB", "sw1a 1aa", Ok("SW1A 1AA")),
            ("GB", "M11AE", Ok("M1 1AE")),
            ("GB", "EC1Y8SY", Ok("EC1Y 8SY")),
            ("GB", "W1A0AX", Ok("W1A 0AX")),
            ("GB", "GIR0AA", Ok("GIR 0AA")),
            ("GB", "BFPO 61", Ok("BFPO 61")),
            ("GB", "SW1A 1AA X", Err("postal_code.format")),
            ("GB", "QQ1 1AA", Err("postal_code.format")),
            ("GB", "", Err("postal_code.required")),
            // JP with its hyphen (decision; zipex `154-0023`).
            ("JP", "1540023", Ok("154-0023")),
            ("JP", "154-0023", Ok("154-0023")),
            ("JP", "154 0023", Ok("154-0023")),
            ("JP", "１５４－００２３", Ok("154-0023")),
            ("JP", "154-002", Err("postal_code.format")),
            // NL: `1234 AB`.
            ("NL", "1234ab", Ok("1234 AB")),
            ("NL", "1234 AB", Ok("1234 AB")),
            ("NL", "0234 AB", Err("postal_code.format")),
            // PL: the pattern requires the hyphen; accepted in canonical form.
            ("PL", "00950", Ok("00-950")),
            ("PL", "00 950", Ok("00-950")),
            // AU: 4 digits.
            ("AU", "2060", Ok("2060")),
            ("AU", "206", Err("postal_code.format")),
            // IE Eircode: shapes vary, space from the example.
            ("IE", "d02x285", Ok("D02 X285")),
            // Countries without postcodes accept an empty value (rules.md: AE, HK, QA).
            ("AE", "", Ok("")),
            ("HK", "", Ok("")),
            ("QA", "", Ok("")),
            // XK, Kosovo.
            ("XK", "10000", Ok("10000")),
        ]);
        // A value where the country has none: kept, warning (decision).
        assert_eq!(run("AE", "12345"), Ok(("12345".to_owned(), Some("postal_code.not_used"))));
        assert_eq!(run("HK", "n/a"), Ok(("N/A".to_owned(), Some("postal_code.not_used"))));
    }

    #[test]
    fn every_example_is_canonical() {
        // Google's zipex are valid and in canonical form; their separator-free form canonicalizes to a valid value.
        for country in COUNTRIES.iter() {
            let r = Rules::default_for(country);
            if country.postal_code_regex().is_some() {
                assert!(r.postal_code_regex.is_some(), "{} pattern does not compile", country.code());
            }
            for ex in country.postal_code_examples() {
                let got = check(ex, &r).map(|c| c.value).map_err(|e| e.code());
                assert_eq!(got.as_deref(), Ok(ex), "{} {ex}", country.code());
                let bare: String = ex.chars().filter(|&c| !matches!(c, ' ' | '-')).collect();
                let got = check(&bare.to_lowercase(), &r);
                assert!(got.is_ok(), "{} {bare}", country.code());
                // Anchored: anything appended fails.
                assert!(check(&format!("{ex}9"), &r).is_err() || check(&format!("{ex}Z"), &r).is_err());
            }
        }
    }

    #[test]
    fn runtime_pattern() {
        // Run-time rules [PC-rules]: Partner Center's US pattern requires the hyphen.
        let pc = Pattern::anchored(r"\d{5}(-\d{4})?").unwrap();
        let us = Rules { postal_code_regex: Some(&pc), ..rules("US") };
        assert_eq!(check("94043 1351", &us).map(|c| c.value), Ok("94043-1351".to_owned()));
        assert!(check("94043 135", &us).is_err());
        // Optional where run-time rules say so.
        let optional = Rules { is_postal_code_required: false, ..rules("GR") };
        assert_eq!(check("", &optional).map(|c| c.value), Ok(String::new()));
        assert!(check("1", &optional).is_err());
    }

    #[test]
    fn messages() {
        let err = check("1068", &rules("GR")).unwrap_err();
        assert_eq!(err.to_string(), "A postcode in Greece has 5 digits, e.g. 151 24.");
        assert_eq!(err.params().get("example"), Some(&crate::Param::Str("151 24".into())));
        let err = check("9404", &rules("US")).unwrap_err();
        assert!(err.to_string().contains("the United States"), "{err}");
        assert!(err.to_string().contains("95014"), "{err}");
        let err = check("D1A", &rules("CA")).unwrap_err();
        assert_eq!(err.params().get("digits"), None);
        assert_eq!(check(&"1".repeat(1001), &rules("US")).unwrap_err().code(), "postal_code.too_long");
        for r in [
            PostalCodeReason::TooLong { max: 1 },
            PostalCodeReason::Required { country: "US", example: None },
            PostalCodeReason::Format { country: "US", example: None, digits: None },
            PostalCodeReason::NotUsed { country: "AE" },
            PostalCodeReason::StateMismatch {
                country: "US",
                postal_code: String::new(),
                state: String::new(),
                expected: vec![],
            },
        ] {
            assert!(CODES.contains(&r.code()));
        }
    }

    #[test]
    fn state_agreement() {
        let m = |c: &str, s: &str, p: &str| agrees_with_state(c, s, p).map_err(|r| r.code());
        let mismatch = Err("postal_code.state_mismatch");
        // US prefix sets from the `zipcodes` package; a prefix may belong to two states (rules.md: 063 CT/NY).
        assert_eq!(m("US", "CA", "94043"), Ok(()));
        assert_eq!(m("US", "CA", "94043-1351"), Ok(()));
        assert_eq!(m("US", "NY", "94043"), mismatch);
        assert_eq!(m("US", "NY", "10001"), Ok(()));
        assert_eq!(m("US", "CT", "06390"), Ok(()));
        assert_eq!(m("US", "NY", "06390"), Ok(()));
        assert_eq!(m("US", "NJ", "06390"), mismatch);
        // Prefixes of several states (rules.md: 205 DC/MD/VA, 726 AR/MO, 739 OK/TX, 834 ID/WY; zipcodes data).
        for (zip, states) in [
            ("20500", &["DC", "MD", "VA"][..]),
            ("72600", &["AR", "MO"]),
            ("73900", &["OK", "TX"]),
            ("83400", &["ID", "WY"]),
        ] {
            for s in states {
                assert_eq!(m("US", s, zip), Ok(()), "{zip} {s}");
            }
            assert_eq!(m("US", "CA", zip), mismatch, "{zip}");
        }
        // Unknown prefix: no opinion (decision).
        assert_eq!(m("US", "CA", "00000"), Ok(()));
        // Canada by first letter (rules.md).
        assert_eq!(m("CA", "QC", "H3Z 2Y7"), Ok(()));
        assert_eq!(m("CA", "ON", "H3Z 2Y7"), mismatch);
        assert_eq!(m("CA", "BC", "V8X 3X4"), Ok(()));
        assert_eq!(m("CA", "AB", "T0L 1K0"), Ok(()));
        assert_eq!(m("CA", "NL", "A1A 1A1"), Ok(()));
        assert_eq!(m("CA", "ON", "K1A 0B1"), Ok(()));
        assert_eq!(m("CA", "QC", "K1A 0B1"), Ok(()));
        assert_eq!(m("CA", "QC", "K1B 0B1"), mismatch);
        assert_eq!(m("CA", "NU", "X0A 0H0"), Ok(()));
        assert_eq!(m("CA", "NT", "X0A 0H0"), mismatch);
        assert_eq!(m("CA", "NT", "X1A 2P8"), Ok(()));
        assert_eq!(m("CA", "YT", "Y1A 1A1"), Ok(()));
        // Other countries: no check.
        assert_eq!(m("GR", "Attica", "106 82"), Ok(()));
        // Never panics, whatever it gets.
        assert_eq!(m("US", "CA", "9€"), Ok(()));
        assert_eq!(m("US", "CA", ""), Ok(()));
        assert_eq!(m("CA", "ON", "€"), Ok(()));
        assert_eq!(m("US", "", "94043"), Ok(()));
        let err = agrees_with_state("CA", "AB", "K1A 0B1").unwrap_err();
        assert_eq!(err.to_string(), "The postal code K1A 0B1 belongs to ON or QC, not AB.");
    }

    #[test]
    fn never_panics() {
        let inputs = ["", "€", "\u{0}", "ß", "ﬁ", "-", " - ", "--", "🇬🇷", "\u{10FFFF}", "a\u{301}", "İ", "ǅ"];
        for country in COUNTRIES.iter() {
            let r = Rules::default_for(country);
            for i in inputs {
                let _ = check(i, &r);
                let _ = check(&i.repeat(400), &r);
                let _ = agrees_with_state(country.code(), i, i);
            }
        }
    }

    proptest::proptest! {
        // Never panics on any input (brief); the canonical form is stable: an accepted value is accepted again
        // unchanged.
        #[test]
        fn any_text(
            s in "(?i)[0-9a-z \\-]{0,12}",
            t in proptest::prelude::any::<String>(),
        ) {
            for code in ["US", "CA", "GB", "JP", "NL", "PL", "IE", "AE", "PE", "GR"] {
                let r = rules(code);
                for raw in [&s, &t] {
                    if let Ok(c) = check(raw, &r) {
                        proptest::prop_assert_eq!(check(&c.value, &r).map(|c| c.value), Ok(c.value.clone()));
                    }
                    let _ = agrees_with_state(code, raw, raw);
                    let _ = agrees_with_state(code, "CA", raw);
                }
            }
        }
    }
}
