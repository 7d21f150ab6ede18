/* view.c: small pieces every view draws the same way.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tui/draw.h"
#include "tui/view.h"

const char *
bv_view_date (gint64 date, char buf[16])
{
	if (date <= 0)
		return "-";
	g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (date);
	if (dt == NULL)
		return "-";
	g_autofree char *s = g_date_time_format (dt, "%Y-%m-%d");
	g_strlcpy (buf, s, 16);
	return buf;
}

const char *
bv_view_severity (guint hard, guint soft)
{
	if (hard > 0 && soft > 0)
		return _ ("mixed");
	return hard > 0 ? _ ("hard") : _ ("soft");
}
