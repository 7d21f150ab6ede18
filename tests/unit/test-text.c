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

/* An HTML part's text is what a browser shows: one break for "<br>" and
 * the newline after it, lines at blocks, a paragraph's empty line, tabs
 * between cells, pre as written, references decoded. */
static void
test_html_to_text (void)
{
	const struct {
		const char *html, *want;
	} cases[] = {
		/* Exchange's recipient lines: one break each, not two. */
		{ "<p>Generating server: ex.example.com<br>\n<br>\n"
		  "<a href=\"mailto:a@example.net\">a@example.net</a><br>\nmx.example.net<br>\n"
		  "Remote Server returned '550 5.1.1 &lt;a@example.net&gt;'<br>\n</p>",
		  "Generating server: ex.example.com\n\na@example.net\nmx.example.net\n"
		  "Remote Server returned '550 5.1.1 <a@example.net>'\n" },
		/* White space collapses, and goes at a line's ends. */
		{ "<div>  one\n  two  </div>\n\n<div>three</div>", "one two\nthree\n" },
		/* A paragraph: an empty line; breaks in a row collapse. */
		{ "<p>a</p><p>b</p><div><div>c</div></div>", "a\n\nb\n\nc\n" },
		/* Cells: a tab between them; rows and headings: lines. */
		{ "<table><tr><th>Recipient</th><th>Reason</th></tr>"
		  "<tr><td>d&#64;example.net</td><td>550 5.1.1 User unknown</td></tr></table>"
		  "<h2>Next</h2>",
		  "Recipient\tReason\nd@example.net\t550 5.1.1 User unknown\nNext\n" },
		/* pre keeps its lines; the newline after <pre> is no content. */
		{ "<pre>\nReceived: from a\n  by b;\n</pre>x", "Received: from a\n  by b;\nx\n" },
		/* References: numeric, hexadecimal, named, legacy without ';'. */
		{ "a&#x40;b &#64; &lt;&gt;&amp;&quot;&nbsp;&eacute;&copy x &#0; &bogus; & a",
		  "a@b @ <>&\" \xc3\xa9\xc2\xa9 x \xef\xbf\xbd &bogus; & a\n" },
		/* Script, style, head and comments show nothing; an address
		 * left unescaped is text, a lone '<' too. */
		{ "<head><title>t</title></head><style>p{}</style><!-- <p>no</p> -->"
		  "550 <user@example.net> 1 < 2<script>x()</script>",
		  "550 <user@example.net> 1 < 2\n" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autofree char *got = bv_mail_html_to_text (cases[i].html);
		g_assert_cmpstr (got, ==, cases[i].want);
	}
}

/* A multipart/alternative's plain part that is empty or a stub gives way
 * to the HTML's text; one that renders the report stays. */
static void
test_alternative (void)
{
	static const char *const head = "From: a@example.com\nSubject: x\nMIME-Version: 1.0\n"
	                                "Content-Type: multipart/alternative; boundary=b\n\n--b\n"
	                                "Content-Type: text/plain\n\n";
	static const char *const html =
	        "\n--b\nContent-Type: text/html\n\n"
	        "<p>Delivery has failed to these recipients or groups:</p>"
	        "<p>Petr Novak<br>The mailbox is full.</p>"
	        "<p>Generating server: ex.example.com</p><p>p.novak@example.org<br>"
	        "mx.example.org<br>Remote Server returned '452 4.2.2 Mailbox full'</p>"
	        "<p>Original message headers:</p><pre>Received: from ex.example.com (192.0.2.10) by "
	        "ex.example.com with Microsoft SMTP Server id 15.20.7452.28;\n"
	        " Mon, 16 Nov 2026 15:00:00 +0000\nFrom: a@example.com\nTo: p.novak@example.org\n"
	        "Subject: Price list\n</pre>\n--b--\n";
	const struct {
		const char *plain;
		gboolean html;
	} cases[] = {
		{ "", TRUE },
		{ " \n\t\n", TRUE },
		{ "This message requires an HTML viewer.\n", TRUE },
		/* A line of the HTML, but no address where the HTML has one. */
		{ "Delivery has failed to these recipients or groups:\n\nPetr Novak\n", TRUE },
		/* The report itself, shorter than the HTML. */
		{ "p.novak@example.org\nRemote Server returned '452 4.2.2 Mailbox full'\n", FALSE },
		/* Not much shorter: kept whatever it says. */
		{ "Somebody wrote a long plain part that the HTML does not repeat at all, "
		  "long enough to count as a text of its own and not as a stub of one.\n",
		  FALSE },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
		g_autofree char *msg = g_strconcat (head, cases[i].plain, html, NULL);
		g_autoptr (BvMail) mail = bv_mail_new (msg, strlen (msg));
		gboolean got = strstr (mail->text, "Generating server: ex.example.com\n") != NULL;
		g_assert_cmpint (got, ==, cases[i].html);
	}
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
	g_test_add_func ("/text/html-to-text", test_html_to_text);
	g_test_add_func ("/text/alternative", test_alternative);
	return g_test_run ();
}
