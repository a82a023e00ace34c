//! Checking as the user types: input → debounce (~250 ms, gloo-timers) → `Validator::validate_field` → render that
//! field. Leaving a field (blur) or changing a list checks it at once and writes its normalized value back.

use crate::dom;
use crate::fields::{self, element_id, COUNTRY, DOMAIN, SUB_CUSTOMER, TEXT_FIELDS};
use crate::form::Host;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use tenantcheck_core::record::Slot;
use tenantcheck_core::Report;

/// The debounce of checks while typing.
pub const DEBOUNCE_MS: u32 = 250;

/// Fields whose rules read the country: checked again when it changes.
const DEPENDS_ON_COUNTRY: [&str; 4] =
    [fields::STATE, "account.billingAddress.postalCode", "account.phone", "account.registrationNumber"];

/// Attaches the listeners of every field.
pub fn attach(host: &Rc<Host>) -> Vec<EventListener> {
    let mut listeners = Vec::new();
    for path in TEXT_FIELDS {
        let mut targets: Vec<_> = host.doc.get_element_by_id(&element_id(path)).into_iter().collect();
        if path == fields::STATE {
            targets.extend(host.doc.get_element_by_id(&format!("{}-list", element_id(path))));
        }
        if targets.is_empty() {
            dom::error(&format!("tenantcheck: the field {path} is missing from the page"));
        }
        for target in targets {
            let is_select = target.tag_name().eq_ignore_ascii_case("select");
            let me = host.me.clone();
            listeners.push(EventListener::new(&target, "input", move |_| {
                if let Some(h) = me.upgrade() {
                    if is_select {
                        now(&h, path);
                    } else {
                        h.touched.borrow_mut().insert(path);
                        schedule(&h, path);
                    }
                }
            }));
            let me = host.me.clone();
            listeners.push(EventListener::new(&target, "change", move |_| {
                if let Some(h) = me.upgrade() {
                    if path == COUNTRY {
                        h.country_changed();
                    }
                    if is_select {
                        now(&h, path);
                    }
                }
            }));
            let me = host.me.clone();
            listeners.push(EventListener::new(&target, "blur", move |_| {
                if let Some(h) = me.upgrade() {
                    now(&h, path);
                }
            }));
        }
    }
    if let Some(checkbox) = host.doc.get_element_by_id(&element_id(SUB_CUSTOMER)) {
        let me = host.me.clone();
        listeners.push(EventListener::new(&checkbox, "change", move |_| {
            if let Some(h) = me.upgrade() {
                h.sub_customer_changed();
                h.save_draft();
                revalidate_touched(&h);
            }
        }));
    }
    revalidate_touched(host);
    listeners
}

fn schedule(h: &Rc<Host>, path: &'static str) {
    let me = h.me.clone();
    let timer = Timeout::new(DEBOUNCE_MS, move || {
        if let Some(h) = me.upgrade() {
            h.timers.borrow_mut().remove(path);
            check(&h, path, false);
            h.save_draft();
        }
    });
    // Replacing the timer drops (cancels) the previous one.
    h.timers.borrow_mut().insert(path, timer);
}

/// Checks a field at once (blur, change), writing its normalized value back.
fn now(h: &Rc<Host>, path: &'static str) {
    if let Some(t) = h.timers.borrow_mut().remove(path) {
        t.cancel();
    }
    h.touched.borrow_mut().insert(path);
    check(h, path, true);
    if path == COUNTRY {
        let touched: Vec<&'static str> =
            DEPENDS_ON_COUNTRY.iter().copied().filter(|p| h.touched.borrow().contains(p)).collect();
        for p in touched {
            check(h, p, false);
        }
    }
    h.save_draft();
}

/// Validates one field and renders its messages. Returns the report.
pub fn check(h: &Rc<Host>, path: &'static str, write_back: bool) -> Report {
    let values = h.values();
    let value = values.get(path).to_owned();
    let report = h.validator.validate_field(path, Slot::Value(value), h.record());
    h.render_field(path, &report);
    if write_back && report.valid && path != fields::STATE {
        h.write_normalized(&report, &[path]);
    }
    if path == DOMAIN {
        crate::availability::domain_checked(h, &report);
    }
    report
}

/// Checks again every field the user has touched (after the checkbox or a restored draft changed the context).
pub fn revalidate_touched(h: &Rc<Host>) {
    let touched: Vec<&'static str> = h.touched.borrow().iter().copied().collect();
    for path in touched {
        check(h, path, false);
    }
}
