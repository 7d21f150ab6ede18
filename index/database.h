/* database.h: finding and opening the notmuch database of a Maildir.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to index/.  Which database: the user's own (found the way notmuch
 * finds it: NOTMUCH_CONFIG, $XDG_CONFIG_HOME/notmuch/<profile>/config,
 * ~/.notmuch-config, NOTMUCH_PROFILE) when its mail root is the Maildir or
 * contains it; otherwise a database of bounceview's in DIR/.notmuch, where
 * notmuch itself puts one for a mail root without configuration, created on
 * the first write open.  Which Maildir when none is given: bounceview's
 * configured one, else the user's notmuch mail root, else ~/Maildir.
 *
 * Write opens take notmuch's write lock; while another process holds it
 * (`notmuch new`, another bounceview) they wait, telling the caller every
 * second, and fail with a clear message after the timeout.  Read-only opens
 * never wait: Xapian readers need no lock.  Failures are told by what they
 * are, decided from notmuch's status codes and the file system, never from
 * the wording of a message: a database that cannot even be opened to read
 * is damaged (told at once, in notmuch's words, with what to do), a missing
 * permission is "Permission denied", a full disk "No space left on device".
 */
#ifndef BV_DATABASE_H
#define BV_DATABASE_H

#include <glib.h>
#include <notmuch.h>

#include "index/index.h"

G_BEGIN_DECLS

#define BV_INDEX_ERROR (bv_index_error_quark ())
GQuark bv_index_error_quark (void);

typedef enum {
	BV_INDEX_ERROR_NO_MAILDIR,  /* the Maildir does not exist */
	BV_INDEX_ERROR_NO_INDEX,    /* read-only open of a Maildir never indexed */
	BV_INDEX_ERROR_LOCKED,      /* another process kept the write lock */
	BV_INDEX_ERROR_NOTMUCH,     /* anything else notmuch reported */
	BV_INDEX_ERROR_CORRUPT,     /* the database cannot be opened even to read */
	BV_INDEX_ERROR_PERMISSION,  /* the Maildir or the database may not be read or written */
	BV_INDEX_ERROR_UPGRADE,     /* the database needs `notmuch new` to upgrade it first */
	BV_INDEX_ERROR_NO_SPACE,    /* the disk of the database is full */
	BV_INDEX_ERROR_NOT_MAILDIR, /* a directory with neither cur/ nor new/ */
} BvIndexError;

typedef struct {
	notmuch_database_t *db;
	char *maildir;   /* absolute, symlinks resolved */
	char *mail_root; /* the database's mail root, absolute */
	/* The Maildir relative to the mail root; "" when they are the same. */
	char *relative;
	gboolean users; /* TRUE: the user's database, FALSE: bounceview's own */
	/* notmuch's database directory: the Maildir (bounceview's own), else
	 * the user's database.path or mail root; xapian/ or .notmuch/xapian/
	 * is in it. */
	char *db_dir;
} BvDb;

/* The Maildir to use: @maildir when given, else as described above.  New
 * absolute path with symlinks resolved, or NULL with @error set when it
 * does not exist. */
char *bv_db_resolve_maildir (const char *maildir, GError **error);

/* Opens the database of @maildir (resolved already).  @write: read-write,
 * creating bounceview's own database when there is none; else read-only,
 * failing with BV_INDEX_ERROR_NO_INDEX when there is none.  @lock_timeout
 * 0: the default.  Close with bv_db_close(). */
BvDb *bv_db_open (const char *maildir, gboolean write, guint lock_timeout, BvIndexWaiting waiting,
                  gpointer user, GError **error);
/* Closes (committing a write open) and frees.  Returns FALSE with @error set
 * when the final commit fails. */
gboolean bv_db_close (BvDb *db, GError **error);
void bv_db_free (BvDb *db);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvDb, bv_db_free)

/* @s quoted as one term for notmuch's query parser ("..." with double
 * quotes doubled; new string). */
char *bv_db_quote_term (const char *s);

/* @query restricted to the Maildir (new string). */
char *bv_db_scoped_query (BvDb *db, const char *query);

/* Runs @query_string and returns the messages (owned by the query, which
 * is returned in *query and must be destroyed by the caller). */
notmuch_messages_t *bv_db_search (BvDb *db, const char *query_string, notmuch_query_t **query,
                                  GError **error);

/* The number of messages matching @query_string (already scoped); 0 when
 * the query fails. */
guint bv_db_count (BvDb *db, const char *query_string);

/* Sets @error from a notmuch status, with @what saying what was being done. */
gboolean bv_db_set_error (GError **error, notmuch_status_t status, const char *what);
/* The same for a failure while @db is open: notmuch's own last message is
 * added, and a failed write on a full disk says so.  Returns FALSE. */
gboolean bv_db_fail (BvDb *db, GError **error, notmuch_status_t status, const char *what);

/* Fails with BV_INDEX_ERROR_NOT_MAILDIR when @maildir (resolved) would get a
 * database of bounceview's own but is not a Maildir: it has neither cur/
 * nor new/, nor a Maildir folder (Maildir++ ".Name/cur") in it.  A
 * directory inside the user's notmuch mail root is notmuch's business. */
gboolean bv_db_check_maildir (const char *maildir, GError **error);

G_END_DECLS

#endif /* BV_DATABASE_H */
