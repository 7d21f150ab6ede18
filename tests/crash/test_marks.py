#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No crash and no second process may lose a mark.

- `suppress add` / `suppress remove` / `suppress compact` killed at random
  moments: after every kill the store file and its journal are whole
  (records after the journal's last commit aside) and hold exactly the
  state before the command or the state after it, and what a command
  reported saved (exit status 0) is there.  The store starts with a few
  thousand marks, so that folding the journal in takes a while, and the
  journal is folded in by `compact` and when it grows past its limit.
- Two and four processes marking at once, with different and overlapping
  addresses, adding and removing: the end state is exactly the union of
  what each asked.
- Marks survive re-indexing, a rebuilt database and a rebuild killed half
  way, with their cause, date, source and note unchanged, and still apply
  (`export` shows them marked).

tests/index/test_index.py checks one add and one remove across a rebuilt
database; test-suppress.c the store's format.
"""
import json, os, random, subprocess, threading, time, unittest

from crashenv import BV, NOTMUCH, Home, kill_after, kill_at_progress, read_store


def batch(prefix, n, size):
    return ["%s%d.%d@crash.example" % (prefix, n, i) for i in range(size)]


class MarkKillTest(unittest.TestCase):
    def setUp(self):
        self.h = Home()

    def tearDown(self):
        self.h.cleanup()

    def timed(self, args):
        t0 = time.monotonic()
        self.h.run(*args)
        return time.monotonic() - t0

    def journal_size(self):
        try:
            return os.path.getsize(self.h.store + ".journal")
        except FileNotFoundError:
            return 0

    def test_kill_while_marking(self):
        rng = random.Random(5)
        for k in range(4):
            self.h.run("suppress", "add", *batch("base%d." % k, 0, 1000))
        # Each kind of command's usual time, to spread the kills over a
        # whole one; updated from the commands that finish, as the store
        # grows and some adds fold the journal in.
        took = {"add": [self.timed(["suppress", "add", *batch("warm", k, 20)]) for k in range(3)],
                "compact": [self.timed(["suppress", "compact"]) for k in range(3)]}
        took["remove"] = took["add"]
        state = read_store(self.h.store)
        outcomes = {"old": 0, "new": 0, "saved": 0}
        compacts = folded = 0
        # Notes long enough that the journal passes its limit (256 KiB)
        # during the run, so writers fold it in by themselves too.
        note = "n" * 1500
        for n in range(90):
            extra = []
            if n % 13 == 12:
                op, addrs, new = "compact", [], state
            elif n % 3 == 2 and len(state) > 40:
                op, addrs = "remove", rng.sample(sorted(state), 15)
                new = state - set(addrs)
            else:
                op, addrs, extra = "add", batch("a", n, 25), ["--note", note]
                new = state | set(addrs)
            typical = max(sorted(took[op])[len(took[op]) // 2], max(took[op][-3:]))
            journal_before = self.journal_size()
            args = [BV, "suppress", op, *extra, *addrs]
            t0 = time.monotonic()
            p = subprocess.Popen(args, env=self.h.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            # Every fifth command runs to its end: commands that finish
            # fold the journal in when it passed its limit.
            wait = None if n % 5 == 4 else rng.uniform(0.0, 1.3) * typical
            try:
                p.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
            err = p.stderr.read()
            p.stderr.close()
            after = read_store(self.h.store)  # whole, or it raises
            if p.returncode == 0:
                took[op].append(time.monotonic() - t0)
                self.assertEqual(after, new, "%s %d reported success but the store differs" % (op, n))
                outcomes["saved"] += 1
                compacts += op == "compact"
                folded += op != "compact" and self.journal_size() < journal_before
            else:
                self.assertEqual(p.returncode, -9, err)
                self.assertIn(after, (state, new), "%s %d killed: neither the old nor the new state" % (op, n))
                outcomes["old" if after == state and state != new else "new"] += 1
            self.assertEqual(set(self.h.marks()), after)
            state = after
        # The journal was folded in, by `compact` and by writers
        # themselves when it passed its limit.
        outcomes.update(compacts=compacts, folded=folded)
        self.assertGreater(compacts, 0, outcomes)
        self.assertGreater(folded, 0, outcomes)
        # The kills landed before and after the commit point, and some
        # commands finished.
        self.assertGreater(outcomes["old"], 0, outcomes)
        self.assertGreater(outcomes["saved"], 5, outcomes)


class ConcurrentMarkTest(unittest.TestCase):
    def setUp(self):
        self.h = Home()

    def tearDown(self):
        self.h.cleanup()

    def worker(self, name, commands, errors):
        for args in commands:
            p = self.h.run(*args, check=False)
            if p.returncode != 0:
                errors.append("%s: %s: %s" % (name, " ".join(args[:2]), p.stderr))

    def race(self, workers):
        errors, threads = [], []
        for name, commands in workers.items():
            threads.append(threading.Thread(target=self.worker, args=(name, commands, errors)))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])

    def plan(self, name, n, expected):
        """N commands: own batches added, a shared batch added with this
        worker's note, and every third command the first two of the
        previous own batch removed."""
        commands = []
        for k in range(n):
            own = batch(name, k, 6)
            shared = batch("shared", k % 8, 3)
            commands.append(["suppress", "add", "--note", name, *own, *shared])
            expected.update(own + shared)
            if k % 3 == 2:
                gone = batch(name, k - 1, 6)[:2]
                commands.append(["suppress", "remove", *gone])
                expected.difference_update(gone)
        return commands

    def check(self, expected):
        self.h.run("suppress", "compact")
        marks = self.h.marks()
        self.assertEqual(set(marks), expected)
        with open(self.h.store) as f:
            self.assertEqual(len(f.read().splitlines()) - 1, len(expected), "an address marked twice")

    def test_two_processes(self):
        expected = set()
        self.race({w: self.plan(w, 30, expected) for w in ("x", "y")})
        self.check(expected)
        # A shared address keeps the first mark made: one of the two notes.
        self.assertIn(self.h.marks()["shared0.0@crash.example"]["note"], ("x", "y"))

    def test_four_processes_and_removes_of_each_other(self):
        # Marks made before the race, which the fourth process removes
        # while the others add: a remove working from a stale copy of the
        # store would bring them back or drop the others' new marks.
        old = [batch("old", k, 5) for k in range(10)]
        for addrs in old:
            self.h.run("suppress", "add", *addrs)
        expected = set()
        workers = {w: self.plan(w, 20, expected) for w in ("p", "q", "r")}
        workers["s"] = [["suppress", "remove", *addrs] for addrs in old]
        self.race(workers)
        self.check(expected)


@unittest.skipUnless(NOTMUCH, "needs the notmuch CLI")
class MarksAcrossIndexTest(unittest.TestCase):
    """The marks belong to the person, not to the database."""

    def setUp(self):
        self.h = Home(600, seed=3)
        self.h.index()

    def tearDown(self):
        self.h.cleanup()

    def store_bytes(self):
        """The store and its journal as they are on disk."""
        out = []
        for path in (self.h.store, self.h.store + ".journal"):
            try:
                with open(path, "rb") as f:
                    out.append(f.read())
            except FileNotFoundError:
                out.append(None)
        return out

    def export(self):
        return self.h.run("export", "--no-index", "--maildir", self.h.maildir, "--format=jsonl").stdout

    def test_rebuilt_killed_and_reindexed(self):
        h = self.h
        h.run("suppress", "add", "--maildir", h.maildir, "--proposed")
        first = sorted(json.loads(l)["address"] for l in self.export().splitlines())[:3]
        h.run("suppress", "add", "--maildir", h.maildir, "--note", "by hand", *first)
        h.run("suppress", "add", "--note", "never bounced", "nobody@crash.example")
        marks, export = h.marks(), self.export()
        self.assertGreater(len(marks), 30)
        self.assertGreater(export.count('"marked": true'), 30)
        store = self.store_bytes()

        # Re-indexing with new mail changes no mark.
        extra = Home(60, seed=9)
        try:
            for d in ("cur", "new"):
                for name in os.listdir(os.path.join(extra.maildir, d)):
                    os.rename(os.path.join(extra.maildir, d, name), os.path.join(h.maildir, d, "x" + name))
        finally:
            extra.cleanup()
        time.sleep(1.1)  # directory times are in seconds
        h.index()
        self.assertEqual(h.marks(), marks)

        # A rebuilt database, its first run killed half way through parsing.
        h.drop_database()
        kill_at_progress(h.index_args("--verbose"), h.env, "parse", 0.5)
        self.assertEqual(h.marks(), marks)
        h.index()
        self.assertEqual(h.marks(), marks)
        self.assertEqual(self.store_bytes(), store, "re-indexing rewrote the store")
        # Still applied: every address marked before is marked in the export.
        after = {json.loads(l)["address"]: json.loads(l)["marked"] for l in self.export().splitlines()}
        for line in export.splitlines():
            row = json.loads(line)
            if row["marked"]:
                self.assertTrue(after[row["address"]], row["address"])

    def test_marking_while_indexing(self):
        """Marks made while a rebuild runs (its database not there yet, then
        half written) are all kept."""
        h = self.h
        h.drop_database()
        p = subprocess.Popen(h.index_args(), env=h.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        added = []
        try:
            for k in range(15):
                addrs = batch("during", k, 4)
                r = h.run("suppress", "add", "--maildir", h.maildir, *addrs, check=False)
                self.assertEqual(r.returncode, 0, r.stderr)
                added += addrs
                time.sleep(0.05)
        finally:
            _, err = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 0, err)
        self.assertEqual(set(h.marks()), set(added))


if __name__ == "__main__":
    unittest.main(verbosity=2)
