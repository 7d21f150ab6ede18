/* policy.h: which addresses the suppression policy proposes, and why.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy exists to stop mail to addresses that are bad, never to drop
 * a good customer.  A bounce counts towards a proposal only when all of
 * these hold:
 *
 *  - its cause is on the recipient's side in the catalog (catalog.h,
 *    BV_SIDE_RECIPIENT): an unknown user or domain, a full or disabled
 *    mailbox.  Causes on the sender's side (blocklists, SPF/DKIM/DMARC,
 *    reverse DNS, rate limits), the message's (size, content filters,
 *    spam verdicts) and temporary ones say nothing about the address:
 *    they never propose it, however often they repeat;
 *  - the report is genuine (verified): sent with a null envelope sender or
 *    by the reporting system's postmaster/MAILER-DAEMON.  Anyone can send
 *    a forged report naming addresses; such reports are shown, marked
 *    unverified, and never counted;
 *  - it is not a delay warning (a system warns several times about one
 *    late message).
 *
 * Of the bounces that count, one hard bounce proposes the address at once
 * (BV_PROPOSAL_HARD); otherwise soft-count of them spread over at least
 * soft-days days (first to last) propose it (BV_PROPOSAL_REPEATED).  Both
 * limits are inclusive: 3 bounces whose first and last are exactly 7 days
 * apart are proposed with the defaults; 2 bounces, or 3 within 7 days less
 * a second, are not.
 *
 * This file is pure: it sees only the facts below, never notmuch or the
 * store, so the rule is tested on its own (tests/index/test-policy.c).
 */
#ifndef BV_POLICY_H
#define BV_POLICY_H

#include <glib.h>

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* The policy's settings (settings.h [policy]). */
typedef struct {
	guint soft_count; /* at least 1 */
	guint soft_days;
} BvPolicy;

/* What the policy knows of one bounce.  @action is the DSN action
 * ("failed", "delayed"); borrowed. */
typedef struct {
	BvCause cause;
	gboolean hard;
	gboolean verified;
	const char *action;
	gint64 date;
} BvPolicyBounce;

/* The verdict on one address. */
typedef enum {
	BV_VERDICT_NONE,     /* not proposed */
	BV_VERDICT_HARD,     /* a counted hard bounce */
	BV_VERDICT_REPEATED, /* soft-count counted bounces over soft-days */
} BvVerdict;

typedef struct {
	BvVerdict verdict;
	guint counted;     /* bounces that count */
	guint sender_side; /* bounces whose cause is not the recipient's */
	guint unverified;  /* bounces from reports that are not genuine */
	gint64 first_seen; /* of the counted bounces; 0: none */
	gint64 last_seen;
	/* Index in the input of the bounce that decides: the latest counted
	 * hard bounce for a hard verdict, else the latest counted bounce;
	 * -1 when none counted. */
	gint evidence;
} BvJudgement;

/* Whether @b counts towards a proposal (see above). */
gboolean bv_policy_counts (const BvPolicyBounce *b);

/* Whether @cause, however often it repeats, could ever propose an address:
 * only recipient-side causes can. */
gboolean bv_policy_cause_can_propose (BvCause cause);

/* Judges the @n bounces of one address (in any order). */
void bv_policy_judge (const BvPolicy *policy, const BvPolicyBounce *bounces, guint n, BvJudgement *out);

G_END_DECLS

#endif /* BV_POLICY_H */
