//! The JavaScript side of [`crate::host::Locales`]: CLDR's plural rules and region names in any language, by the
//! engine's `Intl.PluralRules` and `Intl.DisplayNames`, so the npm package ships neither (`docs/messages.md`). The
//! last language's formatter of each kind is kept: a picker asks for 250 names in one language, a catalog for every
//! count in its own.

use super::JsDisplayNames;
use alloc::string::String;
use core::cell::RefCell;
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

thread_local! {
    /// The last language's `Intl.DisplayNames(locale, { type: 'region' })` (`undefined` where the engine refused the
    /// tag), by tag.
    static REGIONS: RefCell<(String, JsValue)> = const { RefCell::new((String::new(), JsValue::UNDEFINED)) };
}

#[cfg(feature = "catalog")]
thread_local! {
    /// The last language's `Intl.PluralRules(locale)`, as [`REGIONS`].
    static PLURALS: RefCell<(String, JsValue)> = const { RefCell::new((String::new(), JsValue::UNDEFINED)) };
}

/// The formatter kept in `cell` for `locale`, made by `make` when the kept one is another language's. Made and used
/// outside the cell's borrow: JS runs there, and a page's own code could call back in (a cell then found borrowed is
/// not updated, which only costs a formatter made again).
fn formatter(cell: &RefCell<(String, JsValue)>, locale: &str, make: fn(&str) -> Option<JsValue>) -> Option<JsValue> {
    let kept = cell.try_borrow().ok().filter(|c| c.0 == locale).map(|c| c.1.clone());
    let formatter = match kept {
        Some(kept) => kept,
        None => {
            let made = make(locale).unwrap_or(JsValue::UNDEFINED);
            if let Ok(mut slot) = cell.try_borrow_mut() {
                *slot = (locale.into(), made.clone());
            }
            made
        }
    };
    (!formatter.is_undefined()).then_some(formatter)
}

pub(super) fn region_name(locale: &str, code: &str) -> Option<String> {
    let names = REGIONS.with(|cell| {
        formatter(cell, locale, |locale| {
            let options = super::js::json_parse(r#"{"type":"region"}"#).ok()?;
            JsDisplayNames::new(locale, &options).ok().map(Into::into)
        })
    })?;
    names.unchecked_ref::<JsDisplayNames>().of(code).ok()?.as_string()
}

#[cfg(feature = "catalog")]
fn plural_category(locale: &str, n: i64) -> Option<&'static str> {
    let rules =
        PLURALS.with(|cell| formatter(cell, locale, |locale| JsPluralRules::new(locale).ok().map(Into::into)))?;
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
