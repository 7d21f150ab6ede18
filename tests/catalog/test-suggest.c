/* test-suggest.c: the specifics read out of a bounce, and the fix they make.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diagnostics here are written for the test in the wording mail systems
 * use (Postfix with a DNS blocklist, Microsoft's banned-IP reply, Gmail's
 * DMARC and SPF replies, size and rate limits), with documentation
 * addresses (RFC 5737) and example domains.
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "parsers/catalog.h"
#include "tests/catalog/test-language.h"
#include "parsers/suggest.h"

static BvSuggestion *
suggest_for (const char *recipient, const char *diagnostic, const char *remote_mta)
{
	g_autoptr (BvRecipient) r = bv_recipient_new ();
	g_free (r->recipient);
	r->recipient = g_strdup (recipient);
	g_free (r->diagnostic);
	r->diagnostic = g_strdup (diagnostic);
	g_free (r->remote_mta);
	r->remote_mta = g_strdup (remote_mta);
	return bv_suggest (r);
}

static void
test_typo_domains (void)
{
	static const struct {
		const char *typed, *meant;
	} typos[] = {
		{ "gamil.com", "gmail.com" },    { "gmial.com", "gmail.com" },
		{ "gmal.com", "gmail.com" },     { "gmail.con", "gmail.com" },
		{ "gmail.co", "gmail.com" },     { "hotmial.com", "hotmail.com" },
		{ "homail.com", "hotmail.com" }, { "hotmal.com", "hotmail.com" },
		{ "yaho.com", "yahoo.com" },     { "yahooo.com", "yahoo.com" },
		{ "163.cm", "163.com" },         { "qq.co", "qq.com" },
		{ "outlok.com", "outlook.com" }, { "iclould.com", "icloud.com" },
		{ "GAMIL.COM", "gmail.com" },    { "googlemial.com", "googlemail.com" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (typos); i++) {
		g_test_message ("%s", typos[i].typed);
		g_assert_cmpstr (bv_suggest_domain (typos[i].typed), ==, typos[i].meant);
	}
	/* Real domains, several one key away from a bigger provider. */
	static const char *const real[] = {
		"gmail.com", "gmx.com", "gmx.de",      "ymail.com",   "126.com",        "163.com", "qq.com",
		"mail.com",  "aol.com", "gol.com",     "me.com",      "live.com",       "msn.com", "yeah.net",
		"sina.cn",   "web.de",  "example.com", "example.org", "university.edu", "x.y",     "",
	};
	for (gsize i = 0; i < G_N_ELEMENTS (real); i++) {
		g_test_message ("%s", real[i]);
		g_assert_null (bv_suggest_domain (real[i]));
	}
	g_assert_null (bv_suggest_domain (NULL));

	g_autoptr (BvSuggestion) s = suggest_for ("alice.w@gamil.com", "550 5.1.1 user unknown", "");
	g_assert_cmpstr (s->typo_domain, ==, "gamil.com");
	g_assert_cmpstr (s->suggested_domain, ==, "gmail.com");
	g_assert_cmpstr (s->suggested_address, ==, "alice.w@gmail.com");
	g_autoptr (BvSuggestion) none = suggest_for ("bob@gmx.com", "550 5.1.1 user unknown", "");
	g_assert_null (none->suggested_address);
}

static void
test_blocklists (void)
{
	g_autoptr (BvSuggestion) s = suggest_for (
	        "a@example.com",
	        "host mx.example.com[203.0.113.5] said: 554 5.7.1 Service unavailable; Client host "
	        "[192.0.2.10] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10",
	        "");
	g_assert_cmpstr (s->blocklist, ==, "Spamhaus");
	g_assert_cmpstr (s->listed_ip, ==, "192.0.2.10");
	g_assert_cmpstr (s->delist_url, ==, "https://www.spamhaus.org/query/ip/192.0.2.10");
	g_assert_cmpstr (s->host, ==, "mx.example.com");

	g_autoptr (BvSuggestion) m = suggest_for (
	        "a@example.com",
	        "203.0.113.1 does not like recipient. Remote host said: 550 5.7.606 Access denied, banned "
	        "sending IP [198.51.100.7]. To request removal from this list please visit "
	        "https://sender.office.com/ and follow the directions.",
	        "");
	g_assert_cmpstr (m->listed_ip, ==, "198.51.100.7");
	g_assert_nonnull (strstr (m->blocklist, "Microsoft"));
	g_assert_cmpstr (m->delist_url, ==, "https://sender.office.com/");

	/* No URL in the text: the list's own lookup page. */
	g_autoptr (BvSuggestion) b = suggest_for (
	        "a@example.com", "550 rejected because 192.0.2.44 is listed at b.barracudacentral.org", "");
	g_assert_cmpstr (b->blocklist, ==, "Barracuda");
	g_assert_cmpstr (b->listed_ip, ==, "192.0.2.44");
	g_assert_cmpstr (b->delist_url, ==, "https://www.barracudacentral.org/lookups");

	g_autoptr (BvSuggestion) n = suggest_for ("a@example.com", "550 5.1.1 no such user here", "");
	g_assert_null (n->blocklist);
	g_assert_null (n->listed_ip);
}

static void
test_authentication (void)
{
	g_autoptr (BvSuggestion) spf = suggest_for ("a@example.com",
	                                            "550 5.7.23 The domain of sender@example.org does not "
	                                            "designate 192.0.2.1 as permitted sender",
	                                            "");
	g_assert_cmpstr (spf->auth_methods, ==, "SPF");
	g_assert_cmpstr (spf->auth_domain, ==, "example.org");

	g_autoptr (BvSuggestion) dmarc = suggest_for (
	        "a@example.com",
	        "550-5.7.26 Unauthenticated email from example.net is not accepted due to domain's DMARC "
	        "policy. Please contact the administrator of example.net domain.",
	        "");
	g_assert_cmpstr (dmarc->auth_methods, ==, "DMARC");
	g_assert_cmpstr (dmarc->auth_domain, ==, "example.net");

	g_autoptr (BvSuggestion) dkim = suggest_for (
	        "a@example.com", "550 5.7.20 No passing DKIM signature found, header.d=mail.example.com", "");
	g_assert_cmpstr (dkim->auth_methods, ==, "DKIM");
	g_assert_cmpstr (dkim->auth_domain, ==, "mail.example.com");

	g_autoptr (BvSuggestion) both = suggest_for (
	        "a@example.com",
	        "550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not "
	        "pass). Rejected by example.org's DMARC policy",
	        "");
	g_assert_cmpstr (both->auth_methods, ==, "SPF, DKIM, DMARC");
	g_assert_cmpstr (both->auth_domain, ==, "example.org");

	/* "dkimfoo" or "spfx" are not the checks. */
	g_autoptr (BvSuggestion) none =
	        suggest_for ("a@example.com", "550 rejected by spfx-filter dkimmer", "");
	g_assert_null (none->auth_methods);
}

static void
test_sizes (void)
{
	g_autoptr (BvSuggestion) s = suggest_for (
	        "a@example.com",
	        "552 5.3.4 Error: message file too big; message size 15728640 exceeds size limit "
	        "10485760",
	        "");
	g_assert_cmpuint (s->size_limit, ==, 10485760);
	g_assert_cmpuint (s->message_size, ==, 15728640);

	g_autoptr (BvSuggestion) mb =
	        suggest_for ("a@example.com", "552 5.2.3 Message exceeds maximum size of 25 MB", "");
	g_assert_cmpuint (mb->size_limit, ==, 25 * 1048576);
	g_assert_cmpuint (mb->message_size, ==, 0);

	g_autoptr (BvSuggestion) bytes =
	        suggest_for ("a@example.com", "552 Message exceeds 10485760 bytes", "");
	g_assert_cmpuint (bytes->size_limit, ==, 10485760);

	/* Codes, IP addresses and counts are not sizes. */
	g_autoptr (BvSuggestion) none = suggest_for (
	        "a@example.com", "550 5.1.1 user unknown (192.0.2.1) queue id 4F3A2 after 1200 seconds", "");
	g_assert_cmpuint (none->size_limit, ==, 0);
	g_assert_cmpuint (none->message_size, ==, 0);

	g_autofree char *ten = bv_format_bytes (10485760);
	g_assert_cmpstr (ten, ==, "10 MB");
	g_autofree char *frac = bv_format_bytes (15938355);
	g_assert_cmpstr (frac, ==, "15.2 MB");
	g_autofree char *small = bv_format_bytes (512);
	g_assert_cmpstr (small, ==, "512 B");
}

static void
test_limits_and_waits (void)
{
	g_autoptr (BvSuggestion) r = suggest_for (
	        "a@example.com", "452 4.5.3 Too many recipients; at most 100 recipients per message", "");
	g_assert_cmpuint (r->recipient_limit, ==, 100);
	g_autoptr (BvSuggestion) r2 = suggest_for (
	        "a@example.com", "550 5.5.3 recipient limit of 50 exceeded for this message", "");
	g_assert_cmpuint (r2->recipient_limit, ==, 50);
	/* A rate, not a per-message limit, with a code number after it. */
	g_autoptr (BvSuggestion) r3 = suggest_for (
	        "a@example.com", "550 203.0.113.9 has sent to too many recipients this hour. IB607", "");
	g_assert_cmpuint (r3->recipient_limit, ==, 0);

	g_autoptr (BvSuggestion) w = suggest_for ("a@example.com", "421 4.7.0 Try again in 5 minutes", "");
	g_assert_cmpuint (w->retry_after, ==, 300);
	g_autoptr (BvSuggestion) w2 =
	        suggest_for ("a@example.com", "450 4.2.0 greylisted, please retry after 120 seconds", "");
	g_assert_cmpuint (w2->retry_after, ==, 120);
	g_autoptr (BvSuggestion) w3 = suggest_for ("a@example.com", "421 try again later", "");
	g_assert_cmpuint (w3->retry_after, ==, 0);

	g_autoptr (BvSuggestion) h =
	        suggest_for ("a@example.com", "550 5.1.1 user unknown", "dns; mx1.example.net");
	g_assert_cmpstr (h->host, ==, "mx1.example.net");
}

static void
test_fix_text (void)
{
	bv_test_use_language ("en");
	g_autoptr (BvSuggestion) size = suggest_for (
	        "a@example.com", "552 5.3.4 message size 15728640 exceeds size limit 10485760", "");
	g_autofree char *size_en = bv_suggestion_fix_text (size, BV_CAUSE_MESGTOOBIG);
	g_assert_nonnull (strstr (size_en, "The limit is 10 MB; your message was 15 MB."));
	/* The size is not what an unknown user is about. */
	g_autofree char *size_user = bv_suggestion_fix_text (size, BV_CAUSE_USERUNKNOWN);
	g_assert_null (size_user);

	g_autoptr (BvSuggestion) typo = suggest_for ("ann@hotmial.com", "550 5.1.2 host not found", "");
	g_autofree char *typo_en = bv_suggestion_fix_text (typo, BV_CAUSE_HOSTUNKNOWN);
	g_assert_nonnull (strstr (typo_en, "did you mean ann@hotmail.com?"));

	g_autoptr (BvSuggestion) bl = suggest_for (
	        "a@example.com", "554 Client host [192.0.2.10] blocked using bl.spamcop.net", "");
	g_autofree char *bl_en = bv_suggestion_fix_text (bl, BV_CAUSE_BLOCKED);
	g_assert_nonnull (strstr (bl_en, "192.0.2.10 is listed on the SpamCop blocklist"));
	g_assert_nonnull (strstr (bl_en, "https://www.spamcop.net/bl.shtml"));

	bv_test_use_language ("zh_CN");
	g_autofree char *size_zh = bv_suggestion_fix_text (size, BV_CAUSE_MESGTOOBIG);
	g_assert_nonnull (strstr (size_zh, "上限为 10 MB，您的邮件为 15 MB。"));
	g_autofree char *typo_zh = bv_suggestion_fix_text (typo, BV_CAUSE_HOSTUNKNOWN);
	g_assert_nonnull (strstr (typo_zh, "ann@hotmail.com"));
	g_assert_nonnull (strstr (typo_zh, "拼写错误"));
	g_autoptr (BvSuggestion) w = suggest_for ("a@example.com", "421 4.7.0 Try again in 5 minutes", "");
	g_autofree char *wait_zh = bv_suggestion_fix_text (w, BV_CAUSE_SPEEDING);
	g_assert_nonnull (strstr (wait_zh, "5 分钟"));
	bv_test_use_language ("en");

	g_autoptr (BvSuggestion) empty = bv_suggestion_new ();
	g_assert_null (bv_suggestion_fix_text (empty, BV_CAUSE_BLOCKED));
	g_assert_null (bv_suggestion_fix_text (NULL, BV_CAUSE_BLOCKED));
}

/* Hostile text: binary, truncated, endless digits and lead-ins. */
static void
test_hostile (void)
{
	GRand *rand = g_rand_new_with_seed (7);
	static const char *const pieces[] = {
		"spamhaus ",
		"SPF ",
		"domain of ",
		"'s DMARC ",
		"size ",
		"exceeds ",
		"9999999999999999999 ",
		"MB ",
		"try again in ",
		"99999999999 hours ",
		"recipients ",
		"host ",
		"http://",
		"[",
		"1.2.3.4.5.6 ",
		"255.255.255.255",
		"@",
		".",
		"\xff\xfe",
		"recipient limit of ",
	};
	for (int round = 0; round < 300; round++) {
		g_autoptr (GString) text = g_string_new (NULL);
		int n = g_rand_int_range (rand, 0, 400);
		for (int i = 0; i < n; i++)
			g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
		g_autoptr (BvSuggestion) s = suggest_for ("x@gamil.com", text->str, text->str);
		g_autofree char *fix = bv_suggestion_fix_text (s, round % BV_CAUSE_COUNT);
		g_assert_nonnull (s->suggested_address);
	}
	g_rand_free (rand);
	/* A very long diagnostic is read in bounded time. */
	g_autofree char *huge = g_strnfill (4 * 1024 * 1024, '9');
	g_autoptr (BvSuggestion) h = suggest_for ("@", huge, NULL);
	g_assert_null (h->suggested_address);
	g_autoptr (BvSuggestion) null_fields = suggest_for (NULL, NULL, NULL);
	g_assert_null (null_fields->host);
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	bv_test_setup_language ();
	g_assert_cmpstr (bv_action_label (BV_ACTION_SUPPRESS), ==, "立即停发该地址");
	g_test_add_func ("/suggest/typo", test_typo_domains);
	g_test_add_func ("/suggest/blocklist", test_blocklists);
	g_test_add_func ("/suggest/authentication", test_authentication);
	g_test_add_func ("/suggest/sizes", test_sizes);
	g_test_add_func ("/suggest/limits-waits", test_limits_and_waits);
	g_test_add_func ("/suggest/fix-text", test_fix_text);
	g_test_add_func ("/suggest/hostile", test_hostile);
	return g_test_run ();
}
