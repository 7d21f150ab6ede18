/* export-file.c: replacing a file atomically.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports are read by other programs (an ESP's import job, postmap, a
 * mailing list manager), possibly while they are written.  Writing to a
 * temporary file in the same directory and renaming it over the target
 * means a reader sees the old file or the whole new one, never half of it;
 * the rename is atomic only within one file system, hence the same
 * directory.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/export.h"

static gboolean
fail_errno (GError **error, const char *path, int err)
{
	g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err), "%s: %s", path, g_strerror (err));
	return FALSE;
}

/* Makes the rename inside @dir durable.  Some file systems cannot sync a
 * directory (EINVAL): the data itself is synced already, so that is not an
 * error worth failing the export for. */
static gboolean
sync_directory (const char *dir, const char *path, GError **error)
{
	int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return TRUE;
	int rc = fsync (fd);
	int err = errno;
	close (fd);
	if (rc != 0 && err != EINVAL && err != ENOTSUP)
		return fail_errno (error, path, err);
	return TRUE;
}

/* Writes the whole temporary file through @fd (which it closes); errors
 * name @target, the file the person chose, never the temporary one. */
static gboolean
write_temp (int fd, const char *target, BvExportWriteFunc write, gpointer user, GError **error)
{
	/* A replaced file keeps its permissions: the reader of an export may
	 * be another user (the postfix user reading an access map). */
	struct stat st;
	if (stat (target, &st) == 0 && S_ISREG (st.st_mode) && fchmod (fd, st.st_mode & 07777) != 0) {
		int err = errno;
		close (fd);
		return fail_errno (error, target, err);
	}
	FILE *out = fdopen (fd, "w");
	if (out == NULL) {
		int err = errno;
		close (fd);
		return fail_errno (error, target, err);
	}
	g_autoptr (GError) local = NULL;
	gboolean ok = write (out, user, &local);
	int err = 0;
	if (ok && (fflush (out) != 0 || ferror (out) || fsync (fileno (out)) != 0))
		err = errno != 0 ? errno : EIO;
	if (fclose (out) != 0 && ok && err == 0)
		err = errno;
	if (!ok) {
		g_propagate_error (error, g_steal_pointer (&local));
		return FALSE;
	}
	if (err != 0)
		return fail_errno (error, target, err);
	return TRUE;
}

gboolean
bv_export_replace_file (const char *path, BvExportWriteFunc write, gpointer user, GError **error)
{
	g_autofree char *dir = g_path_get_dirname (path);
	g_autofree char *base = g_path_get_basename (path);
	/* A dot file next to the target, which directory listings and globs
	 * such as *.csv pass over. */
	g_autofree char *temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
	/* Mode 0666 through open(): the umask applies as for any new file. */
	int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
	if (fd < 0)
		return fail_errno (error, path, errno);
	if (!write_temp (fd, path, write, user, error)) {
		g_unlink (temp);
		return FALSE;
	}
	if (g_rename (temp, path) != 0) {
		int err = errno;
		g_unlink (temp);
		return fail_errno (error, path, err);
	}
	return sync_directory (dir, path, error);
}
