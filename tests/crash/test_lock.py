#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bounceview and `notmuch new` (or a second bounceview) on one database.

- `bounceview index` started while `notmuch new` indexes the same database
  says it is waiting, then finishes, and the result is a clean run's.
- `notmuch new` started while `bounceview index` runs waits (notmuch's own
  retry) and then finds nothing new; again the clean result.
- Two `bounceview index` at once: the second waits with the message.
- A lock kept past BOUNCEVIEW_LOCK_TIMEOUT gives a clear failure in about
  that time; reading and marking are never blocked.

tests/index/test_index.py covers --lock-timeout against a helper holding
the lock; this covers the real `notmuch new`, the environment variable and
the other commands that write.
"""
import os, subprocess, time, unittest

from crashenv import BV, HELPER, NOTMUCH, Home, state_difference

MESSAGES = int(os.environ.get("BV_CRASH_MESSAGES", "2000"))
WAITING = "locked by another process"


def wait_for_lock(h, proc, seconds=30):
    """Waits until PROC has made the database and holds its write lock (the
    flintlock file exists and notmuch's count can tell the database)."""
    flint = os.path.join(h.db_dir(), "xapian", "flintlock")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if os.path.exists(flint) and os.path.exists(os.path.join(h.db_dir(), "xapian", "iamglass")):
            time.sleep(0.15)
            return proc.poll() is None
        time.sleep(0.01)
    return False


@unittest.skipUnless(NOTMUCH, "needs the notmuch CLI")
class NotmuchNewTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.h = Home(MESSAGES, seed=21, extra=True)
        cls.h.index()
        cls.clean = cls.h.state()

    @classmethod
    def tearDownClass(cls):
        cls.h.cleanup()

    def index_during(self, first_args, first_env):
        """Starts FIRST_ARGS on a database made anew, runs `bounceview index`
        while it holds the lock, and checks both succeed and that the second
        said once that it waits."""
        h = self.h
        h.drop_database()
        first = subprocess.Popen(first_args, env=first_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)
        raced = wait_for_lock(h, first)
        second = h.index("--lock-timeout", "120", check=False, timeout=180)
        out, err = first.communicate(timeout=120)
        self.assertEqual(first.returncode, 0, err)
        self.assertEqual(second.returncode, 0, second.stderr)
        if raced:
            self.assertIn(WAITING, second.stderr)
            self.assertIn("waiting", second.stderr)
            self.assertEqual(len(second.stderr.splitlines()), 1, "one waiting line, not one a second")

    def test_index_while_notmuch_new(self):
        self.index_during([NOTMUCH, "new", "--quiet"], self.h.nm_env)
        self.assertEqual(state_difference(self.h.state(), self.clean), "")

    def test_same_tags_as_notmuch_new(self):
        h = self.h
        h.drop_database()
        h.notmuch("new", "--quiet")
        h.index()
        self.assertEqual(state_difference(h.state(), self.clean), "")

    def test_notmuch_new_while_index(self):
        h = self.h
        h.drop_database()
        bv = subprocess.Popen(h.index_args(), env=h.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        raced = wait_for_lock(h, bv)
        nm = h.notmuch("new", check=False)
        out, err = bv.communicate(timeout=120)
        self.assertEqual(bv.returncode, 0, err)
        self.assertEqual(nm.returncode, 0, nm.stderr)
        if raced:
            # bounceview recorded the directories and files: nothing new.
            self.assertIn("No new mail", nm.stdout)
        self.assertEqual(state_difference(h.state(), self.clean), "")

    def test_two_index_runs(self):
        self.index_during(self.h.index_args(), self.h.env)
        self.assertEqual(state_difference(self.h.state(), self.clean), "")


@unittest.skipUnless(NOTMUCH and HELPER, "needs the notmuch CLI and index-helper")
class LockTimeoutTest(unittest.TestCase):
    """A lock held longer than the timeout (index-helper keeps it until its
    standard input closes)."""

    @classmethod
    def setUpClass(cls):
        cls.h = Home(100, seed=22)
        cls.h.index()
        cls.env = dict(cls.h.env, BOUNCEVIEW_LOCK_TIMEOUT="2")
        cls.holder = subprocess.Popen([HELPER, "lock", cls.h.maildir], env=cls.h.env, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True)
        assert cls.holder.stdout.readline().strip() == "locked"

    @classmethod
    def tearDownClass(cls):
        cls.holder.stdin.close()
        cls.holder.wait()
        cls.holder.stdout.close()
        cls.h.cleanup()

    def timed(self, *args):
        t0 = time.monotonic()
        p = self.h.run(*args, env=self.env, check=False, timeout=60)
        return p, time.monotonic() - t0

    def test_index_gives_up_after_env_timeout(self):
        p, took = self.timed("index", "--maildir", self.h.maildir)
        self.assertEqual(p.returncode, 1)
        self.assertGreaterEqual(took, 1.9)
        self.assertLess(took, 10)
        lines = p.stderr.splitlines()
        self.assertEqual(len(lines), 2, p.stderr)
        self.assertIn("waiting", lines[0])
        self.assertIn(WAITING, lines[1])
        self.assertIn("gave up after 2 s", lines[1])

    def test_reading_and_marking_not_blocked(self):
        for args in (["export", "--no-index", "--maildir", self.h.maildir, "--format=jsonl"],
                     ["suppress", "propose", "--maildir", self.h.maildir],
                     ["suppress", "add", "--maildir", self.h.maildir, "locked@crash.example"],
                     ["suppress", "remove", "locked@crash.example"]):
            p, took = self.timed(*args)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertLess(took, 1.5, args)

    def test_export_fails_clearly(self):
        p, took = self.timed("export", "--maildir", self.h.maildir, "--format=jsonl")
        self.assertEqual(p.returncode, 1)
        self.assertLess(took, 10)
        self.assertIn(WAITING, p.stderr)
        self.assertIn("gave up after 2 s", p.stderr)

    def test_export_says_it_waits(self):
        p = subprocess.Popen([BV, "export", "--maildir", self.h.maildir, "--format=jsonl"], env=self.env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # The first line must come while it waits, not with the failure.
        t0 = time.monotonic()
        first = p.stderr.readline()
        took = time.monotonic() - t0
        p.stderr.read()
        p.stderr.close()
        p.wait(timeout=30)
        self.assertIn("waiting", first)
        self.assertLess(took, 1.5)


if __name__ == "__main__":
    unittest.main(verbosity=2)
