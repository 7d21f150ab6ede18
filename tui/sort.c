/* sort.c: reordering the model's groups and addresses.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tui/sort.h"

static const struct {
	const char *id;
	const char *phrase;
} group_sorts[] = {
#define BV_GROUP_SORT_INFO(e, id, phrase) { id, phrase },
	BV_GROUP_SORTS (BV_GROUP_SORT_INFO)
#undef BV_GROUP_SORT_INFO
}, address_sorts[] = {
#define BV_ADDRESS_SORT_INFO(e, id, phrase) { id, phrase },
	BV_ADDRESS_SORTS (BV_ADDRESS_SORT_INFO)
#undef BV_ADDRESS_SORT_INFO
};

const char *
bv_group_sort_id (BvGroupSort sort)
{
	return (guint)sort < G_N_ELEMENTS (group_sorts) ? group_sorts[sort].id : NULL;
}

const char *
bv_group_sort_phrase (BvGroupSort sort)
{
	return (guint)sort < G_N_ELEMENTS (group_sorts) ? _ (group_sorts[sort].phrase) : NULL;
}

const char *
bv_address_sort_id (BvAddressSort sort)
{
	return (guint)sort < G_N_ELEMENTS (address_sorts) ? address_sorts[sort].id : NULL;
}

const char *
bv_address_sort_phrase (BvAddressSort sort)
{
	return (guint)sort < G_N_ELEMENTS (address_sorts) ? _ (address_sorts[sort].phrase) : NULL;
}

gboolean
bv_group_sort_from_id (const char *id, BvGroupSort *out)
{
	for (guint i = 0; id != NULL && i < G_N_ELEMENTS (group_sorts); i++)
		if (strcmp (id, group_sorts[i].id) == 0) {
			*out = (BvGroupSort)i;
			return TRUE;
		}
	return FALSE;
}

gboolean
bv_address_sort_from_id (const char *id, BvAddressSort *out)
{
	for (guint i = 0; id != NULL && i < G_N_ELEMENTS (address_sorts); i++)
		if (strcmp (id, address_sorts[i].id) == 0) {
			*out = (BvAddressSort)i;
			return TRUE;
		}
	return FALSE;
}

/* Larger first. */
static int
descending (guint64 a, guint64 b)
{
	return a > b ? -1 : a < b ? 1 : 0;
}

typedef struct {
	const BvGroup *group;
	char *title;
} TitledGroup;

static int
compare_groups (gconstpointer pa, gconstpointer pb, gpointer data)
{
	BvGroupSort sort = GPOINTER_TO_INT (data);
	const TitledGroup *ta = pa, *tb = pb;
	const BvGroup *a = ta->group, *b = tb->group;
	int c = 0;
	switch (sort) {
	case BV_GROUP_SORT_ADDRESSES: c = descending (a->addresses, b->addresses); break;
	case BV_GROUP_SORT_TITLE: c = g_utf8_collate (ta->title, tb->title); break;
	default: break;
	}
	if (c == 0)
		c = descending (a->bounces, b->bounces);
	return c != 0 ? c : strcmp (a->key, b->key);
}

void
bv_sort_groups (GPtrArray *groups, BvGroupSort sort, char *(*title) (const BvGroup *group))
{
	if (sort == BV_GROUP_SORT_BOUNCES || groups->len < 2)
		return; /* the model's own order */
	g_autoptr (GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (TitledGroup), groups->len);
	for (guint i = 0; i < groups->len; i++) {
		TitledGroup t = { groups->pdata[i],
			          sort == BV_GROUP_SORT_TITLE ? title (groups->pdata[i]) : NULL };
		g_array_append_val (rows, t);
	}
	g_array_sort_with_data (rows, compare_groups, GINT_TO_POINTER (sort));
	for (guint i = 0; i < rows->len; i++) {
		TitledGroup *t = &g_array_index (rows, TitledGroup, i);
		groups->pdata[i] = (gpointer)t->group;
		g_free (t->title);
	}
}

static int
compare_addresses (gconstpointer pa, gconstpointer pb, gpointer data)
{
	BvAddressSort sort = GPOINTER_TO_INT (data);
	const BvAddress *a = *(BvAddress *const *)pa, *b = *(BvAddress *const *)pb;
	int c = 0;
	switch (sort) {
	case BV_ADDRESS_SORT_LAST_SEEN: c = descending ((guint64)a->last_seen, (guint64)b->last_seen); break;
	case BV_ADDRESS_SORT_DOMAIN: c = strcmp (a->domain, b->domain); break;
	case BV_ADDRESS_SORT_BOUNCES: c = descending (a->bounces, b->bounces); break;
	default: break;
	}
	return c != 0 ? c : strcmp (a->address, b->address);
}

void
bv_sort_addresses (GPtrArray *addresses, BvAddressSort sort)
{
	if (sort != BV_ADDRESS_SORT_BOUNCES)
		g_ptr_array_sort_with_data (addresses, compare_addresses, GINT_TO_POINTER (sort));
}
