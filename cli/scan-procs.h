/* scan-procs.h: `scan --jobs N` over files, one worker process per job.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_SCAN_PROCS_H
#define BV_SCAN_PROCS_H

#include <glib.h>

#include "cli/scan-jobs.h"

G_BEGIN_DECLS

/* Whether @paths (NULL-terminated) can be shared among processes: none is
 * standard input or an mbox file, whose messages a walk must split. */
gboolean bv_scan_procs_fit (char *const *paths);

/* Lists every file under @paths, then reads them in @jobs worker processes
 * and outputs @j's results in the walk's order: the same bytes, on standard
 * output and standard error, as one process.  Returns FALSE when a file
 * could not be read or a worker was lost. */
gboolean bv_scan_procs_run (char *const *paths, guint jobs, const BvJobs *j);

G_END_DECLS

#endif
