#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""SIGKILL during a cold `bounceview index` of 2,000 messages, at many points.

Each kill starts from no database and stops the run at one point, chosen by
elapsed time (a share of a clean run's time) or by what the progress bar
says (the phase and how much of it is done).  After each: the database
opens (`notmuch count`, and bounceview reads it), one more `bounceview
index` succeeds, and what a user can see -- every address's row in
`export`, the policy's proposals, each message's tags and cached result --
is what one clean run gives.  Some kills also kill that next run once.

The Maildir has, besides make-maildir.py's mail, mail only the engine's
triage flags (it gets the candidate mark in the triage phase) and second
copies of bounces (parsed again in the parse phase):
crashenv.add_triage_only_mail().  The phases a kill can hit: indexing (each
new file with its tags and, when the triage flags its head, its cache
entry), looking for reports (the candidate marks), parsing reports (the
candidates not cached at indexing).

Two kinds of database: bounceview's own as it makes it, which commits once
at the end (so the kills that matter are during creation and the final
commit), and one whose notmuch `database.autocommit` is 20, so that a kill
leaves a database with part of the files and part of the results committed.
tests/index/test_index.py has the plain case (8 kills, one rerun, same as
clean); this adds the points, the checks after every kill and the commits.
"""
import os, random, shutil, subprocess, time, unittest

from crashenv import BV, NOTMUCH, Home, kill_after, kill_at_progress, state_difference

MESSAGES = int(os.environ.get("BV_CRASH_MESSAGES", "2000"))


@unittest.skipUnless(NOTMUCH, "needs the notmuch CLI")
class IndexKillTest(unittest.TestCase):
    maxDiff = 4000

    @classmethod
    def setUpClass(cls):
        cls.h = Home(MESSAGES, extra=True)
        t0 = time.monotonic()
        cls.h.index()
        cls.clean_seconds = time.monotonic() - t0
        cls.clean = cls.h.state()
        # A database made on an empty Maildir, set to commit every 20
        # atomic sections (notmuch stores the setting in the database).
        empty = Home()
        try:
            empty.index()
            empty.notmuch("config", "set", "--database", "database.autocommit", "20")
            cls.template = os.path.join(cls.h.root, "autocommit-20")
            shutil.copytree(empty.db_dir(), cls.template)
        finally:
            empty.cleanup()

    @classmethod
    def tearDownClass(cls):
        cls.h.cleanup()

    def fresh(self, autocommit):
        self.h.drop_database()
        if autocommit:
            shutil.copytree(self.template, self.h.db_dir())

    def check_after_kill(self):
        """The database a kill left opens, for notmuch and for bounceview."""
        if os.path.isdir(os.path.join(self.h.db_dir(), "xapian")):
            p = self.h.notmuch("count", "*", check=False)
            self.assertEqual(p.returncode, 0, "notmuch cannot open the database: " + p.stderr)
        p = self.h.run("export", "--no-index", "--maildir", self.h.maildir, "--format=jsonl", check=False)
        if p.returncode != 0:
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertIn("has not been indexed yet", p.stderr)

    def converge(self, rng, kill_rerun):
        """One more run (itself killed once first when KILL_RERUN) gives the
        clean run's state."""
        if kill_rerun:
            kill_after(self.h.index_args(), self.h.env, rng.uniform(0.1, 0.6) * self.clean_seconds)
            self.check_after_kill()
        p = self.h.index(check=False)
        self.assertEqual(p.returncode, 0, "the run after a kill failed: " + p.stderr)
        self.assertEqual(state_difference(self.h.state(), self.clean), "")

    def run_points(self, points, autocommit, seed):
        rng = random.Random(seed)
        kills = 0
        for i, (how, arg) in enumerate(points):
            with self.subTest(how=how, at=arg, autocommit=autocommit):
                self.fresh(autocommit)
                args = self.h.index_args("--verbose")
                if how == "seconds":
                    killed = kill_after(args, self.h.env, arg)
                elif how == "share":
                    killed = kill_after(args, self.h.env, arg * self.clean_seconds)
                else:
                    killed = kill_at_progress(args, self.h.env, how, arg)
                kills += killed
                self.check_after_kill()
                self.converge(rng, kill_rerun=i % 3 == 2)
        # A run that got to its end before the kill is not a failure, but
        # most points must have interrupted one.
        self.assertGreaterEqual(kills, len(points) * 2 // 3)

    def test_own_database(self):
        points = [("share", 0.2), ("share", 0.45), ("share", 0.7), ("share", 0.9), ("index", 0.5),
                  ("index", 1.0), ("triage", 0.5), ("parse", 0.5), ("parse", 1.0)]
        self.run_points(points, autocommit=False, seed=11)

    def test_partial_commits(self):
        points = [("index", 0.1), ("index", 0.5), ("index", 0.9), ("triage", 0.0), ("triage", 0.5),
                  ("parse", 0.3), ("parse", 0.7), ("parse", 1.0), ("share", 0.8)]
        self.run_points(points, autocommit=True, seed=12)

    def test_autocommit_alone_changes_nothing(self):
        """The comparison point of test_partial_commits: a clean run on the
        autocommit database gives the same state."""
        self.fresh(True)
        self.h.index()
        self.assertEqual(state_difference(self.h.state(), self.clean), "")


@unittest.skipUnless(NOTMUCH, "needs the notmuch CLI")
class CreateKillTest(unittest.TestCase):
    """Kills in the first few tens of milliseconds of the first index of a
    Maildir, while notmuch creates the database (100 messages: only the
    start matters)."""

    def test_kill_while_creating(self):
        h = Home(100)
        try:
            h.index()
            clean = h.state()
            for ms in range(4, 64, 4):
                with self.subTest(ms=ms):
                    h.drop_database()
                    kill_after(h.index_args(), h.env, ms / 1000)
                    p = h.index(check=False)
                    self.assertEqual(p.returncode, 0, "the run after a kill at %d ms failed: %s" % (ms, p.stderr))
                    self.assertEqual(state_difference(h.state(), clean), "")
        finally:
            h.cleanup()


if __name__ == "__main__":
    unittest.main(verbosity=2)
