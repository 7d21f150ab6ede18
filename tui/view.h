/* view.h: what every view is, and what views may ask of the application.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view is a table of callbacks (its class) over a model it does not own:
 * views only read the model (index/model.h) and ask the application to
 * mark, filter or open another view.  Views sit on a stack; Enter pushes
 * the view of the line under the cursor, q pops.  On a wide terminal the
 * two top views are shown side by side.
 */
#ifndef BV_TUI_VIEW_H
#define BV_TUI_VIEW_H

#include <glib.h>

#include "tui/actions.h"
#include "tui/list.h"
#include "index/model.h"
#include "tui/theme.h"

G_BEGIN_DECLS

typedef struct _BvTui BvTui;
typedef struct _BvUndo BvUndo;
typedef struct _BvView BvView;

typedef struct {
	const char *name;
	/* What the title bar says (new string). */
	char *(*title) (BvView *view, BvTui *tui);
	/* Reads the model again after the filter, the grouping or the marks
	 * changed.  May be NULL. */
	void (*reload) (BvView *view, BvTui *tui);
	void (*draw) (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused);
	/* Handles @action; FALSE leaves it to the application. */
	gboolean (*request) (BvView *view, BvTui *tui, BvActionId action);
	/* Whether row @row shows @text (for n and N).  May be NULL. */
	gboolean (*matches) (BvView *view, guint row, const char *text);
	void (*free) (BvView *view);
	/* Its part of the breadcrumb in the title bar when other views lie
	 * below it ("cause: Mailbox full", an address, a day; new string).
	 * NULL: the title. */
	char *(*crumb) (BvView *view, BvTui *tui);
	/* The keys that matter in this view, for the hint line ("Enter:open
	 * m:mark"; N_(), translated when drawn).  NULL: the general ones. */
	const char *hints;
} BvViewClass;

struct _BvView {
	const BvViewClass *klass;
	BvList list;
};

/* The application, as views see it. */
struct _BvTui {
	BvModel *model;        /* owned */
	BvDimension dimension; /* of the groups view */
	BvFilter filter;       /* its text is filter_text */
	char *filter_text;
	GPtrArray *views; /* of BvView*, the stack, owned */
	gboolean focus_left;
	char *message;
	gboolean message_error;
	gboolean quit;
	BvTheme *theme;
	char *export_path; /* last path used in the export dialog */
	int export_format;
	BvUndo *undo;      /* the mark operations z takes back, owned */
	char *search_text; /* what / finds (never narrows), NULL for none */
	char *dates_text;  /* the date filter as typed ("7d"), NULL for none */
	int group_sort;    /* BvGroupSort (sort.h) */
	int address_sort;  /* BvAddressSort */
	/* On a narrow terminal the groups view shows its summary pane
	 * below the list (beside it from 100 columns in any case). */
	gboolean summary_below;
	/* The key of the group under the groups view's cursor, to put the
	 * cursor back on it at the next start (state.c); NULL: the first. */
	char *cursor_group;
	/* The group last opened from the groups view: the history of an
	 * address opened from it starts on the bounce that put the address
	 * in it.  @open_key NULL: none. */
	BvDimension open_dimension;
	char *open_key;
	/* Set by a view's request to be closed once it returns (the
	 * timeline after Enter). */
	gboolean pop_after;
	/* What the index run in the background is doing, NULL when none
	 * runs (start.c). */
	char *indexing;
};

void bv_view_free (BvView *view);

/* Pushes @view (taking it) on top of the stack. */
void bv_tui_push (BvTui *tui, BvView *view);
/* Shows @format in the status line (an error when @error). */
void bv_tui_message (BvTui *tui, gboolean error, const char *format, ...) G_GNUC_PRINTF (3, 4);
/* Reloads every view after a change of filter, grouping or marks. */
void bv_tui_reload_all (BvTui *tui);
/* Marks (or with @unmark, unmarks) @addresses, saving at once, and says
 * so in the status line.  @source is the mark's origin. */
void bv_tui_mark (BvTui *tui, GPtrArray *addresses, gboolean unmark, BvMarkSource source);
/* Takes back the last mark operation (bv_tui_mark()) and says so. */
void bv_tui_undo (BvTui *tui);
/* Puts @text on the clipboard through the terminal (OSC 52) and says so. */
void bv_tui_copy (BvTui *tui, const char *text);
/* Runs the shell @command on the terminal, curses suspended. */
void bv_tui_run_command (BvTui *tui, const char *command);
/* Opens the report @message_id in the user's mail client:
 * $BOUNCEVIEW_MAILER, whose %s is the notmuch query id:..., by default
 * `notmuch show %s`. */
void bv_tui_open_mailer (BvTui *tui, const char *message_id);
/* The grouping as a phrase, "by cause" (translated, static). */
const char *bv_tui_grouping_phrase (BvTui *tui);
/* Draws every view and the bars (used by dialogs to redraw behind them). */
void bv_tui_draw (BvTui *tui);

/* The views. */
BvView *bv_view_groups_new (BvTui *tui);
BvView *bv_view_addresses_new (BvTui *tui, BvDimension dim, const char *key, const char *title);
BvView *bv_view_history_new (BvTui *tui, const char *address);
BvView *bv_view_detail_new (BvTui *tui, const BvBounce *bounce);
BvView *bv_view_pager_new (BvTui *tui, const char *path, const char *title);
BvView *bv_view_help_new (BvTui *tui);
BvView *bv_view_proposals_new (BvTui *tui);
BvView *bv_view_timeline_new (BvTui *tui);
/* The status line's warning when a cause bounces far more today than in
 * the week before (new string), or NULL. */
char *bv_timeline_spike (BvTui *tui);

/* Runs $PAGER (else less) on the file @path. */
void bv_view_run_pager (BvTui *tui, const char *path);

/* The machine key a bounce has in the groups of @dim (new string): what
 * BvGroup.key holds for the group the bounce is in. */
char *bv_view_bounce_key (const BvBounce *bounce, BvDimension dim);

/* Short forms used in several views (static or translated strings). */
const char *bv_view_date (gint64 date, char buf[16]);
const char *bv_view_severity (guint hard, guint soft);

G_END_DECLS

#endif /* BV_TUI_VIEW_H */
