/* undo.h: marking and unmarking that can be taken back.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every mark operation of the interface goes through bv_undo_apply(),
 * which remembers exactly what it changed: the addresses it newly marked
 * (an address marked before keeps its mark and is not taken back), or the
 * marks it removed, whole (cause, date, source, note).  bv_undo_revert()
 * takes the last operation back in one write of the store, however many
 * addresses it took, so that a kill during an undo leaves either the
 * state before it or the state after it.
 */
#ifndef BV_TUI_UNDO_H
#define BV_TUI_UNDO_H

#include <glib.h>

#include "index/model.h"

G_BEGIN_DECLS

typedef struct _BvUndo BvUndo;

BvUndo *bv_undo_new (void);
void bv_undo_free (BvUndo *undo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvUndo, bv_undo_free)

/* Marks (or with @unmark, unmarks) @addresses (of char*) in @model, in one
 * write, and remembers what changed.  *n_changed (may be NULL) is how many
 * addresses actually changed. */
gboolean bv_undo_apply (BvUndo *undo, BvModel *model, GPtrArray *addresses, gboolean unmark,
                        BvMarkSource source, guint *n_changed, GError **error);

/* Takes the last remembered operation back.  Returns FALSE with @error set
 * when the store cannot be written (the operation stays remembered), and
 * FALSE without @error when there is nothing to undo.  *was_unmark says
 * what the operation was, *n_changed how many addresses it gave back. */
gboolean bv_undo_revert (BvUndo *undo, BvModel *model, gboolean *was_unmark, guint *n_changed,
                         GError **error);

G_END_DECLS

#endif /* BV_TUI_UNDO_H */
