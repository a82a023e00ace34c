//! One module per rule family of `rules.md`. Each takes the raw text of its field, applies section 0 for the field's
//! kind ([`crate::schema`]: [`crate::text::normalize`] or [`crate::text::free_text`]) and returns the normalized value
//! or a typed reason. None knows of JS or of the record.

pub mod address;
pub mod characters;
pub mod config;
pub mod country;
pub mod domain;
pub mod email;
pub mod hostname;
#[rustfmt::skip]
pub(crate) mod idn_data;
pub mod mpn;
pub mod names;
pub mod phone;
pub mod postcode;
pub mod registration;
pub mod request;
pub mod state;
pub mod sub_customer;
pub mod username;
