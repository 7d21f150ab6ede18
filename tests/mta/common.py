"""What the MTA drivers share: the messages to send, sending them, waiting for
the bounces, and storing them with their volatile fields masked."""
import email
import os
import re
import shutil
import smtplib
import socket
import subprocess
import time

SENDER = "sender@origin.example.org"
FIXED_DATE = "Mon, 7 Dec 2026 10:00:00 +0000"


def out_dir(mta):
    """Where the committed bounces of mta live: bounces/MTA next to this file."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "bounces", mta)


def fresh_out_dir(mta):
    """out_dir(mta), created, without the bounces of an earlier run."""
    out = out_dir(mta)
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith(".eml"):
            os.remove(os.path.join(out, f))
    return out


def sh(*argv, **kw):
    return subprocess.run(list(argv), check=True, **kw)


def overlay(run, target, files=None):
    """Mount an overlay on target (in the caller's mount namespace) whose
    upper layer, under run, starts with the files of the directory files."""
    name = target.strip("/").replace("/", "-")
    upper, work = os.path.join(run, "ov", name, "u"), os.path.join(run, "ov", name, "w")
    os.makedirs(work)
    if files is not None and os.path.isdir(files):
        shutil.copytree(files, upper, symlinks=True)
    else:
        os.makedirs(upper)
    sh("mount", "-t", "overlay", "overlay", "-o",
       f"lowerdir={target},upperdir={upper},workdir={work}", target)


def expect(sc, rcpt, mta):
    """The expected row of scenario sc for mta."""
    row = dict(sc, rcpt=rcpt)
    row.update(sc.get(mta, {}))
    return row


def jobs(scenarios, local, mta):
    """One job per message: its name, its recipients, the expected rows."""
    out = []
    for sc in scenarios.SCENARIOS:
        if sc["stage"] in ("rcpt", "data"):
            rcpt = f"{sc['id']}@mx.example.net"
        else:
            rcpt = f"someone@{sc['id']}.example.net"
        out.append(dict(name=sc["id"], rcpts=[rcpt], rows=[expect(sc, rcpt, mta)]))
    for group in scenarios.MULTI:
        rows = [expect(scenarios.BY_ID[i], f"{i}@mx.example.net", mta) for i in group]
        out.append(dict(name="multi-" + "-".join(group), rcpts=[r["rcpt"] for r in rows], rows=rows))
    for sc in local:
        out.append(dict(name=sc["id"], rcpts=[sc["rcpt"]],
                        rows=[expect(sc, sc.get("final", sc["rcpt"]), mta)]))
    return out


def message(job):
    return (f"From: Sender <{SENDER}>\r\n"
           f"To: {', '.join(job['rcpts'])}\r\n"
           f"Subject: scenario {job['name']}\r\n"
           f"Message-ID: <{job['name']}@origin.example.org>\r\n"
           f"X-Scenario: {job['name']}\r\n"
           f"Date: {FIXED_DATE}\r\n"
           "\r\n"
           "This message is a test of how a mail system reports a failure.\r\n")


def submit(host, port, job):
    msg = message(job)
    with smtplib.SMTP(host, port, local_hostname="client.example.org") as s:
        s.sendmail(SENDER, job["rcpts"], msg)


def wait_for(sink, count, timeout, subject=""):
    """Until count messages (with subject in their Subject) are in sink."""
    end = time.time() + timeout
    while time.time() < end:
        n = 0
        for f in os.listdir(sink):
            head = open(os.path.join(sink, f), errors="replace").read().split("\n\n", 1)[0]
            if re.search(r"^Subject:.*" + re.escape(subject), head, re.M | re.I):
                n += 1
        if n >= count:
            return
        time.sleep(1)


def mask(text, ids=(), short_ids=None):
    """Dates, queue ids, ports and temporary paths become fixed values.

    ids are patterns whose first group is a queue id: every occurrence of
    each id found anywhere in the text becomes a fixed one of the same shape.
    short_ids are the same for ids of a few hex digits (dma's six), which
    become fixed hex numbers of their length, replaced as whole words."""
    found = []
    for pattern in short_ids or ():
        for m in re.finditer(pattern, text):
            if m.group(1) not in found:
                found.append(m.group(1))
    for n, qid in enumerate(found):
        fixed = ("%x" % (0xa00000 + n)).ljust(len(qid), "0")[:len(qid)]
        text = re.sub(r"\b%s\b" % re.escape(qid), fixed, text)
    found = []
    for pattern in ids:
        for m in re.finditer(pattern, text):
            if m.group(1) not in found:
                found.append(m.group(1))
    for n, qid in enumerate(found):
        fixed = ("QUEUEID%d" % n).ljust(len(qid), "0")[:len(qid)] if len(qid) >= 8 else qid
        text = text.replace(qid, fixed)
    text = re.sub(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), +\d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}",
                  FIXED_DATE, text)
    # Sendmail writes its dates in GMT.
    text = re.sub(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), +\d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d GMT",
                  FIXED_DATE.rsplit(" ", 1)[0] + " GMT", text)
    text = re.sub(r"127\.0\.0\.1\]:\d+", "192.0.2.10]:25", text)
    text = text.replace("127.0.0.1", "192.0.2.10")
    text = re.sub(r"/tmp/bv-[a-z]+-[A-Za-z0-9_]+", "/var/mail", text)
    text = re.sub(r"\.\d{10}/", ".1796637600/", text)
    text = re.sub(r"<\d{14}\.", "<20261207100000.", text)
    text = re.sub(r"<\d{12}\.", "<202612071000.", text)  # Sendmail's Message-Id
    # qmail: dates without a weekday, in -0000, and process ids in Received.
    text = re.sub(r"\b\d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d -0000", "7 Dec 2026 10:00:00 -0000", text)
    text = re.sub(r"\(qmail \d+ invoked", "(qmail 12345 invoked", text)
    text = re.sub(r"@%s>" % re.escape(socket.gethostname()), "@mta.example.org>", text)
    return text


def collect(sink, out, jobs, mta, ids=(), delayed=None):
    delayed = delayed or {}
    """Store each bounce under the name of its scenario, with expected.tsv."""
    os.makedirs(out, exist_ok=True)
    names = {j["name"]: j for j in jobs}
    found = {}
    for f in sorted(os.listdir(sink)):
        data = open(os.path.join(sink, f), encoding="utf-8", errors="replace").read()
        m = re.search(r"^X-Scenario: (\S+)", data, re.M)
        if not m or m.group(1) not in names:
            print(f"{mta}: {f}: no scenario")
            continue
        name = m.group(1)
        subject = email.message_from_string(data).get("Subject", "")
        kind = "delayed" if "delay" in subject.lower() or "warning" in subject.lower() else "failed"
        if kind == "delayed":
            name += "-delayed"
        found[name] = mask(data, ids)
    for name, data in found.items():
        with open(os.path.join(out, name + ".eml"), "w") as fh:
            fh.write(data)
    with open(os.path.join(out, "expected.tsv"), "w") as fh:
        fh.write("# file\trecipient\tstatus\treply_code\tcommand\tcause\tkind\n")
        for j in jobs:
            for suffix, kind in (("", "failed"), ("-delayed", "delayed")):
                if j["name"] + suffix not in found:
                    if not suffix:
                        print(f"{mta}: {j['name']}: no bounce")
                    continue
                for r in j["rows"]:
                    if kind == "delayed":
                        # A delay warning quotes the last reply; an MTA that
                        # says less overrides it (delayed=...).
                        r = dict(r, **delayed)
                    fh.write("\t".join([j["name"] + suffix + ".eml", r["rcpt"], r["status"], r["code"],
                                        r["command"], r["cause"], kind]) + "\n")
    print(f"{mta}: {len(found)} bounces of {len(jobs)} messages")


_HELD = []


def start_servers(scenarios, fakesmtp, sink, table=None, silence=10):
    """The fake servers: the shared port, the sink, one port per
    session-level scenario of table (SCENARIOS unless given; none listening
    for a refused connection)."""
    shared = fakesmtp.free_port()
    fakesmtp.start("127.0.0.1", shared)
    sink_port = fakesmtp.free_port()
    fakesmtp.start("127.0.0.1", sink_port, sink=sink)
    ports = {}
    for sc in scenarios.SCENARIOS if table is None else table:
        if sc["stage"] in ("rcpt", "data"):
            continue
        if sc["stage"] == "refused":
            # A socket bound but not listening holds the port, so that a
            # connection to it is refused (RST) and no other program on the
            # machine starts listening there during the run.
            hold = socket.socket()
            hold.bind(("127.0.0.1", 0))
            _HELD.append(hold)
            ports[sc["id"]] = hold.getsockname()[1]
            continue
        port = fakesmtp.free_port()
        fakesmtp.start("127.0.0.1", port, fixed=sc, silence=silence)
        ports[sc["id"]] = port
    return shared, sink_port, ports


# --- delay notices (run-*.py --delays) ---------------------------------------

def delay_jobs(scenarios, mta):
    """One message per scenario of scenarios.DELAYS."""
    out = []
    for sc in scenarios.DELAYS:
        if sc["stage"] in ("rcpt", "data"):
            rcpt = f"{sc['id']}@mx.example.net"
        else:
            rcpt = f"someone@{sc['id']}.example.net"
        out.append(dict(name=sc["id"], rcpts=[rcpt], rows=[expect(sc, rcpt, mta)]))
    return out


def is_delay_notice(data):
    """Whether a message of the sink is a delay notice (not the final bounce):
    its delivery-status part says Action: delayed, or, for an MTA that writes
    none (Sendmail without DSN, Exim's plain warning), its Subject says so.
    A scenario's own message (delivered after all) is none."""
    if re.search(r"^X-Scenario:", data.split("\n\n", 1)[0], re.M):
        return False
    if re.search(r"^Action:\s*delayed", data, re.M | re.I):
        return True
    subject = email.message_from_string(data).get("Subject", "").lower()
    return "delay" in subject or "warning" in subject


def collect_delays(sink, out, jobs, mta, ids=()):
    """Store the first delay notice of each job as JOB.eml and write
    delays.tsv (the columns of expected.tsv and hard): the failure reports
    of the same run are not kept (the failure table has its own run)."""
    os.makedirs(out, exist_ok=True)
    names = {j["name"]: j for j in jobs}
    found = {}
    for f in sorted(os.listdir(sink)):
        data = open(os.path.join(sink, f), encoding="utf-8", errors="replace").read()
        m = re.search(r"^X-Scenario: (\S+)", data, re.M)
        if not m or m.group(1) not in names or not is_delay_notice(data):
            continue
        found.setdefault(m.group(1), mask(data, ids))
    for name, data in found.items():
        with open(os.path.join(out, name + ".eml"), "w") as fh:
            fh.write(data)
    with open(os.path.join(out, "delays.tsv"), "w") as fh:
        fh.write("# file\trecipient\tstatus\treply_code\tcommand\tcause\tkind\thard\n")
        for j in jobs:
            if j["name"] not in found:
                print(f"{mta}: {j['name']}: no delay notice")
                continue
            for r in j["rows"]:
                fh.write("\t".join([j["name"] + ".eml", r["rcpt"], r["status"], r["code"],
                                    r["command"], r["cause"], "delayed", "false"]) + "\n")
    print(f"{mta}: {len(found)} delay notices of {len(jobs)} messages")


def wait_for_delays(sink, jobs, timeout):
    """Until every job has a delay notice in sink (or timeout seconds)."""
    want = {j["name"] for j in jobs}
    end = time.time() + timeout
    while time.time() < end:
        seen = set()
        for f in os.listdir(sink):
            data = open(os.path.join(sink, f), encoding="utf-8", errors="replace").read()
            m = re.search(r"^X-Scenario: (\S+)", data, re.M)
            if m and m.group(1) in want and is_delay_notice(data):
                seen.add(m.group(1))
        if seen >= want:
            return True
        time.sleep(1)
    return False
