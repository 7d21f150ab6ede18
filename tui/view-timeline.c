/* view-timeline.c: bounces per day (or week) by cause, as a stacked bar
 * chart, and the spike flagged at start.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each bar is a column of cells; a bar's height is counted in eighths of a
 * cell, so that the top cell is one of ▁▂▃▄▅▆▇█.  The causes with most
 * bounces in sight each get a series (a theme colour and, for terminals
 * without colour, a shade), the others share the last one.  The cursor is
 * a bar: Left and Right move it, Enter limits every view to its days.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "parsers/catalog.h"
#include "tui/chart.h"
#include "tui/draw.h"
#include "tui/view.h"

/* Series drawn apart; the rest of the causes are "other". */
#define SERIES_MAX 5
/* Width of the scale on the left. */
#define AXIS_WIDTH 7
/* The most bars computed (a year of days, or of weeks). */
#define BARS_MAX 366

/* What each series is drawn with: a theme element and the glyph of its
 * full cells, which tells the series apart without colour. */
static const BvElement series_element[SERIES_MAX + 1] = {
	BV_EL_HARD, BV_EL_SOFT, BV_EL_SECTION, BV_EL_LABEL, BV_EL_SELECTED, BV_EL_DIM,
};
static const char *const series_glyph[SERIES_MAX + 1] = { "█", "▓", "▒", "░", "█", "▒" };

typedef struct {
	BvView parent;
	gboolean weeks; /* a bar a week, else a bar a day */
	gint64 end;     /* start of the last bar's last day */
	guint bars;     /* computed, the last one ending on @end's day */
	guint *counts;  /* bars * BV_CAUSE_COUNT */
	guint n_series;
	BvCause series[SERIES_MAX]; /* the causes drawn apart, most first */
	gboolean other;             /* a series for the rest */
	guint totals[SERIES_MAX + 1];
	gboolean placed; /* the cursor was put on the last bar */
} TimelineView;

static guint
bar_days (const TimelineView *v)
{
	return v->weeks ? 7 : 1;
}

/* The first day of bar @i. */
static gint64
bar_start (const TimelineView *v, guint i)
{
	return v->end - (gint64)((v->bars - 1 - i) * bar_days (v) + bar_days (v) - 1) * BV_CHART_DAY;
}

/* The series of @cause: its index, or the "other" one. */
static guint
series_of (const TimelineView *v, guint cause)
{
	for (guint s = 0; s < v->n_series; s++)
		if ((guint)v->series[s] == cause)
			return s;
	return v->n_series;
}

static guint
bar_total (const TimelineView *v, guint i)
{
	guint n = 0;
	for (guint c = 0; c < BV_CAUSE_COUNT; c++)
		n += v->counts[i * BV_CAUSE_COUNT + c];
	return n;
}

/* The day the chart ends on: today, unless nothing bounced in the last
 * year, in which case the last day anything bounced (an old Maildir is
 * still worth a look). */
static gint64
end_day (BvTui *tui, const BvFilter *filter)
{
	gint64 today = bv_chart_today ();
	g_autoptr (GPtrArray) groups = bv_model_groups (tui->model, BV_DIMENSION_CAUSE, filter);
	gint64 last = 0;
	for (guint i = 0; i < groups->len; i++)
		last = MAX (last, ((BvGroup *)groups->pdata[i])->last_seen);
	if (last > 0 && last < today - 365 * BV_CHART_DAY)
		return last - last % BV_CHART_DAY;
	return today;
}

static void
timeline_reload (BvView *view, BvTui *tui)
{
	TimelineView *v = (TimelineView *)view;
	/* The chart shows every day whatever days the views are limited
	 * to: it is where a day is chosen. */
	BvFilter filter = tui->filter;
	filter.since = filter.until = 0;
	v->end = end_day (tui, &filter);
	v->bars = BARS_MAX;
	guint days = v->bars * bar_days (v);
	gint64 since = v->end - (gint64)(days - 1) * BV_CHART_DAY;
	g_autofree guint *daily = g_new0 (guint, (gsize)days * BV_CAUSE_COUNT);
	bv_model_count_days (tui->model, BV_DIMENSION_CAUSE, NULL, &filter, since, days, daily);
	g_free (v->counts);
	v->counts = g_new0 (guint, (gsize)v->bars * BV_CAUSE_COUNT);
	for (guint d = 0; d < days; d++)
		for (guint c = 0; c < BV_CAUSE_COUNT; c++)
			v->counts[(d / bar_days (v)) * BV_CAUSE_COUNT + c] += daily[d * BV_CAUSE_COUNT + c];
	bv_list_set_count (&view->list, v->bars);
	if (!v->placed) {
		view->list.cursor = v->bars - 1;
		v->placed = TRUE;
	}
}

/* Chooses the series among the bars from @first to the last: the causes
 * with most bounces there. */
static void
choose_series (TimelineView *v, guint first)
{
	guint per_cause[BV_CAUSE_COUNT] = { 0 };
	for (guint i = first; i < v->bars; i++)
		for (guint c = 0; c < BV_CAUSE_COUNT; c++)
			per_cause[c] += v->counts[i * BV_CAUSE_COUNT + c];
	gboolean used[BV_CAUSE_COUNT] = { FALSE };
	v->n_series = 0;
	while (v->n_series < SERIES_MAX) {
		int best = -1;
		for (guint c = 0; c < BV_CAUSE_COUNT; c++)
			if (!used[c] && per_cause[c] > 0 && (best < 0 || per_cause[c] > per_cause[best]))
				best = (int)c;
		if (best < 0)
			break;
		used[best] = TRUE;
		v->series[v->n_series++] = (BvCause)best;
	}
	memset (v->totals, 0, sizeof v->totals);
	for (guint c = 0; c < BV_CAUSE_COUNT; c++)
		v->totals[series_of (v, c)] += per_cause[c];
	v->other = v->totals[v->n_series] > 0;
}

/* The series that covers eighth @e (from the bottom) of bar @i, whose
 * series' bounces stack up to @total counts drawn @height eighths high. */
static guint
series_at (const TimelineView *v, guint i, guint e, guint height, guint total)
{
	guint sums[SERIES_MAX + 1] = { 0 };
	for (guint c = 0; c < BV_CAUSE_COUNT; c++)
		sums[series_of (v, c)] += v->counts[i * BV_CAUSE_COUNT + c];
	/* The middle of the eighth, on the scale of the counts. */
	double at = (e + 0.5) * total / height;
	double acc = 0;
	for (guint s = 0; s <= v->n_series; s++) {
		acc += sums[s];
		if (at < acc)
			return s;
	}
	return v->n_series;
}

static const char *
series_title (const TimelineView *v, guint s)
{
	return s < v->n_series ? bv_catalog_title (v->series[s]) : _ ("other causes");
}

static void
draw_bar (TimelineView *v, guint i, int bottom, int x, int rows, guint max, gboolean cursor)
{
	guint total = bar_total (v, i);
	guint height = bv_chart_eighths (total, max, (guint)rows);
	for (int r = 0; r < rows; r++) {
		int y = bottom - r;
		guint from = (guint)r * 8;
		if (height <= from) {
			bv_draw_text (y, x, 1, cursor ? "·" : " ", bv_theme_attr (BV_EL_DIM));
			continue;
		}
		guint part = MIN (height - from, 8);
		guint s = series_at (v, i, from + part / 2, height, total);
		int attr = bv_theme_attr (series_element[MIN (s, SERIES_MAX)]);
		const char *glyph = part == 8 ? series_glyph[MIN (s, SERIES_MAX)] : bv_chart_block (part);
		bv_draw_text (y, x, 1, glyph, attr);
	}
}

static void
timeline_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	TimelineView *v = (TimelineView *)view;
	for (int row = y; row < y + h; row++)
		bv_draw_fill (row, x, w, bv_theme_attr (BV_EL_DEFAULT));
	/* A bar and a blank column between bars; as many as fit. */
	guint fit = (guint)CLAMP ((w - AXIS_WIDTH - 1) / 2, 1, (int)v->bars);
	guint first = v->bars - fit;
	if (view->list.cursor < first)
		view->list.cursor = first;
	choose_series (v, first);
	guint legend = v->n_series + (v->other ? 1 : 0);
	int rows = h - 4 - (int)legend;
	if (rows < 2) {
		bv_draw_text (y, x + 1, w - 2, _ ("Too small for the timeline"), bv_theme_attr (BV_EL_DIM));
		return;
	}
	guint max = 0;
	for (guint i = first; i < v->bars; i++)
		max = MAX (max, bar_total (v, i));
	char a[16], b[16];
	g_autofree char *heading =
	        g_strdup_printf (v->weeks ? _ ("Bounces per week by cause, %1$s to %2$s (w: per day)")
	                                  : _ ("Bounces per day by cause, %1$s to %2$s (w: per week)"),
	                         bv_view_date (bar_start (v, first), a), bv_view_date (v->end, b));
	bv_draw_text (y, x + 1, w - 2, heading, bv_theme_attr (BV_EL_HEADER));
	int bottom = y + rows;
	/* The scale: the highest bar at the top, 0 at the bottom. */
	g_autofree char *top = g_strdup_printf ("%*u", AXIS_WIDTH - 2, max);
	bv_draw_text (y + 1, x, AXIS_WIDTH - 1, top, bv_theme_attr (BV_EL_DIM));
	bv_draw_text (bottom, x, AXIS_WIDTH - 1, "    0", bv_theme_attr (BV_EL_DIM));
	for (int r = y + 1; r <= bottom; r++)
		bv_draw_text (r, x + AXIS_WIDTH - 1, 1, "│", bv_theme_attr (BV_EL_SEPARATOR));
	for (guint i = first; i < v->bars; i++)
		draw_bar (v, i, bottom, x + AXIS_WIDTH + (int)(i - first) * 2, rows, max,
		          i == view->list.cursor);
	/* Under the bars: a mark under the cursor's bar and what it holds. */
	int cx = x + AXIS_WIDTH + (int)(view->list.cursor - first) * 2;
	bv_draw_text (bottom + 1, cx, 1, "▲", bv_theme_attr (focused ? BV_EL_KEY : BV_EL_DIM));
	guint i = view->list.cursor;
	guint total = bar_total (v, i);
	g_autoptr (GString) info = g_string_new (NULL);
	gint64 start = bar_start (v, i);
	if (v->weeks)
		g_string_append_printf (info, "%s..%s: ", bv_view_date (start, a),
		                        bv_view_date (start + 6 * BV_CHART_DAY, b));
	else
		g_string_append_printf (info, "%s: ", bv_view_date (start, a));
	g_string_append_printf (info, ngettext ("%u bounce", "%u bounces", total), total);
	if (total > 0)
		g_string_append (info, _ (" (Enter limits the views to it)"));
	bv_draw_text (bottom + 2, x + 1, w - 2, info->str, bv_theme_attr (BV_EL_DEFAULT));
	/* The legend: a series a line, its glyph in its colour. */
	for (guint s = 0; s < legend; s++) {
		int ly = bottom + 3 + (int)s;
		guint series = s < v->n_series ? s : v->n_series;
		bv_draw_text (ly, x + 1, 1, series_glyph[MIN (series, SERIES_MAX)],
		              bv_theme_attr (series_element[MIN (series, SERIES_MAX)]));
		g_autofree char *line =
		        g_strdup_printf ("%7u  %s", v->totals[series], series_title (v, series));
		bv_draw_text (ly, x + 3, w - 4, line, bv_theme_attr (BV_EL_DEFAULT));
	}
	/* The list's rectangle is the chart, for the mouse. */
	view->list.y = y + 1;
	view->list.x = x;
	view->list.h = rows;
	view->list.w = w;
}

static gboolean
timeline_request (BvView *view, BvTui *tui, BvActionId action)
{
	TimelineView *v = (TimelineView *)view;
	BvList *list = &view->list;
	switch (action) {
	case BV_ACT_SCROLL_LEFT:
	case BV_ACT_MOVE_UP:
		if (list->cursor > 0)
			list->cursor--;
		return TRUE;
	case BV_ACT_SCROLL_RIGHT:
	case BV_ACT_MOVE_DOWN:
		if (list->cursor + 1 < list->n)
			list->cursor++;
		return TRUE;
	case BV_ACT_FIRST: list->cursor = 0; return TRUE;
	case BV_ACT_LAST: list->cursor = list->n - 1; return TRUE;
	case BV_ACT_PERIOD: {
		/* The cursor stays on the same day: its week, or the
		 * week's last day. */
		guint from_end = v->bars - 1 - list->cursor;
		v->weeks = !v->weeks;
		timeline_reload (view, tui);
		guint now = v->weeks ? from_end / 7 : from_end * 7;
		list->cursor = v->bars - 1 - MIN (now, v->bars - 1);
		return TRUE;
	}
	case BV_ACT_ENTER: {
		gint64 start = bar_start (v, list->cursor);
		tui->filter.since = start;
		tui->filter.until = start + (gint64)bar_days (v) * BV_CHART_DAY;
		bv_tui_reload_all (tui);
		char a[16];
		bv_tui_message (tui, FALSE,
		                v->weeks ? _ ("Showing the week from %s (c clears)")
		                         : _ ("Showing %s only (c clears)"),
		                bv_view_date (start, a));
		tui->pop_after = TRUE;
		return TRUE;
	}
	default: return FALSE;
	}
}

static char *
timeline_title (BvView *view, BvTui *tui)
{
	return g_strdup (_ ("Timeline"));
}

static void
timeline_free (BvView *view)
{
	g_free (((TimelineView *)view)->counts);
	g_free (view);
}

static const BvViewClass timeline_class = {
	.name = "timeline",
	.title = timeline_title,
	.reload = timeline_reload,
	.draw = timeline_draw,
	.request = timeline_request,
	.free = timeline_free,
	.hints = N_ ("←/→:day Enter:only this day w:week q:back"),
};

BvView *
bv_view_timeline_new (BvTui *tui)
{
	TimelineView *v = g_new0 (TimelineView, 1);
	v->parent.klass = &timeline_class;
	timeline_reload (&v->parent, tui);
	return &v->parent;
}

char *
bv_timeline_spike (BvTui *tui)
{
	/* Today against the week before it, cause by cause. */
	enum { BEFORE = 7 };
	gint64 today = bv_chart_today ();
	guint counts[(BEFORE + 1) * BV_CAUSE_COUNT];
	BvFilter filter = tui->filter;
	filter.since = filter.until = 0;
	bv_model_count_days (tui->model, BV_DIMENSION_CAUSE, NULL, &filter, today - BEFORE * BV_CHART_DAY,
	                     BEFORE + 1, counts);
	int best = -1;
	guint best_rise = 0;
	for (guint c = 0; c < BV_CAUSE_COUNT; c++) {
		guint now = counts[BEFORE * BV_CAUSE_COUNT + c], most = 0;
		for (guint d = 0; d < BEFORE; d++)
			most = MAX (most, counts[d * BV_CAUSE_COUNT + c]);
		/* A spike: at least 10 today and over three times the worst
		 * day of the week before. */
		if (now >= 10 && now > 3 * most && now - most > best_rise) {
			best = (int)c;
			best_rise = now - most;
		}
	}
	if (best < 0)
		return NULL;
	guint yesterday = counts[(BEFORE - 1) * BV_CAUSE_COUNT + best];
	guint now = counts[BEFORE * BV_CAUSE_COUNT + best];
	/* TRANSLATORS: in the status line at start: "Spike: Blocked by a
	 * blocklist: 0 -> 2445 today (D: timeline)"; %1$s is the cause id. */
	return g_strdup_printf (_ ("Spike: %1$s: %2$u -> %3$u today (D: timeline)"),
	                        bv_cause_id ((BvCause)best), yesterday, now);
}
