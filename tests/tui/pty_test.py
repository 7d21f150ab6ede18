#!/usr/bin/env python3
# pty_test.py: the UI on a pseudo-terminal, for what tmux cannot show:
#   - the terminal goes away without SIGHUP (the pty is not the process's
#     controlling terminal, so closing the master side only makes reads
#     fail with EIO): the UI must exit at once, keeping the mark it made;
#   - TERM=dumb: refused with a clear message;
#   - a library writing to stderr while the UI is open (noise.c, loaded
#     with LD_PRELOAD): nothing of it reaches the screen, it is in
#     $XDG_STATE_HOME/bounceview/log, and the status line says so.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   pty_test.py NOISE_MODULE
import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (environment, bootstrap_index, fail)


class Ui:
    def __init__(self, env, maildir, cols=100, lines=30):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, cols, 0, 0))
        # A new session without acquiring the pty as controlling terminal:
        # closing the master sends no SIGHUP.
        self.proc = subprocess.Popen([run.BOUNCEVIEW, maildir], stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True)
        os.close(slave)
        self.output = b""

    def read(self, timeout):
        r, _, _ = select.select([self.master], [], [], timeout)
        if r:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return False
            self.output += data
            return bool(data)
        return False

    def wait_for(self, text, timeout=20.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if text.encode() in self.output:
                return
            if not self.read(0.2) and self.proc.poll() is not None:
                break
        run.fail("pty: %r never appeared; output was:\n%r" % (text, self.output[-3000:]))

    def send(self, keys):
        os.write(self.master, keys.encode())

    def exit_status(self, timeout=10.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                return self.proc.returncode
            try:
                self.read(0.1)
            except OSError:
                time.sleep(0.1)
        self.proc.kill()
        self.proc.wait()
        return None


def setup():
    tmp = tempfile.mkdtemp(prefix="bv-pty-")
    maildir = os.path.join(tmp, "mail")
    subprocess.run([sys.executable, os.path.join(run.HERE, "make-mail.py"), maildir], check=True)
    env = run.environment(tmp, {"TERM": "xterm-256color", "XDG_STATE_HOME": os.path.join(tmp, "state")})
    env.pop("G_DEBUG", None)
    run.bootstrap_index(tmp, maildir, env)
    return tmp, maildir, env


def terminal_gone(tmp, maildir, env):
    ui = Ui(env, maildir)
    ui.wait_for("bounces in mail")
    ui.send("\r")
    ui.wait_for("3 addresses")
    ui.send("m")
    ui.wait_for("Marked alice@example.com")
    started = time.time()
    os.close(ui.master)
    status = ui.exit_status(10.0)
    if status is None:
        run.fail("pty: still running 10 s after the terminal went away (reads fail with EIO)")
    r = subprocess.run([run.BOUNCEVIEW, "suppress", "list"], env=env, capture_output=True, text=True)
    if "alice@example.com" not in r.stdout:
        run.fail("pty: the mark made before the terminal went away is lost: " + r.stdout + r.stderr)
    print("ok: pty: the terminal went away without SIGHUP; exit %d after %.1f s, mark kept"
          % (status, time.time() - started))


def dumb_terminal(tmp, maildir, env):
    ui = Ui(dict(env, TERM="dumb"), maildir)
    status = ui.exit_status(10.0)
    while ui.read(0.2):
        pass
    text = ui.output.decode(errors="replace")
    if status is None or status == 0 or "cannot move the cursor" not in text:
        run.fail("pty: TERM=dumb gave exit %s and:\n%s" % (status, text))
    print("ok: pty: TERM=dumb refused: " + text.strip().splitlines()[-1])


def library_noise(tmp, maildir, env, module):
    trigger = os.path.join(tmp, "make-noise")
    env = dict(env, LD_PRELOAD=module, BV_NOISE_TRIGGER=trigger)
    if os.environ.get("BOUNCEVIEW_SANITIZED"):
        # ASan wants its runtime first among preloaded libraries; the noise
        # module intercepts nothing ASan does, so the order does not matter.
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"
    ui = Ui(env, maildir)
    ui.wait_for("bounces in mail")
    open(trigger, "w").close()
    ui.wait_for("A library wrote a message")
    ui.send("Q")
    status = ui.exit_status(10.0)
    while ui.read(0.2):
        pass
    if status != 0:
        run.fail("pty: exit %s after Q" % status)
    if b"noise-from-a-library" in ui.output:
        run.fail("pty: what a library wrote reached the screen:\n%r" % ui.output[-2000:])
    log = os.path.join(env["XDG_STATE_HOME"], "bounceview", "log")
    text = open(log, encoding="utf-8", errors="replace").read() if os.path.exists(log) else ""
    for want in ("straight to stderr", "a GLib warning"):
        if want not in text:
            run.fail("pty: %r is not in the log %s:\n%s" % (want, log, text))
    print("ok: pty: library output went to the log, not the screen")


def main():
    tmp, maildir, env = setup()
    try:
        terminal_gone(tmp, maildir, env)
        dumb_terminal(tmp, maildir, env)
        library_noise(tmp, maildir, env, os.path.abspath(sys.argv[1]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
