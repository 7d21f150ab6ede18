/* test-reply.c: multi-line SMTP replies joined into one (parsers/reply.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "parsers/dsn.h"
#include "parsers/reply.h"

typedef struct {
	const char *text;
	const char *want;
} Case;

static void
check (const Case *cases, gsize n)
{
	for (gsize i = 0; i < n; i++) {
		g_autofree char *got = bv_reply_join (cases[i].text, -1);
		g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, cases[i].text);
		g_assert_cmpstr (got, ==, cases[i].want);
		/* Joining again changes nothing: every path may join. */
		g_autofree char *again = bv_reply_join (got, -1);
		g_assert_cmpstr (again, ==, got);
	}
}

/* Providers' published multi-line replies, with LF, CRLF, or the lines
 * already set side by side by the report. */
static void
test_providers (void)
{
	static const Case cases[] = {
		/* Gmail's "NoSuchUser", lines as Google breaks them, LF. */
		{ "550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
		  "550-5.1.1 double-checking the recipient's email address for typos or\n"
		  "550-5.1.1 unnecessary spaces. Learn more at\n"
		  "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si2 - gsmtp",
		  "550 5.1.1 The email account that you tried to reach does not exist. Please try "
		  "double-checking the recipient's email address for typos or unnecessary spaces. Learn "
		  "more at https://support.google.com/mail/?p=NoSuchUser a1si2 - gsmtp" },
		/* Gmail's over-quota reply, CRLF. */
		{ "452-4.2.2 The email account that you tried to reach is over quota. Please direct\r\n"
		  "452-4.2.2 the recipient to\r\n"
		  "452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp b2si3 - gsmtp\r\n",
		  "452 4.2.2 The email account that you tried to reach is over quota. Please direct the "
		  "recipient to https://support.google.com/mail/?p=OverQuotaTemp b2si3 - gsmtp" },
		/* Postfix sets the lines side by side: "host X said: ...". */
		{ "host gmail-smtp-in.l.google.com[192.0.2.27] said: 550-5.7.26 This mail is "
		  "unauthenticated, which poses a security risk to the 550-5.7.26 sender and Gmail "
		  "users, and has been blocked. 550 5.7.26 Learn more at "
		  "https://support.google.com/mail/answer/81126 (in reply to end of DATA command)",
		  "host gmail-smtp-in.l.google.com[192.0.2.27] said: 550 5.7.26 This mail is "
		  "unauthenticated, which poses a security risk to the sender and Gmail users, and has "
		  "been blocked. Learn more at https://support.google.com/mail/answer/81126 (in reply to "
		  "end of DATA command)" },
		/* Microsoft's block list reply, a paraphrase wrapped the way a
		 * relay wraps long replies; the enhanced code only on the first
		 * line. */
		{ "550-5.7.1 Unfortunately, messages from [192.0.2.8] weren't sent. Please contact\n"
		  "550-your Internet service provider since part of their network is on our block\n"
		  "550 list (S3150).",
		  "550 5.7.1 Unfortunately, messages from [192.0.2.8] weren't sent. Please contact your "
		  "Internet service provider since part of their network is on our block list (S3150)." },
		/* Yahoo's deferral, in qmail's "Remote host said:" lead-in. */
		{ "Remote host said: 421-4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred\n"
		  "421-4.7.0 due to unexpected volume or user complaints - 4.16.55.1;\n"
		  "421 4.7.0 see https://postmaster.yahooinc.com/error-codes",
		  "Remote host said: 421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred due "
		  "to unexpected volume or user complaints - 4.16.55.1; see "
		  "https://postmaster.yahooinc.com/error-codes" },
	};
	check (cases, G_N_ELEMENTS (cases));
}

/* Replies without enhanced codes, transcripts, indented blocks. */
static void
test_shapes (void)
{
	static const Case cases[] = {
		/* Exim's sender verification, as its transport quotes it. */
		{ "SMTP error from remote mail server after RCPT TO:<a@example.net>:\n"
		  "    550-Verification failed for <s@example.org>\n"
		  "    550-Unrouteable address\n"
		  "    550 Sender verify failed",
		  "SMTP error from remote mail server after RCPT TO:<a@example.net>: 550 Verification "
		  "failed for <s@example.org> Unrouteable address Sender verify failed" },
		/* A Sendmail transcript, "<<< " on every line. */
		{ "<<< 550-5.7.1 [192.0.2.25] Our system has detected that this message is\n"
		  "<<< 550-5.7.1 likely unsolicited mail.\n"
		  "<<< 550 5.7.1 Please see the guidelines.",
		  "<<< 550 5.7.1 [192.0.2.25] Our system has detected that this message is likely "
		  "unsolicited mail. Please see the guidelines." },
		/* An empty line in the middle ("550-5.7.1" alone). */
		{ "550-5.7.1 Message rejected\n550-5.7.1\n550 5.7.1 Contact your administrator",
		  "550 5.7.1 Message rejected Contact your administrator" },
		/* A line's own enhanced code, other than the first's, stays. */
		{ "550-5.7.1 Rejected by policy\n550 5.7.26 DMARC check failed",
		  "550 5.7.1 Rejected by policy 5.7.26 DMARC check failed" },
		/* The first line alone, as a Diagnostic-Code keeps it. */
		{ "550-5.7.1 [192.0.2.25] Our system has detected that this message is",
		  "550 5.7.1 [192.0.2.25] Our system has detected that this message is" },
		/* Exim's callout report quotes the other server's reply inside
		 * a line: its "550 " is text, the last line comes after it. */
		{ "550-Verification failed for <s@example.org>\n"
		  "550-Called:   192.0.2.10\n"
		  "550-Sent:     RCPT TO:<s@example.org>\n"
		  "550-Response: 550 No such mailbox here\n"
		  "550 Sender verify failed",
		  "550 Verification failed for <s@example.org> Called: 192.0.2.10 Sent: RCPT "
		  "TO:<s@example.org> Response: 550 No such mailbox here Sender verify failed" },
		/* nullmailer's Diagnostic-Code: src/send.cc parse_output() joins
		 * the reply's lines with '/' (diag.subst('\n', '/')). */
		{ "SMTP; 550-5.1.1 The email account that you tried to reach does not exist. Please "
		  "try/550-5.1.1 double-checking the recipient's email address for typos or/550 5.1.1 "
		  "unnecessary spaces.",
		  "SMTP; 550 5.1.1 The email account that you tried to reach does not exist. Please try "
		  "double-checking the recipient's email address for typos or unnecessary spaces." },
		/* ... without enhanced codes, the first line a host name. */
		{ "SMTP; 554-mx.example.net/554 Your access to this mail system has been rejected",
		  "SMTP; 554 mx.example.net Your access to this mail system has been rejected" },
		{ "SMTP; 552-Requested mail action aborted: mailbox full/552 Please try again later",
		  "SMTP; 552 Requested mail action aborted: mailbox full Please try again later" },
		/* A line that ends in a URL, the next one with an enhanced code. */
		{ "SMTP; 550-5.1.1 Learn more at https://support.example.com/mail/?p=NoSuchUser/550 5.1.1 "
		  "q1si2 - gsmtp",
		  "SMTP; 550 5.1.1 Learn more at https://support.example.com/mail/?p=NoSuchUser q1si2 - "
		  "gsmtp" },
		/* A first line whose text opens with a lone colon (AOL's
		 * greeting refusal, "421-: (DYN:T1) ..."): the colon goes with
		 * the code, the lines join as any other reply's; in a Postfix
		 * "said:" lead-in, and side by side as a Diagnostic-Code. */
		{ "talk to me: 421-: (RLY:B2) https://postmaster.example.com/errors/421rlyb2.html\n"
		  "    421 SERVICE UNAVAILABLE, TRY LATER",
		  "talk to me: 421 (RLY:B2) https://postmaster.example.com/errors/421rlyb2.html SERVICE "
		  "UNAVAILABLE, TRY LATER" },
		{ "421-: (DYN:T2) see https://postmaster.example.com/dyn 421 SERVICE NOT AVAILABLE",
		  "421 (DYN:T2) see https://postmaster.example.com/dyn SERVICE NOT AVAILABLE" },
		{ "554-:\n554 No service for you", "554 No service for you" },
		/* Two replies, one after another. */
		{ "451-4.3.0 Try again\n451 4.3.0 later\n550-5.1.1 No such\n550 5.1.1 user",
		  "451 4.3.0 Try again later 550 5.1.1 No such user" },
	};
	check (cases, G_N_ELEMENTS (cases));
}

/* Digits that are no reply, and lines that are not one reply. */
static void
test_near_misses (void)
{
	static const Case cases[] = {
		/* A size and a telephone number. */
		{ "552 5.3.4 Message exceeds the 550-byte limit of this list",
		  "552 5.3.4 Message exceeds the 550-byte limit of this list" },
		{ "550-byte messages only\n550 5.3.4 too big", "550-byte messages only 550 5.3.4 too big" },
		{ "Call our help desk at 555-0100 or 550-0199 for help",
		  "Call our help desk at 555-0100 or 550-0199 for help" },
		/* A line opened "NNN-" that no line of the same code follows. */
		{ "550-Verification failed for <s@example.org>",
		  "550-Verification failed for <s@example.org>" },
		/* Another code is another reply, not a continuation. */
		{ "550-5.1.1 No such user\n451 4.3.0 Try later",
		  "550 5.1.1 No such user 451 4.3.0 Try later" },
		/* A transcript's command line ends the reply. */
		{ "<<< 550-Not now\n>>> QUIT\n<<< 550 Bye", "<<< 550-Not now >>> QUIT <<< 550 Bye" },
		/* "NNN " on every line is RFC 5321's last line each time: separate
		 * replies, kept as they stand. */
		{ "550 5.7.1 First\n550 5.7.1 Second", "550 5.7.1 First 550 5.7.1 Second" },
		/* A '/' before another code joins nothing, and the reply's code
		 * in a URL's path is no line of it. */
		{ "SMTP; 550-5.1.1 No such user/451 4.3.0 later",
		  "SMTP; 550 5.1.1 No such user/451 4.3.0 later" },
		{ "550-Rejected, see https://example.com/550-policy\n550 for details",
		  "550 Rejected, see https://example.com/550-policy for details" },
		/* A lone reply line that opens with a colon joins nothing and
		 * keeps its colon; a colon that opens a word stays. */
		{ "550 : not joined", "550 : not joined" },
		{ "421-:(DYN:T1)\n421 Bye", "421 :(DYN:T1) Bye" },
		/* A last line with a code and nothing else, at the very end. */
		{ "550-Access denied\n550", "550 Access denied" },
		{ "550-Access denied\n550 ", "550 Access denied" },
		{ "", "" },
	};
	check (cases, G_N_ELEMENTS (cases));
	g_autofree char *null = bv_reply_join (NULL, -1);
	g_assert_cmpstr (null, ==, "");
}

/* The Diagnostic-Code field folds a reply over header continuation lines;
 * the RFC 3464 reader joins it like any other text. */
static void
test_dsn_folded (void)
{
	g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_recipient_free);
	bv_dsn_parse ("Reporting-MTA: dns; mx.example.org\n"
	              "\n"
	              "Final-Recipient: rfc822; a@example.net\n"
	              "Action: failed\n"
	              "Status: 5.0.0\n"
	              "Diagnostic-Code: smtp; 550-5.7.1 [192.0.2.25] Our system has detected that\r\n"
	              " 550-5.7.1 this message is likely unsolicited mail.\r\n"
	              "\t550 5.7.1 Please visit the guidelines. - gsmtp\n",
	              out);
	g_assert_cmpuint (out->len, ==, 1);
	BvRecipient *r = out->pdata[0];
	g_assert_cmpstr (r->diagnostic, ==,
	                 "550 5.7.1 [192.0.2.25] Our system has detected that this message is likely "
	                 "unsolicited mail. Please visit the guidelines. - gsmtp");
	g_assert_cmpstr (r->reply_code, ==, "550");
}

/* Whether a whole reply goes on where its first line, kept alone, stops. */
static void
test_extends (void)
{
	g_assert_true (bv_reply_extends ("550 Verification failed for <s@example.org> Sender verify failed",
	                                 "550-Verification failed for <s@example.org>"));
	g_assert_true (bv_reply_extends ("550 5.7.1 Our system has detected that this message is likely spam",
	                                 "550-5.7.1 Our system has detected that this message is"));
	/* The same text, or another reply, or a word cut in two. */
	g_assert_false (bv_reply_extends ("550 5.1.1 No such user", "550 5.1.1 No such user"));
	g_assert_false (bv_reply_extends ("550 5.1.1 No such user", "552 5.1.1 No such"));
	g_assert_false (bv_reply_extends ("550 5.1.1 No such user", "550 5.1.1 No su"));
	g_assert_false (bv_reply_extends ("550 5.1.1 No such user", ""));
	g_assert_false (bv_reply_extends (NULL, "550"));
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/reply/providers", test_providers);
	g_test_add_func ("/reply/shapes", test_shapes);
	g_test_add_func ("/reply/near-misses", test_near_misses);
	g_test_add_func ("/reply/dsn-folded", test_dsn_folded);
	g_test_add_func ("/reply/extends", test_extends);
	return g_test_run ();
}
