#!/usr/bin/env python3
"""`bounceview explain` and `scan --explain`, in English and Chinese.

Runs the built binary ($BOUNCEVIEW) the way a user does: the language comes
from the usual locale variables only, and the Chinese runs use
LANG=zh_CN.UTF-8 on a machine where no zh_CN locale needs to be installed.
The text output of a few queries is compared with golden files in
golden/; after a deliberate change to the catalog or its translation,
rewrite them with BOUNCEVIEW_UPDATE_GOLDEN=1 meson test explain-cli and
read the diff.
"""
import json, os, sys, tempfile, unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bvtest

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")
LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def run(args, stdin=None, **locale):
    """Runs bounceview with only the locale variables given (others removed)."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARS}
    env.update(locale)
    p = bvtest.run_bv(args, stdin=stdin, env=env)
    return p.returncode, p.stdout, p.stderr


EN = {"LC_ALL": "C.UTF-8"}
ZH = {"LANG": "zh_CN.UTF-8"}


def dsn(recipient, status, diagnostic, remote_mta="mx.example.net"):
    """A small RFC 3464 report written for these tests."""
    return bvtest.dsn_report([bvtest.dsn_recipient(recipient, status, diagnostic, remote_mta)],
                             "<report-%d@mx.example.org>" % abs(hash(recipient + diagnostic))).encode()


class Golden(unittest.TestCase):
    CASES = [
        ("mailboxfull", "en", EN), ("mailboxfull", "zh_CN", ZH),
        ("5.7.1", "en", EN), ("5.7.1", "zh_CN", ZH),
        ("550", "en", EN), ("550", "zh_CN", ZH),
        ("blocked", "en", EN), ("blocked", "zh_CN", ZH),
    ]

    def test_golden(self):
        update = os.environ.get("BOUNCEVIEW_UPDATE_GOLDEN") == "1"
        for query, lang, env in self.CASES:
            with self.subTest(query=query, lang=lang):
                rc, out, err = run(["explain", query], **env)
                self.assertEqual(rc, 0, err)
                path = os.path.join(GOLDEN, f"explain-{query}.{lang}.txt")
                if update:
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(out)
                with open(path, encoding="utf-8") as f:
                    self.assertEqual(out, f.read())


class Explain(unittest.TestCase):
    def test_mailboxfull(self):
        rc, out, _ = run(["explain", "mailboxfull"], **EN)
        self.assertEqual(rc, 0)
        self.assertIn("The recipient's mailbox is full", out)
        self.assertIn("Who must act: the recipient's side", out)
        self.assertIn("suppress the address if it keeps bouncing", out)
        self.assertIn("  1. ", out)
        rc, out, _ = run(["explain", "mailboxfull"], **ZH)
        self.assertIn("收件人邮箱已满", out)
        self.assertIn("需要处理的一方：收件方", out)
        self.assertIn("处理方法：", out)

    def test_status_code(self):
        rc, out, _ = run(["explain", "5.7.1"], **EN)
        self.assertEqual(rc, 0)
        self.assertIn("Class 5 (Permanent failure)", out)
        self.assertIn("Subject x.7 (Security or policy status)", out)
        self.assertIn("Detail x.7.1 (Delivery not authorized, message refused)", out)
        self.assertIn("Usual cause:", out)
        self.assertIn("How to fix it:", out)
        rc, out, _ = run(["explain", "4.2.2"], **EN)
        self.assertIn("Persistent transient failure", out)
        self.assertIn("Mailbox full", out)
        rc, out, _ = run(["explain", "5.7.1"], **ZH)
        self.assertIn("安全或策略状态", out)
        self.assertIn("永久失败", out)

    def test_reply_codes(self):
        for code in ("421", "450", "451", "452", "550", "551", "552", "553", "554"):
            rc, out, _ = run(["explain", code], **EN)
            self.assertEqual(rc, 0, code)
            self.assertTrue(out.startswith(code + ": "), out)
            self.assertIn("Who must act:", out)
        rc, out, _ = run(["explain", "550"], **EN)
        self.assertIn("mailbox unavailable", out)
        self.assertIn("Usual cause: userunknown", out)
        rc, out, _ = run(["explain", "552"], **EN)
        self.assertIn("Usual cause: mailboxfull", out)
        rc, out, _ = run(["explain", "550"], **ZH)
        self.assertIn("邮箱不可用", out)
        self.assertIn("收件人地址不存在", out)

    def test_json(self):
        rc, out, _ = run(["explain", "--format=json", "5.7.1", "mailboxfull", "550"], **EN)
        self.assertEqual(rc, 0)
        recs = [json.loads(l) for l in out.splitlines()]
        self.assertEqual([r["type"] for r in recs], ["status", "cause", "reply"])
        self.assertEqual(recs[0]["subject"]["name"], "Security or policy status")
        self.assertEqual(recs[0]["detail"]["code"], "x.7.1")
        self.assertEqual(recs[1]["cause"], "mailboxfull")
        self.assertEqual(recs[1]["side"], "recipient")
        self.assertEqual(recs[1]["action"], "suppress-after-repeats")
        self.assertGreaterEqual(len(recs[1]["fix"].split("\n")), 2)
        self.assertEqual(recs[2]["reply"]["code"], "550")
        rc, out, _ = run(["explain", "--format=json", "userunknown"], **ZH)
        rec = json.loads(out)
        self.assertEqual(rec["title"], "收件人地址不存在")
        # Ids stay machine ids in every language.
        self.assertEqual((rec["side"], rec["action"]), ("recipient", "suppress"))

    def test_list_and_errors(self):
        rc, out, _ = run(["explain"], **EN)
        self.assertEqual(rc, 0)
        ids = [l.split()[0] for l in out.splitlines()]
        self.assertEqual(len(ids), 34)
        self.assertIn("userunknown", ids)
        self.assertIn("virusdetected", ids)
        for bad in (["nosuchcause"], ["5.7"], ["650"], ["--format=xml", "550"]):
            rc, out, err = run(["explain"] + bad, **EN)
            self.assertEqual(rc, 2, bad)
            self.assertEqual(out, "")
            self.assertTrue(err.startswith("bounceview: explain: "), err)
        rc, _, err = run(["explain", "nosuchcause"], **ZH)
        self.assertIn("原因", err)
        # Case does not matter for a cause id.
        rc, out, _ = run(["explain", "MailboxFull"], **EN)
        self.assertEqual(rc, 0)


class Locale(unittest.TestCase):
    """The usual variables choose the language, with or without locales."""

    def title(self, **env):
        rc, out, _ = run(["explain", "mailboxfull"], **env)
        return out.splitlines()[0]

    def test_variables(self):
        zh = "mailboxfull：收件人邮箱已满"
        en = "mailboxfull: The recipient's mailbox is full"
        self.assertEqual(self.title(LANG="zh_CN.UTF-8"), zh)
        self.assertEqual(self.title(LC_MESSAGES="zh_CN.UTF-8"), zh)
        self.assertEqual(self.title(LC_ALL="zh_CN.UTF-8", LANG="en_US.UTF-8"), zh)
        self.assertEqual(self.title(LANGUAGE="zh_CN"), zh)
        self.assertEqual(self.title(LANGUAGE="zh_CN", LC_ALL="C.UTF-8"), zh)
        self.assertEqual(self.title(LANGUAGE="zh_CN:en", LANG="en_US.UTF-8"), zh)
        self.assertEqual(self.title(LANG="en_US.UTF-8"), en)
        self.assertEqual(self.title(), en)
        # LC_ALL beats LANG; an explicit C means untranslated.
        self.assertEqual(self.title(LC_ALL="C", LANG="zh_CN.UTF-8"), en)
        self.assertEqual(self.title(LC_ALL="C", LANGUAGE="zh_CN"), en)

    def test_help_is_translated(self):
        rc, out, _ = run(["help"], **ZH)
        self.assertIn("命令", out)
        self.assertIn("解释退信原因", out)


class ScanExplain(unittest.TestCase):
    def scan(self, message, **env):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "bounce.eml")
            with open(path, "wb") as f:
                f.write(message)
            rc, out, err = run(["scan", "--explain", "--format=jsonl", path], **env)
            self.assertEqual(rc, 0, err)
            return [json.loads(l) for l in out.splitlines()]

    def test_typo_suggestion(self):
        recs = self.scan(dsn("carol@gamil.com", "5.1.2", "550 5.1.2 Host unknown: domain not found"), **EN)
        r = recs[0]
        self.assertEqual(r["suggestion"], "carol@gmail.com")
        self.assertIn("did you mean carol@gmail.com?", r["fix"])
        self.assertEqual(r["side"], "recipient")
        self.assertEqual(r["action"], "suppress")
        for key in ("title", "explanation", "fix", "action", "side", "suggestion"):
            self.assertIn(key, r)
        # A real provider domain gets no suggestion.
        recs = self.scan(dsn("dave@ymail.com", "5.1.1", "550 5.1.1 user unknown"), **EN)
        self.assertEqual(recs[0]["suggestion"], "")

    def test_blocklist_fix(self):
        recs = self.scan(dsn("erin@example.com", "5.7.1",
                             "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked "
                             "using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10"), **EN)
        r = recs[0]
        self.assertEqual(r["cause"], "blocked")
        self.assertEqual(r["side"], "sender")
        self.assertEqual(r["action"], "fix-setup")
        self.assertIn("192.0.2.10 is listed on the Spamhaus blocklist", r["fix"])
        self.assertIn("https://www.spamhaus.org/query/ip/192.0.2.10", r["fix"])
        self.assertIn("Refused by the server mx.example.net.", r["fix"])
        recs = self.scan(dsn("erin@example.com", "5.7.1",
                             "554 5.7.1 Client host [192.0.2.10] blocked using zen.spamhaus.org"), **ZH)
        r = recs[0]
        self.assertEqual(r["title"], "发信服务器或 IP 被拦截")
        self.assertIn("IP 地址 192.0.2.10 已被列入 Spamhaus 黑名单", r["fix"])

    def test_size_fix(self):
        recs = self.scan(dsn("frank@example.com", "5.3.4",
                             "552 5.3.4 message size 15728640 exceeds size limit 10485760"), **EN)
        r = recs[0]
        self.assertEqual(r["cause"], "mesgtoobig")
        self.assertIn("The limit is 10 MB; your message was 15 MB.", r["fix"])
        self.assertEqual(r["side"], "message")

    def test_csv_has_the_columns(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "bounce.eml")
            with open(path, "wb") as f:
                f.write(dsn("gina@example.com", "5.2.2", "552 5.2.2 mailbox full"))
            rc, out, _ = run(["scan", "--explain", "--format=csv", path], **ZH)
            header = out.splitlines()[0].split(",")
            for key in ("title", "explanation", "fix", "action", "side", "suggestion"):
                self.assertIn(key, header)
            self.assertIn("收件人邮箱已满", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
