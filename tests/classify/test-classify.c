/* test-classify.c: what a user checks about the cause of a bounce.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is a recipient as a report would give it (codes, diagnostic,
 * command) and the cause, hard/soft verdict, derived code or evidence a
 * user would expect to read.
 */
#include "config.h"

#include <string.h>

#include "parsers/classify-rules.h"
#include "parsers/classify.h"
#include "parsers/dsn.h"

/* A recipient as the parsers hand it to the classifier. */
static BvRecipient *
make (const char *status, const char *reply, const char *command, const char *diag)
{
	BvRecipient *r = bv_recipient_new ();
	r->recipient = g_strdup ("user@example.com");
	r->action = g_strdup ("failed");
	r->status = g_strdup (status);
	r->reply_code = g_strdup (reply);
	r->command = g_strdup (command);
	r->diagnostic = g_strdup (diag);
	r->mta = g_strdup ("");
	r->remote_mta = g_strdup ("");
	return r;
}

static BvCause
classify (const char *status, const char *reply, const char *command, const char *diag)
{
	g_autoptr (BvRecipient) r = make (status, reply, command, diag);
	bv_classify (r, BV_KIND_FAILED);
	return r->cause;
}

#define assert_cause(got, want) g_assert_cmpstr (bv_cause_id (got), ==, bv_cause_id (want))

static void
test_text_english (void)
{
	const struct {
		const char *text;
		BvCause cause;
	} cases[] = {
		{ "550 Requested action not taken: No such user here", BV_CAUSE_USERUNKNOWN },
		{ "Recipient address rejected: User unknown in local recipient table", BV_CAUSE_USERUNKNOWN },
		{ "The email account that you tried to reach does not exist.", BV_CAUSE_USERUNKNOWN },
		{ "Host or domain name not found. Name service error for name=x.example",
		  BV_CAUSE_HOSTUNKNOWN },
		{ "552 Mailbox is full", BV_CAUSE_MAILBOXFULL },
		{ "user is over quota", BV_CAUSE_MAILBOXFULL },
		{ "Disk quota exceeded", BV_CAUSE_MAILBOXFULL },
		{ "552 Message size exceeds fixed maximum message size", BV_CAUSE_MESGTOOBIG },
		{ "554 5.7.1 <a@b.example>: Relay access denied", BV_CAUSE_NORELAYING },
		{ "Client host [192.0.2.1] blocked using zen.spamhaus.org", BV_CAUSE_BLOCKED },
		{ "550 IP address blacklisted by recipient", BV_CAUSE_BLOCKED },
		{ "Please fix reverse DNS for 192.0.2.1, no PTR record", BV_CAUSE_REQUIREPTR },
		{ "421 Too many connections from your IP", BV_CAUSE_TOOMANYCONN },
		{ "452 Connection rate limit exceeded", BV_CAUSE_TOOMANYCONN },
		{ "450 Rate limit reached, slow down", BV_CAUSE_SPEEDING },
		{ "554 This message has been scored as spam", BV_CAUSE_SPAMDETECTED },
		{ "550 Virus detected in the attachment", BV_CAUSE_VIRUSDETECTED },
		{ "550 SPF check failed for example.com", BV_CAUSE_AUTHFAILURE },
		{ "rejected due to the domain's DMARC policy", BV_CAUSE_AUTHFAILURE },
		{ "DKIM signature did not verify", BV_CAUSE_AUTHFAILURE },
		{ "Connection timed out", BV_CAUSE_EXPIRED },
		{ "The account is disabled", BV_CAUSE_SUSPEND },
		{ "550 Denied by policy", BV_CAUSE_POLICYVIOLATION },
		{ "501 Syntax error in parameters", BV_CAUSE_SYNTAXERROR },
		{ "Sender address rejected: Domain not found", BV_CAUSE_REJECTED },
		{ "domain publishes a null MX", BV_CAUSE_NOTACCEPT },
		{ "452 Insufficient disk space", BV_CAUSE_SYSTEMFULL },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		const char *matched = NULL;
		BvCause got = bv_classify_text (cases[i].text, &matched);
		g_test_message ("%s", cases[i].text);
		assert_cause (got, cases[i].cause);
		g_assert_nonnull (matched);
	}
}

static void
test_text_languages (void)
{
	const struct {
		const char *text;
		BvCause cause;
	} cases[] = {
		/* Simplified and traditional Chinese. */
		{ "550 \xe7\x94\xa8\xe6\x88\xb7\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", BV_CAUSE_USERUNKNOWN },
		{ "\xe7\x94\xa8\xe6\x88\xb6\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", BV_CAUSE_USERUNKNOWN },
		{ "552 \xe9\x82\xae\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xa1", BV_CAUSE_MAILBOXFULL },
		{ "\xe9\x83\xb5\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xbf", BV_CAUSE_MAILBOXFULL },
		/* Japanese. */
		{ "\xe5\xae\x9b\xe5\x85\x88\xe4\xb8\x8d\xe6\x98\x8e\xe3\x81\xae\xe3\x81\x9f\xe3\x82\x81",
		  BV_CAUSE_USERUNKNOWN },
		/* German, with the capital umlaut folded. */
		{ "550 Benutzer unbekannt", BV_CAUSE_USERUNKNOWN },
		{ "EMPF\xc3\x84NGER UNBEKANNT", BV_CAUSE_USERUNKNOWN },
		{ "Postfach ist voll", BV_CAUSE_MAILBOXFULL },
		/* French and Spanish. */
		{ "550 Utilisateur inconnu", BV_CAUSE_USERUNKNOWN },
		{ "Bo\xc3\xaete pleine", BV_CAUSE_MAILBOXFULL },
		{ "Usuario desconocido", BV_CAUSE_USERUNKNOWN },
		/* "Does not exist" and "is full" as German, Spanish, Italian and
		 * Portuguese servers word them. */
		{ "Der Empf\xc3\xa4nger existiert nicht", BV_CAUSE_USERUNKNOWN },
		{ "La direcci\xc3\xb3n no existe", BV_CAUSE_USERUNKNOWN },
		{ "Utente inesistente", BV_CAUSE_USERUNKNOWN },
		{ "O usu\xc3\xa1rio n\xc3\xa3o existe", BV_CAUSE_USERUNKNOWN },
		{ "La bo\xc3\xaete aux lettres est pleine", BV_CAUSE_MAILBOXFULL },
		{ "Quota d\xc3\xa9pass\xc3\xa9 pour ce compte", BV_CAUSE_MAILBOXFULL },
		{ "El buz\xc3\xb3n est\xc3\xa1 lleno", BV_CAUSE_MAILBOXFULL },
		{ "Caixa postal cheia", BV_CAUSE_MAILBOXFULL },
		/* 邮箱容量已满, メールボックスがいっぱい */
		{ "\xe9\x82\xae\xe7\xae\xb1\xe5\xae\xb9\xe9\x87\x8f\xe5\xb7\xb2\xe6\xbb\xa1",
		  BV_CAUSE_MAILBOXFULL },
		{ "\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\xab\xe3\x83\x9c\xe3\x83\x83\xe3\x82\xaf\xe3\x82"
		  "\xb9\xe3\x81\x8c\xe3\x81\x84\xe3\x81\xa3\xe3\x81\xb1\xe3\x81\x84\xe3\x81\xa7\xe3\x81"
		  "\x99",
		  BV_CAUSE_MAILBOXFULL },
		/* Russian, capitals folded: "Пользователь не найден". */
		{ "\xd0\x9f\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb"
		  "\xd1\x8c "
		  "\xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd",
		  BV_CAUSE_USERUNKNOWN },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_test_message ("%s", cases[i].text);
		assert_cause (bv_classify_text (cases[i].text, NULL), cases[i].cause);
	}
}

static void
test_text_nothing (void)
{
	const char *matched = "x";
	assert_cause (bv_classify_text ("Thank you for your message", &matched), BV_CAUSE_UNDEFINED);
	g_assert_null (matched);
	assert_cause (bv_classify_text (NULL, NULL), BV_CAUSE_UNDEFINED);
	assert_cause (bv_classify_text ("", NULL), BV_CAUSE_UNDEFINED);
}

/* A multi-line reply whose last line repeats the code without an enhanced
 * code: the words run across the lines (RFC 5321 section 4.2.1). */
static void
test_multiline_reply (void)
{
	assert_cause (classify ("", "550", "RCPT", "550-The account of this user\n550 has been disabled"),
	              BV_CAUSE_SUSPEND);
	assert_cause (
	        classify ("", "552", "RCPT", "552-Requested mail action aborted: the\n552 mailbox is full"),
	        BV_CAUSE_MAILBOXFULL);
	assert_cause (classify ("", "550", "RCPT",
	                        "550-The email account that you tried to reach does\n550 not exist."),
	              BV_CAUSE_USERUNKNOWN);
	assert_cause (
	        classify ("", "550", "DATA", "550-Our system has detected that this message is\n550 spam."),
	        BV_CAUSE_SPAMDETECTED);
}

static void
test_precedence (void)
{
	/* Specific wording beats a generic code. */
	assert_cause (classify ("5.0.0", "550", "RCPT", "550 5.0.0 <a@b.example>... Mailbox full"),
	              BV_CAUSE_MAILBOXFULL);
	assert_cause (
	        classify ("5.7.1", "554", "RCPT", "554 5.7.1 Client host rejected: blocked using bl.example"),
	        BV_CAUSE_BLOCKED);
	/* A specific detail code beats generic wording. */
	assert_cause (classify ("5.1.1", "550", "RCPT", "550 5.1.1 Address rejected"), BV_CAUSE_USERUNKNOWN);
	assert_cause (classify ("5.2.2", "552", "RCPT", "552 5.2.2 Requested action not taken"),
	              BV_CAUSE_MAILBOXFULL);
	assert_cause (classify ("5.7.26", "550", "DATA", "550 5.7.26 message rejected"),
	              BV_CAUSE_AUTHFAILURE);
	/* A relay refusal that reuses 5.1.1 is a relay refusal. */
	assert_cause (classify ("5.1.1", "550", "RCPT", "550 5.1.1 Relaying denied"), BV_CAUSE_NORELAYING);
	/* The sender refused at MAIL FROM. */
	assert_cause (classify ("5.1.8", "553", "MAIL", "553 5.1.8 Domain of sender address does not exist"),
	              BV_CAUSE_REJECTED);
	/* "Access denied" gives no reason (Postfix's and Sendmail's default
	 * text for any refusal): at MAIL FROM it is the sender refused, as any
	 * reply there; a code or other words say more (tests/classify/
	 * paraphrases.tsv has the other commands and codes). */
	assert_cause (classify ("5.0.0", "550", "MAIL", "550 Access denied"), BV_CAUSE_REJECTED);
	assert_cause (classify ("", "550", "MAIL", "550 Go away"), BV_CAUSE_REJECTED);
	/* Greylisting refuses the sending host for a while, whatever code
	 * the server picks: blocked, never the recipient's policy. */
	assert_cause (
	        classify ("4.7.1", "451", "RCPT", "451 4.7.1 Greylisting in action, please come back later"),
	        BV_CAUSE_BLOCKED);
	assert_cause (
	        classify ("4.2.0", "450", "RCPT",
	                  "450 4.2.0 <a@b.example>: Recipient address rejected: Greylisted, try again later"),
	        BV_CAUSE_BLOCKED);
	assert_cause (classify ("", "451", "RCPT", "451 Temporary failure, graylisted by the server"),
	              BV_CAUSE_BLOCKED);
	/* Unknown-user wording: at RCPT the address is bad; after DATA a
	 * filter refused the message. */
	assert_cause (classify ("5.0.0", "550", "RCPT", "550 User unknown"), BV_CAUSE_USERUNKNOWN);
	assert_cause (classify ("5.0.0", "550", "DATA", "550 User unknown"), BV_CAUSE_FILTERED);
	/* Unknown-host wording in reply to HELO is about the client. */
	assert_cause (classify ("5.0.0", "501", "HELO", "501 Invalid domain name"), BV_CAUSE_BLOCKED);
	/* A vague code gives way to the wording of a broader cause. */
	assert_cause (classify ("4.4.1", "", "", "Sorry, I wasn't able to establish an SMTP connection."),
	              BV_CAUSE_NETWORKERROR);
	/* The code's subject decides when nothing else does. */
	assert_cause (classify ("5.7.0", "550", "DATA", "550 5.7.0 Go away"), BV_CAUSE_SECURITYERROR);
}

static void
test_providers (void)
{
	struct {
		const char *status, *text;
		BvCause cause;
		const char *detail_has;
	} cases[] = {
		{ "5.7.26",
		  "550-5.7.26 Unauthenticated email from example.com is not accepted due to 550-5.7.26 "
		  "domain's DMARC policy",
		  BV_CAUSE_AUTHFAILURE, "Google" },
		{ "5.7.606", "550 5.7.606 Access denied, banned sending IP [192.0.2.1]", BV_CAUSE_BLOCKED,
		  "Microsoft" },
		/* TSS04 is about the sending IP's standing, not the sender. */
		{ "4.7.0", "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred",
		  BV_CAUSE_BADREPUTATION, "Yahoo" },
		/* Google's wording of an unknown address, with no code. */
		{ "5.0.0",
		  "We could not deliver your note to bob@example.org because the address couldn't be "
		  "found, or it cannot take mail.",
		  BV_CAUSE_USERUNKNOWN, "Google" },
		/* Yahoo refuses unknown addresses after DATA with its own words:
		 * still an unknown address. */
		{ "5.0.0", "554 delivery error: dd This user doesn't have a example.net account [0]",
		  BV_CAUSE_USERUNKNOWN, "Yahoo" },
		{ "", "554 RLY:B1 http://postmaster.aol.example", BV_CAUSE_BLOCKED, "AOL" },
		{ "5.1.0", "550 5.1.0 <a@b.example> sender rejected. AUP#CDRBL", BV_CAUSE_BLOCKED, "Cox" },
		{ "", "550 Connection frequency limited. http://service.mail.qq.com/", BV_CAUSE_TOOMANYCONN,
		  "Tencent" },
		{ "", "554 DT:SPM 163 mx14,QMCowEDp; mail content judged as spam", BV_CAUSE_SPAMDETECTED,
		  "NetEase" },
		{ "5.1.1",
		  "550 5.1.1 <a@b.example> - 192.0.2.1 has sent to too many recipients this hour. IB607",
		  BV_CAUSE_SPEEDING, "GoDaddy" },
		{ "4.2.0", "421 4.2.0 Service refuse. Service refused, please try later. OFR005_505 [505]",
		  BV_CAUSE_SYSTEMERROR, "Orange" },
		{ "5.5.0", "550 5.5.0 Le compte du destinataire est bloque. LPN007_426", BV_CAUSE_SUSPEND,
		  "Orange" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autoptr (BvRecipient) r = make (cases[i].status, "", "", cases[i].text);
		bv_classify (r, BV_KIND_FAILED);
		g_test_message ("%s", cases[i].text);
		assert_cause (r->cause, cases[i].cause);
		g_assert_cmpstr (r->evidence.rule, ==, "mta");
		g_assert_nonnull (strstr (r->evidence.detail, cases[i].detail_has));
	}
}

/* A recipient of a report written by @mta about a refusal by @remote. */
static BvRecipient *
make_from (const char *mta, const char *remote, const char *status, const char *command, const char *diag)
{
	/* The reply code is the one the text starts with, as parsers read it. */
	g_autofree char *reply = g_ascii_isdigit (diag[0]) ? g_strndup (diag, 3) : g_strdup ("");
	BvRecipient *r = make (status, reply, command, diag);
	g_free (r->mta);
	r->mta = g_strdup (mta);
	g_free (r->remote_mta);
	r->remote_mta = g_strdup (remote);
	return r;
}

static void
test_mail_systems (void)
{
	const struct {
		const char *mta, *remote, *status, *command, *text;
		BvCause cause;
		const char *detail_has; /* NULL: no mail-system rule applies */
	} cases[] = {
		/* Google Groups' notices refuse the poster, whatever they say. */
		{ "googlegroups", "", "", "", "Hello, the list you wrote to may be closed to you.",
		  BV_CAUSE_REJECTED, "Google Groups" },
		/* SES receiving bounces by a receipt rule after accepting. */
		{ "receivingses", "", "5.1.1", "", "550 5.1.1 Mailbox is not here", BV_CAUSE_FILTERED,
		  "Amazon SES" },
		{ "receivingses", "", "5.2.2", "", "552 5.2.2 Mailbox full", BV_CAUSE_MAILBOXFULL, NULL },
		/* NTT docomo: "Unknown user" after DATA refuses the sender... */
		{ "sendmail", "mx9.docomo.ne.jp", "5.0.0", "DATA", "550 Unknown user bob@example.org",
		  BV_CAUSE_REJECTED, "docomo" },
		/* ...but not at RCPT, not with a mailbox-status code, not from
		 * another provider and not from a look-alike name. */
		{ "sendmail", "mx9.docomo.ne.jp", "5.0.0", "RCPT", "550 Unknown user bob@example.org",
		  BV_CAUSE_USERUNKNOWN, NULL },
		{ "sendmail", "mx9.docomo.ne.jp", "5.2.0", "DATA", "550 Unknown user bob@example.org",
		  BV_CAUSE_FILTERED, NULL },
		{ "sendmail", "mx.notdocomo.ne.jp", "5.0.0", "DATA", "550 Unknown user bob@example.org",
		  BV_CAUSE_FILTERED, NULL },
		/* Outlook.com's "mailbox unavailable" is an unknown address;
		 * the same words without a command elsewhere are a filter. */
		{ "outlook", "", "5.5.0", "", "550 Requested action not taken: mailbox unavailable (-1:2:3)",
		  BV_CAUSE_USERUNKNOWN, "Outlook.com" },
		{ "zoho", "", "5.0.0", "", "550 Requested action not taken: mailbox unavailable",
		  BV_CAUSE_FILTERED, NULL },
		/* Gmail's state 18 is after DATA: what no specific wording
		 * explains there is a filter; specific wording still wins. */
		{ "gmail", "", "5.7.0", "DATA", "554 5.7.0 Bad header line (state 18).", BV_CAUSE_FILTERED,
		  "Gmail" },
		{ "gmail", "", "5.2.2", "DATA", "552 5.2.2 Mailbox full (state 18).", BV_CAUSE_MAILBOXFULL,
		  NULL },
		{ "postfix", "", "5.7.0", "DATA", "554 5.7.0 Bad header line (state 18).",
		  BV_CAUSE_SECURITYERROR, NULL },
		/* MessageLabs' own reply code for an unregistered address. */
		{ "messagelabs", "", "5.0.0", "", "542 bob@example.org Rejected", BV_CAUSE_USERUNKNOWN,
		  "MessageLabs" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autoptr (BvRecipient) r = make_from (cases[i].mta, cases[i].remote, cases[i].status,
		                                       cases[i].command, cases[i].text);
		bv_classify (r, BV_KIND_FAILED);
		g_test_message ("%s: %s", cases[i].mta, cases[i].text);
		assert_cause (r->cause, cases[i].cause);
		if (cases[i].detail_has) {
			g_assert_cmpstr (r->evidence.rule, ==, "mta");
			g_assert_nonnull (strstr (r->evidence.detail, cases[i].detail_has));
		} else {
			g_assert_cmpstr (r->evidence.rule, !=, "mta");
		}
	}
}

/* The wording of a reply tells the command when the report does not. */
static void
test_reply_form (void)
{
	/* The address before the reason: the answer to RCPT TO. */
	assert_cause (classify ("5.0.0", "550", "", "550 <bob@example.org>: User unknown"),
	              BV_CAUSE_USERUNKNOWN);
	assert_cause (classify ("", "550", "", "550 bob@example.org... No such user"), BV_CAUSE_USERUNKNOWN);
	/* No address before it: no command can be told, a filter refused. */
	assert_cause (classify ("5.0.0", "550", "", "550 User unknown"), BV_CAUSE_FILTERED);
	assert_cause (classify ("5.0.0", "550", "", "550 User unknown <bob@example.org>"), BV_CAUSE_FILTERED);
	/* An address-looking word without '@' is no address. */
	assert_cause (classify ("5.0.0", "550", "", "550 Error... No such user"), BV_CAUSE_FILTERED);
	/* A command the report names wins over the form. */
	assert_cause (classify ("5.0.0", "550", "DATA", "550 <bob@example.org>: User unknown"),
	              BV_CAUSE_FILTERED);
}

static void
test_more_wording (void)
{
	const struct {
		const char *status, *reply, *text;
		BvCause cause;
	} cases[] = {
		/* A local delivery program failed. */
		{ "5.5.0", "554", "554 \"|/usr/local/bin/sorter -q\"... Service unavailable",
		  BV_CAUSE_MAILERERROR },
		{ "4.5.0", "451", "451 4.0.0 Operating system error", BV_CAUSE_MAILERERROR },
		{ "5.0.0", "", "Could not open the reply file /var/mail/x: No such file or directory",
		  BV_CAUSE_MAILERERROR },
		/* Only a system error. */
		{ "5.0.0", "554", "554 Internal system error, try later", BV_CAUSE_SYSTEMERROR },
		/* A list manager's loop protection. */
		{ "", "", "Duplicated Message-ID <1@example.org> was seen before", BV_CAUSE_SYSTEMERROR },
		{ "", "421", "421 Remote host not reachable", BV_CAUSE_EXPIRED },
		{ "4.7.0", "421", "421 4.7.0 mx.example.org Error: too many errors", BV_CAUSE_BLOCKED },
		{ "", "", "You may not have permission to post messages to the list", BV_CAUSE_REJECTED },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_test_message ("%s", cases[i].text);
		assert_cause (classify (cases[i].status, cases[i].reply, "", cases[i].text), cases[i].cause);
	}
	/* qmail: a domain with neither MX nor address records takes no mail,
	 * though the code (5.4.4) alone would say the host is unknown. */
	g_autoptr (BvRecipient) r =
	        make ("5.4.4", "", "", "Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)");
	bv_classify (r, BV_KIND_FAILED);
	assert_cause (r->cause, BV_CAUSE_NOTACCEPT);
	g_assert_true (r->hard);
	assert_cause (classify ("5.4.4", "", "", "Sorry, I couldn't find any host named x.example. (#5.4.4)"),
	              BV_CAUSE_HOSTUNKNOWN);

	/* A domain name that does not exist; the evidence quotes the name. */
	g_autoptr (BvRecipient) d = make ("", "553", "DATA", "553 mail.example.net does not exist");
	bv_classify (d, BV_KIND_FAILED);
	assert_cause (d->cause, BV_CAUSE_HOSTUNKNOWN);
	g_assert_cmpstr (d->evidence.matched, ==, "mail.example.net does not exist");
	g_assert_true (d->hard);
	/* Neither an address, a path nor a plain word is a domain. */
	assert_cause (bv_classify_text ("bob@example.net does not exist", NULL), BV_CAUSE_UNDEFINED);
	assert_cause (bv_classify_text ("/etc/x.conf does not exist", NULL), BV_CAUSE_UNDEFINED);
	assert_cause (bv_classify_text ("the thing does not exist", NULL), BV_CAUSE_UNDEFINED);
	assert_cause (bv_classify_text ("version 1.2 does not exist", NULL), BV_CAUSE_UNDEFINED);
}

/* Wording in other languages and the conventions of a few mail systems,
 * each with the look-alike it must not be confused with. */
static void
test_more_conventions (void)
{
	const struct {
		const char *status, *reply, *command, *text;
		BvCause cause;
		gboolean hard;
	} cases[] = {
		/* Content refused because it is spam is spam, not a format error. */
		{ "5.7.1", "550", "DATA", "550 5.7.1 Message content rejected as spam", BV_CAUSE_SPAMDETECTED,
		  FALSE },
		{ "5.6.0", "550", "DATA", "550 5.6.0 Message content rejected", BV_CAUSE_CONTENTERROR,
		  FALSE },
		/* A mobile carrier's reception settings ("受信拒否") filter. */
		{ "5.7.1", "550", "", "550 5.7.1 Mail refused by the recipient's settings", BV_CAUSE_FILTERED,
		  FALSE },
		{ "", "550", "", "550 \xe5\x8f\x97\xe4\xbf\xa1\xe6\x8b\x92\xe5\x90\xa6 (bob@example.jp)",
		  BV_CAUSE_FILTERED, FALSE },
		/* Sendmail-style relay refusal with no code. */
		{ "5.0.0", "553", "",
		  "553 you are trying to use me [mx.example.org] as a relay, but I have not been "
		  "configured to let you (192.0.2.9) do this.",
		  BV_CAUSE_NORELAYING, FALSE },
		/* "Local policy" in Spanish, French, Italian and German. */
		{ "5.7.1", "550", "DATA", "550 5.7.1 Rechazado por la POL\xc3\x8dTICA LOCAL del servidor",
		  BV_CAUSE_POLICYVIOLATION, FALSE },
		{ "5.7.1", "550", "DATA", "550 5.7.1 Refus\xc3\xa9 par la politique locale",
		  BV_CAUSE_POLICYVIOLATION, FALSE },
		{ "5.7.1", "550", "DATA", "550 5.7.1 Rifiutato dalla politica locale",
		  BV_CAUSE_POLICYVIOLATION, FALSE },
		{ "5.7.1", "550", "DATA", "550 5.7.1 Abgelehnt wegen lokaler Richtlinien",
		  BV_CAUSE_POLICYVIOLATION, FALSE },
		{ "5.7.1", "550", "DATA", "550 5.7.1 Abgelehnt: Versto\xc3\x9f gegen die lokale Richtlinie",
		  BV_CAUSE_POLICYVIOLATION, FALSE },
		/* French, with ASCII and typographic apostrophes, no codes. */
		{ "", "", "", "L'adresse du destinataire n'existe pas.", BV_CAUSE_USERUNKNOWN, TRUE },
		{ "", "", "",
		  "Cette bo\xc3\xaete aux lettres n\xe2\x80\x99"
		  "existe pas",
		  BV_CAUSE_USERUNKNOWN, TRUE },
		/* German, the mailbox of the recipient is full, no codes. */
		{ "", "", "", "Das Postfach des Empf\xc3\xa4ngers ist voll.", BV_CAUSE_MAILBOXFULL, FALSE },
		/* A notice that says the recipient's address does not exist is
		 * an unknown address even for a reply after DATA, where bare
		 * "user unknown" would be a filter's. */
		{ "", "550", "DATA",
		  "\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba\xe5\x9c\xb0\xe5\x9d\x80\xe4\xb8\x8d\xe5\xad\x98\xe5"
		  "\x9c"
		  "\xa8. 550 User unknown",
		  BV_CAUSE_USERUNKNOWN, TRUE },
		{ "", "550", "DATA", "550 User unknown", BV_CAUSE_FILTERED, FALSE },
		/* Domino reports on its own directory, whatever the code. */
		{ "5.0.0", "", "",
		  "Recipient's Domino Directory entry does not specify a valid Notes mail file",
		  BV_CAUSE_USERUNKNOWN, TRUE },
		{ "5.0.0", "", "",
		  "\xe3\x83\xa6\xe3\x83\xbc\xe3\x82\xb6\xe3\x83\xbc bob (bob@example.jp) \xe3\x81\xaf Domino "
		  "\xe3\x83\x87\xe3\x82\xa3\xe3\x83\xac\xe3\x82\xaf\xe3\x83\x88\xe3\x83\xaa\xe3\x81\xab\xe3"
		  "\x81"
		  "\xaf\xe8\xa6\x8b\xe3\x81\xa4\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93",
		  BV_CAUSE_USERUNKNOWN, TRUE },
		{ "5.0.0", "", "", "User bob (bob@example.org) not listed in Domino Directory",
		  BV_CAUSE_USERUNKNOWN, TRUE },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autoptr (BvRecipient) r =
		        make (cases[i].status, cases[i].reply, cases[i].command, cases[i].text);
		bv_classify (r, BV_KIND_FAILED);
		g_test_message ("%s", cases[i].text);
		assert_cause (r->cause, cases[i].cause);
		g_assert_cmpint (r->hard, ==, cases[i].hard);
	}

	/* iCloud's bracketed code decides; the best-practices page its
	 * replies all link to does not. */
	const char *page = " Please visit https://support.apple.com/en-us/HT204137";
	g_autofree char *cs01 =
	        g_strconcat ("554 5.7.1 [CS01] Message rejected due to local policy.", page, NULL);
	g_autoptr (BvRecipient) a = make ("5.7.1", "554", "DATA", cs01);
	bv_classify (a, BV_KIND_FAILED);
	assert_cause (a->cause, BV_CAUSE_POLICYVIOLATION);
	g_assert_cmpstr (a->evidence.rule, ==, "mta");
	g_assert_cmpstr (a->evidence.matched, ==, "[CS01]");
	g_assert_nonnull (strstr (a->evidence.detail, "iCloud"));
	g_autofree char *dmarc =
	        g_strconcat ("554 5.7.1 Rejected due to example.org's DMARC policy.", page, NULL);
	assert_cause (classify ("5.7.1", "554", "DATA", dmarc), BV_CAUSE_AUTHFAILURE);

	/* The Domino evidence says whose directory it is. */
	g_autoptr (BvRecipient) d = make ("5.0.0", "", "", "User x not listed in Domino Directory");
	bv_classify (d, BV_KIND_FAILED);
	g_assert_cmpstr (d->evidence.matched, ==, "not listed in Domino Directory");
	g_assert_nonnull (strstr (d->evidence.detail, "Domino"));
}

/* A diagnostic that is only the recipient's address gives no reason. */
static void
test_bare_address (void)
{
	g_autoptr (BvRecipient) r = make ("", "", "", "* bob@example.org");
	bv_classify (r, BV_KIND_FAILED);
	assert_cause (r->cause, BV_CAUSE_UNDEFINED);
	g_assert_cmpstr (r->status, ==, "");
	g_assert_false (r->status_derived);
	g_assert_nonnull (strstr (r->evidence.detail, "no reason"));
	/* The words of an address are no reason either. */
	assert_cause (classify ("", "", "", "<spam@example.org>, dmarc@example.org"), BV_CAUSE_UNDEFINED);
	/* Any word beside the address is something said, if not enough. */
	assert_cause (classify ("", "", "", "bob@example.org: refused"), BV_CAUSE_ONHOLD);
	/* A code still decides. */
	assert_cause (classify ("5.1.1", "", "", "* bob@example.org"), BV_CAUSE_USERUNKNOWN);
}

static void
test_hard_soft (void)
{
	const struct {
		const char *status, *reply, *command, *text;
		gboolean hard;
	} cases[] = {
		{ "5.1.1", "550", "RCPT", "550 5.1.1 User unknown", TRUE },
		{ "5.1.2", "550", "", "Host not found", TRUE },
		{ "5.1.6", "550", "RCPT", "550 5.1.6 recipient no longer on server", TRUE },
		{ "5.2.2", "552", "RCPT", "552 5.2.2 Mailbox full", FALSE },
		{ "5.7.1", "554", "RCPT", "554 5.7.1 blocked using spamhaus", FALSE },
		{ "4.4.7", "", "", "Message expired", FALSE },
		{ "5.3.2", "521", "", "521 5.3.2 does not accept mail", TRUE },
		{ "4.3.2", "453", "", "453 4.3.2 not accepting mail", FALSE },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autoptr (BvRecipient) r =
		        make (cases[i].status, cases[i].reply, cases[i].command, cases[i].text);
		bv_classify (r, BV_KIND_FAILED);
		g_test_message ("%s -> %s", cases[i].text, bv_cause_id (r->cause));
		g_assert_cmpint (r->hard, ==, cases[i].hard);
	}
	g_assert_true (bv_cause_is_hard (BV_CAUSE_NOTACCEPT, "", "550"));
	g_assert_false (bv_cause_is_hard (BV_CAUSE_NOTACCEPT, "4.3.2", "550"));
	g_assert_false (bv_cause_is_hard (BV_CAUSE_MAILBOXFULL, "5.2.2", "552"));
}

static void
test_derived_status (void)
{
	const struct {
		const char *reply, *command, *text;
		BvKind kind;
		const char *status;
	} cases[] = {
		{ "550", "RCPT", "550 No such user here", BV_KIND_FAILED, "5.1.1" },
		{ "", "", "Host or domain name not found", BV_KIND_FAILED, "5.1.2" },
		{ "552", "RCPT", "552 Mailbox full", BV_KIND_FAILED, "5.2.2" },
		{ "452", "RCPT", "452 Mailbox full", BV_KIND_FAILED, "4.2.2" },
		{ "552", "DATA", "552 Message size exceeds fixed limit", BV_KIND_FAILED, "5.3.4" },
		{ "", "", "Connection timed out", BV_KIND_DELAYED, "4.4.7" },
		{ "", "", "retry timeout exceeded", BV_KIND_FAILED, "5.4.7" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autoptr (BvRecipient) r = make ("", cases[i].reply, cases[i].command, cases[i].text);
		bv_classify (r, cases[i].kind);
		g_test_message ("%s", cases[i].text);
		g_assert_cmpstr (r->status, ==, cases[i].status);
		g_assert_true (r->status_derived);
	}
	/* A code in the report is never replaced. */
	g_autoptr (BvRecipient) r = make ("5.0.0", "550", "RCPT", "550 User unknown");
	bv_classify (r, BV_KIND_FAILED);
	g_assert_cmpstr (r->status, ==, "5.0.0");
	g_assert_false (r->status_derived);
	/* Nothing to go on: no code is made up. */
	g_autoptr (BvRecipient) q = make ("", "", "", "");
	bv_classify (q, BV_KIND_FAILED);
	g_assert_cmpstr (q->status, ==, "");
	g_assert_false (q->status_derived);
	assert_cause (q->cause, BV_CAUSE_UNDEFINED);
}

static void
test_evidence (void)
{
	/* Wording: the phrase as it stands in the report. */
	g_autoptr (BvRecipient) a = make ("", "552", "RCPT", "552 Sorry, the MAILBOX IS FULL today");
	bv_classify (a, BV_KIND_FAILED);
	g_assert_cmpstr (a->evidence.rule, ==, "text");
	g_assert_cmpstr (a->evidence.matched, ==, "MAILBOX IS FULL");

	/* A code: the code, and what it means. */
	g_autoptr (BvRecipient) b = make ("5.1.1", "550", "RCPT", "550 5.1.1 Go away");
	bv_classify (b, BV_KIND_FAILED);
	g_assert_cmpstr (b->evidence.rule, ==, "status");
	g_assert_cmpstr (b->evidence.matched, ==, "5.1.1");
	g_assert_nonnull (strstr (b->evidence.detail, "does not exist"));

	/* A phrase across a multi-line reply's continuation markers. */
	g_autoptr (BvRecipient) c =
	        make ("5.7.1", "550", "DATA", "550-5.7.1 This message is likely 550-5.7.1 scored as spam");
	bv_classify (c, BV_KIND_FAILED);
	assert_cause (c->cause, BV_CAUSE_SPAMDETECTED);

	/* Why an address-first reply counts as refused at RCPT. */
	g_autoptr (BvRecipient) f = make ("", "550", "", "550 bob@example.org... No such user");
	bv_classify (f, BV_KIND_FAILED);
	assert_cause (f->cause, BV_CAUSE_USERUNKNOWN);
	g_assert_nonnull (strstr (f->evidence.detail, "RCPT TO"));
	/* A phrase that needs explaining says what it means. */
	g_autoptr (BvRecipient) g =
	        make ("5.0.0", "554", "", "554 \"|/opt/bin/inbox\"... Service unavailable");
	bv_classify (g, BV_KIND_FAILED);
	assert_cause (g->cause, BV_CAUSE_MAILERERROR);
	g_assert_nonnull (strstr (g->evidence.detail, "program"));

	/* Report kinds. */
	g_autoptr (BvRecipient) d = make ("", "", "", "abuse");
	bv_classify (d, BV_KIND_FEEDBACK);
	assert_cause (d->cause, BV_CAUSE_FEEDBACK);
	g_assert_cmpstr (d->evidence.rule, ==, "kind");
	g_autoptr (BvRecipient) e = make ("", "", "", "Out of office");
	bv_classify (e, BV_KIND_AUTOREPLY);
	assert_cause (e->cause, BV_CAUSE_VACATION);
	g_assert_false (e->hard);
}

/* One row: a report's fields, with the mail system that wrote it, and
 * what a careful reader says.  Each table holds the source's own wording
 * and paraphrases a different server would write (casing, punctuation,
 * joined words, surrounding text, another language), so that a rule that
 * only fits one sample fails here. */
typedef struct {
	const char *status, *reply, *command, *mta, *diag;
	BvCause cause;
} Row;

static void
check_rows (const Row *rows, gsize n)
{
	for (gsize i = 0; i < n; i++) {
		g_autoptr (BvRecipient) r =
		        make (rows[i].status, rows[i].reply, rows[i].command, rows[i].diag);
		g_free (r->mta);
		r->mta = g_strdup (rows[i].mta);
		bv_classify (r, BV_KIND_FAILED);
		if (r->cause != rows[i].cause)
			g_test_message ("row %" G_GSIZE_FORMAT ": %s", i, rows[i].diag);
		assert_cause (r->cause, rows[i].cause);
	}
}

static void
test_tiers (void)
{
	const Row rows[] = {
		/* A reused code loses to specific words ("5.2.1 said suspend,
		 * but the words say the mailbox is full"). */
		{ "5.2.1", "550", "RCPT", "", "550 5.2.1 Mailbox full, try later", BV_CAUSE_MAILBOXFULL },
		{ "5.5.2", "554", "DATA", "", "554 5.5.2 Message looks like SPAM to us",
		  BV_CAUSE_SPAMDETECTED },
		/* A specific code beats words of another cause. */
		{ "5.7.26", "550", "DATA", "", "550 5.7.26 unauthenticated mail, spam risk",
		  BV_CAUSE_AUTHFAILURE },
		{ "5.2.2", "552", "RCPT", "", "552 5.2.2 user unknown or over quota", BV_CAUSE_MAILBOXFULL },
		/* A specific code and a sibling's words: the words say which. */
		{ "5.2.3", "552", "DATA", "", "552 5.2.3 message too large for this recipient",
		  BV_CAUSE_MESGTOOBIG },
		/* A generic code is a prior, never a veto. */
		{ "5.0.0", "550", "RCPT", "", "550 5.0.0 Relaying denied", BV_CAUSE_NORELAYING },
		{ "4.7.1", "451", "RCPT", "", "451 4.7.1 Access denied: cannot find your reverse hostname",
		  BV_CAUSE_REQUIREPTR },
		/* The command and reply code when the words say nothing. */
		{ "", "503", "", "", "503 Bad sequence, please say hello first", BV_CAUSE_SYNTAXERROR },
		{ "", "554", "CONN", "", "554 No thanks", BV_CAUSE_BLOCKED },
		{ "", "550", "MAIL", "", "550 Not today", BV_CAUSE_REJECTED },
		/* At MAIL FROM an unknown domain is the sender's. */
		{ "5.1.7", "550", "MAIL", "", "550 5.1.7 No such domain sender.example", BV_CAUSE_REJECTED },
		/* Codes servers reuse give way to words of another cause:
		 * Postfix's 5.1.6 is "the closest match" for a relocated user,
		 * and 5.7.27 (the sender's null MX) comes with words about the
		 * recipient's host. */
		{ "5.1.6", "550", "RCPT", "", "550 5.1.6 <a@b.example>: user unknown", BV_CAUSE_USERUNKNOWN },
		{ "5.1.6", "550", "RCPT", "", "550 5.1.6 User has moved to c@d.example", BV_CAUSE_HASMOVED },
		{ "5.7.27", "550", "RCPT", "", "550 5.7.27 Host does not accept mail", BV_CAUSE_NOTACCEPT },
		{ "5.7.27", "550", "MAIL", "", "550 5.7.27 sender domain has null MX", BV_CAUSE_REJECTED },
		{ "5.7.27", "550", "", "", "550 5.7.27 go away", BV_CAUSE_REJECTED },
		/* A specific code stands against words of another cause. */
		{ "5.1.10", "550", "RCPT", "", "550 5.1.10 recipient unknown", BV_CAUSE_NOTACCEPT },
		{ "5.7.23", "550", "DATA", "", "550 5.7.23 message blocked", BV_CAUSE_AUTHFAILURE },
		/* Postfix's smtp client: 5.4.4 a domain that does not exist, 4.4.4
		 * the same for now, 5.4.6 a loop (src/smtp/smtp_addr.c). */
		{ "5.4.4", "", "", "", "delivery failed", BV_CAUSE_HOSTUNKNOWN },
		{ "4.4.4", "", "", "", "delivery deferred", BV_CAUSE_NETWORKERROR },
		{ "5.4.6", "", "", "", "delivery failed", BV_CAUSE_NETWORKERROR },
		/* Postfix's clause structure names the family; the words pick
		 * within it. */
		{ "5.7.1", "554", "RCPT", "",
		  "554 5.7.1 <a@b.example>: Sender address rejected: User unknown in local recipient table",
		  BV_CAUSE_REJECTED },
		{ "4.7.1", "450", "RCPT", "",
		  "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]",
		  BV_CAUSE_REQUIREPTR },
		{ "5.7.1", "554", "RCPT", "", "554 5.7.1 Helo command rejected: Host not found",
		  BV_CAUSE_BLOCKED },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

static void
test_wrappers (void)
{
	const Row rows[] = {
		/* An outer relay's give-up sentence loses to the reply it
		 * quotes, whatever the relay's own code. */
		{ "4.4.7", "", "", "",
		  "retry timeout exceeded; last error: 552 5.2.2 mailbox for user is over quota",
		  BV_CAUSE_MAILBOXFULL },
		{ "5.4.7", "", "", "",
		  "Delivery failed: message expired. Remote said: 550 5.7.1 Relay access denied",
		  BV_CAUSE_NORELAYING },
		{ "4.4.2", "421", "", "",
		  "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 "
		  "4.4.2 Connection timed out>",
		  BV_CAUSE_EXPIRED },
		/* With nothing inside, the give-up sentence stands. */
		{ "5.4.7", "", "", "", "Retry timeout exceeded", BV_CAUSE_EXPIRED },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

/* The reply code and the command as signals (RFC 5321 section 4.2, RFC
 * 7504), each where nothing more specific is said, and next to words or a
 * code that say more. */
static void
test_reply_codes (void)
{
	const Row rows[] = {
		/* RFC 7504: the host or the domain accepts no mail at all. */
		{ "", "521", "CONN", "", "521 mx.example.com does not accept mail", BV_CAUSE_NOTACCEPT },
		{ "", "521", "", "", "521 Sorry, no mail here", BV_CAUSE_NOTACCEPT },
		{ "", "556", "RCPT", "", "556 example.com: no such thing as mail", BV_CAUSE_NOTACCEPT },
		{ "5.1.10", "556", "RCPT", "", "556 5.1.10 Recipient address has null MX",
		  BV_CAUSE_NOTACCEPT },
		/* 551: not local, try another address. */
		{ "", "551", "RCPT", "", "551 User not local; please try <b@example.org>",
		  BV_CAUSE_HASMOVED },
		{ "", "551", "RCPT", "", "551 not here, write to c@example.net instead", BV_CAUSE_HASMOVED },
		/* ... unless the words say it is a relay refusal. */
		{ "", "551", "RCPT", "", "551 relaying denied", BV_CAUSE_NORELAYING },
		/* 452 to RCPT TO is too many recipients (RFC 5321 4.5.3.1.10),
		 * elsewhere a full system; a code that names a cause says more. */
		{ "", "452", "RCPT", "", "452 Requested action not taken", BV_CAUSE_TOOMANYCONN },
		{ "", "452", "DATA", "", "452 Requested action not taken", BV_CAUSE_SYSTEMFULL },
		{ "4.2.2", "452", "RCPT", "", "452 4.2.2 Requested action not taken", BV_CAUSE_MAILBOXFULL },
		/* 552: exceeded storage allocation, unless the words say size. */
		{ "", "552", "RCPT", "", "552 Requested mail action aborted", BV_CAUSE_MAILBOXFULL },
		{ "", "552", "DATA", "", "552 Message size exceeds fixed maximum message size",
		  BV_CAUSE_MESGTOOBIG },
		/* 451: a local error, unless the words say greylisting. */
		{ "", "451", "DATA", "", "451 Requested action aborted, try again", BV_CAUSE_SYSTEMERROR },
		{ "", "451", "RCPT", "", "451 Greylisted, come back in 5 minutes", BV_CAUSE_BLOCKED },
		/* 421: refused at the greeting is the client; later the session
		 * closed and the sender gave up; words of too many connections
		 * say which refusal it was. */
		{ "", "421", "CONN", "", "421 Service not available", BV_CAUSE_BLOCKED },
		{ "", "421", "DATA", "", "421 mx.example.com closing connection", BV_CAUSE_EXPIRED },
		{ "4.3.2", "421", "RCPT", "", "421 4.3.2 shutting down, try again later",
		  BV_CAUSE_NOTACCEPT },
		{ "", "421", "CONN", "", "421 Too many concurrent SMTP connections from this IP",
		  BV_CAUSE_TOOMANYCONN },
		/* A temporary reply at the greeting of a message the sender gave
		 * up on in time (x.4.7; Sendmail "Deferred: 421" then "Message
		 * could not be delivered for 8 hours") expired; a refusal (5xx)
		 * or the words still say more. */
		{ "4.4.7", "421", "CONN", "", "421", BV_CAUSE_EXPIRED },
		{ "4.4.7", "421", "CONN", "", "421 mx.example.com Service not available, closing channel",
		  BV_CAUSE_EXPIRED },
		{ "5.4.7", "451", "CONN", "", "451 try again later", BV_CAUSE_EXPIRED },
		{ "4.4.7", "421", "CONN", "", "421 4.7.0 Too many concurrent SMTP connections from this IP",
		  BV_CAUSE_TOOMANYCONN },
		{ "5.0.0", "554", "CONN", "", "554 mx.example.com", BV_CAUSE_BLOCKED },
		{ "4.0.0", "421", "CONN", "", "421 mx.example.com", BV_CAUSE_BLOCKED },
		/* 500-503: the command itself; refused at HELO or the greeting:
		 * the client; at MAIL FROM: the sender. */
		{ "", "502", "", "", "502 Command not implemented", BV_CAUSE_SYNTAXERROR },
		{ "", "554", "HELO", "", "554 Go away", BV_CAUSE_BLOCKED },
		{ "", "554", "EHLO", "", "554 Not welcome", BV_CAUSE_BLOCKED },
		{ "", "553", "MAIL", "", "553 Not acceptable", BV_CAUSE_REJECTED },
		/* Near misses: a reply that says little gives no cause of its
		 * own (553 is qmail's relay refusal; 550 is every refusal). */
		{ "", "553", "RCPT", "", "553 sorry, that domain isn't in my list of allowed rcpthosts",
		  BV_CAUSE_NORELAYING },
		{ "", "550", "RCPT", "", "550 Requested action not taken", BV_CAUSE_ONHOLD },
		{ "", "554", "DATA", "", "554 Transaction failed", BV_CAUSE_ONHOLD },
		/* The command named in the text, as transcripts and lead-ins
		 * write it. */
		{ "", "550", "", "", ">>> RCPT To:<a@example.com>\n<<< 550 User unknown",
		  BV_CAUSE_USERUNKNOWN },
		{ "", "550", "", "", ">>> DATA\n<<< 550 User unknown", BV_CAUSE_FILTERED },
		{ "", "550", "", "",
		  "SMTP error from remote mail server after RCPT TO:<a@example.com>: 550 unknown user",
		  BV_CAUSE_USERUNKNOWN },
		{ "", "550", "", "",
		  "host mx.example.com said: 550 no such user (in reply to RCPT TO command)",
		  BV_CAUSE_USERUNKNOWN },
		{ "", "550", "", "",
		  "host mx.example.com said: 550 no such user (in reply to end of DATA command)",
		  BV_CAUSE_FILTERED },
		{ "", "", "", "",
		  "Connected to 192.0.2.1 but sender was rejected. Remote host said: 553 go away",
		  BV_CAUSE_REJECTED },
		{ "", "", "", "", "Connected to 192.0.2.1 but greeting failed. Remote host said: 554 no",
		  BV_CAUSE_BLOCKED },
		/* A multi-line reply, unfolded as a Diagnostic-Code is: the
		 * words across the continuation markers count. */
		{ "", "550", "RCPT", "", "550-Sorry, the mailbox 550-of this user 550 is full",
		  BV_CAUSE_MAILBOXFULL },
		{ "", "550", "RCPT", "", "550-5.2.1 The account 550 5.2.1 has been disabled",
		  BV_CAUSE_SUSPEND },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

/* A relay's or an ESP's give-up wraps the remote server's reply: the
 * quoted code becomes the recipient's status and reply when the relay's
 * own code is generic, and the remote's words decide. */
static void
test_quoted_codes (void)
{
	const struct {
		const char *status, *reply, *diag;
		const char *want_status, *want_reply;
		BvCause cause;
	} cases[] = {
		{ "4.4.7", "", "retry timeout exceeded; last error: 452 4.2.2 mailbox over quota", "4.2.2",
		  "452", BV_CAUSE_MAILBOXFULL },
		{ "5.4.7", "", "Message expired after 5 days. Remote said: 550 5.1.1 go away", "5.1.1", "550",
		  BV_CAUSE_USERUNKNOWN },
		{ "5.0.0", "554", "554 5.0.0 Delivery failed: the server said 550 5.7.26 rejected", "5.7.26",
		  "550", BV_CAUSE_AUTHFAILURE },
		/* Exchange's expiry with the last attempt's reply. */
		{ "4.4.7", "", "4.4.7 Message delayed. LastError: '451 4.7.1 Greylisted, try later'", "4.7.1",
		  "451", BV_CAUSE_BLOCKED },
		/* A quoted code of the other class is not the last word, and a
		 * quoted generic code says nothing more. */
		{ "5.4.7", "", "Unable to deliver for 5 days; last error: 451 4.7.1 try later", "5.4.7", "",
		  BV_CAUSE_EXPIRED },
		{ "4.4.7", "", "retry timeout exceeded; last error: 421 4.4.2 connection dropped", "4.4.7",
		  "", BV_CAUSE_EXPIRED },
		/* A specific outer code is kept whatever the text quotes. */
		{ "5.2.2", "552", "552 5.2.2 over quota (was 550 5.1.1)", "5.2.2", "552",
		  BV_CAUSE_MAILBOXFULL },
		/* With nothing quoted, the give-up stands. */
		{ "5.4.7", "", "retry timeout exceeded", "5.4.7", "", BV_CAUSE_EXPIRED },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_test_message ("%s", cases[i].diag);
		g_autoptr (BvRecipient) r = make (cases[i].status, cases[i].reply, "", cases[i].diag);
		/* The rule parse.c applies to every recipient (dsn.c). */
		bv_dsn_upgrade_status (r);
		bv_classify (r, BV_KIND_FAILED);
		assert_cause (r->cause, cases[i].cause);
		g_assert_cmpstr (r->status, ==, cases[i].want_status);
		g_assert_cmpstr (r->reply_code, ==, cases[i].want_reply);
		/* A second call decides the same. */
		bv_classify (r, BV_KIND_FAILED);
		assert_cause (r->cause, cases[i].cause);
		g_assert_cmpstr (r->status, ==, cases[i].want_status);
	}
}

static void
test_normalised (void)
{
	const Row rows[] = {
		{ "", "552", "RCPT", "", "552 MAILBOX_FULL", BV_CAUSE_MAILBOXFULL },
		{ "", "552", "RCPT", "", "552 user is over-quota", BV_CAUSE_MAILBOXFULL },
		{ "", "552", "RCPT", "", "552   Quota   exceeded   for   this   user", BV_CAUSE_MAILBOXFULL },
		{ "", "550", "RCPT", "", "550 non_existent user", BV_CAUSE_USERUNKNOWN },
		{ "", "550", "RCPT", "", "550 Unknown local part", BV_CAUSE_USERUNKNOWN },
		{ "", "552", "RCPT", "", "552 The mailbox of the recipient is full", BV_CAUSE_MAILBOXFULL },
		{ "", "552", "RCPT", "", "552 Quota d\xc3\xa9pass\xc3\xa9 pour ce destinataire",
		  BV_CAUSE_MAILBOXFULL },
		{ "", "552", "RCPT", "", "552 El buz\xc3\xb3n est\xc3\xa1 lleno", BV_CAUSE_MAILBOXFULL },
		{ "", "552", "RCPT", "", "552 \xe9\x82\xae\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xa1",
		  BV_CAUSE_MAILBOXFULL },
		/* Spam head words, any wording around them. */
		{ "5.7.1", "550", "DATA", "", "550 5.7.1 Rejected: UBE", BV_CAUSE_SPAMDETECTED },
		{ "5.7.1", "550", "DATA", "", "550 5.7.1 your message looks like junk mail",
		  BV_CAUSE_SPAMDETECTED },
		{ "5.7.1", "550", "DATA", "", "550 5.7.1 Id=2y:2 - SPAM. See http://x.example/block",
		  BV_CAUSE_SPAMDETECTED },
		{ "5.7.1", "550", "DATA", "", "550 5.7.1 Bulk-Email not accepted here",
		  BV_CAUSE_SPAMDETECTED },
		{ "5.7.1", "550", "DATA", "", "550 5.7.1 Message refus\xc3\xa9: pourriel",
		  BV_CAUSE_SPAMDETECTED },
		/* ... but not inside a block list's name or an address. */
		{ "5.7.1", "554", "RCPT", "",
		  "554 5.7.1 Service unavailable; client host blocked using "
		  "zen.spamhaus.org",
		  BV_CAUSE_BLOCKED },
		{ "5.7.1", "554", "RCPT", "", "554 5.7.1 <spam@b.example>: Relay access denied",
		  BV_CAUSE_NORELAYING },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

static void
test_vocabulary (void)
{
	const Row rows[] = {
		/* x.5.3: too many recipients. */
		{ "4.5.3", "452", "RCPT", "", "452 4.5.3 Too many recipients", BV_CAUSE_TOOMANYCONN },
		/* Content refused with no x.6 code: spam; with one: content. */
		{ "5.7.1", "554", "DATA", "", "554 5.7.1 Message content rejected", BV_CAUSE_SPAMDETECTED },
		{ "5.6.0", "554", "DATA", "", "554 5.6.0 Message content rejected", BV_CAUSE_CONTENTERROR },
		/* Mail loops: network. */
		{ "5.4.6", "554", "", "", "554 5.4.6 Too many hops", BV_CAUSE_NETWORKERROR },
		{ "", "", "", "", "mail for mx.example.org loops back to myself", BV_CAUSE_NETWORKERROR },
		{ "", "550", "", "", "550 Mail loop detected", BV_CAUSE_NETWORKERROR },
		/* Null MX (RFC 7505): the domain accepts no mail. */
		{ "5.1.0", "", "", "", "Domain example.org does not accept mail (nullMX)",
		  BV_CAUSE_NOTACCEPT },
		{ "5.1.10", "556", "RCPT", "", "556 5.1.10 Recipient address has null MX",
		  BV_CAUSE_NOTACCEPT },
		/* MX pointing to nothing: the host is unknown. */
		{ "5.0.0", "", "", "", "all relevant MX records point to non-existent hosts",
		  BV_CAUSE_HOSTUNKNOWN },
		{ "", "", "", "", "All relevant MX records point to non existent hosts.",
		  BV_CAUSE_HOSTUNKNOWN },
		/* "User unknown" at RCPT, or with nothing else said. */
		{ "", "550", "RCPT", "", "550 User unknown", BV_CAUSE_USERUNKNOWN },
		{ "", "", "", "", "User unknown", BV_CAUSE_USERUNKNOWN },
		/* A DNS block list: blocked; a reputation score: badreputation. */
		{ "5.7.1", "554", "RCPT", "", "554 5.7.1 rejected because 192.0.2.1 is listed in bl.example",
		  BV_CAUSE_BLOCKED },
		{ "5.7.1", "550", "RCPT", "", "550 5.7.1 Rejected: sender IP reputation too low (score 12)",
		  BV_CAUSE_BADREPUTATION },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

static void
test_mta_wordings (void)
{
	const Row rows[] = {
		/* Exim's router and transport sentences, as Exim writes them
		 * and as another server or a relay would paraphrase them. */
		{ "", "", "", "exim", "all relevant MX records point to non-existent hosts",
		  BV_CAUSE_HOSTUNKNOWN },
		{ "", "", "", "", "Delivery failed: ALL RELEVANT MX RECORDS POINT TO NON_EXISTENT HOSTS",
		  BV_CAUSE_HOSTUNKNOWN },
		{ "", "", "", "exim", "an MX or SRV record indicated no SMTP service", BV_CAUSE_NOTACCEPT },
		{ "", "", "", "", "domain example.org: MX record indicated no SMTP service",
		  BV_CAUSE_NOTACCEPT },
		{ "", "", "", "exim", "missing MX, or all MXs point to missing A records",
		  BV_CAUSE_HOSTUNKNOWN },
		{ "", "", "", "exim", "all host address lookups failed permanently", BV_CAUSE_HOSTUNKNOWN },
		{ "4.4.3", "", "", "exim", "host lookup did not complete", BV_CAUSE_NETWORKERROR },
		/* OpenSMTPD's mta.c, and paraphrases. */
		{ "5.0.0", "", "", "opensmtpd", "Domain does not exist", BV_CAUSE_HOSTUNKNOWN },
		{ "", "", "", "", "delivery failed: the domain does not exist", BV_CAUSE_HOSTUNKNOWN },
		{ "4.0.0", "", "", "opensmtpd", "No MX found for domain", BV_CAUSE_NOTACCEPT },
		{ "", "", "", "", "no MX found for destination example.org", BV_CAUSE_NOTACCEPT },
		/* Every connection failed, and the 4.0.0 says OpenSMTPD kept
		 * retrying until it gave up: expired (the vocabulary's row for
		 * failed connections); a permanent code keeps it a network
		 * error. */
		{ "4.0.0", "", "", "opensmtpd", "Network error on destination MXs", BV_CAUSE_EXPIRED },
		{ "5.4.4", "", "", "opensmtpd", "Network error on destination MXs", BV_CAUSE_NETWORKERROR },
		{ "4.0.0", "", "", "opensmtpd", "Temporary failure in MX lookup", BV_CAUSE_NETWORKERROR },
		{ "", "", "", "", "No valid route to remote MX", BV_CAUSE_NETWORKERROR },
		/* qmail-remote.c's sentences and the stage they name. */
		{ "5.1.2", "", "", "qmail", "Sorry, I couldn't find any host named nowhere.example. (#5.1.2)",
		  BV_CAUSE_HOSTUNKNOWN },
		{ "", "", "", "", "I couldn't find any host named nowhere.example", BV_CAUSE_HOSTUNKNOWN },
		/* temp_dns(): the lookup failed for now, the code's 4.1.2
		 * notwithstanding. */
		{ "4.1.2", "", "", "qmail", "Sorry, I couldn't find any host by that name. (#4.1.2)",
		  BV_CAUSE_NETWORKERROR },
		{ "5.4.6", "", "", "qmail",
		  "Sorry. Although I'm listed as a best-preference MX or A for that host, it isn't in my "
		  "control/locals file, so I don't treat it as local. (#5.4.6)",
		  BV_CAUSE_NETWORKERROR },
		{ "", "", "", "qmail", "Connected to 192.0.2.1 but connection died. (#4.4.2)",
		  BV_CAUSE_NETWORKERROR },
		{ "", "553", "", "qmail",
		  "Connected to 192.0.2.1 but sender was rejected. Remote host said: 553 go away",
		  BV_CAUSE_REJECTED },
		{ "", "554", "", "qmail",
		  "Connected to 192.0.2.1 but greeting failed. Remote host said: 554 no", BV_CAUSE_BLOCKED },
		{ "", "550", "", "qmail",
		  "192.0.2.1 does not like recipient. Remote host said: 550 sorry, no mailbox here by that "
		  "name",
		  BV_CAUSE_USERUNKNOWN },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

static void
test_local_agent (void)
{
	/* Diagnostic-Code type x-unix: a local delivery agent failed. */
	const struct {
		const char *status, *diag;
		BvCause cause;
	} cases[] = {
		{ "5.3.0", "Command died with status 1: \"/usr/local/bin/filter\"", BV_CAUSE_MAILERERROR },
		{ "4.3.0", "temporary failure. Command output: cannot open lock", BV_CAUSE_MAILERERROR },
		{ "5.3.0", "something went wrong", BV_CAUSE_MAILERERROR },
		/* Its errno text still names a full mailbox or disk. */
		{ "4.3.0", "/home/u/Maildir/tmp/1.A.host: Disk quota exceeded", BV_CAUSE_MAILBOXFULL },
		{ "5.2.2",
		  "cannot update mailbox /var/mail/u for user u. error writing message: File too large",
		  BV_CAUSE_MAILBOXFULL },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autoptr (BvRecipient) r = make (cases[i].status, "", "", cases[i].diag);
		g_free (r->diagnostic_type);
		r->diagnostic_type = g_strdup ("x-unix");
		bv_classify (r, BV_KIND_FAILED);
		assert_cause (r->cause, cases[i].cause);
	}
	/* The same words over SMTP are no local agent. */
	assert_cause (classify ("5.3.0", "554", "DATA", "554 5.3.0 something went wrong"),
	              BV_CAUSE_SYSTEMERROR);
}

/* Exim's "Unrouteable address" (src/src/route.c): no router accepted the
 * address.  In a server's reply to RCPT TO it is recipient verification
 * failing (acl.c, verify.c); in Exim's own report the domain decides. */
static void
test_unrouteable (void)
{
	const struct {
		const char *status, *reply, *command, *remote, *diag;
		BvCause cause;
	} replies[] = {
		/* A remote server's reply, as Exim, Postfix and OpenSMTPD
		 * quote it, and paraphrases. */
		{ "5.0.0", "550", "RCPT", "192.0.2.10", "550 Unrouteable address", BV_CAUSE_USERUNKNOWN },
		{ "5.0.0", "550", "", "",
		  "host 192.0.2.10[192.0.2.10] said: 550 Unrouteable address (in reply to RCPT TO command)",
		  BV_CAUSE_USERUNKNOWN },
		{ "5.0.0", "550", "", "", "550 UNROUTABLE ADDRESS", BV_CAUSE_USERUNKNOWN },
		{ "", "550", "RCPT", "", "550 <bob@example.net>: unrouteable address, sorry",
		  BV_CAUSE_USERUNKNOWN },
		{ "5.1.1", "550", "RCPT", "", "550 5.1.1 Unrouteable address", BV_CAUSE_USERUNKNOWN },
		/* A sender verification: the unrouteable address is the sender's. */
		{ "5.0.0", "550", "RCPT", "",
		  "550-Verification failed for <a@example.org> 550-Unrouteable address 550 Sender verify "
		  "failed",
		  BV_CAUSE_REJECTED },
		/* At MAIL FROM it is the sender's too. */
		{ "5.0.0", "550", "MAIL", "", "550 Unrouteable address", BV_CAUSE_REJECTED },
		/* DNS failure text beside it: the domain is the trouble. */
		{ "5.0.0", "550", "RCPT", "", "550 Unrouteable address: domain example.net not found",
		  BV_CAUSE_HOSTUNKNOWN },
		/* A code that names the unknown host still decides. */
		{ "5.1.2", "550", "RCPT", "", "550 5.1.2 Unrouteable address", BV_CAUSE_HOSTUNKNOWN },
		/* Near miss: routing words that are no refusal of an address. */
		{ "5.0.0", "550", "RCPT", "", "550 Unroutable", BV_CAUSE_ONHOLD },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (replies); i++) {
		g_autoptr (BvRecipient) r =
		        make (replies[i].status, replies[i].reply, replies[i].command, replies[i].diag);
		g_free (r->remote_mta);
		r->remote_mta = g_strdup (replies[i].remote);
		bv_classify (r, BV_KIND_FAILED);
		g_test_message ("%s", replies[i].diag);
		assert_cause (r->cause, replies[i].cause);
	}
	/* Exim's own report, with no reply: a domain of the reporting host
	 * is a local part no router accepted; another domain is one the DNS
	 * does not know. */
	const struct {
		const char *recipient, *reporting, *diag;
		BvCause cause;
	} own[] = {
		{ "nobody@local.example.org", "mta.example.org", "Unrouteable address",
		  BV_CAUSE_USERUNKNOWN },
		{ "nobody@example.org", "mta.example.org", "Unrouteable address", BV_CAUSE_USERUNKNOWN },
		{ "nobody@mta.example.org", "mta.example.org", "unroutable address", BV_CAUSE_USERUNKNOWN },
		{ "someone@no-such-domain.example", "mta.example.org", "Unrouteable address",
		  BV_CAUSE_HOSTUNKNOWN },
		{ "someone@other.example.net", "mta.example.org", "  Unrouteable Address  ",
		  BV_CAUSE_HOSTUNKNOWN },
		/* "co.uk" is a registry's suffix, not an organisation. */
		{ "someone@stranger.co.uk", "mybox.co.uk", "Unrouteable address", BV_CAUSE_HOSTUNKNOWN },
		/* DNS text beside it names the domain even for a local one. */
		{ "nobody@local.example.org", "mta.example.org",
		  "Unrouteable address (host lookup did not complete)", BV_CAUSE_NETWORKERROR },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (own); i++) {
		g_autoptr (BvRecipient) r = make ("5.0.0", "", "", own[i].diag);
		g_free (r->recipient);
		r->recipient = g_strdup (own[i].recipient);
		g_free (r->reporting_mta);
		r->reporting_mta = g_strdup (own[i].reporting);
		bv_classify (r, BV_KIND_FAILED);
		g_test_message ("%s for %s by %s", own[i].diag, own[i].recipient, own[i].reporting);
		assert_cause (r->cause, own[i].cause);
		if (own[i].cause != BV_CAUSE_NETWORKERROR)
			g_assert_nonnull (strstr (r->evidence.source, "route.c"));
	}
}

/* An MDN (RFC 8098) as a Sieve "reject" writes it (RFC 5429 section 2.1,
 * RFC 3028 section 4.2): @disposition is the Disposition field's value,
 * @text the human-readable part. */
static BvReport *
parse_mdn (const char *disposition, const char *text)
{
	g_autofree char *msg =
	        g_strdup_printf ("From: Mail Delivery Subsystem <postmaster@example.net>\n"
	                         "To: <alice@example.org>\n"
	                         "Subject: Automatically rejected mail\n"
	                         "MIME-Version: 1.0\n"
	                         "Content-Type: multipart/report; report-type=disposition-notification;\n"
	                         "\tboundary=\"b1\"\n"
	                         "\n"
	                         "--b1\n"
	                         "Content-Type: text/plain; charset=utf-8\n"
	                         "\n"
	                         "%s\n"
	                         "\n"
	                         "--b1\n"
	                         "Content-Type: message/disposition-notification\n"
	                         "\n"
	                         "Reporting-UA: mx.example.net; Sieve filter\n"
	                         "Final-Recipient: rfc822; bob@example.net\n"
	                         "Original-Message-ID: <orig@example.org>\n"
	                         "Disposition: %s\n"
	                         "\n"
	                         "--b1--\n",
	                         text, disposition);
	return bv_report_parse (msg, strlen (msg));
}

/* A Sieve reject by MDN is the recipient's filter refusing: what tells it
 * is the Disposition field (automatic action, type deleted), not the
 * reason's words, which are the user's. */
static void
test_sieve_reject_mdn (void)
{
	const struct {
		const char *disposition, *text;
	} rejects[] = {
		/* Dovecot Pigeonhole (src/lib-sieve/plugins/reject) and Cyrus
		 * (sieve/sieve.c send_rejection) as they word it. */
		{ "automatic-action/MDN-sent-automatically; deleted",
		  "Your message to <bob@example.net> was automatically rejected:\nNot wanted here." },
		{ "automatic-action/MDN-sent-automatically; deleted",
		  "Your message was automatically rejected by Sieve, a mail filtering language.\n\n"
		  "The following reason was given:\nI am not taking mail from you." },
		/* Other casing, spacing, a modifier, a folded field. */
		{ "Automatic-Action/MDN-Sent-Automatically;Deleted", "Rejected." },
		{ "automatic-action/MDN-sent-automatically;\n  deleted/error", "Nachricht abgelehnt." },
		/* A reason in words of another cause is still the filter's. */
		{ "automatic-action/MDN-sent-automatically; deleted", "Sorry, my mailbox is full of spam." },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (rejects); i++) {
		g_autoptr (BvReport) report = parse_mdn (rejects[i].disposition, rejects[i].text);
		g_test_message ("%s", rejects[i].disposition);
		g_assert_cmpint (report->kind, ==, BV_KIND_FAILED);
		g_assert_cmpuint (report->recipients->len, ==, 1);
		BvRecipient *r = report->recipients->pdata[0];
		g_assert_cmpstr (r->recipient, ==, "bob@example.net");
		g_assert_cmpstr (r->reporting_mta, ==, "mx.example.net");
		assert_cause (r->cause, BV_CAUSE_FILTERED);
		g_assert_false (r->hard);
		g_assert_nonnull (strstr (r->evidence.source, "RFC 5429"));
	}
	/* Near misses: a person deleting the message, and a read receipt,
	 * are no refusal. */
	const char *const others[] = {
		"manual-action/MDN-sent-manually; deleted",
		"automatic-action/MDN-sent-automatically; displayed",
		"manual-action/MDN-sent-automatically; processed",
	};
	for (gsize i = 0; i < G_N_ELEMENTS (others); i++) {
		g_autoptr (BvReport) report =
		        parse_mdn (others[i], "This is a receipt for the mail you sent.");
		g_test_message ("%s", others[i]);
		for (guint k = 0; k < report->recipients->len; k++)
			g_assert_cmpstr (bv_cause_id (((BvRecipient *)report->recipients->pdata[k])->cause),
			                 !=, "filtered");
		g_assert_cmpint (report->kind, !=, BV_KIND_FAILED);
	}
}

static void
test_registry (void)
{
	/* The evidence names the winner's source and the runner-up. */
	g_autoptr (BvRecipient) a = make ("5.2.1", "550", "RCPT", "550 5.2.1 Mailbox full");
	bv_classify (a, BV_KIND_FAILED);
	assert_cause (a->cause, BV_CAUSE_MAILBOXFULL);
	g_assert_cmpstr (a->evidence.runner_up, ==, "suspend");
	g_assert_nonnull (strstr (a->evidence.runner_up_why, "ranks below"));
	/* It says what lost and what won, in the report's own terms. */
	g_assert_nonnull (strstr (a->evidence.runner_up_why, "the code 5.2.1 said suspend"));
	g_assert_nonnull (strstr (a->evidence.runner_up_why, "\"Mailbox full\" say mailboxfull"));

	g_autoptr (BvRecipient) b =
	        make ("5.7.1", "554", "RCPT", "554 5.7.1 Client host rejected: Access denied");
	bv_classify (b, BV_KIND_FAILED);
	assert_cause (b->cause, BV_CAUSE_BLOCKED);
	g_assert_nonnull (strstr (b->evidence.source, "smtpd_check.c"));

	/* Orange's numbered labels, from the registry. */
	g_autoptr (BvRecipient) c = make ("5.0.0", "550", "RCPT", "550 5.0.0 Mailbox full OFR_417 [417]");
	bv_classify (c, BV_KIND_FAILED);
	assert_cause (c->cause, BV_CAUSE_MAILBOXFULL);
	g_assert_nonnull (strstr (c->evidence.source, "orange"));

	/* A mail system's convention applies only to that system. */
	const Row rows[] = {
		{ "5.0.0", "542", "RCPT", "messagelabs", "542 <a@b.example> Rejected", BV_CAUSE_USERUNKNOWN },
		{ "", "550", "", "outlook", "550 Requested action not taken: mailbox unavailable",
		  BV_CAUSE_USERUNKNOWN },
		{ "", "550", "", "", "550 Requested action not taken: mailbox unavailable",
		  BV_CAUSE_FILTERED },
		/* Exchange Online's throttled recipient: the provider's words
		 * beat RFC 3463's x.3.2 (system not accepting messages). */
		{ "4.3.2", "432", "", "", "432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded",
		  BV_CAUSE_SPEEDING },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

/* Each kind of conflict the written rules settle shows, in the evidence,
 * the winner, where it comes from, and the runner-up with why it lost. */
static void
test_conflict_evidence (void)
{
	const struct {
		const char *status, *reply, *command, *diag;
		BvCause cause, runner;
		const char *source; /* part of the winner's source */
		const char *why[3]; /* parts of runner_up_why */
	} cases[] = {
		/* A reused code loses to specific words. */
		{ "5.2.1",
		  "550",
		  "RCPT",
		  "550 5.2.1 user is over quota",
		  BV_CAUSE_MAILBOXFULL,
		  BV_CAUSE_SUSPEND,
		  "phrase table",
		  { "the code 5.2.1 said suspend", "say mailboxfull", "ranks below" } },
		/* A specific code beats words of another cause. */
		{ "5.7.26",
		  "550",
		  "DATA",
		  "550 5.7.26 unauthenticated mail is treated as spam",
		  BV_CAUSE_AUTHFAILURE,
		  BV_CAUSE_SPAMDETECTED,
		  "RFC 7372",
		  { "said spamdetected", "the code 5.7.26 says authfailure",
		    "ranks below a specific detail code" } },
		/* A specific code and a sibling's words: the words decide. */
		{ "5.2.3",
		  "552",
		  "DATA",
		  "552 5.2.3 message too large for this recipient",
		  BV_CAUSE_MESGTOOBIG,
		  BV_CAUSE_EXCEEDLIMIT,
		  "",
		  { "the code 5.2.3 said exceedlimit", "say mesgtoobig", "words say which" } },
		/* A generic code is a prior: Exchange's 5.7.1 for "unable to
		 * relay". */
		{ "5.7.1",
		  "550",
		  "RCPT",
		  "550 5.7.1 Unable to relay",
		  BV_CAUSE_NORELAYING,
		  BV_CAUSE_SECURITYERROR,
		  "",
		  { "the code 5.7.1 said securityerror", "a generic code", NULL } },
		/* Two causes' words: the order of causes, narrow first. */
		{ "5.7.1",
		  "554",
		  "RCPT",
		  "554 5.7.1 <a@example.com>: Relay access denied",
		  BV_CAUSE_NORELAYING,
		  BV_CAUSE_BLOCKED,
		  "",
		  { "said blocked", "a refusal that gives no reason (\"Access denied\") counts only",
		    NULL } },
		/* An outer relay's give-up loses to the reply it quotes. */
		{ "",
		  "",
		  "",
		  "Message expired; the remote server said: mailbox is full",
		  BV_CAUSE_MAILBOXFULL,
		  BV_CAUSE_EXPIRED,
		  "",
		  { "said expired", "give-up sentence or a refusal that gives no reason", NULL } },
		/* At MAIL FROM an unknown address is the sender's; the reply
		 * code's own reading ranks lower. */
		{ "",
		  "550",
		  "MAIL",
		  "550 No such user here",
		  BV_CAUSE_REJECTED,
		  BV_CAUSE_UNDEFINED,
		  "",
		  { NULL } },
		/* A reply code that says little loses to words. */
		{ "",
		  "452",
		  "RCPT",
		  "452 Mailbox full",
		  BV_CAUSE_MAILBOXFULL,
		  BV_CAUSE_TOOMANYCONN,
		  "",
		  { "the reply 452 said toomanyconn", "say mailboxfull", NULL } },
		/* RFC 7504's reply code against a generic code. */
		{ "5.0.0",
		  "556",
		  "RCPT",
		  "556 5.0.0 nope",
		  BV_CAUSE_NOTACCEPT,
		  BV_CAUSE_UNDEFINED,
		  "RFC 7504",
		  { NULL } },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_test_message ("%s", cases[i].diag);
		g_autoptr (BvRecipient) r =
		        make (cases[i].status, cases[i].reply, cases[i].command, cases[i].diag);
		bv_classify (r, BV_KIND_FAILED);
		assert_cause (r->cause, cases[i].cause);
		g_assert_nonnull (strstr (r->evidence.source, cases[i].source));
		g_assert_cmpstr (r->evidence.runner_up, ==,
		                 cases[i].runner == BV_CAUSE_UNDEFINED ? "" : bv_cause_id (cases[i].runner));
		for (gsize k = 0; k < G_N_ELEMENTS (cases[i].why) && cases[i].why[k]; k++) {
			if (strstr (r->evidence.runner_up_why, cases[i].why[k]) == NULL)
				g_test_message ("why: %s", r->evidence.runner_up_why);
			g_assert_nonnull (strstr (r->evidence.runner_up_why, cases[i].why[k]));
		}
	}
}

/* Every code of the IANA registry (RFC 3463 and the RFCs that added to
 * it) has a row: the cause it names by itself (or none), how much it says
 * (a code servers reuse for neighbouring refusals is not specific), and
 * the RFC that defines it. */
static void
test_status_table (void)
{
	const struct {
		const char *status;
		BvCause cause;
		BvCodeStrength strength;
		const char *source; /* a part of the source the row must name */
	} rows[] = {
		{ "5.0.0", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.1.0", BV_CAUSE_USERUNKNOWN, BV_CODE_GENERIC, "RFC 3463 section 3.2" },
		{ "4.1.0", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, "RFC 3463 section 3.2" },
		{ "5.1.1", BV_CAUSE_USERUNKNOWN, BV_CODE_REUSED, "RFC 3463 section 3.2" },
		{ "5.1.2", BV_CAUSE_HOSTUNKNOWN, BV_CODE_REUSED, "RFC 3463" },
		{ "5.1.3", BV_CAUSE_USERUNKNOWN, BV_CODE_REUSED, "RFC 3463" },
		{ "5.1.4", BV_CAUSE_USERUNKNOWN, BV_CODE_REUSED, "RFC 3463" },
		{ "2.1.5", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, NULL },
		{ "5.1.6", BV_CAUSE_HASMOVED, BV_CODE_REUSED, "RFC 3463" },
		{ "5.1.7", BV_CAUSE_REJECTED, BV_CODE_REUSED, "RFC 3463" },
		{ "5.1.8", BV_CAUSE_REJECTED, BV_CODE_REUSED, "RFC 3463" },
		{ "5.1.9", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, "RFC 3886" },
		{ "5.1.10", BV_CAUSE_NOTACCEPT, BV_CODE_SPECIFIC, "RFC 7505" },
		{ "5.2.0", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, "RFC 3463 section 3.3" },
		{ "5.2.1", BV_CAUSE_SUSPEND, BV_CODE_REUSED, "RFC 3463 section 3.3" },
		{ "4.2.1", BV_CAUSE_BLOCKED, BV_CODE_REUSED, "RFC 3463 section 3.3" },
		{ "5.2.2", BV_CAUSE_MAILBOXFULL, BV_CODE_SPECIFIC, "RFC 3463 section 3.3" },
		{ "4.2.2", BV_CAUSE_MAILBOXFULL, BV_CODE_SPECIFIC, "RFC 3463 section 3.3" },
		{ "5.2.3", BV_CAUSE_EXCEEDLIMIT, BV_CODE_SPECIFIC, "RFC 3463" },
		{ "5.2.4", BV_CAUSE_FILTERED, BV_CODE_REUSED, "RFC 3463" },
		{ "5.3.0", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "RFC 3463 section 3.4" },
		{ "4.3.0", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, "RFC 3463 section 3.4" },
		{ "4.3.1", BV_CAUSE_SYSTEMFULL, BV_CODE_REUSED, "RFC 3463" },
		{ "5.3.2", BV_CAUSE_NOTACCEPT, BV_CODE_REUSED, "RFC 3463" },
		{ "5.3.3", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.3.4", BV_CAUSE_MESGTOOBIG, BV_CODE_SPECIFIC, "RFC 3463" },
		{ "5.3.5", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "2.3.6", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, NULL },
		{ "5.3.6", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, "RFC 6710" },
		{ "4.4.0", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, "RFC 3463 section 3.5" },
		{ "5.4.0", BV_CAUSE_NETWORKERROR, BV_CODE_GENERIC, "RFC 3463 section 3.5" },
		{ "4.4.1", BV_CAUSE_EXPIRED, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.4.1", BV_CAUSE_NETWORKERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "4.4.2", BV_CAUSE_NETWORKERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.4.3", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.4.4", BV_CAUSE_HOSTUNKNOWN, BV_CODE_REUSED, "RFC 3463" },
		{ "4.4.4", BV_CAUSE_NETWORKERROR, BV_CODE_REUSED, "RFC 3463" },
		{ "4.4.5", BV_CAUSE_SYSTEMFULL, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.4.6", BV_CAUSE_NETWORKERROR, BV_CODE_SPECIFIC, "RFC 3463" },
		{ "4.4.7", BV_CAUSE_EXPIRED, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.4.7", BV_CAUSE_EXPIRED, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.5.0", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, "RFC 3463 section 3.6" },
		{ "5.5.1", BV_CAUSE_SYNTAXERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.5.2", BV_CAUSE_SYNTAXERROR, BV_CODE_REUSED, "RFC 3463" },
		{ "5.5.3", BV_CAUSE_TOOMANYCONN, BV_CODE_SPECIFIC, "RFC 3463" },
		{ "5.5.4", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.5.5", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.5.6", BV_CAUSE_SYNTAXERROR, BV_CODE_REUSED, "RFC 4954" },
		{ "5.6.0", BV_CAUSE_CONTENTERROR, BV_CODE_GENERIC, "RFC 3463 section 3.7" },
		{ "5.6.1", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "RFC 3463" },
		{ "5.6.2", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "RFC 3463" },
		{ "5.6.3", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "RFC 3463" },
		{ "2.6.4", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, NULL },
		{ "5.6.5", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "RFC 3463" },
		{ "5.6.6", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "RFC 4468" },
		{ "5.6.7", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "RFC 6531" },
		{ "5.6.8", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "RFC 6531" },
		{ "5.6.9", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "RFC 6531" },
		{ "5.7.0", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 3463 section 3.8" },
		{ "5.7.1", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 3463 section 3.8" },
		{ "4.7.1", BV_CAUSE_BLOCKED, BV_CODE_REUSED, "RFC 3463 section 3.8" },
		{ "5.7.2", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.7.3", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.7.4", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.7.5", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.7.6", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.7.7", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 3463" },
		{ "5.7.8", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 4954" },
		{ "5.7.9", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 4954" },
		{ "5.7.10", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 5248" },
		{ "5.7.11", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 4954" },
		{ "4.7.12", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 4954" },
		{ "5.7.13", BV_CAUSE_SUSPEND, BV_CODE_REUSED, "RFC 5248" },
		{ "5.7.14", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 5248" },
		{ "5.7.15", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 6710" },
		{ "5.7.16", BV_CAUSE_MESGTOOBIG, BV_CODE_REUSED, "RFC 6710" },
		{ "5.7.17", BV_CAUSE_HASMOVED, BV_CODE_REUSED, "RFC 7293" },
		{ "5.7.18", BV_CAUSE_HASMOVED, BV_CODE_REUSED, "RFC 7293" },
		{ "5.7.19", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "RFC 7293" },
		{ "5.7.20", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "RFC 7372" },
		{ "5.7.21", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "RFC 7372" },
		{ "5.7.22", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "RFC 7372" },
		{ "5.7.23", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "RFC 7372" },
		{ "4.7.24", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "RFC 7372" },
		{ "5.7.25", BV_CAUSE_REQUIREPTR, BV_CODE_SPECIFIC, "RFC 7372" },
		{ "5.7.26", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "RFC 7372" },
		{ "5.7.27", BV_CAUSE_REJECTED, BV_CODE_REUSED, "RFC 7505" },
		{ "4.7.28", BV_CAUSE_SPAMDETECTED, BV_CODE_REUSED, "IANA" },
		{ "5.7.29", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "RFC 8617" },
		{ "5.7.30", BV_CAUSE_SECURITYERROR, BV_CODE_SPECIFIC, "RFC 8689" },
		/* Beyond the registry: Microsoft's own codes, and nothing for a
		 * code nobody registered. */
		{ "5.7.509", BV_CAUSE_AUTHFAILURE, BV_CODE_PROVIDER, "Microsoft" },
		/* Microsoft's page: 5.7.510 is IPv6 delivery refused, 5.7.512 a
		 * From: address that is not RFC 5322 compliant. */
		{ "5.7.510", BV_CAUSE_NETWORKERROR, BV_CODE_PROVIDER, "Microsoft" },
		{ "5.7.512", BV_CAUSE_NOTCOMPLIANTRFC, BV_CODE_PROVIDER, "Microsoft" },
		{ "5.7.606", BV_CAUSE_BLOCKED, BV_CODE_PROVIDER, "Microsoft" },
		{ "5.4.8", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, NULL },
		{ "5.9.9", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, NULL },
		{ "55.1.1", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, NULL },
		{ "5.1", BV_CAUSE_UNDEFINED, BV_CODE_GENERIC, NULL },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (rows); i++) {
		g_test_message ("%s", rows[i].status);
		assert_cause (bv_status_cause (rows[i].status), rows[i].cause);
		g_assert_cmpint (bv_status_strength (rows[i].status), ==, rows[i].strength);
		const char *source = bv_status_source (rows[i].status);
		if (rows[i].source == NULL) {
			g_assert_null (source);
		} else {
			g_assert_nonnull (source);
			g_assert_nonnull (strstr (source, rows[i].source));
		}
	}
}

/* Registry entries read from primary sources: each is tried with the
 * source's own wording, with paraphrases another server would write
 * (casing, joined words, surrounding text) and with near misses that must
 * not take the entry's cause.  The evidence names the source. */
static void
test_primary_sources (void)
{
	const struct {
		const char *status, *reply, *command, *text;
		BvCause cause;
		const char *source_has; /* a word of the entry's source */
	} cases[] = {
	/* A near miss: the entry's source must not be the winner's. */
#define MISS BV_CAUSE_UNDEFINED
		/* Microsoft, fix-error-code-5-7-700-through-5-7-750. */
		{ "5.7.708", "550", "",
		  "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.",
		  BV_CAUSE_BLOCKED, "5-7-700-through-5-7-750" },
		{ "", "451", "RCPT", "451 TRAFFIC-NOT-ACCEPTED-FROM-THIS-IP [192.0.2.1] (see go.example)",
		  BV_CAUSE_BLOCKED, "5-7-700-through-5-7-750" },
		{ "5.7.705", "550", "",
		  "Remote server returned '550 5.7.705 Access denied; Tenant has exceeded threshold'",
		  BV_CAUSE_BLOCKED, "5-7-700-through-5-7-750" },
		{ "5.7.703", "550", "",
		  "Your message can't be delivered because messages to bob@example.org are blocked by your "
		  "organization using Tenant Allow Block List.",
		  BV_CAUSE_POLICYVIOLATION, "5-7-700-through-5-7-750" },
		{ "5.7.703", "550", "",
		  "550 5.7.703 messages to a@b.example are BLOCKED BY YOUR ORGANIZATION USING "
		  "Tenant-Allow-Block-List.",
		  BV_CAUSE_POLICYVIOLATION, "5-7-700-through-5-7-750" },
		{ "5.7.750", "550", "",
		  "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.",
		  BV_CAUSE_REJECTED, "5-7-700-through-5-7-750" },
		{ "5.7.750", "550", "MAIL",
		  "550 5.7.750 service unavailable: client blocked from sending from unregistered domains "
		  "(AS1)",
		  BV_CAUSE_REJECTED, "5-7-700-through-5-7-750" },
		{ "", "550", "", "550 Access denied: this IP does not accept traffic", MISS,
		  "5-7-700-through-5-7-750" },
		/* Mimecast's SMTP error codes. */
		{ "", "451", "RCPT",
		  "451 Internal resource temporarily unavailable - "
		  "https://community.mimecast.com/docs/DOC-1369#451",
		  BV_CAUSE_BLOCKED, "Mimecast" },
		{ "4.7.1", "451", "RCPT",
		  "host eu-smtp-inbound-1.mimecast.com[192.0.2.1] said: 451 4.7.1 internal resource is "
		  "temporarily unavailable [Aj3Q.us32]",
		  BV_CAUSE_BLOCKED, "Mimecast" },
		{ "", "550", "", "550 Rejected by header based Anti-Spoofing policy",
		  BV_CAUSE_POLICYVIOLATION, "Mimecast" },
		{ "", "550", "DATA", "550 rejected by header-based anti_spoofing policy: bob@example.org",
		  BV_CAUSE_POLICYVIOLATION, "Mimecast" },
		{ "", "550", "",
		  "550 Rejected by header-based Blocked Senders - Block policy for Header From",
		  BV_CAUSE_REJECTED, "Mimecast" },
		{ "", "550", "", "550 REJECTED BY HEADER BASED BLOCKED SENDERS (policy)", BV_CAUSE_REJECTED,
		  "Mimecast" },
		{ "", "550", "", "550 Rejected by anti-spam policy", MISS, "Mimecast" },
		/* Yahoo Help SLN3444. */
		{ "", "553", "", "553 VS99-IP1 deferred", BV_CAUSE_BLOCKED, "SLN3444" },
		{ "", "553", "MAIL", "553 vs99-ip1 Deferred - see help.yahoo.example", BV_CAUSE_BLOCKED,
		  "SLN3444" },
		{ "", "554", "DATA", "554 delivery error: dd This user doesn't have a yahoo.example account",
		  BV_CAUSE_USERUNKNOWN, "SLN3444" },
		{ "", "553", "", "553 VS99 IP1 accepted", MISS, "SLN3444" },
		/* NetEase's list of its codes. */
		{ "", "421", "", "421 HL:ICC 163 smtp10,Ds9kCg too many connections", BV_CAUSE_TOOMANYCONN,
		  "MBRrwEM" },
		{ "", "421", "", "421 hl:ifc 126 mx", BV_CAUSE_SPEEDING, "MBRrwEM" },
		{ "", "421", "", "421 HL:REP 163 smtp", BV_CAUSE_BLOCKED, "MBRrwEM" },
		{ "", "421", "", "421 HL:MEP 163 smtp", BV_CAUSE_BLOCKED, "MBRrwEM" },
		{ "", "450", "RCPT", "450 RP:DRC 163 mx5", BV_CAUSE_TOOMANYCONN, "MBRrwEM" },
		{ "", "451", "", "451 MI:DMC 163 smtp", BV_CAUSE_TOOMANYCONN, "MBRrwEM" },
		{ "", "450", "", "450 WM:BLI 163 mx", BV_CAUSE_BLOCKED, "MBRrwEM" },
		{ "", "450", "MAIL", "450 wm:blu 163 mx", BV_CAUSE_REJECTED, "MBRrwEM" },
		{ "", "451", "", "451 RP:CEL 163 smtp: too many errors", BV_CAUSE_SYNTAXERROR, "MBRrwEM" },
		{ "", "450", "", "450 WM BLU", MISS, "MBRrwEM" },
		/* Sendmail's queue timeouts, sendmail/envelope.c. */
		{ "", "", "", "Cannot send message for 5 days", BV_CAUSE_EXPIRED, "envelope.c" },
		{ "", "", "",
		  "----- Transcript ----- message could not be delivered: cannot send message for "
		  "4 hours (queue timeout)",
		  BV_CAUSE_EXPIRED, "envelope.c" },
		{ "", "", "", "Warning: could not send message for past 4 hours", BV_CAUSE_EXPIRED,
		  "envelope.c" },
		{ "", "", "", "Could not send message for past 1 day; will keep trying", BV_CAUSE_EXPIRED,
		  "envelope.c" },
		/* Courier, courier/submit2.C, filters/ratefilter.C, submit.C. */
		{ "", "523", "", "523 Message length (99999 bytes) exceeds administrative limit(1000).",
		  BV_CAUSE_MESGTOOBIG, "submit2.C" },
		{ "", "552", "DATA", "552 MESSAGE LENGTH OF 99999 exceeds administrative limit (1000)",
		  BV_CAUSE_MESGTOOBIG, "submit2.C" },
		{ "", "550", "", "550 Mailbox length exceeds administrative limit", MISS, "submit2.C" },
		{ "", "500", "", "500 Number of messages exceeded administrative limit.", BV_CAUSE_SPEEDING,
		  "ratefilter.C" },
		{ "", "451", "DATA", "451 number-of-messages exceeded administrative limit, try later",
		  BV_CAUSE_SPEEDING, "ratefilter.C" },
		{ "", "550", "", "550 Number of recipients exceeded administrative limit", MISS,
		  "ratefilter.C" },
		{ "", "571", "", "571 Delivery not authorized, message refused.", BV_CAUSE_FILTERED,
		  "submit.C" },
		{ "5.7.1", "554", "DATA", "554 5.7.1 DELIVERY NOT AUTHORIZED, message refused",
		  BV_CAUSE_FILTERED, "submit.C" },
		{ "", "550", "", "550 Delivery not authorized", MISS, "submit.C" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autoptr (BvRecipient) r =
		        make (cases[i].status, cases[i].reply, cases[i].command, cases[i].text);
		bv_classify (r, BV_KIND_FAILED);
		g_test_message ("%s", cases[i].text);
		if (cases[i].cause == MISS) {
			g_assert_true (r->evidence.source == NULL ||
			               strstr (r->evidence.source, cases[i].source_has) == NULL);
			continue;
		}
		assert_cause (r->cause, cases[i].cause);
		g_assert_nonnull (r->evidence.source);
		g_assert_nonnull (strstr (r->evidence.source, cases[i].source_has));
	}
#undef MISS
}

static void
test_idempotent (void)
{
	g_autoptr (BvRecipient) r = make ("", "550", "RCPT", "550 No such user");
	bv_classify (r, BV_KIND_FAILED);
	g_autofree char *status = g_strdup (r->status);
	g_autofree char *matched = g_strdup (r->evidence.matched);
	bv_classify (r, BV_KIND_FAILED);
	assert_cause (r->cause, BV_CAUSE_USERUNKNOWN);
	g_assert_cmpstr (r->status, ==, status);
	g_assert_cmpstr (r->evidence.matched, ==, matched);
	g_assert_true (r->status_derived);
}

static void
test_hostile (void)
{
	/* Binary bytes, truncated UTF-8, a huge text: no crash, a verdict. */
	char binary[512];
	for (gsize i = 0; i < sizeof binary - 1; i++)
		binary[i] = (char)(i * 7 + 1);
	binary[sizeof binary - 1] = '\0';
	bv_classify_text (binary, NULL);
	assert_cause (bv_classify_text ("user unknown \xd0", NULL), BV_CAUSE_USERUNKNOWN);
	assert_cause (bv_classify_text ("\xc3", NULL), BV_CAUSE_UNDEFINED);
	assert_cause (bv_classify_text ("550-", NULL), BV_CAUSE_UNDEFINED);
	GString *big = g_string_new (NULL);
	for (int i = 0; i < 20000; i++)
		g_string_append (big, "550-5.1.1 lorem ipsum ");
	g_string_append (big, "mailbox full");
	g_autoptr (BvRecipient) r = make ("", "", "", big->str);
	bv_classify (r, BV_KIND_FAILED);
	assert_cause (r->cause, BV_CAUSE_MAILBOXFULL);
	g_string_free (big, TRUE);
}

/* A failed connection is a network error; the report decides whether the
 * sender retried it until it gave up (expired): the same words under
 * another kind of report, another status or another action. */
static void
test_connection_failures (void)
{
	const struct {
		const char *status, *reply, *command, *action;
		BvKind kind;
		const char *text;
		BvCause cause;
		const char *source_has;
	} cases[] = {
		/* Go's dial error (chasquid's "Could not dial: %v"). */
		{ "5.4.0", "", "", "failed", BV_KIND_FAILED,
		  "Could not dial: dial tcp 192.0.2.1:25: connect: connection refused", BV_CAUSE_NETWORKERROR,
		  "strerror" },
		{ "4.4.1", "", "", "delayed", BV_KIND_DELAYED,
		  "Could not dial: dial tcp 192.0.2.1:25: connect: connection refused", BV_CAUSE_EXPIRED,
		  "strerror" },
		{ "4.0.0", "", "", "failed", BV_KIND_FAILED,
		  "Could not dial: dial tcp 192.0.2.1:25: connect: connection refused", BV_CAUSE_EXPIRED,
		  "strerror" },
		{ "5.4.7", "", "", "failed", BV_KIND_FAILED,
		  "Could not dial: dial tcp 192.0.2.1:25: connect: connection refused", BV_CAUSE_EXPIRED,
		  "strerror" },
		/* Node's (Haraka): networkerror with a network code, expired
		 * inside Haraka's give-up sentence. */
		{ "5.4.0", "", "", "failed", BV_KIND_FAILED, "Error: connect ECONNREFUSED [2001:db8::25]:25",
		  BV_CAUSE_NETWORKERROR, "Node.js" },
		{ "5.4.0", "", "", "failed", BV_KIND_FAILED,
		  "Too many failures (Error: connect ECONNREFUSED [2001:db8::25]:25)", BV_CAUSE_EXPIRED,
		  "Node.js" },
		/* Sendmail sendmail/err.c's words for ECONNREFUSED: not a block. */
		{ "4.4.7", "", "CONN", "failed", BV_KIND_FAILED,
		  "Deferred: Connection refused by [192.0.2.10]", BV_CAUSE_EXPIRED, "err.c" },
		{ "5.4.1", "", "", "failed", BV_KIND_FAILED, "Connection refused by mx.example.net.",
		  BV_CAUSE_NETWORKERROR, "err.c" },
		/* A server that answers "refused" refused the client. */
		{ "5.7.1", "554", "CONN", "failed", BV_KIND_FAILED, "554 5.7.1 Connection refused",
		  BV_CAUSE_BLOCKED, "RFC 5321" },
		{ "", "554", "", "failed", BV_KIND_FAILED, "554 connection refused, local policy",
		  BV_CAUSE_BLOCKED, "strerror" },
		/* A name that does not exist stays an unknown host whatever the
		 * report's kind; a temporary DNS failure is a network error. */
		{ "4.4.1", "", "", "delayed", BV_KIND_DELAYED,
		  "Could not find mail server: lookup nosuch.example.com on 127.0.0.53:53: no such host",
		  BV_CAUSE_HOSTUNKNOWN, "net.go" },
		{ "5.0.0", "", "", "failed", BV_KIND_FAILED, "getaddrinfo EAI_AGAIN mx.example.net",
		  BV_CAUSE_NETWORKERROR, "Node.js" },
		{ "5.0.0", "", "", "failed", BV_KIND_FAILED,
		  "java.net.UnknownHostException: mx.example.net: Temporary failure in name resolution",
		  BV_CAUSE_NETWORKERROR, "EAI_AGAIN" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autoptr (BvRecipient) r =
		        make (cases[i].status, cases[i].reply, cases[i].command, cases[i].text);
		g_free (r->action);
		r->action = g_strdup (cases[i].action);
		bv_classify (r, cases[i].kind);
		g_test_message ("%s (%s, %s)", cases[i].text, cases[i].status, cases[i].action);
		assert_cause (r->cause, cases[i].cause);
		g_assert_nonnull (strstr (r->evidence.source, cases[i].source_has));
		if (cases[i].cause == BV_CAUSE_EXPIRED)
			g_assert_nonnull (strstr (r->evidence.detail, "gave up"));
	}
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/classify/text/english", test_text_english);
	g_test_add_func ("/classify/text/languages", test_text_languages);
	g_test_add_func ("/classify/text/nothing", test_text_nothing);
	g_test_add_func ("/classify/precedence", test_precedence);
	g_test_add_func ("/classify/tiers", test_tiers);
	g_test_add_func ("/classify/wrappers", test_wrappers);
	g_test_add_func ("/classify/reply-codes", test_reply_codes);
	g_test_add_func ("/classify/quoted-codes", test_quoted_codes);
	g_test_add_func ("/classify/normalised", test_normalised);
	g_test_add_func ("/classify/vocabulary", test_vocabulary);
	g_test_add_func ("/classify/registry", test_registry);
	g_test_add_func ("/classify/status-table", test_status_table);
	g_test_add_func ("/classify/multiline-reply", test_multiline_reply);
	g_test_add_func ("/classify/conflict-evidence", test_conflict_evidence);
	g_test_add_func ("/classify/primary-sources", test_primary_sources);
	g_test_add_func ("/classify/local-agent", test_local_agent);
	g_test_add_func ("/classify/unrouteable", test_unrouteable);
	g_test_add_func ("/classify/sieve-reject-mdn", test_sieve_reject_mdn);
	g_test_add_func ("/classify/mta-wordings", test_mta_wordings);
	g_test_add_func ("/classify/providers", test_providers);
	g_test_add_func ("/classify/mail-systems", test_mail_systems);
	g_test_add_func ("/classify/reply-form", test_reply_form);
	g_test_add_func ("/classify/more-wording", test_more_wording);
	g_test_add_func ("/classify/more-conventions", test_more_conventions);
	g_test_add_func ("/classify/bare-address", test_bare_address);
	g_test_add_func ("/classify/hard-soft", test_hard_soft);
	g_test_add_func ("/classify/derived-status", test_derived_status);
	g_test_add_func ("/classify/evidence", test_evidence);
	g_test_add_func ("/classify/idempotent", test_idempotent);
	g_test_add_func ("/classify/hostile", test_hostile);
	g_test_add_func ("/classify/connection-failures", test_connection_failures);
	return g_test_run ();
}
