/* date-filter.c: days, months, "7d" and ranges of them.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tui/date-filter.h"

#define DAY (G_GINT64_CONSTANT (86400))

/* Reads "YYYY-MM-DD" or "YYYY-MM" as [*start, *end) in UTC. */
static gboolean
parse_period (const char *text, gint64 *start, gint64 *end)
{
	int y, m, d, used = 0;
	if (sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && text[used] == '\0') {
		g_autoptr (GDateTime) dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
		if (dt == NULL)
			return FALSE;
		*start = g_date_time_to_unix (dt);
		*end = *start + DAY;
		return TRUE;
	}
	used = 0;
	if (sscanf (text, "%4d-%2d%n", &y, &m, &used) == 2 && text[used] == '\0') {
		g_autoptr (GDateTime) dt = g_date_time_new_utc (y, m, 1, 0, 0, 0);
		if (dt == NULL)
			return FALSE;
		g_autoptr (GDateTime) next = g_date_time_add_months (dt, 1);
		*start = g_date_time_to_unix (dt);
		*end = g_date_time_to_unix (next);
		return TRUE;
	}
	return FALSE;
}

/* Reads "7d" (1 to 36500 days). */
static gboolean
parse_days (const char *text, guint *days)
{
	char *end = NULL;
	if (!g_ascii_isdigit (*text))
		return FALSE;
	guint64 n = g_ascii_strtoull (text, &end, 10);
	if (end == NULL || (*end != 'd' && *end != 'D') || end[1] != '\0' || n == 0 || n > 36500)
		return FALSE;
	*days = (guint)n;
	return TRUE;
}

gboolean
bv_date_filter_parse (const char *text, gint64 now, gint64 *since, gint64 *until, char **problem)
{
	g_autofree char *t = g_strstrip (g_strdup (text));
	*since = *until = 0;
	*problem = NULL;
	if (*t == '\0')
		return TRUE;
	guint days;
	if (parse_days (t, &days)) {
		gint64 today = now - now % DAY;
		*since = today - (gint64)(days - 1) * DAY;
		return TRUE;
	}
	char *dots = strstr (t, "..");
	if (dots == NULL) {
		gint64 end;
		if (parse_period (t, since, &end)) {
			*until = end;
			return TRUE;
		}
	} else {
		*dots = '\0';
		const char *from = t, *to = dots + 2;
		gint64 ignored, s = 0, u = 0;
		gboolean ok = (*from == '\0' || parse_period (from, &s, &ignored)) &&
		              (*to == '\0' || parse_period (to, &ignored, &u)) &&
		              (*from != '\0' || *to != '\0');
		if (ok && s != 0 && u != 0 && u <= s) {
			*problem = g_strdup (_ ("The range ends before it starts"));
			return FALSE;
		}
		if (ok) {
			*since = s;
			*until = u;
			return TRUE;
		}
	}
	*problem = g_strdup_printf (_ ("Not a date: “%s” (try 2026-11, 7d or 2026-11-01..2026-11-15)"), text);
	return FALSE;
}
