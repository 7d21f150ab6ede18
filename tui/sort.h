/* sort.h: the orders the sort key cycles through.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model returns groups and addresses with the most bounces first; the
 * views reorder its rows in the order the user chose.  Every order ends
 * on the key (or the address), so that equal rows keep a stable place.
 *
 * X(enum suffix, machine id, phrase for the status line (N_()))
 */
#ifndef BV_TUI_SORT_H
#define BV_TUI_SORT_H

#include <glib.h>

#include "index/model.h"

G_BEGIN_DECLS

#define BV_GROUP_SORTS(X)                                      \
	X (BOUNCES, "bounces", N_ ("sorted by bounces"))       \
	X (ADDRESSES, "addresses", N_ ("sorted by addresses")) \
	X (TITLE, "title", N_ ("sorted by title"))

#define BV_ADDRESS_SORTS(X)                                    \
	X (BOUNCES, "bounces", N_ ("sorted by bounces"))       \
	X (LAST_SEEN, "last-seen", N_ ("sorted by last seen")) \
	X (ADDRESS, "address", N_ ("sorted by address"))       \
	X (DOMAIN, "domain", N_ ("sorted by domain"))

typedef enum {
#define BV_GROUP_SORT_ENUM(e, id, phrase) BV_GROUP_SORT_##e,
	BV_GROUP_SORTS (BV_GROUP_SORT_ENUM)
#undef BV_GROUP_SORT_ENUM
	        BV_GROUP_SORT_COUNT
} BvGroupSort;

typedef enum {
#define BV_ADDRESS_SORT_ENUM(e, id, phrase) BV_ADDRESS_SORT_##e,
	BV_ADDRESS_SORTS (BV_ADDRESS_SORT_ENUM)
#undef BV_ADDRESS_SORT_ENUM
	        BV_ADDRESS_SORT_COUNT
} BvAddressSort;

/* Machine ids (for the saved state) and phrases (translated); NULL when
 * out of range. */
const char *bv_group_sort_id (BvGroupSort sort);
const char *bv_group_sort_phrase (BvGroupSort sort);
const char *bv_address_sort_id (BvAddressSort sort);
const char *bv_address_sort_phrase (BvAddressSort sort);
/* Reads a machine id; FALSE when unknown. */
gboolean bv_group_sort_from_id (const char *id, BvGroupSort *out);
gboolean bv_address_sort_from_id (const char *id, BvAddressSort *out);

/* Reorders @groups (of BvGroup*) by @sort; @title gives what a person
 * reads for a group (new string), for the title order. */
void bv_sort_groups (GPtrArray *groups, BvGroupSort sort, char *(*title) (const BvGroup *group));
/* Reorders @addresses (of BvAddress*) by @sort. */
void bv_sort_addresses (GPtrArray *addresses, BvAddressSort sort);

G_END_DECLS

#endif /* BV_TUI_SORT_H */
