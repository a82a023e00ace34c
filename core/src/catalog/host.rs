//! Every text the browser host (`web/`) shows the user, in one place: each by a stable name (a `host.*` key of the
//! message catalogs, whose format reserves them for the browser host, `docs/messages.md`) with its English template,
//! in the core's template syntax ([`crate::message`]: `{name}`, `{name|filter}`). The browser host names a [`Text`]
//! and never writes a sentence of its own (`web/src/texts.rs` fills them, in the catalog's language where the page
//! has one); [`super::english_json`] writes them into `core/catalogs/en.json`, so translators see them with the
//! codes. Data only: nothing here is compiled into the npm package, which names none of them.

/// One text: its stable name and its English template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub key: &'static str,
    pub en: &'static str,
}

/// Declares each text once: its constant, its key and its English template; `ALL` lists them in order.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident = $key:literal => $en:expr;)+) => {
        $($(#[$doc])* pub const $name: Text = Text { key: $key, en: $en };)+
        /// Every text, in the order declared: this module's part of a catalog.
        pub const ALL: &[Text] = &[$($name),+];
    };
}
/// The same declarations for the command line's texts ([`super::cli`]).
pub(crate) use texts;

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
    ALREADY_SYNCED = "host.submit.already_synced" =>
        "Not synchronized: this account is already synced with another domain, which cannot change.";
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
    ANSWER_ALREADY_SYNCED = "host.answer.already_synced" => "it is already synced with another domain";
    ANSWER_NO_DELEGATED_ACCESS = "host.answer.no_delegated_access" => "the tenant has not authorized this partner";
    ANSWER_NOT_ALLOWED = "host.answer.not_allowed" => "not allowed from this page";
    ANSWER_NOT_CONFIRMED = "host.answer.not_confirmed" => "the server did not confirm it; it stays saved";
    ANSWER_UNEXPECTED = "host.answer.unexpected" => "an unexpected answer";

    // Beside the fields, above the form and in the summary.
    DOMAIN_TAKEN_FIELD = "host.field.domain_taken" =>
        "This domain already exists in Microsoft under a different CSP partner. Choose another prefix.";
    /// Param `domain`: the domain the account is synced with (the server's `account_already_synced`).
    ALREADY_SYNCED_FIELD = "host.field.already_synced" =>
        "This account is already synced with {domain}, and its domain cannot change. Enter that domain to update the account.";
    /// The same, when the server did not say which domain.
    ALREADY_SYNCED_FIELD_UNNAMED = "host.field.already_synced_unnamed" =>
        "This account is already synced with another domain, and its domain cannot change.";
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

    // The page's own words (`index.html`: each element with `data-text="host.page.…"` or `host.label.…`).
    PAGE_TITLE = "host.page.title" => "Provision a Microsoft customer tenant · tenantcheck";
    PAGE_CONTEXT = "host.page.context" => "Cloud BSS · Microsoft Cloud Services";
    PAGE_HEADING = "host.page.heading" => "Provision a Microsoft customer tenant";
    PAGE_LEAD = "host.page.lead" =>
        "Synchronize this account with Microsoft Partner Center (CSP). Each field is checked as you type; warnings \
         never block.";
    SECTION_SYNC_OPTIONS = "host.page.sync_options" => "Sync options";
    SECTION_ACCOUNT = "host.page.account" => "Account details";
    SECTION_BILLING_ADDRESS = "host.page.billing_address" => "Billing address";
    OPTIONAL = "host.label.optional" => "optional";
    WHERE_REQUIRED = "host.label.where_required" => "where required";
    LABEL_USERNAME = "host.label.username" => "Username";
    HINT_USERNAME = "host.label.username_hint" =>
        "The tenant's global administrator, the part before the @ (e.g. admin).";
    LABEL_DOMAIN_PREFIX = "host.label.domain_prefix" => "Domain prefix";
    HINT_DOMAIN_PREFIX = "host.label.domain_prefix_hint" =>
        "Letters and digits for a new tenant (contoso becomes contoso.onmicrosoft.com), or the domain of an existing \
         tenant (contoso.com).";
    LABEL_RESELLER = "host.label.reseller" => "Reseller (MPN ID)";
    HINT_RESELLER = "host.label.reseller_hint" =>
        "The reseller's PartnerID (formerly MPN ID): the location ID (PLA), digits only. Required for a sub-customer \
         of a reseller.";
    LABEL_COMPANY_NAME = "host.label.company_name" => "Company name";
    LABEL_FIRST_NAME = "host.label.first_name" => "Contact first name";
    LABEL_LAST_NAME = "host.label.last_name" => "Contact last name";
    LABEL_EMAIL = "host.label.email" => "Corporate email";
    HINT_EMAIL = "host.label.email_hint" => "Receives the new tenant's credentials: not an onmicrosoft.com address.";
    LABEL_PHONE = "host.label.phone" => "Phone";
    HINT_PHONE = "host.label.phone_hint" => "With the country calling code, e.g. +30 210 123 4567.";
    LABEL_REGISTRATION = "host.label.registration_number" => "Registration number";
    HINT_REGISTRATION = "host.label.registration_number_hint" =>
        "Organization registration number (INN); Partner Center requires it in some countries.";
    /// Param `term`: the country's own name of the number (`registration_term`: CNPJ, NIP, INN…).
    HINT_REGISTRATION_TERM = "host.label.registration_number_term" =>
        "The organization's registration number ({term}); Partner Center requires it in some countries.";
    LABEL_SUB_CUSTOMER = "host.label.sub_customer" => "This account is a sub-customer of a reseller";
    HINT_SUB_CUSTOMER = "host.label.sub_customer_hint" =>
        "A sub-customer may leave its billing address empty: the reseller's address is used.";
    ADDRESS_NOTE = "host.label.address_note" =>
        "You may leave the whole address empty: the reseller's billing address is then used.";
    LABEL_COUNTRY = "host.label.country" => "Country or region";
    CHOOSE_COUNTRY = "host.label.choose_country" => "Choose a country or region";
    LABEL_ADDRESS_LINE1 = "host.label.address_line_one" => "Address line 1";
    LABEL_ADDRESS_LINE2 = "host.label.address_line_two" => "Address line 2";
    LABEL_CITY = "host.label.city" => "City";
    LABEL_STATE = "host.label.state" => "State or province";
    LABEL_POSTCODE = "host.label.postcode" => "Postcode";
    SUGGESTION_TITLE = "host.label.suggestion" => "Partner Center suggests this address:";
    SUGGESTION_USE = "host.label.use_suggestion" => "Use this address";
    INVITATION = "host.label.invitation" => "Invitation link to send to the customer:";
    SUBMIT = "host.label.submit" => "Provision tenant";
    CONFIRM_TITLE = "host.label.confirm_title" => "Synchronize with an existing customer?";
    CONFIRM_YES = "host.label.confirm_yes" => "Yes, synchronize";
    CONFIRM_NO = "host.label.confirm_no" => "No, go back";
}
