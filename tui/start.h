/* start.h: bringing the index up to date at start, with a progress bar.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef BV_TUI_START_H
#define BV_TUI_START_H

#include <glib.h>

#include "index/index.h"

G_BEGIN_DECLS

/* Runs bv_index_update() for @maildir (NULL: configured) in a thread while
 * the screen shows its progress: from the first frame when @at_once (an
 * index run that resumes an interrupted one), else only when it takes long
 * enough to be seen.  Returns FALSE with @error set when indexing failed,
 * and FALSE with *@cancelled set when the user quit meanwhile (Q, Ctrl-C).
 * With q or Esc the user asks for what is indexed so far: it returns TRUE
 * with the run, still going, in *@background (to finish with
 * bv_index_job_finish()); else *@background is NULL. */
typedef struct _BvIndexJob BvIndexJob;
gboolean bv_start_index (const char *maildir, gboolean at_once, gboolean *cancelled, BvIndexJob **background,
                         GError **error);

/* The same run in the background, while the views show what the index
 * held already: start it, ask whether it is done without waiting, then
 * finish it (waits, fills @stats, frees the job). */
BvIndexJob *bv_index_job_start (const char *maildir);
gboolean bv_index_job_done (BvIndexJob *job);
/* Where the run is, for the status line: "Reading the bounces 40%" (new
 * string). */
char *bv_index_job_describe (BvIndexJob *job);
gboolean bv_index_job_finish (BvIndexJob *job, BvIndexStats *stats, GError **error);

G_END_DECLS

#endif /* BV_TUI_START_H */
