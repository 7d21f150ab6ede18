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
 * Every change is a read-modify-write under an exclusive flock() on a lock
 * file beside the store, written to a temporary file that is fsync()ed and
 * renamed over the store, then the directory is fsync()ed: a kill at any
 * moment leaves the old or the new file whole, and two processes never lose
 * each other's marks.  Backing up is copying that one file.
 */
#ifndef BV_SUPPRESS_H
#define BV_SUPPRESS_H

#include <glib.h>

#include "index/model.h"

G_BEGIN_DECLS

/* The store's path (new string). */
char *bv_suppress_default_path (void);

/* Reads the store at @path; a missing file is an empty store.  Returns a
 * table from normalized address to BvMark*, both owned by the table, or
 * NULL with @error set.  Lines that cannot be read are skipped, never fatal. */
GHashTable *bv_suppress_load (const char *path, GError **error);

/* Adds @marks (of BvMark*) to the store; addresses already marked keep their
 * existing mark.  Returns the number actually added in *n_added. */
gboolean bv_suppress_add (const char *path, GPtrArray *marks, guint *n_added, GError **error);

/* Removes the marks of @addresses (NULL-terminated).  *n_removed may be NULL. */
gboolean bv_suppress_remove (const char *path, const char *const *addresses, guint *n_removed,
                             GError **error);

/* The marks of @table as an array of copies sorted by address. */
GPtrArray *bv_suppress_sorted (GHashTable *table);

/* The form addresses are compared in: trimmed, without angle brackets or a
 * "rfc822;" type, lower-cased (mail systems treat local parts without case
 * in practice, and the same person must not appear twice).  New string. */
char *bv_address_normalize (const char *address);

G_END_DECLS

#endif /* BV_SUPPRESS_H */
