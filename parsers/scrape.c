/* scrape.c: the layout readers shared by the format (lhost) parsers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"
#include "parsers/dsn.h"
#include "parsers/reply.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
addr_char (char c)
{
	return c != '\0' && !g_ascii_isspace (c) && strchr ("<>()[],;:\"", c) == NULL;
}

/* Punctuation and spaces that no real address holds but that writers put
 * right against one: CJK and full-width marks ("收件人：a@b", "<a@b>。",
 * "【a@b】"), guillemets, typographic quotes and the no-break spaces that
 * French typography sets inside guillemets. */
static gboolean
wide_punct (gunichar c)
{
	return g_unichar_isspace (c) || c == 0x200b || (c >= 0x3000 && c <= 0x303f) ||
	       (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
	       (c >= 0xff5b && c <= 0xff65) || c == 0x00ab || c == 0x00bb || (c >= 0x2018 && c <= 0x201f) ||
	       c == 0x2039 || c == 0x203a;
}

char *
bv_scrape_address_clean (const char *addr)
{
	if (addr == NULL)
		return NULL;
	/* Text read from a damaged message may hold raw bytes. */
	if (!g_utf8_validate (addr, -1, NULL))
		return g_utf8_make_valid (addr, -1);
	const char *at = strrchr (addr, '@');
	/* A quoted local part holds what it holds, spaces too (RFC 5321
	 * 4.1.2). */
	if (at == NULL || (addr[0] == '"' && at > addr + 2 && at[-1] == '"'))
		return g_strdup (addr);
	at = strchr (addr, '@');
	/* A label before the address ends at its last such mark; the
	 * sentence after it starts at the first. */
	const char *b = addr;
	for (const char *p = addr; p < at; p = g_utf8_next_char (p))
		if (wide_punct (g_utf8_get_char (p)))
			b = g_utf8_next_char (p);
	const char *e = at + 1;
	while (*e && !wide_punct (g_utf8_get_char (e)))
		e = g_utf8_next_char (e);
	if (b == at || e == at + 1)
		return g_strdup (addr);
	return g_strndup (b, e - b);
}

char *
bv_scrape_address (const char *text)
{
	g_autofree char *raw = bv_address_extract (text);
	return bv_scrape_address_clean (raw);
}

char *
bv_line_address (const BvLine *line, const char **rest)
{
	const char *p = bv_line_skip_space (line);
	gboolean angle = p < line->end && *p == '<';
	if (angle)
		p++;
	const char *b = p;
	if (angle) {
		/* Inside brackets anything but space goes: domain literals
		 * such as "a@[192.0.2.1]" included. */
		while (p < line->end && *p != '>' && !g_ascii_isspace (*p)) {
			/* A quoted local part ("<\"john doe\"@example.org>",
			 * RFC 5321 4.1.2) may hold spaces. */
			if (*p == '"' && p == b) {
				const char *q = p + 1;
				while (q < line->end && *q != '"')
					q += *q == '\\' && q + 1 < line->end ? 2 : 1;
				if (q < line->end)
					p = q;
			}
			p++;
		}
	} else {
		while (p < line->end && addr_char (*p))
			p++;
	}
	if (p == b || memchr (b, '@', p - b) == NULL)
		return NULL;
	g_autofree char *raw = g_strndup (b, p - b);
	if (!bv_address_plausible (raw))
		return NULL;
	if (angle) {
		if (p >= line->end || *p != '>')
			return NULL;
		p++;
	}
	/* What may follow: ':' or "..." and a short note in parentheses. */
	while (p < line->end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	if (p < line->end && *p == '(') {
		/* "(expanded from" may go on on the next line. */
		const char *close = memchr (p, ')', line->end - p);
		p = close ? close + 1 : line->end;
		while (p < line->end && (*p == ' ' || *p == '\t'))
			p++;
	}
	if (p < line->end && *p == ':')
		p++;
	else if (line->end - p >= 3 && strncmp (p, "...", 3) == 0)
		p += 3;
	else if (p < line->end && *p != '[')
		return NULL;
	while (p < line->end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	if (rest != NULL)
		*rest = p;
	g_autofree char *addr = bv_address_extract (raw);
	return bv_scrape_address_clean (addr ? addr : raw);
}

char *
bv_line_labelled_address (const BvLine *line)
{
	const char *colon = bv_line_find (line, ":");
	if (colon == NULL)
		return NULL;
	g_autofree char *value = g_strndup (colon + 1, line->end - (colon + 1));
	return bv_address_extract (value);
}

void
bv_scrape_take_original (BvMail *mail, const char *start)
{
	if (start == NULL || mail->original->len > 0)
		return;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	gboolean begun = FALSE;
	while (bv_lines_next (&it, &line)) {
		if (bv_line_blank (&line)) {
			if (begun)
				break;
			continue;
		}
		begun = TRUE;
		g_string_append_len (mail->original, line.start, line.end - line.start);
		g_string_append_c (mail->original, '\n');
	}
}

BvRecipient *
bv_scrape_add (BvReport *report, const char *address)
{
	BvRecipient *r = bv_scrape_recipient_new (address);
	g_ptr_array_add (report->recipients, r);
	return r;
}

BvRecipient *
bv_scrape_recipient_new (const char *address)
{
	BvRecipient *r = bv_recipient_new ();
	r->recipient = bv_scrape_address (address);
	if (r->recipient == NULL)
		r->recipient = g_utf8_make_valid (address ? address : "", -1);
	bv_recipient_fill_empty (r);
	return r;
}

/* A reply code that a label introduces with a colon or an equals sign,
 * which the plain search does not take for one (it could be a time or a
 * port): "ERROR CODE :550", "Error code:550", "ResponseCode=550". */
static gboolean
labelled_reply (const char *text, char out[4])
{
	for (const char *p = bv_text_find_ci (text, "code"); p != NULL; p = bv_text_find_ci (p + 4, "code")) {
		const char *q = p + 4;
		while (*q == ' ')
			q++;
		if (*q != ':' && *q != '=')
			continue;
		q++;
		while (*q == ' ')
			q++;
		char code[4] = { 0 };
		for (int i = 0; i < 3 && q[i]; i++)
			code[i] = q[i];
		if (bv_reply_valid (code) && !g_ascii_isdigit (q[3]) && q[3] != '.') {
			memcpy (out, code, 4);
			return TRUE;
		}
	}
	return FALSE;
}

void
bv_scrape_set_diagnostic (BvRecipient *r, const char *text, gssize len)
{
	g_free (r->diagnostic);
	r->diagnostic = bv_reply_join (text, len);
	char code[16];
	if ((r->status == NULL || r->status[0] == '\0') && bv_status_find (r->diagnostic, code, sizeof code))
		bv_scrape_set (&r->status, code);
	if ((r->reply_code == NULL || r->reply_code[0] == '\0') &&
	    (bv_reply_find (r->diagnostic, code, sizeof code) || labelled_reply (r->diagnostic, code)))
		bv_scrape_set (&r->reply_code, code);
}

/* Phrases that name the failed command, the most specific first.  Matched
 * case-insensitively anywhere in the text. */
static const struct {
	const char *phrase;
	const char *command;
} command_phrases[] = {
	{ "in reply to rcpt to", "RCPT" },
	{ "in reply to mail from", "MAIL" },
	{ "in reply to end of data", "DATA" },
	{ "in reply to data", "DATA" },
	{ "in reply to ehlo", "EHLO" },
	{ "in reply to helo", "HELO" },
	{ "after rcpt to", "RCPT" },
	{ "after mail from", "MAIL" },
	{ "after end of data", "DATA" },
	{ "after data", "DATA" },
	{ "after ehlo", "EHLO" },
	{ "after helo", "HELO" },
	{ "after initial connection", "CONN" },
	/* Exim src/src/transports/smtp.c writes "after pipelined " before
	 * the command it sent: "MAIL FROM:<a>", "RCPT TO:<a>", "DATA". */
	{ "after pipelined mail from", "MAIL" },
	{ "after pipelined rcpt to", "RCPT" },
	{ "after pipelined", "DATA" },
	{ "our final data", "DATA" },
	{ "our data", "DATA" },
	{ "our rcpt to", "RCPT" },
	{ "our mail from", "MAIL" },
	{ "our helo", "HELO" },
	{ "our ehlo", "EHLO" },
	{ "smtp:rcpt", "RCPT" },
	{ "smtp:mail", "MAIL" },
	{ "smtp:data", "DATA" },
	{ ">>> rcpt", "RCPT" },
	{ ">>> mail", "MAIL" },
	{ ">>> data", "DATA" },
	{ ">>> .", "DATA" },
	{ ">>> ehlo", "EHLO" },
	{ ">>> helo", "HELO" },
	{ "does not like recipient", "RCPT" },
	{ "does not like sender", "MAIL" },
	{ "failed on data command", "DATA" },
	{ "failed after i sent the message", "DATA" },
	{ "greeting failed", "CONN" },
	/* Postfix src/smtp/smtp_proto.c: a server that refuses the session
	 * at its greeting (or at EHLO/HELO) "refused to talk to me". */
	{ "refused to talk to me", "CONN" },
	/* dma net.c: READ_REMOTE_CHECK("connect", 2) on the greeting writes
	 * "%s [%s] did not like our connect:". */
	{ "did not like our connect", "CONN" },
	{ "sender was rejected", "MAIL" },
	{ "my name was rejected", "HELO" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (command_phrases) < 256);

/* command_phrases by first letter: for each byte, the first row in
 * command_order that starts with it and how many do, and each row's length,
 * so that the one pass over a text compares only the rows that can match
 * where it stands.  Built once; the order within a letter is the table's. */
typedef struct {
	guint8 start[256];
	guint8 count[256];
	guint8 order[G_N_ELEMENTS (command_phrases)];
	guint8 len[G_N_ELEMENTS (command_phrases)];
} CommandIndex;

static const CommandIndex *
command_index (void)
{
	static CommandIndex index;
	static gsize done = 0;
	if (g_once_init_enter (&done)) {
		guint n = 0;
		for (guint c = 0; c < 256; c++) {
			index.start[c] = (guint8)n;
			for (guint k = 0; k < G_N_ELEMENTS (command_phrases); k++) {
				if ((guint8)command_phrases[k].phrase[0] != c)
					continue;
				index.order[n++] = (guint8)k;
				index.count[c]++;
			}
		}
		for (guint k = 0; k < G_N_ELEMENTS (command_phrases); k++)
			index.len[k] = (guint8)strlen (command_phrases[k].phrase);
		g_once_init_leave (&done, 1);
	}
	return &index;
}

const char *
bv_scrape_command (const char *text, gssize len)
{
	if (text == NULL)
		return "";
	const CommandIndex *index = command_index ();
	gsize n = len < 0 ? strlen (text) : (gsize)len;
	/* One pass: at each byte, the phrases that start with its lower case,
	 * most specific first. */
	for (gsize i = 0; i < n; i++) {
		guint8 c = (guint8)g_ascii_tolower (text[i]);
		for (guint j = index->start[c]; j < (guint)index->start[c] + index->count[c]; j++) {
			guint k = index->order[j];
			gsize m = index->len[k];
			if (i + m <= n &&
			    g_ascii_strncasecmp (text + i + 1, command_phrases[k].phrase + 1, m - 1) == 0)
				return command_phrases[k].command;
		}
	}
	return "";
}

static gboolean
line_stops (const BvLine *line, const char *const *stops)
{
	for (const char *const *s = stops; s && *s; s++)
		if (bv_line_starts (line, *s))
			return TRUE;
	return FALSE;
}

void
bv_growing_init (BvGrowing *g, BvReport *report)
{
	g->report = report;
	g->cur = NULL;
	g->diag = g_string_new (NULL);
}

BvRecipient *
bv_growing_open (BvGrowing *g, const char *address)
{
	bv_growing_close (g);
	g->cur = bv_scrape_add (g->report, address);
	return g->cur;
}

void
bv_growing_add (BvGrowing *g, const char *text, gssize len)
{
	if (g->cur == NULL)
		return;
	if (g->diag->len > 0)
		g_string_append_c (g->diag, ' ');
	g_string_append_len (g->diag, text, len);
}

void
bv_growing_close (BvGrowing *g)
{
	if (g->cur != NULL)
		bv_scrape_set_diagnostic (g->cur, g->diag->str, g->diag->len);
	g_string_truncate (g->diag, 0);
	g->cur = NULL;
}

void
bv_growing_clear (BvGrowing *g)
{
	bv_growing_close (g);
	g_string_free (g->diag, TRUE);
	g->diag = NULL;
}

/* Phrases with which a report introduces a remote SMTP server's reply,
 * lower case: Postfix "host %s said: %s (in reply to %s)"
 * (src/smtp/smtp_proto.c), qmail "Remote host said:" (qmail-remote.c),
 * Exim "SMTP error from remote mail server after %s" (transports/smtp.c),
 * and the "<<< " reply lines of a Sendmail transcript (usersmtp.c). */
static const char *const smtp_reply_phrases[] = {
	" said: ", "in reply to ", "smtp error from remote mail server", "<<< ", NULL,
};

void
bv_scrape_smtp_type (BvRecipient *r)
{
	if (!(r->diagnostic_type == NULL || r->diagnostic_type[0] == '\0'))
		return;
	if (bv_text_find_any_ci (r->diagnostic, smtp_reply_phrases) != NULL)
		bv_scrape_set (&r->diagnostic_type, "smtp");
}

/* Closes the block being read: its text becomes the diagnostic.  The
 * command is read from the normalised text, where a phrase a server
 * wrapped across lines ("in reply to RCPT\n    TO command") is whole. */
static void
block_finish (BvGrowing *g)
{
	BvRecipient *r = g->cur;
	bv_growing_close (g);
	if (r != NULL)
		bv_scrape_set (&r->command, bv_scrape_command (r->diagnostic, -1));
}

guint
bv_scrape_blocks (BvReport *report, const char *start, const char *const *stops, guint flags,
                  const char **end)
{
	guint added = 0;
	BvGrowing g;
	bv_growing_init (&g, report);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	const char *stop = NULL;
	while (stop == NULL && bv_lines_next (&it, &line)) {
		if (line_stops (&line, stops)) {
			stop = line.start;
			break;
		}
		const char *rest = NULL;
		g_autofree char *addr = NULL;
		const char *first = bv_line_skip_space (&line);
		/* Where continuations are indented, an indented line inside a
		 * block continues it even when the wrap put the server's
		 * "<a@b>: ..." at its start: only the column the writer wrapped
		 * at decides that, not a new recipient. */
		gboolean continues =
		        g.cur != NULL && (flags & BV_BLOCKS_INDENTED) && bv_line_indented (&line);
		if (!continues && (!(flags & BV_BLOCKS_ANGLE) || (first < line.end && *first == '<')))
			addr = bv_line_address (&line, &rest);
		if (addr != NULL) {
			block_finish (&g);
			bv_growing_open (&g, addr);
			added++;
			bv_growing_add (&g, rest, line.end - rest);
			continue;
		}
		if (g.cur == NULL)
			continue;
		gboolean blank = bv_line_blank (&line);
		if ((blank && (flags & BV_BLOCKS_BLANK_ENDS)) ||
		    (!blank && (flags & BV_BLOCKS_INDENTED) && !bv_line_indented (&line) &&
		     g.diag->len > 0)) {
			block_finish (&g);
			continue;
		}
		bv_growing_add (&g, line.start, line.end - line.start);
	}
	block_finish (&g);
	bv_growing_clear (&g);
	if (end != NULL)
		*end = stop ? stop : it.next;
	return added;
}

/* Whether @r holds nothing but an address: the half a split group leaves. */
static gboolean
recipient_bare (const BvRecipient *r)
{
	return (r->action == NULL || r->action[0] == '\0') && (r->status == NULL || r->status[0] == '\0') &&
	       (r->diagnostic == NULL || r->diagnostic[0] == '\0');
}

guint
bv_scrape_dsn (BvMail *mail, BvReport *report)
{
	const char *text = mail->dsn->str;
	if (mail->dsn->len == 0) {
		/* A report forwarded as plain text keeps its delivery-status
		 * fields inline: read them from the first group that names a
		 * recipient, with the per-message group before it. */
		const char *final = bv_scrape_find_line (mail->body->str, "Final-Recipient:");
		if (final == NULL)
			return 0;
		const char *head = bv_scrape_find_line (mail->body->str, "Reporting-MTA:");
		text = head != NULL && head < final ? head : final;
	}
	guint before = report->recipients->len;
	bv_dsn_parse (text, report->recipients);
	GPtrArray *a = report->recipients;
	for (guint i = before; i + 1 < a->len;) {
		BvRecipient *x = a->pdata[i], *y = a->pdata[i + 1];
		if (recipient_bare (x) && x->recipient && y->recipient &&
		    g_ascii_strcasecmp (x->recipient, y->recipient) == 0) {
			/* The array frees what it removes. */
			g_ptr_array_remove_index (a, i);
		} else {
			i++;
		}
	}
	for (guint i = before; i < a->len; i++) {
		BvRecipient *r = a->pdata[i];
		if (r->command == NULL)
			r->command = g_strdup ("");
		if (r->mta == NULL)
			r->mta = g_strdup ("");
	}
	return a->len - before;
}

gboolean
bv_scrape_from_daemon (BvMail *mail)
{
	static const char *const senders[] = {
		"mailer-daemon", "postmaster",   "mail delivery", "maildelivery",
		"mail.delivery", "mailerdaemon", "mail-daemon",   NULL,
	};
	for (const char *const *s = senders; *s; s++)
		if (bv_text_find_ci (mail->from, *s) != NULL)
			return TRUE;
	const char *rp = bv_mail_header (mail, "Return-Path");
	if (rp != NULL) {
		const char *p = rp;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp (p, "<>", 2) == 0)
			return TRUE;
	}
	return FALSE;
}

gboolean
bv_scrape_from_provider (BvMail *mail, const char *mailbox, const char *const *domains)
{
	if (bv_text_find_ci (mail->from, mailbox) == NULL)
		return FALSE;
	for (const char *const *d = domains; *d; d++)
		if (bv_text_find_ci (mail->from, *d) != NULL)
			return TRUE;
	return FALSE;
}

/* Subject prefixes of a forward, as mail clients write them in several
 * languages: English, German (WG), French (TR), Spanish (RV), Italian (I),
 * Dutch (Doorst), Nordic (VS, VB), Portuguese (ENC), Chinese (转发). */
const char *const bv_forward_subjects[] = {
	"fwd:", "fw:", "wg:", "tr:", "rv:", "i:", "doorst:", "vs:", "vb:", "enc:", "\xe8\xbd\xac\xe5\x8f\x91",
	NULL,
};

/* Words of the separator line a mail client sets above a forwarded or
 * quoted message, lower case: "Forwarded message", "Original Message",
 * German "Weitergeleitete" and "Ursprüngliche", French "transféré" and
 * "d'origine", Italian "inoltrato" and "originale", Spanish "reenviado",
 * Portuguese "encaminhada", Dutch "doorgestuurd" and "oorspronkelijk",
 * Chinese 转发 and 原始, Japanese 転送. */
static const char *const forward_words[] = {
	"forwarded",
	"original message",
	"weitergeleitet",
	"urspr\xc3\xbcngliche",
	"transf\xc3\xa9r\xc3\xa9",
	"d'origine",
	"inoltrato",
	"messaggio originale",
	"reenviado",
	"mensaje original",
	"encaminhada",
	"mensagem original",
	"doorgestuurd",
	"oorspronkelijk",
	"\xe8\xbd\xac\xe5\x8f\x91",
	"\xe5\x8e\x9f\xe5\xa7\x8b",
	"\xe8\xbb\xa2\xe9\x80\x81",
	NULL,
};

/* Whether @line is a client's forward separator: a run of dashes (or
 * Apple Mail's "Begin forwarded message:") around one of forward_words. */
static gboolean
forward_separator (const BvLine *line)
{
	const char *p = bv_line_skip_space (line);
	if (bv_line_starts (line, "Begin forwarded message") ||
	    bv_line_starts (line, "Anfang der weitergeleiteten Nachricht"))
		return TRUE;
	gsize dashes = 0;
	while (p < line->end && *p == '-')
		p++, dashes++;
	if (dashes < 5)
		return FALSE;
	for (const char *const *w = forward_words; *w; w++)
		if (bv_line_find (line, *w) != NULL)
			return TRUE;
	return FALSE;
}

gboolean
bv_scrape_forwarded (BvMail *mail)
{
	if (bv_scrape_from_daemon (mail))
		return FALSE;
	const char *subject = mail->subject ? mail->subject : "";
	while (*subject == ' ' || *subject == '\t')
		subject++;
	for (const char *const *f = bv_forward_subjects; *f; f++)
		if (g_ascii_strncasecmp (subject, *f, strlen (*f)) == 0)
			return TRUE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->text);
	while (bv_lines_next (&it, &line))
		if (forward_separator (&line))
			return TRUE;
	return FALSE;
}

guint
bv_scrape_merge (BvMail *mail, BvReport *report, BvReport *from_text)
{
	guint before = report->recipients->len;
	if (bv_scrape_dsn (mail, report) > 0) {
		bv_scrape_refine (report, before, from_text->recipients);
		return report->recipients->len - before;
	}
	GPtrArray *t = from_text->recipients;
	for (guint i = 0; i < t->len; i++) {
		bv_scrape_better_status (t->pdata[i]);
		g_ptr_array_add (report->recipients, t->pdata[i]);
		t->pdata[i] = NULL;
	}
	g_ptr_array_set_size (t, 0);
	/* A text often names a recipient twice (the SMTP exchange, then a
	 * sentence; a summary in two languages): one failure, one record. */
	bv_scrape_fold (report, before);
	return report->recipients->len - before;
}

guint
bv_scrape_dsn_and_blocks (BvMail *mail, BvReport *report, const char *start, const char *const *stops,
                          guint flags)
{
	g_autoptr (BvReport) scratch = bv_report_new ();
	bv_scrape_blocks (scratch, start, stops, flags, NULL);
	return bv_scrape_merge (mail, report, scratch);
}

/* A transcript line "NNN " or "NNN-" that starts with a reply code. */
static gboolean
reply_line (const char *p, const char *end)
{
	return end - p >= 4 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
	       (p[3] == ' ' || p[3] == '-') && (p[0] >= '2' && p[0] <= '5');
}

typedef struct {
	GString *reply;         /* the last "<<<" reply not yet given to an address */
	char command[8];        /* the last command sent, upper case */
	char *host;             /* the host talked to */
	GString *orphan;        /* the last error that named no address */
	gboolean orphan_smtp;   /* ... and it is a remote server's "<<<" reply */
	char *orphan_host;      /* ... and the host talked to when it came */
	char orphan_command[8]; /* ... and the command it answered */
	gboolean continues;     /* the last reply line was "NNN-": more follows */
	gboolean sent;          /* a command was logged since "... while talking to" */
	guint group_from;       /* the first recipient read since the last ">>>" line */
	guint group_replies;    /* the whole replies read since the last ">>>" line */
	BvReport *replies;      /* when not NULL, every whole reply, see bv_scrape_transcript_replies() */
	guint replies_from;     /* the first of @replies read since the last ">>>" line */
	GString *whole;         /* the "<<<" reply being read, all its lines */
} Session;

/* Sendmail logs only the last command it wrote before a failed reply
 * (usersmtp.c, reply(): ">>> " SmtpMsgBuffer, then cleared, then "<<< "
 * and the reply).  With PIPELINING (RFC 2920) smtpdata() writes DATA
 * before it reads the replies to the RCPT TO commands of the same group
 * (smtprcptstat()), so every reply of such a group appears under
 * ">>> DATA", in the order of the commands (RFC 2920 3.1): when another
 * whole reply follows, the earlier ones answered RCPT TO, and only the last
 * one answered DATA.  Marks the recipients and replies read so far in the
 * group as answers to RCPT. */
static void
pipelined_rcpt (Session *ss, BvReport *report)
{
	if (strcmp (ss->command, "DATA") != 0 || ss->group_replies == 0)
		return;
	for (guint i = ss->group_from; i < report->recipients->len; i++)
		bv_scrape_set (&((BvRecipient *)report->recipients->pdata[i])->command, "RCPT");
	for (guint i = ss->replies_from; ss->replies != NULL && i < ss->replies->recipients->len; i++)
		bv_scrape_set (&((BvRecipient *)ss->replies->recipients->pdata[i])->command, "RCPT");
}

/* The last error that named no address was just set: notes the host and
 * command it came with, since a later "... while talking to" line changes
 * both and the error still belongs to the earlier session. */
static void
orphan_context (Session *ss)
{
	g_free (ss->orphan_host);
	ss->orphan_host = g_strdup (ss->host);
	memcpy (ss->orphan_command, ss->command, sizeof ss->orphan_command);
}

/* A whole reply was read: keeps it in @ss->replies when asked. */
static void
reply_done (Session *ss)
{
	ss->group_replies++;
	if (ss->replies == NULL)
		return;
	BvRecipient *r = bv_scrape_add (ss->replies, "");
	bv_scrape_set_diagnostic (r, ss->whole->str, ss->whole->len);
	bv_scrape_set (&r->diagnostic_type, "smtp");
	bv_scrape_set (&r->command, ss->command);
	bv_scrape_set (&r->remote_mta, ss->host);
}

static void
session_line (Session *ss, BvReport *report, const BvLine *line)
{
	const char *p = bv_line_skip_space (line);
	const char *end = line->end;
	while (end > p && (end[-1] == ' ' || end[-1] == '\r'))
		end--;
	if (bv_line_starts (line, "... while talking to ") || bv_line_starts (line, "While talking to ")) {
		const char *h = bv_line_find (line, "talking to ") + 11;
		const char *e = h;
		while (e < end && *e != ' ' && *e != ':')
			e++;
		while (e > h && e[-1] == '.')
			e--;
		g_free (ss->host);
		ss->host = g_strndup (h, e - h);
		g_string_truncate (ss->reply, 0);
		ss->command[0] = '\0';
		ss->sent = FALSE;
		ss->group_from = report->recipients->len;
		ss->group_replies = 0;
		return;
	}
	if (end - p > 4 && strncmp (p, ">>> ", 4) == 0) {
		gsize i = 0;
		for (const char *c = p + 4; c < end && i < sizeof ss->command - 1 && g_ascii_isalpha (*c);
		     c++)
			ss->command[i++] = g_ascii_toupper (*c);
		ss->command[i] = '\0';
		/* A QUIT may be the stale buffer of an earlier connection. */
		ss->sent = ss->sent || strcmp (ss->command, "QUIT") != 0;
		if (strcmp (ss->command, "QUIT") == 0 || strcmp (ss->command, "RSET") == 0)
			ss->command[0] = '\0';
		else if (i == 0 && p[4] == '.')
			strcpy (ss->command, "DATA");
		ss->group_from = report->recipients->len;
		ss->group_replies = 0;
		ss->replies_from = ss->replies != NULL ? ss->replies->recipients->len : 0;
		return;
	}
	if (end - p > 4 && strncmp (p, "<<< ", 4) == 0) {
		/* Multi-line replies ("550-...") come as several lines. */
		if (!ss->continues) {
			g_string_truncate (ss->reply, 0);
			g_string_truncate (ss->whole, 0);
			pipelined_rcpt (ss, report);
			/* A reply before any command was logged is the
			 * greeting's (usersmtp.c, smtpinit(): "client
			 * greeting" is read before EHLO is written). */
			if (!ss->sent && ss->command[0] == '\0')
				strcpy (ss->command, "CONN");
		}
		ss->continues = end - p > 7 && p[7] == '-';
		if (ss->reply->len > 0)
			g_string_append_c (ss->reply, ' ');
		g_string_append_len (ss->reply, p + 4, end - p - 4);
		if (ss->whole->len > 0)
			g_string_append_c (ss->whole, ' ');
		g_string_append_len (ss->whole, p + 4, end - p - 4);
		g_string_assign (ss->orphan, ss->reply->str);
		ss->orphan_smtp = TRUE;
		orphan_context (ss);
		if (!ss->continues)
			reply_done (ss);
		return;
	}
	/* "550 5.1.1 <a@b>... User unknown" or "<a@b>... Deferred: 421". */
	const char *q = p;
	if (reply_line (q, end)) {
		q += 4;
		while (q < end && *q == ' ')
			q++;
		if (end - q > 6 && g_ascii_isdigit (q[0]) && q[1] == '.') {
			while (q < end && *q != ' ')
				q++;
			while (q < end && *q == ' ')
				q++;
		}
	}
	const char *dots = NULL;
	for (const char *d = q; d + 3 <= end && dots == NULL; d++)
		if (d[0] == '.' && d[1] == '.' && d[2] == '.')
			dots = d;
	if (dots == NULL) {
		/* "451 4.0.0 Operating system error": the local verdict,
		 * worth less than the remote server's "<<<" reply. */
		if (reply_line (p, end) && ss->orphan->len == 0) {
			g_string_append_len (ss->orphan, p, end - p);
			ss->orphan_smtp = FALSE;
			orphan_context (ss);
		}
		return;
	}
	g_autofree char *who = g_strndup (q, dots - q);
	g_autofree char *addr = strchr (who, '@') ? bv_address_extract (who) : NULL;
	const char *text = dots + 3;
	while (text < end && *text == ' ')
		text++;
	if (addr == NULL) {
		/* "421 example.com (smtp)... Deferred: ..." */
		if (reply_line (p, end)) {
			g_string_append_len (g_string_truncate (ss->orphan, 0), p, end - p);
			ss->orphan_smtp = FALSE;
			orphan_context (ss);
		}
		return;
	}
	if (bv_scrape_find_recipient (report, 0, addr) != NULL)
		return;
	BvRecipient *r = bv_scrape_add (report, addr);
	if (ss->reply->len > 0) {
		bv_scrape_set_diagnostic (r, ss->reply->str, ss->reply->len);
		bv_scrape_set (&r->diagnostic_type, "smtp");
		g_string_truncate (ss->reply, 0);
		g_string_truncate (ss->orphan, 0);
		bv_scrape_set (&r->command, ss->command);
		bv_scrape_set (&r->remote_mta, ss->host);
	} else {
		bv_scrape_set_diagnostic (r, text, end - text);
		/* The code that opens the line is the local mailer's: it
		 * counts only when the text quotes none. */
		if (r->reply_code[0] == '\0' && reply_line (p, end)) {
			char code[4] = { p[0], p[1], p[2], 0 };
			bv_scrape_set (&r->reply_code, code);
		}
		/* No remote reply came since the last address line: this is
		 * Sendmail's own verdict on the address it names (recipient.c
		 * and deliver.c giveresponse(), written with e_to before
		 * "... "), not an answer in the session of the "... while
		 * talking to" line above, whose ">>>" and "<<<" lines
		 * usersmtp.c reply() writes only with a reply, for the
		 * address that reply's line names: it keeps no command and
		 * no host. */
	}
}

static guint
read_transcript (BvReport *report, const char *start, BvRecipient **fallback, BvReport *replies)
{
	guint before = report->recipients->len;
	Session ss = { .reply = g_string_new (NULL),
		       .orphan = g_string_new (NULL),
		       .group_from = before,
		       .replies = replies,
		       .replies_from = replies != NULL ? replies->recipients->len : 0,
		       .whole = g_string_new (NULL) };
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "-----"))
			break;
		session_line (&ss, report, &line);
	}
	if (fallback != NULL) {
		*fallback = NULL;
		if (ss.orphan->len > 0) {
			BvRecipient *r = bv_scrape_recipient_new ("");
			bv_scrape_set_diagnostic (r, ss.orphan->str, ss.orphan->len);
			bv_scrape_set (&r->diagnostic_type, ss.orphan_smtp ? "smtp" : "");
			bv_scrape_set (&r->command, ss.orphan_command);
			bv_scrape_set (&r->remote_mta, ss.orphan_host);
			*fallback = r;
		}
	}
	g_string_free (ss.reply, TRUE);
	g_string_free (ss.orphan, TRUE);
	g_string_free (ss.whole, TRUE);
	g_free (ss.host);
	g_free (ss.orphan_host);
	return report->recipients->len - before;
}

guint
bv_scrape_transcript (BvReport *report, const char *start, BvRecipient **fallback)
{
	return read_transcript (report, start, fallback, NULL);
}

guint
bv_scrape_transcript_replies (BvReport *replies, const char *start)
{
	g_autoptr (BvReport) scratch = bv_report_new ();
	guint before = replies->recipients->len;
	read_transcript (scratch, start, NULL, replies);
	return replies->recipients->len - before;
}

guint
bv_scrape_paragraphs (BvMail *mail, BvReport *report, const char *start, const char *copy)
{
	if ((copy == NULL && !bv_scrape_from_daemon (mail)) || bv_scrape_forwarded (mail))
		return 0;
	static const char *const stops[] = { "--- ", NULL };
	g_autoptr (BvReport) text = bv_report_new ();
	bv_scrape_blocks (text, start, stops, BV_BLOCKS_ANGLE | BV_BLOCKS_BLANK_ENDS, NULL);
	if (copy != NULL)
		bv_scrape_take_original (mail, bv_scrape_next_line (copy));
	return bv_scrape_merge (mail, report, text);
}
