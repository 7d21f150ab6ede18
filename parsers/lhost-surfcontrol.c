/* lhost-surfcontrol.c: non-delivery reports of SurfControl E-mail Filter.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SurfControl marks its mail with X-SEF-* headers and "X-Mailer:
 * SurfControl E-mail Filter".  The text reads "Addressed To: addr", then
 * "Failed to send to identified host," and on the next line
 * "addr: [192.0.2.1], 550 reply".  The delivery-status part that follows
 * only says "Status: 5.0.0", so the text supplies the remote host. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_surfcontrol (BvMail *mail)
{
	const char *xm = bv_mail_header (mail, "X-Mailer");
	if (xm != NULL && bv_text_find_ci (xm, "SurfControl") != NULL)
		return TRUE;
	return bv_mail_header (mail, "X-SEF-Processed") != NULL &&
	       bv_scrape_find_line (mail->body->str, "Addressed To:") != NULL;
}

/* Reads "addr: [ip], reply" into @r: remote host and diagnostic. */
static void
read_failure (BvRecipient *r, const BvLine *line)
{
	const char *open = bv_line_find (line, "[");
	const char *close = open ? memchr (open, ']', line->end - open) : NULL;
	if (close == NULL) {
		bv_scrape_set_diagnostic (r, line->start, line->end - line->start);
		return;
	}
	g_autofree char *host = g_strndup (open + 1, close - open - 1);
	bv_scrape_set (&r->remote_mta, host);
	const char *p = close + 1;
	while (p < line->end && (*p == ',' || *p == ' '))
		p++;
	bv_scrape_set_diagnostic (r, p, line->end - p);
}

static gboolean
surfcontrol_parse (BvMail *mail, BvReport *report)
{
	if (!is_surfcontrol (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	BvRecipient *cur = NULL;
	gboolean failed_next = FALSE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "Addressed To:")) {
			g_autofree char *addr = bv_line_labelled_address (&line);
			cur = addr ? bv_scrape_add (text, addr) : NULL;
		} else if (bv_line_starts (&line, "Failed to send")) {
			failed_next = TRUE;
		} else if (failed_next && cur != NULL && !bv_line_blank (&line)) {
			read_failure (cur, &line);
			failed_next = FALSE;
		}
	}
	guint before = report->recipients->len;
	guint n = bv_scrape_merge (mail, report, text);
	/* The delivery-status part names no remote host: take the text's. */
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		BvRecipient *t = bv_scrape_find_recipient (text, 0, r->recipient);
		if (t != NULL && (r->remote_mta == NULL || r->remote_mta[0] == '\0'))
			bv_scrape_set (&r->remote_mta, t->remote_mta);
	}
	return n > 0;
}

const BvLhost bv_lhost_surfcontrol = { "surfcontrol", surfcontrol_parse };
