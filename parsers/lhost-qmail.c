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

#include <string.h>

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

/* qmail-local runs a program of a .qmail file with its output going to
 * the report as it is (qmail-local.c mailprogram(): the program's stdout
 * and stderr), and tells qmail-send by its own exit whether the failure is
 * permanent (the program exited 100, or 64, 65, 70, 76, 77, 78, 112) or
 * temporary (any other status; qmail-command(8)).  Every sentence of
 * qmail's own programs ends in a "(#d.d.d)" code (qmail-local.c,
 * qmail-lspawn.c, qmail-remote.c), and a remote server's reply comes after
 * "Remote host said:" (type smtp): what has neither, in qmail-send's own
 * report, is a delivery program's output, the Diagnostic-Code type Postfix
 * and Sendmail call x-unix.  qmail-send's "I'm not going to try again;
 * this message has been in the queue too long." (qmail-send.c) follows a
 * temporary failure. */
static void
mark_program_output (BvRecipient *r)
{
	if (r->diagnostic[0] == '\0' || r->diagnostic_type[0] != '\0' || r->reply_code[0] != '\0' ||
	    r->remote_mta[0] != '\0' || r->status[0] != '\0' || strstr (r->diagnostic, "(#") != NULL)
		return;
	bv_scrape_set (&r->diagnostic_type, "x-unix");
}

/* qmail-remote names the host it talked to in its own sentences
 * (qmail-remote.c outhost(): "192.0.2.1 does not like recipient.",
 * "Connected to 192.0.2.1 but sender was rejected.", "192.0.2.1 failed
 * after I sent the message."): the remote MTA, when the report names no
 * other. */
static void
take_remote_host (BvRecipient *r)
{
	if (r->remote_mta[0] != '\0')
		return;
	static const char *const after[] = { " does not like recipient", " failed after I sent the message",
		                             NULL };
	const char *d = r->diagnostic;
	const char *host = NULL, *end = NULL;
	const char *c = bv_text_find_ci (d, "Connected to ");
	if (c != NULL) {
		host = c + strlen ("Connected to ");
		end = strstr (host, " but ");
	}
	for (const char *const *a = after; *a && end == NULL; a++) {
		const char *hit = bv_text_find_ci (d, *a);
		if (hit == NULL)
			continue;
		end = hit;
		host = hit;
		while (host > d && host[-1] != ' ')
			host--;
	}
	if (host == NULL || end == NULL || end <= host || end - host > 64)
		return;
	for (const char *p = host; p < end; p++)
		if (!g_ascii_isxdigit (*p) && *p != '.' && *p != ':')
			return;
	g_free (r->remote_mta);
	r->remote_mta = g_strndup (host, end - host);
}

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
	guint before = report->recipients->len;
	if (bv_scrape_paragraphs (mail, report, start, copy) == 0)
		return FALSE;
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		take_remote_host (r);
		if (bv_text_find_ci (body, greetings[0]) != NULL)
			mark_program_output (r);
	}
	return TRUE;
}

const BvLhost bv_lhost_qmail = { "qmail", qmail_parse };
