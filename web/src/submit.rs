//! Submitting: drives the state machine of `submission` with the DOM, the offline queue (`queue`) and the network
//! (`http`); its texts are in `texts`. The submit button validates the whole record, focuses the first invalid
//! field or sends the customer's data of the normalized record (`PUT {endpoint}/api/Accounts/{accountId}/
//! syncoptions/{systemCode}`, headers `Idempotency-Key` and `X-CSRF-Token`), and shows each answer of `api.md`.
//! At start and on `online` it sends what the queue holds: this form's entry through the machine (the user sees
//! it), other accounts' entries in the background, each under its Web Lock.

use crate::dom::{self, by_id, set_attr, set_hidden};
use crate::fields::{self, DOMAIN, SUB_CUSTOMER, TEXT_FIELDS};
use crate::form::FormState;
use crate::submission::{
    customer_body, draft_is_sent, other_draft_is_sent, Answer, Effect, Event, Notice, ServerIssue, State, Submission,
};
use crate::texts::Shown;
use crate::view::{self, Level};
use crate::{http, queue, texts};
use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use std::rc::{Rc, Weak};
use web_sys::HtmlDialogElement;

/// Attaches the submit, dialog, suggestion and `online` listeners.
pub fn attach(h: &Rc<FormState>) -> Vec<EventListener> {
    let mut listeners = Vec::new();
    let me = h.me.clone();
    let opts = EventListenerOptions::enable_prevent_default();
    listeners.push(EventListener::new_with_options(&h.form, "submit", opts, move |e| {
        e.prevent_default();
        if let Some(h) = me.upgrade() {
            submit(&h);
        }
    }));
    let button = |id: &str, f: fn(&Rc<FormState>)| {
        let me = h.me.clone();
        h.doc.get_element_by_id(id).map(|el| {
            EventListener::new(&el, "click", move |_| {
                if let Some(h) = me.upgrade() {
                    f(&h);
                }
            })
        })
    };
    listeners.extend(button("tc-confirm-yes", |h| answer_dialog(h, true)));
    listeners.extend(button("tc-confirm-no", |h| answer_dialog(h, false)));
    listeners.extend(button("tc-suggestion-use", use_suggestion));
    if let Some(dialog) = h.doc.get_element_by_id("tc-confirm") {
        // Escape closes the dialog: that is a "no".
        let me = h.me.clone();
        listeners.push(EventListener::new(&dialog, "cancel", move |_| {
            if let Some(h) = me.upgrade() {
                answer_dialog(&h, false);
            }
        }));
    } else {
        dom::error("tenantcheck: the confirmation dialog #tc-confirm is missing");
    }
    if let Some(window) = web_sys::window() {
        let me = h.me.clone();
        listeners.push(EventListener::new(&window, "online", move |_| {
            if let Some(h) = me.upgrade() {
                run(&h, Event::Online);
                if let Some(kv) = queue::local() {
                    drain_others(&h, queue::load(&kv, now_ms()).entries);
                }
            }
        }));
    }
    listeners
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// At start: migrates and reads the offline queue, sets unreadable entries aside (and says so), resumes this form's
/// entry through the machine and sends other accounts' entries in the background.
pub fn resume(h: &Rc<FormState>) {
    let mine = h.config.submit_url();
    if let Some(url) = &mine {
        queue::hold(&queue::form_lock(url));
    }
    let Some(kv) = queue::local() else { return };
    let loaded = queue::load(&kv, now_ms());
    if !loaded.quarantined.is_empty() {
        dom::warn(&format!("tenantcheck: unreadable queue entries set aside: {}", loaded.quarantined.join(", ")));
        notice(h, "quarantine", &texts::quarantined(loaded.quarantined.len()), None);
    }
    for p in &loaded.problems {
        dom::warn(&format!("tenantcheck: {p}"));
        notice(h, "storage", &texts::storage_failed(p), None);
    }
    // The newest entry of this form; older ones for the same form were replaced (the machine keeps one).
    let own = |s: &&Submission| Some(&s.url) == mine.as_ref();
    if let Some(newest) = loaded.entries.iter().filter(own).max_by_key(|s| s.created_ms) {
        for s in loaded.entries.iter().filter(own).filter(|s| s.key != newest.key) {
            queue::remove(&kv, &s.key);
        }
        *h.persisted.borrow_mut() = Some(newest.key.clone());
        let s = newest.clone();
        fill_if_empty(h, &s);
        run(h, Event::Resume { submission: s, now_ms: now_ms() });
        if matches!(h.machine.borrow().state, State::Sending(_)) {
            status(h, "sending", &texts::RESUMING.show());
        }
    }
    drain_others(h, loaded.entries);
}

/// A queued submission whose form is empty (its draft was lost or never saved): what the user typed, kept in the
/// entry, goes into the form, so that whatever the answer, it is there to see and change.
fn fill_if_empty(h: &FormState, s: &Submission) {
    let Some(values) = &s.values else { return };
    if h.values().any_text() {
        return;
    }
    h.fill(values);
    h.sub_customer_changed();
    h.save_values(values);
}

/// The state's name, as `data-machine` shows it.
pub fn machine_name(state: &State) -> &'static str {
    match state {
        State::Editing => "editing",
        State::Sending(_) => "sending",
        State::WaitingForConfirmation(..) | State::AskingResend(_) => "waiting-for-confirmation",
        State::QueuedOffline(_) => "queued-offline",
        State::Done(_) => "done",
        State::Failed(..) => "failed",
    }
}

fn status(h: &FormState, kind: &str, text: &str) {
    let state = machine_name(&h.machine.borrow().state);
    view::status(&h.doc, kind, state, text);
}

/// The submit button (or Enter): validate everything; send only a valid, normalized record.
pub fn submit(h: &Rc<FormState>) {
    if !h.machine.borrow().accepts_submit() {
        return;
    }
    for (_, t) in h.timers.borrow_mut().take_all() {
        t.cancel();
    }
    let mut values = h.values();
    let report = h.validator.validate(h.record_of(&values));
    h.touched.borrow_mut().extend(TEXT_FIELDS);
    let messages: Vec<(&str, Level, String)> = report
        .errors
        .iter()
        .map(|i| (&*i.field, Level::Error, texts::issue_message(i)))
        .chain(report.warnings.iter().map(|i| (&*i.field, Level::Warning, texts::issue_message(i))))
        .collect();
    show_by_field(h, messages.iter().map(|m| (m.0, m.1, m.2.as_str())).collect(), true);
    crate::availability::domain_checked(h, &report);
    if !report.valid {
        status(h, "failed", &texts::INVALID.show());
        return;
    }
    h.write_normalized(&report, &TEXT_FIELDS, &mut values);
    h.save_values(&values);
    let Some(url) = h.config.submit_url() else {
        view::status(&h.doc, "failed", "editing", &texts::NO_ACCOUNT.show());
        return;
    };
    let Some(body) = report.normalized.as_ref().and_then(customer_body) else {
        view::status(&h.doc, "failed", "editing", &texts::UNPREPARED.show());
        return;
    };
    let mut s = h.machine.borrow().submission_for(&url, &body, now_ms(), random_key);
    s.values = Some(values);
    run(h, Event::Submit(s));
}

fn focus_field(h: &FormState, path: &str) {
    if let Some(el) = h.control(path) {
        dom::focus(&el);
    }
}

/// The domain was refused (taken by another partner, or not the synced account's): the message beside the domain
/// prefix, a summary of one field, the status, and the focus on the field.
fn domain_refused(h: &FormState, on_field: &str, status_text: &str) {
    view::field(&h.doc, DOMAIN, &[(Level::Error, on_field)]);
    view::summary(&h.doc, 1);
    status(h, "failed", status_text);
    focus_field(h, DOMAIN);
}

fn focus_submit(h: &FormState) {
    if let Some(b) = h.submit_button() {
        dom::focus(&b);
    }
}

/// Writes an entry; a failure is shown (the form keeps what was typed) and remembered.
fn persist(h: &FormState, s: &Submission) {
    let Some(kv) = queue::local() else {
        *h.storage_error.borrow_mut() = Some("no local storage".into());
        return;
    };
    match queue::write(&kv, s) {
        Ok(()) => {
            *h.storage_error.borrow_mut() = None;
            *h.persisted.borrow_mut() = Some(s.key.clone());
            clear_notice(h, "storage");
        }
        Err(e) => {
            dom::warn(&format!("tenantcheck: could not save the submission: {e}"));
            notice(h, "storage", &texts::storage_failed(&e), None);
            *h.storage_error.borrow_mut() = Some(e);
        }
    }
}

fn forget(h: &FormState, key: &str) {
    if let Some(kv) = queue::local() {
        queue::remove(&kv, key);
    }
    if h.persisted.borrow().as_deref() == Some(key) {
        h.persisted.borrow_mut().take();
    }
}

/// One step of the machine, then its effects (the machine is not borrowed while they run).
pub fn run(h: &Rc<FormState>, event: Event) {
    let effects = h.machine.borrow_mut().step(event);
    for effect in effects {
        match effect {
            Effect::Persist(s) => persist(h, &s),
            Effect::Forget(key) => forget(h, &key),
            Effect::Send(s) => {
                // A send starts (a Submit, a resend, or the retry itself): a retry still scheduled would send the
                // same request twice; dropping the timer cancels it.
                h.retry_timer.borrow_mut().take();
                send(h, s)
            }
            Effect::RefreshToken => refresh_token(h),
            Effect::Schedule(ms) => {
                let me = h.me.clone();
                let t = Timeout::new(ms, move || {
                    if let Some(h) = me.upgrade() {
                        run(&h, Event::RetryDue);
                    }
                });
                *h.retry_timer.borrow_mut() = Some(t);
            }
            Effect::Show(notice) => show(h, notice),
        }
    }
    let (name, busy) = {
        let m = h.machine.borrow();
        (machine_name(&m.state), !m.accepts_submit())
    };
    if let Some(b) = h.submit_button() {
        set_attr(&b, "aria-disabled", if busy { "true" } else { "false" });
    }
    if let Some(el) = h.doc.get_element_by_id("tc-status") {
        set_attr(&el, "data-machine", name);
    }
}

/// Sends under the entry's Web Lock (waiting for another tab that sends it now); when that tab took the entry out of
/// the queue meanwhile, it is not sent again.
fn send(h: &Rc<FormState>, s: Submission) {
    let me = h.me.clone();
    let timeout = h.config.timeout_ms;
    let key = s.key.clone();
    wasm_bindgen_futures::spawn_local(async move {
        queue::with_lock(&queue::send_lock(&key), true, move || async move {
            let Some(h) = me.upgrade() else { return };
            let stored = h.persisted.borrow().as_deref() == Some(s.key.as_str());
            let gone = stored && queue::local().is_some_and(|kv| queue::get(&kv, &s.key).is_none());
            let answer =
                if gone { Answer::HandledElsewhere } else { http::put(&s, csrf_token(&h).as_deref(), timeout).await };
            run(&h, Event::Answer { key: s.key.clone(), answer });
        })
        .await;
    });
}

/// The CSRF token of the configured `<meta>` tag, read at each send (a reloaded page has a fresh one).
fn csrf_token(h: &FormState) -> Option<String> {
    meta(h).and_then(|m| m.get_attribute("content")).filter(|c| !c.is_empty())
}

fn meta(h: &FormState) -> Option<web_sys::Element> {
    dom::meta(&h.doc, h.config.csrf_meta.as_deref()?)
}

/// Reads the page's URL again for a fresh CSRF token (`api.md`, 403 `csrf_token_invalid`) and puts it into the
/// page's `<meta>`; the token, when there is one.
async fn reread_token(h: &FormState) -> Option<String> {
    let name = h.config.csrf_meta.as_deref().filter(|n| !n.is_empty())?;
    let url = h.doc.url().ok()?;
    let token = http::fresh_token(&url, name, h.config.timeout_ms).await;
    match (&token, meta(h)) {
        (Some(t), Some(m)) => set_attr(&m, "content", t),
        _ => dom::warn("tenantcheck: could not read a fresh CSRF token"),
    }
    token
}

/// `csrf_token_invalid`: a fresh token, then the retry (once: the machine counts).
fn refresh_token(h: &Rc<FormState>) {
    let me = h.me.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(h) = me.upgrade() else { return };
        reread_token(&h).await;
        run(&h, Event::RetryDue);
    });
}

/// A new idempotency key: 128 random bits in hex (`crypto.getRandomValues`).
pub fn random_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut key = String::with_capacity(32);
    for b in bytes {
        key.push(char::from(HEX[usize::from(b >> 4)]));
        key.push(char::from(HEX[usize::from(b & 15)]));
    }
    key
}

/// Shows what the machine says.
fn show(h: &Rc<FormState>, notice: Notice) {
    let doc = &h.doc;
    let saved = h.storage_error.borrow().is_none();
    match notice {
        Notice::Sending => {
            view::invitation(doc, None);
            hide_suggestion(h);
            status(h, "sending", &texts::SENDING.show());
        }
        Notice::Retrying { retry, delay_ms } => {
            status(h, "sending", &texts::retrying(retry, delay_ms, h.config.max_attempts));
        }
        Notice::Queued => status(h, "queued", &texts::queued(saved).show()),
        Notice::Success => {
            let sent = match &h.machine.borrow().state {
                State::Done(s) => s.values.clone(),
                _ => None,
            };
            // The form may hold changes made after this submission (while it was sent or queued): they stay.
            let text = if draft_is_sent(sent.as_ref(), &h.values()) {
                h.clear_draft();
                &texts::DONE.show()
            } else {
                &texts::DONE_EARLIER.show()
            };
            view::summary(doc, 0);
            view::general(doc, &[]);
            status(h, "done", text);
        }
        Notice::ValidationFailed(issues) => {
            server_issues(h, &issues);
            status(h, "failed", &texts::SERVER_FOUND.show());
        }
        Notice::ProvisioningRejected(issues) => {
            server_issues(h, &issues);
            status(h, "failed", &texts::REJECTED.show());
        }
        Notice::Suggestion(address) => {
            view::text(doc, "tc-suggestion-text", &crate::submission::one_line(&address));
            *h.suggestion.borrow_mut() = Some(address);
            if let Some(box_) = doc.get_element_by_id("tc-suggestion") {
                set_hidden(&box_, false);
            }
            status(h, "failed", &texts::SUGGESTION.show());
            if let Some(b) = doc.get_element_by_id("tc-suggestion-use") {
                dom::focus(&b);
            }
        }
        Notice::DomainTaken => domain_refused(h, &texts::DOMAIN_TAKEN_FIELD.show(), &texts::DOMAIN_TAKEN.show()),
        Notice::AlreadySynced(domain) => {
            domain_refused(h, &texts::already_synced_field(domain.as_deref()), &texts::ALREADY_SYNCED.show());
        }
        Notice::Ask(c) => ask(h, &texts::question(c).show()),
        Notice::AskResend(days) => ask(h, &texts::resend_question(days)),
        Notice::Cancelled => status(h, "editing", &texts::CANCELLED.show()),
        Notice::HandledElsewhere => status(h, "editing", &texts::ELSEWHERE.show()),
        Notice::Failed(f) => {
            let url = match &f {
                crate::submission::Failure::NoDelegatedAccess(url) => url.as_deref(),
                _ => None,
            };
            let shown = view::invitation(doc, url);
            status(h, "failed", &texts::failure(&f, shown, saved).show());
        }
    }
}

/// Opens the dialog with a question (a missing dialog is a "no").
fn ask(h: &Rc<FormState>, question: &str) {
    let doc = &h.doc;
    status(h, "sending", &texts::WAITING.show());
    view::text(doc, "tc-confirm-text", question);
    match by_id::<HtmlDialogElement>(doc, "tc-confirm") {
        Some(d) => {
            if !d.open() {
                let _ = d.show_modal();
            }
            if let Some(yes) = doc.get_element_by_id("tc-confirm-yes") {
                dom::focus(&yes);
            }
        }
        None => {
            dom::error("tenantcheck: no confirmation dialog; taking it as a no");
            run(h, Event::Confirmed(false));
        }
    }
}

fn notice(h: &FormState, kind: &str, text: &str, link: Option<(&str, &str)>) {
    view::notice(&h.doc, &h.form, kind, text, link);
}

fn clear_notice(h: &FormState, kind: &str) {
    view::clear_notice(&h.doc, kind);
}

/// Errors the server placed on fields: beside their fields, the rest above the form.
fn server_issues(h: &Rc<FormState>, issues: &[ServerIssue]) {
    show_by_field(h, issues.iter().map(|i| (i.field.as_str(), Level::Error, i.message.as_str())).collect(), false);
}

/// Shows messages `(field, level, text)`: beside the form's fields (with `every_field`, every field's messages are
/// replaced, so fields without any are cleared; else only the fields named), errors on no field of the form above
/// it, the count of fields with errors in the summary. The focus goes to the first field with an error, else to the
/// summary when there are errors.
fn show_by_field(h: &Rc<FormState>, messages: Vec<(&str, Level, &str)>, every_field: bool) {
    let mut invalid: Vec<&'static str> = Vec::new();
    for path in TEXT_FIELDS.iter().copied().chain([SUB_CUSTOMER]) {
        let mine: Vec<(Level, &str)> = messages.iter().filter(|m| m.0 == path).map(|m| (m.1, m.2)).collect();
        if every_field || !mine.is_empty() {
            view::field(&h.doc, path, &mine);
        }
        if mine.iter().any(|m| m.0 == Level::Error) {
            invalid.push(path);
        }
    }
    let general: Vec<String> = messages
        .iter()
        .filter(|m| m.1 == Level::Error && fields::known(m.0).is_none())
        .map(|m| texts::general(m.0, m.2))
        .collect();
    view::general(&h.doc, &general);
    view::summary(&h.doc, invalid.len() + general.len());
    match invalid.first() {
        Some(path) => focus_field(h, path),
        None if !general.is_empty() => {
            if let Some(el) = h.doc.get_element_by_id("tc-summary") {
                dom::focus(&el);
            }
        }
        None => {}
    }
}

fn answer_dialog(h: &Rc<FormState>, yes: bool) {
    if let Some(d) = by_id::<HtmlDialogElement>(&h.doc, "tc-confirm") {
        if d.open() {
            d.close();
        }
    }
    run(h, Event::Confirmed(yes));
    focus_submit(h);
}

fn hide_suggestion(h: &FormState) {
    h.suggestion.borrow_mut().take();
    if let Some(b) = h.doc.get_element_by_id("tc-suggestion") {
        set_hidden(&b, true);
    }
}

/// Takes the suggested address into the form in one click.
fn use_suggestion(h: &Rc<FormState>) {
    let Some(address) = h.suggestion.borrow().clone() else { return };
    let mut values = h.values();
    let mut paths = Vec::new();
    for (key, path) in fields::ADDRESS {
        if let Some(v) = address.get(key).and_then(|t| t.value()) {
            values.set(path, v);
            paths.push(path);
        }
    }
    h.write(&values, Some(&paths));
    hide_suggestion(h);
    h.touched.borrow_mut().extend(paths);
    let values = crate::live::revalidate_touched(h);
    h.save_values(&values);
    view::status(&h.doc, "editing", "editing", &texts::SUGGESTION_TAKEN.show());
    focus_submit(h);
}

/// Sends other accounts' queued entries (earlier visits) in the background, each once, by one tab (its Web Lock,
/// not waited for). Success removes an entry; a retry or a missing answer keeps it for later; any other final answer
/// keeps it too, held for its own form (not resent from here), with a notice linking to that form. Entries older
/// than the resend window are not sent: the notice asks the user to open their form. `entries` is the queue as just
/// loaded (`queue::load`).
fn drain_others(h: &Rc<FormState>, entries: Vec<Submission>) {
    let online = http::online();
    let mine = h.config.submit_url();
    for s in entries.into_iter().filter(|s| Some(&s.url) != mine.as_ref()) {
        let account = s.account();
        let link = h.config.account_form_url(&account);
        let open_words = texts::OPEN_ITS_FORM.show();
        let open = link.as_deref().map(|l| (l, open_words.as_str()));
        let kind = format!("account-{account}");
        if let Some(what) = &s.held {
            notice(h, &kind, &texts::other_account(&account, what), open);
            continue;
        }
        if s.is_stale(now_ms()) {
            notice(h, &kind, &texts::other_account_stale(&account), open);
            continue;
        }
        if !online {
            continue;
        }
        let me = h.me.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // Not while its own form is open in another tab (that tab sends it), nor while another tab sends it.
            let form = queue::form_lock(&s.url);
            queue::with_lock(&form, false, move || async move {
                let key = queue::send_lock(&s.key);
                queue::with_lock(&key, false, move || send_other(me, s.key, account, link)).await;
            })
            .await;
        });
    }
}

/// Sends another account's queued entry `key` once, under its locks (`drain_others`), and applies the answer:
/// success removes it (and that account's draft when it is what was sent); a final answer holds it for its own form;
/// a final answer or a missing confirmation is told, linking to `link`; a retry keeps it for later.
async fn send_other(me: Weak<FormState>, key: String, account: String, link: Option<String>) {
    let Some(kv) = queue::local() else { return };
    // Another tab may have sent it and taken it out meanwhile.
    let Some(s) = queue::get(&kv, &key) else { return };
    let Some(h) = me.upgrade() else { return };
    let kind = format!("account-{account}");
    let timeout = h.config.timeout_ms;
    let mut answer = http::put(&s, csrf_token(&h).as_deref(), timeout).await;
    if matches!(answer, Answer::CsrfInvalid) {
        if let Some(t) = reread_token(&h).await {
            answer = http::put(&s, Some(&t), timeout).await;
        }
    }
    match answer {
        Answer::Success => {
            queue::remove(&kv, &s.key);
            // That account's draft goes when it is what was sent (same endpoint and instance).
            if h.config.submit_url_for(&account) == s.url {
                let draft = h.config.draft_key_for(&account);
                if let Some(st) = dom::storage() {
                    let stored = st.get_item(&draft).ok().flatten();
                    if stored.is_some_and(|d| other_draft_is_sent(s.values.as_ref(), &d)) {
                        let _ = st.remove_item(&draft);
                    }
                }
            }
            notice(&h, &kind, &texts::other_account_done(&account), None);
        }
        // Not confirmed: kept queued (not held), resent at the next start. Any other final answer: held for its own
        // form. The user is told either way.
        a if matches!(a, Answer::NotConfirmed) || a.is_final() => {
            let what = &texts::answer_word(&a).show();
            if a.is_final() {
                let held = Submission { held: Some(what.to_owned()), ..s };
                if let Err(e) = queue::write(&kv, &held) {
                    dom::warn(&format!("tenantcheck: could not mark a queued submission: {e}"));
                }
            }
            let text = texts::other_account(&account, what);
            let open_words = texts::OPEN_ITS_FORM.show();
            notice(&h, &kind, &text, link.as_deref().map(|l| (l, open_words.as_str())));
        }
        _ => {}
    }
}
