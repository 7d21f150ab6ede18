/* test-policy.c: the suppression policy's rule on its own (index/policy.h):
 * every cause the catalog does not put on the recipient's side, and every
 * report that is not genuine, never proposes an address however often it
 * repeats; the soft-bounce rule at both limits.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "index/policy.h"
#include "parsers/catalog.h"

#define DAY 86400

static const BvPolicy defaults = { .soft_count = 3, .soft_days = 7 };

/* @n bounces of @cause spread evenly from 0 to @span seconds. */
static BvJudgement
judge_series (BvCause cause, gboolean hard, gboolean verified, const char *action, guint n, gint64 span)
{
	g_autofree BvPolicyBounce *b = g_new0 (BvPolicyBounce, n);
	for (guint i = 0; i < n; i++)
		b[i] = (BvPolicyBounce){ .cause = cause,
			                 .hard = hard,
			                 .verified = verified,
			                 .action = action,
			                 .date = 1700000000 + (n > 1 ? span * i / (n - 1) : 0) };
	BvJudgement j;
	bv_policy_judge (&defaults, b, n, &j);
	return j;
}

static void
test_only_recipient_side (void)
{
	guint recipient = 0, other = 0;
	for (guint c = 0; c < BV_CAUSE_COUNT; c++) {
		/* A hundred bounces over a hundred days, hard ones included. */
		BvJudgement soft = judge_series (c, FALSE, TRUE, "failed", 100, 100 * DAY);
		BvJudgement hard = judge_series (c, TRUE, TRUE, "failed", 100, 100 * DAY);
		if (bv_catalog_side (c) == BV_SIDE_RECIPIENT) {
			recipient++;
			g_assert_cmpint (soft.verdict, ==, BV_VERDICT_REPEATED);
			g_assert_cmpint (hard.verdict, ==, BV_VERDICT_HARD);
		} else {
			other++;
			g_assert_cmpint (soft.verdict, ==, BV_VERDICT_NONE);
			g_assert_cmpint (hard.verdict, ==, BV_VERDICT_NONE);
			g_assert_cmpuint (soft.sender_side, ==, 100);
			g_assert_cmpint (soft.evidence, ==, -1);
		}
	}
	g_assert_cmpuint (recipient, >, 3);
	g_assert_cmpuint (other, >, 10);
	g_assert_false (bv_policy_cause_can_propose (BV_CAUSE_AUTHFAILURE));
	g_assert_false (bv_policy_cause_can_propose (BV_CAUSE_REQUIREPTR));
	g_assert_false (bv_policy_cause_can_propose (BV_CAUSE_MESGTOOBIG));
	g_assert_true (bv_policy_cause_can_propose (BV_CAUSE_USERUNKNOWN));
}

static void
test_unverified_never_counts (void)
{
	BvJudgement j = judge_series (BV_CAUSE_USERUNKNOWN, TRUE, FALSE, "failed", 20, 30 * DAY);
	g_assert_cmpint (j.verdict, ==, BV_VERDICT_NONE);
	g_assert_cmpuint (j.unverified, ==, 20);
	g_assert_cmpuint (j.counted, ==, 0);
}

static void
test_delays_never_count (void)
{
	BvJudgement j = judge_series (BV_CAUSE_MAILBOXFULL, FALSE, TRUE, "delayed", 20, 30 * DAY);
	g_assert_cmpint (j.verdict, ==, BV_VERDICT_NONE);
}

static void
test_soft_boundaries (void)
{
	/* N bounces exactly D days apart: proposed. */
	g_assert_cmpint (judge_series (BV_CAUSE_MAILBOXFULL, FALSE, TRUE, "failed", 3, 7 * DAY).verdict, ==,
	                 BV_VERDICT_REPEATED);
	/* N-1 bounces, however far apart: not. */
	g_assert_cmpint (judge_series (BV_CAUSE_MAILBOXFULL, FALSE, TRUE, "failed", 2, 70 * DAY).verdict, ==,
	                 BV_VERDICT_NONE);
	/* N bounces within D days less a second: not. */
	g_assert_cmpint (judge_series (BV_CAUSE_MAILBOXFULL, FALSE, TRUE, "failed", 3, 7 * DAY - 1).verdict,
	                 ==, BV_VERDICT_NONE);
	/* Many bounces in a short time: not. */
	g_assert_cmpint (judge_series (BV_CAUSE_MAILBOXFULL, FALSE, TRUE, "failed", 50, DAY).verdict, ==,
	                 BV_VERDICT_NONE);
}

static void
test_evidence_is_latest_hard (void)
{
	BvPolicyBounce b[] = {
		{ BV_CAUSE_USERUNKNOWN, TRUE, TRUE, "failed", 100 },
		{ BV_CAUSE_AUTHFAILURE, FALSE, TRUE, "failed", 400 },
		{ BV_CAUSE_USERUNKNOWN, TRUE, TRUE, "failed", 300 },
		{ BV_CAUSE_MAILBOXFULL, FALSE, TRUE, "failed", 350 },
		{ BV_CAUSE_USERUNKNOWN, TRUE, FALSE, "failed", 500 },
	};
	BvJudgement j;
	bv_policy_judge (&defaults, b, G_N_ELEMENTS (b), &j);
	g_assert_cmpint (j.verdict, ==, BV_VERDICT_HARD);
	g_assert_cmpint (j.evidence, ==, 2);
	g_assert_cmpuint (j.counted, ==, 3);
	g_assert_cmpuint (j.sender_side, ==, 1);
	g_assert_cmpuint (j.unverified, ==, 1);
	g_assert_cmpint (j.first_seen, ==, 100);
	g_assert_cmpint (j.last_seen, ==, 350);
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/policy/only-recipient-side", test_only_recipient_side);
	g_test_add_func ("/policy/unverified-never-counts", test_unverified_never_counts);
	g_test_add_func ("/policy/delays-never-count", test_delays_never_count);
	g_test_add_func ("/policy/soft-boundaries", test_soft_boundaries);
	g_test_add_func ("/policy/evidence-is-latest-hard", test_evidence_is_latest_hard);
	return g_test_run ();
}
