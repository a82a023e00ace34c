//! The message catalogs built into the native binary (`core/catalogs/*.json`, through `build.rs`): what `--lang`
//! chooses from. English is the core's own (no catalog needed); the others are parsed once, when chosen.

use tenantcheck_core::catalog::Catalog;

include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

/// The locales built in, English first.
pub fn locales() -> impl Iterator<Item = &'static str> {
    std::iter::once("en").chain(BUILT_IN.iter().map(|(l, _)| *l).filter(|l| *l != "en"))
}

/// Why no catalog could be had (the command line says it in words: `src/cli/texts.rs`).
#[derive(Debug)]
pub enum CatalogError {
    /// No catalog of that language is built in.
    Unknown { tag: String },
    /// A built-in catalog does not parse (a build of a broken file).
    Broken { tag: String, detail: String },
    /// The file cannot be read.
    Unreadable { file: String, detail: String },
    /// The file is not a catalog.
    NotCatalog { file: String, detail: String },
}

/// The catalog for a BCP 47 tag (`de`, `de-AT`, `el_GR`): the built-in one of that tag, else of its language;
/// `Ok(None)` for English (the built-in messages).
pub fn for_locale(tag: &str) -> Result<Option<Catalog>, CatalogError> {
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
        return Err(CatalogError::Unknown { tag });
    };
    // Built-in catalogs are tested (core/tests/catalogs.rs): a failure here is a build of a broken file.
    Catalog::parse(&tag, json).map(Some).map_err(|e| CatalogError::Broken { detail: e.to_string(), tag })
}

/// A catalog from a file, for the language `tag` (`--catalog`).
pub fn from_file(tag: &str, path: &std::path::Path) -> Result<Catalog, CatalogError> {
    let file = || path.display().to_string();
    let json =
        std::fs::read_to_string(path).map_err(|e| CatalogError::Unreadable { file: file(), detail: e.to_string() })?;
    Catalog::parse(tag, &json).map_err(|e| CatalogError::NotCatalog { file: file(), detail: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_built_in_and_unknown_languages_are_refused() {
        assert!(for_locale("en").unwrap().is_none());
        assert!(for_locale("en-GB").unwrap().is_none());
        assert!(locales().next() == Some("en"));
        assert!(matches!(for_locale("xx_YY"), Err(CatalogError::Unknown { tag }) if tag == "xx-YY"));
        for locale in locales().filter(|l| *l != "en") {
            let catalog = for_locale(&locale.to_ascii_uppercase()).unwrap().unwrap();
            assert_eq!(catalog.language(), locale);
        }
    }
}
