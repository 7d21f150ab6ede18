#!/usr/bin/env python3
"""`meson install` installs what the installed binary looks for.

Reads meson's own list of the files it will install (BUILD/meson-info/
intro-installed.json) and checks it against the source tree: the binary,
every theme of themes/, the compiled catalog of every language of
po/LINGUAS, the manual page and the bash and zsh completions, and nothing of the
demo Maildir.  The binary finds them under the configured prefix, with no
path of the source or build tree in it (checked here too).  .ci/run
installs into a temporary prefix and runs the installed binary.
"""
import json, os, subprocess, tempfile, unittest

SOURCE = os.environ["BOUNCEVIEW_SOURCE_DIR"]
BUILD = os.environ["BOUNCEVIEW_BUILD_DIR"]


def installed():
    """The install paths, relative to the prefix."""
    with open(os.path.join(BUILD, "meson-info", "intro-buildoptions.json")) as f:
        options = {o["name"]: o["value"] for o in json.load(f)}
    with open(os.path.join(BUILD, "meson-info", "intro-installed.json")) as f:
        paths = json.load(f).values()
    prefix = options["prefix"]
    return {os.path.relpath(p, prefix) for p in paths}, options


class Installed(unittest.TestCase):
    def test_what_a_user_needs(self):
        paths, options = installed()
        datadir, localedir = options["datadir"], options["localedir"]
        expected = {os.path.join(options["bindir"], "bounceview"),
                    os.path.join(options["mandir"], "man1", "bounceview.1"),
                    os.path.join(datadir, "bash-completion", "completions", "bounceview"),
                    os.path.join(datadir, "zsh", "site-functions", "_bounceview")}
        if options["tui"] != "disabled":
            for theme in os.listdir(os.path.join(SOURCE, "themes")):
                if theme.endswith(".theme"):
                    expected.add(os.path.join(datadir, "bounceview", "themes", theme))
        with open(os.path.join(SOURCE, "po", "LINGUAS")) as f:
            for lang in f.read().split():
                expected.add(os.path.join(localedir, lang, "LC_MESSAGES", "bounceview.mo"))
        self.assertEqual(paths - expected, set(), "installed but not expected here")
        self.assertEqual(expected - paths, set(), "not installed")

    def test_no_tree_path_in_binary(self):
        # The strings the program reads are in .rodata; the debug
        # information, which names the sources, does not count.
        with tempfile.TemporaryDirectory() as tmp:
            rodata = os.path.join(tmp, "rodata")
            subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", os.environ["BOUNCEVIEW"], rodata],
                           check=True)
            with open(rodata, "rb") as f:
                strings = f.read()
        self.assertIn(b"bounceview", strings)
        for tree in (SOURCE, BUILD):
            tree = os.path.realpath(tree).encode()
            self.assertFalse(tree in strings, "%s is in the binary's strings" % tree.decode())


if __name__ == "__main__":
    unittest.main()
