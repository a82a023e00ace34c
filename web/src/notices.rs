//! What the submission path says to the user: every sentence in one place (pure; the driver shows them as text).

use crate::submission::{Confirm, Failure};

/// The question of the confirmation dialog (`api.md`, 409).
pub fn question(c: Confirm) -> &'static str {
    match c {
        Confirm::ExistingBssAccount => {
            "An account with the same customer code already exists in BSS. \
             Synchronize this account with the same customer?"
        }
        Confirm::ExistingPartnerCustomer => {
            "A customer with the same customer code already exists in \
             Microsoft Partner Center. Synchronize with the existing customer?"
        }
    }
}

/// The question about a queued submission older than the resend window.
pub fn resend_question(days: u32) -> String {
    format!(
        "A submission saved on this device {days} days ago was never confirmed. Send it now? \
         (No keeps your entries in the form and drops the saved submission.)"
    )
}

pub const SENDING: &str = "Sending to Microsoft Partner Center…";
pub const RESUMING: &str = "Sending a submission saved earlier…";
pub const WAITING: &str = "Waiting for your answer…";
pub const DONE: &str = "Done: the account is synchronized with Microsoft Partner Center.";
pub const DONE_EARLIER: &str =
    "Done: the earlier submission is synchronized with Microsoft Partner Center. Your later changes are not \
     synchronized yet: submit again to synchronize them.";
pub const CANCELLED: &str = "Not synchronized. Your entries are kept.";
pub const INVALID: &str = "Not sent: check the marked fields.";
pub const NO_ACCOUNT: &str = "This page is not set up to submit: it names no account.";
pub const UNPREPARED: &str = "The record could not be prepared for sending.";
pub const SERVER_FOUND: &str = "Not synchronized: the server found problems in the marked fields.";
pub const REJECTED: &str = "Not synchronized: Microsoft Partner Center rejected the marked fields.";
pub const SUGGESTION: &str = "Not synchronized yet: Partner Center suggests a corrected billing address below.";
pub const SUGGESTION_TAKEN: &str = "The suggested address is in the form. Submit again to synchronize.";
pub const DOMAIN_TAKEN_FIELD: &str =
    "This domain already exists in Microsoft under a different CSP partner. Choose another prefix.";
pub const DOMAIN_TAKEN: &str = "Not synchronized: the domain prefix is taken. Choose another one and submit again.";
pub const ELSEWHERE: &str = "This submission was handled in another tab or window. Reload the page to see its result.";

/// The retry status.
pub fn retrying(retry: u32, delay_ms: u32, max_attempts: u32) -> String {
    let secs = delay_ms.div_ceil(1000);
    let of = max_attempts.saturating_sub(1);
    format!("The service is busy or not answering. Trying again in {secs} s (retry {retry} of {of})…")
}

/// Offline: whether the submission is saved on this device says where it waits.
pub fn queued(saved: bool) -> &'static str {
    if saved {
        "You are offline. The submission is saved on this device and will be sent once you are back online."
    } else {
        "You are offline and this device could not save the submission: keep this page open, it is sent once you \
         are back online."
    }
}

/// A failure's sentence; `invitation_shown` for the no-delegated-access case.
pub fn failure(f: &Failure, invitation_shown: bool, saved: bool) -> &'static str {
    match f {
        Failure::SessionExpired => {
            "Your session has expired. Sign in again, then submit: your entries and the submission are kept."
        }
        Failure::NotAllowed => {
            "You are not allowed to provision this account (or your session changed). Your entries and the \
             submission are kept."
        }
        Failure::NoDelegatedAccess(_) if invitation_shown => {
            "The existing tenant has not authorized this partner yet (delegated administration). \
             Send the customer the invitation link below, then submit again."
        }
        Failure::NoDelegatedAccess(_) => {
            "The existing tenant has not authorized this partner yet (delegated administration). \
             Ask your administrator for the invitation link to send to the customer."
        }
        Failure::Unavailable if saved => {
            "The service is unavailable just now. Your submission is kept on this device: submit again later, or \
             it is sent again automatically."
        }
        Failure::Unavailable => {
            "The service is unavailable just now, and this device could not save the submission: keep this page \
             open and submit again later."
        }
        Failure::NotConfirmed => {
            "Not confirmed: the server did not confirm the synchronization (your session may have expired: sign \
             in again). Your entries and the submission are kept; submit again to send it."
        }
        Failure::Unexpected(_) => "The server gave an unexpected answer. Your entries are kept; try again later.",
    }
}

/// Storage refused a write (quota, a policy): the submission is only in this page.
pub fn storage_failed(detail: &str) -> String {
    format!(
        "This device could not save your submission ({detail}). Your entries stay in the form: keep this page \
         open until it is confirmed."
    )
}

/// An unreadable queue entry was set aside.
pub fn quarantined(n: usize) -> String {
    format!(
        "{n} saved submission(s) on this device could not be read and were set aside (not sent). Your entries in \
         the form are not affected."
    )
}

/// Another account's queued submission got a final answer other than success: it stays queued for its own form.
pub fn other_account(account: &str, what: &str) -> String {
    format!("A submission saved earlier for account {account} needs attention ({what}): open that account's form.")
}

/// Another account's queued submission was synchronized.
pub fn other_account_done(account: &str) -> String {
    format!("A submission saved earlier for account {account} was synchronized.")
}

/// Another account's queued submission is older than the resend window.
pub fn other_account_stale(account: &str) -> String {
    let days = crate::submission::RESEND_WINDOW_MS / crate::submission::DAY_MS;
    format!(
        "A submission saved more than {days} days ago for account {account} was not sent: open that account's form."
    )
}

/// The words for a final answer of another account's submission.
pub fn answer_word(a: &crate::submission::Answer) -> &'static str {
    use crate::submission::Answer;
    match a {
        Answer::Confirm(_) => "a confirmation is needed",
        Answer::ValidationFailed(_) | Answer::ProvisioningRejected(_) | Answer::AddressSuggestion(_) => {
            "fields need changes"
        }
        Answer::DomainTaken => "its domain is taken",
        Answer::NoDelegatedAccess(_) => "the tenant has not authorized this partner",
        Answer::Unauthorized | Answer::Forbidden => "not allowed from this page",
        Answer::NotConfirmed => "the server did not confirm it; it stays saved",
        _ => "an unexpected answer",
    }
}
