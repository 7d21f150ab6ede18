#!/usr/bin/env python3
"""Generate the qmail bounces of the scenario table.

Builds notqmail (qmail 1.03's maintained successor; its source in QMAIL_SRC)
into /tmp/bv-qmail-home and runs it against the fake SMTP server of
fakesmtp.py.  qmail wants eight users of its own, looked up when it is
built; they are added in a mount namespace (an overlay on /etc), so the
system's users and files do not change.  Needs root, unshare (util-linux),
overlayfs, make and a C compiler; the build takes about a minute.

    sudo QMAIL_SRC=/path/to/notqmail python3 tests/mta/run-qmail.py

control/smtproutes sends each domain to the fake server's port;
control/queuelifetime is 0, and a SIGALRM makes qmail-send retry at once, so
that a 4xx reply ends as "I'm not going to try again; this message has been
in the queue too long."  Local recipients: a name with no mailbox and
~alias/.qmail files piping to programs exiting 67 (a temporary failure to
qmail-local), 100 (permanent) and 111 (temporary).
"""
import os
import shutil
import signal
import subprocess
import sys
import time

import common
import fakesmtp
import scenarios

HOME = "/tmp/bv-qmail-home"

USERS = [("alias", "nofiles", HOME + "/alias"), ("qmaild", "nofiles", HOME),
         ("qmaill", "nofiles", HOME), ("qmailp", "nofiles", HOME), ("qmailq", "qmail", HOME),
         ("qmailr", "qmail", HOME), ("qmails", "qmail", HOME)]

# Failures of qmail itself (qmail-local, qmail-lspawn).
LOCAL = [
    dict(id="local-unknown", rcpt="nobody-here@local.example.org", status="5.1.1", code="",
         command="", cause="userunknown",
         source="notqmail qmail-lspawn.c (\"Sorry, no mailbox here by that name. (#5.1.1)\")"),
    # qmail-local reports a program's failure with the program's output
    # alone (qmail-command(8)): nothing says that a program failed, so the
    # reader takes the cause from the program's words.
    dict(id="pipe67", rcpt="pipe67@local.example.org", status="5.1.1|5.0.0|4.3.0|", code="",
         command="", cause="userunknown|mailererror",
         source="notqmail qmail-local.c: a program's exit 67 is a temporary failure"),
    dict(id="pipe100", rcpt="pipe100@local.example.org", status="5.1.1|5.0.0|", code="",
         command="", cause="userunknown|mailererror",
         source="notqmail qmail-local.c: exit 100 is a permanent failure (qmail-command(8))"),
    dict(id="pipe111", rcpt="pipe111@local.example.org", status="4.3.0|5.0.0|", code="",
         command="", cause="mailererror|systemerror",
         source="notqmail qmail-local.c: exit 111 is a temporary failure (qmail-command(8))"),
]


def setup_namespace(run):
    common.overlay(run, "/etc")
    common.sh("hostname", "mta.example.org")
    groups = open("/etc/group").read()
    with open("/etc/group", "a") as f:
        for name, gid in (("qmail", 7790), ("nofiles", 7791)):
            if f"\n{name}:" not in "\n" + groups:
                f.write(f"{name}:x:{gid}:\n")
    passwd = open("/etc/passwd").read()
    with open("/etc/passwd", "a") as f:
        for n, (name, group, home) in enumerate(USERS):
            if f"\n{name}:" not in "\n" + passwd:
                gid = 7790 if group == "qmail" else 7791
                f.write(f"{name}:x:{7780 + n}:{gid}::{home}:/bin/false\n")


def build(src, run):
    tree = os.path.join(run, "src")
    shutil.copytree(src, tree, ignore=shutil.ignore_patterns(".git"))
    with open(os.path.join(tree, "conf-qmail"), "w") as f:
        f.write(HOME + "\n")
    log = open(os.path.join(run, "build.log"), "w")
    common.sh("make", "-C", tree, "setup", "check", stdout=log, stderr=log)


def collect(sink):
    common.collect(sink, common.out_dir("qmail"), common.jobs(scenarios, LOCAL, "qmail"), "qmail")


def main():
    if len(sys.argv) > 1 and os.path.isdir(sys.argv[1]):
        # Collect again from a kept run directory.
        collect(os.path.join(sys.argv[1], "sink"))
        return
    if "--inside" not in sys.argv:
        os.execvp("unshare", ["unshare", "-m", "--uts", "--propagation", "private",
                              sys.executable, os.path.abspath(__file__), "--inside"])
    src = os.environ["QMAIL_SRC"]
    run = "/tmp/bv-qmail-run"
    shutil.rmtree(run, ignore_errors=True)
    shutil.rmtree(HOME, ignore_errors=True)
    os.makedirs(run)
    setup_namespace(run)
    build(src, run)

    sink = os.path.join(run, "sink")
    os.makedirs(sink)
    shared, sink_port, ports = common.start_servers(scenarios, fakesmtp, sink)
    routes = [f"origin.example.org:127.0.0.1:{sink_port}", f"mx.example.net:127.0.0.1:{shared}"]
    routes += [f"{i}.example.net:127.0.0.1:{p}" for i, p in ports.items()]
    control = {
        "me": "mta.example.org", "defaultdomain": "origin.example.org",
        "locals": "local.example.org", "rcpthosts": "local.example.org",
        "smtproutes": "\n".join(routes), "queuelifetime": "0",
        "timeoutconnect": "2", "timeoutremote": "5",
    }
    for name, text in control.items():
        with open(os.path.join(HOME, "control", name), "w") as f:
            f.write(text + "\n")
    aliases = {
        "pipe67": "|cat >/dev/null; echo no such mailbox here; exit 67",
        "pipe100": "|cat >/dev/null; echo no such mailbox here; exit 100",
        "pipe111": "|cat >/dev/null; echo mailbox temporarily locked; exit 111",
    }
    for name, line in aliases.items():
        path = os.path.join(HOME, "alias", ".qmail-" + name)
        with open(path, "w") as f:
            f.write(line + "\n")
        shutil.chown(path, "alias", "nofiles")
        os.chmod(path, 0o644)

    log = open(os.path.join(run, "qmail.log"), "w")
    env = dict(os.environ, PATH=HOME + "/bin:/usr/bin:/bin")
    proc = subprocess.Popen(["env", "-i", f"PATH={HOME}/bin:/usr/bin:/bin", HOME + "/bin/qmail-start",
                             "./Mailbox", "cat"], cwd="/", stdout=log, stderr=log,
                            start_new_session=True)
    try:
        time.sleep(1)
        jobs = common.jobs(scenarios, LOCAL, "qmail")
        for job in jobs:
            msg = common.message(job)
            subprocess.run([HOME + "/bin/qmail-inject", "-f" + common.SENDER] + job["rcpts"],
                           input=msg.encode(), env=env, stdout=log, stderr=log, timeout=30)
        # Temporary failures are retried once their queue lifetime (0 s)
        # is over: ALRM makes qmail-send schedule every delivery now.
        time.sleep(15)
        # qmail-start execs qmail-send in its own process.
        os.kill(proc.pid, signal.SIGALRM)
        common.wait_for(sink, len(jobs), timeout=60)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
    collect(sink)
    print(f"run directory kept: {run}", file=sys.stderr)


if __name__ == "__main__":
    main()
