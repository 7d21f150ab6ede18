/* reply.c: SMTP replies quoted in a report's text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 5321 section 4.2.1: a reply of several lines repeats its code on every
 * line, "NNN-" on all but the last and "NNN " on the last, and servers that
 * send enhanced status codes (RFC 2034) repeat those too.  Reports quote such
 * replies in every shape: a Sendmail transcript ("<<< 550-..."), a folded
 * Diagnostic-Code, Postfix's "host X said: 550-... 550 ..." on one line,
 * Exim's indented block, qmail's "Remote host said:", nullmailer's
 * Diagnostic-Code, whose lines src/send.cc parse_output() joins with '/'
 * ("SMTP; 550-5.1.1 ... Please try/550-5.1.1 double-checking ...").  Joined
 * once here, the reply reads as the server meant it, one text with one
 * code. */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"
#include "parsers/reply.h"
#include "parsers/text.h"

/* Length of an enhanced status code at @p that a space or the end follows,
 * else 0. */
static gsize
enhanced_at (const char *p)
{
	gsize n = strcspn (p, " ");
	char code[16];
	if (n == 0 || n >= sizeof code)
		return 0;
	memcpy (code, p, n);
	code[n] = '\0';
	return bv_status_valid (code) ? n : 0;
}

/* One line's marker: the reply code, what follows it, the enhanced code. */
typedef struct {
	char code[4];
	char sep;        /* '-' for a line that more lines follow, else ' ' */
	gsize len;       /* bytes of the marker, the space after it included */
	const char *enh; /* the enhanced code after it, or NULL */
	gsize enh_len;
} Marker;

/* Whether a line's marker stands at @p, a word's start in the normalised
 * text: a transcript's "<<< " when @prefix allows it, a reply code, '-' or
 * a space (or the end), and the enhanced code when one follows.  After '-'
 * a digit must open an enhanced code: "555-0100" is a telephone number. */
static gboolean
marker_at (const char *p, gboolean prefix, Marker *m)
{
	const char *q = p;
	if (prefix && strncmp (q, "<<< ", 4) == 0)
		q += 4;
	if (!q[0] || !q[1] || !q[2])
		return FALSE;
	char code[4] = { q[0], q[1], q[2], '\0' };
	if (!bv_reply_valid (code) || (q[3] != '-' && q[3] != ' ' && q[3] != '\0'))
		return FALSE;
	memcpy (m->code, code, 4);
	m->sep = q[3] == '-' ? '-' : ' ';
	const char *rest = q[3] == '\0' ? q + 3 : q + 4;
	if (m->sep == '-' && g_ascii_isdigit (*rest) && enhanced_at (rest) == 0)
		return FALSE;
	if (m->sep == '-' && *rest == ' ')
		rest++; /* "550- ": a line with no text */
	/* "421-: (DYN:T1) ...": a line whose text opens with a lone colon
	 * (AOL's greeting refusal, as its postmaster pages quote it); the
	 * colon separates the code from the text, as the space does, and is
	 * no word of the reply. */
	if (rest[0] == ':' && (rest[1] == ' ' || rest[1] == '\0') && rest > q + 3)
		rest += rest[1] == ' ' ? 2 : 1;
	m->enh = NULL;
	m->enh_len = enhanced_at (rest);
	if (m->enh_len > 0) {
		m->enh = rest;
		rest += m->enh_len;
		if (*rest == ' ')
			rest++;
	}
	m->len = (gsize)(rest - p);
	return TRUE;
}

/* Whether a reply's first line may start at @p: at the start of the text,
 * after punctuation that introduces a reply ("said:", "smtp;", "<<<",
 * "(reason:", "[host]:"), or with an enhanced code that leaves no doubt. */
static gboolean
opener_at (const char *s, const char *p, const Marker *m)
{
	if (m->sep != '-')
		return FALSE;
	if (p == s || m->enh != NULL)
		return TRUE;
	return p - s >= 2 && p[-1] == ' ' && strchr (":;<>([", p[-2]) != NULL;
}

/* Whether the word that ends at the '/' at @slash (back to a space or
 * @from) is a URL's: "https://example.com/550-policy" is a path. */
static gboolean
in_url (const char *from, const char *slash)
{
	const char *w = slash;
	while (w > from && w[-1] != ' ')
		w--;
	const char *scheme = g_strstr_len (w, slash - w, "://");
	return scheme != NULL;
}

/* The next marker of the reply code @code at a word's start from @from on,
 * or NULL when a transcript's command line (">>> ") comes first.  A line of
 * nullmailer's joined reply starts right after a '/' (the '/' that stood
 * for its line end): "full/552 Please"; the code must be the reply's own,
 * followed by '-' or a space, as a line's marker is, and inside a URL only
 * an enhanced code after it makes it a line ("...?p=NoSuchUser/550 5.1.1"),
 * no path does ("https://example.com/550-policy"). */
static const char *
same_code (const char *from, const char *code, Marker *m)
{
	for (const char *t = from; *t; t++) {
		if (t > from && t[-1] != ' ' && t[-1] != '/')
			continue;
		if (strncmp (t, ">>> ", 4) == 0)
			return NULL;
		if (!marker_at (t, TRUE, m) || strcmp (m->code, code) != 0)
			continue;
		if (t > from && t[-1] == '/' && m->enh == NULL && in_url (from, t - 1))
			continue;
		return t;
	}
	return NULL;
}

/* The next line of the reply that @first opened, from @from on: a marker
 * with the same code at a word's start.  NULL when a transcript's command
 * line (">>> ") comes first, or when the reply had no enhanced code and the
 * line has one: RFC 2034 section 4 puts the enhanced code on every line of
 * a reply or on none, so "550-byte messages only" and "550 5.3.4 too big"
 * are not one reply (a server that drops the code after the first line is
 * still read as one). */
static const char *
next_line (const char *from, const Marker *first, Marker *m)
{
	for (const char *t = same_code (from, first->code, m); t != NULL;
	     t = same_code (t + 1, first->code, m)) {
		if (first->enh == NULL && m->enh != NULL)
			return NULL;
		/* "NNN " with neither "<<< " nor an enhanced code may be the
		 * text of a line, where the joined lines no longer show where
		 * each began: Exim's callout report quotes the other server,
		 * "550-Response: 550 No such mailbox here", before its own last
		 * line "550 Sender verify failed".  It is the last line only
		 * when no other last line of the same code follows. */
		Marker later;
		if (m->sep == ' ' && m->enh == NULL && t[0] != '<') {
			const char *after = same_code (t + m->len, first->code, &later);
			if (after != NULL && later.sep == ' ')
				continue;
		}
		return t;
	}
	return NULL;
}

/* Appends @n bytes at @p to @out, without the spaces at their end. */
static void
append_trimmed (GString *out, const char *p, gsize n)
{
	while (n > 0 && p[n - 1] == ' ')
		n--;
	if (n == 0)
		return;
	if (out->len > 0 && out->str[out->len - 1] != ' ')
		g_string_append_c (out, ' ');
	g_string_append_len (out, p, n);
}

char *
bv_reply_join (const char *text, gssize len)
{
	g_autofree char *s = bv_text_normalise (text, len);
	GString *out = g_string_sized_new (strlen (s) + 1);
	const char *p = s;
	while (*p) {
		Marker first, line;
		gboolean word = p == s || p[-1] == ' ';
		if (!word || !marker_at (p, FALSE, &first) || !opener_at (s, p, &first)) {
			g_string_append_c (out, *p++);
			continue;
		}
		const char *body = p + first.len;
		const char *next = next_line (body, &first, &line);
		if (next == NULL && first.enh == NULL) {
			/* "550-byte": no reply after all. */
			g_string_append_c (out, *p++);
			continue;
		}
		/* The code once, the first line's enhanced code once. */
		g_string_append_len (out, first.code, 3);
		if (first.enh != NULL) {
			g_string_append_c (out, ' ');
			g_string_append_len (out, first.enh, first.enh_len);
		}
		for (; next != NULL; next = next_line (body, &first, &line)) {
			/* nullmailer's '/' is a line end, not text. */
			gsize n = (gsize)(next - body);
			if (n > 0 && next[-1] == '/')
				n--;
			append_trimmed (out, body, n);
			body = next + line.len;
			/* An enhanced code that differs from the first line's
			 * says something of its own: it stays. */
			if (line.enh != NULL && !(first.enh != NULL && first.enh_len == line.enh_len &&
			                          strncmp (first.enh, line.enh, line.enh_len) == 0)) {
				body = line.enh;
			}
			if (line.sep != '-')
				break;
		}
		/* The last line's text and what follows the reply. */
		if (*body && out->len > 0 && out->str[out->len - 1] != ' ')
			g_string_append_c (out, ' ');
		p = body;
	}
	while (out->len > 0 && out->str[out->len - 1] == ' ')
		g_string_truncate (out, out->len - 1);
	return g_string_free (out, FALSE);
}

gboolean
bv_reply_extends (const char *whole, const char *first)
{
	if (whole == NULL || first == NULL)
		return FALSE;
	g_autofree char *w = bv_reply_join (whole, -1);
	g_autofree char *f = bv_reply_join (first, -1);
	gsize n = strlen (f);
	if (n == 0 || strlen (w) <= n)
		return FALSE;
	gsize from = 0;
	/* The lone first line may keep its "550-" where the whole has "550 ". */
	if (n >= 4 && strncmp (w, f, 3) == 0 && (f[3] == '-' || f[3] == ' ') && (w[3] == '-' || w[3] == ' '))
		from = 4;
	return strncmp (w + from, f + from, n - from) == 0 && (w[n] == ' ' || f[n - 1] == ' ');
}
