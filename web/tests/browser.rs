#![cfg(target_arch = "wasm32")]
//! The host in a real browser (headless Chromium via wasm-bindgen-test): the form markup of `index.html` in a `<div>`
//! (the runner's `document.body` stays), bound with `Form::attach`.

use gloo_timers::future::TimeoutFuture;
use tenantcheck_web::queue;
use tenantcheck_web::submission::Submission;
use tenantcheck_web::view::{self, Level};
use tenantcheck_web::Form;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlFormElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const PAGE: &str = include_str!("../../index.html");
const FIXTURE: &str = "tc-test-fixture";

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    tenantcheck_web::dom::storage().expect("local storage in the test browser")
}

/// The page's form and dialog in a fresh `<div>`, with `data-*` changed as given, and local storage empty.
struct Fixture {
    div: Element,
    form: Option<Form>,
}

impl Fixture {
    fn new(attrs: &[(&str, &str)]) -> Fixture {
        let doc = doc();
        if let Some(old) = doc.get_element_by_id(FIXTURE) {
            old.remove();
        }
        storage().clear().unwrap();
        let start = PAGE.find("<form").unwrap();
        let end = PAGE.find("</dialog>").unwrap() + "</dialog>".len();
        let div = doc.create_element("div").unwrap();
        div.set_id(FIXTURE);
        // Test markup only: the host itself never parses HTML.
        div.set_inner_html(&PAGE[start..end]);
        doc.body().unwrap().append_child(&div).unwrap();
        let form: HtmlFormElement = doc.get_element_by_id("tenantcheck-form").unwrap().dyn_into().unwrap();
        for (k, v) in attrs {
            form.set_attribute(k, v).unwrap();
        }
        let form = Form::attach(form).expect("attach");
        Fixture { div, form: Some(form) }
    }

    fn input(&self, id: &str) -> HtmlInputElement {
        doc().get_element_by_id(id).unwrap().dyn_into().unwrap()
    }

    fn msg(&self, id: &str) -> String {
        doc().get_element_by_id(&format!("{id}-msg")).unwrap().text_content().unwrap_or_default()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.form.take();
        self.div.remove();
        storage().clear().unwrap();
    }
}

fn fire(target: &Element, kind: &str) {
    let e = web_sys::Event::new(kind).unwrap();
    target.dispatch_event(&e).unwrap();
}

#[wasm_bindgen_test]
fn messages_are_text_not_html() {
    let f = Fixture::new(&[]);
    let d = doc();
    view::field(&d, "account.companyName", &[(Level::Error, "<b>x</b>"), (Level::Warning, "<i>w</i>")]);
    let container = d.get_element_by_id("account-companyName-msg").unwrap();
    assert_eq!(container.text_content().unwrap(), "<b>x</b><i>w</i>");
    assert!(container.query_selector("b").unwrap().is_none());
    assert!(container.query_selector("i").unwrap().is_none());
    assert_eq!(f.input("account-companyName").get_attribute("aria-invalid").as_deref(), Some("true"));
    view::status(&d, "failed", "failed", "<img src=x>");
    let status = d.get_element_by_id("tc-status-text").unwrap();
    assert_eq!(status.text_content().unwrap(), "<img src=x>");
    assert!(status.query_selector("img").unwrap().is_none());
    // An invitation link only for http(s), text as text.
    assert!(!view::invitation(&d, Some("javascript:alert(1)")));
    assert!(d.get_element_by_id("tc-invitation").unwrap().get_attribute("href").is_none());
    assert!(view::invitation(&d, Some("https://admin.example/invite?a=<b>")));
    let a = d.get_element_by_id("tc-invitation").unwrap();
    assert_eq!(a.text_content().unwrap(), "https://admin.example/invite?a=<b>");
    assert!(a.query_selector("b").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn typing_an_invalid_value_shows_the_error_and_fixing_clears_it() {
    let f = Fixture::new(&[]);
    let email = f.input("account-email");
    email.set_value("it@contoso.onmicrosoft.com");
    fire(&email, "input");
    assert_eq!(f.msg("account-email"), "", "debounced: nothing yet");
    TimeoutFuture::new(450).await;
    assert!(!f.msg("account-email").is_empty());
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(!email.validation_message().unwrap().is_empty());
    let described = email.get_attribute("aria-describedby").unwrap();
    assert!(described.split(' ').any(|id| id == "account-email-msg"));

    email.set_value("  it@contoso.com ");
    fire(&email, "blur");
    assert_eq!(f.msg("account-email"), "");
    assert_eq!(email.get_attribute("aria-invalid"), None);
    assert_eq!(email.value(), "it@contoso.com", "the normalized value is written back");
    // The draft keeps what was typed.
    let draft = storage().get_item("tenantcheck.draft.1001.MicrosoftCloudServices").unwrap().unwrap();
    let draft = tenantcheck_web::fields::Values::parse(&draft).unwrap();
    assert_eq!(draft.get("account.email"), "it@contoso.com");
}

#[wasm_bindgen_test]
async fn warnings_show_without_blocking_and_the_domain_hint_is_live() {
    let f = Fixture::new(&[("data-endpoint", "http://127.0.0.1:9")]);
    let domain = f.input("syncOptions-domainPrefix");
    domain.set_value("Contoso.onmicrosoft.com");
    fire(&domain, "blur");
    let warning = doc().query_selector("#syncOptions-domainPrefix-msg .tc-warning").unwrap();
    assert!(warning.is_some(), "suffix removed: a warning");
    assert_eq!(domain.get_attribute("aria-invalid"), None);
    assert_eq!(domain.value(), "contoso");
    let full = doc().get_element_by_id("tc-domain-full").unwrap().text_content().unwrap();
    assert!(full.contains("contoso.onmicrosoft.com"), "{full}");
}

#[wasm_bindgen_test]
fn the_reseller_field_shows_by_csp_model() {
    for (model, shown) in
        [("indirectProvider", true), ("indirectCountryTenant", true), ("direct", false), ("tenantReseller", false)]
    {
        let _f = Fixture::new(&[("data-csp-model", model)]);
        let row = doc().get_element_by_id("syncOptions-resellerMpnId-row").unwrap();
        assert_eq!(!row.has_attribute("hidden"), shown, "{model}");
    }
}

#[wasm_bindgen_test]
fn countries_fill_the_picker_and_closed_state_lists_become_a_choice() {
    let _f = Fixture::new(&[]);
    let d = doc();
    let country: HtmlSelectElement = d.get_element_by_id("account-billingAddress-country").unwrap().dyn_into().unwrap();
    assert!(country.length() > 100, "{}", country.length());
    let state_input = d.get_element_by_id("account-billingAddress-state").unwrap();
    let state_list: HtmlSelectElement =
        d.get_element_by_id("account-billingAddress-state-list").unwrap().dyn_into().unwrap();
    country.set_value("US");
    fire(&country, "change");
    assert!(!state_list.has_attribute("hidden") && state_input.has_attribute("hidden"));
    assert!(state_list.length() > 50);
    let label = d.get_element_by_id("account-billingAddress-state-label").unwrap();
    assert_eq!(label.get_attribute("for").as_deref(), Some("account-billingAddress-state-list"));
    let hint = d.get_element_by_id("account-billingAddress-postalCode-hint").unwrap().text_content().unwrap();
    assert!(hint.starts_with("e.g."), "{hint}");
    // The country's words (its picker entry): the postcode's label, the state's, the registration number's term.
    let text = |id: &str| d.get_element_by_id(id).unwrap().text_content().unwrap_or_default();
    assert_eq!(text("account-billingAddress-postalCode-label"), "ZIP code");
    assert_eq!(text("account-billingAddress-state-name"), "State");
    let wa = state_list.query_selector("option[value=\"WA\"]").unwrap().and_then(|o| o.text_content());
    assert_eq!(wa.as_deref(), Some("WA – Washington"), "code and name");
    country.set_value("BR");
    fire(&country, "change");
    assert!(text("account-registrationNumber-hint").contains("(CNPJ)"), "{}", text("account-registrationNumber-hint"));
    country.set_value("GR");
    fire(&country, "change");
    assert!(state_list.has_attribute("hidden") && !state_input.has_attribute("hidden"));
    assert_eq!(text("account-billingAddress-postalCode-label"), "Postcode");
    assert_eq!(text("account-billingAddress-state-name"), "State or province");
}

#[wasm_bindgen_test]
fn a_failed_submit_focuses_the_first_invalid_field() {
    let f = Fixture::new(&[]);
    let state = f.form.as_ref().unwrap().state.clone();
    tenantcheck_web::submit::submit(&state);
    let active = doc().active_element().unwrap();
    assert_eq!(active.id(), "syncOptions-username");
    let summary = doc().get_element_by_id("tc-summary").unwrap().text_content().unwrap();
    assert!(summary.contains("fields need attention"), "{summary}");
    let status = doc().get_element_by_id("tc-status").unwrap();
    assert_eq!(status.get_attribute("data-machine").as_deref(), Some("editing"));
    let kv = queue::local().unwrap();
    assert!(queue::load(&kv, 0).entries.is_empty(), "nothing invalid is queued");
}

#[wasm_bindgen_test]
fn the_queue_survives_local_storage() {
    storage().clear().unwrap();
    let kv = queue::local().unwrap();
    let s = Submission::new("k1".into(), "/api/Accounts/7/syncoptions/X".into(), r#"{"a":"<b>"}"#.into());
    queue::write(&kv, &s).unwrap();
    assert!(storage().get_item("tenantcheck.queue.k1").unwrap().is_some());
    assert_eq!(queue::load(&kv, 1).entries, vec![s]);
    queue::remove(&kv, "k1");
    assert!(queue::load(&kv, 1).entries.is_empty());
    // The old single-key queue is moved into entries; an unreadable entry is set aside.
    storage()
        .set_item(queue::OLD_KEY, r#"{"items":[{"key":"old","url":"/api/Accounts/7/syncoptions/X","body":"{}"}]}"#)
        .unwrap();
    storage().set_item("tenantcheck.queue.bad", "not json").unwrap();
    let loaded = queue::load(&kv, 1);
    assert_eq!(loaded.entries.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(), ["old"]);
    assert_eq!(loaded.quarantined, ["tenantcheck.queue.bad"]);
    assert_eq!(storage().get_item("tenantcheck.quarantine.bad").unwrap().as_deref(), Some("not json"));
    assert!(storage().get_item(queue::OLD_KEY).unwrap().is_none());
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_web_lock_lets_one_caller_in_at_a_time() {
    use std::cell::Cell;
    use std::rc::Rc;
    let count = Rc::new(Cell::new(0));
    let first_ran = Rc::new(Cell::new(None));
    let (c, r) = (Rc::clone(&count), Rc::clone(&first_ran));
    wasm_bindgen_futures::spawn_local(async move {
        let ran = queue::with_lock("tenantcheck.test", false, move || async move {
            TimeoutFuture::new(300).await;
            c.set(c.get() + 1);
        })
        .await;
        r.set(Some(ran));
    });
    TimeoutFuture::new(50).await;
    // Not waiting: the lock is held by the first caller, so this does not run.
    let c = Rc::clone(&count);
    let ran = queue::with_lock("tenantcheck.test", false, move || async move { c.set(c.get() + 10) }).await;
    assert!(!ran, "the lock is held");
    // Waiting: runs once the first is done.
    let c = Rc::clone(&count);
    assert!(queue::with_lock("tenantcheck.test", true, move || async move { c.set(c.get() + 100) }).await);
    assert_eq!(first_ran.get(), Some(true));
    assert_eq!(count.get(), 101);
}
