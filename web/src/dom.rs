//! Small DOM helpers: typed lookups that never panic, and console messages.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

/// Logs an error on the console.
pub fn error(msg: &str) {
    web_sys::console::error_1(&msg.into());
}

/// Logs a warning on the console.
pub fn warn(msg: &str) {
    web_sys::console::warn_1(&msg.into());
}

/// The page's local storage, or `None` where there is none or it is blocked (a private window, a storage policy):
/// then the form keeps no draft and no offline queue, but still validates and submits online. Never panics.
pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The element with this id, of type `T`.
pub fn by_id<T: JsCast>(doc: &Document, id: &str) -> Option<T> {
    doc.get_element_by_id(id).and_then(|e| e.dyn_into::<T>().ok())
}

/// The first `<meta name="{name}">` of a document.
pub fn meta(doc: &Document, name: &str) -> Option<Element> {
    let metas = doc.get_elements_by_tag_name("meta");
    (0..metas.length()).filter_map(|i| metas.item(i)).find(|m| m.get_attribute("name").as_deref() == Some(name))
}

/// Shows or hides an element with the `hidden` attribute.
pub fn set_hidden(el: &Element, hidden: bool) {
    let _ = el.toggle_attribute_with_force("hidden", hidden);
}

/// Sets or removes a boolean attribute.
pub fn set_flag(el: &Element, name: &str, on: bool) {
    let _ = el.toggle_attribute_with_force(name, on);
}

pub fn set_attr(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// The value of an `<input>` or `<select>`; `""` for anything else.
pub fn value_of(el: &Element) -> String {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}

/// Sets the value of an `<input>` or `<select>`.
pub fn set_value(el: &Element, value: &str) {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        if i.value() != value {
            i.set_value(value);
        }
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.set_value(value);
    }
}

/// Sets the custom validity of an `<input>` or `<select>` (for `:invalid` styling; the form has `novalidate`).
pub fn set_validity(el: &Element, message: &str) {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_custom_validity(message);
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.set_custom_validity(message);
    }
}

/// Appends an `<option>` with a value and a text.
pub fn add_option(doc: &Document, select: &Element, value: &str, text: &str) {
    if let Ok(opt) = doc.create_element("option") {
        set_attr(&opt, "value", value);
        opt.set_text_content(Some(text));
        let _ = select.append_child(&opt);
    }
}

/// Removes every child of an element.
pub fn clear(el: &Element) {
    el.set_text_content(None);
}

/// Moves the focus to an element, if it can take it.
pub fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}
