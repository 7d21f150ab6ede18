/* systems.h: the mail systems the classifier has knowledge about.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are generated from the parser registry (parsers/lhosts-*.def), so
 * a knowledge entry that names a system the parsers do not know does not
 * compile.  BV_SYSTEM_bv_lhost_gmail is the system whose reports the
 * parser bv_lhost_gmail reads (mta id "gmail").
 */
#ifndef BV_KNOWLEDGE_SYSTEMS_H
#define BV_KNOWLEDGE_SYSTEMS_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
	BV_SYSTEM_NONE = -1,
#define BV_LHOST(sym) BV_SYSTEM_##sym,
#include "parsers/lhosts-providers.def"
#include "parsers/lhosts-gateways.def"
#include "parsers/lhosts-classic.def"
#undef BV_LHOST
	BV_SYSTEM_COUNT
} BvSystem;

/* The system whose parser writes @mta as its id, BV_SYSTEM_NONE when no
 * parser does ("" or a name from elsewhere). */
BvSystem bv_system_from_mta (const char *mta);

/* A person's name for the system ("Google Groups"), "" for NONE. */
const char *bv_system_name (BvSystem system);

G_END_DECLS

#endif
