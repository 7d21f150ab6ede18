/* printer-flat.h: records flattened into named cells, for CSV and the table.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printers with fixed columns collect a record's fields into cells by
 * flattened name ("original.subject") and write the row at the end. */
#ifndef BV_PRINTER_FLAT_H
#define BV_PRINTER_FLAT_H

#include <glib.h>

typedef struct {
	GStrv keys;      /* owned column names */
	char **cells;    /* one per key, owned, NULL when not set */
	GString *prefix; /* "original." inside a nested object */
} BvFlatRecord;

/* @keys is copied. */
void bv_flat_init (BvFlatRecord *rec, const char *const *keys);
void bv_flat_clear (BvFlatRecord *rec);
guint bv_flat_count (const BvFlatRecord *rec);
/* Forgets the cells of the previous record. */
void bv_flat_reset (BvFlatRecord *rec);
/* Sets the cell of @key (under the current prefix) to @value (taken). */
void bv_flat_set (BvFlatRecord *rec, const char *key, char *value);
void bv_flat_push (BvFlatRecord *rec, const char *key);
void bv_flat_pop (BvFlatRecord *rec);

#endif
