/* classify-concepts.c: causes recognised from a head word and a qualifier.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A server that does not use the phrase table's collocation still names
 * the thing and its state: "the recipient's inbox is out of space",
 * "Mailbox ist voll", "收件人邮箱空间已满".  A concept is a set of head
 * words (the mailbox, the message, the domain) and a set of qualifiers (full,
 * too large, does not exist) that must stand near each other in one clause;
 * vetoes are words that make the pair speak of something else (a sender's
 * address, a sending quota, the server's own disk).  The head words of all
 * concepts are indexed by their first two bytes, so the text is read once.
 */
#include "config.h"

#include <string.h>

#include "parsers/classify-concepts.h"

/* How far (in characters) a qualifier may stand after its head word: a
 * few words, enough for "the mailbox you sent to has exceeded". */
#define WINDOW 48
/* A qualifier before its head word stands closer ("unknown user",
 * "превышен лимит почтового ящика"): words further back speak of
 * something else. */
#define WINDOW_BEFORE 28

typedef struct {
	const char *heads, *quals, *vetoes;
} Spec;

static const Spec specs[] = {
#define BV_CONCEPT(cause, heads, quals, vetoes, detail, source) { heads, quals, vetoes },
#include "parsers/classify-concepts.def"
#undef BV_CONCEPT
};

#define N_CONCEPTS G_N_ELEMENTS (specs)

/* One alternative of a list: its text, whether it is a stem ("postfach*"),
 * and whether its ends must be word boundaries (not for words of scripts
 * that do not separate words). */
typedef struct {
	char *s;
	gsize len;
	gboolean stem;
	gboolean edge_start, edge_end;
	guint concept;
} Alt;

typedef struct {
	Alt *alts;
	guint n;
} AltList;

typedef struct {
	gint phrase;
	BvCause cause;
	AltList heads, quals, vetoes;
} Concept;

static Concept concepts[N_CONCEPTS];
/* Every head word of every concept, sorted into buckets by first two
 * bytes. */
static Alt *heads;
static guint n_heads;
static guint *head_order;
static guint head_bucket[65536 + 1];
static gsize init_once;

/* Whether @c belongs to a script written without spaces between words:
 * Thai, CJK, kana, Hangul (whose particles are glued to the word) and the
 * fullwidth forms. */
static gboolean
unspaced_char (gunichar c)
{
	return c >= 0x2e80 || (c >= 0x0e00 && c <= 0x0e7f);
}

/* Whether the character that starts at @s (UTF-8) is one of those. */
static gboolean
unspaced (const guchar *s)
{
	gunichar c = g_utf8_get_char_validated ((const char *)s, -1);
	return c != (gunichar)-1 && c != (gunichar)-2 && unspaced_char (c);
}

static void
parse_list (const char *spec, guint concept, GArray *out)
{
	g_auto (GStrv) parts = g_strsplit (spec, "|", -1);
	for (guint i = 0; parts[i]; i++) {
		if (parts[i][0] == '\0')
			continue;
		Alt a = { 0 };
		const char *word = parts[i];
		/* A leading '*' is the end of a compound ("*domain" for
		 * Zieldomain): no word boundary before it. */
		gboolean suffix = word[0] == '*';
		if (suffix)
			word++;
		gsize len = strlen (word);
		a.stem = word[len - 1] == '*';
		if (a.stem)
			len--;
		a.s = g_strndup (word, len);
		a.len = len;
		a.concept = concept;
		a.edge_start = !suffix && !unspaced ((const guchar *)a.s);
		/* The last character: step back over continuation bytes. */
		gsize last = len - 1;
		while (last > 0 && ((guchar)a.s[last] & 0xc0) == 0x80)
			last--;
		a.edge_end = !a.stem && !unspaced ((const guchar *)a.s + last);
		g_array_append_val (out, a);
	}
}

static guint
key_of (const char *s)
{
	return ((guint)(guchar)s[0] << 8) | (guchar)s[1];
}

static void
init (void)
{
	guint k = 0;
	for (gsize i = 0; i < bv_n_phrases && k < N_CONCEPTS; i++) {
		if (!(bv_phrases[i].flags & BV_PHRASE_CONCEPT))
			continue;
		concepts[k].phrase = (gint)i;
		concepts[k].cause = bv_phrases[i].cause;
		k++;
	}
	g_assert (k == N_CONCEPTS);
	GArray *hs = g_array_new (FALSE, TRUE, sizeof (Alt));
	for (guint c = 0; c < N_CONCEPTS; c++) {
		parse_list (specs[c].heads, c, hs);
		GArray *h = g_array_new (FALSE, TRUE, sizeof (Alt));
		parse_list (specs[c].heads, c, h);
		concepts[c].heads.n = h->len;
		concepts[c].heads.alts = (Alt *)(void *)g_array_free (h, FALSE);
		GArray *q = g_array_new (FALSE, TRUE, sizeof (Alt));
		parse_list (specs[c].quals, c, q);
		concepts[c].quals.n = q->len;
		concepts[c].quals.alts = (Alt *)(void *)g_array_free (q, FALSE);
		GArray *v = g_array_new (FALSE, TRUE, sizeof (Alt));
		parse_list (specs[c].vetoes, c, v);
		concepts[c].vetoes.n = v->len;
		concepts[c].vetoes.alts = (Alt *)(void *)g_array_free (v, FALSE);
	}
	n_heads = hs->len;
	heads = (Alt *)(void *)g_array_free (hs, FALSE);
	/* Every head word has at least two bytes: the index reads them. */
	static guint count[65536];
	for (guint i = 0; i < n_heads; i++) {
		g_assert (heads[i].len >= 2);
		count[key_of (heads[i].s)]++;
	}
	guint sum = 0;
	for (guint b = 0; b < 65536; b++) {
		head_bucket[b] = sum;
		sum += count[b];
		count[b] = 0;
	}
	head_bucket[65536] = sum;
	head_order = g_new (guint, n_heads);
	for (guint i = 0; i < n_heads; i++) {
		guint b = key_of (heads[i].s);
		head_order[head_bucket[b] + count[b]++] = i;
	}
}

/* Whether the character of folded text @t that ends just before @at (when
 * @before) or starts at @at is part of a word: a letter or digit of a
 * spaced script, or a character that joins names ("spam@", ".example"). */
static gboolean
word_char_at (const char *t, gsize n, gsize at, gboolean before)
{
	if (before) {
		if (at == 0)
			return FALSE;
		gsize p = at - 1;
		while (p > 0 && ((guchar)t[p] & 0xc0) == 0x80)
			p--;
		at = p;
	} else if (at >= n) {
		return FALSE;
	}
	guchar c = (guchar)t[at];
	if (c < 0x80) {
		/* A full stop ends a sentence unless a name goes on after it. */
		if (c == '.' && !before)
			return at + 1 < n && g_ascii_isalnum (t[at + 1]);
		return g_ascii_isalnum (c) || c == '@' || c == '.' || c == '/' || c == '=' || c == '#' ||
		       c == '_';
	}
	gunichar u = g_utf8_get_char_validated (t + at, (gssize)(n - at));
	if (u == (gunichar)-1 || u == (gunichar)-2)
		return FALSE;
	return !unspaced_char (u) && g_unichar_isalnum (u);
}

/* Whether @a matches at @i of the folded text, as a word where it must. */
static gboolean
alt_at (const Alt *a, const char *t, gsize n, gsize i)
{
	if (i + a->len > n || memcmp (t + i, a->s, a->len) != 0)
		return FALSE;
	if (a->edge_start && word_char_at (t, n, i, TRUE))
		return FALSE;
	if (a->edge_end && word_char_at (t, n, i + a->len, FALSE))
		return FALSE;
	return TRUE;
}

/* Whether a clause ends at @j: a full stop before a space or the end, ';',
 * '!', '?', or the ideographic full stop and fullwidth ';' and '!'. */
static gboolean
clause_end_at (const char *t, gsize n, gsize j)
{
	char c = t[j];
	if (c == ';' || c == '!' || c == '?')
		return TRUE;
	if (c == '.')
		return j + 1 >= n || t[j + 1] == ' ';
	const guchar *u = (const guchar *)t + j;
	if (j + 3 <= n && u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x82) /* 。 */
		return TRUE;
	if (j + 3 <= n && u[0] == 0xef && u[1] == 0xbc && (u[2] == 0x9b || u[2] == 0x81)) /* ；！ */
		return TRUE;
	return FALSE;
}

/* The first alternative of @list found in [@from, @to) of the folded text,
 * the earliest one; sets *at and *len. */
static gboolean
find_in (const AltList *list, const char *t, gsize n, gsize from, gsize to, gboolean negatable, gsize *at,
         gsize *len)
{
	for (gsize i = from; i < to; i++) {
		for (guint a = 0; a < list->n; a++) {
			const Alt *alt = &list->alts[a];
			if (t[i] != alt->s[0] || i + alt->len > to || !alt_at (alt, t, n, i))
				continue;
			if (negatable && bv_negated_before (t, i))
				continue;
			*at = i;
			*len = alt->len;
			return TRUE;
		}
	}
	return FALSE;
}

/* Whether concept @c holds for its head word at [@hs, @he): a qualifier
 * within the window, in the same clause, not negated, and no veto between
 * them or just before.  Sets the span of the pair. */
static gboolean
concept_at (const Concept *c, const char *t, gsize n, gsize hs, gsize he, gsize *start, gsize *end)
{
	gsize lo = hs, hi = he;
	/* Count characters, not bytes: a window holds as many words of
	 * Cyrillic or Chinese as of English. */
	for (guint chars = 0; lo > 0 && chars < WINDOW_BEFORE && !clause_end_at (t, n, lo - 1);) {
		lo--;
		if (((guchar)t[lo] & 0xc0) != 0x80)
			chars++;
	}
	for (guint chars = 0; hi < n && chars < WINDOW && !clause_end_at (t, n, hi);) {
		hi++;
		if (hi >= n || ((guchar)t[hi] & 0xc0) != 0x80)
			chars++;
	}
	gsize qat, qlen;
	/* A qualifier after the head word ("mailbox is full"), else one
	 * before it ("unknown user", "превышен лимит почтового ящика"). */
	if (!find_in (&c->quals, t, n, he, hi, TRUE, &qat, &qlen) &&
	    !find_in (&c->quals, t, n, lo, hs, TRUE, &qat, &qlen))
		return FALSE;
	/* A qualifier found before the head must end before it. */
	if (qat < hs && qat + qlen > hs)
		return FALSE;
	/* A negation before the head denies a state said after it ("ce
	 * n'est pas une boîte pleine", "no mailbox here is full"). */
	if (qat > hs && (BV_NEGATABLE_CAUSES & (G_GUINT64_CONSTANT (1) << c->cause)) &&
	    bv_negated_before (t, hs))
		return FALSE;
	gsize s = MIN (hs, qat), e = MAX (he, qat + qlen);
	/* Vetoes: between the two, or in the words just before the pair. */
	gsize vlo = s > 24 ? s - 24 : 0;
	while (vlo < s && clause_end_at (t, n, vlo))
		vlo++;
	gsize vat, vlen;
	if (c->vetoes.n > 0 && find_in (&c->vetoes, t, n, vlo, e, FALSE, &vat, &vlen))
		return FALSE;
	*start = s;
	*end = e;
	return TRUE;
}

/* How many bytes of the folded text at @j the longest alternative of
 * @list covers when its words are joined ("quotaexceeded" for "quota
 * exceeded"); 0 when none does.  Only alternatives in ASCII count. */
static gsize
joined_alt (const AltList *list, const char *t, gsize n, gsize j)
{
	gsize best = 0;
	for (guint a = 0; a < list->n; a++) {
		const char *s = list->alts[a].s;
		gsize k = j, m = 0;
		for (; m < list->alts[a].len; m++) {
			if (s[m] == ' ')
				continue;
			if ((guchar)s[m] >= 0x80 || k >= n || t[k] != s[m])
				break;
			k++;
		}
		if (m == list->alts[a].len && k - j > best)
			best = k - j;
	}
	return best;
}

/* Whether the word that starts with head word @h at @i is the head joined
 * to a qualifier and maybe more head words, as one token
 * ("mailboxfull", "MailboxQuotaExceeded", "relaydenied"); sets *end. */
static gboolean
joined_at (const Concept *c, const Alt *h, const char *t, gsize n, gsize i, gsize *end)
{
	if ((guchar)h->s[0] >= 0x80 || !h->edge_start || word_char_at (t, n, i, TRUE))
		return FALSE;
	if (i + h->len > n || memcmp (t + i, h->s, h->len) != 0)
		return FALSE;
	gsize j = i + h->len;
	gboolean qualified = FALSE;
	while (j < n && g_ascii_isalpha (t[j])) {
		gsize m = joined_alt (&c->quals, t, n, j);
		if (m > 0) {
			qualified = TRUE;
		} else if ((m = joined_alt (&c->heads, t, n, j)) == 0) {
			return FALSE;
		}
		j += m;
	}
	if (!qualified || word_char_at (t, n, j, FALSE))
		return FALSE;
	*end = j;
	return TRUE;
}

void
bv_concepts_scan (const char *t, gsize n, guint64 have, BvConceptHit hits[BV_CAUSE_COUNT])
{
	if (g_once_init_enter (&init_once)) {
		init ();
		g_once_init_leave (&init_once, 1);
	}
	for (guint c = 0; c < BV_CAUSE_COUNT; c++)
		hits[c].phrase = -1;
	for (gsize i = 0; i + 1 < n; i++) {
		guint k = key_of (t + i);
		for (guint b = head_bucket[k]; b < head_bucket[k + 1]; b++) {
			const Alt *h = &heads[head_order[b]];
			const Concept *c = &concepts[h->concept];
			guint64 bit = G_GUINT64_CONSTANT (1) << c->cause;
			if ((have & bit) || hits[c->cause].phrase >= 0)
				continue;
			gsize joined_end;
			if (h->edge_end && joined_at (c, h, t, n, i, &joined_end)) {
				hits[c->cause].phrase = c->phrase;
				hits[c->cause].start = i;
				hits[c->cause].end = joined_end;
				continue;
			}
			if (!alt_at (h, t, n, i))
				continue;
			gsize he = i + h->len;
			/* A stem takes the rest of its word. */
			if (h->stem)
				while (he < n && word_char_at (t, n, he, FALSE))
					he++;
			gsize s, e;
			if (!concept_at (c, t, n, i, he, &s, &e))
				continue;
			hits[c->cause].phrase = c->phrase;
			hits[c->cause].start = s;
			hits[c->cause].end = e;
		}
	}
}

/* Words that negate what follows them. */
static const char *const negators[] = {
	"not",
	"no",
	"never",
	"isn't",
	"isnt",
	"aren't",
	"wasn't",
	"weren't",
	"without",
	"nicht",
	"kein",
	"keine",
	"keinen",
	"pas",
	"non",
	"n\xc3\xa3o",
	"nie",
	"niet",
	"inte",
	"\xd0\xbd\xd0\xb5", /* не */
	"ikke",
	"ingen",
	"ej",
	"nen\xc3\xad", /* není */
	"nije",
	"\xd0\xbd\xd0\xb8\xd1\x98\xd0\xb5", /* није */
	"niciun",
	"nicio",
	"\xc5\xbeiadny", /* žiadny */
	"\xc5\xbeiaden", /* žiaden */
	"nincs",
	"\xce\xb4\xce\xb5\xce\xbd", /* δεν */
	"\xd8\xba\xd9\x8a\xd8\xb1", /* غير */
	"\xd7\x9c\xd7\x90",         /* לא */
	"tidak",
	"kh\xc3\xb4ng", /* không */
	/* "nor", continuing a negation: "no es spam ni virus", "ni spam ni
	 * virus", "nem spam nem vírus", "né spam né virus". */
	"ni",
	"nor",
	"nem",
	"n\xc3\xa9", /* né */
	"noch",
};

/* Function words that may stand between a negation and what it negates
 * ("is not listed in any block list", "not considered spam"). */
static const char *const between[] = {
	"a",
	"an",
	"the",
	"any",
	"in",
	"on",
	"at",
	"of",
	"as",
	"be",
	"been",
	"is",
	"listed",
	/* A finding's participle between the negation and the finding ("no
	 * virus was found" worded "не е открит вирус", "tidak ditemukan
	 * virus", "לא נמצא וירוס"): the finding is denied all the same. */
	"found",
	"detected",
	"\xd0\xb5",                                                 /* е */
	"\xd0\xbe\xd1\x82\xd0\xba\xd1\x80\xd0\xb8\xd1\x82",         /* открит */
	"\xd0\xbe\xd1\x82\xd0\xba\xd1\x80\xd0\xb8\xd1\x82\xd0\xb8", /* открити */
	"\xd0\xbe\xd1\x82\xd0\xba\xd1\x80\xd0\xb8\xd1\x82\xd0\xbe", /* открито */
	"ditemukan",
	"terdeteksi",
	"ada",
	"\xd7\xa0\xd7\x9e\xd7\xa6\xd7\x90",         /* נמצא */
	"\xd7\xa0\xd7\x9e\xd7\xa6\xd7\x90\xd7\x95", /* נמצאו */
	"\xd7\x96\xd7\x95\xd7\x94\xd7\x94",         /* זוהה */
	"considered",
	"classified",
	"currently",
	"our",
	"your",
	"its",
	"this",
	"de",
	"la",
	"le",
	/* Articles: "ce n'est pas une boîte pleine", "no es una cuenta
	 * suspendida", "kein ein"... */
	"un",
	"une",
	"una",
	"uno",
	"um",
	"uma",
	/* "is" and "as" in Spanish, German and French: "no es spam", "ist
	 * kein Spam", "n'est pas considéré comme spam". */
	"es",
	"ist",
	"est",
	"comme",
	"consid\xc3\xa9r\xc3\xa9",
	"como",
	"considerado",
	/* "is" in Catalan, Portuguese and Greek: "no és plena", "não está
	 * cheia", "δεν είναι γεμάτο" */
	"\xc3\xa9s",
	"est\xc3\xa1",
	"\xce\xb5\xce\xaf\xce\xbd\xce\xb1\xce\xb9",
};

static gboolean
word_in (const char *w, gsize len, const char *const *list, gsize n)
{
	for (gsize i = 0; i < n; i++)
		if (strlen (list[i]) == len && memcmp (list[i], w, len) == 0)
			return TRUE;
	return FALSE;
}

/* Negations that Chinese writes right before the word they deny, with no
 * space: 非 (not), 不在 (not in), 无 and 無 (without), 没有 and 沒有 (have
 * not): "非垃圾邮件" (not spam), "不在黑名单中" (not on the block list). */
static const char *const cjk_negators[] = {
	"\xe9\x9d\x9e", "\xe4\xb8\x8d\xe5\x9c\xa8", "\xe6\x97\xa0",
	"\xe7\x84\xa1", "\xe6\xb2\xa1\xe6\x9c\x89", "\xe6\xb2\x92\xe6\x9c\x89",
};

gboolean
bv_negated_before (const char *t, gsize at)
{
	for (gsize i = 0; i < G_N_ELEMENTS (cjk_negators); i++) {
		gsize l = strlen (cjk_negators[i]);
		if (at >= l && memcmp (t + at - l, cjk_negators[i], l) == 0)
			return TRUE;
	}
	gsize end = at;
	for (guint words = 0; words < 5; words++) {
		while (end > 0 && t[end - 1] == ' ')
			end--;
		if (end == 0)
			return FALSE;
		gsize start = end;
		while (start > 0 && t[start - 1] != ' ')
			start--;
		char last = t[end - 1];
		/* Punctuation closes the clause the negation could govern. */
		if (last == ':' || last == ',' || last == ';' || last == '.' || last == '(' || last == ')' ||
		    last == '!' || last == '?' || last == '"')
			return FALSE;
		/* A word that opens a parenthesis or a quotation begins the
		 * clause: "(kein Spam)" is negated, nothing before it counts. */
		gboolean opens = t[start] == '(' || t[start] == '"' || t[start] == '[';
		if (opens)
			start++;
		if (start < end && word_in (t + start, end - start, negators, G_N_ELEMENTS (negators)))
			return TRUE;
		if (opens || !word_in (t + start, end - start, between, G_N_ELEMENTS (between)))
			return FALSE;
		end = start;
	}
	return FALSE;
}
