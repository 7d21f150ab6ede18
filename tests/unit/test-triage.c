/* test-triage.c: telling possible reports from ordinary mail by the header.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triage runs before any parse: a report it turns away is lost, so these
 * are the header lines of real reports and automatic replies, in the
 * casing and places other servers write them, and ordinary mail that
 * must not cost a parse. */
#include <string.h>

#include "parsers/bounce.h"

static gboolean
triage (const char *headers)
{
	/* Exactly the header block and a body, without a NUL after the
	 * length handed over, as a mapped file gives it. */
	g_autofree char *text = g_strconcat (headers, "\nBody text.\n", NULL);
	gsize len = strlen (text);
	g_autofree char *copy = g_memdup2 (text, len);
	return bv_triage (copy, len);
}

static void
test_reports (void)
{
	const char *const reports[] = {
		/* The sender's names, in any case, anywhere in the field. */
		"From: MAILER-DAEMON@mx.example.org\nSubject: hello",
		"From: Mail Delivery Subsystem <mailer-daemon@example.net>\nSubject: x",
		"from: \"Mail Delivery System\" <MAILER-DAEMON@example.com>",
		"From: postmaster@example.jp",
		"FROM: <PostMaster@Example.COM>",
		"From: Microsoft Outlook <postmaster@outlook.example>",
		"Subject: x\nFrom: list-owner@lists.example.org",
		/* A folded From: the name on the continuation line. */
		"From:\n  Mail Delivery Subsystem <x@example.org>",
		/* Subjects of reports and automatic replies. */
		"From: alice@example.org\nSubject: Undelivered Mail Returned to Sender",
		"From: alice@example.org\nSubject: Delivery Status Notification (Failure)",
		"From: alice@example.org\nSUBJECT: UNDELIVERABLE: hello",
		"From: alice@example.org\nSubject: Warning: message 1abc delayed 24 hours",
		"From: alice@example.org\nSubject: Out of Office: meeting",
		"From: alice@example.org\nSubject: Automatische Antwort: Termin",
		"From: alice@example.org\nSubject: \xe9\x80\x80\xe4\xbf\xa1",
		"From: alice@example.org\nSubject: =?UTF-8?B?6YCA5L+h?=",
		/* A person forwarding a report as an attachment. */
		"From: alice@example.org\nSubject: Fwd: your message to bob",
		"From: Jan <jan@example.de>\nSubject: WG: Termin am Montag",
		"Subject:   fw: see below\r\nFrom: Bob <bob@example.net>\r\n",
		"From: Lea <lea@example.fr>\nSubject: TR: votre commande",
		/* A complaint report whose Content-Type a list's or a gateway's
		 * multipart/mixed wrapper replaced. */
		"From: x@example.com\nSubject: Email Feedback Report for IP 192.0.2.88\n"
		"Content-Type: multipart/mixed; boundary=x",
		/* A word at the very end of the line. */
		"From: alice@example.org\nSubject: your message was returned",
		/* The report's own content type, and the null sender. */
		"From: a@example.org\nContent-Type: multipart/report; report-type=delivery-status;",
		"Return-Path: <>\nFrom: a@example.org",
		/* Headers only automated mail carries, in any case. */
		"From: a@example.org\nAuto-Submitted: auto-replied",
		"From: a@example.org\nx-failed-recipients: bob@example.net",
		"From: a@example.org\nX-MS-Exchange-Message-Is-Ndr:",
		"From: a@example.org\nPrecedence: bulk",
		"From: a@example.org\nX-Autoreply: yes",
		"From: a@example.org\nx-vacation: on",
		/* Blank lines before the headers (an mbox conversion). */
		"\n\nFrom: MAILER-DAEMON@example.org",
		/* A message cut out of an mbox with the blank line before its
		 * "From " separator: the header block starts after both. */
		"\n\nFrom MAILER-DAEMON  Thu Apr 29 23:34:45 2015\nFrom: Mail Delivery System "
		"<MAILER-DAEMON@example.org>\nSubject: x",
		"From MAILER-DAEMON  Thu Apr 29 23:34:45 2015\r\nReturn-Path: <>\r\n",
	};
	for (gsize i = 0; i < G_N_ELEMENTS (reports); i++)
		if (!triage (reports[i]))
			g_error ("turned away: %s", reports[i]);
}

static void
test_ordinary_mail (void)
{
	const char *const ordinary[] = {
		"From: Alice <alice@example.org>\nTo: bob@example.net\nSubject: Lunch on Friday?",
		"From: bob@example.net\nSubject: Re: the quarterly numbers\n"
		"Content-Type: text/plain; charset=utf-8\nReturn-Path: <bob@example.net>",
		/* "X-Autoreply" must be the whole field name. */
		"From: carol@example.org\nX-Autoreplying-Plugin-Version: 2\nSubject: notes",
		/* A word of the lists in another field does not count. */
		"From: dave@example.org\nTo: postmaster@example.net\nSubject: question",
		/* The words after the header block do not count. */
		"From: erin@example.org\nSubject: hi\n\nMAILER-DAEMON delivery failed",
		/* Near misses of a forward's subject and of a feedback report. */
		"From: Bob <bob@example.net>\nSubject: Forwarding address for the move",
		"From: Bob <bob@example.net>\nSubject: Question about Fwd: in subjects",
		"From: Bob <bob@example.net>\nSubject: hello\nX-Note: Fwd: not the subject",
		"From: Ann <ann@example.org>\nSubject: Your feedback on the draft report",
		/* An mbox separator before ordinary mail. */
		"\n\nFrom sender@example.org Mon Dec  7 01:00:00 2026\nFrom: Bob <bob@example.net>\n"
		"Subject: hello",
	};
	for (gsize i = 0; i < G_N_ELEMENTS (ordinary); i++)
		if (triage (ordinary[i]))
			g_error ("taken for a report: %s", ordinary[i]);
}

static void
test_edges (void)
{
	g_assert_false (bv_triage (NULL, 0));
	g_assert_false (bv_triage ("", 0));
	/* A header line cut by the end of the data, with no NUL after it:
	 * nothing past the length is read (ASan checks this). */
	const char *cut = "Subject: Undeliv";
	g_autofree char *copy = g_memdup2 (cut, strlen (cut));
	g_assert_false (bv_triage (copy, strlen (cut)));
	/* The field name without its colon is not the field. */
	g_autofree char *name = g_memdup2 ("X-Failed-Recipients", 19);
	g_assert_false (bv_triage (name, 19));
	/* A word beyond the first 1023 bytes of one line is not looked at,
	 * but one within is, after a long run of other text. */
	g_autoptr (GString) longline = g_string_new ("From: ");
	/* 1,206 bytes before the word. */
	for (int i = 0; i < 120; i++)
		g_string_append (longline, "abcdefghi ");
	g_autoptr (GString) early = g_string_new ("From: mailer-daemon ");
	g_string_append (early, longline->str + 6);
	g_assert_true (triage (early->str));
	g_string_append (longline, "mailer-daemon");
	g_assert_false (triage (longline->str));
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/triage/reports", test_reports);
	g_test_add_func ("/triage/ordinary-mail", test_ordinary_mail);
	g_test_add_func ("/triage/edges", test_edges);
	return g_test_run ();
}
