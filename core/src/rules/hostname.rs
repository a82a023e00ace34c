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

/// Checks a lower-case host name. Returns the first problem found, scanning left to right.
pub fn check(host: &str) -> Result<(), HostnameProblem> {
    if let Some((position, ch)) =
        host.chars().enumerate().find(|&(_, c)| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'))
    {
        return Err(HostnameProblem::BadCharacter { ch, position: position + 1 });
    }
    if !host.contains('.') {
        return Err(HostnameProblem::NoDot);
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Err(HostnameProblem::EmptyLabel);
        }
        if label.len() > 63 {
            return Err(HostnameProblem::LabelTooLong);
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(HostnameProblem::HyphenAtLabelEdge);
        }
    }
    let tld = host.rsplit('.').next().unwrap_or_default();
    if tld.len() < 2 || !tld.bytes().all(|b| b.is_ascii_lowercase()) {
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
