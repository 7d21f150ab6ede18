#!/usr/bin/env python3
"""The other layers include only the engine headers parsers/README.md names
as public.

parsers/README.md lists, in its intro table, the headers of parsers/ that
output/, index/, export/, tui/ and cli/ may include, each with why.  This
test fails when one of those folders includes another parsers/ header (make
it public in the README, with its reason, or keep the use inside the
engine), and when the README names a header that does not exist.
"""
import os, re, unittest

ROOT = os.environ.get("BOUNCEVIEW_SOURCE_DIR",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
LAYERS = ("output", "index", "export", "tui", "cli")


def public_headers():
    with open(os.path.join(ROOT, "parsers", "README.md"), encoding="utf-8") as f:
        text = f.read()
    return set(re.findall(r"^\| `([a-z-]+\.h)` \|", text, re.M))


def included():
    """{header: [file...]} of the parsers/ headers the other layers include."""
    found = {}
    for layer in LAYERS:
        for folder, _, files in os.walk(os.path.join(ROOT, layer)):
            for name in files:
                if not name.endswith((".c", ".h")):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    for header in re.findall(r'^#include "parsers/([^"]+)"', f.read(), re.M):
                        found.setdefault(header, []).append(os.path.relpath(path, ROOT))
    return found


class PublicHeaders(unittest.TestCase):
    def test_only_public_headers_are_included(self):
        public = public_headers()
        self.assertIn("bounce.h", public)
        private = {h: files for h, files in included().items() if h not in public}
        self.assertEqual(private, {}, "included outside parsers/ but not public in parsers/README.md")

    def test_public_headers_exist(self):
        for header in public_headers():
            self.assertTrue(os.path.exists(os.path.join(ROOT, "parsers", header)), header)


if __name__ == "__main__":
    unittest.main()
