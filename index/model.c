/* model.c: the in-memory picture of a Maildir's bounces (see model.h).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading runs one notmuch query (the messages with
 * property:bounceview.bounced=1 under the Maildir) and reads each message's
 * date and cached report; the database is closed again right after, so the
 * model never holds notmuch open while the user browses.  Each bounce becomes
 * one compact record whose repeated strings (addresses, domains, codes,
 * months) are interned once; every query is then a pass over the records in
 * memory, which at 100,000 records takes milliseconds.  The records are
 * also saved to a snapshot file (snapshot.h) read instead of notmuch while
 * the database has not changed.
 *
 * Policy (bv_model_proposals()): the rule is index/policy.h's; the model
 * feeds it each address's bounces and keeps the deciding one as evidence.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "index/cache.h"
#include "index/database.h"
#include "index/model.h"
#include "index/policy.h"
#include "index/settings.h"
#include "index/snapshot.h"
#include "index/suppress.h"

typedef struct {
	const char *address;    /* interned */
	const char *domain;     /* interned */
	const char *status;     /* interned */
	const char *reply_code; /* interned */
	const char *action;     /* interned */
	const char *mta;        /* interned */
	const char *month;      /* interned */
	const char *diagnostic; /* in the string chunk */
	const char *message_id; /* in the string chunk */
	const char *haystack;   /* lower-cased text the text filter searches */
	gint64 date;
	guint index;
	BvCause cause;
	gboolean hard;
	gboolean verified; /* the report is genuine (policy.h) */
} Rec;

struct _BvModel {
	char *maildir;
	char *suppress_path;
	guint soft_count;
	guint soft_days;
	GStringChunk *strings;
	GArray *recs;           /* of Rec */
	GHashTable *by_address; /* address -> GArray of guint (record numbers) */
	/* The marks as the store held them; marks is marks_view.marks. */
	BvSuppressView marks_view;
	GHashTable *marks; /* address -> BvMark* */
};

static const char *const dimension_ids[] = {
#define BV_DIMENSION_ID(e, id) id,
	BV_DIMENSIONS (BV_DIMENSION_ID)
#undef BV_DIMENSION_ID
};

const char *
bv_dimension_id (BvDimension dim)
{
	return (guint)dim < BV_DIMENSION_COUNT ? dimension_ids[dim] : NULL;
}

gboolean
bv_dimension_from_id (const char *id, BvDimension *out)
{
	for (guint i = 0; id != NULL && i < BV_DIMENSION_COUNT; i++) {
		if (strcmp (id, dimension_ids[i]) == 0) {
			*out = (BvDimension)i;
			return TRUE;
		}
	}
	return FALSE;
}

void
bv_group_free (BvGroup *g)
{
	if (g == NULL)
		return;
	g_free (g->key);
	g_free (g);
}

void
bv_address_free (BvAddress *a)
{
	if (a == NULL)
		return;
	g_free (a->address);
	g_free (a->domain);
	g_free (a->last_status);
	g_free (a->last_diagnostic);
	g_free (a);
}

void
bv_bounce_free (BvBounce *b)
{
	if (b == NULL)
		return;
	g_free (b->address);
	g_free (b->action);
	g_free (b->status);
	g_free (b->reply_code);
	g_free (b->diagnostic);
	g_free (b->mta);
	g_free (b->message_id);
	g_free (b);
}

void
bv_bounce_detail_free (BvBounceDetail *d)
{
	if (d == NULL)
		return;
	bv_recipient_free (d->recipient);
	g_free (d->message_id);
	g_free (d->date_header);
	g_free (d->from);
	g_free (d->subject);
	g_free (d->mta);
	bv_original_clear (&d->original);
	g_free (d->path);
	g_free (d);
}

void
bv_proposal_free (BvProposal *p)
{
	if (p == NULL)
		return;
	g_free (p->address);
	bv_bounce_free (p->evidence);
	g_free (p);
}

void
bv_mark_preview_free (BvMarkPreview *p)
{
	if (p == NULL)
		return;
	g_clear_pointer (&p->causes, g_array_unref);
	g_free (p->warning);
	g_free (p);
}

/* ---- loading ---- */

static const char *
domain_of (const char *address)
{
	const char *at = strrchr (address, '@');
	return at != NULL ? at + 1 : "";
}

static const char *
month_of (GStringChunk *strings, gint64 date)
{
	/* Proleptic Gregorian year and month of the day (UTC), computed
	 * rather than through a GDateTime: this runs for every record on
	 * every start.  Days are counted from 0000-03-01, so that the leap
	 * day ends each 400-, 100- and 4-year cycle. */
	if (date <= 0 || date >= G_GINT64_CONSTANT (253402300800)) /* 10000-01-01 */
		return g_string_chunk_insert_const (strings, "");
	gint64 days = date / 86400 + 719468;
	gint64 era = days / 146097;
	gint64 doe = days - era * 146097;
	gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	gint64 mp = (5 * doy + 2) / 153;
	gint64 month = mp < 10 ? mp + 3 : mp - 9;
	gint64 year = yoe + era * 400 + (month <= 2);
	char m[16];
	g_snprintf (m, sizeof m, "%04" G_GINT64_FORMAT "-%02" G_GINT64_FORMAT, year, month);
	return g_string_chunk_insert_const (strings, m);
}

/* Whether lower-casing ASCII text byte by byte gives what g_utf8_strdown()
 * gives: everywhere but in a Turkish or Azeri locale, where 'I' lowers to
 * a dotless i. */
static gboolean
ascii_lowers_as_utf8 (void)
{
	static gsize once;
	static gboolean same;
	if (g_once_init_enter (&once)) {
		g_autofree char *i = g_utf8_strdown ("I", -1);
		same = strcmp (i, "i") == 0;
		g_once_init_leave (&once, 1);
	}
	return same;
}

/* @text lower-cased for the text filter (new string).  Nearly every text
 * is ASCII, lowered by bytes: g_utf8_strdown() was a quarter of a start. */
static char *
lower_text (const char *text)
{
	for (const char *p = text; *p; p++)
		if ((guchar)*p >= 0x80)
			return g_utf8_strdown (text, -1);
	return ascii_lowers_as_utf8 () ? g_ascii_strdown (text, -1) : g_utf8_strdown (text, -1);
}

static void
add_record (const BvSnapRecord *in, gpointer user)
{
	BvModel *m = user;
	GStringChunk *s = m->strings;
	Rec rec = {
		.address = g_string_chunk_insert_const (s, in->address),
		.status = g_string_chunk_insert_const (s, in->status),
		.reply_code = g_string_chunk_insert_const (s, in->reply_code),
		.action = g_string_chunk_insert_const (s, in->action),
		.mta = g_string_chunk_insert_const (s, in->mta),
		.month = month_of (s, in->date),
		.diagnostic = g_string_chunk_insert (s, in->diagnostic),
		.message_id = g_string_chunk_insert_const (s, in->message_id),
		.date = in->date,
		.index = in->index,
		.cause = in->cause,
		.hard = in->hard,
		.verified = in->verified,
	};
	rec.domain = g_string_chunk_insert_const (s, domain_of (rec.address));
	g_autofree char *text =
	        g_strjoin ("\n", rec.address, rec.status, rec.reply_code, bv_cause_id (rec.cause), rec.mta,
	                   in->reporting_mta, rec.diagnostic, NULL);
	g_autofree char *lower = lower_text (text);
	rec.haystack = g_string_chunk_insert (s, lower);
	guint n = m->recs->len;
	g_array_append_val (m->recs, rec);
	GArray *list = g_hash_table_lookup (m->by_address, rec.address);
	if (list == NULL) {
		list = g_array_new (FALSE, FALSE, sizeof (guint));
		g_hash_table_insert (m->by_address, (gpointer)rec.address, list);
	}
	g_array_append_val (list, n);
}

static void clear_records (BvModel *m);
static void new_records (BvModel *m);

/* Adds recipient @i of the cached report @r, and saves it in @snap. */
static void
add_recipient (BvModel *m, BvSnapWriter *snap, const char *message_id, gint64 date, const BvReport *r,
               guint i)
{
	const BvRecipient *x = r->recipients->pdata[i];
	g_autofree char *address = bv_address_normalize (x->recipient);
	if (address[0] == '\0')
		return;
	BvSnapRecord rec = {
		.address = address,
		.status = x->status,
		.reply_code = x->reply_code,
		.action = x->action,
		.mta = x->mta[0] != '\0' ? x->mta : r->mta,
		.reporting_mta = x->reporting_mta,
		.diagnostic = x->diagnostic,
		.message_id = message_id,
		.date = date,
		.index = i,
		.cause = x->cause,
		.hard = x->hard,
		/* Genuine: null envelope sender or a mail system's mailbox
		 * (policy.h). */
		.verified = bv_report_is_from_mailer (r),
	};
	add_record (&rec, m);
	bv_snap_writer_add (snap, &rec);
}

/* The cached report of @msg, or NULL when the cache entry is damaged. */
static BvReport *
read_cached_report (notmuch_message_t *msg)
{
	g_autoptr (GPtrArray) values = g_ptr_array_new ();
	notmuch_message_properties_t *props = notmuch_message_get_properties (msg, BV_CACHE_KEY_DATA, TRUE);
	for (; props != NULL && notmuch_message_properties_valid (props);
	     notmuch_message_properties_move_to_next (props))
		g_ptr_array_add (values, (gpointer)notmuch_message_properties_value (props));
	g_autofree char *text = bv_cache_join ((const char *const *)values->pdata, values->len);
	if (props != NULL)
		notmuch_message_properties_destroy (props);
	return text != NULL ? bv_cache_deserialize (text, strlen (text)) : NULL;
}

static void
free_index_array (gpointer p)
{
	g_array_unref (p);
}

/* What a snapshot must match: the database at this revision with this
 * many bounced messages in the Maildir (removing a message does not move
 * notmuch's revision), the Maildir's place in it, the parser.  The
 * revision and the count come first, so that a stale stamp's base (what
 * follows them) can be compared on its own. */
static char *
snapshot_stamp (BvDb *db, guint count)
{
	const char *uuid = NULL;
	unsigned long rev = notmuch_database_get_revision (db->db, &uuid);
	return g_strdup_printf ("%lu:%u:%s:%s:%d:%s", rev, count, uuid != NULL ? uuid : "", db->relative,
	                        BV_PARSER_VERSION, db->mail_root);
}

/* Splits a stamp into its revision and its base; FALSE when malformed. */
static gboolean
parse_stamp (const char *stamp, guint64 *rev, const char **base)
{
	char *end;
	*rev = g_ascii_strtoull (stamp, &end, 10);
	if (end == stamp || *end != ':')
		return FALSE;
	const char *count = end + 1;
	g_ascii_strtoull (count, &end, 10);
	if (end == count || *end != ':')
		return FALSE;
	*base = end + 1;
	return TRUE;
}

/* A message's bounced recipients go into the model and the new snapshot. */
static void
add_message (BvModel *m, BvSnapWriter *snap, const char *id, gint64 date, const BvReport *r)
{
	for (guint i = 0; i < r->recipients->len; i++)
		if (bv_recipient_bounced (r->recipients->pdata[i]))
			add_recipient (m, snap, id, date, r, i);
}

/* Every bounced message read out of notmuch: what the first open costs. */
static gboolean
load_all (BvModel *m, BvDb *db, const char *q, BvSnapWriter *snap, GError **error)
{
	notmuch_query_t *query = NULL;
	notmuch_messages_t *msgs = bv_db_search (db, q, &query, error);
	if (msgs == NULL)
		return FALSE;
	for (; notmuch_messages_valid (msgs); notmuch_messages_move_to_next (msgs)) {
		notmuch_message_t *msg = notmuch_messages_get (msgs);
		g_autoptr (BvReport) r = read_cached_report (msg);
		if (r != NULL)
			add_message (m, snap, notmuch_message_get_message_id (msg),
			             notmuch_message_get_date (msg), r);
		notmuch_message_destroy (msg);
	}
	notmuch_query_destroy (query);
	return TRUE;
}

/* A message changed since the old snapshot, with its report if bounced. */
typedef struct {
	char *id;
	gint64 date;
	BvReport *report;
} Changed;

static void
changed_free (gpointer p)
{
	Changed *c = p;
	g_free (c->id);
	g_clear_pointer (&c->report, bv_report_free);
	g_free (c);
}

typedef struct {
	BvModel *m;
	BvSnapWriter *snap;
	GHashTable *changed; /* message id -> Changed */
	GHashTable *kept;    /* set of the old snapshot's message ids kept */
} Merge;

static void
merge_old_record (const BvSnapRecord *rec, gpointer user)
{
	Merge *mg = user;
	if (g_hash_table_contains (mg->changed, rec->message_id))
		return;
	add_record (rec, mg->m);
	bv_snap_writer_add (mg->snap, rec);
	if (!g_hash_table_contains (mg->kept, rec->message_id))
		g_hash_table_add (mg->kept, g_strdup (rec->message_id));
}

/* After a change to the database, most of the old snapshot still holds:
 * read it, and out of notmuch only the messages modified since its
 * revision (notmuch's lastmod), which after indexing new mail are a few
 * hundred, not every bounce.  Reading a message out of notmuch is what
 * costs (its whole term list is read and inflated), so this is what makes
 * the first open after a change fast.  FALSE, with @m untouched, when the
 * old snapshot does not fit (another database, parser or Maildir; too
 * much changed to win; a message removed, which no revision shows). */
static gboolean
load_changed (BvModel *m, BvDb *db, guint n_bounced, const char *stamp, const char *snap_path,
              BvSnapWriter *snap)
{
	g_autofree char *old_stamp = bv_snapshot_stamp (snap_path);
	guint64 old_rev, rev;
	const char *old_base, *base;
	if (old_stamp == NULL || !parse_stamp (old_stamp, &old_rev, &old_base) ||
	    !parse_stamp (stamp, &rev, &base) || strcmp (old_base, base) != 0 || old_rev > rev)
		return FALSE;
	g_autofree char *since = g_strdup_printf ("lastmod:%" G_GUINT64_FORMAT "..", old_rev + 1);
	g_autofree char *changed_q = bv_db_scoped_query (db, since);
	guint n_changed = bv_db_count (db, changed_q);
	/* Reading a changed message costs about what reading a bounce does. */
	if (n_changed > n_bounced / 2)
		return FALSE;

	/* In the query's order, so that the records are in a stable order. */
	g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (changed_free);
	g_autoptr (GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);
	notmuch_query_t *query = NULL;
	notmuch_messages_t *msgs = bv_db_search (db, changed_q, &query, NULL);
	if (msgs == NULL)
		return FALSE;
	for (; notmuch_messages_valid (msgs); notmuch_messages_move_to_next (msgs)) {
		notmuch_message_t *msg = notmuch_messages_get (msgs);
		Changed *c = g_new0 (Changed, 1);
		c->id = g_strdup (notmuch_message_get_message_id (msg));
		c->date = notmuch_message_get_date (msg);
		const char *bounced = NULL;
		if (notmuch_message_get_property (msg, BV_CACHE_KEY_BOUNCED, &bounced) ==
		            NOTMUCH_STATUS_SUCCESS &&
		    bounced != NULL && strcmp (bounced, "1") == 0)
			c->report = read_cached_report (msg);
		g_ptr_array_add (order, c);
		g_hash_table_replace (changed, c->id, c);
		notmuch_message_destroy (msg);
	}
	notmuch_query_destroy (query);

	g_autoptr (GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
	Merge mg = { m, snap, changed, kept };
	if (!bv_snapshot_read (snap_path, old_stamp, merge_old_record, &mg))
		return FALSE;
	guint n_messages = g_hash_table_size (kept);
	for (guint i = 0; i < order->len; i++) {
		Changed *c = order->pdata[i];
		if (c->report != NULL) {
			add_message (m, snap, c->id, c->date, c->report);
			n_messages++;
		}
	}
	/* A message removed from the Maildir leaves its records behind: the
	 * count of bounced messages tells. */
	return n_messages == n_bounced;
}

static gboolean
load_records (BvModel *m, GError **error)
{
	g_autoptr (BvDb) db = bv_db_open (m->maildir, FALSE, 0, NULL, NULL, error);
	if (db == NULL)
		return FALSE;
	g_autofree char *q = bv_db_scoped_query (db, "property:" BV_CACHE_KEY_BOUNCED "=1");
	guint n_bounced = bv_db_count (db, q);
	g_autofree char *stamp = snapshot_stamp (db, n_bounced);
	g_autofree char *snap_path = bv_snapshot_path (m->maildir);
	if (bv_snapshot_read (snap_path, stamp, add_record, m))
		return TRUE;
	BvSnapWriter *snap = bv_snap_writer_new (snap_path, stamp);
	if (!load_changed (m, db, n_bounced, stamp, snap_path, snap)) {
		/* Start again from nothing. */
		clear_records (m);
		new_records (m);
		bv_snap_writer_free (snap);
		snap = bv_snap_writer_new (snap_path, stamp);
		if (!load_all (m, db, q, snap, error)) {
			bv_snap_writer_free (snap);
			return FALSE;
		}
	}
	bv_snap_writer_commit (snap);
	return TRUE;
}

static gboolean
load_marks (BvModel *m, GError **error)
{
	BvSuppressView v = { 0 };
	if (!bv_suppress_view_load (&v, m->suppress_path, error))
		return FALSE;
	bv_suppress_view_clear (&m->marks_view);
	m->marks_view = v;
	m->marks = v.marks;
	return TRUE;
}

/* Catches up with the changes made to the store since it was loaded (ours
 * and other processes'): only the journal's new records are read, so a
 * mark made in the UI costs no reload of a large store. */
static gboolean
refresh_marks (BvModel *m, GError **error)
{
	gboolean ok = bv_suppress_view_refresh (&m->marks_view, m->suppress_path, error);
	m->marks = m->marks_view.marks;
	return ok;
}

static void
clear_records (BvModel *m)
{
	g_clear_pointer (&m->by_address, g_hash_table_unref);
	g_clear_pointer (&m->recs, g_array_unref);
	g_clear_pointer (&m->strings, g_string_chunk_free);
}

static void
new_records (BvModel *m)
{
	m->strings = g_string_chunk_new (64 * 1024);
	m->recs = g_array_new (FALSE, FALSE, sizeof (Rec));
	m->by_address = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_index_array);
}

gboolean
bv_model_reload (BvModel *m, GError **error)
{
	/* Load into a fresh set and swap only on success, so a failed reload
	 * leaves the model as it was. */
	BvModel fresh = { .maildir = m->maildir, .suppress_path = m->suppress_path };
	new_records (&fresh);
	if (!load_records (&fresh, error) || !load_marks (&fresh, error)) {
		clear_records (&fresh);
		bv_suppress_view_clear (&fresh.marks_view);
		return FALSE;
	}
	clear_records (m);
	bv_suppress_view_clear (&m->marks_view);
	m->strings = fresh.strings;
	m->recs = fresh.recs;
	m->by_address = fresh.by_address;
	m->marks_view = fresh.marks_view;
	m->marks = m->marks_view.marks;
	return TRUE;
}

BvModel *
bv_model_open (const BvModelOptions *options, GError **error)
{
	BvModelOptions none = { 0 };
	const BvModelOptions *o = options != NULL ? options : &none;
	g_autoptr (BvConfig) config = bv_config_load (NULL, error);
	if (config == NULL)
		return NULL;
	const char *wanted = o->maildir != NULL ? o->maildir : config->maildir;
	char *maildir = bv_db_resolve_maildir (wanted, error);
	if (maildir == NULL)
		return NULL;
	BvModel *m = g_new0 (BvModel, 1);
	m->maildir = maildir;
	m->suppress_path =
	        o->suppress_path != NULL ? g_strdup (o->suppress_path) : bv_suppress_default_path ();
	m->soft_count = o->soft_count > 0 ? o->soft_count : config->soft_count;
	m->soft_days = o->soft_days > 0 ? o->soft_days : config->soft_days;
	if (!bv_model_reload (m, error)) {
		bv_model_free (m);
		return NULL;
	}
	return m;
}

void
bv_model_free (BvModel *m)
{
	if (m == NULL)
		return;
	clear_records (m);
	bv_suppress_view_clear (&m->marks_view);
	g_free (m->maildir);
	g_free (m->suppress_path);
	g_free (m);
}

const char *
bv_model_maildir (BvModel *m)
{
	return m->maildir;
}

guint
bv_model_n_bounces (BvModel *m)
{
	return m->recs->len;
}

/* ---- queries ---- */

static const char *
rec_key (const Rec *r, BvDimension dim)
{
	switch (dim) {
	case BV_DIMENSION_CAUSE: return bv_cause_id (r->cause);
	case BV_DIMENSION_DOMAIN: return r->domain;
	case BV_DIMENSION_STATUS: return r->status[0] != '\0' ? r->status : r->reply_code;
	case BV_DIMENSION_MTA: return r->mta;
	case BV_DIMENSION_MONTH: return r->month;
	case BV_DIMENSION_ADDRESS:
	default: return r->address;
	}
}

/* A filter prepared once per query: the needle lower-cased. */
typedef struct {
	const BvFilter *f;
	char *needle;
} Match;

static void
match_init (Match *mt, const BvFilter *f)
{
	mt->f = f;
	mt->needle = f != NULL && f->text != NULL && f->text[0] != '\0' ? g_utf8_strdown (f->text, -1) : NULL;
}

static gboolean
match (BvModel *m, const Match *mt, const Rec *r)
{
	const BvFilter *f = mt->f;
	if (f == NULL)
		return TRUE;
	if ((f->since != 0 && r->date < f->since) || (f->until != 0 && r->date >= f->until))
		return FALSE;
	if (f->causes != 0 && !(f->causes & (G_GUINT64_CONSTANT (1) << r->cause)))
		return FALSE;
	if ((f->severity == BV_SEVERITY_HARD && !r->hard) || (f->severity == BV_SEVERITY_SOFT && r->hard))
		return FALSE;
	if (f->marked != BV_MARKED_ANY) {
		gboolean marked = g_hash_table_contains (m->marks, r->address);
		if (marked != (f->marked == BV_MARKED_YES))
			return FALSE;
	}
	return mt->needle == NULL || strstr (r->haystack, mt->needle) != NULL;
}

static void
see_date (gint64 date, gint64 *first, gint64 *last)
{
	if (date <= 0)
		return;
	if (*first == 0 || date < *first)
		*first = date;
	if (date > *last)
		*last = date;
}

typedef struct {
	BvGroup *group;
	GHashTable *addresses; /* set of interned addresses */
} GroupAcc;

static void
group_acc_free (gpointer p)
{
	GroupAcc *a = p;
	bv_group_free (a->group);
	g_hash_table_unref (a->addresses);
	g_free (a);
}

static gint
compare_groups (gconstpointer a, gconstpointer b)
{
	const BvGroup *x = *(const BvGroup *const *)a, *y = *(const BvGroup *const *)b;
	if (x->bounces != y->bounces)
		return x->bounces > y->bounces ? -1 : 1;
	return strcmp (x->key, y->key);
}

GPtrArray *
bv_model_groups (BvModel *m, BvDimension dim, const BvFilter *filter)
{
	Match mt;
	match_init (&mt, filter);
	g_autoptr (GHashTable) accs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, group_acc_free);
	for (guint i = 0; i < m->recs->len; i++) {
		const Rec *r = &g_array_index (m->recs, Rec, i);
		if (!match (m, &mt, r))
			continue;
		const char *key = rec_key (r, dim);
		GroupAcc *a = g_hash_table_lookup (accs, key);
		if (a == NULL) {
			a = g_new0 (GroupAcc, 1);
			a->group = g_new0 (BvGroup, 1);
			a->group->dimension = dim;
			a->group->key = g_strdup (key);
			a->addresses = g_hash_table_new (g_direct_hash, g_direct_equal);
			g_hash_table_insert (accs, (gpointer)key, a);
		}
		BvGroup *g = a->group;
		g->bounces++;
		if (r->hard)
			g->hard++;
		else
			g->soft++;
		see_date (r->date, &g->first_seen, &g->last_seen);
		/* Interned strings: the pointer is the identity. */
		if (g_hash_table_add (a->addresses, (gpointer)r->address)) {
			g->addresses++;
			g->marked += g_hash_table_contains (m->marks, r->address);
		}
	}
	g_free (mt.needle);
	GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_group_free);
	GHashTableIter it;
	gpointer value;
	g_hash_table_iter_init (&it, accs);
	while (g_hash_table_iter_next (&it, NULL, &value)) {
		GroupAcc *a = value;
		g_ptr_array_add (out, g_steal_pointer (&a->group));
	}
	g_ptr_array_sort (out, compare_groups);
	return out;
}

static gint
compare_addresses (gconstpointer a, gconstpointer b)
{
	const BvAddress *x = *(const BvAddress *const *)a, *y = *(const BvAddress *const *)b;
	if (x->bounces != y->bounces)
		return x->bounces > y->bounces ? -1 : 1;
	return strcmp (x->address, y->address);
}

/* Calls @fn for every record passing @filter in group @key of @dim. */
typedef void (*RecFunc) (BvModel *m, const Rec *r, gpointer user);

static void
for_each_rec (BvModel *m, BvDimension dim, const char *key, const BvFilter *filter, RecFunc fn, gpointer user)
{
	Match mt;
	match_init (&mt, filter);
	for (guint i = 0; i < m->recs->len; i++) {
		const Rec *r = &g_array_index (m->recs, Rec, i);
		if ((key == NULL || strcmp (rec_key (r, dim), key) == 0) && match (m, &mt, r))
			fn (m, r, user);
	}
	g_free (mt.needle);
}

static void
accumulate_address (BvModel *m, const Rec *r, gpointer user)
{
	GHashTable *table = user;
	BvAddress *a = g_hash_table_lookup (table, r->address);
	if (a == NULL) {
		a = g_new0 (BvAddress, 1);
		a->address = g_strdup (r->address);
		a->domain = g_strdup (r->domain);
		a->marked = g_hash_table_contains (m->marks, r->address);
		g_hash_table_insert (table, (gpointer)r->address, a);
	}
	a->bounces++;
	a->unverified += !r->verified;
	if (r->hard)
		a->hard++;
	else
		a->soft++;
	/* The latest bounce describes the row; ties go to the later record. */
	if (a->last_status == NULL || r->date >= a->last_seen) {
		a->last_cause = r->cause;
		g_free (a->last_status);
		a->last_status = g_strdup (r->status[0] != '\0' ? r->status : r->reply_code);
		g_free (a->last_diagnostic);
		a->last_diagnostic = g_strdup (r->diagnostic);
	}
	see_date (r->date, &a->first_seen, &a->last_seen);
}

GPtrArray *
bv_model_addresses (BvModel *m, BvDimension dim, const char *key, const BvFilter *filter)
{
	g_autoptr (GHashTable) table = g_hash_table_new (g_direct_hash, g_direct_equal);
	for_each_rec (m, dim, key, filter, accumulate_address, table);
	GPtrArray *out = g_ptr_array_new_full (g_hash_table_size (table), (GDestroyNotify)bv_address_free);
	GHashTableIter it;
	gpointer value;
	g_hash_table_iter_init (&it, table);
	while (g_hash_table_iter_next (&it, NULL, &value))
		g_ptr_array_add (out, value);
	g_ptr_array_sort (out, compare_addresses);
	return out;
}

static BvBounce *
bounce_from_rec (const Rec *r)
{
	BvBounce *b = g_new0 (BvBounce, 1);
	b->address = g_strdup (r->address);
	b->date = r->date;
	b->cause = r->cause;
	b->hard = r->hard;
	b->action = g_strdup (r->action);
	b->status = g_strdup (r->status);
	b->reply_code = g_strdup (r->reply_code);
	b->diagnostic = g_strdup (r->diagnostic);
	b->mta = g_strdup (r->mta);
	b->message_id = g_strdup (r->message_id);
	b->index = r->index;
	b->verified = r->verified;
	return b;
}

static gint
compare_bounces (gconstpointer a, gconstpointer b)
{
	const BvBounce *x = *(const BvBounce *const *)a, *y = *(const BvBounce *const *)b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	int c = strcmp (x->address, y->address);
	if (c != 0)
		return c;
	c = strcmp (x->message_id, y->message_id);
	return c != 0 ? c : (int)x->index - (int)y->index;
}

static void
collect_bounce (BvModel *m, const Rec *r, gpointer user)
{
	g_ptr_array_add (user, bounce_from_rec (r));
}

GPtrArray *
bv_model_bounces (BvModel *m, BvDimension dim, const char *key, const BvFilter *filter)
{
	GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_bounce_free);
	for_each_rec (m, dim, key, filter, collect_bounce, out);
	g_ptr_array_sort (out, compare_bounces);
	return out;
}

typedef struct {
	gint64 since;
	guint days;
	guint *counts;
} DayCounts;

static void
count_day (BvModel *m, const Rec *r, gpointer user)
{
	(void)m;
	DayCounts *dc = user;
	if (dc->days == 0) {
		if ((guint)r->cause < BV_CAUSE_COUNT)
			dc->counts[(guint)r->cause]++;
		return;
	}
	if (r->date < dc->since)
		return;
	guint64 day = (guint64)(r->date - dc->since) / 86400;
	if (day < dc->days && (guint)r->cause < BV_CAUSE_COUNT)
		dc->counts[day * BV_CAUSE_COUNT + (guint)r->cause]++;
}

void
bv_model_count_days (BvModel *m, BvDimension dim, const char *key, const BvFilter *filter, gint64 since,
                     guint days, guint *counts)
{
	memset (counts, 0, sizeof (guint) * MAX (days, 1) * BV_CAUSE_COUNT);
	DayCounts dc = { since, days, counts };
	for_each_rec (m, dim, key, filter, count_day, &dc);
}

GPtrArray *
bv_model_history (BvModel *m, const char *address)
{
	GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_bounce_free);
	g_autofree char *a = bv_address_normalize (address);
	GArray *list = g_hash_table_lookup (m->by_address, a);
	for (guint i = 0; list != NULL && i < list->len; i++)
		g_ptr_array_add (
		        out, bounce_from_rec (&g_array_index (m->recs, Rec, g_array_index (list, guint, i))));
	g_ptr_array_sort (out, compare_bounces);
	return out;
}

/* ---- detail ---- */

static char *
first_filename (notmuch_message_t *msg)
{
	notmuch_filenames_t *names = notmuch_message_get_filenames (msg);
	char *out = NULL;
	for (; out == NULL && names != NULL && notmuch_filenames_valid (names);
	     notmuch_filenames_move_to_next (names))
		if (g_file_test (notmuch_filenames_get (names), G_FILE_TEST_IS_REGULAR))
			out = g_strdup (notmuch_filenames_get (names));
	if (names != NULL)
		notmuch_filenames_destroy (names);
	return out != NULL ? out : g_strdup ("");
}

static BvBounceDetail *
detail_from_report (BvReport *r, const BvBounce *b, notmuch_message_t *msg)
{
	BvBounceDetail *d = g_new0 (BvBounceDetail, 1);
	d->recipient = g_ptr_array_steal_index (r->recipients, b->index);
	d->kind = r->kind;
	d->message_id = g_strdup (b->message_id);
	d->date = notmuch_message_get_date (msg);
	d->date_header = g_steal_pointer (&r->date);
	d->from = g_steal_pointer (&r->from);
	d->subject = g_steal_pointer (&r->subject);
	d->mta = g_steal_pointer (&r->mta);
	d->original = r->original;
	memset (&r->original, 0, sizeof r->original);
	d->path = first_filename (msg);
	return d;
}

BvBounceDetail *
bv_model_bounce_detail (BvModel *m, const BvBounce *b, GError **error)
{
	g_autoptr (BvDb) db = bv_db_open (m->maildir, FALSE, 0, NULL, NULL, error);
	if (db == NULL)
		return NULL;
	notmuch_message_t *msg = NULL;
	notmuch_status_t st = notmuch_database_find_message (db->db, b->message_id, &msg);
	if (st != NOTMUCH_STATUS_SUCCESS) {
		bv_db_set_error (error, st, b->message_id);
		return NULL;
	}
	g_autoptr (BvReport) r = msg != NULL ? read_cached_report (msg) : NULL;
	if (r == NULL || b->index >= r->recipients->len) {
		if (msg != NULL)
			notmuch_message_destroy (msg);
		g_set_error (error, BV_INDEX_ERROR, BV_INDEX_ERROR_NO_INDEX,
		             _ ("the report %s is no longer in the index; run `bounceview index`"),
		             b->message_id);
		return NULL;
	}
	BvBounceDetail *d = detail_from_report (r, b, msg);
	notmuch_message_destroy (msg);
	return d;
}

/* ---- policy and marks ---- */

static gint
compare_proposals (gconstpointer a, gconstpointer b)
{
	const BvProposal *x = *(const BvProposal *const *)a, *y = *(const BvProposal *const *)b;
	if (x->reason != y->reason)
		return x->reason < y->reason ? -1 : 1;
	return strcmp (x->address, y->address);
}

/* Runs the policy on the records of one address (@list: record numbers). */
static void
judge_records (BvModel *m, GArray *list, BvJudgement *out)
{
	BvPolicy policy = { .soft_count = m->soft_count, .soft_days = m->soft_days };
	g_autofree BvPolicyBounce *in = g_new0 (BvPolicyBounce, MAX (list->len, 1));
	for (guint i = 0; i < list->len; i++) {
		const Rec *r = &g_array_index (m->recs, Rec, g_array_index (list, guint, i));
		in[i] = (BvPolicyBounce){
			.cause = r->cause,
			.hard = r->hard,
			.verified = r->verified,
			.action = r->action,
			.date = r->date,
		};
	}
	bv_policy_judge (&policy, in, list->len, out);
}

/* The policy's verdict on one address's records; NULL: no proposal. */
static BvProposal *
judge (BvModel *m, const char *address, GArray *list)
{
	BvJudgement j;
	judge_records (m, list, &j);
	if (j.verdict == BV_VERDICT_NONE)
		return NULL;
	const Rec *evidence = &g_array_index (m->recs, Rec, g_array_index (list, guint, j.evidence));
	BvProposal *p = g_new0 (BvProposal, 1);
	p->address = g_strdup (address);
	p->reason = j.verdict == BV_VERDICT_HARD ? BV_PROPOSAL_HARD : BV_PROPOSAL_REPEATED;
	p->cause = evidence->cause;
	p->bounces = j.counted;
	p->ignored = list->len - j.counted;
	p->first_seen = j.first_seen;
	p->last_seen = j.last_seen;
	p->evidence = bounce_from_rec (evidence);
	return p;
}

GPtrArray *
bv_model_proposals (BvModel *m)
{
	GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_proposal_free);
	GHashTableIter it;
	gpointer key, value;
	g_hash_table_iter_init (&it, m->by_address);
	while (g_hash_table_iter_next (&it, &key, &value)) {
		if (g_hash_table_contains (m->marks, key))
			continue;
		BvProposal *p = judge (m, key, value);
		if (p != NULL)
			g_ptr_array_add (out, p);
	}
	g_ptr_array_sort (out, compare_proposals);
	return out;
}

/* The cause of the latest bounce of the records @list; undefined when
 * there are none. */
static BvCause
latest_cause_of (BvModel *m, GArray *list)
{
	BvCause cause = BV_CAUSE_UNDEFINED;
	gint64 latest = G_MININT64;
	for (guint i = 0; list != NULL && i < list->len; i++) {
		const Rec *r = &g_array_index (m->recs, Rec, g_array_index (list, guint, i));
		if (r->date >= latest) {
			latest = r->date;
			cause = r->cause;
		}
	}
	return cause;
}

static void
preview_count_cause (GArray *causes, BvCause cause)
{
	for (guint i = 0; i < causes->len; i++) {
		BvPreviewCause *c = &g_array_index (causes, BvPreviewCause, i);
		if (c->cause == cause) {
			c->addresses++;
			return;
		}
	}
	BvPreviewCause c = { cause, bv_policy_cause_can_propose (cause), 1 };
	g_array_append_val (causes, c);
}

static gint
compare_preview_causes (gconstpointer a, gconstpointer b)
{
	const BvPreviewCause *x = a, *y = b;
	if (x->addresses != y->addresses)
		return x->addresses > y->addresses ? -1 : 1;
	return strcmp (bv_cause_id (x->cause), bv_cause_id (y->cause));
}

/* The sentence bv_model_mark_preview() warns with, or NULL. */
static char *
preview_warning (const BvMarkPreview *p)
{
	guint fine = p->sender_side + p->unverified;
	guint to_mark = p->addresses - p->already_marked;
	if (fine == 0)
		return NULL;
	if (fine == to_mark && p->unverified == 0)
		return g_strdup (
		        _ ("These are your sending setup's bounces: the addresses are probably fine."));
	if (fine == to_mark)
		return g_strdup (
		        _ ("None of these addresses bounced for a reason on the recipient's side in a "
		           "verified report: they are probably fine."));
	return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
	                                     "%u of these addresses bounced only for reasons on your sending "
	                                     "side or in unverified reports: it is probably fine.",
	                                     "%u of these addresses bounced only for reasons on your sending "
	                                     "side or in unverified reports: they are probably fine.",
	                                     fine),
	                        fine);
}

BvMarkPreview *
bv_model_mark_preview (BvModel *m, const char *const *addresses)
{
	BvMarkPreview *p = g_new0 (BvMarkPreview, 1);
	p->causes = g_array_new (FALSE, FALSE, sizeof (BvPreviewCause));
	g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; addresses != NULL && addresses[i] != NULL; i++) {
		char *a = bv_address_normalize (addresses[i]);
		if (!g_hash_table_add (seen, a))
			continue;
		p->addresses++;
		if (g_hash_table_contains (m->marks, a)) {
			p->already_marked++;
			continue;
		}
		GArray *list = g_hash_table_lookup (m->by_address, a);
		if (list == NULL) {
			p->unknown++;
			continue;
		}
		preview_count_cause (p->causes, latest_cause_of (m, list));
		BvJudgement j;
		judge_records (m, list, &j);
		if (j.verdict != BV_VERDICT_NONE)
			p->proposed++;
		else if (j.counted > 0)
			p->pending++;
		else if (j.unverified == list->len)
			p->unverified++;
		else
			p->sender_side++;
	}
	g_array_sort (p->causes, compare_preview_causes);
	p->warning = preview_warning (p);
	return p;
}

GPtrArray *
bv_model_marks (BvModel *m)
{
	return bv_suppress_sorted (m->marks);
}

const BvMark *
bv_model_get_mark (BvModel *m, const char *address)
{
	g_autofree char *a = bv_address_normalize (address);
	return g_hash_table_lookup (m->marks, a);
}

/* The cause of the latest bounce of @address; undefined when it has none. */
static BvCause
latest_cause (BvModel *m, const char *address)
{
	return latest_cause_of (m, g_hash_table_lookup (m->by_address, address));
}

gboolean
bv_model_mark (BvModel *m, const char *const *addresses, BvMarkSource source, const char *note,
               GError **error)
{
	g_autoptr (GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_mark_free);
	gint64 now = g_get_real_time () / G_USEC_PER_SEC;
	for (guint i = 0; addresses[i] != NULL; i++) {
		g_autofree char *a = bv_address_normalize (addresses[i]);
		g_ptr_array_add (marks, bv_mark_new (a, latest_cause (m, a), now, source, note));
	}
	return bv_suppress_add (m->suppress_path, marks, NULL, error) && refresh_marks (m, error);
}

gboolean
bv_model_unmark (BvModel *m, const char *const *addresses, GError **error)
{
	return bv_suppress_remove (m->suppress_path, addresses, NULL, error) && refresh_marks (m, error);
}

gboolean
bv_model_restore_marks (BvModel *m, GPtrArray *marks, GError **error)
{
	return bv_suppress_add (m->suppress_path, marks, NULL, error) && load_marks (m, error);
}
