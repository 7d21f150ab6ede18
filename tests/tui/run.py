#!/usr/bin/env python3
# run.py: drives the real bounceview UI with a key script and compares the
# screens it dumps with the expected ones, in the way tig tests its views.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run.py SCRIPT [--update]    run one scenario (scripts/NAME.keys)
#   run.py --coverage           check that the scenarios press every key
#                               of the help table (tui/actions.h)
#   run.py --tmux               run the real binary in tmux: keys, a resize,
#                               and quitting with Q, Ctrl-C, SIGTERM and
#                               SIGHUP, each keeping the mark just made
#
# A scenario is a key script for BOUNCEVIEW_TUI_SCRIPT (see tui/screen.h);
# `:dump NAME` writes the screen to expected/SCENARIO/NAME.txt's
# counterpart; `:attrs NAME` the attributes of its cells (R reverse,
# U underline, B bold, D dim, '.' none); `:dump-match NAME` the screen with
# what / highlights between « and ».  Lines starting with "#!" are for this runner:
#   #! size COLSxLINES           the virtual terminal's size (80x24)
#   #! env NAME=VALUE            extra environment
#   #! suppressed ADDR...        after the run, `bounceview suppress list`
#                                must list exactly these addresses
#   #! file NAME TEXT            after the run, NAME (in the work dir)
#                                must exist and contain TEXT
#   #! lacks NAME TEXT           ... and NAME must not contain TEXT
#   #! exit N                    the expected exit status (0)
#   #! config LINE               a line of the configuration file
#   #! mail ARGS                 make-mail.py's options for the Maildir
#                                (--timeline: a known distribution)
# A line `:restart` ends the program (as Q does) and starts it again on
# the same Maildir and home: what the next start remembers.
# Paths of the temporary work directory are shown as @TMP@ in dumps.
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.environ.get("BOUNCEVIEW_SOURCE_DIR", os.path.dirname(os.path.dirname(HERE)))
BOUNCEVIEW = os.environ.get("BOUNCEVIEW", os.path.join(SOURCE, "build", "cli", "bounceview"))


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def environment(tmp, extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOUNCEVIEW_TUI", "XDG_", "NOTMUCH"))}
    env.update({
        "HOME": os.path.join(tmp, "home"),
        "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
        "NOTMUCH_CONFIG": os.path.join(tmp, "no-notmuch-config"),
        "BOUNCEVIEW_THEME_DIR": os.path.join(SOURCE, "themes"),
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "G_DEBUG": "fatal-criticals",
    })
    env.pop("NO_COLOR", None)
    env.update(extra)
    return env


def bootstrap_index(tmp, maildir, env):
    """Indexes the Maildir before the UI starts when bounceview cannot
    create its database by itself yet, so that the views are what is
    tested here."""
    r = subprocess.run([BOUNCEVIEW, "index", "--maildir", maildir], env=env, capture_output=True, text=True)
    if r.returncode == 0:
        return
    if shutil.which("notmuch") is None:
        return
    cfg = os.path.join(tmp, "notmuch-bootstrap")
    with open(cfg, "w") as f:
        f.write("[database]\npath=%s\n" % maildir)
    subprocess.run(["notmuch", "new", "--quiet"], env=dict(env, NOTMUCH_CONFIG=cfg), check=True,
                   capture_output=True)


def run(script_path, update):
    name = os.path.splitext(os.path.basename(script_path))[0]
    expected_dir = os.path.join(HERE, "expected", name)
    with open(script_path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    tmp = tempfile.mkdtemp(prefix="bv-tui-")
    try:
        maildir = os.path.join(tmp, "mail")
        size, extra, checks, dumps, want_exit, config, mail_args = "80x24", {}, [], [], 0, [], []
        out = []
        runs = [out]
        for line in lines:
            if line.startswith("#!"):
                words = line[2:].split()
                if words[0] == "size":
                    size = words[1]
                elif words[0] == "env":
                    k, v = line[2:].strip()[len("env"):].strip().split("=", 1)
                    extra[k] = v
                elif words[0] == "config":
                    config.append(line[2:].strip()[len("config"):].strip())
                elif words[0] == "mail":
                    mail_args = words[1:]
                elif words[0] == "exit":
                    want_exit = int(words[1])
                else:
                    checks.append(words)
                continue
            if line.strip() == ":restart":
                out = []
                runs.append(out)
                continue
            m = re.match(r"\s*:(dump-match|dump|attrs)\s+(\S+)", line)
            if m:
                dumps.append(m.group(2))
                line = ":%s %s" % (m.group(1), os.path.join(tmp, "dump-" + m.group(2) + ".txt"))
            out.append(line)
        subprocess.run([sys.executable, os.path.join(HERE, "make-mail.py"), maildir] + mail_args, check=True)
        env = environment(tmp, extra)
        if config:
            os.makedirs(os.path.join(env["XDG_CONFIG_HOME"], "bounceview"))
            with open(os.path.join(env["XDG_CONFIG_HOME"], "bounceview", "config"), "w") as f:
                f.write("\n".join(config) + "\n")
        env["BOUNCEVIEW_TUI_SIZE"] = size
        bootstrap_index(tmp, maildir, env)
        for n, keys_of_run in enumerate(runs):
            keys = os.path.join(tmp, "keys-%d" % n)
            with open(keys, "w", encoding="utf-8") as f:
                f.write("\n".join(keys_of_run) + "\n")
            env["BOUNCEVIEW_TUI_SCRIPT"] = keys
            r = subprocess.run([BOUNCEVIEW, maildir], env=env, cwd=tmp, capture_output=True, text=True,
                               timeout=60)
            if r.returncode != want_exit:
                fail("%s: exit %d, expected %d; stderr:\n%s" % (name, r.returncode, want_exit, r.stderr))
            if r.stderr.strip():
                fail("%s: unexpected output on stderr:\n%s" % (name, r.stderr))
        failures = []
        for d in dumps:
            path = os.path.join(tmp, "dump-" + d + ".txt")
            if not os.path.exists(path):
                failures.append("%s: no screen dump %s" % (name, d))
                continue
            with open(path, encoding="utf-8") as f:
                got = f.read().replace(tmp, "@TMP@")
            want_path = os.path.join(expected_dir, d + ".txt")
            if update:
                os.makedirs(expected_dir, exist_ok=True)
                with open(want_path, "w", encoding="utf-8") as f:
                    f.write(got)
                continue
            if not os.path.exists(want_path):
                failures.append("%s: no expected screen %s (run with --update)" % (name, want_path))
                continue
            with open(want_path, encoding="utf-8") as f:
                want = f.read()
            if got != want:
                import difflib
                diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                    "expected/%s/%s" % (name, d), "got"))
                failures.append("%s: screen %s differs:\n%s" % (name, d, diff))
        for check in checks:
            if check[0] == "suppressed":
                r = subprocess.run([BOUNCEVIEW, "suppress", "list"], env=env, capture_output=True, text=True)
                if r.returncode != 0:
                    failures.append("%s: bounceview suppress list failed: %s" % (name, r.stderr))
                    continue
                listed = sorted(set(re.findall(r"[^\s,\"]+@[^\s,\"]+", r.stdout)))
                if listed != sorted(check[1:]):
                    failures.append("%s: suppress list gives %s, expected %s" % (name, listed, sorted(check[1:])))
            elif check[0] == "file":
                path = os.path.join(tmp, check[1])
                text = " ".join(check[2:])
                if not os.path.exists(path):
                    failures.append("%s: %s was not written" % (name, check[1]))
                elif text not in open(path, encoding="utf-8").read():
                    failures.append("%s: %s does not contain %r" % (name, check[1], text))
            elif check[0] == "lacks":
                path = os.path.join(tmp, check[1])
                text = " ".join(check[2:])
                if os.path.exists(path) and text in open(path, encoding="utf-8").read():
                    failures.append("%s: %s contains %r" % (name, check[1], text))
        if failures:
            fail("\n".join(failures))
        print("ok: %s (%d screens)" % (name, len(dumps)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def tmux(cmd, *args, check=True):
    return subprocess.run(["tmux", "-L", "bv-tui-test"] + list(cmd) + list(args), capture_output=True, text=True,
                          check=check)


def wait_for(text, timeout=30.0):
    import time
    deadline = time.time() + timeout
    screen = ""
    while time.time() < deadline:
        screen = tmux(["capture-pane", "-p", "-t", "bv"], check=False).stdout
        if text in screen:
            return screen
        time.sleep(0.1)
    fail("tmux: %r never appeared; the screen was:\n%s" % (text, screen))


def wait_exit(timeout=30.0):
    """The exit status the wrapper shell printed once bounceview ended."""
    screen = wait_for("EXIT=", timeout)
    m = re.search(r"EXIT=(\d+)", screen)
    if "grouped by cause" in screen:
        fail("tmux: the terminal was not restored:\n" + screen)
    return int(m.group(1))


def tmux_runs():
    """The real terminal path: keys through tmux, signals, resizing."""
    if shutil.which("tmux") is None:
        print("SKIP: tmux is not installed")
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="bv-tmux-")
    try:
        maildir = os.path.join(tmp, "mail")
        subprocess.run([sys.executable, os.path.join(HERE, "make-mail.py"), maildir], check=True)
        env = environment(tmp, {"TERM": "xterm-256color"})
        bootstrap_index(tmp, maildir, env)
        exports = " ".join("%s=%s" % (k, shlex_quote(v)) for k, v in env.items()
                           if k in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "NOTMUCH_CONFIG",
                                    "BOUNCEVIEW_THEME_DIR", "LC_ALL", "TZ", "BOUNCEVIEW_LOCALEDIR"))
        pidfile = os.path.join(tmp, "pid")
        # The inner shell writes its pid and becomes bounceview, so that
        # signals reach it; the outer one says how it ended.
        inner = "echo $$ > %s; exec env %s %s %s" % (shlex_quote(pidfile), exports, shlex_quote(BOUNCEVIEW),
                                                     shlex_quote(maildir))
        command = "sh -c %s; echo EXIT=$?; sleep 60" % shlex_quote(inner)
        for ending in ("Q", "C-c", "TERM", "HUP"):
            tmux(["kill-server"], check=False)
            # The old server may take a moment to go away.
            for _ in range(50):
                if tmux(["new-session", "-d", "-s", "bv", "-x", "100", "-y", "30", command],
                        check=False).returncode == 0:
                    break
                __import__("time").sleep(0.1)
            wait_for("bounces in mail, grouped by cause")
            tmux(["send-keys", "-t", "bv", "Enter"])
            wait_for("Recipient address does not exist — 3 addresses")
            tmux(["send-keys", "-t", "bv", "j", "m"])
            wait_for("Marked eve@example.com")
            if ending == "Q":
                tmux(["resize-window", "-t", "bv", "-x", "140", "-y", "30"])
                # m moved the cursor on to the next address: back to eve.
                tmux(["send-keys", "-t", "bv", "k", "Enter"])
                screen = wait_for("eve@example.com — 1 bounce")
                if "│" not in screen:
                    fail("tmux: no side-by-side panes at 140 columns:\n" + screen)
                tmux(["send-keys", "-t", "bv", "Q"])
            elif ending == "C-c":
                tmux(["send-keys", "-t", "bv", "C-c"])
            else:
                with open(pidfile) as f:
                    os.kill(int(f.read()), getattr(__import__("signal"), "SIG" + ending))
            status = wait_exit()
            if status != 0:
                fail("tmux: exit status %d after %s" % (status, ending))
            r = subprocess.run([BOUNCEVIEW, "suppress", "list"], env=env, capture_output=True, text=True)
            if "eve@example.com" not in r.stdout:
                fail("tmux: the mark was lost after %s: %s" % (ending, r.stdout + r.stderr))
            print("ok: tmux run ending with %s" % ending)
        tmux_new_mail_and_pager(tmp, env, maildir)
        tmux_daily_workflow(tmp, env)
        tmux_resumed_first_index(tmp, env)
        tmux_quit_during_bar(tmp, env)
    finally:
        tmux(["kill-server"], check=False)
        shutil.rmtree(tmp, ignore_errors=True)


def start_ui(tmp, env, maildir, extra="", size=(100, 30)):
    """Starts bounceview in a new tmux session; the shell around it prints
    EXIT=status when it ends."""
    exports = " ".join("%s=%s" % (k, shlex_quote(v)) for k, v in env.items()
                       if k in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "NOTMUCH_CONFIG",
                                "BOUNCEVIEW_THEME_DIR", "LC_ALL", "TZ", "BOUNCEVIEW_LOCALEDIR"))
    command = "env %s %s %s %s; echo EXIT=$?; sleep 60" % (exports, extra, shlex_quote(BOUNCEVIEW),
                                                          shlex_quote(maildir))
    tmux(["kill-server"], check=False)
    for _ in range(50):
        if tmux(["new-session", "-d", "-s", "bv", "-x", str(size[0]), "-y", str(size[1]), command],
                check=False).returncode == 0:
            return
        __import__("time").sleep(0.1)
    fail("tmux: cannot start a session")


def tmux_new_mail_and_pager(tmp, env, maildir):
    """A bounce delivered while the UI is open shows up without a key;
    the cursor stays on its group; $PAGER gets the raw message."""
    start_ui(tmp, env, maildir, "PAGER=cat")
    wait_for("6 bounces in mail, grouped by cause")
    tmux(["send-keys", "-t", "bv", "j"])
    subprocess.run([sys.executable, os.path.join(HERE, "make-mail.py"), maildir, "--new"], check=True)
    screen = wait_for("7 bounces in mail, grouped by cause", 30)
    if not re.search(r"Recipient address does not exist +4 +4", screen):
        fail("tmux: the new bounce is not in its group:\n" + screen)
    if "Indexed 1 new message" not in screen:
        fail("tmux: no word of the new message:\n" + screen)
    # The cursor row (2/3) is still the mailbox-full group.
    if "2/3" not in screen:
        fail("tmux: the cursor left its group on reload:\n" + screen)
    tmux(["send-keys", "-t", "bv", "k", "Enter"])
    wait_for("frank@example.com")
    tmux(["send-keys", "-t", "bv", "j", "j", "Enter"])
    wait_for("frank@example.com — 1 bounce")
    tmux(["send-keys", "-t", "bv", "Enter"])
    wait_for("frank@example.com › 2024-06-01")
    tmux(["send-keys", "-t", "bv", "|"])
    # cat returns at once: the UI is back, and what cat wrote stays on
    # the terminal's normal screen, seen once the UI has quit.
    wait_for("frank@example.com › 2024-06-01")
    tmux(["send-keys", "-t", "bv", "Q"])
    if wait_exit() != 0:
        fail("tmux: bad exit status after the pager")
    screen = tmux(["capture-pane", "-p", "-S", "-200", "-t", "bv"], check=False).stdout
    if "Diagnostic-Code: smtp; 550 5.1.1 <frank@example.com>" not in screen:
        fail("tmux: PAGER=cat did not print the raw message:\n" + screen)
    print("ok: tmux: new mail indexed in the background; PAGER=cat")


def tmux_daily_workflow(tmp, env):
    """The whole daily workflow on a real terminal: open, read the
    summary, drill in, mark, export, quit; the next start remembers the
    group."""
    maildir = os.path.join(tmp, "daily")
    subprocess.run([sys.executable, os.path.join(HERE, "make-mail.py"), maildir], check=True)
    bootstrap_index(tmp, maildir, env)
    opened = os.path.join(tmp, "mailer-opened")
    mailer = "BOUNCEVIEW_MAILER=%s" % shlex_quote("echo %s >> " + shlex_quote(opened))
    start_ui(tmp, env, maildir, mailer, (120, 32))
    wait_for("6 bounces in daily, grouped by cause")
    tmux(["send-keys", "-t", "bv", "G"])
    screen = wait_for("What the reports say")
    if "Spamhaus" not in screen or "probably fine" not in screen:
        fail("tmux: the summary of the blocked group lacks its specifics:\n" + screen)
    tmux(["send-keys", "-t", "bv", "g", "Enter"])
    wait_for("cause: Recipient address does not exist")
    tmux(["send-keys", "-t", "bv", "j", "Enter"])
    wait_for("› eve@example.com — 1 bounce")
    tmux(["send-keys", "-t", "bv", "Enter"])
    wait_for("› eve@example.com › 2024-05-07")
    # The mail client runs on the terminal and the UI comes back.
    tmux(["send-keys", "-t", "bv", "E"])
    # The shell creates the file for its redirection before echo writes
    # to it: wait for the line itself, not only for the file.
    def mailer_ran():
        return os.path.exists(opened) and "id:tui-test-6@mail.shop.example.org" in open(opened).read()
    for _ in range(300):
        if mailer_ran():
            break
        __import__("time").sleep(0.1)
    if not mailer_ran():
        fail("tmux: $BOUNCEVIEW_MAILER was not run with the report's id: query")
    wait_for("› eve@example.com › 2024-05-07")
    tmux(["send-keys", "-t", "bv", "m"])
    wait_for("Marked eve@example.com")
    tmux(["send-keys", "-t", "bv", "q", "q", "q", "e"])
    wait_for("Export")
    out = os.path.join(tmp, "daily-fixes.csv")
    tmux(["send-keys", "-t", "bv", "C-u"])
    tmux(["send-keys", "-t", "bv", "-l", out])
    tmux(["send-keys", "-t", "bv", "Enter"])
    wait_for("Exported")
    tmux(["send-keys", "-t", "bv", "j", "Q"])
    if wait_exit() != 0:
        fail("tmux: the daily workflow did not end well")
    if "eve@example.com" not in open(out, encoding="utf-8").read():
        fail("tmux: the export lacks the marked address")
    r = subprocess.run([BOUNCEVIEW, "suppress", "list"], env=env, capture_output=True, text=True)
    if "eve@example.com" not in r.stdout:
        fail("tmux: the mark of the daily workflow was lost")
    # The next start puts the cursor back on the group it was on (2/3).
    start_ui(tmp, env, maildir, "", (120, 32))
    screen = wait_for("6 bounces in daily, grouped by cause")
    if "2/3" not in screen:
        fail("tmux: the next start did not remember the cursor's group:\n" + screen)
    tmux(["send-keys", "-t", "bv", "Q"])
    wait_exit()
    print("ok: tmux: the daily workflow, and the next start remembers")


def tmux_resumed_first_index(tmp, env):
    """An index made but holding no bounce yet (a first run that was
    stopped): the next start shows the progress screen from its first
    frame, never the empty group list, then the groups."""
    maildir = os.path.join(tmp, "resumed")
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, sub))
    r = subprocess.run([BOUNCEVIEW, "index", "--maildir", maildir], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        print("SKIP: tmux resumed index: cannot index an empty Maildir: " + r.stderr)
        return
    subprocess.run([sys.executable, os.path.join(HERE, "make-mail.py"), maildir, "--generate", "300"], check=True)
    start_ui(tmp, env, maildir)
    import time
    deadline = time.time() + 60
    seen_bar = False
    while time.time() < deadline:
        screen = tmux(["capture-pane", "-p", "-t", "bv"], check=False).stdout
        if "No bounces in this Maildir yet" in screen:
            fail("tmux: a resumed first index showed the empty list:\n" + screen)
        seen_bar = seen_bar or "Ctrl-C stops" in screen
        if "300 bounces in resumed, grouped by cause" in screen:
            break
        time.sleep(0.05)
    else:
        fail("tmux: the resumed index never showed its groups")
    if not seen_bar:
        fail("tmux: the resumed index showed no progress")
    tmux(["send-keys", "-t", "bv", "Q"])
    wait_exit()
    print("ok: tmux: a resumed first index shows its progress, then the groups")


def tmux_quit_during_bar(tmp, env):
    """q while the first index run shows its bar: the terminal is restored,
    the database still answers, and the next start completes."""
    maildir = os.path.join(tmp, "big")
    subprocess.run([sys.executable, os.path.join(HERE, "make-mail.py"), maildir], check=True)
    # Enough messages that the run is still going when q arrives on a
    # loaded machine: with 400, a busy CI host sometimes finished first.
    subprocess.run([sys.executable, os.path.join(HERE, "make-mail.py"), maildir, "--generate", "2000"], check=True)
    start_ui(tmp, env, maildir)
    wait_for("Ctrl-C stops", 30)
    # q opens what is indexed so far (the views, or the quit when the
    # database is not made yet); Q then stops the run.
    tmux(["send-keys", "-t", "bv", "q"])
    deadline = __import__("time").time() + 30
    while __import__("time").time() < deadline:
        screen = tmux(["capture-pane", "-p", "-t", "bv"], check=False).stdout
        if "in big, grouped by cause" in screen or "EXIT=" in screen:
            break
        __import__("time").sleep(0.1)
    if "in big, grouped by cause" in screen:
        print("ok: tmux: q during the bar opened what was indexed")
        tmux(["send-keys", "-t", "bv", "Q"])
    status = wait_exit(30)
    screen = tmux(["capture-pane", "-p", "-t", "bv"], check=False).stdout
    # The note on stderr says the run was stopped, not finished first.
    if status != 0 or "Ctrl-C stops" in screen or "indexing stopped" not in screen:
        fail("tmux: quitting during the bar (exit %d) left:\n%s" % (status, screen))
    if shutil.which("notmuch") is not None:
        cfg = os.path.join(tmp, "notmuch-big")
        with open(cfg, "w") as f:
            f.write("[database]\npath=%s\n" % maildir)
        r = subprocess.run(["notmuch", "--config=" + cfg, "count"], capture_output=True, text=True)
        if r.returncode != 0 or not r.stdout.strip().isdigit():
            fail("tmux: notmuch count fails after quitting: %s" % (r.stdout + r.stderr))
    start_ui(tmp, env, maildir)
    wait_for("2006 bounces in big, grouped by cause", 240)
    tmux(["send-keys", "-t", "bv", "Q"])
    if wait_exit() != 0:
        fail("tmux: the second start did not end well")
    print("ok: tmux: q during the progress bar, then a complete rerun")


def shlex_quote(s):
    import shlex
    return shlex.quote(s)


def coverage():
    text = open(os.path.join(SOURCE, "tui", "actions.h"), encoding="utf-8").read()
    actions = re.findall(r'X \((\w+), "([\w-]+)", "([^"]*)"', text)
    pressed = set()
    for s in os.listdir(os.path.join(HERE, "scripts")):
        for line in open(os.path.join(HERE, "scripts", s), encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith(("#", ":")):
                pressed.add(line)
    # "pager:Left" is Left pressed in the raw message view.
    missing = [name for _, name, keys in actions if not {k.split(":", 1)[-1] if len(k) > 1 else k
                                                          for k in keys.split()} & pressed]
    if not actions:
        fail("no actions found in tui/actions.h")
    if missing:
        fail("no scenario presses a key of: " + ", ".join(missing))
    print("ok: the scenarios press a key of each of the %d actions" % len(actions))


if __name__ == "__main__":
    if sys.argv[1] == "--coverage":
        coverage()
    elif sys.argv[1] == "--tmux":
        tmux_runs()
    else:
        run(sys.argv[1], "--update" in sys.argv[2:])
