/* export.c: choosing the rows of an export and writing them in any format.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows come from the model's bounces (one pass, oldest first, so the
 * last bounce seen of an address is its most recent one and ties are broken
 * the same way every time).  The data formats go through the command line's
 * printer interface (output/printer.h), so CSV quoting, formula escaping and
 * JSON string safety are the same as in every other command; the other
 * formats have their own files (export-report.c, export-lists.c).
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "output/printer.h"
#include "export/export-private.h"
#include "parsers/suggest.h"

static const char *const format_ids[] = {
#define BV_EXPORT_FORMAT_ID(e, id, ext) id,
	BV_EXPORT_FORMATS (BV_EXPORT_FORMAT_ID)
#undef BV_EXPORT_FORMAT_ID
};

static const char *const format_extensions[] = {
#define BV_EXPORT_FORMAT_EXTENSION(e, id, ext) ext,
	BV_EXPORT_FORMATS (BV_EXPORT_FORMAT_EXTENSION)
#undef BV_EXPORT_FORMAT_EXTENSION
};

/* The fields of a row, in CSV column order. */
static const char *const row_columns[] = { "address", "domain",     "cause",     "title",
	                                   "side",    "hard",       "status",    "reply_code",
	                                   "bounces", "first_seen", "last_seen", "last_diagnostic",
	                                   "action",  "suggestion", "marked",    NULL };

const char *
bv_export_format_id (BvExportFormat format)
{
	return (guint)format < BV_EXPORT_FORMAT_COUNT ? format_ids[format] : NULL;
}

const char *
bv_export_format_extension (BvExportFormat format)
{
	return (guint)format < BV_EXPORT_FORMAT_COUNT ? format_extensions[format] : NULL;
}

gboolean
bv_export_format_from_id (const char *id, BvExportFormat *out)
{
	for (guint i = 0; id != NULL && i < BV_EXPORT_FORMAT_COUNT; i++) {
		if (g_ascii_strcasecmp (id, format_ids[i]) == 0) {
			*out = (BvExportFormat)i;
			return TRUE;
		}
	}
	return FALSE;
}

gboolean
bv_export_format_is_list (BvExportFormat format)
{
	return format == BV_EXPORT_SUPPRESSION || format == BV_EXPORT_ESP_CSV || format == BV_EXPORT_POSTFIX;
}

void
bv_export_selection_for_format (const BvExportSelection *selection, BvExportFormat format,
                                BvExportSelection *out)
{
	static const BvExportSelection everything = { 0 };
	*out = selection != NULL ? *selection : everything;
	if (bv_export_format_is_list (format) && out->filter.marked == BV_MARKED_ANY)
		out->filter.marked = BV_MARKED_YES;
}

char *
bv_export_format_date (gint64 t)
{
	if (t <= 0)
		return g_strdup ("");
	g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
	return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

void
bv_export_row_free (BvExportRow *row)
{
	if (row == NULL)
		return;
	g_free (row->address);
	g_free (row->domain);
	g_free (row->status);
	g_free (row->reply_code);
	g_free (row->last_diagnostic);
	g_free (row->suggestion);
	g_free (row);
}

/* ---- Selecting rows ---- */

/* The report-specific fix of @b as one line: the catalog's suggestion
 * sentences are one per line, which a spreadsheet cell or a list item
 * shows better joined. */
static char *
suggestion_for (const BvBounce *b)
{
	g_autoptr (BvRecipient) r = bv_recipient_new ();
	r->recipient = g_strdup (b->address);
	r->diagnostic = g_strdup (b->diagnostic);
	r->status = g_strdup (b->status);
	r->reply_code = g_strdup (b->reply_code);
	r->remote_mta = g_strdup ("");
	r->cause = b->cause;
	r->hard = b->hard;
	g_autoptr (BvSuggestion) s = bv_suggest (r);
	g_autofree char *text = bv_suggestion_fix_text (s, b->cause);
	if (text == NULL)
		return g_strdup ("");
	/* The sentences go on one line: a space between them, except after a
	 * wide character such as the full-width "。" that ends a Chinese
	 * sentence, which is never followed by a space. */
	g_auto (GStrv) lines = g_strsplit (g_strstrip (text), "\n", -1);
	g_autoptr (GString) out = g_string_new (NULL);
	for (char **l = lines; *l != NULL; l++) {
		g_strstrip (*l);
		if (**l == '\0')
			continue;
		if (out->len > 0) {
			const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);
			if (!g_unichar_iswide (g_utf8_get_char (last)))
				g_string_append_c (out, ' ');
		}
		g_string_append (out, *l);
	}
	return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Describes @row by @b, a later bounce of the same address than any seen. */
static void
row_take_latest (BvExportRow *row, const BvBounce *b)
{
	row->cause = b->cause;
	row->hard = b->hard;
	g_free (row->status);
	row->status = g_strdup (b->status);
	g_free (row->reply_code);
	row->reply_code = g_strdup (b->reply_code);
	g_free (row->last_diagnostic);
	row->last_diagnostic = g_strdup (b->diagnostic);
	row->last_seen = b->date;
}

static gint
compare_rows (gconstpointer a, gconstpointer b)
{
	const BvExportRow *x = *(const BvExportRow *const *)a, *y = *(const BvExportRow *const *)b;
	if (x->last_seen != y->last_seen)
		return x->last_seen > y->last_seen ? -1 : 1;
	return strcmp (x->address, y->address);
}

/* The rows of @bounces (oldest first) with at least @min bounces; only
 * the @suggest_max most recent addresses get their suggestion worked out
 * (0: all), the others "". */
static GPtrArray *
rows_of_bounces (BvModel *model, GPtrArray *bounces, guint min, guint suggest_max)
{
	/* Oldest first: every bounce of an address replaces the row's
	 * description, so the most recent one describes it at the end. */
	g_autoptr (GHashTable) by_address = g_hash_table_new (g_str_hash, g_str_equal);
	GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_export_row_free);
	for (guint i = 0; i < bounces->len; i++) {
		const BvBounce *b = bounces->pdata[i];
		BvExportRow *row = g_hash_table_lookup (by_address, b->address);
		if (row == NULL) {
			row = g_new0 (BvExportRow, 1);
			row->address = g_strdup (b->address);
			const char *at = strrchr (b->address, '@');
			row->domain = g_strdup (at != NULL ? at + 1 : "");
			row->first_seen = b->date;
			row->marked = bv_model_get_mark (model, b->address) != NULL;
			g_hash_table_insert (by_address, row->address, row);
			g_ptr_array_add (rows, row);
		}
		row->bounces++;
		/* Unknown dates sort first, so a known date is the first seen. */
		if (row->first_seen <= 0)
			row->first_seen = b->date;
		row_take_latest (row, b);
	}
	/* The suggestion is worked out once per row, from its latest bounce:
	 * walking backwards, the first bounce met of an address is that one. */
	guint suggested = 0;
	for (guint i = bounces->len; i-- > 0;) {
		const BvBounce *b = bounces->pdata[i];
		BvExportRow *row = g_hash_table_lookup (by_address, b->address);
		if (row->suggestion != NULL)
			continue;
		gboolean wanted = suggest_max == 0 || suggested < suggest_max;
		row->suggestion = wanted ? suggestion_for (b) : g_strdup ("");
		suggested++;
	}

	/* Any order will do before the sort below, so removing is O(1). */
	min = MAX (min, 1);
	for (guint i = rows->len; i-- > 0;) {
		const BvExportRow *row = rows->pdata[i];
		if (row->bounces < min)
			g_ptr_array_remove_index_fast (rows, i);
	}
	g_ptr_array_sort (rows, compare_rows);
	return rows;
}

GPtrArray *
bv_export_rows (BvModel *model, const BvExportSelection *selection)
{
	static const BvExportSelection everything = { 0 };
	const BvExportSelection *sel = selection != NULL ? selection : &everything;
	g_autofree char *domain = NULL;
	if (sel->domain != NULL && sel->domain[0] != '\0')
		domain = g_utf8_strdown (sel->domain, -1);
	g_autoptr (GPtrArray) bounces = bv_model_bounces (model, BV_DIMENSION_DOMAIN, domain, &sel->filter);
	return rows_of_bounces (model, bounces, sel->min_bounces, 0);
}

GPtrArray *
bv_export_group_rows (BvModel *model, BvDimension dim, const char *key, const BvFilter *filter,
                      guint suggest_max)
{
	g_autoptr (GPtrArray) bounces = bv_model_bounces (model, dim, key, filter);
	return rows_of_bounces (model, bounces, 1, suggest_max);
}

/* Whether @sel looks at every bounce of the marked addresses: marked only,
 * and no other condition. */
static gboolean
selects_all_marked (const BvExportSelection *sel)
{
	const BvFilter *f = &sel->filter;
	return f->marked == BV_MARKED_YES && (f->text == NULL || f->text[0] == '\0') && f->since == 0 &&
	       f->until == 0 && f->causes == 0 && f->severity == BV_SEVERITY_ANY &&
	       (sel->domain == NULL || sel->domain[0] == '\0') && sel->min_bounces <= 1;
}

/* Appends a row for every mark whose address has no bounce in the model (an
 * address marked by hand, or whose reports were deleted), by address: a
 * suppression list that left them out would let mail to them through. */
static void
add_marks_without_bounces (BvModel *model, GPtrArray *rows)
{
	g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
	for (guint i = 0; i < rows->len; i++)
		g_hash_table_add (listed, ((BvExportRow *)rows->pdata[i])->address);
	g_autoptr (GPtrArray) marks = bv_model_marks (model);
	for (guint i = 0; i < marks->len; i++) {
		const BvMark *m = marks->pdata[i];
		if (g_hash_table_contains (listed, m->address))
			continue;
		BvExportRow *row = g_new0 (BvExportRow, 1);
		const char *at = strrchr (m->address, '@');
		row->address = g_strdup (m->address);
		row->domain = g_strdup (at != NULL ? at + 1 : "");
		row->cause = m->cause;
		row->status = g_strdup ("");
		row->reply_code = g_strdup ("");
		row->last_diagnostic = g_strdup ("");
		row->suggestion = g_strdup ("");
		row->marked = TRUE;
		g_ptr_array_add (rows, row);
	}
}

/* ---- Writing ---- */

/* Writes @rows as records of the printer @format (CSV, JSON or JSONL). */
static guint
write_records (FILE *out, BvFormat format, GPtrArray *rows)
{
	g_autoptr (BvPrinter) p = bv_printer_new (format, out, row_columns, NULL);
	for (guint i = 0; i < rows->len; i++) {
		const BvExportRow *r = rows->pdata[i];
		g_autofree char *first = bv_export_format_date (r->first_seen);
		g_autofree char *last = bv_export_format_date (r->last_seen);
		p->begin_record (p);
		p->string (p, "address", r->address);
		p->string (p, "domain", r->domain);
		p->string (p, "cause", bv_cause_id (r->cause));
		p->string (p, "title", bv_catalog_title (r->cause));
		p->string (p, "side", bv_side_id (bv_catalog_side (r->cause)));
		p->boolean (p, "hard", r->hard);
		p->string (p, "status", r->status);
		p->string (p, "reply_code", r->reply_code);
		p->integer (p, "bounces", r->bounces);
		p->string (p, "first_seen", first);
		p->string (p, "last_seen", last);
		p->string (p, "last_diagnostic", r->last_diagnostic);
		p->string (p, "action", bv_action_id (bv_catalog_action (r->cause)));
		p->string (p, "suggestion", r->suggestion);
		p->boolean (p, "marked", r->marked);
		p->end_record (p);
	}
	p->finish (p);
	return rows->len;
}

static guint
write_rows (FILE *out, BvExportFormat format, GPtrArray *rows)
{
	switch (format) {
	case BV_EXPORT_CSV: return write_records (out, BV_FORMAT_CSV, rows);
	case BV_EXPORT_JSON: return write_records (out, BV_FORMAT_JSON, rows);
	case BV_EXPORT_JSONL: return write_records (out, BV_FORMAT_JSONL, rows);
	case BV_EXPORT_REPORT: return bv_export_write_report (out, rows);
	case BV_EXPORT_SUPPRESSION:
	case BV_EXPORT_ESP_CSV:
	case BV_EXPORT_POSTFIX: return bv_export_write_list (out, format, rows);
	case BV_EXPORT_FORMAT_COUNT: break;
	}
	g_return_val_if_reached (0);
}

gboolean
bv_export_write_stream (BvModel *model, BvExportFormat format, const BvExportSelection *selection, FILE *out,
                        const char *name, guint *count, GError **error)
{
	g_return_val_if_fail ((guint)format < BV_EXPORT_FORMAT_COUNT, FALSE);
	BvExportSelection sel;
	bv_export_selection_for_format (selection, format, &sel);
	g_autoptr (GPtrArray) rows = bv_export_rows (model, &sel);
	if (bv_export_format_is_list (format) && selects_all_marked (&sel))
		add_marks_without_bounces (model, rows);
	guint n = write_rows (out, format, rows);
	if (fflush (out) != 0 || ferror (out)) {
		int saved = errno != 0 ? errno : EIO;
		g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s",
		             name != NULL ? name : _ ("standard output"), g_strerror (saved));
		return FALSE;
	}
	if (count != NULL)
		*count = n;
	return TRUE;
}

typedef struct {
	BvModel *model;
	BvExportFormat format;
	const BvExportSelection *selection;
	const char *path;
	guint *count;
} WriteJob;

static gboolean
write_job (FILE *out, gpointer user, GError **error)
{
	WriteJob *job = user;
	return bv_export_write_stream (job->model, job->format, job->selection, out, job->path, job->count,
	                               error);
}

gboolean
bv_export_write (BvModel *model, BvExportFormat format, const BvExportSelection *selection, const char *path,
                 guint *count, GError **error)
{
	if (path == NULL || strcmp (path, "-") == 0)
		return bv_export_write_stream (model, format, selection, stdout, NULL, count, error);
	WriteJob job = { model, format, selection, path, count };
	return bv_export_replace_file (path, write_job, &job, error);
}
