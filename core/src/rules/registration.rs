//! Organization registration number, the INN (`rules.md` section 2, "Organization registration number").
//!
//! - Required for the countries where Partner Center requires phone and registration number (error 600051)
//!   [PC-create, PC-errors]: [`Country::requires_phone_and_registration`]. Elsewhere it is optional; Partner Center's
//!   older API text says it "should not be specified" there [PC-create], which this rule leaves to the provisioning
//!   side.
//! - 5–22 characters when given [PC-create; interworks Tax ID note].
//! - It must contain a digit (**decision**: every national company registration or tax number of the countries that
//!   require one has digits — INN, CNPJ, NIP/KRS/REGON, CIN/GSTIN, CR, VKN, EDRPOU, …; a value without one is a word
//!   such as "not applicable").
//! - Normalized per section 0 only: case, punctuation and inner spaces are kept, as registries print them.

use crate::countries::Country;
use crate::issue::{Checked, Outcome, Params, Reason, Wording};
use crate::text::{normalize, MAX_CHARS};
use alloc::borrow::Cow;

/// The shortest registration number [PC-create; interworks Tax ID note].
pub const MIN_CHARS: usize = 5;
/// The longest registration number [PC-create; interworks Tax ID note].
pub const MAX_REGISTRATION: usize = 22;

/// Why a registration number is refused.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistrationReason {
    /// Empty, in a country where Partner Center requires it (English country name).
    Required { country: &'static str },
    /// Fewer than `min` characters.
    TooShort { min: usize },
    /// More than `max` characters: 22, or 1,000 before any rule runs (section 0).
    TooLong { max: usize },
    /// No digit at all (**decision**).
    NoDigit,
}

crate::wordings! {
    enum Say;
    /// Every code this module can emit.
    pub const CODES;
    "registration_number.required" (country: Str) {
        Required: "Partner Center requires the organization's registration number (INN or tax ID) for a customer \
                   in {country|in}."
    }
    "registration_number.too_short" (min: Int, max: Int) {
        TooShort: "The registration number has fewer than {min} characters; it has {min} to {max}."
    }
    "registration_number.too_long" (max: Int) { TooLong: "The registration number is longer than {max} characters." }
    "registration_number.no_digit" {
        NoDigit: "The registration number has no digit; enter the organization's registration or tax number as the \
                  registry issued it."
    }
}

crate::display_as_message!(RegistrationReason);

impl Reason for RegistrationReason {
    fn wording(&self) -> Wording {
        match self {
            RegistrationReason::Required { .. } => Say::Required,
            RegistrationReason::TooShort { .. } => Say::TooShort,
            RegistrationReason::TooLong { .. } => Say::TooLong,
            RegistrationReason::NoDigit => Say::NoDigit,
        }
        .into()
    }

    fn params(&self) -> Params {
        let p = Params::default();
        match self {
            RegistrationReason::Required { country } => p.with("country", *country),
            RegistrationReason::TooShort { min } => p.with("min", *min).with("max", MAX_REGISTRATION),
            RegistrationReason::TooLong { max } => p.with("max", *max),
            RegistrationReason::NoDigit => p,
        }
    }
}

/// Checks the organization registration number for the account's country (`None` when unknown: optional then).
pub fn check<'a>(raw: &'a str, country: Option<&Country>) -> Outcome<Cow<'a, str>, RegistrationReason> {
    let text = normalize(raw).map_err(|_| RegistrationReason::TooLong { max: MAX_CHARS })?;
    if text.is_empty() {
        return match country {
            Some(c) if c.requires_phone_and_registration() => Err(RegistrationReason::Required { country: c.name() }),
            _ => Ok(Checked::ok(Cow::Borrowed(""))),
        };
    }
    let count = crate::text::char_count(&text);
    if count < MIN_CHARS {
        return Err(RegistrationReason::TooShort { min: MIN_CHARS });
    }
    if count > MAX_REGISTRATION {
        return Err(RegistrationReason::TooLong { max: MAX_REGISTRATION });
    }
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Err(RegistrationReason::NoDigit);
    }
    Ok(Checked::ok(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::lookup;

    fn outcome(raw: &str, country: Option<&Country>) -> Result<String, &'static str> {
        check(raw, country).map(|c| c.value.into_owned()).map_err(|r| r.code())
    }

    /// A country that requires the number.
    fn requiring() -> &'static Country {
        lookup("KZ").expect("KZ in the table")
    }

    #[test]
    fn table() {
        let gr = lookup("GR");
        let kz = requiring();
        let cases: &[(&str, Option<&Country>, Result<String, &str>)] = &[
            // Optional where Partner Center does not require it [PC-create].
            ("", gr, Ok(String::new())),
            ("  ", gr, Ok(String::new())),
            ("", None, Ok(String::new())),
            // Required for the PC list [PC-create, PC-errors].
            ("", Some(kz), Err("registration_number.required")),
            // 5–22 characters [PC-create; interworks Tax ID note].
            ("123456789012", Some(kz), Ok("123456789012".into())),
            ("12345", Some(kz), Ok("12345".into())),
            ("1234", Some(kz), Err("registration_number.too_short")),
            ("1234567890123456789012", gr, Ok("1234567890123456789012".into())),
            ("12345678901234567890123", gr, Err("registration_number.too_long")),
            // Section 0 only: case, punctuation and spaces kept (CNPJ, a CIN, a South African number).
            ("12.345.678/0001-90", gr, Ok("12.345.678/0001-90".into())),
            ("L21091KA2019OPC141331", gr, Ok("L21091KA2019OPC141331".into())),
            ("  2019/123456/07 ", gr, Ok("2019/123456/07".into())),
            ("ab 12\u{a0}\u{a0}345", gr, Ok("ab 12 345".into())),
            ("１２３４５６", gr, Ok("123456".into())),
            // A digit is required (decision).
            ("not applicable", Some(kz), Err("registration_number.no_digit")),
            (&"9".repeat(1001), gr, Err("registration_number.too_long")),
        ];
        for (raw, country, want) in cases {
            assert_eq!(outcome(raw, *country), *want, "{raw:?}");
        }
    }

    #[test]
    fn codes_are_listed_and_never_panics() {
        let kz = requiring();
        for s in ["", "1", "x".repeat(30).as_str(), "abcdef", "\u{0}\u{0}\u{0}\u{0}\u{0}", "𝟙𝟚𝟛𝟜𝟝"] {
            if let Err(r) = check(s, Some(kz)) {
                assert!(CODES.iter().any(|c| c.code == r.code()), "{}", r.code());
            }
        }
        assert_eq!(
            check("", Some(kz)).unwrap_err().params().get("country"),
            Some(&crate::Param::Str("Kazakhstan".into()))
        );
    }
}
