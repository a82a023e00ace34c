//! Address lines and city of the billing address (`rules.md` section 2, "Billing address").
//!
//! - Address line 1: required, 1–200 characters; line 2: optional, 0–200 [PC-util: `AddressLine1` (1, 200),
//!   `AddressLine2` (0, 200)].
//! - City: required for every country [PC-validate], unless run-time rules say otherwise ([`Rules::is_city_required`]).
//!   [PC-util] gives no length for `City` ("n/a"); at most [`CITY_MAX`] characters (**decision**).
//!
//! All three are free text ([`crate::schema`]): section 0 gives them NFC and space folding only
//! ([`crate::text::free_text`]), so `12½ Main St`, `Rua X, 1º andar` and `3ª planta` stay as typed. Lengths count
//! characters after section 0.

use crate::countries::Rules;
use crate::issue::{Outcome, Params, Reason, Wording};
use crate::schema::{text_kind, TextKind};
use crate::Checked;
use alloc::borrow::Cow;

/// Longest address line [PC-util].
pub const LINE_MAX: usize = 200;
/// Longest city (**decision**: [PC-util] documents no limit).
pub const CITY_MAX: usize = 100;

/// Why an address line is refused.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressLineReason {
    /// Line 1 is empty [PC-util: length (1, 200)].
    Required,
    /// Over [`LINE_MAX`] characters [PC-util]; `length` is `None` when the input was too long to be processed at all
    /// (over section 0's 1,000 characters).
    TooLong { max: usize, length: Option<usize> },
}

/// The wordings of [`AddressLineReason`].
mod address_line {
    crate::wordings! {
        pub(super) enum Say;
        /// Every code [`AddressLineReason`](super::AddressLineReason) emits.
        pub const CODES;
        "address_line.required" { Required: "The first address line (street and number) is required." }
        "address_line.too_long" (max: Int, length: OptInt) {
            TooLongHas: "An address line can have at most {max} characters; this one has {length}.",
            TooLong: "An address line can have at most {max} characters.",
        }
    }
}

/// The wordings of [`CityReason`].
mod city {
    crate::wordings! {
        pub(super) enum Say;
        /// Every code [`CityReason`](super::CityReason) emits.
        pub const CODES;
        "city.required" { Required: "The city is required." }
        "city.too_long" (max: Int, length: OptInt) {
            TooLongHas: "A city can have at most {max} characters; this one has {length}.",
            TooLong: "A city can have at most {max} characters.",
        }
    }
}

pub use address_line::CODES as ADDRESS_LINE_CODES;
pub use city::CODES as CITY_CODES;
#[doc(hidden)]
pub use {address_line::WORDINGS as ADDRESS_LINE_WORDINGS, city::WORDINGS as CITY_WORDINGS};

crate::display_as_message!(AddressLineReason, CityReason);

impl Reason for AddressLineReason {
    fn wording(&self) -> Wording {
        use address_line::Say;
        match self {
            AddressLineReason::Required => Say::Required,
            AddressLineReason::TooLong { length: Some(_), .. } => Say::TooLongHas,
            AddressLineReason::TooLong { length: None, .. } => Say::TooLong,
        }
        .into()
    }
    fn params(&self) -> Params {
        match self {
            AddressLineReason::Required => Params::default(),
            AddressLineReason::TooLong { max, length } => too_long_params(*max, *length),
        }
    }
}

/// Why a city is refused.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CityReason {
    /// Empty where the city is required [PC-validate].
    Required,
    /// Over [`CITY_MAX`] characters (**decision**); `length` as in [`AddressLineReason::TooLong`].
    TooLong { max: usize, length: Option<usize> },
}

impl Reason for CityReason {
    fn wording(&self) -> Wording {
        use city::Say;
        match self {
            CityReason::Required => Say::Required,
            CityReason::TooLong { length: Some(_), .. } => Say::TooLongHas,
            CityReason::TooLong { length: None, .. } => Say::TooLong,
        }
        .into()
    }
    fn params(&self) -> Params {
        match self {
            CityReason::Required => Params::default(),
            CityReason::TooLong { max, length } => too_long_params(*max, *length),
        }
    }
}

fn too_long_params(max: usize, length: Option<usize>) -> Params {
    let p = Params::default().with("max", max);
    match length {
        Some(n) => p.with("length", n),
        None => p,
    }
}

/// Section 0 of the address lines and the city: free text, as the schema declares.
const LINE_KIND: TextKind = text_kind("account.billingAddress.addressLine1");
const CITY_KIND: TextKind = text_kind("account.billingAddress.city");

/// The normalized text and its length in characters, or `None` when over section 0's limit.
fn bounded(raw: &str, kind: TextKind, max: usize) -> Result<(Cow<'_, str>, usize), Option<usize>> {
    let text = kind.normalize(raw).map_err(|_| None)?;
    let n = crate::text::char_count(&text);
    if n > max {
        return Err(Some(n));
    }
    Ok((text, n))
}

/// Address line 1: required, at most 200 characters [PC-util].
///
/// Input over section 0's 1,000 characters is reported as `address_line.too_long` with the line's own maximum (200):
/// that is the limit the user has to meet.
pub fn line1(raw: &str) -> Outcome<Cow<'_, str>, AddressLineReason> {
    let (text, n) =
        bounded(raw, LINE_KIND, LINE_MAX).map_err(|length| AddressLineReason::TooLong { max: LINE_MAX, length })?;
    if n == 0 {
        return Err(AddressLineReason::Required);
    }
    Ok(Checked::ok(text))
}

/// Address line 2: optional, at most 200 characters [PC-util].
pub fn line2(raw: &str) -> Outcome<Cow<'_, str>, AddressLineReason> {
    let (text, _) =
        bounded(raw, LINE_KIND, LINE_MAX).map_err(|length| AddressLineReason::TooLong { max: LINE_MAX, length })?;
    Ok(Checked::ok(text))
}

/// City: required for every country [PC-validate] (run-time `rules` may say otherwise; `None` = required), at most
/// 100 characters (**decision**).
pub fn city<'a>(raw: &'a str, rules: Option<&Rules<'_>>) -> Outcome<Cow<'a, str>, CityReason> {
    let (text, n) =
        bounded(raw, CITY_KIND, CITY_MAX).map_err(|length| CityReason::TooLong { max: CITY_MAX, length })?;
    let required = rules.is_none_or(|r| r.is_city_required);
    if n == 0 && required {
        return Err(CityReason::Required);
    }
    Ok(Checked::ok(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::lookup;

    fn codes<R: Reason>(o: Outcome<Cow<'_, str>, R>) -> Result<String, &'static str> {
        o.map(|c| c.value.into_owned()).map_err(|r| r.code())
    }

    #[test]
    fn lines() {
        let ok = |s: &str| Ok::<String, &'static str>(s.to_owned());
        type Want = Result<String, &'static str>;
        let cases: &[(&str, Want, Want)] = &[
            // (input, line1, line2)
            // Section 0 for free text: spaces collapse and trim; NFC only, so full-width, `½`, `º` and `ª` stay.
            ("  Leof.\u{a0}Kifisias   1 ", ok("Leof. Kifisias 1"), ok("Leof. Kifisias 1")),
            ("１ Ｍａｉｎ Ｓｔ", ok("１ Ｍａｉｎ Ｓｔ"), ok("１ Ｍａｉｎ Ｓｔ")),
            ("12½ Grafton Street", ok("12½ Grafton Street"), ok("12½ Grafton Street")),
            ("Rua Augusta, 1º andar", ok("Rua Augusta, 1º andar"), ok("Rua Augusta, 1º andar")),
            ("Calle Mayor 5, 3ª planta", ok("Calle Mayor 5, 3ª planta"), ok("Calle Mayor 5, 3ª planta")),
            ("Rue de l\u{2019}E\u{301}glise", ok("Rue de l\u{2019}Église"), ok("Rue de l\u{2019}Église")),
            ("Main\u{200b} St\u{ad}reet", ok("Main Street"), ok("Main Street")),
            // Line 1 required, line 2 optional [PC-util].
            ("", Err("address_line.required"), ok("")),
            (" \t ", Err("address_line.required"), ok("")),
            // Non-Latin text is fine.
            ("Λεωφ. Κηφισίας 1", ok("Λεωφ. Κηφισίας 1"), ok("Λεωφ. Κηφισίας 1")),
        ];
        for (raw, want1, want2) in cases {
            assert_eq!(codes(line1(raw)), *want1, "line1 {raw:?}");
            assert_eq!(codes(line2(raw)), *want2, "line2 {raw:?}");
        }
        // 200 characters [PC-util], counted in characters, not bytes.
        for f in [line1, line2] {
            assert!(f(&"a".repeat(200)).is_ok());
            assert!(f(&"€".repeat(200)).is_ok());
            assert_eq!(codes(f(&"a".repeat(201))), Err("address_line.too_long"));
            assert_eq!(codes(f(&"€".repeat(201))), Err("address_line.too_long"));
            // Over section 0's limit: too_long, nothing else runs (rules.md section 0).
            assert_eq!(f(&"a".repeat(5000)).unwrap_err(), AddressLineReason::TooLong { max: 200, length: None });
        }
        // Collapsing happens before counting.
        assert!(line1(&format!("a{}b", " ".repeat(500))).is_ok());
    }

    #[test]
    fn cities() {
        let us = Rules::default_for(lookup("US").unwrap());
        // Required for every country [PC-validate].
        assert_eq!(codes(city("", None)), Err("city.required"));
        assert_eq!(codes(city(" ", Some(&us))), Err("city.required"));
        assert_eq!(codes(city("Athens", None)), Ok("Athens".to_owned()));
        assert_eq!(codes(city(" Mountain\tView ", Some(&us))), Ok("Mountain View".to_owned()));
        // Run-time rules may make it optional (rules.md section 3).
        let relaxed = Rules { is_city_required: false, ..us };
        assert_eq!(codes(city("", Some(&relaxed))), Ok(String::new()));
        // 100 characters (decision).
        assert!(city(&"ß".repeat(100), None).is_ok());
        assert_eq!(codes(city(&"a".repeat(101), None)), Err("city.too_long"));
        assert_eq!(codes(city(&"a".repeat(1001), None)), Err("city.too_long"));
        assert!(city("Llanfairpwllgwyngyll", None).unwrap().warnings.is_empty());
    }

    #[test]
    fn codes_listed() {
        for r in [AddressLineReason::Required.code(), AddressLineReason::TooLong { max: 1, length: None }.code()] {
            assert!(ADDRESS_LINE_CODES.iter().any(|c| c.code == r), "{r}");
        }
        for r in [CityReason::Required.code(), CityReason::TooLong { max: 1, length: None }.code()] {
            assert!(CITY_CODES.iter().any(|c| c.code == r), "{r}");
        }
    }

    proptest::proptest! {
        // Never panics on any input (brief); an accepted value is accepted again unchanged (section 0 is idempotent).
        #[test]
        fn any_text(s in proptest::prelude::any::<String>()) {
            for f in [line1, line2] {
                if let Ok(c) = f(&s) {
                    proptest::prop_assert_eq!(f(&c.value).map(|c| c.value), Ok(c.value.clone()));
                }
            }
            if let Ok(c) = city(&s, None) {
                proptest::prop_assert_eq!(city(&c.value, None).map(|c| c.value), Ok(c.value.clone()));
            }
        }
    }
}
