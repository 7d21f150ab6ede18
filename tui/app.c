/* app.c: the application: the view stack, the layout, the key loop and the
 * actions that concern every view (filters, grouping, marks, themes).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <curses.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/log.h"
#include "tui/screen.h"
#include "tui/search.h"
#include "tui/sort.h"
#include "tui/date-filter.h"
#include "index/settings.h"
#include "tui/start.h"
#include "tui/state.h"
#include "tui/tui.h"
#include "tui/undo.h"
#include "tui/view.h"
#include "tui/watch.h"

/* From this width on, the two top views are shown side by side. */
#define WIDE_COLUMNS 120

/* The dimensions the grouping key cycles through (address has its own
 * view already). */
static const BvDimension grouping_cycle[] = {
	BV_DIMENSION_CAUSE, BV_DIMENSION_DOMAIN, BV_DIMENSION_STATUS, BV_DIMENSION_MTA, BV_DIMENSION_MONTH,
};

/* The grouping as a phrase: "by cause" (translated, static). */
static const char *
grouping_phrase (BvDimension dim)
{
	switch (dim) {
	case BV_DIMENSION_CAUSE: return C_ ("grouping", "by cause");
	case BV_DIMENSION_DOMAIN: return C_ ("grouping", "by recipient domain");
	case BV_DIMENSION_STATUS: return C_ ("grouping", "by status code");
	case BV_DIMENSION_MTA: return C_ ("grouping", "by mail system");
	case BV_DIMENSION_MONTH: return C_ ("grouping", "by month");
	default: return C_ ("grouping", "by address");
	}
}

const char *
bv_tui_grouping_phrase (BvTui *tui)
{
	return grouping_phrase (tui->dimension);
}

void
bv_view_free (BvView *view)
{
	if (view != NULL)
		view->klass->free (view);
}

void
bv_tui_push (BvTui *tui, BvView *view)
{
	g_ptr_array_add (tui->views, view);
	tui->focus_left = FALSE;
}

static BvView *
top_view (BvTui *tui)
{
	return tui->views->pdata[tui->views->len - 1];
}

static void
pop_view (BvTui *tui)
{
	if (tui->views->len > 1)
		g_ptr_array_remove_index (tui->views, tui->views->len - 1);
	tui->focus_left = FALSE;
}

void
bv_tui_message (BvTui *tui, gboolean error, const char *format, ...)
{
	va_list args;
	va_start (args, format);
	g_free (tui->message);
	tui->message = g_strdup_vprintf (format, args);
	tui->message_error = error;
	va_end (args);
}

void
bv_tui_reload_all (BvTui *tui)
{
	for (guint i = 0; i < tui->views->len; i++) {
		BvView *view = tui->views->pdata[i];
		if (view->klass->reload != NULL)
			view->klass->reload (view, tui);
	}
}

void
bv_tui_mark (BvTui *tui, GPtrArray *addresses, gboolean unmark, BvMarkSource source)
{
	if (addresses->len == 0)
		return;
	g_autoptr (GError) error = NULL;
	if (!bv_undo_apply (tui->undo, tui->model, addresses, unmark, source, NULL, &error)) {
		bv_tui_message (tui, TRUE, _ ("Could not save the marks: %s"), error->message);
		return;
	}
	if (addresses->len == 1)
		bv_tui_message (tui, FALSE, unmark ? _ ("Unmarked %s") : _ ("Marked %s for suppression"),
		                (const char *)addresses->pdata[0]);
	else
		bv_tui_message (
		        tui, FALSE,
		        unmark ? ngettext ("Unmarked %u address", "Unmarked %u addresses", addresses->len)
		               : ngettext ("Marked %u address for suppression",
		                           "Marked %u addresses for suppression", addresses->len),
		        addresses->len);
	bv_tui_reload_all (tui);
}

void
bv_tui_undo (BvTui *tui)
{
	gboolean was_unmark = FALSE;
	guint n = 0;
	g_autoptr (GError) error = NULL;
	if (!bv_undo_revert (tui->undo, tui->model, &was_unmark, &n, &error)) {
		if (error != NULL)
			bv_tui_message (tui, TRUE, _ ("Could not undo: %s"), error->message);
		else
			bv_tui_message (tui, FALSE, _ ("Nothing to undo"));
		return;
	}
	bv_tui_message (tui, FALSE,
	                was_unmark ? ngettext ("Undone: %u mark is back", "Undone: %u marks are back", n)
	                           : ngettext ("Undone: %u address is no longer marked",
	                                       "Undone: %u addresses are no longer marked", n),
	                n);
	bv_tui_reload_all (tui);
}

/* The grouping and the filter in a few words for the status bar (new
 * string): a user always sees what the views are narrowed to. */
static char *
filter_summary (BvTui *tui, BvView *focused)
{
	g_autoptr (GString) s = g_string_new (NULL);
	g_string_append_printf (s, "%s · ", grouping_phrase (tui->dimension));
	if (tui->filter_text != NULL && *tui->filter_text != '\0')
		g_string_append_printf (s, _ ("limited to “%s” "), tui->filter_text);
	if (tui->filter.severity == BV_SEVERITY_HARD)
		g_string_append_printf (s, "%s ", _ ("hard only"));
	else if (tui->filter.severity == BV_SEVERITY_SOFT)
		g_string_append_printf (s, "%s ", _ ("soft only"));
	if (tui->filter.marked == BV_MARKED_NO)
		g_string_append_printf (s, "%s ", _ ("unmarked only"));
	/* The dates as the user typed them ("7d" stays "7d"), or as another
	 * view set them (a day of the timeline, the saved state). */
	if (tui->dates_text != NULL) {
		g_string_append_printf (s, "%s ", tui->dates_text);
	} else if (tui->filter.since != 0 || tui->filter.until != 0) {
		char a[16], b[16];
		g_string_append_printf (s, "%s..%s ",
		                        tui->filter.since ? bv_view_date (tui->filter.since, a) : "",
		                        tui->filter.until ? bv_view_date (tui->filter.until - 86400, b) : "");
	}
	/* The order, when it is not the one the views start with. */
	if (strcmp (focused->klass->name, "groups") == 0 && tui->group_sort != BV_GROUP_SORT_BOUNCES)
		g_string_append_printf (s, "%s ", bv_group_sort_phrase (tui->group_sort));
	else if (strcmp (focused->klass->name, "addresses") == 0 &&
	         tui->address_sort != BV_ADDRESS_SORT_BOUNCES)
		g_string_append_printf (s, "%s ", bv_address_sort_phrase (tui->address_sort));
	/* The last separator, or the one after the grouping when no filter
	 * is set. */
	if (g_str_has_suffix (s->str, " · "))
		g_string_truncate (s, s->len - strlen (" · "));
	else
		g_string_truncate (s, s->len - 1);
	return g_string_free (g_steal_pointer (&s), FALSE);
}

/* @text cut to at most @width columns, ending in "…" when cut (new). */
static char *
cut_to_width (const char *text, int width)
{
	if (bv_draw_width (text) <= width)
		return g_strdup (text);
	g_autoptr (GString) s = g_string_new (text);
	while (s->len > 0 && bv_draw_width (s->str) > width - 1) {
		const char *last = g_utf8_find_prev_char (s->str, s->str + s->len);
		g_string_truncate (s, last != NULL ? (gsize)(last - s->str) : 0);
	}
	g_string_append (s, "…");
	return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The title bar: the first view's title, or below it the way from the
 * groups to the focused view, "cause: Mailbox full › alice@example.com ›
 * 2026-11-03", each view above the first giving its part (its crumb) and
 * the focused one its whole title.  When it does not fit, the parts before
 * the last are shortened first: the last says where the user is. */
static void
draw_title (BvTui *tui, BvView *focused)
{
	int attr = bv_theme_attr (BV_EL_TITLE);
	const char *head = " bounceview · ", *sep = " › ";
	g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
	for (guint i = tui->views->len > 1 ? 1 : 0; i < tui->views->len; i++) {
		BvView *view = tui->views->pdata[i];
		gboolean last = view == focused;
		g_ptr_array_add (parts, !last && view->klass->crumb != NULL ? view->klass->crumb (view, tui)
		                                                            : view->klass->title (view, tui));
		if (last)
			break;
	}
	int width = bv_draw_width (head) + bv_draw_width (sep) * (int)(parts->len - 1);
	for (guint i = 0; i < parts->len; i++)
		width += bv_draw_width (parts->pdata[i]);
	for (guint i = 0; i + 1 < parts->len && width > COLS; i++) {
		int w = bv_draw_width (parts->pdata[i]);
		int keep = MAX (w - (width - COLS), 12);
		if (keep >= w)
			continue;
		char *cut = cut_to_width (parts->pdata[i], keep);
		width -= w - bv_draw_width (cut);
		g_free (parts->pdata[i]);
		parts->pdata[i] = cut;
	}
	g_autoptr (GString) left = g_string_new (head);
	for (guint i = 0; i < parts->len; i++)
		g_string_append_printf (left, "%s%s", i > 0 ? sep : "", (char *)parts->pdata[i]);
	bv_draw_cell (0, 0, COLS, left->str, attr, FALSE);
}

static void
draw_status (BvTui *tui, BvView *focused)
{
	int y = LINES - 1;
	int attr = bv_theme_attr (tui->message_error ? BV_EL_ERROR : BV_EL_STATUS);
	g_autofree char *where = NULL;
	if (!focused->list.scroll_only && focused->list.n > 0)
		where = g_strdup_printf ("%u/%u ", focused->list.cursor + 1, focused->list.n);
	else if (focused->list.n > 0)
		where = g_strdup_printf ("%u%% ",
		                         focused->list.n <= (guint)MAX (focused->list.h, 1)
		                                 ? 100
		                                 : MIN (100, (focused->list.top + (guint)focused->list.h) *
		                                                     100 / focused->list.n));
	else
		where = g_strdup ("");
	/* The keys that matter in the focused view, or the general ones. */
	const char *text = tui->message != NULL ? tui->message
	                   : focused->klass->hints
	                           ? _ (focused->klass->hints)
	                           : _ ("?:help /:search o:group m:mark p:proposals e:export");
	/* The right side says where the user is and what is shown; a message
	 * may take its room, the key hints may not. */
	g_autofree char *summary = filter_summary (tui, focused);
	g_autofree char *right = tui->indexing != NULL
	                                 ? g_strdup_printf ("%s · %s  %s", tui->indexing, summary, where)
	                                 : g_strdup_printf ("%s  %s", summary, where);
	int rw = MIN (bv_draw_width (right) + 1, COLS * 3 / 5);
	int lw = COLS - rw;
	g_autofree char *shown = g_strconcat (" ", text, NULL);
	bv_draw_cell (y, 0, lw, shown, attr, FALSE);
	bv_draw_cell (y, lw, COLS - lw, right, bv_theme_attr (BV_EL_STATUS), TRUE);
}

static gboolean
wide_layout (BvTui *tui)
{
	return COLS >= WIDE_COLUMNS && tui->views->len >= 2;
}

static int
left_width (void)
{
	return COLS * 2 / 5;
}

static BvView *
focused_view (BvTui *tui)
{
	if (wide_layout (tui) && tui->focus_left)
		return tui->views->pdata[tui->views->len - 2];
	return top_view (tui);
}

void
bv_tui_draw (BvTui *tui)
{
	int h = LINES - 2;
	BvView *focused = focused_view (tui);
	bkgdset (' ' | bv_theme_attr (BV_EL_DEFAULT));
	if (h < 1 || COLS < 10) {
		erase ();
		mvaddstr (0, 0, _ ("Too small"));
		wnoutrefresh (stdscr);
		return;
	}
	draw_title (tui, focused);
	if (wide_layout (tui)) {
		BvView *left = tui->views->pdata[tui->views->len - 2];
		int lw = left_width ();
		left->klass->draw (left, tui, 1, 0, h, lw, tui->focus_left);
		for (int y = 1; y <= h; y++)
			bv_draw_text (y, lw, 1, "│", bv_theme_attr (BV_EL_SEPARATOR));
		top_view (tui)->klass->draw (top_view (tui), tui, 1, lw + 1, h, COLS - lw - 1,
		                             !tui->focus_left);
	} else {
		top_view (tui)->klass->draw (top_view (tui), tui, 1, 0, h, COLS, TRUE);
	}
	bv_search_highlight (focused->list.y, focused->list.x, focused->list.h, focused->list.w,
	                     tui->search_text);
	draw_status (tui, focused);
	wnoutrefresh (stdscr);
}

static void
cycle_grouping (BvTui *tui, int step)
{
	gsize i = 0, n = G_N_ELEMENTS (grouping_cycle);
	while (i < n && grouping_cycle[i] != tui->dimension)
		i++;
	tui->dimension = grouping_cycle[(gsize)((gssize)i + (gssize)n + step) % n];
	/* A new grouping makes the opened groups meaningless: back to the
	 * groups view. */
	while (tui->views->len > 1)
		pop_view (tui);
	/* The title and the status bar say the new grouping. */
	bv_tui_reload_all (tui);
}

static char *
check_dates (const char *text, gpointer data)
{
	gint64 since, until;
	char *problem = NULL;
	bv_date_filter_parse (text, g_get_real_time () / G_USEC_PER_SEC, &since, &until, &problem);
	return problem;
}

/* A wrong entry keeps the prompt open with what is wrong under it, so
 * that Esc after a typo only closes the prompt, never the view. */
static void
ask_dates (BvTui *tui)
{
	g_autofree char *answer = bv_dialog_prompt_checked (
	        tui, _ ("Dates: 2026-11, 7d, 30d, 2026-11-01..2026-11-15 (empty: all)"), tui->dates_text,
	        check_dates, NULL);
	if (answer == NULL)
		return;
	g_strstrip (answer);
	char *problem = NULL;
	bv_date_filter_parse (answer, g_get_real_time () / G_USEC_PER_SEC, &tui->filter.since,
	                      &tui->filter.until, &problem);
	g_free (problem);
	g_free (tui->dates_text);
	tui->dates_text = *answer != '\0' ? g_steal_pointer (&answer) : NULL;
	bv_tui_reload_all (tui);
}

/* The sort key: the next order of the focused view's rows. */
static void
cycle_sort (BvTui *tui, BvView *view)
{
	if (strcmp (view->klass->name, "groups") == 0) {
		tui->group_sort = (tui->group_sort + 1) % BV_GROUP_SORT_COUNT;
		bv_tui_message (tui, FALSE, _ ("Groups %s"), bv_group_sort_phrase (tui->group_sort));
	} else if (strcmp (view->klass->name, "addresses") == 0) {
		tui->address_sort = (tui->address_sort + 1) % BV_ADDRESS_SORT_COUNT;
		bv_tui_message (tui, FALSE, _ ("Addresses %s"), bv_address_sort_phrase (tui->address_sort));
	} else {
		bv_tui_message (tui, FALSE, _ ("Only the groups and the addresses can be sorted"));
		return;
	}
	bv_tui_reload_all (tui);
}

static void
cycle_theme (BvTui *tui)
{
	g_auto (GStrv) names = bv_theme_list ();
	guint n = g_strv_length (names);
	if (n == 0) {
		bv_tui_message (tui, TRUE, _ ("No theme files found"));
		return;
	}
	guint i = 0;
	while (i < n && strcmp (names[i], bv_theme_name (tui->theme)) != 0)
		i++;
	const char *next = names[i < n ? (i + 1) % n : 0];
	g_autoptr (GError) error = NULL;
	BvTheme *theme = bv_theme_load (next, &error);
	if (theme == NULL) {
		bv_tui_message (tui, TRUE, "%s", error->message);
		return;
	}
	bv_theme_free (tui->theme);
	tui->theme = theme;
	bv_theme_apply (theme);
	clearok (curscr, TRUE);
	bv_tui_message (tui, FALSE, _ ("Theme: %s"), next);
}

void
bv_tui_copy (BvTui *tui, const char *text)
{
	/* OSC 52 sets the clipboard through the terminal, also over ssh and
	 * in tmux (with set-clipboard on), as tmux, vim and kitty do. */
	g_autofree char *b64 = g_base64_encode ((const guchar *)text, strlen (text));
	g_autofree char *osc = g_strdup_printf ("\033]52;c;%s\a", b64);
	if (!bv_screen_scripted ()) {
		fputs (osc, stdout);
		fflush (stdout);
	}
	bv_tui_message (tui, FALSE, _ ("Copied %s to the clipboard"), text);
}

void
bv_tui_run_command (BvTui *tui, const char *command)
{
	/* Test scripts have no terminal to hand over. */
	if (bv_screen_scripted ()) {
		bv_tui_message (tui, FALSE, _ ("Would run: %s"), command);
		return;
	}
	/* Curses leaves the terminal as it found it, the program has it
	 * whole, and the screen is drawn again after; system() ignores
	 * Ctrl-C in this process meanwhile, so it only reaches the program. */
	bv_screen_suspend ();
	int status = system (command);
	bv_screen_resume ();
	if (status != 0)
		bv_tui_message (tui, TRUE, _ ("The command failed: %s"), command);
}

void
bv_tui_open_mailer (BvTui *tui, const char *message_id)
{
	if (message_id == NULL || *message_id == '\0') {
		bv_tui_message (tui, TRUE, _ ("This bounce has no Message-ID to look it up by"));
		return;
	}
	const char *mailer = g_getenv ("BOUNCEVIEW_MAILER");
	if (mailer == NULL || *mailer == '\0')
		mailer = "notmuch show %s";
	g_autofree char *query = g_strdup_printf ("id:%s", message_id);
	g_autofree char *quoted = g_shell_quote (query);
	/* Every %s is the query; a command without one gets it at the end. */
	g_autofree char *command = NULL;
	if (strstr (mailer, "%s") != NULL) {
		g_auto (GStrv) parts = g_strsplit (mailer, "%s", -1);
		command = g_strjoinv (quoted, parts);
	} else {
		command = g_strdup_printf ("%s %s", mailer, quoted);
	}
	bv_tui_run_command (tui, command);
}

/* Actions no view took. */
static void
app_request (BvTui *tui, BvActionId action)
{
	switch (action) {
	case BV_ACT_BACK:
		if (wide_layout (tui) && tui->focus_left) {
			pop_view (tui);
		} else if (tui->views->len > 1) {
			pop_view (tui);
		} else {
			tui->quit = TRUE;
		}
		break;
	case BV_ACT_QUIT: tui->quit = TRUE; break;
	case BV_ACT_NEXT_PANE:
		if (wide_layout (tui))
			tui->focus_left = !tui->focus_left;
		else
			bv_tui_message (tui, FALSE, _ ("Panes are side by side from %d columns on"),
			                WIDE_COLUMNS);
		break;
	case BV_ACT_TIMELINE:
		if (strcmp (top_view (tui)->klass->name, "timeline") != 0)
			bv_tui_push (tui, bv_view_timeline_new (tui));
		break;
	case BV_ACT_HELP:
		if (strcmp (top_view (tui)->klass->name, "help") != 0)
			bv_tui_push (tui, bv_view_help_new (tui));
		break;
	case BV_ACT_GROUPING: cycle_grouping (tui, 1); break;
	case BV_ACT_GROUPING_BACK: cycle_grouping (tui, -1); break;
	case BV_ACT_UNDO: bv_tui_undo (tui); break;
	case BV_ACT_PROPOSALS:
		if (strcmp (top_view (tui)->klass->name, "proposals") != 0)
			bv_tui_push (tui, bv_view_proposals_new (tui));
		break;
	case BV_ACT_SEARCH: bv_search_ask (tui, focused_view (tui)); break;
	case BV_ACT_SEARCH_NEXT:
	case BV_ACT_SEARCH_PREV:
		bv_search_again (tui, focused_view (tui), action == BV_ACT_SEARCH_NEXT);
		break;
	case BV_ACT_LIMIT: {
		g_autofree char *text = bv_dialog_prompt (
		        tui, _ ("Limit every view to the lines with (c clears it):"), tui->filter_text);
		if (text != NULL) {
			g_free (tui->filter_text);
			tui->filter_text = g_strdup (g_strstrip (text));
			tui->filter.text = tui->filter_text;
			bv_tui_reload_all (tui);
		}
		break;
	}
	case BV_ACT_SORT: cycle_sort (tui, focused_view (tui)); break;
	case BV_ACT_SEVERITY:
		tui->filter.severity = (tui->filter.severity + 1) % 3;
		bv_tui_reload_all (tui);
		break;
	case BV_ACT_UNMARKED:
		tui->filter.marked = tui->filter.marked == BV_MARKED_NO ? BV_MARKED_ANY : BV_MARKED_NO;
		bv_tui_reload_all (tui);
		break;
	case BV_ACT_DATES: ask_dates (tui); break;
	case BV_ACT_CLEAR_FILTER:
		g_clear_pointer (&tui->filter_text, g_free);
		g_clear_pointer (&tui->search_text, g_free);
		g_clear_pointer (&tui->dates_text, g_free);
		memset (&tui->filter, 0, sizeof tui->filter);
		bv_tui_reload_all (tui);
		bv_tui_message (tui, FALSE, _ ("Filters cleared"));
		break;
	case BV_ACT_EXPORT: bv_dialog_export (tui); break;
	case BV_ACT_THEME: cycle_theme (tui); break;
	case BV_ACT_REDRAW: clearok (curscr, TRUE); break;
	case BV_ACT_NONE: break;
	default: bv_tui_message (tui, FALSE, _ ("“%s” does nothing here"), bv_action_name (action)); break;
	}
}

/* Sends @action to the focused view.  In the left pane of a wide layout,
 * moving the cursor opens the new line's view in the right pane at once. */
static void
dispatch (BvTui *tui, BvActionId action)
{
	BvView *view = focused_view (tui);
	gboolean left = wide_layout (tui) && tui->focus_left;
	guint cursor = view->list.cursor;
	if (left && action == BV_ACT_ENTER) {
		tui->focus_left = FALSE;
		return;
	}
	if (view->klass->request (view, tui, action)) {
		if (tui->pop_after) {
			tui->pop_after = FALSE;
			pop_view (tui);
			return;
		}
		if (left && view->list.cursor != cursor && !view->list.scroll_only) {
			pop_view (tui);
			view->klass->request (view, tui, BV_ACT_ENTER);
			tui->focus_left =
			        tui->views->len >= 2 && tui->views->pdata[tui->views->len - 2] == view;
		}
		return;
	}
	app_request (tui, action);
}

static void
handle_mouse (BvTui *tui)
{
	int y, x;
	BvMouseKind kind = bv_screen_mouse (&y, &x);
	guint first = wide_layout (tui) ? tui->views->len - 2 : tui->views->len - 1;
	for (guint i = first; i < tui->views->len; i++) {
		BvView *view = tui->views->pdata[i];
		guint cursor = view->list.cursor;
		gboolean activate;
		if (!bv_list_mouse (&view->list, kind, y, x, &activate))
			continue;
		if (wide_layout (tui))
			tui->focus_left = i + 1 < tui->views->len;
		if (tui->focus_left && view->list.cursor != cursor) {
			pop_view (tui);
			view->klass->request (view, tui, BV_ACT_ENTER);
			tui->focus_left = TRUE;
		} else if (activate) {
			dispatch (tui, BV_ACT_ENTER);
		}
		return;
	}
}

/* Takes the result of the background index run: reloads the model and
 * every view when it found anything new. */
static void
finish_index_job (BvTui *tui, BvIndexJob *job)
{
	BvIndexStats stats = { 0 };
	g_autoptr (GError) error = NULL;
	if (!bv_index_job_finish (job, &stats, &error)) {
		bv_tui_message (tui, TRUE, _ ("Indexing failed: %s"), error->message);
		return;
	}
	if (stats.files_added == 0 && stats.files_removed == 0 && stats.files_renamed == 0 &&
	    stats.parsed == 0)
		return;
	if (!bv_model_reload (tui->model, &error)) {
		bv_tui_message (tui, TRUE, "%s", error->message);
		return;
	}
	bv_tui_reload_all (tui);
	if (stats.files_added > 0)
		bv_tui_message (tui, FALSE,
		                /* TRANSLATORS: shown when new mail arrived while
		                 * the UI was open; %lu is how many messages. */
		                ngettext ("Indexed %lu new message", "Indexed %lu new messages",
		                          (gulong)stats.files_added),
		                (gulong)stats.files_added);
}

static void
run_loop (BvTui *tui, BvIndexJob **job)
{
	/* New mail while the UI is open is indexed in the background too.
	 * Test scripts do without, so that their screens never depend on
	 * timing. */
	g_autoptr (BvWatch) watch =
	        bv_screen_scripted () ? NULL : bv_watch_new (bv_model_maildir (tui->model));
	while (!tui->quit) {
		if (bv_log_take_news ()) {
			g_autofree char *path = bv_log_path ();
			bv_tui_message (tui, TRUE, _ ("A library wrote a message; it is in %s"), path);
		}
		g_clear_pointer (&tui->indexing, g_free);
		if (*job != NULL)
			tui->indexing = bv_index_job_describe (*job);
		bv_tui_draw (tui);
		doupdate ();
		/* A test script waits for the index run, so that its screens do
		 * not depend on how fast indexing is. */
		if (*job != NULL && (bv_screen_scripted () || bv_index_job_done (*job))) {
			finish_index_job (tui, g_steal_pointer (job));
			continue;
		}
		if (*job == NULL && watch != NULL && bv_watch_changed (watch))
			*job = bv_index_job_start (bv_model_maildir (tui->model));
		int key = bv_screen_read_key (*job != NULL ? 200 : watch != NULL ? 1000 : -1);
		if (bv_screen_quit_requested () || key == BV_KEY_SCRIPT_END)
			break;
		if (key == BV_KEY_NONE)
			continue;
		g_clear_pointer (&tui->message, g_free);
		tui->message_error = FALSE;
		if (key == BV_KEY_FN (KEY_RESIZE)) {
			erase ();
			continue;
		}
		if (key == BV_KEY_FN (KEY_MOUSE)) {
			handle_mouse (tui);
			continue;
		}
		BvActionId action = bv_key_action_in (key, focused_view (tui)->klass->name);
		if (action == BV_ACT_NONE) {
			g_autofree char *name = bv_key_name (key);
			bv_tui_message (tui, FALSE, _ ("Key %s is not bound; press ? for help"), name);
			continue;
		}
		dispatch (tui, action);
	}
}

static BvTheme *
load_theme (const char *name, char **warning)
{
	g_autoptr (GError) error = NULL;
	BvTheme *theme = bv_theme_load (name, &error);
	if (theme != NULL)
		return theme;
	*warning = g_strdup (error->message);
	return bv_theme_new_builtin ();
}

gboolean
bv_tui_run (const BvTuiOptions *options, GError **error)
{
	g_autoptr (BvConfig) config = bv_config_load (NULL, error);
	if (config == NULL)
		return FALSE;
	const char *grouping = options->grouping ? options->grouping : config->grouping;
	BvDimension dim;
	if (!bv_dimension_from_id (grouping, &dim) || dim == BV_DIMENSION_ADDRESS) {
		g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
		             _ ("Unknown grouping “%s” (cause, domain, status, mta or month)"), grouping);
		return FALSE;
	}
	g_autofree char *theme_warning = NULL;
	BvTui tui = { 0 };
	tui.dimension = dim;
	tui.theme = load_theme (options->theme ? options->theme : config->theme, &theme_warning);
	if (theme_warning != NULL && options->theme != NULL) {
		/* A theme asked for on the command line must exist. */
		g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", theme_warning);
		bv_theme_free (tui.theme);
		return FALSE;
	}
	if (!bv_screen_open (error)) {
		bv_theme_free (tui.theme);
		return FALSE;
	}
	bv_theme_apply (tui.theme);
	gboolean ok = TRUE;
	gboolean cancelled = FALSE;
	BvIndexJob *job = NULL;
	BvModelOptions mopts = { .maildir = options->maildir };
	/* With an index already there, the views open at once on what it
	 * holds while new mail is indexed in the background; without one,
	 * the progress bar shows the first run. */
	if (!options->no_index) {
		tui.model = bv_model_open (&mopts, NULL);
		/* An index without a bounce may be a first run that was
		 * interrupted: the progress screen shows it going on from the
		 * first frame rather than an empty list that fills later. */
		gboolean resumed = tui.model != NULL && bv_model_n_bounces (tui.model) == 0;
		if (resumed)
			g_clear_pointer (&tui.model, bv_model_free);
		if (tui.model != NULL)
			job = bv_index_job_start (options->maildir);
		else
			ok = bv_start_index (options->maildir, resumed, &cancelled, &job, error);
	}
	if (ok && tui.model == NULL) {
		/* After q, the database may not be made yet: then there is
		 * nothing to show, and quitting is what is left. */
		tui.model = bv_model_open (&mopts, job != NULL ? NULL : error);
		ok = tui.model != NULL;
		if (!ok && job != NULL)
			cancelled = TRUE;
	}
	if (ok) {
		/* What the last run on this Maildir left: grouping, filters,
		 * theme, the cursor's group.  The command line has the last
		 * word. */
		g_autofree char *saved_theme = bv_state_load (&tui, options->grouping != NULL);
		if (saved_theme != NULL && options->theme == NULL &&
		    g_strcmp0 (saved_theme, bv_theme_name (tui.theme)) != 0) {
			BvTheme *theme = bv_theme_load (saved_theme, NULL);
			if (theme != NULL) {
				bv_theme_free (tui.theme);
				tui.theme = theme;
				bv_theme_apply (theme);
			}
		}
		tui.views = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_view_free);
		tui.undo = bv_undo_new ();
		bv_tui_push (&tui, bv_view_groups_new (&tui));
		g_autofree char *spike = bv_timeline_spike (&tui);
		if (theme_warning != NULL)
			bv_tui_message (&tui, TRUE, "%s", theme_warning);
		else if (spike != NULL)
			bv_tui_message (&tui, TRUE, "%s", spike);
		run_loop (&tui, &job);
		bv_state_save (&tui);
	}
	/* Marks are saved as they are made, so nothing is left to write:
	 * restoring the terminal is all quitting needs. */
	bv_screen_close ();
	if (job != NULL && !bv_index_job_done (job))
		cancelled = TRUE;
	else if (job != NULL)
		bv_index_job_finish (job, NULL, NULL);
	if (cancelled) {
		/* The index thread may be inside a notmuch write that cannot
		 * be interrupted; the database keeps its last committed state
		 * and the next start goes on from there.  Leave without
		 * running exit handlers under its feet. */
		fputs (_ ("bounceview: indexing stopped; it goes on at the next start\n"), stderr);
		_exit (0);
	}
	g_clear_pointer (&tui.views, g_ptr_array_unref);
	g_clear_pointer (&tui.undo, bv_undo_free);
	g_clear_pointer (&tui.model, bv_model_free);
	g_clear_pointer (&tui.theme, bv_theme_free);
	g_free (tui.filter_text);
	g_free (tui.search_text);
	g_free (tui.dates_text);
	g_free (tui.message);
	g_free (tui.export_path);
	g_free (tui.cursor_group);
	g_free (tui.open_key);
	g_free (tui.indexing);
	return ok || cancelled;
}
