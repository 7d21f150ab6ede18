#!/usr/bin/env python3
"""Generate the Courier bounces of the scenario table.

Runs the Courier mail server 1.0 (Debian's courier-mta and courier-base,
unpacked with dpkg -x) against the fake SMTP server of fakesmtp.py and stores
the bounces (Courier's own DSNs, courierdsn) in bounces/courier/.  Courier's
paths are compiled in (/etc/courier, /usr/lib/courier, /var/lib/courier), and
its package conflicts with the system's MTA, so the run happens in a mount
namespace of its own: overlays on /etc, /usr/lib and /var/lib whose upper
layers (under a temporary directory) hold the unpacked files, a `courier`
user and the private configuration.  Nothing outside the namespace changes.
Needs root, unshare (util-linux) and overlayfs.

    apt-get download courier-mta courier-base courier-authlib courier-authdaemon \\
        courier-authlib-userdb libcourier-unicode4 libgamin0 libltdl7
    for d in *.deb; do dpkg -x $d root; done
    sudo COURIER_ROOT=$PWD/root python3 tests/mta/run-courier.py

With --delays it sends the messages of scenarios.DELAYS instead, with
queuetime 1h and warntime 5s: the retry after the warning time (every 10 s)
finds the message still undelivered and courierd sends the delay
notification (courier's "DELAYED" DSN) with each recipient's transcript.

Routing: esmtproutes sends each domain to the fake server's port
([127.0.0.1],PORT); queuetime is 40 s with retries every 10 s, so that a 4xx
reply is returned as undeliverable within the run.
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

# Failures of Courier itself: local addresses (authdaemond with authpam
# finds no account; aliasdir's .courier files pipe to programs), an alias,
# DNS.  Courier's Final-Recipient of an alias is its target.
LOCAL = [
    # Courier gives its own reply code (550) and no command: by the
    # decisions of parsers/README.md that is "filtered", while a reader
    # knows it is an unknown local user.
    dict(id="local-unknown", rcpt="nobody-here@local.example.org", status="5.1.1|5.0.0", code="|550",
         command="", cause="filtered|userunknown",
         source="Courier courier/module.local (\"User <...> unknown\")"),
    # A program's failure is reported with the program's output alone
    # (" <<< no such mailbox here", Status 5.0.0): the reader takes the cause
    # from the program's words.
    dict(id="alias-pipe67", rcpt="pipe67@local.example.org", status="5.0.0|5.1.1", code="",
         command="", cause="userunknown|mailererror",
         source="Courier courier/module.local: a program exiting EX_NOUSER (67)"),
    dict(id="alias-pipe75", rcpt="pipe75@local.example.org", status="4.0.0|4.3.0|5.0.0", code="",
         command="", cause="mailererror|systemerror",
         source="Courier courier/module.local: a program exiting EX_TEMPFAIL (75)"),
    dict(id="alias-pipe77", rcpt="pipe77@local.example.org", status="5.0.0|5.3.0", code="",
         command="", cause="mailererror|systemerror",
         source="Courier courier/module.local: a program exiting EX_NOPERM (77)"),
    dict(id="alias-forward", rcpt="forwarded@local.example.org", final="gmail-nouser@mx.example.net",
         status="5.1.1", code="550", command="RCPT", cause="userunknown",
         source="an alias to a remote address the remote server refuses"),
    dict(id="nodomain", rcpt="someone@no-such-domain.invalid", status="5.1.2|5.4.4|4.4.3|5.0.0", code="",
         command="", cause="hostunknown",
         source="Courier courier/module.esmtp/esmtpclient.c (no such domain)"),
]

COURIERD = """\
prefix="/usr"
exec_prefix="/usr"
PATH=/usr/bin:/bin
SHELL=/bin/sh
DSNTOAUTHADDR=0
DYNAMICDELIVERIES=0
DEFAULTDELIVERY=./Maildir
ESMTP_CORK=0
ESMTP_USE_STARTTLS=0
ESMTP_TLS_VERIFY_DOMAIN=0
ESMTP_PREFER_IPV6_MX=0
TLS_VERIFYPEER=NONE
"""


IDS = [r"\bid ([0-9A-F]{16}\.[0-9A-F]{16}\.[0-9A-F]{8})", r"<courier\.([0-9A-F]{16}\.[0-9A-F]{8})@"]


def collect(sink):
    common.collect(sink, common.out_dir("courier"), common.jobs(scenarios, LOCAL, "courier"), "courier", ids=IDS)


def main():
    if len(sys.argv) > 1 and os.path.isdir(sys.argv[1]):
        # Collect again from a kept run directory.
        collect(os.path.join(sys.argv[1], "sink"))
        return
    if "--inside" not in sys.argv:
        # A mount namespace and a host name of its own for the whole run.
        os.execvp("unshare", ["unshare", "-m", "--uts", "--propagation", "private",
                              sys.executable, os.path.abspath(__file__), "--inside"]
                  + [a for a in sys.argv[1:] if a == "--delays"])
    delays = "--delays" in sys.argv[1:]
    root = os.environ["COURIER_ROOT"]
    run = tempfile.mkdtemp(prefix="bv-courier-")
    os.chmod(run, 0o755)
    common.sh("hostname", "mta.example.org")
    common.overlay(run, "/etc")
    common.overlay(run, "/usr/lib", os.path.join(root, "usr/lib"))
    common.overlay(run, "/var/lib")
    common.overlay(run, "/usr/sbin")
    common.overlay(run, "/usr/bin")
    common.sh("mount", "-t", "tmpfs", "tmpfs", "/run")
    for sub in ("etc/courier", "var/lib/courier"):
        shutil.copytree(os.path.join(root, sub), "/" + sub, symlinks=True, dirs_exist_ok=True)
    for sub in ("usr/sbin", "usr/bin"):
        for f in os.listdir(os.path.join(root, sub)):
            src, dst = os.path.join(root, sub, f), os.path.join("/", sub, f)
            if os.path.lexists(dst):
                os.remove(dst)
            shutil.copy2(src, dst, follow_symlinks=False)
    if "courier" not in open("/etc/passwd").read():
        with open("/etc/group", "a") as f:
            f.write("courier:x:9990:\n")
        with open("/etc/passwd", "a") as f:
            f.write("courier:x:9990:9990:Courier:/var/lib/courier:/usr/sbin/nologin\n")
    os.makedirs("/run/courier/authdaemon", exist_ok=True)
    common.sh("chown", "-R", "courier:courier", "/var/lib/courier", "/run/courier")

    sink = os.path.join(run, "sink")
    os.makedirs(sink)
    shared, sink_port, ports = common.start_servers(
        scenarios, fakesmtp, sink, table=scenarios.DELAYS if delays else None, silence=60 if delays else 10)
    routes = [f"origin.example.org: [127.0.0.1],{sink_port}", f"mx.example.net: [127.0.0.1],{shared}"]
    routes += [f"{i}.example.net: [127.0.0.1],{p}" for i, p in ports.items()]
    conf = "/etc/courier"
    files = {
        "esmtproutes": "\n".join(routes) + "\n",
        "me": "mta.example.org\n",
        "defaultdomain": "origin.example.org\n",
        "locals": "local.example.org\nlocalhost\n",
        "queuetime": "40s\n",
        "warntime": "1h\n",
        "retryalpha": "10s\n",
        "retrybeta": "3\n",
        "retrygamma": "10s\n",
        "retrymaxdelta": "1\n",
        "esmtpdelay": "1\n",
        "esmtptimeoutconnect": "2\n",
        "esmtptimeouthelo": "5\n",
        "esmtptimeoutkeepalive": "1\n",
        "courierd": COURIERD,
    }
    if delays:
        files.update(queuetime="1h\n", warntime="5s\n")
    for name, text in files.items():
        with open(os.path.join(conf, name), "w") as f:
            f.write(text)
    for name, code, text in (("pipe67", 67, "no such mailbox here"),
                             ("pipe75", 75, "mailbox temporarily locked"),
                             ("pipe77", 77, "cannot open mailbox")):
        path = os.path.join(conf, "aliasdir", ".courier-" + name)
        with open(path, "w") as f:
            f.write(f"|cat >/dev/null; echo {text}; exit {code}\n")
        shutil.chown(path, "courier", "courier")
    with open(os.path.join(conf, "aliases", "system"), "a") as f:
        f.write("forwarded: gmail-nouser@mx.example.net\n")
    with open(os.path.join(conf, "authdaemonrc"), "a") as f:
        f.write('authmodulelist="authpam"\n')
    subprocess.run(["/usr/sbin/makealiases"], check=False)
    subprocess.run(["/usr/sbin/authdaemond", "start"], check=False)
    log = open(os.path.join(run, "courier.log"), "w")
    common.sh("/usr/sbin/courier", "start", stdout=log, stderr=log)
    try:
        time.sleep(2)
        if delays:
            jobs = common.delay_jobs(scenarios, "courier")
        else:
            jobs = common.jobs(scenarios, LOCAL, "courier")
        for job in jobs:
            msg = common.message(job)
            subprocess.run(["/usr/sbin/sendmail", "-f", common.SENDER] + job["rcpts"],
                           input=msg.encode(), stdout=log, stderr=log, timeout=30)
        if delays:
            common.wait_for_delays(sink, jobs, timeout=150)
        else:
            common.wait_for(sink, len(jobs), timeout=150)
    finally:
        subprocess.run(["/usr/sbin/courier", "stop"], stdout=log, stderr=log)
        subprocess.run(["/usr/sbin/authdaemond", "stop"], stdout=log, stderr=log)
    if delays:
        common.collect_delays(sink, common.out_dir("courier"), jobs, "courier", ids=IDS)
    else:
        collect(sink)
    print(f"run directory kept: {run}", file=sys.stderr)


if __name__ == "__main__":
    main()
