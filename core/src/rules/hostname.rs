//! DNS host names, shared by the domain alias (`rules::domain`) and the e-mail domain (`rules::email`):
//! labels of 1–63 characters from `a-z 0-9 -`, not starting or ending with `-` [RFC 1035 section 2.3.1, RFC 1123
//! section 2.1], separated by single dots, ending in an alphabetic top-level domain of at least two letters
//! (`rules.md` section 1, alias; section 2, e-mail). The caller lower-cases first and bounds the whole length.

/// Why a host name is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostnameProblem {
    /// No dot: a single label is no public domain.
    NoDot,
    /// An empty label: a leading, trailing or doubled dot.
    EmptyLabel,
    /// A label over 63 characters.
    LabelTooLong,
    /// A character other than `a-z 0-9 -` (and its position, counted in characters from 1).
    BadCharacter { ch: char, position: usize },
    /// A label starting or ending with `-`.
    HyphenAtLabelEdge,
    /// The last label is not 2+ letters.
    BadTld,
}

/// Checks a lower-case host name. Returns the first problem found, scanning left to right (a bad character first,
/// then the labels in order). One pass over the bytes: this runs on every record (e-mail, partner domain).
pub fn check(host: &str) -> Result<(), HostnameProblem> {
    if let Some(i) =
        host.bytes().position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'))
    {
        // Only ASCII before the offending byte, so its character position is its byte index + 1.
        let ch = host.get(i..).and_then(|rest| rest.chars().next()).unwrap_or('\u{fffd}');
        return Err(HostnameProblem::BadCharacter { ch, position: i + 1 });
    }
    let mut last = "";
    let mut dots = 0;
    for label in crate::text::split_by(host, b'.') {
        let b = label.as_bytes();
        match (b.first(), b.last()) {
            (None, _) | (_, None) => return Err(HostnameProblem::EmptyLabel),
            _ if b.len() > 63 => return Err(HostnameProblem::LabelTooLong),
            (Some(b'-'), _) | (_, Some(b'-')) => return Err(HostnameProblem::HyphenAtLabelEdge),
            _ => {}
        }
        last = label;
        dots += 1;
    }
    if dots < 2 {
        return Err(HostnameProblem::NoDot);
    }
    if last.len() < 2 || !last.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(HostnameProblem::BadTld);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{check, HostnameProblem::*};

    #[test]
    fn table() {
        // RFC 1035 / RFC 1123 label syntax; alphabetic TLD of 2+ letters (rules.md).
        let cases: &[(&str, Result<(), super::HostnameProblem>)] = &[
            ("contoso.com", Ok(())),
            ("mail.contoso.co.uk", Ok(())),
            ("x-1.example", Ok(())),
            ("3com.com", Ok(())),
            ("contoso", Err(NoDot)),
            ("contoso..com", Err(EmptyLabel)),
            (".contoso.com", Err(EmptyLabel)),
            ("contoso.com.", Err(EmptyLabel)),
            ("-contoso.com", Err(HyphenAtLabelEdge)),
            ("contoso-.com", Err(HyphenAtLabelEdge)),
            ("contoso.c", Err(BadTld)),
            ("contoso.c0m", Err(BadTld)),
            ("contoso.123", Err(BadTld)),
            ("con_toso.com", Err(BadCharacter { ch: '_', position: 4 })),
            ("cöntoso.com", Err(BadCharacter { ch: 'ö', position: 2 })),
        ];
        for (host, want) in cases {
            assert_eq!(check(host), *want, "{host}");
        }
        assert_eq!(check(&format!("{}.com", "a".repeat(64))), Err(LabelTooLong));
        assert_eq!(check(&format!("{}.com", "a".repeat(63))), Ok(()));
    }
}
