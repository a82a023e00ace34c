//! CLDR plural categories of whole numbers for the catalogs' languages, natively; in a JavaScript engine
//! `Intl.PluralRules` gives them for every language ([`crate::host::Locales`]).
//!
//! Source: Unicode CLDR 47, `common/supplemental/plurals.xml` (cardinal rules), for integers (operands `v = 0`,
//! `e = 0`, `n = i = |number|`):
//! - `en`, `de`: one `i = 1 and v = 0`; `el`: one `n = 1`: 1 is `one`, every other number `other`.
//! - `es`: one `n = 1`; many `e = 0 and i != 0 and i % 1000000 = 0 and v = 0`.
//! - `fr`: one `i = 0,1`; many as `es`.

/// The CLDR plural category of the whole number `n` in `language` (a primary language subtag, lower case): the rules
/// above, and English's for any other language.
pub fn category(language: &str, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    let millions = n != 0 && n % 1_000_000 == 0;
    match language {
        "fr" if n <= 1 => "one",
        "fr" | "es" if millions => "many",
        "fr" => "other",
        _ if n == 1 => "one",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::category;

    #[test]
    fn categories_are_cldrs() {
        // (language, [0, 1, 2, 5, 1000000, 2000000, 1000001, -1]), as babel 2.18.0 (CLDR 47) gives them.
        let rows: [(&str, [&str; 8]); 5] = [
            ("en", ["other", "one", "other", "other", "other", "other", "other", "one"]),
            ("de", ["other", "one", "other", "other", "other", "other", "other", "one"]),
            ("el", ["other", "one", "other", "other", "other", "other", "other", "one"]),
            ("fr", ["one", "one", "other", "other", "many", "many", "other", "one"]),
            ("es", ["other", "one", "other", "other", "many", "many", "other", "one"]),
        ];
        for (language, want) in rows {
            let got = [0, 1, 2, 5, 1_000_000, 2_000_000, 1_000_001, -1].map(|n| category(language, n));
            assert_eq!(got, want, "{language}");
        }
    }
}
