/* database.c: finding and opening the notmuch database (see database.h).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "index/database.h"
#include "index/settings.h"

#define DEFAULT_LOCK_TIMEOUT 30
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

/* The lock file Xapian takes for a writer of the database in @db_dir
 * (notmuch's database directory, or a mail root holding .notmuch). */
static char *
xapian_lock_file (const char *db_dir)
{
	char *direct = g_build_filename (db_dir, "xapian", "flintlock", NULL);
	if (g_file_test (direct, G_FILE_TEST_EXISTS))
		return direct;
	g_free (direct);
	return g_build_filename (db_dir, ".notmuch", "xapian", "flintlock", NULL);
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

char *
bv_db_resolve_maildir (const char *maildir, GError **error)
{
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

static gboolean
is_lock_error (notmuch_status_t st, const char *msg)
{
	return st == NOTMUCH_STATUS_XAPIAN_EXCEPTION && msg != NULL &&
	       (strstr (msg, "lock") != NULL || strstr (msg, "Lock") != NULL);
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
	if (g_mkdir_with_parents (dotdir, 0755) != 0 || !g_file_set_contents (marker, "", 0, NULL))
		return NOTMUCH_STATUS_FILE_ERROR;
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
open_once (const char *path, const char *config, notmuch_database_mode_t mode, gboolean create,
           notmuch_database_t **db, char **msg)
{
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

BvDb *
bv_db_open (const char *maildir, gboolean write, guint lock_timeout, BvIndexWaiting waiting, gpointer user,
            GError **error)
{
	g_autoptr (BvDb) d = g_new0 (BvDb, 1);
	d->maildir = g_strdup (maildir);
	gboolean user_has_db = FALSE;
	g_autofree char *user_db_path = NULL;
	g_autofree char *root = user_mail_root (&user_has_db, &user_db_path);
	d->users = root != NULL && (strcmp (root, maildir) == 0 ||
	                            (g_str_has_prefix (maildir, root) && maildir[strlen (root)] == '/'));
	const char *path = d->users ? NULL : maildir;
	const char *config = d->users ? NULL : "";
	notmuch_database_mode_t mode =
	        write ? NOTMUCH_DATABASE_MODE_READ_WRITE : NOTMUCH_DATABASE_MODE_READ_ONLY;
	guint timeout = lock_timeout_seconds (lock_timeout);
	g_autofree char *lock_file = NULL;
	if (write)
		lock_file = xapian_lock_file (d->users && user_db_path != NULL ? user_db_path : maildir);
	gint64 start = g_get_monotonic_time ();
	guint told = 0;
	for (;;) {
		char *msg = NULL;
		notmuch_status_t st;
		if (lock_file != NULL && write_locked (lock_file)) {
			/* Reported the way a failed Xapian lock is. */
			st = NOTMUCH_STATUS_XAPIAN_EXCEPTION;
			msg = strdup ("database locked");
		} else {
			st = open_once (path, config, mode, write, &d->db, &msg);
		}
		if (st == NOTMUCH_STATUS_SUCCESS) {
			free (msg);
			break;
		}
		guint waited = (guint)((g_get_monotonic_time () - start) / G_USEC_PER_SEC);
		if (is_lock_error (st, msg) && waited < timeout) {
			free (msg);
			if (waiting != NULL && waited >= told) {
				waiting (d->users ? root : maildir, waited, user);
				told = waited + 1;
			}
			g_usleep (LOCK_POLL_US);
			continue;
		}
		if (is_lock_error (st, msg))
			g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_LOCKED,
			             _ ("the notmuch database of %s is locked by another process (is "
			                "`notmuch new` or another bounceview running?); gave up after %u s"),
			             maildir, timeout);
		else if (st == NOTMUCH_STATUS_NO_DATABASE)
			g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_NO_INDEX,
			             _ ("%s has not been indexed yet: run `bounceview index --maildir %s`"),
			             maildir, maildir);
		else
			g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_NOTMUCH,
			             _ ("cannot open the notmuch database of %s: %s"), maildir,
			             msg != NULL ? g_strchomp (msg) : notmuch_status_to_string (st));
		free (msg);
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
			ok = bv_db_set_error (error, st, _ ("cannot close the notmuch database"));
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
	g_free (d);
}

/* Quotes @s for notmuch's query parser: double quotes doubled. */
static char *
quote_term (const char *s)
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
	g_autofree char *term = quote_term (rel);
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
		bv_db_set_error (error, st, _ ("cannot search the notmuch database"));
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
