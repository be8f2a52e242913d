#!/usr/bin/env python3
"""Validates snapshots against docs/snapshot.schema.json with python3's
jsonschema (Debian: python3-jsonschema), as a second opinion beside the C
validator in tests/unit/test_snapshot.c.

usage: validate.py SCHEMA SNAPSHOT...
Exit 0 when all are valid, 1 when one is not, 77 (CTest's skip) when
python3 has no jsonschema module.
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("validate.py: no jsonschema module for python3; skipped")
    sys.exit(77)


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    bad = 0
    for path in sys.argv[2:]:
        with open(path) as f:
            doc = json.load(f)
        for err in validator.iter_errors(doc):
            where = "/".join(str(p) for p in err.absolute_path)
            print(f"{path}: /{where}: {err.message[:300]}")
            bad += 1
        if not bad:
            print(f"{path}: valid")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
