"""The scenario table: what the remote server (or the local system) answers,
and what a careful reader says the MTA's bounce means.

Each scenario is one delivery attempt of one message to one recipient:
ID@mx.example.net for the stages rcpt and data (the fake server picks the
reply by the local part), ID@ID.example.net for session-level stages (greet,
helo, mail, silent, refused: a port of their own), and the MTA-specific local
ones (local, pipe, nodomain).  MULTI lists messages sent to several scenario
recipients at once, so that one bounce carries several different failures.

Expected fields (compared by check.py with `bounceview scan`):
  status   the enhanced status code a reader takes from the bounce: the
           server's detail code when its reply has one, else the MTA's
           ("a|b" when either is right, "" when none is expected)
  code     the SMTP reply code ("" when no server replied)
  command  the SMTP command the reply answered ("" when none)
  cause    in the vocabulary of shared/corpus/README.md and the decisions of
           parsers/README.md

A key named after an MTA (postfix=dict(...)) overrides fields for that MTA,
where its bounce cannot say more (Exim's "retry timeout exceeded" names no
code).  Replies are taken from primary sources, named in `source`.  ADDR in a reply is
replaced with the recipient address.  A 4xx reply becomes a bounce when the
MTA's queue lifetime (set to zero or a few seconds) runs out.
"""

GOOGLE = "Google, Gmail SMTP errors and codes (support.google.com/a/answer/3726730)"
POSTFIX_SMTPD = "Postfix src/smtpd/smtpd_check.c"

SCENARIOS = [
    # --- refused at RCPT TO -------------------------------------------------
    dict(id="gmail-nouser", stage="rcpt",
         reply="550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
               "550-5.1.1 double-checking the recipient's email address for typos or\n"
               "550-5.1.1 unnecessary spaces. For more information, go to\n"
               "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si123 - gsmtp",
         status="5.1.1", code="550", command="RCPT", cause="userunknown", source=GOOGLE),
    dict(id="rfc-nosuchuser", stage="rcpt", reply="550 No such user here",
         status="5.0.0|5.1.1", code="550", command="RCPT", cause="userunknown",
         # A report that names no command: parsers/README.md's decisions
         # make unknown-user words with a code but no command "filtered".
         opensmtpd=dict(cause="filtered"),
         source="RFC 5321 section 3.3 (the 550 example reply to RCPT)"),
    dict(id="exim-unrouteable", stage="rcpt", reply="550 Unrouteable address",
         status="5.0.0|5.1.1", code="550", command="RCPT", cause="userunknown",
         source="Exim src/src/verify.c (\"Unrouteable address\")"),
    dict(id="sendmail-unknown", stage="rcpt", reply="550 5.1.1 <ADDR>... User unknown",
         status="5.1.1", code="550", command="RCPT", cause="userunknown",
         source="Sendmail sendmail/parseaddr.c and srvrsmtp.c (\"User unknown\")"),
    dict(id="postfix-virtual", stage="rcpt",
         reply="550 5.1.1 <ADDR>: Recipient address rejected: User unknown in virtual mailbox table",
         status="5.1.1", code="550", command="RCPT", cause="userunknown", source=POSTFIX_SMTPD),
    dict(id="ms-notfound", stage="rcpt",
         reply="550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
         status="5.1.10", code="550", command="RCPT", cause="userunknown",
         source="Microsoft, Exchange Online NDR 5.1.10 (learn.microsoft.com, fix NDR error 550 5.1.10)"),
    dict(id="yahoo-dd", stage="rcpt",
         reply="554 delivery error: dd This user doesn't have a example.net account (ADDR) [0] - mta1001.mail.example.net",
         status="5.0.0|5.1.1", code="554", command="RCPT", cause="userunknown",
         source="Yahoo, Sender Hub SMTP error codes (postmaster.yahooinc.com/error-codes)"),
    dict(id="gmail-disabled", stage="rcpt",
         reply="550-5.2.1 The email account that you tried to reach is disabled. For more\n"
               "550-5.2.1 information, go to\n"
               "550 5.2.1  https://support.google.com/mail/?p=DisabledUser b2si456 - gsmtp",
         status="5.2.1", code="550", command="RCPT", cause="suspend", source=GOOGLE),
    dict(id="gmail-overquota", stage="rcpt",
         reply="452-4.2.2 The email account that you tried to reach is over quota. Please direct\n"
               "452-4.2.2 the recipient to\n"
               "452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp c3si789 - gsmtp",
         status="4.2.2", code="452", command="RCPT", cause="mailboxfull", source=GOOGLE),
    dict(id="quota-552", stage="rcpt",
         reply="552 5.2.2 <ADDR>: user is over quota",
         status="5.2.2", code="552", command="RCPT", cause="mailboxfull",
         source="RFC 3463 X.2.2 (mailbox full); Dovecot LMTP/LDA quota_exceeded_message"),
    dict(id="relay-denied", stage="rcpt",
         reply="554 5.7.1 <ADDR>: Relay access denied",
         status="5.7.1", code="554", command="RCPT", cause="norelaying", source=POSTFIX_SMTPD),
    dict(id="greylisted", stage="rcpt",
         reply="450 4.2.0 <ADDR>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/mx.example.net.html",
         status="4.2.0", code="450", command="RCPT", cause="blocked",
         source="postgrey (greylisting policy server for Postfix), its default reject text"),
    dict(id="too-many-rcpts", stage="rcpt", reply="452 4.5.3 Error: too many recipients",
         status="4.5.3", code="452", command="RCPT", cause="toomanyconn", source="Postfix src/smtpd/smtpd.c"),
    dict(id="ptr-missing", stage="rcpt",
         reply="450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.25]",
         status="4.7.1", code="450", command="RCPT", cause="requireptr", source=POSTFIX_SMTPD),
    dict(id="dnsbl", stage="rcpt",
         reply="554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.25",
         status="5.7.1", code="554", command="RCPT", cause="blocked", source=POSTFIX_SMTPD),
    dict(id="ms-banned-ip", stage="rcpt",
         reply="550 5.7.606 Access denied, banned sending IP [192.0.2.25]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to  http://go.microsoft.com/fwlink/?LinkID=526655",
         status="5.7.606", code="550", command="RCPT", cause="blocked",
         source="Microsoft, Exchange Online NDR 5.7.606-649 (learn.microsoft.com)"),
    dict(id="exim-sender-verify", stage="rcpt",
         reply="550-Verification failed for <sender@origin.example.org>\n"
               "550-Unrouteable address\n"
               "550 Sender verify failed",
         status="5.0.0|5.1.7|5.1.8", code="550", command="RCPT", cause="rejected",
         # Sendmail's Status for any 550 to RCPT is 5.1.1 (its "User unknown").
         sendmail=dict(status="5.0.0|5.1.1|5.1.7|5.1.8"),
         source="Exim src/src/acl.c and verify.c (sender verification failure)"),
    # --- refused after DATA -------------------------------------------------
    dict(id="gmail-dmarc", stage="data",
         reply="550-5.7.26 This message does not have authentication information or fails to\n"
               "550-5.7.26 pass authentication checks (SPF or DKIM). To best protect our users\n"
               "550-5.7.26 from spam, the message has been blocked. For more information, go to\n"
               "550 5.7.26  https://support.google.com/mail/answer/81126#authentication d4si12 - gsmtp",
         status="5.7.26", code="550", command="DATA", cause="authfailure", source=GOOGLE),
    dict(id="gmail-spam", stage="data",
         reply="550-5.7.1 [192.0.2.25] Our system has detected that this message is\n"
               "550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\n"
               "550-5.7.1 this message has been blocked. For more information, go to\n"
               "550 5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError e5si34 - gsmtp",
         status="5.7.1", code="550", command="DATA", cause="spamdetected", source=GOOGLE),
    dict(id="size-limit", stage="data", reply="552 5.3.4 Message size exceeds fixed limit",
         status="5.3.4", code="552", command="DATA", cause="mesgtoobig", source="Postfix src/cleanup/cleanup_message.c"),
    dict(id="amavis-virus", stage="data",
         reply="554 5.7.0 Reject, id=04123-07 - INFECTED: Eicar-Signature",
         status="5.7.0", code="554", command="DATA", cause="virusdetected",
         source="amavisd-new, amavisd.conf-default (%smtp_reason_by_ccat: INFECTED)"),
    dict(id="gmail-ratelimit", stage="data",
         reply="450-4.2.1 The user you are trying to contact is receiving mail too quickly.\n"
               "450-4.2.1 Please resend your message at a later time. If the user is able to\n"
               "450 4.2.1 receive mail at that time, your message will be delivered. f6si56 - gsmtp",
         status="4.2.1", code="450", command="DATA", cause="speeding", source=GOOGLE),
    # --- refused for the whole session ----------------------------------------
    dict(id="greet-blocked", stage="greet",
         reply="554 5.7.1 mx.example.net Service unavailable; client [192.0.2.25] blocked",
         status="5.7.1|4.7.1", code="554", command="CONN", cause="blocked",
         source="RFC 5321 section 3.1 (554 greeting) and 4.2.3"),
    dict(id="helo-fqdn", stage="helo",
         reply="504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname",
         status="5.5.2", code="504", command="HELO|EHLO", cause="blocked", source=POSTFIX_SMTPD,
         # Postfix says "refused to talk to me" of a refused greeting and of
         # a refused EHLO alike (src/smtp/smtp_proto.c).
         postfix=dict(command="HELO|EHLO|CONN")),
    dict(id="sender-denied", stage="mail",
         reply="553 5.7.1 <sender@origin.example.org>: Sender address rejected: not owned by user sender",
         status="5.7.1", code="553", command="MAIL", cause="rejected", source=POSTFIX_SMTPD),
    dict(id="yahoo-tss04", stage="mail",
         reply="421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
         status="4.7.0", code="421", command="MAIL", cause="badreputation",
         source="Yahoo, Sender Hub SMTP error codes (postmaster.yahooinc.com/error-codes)"),
    dict(id="no-greeting", stage="silent", reply="",
         status="4.4.2", code="", command="CONN|", cause="expired",
         # Exim says only "retry timeout exceeded", with Status: 5.0.0.
         exim=dict(status="5.0.0|4.4.2"),
         # Sendmail: "451 4.4.1 reply: read error", Status 4.4.7 (expired).
         sendmail=dict(status="4.4.7|4.4.1|4.4.2"),
         # Courier's report names the recipient and nothing else: no reply,
         # no reason, Status 5.0.0 (courier/module.esmtp: a timeout before
         # the greeting); a reader cannot tell why.
         courier=dict(status="5.0.0|4.4.2", cause="undefined|expired"),
         source="RFC 5321 4.5.3.2 (initial 220 message timeout)"),
    dict(id="conn-refused", stage="refused", reply="",
         status="4.4.1", code="", command="CONN|", cause="expired",
         exim=dict(status="5.0.0|4.4.1"),
         sendmail=dict(status="4.4.7|4.4.1"),
         courier=dict(status="5.0.0|4.4.1"),
         source="a closed port: connect() fails with ECONNREFUSED"),
]

# Recipients sent together in one message: one bounce, several failures.
MULTI = [
    ["gmail-nouser", "quota-552", "relay-denied"],
]

# Delay notices: the remote side defers (a 4xx reply to RCPT, a refused or a
# silent connection) and the MTA, configured to warn as early as it allows,
# writes its "still trying" report (run-*.py --delays; bounces/<mta>/delays.tsv).
# A delay notice is temporary: kind delayed, hard false; the cause is the
# reply's when the notice quotes one, else expired (parsers/README.md, the
# prior tier: "Action: delayed").  Each stage is the same as in SCENARIOS.
DELAYS = [
    dict(id="delay-greylist", stage="rcpt",
         reply="451 4.7.1 Greylisting in action, please come back in 00:05:00",
         status="4.7.1", code="451", command="RCPT", cause="blocked",
         source="milter-greylist (its default reply: 451 4.7.1 \"Greylisting in action, please come back in %R\")"),
    dict(id="delay-postgrey", stage="rcpt",
         reply="451 4.2.0 <ADDR>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/mx.example.net.html",
         status="4.2.0", code="451", command="RCPT", cause="blocked",
         source="postgrey's default reply through Postfix smtpd with defer_code = 451 (postconf(5))"),
    dict(id="delay-mailboxfull", stage="rcpt",
         reply="452 4.2.2 <ADDR> Quota exceeded (mailbox for user is full)",
         status="4.2.2", code="452", command="RCPT", cause="mailboxfull",
         source="Dovecot LMTP, quota_exceeded_message (its default text) with RFC 3463 X.2.2"),
    dict(id="delay-ratelimit", stage="rcpt",
         reply="421 4.7.0 Sender rate exceeds 100 messages per 1h, try again later",
         status="4.7.0", code="421", command="RCPT", cause="speeding",
         source="Exim spec, 'Rate limiting incoming messages' (the ratelimit ACL's message), with RFC 5321 421"),
    dict(id="delay-refused", stage="refused", reply="",
         status="4.4.1|4.4.7|4.0.0", code="", command="CONN|", cause="expired",
         source="a closed port: connect() fails with ECONNREFUSED"),
    dict(id="delay-silent", stage="silent", reply="",
         status="4.4.2|4.4.1|4.4.7|4.0.0", code="", command="CONN|", cause="expired",
         source="RFC 5321 4.5.3.2 (initial 220 message timeout)"),
]

BY_ID = {s["id"]: s for s in SCENARIOS + DELAYS}
