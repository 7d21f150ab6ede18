/* lhost-maddy.c: the maddy mail server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * maddy writes its notices in internal/dsn/dsn.go (GenerateDSN): the
 * subject Postfix uses ("Undelivered Mail Returned to Sender"), a text
 * that opens like Postfix's ("This is the mail delivery system at H.")
 * and then says, per recipient, "Delivery to a@b failed with error: SMTP
 * error 550: mx.b said: ..." (the reply's lines as the server sent them),
 * and a delivery-status part with maddy's own fields (X-Maddy-Sender,
 * X-Maddy-MsgID).  go-message's textproto writes header fields in the
 * reverse order of their addition, so each recipient's group ends with
 * its Final-Recipient.  No Remote-MTA is written (queue.go emitDSN); the
 * remote target puts the server's name in the text instead ("mx.b said:",
 * internal/smtpconn/smtpconn.go wrapClientErr).  It comes before the
 * Postfix parser, whose greeting it shares. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The host of "... mx.b said: ..." in @diag, or NULL. */
static char *
said_host (const char *diag)
{
	const char *said = strstr (diag, " said: ");
	if (said == NULL)
		return NULL;
	const char *h = said;
	while (h > diag && h[-1] != ' ')
		h--;
	if (h == said || memchr (h, '.', said - h) == NULL)
		return NULL;
	return g_strndup (h, said - h);
}

/* Reads "Delivery to a@b failed with error: ..." lines, with the lines
 * of a multi-line reply that follow, from @start into @out. */
static void
read_lines (const char *start, BvReport *out)
{
	BvGrowing g;
	bv_growing_init (&g, out);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	while (bv_lines_next (&it, &line)) {
		const char *with = bv_line_find (&line, " failed with error: ");
		if (bv_line_starts (&line, "Delivery to ") && with != NULL) {
			const char *a = bv_line_skip_space (&line) + strlen ("Delivery to ");
			g_autofree char *addr = g_strndup (a, with - a);
			bv_growing_open (&g, addr);
			const char *err = with + strlen (" failed with error: ");
			bv_growing_add (&g, err, line.end - err);
		} else if (bv_line_blank (&line) || bv_line_starts (&line, "--")) {
			bv_growing_close (&g);
		} else {
			bv_growing_add (&g, line.start, line.end - line.start);
		}
	}
	bv_growing_close (&g);
	bv_growing_clear (&g);
}

static gboolean
maddy_parse (BvMail *mail, BvReport *report)
{
	gboolean own_fields = bv_text_find_ci (mail->dsn->str, "X-Maddy-MsgID:") != NULL ||
	                      bv_text_find_ci (mail->dsn->str, "X-Maddy-Sender:") != NULL;
	const char *first = bv_scrape_find_line (mail->text, "Delivery to ");
	if (first != NULL && bv_text_find_ci (first, " failed with error: ") == NULL)
		first = NULL;
	if (!own_fields && (first == NULL ||
	                    bv_scrape_find_line (mail->text, "This is the mail delivery system at") == NULL))
		return FALSE;
	if (bv_scrape_forwarded (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	if (first != NULL)
		read_lines (first, text);
	guint before = report->recipients->len;
	bv_scrape_merge (mail, report, text);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		if (r->action[0] == '\0')
			bv_scrape_set (&r->action, "failed");
		g_autofree char *host = r->remote_mta[0] == '\0' ? said_host (r->diagnostic) : NULL;
		if (host != NULL)
			bv_scrape_set (&r->remote_mta, host);
	}
	return report->recipients->len > before;
}

const BvLhost bv_lhost_maddy = { "maddy", maddy_parse };
