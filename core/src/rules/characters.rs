//! Characters no text field may hold (`rules.md` section 0): control characters (C0, DEL and C1) other than tab, line
//! feed and carriage return, which count as spaces, and bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//! U+2066–U+2069), which hide or reorder what a reviewer sees (the "Trojan Source" class of attack, CVE-2021-42574).
//!
//! One code for every field, checked in one place: the record walker ([`crate::validate`]) looks for them
//! ([`crate::text::forbidden`]) in each text field before the field's rule runs, and a field holding one is reported
//! with `text.bad_character` only (its rule does not run on it). The rules themselves never see such a character
//! through the walker, so none has a code of its own for it (**decision**: one shared code rather than one per rule,
//! so a host handles it once).

use crate::issue::{Params, Reason, Wording};

/// Why a text field is refused before its rule runs.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CharacterReason {
    /// A control character or a bidirectional override, at `position` (in characters, from 1).
    Forbidden { character: char, position: usize },
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "text.bad_character" (character: Str, position: Int) {
        Forbidden: "This field contains {character|char}, a control or text-direction character, at position \
                    {position}; remove it."
    }
}

crate::display_as_message!(CharacterReason);

impl Reason for CharacterReason {
    fn wording(&self) -> Wording {
        Say::Forbidden.into()
    }

    fn params(&self) -> Params {
        match self {
            CharacterReason::Forbidden { character, position } => {
                Params::default().with("character", *character).with("position", *position)
            }
        }
    }
}

/// The reason a raw field text is refused before its rule runs, if any ([`crate::text::forbidden`]). Text over
/// section 0's limit is left to the field's rule, which reports it as too long without reading it.
pub fn check(raw: &str) -> Result<(), CharacterReason> {
    if raw.len() > 4 * crate::text::MAX_CHARS {
        return Ok(());
    }
    match crate::text::forbidden(raw) {
        Some((character, position)) => Err(CharacterReason::Forbidden { character, position }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_refused_tab_and_newlines_are_not() {
        for (raw, want) in [
            ("Contoso\u{0}", Some(('\u{0}', 8))),
            ("a\u{7}b", Some(('\u{7}', 2))),
            ("\u{7f}", Some(('\u{7f}', 1))),
            ("x\u{85}", Some(('\u{85}', 2))),
            ("\u{b}", Some(('\u{b}', 1))),
            ("\u{c}", Some(('\u{c}', 1))),
            ("Contoso\u{202e}dtL", Some(('\u{202e}', 8))),
            ("\u{2066}x\u{2069}", Some(('\u{2066}', 1))),
            ("é\u{202a}", Some(('\u{202a}', 2))),
            ("a\tb\nc\r\n", None),
            ("Ｃｏｎｔｏｓｏ ½ º", None),
            ("می\u{200c}خواهم", None),
            ("a\u{200b}b\u{200e}\u{200f}", None),
        ] {
            let got = check(raw).err().map(|CharacterReason::Forbidden { character, position }| (character, position));
            assert_eq!(got, want, "{raw:?}");
        }
        // Beyond the limit the rule reports the length; this check does not read the text.
        assert!(check(&"\u{0}".repeat(5000)).is_ok());
    }
}
