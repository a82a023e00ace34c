//! Phone (`rules.md` section 2, "Phone").
//!
//! - Required for every account: BSS needs it [iw]; Partner Center itself makes it mandatory only for some countries
//!   (error 600051) [PC-create, PC-errors].
//! - United States and Canada: Partner Center's US pattern [PC-rules] (10 digits, an optional leading `1`, optional
//!   parentheses around the area code, `-` `/` `.` separators), after dropping spaces and a leading `+`, which people
//!   type; shapes Microsoft accepts include `(927) 325/3908` and `1.(458)-866-4473` [Appxite]. Only the shape is
//!   checked: an area code or exchange starting with 0 or 1 is a warning (**decision**). Normalized: the 10 digits.
//! - Elsewhere, and when the account's country is unknown: an optional `+` and calling code, then digits with space
//!   `-` `.` `/` `()` separators, 7–15 digits in all (E.164 caps a number at 15 digits, calling code included; ITU-T
//!   E.164 section 6). Normalized: `+` and the digits when a calling code was given, else the digits.
//! - A `+CC` that is not the account's country's calling code is a warning (**decision**).
//! - Run-time rules from Partner Center may carry a `phoneNumberRegex` [PC-rules]; the number must then match it too.
//!
//! Details this module decides (**decision**, all of them):
//! - `00` at the start is the international call prefix (ITU-T E.164 recommends `00`, and most of the world dials it):
//!   `0030 210 123 4567` is read as `+30 210 123 4567` and normalized to `+302101234567`, without a warning.
//! - After a calling code, `(0)` is the national trunk prefix people write in international form
//!   (`+44 (0)20 7946 0958`); it is never dialled from abroad, so it is dropped: `+442079460958`.
//! - Parentheses come in pairs and do not nest; an unpaired one is an error naming its position.
//! - Letters are an error (no extensions such as `x123`: the field holds one number), as is a `+` anywhere but first.
//! - Hyphen-like dashes (U+2010–U+2015, U+2212 minus, small and full-width hyphen-minus) count as `-`; decimal
//!   digits of the scripts used in countries where Partner Center requires the phone (Arabic-Indic, Extended
//!   Arabic-Indic, Devanagari, Thai, Myanmar) count as the digits they are. NFKC (section 0) already folds full-width
//!   digits.
//! - A run-time pattern is tried on the normalized value first (that is what the provisioning side sends); when only
//!   the text as typed (after section 0) matches, that text becomes the value, so the value sent always matches.
//!
//! Matching is hand-written, not a regex: the crate ships in wasm, where size matters.

use crate::countries::{Rules, COUNTRIES};
use crate::issue::{Checked, Outcome, Params, Reason, Severity};
use crate::text::{normalize, MAX_CHARS};

/// The fewest digits a number outside North America may have (`rules.md` section 2).
pub const MIN_DIGITS: usize = 7;
/// The most digits a number may have, calling code included [E.164].
pub const MAX_DIGITS: usize = 15;

/// Why a phone number is refused or questioned.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneReason {
    /// Empty after section 0: BSS requires a phone for every account [iw].
    Required,
    /// Longer than `max` characters (section 0, **decision**).
    TooLong { max: usize },
    /// A character that is no digit, space or `+ - . / ( )`; position counted in characters from 1.
    BadCharacter { character: char, position: usize },
    /// A `+` that is not the first character.
    MisplacedPlus { position: usize },
    /// A parenthesis without its partner, or one pair inside another.
    UnbalancedParentheses { position: usize },
    /// Nothing, or a 0, after the `+` or `00`: calling codes start with 1–9 [E.164].
    BadCallingCode,
    /// Fewer than `min` digits.
    TooFewDigits { min: usize, count: usize },
    /// More than `max` digits, calling code included [E.164].
    TooManyDigits { max: usize, count: usize },
    /// Not Partner Center's US pattern [PC-rules], in the United States or Canada.
    NanpFormat { country: &'static str },
    /// Does not match the run-time `phoneNumberRegex` of the country [PC-rules].
    Format { country: &'static str },
    /// Warning: the area code starts with 0 or 1, which no North American area code does (**decision**).
    NanpAreaCode { area_code: String },
    /// Warning: the exchange (central office code) starts with 0 or 1 (**decision**).
    NanpExchange { exchange: String },
    /// Warning: the `+CC` is not the account's country's calling code (**decision**).
    CallingCodeMismatch {
        /// The calling code the number starts with, when the country table knows it.
        calling_code: Option<String>,
        /// The account's country's (first) calling code.
        expected: String,
        country: &'static str,
    },
}

/// Every code this module can emit.
pub const CODES: &[&str] = &[
    "phone.required",
    "phone.too_long",
    "phone.bad_character",
    "phone.misplaced_plus",
    "phone.unbalanced_parentheses",
    "phone.bad_calling_code",
    "phone.too_few_digits",
    "phone.too_many_digits",
    "phone.nanp_format",
    "phone.format",
    "phone.nanp_area_code",
    "phone.nanp_exchange",
    "phone.calling_code_mismatch",
];

crate::display_as_message!(PhoneReason);

impl Reason for PhoneReason {
    fn code(&self) -> &'static str {
        match self {
            PhoneReason::Required => "phone.required",
            PhoneReason::TooLong { .. } => "phone.too_long",
            PhoneReason::BadCharacter { .. } => "phone.bad_character",
            PhoneReason::MisplacedPlus { .. } => "phone.misplaced_plus",
            PhoneReason::UnbalancedParentheses { .. } => "phone.unbalanced_parentheses",
            PhoneReason::BadCallingCode => "phone.bad_calling_code",
            PhoneReason::TooFewDigits { .. } => "phone.too_few_digits",
            PhoneReason::TooManyDigits { .. } => "phone.too_many_digits",
            PhoneReason::NanpFormat { .. } => "phone.nanp_format",
            PhoneReason::Format { .. } => "phone.format",
            PhoneReason::NanpAreaCode { .. } => "phone.nanp_area_code",
            PhoneReason::NanpExchange { .. } => "phone.nanp_exchange",
            PhoneReason::CallingCodeMismatch { .. } => "phone.calling_code_mismatch",
        }
    }

    fn template(&self) -> &'static str {
        match self {
            PhoneReason::Required => {
                "Enter the customer's phone number, e.g. {example}: it is required for every account."
            }
            PhoneReason::TooLong { .. } => "The phone number is longer than {max} characters.",
            PhoneReason::BadCharacter { character, .. } if crate::text::is_alphabetic(*character) => {
                "The phone number may contain only digits, spaces and + - . / ( ); {character|char} at position \
                 {position} is not allowed (enter one number, without letters or an extension)."
            }
            PhoneReason::BadCharacter { .. } => {
                "The phone number may contain only digits, spaces and + - . / ( ); {character|char} at position \
                 {position} is not allowed."
            }
            PhoneReason::MisplacedPlus { .. } => {
                "'+' may only come first, before the calling code (e.g. +30 210 123 4567); found one at position \
                 {position}."
            }
            PhoneReason::UnbalancedParentheses { .. } => {
                "The parenthesis at position {position} has no partner; use parentheses in pairs, not nested, \
                 e.g. (210) 123 4567."
            }
            PhoneReason::BadCallingCode => {
                "After '+' or 00 comes the country calling code, which starts with a digit from 1 to 9, e.g. {example}."
            }
            PhoneReason::TooFewDigits { .. } => "A phone number has at least {min} digits; this one has {count}.",
            PhoneReason::TooManyDigits { .. } => {
                "A phone number has at most {max} digits, calling code included; this one has {count}."
            }
            PhoneReason::NanpFormat { .. } => {
                "A phone number in {country} has 10 digits, optionally after a 1, e.g. {example}, 1-425-555-0100 or \
                 +1 425 555 0100."
            }
            PhoneReason::Format { .. } => {
                "The phone number does not have the format Partner Center expects for {country}."
            }
            PhoneReason::NanpAreaCode { .. } => {
                "The area code {area_code} starts with 0 or 1, which no North American area code does; check the \
                 number."
            }
            PhoneReason::NanpExchange { .. } => {
                "The exchange {exchange} (the 3 digits after the area code) starts with 0 or 1, which no North \
                 American exchange does; check the number."
            }
            PhoneReason::CallingCodeMismatch { calling_code: Some(_), .. } => {
                "The number has the calling code +{calling_code}, but {country} uses +{expected}; check the number."
            }
            PhoneReason::CallingCodeMismatch { calling_code: None, .. } => {
                "The number's calling code is not that of the account's country: {country} uses +{expected}; check \
                 the number."
            }
        }
    }

    fn params(&self) -> Params {
        let p = Params::default();
        match self {
            PhoneReason::Required | PhoneReason::BadCallingCode => p.with("example", "+30 210 123 4567"),
            PhoneReason::TooLong { max } => p.with("max", *max),
            PhoneReason::BadCharacter { character, position } => {
                p.with("character", *character).with("position", *position)
            }
            PhoneReason::MisplacedPlus { position } | PhoneReason::UnbalancedParentheses { position } => {
                p.with("position", *position)
            }
            PhoneReason::TooFewDigits { min, count } => p.with("min", *min).with("count", *count),
            PhoneReason::TooManyDigits { max, count } => p.with("max", *max).with("count", *count),
            PhoneReason::NanpFormat { country } => p.with("country", *country).with("example", NANP_EXAMPLE),
            PhoneReason::Format { country } => p.with("country", *country),
            PhoneReason::NanpAreaCode { area_code } => p.with("area_code", area_code),
            PhoneReason::NanpExchange { exchange } => p.with("exchange", exchange),
            PhoneReason::CallingCodeMismatch { calling_code, expected, country } => {
                let p = match calling_code {
                    Some(cc) => p.with("calling_code", cc),
                    None => p,
                };
                p.with("expected", expected).with("country", *country)
            }
        }
    }

    fn severity(&self) -> Severity {
        match self {
            PhoneReason::NanpAreaCode { .. }
            | PhoneReason::NanpExchange { .. }
            | PhoneReason::CallingCodeMismatch { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

const NANP_EXAMPLE: &str = "(425) 555-0100";

/// Checks a phone number against the rules of the account's country (`None` when the country is unknown or invalid).
pub fn check(raw: &str, country: Option<&Rules<'_>>) -> Outcome<String, PhoneReason> {
    let text = normalize(raw).map_err(|_| PhoneReason::TooLong { max: MAX_CHARS })?;
    if text.is_empty() {
        return Err(PhoneReason::Required);
    }
    let chars = clean(&text)?;
    let mut checked = match country {
        Some(rules) if matches!(rules.country.code(), "US" | "CA") => check_nanp(&chars, rules.country.name())?,
        _ => check_international(&chars, country)?,
    };
    if let Some(rules) = country {
        if let Some(pattern) = rules.phone_number_regex {
            if !pattern.is_match(&checked.value) {
                if pattern.is_match(&text) {
                    checked.value = text.into_owned();
                } else {
                    return Err(PhoneReason::Format { country: rules.country.name() });
                }
            }
        }
    }
    Ok(checked)
}

/// Maps the text to one ASCII character per input character (digits of other scripts to ASCII digits, dashes to
/// `-`), refusing anything else. Positions in reasons are the input's, counted in characters from 1.
fn clean(text: &str) -> Result<Vec<char>, PhoneReason> {
    let mut out = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let position = i + 1;
        let mapped = match c {
            '0'..='9' | ' ' | '-' | '.' | '/' | '(' | ')' => c,
            '+' if i == 0 => c,
            '+' => return Err(PhoneReason::MisplacedPlus { position }),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
            _ => match script_digit(c) {
                Some(d) => d,
                None => return Err(PhoneReason::BadCharacter { character: c, position }),
            },
        };
        out.push(mapped);
    }
    Ok(out)
}

/// The ASCII digit for a decimal digit of the scripts listed in the module documentation.
fn script_digit(c: char) -> Option<char> {
    const ZEROS: [u32; 5] = [0x0660, 0x06f0, 0x0966, 0x0e50, 0x1040];
    let cp = u32::from(c);
    ZEROS.iter().find_map(|&zero| cp.checked_sub(zero).filter(|&d| d < 10)).and_then(|d| char::from_digit(d, 10))
}

/// United States and Canada: spaces and a leading `+` dropped, then Partner Center's US pattern [PC-rules].
fn check_nanp(chars: &[char], country: &'static str) -> Outcome<String, PhoneReason> {
    let compact: Vec<char> = chars.iter().copied().filter(|&c| c != ' ').collect();
    let body = match compact.split_first() {
        Some(('+', rest)) => rest,
        _ => compact.as_slice(),
    };
    let digits = nanp_digits(body).ok_or(PhoneReason::NanpFormat { country })?;
    let value: String = digits.iter().collect();
    let (area, rest) = digits.split_at(3);
    let exchange = rest.get(..3).unwrap_or_default();
    let mut warnings = Vec::new();
    if matches!(area.first(), Some('0' | '1')) {
        warnings.push(PhoneReason::NanpAreaCode { area_code: area.iter().collect() });
    }
    if matches!(exchange.first(), Some('0' | '1')) {
        warnings.push(PhoneReason::NanpExchange { exchange: exchange.iter().collect() });
    }
    Ok(Checked { value, warnings })
}

/// `1?[-/.]?` then the body; with the `1` tried first. The two readings need 11 and 10 digits, so at most one fits.
fn nanp_digits(s: &[char]) -> Option<[char; 10]> {
    if let Some(('1', rest)) = s.split_first() {
        let rest = skip_separator(rest);
        if let Some(d) = nanp_body(rest) {
            return Some(d);
        }
    }
    nanp_body(s)
}

/// `(\(ddd\)|ddd)[-/.]?ddd[-/.]?dddd`, the whole input.
fn nanp_body(s: &[char]) -> Option<[char; 10]> {
    let mut out = ['0'; 10];
    let (area, tail) = out.split_at_mut(3);
    let (exchange, line) = tail.split_at_mut(3);
    let mut rest = s;
    if let Some(('(', after)) = rest.split_first() {
        rest = take_digits(after, area)?;
        rest = match rest.split_first() {
            Some((')', after)) => after,
            _ => return None,
        };
    } else {
        rest = take_digits(rest, area)?;
    }
    rest = take_digits(skip_separator(rest), exchange)?;
    rest = take_digits(skip_separator(rest), line)?;
    rest.is_empty().then_some(out)
}

fn skip_separator(s: &[char]) -> &[char] {
    match s.split_first() {
        Some(('-' | '/' | '.', rest)) => rest,
        _ => s,
    }
}

/// Fills `out` with the next digits of `s`, returning what follows them.
fn take_digits<'a>(mut s: &'a [char], out: &mut [char]) -> Option<&'a [char]> {
    for slot in out.iter_mut() {
        let (&c, rest) = s.split_first()?;
        if !c.is_ascii_digit() {
            return None;
        }
        *slot = c;
        s = rest;
    }
    Some(s)
}

/// Everywhere but the United States and Canada (E.164).
fn check_international(chars: &[char], country: Option<&Rules<'_>>) -> Outcome<String, PhoneReason> {
    let (mut international, body) = match chars {
        ['+', rest @ ..] | ['0', '0', rest @ ..] => (true, rest),
        _ => (false, chars),
    };
    let offset = chars.len() - body.len();
    let mut digits = String::with_capacity(body.len());
    // Where the open parenthesis is (position) and how many digits came before it.
    let mut open: Option<(usize, usize)> = None;
    for (i, &c) in body.iter().enumerate() {
        let position = offset + i + 1;
        match c {
            '0'..='9' => digits.push(c),
            '(' if open.is_some() => return Err(PhoneReason::UnbalancedParentheses { position }),
            '(' => open = Some((position, digits.len())),
            ')' => {
                let Some((_, before)) = open.take() else {
                    return Err(PhoneReason::UnbalancedParentheses { position });
                };
                // `+44 (0)20 …`: the trunk prefix after a calling code is dropped.
                if international && before > 0 && digits.get(before..) == Some("0") {
                    digits.truncate(before);
                }
            }
            _ => {}
        }
    }
    if let Some((position, _)) = open {
        return Err(PhoneReason::UnbalancedParentheses { position });
    }
    // Digits that start with 00 once the separators are gone (`0 030 …`) are the international prefix too: otherwise
    // the normalized value (`0030…`) would read differently when checked again.
    if !international && digits.starts_with("00") {
        international = true;
        digits.drain(..2);
    }
    if international && !digits.starts_with(|c: char| ('1'..='9').contains(&c)) {
        return Err(PhoneReason::BadCallingCode);
    }
    let count = digits.len();
    if count < MIN_DIGITS {
        return Err(PhoneReason::TooFewDigits { min: MIN_DIGITS, count });
    }
    if count > MAX_DIGITS {
        return Err(PhoneReason::TooManyDigits { max: MAX_DIGITS, count });
    }
    let mut warnings = Vec::new();
    if international {
        if let Some(warning) = country.and_then(|rules| calling_code_mismatch(&digits, rules)) {
            warnings.push(warning);
        }
        digits.insert(0, '+');
    }
    Ok(Checked { value: digits, warnings })
}

/// The warning when no calling code of the account's country starts the digits. Calling codes have 1–3 digits
/// [E.164]; run-time codes of up to 4 digits (a NANP area code after `1`) are tried as well.
fn calling_code_mismatch(digits: &str, rules: &Rules<'_>) -> Option<PhoneReason> {
    let expected = rules.country_calling_codes.first()?;
    let ours = (1..=4).any(|n| digits.get(..n).is_some_and(|prefix| rules.country_calling_codes.contains(prefix)));
    if ours {
        return None;
    }
    Some(PhoneReason::CallingCodeMismatch {
        calling_code: known_calling_code(digits),
        expected: expected.to_owned(),
        country: rules.country.name(),
    })
}

/// The longest calling code of the country table that starts the digits, if any.
fn known_calling_code(digits: &str) -> Option<String> {
    let mut longest: Option<&str> = None;
    for country in &COUNTRIES {
        for code in country.country_calling_codes() {
            if digits.starts_with(code) && longest.is_none_or(|l| code.len() > l.len()) {
                longest = Some(code);
            }
        }
    }
    longest.map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalized value and warning codes, or the error code.
    type Got = Result<(String, Vec<&'static str>), &'static str>;
    use crate::countries::{lookup, Rules};

    fn rules(code: &str) -> Rules<'static> {
        Rules::default_for(lookup(code).expect("country in the table"))
    }

    fn code_of(raw: &str, country: Option<&Rules<'_>>) -> Got {
        match check(raw, country) {
            Ok(c) => Ok((c.value, c.warnings.iter().map(Reason::code).collect())),
            Err(r) => Err(r.code()),
        }
    }

    #[test]
    fn united_states_and_canada() {
        let us = rules("US");
        let ca = rules("CA");
        let ok = |v: &str| Ok((v.to_owned(), vec![]));
        let cases: &[(&str, &Rules<'_>, Got)] = &[
            // Shapes Microsoft accepts [Appxite].
            ("(927) 325/3908", &us, ok("9273253908")),
            ("1.(458)-866-4473", &us, ok("4588664473")),
            // Spaces and a leading + are dropped (rules.md section 2).
            ("+1 425 555 0100", &us, ok("4255550100")),
            ("425-555-0100", &us, ok("4255550100")),
            ("4255550100", &ca, ok("4255550100")),
            ("1-425-555-0100", &ca, ok("4255550100")),
            ("14255550100", &us, ok("4255550100")),
            ("425.555.0100", &us, ok("4255550100")),
            // Full-width digits fold under NFKC (section 0); a Unicode dash counts as '-' (decision).
            ("４２５–５５５–０１００", &us, ok("4255550100")),
            // Shape only: area code / exchange starting with 0 or 1 is a warning (decision).
            ("123-456-7890", &us, Ok(("1234567890".into(), vec!["phone.nanp_area_code"]))),
            ("(425) 155-0100", &us, Ok(("4251550100".into(), vec!["phone.nanp_exchange"]))),
            // PC's US pattern: 10 digits (+ optional 1), separators - / . only [PC-rules].
            ("555-0100", &us, Err("phone.nanp_format")),
            ("425-555-01000", &us, Err("phone.nanp_format")),
            ("2-425-555-0100", &us, Err("phone.nanp_format")),
            ("(425 555 0100", &us, Err("phone.nanp_format")),
            ("425--555-0100", &us, Err("phone.nanp_format")),
            ("+44 20 7946 0958", &us, Err("phone.nanp_format")),
            ("425_555_0100", &us, Err("phone.bad_character")),
            ("425-555-0100 x12", &us, Err("phone.bad_character")),
            ("1+4255550100", &us, Err("phone.misplaced_plus")),
            // Required [iw].
            ("   ", &us, Err("phone.required")),
        ];
        for (raw, r, want) in cases {
            assert_eq!(code_of(raw, Some(r)), *want, "{raw:?}");
        }
    }

    #[test]
    fn elsewhere() {
        let gr = rules("GR");
        let ok = |v: &str| Ok((v.to_owned(), vec![]));
        let cases: &[(&str, Option<&Rules<'_>>, Got)] = &[
            // The record example of request.md; calling code matches GR ["30"].
            ("+30 210 123 4567", Some(&gr), ok("+302101234567")),
            // National form: digits only (rules.md section 2).
            ("210 123 4567", Some(&gr), ok("2101234567")),
            ("210-123.45/67", Some(&gr), ok("2101234567")),
            ("(210) 1234567", Some(&gr), ok("2101234567")),
            // 00 is the international prefix (decision).
            ("0030 210 123 4567", Some(&gr), ok("+302101234567")),
            // (0) trunk prefix after a calling code is dropped (decision).
            ("+30 (0)210 123 4567", Some(&gr), ok("+302101234567")),
            // Another country's calling code: a warning (decision); +44 is known to the table only when GB is in it,
            // the code does not depend on that.
            ("+44 20 7946 0958", Some(&gr), Ok(("+442079460958".into(), vec!["phone.calling_code_mismatch"]))),
            ("+1 425 555 0100", Some(&gr), Ok(("+14255550100".into(), vec!["phone.calling_code_mismatch"]))),
            // Unknown country: general rule, no calling-code check.
            ("+44 20 7946 0958", None, ok("+442079460958")),
            ("+1 (425) 555-0100", None, ok("+14255550100")),
            // E.164: 7–15 digits, calling code included.
            ("123 456", Some(&gr), Err("phone.too_few_digits")),
            ("+30 1234 5678 9012 34", Some(&gr), Err("phone.too_many_digits")),
            ("+30 1234 5678 9012", Some(&gr), ok("+30123456789012")),
            ("+", None, Err("phone.bad_calling_code")),
            ("+0 210 123 4567", None, Err("phone.bad_calling_code")),
            ("000 210 123 4567", None, Err("phone.bad_calling_code")),
            // Parentheses in pairs, not nested (decision).
            ("(210 123 4567", Some(&gr), Err("phone.unbalanced_parentheses")),
            ("210) 123 4567", Some(&gr), Err("phone.unbalanced_parentheses")),
            ("((210)) 123 4567", Some(&gr), Err("phone.unbalanced_parentheses")),
            // Letters and a misplaced + (decision).
            ("210 123 4567 ext 5", Some(&gr), Err("phone.bad_character")),
            ("210 CALL NOW", None, Err("phone.bad_character")),
            ("30+210 123 4567", None, Err("phone.misplaced_plus")),
            // Arabic-Indic digits (decision) and NFKC full-width digits (section 0).
            ("+٣٠ ٢١٠ ١٢٣ ٤٥٦٧", Some(&gr), ok("+302101234567")),
            ("＋３０ ２１０ １２３ ４５６７", Some(&gr), ok("+302101234567")),
            ("", None, Err("phone.required")),
        ];
        for (raw, r, want) in cases {
            assert_eq!(code_of(raw, *r), *want, "{raw:?}");
        }
    }

    #[test]
    fn run_time_pattern() {
        // Run-time rules carry phoneNumberRegex [PC-rules]; the number must match it too.
        let re = crate::pattern::Pattern::anchored(r"\+30\d{10}").expect("pattern");
        let mut gr = rules("GR");
        gr.phone_number_regex = Some(&re);
        assert_eq!(code_of("+30 210 123 4567", Some(&gr)), Ok(("+302101234567".into(), vec![])));
        assert_eq!(code_of("210 123 4567", Some(&gr)), Err("phone.format"));
        // Only the typed text matches: it becomes the value (decision).
        let dashed = crate::pattern::Pattern::anchored(r"\d{3}-\d{3}-\d{4}").expect("pattern");
        let mut us = rules("US");
        us.phone_number_regex = Some(&dashed);
        assert_eq!(code_of("425-555-0100", Some(&us)), Ok(("425-555-0100".into(), vec![])));
        assert_eq!(code_of("(425) 555 0100", Some(&us)), Err("phone.format"));
    }

    #[test]
    fn positions_and_params() {
        let r = check("210 12a", None).unwrap_err();
        assert_eq!(r.params().get("position"), Some(&crate::Param::Int(7)));
        assert_eq!(r.params().get("character"), Some(&crate::Param::Str("a".into())));
        let gr = rules("GR");
        let w = check("+1 425 555 0100", Some(&gr)).unwrap().warnings;
        assert_eq!(w.first().map(|w| w.params().get("expected").cloned()), Some(Some(crate::Param::Str("30".into()))));
        assert_eq!(w.first().map(Reason::severity), Some(Severity::Warning));
        let long = check(&"1".repeat(MAX_CHARS + 1), None).unwrap_err();
        assert_eq!(long.code(), "phone.too_long");
    }

    #[test]
    fn codes_are_listed() {
        let samples = [
            check("", None),
            check("(", None),
            check("x", None),
            check("1+", None),
            check("+0", None),
            check("1", None),
            check("1234567890123456", None),
            check("1", Some(&rules("US"))),
        ];
        for s in samples {
            let code = s.unwrap_err().code();
            assert!(CODES.contains(&code), "{code}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "\u{0}",
            "(((",
            ")))",
            "+",
            "++",
            "00",
            "0",
            "(0)",
            "+(0)",
            "+1(0)",
            "\u{10ffff}",
            "٠٠",
            "𝟘𝟙𝟚",
            "1(",
            "1.",
            "1-",
            "(123)",
            "+1 (",
            "1-(",
        ] {
            let _ = check(s, None);
            let _ = check(s, Some(&rules("US")));
            let _ = check(s, Some(&rules("GR")));
        }
    }
}
