/* scan-jobs.h: running `scan`'s parse on several threads, output in order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_SCAN_JOBS_H
#define BV_SCAN_JOBS_H

#include <glib.h>

G_BEGIN_DECLS

/* Turns one message into a result (may be NULL).  Called on a worker thread,
 * several at a time for different messages: it must touch no shared state.
 * @data is valid only during the call. */
typedef gpointer (*BvJobWork) (const char *data, gsize len, gpointer user);

/* Consumes the result of the message @name: called one message at a time
 * (on whichever thread finished it), in the order a one-thread walk would
 * see them, with the walk's problem lines printed in between in that order. */
typedef void (*BvJobEmit) (const char *name, gpointer result, gpointer user);

/* Walks @paths (bv_input_walk(), NULL-terminated) on the calling thread while
 * @jobs workers run @work and @emit.  @jobs 1 does it all on the calling
 * thread.  Memory holds a bounded number of
 * messages at a time, whatever the input.  Returns FALSE when a path could
 * not be read, as bv_input_walk(). */
gboolean bv_scan_jobs_run (char *const *paths, guint jobs, BvJobWork work, BvJobEmit emit, gpointer user);

G_END_DECLS

#endif
