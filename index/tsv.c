/* tsv.c: escaped tab-separated fields (see tsv.h).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "index/tsv.h"

void
bv_tsv_append (GString *out, const char *s, gsize max)
{
	if (s == NULL)
		return;
	gsize len = strlen (s);
	if (max > 0 && len > max) {
		/* Back up to the first byte of a character so the cut text
		 * stays UTF-8. */
		len = max;
		while (len > 0 && ((guchar)s[len] & 0xC0) == 0x80)
			len--;
	}
	for (gsize i = 0; i < len; i++) {
		switch (s[i]) {
		case '\\': g_string_append (out, "\\\\"); break;
		case '\t': g_string_append (out, "\\t"); break;
		case '\n': g_string_append (out, "\\n"); break;
		case '\r': g_string_append (out, "\\r"); break;
		default: g_string_append_c (out, s[i]);
		}
	}
}

static char *
finish_field (GString *cur)
{
	char *valid = g_utf8_make_valid (cur->str, cur->len);
	g_string_free (cur, TRUE);
	return valid;
}

char **
bv_tsv_split (const char *line, gsize len)
{
	GPtrArray *fields = g_ptr_array_new ();
	GString *cur = g_string_new (NULL);
	for (gsize i = 0; i < len; i++) {
		char c = line[i];
		if (c == '\t') {
			g_ptr_array_add (fields, finish_field (cur));
			cur = g_string_new (NULL);
		} else if (c == '\\' && i + 1 < len) {
			char e = line[++i];
			g_string_append_c (cur, e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
		} else if (c != '\0') {
			g_string_append_c (cur, c);
		}
	}
	g_ptr_array_add (fields, finish_field (cur));
	g_ptr_array_add (fields, NULL);
	return (char **)g_ptr_array_free (fields, FALSE);
}
