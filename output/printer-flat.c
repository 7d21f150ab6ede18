/* printer-flat.c: records flattened into named cells.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "output/printer-flat.h"

void
bv_flat_init (BvFlatRecord *rec, const char *const *keys)
{
	rec->keys = g_strdupv ((char **)keys);
	rec->cells = g_new0 (char *, bv_flat_count (rec) + 1);
	rec->prefix = g_string_new (NULL);
}

guint
bv_flat_count (const BvFlatRecord *rec)
{
	return rec->keys ? g_strv_length (rec->keys) : 0;
}

void
bv_flat_reset (BvFlatRecord *rec)
{
	for (guint i = 0; rec->keys && rec->keys[i]; i++)
		g_clear_pointer (&rec->cells[i], g_free);
	g_string_truncate (rec->prefix, 0);
}

void
bv_flat_clear (BvFlatRecord *rec)
{
	bv_flat_reset (rec);
	g_clear_pointer (&rec->cells, g_free);
	g_clear_pointer (&rec->keys, g_strfreev);
	if (rec->prefix != NULL)
		g_string_free (g_steal_pointer (&rec->prefix), TRUE);
}

void
bv_flat_set (BvFlatRecord *rec, const char *key, char *value)
{
	g_autofree char *full = g_strconcat (rec->prefix->str, key, NULL);
	for (guint i = 0; rec->keys && rec->keys[i]; i++) {
		if (strcmp (rec->keys[i], full) == 0) {
			g_free (rec->cells[i]);
			rec->cells[i] = value;
			return;
		}
	}
	/* A field the columns do not show. */
	g_free (value);
}

void
bv_flat_push (BvFlatRecord *rec, const char *key)
{
	g_string_append (rec->prefix, key);
	g_string_append_c (rec->prefix, '.');
}

void
bv_flat_pop (BvFlatRecord *rec)
{
	/* Drop the last "key." from the prefix. */
	if (rec->prefix->len == 0)
		return;
	gssize i = (gssize)rec->prefix->len - 2;
	while (i >= 0 && rec->prefix->str[i] != '.')
		i--;
	g_string_truncate (rec->prefix, (gsize)(i + 1));
}

static void
flat_begin_record (BvPrinter *p)
{
	BvFlatPrinter *f = (BvFlatPrinter *)p;
	if (!f->header_done) {
		f->write_row (f, f->rec.keys);
		f->header_done = TRUE;
	}
	bv_flat_reset (&f->rec);
}

static void
flat_end_record (BvPrinter *p)
{
	BvFlatPrinter *f = (BvFlatPrinter *)p;
	f->write_row (f, f->rec.cells);
}

static void
flat_begin_object (BvPrinter *p, const char *key)
{
	bv_flat_push (&((BvFlatPrinter *)p)->rec, key);
}

static void
flat_end_object (BvPrinter *p)
{
	bv_flat_pop (&((BvFlatPrinter *)p)->rec);
}

static void
flat_string (BvPrinter *p, const char *key, const char *value)
{
	bv_flat_set (&((BvFlatPrinter *)p)->rec, key, g_strdup (value));
}

static void
flat_boolean (BvPrinter *p, const char *key, gboolean value)
{
	BvFlatPrinter *f = (BvFlatPrinter *)p;
	bv_flat_set (&f->rec, key, g_strdup (value ? f->yes : f->no));
}

static void
flat_integer (BvPrinter *p, const char *key, gint64 value)
{
	bv_flat_set (&((BvFlatPrinter *)p)->rec, key, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
flat_finish (BvPrinter *p)
{
	BvFlatPrinter *f = (BvFlatPrinter *)p;
	if (f->header_when_empty && !f->header_done)
		flat_begin_record (p);
}

/* A resumed printer leaves the header to the printer it joins. */
static void
flat_resume (BvPrinter *p)
{
	((BvFlatPrinter *)p)->header_done = TRUE;
}

static void
flat_join (BvPrinter *p, const char *text, gsize len)
{
	BvFlatPrinter *f = (BvFlatPrinter *)p;
	if (!f->header_done) {
		f->write_row (f, f->rec.keys);
		f->header_done = TRUE;
	}
	fwrite (text, 1, len, p->out);
}

static void
flat_destroy (BvPrinter *p)
{
	BvFlatPrinter *f = (BvFlatPrinter *)p;
	if (f->destroy != NULL)
		f->destroy (f);
	bv_flat_clear (&f->rec);
	g_free (f);
}

void
bv_flat_printer_init (BvFlatPrinter *f, FILE *out, const char *const *columns, const char *const *keys)
{
	f->base = (BvPrinter){
		.begin_record = flat_begin_record,
		.end_record = flat_end_record,
		.begin_object = flat_begin_object,
		.end_object = flat_end_object,
		.string = flat_string,
		.boolean = flat_boolean,
		.integer = flat_integer,
		.finish = flat_finish,
		.resume = flat_resume,
		.join = flat_join,
		.destroy = flat_destroy,
		.out = out,
		.columns = columns,
	};
	f->yes = "true";
	f->no = "false";
	bv_flat_init (&f->rec, keys);
}
