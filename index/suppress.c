/* suppress.c: the suppression store (see suppress.h for the guarantees).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store starts with a comment line naming the format; lines starting
 * with '#' are comments.  A line that does not read as a mark is kept aside
 * and written back unchanged, so that a newer bounceview's marks or a
 * person's edit are never lost by an older one rewriting the file.
 *
 * The journal (PATH.journal) holds one record a line, escaped as tsv.h:
 *
 *   +  address cause date source note    mark (the store's columns)
 *   -  address                           remove the mark
 *   =  N                                 commit: the N records before it
 *                                        since the last commit are one change
 *
 * Records after the last commit belong to a change in progress or cut
 * short; readers skip them and the next writer cuts them off.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "index/outfile.h"
#include "index/suppress.h"
#include "index/tsv.h"

#define HEADER "# bounceview suppressions v1: address\tcause\tdate\tsource\tnote\n"
#define JOURNAL_HEADER "# bounceview suppressions journal v1\n"
/* The journal's second line after a compaction: "# sorted DEV INO SIZE
 * MTIME_NS END", the store file it follows, whose marks are sorted by
 * address up to byte END. */
#define SORTED_TAG "# sorted"
/* The journal is folded into the store past max(this, store size / 8). */
#define COMPACT_MIN (256 * 1024)
/* Times a reader starts again when the store is replaced while it reads. */
#define READ_ATTEMPTS 20

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
	/* The address is normalized already. */
	BvMark *c = g_new0 (BvMark, 1);
	c->address = g_strdup (m->address);
	c->cause = m->cause;
	c->date = m->date;
	c->source = m->source;
	c->note = g_strdup (m->note);
	return c;
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

static gboolean
same_mark (const BvMark *a, const BvMark *b)
{
	return a->cause == b->cause && a->date == b->date && a->source == b->source &&
	       strcmp (a->note, b->note) == 0;
}

/* ---- one line ---- */

static void G_GNUC_PRINTF (3, 4) warn_line (const char *file, guint line, const char *format, ...)
{
	va_list args;
	va_start (args, format);
	g_autofree char *message = g_strdup_vprintf (format, args);
	va_end (args);
	g_printerr ("bounceview: %s:%u: %s\n", file, line, message);
}

/* Whether @a (normalized) can be an address: something@something, no
 * white space. */
static gboolean
address_ok (const char *a)
{
	const char *at = strrchr (a, '@');
	return at != NULL && at != a && at[1] != '\0' && strpbrk (a, " \t\r\n") == NULL;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (gint64 y, guint m, guint d)
{
	y -= m <= 2;
	gint64 era = (y >= 0 ? y : y - 399) / 400;
	guint yoe = (guint)(y - era * 400);
	guint doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	guint doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (gint64)doe - 719468;
}

static gboolean
digits (const char *s, guint n, guint *out)
{
	guint v = 0;
	for (guint i = 0; i < n; i++) {
		if (!g_ascii_isdigit (s[i]))
			return FALSE;
		v = v * 10 + (guint)(s[i] - '0');
	}
	*out = v;
	return TRUE;
}

/* "2026-03-01" at midnight UTC; the fast path for the store's own
 * "2026-03-01T12:00:00Z" too. */
static gboolean
parse_simple_date (const char *s, gint64 *out)
{
	gsize len = strlen (s);
	guint y, mo, d, h = 0, mi = 0, se = 0;
	if (len < 10 || !digits (s, 4, &y) || s[4] != '-' || !digits (s + 5, 2, &mo) || s[7] != '-' ||
	    !digits (s + 8, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > 31)
		return FALSE;
	if (len == 20) {
		if (s[10] != 'T' || !digits (s + 11, 2, &h) || s[13] != ':' || !digits (s + 14, 2, &mi) ||
		    s[16] != ':' || !digits (s + 17, 2, &se) || s[19] != 'Z' || h > 23 || mi > 59 || se > 60)
			return FALSE;
	} else if (len != 10) {
		return FALSE;
	}
	*out = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
	return TRUE;
}

/* A date as people write one: ISO 8601 with or without a time or zone
 * (UTC when none), "T" or a space between date and time. */
static gboolean
parse_date (const char *s, gint64 *out)
{
	if (parse_simple_date (s, out))
		return TRUE;
	/* GLib wants the seconds: "2026-03-01 12:00" gets ":00". */
	g_autofree char *t = strlen (s) == 16 ? g_strconcat (s, ":00", NULL) : g_strdup (s);
	if (strlen (t) > 10 && t[10] == ' ')
		t[10] = 'T';
	g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
	g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (t, utc);
	if (dt == NULL)
		return FALSE;
	*out = g_date_time_to_unix (dt);
	return TRUE;
}

static gboolean
is_time (const char *s)
{
	guint h, m;
	return strlen (s) >= 5 && digits (s, 2, &h) && s[2] == ':' && digits (s + 3, 2, &m);
}

/* Splits a line written with runs of spaces instead of tabs. */
static char **
split_spaces (const char *line, gsize len)
{
	g_autofree char *copy = g_strndup (line, len);
	g_auto (GStrv) parts = g_strsplit_set (copy, " \t", -1);
	GPtrArray *out = g_ptr_array_new ();
	for (guint i = 0; parts[i] != NULL; i++)
		if (parts[i][0] != '\0')
			g_ptr_array_add (out, g_utf8_make_valid (parts[i], -1));
	g_ptr_array_add (out, NULL);
	return (char **)g_ptr_array_free (out, FALSE);
}

static gboolean plain_address (const char *field, gsize len);

/* The store's own line, as bounceview writes it: five columns, nothing
 * escaped, the address already normalized.  Read without copying each
 * column, since a store may hold a million of them; NULL for any other
 * line, which parse_line() reads the slow way. */
static BvMark *
parse_canonical (const char *line, gsize len)
{
	const char *col[5];
	gsize clen[5];
	const char *p = line, *end = line + len;
	for (guint i = 0; i < 5; i++) {
		const char *tab = i < 4 ? memchr (p, '\t', end - p) : end;
		if (tab == NULL)
			return NULL;
		col[i] = p;
		clen[i] = tab - p;
		p = tab + 1;
	}
	char date[24], cause_id[32];
	if (memchr (line, '\\', len) != NULL || memchr (col[4], '\t', clen[4]) != NULL ||
	    !plain_address (col[0], clen[0]) || clen[2] != 20 || clen[1] >= sizeof cause_id ||
	    !g_utf8_validate (col[4], clen[4], NULL))
		return NULL;
	memcpy (date, col[2], 20);
	date[20] = '\0';
	memcpy (cause_id, col[1], clen[1]);
	cause_id[clen[1]] = '\0';
	BvMark *m = g_new0 (BvMark, 1);
	if (!parse_simple_date (date, &m->date) || !bv_cause_from_id (cause_id, &m->cause)) {
		g_free (m);
		return NULL;
	}
	if (clen[3] == 4 && memcmp (col[3], "hand", 4) == 0)
		m->source = BV_MARK_BY_HAND;
	else if (clen[3] == 6 && memcmp (col[3], "policy", 6) == 0)
		m->source = BV_MARK_BY_POLICY;
	else {
		g_free (m);
		return NULL;
	}
	m->address = g_strndup (col[0], clen[0]);
	m->note = g_strndup (col[4], clen[4]);
	return m;
}

/* Reads one line of the store as a mark, tolerating what a person writes
 * by hand (see suppress.h); NULL with *@problem set (a static, translated
 * reason) when the line has no address first. */
static BvMark *
parse_line (const char *line, gsize len, const char **problem)
{
	BvMark *fast = parse_canonical (line, len);
	if (fast != NULL)
		return fast;
	gboolean tabs = memchr (line, '\t', len) != NULL;
	g_auto (GStrv) f = tabs ? bv_tsv_split (line, len) : split_spaces (line, len);
	guint n = g_strv_length (f);
	for (guint i = 0; i < n; i++)
		g_strstrip (f[i]);
	g_autofree char *address = n > 0 ? bv_address_normalize (f[0]) : g_strdup ("");
	if (!address_ok (address)) {
		*problem = _ ("no address in the first column");
		return NULL;
	}
	BvCause cause = BV_CAUSE_UNDEFINED;
	gint64 date = 0;
	BvMarkSource source = BV_MARK_BY_HAND;
	guint i = 1;
	/* The store's own layout: every column in its place (a cause this
	 * version does not know reads as undefined). */
	if (tabs && n >= 4 && parse_date (f[2], &date) &&
	    (strcmp (f[3], "hand") == 0 || strcmp (f[3], "policy") == 0)) {
		if (!bv_cause_from_id (f[1], &cause))
			cause = BV_CAUSE_UNDEFINED;
		source = strcmp (f[3], "policy") == 0 ? BV_MARK_BY_POLICY : BV_MARK_BY_HAND;
		i = 4;
	} else {
		/* By hand: the columns that are there, in order, the rest a
		 * note. */
		if (i < n && bv_cause_from_id (f[i], &cause))
			i++;
		if (i < n && parse_date (f[i], &date)) {
			/* "2026-03-01 12:00" split at the space. */
			gint64 with_time;
			if (i + 1 < n && is_time (f[i + 1])) {
				g_autofree char *both = g_strconcat (f[i], " ", f[i + 1], NULL);
				if (parse_date (both, &with_time)) {
					date = with_time;
					i++;
				}
			}
			i++;
		}
		if (i < n && (strcmp (f[i], "hand") == 0 || strcmp (f[i], "policy") == 0)) {
			source = strcmp (f[i], "policy") == 0 ? BV_MARK_BY_POLICY : BV_MARK_BY_HAND;
			i++;
		}
	}
	g_autofree char *note = i < n ? g_strjoinv (tabs ? "\t" : " ", f + i) : g_strdup ("");
	return bv_mark_new (address, cause, date, source, note);
}

/* Writes @t as "2026-03-01T12:00:00Z" (H. Hinnant's civil_from_days);
 * dates outside years 1-9999 as the epoch. */
static void
format_date (gint64 t, char *out, gsize size)
{
	if (t < -62135596800 || t > 253402300799)
		t = 0;
	gint64 days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	gint64 secs = t - days * 86400;
	gint64 z = days + 719468;
	gint64 era = (z >= 0 ? z : z - 146096) / 146097;
	guint doe = (guint)(z - era * 146097);
	guint yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	gint64 y = (gint64)yoe + era * 400;
	guint doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	guint mp = (5 * doy + 2) / 153;
	guint d = doy - (153 * mp + 2) / 5 + 1;
	guint m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	g_snprintf (out, size, "%04d-%02u-%02uT%02d:%02d:%02dZ", (int)y, m, d, (int)(secs / 3600),
	            (int)(secs / 60 % 60), (int)(secs % 60));
}

static char *
format_record (const BvMark *m)
{
	GString *line = g_string_new (NULL);
	char date[32];
	format_date (m->date, date, sizeof date);
	bv_tsv_append (line, m->address, 0);
	g_string_append_c (line, '\t');
	bv_tsv_append (line, bv_cause_id (m->cause), 0);
	g_string_append_c (line, '\t');
	g_string_append (line, date);
	g_string_append_c (line, '\t');
	g_string_append (line, bv_mark_source_id (m->source));
	g_string_append_c (line, '\t');
	bv_tsv_append (line, m->note, 0);
	return g_string_free (line, FALSE);
}

/* ---- the store file ---- */

/* The store as read: the marks and the lines kept as they were. */
typedef struct {
	GHashTable *marks; /* address -> BvMark* */
	GPtrArray *other;  /* of char*: lines that are not marks */
} Store;

static GHashTable *
new_mark_table (void)
{
	return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)bv_mark_free);
}

static void
store_init (Store *s)
{
	s->marks = new_mark_table ();
	s->other = g_ptr_array_new_with_free_func (g_free);
}

static void
store_clear (Store *s)
{
	g_clear_pointer (&s->marks, g_hash_table_unref);
	g_clear_pointer (&s->other, g_ptr_array_unref);
}

/* Calls @fn for every line of @data (without its newline or a CR before
 * it) with its 1-based number; a last line without a newline included. */
typedef void (*LineFunc) (const char *line, gsize len, guint number, gpointer user);

static void
for_each_line (const char *data, gsize len, LineFunc fn, gpointer user)
{
	const char *p = data, *end = data + len;
	guint number = 0;
	while (p < end) {
		const char *nl = memchr (p, '\n', end - p);
		const char *le = nl != NULL ? nl : end;
		gsize ll = le - p;
		if (ll > 0 && p[ll - 1] == '\r')
			ll--;
		fn (p, ll, ++number, user);
		p = le + 1;
	}
}

typedef struct {
	Store *store;
	const char *file; /* for warnings; NULL: quiet */
} StoreParse;

static gboolean
blank (const char *line, gsize len)
{
	for (gsize i = 0; i < len; i++)
		if (!g_ascii_isspace (line[i]))
			return FALSE;
	return TRUE;
}

static void
store_line (const char *line, gsize len, guint number, gpointer user)
{
	StoreParse *sp = user;
	if (blank (line, len) || line[0] == '#')
		return;
	const char *problem = NULL;
	BvMark *m = parse_line (line, len, &problem);
	if (m == NULL) {
		if (sp->file != NULL)
			warn_line (sp->file, number,
			           _ ("not a mark (%s): not applied, kept in the file as it is"), problem);
		g_ptr_array_add (sp->store->other, g_strndup (line, len));
		return;
	}
	const BvMark *first = g_hash_table_lookup (sp->store->marks, m->address);
	if (first == NULL) {
		g_hash_table_insert (sp->store->marks, m->address, m);
		return;
	}
	/* The first mark of an address wins; a copy of it is nothing to
	 * mention, a different one is. */
	if (sp->file != NULL && !same_mark (first, m))
		warn_line (sp->file, number, _ ("%s is marked on an earlier line: this line is not used"),
		           m->address);
	bv_mark_free (m);
}

/* ---- the journal ---- */

typedef enum { OP_ADD, OP_REMOVE } OpKind;

typedef struct {
	OpKind kind;
	BvMark *mark;  /* OP_ADD */
	char *address; /* OP_REMOVE */
} Op;

static void
op_free (gpointer p)
{
	Op *op = p;
	bv_mark_free (op->mark);
	g_free (op->address);
	g_free (op);
}

static void
apply_op (GHashTable *marks, const Op *op)
{
	if (op->kind == OP_REMOVE) {
		g_hash_table_remove (marks, op->address);
	} else if (!g_hash_table_contains (marks, op->mark->address)) {
		BvMark *copy = bv_mark_copy (op->mark);
		g_hash_table_insert (marks, copy->address, copy);
	}
}

/* Reads the journal text @data (from offset @base of the file), applying
 * each committed change to @marks; returns the offset after the last
 * commit. */
static gsize
journal_apply (GHashTable *marks, const char *file, const char *data, gsize len, gsize base)
{
	/* The records since the last commit, and whether one of them could
	 * not be read. */
	g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func (op_free);
	gboolean damaged = FALSE;
	gsize committed = 0;
	const char *p = data, *end = data + len;
	guint number = 0;
	while (p < end) {
		const char *nl = memchr (p, '\n', end - p);
		if (nl == NULL)
			break; /* a record cut short: not committed */
		gsize ll = nl - p;
		number++;
		if (ll >= 2 && p[1] == '\t' && (p[0] == '+' || p[0] == '-')) {
			Op *op = g_new0 (Op, 1);
			const char *problem = NULL;
			if (p[0] == '+') {
				op->kind = OP_ADD;
				op->mark = parse_line (p + 2, ll - 2, &problem);
			} else {
				g_auto (GStrv) f = bv_tsv_split (p + 2, ll - 2);
				op->kind = OP_REMOVE;
				op->address = bv_address_normalize (f[0]);
			}
			if (op->kind == OP_ADD && op->mark == NULL) {
				damaged = TRUE;
				op_free (op);
			} else {
				g_ptr_array_add (pending, op);
			}
		} else if (ll >= 2 && p[0] == '=' && p[1] == '\t') {
			g_autofree char *count = g_strndup (p + 2, ll - 2);
			guint64 n = g_ascii_strtoull (count, NULL, 10);
			if (!damaged && n == pending->len) {
				for (guint i = 0; i < pending->len; i++)
					apply_op (marks, pending->pdata[i]);
			} else if (file != NULL) {
				warn_line (file, number, _ ("a damaged change in the journal: not applied"));
			}
			g_ptr_array_set_size (pending, 0);
			damaged = FALSE;
			committed = (nl + 1) - data;
		} else if (ll > 0 && p[0] == '#') {
			/* The header: kept by writers, like a commit. */
			if (pending->len == 0 && !damaged)
				committed = (nl + 1) - data;
		} else if (ll != 0) {
			damaged = TRUE;
		}
		p = nl + 1;
	}
	return base + committed;
}

/* ---- reading both ---- */

static char *
journal_path (const char *store)
{
	return g_strconcat (store, ".journal", NULL);
}

static gboolean
set_errno_error (GError **error, int err, const char *what, const char *path)
{
	g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err), "%s %s: %s", what, path,
	             g_strerror (err));
	return FALSE;
}

/* Reads all of @fd from @offset; NULL with @error set on failure. */
static char *
read_fd_from (int fd, gsize offset, gsize *len, const char *path, GError **error)
{
	GString *out = g_string_new (NULL);
	char buf[65536];
	for (;;) {
		ssize_t n = pread (fd, buf, sizeof buf, (off_t)(offset + out->len));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			set_errno_error (error, errno, _ ("cannot read"), path);
			g_string_free (out, TRUE);
			return NULL;
		}
		if (n == 0)
			break;
		g_string_append_len (out, buf, n);
	}
	*len = out->len;
	return g_string_free (out, FALSE);
}

/* Opens @path for reading; -1 with errno ENOENT when it is not there. */
static int
open_read (const char *path)
{
	return g_open (path, O_RDONLY | O_CLOEXEC, 0);
}

static void
remember_identity (BvSuppressView *v, const struct stat *st)
{
	v->store_dev = st != NULL ? st->st_dev : 0;
	v->store_ino = st != NULL ? st->st_ino : 0;
	v->store_size = st != NULL ? (guint64)st->st_size : 0;
	v->store_mtime =
	        st != NULL ? (gint64)st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000 : 0;
}

static gboolean
same_identity (const BvSuppressView *a, const BvSuppressView *b)
{
	return a->store_dev == b->store_dev && a->store_ino == b->store_ino &&
	       a->store_size == b->store_size && a->store_mtime == b->store_mtime;
}

/* The store's identity now (zero when there is none). */
static gboolean
stat_store (const char *path, BvSuppressView *out, GError **error)
{
	struct stat st;
	if (stat (path, &st) != 0) {
		if (errno != ENOENT)
			return set_errno_error (error, errno, _ ("cannot read"), path);
		remember_identity (out, NULL);
		return TRUE;
	}
	remember_identity (out, &st);
	return TRUE;
}

/* One attempt at reading the store and the journal into @s and @v. */
static gboolean
read_once (const char *path, gboolean warn, Store *s, BvSuppressView *v, GError **error)
{
	int fd = open_read (path);
	if (fd < 0 && errno != ENOENT)
		return set_errno_error (error, errno, _ ("cannot read"), path);
	if (fd >= 0) {
		struct stat st;
		if (fstat (fd, &st) != 0) {
			int err = errno;
			close (fd);
			return set_errno_error (error, err, _ ("cannot read"), path);
		}
		if (!S_ISREG (st.st_mode)) {
			close (fd);
			g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _ ("%s: not a regular file"),
			             path);
			return FALSE;
		}
		remember_identity (v, &st);
		gsize len = 0;
		g_autofree char *data = read_fd_from (fd, 0, &len, path, error);
		close (fd);
		if (data == NULL)
			return FALSE;
		StoreParse sp = { s, warn ? path : NULL };
		for_each_line (data, len, store_line, &sp);
	} else {
		remember_identity (v, NULL);
	}
	g_autofree char *jpath = journal_path (path);
	int jfd = open_read (jpath);
	v->journal_end = 0;
	if (jfd < 0)
		return errno == ENOENT || set_errno_error (error, errno, _ ("cannot read"), jpath);
	gsize len = 0;
	g_autofree char *data = read_fd_from (jfd, 0, &len, jpath, error);
	close (jfd);
	if (data == NULL)
		return FALSE;
	v->journal_end = journal_apply (s->marks, warn ? jpath : NULL, data, len, 0);
	return TRUE;
}

/* Reads the store and its journal; starts again when the store was
 * replaced meanwhile (a writer folded the journal in and emptied it). */
static gboolean
read_all (const char *path, gboolean warn, Store *s, BvSuppressView *v, GError **error)
{
	for (guint attempt = 0;; attempt++) {
		store_init (s);
		if (!read_once (path, warn, s, v, error)) {
			store_clear (s);
			return FALSE;
		}
		BvSuppressView now = { 0 };
		if (!stat_store (path, &now, error)) {
			store_clear (s);
			return FALSE;
		}
		if (same_identity (&now, v) || attempt + 1 >= READ_ATTEMPTS)
			return TRUE;
		store_clear (s);
		warn = FALSE; /* said once already */
	}
}

gboolean
bv_suppress_view_load (BvSuppressView *view, const char *path, GError **error)
{
	g_autofree char *target = bv_outfile_resolve (path, error);
	if (target == NULL)
		return FALSE;
	Store s = { 0 };
	BvSuppressView v = { 0 };
	if (!read_all (target, TRUE, &s, &v, error))
		return FALSE;
	g_ptr_array_unref (s.other);
	bv_suppress_view_clear (view);
	*view = v;
	view->marks = s.marks;
	return TRUE;
}

gboolean
bv_suppress_view_refresh (BvSuppressView *view, const char *path, GError **error)
{
	if (view->marks == NULL)
		return bv_suppress_view_load (view, path, error);
	g_autofree char *target = bv_outfile_resolve (path, error);
	if (target == NULL)
		return FALSE;
	BvSuppressView now = { 0 };
	if (!stat_store (target, &now, error))
		return FALSE;
	if (!same_identity (&now, view))
		return bv_suppress_view_load (view, path, error);
	g_autofree char *jpath = journal_path (target);
	int jfd = open_read (jpath);
	if (jfd < 0) {
		if (errno != ENOENT)
			return set_errno_error (error, errno, _ ("cannot read"), jpath);
		return view->journal_end == 0 || bv_suppress_view_load (view, path, error);
	}
	struct stat st;
	if (fstat (jfd, &st) != 0 || (guint64)st.st_size < view->journal_end) {
		close (jfd);
		return bv_suppress_view_load (view, path, error);
	}
	gsize len = 0;
	g_autofree char *data = read_fd_from (jfd, view->journal_end, &len, jpath, error);
	close (jfd);
	if (data == NULL)
		return FALSE;
	/* Applied to a copy of nothing: the records go straight into the
	 * view, which is what a reload would give, as replaying is
	 * idempotent. */
	gsize end = journal_apply (view->marks, jpath, data, len, view->journal_end);
	/* The store replaced while we read the journal: the offset may
	 * belong to the journal before it was emptied. */
	BvSuppressView after = { 0 };
	if (!stat_store (target, &after, error))
		return FALSE;
	if (!same_identity (view, &after))
		return bv_suppress_view_load (view, path, error);
	view->journal_end = end;
	return TRUE;
}

void
bv_suppress_view_clear (BvSuppressView *view)
{
	g_clear_pointer (&view->marks, g_hash_table_unref);
	memset (view, 0, sizeof *view);
}

GHashTable *
bv_suppress_load (const char *path, GError **error)
{
	BvSuppressView v = { 0 };
	if (!bv_suppress_view_load (&v, path, error))
		return NULL;
	return g_steal_pointer (&v.marks);
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
	GPtrArray *out = g_ptr_array_new_full (g_hash_table_size (table), (GDestroyNotify)bv_mark_free);
	GHashTableIter it;
	gpointer value;
	g_hash_table_iter_init (&it, table);
	while (g_hash_table_iter_next (&it, NULL, &value))
		g_ptr_array_add (out, bv_mark_copy (value));
	g_ptr_array_sort (out, compare_marks);
	return out;
}

/* ---- writing ---- */

/* Bytes that may stand in an address exactly as the store writes it:
 * printable ASCII but for capitals, '\\', '<' and '>'. */
static gboolean
plain_byte (guchar c)
{
	return c > 0x20 && c < 0x7f && c != '\\' && c != '<' && c != '>' && !g_ascii_isupper (c);
}

/* Whether @field (@len bytes) is an address exactly as the store writes
 * it, so that a line starting with it needs no parsing to be recognized. */
static gboolean
plain_address (const char *field, gsize len)
{
	static gboolean table[256];
	static gsize ready = 0;
	if (g_once_init_enter (&ready)) {
		for (guint c = 0; c < 256; c++)
			table[c] = plain_byte ((guchar)c);
		g_once_init_leave (&ready, 1);
	}
	gboolean at = FALSE;
	for (gsize i = 0; i < len; i++) {
		guchar c = field[i];
		if (!table[c])
			return FALSE;
		at |= c == '@';
	}
	return at && field[0] != '@' && field[len - 1] != '@';
}

/* Longest address looked up without parsing its line. */
#define KEY_MAX 512

typedef struct {
	GHashTable *wanted; /* set of normalized addresses */
	GHashTable *found;  /* address -> BvMark*: their marks in the store */
	/* The lengths of the wanted addresses, to pass over most lines
	 * without hashing them. */
	guint8 lengths[KEY_MAX / 8];
} Scan;

static void
scan_line (const char *line, gsize len, guint number, gpointer user)
{
	Scan *sc = user;
	if (len == 0 || line[0] == '#')
		return;
	const char *tab = memchr (line, '\t', len);
	gsize flen = tab != NULL ? (gsize)(tab - line) : len;
	if (flen < KEY_MAX && plain_address (line, flen)) {
		/* The line's address is exactly its first column. */
		if (!(sc->lengths[flen / 8] & (1u << (flen % 8))))
			return;
		char key[KEY_MAX];
		memcpy (key, line, flen);
		key[flen] = '\0';
		if (!g_hash_table_contains (sc->wanted, key) || g_hash_table_contains (sc->found, key))
			return;
	}
	const char *problem;
	BvMark *m = parse_line (line, len, &problem);
	if (m != NULL && g_hash_table_contains (sc->wanted, m->address) &&
	    !g_hash_table_contains (sc->found, m->address))
		g_hash_table_insert (sc->found, m->address, m);
	else
		bv_mark_free (m);
}

/* Where the sorted marks of the store at @path (@size bytes) end, when the
 * journal @data says the store is the file a compaction wrote; -1 when it
 * is not (edited since, or written by an older bounceview). */
static gint64
sorted_store_end (const char *path, const char *data, gsize len, gsize size)
{
	if (data == NULL)
		return -1;
	const char *line = memchr (data, '\n', len);
	if (line == NULL || !g_str_has_prefix (line + 1, SORTED_TAG " "))
		return -1;
	guint64 dev, ino;
	gint64 fsize, mtime, end;
	if (sscanf (line + 1 + strlen (SORTED_TAG " "),
	            "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
	            " %" G_GINT64_FORMAT,
	            &dev, &ino, &fsize, &mtime, &end) != 5)
		return -1;
	struct stat st;
	if (stat (path, &st) != 0 || (guint64)st.st_dev != dev || (guint64)st.st_ino != ino ||
	    (gint64)st.st_size != fsize || (gint64)size != fsize ||
	    (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec != mtime || end <= 0 || end > fsize)
		return -1;
	return end;
}

/* Compares the address of the store line at @line (up to @end) with
 * @key, as strcmp() sorted them. */
static int
compare_line_address (const char *line, const char *end, const char *key)
{
	const char *tab = memchr (line, '\t', end - line);
	gsize flen = tab != NULL ? (gsize)(tab - line) : (gsize)(end - line);
	if (memchr (line, '\\', flen) != NULL) {
		/* Escaped: compare what it stands for. */
		g_auto (GStrv) f = bv_tsv_split (line, flen);
		return strcmp (f[0], key);
	}
	gsize klen = strlen (key);
	int c = memcmp (line, key, MIN (flen, klen));
	return c != 0 ? c : (flen > klen) - (flen < klen);
}

/* Finds the marks of @wanted in the sorted part of a store written by a
 * compaction (@data, sorted marks up to @end) by bisection. */
static void
bisect_store (const char *data, gsize end, GHashTable *wanted, GHashTable *found)
{
	const char *first = memchr (data, '\n', end);
	if (first == NULL)
		return;
	GHashTableIter it;
	gpointer key;
	g_hash_table_iter_init (&it, wanted);
	while (g_hash_table_iter_next (&it, &key, NULL)) {
		gsize lo = (first + 1) - data, hi = end;
		while (lo < hi) {
			gsize mid = lo + (hi - lo) / 2;
			while (mid > lo && data[mid - 1] != '\n')
				mid--;
			const char *nl = memchr (data + mid, '\n', end - mid);
			const char *le = nl != NULL ? nl : data + end;
			int c = compare_line_address (data + mid, le, key);
			if (c == 0) {
				const char *problem;
				BvMark *m = parse_line (data + mid, le - (data + mid), &problem);
				if (m != NULL && !g_hash_table_contains (found, m->address))
					g_hash_table_insert (found, m->address, m);
				else
					bv_mark_free (m);
				break;
			}
			if (c < 0)
				lo = (le - data) + 1;
			else
				hi = mid;
		}
	}
}

/* The current marks of the addresses in @wanted (store and journal), read
 * under the lock without parsing the lines of the other addresses. */
static gboolean
lookup_marks (const char *path, GHashTable *wanted, GHashTable *found, gsize *journal_end, GError **error)
{
	g_autoptr (GMappedFile) file = NULL;
	GError *e = NULL;
	file = g_mapped_file_new (path, FALSE, &e);
	if (file == NULL && !g_error_matches (e, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
		g_propagate_error (error, e);
		return FALSE;
	}
	g_clear_error (&e);
	g_autofree char *jpath = journal_path (path);
	g_autofree char *data = NULL;
	gsize len = 0;
	if (!g_file_get_contents (jpath, &data, &len, &e)) {
		if (!g_error_matches (e, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
			g_propagate_error (error, e);
			return FALSE;
		}
		g_clear_error (&e);
	}
	gint64 sorted_end =
	        file != NULL ? sorted_store_end (path, data, len, g_mapped_file_get_length (file)) : -1;
	if (sorted_end > 0) {
		bisect_store (g_mapped_file_get_contents (file), (gsize)sorted_end, wanted, found);
	} else if (file != NULL && g_mapped_file_get_length (file) > 0) {
		Scan sc = { wanted, found, { 0 } };
		GHashTableIter it;
		gpointer key;
		g_hash_table_iter_init (&it, wanted);
		while (g_hash_table_iter_next (&it, &key, NULL)) {
			gsize n = strlen (key);
			if (n < KEY_MAX)
				sc.lengths[n / 8] |= 1u << (n % 8);
		}
		for_each_line (g_mapped_file_get_contents (file), g_mapped_file_get_length (file), scan_line,
		               &sc);
	}
	*journal_end = data != NULL ? journal_apply (found, NULL, data, len, 0) : 0;
	return TRUE;
}

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

/* Appends @records (complete lines, @n of them) and their commit line to
 * the journal of @path, after cutting off what follows the last commit
 * (@committed); synced before returning. */
static gboolean
journal_append (const char *path, gsize committed, const GString *records, guint n, GError **error)
{
	g_autofree char *jpath = journal_path (path);
	int fd = g_open (jpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return set_errno_error (error, errno, _ ("cannot write"), jpath);
	struct stat st, store;
	gboolean ok = fstat (fd, &st) == 0;
	/* A new journal is as readable as the store it belongs to. */
	if (ok && st.st_size == 0 && stat (path, &store) == 0) {
		if (fchown (fd, store.st_uid, store.st_gid) == 0)
			fchmod (fd, store.st_mode & 0666);
	}
	if (ok && (gsize)st.st_size != committed)
		ok = ftruncate (fd, (off_t)committed) == 0;
	g_autoptr (GString) out = g_string_new (committed == 0 ? JOURNAL_HEADER : "");
	g_string_append_len (out, records->str, records->len);
	g_string_append_printf (out, "=\t%u\n", n);
	/* One write: a kill cuts it short at worst, and a change without
	 * its commit line is not applied. */
	ok = ok && lseek (fd, (off_t)committed, SEEK_SET) >= 0 && write_all (fd, out->str, out->len) &&
	     fsync (fd) == 0;
	int err = errno;
	close (fd);
	if (!ok)
		return set_errno_error (error, err, _ ("cannot write"), jpath);
	return TRUE;
}

/* The store being written, and where its sorted marks end. */
typedef struct {
	Store *store;
	gint64 sorted_end;
} StoreWrite;

static gboolean
write_store (FILE *out, gpointer user, GError **error)
{
	StoreWrite *w = user;
	Store *s = w->store;
	fputs (HEADER, out);
	/* Borrowed: the marks stay the store's. */
	g_autoptr (GPtrArray) sorted = g_ptr_array_sized_new (g_hash_table_size (s->marks));
	GHashTableIter it;
	gpointer value;
	g_hash_table_iter_init (&it, s->marks);
	while (g_hash_table_iter_next (&it, NULL, &value))
		g_ptr_array_add (sorted, value);
	g_ptr_array_sort (sorted, compare_marks);
	for (guint i = 0; i < sorted->len; i++) {
		g_autofree char *line = format_record (sorted->pdata[i]);
		fputs (line, out);
		fputc ('\n', out);
	}
	w->sorted_end = ftell (out);
	for (guint i = 0; i < s->other->len; i++) {
		fputs (s->other->pdata[i], out);
		fputc ('\n', out);
	}
	return TRUE;
}

/* Folds the journal into a new store file and empties the journal; under
 * the lock. */
static gboolean
compact_locked (const char *path, GError **error)
{
	Store s = { 0 };
	BvSuppressView v = { 0 };
	if (!read_all (path, FALSE, &s, &v, error))
		return FALSE;
	StoreWrite w = { &s, -1 };
	gboolean ok =
	        bv_outfile_write (path, BV_OUTFILE_PRIVATE | BV_OUTFILE_REGULAR_ONLY, write_store, &w, error);
	store_clear (&s);
	if (!ok)
		return FALSE;
	/* Killed here, the journal is replayed over a store that holds it
	 * already, which changes nothing. */
	g_autofree char *jpath = journal_path (path);
	int fd = g_open (jpath, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return set_errno_error (error, errno, _ ("cannot write"), jpath);
	/* The emptied journal says which store file it follows and that its
	 * marks are sorted, so that a change can find its addresses there by
	 * bisection; any other store file (edited by hand) is read whole. */
	g_autoptr (GString) head = g_string_new (JOURNAL_HEADER);
	struct stat st;
	if (w.sorted_end > 0 && stat (path, &st) == 0)
		g_string_append_printf (
		        head,
		        SORTED_TAG " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
		                   " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
		        (guint64)st.st_dev, (guint64)st.st_ino, (gint64)st.st_size,
		        (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec, w.sorted_end);
	ok = ftruncate (fd, 0) == 0 && write_all (fd, head->str, head->len) && fsync (fd) == 0;
	int err = errno;
	close (fd);
	return ok || set_errno_error (error, err, _ ("cannot write"), jpath);
}

static gboolean
compact_if_due (const char *path, GError **error)
{
	g_autofree char *jpath = journal_path (path);
	struct stat js, ss;
	if (stat (jpath, &js) != 0)
		return TRUE;
	guint64 limit = MAX ((guint64)COMPACT_MIN, stat (path, &ss) == 0 ? (guint64)ss.st_size / 8 : 0);
	if ((guint64)js.st_size <= limit)
		return TRUE;
	return compact_locked (path, error);
}

typedef gboolean (*LockedFunc) (const char *path, gpointer data, guint *n_changed, GError **error);

/* Runs @fn under an exclusive lock on PATH.lock so that two processes'
 * changes are applied one after the other.  The lock file is separate from
 * the store because the store is replaced by rename.  @path is resolved
 * first: the lock and journal are those of the file a link points to. */
static gboolean
with_lock (const char *path, LockedFunc fn, gpointer data, guint *n_changed, GError **error)
{
	g_autofree char *target = bv_outfile_resolve (path, error);
	if (target == NULL)
		return FALSE;
	g_autofree char *dir = g_path_get_dirname (target);
	if (g_mkdir_with_parents (dir, 0700) != 0)
		return set_errno_error (error, errno, _ ("cannot create the directory"), dir);
	g_autofree char *lock_path = g_strconcat (target, ".lock", NULL);
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
	/* What a run killed while rewriting the store left behind. */
	bv_outfile_remove_stale (target);
	guint changed = 0;
	gboolean ok = fn (target, data, &changed, error);
	close (lock_fd); /* releases the lock */
	if (n_changed != NULL)
		*n_changed = ok ? changed : 0;
	return ok;
}

/* The set of normalized addresses of @marks or @addresses. */
static GHashTable *
wanted_set (GPtrArray *marks, const char *const *addresses)
{
	GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; marks != NULL && i < marks->len; i++)
		g_hash_table_add (set, bv_address_normalize (((BvMark *)marks->pdata[i])->address));
	for (guint i = 0; addresses != NULL && addresses[i] != NULL; i++)
		g_hash_table_add (set, bv_address_normalize (addresses[i]));
	return set;
}

/* Writes the journal records of one change to @records, given the current
 * marks of the addresses concerned (@found), counting them in *@n. */
typedef void (*RecordsFunc) (GHashTable *wanted, GHashTable *found, gpointer data, GString *records,
                             guint *n);

/* One change under the lock: looks up the marks of @wanted, lets @fn say
 * what changes, appends that to the journal and folds it in when due. */
static gboolean
change_locked (const char *path, GHashTable *wanted, RecordsFunc fn, gpointer data, guint *n, GError **error)
{
	g_autoptr (GHashTable) found = new_mark_table ();
	gsize committed = 0;
	if (!lookup_marks (path, wanted, found, &committed, error))
		return FALSE;
	g_autoptr (GString) records = g_string_new (NULL);
	fn (wanted, found, data, records, n);
	if (*n == 0)
		return TRUE;
	return journal_append (path, committed, records, *n, error) && compact_if_due (path, error);
}

static void
add_records (GHashTable *wanted, GHashTable *found, gpointer data, GString *records, guint *n)
{
	GPtrArray *marks = data;
	for (guint i = 0; i < marks->len; i++) {
		const BvMark *m = marks->pdata[i];
		if (m->address[0] == '\0' || g_hash_table_contains (found, m->address))
			continue;
		BvMark *copy = bv_mark_copy (m);
		g_hash_table_insert (found, copy->address, copy); /* once per command */
		g_autofree char *line = format_record (m);
		g_string_append_printf (records, "+\t%s\n", line);
		(*n)++;
	}
}

static void
remove_records (GHashTable *wanted, GHashTable *found, gpointer data, GString *records, guint *n)
{
	GHashTableIter it;
	gpointer key;
	g_hash_table_iter_init (&it, wanted);
	while (g_hash_table_iter_next (&it, &key, NULL)) {
		if (!g_hash_table_contains (found, key))
			continue;
		g_string_append (records, "-\t");
		bv_tsv_append (records, key, 0);
		g_string_append_c (records, '\n');
		(*n)++;
	}
}

static gboolean
add_locked (const char *path, gpointer data, guint *n, GError **error)
{
	g_autoptr (GHashTable) wanted = wanted_set (data, NULL);
	return change_locked (path, wanted, add_records, data, n, error);
}

static gboolean
remove_locked (const char *path, gpointer data, guint *n, GError **error)
{
	g_autoptr (GHashTable) wanted = wanted_set (NULL, data);
	return change_locked (path, wanted, remove_records, NULL, n, error);
}

static gboolean
compact_cb (const char *path, gpointer data, guint *n, GError **error)
{
	return compact_locked (path, error);
}

gboolean
bv_suppress_add (const char *path, GPtrArray *marks, guint *n_added, GError **error)
{
	return with_lock (path, add_locked, marks, n_added, error);
}

gboolean
bv_suppress_remove (const char *path, const char *const *addresses, guint *n_removed, GError **error)
{
	return with_lock (path, remove_locked, (gpointer)addresses, n_removed, error);
}

gboolean
bv_suppress_compact (const char *path, GError **error)
{
	return with_lock (path, compact_cb, NULL, NULL, error);
}
