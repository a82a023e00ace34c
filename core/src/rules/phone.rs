//! Phone (`rules.md` section 2, "Phone").
//!
//! - Required for every account: BSS needs it [iw]; Partner Center itself makes it mandatory only for some countries
//!   (error 600051) [PC-create, PC-errors].
//! - Which branch applies: the account's country when it is the United States or Canada and the number has no calling
//!   code or `+1`; otherwise the calling code's country. A number without a calling code is a national number of the
//!   account's country; with no (valid) account country it is an error asking for the calling code.
//! - United States and Canada: Partner Center's US pattern [PC-rules] (10 digits, an optional leading `1`, optional
//!   parentheses around the area code, `-` `/` `.` separators), after dropping spaces and a leading `+`, which people
//!   type; shapes Microsoft accepts include `(927) 325/3908` and `1.(458)-866-4473` [Appxite]. Only the shape is
//!   checked: an area code or exchange starting with 0 or 1 is a warning (**decision**). Normalized: the 10 digits.
//! - Elsewhere: an optional `+`, or an international prefix of the account's country typed instead (`00`; `011` in
//!   North America; `810` in Kazakhstan: read per country from the data, as `011` also begins national numbers in
//!   India, South Africa and Japan), then the calling code and the national significant number, with space `-` `.`
//!   `/` `()` separators. The national significant number must have one of the lengths the country dials for real
//!   numbers and begin with a digit such numbers begin with (libphonenumber's metadata, generated into
//!   [`crate::countries::dialing`], which documents the derivations). Normalized: E.164, `+` and digits.
//! - Trunk prefixes (`0`; `8` in KZ and RU; `06` in HU): dropped from a national number (`030 1234567` in Germany is
//!   `+49301234567`). After a calling code, `(0)` is dropped where 0 is a trunk prefix (`+44 (0)20 7946 0958`); where
//!   the 0 belongs to the number it stays (`+39 (0)6 …` in Italy). A trunk prefix written after `+CC` without
//!   parentheses (`+44 020 …`) is dropped with a warning. Either way it is dropped only when the number needs it: the
//!   digits as given are no real number (length, leading digits), and without the prefix they are.
//! - An extension (`ext. 12`, `x12`, `#12`, `;ext=12`) is an error of its own: the field holds one number.
//! - A `+CC` that is not the account's country's calling code is a warning (**decision**).
//! - Run-time rules from Partner Center may carry a `phoneNumberRegex` [PC-rules]; the number must then match it too.
//!
//! Details this module decides (**decision**, all of them):
//! - An international prefix counts only when a calling code follows it; otherwise the digits are a national number.
//! - Parentheses come in pairs and do not nest; an unpaired one is an error naming its position.
//! - Letters are an error (other than an extension's marker), as is a `+` anywhere but first.
//! - Hyphen-like dashes (U+2010–U+2015, U+2212 minus, small and full-width hyphen-minus) count as `-`; decimal
//!   digits of the scripts used in countries where Partner Center requires the phone (Arabic-Indic, Extended
//!   Arabic-Indic, Devanagari, Thai, Myanmar) count as the digits they are. NFKC (section 0) already folds full-width
//!   digits.
//! - A run-time pattern is tried on the normalized value first (that is what the provisioning side sends); when only
//!   the text as typed (after section 0) matches, that text becomes the value, so the value sent always matches.
//!
//! Matching is hand-written, not a regex: the crate ships in wasm, where size matters.

use crate::countries::dialing::{self, Plan};
use crate::countries::{CallingCodes, Rules};
use crate::issue::{Checked, Outcome, Params, Reason, Wording};
use crate::message::push_int;
use crate::text::{normalize, MAX_CHARS};
use alloc::{borrow::ToOwned, string::String, vec::Vec};

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
    /// An extension after the number (`x12`, `ext. 12`, `#12`): the field holds one number (**decision**).
    Extension { extension: String },
    /// A `+` that is not the first character.
    MisplacedPlus { position: usize },
    /// A parenthesis without its partner, or one pair inside another.
    UnbalancedParentheses { position: usize },
    /// No calling code after the `+` (or the international prefix): nothing, a 0, or a code no country uses.
    BadCallingCode,
    /// A national number (no calling code) while the account has no valid country to read it in.
    NeedsCallingCode,
    /// The national significant number begins with a digit no real number of the country begins with.
    LeadingDigit {
        digit: char,
        /// The digits such numbers begin with, as text (`2 or 5 to 9`).
        digits: String,
        calling_code: String,
        /// ISO code of the country the number is read in; `None` for a non-geographic code (+800, …).
        country: Option<&'static str>,
    },
    /// The national significant number has a length no real number of the country has: `phone.too_few_digits` below
    /// the shortest, `phone.too_many_digits` above the longest, `phone.wrong_length` between.
    Length {
        count: usize,
        min: usize,
        max: usize,
        /// The real lengths, as text (`7, 9 or 10`; `5 to 15`).
        lengths: String,
        calling_code: String,
        country: Option<&'static str>,
    },
    /// Not Partner Center's US pattern [PC-rules], in the United States or Canada.
    NanpFormat { country: &'static str },
    /// Does not match the run-time `phoneNumberRegex` of the country [PC-rules].
    Format { country: &'static str },
    /// Warning: the area code starts with 0 or 1, which no North American area code does (**decision**).
    NanpAreaCode { area_code: String },
    /// Warning: the exchange (central office code) starts with 0 or 1 (**decision**).
    NanpExchange { exchange: String },
    /// Warning: a trunk prefix written after the calling code (`+44 020 …`) was dropped.
    TrunkPrefix { prefix: String, calling_code: String },
    /// Warning: the `+CC` is not the account's country's calling code (**decision**).
    CallingCodeMismatch {
        /// The calling code the number starts with.
        calling_code: Option<String>,
        /// The account's country's (first) calling code.
        expected: String,
        country: &'static str,
    },
}

/// The messages of the three length codes, in a country and for a non-geographic calling code.
macro_rules! length {
    (in_country) => {
        "A phone number in {country|in} has {lengths} digits after the calling code +{callingCode} and without a \
         trunk prefix; this one has {count}."
    };
    (non_geographic) => {
        "A phone number with the calling code +{callingCode} has {lengths} digits after it; this one has {count}."
    };
}

/// The start of the two messages of `phone.bad_character`.
macro_rules! bad_character {
    () => {
        "The phone number may contain only digits, spaces and + - . / ( ); {character|char} at position {position} \
         is not allowed"
    };
}

crate::wordings! {
    enum Say;
    /// Every code this module can emit.
    pub const CODES;
    "phone.required" (example: Str) {
        Required: "Enter the customer's phone number, e.g. {example}: it is required for every account."
    }
    "phone.too_long" (max: Int) { TooLong: "The phone number is longer than {max} characters." }
    "phone.bad_character" (character: Str, position: Int) {
        BadLetter: concat!(bad_character!(), " (enter one number, without letters or an extension)."),
        BadCharacter: concat!(bad_character!(), "."),
    }
    "phone.extension" (extension: Str, example: Str) {
        Extension: "Enter the phone number without the extension {extension}: Partner Center takes one number, \
                    e.g. {example}."
    }
    "phone.misplaced_plus" (position: Int) {
        MisplacedPlus: "'+' may only come first, before the calling code (e.g. +30 210 123 4567); found one at \
                        position {position}."
    }
    "phone.unbalanced_parentheses" (position: Int) {
        UnbalancedParentheses: "The parenthesis at position {position} has no partner; use parentheses in pairs, \
                                not nested, e.g. (210) 123 4567."
    }
    "phone.bad_calling_code" (example: Str) {
        BadCallingCode: "After '+' comes a country calling code, e.g. {example}; this number does not start with \
                         one."
    }
    "phone.needs_calling_code" (example: Str) {
        NeedsCallingCode: "Enter the phone number with its country calling code, e.g. {example}: without a valid \
                           country in the billing address, a national number cannot be read."
    }
    "phone.leading_digit" (digit: Str, digits: Str, callingCode: Str, country: OptStr) {
        LeadingDigitInCountry: "After the calling code +{callingCode}, a phone number in {country|in} begins with \
                                {digits}, not {digit}; check the number.",
        LeadingDigit: "After the calling code +{callingCode}, a phone number begins with {digits}, not {digit}; \
                       check the number.",
    }
    "phone.too_few_digits" (count: Int, min: Int, max: Int, lengths: Str, callingCode: Str, country: OptStr) {
        TooFewDigitsInCountry: length!(in_country),
        TooFewDigits: length!(non_geographic),
    }
    "phone.too_many_digits" (count: Int, min: Int, max: Int, lengths: Str, callingCode: Str, country: OptStr) {
        TooManyDigitsInCountry: length!(in_country),
        TooManyDigits: length!(non_geographic),
    }
    "phone.wrong_length" (count: Int, min: Int, max: Int, lengths: Str, callingCode: Str, country: OptStr) {
        WrongLengthInCountry: length!(in_country),
        WrongLength: length!(non_geographic),
    }
    "phone.nanp_format" (country: Str, example: Str) {
        NanpFormat: "A phone number in {country|in} has 10 digits, optionally after a 1, e.g. {example}, \
                     1-425-555-0100 or +1 425 555 0100."
    }
    "phone.format" (country: Str) { Format: "The phone number does not have the format Partner Center expects for {country|in}." }
    "phone.nanp_area_code" Warning (areaCode: Str) {
        NanpAreaCode: "The area code {areaCode} starts with 0 or 1, which no North American area code does; check \
                       the number."
    }
    "phone.nanp_exchange" Warning (exchange: Str) {
        NanpExchange: "The exchange {exchange} (the 3 digits after the area code) starts with 0 or 1, which no North \
                       American exchange does; check the number."
    }
    "phone.trunk_prefix" Warning (prefix: Str, callingCode: Str) {
        TrunkPrefix: "The trunk prefix {prefix} is not dialled after the calling code +{callingCode}, so it was \
                      left out; check the number."
    }
    "phone.calling_code_mismatch" Warning (callingCode: OptStr, expected: Str, country: Str) {
        CallingCodeMismatch: "The number has the calling code +{callingCode}, but {country|in} uses +{expected}; check \
                              the number.",
        NotTheCountrysCallingCode: "The number's calling code is not that of the account's country: {country|in} uses \
                                    +{expected}; check the number.",
    }
}

crate::display_as_message!(PhoneReason);

impl Reason for PhoneReason {
    fn wording(&self) -> Wording {
        match self {
            PhoneReason::Required => Say::Required,
            PhoneReason::TooLong { .. } => Say::TooLong,
            PhoneReason::BadCharacter { character, .. } if crate::text::is_alphabetic(*character) => Say::BadLetter,
            PhoneReason::BadCharacter { .. } => Say::BadCharacter,
            PhoneReason::Extension { .. } => Say::Extension,
            PhoneReason::MisplacedPlus { .. } => Say::MisplacedPlus,
            PhoneReason::UnbalancedParentheses { .. } => Say::UnbalancedParentheses,
            PhoneReason::BadCallingCode => Say::BadCallingCode,
            PhoneReason::NeedsCallingCode => Say::NeedsCallingCode,
            PhoneReason::LeadingDigit { country: Some(_), .. } => Say::LeadingDigitInCountry,
            PhoneReason::LeadingDigit { country: None, .. } => Say::LeadingDigit,
            PhoneReason::Length { count, min, max, country, .. } => match (count < min, count > max, country) {
                (true, _, Some(_)) => Say::TooFewDigitsInCountry,
                (true, _, None) => Say::TooFewDigits,
                (_, true, Some(_)) => Say::TooManyDigitsInCountry,
                (_, true, None) => Say::TooManyDigits,
                (_, _, Some(_)) => Say::WrongLengthInCountry,
                (_, _, None) => Say::WrongLength,
            },
            PhoneReason::NanpFormat { .. } => Say::NanpFormat,
            PhoneReason::Format { .. } => Say::Format,
            PhoneReason::NanpAreaCode { .. } => Say::NanpAreaCode,
            PhoneReason::NanpExchange { .. } => Say::NanpExchange,
            PhoneReason::TrunkPrefix { .. } => Say::TrunkPrefix,
            PhoneReason::CallingCodeMismatch { calling_code: Some(_), .. } => Say::CallingCodeMismatch,
            PhoneReason::CallingCodeMismatch { calling_code: None, .. } => Say::NotTheCountrysCallingCode,
        }
        .into()
    }

    fn params(&self) -> Params {
        let p = Params::default();
        match self {
            PhoneReason::Required | PhoneReason::BadCallingCode | PhoneReason::NeedsCallingCode => {
                p.with("example", EXAMPLE)
            }
            PhoneReason::TooLong { max } => p.with("max", *max),
            PhoneReason::BadCharacter { character, position } => {
                p.with("character", *character).with("position", *position)
            }
            PhoneReason::Extension { extension } => p.with("extension", extension).with("example", EXAMPLE),
            PhoneReason::MisplacedPlus { position } | PhoneReason::UnbalancedParentheses { position } => {
                p.with("position", *position)
            }
            PhoneReason::LeadingDigit { digit, digits, calling_code, country } => {
                let p = p.with("digit", *digit).with("digits", digits).with("callingCode", calling_code);
                match country {
                    Some(c) => p.with("country", *c),
                    None => p,
                }
            }
            PhoneReason::Length { count, min, max, lengths, calling_code, country } => {
                let p = p
                    .with("count", *count)
                    .with("min", *min)
                    .with("max", *max)
                    .with("lengths", lengths)
                    .with("callingCode", calling_code);
                match country {
                    Some(c) => p.with("country", *c),
                    None => p,
                }
            }
            PhoneReason::NanpFormat { country } => p.with("country", *country).with("example", NANP_EXAMPLE),
            PhoneReason::Format { country } => p.with("country", *country),
            PhoneReason::NanpAreaCode { area_code } => p.with("areaCode", area_code),
            PhoneReason::NanpExchange { exchange } => p.with("exchange", exchange),
            PhoneReason::TrunkPrefix { prefix, calling_code } => {
                p.with("prefix", prefix).with("callingCode", calling_code)
            }
            PhoneReason::CallingCodeMismatch { calling_code, expected, country } => {
                let p = match calling_code {
                    Some(cc) => p.with("callingCode", cc),
                    None => p,
                };
                p.with("expected", expected).with("country", *country)
            }
        }
    }
}

const EXAMPLE: &str = "+30 210 123 4567";
const NANP_EXAMPLE: &str = "(425) 555-0100";

/// Checks a phone number against the rules of the account's country (`None` when the country is unknown or invalid).
pub fn check(raw: &str, country: Option<&Rules<'_>>) -> Outcome<String, PhoneReason> {
    let text = normalize(raw).map_err(|_| PhoneReason::TooLong { max: MAX_CHARS })?;
    if text.is_empty() {
        return Err(PhoneReason::Required);
    }
    let chars = clean(&text)?;
    let mut checked = read(&chars, country)?;
    if let Some(rules) = country {
        if let Some(pattern) = rules.phone_number_regex {
            if !pattern.is_match(&checked.value) {
                if pattern.is_match(&text) {
                    checked.value = crate::text::owned(text);
                } else {
                    return Err(PhoneReason::Format { country: rules.country.name() });
                }
            }
        }
    }
    Ok(checked)
}

/// Picks the branch (rules.md section 2) and reads the number in it.
fn read(chars: &[char], country: Option<&Rules<'_>>) -> Outcome<String, PhoneReason> {
    let mut digits: Vec<u8> = Vec::with_capacity(chars.len());
    for &c in chars {
        if c.is_ascii_digit() {
            digits.push(c as u8);
        }
    }
    // Where the calling code begins among the digits, when the number has one.
    let international = if chars.first() == Some(&'+') {
        Some(0)
    } else {
        country.and_then(|r| {
            dialing::international_prefixes(r.country)
                .find(|p| {
                    digits.starts_with(p.as_bytes())
                        && dialing::plan_at_start(digits.get(p.len()..).unwrap_or_default()).is_some()
                })
                .map(str::len)
        })
    };
    if let Some(rules) = country.filter(|r| matches!(r.country.code(), "US" | "CA")) {
        // A national number, or `+1` (or `011 1`): where the US pattern begins among the digits.
        let nanp = match international {
            None => Some(0),
            Some(at) => Some(at).filter(|&at| digits.get(at) == Some(&b'1')),
        };
        if let Some(at) = nanp {
            return check_nanp(after_digits(chars, at), digits.get(at..).unwrap_or_default(), rules);
        }
    }
    let groups = groups(chars)?;
    let (plan, nsn, home, warnings) = match international {
        Some(at) => read_international(&digits, at, &groups, country)?,
        None => read_national(&digits, country)?,
    };
    check_nsn(plan, nsn, home)?;
    Ok(Checked { value: e164(plan, nsn), warnings })
}

/// A number's plan, its national significant number, the country its errors name (`None`: the plan's main region)
/// and its warnings.
type Reading<'d> = (Plan, &'d [u8], Option<&'static str>, Vec<PhoneReason>);

/// The characters after the first `count` digits (the international prefix).
fn after_digits(chars: &[char], count: usize) -> &[char] {
    if count == 0 {
        return chars;
    }
    let mut seen = 0;
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            seen += 1;
            if seen == count {
                return chars.get(i + 1..).unwrap_or_default();
            }
        }
    }
    &[]
}

/// Maps the text to one ASCII character per input character (digits of other scripts to ASCII digits, dashes to
/// `-`), refusing anything else. Positions in reasons are the input's, counted in characters from 1.
fn clean(text: &str) -> Result<Vec<char>, PhoneReason> {
    let mut out = Vec::with_capacity(text.len());
    for (i, (at, c)) in text.char_indices().enumerate() {
        let position = i + 1;
        let mapped = match c {
            '0'..='9' | ' ' | '-' | '.' | '/' | '(' | ')' => c,
            '+' if i == 0 => c,
            '+' => return Err(PhoneReason::MisplacedPlus { position }),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
            _ => match script_digit(c) {
                Some(d) => d,
                None => {
                    let has_digits = out.iter().any(char::is_ascii_digit);
                    return Err(match extension(text.get(at..).unwrap_or_default()) {
                        Some(extension) if has_digits => PhoneReason::Extension { extension },
                        _ => PhoneReason::BadCharacter { character: c, position },
                    });
                }
            },
        };
        out.push(mapped);
    }
    Ok(out)
}

/// The markers of an extension, as libphonenumber's extension patterns know them (lower case; `;ext=` is RFC 3966).
/// A comma alone (a dialling pause) marks one too.
/// Joined by `|` (one string, not a table of string pointers), longest first where one begins another.
const EXTENSION_MARKERS: &str = ";ext=|extension|extn|ext|anexo|доб|x|#";

/// The extension's digits when `tail` (the text from the first character that is no part of a number) is an
/// extension: a marker, optionally `.` `:` `=` and spaces, then digits to the end.
fn extension(tail: &str) -> Option<String> {
    // Case folded for the markers' scripts only (Latin, Cyrillic): the full Unicode tables cost 24 KB in WebAssembly.
    let lower = crate::text::fold(tail);
    let comma = lower.starts_with(',');
    let mut rest = skip(&lower, b", ");
    match crate::text::split_by(EXTENSION_MARKERS, b'|').find(|m| rest.starts_with(m)) {
        Some(marker) => rest = rest.get(marker.len()..)?,
        None if comma => {}
        None => return None,
    }
    let rest = skip(rest, b".:= ");
    let mut digits = String::new();
    for c in rest.chars() {
        digits.push(if c.is_ascii_digit() { c } else { script_digit(c)? });
    }
    (!digits.is_empty()).then_some(digits)
}

/// The text after its leading bytes of `set` (ASCII).
fn skip<'a>(text: &'a str, set: &[u8]) -> &'a str {
    let n = text.bytes().take_while(|&b| crate::text::has_byte(set, b)).count();
    text.get(n..).unwrap_or_default()
}

/// The ASCII digit for a decimal digit of the scripts listed in the module documentation.
fn script_digit(c: char) -> Option<char> {
    const ZEROS: [u32; 5] = [0x0660, 0x06f0, 0x0966, 0x0e50, 0x1040];
    let cp = u32::from(c);
    let digit = ZEROS.iter().find_map(|&zero| cp.checked_sub(zero).filter(|&d| d < 10))?;
    Some(char::from(b'0' + digit as u8))
}

/// United States and Canada: spaces and a leading `+` dropped, then Partner Center's US pattern [PC-rules]. `digits`
/// are the number's, after its international prefix if any.
fn check_nanp(chars: &[char], digits: &[u8], rules: &Rules<'_>) -> Outcome<String, PhoneReason> {
    // With the optional `1` the pattern has 11 digits, without it 10: the count says which reading to check.
    let ten = match digits {
        [b'1', rest @ ..] if rest.len() == 10 => rest,
        _ => digits,
    };
    if ten.len() != 10 || !nanp_shape(chars, ten.len() < digits.len()) {
        return Err(PhoneReason::NanpFormat { country: rules.country.name() });
    }
    let text = |digits: &[u8]| {
        let mut out = String::new();
        push_ascii(&mut out, digits);
        out
    };
    let (area, exchange) = (ten.get(..3).unwrap_or_default(), ten.get(3..6).unwrap_or_default());
    let mut warnings = Vec::new();
    if matches!(area.first(), Some(b'0' | b'1')) {
        warnings.push(PhoneReason::NanpAreaCode { area_code: text(area) });
    }
    if matches!(exchange.first(), Some(b'0' | b'1')) {
        warnings.push(PhoneReason::NanpExchange { exchange: text(exchange) });
    }
    Ok(Checked { value: text(ten), warnings })
}

/// Whether the characters, spaces and a leading `+` dropped, are `1?[-/.]?(\(ddd\)|ddd)[-/.]?ddd[-/.]?dddd`, with
/// the `1` when `one`.
fn nanp_shape(chars: &[char], one: bool) -> bool {
    let mut s = Unspaced(chars);
    s.take(|c| c == '+');
    if one {
        if !s.take(|c| c == '1') {
            return false;
        }
        s.take(is_nanp_separator);
    }
    let area = if s.take(|c| c == '(') { s.digits(3) && s.take(|c| c == ')') } else { s.digits(3) };
    // The exchange and the line number, each after an optional separator; nothing after them.
    area && s.separated_digits(3) && s.separated_digits(4) && !s.take(|_| true)
}

fn is_nanp_separator(c: char) -> bool {
    matches!(c, '-' | '/' | '.')
}

/// Characters read one at a time, spaces skipped.
struct Unspaced<'a>(&'a [char]);

impl Unspaced<'_> {
    /// Takes the next character when `wanted` says so.
    fn take(&mut self, wanted: fn(char) -> bool) -> bool {
        while let Some((' ', rest)) = self.0.split_first() {
            self.0 = rest;
        }
        match self.0.split_first() {
            Some((&c, rest)) if wanted(c) => {
                self.0 = rest;
                true
            }
            _ => false,
        }
    }

    /// Takes `n` digits.
    fn digits(&mut self, n: usize) -> bool {
        (0..n).all(|_| self.take(|c| c.is_ascii_digit()))
    }

    /// Takes an optional separator (`-` `/` `.`), then `n` digits.
    fn separated_digits(&mut self, n: usize) -> bool {
        self.take(is_nanp_separator);
        self.digits(n)
    }
}

/// The parenthesized groups as ranges of digit indices, checking that parentheses pair and do not nest.
fn groups(chars: &[char]) -> Result<Vec<core::ops::Range<usize>>, PhoneReason> {
    let mut out = Vec::new();
    let mut digits = 0;
    // Where the open parenthesis is (position) and how many digits came before it.
    let mut open: Option<(usize, usize)> = None;
    for (i, &c) in chars.iter().enumerate() {
        let position = i + 1;
        match c {
            '0'..='9' => digits += 1,
            '(' if open.is_some() => return Err(PhoneReason::UnbalancedParentheses { position }),
            '(' => open = Some((position, digits)),
            ')' => match open.take() {
                Some((_, before)) => out.push(before..digits),
                None => return Err(PhoneReason::UnbalancedParentheses { position }),
            },
            _ => {}
        }
    }
    match open {
        Some((position, _)) => Err(PhoneReason::UnbalancedParentheses { position }),
        None => Ok(out),
    }
}

/// A number with a calling code, which begins at digit `at` (after `+` or the international prefix).
fn read_international<'d>(
    digits: &'d [u8],
    at: usize,
    groups: &[core::ops::Range<usize>],
    country: Option<&Rules<'_>>,
) -> Result<Reading<'d>, PhoneReason> {
    let rest = digits.get(at..).unwrap_or_default();
    let (plan, code_len) = dialing::plan_at_start(rest).ok_or(PhoneReason::BadCallingCode)?;
    let start = at + code_len;
    let mut nsn = digits.get(start..).unwrap_or_default();
    let mut warnings = Vec::new();
    // `+44 (0)20 …`: a trunk prefix in its conventional parentheses right after the calling code, dropped silently.
    let trunk_group = groups.iter().find(|g| {
        g.start == start && digits.get((*g).clone()).is_some_and(|d| plan.trunk_prefixes().any(|t| t.as_bytes() == d))
    });
    if let Some(g) = trunk_group {
        nsn = digits.get(g.end..).unwrap_or_default();
    } else if let Some((prefix, stripped)) = strip_trunk(plan, nsn) {
        warnings.push(PhoneReason::TrunkPrefix { prefix: prefix.to_owned(), calling_code: code_text(plan) });
        nsn = stripped;
    }
    let home = country.filter(|r| dialing::country_plan(r.country) == Some(plan)).map(|r| r.country.code());
    if let Some(warning) = country.and_then(|rules| calling_code_mismatch(rest, plan, rules)) {
        warnings.push(warning);
    }
    Ok((plan, nsn, home, warnings))
}

/// A number without a calling code: a national number of the account's country.
fn read_national<'d>(digits: &'d [u8], country: Option<&Rules<'_>>) -> Result<Reading<'d>, PhoneReason> {
    let rules = country.ok_or(PhoneReason::NeedsCallingCode)?;
    let plan = home_plan(rules).ok_or(PhoneReason::NeedsCallingCode)?;
    let mut nsn = digits;
    if let Some((_, stripped)) = strip_trunk(plan, nsn) {
        nsn = stripped;
    } else if let Some(t) = plan.trunk_prefixes().find(|t| !is_real(plan, nsn) && nsn.starts_with(t.as_bytes())) {
        // Neither reading is a real number: the one without the trunk prefix is the one to report on.
        nsn = nsn.get(t.len()..).unwrap_or_default();
    }
    Ok((plan, nsn, Some(rules.country.code()), Vec::new()))
}

/// The plan national numbers of the account's country are read in: its region's, else the first of its run-time
/// calling codes that the data knows.
fn home_plan(rules: &Rules<'_>) -> Option<Plan> {
    dialing::country_plan(rules.country).or_else(|| match rules.country_calling_codes {
        CallingCodes::Runtime(list) => list.iter().find_map(|c| dialing::plan_of(c)),
        CallingCodes::Default(_) => None,
    })
}

/// The trunk prefix that begins `nsn` and the rest, when the digits are no real number and the rest is one.
fn strip_trunk(plan: Plan, nsn: &[u8]) -> Option<(&'static str, &[u8])> {
    if is_real(plan, nsn) {
        return None;
    }
    plan.trunk_prefixes().find_map(|t| {
        let rest = nsn.strip_prefix(t.as_bytes())?;
        is_real(plan, rest).then_some((t, rest))
    })
}

/// Whether the digits have a real length and begin as a real number of the plan does. Digits that begin with a trunk
/// prefix begin a real number only where that prefix and the next digit can (`+7 800…`; not `+91 098…`).
fn is_real(plan: Plan, nsn: &[u8]) -> bool {
    let Some(&first) = nsn.first() else { return false };
    let trunk_like = plan.trunk_prefixes().find_map(|t| nsn.strip_prefix(t.as_bytes())).and_then(|r| r.first());
    plan.has_length(nsn.len())
        && plan.can_begin_with(first)
        && trunk_like.is_none_or(|&next| plan.trunk_is_ambiguous_before(next))
}

/// The errors of a national significant number: a leading digit, then the length. They name `home` (the account's
/// country when the number is in its plan), else the plan's main region.
fn check_nsn(plan: Plan, nsn: &[u8], home: Option<&'static str>) -> Result<(), PhoneReason> {
    let country = || home.or_else(|| plan.main_region());
    if let Some(&first) = nsn.first().filter(|&&d| !plan.can_begin_with(d)) {
        return Err(PhoneReason::LeadingDigit {
            digit: char::from(first),
            digits: runs_text(plan.leading_digit_mask()),
            calling_code: code_text(plan),
            country: country(),
        });
    }
    if plan.has_length(nsn.len()) {
        return Ok(());
    }
    let mask = plan.length_mask();
    Err(PhoneReason::Length {
        count: nsn.len(),
        min: mask.trailing_zeros() as usize,
        max: 31usize.saturating_sub(mask.leading_zeros() as usize),
        lengths: runs_text(mask),
        calling_code: code_text(plan),
        country: country(),
    })
}

/// The numbers of a mask (bit n for n) as text: `7, 9 or 10`; runs of three or more as `5 to 15`.
fn runs_text(mask: u32) -> String {
    let mut out = String::new();
    let mut n = 0;
    while n < 32 {
        if mask & (1 << n) == 0 {
            n += 1;
            continue;
        }
        let mut end = n;
        while end < 31 && mask & (1 << (end + 1)) != 0 {
            end += 1;
        }
        // A run of two is two items.
        let last = if end >= n + 2 { end } else { n };
        if !out.is_empty() {
            // The last item follows `or`: no number after it.
            let more = mask.checked_shr(last + 1).unwrap_or(0) != 0;
            out.push_str(if more { ", " } else { " or " });
        }
        push_int(&mut out, i64::from(n));
        if last > n {
            out.push_str(" to ");
            push_int(&mut out, i64::from(last));
        }
        n = last + 1;
    }
    out
}

/// Appends ASCII bytes (digits) as text, without `str::from_utf8` (whose validator the package does without).
fn push_ascii(out: &mut String, bytes: &[u8]) {
    for &b in bytes {
        out.push(char::from(b));
    }
}

fn code_text(plan: Plan) -> String {
    let mut out = String::new();
    push_int(&mut out, i64::from(plan.calling_code()));
    out
}

/// `+`, the calling code and the national significant number.
fn e164(plan: Plan, nsn: &[u8]) -> String {
    let mut out = String::with_capacity(nsn.len() + 4);
    out.push('+');
    push_int(&mut out, i64::from(plan.calling_code()));
    push_ascii(&mut out, nsn);
    out
}

/// The warning when no calling code of the account's country starts the digits. Run-time codes of up to 4 digits (a
/// NANP area code after `1`) are tried as well.
fn calling_code_mismatch(digits: &[u8], plan: Plan, rules: &Rules<'_>) -> Option<PhoneReason> {
    let expected = rules.country_calling_codes.first()?;
    let starts = |code: &str| (1..=4).contains(&code.len()) && digits.starts_with(code.as_bytes());
    let ours = match rules.country_calling_codes {
        CallingCodes::Default(country) => country.country_calling_codes().any(starts),
        CallingCodes::Runtime(list) => list.iter().any(|code| starts(code)),
    };
    if ours {
        return None;
    }
    Some(PhoneReason::CallingCodeMismatch {
        calling_code: Some(code_text(plan)),
        expected: expected.to_owned(),
        country: rules.country.name(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Severity;

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

    fn ok(v: &str) -> Got {
        Ok((v.to_owned(), vec![]))
    }

    fn warn(v: &str, codes: &[&'static str]) -> Got {
        Ok((v.to_owned(), codes.to_vec()))
    }

    /// Runs a table of (input, account country or "" for none, expected).
    fn table(cases: &[(&str, &str, Got)]) {
        for (raw, country, want) in cases {
            let r = (!country.is_empty()).then(|| rules(country));
            assert_eq!(code_of(raw, r.as_ref()), *want, "{raw:?} in {country:?}");
        }
    }

    #[test]
    fn united_states_and_canada() {
        table(&[
            // Shapes Microsoft accepts [Appxite].
            ("(927) 325/3908", "US", ok("9273253908")),
            ("1.(458)-866-4473", "US", ok("4588664473")),
            // Spaces and a leading + are dropped (rules.md section 2).
            ("+1 425 555 0100", "US", ok("4255550100")),
            ("425-555-0100", "US", ok("4255550100")),
            ("4255550100", "CA", ok("4255550100")),
            ("1-425-555-0100", "CA", ok("4255550100")),
            ("14255550100", "US", ok("4255550100")),
            ("425.555.0100", "US", ok("4255550100")),
            // 011 is North America's international prefix: 011 1 is +1, the US branch.
            ("011 1 425 555 0100", "US", ok("4255550100")),
            // Full-width digits fold under NFKC (section 0); a Unicode dash counts as '-' (decision).
            ("４２５–５５５–０１００", "US", ok("4255550100")),
            // Shape only: area code / exchange starting with 0 or 1 is a warning (decision).
            ("123-456-7890", "US", warn("1234567890", &["phone.nanp_area_code"])),
            ("(425) 155-0100", "US", warn("4251550100", &["phone.nanp_exchange"])),
            // PC's US pattern: 10 digits (+ optional 1), separators - / . only [PC-rules].
            ("555-0100", "US", Err("phone.nanp_format")),
            ("425-555-01000", "US", Err("phone.nanp_format")),
            ("2-425-555-0100", "US", Err("phone.nanp_format")),
            ("(425 555 0100", "US", Err("phone.nanp_format")),
            ("425--555-0100", "US", Err("phone.nanp_format")),
            ("425_555_0100", "US", Err("phone.bad_character")),
            ("1+4255550100", "US", Err("phone.misplaced_plus")),
            // Another calling code: that country's rules, with a warning (rules.md section 2).
            ("+44 20 7946 0958", "US", warn("+442079460958", &["phone.calling_code_mismatch"])),
            ("011 44 20 7946 0958", "CA", warn("+442079460958", &["phone.calling_code_mismatch"])),
            ("+44 20 7946", "US", Err("phone.too_few_digits")),
            // 00 is no international prefix in North America: 14 digits are no US number.
            ("0044 20 7946 0958", "US", Err("phone.nanp_format")),
            // An extension has its own code.
            ("425-555-0100 x12", "US", Err("phone.extension")),
            // Required [iw].
            ("   ", "US", Err("phone.required")),
        ]);
    }

    #[test]
    fn national_numbers_are_the_account_countrys() {
        table(&[
            // Greece has no trunk prefix [phonenumbers GR]; the record example of request.md.
            ("210 123 4567", "GR", ok("+302101234567")),
            ("210-123.45/67", "GR", ok("+302101234567")),
            ("(210) 1234567", "GR", ok("+302101234567")),
            // The trunk prefix is dropped: 0 in DE and GB, 8 in KZ, 06 in HU, 1 in NANP outside US/CA.
            ("030 12345678", "DE", ok("+493012345678")),
            ("020 7946 0958", "GB", ok("+442079460958")),
            ("8 701 123 4567", "KZ", ok("+77011234567")),
            ("06 1 234 5678", "HU", ok("+3612345678")),
            ("1 (787) 555-0100", "PR", ok("+17875550100")),
            ("787 555 0100", "PR", ok("+17875550100")),
            // Where 8 also begins numbers (+7 800 toll-free), it is dropped only when the length asks for it.
            ("8 800 555 3535", "RU", ok("+78005553535")),
            ("800 555 3535", "RU", ok("+78005553535")),
            // 011 begins national numbers in India, South Africa and Japan: not an international prefix there.
            ("011 2345 6789", "IN", ok("+911123456789")),
            ("011 123 4567", "ZA", ok("+27111234567")),
            ("03-1234-5678", "JP", ok("+81312345678")),
            // Italy: the 0 belongs to the number [phonenumbers italian_leading_zero].
            ("06 1234 5678", "IT", ok("+390612345678")),
            // A Jersey account with a London number: +44 is shared, its lengths are the union (decision).
            ("020 7946 0958", "JE", ok("+442079460958")),
            // Real lengths only.
            ("030 12", "DE", Err("phone.too_few_digits")),
            ("020 7946 09", "GB", Err("phone.wrong_length")),
            ("01 23 45 67 89 0", "FR", Err("phone.too_many_digits")),
            ("0210 123 4567", "GR", Err("phone.leading_digit")),
            // No valid account country: a national number cannot be read.
            ("210 123 4567", "", Err("phone.needs_calling_code")),
            ("0030 210 123 4567", "", Err("phone.needs_calling_code")),
            // A country without a calling code in the data (Antarctica).
            ("210 123 4567", "AQ", Err("phone.needs_calling_code")),
        ]);
    }

    #[test]
    fn numbers_with_a_calling_code() {
        table(&[
            ("+30 210 123 4567", "GR", ok("+302101234567")),
            ("+44 20 7946 0958", "", ok("+442079460958")),
            ("+1 (425) 555-0100", "", ok("+14255550100")),
            // The account country's international prefix stands for +: 00 in Greece, 810 in Kazakhstan, 010 in Japan.
            ("0030 210 123 4567", "GR", ok("+302101234567")),
            ("8 10 49 30 12345678", "KZ", warn("+493012345678", &["phone.calling_code_mismatch"])),
            ("010 44 20 7946 0958", "JP", warn("+442079460958", &["phone.calling_code_mismatch"])),
            // `(0)` is dropped where 0 is a trunk prefix, silently; written plain, with a warning.
            ("+44 (0)20 7946 0958", "GB", ok("+442079460958")),
            ("+44 020 7946 0958", "GB", warn("+442079460958", &["phone.trunk_prefix"])),
            ("+49 (0)89 1234567", "DE", ok("+49891234567")),
            ("+91 0 98765 43210", "IN", warn("+919876543210", &["phone.trunk_prefix"])),
            ("+7 8 912 345 6789", "RU", warn("+79123456789", &["phone.trunk_prefix"])),
            ("+7 800 555 3535", "RU", ok("+78005553535")),
            ("+36 06 1 234 5678", "HU", warn("+3612345678", &["phone.trunk_prefix"])),
            // Where the 0 belongs to the number, it stays (Italy, Côte d'Ivoire).
            ("+39 (0)6 1234 5678", "IT", ok("+390612345678")),
            ("+39 06 1234 5678", "IT", ok("+390612345678")),
            ("+225 01 23 45 67 89", "CI", ok("+2250123456789")),
            // Greece has no trunk prefix: a 0 after +30 is no Greek number.
            ("+30 (0)210 123 4567", "GR", Err("phone.leading_digit")),
            // Real lengths: +49 89 12 is too short in Germany.
            ("+49 89 12", "DE", Err("phone.too_few_digits")),
            ("+49 89 123", "DE", ok("+4989123")),
            // Another country's calling code: a warning (decision).
            ("+44 20 7946 0958", "GR", warn("+442079460958", &["phone.calling_code_mismatch"])),
            ("+1 425 555 0100", "GR", warn("+14255550100", &["phone.calling_code_mismatch"])),
            // Calling codes start with 1-9 and must exist [ITU-T E.164].
            ("+", "", Err("phone.bad_calling_code")),
            ("+0 210 123 4567", "", Err("phone.bad_calling_code")),
            ("+999 123 4567", "GR", Err("phone.bad_calling_code")),
            // Non-geographic: international freephone +800.
            ("+800 1234 5678", "", ok("+80012345678")),
        ]);
    }

    #[test]
    fn what_the_field_does_not_take() {
        table(&[
            // An extension: its own code, whatever its marker (libphonenumber's markers; RFC 3966's ;ext=).
            ("+30 210 123 4567 ext. 12", "GR", Err("phone.extension")),
            ("+30 210 123 4567 x12", "GR", Err("phone.extension")),
            ("+30 210 123 4567 #12", "GR", Err("phone.extension")),
            ("+30 210 123 4567;ext=12", "GR", Err("phone.extension")),
            ("+30 210 123 4567, 12", "GR", Err("phone.extension")),
            ("+7 495 123 4567 доб. 12", "RU", Err("phone.extension")),
            // Letters that are no extension.
            ("210 123 4567 ext", "GR", Err("phone.bad_character")),
            ("210 CALL NOW", "GR", Err("phone.bad_character")),
            ("x12", "GR", Err("phone.bad_character")),
            // Parentheses in pairs, not nested (decision).
            ("(210 123 4567", "GR", Err("phone.unbalanced_parentheses")),
            ("210) 123 4567", "GR", Err("phone.unbalanced_parentheses")),
            ("((210)) 123 4567", "GR", Err("phone.unbalanced_parentheses")),
            ("30+210 123 4567", "", Err("phone.misplaced_plus")),
            // Arabic-Indic digits (decision) and NFKC full-width digits (section 0).
            ("+٣٠ ٢١٠ ١٢٣ ٤٥٦٧", "GR", ok("+302101234567")),
            ("＋３０ ２１０ １２３ ４５６７", "GR", ok("+302101234567")),
            ("", "", Err("phone.required")),
        ]);
    }

    #[test]
    fn run_time_pattern() {
        // Run-time rules carry phoneNumberRegex [PC-rules]; the number must match it too.
        let re = crate::pattern::Pattern::anchored(r"\+30\d{10}").expect("pattern");
        let mut gr = rules("GR");
        gr.phone_number_regex = Some(&re);
        assert_eq!(code_of("+30 210 123 4567", Some(&gr)), ok("+302101234567"));
        assert_eq!(code_of("210 123 4567", Some(&gr)), ok("+302101234567"));
        assert_eq!(code_of("+30 210 123", Some(&gr)), Err("phone.too_few_digits"));
        // Only the typed text matches: it becomes the value (decision).
        let dashed = crate::pattern::Pattern::anchored(r"\d{3}-\d{3}-\d{4}").expect("pattern");
        let mut us = rules("US");
        us.phone_number_regex = Some(&dashed);
        assert_eq!(code_of("425-555-0100", Some(&us)), ok("425-555-0100"));
        assert_eq!(code_of("(425) 555 0100", Some(&us)), Err("phone.format"));
        // Run-time calling codes decide the mismatch warning; national numbers still read in the country's plan.
        let codes = ["30".to_owned()];
        let mut aq = rules("AQ");
        aq.country_calling_codes = CallingCodes::Runtime(&codes);
        assert_eq!(code_of("210 123 4567", Some(&aq)), ok("+302101234567"));
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
        let short = check("+49 89 12", None).unwrap_err();
        assert_eq!(
            short.to_string(),
            "A phone number in Germany has 5 to 15 digits after the calling code +49 and without a trunk prefix; \
             this one has 4."
        );
        let gb = check("+44 20 7946 09", None).unwrap_err();
        assert_eq!(gb.params().get("lengths"), Some(&crate::Param::Str("7, 9 or 10".into())));
        assert_eq!(check("x 12", None).unwrap_err().code(), "phone.bad_character");
        let ext = check("+30 210 123 4567 ext. 12", None).unwrap_err();
        assert_eq!(ext.params().get("extension"), Some(&crate::Param::Str("12".into())));
        let mask = |ns: &[u32]| ns.iter().fold(0u32, |m, n| m | 1 << n);
        assert_eq!(runs_text(mask(&[6, 7, 8, 9, 10, 12])), "6 to 10 or 12");
        assert_eq!(runs_text(mask(&[8, 9])), "8 or 9");
        assert_eq!(runs_text(mask(&[9])), "9");
        assert_eq!(runs_text(mask(&[7, 9, 10])), "7, 9 or 10");
        assert_eq!(runs_text(mask(&[2, 3, 5, 6, 7, 8, 9])), "2, 3 or 5 to 9");
        assert_eq!(runs_text(mask(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 31])), "0 to 9 or 31");
        assert_eq!(runs_text(0), "");
        let gr = check("+30 0210 123 4567", None).unwrap_err();
        assert_eq!(gr.params().get("digits"), Some(&crate::Param::Str("2 or 5 to 9".into())));
    }

    #[test]
    fn codes_are_listed() {
        let samples = [
            check("", None),
            check("(", Some(&rules("GR"))),
            check("x", None),
            check("1 x1", None),
            check("1+", None),
            check("+0", None),
            check("1", None),
            check("+30 0", None),
            check("+30 2", None),
            check("+30 2101234567890", None),
            check("+44 20 7946 09", None),
            check("1", Some(&rules("US"))),
        ];
        for s in samples {
            let code = s.unwrap_err().code();
            assert!(CODES.iter().any(|c| c.code == code), "{code}");
        }
        let warnings = [check("+44 020 7946 0958", Some(&rules("GR"))), check("(125) 155-0100", Some(&rules("US")))];
        for w in warnings {
            for code in w.unwrap().warnings.iter().map(Reason::code) {
                assert!(CODES.iter().any(|c| c.code == code), "{code}");
            }
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
            "+44 ()",
            "+44 (0)",
            "+44 (0",
            "011",
            "0111",
            "810",
            "8",
            "06",
            "1 x",
            "1 ,",
            "1 доб",
            "1 #",
            "+7 8",
            "+7 (8)",
            "+375 80",
            "İx1",
        ] {
            for country in [None, Some(rules("US")), Some(rules("GR")), Some(rules("KZ")), Some(rules("BY"))] {
                let _ = check(s, country.as_ref());
            }
        }
    }
}
