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

/* A failed recipient without a Diagnostic-Code whose Status comment is a
 * sentence (Mox): the sentence is the diagnostic; the code's own few words,
 * or a delayed recipient's comment, are not. */
static void
test_status_comment_reason (void)
{
	g_autoptr (GPtrArray) r =
	        parse ("\nFinal-Recipient: rfc822;a@example.com\nAction: failed\n"
	               "Status: 5.0.0 (domain does not accept email as indicated with single dot for mx "
	               "record, permanent)\n"
	               "\nFinal-Recipient: rfc822;b@example.com\nAction: failed\n"
	               "Status: 5.2.1 (mailbox disabled, not accepting messages)\n"
	               "\nFinal-Recipient: rfc822;c@example.com\nAction: delayed\n"
	               "Status: 4.0.0 (mx.example.com: host name lookup failure, will try again later)\n"
	               "\nFinal-Recipient: rfc822;d@example.com\nAction: failed\n"
	               "Status: 5.0.0 (the remote server said something long and specific here)\n"
	               "Diagnostic-Code: smtp; 550 5.1.1 no such user\n");
	g_assert_cmpuint (r->len, ==, 4);
	g_assert_cmpstr (
	        nth (r, 0)->diagnostic, ==,
	        "domain does not accept email as indicated with single dot for mx record, permanent");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.0.0");
	g_assert_cmpstr (nth (r, 1)->diagnostic, ==, "");
	g_assert_cmpstr (nth (r, 2)->diagnostic, ==, "");
	g_assert_cmpstr (nth (r, 3)->diagnostic, ==, "550 5.1.1 no such user");
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
/* RFC 6533's utf-8 address type and RFC 3461's xtext are decoded; an
 * escape that is not valid stays as written. */
static void
test_address (void)
{
	static const struct {
		const char *value, *want;
	} cases[] = {
		{ "utf-8; pel\\x{E9}@example.com", "pel\u00e9@example.com" },
		{ "UTF-8;\\x{5C71}\\x{7530}@example.jp", "\u5c71\u7530@example.jp" },
		{ "utf-8; a\\x{1F600}b@example.com", "a\U0001F600b@example.com" },
		{ "utf-8; pel\u00e9@example.com", "pel\u00e9@example.com" },
		{ "utf-8; a\\x{D800}@example.com", "a\\x{D800}@example.com" },
		{ "utf-8; a\\x{110000}@example.com", "a\\x{110000}@example.com" },
		{ "utf-8; a\\x{0A}@example.com", "a\\x{0A}@example.com" },
		{ "utf-8; a\\x{E9@example.com", "a\\x{E9@example.com" },
		{ "utf-8; a\\x{}@example.com", "a\\x{}@example.com" },
		{ "utf-8; a\\x{E", "a\\x{E" },
		{ "rfc822; pel+C3+A9@example.com", "pel\u00e9@example.com" },
		{ "rfc822; user+2024@example.com", "user+2024@example.com" },
		{ "rfc822; a+C3@example.com", "a+C3@example.com" },
		{ "rfc822; a+c3+a9@example.com", "a+c3+a9@example.com" },
		{ "rfc822; a+C3+A9+C3", "a\u00e9+C3" },
		{ "rfc822; a@example.com", "a@example.com" },
		{ "rfc822; pel\\x{E9}@example.com", "pel\\x{E9}@example.com" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autofree char *got = bv_dsn_address (cases[i].value);
		g_assert_cmpstr (got, ==, cases[i].want);
	}
}

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

/* One status rule for every path (bv_dsn_upgrade_status()): a missing or
 * generic status takes the code the diagnostic quotes that says more. */
static void
test_upgrade_status (void)
{
	const struct {
		const char *status, *diag, *want, *want_reply;
	} cases[] = {
		/* A class alone gives way to any code of its class that says more. */
		{ "5.0.0", "550 5.7.1 Our system has detected that this message is likely spam", "5.7.1",
		  "550" },
		{ "4.0.0", "452 4.2.2 The email account that you tried to reach is over quota", "4.2.2",
		  "452" },
		/* The first quoted code that says more, not the first quoted. */
		{ "5.0.0", "554 5.0.0 Delivery failed: the server said 550 5.7.26 unauthenticated", "5.7.26",
		  "550" },
		/* Another class under a class alone keeps the report's class ... */
		{ "5.0.0", "550 4.2.0 odd", "5.2.0", "" },
		/* ... except the server's own temporary reply under a give-up. */
		{ "5.0.0", "451 4.7.1 Greylisted, try later", "4.7.1", "" },
		/* A generic detail gives way only to a code that names a cause. */
		{ "4.4.7", "retry timeout exceeded; last error: 452 4.2.2 mailbox over quota", "4.2.2",
		  "452" },
		{ "4.4.7", "retry timeout exceeded; last error: 421 4.4.2 connection dropped", "4.4.7", "" },
		{ "5.4.7", "Unable to deliver for 5 days; last error: 451 4.7.1 try later", "5.4.7", "" },
		/* A status that names a cause, or nothing quoted, stands. */
		{ "5.1.1", "550 5.7.1 policy", "5.1.1", "" },
		{ "5.0.0", "554 5.0.0 Service unavailable", "5.0.0", "" },
		{ "5.0.0", "552 Message exceeds the 550-byte limit", "5.0.0", "" },
		/* No status: the first quoted code that says more, else the first. */
		{ "", "554 5.0.0 rejected: 550 5.1.1 no such user", "5.1.1", "550" },
		{ "", "554 5.0.0 rejected", "5.0.0", "" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_test_message ("%s over %s", cases[i].status, cases[i].diag);
		g_autoptr (BvRecipient) r = bv_recipient_new ();
		bv_recipient_fill_empty (r);
		g_free (r->status);
		r->status = g_strdup (cases[i].status);
		g_free (r->diagnostic);
		r->diagnostic = g_strdup (cases[i].diag);
		bv_dsn_upgrade_status (r);
		g_assert_cmpstr (r->status, ==, cases[i].want);
		g_assert_cmpstr (r->reply_code, ==, cases[i].want_reply);
		/* Applied twice, the rule changes nothing more. */
		bv_dsn_upgrade_status (r);
		g_assert_cmpstr (r->status, ==, cases[i].want);
	}
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/dsn/two-recipients", test_two_recipients);
	g_test_add_func ("/dsn/address", test_address);
	g_test_add_func ("/dsn/missing-blank-lines", test_missing_blank_lines);
	g_test_add_func ("/dsn/status-comment", test_status_comment);
	g_test_add_func ("/dsn/status-comment-reason", test_status_comment_reason);
	g_test_add_func ("/dsn/garbage", test_garbage);
	g_test_add_func ("/dsn/strip-type", test_strip_type);
	g_test_add_func ("/dsn/diagnostic-type", test_diagnostic_type);
	g_test_add_func ("/dsn/action", test_action);
	g_test_add_func ("/dsn/upgrade-status", test_upgrade_status);
	return g_test_run ();
}
