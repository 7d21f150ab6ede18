/* lhost-sendmail.c: Sendmail (8.x) delivery status notifications.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sendmail sends a multipart/report: "The original message was received
 * at ...", "----- The following addresses had permanent fatal errors -----",
 * "----- Transcript of session follows -----" with the SMTP dialogue
 * (">>> RCPT To:<a@b>", "<<< 550 5.1.1 ..."), and a delivery-status part.
 * The delivery-status part is the list of recipients; the transcript has
 * the remote server's own words where the part has only a mailer exit code
 * ("X-Unix; 77") or nothing, and it alone says which command failed. */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"
#include "parsers/lhost.h"
#include "parsers/reply.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
all_digits (const char *s)
{
	if (*s == '\0')
		return FALSE;
	for (; *s; s++)
		if (!g_ascii_isdigit (*s))
			return FALSE;
	return TRUE;
}

/* @t's diagnostic, reply code and diagnostic type replace @r's. */
static void
take_diagnostic (BvRecipient *r, const BvRecipient *t)
{
	bv_scrape_set (&r->diagnostic, t->diagnostic);
	bv_scrape_set (&r->reply_code, t->reply_code);
	if (t->diagnostic_type[0] != '\0')
		bv_scrape_set (&r->diagnostic_type, t->diagnostic_type);
}

/* Reads the "(reason: ...)" line Sendmail writes under each address of
 * "----- The following addresses had permanent fatal errors -----"
 * (savemail.c, errbody(): the remote status, q_rstatus) into @out: one
 * recipient per address that has one, the reason as its diagnostic. */
static void
read_reasons (const char *start, BvReport *out)
{
	BvLines it;
	BvLine line;
	g_autofree char *addr = NULL;
	bv_lines_init (&it, start);
	while (bv_lines_next (&it, &line) && !bv_line_starts (&line, "-----")) {
		char *a = bv_line_address (&line, NULL);
		if (a != NULL) {
			g_free (addr);
			addr = a;
			continue;
		}
		if (addr == NULL || !bv_line_starts (&line, "(reason:"))
			continue;
		const char *p = bv_line_find (&line, "(reason:") + 8;
		const char *e = line.end;
		while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
			e--;
		if (e > p && e[-1] == ')')
			e--;
		BvRecipient *r = bv_scrape_add (out, addr);
		bv_scrape_set_diagnostic (r, p, e - p);
		g_clear_pointer (&addr, g_free);
	}
}

/* Reads "----- The following addresses had successful delivery
 * notifications -----" into @out: savemail.c, errbody(), writes one line
 * per address, "%s  (%s)", the address and what became of it
 * ("successfully delivered to mailbox", "expanded by alias", "relayed to
 * non-DSN-aware mailer"), so that note, not the whole block, is what the
 * text says of that address. */
static void
read_successes (const char *start, BvReport *out)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	while (bv_lines_next (&it, &line) && !bv_line_blank (&line) && !bv_line_starts (&line, "-----")) {
		g_autofree char *addr = bv_line_address (&line, NULL);
		const char *rest = addr != NULL ? bv_line_find (&line, "  (") : NULL;
		if (rest == NULL)
			continue;
		rest += 3;
		const char *e = line.end;
		while (e > rest && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == ')'))
			e--;
		if (e > rest)
			bv_scrape_set_diagnostic (bv_scrape_add (out, addr), rest, e - rest);
	}
}

/* The transcript's reply that @why, a "(reason: ...)" line, quotes:
 * Sendmail copies the first line of the remote reply (q_rstatus, the
 * SmtpReplyBuffer of usersmtp.c) into it, so the reply starts with it. */
static const BvRecipient *
quoted_reply (BvReport *replies, const BvRecipient *why)
{
	gsize n = strlen (why->diagnostic);
	if (n == 0)
		return NULL;
	for (guint i = 0; i < replies->recipients->len; i++) {
		const BvRecipient *rep = replies->recipients->pdata[i];
		if (strncmp (rep->diagnostic, why->diagnostic, n) == 0)
			return rep;
	}
	return NULL;
}

/* What the text says of @r: the transcript's recipient for its address
 * (or the only one), else the transcript's reply its "(reason: ...)" line
 * quotes, else that line, else the transcript's last error that named no
 * address.  The whole multi-line reply of the transcript wins over a reason
 * line that quotes it. */
static const BvRecipient *
text_for (BvReport *text, BvReport *reasons, BvReport *replies, const BvRecipient *fallback,
          const BvRecipient *r, gboolean lone)
{
	const BvRecipient *t = bv_scrape_find_recipient (text, 0, r->recipient);
	if (t == NULL && text->recipients->len == 1 && lone)
		t = text->recipients->pdata[0];
	if (t != NULL)
		return t;
	const BvRecipient *why = bv_scrape_find_recipient (reasons, 0, r->recipient);
	if (why == NULL && reasons->recipients->len == 1 && lone)
		why = reasons->recipients->pdata[0];
	const BvRecipient *rep = why != NULL ? quoted_reply (replies, why) : NULL;
	if (rep != NULL)
		return rep;
	/* Sendmail shortens a long reason ("...") and copies the last line
	 * of a multi-line reply: the same reply code says it is the same. */
	if (why != NULL && fallback != NULL && why->reply_code[0] != '\0' &&
	    strcmp (why->reply_code, fallback->reply_code) == 0)
		return fallback;
	if (why != NULL)
		return why;
	/* The last error that named no address was said by the host of its
	 * "... while talking to" line (savemail.c prints the transcript of
	 * every connection).  A recipient whose Remote-MTA had a session of
	 * its own in the transcript has that session's last error as its
	 * word (or none); one whose host the transcript never names (a name
	 * against an address literal, a smart host) may still be the
	 * fallback's. */
	if (fallback == NULL || bv_scrape_same_host (r, fallback))
		return fallback;
	gboolean own_session = FALSE;
	for (guint i = replies->recipients->len; i > 0; i--) {
		const BvRecipient *said = replies->recipients->pdata[i - 1];
		if (!bv_scrape_same_host (r, said))
			continue;
		if (said->reply_code[0] != '2')
			return said;
		own_session = TRUE;
	}
	return own_session ? NULL : fallback;
}

/* Completes @r, read from the delivery-status part, from @t, what the
 * transcript said of the same recipient. */
static void
complete (BvRecipient *r, const BvRecipient *t)
{
	char code[16];
	/* A class code ("554 5.0.0 Service unavailable", Sendmail's own
	 * verdict after the remote reply) says less than the reply. */
	gboolean dsn_status_in_diag =
	        bv_status_find (r->diagnostic, code, sizeof code) && !g_str_has_suffix (code, ".0.0");
	gboolean t_status = bv_status_find (t->diagnostic, code, sizeof code);
	if (r->command[0] == '\0')
		bv_scrape_set (&r->command, t->command);
	if (r->remote_mta[0] == '\0')
		bv_scrape_set (&r->remote_mta, t->remote_mta);
	if (r->diagnostic[0] == '\0' || all_digits (r->diagnostic)) {
		/* A mailer's exit code says less than the transcript. */
		take_diagnostic (r, t);
	} else if (bv_reply_extends (t->diagnostic, r->diagnostic)) {
		/* The Diagnostic-Code holds the first line of a multi-line
		 * reply (q_rstatus), the transcript the whole reply. */
		take_diagnostic (r, t);
	} else if (!dsn_status_in_diag && t_status && !g_str_has_suffix (code, ".0.0")) {
		/* The transcript's reply is the more detailed one. */
		take_diagnostic (r, t);
		bv_scrape_set (&r->status, code);
	}
	if (r->reply_code[0] == '\0')
		bv_scrape_set (&r->reply_code, t->reply_code);
}

static gboolean
sendmail_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	/* The delivery-status fields may stand inline when the MIME
	 * structure was lost on the way. */
	if (mail->dsn->len == 0 && bv_scrape_find_line (body, "Final-Recipient:") == NULL)
		return FALSE;
	const char *transcript = bv_scrape_find_line (body, "----- Transcript of session follows");
	const char *fatal =
	        bv_scrape_find_line (body, "----- The following addresses had permanent fatal errors");
	if (transcript == NULL && fatal == NULL)
		return FALSE;
	if (bv_scrape_forwarded (mail))
		return FALSE;
	guint before = report->recipients->len;
	if (bv_scrape_dsn (mail, report) == 0)
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (BvReport) reasons = bv_report_new ();
	g_autoptr (BvReport) replies = bv_report_new ();
	g_autoptr (BvRecipient) fallback = NULL;
	if (transcript != NULL) {
		bv_scrape_transcript (text, bv_scrape_next_line (transcript), &fallback);
		bv_scrape_transcript_replies (replies, bv_scrape_next_line (transcript));
	}
	if (fatal != NULL)
		read_reasons (bv_scrape_next_line (fatal), reasons);
	g_autoptr (BvReport) successes = bv_report_new ();
	const char *success = bv_scrape_find_line (
	        body, "----- The following addresses had successful delivery notifications");
	if (success != NULL)
		read_successes (bv_scrape_next_line (success), successes);
	gboolean lone = report->recipients->len - before == 1;
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		const BvRecipient *t = text_for (text, reasons, replies, fallback, r, lone);
		/* A reply of another outcome than the recipient's own Action
		 * (a "550" against "delivered" or "delayed") answered another
		 * recipient: the delivery-status fields are Sendmail's own
		 * record of each one (RFC 3464 2.3.3). */
		if (t != NULL && bv_scrape_same_outcome (r, t))
			complete (r, t);
		/* Sendmail copies the remote server's enhanced code into
		 * Status: only when it has none of its own making. */
		bv_scrape_prefer_diag_status (r);
		const BvRecipient *note = bv_scrape_find_recipient (successes, 0, r->recipient);
		if (note != NULL && r->diagnostic[0] == '\0' && bv_scrape_same_outcome (r, note))
			bv_scrape_set (&r->diagnostic, note->diagnostic);
	}
	return TRUE;
}

const BvLhost bv_lhost_sendmail = { "sendmail", sendmail_parse };
