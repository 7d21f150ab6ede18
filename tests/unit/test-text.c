/* test-text.c: normalising, escaping and address extraction.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "parsers/bounce.h"
#include "parsers/mail.h"
#include "parsers/text.h"

static void
test_normalise (void)
{
	g_autofree char *a = bv_text_normalise ("  550 5.1.1\r\n\t user   unknown \n", -1);
	g_assert_cmpstr (a, ==, "550 5.1.1 user unknown");
	g_autofree char *b = bv_text_normalise ("bad \xff\xfe bytes", -1);
	g_assert_true (g_utf8_validate (b, -1, NULL));
	g_autofree char *c = bv_text_normalise (NULL, -1);
	g_assert_cmpstr (c, ==, "");
}

static void
test_make_safe (void)
{
	/* An escape sequence that would recolour or retitle a terminal is
	 * shown, not executed. */
	g_autofree char *a = bv_text_make_safe ("red \x1b[31mtext\x1b]0;title\x07 end");
	g_assert_null (strchr (a, 0x1b));
	g_assert_null (strchr (a, 0x07));
	g_assert_nonnull (strstr (a, "\\e[31m"));
	g_autofree char *b = bv_text_make_safe ("C1 \xc2\x9b control");
	g_assert_null (strstr (b, "\xc2\x9b"));
	g_autofree char *c = bv_text_make_safe ("中文诊断 ok");
	g_assert_cmpstr (c, ==, "中文诊断 ok");
}

static void
test_address (void)
{
	const struct {
		const char *in;
		const char *want;
	} cases[] = {
		{ "rfc822; Alice@Example.COM", "Alice@example.com" },
		{ "Bob Smith <bob@example.org>", "bob@example.org" },
		{ "<carol@example.net>:", "carol@example.net" },
		{ "mail to dave@example.jp. failed", "dave@example.jp" },
		{ "\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba\xef\xbc\x9awang@example.cn\xe3\x80\x82",
		  "wang@example.cn" },
		{ "\xc2\xab\xc2\xa0marie@example.fr\xc2\xa0\xc2\xbb", "marie@example.fr" },
		{ "\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b\xe5\xad\x90.\xe4\xb8\xad\xe5\x9b\xbd",
		  "\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b\xe5\xad\x90.\xe4\xb8\xad\xe5\x9b\xbd" },
		/* Single quotes around the address (Exchange 5.5) are not
		 * its local part; an apostrophe inside it is. */
		{ "'gwen@example.net' on 3/11/98 8:22 AM", "gwen@example.net" },
		{ "550 'kijitora@example.com' is not a registered gateway user", "kijitora@example.com" },
		{ "o'brien@example.ie", "o'brien@example.ie" },
		/* A quoted local part (RFC 5321 4.1.2) keeps its quotes. */
		{ "<\"john doe\"@Example.ORG>: host said", "\"john doe\"@example.org" },
		{ "rfc822; \"a\\\"b\"@example.org", "\"a\\\"b\"@example.org" },
		{ "say \"@example.org", NULL },
		{ "no address here", NULL },
		{ "@", NULL },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autofree char *got = bv_address_extract (cases[i].in);
		g_assert_cmpstr (got, ==, cases[i].want);
	}
	g_assert_true (bv_address_plausible ("a@example.com"));
	g_assert_false (bv_address_plausible ("a example@com"));
	g_assert_false (bv_address_plausible ("example.com"));
	/* The promise of text.h: a dotted domain or an address literal. */
	g_assert_true (bv_address_plausible ("a@mail.example.org"));
	g_assert_true (bv_address_plausible ("a@[192.0.2.1]"));
	g_assert_false (bv_address_plausible ("a@localhost"));
	g_assert_false (bv_address_plausible ("root@mailhost"));
	g_assert_true (bv_address_plausible ("\"john doe\"@example.org"));
	g_assert_false (bv_address_plausible ("john doe\"@example.org"));
	/* The same mailbox, quoted or not; the domain's case aside. */
	g_assert_true (bv_address_equal ("\"john.doe\"@example.org", "John.Doe@EXAMPLE.org"));
	g_assert_true (bv_address_equal ("\"john doe\"@example.org", "\"john doe\"@example.org"));
	g_assert_true (bv_address_equal ("\"a\\\"b\"@example.org", "\"a\\\"b\"@example.org"));
	g_assert_false (bv_address_equal ("\"john doe\"@example.org", "johndoe@example.org"));
	g_assert_false (bv_address_equal ("\"john\"@example.org", "john@example.net"));
	g_assert_false (bv_address_equal ("a@example.org", NULL));
}

static void
test_find_ci (void)
{
	g_assert_nonnull (bv_text_find_ci ("Mailbox FULL", "mailbox full"));
	g_assert_null (bv_text_find_ci ("mailbox", "mailbox full"));
	const char *text = "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown";
	g_assert_true (bv_text_find_ci (text, "USER UNKNOWN") == strstr (text, "User unknown"));
	g_assert_true (bv_text_find_ci (text, "5.1.1") == text + 4);
	g_assert_true (bv_text_find_ci (text, "") == text);
	g_assert_true (bv_text_find_ci (text, "n") == strchr (text, 'n'));
	g_assert_null (bv_text_find_ci (text, "unknown user"));
	/* The first match, where the needle's beginning stands many times
	 * before it (the search changes method after a few misses). */
	GString *many = g_string_new (NULL);
	for (guint i = 0; i < 200; i++)
		g_string_append (many, i % 2 ? "UsEr " : "usage ");
	g_string_append (many, "user unknown, user unknown");
	const char *at = bv_text_find_ci (many->str, "User Unknown");
	g_assert_nonnull (at);
	g_assert_cmpint (at - many->str, ==, many->len - strlen ("user unknown, user unknown"));
	g_assert_null (bv_text_find_ci (many->str, "user unknown!"));
	/* The same answer as strcasestr for every needle taken from a text,
	 * changed in case, and for bytes past ASCII, which match exactly. */
	const char *texts[] = { text, many->str, "Zustellung fehlgeschlagen: Postfach voll",
		                "\xe9\x82\xae\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xa1 mailbox full", NULL };
	for (guint t = 0; texts[t]; t++) {
		gsize n = strlen (texts[t]);
		for (gsize i = 0; i < n; i += 3)
			for (gsize k = 1; k <= 12 && i + k <= n; k += 5) {
				g_autofree char *needle = g_ascii_strup (texts[t] + i, (gssize)k);
				g_assert_true (bv_text_find_ci (texts[t], needle) ==
				               strcasestr (texts[t], needle));
			}
	}
	g_string_free (many, TRUE);
}

/* A header value cut into encoded words, each decoded on its own (RFC 2047
 * section 5): GMime 3.2 joined adjacent words and stopped at the first
 * word's base64 padding, which lost the rest of the subject. */
static void
test_decode_header (void)
{
	const struct {
		const char *raw, *want;
	} cases[] = {
		{ "=?UTF-8?B?QQ==?= =?UTF-8?B?Qg==?=", "AB" },
		{ " =?UTF-8?B?0JDQstGC0L7QvNCw0YLQuNGH0LXRgdC60LjQuSA=?=\n "
		  "=?UTF-8?B?0L7RgtCy0LXRgjog0JfQsNC60LDQtyAzMzIx?=",
		  "\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd0\xbc\xd0\xb0\xd1\x82\xd0\xb8\xd1\x87\xd0\xb5\xd1\x81"
		  "\xd0\xba"
		  "\xd0\xb8\xd0\xb9 \xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82: "
		  "\xd0\x97\xd0\xb0\xd0\xba\xd0\xb0\xd0\xb7 3321" },
		/* Text between words stays; white space between two words goes. */
		{ "Re: =?ISO-8859-1?Q?Caf=E9?= and =?ISO-8859-1?Q?th=E9?=",
		  "Re: Caf\xc3\xa9 and th\xc3\xa9" },
		{ "=?UTF-8?Q?a?=   =?UTF-8?Q?b?= c", "ab c" },
		/* Not an encoded word: kept as written. */
		{ "=?broken and plain text", "=?broken and plain text" },
		{ "Undelivered Mail Returned to Sender", "Undelivered Mail Returned to Sender" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autofree char *got = bv_mail_decode_header (cases[i].raw);
		g_assert_cmpstr (got, ==, cases[i].want);
	}
}

/* Blank lines before the headers go; anything else stays. */
static void
test_blank_prefix (void)
{
	const struct {
		const char *text;
		gsize skip;
	} cases[] = {
		{ "\n\nFrom: a@b.example\n", 2 },
		{ "  \n\t\r\nReturn-Path: <>\r\n", 6 },
		{ "\r\rSubject: x\r", 2 },
		{ "From: a@b.example\n", 0 },       /* nothing to skip */
		{ "\n\nHello there\n", 0 },         /* not a header after the blanks */
		{ "\n\n  From: a@b.example\n", 0 }, /* an indented line is no header */
		{ "\n\n\n", 0 },                    /* nothing after them */
		{ "\n\nX-Odd", 0 },                 /* cut before the colon */
		/* An mbox separator line, after blank lines or not. */
		{ "\n\nFrom MAILER-DAEMON  Thu Apr 29 23:34:45 2015\nReturn-Path: <>\n", 47 },
		{ "From sender@example.org Mon Dec  7 01:00:00 2026\r\nSubject: x\r\n", 50 },
		{ " \r\nFrom a@b.example Mon Dec  7 01:00:00 2026\rTo: c@d.example\r", 45 },
		{ "From me to you, a letter\n\nSubject: x\n", 0 },      /* no header after it */
		{ "\n\nFrom a@b.example Mon Dec  7 01:00:00 2026", 0 }, /* nothing after it */
		{ "\n\nFrom: a@b.example\nFrom x\n", 2 },               /* a From: field is no separator */
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
		g_assert_cmpuint (bv_text_blank_prefix (cases[i].text, strlen (cases[i].text)), ==,
		                  cases[i].skip);
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	/* bv_mail_decode_header() uses GMime. */
	bv_init ();
	g_test_add_func ("/text/normalise", test_normalise);
	g_test_add_func ("/text/make-safe", test_make_safe);
	g_test_add_func ("/text/address", test_address);
	g_test_add_func ("/text/find-ci", test_find_ci);
	g_test_add_func ("/text/decode-header", test_decode_header);
	g_test_add_func ("/text/blank-prefix", test_blank_prefix);
	return g_test_run ();
}
