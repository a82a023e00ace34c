//! The JavaScript side of [`crate::host::Locales`]: CLDR's plural rules and region names in any language, by the
//! engine's `Intl.PluralRules` and `Intl.DisplayNames`, so the npm package ships neither (`docs/messages.md`).

use super::JsDisplayNames;
use alloc::string::String;
#[cfg(feature = "catalog")]
use core::cell::RefCell;
#[cfg(feature = "catalog")]
use wasm_bindgen::prelude::*;

#[cfg(feature = "catalog")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type JsPluralRules;
    /// `new Intl.PluralRules(locale)`, catching the `RangeError` of a malformed tag.
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "PluralRules")]
    fn new(locale: &str) -> Result<JsPluralRules, JsValue>;
    /// `pluralRules.select(n)`: `zero`, `one`, `two`, `few`, `many` or `other`.
    #[wasm_bindgen(method)]
    fn select(this: &JsPluralRules, n: f64) -> String;
}

#[cfg(feature = "catalog")]
thread_local! {
    /// The last language's `Intl.PluralRules(locale)` (`undefined` where the engine refused the tag), by tag: a
    /// catalog asks for every count in its own language.
    static PLURALS: RefCell<(String, JsValue)> = const { RefCell::new((String::new(), JsValue::UNDEFINED)) };
}

/// The plural rules kept in `cell` for `locale`, made when the kept ones are another language's. Made and used
/// outside the cell's borrow: JS runs there, and a page's own code could call back in (a cell then found borrowed is
/// not updated, which only costs rules made again).
#[cfg(feature = "catalog")]
fn kept(cell: &RefCell<(String, JsValue)>, locale: &str) -> Option<JsValue> {
    let kept = cell.try_borrow().ok().filter(|c| c.0 == locale).map(|c| c.1.clone());
    let rules = match kept {
        Some(kept) => kept,
        None => {
            let made = JsPluralRules::new(locale).map_or(JsValue::UNDEFINED, Into::into);
            if let Ok(mut slot) = cell.try_borrow_mut() {
                *slot = (locale.into(), made.clone());
            }
            made
        }
    };
    (!rules.is_undefined()).then_some(rules)
}

/// A region's name in a language: `new Intl.DisplayNames([locale], { type: 'region' }).of(code)`. Made for each
/// name, not kept: a picker's 250 names take a few milliseconds so (Node.js 20: 5–8 ms), and a cache of the last
/// language's was 0.16 KB of the package's gzip size.
pub(super) fn region_name(locale: &str, code: &str) -> Option<String> {
    let options = super::js::json_parse(r#"{"type":"region"}"#).ok()?;
    JsDisplayNames::new(locale, &options).ok()?.of(code).ok()?.as_string()
}

#[cfg(feature = "catalog")]
fn plural_category(locale: &str, n: i64) -> Option<&'static str> {
    let rules = PLURALS.with(|cell| kept(cell, locale))?;
    let category = rules.unchecked_ref::<JsPluralRules>().select(n as f64);
    ["zero", "one", "two", "few", "many", "other"].into_iter().find(|c| *c == category)
}

/// Without the catalogs (the package fills English only, `docs/messages.md`) no message counts in another language:
/// the engine's plural rules would be an import the module never calls.
#[cfg(not(feature = "catalog"))]
fn plural_category(_: &str, _: i64) -> Option<&'static str> {
    None
}

/// Lends the engine's plural rules and region names to the core ([`crate::host::install_locales`]). Idempotent.
pub fn install_locales() {
    crate::host::install_locales(crate::host::Locales { plural_category, region_name });
}
