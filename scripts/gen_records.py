#!/usr/bin/env python3
"""Writes N realistic account records as JSON Lines, for measuring `tenantcheck check`.

Usage: scripts/gen_records.py N OUT.jsonl [--seed S] [--invalid PERCENT]

About 500 bytes a record. Most records are valid; PERCENT of them (default 20) carry one typical mistake (a bad
postcode, a space in the username, a tenant e-mail, a wrong JSON type, an unknown field, a state that does not match
the ZIP, ...), and about one in a thousand lines is not JSON at all. Python 3 only, no dependencies; the same seed
gives the same file.
"""

import argparse
import json
import random
import sys

# (country, city, address line, state, postcode, phone): each valid under rules.md.
PLACES = [
    ("GR", "Athens", "Leof. Kifisias {n}", "", "106 82", "+30 210 {a:03d} {b:04d}"),
    ("GR", "Thessaloniki", "Egnatia {n}", "", "546 30", "+30 2310 {a:03d} {b:03d}"),
    ("US", "Mountain View", "{n} Amphitheatre Pkwy", "CA", "94043", "(650) {a:03d}-{b:04d}"),
    ("US", "Seattle", "{n} Pine St", "WA", "98101-1234", "+1 206 {a:03d} {b:04d}"),
    ("US", "New York", "{n} Broadway", "NY", "10001", "212-{a:03d}-{b:04d}"),
    ("CA", "Toronto", "{n} King St W", "ON", "M5H 2N2", "+1 416 {a:03d} {b:04d}"),
    ("GB", "London", "{n} Baker Street", "", "NW1 6XE", "+44 20 7{a:03d} {b:04d}"),
    ("DE", "Berlin", "Friedrichstr. {n}", "", "10117", "+49 30 {a:03d}{b:04d}"),
    ("FR", "Paris", "{n} rue de Rivoli", "", "75001", "+33 1 {a:03d} {b:04d}"),
    ("AU", "Sydney", "{n} George St", "New South Wales", "2000", "+61 2 9{a:03d} {b:04d}"),
    ("JP", "Tokyo", "Chiyoda {n}-1", "", "100-0001", "+81 3 {a:03d} {b:04d}"),
    ("IT", "Milano", "Via Torino {n}", "", "20123", "+39 02 {a:03d} {b:04d}"),
]
COMPANIES = ["Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Adventure Works", "Wingtip Toys",
             "Litware", "Proseware", "Woodgrove Bank", "Alpine Ski House", "Coho Winery", "Lucerne Publishing"]
FORMS = ["Ltd", "Inc.", "GmbH", "S.A.", "LLC", "AE", "S.r.l.", "K.K."]
FIRST = ["Ada", "Grace", "Alan", "Katherine", "Edsger", "Barbara", "Donald", "Margaret", "Niklaus", "Frances"]
LAST = ["Lovelace", "Hopper", "Turing", "Johnson", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Wirth", "Allen"]
USERS = ["admin", "it.admin", "global_admin", "o365admin", "tenant-admin", "sysadmin"]
MODELS = ["indirectProvider", "indirectProvider", "indirectCountryTenant", "direct", "tenantReseller"]


def record(rng, i):
    country, city, line1, state, postcode, phone = rng.choice(PLACES)
    company = rng.choice(COMPANIES)
    prefix = "".join(c for c in company.lower() if c.isalnum())[:20] + str(i % 100000)
    model = rng.choice(MODELS)
    mpn = str(rng.randrange(1000000, 9999999)) if model.startswith("indirect") and rng.random() < 0.5 else ""
    return {
        "cspModel": model,
        "syncOptions": {"username": rng.choice(USERS), "domainPrefix": prefix, "resellerMpnId": mpn},
        "account": {
            "companyName": f"{company} {rng.choice(FORMS)}",
            "contact": {"firstName": rng.choice(FIRST), "lastName": rng.choice(LAST)},
            "email": f"it@{prefix}.com",
            "phone": phone.format(a=rng.randrange(200, 999), b=rng.randrange(0, 9999) % 1000 + 1000),
            "registrationNumber": "",
            "isSubCustomerOfReseller": False,
            "billingAddress": {"country": country, "addressLine1": line1.format(n=rng.randrange(1, 400)),
                               "addressLine2": rng.choice(["", "", "Floor 2", "Suite 100"]), "city": city,
                               "state": state, "postalCode": postcode},
        },
        "resellerBillingAddress": None,
        "partnerDomain": "partner.example",
        "markets": None,
        "domainSuffix": None,
    }


def spoil(rng, r):
    """One typical mistake."""
    acc, addr, so = r["account"], r["account"]["billingAddress"], r["syncOptions"]
    k = rng.randrange(10)
    if k == 0:
        addr["postalCode"] = addr["postalCode"][:-1] or "1"
    elif k == 1:
        so["username"] = "first last"
    elif k == 2:
        acc["email"] = "admin@" + so["domainPrefix"] + ".onmicrosoft.com"
    elif k == 3:
        acc["phone"] = ""
    elif k == 4:
        acc["isSubCustomerOfReseller"] = "no"
    elif k == 5:
        r["crmId"] = "C-" + str(rng.randrange(100000))
    elif k == 6:
        so["domainPrefix"] = so["domainPrefix"] + "-tenant"
    elif k == 7:
        addr["country"] = "XX"
    elif k == 8:
        acc["companyName"] = "LLC"
    else:
        addr.update(country="US", state="TX", postalCode="94043", city="Austin")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--invalid", type=float, default=20.0, help="percent of records with a mistake")
    a = p.parse_args()
    rng = random.Random(a.seed)
    with open(a.out, "w", encoding="utf-8") as f:
        for i in range(a.n):
            if rng.random() < 0.001:
                f.write('{"cspModel": "direct", "account": {\n')
                continue
            r = record(rng, i)
            if rng.random() * 100 < a.invalid:
                spoil(rng, r)
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
