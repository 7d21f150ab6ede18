/* printer-table.c: a readable table, one line per record.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records are streamed, so column widths are fixed in advance: each entry of
 * table_columns is "key:width" (a width of 0 takes the rest of the line).
 * Cells are cut by display width, so CJK text lines up, and control
 * characters from mail are shown escaped. */
#include "config.h"

#include <string.h>

#include "printer.h"
#include "text.h"

typedef struct {
	char *key;
	guint width;
} TableColumn;

typedef struct {
	BvPrinter base;
	GArray *cols; /* of TableColumn */
	char **cells;
	GString *prefix;
	gboolean header_done;
} TablePrinter;

/* Display width of one character: 2 for wide and fullwidth, 0 for
 * combining marks, else 1. */
static guint
char_width (gunichar c)
{
	if (g_unichar_iszerowidth (c))
		return 0;
	return g_unichar_iswide (c) ? 2 : 1;
}

/* Display width of a whole string. */
static guint
text_width (const char *s)
{
	guint w = 0;
	for (const char *p = s; *p; p = g_utf8_next_char (p))
		w += char_width (g_utf8_get_char (p));
	return w;
}

/* Writes @s padded or cut to exactly @width columns (0: as is); a cut is
 * shown by an ellipsis in the last column. */
static void
table_cell (FILE *out, const char *s, guint width, gboolean last)
{
	g_autofree char *safe = bv_text_make_safe (s ? s : "");
	gboolean cut = width > 0 && text_width (safe) > width;
	guint room = cut ? width - 1 : G_MAXUINT;
	guint used = 0;
	for (const char *p = safe; *p; p = g_utf8_next_char (p)) {
		guint w = char_width (g_utf8_get_char (p));
		if (used + w > room)
			break;
		fwrite (p, 1, g_utf8_next_char (p) - p, out);
		used += w;
	}
	if (cut) {
		fputs ("\xe2\x80\xa6", out);
		used++;
	}
	if (!last)
		for (; used < width; used++)
			fputc (' ', out);
}

static int
table_index (TablePrinter *t, const char *key)
{
	g_autofree char *full = g_strconcat (t->prefix->str, key, NULL);
	for (guint i = 0; i < t->cols->len; i++)
		if (strcmp (g_array_index (t->cols, TableColumn, i).key, full) == 0)
			return (int)i;
	return -1;
}

static void
table_set (TablePrinter *t, const char *key, char *value)
{
	int i = table_index (t, key);
	if (i < 0) {
		g_free (value);
		return;
	}
	g_free (t->cells[i]);
	t->cells[i] = value;
}

static void
table_line (TablePrinter *t, char **cells, const char *const *names)
{
	for (guint i = 0; i < t->cols->len; i++) {
		TableColumn *c = &g_array_index (t->cols, TableColumn, i);
		if (i > 0)
			fputs ("  ", t->base.out);
		table_cell (t->base.out, cells ? cells[i] : names[i], c->width, i + 1 == t->cols->len);
	}
	fputc ('\n', t->base.out);
}

static void
table_begin_record (BvPrinter *p)
{
	TablePrinter *t = (TablePrinter *)p;
	if (!t->header_done) {
		g_autoptr (GPtrArray) names = g_ptr_array_new ();
		for (guint i = 0; i < t->cols->len; i++)
			g_ptr_array_add (names, g_array_index (t->cols, TableColumn, i).key);
		table_line (t, NULL, (const char *const *)names->pdata);
		t->header_done = TRUE;
	}
	for (guint i = 0; i < t->cols->len; i++)
		g_clear_pointer (&t->cells[i], g_free);
	g_string_truncate (t->prefix, 0);
}

static void
table_end_record (BvPrinter *p)
{
	TablePrinter *t = (TablePrinter *)p;
	table_line (t, t->cells, NULL);
}

static void
table_begin_object (BvPrinter *p, const char *key)
{
	TablePrinter *t = (TablePrinter *)p;
	g_string_append (t->prefix, key);
	g_string_append_c (t->prefix, '.');
}

static void
table_end_object (BvPrinter *p)
{
	TablePrinter *t = (TablePrinter *)p;
	if (t->prefix->len > 0) {
		gssize i = (gssize)t->prefix->len - 2;
		while (i >= 0 && t->prefix->str[i] != '.')
			i--;
		g_string_truncate (t->prefix, (gsize)(i + 1));
	}
}

static void
table_string (BvPrinter *p, const char *key, const char *value)
{
	table_set ((TablePrinter *)p, key, g_strdup (value));
}

static void
table_boolean (BvPrinter *p, const char *key, gboolean value)
{
	table_set ((TablePrinter *)p, key, g_strdup (value ? "yes" : "no"));
}

static void
table_integer (BvPrinter *p, const char *key, gint64 value)
{
	table_set ((TablePrinter *)p, key, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
table_finish (BvPrinter *p)
{
}

static void
table_destroy (BvPrinter *p)
{
	TablePrinter *t = (TablePrinter *)p;
	for (guint i = 0; i < t->cols->len; i++) {
		g_free (t->cells[i]);
		g_free (g_array_index (t->cols, TableColumn, i).key);
	}
	g_free (t->cells);
	g_array_free (t->cols, TRUE);
	g_string_free (t->prefix, TRUE);
	g_free (t);
}

BvPrinter *
bv_printer_table_new (FILE *out, const char *const *columns, const char *const *table_columns)
{
	TablePrinter *t = g_new0 (TablePrinter, 1);
	t->base = (BvPrinter){
		.begin_record = table_begin_record,
		.end_record = table_end_record,
		.begin_object = table_begin_object,
		.end_object = table_end_object,
		.string = table_string,
		.boolean = table_boolean,
		.integer = table_integer,
		.finish = table_finish,
		.destroy = table_destroy,
		.out = out,
		.columns = columns,
	};
	t->cols = g_array_new (FALSE, TRUE, sizeof (TableColumn));
	const char *const *spec = table_columns ? table_columns : columns;
	for (; spec && *spec; spec++) {
		const char *colon = strrchr (*spec, ':');
		TableColumn c = { 0 };
		if (colon) {
			c.key = g_strndup (*spec, colon - *spec);
			c.width = (guint)g_ascii_strtoull (colon + 1, NULL, 10);
		} else {
			c.key = g_strdup (*spec);
			c.width = 20;
		}
		g_array_append_val (t->cols, c);
	}
	t->cells = g_new0 (char *, t->cols->len + 1);
	t->prefix = g_string_new (NULL);
	return &t->base;
}
