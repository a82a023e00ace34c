//! The browser host of tenantcheck: binds the form of `index.html` to the core, compiled in (no hand-written
//! JavaScript). `start` finds the form, reads its configuration from `data-*` attributes and builds one
//! [`form::Form`] that owns its listeners.
//!
//! Modules, named for what they do: [`config`] (data attributes → [`config::Config`]), [`fields`] (paths, ids, the
//! typed values and draft), [`form`] (DOM ↔ record), [`view`] (rendering: text and attributes only), [`live`]
//! (checks as the user types), [`availability`] (the domain's `HEAD` check), [`submission`] (the pure state
//! machine), [`submit`] (drives it over the network), [`queue`] (the offline queue).

pub use tenantcheck_core as core;

pub mod availability;
pub mod config;
pub mod dom;
pub mod fields;
pub mod form;
pub mod live;
pub mod queue;
pub mod submission;
pub mod submit;
pub mod view;

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The id of the form `start` binds.
pub const FORM_ID: &str = "tenantcheck-form";

thread_local! {
    /// The page's form. Kept here for the page's lifetime (the listeners live as long as it does); replaced, and the
    /// old one dropped with its listeners, only if `start` runs again.
    static FORM: RefCell<Option<form::Form>> = const { RefCell::new(None) };
}

/// The allocator: talc, as in the npm package (a fraction of dlmalloc's size in WebAssembly). Single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Runs when the module loads: binds `#tenantcheck-form`. Without the form (e.g. in a test page) it only logs.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    tenantcheck_core::js_host::install();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        dom::error("tenantcheck: no document");
        return;
    };
    let Some(el) = dom::by_id::<web_sys::HtmlFormElement>(&doc, FORM_ID) else {
        dom::warn(&format!("tenantcheck: no <form id=\"{FORM_ID}\"> on this page; nothing to bind"));
        return;
    };
    match form::Form::attach(el) {
        Ok(f) => FORM.with(|slot| *slot.borrow_mut() = Some(f)),
        Err(e) => dom::error(&format!("tenantcheck: the form could not start: {e}")),
    }
}
