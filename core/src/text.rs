//! Section 0 of `rules.md`: every text field as people paste it. Two kinds of field ([`crate::schema`]):
//!
//! - **Code-like** ([`normalize`]): Unicode NFKC (full-width digits and letters become ASCII; UAX #15), invisible
//!   characters ([`is_invisible`]: U+200B–U+200D, U+2060, U+FEFF, U+00AD) dropped, every Unicode white space (the
//!   `White_Space` property: no-break space, tab, line feed, ideographic space, …) counts as a space, runs of spaces
//!   collapse to one, and the value is trimmed.
//! - **Free text** ([`free_text`]): NFC only (UAX #15 canonical composition: `12½`, `1º andar`, `3ª planta` stay as
//!   typed), U+200B, U+2060, U+FEFF and U+00AD dropped ([`is_dropped_in_free_text`]: they carry nothing in a name or
//!   an address), while the joiners U+200C and U+200D stay (they shape Persian, Indic and emoji text); spaces folded
//!   and trimmed as above; nothing else changes. Lists compare an NFKC-casefolded key ([`compat`], [`fold`]).
//!
//! Control characters and bidirectional overrides ([`forbidden`]) are an error in every text field: the walker
//! reports them before any rule runs (`text.bad_character`, [`crate::rules::characters`]).
//!
//! Input longer than [`MAX_CHARS`] characters is refused before any of that runs, so no rule ever sees unbounded
//! input (**decision** of `rules.md`).

use alloc::borrow::Cow;
use alloc::string::String;

/// The longest text any field accepts, in characters (`rules.md` section 0, **decision**).
pub const MAX_CHARS: usize = 1000;

/// The number of characters (Unicode scalar values) of a text: `str::chars().count()` in a loop the WebAssembly
/// package can afford (the standard library's is tuned for speed, at about 1 KB of code; this one is as fast on the
/// short texts of a record).
pub fn char_count(text: &str) -> usize {
    // Every byte that is not a UTF-8 continuation byte (0b10xx_xxxx) starts a character.
    text.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// `Cow::into_owned` for text: a borrowed text copied by `str::to_owned`, whose one copy the package shares, not
/// `into_owned`'s own copy of it (WebAssembly size).
pub fn owned(text: Cow<'_, str>) -> String {
    match text {
        Cow::Owned(s) => s,
        Cow::Borrowed(s) => String::from(s),
    }
}

/// `parts.concat()`: texts joined into one, without the standard library's generic `join` (its copy for `&str` and
/// its overflow panic are 0.5 KB of code in the WebAssembly package).
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().fold(0, |n, p| n + p.len()));
    for part in parts {
        out.push_str(part);
    }
    out
}

/// The first `n` characters of a text (all of it when it is shorter), by its bytes: `text.chars().take(n)` without
/// collecting characters one by one.
pub fn first_chars(text: &str, n: usize) -> &str {
    let mut seen = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        // A byte that is not a UTF-8 continuation byte starts a character ([`char_count`]).
        if (b as i8) >= -0x40 {
            if seen == n {
                return text.get(..i).unwrap_or(text);
            }
            seen += 1;
        }
    }
    text
}

/// Whether `bytes` holds `byte`: a plain loop, not `<[u8]>::contains`, whose word-at-a-time search is 0.4 KB of code in
/// the WebAssembly package (the texts searched here are a few dozen bytes).
#[allow(clippy::manual_contains)] // deliberately not `contains` (above)
pub fn has_byte(bytes: &[u8], byte: u8) -> bool {
    bytes.iter().any(|&b| b == byte)
}

/// `text.split_once(sep)` for an ASCII separator. The helpers on ASCII separators here search bytes, without the
/// standard library's `char` pattern searchers (about 1.5 KB of code in the WebAssembly package).
pub fn split_once_at(text: &str, sep: u8) -> Option<(&str, &str)> {
    debug_assert!(sep.is_ascii(), "a separator is one ASCII character");
    // An index loop: the byte iterator's `position` compiles to a larger loop in the WebAssembly package.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == sep {
            return Some((text.get(..i)?, text.get(i + 1..)?));
        }
        i += 1;
    }
    None
}

/// `text.rsplit_once(sep)` for an ASCII separator ([`split_once_at`]).
pub fn rsplit_once_at(text: &str, sep: u8) -> Option<(&str, &str)> {
    debug_assert!(sep.is_ascii(), "a separator is one ASCII character");
    let bytes = text.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        if bytes[i] == sep {
            return Some((text.get(..i)?, text.get(i + 1..)?));
        }
    }
    None
}

/// `text.split(sep)` for an ASCII separator ([`split_once_at`]).
pub fn split_by(text: &str, sep: u8) -> SplitBy<'_> {
    SplitBy { rest: Some(text), sep, skip_empty: false }
}

/// [`split_by`] without the empty parts (`a,,b,` gives `a` and `b`): one iterator for both, not a `Filter` of its own
/// at each caller (WebAssembly size).
pub fn split_nonempty(text: &str, sep: u8) -> SplitBy<'_> {
    SplitBy { rest: Some(text), sep, skip_empty: true }
}

/// The iterator of [`split_by`].
#[derive(Debug, Clone)]
pub struct SplitBy<'t> {
    rest: Option<&'t str>,
    sep: u8,
    skip_empty: bool,
}

impl<'t> Iterator for SplitBy<'t> {
    type Item = &'t str;
    fn next(&mut self) -> Option<&'t str> {
        loop {
            let rest = self.rest?;
            let part = match split_once_at(rest, self.sep) {
                Some((head, tail)) => {
                    self.rest = Some(tail);
                    head
                }
                None => {
                    self.rest = None;
                    rest
                }
            };
            if !(self.skip_empty && part.is_empty()) {
                return Some(part);
            }
        }
    }
    /// A plain loop: the default `nth` (through `advance_by`) is larger in the WebAssembly package.
    fn nth(&mut self, n: usize) -> Option<&'t str> {
        for _ in 0..n {
            self.next()?;
        }
        self.next()
    }
}

/// Whether `table`, entries joined by the ASCII separator `sep` (one may end it) and sorted by their bytes, holds
/// `key` (never empty). Tables are joined strings rather than slices of `&str` for the WebAssembly package's size (a
/// pointer and a length per entry, and 1 KB gzip on the free-mail list). A binary search over the joined text's
/// bytes, which finds each probed entry's ends by the separators around it, in every build: reading every entry in
/// turn took most of a rule's time natively (`cargo bench -p tenantcheck-core --bench rules`) and, in the package, a
/// quarter of a `validate` (the legal forms of a company name, the free-mail domains of an e-mail; 34 → 27 µs a record
/// in Node.js, `docs/performance.md`). In the package it is also less code than the scans it replaced (one
/// non-generic copy, comparing bytes: 40 B gzip less with the name rules' and the e-mail rule's small lists searched by
/// it too). Debug builds check every answer against a scan.
pub fn in_sorted(table: &str, sep: u8, key: &str) -> bool {
    let found = search_sorted(table.as_bytes(), sep, key.as_bytes());
    debug_assert_eq!(found, split_by(table, sep).any(|entry| entry == key), "the table is sorted by its bytes");
    found
}

/// The binary search of [`in_sorted`].
#[inline(never)]
fn search_sorted(bytes: &[u8], sep: u8, key: &[u8]) -> bool {
    use core::cmp::Ordering;
    // The entries in `lo..hi`: `lo` starts one, and `hi` ends one or follows a separator (the empty entry after it is
    // never probed, as `mid` is below `hi`).
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // Plain loops, not `position`/`rposition` (smaller in the WebAssembly package).
        let mut start = mid;
        while start > lo && !matches!(bytes.get(start - 1), Some(&b) if b == sep) {
            start -= 1;
        }
        let mut end = mid;
        while end < hi && !matches!(bytes.get(end), Some(&b) if b == sep) {
            end += 1;
        }
        match bytes.get(start..end).unwrap_or_default().cmp(key) {
            Ordering::Equal => return true,
            Ordering::Less => lo = end + 1,
            Ordering::Greater => hi = start,
        }
    }
    false
}

/// The input was longer than [`MAX_CHARS`] characters; rules report it as their own `<rule>.too_long`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong;

/// Normalizes a code-like field's pasted text (section 0: NFKC, invisibles dropped, spaces folded). Borrows when the
/// text is already normal, which is the common case.
pub fn normalize(input: &str) -> Result<Cow<'_, str>, TooLong> {
    section0(input, is_invisible, nfkc)
}

/// Normalizes a free-text field's pasted text (section 0: NFC, U+200B, U+2060, U+FEFF and U+00AD dropped, spaces
/// folded; nothing else changes). Borrows when the text is already normal.
pub fn free_text(input: &str) -> Result<Cow<'_, str>, TooLong> {
    section0(input, is_dropped_in_free_text, nfc)
}

/// The invisible characters a code-like field drops (section 0): zero-width space, non-joiner and joiner, word
/// joiner, byte-order mark (zero-width no-break space) and soft hyphen.
pub fn is_invisible(c: char) -> bool {
    is_dropped_in_free_text(c) || matches!(c, '\u{200c}' | '\u{200d}')
}

/// The invisible characters free text drops (section 0): [`is_invisible`] but for the zero-width non-joiner and
/// joiner (U+200C, U+200D), which shape Persian and Indic words and emoji sequences.
pub fn is_dropped_in_free_text(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
}

/// The first character no text field may hold, with its position in characters from 1 (section 0): a control
/// character (C0, DEL and C1) other than tab, line feed and carriage return (which count as spaces), or a
/// bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which hide or reorder what a
/// reviewer sees.
pub fn forbidden(text: &str) -> Option<(char, usize)> {
    // Printable ASCII, tab, line feed and carriage return (most text) by its bytes: decoding characters was most of
    // the time of this check, which runs on every text field (5 % of a `validate` in the package).
    if text.bytes().all(|b| matches!(b, b' '..=b'~' | b'\t' | b'\n' | b'\r')) {
        return None;
    }
    // A plain loop, not enumerate/find/map (smaller in the WebAssembly package).
    let mut position = 0;
    for c in text.chars() {
        position += 1;
        if is_forbidden(c) {
            return Some((c, position));
        }
    }
    None
}

/// [`forbidden`] for one character.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Section 0 with a kind's invisible characters and composition.
fn section0<'a>(
    input: &'a str,
    dropped: fn(char) -> bool,
    compose: fn(&str) -> Cow<'_, str>,
) -> Result<Cow<'a, str>, TooLong> {
    // A char is at most 4 bytes: a longer byte string is too long without counting.
    if input.len() > 4 * MAX_CHARS || (input.len() > MAX_CHARS && char_count(input) > MAX_CHARS) {
        return Err(TooLong);
    }
    if is_tidy_ascii(input) {
        return Ok(Cow::Borrowed(input));
    }
    // The invisible characters go first, so that composition sees the characters on both sides of one.
    // (Copied whether or not it holds one: this is the slow path, which copies the text anyway.)
    let mut visible = String::with_capacity(input.len());
    for c in input.chars() {
        if !dropped(c) {
            visible.push(c);
        }
    }
    if !visible.is_ascii() {
        visible = owned(compose(&visible));
    }
    let out = collapse_spaces(&visible);
    // NFKC can lengthen a text (U+FDFA becomes 18 characters): the limit holds for the result too, so that normalizing
    // twice gives the same answer and no rule sees more than the limit.
    if out.len() > MAX_CHARS && char_count(&out) > MAX_CHARS {
        return Err(TooLong);
    }
    if out == input {
        return Ok(Cow::Borrowed(input));
    }
    Ok(Cow::Owned(out))
}

/// The key free text is compared by against lists (legal forms, placeholder names): its NFKC form (`ＬＬＣ` → `LLC`,
/// `ﬁ` → `fi`), to be case-folded with [`fold_char`] by the caller. Borrows ASCII and text already in NFKC.
pub fn compat(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        Cow::Borrowed(text)
    } else {
        nfkc(text)
    }
}

/// Unicode NFKC: with the `nfkc` feature (native builds) by `unicode-normalization`'s tables, else by the host
/// ([`crate::host`]: the JavaScript engine's `String.prototype.normalize`, in the WebAssembly builds).
#[cfg(feature = "nfkc")]
fn nfkc(input: &str) -> Cow<'_, str> {
    use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
    if is_nfkc_quick(input.chars()) == IsNormalized::Yes {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(input.nfkc().collect())
    }
}

#[cfg(not(feature = "nfkc"))]
fn nfkc(input: &str) -> Cow<'_, str> {
    Cow::Owned(crate::host::nfkc(input))
}

/// Unicode NFC (canonical composition only), from the same source as [`nfkc`].
#[cfg(feature = "nfkc")]
fn nfc(input: &str) -> Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(input.chars()) == IsNormalized::Yes {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(input.nfc().collect())
    }
}

#[cfg(not(feature = "nfkc"))]
fn nfc(input: &str) -> Cow<'_, str> {
    Cow::Owned(crate::host::nfc(input))
}

/// Folds a character's case for comparisons: ASCII, the Latin-1 letters (`É` → `é`), Latin Extended-A (`Ş` → `ş`,
/// `Ł` → `ł`: Turkish, Polish, Czech, Romanian legal forms such as `A.Ş.`), basic Greek and Cyrillic (`ООО` → `ооо`).
/// Every value compared this way is in those scripts (codes, domains, legal forms, state and country names such as
/// `Québec`, `Curaçao`), so the full Unicode case tables (about 24 KB in WebAssembly) are not worth shipping
/// (**decision**). Latin Extended-A pairs each capital with the small letter after it (Unicode's `UnicodeData.txt`):
/// at even code points in U+0100–U+0137 (but `İ`, U+0130, whose small letter is ASCII `i` plus a dot) and
/// U+014A–U+0177, at odd ones in U+0139–U+0148 and U+0179–U+017E.
pub fn fold_char(c: char) -> char {
    let even = c as u32 % 2 == 0;
    let shift = match c {
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' | '\u{391}'..='\u{3a1}' | '\u{3a3}'..='\u{3ab}' => 0x20,
        '\u{410}'..='\u{42f}' => 0x20,
        '\u{400}'..='\u{40f}' => 0x50,
        '\u{100}'..='\u{12f}' | '\u{132}'..='\u{137}' | '\u{14a}'..='\u{177}' if even => 1,
        '\u{139}'..='\u{148}' | '\u{179}'..='\u{17e}' if !even => 1,
        _ => return c,
    };
    char::from_u32(c as u32 + shift).unwrap_or(c)
}

/// Case-folded copy of a text ([`fold_char`]).
pub fn fold(text: &str) -> String {
    // A plain loop, not `map`/`collect` (a chain collected is code of its own).
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(fold_char(c));
    }
    out
}

/// Equal up to case ([`fold_char`]).
pub fn eq_fold(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    // A loop, not `Iterator::eq` of two `map`s (its comparison is code of its own in the WebAssembly package).
    let (mut a, mut b) = (a.chars(), b.chars());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if fold_char(x) == fold_char(y) => {}
            _ => return false,
        }
    }
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

/// `text.trim()`: without Unicode white space at either end. In a loop of its own: the standard library's goes through
/// its pattern searchers (0.7 KB of code in the WebAssembly package).
pub fn trim(text: &str) -> &str {
    let mut chars = text.chars();
    let mut start = chars.as_str();
    while chars.next().is_some_and(char::is_whitespace) {
        start = chars.as_str();
    }
    let mut chars = start.chars();
    let mut end = start;
    while chars.next_back().is_some_and(char::is_whitespace) {
        end = chars.as_str();
    }
    end
}

/// Every white space becomes one space between words; none at either end.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_whitespace() {
            gap = !out.is_empty();
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(c);
        }
    }
    out
}

/// Unicode `Alphabetic` (`char::is_alphabetic`); beyond ASCII from the host's tables when the core has none of its
/// own (feature `nfkc` off: the WebAssembly builds, see [`crate::host`]).
pub fn is_alphabetic(c: char) -> bool {
    c.is_ascii_alphabetic() || !c.is_ascii() && beyond_ascii(c, Class::Alphabetic)
}

/// A letter or a digit in any script (`char::is_alphanumeric`: Unicode `Alphabetic` or `Numeric`).
pub fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || !c.is_ascii() && (beyond_ascii(c, Class::Alphabetic) || beyond_ascii(c, Class::Numeric))
}

#[derive(Clone, Copy)]
enum Class {
    Alphabetic,
    Numeric,
}

/// A Unicode class of a non-ASCII character: Rust's tables, or the host's where the core has none.
fn beyond_ascii(c: char, class: Class) -> bool {
    #[cfg(feature = "nfkc")]
    return match class {
        Class::Alphabetic => c.is_alphabetic(),
        Class::Numeric => c.is_numeric(),
    };
    #[cfg(not(feature = "nfkc"))]
    return match class {
        Class::Alphabetic => crate::host::is_alphabetic(c),
        Class::Numeric => crate::host::is_numeric(c),
    };
}

/// A character named for a message so that a space or an invisible character can be seen, and none can disturb the
/// message: `"x"` for visible ASCII, `a space`, `"é" (U+00E9)` for a letter or digit beyond ASCII, and only the code
/// point (`U+200B`, `U+202E`) for anything else: controls, spaces, format characters and marks, which would be
/// invisible or reorder the text around them (no table of printable characters is needed for that). Written at the
/// end of `out`, for the message templates' `char` filter ([`crate::message`]).
pub fn describe_into(out: &mut String, ch: char) {
    let quoted = ch.is_ascii_graphic() || (!ch.is_ascii() && is_alphanumeric(ch));
    if ch == ' ' {
        out.push_str("a space");
        return;
    }
    if quoted {
        out.push('"');
        out.push(ch);
        out.push('"');
        if ch.is_ascii() {
            return;
        }
        out.push_str(" (");
    }
    // U+ and at least four upper-case hex digits, without core::fmt.
    out.push_str("U+");
    let code = ch as u32;
    let digits = (32 - code.leading_zeros()).div_ceil(4).max(4);
    for i in (0..digits).rev() {
        out.push(char::from(b"0123456789ABCDEF"[((code >> (4 * i)) & 0xF) as usize]));
    }
    if quoted {
        out.push(')');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The binary search of [`in_sorted`] gives the answers of reading every entry in turn.
    #[test]
    fn sorted_tables_are_searched_like_a_scan() {
        let tables = ["", "b", "b|d", "a|bb|c|dd|e|ff|g", "ab\nad\nag\naş\nο\nооо\n株式会社\n"];
        let keys =
            ["a", "aa", "ab", "ac", "b", "bb", "c", "d", "dd", "e", "f", "ff", "g", "h", "aş", "ооо", "株式会社"];
        for table in tables {
            let sep = if table.ends_with('\n') { b'\n' } else { b'|' };
            for key in keys {
                let scan = split_by(table, sep).any(|entry| entry == key);
                assert_eq!(in_sorted(table, sep, key), scan, "{table:?} {key:?}");
            }
        }
    }

    #[test]
    fn byte_helpers_equal_the_standard_library() {
        for text in ["", "abc", "für Straße", "a\u{1F600}b", "日本語テキスト"] {
            for n in 0..12 {
                assert_eq!(first_chars(text, n), text.chars().take(n).collect::<String>(), "{text} {n}");
            }
            for byte in [b'a', b' ', b'@', 0xC3] {
                assert_eq!(has_byte(text.as_bytes(), byte), text.as_bytes().contains(&byte));
            }
        }
        assert_eq!(concat(&["a", "", "bc"]), "abc");
    }

    #[test]
    fn characters_are_described_without_disturbing_the_message() {
        let cases = [
            (' ', "a space"),
            ('x', "\"x\""),
            ('é', "\"é\" (U+00E9)"),
            ('Ж', "\"Ж\" (U+0416)"),
            ('\u{0}', "U+0000"),
            ('\n', "U+000A"),
            ('\u{ad}', "U+00AD"),
            ('\u{200b}', "U+200B"),
            ('\u{202e}', "U+202E"),
            ('\u{301}', "U+0301"),
            ('★', "U+2605"),
        ];
        for (c, want) in cases {
            let mut got = String::new();
            describe_into(&mut got, c);
            assert_eq!(got, want, "{c:?}");
        }
    }

    /// `States::find` compares byte lengths before folding: folding must keep every character's UTF-8 length.
    #[test]
    fn folding_keeps_the_length_in_bytes() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(fold_char(c).len_utf8(), c.len_utf8(), "{c:?}");
        }
    }

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
    fn code_like_text_loses_invisible_characters() {
        assert_eq!(normalize("ad\u{200b}min\u{200c}\u{200d}\u{2060}\u{feff}\u{ad}").unwrap(), "admin");
        assert_eq!(normalize("\u{feff}１０６\u{a0}８２").unwrap(), "106 82");
    }

    #[test]
    fn free_text_gets_nfc_and_space_folding_only() {
        let cases = [
            // NFKC would make these `121⁄2`, `1o`, `3a`, `Main`: free text stays as typed (rules.md section 0).
            ("12½ Main St", "12½ Main St"),
            ("Rua X, 1º andar", "Rua X, 1º andar"),
            ("Calle Y 5, 3ª planta", "Calle Y 5, 3ª planta"),
            ("Ｍａｉｎ", "Ｍａｉｎ"),
            ("ﬁeld", "ﬁeld"),
            // Canonical composition: a decomposed é becomes one character.
            ("Cafe\u{301}", "Caf\u{e9}"),
            // Spaces fold and trim as for code-like fields.
            ("\u{a0} a\t\tb\u{3000}c\r\n", "a b c"),
            // U+200B, U+2060, U+FEFF and U+00AD go; the joiners stay.
            ("a\u{200b}b\u{2060}c\u{feff}d\u{ad}e", "abcde"),
            ("نرم\u{200c}افزار", "نرم\u{200c}افزار"),
            ("\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}", "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}"),
            ("क्\u{200d}ष", "क्\u{200d}ष"),
            // A dropped invisible does not keep two halves of a character apart.
            ("e\u{200b}\u{301}", "\u{e9}"),
        ];
        for (raw, want) in cases {
            assert_eq!(free_text(raw).unwrap(), want, "{raw:?}");
            assert_eq!(free_text(want).unwrap(), want, "idempotent: {want:?}");
        }
        assert!(matches!(free_text("12½ Main St").unwrap(), Cow::Borrowed(_)));
        assert_eq!(free_text(&"a".repeat(MAX_CHARS + 1)), Err(TooLong));
    }

    #[test]
    fn list_keys_are_nfkc() {
        assert_eq!(compat("ＬＬＣ"), "LLC");
        assert_eq!(compat("12½"), "121⁄2");
        assert!(matches!(compat("LLC"), Cow::Borrowed(_)));
    }

    #[test]
    fn forbidden_characters_are_found_with_their_position() {
        assert_eq!(forbidden("ab\u{1}"), Some(('\u{1}', 3)));
        assert_eq!(forbidden("é\u{9f}"), Some(('\u{9f}', 2)));
        assert_eq!(forbidden("\u{2067}x"), Some(('\u{2067}', 1)));
        assert_eq!(forbidden("a\tb\r\n½\u{200d}\u{200b}"), None);
        // The ASCII path and the character path agree on every ASCII byte.
        for b in 0..=0x7f_u8 {
            let c = char::from(b);
            assert_eq!(forbidden(&format!("ab{c}")), is_forbidden(c).then_some((c, 3)), "{b:#x}");
        }
    }

    #[test]
    fn case_folds_ascii_and_latin_1() {
        assert_eq!(fold("QUÉBEC Ünïcode ÀÞ ×"), "québec ünïcode àþ ×");
        assert_eq!(fold("ООО ЁЖ ΑΩ"), "ооо ёж αω");
        assert_eq!(fold("A.Ş. ŁÓDŹ ĞİŌŇ ĸıŉſ"), "a.ş. łódź ğİōň ĸıŉſ");
        assert!(eq_fold("Québec", "QUÉBEC") && eq_fold("nsw", "NSW") && !eq_fold("a", "b"));
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
