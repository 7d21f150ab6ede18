#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile mail for `bounceview scan`, built at test time (tracker issue 7).

Each generator writes one input -- a message file, an mbox or a Maildir --
under a directory it is given and returns the path to scan.  Nothing here
is committed as data: the 100 MB header and the 100,000-recipient report
exist only while the test runs.  Run this file alone to write every input
into a directory for manual use:

    python3 tests/hostile/hostile_inputs.py OUTDIR
"""
import base64, os, sys

BOUNDARY = "B1"

# One failed recipient in an RFC 3464 block; the parts the generators bend.
DSN_RECIPIENT = (
    "Final-Recipient: rfc822; {rcpt}\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "Diagnostic-Code: smtp; 550 5.1.1 {diag}\n"
)


def head(subject="Undelivered Mail Returned to Sender", ctype=None, extra=""):
    h = ("From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
         "To: sender@example.org\n"
         f"Subject: {subject}\n"
         "Message-ID: <hostile@mx.example.org>\n"
         "Date: Mon, 2 Jan 2023 10:00:00 +0000\n"
         "MIME-Version: 1.0\n")
    if ctype is None:
        ctype = f'multipart/report; report-type=delivery-status; boundary="{BOUNDARY}"'
    return h + f"Content-Type: {ctype}\n" + extra + "\n"


def report(dsn, text="The mail system could not deliver your message.\n", original="", subject=None):
    """A well-formed multipart/report around the delivery-status text @dsn."""
    kw = {} if subject is None else {"subject": subject}
    return (head(**kw)
            + f"--{BOUNDARY}\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
            + f"--{BOUNDARY}\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; mx.example.org\n\n" + dsn + "\n"
            + (f"--{BOUNDARY}\nContent-Type: text/rfc822-headers\n\n{original}\n" if original else "")
            + f"--{BOUNDARY}--\n")


def one_recipient(rcpt="alice@example.com", diag="User unknown"):
    return DSN_RECIPIENT.format(rcpt=rcpt, diag=diag)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data)
    return path


# -- Structure ---------------------------------------------------------------

def mime_nesting(d, depth=10000):
    """10,000 multiparts, each the only part of its parent; the delivery-status
    part sits at the bottom."""
    s = [head()]
    for i in range(depth):
        s.append(f"--b{i}\nContent-Type: multipart/mixed; boundary=\"b{i + 1}\"\n\n"
                 if i else f"--{BOUNDARY}\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n")
    s.append(f"--b{depth}\nContent-Type: message/delivery-status\n\n" + one_recipient() + "\n")
    for i in range(depth, 0, -1):
        s.append(f"--b{i}--\n")
    s.append(f"--{BOUNDARY}--\n")
    return write(os.path.join(d, "mime-nesting.eml"), "".join(s))


def rfc822_nesting(d, depth=10000):
    """A message/rfc822 part holding a message holding a message/rfc822 part,
    10,000 deep: GMime parses attached messages as it goes."""
    inner = "From: a@example.org\nSubject: bottom\n\nbottom\n"
    for i in range(depth):
        inner = (f"From: a@example.org\nSubject: level {i}\nMIME-Version: 1.0\n"
                 f"Content-Type: multipart/mixed; boundary=\"n{i}\"\n\n"
                 f"--n{i}\nContent-Type: message/rfc822\n\n{inner}\n--n{i}--\n")
    msg = (head() + f"--{BOUNDARY}\nContent-Type: message/delivery-status\n\n"
           + "Reporting-MTA: dns; mx.example.org\n\n" + one_recipient() + "\n"
           + f"--{BOUNDARY}\nContent-Type: message/rfc822\n\n" + inner + f"\n--{BOUNDARY}--\n")
    return write(os.path.join(d, "rfc822-nesting.eml"), msg)


def multipart_laughs(d, breadth=8, depth=6):
    """The billion laughs of MIME: every multipart holds @breadth multiparts,
    @depth levels down, and every leaf is a delivery-status part -- 262,144
    of them in about 30 MB.  A parser without a part budget does 262,144
    times the work of one report."""
    leaf = ("Content-Type: message/delivery-status\n\n"
            "Final-Recipient: rfc822; lol@example.com\nAction: failed\nStatus: 5.1.1\n")

    # Build bottom-up as strings, reusing each level's text @breadth times.
    text = leaf
    for n in range(depth):
        b = f"L{n}"
        text = (f"Content-Type: multipart/mixed; boundary=\"{b}\"\n\n"
                + "".join(f"--{b}\n{text}\n" for _ in range(breadth)) + f"--{b}--\n")
    msg = head() + f"--{BOUNDARY}\n{text}\n--{BOUNDARY}--\n"
    return write(os.path.join(d, "multipart-laughs.eml"), msg)


def boundary_missing(d):
    """multipart/report with no boundary parameter at all."""
    msg = report(one_recipient()).replace(f'; boundary="{BOUNDARY}"', "")
    return write(os.path.join(d, "boundary-missing.eml"), msg)


def boundary_duplicate(d):
    """A nested multipart that reuses its parent's boundary, twice over."""
    msg = (head() + f"--{BOUNDARY}\nContent-Type: multipart/mixed; boundary=\"{BOUNDARY}\"\n\n"
           + f"--{BOUNDARY}\nContent-Type: text/plain\n\nfirst\n"
           + f"--{BOUNDARY}\nContent-Type: message/delivery-status\n\n"
           + "Reporting-MTA: dns; mx.example.org\n\n" + one_recipient() + "\n"
           + f"--{BOUNDARY}--\n--{BOUNDARY}--\n--{BOUNDARY}--\n")
    return write(os.path.join(d, "boundary-duplicate.eml"), msg)


def boundary_unclosed(d):
    """The closing delimiter never comes; the last part runs to the end."""
    msg = report(one_recipient()).rsplit(f"--{BOUNDARY}--", 1)[0]
    return write(os.path.join(d, "boundary-unclosed.eml"), msg)


def boundary_hostile(d):
    """An empty boundary, then a 4,000-character one."""
    long_b = "x" * 4000
    msg = (head(ctype='multipart/report; report-type=delivery-status; boundary=""')
           + "--\nContent-Type: multipart/mixed; boundary=\"" + long_b + "\"\n\n"
           + f"--{long_b}\nContent-Type: message/delivery-status\n\n" + one_recipient()
           + f"\n--{long_b}--\n----\n")
    return write(os.path.join(d, "boundary-hostile.eml"), msg)


# -- Size --------------------------------------------------------------------

def header_100mb(d):
    """A 100 MB header: one field folded over 100 MiB of 1 KiB lines, then a
    report.  Past the 64 MiB read limit: the user must be told."""
    path = os.path.join(d, "header-100mb.eml")
    with open(path, "w") as f:
        f.write("From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\nX-Big: ")
        chunk = "a" * 1022 + "\n "
        for _ in range(100 * 1024):
            f.write(chunk)
        f.write("\n\n" + one_recipient())
    return path


def header_60mb_line(d):
    """A single 60 MB header line without a fold, under the read limit: the
    whole of it goes through GMime's header parser."""
    path = os.path.join(d, "header-60mb-line.eml")
    with open(path, "w") as f:
        f.write("From: MAILER-DAEMON@mx.example.org\nSubject: ")
        chunk = "Undelivered " * 1024
        for _ in range(60 * 1024 * 1024 // len(chunk)):
            f.write(chunk)
        f.write("\nContent-Type: text/plain\n\n<alice@example.com>: 550 5.1.1 User unknown\n")
    return path


def dsn_100000_recipients(d, n=100000):
    """One report naming 100,000 failed recipients (about 7 MB)."""
    rcpts = "\n".join(one_recipient(f"user{i}@example.com") for i in range(n))
    return write(os.path.join(d, "dsn-100000-recipients.eml"), report(rcpts))


def dsn_many_fields(d, n=300000):
    """One recipient group with 300,000 distinct field names (3.8 MB): field
    lookups that scan the group make this quadratic."""
    fields = "".join(f"X-F{i}: v\n" for i in range(n))
    return write(os.path.join(d, "dsn-many-fields.eml"), report(one_recipient() + fields))


def qp_soft_breaks(d, n=5_000_000):
    """A quoted-printable part that is 10 MB of soft line breaks: it decodes
    to nothing."""
    body = "=\n" * n
    msg = (head(ctype="text/plain; charset=utf-8", extra="Content-Transfer-Encoding: quoted-printable\n")
           + body + "\n<alice@example.com>: 550 5.1.1 User unknown\n")
    return write(os.path.join(d, "qp-soft-breaks.eml"), msg)


# -- Bytes -------------------------------------------------------------------

def nul_bytes(d):
    """NUL bytes in a header, in the DSN fields, in the diagnostic and in the
    text part."""
    dsn = one_recipient("alice@example.com", "User\0 unknown\0\0 here")
    msg = report(dsn, text="The mail\0system could not deliver\0.\n").replace(
        "Subject: Undelivered", "Subject: Undel\0ivered")
    msg = msg.replace("Action: failed", "Action: fai\0led")
    return write(os.path.join(d, "nul-bytes.eml"), msg)


# Invalid and overlong UTF-8: a lone continuation byte, 0xff, overlong "/"
# in two and three bytes, a UTF-16 surrogate, a five-byte form, an overlong
# NUL, and a sequence cut off at the end.
BAD_UTF8 = (b"\x80 \xff \xc0\xaf \xe0\x80\xaf \xed\xa0\x80 \xf8\x88\x80\x80\x80 "
            b"\xc0\x80 \xf4\x90\x80\x80 \xe2\x82")


def utf8_invalid(d):
    """Invalid bytes in the subject, the recipient and the diagnostic."""
    raw = report("@@DSN@@", subject="@@SUBJ@@").encode()
    dsn = (b"Final-Recipient: rfc822; b\xc0\xafd@example.com\nAction: failed\nStatus: 5.1.1\n"
           b"Diagnostic-Code: smtp; 550 5.1.1 user " + BAD_UTF8 + b" unknown\n")
    raw = raw.replace(b"@@DSN@@", dsn).replace(b"@@SUBJ@@", b"Undelivered " + BAD_UTF8)
    return write(os.path.join(d, "utf8-invalid.eml"), raw)


def rfc2047_bomb(d, words=200000):
    """A subject of 200,000 encoded words (4.4 MB), encoded words whose text
    is itself an encoded word hiding an escape sequence (decoded once, it
    must stay text), unknown charsets, and one 1 MB encoded word.  The same
    headers stand in the attached original, whose subject `scan` prints."""
    word = "=?utf-8?B?" + base64.b64encode("bömb ".encode()).decode() + "?="
    many = " ".join([word] * words)
    hidden = "=?utf-8?B?" + base64.b64encode("\x1b]0;pwned\x07\x1b[2J".encode()).decode() + "?="
    nested = "=?utf-8?B?" + base64.b64encode(hidden.encode()).decode() + "?="
    huge = "=?utf-8?Q?" + "=41" * (1 << 18) + "?="
    bogus = "=?x-no-such-charset?Q?=FF=FE?= =?utf-8?X?abc?= =?utf-8?B?####?= =?=?=?"
    original = (f"From: sender@example.org\nTo: alice@example.com\nSubject: {nested} {bogus}\n"
                f"X-Many: {many}\nX-Huge: {huge}\nMessage-ID: <orig@example.org>\n")
    msg = report(one_recipient(), original=original, subject=many[: 1 << 20])
    return write(os.path.join(d, "rfc2047-bomb.eml"), msg)


# Terminal control in every string a stranger controls: CSI (clear screen,
# colour, cursor moves), OSC 0 (window title), OSC 8 (a hyperlink that
# shows one thing and opens another), OSC 52 (write the clipboard), DCS, the
# 8-bit C1 CSI (U+009B) in UTF-8 and raw, BEL, backspace, a carriage return
# that overwrites the line, and a right-to-left override.
ESCAPES = ("\x1b[2J\x1b[H\x1b[31mRED\x1b[0m \x1b]0;owned-title\x07 "
           "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ "
           "\x1b]52;c;cm0gLXJmIH4=\x07 \x1bP+q544e\x1b\\ \u009b31m \x07\x08\x08 \rFAKE \u202egnp.exe")


def escapes(d):
    diag = "User unknown " + ESCAPES
    original = (f"From: sender@example.org\nTo: alice@example.com\nSubject: hello {ESCAPES}\n"
                "Message-ID: <orig@example.org>\n")
    dsn = (one_recipient("alice@example.com", diag)
           + "\n" + one_recipient("\x1b[31mbob@example.com", "Mailbox full \x1b]0;t\x07"))
    msg = report(dsn, text="Failed: " + ESCAPES + "\n", original=original,
                 subject="Undelivered " + ESCAPES.replace("\r", " "))
    raw = msg.encode("utf-8").replace("\u009b".encode(), b"\x9b", 1)  # One raw 8-bit CSI too.
    return write(os.path.join(d, "escapes.eml"), raw)


# -- The file system ----------------------------------------------------------

def maildir(d, name, messages):
    """A Maildir @name under @d with @messages ({file name: bytes}) in cur/."""
    root = os.path.join(d, name)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
    for fname, data in messages.items():
        write(os.path.join(root, "cur", fname), data)
    return root


def good_messages(n=3):
    return {f"{i}.msg:2,S": report(one_recipient(f"user{i}@example.com")) for i in range(n)}


def maildir_symlink_loop(d):
    """Symlinks to themselves, to each other, to their own directory and to
    the Maildir's parent, among ordinary messages."""
    root = maildir(d, "loop-maildir", good_messages())
    cur = os.path.join(root, "cur")
    os.symlink("self", os.path.join(cur, "self"))
    os.symlink("pong", os.path.join(cur, "ping"))
    os.symlink("ping", os.path.join(cur, "pong"))
    os.symlink(".", os.path.join(cur, "here"))
    os.symlink("../..", os.path.join(cur, "up"))
    # A plain directory tree whose subdirectory links back to the top.
    tree = os.path.join(d, "loop-tree", "a", "b")
    os.makedirs(tree)
    os.symlink("../..", os.path.join(tree, "back"))
    write(os.path.join(tree, "m.eml"), report(one_recipient("deep@example.com")))
    return root


def maildir_fifo(d):
    """A FIFO among the messages: opening it for reading waits for a writer."""
    root = maildir(d, "fifo-maildir", good_messages())
    os.mkfifo(os.path.join(root, "new", "1.fifo"))
    return root


def maildir_unreadable(d):
    """A message with mode 000 and a whole cur/ directory with mode 000 (in a
    second Maildir), next to readable messages."""
    a = maildir(d, "unreadable-file", good_messages())
    os.chmod(os.path.join(a, "cur", "1.msg:2,S"), 0)
    b = maildir(d, "unreadable-dir", good_messages())
    write(os.path.join(b, "new", "ok.msg"), report(one_recipient("new@example.com")))
    os.chmod(os.path.join(b, "cur"), 0)
    return a, b


def maildir_vanishing(d):
    """A Maildir entry that is gone by the time it is opened: a dangling
    symlink, exactly what a message moved by a mail client looks like."""
    root = maildir(d, "vanishing-maildir", good_messages())
    os.symlink("moved-away", os.path.join(root, "cur", "0.gone:2,S"))
    return root


def escaped_file_name(d):
    """A file whose name is an OSC title sequence and that cannot be read:
    the error line names it."""
    root = maildir(d, "escape-name-maildir", good_messages(1))
    os.symlink("nowhere", os.path.join(root, "cur", "\x1b]0;owned\x07\x1b[2J.msg"))
    return root


GENERATORS = [
    mime_nesting, rfc822_nesting, multipart_laughs, boundary_missing, boundary_duplicate,
    boundary_unclosed, boundary_hostile, header_100mb, header_60mb_line, dsn_100000_recipients,
    dsn_many_fields, qp_soft_breaks, nul_bytes, utf8_invalid, rfc2047_bomb, escapes,
    maildir_symlink_loop, maildir_fifo, maildir_vanishing, escaped_file_name,
]

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    os.makedirs(sys.argv[1], exist_ok=True)
    for g in GENERATORS:
        print(g(sys.argv[1]))
