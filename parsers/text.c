/* text.c: small string helpers shared by the parsers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "parsers/text.h"

char *
bv_text_normalise (const char *s, gssize len)
{
	if (s == NULL)
		return g_strdup ("");
	if (len < 0)
		len = (gssize)strlen (s);
	g_autofree char *valid = g_utf8_make_valid (s, len);
	GString *out = g_string_sized_new ((gsize)len);
	gboolean space = FALSE;
	for (const char *p = valid; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
			space = TRUE;
			continue;
		}
		if (space && out->len > 0)
			g_string_append_c (out, ' ');
		space = FALSE;
		g_string_append_c (out, (char)c);
	}
	return g_string_free (out, FALSE);
}

const char *
bv_text_find_ci (const char *haystack, const char *needle)
{
	if (haystack == NULL || needle == NULL)
		return NULL;
	if (needle[0] == '\0')
		return haystack;
	/* The places where the needle's first letter stands, in either case,
	 * are found by strpbrk (vectorised in glibc); the second letter rules
	 * out most of them before a compare.  glibc's strcasestr computed the
	 * needle's factorisation again on every call, most of the cost of the
	 * short searches the format parsers make in every report. */
	char first[3] = { g_ascii_tolower (needle[0]), g_ascii_toupper (needle[0]), '\0' };
	if (first[0] == first[1])
		first[1] = '\0';
	char second = g_ascii_tolower (needle[1]);
	gsize len = strlen (needle);
	guint misses = 0;
	for (const char *p = strpbrk (haystack, first); p != NULL; p = strpbrk (p + 1, first)) {
		if (second != '\0' && g_ascii_tolower (p[1]) != second)
			continue;
		if (g_ascii_strncasecmp (p, needle, len) == 0)
			return p;
		/* A text made of the needle's beginnings ("aaaa..." for
		 * "aaab") would cost a compare at every byte: after a few,
		 * the linear two-way search takes over. */
		if (++misses > 32)
			return strcasestr (p + 1, needle);
	}
	return NULL;
}

const char *
bv_text_find_any_ci (const char *haystack, const char *const *needles)
{
	for (const char *const *n = needles; n && *n; n++)
		if (bv_text_find_ci (haystack, *n) != NULL)
			return *n;
	return NULL;
}

/* Whether a header line ("Name:", a name of printable ASCII without
 * spaces) starts at @pos of @data. */
static gboolean
header_at (const char *data, gsize len, gsize pos)
{
	gsize name = pos;
	while (name < len && data[name] > ' ' && data[name] < 0x7f && data[name] != ':')
		name++;
	return name > pos && name < len && data[name] == ':';
}

gsize
bv_text_blank_prefix (const char *data, gsize len)
{
	gsize i = 0, line = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
		if (data[i] == '\n' || data[i] == '\r')
			line = i + 1;
		i++;
	}
	/* A message cut out of an mbox may keep its "From " separator line,
	 * after the blank line that ended the message before it: the line
	 * goes too when a header line follows it. */
	if (len - line > 5 && memcmp (data + line, "From ", 5) == 0) {
		gsize eol = line;
		while (eol < len && data[eol] != '\n' && data[eol] != '\r')
			eol++;
		gsize next = eol < len && data[eol] == '\r' && eol + 1 < len && data[eol + 1] == '\n'
		                     ? eol + 2
		                     : eol + 1;
		if (eol < len && header_at (data, len, next))
			return next;
	}
	/* Only whole lines go, and only before a header line. */
	if (line == 0 || !header_at (data, len, line))
		return 0;
	return line;
}

static char *
make_safe (const char *s, gboolean keep_lines)
{
	if (s == NULL)
		return g_strdup ("");
	g_autofree char *valid = g_utf8_make_valid (s, -1);
	GString *out = g_string_sized_new (strlen (valid));
	for (const char *p = valid; *p; p = g_utf8_next_char (p)) {
		gunichar c = g_utf8_get_char (p);
		if (keep_lines && (c == '\n' || c == '\t'))
			g_string_append_c (out, (char)c);
		else if (c == 0x1b)
			g_string_append (out, "\\e");
		else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
		         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
			/* C0/C1 controls, and the bidirectional overrides
			 * that could make a line read differently. */
			g_string_append_printf (out, c < 0x100 ? "\\x%02x" : "\\u%04x", c);
		else
			g_string_append_unichar (out, c);
	}
	return g_string_free (out, FALSE);
}

char *
bv_text_make_safe (const char *s)
{
	return make_safe (s, FALSE);
}

char *
bv_text_make_safe_lines (const char *s)
{
	return make_safe (s, TRUE);
}

static gboolean
local_char (char c)
{
	return g_ascii_isalnum (c) || strchr ("!#$%&'*+/=?^_`{|}~.-", c) != NULL;
}

static gboolean
domain_char (char c)
{
	return g_ascii_isalnum (c) || c == '.' || c == '-' || c == '_' || c == '[' || c == ']' || c == ':';
}

/* Appends the local part @s to @at (its last '@') to @out unquoted: a
 * Quoted-string's quotes and backslashes go (RFC 5321 4.1.2). */
static void
unquoted_local (const char *s, const char *at, GString *out)
{
	if (at - s < 2 || s[0] != '"' || at[-1] != '"') {
		g_string_append_len (out, s, at - s);
		return;
	}
	for (const char *p = s + 1; p < at - 1; p++) {
		if (*p == '\\' && p + 1 < at - 1)
			p++;
		g_string_append_c (out, *p);
	}
}

gboolean
bv_address_equal (const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return FALSE;
	if (g_ascii_strcasecmp (a, b) == 0)
		return TRUE;
	const char *at_a = strrchr (a, '@'), *at_b = strrchr (b, '@');
	if (at_a == NULL || at_b == NULL || g_ascii_strcasecmp (at_a, at_b) != 0 ||
	    (a[0] != '"' && b[0] != '"'))
		return FALSE;
	g_autoptr (GString) la = g_string_new (NULL);
	g_autoptr (GString) lb = g_string_new (NULL);
	unquoted_local (a, at_a, la);
	unquoted_local (b, at_b, lb);
	return g_ascii_strcasecmp (la->str, lb->str) == 0;
}

gboolean
bv_address_plausible (const char *s)
{
	if (s == NULL)
		return FALSE;
	const char *at = strrchr (s, '@');
	if (at == NULL || at == s || at[1] == '\0')
		return FALSE;
	/* A quoted local part (RFC 5321 4.1.2 Quoted-string) may hold any
	 * printable character. */
	gboolean quoted = at - s >= 3 && s[0] == '"' && at[-1] == '"';
	for (const char *p = s; p < at && !quoted; p++)
		if (!local_char (*p) && !((unsigned char)*p >= 0x80))
			return FALSE;
	for (const char *p = s; p < at && quoted; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return FALSE;
	gboolean dot = FALSE;
	for (const char *p = at + 1; *p; p++) {
		if (*p == '.')
			dot = TRUE;
		else if (!domain_char (*p) && !((unsigned char)*p >= 0x80))
			return FALSE;
	}
	/* A single label (a@localhost) is a host name, not a mail domain: in the
	 * prose the scrapers read it is a log line or a local alias, never the
	 * failed recipient.  An address literal (a@[192.0.2.1]) is. */
	return dot || at[1] == '[';
}

char *
bv_address_extract (const char *s)
{
	if (s == NULL)
		return NULL;
	/* Prefer what stands in angle brackets. */
	const char *lt = strchr (s, '<');
	const char *at = NULL;
	if (lt != NULL) {
		const char *gt = strchr (lt, '>');
		if (gt != NULL && memchr (lt, '@', gt - lt) != NULL)
			at = memchr (lt, '@', gt - lt);
	}
	if (at == NULL)
		at = strchr (s, '@');
	if (at == NULL)
		return NULL;
	const char *b = at, *e = at + 1;
	/* Non-ASCII letters belong to internationalised addresses; non-ASCII
	 * punctuation and spaces ("收件人：", "【", "«", no-break space) are the
	 * text around the address. */
	while (b > s) {
		if (local_char (b[-1])) {
			b--;
			continue;
		}
		if ((unsigned char)b[-1] < 0x80)
			break;
		const char *prev = g_utf8_find_prev_char (s, b);
		if (prev == NULL || !g_unichar_isalnum (g_utf8_get_char_validated (prev, b - prev)))
			break;
		b = prev;
	}
	while (*e) {
		if (domain_char (*e)) {
			e++;
			continue;
		}
		if ((unsigned char)*e < 0x80)
			break;
		gunichar c = g_utf8_get_char_validated (e, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2 || !g_unichar_isalnum (c))
			break;
		e = g_utf8_next_char (e);
	}
	/* Trailing dots and brackets are punctuation, not the address. */
	while (e > at + 1 && (e[-1] == '.' || e[-1] == ']' || e[-1] == ':') &&
	       !(e[-1] == ']' && memchr (at, '[', e - at)))
		e--;
	/* An address in single quotes ("'a@b.example' on 3/11/98", Exchange
	 * 5.5's recipient lines; "550 'a@b.example' is not a registered
	 * gateway user"): the quote before it is no part of the local part,
	 * although an apostrophe may be. */
	if (b < at && b[0] == '\'' && *e == '\'')
		b++;
	while (b < at && b[0] == '.')
		b++;
	/* A quoted local part ("\"john doe\"@example.org", RFC 5321 4.1.2
	 * Quoted-string, which Postfix writes as it came in RCPT TO): the
	 * string back to its opening quote, on one line and within the 64
	 * octets of a local part (RFC 5321 4.5.3.1.1). */
	if (b == at && at > s && at[-1] == '"') {
		const char *q = at - 1;
		while (q > s && at - q <= 66) {
			q--;
			if (*q == '"' && !(q > s && q[-1] == '\\'))
				break;
			if ((unsigned char)*q < 0x20 || *q == 0x7f || *q == '<' || *q == '>')
				break;
		}
		if (*q == '"' && q < at - 2)
			b = q;
	}
	if (b == at || e == at + 1)
		return NULL;
	g_autofree char *local = g_strndup (b, at - b);
	g_autofree char *domain = g_ascii_strdown (at + 1, e - at - 1);
	char *addr = g_strconcat (local, "@", domain, NULL);
	if (!g_utf8_validate (addr, -1, NULL)) {
		g_free (addr);
		return NULL;
	}
	return addr;
}
