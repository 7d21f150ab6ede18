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

    def __init__(self, copies=1):
        self.root = tempfile.mkdtemp(prefix="bv-index-")
        self.maildir = os.path.join(self.root, "Maildir")
        if copies == 1:
            # Without the database the Quick start leaves in the demo Maildir.
            shutil.copytree(DEMO, self.maildir, ignore=shutil.ignore_patterns(".notmuch"))
        else:
            make_big_maildir(self.maildir, copies)
        self.env = bvtest.sandbox_env(self.root, BOUNCEVIEW_LOCK_TIMEOUT="5")
        # A notmuch configuration for the notmuch CLI only, to look at tags.
        self.nm_config = bvtest.notmuch_cli_config(self.root, self.maildir)

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def run(self, *args, check=True, **kw):
        kw.setdefault("timeout", 120)
        p = subprocess.run([BV, *args], env=self.env, capture_output=True, text=True, **kw)
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
        self.assertEqual(s[:4], (1, 1, 1, 1))
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


if __name__ == "__main__":
    unittest.main(verbosity=2)
