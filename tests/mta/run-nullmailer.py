#!/usr/bin/env python3
"""Generate the nullmailer bounces of the scenario table.

Runs nullmailer 2.2 (Debian's nullmailer, unpacked with dpkg -x) against the
fake SMTP server of fakesmtp.py and stores the bounces that nullmailer-dsn
writes in bounces/nullmailer/.  nullmailer relays everything to the hosts of
its `remotes` file (no routing per domain), so every message gets a private
prefix of its own: NULLMAILER_TEST_PREFIX (lib/config_path.cc; honoured when
the program is not running setuid, so the binaries are copied without their
setuid bits) points conf/, queue/, protocols/, bin/ and sbin/ there, and
nothing of the machine's own mail setup is read or changed.  Needs root only
to read the unpacked files; no namespace.

    apt-get download nullmailer && dpkg -x nullmailer_*.deb root
    NULLMAILER_ROOT=$PWD/root python3 tests/mta/run-nullmailer.py

Per message: the remote is the fake server's port ("127.0.0.1 smtp
--port=N"), `pausetime` 0 makes nullmailer-send do one pass and exit
(src/send.cc main), `queuelifetime` 0 makes a temporary failure final at the
first attempt after a second (send.cc send_all), `sendtimeout` 5 ends a
session whose server never greets.  nullmailer-send bounces a message on a
permanent failure or an expired temporary one (send.cc bounce_msg, which runs
nullmailer-dsn into nullmailer-queue); the bounce is then relayed by a second
pass whose remote is the sink.

What nullmailer can say (src/send.cc parse_output, src/dsn.cc):
- one report per message, every recipient with the same Status and
  Diagnostic-Code: the session ends at the first refused RCPT
  (protocols/smtp.cc docmd -> protocol_fail), so the recipients after it are
  reported with its reply;
- Diagnostic-Code "SMTP; " and the reply, its lines joined with '/', never
  the command it answered;
- Status: the first d.d.d in the reply, else 5.0.0; a 4.x.x status makes
  nullmailer-dsn write a delay notification (Action: delayed, "has not been
  delivered") although the message has been moved to failed/ and is never
  tried again: nullmailer-send calls nullmailer-dsn only from bounce_msg, so
  every report it sends is final (kind failed).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import common
import fakesmtp
import scenarios

LOCAL = []  # nullmailer delivers nothing itself: no local failures.

IDS = []


def mask(text):
    """What common.mask leaves: nullmailer's Message-Id and boundary
    (seconds.microseconds.pid, lib/makefield.cc), its queue file names and
    the pid in its Received line."""
    text = re.sub(r"<\d+\.\d+\.\d+\.nullmailer@", "<1796637600.000000.1000.nullmailer@", text)
    text = re.sub(r"\b\d{9,10}\.\d{6}\.\d+\b", "1796637600.000000.1000", text)
    text = re.sub(r"\(nullmailer pid \d+ invoked", "(nullmailer pid 1000 invoked", text)
    return text


def expected_jobs():
    jobs = common.jobs(scenarios, LOCAL, "nullmailer")
    for j in jobs:
        first = j["rows"][0]
        for n, r in enumerate(j["rows"]):
            if n:
                # smtp.cc stops at the first refused RCPT: dsn.cc reports
                # every recipient with that reply.
                r.update(status=first["status"], code=first["code"],
                         command=first["command"], cause=first["cause"])
            # The report never names the command (send.cc parse_output).
            if r["command"] and not r["command"].endswith("|"):
                r["command"] += "|"
            if r["id"] == "rfc-nosuchuser" and n == 0:
                # A code, unknown-user words, no command (parsers/README.md).
                r["cause"] = "filtered|userunknown"
            if r["stage"] in ("silent", "refused"):
                # No reply: send.cc's default Status 5.0.0.
                r["status"] = "5.0.0|" + r["status"]
            if r["stage"] == "silent":
                # Killed after sendtimeout: "Diagnostic-Code: SMTP; " and
                # nothing else (send.cc catchsender); a reader cannot tell why.
                r["cause"] = "undefined|expired"
    return jobs


def prefix(run, name, root):
    """A private NULLMAILER_TEST_PREFIX for one message."""
    p = os.path.join(run, name)
    for d in ("conf", "queue/queue", "queue/tmp", "queue/failed", "protocols", "bin", "sbin"):
        os.makedirs(os.path.join(p, d))
    os.mkfifo(os.path.join(p, "queue", "trigger"))
    for sub, files in (("usr/lib/nullmailer", ("smtp",)),
                       ("usr/bin", ("nullmailer-dsn", "nullmailer-inject")),
                       ("usr/sbin", ("nullmailer-queue", "nullmailer-send", "sendmail"))):
        dest = {"usr/lib/nullmailer": "protocols", "usr/bin": "bin", "usr/sbin": "sbin"}[sub]
        for f in files:
            shutil.copyfile(os.path.join(root, sub, f), os.path.join(p, dest, f))
            os.chmod(os.path.join(p, dest, f), 0o755)  # no setuid: the prefix counts
    return p


def conf(p, port, **extra):
    # Debian's nullmailer reads its host name from /etc/mailname, that is
    # ../mailname beside conf/ (its 'me' is disregarded).
    with open(os.path.join(p, "mailname"), "w") as f:
        f.write("mta.example.org\n")
    values = dict(defaultdomain="example.org", defaulthost="mta.example.org",
                  remotes=f"127.0.0.1 smtp --port={port}", pausetime="0", queuelifetime="0",
                  sendtimeout="5", bouncelines="0")
    values.update(extra)
    for name, text in values.items():
        with open(os.path.join(p, "conf", name), "w") as f:
            f.write(text + "\n")


def run_job(job, p, port, sink_port, log):
    env = dict(os.environ, NULLMAILER_TEST_PREFIX=p)
    conf(p, port)
    subprocess.run([os.path.join(p, "sbin", "sendmail"), "-f", common.SENDER] + job["rcpts"],
                   input=common.message(job).encode(), env=env, stdout=log, stderr=log, timeout=30)
    # queuelifetime 0: a temporary failure is final once a second has passed.
    time.sleep(2)
    subprocess.run([os.path.join(p, "sbin", "nullmailer-send")], env=env, stdout=log, stderr=log,
                   timeout=60)
    # nullmailer-dsn and nullmailer-queue run after nullmailer-send is gone.
    queue = os.path.join(p, "queue", "queue")
    end = time.time() + 20
    while time.time() < end and not os.listdir(queue):
        time.sleep(0.5)
    time.sleep(0.5)
    conf(p, sink_port)
    subprocess.run([os.path.join(p, "sbin", "nullmailer-send")], env=env, stdout=log, stderr=log,
                   timeout=60)


def collect(sink):
    out = common.fresh_out_dir("nullmailer")
    # The subject ("Returned mail: Could not send message") makes every
    # row's kind failed, also for the reports dsn.cc words as delays.
    common.collect(sink, out, expected_jobs(), "nullmailer", ids=IDS)
    for f in os.listdir(out):
        if f.endswith(".eml"):
            path = os.path.join(out, f)
            text = open(path, encoding="utf-8").read()
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(mask(text))


def main():
    if len(sys.argv) > 1 and os.path.isdir(sys.argv[1]):
        # Collect again from a kept run directory.
        collect(os.path.join(sys.argv[1], "sink"))
        return
    root = os.environ["NULLMAILER_ROOT"]
    run = tempfile.mkdtemp(prefix="bv-nullmailer-")
    sink = os.path.join(run, "sink")
    os.makedirs(sink)
    shared, sink_port, ports = common.start_servers(scenarios, fakesmtp, sink, silence=30)
    jobs = expected_jobs()
    logs = []

    def one(job):
        p = prefix(run, job["name"], root)
        sc = scenarios.BY_ID.get(job["name"])
        port = ports.get(job["name"], shared) if sc else shared
        with open(os.path.join(p, "log"), "w") as log:
            run_job(job, p, port, sink_port, log)
        logs.append(p)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, jobs))
    common.wait_for(sink, len(jobs), timeout=30)
    collect(sink)
    print(f"run directory kept: {run}", file=sys.stderr)


if __name__ == "__main__":
    main()
