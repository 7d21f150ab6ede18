/* printer-csv.c: RFC 4180 CSV with a header row.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "output/printer-flat.h"
#include "output/printer.h"
#include "parsers/text.h"

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

/* One line: the header or a record. */
static void
csv_row (BvFlatPrinter *f, char *const *cells)
{
	for (guint i = 0; i < bv_flat_count (&f->rec); i++) {
		if (i > 0)
			fputc (',', f->base.out);
		csv_cell (f->base.out, cells[i] != NULL ? cells[i] : "");
	}
	fputs ("\r\n", f->base.out);
}

BvPrinter *
bv_printer_csv_new (FILE *out, const char *const *columns)
{
	BvFlatPrinter *f = g_new0 (BvFlatPrinter, 1);
	bv_flat_printer_init (f, out, columns, columns);
	f->write_row = csv_row;
	/* An empty result still gets its header, so readers see the columns. */
	f->header_when_empty = TRUE;
	return &f->base;
}
