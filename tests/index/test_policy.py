#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The suppression policy proposes only addresses that are bad (issue 11).

Each test writes its own Maildir of reports (bvtest.dsn_report, written for
the tests), indexes it with `bounceview index` and reads the proposals with
`bounceview suppress propose` and index-helper:

- a week and more of sender-side bounces (DMARC/authentication failures,
  missing reverse DNS, blocklists) never proposes the recipients;
- the soft-bounce rule at both of its boundaries: N-1 bounces over D days
  and N bounces over D days less one second are not proposed, N bounces
  whose first and last are exactly D days apart are, so switching the rule
  off, or either of its limits, fails a test; the limits come from the
  configuration file;
- each proposal carries its cause and evidence;
- what `M` would do is previewed: how many addresses, which causes, and a
  warning when they are the sending setup's bounces.
"""
import json, os, shutil, subprocess, sys, tempfile, unittest
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bvtest
from bvtest import BV

HELPER = os.environ.get("INDEX_HELPER", "build/tests/index/index-helper")
NOTMUCH = shutil.which("notmuch")
DAY = 86400
START = datetime(2026, 3, 2, 9, 0, 0, tzinfo=timezone.utc)

# Diagnostics worded as different servers word them; the causes they give
# are checked in test_causes_as_expected.
DMARC = ("5.7.26", "550 5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy")
SPF = ("5.7.23", "550 5.7.23 The message was rejected because of Sender Policy Framework violation")
PTR = ("5.7.25", "550 5.7.25 The IP address sending this message does not have a PTR record setup")
BLOCKED = ("5.7.1", "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org")
FULL = ("4.2.2", "452 4.2.2 Mailbox full: the user's mailbox is over quota")
UNKNOWN = ("5.1.1", "550 5.1.1 <%s>: Recipient address rejected: User unknown")


class Policy:
    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="bv-policy-")
        self.maildir = os.path.join(self.root, "Maildir")
        for d in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(self.maildir, d))
        self.env = bvtest.sandbox_env(self.root, BOUNCEVIEW_LOCK_TIMEOUT="5")
        self.n = 0

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def bounce(self, address, code, seconds, forged=False):
        """One genuine report (null envelope sender, from MAILER-DAEMON) of
        ADDRESS bouncing with CODE, SECONDS after START; FORGED: the same
        report sent by anyone (an envelope sender and a From of a person)."""
        status, diagnostic = code
        if "%s" in diagnostic:
            diagnostic = diagnostic % address
        self.n += 1
        date = format_datetime(START + timedelta(seconds=seconds))
        text = "Return-Path: <>\n" + bvtest.dsn_report([bvtest.dsn_recipient(address, status, diagnostic)],
                                                       "<policy.%d@mx.example.org>" % self.n, date=date)
        if forged:
            text = text.replace("Return-Path: <>", "Return-Path: <mallory@forger.example>").replace(
                "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>", "From: Mail Delivery System <mallory@forger.example>")
        with open(os.path.join(self.maildir, "cur", "%d.policy:2,S" % self.n), "w") as f:
            f.write(text)

    def repeat(self, address, code, count, span):
        """COUNT bounces, the first at 0 and the last SPAN seconds later."""
        for i in range(count):
            self.bounce(address, code, 0 if count == 1 else span * i // (count - 1))

    def config(self, text):
        path = os.path.join(self.root, "config", "bounceview", "config")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def run(self, *args):
        p = subprocess.run([BV, *args], env=self.env, capture_output=True, text=True, timeout=120)
        if p.returncode != 0:
            raise AssertionError("%s failed (%d): %s" % (args, p.returncode, p.stderr))
        return p.stdout

    def proposals(self):
        self.run("index", "--maildir", self.maildir)
        out = self.run("suppress", "propose", "--maildir", self.maildir, "--format=jsonl")
        return {r["address"]: r for r in map(json.loads, out.splitlines())}

    def helper(self, *args):
        p = subprocess.run([HELPER, *args], env=self.env, capture_output=True, text=True, timeout=120)
        if p.returncode != 0:
            raise AssertionError("index-helper failed: " + p.stderr)
        return p.stdout


@unittest.skipUnless(NOTMUCH, "needs the notmuch CLI")
class PolicyTest(unittest.TestCase):
    def setUp(self):
        self.p = Policy()

    def tearDown(self):
        self.p.cleanup()

    def test_causes_as_expected(self):
        """The fixtures mean what the other tests take them to mean."""
        for i, (code, cause) in enumerate([(DMARC, "authfailure"), (PTR, "requireptr"), (BLOCKED, "blocked"),
                                           (FULL, "mailboxfull"), (UNKNOWN, "userunknown")]):
            self.p.bounce("c%d@customers.example" % i, code, 0)
        out = self.p.run("scan", "--format", "jsonl", self.p.maildir)
        got = sorted((r["recipient"], r["cause"]) for r in map(json.loads, out.splitlines()))
        self.assertEqual(got, [("c0@customers.example", "authfailure"), ("c1@customers.example", "requireptr"),
                               ("c2@customers.example", "blocked"), ("c3@customers.example", "mailboxfull"),
                               ("c4@customers.example", "userunknown")])

    def test_sender_side_never_proposes(self):
        # Two weeks of the sending setup's problems, every day, to several
        # customers: more than enough bounces over more than enough days.
        for i, code in enumerate((DMARC, SPF, PTR, BLOCKED)):
            for k in range(3):
                self.p.repeat("sender%d.%d@customers.example" % (i, k), code, 15, 14 * DAY)
        # The same address also bouncing once for a full mailbox: still not
        # enough recipient-side bounces.
        self.p.repeat("mixed@customers.example", DMARC, 10, 10 * DAY)
        self.p.bounce("mixed@customers.example", FULL, 5 * DAY)
        self.p.bounce("gone@customers.example", UNKNOWN, 0)
        self.assertEqual(sorted(self.p.proposals()), ["gone@customers.example"])

    def test_soft_rule_boundaries(self):
        self.p.repeat("enough@customers.example", FULL, 3, 7 * DAY)
        self.p.repeat("more@customers.example", FULL, 5, 20 * DAY)
        self.p.repeat("one-short@customers.example", FULL, 2, 30 * DAY)
        self.p.repeat("too-soon@customers.example", FULL, 3, 7 * DAY - 1)
        self.p.repeat("many-soon@customers.example", FULL, 12, 2 * DAY)
        got = self.p.proposals()
        self.assertEqual(sorted(got), ["enough@customers.example", "more@customers.example"])
        for a in got.values():
            self.assertEqual(a["reason"], "repeated")
            self.assertEqual(a["cause"], "mailboxfull")
        self.assertEqual(got["enough@customers.example"]["bounces"], 3)

    def test_soft_rule_limits_from_configuration(self):
        self.p.config("[policy]\nsoft-count=2\nsoft-days=1\n")
        self.p.repeat("two@customers.example", FULL, 2, DAY)
        self.p.repeat("short@customers.example", FULL, 2, DAY - 1)
        self.p.repeat("one@customers.example", FULL, 1, 0)
        self.assertEqual(sorted(self.p.proposals()), ["two@customers.example"])

    def test_delays_do_not_count(self):
        for i in range(4):
            self.p.bounce("late@customers.example", FULL, i * 4 * DAY)
        # Rewrite them as delay warnings.
        cur = os.path.join(self.p.maildir, "cur")
        for name in os.listdir(cur):
            path = os.path.join(cur, name)
            with open(path) as f:
                text = f.read()
            with open(path, "w") as f:
                f.write(text.replace("Action: failed", "Action: delayed"))
        self.assertEqual(self.p.proposals(), {})

    def test_evidence(self):
        self.p.bounce("gone@customers.example", DMARC, 0)
        self.p.bounce("gone@customers.example", UNKNOWN, DAY)
        self.p.bounce("gone@customers.example", DMARC, 2 * DAY)
        got = self.p.proposals()["gone@customers.example"]
        self.assertEqual((got["reason"], got["cause"], got["bounces"], got["ignored"]), ("hard", "userunknown", 1, 2))
        self.assertEqual(got["status"], "5.1.1")
        self.assertIn("User unknown", got["diagnostic"])
        self.assertEqual(got["report"], "policy.2@mx.example.org")

    def test_forged_reports_shown_unverified_never_proposed(self):
        """Anyone can send a report-shaped message naming a customer."""
        self.p.bounce("victim@customers.example", UNKNOWN, 0, forged=True)
        self.p.repeat("victim2@customers.example", FULL, 5, 10 * DAY)
        for i in range(5):
            self.p.bounce("victim2@customers.example", FULL, i * 3 * DAY, forged=True)
        self.p.bounce("gone@customers.example", UNKNOWN, 0)
        self.assertEqual(sorted(self.p.proposals()), ["gone@customers.example", "victim2@customers.example"])
        # victim2's genuine reports alone propose it; its forged ones are
        # not counted.
        self.assertEqual(self.p.proposals()["victim2@customers.example"]["ignored"], 5)
        dump = self.p.helper("dump", self.p.maildir)
        rows = [l.split("\t") for l in dump.splitlines() if l.startswith("history\tvictim@")]
        self.assertEqual([r[-1] for r in rows], ["0"])  # shown, unverified
        rows = [l.split("\t") for l in dump.splitlines() if l.startswith("history\tgone@")]
        self.assertEqual([r[-1] for r in rows], ["1"])
        out = self.p.helper("preview", self.p.maildir, "victim@customers.example")
        self.assertIn("unverified=1\n", out)
        self.assertIn("warning=None of these addresses", out)

    def test_mark_preview(self):
        for k in range(4):
            self.p.repeat("fine%d@customers.example" % k, DMARC, 5, 8 * DAY)
        self.p.bounce("gone@customers.example", UNKNOWN, 0)
        self.p.bounce("full@customers.example", FULL, 0)
        self.p.run("index", "--maildir", self.p.maildir)
        fine = ["fine%d@customers.example" % k for k in range(4)]
        out = self.p.helper("preview", self.p.maildir, *fine, "FINE0@customers.example")
        self.assertIn("addresses=4\n", out)
        self.assertIn("sender_side=4\n", out)
        self.assertIn("proposed=0\n", out)
        self.assertIn("cause=authfailure:4:other\n", out)
        self.assertIn("warning=These are your sending setup's bounces: the addresses are probably fine.\n", out)
        out = self.p.helper("preview", self.p.maildir, "gone@customers.example", "full@customers.example",
                            "new@customers.example")
        self.assertIn("proposed=1\npending=1\nsender_side=0\nunverified=0\nunknown=1\n", out)
        self.assertIn("cause=mailboxfull:1:recipient\n", out)
        self.assertIn("warning=\n", out)
        out = self.p.helper("preview", self.p.maildir, "gone@customers.example", *fine[:2])
        self.assertIn("warning=2 of these addresses", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
