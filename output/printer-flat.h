/* printer-flat.h: records flattened into named cells, for CSV and the table.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printers with fixed columns collect a record's fields into cells by
 * flattened name ("original.subject") and write the row at the end.
 * BvFlatPrinter is that printer, whole but for how a row is written: CSV
 * and the table each embed it and set write_row. */
#ifndef BV_PRINTER_FLAT_H
#define BV_PRINTER_FLAT_H

#include <glib.h>

#include "output/printer.h"

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

typedef struct _BvFlatPrinter BvFlatPrinter;

struct _BvFlatPrinter {
	BvPrinter base; /* first, so that a BvPrinter * is a BvFlatPrinter * */
	BvFlatRecord rec;
	gboolean header_done;

	/* Set by the format after bv_flat_printer_init(). */
	/* Writes one line: the header (the column names) or a record's cells,
	 * in column order; a NULL cell was not set. */
	void (*write_row) (BvFlatPrinter *f, char *const *cells);
	/* How a boolean reads in a cell. */
	const char *yes;
	const char *no;
	/* Write the header even when no record follows. */
	gboolean header_when_empty;
	/* Frees what the format added to the struct (may be NULL); the flat
	 * printer then frees the rest and the struct. */
	void (*destroy) (BvFlatPrinter *f);
};

/* Fills in @f's printer functions for @out with @columns (the printer's
 * columns, not owned) and the cells @keys (copied: the columns shown). */
void bv_flat_printer_init (BvFlatPrinter *f, FILE *out, const char *const *columns, const char *const *keys);

#endif
