/* lhost.c: the table of format parsers, in the order they are tried.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Order matters: specific formats (recognised by a marker line that only
 * that mail system writes) come before the generic ones. */
#include "config.h"

#include "parsers/lhost.h"

/* Each group of parsers lists itself in its own .def file as
 * BV_LHOST(symbol) lines; the symbol is a `const BvLhost` defined in the
 * parser's lhost-*.c file.  Groups are tried in the order included here:
 * providers and gateways first (their markers are the most specific), the
 * classic MTAs and the generic text fallback last. */
#define BV_LHOST(sym) extern const BvLhost sym;
#include "parsers/lhosts-providers.def"
#include "parsers/lhosts-gateways.def"
#include "parsers/lhosts-classic.def"
#undef BV_LHOST

const BvLhost *const bv_lhosts[] = {
#define BV_LHOST(sym) &sym,
#include "parsers/lhosts-providers.def"
#include "parsers/lhosts-gateways.def"
#include "parsers/lhosts-classic.def"
#undef BV_LHOST
	NULL,
};
