# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Python tests share: running the built binary, a sandboxed
environment, and RFC 3464 reports written for the tests.

A test imports it with its own directory's parent on sys.path:

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import bvtest
"""
import os, shutil, subprocess

BV = os.environ.get("BOUNCEVIEW", "build/cli/bounceview")


def run_bv(args, stdin=None, env=None, preexec_fn=None):
    """Runs bounceview with ARGS (ENV, or ours when None) and returns the
    CompletedProcess with stdout and stderr decoded from UTF-8.  The output
    is read as bytes and decoded here because text mode would turn the
    CRLF that CSV ends its lines with into LF."""
    p = subprocess.run([BV, *args], input=stdin, env=env, capture_output=True, preexec_fn=preexec_fn)
    p.stdout = p.stdout.decode("utf-8")
    p.stderr = p.stderr.decode("utf-8")
    return p


def sandbox_env(root, home=None, **overrides):
    """A copy of our environment in which nothing of the person running the
    tests is read or written: HOME (ROOT unless HOME is given) and the XDG
    directories lie in ROOT, NOTMUCH_CONFIG names a file that does not exist
    (so bounceview keeps its own database in the Maildir), and the variables
    that point bounceview or notmuch elsewhere are removed.  OVERRIDES are
    set last; an override of None removes the variable."""
    env = dict(os.environ)
    for var in ("NOTMUCH_PROFILE", "BOUNCEVIEW_SUPPRESSIONS", "BOUNCEVIEW_CONFIG"):
        env.pop(var, None)
    env.update({
        "HOME": home or root,
        "XDG_CONFIG_HOME": os.path.join(root, "config"),
        "XDG_DATA_HOME": os.path.join(root, "data"),
        "XDG_CACHE_HOME": os.path.join(root, "cache"),
        "NOTMUCH_CONFIG": os.path.join(root, "no-notmuch-config"),
    })
    for var, value in overrides.items():
        if value is None:
            env.pop(var, None)
        else:
            env[var] = value
    return env


def copy_maildir(source, dest):
    """Copies the mail of the Maildir SOURCE (the files in its cur/, new/ and
    tmp/, recursively for sub-folders) to DEST, and nothing else: a notmuch
    database a user's run left in SOURCE (the Quick start's first command
    makes demo/maildir/.notmuch) must not become the test's starting state."""
    shutil.copytree(source, dest, ignore=lambda d, names: [n for n in names if n.startswith(".")])


def notmuch_cli_config(root, maildir):
    """Writes ROOT/nm-config, a configuration with which the notmuch CLI
    opens the database bounceview keeps in MAILDIR/.notmuch, so that tests
    can look at tags and properties; bounceview itself never reads it.
    Returns its path."""
    path = os.path.join(root, "nm-config")
    with open(path, "w") as f:
        f.write("[database]\npath=%s\n" % maildir)
    return path


def dsn_recipient(recipient, status, diagnostic, remote_mta=None, diagnostic_type="smtp"):
    """The per-recipient fields of a delivery-status part, one paragraph."""
    remote = "Remote-MTA: dns; %s\n" % remote_mta if remote_mta else ""
    return (f"Final-Recipient: rfc822; {recipient}\n"
            f"Action: failed\n"
            f"Status: {status}\n"
            f"{remote}"
            f"Diagnostic-Code: {diagnostic_type}; {diagnostic}\n")


def dsn_report(recipients, message_id, date="Mon, 2 Jan 2023 10:00:00 +0000", original_headers=None):
    """A small Postfix-style RFC 3464 report (text), written for the tests:
    RECIPIENTS are dsn_recipient() paragraphs, ORIGINAL_HEADERS (optional)
    the returned message's header block."""
    original = ""
    if original_headers is not None:
        original = "--B1\nContent-Type: text/rfc822-headers\n\n%s\n" % original_headers
    return ("From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
            "To: sender@example.org\n"
            "Subject: Undelivered Mail Returned to Sender\n"
            f"Message-ID: {message_id}\n"
            f"Date: {date}\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"\n"
            "\n"
            "--B1\n"
            "Content-Type: text/plain\n"
            "\n"
            "The mail system could not deliver your message.\n"
            "\n"
            "--B1\n"
            "Content-Type: message/delivery-status\n"
            "\n"
            "Reporting-MTA: dns; mx.example.org\n"
            "\n"
            + "\n".join(recipients) +
            "\n" + original + "--B1--\n")
