//! The submission as an explicit state machine (pure: no DOM, no network, tested natively). `submit` drives it: it
//! turns clicks, answers, timers and the `online` event into [`Event`]s and carries out the [`Effect`]s.
//!
//! ```text
//!  Editing ──Submit──▶ Sending ──2xx with api.md's success body for this account──▶ Done(request)
//!  Done, Failed ─Submit─▶ │  ──2xx without it (a login page behind a redirect) ─▶ Failed(NotConfirmed, kept)
//!  QueuedOffline ─Submit─▶│  ──422 validation_failed / provisioning_rejected /
//!                         │     address_suggestion, 409 domain_taken_other_csp /
//!                         │     account_already_synced ─▶ Editing (messages by field)
//!                         │  ──409 confirm_existing_* ──▶ WaitingForConfirmation ─yes─▶ Sending (confirm query)
//!                         │                                                      └─no──▶ Editing
//!                         │  ──403 csrf_token_invalid (first time) ─▶ Sending (fresh token, same key)
//!                         │  ──409 no_delegated_access, other 4xx ─▶ Failed
//!                         │  ──401, 403 ─▶ Failed (the queued request is kept)
//!                         │  ──408/429/5xx/timeout/network failure ─▶ Sending (retry after backoff + jitter, same key)
//!                         │  ──retries used up, Retry-After beyond the cap ─▶ Failed(Unavailable, kept; again after the cap)
//!                         │  ──network failure while offline ─▶ QueuedOffline ─online─▶ Sending
//!  (start) ──Resume, younger than the resend window──▶ Sending
//!          ──Resume, older ──▶ AskingResend ─yes─▶ Sending; ─no─▶ Editing (the entry is dropped, the draft stays)
//! ```
//!
//! **Idempotency keys** (`api.md`). A key names one logical submission: every retry, every resend from the offline
//! queue (also after a reload), and a new click on Submit with an unchanged record while the request is unanswered,
//! unconfirmed or unavailable reuse it. An unchanged resubmission after success reuses the succeeded request (key and
//! confirmations), so the server replays its success instead of provisioning twice. A resubmission after a final
//! refusal (422, 409, 401/403) is a new submission with a new key. A confirmed resubmit is a new request too (the
//! server stored its 409 under the first key): its key is derived from the first (`{key}-bss`, `{key}-pc`).

use crate::json::{self, Value};
use serde::Serialize;

/// Tries of one request, the first included, before the user is told the service is unavailable.
pub const MAX_ATTEMPTS: u32 = 5;
/// The first retry's delay by default (`data-retry-base-ms`); each next one doubles it.
pub const BASE_DELAY_MS: u32 = 1_000;
/// The longest wait the host honours (`api.md`: `Retry-After` at most 10 minutes). A longer `Retry-After` shows the
/// service as unavailable, keeps the entry and tries again after this.
pub const RETRY_AFTER_CAP_MS: u32 = 600_000;
/// How long a queued submission is resent automatically (`api.md`: 7 days); an older one is resent only when the
/// user says so.
pub const RESEND_WINDOW_MS: u64 = 7 * DAY_MS;
/// One day in milliseconds.
pub const DAY_MS: u64 = 24 * 3600 * 1000;

/// What the user is asked to confirm (`api.md`, 409).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Confirm {
    ExistingBssAccount,
    ExistingPartnerCustomer,
}

impl Confirm {
    /// The value of the `confirm` query parameter.
    pub fn query_value(self) -> &'static str {
        match self {
            Confirm::ExistingBssAccount => "existingBssAccount",
            Confirm::ExistingPartnerCustomer => "existingPartnerCustomer",
        }
    }

    /// A confirmation as stored (its [`Confirm::query_value`]).
    fn from_json(v: &Value) -> Option<Confirm> {
        [Confirm::ExistingBssAccount, Confirm::ExistingPartnerCustomer]
            .into_iter()
            .find(|c| v.as_str() == Some(c.query_value()))
    }

    fn key_suffix(self) -> &'static str {
        match self {
            Confirm::ExistingBssAccount => "bss",
            Confirm::ExistingPartnerCustomer => "pc",
        }
    }
}

/// One request: where, what, under which key. Also the entry of the offline queue.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Submission {
    /// The `Idempotency-Key`.
    pub key: String,
    /// The `PUT` target without the query.
    pub url: String,
    /// The customer's data of the normalized record as JSON (no partner configuration: `api.md`).
    pub body: String,
    /// What the user confirmed, in order; each becomes a `confirm` query parameter.
    pub confirms: Vec<Confirm>,
    /// When the submission was first queued, in milliseconds since the epoch (0: unknown, an old entry).
    pub created_ms: u64,
    /// A final answer other than success arrived while another account's form was open: the entry waits for its own
    /// form (not resent automatically); the text says what happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<String>,
    /// What the user typed, as the form showed it when they submitted (an entry of the old queue has none): a
    /// resumed entry whose form is empty fills it from these.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<crate::fields::Values>,
    /// Tries so far of this request in this page (not stored).
    #[serde(skip)]
    pub attempts: u32,
    /// Whether the page's CSRF token was read again for this request already (not stored).
    #[serde(skip)]
    pub token_refreshed: bool,
}

impl Submission {
    pub fn new(key: String, url: String, body: String) -> Submission {
        Submission {
            key,
            url,
            body,
            confirms: Vec::new(),
            created_ms: 0,
            held: None,
            values: None,
            attempts: 0,
            token_refreshed: false,
        }
    }

    /// An entry as stored (the JSON its `Serialize` writes; `key`, `url` and `body` required, the rest optional);
    /// `None` when it is not one (crate::json).
    pub fn from_json(v: &Value) -> Option<Submission> {
        let o = json::object(v)?;
        Some(Submission {
            key: json::required(o, "key", json::string)?,
            url: json::required(o, "url", json::string)?,
            body: json::required(o, "body", json::string)?,
            confirms: json::or_default(o, "confirms", json::list(Confirm::from_json))?,
            created_ms: json::or_default(o, "createdMs", Value::as_u64)?,
            held: json::or_default(o, "held", json::optional(json::string))?,
            values: json::or_default(o, "values", json::optional(crate::fields::Values::from_json))?,
            attempts: 0,
            token_refreshed: false,
        })
    }

    /// The account id of the request, read from its URL (decoded; empty when the URL has none).
    pub fn account(&self) -> String {
        account_of_url(&self.url).unwrap_or_default()
    }

    /// The URL with the confirmations as query.
    pub fn request_url(&self) -> String {
        let mut url = self.url.clone();
        for (i, c) in self.confirms.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str("confirm=");
            url.push_str(c.query_value());
        }
        url
    }

    /// The request after the user confirmed `c`: a new key derived from this one.
    pub fn confirmed(&self, c: Confirm) -> Submission {
        let mut confirms = self.confirms.clone();
        confirms.push(c);
        Submission {
            key: format!("{}-{}", self.key, c.key_suffix()),
            confirms,
            attempts: 0,
            token_refreshed: false,
            held: None,
            ..self.clone()
        }
    }

    /// Whether the entry is older than the resend window at `now_ms` (an entry of unknown age is not).
    pub fn is_stale(&self, now_ms: u64) -> bool {
        self.created_ms > 0 && now_ms.saturating_sub(self.created_ms) > RESEND_WINDOW_MS
    }
}

/// Where `needle` first occurs in `text` (a byte index), by a plain window search: the standard library's substring
/// search (`contains`, `replace`, `split_once` with a `&str`) is 3 KB of the module.
pub fn find(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    text.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes())
}

/// The account id of a `PUT` URL (`…/api/Accounts/{accountId}/syncoptions/…`), percent-decoded (the inverse of
/// `config::encode_segment`); `None` when the URL has none or it does not decode to UTF-8.
pub fn account_of_url(url: &str) -> Option<String> {
    const PATH: &str = "/api/Accounts/";
    let rest = url.get(find(url, PATH)? + PATH.len()..)?;
    let id = rest.split('/').next()?;
    let id = percent_encoding::percent_decode_str(id).decode_utf8().ok()?;
    (!id.is_empty()).then(|| id.into_owned())
}

/// After a success: whether the form's draft holds what was sent, so it may be cleared. A draft the user changed
/// after submitting is kept (those changes are not synchronized). An entry of the old queue stored no values: its
/// draft is cleared, as before values were stored.
pub fn draft_is_sent(sent: Option<&crate::fields::Values>, current: &crate::fields::Values) -> bool {
    sent.is_none_or(|v| v == current)
}

/// After another account's queued entry succeeded: whether that account's stored draft (JSON) holds what was sent,
/// so it may be removed. An entry that stored no values, or an unreadable draft, keeps it.
pub fn other_draft_is_sent(sent: Option<&crate::fields::Values>, draft_json: &str) -> bool {
    sent.is_some_and(|v| crate::fields::Values::parse(draft_json).is_some_and(|d| d == *v))
}

/// The customer's part of a record: what the host sends.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CustomerData<'a> {
    sync_options: &'a tenantcheck_core::record::Slot<tenantcheck_core::record::SyncOptions>,
    account: &'a tenantcheck_core::record::Slot<tenantcheck_core::record::Account>,
}

/// The body of a request: the normalized record as JSON, without the partner's configuration (the record's fields
/// outside `account` and `syncOptions`, `request.md`; `api.md`: "The request body holds the customer's data only").
pub fn customer_body(record: &tenantcheck_core::record::Record) -> Option<String> {
    serde_json::to_string(&CustomerData { sync_options: &record.sync_options, account: &record.account }).ok()
}

/// One error beside a field, as the server sends it (`request.md`, result shape).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerIssue {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl ServerIssue {
    /// An issue as the server sends it (every member optional, each a string).
    fn from_json(v: &Value) -> Option<ServerIssue> {
        let o = json::object(v)?;
        Some(ServerIssue {
            field: json::or_default(o, "field", json::string)?,
            code: json::or_default(o, "code", json::string)?,
            message: json::or_default(o, "message", json::string)?,
        })
    }
}

/// An address Partner Center proposed (`address_suggestion`): the core's address record, read as leniently as any.
pub type SuggestedAddress = tenantcheck_core::record::Address;

/// The suggestion as one line for people: the non-empty parts, comma-separated, in the schema's order but for the
/// country, which comes last, as an address is written ([`crate::fields::ADDRESS`]: the schema's keys, the country
/// first).
pub fn one_line(address: &SuggestedAddress) -> String {
    // The schema's keys turned by one: the country, first, comes last.
    let keys = &crate::fields::ADDRESS;
    keys[1..]
        .iter()
        .chain(&keys[..1])
        .filter_map(|(k, _)| address.get(k))
        .map(|t| t.as_str().trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// An RFC 9457 problem body with `api.md`'s members.
#[derive(Debug, Default)]
struct Problem {
    code: Option<String>,
    errors: Vec<ServerIssue>,
    suggested_address: tenantcheck_core::record::Slot<SuggestedAddress>,
    invitation_url: Option<String>,
    /// `account_already_synced`: the domain the account is synced with.
    domain: Option<String>,
}

impl Problem {
    /// The problem in a body (every member optional); the default when the body is not one.
    fn parse(body: &str) -> Problem {
        json::parse(body).as_ref().and_then(Problem::from_json).unwrap_or_default()
    }

    fn from_json(v: &Value) -> Option<Problem> {
        let o = json::object(v)?;
        Some(Problem {
            code: json::or_default(o, "code", json::optional(json::string))?,
            errors: json::or_default(o, "errors", json::list(ServerIssue::from_json))?,
            suggested_address: {
                use tenantcheck_core::record::AsPlace as _;
                // The core's lenient reader, as for a record (a value of another type is kept as wrong).
                let mut slot: tenantcheck_core::record::Slot<SuggestedAddress> = tenantcheck_core::record::Slot::Absent;
                tenantcheck_core::record::read_into(slot.as_place_mut(), o.get("suggestedAddress").as_ref()).ok()?;
                slot
            },
            invitation_url: json::or_default(o, "invitationUrl", json::optional(json::string))?,
            // Only `account_already_synced`'s: another shape under this common name never makes the problem
            // unreadable (its code would be lost); it is then no domain.
            domain: o.get("domain").and_then(Value::as_str).map(str::to_owned),
        })
    }
}

/// What an answer (or its absence) means, one variant per row of `api.md`'s table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// `api.md`'s success body for this request: JSON, `status` `synced`, the same `accountId`.
    Success,
    /// A 2xx without that body (an HTML login page after a redirect), or a redirect itself: nothing is confirmed.
    NotConfirmed,
    ValidationFailed(Vec<ServerIssue>),
    ProvisioningRejected(Vec<ServerIssue>),
    AddressSuggestion(SuggestedAddress),
    DomainTaken,
    /// 409 `account_already_synced` (the stand-in's answer, docs/api.md): the account is synced with this domain,
    /// which does not change.
    AlreadySynced(Option<String>),
    Confirm(Confirm),
    NoDelegatedAccess(Option<String>),
    Unauthorized,
    /// 403 `csrf_token_invalid`: the page's token is stale.
    CsrfInvalid,
    Forbidden,
    /// 408, 429 or 5xx; the server's `Retry-After` in milliseconds (not capped: the machine applies the cap).
    Retry(Option<u32>),
    /// The request did not complete (unreachable, or the timeout aborted it); `online` is `navigator.onLine` then.
    NetworkFailure {
        online: bool,
    },
    /// Anything else: a status (or code) `api.md` does not list. Final.
    Unexpected(u16),
    /// Not sent: another tab took the entry out of the queue (it got a final answer there) while this one waited.
    HandledElsewhere,
}

/// Whether a `Content-Type` names JSON (`application/json`, `application/problem+json`, any `+json`).
pub fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Whether a body is `api.md`'s success body for `account_id`: a JSON object with `status` `synced` and an
/// `accountId` whose text (a JSON string as is, an integer as written) equals the form's.
pub fn is_success_body(body: &str, account_id: &str) -> bool {
    let Some(v) = json::parse(body) else { return false };
    let Some(o) = json::object(&v) else { return false };
    let id = match o.get("accountId") {
        Some(Value::String(s)) => s.clone(),
        // Integers only (not `Number`'s `Display`, which would link float formatting).
        Some(Value::Number(n)) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.to_string(),
            (None, Some(i)) => i.to_string(),
            _ => return false,
        },
        _ => return false,
    };
    o.get("status").and_then(Value::as_str) == Some("synced") && !account_id.is_empty() && id == account_id
}

impl Answer {
    /// Classifies a response by its status, content type, body and `Retry-After` (in milliseconds, from seconds or
    /// an HTTP date), for a request about `account_id`. Status 0 is an opaque redirect (`redirect: "manual"`).
    pub fn classify(
        status: u16,
        content_type: &str,
        body: &str,
        retry_after_ms: Option<u32>,
        account_id: &str,
    ) -> Answer {
        let problem = || Problem::parse(body);
        match status {
            200..=299 if is_json(content_type) && is_success_body(body, account_id) => Answer::Success,
            0 | 200..=399 => Answer::NotConfirmed,
            401 => Answer::Unauthorized,
            403 if problem().code.as_deref() == Some("csrf_token_invalid") => Answer::CsrfInvalid,
            403 => Answer::Forbidden,
            // 408: the server timed the request out (RFC 9110 15.5.9), a timeout of api.md: retried like 429/5xx.
            408 | 429 | 500..=599 => Answer::Retry(retry_after_ms),
            422 => {
                let p = problem();
                match p.code.as_deref() {
                    Some("validation_failed") => Answer::ValidationFailed(p.errors),
                    Some("provisioning_rejected") => Answer::ProvisioningRejected(p.errors),
                    Some("address_suggestion") => match p.suggested_address {
                        tenantcheck_core::record::Slot::Value(a) => Answer::AddressSuggestion(a),
                        _ => Answer::Unexpected(status),
                    },
                    _ => Answer::Unexpected(status),
                }
            }
            409 => {
                let p = problem();
                match p.code.as_deref() {
                    Some("domain_taken_other_csp") => Answer::DomainTaken,
                    Some("account_already_synced") => Answer::AlreadySynced(p.domain),
                    Some("confirm_existing_bss_account") => Answer::Confirm(Confirm::ExistingBssAccount),
                    Some("confirm_existing_partner_customer") => Answer::Confirm(Confirm::ExistingPartnerCustomer),
                    Some("no_delegated_access") => Answer::NoDelegatedAccess(p.invitation_url),
                    _ => Answer::Unexpected(status),
                }
            }
            _ => Answer::Unexpected(status),
        }
    }

    /// Whether the answer ends the submission (anything but a retry, a missing answer, a stale token).
    pub fn is_final(&self) -> bool {
        !matches!(self, Answer::Retry(_) | Answer::NetworkFailure { .. } | Answer::CsrfInvalid | Answer::NotConfirmed)
    }
}

/// `Retry-After` as delta-seconds, in milliseconds (not capped; saturating).
pub fn retry_after_seconds(value: &str) -> Option<u32> {
    let secs: u64 = value.trim().parse().ok()?;
    Some(u32::try_from(secs.saturating_mul(1000)).unwrap_or(u32::MAX))
}

/// The wait before retry number `retry` (1-based): exponential from `base_ms`, with "equal jitter" (half fixed, half
/// random by `jitter` in `[0, 1)`), at least what the server asked for, at most [`RETRY_AFTER_CAP_MS`].
pub fn backoff_ms(retry: u32, base_ms: u32, retry_after_ms: Option<u32>, jitter: f64) -> u32 {
    let exp = base_ms.saturating_mul(1 << retry.saturating_sub(1).min(16)).min(RETRY_AFTER_CAP_MS);
    let half = exp / 2;
    let jittered = half + (f64::from(exp - half) * jitter.clamp(0.0, 1.0)) as u32;
    jittered.max(retry_after_ms.unwrap_or(0)).min(RETRY_AFTER_CAP_MS)
}

/// Why a submission stopped without success; the user's input stays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    SessionExpired,
    NotAllowed,
    NoDelegatedAccess(Option<String>),
    /// Retries used up, or `Retry-After` beyond the cap: the request stays in the queue, unresolved.
    Unavailable,
    /// A 2xx without the success body: the request stays in the queue, unresolved.
    NotConfirmed,
    Unexpected(u16),
}

impl Failure {
    /// Whether the request may still have been provisioned, so the next Submit of the same record reuses its key.
    pub fn unresolved(&self) -> bool {
        matches!(self, Failure::Unavailable | Failure::NotConfirmed)
    }
}

/// The states of `design.md`.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum State {
    #[default]
    Editing,
    Sending(Submission),
    WaitingForConfirmation(Submission, Confirm),
    /// A queued submission older than the resend window: the user is asked whether to send it.
    AskingResend(Submission),
    QueuedOffline(Submission),
    /// The request that succeeded (an unchanged resubmission reuses it).
    Done(Submission),
    /// The request kept in the queue, if any (the next Submit of the same record reuses its key when the failure is
    /// [`Failure::unresolved`]).
    Failed(Failure, Option<Submission>),
}

/// What happens to the machine.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The user submitted a valid record (see [`Machine::submission_for`] for its key).
    Submit(Submission),
    /// At start: this form's entry of the offline queue, at `now_ms`.
    Resume { submission: Submission, now_ms: u64 },
    /// An answer to the request sent under `key`: applied only while that request is the one in flight (a late
    /// answer to an earlier request changes nothing).
    Answer { key: String, answer: Answer },
    /// The user answered the dialog.
    Confirmed(bool),
    /// The retry timer fired (also after the token was read again).
    RetryDue,
    /// The browser came back online.
    Online,
}

/// What the driver must show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Sending,
    Retrying {
        retry: u32,
        delay_ms: u32,
    },
    Queued,
    Success,
    ValidationFailed(Vec<ServerIssue>),
    ProvisioningRejected(Vec<ServerIssue>),
    Suggestion(SuggestedAddress),
    DomainTaken,
    AlreadySynced(Option<String>),
    Ask(Confirm),
    /// A queued submission is older than the resend window (in days): send it?
    AskResend(u32),
    Cancelled,
    HandledElsewhere,
    Failed(Failure),
}

/// What the driver must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Keep the request in the offline queue (replacing any other for the same URL).
    Persist(Submission),
    /// A final answer arrived: drop the request from the queue.
    Forget(String),
    /// Send the request now.
    Send(Submission),
    /// Read the page's CSRF token again, then fire [`Event::RetryDue`].
    RefreshToken,
    /// Fire [`Event::RetryDue`] after this many milliseconds.
    Schedule(u32),
    Show(Notice),
}

/// The machine: the state, its transitions, and its timing (from the form's configuration).
#[derive(Debug, Clone)]
pub struct Machine {
    pub state: State,
    pub max_attempts: u32,
    pub base_delay_ms: u32,
    /// A random number in `[0, 1)` for the jitter (`Math.random` in the browser; fixed in tests).
    pub jitter: fn() -> f64,
}

impl Default for Machine {
    fn default() -> Machine {
        Machine { state: State::Editing, max_attempts: MAX_ATTEMPTS, base_delay_ms: BASE_DELAY_MS, jitter: || 0.5 }
    }
}

impl Machine {
    /// The request for a valid record: the unresolved or succeeded one when the same record is submitted again (so
    /// a retry by hand keeps its key, and a resubmission after success replays it), else a new one under
    /// `fresh_key`, created at `now_ms`.
    pub fn submission_for(&self, url: &str, body: &str, now_ms: u64, fresh_key: impl FnOnce() -> String) -> Submission {
        let pending = match &self.state {
            State::QueuedOffline(s) | State::Done(s) | State::Sending(s) => Some(s),
            State::Failed(f, Some(s)) if f.unresolved() => Some(s),
            _ => None,
        };
        match pending {
            Some(s) if s.url == url && s.body == body => {
                Submission { attempts: 0, token_refreshed: false, held: None, ..s.clone() }
            }
            _ => Submission { created_ms: now_ms, ..Submission::new(fresh_key(), url.to_owned(), body.to_owned()) },
        }
    }

    /// Whether a Submit is taken now (not while a request is in flight or a question is open).
    pub fn accepts_submit(&self) -> bool {
        !matches!(self.state, State::Sending(_) | State::WaitingForConfirmation(..) | State::AskingResend(_))
    }

    /// One transition. Every answer of `api.md` has exactly one arrow from `Sending`; events that do not apply to
    /// the current state change nothing.
    pub fn step(&mut self, event: Event) -> Vec<Effect> {
        let state = std::mem::take(&mut self.state);
        let (next, effects) = self.transition(state, event);
        self.state = next;
        effects
    }

    fn transition(&self, state: State, event: Event) -> (State, Vec<Effect>) {
        use Effect::{Forget, Show};
        match (state, event) {
            (
                state @ (State::Editing | State::Done(_) | State::Failed(..) | State::QueuedOffline(_)),
                Event::Submit(s),
            ) => {
                let old = match &state {
                    State::QueuedOffline(o) | State::Failed(_, Some(o)) if o.key != s.key => Some(o.key.clone()),
                    _ => None,
                };
                let (next, effects) = send(s, true);
                (next, old.map(Forget).into_iter().chain(effects).collect())
            }
            (State::Editing, Event::Resume { submission, now_ms }) => {
                if submission.is_stale(now_ms) {
                    let days = u32::try_from(now_ms.saturating_sub(submission.created_ms) / DAY_MS).unwrap_or(u32::MAX);
                    (State::AskingResend(submission), vec![Show(Notice::AskResend(days))])
                } else {
                    send(submission, false)
                }
            }
            (State::AskingResend(s), Event::Confirmed(true)) => send(s, false),
            (State::AskingResend(s), Event::Confirmed(false)) => {
                (State::Editing, vec![Forget(s.key), Show(Notice::Cancelled)])
            }
            (State::Sending(s), Event::Answer { key, answer }) if key == s.key => self.answered(s, answer),
            (State::Sending(s), Event::RetryDue) => send(s, false),
            (State::Failed(Failure::Unavailable, Some(s)), Event::RetryDue | Event::Online)
            | (State::QueuedOffline(s), Event::Online) => send(Submission { attempts: 0, ..s }, false),
            (State::WaitingForConfirmation(s, c), Event::Confirmed(true)) => send(s.confirmed(c), true),
            (State::WaitingForConfirmation(..), Event::Confirmed(false)) => {
                (State::Editing, vec![Show(Notice::Cancelled)])
            }
            (state, _) => (state, Vec::new()),
        }
    }

    fn answered(&self, mut s: Submission, answer: Answer) -> (State, Vec<Effect>) {
        use Effect::{Forget, Show};
        let key = s.key.clone();
        let done = |next: State, notice: Notice| (next, vec![Forget(key.clone()), Show(notice)]);
        let failed = |f: Failure| done(State::Failed(f.clone(), None), Notice::Failed(f));
        // Kept: the entry stays in the queue.
        let kept = |f: Failure, s: Submission| (State::Failed(f.clone(), Some(s)), vec![Show(Notice::Failed(f))]);
        match answer {
            Answer::Success => done(State::Done(Submission { attempts: 0, ..s }), Notice::Success),
            Answer::NotConfirmed => kept(Failure::NotConfirmed, s),
            Answer::ValidationFailed(e) => done(State::Editing, Notice::ValidationFailed(e)),
            Answer::ProvisioningRejected(e) => done(State::Editing, Notice::ProvisioningRejected(e)),
            Answer::AddressSuggestion(a) => done(State::Editing, Notice::Suggestion(a)),
            Answer::DomainTaken => done(State::Editing, Notice::DomainTaken),
            Answer::AlreadySynced(domain) => done(State::Editing, Notice::AlreadySynced(domain)),
            // Asked again for what the user already confirmed: the server is not following the contract.
            Answer::Confirm(c) if s.confirms.contains(&c) => failed(Failure::Unexpected(409)),
            Answer::Confirm(c) => done(State::WaitingForConfirmation(s, c), Notice::Ask(c)),
            Answer::NoDelegatedAccess(url) => failed(Failure::NoDelegatedAccess(url)),
            // api.md: a 401/403 keeps the queued submission (sent again at the next start, e.g. after signing in).
            Answer::Unauthorized => kept(Failure::SessionExpired, s),
            Answer::Forbidden => kept(Failure::NotAllowed, s),
            Answer::CsrfInvalid if !s.token_refreshed => {
                s.token_refreshed = true;
                (State::Sending(s), vec![Effect::RefreshToken])
            }
            Answer::CsrfInvalid => kept(Failure::NotAllowed, s),
            Answer::Unexpected(st) => failed(Failure::Unexpected(st)),
            Answer::HandledElsewhere => (State::Editing, vec![Show(Notice::HandledElsewhere)]),
            Answer::NetworkFailure { online: false } => (State::QueuedOffline(s), vec![Show(Notice::Queued)]),
            Answer::Retry(Some(after)) if after > RETRY_AFTER_CAP_MS => {
                let (next, mut effects) = kept(Failure::Unavailable, s);
                effects.push(Effect::Schedule(RETRY_AFTER_CAP_MS));
                (next, effects)
            }
            Answer::Retry(after) => self.retry(s, after),
            Answer::NetworkFailure { online: true } => self.retry(s, None),
        }
    }

    fn retry(&self, s: Submission, after: Option<u32>) -> (State, Vec<Effect>) {
        if s.attempts >= self.max_attempts {
            // Kept, and tried again after the cap while the page is open (also on `online`, a resubmit, a reload).
            return (
                State::Failed(Failure::Unavailable, Some(s)),
                vec![Effect::Show(Notice::Failed(Failure::Unavailable)), Effect::Schedule(RETRY_AFTER_CAP_MS)],
            );
        }
        let delay_ms = backoff_ms(s.attempts, self.base_delay_ms, after, (self.jitter)());
        let retry = s.attempts;
        (State::Sending(s), vec![Effect::Schedule(delay_ms), Effect::Show(Notice::Retrying { retry, delay_ms })])
    }
}

fn send(mut s: Submission, persist: bool) -> (State, Vec<Effect>) {
    s.attempts += 1;
    let mut effects = Vec::new();
    if persist {
        effects.push(Effect::Persist(s.clone()));
    }
    effects.push(Effect::Send(s.clone()));
    if s.attempts == 1 {
        effects.push(Effect::Show(Notice::Sending));
    }
    (State::Sending(s), effects)
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "/api/Accounts/1001/syncoptions/X";

    fn sub() -> Submission {
        Submission::new("k1".into(), URL.into(), "{}".into())
    }

    fn sending() -> Machine {
        let mut m = Machine::default();
        let fx = m.step(Event::Submit(sub()));
        assert!(
            matches!(&fx[..], [Effect::Persist(_), Effect::Send(s), Effect::Show(Notice::Sending)] if s.attempts == 1)
        );
        m
    }

    /// The answer to the request in flight (or to `k1`).
    fn reply(m: &mut Machine, answer: Answer) -> Vec<Effect> {
        let key = match &m.state {
            State::Sending(s) => s.key.clone(),
            _ => "k1".into(),
        };
        m.step(Event::Answer { key, answer })
    }

    fn forgets(fx: &[Effect]) -> bool {
        fx.iter().any(|e| *e == Effect::Forget("k1".into()))
    }

    const JSON: &str = "application/json";
    const OK: &str = r#"{"accountId":1001,"domain":"contoso.onmicrosoft.com","status":"synced"}"#;

    fn classify(status: u16, body: &str) -> Answer {
        Answer::classify(status, "application/problem+json", body, None, "1001")
    }

    #[test]
    fn success_is_only_the_success_body_for_this_account() {
        assert_eq!(Answer::classify(201, JSON, OK, None, "1001"), Answer::Success);
        assert_eq!(Answer::classify(200, "application/json; charset=utf-8", OK, None, "1001"), Answer::Success);
        let as_text = r#"{"accountId":"1001","status":"synced"}"#;
        assert_eq!(Answer::classify(200, JSON, as_text, None, "1001"), Answer::Success);
        // A login page behind a redirect, an empty 2xx, another account, another status, a redirect: not confirmed.
        let login = "<!doctype html><title>Sign in</title>";
        assert_eq!(Answer::classify(200, "text/html; charset=utf-8", login, None, "1001"), Answer::NotConfirmed);
        assert_eq!(Answer::classify(200, "text/html", OK, None, "1001"), Answer::NotConfirmed);
        assert_eq!(Answer::classify(204, JSON, "", None, "1001"), Answer::NotConfirmed);
        assert_eq!(Answer::classify(200, JSON, OK, None, "1002"), Answer::NotConfirmed);
        assert_eq!(Answer::classify(200, JSON, OK, None, ""), Answer::NotConfirmed);
        assert_eq!(
            Answer::classify(200, JSON, r#"{"accountId":1001,"status":"pending"}"#, None, "1001"),
            Answer::NotConfirmed
        );
        assert_eq!(Answer::classify(200, JSON, "[1]", None, "1001"), Answer::NotConfirmed);
        // The id is a string or an integer, never a float; a negative integer is written as it is.
        let float = r#"{"accountId":1001.0,"status":"synced"}"#;
        assert_eq!(Answer::classify(200, JSON, float, None, "1001"), Answer::NotConfirmed);
        let negative = r#"{"accountId":-7,"status":"synced"}"#;
        assert_eq!(Answer::classify(200, JSON, negative, None, "-7"), Answer::Success);
        assert_eq!(Answer::classify(0, "", "", None, "1001"), Answer::NotConfirmed);
        assert_eq!(Answer::classify(303, "", "", None, "1001"), Answer::NotConfirmed);
        assert!(is_json("application/problem+json") && !is_json("text/json+html") && !is_json(""));
    }

    #[test]
    fn classifies_every_answer_of_api_md() {
        let p = |code: &str, extra: &str| format!(r#"{{"type":"about:blank","code":"{code}"{extra}}}"#);
        let errors = r#","errors":[{"field":"account.phone","code":"phone.required","message":"<b>x</b>"}]"#;
        let issue =
            ServerIssue { field: "account.phone".into(), code: "phone.required".into(), message: "<b>x</b>".into() };
        assert_eq!(classify(422, &p("validation_failed", errors)), Answer::ValidationFailed(vec![issue.clone()]));
        assert_eq!(classify(422, &p("provisioning_rejected", errors)), Answer::ProvisioningRejected(vec![issue]));
        let a = classify(422, &p("address_suggestion", r#","suggestedAddress":{"postalCode":"98052-6399"}"#));
        assert!(matches!(a, Answer::AddressSuggestion(s) if s.postal_code.as_str() == "98052-6399"));
        assert_eq!(classify(422, &p("address_suggestion", "")), Answer::Unexpected(422));
        assert_eq!(classify(409, &p("domain_taken_other_csp", "")), Answer::DomainTaken);
        assert_eq!(
            classify(409, &p("account_already_synced", r#","domain":"contoso.onmicrosoft.com""#)),
            Answer::AlreadySynced(Some("contoso.onmicrosoft.com".into()))
        );
        assert_eq!(classify(409, &p("account_already_synced", "")), Answer::AlreadySynced(None));
        assert_eq!(classify(409, &p("domain_taken_other_csp", r#","domain":{"name":"x"}"#)), Answer::DomainTaken);
        assert_eq!(classify(409, &p("account_already_synced", r#","domain":7"#)), Answer::AlreadySynced(None));
        assert_eq!(classify(409, &p("confirm_existing_bss_account", "")), Answer::Confirm(Confirm::ExistingBssAccount));
        assert_eq!(
            classify(409, &p("confirm_existing_partner_customer", "")),
            Answer::Confirm(Confirm::ExistingPartnerCustomer)
        );
        assert_eq!(
            classify(409, &p("no_delegated_access", r#","invitationUrl":"https://x.example/i""#)),
            Answer::NoDelegatedAccess(Some("https://x.example/i".into()))
        );
        assert_eq!(classify(401, ""), Answer::Unauthorized);
        assert_eq!(classify(403, ""), Answer::Forbidden);
        assert_eq!(classify(403, &p("csrf_token_invalid", "")), Answer::CsrfInvalid);
        assert_eq!(Answer::classify(429, "", "", Some(3000), "1001"), Answer::Retry(Some(3000)));
        // A 408 (the server timed the request out) is retried with the same key, its Retry-After honoured.
        assert_eq!(Answer::classify(408, "", "", Some(2000), "1001"), Answer::Retry(Some(2000)));
        assert_eq!(classify(408, &p("request_timeout", "")), Answer::Retry(None));
        assert!(!Answer::Retry(None).is_final());
        assert_eq!(classify(503, "<html>"), Answer::Retry(None));
        assert_eq!(classify(409, "not json"), Answer::Unexpected(409));
        assert_eq!(classify(404, ""), Answer::Unexpected(404));
    }

    #[test]
    fn final_refusals_forget_the_request() {
        let cases = [
            (Answer::ValidationFailed(vec![]), State::Editing),
            (Answer::ProvisioningRejected(vec![]), State::Editing),
            (Answer::AddressSuggestion(SuggestedAddress::default()), State::Editing),
            (Answer::DomainTaken, State::Editing),
            (Answer::AlreadySynced(Some("contoso.onmicrosoft.com".into())), State::Editing),
            (Answer::NoDelegatedAccess(None), State::Failed(Failure::NoDelegatedAccess(None), None)),
            (Answer::Unexpected(400), State::Failed(Failure::Unexpected(400), None)),
        ];
        for (answer, expected) in cases {
            let mut m = sending();
            let fx = reply(&mut m, answer.clone());
            assert_eq!(m.state, expected, "{answer:?}");
            assert!(forgets(&fx), "{answer:?}");
            assert!(m.accepts_submit());
            // A resubmission after a final refusal is a new submission.
            assert_eq!(m.submission_for(URL, "{}", 1, || "k2".into()).key, "k2", "{answer:?}");
        }
    }

    #[test]
    fn success_is_forgotten_and_an_unchanged_resubmission_replays_it() {
        let mut m = sending();
        let fx = reply(&mut m, Answer::Success);
        assert!(forgets(&fx) && fx.contains(&Effect::Show(Notice::Success)));
        assert!(matches!(m.state, State::Done(ref s) if s.key == "k1"));
        assert_eq!(m.submission_for(URL, "{}", 1, || "k2".into()).key, "k1");
        assert_eq!(m.submission_for(URL, "{\"a\":1}", 1, || "k2".into()).key, "k2");
        // After a confirmation, the replay keeps the confirmed request (its key and query).
        let mut m = sending();
        reply(&mut m, Answer::Confirm(Confirm::ExistingBssAccount));
        m.step(Event::Confirmed(true));
        reply(&mut m, Answer::Success);
        let again = m.submission_for(URL, "{}", 1, || "k2".into());
        assert_eq!((again.key.as_str(), again.confirms.len()), ("k1-bss", 1));
    }

    #[test]
    fn not_confirmed_and_401_403_keep_the_entry() {
        for (answer, failure, reuse) in [
            (Answer::NotConfirmed, Failure::NotConfirmed, true),
            (Answer::Unauthorized, Failure::SessionExpired, false),
            (Answer::Forbidden, Failure::NotAllowed, false),
        ] {
            let mut m = sending();
            let fx = reply(&mut m, answer.clone());
            assert!(!forgets(&fx), "{answer:?}");
            assert_eq!(fx, vec![Effect::Show(Notice::Failed(failure.clone()))]);
            assert!(matches!(&m.state, State::Failed(f, Some(s)) if *f == failure && s.key == "k1"));
            let next = m.submission_for(URL, "{}", 1, || "k2".into());
            assert_eq!(next.key == "k1", reuse, "{answer:?}");
            // A new key replaces the kept entry.
            let fx = m.step(Event::Submit(next));
            assert_eq!(forgets(&fx), !reuse, "{answer:?}");
        }
    }

    #[test]
    fn a_stale_token_is_read_again_once() {
        let mut m = sending();
        assert_eq!(reply(&mut m, Answer::CsrfInvalid), vec![Effect::RefreshToken]);
        let fx = m.step(Event::RetryDue);
        assert!(matches!(&fx[..], [Effect::Send(s)] if s.key == "k1" && s.token_refreshed), "{fx:?}");
        let fx = reply(&mut m, Answer::CsrfInvalid);
        assert!(!forgets(&fx));
        assert!(matches!(m.state, State::Failed(Failure::NotAllowed, Some(_))));
    }

    #[test]
    fn retries_with_backoff_and_the_same_key_then_fails_unresolved() {
        let mut m = sending();
        let mut delays = Vec::new();
        for _ in 1..MAX_ATTEMPTS {
            let fx = reply(&mut m, Answer::Retry(None));
            assert!(!forgets(&fx));
            let Some(Effect::Schedule(d)) = fx.first() else { panic!("{fx:?}") };
            delays.push(*d);
            let fx = m.step(Event::RetryDue);
            assert!(matches!(&fx[..], [Effect::Send(s)] if s.key == "k1"), "{fx:?}");
        }
        // Equal jitter at 0.5: three quarters of 1 s, 2 s, 4 s, 8 s.
        assert_eq!(delays, [750, 1500, 3000, 6000]);
        let fx = reply(&mut m, Answer::NetworkFailure { online: true });
        assert!(matches!(m.state, State::Failed(Failure::Unavailable, Some(ref s)) if s.key == "k1"));
        assert_eq!(fx, vec![Effect::Show(Notice::Failed(Failure::Unavailable)), Effect::Schedule(RETRY_AFTER_CAP_MS)]);
        // Submitting the same record again reuses the unresolved key; another record gets a new one.
        assert_eq!(m.submission_for(URL, "{}", 1, || "k2".into()).key, "k1");
        assert_eq!(m.submission_for(URL, "{\"a\":1}", 1, || "k2".into()).key, "k2");
        // Coming online sends it again.
        let fx = m.step(Event::Online);
        assert!(matches!(&fx[..], [Effect::Send(s), ..] if s.key == "k1" && s.attempts == 1), "{fx:?}");
    }

    #[test]
    fn jitter_spreads_the_wait_and_retry_after_is_a_floor_up_to_the_cap() {
        assert_eq!(backoff_ms(1, 1000, None, 0.0), 500);
        assert_eq!(backoff_ms(1, 1000, None, 0.999_999), 999);
        assert_eq!(backoff_ms(1, 1000, Some(3000), 0.0), 3000);
        assert_eq!(backoff_ms(30, 1000, None, 1.0), RETRY_AFTER_CAP_MS);
        assert_eq!(backoff_ms(1, 1000, Some(u32::MAX), 0.0), RETRY_AFTER_CAP_MS);
        assert_eq!(retry_after_seconds(" 7 "), Some(7000));
        assert_eq!(retry_after_seconds("99999999999"), Some(u32::MAX));
        assert_eq!(retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }

    #[test]
    fn honours_retry_after_and_beyond_the_cap_is_unavailable() {
        let mut m = sending();
        let fx = reply(&mut m, Answer::Retry(Some(3000)));
        assert_eq!(fx[0], Effect::Schedule(3000));
        let mut m = sending();
        let fx = reply(&mut m, Answer::Retry(Some(RETRY_AFTER_CAP_MS + 1)));
        assert_eq!(fx, vec![Effect::Show(Notice::Failed(Failure::Unavailable)), Effect::Schedule(RETRY_AFTER_CAP_MS)]);
        assert!(matches!(m.state, State::Failed(Failure::Unavailable, Some(_))));
        let fx = m.step(Event::RetryDue);
        assert!(matches!(&fx[..], [Effect::Send(s), ..] if s.key == "k1"), "{fx:?}");
    }

    #[test]
    fn offline_queues_and_online_resends_with_the_same_key() {
        let mut m = sending();
        let fx = reply(&mut m, Answer::NetworkFailure { online: false });
        assert_eq!(fx, vec![Effect::Show(Notice::Queued)]);
        assert!(matches!(m.state, State::QueuedOffline(_)));
        assert!(m.step(Event::RetryDue).is_empty());
        let fx = m.step(Event::Online);
        assert!(matches!(&fx[..], [Effect::Send(s), ..] if s.key == "k1" && s.attempts == 1));
        // A different record submitted while queued replaces the queued one.
        let mut m = sending();
        reply(&mut m, Answer::NetworkFailure { online: false });
        let other = Submission::new("k9".into(), URL.into(), "{\"b\":2}".into());
        let fx = m.step(Event::Submit(other));
        assert_eq!(fx[0], Effect::Forget("k1".into()));
        assert!(matches!(m.state, State::Sending(ref s) if s.key == "k9"));
    }

    #[test]
    fn an_entry_older_than_the_resend_window_is_asked_about() {
        let day = DAY_MS;
        let mut s = sub();
        s.created_ms = 10 * day;
        let mut m = Machine::default();
        let fx = m.step(Event::Resume { submission: s.clone(), now_ms: 16 * day });
        assert!(matches!(&fx[..], [Effect::Send(_), Effect::Show(Notice::Sending)]), "{fx:?}");
        let mut m = Machine::default();
        let fx = m.step(Event::Resume { submission: s.clone(), now_ms: 18 * day });
        assert_eq!(fx, vec![Effect::Show(Notice::AskResend(8))]);
        assert!(!m.accepts_submit());
        assert!(matches!(&m.step(Event::Confirmed(true))[..], [Effect::Send(_), ..]));
        let mut m = Machine::default();
        m.step(Event::Resume { submission: s, now_ms: 18 * day });
        assert_eq!(m.step(Event::Confirmed(false)), vec![Effect::Forget("k1".into()), Effect::Show(Notice::Cancelled)]);
        // An old entry of unknown age is sent.
        assert!(!sub().is_stale(u64::MAX));
    }

    #[test]
    fn confirmation_yes_resubmits_with_a_derived_key_and_no_goes_back() {
        let mut m = sending();
        let fx = reply(&mut m, Answer::Confirm(Confirm::ExistingBssAccount));
        assert!(forgets(&fx) && fx.contains(&Effect::Show(Notice::Ask(Confirm::ExistingBssAccount))));
        assert!(!m.accepts_submit());
        assert!(m.step(Event::Submit(sub())).is_empty());
        let fx = m.step(Event::Confirmed(true));
        let Some(Effect::Send(s)) = fx.get(1) else { panic!("{fx:?}") };
        assert_eq!(s.key, "k1-bss");
        assert_eq!(s.request_url(), format!("{URL}?confirm=existingBssAccount"));
        // The server then asks the other question: both confirmations travel.
        let fx = reply(&mut m, Answer::Confirm(Confirm::ExistingPartnerCustomer));
        assert!(fx.contains(&Effect::Forget("k1-bss".into())));
        m.step(Event::Confirmed(true));
        let State::Sending(s) = &m.state else { panic!() };
        assert_eq!(s.key, "k1-bss-pc");
        assert_eq!(s.request_url(), format!("{URL}?confirm=existingBssAccount&confirm=existingPartnerCustomer"));
        // Asked the same question again: a contract breach, not a loop.
        reply(&mut m, Answer::Confirm(Confirm::ExistingBssAccount));
        assert_eq!(m.state, State::Failed(Failure::Unexpected(409), None));

        let mut m = sending();
        reply(&mut m, Answer::Confirm(Confirm::ExistingPartnerCustomer));
        assert_eq!(m.step(Event::Confirmed(false)), vec![Effect::Show(Notice::Cancelled)]);
        assert_eq!(m.state, State::Editing);
    }

    #[test]
    fn an_answer_applies_only_to_the_request_it_answers() {
        // Retries used up: kept unavailable; the user submits the same record again (k1) and then, after success,
        // another record (k2). A late answer to k1 (a second send of it) must not decide k2.
        let mut m = sending();
        m.max_attempts = 1;
        reply(&mut m, Answer::Retry(None));
        assert!(matches!(m.state, State::Failed(Failure::Unavailable, Some(_))));
        let again = m.submission_for(URL, "{}", 1, || "k2".into());
        assert!(
            matches!(&m.step(Event::Submit(again))[..], [Effect::Persist(_), Effect::Send(s), ..] if s.key == "k1")
        );
        reply(&mut m, Answer::Success);
        let k2 = m.submission_for(URL, "{\"a\":1}", 1, || "k2".into());
        m.step(Event::Submit(k2));
        let late = |answer| Event::Answer { key: "k1".into(), answer };
        for answer in [Answer::Success, Answer::DomainTaken, Answer::Retry(None), Answer::NotConfirmed] {
            assert!(m.step(late(answer)).is_empty());
            assert!(matches!(m.state, State::Sending(ref s) if s.key == "k2"), "{:?}", m.state);
        }
        assert_eq!(
            reply(&mut m, Answer::DomainTaken),
            vec![Effect::Forget("k2".into()), Effect::Show(Notice::DomainTaken)]
        );
    }

    #[test]
    fn after_success_the_draft_goes_only_when_it_is_what_was_sent() {
        let mut sent = crate::fields::Values::default();
        sent.set(crate::fields::DOMAIN, "contoso");
        let mut later = sent.clone();
        assert!(draft_is_sent(Some(&sent), &later));
        later.set(crate::fields::DOMAIN, "contoso2");
        assert!(!draft_is_sent(Some(&sent), &later));
        later = sent.clone();
        later.sub_customer = true;
        assert!(!draft_is_sent(Some(&sent), &later));
        assert!(draft_is_sent(None, &later));
        // Another account's draft, as stored.
        let json = serde_json::to_string(&sent).unwrap();
        assert!(other_draft_is_sent(Some(&sent), &json));
        assert!(!other_draft_is_sent(Some(&sent), &serde_json::to_string(&later).unwrap()));
        assert!(!other_draft_is_sent(None, &json));
        assert!(!other_draft_is_sent(Some(&sent), "{not json"));
    }

    #[test]
    fn stray_events_change_nothing() {
        let mut m = Machine::default();
        for e in [
            Event::Answer { key: "k1".into(), answer: Answer::Success },
            Event::Confirmed(true),
            Event::RetryDue,
            Event::Online,
        ] {
            assert!(m.step(e).is_empty());
            assert_eq!(m.state, State::Editing);
        }
        let mut m = sending();
        assert!(m.step(Event::Submit(sub())).is_empty());
        assert!(m.step(Event::Online).is_empty());
    }

    #[test]
    fn the_body_holds_the_customers_data_only() {
        let json = r#"{"cspModel": "direct", "partnerDomain": "p.example", "markets": ["GR"], "domainSuffix": "x.example",
            "resellerBillingAddress": {"city": "Redmond"}, "syncOptions": {"username": "admin"},
            "account": {"email": "a@b.example"}}"#;
        let tenantcheck_core::record::Slot::Value(record) = tenantcheck_core::record::from_json(json).unwrap() else {
            panic!()
        };
        let body = customer_body(&record).unwrap();
        // The partner's configuration: the schema's fields under neither `account` nor `syncOptions`.
        let configuration: Vec<&str> = tenantcheck_core::schema::FIELDS
            .iter()
            .map(|f| f.path)
            .filter(|p| !p.starts_with("account.") && !p.starts_with("syncOptions."))
            .collect();
        assert!(configuration.contains(&"cspModel") && configuration.contains(&"domainSuffix"), "{configuration:?}");
        for field in configuration {
            assert!(!body.contains(field), "{body}");
        }
        assert!(body.contains("\"username\":\"admin\"") && body.contains("a@b.example"), "{body}");
        assert_eq!(account_of_url("https://x.example/api/Accounts/42/syncoptions/X").as_deref(), Some("42"));
        assert_eq!(account_of_url("/nothing"), None);
        assert_eq!(sub().account(), "1001");
    }

    #[test]
    fn the_account_id_is_read_from_the_url_decoded_once() {
        // An id with reserved characters: the URL holds it encoded once, the account is the id as configured (so its
        // form link and draft key match the ones its own form uses).
        let id = "a/b c%Ü";
        let url = "https://x.example/api/Accounts/a%2Fb%20c%25%C3%9C/syncoptions/X".to_owned();
        assert_eq!(account_of_url(&url).as_deref(), Some(id));
        let s = Submission::new("k".into(), url, "{}".into());
        assert_eq!(s.account(), id);
        // An entry stored with the former `accountId` field still loads; the account comes from its URL.
        let old = r#"{"key":"k","url":"/api/Accounts/1002/syncoptions/X","body":"{}","accountId":"9"}"#;
        assert_eq!(Submission::from_json(&json::parse(old).unwrap()).unwrap().account(), "1002");
    }

    #[test]
    fn the_suggestion_reads_as_one_line() {
        use tenantcheck_core::record::Slot;
        let a = SuggestedAddress {
            address_line1: Slot::Value("1 Microsoft Way".into()),
            city: Slot::Value("Redmond".into()),
            state: Slot::Value("WA".into()),
            postal_code: Slot::Value("98052-6399".into()),
            country: Slot::Value("US".into()),
            address_line2: Slot::Value(" ".into()),
            ..Default::default()
        };
        assert_eq!(one_line(&a), "1 Microsoft Way, Redmond, WA, 98052-6399, US");
    }
}
