#!/usr/bin/env python3
"""Generate the OpenSMTPD bounces of the scenario table.

Runs OpenSMTPD 6.8 (smtpd -d -f CONF, in the foreground) with a private
configuration against the fake SMTP server of fakesmtp.py and stores the
bounces it sends back in bounces/opensmtpd/.  Needs root, the users
opensmtpd and opensmtpq, and /var/lib/opensmtpd/empty; its queue is its
compiled-in /var/spool/smtpd.  OpenSMTPD need not be installed: point
SMTPD at a binary unpacked from the Debian package (apt-get download
opensmtpd; dpkg -x).

    sudo SMTPD=/path/to/usr/sbin/smtpd python3 tests/mta/run-opensmtpd.py
    sudo SMTPD=/path/to/usr/sbin/smtpd python3 tests/mta/run-opensmtpd.py --delays

With --delays it sends the messages of scenarios.DELAYS instead, with
"queue ttl 1h" and "bounce warn-interval 1s": on a temporary failure whose
next try comes after creation + 1 s (the first retry of a relayed envelope is
minutes away, scheduler_ramqueue.c BACKOFF_TRANSFER) the scheduler asks for a
B_DELAYED bounce at once (usr.sbin/smtpd/scheduler.c), which bounce.c writes
with its notice_warning text and the envelope's last error line.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import common
import fakesmtp
import scenarios

LOCAL = [
    dict(id="nodomain", rcpt="someone@no-such-domain.invalid", status="5.0.0|5.1.2|5.4.4|4.4.3", code="",
         command="", cause="hostunknown", source="OpenSMTPD usr.sbin/smtpd/mta.c (no MX found)"),
]


IDS = [r"\bid ([0-9a-f]{8})\b", r"Message-I[Dd]: <([0-9a-f]{8,})[.@]", r"boundary=\"?([0-9a-f]{8,})"]


def drop_queued_delays(queue="/var/spool/smtpd/queue"):
    """The messages of a --delays run stay queued for an hour in the
    compiled-in queue: remove them, so that the next run of smtpd does not
    retry them."""
    for bucket in os.listdir(queue) if os.path.isdir(queue) else ():
        for msg in os.listdir(os.path.join(queue, bucket)):
            path = os.path.join(queue, bucket, msg)
            try:
                data = open(os.path.join(path, "message"), "rb").read()
            except OSError:
                continue
            if b"X-Scenario: delay-" in data:
                shutil.rmtree(path, ignore_errors=True)


def expected_jobs():
    jobs = common.jobs(scenarios, LOCAL, "opensmtpd")
    # OpenSMTPD's report quotes the reply but never the command it
    # answered (usr.sbin/smtpd/bounce.c): a reader cannot tell.
    for j in jobs:
        for r in j["rows"]:
            if r["command"] and not r["command"].endswith("|"):
                r["command"] += "|"
    return jobs


def collect(sink, out, jobs):
    # A deferral that outlives "queue ttl" is reported as "delayed" with
    # "Envelope expired" and Status 4.4.7, without the last reply
    # (usr.sbin/smtpd/scheduler.c, bounce.c).
    common.collect(sink, out, jobs, "opensmtpd", ids=IDS,
                   delayed=dict(status="4.4.7", code="", command="", cause="expired"))


def main():
    delays = "--delays" in sys.argv[1:]
    argv = [a for a in sys.argv[1:] if a != "--delays"]
    if argv:
        # Collect again from a kept run directory.
        out = common.out_dir("opensmtpd")
        collect(os.path.join(argv[0], "sink"), out, expected_jobs())
        return
    smtpd = os.environ.get("SMTPD", "smtpd")
    out = common.out_dir("opensmtpd")
    run = tempfile.mkdtemp(prefix="bv-opensmtpd-")
    os.chmod(run, 0o755)
    sink = os.path.join(run, "sink")
    os.makedirs(sink)
    shared, sink_port, ports = common.start_servers(
        scenarios, fakesmtp, sink, table=scenarios.DELAYS if delays else None, silence=400 if delays else 10)
    listen = fakesmtp.free_port()
    conf = [f"listen on 127.0.0.1 port {listen} hostname mta.example.org",
            "queue ttl 1h" if delays else "queue ttl 100s",
            "bounce warn-interval 1s" if delays else "bounce warn-interval 30s",
            f'action "sink" relay host smtp://127.0.0.1:{sink_port}',
            f'action "mx" relay host smtp://127.0.0.1:{shared}',
            'action "dns" relay',
]
    for i, p in ports.items():
        conf.append(f'action "s-{i}" relay host smtp://127.0.0.1:{p}')
    conf += ['match from any for domain "origin.example.org" action "sink"',
             'match from any for domain "mx.example.net" action "mx"',
             'match from any for domain "no-such-domain.invalid" action "dns"']
    conf += [f'match from any for domain "{i}.example.net" action "s-{i}"' for i in ports]
    path = os.path.join(run, "smtpd.conf")
    with open(path, "w") as f:
        f.write("\n".join(conf) + "\n")
    log = open(os.path.join(run, "smtpd.log"), "w")
    proc = subprocess.Popen([smtpd, "-d", "-v", "-f", path], stdout=log, stderr=log)
    try:
        time.sleep(2)
        if delays:
            jobs = common.delay_jobs(scenarios, "opensmtpd")
            for r in (r for j in jobs for r in j["rows"]):
                if r["command"] and not r["command"].endswith("|"):
                    r["command"] += "|"
            for job in jobs:
                common.submit("127.0.0.1", listen, job)
            common.wait_for_delays(sink, jobs, timeout=420)
            proc.terminate()
            proc.wait()
            drop_queued_delays()
            common.collect_delays(sink, out, jobs, "opensmtpd", ids=IDS)
            print(f"run directory kept: {run}", file=sys.stderr)
            return
        jobs = expected_jobs()
        for job in jobs:
            common.submit("127.0.0.1", listen, job)
        common.wait_for(sink, len(jobs), timeout=240, subject="failed")
    finally:
        proc.terminate()
        proc.wait()
    collect(sink, out, jobs)
    print(f"run directory kept: {run}", file=sys.stderr)


if __name__ == "__main__":
    main()
