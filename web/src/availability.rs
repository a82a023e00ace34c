//! The domain's availability, before the user submits: once the domain field is valid, a debounced
//! `HEAD {endpoint}/api/domains/{full domain}` (200 = exists, taken or linkable; 404 = free), said beside the field.
//! An alias (a custom domain) can only link an existing tenant, which is said too.

use crate::dom;
use crate::fields::DOMAIN;
use crate::form::FormState;
use crate::texts::{self, Shown};
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use tenantcheck_core::record::Slot;
use tenantcheck_core::rules::domain::{Domain, DomainForm, DEFAULT_SUFFIX};
use tenantcheck_core::{FieldReport, FieldValue, Report};

/// The wait after the field became valid before asking.
pub const DEBOUNCE_MS: u32 = 400;

/// What the check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Exists,
    Free,
    Unknown,
}

impl Availability {
    pub fn from_status(status: u16) -> Availability {
        match status {
            200..=299 => Availability::Exists,
            404 => Availability::Free,
            _ => Availability::Unknown,
        }
    }

    /// The sentence beside the field, and its style (`data-kind`).
    pub fn sentence(self, full: &str, form: DomainForm) -> (String, &'static str) {
        let (text, kind) = match (self, form) {
            (Availability::Free, DomainForm::Prefix) => (texts::DOMAIN_FREE, "free"),
            (Availability::Exists, DomainForm::Prefix) => (texts::DOMAIN_EXISTS, "exists"),
            (Availability::Exists, DomainForm::Alias) => (texts::DOMAIN_ALIAS_EXISTS, "exists"),
            (Availability::Free, DomainForm::Alias) => (texts::DOMAIN_ALIAS_FREE, "exists"),
            (Availability::Unknown, _) => (texts::DOMAIN_UNKNOWN, "unknown"),
        };
        (texts::with_domain(text, full), kind)
    }
}

/// Called after each check of the whole form: [`show`] with the core's full domain ([`Report::full_domain`]), there
/// only while the domain field has no error.
pub fn domain_checked(h: &Rc<FormState>, report: &Report) {
    let domain_ok = !report.errors.iter().any(|i| i.field == DOMAIN);
    show(h, report.domain_form.zip(report.full_domain()).filter(|_| domain_ok));
}

/// Called after each check of the domain field alone ([`FieldReport`]): [`show`] with the domain its normalized value
/// and form make ([`Domain::full`]) with the page's suffix, while the field has no error.
pub fn domain_field_checked(h: &Rc<FormState>, result: &FieldReport) {
    let domain_ok = !result.errors.iter().any(|i| i.field == DOMAIN);
    let found = match (&result.value, result.domain_form) {
        (FieldValue::Text(Slot::Value(value)), Some(form)) if domain_ok => {
            let suffix = h.config.domain_suffix.as_deref().unwrap_or(DEFAULT_SUFFIX);
            Some((form, Domain { value: value.clone(), form }.full(suffix)))
        }
        _ => None,
    };
    show(h, found);
}

/// Updates the live hint and schedules the availability check of a valid domain field's full domain (`None`: the
/// field has none).
fn show(h: &Rc<FormState>, found: Option<(DomainForm, String)>) {
    let Some((form, full)) = found else {
        clear(h);
        return;
    };
    let what = match form {
        DomainForm::Prefix => texts::with_domain(texts::DOMAIN_PREFIX, &full),
        DomainForm::Alias => texts::with_domain(texts::DOMAIN_ALIAS, &full),
    };
    crate::view::text(&h.doc, "tc-domain-full", &what);
    if *h.availability_asked.borrow() == full {
        return;
    }
    set(h, &texts::DOMAIN_CHECKING.show(), "unknown");
    let me = h.me.clone();
    let timer = Timeout::new(DEBOUNCE_MS, move || {
        if let Some(h) = me.upgrade() {
            ask(&h, full, form);
        }
    });
    *h.availability_timer.borrow_mut() = Some(timer);
}

fn clear(h: &FormState) {
    h.availability_timer.borrow_mut().take();
    h.availability_asked.borrow_mut().clear();
    h.availability_seq.set(h.availability_seq.get().wrapping_add(1));
    crate::view::text(&h.doc, "tc-domain-full", "");
    set(h, "", "unknown");
}

fn set(h: &FormState, text: &str, kind: &str) {
    if let Some(el) = h.doc.get_element_by_id("tc-domain-availability") {
        el.set_text_content(Some(text));
        dom::set_attr(&el, "data-kind", kind);
    }
}

fn ask(h: &Rc<FormState>, full: String, form: DomainForm) {
    let seq = h.availability_seq.get().wrapping_add(1);
    h.availability_seq.set(seq);
    *h.availability_asked.borrow_mut() = full.clone();
    let url = h.config.domain_url(&full);
    let timeout = h.config.timeout_ms;
    let me = h.me.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let status = crate::http::head(&url, timeout).await;
        let Some(h) = me.upgrade() else { return };
        if h.availability_seq.get() != seq {
            return; // the field changed meanwhile
        }
        let a = status.map_or(Availability::Unknown, Availability::from_status);
        if a == Availability::Unknown {
            h.availability_asked.borrow_mut().clear(); // ask again next time
        }
        let (text, kind) = a.sentence(&full, form);
        set(&h, &text, kind);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_the_status_means() {
        assert_eq!(Availability::from_status(200), Availability::Exists);
        assert_eq!(Availability::from_status(404), Availability::Free);
        assert_eq!(Availability::from_status(500), Availability::Unknown);
        let (text, kind) = Availability::Free.sentence("contoso.onmicrosoft.com", DomainForm::Prefix);
        assert_eq!((text.as_str(), kind), ("contoso.onmicrosoft.com is free: a new tenant will be created.", "free"));
        assert_eq!(Availability::Free.sentence("contoso.com", DomainForm::Alias).1, "exists");
    }
}
