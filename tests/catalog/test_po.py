#!/usr/bin/env python3
"""Every string the program shows a person has its Chinese translation.

Extracts the strings of the sources listed in po/POTFILES with xgettext
(the options meson's glib preset uses) and checks that po/zh_CN.po
translates each of them, with nothing left fuzzy; and that every source
file with translatable strings is listed in po/POTFILES.  When this fails
after you added strings: list any new file in po/POTFILES, run
`ninja -C BUILD bounceview-pot bounceview-update-po`, and translate the new
entries of po/zh_CN.po (see the translator comments in the code).
"""
import os, re, shutil, subprocess, sys, tempfile, unittest

ROOT = os.environ.get("BOUNCEVIEW_SOURCE_DIR",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
PO_DIR = os.path.join(ROOT, "po")
# The markers of translatable strings in this code base.
MARKER = re.compile(r"\b(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dgettext) \(")


def parse_po(text):
    """{msgid: (msgstrs, flags)} of a .po or .pot text (no obsolete entries)."""
    entries = {}
    for block in re.split(r"\n\s*\n", text):
        flags, fields, cur = set(), {}, None
        for line in block.splitlines():
            if line.startswith("#~"):
                fields = {}
                break
            if line.startswith("#,"):
                flags.update(f.strip() for f in line[2:].split(","))
                continue
            if line.startswith("#"):
                continue
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                cur = m.group(1)
                fields[cur] = m.group(2)
            elif line.startswith('"') and cur:
                fields[cur] += line[1:-1]
        if fields.get("msgid"):
            key = (fields.get("msgctxt"), fields["msgid"])
            strs = [v for k, v in fields.items() if k.startswith("msgstr")]
            entries[key] = (strs, flags)
    return entries


def potfiles():
    with open(os.path.join(PO_DIR, "POTFILES")) as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


class Translations(unittest.TestCase):
    def test_potfiles_lists_every_file_with_strings(self):
        listed = set(potfiles())
        for name in listed:
            self.assertTrue(os.path.exists(os.path.join(ROOT, name)), f"po/POTFILES: {name} does not exist")
        missing = []
        for top in ("cli", "parsers", "index", "tui"):
            for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
                for f in files:
                    if not f.endswith((".c", ".h")):
                        continue
                    rel = os.path.relpath(os.path.join(dirpath, f), ROOT)
                    with open(os.path.join(ROOT, rel), encoding="utf-8", errors="replace") as fh:
                        if MARKER.search(fh.read()) and rel not in listed:
                            missing.append(rel)
        self.assertEqual(missing, [], "files with translatable strings missing from po/POTFILES")

    def test_chinese_is_complete(self):
        xgettext = shutil.which("xgettext")
        if xgettext is None:
            raise unittest.SkipTest("xgettext is not installed")
        with tempfile.TemporaryDirectory() as d:
            pot = os.path.join(d, "bounceview.pot")
            subprocess.run([xgettext, "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
                            "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2",
                            "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                            "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
                            "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
                            "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
                            "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
                            "--flag=g_set_error:4:c-format", "-D", ROOT, "-o", pot] + potfiles(),
                           check=True, capture_output=True)
            with open(pot, encoding="utf-8") as f:
                wanted = parse_po(f.read())
        with open(os.path.join(PO_DIR, "zh_CN.po"), encoding="utf-8") as f:
            have = parse_po(f.read())
        # A msgid built with a format macro ("%" G_GUINT64_FORMAT) is cut
        # short by xgettext and can never match at run time: that is a bug
        # in the code, not in the translation, so it is named, not counted.
        cut = [m for (c, m) in wanted if m.endswith("%")]
        for m in cut:
            print(f"warning: msgid cut by a format macro, not translatable: {m!r}", file=sys.stderr)
        untranslated = [m for (c, m) in wanted
                        if m not in cut and not all(have.get((c, m), ([""], set()))[0])]
        fuzzy = [m for (c, m), (s, flags) in have.items() if "fuzzy" in flags]
        self.assertEqual(untranslated, [], "strings without a Chinese translation in po/zh_CN.po")
        self.assertEqual(fuzzy, [], "fuzzy (unchecked) translations in po/zh_CN.po")

    def test_chinese_uses_chinese_punctuation(self):
        """A Chinese sentence ends with 。, not with an ASCII full stop."""
        with open(os.path.join(PO_DIR, "zh_CN.po"), encoding="utf-8") as f:
            have = parse_po(f.read())
        bad = []
        for (c, m), (strs, _) in have.items():
            for s in strs:
                if re.search(r"[\u4e00-\u9fff]\.(\s|$|\\n)", s) or re.search(r"[\u4e00-\u9fff],", s):
                    bad.append(s)
        self.assertEqual(bad, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
