/* database.c: finding and opening the notmuch database (see database.h).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <string.h>

#include "index/database.h"
#include "index/settings.h"

#define DEFAULT_LOCK_TIMEOUT 30
/* Below this much free space a failed write is taken for a full disk: Xapian
 * writes in blocks of up to 64 KiB, and its exceptions carry no errno. */
#define FULL_DISK_BYTES (1024 * 1024)
/* How often a locked database is tried again. */
#define LOCK_POLL_US (200 * 1000)

#if !LIBNOTMUCH_CHECK_VERSION(5, 4, 0)
#error "bounceview needs libnotmuch 5.4 (notmuch 0.32) or later"
#endif

G_DEFINE_QUARK (bv - index - error - quark, bv_index_error)

gboolean
bv_db_set_error (GError **error, notmuch_status_t status, const char *what)
{
	g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_NOTMUCH, "%s: %s", what,
	             notmuch_status_to_string (status));
	return FALSE;
}

/* Whether the file system holding @path has (almost) no space left. */
static gboolean
disk_full (const char *path)
{
	struct statvfs v;
	return path != NULL && statvfs (path, &v) == 0 && (guint64)v.f_bavail * v.f_frsize < FULL_DISK_BYTES;
}

/* The directory of the Xapian database of @d (its files and flintlock). */
static char *xapian_dir (BvDb *d);

gboolean
bv_db_fail (BvDb *d, GError **error, notmuch_status_t status, const char *what)
{
	g_autofree char *dir = xapian_dir (d);
	if ((status == NOTMUCH_STATUS_XAPIAN_EXCEPTION || status == NOTMUCH_STATUS_FILE_ERROR) &&
	    disk_full (dir)) {
		g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_NO_SPACE,
		             _ ("%s: %s (the notmuch database in %s keeps its last complete state; free "
		                "some space and run `bounceview index` again)"),
		             what, g_strerror (ENOSPC), dir);
		return FALSE;
	}
	const char *said = d->db != NULL ? notmuch_database_status_string (d->db) : NULL;
	if (said == NULL || *said == '\0')
		return bv_db_set_error (error, status, what);
	g_autofree char *words = g_strchomp (g_strdup (said));
	g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_NOTMUCH, "%s: %s (%s)", what,
	             notmuch_status_to_string (status), words);
	return FALSE;
}

static char *
real_dir (const char *path)
{
	char *r = realpath (path, NULL);
	if (r == NULL)
		return NULL;
	char *out = g_strdup (r);
	free (r);
	return out;
}

/* The user's notmuch configuration, loaded without opening the database.
 * Returns NULL when there is no configuration file; *has_db tells whether
 * its database exists. */
/* Whether a notmuch configuration file exists where notmuch looks for one.
 * Asked first because libnotmuch leaks a little on every failed lookup. */
static gboolean
user_config_exists (void)
{
	const char *env = g_getenv ("NOTMUCH_CONFIG");
	if (env != NULL && *env != '\0')
		return g_file_test (env, G_FILE_TEST_EXISTS);
	const char *profile = g_getenv ("NOTMUCH_PROFILE");
	g_autofree char *xdg =
	        g_build_filename (g_get_user_config_dir (), "notmuch",
	                          profile != NULL && *profile != '\0' ? profile : "default", "config", NULL);
	g_autofree char *name =
	        g_strconcat (".notmuch-config", profile != NULL && *profile != '\0' ? "." : "",
	                     profile != NULL ? profile : "", NULL);
	g_autofree char *home = g_build_filename (g_get_home_dir (), name, NULL);
	return g_file_test (xdg, G_FILE_TEST_EXISTS) || g_file_test (home, G_FILE_TEST_EXISTS);
}

static notmuch_database_t *
load_user_config (gboolean *has_db)
{
	*has_db = FALSE;
	if (!user_config_exists ())
		return NULL;
	notmuch_database_t *db = NULL;
	char *msg = NULL;
	notmuch_status_t st = notmuch_database_load_config (NULL, NULL, NULL, &db, &msg);
	free (msg);
	if (db != NULL && st != NOTMUCH_STATUS_SUCCESS && st != NOTMUCH_STATUS_NO_DATABASE) {
		notmuch_database_destroy (db);
		db = NULL;
	}
	*has_db = st == NOTMUCH_STATUS_SUCCESS;
	return db;
}

/* The user's mail root (absolute, resolved) or NULL; *db_path, when not
 * NULL, gets the user's database directory (new string or NULL).  The
 * answer is kept for the process, per environment, because libnotmuch
 * leaks its parsed configuration file on every load and the model asks on
 * every detail; a lock guards it because the UI indexes in a thread. */
static char *
user_mail_root (gboolean *has_db, char **db_path)
{
	G_LOCK_DEFINE_STATIC (cache);
	static char *cached_env, *cached_root, *cached_path;
	static gboolean cached_has_db;
	g_autofree char *env =
	        g_strdup_printf ("%s\n%s\n%s\n%s", g_getenv ("NOTMUCH_CONFIG"), g_getenv ("NOTMUCH_PROFILE"),
	                         g_get_home_dir (), g_get_user_config_dir ());
	G_LOCK (cache);
	if (cached_env == NULL || strcmp (cached_env, env) != 0) {
		g_clear_pointer (&cached_root, g_free);
		g_clear_pointer (&cached_path, g_free);
		notmuch_database_t *db = load_user_config (&cached_has_db);
		if (db != NULL) {
			const char *root = notmuch_config_get (db, NOTMUCH_CONFIG_MAIL_ROOT);
			const char *path = notmuch_config_get (db, NOTMUCH_CONFIG_DATABASE_PATH);
			cached_root = root != NULL && *root != '\0' ? real_dir (root) : NULL;
			cached_path = path != NULL && *path != '\0' ? g_strdup (path) : NULL;
			notmuch_database_destroy (db);
		}
		g_free (cached_env);
		cached_env = g_steal_pointer (&env);
	}
	*has_db = cached_has_db;
	if (db_path != NULL)
		*db_path = g_strdup (cached_path);
	char *out = g_strdup (cached_root);
	G_UNLOCK (cache);
	return out;
}

/* The Xapian directory of the database in @db_dir (notmuch's database
 * directory, or a mail root holding .notmuch), where notmuch looks first. */
static char *
xapian_dir_of (const char *db_dir)
{
	char *direct = g_build_filename (db_dir, "xapian", NULL);
	if (g_file_test (direct, G_FILE_TEST_IS_DIR))
		return direct;
	g_free (direct);
	return g_build_filename (db_dir, ".notmuch", "xapian", NULL);
}

static char *
xapian_dir (BvDb *d)
{
	return xapian_dir_of (d->db_dir);
}

/* Whether another process holds the write lock of @lock_file.  notmuch's
 * own write open waits for the lock without end, so bounceview looks first
 * and waits itself, with a message and a time limit.  F_GETLK only looks:
 * it takes nothing. */
static gboolean
write_locked (const char *lock_file)
{
	int fd = open (lock_file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return FALSE;
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	gboolean locked = fcntl (fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
	close (fd);
	return locked;
}

/* notmuch works out its hook and backup directories from HOME or the XDG
 * variables and refuses to open any database when it can do neither, as
 * under a systemd service or some cron daemons.  bounceview's own paths
 * come from GLib, which falls back to the password database; notmuch is
 * given the same home. */
static void
ensure_home (void)
{
	static gsize done;
	if (g_once_init_enter (&done)) {
		if (g_getenv ("HOME") == NULL)
			g_setenv ("HOME", g_get_home_dir (), FALSE);
		g_once_init_leave (&done, 1);
	}
}

char *
bv_db_resolve_maildir (const char *maildir, GError **error)
{
	ensure_home ();
	g_autofree char *chosen = g_strdup (maildir);
	if (chosen == NULL) {
		g_autoptr (BvConfig) config = bv_config_load (NULL, NULL);
		if (config != NULL && config->maildir != NULL)
			chosen = g_strdup (config->maildir);
	}
	if (chosen == NULL) {
		gboolean has_db;
		chosen = user_mail_root (&has_db, NULL);
	}
	if (chosen == NULL)
		chosen = g_build_filename (g_get_home_dir (), "Maildir", NULL);
	char *resolved = real_dir (chosen);
	if (resolved == NULL || !g_file_test (resolved, G_FILE_TEST_IS_DIR)) {
		g_free (resolved);
		g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_NO_MAILDIR, _ ("%s: no such Maildir"),
		             chosen);
		return NULL;
	}
	return resolved;
}

/* Whether the user may read (and with @write, change) @path, asked before
 * notmuch is so that a missing permission is told as such, at once.  A
 * missing @path is fine here: what is missing is told later. */
static gboolean
check_access (const char *path, int mode, GError **error)
{
	if (access (path, mode) == 0 || errno == ENOENT)
		return TRUE;
	int e = errno;
	g_set_error (error, BV_INDEX_ERROR,
	             e == EACCES || e == EPERM || e == EROFS ? BV_INDEX_ERROR_PERMISSION
	                                                     : BV_INDEX_ERROR_NOTMUCH,
	             "%s: %s", path, g_strerror (e));
	return FALSE;
}

/* check_access() on the Xapian directory @dir and every file in it. */
static gboolean
check_database_access (const char *dir, gboolean write, GError **error)
{
	int w = write ? W_OK : 0;
	if (!check_access (dir, R_OK | X_OK | w, error))
		return FALSE;
	g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
	const char *name;
	while (d != NULL && (name = g_dir_read_name (d)) != NULL) {
		g_autofree char *file = g_build_filename (dir, name, NULL);
		if (!check_access (file, R_OK | w, error))
			return FALSE;
	}
	return TRUE;
}

/* The error for a database notmuch cannot open even to read, with notmuch's
 * own words and what the user can do about it. */
static void
set_damaged (BvDb *d, const char *words, GError **error)
{
	g_autofree char *dir = xapian_dir (d);
	g_autofree char *dotdir = g_path_get_dirname (dir);
	if (d->users)
		g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_CORRUPT,
		             _ ("your notmuch database (%s) is damaged: notmuch says “%s”. Restore it from a "
		                "`notmuch dump` backup (see notmuch-restore(1)), or move it aside and run "
		                "`notmuch new` to rebuild it"),
		             dir, words);
	else
		g_set_error (
		        error, BV_INDEX_ERROR, BV_INDEX_ERROR_CORRUPT,
		        _ ("the notmuch database of %s is damaged: notmuch says “%s”. bounceview can make "
		           "it again: remove %s and run `bounceview index --maildir %s` (the suppression "
		           "marks are kept elsewhere and stay)"),
		        d->maildir, words, dotdir, d->maildir);
}

static guint
lock_timeout_seconds (guint asked)
{
	if (asked > 0)
		return asked;
	const char *env = g_getenv ("BOUNCEVIEW_LOCK_TIMEOUT");
	if (env != NULL && *env != '\0')
		return (guint)g_ascii_strtoull (env, NULL, 10);
	return DEFAULT_LOCK_TIMEOUT;
}

/* The file that says a database is being created: present from before the
 * creation starts until the new, empty database is safely on disk. */
#define CREATING_MARKER "bounceview-creating"

/* Removes @path and everything below it; symlinks are removed, not followed. */
static void
remove_tree (const char *path)
{
	if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK)) {
		g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
		const char *name;
		while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
			g_autofree char *child = g_build_filename (path, name, NULL);
			remove_tree (child);
		}
	}
	g_remove (path);
}

/* Creates bounceview's own database all or nothing: the marker is written
 * first and removed only once the empty database has been closed (which
 * commits it), so an interrupted creation is recognised and redone.  Then
 * opens it for writing. */
static notmuch_status_t
create_database (const char *path, const char *config, const char *dotdir, const char *marker,
                 notmuch_database_t **db, char **msg)
{
	if (g_mkdir_with_parents (dotdir, 0755) != 0 || !g_file_set_contents (marker, "", 0, NULL)) {
		*msg = g_strdup_printf ("%s: %s", dotdir, g_strerror (errno));
		return NOTMUCH_STATUS_FILE_ERROR;
	}
	notmuch_status_t st = notmuch_database_create_with_config (path, config, NULL, db, msg);
	if (st != NOTMUCH_STATUS_SUCCESS)
		return st;
	st = notmuch_database_destroy (*db);
	*db = NULL;
	if (st != NOTMUCH_STATUS_SUCCESS)
		return st;
	g_remove (marker);
	return notmuch_database_open_with_config (path, NOTMUCH_DATABASE_MODE_READ_WRITE, config, NULL, db,
	                                          msg);
}

/* One open attempt in @mode of the user's database (@path NULL, @config
 * NULL) or of bounceview's own (@path the Maildir, @config ""), creating it
 * when it is missing and @create. */
static notmuch_status_t
open_once (const char *path, const char *config, const char *users_xapian, notmuch_database_mode_t mode,
           gboolean create, notmuch_database_t **db, char **msg)
{
	/* The user's configuration names a database that does not exist yet:
	 * `notmuch new` would create it, and so does a write open; notmuch
	 * reports it as a file error, so it is looked for first. */
	if (path == NULL && users_xapian != NULL && !g_file_test (users_xapian, G_FILE_TEST_IS_DIR)) {
		if (!create)
			return NOTMUCH_STATUS_NO_DATABASE;
		notmuch_status_t st = notmuch_database_create_with_config (NULL, NULL, NULL, db, msg);
		if (st == NOTMUCH_STATUS_DATABASE_EXISTS) {
			free (*msg);
			*msg = NULL;
			st = notmuch_database_open_with_config (NULL, mode, NULL, NULL, db, msg);
		}
		return st;
	}
	/* notmuch reports its own missing database as a file error; bounceview's
	 * own one is looked for first so that it is created, not failed on. */
	if (path != NULL) {
		g_autofree char *dotdir = g_build_filename (path, ".notmuch", NULL);
		g_autofree char *xapian = g_build_filename (dotdir, "xapian", NULL);
		g_autofree char *marker = g_build_filename (dotdir, CREATING_MARKER, NULL);
		/* A creation that was interrupted (killed, power lost) leaves a
		 * database notmuch cannot open; nothing was indexed into it yet,
		 * so it is made again from scratch. */
		if (create && g_file_test (marker, G_FILE_TEST_EXISTS))
			remove_tree (xapian);
		if (!g_file_test (xapian, G_FILE_TEST_IS_DIR) && !create)
			return NOTMUCH_STATUS_NO_DATABASE;
		if (!g_file_test (xapian, G_FILE_TEST_IS_DIR))
			return create_database (path, config, dotdir, marker, db, msg);
	}
	notmuch_status_t st = notmuch_database_open_with_config (path, mode, config, NULL, db, msg);
	if (st == NOTMUCH_STATUS_NO_DATABASE && create) {
		free (*msg);
		*msg = NULL;
		st = notmuch_database_create_with_config (path, config, NULL, db, msg);
	}
	return st;
}

/* Whether @dir has a cur/ or new/ directory. */
static gboolean
has_maildir_parts (const char *dir)
{
	g_autofree char *cur = g_build_filename (dir, "cur", NULL);
	g_autofree char *new = g_build_filename (dir, "new", NULL);
	return g_file_test (cur, G_FILE_TEST_IS_DIR) || g_file_test (new, G_FILE_TEST_IS_DIR);
}

/* Whether @maildir lies in the user's notmuch mail root. */
static gboolean
in_users_root (const char *maildir, char **root_out, char **db_path_out)
{
	gboolean has_db = FALSE;
	char *root = user_mail_root (&has_db, db_path_out);
	gboolean in = root != NULL && (strcmp (root, maildir) == 0 ||
	                               (g_str_has_prefix (maildir, root) && maildir[strlen (root)] == '/'));
	if (root_out != NULL)
		*root_out = root;
	else
		g_free (root);
	return in;
}

gboolean
bv_db_check_maildir (const char *maildir, GError **error)
{
	ensure_home ();
	if (in_users_root (maildir, NULL, NULL) || has_maildir_parts (maildir))
		return TRUE;
	/* A folder of folders: Maildir++ (.Sent/cur) or a tree of Maildirs. */
	g_autoptr (GDir) dir = g_dir_open (maildir, 0, NULL);
	const char *name;
	while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
		g_autofree char *sub = g_build_filename (maildir, name, NULL);
		if (strcmp (name, ".notmuch") != 0 && has_maildir_parts (sub))
			return TRUE;
	}
	g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_NOT_MAILDIR,
	             _ ("%s is not a Maildir: it has neither cur/ nor new/ (nothing was written there)"),
	             maildir);
	return FALSE;
}

/* Opens once; on a failed write open that a read-only open survives, the
 * database is sound and another process took the write lock between the
 * look and the open: *locked is set. */
static notmuch_status_t
open_classified (const char *path, const char *config, const char *users_xapian, gboolean write,
                 notmuch_database_t **db, char **msg, gboolean *locked)
{
	*locked = FALSE;
	notmuch_database_mode_t mode =
	        write ? NOTMUCH_DATABASE_MODE_READ_WRITE : NOTMUCH_DATABASE_MODE_READ_ONLY;
	notmuch_status_t st = open_once (path, config, users_xapian, mode, write, db, msg);
	if (st != NOTMUCH_STATUS_XAPIAN_EXCEPTION || !write)
		return st;
	notmuch_database_t *probe = NULL;
	char *probe_msg = NULL;
	notmuch_status_t pst = open_once (path, config, users_xapian, NOTMUCH_DATABASE_MODE_READ_ONLY, FALSE,
	                                  &probe, &probe_msg);
	free (probe_msg);
	if (probe != NULL)
		notmuch_database_destroy (probe);
	*locked = pst == NOTMUCH_STATUS_SUCCESS;
	return st;
}

BvDb *
bv_db_open (const char *maildir, gboolean write, guint lock_timeout, BvIndexWaiting waiting, gpointer user,
            GError **error)
{
	ensure_home ();
	g_autoptr (BvDb) d = g_new0 (BvDb, 1);
	d->maildir = g_strdup (maildir);
	g_autofree char *user_db_path = NULL;
	g_autofree char *root = NULL;
	d->users = in_users_root (maildir, &root, &user_db_path);
	d->db_dir = g_strdup (d->users && user_db_path != NULL ? user_db_path : d->users ? root : maildir);
	const char *path = d->users ? NULL : maildir;
	const char *config = d->users ? NULL : "";
	g_autofree char *xdir = xapian_dir (d);
	/* bounceview's own database is made in the Maildir on the first write. */
	gboolean creating = write && !d->users && !g_file_test (xdir, G_FILE_TEST_IS_DIR);
	if ((write && !check_access (maildir, R_OK | X_OK | (creating ? W_OK : 0), error)) ||
	    !check_database_access (xdir, write, error))
		return NULL;
	if (write && !d->users && !bv_db_check_maildir (maildir, error))
		return NULL;
	guint timeout = lock_timeout_seconds (lock_timeout);
	g_autofree char *lock_file = write ? g_build_filename (xdir, "flintlock", NULL) : NULL;
	gint64 start = g_get_monotonic_time ();
	guint told = 0;
	for (;;) {
		char *msg = NULL;
		notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;
		/* Only a writer waits, and only for the lock: F_GETLK tells
		 * it from the file system, whatever notmuch's message says. */
		gboolean locked = lock_file != NULL && write_locked (lock_file);
		if (!locked)
			st = open_classified (path, config, d->users ? xdir : NULL, write, &d->db, &msg,
			                      &locked);
		if (!locked && st == NOTMUCH_STATUS_SUCCESS) {
			free (msg);
			break;
		}
		guint waited = (guint)((g_get_monotonic_time () - start) / G_USEC_PER_SEC);
		if (locked && waited < timeout) {
			free (msg);
			if (waiting != NULL && waited >= told) {
				waiting (d->users ? root : maildir, waited, user);
				told = waited + 1;
			}
			g_usleep (LOCK_POLL_US);
			continue;
		}
		g_autofree char *words =
		        g_strchomp (g_strdup (msg != NULL ? msg : notmuch_status_to_string (st)));
		free (msg);
		if (locked)
			g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_LOCKED,
			             _ ("the notmuch database of %s is locked by another process (is "
			                "`notmuch new` or another bounceview running?); gave up after %u s"),
			             maildir, timeout);
		else if (st == NOTMUCH_STATUS_NO_DATABASE)
			g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_NO_INDEX,
			             _ ("%s has not been indexed yet: run `bounceview index --maildir %s`"),
			             maildir, maildir);
		else if (st == NOTMUCH_STATUS_XAPIAN_EXCEPTION)
			set_damaged (d, words, error);
		else if (write && disk_full (d->users ? d->db_dir : maildir))
			bv_db_fail (d, error, NOTMUCH_STATUS_FILE_ERROR,
			            _ ("cannot create the notmuch database"));
		else
			g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_NOTMUCH,
			             _ ("cannot open the notmuch database of %s: %s"), maildir, words);
		return NULL;
	}
	notmuch_bool_t upgrade = notmuch_database_needs_upgrade (d->db);
	if (write && upgrade) {
		/* notmuch new upgrades it, saving the tags first; bounceview
		 * does not change the format of a database behind notmuch's
		 * back. */
		g_set_error (
		        error, BV_INDEX_ERROR, BV_INDEX_ERROR_UPGRADE,
		        _ ("the notmuch database of %s was made by an older notmuch and must be upgraded "
		           "first: run `notmuch new` (it keeps a backup of the tags), then bounceview again"),
		        d->users ? root : maildir);
		return NULL;
	}
	const char *db_root = notmuch_config_get (d->db, NOTMUCH_CONFIG_MAIL_ROOT);
	char *resolved_root = db_root != NULL ? real_dir (db_root) : NULL;
	d->mail_root = resolved_root != NULL ? resolved_root : g_strdup (maildir);
	if (strcmp (d->mail_root, maildir) == 0)
		d->relative = g_strdup ("");
	else if (g_str_has_prefix (maildir, d->mail_root) && maildir[strlen (d->mail_root)] == '/')
		d->relative = g_strdup (maildir + strlen (d->mail_root) + 1);
	else
		d->relative = g_strdup ("");
	return g_steal_pointer (&d);
}

gboolean
bv_db_close (BvDb *d, GError **error)
{
	gboolean ok = TRUE;
	if (d->db != NULL) {
		notmuch_status_t st = notmuch_database_close (d->db);
		if (st != NOTMUCH_STATUS_SUCCESS)
			ok = bv_db_fail (d, error, st, _ ("cannot close the notmuch database"));
		notmuch_database_destroy (d->db);
		d->db = NULL;
	}
	bv_db_free (d);
	return ok;
}

void
bv_db_free (BvDb *d)
{
	if (d == NULL)
		return;
	if (d->db != NULL)
		notmuch_database_destroy (d->db);
	g_free (d->maildir);
	g_free (d->mail_root);
	g_free (d->relative);
	g_free (d->db_dir);
	g_free (d);
}

char *
bv_db_quote_term (const char *s)
{
	g_autofree char *escaped = NULL;
	g_auto (GStrv) parts = g_strsplit (s, "\"", -1);
	escaped = g_strjoinv ("\"\"", parts);
	return g_strdup_printf ("\"%s\"", escaped);
}

char *
bv_db_scoped_query (BvDb *d, const char *query)
{
	if (d->relative[0] == '\0')
		return g_strdup (query);
	/* "path:DIR/" followed by two stars matches the messages with a file
	 * anywhere under DIR. */
	g_autofree char *rel = g_strconcat (d->relative, "/**", NULL);
	g_autofree char *term = bv_db_quote_term (rel);
	return g_strdup_printf ("(%s) and path:%s", query, term);
}

notmuch_messages_t *
bv_db_search (BvDb *d, const char *query_string, notmuch_query_t **query, GError **error)
{
	*query = notmuch_query_create (d->db, query_string);
	if (*query == NULL) {
		bv_db_set_error (error, NOTMUCH_STATUS_OUT_OF_MEMORY, _ ("cannot create a query"));
		return NULL;
	}
	/* Excluded tags (spam, deleted) are still bounces the user may need
	 * to see; unsorted results come fastest. */
	notmuch_query_set_omit_excluded (*query, NOTMUCH_EXCLUDE_FALSE);
	notmuch_query_set_sort (*query, NOTMUCH_SORT_UNSORTED);
	notmuch_messages_t *messages = NULL;
	notmuch_status_t st = notmuch_query_search_messages (*query, &messages);
	if (st != NOTMUCH_STATUS_SUCCESS) {
		notmuch_query_destroy (*query);
		*query = NULL;
		bv_db_fail (d, error, st, _ ("cannot search the notmuch database"));
		return NULL;
	}
	return messages;
}

guint
bv_db_count (BvDb *d, const char *query_string)
{
	unsigned int n = 0;
	notmuch_query_t *query = notmuch_query_create (d->db, query_string);
	if (query != NULL) {
		notmuch_query_set_omit_excluded (query, NOTMUCH_EXCLUDE_FALSE);
		notmuch_query_count_messages (query, &n);
		notmuch_query_destroy (query);
	}
	return n;
}
