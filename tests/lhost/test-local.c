/* test-local.c: local deliveries as Courier and qmail report them: a
 * delivery program's output is the Diagnostic-Code type x-unix, and its
 * exit status, not its words, decides the cause; with near misses (a remote
 * domain's failure in the same form, qmail's own "(#5.1.1)" sentences, a
 * remote server's reply).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "parsers/catalog.h"
#include "tests/lhost/lhost-test.h"

/* Parses @text and asserts its one recipient as the mail system @mta
 * reports it: the Diagnostic-Code type, the status (NULL: not checked) and
 * the cause. */
static void
assert_one (const char *text, const char *mta, const char *dtype, const char *status, BvCause cause)
{
	g_autoptr (BvReport) r = parse (text);
	g_assert_cmpstr (r->mta, ==, mta);
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->diagnostic_type, ==, dtype);
	if (status != NULL)
		g_assert_cmpstr (nth (r, 0)->status, ==, status);
	g_assert_cmpstr (bv_cause_id (nth (r, 0)->cause), ==, bv_cause_id (cause));
}

/* A Courier failure notice (module.dsn/dsn.C) with one block, under a
 * Reporting-MTA of mta.example.org. */
static char *
courier (const char *rcpt, const char *block, const char *diag)
{
	return g_strdup_printf ("Return-Path: <>\n"
	                        "From: \"Courier mail server at mta.example.org\" <@>\n"
	                        "To: alice@example.org\n"
	                        "Subject: NOTICE: mail delivery status.\n"
	                        "Content-Type: multipart/report; report-type=delivery-status;\n"
	                        "    boundary=\"=_courier_0\"\n"
	                        "\n"
	                        "--=_courier_0\n"
	                        "Content-Type: text/plain; charset=\"utf-8\"\n"
	                        "\n"
	                        "This is a delivery status notification from mta.example.org,\n"
	                        "running the Courier mail server, version 1.0.16.\n"
	                        "\n"
	                        "                           UNDELIVERABLE MAIL\n"
	                        "\n"
	                        "Your message to the following recipients cannot be delivered:\n"
	                        "\n"
	                        "<%s>:\n"
	                        "%s"
	                        "\n"
	                        "--=_courier_0\n"
	                        "Content-Type: message/delivery-status\n"
	                        "\n"
	                        "Reporting-MTA: dns; mta.example.org\n"
	                        "\n"
	                        "Final-Recipient: rfc822; %s\n"
	                        "Action: failed\n"
	                        "Status: 5.0.0\n"
	                        "%s%s%s"
	                        "\n"
	                        "--=_courier_0--\n",
	                        rcpt, block, rcpt, diag ? "Diagnostic-Code: unknown; " : "", diag ? diag : "",
	                        diag ? "\n" : "");
}

static void
test_courier (void)
{
	const struct {
		const char *rcpt, *block, *diag, *dtype;
		BvCause cause;
	} cases[] = {
		/* localmail.c: a program's output, for a domain of the host. */
		{ "pipe77@local.example.org", " <<< cannot open mailbox\n", "cannot open mailbox", "x-unix",
		  BV_CAUSE_MAILERERROR },
		{ "lists@example.org", " <<< Mailbox temporarily locked, try later\n",
		  "Mailbox temporarily locked, try later", "x-unix", BV_CAUSE_MAILERERROR },
		{ "bob@mta.example.org", " <<< no such mailbox here\n", "no such mailbox here", "x-unix",
		  BV_CAUSE_MAILERERROR },
		/* deliver.C's own words for EX_NOUSER and a full maildir. */
		{ "bob-ext@local.example.org", " <<< Unknown user.\n", "Unknown user.", "x-unix",
		  BV_CAUSE_USERUNKNOWN },
		{ "carol@local.example.org", " <<< Maildir over quota.\n", "Maildir over quota.", "x-unix",
		  BV_CAUSE_MAILBOXFULL },
		/* A program that writes its exit status. */
		{ "dave@local.example.org", " <<< delivery agent: exit code 77\n",
		  "delivery agent: exit code 77", "x-unix", BV_CAUSE_SYSTEMERROR },
		/* Near misses: module.esmtp's own failures for remote
		 * domains, in the same unmarked form, and a remote reply. */
		{ "someone@no-such-domain.invalid", " <<< No such domain.\n", "No such domain.", "unknown",
		  BV_CAUSE_HOSTUNKNOWN },
		{ "someone@example.net", " <<< Connection refused\n", "Connection refused", "unknown",
		  BV_CAUSE_EXPIRED },
		/* The same without a Diagnostic-Code (a delay notice's part
		 * has none): the text's form alone does not make it local. */
		{ "someone@example.net", " <<< Connection refused\n", NULL, "", BV_CAUSE_EXPIRED },
		{ "pipe75@local.example.org", " <<< mailbox temporarily locked\n", NULL, "x-unix",
		  BV_CAUSE_MAILERERROR },
		{ "someone@example.net",
		  "     mx.example.net [192.0.2.7]:\n >>> RCPT TO:<someone@example.net>\n <<< 550 local "
		  "user unknown\n",
		  "550 local user unknown", "unknown", BV_CAUSE_USERUNKNOWN },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autofree char *text = courier (cases[i].rcpt, cases[i].block, cases[i].diag);
		g_test_message ("%s", cases[i].block);
		assert_one (text, "courier", cases[i].dtype, NULL, cases[i].cause);
	}
}

/* A qmail-send bounce with one paragraph. */
static char *
qmail (const char *rcpt, const char *paragraph)
{
	return g_strdup_printf ("Return-Path: <>\n"
	                        "From: MAILER-DAEMON@mta.example.org\n"
	                        "To: alice@example.org\n"
	                        "Subject: failure notice\n"
	                        "\n"
	                        "Hi. This is the qmail-send program at mta.example.org.\n"
	                        "I'm afraid I wasn't able to deliver your message to the following "
	                        "addresses.\n"
	                        "This is a permanent error; I've given up. Sorry it didn't work out.\n"
	                        "\n"
	                        "<%s>:\n"
	                        "%s"
	                        "\n"
	                        "--- Below this line is a copy of the message.\n"
	                        "\n"
	                        "From: alice@example.org\n"
	                        "To: %s\n"
	                        "Subject: hello\n"
	                        "\n"
	                        "hello\n",
	                        rcpt, paragraph, rcpt);
}

static void
test_qmail (void)
{
	const struct {
		const char *paragraph, *dtype, *status;
		BvCause cause;
	} cases[] = {
		/* qmail-local.c mailprogram(): the program's output as it is;
		 * exit 111 retried until qmail-send gave up.  No code is made
		 * up for a program's failure; a condition its words name (a
		 * full mailbox) gets the condition's code. */
		{ "mailbox temporarily locked\nI'm not going to try again; this message has been in the "
		  "queue too long.\n",
		  "x-unix", "", BV_CAUSE_MAILERERROR },
		{ "no such mailbox here\n", "x-unix", "", BV_CAUSE_MAILERERROR },
		{ "Cannot open mailbox: Permission denied\n", "x-unix", "", BV_CAUSE_SYSTEMERROR },
		{ "procmail: Quota exceeded while writing \"/var/mail/bob\"\n", "x-unix", "5.2.2",
		  BV_CAUSE_MAILBOXFULL },
		/* Near misses: qmail's own sentences carry a code, and a
		 * remote server's reply comes after "Remote host said:". */
		{ "Sorry, no mailbox here by that name. (#5.1.1)\n", "", "5.1.1", BV_CAUSE_USERUNKNOWN },
		{ "Sorry, no mailbox here by that name. vpopmail (#5.1.1)\n", "", "5.1.1",
		  BV_CAUSE_USERUNKNOWN },
		{ "192.0.2.10 does not like recipient.\nRemote host said: 550 5.1.1 local user unknown\n"
		  "Giving up on 192.0.2.10.\n",
		  "smtp", "5.1.1", BV_CAUSE_USERUNKNOWN },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autofree char *text = qmail ("bob@local.example.org", cases[i].paragraph);
		g_test_message ("%s", cases[i].paragraph);
		assert_one (text, "qmail", cases[i].dtype, cases[i].status, cases[i].cause);
	}
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	bv_init ();
	g_test_add_func ("/local/courier", test_courier);
	g_test_add_func ("/local/qmail", test_qmail);
	return run_lhost_tests ();
}
