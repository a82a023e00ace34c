//! Exit statuses and complaints on stderr: the one home of what the command line and the stand-in share (issue #10,
//! "no import circles"). Below both; depends on nothing of the crate.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write as _;

/// Exit status: every record valid (or the server stopped cleanly).
pub const EXIT_VALID: u8 = 0;
/// Exit status: some record invalid.
pub const EXIT_INVALID: u8 = 1;
/// Exit status: the input (or the arguments) could not be read, or the server could not start.
pub const EXIT_TROUBLE: u8 = 2;

/// Prints a message on stderr, prefixed with the program's name, with its control characters escaped
/// ([`escape_controls`]): a file name or a CSV header cell can hold an escape sequence, and stderr is usually a
/// terminal. A stderr that cannot be written (a closed pipe) is ignored rather than a panic, as `eprintln!` would.
pub fn complain(msg: impl std::fmt::Display) {
    let text = msg.to_string();
    let _ = writeln!(std::io::stderr().lock(), "tenantcheck: {}", escape_controls(&text));
}

/// True for the characters a terminal may act on rather than show: C0 controls, DEL, C1 controls (U+0080 to U+009F,
/// where U+009B is a one-character CSI), and the bidirectional overrides and isolates that reorder what follows
/// (U+202A to U+202E, U+2066 to U+2069; CVE-2021-42574, "Trojan Source").
pub fn is_terminal_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every [`is_terminal_control`] character written as `\u{…}` (Rust's escape syntax, as `{:?}` writes
/// it); borrowed when there is none.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_terminal_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_terminal_control(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_act_on() {
        assert_eq!(escape_controls("plain: café"), "plain: café");
        assert_eq!(escape_controls("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_controls("x\u{9b}31m\u{7f}\u{202e}y\n"), "x\\u{9b}31m\\u{7f}\\u{202e}y\\u{a}");
    }
}
