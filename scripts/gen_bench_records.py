#!/usr/bin/env python3
"""Writes bench/records.jsonl: the record set that `make bench` validates with tenantcheck and with the JavaScript
stack it replaces (bench/js/compare.mjs), side by side.

Every record is a real-world corpus case (tests/fixtures/real-world: postcodes, states, phones, e-mail addresses,
each value from a public source) set into its country's valid base account (bases.json), exactly as the corpus
runners build it (tests/node/real-world.test.mjs); its `id` is the case's. So the set is realistic, valid and invalid
in the corpus's proportions, and spread over many countries. Python 3 only, no dependencies; deterministic.

Usage: scripts/gen_bench_records.py [OUT]   (default bench/records.jsonl)
"""

import copy
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "real-world"
# The classes whose fields the JavaScript stack checks too (postcode-validator, libphonenumber-js, isEmail).
CLASSES = ["postcodes", "states", "phones", "emails"]
DEFAULT_COUNTRY = "US"


def base(bases, country):
    b = bases["countries"][country]
    record = copy.deepcopy(bases["record"])
    record["account"].update(
        phone=b["phone"], registrationNumber=b["registrationNumber"], billingAddress=copy.deepcopy(b["billingAddress"])
    )
    return record


def put(record, path, value):
    *keys, last = path.split(".")
    at = record
    for k in keys:
        if at.get(k) is None:
            at[k] = {}
        at = at[k]
    at[last] = value


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "records.jsonl"
    bases = json.loads((CORPUS / "bases.json").read_text(encoding="utf-8"))
    lines = []
    for name in CLASSES:
        for line in (CORPUS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            record = base(bases, case.get("country") or DEFAULT_COUNTRY)
            for path, value in (case.get("with") or {}).items():
                put(record, path, value)
            put(record, case["field"], case["input"])
            lines.append(json.dumps({"id": case["id"], **record}, ensure_ascii=False, separators=(",", ":")))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} records", file=sys.stderr)


if __name__ == "__main__":
    main()
