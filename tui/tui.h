/* tui.h: the terminal user interface, `bounceview [MAILDIR]`.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef BV_TUI_H
#define BV_TUI_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
	const char *maildir;  /* NULL: the configured one (settings.h) */
	const char *theme;    /* NULL: the configured one */
	const char *grouping; /* NULL: the configured one */
	gboolean no_index;    /* open the index as it is, without updating it */
} BvTuiOptions;

/* Indexes what is new (with a progress bar), then runs the interface until
 * the user quits.  Returns FALSE with @error set when it cannot start (no
 * terminal, no Maildir, a bad theme or configuration); the terminal is
 * restored in every case. */
gboolean bv_tui_run (const BvTuiOptions *options, GError **error);

G_END_DECLS

#endif /* BV_TUI_H */
