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

/* The scope of a provider's knowledge (the provider files of parsers/knowledge/): ANY for
 * a code or wording that means the same wherever it stands, or the
 * provider whose report it must come from, because the same words in
 * another system's text mean something else ("Recipient address rejected:
 * Access denied" is Microsoft's directory-based edge blocking, but the
 * default text of a Postfix access table elsewhere). */
typedef enum {
	BV_SCOPE_ANY = 0,
	BV_SCOPE_GOOGLE,
	BV_SCOPE_MICROSOFT,
	BV_SCOPE_YAHOO,
	BV_SCOPE_APPLE,
	BV_SCOPE_GODADDY,
	BV_SCOPE_COX,
	BV_SCOPE_SPECTRUM,
	BV_SCOPE_TENCENT,
	BV_SCOPE_NETEASE,
	BV_SCOPE_FACEBOOK,
	BV_SCOPE_MIMECAST,
	BV_SCOPE_IUA,
	BV_SCOPE_COMCAST,
	BV_SCOPE_ATT,
	BV_SCOPE_YANDEX,
	BV_SCOPE_ALIYUN,
	BV_SCOPE_SOHU,
	BV_SCOPE_UNITEDINTERNET,
	BV_SCOPE_COUNT
} BvScope;

#define BV_SCOPE_BIT(scope) (G_GUINT64_CONSTANT (1) << (scope))

/* The provider's name ("Microsoft"), "" for ANY. */
const char *bv_scope_name (BvScope scope);

/* The scopes of the mail system that wrote the report (Outlook.com's and
 * Office 365's parsers: Microsoft). */
guint64 bv_scopes_of_system (BvSystem system);

/* The scopes whose domains @host (a Remote-MTA or Reporting-MTA, a host
 * name possibly followed by an address in brackets) is in. */
guint64 bv_scopes_of_host (const char *host);

/* The scopes a text names: a host name under one of a provider's domains
 * ("gmail-smtp-in.l.google.com", "https://support.apple.com/..."), not
 * the domain of an address ("bob@outlook.com" is the recipient, not the
 * server that refused), or a marker the provider puts in every reply
 * (Google's "gsmtp").  @folded is lower case. */
guint64 bv_scopes_in_text (const char *folded);

G_END_DECLS

#endif
