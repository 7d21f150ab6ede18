/* dialog.h: small modal dialogs drawn over the views.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each dialog reads keys itself until it is answered; a resize redraws
 * everything behind it, and a quit signal or the end of a test script
 * answers "no" so that the application can quit.
 */
#ifndef BV_TUI_DIALOG_H
#define BV_TUI_DIALOG_H

#include "tui/view.h"

G_BEGIN_DECLS

/* Asks @question; TRUE for y (or Enter), FALSE for n, Esc, q. */
gboolean bv_dialog_confirm (BvTui *tui, const char *question);

/* Asks for a line of text, starting from @initial.  Returns the text (new
 * string), or NULL when cancelled with Esc. */
char *bv_dialog_prompt (BvTui *tui, const char *label, const char *initial);

/* The export dialog: format and path, then the export and a message
 * naming the file and the count. */
void bv_dialog_export (BvTui *tui);

G_END_DECLS

#endif /* BV_TUI_DIALOG_H */
