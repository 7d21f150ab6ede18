/* test-reconcile.c: the rules that complete what the delivery-status part
 * says of a recipient with what the text says.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "parsers/reconcile.h"

static BvRecipient *
rcpt (const char *address, const char *status, const char *reply, const char *diagnostic)
{
	BvRecipient *r = bv_recipient_new ();
	r->recipient = g_strdup (address);
	r->action = g_strdup ("failed");
	r->status = g_strdup (status);
	r->reply_code = g_strdup (reply);
	r->diagnostic = g_strdup (diagnostic);
	bv_recipient_fill_empty (r);
	return r;
}

/* Missing fields come from the text; present ones stay. */
static void
test_complete_fills_gaps (void)
{
	g_autoptr (BvRecipient) r = rcpt ("a@example.com", "5.1.1", "", "");
	g_autoptr (BvRecipient) t = rcpt ("a@example.com", "5.2.2", "550", "550 5.1.1 no such user");
	bv_scrape_set (&t->command, "RCPT");
	bv_scrape_set (&t->remote_mta, "mx.example.com");
	bv_scrape_set (&t->diagnostic_type, "smtp");
	bv_scrape_complete (r, t);
	g_assert_cmpstr (r->status, ==, "5.1.1"); /* the report's own code stays */
	g_assert_cmpstr (r->reply_code, ==, "550");
	g_assert_cmpstr (r->diagnostic, ==, "550 5.1.1 no such user");
	g_assert_cmpstr (r->command, ==, "RCPT");
	g_assert_cmpstr (r->remote_mta, ==, "mx.example.com");
	g_assert_cmpstr (r->diagnostic_type, ==, "smtp");
}

/* A diagnostic with a reply code beats one without; one with a code is
 * kept against another with a code. */
static void
test_complete_diagnostic_choice (void)
{
	g_autoptr (BvRecipient) bare = rcpt ("a@example.com", "5.0.0", "", "mailbox unavailable");
	g_autoptr (BvRecipient) coded = rcpt ("a@example.com", "", "550", "550 5.1.1 mailbox unavailable");
	bv_scrape_complete (bare, coded);
	g_assert_cmpstr (bare->diagnostic, ==, "550 5.1.1 mailbox unavailable");
	/* The class the report gave is specified by the text's code. */
	g_assert_cmpstr (bare->status, ==, "5.1.1");

	g_autoptr (BvRecipient) own = rcpt ("b@example.com", "5.2.2", "552", "552 5.2.2 over quota");
	g_autoptr (BvRecipient) other = rcpt ("b@example.com", "", "550", "550 some other words");
	bv_scrape_complete (own, other);
	g_assert_cmpstr (own->diagnostic, ==, "552 5.2.2 over quota");
	g_assert_cmpstr (own->reply_code, ==, "552");
}

/* Applies @rule to a recipient with @status and @diagnostic and checks
 * the status it leaves. */
static void
check_status_rule_action (void (*rule) (BvRecipient *), const char *action, const char *status,
                          const char *diagnostic, const char *want)
{
	g_autoptr (BvRecipient) r = rcpt ("a@example.com", status, "", diagnostic);
	g_free (r->action);
	r->action = g_strdup (action);
	rule (r);
	g_assert_cmpstr (r->status, ==, want);
}

static void
check_status_rule (void (*rule) (BvRecipient *), const char *status, const char *diagnostic, const char *want)
{
	check_status_rule_action (rule, "failed", status, diagnostic, want);
}

/* A delayed recipient does not become permanent because the remote text
 * quotes a permanent code; a class code in the text never wins; a
 * specific status stays. */
static void
test_better_status (void)
{
	check_status_rule_action (bv_scrape_better_status, "delayed", "4.0.0", "552 5.2.2 mailbox full",
	                          "4.2.2");
	/* A sender that filed the server's permanent reply as temporary and
	 * gave up (chasquid's Status 4.0.0 for "Error saying hello: 504
	 * 5.5.2 ..."): the server's code as it wrote it, not a 4.5.2 nobody
	 * wrote. */
	check_status_rule (bv_scrape_better_status, "4.0.0", "504 5.5.2 need fully-qualified hostname",
	                   "5.5.2");
	check_status_rule (bv_scrape_better_status, "5.0.0", "554 5.0.0 Service unavailable", "5.0.0");
	check_status_rule (bv_scrape_better_status, "5.1.1", "550 5.7.1 policy", "5.1.1");
	check_status_rule (bv_scrape_better_status, "", "550 5.1.1 unknown", "5.1.1");
	/* A generic 5.0.0 over the server's own temporary reply (an MTA that
	 * gave up retrying) keeps the server's code. */
	check_status_rule (bv_scrape_better_status, "5.0.0", "450 4.2.0 <a@example.com>: greylisted",
	                   "4.2.0");
	check_status_rule (bv_scrape_better_status, "5.0.0", "550 4.2.0 odd", "5.2.0");
	check_status_rule (bv_scrape_better_status, "5.1.0", "450 4.2.0 greylisted", "5.1.0");
}

/* The remote server's code beats the reporting MTA's give-up code of the
 * same class; another class or a class code does not. */
static void
test_prefer_diag_status (void)
{
	check_status_rule (bv_scrape_prefer_diag_status, "4.4.7", "452 4.2.2 mailbox full", "4.2.2");
	check_status_rule (bv_scrape_prefer_diag_status, "4.4.7", "550 5.1.1 unknown", "4.4.7");
	check_status_rule (bv_scrape_prefer_diag_status, "5.1.1", "550 5.0.0 rejected", "5.1.1");
}

/* Recipients pair by address, case-insensitively; a lone one on each side
 * pairs whatever the addresses. */
static void
test_refine (void)
{
	g_autoptr (BvReport) report = bv_report_new ();
	g_ptr_array_add (report->recipients, rcpt ("A@Example.com", "5.0.0", "", ""));
	g_ptr_array_add (report->recipients, rcpt ("b@example.com", "5.0.0", "", ""));
	g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_recipient_free);
	g_ptr_array_add (found, rcpt ("b@example.com", "", "", "552 5.2.2 full"));
	g_ptr_array_add (found, rcpt ("a@example.com", "", "", "550 5.1.1 unknown"));
	bv_scrape_refine (report, 0, found);
	BvRecipient *a = report->recipients->pdata[0], *b = report->recipients->pdata[1];
	g_assert_cmpstr (a->diagnostic, ==, "550 5.1.1 unknown");
	g_assert_cmpstr (a->status, ==, "5.1.1");
	g_assert_cmpstr (b->status, ==, "5.2.2");

	g_autoptr (BvReport) lone = bv_report_new ();
	g_ptr_array_add (lone->recipients, rcpt ("x@example.com", "", "", ""));
	g_autoptr (GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_recipient_free);
	g_ptr_array_add (one, rcpt ("X <other@example.com>", "", "", "550 5.1.1 unknown"));
	bv_scrape_refine (lone, 0, one);
	g_assert_cmpstr (((BvRecipient *)lone->recipients->pdata[0])->diagnostic, ==, "550 5.1.1 unknown");
}

/* A recipient named twice with the same action is one failure. */
static void
test_fold (void)
{
	g_autoptr (BvReport) report = bv_report_new ();
	g_ptr_array_add (report->recipients, rcpt ("a@example.com", "", "", ""));
	g_ptr_array_add (report->recipients, rcpt ("b@example.com", "", "", "x"));
	g_ptr_array_add (report->recipients, rcpt ("A@example.com", "5.1.1", "550", "550 5.1.1 unknown"));
	bv_scrape_fold (report, 0);
	g_assert_cmpuint (report->recipients->len, ==, 2);
	BvRecipient *a = report->recipients->pdata[0];
	g_assert_cmpstr (a->status, ==, "5.1.1");
	g_assert_cmpstr (a->diagnostic, ==, "550 5.1.1 unknown");
	g_assert_nonnull (bv_scrape_find_recipient (report, 0, "B@EXAMPLE.COM"));
	g_assert_null (bv_scrape_find_recipient (report, 1, "a@example.com"));
}

/* A transcript's reply of another class than the recipient's own Status or
 * Action is not its word; a reply from another host is not either. */
static void
test_same_outcome_and_host (void)
{
	g_autoptr (BvRecipient) reply = rcpt ("", "", "550", "550 5.7.1 rejected as spam");
	bv_scrape_set (&reply->remote_mta, "mx.example.com");
	g_autoptr (BvRecipient) failed = rcpt ("a@example.com", "5.0.0", "", "");
	g_assert_true (bv_scrape_same_outcome (failed, reply));
	g_autoptr (BvRecipient) delayed = rcpt ("b@example.com", "4.4.1", "", "");
	bv_scrape_set (&delayed->action, "delayed");
	g_assert_false (bv_scrape_same_outcome (delayed, reply));
	/* A failure after the queue time ran out keeps its 4.4.7 and may
	 * quote any refusal. */
	g_autoptr (BvRecipient) expired = rcpt ("e@example.com", "4.4.7", "", "");
	g_assert_true (bv_scrape_same_outcome (expired, reply));
	g_autoptr (BvRecipient) expanded = rcpt ("c@example.com", "", "", "");
	bv_scrape_set (&expanded->action, "expanded (to multi-recipient alias)");
	g_assert_false (bv_scrape_same_outcome (expanded, reply));
	g_autoptr (BvRecipient) unknown = rcpt ("d@example.com", "", "", "");
	bv_scrape_set (&unknown->action, "");
	g_assert_true (bv_scrape_same_outcome (unknown, reply));
	/* With no Action, the Status's class decides. */
	g_autoptr (BvRecipient) success = rcpt ("f@example.com", "2.0.0", "", "");
	bv_scrape_set (&success->action, "");
	g_assert_false (bv_scrape_same_outcome (success, reply));

	g_assert_true (bv_scrape_same_host (failed, reply));
	bv_scrape_set (&failed->remote_mta, "MX.Example.COM.");
	g_assert_true (bv_scrape_same_host (failed, reply));
	bv_scrape_set (&failed->remote_mta, "mx.example.net");
	g_assert_false (bv_scrape_same_host (failed, reply));
	bv_scrape_set (&failed->remote_mta, "mx.example.co");
	g_assert_false (bv_scrape_same_host (failed, reply));
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/reconcile/complete-fills-gaps", test_complete_fills_gaps);
	g_test_add_func ("/reconcile/complete-diagnostic-choice", test_complete_diagnostic_choice);
	g_test_add_func ("/reconcile/better-status", test_better_status);
	g_test_add_func ("/reconcile/prefer-diag-status", test_prefer_diag_status);
	g_test_add_func ("/reconcile/refine", test_refine);
	g_test_add_func ("/reconcile/fold", test_fold);
	g_test_add_func ("/reconcile/same-outcome-and-host", test_same_outcome_and_host);
	return g_test_run ();
}
