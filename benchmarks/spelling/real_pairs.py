#!/usr/bin/env python3
"""First-suggestion accuracy on REAL misspellings: the learner-essay pairs of the dev set
(../shared/devset/labeled.jsonl, source cows_l2h, whose note names the misspelling and the annotator's
correction). A measurement only: replylint is never tuned to these cases.

Compares replylint's first suggestion for the flagged word (end to end: `replylint --format json`) with
Hunspell's first suggestion (`hunspell -a`). Usage: python3 benchmarks/spelling/real_pairs.py
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEVSET = os.path.join(os.path.dirname(ROOT), "shared", "devset", "labeled.jsonl")
BIN = os.path.join(ROOT, ".build", "release", "replylint")

pairs = []
with open(DEVSET, encoding="utf-8") as f:
    for line in f:
        case = json.loads(line)
        m = re.search(r"misspelling '([^']+)' \(annotator: '([^']+)'\)", case.get("note", ""))
        if case.get("source") == "cows_l2h" and m and "spelling" in case.get("expect", []):
            pairs.append((case["id"], case["text"], m.group(1), m.group(2)))
if not pairs:
    sys.exit("no pairs found in " + DEVSET)

ours = {}
with tempfile.TemporaryDirectory() as folder:
    for cid, text, _, _ in pairs:
        with open(os.path.join(folder, cid + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    out = subprocess.run([BIN, "--format", "json", "--only", "spelling", folder], capture_output=True, text=True).stdout
    for d in json.loads(out)["diagnostics"]:
        cid = os.path.basename(d["path"])[:-4]
        ours.setdefault(cid, {})[d["excerpt"]] = d["suggestions"]

words = "\n".join(wrong for _, _, wrong, _ in pairs) + "\n"
hun = subprocess.run(["hunspell", "-d", "es_ES", "-a"], input=words, capture_output=True, text=True).stdout
theirs = []
for line in hun.splitlines()[1:]:
    if line.startswith("&"):
        theirs.append(line.split(": ", 1)[1].split(", ")[0])
    elif line.startswith(("*", "+", "-")):
        theirs.append(None)
    elif line.startswith("#"):
        theirs.append("")

ok_ours = ok_theirs = flagged = 0
for (cid, _, wrong, right), hunspell_first in zip(pairs, theirs):
    suggestions = ours.get(cid, {}).get(wrong)
    if suggestions is not None:
        flagged += 1
        ok_ours += bool(suggestions) and suggestions[0] == right
    ok_theirs += hunspell_first == right
n = len(pairs)
print(f"{n} real misspellings (dev set learner essays); replylint flagged {flagged}")
print("| suggester | first suggestion right |")
print("|---|---:|")
print(f"| replylint | {ok_ours}/{n} ({100 * ok_ours / n:.1f} %) |")
print(f"| Hunspell suggest() | {ok_theirs}/{n} ({100 * ok_theirs / n:.1f} %) |")
