/* lhost-receivingses.c: Amazon SES, the receiving side.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a domain receives mail through SES and a rule rejects it, SES sends
 * a short "This message could not be delivered." with a delivery-status
 * part from inbound-smtp.*.amazonaws.com.  That part puts "Action:" before
 * "Final-Recipient:", which a field-group reader takes for two recipients;
 * the halves are joined here. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
empty (const char *s)
{
	return s == NULL || *s == '\0';
}

/* Joins neighbours that speak of the same address: fields the first lacks
 * are taken from the second, which is dropped. */
static void
join_halves (BvReport *report, guint from)
{
	GPtrArray *a = report->recipients;
	for (guint i = from; i + 1 < a->len;) {
		BvRecipient *x = a->pdata[i], *y = a->pdata[i + 1];
		if (empty (x->recipient) || empty (y->recipient) ||
		    g_ascii_strcasecmp (x->recipient, y->recipient) != 0) {
			i++;
			continue;
		}
		char **xf[] = { &x->action,
			        &x->status,
			        &x->reply_code,
			        &x->diagnostic,
			        &x->remote_mta,
			        &x->reporting_mta,
			        &x->arrival_date,
			        &x->last_attempt_date,
			        &x->original_recipient };
		char **yf[] = { &y->action,
			        &y->status,
			        &y->reply_code,
			        &y->diagnostic,
			        &y->remote_mta,
			        &y->reporting_mta,
			        &y->arrival_date,
			        &y->last_attempt_date,
			        &y->original_recipient };
		for (gsize k = 0; k < G_N_ELEMENTS (xf); k++)
			if (empty (*xf[k]) && !empty (*yf[k]))
				bv_scrape_set (xf[k], *yf[k]);
		g_ptr_array_remove_index (a, i + 1); /* frees @y */
	}
}

static gboolean
receivingses_parse (BvMail *mail, BvReport *report)
{
	if (mail->dsn->len == 0 || bv_mail_header (mail, "X-SES-Outgoing") == NULL ||
	    bv_text_find_ci (mail->dsn->str, "inbound-smtp.") == NULL ||
	    bv_text_find_ci (mail->dsn->str, ".amazonaws.com") == NULL)
		return FALSE;
	guint before = report->recipients->len;
	if (bv_scrape_dsn (mail, report) == 0)
		return FALSE;
	join_halves (report, before);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		bv_scrape_set (&r->command, bv_scrape_command (r->diagnostic, -1));
	}
	return TRUE;
}

const BvLhost bv_lhost_receivingses = { "receivingses", receivingses_parse };
