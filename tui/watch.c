/* watch.c: modification times of the Maildir's new/ and cur/ directories.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tui/watch.h"

/* How often the directories are looked at. */
#define WATCH_INTERVAL_US G_USEC_PER_SEC

struct _BvWatch {
	GPtrArray *dirs; /* of char*: the directories watched */
	GArray *stamps;  /* of gint64: their last modification, ns */
	gint64 last_look;
};

static gint64
stamp (const char *dir)
{
	GStatBuf st;
	if (g_stat (dir, &st) != 0)
		return -1;
	return (gint64)st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
}

static void
add_folder (BvWatch *watch, const char *folder)
{
	static const char *const subdirs[] = { "new", "cur" };
	for (gsize i = 0; i < G_N_ELEMENTS (subdirs); i++) {
		char *dir = g_build_filename (folder, subdirs[i], NULL);
		if (!g_file_test (dir, G_FILE_TEST_IS_DIR)) {
			g_free (dir);
			continue;
		}
		gint64 t = stamp (dir);
		g_ptr_array_add (watch->dirs, dir);
		g_array_append_val (watch->stamps, t);
	}
}

BvWatch *
bv_watch_new (const char *maildir)
{
	BvWatch *watch = g_new0 (BvWatch, 1);
	watch->dirs = g_ptr_array_new_with_free_func (g_free);
	watch->stamps = g_array_new (FALSE, FALSE, sizeof (gint64));
	watch->last_look = g_get_monotonic_time ();
	add_folder (watch, maildir);
	/* Maildir++ folders sit one level down as ".Name". */
	g_autoptr (GDir) dir = g_dir_open (maildir, 0, NULL);
	const char *name;
	while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
		if (name[0] != '.')
			continue;
		g_autofree char *folder = g_build_filename (maildir, name, NULL);
		add_folder (watch, folder);
	}
	return watch;
}

void
bv_watch_free (BvWatch *watch)
{
	if (watch == NULL)
		return;
	g_ptr_array_unref (watch->dirs);
	g_array_unref (watch->stamps);
	g_free (watch);
}

gboolean
bv_watch_changed (BvWatch *watch)
{
	gint64 now = g_get_monotonic_time ();
	if (now - watch->last_look < WATCH_INTERVAL_US)
		return FALSE;
	watch->last_look = now;
	gboolean changed = FALSE;
	for (guint i = 0; i < watch->dirs->len; i++) {
		gint64 t = stamp (watch->dirs->pdata[i]);
		if (t != g_array_index (watch->stamps, gint64, i)) {
			g_array_index (watch->stamps, gint64, i) = t;
			changed = TRUE;
		}
	}
	return changed;
}
