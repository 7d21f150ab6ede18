/* export-private.h: the per-format writers behind bv_export_write_stream().
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each writer puts @rows (of BvExportRow*, in export order) on @out and
 * returns the number of addresses written.  None checks for write errors:
 * the caller flushes the stream and looks at ferror() once at the end, so a
 * writer stays about its format.
 */
#ifndef BV_EXPORT_PRIVATE_H
#define BV_EXPORT_PRIVATE_H

#include "export/export.h"

G_BEGIN_DECLS

/* The Markdown fix list for a person (export-report.c). */
guint bv_export_write_report (FILE *out, GPtrArray *rows);

/* The address lists for other systems: suppression, esp-csv and postfix
 * (export-lists.c).  An address a list's syntax cannot hold (white space
 * or control characters, no '@') is left out and not counted. */
guint bv_export_write_list (FILE *out, BvExportFormat format, GPtrArray *rows);

G_END_DECLS

#endif /* BV_EXPORT_PRIVATE_H */
