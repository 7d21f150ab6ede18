/* suggest.c: reading the specifics of one bounce out of its report.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here reads untrusted text: each scanner walks the string once,
 * bounds every number it parses and copies out only short tokens.  The
 * rules follow the wording mail systems use in general ("listed on",
 * "domain of X does not designate", "exceeds N bytes", "try again in N
 * minutes"), never one provider's exact sentence.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "parsers/catalog.h"
#include "parsers/suggest.h"
#include "parsers/text.h"

BvSuggestion *
bv_suggestion_new (void)
{
	return g_new0 (BvSuggestion, 1);
}

void
bv_suggestion_free (BvSuggestion *s)
{
	if (s == NULL)
		return;
	g_free (s->typo_domain);
	g_free (s->suggested_domain);
	g_free (s->suggested_address);
	g_free (s->blocklist);
	g_free (s->listed_ip);
	g_free (s->delist_url);
	g_free (s->auth_methods);
	g_free (s->auth_domain);
	g_free (s->host);
	g_free (s);
}

/* ---- Mistyped provider domains ---------------------------------------- */

/* Domains of the big mailbox providers, which is where typing mistakes
 * that still look like a domain come from.  Real domains one letter away
 * from another (ymail.com and gmail.com, 126.com and 163.com) are all
 * listed, so they are never "corrected" into each other. */
static const char *const provider_domains[] = {
	"gmail.com",   "googlemail.com", "yahoo.com",     "yahoo.co.jp",    "yahoo.co.uk",    "yahoo.fr",
	"ymail.com",   "rocketmail.com", "hotmail.com",   "hotmail.co.uk",  "hotmail.fr",     "outlook.com",
	"live.com",    "msn.com",        "icloud.com",    "me.com",         "mac.com",        "aol.com",
	"mail.com",    "gmx.com",        "gmx.de",        "gmx.net",        "web.de",         "t-online.de",
	"mail.ru",     "yandex.ru",      "yandex.com",    "protonmail.com", "proton.me",      "zoho.com",
	"comcast.net", "verizon.net",    "att.net",       "sbcglobal.net",  "cox.net",        "orange.fr",
	"free.fr",     "laposte.net",    "libero.it",     "naver.com",      "daum.net",       "qq.com",
	"163.com",     "126.com",        "yeah.net",      "sina.com",       "sina.cn",        "sohu.com",
	"foxmail.com", "aliyun.com",     "139.com",       "189.cn",         "21cn.com",       "tom.com",
	"vip.qq.com",  "vip.163.com",    "docomo.ne.jp",  "ezweb.ne.jp",    "softbank.ne.jp", "i.softbank.jp",
	"live.cn",     "outlook.jp",     "hotmail.co.jp", "live.jp",        "gmx.at",         "gmx.ch",
};

/* Rows of a QWERTY keyboard: a slip of the finger hits a neighbouring key. */
static const char *const keyboard_rows[] = { "1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm" };

/* Whether keys @a and @b are next to each other (same row, or the row above
 * or below within one column). */
static gboolean
keys_adjacent (char a, char b)
{
	int ra = -1, ca = 0, rb = -1, cb = 0;
	for (int r = 0; r < (int)G_N_ELEMENTS (keyboard_rows); r++) {
		const char *pa = strchr (keyboard_rows[r], a), *pb = strchr (keyboard_rows[r], b);
		if (pa != NULL && a != '\0') {
			ra = r;
			ca = (int)(pa - keyboard_rows[r]);
		}
		if (pb != NULL && b != '\0') {
			rb = r;
			cb = (int)(pb - keyboard_rows[r]);
		}
	}
	if (ra < 0 || rb < 0)
		return FALSE;
	/* Each row sits about half a key right of the one above it. */
	return ABS (ra - rb) <= 1 &&
	       (ra == rb ? ABS (ca - cb) == 1
	                 : ca - cb >= (ra > rb ? -1 : 0) && ca - cb <= (ra > rb ? 0 : 1));
}

/* Optimal string alignment distance (insertions, deletions, swaps of two
 * neighbours, and replacing a character by a neighbouring key; any other
 * replacement counts two), giving up at @limit + 1.  "gamil", "gmal",
 * "hptmail" are one slip from a provider; "gol" is not one from "aol". */
static guint
edit_distance (const char *a, const char *b, guint limit)
{
	gsize la = strlen (a), lb = strlen (b);
	if (la > 64 || lb > 64 || (la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	guint d[65][65];
	for (gsize i = 0; i <= la; i++)
		d[i][0] = (guint)i;
	for (gsize j = 0; j <= lb; j++)
		d[0][j] = (guint)j;
	for (gsize i = 1; i <= la; i++) {
		guint row_min = G_MAXUINT;
		for (gsize j = 1; j <= lb; j++) {
			guint cost = a[i - 1] == b[j - 1] ? 0 : keys_adjacent (a[i - 1], b[j - 1]) ? 1 : 2;
			guint v = MIN (MIN (d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
				v = MIN (v, d[i - 2][j - 2] + 1);
			d[i][j] = v;
			row_min = MIN (row_min, v);
		}
		if (row_min > limit)
			return limit + 1;
	}
	return d[la][lb];
}

/* The part after the last dot ("com"), or the whole name. */
static const char *
tld (const char *domain)
{
	const char *dot = strrchr (domain, '.');
	return dot != NULL ? dot + 1 : domain;
}

const char *
bv_suggest_domain (const char *domain)
{
	if (domain == NULL || *domain == '\0' || strlen (domain) > 64)
		return NULL;
	g_autofree char *lower = g_ascii_strdown (domain, -1);
	const char *best = NULL;
	guint best_distance = G_MAXUINT;
	gboolean tie = FALSE;
	for (gsize i = 0; i < G_N_ELEMENTS (provider_domains); i++) {
		const char *p = provider_domains[i];
		if (strcmp (lower, p) == 0)
			return NULL;
		/* One slip for any name; two only in a long name whose ending
		 * is right, where two slips still leave it recognisable. */
		guint limit = (strlen (p) >= 10 && strcmp (tld (lower), tld (p)) == 0) ? 2 : 1;
		guint d = edit_distance (lower, p, limit);
		if (d > limit)
			continue;
		if (d < best_distance) {
			best = p;
			best_distance = d;
			tie = FALSE;
		} else if (d == best_distance) {
			tie = TRUE;
		}
	}
	/* Two providers equally close: guessing would be a coin toss. */
	return tie ? NULL : best;
}

static void
find_typo (BvSuggestion *s, const char *address)
{
	const char *at = address != NULL ? strrchr (address, '@') : NULL;
	if (at == NULL || at == address)
		return;
	const char *fixed = bv_suggest_domain (at + 1);
	if (fixed == NULL)
		return;
	s->typo_domain = g_ascii_strdown (at + 1, -1);
	s->suggested_domain = g_strdup (fixed);
	s->suggested_address = g_strdup_printf ("%.*s@%s", (int)(at - address), address, fixed);
}

/* ---- Small text scanners ---------------------------------------------- */

/* Whether @needle occurs in @text as a whole word (case-insensitive). */
static const char *
find_word_ci (const char *text, const char *needle)
{
	gsize n = strlen (needle);
	for (const char *p = text; (p = bv_text_find_ci (p, needle)) != NULL; p++) {
		gboolean before = p == text || !g_ascii_isalnum (p[-1]);
		gboolean after = !g_ascii_isalnum (p[n]);
		if (before && after)
			return p;
	}
	return NULL;
}

/* Whether @p starts with the word @word (case-insensitive). */
static gboolean
starts_with_word (const char *p, const char *word)
{
	gsize n = strlen (word);
	return g_ascii_strncasecmp (p, word, n) == 0 && !g_ascii_isalnum (p[n]);
}

static gboolean
domain_char (char c)
{
	return g_ascii_isalnum (c) || c == '-' || c == '.' || c == '_';
}

/* Reads a host or domain name at @p (an address's domain when it is an
 * address); NULL unless it has a dot and ends in letters. */
static char *
read_domain (const char *p)
{
	while (*p == ' ' || *p == '[' || *p == '<' || *p == '"' || *p == '\'' || *p == '(')
		p++;
	const char *start = p;
	while (domain_char (*p) || *p == '@')
		p++;
	g_autofree char *token = g_strndup (start, MIN ((gsize)(p - start), 255));
	char *at = strrchr (token, '@');
	char *name = at != NULL ? at + 1 : token;
	gsize len = strlen (name);
	while (len > 0 && name[len - 1] == '.')
		name[--len] = '\0';
	const char *dot = strrchr (name, '.');
	if (dot == NULL || dot == name || strlen (dot + 1) < 2)
		return NULL;
	for (const char *c = dot + 1; *c; c++)
		if (!g_ascii_isalpha (*c))
			return NULL;
	return g_ascii_strdown (name, -1);
}

/* Finds the IPv4 address standing alone (not part of a longer dotted
 * number such as a version or an OID) nearest to @near: reports name the
 * listed address right before or after the list ("client host [192.0.2.1]
 * blocked using zen.spamhaus.org", "banned sending IP [192.0.2.1]"), while
 * other addresses (the reporting host's) stand elsewhere. */
static char *
find_ipv4_near (const char *text, const char *near)
{
	const char *best = NULL;
	gsize best_len = 0, best_gap = G_MAXSIZE;
	for (const char *p = text; *p; p++) {
		if (!g_ascii_isdigit (*p) || (p > text && (g_ascii_isdigit (p[-1]) || p[-1] == '.')))
			continue;
		const char *q = p;
		int parts = 0;
		gboolean ok = TRUE;
		while (parts < 4 && ok) {
			int v = 0, digits = 0;
			while (g_ascii_isdigit (*q) && digits < 4) {
				v = v * 10 + (*q - '0');
				q++;
				digits++;
			}
			ok = digits >= 1 && digits <= 3 && v <= 255;
			parts++;
			if (ok && parts < 4) {
				ok = *q == '.';
				q++;
			}
		}
		if (ok && !(q[0] == '.' && g_ascii_isdigit (q[1])) && !g_ascii_isdigit (*q)) {
			gsize gap = p >= near ? (gsize)(p - near) : (gsize)(near - q);
			if (gap < best_gap) {
				best = p;
				best_len = q - p;
				best_gap = gap;
			}
			p = q - 1;
		}
	}
	return best != NULL ? g_strndup (best, best_len) : NULL;
}

/* The first http(s) URL in @text, without trailing punctuation. */
static char *
find_url (const char *text)
{
	const char *p = bv_text_find_ci (text, "http://");
	const char *q = bv_text_find_ci (text, "https://");
	if (p == NULL || (q != NULL && q < p))
		p = q;
	if (p == NULL)
		return NULL;
	gsize n = strcspn (p, " \t\r\n<>\"'()[]{}|\\^`");
	while (n > 0 && strchr (".,;:!?", p[n - 1]) != NULL)
		n--;
	return g_strndup (p, MIN (n, 512));
}

/* ---- Blocklists ------------------------------------------------------- */

typedef struct {
	const char *needle; /* lower case, found anywhere in the text */
	const char *name;
	const char *url; /* its public lookup or removal page, NULL if none */
} BvBlocklist;

static const BvBlocklist blocklists[] = {
	{ "spamhaus", "Spamhaus", "https://check.spamhaus.org/" },
	{ "barracudacentral", "Barracuda", "https://www.barracudacentral.org/lookups" },
	{ "barracuda reputation", "Barracuda", "https://www.barracudacentral.org/lookups" },
	{ "spamcop", "SpamCop", "https://www.spamcop.net/bl.shtml" },
	{ "sorbs", "SORBS", NULL },
	{ "uceprotect", "UCEPROTECT", "https://www.uceprotect.net/en/rblcheck.php" },
	{ "cloudmark", "Cloudmark", "https://csi.cloudmark.com/en/reset/" },
	{ "proofpoint", "Proofpoint", "https://ipcheck.proofpoint.com/" },
	{ "spamrats", "SpamRATS", NULL },
	{ "mailspike", "Mailspike", NULL },
	{ "psbl.surriel", "PSBL", NULL },
	{ "abusix", "Abusix", NULL },
	{ "invaluement", "Invaluement", NULL },
	/* Microsoft's own list: its block-list codes and removal portal. */
	{ "sender.office.com", "Microsoft (Outlook.com, Office 365)", "https://sender.office.com/" },
	{ "banned sending ip", "Microsoft (Outlook.com, Office 365)", "https://sender.office.com/" },
	{ "(s3140)", "Microsoft (Outlook.com, Office 365)", "https://sender.office.com/" },
	{ "(s3150)", "Microsoft (Outlook.com, Office 365)", "https://sender.office.com/" },
};

static void
find_blocklist (BvSuggestion *s, const char *text)
{
	const BvBlocklist *found = NULL;
	const char *at = NULL;
	for (gsize i = 0; i < G_N_ELEMENTS (blocklists); i++) {
		const char *p = bv_text_find_ci (text, blocklists[i].needle);
		if (p != NULL && (at == NULL || p < at)) {
			found = &blocklists[i];
			at = p;
		}
	}
	if (found == NULL)
		return;
	s->blocklist = g_strdup (found->name);
	s->listed_ip = find_ipv4_near (text, at);
	s->delist_url = find_url (text);
	if (s->delist_url == NULL)
		s->delist_url = g_strdup (found->url);
}

/* ---- SPF, DKIM, DMARC ------------------------------------------------- */

/* Wording that names the domain an authentication check was about, most
 * specific first. */
static const char *const auth_domain_leads[] = {
	"header.from=", "smtp.mailfrom=", "header.d=",      "domain of ",  "spf [",
	"dkim [",       "dmarc [",        "records for ",   "email from ", "mail from ",
	"send from ",   "for domain ",    "sender domain ", "domain ",
};

static void
find_auth (BvSuggestion *s, const char *text)
{
	static const char *const methods[] = { "SPF", "DKIM", "DMARC" };
	const char *pos[G_N_ELEMENTS (methods)];
	for (gsize i = 0; i < G_N_ELEMENTS (methods); i++)
		pos[i] = find_word_ci (text, methods[i]);
	/* SPF's own wording, which need not name SPF: "domain of X does not
	 * designate 192.0.2.1 as permitted sender". */
	if (pos[0] == NULL)
		pos[0] = bv_text_find_ci (text, "as permitted sender");
	/* Names in the order the text gives them: the first is usually the
	 * one the server acted on. */
	g_autoptr (GString) names = g_string_new (NULL);
	for (;;) {
		gssize first = -1;
		for (gsize i = 0; i < G_N_ELEMENTS (methods); i++)
			if (pos[i] != NULL && (first < 0 || pos[i] < pos[first]))
				first = (gssize)i;
		if (first < 0)
			break;
		if (names->len > 0)
			g_string_append (names, ", ");
		g_string_append (names, methods[first]);
		pos[first] = NULL;
	}
	if (names->len == 0)
		return;
	s->auth_methods = g_string_free (g_steal_pointer (&names), FALSE);
	/* "example.org's DMARC policy" */
	for (const char *p = text; (p = bv_text_find_ci (p, "'s ")) != NULL && s->auth_domain == NULL; p++) {
		if (!starts_with_word (p + 3, "dmarc") && !starts_with_word (p + 3, "spf") &&
		    !starts_with_word (p + 3, "dkim"))
			continue;
		const char *start = p;
		while (start > text && domain_char (start[-1]))
			start--;
		g_autofree char *name = g_strndup (start, MIN ((gsize)(p - start), 255));
		s->auth_domain = read_domain (name);
	}
	for (gsize i = 0; i < G_N_ELEMENTS (auth_domain_leads) && s->auth_domain == NULL; i++) {
		const char *lead = auth_domain_leads[i];
		for (const char *p = text; (p = bv_text_find_ci (p, lead)) != NULL && s->auth_domain == NULL;
		     p++)
			s->auth_domain = read_domain (p + strlen (lead));
	}
}

/* ---- Sizes, recipient limits, waiting times --------------------------- */

/* Multiplier of a size unit at @p (after optional spaces), moving @p past
 * it; 0 when there is none. */
static guint64
size_unit (const char **p)
{
	static const struct {
		const char *word;
		guint64 factor;
	} units[] = {
		{ "bytes", 1 },     { "byte", 1 },     { "kib", 1024 },  { "kb", 1024 },       { "k", 1024 },
		{ "mib", 1048576 }, { "mb", 1048576 }, { "m", 1048576 }, { "gb", 1073741824 }, { "b", 1 },
	};
	const char *q = *p;
	while (*q == ' ')
		q++;
	for (gsize i = 0; i < G_N_ELEMENTS (units); i++) {
		gsize n = strlen (units[i].word);
		if (g_ascii_strncasecmp (q, units[i].word, n) == 0 && !g_ascii_isalpha (q[n])) {
			*p = q + n;
			return units[i].factor;
		}
	}
	return 0;
}

/* Which of the words in @words occurs last in the @window characters before
 * @p, as its index, or -1. */
static int
last_word_before (const char *text, const char *p, gsize window, const char *const *words, gsize n_words,
                  const char **where)
{
	const char *from = (gsize)(p - text) > window ? p - window : text;
	g_autofree char *span = g_ascii_strdown (from, p - from);
	int best = -1;
	const char *best_at = NULL;
	for (gsize i = 0; i < n_words; i++) {
		const char *hit = NULL;
		for (const char *h = span; (h = strstr (h, words[i])) != NULL; h++)
			hit = h;
		if (hit != NULL && (best_at == NULL || hit > best_at)) {
			best = (int)i;
			best_at = hit;
		}
	}
	if (where != NULL)
		*where = best_at != NULL ? from + (best_at - span) : NULL;
	return best;
}

static const char *const limit_words[] = {
	"limit",       "max",          "exceed",    "allowed", "larger than",
	"bigger than", "greater than", "more than", "up to",
};
static const char *const size_words[] = { "size", "byte", "too big", "too large", "length" };

static void
find_sizes (BvSuggestion *s, const char *text)
{
	guint64 limit = 0, actual = 0, unsure[2] = { 0, 0 };
	guint n_unsure = 0;
	for (const char *p = text; *p; p++) {
		if (!g_ascii_isdigit (*p) || (p > text && (g_ascii_isalnum (p[-1]) || p[-1] == '.')))
			continue;
		const char *q = p;
		guint64 v = 0;
		int digits = 0;
		while ((g_ascii_isdigit (*q) || (*q == ',' && g_ascii_isdigit (q[1]))) && digits < 16) {
			if (*q != ',') {
				v = v * 10 + (guint64)(*q - '0');
				digits++;
			}
			q++;
		}
		gboolean fraction = *q == '.' && g_ascii_isdigit (q[1]);
		double frac = 0;
		if (fraction) {
			q++;
			double scale = 0.1;
			for (; g_ascii_isdigit (*q); q++, scale /= 10)
				frac += (*q - '0') * scale;
		}
		const char *after = q;
		guint64 unit = size_unit (&after);
		/* A bare number is a size only with size words before it and at
		 * least four digits: reply codes and counts are shorter. */
		if (unit == 0 &&
		    (fraction || digits < 4 ||
		     last_word_before (text, p, 60, size_words, G_N_ELEMENTS (size_words), NULL) < 0)) {
			p = q - 1;
			continue;
		}
		if (unit == 0)
			unit = 1;
		if (*after == '.' && g_ascii_isdigit (after[1])) {
			p = after;
			continue;
		}
		guint64 bytes = (guint64)((v + frac) * unit);
		const char *lw = NULL, *sw = NULL;
		last_word_before (text, p, 40, limit_words, G_N_ELEMENTS (limit_words), &lw);
		last_word_before (text, p, 40, size_words, G_N_ELEMENTS (size_words), &sw);
		/* "size limit 10485760" and "maximum size of 25 MB" are both
		 * limits: a limit word right before the size word counts. */
		gboolean is_limit = lw != NULL && (sw == NULL || lw > sw || sw - lw <= 12);
		if (is_limit && limit == 0)
			limit = bytes;
		else if (!is_limit && sw != NULL && actual == 0)
			actual = bytes;
		else if (n_unsure < 2)
			unsure[n_unsure++] = bytes;
		p = after - 1;
	}
	/* A message bounced for its size is bigger than the limit. */
	for (guint i = 0; i < n_unsure; i++) {
		if (limit == 0 && (actual == 0 || unsure[i] < actual))
			limit = unsure[i];
		else if (actual == 0 && unsure[i] > limit)
			actual = unsure[i];
	}
	if (limit != 0 && actual != 0 && actual < limit) {
		guint64 t = limit;
		limit = actual;
		actual = t;
	}
	s->size_limit = limit;
	s->message_size = actual;
}

/* Reads up to 9 digits at @p; FALSE when there are none. */
static gboolean
read_count (const char *p, guint64 *out, const char **end)
{
	guint64 v = 0;
	int digits = 0;
	while (g_ascii_isdigit (*p) && digits < 9) {
		v = v * 10 + (guint64)(*p - '0');
		p++;
		digits++;
	}
	*out = v;
	if (end != NULL)
		*end = p;
	return digits > 0 && !g_ascii_isdigit (*p);
}

static void
find_recipient_limit (BvSuggestion *s, const char *text)
{
	/* Only a text about a limit on recipients: "too many recipients",
	 * "recipient limit", "max 50 recipients". */
	gboolean about_limit = bv_text_find_ci (text, "too many") != NULL;
	for (gsize i = 0; i < G_N_ELEMENTS (limit_words) && !about_limit; i++)
		about_limit = bv_text_find_ci (text, limit_words[i]) != NULL;
	if (!about_limit || bv_text_find_ci (text, "recipient") == NULL)
		return;
	for (const char *r = text; (r = bv_text_find_ci (r, "recipient")) != NULL; r++) {
		/* "100 recipients" */
		const char *b = r;
		while (b > text && b[-1] == ' ')
			b--;
		const char *d = b;
		while (d > text && g_ascii_isdigit (d[-1]))
			d--;
		guint64 v;
		if (d < b && (d == text || (!g_ascii_isalnum (d[-1]) && d[-1] != '.')) &&
		    read_count (d, &v, NULL) && v > 0 && v < 100000) {
			s->recipient_limit = (guint)v;
			return;
		}
		/* "recipients limit of 50", "recipient limit: 50": only a few
		 * small words may stand between the word and the number. */
		const char *a = r + strlen ("recipient");
		if (*a == 's' || *a == 'S')
			a++;
		for (int words = 0; words < 3; words++) {
			while (*a == ' ' || *a == ':' || *a == '=' || *a == '(')
				a++;
			static const char *const fillers[] = { "limit", "max",     "maximum", "of",
				                               "is",    "allowed", "exceeded" };
			gboolean skipped = FALSE;
			for (gsize k = 0; k < G_N_ELEMENTS (fillers) && !skipped; k++)
				if (starts_with_word (a, fillers[k])) {
					a += strlen (fillers[k]);
					skipped = TRUE;
				}
			if (!skipped)
				break;
		}
		if (read_count (a, &v, NULL) && v > 0 && v < 100000) {
			s->recipient_limit = (guint)v;
			return;
		}
	}
}

static void
find_retry_after (BvSuggestion *s, const char *text)
{
	static const char *const leads[] = {
		"try again in ", "try again after ", "retry in ", "retry after ", "retry-after:",
		"wait ",         "try later in ",    "again in ",
	};
	static const struct {
		const char *word;
		guint64 seconds;
	} units[] = {
		{ "second", 1 }, { "sec", 1 },     { "s", 1 },     { "minute", 60 }, { "min", 60 },
		{ "m", 60 },     { "hour", 3600 }, { "hr", 3600 }, { "h", 3600 },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (leads); i++) {
		for (const char *p = text; (p = bv_text_find_ci (p, leads[i])) != NULL; p++) {
			const char *q = p + strlen (leads[i]);
			while (*q == ' ')
				q++;
			if (g_ascii_strncasecmp (q, "about ", 6) == 0 ||
			    g_ascii_strncasecmp (q, "at least ", 9) == 0)
				q = strchr (q, ' ') + 1;
			while (*q == ' ')
				q++;
			guint64 v;
			const char *end;
			if (!read_count (q, &v, &end) || v == 0)
				continue;
			while (*end == ' ')
				end++;
			for (gsize u = 0; u < G_N_ELEMENTS (units); u++) {
				gsize n = strlen (units[u].word);
				if (g_ascii_strncasecmp (end, units[u].word, n) == 0 &&
				    (!g_ascii_isalpha (end[n]) || end[n] == 's')) {
					s->retry_after = v * units[u].seconds;
					return;
				}
			}
			/* "Retry-After: 120" is seconds. */
			if (leads[i][strlen (leads[i]) - 1] == ':') {
				s->retry_after = v;
				return;
			}
		}
	}
}

static void
find_host (BvSuggestion *s, const BvRecipient *rcpt, const char *text)
{
	if (rcpt->remote_mta != NULL && *rcpt->remote_mta != '\0') {
		const char *m = rcpt->remote_mta;
		const char *semi = strchr (m, ';');
		if (semi != NULL)
			m = semi + 1;
		s->host = read_domain (m);
		if (s->host != NULL)
			return;
	}
	/* "host mx.example.com[192.0.2.1] said:", "host mx.example.com
	 * [192.0.2.1]:", "remote server mx.example.com". */
	static const char *const leads[] = { "host ", "remote server ", "server " };
	for (gsize i = 0; i < G_N_ELEMENTS (leads) && s->host == NULL; i++)
		for (const char *p = text; (p = bv_text_find_ci (p, leads[i])) != NULL && s->host == NULL;
		     p++)
			if (p == text || !g_ascii_isalnum (p[-1]))
				s->host = read_domain (p + strlen (leads[i]));
}

BvSuggestion *
bv_suggest (const BvRecipient *rcpt)
{
	BvSuggestion *s = bv_suggestion_new ();
	if (rcpt == NULL)
		return s;
	find_typo (s, rcpt->recipient);
	/* Diagnostics are normalised by the engine, but they are still mail:
	 * look at a bounded prefix only. */
	const char *diag = rcpt->diagnostic != NULL ? rcpt->diagnostic : "";
	g_autofree char *text = g_strndup (diag, 8192);
	find_blocklist (s, text);
	find_auth (s, text);
	find_sizes (s, text);
	find_recipient_limit (s, text);
	find_retry_after (s, text);
	find_host (s, rcpt, text);
	return s;
}

/* ---- Sentences -------------------------------------------------------- */

char *
bv_format_bytes (guint64 bytes)
{
	static const char *const units[] = { "B", "KB", "MB", "GB", "TB" };
	guint u = 0;
	guint64 scale = 1;
	while (u + 1 < G_N_ELEMENTS (units) && bytes >= scale * 1024) {
		scale *= 1024;
		u++;
	}
	if (bytes % scale == 0)
		return g_strdup_printf ("%" G_GUINT64_FORMAT " %s", bytes / scale, units[u]);
	return g_strdup_printf ("%.1f %s", (double)bytes / (double)scale, units[u]);
}

static char *
format_duration (guint64 seconds)
{
	/* Servers ask for seconds to hours; a bigger number is not worth a
	 * 64-bit format in a translatable string. */
	guint n = (guint)MIN (seconds, G_MAXUINT);
	if (n >= 3600 && n % 3600 == 0)
		return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", n / 3600),
		                        n / 3600);
	if (n >= 60 && n % 60 == 0)
		return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", n / 60),
		                        n / 60);
	return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", n), n);
}

/* @methods ("SPF, DKIM") as a list in the reader's language: the field
 * keeps the English separator, for scripts. */
static char *
methods_for_people (const char *methods)
{
	g_auto (GStrv) names = g_strsplit (methods, ", ", -1);
	/* TRANSLATORS: between the names of failed checks: "SPF, DKIM". */
	return g_strjoinv (C_ ("list of checks", ", "), names);
}

static void
add_line (GString *out, char *line)
{
	if (out->len > 0)
		g_string_append_c (out, '\n');
	g_string_append (out, line);
	g_free (line);
}

char *
bv_suggestion_fix_text (const BvSuggestion *s, BvCause cause)
{
	if (s == NULL)
		return NULL;
	BvSide side = bv_catalog_side (cause);
	gboolean about_setup = side != BV_SIDE_RECIPIENT;
	/* Spam and content reports mention SPF or DKIM in their advice; only
	 * refusals for who sent the message are about a failed check. */
	gboolean about_auth = cause == BV_CAUSE_AUTHFAILURE || cause == BV_CAUSE_SECURITYERROR ||
	                      cause == BV_CAUSE_POLICYVIOLATION || cause == BV_CAUSE_REJECTED ||
	                      cause == BV_CAUSE_BLOCKED || cause == BV_CAUSE_UNDEFINED ||
	                      cause == BV_CAUSE_ONHOLD;
	gboolean about_size =
	        side == BV_SIDE_MESSAGE || cause == BV_CAUSE_MESGTOOBIG || cause == BV_CAUSE_EXCEEDLIMIT;
	g_autoptr (GString) out = g_string_new (NULL);

	if (s->suggested_address != NULL)
		/* TRANSLATORS: %1$s is a mistyped domain ("gamil.com"), %2$s the
		 * provider it probably means ("gmail.com"), %3$s the corrected
		 * address. */
		add_line (out,
		          g_strdup_printf (_ ("The domain %1$s looks like a typing mistake for %2$s: did you "
		                              "mean %3$s? Correct the address and send again."),
		                           s->typo_domain, s->suggested_domain, s->suggested_address));
	if (about_setup && s->blocklist != NULL) {
		if (s->listed_ip != NULL)
			/* TRANSLATORS: %1$s is an IP address, %2$s a blocklist name. */
			add_line (out,
			          g_strdup_printf (_ ("The IP address %1$s is listed on the %2$s blocklist."),
			                           s->listed_ip, s->blocklist));
		else
			/* TRANSLATORS: %s is a blocklist name ("Spamhaus"). */
			add_line (out,
			          g_strdup_printf (_ ("Your sending server is listed on the %s blocklist."),
			                           s->blocklist));
		if (s->delist_url != NULL)
			/* TRANSLATORS: %s is a web address. */
			add_line (out, g_strdup_printf (
			                       _ ("Once the cause is fixed, check the listing and request "
			                          "removal at %s."),
			                       s->delist_url));
	}
	if (about_auth && s->auth_methods != NULL) {
		g_autofree char *methods = methods_for_people (s->auth_methods);
		if (s->auth_domain != NULL)
			/* TRANSLATORS: %1$s is "SPF", "DKIM", "DMARC" or a list of
			 * them, %2$s a domain. */
			add_line (out,
			          g_strdup_printf (_ ("Failed check: %1$s, for the domain %2$s. Fix that "
			                              "domain's DNS records or signing setup."),
			                           methods, s->auth_domain));
		else
			/* TRANSLATORS: %s is "SPF", "DKIM", "DMARC" or a list of them. */
			add_line (out, g_strdup_printf (_ ("Failed check: %s."), methods));
	}
	if (about_size && (s->size_limit != 0 || s->message_size != 0)) {
		g_autofree char *limit = bv_format_bytes (s->size_limit);
		g_autofree char *size = bv_format_bytes (s->message_size);
		if (s->size_limit != 0 && s->message_size != 0)
			/* TRANSLATORS: %1$s is a size limit ("10 MB"), %2$s the size
			 * of the message. */
			add_line (out, g_strdup_printf (_ ("The limit is %1$s; your message was %2$s."),
			                                limit, size));
		else if (s->size_limit != 0)
			/* TRANSLATORS: %s is a size ("10 MB"). */
			add_line (out,
			          g_strdup_printf (_ ("The limit is %s: make the message smaller than that."),
			                           limit));
		else
			/* TRANSLATORS: %s is a size ("12.3 MB"). */
			add_line (out, g_strdup_printf (_ ("Your message was %s."), size));
	}
	if (about_setup && s->recipient_limit != 0)
		add_line (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
		                                             "The server accepts at most %u recipient per "
		                                             "message: send to fewer at a time.",
		                                             "The server accepts at most %u recipients per "
		                                             "message: send to fewer at a time.",
		                                             s->recipient_limit),
		                                s->recipient_limit));
	if (s->retry_after != 0) {
		g_autofree char *wait = format_duration (s->retry_after);
		/* TRANSLATORS: %s is a duration ("5 minutes"). */
		add_line (out,
		          g_strdup_printf (_ ("The server asks you to wait %s before trying again."), wait));
	}
	if (s->host != NULL)
		/* TRANSLATORS: %s is a mail server's host name. */
		add_line (out, g_strdup_printf (_ ("Refused by the server %s."), s->host));

	if (out->len == 0)
		return NULL;
	return g_string_free (g_steal_pointer (&out), FALSE);
}
