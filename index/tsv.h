/* tsv.h: escaped tab-separated fields, the line format of the bounce cache
 * and of the suppression store.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A field may hold any text: '\\', '\t', '\n' and '\r' are written as
 * \\ \t \n \r, so a line is always one record and a tab always a separator.
 */
#ifndef BV_TSV_H
#define BV_TSV_H

#include <glib.h>

G_BEGIN_DECLS

/* Appends @s (NULL: nothing) escaped, cut to at most @max bytes of the
 * original on a character boundary (0: no limit). */
void bv_tsv_append (GString *out, const char *s, gsize max);

/* Splits one line (@len bytes, without its newline) at tabs and unescapes
 * each field; a NULL-terminated vector of valid UTF-8 strings. */
char **bv_tsv_split (const char *line, gsize len);

G_END_DECLS

#endif /* BV_TSV_H */
