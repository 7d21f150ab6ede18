/* systems.c: mail system ids from the parser registry.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "parsers/knowledge/systems.h"
#include "parsers/lhost.h"

#define BV_LHOST(sym) extern const BvLhost sym;
#include "parsers/lhosts-providers.def"
#include "parsers/lhosts-gateways.def"
#include "parsers/lhosts-classic.def"
#undef BV_LHOST

/* In the order of the enum, so that the index is the id. */
static const BvLhost *const by_system[] = {
#define BV_LHOST(sym) &sym,
#include "parsers/lhosts-providers.def"
#include "parsers/lhosts-gateways.def"
#include "parsers/lhosts-classic.def"
#undef BV_LHOST
};

G_STATIC_ASSERT (G_N_ELEMENTS (by_system) == BV_SYSTEM_COUNT);

BvSystem
bv_system_from_mta (const char *mta)
{
	if (mta == NULL || mta[0] == '\0')
		return BV_SYSTEM_NONE;
	for (gsize i = 0; i < G_N_ELEMENTS (by_system); i++)
		if (strcmp (by_system[i]->name, mta) == 0)
			return (BvSystem)i;
	return BV_SYSTEM_NONE;
}

const char *
bv_system_name (BvSystem system)
{
	/* The few systems whose evidence names them; the rest by mta id. */
	switch (system) {
	case BV_SYSTEM_bv_lhost_googlegroups: return "Google Groups";
	case BV_SYSTEM_NONE:
	case BV_SYSTEM_COUNT: return "";
	default: return by_system[system]->name;
	}
}
