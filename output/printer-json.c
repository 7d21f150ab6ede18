/* printer-json.c: JSON Lines (one object per line) and a JSON array.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "output/printer.h"

typedef struct {
	BvPrinter base;
	gboolean array;
	guint records;
	/* Whether the next field at each nesting level needs a comma. */
	gboolean need_comma[16];
	guint depth;
} JsonPrinter;

/* The callers print a record between flockfile() and funlockfile() (scan's
 * workers share the output), or alone: the stream's lock is taken once per
 * record, not once per piece of it, which was a third of the printing. */
void
bv_json_write_string (FILE *out, const char *s)
{
	fputc_unlocked ('"', out);
	const char *p = s ? s : "";
	while (*p) {
		/* Printable ASCII goes out in one piece: one fwrite() per
		 * character was most of what `scan` spent printing. */
		const char *run = p;
		while (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
			p++;
		if (p > run) {
			fwrite_unlocked (run, 1, p - run, out);
			continue;
		}
		gunichar c = g_utf8_get_char_validated (p, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			/* Invalid UTF-8: U+FFFD, one byte at a time. */
			fputs_unlocked ("\\ufffd", out);
			p++;
			continue;
		}
		const char *next = g_utf8_next_char (p);
		switch (c) {
		case '"': fputs_unlocked ("\\\"", out); break;
		case '\\': fputs_unlocked ("\\\\", out); break;
		case '\n': fputs_unlocked ("\\n", out); break;
		case '\r': fputs_unlocked ("\\r", out); break;
		case '\t': fputs_unlocked ("\\t", out); break;
		default:
			/* Control characters (C0, DEL, C1) and the line and
			 * paragraph separators are escaped so that no terminal
			 * or JavaScript reader acts on them. */
			if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029)
				fprintf (out, "\\u%04x", c);
			else
				fwrite_unlocked (p, 1, next - p, out);
		}
		p = next;
	}
	fputc_unlocked ('"', out);
}

static void
json_key (JsonPrinter *j, const char *key)
{
	FILE *out = j->base.out;
	if (j->need_comma[j->depth])
		fputs_unlocked (", ", out);
	j->need_comma[j->depth] = TRUE;
	/* Keys are the program's own names: plain ASCII, nothing to escape. */
	fputc_unlocked ('"', out);
	fputs_unlocked (key, out);
	fputs_unlocked ("\": ", out);
}

static void
json_begin_record (BvPrinter *p)
{
	JsonPrinter *j = (JsonPrinter *)p;
	if (j->array)
		fputs (j->records == 0 ? "[\n" : ",\n", p->out);
	j->records++;
	j->depth = 0;
	j->need_comma[0] = FALSE;
	fputc ('{', p->out);
}

static void
json_end_record (BvPrinter *p)
{
	JsonPrinter *j = (JsonPrinter *)p;
	fputc ('}', p->out);
	if (!j->array)
		fputc ('\n', p->out);
}

static void
json_begin_object (BvPrinter *p, const char *key)
{
	JsonPrinter *j = (JsonPrinter *)p;
	json_key (j, key);
	fputc ('{', p->out);
	g_return_if_fail (j->depth + 1 < G_N_ELEMENTS (j->need_comma));
	j->need_comma[++j->depth] = FALSE;
}

static void
json_end_object (BvPrinter *p)
{
	JsonPrinter *j = (JsonPrinter *)p;
	fputc ('}', p->out);
	if (j->depth > 0)
		j->depth--;
}

static void
json_string (BvPrinter *p, const char *key, const char *value)
{
	json_key ((JsonPrinter *)p, key);
	bv_json_write_string (p->out, value);
}

static void
json_boolean (BvPrinter *p, const char *key, gboolean value)
{
	json_key ((JsonPrinter *)p, key);
	fputs (value ? "true" : "false", p->out);
}

static void
json_integer (BvPrinter *p, const char *key, gint64 value)
{
	json_key ((JsonPrinter *)p, key);
	fprintf (p->out, "%" G_GINT64_FORMAT, value);
}

static void
json_finish (BvPrinter *p)
{
	JsonPrinter *j = (JsonPrinter *)p;
	if (j->array)
		fputs (j->records == 0 ? "[]\n" : "\n]\n", p->out);
}

/* A resumed printer has, as far as it knows, written a record before. */
static void
json_resume (BvPrinter *p)
{
	JsonPrinter *j = (JsonPrinter *)p;
	j->records = MAX (j->records, 1);
}

static void
json_join (BvPrinter *p, const char *text, gsize len)
{
	JsonPrinter *j = (JsonPrinter *)p;
	/* A resumed array printer put ",\n" before its first record too: the
	 * array's first record gets the opening bracket in its place. */
	if (j->array && j->records == 0 && len >= 2 && text[0] == ',' && text[1] == '\n') {
		fputs ("[\n", p->out);
		text += 2;
		len -= 2;
	}
	fwrite (text, 1, len, p->out);
	j->records++;
}

static void
json_destroy (BvPrinter *p)
{
	g_free (p);
}

BvPrinter *
bv_printer_json_new (FILE *out, gboolean array)
{
	JsonPrinter *j = g_new0 (JsonPrinter, 1);
	j->base = (BvPrinter){
		.begin_record = json_begin_record,
		.end_record = json_end_record,
		.begin_object = json_begin_object,
		.end_object = json_end_object,
		.string = json_string,
		.boolean = json_boolean,
		.integer = json_integer,
		.finish = json_finish,
		.resume = json_resume,
		.join = json_join,
		.destroy = json_destroy,
		.out = out,
	};
	j->array = array;
	return &j->base;
}
