/* suppress.c: the suppression store (see suppress.h for the guarantees).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file starts with a comment line naming the format; lines starting with
 * '#' are comments.  A line that does not read as a mark is kept aside and
 * written back unchanged, so that a newer bounceview's marks or a person's
 * edit are never lost by an older one rewriting the file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "index/suppress.h"
#include "index/tsv.h"

#define HEADER "# bounceview suppressions v1: address\tcause\tdate\tsource\tnote\n"

char *
bv_suppress_default_path (void)
{
	const char *env = g_getenv ("BOUNCEVIEW_SUPPRESSIONS");
	if (env != NULL && *env != '\0')
		return g_strdup (env);
	return g_build_filename (g_get_user_data_dir (), "bounceview", "suppressions.tsv", NULL);
}

char *
bv_address_normalize (const char *address)
{
	g_autofree char *s = g_strstrip (g_strdup (address != NULL ? address : ""));
	char *p = s;
	if (g_ascii_strncasecmp (p, "rfc822;", 7) == 0)
		p = g_strchug (p + 7);
	gsize len = strlen (p);
	if (len >= 2 && p[0] == '<' && p[len - 1] == '>') {
		p[len - 1] = '\0';
		p++;
	}
	return g_utf8_strdown (p, -1);
}

static const char *const source_ids[] = { [BV_MARK_BY_HAND] = "hand", [BV_MARK_BY_POLICY] = "policy" };

const char *
bv_mark_source_id (BvMarkSource source)
{
	return (guint)source < G_N_ELEMENTS (source_ids) ? source_ids[source] : "hand";
}

BvMark *
bv_mark_new (const char *address, BvCause cause, gint64 date, BvMarkSource source, const char *note)
{
	BvMark *m = g_new0 (BvMark, 1);
	m->address = bv_address_normalize (address);
	m->cause = cause;
	m->date = date;
	m->source = source;
	m->note = g_strdup (note != NULL ? note : "");
	return m;
}

BvMark *
bv_mark_copy (const BvMark *m)
{
	return bv_mark_new (m->address, m->cause, m->date, m->source, m->note);
}

void
bv_mark_free (BvMark *m)
{
	if (m == NULL)
		return;
	g_free (m->address);
	g_free (m->note);
	g_free (m);
}

/* The store as read: the marks and the lines kept as they were. */
typedef struct {
	GHashTable *marks; /* address -> BvMark* */
	GPtrArray *other;  /* of char*: lines that are not marks */
} Store;

static void
store_clear (Store *s)
{
	g_clear_pointer (&s->marks, g_hash_table_unref);
	g_clear_pointer (&s->other, g_ptr_array_unref);
}

static BvMark *
parse_line (const char *line, gsize len)
{
	g_auto (GStrv) f = bv_tsv_split (line, len);
	guint n = g_strv_length (f);
	if (n < 4 || f[0][0] == '\0' || strchr (f[0], '@') == NULL)
		return NULL;
	BvCause cause;
	if (!bv_cause_from_id (f[1], &cause))
		cause = BV_CAUSE_UNDEFINED;
	g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (f[2], NULL);
	if (dt == NULL)
		return NULL;
	BvMarkSource source = strcmp (f[3], "policy") == 0 ? BV_MARK_BY_POLICY : BV_MARK_BY_HAND;
	return bv_mark_new (f[0], cause, g_date_time_to_unix (dt), source, n > 4 ? f[4] : "");
}

static gboolean
store_read (const char *path, Store *s, GError **error)
{
	s->marks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)bv_mark_free);
	s->other = g_ptr_array_new_with_free_func (g_free);
	g_autofree char *data = NULL;
	gsize len = 0;
	GError *e = NULL;
	if (!g_file_get_contents (path, &data, &len, &e)) {
		if (g_error_matches (e, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
			g_error_free (e);
			return TRUE;
		}
		g_propagate_error (error, e);
		store_clear (s);
		return FALSE;
	}
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr (p, '\n', end - p);
		const char *le = nl != NULL ? nl : end;
		gsize ll = le - p;
		if (ll > 0 && p[ll - 1] == '\r')
			ll--;
		if (ll > 0 && p[0] != '#') {
			BvMark *m = parse_line (p, ll);
			if (m == NULL)
				g_ptr_array_add (s->other, g_strndup (p, ll));
			else if (g_hash_table_contains (s->marks, m->address))
				bv_mark_free (m); /* the first mark of an address wins */
			else
				g_hash_table_insert (s->marks, m->address, m);
		}
		p = le + 1;
	}
	return TRUE;
}

GHashTable *
bv_suppress_load (const char *path, GError **error)
{
	Store s = { 0 };
	if (!store_read (path, &s, error))
		return NULL;
	g_ptr_array_unref (s.other);
	return s.marks;
}

static gint
compare_marks (gconstpointer a, gconstpointer b)
{
	const BvMark *x = *(const BvMark *const *)a, *y = *(const BvMark *const *)b;
	return strcmp (x->address, y->address);
}

GPtrArray *
bv_suppress_sorted (GHashTable *table)
{
	GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_mark_free);
	GHashTableIter it;
	gpointer value;
	g_hash_table_iter_init (&it, table);
	while (g_hash_table_iter_next (&it, NULL, &value))
		g_ptr_array_add (out, bv_mark_copy (value));
	g_ptr_array_sort (out, compare_marks);
	return out;
}

static char *
format_line (const BvMark *m)
{
	GString *line = g_string_new (NULL);
	g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (m->date);
	g_autofree char *date =
	        dt != NULL ? g_date_time_format_iso8601 (dt) : g_strdup ("1970-01-01T00:00:00Z");
	bv_tsv_append (line, m->address, 0);
	g_string_append_c (line, '\t');
	bv_tsv_append (line, bv_cause_id (m->cause), 0);
	g_string_append_c (line, '\t');
	bv_tsv_append (line, date, 0);
	g_string_append_c (line, '\t');
	bv_tsv_append (line, bv_mark_source_id (m->source), 0);
	g_string_append_c (line, '\t');
	bv_tsv_append (line, m->note, 0);
	g_string_append_c (line, '\n');
	return g_string_free (line, FALSE);
}

static gboolean
set_errno_error (GError **error, int err, const char *what, const char *path)
{
	g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err), "%s %s: %s", what, path,
	             g_strerror (err));
	return FALSE;
}

/* Writes all of @data to @fd. */
static gboolean
write_all (int fd, const char *data, gsize len)
{
	while (len > 0) {
		ssize_t n = write (fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}

/* Replaces @path with the contents of @s durably: temporary file, fsync,
 * rename, fsync of the directory. */
static gboolean
store_write (const char *path, Store *s, GError **error)
{
	GString *out = g_string_new (HEADER);
	g_autoptr (GPtrArray) sorted = bv_suppress_sorted (s->marks);
	for (guint i = 0; i < sorted->len; i++) {
		g_autofree char *line = format_line (sorted->pdata[i]);
		g_string_append (out, line);
	}
	for (guint i = 0; i < s->other->len; i++) {
		g_string_append (out, s->other->pdata[i]);
		g_string_append_c (out, '\n');
	}
	g_autofree char *tmp = g_strdup_printf ("%s.tmp.%d", path, (int)getpid ());
	int fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		g_string_free (out, TRUE);
		return set_errno_error (error, errno, _ ("cannot create"), tmp);
	}
	gboolean ok = write_all (fd, out->str, out->len) && fsync (fd) == 0;
	int err = errno;
	g_string_free (out, TRUE);
	if (close (fd) != 0 && ok) {
		ok = FALSE;
		err = errno;
	}
	if (!ok || rename (tmp, path) != 0) {
		err = ok ? errno : err;
		g_unlink (tmp);
		return set_errno_error (error, err, _ ("cannot write"), path);
	}
	g_autofree char *dir = g_path_get_dirname (path);
	int dfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync (dfd);
		close (dfd);
	}
	return TRUE;
}

typedef void (*StoreEdit) (Store *s, gpointer data, guint *n_changed);

/* The read-modify-write cycle, under an exclusive lock on PATH.lock so that
 * two processes' edits are applied one after the other.  The lock file is
 * separate from the store because the store is replaced by rename. */
static gboolean
store_edit (const char *path, StoreEdit edit, gpointer data, guint *n_changed, GError **error)
{
	g_autofree char *dir = g_path_get_dirname (path);
	if (g_mkdir_with_parents (dir, 0700) != 0)
		return set_errno_error (error, errno, _ ("cannot create the directory"), dir);
	g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
	int lock_fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (lock_fd < 0)
		return set_errno_error (error, errno, _ ("cannot open"), lock_path);
	while (flock (lock_fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			int err = errno;
			close (lock_fd);
			return set_errno_error (error, err, _ ("cannot lock"), lock_path);
		}
	}
	Store s = { 0 };
	gboolean ok = store_read (path, &s, error);
	guint changed = 0;
	if (ok) {
		edit (&s, data, &changed);
		if (changed > 0)
			ok = store_write (path, &s, error);
	}
	store_clear (&s);
	close (lock_fd); /* releases the lock */
	if (n_changed != NULL)
		*n_changed = ok ? changed : 0;
	return ok;
}

static void
edit_add (Store *s, gpointer data, guint *n)
{
	GPtrArray *marks = data;
	for (guint i = 0; i < marks->len; i++) {
		const BvMark *m = marks->pdata[i];
		if (m->address[0] == '\0' || g_hash_table_contains (s->marks, m->address))
			continue;
		BvMark *copy = bv_mark_copy (m);
		g_hash_table_insert (s->marks, copy->address, copy);
		(*n)++;
	}
}

static void
edit_remove (Store *s, gpointer data, guint *n)
{
	const char *const *addresses = data;
	for (guint i = 0; addresses[i] != NULL; i++) {
		g_autofree char *a = bv_address_normalize (addresses[i]);
		if (g_hash_table_remove (s->marks, a))
			(*n)++;
	}
}

gboolean
bv_suppress_add (const char *path, GPtrArray *marks, guint *n_added, GError **error)
{
	return store_edit (path, edit_add, marks, n_added, error);
}

gboolean
bv_suppress_remove (const char *path, const char *const *addresses, guint *n_removed, GError **error)
{
	return store_edit (path, edit_remove, (gpointer)addresses, n_removed, error);
}
