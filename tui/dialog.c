/* dialog.c: confirmation, one-line prompt and the export dialog.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <curses.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "export/export.h"
#include "parsers/catalog.h"
#include "tui/address-list.h"
#include "tui/date-filter.h"

/* Draws a box of @lines (label lines) centred on the screen over the
 * views; returns the box's geometry for the caller's fields. */
static void
draw_box (BvTui *tui, const char *const *given, guint n_given, int *by, int *bx, int *bw)
{
	bv_tui_draw (tui);
	int w = 20;
	for (guint i = 0; i < n_given; i++)
		w = MAX (w, bv_draw_width (given[i]) + 4);
	w = MIN (w, COLS - 2);
	/* Long questions (a group's title) wrap inside the box. */
	g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
	for (guint i = 0; i < n_given; i++) {
		g_autoptr (GPtrArray) parts = bv_draw_wrap (given[i], w - 4);
		for (guint p = 0; p < parts->len; p++)
			g_ptr_array_add (lines, g_strdup (parts->pdata[p]));
	}
	int h = (int)lines->len + 2;
	int y = MAX ((LINES - h) / 2, 0), x = MAX ((COLS - w) / 2, 0);
	int attr = bv_theme_attr (BV_EL_DIALOG);
	for (int r = 0; r < h && y + r < LINES; r++)
		bv_draw_fill (y + r, x, w, attr);
	for (guint i = 0; i < lines->len && y + 1 + (int)i < LINES; i++)
		bv_draw_text (y + 1 + (int)i, x + 2, w - 4, lines->pdata[i], attr);
	/* Callers place their fields by the lines they gave: shift by
	 * what wrapping added. */
	*by = y + (int)(lines->len - n_given);
	*bx = x;
	*bw = w;
}

/* The next key for a dialog; resizes just redraw.  BV_KEY_SCRIPT_END and
 * quit signals come back as Esc. */
static int
dialog_key (void)
{
	while (TRUE) {
		doupdate ();
		int key = bv_screen_read_key (-1);
		if (bv_screen_quit_requested () || key == BV_KEY_SCRIPT_END)
			return 27;
		if (key != BV_KEY_NONE)
			return key;
	}
}

/* Shows @lines with a yes/no line under them until one is pressed. */
static gboolean
confirm_lines (BvTui *tui, GPtrArray *given)
{
	g_autoptr (GPtrArray) lines = g_ptr_array_new ();
	for (guint i = 0; i < given->len; i++)
		g_ptr_array_add (lines, given->pdata[i]);
	g_ptr_array_add (lines, (gpointer) "");
	g_ptr_array_add (lines, (gpointer)_ ("y: yes    n: no"));
	while (TRUE) {
		int y, x, w;
		draw_box (tui, (const char *const *)lines->pdata, lines->len, &y, &x, &w);
		wnoutrefresh (stdscr);
		int key = dialog_key ();
		if (key == 'y' || key == 'Y' || bv_key_action (key) == BV_ACT_ENTER)
			return TRUE;
		if (key == 'n' || key == 'N' || key == 27 || key == 'q')
			return FALSE;
	}
}

gboolean
bv_dialog_confirm (BvTui *tui, const char *question)
{
	g_autoptr (GPtrArray) lines = g_ptr_array_new ();
	g_ptr_array_add (lines, (gpointer)question);
	return confirm_lines (tui, lines);
}

/* Causes shown by name before "and N more". */
#define CAUSES_SHOWN 4

/* "Mailbox full (2) · Blocklisted IP (3, your side) · and 2 more causes"
 * from the preview's causes (already sorted by the model). */
static char *
preview_causes (const BvMarkPreview *preview)
{
	GString *list = g_string_new (NULL);
	for (guint i = 0; i < preview->causes->len && i < CAUSES_SHOWN; i++) {
		const BvPreviewCause *pc = &g_array_index (preview->causes, BvPreviewCause, i);
		if (i > 0)
			g_string_append (list, " · ");
		if (pc->recipient_side)
			g_string_append_printf (list, "%s (%u)", bv_catalog_title (pc->cause), pc->addresses);
		else
			/* TRANSLATORS: a cause in a confirmation whose side is
			 * not the recipient's: "Blocklisted IP (3, not the
			 * address)". */
			g_string_append_printf (list, _ ("%s (%u, not the address)"),
			                        bv_catalog_title (pc->cause), pc->addresses);
	}
	if (preview->causes->len > CAUSES_SHOWN) {
		guint more = preview->causes->len - CAUSES_SHOWN;
		g_string_append (list, " · ");
		g_string_append_printf (list, ngettext ("and %u more cause", "and %u more causes", more),
		                        more);
	}
	return g_string_free (list, FALSE);
}

gboolean
bv_dialog_confirm_marks (BvTui *tui, const char *question, const BvMarkPreview *preview)
{
	g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
	g_ptr_array_add (lines, g_strdup (question));
	g_ptr_array_add (lines, g_strdup (""));
	if (preview->causes->len > 0) {
		g_autofree char *causes = preview_causes (preview);
		/* TRANSLATORS: before the list of causes of the addresses a
		 * confirmation is about: "Causes: Mailbox full (2) · ...". */
		g_ptr_array_add (lines, g_strdup_printf (_ ("Causes: %s"), causes));
	}
	if (preview->proposed > 0)
		g_ptr_array_add (lines, g_strdup_printf (ngettext ("The policy proposes %u of them.",
		                                                   "The policy proposes %u of them.",
		                                                   preview->proposed),
		                                         preview->proposed));
	if (preview->unverified > 0)
		g_ptr_array_add (
		        lines,
		        g_strdup_printf (ngettext ("%u of them is known only from an unverified report.",
		                                   "%u of them are known only from unverified reports.",
		                                   preview->unverified),
		                         preview->unverified));
	if (preview->already_marked > 0)
		g_ptr_array_add (
		        lines,
		        g_strdup_printf (ngettext ("%u of them is marked already and keeps its mark.",
		                                   "%u of them are marked already and keep their marks.",
		                                   preview->already_marked),
		                         preview->already_marked));
	/* The point of the warning: these addresses did nothing wrong.  The
	 * model writes it, so that the UI and the policy never disagree. */
	if (preview->warning != NULL)
		g_ptr_array_add (lines, g_strdup (preview->warning));
	return confirm_lines (tui, lines);
}

/* Edits @text with @key; returns FALSE when the key is not an edit. */
static gboolean
edit_line (GString *text, int key)
{
	if (key == BV_KEY_FN (KEY_BACKSPACE) || key == 127 || key == 8) {
		if (text->len > 0) {
			const char *prev = g_utf8_find_prev_char (text->str, text->str + text->len);
			g_string_truncate (text, prev ? (gsize)(prev - text->str) : 0);
		}
		return TRUE;
	}
	if (key == 21) { /* C-u, as in a shell */
		g_string_truncate (text, 0);
		return TRUE;
	}
	if (key >= 32 && key < 0x110000 && key != 127) {
		g_string_append_unichar (text, (gunichar)key);
		return TRUE;
	}
	return FALSE;
}

/* Draws @text in a field of @w columns, showing its end when too long. */
static void
draw_field (int y, int x, int w, const char *text)
{
	const char *shown = text;
	while (bv_draw_width (shown) > w - 1 && *shown != '\0')
		shown = g_utf8_next_char (shown);
	int used = bv_draw_text (y, x, w, shown, bv_theme_attr (BV_EL_FIELD));
	bv_draw_fill (y, x + used, w - used, bv_theme_attr (BV_EL_FIELD));
	if (used < w)
		move (y, x + used);
}

char *
bv_dialog_prompt_checked (BvTui *tui, const char *label, const char *initial, BvPromptCheck check,
                          gpointer data)
{
	g_autoptr (GString) text = g_string_new (initial);
	g_autofree char *problem = NULL;
	curs_set (1);
	while (TRUE) {
		const char *hints = _ ("Enter: accept   Esc: cancel   C-u: clear");
		/* A line for the complaint under the field when there may
		 * be one. */
		const char *lines[] = { label, "", check != NULL ? (problem != NULL ? problem : "") : hints,
			                hints };
		int y, x, w;
		draw_box (tui, lines, check != NULL ? 4 : 3, &y, &x, &w);
		w = MAX (w, MIN (COLS - 2, 50));
		if (problem != NULL)
			bv_draw_text (y + 3, x + 2, w - 4, problem, bv_theme_attr (BV_EL_ERROR));
		draw_field (y + 2, x + 2, w - 4, text->str);
		wnoutrefresh (stdscr);
		int key = dialog_key ();
		if (key == 27) {
			curs_set (0);
			return NULL;
		}
		if (key == '\n' || key == '\r' || key == BV_KEY_FN (KEY_ENTER)) {
			g_clear_pointer (&problem, g_free);
			if (check != NULL)
				problem = check (text->str, data);
			if (problem == NULL) {
				curs_set (0);
				return g_string_free (g_steal_pointer (&text), FALSE);
			}
			continue;
		}
		/* The complaint is about what was there before the edit. */
		if (edit_line (text, key))
			g_clear_pointer (&problem, g_free);
	}
}

char *
bv_dialog_prompt (BvTui *tui, const char *label, const char *initial)
{
	return bv_dialog_prompt_checked (tui, label, initial, NULL, NULL);
}

char *
bv_dialog_line_prompt (BvTui *tui, const char *label, const char *initial, BvPromptEdited edited,
                       gpointer data)
{
	g_autoptr (GString) text = g_string_new (initial);
	gboolean found = TRUE;
	curs_set (1);
	while (TRUE) {
		bv_tui_draw (tui);
		int y = LINES - 1;
		int attr = bv_theme_attr (found ? BV_EL_STATUS : BV_EL_ERROR);
		int used = bv_draw_text (y, 0, COLS, label, attr);
		draw_field (y, used, COLS - used, text->str);
		wnoutrefresh (stdscr);
		int key = dialog_key ();
		if (key == 27) {
			curs_set (0);
			return NULL;
		}
		if (key == '\n' || key == '\r' || key == BV_KEY_FN (KEY_ENTER)) {
			curs_set (0);
			return g_string_free (g_steal_pointer (&text), FALSE);
		}
		if (edit_line (text, key) && edited != NULL)
			found = edited (tui, text->str, data);
	}
}

/* The default file name for @format in the current directory:
 * "bounceview.csv", or "bounceview-report.md" when the format's name says
 * more than its extension. */
static char *
default_path (BvExportFormat format)
{
	const char *id = bv_export_format_id (format), *ext = bv_export_format_extension (format);
	if (g_strcmp0 (id, ext) == 0)
		return g_strdup_printf ("bounceview.%s", ext);
	return g_strdup_printf ("bounceview-%s.%s", id, ext);
}

/* Which addresses @format takes: the list formats hold only marked
 * addresses (export.h), which a person must know before an export of 0
 * addresses surprises them. */
static const char *
format_scope (BvExportFormat format, gboolean group_only)
{
	if (bv_export_format_is_list (format))
		return _ ("Only addresses marked for suppression go into this list.");
	if (group_only)
		return _ ("Every address of this group the current filter shows goes in.");
	return _ ("Every address the current filter shows goes in, from every group.");
}

/* The group the user is in (the nearest addresses view on the stack),
 * when an export can be narrowed to it: by cause, domain or month. */
static gboolean
current_group (BvTui *tui, BvDimension *dim, const char **key, const char **title)
{
	for (guint i = tui->views->len; i > 0; i--) {
		if (!bv_view_addresses_group (tui->views->pdata[i - 1], dim, key, title))
			continue;
		return *dim == BV_DIMENSION_CAUSE || *dim == BV_DIMENSION_DOMAIN ||
		       *dim == BV_DIMENSION_MONTH;
	}
	return FALSE;
}

/* Narrows @sel to the group @key of @dim (current_group()). */
static void
narrow_to_group (BvExportSelection *sel, BvDimension dim, const char *key)
{
	BvCause cause;
	gint64 since, until;
	g_autofree char *problem = NULL;
	switch (dim) {
	case BV_DIMENSION_CAUSE:
		if (bv_cause_from_id (key, &cause)) {
			guint64 bit = G_GUINT64_CONSTANT (1) << cause;
			sel->filter.causes = sel->filter.causes != 0 ? sel->filter.causes & bit : bit;
		}
		break;
	case BV_DIMENSION_DOMAIN: sel->domain = key; break;
	case BV_DIMENSION_MONTH:
		if (bv_date_filter_parse (key, 0, &since, &until, &problem)) {
			sel->filter.since = MAX (sel->filter.since, since);
			sel->filter.until = sel->filter.until != 0 ? MIN (sel->filter.until, until) : until;
		}
		break;
	default: break;
	}
}

void
bv_dialog_export (BvTui *tui)
{
	BvExportFormat format = (BvExportFormat)tui->export_format;
	g_autoptr (GString) path = g_string_new (tui->export_path);
	if (path->len == 0) {
		g_autofree char *def = default_path (format);
		g_string_assign (path, def);
	}
	BvDimension gdim = BV_DIMENSION_CAUSE;
	const char *gkey = NULL, *gtitle = NULL;
	/* From inside a group, the group is what a person means. */
	gboolean has_group = current_group (tui, &gdim, &gkey, &gtitle);
	gboolean group_only = has_group;
	curs_set (1);
	while (TRUE) {
		g_autofree char *format_line = g_strdup_printf (_ ("Format: ◀ %s ▶   (Tab or ←/→ to change)"),
		                                                bv_export_format_id (format));
		g_autofree char *scope_line =
		        !has_group ? NULL
		        : group_only ? g_strdup_printf (_ ("Scope: ◀ “%s” ▶   (↑/↓ to change)"), gtitle)
		                     : g_strdup (_ ("Scope: ◀ every group ▶   (↑/↓ to change)"));
		g_autoptr (GPtrArray) lines = g_ptr_array_new ();
		g_ptr_array_add (lines, (gpointer)_ ("Export the fix list"));
		g_ptr_array_add (lines, (gpointer) "");
		g_ptr_array_add (lines, format_line);
		if (scope_line != NULL)
			g_ptr_array_add (lines, scope_line);
		g_ptr_array_add (lines, (gpointer)format_scope (format, group_only));
		g_ptr_array_add (lines, (gpointer) "");
		g_ptr_array_add (lines, (gpointer)_ ("File:"));
		guint field = lines->len;
		g_ptr_array_add (lines, (gpointer) "");
		g_ptr_array_add (lines, (gpointer)_ ("Enter: export   Esc: cancel"));
		int y, x, w;
		draw_box (tui, (const char *const *)lines->pdata, lines->len, &y, &x, &w);
		draw_field (y + 1 + (int)field, x + 2, w - 4, path->str);
		wnoutrefresh (stdscr);
		int key = dialog_key ();
		if (key == 27) {
			curs_set (0);
			return;
		}
		if (has_group && (key == BV_KEY_FN (KEY_UP) || key == BV_KEY_FN (KEY_DOWN))) {
			group_only = !group_only;
			continue;
		}
		if (key == '\t' || key == BV_KEY_FN (KEY_RIGHT) || key == BV_KEY_FN (KEY_LEFT) ||
		    key == BV_KEY_FN (KEY_BTAB)) {
			g_autofree char *old_default = default_path (format);
			int step = key == BV_KEY_FN (KEY_LEFT) || key == BV_KEY_FN (KEY_BTAB) ? -1 : 1;
			format = (BvExportFormat)(((int)format + step + BV_EXPORT_FORMAT_COUNT) %
			                          BV_EXPORT_FORMAT_COUNT);
			/* A name the user did not choose follows the format. */
			if (strcmp (path->str, old_default) == 0) {
				g_autofree char *def = default_path (format);
				g_string_assign (path, def);
			}
			continue;
		}
		if (key == '\n' || key == '\r' || key == BV_KEY_FN (KEY_ENTER))
			break;
		edit_line (path, key);
	}
	curs_set (0);
	g_strstrip (path->str);
	if (*path->str == '\0') {
		bv_tui_message (tui, TRUE, _ ("No file given; nothing exported"));
		return;
	}
	g_autofree char *file = g_str_has_prefix (path->str, "~/")
	                                ? g_build_filename (g_get_home_dir (), path->str + 2, NULL)
	                                : g_strdup (path->str);
	/* A regular file is replaced whole: only when the user says so.  A
	 * device or a FIFO is written through, which replaces nothing. */
	if (g_file_test (file, G_FILE_TEST_IS_REGULAR)) {
		g_autofree char *question = g_strdup_printf (_ ("%s exists. Replace it?"), file);
		if (!bv_dialog_confirm (tui, question)) {
			bv_tui_message (tui, FALSE, _ ("Not exported: %s is left as it was"), file);
			return;
		}
	}
	BvExportSelection selection = { .filter = tui->filter };
	if (group_only)
		narrow_to_group (&selection, gdim, gkey);
	BvExportSelection adjusted;
	bv_export_selection_for_format (&selection, format, &adjusted);
	guint count = 0;
	g_autoptr (GError) error = NULL;
	if (!bv_export_write (tui->model, format, &adjusted, file, &count, &error)) {
		bv_tui_message (tui, TRUE, _ ("Export failed: %s"), error->message);
		return;
	}
	tui->export_format = (int)format;
	g_free (tui->export_path);
	tui->export_path = g_strdup (path->str);
	bv_tui_message (
	        tui, FALSE,
	        ngettext ("Exported %u address to %s (%s)", "Exported %u addresses to %s (%s)", count), count,
	        file, bv_export_format_id (format));
}
