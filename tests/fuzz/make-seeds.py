#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed corpus of every fuzz target into OUT/<target>/.

Seeds come from two places: the messages under tests/corpora/ (the golden
fixtures; the whole message for fuzz-message, and the parts the other
targets take -- delivery-status blocks, diagnostic texts, addresses --
pulled out of them), and the small synthetic reports below, which cover each
report shape the engine knows even when no fixture exists yet.  Nothing is
committed: the seeds are rebuilt at build time, named by their SHA-1.

Usage: make-seeds.py --corpora DIR --out DIR [--stamp FILE]
"""
import argparse, base64, email, email.policy, hashlib, os, quopri, re, sys

HEAD = (
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
    "To: sender@example.org\n"
    "Subject: {subject}\n"
    "Message-ID: <report-{n}@mx.example.org>\n"
    "Date: Mon, 2 Jan 2023 10:00:00 +0000\n"
)

DSN_BLOCK = (
    "Reporting-MTA: dns; mx.example.org\n"
    "Arrival-Date: Mon, 2 Jan 2023 09:59:00 +0000\n"
    "\n"
    "Final-Recipient: rfc822; alice@example.com\n"
    "Original-Recipient: rfc822;Alice@Example.COM\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "Remote-MTA: dns; mx1.example.com\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <alice@example.com>: Recipient address\n"
    "    rejected: User unknown in local recipient table\n"
    "\n"
    "Final-Recipient: rfc822; bob@example.net\n"
    "Action: delayed\n"
    "Status: 4.2.2\n"
    "Will-Retry-Until: Fri, 6 Jan 2023 10:00:00 +0000\n"
    "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n"
)

ORIGINAL = (
    "From: sender@example.org\n"
    "To: alice@example.com\n"
    "Subject: Quarterly newsletter\n"
    "Message-ID: <orig-1@example.org>\n"
    "Date: Mon, 2 Jan 2023 09:58:00 +0000\n"
)


def multipart_report(n, dsn, text, encoding=None, crlf=False, original_type="text/rfc822-headers"):
    body = dsn
    cte = ""
    if encoding == "base64":
        body = base64.encodebytes(dsn.encode()).decode()
        cte = "Content-Transfer-Encoding: base64\n"
    elif encoding == "quoted-printable":
        body = quopri.encodestring(dsn.encode()).decode()
        cte = "Content-Transfer-Encoding: quoted-printable\n"
    msg = (HEAD.format(subject="Undelivered Mail Returned to Sender", n=n)
           + "MIME-Version: 1.0\n"
           'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"\n\n'
           "This is a MIME-encapsulated message.\n\n"
           "--B1\nContent-Type: text/plain; charset=us-ascii\n\n" + text + "\n"
           "--B1\nContent-Type: message/delivery-status\n" + cte + "\n" + body + "\n"
           "--B1\nContent-Type: " + original_type + "\n\n" + ORIGINAL + "\n--B1--\n")
    return msg.replace("\n", "\r\n") if crlf else msg


def text_report(n, subject, body, sender="MAILER-DAEMON@mx.example.org", extra=""):
    return (HEAD.format(subject=subject, n=n).replace("MAILER-DAEMON@mx.example.org", sender)
            + extra + "\n" + body)


def synthetic_messages():
    """One message per report shape the engine handles."""
    m = []
    m.append(multipart_report(1, DSN_BLOCK, "The mail system could not deliver your message."))
    m.append(multipart_report(2, DSN_BLOCK, "Delivery failed.", encoding="base64"))
    m.append(multipart_report(3, DSN_BLOCK, "Delivery failed.", encoding="quoted-printable", crlf=True))
    m.append(multipart_report(4, DSN_BLOCK, "Delivery failed.", original_type="message/rfc822"))
    m.append("From MAILER-DAEMON Mon Jan  2 10:00:00 2023\n" + multipart_report(5, DSN_BLOCK, "x"))
    m.append(text_report(6, "Undelivered Mail Returned to Sender",
        "This is the mail system at host mx.example.org.\n\n"
        "I'm sorry to have to inform you that your message could not\n"
        "be delivered to one or more recipients.\n\n"
        "<alice@example.com>: host mx1.example.com[192.0.2.1] said: 550 5.1.1\n"
        "    <alice@example.com>: Recipient address rejected: User unknown (in reply\n"
        "    to RCPT TO command)\n"))
    m.append(text_report(7, "Mail delivery failed: returning message to sender",
        "This message was created automatically by mail delivery software.\n\n"
        "A message that you sent could not be delivered to one or more of its\n"
        "recipients. This is a permanent error. The following address(es) failed:\n\n"
        "  alice@example.com\n"
        "    host mx1.example.com [192.0.2.1]\n"
        "    SMTP error from remote mail server after RCPT TO:<alice@example.com>:\n"
        "    550 5.2.2 mailbox full\n\n"
        "------ This is a copy of the message, including all the headers. ------\n\n"
        + ORIGINAL + "\nHello\n", extra="X-Failed-Recipients: alice@example.com\n"))
    m.append(text_report(8, "failure notice",
        "Hi. This is the qmail-send program at mx.example.org.\n"
        "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
        "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
        "<alice@example.com>:\n"
        "192.0.2.1 does not like recipient.\n"
        "Remote host said: 550 5.1.1 No such user\n"
        "Giving up on 192.0.2.1.\n\n"
        "--- Below this line is a copy of the message.\n\n" + ORIGINAL))
    m.append(text_report(9, "Returned mail: see transcript for details",
        "The original message was received at Mon, 2 Jan 2023 09:59:00 +0000\n"
        "from localhost [127.0.0.1]\n\n"
        "   ----- The following addresses had permanent fatal errors -----\n"
        "<alice@example.com>\n"
        "    (reason: 550 5.1.1 <alice@example.com>... User unknown)\n\n"
        "   ----- Transcript of session follows -----\n"
        "... while talking to mx1.example.com.:\n"
        ">>> DATA\n"
        "<<< 550 5.1.1 <alice@example.com>... User unknown\n"
        "550 5.1.1 <alice@example.com>... User unknown\n"))
    m.append(text_report(10, "Delivery Status Notification (Failure)",
        "Delivery to the following recipient failed permanently:\n\n"
        "     alice@example.com\n\n"
        "Technical details of permanent failure:\n"
        "The email account that you tried to reach does not exist. Please try\n"
        "double-checking the recipient's email address for typos or unnecessary\n"
        "spaces. 550 5.1.1 https://support.example.com/mail/?p=NoSuchUser\n",
        sender="mailer-daemon@googlemail.com"))
    m.append(text_report(11, "Undeliverable: Quarterly newsletter",
        "<html><body><p><b>Your message to alice@example.com couldn't be delivered.</b></p>"
        "<p>alice wasn't found at example.com.</p><table><tr><td>Remote Server returned "
        "'550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'"
        "</td></tr></table><script>x()</script><style>p{}</style>&lt;&amp;&nbsp;&#39;</body></html>\n",
        sender="postmaster@outlook.example.com",
        extra="MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n"))
    m.append(HEAD.format(subject="Abuse report", n=12) + "MIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=feedback-report; boundary="F"\n\n'
        "--F\nContent-Type: text/plain\n\nThis is an email abuse report.\n"
        "--F\nContent-Type: message/feedback-report\n\n"
        "Feedback-Type: abuse\nUser-Agent: SomeGenerator/1.0\nVersion: 1\n"
        "Original-Rcpt-To: <alice@example.com>\nArrival-Date: Mon, 2 Jan 2023 09:59:00 +0000\n"
        "Reporting-MTA: dns; fbl.example.net\n\n"
        "--F\nContent-Type: message/rfc822\n\n" + ORIGINAL + "\nHi\n--F--\n")
    m.append("From: Alice <alice@example.com>\nTo: sender@example.org\n"
        "Subject: Automatic reply: Quarterly newsletter\nAuto-Submitted: auto-replied\n"
        "Date: Mon, 2 Jan 2023 10:00:00 +0000\n\nI am out of the office until Monday.\n")
    m.append(HEAD.format(subject="=?UTF-8?B?6YCA5L+h?= =?gb2312?B?0rvWwtDU?= =?iso-8859-1?Q?R=E9ponse?=", n=14)
        + "MIME-Version: 1.0\nContent-Type: text/plain; charset=gb2312\n"
        "Content-Transfer-Encoding: base64\n\n"
        + base64.encodebytes("退信通知：\n<alice@example.com> 550 5.1.1 用户不存在\n".encode("gb2312")).decode())
    m.append(HEAD.format(subject="Undelivered Mail", n=15) + "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=iso-2022-jp\n\n"
        + "宛先のメールアドレスが見つかりません <alice@example.com> 550\n".encode("iso-2022-jp").decode("ascii"))
    m.append(multipart_report(16, DSN_BLOCK.replace("\n\n", "\n"), "no blank lines between groups"))
    m.append(HEAD.format(subject="Delivery Status Notification (Delay)", n=17)
        + "Content-Type: multipart/report; boundary=\"B1\"\n\n--B1\nContent-Type: text/plain\n\n"
        "Delivery has been delayed.\n\nFinal-Recipient: rfc822; bob@example.net\nAction: delayed\n"
        "Status: 4.4.1\n")
    return m


def write(outdir, target, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    d = os.path.join(outdir, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


HEADERISH = re.compile(rb"^(From |[A-Za-z0-9-]+:)")


def fixture_messages(corpora):
    """The raw bytes of every message file under tests/corpora/."""
    if not os.path.isdir(corpora):
        return
    for root, dirs, files in os.walk(corpora):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                if os.path.getsize(path) > (1 << 20):
                    continue
                with open(path, "rb") as f:
                    data = f.read()
            except OSError:
                continue
            if HEADERISH.match(data) and b"\n\n" in data.replace(b"\r\n", b"\n"):
                yield data


def parts_of(raw):
    """(delivery-status blocks, diagnostics, addresses) found in one message."""
    dsns, diags, addrs = [], [], []
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    for h in ("From", "To", "Return-Path", "X-Failed-Recipients"):
        if msg.get(h):
            addrs.append(str(msg.get(h)))
    for part in msg.walk():
        ctype = part.get_content_type()
        payload = part.get_payload(decode=True) if not part.is_multipart() else None
        if ctype in ("message/delivery-status", "message/global-delivery-status"):
            # The email package parses this type into header blocks: take
            # them back as text.
            blocks = part.get_payload()
            if isinstance(blocks, list):
                text = "\n".join(b.as_string() for b in blocks)
            else:
                text = str(blocks)
            dsns.append(text)
            for line in text.splitlines():
                key, _, value = line.partition(":")
                if key.lower() in ("final-recipient", "original-recipient"):
                    addrs.append(value)
                elif key.lower() == "diagnostic-code":
                    diags.append(value)
        elif ctype.startswith("text/") and payload:
            text = payload.decode("utf-8", "replace")
            for line in text.splitlines():
                if re.search(r"\b[245]\d\d\b|\b[245]\.\d", line):
                    diags.append(line.strip())
                if "@" in line and len(line) < 300:
                    addrs.append(line.strip())
    return dsns, diags[:50], addrs[:50]


DIAGNOSTICS = [
    "550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown",
    "552-5.2.2 The email account that you tried to reach is over quota",
    "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.example.org",
    "451 4.7.1 Greylisted, please try again later",
    "421 4.4.2 Connection timed out after 10.1.2.3 seconds (v1.2.3)",
    "550 OU-002 Mail rejected by Windows Live Hotmail for policy reasons",
    "SMTP error from remote mail server after end of data: 552 message size exceeds fixed maximum",
    "Remote host said: 553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
    "host mx.example.com said: 550 5.7.26 unauthenticated email from example.org is not accepted",
    "mailbox unavailable OFR_416 [416]",
    "5.4.4 Host not found; 4.4.7 Delivery expired",
    "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ \x1b[2J 550 user unknown",
]

ADDRESSES = [
    "rfc822; Alice@Example.COM",
    '"Smith, Bob" <bob.smith+tag@Sub.Example.NET>',
    "<postmaster@[192.0.2.1]>",
    "user@localhost",
    "=?utf-8?q?J=C3=B6rg?= <joerg@example.de>",
    "用户@例子.中国",
    "a@b.c.",
    "<@route.example:user@example.org>",
    "no address here",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stamp")
    args = ap.parse_args()

    messages = [m.encode("utf-8") for m in synthetic_messages()]
    messages += list(fixture_messages(args.corpora))
    dsns, diags, addrs = [DSN_BLOCK], list(DIAGNOSTICS), list(ADDRESSES)
    for raw in messages:
        write(args.out, "message", raw)
        try:
            d, g, a = parts_of(raw)
        except Exception:  # A fixture the email package cannot read is still a message seed.
            continue
        dsns += d
        diags += g
        addrs += a
    for d in dsns:
        write(args.out, "dsn", d)
    for g in diags:
        write(args.out, "codes", g)
        write(args.out, "text", g)
        # fuzz-classify: a kind byte, then status, reply, command, action,
        # mta and the diagnostic on separate lines.
        status = re.search(r"\b[245]\.\d{1,3}\.\d{1,3}\b", g)
        reply = re.search(r"\b[245]\d\d\b", g)
        write(args.out, "classify", "\x01" + "\n".join([
            status.group(0) if status else "", reply.group(0) if reply else "",
            "RCPT", "failed", "", g]))
        write(args.out, "classify", "\x02" + "\n\n\n\n\n" + g)
    for a in addrs:
        write(args.out, "address", a)
        write(args.out, "text", "To\nTo: " + a + "\n  folded\nX: y\n")
    counts = {t: len(os.listdir(os.path.join(args.out, t))) for t in sorted(os.listdir(args.out))}
    if args.stamp:
        with open(args.stamp, "w") as f:
            f.write("".join(f"{t} {n}\n" for t, n in counts.items()))
    print("seeds: " + ", ".join(f"{t} {n}" for t, n in counts.items()))


if __name__ == "__main__":
    sys.exit(main())
