/* suppress.h: the suppression store, a file shared by every bounceview process.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The marks live outside the notmuch database so that they survive a rebuilt
 * or deleted index: in $XDG_DATA_HOME/bounceview/suppressions.tsv (the
 * environment variable BOUNCEVIEW_SUPPRESSIONS overrides the path).  One line
 * per mark, tab-separated and escaped (see suppress.c):
 *
 *   address  cause  date(ISO 8601 UTC)  source(hand|policy)  note
 *
 * A person may edit the file: one address per line, an address and a note,
 * a date without a time, spaces instead of tabs, CRLF line ends and
 * duplicate lines all read as marks.  A line that does not (no address
 * first) is named on standard error with the file and line number, never
 * applied, and kept in the file as it is.
 *
 * Changes do not rewrite the store: each command appends its change to a
 * journal beside it (suppressions.tsv.journal), one write ending in a
 * commit line, fsync()ed before the command reports success; a change cut
 * short by a kill has no commit line and is ignored (and cut off by the
 * next writer).  Now and then (when the journal grows past an eighth of the
 * store, at least 256 KiB) a writer folds the journal into a new store file
 * written beside the old one, fsync()ed and renamed over it, then empties
 * the journal; replaying a journal over a store that already holds it
 * changes nothing, so a kill between the two steps loses nothing.  Writers
 * take an exclusive flock() on suppressions.tsv.lock; readers take no lock
 * and read again when the store was replaced while they read.  So adding or
 * removing a mark costs about the same with a million marks as with ten,
 * and a kill at any moment leaves every mark reported saved.
 *
 * The store, journal and lock are those of the file the path finally points
 * to when it is a symbolic link; the store keeps its owner, group and mode
 * when it is rewritten (index/outfile.h).  Backing up is copying the store
 * and its journal.
 */
#ifndef BV_SUPPRESS_H
#define BV_SUPPRESS_H

#include <glib.h>

#include "index/model.h"

G_BEGIN_DECLS

/* The store's path (new string). */
char *bv_suppress_default_path (void);

/* Reads the store at @path and its journal; a missing file is an empty
 * store.  Returns a table from normalized address to BvMark*, both owned by
 * the table, or NULL with @error set.  Lines that are not marks are named
 * on standard error ("bounceview: FILE:LINE: ..."), never fatal. */
GHashTable *bv_suppress_load (const char *path, GError **error);

/* A loaded store that follows later changes cheaply: bv_suppress_view_
 * refresh() reads only what was appended to the journal since, and the
 * whole store again only when it was replaced (compacted or edited). */
typedef struct {
	GHashTable *marks; /* normalized address -> BvMark*, owned by the view */
	/* private: what was read */
	guint64 store_dev, store_ino, store_size;
	gint64 store_mtime; /* µs */
	guint64 journal_end;
} BvSuppressView;

/* Loads @path into @view (zeroed or cleared before). */
gboolean bv_suppress_view_load (BvSuppressView *view, const char *path, GError **error);
/* Brings @view up to date with @path.  On failure @view keeps its marks. */
gboolean bv_suppress_view_refresh (BvSuppressView *view, const char *path, GError **error);
void bv_suppress_view_clear (BvSuppressView *view);

/* Adds @marks (of BvMark*) to the store; addresses already marked keep their
 * existing mark.  Returns the number actually added in *n_added (may be
 * NULL). */
gboolean bv_suppress_add (const char *path, GPtrArray *marks, guint *n_added, GError **error);

/* Removes the marks of @addresses (NULL-terminated).  *n_removed may be NULL. */
gboolean bv_suppress_remove (const char *path, const char *const *addresses, guint *n_removed,
                             GError **error);

/* Folds the journal into the store now (under the lock). */
gboolean bv_suppress_compact (const char *path, GError **error);

/* The marks of @table as an array of copies sorted by address. */
GPtrArray *bv_suppress_sorted (GHashTable *table);

/* The form addresses are compared in: trimmed, without angle brackets or a
 * "rfc822;" type, lower-cased (mail systems treat local parts without case
 * in practice, and the same person must not appear twice).  New string. */
char *bv_address_normalize (const char *address);

G_END_DECLS

#endif /* BV_SUPPRESS_H */
