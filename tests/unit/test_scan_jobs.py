#!/usr/bin/env python3
"""`bounceview scan --jobs N`: the same output whatever N.

Several workers parse at once, yet a script must see exactly what one thread
prints: the same records in the same order (byte for byte, every format), the
same error lines in the same order on standard error, and the same exit
status.  Inputs: the fixture mail, a synthetic Maildir from
bench/make-maildir.py, an mbox file, an mbox on standard input, and a Maildir
with unreadable entries among readable ones.  Memory must not grow with the
input: the workers take from a bounded queue.
"""
import json, os, shutil, signal, subprocess, sys, tempfile, time, unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bvtest

SRC = os.environ.get("BOUNCEVIEW_SOURCE_DIR",
                     os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
JOBS = (1, 2, 4)


def scan(args, stdin=None, jobs=1):
    p = subprocess.run([bvtest.BV, "scan", "--jobs", str(jobs)] + args, input=stdin,
                       capture_output=True)
    return p.returncode, p.stdout, p.stderr


def max_rss_kib(args, stdin_path):
    """Peak resident memory of one `bounceview scan` run, from wait4()."""
    with open(stdin_path, "rb") as f, open(os.devnull, "wb") as null:
        pid = os.posix_spawn(bvtest.BV, [bvtest.BV, "scan"] + args, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, f.fileno(), 0),
                                           (os.POSIX_SPAWN_DUP2, null.fileno(), 1)])
        _, status, usage = os.wait4(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return usage.ru_maxrss


class ScanJobs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.maildir = os.path.join(cls.tmp.name, "maildir")
        subprocess.run([sys.executable, os.path.join(SRC, "bench", "make-maildir.py"), cls.maildir,
                        "600", "--bounce-share", "0.3"], check=True, capture_output=True)
        # An mbox of the Maildir's messages, as a mail archive holds them.
        cls.mbox = os.path.join(cls.tmp.name, "all.mbox")
        with open(cls.mbox, "wb") as out:
            for sub in ("new", "cur"):
                d = os.path.join(cls.maildir, sub)
                for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
                    with open(os.path.join(d, name), "rb") as f:
                        body = f.read()
                    out.write(b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n")
                    out.write(body.replace(b"\nFrom ", b"\n>From "))
                    if not body.endswith(b"\n"):
                        out.write(b"\n")
                    out.write(b"\n")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def assertSameForAllJobs(self, args, stdin=None, status=0):
        first = scan(args, stdin, jobs=1)
        self.assertEqual(first[0], status, first[2].decode())
        self.assertTrue(first[1], "no output at all")
        for jobs in JOBS[1:]:
            other = scan(args, stdin, jobs=jobs)
            self.assertEqual(other[0], first[0], "exit status with --jobs %d" % jobs)
            self.assertEqual(other[2].decode(), first[2].decode(), "stderr with --jobs %d" % jobs)
            # Compared as bytes, and first as lists of lines so that a
            # failure shows where the order differs.
            self.assertEqual(other[1].splitlines()[:5000], first[1].splitlines()[:5000],
                             "output with --jobs %d" % jobs)
            self.assertEqual(other[1], first[1], "output with --jobs %d" % jobs)
        return first

    def test_fixtures_every_format(self):
        corpora = os.path.join(SRC, "tests", "corpora")
        for fmt in ("jsonl", "json", "csv", "table"):
            with self.subTest(format=fmt):
                self.assertSameForAllJobs(["--format", fmt, corpora])

    def test_synthetic_maildir(self):
        status, out, _ = self.assertSameForAllJobs(["--format", "jsonl", self.maildir])
        kinds = [l for l in out.splitlines() if b'"kind": "none"' not in l]
        self.assertGreater(len(kinds), 100, "the bounces of the Maildir were found")

    def test_mbox_file_and_stdin(self):
        self.assertSameForAllJobs(["--format", "jsonl", self.mbox])
        with open(self.mbox, "rb") as f:
            data = f.read()
        _, out, _ = self.assertSameForAllJobs(["--format", "jsonl", "-"], stdin=data)
        self.assertIn(b'"file": "-:0"', out)

    def test_several_paths_and_problems_in_order(self):
        # Unreadable entries among readable ones, in a Maildir and a plain
        # directory: a directory where a message should be, a FIFO, a
        # dangling symlink, and a path that does not exist.
        root = os.path.join(self.tmp.name, "problems")
        shutil.rmtree(root, ignore_errors=True)
        md = os.path.join(root, "md")
        shutil.copytree(self.maildir, md)
        cur = os.path.join(md, "cur")
        names = sorted(os.listdir(cur))
        os.mkdir(os.path.join(cur, names[10] + "-dir"))
        os.mkfifo(os.path.join(cur, names[200] + "-fifo"))
        os.symlink("/nonexistent/message", os.path.join(cur, names[400] + "-gone"))
        plain = os.path.join(root, "plain")
        os.makedirs(plain)
        shutil.copy(self.mbox, os.path.join(plain, "b.mbox"))
        os.symlink("/nonexistent/x", os.path.join(plain, "a-gone"))
        status, _, err = self.assertSameForAllJobs(
            ["--format", "jsonl", md, os.path.join(root, "missing"), plain, md], status=1)
        lines = err.decode().splitlines()
        self.assertEqual(len(lines), 2 * 3 + 2, lines)
        self.assertIn("is a directory", lines[0])
        self.assertIn("not a regular file", lines[1])
        self.assertIn("No such file", lines[2])

    def test_maildir_file_that_is_an_mbox(self):
        # The workers open a Maildir's files themselves; a file that turns
        # out to be an mbox (a "From " line left on top by a conversion, or
        # several messages) gives each of its messages, in order, between
        # the files around it, as with one thread.
        md = os.path.join(self.tmp.name, "mbox-in-maildir")
        shutil.rmtree(md, ignore_errors=True)
        shutil.copytree(self.maildir, md)
        cur = os.path.join(md, "cur")
        names = sorted(os.listdir(cur))
        with open(self.mbox, "rb") as f:
            head = f.read(200000)
        # Cut at a message boundary: three or more whole messages.
        cut = head.rfind(b"\nFrom MAILER-DAEMON ")
        several = os.path.join(cur, names[50] + "-several")
        with open(several, "wb") as f:
            f.write(head[:cut + 1])
        single = os.path.join(cur, names[300] + "-one")
        with open(os.path.join(cur, names[300]), "rb") as f:
            one = f.read()
        with open(single, "wb") as f:
            f.write(b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n" + one)
        _, out, _ = self.assertSameForAllJobs(["--format", "jsonl", md])
        files = [json.loads(l)["file"] for l in out.splitlines()]
        parts = [f for f in files if f.startswith(several + ":")]
        self.assertGreaterEqual(len(parts), 3, "every message of the mbox file")
        self.assertEqual(parts[0], several + ":0")
        first = files.index(parts[0])
        self.assertEqual(files[first:first + len(parts)], parts, "its messages together, in order")
        self.assertEqual(files[first - 1], os.path.join(cur, names[50]))
        # One message: named by its file alone, as with one thread.
        self.assertIn(single, files)

    def test_maildir_files_larger_than_the_first_read(self):
        # A file is read in one system call when it is small; a large one
        # must still be read whole: a report whose delivery-status part
        # comes after 400 KiB of text, and an mbox of more than 256 KiB
        # left in a Maildir, whose every message must come out.
        md = os.path.join(self.tmp.name, "large-files")
        shutil.rmtree(md, ignore_errors=True)
        os.makedirs(os.path.join(md, "cur"))
        os.makedirs(os.path.join(md, "new"))
        filler = ("The message could not be delivered.  " * 20 + "\n") * 560
        report = ("From: MAILER-DAEMON@mx.example.org\nTo: sender@example.com\n"
                  "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
                  "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
                  "--b\nContent-Type: text/plain\n\n" + filler +
                  "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
                  "Final-Recipient: rfc822; late.reader@example.net\nAction: failed\nStatus: 5.1.1\n"
                  "Diagnostic-Code: smtp; 550 5.1.1 <late.reader@example.net>: Recipient address "
                  "rejected: User unknown in local recipient table\n\n--b--\n")
        self.assertGreater(len(report), 400 * 1024)
        with open(os.path.join(md, "cur", "1.big:2,S"), "w") as f:
            f.write(report)
        with open(self.mbox, "rb") as f:
            head = f.read(700000)
        cut = head.rfind(b"\nFrom MAILER-DAEMON ")
        self.assertGreater(cut, 300 * 1024)
        with open(os.path.join(md, "cur", "2.mbox:2,S"), "wb") as f:
            f.write(head[:cut + 1])
        want = head[:cut + 1].count(b"From MAILER-DAEMON ")
        _, out, _ = self.assertSameForAllJobs(["--format", "jsonl", md])
        records = [json.loads(l) for l in out.splitlines()]
        big = [r for r in records if r["file"].endswith("1.big:2,S")]
        self.assertEqual([r.get("recipient") for r in big], ["late.reader@example.net"])
        self.assertEqual(big[0]["cause"], "userunknown")
        files = {r["file"] for r in records if "2.mbox:2,S" in r["file"]}
        self.assertEqual(len(files), want, "every message of the large mbox file")

    @unittest.skipIf(os.environ.get("BOUNCEVIEW_SANITIZED"),
                     "AddressSanitizer keeps freed memory in quarantine: RSS is not the program's")
    def test_memory_does_not_grow_with_input(self):
        # Twenty times the messages on standard input must not take twenty times
        # the memory: the queue between the walk and the workers is bounded.
        big = os.path.join(self.tmp.name, "big.mbox")
        with open(self.mbox, "rb") as f:
            data = f.read()
        with open(big, "wb") as f:
            for _ in range(20):
                f.write(data)
        self.assertGreater(os.path.getsize(big), 50 * 1024 * 1024)
        small_rss = max_rss_kib(["--jobs", "2", "--format", "jsonl", "-"], self.mbox)
        big_rss = max_rss_kib(["--jobs", "2", "--format", "jsonl", "-"], big)
        self.assertLess(big_rss, small_rss + 8 * 1024, (small_rss, big_rss))

    def test_empty_maildir_every_format(self):
        # No file at all: the CSV header and the empty JSON array still come
        # out once, whoever prints them.
        md = os.path.join(self.tmp.name, "empty")
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(md, sub), exist_ok=True)
        _, out, _ = self.assertSameForAllJobs(["--format", "json", md])
        self.assertEqual(out, b"[]\n")
        _, out, _ = self.assertSameForAllJobs(["--format", "csv", md])
        self.assertEqual(out.count(b"\n"), 1, out)
        self.assertTrue(out.startswith(b"file,"), out)

    def test_a_lost_worker_is_said_and_nothing_hangs(self):
        # A Maildir is read by worker processes.  If one dies (here: killed
        # while it waits for its output to be read), the scan must say so in
        # one line naming where it stopped, exit 1, and not wait forever.
        md = os.path.join(self.tmp.name, "lost-worker")
        subprocess.run([sys.executable, os.path.join(SRC, "bench", "make-maildir.py"), md,
                        "5000", "--bounce-share", "0.5"], check=True, capture_output=True)
        # --explain makes the output several MiB: more than the pipes hold,
        # so the workers are still there, blocked, when one is killed.
        p = subprocess.Popen([bvtest.BV, "scan", "--jobs", "2", "--explain", "--format", "jsonl", md],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        children = []
        for _ in range(200):
            children = [int(pid) for pid in os.listdir("/proc") if pid.isdigit()
                        and self._ppid(int(pid)) == p.pid]
            if len(children) == 2:
                break
            time.sleep(0.05)
        self.assertEqual(len(children), 2, "two worker processes")
        time.sleep(0.5)
        os.kill(min(children), signal.SIGKILL)
        out, err = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 1, err.decode())
        lines = err.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertIn("a worker process stopped", lines[0])
        self.assertIn("signal 9", lines[0])
        self.assertIn(md, lines[0])
        # What came out before is what one process prints first: whole
        # records, in order.
        self.assertGreater(len(out), 0)
        whole = scan(["--explain", "--format", "jsonl", md])[1]
        self.assertLess(len(out), len(whole))
        self.assertTrue(whole.startswith(out), "the records before the loss, in order")

    @staticmethod
    def _ppid(pid):
        try:
            with open("/proc/%d/stat" % pid) as f:
                return int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            return None

    def test_bad_jobs_is_an_error(self):
        for bad in ("-1", "1000", "many"):
            p = bvtest.run_bv(["scan", "--jobs", bad, self.maildir])
            self.assertEqual(p.returncode, 2, bad)
            self.assertTrue(p.stderr.startswith("bounceview: scan: "), p.stderr)
            self.assertEqual(p.stdout, "")


if __name__ == "__main__":
    unittest.main()
