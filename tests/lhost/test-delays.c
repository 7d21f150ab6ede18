/* test-delays.c: delay notices ("still trying", Action: delayed) without
 * their delivery-status part, in each MTA's template and in other servers'
 * words, and failure reports that mention a delay (they stay failures).
 *
 * A notice reaches a reader without its delivery-status part when an MTA
 * writes none (Sendmail with SendMimeErrors off, older Exim), or when a
 * gateway or a list kept only the text.  The templates are the MTAs' own:
 * Postfix src/bounce/bounce_templates.c, Exim src/src/deliver.c
 * send_warning_message(), Sendmail sendmail/envelope.c and savemail.c,
 * Courier courier/module.dsn/dsndelayed.txt, OpenSMTPD
 * usr.sbin/smtpd/bounce.c; qmail sends no delay notice.  The full notices,
 * with their delivery-status parts, are in tests/mta/bounces/<mta>/delay-*.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "parsers/lhost.h"
#include "tests/lhost/lhost-test.h"

#define HEAD(subject)                                                  \
	"From: Mail Delivery System <MAILER-DAEMON@mta.example.org>\n" \
	"To: sender@example.org\n"                                     \
	"Subject: " subject "\n"                                       \
	"Date: Mon, 7 Dec 2026 10:00:00 +0000\n"                       \
	"\n"

/* The copy of the message a notice returns. */
#define COPY                                  \
	"Return-Path: <sender@example.org>\n" \
	"From: Sender <sender@example.org>\n" \
	"To: bob@example.net\n"               \
	"Subject: hello\n"                    \
	"\n"                                  \
	"hi\n"

/* Postfix's delay template, its text only (a gateway dropped the parts). */
static const char postfix_delay[] =
        HEAD ("Delayed Mail (still being retried)") "This is the mail system at host mta.example.org.\n"
                                                    "\n"
                                                    "###############################################"
                                                    "#####################\n"
                                                    "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO "
                                                    "RESEND YOUR MESSAGE. #\n"
                                                    "###############################################"
                                                    "#####################\n"
                                                    "\n"
                                                    "Your message could not be delivered for more "
                                                    "than 4 hour(s).\n"
                                                    "It will be retried until it is 5 day(s) old.\n"
                                                    "\n"
                                                    "                   The mail system\n"
                                                    "\n"
                                                    "<bob@example.net>: host mx.example.net[192.0.2.7] "
                                                    "said: 452 4.2.2\n"
                                                    "    <bob@example.net> Quota exceeded (mailbox for "
                                                    "user is full) (in reply to\n"
                                                    "    RCPT TO command)\n";

/* Exim's warning_message without its delivery-status part, another
 * delay ("24 hours") and a sender other than the recipient of the
 * warning ("A message sent by <...> has not yet been delivered"). */
static const char exim_delay[] = HEAD (
        "Warning: message 1abcDE-000123-AB delayed 24 hours") "This message was created automatically by "
                                                              "mail delivery software.\n"
                                                              "A message sent by\n"
                                                              "\n"
                                                              "  <sender@example.org>\n"
                                                              "\n"
                                                              "has not yet been delivered to one or more of "
                                                              "its recipients after more than \n"
                                                              "24 hours on the queue on mta.example.org.\n"
                                                              "\n"
                                                              "The message identifier is:     "
                                                              "1abcDE-000123-AB\n"
                                                              "\n"
                                                              "The address to which the message has not yet "
                                                              "been delivered is:\n"
                                                              "\n"
                                                              "  bob@example.net\n"
                                                              "    host mx.example.net [192.0.2.7]\n"
                                                              "    Delay reason: SMTP error from remote mail "
                                                              "server after RCPT TO:<bob@example.net>:\n"
                                                              "    451 4.7.1 Greylisting in action, please "
                                                              "come back in 00:05:00\n"
                                                              "\n"
                                                              "No action is required on your part. Delivery "
                                                              "attempts will continue for\n"
                                                              "some time, and this warning may be repeated "
                                                              "at intervals if the message\n"
                                                              "remains undelivered. Eventually the mail "
                                                              "delivery software will give up,\n"
                                                              "and when that happens, the message will be "
                                                              "returned to you.\n";

/* Sendmail with SendMimeErrors off: the warning in plain text. */
static const char sendmail_delay[] = HEAD (
        "Warning: could not send message for past 4 hours") "    "
                                                            "**********************************************\n"
                                                            "    **      THIS IS A WARNING MESSAGE ONLY      "
                                                            "**\n"
                                                            "    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  "
                                                            "**\n"
                                                            "    "
                                                            "**********************************************\n"
                                                            "\n"
                                                            "The original message was received at Mon, 7 Dec "
                                                            "2026 06:00:00 GMT\n"
                                                            "from localhost [127.0.0.1]\n"
                                                            "\n"
                                                            "   ----- Transcript of session follows -----\n"
                                                            "... while talking to mx.example.net.:\n"
                                                            ">>> DATA\n"
                                                            "<<< 451 4.7.1 Greylisting in action, please "
                                                            "come back in 00:05:00\n"
                                                            "<bob@example.net>... Deferred: 451 4.7.1 "
                                                            "Greylisting in action, please come back in "
                                                            "00:05:00\n"
                                                            "<<< 554 5.5.1 Error: no valid recipients\n"
                                                            "Warning: message still undelivered after 4 "
                                                            "hours\n"
                                                            "Will keep trying until message is 5 days old\n"
                                                            "\n"
                                                            "   ----- Original message follows -----\n"
                                                            "\n" COPY;

/* Another server's notice in its own words: no known subject, no known
 * template; "has not yet been delivered" and "will keep trying" say it. */
static const char paraphrase_delay[] = "From: postmaster@relay.example.com\n"
                                       "To: sender@example.org\n"
                                       "Subject: Delivery Notification: Delay\n"
                                       "\n"
                                       "Your message to bob@example.net has not yet been delivered.\n"
                                       "The server will keep trying to deliver it for 3 days.\n"
                                       "\n"
                                       "bob@example.net: 421 4.7.0 Sender rate exceeds 100 messages "
                                       "per 1h, try again later\n";

/* A failure report whose words mention a delay ("was delayed", "delayed
 * too long"): a final failure, not a warning. */
static const char failure_mentions_delay[] =
        HEAD ("Undelivered Mail Returned to Sender") "This is the mail system at host mta.example.org.\n"
                                                     "\n"
                                                     "I'm sorry to have to inform you that your message "
                                                     "could not\n"
                                                     "be delivered to one or more recipients. Delivery "
                                                     "was delayed\n"
                                                     "for five days and has now been given up.\n"
                                                     "\n"
                                                     "                   The mail system\n"
                                                     "\n"
                                                     "<bob@example.net>: host mx.example.net[192.0.2.7] "
                                                     "said: 550 5.1.1\n"
                                                     "    <bob@example.net>: Recipient address rejected: "
                                                     "User unknown (in\n"
                                                     "    reply to RCPT TO command)\n";

/* A Sendmail failure that returns a message whose own text is a delay
 * warning (a bounce of a warning): the warning's words are in the copy,
 * not in the report. */
static const char failure_returns_warning[] =
        HEAD ("Returned mail: see transcript for details") "The original message was received at Mon, 7 Dec "
                                                           "2026 06:00:00 GMT\n"
                                                           "from localhost [127.0.0.1]\n"
                                                           "\n"
                                                           "   ----- The following addresses had permanent "
                                                           "fatal errors -----\n"
                                                           "<bob@example.net>\n"
                                                           "\n"
                                                           "   ----- Transcript of session follows -----\n"
                                                           "... while talking to mx.example.net.:\n"
                                                           ">>> RCPT To:<bob@example.net>\n"
                                                           "<<< 550 5.1.1 <bob@example.net>... User unknown\n"
                                                           "550 5.1.1 <bob@example.net>... User unknown\n"
                                                           "\n"
                                                           "   ----- Original message follows -----\n"
                                                           "\n"
                                                           "Return-Path: <sender@example.org>\n"
                                                           "Subject: Warning: could not send message for "
                                                           "past 4 hours\n"
                                                           "\n"
                                                           "Your message has not yet been delivered. Will "
                                                           "keep trying until message is 5 days "
                                                           "old\n";

static BvRecipient *
only (BvReport *r)
{
	g_assert_cmpuint (r->recipients->len, ==, 1);
	return nth (r, 0);
}

static void
assert_delayed (const char *text, const char *recipient, const char *status, const char *cause)
{
	g_autoptr (BvReport) r = parse (text);
	BvRecipient *x = only (r);
	g_assert_cmpstr (x->recipient, ==, recipient);
	g_assert_cmpstr (x->action, ==, "delayed");
	g_assert_cmpint (bv_recipient_kind (r, x), ==, BV_KIND_DELAYED);
	g_assert_cmpint (r->kind, ==, BV_KIND_DELAYED);
	g_assert_cmpstr (x->status, ==, status);
	g_assert_cmpstr (bv_cause_id (x->cause), ==, cause);
	g_assert_false (x->hard);
}

static void
test_postfix (void)
{
	assert_delayed (postfix_delay, "bob@example.net", "4.2.2", "mailboxfull");
}

static void
test_exim (void)
{
	assert_delayed (exim_delay, "bob@example.net", "4.7.1", "blocked");
}

static void
test_sendmail (void)
{
	assert_delayed (sendmail_delay, "bob@example.net", "4.7.1", "blocked");
}

static void
test_paraphrase (void)
{
	assert_delayed (paraphrase_delay, "bob@example.net", "4.7.0", "speeding");
}

/* The templates' sentences refolded, in other case, with other times. */
static void
test_markers (void)
{
	g_assert_nonnull (bv_delay_notice ("Delayed Mail (still being retried)", ""));
	g_assert_nonnull (bv_delay_notice ("Warning: message 1abcDE-000123-AB delayed 30 minutes", ""));
	g_assert_nonnull (bv_delay_notice ("WARNING: could not send message for past 2 days", ""));
	g_assert_nonnull (bv_delay_notice ("WARNING: delayed mail.", ""));
	g_assert_nonnull (bv_delay_notice ("Delivery status notification: delayed", ""));
	g_assert_nonnull (bv_delay_notice ("", "Your message could not be delivered for more than 12\n"
	                                       "hour(s). It will be retried until it is 3 day(s) old."));
	g_assert_nonnull (bv_delay_notice ("",
	                                   "A message that you sent has not yet been delivered to one or\n"
	                                   "more of its recipients after more than 2 hours on the queue"));
	g_assert_nonnull (bv_delay_notice ("", "Warning: message still undelivered after 1 day"));
	g_assert_nonnull (bv_delay_notice ("", "                     DELAYS IN DELIVERING YOUR MESSAGE"));
	g_assert_nonnull (
	        bv_delay_notice ("", "    A message is delayed for more than 4 hours for the following\n"
	                             "    list of recipients:"));
	g_assert_nonnull (bv_delay_notice ("", "Your message has not been delivered yet; we will retry."));
	/* The warning in other languages, as sites and localized servers
	 * word it (a general-language paraphrase class, triage.c
	 * delay_texts), with words between the negation and the verb. */
	g_assert_nonnull (bv_delay_notice ("", "Ihre Nachricht konnte bisher noch nicht an alle\n"
	                                       "Empf\xc3\xa4nger zugestellt werden."));
	g_assert_nonnull (bv_delay_notice ("", "Die Nachricht wurde noch nicht zugestellt."));
	g_assert_nonnull (bv_delay_notice ("", "Die Mail ist noch nicht ausgeliefert worden."));
	g_assert_nonnull (bv_delay_notice ("", "Die Zustellung wird weiterhin versucht."));
	g_assert_nonnull (bv_delay_notice ("",
	                                   "Votre message n'a pas encore \xc3\xa9t\xc3\xa9 remis \xc3\xa0 "
	                                   "tous ses destinataires."));
	g_assert_nonnull (bv_delay_notice ("", "Le courriel n'a pas encore pu \xc3\xaatre livr\xc3\xa9."));
	g_assert_nonnull (bv_delay_notice ("", "AVIS : remise diff\xc3\xa9r\xc3\xa9"
	                                       "e de votre message"));
	g_assert_nonnull (bv_delay_notice ("", "Su mensaje a\xc3\xban no se ha entregado a todos los\n"
	                                       "destinatarios."));
	g_assert_nonnull (bv_delay_notice ("", "El correo todav\xc3\xad"
	                                       "a no ha sido entregado; se "
	                                       "seguir\xc3\xa1 intentando."));
	g_assert_nonnull (bv_delay_notice ("", "Il messaggio non \xc3\xa8 stato ancora consegnato."));
	g_assert_nonnull (
	        bv_delay_notice ("", "La mail non \xc3\xa8 ancora stata consegnata a un destinatario."));
	g_assert_nonnull (bv_delay_notice ("", "Uw bericht is nog niet afgeleverd bij de ontvanger."));
	g_assert_nonnull (bv_delay_notice ("", "Het bericht kon nog niet worden bezorgd."));
	g_assert_nonnull (bv_delay_notice ("", "A sua mensagem ainda n\xc3\xa3o foi entregue."));
	/* Near misses: a failure's words, a subject that only says warning,
	 * the template's words in the returned copy only. */
	g_assert_null (bv_delay_notice ("Undelivered Mail Returned to Sender",
	                                "Delivery was delayed for five days and has now been given up."));
	g_assert_null (bv_delay_notice ("Warning: message rejected", "Your message was rejected."));
	g_assert_null (bv_delay_notice ("Mail delivery failed",
	                                "Message could not be delivered for 5 days\n"
	                                "Return-Path: <a@example.org>\n"
	                                "\n"
	                                "Will keep trying until message is 5 days old"));
	/* A failure in other languages: not delivered, no retry; the
	 * negation and the verb in different sentences. */
	g_assert_null (bv_delay_notice ("", "Die Nachricht konnte nicht zugestellt werden. Die Zustellung "
	                                    "wird nicht weiter versucht."));
	g_assert_null (bv_delay_notice ("", "Votre message n'a pas pu \xc3\xaatre remis."));
	g_assert_null (bv_delay_notice ("", "Su mensaje no se ha entregado."));
	g_assert_null (bv_delay_notice ("", "Il messaggio non pu\xc3\xb2 essere consegnato."));
	g_assert_null (bv_delay_notice ("", "Het bericht is niet afgeleverd."));
	g_assert_null (bv_delay_notice ("", "Pas encore lu. Remis en main propre le 4 mai."));
	g_assert_null (bv_delay_notice (NULL, NULL));
}

static void
test_near_misses (void)
{
	g_autoptr (BvReport) a = parse (failure_mentions_delay);
	g_assert_cmpstr (only (a)->action, ==, "failed");
	g_assert_cmpint (a->kind, ==, BV_KIND_FAILED);
	g_assert_cmpstr (bv_cause_id (only (a)->cause), ==, "userunknown");
	g_autoptr (BvReport) b = parse (failure_returns_warning);
	g_assert_cmpstr (only (b)->recipient, ==, "bob@example.net");
	g_assert_cmpstr (only (b)->action, ==, "failed");
	g_assert_cmpint (b->kind, ==, BV_KIND_FAILED);
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	bv_init ();
	g_test_add_func ("/delays/postfix", test_postfix);
	g_test_add_func ("/delays/exim", test_exim);
	g_test_add_func ("/delays/sendmail", test_sendmail);
	g_test_add_func ("/delays/paraphrase", test_paraphrase);
	g_test_add_func ("/delays/markers", test_markers);
	g_test_add_func ("/delays/near-misses", test_near_misses);
	return run_lhost_tests ();
}
