/* state.c: what the interface remembers of a Maildir between runs.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tui/date-filter.h"
#include "tui/sort.h"
#include "tui/state.h"

#define GROUP "view"

/* The state file of the model's Maildir (new string). */
static char *
state_path (BvTui *tui)
{
	g_autofree char *hash =
	        g_compute_checksum_for_string (G_CHECKSUM_SHA256, bv_model_maildir (tui->model), -1);
	g_autofree char *name = g_strdup_printf ("state-%.16s.ini", hash);
	return g_build_filename (g_get_user_state_dir (), "bounceview", name, NULL);
}

char *
bv_state_load (BvTui *tui, gboolean keep_grouping)
{
	g_autofree char *path = state_path (tui);
	g_autoptr (GKeyFile) kf = g_key_file_new ();
	if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, NULL))
		return NULL;
	g_autofree char *grouping = g_key_file_get_string (kf, GROUP, "grouping", NULL);
	BvDimension dim;
	if (!keep_grouping && grouping != NULL && bv_dimension_from_id (grouping, &dim) &&
	    dim != BV_DIMENSION_ADDRESS)
		tui->dimension = dim;
	g_autofree char *text = g_key_file_get_string (kf, GROUP, "search", NULL);
	if (text != NULL && *text != '\0') {
		g_free (tui->filter_text);
		tui->filter_text = g_steal_pointer (&text);
		tui->filter.text = tui->filter_text;
	}
	int severity = g_key_file_get_integer (kf, GROUP, "severity", NULL);
	if (severity >= BV_SEVERITY_ANY && severity <= BV_SEVERITY_SOFT)
		tui->filter.severity = severity;
	int marked = g_key_file_get_integer (kf, GROUP, "marked", NULL);
	if (marked >= BV_MARKED_ANY && marked <= BV_MARKED_NO)
		tui->filter.marked = marked;
	tui->filter.since = MAX (g_key_file_get_int64 (kf, GROUP, "since", NULL), 0);
	tui->filter.until = MAX (g_key_file_get_int64 (kf, GROUP, "until", NULL), 0);
	/* Dates typed as "7d" are the last 7 days of this start, not of the
	 * last one: they are read again. */
	g_autofree char *dates = g_key_file_get_string (kf, GROUP, "dates", NULL);
	g_autofree char *problem = NULL;
	gint64 since, until;
	if (dates != NULL && *dates != '\0' &&
	    bv_date_filter_parse (dates, g_get_real_time () / G_USEC_PER_SEC, &since, &until, &problem)) {
		tui->filter.since = since;
		tui->filter.until = until;
		g_free (tui->dates_text);
		tui->dates_text = g_steal_pointer (&dates);
	}
	g_autofree char *group_sort = g_key_file_get_string (kf, GROUP, "group-sort", NULL);
	g_autofree char *address_sort = g_key_file_get_string (kf, GROUP, "address-sort", NULL);
	BvGroupSort gs;
	BvAddressSort as;
	if (bv_group_sort_from_id (group_sort, &gs))
		tui->group_sort = gs;
	if (bv_address_sort_from_id (address_sort, &as))
		tui->address_sort = as;
	tui->summary_below = g_key_file_get_boolean (kf, GROUP, "summary-below", NULL);
	g_free (tui->cursor_group);
	tui->cursor_group = g_key_file_get_string (kf, GROUP, "cursor-group", NULL);
	char *theme = g_key_file_get_string (kf, GROUP, "theme", NULL);
	if (theme != NULL && *theme == '\0')
		g_clear_pointer (&theme, g_free);
	return theme;
}

gboolean
bv_state_save (BvTui *tui)
{
	g_autofree char *path = state_path (tui);
	g_autofree char *dir = g_path_get_dirname (path);
	if (g_mkdir_with_parents (dir, 0700) != 0)
		return FALSE;
	g_autoptr (GKeyFile) kf = g_key_file_new ();
	/* Which Maildir, for a person reading the directory. */
	g_key_file_set_string (kf, GROUP, "maildir", bv_model_maildir (tui->model));
	g_key_file_set_string (kf, GROUP, "grouping", bv_dimension_id (tui->dimension));
	g_key_file_set_string (kf, GROUP, "theme", bv_theme_name (tui->theme));
	g_key_file_set_string (kf, GROUP, "search", tui->filter_text != NULL ? tui->filter_text : "");
	g_key_file_set_integer (kf, GROUP, "severity", tui->filter.severity);
	g_key_file_set_integer (kf, GROUP, "marked", tui->filter.marked);
	g_key_file_set_int64 (kf, GROUP, "since", tui->filter.since);
	g_key_file_set_int64 (kf, GROUP, "until", tui->filter.until);
	g_key_file_set_string (kf, GROUP, "dates", tui->dates_text != NULL ? tui->dates_text : "");
	g_key_file_set_string (kf, GROUP, "group-sort", bv_group_sort_id (tui->group_sort));
	g_key_file_set_string (kf, GROUP, "address-sort", bv_address_sort_id (tui->address_sort));
	g_key_file_set_boolean (kf, GROUP, "summary-below", tui->summary_below);
	g_key_file_set_string (kf, GROUP, "cursor-group", tui->cursor_group != NULL ? tui->cursor_group : "");
	/* g_file_set_contents() writes a temporary file and renames it over
	 * the old one: a reader (or a crash) sees the old state or the new
	 * one, never half of it. */
	return g_key_file_save_to_file (kf, path, NULL);
}
