//! One module per rule family of `rules.md`. Each takes the raw text of its field, applies section 0
//! ([`crate::text::normalize`]) and returns the normalized value or a typed reason. None knows of JS or of the record.

pub mod hostname;
