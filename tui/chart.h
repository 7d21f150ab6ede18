/* chart.h: bars drawn with the eighth-block characters, for the summary
 * pane's sparkline and the timeline view.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef BV_TUI_CHART_H
#define BV_TUI_CHART_H

#include <glib.h>

G_BEGIN_DECLS

#define BV_CHART_DAY 86400

/* The start of today (UTC, Unix seconds).  A test script may set the day
 * with BOUNCEVIEW_TUI_TODAY=YYYY-MM-DD, so that screens with "the last 30
 * days" do not change with the calendar; outside scripts it is ignored. */
gint64 bv_chart_today (void);

/* The block character (static, UTF-8) for eighths 0..8 of a cell: " " for
 * 0, "▁" for 1 ... "█" for 8. */
const char *bv_chart_block (guint eighths);

/* Eighths (0..8 * @rows) of a bar of @value on a scale whose top is @max:
 * any value above 0 gets at least one eighth, so that a single bounce
 * still shows. */
guint bv_chart_eighths (guint value, guint max, guint rows);

/* A one-line bar chart of the @n @values (new string): one block
 * character a value, scaled to the largest; "▁" for 0 and at least "▂"
 * for any other value. */
char *bv_chart_sparkline (const guint *values, guint n);

G_END_DECLS

#endif /* BV_TUI_CHART_H */
