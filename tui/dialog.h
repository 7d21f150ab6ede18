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

/* Asks @question before marking addresses, saying first what it would do,
 * as the model's @preview (bv_model_mark_preview()) has it: the causes and
 * whether each is the recipient's, how many the policy proposes, how many
 * are known only from unverified reports or marked already, and the
 * model's warning when the addresses are probably fine.  TRUE for yes. */
gboolean bv_dialog_confirm_marks (BvTui *tui, const char *question, const BvMarkPreview *preview);

/* Asks for a line of text, starting from @initial.  Returns the text (new
 * string), or NULL when cancelled with Esc. */
char *bv_dialog_prompt (BvTui *tui, const char *label, const char *initial);

/* Checks the text of a prompt: NULL when it is good, else what is wrong
 * with it (new string), shown under the field while the prompt stays
 * open. */
typedef char *(*BvPromptCheck) (const char *text, gpointer data);

/* bv_dialog_prompt() that only returns a text @check accepts (Esc still
 * cancels). */
char *bv_dialog_prompt_checked (BvTui *tui, const char *label, const char *initial, BvPromptCheck check,
                                gpointer data);

/* Called after each edit of a line prompt; returns FALSE to show the text
 * as not found. */
typedef gboolean (*BvPromptEdited) (BvTui *tui, const char *text, gpointer data);

/* Asks for a line of text on the status line, after @label ("/"), as less
 * and vim do, calling @edited (may be NULL) after each key.  Returns the
 * text (new string) or NULL for Esc. */
char *bv_dialog_line_prompt (BvTui *tui, const char *label, const char *initial, BvPromptEdited edited,
                             gpointer data);

/* The export dialog: format and path, then the export and a message
 * naming the file and the count. */
void bv_dialog_export (BvTui *tui);

G_END_DECLS

#endif /* BV_TUI_DIALOG_H */
