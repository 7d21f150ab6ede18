/* classify-rules.h: the rule tables behind the cause classifier.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to classify*.c.  The phrase matcher reads a diagnostic once and
 * reports, for every cause, the first phrase of that cause found in it; the
 * code tables turn enhanced status codes into causes; the provider rules
 * know the private codes of the big mailbox providers.
 */
#ifndef BV_CLASSIFY_RULES_H
#define BV_CLASSIFY_RULES_H

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* Phrase flags. */
enum {
	/* The phrase is a provider's own code or wording: decisive. */
	BV_PHRASE_PROVIDER = 1 << 0,
	/* The phrase cancels text evidence for its cause (it looks like one
	 * of the cause's phrases but says something else). */
	BV_PHRASE_NOT = 1 << 1,
	/* The phrase counts only right after a domain name, which the hit
	 * then includes: "<domain> does not exist". */
	BV_PHRASE_AFTER_DOMAIN = 1 << 2,
	/* The phrase says the recipient's address itself does not exist
	 * (the reporting server looked it up in its own directory, or its
	 * notice says so in so many words): it decides at any SMTP command,
	 * where "user unknown" after DATA would be a filter's words. */
	BV_PHRASE_ADDRESS = 1 << 3,
	/* The phrase is a mail system's own clause that says which check
	 * refused (Postfix's "Client host rejected:"): it names the family
	 * of causes, and the wording after it decides within the family. */
	BV_PHRASE_STRUCTURE = 1 << 4,
	/* The phrase is an outer relay's give-up sentence ("retry timeout
	 * exceeded") or a refusal that gives no reason ("Access denied",
	 * "Delivery not authorized, message refused"): it counts only when
	 * the reply it wraps, or the words beside it, say nothing. */
	BV_PHRASE_WRAPPER = 1 << 5,
	/* The phrase is a head word ("spam", "UBE") that counts only as a
	 * whole word, not inside a longer word, an address or a host name. */
	BV_PHRASE_WORD = 1 << 6,
	/* The row is a concept of classify-concepts.def (head words, with
	 * the qualifiers there): matched by bv_concepts_scan(), not as a
	 * phrase. */
	BV_PHRASE_CONCEPT = 1 << 7,
	/* The phrase is a failed connection in the words of the sending
	 * system's runtime (refused, timed out, reset, unreachable): a
	 * network error, or an expired message when the report shows that
	 * the sender retried it until it gave up (classify.c). */
	BV_PHRASE_CONNECTION = 1 << 8,
	/* The provider row states a temporary condition (Gmail retries an
	 * NXDOMAIN with 4.0.0): it counts only where the report's status
	 * is not permanent (5.x.x), which says the condition did not pass. */
	BV_PHRASE_TEMPORARY = 1 << 9,
};

typedef struct {
	const char *phrase; /* lower case; '*' stands for any text */
	BvCause cause;
	guint flags;
	const char *detail; /* what the phrase or convention means, or NULL */
	const char *source; /* where the wording comes from, or NULL */
	guint scope;        /* BvScope: the provider whose report it must come from, or ANY */
} BvPhrase;

/* Where a phrase was found: an index into the phrase table and the span
 * in the original text. */
typedef struct {
	gint phrase; /* -1: none */
	gsize start, end;
} BvHit;

/* What one pass over a diagnostic found. */
typedef struct {
	BvHit text[BV_CAUSE_COUNT];     /* first ordinary phrase per cause */
	BvHit provider[BV_CAUSE_COUNT]; /* first provider phrase per cause */
	gint first_provider;            /* cause of the earliest provider hit, -1 */
	BvHit structure;                /* first STRUCTURE phrase, phrase -1: none */
	guint64 not_mask;               /* causes cancelled by a NOT phrase */
	guint64 address_mask;           /* causes of an ADDRESS phrase found */
	char command[8];                /* SMTP command named in the text, "" */
	gboolean command_by_form;       /* told by the reply's form, not named */
} BvTextScan;

extern const BvPhrase bv_phrases[];
extern const gsize bv_n_phrases;

/* Scans @text (any length, any bytes; NULL is empty) once. */
void bv_text_scan (const char *text, BvTextScan *scan);

/* The same, where the report is known to come from the providers of
 * @scopes (BV_SCOPE_BIT of each, knowledge/systems.h) besides those the
 * text names itself: a provider's scoped knowledge counts only then. */
void bv_text_scan_in (const char *text, guint64 scopes, BvTextScan *scan);

/* Whether the text just before @at names an address, as servers put the
 * one a reply is about before the reason: "<a@b.example>: ",
 * "<a@b.example>... " or "a@b.example... " (classify-phrases.c). */
gboolean bv_address_before (const char *t, gsize at);

/* The cause a status code names by itself, BV_CAUSE_UNDEFINED when it names
 * none (generic codes such as 5.0.0 name none). */
BvCause bv_status_cause (const char *status);

/* The status code a cause implies, in class @cls ('4' or '5'), for reports
 * that carry none.  NULL when the cause implies no code. */
const char *bv_cause_status (BvCause cause, char cls);

/* How much a status code says by itself (RFC 3463 and the IANA registry):
 * a SPECIFIC detail code names one cause and servers do not use it for
 * anything else (5.2.2, 5.3.4, 5.7.26); a REUSED one names a cause but
 * servers also send it for neighbouring refusals (5.1.1 for any refused
 * recipient, 5.2.1, 5.5.2); a GENERIC one names a class only (x.0.0,
 * x.7.1, x.3.0, 4.4.7).  PROVIDER marks a provider's own code beyond the
 * registry (Microsoft's 5.7.509, 5.7.606-649). */
typedef enum {
	BV_CODE_GENERIC,
	BV_CODE_REUSED,
	BV_CODE_SPECIFIC,
	BV_CODE_PROVIDER,
} BvCodeStrength;

BvCodeStrength bv_status_strength (const char *status);

/* A sentence that says what a status code means, or NULL. */
const char *bv_status_meaning (const char *status);

/* Where the meaning and strength of a status code come from (an RFC
 * section, the registry, a provider's page), or NULL. */
const char *bv_status_source (const char *status);

G_END_DECLS

#endif
