#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`bounceview export`: every format on the demo Maildir, the selection
options, and the guarantees a sending system relies on.

Each test class indexes a temporary copy of a Maildir with HOME, the XDG
directories and NOTMUCH_CONFIG pointing into a temporary directory, so the
user's own notmuch setup and suppression store are never touched.  Golden
files live in tests/export/golden/; set BOUNCEVIEW_UPDATE_GOLDEN=1 to rewrite
them after a deliberate change (and read the diff).
"""
import csv, difflib, io, json, os, resource, shutil, signal, stat, subprocess, sys, tempfile, unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bvtest

SRC = os.environ.get("BOUNCEVIEW_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
UPDATE = os.environ.get("BOUNCEVIEW_UPDATE_GOLDEN") == "1"

COLUMNS = ["address", "domain", "cause", "title", "side", "hard", "status", "reply_code", "bounces",
           "first_seen", "last_seen", "last_diagnostic", "action", "suggestion", "marked"]

# Addresses of the demo Maildir marked before the list formats are written:
# hard bounces, a typo domain and a complaint (which esp-csv calls COMPLAINT).
MARKED = ["mark.jensen@example.net", "anna.weiss@gamil.com", "h.schmidt@example.net",
          "info@closed-shop.example.org"]
# Marked by hand, with no bounce in the Maildir: only the lists hold it.
HAND_MARKED = "unsubscribed@example.com"

# (format, golden file name, extra options)
GOLDENS = [
    ("csv", "demo.csv", []),
    ("json", "demo.json", []),
    ("jsonl", "demo.jsonl", []),
    ("report", "demo-report.md", []),
    ("suppression", "demo-suppression.txt", []),
    ("esp-csv", "demo-esp.csv", []),
    ("postfix", "demo-postfix", []),
    ("csv", "demo-hard-since.csv", ["--hard", "--since", "2024-10-01"]),
]


def md_escape(text):
    """What the report does to text from mail: markup characters escaped."""
    return "".join("\\" + c if c in "\\`*_[]<>|~&#!" else c for c in text)


class Sandbox:
    """A temporary home with its own copy of a Maildir, indexed."""

    def __init__(self, maildir_source=None, messages=None):
        self.dir = tempfile.mkdtemp(prefix="bv-export-")
        self.env = bvtest.sandbox_env(self.dir, home=os.path.join(self.dir, "home"), BOUNCEVIEW_LOCK_TIMEOUT="5",
                                      LANGUAGE=None, LC_ALL="C.UTF-8")
        for var in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.makedirs(self.env[var])
        self.maildir = os.path.join(self.dir, "maildir")
        if maildir_source:
            bvtest.copy_maildir(maildir_source, self.maildir)
        else:
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(self.maildir, sub))
            for i, text in enumerate(messages or []):
                with open(os.path.join(self.maildir, "cur", "%d.M%dP1.test:2,S" % (1700000000 + i, i)),
                          "w", encoding="utf-8") as f:
                    f.write(text)
        self.store = os.path.join(self.dir, "suppressions.tsv")
        r = self.run("index", "--maildir", self.maildir)
        if r.returncode != 0:
            raise RuntimeError("bounceview index failed: " + r.stderr)

    def run(self, *args, preexec_fn=None):
        return bvtest.run_bv(args, env=self.env, preexec_fn=preexec_fn)

    def export(self, *args, check=True, preexec_fn=None):
        r = self.run("export", "--maildir", self.maildir, "--store", self.store, *args,
                     preexec_fn=preexec_fn)
        if check and r.returncode != 0:
            raise AssertionError("export %s failed (%d): %s" % (args, r.returncode, r.stderr))
        return r

    def rows(self, *args):
        return json.loads(self.export("--format", "json", *args).stdout)

    def mark(self, *addresses):
        r = self.run("suppress", "add", "--maildir", self.maildir, "--store", self.store, "--", *addresses)
        if r.returncode != 0:
            raise RuntimeError("suppress add failed: " + r.stderr)

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class DemoTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = Sandbox(os.path.join(SRC, "demo", "maildir"))
        cls.box.mark(*MARKED, HAND_MARKED)
        cls.all = cls.box.rows()

    @classmethod
    def tearDownClass(cls):
        cls.box.close()

    def test_goldens(self):
        if UPDATE:
            os.makedirs(GOLDEN, exist_ok=True)
        for fmt, name, extra in GOLDENS:
            with self.subTest(format=fmt, golden=name):
                out = self.box.export("--format", fmt, *extra).stdout
                path = os.path.join(GOLDEN, name)
                if UPDATE:
                    with open(path, "w", encoding="utf-8", newline="") as f:
                        f.write(out)
                with open(path, encoding="utf-8", newline="") as f:
                    want = f.read()
                if out != want:
                    # The goldens carry the engine's causes and the catalog's
                    # words: a change there shows here first.
                    diff = "".join(difflib.unified_diff(want.splitlines(True), out.splitlines(True),
                                                        path, "bounceview export", n=1))
                    self.fail("output differs from %s (if the change is intended, rerun with "
                              "BOUNCEVIEW_UPDATE_GOLDEN=1 and read the diff):\n%s" % (path, diff[:6000]))

    def test_deterministic(self):
        for fmt in ("csv", "report", "postfix"):
            a = self.box.export("--format", fmt).stdout
            b = self.box.export("--format", fmt, "--no-index").stdout
            self.assertEqual(a, b, fmt)

    def test_csv_reads_back(self):
        text = self.box.export("--format", "csv").stdout
        self.assertIn("\r\n", text, "RFC 4180 lines end in CRLF")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        self.assertEqual(list(rows[0].keys()), COLUMNS)
        self.assertEqual(len(rows), len(self.all))
        self.assertGreater(len(rows), 10)
        for got, want in zip(rows, self.all):
            for col in COLUMNS:
                expected = want[col]
                if isinstance(expected, bool):
                    expected = "true" if expected else "false"
                self.assertEqual(got[col], str(expected), col)

    def test_json_and_jsonl_agree(self):
        lines = self.box.export("--format", "jsonl").stdout.splitlines()
        self.assertEqual([json.loads(line) for line in lines], self.all)
        self.assertEqual(list(self.all[0].keys()), COLUMNS)

    def test_newest_first_one_row_per_address(self):
        last = [r["last_seen"] for r in self.all]
        self.assertEqual(last, sorted(last, reverse=True))
        addresses = [r["address"] for r in self.all]
        self.assertEqual(len(addresses), len(set(addresses)))

    def test_marks_show(self):
        marked = sorted(r["address"] for r in self.all if r["marked"])
        self.assertEqual(marked, sorted(MARKED))
        self.assertNotIn(HAND_MARKED, [r["address"] for r in self.all])

    def test_suppression_is_marked_addresses(self):
        out = self.box.export("--format", "suppression").stdout
        self.assertEqual(sorted(out.splitlines()), sorted(MARKED + [HAND_MARKED]))
        # With a condition on the bounces, only addresses that bounced.
        hard = self.box.export("--format", "suppression", "--hard").stdout.splitlines()
        self.assertEqual(sorted(hard), sorted(r["address"] for r in self.all if r["marked"] and r["hard"]))
        unmarked = self.box.export("--format", "suppression", "--unmarked").stdout.splitlines()
        self.assertEqual(sorted(unmarked), sorted(r["address"] for r in self.all if not r["marked"]))

    def test_esp_csv(self):
        rows = list(csv.reader(io.StringIO(self.box.export("--format", "esp-csv").stdout, newline="")))
        self.assertEqual(rows[0], ["email", "reason"])
        reasons = dict(rows[1:])
        self.assertEqual(sorted(reasons), sorted(MARKED + [HAND_MARKED]))
        self.assertEqual(reasons["h.schmidt@example.net"], "COMPLAINT")
        self.assertEqual(reasons["mark.jensen@example.net"], "BOUNCE")

    def test_postfix_map_syntax(self):
        out = self.box.export("--format", "postfix").stdout
        entries = [l for l in out.splitlines() if l and not l.startswith("#")]
        self.assertEqual(len(entries), len(MARKED) + 1)
        for line in entries:
            key, action, text = line.split(" ", 2)
            self.assertIn(key, MARKED + [HAND_MARKED])
            self.assertEqual(action, "REJECT")
            self.assertRegex(text, r"^5\.\d\.\d suppressed by bounceview(: [a-z]+, last bounce 20\d\d-\d\d-\d\d)?$")

    def test_postfix_map_accepted_by_postmap(self):
        postmap = shutil.which("postmap") or ("/usr/sbin/postmap" if os.path.exists("/usr/sbin/postmap") else None)
        if postmap is None:
            self.skipTest("postmap not installed (Debian package postfix)")
        path = os.path.join(self.box.dir, "suppressed")
        self.box.export("--format", "postfix", "-o", path)
        r = subprocess.run([postmap, "hash:" + path], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "", "postmap warned about the map")
        q = subprocess.run([postmap, "-q", "Mark.Jensen@example.net", "hash:" + path], capture_output=True,
                           text=True)
        self.assertEqual(q.returncode, 0, q.stderr)
        self.assertTrue(q.stdout.startswith("REJECT 5.1.1 "), q.stdout)

    def test_report(self):
        out = self.box.export("--format", "report").stdout
        self.assertTrue(out.startswith("# Bounce fix list\n"))
        # Sending-setup problems come before the recipients' side.
        setup = out.index("## Your sending setup")
        recipients = out.index("## The recipients' side")
        self.assertLess(setup, recipients)
        self.assertLess(out.index("(`authfailure`)\n"), recipients)
        self.assertGreater(out.index("(`userunknown`)\n"), recipients)
        # The summary table counts every address once.
        table = [l for l in out.splitlines() if l.startswith("| ") and "(`" in l]
        self.assertEqual(sum(int(l.split("|")[3]) for l in table), len(self.all))
        # Each cause's explanation and fix appear once, whatever its count.
        self.assertEqual(out.count("### Recipient address does not exist (`userunknown`)"), 1)
        self.assertEqual(out.count("\n**Fix**\n"), len(table))
        # Every address is listed.
        for r in self.all:
            self.assertIn("- " + md_escape(r["address"]) + ":", out)
        self.assertIn("did you mean anna.weiss@gmail.com", out)

    def test_filter_cause(self):
        rows = self.box.rows("--cause", "userunknown,hostunknown")
        self.assertTrue(rows)
        self.assertTrue(all(r["cause"] in ("userunknown", "hostunknown") for r in rows))
        expected = {r["address"] for r in self.all if r["cause"] in ("userunknown", "hostunknown")}
        self.assertLessEqual(expected, {r["address"] for r in rows})
        rows2 = self.box.rows("--cause", "userunknown", "--cause", "hostunknown")
        self.assertEqual(rows, rows2)

    def test_filter_hard_soft(self):
        hard = self.box.rows("--hard")
        soft = self.box.rows("--soft")
        self.assertTrue(hard and soft)
        self.assertTrue(all(r["hard"] for r in hard))
        self.assertTrue(all(not r["hard"] for r in soft))
        self.assertEqual({r["address"] for r in hard} | {r["address"] for r in soft},
                         {r["address"] for r in self.all})

    def test_filter_marked(self):
        self.assertEqual(sorted(r["address"] for r in self.box.rows("--marked")), sorted(MARKED))
        unmarked = self.box.rows("--unmarked")
        self.assertEqual(len(unmarked), len(self.all) - len(MARKED))
        self.assertFalse(any(r["marked"] for r in unmarked))

    def test_filter_dates(self):
        rows = self.box.rows("--since", "2024-10-01", "--until", "2024-10-31")
        self.assertTrue(rows)
        for r in rows:
            self.assertGreaterEqual(r["first_seen"], "2024-10-01")
            self.assertLess(r["last_seen"], "2024-11-01")
        # A day given to --until counts whole.
        day = self.box.rows("--since", "2024-10-01", "--until", "2024-10-01")
        self.assertTrue(day)
        self.assertTrue(all(r["last_seen"].startswith("2024-10-01T") for r in day))

    def test_filter_domain(self):
        rows = self.box.rows("--domain", "Example.NET")
        self.assertEqual(sorted(r["address"] for r in rows),
                         sorted(r["address"] for r in self.all if r["domain"] == "example.net"))
        self.assertTrue(rows)

    def test_filter_min_bounces(self):
        rows = self.box.rows("--min-bounces", "2")
        self.assertEqual(rows, [r for r in self.all if r["bounces"] >= 2])
        self.assertTrue(rows)

    def test_filter_search(self):
        rows = self.box.rows("--search", "SPAMHAUS")
        self.assertTrue(rows)
        self.assertTrue(all("spamhaus" in r["last_diagnostic"].lower() for r in rows))
        self.assertEqual(sorted(r["address"] for r in rows),
                         sorted(r["address"] for r in self.all if "spamhaus" in r["last_diagnostic"].lower()))

    def test_empty_selection(self):
        none = ["--cause", "virusdetected"]
        self.assertEqual(self.box.export("--format", "json", *none).stdout, "[]\n")
        self.assertEqual(self.box.export("--format", "jsonl", *none).stdout, "")
        self.assertEqual(self.box.export("--format", "csv", *none).stdout, ",".join(COLUMNS) + "\r\n")
        self.assertEqual(self.box.export("--format", "esp-csv", *none).stdout, "email,reason\r\n")
        self.assertEqual(self.box.export("--format", "suppression", *none).stdout, "")
        report = self.box.export("--format", "report", *none).stdout
        self.assertIn("No address in the selection bounced.", report)
        self.assertNotIn("| Cause |", report)

    def test_usage_errors(self):
        for args in (["--format", "xml"], ["--cause", "nosuchcause"], ["--hard", "--soft"],
                     ["--marked", "--unmarked"], ["--since", "yesterday"], ["--min-bounces", "-1"],
                     ["stray"]):
            with self.subTest(args=args):
                r = self.box.export(*args, check=False)
                self.assertEqual(r.returncode, 2)
                self.assertTrue(r.stderr.startswith("bounceview: export: "), r.stderr)
                self.assertEqual(r.stdout, "")


class FileTest(unittest.TestCase):
    """-o: atomic replacement, permissions, and clean failures."""

    @classmethod
    def setUpClass(cls):
        cls.box = Sandbox(os.path.join(SRC, "demo", "maildir"))

    @classmethod
    def tearDownClass(cls):
        cls.box.close()

    def setUp(self):
        self.out = tempfile.mkdtemp(dir=self.box.dir)

    def listing(self):
        return sorted(os.listdir(self.out))

    def test_writes_file_and_keeps_mode(self):
        path = os.path.join(self.out, "fix.csv")
        with open(path, "w") as f:
            f.write("old\n")
        os.chmod(path, 0o640)
        r = self.box.export("-o", path)
        self.assertEqual(r.stdout, "")
        with open(path, newline="") as f:
            self.assertEqual(f.read(), self.box.export().stdout)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o640)
        self.assertEqual(self.listing(), ["fix.csv"])

    def test_dash_is_stdout(self):
        self.assertEqual(self.box.export("-o", "-").stdout, self.box.export().stdout)

    def test_missing_directory(self):
        path = os.path.join(self.out, "no", "such", "dir", "fix.csv")
        r = self.box.export("-o", path, check=False)
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("bounceview: export: %s: " % path), r.stderr)
        self.assertEqual(self.listing(), [])

    def test_target_is_directory(self):
        path = os.path.join(self.out, "taken")
        os.mkdir(path)
        r = self.box.export("-o", path, check=False)
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("bounceview: export: %s: " % path), r.stderr)
        self.assertEqual(self.listing(), ["taken"])

    def test_dev_stdout_written_through(self):
        """-o /dev/stdout writes to our standard output (a pipe here); a
        link to it too.  Before, bounceview tried to rename a file over
        /dev/stdout (as root it succeeded)."""
        want = self.box.export().stdout
        self.assertEqual(self.box.export("-o", "/dev/stdout").stdout, want)
        link = os.path.join(self.out, "out")
        os.symlink("/dev/stdout", link)
        self.assertEqual(self.box.export("-o", link).stdout, want)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(self.listing(), ["out"])

    def test_dev_null_stays_a_device(self):
        r = self.box.export("-o", "/dev/null")
        self.assertEqual(r.stdout, "")
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/null").st_mode))

    def test_symlink_target_written_link_kept(self):
        real = os.path.join(self.out, "maps")
        os.mkdir(real)
        with open(os.path.join(real, "access"), "w") as f:
            f.write("old\n")
        os.chmod(os.path.join(real, "access"), 0o644)
        link = os.path.join(self.out, "access")
        os.symlink("maps/access", link)
        self.box.export("--format", "postfix", "-o", link)
        self.assertEqual(os.readlink(link), "maps/access")
        with open(os.path.join(real, "access")) as f:
            self.assertEqual(f.read(), self.box.export("--format", "postfix").stdout)
        self.assertEqual(stat.S_IMODE(os.stat(link).st_mode), 0o644)
        self.assertEqual(sorted(os.listdir(real)), ["access"])

    def test_failed_write_leaves_old_file(self):
        path = os.path.join(self.out, "fix.json")
        old = "[]\n" * 1000
        with open(path, "w") as f:
            f.write(old)

        def small_files():
            # Writes past 1 KiB fail with EFBIG instead of killing the
            # process: a disk that fills up half way through the export.
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

        # --no-index: the limit is for the export, not for the database.
        r = self.box.export("--no-index", "--format", "json", "-o", path, check=False,
                            preexec_fn=small_files)
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("bounceview: export: %s: " % path), r.stderr)
        with open(path) as f:
            self.assertEqual(f.read(), old)
        self.assertEqual(self.listing(), ["fix.json"])


# Bounces written for this test whose text a spreadsheet or a line-based list
# would misread: formula-like diagnostics and addresses.
def hostile_dsn(n, rcpt, diag):
    return bvtest.dsn_report([bvtest.dsn_recipient(rcpt, "5.1.1", diag, diagnostic_type="x-unix")],
                             "<hostile-%d@mx.example.org>" % n, date="Mon, 2 Jan 2023 10:00:0%d +0000" % n)


class HostileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = Sandbox(messages=[
            hostile_dsn(n=1, rcpt="-2+3@example.com", diag="=HYPERLINK(\"http://x.example\")"),
            hostile_dsn(n=2, rcpt="plain@example.com", diag="@SUM(1+1) user *unknown* [x](y)"),
        ])
        cls.box.mark("-2+3@example.com", "plain@example.com")

    @classmethod
    def tearDownClass(cls):
        cls.box.close()

    def test_csv_formula_cells_escaped(self):
        rows = list(csv.DictReader(io.StringIO(self.box.export("--format", "csv").stdout, newline="")))
        self.assertEqual(len(rows), 2)
        by_address = {r["address"]: r for r in rows}
        self.assertIn("'-2+3@example.com", by_address)
        for r in rows:
            for col in ("address", "last_diagnostic"):
                self.assertNotIn(r[col][:1], "=+-@", "%s cell %r" % (col, r[col]))
        diag = [r["last_diagnostic"] for r in rows]
        self.assertTrue(any(d.startswith("'=") for d in diag), diag)
        self.assertTrue(any(d.startswith("'@") for d in diag), diag)

    def test_json_keeps_raw_text(self):
        rows = self.box.rows()
        self.assertIn("-2+3@example.com", [r["address"] for r in rows])

    def test_esp_csv_escaped(self):
        out = self.box.export("--format", "esp-csv").stdout
        self.assertIn("\"'-2+3@example.com\",BOUNCE", out)

    def test_report_escapes_markdown(self):
        out = self.box.export("--format", "report").stdout
        self.assertIn("\\*unknown\\* \\[x\\](y)", out)
        self.assertNotIn("*unknown*", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
