/* printer.h: one interface behind every output format.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Commands describe records as flat or nested key/value fields; the printer
 * decides the syntax.  JSON Lines, CSV and the readable table therefore share
 * one code path in every command (scan, suppress list, export).  Strings from
 * mail are made safe by the printer, never by the caller. */
#ifndef BV_PRINTER_H
#define BV_PRINTER_H

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef enum {
	BV_FORMAT_JSONL,
	BV_FORMAT_JSON, /* one array of the records */
	BV_FORMAT_CSV,
	BV_FORMAT_TABLE,
} BvFormat;

typedef struct _BvPrinter BvPrinter;

struct _BvPrinter {
	void (*begin_record) (BvPrinter *p);
	void (*end_record) (BvPrinter *p);
	/* A nested object under @key; CSV flattens its fields as "key.field". */
	void (*begin_object) (BvPrinter *p, const char *key);
	void (*end_object) (BvPrinter *p);
	void (*string) (BvPrinter *p, const char *key, const char *value);
	void (*boolean) (BvPrinter *p, const char *key, gboolean value);
	void (*integer) (BvPrinter *p, const char *key, gint64 value);
	/* Called once after the last record. */
	void (*finish) (BvPrinter *p);
	/* From now on, writes records as the continuation of another printer's
	 * of the same format: no header, the separator before every record.
	 * What it writes is for join() of that printer (bv_printer_join()). */
	void (*resume) (BvPrinter *p);
	/* Writes @len bytes that a resumed printer of the same format wrote
	 * (whole records), as if this printer had written them. */
	void (*join) (BvPrinter *p, const char *text, gsize len);
	void (*destroy) (BvPrinter *p);

	FILE *out;
	/* Flattened column names ("original.subject"), NULL-terminated: the CSV
	 * header and cell order, and the table's columns.  Not owned. */
	const char *const *columns;
};

/* Parses "jsonl", "json", "csv", "table".  FALSE for anything else. */
gboolean bv_format_parse (const char *name, BvFormat *out);

/* A new printer writing to @out (not owned).  @columns as above: required for
 * CSV and the table, ignored by JSON.  @table_columns, for the table only,
 * names the subset shown (NULL: all). */
BvPrinter *bv_printer_new (BvFormat format, FILE *out, const char *const *columns,
                           const char *const *table_columns);
void bv_printer_free (BvPrinter *p);

/* Records printed in another process: the worker's copy of a printer is
 * resumed on its own stream, and what it writes is joined to the original's
 * output in order, giving the bytes the original alone would have written
 * (`scan --jobs`, cli/scan-procs.c). */
void bv_printer_resume (BvPrinter *p);
void bv_printer_join (BvPrinter *p, const char *text, gsize len);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvPrinter, bv_printer_free)

/* Constructors used by bv_printer_new(); one per file. */
BvPrinter *bv_printer_json_new (FILE *out, gboolean array);
BvPrinter *bv_printer_csv_new (FILE *out, const char *const *columns);
BvPrinter *bv_printer_table_new (FILE *out, const char *const *columns, const char *const *table_columns);

/* Writes @s as a JSON string literal (quotes included) to @out, escaping
 * control characters and replacing invalid UTF-8. */
void bv_json_write_string (FILE *out, const char *s);

G_END_DECLS

#endif
