/* test-gateways.c: format parsers for mail gateways, Japanese carriers and
 * mailing-list managers, on hand-written reports in each system's layout.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tests/lhost/lhost-test.h"

static const char interscan[] = "From: \"InterScan MSS\" <postmaster@gw.example.net>\n"
                                "To: alice@example.org\n"
                                "Subject: Mail could not be delivered\n"
                                "MIME-Version: 1.0\n"
                                "Content-Type: text/plain\n"
                                "\n"
                                "Sent <<< RCPT TO:<bob@example.com>\n"
                                "Received >>> 550 5.1.1 <bob@example.com>... Mailbox does not exist\n"
                                "\n"
                                "Sent <<< RCPT TO:<carol@example.com>\n"
                                "Received >>> 452 4.2.2 <carol@example.com>... Over quota\n"
                                "\n"
                                "*****     End of message     *****\n";

static void
test_interscan_transcript (void)
{
	g_autoptr (BvReport) r = parse (interscan);
	g_assert_cmpstr (r->mta, ==, "trendmicro");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "bob@example.com");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.1");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "550");
	g_assert_cmpstr (nth (r, 0)->command, ==, "RCPT");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "550 5.1.1 <bob@example.com>... Mailbox does not exist");
	g_assert_cmpstr (nth (r, 1)->recipient, ==, "carol@example.com");
	g_assert_cmpstr (nth (r, 1)->reply_code, ==, "452");
}

/* Someone who answers a notice and quotes it is writing a letter. */
static void
test_interscan_quoted_in_reply (void)
{
	g_autoptr (BvReport) r = parse ("From: Alice <alice@example.org>\n"
	                                "To: helpdesk@example.net\n"
	                                "Subject: Re: Mail could not be delivered\n"
	                                "\n"
	                                "Why did I get this?\n"
	                                "\n"
	                                "> ****** Message from InterScan Messaging Security Suite ******\n"
	                                "> Reason: Unable to deliver message to <bob@example.com>.\n"
	                                "> Sent <<< RCPT TO:<bob@example.com>\n"
	                                "> Received >>> 550 5.1.1 unknown\n");
	g_assert_cmpstr (r->mta, !=, "trendmicro");
}

static void
test_mfilter_sections (void)
{
	g_autoptr (BvReport) r = parse ("From: POSTMASTER <postmaster@gw.example.net>\n"
	                                "Subject: failure notice\n"
	                                "X-Mailer: m-FILTER\n"
	                                "Content-Type: text/plain; charset=utf-8\n"
	                                "\n"
	                                "\xe9\x80\x81\xe4\xbf\xa1\xe3\x81\xab\xe5\xa4\xb1\xe6\x95\x97\n"
	                                "dave@example.com\n"
	                                "\n"
	                                "-------server message\n"
	                                "554 message refused by policy\n"
	                                "\n"
	                                "-------SMTP command\n"
	                                "DATA\n"
	                                "\n"
	                                "-------original message\n"
	                                "From: Alice <alice@example.org>\n"
	                                "To: dave@example.com\n"
	                                "Subject: Quarterly figures\n"
	                                "\n"
	                                "Body\n");
	g_assert_cmpstr (r->mta, ==, "mfilter");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "dave@example.com");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "554");
	g_assert_cmpstr (nth (r, 0)->command, ==, "DATA");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "554 message refused by policy");
	g_assert_cmpstr (r->original.subject, ==, "Quarterly figures");
}

static void
test_imail_lines (void)
{
	g_autoptr (BvReport) r = parse ("From: \"Postmaster\" <postmaster@mail.example.net>\n"
	                                "Subject: Undeliverable Mail\n"
	                                "X-Mailer: <SMTP32 v8.15>\n"
	                                "\n"
	                                "To: alice@example.org\n"
	                                "Unknown user: erin@example.com\n"
	                                "undeliverable to frank@example.com\n"
	                                "\n"
	                                "Body of message generated response:\n"
	                                "550-Rejected: listed at a\n"
	                                "550 block list\n"
	                                "\n"
	                                "Original message follows.\n"
	                                "\n"
	                                "From: alice@example.org\n"
	                                "Subject: Invoice 12\n"
	                                "\n"
	                                "text\n");
	g_assert_cmpstr (r->mta, ==, "imailserver");
	/* "To: alice@..." is a header line, not a failure. */
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "erin@example.com");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "Unknown user");
	g_assert_cmpstr (nth (r, 1)->recipient, ==, "frank@example.com");
	g_assert_cmpstr (nth (r, 1)->reply_code, ==, "550");
	g_assert_cmpstr (nth (r, 1)->diagnostic, ==, "550 Rejected: listed at a block list");
	g_assert_cmpstr (r->original.subject, ==, "Invoice 12");
}

static void
test_ezweb_rejected_and_expired (void)
{
	g_autoptr (BvReport) r = parse ("From: Postmaster@ezweb.ne.jp\n"
	                                "Subject: Mail System Error - Returned Mail\n"
	                                "Content-Type: text/plain; charset=utf-8\n"
	                                "\n"
	                                "Each of the following recipients was rejected by a remote\n"
	                                "mail server.\n"
	                                "\n"
	                                "    Recipient: <grace@ezweb.ne.jp>\n"
	                                "    >>> RCPT TO:<grace@ezweb.ne.jp>\n"
	                                "    <<< 550 <grace@ezweb.ne.jp>: User unknown\n"
	                                "\n"
	                                "<heidi@ezweb.ne.jp>\n");
	g_assert_cmpstr (r->mta, ==, "ezweb");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "grace@ezweb.ne.jp");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "550");
	g_assert_cmpstr (nth (r, 0)->command, ==, "RCPT");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "550 <grace@ezweb.ne.jp>: User unknown");
	/* No reply quoted: the notice's own explanation, unfolded. */
	g_assert_cmpstr (nth (r, 1)->recipient, ==, "heidi@ezweb.ne.jp");
	g_assert_cmpstr (nth (r, 1)->diagnostic, ==,
	                 "Each of the following recipients was rejected by a remote mail server.");
	g_assert_cmpstr (nth (r, 1)->reply_code, ==, "");
}

static void
test_mcafee_text_and_dsn (void)
{
	g_autoptr (BvReport) r = parse ("From: <postmaster@gw.example.net>\n"
	                                "Subject: Delivery Status\n"
	                                "X-NAI-Header: Modified by McAfee Email Gateway\n"
	                                "MIME-Version: 1.0\n"
	                                "Content-Type: multipart/mixed; boundary=\"b\"\n"
	                                "\n"
	                                "--b\n"
	                                "Content-Type: text/plain\n"
	                                "\n"
	                                "    --- The following addresses had delivery problems ---\n"
	                                "\n"
	                                "<ivan@example.com>   (ivan@example.com... Unknown mailbox)\n"
	                                "\n"
	                                "--b\n"
	                                "Content-Type: message/delivery-status\n"
	                                "\n"
	                                "Original-Recipient: <ivan@example.com>\n"
	                                "Action: failed\n"
	                                "Diagnostic-Code: smtp; 550 ivan@example.com... Unknown mailbox\n"
	                                "Remote-MTA: 192.0.2.25\n"
	                                "\n"
	                                "--b--\n");
	g_assert_cmpstr (r->mta, ==, "mcafee");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "ivan@example.com");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "550");
	g_assert_cmpstr (nth (r, 0)->remote_mta, ==, "192.0.2.25");
}

static void
test_fml_indented_original (void)
{
	g_autoptr (BvReport) r = parse ("From: cats-admin@lists.example.org\n"
	                                "Subject: Loop Alert: Duplicated Message-ID (cats ML)\n"
	                                "X-MLServer: fml [fml 4.0.3 release]\n"
	                                "\n"
	                                "Duplicated Message-ID in <cats@lists.example.org>.\n"
	                                "\n"
	                                "Original mail as follows:\n"
	                                "\n"
	                                "   From: <judy@example.com>\n"
	                                "   To: <cats@lists.example.org>\n"
	                                "   Subject: Kittens\n"
	                                "   \n"
	                                "   hello\n");
	g_assert_cmpstr (r->mta, ==, "fml");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "cats@lists.example.org");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "Duplicated Message-ID in <cats@lists.example.org>.");
	g_assert_cmpstr (r->original.subject, ==, "Kittens");
}

static void
test_james_details (void)
{
	g_autoptr (BvReport) r = parse ("From: postmaster@mail.example.net\n"
	                                "Subject: [BOUNCE] Meeting\n"
	                                "Message-ID: <1.2.JavaMail.james@mail.example.net>\n"
	                                "Content-Type: text/plain\n"
	                                "\n"
	                                "Error: Invalid user address\n"
	                                "\n"
	                                "Error message below:\n"
	                                "550 - Requested action not taken: no such user here\n"
	                                "\n"
	                                "Message details:\n"
	                                "  Subject: Meeting\n"
	                                "  MAIL FROM: alice@example.org\n"
	                                "  RCPT TO: kim@example.net, lee@example.net\n"
	                                "  From: alice@example.org\n");
	g_assert_cmpstr (r->mta, ==, "apachejames");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "kim@example.net");
	g_assert_cmpstr (nth (r, 1)->recipient, ==, "lee@example.net");
	g_assert_cmpstr (nth (r, 1)->reply_code, ==, "550");
	g_assert_cmpstr (r->original.subject, ==, "Meeting");
}

/* Without a bounce processor, RemoteDelivery's Bouncer writes its text
 * (remote/delivery/Bouncer.java explanationText()) and
 * JamesMailetContext.rawBounce() sends it as a plain reply: an address per
 * line, then "Remote mail server told me:" and the reply. */
static void
test_james_raw_bounce (void)
{
	g_autoptr (BvReport) r =
	        parse ("From: postmaster@mail.example.net\n"
	               "To: alice@example.org\n"
	               "Subject: Re: Meeting\n"
	               "Message-ID: replyTo-Mail1700000000000-1\n"
	               "In-Reply-To: <meeting-1@example.org>\n"
	               "Content-Type: text/plain\n"
	               "\n"
	               "Hi. This is the James mail server at mail.example.net.\n"
	               "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
	               "This is a permanent error; I've given up. Sorry it didn't work out. Below\n"
	               "I include the list of recipients and the reason why I was unable to deliver\n"
	               "your message.\n"
	               "\n"
	               "kim@example.net\n"
	               "lee@example.net\n"
	               "Remote mail server told me: 552 5.2.2 Mailbox full\n"
	               "\n");
	g_assert_cmpstr (r->mta, ==, "apachejames");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "kim@example.net");
	g_assert_cmpstr (nth (r, 1)->recipient, ==, "lee@example.net");
	g_assert_cmpstr (nth (r, 1)->status, ==, "5.2.2");
	g_assert_cmpstr (nth (r, 1)->reply_code, ==, "552");
	g_assert_cmpstr (nth (r, 1)->diagnostic, ==, "552 5.2.2 Mailbox full");
	g_assert_cmpstr (r->original.message_id, ==, "<meeting-1@example.org>");
	g_assert_cmpstr (r->original.subject, ==, "Meeting");
}

/* DSNBounce's text shares qmail-send's sentences; the greeting names James,
 * so the report is James's, not qmail's. */
static void
test_james_dsn (void)
{
	g_autoptr (BvReport) r =
	        parse ("From: postmaster@mail.example.net\n"
	               "To: alice@example.org\n"
	               "Subject: Meeting\n"
	               "MIME-Version: 1.0\n"
	               "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n"
	               "\n"
	               "--b\n"
	               "Content-Type: text/plain\n"
	               "\n"
	               "Hi. This is the James mail server at mail.example.net.\n"
	               "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
	               "\n"
	               "Failed recipient(s):\n"
	               "kim@example.net\n"
	               "\n"
	               "Error message:\n"
	               "Connection refused\n"
	               "\n"
	               "--b\n"
	               "Content-Type: message/delivery-status\n"
	               "\n"
	               "Reporting-MTA: dns; mail.example.net\n"
	               "\n"
	               "Final-Recipient: rfc822; kim@example.net\n"
	               "Action: failed\n"
	               "Status: Connection refused\n"
	               "\n"
	               "--b--\n");
	g_assert_cmpstr (r->mta, ==, "apachejames");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "kim@example.net");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "Connection refused");
}

static const char kddi[] = "From: no-reply@mail.example.dion.ne.jp\n"
                           "Subject: Mail\n"
                           "Content-Type: text/plain; charset=utf-8\n"
                           "\n"
                           "Your mail sent on: Mon, 1 Apr 2024 10:00:00 +0900\n"
                           "     Could not be delivered to: <mike@example.dion.ne.jp>\n"
                           "     As their mailbox is full.\n";

static void
test_kddi (void)
{
	g_autoptr (BvReport) r = parse (kddi);
	g_assert_cmpstr (r->mta, ==, "kddi");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "mike@example.dion.ne.jp");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "As their mailbox is full.");
}

/* Every prefix of every sample parses without a crash or a critical, and
 * gives only what its bytes say. */
static void
test_truncated (void)
{
	static const LhostExpected interscan_finds[] = {
		{ "bob@example.com", "5.1.1", "550", "RCPT" },
		{ "carol@example.com", "4.2.2", "452", "RCPT" },
		{ NULL },
	};
	static const LhostExpected kddi_finds[] = {
		{ "mike@example.dion.ne.jp", "5.2.2", "", "" },
		{ NULL },
	};
	const LhostSample samples[] = {
		{ interscan, "trendmicro", interscan_finds },
		{ kddi, "kddi", kddi_finds },
	};
	assert_prefixes_parse (samples, G_N_ELEMENTS (samples), 1);
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	bv_init ();
	g_test_add_func ("/gateways/interscan/transcript", test_interscan_transcript);
	g_test_add_func ("/gateways/interscan/quoted-in-reply", test_interscan_quoted_in_reply);
	g_test_add_func ("/gateways/mfilter/sections", test_mfilter_sections);
	g_test_add_func ("/gateways/imail/lines", test_imail_lines);
	g_test_add_func ("/gateways/ezweb/rejected-and-expired", test_ezweb_rejected_and_expired);
	g_test_add_func ("/gateways/mcafee/text-and-dsn", test_mcafee_text_and_dsn);
	g_test_add_func ("/gateways/fml/indented-original", test_fml_indented_original);
	g_test_add_func ("/gateways/james/details", test_james_details);
	g_test_add_func ("/gateways/james/raw-bounce", test_james_raw_bounce);
	g_test_add_func ("/gateways/james/dsn", test_james_dsn);
	g_test_add_func ("/gateways/kddi", test_kddi);
	g_test_add_func ("/gateways/truncated", test_truncated);
	return run_lhost_tests ();
}
