#!/usr/bin/env python3
"""The `bounceview scan` command-line contract: inputs, formats, errors.

Runs the built binary ($BOUNCEVIEW) on small messages written here and checks
what a script author relies on: one JSON object per recipient, a kind "none"
record per ordinary message, mbox offsets, line endings, stdin, CSV that a
CSV reader accepts, and one clear error line per unreadable path.
"""
import csv, io, json, os, sys, tempfile, unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bvtest

DSN = bvtest.dsn_report(
    [bvtest.dsn_recipient("alice@example.com", "5.1.1", "550 5.1.1 <alice@example.com>: Recipient address\n"
                          "    rejected: User unknown in local recipient table"),
     bvtest.dsn_recipient("bob@example.net", "5.2.2", "552 5.2.2 Mailbox full")],
    "<report-1@mx.example.org>",
    original_headers="From: sender@example.org\n"
                     "To: alice@example.com, bob@example.net\n"
                     "Subject: Quarterly newsletter\n"
                     "Message-ID: <orig-1@example.org>\n"
                     "Date: Mon, 2 Jan 2023 09:59:00 +0000\n")

PLAIN = """\
From: Carol <carol@example.com>
To: sender@example.org
Subject: lunch tomorrow?
Date: Mon, 2 Jan 2023 11:00:00 +0000

See you at noon.
"""


def run(args, stdin=None):
    p = bvtest.run_bv(["scan"] + args, stdin=stdin)
    return p.returncode, p.stdout, p.stderr


def records(out):
    return [json.loads(l) for l in out.splitlines() if l.strip()]


class ScanCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text, newline="\n"):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(text.replace("\n", newline).encode())
        return path

    def test_dsn_recipients_in_order(self):
        path = self.write("dsn.eml", DSN)
        rc, out, err = run(["--format=jsonl", path])
        self.assertEqual(rc, 0, err)
        recs = records(out)
        self.assertEqual([r["recipient"] for r in recs], ["alice@example.com", "bob@example.net"])
        a = recs[0]
        self.assertEqual(a["kind"], "failed")
        self.assertEqual(a["status"], "5.1.1")
        self.assertEqual(a["reply_code"], "550")
        self.assertEqual(a["cause"], "userunknown")
        self.assertIs(a["hard"], True)
        self.assertEqual(a["diagnostic"], "550 5.1.1 <alice@example.com>: Recipient address "
                         "rejected: User unknown in local recipient table")
        self.assertEqual(a["reporting_mta"], "mx.example.org")
        self.assertEqual(a["message_id"], "<report-1@mx.example.org>")
        self.assertEqual(a["original"]["subject"], "Quarterly newsletter")
        self.assertEqual(a["original"]["message_id"], "<orig-1@example.org>")
        self.assertEqual(recs[1]["cause"], "mailboxfull")
        self.assertIs(recs[1]["hard"], False)
        for key in ("evidence", "remote_mta", "mta", "original_recipient", "action", "date"):
            self.assertIn(key, a)

    def test_line_endings_agree(self):
        want = records(run(["--format=jsonl", self.write("lf.eml", DSN)])[1])
        for name, nl in (("crlf.eml", "\r\n"), ("cr.eml", "\r")):
            got = records(run(["--format=jsonl", self.write(name, DSN, nl)])[1])
            for g, w in zip(got, want):
                g.pop("file"), w.pop("file", None)
            self.assertEqual(got, want, name)

    def test_ordinary_mail_is_none(self):
        rc, out, _ = run(["--format=jsonl", self.write("plain.eml", PLAIN)])
        self.assertEqual(rc, 0)
        self.assertEqual(records(out), [{"file": os.path.join(self.dir, "plain.eml"), "kind": "none"}])

    def test_maildir_and_stdin(self):
        self.write("md/cur/1.a:2,S", DSN)
        self.write("md/new/2.b", PLAIN)
        self.write("md/tmp/3.c", DSN)  # still being delivered: never read
        rc, out, _ = run(["--format=jsonl", os.path.join(self.dir, "md")])
        recs = records(out)
        self.assertEqual(rc, 0)
        self.assertEqual(len(recs), 3)
        self.assertTrue(recs[0]["file"].endswith("new/2.b"))
        rc, out, _ = run(["--format=jsonl", "-"], stdin=DSN.encode())
        self.assertEqual([r["file"] for r in records(out)], ["-", "-"])

    def test_mbox_offsets(self):
        mbox = "From MAILER-DAEMON Mon Jan  2 10:00:00 2023\n" + DSN + "\n" + \
               "From carol@example.com Mon Jan  2 11:00:00 2023\n" + PLAIN + "\n"
        path = self.write("box.mbox", mbox)
        rc, out, _ = run(["--format=jsonl", path])
        recs = records(out)
        self.assertEqual(len(recs), 3)
        self.assertEqual(recs[0]["file"], path + ":0")
        second = mbox.index("From carol")
        self.assertEqual(recs[2]["file"], "%s:%d" % (path, second))
        self.assertEqual(recs[2]["kind"], "none")

    def test_unreadable_path_reported_and_rest_scanned(self):
        good = self.write("dsn.eml", DSN)
        missing = os.path.join(self.dir, "missing.eml")
        rc, out, err = run(["--format=jsonl", missing, good])
        self.assertEqual(rc, 1)
        self.assertEqual(err.strip().splitlines(), ["bounceview: %s: No such file or directory" % missing])
        self.assertEqual(len(records(out)), 2)

    def test_csv_parses_back(self):
        path = self.write("dsn.eml", DSN)
        rc, out, _ = run(["--format=csv", path])
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[0]["recipient"], "alice@example.com")
        self.assertEqual(rows[0]["original.subject"], "Quarterly newsletter")
        self.assertEqual(rows[1]["hard"], "false")

    def test_table_is_readable(self):
        rc, out, _ = run(["--format=table", self.write("dsn.eml", DSN)])
        lines = out.splitlines()
        self.assertTrue(lines[0].startswith("recipient"))
        self.assertIn("alice@example.com", lines[1])
        self.assertIn("userunknown", lines[1])

    def test_control_characters_made_safe(self):
        evil = DSN.replace("Mailbox full", "Mailbox \x1b]0;pwned\x07 full \x1b[2J")
        rc, out, _ = run(["--format=table", self.write("evil.eml", evil)])
        self.assertNotIn("\x1b", out)
        self.assertNotIn("\x07", out)
        rc, out, _ = run(["--format=jsonl", self.write("evil.eml", evil)])
        self.assertNotIn("\x1b", out)
        self.assertEqual(records(out)[1]["diagnostic"], "552 5.2.2 Mailbox \x1b]0;pwned\x07 full \x1b[2J")

    def test_binary_and_empty_input_do_not_crash(self):
        path = os.path.join(self.dir, "junk")
        with open(path, "wb") as f:
            f.write(bytes(range(256)) * 64)
        empty = self.write("empty", "")
        rc, out, err = run(["--format=jsonl", path, empty])
        self.assertEqual(rc, 0, err)
        self.assertEqual([r["kind"] for r in records(out)], ["none", "none"])

    def test_bad_format_is_an_error(self):
        rc, out, err = run(["--format=xml", self.write("dsn.eml", DSN)])
        self.assertEqual(rc, 2)
        self.assertIn("unknown format", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
