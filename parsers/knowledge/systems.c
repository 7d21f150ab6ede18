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

/* The providers of scoped knowledge: the domains of their mail hosts and
 * of the pages their replies link to, the parsers that read their own
 * reports, and the markers every reply of theirs carries. */
typedef struct {
	const char *name;
	const char *const *domains; /* NULL-terminated */
	const BvSystem *systems;    /* ends with BV_SYSTEM_NONE */
	const char *const *markers; /* NULL-terminated whole words, or NULL */
} Scope;

#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define SYSTEMS(...) ((const BvSystem[]){ __VA_ARGS__, BV_SYSTEM_NONE })

static const Scope scopes[BV_SCOPE_COUNT] = {
	[BV_SCOPE_ANY] = { "", LIST (NULL), SYSTEMS (BV_SYSTEM_NONE), NULL },
	/* Google appends "gsmtp" to every reply ("Gmail SMTP errors and
	 * codes", support.google.com/a/answer/3726730). */
	[BV_SCOPE_GOOGLE] = { "Google", LIST ("google.com", "googlemail.com", "gmail.com"),
	                      SYSTEMS (BV_SYSTEM_bv_lhost_gmail, BV_SYSTEM_bv_lhost_googlegroups),
	                      LIST ("gsmtp") },
	/* Exchange Online's hosts are under outlook.com (*.prod.outlook.com,
	 * *.protection.outlook.com); its replies link to sender.office.com
	 * and aka.ms. */
	[BV_SCOPE_MICROSOFT] = { "Microsoft",
	                         LIST ("outlook.com", "hotmail.com", "office365.com", "office.com",
	                               "exchangelabs.com", "microsoft.com", "live.com", "msn.com"),
	                         SYSTEMS (BV_SYSTEM_bv_lhost_office365, BV_SYSTEM_bv_lhost_outlook), NULL },
	[BV_SCOPE_YAHOO] = { "Yahoo",
	                     LIST ("yahoo.com", "yahoodns.net", "yahooinc.com", "aol.com", "yahoo.net"),
	                     SYSTEMS (BV_SYSTEM_bv_lhost_yahoo, BV_SYSTEM_bv_lhost_aol), NULL },
	[BV_SCOPE_APPLE] = { "Apple iCloud", LIST ("icloud.com", "me.com", "mac.com", "apple.com"),
	                     SYSTEMS (BV_SYSTEM_NONE), NULL },
	[BV_SCOPE_GODADDY] = { "GoDaddy", LIST ("secureserver.net", "godaddy.com"), SYSTEMS (BV_SYSTEM_NONE),
	                       NULL },
	[BV_SCOPE_COX] = { "Cox", LIST ("cox.net", "cox.com"), SYSTEMS (BV_SYSTEM_NONE), NULL },
	[BV_SCOPE_SPECTRUM] = { "Spectrum",
	                        LIST ("charter.net", "charter.com", "spectrum.net", "rr.com", "twc.com"),
	                        SYSTEMS (BV_SYSTEM_NONE), NULL },
	[BV_SCOPE_TENCENT] = { "Tencent", LIST ("qq.com", "foxmail.com", "tencent.com"),
	                       SYSTEMS (BV_SYSTEM_NONE), NULL },
	[BV_SCOPE_NETEASE] = { "NetEase", LIST ("163.com", "126.com", "yeah.net", "netease.com", "188.com"),
	                       SYSTEMS (BV_SYSTEM_NONE), NULL },
	[BV_SCOPE_FACEBOOK] = { "Facebook", LIST ("facebook.com", "fb.com", "facebookmail.com"),
	                        SYSTEMS (BV_SYSTEM_NONE), NULL },
	[BV_SCOPE_MIMECAST] = { "Mimecast", LIST ("mimecast.com", "mimecast.co.za", "mimecast-offshore.com"),
	                        SYSTEMS (BV_SYSTEM_NONE), NULL },
	[BV_SCOPE_IUA] = { "i.ua", LIST ("i.ua"), SYSTEMS (BV_SYSTEM_NONE), NULL },
	[BV_SCOPE_COMCAST] = { "Comcast", LIST ("comcast.net", "comcast.com", "xfinity.com"),
	                       SYSTEMS (BV_SYSTEM_NONE), NULL },
	/* AT&T's mail hosts and pages: att.net (Worldnet), bellsouth.net,
	 * sbcglobal.net, prodigy.net. */
	[BV_SCOPE_ATT] = { "AT&T",
	                   LIST ("att.net", "att.com", "bellsouth.net", "sbcglobal.net", "prodigy.net"),
	                   SYSTEMS (BV_SYSTEM_NONE), NULL },
	[BV_SCOPE_YANDEX] = { "Yandex", LIST ("yandex.ru", "yandex.net", "yandex.com", "ya.ru"),
	                      SYSTEMS (BV_SYSTEM_bv_lhost_yandex), NULL },
	[BV_SCOPE_ALIYUN] = { "Alibaba Mail",
	                      LIST ("mxhichina.com", "aliyun.com", "alibaba.com", "alibabacloud.com"),
	                      SYSTEMS (BV_SYSTEM_NONE), NULL },
	/* Sohu Mail: sohu.com for its free mail, sohu.net for its enterprise
	 * mail. */
	[BV_SCOPE_SOHU] = { "Sohu", LIST ("sohu.com", "sohu.net"), SYSTEMS (BV_SYSTEM_NONE), NULL },
	/* GMX, WEB.DE, mail.com, 1&1 and IONOS: their MX hosts
	 * (mx00.emig.gmx.net, mx-ha03.web.de, mx01.1and1.mx) and the postmaster
	 * pages their replies link.  No parser's system: lhost-gmx.c reads the
	 * reports these servers send, which quote other servers' replies. */
	[BV_SCOPE_UNITEDINTERNET] = { "United Internet",
	                              LIST ("gmx.net", "gmx.de", "gmx.com", "web.de", "mail.com", "1and1.com",
	                                    "1and1.es", "1and1.mx", "1und1.de", "ionos.com", "ionos.de"),
	                              SYSTEMS (BV_SYSTEM_NONE), NULL },
};

const char *
bv_scope_name (BvScope scope)
{
	return scope >= 0 && scope < BV_SCOPE_COUNT ? scopes[scope].name : "";
}

guint64
bv_scopes_of_system (BvSystem system)
{
	guint64 bits = 0;
	if (system == BV_SYSTEM_NONE)
		return 0;
	for (guint s = 1; s < BV_SCOPE_COUNT; s++)
		for (const BvSystem *y = scopes[s].systems; *y != BV_SYSTEM_NONE; y++)
			if (*y == system)
				bits |= BV_SCOPE_BIT (s);
	return bits;
}

/* Whether the byte is part of a host name. */
static gboolean
name_char (char c)
{
	return g_ascii_isalnum (c) || c == '-' || c == '.';
}

/* Whether @domain stands in @text as a host name or a domain of its own:
 * after a dot of a longer host name or after a character that is no part
 * of a name (not after the '@' of an address), and not followed by more
 * of a name ("outlook.com.example" is another domain). */
static gboolean
names_domain (const char *text, const char *domain, gboolean whole_text)
{
	gsize n = strlen (domain);
	for (const char *at = g_strstr_len (text, -1, domain); at; at = strstr (at + 1, domain)) {
		char before = at == text ? ' ' : at[-1];
		char after = at[n];
		if (before == '@' || (before != '.' && name_char (before)))
			continue;
		if (whole_text ? after != '\0'
		               : (name_char (after) && !(after == '.' && !g_ascii_isalnum (at[n + 1]))))
			continue;
		return TRUE;
	}
	return FALSE;
}

guint64
bv_scopes_of_host (const char *host)
{
	guint64 bits = 0;
	if (host == NULL || host[0] == '\0')
		return 0;
	g_autofree char *lower = g_ascii_strdown (host, -1);
	/* The host name ends at the first space or bracket. */
	lower[strcspn (lower, " [(;")] = '\0';
	gsize len = strlen (lower);
	if (len > 0 && lower[len - 1] == '.')
		lower[len - 1] = '\0';
	for (guint s = 1; s < BV_SCOPE_COUNT; s++)
		for (const char *const *d = scopes[s].domains; *d; d++)
			if (names_domain (lower, *d, TRUE))
				bits |= BV_SCOPE_BIT (s);
	return bits;
}

guint64
bv_scopes_in_text (const char *folded)
{
	guint64 bits = 0;
	if (folded == NULL)
		return 0;
	for (guint s = 1; s < BV_SCOPE_COUNT; s++) {
		for (const char *const *d = scopes[s].domains; *d && !(bits & BV_SCOPE_BIT (s)); d++)
			if (names_domain (folded, *d, FALSE))
				bits |= BV_SCOPE_BIT (s);
		for (const char *const *m = scopes[s].markers; m && *m && !(bits & BV_SCOPE_BIT (s)); m++) {
			gsize n = strlen (*m);
			for (const char *at = strstr (folded, *m); at; at = strstr (at + 1, *m))
				if ((at == folded || !g_ascii_isalnum (at[-1])) && !g_ascii_isalnum (at[n])) {
					bits |= BV_SCOPE_BIT (s);
					break;
				}
		}
	}
	return bits;
}
