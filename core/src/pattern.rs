//! Patterns: the postcode patterns of the country table and the postcode and phone patterns of run-time Partner
//! Center rules, always anchored at both ends (a valid code with anything appended must fail, `rules.md` section 2).
//!
//! Native builds compile them with the `regex` crate (feature `regex`, on by default), in its ASCII mode (`\d` is
//! `[0-9]`, as in JavaScript without the `u` flag), matching bytes. The WebAssembly builds borrow the JavaScript
//! engine's `RegExp` through [`crate::host`] instead, which keeps a regex engine (about 30 KB gzip) out of the module:
//! Google's address metadata was written for JavaScript (libaddressinput), and Partner Center's patterns use the same
//! plain subset (classes, `\d`, counted repeats, groups, alternation), which both engines read alike.

/// A compiled, anchored pattern.
#[derive(Debug, Clone)]
pub struct Pattern(Inner);

#[cfg(feature = "regex")]
type Inner = regex::bytes::Regex;
#[cfg(not(feature = "regex"))]
type Inner = std::sync::Arc<Handle>;

/// A pattern compiled by the host; freed there when the last rule holding it is dropped (run-time country rules
/// replaced), so replacing rules never leaves `RegExp`s behind.
#[cfg(not(feature = "regex"))]
#[derive(Debug)]
pub struct Handle(u32);

#[cfg(not(feature = "regex"))]
impl Drop for Handle {
    fn drop(&mut self) {
        crate::host::free(self.0);
    }
}

impl Pattern {
    /// Compiles `^(?:pattern)$`; the error is the engine's own words.
    pub fn anchored(pattern: &str) -> Result<Pattern, String> {
        let anchored = ["^(?:", pattern, ")$"].concat();
        #[cfg(feature = "regex")]
        return regex::bytes::RegexBuilder::new(&anchored)
            .unicode(false)
            .size_limit(1 << 20)
            .build()
            .map(Pattern)
            .map_err(|e| e.to_string());
        #[cfg(not(feature = "regex"))]
        return crate::host::compile(&anchored).map(|id| Pattern(std::sync::Arc::new(Handle(id))));
    }

    /// Whether the whole text matches.
    pub fn is_match(&self, text: &str) -> bool {
        #[cfg(feature = "regex")]
        return self.0.is_match(text.as_bytes());
        #[cfg(not(feature = "regex"))]
        return crate::host::is_match(self.0 .0, text);
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

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
}
