/* printer-table.c: a readable table, one line per record.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records are streamed, so column widths are fixed in advance: each entry of
 * table_columns is "key:width" (a width of 0 takes the rest of the line).
 * Cells are cut by display width, so CJK text lines up, and control
 * characters from mail are shown escaped. */
#include "config.h"

#include <string.h>

#include "output/printer-flat.h"
#include "output/printer.h"
#include "parsers/text.h"

typedef struct {
	BvFlatPrinter flat; /* first: the printer */
	guint *widths;      /* one per column */
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

/* One line: the header or a record. */
static void
table_row (BvFlatPrinter *f, char *const *cells)
{
	TablePrinter *t = (TablePrinter *)f;
	guint n = bv_flat_count (&f->rec);
	for (guint i = 0; i < n; i++) {
		if (i > 0)
			fputs ("  ", f->base.out);
		table_cell (f->base.out, cells[i], t->widths[i], i + 1 == n);
	}
	fputc ('\n', f->base.out);
}

static void
table_destroy (BvFlatPrinter *f)
{
	g_free (((TablePrinter *)f)->widths);
}

BvPrinter *
bv_printer_table_new (FILE *out, const char *const *columns, const char *const *table_columns)
{
	TablePrinter *t = g_new0 (TablePrinter, 1);
	/* Each entry is "key:width"; a bare key is 20 columns wide. */
	const char *const *spec = table_columns ? table_columns : columns;
	g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
	GArray *widths = g_array_new (FALSE, TRUE, sizeof (guint));
	for (; spec && *spec; spec++) {
		const char *colon = strrchr (*spec, ':');
		guint width = colon ? (guint)g_ascii_strtoull (colon + 1, NULL, 10) : 20;
		g_ptr_array_add (keys, colon ? g_strndup (*spec, colon - *spec) : g_strdup (*spec));
		g_array_append_val (widths, width);
	}
	g_ptr_array_add (keys, NULL);
	bv_flat_printer_init (&t->flat, out, columns, (const char *const *)keys->pdata);
	t->flat.write_row = table_row;
	t->flat.destroy = table_destroy;
	t->flat.yes = "yes";
	t->flat.no = "no";
	t->widths = (guint *)g_array_free (widths, FALSE);
	return &t->flat.base;
}
