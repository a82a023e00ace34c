//! Every text the browser host shows the user, in one place: each by a stable name (a `host.*` key of the message
//! catalogs, whose format reserves them for the browser host) with its English template, filled from named params by the core's template syntax
//! ([`tenantcheck_core::message`]: `{name}`, `{name|filter}`). The other modules name a [`Text`] and never write a
//! sentence of their own, so a translation replaces this table and nothing else. Pure: no DOM.

use crate::submission::{Answer, Confirm, Failure, DAY_MS, RESEND_WINDOW_MS};
use tenantcheck_core::{message, Params};

/// One text: its stable name and its English template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub key: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text as shown, for a text without params.
    pub fn show(self) -> &'static str {
        self.en
    }

    /// The text filled from its params.
    pub fn fill(self, params: &Params) -> String {
        message::fill(self.en, params)
    }
}

/// Declares each text once: its constant, its key and its English template; `ALL` lists them in order.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident = $key:literal => $en:expr;)+) => {
        $($(#[$doc])* pub const $name: Text = Text { key: $key, en: $en };)+
        /// Every text, in the order declared: the `host.*` part of a catalog.
        pub const ALL: &[Text] = &[$($name),+];
    };
}

texts! {
    // The submission's status line (`#tc-status`).
    SENDING = "host.submit.sending" => "Sending to Microsoft Partner Center…";
    RESUMING = "host.submit.resuming" => "Sending a submission saved earlier…";
    WAITING = "host.submit.waiting" => "Waiting for your answer…";
    DONE = "host.submit.done" => "Done: the account is synchronized with Microsoft Partner Center.";
    DONE_EARLIER = "host.submit.done_earlier" =>
        "Done: the earlier submission is synchronized with Microsoft Partner Center. Your later changes are not \
         synchronized yet: submit again to synchronize them.";
    CANCELLED = "host.submit.cancelled" => "Not synchronized. Your entries are kept.";
    INVALID = "host.submit.invalid" => "Not sent: check the marked fields.";
    NO_ACCOUNT = "host.submit.no_account" => "This page is not set up to submit: it names no account.";
    UNPREPARED = "host.submit.unprepared" => "The record could not be prepared for sending.";
    SERVER_FOUND = "host.submit.server_found" => "Not synchronized: the server found problems in the marked fields.";
    REJECTED = "host.submit.rejected" => "Not synchronized: Microsoft Partner Center rejected the marked fields.";
    SUGGESTION = "host.submit.suggestion" =>
        "Not synchronized yet: Partner Center suggests a corrected billing address below.";
    SUGGESTION_TAKEN = "host.submit.suggestion_taken" =>
        "The suggested address is in the form. Submit again to synchronize.";
    DOMAIN_TAKEN = "host.submit.domain_taken" =>
        "Not synchronized: the domain prefix is taken. Choose another one and submit again.";
    ELSEWHERE = "host.submit.elsewhere" =>
        "This submission was handled in another tab or window. Reload the page to see its result.";
    /// Params `seconds`, `retry`, `of`.
    RETRYING = "host.submit.retrying" =>
        "The service is busy or not answering. Trying again in {seconds} s (retry {retry} of {of})…";
    QUEUED = "host.submit.queued" =>
        "You are offline. The submission is saved on this device and will be sent once you are back online.";
    QUEUED_UNSAVED = "host.submit.queued_unsaved" =>
        "You are offline and this device could not save the submission: keep this page open, it is sent once you \
         are back online.";

    // Why a submission failed (`api.md`'s final answers).
    SESSION_EXPIRED = "host.failure.session_expired" =>
        "Your session has expired. Sign in again, then submit: your entries and the submission are kept.";
    NOT_ALLOWED = "host.failure.not_allowed" =>
        "You are not allowed to provision this account (or your session changed). Your entries and the \
         submission are kept.";
    NO_DELEGATED_ACCESS_INVITATION = "host.failure.no_delegated_access_invitation" =>
        "The existing tenant has not authorized this partner yet (delegated administration). Send the customer \
         the invitation link below, then submit again.";
    NO_DELEGATED_ACCESS = "host.failure.no_delegated_access" =>
        "The existing tenant has not authorized this partner yet (delegated administration). Ask your \
         administrator for the invitation link to send to the customer.";
    UNAVAILABLE = "host.failure.unavailable" =>
        "The service is unavailable just now. Your submission is kept on this device: submit again later, or it is \
         sent again automatically.";
    UNAVAILABLE_UNSAVED = "host.failure.unavailable_unsaved" =>
        "The service is unavailable just now, and this device could not save the submission: keep this page open \
         and submit again later.";
    NOT_CONFIRMED = "host.failure.not_confirmed" =>
        "Not confirmed: the server did not confirm the synchronization (your session may have expired: sign in \
         again). Your entries and the submission are kept; submit again to send it.";
    UNEXPECTED = "host.failure.unexpected" =>
        "The server gave an unexpected answer. Your entries are kept; try again later.";

    // The confirmation dialog (`api.md`, 409) and the question about an old queued submission.
    CONFIRM_BSS_ACCOUNT = "host.confirm.existing_bss_account" =>
        "An account with the same customer code already exists in BSS. Synchronize this account with the same \
         customer?";
    CONFIRM_PARTNER_CUSTOMER = "host.confirm.existing_partner_customer" =>
        "A customer with the same customer code already exists in Microsoft Partner Center. Synchronize with the \
         existing customer?";
    /// Param `days`.
    CONFIRM_RESEND = "host.confirm.resend" =>
        "A submission saved on this device {days} days ago was never confirmed. Send it now? (No keeps your \
         entries in the form and drops the saved submission.)";

    // The notices above the status (`#tc-notices`).
    /// Param `detail`: what the browser said.
    STORAGE_FAILED = "host.notice.storage_failed" =>
        "This device could not save your submission ({detail}). Your entries stay in the form: keep this page open \
         until it is confirmed.";
    /// Param `count`.
    QUARANTINED = "host.notice.quarantined" =>
        "{count} saved submission(s) on this device could not be read and were set aside (not sent). Your entries \
         in the form are not affected.";
    /// Params `account`, `what` (one of the `host.answer.*` texts).
    OTHER_ACCOUNT = "host.notice.other_account" =>
        "A submission saved earlier for account {account} needs attention ({what}): open that account's form.";
    /// Param `account`.
    OTHER_ACCOUNT_DONE = "host.notice.other_account_done" =>
        "A submission saved earlier for account {account} was synchronized.";
    /// Params `days`, `account`.
    OTHER_ACCOUNT_STALE = "host.notice.other_account_stale" =>
        "A submission saved more than {days} days ago for account {account} was not sent: open that account's form.";
    /// The words of the link to another account's form.
    OPEN_ITS_FORM = "host.notice.open_its_form" => "Open its form";

    // What another account's queued submission was answered (kept in its queue entry by key).
    ANSWER_CONFIRM = "host.answer.confirm" => "a confirmation is needed";
    ANSWER_FIELDS = "host.answer.fields" => "fields need changes";
    ANSWER_DOMAIN_TAKEN = "host.answer.domain_taken" => "its domain is taken";
    ANSWER_NO_DELEGATED_ACCESS = "host.answer.no_delegated_access" => "the tenant has not authorized this partner";
    ANSWER_NOT_ALLOWED = "host.answer.not_allowed" => "not allowed from this page";
    ANSWER_NOT_CONFIRMED = "host.answer.not_confirmed" => "the server did not confirm it; it stays saved";
    ANSWER_UNEXPECTED = "host.answer.unexpected" => "an unexpected answer";

    // Beside the fields, above the form and in the summary.
    DOMAIN_TAKEN_FIELD = "host.field.domain_taken" =>
        "This domain already exists in Microsoft under a different CSP partner. Choose another prefix.";
    /// Param `message`: an issue's message on the reseller's address.
    GENERAL_RESELLER_ADDRESS = "host.general.reseller_address" =>
        "The reseller's billing address (from the partner's settings): {message}";
    /// Params `field`, `message`: an issue on a configuration field the form does not show.
    GENERAL_CONFIGURATION = "host.general.configuration" => "The page's configuration ({field}): {message}";
    SUMMARY_ONE = "host.summary.error" => "1 field needs attention.";
    /// Param `count` (2 or more).
    SUMMARY_MANY = "host.summary.errors" => "{count} fields need attention.";
    CHOOSE_STATE = "host.field.choose_state" => "Choose a state or province";
    /// Param `country`: a country without postcodes.
    NO_POSTCODES = "host.field.no_postcodes" => "{country|In} has no postcodes: leave it empty.";
    /// Param `example`: a postcode of the country.
    POSTCODE_EXAMPLE = "host.field.postcode_example" => "e.g. {example}";

    // The domain field's hints (`availability`). Param `domain`: the full domain.
    DOMAIN_PREFIX = "host.domain.prefix" => "Tenant domain: {domain}.";
    DOMAIN_ALIAS = "host.domain.alias" => "An existing tenant's domain: {domain} can only link that tenant.";
    DOMAIN_CHECKING = "host.domain.checking" => "Checking availability…";
    DOMAIN_FREE = "host.domain.free" => "{domain} is free: a new tenant will be created.";
    DOMAIN_EXISTS = "host.domain.exists" =>
        "{domain} already exists: the account can only be linked to that tenant, if it is yours.";
    DOMAIN_ALIAS_EXISTS = "host.domain.alias_exists" =>
        "{domain} belongs to an existing tenant: the account will be linked to it.";
    DOMAIN_ALIAS_FREE = "host.domain.alias_free" =>
        "No tenant uses {domain}: a custom domain can only link an existing tenant.";
    DOMAIN_UNKNOWN = "host.domain.unknown" => "Availability could not be checked just now.";
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

/// The text for a final answer of another account's submission.
pub fn answer_word(a: &Answer) -> Text {
    match a {
        Answer::Confirm(_) => ANSWER_CONFIRM,
        Answer::ValidationFailed(_) | Answer::ProvisioningRejected(_) | Answer::AddressSuggestion(_) => ANSWER_FIELDS,
        Answer::DomainTaken => ANSWER_DOMAIN_TAKEN,
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
        1 => SUMMARY_ONE.show().to_owned(),
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
