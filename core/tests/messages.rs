//! Every reason's English message, pinned in `fixtures/messages.txt`: one line per wording, `code: message`, as users
//! read them. Messages are templates filled from the issue's params (`core/src/message.rs`); every reason here is also
//! checked to name in its template only params it has, through filters the filler knows, so no message can lose a
//! value silently.

use tenantcheck_core::countries::overrides::{RuleSetError, RuleSetReason};
use tenantcheck_core::message;
use tenantcheck_core::rules::address::{AddressLineReason, CityReason};
use tenantcheck_core::rules::characters::CharacterReason;
use tenantcheck_core::rules::config::ConfigReason;
use tenantcheck_core::rules::country::CountryReason;
use tenantcheck_core::rules::domain::DomainReason;
use tenantcheck_core::rules::email::EmailReason;
use tenantcheck_core::rules::mpn::{CspModel, MpnReason};
use tenantcheck_core::rules::names::{CompanyNameReason, ContactNameReason};
use tenantcheck_core::rules::phone::PhoneReason;
use tenantcheck_core::rules::postcode::PostalCodeReason;
use tenantcheck_core::rules::registration::RegistrationReason;
use tenantcheck_core::rules::request::RequestReason;
use tenantcheck_core::rules::state::StateReason;
use tenantcheck_core::rules::sub_customer::SubCustomerReason;
use tenantcheck_core::rules::username::UsernameReason;
use tenantcheck_core::{Issue, Reason};

#[path = "params/declared.rs"]
mod declared_params;

/// An owned string.
fn s(v: &str) -> String {
    v.to_owned()
}

/// A rejected rule set.
fn rules(index: Option<usize>, reason: RuleSetReason) -> RuleSetError {
    RuleSetError { index, reason }
}

/// Every reason, one per wording, in the order of `fixtures/messages.txt`.
fn reasons() -> Vec<Box<dyn Reason>> {
    vec![
        // request.md
        Box::new(RequestReason::NotJson { detail: s("expected value"), line: 1, column: 2 }),
        Box::new(RequestReason::NotAnObject { found: "array" }),
        Box::new(RequestReason::NotAnObject { found: "null" }),
        Box::new(RequestReason::BadId),
        Box::new(RequestReason::UnknownField { name: s("acount") }),
        Box::new(RequestReason::WrongType { expected: "string", found: "object" }),
        Box::new(RequestReason::UnknownValue { value: s("reseller"), allowed: &CspModel::NAMES }),
        Box::new(RequestReason::MissingConfiguration),
        Box::new(RequestReason::ConfigurationIgnored { name: "markets" }),
        Box::new(RequestReason::HostFailed { service: "RegExp" }),
        Box::new(CharacterReason::Forbidden { character: '\u{202e}', position: 8 }),
        Box::new(ConfigReason::PartnerDomain { value: s("partner") }),
        Box::new(ConfigReason::DomainSuffix { value: s("-x") }),
        Box::new(SubCustomerReason::ResellerAddressMissing),
        // Sync options
        Box::new(UsernameReason::Required),
        Box::new(UsernameReason::TooLong { max: 64 }),
        Box::new(UsernameReason::WholeAddress { local_part: s("admin") }),
        Box::new(UsernameReason::BadCharacter { ch: ' ', position: 5 }),
        Box::new(UsernameReason::BadCharacter { ch: 'é', position: 2 }),
        Box::new(UsernameReason::BadEdge { ch: '.' }),
        Box::new(UsernameReason::ConsecutiveDots),
        Box::new(DomainReason::Required),
        Box::new(DomainReason::TooLong { max: 27 }),
        Box::new(DomainReason::BadCharacter { ch: '-', position: 4 }),
        Box::new(DomainReason::BadCharacter { ch: '_', position: 4 }),
        Box::new(DomainReason::SuffixRemoved { suffix: s("onmicrosoft.com") }),
        Box::new(DomainReason::AliasLinksExisting),
        Box::new(DomainReason::EmptyLabel),
        Box::new(DomainReason::LabelTooLong),
        Box::new(DomainReason::HyphenAtEdge),
        Box::new(DomainReason::BadTld),
        Box::new(DomainReason::BadIdn),
        Box::new(DomainReason::IdnConverted { domain: s("xn--bcher-kva.example") }),
        Box::new(MpnReason::TooLong { max: 10 }),
        Box::new(MpnReason::NotNumeric { ch: 'M', position: 1 }),
        Box::new(MpnReason::Length { min: 6, max: 10, got: 2 }),
        Box::new(MpnReason::NotAvailable { csp_model: CspModel::Direct }),
        Box::new(MpnReason::Required),
        // Account
        Box::new(CompanyNameReason::Required),
        Box::new(CompanyNameReason::TooLong { max: 255 }),
        Box::new(CompanyNameReason::SingleCharacter),
        Box::new(CompanyNameReason::OnlySymbols),
        Box::new(CompanyNameReason::LegalFormOnly { name: s("GmbH") }),
        Box::new(CompanyNameReason::SpacedCharacters),
        Box::new(CompanyNameReason::RepeatedCharacter { character: '9' }),
        Box::new(CompanyNameReason::DomainExtension { extension: s("com") }),
        Box::new(ContactNameReason::Required),
        Box::new(ContactNameReason::TooLong { max: 256 }),
        Box::new(ContactNameReason::NoLetters),
        Box::new(ContactNameReason::SingleCharacter),
        Box::new(ContactNameReason::Placeholder { name: s("test") }),
        Box::new(ContactNameReason::Long { max: 40 }),
        Box::new(EmailReason::Required),
        Box::new(EmailReason::TooLong { max: 254 }),
        Box::new(EmailReason::MissingAt),
        Box::new(EmailReason::MultipleAt { position: 3 }),
        Box::new(EmailReason::MissingLocalPart),
        Box::new(EmailReason::LocalPartBadCharacter { character: ' ', position: 3 }),
        Box::new(EmailReason::LocalPartBadCharacter { character: '(', position: 3 }),
        Box::new(EmailReason::LocalPartDots),
        Box::new(EmailReason::LocalPartTooLong { max: 64 }),
        Box::new(EmailReason::MissingDomain),
        Box::new(EmailReason::DomainBadCharacter { character: ' ', position: 9 }),
        Box::new(EmailReason::DomainBadCharacter { character: '_', position: 9 }),
        Box::new(EmailReason::DomainNoDot),
        Box::new(EmailReason::DomainEmptyLabel),
        Box::new(EmailReason::DomainLabelTooLong { max: 63 }),
        Box::new(EmailReason::DomainHyphen),
        Box::new(EmailReason::DomainBadTld { tld: s("c0m") }),
        Box::new(EmailReason::DomainBadIdn { domain: s("a\u{5d0}.com") }),
        Box::new(EmailReason::IdnConverted { address: s("info@xn--mller-kva.de") }),
        Box::new(EmailReason::MicrosoftDomain),
        Box::new(EmailReason::PartnerDomain { domain: s("partner.example") }),
        Box::new(EmailReason::OnmicrosoftDomain { suffix: "onmicrosoft.com" }),
        Box::new(EmailReason::FreeMail { domain: s("gmail.com") }),
        Box::new(PhoneReason::Required),
        Box::new(PhoneReason::TooLong { max: 1000 }),
        Box::new(PhoneReason::BadCharacter { character: 'x', position: 15 }),
        Box::new(PhoneReason::BadCharacter { character: '#', position: 15 }),
        Box::new(PhoneReason::MisplacedPlus { position: 4 }),
        Box::new(PhoneReason::UnbalancedParentheses { position: 1 }),
        Box::new(PhoneReason::Extension { extension: s("12") }),
        Box::new(PhoneReason::BadCallingCode),
        Box::new(PhoneReason::NeedsCallingCode),
        Box::new(PhoneReason::LeadingDigit {
            digit: '0',
            digits: s("2 or 5 to 9"),
            calling_code: s("30"),
            country: Some("GR"),
        }),
        Box::new(PhoneReason::LeadingDigit { digit: '0', digits: s("1"), calling_code: s("800"), country: None }),
        Box::new(PhoneReason::Length {
            count: 4,
            min: 5,
            max: 15,
            lengths: s("5 to 15"),
            calling_code: s("49"),
            country: Some("DE"),
        }),
        Box::new(PhoneReason::Length {
            count: 11,
            min: 7,
            max: 10,
            lengths: s("7, 9 or 10"),
            calling_code: s("44"),
            country: Some("GB"),
        }),
        Box::new(PhoneReason::Length {
            count: 8,
            min: 7,
            max: 10,
            lengths: s("7, 9 or 10"),
            calling_code: s("44"),
            country: Some("GB"),
        }),
        Box::new(PhoneReason::Length {
            count: 9,
            min: 8,
            max: 8,
            lengths: s("8"),
            calling_code: s("800"),
            country: None,
        }),
        Box::new(PhoneReason::NanpFormat { country: "United States" }),
        Box::new(PhoneReason::Format { country: "Philippines" }),
        Box::new(PhoneReason::NanpAreaCode { area_code: s("125") }),
        Box::new(PhoneReason::NanpExchange { exchange: s("055") }),
        Box::new(PhoneReason::TrunkPrefix { prefix: s("0"), calling_code: s("44") }),
        Box::new(PhoneReason::CallingCodeMismatch {
            calling_code: Some(s("44")),
            expected: s("1"),
            country: "United States",
        }),
        Box::new(PhoneReason::CallingCodeMismatch { calling_code: None, expected: s("30"), country: "Greece" }),
        Box::new(RegistrationReason::Required { country: "Russia" }),
        Box::new(RegistrationReason::TooShort { min: 5 }),
        Box::new(RegistrationReason::TooLong { max: 50 }),
        Box::new(RegistrationReason::NoDigit),
        // Billing address
        Box::new(CountryReason::TooLong { max: 1000 }),
        Box::new(CountryReason::Required),
        Box::new(CountryReason::Unknown { typed: s("Greece"), suggestion: Some("GR") }),
        Box::new(CountryReason::Unknown { typed: s("XX"), suggestion: None }),
        Box::new(CountryReason::Unknown { typed: "Greece ".repeat(7), suggestion: Some("GR") }),
        Box::new(CountryReason::Unknown { typed: "x".repeat(41), suggestion: None }),
        Box::new(CountryReason::NotInMarkets { country: "NL", name: "Netherlands" }),
        Box::new(CountryReason::NotInMarkets { country: "GR", name: "Greece" }),
        Box::new(CountryReason::UkAlias),
        Box::new(AddressLineReason::Required),
        Box::new(AddressLineReason::TooLong { max: 200, length: Some(201) }),
        Box::new(AddressLineReason::TooLong { max: 200, length: None }),
        Box::new(CityReason::Required),
        Box::new(CityReason::TooLong { max: 100, length: Some(101) }),
        Box::new(CityReason::TooLong { max: 100, length: None }),
        Box::new(StateReason::TooLong { max: 100, length: Some(120) }),
        Box::new(StateReason::TooLong { max: 100, length: None }),
        Box::new(StateReason::Required { country: "US", accepted: vec![s("AK"), s("AL")] }),
        Box::new(StateReason::Required { country: "IT", accepted: vec![] }),
        Box::new(StateReason::Unknown { typed: s("Calif"), country: "US", accepted: vec![s("AK"), s("AL")] }),
        Box::new(StateReason::Unknown { typed: "x".repeat(61), country: "CA", accepted: vec![s("AB")] }),
        Box::new(StateReason::Unknown { typed: s("Vic"), country: "AU", accepted: vec![s("VIC")] }),
        Box::new(StateReason::Normalized { from: s("calif."), to: s("CA") }),
        Box::new(PostalCodeReason::TooLong { max: 1000 }),
        Box::new(PostalCodeReason::Required { country: "US", example: Some("95014") }),
        Box::new(PostalCodeReason::Required { country: "ZZ", example: None }),
        Box::new(PostalCodeReason::Format { country: "GR", example: Some("151 24"), digits: Some(5) }),
        Box::new(PostalCodeReason::Format { country: "GB", example: Some("EC1Y 8SY"), digits: None }),
        Box::new(PostalCodeReason::Format { country: "CA", example: None, digits: Some(6) }),
        Box::new(PostalCodeReason::Format { country: "NL", example: None, digits: None }),
        Box::new(PostalCodeReason::LeadingZero { country: "US", suggestion: s("01001") }),
        Box::new(PostalCodeReason::DublinDistrict { district: s("Dublin 8"), example: Some("D6W PV38") }),
        Box::new(PostalCodeReason::DublinDistrict { district: s("Dublin 6W"), example: None }),
        Box::new(PostalCodeReason::Territory { country: "US", postal_code: s("00901"), territory: "PR" }),
        Box::new(PostalCodeReason::Territory { country: "AU", postal_code: s("2899"), territory: "NF" }),
        Box::new(PostalCodeReason::Military { postal_code: s("09001"), route: "AE" }),
        Box::new(PostalCodeReason::NotUsed { country: "AE" }),
        Box::new(PostalCodeReason::StateMismatch {
            country: "CA",
            postal_code: s("K1A 0B1"),
            state: s("AB"),
            expected: vec!["ON", "QC"],
        }),
        // Run-time country rules
        Box::new(rules(None, RuleSetReason::Malformed { detail: s("the rule set is not an object") })),
        Box::new(rules(Some(2), RuleSetReason::Malformed { detail: s("iso2Code is missing") })),
        Box::new(rules(Some(0), RuleSetReason::UnknownCountry { code: s("QQ") })),
        Box::new(rules(Some(1), RuleSetReason::DuplicateCountry { code: s("GR") })),
        Box::new(rules(None, RuleSetReason::BadPostalCodeRegex { detail: s("unterminated group") })),
        Box::new(rules(None, RuleSetReason::BadPhoneNumberRegex { detail: s("nothing to repeat") })),
        Box::new(rules(Some(0), RuleSetReason::BadState { value: s(" ") })),
        Box::new(rules(Some(0), RuleSetReason::BadCallingCode { value: s("+1") })),
        Box::new(rules(
            Some(0),
            RuleSetReason::UnsupportedPattern { member: "postalCodeRegex", construct: "a lookahead (?= or (?!" },
        )),
    ]
}

#[test]
fn every_reason_says_what_its_params_hold() {
    let spec = include_str!("fixtures/messages.txt");
    let mut got = String::new();
    for reason in reasons() {
        let wording = reason.wording();
        let unfillable = message::unfillable(wording.template(), &reason.params());
        assert_eq!(unfillable, None, "{}: a placeholder its params cannot fill", wording.code());
        declared_params::check(wording.code(), &reason.params());
        declared_params::shows(wording.code(), wording.template());
        let issue = Issue::new("", reason.as_ref());
        got.push_str(&format!("{}: {}\n", issue.code, issue.message));
    }
    for (line, (want, got)) in spec.lines().zip(got.lines()).enumerate() {
        assert_eq!(got, want, "fixtures/messages.txt line {}", line + 1);
    }
    assert_eq!(got.lines().count(), spec.lines().count(), "one line per reason in fixtures/messages.txt");
}
