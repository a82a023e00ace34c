//! Company name and contact names (`rules.md` section 2, "Company name and contact names").
//!
//! Sources: Partner Center "validate company names, customer names, and email addresses" [PC-names], in its version
//! of September 2021 (the mirror `kvamseek/partner-center`, `validate-names-addresses.md`) and of February 2024
//! (learn.microsoft.com/partner-center/customers/validate-names-addresses), and Partner Center "utility resources"
//! [PC-util] (`Address.FirstName`/`LastName`: length 1–50).
//!
//! Company name [PC-names]: not one character; not only special characters, spaces or tabs; not spaces mixed with
//! single characters (`1 2 3`); not one character repeated three or more times and nothing else (`999`); not a
//! standalone abbreviation of the restricted list (`llc`, `Inc`, …); "total number of characters must be greater
//! than one, and less than 256" (2024). Internet domain extensions (`.com`, `.org`, `.club`, …) draw a warning.
//! Contact first and last name: 1–50 characters [PC-util], not only digits, symbols or emoji [PC-names 2024]; a
//! single character (but for a Chinese name), a placeholder such as `test` or `admin`, and more than 40 characters
//! are warnings [PC-names 2024, which says "avoid" and "must not exceed 40"] (**decision**: warnings, as the API's
//! documented limit is 50 and a one-letter or placeholder-like name can be real).
//! Both are free text ([`crate::schema`]): section 0 gives them NFC and space folding only, and drops zero-width
//! spaces, word joiners, byte-order marks and soft hyphens, while the zero-width (non-)joiners that Persian, Indic and
//! emoji text need stay; control characters and bidirectional overrides (PC-names 2024: "nonprintable characters")
//! are refused for every field before this rule runs ([`crate::rules::characters`]). The lists (legal forms,
//! placeholders) and the repeated-character and domain checks compare the NFKC-casefolded text
//! ([`crate::text::compat`]), so `ＬＬＣ` is still a bare legal form; the value returned is the NFC text, case kept.

use crate::issue::{Checked, Outcome, Params, Reason, Wording};
use crate::schema::{text_kind, TextKind};
use crate::text::{compat, is_alphabetic, is_alphanumeric, MAX_CHARS};
use alloc::borrow::Cow;
use alloc::{string::String, string::ToString, vec::Vec};

/// Section 0 of the company name and of the contact's names: free text, as the schema declares.
const COMPANY_KIND: TextKind = text_kind("account.companyName");
const CONTACT_KIND: TextKind = text_kind("account.contact.firstName");

/// The longest company name: "less than 256" characters [PC-names 2024].
pub const COMPANY_NAME_MAX: usize = 255;
/// The longest first or last name [PC-util].
pub const CONTACT_NAME_MAX: usize = 50;
/// Longer first or last names draw a warning: "must not exceed 40 characters" [PC-names 2024].
pub const CONTACT_NAME_ADVISED_MAX: usize = 40;

/// Legal forms that are not a company name on their own [PC-names restricted list, plus common forms of the markets
/// (**decision**)], keyed by their letters, digits and `&` in lower case: `L.L.C.`, `l l c` and `LLC` are all `llc`
/// (`&` stays so that `A & B` is no `ab`). Turkish forms of the Commercial Code (6102): `A.Ş.` (anonim şirket),
/// `Ltd. Şti.` (limited şirketi).
/// Sorted, joined by `|`: one string, not a table of pointers (0.3 KB less in the WebAssembly package).
pub const LEGAL_FORMS: &str = concat!(
    "ab|ad|ag|ao|aps|as|asa|aş|bhd|bv|bvba|co|coltd|company|corp|corporation|cpa|doo|eood|ev|gbr|",
    "gmbh|gmbh&cokg|inc|incorporated|kft|kg|kgaa|kk|lda|limited|limitedliabilitycompany|llc|",
    "llp|lp|ltd|ltda|ltdşti|nv|nyrt|ohg|ood|ooo|oy|oyj|plc|privatelimited|pte|pteltd|pty|ptyltd|pvt|",
    "pvtltd|sa|sadecv|sarl|sas|sasu|sdnbhd|se|sl|slu|snc|spa|spzoo|srl|sro|ug|wll|zrt|αε|εε|",
    "επε|ικε|οε|ао|зао|ип|оао|ооо|пао|тов|合同会社|合名会社|合資会社|有限会社|有限公司|株式会社|股份有限公司|유한회사|주식회사",
);

/// Generic top-level domains whose extension in a company name draws a warning [PC-names: ".com, .org, .edu, .club,
/// and so on"; its 2021 text lists country-code domains as allowed] (**decision**: this list; sorted, joined by `|`).
pub const DOMAIN_EXTENSIONS: &str =
    "app|biz|cloud|club|com|dev|edu|gov|info|mil|net|online|org|shop|site|store|tech|xyz";

/// Placeholder names that draw a warning on a contact [PC-names 2024: "test, admin, or nobody"] (**decision**: this
/// list), keyed like [`LEGAL_FORMS`]; sorted, joined by `|`.
pub const PLACEHOLDER_NAMES: &str =
    "admin|administrator|asdf|dummy|fake|na|nobody|none|null|placeholder|qwerty|test|tester|unknown|xxx";

/// Why a company name is refused or questioned.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompanyNameReason {
    /// Empty after section 0.
    Required,
    /// Longer than `max` characters: 255 [PC-names], or 1,000 before any rule runs (section 0).
    TooLong { max: usize },
    /// One character only [PC-names].
    SingleCharacter,
    /// No letter or digit: only special characters and spaces [PC-names].
    OnlySymbols,
    /// A legal form on its own, such as `LLC` [PC-names].
    LegalFormOnly { name: String },
    /// Single characters separated by spaces, such as `1 2 3` [PC-names].
    SpacedCharacters,
    /// One character repeated, such as `999` [PC-names].
    RepeatedCharacter { character: char },
    /// Warning: an internet domain extension such as `.com` [PC-names].
    DomainExtension { extension: String },
}

/// Why a contact's first or last name is refused or questioned.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactNameReason {
    /// Empty after section 0 [PC-util: minimum 1].
    Required,
    /// Longer than `max` characters: 50 [PC-util], or 1,000 before any rule runs (section 0).
    TooLong { max: usize },
    /// No letter: only digits, special characters or emoji [PC-names 2024].
    NoLetters,
    /// Warning: one character, not Chinese [PC-names 2024].
    SingleCharacter,
    /// Warning: a placeholder such as `test` [PC-names 2024].
    Placeholder { name: String },
    /// Warning: more than `max` (40) characters [PC-names 2024].
    Long { max: usize },
}

/// The wordings of [`CompanyNameReason`].
mod company {
    crate::wordings! {
        pub(super) enum Say;
        /// Every code [`company_name`](super::company_name) can emit.
        pub const CODES;
        "company_name.required" (example: Str) { Required: "Enter the customer's registered company name, e.g. {example}." }
        "company_name.too_long" (max: Int) { TooLong: "The company name is longer than {max} characters." }
        "company_name.single_character" (example: Str) {
            SingleCharacter: "A company name of one character is not accepted; enter the full registered name, e.g. \
                              {example}."
        }
        "company_name.only_symbols" (example: Str) {
            OnlySymbols: "The company name has no letter or digit; enter the full registered name, e.g. {example}."
        }
        "company_name.legal_form_only" (name: Str, example: Str) {
            LegalFormOnly: "'{name}' is a legal form, not a company name; enter the full registered name, e.g. \
                            {example}."
        }
        "company_name.spaced_characters" (example: Str) {
            SpacedCharacters: "The company name is single characters separated by spaces; enter the full registered \
                               name, e.g. {example}."
        }
        "company_name.repeated_character" (character: Str, example: Str) {
            RepeatedCharacter: "The company name is only {character|char} repeated; enter the full registered name, \
                                e.g. {example}."
        }
        "company_name.domain_extension" Warning (extension: Str) {
            DomainExtension: "The company name contains the internet domain extension '.{extension}'; make sure it \
                              is the registered name, as it is used to approve the account."
        }
    }
}

/// The wordings of [`ContactNameReason`].
mod contact {
    crate::wordings! {
        pub(super) enum Say;
        /// Every code [`contact_name`](super::contact_name) can emit.
        pub const CODES;
        "contact_name.required" { Required: "Enter the contact's name." }
        "contact_name.too_long" (max: Int) { TooLong: "The name is longer than {max} characters." }
        "contact_name.no_letters" {
            NoLetters: "The name has no letter; enter the contact's real name, not digits or symbols."
        }
        "contact_name.single_character" Warning {
            SingleCharacter: "The name is a single character; Partner Center asks for the full name."
        }
        "contact_name.placeholder" Warning (name: Str) {
            Placeholder: "'{name}' looks like a placeholder; Partner Center asks for the contact's real name."
        }
        "contact_name.long" Warning (max: Int) {
            Long: "The name is longer than {max} characters, which Partner Center advises against; check it."
        }
    }
}

pub use company::CODES as COMPANY_NAME_CODES;
pub use contact::CODES as CONTACT_NAME_CODES;
#[doc(hidden)]
pub use {company::WORDINGS as COMPANY_NAME_WORDINGS, contact::WORDINGS as CONTACT_NAME_WORDINGS};

crate::display_as_message!(CompanyNameReason, ContactNameReason);

impl Reason for CompanyNameReason {
    fn wording(&self) -> Wording {
        use company::Say;
        match self {
            CompanyNameReason::Required => Say::Required,
            CompanyNameReason::TooLong { .. } => Say::TooLong,
            CompanyNameReason::SingleCharacter => Say::SingleCharacter,
            CompanyNameReason::OnlySymbols => Say::OnlySymbols,
            CompanyNameReason::LegalFormOnly { .. } => Say::LegalFormOnly,
            CompanyNameReason::SpacedCharacters => Say::SpacedCharacters,
            CompanyNameReason::RepeatedCharacter { .. } => Say::RepeatedCharacter,
            CompanyNameReason::DomainExtension { .. } => Say::DomainExtension,
        }
        .into()
    }

    fn params(&self) -> Params {
        let p = Params::default();
        match self {
            CompanyNameReason::TooLong { max } => p.with("max", *max),
            CompanyNameReason::LegalFormOnly { name } => p.with("name", name).with("example", COMPANY_EXAMPLE),
            CompanyNameReason::RepeatedCharacter { character } => {
                p.with("character", *character).with("example", COMPANY_EXAMPLE)
            }
            CompanyNameReason::DomainExtension { extension } => p.with("extension", extension),
            CompanyNameReason::Required
            | CompanyNameReason::SingleCharacter
            | CompanyNameReason::OnlySymbols
            | CompanyNameReason::SpacedCharacters => p.with("example", COMPANY_EXAMPLE),
        }
    }
}

const COMPANY_EXAMPLE: &str = "Contoso Ltd";

impl Reason for ContactNameReason {
    fn wording(&self) -> Wording {
        use contact::Say;
        match self {
            ContactNameReason::Required => Say::Required,
            ContactNameReason::TooLong { .. } => Say::TooLong,
            ContactNameReason::NoLetters => Say::NoLetters,
            ContactNameReason::SingleCharacter => Say::SingleCharacter,
            ContactNameReason::Placeholder { .. } => Say::Placeholder,
            ContactNameReason::Long { .. } => Say::Long,
        }
        .into()
    }

    fn params(&self) -> Params {
        let p = Params::default();
        match self {
            ContactNameReason::TooLong { max } | ContactNameReason::Long { max } => p.with("max", *max),
            ContactNameReason::Placeholder { name } => p.with("name", name),
            ContactNameReason::Required | ContactNameReason::NoLetters | ContactNameReason::SingleCharacter => p,
        }
    }
}

/// Checks the account's company name [PC-names].
pub fn company_name(raw: &str) -> Outcome<Cow<'_, str>, CompanyNameReason> {
    let text = COMPANY_KIND.normalize(raw).map_err(|_| CompanyNameReason::TooLong { max: MAX_CHARS })?;
    if text.is_empty() {
        return Err(CompanyNameReason::Required);
    }
    let count = crate::text::char_count(&text);
    if count > COMPANY_NAME_MAX {
        return Err(CompanyNameReason::TooLong { max: COMPANY_NAME_MAX });
    }
    if count == 1 {
        return Err(CompanyNameReason::SingleCharacter);
    }
    if !text.chars().any(is_alphanumeric) {
        return Err(CompanyNameReason::OnlySymbols);
    }
    // The comparisons read the NFKC form (`ＬＬＣ`, `９９９`, `Contoso．com`); the value stays as typed.
    let key = compat(&text);
    if in_table(LEGAL_FORMS, &key) {
        return Err(CompanyNameReason::LegalFormOnly { name: crate::text::owned(text) });
    }
    if crate::text::has_byte(key.as_bytes(), b' ')
        && crate::text::split_by(&key, b' ').all(|word| crate::text::char_count(word) == 1)
    {
        return Err(CompanyNameReason::SpacedCharacters);
    }
    if let Some(character) = repeated(&key) {
        return Err(CompanyNameReason::RepeatedCharacter { character });
    }
    let mut warnings = Vec::new();
    if let Some(extension) = domain_extension(&key) {
        warnings.push(CompanyNameReason::DomainExtension { extension });
    }
    Ok(Checked { value: text, warnings })
}

/// Checks a contact's first or last name [PC-util, PC-names].
pub fn contact_name(raw: &str) -> Outcome<Cow<'_, str>, ContactNameReason> {
    let text = CONTACT_KIND.normalize(raw).map_err(|_| ContactNameReason::TooLong { max: MAX_CHARS })?;
    if text.is_empty() {
        return Err(ContactNameReason::Required);
    }
    let count = crate::text::char_count(&text);
    if count > CONTACT_NAME_MAX {
        return Err(ContactNameReason::TooLong { max: CONTACT_NAME_MAX });
    }
    if !text.chars().any(is_alphabetic) {
        return Err(ContactNameReason::NoLetters);
    }
    let mut warnings = Vec::new();
    if count == 1 && !text.chars().all(is_han) {
        warnings.push(ContactNameReason::SingleCharacter);
    }
    if in_table(PLACEHOLDER_NAMES, &compat(&text)) {
        warnings.push(ContactNameReason::Placeholder { name: text.to_string() });
    }
    if count > CONTACT_NAME_ADVISED_MAX {
        warnings.push(ContactNameReason::Long { max: CONTACT_NAME_ADVISED_MAX });
    }
    Ok(Checked { value: text, warnings })
}

/// The letters, digits and `&` of a name (in its NFKC form: [`compat`]) in lower case: the key of [`LEGAL_FORMS`] and
/// [`PLACEHOLDER_NAMES`].
fn key(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|&c| is_alphanumeric(c) || c == '&').map(crate::text::fold_char)
}

/// Whether a table (sorted, `|`-joined) holds the name's [`key`] ([`crate::text::in_sorted`]: a binary search, as
/// this runs on every record).
fn in_table(table: &str, text: &str) -> bool {
    // The key built once (a plain loop, not `collect`), then compared byte by byte: UTF-8's byte order is the order
    // of the characters.
    let mut k = String::with_capacity(text.len());
    for c in key(text) {
        k.push(c);
    }
    crate::text::in_sorted(table, b'|', &k)
}

/// The character, when the name is one character (case-insensitive) three or more times and nothing else.
fn repeated(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let lower = |c: char| crate::text::fold_char(c) == crate::text::fold_char(first);
    let mut n = 1;
    for c in chars {
        if !lower(c) {
            return None;
        }
        n += 1;
    }
    (n >= 3).then_some(first)
}

/// The first generic domain extension ending a word after a letter or digit (`Contoso.com`), if any.
fn domain_extension(text: &str) -> Option<String> {
    crate::text::split_by(text, b' ').find_map(|word| {
        // Without what ends the word (`Contoso.com,`): a loop, not `trim_end_matches`, whose pattern searcher is
        // code of its own in the WebAssembly package.
        let mut chars = word.chars();
        let mut word = word;
        while chars.next_back().is_some_and(|c| !is_alphanumeric(c)) {
            word = chars.as_str();
        }
        let (head, extension) = crate::text::rsplit_once_at(word, b'.')?;
        let extension = extension.to_ascii_lowercase();
        (head.chars().next_back().is_some_and(is_alphanumeric)
            && crate::text::in_sorted(DOMAIN_EXTENSIONS, b'|', &extension))
        .then_some(extension)
    })
}

/// A CJK unified ideograph (the Chinese names PC-names exempts from the one-character rule).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalized value and warning codes, or the error code.
    type Got = Result<(String, Vec<&'static str>), &'static str>;

    fn company(raw: &str) -> Got {
        match company_name(raw) {
            Ok(c) => Ok((c.value.into_owned(), c.warnings.iter().map(Reason::code).collect())),
            Err(r) => Err(r.code()),
        }
    }

    fn contact(raw: &str) -> Got {
        match contact_name(raw) {
            Ok(c) => Ok((c.value.into_owned(), c.warnings.iter().map(Reason::code).collect())),
            Err(r) => Err(r.code()),
        }
    }

    #[test]
    fn company_table() {
        let ok = |v: &str| Ok((v.to_owned(), vec![]));
        let cases: &[(&str, Got)] = &[
            // The record example of request.md.
            ("Contoso Ltd", ok("Contoso Ltd")),
            ("3M", ok("3M")),
            ("AT&T Inc.", ok("AT&T Inc.")),
            ("Ελληνικά Πετρέλαια Α.Ε.", ok("Ελληνικά Πετρέλαια Α.Ε.")),
            ("株式会社ソニー", ok("株式会社ソニー")),
            // Section 0 for free text: spaces collapse, ends trimmed, NFC; full-width letters stay as typed.
            ("  Contoso\u{a0}\u{a0}Ltd\t", ok("Contoso Ltd")),
            ("Ｃｏｎｔｏｓｏ", ok("Ｃｏｎｔｏｓｏ")),
            ("Cafe\u{301} 12½", ok("Café 12½")),
            // Zero-width spaces, word joiners, BOMs and soft hyphens go; the joiners of Persian and emoji text stay.
            ("Con\u{200b}toso", ok("Contoso")),
            ("\u{feff}Con\u{ad}to\u{2060}so", ok("Contoso")),
            ("شرکت نرم\u{200c}افزاری", ok("شرکت نرم\u{200c}افزاری")),
            // Lists compare the NFKC-casefolded text: full-width legal forms and repeats are still caught.
            ("ＬＬＣ", Err("company_name.legal_form_only")),
            ("Α.Ε.", Err("company_name.legal_form_only")),
            ("株式会社", Err("company_name.legal_form_only")),
            ("주식회사", Err("company_name.legal_form_only")),
            ("株式会社ソニー", ok("株式会社ソニー")),
            ("Ελληνικά Πετρέλαια Α.Ε.", ok("Ελληνικά Πετρέλαια Α.Ε.")),
            ("ｇｍｂｈ", Err("company_name.legal_form_only")),
            ("９９９", Err("company_name.repeated_character")),
            ("Ｘ Ｙ Ｚ", Err("company_name.spaced_characters")),
            ("Contoso．com", Ok(("Contoso．com".into(), vec!["company_name.domain_extension"]))),
            ("", Err("company_name.required")),
            (" \t ", Err("company_name.required")),
            // [PC-names]: one character, only special characters.
            ("X", Err("company_name.single_character")),
            ("&", Err("company_name.single_character")),
            ("&$^#", Err("company_name.only_symbols")),
            ("-- --", Err("company_name.only_symbols")),
            ("😀😀", Err("company_name.only_symbols")),
            // [PC-names] restricted abbreviations, case and dots ignored; other legal forms (decision).
            ("LLC", Err("company_name.legal_form_only")),
            ("l. l. c.", Err("company_name.legal_form_only")),
            ("L.L.C.", Err("company_name.legal_form_only")),
            ("inc.", Err("company_name.legal_form_only")),
            ("Pty Ltd", Err("company_name.legal_form_only")),
            ("Sdn. Bhd.", Err("company_name.legal_form_only")),
            ("GmbH", Err("company_name.legal_form_only")),
            ("GmbH & Co. KG", Err("company_name.legal_form_only")),
            ("A/S", Err("company_name.legal_form_only")),
            ("sp. z o.o.", Err("company_name.legal_form_only")),
            ("S.p.A.", Err("company_name.legal_form_only")),
            ("ООО", Err("company_name.legal_form_only")),
            ("Company", Err("company_name.legal_form_only")),
            ("Contoso GmbH", ok("Contoso GmbH")),
            ("Incorporated Systems", ok("Incorporated Systems")),
            // [PC-names 2024]: spaced single characters, one character repeated.
            ("1 2 3", Err("company_name.spaced_characters")),
            ("A & B", Err("company_name.spaced_characters")),
            ("999", Err("company_name.repeated_character")),
            ("AaA", Err("company_name.repeated_character")),
            ("XY", ok("XY")),
            ("99 Cents", ok("99 Cents")),
            // [PC-names]: domain extensions draw a warning.
            ("Contoso.com", Ok(("Contoso.com".into(), vec!["company_name.domain_extension"]))),
            ("Booking.com B.V.", Ok(("Booking.com B.V.".into(), vec!["company_name.domain_extension"]))),
            ("Contoso.COM, Inc.", Ok(("Contoso.COM, Inc.".into(), vec!["company_name.domain_extension"]))),
            (".NET Foundation", ok(".NET Foundation")),
            ("Contoso.de", ok("Contoso.de")),
            ("Contoso Co.", ok("Contoso Co.")),
            // Controls and bidi overrides are the walker's (`text.bad_character`, rules/characters.rs).
            // Less than 256 characters [PC-names 2024].
            (&"a1".repeat(127), ok(&"a1".repeat(127))),
            (&format!("{}b", "a1".repeat(127)), ok(&format!("{}b", "a1".repeat(127)))),
            (&"a1".repeat(128), Err("company_name.too_long")),
            (&"a".repeat(1001), Err("company_name.too_long")),
        ];
        for (raw, want) in cases {
            assert_eq!(company(raw), *want, "{raw:?}");
        }
        assert_eq!(company_name(&"a".repeat(1001)).unwrap_err().params().get("max"), Some(&crate::Param::Int(1000)));
        assert_eq!(company_name(&"ab".repeat(200)).unwrap_err().params().get("max"), Some(&crate::Param::Int(255)));
    }

    #[test]
    fn contact_table() {
        let ok = |v: &str| Ok((v.to_owned(), vec![]));
        let cases: &[(&str, Got)] = &[
            // The record example of request.md.
            ("Ada", ok("Ada")),
            ("Lovelace", ok("Lovelace")),
            ("O'Brien-Smith", ok("O'Brien-Smith")),
            ("José María", ok("José María")),
            ("  Ada  ", ok("Ada")),
            // [PC-util]: 1–50 characters.
            ("", Err("contact_name.required")),
            (&"a".repeat(50), Ok(("a".repeat(50), vec!["contact_name.long"]))),
            (&"a".repeat(51), Err("contact_name.too_long")),
            (&"a".repeat(40), ok(&"a".repeat(40))),
            (&"a".repeat(2000), Err("contact_name.too_long")),
            // [PC-names 2024]: not only digits, symbols or emoji.
            ("123", Err("contact_name.no_letters")),
            ("---", Err("contact_name.no_letters")),
            ("😀", Err("contact_name.no_letters")),
            // Free text: a BOM goes, the zero-width non-joiner of a Persian name stays, NFC composes.
            ("Ada\u{feff}", ok("Ada")),
            ("\u{200b}Ada", ok("Ada")),
            ("مهرزاد\u{200c}ها", ok("مهرزاد\u{200c}ها")),
            ("Zoe\u{308}", ok("Zoë")),
            ("ＴＥＳＴ", Ok(("ＴＥＳＴ".into(), vec!["contact_name.placeholder"]))),
            // [PC-names 2024] "avoid": warnings (decision).
            ("A", Ok(("A".into(), vec!["contact_name.single_character"]))),
            ("王", ok("王")),
            ("Test", Ok(("Test".into(), vec!["contact_name.placeholder"]))),
            ("ADMIN", Ok(("ADMIN".into(), vec!["contact_name.placeholder"]))),
            ("N/A", Ok(("N/A".into(), vec!["contact_name.placeholder"]))),
        ];
        for (raw, want) in cases {
            assert_eq!(contact(raw), *want, "{raw:?}");
        }
    }

    #[test]
    fn tables_are_sorted_and_codes_listed() {
        for table in [LEGAL_FORMS, DOMAIN_EXTENSIONS, PLACEHOLDER_NAMES] {
            let table: Vec<&str> = crate::text::split_by(table, b'|').collect();
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{:?}", table.windows(2).find(|w| w[0] >= w[1]));
            assert!(table.iter().all(|k| !k.is_empty()));
            // Entries are keys: lower-case letters, digits and '&' only.
            assert!(table.iter().all(|k| k.chars().eq(key(k))), "{table:?}");
        }
        // The binary search finds every entry, and nothing between, before or after them ([`in_table`]).
        for table in [LEGAL_FORMS, PLACEHOLDER_NAMES] {
            let entries: Vec<&str> = crate::text::split_by(table, b'|').collect();
            for entry in &entries {
                assert!(in_table(table, entry), "{entry}");
                for other in [format!("{entry}a"), format!("{entry}z"), entry.chars().skip(1).collect(), "a".into()] {
                    assert_eq!(in_table(table, &other), entries.contains(&other.as_str()), "{other}");
                }
            }
            assert!(!in_table(table, "") && !in_table(table, "zzzz") && !in_table(table, &"a".repeat(40)));
        }
        for s in ["", "x", "&&", "llc", "1 2", "aaa", "a.com", "\u{0}a"] {
            if let Err(r) = company_name(s) {
                assert!(COMPANY_NAME_CODES.iter().any(|c| c.code == r.code()));
            }
            if let Err(r) = contact_name(s) {
                assert!(CONTACT_NAME_CODES.iter().any(|c| c.code == r.code()));
            }
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [".", "..", ". .", "a.", ".a", "\u{10ffff}", "ǅ", "İ", "ß", "ﬀ", "\u{301}", "a\u{301}"] {
            let _ = company_name(s);
            let _ = contact_name(s);
        }
    }
}
