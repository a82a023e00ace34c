// PLACEHOLDER — replaced by the output of scripts/gen_countries.py.
use super::{Country, State};

pub const DATA_VERSION: &str = "placeholder";

/// US ZIP 3-digit prefixes and the states that use them, sorted by prefix.
pub static US_ZIP_PREFIXES: &[(&str, &[&str])] =
    &[("063", &["CT", "NY"]), ("100", &["NY"]), ("940", &["CA"])];

pub static COUNTRIES: [Country; 3] = [
    Country {
        code: "CA",
        name: "Canada",
        postal_code_regex: Some(
            r"[ABCEGHJKLMNPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d",
        ),
        postal_code_examples: &["H3Z 2Y7", "V8X 3X4", "T0L 1K0", "T0H 1A0", "K1A 0B1"],
        is_postal_code_required: true,
        is_state_required: true,
        supported_states: &[State {
            value: "QC",
            aliases: &["Quebec", "Québec"],
        }],
        country_calling_codes: &["1"],
        is_csp_market: true,
        requires_phone_and_registration: false,
    },
    Country {
        code: "GR",
        name: "Greece",
        postal_code_regex: Some(r"\d{3} ?\d{2}"),
        postal_code_examples: &["151 24", "151 10", "101 88"],
        is_postal_code_required: true,
        is_state_required: false,
        supported_states: &[],
        country_calling_codes: &["30"],
        is_csp_market: true,
        requires_phone_and_registration: false,
    },
    Country {
        code: "US",
        name: "United States",
        postal_code_regex: Some(r"(\d{5})(?:[ \-](\d{4}))?"),
        postal_code_examples: &["95014", "22162-1010"],
        is_postal_code_required: true,
        is_state_required: true,
        supported_states: &[
            State {
                value: "CA",
                aliases: &["California"],
            },
            State {
                value: "NY",
                aliases: &["New York"],
            },
        ],
        country_calling_codes: &["1"],
        is_csp_market: true,
        requires_phone_and_registration: false,
    },
];
