/* selection.c: selected addresses of a view.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tui/selection.h"

GHashTable *
bv_selection_new (void)
{
	return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
bv_selection_toggle (GHashTable *selection, const char *address)
{
	if (!g_hash_table_remove (selection, address))
		g_hash_table_add (selection, g_strdup (address));
}

void
bv_selection_add (GHashTable *selection, const char *address)
{
	if (!g_hash_table_contains (selection, address))
		g_hash_table_add (selection, g_strdup (address));
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
	return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

GPtrArray *
bv_selection_take (GHashTable *selection, const char *current)
{
	GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
	if (g_hash_table_size (selection) == 0) {
		if (current != NULL)
			g_ptr_array_add (out, g_strdup (current));
		return out;
	}
	GHashTableIter it;
	gpointer key;
	g_hash_table_iter_init (&it, selection);
	while (g_hash_table_iter_next (&it, &key, NULL))
		g_ptr_array_add (out, g_strdup (key));
	g_ptr_array_sort (out, compare_strings);
	g_hash_table_remove_all (selection);
	return out;
}
