#!/usr/bin/env python3
"""`bounceview index`, the model and the suppression marks, end to end.

Each test works on a temporary copy of the demo Maildir with its own HOME,
XDG directories and NOTMUCH_CONFIG, so bounceview creates its own notmuch
database in MAILDIR/.notmuch.  The expected groups are computed here, from
`bounceview scan` of the same files, independently of the index; the model
is read through index-helper's dump.
"""
import collections, email.utils, json, os, random, re, shutil, signal
import subprocess, sys, tempfile, time, unittest
from datetime import timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bvtest
from bvtest import BV

HELPER = os.environ.get("INDEX_HELPER", "build/tests/index/index-helper")
SRC = os.environ.get("BOUNCEVIEW_SOURCE_DIR", ".")
DEMO = os.path.join(SRC, "demo", "maildir")
NOTMUCH = shutil.which("notmuch")
SUCCESS_ACTIONS = {"delivered", "relayed", "expanded"}


class Env:
    """A temporary home with a copy of the demo Maildir."""

    def __init__(self, copies=1, source=None):
        self.root = tempfile.mkdtemp(prefix="bv-index-")
        self.maildir = os.path.join(self.root, "Maildir")
        if copies == 1:
            bvtest.copy_maildir(source or DEMO, self.maildir)
        else:
            make_big_maildir(self.maildir, copies)
        self.env = bvtest.sandbox_env(self.root, BOUNCEVIEW_LOCK_TIMEOUT="5")
        # A notmuch configuration for the notmuch CLI only, to look at tags.
        self.nm_config = bvtest.notmuch_cli_config(self.root, self.maildir)

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def run(self, *args, check=True, **kw):
        kw.setdefault("timeout", 120)
        kw.setdefault("env", self.env)
        p = subprocess.run([BV, *args], capture_output=True, text=True, **kw)
        if check and p.returncode != 0:
            raise AssertionError("%s failed (%d): %s" % (args, p.returncode, p.stderr))
        return p

    def index(self, *extra):
        return self.run("index", "--maildir", self.maildir, "--verbose", *extra)

    def dump(self):
        p = subprocess.run([HELPER, "dump", self.maildir], env=self.env, capture_output=True, text=True,
                           timeout=120)
        if p.returncode != 0:
            raise AssertionError("dump failed: " + p.stderr)
        return p.stdout

    def notmuch(self, *args):
        env = dict(self.env, NOTMUCH_CONFIG=self.nm_config)
        return subprocess.run([NOTMUCH, *args], env=env, capture_output=True, text=True, check=True).stdout

    def scan(self):
        p = self.run("scan", "--format", "jsonl", self.maildir)
        return [json.loads(l) for l in p.stdout.splitlines()]


def make_big_maildir(path, copies):
    """The demo mails COPIES times over, each copy with its own Message-ID."""
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(path, sub))
    files = [os.path.join(d, f) for d in ("cur", "new") for f in sorted(os.listdir(os.path.join(DEMO, d)))]
    for n in range(copies):
        for rel in files:
            with open(os.path.join(DEMO, rel), "rb") as f:
                data = f.read()
            data = re.sub(rb"(?im)^(Message-ID:\s*<)", rb"\g<1>copy%d." % n, data, count=1)
            d, name = os.path.split(rel)
            with open(os.path.join(path, d, "%d.%s" % (n, name)), "wb") as f:
                f.write(data)


def count_mail(maildir):
    """Files in cur/ and new/: tmp/ holds mail still being delivered."""
    return sum(len(os.listdir(os.path.join(maildir, d))) for d in ("cur", "new"))


def month(date_header):
    try:
        dt = email.utils.parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError):
        return ""
    if dt is None:
        return ""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m")


def expected_groups(records):
    """{(dimension, key): (bounces, distinct addresses, hard, soft)} from scan."""
    acc = collections.defaultdict(lambda: [0, set(), 0, 0])
    for r in records:
        if r["kind"] == "none" or r.get("action") in SUCCESS_ACTIONS or not r.get("recipient"):
            continue
        addr = r["recipient"].strip().lower()
        keys = {
            "cause": r["cause"],
            "domain": addr.rpartition("@")[2] if "@" in addr else "",
            "status": r["status"] or r["reply_code"],
            "mta": r["mta"],
            "month": month(r["date"]),
            "address": addr,
        }
        for dim, key in keys.items():
            a = acc[(dim, key)]
            a[0] += 1
            a[1].add(addr)
            a[2] += 1 if r["hard"] else 0
            a[3] += 0 if r["hard"] else 1
    return {k: (v[0], len(v[1]), v[2], v[3]) for k, v in acc.items()}


def model_groups(dump):
    out = {}
    for line in dump.splitlines():
        f = line.split("\t")
        if f[0] == "group":
            out[(f[1], f[2])] = tuple(int(x) for x in f[3:7])
    return out


def lines(dump, kind):
    return [l for l in dump.splitlines() if l.startswith(kind + "\t")]


STATS = re.compile(r"files: (\d+) added, (\d+) renamed, (\d+) removed; reports: (\d+) parsed, (\d+) already cached")


def stats(output):
    m = STATS.search(output)
    assert m, "no summary in: " + output
    return tuple(int(x) for x in m.groups())


@unittest.skipUnless(NOTMUCH and os.path.isdir(DEMO), "needs the notmuch CLI and demo/maildir")
class IndexTest(unittest.TestCase):
    def setUp(self):
        self.e = Env()

    def tearDown(self):
        self.e.cleanup()

    def test_groups_match_scan(self):
        self.e.index()
        self.assertTrue(os.path.isdir(os.path.join(self.e.maildir, ".notmuch", "xapian")))
        records = self.e.scan()
        expected = expected_groups(records)
        self.assertGreater(len(expected), 10)
        dump = self.e.dump()
        self.assertEqual(model_groups(dump), expected)
        # One row per person, with every bounce counted.
        addrs = [l.split("\t")[1] for l in lines(dump, "address")]
        self.assertEqual(len(addrs), len(set(addrs)))
        per_addr = {k[1]: v[0] for k, v in expected.items() if k[0] == "address"}
        self.assertIn(max(per_addr.values()), [int(l.split("\t")[2]) for l in lines(dump, "address")])
        # Every history row has its detail with the same recipient and a file.
        for l in lines(dump, "detail"):
            self.assertTrue(l.endswith("\t1"), l)
        self.assertEqual(len(lines(dump, "detail")), sum(per_addr.values()))

    def test_snapshot(self):
        self.e.index()
        first = self.e.dump()
        snaps = os.path.join(self.e.root, "cache", "bounceview")
        files = [os.path.join(snaps, f) for f in os.listdir(snaps)]
        self.assertEqual(len(files), 1)
        self.assertEqual(self.e.dump(), first)  # read from the snapshot
        # A damaged snapshot is not used.
        with open(files[0], "r+b") as f:
            f.truncate(os.path.getsize(files[0]) // 2)
        self.assertEqual(self.e.dump(), first)
        # A changed database is read again, not the stale snapshot.
        victim = next(l for l in lines(first, "history")).split("\t")[7]
        os.remove(self.e.notmuch("search", "--output=files", "id:" + victim).splitlines()[0])
        time.sleep(1.1)
        self.e.index()
        after = self.e.dump()
        self.assertNotIn("\t" + victim + "\n", after)
        self.assertEqual(model_groups(after), expected_groups(self.e.scan()))

    def test_second_run_parses_nothing(self):
        first = stats(self.e.index().stdout)
        n_files = count_mail(DEMO)
        self.assertEqual(first[0], n_files)
        self.assertGreater(first[3], 0)
        self.assertEqual(first[4], 0)
        second = stats(self.e.index().stdout)
        self.assertEqual(second, (0, 0, 0, 0, first[3]))

    def test_settled_runs_still_see_every_change(self):
        # A run that finds the database as the last run left it answers
        # from what that run recorded; anything done since, by us or by
        # notmuch, must still be seen, and the counts must stay those of
        # a full run.
        first = stats(self.e.index().stdout)
        total = first[3]
        self.assertEqual(stats(self.e.index().stdout), (0, 0, 0, 0, total))
        self.assertEqual(stats(self.e.index().stdout), (0, 0, 0, 0, total))
        # Someone else's tag moves the revision: a full run, same answer.
        self.e.notmuch("tag", "+seen-by-user", "--", "*")
        self.assertEqual(stats(self.e.index().stdout), (0, 0, 0, 0, total))
        self.assertEqual(stats(self.e.index().stdout), (0, 0, 0, 0, total))
        # New mail after a settled run is indexed and parsed.
        reports = [r for r in self.e.scan() if r["kind"] == "failed"]
        with open(reports[0]["file"], "rb") as f:
            data = f.read()
        data = re.sub(rb"(?im)^(Message-ID:\s*<)", rb"\g<1>settled.", data, count=1)
        with open(os.path.join(self.e.maildir, "new", "9999999998.settled.demo"), "wb") as f:
            f.write(data)
        time.sleep(1.1)  # directory times are seconds
        s = stats(self.e.index().stdout)
        self.assertEqual(s[0], 1)
        self.assertEqual(s[3] + s[4], total + 1)
        self.assertEqual(stats(self.e.index().stdout), (0, 0, 0, 0, total + 1))
        self.assertEqual(model_groups(self.e.dump()), expected_groups(self.e.scan()))

    def test_quiet_without_terminal(self):
        p = self.e.run("index", "--maildir", self.e.maildir)
        self.assertEqual(p.stdout, "")
        self.assertEqual(p.stderr, "")

    def test_new_parser_version_reparses_only_candidates(self):
        first = stats(self.e.index().stdout)
        # Pretend the cache was written by version 0.
        props = self.e.notmuch("dump", "--include=properties")
        old = re.sub(r"bounceview\.version=\d+", "bounceview.version=0", props)
        env = dict(self.e.env, NOTMUCH_CONFIG=self.e.nm_config)
        subprocess.run([NOTMUCH, "restore", "--include=properties"], input=old, env=env, text=True, check=True)
        again = stats(self.e.index().stdout)
        self.assertEqual(again[3], first[3])
        n_files = count_mail(DEMO)
        self.assertLess(again[3], n_files)

    def test_tags(self):
        self.e.index()
        records = self.e.scan()
        bounced = collections.defaultdict(list)  # by file: some reports have no Message-ID
        for r in records:
            if r["kind"] != "none" and r.get("action") not in SUCCESS_ACTIONS and r.get("recipient"):
                bounced[r["file"]].append(r["hard"])
        count = lambda q: int(self.e.notmuch("count", q).strip())
        self.assertEqual(count("tag:bounce"), len(bounced))
        self.assertEqual(count("tag:bounce-hard"), sum(1 for v in bounced.values() if any(v)))
        self.assertEqual(count("tag:bounce-soft"), sum(1 for v in bounced.values() if not all(v)))
        # New mail gets notmuch's usual new tags, as with `notmuch new`.
        self.assertEqual(count("tag:inbox"), count_mail(DEMO))

    def test_no_tags(self):
        self.e.index("--no-tags")
        self.assertEqual(int(self.e.notmuch("count", "tag:bounce").strip()), 0)
        self.assertGreater(len(lines(self.e.dump(), "group")), 0)

    def test_tags_off_in_config(self):
        os.makedirs(os.path.join(self.e.root, "config", "bounceview"))
        with open(os.path.join(self.e.root, "config", "bounceview", "config"), "w") as f:
            f.write("[index]\ntags=false\n")
        self.e.index()
        self.assertEqual(int(self.e.notmuch("count", "tag:bounce").strip()), 0)

    def test_add_remove_rename(self):
        self.e.index()
        m = self.e.maildir
        reports = [r for r in self.e.scan() if r["kind"] == "failed"]
        by_file = collections.OrderedDict((r["file"], r) for r in reports)
        files = list(by_file)
        # A new report: a copy of one with another Message-ID.
        with open(files[0], "rb") as f:
            data = f.read()
        data = re.sub(rb"(?im)^(Message-ID:\s*<)", rb"\g<1>added.", data, count=1)
        with open(os.path.join(m, "new", "9999999999.added.demo"), "wb") as f:
            f.write(data)
        os.remove(files[1])
        renamed_from = files[2]
        renamed_to = os.path.join(m, "cur", os.path.basename(renamed_from).split(":")[0] + ".renamed:2,RS")
        os.rename(renamed_from, renamed_to)
        time.sleep(1.1)  # directory times are seconds
        s = stats(self.e.index().stdout)
        # Parsed: the new report, and the renamed one (a message whose files
        # change is parsed again: its result is that of all its files).
        self.assertEqual(s[:4], (1, 1, 1, 2))
        self.assertEqual(model_groups(self.e.dump()), expected_groups(self.e.scan()))
        mid = by_file[renamed_from]["message_id"].strip("<>")
        tags = self.e.notmuch("search", "--output=tags", "id:" + mid).split()
        self.assertIn("bounce", tags)

    def test_marks_survive_restart_and_rebuild(self):
        self.e.index()
        addr = lines(self.e.dump(), "address")[0].split("\t")[1]
        self.e.run("suppress", "add", "--maildir", self.e.maildir, "--note", "asked\tby sales", addr.upper())
        self.e.run("suppress", "add", "--maildir", self.e.maildir, "someone@nowhere.example")
        listed = [json.loads(l) for l in self.e.run("suppress", "list", "--format=jsonl").stdout.splitlines()]
        self.assertEqual([x["address"] for x in listed], sorted([addr, "someone@nowhere.example"]))
        mine = next(x for x in listed if x["address"] == addr)
        self.assertEqual(mine["note"], "asked\tby sales")
        self.assertEqual(mine["source"], "hand")
        self.assertNotEqual(mine["cause"], "undefined")
        # A rebuilt database: the marks are still there and still apply.
        shutil.rmtree(os.path.join(self.e.maildir, ".notmuch"))
        self.e.index()
        dump = self.e.dump()
        self.assertIn("mark\t%s\t%s\thand\tasked\tby sales" % (addr, mine["cause"]), dump)
        row = next(l for l in lines(dump, "address") if l.split("\t")[1] == addr)
        self.assertTrue(row.endswith("\t1"))
        self.assertNotIn("proposal\t%s\t" % addr, dump)
        self.e.run("suppress", "remove", addr)
        listed = self.e.run("suppress", "list", "--format=csv").stdout
        self.assertNotIn(addr, listed)
        self.assertIn("someone@nowhere.example", listed)

    def test_proposals(self):
        self.e.index()
        dump = self.e.dump()
        hard = {l.split("\t")[1] for l in lines(dump, "history") if l.split("\t")[4] == "1"}
        proposed = {l.split("\t")[1] for l in lines(dump, "proposal") if l.split("\t")[2] == "hard"}
        self.assertTrue(hard)
        self.assertEqual(proposed, hard)
        p = self.e.run("suppress", "propose", "--maildir", self.e.maildir, "--format=jsonl")
        self.assertEqual(len(p.stdout.splitlines()), len(lines(dump, "proposal")))
        # Shown, never applied: nothing is marked until asked.
        self.assertEqual(self.e.run("suppress", "list", "--format=jsonl").stdout, "")
        self.e.run("suppress", "add", "--maildir", self.e.maildir, "--proposed")
        listed = [json.loads(l) for l in self.e.run("suppress", "list", "--format=jsonl").stdout.splitlines()]
        self.assertEqual(len(listed), len(lines(dump, "proposal")))
        self.assertTrue(all(x["source"] == "policy" for x in listed))
        self.assertEqual(lines(self.e.dump(), "proposal"), [])

    def test_locked_database(self):
        self.e.index()
        holder = subprocess.Popen([HELPER, "lock", self.e.maildir], env=self.e.env, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        try:
            self.assertEqual(holder.stdout.readline().strip(), "locked")
            t0 = time.monotonic()
            p = self.e.run("index", "--maildir", self.e.maildir, "--lock-timeout", "2", check=False)
            waited = time.monotonic() - t0
            self.assertEqual(p.returncode, 1)
            self.assertIn("waiting", p.stderr)
            self.assertIn("locked by another process", p.stderr)
            self.assertGreaterEqual(waited, 1.9)
            # Reading is not blocked by a writer.
            self.assertGreater(len(lines(self.e.dump(), "group")), 0)
            # Released while waiting: the run goes through.
            later = subprocess.Popen([BV, "index", "--maildir", self.e.maildir, "--lock-timeout", "20"],
                                     env=self.e.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            time.sleep(1.5)
        finally:
            holder.stdin.close()
            holder.wait()
            holder.stdout.close()
        out, err = later.communicate(timeout=60)
        self.assertEqual(later.returncode, 0, err)
        self.assertIn("waiting", err)

    def test_missing_maildir(self):
        p = self.e.run("index", "--maildir", os.path.join(self.e.root, "nope"), check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("no such Maildir", p.stderr)

    def test_default_maildir(self):
        # No --maildir, no configuration, no notmuch: ~/Maildir.
        self.e.run("index")
        self.assertTrue(os.path.isdir(os.path.join(self.e.maildir, ".notmuch")))


@unittest.skipUnless(NOTMUCH and os.path.isdir(DEMO), "needs the notmuch CLI and demo/maildir")
class SourceStateTest(unittest.TestCase):
    """What a person did in the source tree before running the tests (the
    Quick start's first command indexes demo/maildir in place) is not the
    tests' starting state."""

    def test_database_in_the_source_is_not_copied(self):
        dirty = Env()
        try:
            # The demo as a user leaves it: indexed once, in place.
            dirty.run("index", "--maildir", dirty.maildir)
            self.assertTrue(os.path.isdir(os.path.join(dirty.maildir, ".notmuch")))
            e = Env(source=dirty.maildir)
            try:
                self.assertFalse(os.path.exists(os.path.join(e.maildir, ".notmuch")))
                first = stats(e.index().stdout)
                self.assertEqual(first[0], count_mail(DEMO))
            finally:
                e.cleanup()
        finally:
            dirty.cleanup()


@unittest.skipUnless(NOTMUCH and os.path.isdir(DEMO), "needs the notmuch CLI and demo/maildir")
class UsersDatabaseTest(unittest.TestCase):
    maxDiff = None
    """A Maildir inside the user's notmuch mail root uses the user's database."""

    def test_users_database(self):
        e = Env()
        try:
            root = os.path.join(e.root, "mail")
            os.makedirs(root)
            inner = os.path.join(root, "bounces")
            shutil.move(e.maildir, inner)
            other = os.path.join(root, "other", "cur")
            os.makedirs(other)
            shutil.copy(os.path.join(DEMO, "cur", sorted(os.listdir(os.path.join(DEMO, "cur")))[0]), other)
            cfg = os.path.join(e.root, "notmuch-config")
            with open(cfg, "w") as f:
                f.write("[database]\npath=%s\n[new]\ntags=new-mail;\n" % root)
            e.env["NOTMUCH_CONFIG"] = cfg
            e.maildir = inner
            subprocess.run([NOTMUCH, "new", "--quiet"], env=e.env, check=True)
            s = stats(e.index().stdout)
            self.assertEqual(s[0], 0)  # notmuch new had indexed the files
            self.assertFalse(os.path.exists(os.path.join(inner, ".notmuch")))
            self.assertTrue(os.path.isdir(os.path.join(root, ".notmuch")))
            e.nm_config = cfg
            self.assertGreater(int(e.notmuch("count", "tag:bounce").strip()), 0)
            # Only the Maildir's bounces: the copy under other/ is left out.
            dump = e.dump()
            got, want = model_groups(dump), expected_groups(e.scan())
            self.assertEqual({k: v for k, v in got.items() if got.get(k) != want.get(k)},
                             {k: v for k, v in want.items() if got.get(k) != want.get(k)})
        finally:
            e.cleanup()


@unittest.skipUnless(NOTMUCH and os.path.isdir(DEMO), "needs the notmuch CLI and demo/maildir")
class InterruptTest(unittest.TestCase):
    """kill -9 at random moments, then one more run: the same as a clean run."""

    def test_kill_then_rerun(self):
        copies = int(os.environ.get("BV_KILL_COPIES", "25"))
        clean, killed = Env(copies), Env(copies)
        try:
            t0 = time.monotonic()
            clean.index()
            full = time.monotonic() - t0
            rng = random.Random(1234)
            kills = 0
            # Each attempt dies early in what is left to do; one that gets to
            # the end is not a failure, only a run that was not interrupted.
            for _ in range(8):
                p = subprocess.Popen([BV, "index", "--maildir", killed.maildir], env=killed.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0.02, 0.5) * full)
                if p.poll() is None:
                    p.send_signal(signal.SIGKILL)
                    kills += 1
                p.wait()
            self.assertGreater(kills, 0)
            killed.index()
            self.assertEqual(killed.dump(), clean.dump())
            dump_args = ("dump", "--include=tags", "--include=properties")
            self.assertEqual(killed.notmuch(*dump_args), clean.notmuch(*dump_args))
            self.assertEqual(killed.notmuch("count", "*"), clean.notmuch("count", "*"))
        finally:
            clean.cleanup()
            killed.cleanup()


NOBODY = 65534


def as_nobody():
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


@unittest.skipUnless(NOTMUCH and os.path.isdir(DEMO), "needs the notmuch CLI and demo/maildir")
class ErrorsTest(unittest.TestCase):
    """Failures are told by what they are, at once (issue 11)."""

    def setUp(self):
        self.e = Env()

    def tearDown(self):
        for root, dirs, _ in os.walk(self.e.root):
            for d in dirs:
                p = os.path.join(root, d)
                if not os.path.islink(p) and len(p) < 4000:
                    os.chmod(p, 0o755)
        self.e.cleanup()

    def timed(self, *args, env=None, **kw):
        t0 = time.monotonic()
        p = subprocess.run([kw.pop("program", BV), *args], env=env or self.e.env, capture_output=True, text=True,
                           timeout=120, **kw)
        return p, time.monotonic() - t0

    def test_corrupt_database_is_told_at_once(self):
        self.e.index()
        postlist = os.path.join(self.e.maildir, ".notmuch", "xapian", "postlist.glass")
        os.truncate(postlist, 4000)
        shutil.rmtree(os.path.join(self.e.root, "cache"), ignore_errors=True)  # no snapshot to fall back on
        env = dict(self.e.env, BOUNCEVIEW_LOCK_TIMEOUT="30")
        for args in (["export", "--no-index", "--maildir", self.e.maildir, "--format=jsonl"],
                     ["index", "--maildir", self.e.maildir]):
            p, took = self.timed(*args, env=env)
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertLess(took, 5, args)
            self.assertIn("damaged", p.stderr)
            self.assertIn("EOF reading block", p.stderr)  # notmuch's own words
            self.assertIn("remove %s" % os.path.join(self.e.maildir, ".notmuch"), p.stderr)
            self.assertNotIn("locked", p.stderr)

    def nobody_setup(self):
        """Lets nobody reach the sandbox and start a copy of the binary."""
        if os.geteuid() != 0:
            return BV, None
        os.chmod(self.e.root, 0o755)
        for sub in ("cache", "config", "data"):
            os.makedirs(os.path.join(self.e.root, sub), exist_ok=True)
            os.chmod(os.path.join(self.e.root, sub), 0o777)
        program = os.path.join(self.e.root, "bounceview")
        shutil.copy(BV, program)
        os.chmod(program, 0o755)
        return program, as_nobody

    def test_permission_denied(self):
        program, preexec = self.nobody_setup()
        self.e.index()
        for sub, mode in ((".notmuch", 0o700), ("", 0o700)):
            path = os.path.join(self.e.maildir, sub) if sub else self.e.maildir
            os.chmod(path, mode & (0o700 if preexec else 0o000))
            for args in (["index", "--maildir", self.e.maildir],
                         ["export", "--no-index", "--maildir", self.e.maildir]):
                shutil.rmtree(os.path.join(self.e.root, "cache", "bounceview"), ignore_errors=True)
                p, took = self.timed(*args, program=program, preexec_fn=preexec)
                self.assertEqual(p.returncode, 1, (args, p.stderr))
                self.assertIn("Permission denied", p.stderr, args)
                self.assertLess(took, 5, args)
            os.chmod(path, 0o755)

    def test_unreadable_directory_is_skipped(self):
        program, preexec = self.nobody_setup()
        lost = os.path.join(self.e.maildir, "lost+found")
        os.makedirs(lost)
        shutil.copy(os.path.join(DEMO, "cur", sorted(os.listdir(os.path.join(DEMO, "cur")))[0]), lost)
        os.chmod(lost, 0o700 if preexec else 0o000)
        if preexec:
            for root, dirs, files in os.walk(self.e.maildir):
                if root != lost:
                    os.chown(root, NOBODY, NOBODY)
        p, _ = self.timed("index", "--maildir", self.e.maildir, "--verbose", program=program, preexec_fn=preexec)
        self.assertEqual(p.returncode, 0, p.stderr)
        warnings = [l for l in p.stderr.split("\n") if "bounceview: index:" in l]
        self.assertEqual(len(warnings), 1, p.stderr)
        self.assertIn(lost, warnings[0])
        self.assertIn("Permission denied", warnings[0])
        self.assertEqual(stats(p.stdout)[0], count_mail(DEMO))

    def test_symlink_loops_and_long_paths(self):
        os.symlink("..", os.path.join(self.e.maildir, "cur", "loop"))
        os.symlink("self", os.path.join(self.e.maildir, "self"))
        # A directory whose path is longer than PATH_MAX.
        fd = os.open(self.e.maildir, os.O_RDONLY)
        try:
            for _ in range(25):
                os.mkdir("d" * 200, dir_fd=fd)
                nfd = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
                os.close(fd)
                fd = nfd
        finally:
            os.close(fd)
        p = self.e.index()
        warnings = sorted(l for l in p.stderr.split("\n") if "bounceview: index:" in l)
        self.assertEqual(len(warnings), 3, p.stderr)
        self.assertTrue(any("/cur/loop" in w for w in warnings), warnings)
        self.assertTrue(any("/self:" in w for w in warnings), warnings)
        self.assertTrue(any("File name too long" in w for w in warnings), warnings)
        self.assertEqual(stats(p.stdout)[0], count_mail(DEMO))

    def test_not_a_maildir_is_refused(self):
        plain = os.path.join(self.e.root, "etc")
        os.makedirs(os.path.join(plain, "conf.d"))
        with open(os.path.join(plain, "passwd"), "w") as f:
            f.write("root:x:0:0::/root:/bin/sh\n")
        for args in (["index", "--maildir", plain], ["ui", plain], [plain]):
            p, _ = self.timed(*args, stdin=subprocess.DEVNULL)
            self.assertEqual(p.returncode, 1, (args, p.stderr))
            self.assertIn("not a Maildir", p.stderr)
            self.assertEqual(sorted(os.listdir(plain)), ["conf.d", "passwd"])

    def test_without_home(self):
        env = {k: v for k, v in self.e.env.items()
               if k not in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")}
        p, _ = self.timed("index", "--maildir", self.e.maildir, env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        p, _ = self.timed("export", "--no-index", "--maildir", self.e.maildir, "--format=jsonl", env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertGreater(len(p.stdout.splitlines()), 5)

    @unittest.skipUnless(os.geteuid() == 0 and shutil.which("mount"), "needs root to mount a small tmpfs")
    def test_disk_full(self):
        mnt = os.path.join(self.e.root, "small")
        os.makedirs(mnt)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt]).returncode != 0:
            self.skipTest("cannot mount a tmpfs here")
        try:
            maildir = os.path.join(mnt, "Maildir")
            bvtest.copy_maildir(DEMO, maildir)
            self.e.run("index", "--maildir", maildir)
            before = self.e.run("export", "--no-index", "--maildir", maildir, "--format=jsonl").stdout
            # New mail, then the disk fills up.
            make_big_maildir(os.path.join(mnt, "more"), 3)
            for d in ("cur", "new"):
                for n in os.listdir(os.path.join(mnt, "more", d)):
                    os.rename(os.path.join(mnt, "more", d, n), os.path.join(maildir, d, n))
            time.sleep(1.1)
            # Xapian writes when its buffer holds XAPIAN_FLUSH_THRESHOLD
            # changes: at its default, at the commit; at 2, inside the thaw
            # after a new file's indexing, which libnotmuch lets throw (a
            # process killed by std::terminate before index/guard.cc); at
            # 3, in the parse phase's.
            for threshold in (None, "2", "3"):
                with self.subTest(flush_threshold=threshold):
                    with open(os.path.join(mnt, "filler"), "wb") as f:
                        try:
                            while True:
                                f.write(b"\0" * 65536)
                                f.flush()
                        except OSError:
                            pass
                    env = dict(self.e.env)
                    if threshold is not None:
                        env["XAPIAN_FLUSH_THRESHOLD"] = threshold
                    p = self.e.run("index", "--maildir", maildir, check=False, env=env)
                    self.assertEqual(p.returncode, 1, p.stderr)
                    self.assertIn("No space left on device", p.stderr)
                    self.assertNotIn("terminate", p.stderr)
                    os.remove(os.path.join(mnt, "filler"))
                    shutil.rmtree(os.path.join(self.e.root, "cache"), ignore_errors=True)
                    after = self.e.run("export", "--no-index", "--maildir", maildir, "--format=jsonl").stdout
                    self.assertEqual(after, before)
            # With room again, the new mail is indexed.
            self.e.run("index", "--maildir", maildir)
        finally:
            subprocess.run(["umount", "-l", mnt])


@unittest.skipUnless(NOTMUCH and os.path.isdir(DEMO), "needs the notmuch CLI and demo/maildir")
class LikeNotmuchNewTest(unittest.TestCase):
    """In the user's own database bounceview does what `notmuch new` does,
    and takes off only the tags it put on itself (issue 11)."""

    def setUp(self):
        self.e = Env()

    def tearDown(self):
        self.e.cleanup()

    def users_database(self, extra="", make=True):
        """Makes the Maildir the mail root of the user's notmuch
        configuration (with EXTRA), its database made empty by notmuch."""
        cfg = os.path.join(self.e.root, "notmuch-config")
        with open(cfg, "w") as f:
            f.write("[database]\npath=%s\n%s" % (self.e.maildir, extra))
        self.e.env["NOTMUCH_CONFIG"] = cfg
        self.e.nm_config = cfg
        if make and not os.path.isdir(os.path.join(self.e.maildir, ".notmuch")):
            mail = self.e.maildir + ".mail"
            os.rename(self.e.maildir, mail)
            os.makedirs(self.e.maildir)
            self.e.notmuch("new", "--quiet")
            os.rename(os.path.join(self.e.maildir, ".notmuch"), os.path.join(mail, ".notmuch"))
            os.rmdir(self.e.maildir)
            os.rename(mail, self.e.maildir)

    def test_new_ignore(self):
        ignored_dir = os.path.join(self.e.maildir, "junk", "cur")
        os.makedirs(ignored_dir)
        records = self.e.scan()
        failed = [r for r in records if r["kind"] == "failed"]
        shutil.move(failed[0]["file"], ignored_dir)
        shutil.move(failed[1]["file"], os.path.join(self.e.maildir, "cur", "skipme"))
        self.users_database("[new]\nignore=skipme;/^junk//\n")
        self.e.index()
        files = self.e.notmuch("search", "--output=files", "*").split()
        self.assertFalse([f for f in files if "junk" in f or "skipme" in f], files)
        self.assertEqual(len(files), count_mail(DEMO) - 2)
        self.assertFalse([f for f in files if "junk" in f or "skipme" in f], files)
        # A malformed pattern stops the run, as it stops notmuch new.
        self.users_database("[new]\nignore=/junk\n")
        p = self.e.run("index", "--maildir", self.e.maildir, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("new.ignore", p.stderr)

    def test_users_tags_stay(self):
        self.users_database()
        self.e.index()
        ordinary = self.e.notmuch("search", "--output=messages", "property:bounceview.kind=none").split()
        self.assertTrue(ordinary)
        victim = ordinary[0]
        bounced = self.e.notmuch("search", "--output=messages", "tag:bounce-hard").split()[0]
        self.e.notmuch("tag", "+bounce", "+bounce-soft", "--", victim)
        self.e.notmuch("tag", "+bounce-soft", "--", bounced)
        # A new parser version parses everything again.
        props = self.e.notmuch("dump", "--include=properties")
        subprocess.run([NOTMUCH, "restore", "--include=properties"],
                       input=re.sub(r"bounceview\.version=\d+", "bounceview.version=0", props),
                       env=dict(self.e.env, NOTMUCH_CONFIG=self.e.nm_config), text=True, check=True)
        self.e.index()
        tags = lambda m: set(self.e.notmuch("search", "--output=tags", m).split())
        self.assertLessEqual({"bounce", "bounce-soft"}, tags(victim))
        self.assertIn("bounce-soft", tags(bounced))

    def test_creates_users_database_like_notmuch_new(self):
        # A notmuch configuration whose database was never made: notmuch
        # new would make it, and so does bounceview index.
        self.users_database("[new]\ntags=fresh;\n", make=False)
        # Creating the database makes libnotmuch leak once (tests/lsan.supp);
        # under AddressSanitizer that is the library's, not ours.
        self.e.env["LSAN_OPTIONS"] = "fast_unwind_on_malloc=0:suppressions=" + os.path.join(
            SRC, "tests", "lsan.supp")
        self.e.index()
        self.assertTrue(os.path.isdir(os.path.join(self.e.maildir, ".notmuch", "xapian")))
        self.assertEqual(int(self.e.notmuch("count", "tag:fresh").strip()), count_mail(DEMO))
        self.assertGreater(int(self.e.notmuch("count", "tag:bounce").strip()), 0)

    def test_as_post_new_hook(self):
        # The hook line README offers: bounceview runs after notmuch new.
        self.users_database()
        hooks = os.path.join(self.e.maildir, ".notmuch", "hooks")
        os.makedirs(hooks, exist_ok=True)
        with open(os.path.join(hooks, "post-new"), "w") as f:
            f.write("#!/bin/sh\nexec %s index --maildir %s\n" % (os.path.abspath(BV), self.e.maildir))
        os.chmod(os.path.join(hooks, "post-new"), 0o755)
        subprocess.run([NOTMUCH, "new", "--quiet"], env=self.e.env, check=True, timeout=120)
        self.assertGreater(int(self.e.notmuch("count", "tag:bounce").strip()), 0)

    def test_shared_message_id_all_counted(self):
        # Two different reports under one Message-ID (a sender reusing ids)
        # and a copy of one of them: notmuch keeps one message with three
        # files; every address scan finds is in the export.
        cur = os.path.join(self.e.maildir, "cur")
        reports = [bvtest.dsn_report([bvtest.dsn_recipient(a, "5.1.1", "550 5.1.1 no such user")],
                                     "<reused@mx.example.org>")
                   for a in ("first@reused.example", "second@reused.example")]
        for i, text in enumerate(reports + reports[:1]):
            with open(os.path.join(cur, "1700000%03d.M1P1.reused:2,S" % i), "w") as f:
                f.write(text)
        self.e.index()
        self.assertEqual(self.e.notmuch("count", "id:reused@mx.example.org").strip(), "1")
        scanned = {r["recipient"].lower() for r in self.e.scan()
                   if r["kind"] != "none" and r.get("action") not in SUCCESS_ACTIONS and r.get("recipient")}
        exported = {json.loads(l)["address"] for l in
                    self.e.run("export", "--no-index", "--maildir", self.e.maildir, "--format=jsonl").stdout.splitlines()}
        self.assertIn("second@reused.example", scanned)
        self.assertEqual(exported, scanned)
        history = [l for l in lines(self.e.dump(), "history") if "@reused.example" in l]
        self.assertEqual(len(history), 2, history)  # the copy adds nothing
        # One of the files goes: its bounce goes with it.
        os.remove(os.path.join(cur, "1700000001.M1P1.reused:2,S"))
        time.sleep(1.1)
        self.e.index()
        exported = {json.loads(l)["address"] for l in
                    self.e.run("export", "--no-index", "--maildir", self.e.maildir, "--format=jsonl").stdout.splitlines()}
        self.assertNotIn("second@reused.example", exported)
        self.assertIn("first@reused.example", exported)

    def test_own_tags_come_off(self):
        # A report replaced by an ordinary mail with its Message-ID: the
        # tags bounceview put on come off again, a user's tag stays.
        cur = os.path.join(self.e.maildir, "cur")
        report = bvtest.dsn_report([bvtest.dsn_recipient("gone@replaced.example", "5.1.1", "550 5.1.1 unknown")],
                                   "<replaced@mx.example.org>")
        with open(os.path.join(cur, "1700000100.M1P1.replaced:2,S"), "w") as f:
            f.write(report)
        self.e.index()
        tags = lambda: set(self.e.notmuch("search", "--output=tags", "id:replaced@mx.example.org").split())
        self.assertLessEqual({"bounce", "bounce-hard"}, tags())
        self.e.notmuch("tag", "+bounce-soft", "--", "id:replaced@mx.example.org")
        os.remove(os.path.join(cur, "1700000100.M1P1.replaced:2,S"))
        with open(os.path.join(cur, "1700000101.M1P1.replaced:2,S"), "w") as f:
            f.write("From: Ann <ann@example.org>\nTo: bob@example.org\nSubject: lunch\n"
                    "Message-ID: <replaced@mx.example.org>\nDate: Mon, 2 Jan 2023 10:00:00 +0000\n\n"
                    "Lunch at noon?\n")
        time.sleep(1.1)
        self.e.index()
        self.assertNotIn("bounce", tags())
        self.assertNotIn("bounce-hard", tags())
        self.assertIn("bounce-soft", tags())

    def test_flag_change_updates_tags(self):
        self.e.index()
        cur = os.path.join(self.e.maildir, "cur")
        seen = next(n for n in sorted(os.listdir(cur)) if n.endswith(",S"))
        mid = next(r["message_id"] for r in self.e.scan() if r["file"].endswith(seen)).strip("<>")
        tags = lambda: set(self.e.notmuch("search", "--output=tags", "id:" + mid).split())
        self.assertNotIn("unread", tags())
        # Marked unread in the mail client: the S flag goes from the name.
        os.rename(os.path.join(cur, seen), os.path.join(cur, seen[:-1]))
        time.sleep(1.1)
        self.assertEqual(stats(self.e.index().stdout)[1], 1)
        self.assertIn("unread", tags())
        # And read again.
        os.rename(os.path.join(cur, seen[:-1]), os.path.join(cur, seen[:-1] + "RS"))
        time.sleep(1.1)
        self.e.index()
        self.assertNotIn("unread", tags())

    def test_triage_marks_as_after_notmuch_new(self):
        # Auto-replies the candidate query misses (only the engine's triage
        # flags them), with Message-IDs that need quoting in a query or
        # none at all: indexed cold by bounceview alone, and by `notmuch new`
        # first, they get the same candidate marks, cache entries and tags;
        # so do later ones, a reply in their thread and a second copy.
        def auto_reply(k, mid, reply_to=""):
            return ("From: Hans <hans%d@example.de>\nTo: me@example.com\nSubject: Abwesend %d\n%s%s"
                    "Auto-Submitted: auto-replied\nDate: Tue, 2 Jan 2024 10:00:00 +0000\n\n"
                    "Ich bin bis Montag nicht im Haus.\n" % (k, k, "Message-ID: %s\n" % mid if mid else "",
                                                             "In-Reply-To: %s\n" % reply_to if reply_to else ""))

        ids = ['<q"uote@example.com>', "plain id with spaces", "<%s@example.com>" % ("y" * 300),
               "<paren)(x@example.com>", "<a@b> <c@d>", ""]
        alone, first = self.e, Env()
        # The over-long Message-ID makes libnotmuch leak (tests/lsan.supp).
        for e in (alone, first):
            e.env["LSAN_OPTIONS"] = "fast_unwind_on_malloc=0:suppressions=" + os.path.join(SRC, "tests", "lsan.supp")
        try:
            dumps = []
            for e, notmuch_first in ((alone, False), (first, True)):
                cur = os.path.join(e.maildir, "cur")
                for k, mid in enumerate(ids):
                    with open(os.path.join(cur, "1700000200.M%dP1.auto:2,S" % k), "w") as f:
                        f.write(auto_reply(k, mid))
                if notmuch_first:
                    env = dict(e.env, NOTMUCH_CONFIG=e.nm_config)
                    subprocess.run([NOTMUCH, "new", "--quiet"], env=env, check=True, timeout=120)
                e.index()
                time.sleep(1.1)
                shutil.copy(os.path.join(cur, "1700000200.M0P1.auto:2,S"), os.path.join(e.maildir, "new", "copy"))
                with open(os.path.join(e.maildir, "new", "later"), "w") as f:
                    f.write(auto_reply(9, '<later."x"@example.org>', "plain id with spaces"))
                if notmuch_first:
                    subprocess.run([NOTMUCH, "new", "--quiet"], env=env, check=True, timeout=120)
                e.index()
                dumps.append(e.notmuch("dump", "--include=tags", "--include=properties"))
                marked = e.notmuch("count", "property:bounceview.candidate=1 and subject:abwesend").strip()
                self.assertEqual(marked, str(len(ids) + 1))
            self.assertEqual(sorted(dumps[0].splitlines()), sorted(dumps[1].splitlines()))
        finally:
            first.cleanup()


if __name__ == "__main__":
    unittest.main(verbosity=2)
