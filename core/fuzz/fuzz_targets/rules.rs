//! Every rule check function and `text::normalize` on any text. The first byte selects the rule (`byte % RULES`) and
//! a context (`byte / RULES`: a country's rules, a CSP model, …); the rest, as UTF-8 (lossy), is the input. Checks:
//! no panic, listed codes, and idempotence: a value a rule accepted is accepted again unchanged.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use std::borrow::Cow;
use std::fmt::Debug;
use std::sync::OnceLock;
use tenantcheck_core::countries::{self, overrides, CountryRules, Rules};
use tenantcheck_core::rules::{
    address, config, country, domain, email, hostname, mpn, names, phone, postcode, registration, state, username,
};
use tenantcheck_core::text;
use tenantcheck_core::{Outcome, Reason};

const RULES: u8 = 25;
const COUNTRIES: [&str; 8] = ["US", "CA", "GB", "GR", "JP", "AU", "AE", "IE"];

fn runtime() -> &'static [CountryRules] {
    static SET: OnceLock<Vec<CountryRules>> = OnceLock::new();
    SET.get_or_init(|| {
        overrides::parse_json(
            r#"[{ "iso2Code": "US", "isStateRequired": true, "states": { "value": ["CA", "NY", "WA"] },
                  "isPostalCodeRequired": true, "postalCodeRegex": "^\\d{5}(-\\d{4})?$",
                  "phoneNumberRegex": "^(1[\\-\\/\\.]?)?(\\((\\d{3})\\)|(\\d{3}))[\\-\\/\\.]?(\\d{3})[\\-\\/\\.]?(\\d{4})$" },
                { "iso2Code": "GR", "supportedStates": ["Attica", "Crete"], "isCityRequired": false,
                  "phoneNumberRegex": "^\\+?[0-9 ]{7,20}$", "countryCallingCodes": ["30"] },
                { "iso2Code": "AU", "supportedStatesList": ["New South Wales", "Victoria"], "postalCodeRegex": "" }]"#,
        )
        .expect("valid rule set")
    })
}

/// The country rules of context `k` (0..=10): eight defaults, then three run-time sets.
fn rules(k: u8) -> Rules<'static> {
    let k = usize::from(k);
    match COUNTRIES.get(k) {
        Some(code) => Rules::default_for(countries::lookup(code).expect("known country")),
        None => runtime()[(k - COUNTRIES.len()) % runtime().len()].view(),
    }
}

fn outcome<T, R: Reason>(o: &Outcome<T, R>) {
    match o {
        Ok(c) => c.warnings.iter().for_each(common::check_reason),
        Err(r) => common::check_reason(r),
    }
}

/// `rule` accepts its own output unchanged.
fn idempotent<R: Reason + Debug>(name: &str, s: &str, rule: impl Fn(&str) -> Outcome<String, R>) {
    let first = rule(s);
    outcome(&first);
    if let Ok(c) = first {
        match rule(&c.value) {
            Ok(again) => assert_eq!(again.value, c.value, "{name} changed its own output"),
            Err(r) => panic!("{name} rejects its own output {:?}: {r:?}", c.value),
        }
    }
}

/// A text rule's outcome with an owned value (the text rules borrow their input when they leave it unchanged).
fn own<R>(outcome: Outcome<Cow<'_, str>, R>) -> Outcome<String, R> {
    outcome.map(|c| c.map(Cow::into_owned))
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let s = &*String::from_utf8_lossy(rest);
    let (which, k) = (selector % RULES, selector / RULES);
    let r = rules(k);
    match which {
        0 => {
            if let Ok(n) = text::normalize(s) {
                assert_eq!(text::normalize(&n).as_deref(), Ok(&*n), "normalize is not idempotent");
            }
        }
        1 => idempotent("username", s, |v| own(username::check(v))),
        2 | 3 => {
            let suffix = if which == 2 { domain::DEFAULT_SUFFIX } else { "partner.onmschina.cn" };
            let d = domain::check(s, suffix);
            outcome(&d);
            if let Ok(d) = d {
                let again = domain::check(&d.value.value, suffix).expect("domain rejects its own output");
                assert_eq!(again.value, d.value, "domain changed its own output");
            }
        }
        4 => {
            let model = mpn::CspModel::ALL.get(usize::from(k % 5)).copied();
            let sub = k >= 5;
            let m = mpn::check(s, model, sub);
            outcome(&m);
            if let Ok(c) = m {
                let again = mpn::check(c.value.as_deref().unwrap_or(""), model, sub).expect("mpn rejects its output");
                assert_eq!(again.value, c.value, "mpn changed its own output");
            }
        }
        5 => idempotent("company_name", s, |v| own(names::company_name(v))),
        6 => idempotent("contact_name", s, |v| own(names::contact_name(v))),
        7 => idempotent("email", s, |v| own(email::check(v, None))),
        8 => idempotent("email (partner)", s, |v| own(email::check(v, Some("partner.example")))),
        // Known finding (regressions/rules/phone_national_00.bin): `0 030 …` is read as a national number, and its
        // digits `0030…` then read as an international prefix.
        9 => idempotent("phone (no country)", s, |v| phone::check(v, None)),
        10 => idempotent("phone", s, |v| phone::check(v, Some(&r))),
        11 => idempotent("registration", s, |v| own(registration::check(v, Some(r.country)))),
        12 | 13 => {
            let markets: Option<&[&str]> = if which == 12 { None } else { Some(&COUNTRIES[..usize::from(k % 9)]) };
            let c = country::check(s, markets);
            outcome(&c);
            if let Ok(c) = c {
                let again = country::check(c.value.code(), markets).expect("country rejects its own output");
                assert_eq!(again.value.code(), c.value.code());
            }
        }
        14 => {
            let list: Vec<&str> = s.split(',').collect();
            if let Err((i, reason)) = country::parse_markets(&list) {
                assert!(i < list.len());
                common::check_reason(&reason);
            }
        }
        15 => idempotent("address line 1", s, |v| own(address::line1(v))),
        16 => idempotent("address line 2", s, |v| own(address::line2(v))),
        17 => idempotent("city", s, |v| own(address::city(v, Some(&r)))),
        18 => idempotent("state", s, |v| own(state::check(v, &r))),
        // Known finding (regressions/rules/postcode_uppercase_not_nfkc*.bin): upper case after NFKC can leave NFKC
        // (`i\u{307}` → `I\u{307}`, which NFKC composes to `İ`).
        19 => idempotent("postal code", s, |v| postcode::check(v, &r)),
        20 => {
            let (st, pc) = s.split_once('|').unwrap_or((s, s));
            if let Err(reason) = postcode::agrees_with_state(r.country.code(), st, pc) {
                common::check_reason(&reason);
            }
        }
        21 | 22 => {
            let f = if which == 21 { config::partner_domain } else { config::domain_suffix };
            match f(s) {
                Ok(Some(v)) => assert_eq!(f(&v), Ok(Some(v.clone())), "config changed its own output"),
                Ok(None) => {}
                Err(reason) => common::check_reason(&reason),
            }
        }
        23 => {
            let _ = hostname::check(s);
        }
        _ => {
            let _ = countries::lookup(s);
        }
    }
});
