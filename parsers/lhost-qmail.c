/* lhost-qmail.c: qmail and its clones (netqmail, vpopmail, the qmail-based
 * systems of large providers).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * qmail-send writes "Hi. This is the qmail-send program at H.", one
 * paragraph per recipient that opens with "<addr>:" and says what happened
 * ("192.0.2.1 does not like recipient.", "Remote host said: 550 ...",
 * "Sorry, no mailbox here by that name. (#5.1.1)"), then "--- Below this
 * line is a copy of the message." and the message itself.  Clones keep the
 * paragraphs and the marker lines but reword the greeting ("Your mail
 * message to the following address(es) could not be delivered."). */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* Marker lines before the inline copy of the original message. */
static const char *const copy_markers[] = {
	"--- Below this line is a copy of the message",
	"--- Enclosed is a copy of the message",
	"--- Enclosed are the original headers of the message",
	"--- Below the next line is a copy of the message",
	NULL,
};

static const char *const greetings[] = {
	"This is the qmail-send program at",
	"This is the vpopmail program",
	"I'm afraid I wasn't able to deliver your message to the following addresses",
	"Your mail message to the following address(es) could not be delivered",
	NULL,
};

static gboolean
qmail_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *start = NULL;
	for (const char *const *g = greetings; *g && start == NULL; g++)
		start = bv_text_find_ci (body, *g);
	if (start == NULL)
		return FALSE;
	const char *copy = NULL;
	for (const char *const *m = copy_markers; *m && copy == NULL; m++)
		copy = bv_scrape_find_line (start, *m);
	return bv_scrape_paragraphs (mail, report, start, copy) > 0;
}

const BvLhost bv_lhost_qmail = { "qmail", qmail_parse };
