/* fuzz-dsn.c: the contents of a message/delivery-status part.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the text of the part (RFC 3464 fields in groups).  Checks that
 * the count returned is the number of recipients appended, and that each
 * recipient's codes are codes.
 */
#include "config.h"

#include "parsers/codes.h"
#include "parsers/dsn.h"
#include "tests/fuzz/fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
	g_autofree char *text = bv_fuzz_cstring (data, size);
	g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_recipient_free);
	/* A recipient already in the array must be left alone. */
	BvRecipient *first = bv_recipient_new ();
	g_ptr_array_add (out, first);
	guint n = bv_dsn_parse (text, out);
	BV_FUZZ_ASSERT (out->len == n + 1, "bv_dsn_parse returned %u but appended %u", n, out->len - 1);
	BV_FUZZ_ASSERT (out->pdata[0] == first, "bv_dsn_parse moved a recipient it did not add");
	for (guint i = 1; i < out->len; i++) {
		BvRecipient *r = out->pdata[i];
		/* The fields the block did not give stay NULL until
		 * bv_report_parse() completes them; what is set must be text. */
		const char *set[] = { r->recipient, r->original_recipient, r->action,
			              r->status,    r->reply_code,         r->diagnostic };
		for (gsize j = 0; j < G_N_ELEMENTS (set); j++)
			BV_FUZZ_ASSERT (set[j] == NULL || g_utf8_validate (set[j], -1, NULL),
			                "recipient field %zu is not valid UTF-8", j);
		BV_FUZZ_ASSERT (r->status == NULL || r->status[0] == '\0' || bv_status_valid (r->status),
		                "status \"%s\" is no status code", r->status);
	}
	g_autofree char *stripped = bv_dsn_strip_type (text);
	bv_fuzz_check_string ("bv_dsn_strip_type", stripped);
	return 0;
}
