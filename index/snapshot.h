/* snapshot.h: the model's records saved to a file, for a fast start.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading every cached report out of notmuch takes most of a second at
 * 100,000 messages; the UI wants its first screen sooner.  So after a load
 * the model writes its records to
 * $XDG_CACHE_HOME/bounceview/model-<hash of the Maildir>.tsv, stamped with
 * the notmuch database's UUID and revision and the number of bounced
 * messages.  The next start reads that file instead when the database is
 * still at the same revision with as many bounced messages (nothing
 * indexed, tagged or removed since); any change makes the stamp differ and
 * the model reads notmuch again.  The file is a cache: losing it
 * costs one slower start, so it is written atomically but not fsync()ed.
 */
#ifndef BV_SNAPSHOT_H
#define BV_SNAPSHOT_H

#include <glib.h>

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* One bounce as the model keeps it.  Strings are borrowed. */
typedef struct {
	const char *address;
	const char *status;
	const char *reply_code;
	const char *action;
	const char *mta;
	const char *reporting_mta;
	const char *diagnostic;
	const char *message_id;
	gint64 date;
	guint index;
	BvCause cause;
	gboolean hard;
	gboolean verified; /* the report is genuine (policy.h) */
	/* Set by bv_snapshot_read(): the record's line in the file (without
	 * its newline), which bv_snap_writer_add() then copies as it is. */
	const char *line;
	gsize line_len;
} BvSnapRecord;

typedef void (*BvSnapFunc) (const BvSnapRecord *rec, gpointer user);

/* The snapshot file of @maildir (new string). */
char *bv_snapshot_path (const char *maildir);

/* Calls @fn for every record of the snapshot at @path when its stamp is
 * @stamp.  Returns FALSE, without calling @fn, when the file is missing,
 * stale or damaged. */
gboolean bv_snapshot_read (const char *path, const char *stamp, BvSnapFunc fn, gpointer user);

/* The stamp the snapshot at @path was written with (new string), or NULL
 * when there is no readable snapshot there. */
char *bv_snapshot_stamp (const char *path);

/* Collects records and writes them to @path with @stamp on commit. */
typedef struct _BvSnapWriter BvSnapWriter;
BvSnapWriter *bv_snap_writer_new (const char *path, const char *stamp);
void bv_snap_writer_add (BvSnapWriter *w, const BvSnapRecord *rec);
/* Writes the file (failure is silent: it is only a cache) and frees @w. */
void bv_snap_writer_commit (BvSnapWriter *w);
void bv_snap_writer_free (BvSnapWriter *w);

G_END_DECLS

#endif /* BV_SNAPSHOT_H */
