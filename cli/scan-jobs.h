/* scan-jobs.h: running `scan`'s parse on several threads, output in order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_SCAN_JOBS_H
#define BV_SCAN_JOBS_H

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Turns one message into a result (may be NULL).  Called on a worker thread,
 * several at a time for different messages: it must touch no shared state.
 * @data is valid only during the call. */
typedef gpointer (*BvJobWork) (const char *data, gsize len, gpointer user);

/* Consumes the result of the message @name: called one message at a time
 * (on whichever thread finished it), in the order a one-thread walk would
 * see them, with the walk's problem lines printed in between in that order. */
typedef void (*BvJobEmit) (const char *name, gpointer result, gpointer user);

/* In a worker process (scan-procs.c): from now on, emit() writes its records
 * to @out and its notes for standard error to @err. */
typedef void (*BvJobRedirect) (FILE *out, FILE *err, gpointer user);

/* In the calling process: @len bytes of records that a worker's emit()
 * wrote to its @out, to be output as if emit() had written them here. */
typedef void (*BvJobJoin) (const char *text, gsize len, gpointer user);

typedef struct {
	BvJobWork work;
	BvJobEmit emit;
	BvJobRedirect redirect;
	BvJobJoin join;
	gpointer user;
} BvJobs;

/* Runs @j over every message under @paths (bv_input_walk(), NULL-terminated)
 * with @jobs workers: processes when the paths are files and directories
 * (scan-procs.c), threads fed by a walk on the calling thread when one is
 * an mbox or standard input, whose messages only a walk can split.  @jobs 1
 * does it all on the calling thread.  Memory holds a bounded number of
 * messages at a time, whatever the input.  Returns FALSE when a path could
 * not be read, as bv_input_walk(). */
gboolean bv_scan_jobs_run (char *const *paths, guint jobs, const BvJobs *j);

G_END_DECLS

#endif
