//! Section 0 of `rules.md`: every text field as people paste it.
//!
//! Unicode NFKC (full-width digits and letters become ASCII; UAX #15), every Unicode white space (the `White_Space`
//! property: no-break space, tab, ideographic space, …) counts as a space, runs of spaces collapse to one, and the
//! value is trimmed. Input longer than [`MAX_CHARS`] characters is refused before any of that runs, so no rule ever
//! sees unbounded input (**decision** of `rules.md`).

use std::borrow::Cow;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The longest text any field accepts, in characters (`rules.md` section 0, **decision**).
pub const MAX_CHARS: usize = 1000;

/// The input was longer than [`MAX_CHARS`] characters; rules report it as their own `<rule>.too_long`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong;

/// Normalizes pasted text (section 0). Borrows when the text is already normal, which is the common case.
pub fn normalize(input: &str) -> Result<Cow<'_, str>, TooLong> {
    // A char is at most 4 bytes: a longer byte string is too long without counting.
    if input.len() > 4 * MAX_CHARS || (input.len() > MAX_CHARS && input.chars().count() > MAX_CHARS) {
        return Err(TooLong);
    }
    if is_tidy_ascii(input) {
        return Ok(Cow::Borrowed(input));
    }
    let nfkc: Cow<'_, str> = if input.is_ascii() || is_nfkc_quick(input.chars()) == IsNormalized::Yes {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(input.nfkc().collect())
    };
    Ok(Cow::Owned(collapse_spaces(&nfkc)))
}

/// True when ASCII text has no white space but single inner spaces: NFKC and the space rules leave it unchanged.
fn is_tidy_ascii(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for &c in b {
        if !c.is_ascii() || (c.is_ascii_whitespace() && c != b' ') || c == 0x0b {
            return false;
        }
        let space = c == b' ';
        if space && prev_space {
            return false;
        }
        prev_space = space;
    }
    true
}

/// Every white space becomes one space between words; none at either end.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_text_becomes_plain() {
        // Full-width letters and digits (U+FF21.., U+FF10..) fold to ASCII under NFKC [UAX #15].
        assert_eq!(normalize("ＡＢＣ１２３").unwrap(), "ABC123");
        // No-break space, tab, ideographic space and runs of spaces become one space; ends trimmed.
        assert_eq!(normalize("\u{a0} a\t\tb\u{3000}c  ").unwrap(), "a b c");
        assert_eq!(normalize("   ").unwrap(), "");
        assert_eq!(normalize("plain text").unwrap(), "plain text");
        assert!(matches!(normalize("plain text").unwrap(), Cow::Borrowed(_)));
    }

    #[test]
    fn too_long_is_refused_before_normalizing() {
        assert_eq!(normalize(&"a".repeat(MAX_CHARS)).unwrap().len(), MAX_CHARS);
        assert_eq!(normalize(&"a".repeat(MAX_CHARS + 1)), Err(TooLong));
        // Counted in characters, not bytes: 1,000 three-byte characters are allowed.
        assert!(normalize(&"€".repeat(MAX_CHARS)).is_ok());
        assert_eq!(normalize(&"€".repeat(MAX_CHARS + 1)), Err(TooLong));
        assert_eq!(normalize(&"x".repeat(10_000_000)), Err(TooLong));
    }

    #[test]
    fn normalize_is_idempotent_on_samples() {
        for s in ["ｆｏｏ　ｂａｒ", " a  b ", "ﬁ", "\u{2126}", "a\u{0301}", "x\u{200b}y"] {
            let once = normalize(s).unwrap().into_owned();
            assert_eq!(normalize(&once).unwrap(), once, "{s:?}");
        }
    }
}
