#!/usr/bin/env python3
"""The manual page and the program's own help say the same.

bounceview(1) (doc/bounceview.1.in, configured into BUILD/doc/) has one
section per subcommand, headed ".SS NAME".  For each command of
`bounceview help`, the options its section describes (short name, long name
and argument) are exactly those `bounceview help NAME` lists, and
`bounceview help NAME` prints what `bounceview NAME --help` prints.  The
page also renders without a groff warning.
"""
import os, re, shlex, shutil, subprocess, sys, unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bvtest
import helptext

MAN = os.environ["BOUNCEVIEW_MAN"]



def unroff(args):
    """The text of a font macro's arguments (.B, .BR, .IR...: no spaces
    between arguments), without font changes and escapes."""
    args = re.sub(r"\\f[BIRP]", "", args).replace("\\-", "-").replace("\\&", "")
    return "".join(shlex.split(args, posix=True))


def man_sections():
    """{command: [(short, long, argument)]} of the page's COMMANDS sections."""
    with open(MAN, encoding="utf-8") as f:
        lines = f.read().splitlines()
    sections, current, in_commands, after_tp = {}, None, False, False
    for line in lines:
        if line.startswith(".SH"):
            in_commands = line.split(None, 1)[1].strip('"') == "COMMANDS"
            current = None
            continue
        if not in_commands:
            continue
        if line.startswith(".SS"):
            current = line.split()[1].strip('"')
            sections[current] = []
            continue
        if line == ".TP":
            after_tp = True
            continue
        if after_tp and current is not None:
            after_tp = False
            macro, _, args = line.partition(" ")
            o = helptext.OPTION.match(unroff(args)) if macro in (".B", ".BR", ".BI", ".IR") else None
            if o is None:
                raise AssertionError("%s: not an option tag: %r" % (current, line))
            sections[current].append(o.groups())
    return sections


class ManPage(unittest.TestCase):
    def test_every_command_has_a_section(self):
        self.assertEqual(sorted(man_sections()), sorted(helptext.commands()))

    def test_options_agree_with_help(self):
        sections = man_sections()
        for command in helptext.commands():
            with self.subTest(command=command):
                documented = sections.get(command, [])
                self.assertEqual(len(documented), len(set(documented)), "an option documented twice")
                self.assertEqual(set(documented), helptext.options(command))

    def test_help_command_is_command_help(self):
        for command in helptext.commands():
            with self.subTest(command=command):
                self.assertEqual(helptext.help_text(["help", command]), helptext.help_text([command, "--help"]))

    def test_help_unknown_command(self):
        p = bvtest.run_bv(["help", "no-such-command"], env=helptext.ENV)
        self.assertEqual(p.returncode, 2)
        self.assertIn("no-such-command", p.stderr)

    @unittest.skipIf(shutil.which("groff") is None, "groff is not installed")
    def test_renders_without_warnings(self):
        p = subprocess.run(["groff", "-man", "-ww", "-z", "-Tutf8", MAN], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0)
        self.assertEqual(p.stderr, "")


if __name__ == "__main__":
    unittest.main()
