/* reconcile.c: what one part of a report says of a recipient completes
 * what another part says (the delivery-status fields and the text).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"
#include "parsers/dsn.h"
#include "parsers/reconcile.h"
#include "parsers/text.h"

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
		if (bv_address_equal (r->recipient, address))
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
			if (bv_address_equal (c->recipient, r->recipient))
				t = c;
		}
		if (t == NULL && found->len == 1 && a->len - from == 1)
			t = found->pdata[0];
		if (t != NULL)
			bv_scrape_complete (r, t);
	}
}

/* The class digit of an enhanced status code ("5.1.1") or reply code
 * ("550"), or 0. */
static char
class_of (const char *code)
{
	if (code == NULL || (code[0] != '2' && code[0] != '4' && code[0] != '5'))
		return 0;
	return code[1] == '.' || g_ascii_isdigit (code[1]) ? code[0] : 0;
}

gboolean
bv_scrape_same_outcome (const BvRecipient *r, const BvRecipient *t)
{
	char told = class_of (t->status);
	if (told == 0)
		told = class_of (t->reply_code);
	if (told == 0) {
		char code[16];
		if (t->diagnostic != NULL && bv_status_find (t->diagnostic, code, sizeof code))
			told = class_of (code);
	}
	if (told == 0)
		return TRUE;
	const char *action = r->action != NULL ? r->action : "";
	/* RFC 3464 2.3.3: delivered, relayed and expanded are successes,
	 * delayed a transient state.  A failure may follow temporary
	 * replies until the queue time ran out (Sendmail's 4.4.7 with
	 * "Action: failed"), so any reply but a success is its word. */
	if (g_str_has_prefix (action, "delivered") || g_str_has_prefix (action, "relayed") ||
	    g_str_has_prefix (action, "expanded"))
		return told == '2';
	if (g_str_has_prefix (action, "delayed"))
		return told == '4';
	if (g_str_has_prefix (action, "failed"))
		return told != '2';
	char own = class_of (r->status);
	return own == 0 || own == told;
}

/* The length of host name @h without a final dot and anything after the
 * name (" [192.0.2.1]"). */
static gsize
host_len (const char *h)
{
	gsize n = strcspn (h, " [(");
	while (n > 0 && h[n - 1] == '.')
		n--;
	return n;
}

gboolean
bv_scrape_same_host (const BvRecipient *r, const BvRecipient *t)
{
	if (empty (r->remote_mta) || empty (t->remote_mta))
		return TRUE;
	gsize n = host_len (r->remote_mta);
	return n == host_len (t->remote_mta) && g_ascii_strncasecmp (r->remote_mta, t->remote_mta, n) == 0;
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
			if (!empty (r->recipient) && bv_address_equal (c->recipient, r->recipient) &&
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
