/* test-export-file.c: bv_export_replace_file(), the atomic write every
 * export to a file goes through (and the UI's export dialog with it).  The
 * formats themselves are tested through the command (test_export.py).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "export/export.h"

typedef struct {
	char *dir;
	char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
	g_autoptr (GError) error = NULL;
	f->dir = g_dir_make_tmp ("bv-export-file-XXXXXX", &error);
	g_assert_no_error (error);
	f->path = g_build_filename (f->dir, "list.txt", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
	g_autoptr (GDir) d = g_dir_open (f->dir, 0, NULL);
	const char *name;
	while (d != NULL && (name = g_dir_read_name (d)) != NULL) {
		g_autofree char *p = g_build_filename (f->dir, name, NULL);
		g_unlink (p);
	}
	g_rmdir (f->dir);
	g_free (f->path);
	g_free (f->dir);
}

/* The names in the directory, sorted and joined with spaces. */
static char *
listing (const char *dir)
{
	g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
	g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
	const char *name;
	while (d != NULL && (name = g_dir_read_name (d)) != NULL)
		g_ptr_array_add (names, g_strdup (name));
	g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
	g_ptr_array_add (names, NULL);
	return g_strjoinv (" ", (char **)names->pdata);
}

static char *
read_all (const char *path)
{
	char *text = NULL;
	g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
	return text;
}

static gboolean
write_lines (FILE *out, gpointer user, GError **error)
{
	fputs (user, out);
	return TRUE;
}

/* Writes half, then fails as a writer does when its source goes away. */
static gboolean
write_half_then_fail (FILE *out, gpointer user, GError **error)
{
	fputs ("half of the new\n", out);
	g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "list.txt: the model went away");
	return FALSE;
}

static void
test_new_file (Fixture *f, gconstpointer data)
{
	g_autoptr (GError) error = NULL;
	g_assert_true (bv_export_replace_file (f->path, write_lines, "a@example.com\n", &error));
	g_assert_no_error (error);
	g_autofree char *text = read_all (f->path);
	g_assert_cmpstr (text, ==, "a@example.com\n");
	g_autofree char *names = listing (f->dir);
	g_assert_cmpstr (names, ==, "list.txt");
}

static void
test_replace_keeps_mode (Fixture *f, gconstpointer data)
{
	g_autoptr (GError) error = NULL;
	g_assert_true (g_file_set_contents (f->path, "old\n", -1, NULL));
	g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
	g_assert_true (bv_export_replace_file (f->path, write_lines, "new\n", &error));
	g_assert_no_error (error);
	g_autofree char *text = read_all (f->path);
	g_assert_cmpstr (text, ==, "new\n");
	GStatBuf st;
	g_assert_cmpint (g_stat (f->path, &st), ==, 0);
	g_assert_cmpint (st.st_mode & 07777, ==, 0640);
}

static void
test_failed_writer_keeps_old (Fixture *f, gconstpointer data)
{
	g_autoptr (GError) error = NULL;
	g_assert_true (g_file_set_contents (f->path, "old\n", -1, NULL));
	g_assert_false (bv_export_replace_file (f->path, write_half_then_fail, NULL, &error));
	g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_IO);
	g_autofree char *text = read_all (f->path);
	g_assert_cmpstr (text, ==, "old\n");
	g_autofree char *names = listing (f->dir);
	g_assert_cmpstr (names, ==, "list.txt");
}

static void
test_missing_directory (Fixture *f, gconstpointer data)
{
	g_autoptr (GError) error = NULL;
	g_autofree char *path = g_build_filename (f->dir, "gone", "list.txt", NULL);
	g_assert_false (bv_export_replace_file (path, write_lines, "x\n", &error));
	g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
	/* The message names the path the person gave. */
	g_assert_true (g_str_has_prefix (error->message, path));
	g_autofree char *names = listing (f->dir);
	g_assert_cmpstr (names, ==, "");
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add ("/export/file/new", Fixture, NULL, fixture_set_up, test_new_file, fixture_tear_down);
	g_test_add ("/export/file/replace-keeps-mode", Fixture, NULL, fixture_set_up, test_replace_keeps_mode,
	            fixture_tear_down);
	g_test_add ("/export/file/failed-writer-keeps-old", Fixture, NULL, fixture_set_up,
	            test_failed_writer_keeps_old, fixture_tear_down);
	g_test_add ("/export/file/missing-directory", Fixture, NULL, fixture_set_up, test_missing_directory,
	            fixture_tear_down);
	return g_test_run ();
}
