/* test-oss.c: format parsers of open-source mail servers (Courier, ...)
 * on hand-written reports in each server's layout, with near misses.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tests/lhost/lhost-test.h"

/* A Courier delay notice (module.dsn/dsn.C): its delivery-status part has
 * neither a Diagnostic-Code nor a Remote-MTA, so the peer, the command and
 * the reply come from the block format_del_info() writes. */
static const char courier_delayed[] = "Return-Path: <>\n"
                                      "From: \"Courier mail server at mail.example.org\" <@>\n"
                                      "To: alice@example.org\n"
                                      "Subject: WARNING: delayed mail.\n"
                                      "Content-Type: multipart/report; report-type=delivery-status;\n"
                                      "    boundary=\"=_courier_1\"\n"
                                      "\n"
                                      "--=_courier_1\n"
                                      "Content-Type: text/plain; charset=\"utf-8\"\n"
                                      "\n"
                                      "This is a delivery status notification from mail.example.org,\n"
                                      "running the Courier mail server, version 1.4.1.\n"
                                      "\n"
                                      "                     DELAYS IN DELIVERING YOUR MESSAGE\n"
                                      "\n"
                                      "<bob@example.net>:\n"
                                      "     mx.example.net [192.0.2.7]:\n"
                                      " >>> MAIL FROM:<alice@example.org>\n"
                                      " <<< 250 2.1.0 Ok\n"
                                      " >>> RCPT TO:<bob@example.net>\n"
                                      " <<< 452-4.2.2 The mailbox is\n"
                                      " <<< 452 4.2.2 over quota\n"
                                      "\n"
                                      "<carol@example.com>:\n"
                                      " *** Connection refused\n"
                                      "\n"
                                      "--=_courier_1\n"
                                      "Content-Type: message/delivery-status\n"
                                      "\n"
                                      "Reporting-MTA: dns; mail.example.org\n"
                                      "\n"
                                      "Final-Recipient: rfc822; bob@example.net\n"
                                      "Action: delayed\n"
                                      "Status: 4.0.0\n"
                                      "\n"
                                      "Final-Recipient: rfc822; carol@example.com\n"
                                      "Action: delayed\n"
                                      "Status: 4.0.0\n"
                                      "\n"
                                      "--=_courier_1--\n";

static void
test_courier_delayed (void)
{
	g_autoptr (BvReport) r = parse (courier_delayed);
	g_assert_cmpstr (r->mta, ==, "courier");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->action, ==, "delayed");
	g_assert_cmpstr (nth (r, 0)->command, ==, "RCPT");
	g_assert_cmpstr (nth (r, 0)->remote_mta, ==, "mx.example.net [192.0.2.7]");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "452");
	g_assert_cmpstr (nth (r, 0)->status, ==, "4.2.2");
	/* The reply to MAIL FROM is not the recipient's: only the reply to the
	 * last command counts, all its lines. */
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "452 4.2.2 The mailbox is over quota");
	g_assert_cmpstr (nth (r, 1)->diagnostic, ==, "Connection refused");
	g_assert_cmpstr (nth (r, 1)->command, ==, "");
}

/* Courier's templates are configuration files that sites translate: the
 * boundary dsn.C makes and the blocks under each address still say it is
 * Courier's. */
static void
test_courier_translated (void)
{
	g_autoptr (BvReport) r = parse ("Return-Path: <>\n"
	                                "From: \"Serveur de courrier\" <@>\n"
	                                "To: alice@example.org\n"
	                                "Subject: AVIS : etat de distribution du courrier.\n"
	                                "Content-Type: multipart/report; report-type=delivery-status;\n"
	                                "    boundary=\"=_courier_0\"\n"
	                                "\n"
	                                "--=_courier_0\n"
	                                "Content-Type: text/plain; charset=\"utf-8\"\n"
	                                "\n"
	                                "Votre message n'a pas pu etre remis :\n"
	                                "\n"
	                                "<bob@example.net>:\n"
	                                "     mx.example.net [192.0.2.7]:\n"
	                                " >>> DATA\n"
	                                " <<< 554 5.7.1 Rejected as spam\n"
	                                "\n"
	                                "--=_courier_0--\n");
	g_assert_cmpstr (r->mta, ==, "courier");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->command, ==, "DATA");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "554");
	g_assert_cmpstr (nth (r, 0)->action, ==, "failed");
}

/* libesmtp.C logs the wait for the greeting as "(initial greeting)": a
 * refusal there is at the connection; an RSET sent after the refusal is
 * not what failed. */
static void
test_courier_greeting (void)
{
	g_autoptr (BvReport) r = parse ("Return-Path: <>\n"
	                                "From: \"Courier mail server at mail.example.org\" <@>\n"
	                                "To: alice@example.org\n"
	                                "Subject: NOTICE: mail delivery status.\n"
	                                "\n"
	                                "This is a delivery status notification from mail.example.org,\n"
	                                "running the Courier mail server, version 1.0.16.\n"
	                                "\n"
	                                "                           UNDELIVERABLE MAIL\n"
	                                "\n"
	                                "<bob@example.net>:\n"
	                                "     mx.example.net [192.0.2.7]:\n"
	                                " >>> (initial greeting)\n"
	                                " <<< 554 5.7.1 Service unavailable; client [192.0.2.25] blocked\n"
	                                " >>> RSET\n"
	                                "\n");
	g_assert_cmpstr (r->mta, ==, "courier");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->command, ==, "CONN");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "554");
}

/* A person's mail that happens to use such a boundary and to start a line
 * with an address is not a notice. */
static void
test_courier_near_miss (void)
{
	g_autoptr (BvReport) r = parse ("From: Carol <carol@example.com>\n"
	                                "To: alice@example.org\n"
	                                "Subject: addresses\n"
	                                "Content-Type: multipart/mixed; boundary=\"=_courier_0\"\n"
	                                "\n"
	                                "--=_courier_0\n"
	                                "Content-Type: text/plain\n"
	                                "\n"
	                                "<bob@example.net>:\n"
	                                " <<< 550 this is how the old notice looked\n"
	                                "\n"
	                                "--=_courier_0--\n");
	g_assert_cmpstr (r->mta, !=, "courier");
}

/* A translated Courier notice whose MIME structure a gateway rebuilt: the
 * boundary is no longer dsn.C's.  @prologue and @message_id are what is
 * left of Courier's own (or another's); @status the Status of its part. */
static char *
courier_rebuilt (const char *prologue, const char *message_id, const char *status)
{
	return g_strdup_printf ("Return-Path: <>\n"
	                        "From: \"Mailserver von mail.example.de\" <@>\n"
	                        "To: alice@example.de\n"
	                        "Subject: HINWEIS: Zustellstatus Ihrer Nachricht.\n"
	                        "Message-ID: %s\n"
	                        "Content-Type: multipart/report; report-type=delivery-status;\n"
	                        "    boundary=\"----=_Part_1_2.3\"\n"
	                        "\n"
	                        "%s"
	                        "------=_Part_1_2.3\n"
	                        "Content-Type: text/plain; charset=\"utf-8\"\n"
	                        "\n"
	                        "Ihre Nachricht konnte nicht zugestellt werden:\n"
	                        "\n"
	                        "<bob@example.net>:\n"
	                        "     mx.example.net [192.0.2.7]:\n"
	                        " >>> RCPT TO:<bob@example.net>\n"
	                        " <<< 550 5.1.1 <bob@example.net>: User unknown\n"
	                        "\n"
	                        "------=_Part_1_2.3\n"
	                        "Content-Type: message/delivery-status\n"
	                        "\n"
	                        "Reporting-MTA: dns; mail.example.de\n"
	                        "\n"
	                        "Final-Recipient: rfc822; bob@example.net\n"
	                        "Action: failed\n"
	                        "Status: %s\n"
	                        "Remote-MTA: dns; mx.example.net [192.0.2.7]\n"
	                        "Diagnostic-Code: smtp; 550 5.1.1 <bob@example.net>: User unknown\n"
	                        "\n"
	                        "------=_Part_1_2.3--\n",
	                        message_id, prologue, status);
}

#define COURIER_PROLOGUE                                                               \
	"This is a MIME-formatted message.  If you see this text it means that your\n" \
	"E-mail software does not support MIME-formatted messages.\n\n"
#define COURIER_ID "<courier.00000000675EA80C.0000A3F1@mail.example.de>"
#define OTHER_ID "<20261215100411.GW42@gw.example.de>"

/* What dsn.C and submit write in code stays when the templates are
 * translated and a gateway replaced the boundary: the MIME prologue
 * (rfc2045.h RFC2045MIMEMSG) or submit3.C's Message-ID, with a
 * delivery-status part of class codes alone, and the blocks under each
 * address.  Without them, or with a Status dsn.C never writes, it is not
 * Courier's (the delivery-status part is still read). */
static void
test_courier_rebuilt (void)
{
	static const struct {
		const char *prologue, *id, *status;
		gboolean courier;
	} cases[] = {
		{ COURIER_PROLOGUE, OTHER_ID, "5.0.0", TRUE },
		{ "", COURIER_ID, "5.0.0", TRUE },
		{ "", OTHER_ID, "5.0.0", FALSE },
		/* Another system's specific Status: submit gave its notice
		 * a Message-ID, that is all. */
		{ COURIER_PROLOGUE, COURIER_ID, "5.1.1", FALSE },
		/* Not submit3.C's form: no hexadecimal time and process id. */
		{ "", "<courier.admin@mail.example.de>", "5.0.0", FALSE },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autofree char *text = courier_rebuilt (cases[i].prologue, cases[i].id, cases[i].status);
		g_autoptr (BvReport) r = parse (text);
		g_test_message ("case %" G_GSIZE_FORMAT, i);
		g_assert_cmpuint (r->recipients->len, ==, 1);
		g_assert_cmpstr (nth (r, 0)->recipient, ==, "bob@example.net");
		g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.1");
		if (cases[i].courier) {
			g_assert_cmpstr (r->mta, ==, "courier");
			g_assert_cmpstr (nth (r, 0)->command, ==, "RCPT");
		} else {
			g_assert_cmpstr (r->mta, !=, "courier");
		}
	}
}

/* A person's mail written with Courier's webmail carries the same MIME
 * prologue, and may quote a notice's block: it is no notice. */
static void
test_courier_prologue_near_miss (void)
{
	g_autoptr (BvReport) r = parse ("From: Carol <carol@example.com>\n"
	                                "To: alice@example.org\n"
	                                "Subject: that error again\n"
	                                "Message-ID: <courier.00000000675EA80C.0000A3F1@example.com>\n"
	                                "Content-Type: multipart/mixed; boundary=\"b\"\n"
	                                "\n" COURIER_PROLOGUE "--b\n"
	                                "Content-Type: text/plain\n"
	                                "\n"
	                                "It said:\n"
	                                "\n"
	                                "<bob@example.net>:\n"
	                                "     mx.example.net [192.0.2.7]:\n"
	                                " >>> RCPT TO:<bob@example.net>\n"
	                                " <<< 550 5.1.1 User unknown\n"
	                                "\n"
	                                "--b--\n");
	g_assert_cmpint (r->kind, ==, BV_KIND_NONE);
}

/* chasquid (internal/queue/dsn.go): the error of each recipient, with the
 * server's reply quoted as Go quotes a string, read back as the server
 * wrote it; the stage "DATA closing" names the command. */
static const char chasquid[] =
        "From: Mail Delivery System <postmaster-dsn@mail.example.org>\n"
        "To: <alice@example.org>\n"
        "Subject: Mail delivery failed: returning message to sender\n"
        "Auto-Submitted: auto-replied\n"
        "\n"
        "Delivery of your message to the following recipient(s) failed permanently:\n"
        "\n"
        "  - bob@example.net\n"
        "  - carol@example.com\n"
        "\n"
        "\n"
        "Technical details:\n"
        "- \"bob@example.net\" (EMAIL) failed permanently with error:\n"
        "    MAIL+RCPT 550 \"5.1.1 No such\\n5.1.1 \\\"user\\\"\"\n"
        "- \"carol@example.com\" (EMAIL) failed repeatedly and timed out, last error:\n"
        "    all MXs returned transient failures (last: DATA closing 452 \"4.3.1 Disk full\")\n";

static void
test_chasquid_details (void)
{
	g_autoptr (BvReport) r = parse (chasquid);
	g_assert_cmpstr (r->mta, ==, "chasquid");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "MAIL+RCPT 550 5.1.1 No such 5.1.1 \"user\"");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.1");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "550");
	g_assert_cmpstr (nth (r, 0)->command, ==, "");
	g_assert_cmpstr (nth (r, 1)->diagnostic, ==,
	                 "all MXs returned transient failures (last: DATA closing 452 4.3.1 Disk full)");
	g_assert_cmpstr (nth (r, 1)->action, ==, "failed");
	g_assert_cmpstr (nth (r, 1)->reply_code, ==, "452");
}

/* A person quoting the first sentence is not chasquid. */
static void
test_chasquid_near_miss (void)
{
	g_autoptr (BvReport) r =
	        parse ("From: Carol <carol@example.com>\n"
	               "To: alice@example.org\n"
	               "Subject: that error\n"
	               "\n"
	               "Delivery of your message to the following recipient(s) failed permanently:\n"
	               "  - bob@example.net\n"
	               "What does it mean?\n");
	g_assert_cmpstr (r->mta, !=, "chasquid");
}

/* masqmail (tpl/failmsg.tpl, src/fail_msg.c, src/smtp_out.c
 * smtp_out_log_failure()): the remote reply after "Unexpected response
 * while connected to\nhost:" is the diagnostic, the host the remote MTA;
 * a lost connection ("Connection timed out while connected to\nhost.")
 * keeps masqmail's own sentence. */
static const char masqmail[] = "From: MAILER-DAEMON@gw.example.org\n"
                               "To: <alice@example.org>\n"
                               "Subject: Mail Delivery Failure Notice\n"
                               "\n"
                               "This message was sent to you by the mailer daemon (masqmail 0.3.6)\n"
                               "at gw.example.org.\n"
                               "\n"
                               "Sorry, but your mail could not be delivered to all recipients.\n"
                               "Delivery to the following recipients failed permanently and has been given\n"
                               "up:\n"
                               "\n"
                               "\t<bob@example.net>\n"
                               "\t<carol@example.net>\n"
                               "\n"
                               "This error message may give you a hint about what caused the\n"
                               "failure:\n"
                               "\n"
                               "Unexpected response while connected to\n"
                               "mx.example.net:\n"
                               "\t550-5.1.1 No such user here,\n"
                               "550 5.1.1 see the directory\n"
                               "\n"
                               "If you need help, write to <postmaster@gw.example.org>.\n";

static void
test_masqmail (void)
{
	g_autoptr (BvReport) r = parse (masqmail);
	g_assert_cmpstr (r->mta, ==, "masqmail");
	g_assert_cmpuint (r->recipients->len, ==, 2);
	for (guint i = 0; i < 2; i++) {
		g_assert_cmpstr (nth (r, i)->diagnostic, ==,
		                 "550 5.1.1 No such user here, see the directory");
		g_assert_cmpstr (nth (r, i)->remote_mta, ==, "mx.example.net");
		g_assert_cmpstr (nth (r, i)->reporting_mta, ==, "gw.example.org");
		g_assert_cmpstr (nth (r, i)->action, ==, "failed");
	}
	g_autoptr (BvReport) w = parse ("From: MAILER-DAEMON@gw.example.org\n"
	                                "To: <alice@example.org>\n"
	                                "Subject: Warning: could not yet send message\n"
	                                "\n"
	                                "This message was sent to you by the mailer daemon (masqmail 0.3.6)\n"
	                                "at gw.example.org.\n"
	                                "\n"
	                                "Delivery to the following recipients has been deferred:\n"
	                                "\n"
	                                "\t<dave@example.com>\n"
	                                "\n"
	                                "This error message may give you a hint about what caused the\n"
	                                "delay:\n"
	                                "\n"
	                                "Connection timed out while connected to\n"
	                                "mx2.example.com.\n"
	                                "\n");
	g_assert_cmpstr (w->mta, ==, "masqmail");
	g_assert_cmpuint (w->recipients->len, ==, 1);
	g_assert_cmpstr (nth (w, 0)->action, ==, "delayed");
	g_assert_cmpstr (nth (w, 0)->remote_mta, ==, "mx2.example.com");
	g_assert_cmpstr (nth (w, 0)->diagnostic, ==,
	                 "Connection timed out while connected to mx2.example.com.");
}

/* A person quoting masqmail's first sentence, with no list of recipients,
 * is not masqmail. */
static void
test_masqmail_near_miss (void)
{
	g_autoptr (BvReport) r = parse ("From: Carol <carol@example.com>\n"
	                                "To: alice@example.org\n"
	                                "Subject: odd mail\n"
	                                "\n"
	                                "I got one saying it was sent to you by the mailer daemon\n"
	                                "(masqmail 0.3.6). What is that?\n");
	g_assert_cmpstr (r->mta, !=, "masqmail");
}

/* Stalwart (crates/smtp/src/queue/dsn.rs): the lines of the text give the
 * command, the reply and the enhanced code; a Status that only repeats the
 * reply code's digits is dropped, a real one is kept. */
static const char stalwart[] =
        "From: \"Mail Delivery Subsystem\" <MAILER-DAEMON@mail.example.org>\n"
        "To: alice@example.org\n"
        "Subject: Failed to deliver message\n"
        "Content-Type: multipart/report; report-type=\"delivery-status\"; boundary=\"b\"\n"
        "\n"
        "--b\n"
        "Content-Type: text/plain\n"
        "\n"
        "Your message could not be delivered to the following recipients:\n"
        "\n"
        "<bob@example.net> (host 'mx.example.net' rejected command 'RCPT "
        "TO:<bob@example.net>' with code 554 (5.5.4) 'isn't allowed here')\n"
        "<carol@example.net> (host 'mx.example.net' rejected command 'DATA' with code 554 "
        "(5.7.1) 'spam')\n"
        "<dave@example.com> (TLS error from 'mx.example.com': certificate expired)\n"
        "\n"
        "--b\n"
        "Content-Type: message/delivery-status\n"
        "\n"
        "Reporting-MTA: dns;mail.example.org\n"
        "\n"
        "Final-Recipient: rfc822;bob@example.net\n"
        "Action: failed\n"
        "Status: 5.5.4\n"
        "Diagnostic-Code: smtp;554 isn't allowed here\n"
        "\n"
        "Final-Recipient: rfc822;carol@example.net\n"
        "Action: failed\n"
        "Status: 5.7.1\n"
        "Diagnostic-Code: smtp;554 spam\n"
        "\n"
        "Final-Recipient: rfc822;dave@example.com\n"
        "Action: failed\n"
        "Status: 5.0.0\n"
        "Remote-MTA: dns;mx.example.com\n"
        "\n"
        "--b--\n";

static void
test_stalwart_lines (void)
{
	g_autoptr (BvReport) r = parse (stalwart);
	g_assert_cmpstr (r->mta, ==, "stalwart");
	g_assert_cmpuint (r->recipients->len, ==, 3);
	g_assert_cmpstr (nth (r, 0)->command, ==, "RCPT");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "554");
	g_assert_true (nth (r, 0)->status_derived || nth (r, 0)->status[0] == '\0');
	g_assert_cmpstr (nth (r, 1)->command, ==, "DATA");
	g_assert_cmpstr (nth (r, 1)->status, ==, "5.7.1");
	g_assert_false (nth (r, 1)->status_derived);
	g_assert_cmpstr (nth (r, 2)->diagnostic, ==, "TLS error from 'mx.example.com': certificate expired");
	g_assert_cmpstr (nth (r, 2)->remote_mta, ==, "mx.example.com");
}

/* Another server's DSN whose status happens to repeat the reply code keeps
 * it: only Stalwart writes the digits for a missing code. */
static void
test_stalwart_near_miss (void)
{
	g_autoptr (BvReport) r =
	        parse ("From: MAILER-DAEMON@mail.example.org\n"
	               "To: alice@example.org\n"
	               "Subject: Undelivered Mail Returned to Sender\n"
	               "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n"
	               "\n"
	               "--b\n"
	               "Content-Type: text/plain\n"
	               "\n"
	               "Your message could not be delivered.\n"
	               "\n"
	               "--b\n"
	               "Content-Type: message/delivery-status\n"
	               "\n"
	               "Reporting-MTA: dns;mail.example.org\n"
	               "\n"
	               "Final-Recipient: rfc822;bob@example.net\n"
	               "Action: failed\n"
	               "Status: 5.5.4\n"
	               "Diagnostic-Code: smtp;554 5.5.4 Invalid command arguments\n"
	               "\n"
	               "--b--\n");
	g_assert_cmpstr (r->mta, !=, "stalwart");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.5.4");
}

/* Haraka (outbound/hmail.js): a failure Haraka decided itself has its
 * reply in the comment of the Status field and no Diagnostic-Code. */
static const char haraka[] = "Received: (Haraka 4121 invoked for bounce); Mon, 07 Dec 2026 10:15:02 +0000\n"
                             "From: MAILER-DAEMON@out.example.org\n"
                             "To: <alice@example.org>\n"
                             "Subject: failure notice\n"
                             "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n"
                             "\n"
                             "--b\n"
                             "Content-Type: text/plain\n"
                             "\n"
                             "Hallo. Ihre Nachricht konnte nicht zugestellt werden.\n"
                             "\n"
                             "Empfaenger: <bob@nomx.example.net>\n"
                             "\n"
                             "--b\n"
                             "Content-type: message/delivery-status\n"
                             "\n"
                             "Reporting-MTA: dns;out.example.org\n"
                             "\n"
                             "Final-Recipient: rfc822;bob@nomx.example.net\n"
                             "Action: failed\n"
                             "Status: 5.1.2 (550 No MX for nomx.example.net)\n"
                             "\n"
                             "--b--\n";

static void
test_haraka_status_comment (void)
{
	g_autoptr (BvReport) r = parse (haraka);
	g_assert_cmpstr (r->mta, ==, "haraka");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.2");
	g_assert_cmpstr (nth (r, 0)->reply_code, ==, "550");
	g_assert_cmpstr (nth (r, 0)->diagnostic, ==, "550 No MX for nomx.example.net");
}

/* The same DSN from a relay that is not Haraka: no Received line of
 * Haraka's, no greeting. */
static void
test_haraka_near_miss (void)
{
	const char *start = strstr (haraka, "From:");
	g_autoptr (BvReport) r = parse (start);
	g_assert_cmpstr (r->mta, !=, "haraka");
}

/* maddy (internal/dsn/dsn.go): its groups end with Final-Recipient, the
 * remote server is named in the text, not in a Remote-MTA field. */
static const char maddy[] =
        "Subject: Undelivered Mail Returned to Sender\n"
        "From: MAILER-DAEMON@mx.example.org\n"
        "To: alice@example.org\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n"
        "\n"
        "--b\n"
        "Content-Type: text/plain; charset=\"utf-8\"\n"
        "\n"
        "This is the mail delivery system at mx.example.org.\n"
        "\n"
        "Delivery to bob@example.net failed with error: SMTP error 550: mx.example.net said: "
        "No such user\n"
        "\n"
        "--b\n"
        "Content-Type: message/delivery-status\n"
        "\n"
        "X-Maddy-Sender: rfc822; alice@example.org\n"
        "Reporting-Mta: dns; mx.example.org\n"
        "\n"
        "Diagnostic-Code: smtp; 550 5.1.1 mx.example.net said: No such user\n"
        "Status: 5.1.1\n"
        "Action: failed\n"
        "Final-Recipient: rfc822; bob@example.net\n"
        "\n"
        "--b--\n";

static void
test_maddy_groups (void)
{
	g_autoptr (BvReport) r = parse (maddy);
	g_assert_cmpstr (r->mta, ==, "maddy");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "bob@example.net");
	g_assert_cmpstr (nth (r, 0)->remote_mta, ==, "mx.example.net");
	g_assert_cmpstr (nth (r, 0)->status, ==, "5.1.1");
}

/* Postal (app/models/bounce_message.rb): the recipient is the "Rcpt To:"
 * line, not the message id or the sender above it. */
static void
test_postal_rcpt_to (void)
{
	g_autoptr (BvReport) r = parse (
	        "From: Mail Delivery Service <support@example.com>\n"
	        "To: client@example.org\n"
	        "Subject: Mail Delivery Failed (Question)\n"
	        "\n"
	        "This is the mail delivery service responsible for delivering mail to support@example.com.\n"
	        "\n"
	        "The message you've sent cannot be delivered. Your original message is attached to this "
	        "message.\n"
	        "\n"
	        "Message Token: abc@def\n"
	        "Orginal Message ID: <q-1@example.org>\n"
	        "Mail from: client@example.org\n"
	        "Rcpt To: support@example.com\n");
	g_assert_cmpstr (r->mta, ==, "postal");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	g_assert_cmpstr (nth (r, 0)->recipient, ==, "support@example.com");
	g_assert_cmpstr (nth (r, 0)->action, ==, "failed");
}

static const LhostExpected courier_delayed_expected[] = {
	{ "bob@example.net", "4.2.2", "452", "RCPT" },
	{ "carol@example.com", "4.0.0", "", "" },
	{ NULL, NULL, NULL, NULL },
};

static const LhostExpected chasquid_expected[] = {
	{ "bob@example.net", "5.1.1", "550", "" },
	{ "carol@example.com", "4.3.1", "452", "DATA" },
	{ NULL, NULL, NULL, NULL },
};

static const LhostExpected stalwart_expected[] = {
	{ "bob@example.net", "", "554", "RCPT" },
	{ "carol@example.net", "5.7.1", "554", "DATA" },
	{ "dave@example.com", "5.0.0", "", "" },
	{ NULL, NULL, NULL, NULL },
};

static const LhostExpected haraka_expected[] = {
	{ "bob@nomx.example.net", "5.1.2", "550", "" },
	{ NULL, NULL, NULL, NULL },
};

static const LhostExpected maddy_expected[] = {
	{ "bob@example.net", "5.1.1", "550", "" },
	{ NULL, NULL, NULL, NULL },
};

static const LhostExpected masqmail_expected[] = {
	{ "bob@example.net", "5.1.1", "550", "" },
	{ "carol@example.net", "5.1.1", "550", "" },
	{ NULL, NULL, NULL, NULL },
};

static const LhostSample samples[] = {
	{ courier_delayed, "courier", courier_delayed_expected },
	{ chasquid, "chasquid", chasquid_expected },
	{ stalwart, "stalwart", stalwart_expected },
	{ haraka, "haraka", haraka_expected },
	{ maddy, "maddy", maddy_expected },
	{ masqmail, "masqmail", masqmail_expected },
};

static void
test_prefixes (void)
{
	assert_prefixes_parse (samples, G_N_ELEMENTS (samples), 7);
}

/* XMail (QueueUtils.cpp QueUtBuildErrorResponse): a person who pastes the
 * lines of an XMail notice into a message of their own sends neither the
 * notice's subject nor its X-MailerError field, and is no report. */
static void
test_xmail_near_miss (void)
{
	g_autoptr (BvReport) r =
	        parse ("From: Carol <carol@example.com>\n"
	               "To: helpdesk@example.org\n"
	               "Subject: odd message from our server\n"
	               "\n"
	               "Hi, this morning I got this, what does it mean?\n"
	               "\n"
	               "[<00>] XMail bounce: Rcpt=[bob@example.net];Error=[550 5.1.1 User unknown]\n"
	               "\n"
	               "[<01>] Error sending message [1768205645117.4410.mail] from [example.com].\n"
	               "\n"
	               "Thanks, Carol\n");
	g_assert_cmpstr (r->mta, !=, "xmail");
	g_assert_cmpuint (r->recipients->len, ==, 0);
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	bv_init ();
	g_test_add_func ("/oss/courier/delayed", test_courier_delayed);
	g_test_add_func ("/oss/courier/translated", test_courier_translated);
	g_test_add_func ("/oss/courier/greeting", test_courier_greeting);
	g_test_add_func ("/oss/courier/near-miss", test_courier_near_miss);
	g_test_add_func ("/oss/courier/rebuilt", test_courier_rebuilt);
	g_test_add_func ("/oss/courier/prologue-near-miss", test_courier_prologue_near_miss);
	g_test_add_func ("/oss/chasquid/details", test_chasquid_details);
	g_test_add_func ("/oss/chasquid/near-miss", test_chasquid_near_miss);
	g_test_add_func ("/oss/masqmail", test_masqmail);
	g_test_add_func ("/oss/masqmail/near-miss", test_masqmail_near_miss);
	g_test_add_func ("/oss/stalwart/lines", test_stalwart_lines);
	g_test_add_func ("/oss/stalwart/near-miss", test_stalwart_near_miss);
	g_test_add_func ("/oss/haraka/status-comment", test_haraka_status_comment);
	g_test_add_func ("/oss/haraka/near-miss", test_haraka_near_miss);
	g_test_add_func ("/oss/maddy/groups", test_maddy_groups);
	g_test_add_func ("/oss/postal/rcpt-to", test_postal_rcpt_to);
	g_test_add_func ("/oss/prefixes", test_prefixes);
	g_test_add_func ("/oss/xmail/near-miss", test_xmail_near_miss);
	return run_lhost_tests ();
}
