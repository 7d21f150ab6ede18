#!/usr/bin/env python3
"""The model's first open after the database changed reads the old snapshot
and, out of notmuch, only the messages changed since (index/model.c,
load_changed).  Whatever changed, what the model shows must be what a model
read from nothing shows: new mail indexed, a bounce tagged, a bounce's cache
entry dropped, a bounce's file removed.  Each test changes the database
after a first open left a snapshot, opens the model, then removes the
snapshot and opens it again from notmuch alone, and compares the two.
"""
import os, re, shutil, subprocess, sys, time, unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_index import Env, NOTMUCH, DEMO, expected_groups, model_groups, lines


class ModelRefresh(unittest.TestCase):
    def setUp(self):
        self.e = Env()
        self.e.index()
        self.first = self.e.dump()  # leaves the snapshot
        self.snaps = os.path.join(self.e.root, "cache", "bounceview")
        self.assertEqual(len(os.listdir(self.snaps)), 1)

    def tearDown(self):
        self.e.cleanup()

    def tamper_snapshot(self, changed):
        """Marks one record of a message not in CHANGED in the snapshot
        (its action "failed" becomes "tampered"), so that a model that
        reused the snapshot shows it, and one read from notmuch does not."""
        path = os.path.join(self.snaps, os.listdir(self.snaps)[0])
        with open(path, encoding="utf-8") as f:
            head, *records = f.read().splitlines(True)
        for i, line in enumerate(records):
            f = line.split("\t")
            if f[3] == "failed" and f[7] not in changed:
                f[3] = "tampered"
                records[i] = "\t".join(f)
                break
        else:
            self.fail("no record to mark")
        with open(path, "w", encoding="utf-8") as f:
            f.write(head + "".join(records))

    def assertFreshEqualsRefreshed(self, like_scan=True, changed=None):
        """The model after the change equals one read from nothing; with
        CHANGED (the ids of the messages changed), it must also have read
        the other messages out of the old snapshot, not out of notmuch."""
        if changed is not None:
            self.tamper_snapshot(changed)
        refreshed = self.e.dump()
        if changed is not None:
            self.assertIn("\ttampered\t", refreshed, "the old snapshot was not reused")
            refreshed = refreshed.replace("\ttampered\t", "\tfailed\t")
        for f in os.listdir(self.snaps):
            os.remove(os.path.join(self.snaps, f))
        fresh = self.e.dump()
        self.assertEqual(refreshed.splitlines(), fresh.splitlines())
        if like_scan:
            self.assertEqual(model_groups(refreshed), expected_groups(self.e.scan()))
        return refreshed

    def bounced_ids(self, dump):
        return sorted({l.split("\t")[7] for l in lines(dump, "history")})

    def test_new_mail(self):
        # The demo's bounces again under new Message-IDs, as if delivered later.
        new = os.path.join(self.e.maildir, "new")
        for d in ("cur", "new"):
            for name in sorted(os.listdir(os.path.join(DEMO, d)))[:3]:
                with open(os.path.join(DEMO, d, name), "rb") as f:
                    data = f.read()
                data = re.sub(rb"(?im)^(Message-ID:\s*<)", rb"\g<1>later.", data, count=1)
                with open(os.path.join(new, "later." + name), "wb") as f:
                    f.write(data)
        self.e.index()
        after = self.assertFreshEqualsRefreshed(changed=set())
        self.assertGreater(len(lines(after, "history")), len(lines(self.first, "history")))

    def test_bounce_tagged(self):
        victim = self.bounced_ids(self.first)[0]
        self.e.notmuch("tag", "+spam", "+checked", "--", "id:" + victim)
        after = self.assertFreshEqualsRefreshed(changed={victim})
        self.assertIn(victim, self.bounced_ids(after))

    def test_bounce_no_longer_bounced(self):
        # Its cache entry dropped (what a reparse to "no report" leaves):
        # the message changed, and its old records must go.
        victim = self.bounced_ids(self.first)[0]
        env = dict(self.e.env, NOTMUCH_CONFIG=self.e.nm_config)
        props = self.e.notmuch("dump", "--include=properties", "--", "id:" + victim)
        kept = re.sub(r" bounceview\.bounced=1", "", props)
        self.assertNotEqual(kept, props)
        subprocess.run([NOTMUCH, "restore", "--include=properties"], input=kept, env=env, text=True,
                       check=True)
        if "bounceview.bounced=1" in self.e.notmuch("dump", "--include=properties", "--", "id:" + victim):
            self.skipTest("this notmuch's restore keeps properties it is not given")
        # scan still calls it a bounce: only the model's two reads compare.
        after = self.assertFreshEqualsRefreshed(like_scan=False, changed={victim})
        self.assertNotIn(victim, self.bounced_ids(after))

    def test_bounce_removed(self):
        victim = self.bounced_ids(self.first)[0]
        os.remove(self.e.notmuch("search", "--output=files", "id:" + victim).splitlines()[0])
        time.sleep(1.1)
        self.e.index()
        after = self.assertFreshEqualsRefreshed()
        self.assertNotIn(victim, self.bounced_ids(after))


if __name__ == "__main__":
    unittest.main()
