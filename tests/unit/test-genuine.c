/* test-genuine.c: a report counts only if a mail system sent it (null
 * envelope sender or a mail system's From) and it names a recipient.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "parsers/bounce.h"

/* A minimal RFC 3464 report with the given header lines on top. */
static BvReport *
report_with (const char *headers)
{
	g_autofree char *msg = g_strdup_printf (
	        "%s"
	        "To: sender@example.org\n"
	        "Subject: Delivery Status Notification (Failure)\n"
	        "MIME-Version: 1.0\n"
	        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n"
	        "\n"
	        "--b1\n"
	        "Content-Type: text/plain\n"
	        "\n"
	        "Your message could not be delivered.\n"
	        "--b1\n"
	        "Content-Type: message/delivery-status\n"
	        "\n"
	        "Reporting-MTA: dns; mx.example.net\n"
	        "\n"
	        "Final-Recipient: rfc822; alice@example.com\n"
	        "Action: failed\n"
	        "Status: 5.1.1\n"
	        "Diagnostic-Code: smtp; 550 5.1.1 no such user\n"
	        "--b1--\n",
	        headers);
	return bv_report_parse (msg, strlen (msg));
}

static void
test_null_sender (void)
{
	const char *forms[] = { "Return-Path: <>\n", "Return-Path: < >\n", "Return-path:<>\n" };
	for (guint i = 0; i < G_N_ELEMENTS (forms); i++) {
		g_autofree char *h = g_strconcat (forms[i], "From: Delivery <robot@example.net>\n", NULL);
		g_autoptr (BvReport) r = report_with (h);
		g_assert_cmpint (r->kind, ==, BV_KIND_FAILED);
		g_assert_cmpstr (r->return_path, ==, "<>");
		g_assert_true (bv_report_is_from_mailer (r));
	}
}

static void
test_mailer_from (void)
{
	const char *froms[] = {
		"From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n",
		"From: mailer-daemon@googlemail.example.com\n",
		"From: Postmaster <POSTMASTER@example.com>\n",
		"From: MAILER-DAEMON\n",
		"From: <double-bounce@mx.example.net>\n",
	};
	for (guint i = 0; i < G_N_ELEMENTS (froms); i++) {
		g_autofree char *h = g_strconcat ("Return-Path: <bounces@example.net>\n", froms[i], NULL);
		g_autoptr (BvReport) r = report_with (h);
		g_assert_cmpstr (r->return_path, ==, "bounces@example.net");
		g_assert_true (bv_report_is_from_mailer (r));
	}
}

/* Report-shaped mail from an ordinary sender: a forgery, or someone's
 * test.  The display name and a local part that only starts with a mail
 * system's name do not make a mail system. */
static void
test_forged (void)
{
	const char *heads[] = {
		"Return-Path: <attacker@example.net>\nFrom: Mail Delivery Subsystem <attacker@example.net>\n",
		"Return-Path: <attacker@example.net>\nFrom: \"MAILER-DAEMON@example.com\" "
		"<attacker@example.net>\n",
		"Return-Path: <attacker@example.net>\nFrom: postmaster-noreply@example.net\n",
		"From: Someone <someone@example.net>\n",
	};
	for (guint i = 0; i < G_N_ELEMENTS (heads); i++) {
		g_autoptr (BvReport) r = report_with (heads[i]);
		g_assert_cmpint (r->kind, ==, BV_KIND_FAILED);
		g_assert_false (bv_report_is_from_mailer (r));
	}
	g_autoptr (BvReport) none = report_with ("From: Someone <someone@example.net>\n");
	g_assert_cmpstr (none->return_path, ==, "");
}

/* A null sender alone is not a report: an ordinary message with
 * Return-Path <> names no recipient. */
static void
test_no_recipient (void)
{
	const char *msg = "Return-Path: <>\n"
	                  "From: MAILER-DAEMON@mx.example.net\n"
	                  "Subject: hello\n"
	                  "\n"
	                  "Just a note.\n";
	g_autoptr (BvReport) r = bv_report_parse (msg, strlen (msg));
	g_assert_cmpstr (r->return_path, ==, "<>");
	g_assert_false (bv_report_is_from_mailer (r));
}

/* The report the forwards below attach: a Postfix-style failure for one
 * recipient. */
#define ATTACHED_REPORT                                                                 \
	"Return-Path: <>\n"                                                             \
	"From: MAILER-DAEMON@mx.example.org\n"                                          \
	"Subject: Undelivered Mail Returned to Sender\n"                                \
	"MIME-Version: 1.0\n"                                                           \
	"Content-Type: multipart/report; report-type=delivery-status; boundary=\"i\"\n" \
	"\n"                                                                            \
	"--i\n"                                                                         \
	"Content-Type: message/delivery-status\n"                                       \
	"\n"                                                                            \
	"Reporting-MTA: dns; mx.example.org\n"                                          \
	"\n"                                                                            \
	"Final-Recipient: rfc822; olaf@example.com\n"                                   \
	"Action: failed\n"                                                              \
	"Status: 5.1.1\n"                                                               \
	"--i--\n"

/* A report someone forwarded as an attachment is read, but it reached us
 * second-hand: the forward's own sender decides, not the report's. */
static void
test_forwarded_attachment (void)
{
	const char *msg = "From: Helpdesk <helpdesk@example.org>\n"
	                  "Subject: Fwd: Undelivered Mail Returned to Sender\n"
	                  "MIME-Version: 1.0\n"
	                  "Content-Type: multipart/mixed; boundary=\"o\"\n"
	                  "\n"
	                  "--o\n"
	                  "Content-Type: text/plain\n"
	                  "\n"
	                  "See below.\n"
	                  "--o\n"
	                  "Content-Type: message/rfc822\n"
	                  "\n" ATTACHED_REPORT "--o--\n";
	g_autoptr (BvReport) r = bv_report_parse (msg, strlen (msg));
	g_assert_cmpint (r->kind, ==, BV_KIND_FAILED);
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (r->return_path, ==, "");
	g_assert_false (bv_report_is_from_mailer (r));
}

/* A Postfix-style report wrapped in @levels forwards as attachments, each
 * a person's forward under a subject without a forward's or a bounce's
 * words (as when the subject is rewritten), so that only the attached
 * structure leads to the report. */
static char *
nested_forward (guint levels)
{
	GString *msg = g_string_new (ATTACHED_REPORT);
	for (guint i = 0; i < levels; i++) {
		g_autofree char *inner = g_string_free (msg, FALSE);
		msg = g_string_new (NULL);
		/* The outermost subject is one scan's triage passes; the inner
		 * ones say nothing. */
		g_string_append_printf (msg,
		                        "From: Person %u <p%u@example.org>\n"
		                        "Subject: %s\n"
		                        "MIME-Version: 1.0\n"
		                        "Content-Type: multipart/mixed; boundary=\"o%u\"\n"
		                        "\n"
		                        "--o%u\n"
		                        "Content-Type: text/plain\n"
		                        "\n"
		                        "Have a look.\n"
		                        "--o%u\n"
		                        "Content-Type: message/rfc822\n"
		                        "\n"
		                        "%s"
		                        "--o%u--\n",
		                        i, i, i + 1 == levels ? "Fwd: look" : "look", i, i, i, inner, i);
	}
	return g_string_free (msg, FALSE);
}

/* A forward of a forward of a report is read as the report, through every
 * level up to BV_ATTACHED_MAX_DEPTH (4), whether or not the levels' own
 * headers look like a bounce's; a fifth level is not followed. */
static void
test_forwarded_nested (void)
{
	for (guint levels = 1; levels <= 5; levels++) {
		g_autofree char *msg = nested_forward (levels);
		g_autoptr (BvReport) r = bv_report_parse (msg, strlen (msg));
		if (levels <= 4) {
			g_assert_cmpint (r->kind, ==, BV_KIND_FAILED);
			g_assert_cmpuint (r->recipients->len, ==, 1);
			BvRecipient *rc = r->recipients->pdata[0];
			g_assert_cmpstr (rc->recipient, ==, "olaf@example.com");
			g_assert_false (bv_report_is_from_mailer (r));
		} else {
			g_assert_cmpint (r->kind, ==, BV_KIND_NONE);
		}
	}
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	bv_init ();
	g_test_add_func ("/genuine/null-sender", test_null_sender);
	g_test_add_func ("/genuine/mailer-from", test_mailer_from);
	g_test_add_func ("/genuine/forged", test_forged);
	g_test_add_func ("/genuine/no-recipient", test_no_recipient);
	g_test_add_func ("/genuine/forwarded-attachment", test_forwarded_attachment);
	g_test_add_func ("/genuine/forwarded-nested", test_forwarded_nested);
	int rc = g_test_run ();
	bv_shutdown ();
	return rc;
}
