//! The admin username: the local part of the new tenant's global-admin UPN (`rules.md` section 1).
//!
//! - Characters `A-Z a-z 0-9 ' . - _ ! # ^ ~` [Entra: "password policies and account restrictions", UPN rules].
//! - Length 1–64 [Entra].
//! - No leading or trailing `.` or `-` [M365-KB, older text]; `_` is allowed anywhere [M365-KB].
//! - No `..` (**decision**, conservative: a period may not precede `@` [Entra] and RFC 5322 dot-atoms forbid it).
//! - A whole address typed into the field is rejected with a hint offering its local part.
//!
//! The value is kept as typed (after section 0): UPNs are case-insensitive but keep their case for display.

use crate::issue::{Outcome, Params, Reason, Wording};
use crate::text;
use alloc::borrow::Cow;
use alloc::{borrow::ToOwned, string::String};

/// The longest username [Entra].
pub const MAX_LEN: usize = 64;

/// Why a username is not accepted.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsernameReason {
    Required,
    TooLong {
        max: usize,
    },
    /// The user typed `local@domain`; `local` is what the field wants.
    WholeAddress {
        local_part: String,
    },
    /// A character outside the allowed set, at a 1-based character position.
    BadCharacter {
        ch: char,
        position: usize,
    },
    /// `.` or `-` as the first or last character.
    BadEdge {
        ch: char,
    },
    ConsecutiveDots,
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "username.required" { Required: "Enter the admin username." }
    "username.too_long" (max: Int) { TooLong: "The username can have at most {max} characters." }
    "username.whole_address" (localPart: Str) {
        WholeAddress: "Enter only the part before @ (the domain is set below): did you mean \"{localPart}\"?"
    }
    "username.bad_character" (character: Str, position: Int) {
        BadCharacter: "The username cannot contain {character|char} (character {position}); use letters, digits \
                       and ' . - _ ! # ^ ~."
    }
    "username.bad_edge" (character: Str) { BadEdge: "The username cannot start or end with \"{character}\"." }
    "username.consecutive_dots" { ConsecutiveDots: "The username cannot contain two dots in a row." }
}

crate::display_as_message!(UsernameReason);

impl Reason for UsernameReason {
    fn wording(&self) -> Wording {
        match self {
            Self::Required => Say::Required,
            Self::TooLong { .. } => Say::TooLong,
            Self::WholeAddress { .. } => Say::WholeAddress,
            Self::BadCharacter { .. } => Say::BadCharacter,
            Self::BadEdge { .. } => Say::BadEdge,
            Self::ConsecutiveDots => Say::ConsecutiveDots,
        }
        .into()
    }
    fn params(&self) -> Params {
        let p = Params::default();
        match self {
            Self::TooLong { max } => p.with("max", *max),
            Self::WholeAddress { local_part } => p.with("localPart", local_part),
            Self::BadCharacter { ch, position } => p.with("character", *ch).with("position", *position),
            Self::BadEdge { ch } => p.with("character", *ch),
            _ => p,
        }
    }
}

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\'' | '.' | '-' | '_' | '!' | '#' | '^' | '~')
}

/// Checks the admin username and returns it as it will be sent.
pub fn check(raw: &str) -> Outcome<Cow<'_, str>, UsernameReason> {
    let value = text::normalize(raw).map_err(|_| UsernameReason::TooLong { max: text::MAX_CHARS })?;
    if value.is_empty() {
        return Err(UsernameReason::Required);
    }
    if let Some((local, _domain)) = crate::text::split_once_at(&value, b'@') {
        return Err(UsernameReason::WholeAddress { local_part: crate::text::trim(local).to_owned() });
    }
    if let Some((i, ch)) = value.chars().enumerate().find(|&(_, c)| !allowed(c)) {
        return Err(UsernameReason::BadCharacter { ch, position: i + 1 });
    }
    // Only ASCII from here on.
    if value.len() > MAX_LEN {
        return Err(UsernameReason::TooLong { max: MAX_LEN });
    }
    for edge in [value.bytes().next(), value.bytes().last()] {
        if let Some(ch @ (b'.' | b'-')) = edge {
            return Err(UsernameReason::BadEdge { ch: char::from(ch) });
        }
    }
    if value.as_bytes().windows(2).any(|w| w == b"..") {
        return Err(UsernameReason::ConsecutiveDots);
    }
    Ok(crate::Checked::ok(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(raw: &str) -> &'static str {
        match check(raw) {
            Ok(_) => "ok",
            Err(r) => r.code(),
        }
    }

    #[test]
    fn table() {
        let cases = [
            // Allowed characters [Entra].
            ("admin", "ok"),
            ("Ada.Lovelace", "ok"),
            ("o'brien", "ok"),
            ("a-b_c!d#e^f~g", "ok"),
            ("_admin_", "ok"),    // `_` anywhere [M365-KB]
            ("ａｄｍｉｎ", "ok"), // full-width, folded by section 0
            ("  admin  ", "ok"),  // trimmed by section 0
            ("", "username.required"),
            ("   ", "username.required"),
            ("ad min", "username.bad_character"),
            ("a&b", "username.bad_character"),
            ("jürgen", "username.bad_character"),
            ("admin@contoso.onmicrosoft.com", "username.whole_address"),
            (".admin", "username.bad_edge"), // [M365-KB older text]
            ("admin.", "username.bad_edge"),
            ("-admin", "username.bad_edge"),
            ("admin-", "username.bad_edge"),
            ("ad..min", "username.consecutive_dots"), // decision
        ];
        for (raw, want) in cases {
            assert_eq!(code(raw), want, "{raw:?}");
        }
        // Length 1–64 [Entra].
        assert_eq!(code(&"a".repeat(64)), "ok");
        assert_eq!(code(&"a".repeat(65)), "username.too_long");
        assert_eq!(check(&"a".repeat(2000)), Err(UsernameReason::TooLong { max: 1000 }));
    }

    #[test]
    fn details() {
        assert_eq!(check("ad min"), Err(UsernameReason::BadCharacter { ch: ' ', position: 3 }));
        assert_eq!(check("admin@contoso.com"), Err(UsernameReason::WholeAddress { local_part: "admin".into() }));
        assert_eq!(check("ａｄｍｉｎ").unwrap().value, "admin");
    }
}
