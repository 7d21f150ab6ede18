/* snapshot.c: the model's records saved to a file (see snapshot.h).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format: a first line "bvsnap2 TAB stamp TAB count", then one tsv.h line
 * per record.  The count guards against a file cut short.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "index/snapshot.h"
#include "index/tsv.h"

#define MAGIC "bvsnap2"
#define N_FIELDS 13

struct _BvSnapWriter {
	char *path;
	GString *body;
	char *stamp;
	guint count;
};

char *
bv_snapshot_path (const char *maildir)
{
	g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, maildir, -1);
	g_autofree char *name = g_strdup_printf ("model-%.16s.tsv", hash);
	return g_build_filename (g_get_user_cache_dir (), "bounceview", name, NULL);
}

static void
put (GString *out, const char *s, gboolean last)
{
	bv_tsv_append (out, s, 0);
	g_string_append_c (out, last ? '\n' : '\t');
}

BvSnapWriter *
bv_snap_writer_new (const char *path, const char *stamp)
{
	BvSnapWriter *w = g_new0 (BvSnapWriter, 1);
	w->path = g_strdup (path);
	w->stamp = g_strdup (stamp);
	w->body = g_string_new (NULL);
	return w;
}

void
bv_snap_writer_add (BvSnapWriter *w, const BvSnapRecord *r)
{
	char num[64];
	w->count++;
	if (r->line != NULL) {
		/* A record read from the old snapshot: its line is already
		 * what would be written, and escaping it again was a third
		 * of the first open after a change. */
		g_string_append_len (w->body, r->line, r->line_len);
		g_string_append_c (w->body, '\n');
		return;
	}
	put (w->body, r->address, FALSE);
	put (w->body, r->status, FALSE);
	put (w->body, r->reply_code, FALSE);
	put (w->body, r->action, FALSE);
	put (w->body, r->mta, FALSE);
	put (w->body, r->reporting_mta, FALSE);
	put (w->body, r->diagnostic, FALSE);
	put (w->body, r->message_id, FALSE);
	g_snprintf (num, sizeof num, "%" G_GINT64_FORMAT "\t%u\t", r->date, r->index);
	g_string_append (w->body, num);
	put (w->body, bv_cause_id (r->cause), FALSE);
	put (w->body, r->hard ? "1" : "0", FALSE);
	put (w->body, r->verified ? "1" : "0", TRUE);
}

void
bv_snap_writer_free (BvSnapWriter *w)
{
	if (w == NULL)
		return;
	g_free (w->path);
	g_free (w->stamp);
	g_string_free (w->body, TRUE);
	g_free (w);
}

void
bv_snap_writer_commit (BvSnapWriter *w)
{
	g_autofree char *dir = g_path_get_dirname (w->path);
	g_autoptr (GString) head = g_string_new (MAGIC "\t");
	bv_tsv_append (head, w->stamp, 0);
	g_string_append_printf (head, "\t%u\n", w->count);
	g_string_append_len (head, w->body->str, w->body->len);
	/* g_file_set_contents writes a temporary file and renames it. */
	if (g_mkdir_with_parents (dir, 0700) == 0)
		g_file_set_contents_full (w->path, head->str, head->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
		                          NULL);
	bv_snap_writer_free (w);
}

/* Splits a line without escapes, valid UTF-8 and of N_FIELDS fields, into
 * @f (pointing into @scratch), and returns TRUE; FALSE for any other line,
 * which bv_tsv_split() then reads.  Nearly every line is plain, and this
 * spares a dozen allocations per record on every start. */
static gboolean
split_plain (const char *line, gsize len, GString *scratch, char **f)
{
	if (memchr (line, '\\', len) != NULL || !g_utf8_validate_len (line, len, NULL))
		return FALSE;
	g_string_truncate (scratch, 0);
	g_string_append_len (scratch, line, len);
	guint n = 0;
	char *field = scratch->str;
	for (char *q = field;; q++) {
		if (*q == '\t' || *q == '\0') {
			gboolean last = *q == '\0';
			if (n == N_FIELDS)
				return FALSE;
			*q = '\0';
			f[n++] = field;
			field = q + 1;
			if (last)
				break;
		}
	}
	f[n] = NULL;
	return n == N_FIELDS;
}

/* The first line's fields when @file is a snapshot, else NULL; *@body is
 * set to the first record. */
static GStrv
read_head (GMappedFile *file, const char **body)
{
	const char *p = g_mapped_file_get_contents (file);
	const char *end = p + g_mapped_file_get_length (file);
	const char *nl = p != NULL ? memchr (p, '\n', end - p) : NULL;
	if (nl == NULL)
		return NULL;
	GStrv head = bv_tsv_split (p, nl - p);
	if (g_strv_length (head) != 3 || strcmp (head[0], MAGIC) != 0) {
		g_strfreev (head);
		return NULL;
	}
	*body = nl + 1;
	return head;
}

char *
bv_snapshot_stamp (const char *path)
{
	g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
	const char *body;
	g_auto (GStrv) head = file != NULL ? read_head (file, &body) : NULL;
	return head != NULL ? g_strdup (head[1]) : NULL;
}

gboolean
bv_snapshot_read (const char *path, const char *stamp, BvSnapFunc fn, gpointer user)
{
	g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
	if (file == NULL)
		return FALSE;
	const char *p = NULL, *nl;
	g_auto (GStrv) head = read_head (file, &p);
	if (head == NULL || strcmp (head[1], stamp) != 0)
		return FALSE;
	const char *end = g_mapped_file_get_contents (file) + g_mapped_file_get_length (file);
	nl = p - 1;
	guint64 expected = g_ascii_strtoull (head[2], NULL, 10);
	/* Count the lines first: a file cut short is not used at all. */
	guint64 lines = 0;
	for (const char *q = nl + 1; q < end && (q = memchr (q, '\n', end - q)) != NULL; q++)
		lines++;
	if (lines != expected)
		return FALSE;
	g_autoptr (GString) scratch = g_string_new (NULL);
	for (p = nl + 1; p < end; p = nl + 1) {
		nl = memchr (p, '\n', end - p);
		if (nl == NULL)
			break;
		g_auto (GStrv) split = NULL;
		char *f[N_FIELDS + 1];
		if (!split_plain (p, nl - p, scratch, f)) {
			split = bv_tsv_split (p, nl - p);
			if (g_strv_length (split) != N_FIELDS)
				continue;
			memcpy (f, split, sizeof f);
		}
		BvSnapRecord r = {
			.address = f[0],
			.status = f[1],
			.reply_code = f[2],
			.action = f[3],
			.mta = f[4],
			.reporting_mta = f[5],
			.diagnostic = f[6],
			.message_id = f[7],
			.date = g_ascii_strtoll (f[8], NULL, 10),
			.index = (guint)g_ascii_strtoull (f[9], NULL, 10),
			.hard = strcmp (f[11], "1") == 0,
			.verified = strcmp (f[12], "1") == 0,
			.line = p,
			.line_len = nl - p,
		};
		if (!bv_cause_from_id (f[10], &r.cause))
			r.cause = BV_CAUSE_UNDEFINED;
		fn (&r, user);
	}
	return TRUE;
}
