/* printer-csv.c: RFC 4180 CSV with a header row.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "output/printer-flat.h"
#include "output/printer.h"
#include "parsers/text.h"

typedef struct {
	BvPrinter base;
	BvFlatRecord rec;
	gboolean header_done;
} CsvPrinter;

/* Writes one cell: quoted when it holds a separator, quote or line break,
 * and with a leading apostrophe when a spreadsheet would read it as a
 * formula (=, +, -, @, tab, CR at the start). */
static void
csv_cell (FILE *out, const char *s)
{
	/* Mail text may carry terminal escapes and invalid UTF-8: a CSV file
	 * is often looked at with cat or less, so they are shown escaped. */
	g_autofree char *safe = bv_text_make_safe_lines (s);
	s = safe;
	gboolean formula = strchr ("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
	gboolean quote = formula || strpbrk (s, ",\"\r\n") != NULL;
	if (quote)
		fputc ('"', out);
	if (formula)
		fputc ('\'', out);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc ('"', out);
		fputc (*p, out);
	}
	if (quote)
		fputc ('"', out);
}

static void
csv_begin_record (BvPrinter *p)
{
	CsvPrinter *c = (CsvPrinter *)p;
	if (!c->header_done) {
		for (guint i = 0; i < bv_flat_count (&c->rec); i++) {
			if (i > 0)
				fputc (',', p->out);
			csv_cell (p->out, c->rec.keys[i]);
		}
		fputs ("\r\n", p->out);
		c->header_done = TRUE;
	}
	bv_flat_reset (&c->rec);
}

static void
csv_end_record (BvPrinter *p)
{
	CsvPrinter *c = (CsvPrinter *)p;
	for (guint i = 0; i < bv_flat_count (&c->rec); i++) {
		if (i > 0)
			fputc (',', p->out);
		csv_cell (p->out, c->rec.cells[i]);
	}
	fputs ("\r\n", p->out);
}

static void
csv_begin_object (BvPrinter *p, const char *key)
{
	bv_flat_push (&((CsvPrinter *)p)->rec, key);
}

static void
csv_end_object (BvPrinter *p)
{
	bv_flat_pop (&((CsvPrinter *)p)->rec);
}

static void
csv_string (BvPrinter *p, const char *key, const char *value)
{
	bv_flat_set (&((CsvPrinter *)p)->rec, key, g_strdup (value));
}

static void
csv_boolean (BvPrinter *p, const char *key, gboolean value)
{
	bv_flat_set (&((CsvPrinter *)p)->rec, key, g_strdup (value ? "true" : "false"));
}

static void
csv_integer (BvPrinter *p, const char *key, gint64 value)
{
	bv_flat_set (&((CsvPrinter *)p)->rec, key, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
csv_finish (BvPrinter *p)
{
	CsvPrinter *c = (CsvPrinter *)p;
	/* An empty result still gets its header, so readers see the columns. */
	if (!c->header_done)
		csv_begin_record (p);
}

static void
csv_destroy (BvPrinter *p)
{
	CsvPrinter *c = (CsvPrinter *)p;
	bv_flat_clear (&c->rec);
	g_free (c);
}

BvPrinter *
bv_printer_csv_new (FILE *out, const char *const *columns)
{
	CsvPrinter *c = g_new0 (CsvPrinter, 1);
	c->base = (BvPrinter){
		.begin_record = csv_begin_record,
		.end_record = csv_end_record,
		.begin_object = csv_begin_object,
		.end_object = csv_end_object,
		.string = csv_string,
		.boolean = csv_boolean,
		.integer = csv_integer,
		.finish = csv_finish,
		.destroy = csv_destroy,
		.out = out,
		.columns = columns,
	};
	bv_flat_init (&c->rec, columns);
	return &c->base;
}
