/* fuzz-codes.c: finding enhanced status codes and SMTP reply codes in text.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What bv_status_find() and bv_reply_find() find must pass their own
 * validators, must stand in the text, and must fit the buffer they were
 * given, however small.
 */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"
#include "tests/fuzz/fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
	g_autofree char *text = bv_fuzz_cstring (data, size);

	/* Exactly sized heap buffers, so that a write past out_len is caught. */
	for (gsize len = 1; len <= 16; len++) {
		g_autofree char *status = g_malloc (len);
		if (bv_status_find (text, status, len)) {
			BV_FUZZ_ASSERT (strlen (status) < len, "status overflowed its buffer");
			BV_FUZZ_ASSERT (bv_status_valid (status), "found status \"%s\" is not valid", status);
			BV_FUZZ_ASSERT (strstr (text, status) != NULL,
			                "found status \"%s\" is not in the text", status);
		}
		g_autofree char *reply = g_malloc (len);
		if (bv_reply_find (text, reply, len)) {
			BV_FUZZ_ASSERT (len >= 4, "reply code written into %zu bytes", len);
			BV_FUZZ_ASSERT (bv_reply_valid (reply), "found reply \"%s\" is not valid", reply);
			BV_FUZZ_ASSERT (strstr (text, reply) != NULL, "found reply \"%s\" is not in the text",
			                reply);
		}
	}
	/* The validators on the raw input: a valid status code is one the
	 * finder finds. */
	if (bv_status_valid (text)) {
		char found[16];
		BV_FUZZ_ASSERT (bv_status_find (text, found, sizeof found) && strcmp (found, text) == 0,
		                "valid status \"%s\" is not found in itself", text);
	}
	(void)bv_reply_valid (text);
	return 0;
}
