/* outfile.h: writing into what the user pointed at, never replacing
 * something else.  Used by the suppression store and by every export to a
 * file (export -o, the UI's export dialog).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What bv_outfile_write() does with PATH:
 *
 *  - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: writes through
 *    that descriptor of this process, as a shell redirection would;
 *  - a character device or a FIFO (/dev/null, a named pipe): opens it and
 *    writes through it; no temporary file, no rename, the node stays;
 *  - a block device, a directory, a socket: refused, nothing written;
 *  - a symbolic link (a chain of them): writes the file it finally points
 *    to, which may not exist yet, and keeps the link;
 *  - a regular file: writes a temporary file beside it (in the target's
 *    own directory, named .NAME.tmp.PID), gives it the file's owner, group
 *    and mode (fchown/fchmod before the rename), fsync()s it, renames it
 *    over the file and fsync()s the directory: a reader sees the old file
 *    or the whole new one, and a postfix access map that the postfix user
 *    reads stays readable by it.  When the owner or group cannot be kept
 *    (only root may give a file away) it fails, saying so, and the file is
 *    left as it was;
 *  - nothing there: creates the file the same way, with mode 0666 less the
 *    umask (0600 with BV_OUTFILE_PRIVATE).
 *
 * Before writing a temporary file it removes those that killed runs left
 * in that directory for the same target: .NAME.tmp.PID (and NAME.tmp.PID,
 * the store's older name) whose process PID no longer exists.
 *
 * A file with several hard links loses its other names' share in the new
 * contents (rename replaces one name), as with any atomic replacement.
 */
#ifndef BV_OUTFILE_H
#define BV_OUTFILE_H

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef enum {
	BV_OUTFILE_NONE = 0,
	/* A new file gets mode 0600: the marks are nobody else's business. */
	BV_OUTFILE_PRIVATE = 1 << 0,
	/* Only a regular file (or nothing yet) will do: refuse devices and
	 * FIFOs (the suppression store). */
	BV_OUTFILE_REGULAR_ONLY = 1 << 1,
} BvOutfileFlags;

/* Writes the whole output to @out; FALSE with @error set on failure (the
 * error should name the file the person chose). */
typedef gboolean (*BvOutfileWriteFunc) (FILE *out, gpointer user, GError **error);

/* Writes what @write puts on its stream to @path as described above.  On
 * any failure the target is left as it was and no temporary file remains.
 * Errors are G_FILE_ERRORs whose message starts with @path; @write's own
 * error is passed on as it is. */
gboolean bv_outfile_write (const char *path, BvOutfileFlags flags, BvOutfileWriteFunc write, gpointer user,
                           GError **error);

/* The file @path finally designates after following symbolic links (new
 * string; @path itself when it is no link), or NULL with @error set for a
 * loop.  The target need not exist. */
char *bv_outfile_resolve (const char *path, GError **error);

/* Removes the temporary files of @target (a resolved path) left by runs
 * that were killed, as described above.  Returns how many it removed. */
guint bv_outfile_remove_stale (const char *target);

/* Writes @len bytes of @data to @path (bv_outfile_write with a buffer). */
gboolean bv_outfile_write_data (const char *path, BvOutfileFlags flags, const char *data, gsize len,
                                GError **error);

G_END_DECLS

#endif /* BV_OUTFILE_H */
