/* printer-flat.c: records flattened into named cells.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "output/printer-flat.h"

void
bv_flat_init (BvFlatRecord *rec, const char *const *keys)
{
	rec->keys = g_strdupv ((char **)keys);
	rec->cells = g_new0 (char *, bv_flat_count (rec) + 1);
	rec->prefix = g_string_new (NULL);
}

guint
bv_flat_count (const BvFlatRecord *rec)
{
	return rec->keys ? g_strv_length (rec->keys) : 0;
}

void
bv_flat_reset (BvFlatRecord *rec)
{
	for (guint i = 0; rec->keys && rec->keys[i]; i++)
		g_clear_pointer (&rec->cells[i], g_free);
	g_string_truncate (rec->prefix, 0);
}

void
bv_flat_clear (BvFlatRecord *rec)
{
	bv_flat_reset (rec);
	g_clear_pointer (&rec->cells, g_free);
	g_clear_pointer (&rec->keys, g_strfreev);
	if (rec->prefix != NULL)
		g_string_free (g_steal_pointer (&rec->prefix), TRUE);
}

void
bv_flat_set (BvFlatRecord *rec, const char *key, char *value)
{
	g_autofree char *full = g_strconcat (rec->prefix->str, key, NULL);
	for (guint i = 0; rec->keys && rec->keys[i]; i++) {
		if (strcmp (rec->keys[i], full) == 0) {
			g_free (rec->cells[i]);
			rec->cells[i] = value;
			return;
		}
	}
	/* A field the columns do not show. */
	g_free (value);
}

void
bv_flat_push (BvFlatRecord *rec, const char *key)
{
	g_string_append (rec->prefix, key);
	g_string_append_c (rec->prefix, '.');
}

void
bv_flat_pop (BvFlatRecord *rec)
{
	/* Drop the last "key." from the prefix. */
	if (rec->prefix->len == 0)
		return;
	gssize i = (gssize)rec->prefix->len - 2;
	while (i >= 0 && rec->prefix->str[i] != '.')
		i--;
	g_string_truncate (rec->prefix, (gsize)(i + 1));
}
