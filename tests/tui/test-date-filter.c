/* test-date-filter.c: what the dates key accepts, at the edges.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tui/date-filter.h"

/* 2026-11-15 13:20:00 UTC. */
#define NOW G_GINT64_CONSTANT (1794700800 + 13 * 3600 + 20 * 60)

static gint64
day (int y, int m, int d)
{
	g_autoptr (GDateTime) dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
	return g_date_time_to_unix (dt);
}

static void
expect (const char *text, gint64 since, gint64 until)
{
	gint64 s = -1, u = -1;
	g_autofree char *problem = NULL;
	g_assert_true (bv_date_filter_parse (text, NOW, &s, &u, &problem));
	g_assert_null (problem);
	g_assert_cmpint (s, ==, since);
	g_assert_cmpint (u, ==, until);
}

static void
expect_bad (const char *text)
{
	gint64 s, u;
	g_autofree char *problem = NULL;
	g_assert_false (bv_date_filter_parse (text, NOW, &s, &u, &problem));
	g_assert_nonnull (problem);
}

static void
test_now_is_what_the_test_says (void)
{
	g_assert_cmpint (day (2026, 11, 15), ==, NOW - 13 * 3600 - 20 * 60);
}

static void
test_days_and_months (void)
{
	expect ("", 0, 0);
	expect ("  ", 0, 0);
	expect ("2026-11-03", day (2026, 11, 3), day (2026, 11, 4));
	expect ("2026-11", day (2026, 11, 1), day (2026, 12, 1));
	/* December ends in the next year; February in a leap year. */
	expect ("2026-12", day (2026, 12, 1), day (2027, 1, 1));
	expect ("2028-02", day (2028, 2, 1), day (2028, 3, 1));
	expect ("2028-02-29", day (2028, 2, 29), day (2028, 3, 1));
}

static void
test_last_days (void)
{
	/* Today is one of the seven days; nothing ends the range. */
	expect ("7d", day (2026, 11, 9), 0);
	expect ("1d", day (2026, 11, 15), 0);
	expect ("30d", day (2026, 10, 17), 0);
	expect ("30D", day (2026, 10, 17), 0);
}

static void
test_ranges (void)
{
	expect ("2026-11-01..2026-11-15", day (2026, 11, 1), day (2026, 11, 16));
	expect ("2026-10..2026-11", day (2026, 10, 1), day (2026, 12, 1));
	expect ("2026-10-20..", day (2026, 10, 20), 0);
	expect ("..2026-10", 0, day (2026, 11, 1));
	/* One day as a range is that day. */
	expect ("2026-11-03..2026-11-03", day (2026, 11, 3), day (2026, 11, 4));
}

static void
test_bad (void)
{
	expect_bad ("not a date");
	expect_bad ("2026-13");
	expect_bad ("2026-02-30");
	expect_bad ("2026-11-03x");
	expect_bad ("0d");
	expect_bad ("7");
	expect_bad ("-7d");
	expect_bad ("7 days");
	expect_bad ("..");
	expect_bad ("2026-11-15..2026-11-01");
	expect_bad ("2026-11..2026-10-31");
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/date-filter/now", test_now_is_what_the_test_says);
	g_test_add_func ("/date-filter/days-and-months", test_days_and_months);
	g_test_add_func ("/date-filter/last-days", test_last_days);
	g_test_add_func ("/date-filter/ranges", test_ranges);
	g_test_add_func ("/date-filter/bad", test_bad);
	return g_test_run ();
}
