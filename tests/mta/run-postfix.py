#!/usr/bin/env python3
"""Generate the Postfix bounces of the scenario table.

Runs a private Postfix instance (its own configuration and queue under a
temporary directory, listening on 127.0.0.1 only) against the fake SMTP
server of fakesmtp.py, sends one message per scenario, and stores the
bounces that Postfix writes back to the sender in bounces/postfix/.
Needs root and Postfix 3.x (Debian: apt-get install postfix); it never touches
the system's own Postfix configuration or queue.

    sudo python3 tests/mta/run-postfix.py
    sudo python3 tests/mta/run-postfix.py --delays

With --delays it sends the messages of scenarios.DELAYS instead, with a queue
lifetime of an hour and delay_warning_time = 1s (postconf(5): the time after
which the sender receives a copy of the message headers of mail that is still
queued; the shortest a time value allows), and keeps the "Delayed Mail (still
being retried)" notices (bounce(8)'s delay template) the queue manager sends
at the first retry after that second; then it stops Postfix (about 20 s).
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

MAIN_CF = """\
compatibility_level = 3.6
queue_directory = {run}/spool
data_directory = {run}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mta.example.org
mydomain = example.org
myorigin = origin.example.org
mydestination = local.example.org
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
local_recipient_maps =
transport_maps = texthash:{run}/etc/transport
alias_maps = texthash:{run}/etc/aliases
alias_database =
maximal_queue_lifetime = 0
bounce_queue_lifetime = 0
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
smtp_connect_timeout = 2s
smtp_helo_timeout = 3s
message_size_limit = 20000
mailbox_size_limit = 20000
default_privs = nobody
biff = no
smtputf8_enable = no
maillog_file = {run}/maillog
maillog_file_prefixes = /tmp/bv-
"""

MASTER_CF = """\
127.0.0.1:{port} inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
pipe67    unix  -       n       n       -       -       pipe
  flags=q user=nobody argv=/bin/sh -c {{ echo "no such mailbox here"; exit 67 }}
pipe75    unix  -       n       n       -       -       pipe
  flags=q user=nobody argv=/bin/sh -c {{ echo "mailbox temporarily locked"; exit 75 }}
pipe77    unix  -       n       n       -       -       pipe
  flags=q user=nobody argv=/bin/sh -c {{ echo "cannot open mailbox"; exit 77 }}
"""

# Failures of the MTA itself: local delivery, DNS, pipes.
LOCAL = [
    dict(id="local-unknown", rcpt="nobody-here@local.example.org", status="5.1.1", code="",
         command="", cause="userunknown", source="Postfix src/local/local.c (unknown user)"),
    dict(id="local-quota", rcpt="quota@local.example.org", status="5.2.2", code="",
         command="", cause="mailboxfull", source="Postfix src/global/mail_copy.c (EFBIG: 5.2.2)"),
    dict(id="alias-pipe75", rcpt="pipe-tempfail@local.example.org", status="4.3.0", code="",
         command="", cause="mailererror", source="Postfix src/global/sys_exits.c EX_TEMPFAIL"),
    dict(id="pipe67", rcpt="someone@pipe67.example.org", status="5.1.1", code="",
         command="", cause="mailererror", source="Postfix src/global/sys_exits.c EX_NOUSER; pipe(8)"),
    dict(id="pipe75", rcpt="someone@pipe75.example.org", status="4.3.0", code="",
         command="", cause="mailererror", source="Postfix src/global/sys_exits.c EX_TEMPFAIL; pipe(8)"),
    dict(id="pipe77", rcpt="someone@pipe77.example.org", status="5.7.0|5.3.0", code="",
         command="", cause="systemerror", source="Postfix src/global/sys_exits.c EX_NOPERM; pipe(8)"),
    dict(id="nodomain", rcpt="someone@no-such-domain.invalid", status="5.4.4|4.4.3", code="",
         command="", cause="hostunknown", source="Postfix src/dns/dns_lookup.c (Host not found)"),
    dict(id="alias-forward", rcpt="forwarded@local.example.org", final="gmail-nouser@mx.example.net",
         status="5.1.1", code="550", command="RCPT", cause="userunknown",
         source="an alias to a remote address the remote server refuses"),
]


def main():
    delays = "--delays" in sys.argv[1:]
    out = common.out_dir("postfix")
    run = tempfile.mkdtemp(prefix="bv-postfix-")
    os.chmod(run, 0o755)
    etc, sink = os.path.join(run, "etc"), os.path.join(run, "sink")
    os.makedirs(etc)
    os.makedirs(sink)
    for d in ("spool", "data"):
        os.makedirs(os.path.join(run, d))
    shutil.chown(os.path.join(run, "data"), "postfix", "postfix")

    shared, sink_port, ports = common.start_servers(
        scenarios, fakesmtp, sink, table=scenarios.DELAYS if delays else None, silence=30 if delays else 10)
    transport = [f"origin.example.org smtp:[127.0.0.1]:{sink_port}",
                 f"mx.example.net smtp:[127.0.0.1]:{shared}",
                 "pipe67.example.org pipe67:", "pipe75.example.org pipe75:",
                 "pipe77.example.org pipe77:"]
    transport += [f"{i}.example.net smtp:[127.0.0.1]:{p}" for i, p in ports.items()]
    with open(os.path.join(etc, "transport"), "w") as f:
        f.write("\n".join(transport) + "\n")
    quota = os.path.join(run, "quota.mbox")
    with open(quota, "w") as f:
        f.write("x" * 19990)
    shutil.chown(quota, "nobody")
    with open(os.path.join(etc, "aliases"), "w") as f:
        f.write(f"quota {quota}\n"
                "pipe-tempfail \"|/bin/sh -c 'echo try again later; exit 75'\"\n"
                "forwarded gmail-nouser@mx.example.net\n")
    smtpd_port = fakesmtp.free_port()
    with open(os.path.join(etc, "main.cf"), "w") as f:
        cf = MAIN_CF.format(run=run)
        if delays:
            cf = cf.replace("maximal_queue_lifetime = 0", "maximal_queue_lifetime = 1h")
            cf = cf.replace("bounce_queue_lifetime = 0", "bounce_queue_lifetime = 1h")
            cf += "delay_warning_time = 1s\n"
        f.write(cf)
    with open(os.path.join(etc, "master.cf"), "w") as f:
        f.write(MASTER_CF.format(port=smtpd_port))
    subprocess.run(["script", "-qc", f"postfix -c {etc} start", "/dev/null"], check=True)
    ids = [r"X-Postfix-Queue-ID: ([0-9A-Za-z]+)", r"\bid ([0-9A-Za-z]{8,})",
           r"Message-Id: <\d+\.([0-9A-Za-z]+)@"]
    if delays:
        jobs = common.delay_jobs(scenarios, "postfix")
        try:
            for job in jobs:
                common.submit("127.0.0.1", smtpd_port, job)
            common.wait_for_delays(sink, jobs, timeout=90)
        finally:
            subprocess.run(["postfix", "-c", etc, "stop"])
        common.collect_delays(sink, out, jobs, "postfix", ids=ids)
        print(f"run directory kept: {run}", file=sys.stderr)
        return
    try:
        jobs = common.jobs(scenarios, LOCAL, "postfix")
        for job in jobs:
            common.submit("127.0.0.1", smtpd_port, job)
        common.wait_for(sink, len(jobs), timeout=90)
    finally:
        subprocess.run(["postfix", "-c", etc, "stop"])
    common.collect(sink, out, jobs, "postfix",
                   ids=[r"X-Postfix-Queue-ID: ([0-9A-Za-z]+)", r"\bid ([0-9A-Za-z]{8,})",
                        r"Message-Id: <\d+\.([0-9A-Za-z]+)@"])
    print(f"run directory kept: {run}", file=sys.stderr)


if __name__ == "__main__":
    main()
