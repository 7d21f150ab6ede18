/* test-formats.c: format parsers for hMailServer, MDaemon and Gmail's
 * notices without a delivery-status part, on hand-written reports in each
 * system's layout, with near misses another system writes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tests/lhost/lhost-test.h"

static const char hmailserver[] = "From: mailer-daemon@mail.example.org\n"
                                  "To: alice@example.org\n"
                                  "Subject: Message undeliverable: Figures\n"
                                  "\n"
                                  "Your message did not reach some or all of the intended recipients.\n"
                                  "\n"
                                  "   Sent: Mon, 07 Dec 2026 09:58:12 +0100\n"
                                  "   Subject: Figures\n"
                                  "\n"
                                  "The following recipient(s) could not be reached:\n"
                                  "\n"
                                  "bob@example.net\n"
                                  "   Error Type: SMTP\n"
                                  "   Remote server (192.0.2.25) issued an error.\n"
                                  "   hMailServer sent: DATA\n"
                                  "   Remote server replied: 554 5.7.1 Message rejected as spam\n"
                                  "\n"
                                  "carol@example.com\n"
                                  "   Error Type: SMTP\n"
                                  "   Connection to recipients server failed.\n"
                                  "   Error: None of the MX records for example.com could be resolved\n"
                                  "\n"
                                  "hMailServer\n";

static void
test_hmailserver_entries (void)
{
	g_autoptr (BvReport) r = parse (hmailserver);
	g_assert_cmpstr (r->mta, ==, "hmailserver");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "bob@example.net");
	g_assert_cmpstr (nth (r, 0)->command, ==, "DATA");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "554");
	g_assert_cmpstr (nth (r, 0)->remote_mta, ==, "192.0.2.25");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "554 5.7.1 Message rejected as spam");
	g_assert_cmpstr (nth (r, 1)->recipient, ==, "carol@example.com");
	g_assert_cmpstr (nth (r, 1)->command, ==, "");
	g_assert_nonnull (strstr (nth (r, 1)->diagnostic, "None of the MX records"));
}

/* The command is what hMailServer says it sent (SMTPClientConnection.cpp
 * logs its last write): "." ends the data, so the reply answered DATA;
 * the AUTH exchange's "<Password removed>" is no command of the set. */
static void
test_hmailserver_sent (void)
{
	static const struct {
		const char *sent;
		const char *command;
	} cases[] = {
		{ ".", "DATA" },
		{ "DATA", "DATA" },
		{ "MAIL FROM:<alice@example.org>", "MAIL" },
		{ "RCPT TO:<bob@example.net>", "RCPT" },
		{ "EHLO mail.example.org", "EHLO" },
		{ "HELO mail.example.org", "HELO" },
		{ "<Password removed>", "" },
		{ "STARTTLS", "" },
		{ "QUIT", "" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		/* The first entry of the notice above, with another line sent. */
		g_autoptr (GString) text = g_string_new (hmailserver);
		g_autofree char *line = g_strdup_printf ("hMailServer sent: %s\n", cases[i].sent);
		g_string_replace (text, "hMailServer sent: DATA\n", line, 1);
		g_autoptr (BvReport) r = parse (text->str);
		g_assert_cmpstr (r->mta, ==, "hmailserver");
		g_assert_cmpstr (nth (r, 0)->command, ==, cases[i].command);
	}
}

/* Exchange 5.5 to 2003 open with the same sentence; without hMailServer's
 * own lines the notice is not hMailServer's. */
static void
test_hmailserver_near_miss (void)
{
	g_autoptr (BvReport) r = parse ("From: System Administrator <postmaster@example.org>\n"
	                                "To: alice@example.org\n"
	                                "Subject: Undeliverable: Figures\n"
	                                "\n"
	                                "Your message did not reach some or all of the intended recipients.\n"
	                                "\n"
	                                "The following recipient(s) could not be reached:\n"
	                                "\n"
	                                "      bob@example.net on 12/7/2026 10:00 AM\n"
	                                "            The recipient name is not recognized\n");
	g_assert_cmpstr (r->mta, !=, "hmailserver");
}

static const char mdaemon[] = "From: \"MDaemon at example.org\" <MDaemon@example.org>\n"
                              "To: alice@example.org\n"
                              "Subject: Permanent Delivery Failure\n"
                              "X-MDDSN-Message: Yes\n"
                              "\n"
                              "The attached message had PERMANENT fatal delivery errors.\n"
                              "\n"
                              "--- Session Transcript ---\n"
                              " Mon 2026-12-07 11:22:04: *  To: bob@example.net\n"
                              " Mon 2026-12-07 11:22:04: *  To: carol@example.net\n"
                              " Mon 2026-12-07 11:22:05: --> MAIL From:<alice@example.org>\n"
                              " Mon 2026-12-07 11:22:05: <-- 250 2.1.0 Ok\n"
                              " Mon 2026-12-07 11:22:05: --> RCPT To:<bob@example.net>\n"
                              " Mon 2026-12-07 11:22:05: <-- 550-5.1.1 No such user\n"
                              " Mon 2026-12-07 11:22:05: <-- 550 5.1.1 here\n"
                              " Mon 2026-12-07 11:22:05: --> RCPT To:<carol@example.net>\n"
                              " Mon 2026-12-07 11:22:05: <-- 250 2.1.5 Ok\n"
                              "--- End Transcript ---\n";

static void
test_mdaemon_transcript (void)
{
	g_autoptr (BvReport) r = parse (mdaemon);
	g_assert_cmpstr (r->mta, ==, "mdaemon");
	/* The recipient the server accepted did not fail. */
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "bob@example.net");
	g_assert_cmpstr (nth (r, 0)->command, ==, "RCPT");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "550");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.1");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "550 5.1.1 No such user here");
}

/* A refusal after DATA concerns every recipient of the envelope. */
static void
test_mdaemon_data_refusal (void)
{
	g_autoptr (BvReport) r = parse ("From: MDaemon@example.org\n"
	                                "Subject: Permanent Delivery Failure\n"
	                                "\n"
	                                "MDaemon Delivery Status Notification\n"
	                                "--- Session Transcript ---\n"
	                                " Tue 2026-12-08 08:01:19: *  To: dave@example.com\n"
	                                " Tue 2026-12-08 08:01:19: --> DATA\n"
	                                " Tue 2026-12-08 08:01:30: <-- 554 5.7.1 Message rejected\n"
	                                "--- End Transcript ---\n");
	g_assert_cmpstr (r->mta, ==, "mdaemon");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "dave@example.com");
	g_assert_cmpstr (nth (r, 0)->command, ==, "DATA");
}

static void
test_gmail_headline (void)
{
	g_autoptr (BvReport) r = parse ("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
	                                "To: alice@example.org\n"
	                                "Subject: Delivery Status Notification (Delay)\n"
	                                "\n"
	                                "** Delivery incomplete **\n"
	                                "\n"
	                                "There was a temporary problem delivering your message to "
	                                "bob@example.net. Gmail will retry for 46 more hours.\n"
	                                "\n"
	                                "The response was:\n"
	                                "451 4.7.1 Greylisted, please try again later\n");
	g_assert_cmpstr (r->mta, ==, "gmail");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "bob@example.net");
	g_assert_cmpstr (nth (r, 0)->action, ==, "delayed");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "451");
}

/* A person who pastes Gmail's headline into a letter is not Gmail. */
static void
test_gmail_headline_near_miss (void)
{
	g_autoptr (BvReport) r = parse ("From: Carol <carol@example.com>\n"
	                                "To: alice@example.org\n"
	                                "Subject: your mail\n"
	                                "\n"
	                                "** Message blocked **\n"
	                                "\n"
	                                "Your message to bob@example.net has been blocked.\n");
	g_assert_cmpstr (r->mta, !=, "gmail");
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	bv_init ();
	g_test_add_func ("/formats/hmailserver/entries", test_hmailserver_entries);
	g_test_add_func ("/formats/hmailserver/sent", test_hmailserver_sent);
	g_test_add_func ("/formats/hmailserver/near-miss", test_hmailserver_near_miss);
	g_test_add_func ("/formats/mdaemon/transcript", test_mdaemon_transcript);
	g_test_add_func ("/formats/mdaemon/data-refusal", test_mdaemon_data_refusal);
	g_test_add_func ("/formats/gmail/headline", test_gmail_headline);
	g_test_add_func ("/formats/gmail/headline-near-miss", test_gmail_headline_near_miss);
	return run_lhost_tests ();
}
