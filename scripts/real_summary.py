#!/usr/bin/env python3
"""Opt-in: run vnplan over ../shared/real (real documents of real offices,
never copied into the repository) and print, per field, how many documents
got a value. Not a test: the documents are not ours to ship, and no test
may read them.

    cargo build --release && python3 scripts/real_summary.py [FOLDER]
"""
import collections
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "real")
if not os.path.isdir(folder):
    print(f"no folder {folder}: nothing to summarise")
    sys.exit(0)
exe = os.path.join(root, "target", "release", "vnplan")
run = subprocess.run([exe, "extract", "--quiet", folder], capture_output=True, text=True)
records = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
errors = collections.Counter(r["error"]["kind"] for r in records if "error" in r)
docs = [r for r in records if "error" not in r]
# A document is headed when its first lines name an issuing body or a number.
headed = [r for r in docs if r["document"].get("issuer_source") == "header" or r["document"].get("symbol")]
fields = ["kind", "number", "symbol", "issuer", "place", "date", "title", "signer", "recipients"]
print(f"{len(records)} files: {len(docs)} records, {sum(errors.values())} errors {dict(errors)}")
print(f"{len(headed)} headed documents; of them with a value:")
for f in fields:
    def has(r):
        v = r["document"].get(f)
        if f == "signer":
            return bool(v and v.get("name"))
        return bool(v)
    n = sum(1 for r in headed if has(r))
    print(f"  {f:<11} {n:>4}  ({100 * n / max(1, len(headed)):.0f}%)")
kinds = collections.Counter(r["document"].get("kind") for r in docs)
print("kinds:", dict(kinds.most_common()))
print("references per document:", round(sum(len(r["references"]) for r in docs) / max(1, len(docs)), 1))
