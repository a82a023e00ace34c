//! Submitting: drives the state machine of `submission` with the DOM and the network. The submit button validates
//! the whole record, focuses the first invalid field or sends the normalized record
//! (`PUT {endpoint}/api/Accounts/{accountId}/syncoptions/{systemCode}`, headers `Idempotency-Key` and
//! `X-CSRF-Token`), and shows each answer of `api.md`.

use crate::config::CSRF_HEADER;
use crate::dom::{self, by_id, set_attr, set_hidden};
use crate::fields::{self, DOMAIN, SUB_CUSTOMER, TEXT_FIELDS};
use crate::form::Host;
use crate::queue;
use crate::submission::{
    retry_after_seconds, Answer, Event, Failure, Notice, ServerIssue, State, Submission, MAX_ATTEMPTS, MAX_DELAY_MS,
};
use crate::view::{self, Level};
use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlDialogElement, Request, RequestInit, Response};

/// Attaches the submit, dialog, suggestion and `online` listeners.
pub fn attach(host: &Rc<Host>) -> Vec<EventListener> {
    let mut listeners = Vec::new();
    let me = host.me.clone();
    let opts = EventListenerOptions::enable_prevent_default();
    listeners.push(EventListener::new_with_options(&host.form, "submit", opts, move |e| {
        e.prevent_default();
        if let Some(h) = me.upgrade() {
            submit(&h);
        }
    }));
    let button = |id: &str, f: fn(&Rc<Host>)| {
        let me = host.me.clone();
        host.doc.get_element_by_id(id).map(|el| {
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
    if let Some(dialog) = host.doc.get_element_by_id("tc-confirm") {
        // Escape closes the dialog: that is a "no".
        let me = host.me.clone();
        listeners.push(EventListener::new(&dialog, "cancel", move |_| {
            if let Some(h) = me.upgrade() {
                answer_dialog(&h, false);
            }
        }));
    } else {
        dom::error("tenantcheck: the confirmation dialog #tc-confirm is missing");
    }
    if let Some(window) = web_sys::window() {
        let me = host.me.clone();
        listeners.push(EventListener::new(&window, "online", move |_| {
            if let Some(h) = me.upgrade() {
                run(&h, Event::Online);
                drain_others(&h);
            }
        }));
    }
    listeners
}

/// At start: sends what an earlier visit left in the offline queue (this form's request through the machine, so the
/// user sees it; requests of other forms in the background).
pub fn resume(h: &Rc<Host>) {
    let q = queue::store::load();
    let mine = h.config.submit_url().and_then(|url| q.for_url(&url).cloned());
    if let Some(s) = mine {
        run(h, Event::Submit(s));
        view::status(&h.doc, "sending", machine_name(&h.machine.borrow().state), "Sending a submission saved earlier…");
    }
    drain_others(h);
}

/// The state's name, as `data-machine` shows it.
pub fn machine_name(state: &State) -> &'static str {
    match state {
        State::Editing => "editing",
        State::Sending(_) => "sending",
        State::WaitingForConfirmation(..) => "waiting-for-confirmation",
        State::QueuedOffline(_) => "queued-offline",
        State::Done => "done",
        State::Failed(..) => "failed",
    }
}

/// The submit button (or Enter): validate everything; send only a valid, normalized record.
pub fn submit(h: &Rc<Host>) {
    if !h.machine.borrow().accepts_submit() {
        return;
    }
    for (_, t) in std::mem::take(&mut *h.timers.borrow_mut()) {
        t.cancel();
    }
    let mut values = h.values();
    let report = h.validator.validate(h.record_of(&values));
    h.touched.borrow_mut().extend(TEXT_FIELDS);
    let messages = report
        .errors
        .iter()
        .map(|i| (&*i.field, Level::Error, i.message.as_str()))
        .chain(report.warnings.iter().map(|i| (&*i.field, Level::Warning, i.message.as_str())));
    show_by_field(h, messages.collect(), true);
    crate::availability::domain_checked(h, &report);
    if !report.valid {
        let state = machine_name(&h.machine.borrow().state);
        view::status(&h.doc, "failed", state, "Not sent: check the marked fields.");
        return;
    }
    h.write_normalized(&report, &TEXT_FIELDS, &mut values);
    h.save_values(&values);
    let Some(url) = h.config.submit_url() else {
        view::status(&h.doc, "failed", "editing", "This page is not set up to submit: it names no account.");
        return;
    };
    let body = match report.normalized.as_ref().map(serde_json::to_string) {
        Some(Ok(b)) => b,
        _ => {
            view::status(&h.doc, "failed", "editing", "The record could not be prepared for sending.");
            return;
        }
    };
    let s = h.machine.borrow().submission_for(&url, &body, random_key);
    run(h, Event::Submit(s));
}

fn general_message(field: &str, message: &str) -> String {
    if field.starts_with("resellerBillingAddress") {
        format!("The reseller's billing address (from the partner's settings): {message}")
    } else if field.is_empty() {
        message.to_owned()
    } else {
        format!("The page's configuration ({field}): {message}")
    }
}

fn focus_field(h: &Host, path: &str) {
    if let Some(el) = h.control(path) {
        dom::focus(&el);
    }
}

fn focus_submit(h: &Host) {
    if let Some(b) = h.submit_button() {
        dom::focus(&b);
    }
}

/// One step of the machine, then its effects (the machine is not borrowed while they run).
pub fn run(h: &Rc<Host>, event: Event) {
    let effects = h.machine.borrow_mut().step(event);
    for effect in effects {
        match effect {
            crate::submission::Effect::Persist(s) => queue::store::put(&s),
            crate::submission::Effect::Forget(key) => queue::store::remove(&key),
            crate::submission::Effect::Send(s) => send(h, s),
            crate::submission::Effect::Schedule(ms) => {
                let me = h.me.clone();
                let t = Timeout::new(ms, move || {
                    if let Some(h) = me.upgrade() {
                        run(&h, Event::RetryDue);
                    }
                });
                *h.retry_timer.borrow_mut() = Some(t);
            }
            crate::submission::Effect::Show(notice) => show(h, notice),
        }
    }
    let state = h.machine.borrow().state.clone();
    let busy = matches!(state, State::Sending(_) | State::WaitingForConfirmation(..));
    if let Some(b) = h.submit_button() {
        set_attr(&b, "aria-disabled", if busy { "true" } else { "false" });
    }
    if let Some(el) = h.doc.get_element_by_id("tc-status") {
        set_attr(&el, "data-machine", machine_name(&state));
    }
}

fn send(h: &Rc<Host>, s: Submission) {
    let csrf = csrf_token(h);
    let me = h.me.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let answer = put(&s, csrf.as_deref()).await;
        if let Some(h) = me.upgrade() {
            run(&h, Event::Answer(answer));
        }
    });
}

/// The CSRF token of the configured `<meta>` tag, read at each send (a reloaded page has a fresh one).
fn csrf_token(h: &Host) -> Option<String> {
    let name = h.config.csrf_meta.as_deref()?;
    let metas = h.doc.get_elements_by_tag_name("meta");
    (0..metas.length())
        .filter_map(|i| metas.item(i))
        .find(|m| m.get_attribute("name").as_deref() == Some(name))
        .and_then(|m| m.get_attribute("content"))
        .filter(|c| !c.is_empty())
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Sends one request and classifies the answer.
pub async fn put(s: &Submission, csrf: Option<&str>) -> Answer {
    if !online() {
        return Answer::NetworkFailure { online: false };
    }
    let init = RequestInit::new();
    init.set_method("PUT");
    init.set_body(&s.body.as_str().into());
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let Ok(request) = Request::new_with_str_and_init(&s.request_url(), &init) else {
        return Answer::Unexpected(0);
    };
    let headers = request.headers();
    let _ = headers.set("Content-Type", "application/json");
    let _ = headers.set("Accept", "application/json, application/problem+json");
    let _ = headers.set("Idempotency-Key", &s.key);
    if let Some(token) = csrf {
        let _ = headers.set(CSRF_HEADER, token);
    }
    let Some(response) = fetch(&request).await else {
        return Answer::NetworkFailure { online: online() };
    };
    let retry_after = response.headers().get("Retry-After").ok().flatten().and_then(|v| parse_retry_after(&v));
    let body = match response.text() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    Answer::classify(response.status(), &body, retry_after)
}

/// `HEAD` of a URL: the status, or `None` when the request failed.
pub async fn head(url: &str) -> Option<u16> {
    let init = RequestInit::new();
    init.set_method("HEAD");
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let request = Request::new_with_str_and_init(url, &init).ok()?;
    fetch(&request).await.map(|r| r.status())
}

async fn fetch(request: &Request) -> Option<Response> {
    let window = web_sys::window()?;
    let value = JsFuture::from(window.fetch_with_request(request)).await.ok()?;
    value.dyn_into::<Response>().ok()
}

/// `Retry-After` as seconds or an HTTP date, in milliseconds.
fn parse_retry_after(v: &str) -> Option<u32> {
    retry_after_seconds(v).or_else(|| {
        let at = js_sys::Date::parse(v);
        if at.is_nan() {
            return None;
        }
        let ms = (at - js_sys::Date::now()).clamp(0.0, f64::from(MAX_DELAY_MS));
        Some(ms as u32)
    })
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
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Shows what the machine says.
fn show(h: &Rc<Host>, notice: Notice) {
    let doc = &h.doc;
    let state = machine_name(&h.machine.borrow().state);
    let status = |kind: &str, text: &str| view::status(doc, kind, state, text);
    match notice {
        Notice::Sending => {
            view::invitation(doc, None);
            hide_suggestion(h);
            status("sending", "Sending to Microsoft Partner Center…");
        }
        Notice::Retrying { retry, delay_ms } => {
            let secs = delay_ms.div_ceil(1000);
            status(
                "sending",
                &format!("The service is busy. Trying again in {secs} s (retry {retry} of {})…", MAX_ATTEMPTS - 1),
            );
        }
        Notice::Queued => status(
            "queued",
            if dom::storage().is_some() {
                "You are offline. The submission is saved on this device and will be sent once you are back online."
            } else {
                "You are offline. The submission will be sent once you are back online: keep this page open."
            },
        ),
        Notice::Success => {
            h.clear_draft();
            view::summary(doc, 0);
            view::general(doc, &[]);
            status("done", "Done: the account is synchronized with Microsoft Partner Center.");
        }
        Notice::ValidationFailed(issues) => {
            server_issues(h, &issues);
            status("failed", "Not synchronized: the server found problems in the marked fields.");
        }
        Notice::ProvisioningRejected(issues) => {
            server_issues(h, &issues);
            status("failed", "Not synchronized: Microsoft Partner Center rejected the marked fields.");
        }
        Notice::Suggestion(address) => {
            view::text(doc, "tc-suggestion-text", &crate::submission::one_line(&address));
            *h.suggestion.borrow_mut() = Some(address);
            if let Some(box_) = doc.get_element_by_id("tc-suggestion") {
                set_hidden(&box_, false);
            }
            status("failed", "Not synchronized yet: Partner Center suggests a corrected billing address below.");
            if let Some(b) = doc.get_element_by_id("tc-suggestion-use") {
                dom::focus(&b);
            }
        }
        Notice::DomainTaken => {
            let msg = "This domain already exists in Microsoft under a different CSP partner. Choose another prefix.";
            view::field(doc, DOMAIN, &[(Level::Error, msg)]);
            view::summary(doc, 1);
            status("failed", "Not synchronized: the domain prefix is taken. Choose another one and submit again.");
            focus_field(h, DOMAIN);
        }
        Notice::Ask(c) => {
            status("sending", "Waiting for your answer…");
            view::text(doc, "tc-confirm-text", c.question());
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
        Notice::Cancelled => status("editing", "Not synchronized. Your entries are kept."),
        Notice::Failed(f) => {
            let text = match &f {
                Failure::SessionExpired => {
                    "Your session has expired. Sign in again, then submit: your entries are kept."
                }
                Failure::NotAllowed => "You are not allowed to provision this account. Your entries are kept.",
                Failure::NoDelegatedAccess(url) => {
                    if view::invitation(doc, url.as_deref()) {
                        "The existing tenant has not authorized this partner yet (delegated administration). \
                         Send the customer the invitation link below, then submit again."
                    } else {
                        "The existing tenant has not authorized this partner yet (delegated administration). \
                         Ask your administrator for the invitation link to send to the customer."
                    }
                }
                Failure::Unavailable => {
                    "The service is not answering. Your submission is kept on this device: \
                     submit again, or it is sent the next time this page opens."
                }
                Failure::Unexpected(_) => {
                    "The server gave an unexpected answer. Your entries are kept; try again later."
                }
            };
            status("failed", text);
        }
    }
}

/// Errors the server placed on fields: beside their fields, the rest above the form.
fn server_issues(h: &Rc<Host>, issues: &[ServerIssue]) {
    show_by_field(h, issues.iter().map(|i| (i.field.as_str(), Level::Error, i.message.as_str())).collect(), false);
}

/// Shows messages `(field, level, text)`: beside the form's fields (with `every_field`, every field's messages are
/// replaced, so fields without any are cleared; else only the fields named), errors on no field of the form above
/// it, the count of fields with errors in the summary. The focus goes to the first field with an error, else to the
/// summary when there are errors.
fn show_by_field(h: &Rc<Host>, messages: Vec<(&str, Level, &str)>, every_field: bool) {
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
        .map(|m| general_message(m.0, m.2))
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

fn answer_dialog(h: &Rc<Host>, yes: bool) {
    if let Some(d) = by_id::<HtmlDialogElement>(&h.doc, "tc-confirm") {
        if d.open() {
            d.close();
        }
    }
    run(h, Event::Confirmed(yes));
    focus_submit(h);
}

fn hide_suggestion(h: &Host) {
    h.suggestion.borrow_mut().take();
    if let Some(b) = h.doc.get_element_by_id("tc-suggestion") {
        set_hidden(&b, true);
    }
}

/// Takes the suggested address into the form in one click.
fn use_suggestion(h: &Rc<Host>) {
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
    view::status(&h.doc, "editing", "editing", "The suggested address is in the form. Submit again to synchronize.");
    focus_submit(h);
}

/// Sends the queued requests of other forms (earlier visits) once each; a final answer removes them.
fn drain_others(h: &Rc<Host>) {
    if !online() {
        return;
    }
    let mine = h.config.submit_url();
    let csrf = csrf_token(h);
    for s in queue::store::load().items.into_iter().filter(|s| Some(&s.url) != mine.as_ref()) {
        let csrf = csrf.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let answer = put(&s, csrf.as_deref()).await;
            match answer {
                Answer::Retry(_) | Answer::NetworkFailure { .. } => {}
                other => {
                    queue::store::remove(&s.key);
                    dom::warn(&format!("tenantcheck: an earlier submission to {} was answered: {other:?}", s.url));
                }
            }
        });
    }
}
