/* export-file.c: writing an export to the file the person chose.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The work is index/outfile.c's, shared with the suppression store: a
 * regular file is replaced atomically keeping its owner, group and mode, a
 * symbolic link keeps pointing where it did, a device or a FIFO is written
 * through, never replaced.
 */
#include "config.h"

#include "export/export.h"
#include "index/outfile.h"

gboolean
bv_export_replace_file (const char *path, BvExportWriteFunc write, gpointer user, GError **error)
{
	return bv_outfile_write (path, BV_OUTFILE_NONE, write, user, error);
}
