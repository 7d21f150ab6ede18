/* selection.h: the set of selected lines of a view, by address.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Selections are kept by address, not by row, so that they survive a
 * reload that reorders or filters the rows.
 */
#ifndef BV_TUI_SELECTION_H
#define BV_TUI_SELECTION_H

#include <glib.h>

G_BEGIN_DECLS

/* A new, empty selection (a set of strings). */
GHashTable *bv_selection_new (void);
/* Adds @address when absent, removes it when present. */
void bv_selection_toggle (GHashTable *selection, const char *address);
/* Adds @address (a no-op when present). */
void bv_selection_add (GHashTable *selection, const char *address);
/* The addresses to act on: the selection when it is not empty (which is
 * then emptied), else @current alone (new array of new strings; empty
 * when @current is NULL). */
GPtrArray *bv_selection_take (GHashTable *selection, const char *current);

G_END_DECLS

#endif /* BV_TUI_SELECTION_H */
