/* report.c: BvReport and BvRecipient lifetimes and the id tables.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "parsers/bounce.h"

static const char *const kind_ids[] = {
#define BV_KIND_ID(e, id) id,
	BV_KINDS (BV_KIND_ID)
#undef BV_KIND_ID
};

static const char *const cause_ids[] = {
#define BV_CAUSE_ID(e, id) id,
	BV_CAUSES (BV_CAUSE_ID)
#undef BV_CAUSE_ID
};

const char *
bv_kind_id (BvKind kind)
{
	return (guint)kind < BV_KIND_COUNT ? kind_ids[kind] : "none";
}

const char *
bv_cause_id (BvCause cause)
{
	return (guint)cause < BV_CAUSE_COUNT ? cause_ids[cause] : "undefined";
}

gboolean
bv_cause_from_id (const char *id, BvCause *out)
{
	for (guint i = 0; id != NULL && i < BV_CAUSE_COUNT; i++) {
		if (strcmp (id, cause_ids[i]) == 0) {
			*out = (BvCause)i;
			return TRUE;
		}
	}
	return FALSE;
}

gboolean
bv_kind_from_id (const char *id, BvKind *out)
{
	for (guint i = 0; id != NULL && i < BV_KIND_COUNT; i++) {
		if (strcmp (id, kind_ids[i]) == 0) {
			*out = (BvKind)i;
			return TRUE;
		}
	}
	return FALSE;
}

BvRecipient *
bv_recipient_new (void)
{
	BvRecipient *r = g_new0 (BvRecipient, 1);
	r->cause = BV_CAUSE_UNDEFINED;
	return r;
}

void
bv_recipient_free (BvRecipient *r)
{
	if (r == NULL)
		return;
	g_free (r->recipient);
	g_free (r->original_recipient);
	g_free (r->action);
	g_free (r->status);
	g_free (r->reply_code);
	g_free (r->diagnostic);
	g_free (r->remote_mta);
	g_free (r->reporting_mta);
	g_free (r->arrival_date);
	g_free (r->last_attempt_date);
	g_free (r->mta);
	g_free (r->command);
	g_free (r->evidence.rule);
	g_free (r->evidence.matched);
	g_free (r->evidence.detail);
	g_free (r);
}

void
bv_original_clear (BvOriginal *original)
{
	g_clear_pointer (&original->message_id, g_free);
	g_clear_pointer (&original->from, g_free);
	g_clear_pointer (&original->to, g_free);
	g_clear_pointer (&original->subject, g_free);
	g_clear_pointer (&original->date, g_free);
}

BvReport *
bv_report_new (void)
{
	BvReport *r = g_new0 (BvReport, 1);
	r->recipients = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_recipient_free);
	return r;
}

void
bv_report_free (BvReport *r)
{
	if (r == NULL)
		return;
	g_free (r->message_id);
	g_free (r->date);
	g_free (r->from);
	g_free (r->subject);
	g_free (r->mta);
	bv_original_clear (&r->original);
	g_ptr_array_unref (r->recipients);
	g_free (r);
}
