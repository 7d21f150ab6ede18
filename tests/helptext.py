# SPDX-License-Identifier: GPL-3.0-or-later
"""What `bounceview help` says, read the way the tests of the manual page,
the completion and the README compare it: the commands, each command's
options and the formats its --format takes.  The help is read untranslated.

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import helptext
"""
import os, re

import bvtest

ENV = dict(os.environ, LC_ALL="C.UTF-8")
ENV.pop("LANGUAGE", None)
# "-t, --theme=THEME" or "--no-index", as GOption and the manual page write them.
OPTION = re.compile(r"^(?:-(\w), )?--([\w-]+)(?:=(\S+))?$")


def help_text(args):
    """The standard output of bounceview ARGS, which must succeed."""
    p = bvtest.run_bv(args, env=ENV)
    if p.returncode != 0:
        raise AssertionError("bounceview %s: %s" % (" ".join(args), p.stderr))
    return p.stdout


def commands():
    """The command names `bounceview help` lists, in its order."""
    block = help_text(["help"]).split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in block.splitlines() if line.strip()]


def options(command):
    """{(short, long, argument)} of the Application Options of
    `bounceview help COMMAND` (short and argument None when absent)."""
    block = help_text(["help", command]).split("Application Options:\n", 1)[1]
    found = set()
    for line in block.splitlines():
        m = re.match(r"^\s+(-\S.*?)(?:\s{2,}|$)", line)
        if m:
            o = OPTION.match(m.group(1))
            if o is None:
                raise AssertionError("cannot read option line %r" % line)
            found.add(o.groups())
    return found


def formats(command):
    """The formats COMMAND's --help names for --format: "jsonl, csv or table
    (default: ...)" gives {jsonl, csv, table}."""
    line = next(l for l in help_text(["help", command]).splitlines() if "--format=" in l)
    words = re.sub(r"\([^)]*\)", "", line.split("--format=FORMAT", 1)[1]).split(":")[-1]
    return {w for w in re.split(r",\s*|\s+or\s+|\s+", words.strip()) if w}
