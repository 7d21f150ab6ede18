# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared set-up of the crash and concurrency tests: a temporary home with a
synthetic Maildir, bounceview and the notmuch CLI pointed at it, and the
state a user can see (what `export` and `suppress propose` print, the
tags and cached properties notmuch holds).

Everything runs the real binary ($BOUNCEVIEW) with HOME, XDG_* and
NOTMUCH_CONFIG in the temporary directory, so nothing of the person running
the tests is read or written.
"""
import json, os, re, select, shutil, signal, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bvtest
from bvtest import BV

SRC = os.environ.get("BOUNCEVIEW_SOURCE_DIR", ".")
HELPER = os.environ.get("INDEX_HELPER", "")
NOTMUCH = shutil.which("notmuch")
MAKE_MAILDIR = os.path.join(SRC, "bench", "make-maildir.py")

# The progress bar `index --verbose` draws on standard error: "indexing
# [###---] 170/2000 ...".  Phase labels are the English ones (LC_ALL=C).
PROGRESS = re.compile(r"(looking for new files|indexing|looking for reports|parsing reports)"
                      r"(?: \[[#-]*\] (\d+)/(\d+))?")
PHASES = {"looking for new files": "scan", "indexing": "index", "looking for reports": "triage",
          "parsing reports": "parse"}


def add_triage_only_mail(maildir, every=10):
    """Adds to a make-maildir.py Maildir the mail that takes the other paths
    of an index, spread among its files (names sort next to theirs):

    - mailing-list mail and German out-of-office replies, which the
      candidate query misses and only the engine's triage flags (they get
      the candidate mark, which must be set exactly as when `notmuch new`
      added them);
    - a second copy, under another name in new/, of every fifth bounce, so
      that a cached message gains a file and is parsed again from both.
    """
    cur = os.path.join(maildir, "cur")
    names = sorted(os.listdir(cur))
    for k, name in enumerate(names[::every]):
        stamp = name.split(".")[0]
        if k % 4 == 3:
            text = ("Return-Path: <erika.%d@example.de>\nFrom: Erika Muster <erika.%d@example.de>\n"
                    "To: me@example.com\nSubject: Abwesenheitsnotiz: Projekt %d\n"
                    "Date: Tue, 2 Jan 2024 10:00:00 +0000\nMessage-ID: <ooo.%d@example.de>\n"
                    "Auto-Submitted: auto-replied\nContent-Type: text/plain; charset=utf-8\n\n"
                    "Ich bin bis zum 15. Januar nicht im Haus und lese keine Mail.\n" % (k, k, k, k))
        else:
            text = ("Return-Path: <project-bounces@lists.example.org>\n"
                    "From: Project list <project@lists.example.org>\nTo: project@lists.example.org\n"
                    "Subject: [project] weekly notes %d\nDate: Tue, 2 Jan 2024 09:00:00 +0000\n"
                    "Message-ID: <list.%d@lists.example.org>\nPrecedence: list\n"
                    "List-Id: <project.lists.example.org>\nContent-Type: text/plain\n\n"
                    "Notes of the week %d: the release plan moves by a week.\n" % (k, k, k))
        with open(os.path.join(cur, "%s.L%dP1.list:2," % (stamp, k)), "w") as f:
            f.write(text)
    def is_bounce(name):
        with open(os.path.join(cur, name), errors="replace") as f:
            head = f.read(400)
        return "MAILER-DAEMON" in head or "Mail Delivery" in head

    bounces = [n for n in names if is_bounce(n)]
    for n in bounces[::5]:
        shutil.copyfile(os.path.join(cur, n), os.path.join(maildir, "new", n.split(":")[0] + ".copy"))


class Home:
    """A temporary home holding Maildir/ (N synthetic messages, 10% bounces;
    with EXTRA, the mail of add_triage_only_mail() too)."""

    def __init__(self, messages=0, seed=7, extra=False):
        self.root = tempfile.mkdtemp(prefix="bv-crash-")
        self.maildir = os.path.join(self.root, "Maildir")
        if messages > 0:
            subprocess.run([sys.executable, MAKE_MAILDIR, self.maildir, str(messages), "--seed", str(seed)],
                           check=True, stdout=subprocess.DEVNULL)
            if extra:
                add_triage_only_mail(self.maildir)
        else:
            for d in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(self.maildir, d))
        self.store = os.path.join(self.root, "data", "bounceview", "suppressions.tsv")
        self.env = bvtest.sandbox_env(self.root, LANGUAGE=None, BOUNCEVIEW_LOCK_TIMEOUT=None, LC_ALL="C.UTF-8")
        # For the notmuch CLI only: bounceview's own database in Maildir/.notmuch.
        self.nm_config = bvtest.notmuch_cli_config(self.root, self.maildir)
        self.nm_env = dict(self.env, NOTMUCH_CONFIG=self.nm_config)

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def run(self, *args, check=True, env=None, timeout=120):
        p = subprocess.run([BV, *args], env=env or self.env, capture_output=True, text=True, timeout=timeout)
        if check and p.returncode != 0:
            raise AssertionError("bounceview %s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr))
        return p

    def index_args(self, *extra):
        return [BV, "index", "--maildir", self.maildir, *extra]

    def index(self, *extra, **kw):
        return self.run(*self.index_args(*extra)[1:], **kw)

    def notmuch(self, *args, check=True):
        p = subprocess.run([NOTMUCH, *args], env=self.nm_env, capture_output=True, text=True, timeout=120)
        if check and p.returncode != 0:
            raise AssertionError("notmuch %s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr))
        return p

    def db_dir(self):
        return os.path.join(self.maildir, ".notmuch")

    def drop_database(self):
        """The database and the model snapshots go; the mail and marks stay."""
        shutil.rmtree(self.db_dir(), ignore_errors=True)
        shutil.rmtree(self.env["XDG_CACHE_HOME"], ignore_errors=True)

    def state(self):
        """What a user sees of the index: every bounced address's row, the
        policy's proposals, and each message's tags and cached result."""
        export = self.run("export", "--no-index", "--maildir", self.maildir, "--format=jsonl").stdout
        propose = self.run("suppress", "propose", "--maildir", self.maildir, "--format=jsonl").stdout
        dump = self.notmuch("dump", "--include=tags", "--include=properties").stdout
        count = self.notmuch("count", "*").stdout.strip()
        return {"export": export, "propose": propose, "dump": sorted(dump.splitlines()), "count": count}

    def marks(self):
        """{address: mark} of `suppress list`, which must work."""
        p = self.run("suppress", "list", "--store", self.store, "--format=jsonl")
        return {m["address"]: m for m in map(json.loads, p.stdout.splitlines())}


def read_store(path):
    """The addresses in the store file and its journal, checking that both
    are whole: the store's header first, every other line a complete mark
    ending in a newline; in the journal, every record complete except
    perhaps those after the last commit line (a change cut short, which
    does not count).  A missing file is an empty store."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        data = b""
    out = set()
    if data:
        text = data.decode("utf-8")
        assert text.startswith("# bounceview suppressions v1:"), "store does not start with its header: %r" % text[:80]
        assert text.endswith("\n"), "store ends in the middle of a line: %r" % text[-80:]
        for line in text.splitlines()[1:]:
            f = line.split("\t")
            assert len(f) == 5 and "@" in f[0] and re.match(r"\d{4}-\d\d-\d\dT", f[2]), "bad line %r" % line
            out.add(f[0])
    try:
        with open(path + ".journal", "rb") as f:
            journal = f.read().decode("utf-8")
    except FileNotFoundError:
        return out
    pending = []
    for line in journal.split("\n")[:-1]:  # the text after the last newline is cut short
        if line.startswith("#"):
            continue
        kind, _, rest = line.partition("\t")
        if kind == "=":
            assert int(rest) == len(pending), "commit of %s records after %d" % (rest, len(pending))
            for op, address in pending:
                if op == "+":
                    out.add(address)
                else:
                    out.discard(address)
            pending = []
        else:
            assert kind in "+-" and "@" in rest, "bad journal line %r" % line
            if kind == "+":
                f = rest.split("\t")
                assert len(f) == 5 and re.match(r"\d{4}-\d\d-\d\dT", f[2]), "bad journal line %r" % line
            pending.append((kind, rest.split("\t")[0]))
    return out


def kill_at_progress(args, env, phase, fraction, timeout=120):
    """Starts ARGS (an `index --verbose`) and sends SIGKILL as soon as its
    progress bar shows PHASE with at least FRACTION of it done.  Returns
    True when it was killed, False when it ended first."""
    p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    buf, deadline = b"", time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([p.stderr], [], [], 0.5)
            if not ready:
                continue
            chunk = os.read(p.stderr.fileno(), 65536)
            if not chunk:
                break
            buf += chunk
            for m in PROGRESS.finditer(buf.decode("utf-8", "replace")):
                if PHASES[m.group(1)] != phase:
                    continue
                done, total = int(m.group(2) or 0), int(m.group(3) or 0)
                if done >= fraction * total:
                    p.send_signal(signal.SIGKILL)
                    p.wait()
                    return True
            buf = buf[-200:]
    finally:
        if p.poll() is None:
            p.kill()
        p.wait()
        p.stderr.close()
    return p.returncode == -signal.SIGKILL


def kill_after(args, env, seconds):
    """Starts ARGS and sends SIGKILL after SECONDS; True when it was killed."""
    p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        p.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGKILL)
        p.wait()
        return True


def state_difference(got, want):
    """A short account of how two state() results differ ("" when equal):
    difflib on thousands of lines takes minutes."""
    out = []
    for key in ("count", "propose", "export", "dump"):
        g, w = got[key], want[key]
        if g == w:
            continue
        if key == "count":
            out.append("count %s, clean run %s" % (g, w))
            continue
        g = set(g.splitlines() if isinstance(g, str) else g)
        w = set(w.splitlines() if isinstance(w, str) else w)
        extra, missing = sorted(g - w), sorted(w - g)
        out.append("%s: %d lines more, %d lines fewer than the clean run%s%s" % (
            key, len(extra), len(missing), "".join("\n  + " + l[:200] for l in extra[:3]),
            "".join("\n  - " + l[:200] for l in missing[:3])))
        if not extra and not missing:
            out.append("%s: same lines in another order" % key)
    return "\n".join(out)
