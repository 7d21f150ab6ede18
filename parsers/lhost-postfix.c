/* lhost-postfix.c: Postfix bounce, delay and success reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Postfix writes "This is the mail system at host H." (older versions:
 * "This is the Postfix program at host H."), a signature line, then one
 * paragraph per recipient: "<addr>: host mx[ip] said: 550 5.1.1 ... (in
 * reply to RCPT TO command)", continued on indented lines.  A delivery-
 * status part with X-Postfix-* fields usually follows; the paragraph is
 * still the only place that names the failed SMTP command. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_postfix (BvMail *mail, const char *body)
{
	static const char *const subjects[] = {
		"Undelivered Mail Returned to Sender",
		"Delayed Mail (still being retried)",
		NULL,
	};
	for (const char *const *s = subjects; *s; s++)
		if (bv_text_find_ci (mail->subject, *s) != NULL)
			return TRUE;
	if (bv_text_find_ci (body, "This is the mail system at host ") != NULL ||
	    bv_text_find_ci (body, "This is the Postfix program at host ") != NULL)
		return TRUE;
	return bv_text_find_ci (mail->dsn->str, "X-Postfix-Queue-ID:") != NULL;
}

/* A local delivery agent's failure (Diagnostic-Code type x-unix) carries
 * only the command's output or the errno text in the delivery-status part;
 * the paragraph says what the agent made of it first: "permission denied.
 * Command output: ..." (pipe(8) and local(8) with src/global/sys_exits.c),
 * "cannot append message to file ...: File too large".  The paragraph,
 * which holds the part's words, becomes the diagnostic. */
static void
take_agent_summary (BvReport *report, guint from, const BvReport *text)
{
	GPtrArray *a = report->recipients;
	for (guint i = from; i < a->len; i++) {
		BvRecipient *r = a->pdata[i];
		if (g_ascii_strcasecmp (r->diagnostic_type, "x-unix") != 0 || r->diagnostic[0] == '\0')
			continue;
		for (guint k = 0; k < text->recipients->len; k++) {
			const BvRecipient *t = text->recipients->pdata[k];
			if (t == NULL || !bv_address_equal (t->recipient, r->recipient))
				continue;
			g_autofree char *line = bv_text_normalise (t->diagnostic, -1);
			/* The paragraph opens with "<a@b>: "; its words follow. */
			const char *p =
			        line[0] == '<' && strstr (line, ">: ") ? strstr (line, ">: ") + 3 : line;
			/* "host mx[ip] said: ..." quotes a server, not a local
			 * agent: its words are the part's already. */
			if (strlen (p) > strlen (r->diagnostic) &&
			    bv_text_find_ci (p, r->diagnostic) != NULL &&
			    bv_text_find_ci (p, " said: ") == NULL)
				bv_scrape_set (&r->diagnostic, p);
			break;
		}
	}
}

static gboolean
postfix_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	if (!is_postfix (mail, body) || bv_scrape_forwarded (mail))
		return FALSE;
	/* The recipient paragraphs follow the signature line. */
	const char *start = bv_scrape_find_line (body, "The mail system");
	if (start == NULL)
		start = bv_scrape_find_line (body, "The Postfix program");
	if (start == NULL)
		start = body;
	else
		start = bv_scrape_next_line (start);
	/* Where an inline copy of the report or the message begins. */
	static const char *const stops[] = {
		"Reporting-MTA:",
		"Final-Recipient:",
		"Received:",
		"Return-Path:",
		"From MAILER-DAEMON",
		"--- ",
		NULL,
	};
	g_autoptr (BvReport) text = bv_report_new ();
	bv_scrape_blocks (text, start, stops, BV_BLOCKS_ANGLE | BV_BLOCKS_INDENTED | BV_BLOCKS_BLANK_ENDS,
	                  NULL);
	guint before = report->recipients->len;
	guint n = bv_scrape_merge (mail, report, text);
	take_agent_summary (report, before, text);
	return n > 0;
}

const BvLhost bv_lhost_postfix = { "postfix", postfix_parse };
