#!/usr/bin/env python3
# make-mail.py: writes the small Maildir the UI tests browse.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The bounces are written here (not copied from any corpus) as Postfix
# delivery reports, so that the screens the tests expect depend on a few
# known messages: two reports for one address (a history), a CJK
# diagnostic and subject, a terminal escape sequence in a diagnostic,
# a blocklist, a mistyped domain and a temporary failure.
import base64
import os
import sys

BOUNCES = [
    # (file, date, recipient, status, reply, action, diagnostic, subject)
    ("1", "Tue, 14 Nov 2023 09:12:44 +0000", "alice@example.com", "5.1.1", "550", "failed",
     "550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
     "November offers"),
    ("2", "Wed, 03 Jan 2024 10:00:00 +0000", "bob@example.net", "4.2.2", "452", "delayed",
     "452 4.2.2 Mailbox full: user is over quota", "January news"),
    ("3", "Thu, 08 Feb 2024 11:30:00 +0000", "bob@example.net", "5.2.2", "552", "failed",
     "552 5.2.2 Mailbox full: user is over quota", "February news"),
    ("4", "Fri, 15 Mar 2024 12:00:00 +0000", "dave@example.org", "5.7.1", "554", "failed",
     "554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org",
     "March news"),
    ("5", "Mon, 01 Apr 2024 08:00:00 +0000", "wang@example.cn", "5.1.1", "550", "failed",
     "550 5.1.1 收件人地址不存在，用户不存在 (user unknown)", "四月通讯：新品上市"),
    ("6", "Tue, 07 May 2024 09:00:00 +0000", "eve@example.com", "5.1.1", "550", "failed",
     "550 5.1.1 \x1b[31mUser unknown\x1b[0m here", "May news"),
]


def encoded(text):
    if text.isascii():
        return text
    return "=?UTF-8?B?" + base64.b64encode(text.encode()).decode() + "?="


def report(date, rcpt, status, reply, action, diag, subject, n, sender=None, dtype="smtp"):
    """A Postfix delivery report; @sender: sent by that address rather than
    by MAILER-DAEMON with a null envelope sender (a forged report); @dtype:
    the Diagnostic-Code's type."""
    boundary = "B%d.tui-test" % n
    return_path = "<%s>" % sender if sender else "<>"
    origin = sender or "MAILER-DAEMON@mail.shop.example.org (Mail Delivery System)"
    return f"""Return-Path: {return_path}
Date: {date}
From: {origin}
Subject: Undelivered Mail Returned to Sender
To: news@shop.example.org
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="{boundary}"
Content-Transfer-Encoding: 8bit
Message-Id: <tui-test-{n}@mail.shop.example.org>

--{boundary}
Content-Description: Notification
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

This is the mail system at host mail.shop.example.org.

<{rcpt}>: host mx.{rcpt.split('@')[1]}[192.0.2.25] said: {diag} (in reply to RCPT TO command)

--{boundary}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.shop.example.org
Arrival-Date: {date}

Final-Recipient: rfc822; {rcpt}
Original-Recipient: rfc822;{rcpt}
Action: {action}
Status: {status}
Remote-MTA: dns; mx.{rcpt.split('@')[1]}
Diagnostic-Code: {dtype}; {diag}

--{boundary}
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers
Content-Transfer-Encoding: 8bit

From: "Example Shop" <news@shop.example.org>
To: {rcpt}
Subject: {encoded(subject)}
Message-ID: <orig-{n}@shop.example.org>
Date: {date}

--{boundary}--
"""


def main(maildir):
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    for n, (name, *fields) in enumerate(BOUNCES, 1):
        with open(os.path.join(maildir, "cur", f"{name}.tui:2,S"), "w", encoding="utf-8") as f:
            f.write(report(*fields, n))


def deliver(maildir, name, fields, n, sender=None, dtype="smtp"):
    """Delivers one report the way a mail server does: written in tmp/,
    then renamed into new/."""
    tmp = os.path.join(maildir, "tmp", name)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(report(*fields, n, sender=sender, dtype=dtype))
    os.rename(tmp, os.path.join(maildir, "new", name))


def generate(maildir, count):
    """Adds @count distinct bounces (a large Maildir for the progress bar)."""
    for i in range(count):
        rcpt = "user%d@host%d.example.com" % (i, i % 97)
        fields = ("Mon, 01 Jul 2024 08:00:00 +0000", rcpt, "5.1.1", "550", "failed",
                  "550 5.1.1 <%s>: Recipient address rejected: User unknown" % rcpt, "July news")
        deliver(maildir, "gen-%d.tui" % i, fields, 1000 + i)


def timeline(maildir):
    """Adds bounces of a known distribution over the 20 days up to
    2026-11-03 (the day the timeline test calls today): two unknown users a
    day, a full mailbox every third day, and no blocklist refusal until 40 on
    the last day (a spike)."""
    import datetime
    today = datetime.date(2026, 11, 3)
    n = 2000
    for back in range(20):
        day = today - datetime.timedelta(days=back)
        date = day.strftime("%a, %d %b %Y 10:00:00 +0000")
        batch = [("user%d-%d@example.com" % (back, k), "5.1.1", "550",
                  "550 5.1.1 <user%d-%d@example.com>: Recipient address rejected: User unknown" % (back, k))
                 for k in range(2)]
        if back % 3 == 0:
            batch.append(("full%d@example.net" % back, "4.2.2", "452", "452 4.2.2 Mailbox full: user is over quota"))
        if back == 0:
            batch += [("customer%d@example.org" % k, "5.7.1", "554",
                       "554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org")
                      for k in range(40)]
        for rcpt, status, reply, diag in batch:
            action = "delayed" if status.startswith("4") else "failed"
            deliver(maildir, "tl-%d.tui" % n, (date, rcpt, status, reply, action, diag, "Timeline news"), n)
            n += 1


def trust(maildir):
    """Adds what the policy must see through: a forged report (sent by an
    ordinary address, not by a mail server) naming mallory@example.com as
    unknown, which must be shown as unverified and never proposed; and for
    carol@example.com a genuine hard bounce followed by a later refusal of
    the sending server (a blocklist), so that the address's latest bounce
    is not the one that makes the proposal; and a local delivery program's
    failure for oscar@example.com (Diagnostic-Code type x-unix)."""
    deliver(maildir, "forged.tui", ("Mon, 10 Jun 2024 08:00:00 +0000", "mallory@example.com", "5.1.1", "550",
                                    "failed", "550 5.1.1 <mallory@example.com>: User unknown", "June news"),
            3000, sender="billing@invoices.example.net")
    deliver(maildir, "carol-1.tui", ("Sat, 01 Jun 2024 08:00:00 +0000", "carol@example.com", "5.1.1", "550",
                                     "failed", "550 5.1.1 <carol@example.com>: User unknown in local recipient table",
                                     "June news"), 3001)
    deliver(maildir, "carol-2.tui", ("Wed, 12 Jun 2024 08:00:00 +0000", "carol@example.com", "5.7.1", "554",
                                     "failed", "554 5.7.1 Service unavailable; Client host [198.51.100.7] "
                                     "blocked using zen.spamhaus.org", "June offers"), 3002)
    deliver(maildir, "oscar.tui", ("Thu, 13 Jun 2024 08:00:00 +0000", "oscar@example.com", "4.3.0", "", "delayed",
                                   "procmail: Error while writing to mailbox (temporary failure)", "June offers"),
            3003, dtype="x-unix")


# make-mail.py MAILDIR                 the test Maildir
# make-mail.py MAILDIR --trust         plus a forged report and a proposal
#                                      whose latest bounce does not count
# make-mail.py MAILDIR --timeline      plus bounces of a known distribution
# make-mail.py MAILDIR --new           one more bounce arrives in new/
# make-mail.py MAILDIR --generate N    N more bounces
if __name__ == "__main__":
    if sys.argv[2:3] == ["--new"]:
        deliver(sys.argv[1], "7.tui", ("Sat, 01 Jun 2024 08:00:00 +0000", "frank@example.com", "5.1.1", "550",
                                       "failed", "550 5.1.1 <frank@example.com>: User unknown", "June news"), 7)
    elif sys.argv[2:3] == ["--timeline"]:
        main(sys.argv[1])
        timeline(sys.argv[1])
    elif sys.argv[2:3] == ["--trust"]:
        main(sys.argv[1])
        trust(sys.argv[1])
    elif sys.argv[2:3] == ["--generate"]:
        generate(sys.argv[1], int(sys.argv[3]))
    else:
        main(sys.argv[1])
