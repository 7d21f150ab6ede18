/* test-providers.c: the format parsers of the big providers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test is a small report written for the test in the provider's
 * format (not a copy of a real one) and checks what a user reads off the
 * scan: who failed, the codes, the server's words and the SMTP command. */
#include <string.h>

#include "tests/lhost/lhost-test.h"

static const char gmail_delay[] =
        "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
        "To: sender@gmail.example\n"
        "Subject: Delivery Status Notification (Delay)\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "\n"
        "This is an automatically generated Delivery Status Notification\n"
        "\n"
        "Delivery to the following recipient has been delayed:\n"
        "\n"
        "     box@full.example\n"
        "\n"
        "Message will be retried for 2 more day(s)\n"
        "\n"
        "Technical details of temporary failure:\n"
        "Google tried to deliver your message, but it was rejected by the recipient\n"
        "domain. The error that the other server returned was: 452 452 4.2.2\n"
        "<box@full.example>... Mailbox Full (state 14).\n"
        "\n"
        "----- Original message -----\n"
        "\n"
        "Message-ID: <m1@gmail.example>\n"
        "Subject: Hello\n"
        "\n"
        "hi\n";

static void
test_gmail_legacy (void)
{
	g_autoptr (BvReport) r = parse (gmail_delay);
	g_assert_cmpstr (r->mta, ==, "gmail");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	BvRecipient *a = nth (r, 0);
	g_assert_cmpstr (a->recipient, ==, "box@full.example");
	g_assert_cmpstr (a->action, ==, "delayed");
	/* The doubled reply code is written once; the state names the step. */
	g_assert_cmpstr (a->diagnostic, ==, "452 4.2.2 <box@full.example>... Mailbox Full (state 14).");
	g_assert_cmpstr (a->reply_code, ==, "452");
	g_assert_cmpstr (a->status, ==, "4.2.2");
	g_assert_cmpstr (a->command, ==, "RCPT");
	g_assert_cmpstr (r->original.message_id, ==, "<m1@gmail.example>");
}

static void
test_person_quoting_gmail (void)
{
	/* Someone forwards the bounce with a comment: not a report. */
	g_autofree char *fwd = g_strconcat ("From: Alice <alice@gmail.example>\n"
	                                    "Subject: Fwd: Delivery Status Notification\n"
	                                    "\n"
	                                    "Why did this bounce?\n\n",
	                                    strstr (gmail_delay, "Delivery to the following"), NULL);
	g_autoptr (BvReport) r = parse (fwd);
	g_assert_cmpstr (r->mta, !=, "gmail");
}

static void
test_yahoo_reply_with_colon (void)
{
	g_autoptr (BvReport) r =
	        parse ("From: MAILER-DAEMON@yahoo.example\n"
	               "X-YMailISG: abc\n"
	               "Subject: Failure Notice\n"
	               "\n"
	               "Sorry, we were unable to deliver your message to the following address.\n"
	               "\n"
	               "<nobody@example.org>:\n"
	               "550: 5.1.1 <nobody@example.org>: Recipient unknown [RCPT_TO]\n"
	               "\n"
	               "--- Below this line is a copy of the message.\n"
	               "\n"
	               "Subject: Hi\n");
	g_assert_cmpstr (r->mta, ==, "yahoo");
	BvRecipient *a = nth (r, 0);
	g_assert_cmpstr (a->recipient, ==, "nobody@example.org");
	g_assert_cmpstr (a->reply_code, ==, "550");
	g_assert_cmpstr (a->status, ==, "5.1.1");
	g_assert_cmpstr (a->command, ==, "RCPT");
	g_assert_cmpstr (r->original.subject, ==, "Hi");
}

static void
test_exchange2007_hash_marks (void)
{
	g_autoptr (BvReport) r = parse ("From: postmaster@corp.example\n"
	                                "Subject: Undeliverable: Hi\n"
	                                "X-MS-Exchange-Message-Is-Ndr:\n"
	                                "\n"
	                                "Delivery has failed to these recipients or distribution lists:\n"
	                                "\n"
	                                "Bob\n"
	                                "The recipient's e-mail address was not found.\n"
	                                "\n"
	                                "Diagnostic information for administrators:\n"
	                                "\n"
	                                "Generating server: ex1.corp.example\n"
	                                "\n"
	                                "bob@corp.example\n"
	                                "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n"
	                                "\n"
	                                "carol@corp.example\n"
	                                "Remote Server returned '552 5.2.2 STOREDRV.Deliver; mailbox full'\n"
	                                "\n"
	                                "Original message headers:\n"
	                                "\n"
	                                "Subject: Hi\n");
	g_assert_cmpstr (r->mta, ==, "exchange2007");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "bob@corp.example");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "550");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.1");
	g_assert_cmpstr (nth (r, 0)->reporting_mta, ==, "ex1.corp.example");
	g_assert_cmpstr (nth (r, 1)->diagnostic, ==, "552 5.2.2 STOREDRV.Deliver; mailbox full");
	g_assert_cmpstr (nth (r, 1)->reply_code, ==, "552");
	g_assert_cmpstr (r->original.subject, ==, "Hi");
}

/* A section in a language none of the title lists has (Korean, with the
 * full-width colon CJK text may use, and no Exchange header): found by its
 * shape, its generating and receiving servers by their order, its end by
 * the next heading. */
static void
test_exchange2007_untitled_language (void)
{
	g_autoptr (BvReport) r =
	        parse ("From: postmaster@corp.example\n"
	               "Subject: =?utf-8?B?7KCE64us?= Hi\n"
	               "\n"
	               "\xea\xb4\x80\xeb\xa6\xac\xec\x9e\x90\xeb\xa5\xbc \xec\x9c\x84\xed\x95\x9c "
	               "\xec\xa7\x84\xeb\x8b\xa8 \xec\xa0\x95\xeb\xb3\xb4\xef\xbc\x9a\n"
	               "\n"
	               "\xec\x83\x9d\xec\x84\xb1 \xec\x84\x9c\xeb\xb2\x84: ex1.corp.example\n"
	               "\xec\x88\x98\xec\x8b\xa0 \xec\x84\x9c\xeb\xb2\x84: mx.example.kr (192.0.2.7)\n"
	               "\n"
	               "kim@example.kr\n"
	               "Remote Server returned '550 5.1.1 <kim@example.kr>: user unknown'\n"
	               "\n"
	               "lee@example.kr\n"
	               "#552 5.2.2 mailbox full ##\n"
	               "\n"
	               "\xec\x9b\x90\xeb\xb3\xb8 \xeb\xa9\x94\xec\x8b\x9c\xec\xa7\x80 "
	               "\xed\x97\xa4\xeb\x8d\x94:\n"
	               "\n"
	               "Subject: Hi\n"
	               "\n"
	               "nobody@example.kr\n"
	               "#550 5.1.1 not a recipient of the report ##\n");
	g_assert_cmpstr (r->mta, ==, "exchange2007");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "kim@example.kr");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.1");
	g_assert_cmpstr (nth (r, 0)->reporting_mta, ==, "ex1.corp.example");
	g_assert_cmpstr (nth (r, 0)->remote_mta, ==, "mx.example.kr");
	g_assert_cmpstr (nth (r, 1)->recipient, ==, "lee@example.kr");
	g_assert_cmpstr (nth (r, 1)->reply_code, ==, "552");
	g_assert_cmpstr (r->original.subject, ==, "Hi");
}

/* The reply line under an address is not enough: without a heading above
 * them (a person quoting one line of a report in prose) no section is
 * found. */
static void
test_exchange2007_shape_needs_heading (void)
{
	g_autoptr (BvReport) r = parse ("From: bob@corp.example\n"
	                                "Subject: question\n"
	                                "\n"
	                                "Hello, my message to Kim came back with this, what does it mean\n"
	                                "kim@example.kr\n"
	                                "Remote Server returned '550 5.1.1 <kim@example.kr>: user unknown'\n"
	                                "\n"
	                                "Thanks, Bob\n");
	g_assert_cmpstr (r->mta, !=, "exchange2007");
}

static void
test_exchange2003_two_recipients (void)
{
	g_autoptr (BvReport) r = parse ("From: System Administrator <postmaster@old.example>\n"
	                                "Subject: Undeliverable: Hi\n"
	                                "X-Mailer: Internet Mail Service (5.5.2653.19)\n"
	                                "\n"
	                                "Your message\n"
	                                "\n"
	                                "  To:      a@old.example\n"
	                                "  Subject: Hi\n"
	                                "\n"
	                                "did not reach the following recipient(s):\n"
	                                "\n"
	                                "a@old.example on Mon, 1 Jan 2007 10:00:00 +0000\n"
	                                "    The recipient name is not recognized\n"
	                                "\tThe MTS-ID of the original message is: c=us;a= ;p=x\n"
	                                ";l=SERVER0000\n"
	                                "    MSEXCH:IMS:X:Y:Z 0 (000C05A6) Unknown Recipient\n"
	                                "b@old.example on Mon, 1 Jan 2007 10:00:00 +0000\n"
	                                "    The recipient name is not recognized\n");
	g_assert_cmpstr (r->mta, ==, "exchange2003");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "a@old.example");
	/* The MTS-ID bookkeeping is left out of the reason. */
	g_assert_cmpstr (
	        nth (r, 0)->diagnostic, ==,
	        "The recipient name is not recognized MSEXCH:IMS:X:Y:Z 0 (000C05A6) Unknown Recipient");
	g_assert_cmpstr (nth (r, 1)->recipient, ==, "b@old.example");
}

static const char ses_sns[] =
        "From: AWS Notifications <no-reply@sns.amazonaws.com>\n"
        "Subject: AWS Notification Message\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "\n"
        "{\n"
        "  \"Type\" : \"Notification\",\n"
        "  \"Message\" : \"{\\\"notificationType\\\":\\\"Bounce\\\",\\\"bounce\\\":{\\\"bounceType\\\":"
        "\\\"Permanent\\\",\\\"bouncedRecipients\\\":[{\\\"emailAddress\\\":\\\"gone@example.net\\\","
        "\\\"action\\\":\\\"failed\\\",\\\"status\\\":\\\"5.1.1\\\",\\\"diagnosticCode\\\":"
        "\\\"smtp; 550 5.1.1 user unknown\\\"},{\\\"emailAddress\\\":\\\"full@example.net\\\","
        "\\\"action\\\":\\\"failed\\\",\\\"status\\\":\\\"5.2.2\\\",\\\"diag!\n"
        " nosticCode\\\":\\\"smtp; 552 5.2.2 mailbox full\\\"}],\\\"reportingMTA\\\":"
        "\\\"dsn; a1.smtp-out.example.com\\\"}}\"\n"
        "}\n";

static void
test_ses_notification (void)
{
	g_autoptr (BvReport) r = parse (ses_sns);
	g_assert_cmpstr (r->mta, ==, "amazonses");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "gone@example.net");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.1");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "550");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "550 5.1.1 user unknown");
	g_assert_cmpstr (nth (r, 0)->reporting_mta, ==, "a1.smtp-out.example.com");
	/* A relay's "!" fold inside a key is undone. */
	g_assert_cmpstr (nth (r, 1)->recipient, ==, "full@example.net");
	g_assert_cmpstr (nth (r, 1)->diagnostic, ==, "552 5.2.2 mailbox full");
}

static void
test_ses_complaint (void)
{
	g_autoptr (BvReport) r =
	        parse ("From: no-reply@sns.amazonaws.com\n"
	               "Subject: AWS Notification Message\n"
	               "\n"
	               "{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":"
	               "[{\"emailAddress\":\"angry@example.com\"}],\"complaintFeedbackType\":"
	               "\"abuse\"}}\n");
	g_assert_cmpint (r->kind, ==, BV_KIND_FEEDBACK);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "angry@example.com");
}

static void
test_zoho_lines (void)
{
	g_autoptr (BvReport) r =
	        parse ("From: mailer-daemon@mail.zoho.example\n"
	               "X-ZohoMail: Si\n"
	               "Subject: Undelivered Mail Returned to Sender\n"
	               "\n"
	               "This message was created automatically by mail delivery software.\n"
	               "a@example.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <a@example.jp>"
	               "... User Unknown\n"
	               "b@example.jp Error, ERROR_CODE :421, ERROR_CODE :, Host not reachable.\n"
	               "Received:from mail.zoho.example\n"
	               "Subject:Hi\n");
	g_assert_cmpstr (r->mta, ==, "zoho");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "550 5.1.1 <a@example.jp>... User Unknown");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "550");
	g_assert_cmpstr (nth (r, 1)->diagnostic, ==, "421 Host not reachable.");
	g_assert_cmpstr (nth (r, 1)->reply_code, ==, "421");
	g_assert_cmpstr (r->original.subject, ==, "Hi");
}

static void
test_gmx_quoted_address (void)
{
	g_autoptr (BvReport) r = parse ("From: MAILER-DAEMON@mail.gmx.example\n"
	                                "Subject: Mail delivery failed: returning message to sender\n"
	                                "\n"
	                                "This message was created automatically by mail delivery software.\n"
	                                "\n"
	                                "A message that you sent could not be delivered to one or more of\n"
	                                "its recipients. This is a permanent error. The following address\n"
	                                "failed:\n"
	                                "\n"
	                                "\"who@example.org\":\n"
	                                "SMTP error from remote server after RCPT command:\n"
	                                "host: mx.example.org\n"
	                                "5.1.1 <who@example.org>... User Unknown\n"
	                                "\n"
	                                "--- The header of the original message is following. ---\n"
	                                "\n"
	                                "Subject: Hi\n");
	g_assert_cmpstr (r->mta, ==, "gmx");
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "who@example.org");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.1");
	g_assert_cmpstr (nth (r, 0)->command, ==, "RCPT");
}

/* Every prefix of a report parses without crashing or leaking. */
static void
test_truncated (void)
{
	static const LhostExpected gmail_finds[] = {
		{ "box@full.example", "4.2.2", "452", "RCPT" },
		{ NULL },
	};
	static const LhostExpected ses_finds[] = {
		{ "gone@example.net", "5.1.1", "550", "" },
		{ "full@example.net", "5.2.2", "552", "" },
		{ NULL },
	};
	const LhostSample samples[] = {
		{ gmail_delay, "gmail", gmail_finds },
		{ ses_sns, "amazonses", ses_finds },
	};
	assert_prefixes_parse (samples, G_N_ELEMENTS (samples), 7);
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	bv_init ();
	g_test_add_func ("/providers/gmail-legacy", test_gmail_legacy);
	g_test_add_func ("/providers/person-quoting-gmail", test_person_quoting_gmail);
	g_test_add_func ("/providers/yahoo-reply-with-colon", test_yahoo_reply_with_colon);
	g_test_add_func ("/providers/exchange2007-hash-marks", test_exchange2007_hash_marks);
	g_test_add_func ("/providers/exchange2007-untitled-language", test_exchange2007_untitled_language);
	g_test_add_func ("/providers/exchange2007-shape-needs-heading",
	                 test_exchange2007_shape_needs_heading);
	g_test_add_func ("/providers/exchange2003-two-recipients", test_exchange2003_two_recipients);
	g_test_add_func ("/providers/ses-notification", test_ses_notification);
	g_test_add_func ("/providers/ses-complaint", test_ses_complaint);
	g_test_add_func ("/providers/zoho-lines", test_zoho_lines);
	g_test_add_func ("/providers/gmx-quoted-address", test_gmx_quoted_address);
	g_test_add_func ("/providers/truncated", test_truncated);
	return run_lhost_tests ();
}
