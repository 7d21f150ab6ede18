/* summary.h: the summary pane of the groups view: what the group under the
 * cursor is, what to do about it and how it went over the last 30 days.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pane is a text view (text-view.h) that is not on the view stack: the
 * groups view owns it, draws it beside or below its list and hands it the
 * scrolling keys when it has the focus.  Its specifics come from the fix
 * report's own aggregation (bv_export_specifics()), so the pane and
 * `export --format=report` never say different things.
 */
#ifndef BV_TUI_SUMMARY_H
#define BV_TUI_SUMMARY_H

#include "tui/view.h"

G_BEGIN_DECLS

/* Days the sparkline covers, today included. */
#define BV_SUMMARY_DAYS 30

/* The summary of @group (titled @title) among @total bounces passing the
 * application's filter: a new view, freed with bv_view_free(). */
BvView *bv_summary_new (BvTui *tui, const BvGroup *group, const char *title, guint total);

G_END_DECLS

#endif /* BV_TUI_SUMMARY_H */
