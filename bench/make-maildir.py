#!/usr/bin/env python3
"""Writes a synthetic Maildir for benchmarks: N messages, a share of them bounces.

usage: make-maildir.py DIR N [--bounce-share 0.1] [--seed 1]

Ordinary mail is varied (newsletters, replies, notifications, multipart with
attachments) so that triage sees realistic headers; bounces come from a few
templates in the common formats (RFC 3464 from Postfix, Exim plain text,
qmail, Exchange-style, Gmail-style).  Everything here is invented for the
benchmark.
"""
import argparse, base64, os, random

WORDS = ("meeting project invoice report update schedule budget design review team "
         "customer launch release plan draft notes agenda quarter travel order").split()
DOMAINS = ["example.com", "example.net", "example.org", "mail.example.jp", "corp.example.de"]


def addr(rng):
    return "%s.%s@%s" % (rng.choice(WORDS), rng.randint(1, 9999), rng.choice(DOMAINS))


def date(rng):
    return "Mon, %d Jan 2024 %02d:%02d:%02d +0000" % (rng.randint(1, 28), rng.randint(0, 23),
                                                     rng.randint(0, 59), rng.randint(0, 59))


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def ordinary(rng, i):
    kind = rng.randint(0, 3)
    head = ("Return-Path: <%s>\nReceived: from mx.example.net (mx.example.net [192.0.2.%d])\n"
            "\tby mail.example.com (Postfix) with ESMTPS id %X\n\tfor <me@example.com>; %s\n"
            "From: %s\nTo: me@example.com\nSubject: %s\nDate: %s\nMessage-ID: <%d.%d@example.net>\n"
            "MIME-Version: 1.0\n" % (addr(rng), rng.randint(1, 254), rng.getrandbits(40), date(rng),
                                     addr(rng), words(rng, 5).capitalize(), date(rng), i,
                                     rng.getrandbits(32)))
    body = "\n".join(words(rng, 12) for _ in range(rng.randint(5, 40)))
    if kind == 0:
        return head + "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n"
    if kind == 1:
        return head + ('Content-Type: multipart/alternative; boundary="alt%d"\n\n--alt%d\n'
                       "Content-Type: text/plain\n\n%s\n--alt%d\nContent-Type: text/html\n\n"
                       "<html><body><p>%s</p></body></html>\n--alt%d--\n" % (i, i, body, i, body, i))
    if kind == 2:
        blob = base64.encodebytes(rng.randbytes(rng.randint(2000, 20000))).decode()
        return head + ('Content-Type: multipart/mixed; boundary="mix%d"\n\n--mix%d\n'
                       "Content-Type: text/plain\n\n%s\n--mix%d\nContent-Type: application/pdf; "
                       'name="report.pdf"\nContent-Transfer-Encoding: base64\n\n%s--mix%d--\n'
                       % (i, i, body, i, blob, i))
    return head + "In-Reply-To: <%d@example.com>\nContent-Type: text/plain\n\n> %s\n\n%s\n" % (
        i, words(rng, 10), body)


ORIGINAL = ("From: me@example.com\nTo: {rcpt}\nSubject: Newsletter {i}\nDate: {date}\n"
            "Message-ID: <news.{i}@example.com>\n")

BOUNCES = [
    # Postfix, RFC 3464
    ("From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\nTo: me@example.com\n"
     "Subject: Undelivered Mail Returned to Sender\nDate: {date}\nMessage-ID: <b{i}@mail.example.com>\n"
     'MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="R{i}"\n\n'
     "--R{i}\nContent-Type: text/plain\n\nThis is the mail system at host mail.example.com.\n\n"
     "<{rcpt}>: host mx.{dom}[192.0.2.7] said: 550 5.1.1 <{rcpt}>: Recipient address rejected: "
     "User unknown (in reply to RCPT TO command)\n\n--R{i}\nContent-Type: message/delivery-status\n\n"
     "Reporting-MTA: dns; mail.example.com\n\nFinal-Recipient: rfc822; {rcpt}\nAction: failed\n"
     "Status: 5.1.1\nRemote-MTA: dns; mx.{dom}\nDiagnostic-Code: smtp; 550 5.1.1 <{rcpt}>: Recipient "
     "address rejected: User unknown\n\n--R{i}\nContent-Type: text/rfc822-headers\n\n" + ORIGINAL +
     "\n--R{i}--\n"),
    # Exim, plain text
    ("From: Mail Delivery System <Mailer-Daemon@mail.example.com>\nTo: me@example.com\n"
     "Subject: Mail delivery failed: returning message to sender\nDate: {date}\n"
     "X-Failed-Recipients: {rcpt}\nAuto-Submitted: auto-replied\n\n"
     "This message was created automatically by mail delivery software.\n\n"
     "A message that you sent could not be delivered to one or more of its\nrecipients. This is a "
     "permanent error. The following address(es) failed:\n\n  {rcpt}\n    host mx.{dom} "
     "[192.0.2.9]\n    SMTP error from remote mail server after RCPT TO:<{rcpt}>:\n"
     "    552 5.2.2 Mailbox full\n\n------ This is a copy of the message, including all the headers. "
     "------\n\n" + ORIGINAL + "\nHello\n"),
    # qmail
    ("From: MAILER-DAEMON@mail.example.com\nTo: me@example.com\nSubject: failure notice\nDate: {date}\n\n"
     "Hi. This is the qmail-send program at mail.example.com.\nI'm afraid I wasn't able to deliver "
     "your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it "
     "didn't work out.\n\n<{rcpt}>:\nSorry, I couldn't find any host named {dom}. (#5.1.2)\n\n"
     "--- Below this line is a copy of the message.\n\n" + ORIGINAL + "\nHello\n"),
    # Gmail-style
    ("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nTo: me@example.com\n"
     "Subject: Delivery Status Notification (Failure)\nDate: {date}\n"
     'MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="G{i}"\n\n'
     "--G{i}\nContent-Type: text/plain\n\nDelivery to the following recipient failed permanently:\n\n"
     "     {rcpt}\n\nThe response from the remote server was:\n550 5.7.1 Service unavailable; Client host "
     "[192.0.2.1] blocked using zen.spamhaus.org\n\n--G{i}\nContent-Type: message/delivery-status\n\n"
     "Reporting-MTA: dns; googlemail.com\n\nFinal-Recipient: rfc822; {rcpt}\nAction: failed\n"
     "Status: 5.7.1\nDiagnostic-Code: smtp; 550 5.7.1 Service unavailable; Client host [192.0.2.1] "
     "blocked using zen.spamhaus.org\n\n--G{i}--\n"),
]


def bounce(rng, i):
    rcpt = addr(rng)
    return rng.choice(BOUNCES).format(i=i, rcpt=rcpt, dom=rcpt.split("@")[1], date=date(rng))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--bounce-share", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(a.dir, sub), exist_ok=True)
    for i in range(a.n):
        text = bounce(rng, i) if rng.random() < a.bounce_share else ordinary(rng, i)
        with open(os.path.join(a.dir, "cur", "%d.M%dP1.bench:2,S" % (1700000000 + i, i)), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
