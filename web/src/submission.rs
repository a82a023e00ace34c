//! The submission as an explicit state machine (pure: no DOM, no network, tested natively). `submit` drives it: it
//! turns clicks, answers, timers and the `online` event into [`Event`]s and carries out the [`Effect`]s.
//!
//! ```text
//!  Editing ──Submit──▶ Sending ──200/201──────────────────────────────▶ Done
//!  Done, Failed ─Submit─▶ │  ──422 validation_failed / provisioning_rejected /
//!  QueuedOffline ─Submit─▶│     address_suggestion, 409 domain_taken_other_csp ─▶ Editing (messages by field)
//!                         │  ──409 confirm_existing_* ──▶ WaitingForConfirmation ─yes─▶ Sending (confirm query)
//!                         │                                                      └─no──▶ Editing
//!                         │  ──409 no_delegated_access, 401, 403, other 4xx, ─▶ Failed
//!                         │     retries used up
//!                         │  ──429/5xx/network failure ─▶ Sending (retry after backoff, same key)
//!                         │  ──network failure while offline ─▶ QueuedOffline ─online─▶ Sending
//! ```
//!
//! **Idempotency keys.** A key names one request (record body + confirmations) until a final answer arrives: every
//! retry, every resend from the offline queue (also after a reload), and a new click on Submit with an unchanged
//! record while the request is still unanswered reuse it, so nothing is provisioned twice. Any final answer (2xx or
//! 4xx) resolves the key. A confirmed resubmit is a new request (the server has stored its 409 under the first key and
//! would replay it), so it gets a new key derived from the first (`{key}-bss`, `{key}-pc`): a second "yes" for the
//! same question dedupes at the server. The first request provisioned nothing (it was answered 409).

use serde::{Deserialize, Serialize};

/// Tries of one request, the first included.
pub const MAX_ATTEMPTS: u32 = 5;
/// The first retry's delay; each next one doubles it (0.5 s, 1 s, 2 s, 4 s).
pub const BASE_DELAY_MS: u32 = 500;
/// The longest wait, whatever `Retry-After` says.
pub const MAX_DELAY_MS: u32 = 60_000;

/// What the user is asked to confirm (`api.md`, 409).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

    /// The question of the dialog (`api.md`).
    pub fn question(self) -> &'static str {
        match self {
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

    fn key_suffix(self) -> &'static str {
        match self {
            Confirm::ExistingBssAccount => "bss",
            Confirm::ExistingPartnerCustomer => "pc",
        }
    }
}

/// One request: where, what, under which key. Also the entry of the offline queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Submission {
    /// The `Idempotency-Key`.
    pub key: String,
    /// The `PUT` target without the query.
    pub url: String,
    /// The normalized record as JSON.
    pub body: String,
    /// What the user confirmed, in order; each becomes a `confirm` query parameter.
    #[serde(default)]
    pub confirms: Vec<Confirm>,
    /// Tries so far of this request in this page (not stored).
    #[serde(skip)]
    pub attempts: u32,
}

impl Submission {
    pub fn new(key: String, url: String, body: String) -> Submission {
        Submission { key, url, body, confirms: Vec::new(), attempts: 0 }
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
            url: self.url.clone(),
            body: self.body.clone(),
            confirms,
            attempts: 0,
        }
    }
}

/// One error beside a field, as the server sends it (`request.md`, result shape).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerIssue {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
}

/// An address Partner Center proposed (`address_suggestion`): the core's address record, read as leniently as any.
pub type SuggestedAddress = tenantcheck_core::record::Address;

/// The suggestion as one line for people: the non-empty parts, comma-separated.
pub fn one_line(address: &SuggestedAddress) -> String {
    ["addressLine1", "addressLine2", "city", "state", "postalCode", "country"]
        .iter()
        .filter_map(|k| address.get(k))
        .map(|t| t.as_str().trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// An RFC 9457 problem body with `api.md`'s members.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Problem {
    code: Option<String>,
    errors: Vec<ServerIssue>,
    suggested_address: tenantcheck_core::record::Slot<SuggestedAddress>,
    invitation_url: Option<String>,
}

/// What an answer (or its absence) means, one variant per row of `api.md`'s table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Success,
    ValidationFailed(Vec<ServerIssue>),
    ProvisioningRejected(Vec<ServerIssue>),
    AddressSuggestion(SuggestedAddress),
    DomainTaken,
    Confirm(Confirm),
    NoDelegatedAccess(Option<String>),
    Unauthorized,
    Forbidden,
    /// 429 or 5xx; the server's `Retry-After` in milliseconds.
    Retry(Option<u32>),
    /// The request did not complete; `online` is `navigator.onLine` at that moment.
    NetworkFailure {
        online: bool,
    },
    /// Anything else: a status (or code) `api.md` does not list. Final.
    Unexpected(u16),
}

impl Answer {
    /// Classifies a response by its status, body and `Retry-After` header (delta-seconds; a caller that can parse an
    /// HTTP date passes `retry_after_ms` instead).
    pub fn classify(status: u16, body: &str, retry_after_ms: Option<u32>) -> Answer {
        let problem = || serde_json::from_str::<Problem>(body).unwrap_or_default();
        match status {
            200..=299 => Answer::Success,
            401 => Answer::Unauthorized,
            403 => Answer::Forbidden,
            429 | 500..=599 => Answer::Retry(retry_after_ms),
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
                    Some("confirm_existing_bss_account") => Answer::Confirm(Confirm::ExistingBssAccount),
                    Some("confirm_existing_partner_customer") => Answer::Confirm(Confirm::ExistingPartnerCustomer),
                    Some("no_delegated_access") => Answer::NoDelegatedAccess(p.invitation_url),
                    _ => Answer::Unexpected(status),
                }
            }
            _ => Answer::Unexpected(status),
        }
    }
}

/// `Retry-After` as delta-seconds, in milliseconds (capped).
pub fn retry_after_seconds(value: &str) -> Option<u32> {
    let secs: u32 = value.trim().parse().ok()?;
    Some(secs.saturating_mul(1000).min(MAX_DELAY_MS))
}

/// The wait before retry number `retry` (1-based), at least what the server asked for.
pub fn backoff_ms(retry: u32, retry_after_ms: Option<u32>) -> u32 {
    let exp = BASE_DELAY_MS.saturating_mul(1 << retry.saturating_sub(1).min(16));
    exp.max(retry_after_ms.unwrap_or(0)).min(MAX_DELAY_MS)
}

/// Why a submission stopped without success; the user's input stays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    SessionExpired,
    NotAllowed,
    NoDelegatedAccess(Option<String>),
    /// Retries used up; the request stays in the queue, unresolved.
    Unavailable,
    Unexpected(u16),
}

/// The states of `design.md`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum State {
    #[default]
    Editing,
    Sending(Submission),
    WaitingForConfirmation(Submission, Confirm),
    QueuedOffline(Submission),
    Done,
    /// `unresolved`: the request that got no final answer (retries used up), reused by the next Submit of the same
    /// record.
    Failed(Failure, Option<Submission>),
}

/// What happens to the machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The user submitted a valid record (see [`Machine::submission_for`] for its key).
    Submit(Submission),
    /// An answer to the request in flight.
    Answer(Answer),
    /// The user answered the dialog.
    Confirmed(bool),
    /// The retry timer fired.
    RetryDue,
    /// The browser came back online.
    Online,
}

/// What the driver must show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Sending,
    Retrying { retry: u32, delay_ms: u32 },
    Queued,
    Success,
    ValidationFailed(Vec<ServerIssue>),
    ProvisioningRejected(Vec<ServerIssue>),
    Suggestion(SuggestedAddress),
    DomainTaken,
    Ask(Confirm),
    Cancelled,
    Failed(Failure),
}

/// What the driver must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Keep the request in the offline queue (replacing any other for the same URL).
    Persist(Submission),
    /// A final answer arrived: drop the request from the queue.
    Forget(String),
    /// Send the request now.
    Send(Submission),
    /// Fire [`Event::RetryDue`] after this many milliseconds.
    Schedule(u32),
    Show(Notice),
}

/// The machine: the state and its transitions.
#[derive(Debug, Clone, Default)]
pub struct Machine {
    pub state: State,
}

impl Machine {
    /// The request for a valid record: the unanswered one when the same record is submitted again (so a retry by
    /// hand keeps its key), else a new one under `fresh_key`.
    pub fn submission_for(&self, url: &str, body: &str, fresh_key: impl FnOnce() -> String) -> Submission {
        let pending = match &self.state {
            State::QueuedOffline(s) | State::Failed(_, Some(s)) => Some(s),
            _ => None,
        };
        match pending {
            Some(s) if s.url == url && s.body == body => Submission { attempts: 0, ..s.clone() },
            _ => Submission::new(fresh_key(), url.to_owned(), body.to_owned()),
        }
    }

    /// Whether a Submit is taken now (not while a request is in flight or a question is open).
    pub fn accepts_submit(&self) -> bool {
        !matches!(self.state, State::Sending(_) | State::WaitingForConfirmation(..))
    }

    /// One transition. Every answer of `api.md` has exactly one arrow from `Sending`; events that do not apply to
    /// the current state change nothing.
    pub fn step(&mut self, event: Event) -> Vec<Effect> {
        let state = std::mem::take(&mut self.state);
        let (next, effects) = transition(state, event);
        self.state = next;
        effects
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

fn transition(state: State, event: Event) -> (State, Vec<Effect>) {
    use Effect::{Forget, Show};
    match (state, event) {
        (State::Editing | State::Done | State::Failed(..), Event::Submit(s)) => send(s, true),
        (State::QueuedOffline(old), Event::Submit(s)) => {
            let mut forget = if old.key == s.key { Vec::new() } else { vec![Forget(old.key)] };
            let (next, effects) = send(s, true);
            forget.extend(effects);
            (next, forget)
        }
        (State::Sending(s), Event::Answer(answer)) => {
            let key = s.key.clone();
            let done = |next: State, notice: Notice| (next, vec![Forget(key.clone()), Show(notice)]);
            match answer {
                Answer::Success => done(State::Done, Notice::Success),
                Answer::ValidationFailed(e) => done(State::Editing, Notice::ValidationFailed(e)),
                Answer::ProvisioningRejected(e) => done(State::Editing, Notice::ProvisioningRejected(e)),
                Answer::AddressSuggestion(a) => done(State::Editing, Notice::Suggestion(a)),
                Answer::DomainTaken => done(State::Editing, Notice::DomainTaken),
                // Asked again for what the user already confirmed: the server is not following the contract.
                Answer::Confirm(c) if s.confirms.contains(&c) => {
                    done(State::Failed(Failure::Unexpected(409), None), Notice::Failed(Failure::Unexpected(409)))
                }
                Answer::Confirm(c) => done(State::WaitingForConfirmation(s, c), Notice::Ask(c)),
                Answer::NoDelegatedAccess(url) => {
                    let f = Failure::NoDelegatedAccess(url);
                    done(State::Failed(f.clone(), None), Notice::Failed(f))
                }
                Answer::Unauthorized => {
                    done(State::Failed(Failure::SessionExpired, None), Notice::Failed(Failure::SessionExpired))
                }
                Answer::Forbidden => {
                    done(State::Failed(Failure::NotAllowed, None), Notice::Failed(Failure::NotAllowed))
                }
                Answer::Unexpected(st) => {
                    done(State::Failed(Failure::Unexpected(st), None), Notice::Failed(Failure::Unexpected(st)))
                }
                Answer::NetworkFailure { online: false } => (State::QueuedOffline(s), vec![Show(Notice::Queued)]),
                Answer::Retry(after) => retry(s, after),
                Answer::NetworkFailure { online: true } => retry(s, None),
            }
        }
        (State::Sending(s), Event::RetryDue) => send(s, false),
        (State::QueuedOffline(s), Event::Online) => {
            let s = Submission { attempts: 0, ..s };
            send(s, false)
        }
        (State::WaitingForConfirmation(s, c), Event::Confirmed(true)) => send(s.confirmed(c), true),
        (State::WaitingForConfirmation(..), Event::Confirmed(false)) => (State::Editing, vec![Show(Notice::Cancelled)]),
        (state, _) => (state, Vec::new()),
    }
}

fn retry(s: Submission, after: Option<u32>) -> (State, Vec<Effect>) {
    if s.attempts >= MAX_ATTEMPTS {
        return (
            State::Failed(Failure::Unavailable, Some(s)),
            vec![Effect::Show(Notice::Failed(Failure::Unavailable))],
        );
    }
    let delay_ms = backoff_ms(s.attempts, after);
    let retry = s.attempts;
    (State::Sending(s), vec![Effect::Schedule(delay_ms), Effect::Show(Notice::Retrying { retry, delay_ms })])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub() -> Submission {
        Submission::new("k1".into(), "/api/Accounts/1/syncoptions/X".into(), "{}".into())
    }

    fn sending() -> Machine {
        let mut m = Machine::default();
        let fx = m.step(Event::Submit(sub()));
        assert!(
            matches!(&fx[..], [Effect::Persist(_), Effect::Send(s), Effect::Show(Notice::Sending)] if s.attempts == 1)
        );
        m
    }

    fn forgets(fx: &[Effect]) -> bool {
        fx.iter().any(|e| *e == Effect::Forget("k1".into()))
    }

    #[test]
    fn classifies_every_answer_of_api_md() {
        let p = |code: &str, extra: &str| format!(r#"{{"type":"about:blank","code":"{code}"{extra}}}"#);
        assert_eq!(Answer::classify(200, "", None), Answer::Success);
        assert_eq!(Answer::classify(201, "{}", None), Answer::Success);
        let errors = r#","errors":[{"field":"account.phone","code":"phone.required","message":"<b>x</b>"}]"#;
        let issue =
            ServerIssue { field: "account.phone".into(), code: "phone.required".into(), message: "<b>x</b>".into() };
        assert_eq!(
            Answer::classify(422, &p("validation_failed", errors), None),
            Answer::ValidationFailed(vec![issue.clone()])
        );
        assert_eq!(
            Answer::classify(422, &p("provisioning_rejected", errors), None),
            Answer::ProvisioningRejected(vec![issue])
        );
        let a =
            Answer::classify(422, &p("address_suggestion", r#","suggestedAddress":{"postalCode":"98052-6399"}"#), None);
        assert!(matches!(a, Answer::AddressSuggestion(s) if s.postal_code.as_str() == "98052-6399"));
        assert_eq!(Answer::classify(422, &p("address_suggestion", ""), None), Answer::Unexpected(422));
        assert_eq!(Answer::classify(409, &p("domain_taken_other_csp", ""), None), Answer::DomainTaken);
        assert_eq!(
            Answer::classify(409, &p("confirm_existing_bss_account", ""), None),
            Answer::Confirm(Confirm::ExistingBssAccount)
        );
        assert_eq!(
            Answer::classify(409, &p("confirm_existing_partner_customer", ""), None),
            Answer::Confirm(Confirm::ExistingPartnerCustomer)
        );
        assert_eq!(
            Answer::classify(409, &p("no_delegated_access", r#","invitationUrl":"https://x.example/i""#), None),
            Answer::NoDelegatedAccess(Some("https://x.example/i".into()))
        );
        assert_eq!(Answer::classify(401, "", None), Answer::Unauthorized);
        assert_eq!(Answer::classify(403, "", None), Answer::Forbidden);
        assert_eq!(Answer::classify(429, "", Some(3000)), Answer::Retry(Some(3000)));
        assert_eq!(Answer::classify(503, "<html>", None), Answer::Retry(None));
        assert_eq!(Answer::classify(409, "not json", None), Answer::Unexpected(409));
        assert_eq!(Answer::classify(404, "", None), Answer::Unexpected(404));
    }

    #[test]
    fn final_answers_forget_the_request() {
        let cases = [
            (Answer::Success, State::Done),
            (Answer::ValidationFailed(vec![]), State::Editing),
            (Answer::ProvisioningRejected(vec![]), State::Editing),
            (Answer::AddressSuggestion(SuggestedAddress::default()), State::Editing),
            (Answer::DomainTaken, State::Editing),
            (Answer::Unauthorized, State::Failed(Failure::SessionExpired, None)),
            (Answer::Forbidden, State::Failed(Failure::NotAllowed, None)),
            (Answer::NoDelegatedAccess(None), State::Failed(Failure::NoDelegatedAccess(None), None)),
            (Answer::Unexpected(400), State::Failed(Failure::Unexpected(400), None)),
        ];
        for (answer, expected) in cases {
            let mut m = sending();
            let fx = m.step(Event::Answer(answer.clone()));
            assert_eq!(m.state, expected, "{answer:?}");
            assert!(forgets(&fx), "{answer:?}");
            assert!(m.accepts_submit());
        }
    }

    #[test]
    fn retries_with_backoff_and_the_same_key_then_fails_unresolved() {
        let mut m = sending();
        let mut delays = Vec::new();
        for _ in 1..MAX_ATTEMPTS {
            let fx = m.step(Event::Answer(Answer::Retry(None)));
            assert!(!forgets(&fx));
            let Some(Effect::Schedule(d)) = fx.first() else { panic!("{fx:?}") };
            delays.push(*d);
            let fx = m.step(Event::RetryDue);
            assert!(matches!(&fx[..], [Effect::Send(s)] if s.key == "k1"), "{fx:?}");
        }
        assert_eq!(delays, [500, 1000, 2000, 4000]);
        let fx = m.step(Event::Answer(Answer::NetworkFailure { online: true }));
        assert!(matches!(m.state, State::Failed(Failure::Unavailable, Some(ref s)) if s.key == "k1"));
        assert!(!forgets(&fx));
        // Submitting the same record again reuses the unresolved key; another record gets a new one.
        assert_eq!(m.submission_for(&sub().url, "{}", || "k2".into()).key, "k1");
        assert_eq!(m.submission_for(&sub().url, "{\"a\":1}", || "k2".into()).key, "k2");
    }

    #[test]
    fn honours_retry_after() {
        let mut m = sending();
        let fx = m.step(Event::Answer(Answer::Retry(Some(3000))));
        assert_eq!(fx[0], Effect::Schedule(3000));
        assert_eq!(backoff_ms(1, Some(10_000_000)), MAX_DELAY_MS);
        assert_eq!(retry_after_seconds(" 7 "), Some(7000));
        assert_eq!(retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }

    #[test]
    fn offline_queues_and_online_resends_with_the_same_key() {
        let mut m = sending();
        let fx = m.step(Event::Answer(Answer::NetworkFailure { online: false }));
        assert_eq!(fx, vec![Effect::Show(Notice::Queued)]);
        assert!(matches!(m.state, State::QueuedOffline(_)));
        assert!(m.step(Event::RetryDue).is_empty());
        let fx = m.step(Event::Online);
        assert!(matches!(&fx[..], [Effect::Send(s), ..] if s.key == "k1" && s.attempts == 1));
        // A different record submitted while queued replaces the queued one.
        let mut m = sending();
        m.step(Event::Answer(Answer::NetworkFailure { online: false }));
        let other = Submission::new("k9".into(), sub().url, "{\"b\":2}".into());
        let fx = m.step(Event::Submit(other));
        assert_eq!(fx[0], Effect::Forget("k1".into()));
        assert!(matches!(m.state, State::Sending(ref s) if s.key == "k9"));
    }

    #[test]
    fn confirmation_yes_resubmits_with_a_derived_key_and_no_goes_back() {
        let mut m = sending();
        let fx = m.step(Event::Answer(Answer::Confirm(Confirm::ExistingBssAccount)));
        assert!(forgets(&fx) && fx.contains(&Effect::Show(Notice::Ask(Confirm::ExistingBssAccount))));
        assert!(!m.accepts_submit());
        assert!(m.step(Event::Submit(sub())).is_empty());
        let fx = m.step(Event::Confirmed(true));
        let Some(Effect::Send(s)) = fx.get(1) else { panic!("{fx:?}") };
        assert_eq!(s.key, "k1-bss");
        assert_eq!(s.request_url(), "/api/Accounts/1/syncoptions/X?confirm=existingBssAccount");
        // The server then asks the other question: both confirmations travel.
        let fx = m.step(Event::Answer(Answer::Confirm(Confirm::ExistingPartnerCustomer)));
        assert!(fx.contains(&Effect::Forget("k1-bss".into())));
        m.step(Event::Confirmed(true));
        let State::Sending(s) = &m.state else { panic!() };
        assert_eq!(s.key, "k1-bss-pc");
        assert_eq!(
            s.request_url(),
            "/api/Accounts/1/syncoptions/X?confirm=existingBssAccount&confirm=existingPartnerCustomer"
        );
        // Asked the same question again: a contract breach, not a loop.
        m.step(Event::Answer(Answer::Confirm(Confirm::ExistingBssAccount)));
        assert_eq!(m.state, State::Failed(Failure::Unexpected(409), None));

        let mut m = sending();
        m.step(Event::Answer(Answer::Confirm(Confirm::ExistingPartnerCustomer)));
        assert_eq!(m.step(Event::Confirmed(false)), vec![Effect::Show(Notice::Cancelled)]);
        assert_eq!(m.state, State::Editing);
    }

    #[test]
    fn stray_events_change_nothing() {
        let mut m = Machine::default();
        for e in [Event::Answer(Answer::Success), Event::Confirmed(true), Event::RetryDue, Event::Online] {
            assert!(m.step(e).is_empty());
            assert_eq!(m.state, State::Editing);
        }
        let mut m = sending();
        assert!(m.step(Event::Submit(sub())).is_empty());
        assert!(m.step(Event::Online).is_empty());
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
