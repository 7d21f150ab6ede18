/* state.h: what the interface remembers of a Maildir between runs.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grouping, the theme, the filters, the summary pane's place and the
 * group under the cursor are kept per Maildir in
 * $XDG_STATE_HOME/bounceview/state-HASH.ini (HASH: of the Maildir's path),
 * a key file written atomically at quit and read at the next start.  A
 * missing or unreadable file is a first start, never an error: this is a
 * convenience, not data.
 */
#ifndef BV_TUI_STATE_H
#define BV_TUI_STATE_H

#include "tui/view.h"

G_BEGIN_DECLS

/* Restores into @tui what was saved for its model's Maildir.  The grouping
 * and the theme are left alone when @keep_grouping or @keep_theme (given
 * on the command line).  Returns the saved theme's name (new string) or
 * NULL: the caller loads it. */
char *bv_state_load (BvTui *tui, gboolean keep_grouping);

/* Saves @tui's state for its model's Maildir.  Failing is silent but for
 * a return of FALSE. */
gboolean bv_state_save (BvTui *tui);

G_END_DECLS

#endif /* BV_TUI_STATE_H */
