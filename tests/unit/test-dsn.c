/* test-dsn.c: the RFC 3464 delivery-status field parser.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "parsers/dsn.h"

static GPtrArray *
parse (const char *text)
{
	GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_recipient_free);
	bv_dsn_parse (text, out);
	return out;
}

static BvRecipient *
nth (GPtrArray *a, guint i)
{
	return a->pdata[i];
}

static void
test_two_recipients (void)
{
	g_autoptr (GPtrArray) r = parse ("Reporting-MTA: dns; mx.example.org\n"
	                                 "Arrival-Date: Mon, 2 Jan 2023 10:00:00 +0000\n"
	                                 "\n"
	                                 "Final-Recipient: rfc822; Alice@Example.COM\n"
	                                 "Original-Recipient: rfc822;alice@example.com\n"
	                                 "Action: failed\n"
	                                 "Status: 5.1.1\n"
	                                 "Remote-MTA: dns; mx1.example.com\n"
	                                 "Diagnostic-Code: smtp; 550 5.1.1 <alice@example.com>:\n"
	                                 "    Recipient address rejected: User unknown\n"
	                                 "\n"
	                                 "Final-Recipient: rfc822; bob@example.net\n"
	                                 "Action: delayed\n"
	                                 "Status: 4.2.2\n"
	                                 "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n");
	g_assert_cmpuint (r->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "Alice@example.com");
	g_assert_cmpstr (nth (r, 0)->original_recipient, ==, "alice@example.com");
	g_assert_cmpstr (nth (r, 0)->action, ==, "failed");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.1");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "550");
	/* Folded lines are unfolded and white space collapsed. */
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==,
	                 "550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown");
	g_assert_cmpstr (nth (r, 0)->remote_mta, ==, "mx1.example.com");
	/* Per-message fields apply to every recipient. */
	g_assert_cmpstr (nth (r, 0)->reporting_mta, ==, "mx.example.org");
	g_assert_cmpstr (nth (r, 1)->reporting_mta, ==, "mx.example.org");
	g_assert_cmpstr (nth (r, 1)->arrival_date, ==, "Mon, 2 Jan 2023 10:00:00 +0000");
	g_assert_cmpstr (nth (r, 1)->action, ==, "delayed");
	g_assert_cmpstr (nth (r, 1)->reply_code, ==, "452");
}

static void
test_missing_blank_lines (void)
{
	/* Some servers write no blank line between the groups. */
	g_autoptr (GPtrArray) r = parse ("Reporting-MTA: dns; mx.example.org\n"
	                                 "Final-Recipient: rfc822; a@example.com\n"
	                                 "Action: failed\n"
	                                 "Status: 5.1.1\n"
	                                 "Final-Recipient: rfc822; b@example.com\n"
	                                 "Action: failed\n"
	                                 "Status: 5.2.2\n");
	g_assert_cmpuint (r->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "a@example.com");
	g_assert_cmpstr (nth (r, 1)->recipient, ==, "b@example.com");
	g_assert_cmpstr (nth (r, 1)->status, ==, "5.2.2");
}

static void
test_status_comment (void)
{
	g_autoptr (GPtrArray) r = parse ("\nFinal-Recipient: a@example.com\nAction: failed\n"
	                                 "Status: 5.0.0 (permanent failure)\n");
	g_assert_cmpuint (r->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "a@example.com");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.0.0");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "");
}

static void
test_garbage (void)
{
	g_autoptr (GPtrArray) r =
	        parse ("this is not a delivery status\n:\n::: \n\n\n \t\nFinal-Recipient:\n");
	/* An empty Final-Recipient still counts as a recipient group, with
	 * nothing known; garbage lines are skipped. */
	g_assert_cmpuint (r->len, <=, 1);
	g_autoptr (GPtrArray) e = parse ("");
	g_assert_cmpuint (e->len, ==, 0);
}

static void
test_strip_type (void)
{
	g_autofree char *a = bv_dsn_strip_type ("smtp; 550 no");
	g_autofree char *b = bv_dsn_strip_type ("X-Postfix; host said: 550");
	g_autofree char *c = bv_dsn_strip_type ("550 5.1.1 user; unknown");
	g_assert_cmpstr (a, ==, "550 no");
	g_assert_cmpstr (b, ==, "host said: 550");
	g_assert_cmpstr (c, ==, "550 5.1.1 user; unknown");
}

/* The Diagnostic-Code's type (RFC 3464 s.2.3.6) says who wrote the text:
 * a remote SMTP server, or the reporting host's own delivery agent. */
static void
test_diagnostic_type (void)
{
	g_autoptr (GPtrArray) r =
	        parse ("Reporting-MTA: dns; mx.example.org\n"
	               "\n"
	               "Final-Recipient: rfc822; a@example.com\n"
	               "Action: failed\n"
	               "Status: 5.0.0\n"
	               "Diagnostic-Code: X-Postfix; mail for example.com loops back to myself\n"
	               "\n"
	               "Final-Recipient: rfc822; b@example.com\n"
	               "Action: failed\n"
	               "Status: 5.3.0\n"
	               "Diagnostic-Code: X-Unix ; 77\n"
	               "\n"
	               "Final-Recipient: rfc822; c@example.com\n"
	               "Action: failed\n"
	               "Status: 5.1.1\n"
	               "Diagnostic-Code: SMTP; 550 5.1.1 no such user\n"
	               "\n"
	               "Final-Recipient: rfc822; d@example.com\n"
	               "Action: failed\n"
	               "Status: 5.1.1\n"
	               "Diagnostic-Code: 550 5.1.1 no type; just text\n"
	               "\n"
	               "Final-Recipient: rfc822; e@example.com\n"
	               "Action: failed\n"
	               "Status: 5.1.1\n");
	g_assert_cmpuint (r->len, ==, 5);
	g_assert_cmpstr (nth (r, 0)->diagnostic_type, ==, "x-postfix");
	g_assert_cmpstr (nth (r, 1)->diagnostic_type, ==, "x-unix");
	g_assert_cmpstr (nth (r, 1)->diagnostic, ==, "77");
	g_assert_cmpstr (nth (r, 2)->diagnostic_type, ==, "smtp");
	g_assert_cmpstr (nth (r, 3)->diagnostic_type, ==, "");
	g_assert_cmpstr (nth (r, 4)->diagnostic_type, ==, "");
	g_autofree char *spaced = bv_dsn_type ("rfc 822; a@b");
	g_assert_cmpstr (spaced, ==, "");
}

/* Actions come back as RFC 3464's words, whatever comment or synonym the
 * MTA wrote. */
static void
test_action (void)
{
	const char *cases[][2] = {
		{ "failed", "failed" },
		{ " Failed ", "failed" },
		{ "delivered (to mailbox)", "delivered" },
		{ "relayed (to non-DSN-aware mailer)", "relayed" },
		{ "expanded (to multi-recipient alias)", "expanded" },
		{ "deliverable", "delivered" },
		{ "Undeliverable", "failed" },
		{ "delayed;retrying", "delayed" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autofree char *a = bv_dsn_action (cases[i][0]);
		g_assert_cmpstr (a, ==, cases[i][1]);
	}
	g_autofree char *none = bv_dsn_action (NULL);
	g_assert_cmpstr (none, ==, "");
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/dsn/two-recipients", test_two_recipients);
	g_test_add_func ("/dsn/missing-blank-lines", test_missing_blank_lines);
	g_test_add_func ("/dsn/status-comment", test_status_comment);
	g_test_add_func ("/dsn/garbage", test_garbage);
	g_test_add_func ("/dsn/strip-type", test_strip_type);
	g_test_add_func ("/dsn/diagnostic-type", test_diagnostic_type);
	g_test_add_func ("/dsn/action", test_action);
	return g_test_run ();
}
