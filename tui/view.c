/* view.c: small pieces every view draws the same way.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

char *
bv_view_bounce_key (const BvBounce *b, BvDimension dim)
{
	switch (dim) {
	case BV_DIMENSION_CAUSE: return g_strdup (bv_cause_id (b->cause));
	case BV_DIMENSION_DOMAIN: {
		const char *at = strrchr (b->address, '@');
		return g_strdup (at != NULL ? at + 1 : "");
	}
	case BV_DIMENSION_STATUS: return g_strdup (*b->status != '\0' ? b->status : b->reply_code);
	case BV_DIMENSION_MTA: return g_strdup (b->mta);
	case BV_DIMENSION_MONTH: {
		if (b->date <= 0)
			return g_strdup ("");
		g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (b->date);
		return dt != NULL ? g_date_time_format (dt, "%Y-%m") : g_strdup ("");
	}
	default: return g_strdup (b->address);
	}
}
