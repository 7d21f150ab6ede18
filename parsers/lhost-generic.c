/* lhost-generic.c: the last resort for reports in no known format.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tried after the format parsers, the RFC 3464 part and the auto-reply
 * check.  It only looks at mail that an automated sender wrote (a
 * MAILER-DAEMON or postmaster From, an empty Return-Path, or a bounce-like
 * Subject that is not a reply) and that says in its text that delivery
 * failed; a person quoting a bounce passes neither test.  It then reads,
 * in order of trust: a Sendmail-style transcript, "<addr>:" paragraphs,
 * lines that pair an address with an error, and last the original's To
 * with the sentence that says what failed.  Only the text before the
 * inline copy of the original is read for addresses. */
#include "config.h"

#include <string.h>

#include "parsers/classify-rules.h"
#include "parsers/codes.h"
#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

#define GENERIC_MAX_RECIPIENTS 100

/* Subjects of delivery reports, in the languages reports come in. */
static const char *const bounce_subjects[] = {
	"undeliver",
	"undelivered",
	"returned mail",
	"return mail",
	"delivery fail",
	"delivery status notification",
	"delivery notification",
	"delivery report",
	"failure notice",
	"failed delivery",
	"delivery failure",
	"mail delivery",
	"non-delivery",
	"nondeliverable",
	"could not be delivered",
	"mail system error",
	"\xe9\x80\x80\xe4\xbf\xa1",                         /* 退信 */
	"\xe7\xb3\xbb\xe7\xbb\x9f\xe9\x80\x80",             /* 系统退 */
	"\xe6\x8a\x95\xe9\x80\x92\xe5\xa4\xb1\xe8\xb4\xa5", /* 投递失败 */
	"\xe3\x82\xa8\xe3\x83\xa9\xe3\x83\xbc",             /* エラー */
	"unzustellbar",
	"nicht zugestellt",
	"non remis",
	"\xc3\xa9\x63hec de distribution", /* échec de distribution */
	"echec de distribution",
	"\xc3\xa9\x63hec de remise", /* échec de remise */
	"no entregado",
	"no se pudo entregar",
	"mancato recapito",
	"non recapitabile",
	"n\xc3\xa3o entregue", /* não entregue */
	"\xd0\xbd\xd0\xb5 "
	"\xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd0\xb0\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd\xd0"
	"\xbe", /* не доставлено */
	NULL,
};

/* Phrases that say delivery failed, and the errors that say why. */
static const char *const failure_phrases[] = {
	"could not be delivered",
	"couldn't be delivered",
	"cannot be delivered",
	"can't be delivered",
	"was not delivered",
	/* Exchange and Outlook wording, also copied by other servers. */
	"did not reach",
	"could not reach",
	"not be delivered",
	"undeliverable",
	"delivery failed",
	"delivery has failed",
	"delivery problem",
	"failed to deliver",
	"unable to deliver",
	"non-delivered",
	"permanent error",
	"permanent fatal error",
	"user unknown",
	"unknown user",
	"no such user",
	"mailbox is full",
	"mailbox full",
	"over quota",
	"does not exist",
	"host not found",
	"relay access denied",
	"rejected",
	"no valid recipients",
	/* French, German, Spanish, Italian, Portuguese, Dutch and Russian
	 * servers write their notices in their users' language. */
	"pas pu \xc3\xaatre remis",         /* pas pu être remis */
	"pas pu \xc3\xaatre distribu",      /* pas pu être distribué */
	"pas pu \xc3\xaatre d\xc3\xa9livr", /* pas pu être délivré */
	"erreur permanente",
	"\xc3\xa9\x63hec de la distribution", /* échec de la distribution */
	"nicht zugestellt",
	"nicht ausgeliefert",
	"unzustellbar",
	"dauerhafter fehler",
	"permanenter fehler",
	"no se pudo entregar",
	"no ha podido ser entregad",
	"no pudo ser entregad",
	"error permanente",
	"non \xc3\xa8 stato possibile consegnare", /* non è stato possibile consegnare */
	"impossibile recapitare",
	"errore permanente",
	"n\xc3\xa3o foi poss\xc3\xadvel entregar", /* não foi possível entregar */
	"n\xc3\xa3o p\xc3\xb4"
	"de ser entregue", /* não pôde ser entregue */
	"kon niet worden afgeleverd",
	"niet bezorgd",
	"\xd0\xbd\xd0\xb5 \xd0\xbc\xd0\xbe\xd0\xb6\xd0\xb5\xd1\x82 \xd0\xb1\xd1\x8b\xd1\x82\xd1\x8c "
	"\xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd0\xb0\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd\xd0\xbe", /* не может быть доставлено */
	"\xd0\xbd\xd0\xb5 \xd1\x83\xd0\xb4\xd0\xb0\xd0\xbb\xd0\xbe\xd1\x81\xd1\x8c "
	"\xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd0\xb0\xd0\xb2\xd0\xb8\xd1\x82\xd1\x8c", /* не удалось доставить */
	"\xe6\x97\xa0\xe6\xb3\x95\xe6\x8a\x95\xe9\x80\x92",                         /* 无法投递 */
	"\xe6\x8a\x95\xe9\x80\x92\xe5\xa4\xb1\xe8\xb4\xa5",                         /* 投递失败 */
	"\xe9\x80\x80\xe4\xbf\xa1",                                                 /* 退信 */
	"\xe9\x85\x8d\xe4\xbf\xa1\xe3\x81\xa7\xe3\x81\x8d\xe3\x81\xbe\xe3\x81\x9b", /* 配信できませ */
	"\xe9\x80\x81\xe4\xbf\xa1\xe3\x81\xa7\xe3\x81\x8d\xe3\x81\xbe\xe3\x81\x9b", /* 送信できませ */
	NULL,
};

/* Lines that begin the inline copy of the original message. */
static const char *const copy_starts[] = {
	"Received:",           "Return-Path:",         "----- Original",        "-----Original",
	"------ Original",     "--- Original",         "Original message",      "Original-Message",
	"--- Below this line", "----- Unsent message", "------ This is a copy", NULL,
};

static gboolean
has_any (const char *text, const char *const *phrases)
{
	for (const char *const *p = phrases; *p; p++)
		if (bv_text_find_ci (text, *p) != NULL)
			return TRUE;
	return FALSE;
}

static gboolean
line_has_any (const BvLine *line, const char *const *phrases)
{
	for (const char *const *p = phrases; *p; p++)
		if (bv_line_find (line, *p) != NULL)
			return TRUE;
	return FALSE;
}

/* A reply ("Re:", "Fwd:", "AW:", "回复:") is a person writing, even when it
 * quotes a bounce. */
static gboolean
is_reply_subject (const char *s)
{
	static const char *const prefixes[] = { "re:",
		                                "re :",
		                                "fw:",
		                                "fwd:",
		                                "aw:",
		                                "wg:",
		                                "tr:",
		                                "sv:",
		                                "\xe5\x9b\x9e\xe5\xa4\x8d", /* 回复 */
		                                "\xe8\xbd\xac\xe5\x8f\x91", /* 转发 */
		                                NULL };
	while (*s == ' ')
		s++;
	for (const char *const *p = prefixes; *p; p++)
		if (g_ascii_strncasecmp (s, *p, strlen (*p)) == 0)
			return TRUE;
	return FALSE;
}

static gboolean
automated (BvMail *mail)
{
	if (is_reply_subject (mail->subject))
		return FALSE;
	if (bv_scrape_from_daemon (mail))
		return TRUE;
	/* A mailing list's or newsletter's post (RFC 2369 List-* headers)
	 * whose subject speaks of undeliverable mail is an article about
	 * bounces: a report goes to the envelope sender and carries none. */
	if (bv_mail_header (mail, "List-Unsubscribe") != NULL || bv_mail_header (mail, "List-Id") != NULL)
		return FALSE;
	return has_any (mail->subject, bounce_subjects);
}

/* Words that a dashed marker line uses to announce the copy of the
 * original, in the languages reports come in. */
static const char *const copy_words[] = {
	"original",
	"copy",
	"header",
	"unsent",
	"returned message",
	"copie",                /* French */
	"en-t\xc3\xaate",       /* en-tête */
	"kopie",                /* German, Dutch */
	"kopf",                 /* Kopfzeilen */
	"urspr\xc3\xbcngliche", /* ursprüngliche */
	"copia",                /* Spanish, Italian, Portuguese */
	"cabe\xc3\xa7\x61lho",  /* cabeçalho */
	"encabezado",
	"intestazion",                              /* intestazioni */
	"\xd0\xb8\xd1\x81\xd1\x85\xd0\xbe\xd0\xb4", /* исход(ное) */
	"\xe5\x8e\x9f\xe5\xa7\x8b",                 /* 原始 */
	"\xe5\x8e\x9f\xe9\x82\xae\xe4\xbb\xb6",     /* 原邮件 */
	"\xe5\x85\x83\xe3\x81\xae",                 /* 元の */
	NULL,
};

/* Whether @line is a marker such as "------ Ceci est une copie des
 * en-têtes du message. ------" or "   ----- Original message headers -----":
 * dashes or equals signs, possibly indented, around words that announce
 * the copy. */
static gboolean
copy_marker (const BvLine *line)
{
	if (!bv_line_starts (line, "---") && !bv_line_starts (line, "==="))
		return FALSE;
	return line_has_any (line, copy_words);
}

/* Where the inline copy of the original starts, or the end of @text. */
static const char *
report_end (const char *text)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, text);
	while (bv_lines_next (&it, &line)) {
		for (const char *const *m = copy_starts; *m; m++)
			if (g_ascii_strncasecmp (line.start, *m, strlen (*m)) == 0)
				return line.start;
		if (copy_marker (&line))
			return line.start;
	}
	return it.next;
}

/* Addresses that are not recipients: the report's own sender and
 * receiver (the person whose mail bounced) and the mailer daemon. */
static gboolean
excluded (BvMail *mail, const char *addr)
{
	if (g_ascii_strncasecmp (addr, "mailer-daemon@", 14) == 0)
		return TRUE;
	const char *to = bv_mail_header (mail, "To");
	g_autofree char *to_addr = bv_address_extract (to);
	g_autofree char *from_addr = bv_address_extract (mail->from);
	return (to_addr && g_ascii_strcasecmp (to_addr, addr) == 0) ||
	       (from_addr && g_ascii_strcasecmp (from_addr, addr) == 0);
}

/* Whether a line carries an SMTP status or reply code.  An error line
 * without one has its reason on the lines below it ("Failed to deliver to '<a@b>'" and then "SMTP module(domain
 * b) reports: host ... says: 550 ...", as CommuniGate Pro writes it; "Your
 * message to <a@b> was automatically rejected:" and the reason, as
 * Dovecot's mail-send.c writes a Sieve rejection). */
static gboolean
line_has_code (const BvLine *line)
{
	g_autofree char *t = g_strndup (line->start, line->end - line->start);
	char code[16];
	return bv_status_find (t, code, sizeof code) || bv_reply_find (t, code, sizeof code);
}

/* Whether a line carries an error: a failure phrase or an SMTP code. */
static gboolean
line_is_error (const BvLine *line)
{
	return line_has_any (line, failure_phrases) || line_has_code (line);
}

/* How many lines of error text an address line takes: hMailServer writes
 * four under each address ("Error Type:", "Remote server (...) issued an
 * error.", "hMailServer sent:", "Remote server replied:", from its
 * SMTPClientConnection.cpp), CommuniGate Pro three. */
#define GENERIC_ERROR_LINES 6

/* The error text after an address-only line: the next few non-blank lines
 * that are neither addresses nor "-----" markers.  With @any_address, a
 * line that names an address anywhere also ends it unless it is indented:
 * it opens the next recipient's entry. */
static char *
following_error (const char *from, const char *end, gboolean any_address)
{
	GString *out = g_string_new (NULL);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, from);
	guint taken = 0;
	while (taken < GENERIC_ERROR_LINES && bv_lines_next (&it, &line) && line.start < end) {
		if (bv_line_blank (&line)) {
			if (out->len > 0)
				break;
			continue;
		}
		if (bv_line_starts (&line, "---") || bv_line_starts (&line, "==="))
			continue;
		g_autofree char *addr = bv_line_address (&line, NULL);
		if (addr == NULL && any_address && !bv_line_indented (&line) &&
		    memchr (line.start, '@', line.end - line.start) != NULL) {
			g_autofree char *l = g_strndup (line.start, line.end - line.start);
			addr = bv_scrape_address (l);
		}
		if (addr != NULL)
			break;
		g_string_append_len (out, line.start, line.end - line.start);
		g_string_append_c (out, ' ');
		taken++;
	}
	return g_string_free (out, FALSE);
}

/* Whether @line is a header line whose value is a message identifier
 * (RFC 5322 section 3.6.4: Message-ID, In-Reply-To, References; its
 * Resent- form, 3.6.6; Content-ID, RFC 2045 section 7; and the
 * "X-...-Message-ID", "Original-Message-ID" fields that gateways add).  A
 * msg-id has the form of an address ("<54F80D1B.DOM.PO1@gw.example.org>",
 * as GroupWise's GWIA writes them in the original it quotes below its
 * notice), but it names a message, never a recipient. */
static gboolean
msgid_line (const BvLine *line)
{
	const char *s = bv_line_skip_space (line);
	const char *colon = bv_line_find (line, ":");
	if (colon == NULL || colon <= s || colon - s > 60)
		return FALSE;
	for (const char *p = s; p < colon; p++)
		if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
			return FALSE;
	g_autofree char *label = g_ascii_strdown (s, colon - s);
	return g_str_has_suffix (label, "message-id") || g_str_has_suffix (label, "messageid") ||
	       strcmp (label, "in-reply-to") == 0 || strcmp (label, "references") == 0 ||
	       strcmp (label, "content-id") == 0;
}

/* The address of a "Label: address" line whose label is short and whose
 * address ends the line ("Failed Recipient: a@b" as SmarterMail writes
 * it, "Recipient: [SMTP:a@b]" as MailEnable does, "Failed address: a@b"):
 * the label names the recipient and the reason follows below.  A new
 * string, or NULL. */
static char *
labelled_recipient (const BvLine *line)
{
	const char *colon = bv_line_find (line, ":");
	if (colon == NULL || colon - line->start > 40 ||
	    memchr (line->start, '@', colon - line->start) != NULL)
		return NULL;
	/* Header lines of an inline copy are not labels of a report. */
	static const char *const headers[] = { "From:",        "To:",       "Cc:",          "Bcc:",
		                               "Sender:",      "Reply-To:", "Return-Path:", "Delivered-To:",
		                               "Envelope-To:", NULL };
	const char *s = bv_line_skip_space (line);
	for (const char *const *h = headers; *h; h++)
		if (g_ascii_strncasecmp (s, *h, strlen (*h)) == 0)
			return NULL;
	const char *at = memchr (colon, '@', line->end - colon);
	if (at == NULL)
		return NULL;
	/* After the address only closing brackets, quotes and spaces. */
	const char *p = at + 1;
	while (p < line->end && !g_ascii_isspace (*p) && strchr (">])'\"", *p) == NULL)
		p++;
	while (p < line->end && (g_ascii_isspace (*p) || strchr (">])'\".;,", *p) != NULL))
		p++;
	if (p != line->end)
		return NULL;
	g_autofree char *value = g_strndup (colon + 1, line->end - (colon + 1));
	/* "[SMTP:a@b]": the address type is a second label. */
	const char *v = value;
	const char *inner = strchr (v, ':');
	if (inner != NULL && inner < strchr (v, '@'))
		v = inner + 1;
	return bv_scrape_address (v);
}

/* Whether @label (a line's text before its colon) names a recipient that
 * failed: "Failed Recipient" (SmarterMail, as hosting providers' help pages
 * quote its notice: kb.indsoft.net a70), "Failed address", "Undeliverable
 * recipient", "Rejected address". */
static gboolean
failure_label (const char *label, gsize len)
{
	g_autofree char *l = g_ascii_strdown (label, (gssize)len);
	return (strstr (l, "recipient") != NULL || strstr (l, "address") != NULL) &&
	       (strstr (l, "fail") != NULL || strstr (l, "undeliver") != NULL ||
	        strstr (l, "reject") != NULL);
}

/* Labels of the reason a report gives under a failed recipient's line. */
static const char *const reason_labels[] = { "Reason:", "Error:", "Failure reason:", "Diagnostic:", NULL };

/* Whether @text lists failures as label pairs: a line "Failed Recipient:
 * a@b" (a label that names a failed recipient, the address ending the
 * line) and, on the next line that is not blank, "Reason: ...".  The pair
 * itself says delivery failed, whatever words the reason uses ("No MX
 * records were found", "The domain size limit has been exceeded"), so the
 * layout is a report's even when no failure phrase is in it. */
static gboolean
failure_pairs (const char *text)
{
	BvLines it;
	BvLine line;
	gboolean after_label = FALSE;
	bv_lines_init (&it, text);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_blank (&line))
			continue;
		if (after_label) {
			const char *s = bv_line_skip_space (&line);
			for (const char *const *r = reason_labels; *r; r++)
				if (g_ascii_strncasecmp (s, *r, strlen (*r)) == 0)
					return TRUE;
		}
		g_autofree char *addr = labelled_recipient (&line);
		const char *colon = addr != NULL ? bv_line_find (&line, ":") : NULL;
		after_label = colon != NULL && failure_label (line.start, colon - line.start);
	}
	return FALSE;
}

/* Lines that pair an address with an error, or an address alone followed
 * by the error. */
static void
scan_lines (BvMail *mail, BvReport *report, const char *text, const char *end)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, text);
	while (bv_lines_next (&it, &line) && line.start < end &&
	       report->recipients->len < GENERIC_MAX_RECIPIENTS) {
		const char *at = memchr (line.start, '@', line.end - line.start);
		if (at == NULL)
			continue;
		if (msgid_line (&line))
			continue;
		g_autofree char *l = g_strndup (line.start, line.end - line.start);
		g_autofree char *addr = bv_scrape_address (l);
		if (addr == NULL || !bv_address_plausible (addr) || excluded (mail, addr) ||
		    bv_scrape_find_recipient (report, 0, addr) != NULL)
			continue;
		g_autofree char *alone = bv_line_address (&line, NULL);
		if (alone == NULL)
			alone = labelled_recipient (&line);
		if (line_is_error (&line)) {
			BvRecipient *r = bv_scrape_add (report, addr);
			g_autofree char *more =
			        line_has_code (&line) ? NULL : following_error (it.next, end, TRUE);
			g_autofree char *diag = more && more[0] ? g_strconcat (l, " ", more, NULL) : NULL;
			bv_scrape_set_diagnostic (r, diag ? diag : l, -1);
		} else if (alone != NULL) {
			g_autofree char *err = following_error (it.next, end, FALSE);
			if (err[0] == '\0')
				continue;
			BvRecipient *r = bv_scrape_add (report, alone);
			bv_scrape_set_diagnostic (r, err, -1);
		}
	}
}

/* The first line that says what failed. */
static char *
first_error_line (const char *text, const char *end)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, text);
	while (bv_lines_next (&it, &line) && line.start < end)
		if (line_has_any (&line, failure_phrases))
			return bv_line_dup (&line);
	return NULL;
}

/* Whether @s says why delivery failed: an SMTP code, or words of a cause
 * in any language the classifier reads (the phrase table's scan). */
static gboolean
names_error (const char *s)
{
	char code[16];
	if (bv_status_find (s, code, sizeof code) || bv_reply_find (s, code, sizeof code))
		return TRUE;
	BvTextScan scan;
	bv_text_scan (s, &scan);
	for (guint c = 0; c < BV_CAUSE_COUNT; c++)
		if (scan.text[c].phrase >= 0 || scan.provider[c].phrase >= 0)
			return TRUE;
	return FALSE;
}

/* The text from the first line of @area that says what failed up to the
 * line that names @addr, when the report gives its reason before its list
 * of addresses (Post.Office's "This Message was undeliverable due to the
 * following reason: / The user(s) account is temporarily over quota. /
 * <addr>", as ISPs' FAQ pages show it); NULL when no such line stands
 * before the address. */
static char *
lead_reason (const char *area, const char *addr)
{
	const char *at = bv_text_find_ci (area, addr);
	if (at == NULL)
		return NULL;
	const char *line = at;
	while (line > area && line[-1] != '\n')
		line--;
	g_autofree char *err = first_error_line (area, line);
	const char *e = err ? bv_text_find_ci (area, err) : NULL;
	return e != NULL && e < line ? g_strndup (e, line - e) : NULL;
}

/* The inline copy starts at @end: on that line when it is a header line,
 * after it when it is a marker. */
static void
take_copy (BvMail *mail, const char *end)
{
	if (*end == '\0')
		return;
	gboolean header = g_ascii_strncasecmp (end, "Received:", 9) == 0 ||
	                  g_ascii_strncasecmp (end, "Return-Path:", 12) == 0;
	bv_scrape_take_original (mail, header ? end : bv_scrape_next_line (end));
}

/* The original's To when nothing in the report names the recipient. */
static void
from_original (BvMail *mail, BvReport *report, const char *text, const char *end)
{
	take_copy (mail, end);
	g_autofree char *to = bv_header_block_get (mail->original->str, "To");
	g_autofree char *addr = bv_address_extract (to);
	if (addr == NULL || excluded (mail, addr))
		return;
	g_autofree char *err = first_error_line (text, end);
	BvRecipient *r = bv_scrape_add (report, addr);
	/* The lines between the first error and the copy say the most. */
	const char *e = err ? bv_text_find_ci (text, err) : NULL;
	if (e != NULL && e < end)
		bv_scrape_set_diagnostic (r, e, end - e);
	else
		bv_scrape_set_diagnostic (r, err ? err : "", -1);
}

static gboolean
generic_parse (BvMail *mail, BvReport *report)
{
	if (!automated (mail) || bv_scrape_forwarded (mail))
		return FALSE;
	const char *text = mail->text;
	const char *end = report_end (text);
	g_autofree char *area = g_strndup (text, end - text);
	/* A delay warning says no failure phrase: it says it is still trying
	 * (bv_delay_notice()). */
	const char *outcome = has_any (area, failure_phrases) || failure_pairs (area) ? "failed" : NULL;
	if (bv_delay_notice (mail->subject, area) != NULL)
		outcome = "delayed";
	if (outcome == NULL)
		return FALSE;
	guint before = report->recipients->len;
	const char *transcript = bv_scrape_find_line (area, "----- Transcript of session follows");
	if (transcript != NULL)
		bv_scrape_transcript (report, bv_scrape_next_line (transcript), NULL);
	if (report->recipients->len == before) {
		static const char *const stops[] = { NULL };
		bv_scrape_blocks (report, area, stops, BV_BLOCKS_ANGLE | BV_BLOCKS_BLANK_ENDS, NULL);
	}
	/* An address paragraph with no text is not a failure. */
	for (guint i = report->recipients->len; i > before; i--) {
		BvRecipient *r = report->recipients->pdata[i - 1];
		if (r->diagnostic[0] == '\0' || excluded (mail, r->recipient))
			g_ptr_array_remove_index (report->recipients, i - 1);
	}
	if (report->recipients->len == before)
		scan_lines (mail, report, area, area + strlen (area));
	if (report->recipients->len == before)
		from_original (mail, report, text, end);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		/* What follows the address says nothing of the failure (a
		 * closing "Please reply to <postmaster> if you feel this
		 * message to be in error"): the reason stands before it. */
		g_autofree char *lead = lead_reason (area, r->recipient);
		if (lead != NULL && !names_error (r->diagnostic) && names_error (lead))
			bv_scrape_set_diagnostic (r, lead, -1);
		if (r->command[0] == '\0')
			bv_scrape_set (&r->command, bv_scrape_command (r->diagnostic, -1));
		if (r->action[0] == '\0')
			bv_scrape_set (&r->action, outcome);
	}
	take_copy (mail, end);
	bv_scrape_fold (report, before);
	return report->recipients->len > before;
}

const BvLhost bv_lhost_generic = { "generic", generic_parse };
