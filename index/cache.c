/* cache.c: (de)serialization of parsed reports for the notmuch cache.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format (version "bv2"), lines ending in '\n', fields separated by '\t',
 * escaped as tsv.h says:
 *
 *   bv2
 *   R kind mta date from subject orig.message_id orig.from orig.to
 *     orig.subject orig.date return_path
 *   P cause hard status_derived evidence.rule evidence.matched
 *     evidence.detail, then the string fields of BV_RECIPIENT_FIELDS in
 *     their declared order (recipient original_recipient action ...)
 *
 * The recipient's string fields come last and from the one list in
 * bounce.h, so a field added there is cached without touching this file.
 * Enums are stored as their machine ids, never as numbers, so that a
 * reordered enum cannot misread an old cache.  Extra trailing fields are
 * ignored and missing ones read as "", so a later format can add fields.
 */
#include "config.h"

#include <string.h>

#include "index/cache.h"
#include "index/tsv.h"

#define FORMAT_TAG "bv2"
/* Longest field kept: diagnostics can be pages of text. */
#define FIELD_MAX 4096
#define SEQ_DIGITS 4

gboolean
bv_recipient_bounced (const BvRecipient *rcpt)
{
	const char *a = rcpt->action;
	return strcmp (a, "delivered") != 0 && strcmp (a, "relayed") != 0 && strcmp (a, "expanded") != 0;
}

static void
put_field (GString *out, const char *s)
{
	g_string_append_c (out, '\t');
	bv_tsv_append (out, s, FIELD_MAX);
}

char *
bv_cache_serialize (const BvReport *r)
{
	GString *out = g_string_new (FORMAT_TAG "\nR");
	put_field (out, bv_kind_id (r->kind));
	put_field (out, r->mta);
	put_field (out, r->date);
	put_field (out, r->from);
	put_field (out, r->subject);
	put_field (out, r->original.message_id);
	put_field (out, r->original.from);
	put_field (out, r->original.to);
	put_field (out, r->original.subject);
	put_field (out, r->original.date);
	put_field (out, r->return_path);
	g_string_append_c (out, '\n');
	for (guint i = 0; r->recipients != NULL && i < r->recipients->len; i++) {
		const BvRecipient *x = r->recipients->pdata[i];
		g_string_append_c (out, 'P');
		put_field (out, bv_cause_id (x->cause));
		put_field (out, x->hard ? "1" : "0");
		put_field (out, x->status_derived ? "1" : "0");
		put_field (out, x->evidence.rule);
		put_field (out, x->evidence.matched);
		put_field (out, x->evidence.detail);
#define PUT_FIELD(name, group) put_field (out, x->name);
		BV_RECIPIENT_FIELDS (PUT_FIELD)
#undef PUT_FIELD
		g_string_append_c (out, '\n');
	}
	return g_string_free (out, FALSE);
}

/* Field @i of @f as a new string; "" when absent. */
static char *
take (char **f, guint n, guint i)
{
	return g_strdup (i < n ? f[i] : "");
}

static void
set_field (char **slot, char **f, guint n, guint i)
{
	g_free (*slot);
	*slot = take (f, n, i);
}

static void
read_report_line (BvReport *r, char **f, guint n)
{
	BvKind kind = BV_KIND_NONE;
	if (n > 0)
		bv_kind_from_id (f[0], &kind);
	r->kind = kind;
	set_field (&r->mta, f, n, 1);
	set_field (&r->date, f, n, 2);
	set_field (&r->from, f, n, 3);
	set_field (&r->subject, f, n, 4);
	set_field (&r->original.message_id, f, n, 5);
	set_field (&r->original.from, f, n, 6);
	set_field (&r->original.to, f, n, 7);
	set_field (&r->original.subject, f, n, 8);
	set_field (&r->original.date, f, n, 9);
	set_field (&r->return_path, f, n, 10);
}

static BvRecipient *
read_recipient_line (char **f, guint n)
{
	BvRecipient *x = bv_recipient_new ();
	BvCause cause = BV_CAUSE_UNDEFINED;
	if (n > 0)
		bv_cause_from_id (f[0], &cause);
	x->cause = cause;
	x->hard = n > 1 && strcmp (f[1], "1") == 0;
	x->status_derived = n > 2 && strcmp (f[2], "1") == 0;
	set_field (&x->evidence.rule, f, n, 3);
	set_field (&x->evidence.matched, f, n, 4);
	set_field (&x->evidence.detail, f, n, 5);
	guint i = 6;
#define SET_FIELD(name, group) set_field (&x->name, f, n, i++);
	BV_RECIPIENT_FIELDS (SET_FIELD)
#undef SET_FIELD
	return x;
}

/* Makes sure no string of a fresh report is NULL, whatever the engine's
 * constructor leaves unset. */
static void
fill_report_strings (BvReport *r)
{
	char **slots[] = { &r->message_id,    &r->date,        &r->from,
		           &r->subject,       &r->mta,         &r->original.message_id,
		           &r->original.from, &r->original.to, &r->original.subject,
		           &r->original.date, &r->return_path };
	for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
		if (*slots[i] == NULL)
			*slots[i] = g_strdup ("");
}

BvReport *
bv_cache_deserialize (const char *text, gsize len)
{
	gsize tag_len = strlen (FORMAT_TAG);
	if (text == NULL || len < tag_len + 1 || memcmp (text, FORMAT_TAG "\n", tag_len + 1) != 0)
		return NULL;
	BvReport *r = bv_report_new ();
	fill_report_strings (r);
	gboolean seen_report = FALSE;
	const char *p = text + tag_len + 1, *end = text + len;
	while (p < end) {
		const char *nl = memchr (p, '\n', end - p);
		const char *line_end = nl != NULL ? nl : end;
		gsize line_len = line_end - p;
		if (line_len > 0 && (p[0] == 'R' || p[0] == 'P')) {
			/* Field 0 is the record letter. */
			g_auto (GStrv) all = bv_tsv_split (p, line_len);
			guint n = g_strv_length (all) - 1;
			char **f = all + 1;
			if (p[0] == 'R') {
				read_report_line (r, f, n);
				seen_report = TRUE;
			} else {
				g_ptr_array_add (r->recipients, read_recipient_line (f, n));
			}
		}
		p = line_end + 1;
	}
	if (!seen_report) {
		bv_report_free (r);
		return NULL;
	}
	return r;
}

GPtrArray *
bv_cache_chunk (const char *text)
{
	GPtrArray *chunks = g_ptr_array_new_with_free_func (g_free);
	const gsize room = BV_CACHE_CHUNK_MAX - SEQ_DIGITS;
	const char *p = text, *end = text + strlen (text);
	guint seq = 0;
	do {
		const char *stop = p + room < end ? p + room : end;
		if (stop < end) {
			/* Never split a character: back up to its first byte. */
			while (stop > p && ((guchar)*stop & 0xC0) == 0x80)
				stop--;
			if (stop == p)
				stop = p + room;
		}
		g_ptr_array_add (chunks, g_strdup_printf ("%04x%.*s", seq++ & 0xFFFF, (int)(stop - p), p));
		p = stop;
	} while (p < end);
	return chunks;
}

static gint
compare_chunks (gconstpointer a, gconstpointer b)
{
	return strncmp (*(const char *const *)a, *(const char *const *)b, SEQ_DIGITS);
}

char *
bv_cache_join (const char *const *values, guint n_values)
{
	if (n_values == 0)
		return NULL;
	g_autofree const char **sorted = g_memdup2 (values, n_values * sizeof *values);
	qsort (sorted, n_values, sizeof *sorted, compare_chunks);
	GString *out = g_string_new (NULL);
	for (guint i = 0; i < n_values; i++) {
		const char *v = sorted[i];
		char digits[SEQ_DIGITS + 1] = { 0 };
		char *rest = NULL;
		if (v == NULL || strlen (v) < SEQ_DIGITS)
			goto bad;
		memcpy (digits, v, SEQ_DIGITS);
		guint64 seq = g_ascii_strtoull (digits, &rest, 16);
		if (rest != digits + SEQ_DIGITS || seq != i)
			goto bad;
		g_string_append (out, v + SEQ_DIGITS);
	}
	return g_string_free (out, FALSE);
bad:
	g_string_free (out, TRUE);
	return NULL;
}
