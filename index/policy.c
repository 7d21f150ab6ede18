/* policy.c: the suppression policy's rule (see policy.h).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "index/policy.h"
#include "parsers/catalog.h"

gboolean
bv_policy_cause_can_propose (BvCause cause)
{
	return bv_catalog_side (cause) == BV_SIDE_RECIPIENT;
}

gboolean
bv_policy_counts (const BvPolicyBounce *b)
{
	return b->verified && bv_policy_cause_can_propose (b->cause) &&
	       (b->action == NULL || strcmp (b->action, "delayed") != 0);
}

void
bv_policy_judge (const BvPolicy *policy, const BvPolicyBounce *bounces, guint n, BvJudgement *out)
{
	memset (out, 0, sizeof *out);
	out->evidence = -1;
	gint latest = -1, latest_hard = -1;
	for (guint i = 0; i < n; i++) {
		const BvPolicyBounce *b = &bounces[i];
		if (!b->verified)
			out->unverified++;
		else if (!bv_policy_cause_can_propose (b->cause))
			out->sender_side++;
		if (!bv_policy_counts (b))
			continue;
		out->counted++;
		if (b->date > 0 && (out->first_seen == 0 || b->date < out->first_seen))
			out->first_seen = b->date;
		if (b->date > out->last_seen)
			out->last_seen = b->date;
		/* Ties go to the later bounce in the input. */
		if (latest < 0 || b->date >= bounces[latest].date)
			latest = (gint)i;
		if (b->hard && (latest_hard < 0 || b->date >= bounces[latest_hard].date))
			latest_hard = (gint)i;
	}
	if (latest_hard >= 0) {
		out->verdict = BV_VERDICT_HARD;
		out->evidence = latest_hard;
		return;
	}
	out->evidence = latest;
	guint count = MAX (policy->soft_count, 1);
	if (out->counted >= count && out->last_seen - out->first_seen >= (gint64)policy->soft_days * 86400)
		out->verdict = BV_VERDICT_REPEATED;
}
