/* outfile.c: writing into what the user pointed at (see outfile.h).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports are read by other programs (an ESP's import job, postmap, a
 * mailing list manager), possibly while they are written, so a regular file
 * is replaced by rename: a reader sees the old file or the whole new one.
 * The rename is atomic only within one file system, hence the temporary
 * file in the target's own directory, which for a symbolic link is the
 * directory of the file it points to, not the link's.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "index/outfile.h"

/* Symbolic links followed before giving up, as the kernel's MAXSYMLINKS. */
#define MAX_LINKS 40

static gboolean
fail_errno (GError **error, const char *path, int err)
{
	g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err), "%s: %s", path, g_strerror (err));
	return FALSE;
}

static int descriptor_path (const char *path);

char *
bv_outfile_resolve (const char *path, GError **error)
{
	char *p = g_strdup (path);
	for (guint i = 0; i < MAX_LINKS; i++) {
		/* /proc/self/fd/1 "points" to "pipe:[1234]", which is no path. */
		if (descriptor_path (p) >= 0)
			return p;
		g_autofree char *target = g_file_read_link (p, NULL);
		if (target == NULL)
			return p; /* not a link, or nothing there */
		if (g_path_is_absolute (target)) {
			g_free (p);
			p = g_steal_pointer (&target);
		} else {
			g_autofree char *dir = g_path_get_dirname (p);
			g_free (p);
			p = g_build_filename (dir, target, NULL);
		}
	}
	g_free (p);
	fail_errno (error, path, ELOOP);
	return NULL;
}

/* The descriptor of this process that @path names (/dev/stdout,
 * /dev/fd/3, /proc/self/fd/1), or -1. */
static int
descriptor_path (const char *path)
{
	if (strcmp (path, "/dev/stdin") == 0)
		return 0;
	if (strcmp (path, "/dev/stdout") == 0)
		return 1;
	if (strcmp (path, "/dev/stderr") == 0)
		return 2;
	const char *n = NULL;
	if (g_str_has_prefix (path, "/dev/fd/"))
		n = path + strlen ("/dev/fd/");
	else if (g_str_has_prefix (path, "/proc/self/fd/"))
		n = path + strlen ("/proc/self/fd/");
	guint64 fd;
	if (n == NULL || !g_ascii_string_to_unsigned (n, 10, 0, G_MAXINT, &fd, NULL))
		return -1;
	return (int)fd;
}

/* Runs @write on @fd (which it takes) and flushes; errors name @path.
 * @sync: fsync too (a regular file; devices and pipes cannot be synced). */
static gboolean
write_fd (int fd, const char *path, gboolean sync, BvOutfileWriteFunc write, gpointer user, GError **error)
{
	FILE *out = fdopen (fd, "w");
	if (out == NULL) {
		int err = errno;
		close (fd);
		return fail_errno (error, path, err);
	}
	g_autoptr (GError) local = NULL;
	gboolean ok = write (out, user, &local);
	int err = 0;
	errno = 0;
	if (ok && (fflush (out) != 0 || ferror (out)))
		err = errno != 0 ? errno : EIO;
	if (ok && err == 0 && sync && fsync (fileno (out)) != 0 && errno != EINVAL && errno != ENOTSUP)
		err = errno;
	if (fclose (out) != 0 && ok && err == 0)
		err = errno;
	if (!ok) {
		g_propagate_error (error, g_steal_pointer (&local));
		return FALSE;
	}
	if (err != 0)
		return fail_errno (error, path, err);
	return TRUE;
}

/* Writes through an existing node that is not a regular file. */
static gboolean
write_through (const char *path, const char *target, const struct stat *st, BvOutfileFlags flags,
               BvOutfileWriteFunc write, gpointer user, GError **error)
{
	if (S_ISDIR (st->st_mode))
		return fail_errno (error, path, EISDIR);
	if ((flags & BV_OUTFILE_REGULAR_ONLY) || !(S_ISCHR (st->st_mode) || S_ISFIFO (st->st_mode))) {
		g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
		             _ ("%s: not a regular file; nothing written"), path);
		return FALSE;
	}
	int fd = g_open (target, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
	if (fd < 0)
		return fail_errno (error, path, errno);
	return write_fd (fd, path, FALSE, write, user, error);
}

static gboolean
process_is_gone (const char *pid_text)
{
	guint64 pid;
	if (!g_ascii_string_to_unsigned (pid_text, 10, 1, G_MAXINT, &pid, NULL))
		return FALSE;
	return kill ((pid_t)pid, 0) != 0 && errno == ESRCH;
}

guint
bv_outfile_remove_stale (const char *target)
{
	g_autofree char *dir = g_path_get_dirname (target);
	g_autofree char *base = g_path_get_basename (target);
	g_autofree char *hidden = g_strdup_printf (".%s.tmp.", base);
	g_autofree char *plain = g_strdup_printf ("%s.tmp.", base);
	g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
	const char *name;
	guint removed = 0;
	while (d != NULL && (name = g_dir_read_name (d)) != NULL) {
		const char *pid = NULL;
		if (g_str_has_prefix (name, hidden))
			pid = name + strlen (hidden);
		else if (g_str_has_prefix (name, plain))
			pid = name + strlen (plain);
		if (pid == NULL || !process_is_gone (pid))
			continue;
		g_autofree char *p = g_build_filename (dir, name, NULL);
		removed += g_unlink (p) == 0;
	}
	return removed;
}

/* Gives the temporary file @fd the owner, group and mode of the file it
 * replaces; fails, naming @path, when they cannot be kept. */
static gboolean
keep_owner_and_mode (int fd, const char *path, const struct stat *old, GError **error)
{
	struct stat now;
	if (fstat (fd, &now) != 0)
		return fail_errno (error, path, errno);
	if ((now.st_uid != old->st_uid || now.st_gid != old->st_gid) &&
	    fchown (fd, old->st_uid, old->st_gid) != 0) {
		int err = errno;
		g_set_error (
		        error, G_FILE_ERROR, g_file_error_from_errno (err),
		        _ ("%s: cannot keep its owner and group (%u:%u): %s; the file was left as it was"),
		        path, (guint)old->st_uid, (guint)old->st_gid, g_strerror (err));
		return FALSE;
	}
	/* After fchown, which clears the set-id bits. */
	if (fchmod (fd, old->st_mode & 07777) != 0)
		return fail_errno (error, path, errno);
	return TRUE;
}

/* Makes the rename inside @dir durable.  Some file systems cannot sync a
 * directory (EINVAL): the data itself is synced already. */
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

/* Replaces (or creates) the regular file @target; @old is its stat, NULL
 * when there is none. */
static gboolean
replace_regular (const char *path, const char *target, const struct stat *old, BvOutfileFlags flags,
                 BvOutfileWriteFunc write, gpointer user, GError **error)
{
	g_autofree char *dir = g_path_get_dirname (target);
	g_autofree char *base = g_path_get_basename (target);
	bv_outfile_remove_stale (target);
	/* A dot file, which directory listings and globs such as *.csv pass
	 * over, named after this process so that the next run knows whether
	 * it was left by a killed one. */
	g_autofree char *temp = g_strdup_printf ("%s/.%s.tmp.%d", dir, base, (int)getpid ());
	int mode = (flags & BV_OUTFILE_PRIVATE) ? 0600 : 0666;
	int fd = g_open (temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0 && errno == EEXIST) {
		/* Left by an earlier process that had our number. */
		g_unlink (temp);
		fd = g_open (temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	}
	if (fd < 0)
		return fail_errno (error, path, errno);
	if (old != NULL && !keep_owner_and_mode (fd, path, old, error)) {
		close (fd);
		g_unlink (temp);
		return FALSE;
	}
	if (!write_fd (fd, path, TRUE, write, user, error)) {
		g_unlink (temp);
		return FALSE;
	}
	if (g_rename (temp, target) != 0) {
		int err = errno;
		g_unlink (temp);
		return fail_errno (error, path, err);
	}
	return sync_directory (dir, path, error);
}

gboolean
bv_outfile_write (const char *path, BvOutfileFlags flags, BvOutfileWriteFunc write, gpointer user,
                  GError **error)
{
	g_autofree char *target = bv_outfile_resolve (path, error);
	if (target == NULL)
		return FALSE;
	int own = descriptor_path (target);
	if (own >= 0 && !(flags & BV_OUTFILE_REGULAR_ONLY)) {
		int fd = fcntl (own, F_DUPFD_CLOEXEC, 3);
		if (fd < 0)
			return fail_errno (error, path, errno);
		return write_fd (fd, path, FALSE, write, user, error);
	}
	struct stat st;
	if (stat (target, &st) != 0) {
		if (errno != ENOENT)
			return fail_errno (error, path, errno);
		return replace_regular (path, target, NULL, flags, write, user, error);
	}
	if (!S_ISREG (st.st_mode))
		return write_through (path, target, &st, flags, write, user, error);
	return replace_regular (path, target, &st, flags, write, user, error);
}

typedef struct {
	const char *data;
	gsize len;
} Buffer;

static gboolean
write_buffer (FILE *out, gpointer user, GError **error)
{
	Buffer *b = user;
	fwrite (b->data, 1, b->len, out);
	return TRUE; /* errors show in ferror(), checked by the caller */
}

gboolean
bv_outfile_write_data (const char *path, BvOutfileFlags flags, const char *data, gsize len, GError **error)
{
	Buffer b = { data, len };
	return bv_outfile_write (path, flags, write_buffer, &b, error);
}
