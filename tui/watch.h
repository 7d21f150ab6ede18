/* watch.h: noticing new mail in the Maildir while the UI is open.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Delivering, moving or deleting a message changes the modification time
 * of its folder's new/ or cur/ directory.  The watch remembers those times
 * and says when one moved, so that the key loop can start an index run in
 * the background.  It costs a few stat() calls a second and needs no main
 * loop, which the key loop does not have.
 */
#ifndef BV_TUI_WATCH_H
#define BV_TUI_WATCH_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BvWatch BvWatch;

/* Watches the new/ and cur/ directories of @maildir and of its folders
 * (.Name/ one level down).  Free with bv_watch_free(). */
BvWatch *bv_watch_new (const char *maildir);
void bv_watch_free (BvWatch *watch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvWatch, bv_watch_free)

/* TRUE when a watched directory changed since the last TRUE (or since
 * bv_watch_new()).  Looks at most once a second; cheap to call often. */
gboolean bv_watch_changed (BvWatch *watch);

G_END_DECLS

#endif /* BV_TUI_WATCH_H */
