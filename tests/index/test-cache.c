/* test-cache.c: the bounce cache's text survives a round trip through
 * notmuch-sized property values, and garbage never crashes the reader.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "index/cache.h"

/* Every string field holds a value of its own (its name, then @address and
 * @diagnostic where they belong), so a field that the cache drops or
 * shifts reads back as "" or as its neighbour's value. */
static BvRecipient *
make_recipient (const char *address, const char *diagnostic)
{
	BvRecipient *x = bv_recipient_new ();
#define NAMED_VALUE(name, group) x->name = g_strdup (#name "-value");
	BV_RECIPIENT_FIELDS (NAMED_VALUE)
#undef NAMED_VALUE
	g_free (x->recipient);
	x->recipient = g_strdup (address);
	g_free (x->diagnostic);
	x->diagnostic = g_strdup (diagnostic);
	g_free (x->arrival_date);
	x->arrival_date = g_strdup ("");
	x->cause = BV_CAUSE_USERUNKNOWN;
	x->hard = TRUE;
	x->status_derived = FALSE;
	x->evidence.rule = g_strdup ("status");
	x->evidence.matched = g_strdup ("5.1.1");
	x->evidence.detail = g_strdup ("back\\slash\tand\nnewline\r");
	return x;
}

static BvReport *
make_report (void)
{
	BvReport *r = bv_report_new ();
	r->kind = BV_KIND_FAILED;
	r->message_id = g_strdup ("");
	r->date = g_strdup ("Mon, 2 Jan 2023 10:00:00 +0000");
	r->from = g_strdup ("Mail Delivery System <MAILER-DAEMON@example.org>");
	r->subject = g_strdup ("退信: Undelivered Mail");
	r->mta = g_strdup ("postfix");
	r->original.message_id = g_strdup ("<orig@example.org>");
	r->original.from = g_strdup ("sender@example.org");
	r->original.to = g_strdup ("alice@example.com");
	r->original.subject = g_strdup ("季度通讯\ttab");
	r->original.date = g_strdup ("");
	r->return_path = g_strdup ("<>");
	g_ptr_array_add (r->recipients, make_recipient ("alice@example.com", "550 5.1.1 User unknown"));
	/* Long and multi-byte: crosses many chunk boundaries. */
	GString *long_diag = g_string_new (NULL);
	for (int i = 0; i < 200; i++)
		g_string_append (long_diag, "邮箱不存在 ");
	g_ptr_array_add (r->recipients, make_recipient ("bob@example.net", long_diag->str));
	g_string_free (long_diag, TRUE);
	return r;
}

static void
assert_same_recipient (const BvRecipient *a, const BvRecipient *b)
{
#define SAME_FIELD(name, group) g_assert_cmpstr (a->name, ==, b->name);
	BV_RECIPIENT_FIELDS (SAME_FIELD)
#undef SAME_FIELD
	g_assert_cmpint (a->cause, ==, b->cause);
	g_assert_cmpint (a->hard, ==, b->hard);
	g_assert_cmpint (a->status_derived, ==, b->status_derived);
	g_assert_cmpstr (a->evidence.rule, ==, b->evidence.rule);
	g_assert_cmpstr (a->evidence.matched, ==, b->evidence.matched);
	g_assert_cmpstr (a->evidence.detail, ==, b->evidence.detail);
}

/* Chunks in reverse order, as notmuch may hand them back in any order. */
static char *
through_chunks (const char *text)
{
	g_autoptr (GPtrArray) chunks = bv_cache_chunk (text);
	g_autoptr (GPtrArray) reversed = g_ptr_array_new ();
	for (guint i = chunks->len; i-- > 0;) {
		const char *c = chunks->pdata[i];
		g_assert_cmpuint (strlen (c), <=, BV_CACHE_CHUNK_MAX);
		g_assert_true (g_utf8_validate (c, -1, NULL));
		g_ptr_array_add (reversed, (gpointer)c);
	}
	return bv_cache_join ((const char *const *)reversed->pdata, reversed->len);
}

static void
test_round_trip (void)
{
	g_autoptr (BvReport) r = make_report ();
	g_autofree char *text = bv_cache_serialize (r);
	g_assert_cmpuint (strlen (text), >, 10 * BV_CACHE_CHUNK_MAX);
	g_autofree char *joined = through_chunks (text);
	g_assert_cmpstr (joined, ==, text);
	g_autoptr (BvReport) back = bv_cache_deserialize (joined, strlen (joined));
	g_assert_nonnull (back);
	g_assert_cmpint (back->kind, ==, r->kind);
	g_assert_cmpstr (back->mta, ==, r->mta);
	g_assert_cmpstr (back->date, ==, r->date);
	g_assert_cmpstr (back->from, ==, r->from);
	g_assert_cmpstr (back->subject, ==, r->subject);
	g_assert_cmpstr (back->original.message_id, ==, r->original.message_id);
	g_assert_cmpstr (back->original.subject, ==, r->original.subject);
	g_assert_cmpstr (back->original.date, ==, "");
	g_assert_cmpstr (back->return_path, ==, "<>");
	g_assert_true (bv_report_is_from_mailer (back));
	g_assert_cmpuint (back->recipients->len, ==, 2);
	for (guint i = 0; i < 2; i++)
		assert_same_recipient (r->recipients->pdata[i], back->recipients->pdata[i]);
}

static void
test_copy (void)
{
	g_autoptr (BvRecipient) x = make_recipient ("a@b.c", "550 5.1.1 User unknown");
	g_autoptr (BvRecipient) c = bv_recipient_copy (x);
	assert_same_recipient (x, c);
	g_assert_true (c->diagnostic_type != x->diagnostic_type);
}

static void
test_missing_chunk (void)
{
	g_autoptr (BvReport) r = make_report ();
	g_autofree char *text = bv_cache_serialize (r);
	g_autoptr (GPtrArray) chunks = bv_cache_chunk (text);
	g_assert_cmpuint (chunks->len, >, 3);
	g_ptr_array_remove_index (chunks, 2);
	g_assert_null (bv_cache_join ((const char *const *)chunks->pdata, chunks->len));
	g_assert_null (bv_cache_join (NULL, 0));
	const char *bad[] = { "zz", "00x" };
	g_assert_null (bv_cache_join (bad, 2));
}

static void
test_garbage (void)
{
	g_assert_null (bv_cache_deserialize ("", 0));
	g_assert_null (bv_cache_deserialize ("bv1\nR\tfailed\n", 13));
	g_assert_null (bv_cache_deserialize ("bv2\nP\tonly-a-recipient\n", 22));
	/* A short report line and a short recipient line read as "". */
	const char *shortish = "bv2\nR\tnonsense-kind\nP\tuserunknown\t1\t0\t\t\t\ta@b.c\t\t\t\\";
	g_autoptr (BvReport) r = bv_cache_deserialize (shortish, strlen (shortish));
	g_assert_nonnull (r);
	g_assert_cmpint (r->kind, ==, BV_KIND_NONE);
	g_assert_cmpstr (r->original.to, ==, "");
	g_assert_cmpuint (r->recipients->len, ==, 1);
	BvRecipient *x = r->recipients->pdata[0];
	g_assert_cmpstr (x->recipient, ==, "a@b.c");
	g_assert_cmpstr (x->evidence.detail, ==, "");
	g_assert_cmpint (x->cause, ==, BV_CAUSE_USERUNKNOWN);
	g_assert_true (x->hard);
	g_assert_cmpstr (x->diagnostic_type, ==, "");

	/* Random bytes after a valid tag: whatever comes back is valid UTF-8. */
	GRand *rand = g_rand_new_with_seed (42);
	for (int round = 0; round < 2000; round++) {
		gsize len = 4 + g_rand_int_range (rand, 0, 400);
		g_autofree char *buf = g_malloc (len);
		memcpy (buf, "bv2\n", 4);
		for (gsize i = 4; i < len; i++) {
			static const char alphabet[] = "RP\t\n\\abc\xe9\xff\x00";
			buf[i] = g_rand_boolean (rand) ? alphabet[g_rand_int_range (rand, 0, sizeof alphabet)]
			                               : (char)g_rand_int_range (rand, 0, 256);
		}
		g_autoptr (BvReport) g = bv_cache_deserialize (buf, len);
		for (guint i = 0; g != NULL && i < g->recipients->len; i++) {
			BvRecipient *y = g->recipients->pdata[i];
			g_assert_true (g_utf8_validate (y->diagnostic, -1, NULL));
			g_assert_nonnull (y->evidence.detail);
		}
	}
	g_rand_free (rand);
}

static void
test_long_field_cut (void)
{
	g_autoptr (BvReport) r = make_report ();
	BvRecipient *x = r->recipients->pdata[0];
	GString *huge = g_string_new ("x");
	for (int i = 0; i < 5000; i++)
		g_string_append (huge, "é");
	g_free (x->diagnostic);
	x->diagnostic = g_string_free (huge, FALSE);
	g_autofree char *text = bv_cache_serialize (r);
	g_autoptr (BvReport) back = bv_cache_deserialize (text, strlen (text));
	BvRecipient *y = back->recipients->pdata[0];
	g_assert_true (g_utf8_validate (y->diagnostic, -1, NULL));
	g_assert_cmpuint (strlen (y->diagnostic), >, 4000);
	g_assert_true (g_str_has_prefix (x->diagnostic, y->diagnostic));
	g_assert_cmpstr (y->evidence.detail, ==, x->evidence.detail);
}

static void
test_bounced (void)
{
	g_autoptr (BvRecipient) x = make_recipient ("a@b.c", "");
	g_assert_true (bv_recipient_bounced (x));
	g_free (x->action);
	x->action = g_strdup ("delivered");
	g_assert_false (bv_recipient_bounced (x));
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/cache/round-trip", test_round_trip);
	g_test_add_func ("/cache/copy", test_copy);
	g_test_add_func ("/cache/missing-chunk", test_missing_chunk);
	g_test_add_func ("/cache/garbage", test_garbage);
	g_test_add_func ("/cache/long-field-cut", test_long_field_cut);
	g_test_add_func ("/cache/bounced", test_bounced);
	return g_test_run ();
}
