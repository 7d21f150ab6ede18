#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`bounceview scan` on hostile mail and hostile file systems (tracker issue 7).

The inputs are built at test time by hostile_inputs.py in a temporary
directory.  Every run of the built binary ($BOUNCEVIEW) has a time limit and,
in a build without sanitizers, an address-space limit; and for every run the
test checks what a user relies on: no crash (no signal, no sanitizer or
valgrind report), an exit status of 0 or 1, the run finished in bounded time
and memory, standard output is strict UTF-8 JSON Lines with no raw control
character, and every line on standard error is one "bounceview: PATH: reason"
line with no control character in it.  Then each case checks what must be
in the output: the failed recipient where the report can still be read, a
message naming the file where the user must know that part of it was not.

Options (before unittest's own): --sanitized (the binary is built with ASan:
no address-space limit, looser time and memory bounds).  Environment:
BV_TIME_SCALE multiplies the time limits (scripts/valgrind-test sets it).
"""
import json, os, random, resource, signal, shutil, subprocess, sys, tempfile, threading, time, unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_inputs as H  # noqa: E402

BV = os.environ.get("BOUNCEVIEW", "build/cli/bounceview")
SANITIZED = "--sanitized" in sys.argv
if SANITIZED:
    sys.argv.remove("--sanitized")
TIME_SCALE = float(os.environ.get("BV_TIME_SCALE", "1")) * (3 if SANITIZED else 1)
UNDER_VALGRIND = "BV_VALGRIND_LOG_DIR" in os.environ
# GMime grows its header buffer by one realloc per header line.  glibc's
# realloc moves a big block with mremap, in constant time; ASan's and
# valgrind's always copy, which makes a 64 MiB header quadratic (an 8 MB
# header takes 40 s under ASan).  Those runs skip the giant headers.
SLOW_REALLOC = SANITIZED or UNDER_VALGRIND

# Bounds for one run.  The biggest inputs (a 64 MiB header, a 32 MB tree of
# 262,144 MIME parts) take about 3 s and 1.1 GB on the 2-core CI machine.
TIME_LIMIT = 30.0
RSS_LIMIT_MB = 6144 if SANITIZED or UNDER_VALGRIND else 1536
AS_LIMIT = 4 << 30

KINDS = {"none", "failed", "delayed", "delivered", "relayed", "expanded", "autoreply", "feedback"}
# Control characters that a terminal acts on, as code points.
CONTROL = {c for c in range(0x20) if c != 0x0a} | {0x7f} | set(range(0x80, 0xa0))

NOBODY = 65534


class Run:
    """One finished `bounceview` process."""

    def __init__(self, args, rc, out, err, seconds, maxrss_kb):
        self.args, self.rc, self.out, self.err = args, rc, out, err
        self.seconds, self.maxrss_mb = seconds, maxrss_kb / 1024

    def records(self):
        return [json.loads(line) for line in self.out.decode("utf-8").splitlines()]

    def recipients(self):
        return [r.get("recipient") for r in self.records() if r.get("kind") != "none"]

    def err_lines(self):
        return self.err.decode("utf-8", "replace").splitlines()

    def __str__(self):
        return (f"{' '.join(self.args)}: exit {self.rc} in {self.seconds:.1f} s, "
                f"{self.maxrss_mb:.0f} MB\nstderr: {self.err[:2000]!r}\nstdout: {self.out[:500]!r}")


def limits(as_user):
    def apply():
        if not SANITIZED and not UNDER_VALGRIND:
            resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if as_user is not None:
            os.setgroups([])
            os.setgid(as_user)
            os.setuid(as_user)
    return apply


def runs_as(user, program):
    """Whether USER can start PROGRAM (every directory above it must let
    that user in: a checkout in a 0700 home or in /root does not)."""
    try:
        p = subprocess.run([program, "--version"], preexec_fn=limits(user), capture_output=True, timeout=60)
    except PermissionError:
        return False
    return p.returncode == 0


def binary_for(user, workdir):
    """The bounceview USER can start: $BOUNCEVIEW itself when it can, else a
    copy in WORKDIR (which that user can enter; the binary needs nothing
    else from the build tree to scan).  None when neither works, for
    instance when $BOUNCEVIEW is a wrapper script reading files where USER
    cannot go."""
    if user is None or runs_as(user, BV):
        return BV
    copy = os.path.join(workdir, "bounceview")
    shutil.copy(BV, copy)
    os.chmod(copy, 0o755)
    return copy if runs_as(user, copy) else None


def scan(*paths, fmt="jsonl", as_user=None, stdin=None, time_limit=TIME_LIMIT, program=BV):
    """Runs `bounceview scan` (PROGRAM) with the limits and returns a Run."""
    args = [program, "scan", "--format", fmt, *paths]
    env = dict(os.environ)
    # Let a sanitizer report stand out from "a path could not be read" (1).
    env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":exitcode=86"
    env["UBSAN_OPTIONS"] = env.get("UBSAN_OPTIONS", "") + ":exitcode=86:halt_on_error=1"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        p = subprocess.Popen(args, stdout=out, stderr=err, stdin=stdin if stdin else subprocess.DEVNULL,
                             env=env, preexec_fn=limits(as_user), start_new_session=True)
        deadline = start + time_limit * TIME_SCALE
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(p.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(p.pid, 0)
                p.returncode = -1
                out.seek(0)
                err.seek(0)
                raise AssertionError(f"{' '.join(args)}: still running after {time_limit * TIME_SCALE:.0f} s "
                                     f"(a hang); stderr: {err.read()[:2000]!r}")
            time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Run(args, p.returncode, out.read(), err.read(), seconds, usage.ru_maxrss)


class HostileCase(unittest.TestCase):
    def setUp(self):
        # A directory per test: the inputs are large, and some are made
        # unreadable on purpose.
        self.tmp = tempfile.mkdtemp(prefix="bv-hostile-")
        os.chmod(self.tmp, 0o755)  # The unreadable-file cases run as nobody.

    def tearDown(self):
        for root, dirs, _ in os.walk(self.tmp):
            for d in dirs:
                p = os.path.join(root, d)
                if not os.path.islink(p):
                    os.chmod(p, 0o755)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def sane(self, run, rc=(0, 1), fmt="jsonl"):
        """What must hold for any run, whatever the input."""
        self.assertGreaterEqual(run.rc, 0, f"killed by signal {-run.rc}: {run}")
        self.assertIn(run.rc, rc, f"unexpected exit status: {run}")
        self.assertLess(run.maxrss_mb, RSS_LIMIT_MB, f"memory not bounded: {run}")
        try:
            text = run.out.decode("utf-8")
        except UnicodeDecodeError as e:
            self.fail(f"stdout is not UTF-8 ({e}): {run}")
        bad = sorted({hex(ord(c)) for c in text if ord(c) in CONTROL and not (fmt == "csv" and c == "\r")})
        self.assertEqual(bad, [], f"raw control characters on stdout: {run}")
        if fmt == "jsonl":
            for line in text.splitlines():
                rec = json.loads(line)
                self.assertIn("file", rec)
                self.assertIn(rec.get("kind"), KINDS, line[:300])
        for line in run.err_lines():
            self.assertTrue(line.startswith("bounceview: "), f"stray stderr line {line[:300]!r}: {run}")
            ctl = sorted({hex(ord(c)) for c in line if ord(c) in CONTROL})
            self.assertEqual(ctl, [], f"raw control characters on stderr: {line[:300]!r}")

    def told(self, run, name, *words):
        """Whether a stderr line names @name (a file) and has all @words."""
        return any(name in line and all(w in line for w in words) for line in run.err_lines())

    def found(self, run, rcpt="alice@example.com", status="5.1.1"):
        recs = [r for r in run.records() if r.get("recipient") == rcpt]
        self.assertTrue(recs, f"{rcpt} not found: {run}")
        self.assertEqual(recs[0]["status"], status, str(recs[0]))
        return recs[0]


class Structure(HostileCase):
    def test_mime_nesting_10000_deep(self):
        run = scan(H.mime_nesting(self.tmp))
        self.sane(run)

    def test_mime_nesting_user_is_told(self):
        # The delivery-status part is 10,000 levels down, past the depth the
        # parser reads: the message looks like a report and the user must
        # hear that it could not be read, not see a silent "none".
        path = H.mime_nesting(self.tmp)
        run = scan(path)
        self.assertTrue(run.recipients() or self.told(run, path), str(run))

    def test_rfc822_nesting_10000_deep(self):
        run = scan(H.rfc822_nesting(self.tmp))
        self.sane(run)
        self.found(run)

    def test_multipart_laughs(self):
        path = H.multipart_laughs(self.tmp)
        run = scan(path)
        self.sane(run)
        n = len(run.recipients())
        self.assertGreater(n, 0, str(run))
        # 262,144 delivery-status parts: either all read, or the user hears
        # that the report was cut.
        self.assertTrue(n == 8 ** 6 or self.told(run, path), str(run))

    def test_boundaries(self):
        for gen in (H.boundary_missing, H.boundary_duplicate, H.boundary_unclosed, H.boundary_hostile):
            with self.subTest(gen.__name__):
                run = scan(gen(self.tmp))
                self.sane(run)
                self.found(run)


class Size(HostileCase):
    @unittest.skipIf(SLOW_REALLOC, "GMime's header buffer is quadratic where realloc copies")
    def test_header_100mb(self):
        path = H.header_100mb(self.tmp)
        run = scan(path)
        self.sane(run)
        self.assertEqual(len(run.records()), 1, str(run))
        self.assertTrue(self.told(run, path, "64 MiB"), f"no word about the cut: {run}")

    @unittest.skipIf(SLOW_REALLOC, "GMime's header buffer is quadratic where realloc copies")
    def test_header_60mb_single_line(self):
        run = scan(H.header_60mb_line(self.tmp))
        self.sane(run)
        self.found(run)

    def test_dsn_100000_recipients(self):
        path = H.dsn_100000_recipients(self.tmp)
        run = scan(path)
        self.sane(run)
        rcpts = run.recipients()
        self.assertEqual(rcpts[:2], ["user0@example.com", "user1@example.com"])
        self.assertTrue(len(rcpts) == 100000 or (len(rcpts) >= 1000 and self.told(run, path)),
                        f"{len(rcpts)} recipients and no word about the rest: {run}")

    def test_dsn_many_fields_is_not_quadratic(self):
        # 300,000 fields in one group took minutes with a linear lookup per
        # field; a linear parse takes well under a second.
        run = scan(H.dsn_many_fields(self.tmp), time_limit=10)
        self.sane(run)
        self.found(run)

    def test_qp_soft_breaks(self):
        run = scan(H.qp_soft_breaks(self.tmp))
        self.sane(run)
        self.assertEqual(len(run.records()), 1, str(run))


class Bytes(HostileCase):
    def test_nul_bytes(self):
        run = scan(H.nul_bytes(self.tmp))
        self.sane(run)
        rec = self.found(run)
        self.assertNotIn("\0", json.dumps(rec, ensure_ascii=False).replace("\\u0000", "\0"))
        self.assertIn("unknown", rec["diagnostic"])

    def test_invalid_and_overlong_utf8(self):
        run = scan(H.utf8_invalid(self.tmp))
        self.sane(run)
        rec = run.records()[0]
        self.assertEqual(rec["kind"], "failed")
        self.assertIn("\ufffd", rec["diagnostic"])
        # An overlong "/" must never decode to "/": that is how filters
        # are slipped past.
        self.assertNotIn("b/d", run.out.decode())
        self.assertIn("unknown", rec["diagnostic"])

    def test_rfc2047_bomb(self):
        run = scan(H.rfc2047_bomb(self.tmp))
        self.sane(run)
        rec = self.found(run)
        # The encoded word inside an encoded word is decoded once: what it
        # hides stays text, never an escape sequence.
        self.assertNotIn("\x1b", rec["original"]["subject"])
        self.assertIn("=?utf-8?B?", rec["original"]["subject"])


class Escapes(HostileCase):
    def escapes_run(self, fmt):
        run = scan(H.escapes(self.tmp), fmt=fmt)
        self.sane(run, fmt=fmt)
        return run

    def test_jsonl_escapes_controls(self):
        run = self.escapes_run("jsonl")
        recs = run.records()
        self.assertEqual(len(recs), 2, str(run))
        # The text survives, escaped: a script reading the JSON sees it all.
        self.assertIn("\x1b]52;c;", recs[0]["diagnostic"])
        self.assertIn("\x1b[2J", recs[0]["original"]["subject"])
        self.assertNotIn("\x1b", recs[1]["recipient"])

    def test_table_shows_escapes_visibly(self):
        run = self.escapes_run("table")
        text = run.out.decode()
        self.assertIn("\\e[2J", text)
        self.assertIn("\\e]0;owned-title\\x07", text)

    def test_csv_has_no_raw_controls(self):
        self.escapes_run("csv")

    def test_error_naming_a_hostile_file_name(self):
        run = scan(H.escaped_file_name(self.tmp))
        self.sane(run)

    def test_error_naming_a_hostile_file_name_still_scans(self):
        run = scan(H.escaped_file_name(self.tmp))
        self.assertEqual(run.rc, 1, str(run))
        self.assertEqual(run.recipients(), ["user0@example.com"])


class FileSystem(HostileCase):
    def test_symlink_loops(self):
        root = H.maildir_symlink_loop(self.tmp)
        run = scan(root, time_limit=10)
        self.sane(run)
        self.assertEqual(run.rc, 1, str(run))
        self.assertEqual(sorted(run.recipients()), [f"user{i}@example.com" for i in range(3)])
        self.assertTrue(self.told(run, "ping", "symbolic links"), str(run))
        tree = os.path.join(self.tmp, "loop-tree")
        run = scan(tree, time_limit=10)
        self.sane(run)
        self.assertEqual(run.recipients(), ["deep@example.com"], "a loop walked more than once")

    def test_symlink_loop_named_by_the_user(self):
        loop = os.path.join(self.tmp, "loop-arg")
        os.symlink("loop-arg", loop)
        run = scan(loop, time_limit=10)
        self.sane(run)
        self.assertEqual(run.rc, 1)
        self.assertTrue(self.told(run, loop), str(run))

    def test_fifo_in_maildir(self):
        root = H.maildir_fifo(self.tmp)
        run = scan(root, time_limit=10)
        self.sane(run)
        self.assertEqual(run.rc, 1, str(run))
        self.assertEqual(len(run.recipients()), 3)
        self.assertTrue(self.told(run, "1.fifo"), str(run))

    def test_file_gone_before_it_is_read(self):
        root = H.maildir_vanishing(self.tmp)
        run = scan(root)
        self.sane(run)
        self.assertEqual(run.rc, 1, str(run))
        self.assertEqual(len(run.recipients()), 3)
        self.assertTrue(self.told(run, "0.gone", "No such file"), str(run))

    def test_unreadable_files_and_directories(self):
        a, b = H.maildir_unreadable(self.tmp)
        # Root reads mode 000 files: run as nobody then.
        user = NOBODY if os.geteuid() == 0 else None
        program = binary_for(user, self.tmp)
        if program is None:
            self.skipTest(f"user {NOBODY} cannot start {BV}, nor a copy of it in {self.tmp}")
        run = scan(a, as_user=user, program=program)
        self.sane(run)
        self.assertEqual(run.rc, 1, str(run))
        self.assertEqual(sorted(run.recipients()), ["user0@example.com", "user2@example.com"])
        self.assertTrue(self.told(run, "1.msg", "Permission denied"), str(run))
        run = scan(b, as_user=user, program=program)
        self.sane(run)
        self.assertEqual(run.rc, 1, str(run))
        self.assertEqual(run.recipients(), ["new@example.com"])
        self.assertTrue(self.told(run, os.path.join(b, "cur"), "Permission denied"), str(run))

    def test_maildir_changing_while_scanned(self):
        # A mail client at work: messages rewritten, cut short, deleted,
        # renamed, replaced by directories and symlinks while scans run.
        root = H.maildir(self.tmp, "churn-maildir", H.good_messages(200))
        cur = os.path.join(root, "cur")
        stop = threading.Event()
        rng = random.Random(7)
        body = H.report(H.one_recipient()).encode()

        def churn():
            while not stop.is_set():
                p = os.path.join(cur, f"{rng.randrange(200)}.msg:2,S")
                try:
                    op = rng.randrange(6)
                    if op == 0:
                        os.truncate(p, rng.randrange(len(body)))
                    elif op == 1:
                        os.unlink(p)
                    elif op == 2:
                        with open(p, "wb") as f:
                            f.write(body[: rng.randrange(len(body))])
                            f.flush()
                            f.write(body)
                    elif op == 3:
                        os.rename(p, p + "T")
                    elif op == 4:
                        os.mkdir(p)
                    else:
                        os.symlink("../new", p)
                except OSError:
                    pass
                for q in (p, p + "T"):
                    try:
                        if os.path.islink(q) or os.path.isfile(q):
                            os.unlink(q)
                        elif os.path.isdir(q):
                            os.rmdir(q)
                        with open(p, "wb") as f:
                            f.write(body)
                    except OSError:
                        pass

        t = threading.Thread(target=churn)
        t.start()
        try:
            for _ in range(5):
                run = scan(root)
                self.sane(run)
        finally:
            stop.set()
            t.join()


class Stdin(HostileCase):
    def test_escapes_and_bad_bytes_on_stdin(self):
        with open(H.utf8_invalid(self.tmp), "rb") as f:
            data = f.read()
        with open(H.escapes(self.tmp), "rb") as f:
            data = b"From MAILER-DAEMON Mon Jan  2 10:00:00 2023\n" + data + b"\nFrom x\n" + f.read()
        with tempfile.TemporaryFile() as f:
            f.write(data)
            f.seek(0)
            run = scan("-", stdin=f, fmt="table")
        self.sane(run, fmt="table")


if __name__ == "__main__":
    unittest.main(verbosity=2)
