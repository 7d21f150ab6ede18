#!/usr/bin/env python3
"""Generate the Exim bounces of the scenario table.

Runs Exim 4 with a private configuration (-C) and spool under a temporary
directory against the fake SMTP server of fakesmtp.py; each message is
delivered at once (-odi), and the bounce Exim writes goes to the sink.  Needs
root.  Exim need not be installed: point EXIM at a binary unpacked from the
Debian package (apt-get download exim4-daemon-light; dpkg -x), with
LD_LIBRARY_PATH for its libraries; the binary wants the user Debian-exim.

    sudo EXIM=/path/to/usr/sbin/exim4 python3 tests/mta/run-exim.py
    sudo EXIM=/path/to/usr/sbin/exim4 python3 tests/mta/run-exim.py --delays

With --delays it sends the messages of scenarios.DELAYS instead, with a retry
rule that keeps retrying for an hour (* * F,1h,1s) and delay_warning = 1s
(spec, "Delay warning messages": a warning when a message has been on the
queue longer than the first time of the list); one forced queue run
(exim -qff) two seconds later makes Exim write its warning_message
template's notice (about 40 s: the silent host's command timeout).
"""
import os
import shutil
import subprocess
import sys
import time

import common
import fakesmtp
import scenarios

CONF = """\
primary_hostname = mta.example.org
qualify_domain = origin.example.org
spool_directory = {run}/spool
log_file_path = {run}/log/%slog
exim_path = {exim}
keep_environment = LD_LIBRARY_PATH
never_users =
domainlist local_domains = local.example.org
host_lookup =
rfc1413_hosts =
bounce_return_size_limit = 10K
delay_warning = 0s

begin routers

unknown_domain:
  driver = dnslookup
  domains = *.invalid
  transport = remote_smtp
  no_more

pipe67:
  driver = accept
  domains = pipe67.example.org
  transport = pipe67

pipe75:
  driver = accept
  domains = pipe75.example.org
  transport = pipe75

pipe77:
  driver = accept
  domains = pipe77.example.org
  transport = pipe77

scripted:
  driver = manualroute
  domains = ! +local_domains
  route_data = ${{lookup{{$domain}}lsearch{{{run}/routes}}}}
  transport = remote_smtp
  self = send
  no_more

system_aliases:
  driver = redirect
  domains = +local_domains
  allow_fail
  allow_defer
  data = ${{lookup{{$local_part}}lsearch{{{run}/aliases}}}}
  file_transport = address_file
  pipe_transport = address_pipe
  user = nobody

begin transports

remote_smtp:
  driver = smtp
  allow_localhost
  connect_timeout = 2s
  command_timeout = 3s
  helo_data = mta.example.org

address_file:
  driver = appendfile
  quota = 10K
  delivery_date_add
  envelope_to_add
  return_path_add

address_pipe:
  driver = pipe
  return_output

pipe67:
  driver = pipe
  command = /bin/sh -c 'echo no such mailbox here; exit 67'
  user = nobody
  return_fail_output

pipe75:
  driver = pipe
  command = /bin/sh -c 'echo mailbox temporarily locked; exit 75'
  user = nobody
  return_fail_output

pipe77:
  driver = pipe
  command = /bin/sh -c 'echo cannot open mailbox; exit 77'
  user = nobody
  return_fail_output

begin retry

begin rewrite
"""

# Failures of Exim itself.  With no retry rules, Exim treats a temporary
# error as permanent (spec, "Retry configuration").
LOCAL = [
    dict(id="local-unknown", rcpt="nobody-here@local.example.org", status="5.0.0|5.1.1", code="",
         command="", cause="userunknown", source="Exim src/src/deliver.c (\"Unrouteable address\")"),
    dict(id="local-quota", rcpt="quota@local.example.org", status="5.2.2|4.2.2|5.0.0", code="",
         command="", cause="mailboxfull", source="Exim src/src/transports/appendfile.c (mailbox is full)"),
    dict(id="alias-fail", rcpt="gone@local.example.org", status="5.0.0|5.1.1", code="",
         command="", cause="userunknown", source="Exim redirect router :fail: (spec, \"Special items in redirection lists\")"),
    dict(id="pipe67", rcpt="someone@pipe67.example.org", status="5.0.0|5.1.1|5.3.0", code="",
         command="", cause="mailererror", source="Exim src/src/transports/pipe.c (return code)"),
    dict(id="pipe75", rcpt="someone@pipe75.example.org", status="4.0.0|5.0.0|4.3.0", code="",
         command="", cause="mailererror", source="Exim src/src/transports/pipe.c (temp_errors)"),
    dict(id="pipe77", rcpt="someone@pipe77.example.org", status="5.0.0|5.3.0", code="",
         command="", cause="mailererror", source="Exim src/src/transports/pipe.c (return code)"),
    dict(id="nodomain", rcpt="someone@no-such-domain.invalid", status="5.0.0|5.1.2|5.4.4", code="",
         command="", cause="hostunknown", source="Exim src/src/routers/dnslookup.c"),
    dict(id="alias-forward", rcpt="forwarded@local.example.org", final="gmail-nouser@mx.example.net",
         status="5.1.1", code="550", command="RCPT", cause="userunknown",
         source="an alias to a remote address the remote server refuses"),
]


def main():
    delays = "--delays" in sys.argv[1:]
    exim = os.environ.get("EXIM", "exim4")
    out = common.out_dir("exim")
    # Exim keeps root privilege with -C only for a configuration listed in
    # its TRUSTED_CONFIG_LIST (Debian: /etc/exim4/trusted_configs); without
    # it, local deliveries fail for want of privilege.  So the run directory
    # has a fixed name, and that name is listed there.
    run = "/tmp/bv-exim-run"
    shutil.rmtree(run, ignore_errors=True)
    os.makedirs(run, mode=0o755)
    trusted = "/etc/exim4/trusted_configs"
    listed = open(trusted).read().split() if os.path.exists(trusted) else []
    if run + "/exim.conf" not in listed:
        os.makedirs(os.path.dirname(trusted), exist_ok=True)
        with open(trusted, "a") as f:
            f.write(run + "/exim.conf\n")
    sink = os.path.join(run, "sink")
    for d in ("sink", "spool", "log"):
        os.makedirs(os.path.join(run, d))
        if d != "sink":
            shutil.chown(os.path.join(run, d), "Debian-exim", "Debian-exim")
    shared, sink_port, ports = common.start_servers(
        scenarios, fakesmtp, sink, table=scenarios.DELAYS if delays else None, silence=30 if delays else 10)
    routes = [f"origin.example.org 127.0.0.1::{sink_port}", f"mx.example.net 127.0.0.1::{shared}"]
    routes += [f"{i}.example.net 127.0.0.1::{p}" for i, p in ports.items()]
    with open(os.path.join(run, "routes"), "w") as f:
        f.write("\n".join(routes) + "\n")
    os.makedirs(os.path.join(run, "mail"))
    shutil.chown(os.path.join(run, "mail"), "nobody")
    quota = os.path.join(run, "mail", "quota.mbox")
    with open(quota, "w") as f:
        f.write("x" * 20000)
    shutil.chown(quota, "nobody")
    with open(os.path.join(run, "aliases"), "w") as f:
        f.write(f"quota: {quota}\n"
                "gone: :fail: this address no longer exists\n"
                "forwarded: gmail-nouser@mx.example.net\n")
    conf = os.path.join(run, "exim.conf")
    text = CONF.format(run=run, exim=os.path.abspath(exim) if os.sep in exim else shutil.which(exim))
    if delays:
        text = text.replace("delay_warning = 0s", "delay_warning = 1s")
        text = text.replace("begin retry\n", "begin retry\n\n* * F,1h,1s\n")
        # Every route is a port of 127.0.0.1: a queue run would otherwise
        # pass its open connection to the sink on to the messages waiting
        # for "that host" (the refused one among them) and deliver them.
        text = text.replace("  helo_data = mta.example.org\n",
                            "  helo_data = mta.example.org\n  connection_max_messages = 1\n")
    with open(os.open(conf, os.O_WRONLY | os.O_CREAT, 0o644), "w") as f:
        f.write(text)
    ids = [r"\bid ([0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2,4})",
           r"<E([0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2,4})@"]
    if delays:
        jobs = common.delay_jobs(scenarios, "exim")
        for job in jobs:
            subprocess.run([exim, "-C", conf, "-odi", "-f", common.SENDER] + job["rcpts"],
                           input=common.message(job).encode(), check=False)
        time.sleep(2)
        subprocess.run([exim, "-C", conf, "-qff"], check=False)
        common.wait_for_delays(sink, jobs, timeout=30)
        common.collect_delays(sink, out, jobs, "exim", ids=ids)
        print(f"run directory kept: {run}", file=sys.stderr)
        return
    jobs = common.jobs(scenarios, LOCAL, "exim")
    for job in jobs:
        msg = common.message(job)
        subprocess.run([exim, "-C", conf, "-odi", "-f", common.SENDER] + job["rcpts"],
                       input=msg.encode(), check=False)
    common.wait_for(sink, len(jobs), timeout=60)
    common.collect(sink, out, jobs, "exim", ids=ids)
    print(f"run directory kept: {run}", file=sys.stderr)


if __name__ == "__main__":
    main()
