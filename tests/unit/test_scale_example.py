#!/usr/bin/env python3
"""The README's example of scanning many mbox shards (section "Bounces on
many servers") works as documented: its commands, taken from README.md and
run as they are with bash, count the failed recipients per cause exactly as
one `scan` of all shards does, and the JSON records of the shards are those
of the single scan but for their `file` field.  Needs jq (scripts/deps.txt).
"""
import collections, json, os, re, shutil, subprocess, sys, tempfile, unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bvtest

SRC = os.environ.get("BOUNCEVIEW_SOURCE_DIR",
                     os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def readme_block(marker):
    """The ```sh block that follows <!-- MARKER --> in README.md."""
    with open(os.path.join(SRC, "README.md"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"<!-- %s -->\n```sh\n(.*?)```" % re.escape(marker), text, re.S)
    assert m, "README.md has no block marked %s" % marker
    return m.group(1)


def write_shards(root, maildir, count):
    """Splits the Maildir's messages over COUNT mbox files, round robin."""
    os.makedirs(os.path.join(root, "shards"))
    outs = [open(os.path.join(root, "shards", "server-%02d.mbox" % i), "wb") for i in range(count)]
    names = [os.path.join(maildir, sub, n) for sub in ("new", "cur")
             if os.path.isdir(os.path.join(maildir, sub))
             for n in sorted(os.listdir(os.path.join(maildir, sub)))]
    for i, path in enumerate(names):
        with open(path, "rb") as f:
            body = f.read()
        out = outs[i % count]
        out.write(b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n")
        out.write(re.sub(rb"(?m)^From ", b">From ", body))
        out.write(b"\n" if body.endswith(b"\n") else b"\n\n")
    for out in outs:
        out.close()


class ScaleExample(unittest.TestCase):
    def setUp(self):
        self.assertIsNotNone(shutil.which("jq"), "jq is not installed: run scripts/setup (scripts/deps.txt)")
        self.tmp = tempfile.TemporaryDirectory()
        root = self.tmp.name
        maildir = os.path.join(root, "maildir")
        subprocess.run([sys.executable, os.path.join(SRC, "bench", "make-maildir.py"), maildir,
                        "900", "--bounce-share", "0.3"], check=True, capture_output=True)
        write_shards(root, maildir, 7)
        shutil.rmtree(maildir)
        self.env = dict(os.environ, LC_ALL="C.UTF-8",
                        PATH=os.path.dirname(os.path.abspath(bvtest.BV)) + os.pathsep + os.environ["PATH"])

    def tearDown(self):
        self.tmp.cleanup()

    def run_block(self, marker):
        p = subprocess.run(["bash", "-euo", "pipefail", "-c", readme_block(marker)], cwd=self.tmp.name,
                           env=self.env, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stderr, "")
        return p.stdout

    def test_sharded_counts_equal_one_scan(self):
        sharded = self.run_block("scale-example")
        single = self.run_block("scale-single")
        self.assertEqual(sharded, single)
        # And both are what the records say, counted here.
        p = bvtest.run_bv(["scan", "--format=jsonl"] +
                          sorted(os.path.join(self.tmp.name, "shards", n)
                                 for n in os.listdir(os.path.join(self.tmp.name, "shards"))
                                 if n.endswith(".mbox")), env=self.env)
        causes = collections.Counter(r["cause"] for r in map(json.loads, p.stdout.splitlines())
                                     if r["kind"] != "none")
        self.assertGreater(len(causes), 3, "the shards hold bounces of several causes")
        counted = {}
        for line in sharded.splitlines():
            n, cause = line.split()
            counted[cause] = int(n)
        self.assertEqual(counted, dict(causes))
        self.assertEqual(sum(counted.values()), sum(causes.values()))

    def test_records_differ_only_in_file(self):
        self.run_block("scale-example")
        shards = os.path.join(self.tmp.name, "shards")
        mboxes = sorted(n for n in os.listdir(shards) if n.endswith(".mbox"))

        def strip(text):
            out = []
            for line in text.splitlines():
                r = json.loads(line)
                r.pop("file")
                out.append(r)
            return out

        mapped = []
        for name in mboxes:
            with open(os.path.join(shards, name + ".jsonl"), encoding="utf-8") as f:
                mapped += strip(f.read())
        single = bvtest.run_bv(["scan", "--format=jsonl"] + [os.path.join(shards, n) for n in mboxes])
        self.assertEqual(single.returncode, 0, single.stderr)
        self.assertEqual(mapped, strip(single.stdout))


if __name__ == "__main__":
    unittest.main()
