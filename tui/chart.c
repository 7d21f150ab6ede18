/* chart.c: bars drawn with the eighth-block characters.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "tui/chart.h"
#include "tui/screen.h"

gint64
bv_chart_today (void)
{
	const char *fixed = bv_screen_scripted () ? g_getenv ("BOUNCEVIEW_TUI_TODAY") : NULL;
	int y, m, d;
	if (fixed != NULL && sscanf (fixed, "%d-%d-%d", &y, &m, &d) == 3) {
		g_autoptr (GDateTime) dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
		if (dt != NULL)
			return g_date_time_to_unix (dt);
	}
	gint64 now = g_get_real_time () / G_USEC_PER_SEC;
	return now - now % BV_CHART_DAY;
}

const char *
bv_chart_block (guint eighths)
{
	static const char *const blocks[] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	return blocks[MIN (eighths, 8)];
}

guint
bv_chart_eighths (guint value, guint max, guint rows)
{
	if (value == 0 || max == 0)
		return 0;
	guint64 e = ((guint64)value * 8 * rows + max / 2) / max;
	return (guint)CLAMP (e, 1, (guint64)8 * rows);
}

char *
bv_chart_sparkline (const guint *values, guint n)
{
	guint max = 0;
	for (guint i = 0; i < n; i++)
		max = MAX (max, values[i]);
	GString *s = g_string_new (NULL);
	for (guint i = 0; i < n; i++) {
		/* A day without a bounce is the lowest bar, not a gap, so
		 * the line reads as one period of time; a day with any
		 * bounce is at least one step higher. */
		guint e = values[i] == 0 ? 1 : 2 + (guint)(((guint64)values[i] * 6 + max / 2) / max);
		g_string_append (s, bv_chart_block (MIN (e, 8)));
	}
	return g_string_free (s, FALSE);
}
