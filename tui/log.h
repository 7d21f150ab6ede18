/* log.h: what libraries write to stderr while the screen is in use.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While curses draws the screen, a line that GLib, GMime or libnotmuch
 * writes to stderr would land in the middle of it and stay there.  While
 * the capture is on, file descriptor 2 and GLib's log writer go to
 * $XDG_STATE_HOME/bounceview/log instead; the key loop asks whether
 * anything was written, to say so in the status line.  The capture is
 * off outside curses (the pager, quitting), so that stderr is the
 * terminal's again.
 */
#ifndef BV_TUI_LOG_H
#define BV_TUI_LOG_H

#include <glib.h>

G_BEGIN_DECLS

/* The log file's path (new string). */
char *bv_log_path (void);

/* Sends stderr and GLib's messages to the log file.  When the file cannot
 * be opened, stderr goes to /dev/null instead (the screen matters more)
 * and FALSE is returned.  Calling it while on does nothing. */
gboolean bv_log_capture_start (void);
/* Gives stderr back.  Safe when off. */
void bv_log_capture_stop (void);

/* TRUE once after something was written to the log since the last call
 * (or since the capture started). */
gboolean bv_log_take_news (void);

G_END_DECLS

#endif /* BV_TUI_LOG_H */
