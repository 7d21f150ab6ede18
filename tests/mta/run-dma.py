#!/usr/bin/env python3
"""Generate the DragonFly Mail Agent (dma) bounces of the scenario table.

Runs dma 0.13 (Debian's dma, unpacked with dpkg -x) against the fake SMTP
server of fakesmtp.py and stores the bounces it writes in bounces/dma/.
dma reads its compiled-in /etc/dma/dma.conf and has one SMARTHOST for all
mail (no routing per domain), so every message gets a configuration of its
own: the run happens in a mount namespace (unshare -m) with an overlay on
/etc (a directory /etc/dma and a user `sender`), and each dma command in a
namespace of its own where the message's directory is bind-mounted on
/etc/dma (dma.conf: SMARTHOST 127.0.0.1, PORT, SPOOLDIR, ALIASES, MAILNAME)
and on /var/mail.  Nothing outside the namespaces changes.  Needs root,
unshare (util-linux) and overlayfs.

    apt-get download dma && dpkg -x dma_*.deb root
    DMA=$PWD/root/usr/sbin/dma python3 tests/mta/run-dma.py   # about six minutes

dma bounces to the sender, which is local here (MAILNAME origin.example.org,
dma.c add_recp), so the bounce is delivered to the mbox /var/mail/sender
(local.c deliver_local); the run keeps each message of that mbox.

Per message: DEFER queues it (dma.c main), the queue file's mtime is set six
days back, then `dma -q -D` delivers it.  A temporary failure is retried for
MAX_TIMEOUT (5 days, dma.h) after the queue file's mtime, then bounced
(dma.c deliver); the backdated file makes that the first attempt, as
Postfix's maximal_queue_lifetime = 0 does elsewhere.  A server that never
greets is left after CON_TIMEOUT (5 minutes, net.c read_remote), hence the
run's length.

What dma can say (mail.c bounce, net.c deliver_to_host, dma.c deliver):
one report per recipient, plain text, no delivery-status part:
- a 5xx reply: "HOST [ADDR] did not like our RCPT TO:" (MAIL FROM, DATA,
  "final DATA", "connect") and the reply, lines kept;
- a temporary failure that outlived the queue: only "Could not deliver for
  the last 432000 seconds. Giving up." (errmsg is overwritten; the reply,
  the code and the command are gone);
- any failure of EHLO (perform_server_greeting returns -1 without setting
  errmsg): a permanent failure with "unknown bounce reason";
- an NXDOMAIN: "DNS lookup failure: host ... not found" (permanent).
"""
import email
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

EXPIRED = "Could not deliver for the last 432000 seconds. Giving up. (dma.c deliver, MAX_TIMEOUT)"

LOCAL = [
    dict(id="alias-forward", rcpt="forwarded@origin.example.org", final="gmail-nouser@mx.example.net",
         stage="alias", status="5.1.1", code="550", command="RCPT", cause="userunknown",
         source="an alias (dma aliases file) to a remote address the remote server refuses"),
    dict(id="nodomain", rcpt="someone@no-such-domain.invalid", stage="dns",
         status="|5.0.0|5.1.2|5.4.4", code="", command="", cause="hostunknown",
         source="dma dns.c (NXDOMAIN -> err) and net.c deliver_remote (\"DNS lookup failure: host %s not found\")"),
]

SELF = os.path.abspath(__file__)


def adapt(row):
    """What dma's report can carry for a scenario row."""
    reply = row.get("reply", "")
    if row["stage"] in ("silent", "refused") or reply[:1] == "4":
        # dma.c deliver: errmsg becomes "Could not deliver ... Giving up."
        row.update(status="4.4.7|5.4.7|", code="", command="", cause="expired")
    elif row["stage"] == "helo":
        # net.c: a refused EHLO returns -1 with errmsg still "unknown bounce
        # reason": no reason given (undefined), or too little to decide.
        row.update(status="|5.0.0", code="", command="", cause="undefined|onhold")
    return row


def expected_jobs():
    jobs = common.jobs(scenarios, LOCAL, "dma")
    for j in jobs:
        for r in j["rows"]:
            adapt(r)
    return jobs


def setup_namespace(run):
    common.overlay(run, "/etc")
    os.makedirs("/etc/dma", exist_ok=True)
    # dma -q reads no aliases (dma.c main): the bounce's local recipient
    # must be a user (add_recp, getpwnam).
    if "\nsender:" not in "\n" + open("/etc/passwd").read():
        with open("/etc/group", "a") as f:
            f.write("sender:x:7799:\n")
        with open("/etc/passwd", "a") as f:
            f.write("sender:x:7799:7799:Sender:/nonexistent:/usr/sbin/nologin\n")


def in_job(jobdir, argv, **kw):
    """Run argv with jobdir/etc on /etc/dma and jobdir/mail on /var/mail."""
    script = ('mount --bind "$1/etc" /etc/dma && mount --bind "$1/mail" /var/mail && shift && exec "$@"')
    return subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh",
                           jobdir] + argv, **kw)


def prepare(run, job, port):
    d = os.path.join(run, job["name"])
    for sub in ("etc", "mail", "spool"):
        os.makedirs(os.path.join(d, sub))
    conf = [f"SPOOLDIR {d}/spool", f"ALIASES {d}/etc/aliases", "MAILNAME origin.example.org", "DEFER"]
    if port is not None:
        conf += ["SMARTHOST 127.0.0.1", f"PORT {port}"]
    with open(os.path.join(d, "etc", "dma.conf"), "w") as f:
        f.write("\n".join(conf) + "\n")
    with open(os.path.join(d, "etc", "aliases"), "w") as f:
        f.write("forwarded: gmail-nouser@mx.example.net\n")
    open(os.path.join(d, "mail", "sender"), "w").close()
    for sub in ("mail", "spool", "mail/sender"):
        shutil.chown(os.path.join(d, sub), "mail", "mail")
    os.chmod(os.path.join(d, "mail", "sender"), 0o660)
    return d


def run_job(dma, d, job, log):
    in_job(d, [dma, "-f", common.SENDER] + job["rcpts"], input=common.message(job).encode(),
           stdout=log, stderr=log, timeout=60)
    old = time.time() - 6 * 24 * 3600
    spool = os.path.join(d, "spool")
    for f in os.listdir(spool):
        if f.startswith("Q"):
            os.utime(os.path.join(spool, f), (old, old))
    in_job(d, [dma, "-q", "-D"], stdout=log, stderr=log, timeout=400)


def split_mbox(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    return [m for m in re.split(r"(?:^|\n)From MAILER-DAEMON [^\n]*\n", text) if m.strip()]


def collect(run):
    out = common.fresh_out_dir("dma")
    jobs = expected_jobs()
    ids = [r"\bid ([0-9a-f]{6,})\b", r"Message-Id: <([0-9a-f]{6,})@"]  # mail.c bounce
    rows = []
    for j in jobs:
        mbox = os.path.join(run, j["name"], "mail", "sender")
        msgs = split_mbox(mbox) if os.path.exists(mbox) else []
        if not msgs:
            print(f"dma: {j['name']}: no bounce")
            continue
        for r in j["rows"]:
            # One report per recipient (mail.c bounce: X-Original-To).
            m = next((m for m in msgs if f"X-Original-To: <{r['rcpt']}>" in m), None)
            if m is None:
                print(f"dma: {j['name']}: no bounce for {r['rcpt']}")
                continue
            name = j["name"] if len(j["rows"]) == 1 else j["name"] + "." + r["rcpt"].split("@")[0]
            text = common.mask(m, short_ids=ids)
            with open(os.path.join(out, name + ".eml"), "w") as fh:
                fh.write(text)
            rows.append([name + ".eml", r["rcpt"], r["status"], r["code"], r["command"], r["cause"], "failed"])
    with open(os.path.join(out, "expected.tsv"), "w") as fh:
        fh.write("# file\trecipient\tstatus\treply_code\tcommand\tcause\tkind\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"dma: {len(rows)} bounces of {sum(len(j['rows']) for j in jobs)} recipients")


def main():
    if len(sys.argv) > 1 and os.path.isdir(sys.argv[1]):
        # Collect again from a kept run directory.
        collect(sys.argv[1])
        return
    if "--inside" not in sys.argv:
        os.execvp("unshare", ["unshare", "-m", "--propagation", "private",
                              sys.executable, SELF, "--inside"])
    dma = os.environ["DMA"]
    run = tempfile.mkdtemp(prefix="bv-dma-")
    os.chmod(run, 0o755)
    setup_namespace(run)
    sink = os.path.join(run, "sink")
    os.makedirs(sink)
    shared, _sink_port, ports = common.start_servers(scenarios, fakesmtp, sink, silence=400)
    jobs = expected_jobs()
    local = {sc["id"]: sc for sc in LOCAL}

    def one(job):
        if job["name"] in local:
            port = None if local[job["name"]]["stage"] == "dns" else shared
        else:
            port = ports.get(job["name"], shared)
        d = prepare(run, job, port)
        with open(os.path.join(d, "log"), "w") as log:
            run_job(dma, d, job, log)

    with ThreadPoolExecutor(len(jobs)) as pool:
        list(pool.map(one, jobs))
    # Children of dma -q (one per recipient) may still be delivering.
    end = time.time() + 60
    while time.time() < end:
        pending = [j for j in jobs if len(split_mbox(os.path.join(run, j["name"], "mail", "sender")))
                   < len(j["rows"])]
        if not pending:
            break
        time.sleep(1)
    collect(run)
    print(f"run directory kept: {run}", file=sys.stderr)


if __name__ == "__main__":
    main()
