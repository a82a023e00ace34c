//! The billing address's country (`rules.md` section 2, "Billing address").
//!
//! - ISO 3166-1 alpha-2, plus `XK` (Kosovo), which Partner Center sells to [PC-markets]; required [PC-util: `Country`,
//!   length (2, 2), "ISO country code format"]. The embedded table ([`crate::countries::lookup`]) is the list of
//!   existing codes.
//! - Case-insensitive, normalized to upper case (**decision**).
//! - The common alias `UK` is accepted and normalized to `GB`, with a warning: Partner Center wants `GB`
//!   (`rules.md`, **decision**).
//! - A country outside the partner's markets is an error. The markets are configuration ([`parse_markets`]); the
//!   default is Partner Center's CSP market list [PC-markets] ([`Country::is_csp_market`]).

use crate::countries::{lookup, Country, COUNTRIES};
use crate::issue::{Outcome, Params, Reason, Wording};
use crate::text::{normalize, MAX_CHARS};
use crate::Checked;
use alloc::{borrow::ToOwned, string::String, vec::Vec};

/// Why a country code is refused, or what was changed in it.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountryReason {
    /// Longer than section 0's limit; not processed further.
    TooLong { max: usize },
    /// Empty after section 0 [PC-util].
    Required,
    /// Not an ISO 3166-1 alpha-2 code (nor `XK`). `suggestion` is the code of a country whose English name was typed
    /// (`Greece` -> `GR`).
    Unknown { typed: String, suggestion: Option<&'static str> },
    /// A country the partner does not sell to (its markets, default Partner Center's CSP markets [PC-markets]).
    NotInMarkets { country: &'static str, name: &'static str },
    /// Warning: `UK` was read as `GB`.
    UkAlias,
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "country.too_long" (max: Int) { TooLong: "The country can have at most {max} characters." }
    "country.required" { Required: "The country is required: give its two-letter ISO code, e.g. GB." }
    "country.unknown" (value: Str, suggestion: OptStr) {
        UnknownDidYouMean: "\"{value}\" is not a two-letter ISO country code; did you mean {suggestion}?",
        Unknown: "\"{value}\" is not a two-letter ISO country code (e.g. GB, US, GR).",
        LongDidYouMean: "This is not a two-letter ISO country code; did you mean {suggestion}?",
        Long: "This is not a two-letter ISO country code (e.g. GB, US, GR).",
    }
    "country.not_in_markets" (country: Str, name: Str) {
        NotInMarkets: "{country|In} ({country}) is not among the markets this partner sells to."
    }
    "country.uk_alias" Warning (from: Str, to: Str) {
        UkAlias: "UK was read as GB, the ISO code of the United Kingdom that Partner Center expects."
    }
}

crate::display_as_message!(CountryReason);

impl Reason for CountryReason {
    fn wording(&self) -> Wording {
        match self {
            CountryReason::TooLong { .. } => Say::TooLong,
            CountryReason::Required => Say::Required,
            // Echo short input only: the message is no place for a pasted paragraph.
            CountryReason::Unknown { typed, suggestion } => match (crate::text::char_count(typed) <= 40, suggestion) {
                (true, Some(_)) => Say::UnknownDidYouMean,
                (true, None) => Say::Unknown,
                (false, Some(_)) => Say::LongDidYouMean,
                (false, None) => Say::Long,
            },
            CountryReason::NotInMarkets { .. } => Say::NotInMarkets,
            CountryReason::UkAlias => Say::UkAlias,
        }
        .into()
    }

    fn params(&self) -> Params {
        match self {
            CountryReason::TooLong { max } => Params::default().with("max", *max),
            CountryReason::Required => Params::default(),
            CountryReason::Unknown { typed, suggestion } => {
                let p = Params::default().with("value", typed);
                match suggestion {
                    Some(s) => p.with("suggestion", *s),
                    None => p,
                }
            }
            CountryReason::NotInMarkets { country, name } => {
                Params::default().with("country", *country).with("name", *name)
            }
            CountryReason::UkAlias => Params::default().with("from", "UK").with("to", "GB"),
        }
    }
}

/// Checks the billing country: required, an existing code (case-insensitive; `UK` read as `GB` with a warning),
/// and in the partner's `markets` (configured codes, upper case, as [`parse_markets`] returns them; `None` = Partner
/// Center's CSP markets [PC-markets]). Returns the country's rules table entry.
pub fn check(raw: &str, markets: Option<&[&str]>) -> Outcome<&'static Country, CountryReason> {
    let text = normalize(raw).map_err(|_| CountryReason::TooLong { max: MAX_CHARS })?;
    if text.is_empty() {
        return Err(CountryReason::Required);
    }
    let (country, alias) = resolve(&text)?;
    let allowed = match markets {
        None => country.is_csp_market(),
        Some(list) => list.iter().any(|m| m.eq_ignore_ascii_case(country.code())),
    };
    if !allowed {
        return Err(CountryReason::NotInMarkets { country: country.code(), name: country.name() });
    }
    Ok(if alias { Checked::warn(country, CountryReason::UkAlias) } else { Checked::ok(country) })
}

/// Validates a configured markets list (`rules.md` section 4): each entry an existing code (case-insensitive,
/// section 0 applied; `UK` is refused here, configuration must say `GB`). Returns the codes upper case, in order,
/// without duplicates; or the index of the first bad entry and why.
pub fn parse_markets(list: &[&str]) -> Result<Vec<&'static str>, (usize, CountryReason)> {
    let mut out: Vec<&'static str> = Vec::with_capacity(list.len());
    for (i, raw) in list.iter().enumerate() {
        let text = normalize(raw).map_err(|_| (i, CountryReason::TooLong { max: MAX_CHARS }))?;
        if text.is_empty() {
            return Err((i, CountryReason::Required));
        }
        let country = find_code(&text).ok_or_else(|| (i, unknown(&text)))?;
        if !out.contains(&country.code()) {
            out.push(country.code());
        }
    }
    Ok(out)
}

/// The country named by a typed code, and whether it was the `UK` alias.
fn resolve(text: &str) -> Result<(&'static Country, bool), CountryReason> {
    if text.eq_ignore_ascii_case("UK") {
        if let Some(gb) = lookup("GB") {
            return Ok((gb, true));
        }
    }
    find_code(text).map(|c| (c, false)).ok_or_else(|| unknown(text))
}

/// An existing code, case-insensitive. Only two ASCII letters are looked up.
fn find_code(text: &str) -> Option<&'static Country> {
    if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    lookup(&text.to_ascii_uppercase())
}

fn unknown(text: &str) -> CountryReason {
    let suggestion = if text.eq_ignore_ascii_case("UK") { Some("GB") } else { suggest(text) };
    CountryReason::Unknown { typed: text.to_owned(), suggestion }
}

/// The code of a country whose English name was typed instead of its code (a hint only).
fn suggest(text: &str) -> Option<&'static str> {
    if crate::text::char_count(text) < 3 {
        return None;
    }
    let folded = crate::text::fold(text);
    let by_name = COUNTRIES.iter().find(|c| crate::text::eq_fold(c.name(), &folded)).map(|c| c.code());
    // Common names as `|`-joined texts searched by one loop, not a `match` on strings (smaller in WebAssembly).
    let is = |names: &str| crate::text::split_by(names, b'|').any(|n| n == folded);
    let by_common_name = if is("england|scotland|wales|northern ireland|great britain|britain") {
        Some("GB")
    } else if is("usa|u.s.a.|u.s.|united states of america|america") {
        Some("US")
    } else {
        None
    };
    by_name.or(by_common_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Severity;

    fn code_of(raw: &str, markets: Option<&[&str]>) -> Result<(&'static str, Vec<&'static str>), &'static str> {
        match check(raw, markets) {
            Ok(c) => Ok((c.value.code(), c.warnings.iter().map(Reason::code).collect())),
            Err(r) => Err(r.code()),
        }
    }

    #[test]
    fn table() {
        let none: Vec<&str> = Vec::new();
        type Want = Result<(&'static str, Vec<&'static str>), &'static str>;
        let cases: &[(&str, Want)] = &[
            // ISO 3166-1 alpha-2 [PC-util], case-insensitive (decision).
            ("GR", Ok(("GR", none.clone()))),
            ("gr", Ok(("GR", none.clone()))),
            ("Us", Ok(("US", none.clone()))),
            // Section 0: full-width letters and pasted spaces.
            ("\u{a0}ＧＲ ", Ok(("GR", none.clone()))),
            // UK -> GB with a warning (rules.md).
            ("UK", Ok(("GB", vec!["country.uk_alias"]))),
            ("uk", Ok(("GB", vec!["country.uk_alias"]))),
            ("GB", Ok(("GB", none.clone()))),
            // XK, Kosovo, which Partner Center sells to [PC-markets].
            ("XK", Ok(("XK", none.clone()))),
            ("JP", Ok(("JP", none.clone()))),
            // Required [PC-util].
            ("", Err("country.required")),
            ("  \t", Err("country.required")),
            // Not a code.
            ("ZZ", Err("country.unknown")),
            ("Greece", Err("country.unknown")),
            ("GRC", Err("country.unknown")),
            ("G", Err("country.unknown")),
            ("G1", Err("country.unknown")),
            ("Ελ", Err("country.unknown")),
            ("🇬🇷", Err("country.unknown")),
            // Outside the default markets: [PC-markets] leaves out RU BY CU IR KP SY.
            ("RU", Err("country.not_in_markets")),
            ("ir", Err("country.not_in_markets")),
            ("KP", Err("country.not_in_markets")),
        ];
        for (raw, want) in cases {
            assert_eq!(code_of(raw, None), *want, "{raw:?}");
        }
    }

    #[test]
    fn configured_markets() {
        // The markets are configuration (rules.md section 2 and 4).
        let markets: &[&str] = &["GR", "US"];
        assert_eq!(code_of("gr", Some(markets)), Ok(("GR", vec![])));
        assert_eq!(code_of("CA", Some(markets)), Err("country.not_in_markets"));
        assert_eq!(code_of("UK", Some(markets)), Err("country.not_in_markets"));
        // A configured market outside the CSP list is the partner's choice.
        assert_eq!(code_of("RU", Some(&["RU"])), Ok(("RU", vec![])));
        assert_eq!(code_of("RU", Some(&[])), Err("country.not_in_markets"));
    }

    #[test]
    fn markets_list() {
        assert_eq!(parse_markets(&["gr", "US", "GR", " ca "]), Ok(vec!["GR", "US", "CA"]));
        assert_eq!(parse_markets(&[]), Ok(vec![]));
        let bad = |list: &[&str]| parse_markets(list).map_err(|(i, r)| (i, r.code()));
        assert_eq!(bad(&["GR", "XX"]), Err((1, "country.unknown")));
        // Configuration must say GB (decision).
        assert_eq!(bad(&["UK"]), Err((0, "country.unknown")));
        assert_eq!(bad(&["GR", ""]), Err((1, "country.required")));
        assert_eq!(bad(&["GR", &"G".repeat(1001)]), Err((1, "country.too_long")));
    }

    #[test]
    fn hints_and_messages() {
        match check("greece", None) {
            Err(CountryReason::Unknown { suggestion, .. }) => assert_eq!(suggestion, Some("GR")),
            other => panic!("{other:?}"),
        }
        match check("England", None) {
            Err(CountryReason::Unknown { suggestion, .. }) => assert_eq!(suggestion, Some("GB")),
            other => panic!("{other:?}"),
        }
        let long = "x".repeat(500);
        let msg = check(&long, None).unwrap_err().to_string();
        assert!(!msg.contains(&long));
        assert_eq!(check(&"x".repeat(1001), None).unwrap_err().code(), "country.too_long");
        for code in CODES {
            assert!(code.code.starts_with("country."));
        }
        assert_eq!(CountryReason::UkAlias.severity(), Severity::Warning);
    }

    proptest::proptest! {
        // Never panics on any input (brief); an accepted value is a table entry.
        #[test]
        fn any_text(s in "\\PC{0,8}", t in proptest::prelude::any::<String>()) {
            for raw in [&s, &t] {
                if let Ok(c) = check(raw, None) {
                    proptest::prop_assert!(lookup(c.value.code()).is_some());
                }
                let _ = check(raw, Some(&["GR"]));
                let _ = parse_markets(&[raw.as_str()]);
            }
        }
    }
}
