/* test-scrape.c: the shared text helpers of the format parsers, and the
 * classic MTA parsers and the generic fallback on hand-written reports.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "parsers/bounce.h"
#include "parsers/scrape.h"

static void
test_lines (void)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, "one\n  two\n\nlast");
	g_assert_true (bv_lines_next (&it, &line));
	g_assert_cmpint (line.end - line.start, ==, 3);
	g_assert_true (bv_lines_next (&it, &line));
	g_assert_true (bv_line_indented (&line));
	g_assert_true (bv_line_starts (&line, "TWO"));
	g_assert_nonnull (bv_line_find (&line, "wo"));
	g_assert_null (bv_line_find (&line, "one"));
	g_assert_true (bv_lines_next (&it, &line));
	g_assert_true (bv_line_blank (&line));
	g_assert_true (bv_lines_next (&it, &line));
	g_assert_cmpint (line.end - line.start, ==, 4);
	g_assert_false (bv_lines_next (&it, &line));

	const char *text = "intro\n  ----- Transcript of session follows -----\nbody\n";
	const char *m = bv_scrape_find_line (text, "----- Transcript");
	g_assert_true (m == text + 6);
	g_assert_cmpstr (bv_scrape_next_line (m), ==, "body\n");
	g_assert_null (bv_scrape_find_line (text, "absent"));
}

static char *
address_of (const char *s, const char **rest)
{
	BvLine line = { s, s + strlen (s) };
	return bv_line_address (&line, rest);
}

static void
test_line_address (void)
{
	const char *rest = NULL;
	g_autofree char *a = address_of ("<Bob@Example.COM>: host said: 550 no", &rest);
	g_assert_cmpstr (a, ==, "Bob@example.com");
	g_assert_cmpstr (rest, ==, "host said: 550 no");
	g_autofree char *b = address_of ("  carol@example.org", NULL);
	g_assert_cmpstr (b, ==, "carol@example.org");
	g_autofree char *c = address_of ("<d@example.net> (expanded from <e@example.net>): gone", &rest);
	g_assert_cmpstr (c, ==, "d@example.net");
	g_assert_cmpstr (rest, ==, "gone");
	g_autofree char *d = address_of ("f@example.jp [User unknown]", &rest);
	g_assert_cmpstr (d, ==, "f@example.jp");
	g_assert_cmpstr (rest, ==, "[User unknown]");
	/* Prose that mentions an address is not an address line. */
	g_assert_null (address_of ("Please write to help@example.com today", NULL));
	g_assert_null (address_of ("<unterminated@example.com", NULL));
	g_assert_null (address_of ("no address here", NULL));
	g_assert_null (address_of ("", NULL));
}

static void
test_wide_punctuation (void)
{
	/* A CJK label with a full-width colon, a full-width full stop after
	 * the address, corner brackets and guillemets are not the address. */
	g_autofree char *a = bv_scrape_address ("\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba\xef\xbc\x9a"
	                                        "wang@Example.CN");
	g_assert_cmpstr (a, ==, "wang@example.cn");
	g_autofree char *b = bv_scrape_address ("\xe5\xae\x9b\xe5\x85\x88\xe3\x80\x8c"
	                                        "ito@example.jp\xe3\x80\x8d\xe3\x81\xb8\xe3\x80\x82");
	g_assert_cmpstr (b, ==, "ito@example.jp");
	g_autofree char *c = bv_scrape_address ("\xc2\xab\xc2\xa0marie@example.fr\xc2\xa0\xc2\xbb");
	g_assert_cmpstr (c, ==, "marie@example.fr");
	/* Letters of an internationalised address stay. */
	g_autofree char *d = bv_scrape_address ("<\xe7\x94\xa8\xe6\x88\xb7@example.cn>");
	g_assert_cmpstr (d, ==, "\xe7\x94\xa8\xe6\x88\xb7@example.cn");
	g_autofree char *e = address_of ("\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba\xef\xbc\x9a"
	                                 "wang@example.cn",
	                                 NULL);
	g_assert_cmpstr (e, ==, "wang@example.cn");
	g_assert_null (bv_scrape_address ("no address"));
}

static void
test_fold (void)
{
	g_autoptr (BvReport) r = bv_report_new ();
	BvRecipient *a = bv_scrape_add (r, "<x@example.com>");
	bv_scrape_set_diagnostic (a, "Unable to deliver message to <x@example.com>", -1);
	BvRecipient *b = bv_scrape_add (r, "y@example.com");
	bv_scrape_set_diagnostic (b, "550 5.1.1 unknown", -1);
	BvRecipient *c = bv_scrape_add (r, "X@example.com");
	bv_scrape_set_diagnostic (c, "550 5.7.1 virus found", -1);
	bv_scrape_set (&c->remote_mta, "mx.example.com");
	bv_scrape_fold (r, 0);
	g_assert_cmpuint (r->recipients->len, ==, 2);
	/* The first mention keeps its place and takes the text with codes. */
	g_assert_true (r->recipients->pdata[0] == a);
	g_assert_cmpstr (a->reply_code, ==, "550");
	g_assert_cmpstr (a->status, ==, "5.7.1");
	g_assert_cmpstr (a->diagnostic, ==, "550 5.7.1 virus found");
	g_assert_cmpstr (a->remote_mta, ==, "mx.example.com");
	g_assert_true (r->recipients->pdata[1] == b);
}

static void
test_labelled_reply (void)
{
	g_autoptr (BvRecipient) r = bv_scrape_recipient_new ("a@example.com");
	bv_scrape_set_diagnostic (r, "a@example.com, ERROR CODE :550 - 5.1.1 Invalid Address", -1);
	g_assert_cmpstr (r->reply_code, ==, "550");
	g_autoptr (BvRecipient) t = bv_scrape_recipient_new ("a@example.com");
	bv_scrape_set_diagnostic (t, "Delivery failed at 10:55:12, code=4.4.1", -1);
	g_assert_cmpstr (t->reply_code, ==, "");
	g_autoptr (BvRecipient) u = bv_scrape_recipient_new ("a@example.com");
	bv_scrape_set_diagnostic (u, "error code:5501", -1);
	g_assert_cmpstr (u->reply_code, ==, "");
}

static void
test_command (void)
{
	g_assert_cmpstr (bv_scrape_command ("said: 550 no (in reply to RCPT TO command)", -1), ==, "RCPT");
	g_assert_cmpstr (bv_scrape_command ("SMTP error from remote mail server after end of data:", -1), ==,
	                 "DATA");
	g_assert_cmpstr (bv_scrape_command ("error after MAIL FROM:<a@b> SIZE=1", -1), ==, "MAIL");
	g_assert_cmpstr (bv_scrape_command ("after initial connection: 554 go away", -1), ==, "CONN");
	g_assert_cmpstr (bv_scrape_command (">>> DATA\n<<< 550 no", -1), ==, "DATA");
	g_assert_cmpstr (bv_scrape_command ("did not like our final DATA:", -1), ==, "DATA");
	/* Other MTAs name the command of a pipelined group themselves. */
	g_assert_cmpstr (bv_scrape_command ("SMTP error from remote mail server after pipelined RCPT "
	                                    "TO:<a@example.com>: 550 5.1.1 unknown",
	                                    -1),
	                 ==, "RCPT");
	g_assert_cmpstr (bv_scrape_command ("host mx.example.com[192.0.2.1] said: 550 5.1.1 <a@example.com>: "
	                                    "User unknown (in reply to RCPT TO command)",
	                                    -1),
	                 ==, "RCPT");
	g_assert_cmpstr (bv_scrape_command ("Mailbox full", -1), ==, "");
	g_assert_cmpstr (bv_scrape_command (NULL, -1), ==, "");
	/* The length bounds the search. */
	g_assert_cmpstr (bv_scrape_command ("x in reply to RCPT TO", 5), ==, "");
}

static void
test_blocks (void)
{
	g_autoptr (BvReport) report = bv_report_new ();
	const char *text = "preface <not-this@example.com> in prose\n"
	                   "\n"
	                   "<a@example.com>: host mx[192.0.2.1] said: 550 5.1.1\n"
	                   "    unknown user (in reply to RCPT TO command)\n"
	                   "\n"
	                   "<b@example.com>: host mx said: 452 4.2.2 full (in reply to end of DATA\n"
	                   "    command)\n"
	                   "--- copy follows\n"
	                   "<c@example.com>: never read\n";
	static const char *const stops[] = { "--- ", NULL };
	const char *end = NULL;
	guint n = bv_scrape_blocks (report, text, stops,
	                            BV_BLOCKS_ANGLE | BV_BLOCKS_INDENTED | BV_BLOCKS_BLANK_ENDS, &end);
	g_assert_cmpuint (n, ==, 2);
	g_assert_true (g_str_has_prefix (end, "--- copy"));
	BvRecipient *a = report->recipients->pdata[0], *b = report->recipients->pdata[1];
	g_assert_cmpstr (a->recipient, ==, "a@example.com");
	g_assert_cmpstr (a->status, ==, "5.1.1");
	g_assert_cmpstr (a->reply_code, ==, "550");
	g_assert_cmpstr (a->command, ==, "RCPT");
	g_assert_cmpstr (a->diagnostic, ==,
	                 "host mx[192.0.2.1] said: 550 5.1.1 unknown user (in reply to RCPT TO command)");
	g_assert_cmpstr (b->status, ==, "4.2.2");
	g_assert_cmpstr (b->command, ==, "DATA");
}

static void
test_transcript (void)
{
	g_autoptr (BvReport) report = bv_report_new ();
	const char *text = "... while talking to mx.example.jp.:\n"
	                   ">>> RCPT To:<a@example.jp>\n"
	                   "<<< 550 5.1.1 <a@example.jp>... User unknown\n"
	                   "550 5.1.1 <a@example.jp>... User unknown\n"
	                   "554 <b@example.or.jp>... 550 Host unknown\n"
	                   ">>> QUIT\n"
	                   "<<< 421 4.7.0 mx.example.jp Error: too many errors\n"
	                   "-----  Unsent message follows -----\n"
	                   "550 <c@example.net>... never read\n";
	g_autoptr (BvRecipient) fallback = NULL;
	guint n = bv_scrape_transcript (report, text, &fallback);
	g_assert_cmpuint (n, ==, 2);
	BvRecipient *a = report->recipients->pdata[0], *b = report->recipients->pdata[1];
	g_assert_cmpstr (a->recipient, ==, "a@example.jp");
	g_assert_cmpstr (a->command, ==, "RCPT");
	g_assert_cmpstr (a->remote_mta, ==, "mx.example.jp");
	g_assert_cmpstr (a->diagnostic, ==, "550 5.1.1 <a@example.jp>... User unknown");
	/* No remote reply since the first address: the local verdict, which
	 * answered no command of the session above it. */
	g_assert_cmpstr (b->recipient, ==, "b@example.or.jp");
	g_assert_cmpstr (b->diagnostic, ==, "550 Host unknown");
	g_assert_cmpstr (b->reply_code, ==, "550");
	g_assert_cmpstr (b->command, ==, "");
	g_assert_cmpstr (b->remote_mta, ==, "");
	g_assert_nonnull (fallback);
	g_assert_cmpstr (fallback->reply_code, ==, "421");
	g_assert_cmpstr (fallback->status, ==, "4.7.0");
}

/* Sendmail logs only the last command it wrote (usersmtp.c, reply()); with
 * PIPELINING the replies to RCPT TO come under ">>> DATA", and only the last
 * reply of the group answered DATA (RFC 2920 3.1). */
static void
test_transcript_pipelined (void)
{
	const char *text = "... while talking to mx.example.net.:\n"
	                   ">>> DATA\n"
	                   "<<< 550-5.1.1 The account <a@example.net> does not exist. Please\n"
	                   "<<< 550 5.1.1 check the address\n"
	                   "550 5.1.1 a@example.net... User unknown\n"
	                   "<<< 552 5.2.2 <b@example.net>: user is over quota\n"
	                   "554 5.0.0 Service unavailable\n"
	                   "<<< 554 5.5.1 Error: no valid recipients\n";
	g_autoptr (BvReport) report = bv_report_new ();
	g_assert_cmpuint (bv_scrape_transcript (report, text, NULL), ==, 1);
	BvRecipient *a = report->recipients->pdata[0];
	g_assert_cmpstr (a->recipient, ==, "a@example.net");
	g_assert_cmpstr (a->command, ==, "RCPT");
	g_autoptr (BvReport) replies = bv_report_new ();
	g_assert_cmpuint (bv_scrape_transcript_replies (replies, text), ==, 3);
	BvRecipient *r0 = replies->recipients->pdata[0], *r1 = replies->recipients->pdata[1],
	            *r2 = replies->recipients->pdata[2];
	g_assert_cmpstr (r0->reply_code, ==, "550");
	g_assert_true (strstr (r0->diagnostic, "check the address") != NULL);
	g_assert_cmpstr (r0->command, ==, "RCPT");
	g_assert_cmpstr (r1->reply_code, ==, "552");
	g_assert_cmpstr (r1->command, ==, "RCPT");
	g_assert_cmpstr (r1->remote_mta, ==, "mx.example.net");
	g_assert_cmpstr (r2->reply_code, ==, "554");
	g_assert_cmpstr (r2->command, ==, "DATA");

	/* Near miss: one reply under ">>> DATA" answered DATA, also when
	 * Sendmail names the recipients after it. */
	g_autoptr (BvReport) one = bv_report_new ();
	bv_scrape_transcript (one,
	                      "... while talking to mx.example.net.:\n"
	                      ">>> DATA\n"
	                      "<<< 550 5.7.1 Message looks like spam\n"
	                      "554 5.0.0 c@example.net... Service unavailable\n",
	                      NULL);
	g_assert_cmpstr (((BvRecipient *)one->recipients->pdata[0])->command, ==, "DATA");

	/* A pipelined RCPT refused, then the end of data refused: the
	 * second recipient was named after the last reply. */
	g_autoptr (BvReport) two = bv_report_new ();
	bv_scrape_transcript (two,
	                      "... while talking to mx.example.net.:\n"
	                      ">>> DATA\n"
	                      "<<< 550 5.1.1 <d@example.net>... User unknown\n"
	                      "550 5.1.1 <d@example.net>... User unknown\n"
	                      "<<< 554 5.7.1 Message refused\n"
	                      "554 5.0.0 <e@example.net>... Service unavailable\n",
	                      NULL);
	g_assert_cmpuint (two->recipients->len, ==, 2);
	g_assert_cmpstr (((BvRecipient *)two->recipients->pdata[0])->command, ==, "RCPT");
	g_assert_cmpstr (((BvRecipient *)two->recipients->pdata[1])->command, ==, "DATA");
}

/* A reply logged before any command answered the greeting (usersmtp.c,
 * smtpinit() reads it before EHLO is written). */
static void
test_transcript_greeting (void)
{
	g_autoptr (BvReport) report = bv_report_new ();
	g_autoptr (BvRecipient) fallback = NULL;
	bv_scrape_transcript (
	        report,
	        "... while talking to [192.0.2.10]:\n"
	        "<<< 554 5.7.1 mx.example.net Service unavailable; client [192.0.2.25] blocked\n"
	        "554 5.0.0 Service unavailable\n",
	        &fallback);
	g_assert_nonnull (fallback);
	g_assert_cmpstr (fallback->command, ==, "CONN");
	g_assert_cmpstr (fallback->reply_code, ==, "554");
	/* Near miss: a reply after a logged command answered that command;
	 * a stale QUIT of an earlier connection is no command of this one. */
	g_autoptr (BvReport) helo = bv_report_new ();
	g_autoptr (BvRecipient) helo_fb = NULL;
	bv_scrape_transcript (helo,
	                      "... while talking to [192.0.2.10]:\n"
	                      ">>> HELO mta.example.org\n"
	                      "<<< 550 5.7.1 go away\n",
	                      &helo_fb);
	g_assert_cmpstr (helo_fb->command, ==, "HELO");
	g_autoptr (BvReport) quit = bv_report_new ();
	g_autoptr (BvRecipient) quit_fb = NULL;
	bv_scrape_transcript (quit,
	                      "... while talking to [192.0.2.11]:\n"
	                      ">>> QUIT\n"
	                      "<<< 421 4.3.2 try later\n",
	                      &quit_fb);
	g_assert_cmpstr (quit_fb->command, ==, "CONN");
}

static void
test_take_original (void)
{
	g_autoptr (BvMail) mail = bv_mail_new ("Subject: x\n\nbody\n", 17);
	bv_scrape_take_original (mail, "\n\nFrom: a@example.com\nTo: b@example.com\n\nHello\n");
	g_assert_cmpstr (mail->original->str, ==, "From: a@example.com\nTo: b@example.com\n");
	/* The first copy wins. */
	bv_scrape_take_original (mail, "From: other@example.com\n");
	g_assert_cmpstr (mail->original->str, ==, "From: a@example.com\nTo: b@example.com\n");
}

static BvReport *
parse (const char *text)
{
	return bv_report_parse (text, strlen (text));
}

static void
test_postfix_text_only (void)
{
	g_autoptr (BvReport) r = parse ("From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
	                                "To: alice@example.org\n"
	                                "Subject: Undelivered Mail Returned to Sender\n"
	                                "\n"
	                                "This is the mail system at host mx.example.org.\n"
	                                "\n"
	                                "                   The mail system\n"
	                                "\n"
	                                "<bob@example.com>: host mx.example.com[192.0.2.1] said: 550\n"
	                                "    5.1.1 <bob@example.com>: Recipient address rejected: User\n"
	                                "    unknown (in reply to RCPT TO command)\n");
	g_assert_cmpint (r->kind, ==, BV_KIND_FAILED);
	g_assert_cmpstr (r->mta, ==, "postfix");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	BvRecipient *b = r->recipients->pdata[0];
	g_assert_cmpstr (b->recipient, ==, "bob@example.com");
	g_assert_cmpstr (b->status, ==, "5.1.1");
	g_assert_cmpstr (b->reply_code, ==, "550");
	g_assert_cmpstr (b->command, ==, "RCPT");
}

static void
test_qmail_original (void)
{
	g_autoptr (BvReport) r = parse ("From: MAILER-DAEMON@mx.example.org\n"
	                                "To: alice@example.org\n"
	                                "Subject: failure notice\n"
	                                "\n"
	                                "Hi. This is the qmail-send program at mx.example.org.\n"
	                                "I'm afraid I wasn't able to deliver your message to the "
	                                "following addresses.\n"
	                                "\n"
	                                "<bob@example.com>:\n"
	                                "192.0.2.1 does not like recipient.\n"
	                                "Remote host said: 550 5.1.1 no such user\n"
	                                "Giving up on 192.0.2.1.\n"
	                                "\n"
	                                "--- Below this line is a copy of the message.\n"
	                                "\n"
	                                "From: alice@example.org\n"
	                                "To: bob@example.com\n"
	                                "Subject: lunch\n"
	                                "Message-ID: <m1@example.org>\n"
	                                "\n"
	                                "See you.\n");
	g_assert_cmpstr (r->mta, ==, "qmail");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	BvRecipient *b = r->recipients->pdata[0];
	g_assert_cmpstr (b->reply_code, ==, "550");
	g_assert_cmpstr (b->command, ==, "RCPT");
	g_assert_cmpstr (r->original.subject, ==, "lunch");
	g_assert_cmpstr (r->original.message_id, ==, "<m1@example.org>");
}

static void
test_exim_pipe (void)
{
	g_autoptr (BvReport) r =
	        parse ("From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n"
	               "Subject: Mail delivery failed: returning message to sender\n"
	               "\n"
	               "This message was created automatically by mail delivery software.\n"
	               "\n"
	               "A message that you sent could not be delivered to one or more of "
	               "its\nrecipients. This is a permanent error. The following "
	               "address(es) failed:\n"
	               "\n"
	               "  bob@example.com\n"
	               "    SMTP error from remote mail server after RCPT TO:<bob@example.com>:\n"
	               "    host mx.example.com [192.0.2.1]: 550 5.1.1 unknown user\n"
	               "  pipe to |/usr/bin/filter\n"
	               "    generated by carol@example.org\n"
	               "\n"
	               "------ This is a copy of the message, including all the headers.\n");
	g_assert_cmpstr (r->mta, ==, "exim");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	BvRecipient *b = r->recipients->pdata[0], *c = r->recipients->pdata[1];
	g_assert_cmpstr (b->recipient, ==, "bob@example.com");
	g_assert_cmpstr (b->command, ==, "RCPT");
	g_assert_cmpstr (b->remote_mta, ==, "mx.example.com");
	g_assert_cmpstr (b->reply_code, ==, "550");
	g_assert_cmpstr (c->recipient, ==, "carol@example.org");
}

/* A quoted local part with a blank is one address (RFC 5321 4.1.2), in
 * Exim's list and in X-Failed-Recipients, which finds the list when the
 * site wrote its own text (bounce_message_file). */
static void
test_exim_quoted (void)
{
	g_autoptr (BvReport) r =
	        parse ("Received: from mail by mx.example.org with local (Exim 4.96)\n"
	               "X-Failed-Recipients: \"ann lee\"@example.com, bob@example.com\n"
	               "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n"
	               "Subject: Unzustellbar\n"
	               "\n"
	               "Ihre Nachricht konnte nicht zugestellt werden:\n"
	               "\n"
	               "  \"ann lee\"@example.com\n"
	               "    SMTP error from remote mail server after RCPT TO:<\"ann lee\"@example.com>:\n"
	               "    host mx.example.com [192.0.2.1]: 550 5.1.1 unknown user\n"
	               "  bob@example.com\n"
	               "    host mx.example.com [192.0.2.1]: 552 5.2.2 mailbox full\n");
	static const char *const want[][2] = { { "\"ann lee\"@example.com", "550" },
		                               { "bob@example.com", "552" } };
	g_assert_cmpstr (r->mta, ==, "exim");
	g_assert_cmpuint (r->recipients->len, ==, G_N_ELEMENTS (want));
	for (guint i = 0; i < G_N_ELEMENTS (want); i++) {
		const BvRecipient *x = r->recipients->pdata[i];
		g_assert_cmpstr (x->recipient, ==, want[i][0]);
		g_assert_cmpstr (x->reply_code, ==, want[i][1]);
	}
}

static void
test_generic (void)
{
	g_autoptr (BvReport) r = parse ("From: postmaster@mail.example.net\n"
	                                "To: alice@example.org\n"
	                                "Subject: Returned mail\n"
	                                "\n"
	                                "Unable to deliver mail.\n"
	                                "User's mailbox is full: <bob@example.net>\n");
	g_assert_cmpint (r->kind, ==, BV_KIND_FAILED);
	g_assert_cmpstr (r->mta, ==, "generic");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (((BvRecipient *)r->recipients->pdata[0])->recipient, ==, "bob@example.net");

	/* A person replying about a bounce is not a report. */
	g_autoptr (BvReport) reply = parse ("From: Dave <dave@example.com>\n"
	                                    "To: alice@example.org\n"
	                                    "Subject: Re: Undelivered Mail Returned to Sender\n"
	                                    "\n"
	                                    "I got this: <bob@example.net>: user unknown. Any idea?\n");
	g_assert_cmpint (reply->kind, ==, BV_KIND_NONE);
	g_assert_cmpuint (reply->recipients->len, ==, 0);

	/* Nor is a daemon's mail that reports no failure. */
	g_autoptr (BvReport) notice = parse ("From: MAILER-DAEMON@mx.example.org\n"
	                                     "Subject: Weekly statistics\n"
	                                     "\n"
	                                     "All 1200 messages to bob@example.net were accepted.\n");
	g_assert_cmpint (notice->kind, ==, BV_KIND_NONE);
}

/* A message identifier has the form of an address, but a Message-ID or
 * In-Reply-To line of a quoted original (GroupWise's GWIA quotes it after
 * "Possibly truncated original message follows:", no marker the generic
 * parser knows) names no recipient. */
static void
test_generic_message_id (void)
{
	g_autoptr (BvReport) r = parse ("From: \"DOM.GWIA.GATEWAY\" <postmaster@gw.example.org>\n"
	                                "To: alice@example.org\n"
	                                "Subject: Message status - undeliverable\n"
	                                "\n"
	                                "The message that you sent was undeliverable to the following:\n"
	                                "\tbob@example.net (550 5.1.1 User unknown)\n"
	                                "\n"
	                                "Possibly truncated original message follows:\n"
	                                "\n"
	                                "Message-ID: <5A1B2C3D.DOM.PO1@gw.example.org>\n"
	                                "In-Reply-To: <thread-17@example.net>\n"
	                                "X-Original-Message-Id: <relay-5@example.net>\n"
	                                "From: Alice <alice@example.org>\n"
	                                "To: <bob@example.net>\n"
	                                "Subject: Lunch\n");
	g_assert_cmpstr (r->mta, ==, "generic");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	BvRecipient *bob = r->recipients->pdata[0];
	g_assert_cmpstr (bob->recipient, ==, "bob@example.net");
	g_assert_cmpstr (bob->reply_code, ==, "550");
}

/* Reports written in the users' language, with no code at all: the
 * address paragraph and the copy marker are found all the same. */
static void
test_generic_languages (void)
{
	static const struct {
		const char *text;
		const char *recipient;
		const char *diag_start;
	} cases[] = {
		{ "From: MAILER-DAEMON@mx.example.fr\n"
		  "To: shop@example.com\n"
		  "Subject: Message non remis\n"
		  "Content-Type: text/plain; charset=utf-8\n"
		  "\n"
		  "Votre message n'a pas pu \xc3\xaatre remis au destinataire suivant :\n"
		  "\n"
		  "  anne@example.fr\n"
		  "    Bo\xc3\xaete aux lettres pleine.\n"
		  "\n"
		  "  ------ Copie des en-t\xc3\xaates du message ------\n"
		  "From: Shop <shop@example.com>\n"
		  "To: other@example.net\n",
		  "anne@example.fr", "Bo\xc3\xaete" },
		{ "From: Mail Delivery System <mailer-daemon@mx.example.de>\n"
		  "To: office@example.com\n"
		  "Subject: Unzustellbar\n"
		  "Content-Type: text/plain; charset=utf-8\n"
		  "\n"
		  "Die Nachricht konnte nicht zugestellt werden an:\n"
		  "\n"
		  "<jan@example.de>\n"
		  "    Empf\xc3\xa4nger unbekannt.\n"
		  "\n"
		  "=== Kopie der Kopfzeilen ===\n"
		  "To: jan@example.de\n",
		  "jan@example.de", "Empf" },
		{ "From: postmaster@mx.example.es\n"
		  "To: ventas@example.com\n"
		  "Subject: Mensaje no entregado\n"
		  "\n"
		  "Su mensaje no se pudo entregar a luis@example.es: buz\xc3\xb3n lleno\n",
		  "luis@example.es", "Su mensaje" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autoptr (BvReport) r = parse (cases[i].text);
		g_assert_cmpint (r->kind, ==, BV_KIND_FAILED);
		g_assert_cmpuint (r->recipients->len, ==, 1);
		BvRecipient *x = r->recipients->pdata[0];
		g_assert_cmpstr (x->recipient, ==, cases[i].recipient);
		g_assert_true (g_str_has_prefix (x->diagnostic, cases[i].diag_start));
	}
}

static void
test_hostile (void)
{
	/* Markers with nothing after them, at the very end of the text. */
	static const char *const texts[] = {
		"From: MAILER-DAEMON@x\nSubject: failure notice\n\nHi. This is the qmail-send program at",
		"From: MAILER-DAEMON@x\nSubject: x\n\n   ----- Transcript of session follows -----",
		"From: Mail Delivery System <m@x>\nSubject: Mail delivery failed\n\n"
		"This message was created automatically by mail delivery software.\naddress(es) failed:",
		"From: MAILER-DAEMON@x\nSubject: x\n\nThis is the DragonFly Mail Agent\n"
		"There was an error delivering your mail to <",
		"From: MAILER-DAEMON@x\nSubject: Undelivered Mail Returned to Sender\n\n<\n<@>:\n<a@b",
		"From: postmaster@x\nSubject: Returned mail\n\nundeliverable\n@@@@ @ <@> a@",
	};
	for (gsize i = 0; i < G_N_ELEMENTS (texts); i++) {
		g_autoptr (BvReport) r = parse (texts[i]);
		g_assert_nonnull (r);
		for (guint k = 0; k < r->recipients->len; k++)
			g_assert_nonnull (((BvRecipient *)r->recipients->pdata[k])->diagnostic);
	}
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	bv_init ();
	g_test_add_func ("/scrape/lines", test_lines);
	g_test_add_func ("/scrape/line-address", test_line_address);
	g_test_add_func ("/scrape/wide-punctuation", test_wide_punctuation);
	g_test_add_func ("/scrape/fold", test_fold);
	g_test_add_func ("/scrape/labelled-reply", test_labelled_reply);
	g_test_add_func ("/scrape/command", test_command);
	g_test_add_func ("/scrape/blocks", test_blocks);
	g_test_add_func ("/scrape/transcript", test_transcript);
	g_test_add_func ("/scrape/transcript-pipelined", test_transcript_pipelined);
	g_test_add_func ("/scrape/transcript-greeting", test_transcript_greeting);
	g_test_add_func ("/scrape/take-original", test_take_original);
	g_test_add_func ("/classic/postfix-text-only", test_postfix_text_only);
	g_test_add_func ("/classic/qmail-original", test_qmail_original);
	g_test_add_func ("/classic/exim-pipe", test_exim_pipe);
	g_test_add_func ("/classic/exim-quoted", test_exim_quoted);
	g_test_add_func ("/classic/generic", test_generic);
	g_test_add_func ("/classic/generic-languages", test_generic_languages);
	g_test_add_func ("/classic/generic-message-id", test_generic_message_id);
	g_test_add_func ("/classic/hostile", test_hostile);
	int rc = g_test_run ();
	bv_shutdown ();
	return rc;
}
