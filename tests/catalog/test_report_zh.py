#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The fix report (`export --format report`) in Chinese reads as Chinese:
whole sentences with full-width punctuation, never English separators
glued to translated pieces ("3 个地址, 5 封退信.").  The English report is
checked word for word by tests/export (golden file).
"""
import os, re, shutil, subprocess, sys, tempfile, unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bvtest

BV = os.environ.get("BOUNCEVIEW", "build/cli/bounceview")
SRC = os.environ.get("BOUNCEVIEW_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
CJK = "\u4e00-\u9fff"


class ChineseReport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="bv-report-zh-")
        env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARS}
        for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                         ("XDG_CACHE_HOME", "cache")):
            env[var] = os.path.join(cls.dir, sub)
            os.makedirs(env[var])
        env["NOTMUCH_CONFIG"] = os.path.join(cls.dir, "no-notmuch-config")
        maildir = os.path.join(cls.dir, "maildir")
        bvtest.copy_maildir(os.path.join(SRC, "demo", "maildir"), maildir)
        store = os.path.join(cls.dir, "suppressions.tsv")
        subprocess.run([BV, "index", "--maildir", maildir], env=dict(env, LC_ALL="C.UTF-8"),
                       check=True, capture_output=True)
        subprocess.run([BV, "suppress", "add", "--maildir", maildir, "--store", store, "--",
                        "mark.jensen@example.net"], env=dict(env, LC_ALL="C.UTF-8"), check=True,
                       capture_output=True)
        r = subprocess.run([BV, "export", "--maildir", maildir, "--store", store, "--format", "report"],
                           env=dict(env, LANG="zh_CN.UTF-8"), check=True, capture_output=True)
        cls.report = r.stdout.decode("utf-8")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_summary_is_one_sentence(self):
        self.assertRegex(self.report, r"\n共 \d+ 个地址、\d+ 封退信，时间从 \d{4}-\d\d-\d\d 到 \d{4}-\d\d-\d\d。\n")

    def test_no_ascii_separators_after_chinese(self):
        bad = [l for l in self.report.splitlines()
               if not l.startswith(">")  # the server's own words, quoted as they came
               and re.search(rf"[{CJK}）]\s*[,.;:](\s|$)|[，。；：]\s", l)]
        self.assertEqual(bad, [])

    def test_address_lines(self):
        line = next(l for l in self.report.splitlines() if l.startswith("- mark.jensen@example.net"))
        self.assertRegex(line, r"^- mark\.jensen@example\.net：\d+ 封退信，最近一次 [\d-]+，5\.1\.1，已标记停发$")

    def test_cause_sections(self):
        self.assertIn("### 收件人地址不存在（`userunknown`）", self.report)
        self.assertRegex(self.report, r"\n处理方：收件方。对这些地址：立即停发该地址。\n")
        self.assertRegex(self.report, r"\n\*\*地址\*\*（\d+ 个）\n")
        # Lists of failed checks use the Chinese enumeration comma.
        self.assertIn("未通过的检查：SPF、DKIM。", self.report)


if __name__ == "__main__":
    unittest.main(verbosity=2)
