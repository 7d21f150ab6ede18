/* classify-concepts.h: causes recognised from a head word and a qualifier.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to classify*.c.  The phrase table knows collocations ("mailbox
 * full"); a concept knows the words of a cause in any arrangement ("the
 * recipient's inbox is out of space", "Skrzynka odbiorcy jest pełna"): a
 * head word and a qualifier near it in the same clause, not negated.  The
 * concepts are in classify-concepts.def; each is also a row of bv_phrases
 * (flag BV_PHRASE_CONCEPT), so that its hit carries a source and a detail
 * into the evidence like any phrase.
 */
#ifndef BV_CLASSIFY_CONCEPTS_H
#define BV_CLASSIFY_CONCEPTS_H

#include "parsers/classify-rules.h"

G_BEGIN_DECLS

/* Where a concept was found in the folded text. */
typedef struct {
	gint phrase; /* index into bv_phrases, -1: none */
	gsize start, end;
} BvConceptHit;

/* Looks for every concept whose cause is not in @have (a mask of causes
 * already found) in the folded text @t of @n bytes (lower case, separators
 * folded to single spaces, as bv_text_scan() folds it); fills @hits, one
 * per cause, with the first concept found. */
void bv_concepts_scan (const char *t, gsize n, guint64 have, BvConceptHit hits[BV_CAUSE_COUNT]);

/* The causes that state a condition ("full", "spam", "blocked"), which a
 * negation before their words denies.  Causes that state an absence
 * ("no PTR record", "no such user", "no MX") keep their words whatever
 * stands before them. */
#define BV_CAUSE_BIT(c) (G_GUINT64_CONSTANT (1) << BV_CAUSE_##c)
#define BV_NEGATABLE_CAUSES                                                                     \
	(BV_CAUSE_BIT (MAILBOXFULL) | BV_CAUSE_BIT (MESGTOOBIG) | BV_CAUSE_BIT (SPAMDETECTED) | \
	 BV_CAUSE_BIT (BLOCKED) | BV_CAUSE_BIT (VIRUSDETECTED) | BV_CAUSE_BIT (SUSPEND) |       \
	 BV_CAUSE_BIT (SPEEDING) | BV_CAUSE_BIT (BADREPUTATION) | BV_CAUSE_BIT (SYSTEMFULL) |   \
	 BV_CAUSE_BIT (TOOMANYCONN) | BV_CAUSE_BIT (EXCEEDLIMIT) | BV_CAUSE_BIT (POLICYVIOLATION))

/* Whether the words just before @at in the folded text @t negate what
 * follows: "not", "no", "never", "isn't", "nicht", "kein", "pas", "não",
 * "nie", "не", "niet", "inte", possibly with a few function words between
 * ("is not listed in any"), within the clause. */
gboolean bv_negated_before (const char *t, gsize at);

G_END_DECLS

#endif
