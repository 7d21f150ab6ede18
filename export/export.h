/* export.h: writing the selected bounces as fix lists and suppression lists.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export is one row per address: the address's bounces within a
 * selection (a BvFilter, as the UI's views use, plus a domain and a minimum
 * number of bounces), described by its most recent bounce and the catalog's
 * words for its cause.  The same rows are written in every format: data for
 * programs (CSV, JSON, JSON Lines), a Markdown fix list for a person, and the
 * import layouts of sending systems (a plain suppression list, the
 * email,reason CSV that Amazon SES and most ESPs import, a Postfix access
 * map).  `bounceview export` and the UI's export dialog both call
 * bv_export_write(); nothing here reads mail or notmuch: only the model.
 *
 * Output is deterministic: the same model and selection give the same bytes
 * (rows newest first, then by address).  Dates are written in UTC.  The
 * person-readable words (titles, suggestions, the report) follow the
 * current locale, as the rest of the program does.
 */
#ifndef BV_EXPORT_H
#define BV_EXPORT_H

#include <stdio.h>

#include <glib.h>

#include "parsers/catalog.h"
#include "index/model.h"

G_BEGIN_DECLS

/* Output formats.  X(enum suffix, machine id: the --format name, the usual
 * file name extension: what a file dialog proposes) */
#define BV_EXPORT_FORMATS(X)                  \
	X (CSV, "csv", "csv")                 \
	X (JSON, "json", "json")              \
	X (JSONL, "jsonl", "jsonl")           \
	X (REPORT, "report", "md")            \
	X (SUPPRESSION, "suppression", "txt") \
	X (ESP_CSV, "esp-csv", "csv")         \
	X (POSTFIX, "postfix", "access")

typedef enum {
#define BV_EXPORT_FORMAT_ENUM(e, id, ext) BV_EXPORT_##e,
	BV_EXPORT_FORMATS (BV_EXPORT_FORMAT_ENUM)
#undef BV_EXPORT_FORMAT_ENUM
	        BV_EXPORT_FORMAT_COUNT
} BvExportFormat;

/* The machine id of @format ("esp-csv"); NULL when out of range. */
const char *bv_export_format_id (BvExportFormat format);
/* The file name extension of @format, without the dot ("md"); NULL when out
 * of range. */
const char *bv_export_format_extension (BvExportFormat format);
/* Returns TRUE and sets *out when @id names a format (case-insensitive). */
gboolean bv_export_format_from_id (const char *id, BvExportFormat *out);

/* TRUE for the formats that are lists of addresses for another system to
 * stop mailing (suppression, esp-csv, postfix).  For them a selection whose
 * @filter.marked is BV_MARKED_ANY means BV_MARKED_YES: only the addresses
 * a person marked for suppression go into such a list unless the caller
 * explicitly asks for the unmarked ones.  Given no other condition, such a
 * list holds every mark, also those of addresses without a bounce in the
 * model (marked by hand, or whose reports were deleted), after the rows, by
 * address. */
gboolean bv_export_format_is_list (BvExportFormat format);

/* Which addresses an export holds.  A zeroed selection (or NULL) selects
 * every bounce.  The strings are the caller's; nothing is kept. */
typedef struct {
	/* The bounces considered, exactly as in the UI's views (model.h). */
	BvFilter filter;
	/* Only addresses of this domain (case-insensitive, exact: a
	 * subdomain is another domain).  NULL or "": any domain. */
	const char *domain;
	/* Only addresses with at least this many bounces passing the
	 * filter.  0 or 1: no condition. */
	guint min_bounces;
} BvExportSelection;

/* One address of an export.  Every string is owned and never NULL. */
typedef struct {
	char *address; /* normalized (bv_address_normalize()) */
	char *domain;
	/* Of the address's most recent bounce in the selection. */
	BvCause cause;
	gboolean hard;
	char *status;
	char *reply_code;
	char *last_diagnostic;
	/* Counted over the bounces in the selection. */
	guint bounces;
	gint64 first_seen; /* Unix seconds, 0 when unknown */
	gint64 last_seen;
	/* The report-specific fix (bv_suggestion_fix_text()) of the most
	 * recent bounce, its sentences on one line; "" when none. */
	char *suggestion;
	gboolean marked;
} BvExportRow;

void bv_export_row_free (BvExportRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvExportRow, bv_export_row_free)

/* The rows @selection (NULL: everything) picks from @model, of
 * BvExportRow*, newest last bounce first, then by address.  For the list
 * formats, apply bv_export_selection_for_format() first.  The array owns
 * its rows (g_ptr_array_unref() frees them). */
GPtrArray *bv_export_rows (BvModel *model, const BvExportSelection *selection);

/* The rows of the group @key of @dim (@key NULL: every group) among the
 * bounces passing @filter (NULL: all), as bv_export_rows() makes them: what
 * the UI's summary pane describes.  Working out a row's suggestion is what
 * costs: only the @suggest_max most recent addresses get one (0: all), the
 * others have "". */
GPtrArray *bv_export_group_rows (BvModel *model, BvDimension dim, const char *key, const BvFilter *filter,
                                 guint suggest_max);

/* One report specific: a distinct BvExportRow.suggestion (the blocklist and
 * its delisting page, the SPF/DKIM/DMARC check that failed, the mistyped
 * domain and its correction, the receiving provider), tidied for display,
 * and how many of the rows say it. */
typedef struct {
	char *text;
	guint addresses;
} BvExportSpecific;

void bv_export_specific_free (BvExportSpecific *specific);

/* The distinct specifics of @rows (of BvExportRow*, not taken), in the
 * order first met, of BvExportSpecific*: what the fix report lists under
 * a cause and the UI's summary pane under a group. */
GPtrArray *bv_export_specifics (GPtrArray *rows);

/* Copies @selection (NULL: everything) into @out adjusted for @format: the
 * list formats take only marked addresses unless asked otherwise (see
 * bv_export_format_is_list()).  The strings stay the caller's. */
void bv_export_selection_for_format (const BvExportSelection *selection, BvExportFormat format,
                                     BvExportSelection *out);

/* Writes the export of @selection in @format to @out (not closed).  Sets
 * *@count (may be NULL) to the number of addresses written.  Fails only
 * when writing fails (G_FILE_ERROR, the message naming "standard output"
 * or the stream's @name when not NULL). */
gboolean bv_export_write_stream (BvModel *model, BvExportFormat format, const BvExportSelection *selection,
                                 FILE *out, const char *name, guint *count, GError **error);

/* Writes the export to @path, or to standard output when @path is NULL or
 * "-", through bv_export_replace_file().  Fails with a G_FILE_ERROR whose
 * message is "PATH: reason".  Sets *@count (may be NULL) to the number of
 * addresses written. */
gboolean bv_export_write (BvModel *model, BvExportFormat format, const BvExportSelection *selection,
                          const char *path, guint *count, GError **error);

/* Writes what @write puts on its stream to @path as index/outfile.h says:
 * a regular file is replaced atomically (temporary file in the target's
 * directory, fsync, rename, directory fsync) keeping its owner, group and
 * mode, or the export fails saying so; a symbolic link is followed and kept;
 * a character device or FIFO (/dev/null, /dev/stdout, a named pipe) is
 * written through, never replaced.  When @write returns FALSE or any step
 * fails, no temporary file remains and @path is left as it was.  The errors
 * of the steps are G_FILE_ERRORs whose message is "PATH: reason"; @write's
 * own error is passed on as it is, so it should name @path too. */
typedef gboolean (*BvExportWriteFunc) (FILE *out, gpointer user, GError **error);
gboolean bv_export_replace_file (const char *path, BvExportWriteFunc write, gpointer user, GError **error);

/* Writes @t as ISO 8601 UTC ("2026-03-01T12:00:00Z") into a new string;
 * "" for 0. */
char *bv_export_format_date (gint64 t);

G_END_DECLS

#endif /* BV_EXPORT_H */
