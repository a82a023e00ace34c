//! Rendering: text nodes and attributes only (`textContent`, `setAttribute`, `setCustomValidity`, `aria-invalid`).
//! No HTML string is ever built or parsed here: whatever the user or the server wrote shows literally.

use crate::dom::{self, by_id, clear, set_attr, set_hidden};
use crate::fields::{self, element_id, message_id};
use crate::texts;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlAnchorElement};

/// The page's own words in its language: every element with `data-text="host.…"` gets the catalog's text for that key
/// (the page's English stays where the catalog has none, and with no catalog); `<html lang>` becomes the catalog's tag.
pub fn translate_page(doc: &Document, tag: &str) {
    if let Some(root) = doc.document_element() {
        set_attr(&root, "lang", tag);
    }
    let Ok(list) = doc.query_selector_all("[data-text]") else { return };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let key = el.get_attribute("data-text").unwrap_or_default();
        if let Some(text) = texts::translated(&key) {
            el.set_text_content(Some(&text));
        }
    }
}

/// How serious a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

impl Level {
    fn class(self) -> &'static str {
        match self {
            Level::Error => "tc-error",
            Level::Warning => "tc-warning",
        }
    }
}

/// The controls of a field: one, or for the state both the free-text input and the list.
pub fn controls(doc: &Document, path: &str) -> Vec<Element> {
    let id = element_id(path);
    let mut out: Vec<Element> = doc.get_element_by_id(&id).into_iter().collect();
    if path == fields::STATE {
        out.extend(doc.get_element_by_id(&format!("{id}-list")));
    }
    out
}

/// Replaces a field's messages and marks its control valid or invalid.
pub fn field(doc: &Document, path: &str, messages: &[(Level, &str)]) {
    if let Some(container) = doc.get_element_by_id(&message_id(path)) {
        clear(&container);
        for (level, text) in messages {
            if let Ok(span) = doc.create_element("span") {
                set_attr(&span, "class", level.class());
                span.set_text_content(Some(text));
                let _ = container.append_child(&span);
            }
        }
    }
    let first_error = messages.iter().find(|(l, _)| *l == Level::Error).map(|(_, t)| *t);
    for control in controls(doc, path) {
        match first_error {
            Some(msg) => {
                set_attr(&control, "aria-invalid", "true");
                dom::set_validity(&control, msg);
            }
            None => {
                let _ = control.remove_attribute("aria-invalid");
                dom::set_validity(&control, "");
            }
        }
    }
}

/// Sets the text of the element with this id.
pub fn text(doc: &Document, id: &str, text: &str) {
    if let Some(el) = doc.get_element_by_id(id) {
        el.set_text_content(Some(text));
    }
}

/// The summary live region: how many fields need attention (empty when none).
pub fn summary(doc: &Document, fields_with_errors: usize) {
    self::text(doc, "tc-summary", &texts::summary(fields_with_errors));
}

/// Problems on no field of the form (the page's configuration, the reseller's address): a list above the form.
pub fn general(doc: &Document, messages: &[String]) {
    let Some(list) = doc.get_element_by_id("tc-form-errors") else { return };
    clear(&list);
    for m in messages {
        if let Ok(li) = doc.create_element("li") {
            li.set_text_content(Some(m));
            let _ = list.append_child(&li);
        }
    }
    set_hidden(&list, messages.is_empty());
}

/// The submission status: `kind` styles it (`editing`, `sending`, `queued`, `done`, `failed`), `machine` names the
/// state machine's state (for tests and styling), `text` says what happens.
pub fn status(doc: &Document, kind: &str, machine: &str, text: &str) {
    if let Some(el) = doc.get_element_by_id("tc-status") {
        set_attr(&el, "data-state", kind);
        set_attr(&el, "data-machine", machine);
    }
    self::text(doc, "tc-status-text", text);
}

/// Whether a URL may become a link: absolute http(s), without spaces or control characters.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Shows the invitation link (only an http(s) URL becomes a link); `None` hides it. Whether a link is shown.
pub fn invitation(doc: &Document, url: Option<&str>) -> bool {
    let row = doc.get_element_by_id("tc-invitation-row");
    let link: Option<HtmlAnchorElement> = by_id(doc, "tc-invitation");
    let shown = match (url, &link) {
        (Some(u), Some(a)) if is_http_url(u) => {
            set_attr(a, "href", u);
            a.set_text_content(Some(u));
            true
        }
        (_, Some(a)) => {
            let _ = a.remove_attribute("href");
            a.set_text_content(None);
            false
        }
        _ => false,
    };
    if let Some(row) = row {
        set_hidden(&row, !shown);
    }
    shown
}

/// The list of notices above the status (`#tc-notices`, made after `#tc-status` when the page has none): one item
/// per `kind`, replaced when the same kind is said again; a link only to an http(s) URL or a same-site path.
pub fn notice(doc: &Document, form: &Element, kind: &str, text: &str, link: Option<(&str, &str)>) {
    let list = match doc.get_element_by_id("tc-notices") {
        Some(l) => l,
        None => {
            let Ok(l) = doc.create_element("ul") else { return };
            l.set_id("tc-notices");
            set_attr(&l, "class", "tc-notices");
            set_attr(&l, "role", "status");
            match doc.get_element_by_id("tc-status") {
                Some(s) => {
                    let _ = s.after_with_node_1(&l);
                }
                None => {
                    let _ = form.append_child(&l);
                }
            }
            l
        }
    };
    clear_notice(doc, kind);
    let Ok(li) = doc.create_element("li") else { return };
    set_attr(&li, "data-notice", kind);
    li.set_text_content(Some(text));
    if let Some((href, label)) = link.filter(|(u, _)| is_http_url(u) || (u.starts_with('/') && !u.starts_with("//"))) {
        if let Ok(a) = doc.create_element("a") {
            set_attr(&a, "href", href);
            a.set_text_content(Some(label));
            let _ = li.append_with_str_1(" ");
            let _ = li.append_child(&a);
        }
    }
    let _ = list.append_child(&li);
}

/// Removes the notice of one kind, if shown.
pub fn clear_notice(doc: &Document, kind: &str) {
    if let Ok(Some(old)) = doc.query_selector(&format!("#tc-notices [data-notice=\"{kind}\"]")) {
        old.remove();
    }
}

#[cfg(test)]
mod tests {
    use super::is_http_url;

    #[test]
    fn only_http_urls_become_links() {
        assert!(is_http_url("https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=1"));
        assert!(is_http_url("HTTP://x.example"));
        for bad in ["javascript:alert(1)", "data:text/html,x", "//x.example", "https://", "https://a b", "ftp://x"] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }
}
