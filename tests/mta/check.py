#!/usr/bin/env python3
"""Compare `bounceview scan` with the expected fields of the MTA bounces.

    check.py BOUNCEVIEW [--report] [--update-known]

bounces/<mta>/expected.tsv lists, per bounce file, one row per failed
recipient: recipient, status, reply_code, command, cause, kind ("a|b" where
either value is right); bounces/<mta>/delays.tsv the same for the MTA's delay
notices, with one more column, hard (run-*.py --delays).  The check prints the accuracy per field and per MTA
with --report; it fails on a difference that known-failures.txt does not list,
and on a listed difference that is gone (so that the list stays true).
"""
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["recipient", "status", "reply_code", "command", "cause", "kind", "hard"]
SCAN_KEY = {"recipient": "recipient", "status": "status", "reply_code": "reply_code",
            "command": "command", "cause": "cause", "kind": "kind", "hard": "hard"}


def load_expected():
    rows = collections.OrderedDict()
    base = os.path.join(HERE, "bounces")
    for mta in sorted(os.listdir(base)):
        for table in ("expected.tsv", "delays.tsv"):
            path = os.path.join(base, mta, table)
            if not os.path.exists(path):
                continue
            for line in open(path, encoding="utf-8"):
                if line.startswith("#") or not line.strip():
                    continue
                cells = line.rstrip("\n").split("\t")
                name = cells[0]
                rows.setdefault((mta, name), []).append(dict(zip(FIELDS, cells[1:])))
    return rows


def scan(bounceview):
    base = os.path.join(HERE, "bounces")
    out = subprocess.run([bounceview, "scan", "--format=jsonl", "--jobs", "1", base],
                         capture_output=True, text=True, check=True).stdout
    got = collections.defaultdict(list)
    for line in out.splitlines():
        rec = json.loads(line)
        rel = os.path.relpath(rec["file"], base)
        mta, name = rel.split(os.sep, 1)
        got[(mta, name)].append(rec)
    return got


def matches(field, want, have):
    if field == "hard":
        return want == str(have).lower()
    if field == "recipient":
        return want.lower() == have.lower()
    return have in want.split("|")


def main():
    bounceview = sys.argv[1] if len(sys.argv) > 1 else os.environ["BOUNCEVIEW"]
    report = "--report" in sys.argv
    expected = load_expected()
    got = scan(bounceview)
    known_path = os.path.join(HERE, "known-failures.txt")
    known = set()
    if os.path.exists(known_path):
        for line in open(known_path, encoding="utf-8"):
            line = line.split("#", 1)[0].strip()
            if line:
                known.add(tuple(line.split()))
    score = collections.defaultdict(lambda: collections.Counter())
    diffs = set()
    lines = []
    for (mta, name), rows in expected.items():
        have = got.get((mta, name), [])
        for i, want in enumerate(rows):
            # A report may list its recipients in another order than they
            # were sent (OpenSMTPD): pair by address, else by position.
            rec = next((h for h in have if h.get("recipient", "").lower() == want["recipient"].lower()), None)
            if rec is None:
                rec = have[i] if i < len(have) else {}
            score[mta]["rows"] += 1
            for field in FIELDS:
                if field not in want:
                    continue  # expected.tsv has no column hard
                score[mta]["n:" + field] += 1
                value = rec.get(SCAN_KEY[field], "") if rec else "(missing)"
                if matches(field, want[field], value):
                    score[mta][field] += 1
                else:
                    key = (f"{mta}/{name}", str(i), field)
                    diffs.add(key)
                    lines.append(f"{mta}/{name} #{i} {field}: want {want[field]!r}, got {value!r}"
                                 f" [cause {rec.get('cause', '')}, diag {rec.get('diagnostic', '')[:90]!r}]")
        if len(have) > len(rows):
            diffs.add((f"{mta}/{name}", str(len(rows)), "extra"))
            lines.append(f"{mta}/{name}: {len(have) - len(rows)} extra records")
    if report:
        print("| mta | rows | " + " | ".join(FIELDS) + " |")
        print("|---|---|" + "---|" * len(FIELDS))
        for mta, c in sorted(score.items()):
            n = c["rows"]
            print(f"| {mta} | {n} | " + " | ".join(f"{100.0 * c[f] / c['n:' + f]:.1f}" if c["n:" + f] else "-" for f in FIELDS) + " |")
        for line in lines:
            print(line)
        if "--update-known" in sys.argv:
            with open(known_path, "w", encoding="utf-8") as fh:
                fh.write("# file, record index, field: differences not fixed yet (check.py --update-known)\n")
                for d in sorted(diffs):
                    fh.write(" ".join(d) + "\n")
        return 0
    new = sorted(diffs - known)
    gone = sorted(known - diffs)
    for line in lines:
        print(line)
    for d in new:
        print("NEW DIFFERENCE:", " ".join(d))
    for d in gone:
        print("FIXED (remove it from known-failures.txt):", " ".join(d))
    return 1 if new or gone else 0


if __name__ == "__main__":
    sys.exit(main())
