#!/usr/bin/env python3
"""Generate the chasquid bounces of the scenario table.

Runs chasquid 1.11 (Debian 12's chasquid, unpacked with dpkg -x; the binary
in CHASQUID) with a private configuration directory against the fake SMTP
server of fakesmtp.py and stores the bounces it writes in bounces/chasquid/.
Needs root, unshare and ip (iproute2), openssl (a certificate for the
submission port: chasquid allows AUTH only over TLS).

    apt-get download chasquid && dpkg -x chasquid_*.deb /tmp/chq
    sudo CHASQUID=/tmp/chq/usr/bin/chasquid python3 tests/mta/run-chasquid.py

chasquid sends to port 25 of the hosts an MX lookup names (Go's own resolver,
/etc/resolv.conf); the Debian build has no DNS testing knob (dnsoverride.go
is built only with the dnsoverride tag).  So the run re-executes itself in a
network, mount and UTS namespace of its own: a fresh loopback, a private
/etc/resolv.conf (bind mount) naming a tiny DNS server of this script on
127.0.0.53, and one loopback address per session-level scenario, each with a
fake server on port 25 (the shared one on 127.0.0.2; a refused connection's
address holds port 25 bound but not listening).  Nothing outside the
namespaces changes.

chasquid gives up on a temporary failure only after 20 hours (1.11:
internal/queue/queue.go, const giveUpAfter; give_up_send_after came in a later
release), retrying after 1, 5, 10 and 20 minutes.  After the first attempt the
run stops chasquid, moves the creation time (created_at_ts) of every queued
item 21 hours back, and starts it again: Queue.Load starts SendLoop, whose loop
does not run again, so sendDSN reports the pending recipients at once, with
the first attempt's error as "last error" (Status 4.0.0).  A permanent (5xx)
failure is reported right after the first attempt (Status 5.0.0).

chasquid 1.11 sends no delay notice (queue.go SendLoop: "TODO: Consider sending
a non-final notification"), so there is no --delays run.

Bounces (and every local delivery) go through mail_delivery_agent_bin, a
shell script here that stores each message in the sink directory; for the
local users mda67, mda75 and mda77 it prints a line and exits 67, 75, 77
(chasquid: 75 is temporary, any other failure permanent; internal/courier/
mda.go).  Aliases pipe to programs exiting 67, 75 and 77 (a failed pipe is
always permanent: queue.go deliver, "return cmd.Run(), true"), and forward
to a remote address the fake server refuses.

    python3 tests/mta/run-chasquid.py /tmp/bv-chasquid-run   # collect again
"""
import os
import re
import shutil
import signal
import smtplib
import socket
import ssl
import struct
import subprocess
import sys
import threading
import time

import common
import fakesmtp
import scenarios

RUN = "/tmp/bv-chasquid-run"
DNS_ADDR = "127.0.0.53"
SHARED_ADDR = "127.0.0.2"
PASSWORD = "bounceview-test"

# Failures of chasquid itself: its MDA, alias pipes, DNS, an alias forward.
LOCAL = [
    dict(id="mda67", rcpt="mda67@local.example.org", status="5.0.0|5.1.1", code="", command="",
         cause="userunknown|mailererror",
         source="chasquid internal/courier/mda.go: any exit status but 75 is permanent "
                "(\"MDA delivery failed: exit status 67 - <output>\")"),
    dict(id="mda75", rcpt="mda75@local.example.org", status="4.0.0|4.3.0", code="", command="",
         cause="mailererror|systemerror",
         source="chasquid internal/courier/mda.go: exit 75 is temporary; queue.go gives up "
                "(\"failed repeatedly and timed out\", Status 4.0.0)"),
    dict(id="mda77", rcpt="mda77@local.example.org", status="5.0.0|5.3.0", code="", command="",
         cause="mailererror|systemerror",
         source="chasquid internal/courier/mda.go (exit 77, EX_NOPERM: permanent)"),
    dict(id="alias-pipe67", rcpt="pipe67@local.example.org", status="5.0.0|5.1.1", code="",
         command="", cause="userunknown|mailererror",
         source="chasquid internal/queue/queue.go deliver: a pipe's failure is permanent, "
                "its text Go's exec.ExitError (\"exit status 67\")"),
    dict(id="alias-pipe75", rcpt="pipe75@local.example.org", status="5.0.0|4.3.0", code="",
         command="", cause="mailererror|systemerror",
         source="chasquid internal/queue/queue.go deliver: even exit 75 is permanent for a pipe"),
    dict(id="alias-pipe77", rcpt="pipe77@local.example.org", status="5.0.0|5.3.0", code="",
         command="", cause="mailererror|systemerror",
         source="chasquid internal/queue/queue.go deliver (\"exit status 77\")"),
    dict(id="nodomain", rcpt="someone@no-such-domain.invalid", status="5.1.2|5.4.4|4.4.3|4.0.0",
         code="", command="", cause="hostunknown",
         source="chasquid internal/courier/smtp.go: no MX falls back to A; the dial's "
                "\"no such host\" is a temporary error, reported after giving up"),
    dict(id="alias-forward", rcpt="forwarded@local.example.org", final="gmail-nouser@mx.example.net",
         status="5.1.1", code="550", command="RCPT|", cause="userunknown",
         source="an alias to a remote address the remote server refuses"),
]

# What chasquid's report can say, scenario by scenario (applied on top of
# scenarios.py's table).  Its Diagnostic-Code is the error text of
# internal/courier/smtp.go: "MAIL+RCPT <reply>" for a reply to MAIL or to
# RCPT alike (smtp.Client.MailAndRcpt), "DATA closing <reply>", "Error
# creating client: <greeting reply>", "Error saying hello: <reply>",
# "Could not dial: ...".  Its Status is always 5.0.0 (failed) or 4.0.0
# (pending when it gave up) (internal/queue/dsn.go).
OVERRIDES = {
    "no-greeting": dict(status="4.4.2|4.0.0", command="CONN|", cause="expired|networkerror"),
    "conn-refused": dict(status="4.4.1|4.0.0", command="CONN|", cause="expired|networkerror"),
    # "failed repeatedly and timed out, last error: ... 550 No such user here"
    # names MAIL+RCPT: a reader may tell RCPT or not at all; the decisions
    # of parsers/README.md for a code with no command apply as for OpenSMTPD.
    "rfc-nosuchuser": dict(cause="userunknown|filtered"),
}


def expected_jobs():
    jobs = common.jobs(scenarios, LOCAL, "chasquid")
    for j in jobs:
        for r in j["rows"]:
            r.update(OVERRIDES.get(r["id"], {}))
            # "MAIL+RCPT 550 ...": the reply answered MAIL or RCPT, and
            # chasquid does not say which (courier/smtp.go).  The true
            # command, or none.
            if r["command"] in ("RCPT", "MAIL"):
                r["command"] += "|"
    return jobs


# --- DNS ---------------------------------------------------------------------

def dns_server(zone):
    """A UDP DNS server on DNS_ADDR:53 answering from zone: name ->
    {"A": ip, "MX": host}; any other name is NXDOMAIN, another type of a
    known name an empty answer."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((DNS_ADDR, 53))

    def name_bytes(name):
        return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".") if p) + b"\0"

    def serve():
        while True:
            data, peer = sock.recvfrom(4096)
            try:
                qid, flags = struct.unpack("!HH", data[:4])
                pos, labels = 12, []
                while data[pos]:
                    labels.append(data[pos + 1:pos + 1 + data[pos]].decode().lower())
                    pos += 1 + data[pos]
                qtype = struct.unpack("!H", data[pos + 1:pos + 3])[0]
                question = data[12:pos + 5]
            except (IndexError, struct.error, UnicodeDecodeError):
                continue
            name = ".".join(labels)
            rd = flags & 0x0100
            answers = []
            if name not in zone:
                rflags = 0x8480 | rd | 3  # QR AA RA, NXDOMAIN
            else:
                rflags = 0x8480 | rd
                rec = zone[name]
                if qtype == 1 and "A" in rec:
                    answers.append((1, socket.inet_aton(rec["A"])))
                elif qtype == 15 and "MX" in rec:
                    answers.append((15, struct.pack("!H", 10) + name_bytes(rec["MX"])))
            out = struct.pack("!HHHHHH", qid, rflags, 1, len(answers), 0, 0) + question
            for rtype, rdata in answers:
                out += struct.pack("!HHHIH", 0xC00C, rtype, 1, 60, len(rdata)) + rdata
            sock.sendto(out, peer)

    threading.Thread(target=serve, daemon=True).start()


# --- the namespace and chasquid's configuration --------------------------------

def setup_namespace():
    common.sh("ip", "link", "set", "lo", "up")
    common.sh("hostname", "mta.example.org")
    resolv = os.path.join(RUN, "resolv.conf")
    with open(resolv, "w") as f:
        f.write(f"nameserver {DNS_ADDR}\noptions timeout:1 attempts:1\n")
    common.sh("mount", "--bind", resolv, "/etc/resolv.conf")


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)


def configure(sink):
    conf = os.path.join(RUN, "config")
    bindir = os.path.join(RUN, "bin")
    # The MDA: %to% is its first argument.
    write(os.path.join(bindir, "mda"), f"""#!/bin/sh
case "$1" in
mda67@*) cat >/dev/null; echo "no such mailbox here"; exit 67 ;;
mda75@*) cat >/dev/null; echo "mailbox temporarily locked"; exit 75 ;;
mda77@*) cat >/dev/null; echo "cannot open mailbox"; exit 77 ;;
esac
tr -d '\\r' > "{sink}/$(date +%s%N)-$$.eml"
""", 0o755)
    for code, text in ((67, "no such mailbox here"), (75, "mailbox temporarily locked"),
                       (77, "cannot open mailbox")):
        write(os.path.join(bindir, f"pipe{code}"),
              f"#!/bin/sh\ncat >/dev/null\necho \"{text}\"\nexit {code}\n", 0o755)
    write(os.path.join(conf, "chasquid.conf"), f"""\
hostname: "mta.example.org"
smtp_address: "127.0.0.1:25"
submission_address: "127.0.0.1:587"
submission_over_tls_address: "127.0.0.1:465"
mail_delivery_agent_bin: "{bindir}/mda"
mail_delivery_agent_args: "%to%"
data_dir: "{RUN}/data"
mail_log_path: "{RUN}/mail.log"
""")
    certs = os.path.join(conf, "certs", "mta.example.org")
    os.makedirs(certs)
    common.sh("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
       "-keyout", os.path.join(certs, "privkey.pem"), "-out", os.path.join(certs, "fullchain.pem"),
       "-subj", "/CN=mta.example.org", "-addext", "subjectAltName=DNS:mta.example.org",
       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def users(names):
        return "".join(f"users:{{ key: '{n}' value:{{ plain:{{ password: '{PASSWORD}' }}}}}}\n"
                       for n in names)
    write(os.path.join(conf, "domains", "origin.example.org", "users"), users(["sender"]))
    write(os.path.join(conf, "domains", "local.example.org", "users"),
          users(["mda67", "mda75", "mda77"]))
    write(os.path.join(conf, "domains", "local.example.org", "aliases"),
          "".join(f"pipe{c}: | {bindir}/pipe{c}\n" for c in (67, 75, 77))
          + "forwarded: gmail-nouser@mx.example.net\n")
    return conf


def start_servers(sink):
    """The fake servers, each on port 25 of an address of its own; the
    DNS zone that names them."""
    zone = {}
    fakesmtp.start(SHARED_ADDR, 25)
    zone["mx.example.net"] = dict(MX="mx.example.net", A=SHARED_ADDR)
    held = []
    n = 10
    for sc in scenarios.SCENARIOS:
        if sc["stage"] in ("rcpt", "data"):
            continue
        addr = f"127.0.0.{n}"
        n += 1
        if sc["stage"] == "refused":
            hold = socket.socket()
            hold.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            hold.bind((addr, 25))
            held.append(hold)
        else:
            fakesmtp.start(addr, 25, fixed=sc, silence=5)
        zone[f"{sc['id']}.example.net"] = dict(MX=f"{sc['id']}.example.net", A=addr)
    return zone, held


def start_chasquid(binary, conf, tag):
    log = open(os.path.join(RUN, f"chasquid-{tag}.log"), "w")
    proc = subprocess.Popen([binary, "-config_dir", conf, "-v", "2", "-alsologtostderr"],
                            stdout=log, stderr=log)
    end = time.time() + 20
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", 587), timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("chasquid did not start; see " + log.name)


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def submit(job):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with smtplib.SMTP("127.0.0.1", 587, local_hostname="client.example.org") as s:
        s.starttls(context=ctx)
        s.login(common.SENDER, PASSWORD)
        s.sendmail(common.SENDER, job["rcpts"], common.message(job))


def queue_items():
    qdir = os.path.join(RUN, "data", "queue")
    out = {}
    for f in os.listdir(qdir) if os.path.isdir(qdir) else ():
        if f.startswith("m:"):
            try:
                out[f] = open(os.path.join(qdir, f), encoding="utf-8", errors="replace").read()
            except OSError:
                pass
    return out


def first_round_done():
    """Every queued item has tried each pending recipient once, and no
    report (from <>) waits for its local delivery."""
    for text in queue_items().values():
        if re.search(r'\bfrom:\s*"<>"', text):
            return False
        rcpts = len(re.findall(r"\brcpt\s*:?\s*\{", text))
        failures = len(re.findall(r"\blast_failure_message\s*:", text))
        if failures < rcpts:
            return False
    return True


def age_queue(hours=21):
    """Move each queued item's creation time back: chasquid gives up after
    20 hours (queue.go giveUpAfter)."""
    qdir = os.path.join(RUN, "data", "queue")
    n = 0
    for f, text in queue_items().items():
        new, k = re.subn(r"(created_at_ts\s*:?\s*\{\s*seconds\s*:\s*)(\d+)",
                         lambda m: m.group(1) + str(int(m.group(2)) - hours * 3600), text)
        if k:
            with open(os.path.join(qdir, f), "w") as fh:
                fh.write(new)
            n += 1
    return n


# --- masking and collecting ----------------------------------------------------

IDS = [r"Message-ID: <chasquid-dsn-([A-Za-z0-9_-]{8,})@", r"boundary=\"([A-Za-z0-9_-]{8,})\""]


def collect(sink):
    # The loopback addresses of the namespace become 192.0.2.x (common.mask
    # masks 127.0.0.1 alone, and would cut 127.0.0.12 short).
    def pre(name):
        text = open(name, encoding="utf-8", errors="replace").read()
        text = re.sub(r"\b127\.0\.0\.(\d+)\b",
                      lambda m: "127.0.0.1" if m.group(1) == "1" else f"192.0.2.{100 + int(m.group(1))}",
                      text)
        text = text.replace(RUN, "/var/lib/chasquid")
        return text
    masked = os.path.join(RUN, "sink-masked")
    shutil.rmtree(masked, ignore_errors=True)
    os.makedirs(masked)
    for f in sorted(os.listdir(sink)):
        with open(os.path.join(masked, f), "w") as fh:
            fh.write(pre(os.path.join(sink, f)))
    common.collect(masked, common.out_dir("chasquid"), expected_jobs(), "chasquid", ids=IDS)


def main():
    if "--delays" in sys.argv[1:]:
        print("chasquid 1.11 sends no delay notice (internal/queue/queue.go SendLoop)", file=sys.stderr)
        return
    if len(sys.argv) > 1 and os.path.isdir(sys.argv[1]):
        collect(os.path.join(sys.argv[1], "sink"))
        return
    if "--inside" not in sys.argv:
        os.execvp("unshare", ["unshare", "-m", "-n", "--uts", "--propagation", "private",
                              sys.executable, os.path.abspath(__file__), "--inside"])
    binary = os.environ.get("CHASQUID", "chasquid")
    shutil.rmtree(RUN, ignore_errors=True)
    os.makedirs(RUN)
    os.chmod(RUN, 0o755)
    sink = os.path.join(RUN, "sink")
    os.makedirs(sink)
    setup_namespace()
    conf = configure(sink)
    zone, _held = start_servers(sink)
    dns_server(zone)

    jobs = expected_jobs()
    proc = start_chasquid(binary, conf, "1")
    try:
        for job in jobs:
            submit(job)
        end = time.time() + 50
        time.sleep(2)
        while time.time() < end and not first_round_done():
            time.sleep(1)
    finally:
        stop(proc)
    aged = age_queue()
    print(f"chasquid: {len(os.listdir(sink))} reports after the first attempt, "
          f"{aged} messages aged", file=sys.stderr)
    proc = start_chasquid(binary, conf, "2")
    try:
        common.wait_for(sink, len(jobs), timeout=60)
        time.sleep(1)
    finally:
        stop(proc)
    collect(sink)
    print(f"run directory kept: {RUN}", file=sys.stderr)


if __name__ == "__main__":
    main()
