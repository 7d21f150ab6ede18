/* test-catalog.c: every cause and code has its text, in English and Chinese.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cause test walks BV_CAUSES, so a cause added to the vocabulary without
 * a catalog entry (or without its Chinese translation) fails here.  The
 * Chinese checks use the catalog compiled into the build tree
 * (build/po/, named by BOUNCEVIEW_LOCALEDIR), selected with LANGUAGE as a user would.
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "parsers/catalog.h"
#include "tests/catalog/test-language.h"

/* Whether @s holds at least one CJK ideograph. */
static gboolean
has_han (const char *s)
{
	for (const char *p = s; p != NULL && *p; p = g_utf8_next_char (p))
		if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
			return TRUE;
	return FALSE;
}

static void
test_every_cause_has_an_entry (void)
{
	bv_test_use_language ("en");
	for (int c = 0; c < BV_CAUSE_COUNT; c++) {
		const BvCatalogEntry *e = bv_catalog_entry (c);
		g_test_message ("cause %s", bv_cause_id (c));
		g_assert_nonnull (e);
		g_assert_cmpint (e->cause, ==, c);
		g_assert_cmpuint (strlen (e->title), >, 10);
		g_assert_cmpuint (strlen (e->explanation), >, 60);
		g_assert_cmpuint (strlen (e->fix), >, 10);
		g_assert_cmpint (e->side, <, BV_SIDE_COUNT);
		g_assert_cmpint (e->action, <, BV_ACTION_COUNT);
		/* A title is a phrase, not a sentence; steps never start or
		 * end with an empty line. */
		g_assert_false (g_str_has_suffix (e->title, "."));
		g_assert_false (g_str_has_prefix (e->fix, "\n"));
		g_assert_false (g_str_has_suffix (e->fix, "\n"));
		g_assert_cmpstr (bv_catalog_title (c), ==, e->title);
	}
	g_assert_null (bv_catalog_entry (BV_CAUSE_COUNT));
	/* Out of range falls back on "undefined" instead of crashing. */
	g_assert_cmpstr (bv_catalog_title (BV_CAUSE_COUNT + 5), ==, bv_catalog_title (BV_CAUSE_UNDEFINED));
}

/* The sides and actions the issue asks for, on the causes everyone knows. */
static void
test_sides_and_actions (void)
{
	g_assert_cmpstr (bv_side_id (bv_catalog_side (BV_CAUSE_USERUNKNOWN)), ==, "recipient");
	g_assert_cmpstr (bv_action_id (bv_catalog_action (BV_CAUSE_USERUNKNOWN)), ==, "suppress");
	g_assert_cmpstr (bv_side_id (bv_catalog_side (BV_CAUSE_HOSTUNKNOWN)), ==, "recipient");
	g_assert_cmpstr (bv_action_id (bv_catalog_action (BV_CAUSE_MAILBOXFULL)), ==,
	                 "suppress-after-repeats");
	g_assert_cmpstr (bv_side_id (bv_catalog_side (BV_CAUSE_BLOCKED)), ==, "sender");
	g_assert_cmpstr (bv_side_id (bv_catalog_side (BV_CAUSE_AUTHFAILURE)), ==, "sender");
	g_assert_cmpstr (bv_side_id (bv_catalog_side (BV_CAUSE_REQUIREPTR)), ==, "sender");
	g_assert_cmpstr (bv_action_id (bv_catalog_action (BV_CAUSE_AUTHFAILURE)), ==, "fix-setup");
	g_assert_cmpstr (bv_side_id (bv_catalog_side (BV_CAUSE_MESGTOOBIG)), ==, "message");
	g_assert_cmpstr (bv_side_id (bv_catalog_side (BV_CAUSE_VIRUSDETECTED)), ==, "message");
	g_assert_cmpstr (bv_side_id (bv_catalog_side (BV_CAUSE_TOOMANYCONN)), ==, "temporary");
	g_assert_cmpstr (bv_action_id (bv_catalog_action (BV_CAUSE_NETWORKERROR)), ==, "retry");
	g_assert_cmpstr (bv_action_id (bv_catalog_action (BV_CAUSE_DELIVERED)), ==, "none");

	for (int s = 0; s < BV_SIDE_COUNT; s++) {
		BvSide back;
		g_assert_true (bv_side_from_id (bv_side_id (s), &back));
		g_assert_cmpint (back, ==, s);
	}
	for (int a = 0; a < BV_ACTION_COUNT; a++) {
		BvAction back;
		g_assert_true (bv_action_from_id (bv_action_id (a), &back));
		g_assert_cmpint (back, ==, a);
	}
	g_assert_false (bv_side_from_id ("nobody", NULL));
	g_assert_false (bv_action_from_id (NULL, NULL));
}

static void
test_status_codes (void)
{
	bv_test_use_language ("en");
	BvCodeText c, s, d;
	g_assert_true (bv_status_explain ("5.7.1", &c, &s, &d));
	g_assert_cmpstr (c.name, ==, "Permanent failure");
	g_assert_cmpstr (s.name, ==, "Security or policy status");
	g_assert_cmpstr (d.name, ==, "Delivery not authorized, message refused");
	g_assert_true (bv_status_explain ("4.2.2", &c, &s, &d));
	g_assert_cmpstr (c.name, ==, "Persistent transient failure");
	g_assert_cmpstr (d.name, ==, "Mailbox full");
	g_assert_true (bv_status_explain ("5.1.1", NULL, NULL, &d));
	g_assert_nonnull (strstr (d.meaning, "does not exist"));
	/* A detail outside the registry: class and subject still explained. */
	g_assert_true (bv_status_explain ("5.7.650", &c, &s, &d));
	g_assert_cmpstr (s.name, ==, "Security or policy status");
	g_assert_null (d.name);
	g_assert_null (d.meaning);

	static const char *const invalid[] = { "",       "5",      "5.7",      "5.7.",  "3.1.1", "5.1.1.1",
		                               "5.1.1a", "55.1.1", "5.1234.1", "x.1.1", "5..1" };
	for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
		g_assert_false (bv_status_explain (invalid[i], &c, &s, &d));
	g_assert_false (bv_status_explain (NULL, NULL, NULL, NULL));
}

static void
test_reply_codes (void)
{
	bv_test_use_language ("en");
	static const char *const common[] = { "421", "450", "451", "452", "550", "551", "552", "553", "554" };
	BvCodeText r;
	for (gsize i = 0; i < G_N_ELEMENTS (common); i++) {
		g_assert_true (bv_reply_explain (common[i], &r));
		g_assert_nonnull (r.name);
		g_assert_cmpuint (strlen (r.meaning), >, 20);
	}
	g_assert_true (bv_reply_explain ("550", &r));
	g_assert_cmpint (r.cause, ==, BV_CAUSE_USERUNKNOWN);
	g_assert_true (bv_reply_explain ("552", &r));
	g_assert_cmpint (r.cause, ==, BV_CAUSE_MAILBOXFULL);
	/* Unlisted codes get their class's meaning. */
	g_assert_true (bv_reply_explain ("559", &r));
	g_assert_null (r.name);
	g_assert_nonnull (strstr (r.meaning, "Permanent"));
	g_assert_true (bv_reply_explain ("459", &r));
	g_assert_nonnull (strstr (r.meaning, "Temporary"));
	g_assert_false (bv_reply_explain ("55", &r));
	g_assert_false (bv_reply_explain ("5500", &r));
	g_assert_false (bv_reply_explain ("650", &r));
	g_assert_false (bv_reply_explain ("5a0", &r));
}

/* Readers print a part of a status code as "name: meaning"; a meaning that
 * began with its own name would show it twice ("Permanent failure: A
 * permanent failure: ..."), in either language. */
static void
test_meanings_do_not_repeat_names (void)
{
	static const char *const languages[] = { "en", "zh_CN" };
	for (gsize l = 0; l < G_N_ELEMENTS (languages); l++) {
		bv_test_use_language (languages[l]);
		for (int c = 2; c <= 5; c += c == 2 ? 2 : 1)
			for (int s = 0; s <= 7; s++)
				for (int d = 0; d <= 30; d++) {
					g_autofree char *code = g_strdup_printf ("%d.%d.%d", c, s, d);
					BvCodeText parts[3];
					g_assert_true (
					        bv_status_explain (code, &parts[0], &parts[1], &parts[2]));
					for (int i = 0; i < 3; i++) {
						if (parts[i].name == NULL)
							continue;
						g_autofree char *name = g_utf8_casefold (parts[i].name, -1);
						g_autofree char *meaning =
						        g_utf8_casefold (parts[i].meaning, -1);
						g_autofree char *article = g_strconcat ("a ", name, NULL);
						if (g_str_has_prefix (meaning, name) ||
						    g_str_has_prefix (meaning, article))
							g_error ("%s %s: the meaning repeats the name: %s",
							         languages[l], code, parts[i].meaning);
					}
				}
	}
}

/* Every piece of catalog text comes out in Chinese under LANGUAGE=zh_CN. */
static void
test_chinese (void)
{
	bv_test_use_language ("zh_CN");
	for (int c = 0; c < BV_CAUSE_COUNT; c++) {
		g_test_message ("cause %s", bv_cause_id (c));
		g_assert_true (has_han (bv_catalog_title (c)));
		g_assert_true (has_han (bv_catalog_explanation (c)));
		const char *fix = bv_catalog_fix (c);
		g_assert_true (has_han (fix));
		/* As many steps as the English. */
		g_auto (GStrv) zh = g_strsplit (fix, "\n", -1);
		g_auto (GStrv) en = g_strsplit (bv_catalog_entry (c)->fix, "\n", -1);
		g_assert_cmpuint (g_strv_length (zh), ==, g_strv_length (en));
	}
	g_assert_cmpstr (bv_catalog_title (BV_CAUSE_MAILBOXFULL), ==, "收件人邮箱已满");
	g_assert_cmpstr (bv_catalog_title (BV_CAUSE_USERUNKNOWN), ==, "收件人地址不存在");
	for (int s = 0; s < BV_SIDE_COUNT; s++)
		g_assert_true (has_han (bv_side_label (s)));
	for (int a = 0; a < BV_ACTION_COUNT; a++)
		g_assert_true (has_han (bv_action_label (a)));

	/* Every status code part and reply code the catalog knows. */
	guint details = 0, replies = 0;
	for (int cls = 2; cls <= 5; cls += (cls == 2 ? 2 : 1)) {
		for (int subject = 0; subject <= 7; subject++) {
			for (int detail = 0; detail <= 30; detail++) {
				g_autofree char *code = g_strdup_printf ("%d.%d.%d", cls, subject, detail);
				BvCodeText c, s, d;
				g_assert_true (bv_status_explain (code, &c, &s, &d));
				g_assert_true (has_han (c.name) && has_han (c.meaning));
				g_assert_true (has_han (s.name) && has_han (s.meaning));
				if (d.name != NULL) {
					g_test_message ("status %s", code);
					g_assert_true (has_han (d.name) && has_han (d.meaning));
					details++;
				}
			}
		}
	}
	for (int code = 200; code < 600; code++) {
		g_autofree char *s = g_strdup_printf ("%d", code);
		BvCodeText r;
		if (!bv_reply_explain (s, &r))
			continue;
		g_assert_true (has_han (r.meaning));
		if (r.name != NULL) {
			g_assert_true (has_han (r.name));
			replies++;
		}
	}
	/* RFC 3463 and the registry name about 70 details per class. */
	g_assert_cmpuint (details, >=, 3 * 70);
	g_assert_cmpuint (replies, >=, 20);
	BvCodeText c, s, d;
	bv_status_explain ("5.7.1", &c, &s, &d);
	g_assert_cmpstr (s.name, ==, "安全或策略状态");
	bv_test_use_language ("en");
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	bv_test_setup_language ();
	g_test_add_func ("/catalog/every-cause", test_every_cause_has_an_entry);
	g_test_add_func ("/catalog/sides-actions", test_sides_and_actions);
	g_test_add_func ("/catalog/status-codes", test_status_codes);
	g_test_add_func ("/catalog/reply-codes", test_reply_codes);
	g_test_add_func ("/catalog/meanings-do-not-repeat-names", test_meanings_do_not_repeat_names);
	g_test_add_func ("/catalog/chinese", test_chinese);
	return g_test_run ();
}
