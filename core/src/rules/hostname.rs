//! DNS host names, shared by the domain alias (`rules::domain`), the e-mail domain (`rules::email`) and the partner's
//! configured domain (`rules::config`).
//!
//! - ASCII form: labels of 1–63 characters from `a-z 0-9 -`, not starting or ending with `-` [RFC 1035 section
//!   2.3.1, RFC 1123 section 2.1], separated by single dots, ending in a top-level domain of at least two letters or
//!   an IDN top-level domain in its `xn--` form (`.xn--p1ai`, `.рф`) (`rules.md` section 1, alias; section 2,
//!   e-mail). The caller lower-cases ASCII first and bounds the whole length.
//! - Internationalized names ([`to_ascii`]): a Unicode domain (`müller.de`) is converted to its ASCII form
//!   (`xn--mller-kva.de`) by UTS 46 (Unicode IDNA compatibility processing) with non-transitional processing (`ß`
//!   and `ς` stay themselves, as IDNA2008 and every browser today: `faß.de` is `xn--fa-hia.de`, not `fass.de`), and
//!   every `xn--` label is checked to be valid Punycode of a valid label. The ASCII result must then pass the rules
//!   above (UTS 46's UseSTD3ASCIIRules, VerifyDnsLength, and hyphens at a label's edges), and the bidi rule
//!   [RFC 5893 section 2] and the joiner rules [RFC 5892 appendix A.1, A.2] hold over the Unicode labels.
//! - The conversion engine: natively the `idna` crate (feature `idna`), set as WHATWG URL sets UTS 46
//!   (non-transitional, CheckBidi, CheckJoiners, the URL's forbidden code points); in the WebAssembly package the
//!   JavaScript engine's `URL` (`new URL("http://" + host).hostname`, through [`crate::host`]), which keeps the
//!   `idna` crate's tables (about 55 KB gzip) out of the module. The checks around the engine are this module's and
//!   run in both builds: the characters and labels are checked before the engine sees them (so that `URL` never
//!   reads a port, a path, a percent-escape or an IPv4 address), and after it the ASCII rules above, the bidi rule
//!   and the joiner rules (which engines apply differently: Node.js's `URL` lets `aא.com` through), with
//!   [`crate::rules::idn_data`], generated from the `idna` crate's own Unicode data. `core/tests/idn_parity.rs`
//!   and the package's tests hold both builds to one table of answers.

use crate::rules::idn_data::{RUN_CLASSES, RUN_STEPS};
use alloc::borrow::Cow;
use alloc::{string::String, vec::Vec};

/// Why a host name is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostnameProblem {
    /// No dot: a single label is no public domain.
    NoDot,
    /// An empty label: a leading, trailing or doubled dot.
    EmptyLabel,
    /// A label over 63 characters (in its ASCII form).
    LabelTooLong,
    /// A character other than `a-z 0-9 -` (and its position, counted in characters from 1).
    BadCharacter { ch: char, position: usize },
    /// A label starting or ending with `-`.
    HyphenAtLabelEdge,
    /// The last label is not 2+ letters or an `xn--` label.
    BadTld,
    /// Not a valid internationalized domain name: UTS 46 refuses it (a character IDNA does not allow, a combining
    /// mark at a label's start, bad Punycode after `xn--`), or the bidi or joiner rules fail.
    BadIdn,
}

/// The longest DNS label [RFC 1035 section 2.3.4].
pub const MAX_LABEL: usize = 63;

/// The prefix of an IDNA label in its ASCII form [RFC 5890 section 2.3.2.1].
const ACE_PREFIX: &str = "xn--";

/// Checks a lower-case host name in its ASCII form. Returns the first problem found, scanning left to right (a bad
/// character first, then the labels in order). It does not read `xn--` labels: [`to_ascii`] does.
pub fn check(host: &str) -> Result<(), HostnameProblem> {
    labels(host, false)
}

/// [`check`], or with `unicode` what it says of a Unicode host before the engine reads it: non-ASCII characters and
/// the ideographic full stop `。` pass (UTS 46 maps it to a dot; NFKC has already turned `．` and `｡` into these
/// two), and of the labels only empty ones, a single label and an ASCII last label that is no TLD are refused (the
/// others are checked in ASCII form, after the engine).
fn labels(host: &str, unicode: bool) -> Result<(), HostnameProblem> {
    for (i, ch) in host.chars().enumerate() {
        if !(ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-' || ch == '.' || unicode && !ch.is_ascii()) {
            return Err(HostnameProblem::BadCharacter { ch, position: i + 1 });
        }
    }
    // The labels, each ended by a dot or by the end of the host: how many, and the last.
    // The end of the host counts as a dot (a loop, not a `Chain` of the characters and one dot: smaller in the
    // WebAssembly package).
    let (mut count, mut start, mut last) = (0, 0, "");
    let mut chars = host.char_indices();
    let mut ended = false;
    while !ended {
        let (at, c) = chars.next().unwrap_or_else(|| {
            ended = true;
            (host.len(), '.')
        });
        if !is_dot(c) {
            continue;
        }
        let label = host.get(start..at).unwrap_or_default();
        let b = label.as_bytes();
        match (b.first(), b.last()) {
            (None, _) | (_, None) => return Err(HostnameProblem::EmptyLabel),
            _ if unicode => {}
            _ if b.len() > MAX_LABEL => return Err(HostnameProblem::LabelTooLong),
            (Some(b'-'), _) | (_, Some(b'-')) => return Err(HostnameProblem::HyphenAtLabelEdge),
            _ => {}
        }
        (count, start, last) = (count + 1, at + c.len_utf8(), label);
    }
    if count < 2 {
        return Err(HostnameProblem::NoDot);
    }
    if last.is_ascii() && !is_tld(last) {
        return Err(HostnameProblem::BadTld);
    }
    Ok(())
}

/// A full stop of a host name: `.`, or the ideographic full stop `。` that UTS 46 maps to it (NFKC, section 0, has
/// already made `．` and `｡` one of these two).
pub fn is_dot(c: char) -> bool {
    c == '.' || c == '\u{3002}'
}

/// A top-level domain in ASCII: 2+ letters, or an IDN TLD in its `xn--` form (`rules.md`).
fn is_tld(label: &str) -> bool {
    label.len() >= 2 && label.bytes().all(|b| b.is_ascii_lowercase()) || label.starts_with(ACE_PREFIX)
}

/// Converts a host name to its ASCII form and checks it (see the module's documentation). `host` has been through
/// section 0 (NFKC, trimmed) and its ASCII letters are lower case. Borrows when the host was in ASCII form without an
/// `xn--` label.
pub fn to_ascii(host: &str) -> Result<Cow<'_, str>, HostnameProblem> {
    labels(host, !host.is_ascii())?;
    if host.is_ascii() && !has_ace_label(host) {
        return Ok(Cow::Borrowed(host));
    }
    let ascii = engine(host).ok_or(HostnameProblem::BadIdn)?;
    check(&ascii)?;
    let unicode = idn_rules(&ascii)?;
    // UTS 46 validity of the `xn--` labels (section 4.1: the decoded label is in NFC, and every character is valid,
    // not mapped): converting the Unicode form again gives the same labels back (a host without one gives itself back).
    // The `idna` crate checks this itself; Chromium's `URL` does not (it keeps `xn--a`, whose Punycode decodes to a
    // control character).
    if engine(&unicode).as_deref() != Some(&*ascii) {
        return Err(HostnameProblem::BadIdn);
    }
    Ok(Cow::Owned(ascii))
}

/// Whether a label of an ASCII host starts with `xn--`.
fn has_ace_label(host: &str) -> bool {
    crate::text::split_by(host, b'.').any(|label| label.starts_with(ACE_PREFIX))
}

/// The last label of a host, after its last dot ([`is_dot`]).
pub fn last_label(host: &str) -> &str {
    // `Chars::next_back` (as `text::trim` uses), not `char_indices().rfind`: code shared in the WebAssembly package.
    let mut chars = host.chars();
    while let Some(c) = chars.next_back() {
        if is_dot(c) {
            return host.get(chars.as_str().len() + c.len_utf8()..).unwrap_or_default();
        }
    }
    host
}

/// UTS 46 ToASCII, non-transitional, with CheckBidi and CheckJoiners, the URL's forbidden code points, hyphens and
/// DNS lengths left to [`check`]: WHATWG URL's "domain to ASCII" (`beStrict` false). `None` when it fails.
#[cfg(feature = "idna")]
fn engine(host: &str) -> Option<String> {
    use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
    Uts46::new()
        .to_ascii(host.as_bytes(), AsciiDenyList::URL, Hyphens::Allow, DnsLength::Ignore)
        .ok()
        .map(crate::text::owned)
}

/// The same through the host's engine (the JavaScript `URL`, [`crate::host`]).
#[cfg(not(feature = "idna"))]
fn engine(host: &str) -> Option<String> {
    crate::host::to_ascii(host)
}

/// The bidi rule [RFC 5893 section 2] over the whole domain and the joiner rules [RFC 5892 appendix A.1, A.2] in each
/// label, on the Unicode form of an ASCII host, and no hyphen at the edges of a Unicode label. `BadIdn` also when an
/// `xn--` label is no Punycode. Returns the Unicode form of the host.
fn idn_rules(ascii: &str) -> Result<String, HostnameProblem> {
    // The Unicode form, its labels separated by '.' as in `ascii`.
    let mut unicode: Vec<char> = Vec::with_capacity(ascii.len());
    for (i, label) in crate::text::split_by(ascii, b'.').enumerate() {
        if i > 0 {
            unicode.push('.');
        }
        match label.strip_prefix(ACE_PREFIX) {
            Some(puny) => punycode_decode(puny, &mut unicode).ok_or(HostnameProblem::BadIdn)?,
            // ASCII ([`check`] has passed): bytes are characters.
            None => push_ascii(&mut unicode, label),
        }
    }
    let is_bidi_domain = unicode.iter().any(|&c| matches!(bidi(c), RTL | AN));
    let (mut hyphen, mut bad) = (false, false);
    for label in unicode.split(|&c| c == '.') {
        // UTS 46 CheckHyphens, as far as RFC 1123 goes: no label starts or ends with '-' in its Unicode form either.
        hyphen |= label.first() == Some(&'-') || label.last() == Some(&'-');
        bad |= is_bidi_domain && !bidi_label(label) || !joiners(label);
    }
    if hyphen {
        return Err(HostnameProblem::HyphenAtLabelEdge);
    }
    if bad {
        return Err(HostnameProblem::BadIdn);
    }
    // A plain loop, not `collect` (`String`'s `FromIterator<char>` over a `vec::IntoIter` is code of its own).
    let mut out = String::with_capacity(unicode.len());
    for &c in &unicode {
        out.push(c);
    }
    Ok(out)
}

/// Pushes an ASCII text's characters (bytes are characters): a plain loop, not `extend` over a mapped iterator
/// (code of its own in the WebAssembly package).
fn push_ascii(out: &mut Vec<char>, ascii: &str) {
    for &b in ascii.as_bytes() {
        out.push(char::from(b));
    }
}

/// Bidi classes of [`RUN_CLASSES`].
const L: u32 = 0;
const RTL: u32 = 1;
const AN: u32 = 2;
const EN: u32 = 3;
const NSM: u32 = 4;
const NEUTRAL: u32 = 5;

/// The class of `c` in the runs of [`RUN_CLASSES`]: each run's class, and in [`RUN_STEPS`] how far it starts after the
/// previous one (LEB128). Read from the start (a few KB smaller in the package than a table of `u32` to search; it
/// runs only on internationalized domain names; ASCII, which the rest of their labels are made of, is in the first few
/// runs). The table describes only the code points UTS 46 keeps in a label: a code point it maps, ignores or refuses
/// can only come from an `xn--` label typed by hand, which fails the round trip of [`to_ascii`] whatever its class.
fn class_of(c: char) -> u32 {
    let (mut start, mut class, mut value, mut shift, mut run) = (0_u32, 0, 0_u32, 0, 0);
    for &b in &RUN_STEPS {
        value |= u32::from(b & 0x7f).wrapping_shl(shift);
        shift += 7;
        if b & 0x80 != 0 {
            continue;
        }
        let next = start.saturating_add(value);
        if next > c as u32 {
            break;
        }
        class = RUN_CLASSES.get(run).map_or(0, |&k| u32::from(k));
        (start, value, shift, run) = (next, 0, 0, run + 1);
    }
    class
}

fn bidi(c: char) -> u32 {
    class_of(c) / 10
}

/// The joining type of `c`: [`JOIN_LEFT`], [`JOIN_DUAL`], [`JOIN_RIGHT`], [`JOIN_TRANSPARENT`] or 0.
fn joining(c: char) -> u32 {
    class_of(c) % 10 % 5
}

/// Canonical_Combining_Class Virama.
fn is_virama(c: char) -> bool {
    class_of(c) % 10 >= 5
}

/// RFC 5893 section 2, rules 1–6, for one label of a bidi domain: the classes the label holds, and the class of its
/// last character that is not NSM, as bits (`1 << class`).
fn bidi_label(label: &[char]) -> bool {
    let bit = |class: u32| 1_u32 << class;
    let (mut seen, mut end) = (0, 0);
    for &c in label {
        let class = bidi(c);
        seen |= bit(class);
        if class != NSM {
            end = bit(class);
        }
    }
    let (allowed, ends) = match label.first().map(|&c| bidi(c)) {
        None => return true,
        // Rules 5 and 6.
        Some(L) => (bit(L) | bit(EN) | bit(NEUTRAL) | bit(NSM), bit(L) | bit(EN)),
        // Rules 2 and 3.
        Some(RTL) => (bit(RTL) | bit(AN) | bit(EN) | bit(NEUTRAL) | bit(NSM), bit(RTL) | bit(EN) | bit(AN)),
        _ => return false, // rule 1
    };
    // Rule 4: no label with both European and Arabic digits.
    seen & !allowed == 0 && end & ends != 0 && seen & (bit(EN) | bit(AN)) != bit(EN) | bit(AN)
}

/// Joining types of [`RUN_CLASSES`].
const JOIN_LEFT: u32 = 1;
const JOIN_DUAL: u32 = 2;
const JOIN_RIGHT: u32 = 3;
const JOIN_TRANSPARENT: u32 = 4;

/// CONTEXTJ [RFC 5892 appendix A.1, A.2]: a ZERO WIDTH NON-JOINER or JOINER after a virama; a non-joiner also
/// between a left- or dual-joining and a right- or dual-joining letter (transparent ones in between).
fn joiners(label: &[char]) -> bool {
    for (i, &c) in label.iter().enumerate() {
        if c != '\u{200c}' && c != '\u{200d}' {
            continue;
        }
        let (before, after) = (label.get(..i).unwrap_or_default(), label.get(i + 1..).unwrap_or_default());
        if before.last().is_some_and(|&p| is_virama(p)) {
            continue;
        }
        if c == '\u{200d}' || !joins(before, true, JOIN_LEFT) || !joins(after, false, JOIN_RIGHT) {
            return false;
        }
    }
    true
}

/// The first letter of `chars` (from the end when `backwards`) that is not transparent joins on `side` (or both sides).
fn joins(chars: &[char], backwards: bool, side: u32) -> bool {
    // One copy for both directions (not generic over the iterator: WebAssembly size).
    let n = chars.len();
    for k in 0..n {
        let Some(&c) = chars.get(if backwards { n - 1 - k } else { k }) else { break };
        let t = joining(c);
        if t != JOIN_TRANSPARENT {
            return t == JOIN_DUAL || t == side;
        }
    }
    false
}

/// Punycode [RFC 3492 section 6.2] of the part of a label after `xn--`, decoded at the end of `out`; `None` when it
/// is not Punycode (which is ASCII: the basic code points are copied byte by byte).
fn punycode_decode(input: &str, out: &mut Vec<char>) -> Option<()> {
    use core::num::NonZeroU32;
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    if !input.is_ascii() {
        return None;
    }
    let (basic, extended) = crate::text::rsplit_once_at(input, b'-').unwrap_or(("", input));
    let start = out.len();
    push_ascii(out, basic);
    let (mut n, mut i, mut bias) = (0x80_u32, 0_u32, 72_u32);
    let mut digits = extended.bytes();
    let mut first = true;
    while digits.len() > 0 {
        let old_i = i;
        let mut w = 1_u32;
        let mut k = BASE;
        loop {
            let digit = match digits.next()? {
                b @ b'a'..=b'z' => b - b'a',
                b @ b'0'..=b'9' => b - b'0' + 26,
                _ => return None,
            } as u32;
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = k.saturating_sub(bias).clamp(T_MIN, T_MAX);
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        // Never zero (so the divisions below have no panic path): the code points decoded so far, plus one.
        let len = NonZeroU32::MIN.saturating_add((out.len() - start) as u32);
        // Bias adaptation (section 6.1).
        let mut delta = (i - old_i) / if first { 700 } else { 2 };
        first = false;
        delta += delta / len;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        bias = k + (BASE - T_MIN + 1) * delta / (delta + 38);
        n = n.checked_add(i / len)?;
        i %= len;
        out.insert(start + i as usize, char::from_u32(n)?);
        i += 1;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::{check, to_ascii, HostnameProblem::*};

    #[test]
    fn table() {
        // RFC 1035 / RFC 1123 label syntax; a TLD of 2+ letters or an xn-- label (rules.md).
        let cases: &[(&str, Result<(), super::HostnameProblem>)] = &[
            ("contoso.com", Ok(())),
            ("mail.contoso.co.uk", Ok(())),
            ("x-1.example", Ok(())),
            ("3com.com", Ok(())),
            ("xn--e1afmkfd.xn--p1ai", Ok(())),
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

    #[test]
    fn to_ascii_table() {
        let cases: &[(&str, Result<&str, super::HostnameProblem>)] = &[
            ("contoso.com", Ok("contoso.com")),
            // UTS 46, non-transitional: ß and ς stay (IDNA2008) [UTS 46 section 4, Transitional_Processing=false].
            ("müller.de", Ok("xn--mller-kva.de")),
            ("faß.de", Ok("xn--fa-hia.de")),
            ("βόλος.com", Ok("xn--nxasmm1c.com")),
            ("пример.рф", Ok("xn--e1afmkfd.xn--p1ai")),
            ("münchen\u{3002}de", Ok("xn--mnchen-3ya.de")),
            ("xn--mller-kva.de", Ok("xn--mller-kva.de")),
            ("contoso.xn--p1ai", Ok("contoso.xn--p1ai")),
            // Bidi rule [RFC 5893]: an RTL label is fine, an LTR label with an RTL letter is not.
            ("\u{5d0}\u{5d1}.com", Ok("xn--4dbc.com")),
            ("a\u{5d0}.com", Err(BadIdn)),
            ("\u{5d0}a.com", Err(BadIdn)),
            ("1.\u{5d0}\u{5d1}", Err(BadIdn)),
            // Not Punycode, or Punycode of ASCII.
            ("xn--a.com", Err(BadIdn)),
            ("contoso.xn--zz", Err(BadIdn)),
            // Punycode of code points UTS 46 maps (Arabic presentation form beh, full-width a), which the table of
            // classes does not describe: the round trip refuses them.
            ("xn--ld7c.com", Err(BadIdn)),
            ("\u{5d0}.xn--ld7c", Err(BadIdn)),
            ("xn--mi7c.com", Err(BadIdn)),
            // A combining mark at the start of a label [UTS 46 section 4.1, criterion 5].
            ("\u{301}a.com", Err(BadIdn)),
            ("mül ler.de", Err(BadCharacter { ch: ' ', position: 4 })),
            ("müller_gmbh.de", Err(BadCharacter { ch: '_', position: 7 })),
            ("müller..de", Err(EmptyLabel)),
            ("müller", Err(NoDot)),
            ("müller.1", Err(BadTld)),
            ("müller.d", Err(BadTld)),
            ("-müller.de", Err(HyphenAtLabelEdge)),
            ("müller-.de", Err(HyphenAtLabelEdge)),
            ("xn---mller-4ya.de", Err(HyphenAtLabelEdge)),
            (&format!("{}ü.de", "a".repeat(60)), Err(LabelTooLong)),
        ];
        for (host, want) in cases {
            assert_eq!(to_ascii(host).as_deref().map_err(|e| *e), *want, "{host}");
        }
    }

    proptest::proptest! {
        // Never panics; an accepted host comes out in ASCII, and converting that again gives it back unchanged.
        #[test]
        fn to_ascii_is_total_and_idempotent(
            host in "[a-z0-9.\\-üßςа-яא-תا-ي\u{3002}\u{200c}\u{200d}\u{301}\u{94d}😀]{0,24}",
            puny in "(xn--)?[a-z0-9\\-]{0,12}(\\.[a-z]{2,3})?",
            any in proptest::prelude::any::<String>(),
        ) {
            for h in [&host, &puny, &any] {
                if let Ok(ascii) = to_ascii(h) {
                    proptest::prop_assert!(ascii.is_ascii());
                    let again = to_ascii(&ascii).map(|a| a.into_owned());
                    proptest::prop_assert_eq!(again, Ok(ascii.into_owned()));
                }
                let _ = super::punycode_decode(h, &mut Vec::new());
            }
        }
    }

    #[test]
    fn classes_of_the_table() {
        // ASCII letters L, digits EN, the hyphen a neutral (ES); none joins.
        for (chars, class) in [('a'..='z', super::L), ('0'..='9', super::EN), ('-'..='-', super::NEUTRAL)] {
            for c in chars {
                assert_eq!(super::class_of(c), class * 10, "{c}");
            }
        }
        // Spot checks of the table: Hebrew alef R, Arabic-Indic zero AN, a virama (Devanagari) NSM and transparent,
        // Arabic beh R/AL and dual-joining.
        assert_eq!(super::class_of('\u{5d0}'), 10);
        assert_eq!(super::class_of('\u{660}') / 10, 2);
        assert_eq!(super::class_of('\u{94d}'), 49);
        assert_eq!(super::class_of('\u{628}'), 12);
    }

    #[test]
    fn punycode_decodes_rfc_3492_samples() {
        // RFC 3492 section 7.1, (A) Arabic (Egyptian) and (L) Japanese.
        let decode = |s: &str| {
            let mut out = vec!['x', '.'];
            super::punycode_decode(s, &mut out).map(|()| out.into_iter().skip(2).collect::<String>())
        };
        let arabic =
            "\u{644}\u{64a}\u{647}\u{645}\u{627}\u{628}\u{62a}\u{643}\u{644}\u{645}\u{648}\u{634}\u{639}\u{631}\u{628}";
        assert_eq!(decode("egbpdaj6bu4bxfgehfvwxn").as_deref(), Some(&*format!("{arabic}\u{64a}\u{61f}")));
        assert_eq!(
            decode("3b-ww4c5e180e575a65lsy2b").as_deref(),
            Some("3\u{5e74}b\u{7d44}\u{91d1}\u{516b}\u{5148}\u{751f}")
        );
        assert_eq!(decode("mller-kva").as_deref(), Some("müller"));
        assert_eq!(decode("99999999999999999999"), None);
        assert_eq!(decode("a_b"), None);
        assert_eq!(decode("ü-kva"), None);
    }
}
