#!/usr/bin/env python3
"""README.md's lists that the program can check: they hold today.

- Quick start is exactly two commands;
- the commands table lists the commands of `bounceview help`;
- the scan record example has the keys `scan --format=jsonl` prints (nested
  ones too), and the field table explains each of them;
- the cause vocabulary is the list `bounceview explain` prints;
- the export formats table lists the formats `export --help` names;
- the themes named are the files in themes/.
"""
import json, os, re, sys, unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import helptext

ROOT = os.environ.get("BOUNCEVIEW_SOURCE_DIR",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
    README = f.read()


def section(title):
    """The text of the README section whose heading is TITLE."""
    m = re.search(r"^#+ %s\n(.*?)(?=^## |\Z)" % re.escape(title), README, re.S | re.M)
    if m is None:
        raise AssertionError("README.md has no section %r" % title)
    return m.group(1)


def bv(*args):
    return helptext.help_text(list(args))


def keys(obj, prefix=""):
    out = set()
    for k, v in obj.items():
        out.add(prefix + k)
        if isinstance(v, dict):
            out |= keys(v, prefix + k + ".")
    return out


class ReadmeClaims(unittest.TestCase):
    def test_quick_start_is_two_commands(self):
        text = section("Quick start")
        commands = [l for l in text.splitlines() if l.startswith("    ")]
        self.assertEqual(len(commands), 2, commands)

    def test_commands_table(self):
        text = section("Commands")
        listed = set(re.findall(r"^\| `bounceview (?:\[)?([a-z]+)", text, re.M))
        commands = set(helptext.commands())
        # The UI's row is `bounceview [MAILDIR]`; every other command has its own.
        self.assertEqual(listed, (commands - {"ui"}) | {"help"})

    def test_scan_record(self):
        text = section("scan output (schema version 1)")
        example = re.search(r"^    (\{.*?\})$", text, re.S | re.M).group(1)
        example = json.loads(re.sub(r"\n\s+", " ", example))
        records = [json.loads(l) for l in bv("scan", "--format=jsonl", os.path.join(ROOT, "demo", "maildir")).splitlines()]
        record = next(r for r in records if r["kind"] != "none")
        self.assertEqual(keys(example), keys(record))
        explained = set()
        for row in re.findall(r"^\| (`.*?) \|", text, re.M):
            explained |= set(re.findall(r"`([a-z_]+)`", row))
        self.assertEqual(set(record) - explained - {"status_derived"}, set(), "fields the table does not explain")
        self.assertIn("`status_derived`", text)

    def test_causes(self):
        text = section("Causes")
        listed = re.findall(r"`([a-z]+)`", text.split(":", 1)[0])
        causes = [line.split()[0] for line in bv("explain").splitlines()]
        self.assertEqual(sorted(listed), sorted(causes))

    def test_export_formats(self):
        text = section("Exporting")
        listed = set()
        for cell in re.findall(r"^\| (`[^|]*) \|", text, re.M):
            listed |= set(re.findall(r"`([a-z][a-z-]*)`", cell))
        self.assertEqual(listed, helptext.formats("export"))

    def test_themes(self):
        m = re.search(r"`themes/\*\.theme` \(([^;]*);", README)
        named = {w.strip() for w in m.group(1).replace("\n", " ").split(",")}
        files = {f[:-len(".theme")] for f in os.listdir(os.path.join(ROOT, "themes")) if f.endswith(".theme")}
        self.assertEqual(named, files)


if __name__ == "__main__":
    unittest.main()
