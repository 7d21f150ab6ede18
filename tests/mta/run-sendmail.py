#!/usr/bin/env python3
"""Generate the Sendmail bounces of the scenario table.

Runs Sendmail 8.17 with a private sendmail.cf (built with m4 from a .mc and
the sendmail-cf macros), queue, aliases and mailertable under a temporary
directory, against the fake SMTP server of fakesmtp.py.  Each message is
submitted on the command line and delivered at once (-odi, errors mailed
back with -oem); a 4xx reply leaves the message in the queue, where
Timeout.queuereturn=1s makes the next queue run (sendmail -q, once, in the
foreground) return it with the last reply.  ("now" would return every
message before its first delivery attempt.)  Needs
root.  Sendmail need not be installed, and the system's MTA is not touched:
point SENDMAIL at a binary unpacked from the Debian package and SENDMAIL_CF at
the sendmail-cf macros (apt-get download sendmail-bin sendmail-cf; dpkg -x):

    sudo SENDMAIL=$D/usr/libexec/sendmail/sendmail SENDMAIL_CF=$D/usr/share/sendmail/cf \\
        python3 tests/mta/run-sendmail.py
    ... python3 tests/mta/run-sendmail.py --delays

With --delays it sends the messages of scenarios.DELAYS instead, with
Timeout.queuewarn=1s and Timeout.queuereturn=1h: the queue run two seconds
after the first attempt finds each message still deferred and older than the
warning time, and Sendmail sends its "Warning: could not send message for
past 1 second" notice (sendmail/savemail.c, returntosender with the
"Warning: message still undelivered after" transcript line of
sendmail/deliver.c) instead of returning the message.

Every remote domain is routed by the mailertable to a mailer of its own
whose A= names the fake server's port ([127.0.0.1] in brackets: no MX
lookup); the service switch knows only the files, so that Sendmail never
waits for a name server (it would otherwise try to canonify its own name).
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

MC = """\
divert(-1)
# The private configuration of tests/mta/run-sendmail.py.
divert(0)dnl
include(`{cf}/m4/cf.m4')dnl
OSTYPE(`linux')dnl
define(`confDOMAIN_NAME', `mta.example.org')dnl
define(`confDONT_PROBE_INTERFACES', `True')dnl
define(`confBIND_OPTS', `-DNSRCH -DEFNAMES')dnl
define(`confSERVICE_SWITCH_FILE', `{run}/service.switch')dnl
define(`confHOSTS_FILE', `{run}/hosts')dnl
define(`QUEUE_DIR', `{run}/mqueue')dnl
define(`STATUS_FILE', `{run}/statistics')dnl
define(`ALIAS_FILE', `{run}/aliases')dnl
define(`confPID_FILE', `{run}/sendmail.pid')dnl
define(`confHOST_STATUS_DIRECTORY', `')dnl
define(`confTO_QUEUERETURN', `1s')dnl
define(`confSEPARATE_PROC', `True')dnl
define(`confMIN_QUEUE_AGE', `0')dnl
define(`confTO_QUEUEWARN', `')dnl
define(`confTO_CONNECT', `2s')dnl
define(`confTO_ICONNECT', `2s')dnl
define(`confTO_INITIAL', `3s')dnl
define(`confTO_HELO', `3s')dnl
define(`confDEF_USER_ID', `nobody:nogroup')dnl
define(`confDONT_BLAME_SENDMAIL', `MapInUnsafeDirPath,GroupWritableDirPathSafe,ForwardFileInUnsafeDirPathSafe')dnl
define(`confLOG_LEVEL', `14')dnl
FEATURE(`nocanonify')dnl
FEATURE(`mailertable', `hash {run}/mailertable')dnl
LOCAL_DOMAIN(`local.example.org')dnl
MAILER(`local')dnl
MAILER(`smtp')dnl
MAILER_DEFINITIONS
"""

# One SMTP mailer per port of the fake server: the flags and rulesets of the
# esmtp mailer of cf/mailer/smtp.m4, another port in A=.
MAILER = """\
M{name}, P=[IPC], F=mDFMuXa, S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP, E=\\r\\n, L=990,
\tT=DNS/RFC822/SMTP, A=TCP $h {port}
"""

# Sendmail qualifies its own host name before it reads its configuration,
# and where the name has no dot and the resolver cannot qualify it, it
# sleeps 60 seconds (sendmail/main.c: "My unqualified host name (%s)
# unknown; sleeping for retry") on every invocation: that was the "hang".
# So each run is in a UTS namespace of its own whose host name is qualified;
# the machine's own name is not changed.
def uts(argv, prefix=""):
    return ["unshare", "--uts", "sh", "-c", prefix + 'hostname mta.example.org && exec "$@"', "sh"] + argv

# Failures of Sendmail itself: its local user lookup, its file and program
# deliveries (aliases), DNS.
LOCAL = [
    # Sendmail writes its own failures as SMTP replies ("550 5.1.1 ...
    # User unknown", in the transcript and in an X-Unix Diagnostic-Code):
    # either the code it gives or none is right.
    dict(id="local-unknown", rcpt="nobody-here@local.example.org", status="5.1.1", code="|550",
         command="", cause="userunknown",
         source="Sendmail sendmail/recipient.c (\"User unknown\" of a local user that does not exist)"),
    # Sendmail has no mailbox quota of its own: a file delivery that
    # exceeds the file size limit fails as an I/O error (EX_IOERR).
    dict(id="file-ioerror", rcpt="quota@local.example.org", status="4.0.0|4.4.7", code="|451",
         command="", cause="mailererror|systemerror",
         source="Sendmail sendmail/deliver.c mailfile() (EX_IOERR, \"I/O error\")"),
    dict(id="alias-pipe67", rcpt="pipe67@local.example.org", status="5.1.1", code="|550",
         command="", cause="mailererror",
         source="Sendmail sendmail/err.c and conf.c: a program exiting EX_NOUSER (67)"),
    dict(id="alias-pipe75", rcpt="pipe75@local.example.org", status="4.0.0|4.3.0|4.4.7", code="|451",
         command="", cause="mailererror",
         source="Sendmail: a program exiting EX_TEMPFAIL (75), Timeout.queuereturn=1s"),
    # EX_NOPERM is the host's permissions (parsers/README.md, "Vocabulary
    # decisions"), as Postfix's pipe77 and Courier's alias-pipe77 have it.
    dict(id="alias-pipe77", rcpt="pipe77@local.example.org", status="5.0.0|5.3.0", code="|550",
         command="", cause="mailererror|systemerror",
         source="Sendmail: a program exiting EX_NOPERM (77)"),
    dict(id="nodomain", rcpt="someone@no-such-domain.invalid", status="5.1.2|5.4.4|4.4.3", code="|550",
         command="", cause="hostunknown",
         source="Sendmail sendmail/deliver.c (\"Host unknown (Name server: ...: host not found)\")"),
    # Sendmail's Final-Recipient of an alias is the alias itself (its
    # target is in X-Actual-Recipient).
    dict(id="alias-forward", rcpt="forwarded@local.example.org",
         status="5.1.1", code="550", command="RCPT", cause="userunknown",
         source="an alias to a remote address the remote server refuses"),
]


def main():
    delays = "--delays" in sys.argv[1:]
    sendmail = os.environ.get("SENDMAIL", "/usr/lib/sm.bin/sendmail")
    cf = os.environ.get("SENDMAIL_CF", "/usr/share/sendmail/cf")
    makemap = os.path.join(os.path.dirname(sendmail), "makemap")
    out = common.out_dir("sendmail")
    run = tempfile.mkdtemp(prefix="bv-sendmail-")
    os.chmod(run, 0o755)
    sink = os.path.join(run, "sink")
    os.makedirs(sink)
    os.makedirs(os.path.join(run, "mqueue"), mode=0o700)
    shared, sink_port, ports = common.start_servers(
        scenarios, fakesmtp, sink, table=scenarios.DELAYS if delays else None, silence=30 if delays else 10)

    mailers = [MAILER.format(name="sink", port=sink_port), MAILER.format(name="shared", port=shared)]
    table = ["origin.example.org sink:[127.0.0.1]", "mx.example.net shared:[127.0.0.1]"]
    for i, p in ports.items():
        name = "s" + i.replace("-", "")
        mailers.append(MAILER.format(name=name, port=p))
        table.append(f"{i}.example.net {name}:[127.0.0.1]")
    with open(os.path.join(run, "mailertable"), "w") as f:
        f.write("\n".join(table) + "\n")
    with open(os.path.join(run, "service.switch"), "w") as f:
        f.write("hosts files\naliases files\n")
    with open(os.path.join(run, "hosts"), "w") as f:
        f.write("127.0.0.1 localhost mta.example.org\n")
    os.makedirs(os.path.join(run, "mail"))
    shutil.chown(os.path.join(run, "mail"), "nobody")
    quota = os.path.join(run, "mail", "quota.mbox")
    with open(quota, "w") as f:
        f.write("x" * 19990)
    shutil.chown(quota, "nobody")
    with open(os.path.join(run, "aliases"), "w") as f:
        f.write("postmaster: root\n"
                f"quota: {quota}\n"
                "pipe67: \"|cat >/dev/null; echo no such mailbox here; exit 67\"\n"
                "pipe75: \"|cat >/dev/null; echo mailbox temporarily locked; exit 75\"\n"
                "pipe77: \"|cat >/dev/null; echo cannot open mailbox; exit 77\"\n"
                "forwarded: gmail-nouser@mx.example.net\n")
    mc = os.path.join(run, "sendmail.mc")
    with open(mc, "w") as f:
        text = MC.format(cf=cf, run=run)
        if delays:
            text = text.replace("define(`confTO_QUEUERETURN', `1s')", "define(`confTO_QUEUERETURN', `1h')")
            text = text.replace("define(`confTO_QUEUEWARN', `')", "define(`confTO_QUEUEWARN', `1s')")
        f.write(text + "".join(mailers))
    conf = os.path.join(run, "sendmail.cf")
    with open(conf, "w") as f:
        subprocess.run(["m4", mc], stdout=f, check=True)
    subprocess.run([makemap, "-C", conf, "hash", os.path.join(run, "mailertable")],
                   input="\n".join(table).encode(), check=True)
    subprocess.run(uts([sendmail, "-C", conf, "-bi"]), check=True, timeout=30)

    jobs = common.delay_jobs(scenarios, "sendmail") if delays else common.jobs(scenarios, LOCAL, "sendmail")
    log = open(os.path.join(run, "submit.log"), "w")
    for job in jobs:
        msg = common.message(job)
        # The file size limit (the shell's ulimit -f, in 512-byte blocks)
        # is what makes the append to quota.mbox fail; every queue file
        # stays well under it.
        cmd = uts([sendmail, "-C", conf, "-odi", "-oem", "-f", common.SENDER] + job["rcpts"],
                  prefix="ulimit -f 40; trap '' XFSZ; ")
        try:
            subprocess.run(cmd, input=msg.encode(), stdout=log, stderr=log, timeout=60)
        except subprocess.TimeoutExpired:
            print(f"sendmail: {job['name']}: no answer in 60 s", file=sys.stderr)
    # A 4xx reply left the message in the queue; a second later its
    # queue lifetime is over, and one queue run returns it with the reply.
    time.sleep(2)
    try:
        subprocess.run(uts([sendmail, "-C", conf, "-q"], prefix="ulimit -f 40; trap '' XFSZ; "),
                       stdout=log, stderr=log, timeout=120)
    except subprocess.TimeoutExpired:
        print("sendmail: the queue run did not end in 120 s", file=sys.stderr)
    ids = [r"\bid ([0-9A-Za-z]{14})\b", r"<\d{12}\.([0-9A-Za-z]{14})@",
           r"boundary=\"([0-9A-Za-z]{14})\."]
    if delays:
        common.wait_for_delays(sink, jobs, timeout=30)
        common.collect_delays(sink, out, jobs, "sendmail", ids=ids)
        print(f"run directory kept: {run}", file=sys.stderr)
        return
    common.wait_for(sink, len(jobs), timeout=30)
    common.collect(sink, out, jobs, "sendmail", ids=ids)
    print(f"run directory kept: {run}", file=sys.stderr)


if __name__ == "__main__":
    main()
