/* index.h: keeping the notmuch index of a Maildir and the bounce cache current.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bv_index_update() does what `notmuch new` does for one Maildir (new files
 * indexed, renamed ones followed, removed ones dropped) and then parses the
 * bounce candidates whose cached result is missing or older than
 * BV_PARSER_VERSION, storing the results as notmuch message properties and
 * tags.  The database is the user's own when their notmuch configuration
 * covers the Maildir, else one created in DIR/.notmuch (database.c).
 */
#ifndef BV_INDEX_H
#define BV_INDEX_H

#include <glib.h>

G_BEGIN_DECLS

/* Progress of an index run: called after every step (throttling is up to
 * the callback) with the phase ("scan", "index", "triage", "parse"), the
 * work done and the total (0 when not known yet). */
typedef void (*BvIndexProgress) (const char *phase, guint64 done, guint64 total, gpointer user);

/* Called while waiting for another process's write lock, with the seconds
 * waited so far, so that a person is told why nothing happens. */
typedef void (*BvIndexWaiting) (const char *db_path, guint seconds, gpointer user);

/* Called for each thing passed over with a warning (a directory that
 * cannot be read, a symbolic link loop), with a one-line message naming
 * it; NULL: the message goes to standard error. */
typedef void (*BvIndexWarning) (const char *message, gpointer user);

typedef struct {
	const char *maildir; /* NULL: configured, else notmuch mail root, else ~/Maildir */
	/* Tagging: -1 from the configuration (default on), 0 off, 1 on. */
	int tags;
	/* Seconds to wait for a write lock before failing; 0: the default
	 * (30, or $BOUNCEVIEW_LOCK_TIMEOUT). */
	guint lock_timeout;
	BvIndexProgress progress;
	BvIndexWaiting waiting;
	BvIndexWarning warning;
	gpointer user;
} BvIndexOptions;

typedef struct {
	guint64 files_added;   /* files newly indexed */
	guint64 files_renamed; /* files followed to a new name */
	guint64 files_removed; /* files dropped */
	guint64 parsed;        /* candidates parsed in this run */
	guint64 cached;        /* candidates whose cached result was current */
	guint64 reports;       /* candidates that were reports */
	guint64 bounces;       /* bounced recipients among them */
} BvIndexStats;

/* Brings the index of the Maildir up to date.  Fills @stats (may be NULL).
 * Fails with a readable message when the Maildir is missing, or when the
 * database stays locked for longer than the timeout. */
gboolean bv_index_update (const BvIndexOptions *options, BvIndexStats *stats, GError **error);

/* Resolves @maildir (NULL: the default, as for bv_index_update()) and fails
 * with a readable message when it does not exist or is not a Maildir (a
 * directory with neither cur/ nor new/ outside the user's notmuch mail
 * root), before anything is written there.  Returns the resolved path
 * (new string) or NULL. */
char *bv_index_check_maildir (const char *maildir, GError **error);

G_END_DECLS

#endif /* BV_INDEX_H */
