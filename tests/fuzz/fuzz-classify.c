/* fuzz-classify.c: the cause classifier on a diagnostic and on a recipient.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input's first byte picks the report kind; the rest is split at
 * newlines into status, reply code, command, action, mta and diagnostic (the
 * diagnostic takes what is left, newlines and all).  bv_classify() must
 * fill a cause in range with evidence, and, as classify.h promises, be
 * idempotent: a second call decides the same.
 */
#include "config.h"

#include <string.h>

#include "parsers/classify.h"
#include "parsers/codes.h"
#include "tests/fuzz/fuzz-common.h"

/* Field values may be any bytes; the engine hands bv_classify() valid UTF-8
 * only (bv_report_parse() makes sure), so the fuzz input is made so too. */
static char *
field (char **fields, guint i)
{
	return g_utf8_make_valid (fields[i], -1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	BvKind kind = (BvKind)(data[0] % BV_KIND_COUNT);

	g_autofree char *whole = bv_fuzz_cstring (data + 1, size - 1);
	const char *matched = NULL;
	BvCause c = bv_classify_text (whole, &matched);
	BV_FUZZ_ASSERT ((guint)c < BV_CAUSE_COUNT, "bv_classify_text gave cause %d", (int)c);
	BV_FUZZ_ASSERT ((c == BV_CAUSE_UNDEFINED) == (matched == NULL), "cause %s with matched phrase %s",
	                bv_cause_id (c), matched ? matched : "(null)");
	BV_FUZZ_ASSERT (bv_classify_text (whole, NULL) == c, "bv_classify_text is not repeatable");

	g_auto (GStrv) fields = bv_fuzz_fields (data + 1, size - 1, 6);
	g_autoptr (BvRecipient) r = bv_recipient_new ();
	r->status = field (fields, 0);
	r->reply_code = field (fields, 1);
	r->command = field (fields, 2);
	r->action = field (fields, 3);
	r->mta = field (fields, 4);
	r->diagnostic = field (fields, 5);
	char **unused[] = { &r->recipient,     &r->original_recipient, &r->remote_mta,
		            &r->reporting_mta, &r->arrival_date,       &r->last_attempt_date };
	for (gsize i = 0; i < G_N_ELEMENTS (unused); i++)
		*unused[i] = g_strdup ("");
	/* The report's status may be anything the mail said; only a status
	 * the classifier derives itself must be a code. */
	gboolean given = r->status[0] != '\0';
	bv_classify (r, kind);
	BV_FUZZ_ASSERT ((guint)r->cause < BV_CAUSE_COUNT, "cause %d out of range", (int)r->cause);
	bv_fuzz_check_string ("evidence.rule", r->evidence.rule);
	bv_fuzz_check_string ("evidence.matched", r->evidence.matched);
	bv_fuzz_check_string ("evidence.detail", r->evidence.detail);
	bv_fuzz_check_string ("status", r->status);
	BV_FUZZ_ASSERT (given || !r->status_derived || bv_status_valid (r->status),
	                "derived status \"%s\" is no code", r->status);

	BvCause first = r->cause;
	gboolean hard = r->hard;
	g_autofree char *status = g_strdup (r->status);
	g_autofree char *rule = g_strdup (r->evidence.rule);
	bv_classify (r, kind);
	BV_FUZZ_ASSERT (r->cause == first && r->hard == hard, "second bv_classify gave %s, first %s",
	                bv_cause_id (r->cause), bv_cause_id (first));
	BV_FUZZ_ASSERT (strcmp (r->status, status) == 0, "second bv_classify set status \"%s\", first \"%s\"",
	                r->status, status);
	BV_FUZZ_ASSERT (strcmp (r->evidence.rule, rule) == 0, "second bv_classify changed the evidence");
	return 0;
}
