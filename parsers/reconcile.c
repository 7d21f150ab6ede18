/* reconcile.c: what one part of a report says of a recipient completes
 * what another part says (the delivery-status fields and the text).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"
#include "parsers/dsn.h"
#include "parsers/reconcile.h"

void
bv_scrape_set (char **field, const char *value)
{
	g_free (*field);
	*field = g_strdup (value ? value : "");
}

BvRecipient *
bv_scrape_find_recipient (BvReport *report, guint from, const char *address)
{
	if (address == NULL)
		return NULL;
	for (guint i = from; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		if (r->recipient != NULL && g_ascii_strcasecmp (r->recipient, address) == 0)
			return r;
	}
	return NULL;
}

static gboolean
empty (const char *s)
{
	return s == NULL || s[0] == '\0';
}

void
bv_scrape_better_status (BvRecipient *r)
{
	/* One rule on every path: the RFC 3464 reader's (dsn.c). */
	bv_dsn_upgrade_status (r);
}

void
bv_scrape_refine (BvReport *report, guint from, GPtrArray *found)
{
	GPtrArray *a = report->recipients;
	for (guint i = from; i < a->len; i++) {
		BvRecipient *r = a->pdata[i], *t = NULL;
		bv_scrape_better_status (r);
		for (guint k = 0; k < found->len && t == NULL; k++) {
			BvRecipient *c = found->pdata[k];
			if (r->recipient && g_ascii_strcasecmp (c->recipient, r->recipient) == 0)
				t = c;
		}
		if (t == NULL && found->len == 1 && a->len - from == 1)
			t = found->pdata[0];
		if (t != NULL)
			bv_scrape_complete (r, t);
	}
}

void
bv_scrape_complete (BvRecipient *r, const BvRecipient *t)
{
	if (empty (r->command))
		bv_scrape_set (&r->command, t->command);
	if (empty (r->diagnostic) || (empty (r->reply_code) && !empty (t->reply_code)))
		bv_scrape_set (&r->diagnostic, t->diagnostic);
	if (empty (r->reply_code))
		bv_scrape_set (&r->reply_code, t->reply_code);
	if (empty (r->status))
		bv_scrape_set (&r->status, t->status);
	if (empty (r->remote_mta))
		bv_scrape_set (&r->remote_mta, t->remote_mta);
	if (empty (r->diagnostic_type))
		bv_scrape_set (&r->diagnostic_type, t->diagnostic_type);
	bv_scrape_better_status (r);
}

void
bv_scrape_fold (BvReport *report, guint from)
{
	GPtrArray *a = report->recipients;
	for (guint i = from; i < a->len;) {
		BvRecipient *r = a->pdata[i];
		BvRecipient *first = NULL;
		for (guint k = from; k < i && first == NULL; k++) {
			BvRecipient *c = a->pdata[k];
			if (!empty (r->recipient) && g_ascii_strcasecmp (c->recipient, r->recipient) == 0 &&
			    g_strcmp0 (c->action, r->action) == 0)
				first = c;
		}
		if (first == NULL) {
			i++;
			continue;
		}
		bv_scrape_complete (first, r);
		/* The array frees what it removes. */
		g_ptr_array_remove_index (a, i);
	}
}

void
bv_scrape_prefer_diag_status (BvRecipient *r)
{
	char code[16];
	if (!bv_status_find (r->diagnostic, code, sizeof code) || g_str_has_suffix (code, ".0.0"))
		return;
	if (empty (r->status) || (r->status[0] == code[0] && strcmp (r->status, code) != 0))
		bv_scrape_set (&r->status, code);
}
