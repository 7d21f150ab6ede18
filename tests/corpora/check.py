#!/usr/bin/env python3
# check.py: golden-file tests of `bounceview scan` on the fixture emails.
#
# Copyright 2026 the bounceview authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Golden-file checker for the fixture emails in tests/corpora/.

Each case is a directory holding one or more message files (msg.eml, an mbox
msg.mbox, or msg-1.eml, msg-2.eml ...), an expected.tsv written by a person
(what is right) and a golden.jsonl (what the binary printed when the fields
of expected.tsv last matched).  Usage:

    check.py CASE                run one case (meson runs one test per case)
    check.py --inventory CASE... check the list of cases given by meson.build
                                 against the directories and the vocabulary
    check.py --demo              scan the bundled demo Maildir
    check.py --update [CASE...]  regenerate golden.jsonl from the current output
                                 (known-failures.txt is never rewritten)

A case listed in known-failures.txt must still fail its expected.tsv, in
exactly the way the list says, and must still match its golden.jsonl: when a
fix makes it pass, or any other field of it changes, the test fails.  The list
is edited by hand, so a regression cannot be accepted by --update.  The
binary is $BOUNCEVIEW.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.environ.get("BOUNCEVIEW_SOURCE_DIR", os.path.dirname(os.path.dirname(HERE)))
BV = os.environ.get("BOUNCEVIEW", os.path.join(SOURCE, "build", "cli", "bounceview"))
KNOWN = os.path.join(HERE, "known-failures.txt")
NOT_MESSAGES = {"expected.tsv", "golden.jsonl"}
COLUMNS = ("recipient", "status", "reply_code", "cause", "hard", "kind")
# The minimum the tracker issue asks for; the inventory test holds us to it.
MIN_CASES = 60


def message_files(case_dir):
    """The message files of a case, in the order they are scanned."""
    return sorted(
        os.path.join(case_dir, name)
        for name in os.listdir(case_dir)
        if name not in NOT_MESSAGES and not name.startswith(".")
    )


def mask(path, case_dir):
    """The case-relative name of a scanned path, so goldens do not depend on
    where the source tree lives.  Inside an mbox the binary appends
    ':OFFSET', which is kept."""
    for prefix in (case_dir + os.sep, os.path.realpath(case_dir) + os.sep):
        if path.startswith(prefix):
            return path[len(prefix):]
    return path


def scan(case_dir):
    """Runs the binary on a case.  Returns (records, error): the masked JSON
    objects in output order, or an error string when the run itself went
    wrong (crash, bad exit status, output that is not JSON lines)."""
    files = message_files(case_dir)
    if not files:
        return [], "no message file in %s" % case_dir
    try:
        proc = subprocess.run(
            [BV, "scan", "--format=jsonl"] + files,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return [], "cannot run %s: %s" % (BV, e)
    if proc.returncode != 0:
        return [], "exit status %d, stderr: %s" % (
            proc.returncode,
            proc.stderr.decode("utf-8", "replace").strip(),
        )
    records = []
    for n, line in enumerate(proc.stdout.decode("utf-8").splitlines(), 1):
        try:
            obj = json.loads(line)
        except ValueError as e:
            return [], "output line %d is not JSON (%s): %r" % (n, e, line[:200])
        obj["file"] = mask(obj.get("file", ""), case_dir)
        records.append(obj)
    return records, None


def read_expected(case_dir):
    """The rows of expected.tsv as dicts keyed by COLUMNS.  Lines starting
    with '#' and blank lines are comments."""
    rows = []
    with open(os.path.join(case_dir, "expected.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != len(COLUMNS):
                raise ValueError(
                    "expected.tsv line %d: %d columns, want %d"
                    % (n, len(cells), len(COLUMNS))
                )
            rows.append(dict(zip(COLUMNS, cells)))
    return rows


def compare_fields(records, rows):
    """What differs between the output and expected.tsv, as short sentences
    (empty when everything a user checks is right).  Rows match records by
    position: a report's recipients must come out in the report's order."""
    problems = []
    for i in range(max(len(records), len(rows))):
        if i >= len(rows):
            r = records[i]
            problems.append(
                "extra record %d: %s %s" % (i + 1, r.get("kind"), r.get("recipient", ""))
            )
            continue
        want = rows[i]
        label = want["recipient"] or want["kind"]
        if i >= len(records):
            problems.append("missing %s (%s)" % (label, want["cause"] or want["kind"]))
            continue
        got = records[i]
        bad = []
        kind = got.get("kind", "none")
        if kind != want["kind"]:
            bad.append("kind %s, want %s" % (kind, want["kind"]))
        if want["kind"] != "none" and kind != "none":
            if got.get("recipient", "") != want["recipient"]:
                bad.append("recipient %r" % got.get("recipient", ""))
            status = got.get("status", "")
            if want["status"] == "-":
                # The report shows no enhanced code: anything the engine
                # derives from the cause is fine, as long as it says so.
                if status and not got.get("status_derived"):
                    bad.append("status %s not in the report" % status)
            elif status != want["status"]:
                bad.append("status %r, want %s" % (status, want["status"]))
            reply = "" if want["reply_code"] == "-" else want["reply_code"]
            if got.get("reply_code", "") != reply:
                bad.append("reply_code %r, want %r" % (got.get("reply_code", ""), reply))
            if got.get("cause", "") != want["cause"]:
                bad.append("cause %s, want %s" % (got.get("cause", ""), want["cause"]))
            hard = "1" if got.get("hard") else "0"
            if hard != want["hard"]:
                bad.append("hard %s, want %s" % (hard, want["hard"]))
        if bad:
            problems.append("%s: %s" % (label, ", ".join(bad)))
    return problems


def read_golden(case_dir):
    path = os.path.join(case_dir, "golden.jsonl")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_golden(case_dir, records):
    # Keys keep the binary's order and non-ASCII stays readable, so that a
    # developer can review a regenerated golden with git diff.
    with open(os.path.join(case_dir, "golden.jsonl"), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def compare_golden(records, golden):
    if golden is None:
        return ["golden.jsonl is missing (run check.py --update)"]
    problems = []
    if len(records) != len(golden):
        problems.append("%d records, golden has %d" % (len(records), len(golden)))
    for i, (got, want) in enumerate(zip(records, golden), 1):
        for key in sorted(set(got) | set(want)):
            if got.get(key) != want.get(key):
                problems.append(
                    "record %d %s: %r, golden %r" % (i, key, got.get(key), want.get(key))
                )
    return problems


def read_known():
    known = {}
    if os.path.exists(KNOWN):
        with open(KNOWN, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    name, _, reason = line.rstrip("\n").partition(" ")
                    known[name] = reason.strip()
    return known


def case_dir_of(name):
    return os.path.join(HERE, name)


def run_case(name):
    """One meson test: returns the process exit status."""
    case_dir = case_dir_of(name)
    records, error = scan(case_dir)
    if error:
        print("FAIL %s: %s" % (name, error))
        return 1
    problems = compare_fields(records, read_expected(case_dir))
    known = read_known()
    if name in known:
        if not problems:
            print(
                "FAIL %s: listed in known-failures.txt but now matches expected.tsv; "
                "run check.py --update and review the diff" % name
            )
            return 1
        reason = "; ".join(problems)
        if reason != known[name]:
            print(
                "FAIL %s: known failure changed: now %r, listed as %r" % (name, reason, known[name])
            )
            return 1
        diffs = compare_golden(records, read_golden(case_dir))
        if diffs:
            for d in diffs:
                print("FAIL %s golden (a known failure must not change otherwise): %s" % (name, d))
            return 1
        print("known failure %s: %s" % (name, reason))
        return 0
    if problems:
        for p in problems:
            print("FAIL %s: %s" % (name, p))
        return 1
    diffs = compare_golden(records, read_golden(case_dir))
    if diffs:
        for d in diffs:
            print("FAIL %s golden: %s" % (name, d))
        print("(if the new output is right, run check.py --update and review git diff)")
        return 1
    print("ok %s: %d record(s)" % (name, len(records)))
    return 0


def all_cases():
    return sorted(
        d
        for d in os.listdir(HERE)
        if os.path.isfile(os.path.join(HERE, d, "expected.tsv"))
    )


def update(names):
    """Regenerates goldens from the current output.  known-failures.txt is
    left alone: a case that starts or stops failing is reported, and the
    list is edited by hand (so --update cannot hide a regression)."""
    known = read_known()
    status = 0
    for name in names:
        case_dir = case_dir_of(name)
        records, error = scan(case_dir)
        if error:
            print("cannot update %s: %s" % (name, error))
            status = 1
            continue
        problems = compare_fields(records, read_expected(case_dir))
        reason = "; ".join(problems)
        if problems and name not in known:
            print("%-40s FAILS, golden not written: %s" % (name, reason))
            status = 1
            continue
        write_golden(case_dir, records)
        if problems and reason != known[name]:
            print("%-40s FAILS differently from known-failures.txt: %s" % (name, reason))
            status = 1
        elif not problems and name in known:
            print("%-40s ok: remove it from known-failures.txt" % name)
            status = 1
        else:
            print("%-40s %s" % (name, "known failure" if problems else "ok"))
    print("%d known failure(s) listed; known-failures.txt is edited by hand" % len(known))
    return status


def vocabulary():
    """The cause ids, read from the engine's header so that a new cause
    shows up here as uncovered."""
    with open(os.path.join(SOURCE, "parsers", "bounce.h"), encoding="utf-8") as f:
        text = f.read()
    block = text[text.index("#define BV_CAUSES"):]
    block = block[: block.index("\n\n")]
    return set(re.findall(r'X \(\w+, "(\w+)"\)', block))


def inventory(listed):
    """The case list of meson.build must name every case directory, every
    case must be complete, and together they must cover every cause."""
    problems = []
    dirs = set(
        d
        for d in os.listdir(HERE)
        if os.path.isdir(os.path.join(HERE, d)) and not d.startswith(".")
    )
    for d in sorted(dirs - set(listed)):
        problems.append("case directory %s is not listed in meson.build" % d)
    for d in sorted(set(listed) - dirs):
        problems.append("meson.build lists %s, which has no directory" % d)
    covered = {}
    for name in sorted(dirs & set(listed)):
        case_dir = case_dir_of(name)
        for f in ("expected.tsv", "golden.jsonl"):
            if not os.path.exists(os.path.join(case_dir, f)):
                problems.append("%s has no %s" % (name, f))
        if not message_files(case_dir):
            problems.append("%s has no message file" % name)
        try:
            for row in read_expected(case_dir):
                if row["kind"] != "none":
                    covered.setdefault(row["cause"], []).append(name)
        except (OSError, ValueError) as e:
            problems.append("%s: %s" % (name, e))
    vocab = vocabulary()
    for cause in sorted(vocab - set(covered)):
        problems.append("no fixture has the cause %s" % cause)
    for cause in sorted(set(covered) - vocab):
        problems.append("%s use the unknown cause %s" % (", ".join(covered[cause]), cause))
    for name in sorted(set(read_known()) - dirs):
        problems.append("known-failures.txt names %s, which has no directory" % name)
    if len(listed) < MIN_CASES:
        problems.append("%d cases, want at least %d" % (len(listed), MIN_CASES))
    for p in problems:
        print("FAIL inventory: %s" % p)
    if not problems:
        print("ok inventory: %d cases cover all %d causes" % (len(listed), len(vocab)))
    return 1 if problems else 0


def demo():
    """The bundled demo Maildir is what the README tells a new user to run:
    every message in it must be scanned, and it must look like a real bounce
    mailbox (addresses that bounce more than once, several causes)."""
    maildir = os.path.join(SOURCE, "demo", "maildir")
    names = []
    for sub in ("cur", "new"):
        for n in os.listdir(os.path.join(maildir, sub)):
            if not n.startswith("."):
                names.append(os.path.join(maildir, sub, n))
    proc = subprocess.run(
        [BV, "scan", "--format=jsonl", maildir], capture_output=True, timeout=60
    )
    problems = []
    if proc.returncode != 0:
        problems.append("exit status %d: %s" % (proc.returncode, proc.stderr.decode()))
    records = [json.loads(l) for l in proc.stdout.decode("utf-8").splitlines()]
    seen = set(r["file"] for r in records)
    for n in sorted(set(names) - seen):
        problems.append("%s gave no record" % n)
    if len(names) < 35:
        problems.append("only %d messages" % len(names))
    for n in names:
        if not re.match(r"^\d{10}\.M\d+P\d+\.demo(:2,[A-Z]*)?$", os.path.basename(n)):
            problems.append("%s is not a Maildir file name" % n)
    failed = [r for r in records if r.get("kind") == "failed"]
    counts = {}
    for r in failed:
        counts[r["recipient"]] = counts.get(r["recipient"], 0) + 1
    if not any(c > 1 for c in counts.values()):
        problems.append("no address bounces more than once")
    if not any(r.get("kind") == "none" for r in records):
        problems.append("no ordinary mail")
    for p in problems:
        print("FAIL demo: %s" % p)
    if not problems:
        print(
            "ok demo: %d messages, %d records, %d bouncing addresses"
            % (len(names), len(records), len(counts))
        )
    return 1 if problems else 0


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "--update":
        return update(argv[1:] or all_cases())
    if argv[0] == "--inventory":
        return inventory(argv[1:])
    if argv[0] == "--demo":
        return demo()
    return max(run_case(name) for name in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
