/* triage.c: telling ordinary mail from possible reports by the header alone.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most of a mailbox is ordinary mail, so this runs on every message and must
 * be cheap: one pass over the header block, no allocation, no decoding.  It
 * errs on the side of TRUE; the full parse decides. */
#include "config.h"

#include <string.h>

#include "parsers/autoreply.h"
#include "parsers/bounce.h"
#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The header block ends at the first empty line; never look past 256 KiB. */
#define TRIAGE_MAX_HEAD (256u * 1024u)

/* g_ascii_tolower() is a call; this runs on every header line. */
static inline char
lower (char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* Lower-cases the line [@p, @end) into @buf (at most @size - 1 bytes, the
 * rest of a longer line is not looked at), so that the word lists can be
 * searched byte for byte, without a case-insensitive compare per offset. */
static const char *
lower_line (const char *p, const char *end, char *buf, gsize size)
{
	gsize n = MIN ((gsize)(end - p), size - 1);
	for (gsize i = 0; i < n; i++)
		buf[i] = p[i] == '\0' ? ' ' : lower (p[i]);
	buf[n] = '\0';
	return buf;
}

/* Words in a From header that mean an automated sender. */
static const char *const from_words[] = {
	"mailer-daemon",
	"mailer_daemon",
	"postmaster",
	"post_master",
	"-admin@",
	"-owner@",
	"owner-",
	"-request@",
	"mail delivery",
	"maildelivery",
	"mail administrator",
	"mail system",
	"mailsystem",
	"mail-daemon",
	"mdaemon",
	"no-reply",
	"noreply",
	"bounce",
	"daemon@",
	"mailer@",
	"mta@",
	"mail.delivery",
	"delivery-status",
	"nobody@",
	"root@",
	"postoffice",
	"mailadmin",
	"smtp",
	"mail router",
	"abuse",
	"feedback",
	"fbl",
	"scomp",
	"staff@",
	"complaints",
	"microsoft outlook",
	"@bounce",
	"mailman",
	/* List managers that pass a bounce on to the list's owner as an
	 * attachment (L-Soft LISTSERV's "error report" notices come from
	 * "L-Soft list server at HOST" <LISTSERV@HOST>; Majordomo, Sympa,
	 * ezmlm). */
	"listserv",
	"list server",
	"majordomo",
	"sympa",
	"ezmlm",
	"=?",
	"network service",
	"mail server",
	"administrator",
	"notification",
	"auto",
	"system",
	NULL,
};

/* Words in a Subject that mean a report (or, broader than the automatic
 * reply words of autoreply.c, which triage reads too, an absence). */
static const char *const subject_words[] = {
	/* Phrases rather than single words where the word alone is common in
	 * ordinary mail ("report", "status", "auto", "return"): a triage miss
	 * costs a whole report, a false hit only a parse. */
	"undeliver",
	"delivery",
	"deliver to",
	"not delivered",
	"failure",
	"failed",
	"returned",
	"bounce",
	"could not",
	"couldn't",
	"unable to",
	"rejected",
	"nondeliverable",
	"non-deliverable",
	"non remis",
	"mail system",
	"auto:",
	"abwesen",
	"absence",
	"abuse",
	"complaint",
	/* Complaint reports: RFC 5965's "feedback-report", AOL's "Email
	 * Feedback Report for IP ...", when a wrapper hides the report's
	 * Content-Type. */
	"feedback report",
	"unzustellbar",
	"zustell",
	"delivery status",
	"mail error",
	"message error",
	"smtp error",
	"delivery error",
	/* LISTSERV: "LIST: error report from HOST", a bounce it caught in the
	 * list's mailbox, attached for the owner. */
	"error report",
	"warning: message",
	"delayed",
	"delay",
	"blocked",
	"spam",
	"undelivered",
	"benachrichtig",
	"retour",
	"erreur",
	"devuel",
	"=?",
	"\xe9\x80\x80\xe4\xbf\xa1", /* 退信 */
	"\xe5\xa4\xb1\xe8\xb4\xa5", /* 失败 */
	"\xe8\x87\xaa\xe5\x8a\xa8", /* 自动 */
	"\xe9\x85\x8d\xe4\xbf\xa1", /* 配信 */
	"\xe4\xb8\x8d\xe8\x83\xbd", /* 不能 */
	"\xe7\x84\xa1\xe6\xb3\x95", /* 無法 */
	"\xe5\xa4\xb1\xe6\x95\x97", /* 失敗 */
	"\xe4\xb8\x8d\xe5\x9c\xa8", /* 不在 */
	"\xd0\xbd\xd0\xb5",         /* не */
	/* The subject prefix Exchange and Exchange Online put before the
	 * original subject of an NDR in the sender's or the recipient
	 * organisation's language, where the words above miss it when the
	 * subject is written as raw UTF-8 (RFC 6532) rather than encoded
	 * ("Unzustellbar:", "Non remis :", "配信不能:" and the Russian one are
	 * caught above): Spanish, Portuguese, Italian, Dutch, Simplified
	 * Chinese (issue #10's list of the prefixes Exchange writes). */
	"no se puede entregar",
	"n\xc3\xa3o \xc3\xa9 poss\xc3\xadvel entregar",
	"non recapitabile",
	"onbestelbaar",
	"\xe6\x97\xa0\xe6\xb3\x95\xe9\x80\x81\xe8\xbe\xbe", /* 无法送达 */
	NULL,
};

/* Word lists compiled for one pass over a line.  Triage runs on every
 * message of a mailbox, and trying each word with strstr() was a third of
 * its time (one call per word per line); here each offset of the line is
 * tried only against the words that start with its byte. */
#define WORDSET_MAX 128

typedef struct {
	const char *word[WORDSET_MAX];
	guint8 len[WORDSET_MAX];
	gint16 next[WORDSET_MAX]; /* the next word with the same first byte, or -1 */
	gint16 head[256];         /* the first word starting with a byte, or -1 */
	/* One bit per pair of bytes that starts a word: most offsets of a line
	 * start none, and one look here rules them out. */
	guint8 pairs[65536 / 8];
	guint n;
} WordSet;

/* Adds the NULL-terminated @words (lower case, as lower_line() writes,
 * at least two bytes long) to @set. */
static void
wordset_add (WordSet *set, const char *const *words)
{
	for (const char *const *w = words; *w; w++) {
		gsize len = strlen (*w);
		g_assert (set->n < WORDSET_MAX && len >= 2 && len <= G_MAXUINT8);
		guint i = set->n++;
		guint8 first = (guint8)(*w)[0];
		set->word[i] = *w;
		set->len[i] = (guint8)len;
		/* Appended at the end of the bucket, so a line matches the same
		 * word whatever the order: only whether one matches counts. */
		set->next[i] = set->head[first];
		set->head[first] = (gint16)i;
		guint pair = ((guint)first << 8) | (guint8)(*w)[1];
		set->pairs[pair / 8] |= (guint8)(1u << (pair % 8));
	}
}

static void
wordset_init (WordSet *set)
{
	memset (set, 0, sizeof *set);
	for (guint i = 0; i < G_N_ELEMENTS (set->head); i++)
		set->head[i] = -1;
}

static WordSet from_set, subject_set, ctype_set, retpath_set;

/* Builds the sets once; bv_triage() may run on several threads. */
static void
wordsets_init (void)
{
	static gsize once = 0;
	if (!g_once_init_enter (&once))
		return;
	static const char *const types[] = { "report", "delivery-status", NULL };
	static const char *const null_sender[] = { "<>", NULL };
	wordset_init (&from_set);
	wordset_add (&from_set, from_words);
	wordset_init (&subject_set);
	wordset_add (&subject_set, subject_words);
	wordset_add (&subject_set, bv_autoreply_subjects);
	wordset_init (&ctype_set);
	wordset_add (&ctype_set, types);
	wordset_init (&retpath_set);
	wordset_add (&retpath_set, null_sender);
	g_once_init_leave (&once, 1);
}

/* Whether the line [@p, @end) holds one of the words of @set. */
static gboolean
has_any (const char *p, const char *end, const WordSet *set)
{
	char buf[1024];
	const char *line = lower_line (p, end, buf, sizeof buf);
	gsize n = strlen (line);
	for (gsize i = 0; i < n; i++) {
		guint pair = ((guint)(guint8)line[i] << 8) | (guint8)line[i + 1];
		if (!(set->pairs[pair / 8] & (1u << (pair % 8))))
			continue;
		for (gint16 w = set->head[(guint8)line[i]]; w >= 0; w = set->next[w])
			/* The second byte (the NUL after a one-byte word) rules
			 * out most candidates without a call. */
			if (set->len[w] <= n - i && set->word[w][1] == line[i + 1] &&
			    memcmp (line + i, set->word[w], set->len[w]) == 0)
				return TRUE;
	}
	return FALSE;
}

/* Whether [@p, @end) is a "Subject:" line that names a forward ("Fwd:",
 * "WG:" ...).  A person forwards a bounce as an attachment under such a
 * subject, and its header has nothing else that tells: forwards are few,
 * and a false hit costs only a parse. */
static gboolean
forward_subject (const char *p, const char *end)
{
	if (end - p < 8 || g_ascii_strncasecmp (p, "Subject:", 8) != 0)
		return FALSE;
	p += 8;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end)
		return FALSE;
	char c = lower (*p);
	for (const char *const *f = bv_forward_subjects; *f; f++) {
		/* The first byte rules out most prefixes without a call. */
		if (lower ((*f)[0]) != c)
			continue;
		gsize n = strlen (*f);
		if ((gsize)(end - p) >= n && g_ascii_strncasecmp (p, *f, n) == 0)
			return TRUE;
	}
	return FALSE;
}

/* A header that only automated mail carries, matched as a prefix of the
 * line, case-insensitively. */
typedef struct {
	const char *name;
	guint8 len;
} AutoHeader;

#define AUTO_HEADER(s)          \
	{                       \
		s, sizeof s - 1 \
	}
static const AutoHeader auto_headers[] = {
	AUTO_HEADER ("Auto-Submitted:"),
	AUTO_HEADER ("X-Failed-Recipients:"),
	AUTO_HEADER ("X-Auto-Response-Suppress:"),
	AUTO_HEADER ("Precedence:"),
	AUTO_HEADER ("X-Mailer-Daemon"),
	AUTO_HEADER ("X-Postfix-Queue-ID"),
	AUTO_HEADER ("Feedback-Type:"),
	AUTO_HEADER ("X-AOL-"),
	AUTO_HEADER ("X-HmXmrOriginalRecipient:"),
	AUTO_HEADER ("X-SES-Outgoing"),
	AUTO_HEADER ("X-Autogenerated:"),
	AUTO_HEADER ("X-MS-Exchange-Message-Is-Ndr"),
	AUTO_HEADER ("X-MS-Exchange-Generated-Message-Source"),
	AUTO_HEADER ("X-Report-Abuse"),
	AUTO_HEADER ("X-MLServer:"),
	AUTO_HEADER ("X-ML-Name:"),
	AUTO_HEADER ("X-SendGrid"),
	AUTO_HEADER ("X-Mailer-Sent-By"),
	AUTO_HEADER ("Delivered-To: Autoresponder"),
};
#undef AUTO_HEADER

/* Whether the header line [@line, @stop) is one of the automated headers
 * above or of autoreply.c's. */
static gboolean
is_auto_header (const char *line, const char *stop)
{
	gsize n = stop - line;
	char c = lower (line[0]);
	for (gsize i = 0; i < G_N_ELEMENTS (auto_headers); i++) {
		const AutoHeader *h = &auto_headers[i];
		/* The first byte rules out most names without a call. */
		if (n >= h->len && lower (h->name[0]) == c &&
		    g_ascii_strncasecmp (line, h->name, h->len) == 0)
			return TRUE;
	}
	for (const char *const *h = bv_autoreply_headers; *h; h++) {
		gsize len = strlen (*h);
		if (n > len && lower ((*h)[0]) == c && line[len] == ':' &&
		    g_ascii_strncasecmp (line, *h, len) == 0)
			return TRUE;
	}
	return FALSE;
}

/* Whether the line starts with the field name @name (with its colon). */
#define FIELD_IS(line, stop, name)                      \
	((gsize)((stop) - (line)) >= sizeof name - 1 && \
	 g_ascii_strncasecmp ((line), name, sizeof name - 1) == 0)

gboolean
bv_triage (const char *data, gsize len)
{
	if (data == NULL || len == 0)
		return FALSE;
	wordsets_init ();
	const char *end = data + MIN (len, TRIAGE_MAX_HEAD);
	/* Blank lines before the headers do not end the header block. */
	const char *line = data + bv_text_blank_prefix (data, end - data);
	/* Name of the header the current (possibly folded) line belongs to. */
	enum { OTHER, FROM, SUBJECT, CTYPE, RETPATH } field = OTHER;

	while (line < end) {
		const char *eol = memchr (line, '\n', end - line);
		if (eol == NULL)
			eol = end;
		const char *stop = eol;
		if (stop > line && stop[-1] == '\r')
			stop--;
		/* A lone-CR file has no LF: treat CR as a line end too. */
		const char *cr = memchr (line, '\r', stop - line);
		if (cr != NULL && cr + 1 < stop) {
			stop = cr;
			eol = cr;
		}
		if (stop == line)
			break; /* End of the header block. */

		if (line[0] == ' ' || line[0] == '\t') {
			/* A continuation of the previous field. */
		} else {
			field = OTHER;
			switch (lower (line[0])) {
			case 'f':
				if (FIELD_IS (line, stop, "From:"))
					field = FROM;
				break;
			case 's':
				if (FIELD_IS (line, stop, "Subject:"))
					field = SUBJECT;
				break;
			case 'c':
				if (FIELD_IS (line, stop, "Content-Type:"))
					field = CTYPE;
				break;
			case 'r':
				if (FIELD_IS (line, stop, "Return-Path:"))
					field = RETPATH;
				break;
			default: break;
			}
			if (field == OTHER && is_auto_header (line, stop))
				return TRUE;
		}
		const WordSet *set = NULL;
		switch (field) {
		case FROM: set = &from_set; break;
		case SUBJECT: set = &subject_set; break;
		case CTYPE: set = &ctype_set; break;
		case RETPATH: set = &retpath_set; break;
		case OTHER: break;
		}
		if (field == SUBJECT && forward_subject (line, stop))
			return TRUE;
		if (set != NULL && has_any (line, stop, set))
			return TRUE;
		line = eol + 1;
	}
	return FALSE;
}

/* What an MTA's own delay notice says of itself, in its template: a report
 * whose recipients carry no Action field (a notice without a delivery-status
 * part, or one that lost it on the way) is a delay warning when its subject
 * or its text, before the copy of the message, says one of these.  Each row
 * names the template it comes from; the text rows are read normalised (lower
 * case, runs of white space as one space), so that a template refolded at
 * other places still matches.  qmail sends no delay notices (qmail-send.c
 * bounces only when the queue lifetime is over). */
typedef struct {
	const char *words;
	const char *source;
} DelayMarker;

static const DelayMarker delay_subjects[] = {
	{ "delayed mail (still being retried)", "Postfix src/bounce/bounce_templates.c, the delay template" },
	{ "warning: could not send message for past",
	  "Sendmail sendmail/envelope.c dropenvelope() (Timeout.queuewarn)" },
	{ "warning: delayed mail", "Courier courier/module.dsn/dsnsubjectwarn.txt" },
	{ "delivery status notification: delayed",
	  "OpenSMTPD usr.sbin/smtpd/bounce.c (action_str, B_DELAYED)" },
	{ NULL, NULL },
};

static const DelayMarker delay_texts[] = {
	{ "this is a warning only. you do not need to resend your message",
	  "Postfix src/bounce/bounce_templates.c, the delay template" },
	{ "your message could not be delivered for more than",
	  "Postfix src/bounce/bounce_templates.c ($delay_warning_time_hours hour(s))" },
	{ "it will be retried until it is",
	  "Postfix src/bounce/bounce_templates.c ($maximal_queue_lifetime_days)" },
	{ "this is a warning message only", "Sendmail sendmail/savemail.c errbody()" },
	{ "had transient non-fatal errors", "Sendmail sendmail/savemail.c errbody()" },
	{ "warning: message still undelivered after", "Sendmail sendmail/envelope.c dropenvelope()" },
	{ "will keep trying until message is", "Sendmail sendmail/envelope.c dropenvelope()" },
	{ "has not yet been delivered to one or more of its recipients",
	  "Exim src/src/deliver.c send_warning_message()" },
	{ "delivery attempts will continue for some time", "Exim src/src/deliver.c send_warning_message()" },
	{ "delays in delivering your message", "Courier courier/module.dsn/dsndelayed.txt" },
	{ "this is an advisory notice only", "Courier courier/module.dsn/dsndelayed.txt" },
	{ "additional attempts to deliver your message will be made",
	  "Courier courier/module.dsn/dsndelayed.txt" },
	{ "a message is delayed for more than", "OpenSMTPD usr.sbin/smtpd/bounce.c notice_warning" },
	{ "this is only a temporary failure report", "OpenSMTPD usr.sbin/smtpd/bounce.c notice_warning2" },
	/* Other servers' wording of the same notice (a warning that the
	 * message is still queued and will be retried). */
	{ "has not yet been delivered", "paraphrase of Exim's and Sendmail's templates" },
	{ "has not been delivered yet", "paraphrase of Exim's and Sendmail's templates" },
	{ "not been delivered yet", "paraphrase of Exim's and Sendmail's templates" },
	{ "will keep trying to deliver", "paraphrase of Sendmail's template" },
	{ "still being retried", "paraphrase of Postfix's template" },
	{ "you do not need to resend", "paraphrase of Postfix's and Sendmail's templates" },
	/* The same warning in other languages (a site's own warn_message_file
	 * for Exim, a localized server's template): a general-language
	 * paraphrase class, the words the mail servers of those countries use
	 * for "not yet delivered" and "delivery will be retried".  " * " stands
	 * for a short stretch of the same clause ("noch nicht an alle Empfänger
	 * zugestellt"); tested sentence by sentence in
	 * tests/lhost/test-delays.c. */
	{ "noch nicht * zugestellt",
	  "general-language paraphrase (German) of Exim's and Sendmail's templates" },
	{ "noch nicht * ausgeliefert",
	  "general-language paraphrase (German) of Exim's and Sendmail's templates" },
	{ "wird weiterhin versucht", "general-language paraphrase (German) of Postfix's template" },
	{ "wird weiter versucht", "general-language paraphrase (German) of Postfix's template" },
	{ "pas encore * remis", "general-language paraphrase (French) of Exim's and Sendmail's templates" },
	{ "pas encore * livr", "general-language paraphrase (French) of Exim's and Sendmail's templates" },
	{ "pas encore * distribu",
	  "general-language paraphrase (French) of Exim's and Sendmail's templates" },
	{ "remise diff\xc3\xa9r\xc3\xa9", "general-language paraphrase (French) of Courier's template" },
	{ "distribution diff\xc3\xa9r\xc3\xa9",
	  "general-language paraphrase (French) of Courier's template" },
	{ "livraison diff\xc3\xa9r\xc3\xa9", "general-language paraphrase (French) of Courier's template" },
	{ "a\xc3\xban no * entregad",
	  "general-language paraphrase (Spanish) of Exim's and Sendmail's templates" },
	{ "aun no * entregad", "general-language paraphrase (Spanish) of Exim's and Sendmail's templates" },
	{ "todav\xc3\xad"
	  "a no * entregad",
	  "general-language paraphrase (Spanish) of Exim's and Sendmail's templates" },
	{ "se seguir\xc3\xa1 intentando", "general-language paraphrase (Spanish) of Postfix's template" },
	{ "ancora * consegnat", "general-language paraphrase (Italian) of Exim's and Sendmail's templates" },
	{ "nog niet * afgeleverd", "general-language paraphrase (Dutch) of Exim's and Sendmail's templates" },
	{ "nog niet * bezorgd", "general-language paraphrase (Dutch) of Exim's and Sendmail's templates" },
	{ "ainda n\xc3\xa3o * entregue",
	  "general-language paraphrase (Portuguese) of Exim's and Sendmail's templates" },
	{ NULL, NULL },
};

/* Whether @text holds @words, where a " * " in @words stands for at most
 * DELAY_GAP bytes of the same clause (no '.', ';' or '!' in them): the
 * languages whose sentence puts words between the negation and the verb
 * ("n'a pas encore pu être remis", "noch nicht an alle Empfänger
 * zugestellt"). */
#define DELAY_GAP 48
static gboolean
delay_words_in (const char *text, const char *words)
{
	const char *star = strstr (words, " * ");
	if (star == NULL)
		return strstr (text, words) != NULL;
	g_autofree char *head = g_strndup (words, star - words);
	const char *tail = star + 3;
	gsize tail_len = strlen (tail);
	for (const char *h = strstr (text, head); h != NULL; h = strstr (h + 1, head)) {
		const char *p = h + strlen (head);
		for (gsize gap = 0; gap <= DELAY_GAP && p[gap] != '\0'; gap++) {
			if (strncmp (p + gap, tail, tail_len) == 0)
				return TRUE;
			if (p[gap] == '.' || p[gap] == ';' || p[gap] == '!')
				break;
		}
	}
	return FALSE;
}

/* Where the notice's own text ends: the copy of the message (a header line
 * at the start of a line, or a copy marker) is the sender's, not the MTA's. */
static gsize
notice_length (const char *text)
{
	static const char *const copy_words[] = { "original message follows",
		                                  "unsent message follows",
		                                  "message header follows",
		                                  "this is a copy of the message",
		                                  "below is a copy of",
		                                  "below this line is a copy",
		                                  NULL };
	const char *line = text;
	while (*line) {
		const char *eol = strchr (line, '\n');
		const char *end = eol ? eol : line + strlen (line);
		if (g_ascii_strncasecmp (line, "Received:", 9) == 0 ||
		    g_ascii_strncasecmp (line, "Return-Path:", 12) == 0)
			return (gsize)(line - text);
		char buf[256];
		const char *low = lower_line (line, end, buf, sizeof buf);
		for (const char *const *w = copy_words; *w; w++)
			if (strstr (low, *w) != NULL)
				return (gsize)(line - text);
		if (eol == NULL)
			break;
		line = eol + 1;
	}
	return strlen (text);
}

/* Whether @s holds an ASCII capital. */
static gboolean
has_upper (const char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			return TRUE;
	return FALSE;
}

/* Lowers the ASCII capitals of @s; other bytes (UTF-8) stay. */
static void
ascii_lower_in_place (char *s)
{
	for (; *s; s++)
		*s = lower (*s);
}

const char *
bv_delay_notice (const char *subject, const char *text)
{
	/* The markers are lower case (checked once): the text is lowered
	 * once and searched with strstr(), which was a fifth of the cost
	 * of strcasestr() per marker on a whole notice. */
	static gsize checked = 0;
	if (g_once_init_enter (&checked)) {
		for (const DelayMarker *m = delay_subjects; m->words; m++)
			g_assert (!has_upper (m->words));
		for (const DelayMarker *m = delay_texts; m->words; m++)
			g_assert (!has_upper (m->words));
		g_once_init_leave (&checked, 1);
	}
	if (subject != NULL) {
		g_autofree char *s = bv_text_normalise (subject, -1);
		ascii_lower_in_place (s);
		for (const DelayMarker *m = delay_subjects; m->words; m++)
			if (strstr (s, m->words) != NULL)
				return m->source;
		/* Exim: "Warning: message <id> delayed <n> minutes|hours". */
		if (strncmp (s, "warning: message ", 17) == 0 && strstr (s + 17, " delayed ") != NULL)
			return "Exim src/src/deliver.c send_warning_message() (its Subject)";
	}
	if (text == NULL)
		return NULL;
	g_autofree char *t = bv_text_normalise (text, (gssize)notice_length (text));
	ascii_lower_in_place (t);
	for (const DelayMarker *m = delay_texts; m->words; m++)
		if (delay_words_in (t, m->words))
			return m->source;
	return NULL;
}
