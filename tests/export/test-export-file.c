/* test-export-file.c: bv_export_replace_file(), the atomic write every
 * export to a file goes through (and the UI's export dialog with it).  The
 * formats themselves are tested through the command (test_export.py).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

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
	g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
	g_assert_cmpint (system (cmd), ==, 0);
	g_free (f->path);
	g_free (f->dir);
}

/* The names in the directory, sorted and joined with spaces. */
/* g_ptr_array_sort() passes pointers to the elements. */
static gint
compare_names (gconstpointer a, gconstpointer b)
{
	return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

static char *
listing (const char *dir)
{
	g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
	g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
	const char *name;
	while (d != NULL && (name = g_dir_read_name (d)) != NULL)
		g_ptr_array_add (names, g_strdup (name));
	g_ptr_array_sort (names, compare_names);
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

/* A process number that is certainly not running: a child that has been
 * reaped. */
static int
dead_pid (void)
{
	pid_t pid = fork ();
	if (pid == 0)
		_exit (0);
	g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
	return (int)pid;
}

static void
test_symlink_keeps_link (Fixture *f, gconstpointer data)
{
	/* The link in one directory, the file it names in another. */
	g_autofree char *real_dir = g_build_filename (f->dir, "real", NULL);
	g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
	g_autofree char *real = g_build_filename (real_dir, "access", NULL);
	g_assert_true (g_file_set_contents (real, "old\n", -1, NULL));
	g_assert_cmpint (symlink ("real/access", f->path), ==, 0);
	g_autoptr (GError) error = NULL;
	g_assert_true (bv_export_replace_file (f->path, write_lines, "new\n", &error));
	g_assert_no_error (error);
	g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_SYMLINK));
	g_autofree char *target = g_file_read_link (f->path, NULL);
	g_assert_cmpstr (target, ==, "real/access");
	g_autofree char *text = read_all (real);
	g_assert_cmpstr (text, ==, "new\n");
	g_autofree char *names = listing (f->dir);
	g_assert_cmpstr (names, ==, "list.txt real");
	g_autofree char *real_names = listing (real_dir);
	g_assert_cmpstr (real_names, ==, "access");
}

static void
test_dangling_symlink_creates_target (Fixture *f, gconstpointer data)
{
	g_assert_cmpint (symlink ("made.txt", f->path), ==, 0);
	g_autoptr (GError) error = NULL;
	g_assert_true (bv_export_replace_file (f->path, write_lines, "x\n", &error));
	g_assert_no_error (error);
	g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_SYMLINK));
	g_autofree char *made = g_build_filename (f->dir, "made.txt", NULL);
	g_autofree char *text = read_all (made);
	g_assert_cmpstr (text, ==, "x\n");
}

static void
test_symlink_loop (Fixture *f, gconstpointer data)
{
	g_assert_cmpint (symlink ("list.txt", f->path), ==, 0);
	g_autoptr (GError) error = NULL;
	g_assert_false (bv_export_replace_file (f->path, write_lines, "x\n", &error));
	g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP);
	g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_SYMLINK));
}

/* A link to /dev/null: written through, and the link and the device
 * stay what they were (before, the link was replaced by a regular file;
 * run as root with -o /dev/null, the device node itself was). */
static void
test_character_device (Fixture *f, gconstpointer data)
{
	g_assert_cmpint (symlink ("/dev/null", f->path), ==, 0);
	g_autoptr (GError) error = NULL;
	g_assert_true (bv_export_replace_file (f->path, write_lines, "x\n", &error));
	g_assert_no_error (error);
	g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_SYMLINK));
	GStatBuf st;
	g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
	g_assert_true (S_ISCHR (st.st_mode));
	g_autofree char *names = listing (f->dir);
	g_assert_cmpstr (names, ==, "list.txt");
	/* A device node of our own, where we may make one. */
	if (getuid () == 0) {
		g_autofree char *node = g_build_filename (f->dir, "null", NULL);
		g_assert_cmpint (mknod (node, S_IFCHR | 0666, makedev (1, 3)), ==, 0);
		g_assert_true (bv_export_replace_file (node, write_lines, "x\n", &error));
		g_assert_no_error (error);
		g_assert_cmpint (g_lstat (node, &st), ==, 0);
		g_assert_true (S_ISCHR (st.st_mode));
		g_assert_cmpuint (major (st.st_rdev), ==, 1);
	}
}

static void
test_fifo (Fixture *f, gconstpointer data)
{
	g_assert_cmpint (mkfifo (f->path, 0600), ==, 0);
	int fds[2];
	g_assert_cmpint (pipe (fds), ==, 0);
	pid_t reader = fork ();
	if (reader == 0) {
		/* Copies what comes through the FIFO to the pipe; gives up after
		 * a while when nothing comes (a FIFO replaced by a file). */
		alarm (10);
		int in = open (f->path, O_RDONLY);
		char buf[256];
		ssize_t n;
		while ((n = read (in, buf, sizeof buf)) > 0)
			if (write (fds[1], buf, n) != n)
				_exit (1);
		_exit (0);
	}
	close (fds[1]);
	g_autoptr (GError) error = NULL;
	g_assert_true (bv_export_replace_file (f->path, write_lines, "through the pipe\n", &error));
	g_assert_no_error (error);
	char buf[256] = { 0 };
	gsize got = 0;
	ssize_t n;
	while ((n = read (fds[0], buf + got, sizeof buf - 1 - got)) > 0)
		got += n;
	close (fds[0]);
	waitpid (reader, NULL, 0);
	g_assert_cmpstr (buf, ==, "through the pipe\n");
	GStatBuf st;
	g_assert_cmpint (g_lstat (f->path, &st), ==, 0);
	g_assert_true (S_ISFIFO (st.st_mode));
}

static void
test_directory_refused (Fixture *f, gconstpointer data)
{
	g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
	g_autoptr (GError) error = NULL;
	g_assert_false (bv_export_replace_file (f->path, write_lines, "x\n", &error));
	g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
	g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
}

/* Root replacing a file another user owns: the owner and group stay (the
 * postfix user must still read its access map). */
static void
test_replace_keeps_owner (Fixture *f, gconstpointer data)
{
	if (getuid () != 0) {
		g_test_skip ("giving a file to another user needs root");
		return;
	}
	struct passwd *nobody = getpwnam ("nobody");
	g_assert_nonnull (nobody);
	g_assert_true (g_file_set_contents (f->path, "old\n", -1, NULL));
	g_assert_cmpint (chown (f->path, nobody->pw_uid, nobody->pw_gid), ==, 0);
	g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
	g_autoptr (GError) error = NULL;
	g_assert_true (bv_export_replace_file (f->path, write_lines, "new\n", &error));
	g_assert_no_error (error);
	GStatBuf st;
	g_assert_cmpint (g_stat (f->path, &st), ==, 0);
	g_assert_cmpuint (st.st_uid, ==, nobody->pw_uid);
	g_assert_cmpuint (st.st_gid, ==, nobody->pw_gid);
	g_assert_cmpint (st.st_mode & 07777, ==, 0640);
}

/* Someone who may write in the directory but not give files away: the
 * export fails, saying why, and the file stays as it was. */
static void
test_owner_cannot_be_kept (Fixture *f, gconstpointer data)
{
	if (getuid () != 0) {
		g_test_skip ("needs root to make a file of another user");
		return;
	}
	struct passwd *nobody = getpwnam ("nobody");
	g_assert_nonnull (nobody);
	g_assert_cmpint (g_chmod (f->dir, 0777), ==, 0);
	g_assert_true (g_file_set_contents (f->path, "root's\n", -1, NULL));
	g_assert_cmpint (g_chmod (f->path, 0666), ==, 0);
	pid_t child = fork ();
	if (child == 0) {
		if (setgid (nobody->pw_gid) != 0 || setuid (nobody->pw_uid) != 0)
			_exit (3);
		g_autoptr (GError) error = NULL;
		if (bv_export_replace_file (f->path, write_lines, "nobody's\n", &error))
			_exit (1);
		_exit (strstr (error->message, "cannot keep its owner") != NULL &&
		                       g_str_has_prefix (error->message, f->path)
		               ? 0
		               : 2);
	}
	int status = 0;
	g_assert_cmpint (waitpid (child, &status, 0), ==, child);
	g_assert_true (WIFEXITED (status));
	g_assert_cmpint (WEXITSTATUS (status), ==, 0);
	g_autofree char *text = read_all (f->path);
	g_assert_cmpstr (text, ==, "root's\n");
	GStatBuf st;
	g_assert_cmpint (g_stat (f->path, &st), ==, 0);
	g_assert_cmpuint (st.st_uid, ==, 0);
	g_autofree char *names = listing (f->dir);
	g_assert_cmpstr (names, ==, "list.txt");
}

static void
test_stale_temporary_removed (Fixture *f, gconstpointer data)
{
	g_autofree char *dead = g_strdup_printf ("%s/.list.txt.tmp.%d", f->dir, dead_pid ());
	g_autofree char *live = g_strdup_printf ("%s/.list.txt.tmp.%d", f->dir, (int)getppid ());
	g_autofree char *other = g_strdup_printf ("%s/.other.txt.tmp.%d", f->dir, dead_pid ());
	g_assert_true (g_file_set_contents (dead, "half", -1, NULL));
	g_assert_true (g_file_set_contents (live, "being written", -1, NULL));
	g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
	g_autoptr (GError) error = NULL;
	g_assert_true (bv_export_replace_file (f->path, write_lines, "x\n", &error));
	g_assert_no_error (error);
	g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
	g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
	g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
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
#define ADD(name, fn) g_test_add ("/export/file/" name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
	ADD ("symlink-keeps-link", test_symlink_keeps_link);
	ADD ("dangling-symlink-creates-target", test_dangling_symlink_creates_target);
	ADD ("symlink-loop", test_symlink_loop);
	ADD ("character-device", test_character_device);
	ADD ("fifo", test_fifo);
	ADD ("directory-refused", test_directory_refused);
	ADD ("replace-keeps-owner", test_replace_keeps_owner);
	ADD ("owner-cannot-be-kept", test_owner_cannot_be_kept);
	ADD ("stale-temporary-removed", test_stale_temporary_removed);
#undef ADD
	return g_test_run ();
}
