//! Every code a rule can emit, in one list: the table in `docs/codes.md` is tested against it, so the two cannot
//! drift (`request.md`: codes are stable API, never renamed, never reused).

use crate::countries::overrides;
use crate::issue::{Code, Wordings};
use crate::rules::{
    address, characters, config, country, domain, email, mpn, names, phone, postcode, registration, request, state,
    sub_customer, username,
};

/// The code lists of every rule module, in the order of the record.
pub const BY_RULE: &[&[Code]] = &[
    request::CODES,
    characters::CODES,
    config::CODES,
    username::CODES,
    domain::CODES,
    mpn::CODES,
    names::COMPANY_NAME_CODES,
    names::CONTACT_NAME_CODES,
    email::CODES,
    phone::CODES,
    registration::CODES,
    sub_customer::CODES,
    country::CODES,
    address::ADDRESS_LINE_CODES,
    address::CITY_CODES,
    state::CODES,
    postcode::CODES,
    overrides::CODES,
];

/// Every code, in the order of [`BY_RULE`].
pub fn all() -> impl Iterator<Item = &'static str> {
    declared().map(|c| c.code)
}

/// Every code with its params, in the order of [`BY_RULE`].
pub fn declared() -> impl Iterator<Item = &'static Code> {
    BY_RULE.iter().flat_map(|codes| codes.iter())
}

/// Every rule module's table of codes and English templates, in the order of the source files (`countries/`, then
/// `rules/` by name): the order of the keys of `core/catalogs/en.json` ([`crate::catalog`]).
pub static WORDINGS: &[&Wordings] = &[
    &overrides::WORDINGS,
    &address::ADDRESS_LINE_WORDINGS,
    &address::CITY_WORDINGS,
    &characters::WORDINGS,
    &config::WORDINGS,
    &country::WORDINGS,
    &domain::WORDINGS,
    &email::WORDINGS,
    &mpn::WORDINGS,
    &names::COMPANY_NAME_WORDINGS,
    &names::CONTACT_NAME_WORDINGS,
    &phone::WORDINGS,
    &postcode::WORDINGS,
    &registration::WORDINGS,
    &request::WORDINGS,
    &state::WORDINGS,
    &sub_customer::WORDINGS,
    &username::WORDINGS,
];
