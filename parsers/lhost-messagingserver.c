/* lhost-messagingserver.c: Oracle (Sun, iPlanet) Messaging Server and its
 * ancestor PMDF.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "This report relates to a message you sent with the following header
 * fields:" and the original's headers, indented; then "Your message cannot
 * be delivered to the following recipients:" and per recipient indented
 * "Recipient address:", "Original address:", "Reason:", "Diagnostic code:"
 * and "Remote system:" lines.  The delivery-status part that follows puts
 * Action before the recipient fields, which generic readers split wrongly,
 * so the text is the list of recipients and the part only adds codes. */
#include "config.h"

#include <string.h>

#include "parsers/dsn.h"
#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The value of "  Name: value" when @line is that field, else NULL. */
static char *
field (const BvLine *line, const char *name)
{
	if (!bv_line_starts (line, name))
		return NULL;
	const char *p = bv_line_skip_space (line) + strlen (name);
	return bv_text_normalise (p, line->end - p);
}

/* Puts the indented header fields after the opening sentence into
 * mail->original. */
static void
take_header_fields (BvMail *mail, const char *start)
{
	if (mail->original->len > 0)
		return;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_blank (&line)) {
			if (mail->original->len > 0)
				break;
			continue;
		}
		if (!bv_line_indented (&line))
			break;
		const char *p = bv_line_skip_space (&line);
		g_string_append_len (mail->original, p, line.end - p);
		g_string_append_c (mail->original, '\n');
	}
}

static void
read_list (BvReport *report, const char *start)
{
	BvRecipient *r = NULL;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	while (bv_lines_next (&it, &line)) {
		g_autofree char *v = NULL;
		if ((v = field (&line, "Recipient address:")) != NULL) {
			r = bv_scrape_add (report, v);
			bv_scrape_set (&r->action, "failed");
		} else if (r == NULL) {
			continue;
		} else if ((v = field (&line, "Original address:")) != NULL) {
			/* The routed form ("@relay:user@host") says less
			 * than what the sender wrote. */
			g_autofree char *addr = bv_address_extract (v);
			if (addr != NULL) {
				bv_scrape_set (&r->original_recipient, r->recipient);
				bv_scrape_set (&r->recipient, addr);
			}
		} else if ((v = field (&line, "Reason:")) != NULL) {
			if (r->diagnostic[0] == '\0')
				bv_scrape_set_diagnostic (r, v, -1);
		} else if ((v = field (&line, "Diagnostic code:")) != NULL) {
			g_autofree char *d = bv_dsn_strip_type (v);
			g_autofree char *type = bv_dsn_type (v);
			bv_scrape_set_diagnostic (r, d, -1);
			bv_scrape_set (&r->diagnostic_type, type);
		} else if ((v = field (&line, "Remote system:")) != NULL) {
			g_autofree char *m = bv_dsn_strip_type (v);
			char *sp = strchr (m, ' ');
			if (sp != NULL)
				*sp = '\0';
			bv_scrape_set (&r->remote_mta, m);
		} else if (!bv_line_blank (&line) && !bv_line_indented (&line)) {
			r = NULL;
		}
	}
}

static gboolean
messagingserver_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *intro = bv_scrape_find_line (body, "This report relates to a message you sent with");
	if (intro == NULL)
		return FALSE;
	const char *list = bv_scrape_find_line (intro, "Your message cannot be delivered to the following");
	if (list == NULL)
		list = bv_scrape_find_line (intro, "Your message has been enqueued and undeliverable");
	if (list == NULL)
		return FALSE;
	take_header_fields (mail, bv_scrape_next_line (intro));
	guint before = report->recipients->len;
	read_list (report, bv_scrape_next_line (list));
	g_autoptr (BvReport) dsn = bv_report_new ();
	bv_scrape_dsn (mail, dsn);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		BvRecipient *d = bv_scrape_find_recipient (dsn, 0, r->recipient);
		if (d == NULL && r->original_recipient[0] != '\0')
			d = bv_scrape_find_recipient (dsn, 0, r->original_recipient);
		if (d == NULL && dsn->recipients->len == report->recipients->len - before)
			d = dsn->recipients->pdata[i - before];
		if (d != NULL) {
			if (d->status && d->status[0] != '\0')
				bv_scrape_set (&r->status, d->status);
			if (d->action && d->action[0] != '\0')
				bv_scrape_set (&r->action, d->action);
			if (d->reporting_mta)
				bv_scrape_set (&r->reporting_mta, d->reporting_mta);
			if (d->arrival_date)
				bv_scrape_set (&r->arrival_date, d->arrival_date);
		}
		bv_scrape_better_status (r);
		bv_scrape_set (&r->command, bv_scrape_command (r->diagnostic, -1));
	}
	return report->recipients->len > before;
}

const BvLhost bv_lhost_messagingserver = { "messagingserver", messagingserver_parse };
