//! The browser host of tenantcheck: binds the form of `index.html` to the core, compiled in (no hand-written
//! JavaScript). `start` finds the form, reads its configuration from `data-*` attributes and builds one [`Form`]
//! that owns its listeners.
//!
//! Modules, named for what they do, each importing only modules below it:
//!
//! ```text
//!  lib (Form: attaches the listeners)
//!   ├─ submit (the driver: machine ↔ DOM, queue, network) ─┐
//!   └─ live (checks as the user types) ────────────────────┤
//!        availability (the domain's HEAD check) ◀──────────┘
//!   form (FormState: DOM ↔ record) · http (fetch, timeout, answers) · queue (one entry per key)
//!   view (text and attributes only) · texts (every text shown, by key) · submission (the pure state machine)
//!   config · fields · json (reading JSON values, no serde deserializer) · dom
//! ```
//!
//! One name, one thing: "host" names a program around the core (this browser host, the native host); the services
//! a host lends the core are [`tenantcheck_core::host::Lent`]; the bound form is [`Form`] (it owns the listeners) and
//! its state [`form::FormState`].

pub use tenantcheck_core as core;

pub mod availability;
pub mod config;
pub mod dom;
pub mod fields;
pub mod form;
pub mod http;
pub mod json;
pub mod live;
pub mod queue;
pub mod submission;
pub mod submit;
pub mod texts;
pub mod view;

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The form, alive as long as this value is: it owns the listeners (gloo `EventListener`s, removed when it is
/// dropped) and shares the [`form::FormState`] with them.
pub struct Form {
    pub state: Rc<form::FormState>,
    _listeners: Vec<gloo_events::EventListener>,
}

impl Form {
    /// Binds a form element: reads its configuration, fills the pickers, restores the draft, attaches the listeners
    /// and sends what an earlier visit left in the offline queue. Fails only when the page lacks the parts it needs.
    pub fn attach(form: web_sys::HtmlFormElement) -> Result<Form, String> {
        let doc = form.owner_document().ok_or("the form is not in a document")?;
        let (config, problems) = config::Config::read(|name| form.get_attribute(name));
        for p in &problems {
            dom::warn(&format!("tenantcheck: {}: {}", p.attribute, p.detail));
        }
        let state = form::FormState::new(form, doc, config);
        state.prepare();
        let mut listeners = live::attach(&state);
        listeners.extend(submit::attach(&state));
        if let Some(button) = state.submit_button() {
            dom::set_flag(&button, "disabled", false);
        }
        submit::resume(&state);
        Ok(Form { state, _listeners: listeners })
    }
}

/// The id of the form `start` binds.
pub const FORM_ID: &str = "tenantcheck-form";

thread_local! {
    /// The page's form. Kept here for the page's lifetime (the listeners live as long as it does); replaced, and the
    /// old one dropped with its listeners, only if `start` runs again.
    static FORM: RefCell<Option<Form>> = const { RefCell::new(None) };
}

/// The allocator: talc, as in the npm package (a fraction of dlmalloc's size in WebAssembly). Single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Runs when the module loads: binds `#tenantcheck-form`. Without the form (e.g. in a test page) it only logs. A page
/// in another language than English (`data-locale`, else `<html lang>`: [`config::Locale`]) first fetches its catalog
/// (`catalogs/<language>.json`); without it (offline, not found) the page stays English and says nothing.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    {
        tenantcheck_core::js_host::install();
        tenantcheck_core::js_host::install_locales();
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        dom::error("tenantcheck: no document");
        return;
    };
    let Some(el) = dom::by_id::<web_sys::HtmlFormElement>(&doc, FORM_ID) else {
        dom::warn(&format!("tenantcheck: no <form id=\"{FORM_ID}\"> on this page; nothing to bind"));
        return;
    };
    let html_lang = doc.document_element().and_then(|root| root.get_attribute("lang"));
    match config::Locale::choose(el.get_attribute("data-locale").as_deref(), html_lang.as_deref()) {
        None => bind(el),
        Some(locale) => wasm_bindgen_futures::spawn_local(async move {
            let (config, _) = config::Config::read(|name| el.get_attribute(name));
            let json = http::catalog(&locale.catalog_url(), config.timeout_ms).await;
            match json.map(|json| core::catalog::Catalog::parse(&locale.tag, &json)) {
                Some(Ok(catalog)) => {
                    texts::set_catalog(Some(catalog));
                    view::translate_page(&doc, &locale.tag);
                }
                Some(Err(e)) => dom::warn(&format!("tenantcheck: {}: {e}", locale.catalog_url())),
                None => {}
            }
            bind(el);
        }),
    }
}

/// Binds the form and keeps it for the page's lifetime.
fn bind(el: web_sys::HtmlFormElement) {
    match Form::attach(el) {
        Ok(f) => FORM.with(|slot| *slot.borrow_mut() = Some(f)),
        Err(e) => dom::error(&format!("tenantcheck: the form could not start: {e}")),
    }
}

#[cfg(test)]
mod layering {
    /// The modules from the bottom up: each may import only modules before it (design.md: "arrows point down only").
    const LAYERS: [(&str, &str); 13] = [
        ("dom", include_str!("dom.rs")),
        ("json", include_str!("json.rs")),
        ("fields", include_str!("fields.rs")),
        ("submission", include_str!("submission.rs")),
        ("config", include_str!("config.rs")),
        ("texts", include_str!("texts.rs")),
        ("view", include_str!("view.rs")),
        ("queue", include_str!("queue.rs")),
        ("http", include_str!("http.rs")),
        ("form", include_str!("form.rs")),
        ("availability", include_str!("availability.rs")),
        ("live", include_str!("live.rs")),
        ("submit", include_str!("submit.rs")),
    ];

    /// The crate modules a source names (`crate::x`, `crate::{x, y::z}`).
    fn imports(src: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for (at, _) in src.match_indices("crate::") {
            let rest = &src[at + "crate::".len()..];
            let group = match rest.strip_prefix('{') {
                Some(g) => &g[..g.find('}').unwrap_or(g.len())],
                None => rest,
            };
            for item in group.split(',') {
                let name = item.trim().split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).next().unwrap_or("");
                if !name.is_empty() {
                    out.push(name);
                }
                if !rest.starts_with('{') {
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn modules_import_only_modules_below_them() {
        let names: Vec<&str> = LAYERS.iter().map(|l| l.0).collect();
        for (i, (module, src)) in LAYERS.iter().enumerate() {
            for name in imports(src) {
                let Some(j) = names.iter().position(|n| *n == name) else { continue };
                assert!(j < i, "{module} imports {name}, which is not below it");
            }
        }
        assert_eq!(
            imports("use crate::{http, texts::x, queue};\ncrate::live::f()"),
            ["http", "texts", "queue", "live"]
        );
    }
}
