//! English short names of the countries (Unicode CLDR), for pickers and messages. With the feature `names` they are
//! built in (`data::NAMES`, CLDR through babel, `scripts/gen_countries.py`). Without it, in the WebAssembly builds,
//! the host lends them ([`crate::host`]: `Intl.DisplayNames(['en'], { type: 'region' })` in a JavaScript engine, whose
//! ICU holds the same CLDR names), so the module carries none (`docs/npm-package.md`, "Size"). Where an engine's
//! names are not CLDR's, [`FIXES`] holds CLDR's: both builds give one name for every country.

#[cfg(feature = "names")]
use super::data;
use crate::sync::OnceLock;

/// CLDR's names (babel's, as `data::NAMES` holds them) where a JavaScript engine's differ, `code:name` joined by `|`
/// (the rows of [`super::row_of`]):
/// Chromium 156 names FK `Falkland Islands (Islas Malvinas)`, HK `Hong Kong`, MO `Macao` and PS `Palestine` (its own
/// ICU data); Node.js 20 gives CLDR's names for all 250 codes. A test holds this table to the built-in names.
pub const FIXES: &str = "FK:Falkland Islands|HK:Hong Kong SAR China|MO:Macao SAR China|PS:Palestinian Territories";

/// The name in [`FIXES`] of a country code.
#[cfg_attr(feature = "names", allow(dead_code))]
fn fixed(code: &str) -> Option<&'static str> {
    super::row_of(FIXES, code)
}

/// The name of the `row`th country of the table, built in.
#[cfg(feature = "names")]
pub(super) fn name(row: usize) -> &'static str {
    static SPLIT: OnceLock<Vec<&'static str>> = OnceLock::new();
    let names = SPLIT.get_or_init(|| crate::text::split_by(data::NAMES, b'|').collect());
    names.get(row).copied().unwrap_or_default()
}

/// The name of the `row`th country of the table, asked of the host once; its code where the host has none.
#[cfg(not(feature = "names"))]
pub(super) fn name(row: usize) -> &'static str {
    static NAMES: [OnceLock<&'static str>; super::COUNT] = [const { OnceLock::new() }; super::COUNT];
    let (Some(cell), Some(country)) = (NAMES.get(row), super::COUNTRIES.get(row)) else {
        return "";
    };
    if let Some(name) = cell.get() {
        return name;
    }
    // Asked outside the cell's initialization: JS runs here, and a page's own code could call back in. The name is
    // leaked as made (`String::leak`), not shrunk first (`into_boxed_str`'s reallocation and its panic text).
    let code = country.code();
    let made = fixed(code)
        .or_else(|| crate::host::region_name(code).filter(|n| !n.is_empty()).map(|n| &*n.leak()))
        .unwrap_or(code);
    cell.get_or_init(|| made)
}

#[cfg(all(test, feature = "names"))]
mod tests {
    use super::*;

    #[test]
    fn fixes_are_the_built_in_names() {
        let mut n = 0;
        for row in crate::text::split_by(FIXES, b'|') {
            let (code, fixed_name) = crate::text::split_once_at(row, b':').unwrap();
            assert_eq!(crate::countries::lookup(code).unwrap().name(), fixed_name, "{code}");
            assert_eq!(fixed(code), Some(fixed_name));
            n += 1;
        }
        assert_eq!(n, 4);
        assert_eq!(fixed("US"), None);
    }
}
