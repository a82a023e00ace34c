//! Every text the browser host shows the user, in the page's language: the host's own texts (the table
//! [`tenantcheck_core::catalog::host`], each a `host.*` key of the message catalogs with its English template) and the
//! core's messages, filled from named params by the core's template syntax ([`tenantcheck_core::message`]: `{name}`,
//! `{name|filter}`). The other modules name a [`Text`] and never write a sentence of their own. English is built in;
//! another language is the catalog the page loaded at start ([`set_catalog`], `docs/web-host.md`, "Locale"), whose
//! missing keys stay English. Pure: no DOM.

use crate::submission::{Answer, Confirm, Failure, DAY_MS, RESEND_WINDOW_MS};
use std::cell::RefCell;
pub use tenantcheck_core::catalog::host::*;
use tenantcheck_core::catalog::Catalog;
use tenantcheck_core::{message, Issue, Params};

thread_local! {
    /// The page's catalog, when its language is not English (set once at start, before the form is bound).
    static CATALOG: RefCell<Option<Catalog>> = const { RefCell::new(None) };
}

/// Makes `catalog` the language of every text shown from now on (`None`: English).
pub fn set_catalog(catalog: Option<Catalog>) {
    CATALOG.with(|c| *c.borrow_mut() = catalog);
}

/// Runs `f` with the page's catalog (`None` for English).
pub fn with_catalog<R>(f: impl FnOnce(Option<&Catalog>) -> R) -> R {
    CATALOG.with(|c| f(c.borrow().as_ref()))
}

/// A text in the page's language.
pub trait Shown {
    /// The text as shown, for a text without params.
    fn show(self) -> String;
    /// The text filled from its params.
    fn fill(self, params: &Params) -> String;
}

impl Shown for Text {
    fn show(self) -> String {
        self.fill(&Params::default())
    }

    fn fill(self, params: &Params) -> String {
        with_catalog(|catalog| match catalog.and_then(|c| c.text(self.key).map(|t| (c, t))) {
            Some((c, template)) => c.fill(template, params),
            None => message::fill(self.en, params),
        })
    }
}

/// An issue's message in the page's language (the core's English where the catalog has none).
pub fn issue_message(issue: &Issue) -> String {
    with_catalog(|catalog| match catalog {
        Some(c) => c.message(issue.wording, &issue.params),
        None => issue.message.clone(),
    })
}

/// A key's text in the page's catalog, if it has one (the page's own words: `data-text`).
pub fn translated(key: &str) -> Option<String> {
    with_catalog(|catalog| catalog.and_then(|c| c.text(key).map(|t| c.fill(t, &Params::default()))))
}

/// The question of the confirmation dialog (`api.md`, 409).
pub fn question(c: Confirm) -> Text {
    match c {
        Confirm::ExistingBssAccount => CONFIRM_BSS_ACCOUNT,
        Confirm::ExistingPartnerCustomer => CONFIRM_PARTNER_CUSTOMER,
    }
}

/// The question about a queued submission older than the resend window.
pub fn resend_question(days: u32) -> String {
    CONFIRM_RESEND.fill(&Params::default().with("days", days as usize))
}

/// The retry status.
pub fn retrying(retry: u32, delay_ms: u32, max_attempts: u32) -> String {
    let params = Params::default()
        .with("seconds", delay_ms.div_ceil(1000) as usize)
        .with("retry", retry as usize)
        .with("of", max_attempts.saturating_sub(1) as usize);
    RETRYING.fill(&params)
}

/// Offline: whether the submission is saved on this device says where it waits.
pub fn queued(saved: bool) -> Text {
    if saved {
        QUEUED
    } else {
        QUEUED_UNSAVED
    }
}

/// A failure's sentence; `invitation_shown` for the no-delegated-access case.
pub fn failure(f: &Failure, invitation_shown: bool, saved: bool) -> Text {
    match f {
        Failure::SessionExpired => SESSION_EXPIRED,
        Failure::NotAllowed => NOT_ALLOWED,
        Failure::NoDelegatedAccess(_) if invitation_shown => NO_DELEGATED_ACCESS_INVITATION,
        Failure::NoDelegatedAccess(_) => NO_DELEGATED_ACCESS,
        Failure::Unavailable if saved => UNAVAILABLE,
        Failure::Unavailable => UNAVAILABLE_UNSAVED,
        Failure::NotConfirmed => NOT_CONFIRMED,
        Failure::Unexpected(_) => UNEXPECTED,
    }
}

/// Storage refused a write (quota, a policy): the submission is only in this page.
pub fn storage_failed(detail: &str) -> String {
    STORAGE_FAILED.fill(&Params::default().with("detail", detail))
}

/// Unreadable queue entries were set aside.
pub fn quarantined(count: usize) -> String {
    QUARANTINED.fill(&Params::default().with("count", count))
}

/// Another account's queued submission got a final answer other than success: it stays queued for its own form.
/// `what`: its answer's words ([`answer_word`]), as the queue entry keeps them.
pub fn other_account(account: &str, what: &str) -> String {
    OTHER_ACCOUNT.fill(&Params::default().with("account", account).with("what", what))
}

/// Another account's queued submission was synchronized.
pub fn other_account_done(account: &str) -> String {
    OTHER_ACCOUNT_DONE.fill(&Params::default().with("account", account))
}

/// Another account's queued submission is older than the resend window.
pub fn other_account_stale(account: &str) -> String {
    let days = (RESEND_WINDOW_MS / DAY_MS) as usize;
    OTHER_ACCOUNT_STALE.fill(&Params::default().with("days", days).with("account", account))
}

/// Beside the domain prefix: the account is already synced with `domain` (when the server named it).
pub fn already_synced_field(domain: Option<&str>) -> String {
    match domain {
        Some(d) => ALREADY_SYNCED_FIELD.fill(&Params::default().with("domain", d)),
        None => ALREADY_SYNCED_FIELD_UNNAMED.show(),
    }
}

/// The text for a final answer of another account's submission.
pub fn answer_word(a: &Answer) -> Text {
    match a {
        Answer::Confirm(_) => ANSWER_CONFIRM,
        Answer::ValidationFailed(_) | Answer::ProvisioningRejected(_) | Answer::AddressSuggestion(_) => ANSWER_FIELDS,
        Answer::DomainTaken => ANSWER_DOMAIN_TAKEN,
        Answer::AlreadySynced(_) => ANSWER_ALREADY_SYNCED,
        Answer::NoDelegatedAccess(_) => ANSWER_NO_DELEGATED_ACCESS,
        Answer::Unauthorized | Answer::Forbidden => ANSWER_NOT_ALLOWED,
        Answer::NotConfirmed => ANSWER_NOT_CONFIRMED,
        _ => ANSWER_UNEXPECTED,
    }
}

/// An error on no field of the form: on the reseller's address (from the partner's settings), on a configuration
/// field, or on none (the message alone).
pub fn general(field: &str, message: &str) -> String {
    let params = Params::default().with("field", field).with("message", message);
    if field.starts_with("resellerBillingAddress") {
        GENERAL_RESELLER_ADDRESS.fill(&params)
    } else if field.is_empty() {
        message.to_owned()
    } else {
        GENERAL_CONFIGURATION.fill(&params)
    }
}

/// The summary: how many fields need attention (empty when none).
pub fn summary(fields_with_errors: usize) -> String {
    match fields_with_errors {
        0 => String::new(),
        1 => SUMMARY_ONE.show(),
        n => SUMMARY_MANY.fill(&Params::default().with("count", n)),
    }
}

/// A text whose only param is the full domain.
pub fn with_domain(text: Text, domain: &str) -> String {
    text.fill(&Params::default().with("domain", domain))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tenantcheck_core::message::{parts, Part, FILTERS};

    #[test]
    fn every_text_has_one_stable_key_and_a_fillable_template() {
        let mut keys: Vec<&str> = ALL.iter().map(|t| t.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), ALL.len(), "a key is used twice");
        for t in ALL {
            assert!(t.key.starts_with("host.") && t.key.bytes().all(|b| b.is_ascii_lowercase() || b"._".contains(&b)));
            assert!(!t.en.is_empty() && t.en.trim() == t.en, "{}", t.key);
            for part in parts(t.en) {
                if let Part::Param { name, filter } = part {
                    assert!(name.bytes().all(|b| b.is_ascii_alphabetic()), "{}: {name}", t.key);
                    assert!(FILTERS.contains(&filter), "{}: {filter}", t.key);
                }
            }
        }
    }

    #[test]
    fn the_pages_words_are_texts_of_the_table() {
        let page = include_str!("../../index.html");
        let mut found = 0;
        for (at, _) in page.match_indices("data-text=\"") {
            let rest = &page[at + "data-text=\"".len()..];
            let key = &rest[..rest.find('"').unwrap()];
            let after = &rest[rest.find('>').unwrap() + 1..];
            let shown = &after[..after.find('<').unwrap()];
            let text = ALL.iter().find(|t| t.key == key).unwrap_or_else(|| panic!("index.html: {key} is no text"));
            assert_eq!(text.en, shown, "index.html shows the English of {key}");
            found += 1;
        }
        assert!(found > 30, "{found}");
    }

    #[test]
    fn a_catalog_translates_texts_and_messages() {
        let catalog = Catalog::parse("el", include_str!("../../core/catalogs/el.json")).unwrap();
        set_catalog(Some(catalog));
        assert_ne!(summary(3), "3 fields need attention.");
        assert!(summary(3).starts_with('3'), "{}", summary(3));
        assert_eq!(translated("host.label.nothing"), None);
        assert!(translated(SUBMIT.key).is_some_and(|t| t != SUBMIT.en));
        let issue = tenantcheck_core::Validator::new()
            .validate(tenantcheck_core::record::Record::default())
            .errors
            .into_iter()
            .next()
            .unwrap();
        assert_ne!(issue_message(&issue), issue.message, "{}", issue.field);
        set_catalog(None);
        assert_eq!(issue_message(&issue), issue.message);
        assert_eq!(summary(3), "3 fields need attention.");
    }

    #[test]
    fn texts_are_filled_from_their_params() {
        assert_eq!(retrying(2, 1500, 5), "The service is busy or not answering. Trying again in 2 s (retry 2 of 4)…");
        assert_eq!(summary(0), "");
        assert_eq!(summary(1), "1 field needs attention.");
        assert_eq!(summary(3), "3 fields need attention.");
        assert_eq!(
            general("resellerBillingAddress.city", "Required."),
            "The reseller's billing address (from the partner's settings): Required."
        );
        assert_eq!(general("markets", "Bad."), "The page's configuration (markets): Bad.");
        assert_eq!(general("", "Bad."), "Bad.");
        assert_eq!(
            with_domain(DOMAIN_FREE, "contoso.onmicrosoft.com"),
            "contoso.onmicrosoft.com is free: a new tenant will be created."
        );
        let no_postcodes = |c: &str| NO_POSTCODES.fill(&Params::default().with("country", c));
        assert_eq!(no_postcodes("AE"), "The United Arab Emirates has no postcodes: leave it empty.");
        assert_eq!(no_postcodes("QA"), "Qatar has no postcodes: leave it empty.");
    }
}
