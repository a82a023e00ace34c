//! The message catalogs built into the native binary (`core/catalogs/*.json`, through `build.rs`): what `--lang`
//! chooses from. English is the core's own (no catalog needed); the others are parsed once, when chosen.

use tenantcheck_core::catalog::Catalog;

include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

/// The locales built in, English first.
pub fn locales() -> impl Iterator<Item = &'static str> {
    std::iter::once("en").chain(BUILT_IN.iter().map(|(l, _)| *l).filter(|l| *l != "en"))
}

/// The catalog for a BCP 47 tag (`de`, `de-AT`, `el_GR`): the built-in one of that tag, else of its language;
/// `Ok(None)` for English (the built-in messages). An error names the locales built in.
pub fn for_locale(tag: &str) -> Result<Option<Catalog>, String> {
    let tag = tag.replace('_', "-");
    let language = tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
    if language == "en" {
        return Ok(None);
    }
    let found = BUILT_IN
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(&tag))
        .or_else(|| BUILT_IN.iter().find(|(l, _)| *l == language));
    let Some((_, json)) = found else {
        let known = locales().collect::<Vec<_>>().join(", ");
        return Err(format!("no messages in \"{tag}\"; --lang takes one of: {known}"));
    };
    // Built-in catalogs are tested (core/tests/catalogs.rs): a failure here is a build of a broken file.
    Catalog::parse(&tag, json).map(Some).map_err(|e| format!("the built-in catalog for \"{tag}\" is not valid: {e}"))
}

/// A catalog from a file, for the language `tag` (`--catalog`).
pub fn from_file(tag: &str, path: &std::path::Path) -> Result<Catalog, String> {
    let json = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Catalog::parse(tag, &json).map_err(|e| format!("{}: not a message catalog: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_built_in_and_unknown_languages_are_refused() {
        assert!(for_locale("en").unwrap().is_none());
        assert!(for_locale("en-GB").unwrap().is_none());
        assert!(locales().next() == Some("en"));
        let err = for_locale("xx").unwrap_err();
        assert!(err.contains("en"), "{err}");
        for locale in locales().filter(|l| *l != "en") {
            let catalog = for_locale(&locale.to_ascii_uppercase()).unwrap().unwrap();
            assert_eq!(catalog.language(), locale);
        }
    }
}
