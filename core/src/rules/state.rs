//! State or province of the billing address (`rules.md` section 2, "Billing address", and section 3).
//!
//! - Where the rules in force list accepted values ([`Rules::supported_states`]: US, CA and AU by default [Appxite],
//!   or run-time rules fetched from Partner Center [PC-rules]), the state is required when
//!   [`Rules::is_state_required`] and must be one of them. Case variants and the common names and abbreviations
//!   (`wa`, `NSW`, `Vic`, `California`, `Québec`) are accepted and normalized to the accepted value (**decision**).
//!   Matching is case-insensitive (Unicode) and ignores periods (`N.S.W.`, `Vic.`) (**decision**). With run-time
//!   rules, the default table's aliases still apply when they name a value the run-time list accepts
//!   ([`crate::countries::States::find`]).
//! - A warning `state.normalized` says when the form changed (**decision**): only when what was typed is not the
//!   accepted value itself up to case. `ca` -> `CA` and `new south wales` -> `New South Wales` are silent;
//!   `California` -> `CA`, `NSW` -> `New South Wales` warn.
//! - Elsewhere the state is optional free text of at most [`FREE_TEXT_MAX`] characters (`rules.md`), unless run-time
//!   rules require it. Google's "state required" flags are not used (**decision** of `rules.md`).
//! - US, CA and AU: whether the state agrees with the postcode is the postcode's check
//!   ([`crate::rules::postcode::agrees_with_state`], reported on the postcode): US ZIP prefixes, Canadian first
//!   letters, Australian postcodes to the states of their localities (a postcode may lie in several).

use crate::countries::Rules;
use crate::issue::{Outcome, Params, Reason, Wording};
use crate::schema::{self, Kind, TextKind};
use crate::Checked;
use alloc::borrow::Cow;
use alloc::{borrow::ToOwned, string::String, vec::Vec};

/// The state's kind in the schema ([`Kind::State`]): section 0 treats it as code-like (NFKC) where the list is closed,
/// as free text (NFC only) elsewhere.
const STATE_KIND: Kind = schema::kind_of("account.billingAddress.state");

/// Longest free-text state, where no closed list applies (`rules.md`).
pub const FREE_TEXT_MAX: usize = 100;

/// Why a state is refused, or what was changed in it.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateReason {
    /// Over [`FREE_TEXT_MAX`] characters; `length` is `None` when the input was over section 0's 1,000 characters.
    TooLong { max: usize, length: Option<usize> },
    /// Empty where the rules in force require a state [Appxite, PC-rules].
    Required { country: &'static str, accepted: Vec<String> },
    /// Not one of the accepted values of the country [Appxite, PC-rules].
    Unknown { typed: String, country: &'static str, accepted: Vec<String> },
    /// Warning: what was typed was read as an accepted value of another form (`California` -> `CA`).
    Normalized { from: String, to: String },
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "state.too_long" (max: Int, length: OptInt) {
        TooLongHas: "A state or province can have at most {max} characters; this one has {length}.",
        TooLong: "A state or province can have at most {max} characters.",
    }
    "state.required" (country: Str, accepted: List) {
        Required: "A {country|state} is required for an address in {country|in}.",
        RequiredOneOf: "A {country|state} is required for an address in {country|in}: one of {accepted}.",
    }
    "state.unknown" (value: Str, country: Str, accepted: List) {
        Unknown: "\"{value}\" is not a {country|state} of {country|in} that Partner Center accepts; use one of: \
                  {accepted}.",
        Long: "This is not a {country|state} of {country|in} that Partner Center accepts; use one of: {accepted}.",
    }
    "state.normalized" Warning (from: Str, to: Str) { Normalized: "\"{from}\" was read as \"{to}\", the form Partner Center accepts." }
}

crate::display_as_message!(StateReason);

impl Reason for StateReason {
    fn wording(&self) -> Wording {
        match self {
            StateReason::TooLong { length: Some(_), .. } => Say::TooLongHas,
            StateReason::TooLong { length: None, .. } => Say::TooLong,
            StateReason::Required { accepted, .. } if accepted.is_empty() => Say::Required,
            StateReason::Required { .. } => Say::RequiredOneOf,
            // Echo short input only.
            StateReason::Unknown { typed, .. } if crate::text::char_count(typed) <= 60 => Say::Unknown,
            StateReason::Unknown { .. } => Say::Long,
            StateReason::Normalized { .. } => Say::Normalized,
        }
        .into()
    }

    fn params(&self) -> Params {
        match self {
            StateReason::TooLong { max, length } => {
                let p = Params::default().with("max", *max);
                match length {
                    Some(n) => p.with("length", *n),
                    None => p,
                }
            }
            StateReason::Required { country, accepted } => {
                Params::default().with("country", *country).with("accepted", accepted.as_slice())
            }
            StateReason::Unknown { typed, country, accepted } => {
                Params::default().with("value", typed).with("country", *country).with("accepted", accepted.as_slice())
            }
            StateReason::Normalized { from, to } => Params::default().with("from", from).with("to", to),
        }
    }
}

/// Checks the state against the rules in force for the billing country (see the module documentation).
pub fn check<'a>(raw: &'a str, rules: &Rules<'_>) -> Outcome<Cow<'a, str>, StateReason> {
    let country = rules.country.code();
    let accepted = || rules.supported_states.values();
    // Section 0 by the schema's kind: code-like where the list is closed, free text elsewhere.
    let kind = STATE_KIND.resolve(!rules.supported_states.is_empty()).unwrap_or(TextKind::Free);
    let text = kind.normalize(raw).map_err(|_| StateReason::TooLong { max: FREE_TEXT_MAX, length: None })?;
    if text.is_empty() {
        return if rules.is_state_required {
            Err(StateReason::Required { country, accepted: accepted() })
        } else {
            Ok(Checked::ok(Cow::Borrowed("")))
        };
    }
    if rules.supported_states.is_empty() {
        let n = crate::text::char_count(&text);
        if n > FREE_TEXT_MAX {
            return Err(StateReason::TooLong { max: FREE_TEXT_MAX, length: Some(n) });
        }
        return Ok(Checked::ok(text));
    }
    match find(rules, &text) {
        Some(value) if same_text(&value, &text) => Ok(Checked::ok(Cow::Owned(value))),
        Some(value) => Ok(Checked::warn(
            Cow::Owned(value.clone()),
            StateReason::Normalized { from: crate::text::owned(text), to: value },
        )),
        None => Err(StateReason::Unknown { typed: crate::text::owned(text), country, accepted: accepted() }),
    }
}

/// Equal up to case: the typed form was the accepted value itself, no warning.
fn same_text(a: &str, b: &str) -> bool {
    crate::text::eq_fold(a, b)
}

/// The accepted value for what was typed, if any: [`States::find`] (case-insensitive, with the aliases of the
/// default table, also for run-time lists), then the same without periods (`N.S.W.`, `Vic.`).
fn find(rules: &Rules<'_>, typed: &str) -> Option<String> {
    let states = &rules.supported_states;
    if let Some(v) = states.find(typed) {
        return Some(v.to_owned());
    }
    // The parts between periods joined (an ASCII separator: no `char` iterator, smaller in the WebAssembly package).
    let mut without = String::with_capacity(typed.len());
    for part in crate::text::split_by(typed, b'.') {
        without.push_str(part);
    }
    if without.is_empty() || without.len() == typed.len() {
        return None;
    }
    states.find(crate::text::trim(&without)).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::{lookup, States};

    type Want<'a> = Result<(&'a str, Option<&'static str>), &'static str>;

    fn run(raw: &str, rules: &Rules<'_>) -> Result<(String, Option<&'static str>), &'static str> {
        match check(raw, rules) {
            Ok(c) => {
                assert!(c.warnings.len() <= 1);
                Ok((c.value.into_owned(), c.warnings.first().map(Reason::code)))
            }
            Err(r) => Err(r.code()),
        }
    }

    fn table(country: &str, cases: &[(&str, Want<'_>)]) {
        let rules = Rules::default_for(lookup(country).unwrap());
        for (raw, want) in cases {
            let got = run(raw, &rules);
            let want = want.map(|(v, w)| (v.to_owned(), w));
            assert_eq!(got, want, "{country} {raw:?}");
        }
    }

    const NORM: Option<&str> = Some("state.normalized");

    #[test]
    fn united_states() {
        // Closed list: 50 states + DC as two-letter codes [Appxite].
        table(
            "US",
            &[
                ("CA", Ok(("CA", None))),
                ("NY", Ok(("NY", None))),
                ("DC", Ok(("DC", None))),
                ("WA", Ok(("WA", None))),
                // A case variant of the value itself: no warning (decision).
                ("ca", Ok(("CA", None))),
                (" ｃａ ", Ok(("CA", None))),
                // Names are aliases, normalized with a warning (decision).
                ("California", Ok(("CA", NORM))),
                ("CALIFORNIA", Ok(("CA", NORM))),
                ("new york", Ok(("NY", NORM))),
                ("District of Columbia", Ok(("DC", NORM))),
                // Periods are ignored (decision).
                ("C.A.", Ok(("CA", NORM))),
                // Required where the list is closed [Appxite].
                ("", Err("state.required")),
                // Not on the list: territories, military codes, nonsense.
                ("PR", Err("state.unknown")),
                ("AE", Err("state.unknown")),
                ("Calif", Err("state.unknown")),
                ("ZZ", Err("state.unknown")),
                (".", Err("state.unknown")),
            ],
        );
        let long = "x".repeat(1001);
        table("US", &[(&long, Err("state.too_long"))]);
    }

    #[test]
    fn canada() {
        // AB BC MB NB NL NS NT NU ON PE QC SK YT [Appxite].
        table(
            "CA",
            &[
                ("QC", Ok(("QC", None))),
                ("on", Ok(("ON", None))),
                ("YT", Ok(("YT", None))),
                ("NU", Ok(("NU", None))),
                ("Québec", Ok(("QC", NORM))),
                ("QUÉBEC", Ok(("QC", NORM))),
                ("Quebec", Ok(("QC", NORM))),
                ("Ontario", Ok(("ON", NORM))),
                ("British Columbia", Ok(("BC", NORM))),
                ("", Err("state.required")),
                ("PQ", Err("state.unknown")),
                ("NY", Err("state.unknown")),
            ],
        );
    }

    #[test]
    fn australia() {
        // Full names [Appxite]; common abbreviations accepted (rules.md: `wa`, `NSW`, `Vic`).
        table(
            "AU",
            &[
                ("New South Wales", Ok(("New South Wales", None))),
                ("new south wales", Ok(("New South Wales", None))),
                ("NSW", Ok(("New South Wales", NORM))),
                ("N.S.W.", Ok(("New South Wales", NORM))),
                ("wa", Ok(("Western Australia", NORM))),
                ("Vic", Ok(("Victoria", NORM))),
                ("Vic.", Ok(("Victoria", NORM))),
                ("qld", Ok(("Queensland", NORM))),
                ("ACT", Ok(("Australian Capital Territory", NORM))),
                ("Jervis Bay Territory", Ok(("Jervis Bay Territory", None))),
                ("", Err("state.required")),
                ("Sydney", Err("state.unknown")),
            ],
        );
    }

    #[test]
    fn free_text_elsewhere() {
        // Optional free text, at most 100 characters (rules.md); no closed list outside US/CA/AU.
        let a100 = "a".repeat(100);
        let a101 = "a".repeat(101);
        table(
            "GR",
            &[
                ("", Ok(("", None))),
                ("Attica", Ok(("Attica", None))),
                ("  Αττική ", Ok(("Αττική", None))),
                (&a100, Ok((a100.as_str(), None))),
                (&a101, Err("state.too_long")),
            ],
        );
    }

    #[test]
    fn runtime_rules() {
        // Run-time rules replace the default (rules.md section 3).
        let gr = Rules::default_for(lookup("GR").unwrap());
        let required = Rules { is_state_required: true, ..gr };
        assert_eq!(run("", &required), Err("state.required"));
        assert_eq!(run("Attica", &required), Ok(("Attica".to_owned(), None)));

        let list = vec!["Attica".to_owned(), "Crete".to_owned()];
        let closed = Rules {
            supported_states: States::Runtime { list: &list, defaults: gr.country.supported_states() },
            ..required
        };
        assert_eq!(run("crete", &closed), Ok(("Crete".to_owned(), None)));
        assert_eq!(run("Rhodes", &closed), Err("state.unknown"));

        // The default aliases still apply to a run-time list that accepts their value.
        let ca = Rules::default_for(lookup("CA").unwrap());
        let codes = vec!["ON".to_owned(), "QC".to_owned()];
        let ca_rt =
            Rules { supported_states: States::Runtime { list: &codes, defaults: ca.country.supported_states() }, ..ca };
        assert_eq!(run("Québec", &ca_rt), Ok(("QC".to_owned(), NORM)));
        assert_eq!(run("qc", &ca_rt), Ok(("QC".to_owned(), None)));
        assert_eq!(run("AB", &ca_rt), Err("state.unknown"));
        let optional = Rules { is_state_required: false, ..ca_rt };
        assert_eq!(run("", &optional), Ok((String::new(), None)));
    }

    #[test]
    fn messages_and_codes() {
        let us = Rules::default_for(lookup("US").unwrap());
        let err = check("Calif", &us).unwrap_err();
        assert!(err.to_string().contains("United States"), "{err}");
        assert!(matches!(err.params().get("accepted"), Some(crate::Param::List(l)) if !l.is_empty()));
        for r in [
            StateReason::TooLong { max: 1, length: None },
            StateReason::Required { country: "US", accepted: vec![] },
            StateReason::Unknown { typed: String::new(), country: "US", accepted: vec![] },
            StateReason::Normalized { from: String::new(), to: String::new() },
        ] {
            assert!(CODES.iter().any(|c| c.code == r.code()));
        }
    }

    proptest::proptest! {
        // Never panics on any input (brief); an accepted value is accepted again unchanged, without warning.
        #[test]
        fn any_text(s in "(?i)[a-z. ]{0,12}|\\PC{0,12}", t in proptest::prelude::any::<String>()) {
            for code in ["US", "CA", "AU", "GR"] {
                let rules = Rules::default_for(lookup(code).unwrap());
                for raw in [&s, &t] {
                    if let Ok(c) = check(raw, &rules) {
                        let again = check(&c.value, &rules).unwrap();
                        proptest::prop_assert_eq!(&again.value, &c.value);
                        proptest::prop_assert!(again.warnings.is_empty());
                    }
                }
            }
        }
    }
}
