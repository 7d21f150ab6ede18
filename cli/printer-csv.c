/* printer-csv.c: RFC 4180 CSV with a header row.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "printer.h"
#include "text.h"

typedef struct {
	BvPrinter base;
	guint ncolumns;
	char **cells;    /* one per column for the current record */
	GString *prefix; /* "original." inside a nested object */
	gboolean header_done;
} CsvPrinter;

/* Writes one cell: quoted when it holds a separator, quote or line break,
 * and with a leading apostrophe when a spreadsheet would read it as a
 * formula (=, +, -, @, tab, CR at the start). */
static void
csv_cell (FILE *out, const char *s)
{
	g_autofree char *safe = NULL;
	if (s == NULL)
		s = "";
	if (!g_utf8_validate (s, -1, NULL))
		s = safe = g_utf8_make_valid (s, -1);
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

static int
csv_column (CsvPrinter *c, const char *key)
{
	g_autofree char *full = g_strconcat (c->prefix->str, key, NULL);
	for (guint i = 0; i < c->ncolumns; i++)
		if (strcmp (c->base.columns[i], full) == 0)
			return (int)i;
	return -1;
}

static void
csv_set (CsvPrinter *c, const char *key, char *value)
{
	int i = csv_column (c, key);
	if (i < 0) {
		g_free (value);
		return;
	}
	g_free (c->cells[i]);
	c->cells[i] = value;
}

static void
csv_begin_record (BvPrinter *p)
{
	CsvPrinter *c = (CsvPrinter *)p;
	if (!c->header_done) {
		for (guint i = 0; i < c->ncolumns; i++) {
			if (i > 0)
				fputc (',', p->out);
			csv_cell (p->out, p->columns[i]);
		}
		fputs ("\r\n", p->out);
		c->header_done = TRUE;
	}
	for (guint i = 0; i < c->ncolumns; i++)
		g_clear_pointer (&c->cells[i], g_free);
	g_string_truncate (c->prefix, 0);
}

static void
csv_end_record (BvPrinter *p)
{
	CsvPrinter *c = (CsvPrinter *)p;
	for (guint i = 0; i < c->ncolumns; i++) {
		if (i > 0)
			fputc (',', p->out);
		csv_cell (p->out, c->cells[i]);
	}
	fputs ("\r\n", p->out);
}

static void
csv_begin_object (BvPrinter *p, const char *key)
{
	CsvPrinter *c = (CsvPrinter *)p;
	g_string_append (c->prefix, key);
	g_string_append_c (c->prefix, '.');
}

static void
csv_end_object (BvPrinter *p)
{
	CsvPrinter *c = (CsvPrinter *)p;
	/* Drop the last "key." from the prefix. */
	if (c->prefix->len > 0) {
		gssize i = (gssize)c->prefix->len - 2;
		while (i >= 0 && c->prefix->str[i] != '.')
			i--;
		g_string_truncate (c->prefix, (gsize)(i + 1));
	}
}

static void
csv_string (BvPrinter *p, const char *key, const char *value)
{
	csv_set ((CsvPrinter *)p, key, g_strdup (value));
}

static void
csv_boolean (BvPrinter *p, const char *key, gboolean value)
{
	csv_set ((CsvPrinter *)p, key, g_strdup (value ? "true" : "false"));
}

static void
csv_integer (BvPrinter *p, const char *key, gint64 value)
{
	csv_set ((CsvPrinter *)p, key, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
csv_finish (BvPrinter *p)
{
	CsvPrinter *c = (CsvPrinter *)p;
	/* An empty result still gets its header, so readers see the columns. */
	if (!c->header_done) {
		csv_begin_record (p);
		c->header_done = TRUE;
	}
}

static void
csv_destroy (BvPrinter *p)
{
	CsvPrinter *c = (CsvPrinter *)p;
	for (guint i = 0; i < c->ncolumns; i++)
		g_free (c->cells[i]);
	g_free (c->cells);
	g_string_free (c->prefix, TRUE);
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
	c->ncolumns = columns ? g_strv_length ((char **)columns) : 0;
	c->cells = g_new0 (char *, c->ncolumns + 1);
	c->prefix = g_string_new (NULL);
	return &c->base;
}
