/* classify.c: deciding the cause of a failed recipient.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * First cut: the status code's subject and detail only.  The phrase rules
 * replace this. */
#include "config.h"

#include <string.h>

#include "classify.h"

BvCause
bv_classify_text (const char *diagnostic, const char **matched)
{
	if (matched)
		*matched = NULL;
	return BV_CAUSE_UNDEFINED;
}

gboolean
bv_cause_is_hard (BvCause cause, const char *status, const char *reply_code)
{
	switch (cause) {
	case BV_CAUSE_USERUNKNOWN:
	case BV_CAUSE_HOSTUNKNOWN:
	case BV_CAUSE_HASMOVED: return TRUE;
	case BV_CAUSE_NOTACCEPT: return (status && status[0] == '5') || (reply_code && reply_code[0] == '5');
	default: return FALSE;
	}
}

static void
set_evidence (BvRecipient *r, const char *rule, const char *matched, const char *detail)
{
	g_free (r->evidence.rule);
	g_free (r->evidence.matched);
	g_free (r->evidence.detail);
	r->evidence.rule = g_strdup (rule);
	r->evidence.matched = g_strdup (matched ? matched : "");
	r->evidence.detail = g_strdup (detail ? detail : "");
}

void
bv_classify (BvRecipient *r, BvKind kind)
{
	static const struct {
		const char *code;
		BvCause cause;
	} by_status[] = {
		{ "5.1.1", BV_CAUSE_USERUNKNOWN }, { "5.1.2", BV_CAUSE_HOSTUNKNOWN },
		{ "5.2.2", BV_CAUSE_MAILBOXFULL }, { "4.2.2", BV_CAUSE_MAILBOXFULL },
		{ "5.3.4", BV_CAUSE_MESGTOOBIG },  { "5.2.3", BV_CAUSE_MESGTOOBIG },
		{ "5.7.1", BV_CAUSE_REJECTED },
	};
	r->cause = BV_CAUSE_UNDEFINED;
	set_evidence (r, "default", "", "");
	if (kind == BV_KIND_FEEDBACK || kind == BV_KIND_AUTOREPLY || kind == BV_KIND_DELIVERED) {
		r->cause = kind == BV_KIND_FEEDBACK    ? BV_CAUSE_FEEDBACK
		           : kind == BV_KIND_AUTOREPLY ? BV_CAUSE_VACATION
		                                       : BV_CAUSE_DELIVERED;
		set_evidence (r, "kind", bv_kind_id (kind), "");
	} else {
		for (gsize i = 0; i < G_N_ELEMENTS (by_status); i++) {
			if (r->status && strcmp (r->status, by_status[i].code) == 0) {
				r->cause = by_status[i].cause;
				set_evidence (r, "status", r->status, "");
			}
		}
	}
	r->hard = bv_cause_is_hard (r->cause, r->status, r->reply_code);
}
