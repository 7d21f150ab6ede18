/* fuzz-text.c: the string helpers every parser leans on.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bv_text_make_safe() is what stands between a stranger's bytes and the
 * user's terminal: its output must hold no control character at all (no
 * ESC, no C1 CSI, no bidirectional override) and be valid UTF-8.
 * bv_text_normalise() must give valid UTF-8 with single inner spaces and
 * no white space at either end.  The header-block reader and the
 * case-insensitive search must stay within the text.
 */
#include "config.h"

#include <string.h>

#include "parsers/dsn.h"
#include "tests/fuzz/fuzz-common.h"
#include "parsers/mail.h"
#include "parsers/text.h"

static void
check_safe (const char *safe)
{
	bv_fuzz_check_string ("bv_text_make_safe", safe);
	for (const char *p = safe; *p; p = g_utf8_next_char (p)) {
		gunichar c = g_utf8_get_char (p);
		BV_FUZZ_ASSERT (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != 0x2028 &&
		                        c != 0x2029 && !(c >= 0x202a && c <= 0x202e) &&
		                        !(c >= 0x2066 && c <= 0x2069),
		                "bv_text_make_safe let U+%04X through", c);
	}
}

static void
check_normalised (const char *n)
{
	bv_fuzz_check_string ("bv_text_normalise", n);
	gsize len = strlen (n);
	BV_FUZZ_ASSERT (len == 0 || (n[0] != ' ' && n[len - 1] != ' '), "normalised text is not trimmed");
	BV_FUZZ_ASSERT (strstr (n, "  ") == NULL, "normalised text has a double space");
	BV_FUZZ_ASSERT (strpbrk (n, "\t\r\n\f\v") == NULL, "normalised text has a line break or tab");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
	g_autofree char *text = bv_fuzz_cstring (data, size);

	g_autofree char *safe = bv_text_make_safe (text);
	check_safe (safe);

	/* The length form must not read past @len: the input buffer itself
	 * has no NUL after it. */
	g_autofree char *n1 = bv_text_normalise ((const char *)data, (gssize)size);
	check_normalised (n1);
	g_autofree char *n2 = bv_text_normalise (text, -1);
	check_normalised (n2);

	/* The first line is a needle and a header name; the rest the text. */
	const char *nl = strchr (text, '\n');
	if (nl != NULL) {
		g_autofree char *needle = g_strndup (text, nl - text);
		const char *hit = bv_text_find_ci (nl + 1, needle);
		BV_FUZZ_ASSERT (hit == NULL ||
		                        (hit >= nl + 1 && hit + strlen (needle) <= text + strlen (text)),
		                "bv_text_find_ci pointed outside the haystack");
		BV_FUZZ_ASSERT (hit == NULL || g_ascii_strncasecmp (hit, needle, strlen (needle)) == 0,
		                "bv_text_find_ci found something else");
		g_autofree char *value = bv_header_block_get (nl + 1, needle);
		if (value != NULL)
			check_normalised (value);
	}
	return 0;
}
