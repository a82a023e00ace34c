//! Checking as the user types: input → debounce (~250 ms, gloo-timers) → one `Validator::validate_fields` → render.
//! While the user types, the input keeps exactly what they typed and the caret stays where it is: nothing is written
//! into it. Leaving a field (blur) or changing a list checks it at once and, for a valid code-like field only, writes
//! its canonical form back (`rules.md` section 0; the kind comes from the core's schema, [`fields::rewritten_on_blur`]);
//! free text (names, address lines, city, an open-list state) is never rewritten. An edit in the
//! billing address re-checks the whole address with the fields whose rules read its country (the core's cross-field
//! rules, e.g. a US ZIP against the state, land on the postcode); any other edit checks the edited field.

use crate::fields::{self, Values, COUNTRY, DOMAIN, SUB_CUSTOMER, TEXT_FIELDS};
use crate::form::FormState;
use crate::{dom, view};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use tenantcheck_core::Report;

/// The debounce of checks while typing.
pub const DEBOUNCE_MS: u32 = 250;

/// Fields outside the billing address whose rules read it (its country).
const READ_THE_ADDRESS: [&str; 2] = ["account.phone", "account.registrationNumber"];

/// The fields an edit of `path` can change the messages of: itself, and for a billing-address field the whole address
/// with [`READ_THE_ADDRESS`].
pub fn affected(path: &'static str) -> Vec<&'static str> {
    if fields::ADDRESS.iter().any(|(_, p)| *p == path) {
        fields::ADDRESS.iter().map(|(_, p)| *p).chain(READ_THE_ADDRESS).collect()
    } else {
        vec![path]
    }
}

/// Attaches the listeners of every field.
pub fn attach(host: &Rc<FormState>) -> Vec<EventListener> {
    let mut listeners = Vec::new();
    for path in TEXT_FIELDS {
        let targets = view::controls(&host.doc, path);
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
    if let Some(checkbox) = host.doc.get_element_by_id(&fields::element_id(SUB_CUSTOMER)) {
        let me = host.me.clone();
        listeners.push(EventListener::new(&checkbox, "change", move |_| {
            if let Some(h) = me.upgrade() {
                h.sub_customer_changed();
                let values = revalidate_touched(&h);
                h.save_values(&values);
            }
        }));
    }
    revalidate_touched(host);
    listeners
}

fn schedule(h: &Rc<FormState>, path: &'static str) {
    let me = h.me.clone();
    let timer = Timeout::new(DEBOUNCE_MS, move || {
        if let Some(h) = me.upgrade() {
            h.timers.borrow_mut().remove(path);
            let values = check(&h, path, false).1;
            h.save_values(&values);
        }
    });
    // Replacing the timer drops (cancels) the previous one.
    h.timers.borrow_mut().insert(path, timer);
}

/// Checks a field at once (blur, change), writing its normalized value back.
fn now(h: &Rc<FormState>, path: &'static str) {
    if let Some(t) = h.timers.borrow_mut().remove(path) {
        t.cancel();
    }
    h.touched.borrow_mut().insert(path);
    let values = check(h, path, true).1;
    h.save_values(&values);
}

/// Checks an edited field and the touched fields it affects ([`affected`]): reads the form once, validates once, and
/// renders each of them. With `write_back` (blur, change; never while typing), a valid code-like edited field gets
/// its canonical value ([`FormState::write_normalized`]). Returns the report and
/// the form's values (as written back).
pub fn check(h: &Rc<FormState>, path: &'static str, write_back: bool) -> (Report, Values) {
    let touched = h.touched.borrow().clone();
    let paths: Vec<&'static str> = affected(path).into_iter().filter(|p| *p == path || touched.contains(p)).collect();
    let mut values = h.values();
    let report = h.validator.validate_fields(&paths, h.record_of(&values));
    for p in &paths {
        h.render_field(p, &report);
    }
    if write_back {
        h.write_normalized(&report, &[path], &mut values);
    }
    if path == DOMAIN {
        crate::availability::domain_checked(h, &report);
    }
    (report, values)
}

/// Checks again every field the user has touched, in one validation (after the checkbox or a restored draft changed
/// the context). Returns the form's values.
pub fn revalidate_touched(h: &Rc<FormState>) -> Values {
    let touched: Vec<&'static str> = h.touched.borrow().iter().copied().collect();
    let values = h.values();
    if touched.is_empty() {
        return values;
    }
    let report = h.validator.validate_fields(&touched, h.record_of(&values));
    for path in &touched {
        h.render_field(path, &report);
    }
    if touched.contains(&DOMAIN) {
        crate::availability::domain_checked(h, &report);
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_edit_affects_the_address_and_what_reads_its_country() {
        let a = affected(fields::STATE);
        for p in ["account.billingAddress.postalCode", "account.billingAddress.city", COUNTRY, "account.phone"] {
            assert!(a.contains(&p), "{p}");
        }
        assert!(a.contains(&"account.registrationNumber") && !a.contains(&DOMAIN));
        assert_eq!(affected("account.email"), ["account.email"]);
        assert_eq!(affected("account.phone"), ["account.phone"]);
    }
}
