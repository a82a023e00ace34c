//! Patterns: the postcode patterns of the country table and the postcode and phone patterns of run-time Partner
//! Center rules, always anchored at both ends (a valid code with anything appended must fail, `rules.md` section 2).
//!
//! Native builds compile them with the `regex` crate (feature `regex`, on by default), in its ASCII mode (`\d` is
//! `[0-9]`, as in JavaScript without the `u` flag), matching bytes. The WebAssembly builds borrow the JavaScript
//! engine's `RegExp` through [`crate::host`] instead, which keeps a regex engine (about 30 KB gzip) out of the module.
//!
//! One pattern, one verdict in both builds ([`portable`]). Partner Center's patterns are .NET regular expressions; the
//! ones it publishes [PC-rules: `GET /v1/countryvalidationrules/{cc}`, the US answer: `^\d{5}(-\d{4})?$` and
//! `^(1[\-\/\.]?)?(\((\d{3})\)|(\d{3}))[\-\/\.]?(\d{3})[\-\/\.]?(\d{4})$`] use only anchors, `\d`, classes with
//! escaped punctuation, counted and optional repeats, groups and alternation, as do Google's address patterns
//! (written for JavaScript, libaddressinput). Those constructs, and the other plain ones listed at [`portable`], are
//! read alike by .NET, the `regex` crate and JavaScript. Every other construct is refused, in both builds, before an
//! engine sees the pattern: lookaround, backreferences, named groups, inline options and atomic groups (the `regex`
//! crate has none of them, JavaScript has some), nested classes and class set operations (`[a-z-[aeiou]]` in .NET,
//! `[[a-z]&&[^aeiou]]` in the `regex` crate, literal text in JavaScript), escapes the engines read differently (`\A`,
//! `\z`, `\p{L}`, `\<`, `\e`…), a `{` that is not a repeat (literal in .NET and JavaScript, an error in the `regex`
//! crate), non-ASCII characters, and repeats that expand to more than [`MAX_SIZE`] items (the `regex` crate's size
//! limit, which JavaScript does not have).
//!
//! Matching: a value has passed section 0 of `rules.md` (no line breaks, every Unicode space a space). JavaScript
//! matches UTF-16 code units; the native build matches bytes in which each code unit of a non-ASCII character is one
//! byte 0xFF, which no ASCII literal or class matches and `.`, `[^…]`, `\D`, `\W` and `\S` match once, as in
//! JavaScript (`core/tests/pattern_parity.rs` and the package's tests hold both builds to one table).

use alloc::string::String;

/// A compiled, anchored pattern.
#[derive(Debug, Clone)]
pub struct Pattern(Inner);

#[cfg(feature = "regex")]
type Inner = regex::bytes::Regex;
#[cfg(not(feature = "regex"))]
type Inner = Shared<Lent>;
/// The npm package's build is single-threaded; the builds with the standard library keep their patterns in statics
/// that must be `Sync`.
#[cfg(all(not(feature = "regex"), feature = "std"))]
type Shared<T> = alloc::sync::Arc<T>;
#[cfg(all(not(feature = "regex"), not(feature = "std")))]
type Shared<T> = alloc::rc::Rc<T>;

/// A pattern compiled by the host's engine, by its handle: freed in the host when the last copy goes (country rules
/// replaced, `setCountryRules`), so that replaced rules leave no `RegExp` behind.
#[cfg(not(feature = "regex"))]
#[derive(Debug)]
pub struct Lent(u32);

#[cfg(not(feature = "regex"))]
impl Drop for Lent {
    fn drop(&mut self) {
        crate::host::free(self.0);
    }
}

/// The most items a pattern may expand to, counting each repeat `{n,m}` as `m` copies of what it repeats
/// (**decision**: far above any postcode or phone pattern, far below the `regex` crate's compiled size limit).
pub const MAX_SIZE: u32 = 10_000;
/// The largest count of a repeat `{n}`, `{n,}` or `{n,m}` (**decision**).
pub const MAX_REPEAT: u32 = 1000;
/// The deepest nesting of groups (**decision**).
const MAX_DEPTH: usize = 32;

/// Why a pattern is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// A construct the two builds would read differently, named.
    Unsupported(&'static str),
    /// Not a pattern at all: what is wrong, where this module finds it first.
    Malformed(&'static str),
    /// Not a pattern at all: the engine's words.
    Invalid(String),
}

impl core::fmt::Display for PatternError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            PatternError::Unsupported(what) | PatternError::Malformed(what) => f.write_str(what),
            PatternError::Invalid(what) => f.write_str(what),
        }
    }
}

impl Pattern {
    /// Checks that the pattern is [`portable`], then compiles `^(?:pattern)$`.
    pub fn anchored(pattern: &str) -> Result<Pattern, PatternError> {
        portable(pattern)?;
        let anchored = crate::text::concat(&["^(?:", pattern, ")$"]);
        #[cfg(feature = "regex")]
        return regex::bytes::RegexBuilder::new(&anchored)
            .unicode(false)
            .size_limit(1 << 22)
            .build()
            .map(Pattern)
            .map_err(|e| PatternError::Invalid(e.to_string()));
        #[cfg(not(feature = "regex"))]
        return crate::host::compile(&anchored).map(|id| Pattern(Lent(id).into())).map_err(PatternError::Invalid);
    }

    /// Whether the whole text matches.
    pub fn is_match(&self, text: &str) -> bool {
        #[cfg(feature = "regex")]
        {
            if text.is_ascii() {
                return self.0.is_match(text.as_bytes());
            }
            // One byte 0xFF per UTF-16 code unit of a non-ASCII character: what JavaScript's RegExp counts.
            let mut units = Vec::with_capacity(text.len());
            for c in text.chars() {
                match c.len_utf16() {
                    _ if c.is_ascii() => units.push(c as u8),
                    1 => units.push(0xff),
                    _ => units.extend([0xff, 0xff]),
                }
            }
            self.0.is_match(&units)
        }
        #[cfg(not(feature = "regex"))]
        return crate::host::is_match(self.0 .0, text);
    }
}

/// Checks that a pattern uses only constructs that .NET, the `regex` crate (ASCII mode) and JavaScript's `RegExp`
/// (without flags) read alike: literals and these escapes of ASCII punctuation ``\\ \. \+ \* \? \( \) \| \[ \] \{ \}
/// \^ \$ \- \/ \# \& \~``; `.`; `^` and `$`; `\d \D \w \W \s \S \b \B \t \n \r \f \v`, `\xHH` and `\uHHHH` of ASCII
/// characters; classes `[…]` and `[^…]` of those, with ranges between single characters; groups `(…)` and
/// `(?:…)`; `|`; repeats `* + ? {n} {n,} {n,m}`, each optionally lazy (`?`). See the module's documentation for what is
/// refused and why.
pub fn portable(pattern: &str) -> Result<(), PatternError> {
    check(pattern).map_err(Refusal::error)
}

fn check(pattern: &str) -> Result<(), Refusal> {
    if !pattern.is_ascii() {
        return Err(Refusal::NonAscii);
    }
    let mut parser = Parser { bytes: pattern.as_bytes(), at: 0, depth: 0 };
    let size = parser.alternation()?;
    if parser.at < parser.bytes.len() {
        return Err(Refusal::UnmatchedParen);
    }
    if size > MAX_SIZE {
        return Err(Refusal::TooBig);
    }
    Ok(())
}

/// Why the checker refuses a pattern, as one byte while it reads; put into words once, by [`Refusal::error`].
#[derive(Clone, Copy)]
enum Refusal {
    NonAscii,
    TooBig,
    TooDeep,
    Lookahead,
    Lookbehind,
    NamedGroup,
    AtomicGroup,
    OtherGroup,
    Backreference,
    BoundaryBrace,
    BoundaryInClass,
    NonAsciiEscape,
    OtherEscape,
    NotARepeat,
    CountTooHigh,
    LoneBracket,
    EmptyClass,
    NestedClass,
    SetOperation,
    ClassRange,
    UnmatchedParen,
    UnclosedParen,
    UnclosedBracket,
    TrailingBackslash,
    NothingToRepeat,
    RepeatedAnchor,
    RepeatedRepeat,
    CountsReversed,
    RangeOutOfOrder,
}

impl Refusal {
    /// The refusal as the error [`portable`] returns: what is unsupported, or what makes the text no pattern.
    fn error(self) -> PatternError {
        use PatternError::{Malformed, Unsupported};
        match self {
            Refusal::NonAscii => Unsupported("a non-ASCII character (write the pattern in ASCII)"),
            Refusal::TooBig => Unsupported("repeats that expand to more than 10000 items"),
            Refusal::TooDeep => Unsupported("groups nested more than 32 deep"),
            Refusal::Lookahead => Unsupported("a lookahead (?= or (?!"),
            Refusal::Lookbehind => Unsupported("a lookbehind (?<= or (?<!"),
            Refusal::NamedGroup => Unsupported("a named group"),
            Refusal::AtomicGroup => Unsupported("an atomic group (?>"),
            Refusal::OtherGroup => Unsupported("an inline option or other (? group"),
            Refusal::Backreference => Unsupported("a backreference"),
            Refusal::BoundaryBrace => Unsupported("the escape \\b{…}"),
            Refusal::BoundaryInClass => Unsupported("\\b or \\B inside a class"),
            Refusal::NonAsciiEscape => Unsupported("an escape \\x or \\u that is not of an ASCII character"),
            Refusal::OtherEscape => Unsupported(concat!(
                "an escape the engines read differently (use only \\d \\D \\w \\W \\s \\S \\b \\B \\t \\n \\r \\f \\v ",
                "\\xHH \\uHHHH and escaped punctuation)"
            )),
            Refusal::NotARepeat => Unsupported("a '{' that is not a repeat {n}, {n,} or {n,m}"),
            Refusal::CountTooHigh => Unsupported("a repeat count over 1000"),
            Refusal::LoneBracket => Unsupported("a lone ']' or '}' (escape it)"),
            Refusal::EmptyClass => Unsupported("an empty class [] or [^]"),
            Refusal::NestedClass => Unsupported("a '[' inside a class (nested classes or set operations)"),
            Refusal::SetOperation => Unsupported("'&&', '~~' or '--' inside a class (a set operation)"),
            Refusal::ClassRange => Unsupported("a range to or from a class such as \\d"),
            Refusal::UnmatchedParen => Malformed("an unmatched ')'"),
            Refusal::UnclosedParen => Malformed("an unclosed '('"),
            Refusal::UnclosedBracket => Malformed("an unclosed '['"),
            Refusal::TrailingBackslash => Malformed("a '\\' at the end"),
            Refusal::NothingToRepeat => Malformed("a repeat with nothing to repeat"),
            Refusal::RepeatedAnchor => Malformed("a repeat of an anchor (^, $, \\b, \\B)"),
            Refusal::RepeatedRepeat => Malformed("a repeat of a repeat"),
            Refusal::CountsReversed => Malformed("a repeat {n,m} with m below n"),
            Refusal::RangeOutOfOrder => Malformed("a range out of order"),
        }
    }
}

/// A recursive-descent reader of the portable subset that counts what a pattern expands to.
struct Parser<'p> {
    bytes: &'p [u8],
    at: usize,
    depth: usize,
}

/// What an atom is, for the repeat that may follow it.
#[derive(PartialEq)]
enum Atom {
    /// Matches something: may be repeated.
    Item(u32),
    /// `^`, `$`, `\b`, `\B`: matches a position; a repeat of it is refused (an error in JavaScript).
    Anchor,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.at + ahead).copied()
    }

    fn alternation(&mut self) -> Result<u32, Refusal> {
        let mut size = self.sequence()?;
        while self.peek() == Some(b'|') {
            self.at += 1;
            size = size.saturating_add(self.sequence()?);
        }
        Ok(size)
    }

    fn sequence(&mut self) -> Result<u32, Refusal> {
        let mut size = 0_u32;
        while let Some(b) = self.peek() {
            if b == b'|' || b == b')' {
                break;
            }
            let atom = self.atom()?;
            let times = self.repeat()?;
            size = size.saturating_add(match (atom, times) {
                (Atom::Item(n), Some(t)) => n.saturating_mul(t),
                (Atom::Item(n), None) => n,
                (Atom::Anchor, Some(_)) => return Err(Refusal::RepeatedAnchor),
                (Atom::Anchor, None) => 0,
            });
        }
        Ok(size)
    }

    /// A repeat after an atom, if any: how many copies it counts for.
    fn repeat(&mut self) -> Result<Option<u32>, Refusal> {
        let times = match self.peek() {
            Some(b'*' | b'+' | b'?') => {
                self.at += 1;
                2
            }
            Some(b'{') => {
                let (n, m) = self.counted()?;
                m.unwrap_or(n.saturating_add(1)).max(1)
            }
            _ => return Ok(None),
        };
        if self.peek() == Some(b'?') {
            self.at += 1; // lazy: the same verdict when the whole text must match
        }
        if matches!(self.peek(), Some(b'*' | b'+' | b'?' | b'{')) {
            return Err(Refusal::RepeatedRepeat);
        }
        Ok(Some(times))
    }

    /// `{n}`, `{n,}` or `{n,m}` at `self.at`.
    fn counted(&mut self) -> Result<(u32, Option<u32>), Refusal> {
        const NOT_A_REPEAT: Refusal = Refusal::NotARepeat;
        self.at += 1;
        let n = self.number().ok_or(NOT_A_REPEAT)?;
        let m = match self.peek() {
            Some(b'}') => Some(n),
            Some(b',') => {
                self.at += 1;
                if self.peek() == Some(b'}') {
                    None
                } else {
                    Some(self.number().ok_or(NOT_A_REPEAT)?)
                }
            }
            _ => return Err(NOT_A_REPEAT),
        };
        if self.peek() != Some(b'}') {
            return Err(NOT_A_REPEAT);
        }
        self.at += 1;
        if n > MAX_REPEAT || m.is_some_and(|m| m > MAX_REPEAT) {
            return Err(Refusal::CountTooHigh);
        }
        if m.is_some_and(|m| m < n) {
            return Err(Refusal::CountsReversed);
        }
        Ok((n, m))
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        let mut n = 0_u32;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            n = n.saturating_mul(10).saturating_add(u32::from(d - b'0'));
            self.at += 1;
        }
        (self.at > start).then_some(n)
    }

    fn atom(&mut self) -> Result<Atom, Refusal> {
        let Some(b) = self.peek() else { return Ok(Atom::Anchor) };
        self.at += 1;
        match b {
            b'(' => {
                if self.peek() == Some(b'?') {
                    if self.peek_at(1) != Some(b':') {
                        return Err(match self.peek_at(1) {
                            Some(b'=' | b'!') => Refusal::Lookahead,
                            Some(b'<') if matches!(self.peek_at(2), Some(b'=' | b'!')) => Refusal::Lookbehind,
                            Some(b'<' | b'P' | b'\'') => Refusal::NamedGroup,
                            Some(b'>') => Refusal::AtomicGroup,
                            _ => Refusal::OtherGroup,
                        });
                    }
                    self.at += 2;
                }
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(Refusal::TooDeep);
                }
                let size = self.alternation()?;
                self.depth -= 1;
                if self.peek() != Some(b')') {
                    return Err(Refusal::UnclosedParen);
                }
                self.at += 1;
                Ok(Atom::Item(size))
            }
            b'[' => self.class().map(|()| Atom::Item(1)),
            b'^' | b'$' => Ok(Atom::Anchor),
            b'\\' => match self.escape(false)? {
                Escape::Boundary => Ok(Atom::Anchor),
                Escape::Class | Escape::Char => Ok(Atom::Item(1)),
            },
            b'{' => Err(Refusal::NotARepeat),
            b'*' | b'+' | b'?' => Err(Refusal::NothingToRepeat),
            b']' | b'}' => Err(Refusal::LoneBracket),
            _ => Ok(Atom::Item(1)),
        }
    }

    /// An escape after its `\` (inside a class when `in_class`).
    fn escape(&mut self, in_class: bool) -> Result<Escape, Refusal> {
        let Some(b) = self.peek() else { return Err(Refusal::TrailingBackslash) };
        self.at += 1;
        match b {
            b'd' | b'D' | b'w' | b'W' | b's' | b'S' => Ok(Escape::Class),
            b'b' | b'B' if in_class => Err(Refusal::BoundaryInClass),
            b'b' | b'B' if self.peek() == Some(b'{') => Err(Refusal::BoundaryBrace),
            b'b' | b'B' => Ok(Escape::Boundary),
            b't' | b'n' | b'r' | b'f' | b'v' => Ok(Escape::Char),
            b'x' | b'u' => {
                // \xHH or \uHHHH of an ASCII character: `0`-`7` then one hex digit, after two `0`s for \u.
                let digits = self.bytes.get(self.at..).unwrap_or_default();
                let ok = match (b, digits) {
                    (b'x', [b'0'..=b'7', h, ..]) | (b'u', [b'0', b'0', b'0'..=b'7', h, ..]) => h.is_ascii_hexdigit(),
                    _ => false,
                };
                if !ok {
                    return Err(Refusal::NonAsciiEscape);
                }
                self.at += if b == b'x' { 2 } else { 4 };
                Ok(Escape::Char)
            }
            b'1'..=b'9' | b'k' => Err(Refusal::Backreference),
            b'\\' | b'.' | b'+' | b'*' | b'?' | b'(' | b')' | b'|' | b'[' | b']' | b'{' | b'}' | b'^' | b'$' | b'-'
            | b'/' | b'#' | b'&' | b'~' => Ok(Escape::Char),
            _ => Err(Refusal::OtherEscape),
        }
    }

    /// A class after its `[`, through its `]`.
    fn class(&mut self) -> Result<(), Refusal> {
        if self.peek() == Some(b'^') {
            self.at += 1;
        }
        if self.peek() == Some(b']') {
            return Err(Refusal::EmptyClass);
        }
        let mut previous = Item::None;
        loop {
            let Some(b) = self.peek() else { return Err(Refusal::UnclosedBracket) };
            self.at += 1;
            previous = match b {
                b']' => return Ok(()),
                b'[' => return Err(Refusal::NestedClass),
                b'&' | b'~' | b'-' if self.peek() == Some(b) => return Err(Refusal::SetOperation),
                b'-' if previous != Item::None && self.peek() != Some(b']') => {
                    let end = match self.peek() {
                        Some(b'\\') => {
                            self.at += 1;
                            match self.escape(true)? {
                                Escape::Char => Item::Escaped,
                                _ => Item::Class,
                            }
                        }
                        Some(e) => {
                            self.at += 1;
                            Item::Literal(e)
                        }
                        None => return Err(Refusal::UnclosedBracket),
                    };
                    match (previous, end) {
                        (Item::Class, _) | (_, Item::Class) => return Err(Refusal::ClassRange),
                        (Item::Literal(s), Item::Literal(e)) if e < s => return Err(Refusal::RangeOutOfOrder),
                        _ => Item::None,
                    }
                }
                b'\\' => match self.escape(true)? {
                    Escape::Char => Item::Escaped,
                    _ => Item::Class,
                },
                _ => Item::Literal(b),
            };
        }
    }
}

/// The previous item of a class, where a range may start.
#[derive(Clone, Copy, PartialEq)]
enum Item {
    /// None: the class's start, or just after a range.
    None,
    Literal(u8),
    /// An escaped character (`\.`, `\x41`).
    Escaped,
    /// A class escape (`\d`).
    Class,
}

/// What an escape stands for.
#[derive(PartialEq)]
enum Escape {
    /// One character.
    Char,
    /// A class such as `\d`.
    Class,
    /// `\b` or `\B`.
    Boundary,
}

#[cfg(test)]
mod tests {
    use super::{portable, Pattern, PatternError};

    #[test]
    fn anchored_at_both_ends() {
        let p = Pattern::anchored(r"\d{5}(?:-\d{4})?").unwrap();
        assert!(p.is_match("98052") && p.is_match("98052-6399"));
        assert!(!p.is_match("98052x") && !p.is_match("x98052") && !p.is_match("9805"));
        // An alternation stays inside the anchors.
        let p = Pattern::anchored("a|b").unwrap();
        assert!(p.is_match("a") && !p.is_match("ab"));
        assert!(Pattern::anchored("(").is_err());
    }

    #[test]
    fn names_what_it_refuses() {
        assert_eq!(portable("(?=1)1"), Err(PatternError::Unsupported("a lookahead (?= or (?!")));
        assert_eq!(portable(r"(\d)\1"), Err(PatternError::Unsupported("a backreference")));
        assert_eq!(
            portable("[a-z-[aeiou]]"),
            Err(PatternError::Unsupported("a '[' inside a class (nested classes or set operations)"))
        );
        assert_eq!(portable("(1"), Err(PatternError::Malformed("an unclosed '('")));
        assert_eq!(portable(r"^(1[\-\/\.]?)?(\((\d{3})\)|(\d{3}))[\-\/\.]?(\d{3})[\-\/\.]?(\d{4})$"), Ok(()));
    }

    proptest::proptest! {
        // Never panics, on any text or on pattern-like text; what the checker accepts, the native engine compiles.
        #[test]
        fn portable_is_total(
            p in "[\\\\()\\[\\]{}?*+|^$.,0-9a-dxuPpk<>=!:&~-]{0,16}",
            any in proptest::prelude::any::<String>(),
        ) {
            for p in [&p, &any] {
                if portable(p).is_ok() {
                    #[cfg(feature = "regex")]
                    proptest::prop_assert!(!matches!(Pattern::anchored(p), Err(PatternError::Invalid(_))), "{:?}", p);
                }
            }
        }
    }
}
