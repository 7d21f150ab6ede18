/* index.c: bringing the notmuch index and the bounce cache up to date.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same walk as `notmuch new`, for the Maildir only: a directory whose
 * modification time matches the one recorded in notmuch is not listed again
 * (its subdirectories are still visited); a changed one is listed and
 * compared with the file names notmuch knows.  All new files are indexed
 * first and only then are vanished ones removed, so that a renamed file (a
 * Maildir flag change) is first added as a second name of its message and
 * the old name then dropped: tags and cached results stay with the message.
 * The directory times are recorded last, after the files: a run killed at
 * any point leaves them unrecorded and the next run lists those directories
 * again.  "tmp" directories (mail being delivered) and ".notmuch" are
 * skipped; new messages get notmuch's new.tags, as `notmuch new` gives them.
 *
 * Each new file is indexed in one atomic section with its new.tags, its
 * Maildir flags and, when the engine's triage flags its head, its parsed
 * result (cache.h) and bounce tags, all in one update of its document.  A
 * message that gains or loses a file loses its cache entry in the same
 * section.  Then the triage phase marks the messages that the candidate
 * query misses but the triage flags: those changed since the last run
 * (listed before this run changes anything) and those of this run's files
 * whose head flagged; a new file whose head did not flag was triaged at
 * add and is not looked at again.  Then the parse
 * phase reads, parses once and caches the bounce candidates (CANDIDATE_QUERY:
 * report structure and the senders and subjects mail systems use, and the
 * marked messages) still lacking a cache entry from this parser version,
 * each message in one atomic section.  An interruption at any point leaves
 * whole entries only, and the next run finishes the work: the same database
 * as an uninterrupted run.
 *
 * Tags (unless turned off): "bounce" on every report with a recipient that
 * did not get the message, "bounce-hard" when one of them bounced hard,
 * "bounce-soft" when one bounced soft.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parsers/bounce.h"
#include "index/cache.h"
#include "index/database.h"
#include "index/guard.h"
#include "index/index.h"
#include "index/settings.h"

#define TAG_BOUNCE "bounce"
#define TAG_HARD "bounce-hard"
#define TAG_SOFT "bounce-soft"
/* Message property: one value per bounce tag bounceview put on the message
 * itself (and so may take off again). */
#define KEY_TAGGED "bounceview.tagged"
/* How much of a new file the triage reads: enough for any header block. */
#define HEAD_BYTES (16 * 1024)
/* notmuch configuration key: "uuid:revision" up to which changed messages
 * were triaged. */
#define CONFIG_TRIAGED "bounceview.triaged-revision"
/* "UUID:REVISION:PARSER-VERSION:CACHED", written at the end of a run that
 * left no candidate unparsed: see settled_at_start(). */
#define CONFIG_SETTLED "bounceview.settled"

/* Reports are multipart/report with a delivery-status or feedback part, or
 * at least come from a mail system's own address or with its wording: the
 * terms are what notmuch indexes (mimetype: of every part, from:, subject:);
 * the triage of the engine then drops the ordinary mail among them. */
static const char CANDIDATE_QUERY[] =
        "mimetype:message/delivery-status or mimetype:message/global-delivery-status"
        " or mimetype:message/feedback-report or mimetype:text/rfc822-headers"
        " or mimetype:message/rfc822-headers"
        " or from:mailer-daemon or from:postmaster or from:mail-daemon or from:mailerdaemon"
        " or from:\"mail delivery\" or from:\"delivery subsystem\" or from:\"delivery status\""
        " or from:\"microsoft outlook\" or from:\"mail administrator\" or from:\"system administrator\""
        " or subject:undeliverable or subject:undelivered or subject:undeliverd"
        " or subject:\"delivery status notification\" or subject:\"returned mail\""
        " or subject:\"failure notice\" or subject:\"delivery failure\" or subject:\"delivery failed\""
        " or subject:\"delivery has failed\" or subject:\"mail delivery failed\""
        " or subject:\"non-delivery\" or subject:\"nondeliverable\" or subject:\"could not be delivered\""
        " or subject:\"delivery notification\" or subject:\"delayed mail\" or subject:\"delivery delayed\""
        " or subject:\"warning: message\" or subject:\"returned to sender\" or subject:bounce"
        " or subject:\"automatic reply\" or subject:\"auto reply\" or subject:autoreply"
        " or subject:\"out of office\" or subject:\"abuse report\" or subject:complaint"
        " or property:" BV_CACHE_KEY_CANDIDATE "=1";

typedef struct {
	BvDb *db;
	const BvIndexOptions *opts;
	BvIndexStats *stats;
	gboolean tags;
	time_t started;
	GPtrArray *to_add;    /* absolute paths */
	GPtrArray *to_remove; /* absolute paths */
	GPtrArray *gone_dirs; /* absolute paths of directories that vanished */
	GPtrArray *dir_paths; /* directories to record the time of ... */
	GArray *dir_mtimes;   /* ... and the time (time_t) */
	/* new.ignore: names ignored wherever they are, and patterns matched
	 * against the path relative to the mail root, as `notmuch new`. */
	GPtrArray *ignore_names;
	GPtrArray *ignore_patterns; /* of GRegex */
	GHashTable *visited;        /* "dev:ino" of the directories walked */
	/* The triage phase's work (triage_changed()).  @prior: ids of the
	 * messages changed since the last complete triage that the candidate
	 * query missed, listed before this run changes anything.  @recheck:
	 * ids of the messages this run changed whose mark is still to be
	 * decided: a new file whose head the triage flagged (parsed at once),
	 * a message that gained or lost a file.  This run's other new
	 * messages were triaged at add and are not looked at again. */
	GPtrArray *prior;
	GHashTable *recheck;
	GByteArray *file; /* the file parse_at_add() reads */
	/* notmuch's new.tags and maildir.synchronize_flags, read once per run
	 * (load_new_settings()): the configuration does not change while the
	 * run holds the write lock. */
	GPtrArray *new_tags;
	gboolean sync_flags;
	guint parsed_at_add; /* messages add_files() parsed and cached */
	guint skipped;       /* directories that could not be listed */
	guint left_stale;    /* candidates the parse phase could not cache */
	/* The revision this run started at, when the last run ended at it
	 * with nothing left to parse (settled_at_start()), else 0; and the
	 * count of cached candidates that run recorded. */
	unsigned long settled_rev;
	guint64 settled_cached;
	GError *error;
} Run;

static void
progress (Run *run, const char *phase, guint64 done, guint64 total)
{
	if (run->opts->progress != NULL)
		run->opts->progress (phase, done, total, run->opts->user);
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
	return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* Names notmuch has under @dir (files or subdirectories), sorted. */
static GPtrArray *
known_names (notmuch_directory_t *dir, gboolean files)
{
	GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
	if (dir == NULL)
		return out;
	notmuch_filenames_t *names = files ? notmuch_directory_get_child_files (dir)
	                                   : notmuch_directory_get_child_directories (dir);
	for (; names != NULL && notmuch_filenames_valid (names); notmuch_filenames_move_to_next (names))
		g_ptr_array_add (out, g_strdup (notmuch_filenames_get (names)));
	if (names != NULL)
		notmuch_filenames_destroy (names);
	g_ptr_array_sort (out, compare_strings);
	return out;
}

/* Tells the user about something passed over; the run goes on. */
static void warn (Run *run, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
warn (Run *run, const char *format, ...)
{
	va_list args;
	va_start (args, format);
	g_autofree char *message = g_strdup_vprintf (format, args);
	va_end (args);
	if (run->opts->warning != NULL)
		run->opts->warning (message, run->opts->user);
	else
		g_printerr ("bounceview: %s\n", message);
}

/* Reads new.ignore as `notmuch new` does: "/.../" is an extended regular
 * expression, anything else a name.  A malformed entry stops the run, as it
 * stops notmuch new: indexing what the user meant to leave out is worse. */
static gboolean
load_ignore (Run *run)
{
	run->ignore_names = g_ptr_array_new_with_free_func (g_free);
	run->ignore_patterns = g_ptr_array_new_with_free_func ((GDestroyNotify)g_regex_unref);
	notmuch_config_values_t *values = notmuch_config_get_values (run->db->db, NOTMUCH_CONFIG_NEW_IGNORE);
	gboolean ok = TRUE;
	for (; ok && values != NULL && notmuch_config_values_valid (values);
	     notmuch_config_values_move_to_next (values)) {
		const char *v = notmuch_config_values_get (values);
		gsize len = strlen (v);
		if (len == 0)
			continue;
		if (v[0] != '/') {
			g_ptr_array_add (run->ignore_names, g_strdup (v));
			continue;
		}
		g_autofree char *pattern = len >= 3 && v[len - 1] == '/' ? g_strndup (v + 1, len - 2) : NULL;
		GError *e = NULL;
		GRegex *re = pattern != NULL ? g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &e) : NULL;
		if (re == NULL) {
			g_set_error (&run->error, BV_INDEX_ERROR, BV_INDEX_ERROR_NOTMUCH,
			             _ ("malformed pattern “%s” in notmuch's new.ignore: %s"), v,
			             e != NULL ? e->message : _ ("a pattern is written /.../"));
			g_clear_error (&e);
			ok = FALSE;
		} else {
			g_ptr_array_add (run->ignore_patterns, re);
		}
	}
	if (values != NULL)
		notmuch_config_values_destroy (values);
	return ok;
}

/* Whether new.ignore leaves out @name in the directory @dir. */
static gboolean
ignored (Run *run, const char *dir, const char *name)
{
	for (guint i = 0; i < run->ignore_names->len; i++)
		if (strcmp (run->ignore_names->pdata[i], name) == 0)
			return TRUE;
	if (run->ignore_patterns->len == 0)
		return FALSE;
	const char *root = run->db->mail_root;
	const char *rel = g_str_has_prefix (dir, root) ? dir + strlen (root) : dir;
	while (*rel == '/')
		rel++;
	g_autofree char *path = *rel != '\0' ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
	for (guint i = 0; i < run->ignore_patterns->len; i++)
		if (g_regex_match (run->ignore_patterns->pdata[i], path, 0, NULL))
			return TRUE;
	return FALSE;
}

/* What `notmuch new` passes over besides new.ignore: the database's own
 * directory at the mail root, and tmp/ of a Maildir (mail being
 * delivered). */
static gboolean
skipped_dir (Run *run, const char *path, const char *name, gboolean is_maildir)
{
	return (strcmp (name, ".notmuch") == 0 && strcmp (path, run->db->mail_root) == 0) ||
	       (is_maildir && strcmp (name, "tmp") == 0);
}

/* Appends to @out the joined paths of the names in @a missing from @b
 * (both sorted). */
static void
difference (GPtrArray *a, GPtrArray *b, const char *dir, GPtrArray *out)
{
	guint j = 0;
	for (guint i = 0; i < a->len; i++) {
		int c = 1;
		while (j < b->len && (c = strcmp (b->pdata[j], a->pdata[i])) < 0)
			j++;
		if (j >= b->len || c != 0)
			g_ptr_array_add (out, g_build_filename (dir, a->pdata[i], NULL));
	}
}

static gboolean walk (Run *run, const char *path);

/* Lists @path on disk: sorted file names in @files (NULL: not wanted),
 * subdirectory names in @dirs (both sorted).  A directory that cannot be
 * listed (no permission, lost+found, a path too long) is passed over with
 * one warning naming it: FALSE, and the rest of the Maildir is indexed. */
static gboolean
list_dir (Run *run, const char *path, GPtrArray *files, GPtrArray *dirs)
{
	DIR *d = opendir (path);
	if (d == NULL) {
		/* A directory that vanished meanwhile is simply gone. */
		if (errno != ENOENT) {
			warn (run, _ ("%s: %s (skipped)"), path, g_strerror (errno));
			run->skipped++;
		}
		return FALSE;
	}
	g_autoptr (GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_free);
	gboolean has_cur = FALSE, has_new = FALSE, has_tmp = FALSE;
	struct dirent *e;
	while ((e = readdir (d)) != NULL) {
		const char *name = e->d_name;
		if (strcmp (name, ".") == 0 || strcmp (name, "..") == 0 || ignored (run, path, name))
			continue;
		gboolean is_dir = e->d_type == DT_DIR, is_file = e->d_type == DT_REG;
		if (files == NULL && e->d_type == DT_REG)
			continue;
		if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
			g_autofree char *full = g_build_filename (path, name, NULL);
			struct stat st;
			if (stat (full, &st) != 0) {
				/* A dangling link is no mail; a loop or an
				 * over-long path is worth a word. */
				if (errno != ENOENT)
					warn (run, _ ("%s: %s (skipped)"), full, g_strerror (errno));
				continue;
			}
			is_dir = S_ISDIR (st.st_mode);
			is_file = S_ISREG (st.st_mode);
		}
		if (is_dir) {
			has_cur |= strcmp (name, "cur") == 0;
			has_new |= strcmp (name, "new") == 0;
			has_tmp |= strcmp (name, "tmp") == 0;
			g_ptr_array_add (subdirs, g_strdup (name));
		} else if (is_file && files != NULL) {
			g_ptr_array_add (files, g_strdup (name));
		}
	}
	closedir (d);
	gboolean is_maildir = has_cur && has_new && has_tmp;
	for (guint i = 0; i < subdirs->len; i++)
		if (!skipped_dir (run, path, subdirs->pdata[i], is_maildir))
			g_ptr_array_add (dirs, g_strdup (subdirs->pdata[i]));
	if (files != NULL)
		g_ptr_array_sort (files, compare_strings);
	g_ptr_array_sort (dirs, compare_strings);
	return TRUE;
}

/* Whether @st is a directory this walk has been in already (a symlink
 * pointing back up): the first time it is recorded. */
static gboolean
seen_before (Run *run, const struct stat *st)
{
	char *key = g_strdup_printf ("%ju:%ju", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
	if (g_hash_table_contains (run->visited, key)) {
		g_free (key);
		return TRUE;
	}
	g_hash_table_add (run->visited, key);
	return FALSE;
}

/* Whether @path, a directory notmuch knows (@dir) whose time is unchanged,
 * is a Maildir's cur/ or new/ that need not even be listed.  An unchanged
 * time means no file came or went, but the walk still lists a directory
 * for its subdirectories; cur/ and new/ hold none (the Maildir layout puts
 * folders beside them, not inside), which the link count confirms on the
 * file systems that count a directory's subdirectories in it (2 when there
 * are none, as find(1) relies on; btrfs and some network file systems say
 * 1 and are listed as before), and notmuch must know of none under it.
 * Listing the million names of a large cur/ was nearly all of a start with
 * nothing new at a million messages. */
static gboolean
unchanged_maildir_leaf (const char *path, const struct stat *st, notmuch_directory_t *dir)
{
	if (st->st_nlink != 2)
		return FALSE;
	g_autofree char *base = g_path_get_basename (path);
	if (strcmp (base, "cur") != 0 && strcmp (base, "new") != 0)
		return FALSE;
	g_autoptr (GPtrArray) had_dirs = known_names (dir, FALSE);
	return had_dirs->len == 0;
}

static gboolean
walk (Run *run, const char *path)
{
	struct stat st;
	/* The time is taken before listing: a file arriving during the
	 * listing changes it again and the next run looks once more. */
	if (stat (path, &st) != 0) {
		if (errno != ENOENT) {
			warn (run, _ ("%s: %s (skipped)"), path, g_strerror (errno));
			run->skipped++;
		}
		return TRUE;
	}
	if (seen_before (run, &st)) {
		warn (run, _ ("%s: a symbolic link loop: this directory was indexed already (skipped)"),
		      path);
		return TRUE;
	}
	notmuch_directory_t *dir = NULL;
	notmuch_status_t status = notmuch_database_get_directory (run->db->db, path, &dir);
	if (status != NOTMUCH_STATUS_SUCCESS)
		return bv_db_fail (run->db, &run->error, status, path);
	time_t known = dir != NULL ? notmuch_directory_get_mtime (dir) : 0;
	/* A directory whose time is unchanged had no file come or go: only its
	 * subdirectories are wanted (an empty one notmuch has no record of
	 * may have new mail), so its files are neither copied nor sorted. */
	gboolean changed = st.st_mtime != known || dir == NULL;
	if (!changed && unchanged_maildir_leaf (path, &st, dir)) {
		notmuch_directory_destroy (dir);
		return TRUE;
	}
	g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
	g_autoptr (GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
	if (!list_dir (run, path, changed ? files : NULL, dirs)) {
		/* Passed over: what notmuch knows of it stays as it is, and its
		 * time is not recorded, so the next run tries again. */
		if (dir != NULL)
			notmuch_directory_destroy (dir);
		return TRUE;
	}
	if (changed) {
		g_autoptr (GPtrArray) had_files = known_names (dir, TRUE);
		g_autoptr (GPtrArray) had_dirs = known_names (dir, FALSE);
		difference (files, had_files, path, run->to_add);
		difference (had_files, files, path, run->to_remove);
		difference (had_dirs, dirs, path, run->gone_dirs);
		/* A time in the current second may still change within it:
		 * recording it could hide a file arriving now. */
		if (st.st_mtime < run->started) {
			time_t t = st.st_mtime;
			g_ptr_array_add (run->dir_paths, g_strdup (path));
			g_array_append_val (run->dir_mtimes, t);
		}
	}
	if (dir != NULL)
		notmuch_directory_destroy (dir);
	for (guint i = 0; i < dirs->len; i++) {
		g_autofree char *sub = g_build_filename (path, dirs->pdata[i], NULL);
		if (!walk (run, sub))
			return FALSE;
	}
	return TRUE;
}

/* Queues every file notmuch knows under the vanished directory @path, and
 * its subdirectories, for removal. */
static void
collect_gone (Run *run, const char *path)
{
	notmuch_directory_t *dir = NULL;
	if (notmuch_database_get_directory (run->db->db, path, &dir) != NOTMUCH_STATUS_SUCCESS || dir == NULL)
		return;
	g_autoptr (GPtrArray) files = known_names (dir, TRUE);
	g_autoptr (GPtrArray) dirs = known_names (dir, FALSE);
	for (guint i = 0; i < files->len; i++)
		g_ptr_array_add (run->to_remove, g_build_filename (path, files->pdata[i], NULL));
	for (guint i = 0; i < dirs->len; i++) {
		g_autofree char *sub = g_build_filename (path, dirs->pdata[i], NULL);
		collect_gone (run, sub);
	}
	notmuch_directory_destroy (dir);
}

static void
delete_gone_dir (Run *run, const char *path)
{
	notmuch_directory_t *dir = NULL;
	if (notmuch_database_get_directory (run->db->db, path, &dir) == NOTMUCH_STATUS_SUCCESS &&
	    dir != NULL) {
		g_autoptr (GPtrArray) dirs = known_names (dir, FALSE);
		for (guint i = 0; i < dirs->len; i++) {
			g_autofree char *sub = g_build_filename (path, dirs->pdata[i], NULL);
			delete_gone_dir (run, sub);
		}
		notmuch_directory_delete (dir); /* also frees it */
	}
}

/* Reads new.tags and maildir.synchronize_flags once for the run, as
 * `notmuch new` does: asking libnotmuch for them again for every file added
 * copied and split the tag list each time. */
static void
load_new_settings (Run *run)
{
	run->new_tags = g_ptr_array_new_with_free_func (g_free);
	notmuch_config_values_t *tags = notmuch_config_get_values (run->db->db, NOTMUCH_CONFIG_NEW_TAGS);
	for (; tags != NULL && notmuch_config_values_valid (tags);
	     notmuch_config_values_move_to_next (tags)) {
		const char *t = notmuch_config_values_get (tags);
		if (t != NULL && *t != '\0')
			g_ptr_array_add (run->new_tags, g_strdup (t));
	}
	if (tags != NULL)
		notmuch_config_values_destroy (tags);
	notmuch_bool_t sync = TRUE;
	run->sync_flags = notmuch_config_get_bool (run->db->db, NOTMUCH_CONFIG_SYNC_MAILDIR_FLAGS, &sync) !=
	                          NOTMUCH_STATUS_SUCCESS ||
	                  sync;
}

/* As `notmuch new` does when maildir.synchronize_flags is on (its
 * default): a file named ...:2,S is read mail, so it must not stay tagged
 * unread in the user's mail client.  The caller has @msg frozen, so that
 * notmuch's own freeze and thaw inside do not write the document. */
static notmuch_status_t
sync_maildir_flags (Run *run, notmuch_message_t *msg)
{
	if (msg == NULL || !run->sync_flags)
		return NOTMUCH_STATUS_SUCCESS;
	return notmuch_message_maildir_flags_to_tags (msg);
}

/* notmuch's new.tags on a new message (frozen by the caller). */
static notmuch_status_t
apply_new_tags (Run *run, notmuch_message_t *msg)
{
	notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;
	for (guint i = 0; i < run->new_tags->len && st == NOTMUCH_STATUS_SUCCESS; i++)
		st = notmuch_message_add_tag (msg, run->new_tags->pdata[i]);
	return st;
}

static notmuch_status_t parse_at_add (Run *run, notmuch_message_t *msg, const char *path);
static notmuch_status_t drop_result (Run *run, notmuch_message_t *msg);

/* The changes that follow notmuch's indexing of @path into @msg, all in one
 * freeze: each thaw rewrites the message's whole document (notmuch keeps all
 * its terms in one), and those rewrites were most of what a cold index spent
 * beyond `notmuch new`.  A new message gets new.tags, its Maildir flags as
 * tags and, when the triage flags its head, its cache entry and bounce tags;
 * a message that gained a file (a copy, another report under its
 * Message-ID, a rename) gets the flags and loses its cache entry, so that
 * the parse phase reads it again from all its files, even after a kill. */
static notmuch_status_t
after_index (Run *run, notmuch_message_t *msg, const char *path, gboolean is_new)
{
	notmuch_status_t st = notmuch_message_freeze (msg);
	if (st != NOTMUCH_STATUS_SUCCESS)
		return st;
	if (is_new)
		st = apply_new_tags (run, msg);
	if (st == NOTMUCH_STATUS_SUCCESS)
		st = sync_maildir_flags (run, msg);
	if (st == NOTMUCH_STATUS_SUCCESS)
		st = is_new ? parse_at_add (run, msg, path) : drop_result (run, msg);
	notmuch_status_t thaw = bv_nm_thaw (msg);
	return st != NOTMUCH_STATUS_SUCCESS ? st : thaw;
}

/* Indexes the new files, each in one atomic section with everything
 * after_index() writes: a kill leaves a file either not indexed or indexed
 * with its tags and cache entry.  On a failure the section is left open:
 * closing the database cancels it. */
static gboolean
add_files (Run *run, guint64 *duplicates)
{
	notmuch_database_t *db = run->db->db;
	notmuch_indexopts_t *opts = notmuch_database_get_default_indexopts (db);
	gboolean ok = TRUE;
	for (guint i = 0; i < run->to_add->len && ok; i++) {
		const char *path = run->to_add->pdata[i];
		notmuch_message_t *msg = NULL;
		notmuch_status_t st = notmuch_database_begin_atomic (db);
		if (st != NOTMUCH_STATUS_SUCCESS) {
			ok = bv_db_fail (run->db, &run->error, st, path);
			break;
		}
		st = notmuch_database_index_file (db, path, opts, &msg);
		switch (st) {
		case NOTMUCH_STATUS_SUCCESS:
			run->stats->files_added++;
			st = after_index (run, msg, path, TRUE);
			break;
		case NOTMUCH_STATUS_DUPLICATE_MESSAGE_ID:
			(*duplicates)++;
			st = after_index (run, msg, path, FALSE);
			break;
		case NOTMUCH_STATUS_FILE_NOT_EMAIL:
		case NOTMUCH_STATUS_FILE_ERROR:
			/* Not mail (an index file of another program) or gone
			 * since the listing: like notmuch, pass over it. */
			st = NOTMUCH_STATUS_SUCCESS;
			break;
		default: break;
		}
		if (msg != NULL)
			notmuch_message_destroy (msg);
		if (st == NOTMUCH_STATUS_SUCCESS)
			st = notmuch_database_end_atomic (db);
		if (st != NOTMUCH_STATUS_SUCCESS)
			ok = bv_db_fail (run->db, &run->error, st, path);
		progress (run, "index", i + 1, run->to_add->len);
	}
	if (opts != NULL)
		notmuch_indexopts_destroy (opts);
	return ok;
}

/* Drops one vanished file name, as `notmuch new` does: a message that lives
 * on under another name (a Maildir flag change renames the file) gets its
 * tags from the flags of the names it has left.  While a directory could
 * not be listed, a message's last name is kept: the file may have moved
 * into that directory, and dropping it would lose its tags. */
static notmuch_status_t
remove_file (Run *run, const char *path, guint64 *remaining)
{
	notmuch_database_t *db = run->db->db;
	notmuch_message_t *msg = NULL;
	notmuch_status_t st = notmuch_database_begin_atomic (db);
	if (st != NOTMUCH_STATUS_SUCCESS)
		return st;
	st = notmuch_database_find_message_by_filename (db, path, &msg);
	if (st == NOTMUCH_STATUS_SUCCESS && msg != NULL && run->skipped > 0) {
		notmuch_filenames_t *names = notmuch_message_get_filenames (msg);
		guint n = 0;
		for (; names != NULL && notmuch_filenames_valid (names);
		     notmuch_filenames_move_to_next (names))
			n++;
		if (names != NULL)
			notmuch_filenames_destroy (names);
		if (n <= 1)
			g_clear_pointer (&msg, notmuch_message_destroy);
	}
	if (st == NOTMUCH_STATUS_SUCCESS && msg != NULL) {
		g_autofree char *id = g_strdup (notmuch_message_get_message_id (msg));
		/* The message object read before the removal holds the old
		 * document; what follows works on the message as it is now. */
		g_clear_pointer (&msg, notmuch_message_destroy);
		st = bv_nm_remove_message (db, path);
		if (st == NOTMUCH_STATUS_SUCCESS) {
			run->stats->files_removed++;
		} else if (st == NOTMUCH_STATUS_DUPLICATE_MESSAGE_ID) {
			(*remaining)++;
			st = notmuch_database_find_message (db, id, &msg);
			if (st == NOTMUCH_STATUS_SUCCESS && msg != NULL)
				st = after_index (run, msg, path, FALSE);
		}
	}
	if (msg != NULL)
		notmuch_message_destroy (msg);
	/* On a failure the atomic section stays open (add_files()). */
	return st != NOTMUCH_STATUS_SUCCESS ? st : notmuch_database_end_atomic (db);
}

static gboolean
remove_files (Run *run, guint64 *remaining)
{
	for (guint i = 0; i < run->to_remove->len; i++) {
		const char *path = run->to_remove->pdata[i];
		notmuch_status_t st = remove_file (run, path, remaining);
		if (st != NOTMUCH_STATUS_SUCCESS)
			return bv_db_fail (run->db, &run->error, st, path);
	}
	return TRUE;
}

static gboolean
record_dir_times (Run *run)
{
	for (guint i = 0; i < run->dir_paths->len; i++) {
		notmuch_directory_t *dir = NULL;
		const char *path = run->dir_paths->pdata[i];
		notmuch_status_t st = notmuch_database_get_directory (run->db->db, path, &dir);
		if (st != NOTMUCH_STATUS_SUCCESS)
			return bv_db_fail (run->db, &run->error, st, path);
		if (dir == NULL)
			continue; /* no mail in it: notmuch keeps no record */
		st = notmuch_directory_set_mtime (dir, g_array_index (run->dir_mtimes, time_t, i));
		notmuch_directory_destroy (dir);
		if (st != NOTMUCH_STATUS_SUCCESS)
			return bv_db_fail (run->db, &run->error, st, path);
	}
	return TRUE;
}

static gboolean
sync_files (Run *run)
{
	progress (run, "scan", 0, 0);
	if (!walk (run, run->db->maildir))
		return FALSE;
	for (guint i = 0; i < run->gone_dirs->len; i++)
		collect_gone (run, run->gone_dirs->pdata[i]);
	guint64 dup_added = 0, dup_removed = 0;
	if (!add_files (run, &dup_added) || !remove_files (run, &dup_removed))
		return FALSE;
	/* A rename is an added name of a known message plus a dropped name
	 * of a message that lives on; what is left over of either is a copy
	 * added or a copy removed. */
	guint64 renamed = MIN (dup_added, dup_removed);
	run->stats->files_renamed += renamed;
	run->stats->files_added += dup_added - renamed;
	run->stats->files_removed += dup_removed - renamed;
	for (guint i = 0; i < run->gone_dirs->len; i++)
		delete_gone_dir (run, run->gone_dirs->pdata[i]);
	return record_dir_times (run);
}

/* Parses a file's contents @data (NULL when the file is empty). */
static BvReport *
parse_contents (const char *data, gsize len)
{
	if (data != NULL && bv_triage (data, len))
		return bv_report_parse (data, len);
	return bv_report_new ();
}

/* Parses the file @path; NULL when it cannot be read. */
static BvReport *
parse_file (const char *path)
{
	g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
	if (file == NULL)
		return NULL;
	/* An empty file maps to NULL contents. */
	return parse_contents (g_mapped_file_get_contents (file), g_mapped_file_get_length (file));
}

static gboolean
same_recipient (const BvRecipient *a, const BvRecipient *b)
{
	return g_strcmp0 (a->recipient, b->recipient) == 0 && g_strcmp0 (a->action, b->action) == 0 &&
	       g_strcmp0 (a->status, b->status) == 0 && g_strcmp0 (a->diagnostic, b->diagnostic) == 0;
}

/* Moves into @into the recipients of @from it does not have yet. */
static void
merge_recipients (BvReport *into, BvReport *from)
{
	while (from->recipients->len > 0) {
		BvRecipient *x = g_ptr_array_steal_index (from->recipients, 0);
		gboolean known = FALSE;
		for (guint i = 0; !known && i < into->recipients->len; i++)
			known = same_recipient (into->recipients->pdata[i], x);
		if (known)
			bv_recipient_free (x);
		else
			g_ptr_array_add (into->recipients, x);
	}
}

/* Parses every file of @msg.  notmuch keeps files that share a Message-ID
 * as one message with several names: copies of one report, or different
 * reports whose sender reused an id.  Each is read, so that every bounce
 * `scan` finds in the files is in the index too; the result is the first
 * report's, with the recipients the other files add (a copy adds none).
 * NULL when no file can be read (the caller caches nothing and tries again
 * next run). */
static BvReport *
parse_message (notmuch_message_t *msg)
{
	notmuch_filenames_t *names = notmuch_message_get_filenames (msg);
	g_autoptr (GPtrArray) names_sorted = g_ptr_array_new_with_free_func (g_free);
	for (; names != NULL && notmuch_filenames_valid (names); notmuch_filenames_move_to_next (names))
		g_ptr_array_add (names_sorted, g_strdup (notmuch_filenames_get (names)));
	if (names != NULL)
		notmuch_filenames_destroy (names);
	/* The same result whatever order notmuch lists the names in. */
	g_ptr_array_sort (names_sorted, compare_strings);
	BvReport *report = NULL;
	for (guint i = 0; i < names_sorted->len; i++) {
		g_autoptr (BvReport) r = parse_file (names_sorted->pdata[i]);
		if (r == NULL)
			continue;
		if (report == NULL || (report->kind == BV_KIND_NONE && r->kind != BV_KIND_NONE)) {
			if (report != NULL)
				merge_recipients (r, report);
			g_clear_pointer (&report, bv_report_free);
			report = g_steal_pointer (&r);
		} else {
			merge_recipients (report, r);
		}
	}
	return report;
}

/* Whether bounceview itself put @tag on @msg. */
static gboolean
tagged_by_us (notmuch_message_t *msg, const char *tag)
{
	notmuch_message_properties_t *props = notmuch_message_get_properties (msg, KEY_TAGGED, TRUE);
	gboolean found = FALSE;
	for (; !found && props != NULL && notmuch_message_properties_valid (props);
	     notmuch_message_properties_move_to_next (props))
		found = strcmp (notmuch_message_properties_value (props), tag) == 0;
	if (props != NULL)
		notmuch_message_properties_destroy (props);
	return found;
}

/* Sets the bounce tags from @r.  A tag bounceview adds is recorded in the
 * property KEY_TAGGED, and only such a tag is ever taken off again: one the
 * user (or a filter) set stays, whatever the parser says. */
static notmuch_status_t
set_tags (notmuch_message_t *msg, const BvReport *r)
{
	gboolean bounced = FALSE, hard = FALSE, soft = FALSE;
	for (guint i = 0; i < r->recipients->len; i++) {
		const BvRecipient *x = r->recipients->pdata[i];
		if (!bv_recipient_bounced (x))
			continue;
		bounced = TRUE;
		hard |= x->hard;
		soft |= !x->hard;
	}
	const char *tags[] = { TAG_BOUNCE, TAG_HARD, TAG_SOFT };
	const gboolean want[] = { bounced, hard, soft };
	notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;
	for (guint i = 0; i < G_N_ELEMENTS (tags) && st == NOTMUCH_STATUS_SUCCESS; i++) {
		gboolean has = FALSE;
		notmuch_tags_t *t = notmuch_message_get_tags (msg);
		for (; !has && t != NULL && notmuch_tags_valid (t); notmuch_tags_move_to_next (t))
			has = strcmp (notmuch_tags_get (t), tags[i]) == 0;
		if (t != NULL)
			notmuch_tags_destroy (t);
		if (want[i] && !has) {
			st = notmuch_message_add_tag (msg, tags[i]);
			if (st == NOTMUCH_STATUS_SUCCESS)
				st = notmuch_message_add_property (msg, KEY_TAGGED, tags[i]);
		} else if (!want[i] && has && tagged_by_us (msg, tags[i])) {
			st = notmuch_message_remove_tag (msg, tags[i]);
			if (st == NOTMUCH_STATUS_SUCCESS)
				st = notmuch_message_remove_property (msg, KEY_TAGGED, tags[i]);
		}
	}
	return st;
}

/* Removes the cache entry of @msg (frozen by the caller).  The candidate
 * mark stays, so that a later parser version finds the message again. */
static notmuch_status_t
remove_entry (notmuch_message_t *msg)
{
	const char *keys[] = { BV_CACHE_KEY_VERSION, BV_CACHE_KEY_KIND, BV_CACHE_KEY_BOUNCED,
		               BV_CACHE_KEY_DATA };
	notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;
	for (guint i = 0; i < G_N_ELEMENTS (keys) && st == NOTMUCH_STATUS_SUCCESS; i++)
		st = notmuch_message_remove_all_properties (msg, keys[i]);
	return st;
}

/* The cache entry of @msg replaced by @r, and its tags set; the caller has
 * @msg frozen inside an atomic section. */
static notmuch_status_t
write_result (Run *run, notmuch_message_t *msg, const BvReport *r)
{
	notmuch_status_t st = remove_entry (msg);
	gboolean bounced = FALSE;
	for (guint i = 0; i < r->recipients->len; i++)
		bounced |= bv_recipient_bounced (r->recipients->pdata[i]);
	if (st == NOTMUCH_STATUS_SUCCESS && r->kind != BV_KIND_NONE) {
		g_autofree char *text = bv_cache_serialize (r);
		g_autoptr (GPtrArray) chunks = bv_cache_chunk (text);
		for (guint i = 0; i < chunks->len && st == NOTMUCH_STATUS_SUCCESS; i++)
			st = notmuch_message_add_property (msg, BV_CACHE_KEY_DATA, chunks->pdata[i]);
	}
	if (st == NOTMUCH_STATUS_SUCCESS && bounced)
		st = notmuch_message_add_property (msg, BV_CACHE_KEY_BOUNCED, "1");
	if (st == NOTMUCH_STATUS_SUCCESS)
		st = notmuch_message_add_property (msg, BV_CACHE_KEY_KIND, bv_kind_id (r->kind));
	/* The version goes last: it is what marks the entry complete. */
	if (st == NOTMUCH_STATUS_SUCCESS)
		st = notmuch_message_add_property (msg, BV_CACHE_KEY_VERSION,
		                                   G_STRINGIFY (BV_PARSER_VERSION));
	if (st == NOTMUCH_STATUS_SUCCESS && run->tags)
		st = set_tags (msg, r);
	return st;
}

/* Counts @r in the run's statistics. */
static void
count_result (Run *run, const BvReport *r)
{
	run->stats->parsed++;
	if (r->kind != BV_KIND_NONE)
		run->stats->reports++;
	for (guint j = 0; j < r->recipients->len; j++)
		run->stats->bounces += bv_recipient_bounced (r->recipients->pdata[j]);
}

/* Replaces the cache entry of @msg with @r (and its tags), atomically.  On
 * a failure the atomic section stays open (add_files()). */
static notmuch_status_t
store_result (Run *run, notmuch_message_t *msg, const BvReport *r)
{
	notmuch_database_t *db = run->db->db;
	notmuch_status_t st = notmuch_database_begin_atomic (db);
	if (st != NOTMUCH_STATUS_SUCCESS)
		return st;
	/* Frozen, every change below is written to the document once, at the
	 * thaw: a message's document holds all its terms, and rewriting it
	 * for each property made the parse phase ten times slower. */
	st = notmuch_message_freeze (msg);
	if (st != NOTMUCH_STATUS_SUCCESS)
		return st;
	st = write_result (run, msg, r);
	notmuch_status_t thaw = bv_nm_thaw (msg);
	if (st == NOTMUCH_STATUS_SUCCESS)
		st = thaw;
	return st != NOTMUCH_STATUS_SUCCESS ? st : notmuch_database_end_atomic (db);
}

/* Whether @msg has a cache entry of this parser version. */
static gboolean
cached (notmuch_message_t *msg)
{
	const char *version = NULL;
	return notmuch_message_get_property (msg, BV_CACHE_KEY_VERSION, &version) == NOTMUCH_STATUS_SUCCESS &&
	       g_strcmp0 (version, G_STRINGIFY (BV_PARSER_VERSION)) == 0;
}

/* Reads up to @n bytes of @fd into @p; the count read (less at the end of
 * the file), or -1 on an error. */
static gssize
read_up_to (int fd, guint8 *p, gsize n)
{
	gsize got = 0;
	while (got < n) {
		ssize_t r = read (fd, p + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (gsize)r;
	}
	return (gssize)got;
}

/* Reads the file @path into run->file for parse_at_add(): its first
 * HEAD_BYTES, then, when the engine's triage flags them (*flagged), the
 * rest.  With
 * read(2) into one buffer kept for the run, a file costs an open, a read
 * and a close; mapping it (g_mapped_file_new()) cost an fstat, an mmap and
 * an munmap besides, and page faults.  Returns the length (the contents
 * are followed by a NUL, as `scan` reads them), or -1 when the file cannot
 * be read. */
static gssize
read_for_add (Run *run, const char *path, gboolean *flagged)
{
	*flagged = FALSE;
	/* O_NONBLOCK: a FIFO put in the file's place must not block. */
	int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return -1;
	GByteArray *buf = run->file;
	g_byte_array_set_size (buf, HEAD_BYTES + 1);
	gssize len = read_up_to (fd, buf->data, HEAD_BYTES);
	if (len > 0 && bv_triage ((const char *)buf->data, (gsize)len)) {
		*flagged = TRUE;
		/* The rest, until a short read or the end. */
		while (len >= 0 && (gsize)len == buf->len - 1) {
			g_byte_array_set_size (buf, buf->len * 2);
			gssize more = read_up_to (fd, buf->data + len, buf->len - 1 - (gsize)len);
			len = more < 0 ? -1 : len + more;
		}
	}
	close (fd);
	if (len >= 0)
		buf->data[len] = '\0';
	return len;
}

/* A new message (frozen by add_files() inside its atomic section, right
 * after notmuch indexed @path: the file is in the page cache) whose head the
 * triage flags is parsed now, and its cache entry and tags written in the
 * same document update as its new.tags: the triage and parse phases would
 * have rewritten the document twice more.  The candidate mark is not set
 * here: it belongs only on a message the candidate query misses, which the
 * triage phase tells once the document is written (run->recheck).  A head
 * the triage does not flag needs nothing more: the triage phase does not
 * look at the message again. */
static notmuch_status_t
parse_at_add (Run *run, notmuch_message_t *msg, const char *path)
{
	/* The head as head_may_be_report() reads it, then the whole file as
	 * parse_file() reads it.  A file that cannot be read now (gone since
	 * notmuch read it) is left to the triage phase, which reads the head
	 * of the message's first readable file; an empty one does not flag. */
	gboolean flagged;
	gssize len = read_for_add (run, path, &flagged);
	if (len < 0) {
		g_hash_table_add (run->recheck, g_strdup (notmuch_message_get_message_id (msg)));
		return NOTMUCH_STATUS_SUCCESS;
	}
	if (!flagged)
		return NOTMUCH_STATUS_SUCCESS;
	g_hash_table_add (run->recheck, g_strdup (notmuch_message_get_message_id (msg)));
	g_autoptr (BvReport) r = parse_contents ((const char *)run->file->data, (gsize)len);
	count_result (run, r);
	run->parsed_at_add++;
	notmuch_status_t st = write_result (run, msg, r);
	/* A large report's buffer is not kept for the rest of the run
	 * (g_byte_array_set_size() would keep the memory). */
	if (run->file->len > 1024 * 1024) {
		g_byte_array_unref (run->file);
		run->file = g_byte_array_new ();
	}
	return st;
}

/* Drops the cache entry of @msg (frozen by the caller) and the bounce tags
 * bounceview put on it, when it gained or lost a file: the entry was made
 * from the files it had.  A candidate is parsed again in the parse phase; a
 * message only the triage made one is triaged again first.  Done in the
 * atomic section of the file change, so that a kill cannot leave an entry
 * that misses a file. */
static notmuch_status_t
drop_result (Run *run, notmuch_message_t *msg)
{
	/* Its head may now be another file's, and its terms another file's
	 * too: the triage phase decides its mark again. */
	g_hash_table_add (run->recheck, g_strdup (notmuch_message_get_message_id (msg)));
	if (!cached (msg))
		return NOTMUCH_STATUS_SUCCESS;
	notmuch_status_t st = remove_entry (msg);
	if (st == NOTMUCH_STATUS_SUCCESS && run->tags) {
		g_autoptr (BvReport) none = bv_report_new ();
		st = set_tags (msg, none);
	}
	return st;
}

static guint
count (Run *run, const char *q)
{
	g_autofree char *scoped = bv_db_scoped_query (run->db, q);
	return bv_db_count (run->db, scoped);
}

/* The engine's triage on the head of the first readable file of @msg. */
static gboolean
head_may_be_report (notmuch_message_t *msg)
{
	notmuch_filenames_t *names = notmuch_message_get_filenames (msg);
	gboolean maybe = FALSE, read = FALSE;
	for (; !read && names != NULL && notmuch_filenames_valid (names);
	     notmuch_filenames_move_to_next (names)) {
		FILE *f = fopen (notmuch_filenames_get (names), "rb");
		if (f == NULL)
			continue;
		char buf[HEAD_BYTES];
		size_t n = fread (buf, 1, sizeof buf, f);
		fclose (f);
		read = TRUE;
		maybe = n > 0 && bv_triage (buf, n);
	}
	if (names != NULL)
		notmuch_filenames_destroy (names);
	return maybe;
}

/* Appends to @ids the ids of the messages of @query_string (scoped to the
 * Maildir). */
static gboolean
collect_ids (Run *run, const char *query_string, GPtrArray *ids)
{
	g_autofree char *scoped = bv_db_scoped_query (run->db, query_string);
	notmuch_query_t *query = NULL;
	notmuch_messages_t *msgs = bv_db_search (run->db, scoped, &query, &run->error);
	if (msgs == NULL)
		return FALSE;
	for (; notmuch_messages_valid (msgs); notmuch_messages_move_to_next (msgs)) {
		notmuch_message_t *m = notmuch_messages_get (msgs);
		g_ptr_array_add (ids, g_strdup (notmuch_message_get_message_id (m)));
		notmuch_message_destroy (m);
	}
	notmuch_query_destroy (query);
	return TRUE;
}

/* Runs @fn on every message of @ids (one gone since is passed over): the
 * ids are collected first and the work done after, because changing
 * messages while a query's results are walked is what notmuch warns
 * against.  Stops at the first failure. */
typedef notmuch_status_t (*MessageFunc) (Run *run, notmuch_message_t *msg, guint i, guint n);

static gboolean
for_each_id (Run *run, GPtrArray *ids, MessageFunc fn)
{
	for (guint i = 0; i < ids->len; i++) {
		notmuch_message_t *msg = NULL;
		notmuch_status_t st = notmuch_database_find_message (run->db->db, ids->pdata[i], &msg);
		if (st == NOTMUCH_STATUS_SUCCESS && msg != NULL) {
			st = fn (run, msg, i, ids->len);
			notmuch_message_destroy (msg);
		}
		if (st != NOTMUCH_STATUS_SUCCESS)
			return bv_db_fail (run->db, &run->error, st, ids->pdata[i]);
	}
	return TRUE;
}

/* Runs @fn on every message of @query_string (scoped to the Maildir). */
static gboolean
for_each_message (Run *run, const char *query_string, MessageFunc fn)
{
	g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
	return collect_ids (run, query_string, ids) && for_each_id (run, ids, fn);
}

static notmuch_status_t
triage_one (Run *run, notmuch_message_t *msg, guint i, guint n)
{
	progress (run, "triage", i + 1, n);
	if (!head_may_be_report (msg))
		return NOTMUCH_STATUS_SUCCESS;
	/* Frozen, so that the document is written by a thaw that cannot let
	 * a Xapian exception out (guard.h). */
	notmuch_status_t st = notmuch_message_freeze (msg);
	if (st != NOTMUCH_STATUS_SUCCESS)
		return st;
	st = notmuch_message_add_property (msg, BV_CACHE_KEY_CANDIDATE, "1");
	notmuch_status_t thaw = bv_nm_thaw (msg);
	return st != NOTMUCH_STATUS_SUCCESS ? st : thaw;
}

/* The messages changed since the last complete triage (by whatever
 * program: an earlier run, `notmuch new`) that the candidate query misses,
 * listed before this run changes anything (run->prior).  The database
 * revision up to which messages were triaged is kept in notmuch's own
 * configuration; an interrupted run leaves the old one, and the next run
 * looks again.  Messages cached already are listed too: an earlier run
 * killed between parsing a new message at add and its triage phase left
 * it without its mark.
 *
 * Listed before the files are synced, so that this run's own new messages,
 * which add_files() triaged at once, are not among them: walking every
 * message of a cold index read each one's whole term list for its id. */
/* Whether the database is as the last run left it: same database, same
 * revision (nothing indexed, tagged or changed since, by us or by anyone
 * else), same parser version, and that run had no candidate left that it
 * could not parse.  Then the two queries over the whole database that a
 * run makes even with nothing new (the changed non-candidates, and the
 * count of cached candidates) have the answers that run recorded: at a
 * million messages they were nearly all of a start with nothing new. */
static void
settled_at_start (Run *run)
{
	g_autofree char *value = NULL;
	notmuch_database_get_config (run->db->db, CONFIG_SETTLED, &value);
	const char *uuid = NULL;
	unsigned long rev = notmuch_database_get_revision (run->db->db, &uuid);
	if (value == NULL || uuid == NULL || rev == 0)
		return;
	g_autofree char *want = g_strdup_printf ("%s:%lu:%d:", uuid, rev, BV_PARSER_VERSION);
	if (!g_str_has_prefix (value, want))
		return;
	const char *count = value + strlen (want);
	char *end = NULL;
	guint64 cached = g_ascii_strtoull (count, &end, 10);
	if (end == count || *end != '\0')
		return;
	run->settled_rev = rev;
	run->settled_cached = cached;
}

static gboolean
list_changed (Run *run)
{
	settled_at_start (run);
	if (run->settled_rev != 0)
		return TRUE; /* Nothing changed since the last run ended. */
	const char *uuid = NULL;
	g_autofree char *last = NULL;
	notmuch_database_get_config (run->db->db, CONFIG_TRIAGED, &last);
	g_autofree char *since = NULL;
	const char *colon = last != NULL ? strrchr (last, ':') : NULL;
	notmuch_database_get_revision (run->db->db, &uuid);
	if (colon != NULL && uuid != NULL && strncmp (last, uuid, colon - last) == 0 &&
	    strlen (uuid) == (gsize)(colon - last))
		since = g_strdup_printf ("lastmod:%s..", colon + 1);
	/* notmuch's parser takes a query that starts with "not", but not "*"
	 * joined to anything. */
	g_autofree char *q = g_strdup_printf ("%s%snot (%s)", since != NULL ? since : "",
	                                      since != NULL ? " and " : "", CANDIDATE_QUERY);
	return collect_ids (run, q, run->prior);
}

/* How many ids one query of recheck_misses() names. */
#define RECHECK_BATCH 256

/* Appends to @out the ids in run->recheck that the candidate query misses
 * now that their documents are written, asking notmuch for them in batches
 * ("(id:... or id:...) and not (CANDIDATE_QUERY)"). */
static gboolean
recheck_misses (Run *run, GPtrArray *out)
{
	GHashTableIter iter;
	gpointer id;
	g_autoptr (GString) ids = g_string_new (NULL);
	guint n = 0, left = g_hash_table_size (run->recheck);
	g_hash_table_iter_init (&iter, run->recheck);
	while (g_hash_table_iter_next (&iter, &id, NULL)) {
		g_autofree char *term = bv_db_quote_term (id);
		g_string_append_printf (ids, "%sid:%s", n > 0 ? " or " : "", term);
		n++;
		left--;
		if (n < RECHECK_BATCH && left > 0)
			continue;
		g_autofree char *q = g_strdup_printf ("(%s) and not (%s)", ids->str, CANDIDATE_QUERY);
		if (!collect_ids (run, q, out))
			return FALSE;
		g_string_truncate (ids, 0);
		n = 0;
	}
	return TRUE;
}

/* Marks as candidates the messages that the candidate query misses but the
 * engine's triage flags: it knows signs notmuch does not index, such as a
 * null Return-Path, Auto-Submitted, or an auto-reply in any language.
 * Those are the messages list_changed() listed, except the ones this run
 * changed since, and the ones in run->recheck that the candidate query
 * misses now.  A message this run added whose head did not flag is in
 * neither: add_files() triaged it.  Nor is a message that this run changed
 * otherwise (a thread merged by a new reply): its files, and so its head
 * and its mark, are what they were at its last triage. */
static gboolean
triage_changed (Run *run)
{
	g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
	for (guint i = 0; i < run->prior->len; i++)
		if (!g_hash_table_contains (run->recheck, run->prior->pdata[i]))
			g_ptr_array_add (ids, g_strdup (run->prior->pdata[i]));
	if (!recheck_misses (run, ids))
		return FALSE;
	/* In the order of the ids, whatever order the hash table gave. */
	g_ptr_array_sort (ids, compare_strings);
	return for_each_id (run, ids, triage_one);
}

static gboolean
record_triaged_revision (Run *run)
{
	const char *uuid = NULL;
	unsigned long rev = notmuch_database_get_revision (run->db->db, &uuid);
	g_autofree char *value = g_strdup_printf ("%s:%lu", uuid != NULL ? uuid : "", rev);
	notmuch_status_t st = notmuch_database_set_config (run->db->db, CONFIG_TRIAGED, value);
	if (st != NOTMUCH_STATUS_SUCCESS)
		return bv_db_fail (run->db, &run->error, st, CONFIG_TRIAGED);
	/* The revision once more: should writing the configuration move it,
	 * the next run finds it moved and makes its queries as before. */
	rev = notmuch_database_get_revision (run->db->db, &uuid);
	g_autofree char *settled =
	        run->left_stale == 0 && uuid != NULL
	                ? g_strdup_printf ("%s:%lu:%d:%" G_GUINT64_FORMAT, uuid, rev, BV_PARSER_VERSION,
	                                   run->stats->cached + run->stats->parsed)
	                : g_strdup ("");
	st = notmuch_database_set_config (run->db->db, CONFIG_SETTLED, settled);
	return st == NOTMUCH_STATUS_SUCCESS || bv_db_fail (run->db, &run->error, st, CONFIG_SETTLED);
}

static notmuch_status_t
parse_one (Run *run, notmuch_message_t *msg, guint i, guint n)
{
	g_autoptr (BvReport) r = parse_message (msg);
	notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;
	if (r != NULL) {
		count_result (run, r);
		st = store_result (run, msg, r);
	} else {
		run->left_stale++; /* Unreadable now: the next run tries again. */
	}
	progress (run, "parse", i + 1, n);
	return st;
}

static gboolean
parse_candidates (Run *run)
{
	const char *version = "property:" BV_CACHE_KEY_VERSION "=" G_STRINGIFY (BV_PARSER_VERSION);
	g_autofree char *current = g_strdup_printf ("(%s) and %s", CANDIDATE_QUERY, version);
	g_autofree char *stale = g_strdup_printf ("(%s) and not %s", CANDIDATE_QUERY, version);
	if (run->settled_rev != 0 && notmuch_database_get_revision (run->db->db, NULL) == run->settled_rev) {
		/* Still as the last run left it: every candidate cached. */
		run->stats->cached = run->settled_cached;
		return TRUE;
	}
	/* What add_files() parsed is cached by now but was not before. */
	guint cached = count (run, current);
	run->stats->cached = cached > run->parsed_at_add ? cached - run->parsed_at_add : 0;
	return for_each_message (run, stale, parse_one);
}

gboolean
bv_index_update (const BvIndexOptions *options, BvIndexStats *stats, GError **error)
{
	BvIndexOptions defaults = { .tags = -1 };
	const BvIndexOptions *opts = options != NULL ? options : &defaults;
	BvIndexStats local = { 0 };
	Run run = { .opts = opts, .stats = stats != NULL ? stats : &local };
	memset (run.stats, 0, sizeof *run.stats);
	run.tags = opts->tags != 0;
	if (opts->tags < 0) {
		g_autoptr (GError) config_error = NULL;
		g_autoptr (BvConfig) config = bv_config_load (NULL, &config_error);
		if (config == NULL) {
			g_propagate_error (error, g_steal_pointer (&config_error));
			return FALSE;
		}
		run.tags = config->tags;
	}
	g_autofree char *maildir = bv_db_resolve_maildir (opts->maildir, error);
	if (maildir == NULL)
		return FALSE;
	run.db = bv_db_open (maildir, TRUE, opts->lock_timeout, opts->waiting, opts->user, error);
	if (run.db == NULL)
		return FALSE;
	run.started = time (NULL);
	run.to_add = g_ptr_array_new_with_free_func (g_free);
	run.to_remove = g_ptr_array_new_with_free_func (g_free);
	run.gone_dirs = g_ptr_array_new_with_free_func (g_free);
	run.dir_paths = g_ptr_array_new_with_free_func (g_free);
	run.dir_mtimes = g_array_new (FALSE, FALSE, sizeof (time_t));
	run.visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
	run.prior = g_ptr_array_new_with_free_func (g_free);
	run.recheck = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
	run.file = g_byte_array_new ();
	load_new_settings (&run);
	gboolean ok = load_ignore (&run) && list_changed (&run) && sync_files (&run) &&
	              triage_changed (&run) && parse_candidates (&run) && record_triaged_revision (&run);
	g_ptr_array_unref (run.to_add);
	g_ptr_array_unref (run.to_remove);
	g_ptr_array_unref (run.gone_dirs);
	g_ptr_array_unref (run.dir_paths);
	g_array_unref (run.dir_mtimes);
	g_clear_pointer (&run.ignore_names, g_ptr_array_unref);
	g_clear_pointer (&run.ignore_patterns, g_ptr_array_unref);
	g_hash_table_unref (run.visited);
	g_ptr_array_unref (run.prior);
	g_hash_table_unref (run.recheck);
	g_byte_array_unref (run.file);
	g_ptr_array_unref (run.new_tags);
	if (!ok) {
		g_propagate_error (error, run.error);
		bv_db_free (run.db);
		return FALSE;
	}
	return bv_db_close (run.db, error);
}

char *
bv_index_check_maildir (const char *maildir, GError **error)
{
	g_autofree char *resolved = bv_db_resolve_maildir (maildir, error);
	if (resolved == NULL || !bv_db_check_maildir (resolved, error))
		return NULL;
	return g_steal_pointer (&resolved);
}
