//! Checking as the user types: input → debounce (~250 ms, gloo-timers) → one `Validator::validate_field` → render.
//! While the user types, the input keeps exactly what they typed and the caret stays where it is: nothing is written
//! into it. Leaving a field (blur) or changing a list checks it at once and, for a valid code-like field only, writes
//! its canonical form back (`rules.md` section 0; the kind comes from the core's schema, [`fields::rewritten_on_blur`]);
//! free text (names, address lines, city, an open-list state) is never rewritten. A field check's result covers the
//! field and the fields whose verdict depends on it (`request.md`, "Field result": the core's dependency table, e.g. the
//! postcode after the state changed, or the whole address with the phone after the country changed): the messages of
//! exactly those paths are replaced, and no others.

use crate::fields::{Values, COUNTRY, DOMAIN, SUB_CUSTOMER, TEXT_FIELDS};
use crate::form::FormState;
use crate::{dom, fields, view};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use tenantcheck_core::record::{self, PlaceMut, Record, Slot};
use tenantcheck_core::{FieldReport, FieldValue};

/// The debounce of checks while typing.
pub const DEBOUNCE_MS: u32 = 250;

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
                let values = check(&h, SUB_CUSTOMER, false).1;
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

/// Checks an edited field (or the checkbox) with one `Validator::validate_field`: reads the form once, and renders the
/// paths its result covers ([`render_covered`]). With `write_back` (blur, change; never while typing), a valid
/// code-like field gets its canonical value ([`FormState::write_checked`]). Returns the result and the form's values
/// (as written back).
pub fn check(h: &Rc<FormState>, path: &'static str, write_back: bool) -> (FieldReport, Values) {
    let mut values = h.values();
    let mut record = h.record_of(&values);
    // The field's value as the record holds it (a hidden reseller field holds none).
    let value = take_value(&mut record, path);
    let result = h.validator.validate_field(path, value, record);
    render_covered(h, path, &result);
    if write_back {
        h.write_checked(&result, &mut values);
    }
    if path == DOMAIN {
        crate::availability::domain_field_checked(h, &result);
    }
    (result, values)
}

/// The value of the field at `path`, taken out of `record`: the flag's, or text.
fn take_value(record: &mut Record, path: &str) -> FieldValue {
    match record::place_at(record, path) {
        Some(PlaceMut::Flag(flag)) => FieldValue::Flag(std::mem::take(flag)),
        Some(PlaceMut::Text(text)) => FieldValue::Text(std::mem::take(text)),
        _ => FieldValue::Text(Slot::Absent),
    }
}

/// Replaces the messages of exactly the paths a field result covers: those of the edited field and of the fields the
/// user has touched are rendered from the result; an untouched one is only cleared (a field the user has not reached
/// yet shows no errors). Paths it does not cover keep theirs.
fn render_covered(h: &FormState, path: &str, result: &FieldReport) {
    let touched = h.touched.borrow();
    for p in &result.covered {
        if *p == path || touched.contains(p) {
            h.render_issues(p, &result.errors, &result.warnings);
        } else {
            h.render_issues(p, &[], &[]);
        }
    }
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
    fn a_field_value_is_taken_from_the_record() {
        let mut v = Values::default();
        v.set("account.email", "it@contoso.com");
        v.sub_customer = true;
        let mut record = v.to_record(false);
        assert_eq!(take_value(&mut record, "account.email"), FieldValue::Text(Slot::Value("it@contoso.com".into())));
        assert_eq!(take_value(&mut record, SUB_CUSTOMER), FieldValue::Flag(Slot::Value(true)));
        // A hidden reseller field holds no value.
        assert_eq!(take_value(&mut record, fields::RESELLER), FieldValue::Text(Slot::Null));
    }

    /// What a field check renders: the core's covered paths (the dependency table of `request.md`), e.g. a state
    /// check re-renders the postcode, a country check the whole address with the phone and the registration number.
    #[test]
    fn an_edit_covers_what_depends_on_it() {
        let v = tenantcheck_core::Validator::new();
        let mut values = Values::default();
        values.set(COUNTRY, "US");
        let covered = |path: &'static str| {
            let mut record = values.to_record(true);
            let value = take_value(&mut record, path);
            v.validate_field(path, value, record).covered
        };
        assert_eq!(covered(fields::STATE), [fields::STATE, "account.billingAddress.postalCode"]);
        let country = covered(COUNTRY);
        for p in fields::ADDRESS.iter().map(|(_, p)| *p).chain(["account.phone", "account.registrationNumber"]) {
            assert!(country.contains(&p), "{p}");
        }
        assert!(!country.contains(&DOMAIN));
        assert_eq!(covered("account.email"), ["account.email"]);
        assert!(covered(SUB_CUSTOMER).contains(&fields::RESELLER));
    }
}
