//! Postcode of the billing address (`rules.md` section 2, "Billing address").
//!
//! - Section 0, then upper case (`rules.md`): ASCII letters only, as every pattern is ASCII; other letters are kept as
//!   typed, so that the output stays in section 0's normal form (**decision**).
//! - Required where Google's address metadata marks it required (its `require` contains `Z`), i.e.
//!   [`Rules::is_postal_code_required`]; validated whenever present against the country's pattern
//!   ([`Rules::postal_code_regex`], anchored at both ends so that a valid code with anything appended fails). Patterns
//!   and examples: Google's address metadata (CC-BY 4.0), tightened to the postal operator's published format where
//!   Google's is looser (IE Eircode routing keys, DE, ES, IN, SE, CH, AT, BE, HU, GR, CZ, TR, TH, AU: each with its
//!   source in `scripts/README-data.md`), or run-time rules fetched from Partner Center [PC-rules].
//! - Countries without postcodes (no pattern: AE, HK, QA, …) accept an empty value. A value given there is kept, with
//!   the warning `postal_code.not_used` (**decision**: Partner Center judges it).
//! - Canonical form (**decision** of `rules.md`): where the pattern allows variants, the output takes the form of the
//!   country's examples (Google's `zipex`): US ZIP+4 with a hyphen (`94043 1351` -> `94043-1351`, Partner Center's US
//!   pattern [PC-rules]), CA and GB with one space (`K1A0B1` -> `K1A 0B1`, `SW1A1AA` -> `SW1A 1AA`), JP with its
//!   hyphen (`1540023` -> `154-0023`). See [`canonical`]: it only re-spaces, re-cases and re-punctuates a value that
//!   already is a code of the country. A separator the user typed must stand where the canonical form has one, or
//!   the value as typed must match the pattern: `Dublin 2` is never re-spaced into `DUB LIN2` (`rules.md`).
//! - Pasted forms (`rules.md`), removed before the check when what remains is a code of the country:
//!   - a postal prefix ([`crate::countries::postal_prefixes`]): Google's `postprefix` (AX AZ CH FI FO HR HT LI LT LU
//!     MC MD PR SE SI), and the old European prefixes from the road-vehicle signs that a 1965 CEPT recommendation put
//!     before postcodes (`A-` AT, `B-` BE, `D-` DE, `DK-`, `E-` ES, `F-` FR, `FIN-`/`SF-` FI, `FL-` LI, `H-` HU,
//!     `I-` IT, `L-` LU, `N-` NO, `NL-`, `P-` PT, `S-` SE, `SLO-` SI; UPU POST*CODE unit, quoted on the Unicode
//!     mailing list, 1997) and the ISO 3166 codes that replaced them (`AT` `BE` `CZ` `DE` `ES` `FR` `GR` `HU` `IT`
//!     `LU` `NO` `PL` `PT` `RO` `SE` …);
//!   - Japan's postal mark `〒`; a long-vowel mark `ー`, a full-width or other dash standing for the hyphen;
//!   - dots in a Brazilian CEP (`04.538-133` -> `04538-133`).
//! - Hints instead of the plain format error: `postal_code.leading_zero` when the country's codes are all digits and
//!   the value with a `0` in front is one (`1001` in the US, `810` in AU: spreadsheets drop leading zeros);
//!   `postal_code.dublin_district` when a Dublin postal district (`Dublin 8`, `D8`, `Dublin 6W`) was typed in
//!   Ireland instead of an Eircode.
//! - US ZIPs of territories (PR VI GU MP FM MH PW AS, Wake Island UM) are `postal_code.territory`, naming the country
//!   to choose; military mail (AA AE AP) is `postal_code.military`: a billing address must be a civil address
//!   (five-digit ranges from the `zipcodes` data). Australia Post's 6798 (CX), 6799 (CC) and 2899 (NF) are
//!   `postal_code.territory` in Australia (`rules.md`).
//! - US, CA and AU: the postcode must agree with the state ([`agrees_with_state`]; [Appxite], **decision** of
//!   `rules.md`).

use crate::countries::{au_other_postcode, au_postcode_states, lookup, postal_prefixes, us_other_zip, us_zip3_states};
use crate::countries::{Rules, States};
use crate::issue::{Outcome, Params, Reason, Wording};
use crate::pattern::Pattern;
use crate::text::{normalize, MAX_CHARS};
use crate::Checked;
use alloc::{borrow::ToOwned, string::String, vec::Vec};

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
    /// A code one digit short whose country's codes are all digits: with a leading zero it is `suggestion`
    /// (spreadsheets drop leading zeros).
    LeadingZero { country: &'static str, suggestion: String },
    /// Ireland: a Dublin postal district (`Dublin 8`) where an Eircode belongs.
    DublinDistrict { district: String, example: Option<&'static str> },
    /// The postcode belongs to a territory that Partner Center sells to as a country of its own (`territory`, an ISO
    /// code): US territories and Wake Island, and Christmas Island, Cocos (Keeling) Islands and Norfolk Island.
    Territory { country: &'static str, postal_code: String, territory: &'static str },
    /// US military mail (`route`: AA, AE or AP): not a civil address.
    Military { postal_code: String, route: &'static str },
    /// Warning: the country has no postcodes; the value is kept (**decision**).
    NotUsed { country: &'static str },
    /// US/CA/AU: the postcode belongs to other states than the one given [Appxite].
    StateMismatch { country: &'static str, postal_code: String, state: String, expected: Vec<&'static str> },
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "postal_code.too_long" (max: Int) { TooLong: "A postcode can have at most {max} characters." }
    "postal_code.required" (country: Str, example: OptStr) {
        RequiredForExample: "A {country|postcode} is required for an address in {country|in}, e.g. {example}.",
        Required: "A {country|postcode} is required for an address in {country|in}.",
    }
    "postal_code.format" (country: Str, example: OptStr, digits: OptInt) {
        DigitsForExample: "A {country|postcode} in {country|in} has {digits} digits, e.g. {example}.",
        LooksLike: "This is not a valid {country|postcode} in {country|in}: it looks like {example}.",
        Digits: "A {country|postcode} in {country|in} has {digits} digits.",
        Format: "This is not a valid {country|postcode} in {country|in}.",
    }
    "postal_code.leading_zero" (country: Str, suggestion: Str) {
        LeadingZero: "This {country|postcode} is one digit short: if a spreadsheet dropped its leading zero, it is \
                      {suggestion}."
    }
    "postal_code.dublin_district" (district: Str, example: OptStr) {
        DublinDistrictForExample: "{district} is a Dublin postal district, not an Eircode: an Eircode has 7 \
                                   characters, e.g. {example}.",
        DublinDistrict: "{district} is a Dublin postal district, not an Eircode: an Eircode has 7 characters.",
    }
    "postal_code.territory" (country: Str, postalCode: Str, territory: Str) {
        Territory: "The {country|postcode} {postalCode} belongs to {territory|in}, which Partner Center treats as a \
                    country of its own: choose {territory|in} as the country."
    }
    "postal_code.military" (postalCode: Str, route: Str) {
        Military: "The ZIP code {postalCode} is military mail ({route}): a billing address must be a civil address."
    }
    "postal_code.not_used" Warning (country: Str) {
        NotUsed: "There are no postcodes in {country|in}; the value was kept for Partner Center to judge."
    }
    "postal_code.state_mismatch" (country: Str, postalCode: Str, state: Str, expected: List) {
        StateMismatch: "The {country|postcode} {postalCode} belongs to {expected|or}, not {state}."
    }
}

crate::display_as_message!(PostalCodeReason);

impl Reason for PostalCodeReason {
    fn wording(&self) -> Wording {
        match self {
            PostalCodeReason::TooLong { .. } => Say::TooLong,
            PostalCodeReason::Required { example: Some(_), .. } => Say::RequiredForExample,
            PostalCodeReason::Required { example: None, .. } => Say::Required,
            PostalCodeReason::Format { digits: Some(_), example: Some(_), .. } => Say::DigitsForExample,
            PostalCodeReason::Format { digits: None, example: Some(_), .. } => Say::LooksLike,
            PostalCodeReason::Format { digits: Some(_), example: None, .. } => Say::Digits,
            PostalCodeReason::Format { digits: None, example: None, .. } => Say::Format,
            PostalCodeReason::LeadingZero { .. } => Say::LeadingZero,
            PostalCodeReason::DublinDistrict { example: Some(_), .. } => Say::DublinDistrictForExample,
            PostalCodeReason::DublinDistrict { example: None, .. } => Say::DublinDistrict,
            PostalCodeReason::Territory { .. } => Say::Territory,
            PostalCodeReason::Military { .. } => Say::Military,
            PostalCodeReason::NotUsed { .. } => Say::NotUsed,
            PostalCodeReason::StateMismatch { .. } => Say::StateMismatch,
        }
        .into()
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
            PostalCodeReason::LeadingZero { country, suggestion } => {
                Params::default().with("country", *country).with("suggestion", suggestion)
            }
            PostalCodeReason::DublinDistrict { district, example } => {
                with_example(Params::default().with("district", district), example)
            }
            PostalCodeReason::Territory { country, postal_code, territory } => Params::default()
                .with("country", *country)
                .with("postalCode", postal_code)
                .with("territory", *territory),
            PostalCodeReason::Military { postal_code, route } => {
                Params::default().with("postalCode", postal_code).with("route", *route)
            }
            PostalCodeReason::NotUsed { country } => Params::default().with("country", *country),
            PostalCodeReason::StateMismatch { country, postal_code, state, expected } => Params::default()
                .with("country", *country)
                .with("postalCode", postal_code)
                .with("state", state)
                .with("expected", expected.as_slice()),
        }
    }
}

/// Checks the postcode against the rules in force for the billing country (see the module documentation). Returns
/// the upper-case value, in the canonical form of the country's examples where the pattern allows variants.
pub fn check(raw: &str, rules: &Rules<'_>) -> Outcome<String, PostalCodeReason> {
    let country = rules.country;
    let code = country.code();
    let example = country.postal_code_example();
    let text = normalize(raw).map_err(|_| PostalCodeReason::TooLong { max: MAX_CHARS })?;
    let mut upper = text.to_ascii_uppercase();
    if !upper.is_ascii() {
        // Upper case can leave NFKC (`i\u{307}` → `I\u{307}`, which composes to `İ`): normalize once more so the
        // value is a fixed point.
        upper = crate::text::owned(normalize(&upper).map_err(|_| PostalCodeReason::TooLong { max: MAX_CHARS })?);
    }
    if upper.is_empty() {
        return if rules.is_postal_code_required {
            Err(PostalCodeReason::Required { country: code, example })
        } else {
            Ok(Checked::ok(upper))
        };
    }
    let Some(regex) = rules.postal_code_regex else {
        return Ok(Checked::warn(upper, PostalCodeReason::NotUsed { country: code }));
    };
    let examples = country.postal_code_examples();
    let pasted = unpaste(code, &upper);
    let value = canonical(&pasted, regex, examples.clone()).or_else(|| {
        postal_prefixes(code).find_map(|prefix| {
            let rest = skip_separators(pasted.strip_prefix(prefix)?);
            canonical(rest, regex, examples.clone())
        })
    });
    let Some(value) = value else {
        return Err(hint(code, &pasted, regex, examples, example));
    };
    if let Some(reason) = other_country(code, &value) {
        return Err(reason);
    }
    Ok(Checked::ok(value))
}

/// The value without what pasting adds around a code: Japan's postal mark `〒` before it, a long-vowel mark or a
/// dash other than `-` standing for the hyphen, dots in a Brazilian CEP; spaces folded again.
fn unpaste(country: &str, upper: &str) -> String {
    let text = match country {
        "JP" => skip_separators(upper.strip_prefix('〒').unwrap_or(upper)),
        _ => upper,
    };
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '.' if country == "BR" => {}
            c if is_dash(c) => out.push('-'),
            c => out.push(c),
        }
    }
    out
}

/// A hyphen, or a character people type or paste for it: Unicode dashes (U+2010–U+2015), the minus sign, the
/// hyphen bullet, the small em dash, the two- and three-em dashes, and the Japanese long-vowel mark `ー` (U+30FC,
/// also what NFKC makes of the half-width U+FF70). The full-width and small hyphen-minus become `-` under NFKC.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2043}' | '\u{FE58}' | '\u{2E3A}' | '\u{2E3B}' | '\u{30FC}'
    )
}

/// The text after its leading spaces and hyphens.
fn skip_separators(text: &str) -> &str {
    let n = text.bytes().take_while(|&b| is_example_separator(b)).count();
    text.get(n..).unwrap_or_default()
}

/// Separators inside an example.
fn is_example_separator(c: u8) -> bool {
    c == b' ' || c == b'-'
}

/// An example's characters without its separators, pushed to `out` (a plain loop, not a filtered iterator: smaller
/// in the WebAssembly package).
fn push_bare(out: &mut String, example: &str) {
    for &c in example.as_bytes() {
        if !is_example_separator(c) {
            out.push(char::from(c));
        }
    }
}

/// The number of an example's characters without its separators ([`push_bare`]).
fn bare_len(example: &str) -> usize {
    let mut n = 0;
    for &c in example.as_bytes() {
        n += usize::from(!is_example_separator(c));
    }
    n
}

/// Whether every separator typed in `typed` stands where `out` has one, positions counted in the separator-free
/// form (`94043 1351` and `94043-1351` cut after 5).
fn cuts_within(typed: &str, out: &str) -> bool {
    let mut n = 0;
    let mut after_separator = false;
    for b in typed.bytes() {
        if is_example_separator(b) {
            if n > 0 && !after_separator && !has_cut(out, n) {
                return false;
            }
            after_separator = true;
        } else {
            n += 1;
            after_separator = false;
        }
    }
    true
}

/// Whether `text` has a separator after `pos` characters of its separator-free form.
fn has_cut(text: &str, pos: usize) -> bool {
    let mut n = 0;
    for b in text.bytes() {
        if is_example_separator(b) {
            if n == pos {
                return true;
            }
        } else {
            n += 1;
        }
    }
    false
}

/// The canonical form of an upper-case postcode, if it is a code of the country (**decision**): its characters
/// without spaces and hyphens laid into the separators of an example of as many characters (`SW1A1AA` takes the
/// space of `EC1Y 8SY`), or aligned at the end with an example's part from its first separator on (`M11AE` takes
/// the space of `M2 5BQ`); the result must match the pattern. The user's own separators must stand where the result
/// has one, unless the value as typed (with `-` or a space in them) already matches the pattern: a code is re-spaced,
/// never made out of other text (`DUBLIN 2` does not become `DUB LIN2`). A value that matches the pattern but no
/// example's layout is kept as typed.
///
/// `None` when the value is not a code of the country.
pub fn canonical<'e>(upper: &str, regex: &Pattern, examples: impl Iterator<Item = &'e str> + Clone) -> Option<String> {
    let upper = crate::text::trim(upper);
    // Every pattern and example is ASCII: a bare form with anything else cannot match, so work on bytes.
    if !upper.is_ascii() || upper.ends_with('-') || upper.starts_with('-') {
        return None;
    }
    let mut bare = String::with_capacity(upper.len());
    push_bare(&mut bare, upper);
    if bare.is_empty() {
        return None;
    }
    // The value as typed or re-punctuated ([`typed_form`]), worked out only when needed (it costs up to three
    // matches): where the typed separators do not stand where a layout has one, or at the end.
    let mut as_typed: Option<Option<String>> = None;
    // Lays `input` into the separator layout of `layout` (an example or its tail), after `head`.
    let lay = |head: &str, layout: &str, input: &str| -> String {
        let mut out = String::with_capacity(head.len() + layout.len());
        out.push_str(head);
        let mut input = input.bytes();
        for c in layout.bytes() {
            if is_example_separator(c) {
                out.push(char::from(c));
            } else if let Some(b) = input.next() {
                out.push(char::from(b));
            }
        }
        out
    };
    // First the layout of a whole example of as many characters, then of an example's part from its first
    // separator on, after the characters that come before it.
    for whole in [true, false] {
        for ex in examples.clone() {
            let layout = if whole {
                ex
            } else {
                let Some(first_sep) = ex.bytes().position(is_example_separator) else {
                    continue;
                };
                ex.get(first_sep..).unwrap_or_default()
            };
            let Some(head_len) = bare.len().checked_sub(bare_len(layout)) else {
                continue;
            };
            if (head_len == 0) != whole {
                continue;
            }
            let (head, tail) = bare.split_at_checked(head_len).unwrap_or_default();
            let out = lay(head, layout, tail);
            if regex.is_match(&out)
                && (cuts_within(upper, &out) || as_typed.get_or_insert_with(|| typed_form(upper, regex)).is_some())
            {
                return Some(out);
            }
        }
    }
    as_typed.unwrap_or_else(|| typed_form(upper, regex))
}

/// The value as typed, or with every separator a space, or a hyphen: whichever the pattern accepts.
fn typed_form(upper: &str, regex: &Pattern) -> Option<String> {
    for sep in [None, Some(' '), Some('-')] {
        let mut v = String::with_capacity(upper.len());
        for b in upper.bytes() {
            v.push(match sep {
                Some(s) if is_example_separator(b) => s,
                _ => char::from(b),
            });
        }
        if regex.is_match(&v) {
            return Some(v);
        }
    }
    None
}

/// The error for a value that is not a code of the country: a hint where one applies, else the format error.
fn hint<'e>(
    country: &'static str,
    pasted: &str,
    regex: &Pattern,
    examples: impl Iterator<Item = &'e str> + Clone,
    example: Option<&'static str>,
) -> PostalCodeReason {
    if country == "IE" {
        if let Some(district) = dublin_district(pasted) {
            return PostalCodeReason::DublinDistrict { district, example };
        }
    }
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit() || is_example_separator(b));
    // Every example all digits (and one at least), like the value, which starts with one.
    let mut digit_codes = false;
    for e in examples.clone() {
        digit_codes = all_digits(e);
        if !digit_codes {
            break;
        }
    }
    if digit_codes && all_digits(pasted) && pasted.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        if let Some(suggestion) = canonical(&crate::text::concat(&["0", pasted]), regex, examples.clone()) {
            return PostalCodeReason::LeadingZero { country, suggestion };
        }
    }
    PostalCodeReason::Format { country, example, digits: digit_count(regex, examples) }
}

/// A Dublin postal district typed in Ireland where an Eircode belongs (`DUBLIN 8`, `D8`, `D08`, `DUBLIN 6W`), named
/// as An Post writes it (`Dublin 8`). The districts: 1–18, 20, 22, 24 and 6W (An Post; they live on as the routing
/// keys D01–D24 and D6W).
fn dublin_district(upper: &str) -> Option<String> {
    let rest = upper
        .strip_prefix("DUBLIN")
        .or_else(|| upper.strip_prefix("CO. DUBLIN"))
        .or_else(|| upper.strip_prefix('D'))?;
    let rest = skip_separators(rest.strip_prefix(',').unwrap_or(rest));
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let n = rest.bytes().take(digits).fold(0u8, |n, d| n * 10 + (d - b'0'));
    let west = match crate::text::trim(rest.get(digits..)?) {
        "" => false,
        "W" => true,
        _ => return None,
    };
    let ok = if west { n == 6 } else { matches!(n, 1..=18 | 20 | 22 | 24) };
    let mut out = String::from("Dublin ");
    crate::message::push_int(&mut out, i64::from(n));
    if west {
        out.push('W');
    }
    ok.then_some(out)
}

/// A valid postcode of the billing country that belongs to another country or to no civil address: US territories
/// and Wake Island, US military mail, and Australia Post's codes of Christmas Island, the Cocos (Keeling) Islands
/// and Norfolk Island (`rules.md` section 2).
fn other_country(country: &'static str, value: &str) -> Option<PostalCodeReason> {
    match country {
        "US" => {
            let tag = us_other_zip(value.get(..5)?)?;
            Some(match tag {
                "AA" | "AE" | "AP" => PostalCodeReason::Military { postal_code: value.to_owned(), route: tag },
                _ => PostalCodeReason::Territory { country, postal_code: value.to_owned(), territory: tag },
            })
        }
        "AU" => {
            let territory = au_other_postcode(value)?;
            Some(PostalCodeReason::Territory { country, postal_code: value.to_owned(), territory })
        }
        _ => None,
    }
}

/// The number of digits every postcode of the country has, when the pattern accepts digit strings of exactly one
/// length (checked on strings built from the first all-digit example, up to four digits longer), for the message
/// "has 5 digits". `None` when the codes hold letters or the length varies.
fn digit_count<'e>(regex: &Pattern, examples: impl Iterator<Item = &'e str> + Clone) -> Option<usize> {
    let example = examples.clone().find(|e| e.bytes().any(|b| b.is_ascii_digit()))?;
    let mut digits = String::with_capacity(example.len());
    push_bare(&mut digits, example);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits.len();
    let mut accepted = None;
    for len in 1..=n + 4 {
        let mut probe = String::with_capacity(len);
        for &d in digits.as_bytes().iter().cycle().take(len) {
            probe.push(char::from(d));
        }
        let ok = canonical(&probe, regex, examples.clone()).is_some();
        match (ok, accepted) {
            (true, None) => accepted = Some(len),
            (true, Some(_)) => return None,
            (false, _) => {}
        }
    }
    accepted
}

/// Checks that a postcode agrees with the state (`rules.md`: "US, CA and AU: state, postcode and city must agree"
/// [Appxite]; the check of state against postcode is a **decision**). Expects values already normalized and valid on
/// their own; anything else, or another country, is `Ok`.
///
/// - US: the ZIP's first three digits must be one of the state's prefixes ([`crate::countries::US_ZIP3`], derived from the
///   `zipcodes` package; a prefix may belong to several states). A prefix the table does not know is `Ok`
///   (**decision**: the table speaks only for prefixes it has; Partner Center judges the rest).
/// - CA by first letter: A NL, B NS, C PE, E NB, G H J QC, K L M N P ON, R MB, S SK, T AB, V BC, Y YT; X0A X0B X0C
///   NU, X0E X0G X1A NT; `K1A` (federal government) in ON or QC (`rules.md`).
/// - AU: the postcode's localities must lie in the state ([`crate::countries::au_postcode_states`], derived from a
///   locality data set: a postcode may lie in several, 2620 ACT and NSW, 0872 NT, SA and WA). A postcode the data
///   does not know is `Ok` (**decision**, as for the US).
pub fn agrees_with_state(country_code: &str, state: &str, postal_code: &str) -> Result<(), PostalCodeReason> {
    let state = crate::text::trim(state);
    if state.is_empty() {
        return Ok(());
    }
    let (country, expected): (&'static str, Option<&'static str>) = if country_code.eq_ignore_ascii_case("US") {
        ("US", us_states(postal_code))
    } else if country_code.eq_ignore_ascii_case("CA") {
        ("CA", ca_provinces(postal_code))
    } else if country_code.eq_ignore_ascii_case("AU") {
        ("AU", au_postcode_states(postal_code))
    } else {
        return Ok(());
    };
    let Some(expected) = expected else {
        return Ok(());
    };
    let expected = crate::text::split_by(expected, b' ');
    // Australia's sets hold abbreviations (`NSW`); the accepted value is the full name, and a run-time list may use
    // either.
    let name = |abbr: &'static str| if country == "AU" { au_state_name(abbr) } else { abbr };
    let mut names = Vec::new();
    for s in expected {
        if crate::text::eq_fold(s, state) || crate::text::eq_fold(name(s), state) {
            return Ok(());
        }
        names.push(name(s));
    }
    Err(PostalCodeReason::StateMismatch {
        country,
        postal_code: postal_code.to_owned(),
        state: state.to_owned(),
        expected: names,
    })
}

/// The accepted value (`New South Wales`) of an Australian state's abbreviation (`NSW`), from the state list's
/// aliases; the abbreviation itself where none matches.
fn au_state_name(abbreviation: &'static str) -> &'static str {
    let list = lookup("AU").map(|c| States::Default(c.supported_states()));
    list.and_then(|l| l.find(abbreviation)).unwrap_or(abbreviation)
}

/// The states of a US ZIP's 3-digit prefix, joined by a space.
fn us_states(zip: &str) -> Option<&'static str> {
    us_zip3_states(zip.get(..3)?)
}

/// The provinces or territories of a Canadian postal code (`rules.md`), joined by a space.
fn ca_provinces(code: &str) -> Option<&'static str> {
    let fsa = code.get(..3).unwrap_or(code).to_ascii_uppercase();
    // The areas that are not the first letter's, as `FSA:provinces` rows (one search, not a match on strings).
    if let Some(provinces) = crate::countries::row_of("K1A:ON QC|X0A:NU|X0B:NU|X0C:NU|X0E:NT|X0G:NT|X1A:NT", &fsa) {
        return Some(provinces);
    }
    // Else the first letter's province or territory, as `letter:province` rows.
    const BY_LETTER: &str = "A:NL|B:NS|C:PE|E:NB|G:QC|H:QC|J:QC|K:ON|L:ON|M:ON|N:ON|P:ON|R:MB|S:SK|T:AB|V:BC|Y:YT";
    crate::countries::row_of(BY_LETTER, fsa.get(..1)?)
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
            ("US", "940", Err("postal_code.format")),
            ("US", "9404", Err("postal_code.leading_zero")),
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
            ("AU", "206", Err("postal_code.leading_zero")),
            ("AU", "20", Err("postal_code.format")),
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
    fn only_codes_are_canonicalized() {
        // rules.md: canonicalization re-spaces, re-cases and re-punctuates a code; it never makes one out of other
        // text. A separator the user typed must stand where the canonical form has one.
        table(&[
            ("IE", "Dublin 2", Err("postal_code.dublin_district")),
            ("IE", "DUBLIN2", Err("postal_code.dublin_district")),
            ("IE", "DUB LIN2", Err("postal_code.format")),
            ("IE", "d02 x285", Ok("D02 X285")),
            ("IE", "D02X285", Ok("D02 X285")),
            ("IE", "D02X 285", Err("postal_code.format")),
            ("GB", "SW1 A1AA", Err("postal_code.format")),
            ("GB", "SW1A-1AA", Ok("SW1A 1AA")),
            ("CA", "K1 A0B1", Err("postal_code.format")),
            ("US", "9404-31351", Err("postal_code.format")),
            ("DE", "80 331", Err("postal_code.format")),
            // A value the pattern accepts as typed is put into the examples' form (FR `\d{2} ?\d{3}`).
            ("FR", "75 001", Ok("75001")),
            ("FR", "75-001", Ok("75001")),
            ("SE", "114 55", Ok("11455")),
            ("CZ", "11000", Ok("110 00")),
        ]);
    }

    #[test]
    fn pasted_forms() {
        table(&[
            // Google's postprefix.
            ("CH", "CH-8001", Ok("8001")),
            ("CH", "ch 8001", Ok("8001")),
            ("SE", "SE-114 55", Ok("11455")),
            ("LT", "LT-04340", Ok("04340")),
            ("MD", "MD-2012", Ok("2012")),
            ("AZ", "AZ 1000", Ok("1000")),
            ("AZ", "AZ1000", Ok("1000")),
            ("LI", "FL-9490", Ok("9490")),
            ("FI", "FI-00550", Ok("00550")),
            // Old European vehicle-sign prefixes and the ISO codes that replaced them.
            ("DE", "D-80331", Ok("80331")),
            ("DE", "DE-80331", Ok("80331")),
            ("FR", "F-75001", Ok("75001")),
            ("AT", "A-1010", Ok("1010")),
            ("BE", "B-1000", Ok("1000")),
            ("IT", "I-00144", Ok("00144")),
            ("NL", "NL-1234 AB", Ok("1234 AB")),
            ("FI", "FIN-00550", Ok("00550")),
            ("FI", "SF-00550", Ok("00550")),
            ("NO", "N-0025", Ok("0025")),
            // A prefix of another country, or one with nothing valid after it, is no help.
            ("DE", "F-75001", Err("postal_code.format")),
            ("DE", "D-8033", Err("postal_code.format")),
            ("DE", "D-", Err("postal_code.format")),
            // Japan's postal mark and the dashes people type for the hyphen.
            ("JP", "〒154-0023", Ok("154-0023")),
            ("JP", "〒 154-0023", Ok("154-0023")),
            ("JP", "〒1540023", Ok("154-0023")),
            ("JP", "154ー0023", Ok("154-0023")),
            ("JP", "１５４ー００２３", Ok("154-0023")),
            ("JP", "154\u{2010}0023", Ok("154-0023")),
            ("JP", "154\u{2212}0023", Ok("154-0023")),
            ("JP", "154\u{FF0D}0023", Ok("154-0023")),
            ("JP", "154\u{FF70}0023", Ok("154-0023")),
            ("JP", "〒", Err("postal_code.format")),
            // Dots in a Brazilian CEP.
            ("BR", "04.538-133", Ok("04538-133")),
            ("BR", "04538133", Ok("04538-133")),
            ("BR", "04.538.133", Ok("04538-133")),
            ("DE", "80.331", Err("postal_code.format")),
        ]);
    }

    #[test]
    fn leading_zero_lost() {
        table(&[
            ("US", "1001", Err("postal_code.leading_zero")),
            ("US", "2108", Err("postal_code.leading_zero")),
            ("AU", "810", Err("postal_code.leading_zero")),
            ("AU", "200", Err("postal_code.leading_zero")),
            ("IT", "0144", Err("postal_code.leading_zero")),
            ("US", "1", Err("postal_code.format")),
            // Codes with letters: no such hint.
            ("GB", "1AA", Err("postal_code.format")),
            // DE codes start 01-99: `1067` is `01067` short of its zero; `0106` would start with 00.
            ("DE", "1067", Err("postal_code.leading_zero")),
        ]);
        let err = check("1001", &rules("US")).unwrap_err();
        assert_eq!(err.params().get("suggestion"), Some(&crate::Param::Str("01001".into())));
        assert_eq!(
            err.to_string(),
            "This ZIP code is one digit short: if a spreadsheet dropped its leading zero, it is 01001."
        );
        assert_eq!(run("DE", "0106"), Err("postal_code.format"));
    }

    #[test]
    fn eircodes_and_dublin_districts() {
        // Eircode: one of the 139 routing keys, then 4 of 0-9 A C D E F H K N P R T V W X Y.
        table(&[
            ("IE", "D6W PV38", Ok("D6W PV38")),
            ("IE", "d6wpv38", Ok("D6W PV38")),
            ("IE", "T12 RX3K", Ok("T12 RX3K")),
            ("IE", "T12 AB2C", Err("postal_code.format")),
            ("IE", "H91 E2K3", Ok("H91 E2K3")),
            ("IE", "A65 F4E2", Err("postal_code.format")),
            ("IE", "D02 XB85", Err("postal_code.format")),
            ("IE", "D19 X285", Err("postal_code.format")),
            ("IE", "D02 X28", Err("postal_code.format")),
            ("IE", "D8", Err("postal_code.dublin_district")),
            ("IE", "D08", Err("postal_code.dublin_district")),
            ("IE", "Dublin 8", Err("postal_code.dublin_district")),
            ("IE", "dublin 6w", Err("postal_code.dublin_district")),
            ("IE", "D6W", Err("postal_code.dublin_district")),
            ("IE", "Dublin 24", Err("postal_code.dublin_district")),
            ("IE", "Dublin 19", Err("postal_code.format")),
            ("IE", "Dublin 8W", Err("postal_code.format")),
            ("IE", "Dublin", Err("postal_code.format")),
            ("IE", "", Ok("")),
        ]);
        let err = check("Dublin 6w", &rules("IE")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Dublin 6W is a Dublin postal district, not an Eircode: an Eircode has 7 characters, e.g. D6W PV38."
        );
    }

    #[test]
    fn territories_and_military_mail() {
        table(&[
            ("US", "00901", Err("postal_code.territory")),
            ("US", "00802", Err("postal_code.territory")),
            ("US", "96910", Err("postal_code.territory")),
            ("US", "96950", Err("postal_code.territory")),
            ("US", "96941", Err("postal_code.territory")),
            ("US", "96960", Err("postal_code.territory")),
            ("US", "96940", Err("postal_code.territory")),
            ("US", "96799", Err("postal_code.territory")),
            ("US", "96898", Err("postal_code.territory")),
            ("US", "09001", Err("postal_code.military")),
            ("US", "09905", Err("postal_code.military")),
            ("US", "34002", Err("postal_code.military")),
            ("US", "96601-1234", Err("postal_code.military")),
            // Hawaii around American Samoa's and Wake Island's ZIPs.
            ("US", "96797", Ok("96797")),
            ("US", "96813", Ok("96813")),
            ("US", "01001", Ok("01001")),
            ("AU", "6798", Err("postal_code.territory")),
            ("AU", "6799", Err("postal_code.territory")),
            ("AU", "2899", Err("postal_code.territory")),
            ("AU", "6797", Ok("6797")),
        ]);
        let err = check("00901", &rules("US")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The ZIP code 00901 belongs to Puerto Rico, which Partner Center treats as a country of its own: choose \
             Puerto Rico as the country."
        );
        let err = check("6799", &rules("AU")).unwrap_err();
        assert!(err.to_string().contains("Cocos"), "{err}");
        let err = check("09001", &rules("US")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The ZIP code 09001 is military mail (AE): a billing address must be a civil address."
        );
    }

    #[test]
    fn australian_states() {
        let m = |s: &str, p: &str| agrees_with_state("AU", s, p).map_err(|r| r.code());
        let mismatch = Err("postal_code.state_mismatch");
        for (pc, states) in [
            ("2000", &["New South Wales"][..]),
            ("3000", &["Victoria"]),
            ("4000", &["Queensland"]),
            ("5000", &["South Australia"]),
            ("6000", &["Western Australia"]),
            ("7000", &["Tasmania"]),
            ("0800", &["Northern Territory"]),
            ("2600", &["Australian Capital Territory"]),
            // Across state lines (rules.md).
            ("2620", &["Australian Capital Territory", "New South Wales"]),
            ("0872", &["Northern Territory", "South Australia", "Western Australia"]),
            ("2406", &["New South Wales", "Queensland"]),
            ("2540", &["Jervis Bay Territory", "New South Wales"]),
        ] {
            for s in states {
                assert_eq!(m(s, pc), Ok(()), "{pc} {s}");
            }
            let other = if states.contains(&"Tasmania") { "Victoria" } else { "Tasmania" };
            assert_eq!(m(other, pc), mismatch, "{pc}");
        }
        // A run-time list of abbreviations.
        assert_eq!(m("ACT", "2620"), Ok(()));
        assert_eq!(m("VIC", "2620"), mismatch);
        let err = agrees_with_state("AU", "Victoria", "2620").unwrap_err();
        assert_eq!(
            err.to_string(),
            "The postcode 2620 belongs to Australian Capital Territory or New South Wales, not Victoria."
        );
        // Unknown to the data: no opinion.
        assert_eq!(m("Victoria", "0100"), Ok(()));
        assert_eq!(m("Victoria", "x"), Ok(()));
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
        let err = check("940", &rules("US")).unwrap_err();
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
            PostalCodeReason::LeadingZero { country: "US", suggestion: String::new() },
            PostalCodeReason::DublinDistrict { district: String::new(), example: None },
            PostalCodeReason::Territory { country: "US", postal_code: String::new(), territory: "PR" },
            PostalCodeReason::Military { postal_code: String::new(), route: "AE" },
            PostalCodeReason::StateMismatch {
                country: "US",
                postal_code: String::new(),
                state: String::new(),
                expected: vec![],
            },
        ] {
            assert!(CODES.iter().any(|c| c.code == r.code()));
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
