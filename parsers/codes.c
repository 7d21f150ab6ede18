/* codes.c: enhanced status codes (RFC 3463) and reply codes (RFC 5321).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"

/* Length of a status code starting at @p, or 0: class [245], a dot, one to
 * three digits, a dot, one to three digits, not glued to more digits or
 * dots (so IP addresses and version numbers do not count). */
static gsize
status_at (const char *text, const char *p)
{
	if (p > text && (g_ascii_isdigit (p[-1]) || p[-1] == '.'))
		return 0;
	if (p[0] != '2' && p[0] != '4' && p[0] != '5')
		return 0;
	if (p[1] != '.')
		return 0;
	gsize i = 2, n = 0;
	while (g_ascii_isdigit (p[i]) && n < 3)
		i++, n++;
	if (n == 0 || p[i] != '.')
		return 0;
	i++;
	n = 0;
	while (g_ascii_isdigit (p[i]) && n < 3)
		i++, n++;
	if (n == 0 || g_ascii_isdigit (p[i]))
		return 0;
	if (p[i] == '.' && g_ascii_isdigit (p[i + 1]))
		return 0;
	return i;
}

gboolean
bv_status_valid (const char *s)
{
	return s != NULL && s[0] && status_at (s, s) == strlen (s);
}

gboolean
bv_status_find (const char *text, char *out, gsize out_len)
{
	if (text == NULL)
		return FALSE;
	for (const char *p = text; *p; p++) {
		gsize n = status_at (text, p);
		if (n > 0 && n < out_len) {
			memcpy (out, p, n);
			out[n] = '\0';
			return TRUE;
		}
	}
	return FALSE;
}

gboolean
bv_reply_valid (const char *s)
{
	return s != NULL && strlen (s) == 3 && (s[0] == '2' || s[0] == '4' || s[0] == '5') && s[1] >= '0' &&
	       s[1] <= '5' && g_ascii_isdigit (s[2]);
}

/* A reply code standing at @p as a word: three digits followed by a space,
 * a dash (multi-line reply), end of text or punctuation, and not preceded by
 * a digit, dot or letter. */
static gboolean
reply_at (const char *text, const char *p)
{
	if (p > text && (g_ascii_isalnum (p[-1]) || p[-1] == '.' || p[-1] == '-' || p[-1] == '#' ||
	                 p[-1] == '/' || p[-1] == '='))
		return FALSE;
	/* "ERROR CODE :550" and "code:550" label a reply; "10:55" or "::550"
	 * (times, IPv6) do not. */
	if (p > text && p[-1] == ':' && (p - 1 == text || g_ascii_isdigit (p[-2]) || p[-2] == ':'))
		return FALSE;
	char code[4] = { p[0], p[0] ? p[1] : 0, p[0] && p[1] ? p[2] : 0, 0 };
	if (!bv_reply_valid (code))
		return FALSE;
	char after = p[3];
	return after == '\0' || after == ' ' || after == '-' || after == '\t' || after == '\n' ||
	       after == ',' || after == ']' || after == ')' || after == '"' || after == '\'';
}

gboolean
bv_reply_find (const char *text, char *out, gsize out_len)
{
	if (text == NULL || out_len < 4)
		return FALSE;
	for (const char *p = text; *p; p++) {
		if (reply_at (text, p)) {
			/* "550-5.1.1" and "550 5.1.1" and "550 Unknown" all
			 * count; "4.7.1 451" too.  A number followed by a
			 * unit ("552 bytes") is rare enough to accept. */
			memcpy (out, p, 3);
			out[3] = '\0';
			return TRUE;
		}
	}
	return FALSE;
}
