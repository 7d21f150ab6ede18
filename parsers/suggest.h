/* suggest.h: the specifics of one bounce that make its fix concrete.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog says what a cause means in general; a report often says more:
 * the blocklist that listed the sending IP and where to ask for removal,
 * which of SPF, DKIM or DMARC failed for which domain, the size limit, how
 * long to wait, which host refused.  A recipient's domain may also look
 * like a typing mistake for a big provider's ("gamil.com").  BvSuggestion
 * holds what was found; bv_suggestion_fix_text() turns it into sentences.
 */
#ifndef BV_SUGGEST_H
#define BV_SUGGEST_H

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* What one recipient's report says specifically.  Every string is owned
 * and NULL when the report does not say; numbers are 0 when unknown. */
typedef struct {
	/* The recipient's domain looks mistyped: "gamil.com" -> "gmail.com",
	 * and the whole corrected address. */
	char *typo_domain;
	char *suggested_domain;
	char *suggested_address;
	/* A blocklist named in the diagnostic ("Spamhaus"), the IP address it
	 * lists and the URL to look it up or ask for removal: the one the
	 * text gives, else the list's well-known lookup page. */
	char *blocklist;
	char *listed_ip;
	char *delist_url;
	/* Sender authentication that failed: "SPF", "DKIM", "DMARC" or a
	 * list such as "SPF, DKIM", in the order the text names them, and the
	 * domain checked when the text names it. */
	char *auth_methods;
	char *auth_domain;
	/* Size limit and the message's size, in bytes. */
	guint64 size_limit;
	guint64 message_size;
	/* Most recipients per message the server accepts. */
	guint recipient_limit;
	/* How long the server asks to wait before retrying, in seconds. */
	guint64 retry_after;
	/* The server that refused the message. */
	char *host;
} BvSuggestion;

BvSuggestion *bv_suggestion_new (void);
void bv_suggestion_free (BvSuggestion *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvSuggestion, bv_suggestion_free)

/* Reads @rcpt (its address, diagnostic, remote MTA and cause) and returns
 * what it says specifically; never NULL (all fields empty when nothing is
 * found).  Tolerates any text.  Free with bv_suggestion_free(). */
BvSuggestion *bv_suggest (const BvRecipient *rcpt);

/* The common provider domain @domain looks like a mistyped version of
 * ("gamil.com" -> "gmail.com"), or NULL when it looks like none or is a real
 * provider domain itself.  Static string; @domain is compared in lower case. */
const char *bv_suggest_domain (const char *domain);

/* The report-specific fix for @cause as translated sentences, one per line,
 * or NULL when @s holds nothing worth saying.  Facts that do not concern
 * @cause (a size in an unknown-user report) are left out, except the typo
 * and the rejecting host, which always help.  Free with g_free(). */
char *bv_suggestion_fix_text (const BvSuggestion *s, BvCause cause);

/* @bytes for people, in the binary units mail servers use for their limits:
 * 10485760 -> "10 MB", 12634521 -> "12.0 MB", 5000 -> "4.9 KB".  Free with
 * g_free(). */
char *bv_format_bytes (guint64 bytes);

G_END_DECLS

#endif /* BV_SUGGEST_H */
