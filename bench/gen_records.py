#!/usr/bin/env python3
"""Writes bench/records.jsonl: the realistic records the npm package's benchmark runs (bench/js/compare.mjs,
docs/performance.md), valid and invalid, across 29 countries. The record shape and the typical mistakes are those of
scripts/gen_records.py; this adds places (city, street, state, postcode and phone as people write them). No line is
malformed JSON: the benchmark hands each record to `validate` as a JS object.

Usage: bench/gen_records.py [N] [OUT]   (defaults: 240 bench/records.jsonl; fixed seed, so the file is reproducible)
"""

import importlib.util
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("gen_records", HERE.parent / "scripts" / "gen_records.py")
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

# (country, city, address line, state, postcode, phone), as in scripts/gen_records.py.
MORE_PLACES = [
    ("NL", "Amsterdam", "Damrak {n}", "", "1012 LG", "+31 20 {a:03d} {b:04d}"),
    ("ES", "Madrid", "Calle de Alcalá {n}", "", "28014", "+34 91 {a:03d} {b:04d}"),
    ("SE", "Stockholm", "Drottninggatan {n}", "", "111 51", "+46 8 {a:03d} {b:04d}"),
    ("PL", "Warszawa", "ul. Marszałkowska {n}", "", "00-950", "+48 22 {a:03d} {b:04d}"),
    ("BR", "São Paulo", "Av. Paulista {n}", "SP", "01310-100", "+55 11 3{a:03d} {b:04d}"),
    ("IN", "Mumbai", "{n} Marine Drive", "Maharashtra", "400020", "+91 22 {a:04d} {b:04d}"),
    ("MX", "Ciudad de México", "Paseo de la Reforma {n}", "CDMX", "06600", "+52 55 {a:04d} {b:04d}"),
    ("CH", "Zürich", "Bahnhofstrasse {n}", "", "8001", "+41 44 {a:03d} {b:04d}"),
    ("AT", "Wien", "Kärntner Straße {n}", "", "1010", "+43 1 {a:03d} {b:04d}"),
    ("BE", "Bruxelles", "Rue Neuve {n}", "", "1000", "+32 2 {a:03d} {b:04d}"),
    ("DK", "København", "Strøget {n}", "", "1160", "+45 3{a:03d} {b:04d}"),
    ("NO", "Oslo", "Karl Johans gate {n}", "", "0154", "+47 2{a:03d} {b:04d}"),
    ("FI", "Helsinki", "Mannerheimintie {n}", "", "00100", "+358 9 {a:03d} {b:04d}"),
    ("IE", "Dublin", "{n} O'Connell Street", "", "D01 F5P2", "+353 1 {a:03d} {b:04d}"),
    ("PT", "Lisboa", "Rua Augusta {n}", "", "1100-053", "+351 21 {a:03d} {b:04d}"),
    ("NZ", "Auckland", "{n} Queen Street", "", "1010", "+64 9 {a:03d} {b:04d}"),
    ("SG", "Singapore", "{n} Orchard Road", "", "238839", "+65 6{a:03d} {b:04d}"),
    ("ZA", "Johannesburg", "{n} Commissioner St", "", "2001", "+27 11 {a:03d} {b:04d}"),
    ("KR", "Seoul", "Sejong-daero {n}", "Seoul", "04524", "+82 2 {a:04d} {b:04d}"),
    ("CZ", "Praha", "Václavské náměstí {n}", "", "110 00", "+420 22{a:03d} {b:04d}"),
]
COUNTRIES = 29


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 240
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "records.jsonl"
    gen.PLACES.extend(MORE_PLACES)
    assert len({p[0] for p in gen.PLACES}) == COUNTRIES
    rng = random.Random(10)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            r = gen.record(rng, i)
            if rng.random() < 0.35:
                gen.spoil(rng, r)
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
