#!/usr/bin/env python3
# metamorphic.py: `bounceview scan` must read what a bounce says, not how it
# is written down.
#
# Copyright 2026 the bounceview authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Metamorphic test of `bounceview scan`.

Every message of tests/corpora/ (one test case per message file; the one mbox
case is left out, its messages are not single messages) and every bounce of
tests/mta/bounces/ is rewritten in ways that change its surface form but not
its content: line endings, an mbox separator line, blank lines before the
headers, transfer encodings, charset labels on ASCII text, header folding,
the case of field names, of media types and of delivery-status types,
spacing after the colon, blank lines between delivery-status groups, MIME
boundaries, parameter quoting, an RFC 2047 Subject and From, an HTML
alternative to the text, a forward by a person as a message/rfc822
attachment and the multipart/mixed wrappers that lists and gateways add.
Each variant is scanned and must give the same records as the message it
came from, compared on what a user checks: kind, recipient, status, reply
code, command, cause and hard/soft.

The MIME rewriting is done here, on the bytes, by a small splitter that gives
back the input byte for byte when nothing is changed (checked for every
message), so that a variant differs from its original only by the transform.
The standard library's email package would refold and requote headers on
output; only its RFC 2047 decoder is used (for a Subject that is encoded
already).

    metamorphic.py [--list] [--keep DIR] [--only TRANSFORM] [--extra DIR]

--extra DIR runs the transforms on every file under DIR instead (mail a
developer has, such as a corpus that may not be copied into the project)
and reports every difference, with no list of known ones.

A difference that known-failures.txt lists ("INPUT TRANSFORM reason", the
reason written by a person) is reported and accepted; the test fails on any
other difference and on a listed one that no longer differs, so that the list
stays true.  The list is edited by hand.  The binary is $BOUNCEVIEW.

All transforms run on all messages, no sampling: 448 messages and 39
transforms give some 15,000 variants, scanned in two runs of the binary.
The test takes about 8 s of CPU (4.5 s in Python, the rest in bounceview;
about 6 s of wall time on an idle two-core machine).  Under the sanitizers
($BOUNCEVIEW_SANITIZED) the binary is several times slower, and every
third message is taken (every transform still runs): about 45 s.
"""
import base64
import collections
import email.errors
import email.header
import json
import os
import quopri
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
SOURCE = os.environ.get("BOUNCEVIEW_SOURCE_DIR", os.path.dirname(TESTS))
BV = os.environ.get("BOUNCEVIEW", os.path.join(SOURCE, "build", "cli", "bounceview"))
KNOWN = os.path.join(HERE, "known-failures.txt")
FIELDS = ("kind", "recipient", "status", "reply_code", "command", "cause", "hard")

# ---------------------------------------------------------------------------
# A byte-exact MIME splitter.


def unfold(lines):
    """A field's value with its folds removed (RFC 5322 s.2.2.3)."""
    return b"".join(lines).split(b":", 1)[1].strip()


class Node:
    """One entity: its header fields (each a list of physical lines), the
    separator, and either a body, or a multipart's pieces, or an attached
    message."""

    def __init__(self):
        self.fields = []  # [[b"Name: value", b" continuation"], ...]
        self.sep = b""  # b"\n" when a blank line ends the header
        self.body = b""
        self.preamble = None  # set for a split multipart
        self.parts = []  # [(delimiter line, Node)]
        self.close = None  # closing delimiter line, or None
        self.epilogue = b""
        self.message = None  # Node of a message/rfc822 body
        self.parent_digest = False

    def field(self, name):
        for f in self.fields:
            if f[0].split(b":", 1)[0].strip().lower() == name:
                return f
        return None

    def value(self, name):
        f = self.field(name)
        return unfold(f).decode("latin-1") if f else None

    def ctype(self):
        """(type/subtype in lower case, params dict)."""
        v = self.value(b"content-type")
        if v is None:
            return ("message/rfc822" if self.parent_digest else "text/plain"), {}
        return parse_ctype(v)

    def cte(self):
        v = self.value(b"content-transfer-encoding")
        return (v or "7bit").strip().lower()

    def serialise(self):
        out = [b"".join(line + b"\n" for f in self.fields for line in f), self.sep]
        out.append(self.body_bytes())
        return b"".join(out)

    def body_bytes(self):
        if self.message is not None:
            return self.message.serialise()
        if self.preamble is None:
            return self.body
        out = [self.preamble]
        for i, (delim, part) in enumerate(self.parts):
            out.append(delim + b"\n" + part.serialise())
            if i + 1 < len(self.parts) or self.close is not None:
                out.append(b"\n")
        if self.close is not None:
            out.append(self.close + self.epilogue)
        return b"".join(out)


TOKEN = re.compile(r"^[^\s()<>@,;:\\\"/\[\]?=]+$")
PARAM = re.compile(rb';(\s*)([A-Za-z0-9*_.-]+)(\s*)=(\s*)("(?:[^"\\]|\\.)*"|[^;\s"]+)')


def parse_ctype(v):
    mt = v.split(";", 1)[0].strip().lower()
    params = {}
    for m in PARAM.finditer(v.encode("latin-1")):
        val = m.group(5).decode("latin-1")
        if val.startswith('"'):
            val = re.sub(r"\\(.)", r"\1", val[1:-1])
        params[m.group(2).decode().lower()] = val
    return mt, params


HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")


def split_header(text):
    """(fields, sep, body) of an entity; no fields when it does not start
    with a header line."""
    fields = []
    pos = 0
    while pos < len(text):
        nl = text.find(b"\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        end = len(text) if nl < 0 else nl + 1
        if line == b"":
            return fields, b"\n", text[end:]
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1].append(line)
        elif HEADER_LINE.match(line):
            fields.append([line])
        else:
            break
        if nl < 0:
            return fields, b"", b""
        pos = end
    # A line that is neither a field nor the blank line: the body starts
    # here without a separator.
    return fields, b"", text[pos:]


def parse(text, depth=0, parent_digest=False):
    node = Node()
    node.parent_digest = parent_digest
    node.fields, node.sep, node.body = split_header(text)
    if node.serialise() != text:  # a header we cannot take apart exactly
        node = Node()
        node.body = text
        return node
    mt, params = node.ctype()
    if depth > 8 or node.cte() not in ("7bit", "8bit", "binary"):
        return node
    if mt.startswith("multipart/") and params.get("boundary"):
        b = re.escape(params["boundary"].encode("latin-1"))
        delims = list(re.finditer(rb"(?m)^--" + b + rb"(--)?[ \t]*$", node.body))
        opens = []
        close = None
        for m in delims:
            if m.group(1):
                close = m
                break
            opens.append(m)
        if not opens:
            return node
        body = node.body
        split = Node()
        split.fields, split.sep = node.fields, node.sep
        split.parent_digest = parent_digest
        split.preamble = body[: opens[0].start()]
        for i, m in enumerate(opens):
            start = m.end() + 1
            if i + 1 < len(opens):
                stop = opens[i + 1].start() - 1
            elif close is not None:
                stop = close.start() - 1
            else:
                stop = len(body)
            if stop < start:
                return node
            child = parse(body[start:stop], depth + 1, mt == "multipart/digest")
            split.parts.append((m.group(0), child))
        if close is not None:
            split.close = close.group(0)
            split.epilogue = body[close.end():]
        if split.serialise() == text:
            return split
        return node
    if mt == "message/rfc822" and node.body:
        inner = parse(node.body, depth + 1)
        if inner.fields and inner.serialise() == node.body:
            node.message = inner
    return node


def leaves(node, inside_message=False):
    """Every entity of the report's own MIME tree, with whether it lies in
    an attached message (the original, which transforms leave alone)."""
    yield node, inside_message
    for _, part in node.parts:
        yield from leaves(part, inside_message)
    if node.message is not None:
        yield from leaves(node.message, True)


# ---------------------------------------------------------------------------
# Transforms.  Each takes the message (LF line ends) and returns the variant,
# or None when it does not apply to that message.


def set_field(node, name, value, top=False):
    """Replaces the field @name (bytes, any case) or appends it."""
    line = [name + b": " + value]
    for i, f in enumerate(node.fields):
        if f[0].split(b":", 1)[0].strip().lower() == name.lower():
            node.fields[i] = line
            return
    if top and node.field(b"mime-version") is None:
        node.fields.append([b"MIME-Version: 1.0"])
    node.fields.append(line)
    if not node.sep:
        node.sep = b"\n"


def decoded(node):
    cte = node.cte()
    if cte == "quoted-printable":
        return quopri.decodestring(node.body)
    if cte == "base64":
        return base64.b64decode(re.sub(rb"[^A-Za-z0-9+/=]", b"", node.body) + b"==")
    return node.body


def qp_short(data, width=24):
    """Quoted-printable with a soft line break every @width characters at
    most (RFC 2045 s.6.7 allows one anywhere), so that words and codes are
    cut in two on the wire."""
    out = []
    for line in data.split(b"\n"):
        enc = quopri.encodestring(line, quotetabs=True).replace(b"=\n", b"")
        pieces = []
        while len(enc) > width:
            cut = width
            # Never inside an "=XX" escape.
            while b"=" in enc[cut - 2 : cut]:
                cut -= 1
            pieces.append(enc[:cut] + b"=")
            enc = enc[cut:]
        pieces.append(enc)
        out.append(b"\n".join(pieces))
    return b"\n".join(out)


def reencode(kinds, how):
    """Re-encodes the leaves whose media type is one of @kinds."""

    def transform(msg):
        root = parse(msg)
        changed = False
        for node, inside in leaves(root):
            if inside or node.preamble is not None or node.message is not None:
                continue
            if node is root and not root.fields:
                continue
            mt, _ = node.ctype()
            if mt not in kinds and not (kinds == TEXT and mt.startswith("text/") and mt not in HEADERS):
                continue
            data = decoded(node)
            if how == "quoted-printable":
                body = quopri.encodestring(data)
            elif how == "Quoted-Printable":
                body = qp_short(data)
            else:
                # Base64 carries text in its canonical form, CRLF lines
                # (RFC 2045 s.6.8).
                body = base64.encodebytes(re.sub(rb"\r?\n", b"\r\n", data))
            # The last part's body ends where its delimiter's line end
            # starts: keep it ending as before.
            if not data.endswith(b"\n") and body.endswith(b"\n"):
                body = body[:-1]
            set_field(node, b"Content-Transfer-Encoding", how.encode(), node is root)
            node.body = body
            changed = True
        return root.serialise() if changed else None

    return transform


TEXT = ("text/plain", "text/html")
HEADERS = ("text/rfc822-headers", "text/rfc822-header", "message/global-headers")
DSN = ("message/delivery-status", "message/global-delivery-status")


def relabel(charset):
    def transform(msg):
        root = parse(msg)
        changed = False
        for node, inside in leaves(root):
            if inside or node.preamble is not None or node.message is not None:
                continue
            if node is root and not root.fields:
                continue
            mt, params = node.ctype()
            if mt != "text/plain":
                continue
            # ASCII bytes under a label that reads them as ASCII: not
            # ISO-2022-JP or UTF-7, whose escapes are ASCII bytes too.
            label = params.get("charset", "us-ascii").lower()
            if not re.match(r"^(us-ascii|ascii|utf-8|iso-8859-\d+|windows-125\d)$", label):
                continue
            try:
                decoded(node).decode("ascii")
            except (UnicodeDecodeError, ValueError):
                continue
            if params.get("charset", "").lower() == charset:
                continue
            f = node.field(b"content-type")
            if f is None:
                set_field(node, b"Content-Type", b"text/plain; charset=" + charset.encode(), node is root)
            else:
                joined = b"\n".join(f)
                new, n = re.subn(rb'(?i)(charset\s*=\s*)("[^"]*"|[^;\s]+)', rb"\g<1>" + charset.encode(), joined)
                if n == 0:
                    new = joined + b"; charset=" + charset.encode()
                f[:] = new.split(b"\n")
            changed = True
        return root.serialise() if changed else None

    return transform


def each_header_block(root, fn):
    """Calls @fn on every list of fields: the entities' headers (not those of
    an attached original) and the field blocks of delivery-status and
    rfc822-headers parts, which are taken apart for it."""
    for node, inside in leaves(root):
        if inside:
            continue
        if node.fields:
            fn(node.fields)
        mt, _ = node.ctype()
        if node.preamble is None and node.message is None and node is not root and (
            mt in DSN or mt in HEADERS
        ) and node.cte() in ("7bit", "8bit", "binary"):
            node.body = map_field_blocks(node.body, fn)


def map_field_blocks(body, fn):
    """Applies @fn to each block of fields of a delivery-status or headers
    body (blocks are separated by blank lines) and gives the body back."""
    out = []
    for block in re.split(rb"(\n[ \t]*\n)", body):
        if not block.strip() or block.startswith(b"\n"):
            out.append(block)
            continue
        lead = block[: len(block) - len(block.lstrip(b"\n"))]
        fields, sep, rest = split_header(block.lstrip(b"\n") + b"\n")
        if rest.strip() or not fields:
            out.append(block)
            continue
        fn(fields)
        text = b"\n".join(line for f in fields for line in f)
        out.append(lead + text + (b"\n" if block.endswith(b"\n") else b""))
    return b"".join(out)


def names(case):
    def fn(fields):
        for f in fields:
            name, rest = f[0].split(b":", 1)
            f[0] = (name.lower() if case == "lower" else name.upper()) + b":" + rest

    def transform(msg):
        root = parse(msg)
        if not root.fields:
            return None
        each_header_block(root, fn)
        return root.serialise()

    return transform


def colon_space(wide):
    """Every field of every block written "Name:value" (no space after the
    colon: RFC 5322's and RFC 3464's syntax have none) or "Name:   value"."""

    def fn(fields):
        for f in fields:
            name, rest = f[0].split(b":", 1)
            f[0] = name + b":" + (b"   " if wide else b"") + rest.lstrip(b" \t")

    def transform(msg):
        root = parse(msg)
        if not root.fields:
            return None
        each_header_block(root, fn)
        out = root.serialise()
        return out if out != msg else None

    return transform


TYPED = (b"final-recipient", b"original-recipient", b"diagnostic-code", b"reporting-mta", b"remote-mta", b"received-from-mta", b"x-actual-recipient")


def dsn_types_upper(msg):
    """The address, diagnostic and MTA name types of the delivery-status
    fields in capitals ("RFC822;", "SMTP;", "DNS;"), and the action
    ("FAILED"): atoms and keywords that RFC 3464 compares without regard
    to case."""

    def fn(fields):
        for f in fields:
            name, rest = f[0].split(b":", 1)
            if name.strip().lower() == b"action":
                f[0] = name + b":" + rest.upper()
            elif name.strip().lower() in TYPED:
                m = re.match(rb"(\s*)([A-Za-z0-9-]+)(\s*;)", rest)
                if m:
                    f[0] = name + b":" + m.group(1) + m.group(2).upper() + rest[m.end(2):]

    root = parse(msg)
    if not root.fields:
        return None
    for node, inside in leaves(root):
        mt, _ = node.ctype()
        if not inside and mt in DSN and node.preamble is None and node.cte() in ("7bit", "8bit", "binary"):
            node.body = map_field_blocks(node.body, fn)
    out = root.serialise()
    return out if out != msg else None


def dsn_extension_fields(msg):
    """An extension field (RFC 3464 s.7: "X-" fields) at the start of each
    delivery-status group, as servers add their own."""

    def fn(fields):
        fields.insert(0, [b"X-Metamorphic-Note: an extension field that says nothing"])

    root = parse(msg)
    changed = False
    for node, inside in leaves(root):
        mt, _ = node.ctype()
        if not inside and mt in DSN and node.preamble is None and node.cte() in ("7bit", "8bit", "binary"):
            node.body = map_field_blocks(node.body, fn)
            changed = True
    return root.serialise() if changed else None


def dsn_group_blanks(msg):
    """The blank line between delivery-status groups becomes a line of
    spaces and a blank line (RFC 3464 groups are separated by blank lines;
    servers write them with trailing blanks, and some write two)."""
    root = parse(msg)
    changed = False
    for node, inside in leaves(root):
        mt, _ = node.ctype()
        if not inside and mt in DSN and node.preamble is None and node.cte() in ("7bit", "8bit", "binary"):
            body = re.sub(rb"(?<=\S)\n\n(?=\S)", b"\n  \n\n", node.body)
            if body != node.body:
                node.body = body
                changed = True
    return root.serialise() if changed else None


def ctype_case(msg):
    """Content-Type media types and parameter names in capitals (RFC 2045
    s.5.1: both are case-insensitive); the values stay as they are."""
    root = parse(msg)
    changed = False
    for node, inside in leaves(root):
        if inside:
            continue
        for f in node.fields:
            name = f[0].split(b":", 1)[0]
            if name.strip().lower() != b"content-type":
                continue
            joined = b"\n".join(f)
            head, _, rest = joined.partition(b":")
            m = re.match(rb"(\s*)([^;\s]+)", rest)
            if not m:
                continue
            rest = m.group(1) + m.group(2).upper() + rest[m.end():]
            rest = PARAM.sub(lambda p: b";" + p.group(1) + p.group(2).upper() + p.group(3) + b"=" + p.group(4) + p.group(5), rest)
            new = head + b":" + rest
            if new != joined:
                f[:] = new.split(b"\n")
                changed = True
    return root.serialise() if changed else None


def refold(width):
    """Unfolds every field and folds it again before the first whitespace
    past @width characters of each line (0: leaves it unfolded)."""

    def fn(fields):
        for i, f in enumerate(fields):
            line = b"".join(f)
            if not width:
                fields[i] = [line]
                continue
            pieces = []
            while len(line) > width:
                m = re.compile(rb"[ \t]+(?=\S)").search(line, width)
                if m is None:
                    break
                pieces.append(line[: m.start()])
                line = line[m.start():]
            pieces.append(line)
            fields[i] = pieces

    def transform(msg):
        root = parse(msg)
        if not root.fields:
            return None
        each_header_block(root, fn)
        return root.serialise()

    return transform


def boundaries(quoted):
    def transform(msg):
        root = parse(msg)
        n = 0
        for node, inside in leaves(root):
            if inside or node.preamble is None:
                continue
            n += 1
            new = (b'"=_bv/meta %d=_"' % n) if quoted else (b"bvMeta%dx7Q" % n)
            bare = new.strip(b'"')
            if bare in msg:
                return None
            f = node.field(b"content-type")
            joined = b"\n".join(f)
            joined = re.sub(rb'(?i)(boundary\s*=\s*)("(?:[^"\\]|\\.)*"|[^;\s"]+)', lambda m: m.group(1) + new, joined)
            f[:] = joined.split(b"\n")
            node.parts = [(b"--" + bare, p) for _, p in node.parts]
            if node.close is not None:
                node.close = b"--" + bare + b"--"
        return root.serialise() if n else None

    return transform


def params(quote):
    def fix(m):
        val = m.group(5)
        if quote and not val.startswith(b'"'):
            val = b'"' + val + b'"'
        elif not quote and val.startswith(b'"') and TOKEN.match(val[1:-1].decode("latin-1")):
            val = val[1:-1]
        return b";" + m.group(1) + m.group(2) + m.group(3) + b"=" + m.group(4) + val

    def transform(msg):
        root = parse(msg)
        for node, inside in leaves(root):
            if inside:
                continue
            for f in node.fields:
                name = f[0].split(b":", 1)[0].strip().lower()
                if name in (b"content-type", b"content-disposition"):
                    f[:] = PARAM.sub(fix, b"\n".join(f)).split(b"\n")
        out = root.serialise()
        return out if out != msg else None

    return transform


def subject_2047(enc):
    def words(text):
        out = []
        chunk = ""
        for ch in text:
            if len((chunk + ch).encode("utf-8")) > 30:
                out.append(chunk)
                chunk = ""
            chunk += ch
        if chunk:
            out.append(chunk)
        result = []
        for c in out:
            raw = c.encode("utf-8")
            if enc == "B":
                result.append(b"=?UTF-8?B?" + base64.b64encode(raw) + b"?=")
            else:
                q = b"".join(
                    bytes([b]) if (chr(b).isalnum() and b < 128) else b"_" if b == 32 else b"=%02X" % b
                    for b in raw
                )
                result.append(b"=?utf-8?q?" + q + b"?=")
        return b"\n ".join(result)

    def transform(msg):
        root = parse(msg)
        f = root.field(b"subject")
        if f is None:
            return None
        raw = unfold(f).decode("utf-8", "replace")
        try:
            text = str(email.header.make_header(email.header.decode_header(raw)))
        except (email.errors.HeaderParseError, LookupError, UnicodeError):
            return None
        if not text.strip():
            return None
        name = f[0].split(b":", 1)[0]
        f[:] = (name + b": " + words(text)).split(b"\n")
        return root.serialise()

    return transform


def from_2047(msg):
    """The display name of From as an RFC 2047 encoded word, as clients
    write a name with any non-ASCII letter ("=?UTF-8?B?...?=
    <MAILER-DAEMON@...>")."""
    root = parse(msg)
    f = root.field(b"from")
    if f is None:
        return None
    name, value = b"".join(f).split(b":", 1)
    m = re.match(rb'\s*"?([^"<]*?)"?\s*(<[^>]*>)\s*$', value)
    if not m or not m.group(1).strip() or b"=?" in value:
        return None
    word = b"=?UTF-8?B?" + base64.b64encode(m.group(1).strip()) + b"?="
    f[:] = [name + b": " + word + b" " + m.group(2)]
    return root.serialise()


def alternative_html(msg):
    """Each text/plain part of the report (or a plain message's body) made
    the first alternative of a multipart/alternative whose second is the
    same text as HTML, as Exchange and webmail servers send their notices."""
    import html

    root = parse(msg)
    if not root.fields:
        return None
    changed = False
    for node, inside in list(leaves(root)):
        if inside or node.preamble is not None or node.message is not None:
            continue
        mt, params = node.ctype()
        if mt != "text/plain":
            continue
        if node.field(b"content-disposition") and b"attachment" in b"".join(node.field(b"content-disposition")).lower():
            continue
        ctx = [f for f in node.fields if f[0].split(b":", 1)[0].strip().lower() in CONTENT_FIELDS]
        other = [f for f in node.fields if f[0].split(b":", 1)[0].strip().lower() not in CONTENT_FIELDS]
        charset = params.get("charset", "us-ascii")
        text = decoded(node).decode(charset if charset.lower() not in ("unknown-8bit",) else "latin-1", "replace")
        page = "<html><body><pre>" + html.escape(text) + "</pre></body></html>\n"
        plain = Node()
        plain.fields = ctx or [[b"Content-Type: text/plain"]]
        plain.sep = b"\n"
        plain.body = node.body
        rich = Node()
        rich.fields = [[b"Content-Type: text/html; charset=utf-8"], [b"Content-Transfer-Encoding: base64"]]
        rich.sep = b"\n"
        rich.body = base64.encodebytes(page.encode("utf-8"))
        b = b"=_bv-alt_="
        if b in msg:
            return None
        node.fields = other + [[b'Content-Type: multipart/alternative; boundary="' + b + b'"']]
        if node is root and root.field(b"mime-version") is None:
            node.fields.insert(len(other), [b"MIME-Version: 1.0"])
        node.sep = b"\n"
        node.preamble = b""
        node.parts = [(b"--" + b, plain), (b"--" + b, rich)]
        node.close = b"--" + b + b"--"
        node.epilogue = b"\n" if plain.body.endswith(b"\n") else b""
        if not plain.body.endswith(b"\n"):
            plain.body += b"\n"
        changed = True
    return root.serialise() if changed else None


def crlf(msg):
    return msg.replace(b"\n", b"\r\n")


def cr_only(msg):
    # Classic Mac OS line ends, as some archives still hold them.
    return msg.replace(b"\n", b"\r")


def trailing_spaces(msg):
    # Lines padded with a space, as some gateways and editors leave them
    # (RFC 2046 s.5.1.1 calls it transport padding on a boundary line);
    # blank lines stay blank, or the header would not end.
    return re.sub(rb"(?m)(?<=\S)$", b" ", msg)


def trailing_blank(msg):
    return msg.rstrip(b"\n") + b"\n\n"


def no_final_newline(msg):
    return msg.rstrip(b"\n")


def mbox_from(msg):
    # mboxrd: a body line that starts with ">*From " gets one more '>'.
    body = re.sub(rb"(?m)^(>*From )", rb">\1", msg)
    if not body.endswith(b"\n"):
        body += b"\n"
    return b"From sender@example.org Mon Dec  7 01:00:00 2026\n" + body


def mbox_after_blank(msg):
    # A message cut out of an mbox together with the blank line that ended
    # the message before it (the message's own blank lines, if it has any,
    # would stand between the separator and the header, where an mbox has
    # none).
    return b"\n\n" + mbox_from(re.sub(rb"^(?:[ \t]*\n)+", b"", msg))


def leading_blank(msg):
    return b"\n\n" + msg


def leading_spaces(msg):
    return b"  \n\t\n \n" + msg


def forward_as_attachment(msg):
    # A mail client attaches the message it parsed: without the blank
    # lines an archive may have put before its header.
    msg = re.sub(rb"^(?:[ \t]*\n)+", b"", msg)
    root = parse(msg)
    subject = root.value(b"subject") or "returned mail"
    return (
        b"From: Alice Example <alice@example.com>\n"
        b"To: helpdesk@example.net\n"
        b"Subject: Fwd: " + subject.encode("latin-1") + b"\n"
        b"Date: Mon, 07 Dec 2026 01:00:00 +0000\n"
        b"Message-ID: <metamorphic-forward@example.com>\n"
        b"MIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="=_bv-forward_="\n'
        b"\n"
        b"--=_bv-forward_=\n"
        b"Content-Type: text/plain; charset=utf-8\n"
        b"\n"
        b"Hi, this came back when I wrote to a customer. Can you look at it?\n"
        b"\n"
        b"Alice\n"
        b"\n"
        b"--=_bv-forward_=\n"
        b"Content-Type: message/rfc822\n"
        b"Content-Disposition: attachment\n"
        b"\n" + msg + (b"" if msg.endswith(b"\n") else b"\n") + b"\n--=_bv-forward_=--\n"
    )


CONTENT_FIELDS = (b"content-type", b"content-transfer-encoding", b"content-disposition", b"content-description", b"content-id")


def wrap_mixed(banner_first):
    """Moves the message's content into the first (list footer) or second
    (gateway banner) part of a multipart/mixed, as Mailman does when it adds
    a footer to a message that is not plain text and a mail gateway does
    when it adds a warning."""

    def transform(msg):
        root = parse(msg)
        if not root.fields:
            return None
        outer = [f for f in root.fields if f[0].split(b":", 1)[0].strip().lower() not in CONTENT_FIELDS + (b"mime-version",)]
        inner = [f for f in root.fields if f[0].split(b":", 1)[0].strip().lower() in CONTENT_FIELDS]
        content = b"".join(l + b"\n" for f in inner for l in f) + b"\n" + root.body_bytes()
        if b"=_bv-wrap_=" in msg:
            return None
        footer = (
            b"Content-Type: text/plain; charset=\"us-ascii\"\n"
            b"Content-Transfer-Encoding: 7bit\n"
            b"Content-Disposition: inline\n\n"
        )
        if banner_first:
            footer += (
                b"CAUTION: This email originated from outside of the organization. Do not\n"
                b"click links or open attachments unless you recognize the sender.\n"
            )
            parts = [footer, content]
        else:
            footer += (
                b"_______________________________________________\n"
                b"Team mailing list -- team@lists.example.org\n"
                b"To unsubscribe send an email to team-leave@lists.example.org\n"
            )
            parts = [content, footer]
        head = b"".join(l + b"\n" for f in outer for l in f)
        # A list that adds a footer also adds its List-Id (RFC 2919): that
        # says the message went through the list, not who wrote it.
        if not banner_first:
            head += b"List-Id: <team.lists.example.org>\n"
        head += b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"=_bv-wrap_=\"\n\n"
        body = b"".join(b"--=_bv-wrap_=\n" + p + (b"" if p.endswith(b"\n") else b"\n") + b"\n" for p in parts)
        return head + body + b"--=_bv-wrap_=--\n"

    return transform


TRANSFORMS = collections.OrderedDict(
    [
        ("crlf", crlf),
        ("cr-only", cr_only),
        ("trailing-spaces", trailing_spaces),
        ("trailing-blank", trailing_blank),
        ("no-final-newline", no_final_newline),
        ("mbox-from", mbox_from),
        ("mbox-after-blank", mbox_after_blank),
        ("leading-blank", leading_blank),
        ("leading-spaces", leading_spaces),
        ("qp-text", reencode(TEXT, "quoted-printable")),
        ("base64-text", reencode(TEXT, "base64")),
        ("qp-text-short", reencode(TEXT, "Quoted-Printable")),
        ("qp-dsn", reencode(DSN, "quoted-printable")),
        ("base64-dsn", reencode(DSN, "base64")),
        ("qp-headers", reencode(HEADERS, "quoted-printable")),
        ("base64-headers", reencode(HEADERS, "base64")),
        ("charset-us-ascii", relabel("us-ascii")),
        ("charset-utf-8", relabel("utf-8")),
        ("charset-iso-8859-1", relabel("iso-8859-1")),
        ("refold", refold(30)),
        ("unfold", refold(0)),
        ("names-lower", names("lower")),
        ("names-upper", names("upper")),
        ("colon-tight", colon_space(False)),
        ("colon-wide", colon_space(True)),
        ("dsn-types-upper", dsn_types_upper),
        ("dsn-group-blanks", dsn_group_blanks),
        ("dsn-extension-fields", dsn_extension_fields),
        ("ctype-upper", ctype_case),
        ("boundary-quoted", boundaries(True)),
        ("boundary-token", boundaries(False)),
        ("params-quoted", params(True)),
        ("params-unquoted", params(False)),
        ("from-2047", from_2047),
        ("alternative-html", alternative_html),
        ("subject-2047-b", subject_2047("B")),
        ("subject-2047-q", subject_2047("Q")),
        ("forward-rfc822", forward_as_attachment),
        ("list-footer", wrap_mixed(False)),
        ("gateway-banner", wrap_mixed(True)),
    ]
)

# ---------------------------------------------------------------------------
# Running.


def inputs(extra=None):
    """(id, path) of every message: corpora case files, MTA bounces; or,
    for a developer's look at other mail, every file under @extra."""
    out = []
    if extra:
        for dirpath, _, files in os.walk(extra):
            for name in sorted(files):
                p = os.path.join(dirpath, name)
                out.append((os.path.relpath(p, extra), p))
        return sorted(out)
    corpora = os.path.join(TESTS, "corpora")
    for case in sorted(os.listdir(corpora)):
        d = os.path.join(corpora, case)
        if not os.path.isfile(os.path.join(d, "expected.tsv")):
            continue
        for name in sorted(os.listdir(d)):
            if name in ("expected.tsv", "golden.jsonl") or name.startswith(".") or name.endswith(".mbox"):
                continue
            out.append(("corpora/%s/%s" % (case, name), os.path.join(d, name)))
    bounces = os.path.join(TESTS, "mta", "bounces")
    for mta in sorted(os.listdir(bounces)):
        d = os.path.join(bounces, mta)
        for name in sorted(os.listdir(d)):
            if name.endswith(".eml"):
                out.append(("mta/%s/%s" % (mta, name), os.path.join(d, name)))
    return out


def scan(paths):
    """The projected records of each path, by path."""
    got = collections.defaultdict(list)
    proc = subprocess.run(
        [BV, "scan", "--format=jsonl"] + paths, capture_output=True, timeout=600
    )
    if proc.returncode != 0:
        raise SystemExit(
            "FAIL: %s exited %d: %s" % (BV, proc.returncode, proc.stderr.decode("utf-8", "replace")[:2000])
        )
    for line in proc.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        got[rec["file"]].append(tuple(rec.get(k, "") for k in FIELDS))
    return got


def read_known():
    known = {}
    if os.path.exists(KNOWN):
        with open(KNOWN, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split(None, 2)
                if len(parts) < 3:
                    raise SystemExit("FAIL: known-failures.txt line %d has no reason" % n)
                known[(parts[0], parts[1])] = parts[2]
    return known


def describe(want, got):
    if len(want) != len(got):
        return "%d records, original %d: %s" % (len(got), len(want), "; ".join("/".join(str(x) for x in r) for r in got[:3]))
    out = []
    for i, (w, g) in enumerate(zip(want, got)):
        for k, a, b in zip(FIELDS, w, g):
            if a != b:
                out.append("#%d %s %r, original %r" % (i, k, b, a))
    return "; ".join(out)


def main(argv):
    keep = None
    only = None
    extra = None
    if "--extra" in argv:
        extra = argv[argv.index("--extra") + 1]
    if "--keep" in argv:
        keep = argv[argv.index("--keep") + 1]
    if "--only" in argv:
        only = argv[argv.index("--only") + 1]
    tmp = keep or tempfile.mkdtemp(prefix="bv-metamorphic-")
    os.makedirs(tmp, exist_ok=True)
    try:
        return run(tmp, only, "--list" in argv, extra)
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


def run(tmp, only, list_all, extra=None):
    msgs = inputs(extra)
    if os.environ.get("BOUNCEVIEW_SANITIZED") and not extra:
        # AddressSanitizer makes the binary several times slower: every
        # transform still runs, on every third message.
        msgs = msgs[::3]
    originals = {}
    variants = {}  # path -> (id, transform)
    problems = []
    for n, (mid, path) in enumerate(msgs):
        with open(path, "rb") as f:
            raw = f.read()
        originals[path] = mid
        # The transforms work on LF line ends; a CRLF (or CR) original is
        # compared with its LF form first.
        base = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        # A message kept with its mbox separator (mail under --extra) is
        # the message after it; the transforms add their own.
        if base.startswith(b"From ") and b"\n" in base:
            base = base.split(b"\n", 1)[1]
        if parse(base).serialise() != base:
            problems.append("the splitter changes %s" % mid)
        todo = []
        if base != raw:
            todo.append(("lf", base))
        for name, fn in TRANSFORMS.items():
            if only and name != only:
                continue
            out = fn(base)
            if out is not None and out != base:
                todo.append((name, out))
        d = os.path.join(tmp, "%04d" % n)
        os.makedirs(d, exist_ok=True)
        for name, out in todo:
            p = os.path.join(d, name + ".eml")
            with open(p, "wb") as f:
                f.write(out)
            variants[p] = (mid, name)
    path_of = {m: path for path, m in originals.items()}
    made = collections.Counter(name for _, name in variants.values())
    for name in TRANSFORMS:
        if (not only or name == only) and not made[name]:
            problems.append("the transform %s made no variant of any message" % name)
    want = scan(list(originals))
    got = scan(sorted(variants))
    known = {} if extra else read_known()
    seen = set()
    by_transform = collections.Counter()
    for p in sorted(variants):
        mid, name = variants[p]
        orig = path_of[mid]
        if got.get(p, []) == want.get(orig, []):
            continue
        key = (mid, name)
        seen.add(key)
        by_transform[name] += 1
        diff = describe(want.get(orig, []), got.get(p, []))
        if key in known:
            if list_all:
                print("known %s %s: %s (%s)" % (mid, name, diff, known[key]))
            continue
        problems.append("%s %s: %s" % (mid, name, diff))
    ran = set(originals.values())
    for key in sorted(set(known) - seen):
        if (only and key[1] != only) or key[0] not in ran:
            continue
        problems.append("%s %s: listed in known-failures.txt but gives the original's records now" % key)
    for p in problems:
        print("FAIL", p)
    print(
        "%d messages, %d variants, %d differ (%d listed as known)"
        % (len(msgs), len(variants), len(seen), len(seen & set(known)))
    )
    for name, c in by_transform.most_common():
        print("  %-20s %d" % (name, c))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
