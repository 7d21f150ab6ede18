#!/usr/bin/env python3
"""The bash completion (completion/bounceview.bash.in, configured into
BUILD/completion/bounceview) completes what the program accepts.

Each case sources the script in a fresh bash, sets COMP_WORDS and
COMP_CWORD as bash does when Tab is pressed, calls _bounceview and reads
COMPREPLY.  What it must offer comes from the program: the commands of
`bounceview help`, the options of `bounceview help COMMAND`, the cause ids
of `bounceview explain`, the formats each command's --help names, and the
theme files in themes/.
"""
import os, shutil, subprocess, sys, tempfile, time, unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import helptext

SCRIPT = os.environ["BOUNCEVIEW_BASH_COMPLETION"]
ZSH_SCRIPT = os.path.join(os.path.dirname(SCRIPT), "_bounceview")
BV = os.environ["BOUNCEVIEW"]
THEMES = os.environ["BOUNCEVIEW_THEME_DIR"]


def complete(*words, cwd=None):
    """COMPREPLY for the command line bounceview WORDS..., the cursor at the
    end of the last word (give "" for a new word)."""
    words = [BV, *words]
    program = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); '
               '_bounceview; printf "%s\\n" "${COMPREPLY[@]}"')
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", program, "bash", SCRIPT, *words],
                       capture_output=True, text=True, cwd=cwd or HERE,
                       env=dict(os.environ, BOUNCEVIEW_THEME_DIR=THEMES))
    if p.returncode != 0 or p.stderr:
        raise AssertionError("bash: %s" % p.stderr)
    return [w for w in p.stdout.split("\n") if w]


class Completion(unittest.TestCase):
    def test_commands(self):
        offered = complete("")
        for command in helptext.commands() + ["help"]:
            self.assertIn(command, offered)
        self.assertEqual(complete("su"), ["suppress"])
        self.assertEqual(sorted(complete("help", "s")), ["scan", "suppress"])

    def test_options_of_each_command(self):
        for command in helptext.commands():
            with self.subTest(command=command):
                expected = set()
                for short, long, _ in helptext.options(command):
                    expected.add("--" + long)
                    if short:
                        expected.add("-" + short)
                self.assertEqual(set(complete(command, "-")), expected | {"-h", "--help"})
        # Without a command, the UI's options and the program's own.
        self.assertIn("--theme", complete("-"))
        self.assertIn("--version", complete("-"))

    def test_cause_ids(self):
        causes = helptext.help_text(["explain"]).splitlines()
        causes = [line.split()[0] for line in causes]
        self.assertIn("mailboxfull", causes)
        self.assertEqual(complete("explain", ""), causes)
        self.assertEqual(complete("explain", "mailb"), ["mailboxfull"])
        self.assertEqual(complete("export", "--cause", ""), causes)
        self.assertEqual(complete("export", "-c", "user"), ["userunknown"])

    def test_formats(self):
        for command in ("scan", "explain", "suppress", "export"):
            with self.subTest(command=command):
                self.assertEqual(set(complete(command, "--format", "")), helptext.formats(command))
                self.assertEqual(set(complete(command, "-f", "")), helptext.formats(command))
        # bash splits --format=js into three words.
        self.assertEqual(complete("scan", "--format", "=", "js"), ["jsonl"])
        self.assertEqual(set(complete("export", "--format", "=", "")), helptext.formats("export"))

    def test_themes(self):
        themes = sorted(f[:-len(".theme")] for f in os.listdir(THEMES) if f.endswith(".theme"))
        self.assertIn("light", themes)
        offered = complete("--theme", "", cwd=os.path.join(HERE, "..", "..", "po"))
        for theme in themes:
            self.assertIn(theme, offered)
        self.assertEqual(complete("ui", "-t", "hi"), ["high-contrast"])

    def test_grouping_and_suppress_actions(self):
        self.assertEqual(complete("-g", "m"), ["mta", "month"])
        self.assertEqual(complete("suppress", ""), ["add", "remove", "list", "propose"])
        self.assertEqual(complete("suppress", "add", "--p"), ["--proposed"])

    def test_paths(self):
        # scan completes files, the UI and --maildir directories.
        self.assertIn("test_completion.py", complete("scan", "test_c"))
        self.assertEqual(complete("index", "--maildir", "test_c"), [])



@unittest.skipUnless(shutil.which("zsh") and shutil.which("tmux"), "needs zsh and tmux")
class ZshCompletion(unittest.TestCase):
    """_bounceview in a real interactive zsh (in tmux): Tab completes a
    command line, through the bash script run by bashcompinit."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="bv-zsh-")
        self.socket = "bv-zsh-%d" % os.getpid()
        with open(ZSH_SCRIPT) as f:
            text = f.read()
        # The installed file names the installed bash script; use the built one.
        with open(os.path.join(self.tmp, "_bounceview"), "w") as f:
            f.write(text.replace(text.split("source '", 1)[1].split("'", 1)[0], SCRIPT))
        os.mkdir(os.path.join(self.tmp, "bin"))
        os.symlink(os.path.abspath(BV), os.path.join(self.tmp, "bin", "bounceview"))
        with open(os.path.join(self.tmp, ".zshrc"), "w") as f:
            f.write("fpath=(%s $fpath)\npath=(%s/bin $path)\n"
                    "autoload -U compinit && compinit -u -d %s/zcompdump\nPS1='%%%% '\n"
                    % (self.tmp, self.tmp, self.tmp))
        env = "ZDOTDIR=%s BOUNCEVIEW_THEME_DIR=%s" % (self.tmp, THEMES)
        self.tmux("new-session", "-d", "-x", "150", "-y", "10", "env %s zsh -i" % env)

    def tearDown(self):
        self.tmux("kill-server", check=False)
        shutil.rmtree(self.tmp)

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check)

    def line_after_tab(self, typed):
        """The command line after typing TYPED and Tab (waits for it)."""
        self.tmux("send-keys", "C-u", typed, "Tab")
        last = ""
        for _ in range(100):
            time.sleep(0.1)
            screen = [l for l in self.tmux("capture-pane", "-p").stdout.splitlines() if l.strip()]
            last = screen[-1] if screen else ""
            if last.startswith("% " + typed) and last.rstrip() != "% " + typed:
                return last[2:].rstrip()
        return last[2:].rstrip()

    def test_tab_completes(self):
        self.assertEqual(self.line_after_tab("bounceview explain mailb"), "bounceview explain mailboxfull")
        self.assertEqual(self.line_after_tab("bounceview scan --format=js"), "bounceview scan --format=jsonl")
        self.assertEqual(self.line_after_tab("bounceview suppress prop"), "bounceview suppress propose")
        self.assertEqual(self.line_after_tab("bounceview --theme high"), "bounceview --theme high-contrast")
        self.assertEqual(self.line_after_tab("bounceview scan --exp"), "bounceview scan --explain")


if __name__ == "__main__":
    unittest.main()
