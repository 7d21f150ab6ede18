/* test-wrap.c: line breaking of English and Chinese text (output/wrap.c).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "output/wrap.h"

/* Columns of @line by the default widths. */
static int
columns (const char *line)
{
	int w = 0;
	for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
		w += bv_wrap_char_width (g_utf8_get_char (p));
	return w;
}

/* Wraps @text and checks that no line is wider than @width and that the
 * lines put back together give the text again (minus the spaces the
 * breaks took). */
static GPtrArray *
wrap_checked (const char *text, int width)
{
	GPtrArray *lines = bv_wrap (text, width, width, NULL);
	g_autoptr (GString) joined = g_string_new (NULL);
	for (guint i = 0; i < lines->len; i++) {
		const char *l = lines->pdata[i];
		g_assert_cmpint (columns (l), <=, width);
		g_string_append (joined, l);
	}
	g_autofree char *squeezed = g_strdup (text);
	char *w = squeezed;
	for (const char *p = text; *p != '\0'; p++)
		if (*p != ' ')
			*w++ = *p;
	*w = '\0';
	g_autofree char *joined_squeezed = g_strdup (joined->str);
	w = joined_squeezed;
	for (const char *p = joined->str; *p != '\0'; p++)
		if (*p != ' ')
			*w++ = *p;
	*w = '\0';
	g_assert_cmpstr (joined_squeezed, ==, squeezed);
	return lines;
}

static void
test_english (void)
{
	g_autoptr (GPtrArray) lines = wrap_checked ("The quick brown fox jumps over the lazy dog", 15);
	g_assert_cmpuint (lines->len, ==, 3);
	g_assert_cmpstr (lines->pdata[0], ==, "The quick brown");
	g_assert_cmpstr (lines->pdata[1], ==, "fox jumps over");
	g_assert_cmpstr (lines->pdata[2], ==, "the lazy dog");
	/* A word that ends exactly at the edge stays on its line. */
	g_autoptr (GPtrArray) exact = wrap_checked ("abcde fghij", 5);
	g_assert_cmpstr (exact->pdata[0], ==, "abcde");
	g_assert_cmpstr (exact->pdata[1], ==, "fghij");
	/* A word longer than the line is cut, never left overflowing. */
	g_autoptr (GPtrArray) cut = wrap_checked ("https://example.com/a/very/long/path", 10);
	g_assert_cmpstr (cut->pdata[0], ==, "https://ex");
}

/* No line of Chinese text starts with closing punctuation, and none ends
 * with an opening bracket or quote, whatever the width. */
static void
test_chinese_punctuation (void)
{
	static const char *const texts[] = {
		"收信服务器因为您的服务器的 IP 地址或主机名而拒绝了连接。最常见的原因是该 IP 上了黑名单"
		"（公开的垃圾邮件来源地址列表），或者对方不接收来自动态 IP、家庭宽带 IP 的邮件。",
		"服务器也会用 550 表示发件方被拦截、垃圾邮件或策略拒收：具体是哪种，要看状态码和后面的文字。",
		"降低发送量，再逐步提高（新 IP 需要“预热”）。等信誉恢复后再重新发送！对吗？是的；好。",
	};
	static const char *const no_start[] = { "，", "。", "、", "；", "：", "！", "？", "）", "”", "》" };
	static const char *const no_end[] = { "（", "“", "《" };
	for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
		/* From 12 columns on: no line can keep "“预热”）。" (10
		 * columns) together in less. */
		for (int width = 12; width <= 80; width++) {
			g_autoptr (GPtrArray) lines = wrap_checked (texts[t], width);
			for (guint i = 0; i < lines->len; i++) {
				const char *l = lines->pdata[i];
				for (gsize k = 0; k < G_N_ELEMENTS (no_start); k++)
					if (g_str_has_prefix (l, no_start[k]))
						g_error ("width %d: line starts with %s: %s", width,
						         no_start[k], l);
				for (gsize k = 0; k < G_N_ELEMENTS (no_end); k++)
					if (g_str_has_suffix (l, no_end[k]))
						g_error ("width %d: line ends with %s: %s", width, no_end[k],
						         l);
			}
		}
	/* The case that was seen: "、" right at the edge goes down with the
	 * character before it. */
	g_autoptr (GPtrArray) lines = wrap_checked ("一二三四五、六七八", 10);
	g_assert_cmpstr (lines->pdata[0], ==, "一二三四");
	g_assert_cmpstr (lines->pdata[1], ==, "五、六七八");
}

static void
test_mixed_and_edges (void)
{
	/* Between a wide and a narrow character a line may break too. */
	g_autoptr (GPtrArray) mixed = wrap_checked ("请检查DKIM签名", 8);
	g_assert_cmpstr (mixed->pdata[0], ==, "请检查");
	g_assert_cmpstr (mixed->pdata[1], ==, "DKIM签名");
	/* First-line width differs from the others (a hanging label). */
	g_autoptr (GPtrArray) hanging = bv_wrap ("aaa bbb ccc ddd", 3, 7, NULL);
	g_assert_cmpuint (hanging->len, ==, 3);
	g_assert_cmpstr (hanging->pdata[0], ==, "aaa");
	g_assert_cmpstr (hanging->pdata[1], ==, "bbb ccc");
	/* Empty text, newlines, indentation, hostile widths. */
	g_autoptr (GPtrArray) empty = bv_wrap ("", 10, 10, NULL);
	g_assert_cmpuint (empty->len, ==, 1);
	g_assert_cmpstr (empty->pdata[0], ==, "");
	g_autoptr (GPtrArray) nl = bv_wrap ("  one\n  two\n", 20, 20, NULL);
	g_assert_cmpuint (nl->len, ==, 2);
	g_assert_cmpstr (nl->pdata[0], ==, "  one");
	g_assert_cmpstr (nl->pdata[1], ==, "  two");
	g_autoptr (GPtrArray) tiny = bv_wrap ("全角全角全角", -5, 0, NULL);
	g_assert_cmpuint (tiny->len, ==, 3);
	g_autoptr (GPtrArray) null = bv_wrap (NULL, 10, 10, NULL);
	g_assert_cmpuint (null->len, ==, 1);
	g_autoptr (GPtrArray) spaces = bv_wrap ("word          ", 5, 5, NULL);
	g_assert_cmpuint (spaces->len, ==, 1);
	g_assert_cmpstr (spaces->pdata[0], ==, "word");
}

int
main (int argc, char **argv)
{
	/* Messages name the Chinese lines that fail: they need UTF-8. */
	setlocale (LC_ALL, "C.UTF-8");
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/wrap/english", test_english);
	g_test_add_func ("/wrap/chinese-punctuation", test_chinese_punctuation);
	g_test_add_func ("/wrap/mixed-and-edges", test_mixed_and_edges);
	return g_test_run ();
}
