//! The form's state ([`FormState`]), shared by its listeners: this module reads the fields into a `Record`, writes
//! normalized values back, fills the country picker from the core's country list and switches the state field between
//! a list and free text. The listeners are attached by [`crate::Form`] (lib.rs), above this module.

use crate::config::Config;
use crate::dom::{self, by_id, set_flag, set_hidden};
use crate::fields::{self, element_id, Values, COUNTRY, STATE, SUB_CUSTOMER, TEXT_FIELDS};
use crate::submission::{Machine, SuggestedAddress};
use crate::texts::{self, Shown};
use crate::view::{self, Level};
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use tenantcheck_core::countries::picker::{Language, PickerEntry};
use tenantcheck_core::countries::{self, COUNTRIES};
use tenantcheck_core::record::{Record, Slot};
use tenantcheck_core::{FieldReport, FieldValue, Issue, Params, Report, Validator};
use web_sys::{Document, Element, HtmlFormElement, HtmlInputElement};

/// The state shared by the form's listeners and timers. Closures hold a `Weak` to it, so dropping the
/// [`crate::Form`] frees everything.
pub struct FormState {
    pub me: Weak<FormState>,
    pub config: Config,
    pub validator: Validator,
    pub doc: Document,
    pub form: HtmlFormElement,
    pub machine: RefCell<Machine>,
    /// Fields the user has typed in or left: their messages are kept current.
    pub touched: RefCell<Paths>,
    /// One debounce timer per field.
    pub timers: RefCell<Timers>,
    pub availability_timer: RefCell<Option<Timeout>>,
    /// The full domain last asked about, and a counter that drops stale answers.
    pub availability_asked: RefCell<String>,
    pub availability_seq: Cell<u32>,
    pub retry_timer: RefCell<Option<Timeout>>,
    pub suggestion: RefCell<Option<SuggestedAddress>>,
    /// The idempotency key of this form's entry last written to (or read from) the offline queue.
    pub persisted: RefCell<Option<String>>,
    /// Why the last write to the offline queue failed, while it does.
    pub storage_error: RefCell<Option<String>>,
}

impl FormState {
    /// The state of a form element and its configuration, before anything is attached.
    pub fn new(form: HtmlFormElement, doc: Document, config: Config) -> Rc<FormState> {
        let machine = Machine {
            max_attempts: config.max_attempts,
            base_delay_ms: config.retry_base_ms,
            jitter: js_sys::Math::random,
            ..Machine::default()
        };
        Rc::new_cyclic(|me| FormState {
            me: me.clone(),
            config,
            validator: Validator::new(),
            doc,
            form,
            machine: RefCell::new(machine),
            touched: RefCell::default(),
            timers: RefCell::default(),
            availability_timer: RefCell::default(),
            availability_asked: RefCell::default(),
            availability_seq: Cell::new(0),
            retry_timer: RefCell::default(),
            suggestion: RefCell::default(),
            persisted: RefCell::default(),
            storage_error: RefCell::default(),
        })
    }

    /// Fills the pickers and restores the draft (before the listeners are attached).
    pub fn prepare(&self) {
        self.fill_countries();
        self.show_reseller_field();
        self.restore_draft();
        self.country_changed();
        self.sub_customer_changed();
    }

    /// The control of a field (for the state: the one in use).
    pub fn control(&self, path: &str) -> Option<Element> {
        if path == STATE {
            let list = self.doc.get_element_by_id(&format!("{}-list", element_id(STATE)));
            if let Some(list) = list.filter(|l| !l.has_attribute("hidden")) {
                return Some(list);
            }
        }
        self.doc.get_element_by_id(&element_id(path))
    }

    pub fn submit_button(&self) -> Option<Element> {
        self.doc.get_element_by_id("tc-submit")
    }

    fn checkbox(&self) -> Option<HtmlInputElement> {
        by_id(&self.doc, &element_id(SUB_CUSTOMER))
    }

    /// What the user typed.
    pub fn values(&self) -> Values {
        let mut v = Values::default();
        for path in TEXT_FIELDS {
            if let Some(el) = self.control(path) {
                v.set(path, dom::value_of(&el));
            }
        }
        v.sub_customer = self.checkbox().is_some_and(|c| c.checked());
        v
    }

    /// The record these values make, with the page's configuration.
    pub fn record_of(&self, values: &Values) -> Record {
        let mut r = values.to_record(self.config.shows_reseller_field());
        self.config.apply(&mut r);
        r
    }

    /// Writes values into the form (the state after the country, so the right control takes it).
    pub fn write(&self, values: &Values, only: Option<&[&str]>) {
        let wanted = |p: &str| only.is_none_or(|o| o.contains(&p));
        if wanted(COUNTRY) {
            if let Some(el) = self.control(COUNTRY) {
                dom::set_value(&el, values.get(COUNTRY));
            }
            self.country_changed();
        }
        for path in TEXT_FIELDS.iter().copied().filter(|p| *p != COUNTRY && wanted(p)) {
            if let Some(el) = self.control(path) {
                dom::set_value(&el, values.get(path));
            }
        }
    }

    /// Whether the state is chosen from a closed list (the list is shown), which makes it code-like.
    fn state_list_shown(&self) -> bool {
        self.control(STATE).is_some_and(|c| c.tag_name().eq_ignore_ascii_case("select"))
    }

    /// Writes the normalized values of a report back into the fields that are valid and code-like (`rules.md`
    /// section 0: free text is never rewritten: `12½ Grafton Street` stays as typed); `current` holds what the form
    /// shows and is updated with what was written.
    pub fn write_normalized(&self, report: &Report, paths: &[&str], current: &mut Values) {
        let Some(normalized) = &report.normalized else { return };
        let values = Values::from_record(normalized);
        let closed_list = self.state_list_shown();
        // Only valid code-like fields, and only changed ones (writing the country would rebuild the state list).
        let ok: Vec<&str> = paths
            .iter()
            .copied()
            .filter(|p| fields::rewritten_on_blur(p, closed_list))
            .filter(|p| !report.errors.iter().any(|i| i.field == *p) && current.get(p) != values.get(p))
            .collect();
        if ok.is_empty() {
            return;
        }
        self.write(&values, Some(&ok));
        for p in ok {
            current.set(p, values.get(p));
        }
    }

    /// Renders one field's errors and warnings from a report.
    pub fn render_field(&self, path: &str, report: &Report) {
        self.render_issues(path, &report.errors, &report.warnings);
    }

    /// Renders one field's errors and warnings from lists of issues (a report's, a field result's): its earlier
    /// messages go.
    pub fn render_issues(&self, path: &str, errors: &[Issue], warnings: &[Issue]) {
        let mut messages: Vec<(Level, String)> = Vec::new();
        messages.extend(errors.iter().filter(|i| i.field == path).map(|i| (Level::Error, texts::issue_message(i))));
        messages.extend(warnings.iter().filter(|i| i.field == path).map(|i| (Level::Warning, texts::issue_message(i))));
        let shown: Vec<(Level, &str)> = messages.iter().map(|(l, m)| (*l, m.as_str())).collect();
        view::field(&self.doc, path, &shown);
    }

    /// Writes a field result's normalized value back into its field, where it is valid and code-like and differs
    /// from what the form shows (as [`FormState::write_normalized`] does for a whole report); `current` is updated.
    pub fn write_checked(&self, result: &FieldReport, current: &mut Values) {
        let (path, FieldValue::Text(Slot::Value(value))) = (result.field.as_ref(), &result.value) else { return };
        let valid = !result.errors.iter().any(|i| i.field == path);
        if valid && fields::rewritten_on_blur(path, self.state_list_shown()) && current.get(path) != value {
            let mut values = current.clone();
            values.set(path, value.as_str());
            self.write(&values, Some(&[path]));
            current.set(path, value.as_str());
        }
    }

    /// Fills the country picker: the configured markets, else Partner Center's CSP markets, by name.
    fn fill_countries(&self) {
        let Some(select) = self.doc.get_element_by_id(&element_id(COUNTRY)) else {
            dom::error("tenantcheck: the country field is missing");
            return;
        };
        // The core checks the configured markets (`country::parse_markets`); a list it refuses is not in force, so
        // the picker offers Partner Center's CSP markets, as the country rule then accepts.
        let report = self.validator.validate(self.record_of(&Values::default()));
        let refused = report.errors.iter().find(|i| i.field.starts_with("markets"));
        if let Some(issue) = refused {
            dom::warn(&format!("tenantcheck: data-markets ({}): {}", issue.field, issue.message));
        }
        let markets: Option<Vec<&str>> = report
            .normalized
            .as_ref()
            .and_then(|r| r.markets.value())
            .filter(|_| refused.is_none())
            .map(|list| list.iter().map(|code| code.as_str()).collect());
        let list: Vec<&countries::Country> = COUNTRIES
            .iter()
            .filter(|c| match &markets {
                Some(m) => m.contains(&c.code()),
                None => c.is_csp_market(),
            })
            .collect();
        // Named in the page's language (CLDR: `Intl.DisplayNames`) and sorted in it (`Intl.Collator`).
        let tag = texts::with_catalog(|c| c.map(|c| c.locale().to_owned())).unwrap_or_else(|| "en".to_owned());
        let language = Language::new(&tag);
        let mut named: Vec<(&str, String)> =
            list.iter().map(|c| (c.code(), language.country_name(c).into_owned())).collect();
        sort_in(&tag, &mut named);
        for (code, name) in named {
            dom::add_option(&self.doc, &select, code, &name);
        }
    }

    /// Shows the Reseller (MPN ID) field only where the CSP model has it.
    pub fn show_reseller_field(&self) {
        if let Some(row) = self.doc.get_element_by_id(&format!("{}-row", element_id(fields::RESELLER))) {
            set_hidden(&row, !self.config.shows_reseller_field());
        }
    }

    /// The country changed: switch the state between list and free text, and name the state, the postcode (its
    /// label and example) and the registration number as the country does (`countries::picker`, in the page's
    /// language).
    pub fn country_changed(&self) {
        let code = self.control(COUNTRY).map(|e| dom::value_of(&e)).unwrap_or_default();
        let country = countries::lookup(code.trim());
        let rules = country.map(|c| self.validator.rules_for(c));
        texts::with_catalog(|catalog| {
            let language = catalog.map_or(Language::ENGLISH, Language::with_catalog);
            let entry = rules.as_ref().map(|r| PickerEntry::new(r, &language));
            self.show_state_field(entry.as_ref(), rules.as_ref().map(|r| r.supported_states));
            self.show_country_words(entry.as_ref());
        });
    }

    /// The state as a list of `{code, name}` where the country's list is closed, else as free text.
    fn show_state_field(&self, entry: Option<&PickerEntry>, states: Option<countries::States>) {
        let state_id = element_id(STATE);
        let input = self.doc.get_element_by_id(&state_id);
        let list = self.doc.get_element_by_id(&format!("{state_id}-list"));
        let typed = self.control(STATE).map(|e| dom::value_of(&e)).unwrap_or_default();
        let (Some(input), Some(list)) = (&input, &list) else { return };
        match (entry, states.filter(|s| !s.is_empty())) {
            (Some(entry), Some(states)) => {
                dom::clear(list);
                dom::add_option(&self.doc, list, "", &texts::CHOOSE_STATE.show());
                entry.states.each(|option| {
                    let label = if option.name == option.code || option.name.is_empty() {
                        option.code.to_owned()
                    } else {
                        format!("{} – {}", option.code, option.name)
                    };
                    dom::add_option(&self.doc, list, option.code, &label);
                });
                let mapped = states.find(typed.trim()).unwrap_or("").to_owned();
                dom::set_value(list, &mapped);
                for (el, on) in [(list, true), (input, false)] {
                    set_hidden(el, !on);
                    set_flag(el, "disabled", !on);
                }
                self.label_state(&format!("{state_id}-list"), true);
            }
            _ => {
                if !list.has_attribute("hidden") {
                    dom::set_value(input, &typed);
                }
                for (el, on) in [(list, false), (input, true)] {
                    set_hidden(el, !on);
                    set_flag(el, "disabled", !on);
                }
                self.label_state(&state_id, false);
            }
        }
    }

    /// The country's words: the state's and the postcode's labels, the postcode's example, the registration
    /// number's local term; the page's own words without a country.
    fn show_country_words(&self, entry: Option<&PickerEntry>) {
        let set = |id: &str, text: &str| view::text(&self.doc, id, text);
        let state_label = entry.map_or_else(|| texts::LABEL_STATE.show(), |e| capitalized(e.state.label));
        set(&format!("{}-name", element_id(STATE)), &state_label);
        let postcode = entry.and_then(|e| e.postal_code.as_ref());
        let postcode_label = postcode.map_or_else(|| texts::LABEL_POSTCODE.show(), |p| capitalized(p.label));
        let postcode_id = element_id(fields::ADDRESS[5].1);
        set(&format!("{postcode_id}-label"), &postcode_label);
        let hint = match (entry, postcode) {
            (None, _) => String::new(),
            (Some(e), None) => texts::NO_POSTCODES.fill(&Params::default().with("country", e.code)),
            (Some(_), Some(p)) => match p.example {
                Some(ex) => texts::POSTCODE_EXAMPLE.fill(&Params::default().with("example", ex)),
                None => String::new(),
            },
        };
        set(&format!("{postcode_id}-hint"), &hint);
        let registration = match entry.and_then(|e| e.registration_number.term) {
            Some(term) => texts::HINT_REGISTRATION_TERM.fill(&Params::default().with("term", term)),
            None => texts::HINT_REGISTRATION.show(),
        };
        set(&format!("{}-hint", element_id("account.registrationNumber")), &registration);
    }

    fn label_state(&self, control_id: &str, required: bool) {
        let state_id = element_id(STATE);
        if let Some(label) = self.doc.get_element_by_id(&format!("{state_id}-label")) {
            dom::set_attr(&label, "for", control_id);
        }
        if let Some(opt) = self.doc.get_element_by_id(&format!("{state_id}-optional")) {
            set_hidden(&opt, required);
        }
    }

    /// The sub-customer box changed: the own address becomes optional.
    pub fn sub_customer_changed(&self) {
        let sub = self.checkbox().is_some_and(|c| c.checked());
        if let Some(note) = self.doc.get_element_by_id("tc-address-note") {
            set_hidden(&note, !sub);
        }
        for path in [COUNTRY, fields::ADDRESS[1].1, fields::ADDRESS[3].1] {
            if let Some(el) = self.doc.get_element_by_id(&element_id(path)) {
                set_flag(&el, "required", !sub);
            }
        }
    }

    /// Saves what the user typed (the form's values) as the draft, so nothing is lost on a reload (not without local
    /// storage).
    pub fn save_values(&self, values: &Values) {
        let Some(storage) = dom::storage() else { return };
        let json = match serde_json::to_string(values) {
            Ok(json) => json,
            Err(e) => return dom::warn(&format!("tenantcheck: could not save the draft: {e}")),
        };
        if let Err(e) = storage.set_item(&self.config.draft_key(), &json) {
            dom::warn(&format!("tenantcheck: could not save the draft: {e:?}"));
        }
    }

    pub fn clear_draft(&self) {
        if let Some(storage) = dom::storage() {
            let _ = storage.remove_item(&self.config.draft_key());
        }
    }

    /// Puts `values` into the form: every field and the sub-customer box.
    pub fn fill(&self, values: &Values) {
        self.write(values, None);
        if let Some(c) = self.checkbox() {
            c.set_checked(values.sub_customer);
        }
    }

    /// Restores the draft of an earlier visit; its non-empty fields are checked at once.
    fn restore_draft(&self) {
        let Some(json) = dom::storage().and_then(|s| s.get_item(&self.config.draft_key()).ok().flatten()) else {
            return;
        };
        let Some(values) = Values::parse(&json) else { return };
        self.fill(&values);
        let mut touched = self.touched.borrow_mut();
        touched.extend(TEXT_FIELDS.iter().copied().filter(|p| !values.get(p).trim().is_empty()));
    }
}

/// Field paths as a small set in sorted order (the order the `BTreeSet` it replaces iterated in; the form has about
/// 20 fields): a `BTreeSet` or `BTreeMap` is 3 to 5 KB of this module per key and value type.
#[derive(Debug, Default)]
pub struct Paths(Vec<&'static str>);

impl Paths {
    pub fn insert(&mut self, path: &'static str) {
        if let Err(i) = self.0.binary_search(&path) {
            self.0.insert(i, path);
        }
    }

    pub fn extend(&mut self, paths: impl IntoIterator<Item = &'static str>) {
        for p in paths {
            self.insert(p);
        }
    }

    pub fn contains(&self, path: &str) -> bool {
        self.0.contains(&path)
    }

    pub fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.0.iter()
    }
}

/// One debounce timer per field path (a few at a time), as a list (see [`Paths`]).
#[derive(Default)]
pub struct Timers(Vec<(&'static str, Timeout)>);

impl Timers {
    /// Sets the field's timer; returns the one it replaces (dropping it cancels it).
    pub fn insert(&mut self, path: &'static str, timer: Timeout) -> Option<Timeout> {
        match self.0.iter_mut().find(|(p, _)| *p == path) {
            Some(slot) => Some(std::mem::replace(&mut slot.1, timer)),
            None => {
                self.0.push((path, timer));
                None
            }
        }
    }

    /// Takes the field's timer out.
    pub fn remove(&mut self, path: &str) -> Option<Timeout> {
        let i = self.0.iter().position(|(p, _)| *p == path)?;
        Some(self.0.swap_remove(i).1)
    }

    /// Takes every timer out.
    pub fn take_all(&mut self) -> Vec<(&'static str, Timeout)> {
        std::mem::take(&mut self.0)
    }
}

/// A label as a label starts: its first letter upper case (`ZIP code`, `postcode` → `Postcode`).
/// The engine's `toUpperCase` (the same Unicode mapping as Rust's), so the module carries no case tables.
fn capitalized(word: &str) -> String {
    let Some(first) = word.chars().next() else { return String::new() };
    let (head, rest) = word.split_at(first.len_utf8());
    let mut out = String::from(js_sys::JsString::from(head).to_upper_case());
    out.push_str(rest);
    out
}

/// Sorts `(code, name)` by name in the language of `tag` (`Intl.Collator`), else by the names' code points.
fn sort_in(tag: &str, named: &mut [(&str, String)]) {
    let locales = js_sys::Array::of1(&tag.into());
    let compare = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new()).compare();
    let less = |a: &(&str, String), b: &(&str, String)| {
        let order = compare.call2(&wasm_bindgen::JsValue::NULL, &a.1.as_str().into(), &b.1.as_str().into());
        match order.ok().and_then(|o| o.as_f64()) {
            Some(o) => o < 0.0,
            None => a.1 < b.1,
        }
    };
    // A binary insertion sort, stable as `sort_by` (each item goes after its equals): a few hundred names, about
    // 2,000 comparisons; the standard library's sorts were 5 KB of this module.
    for i in 1..named.len() {
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if less(&named[i], &named[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        named[lo..=i].rotate_right(1);
    }
}
