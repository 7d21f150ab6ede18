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

/* Completes @r, read from the delivery-status part, from @t, what the
 * transcript said of the same recipient. */
static void
complete (BvRecipient *r, const BvRecipient *t)
{
	char code[16];
	gboolean dsn_status_in_diag = bv_status_find (r->diagnostic, code, sizeof code);
	gboolean t_status = bv_status_find (t->diagnostic, code, sizeof code);
	if (r->command[0] == '\0')
		bv_scrape_set (&r->command, t->command);
	if (r->remote_mta[0] == '\0')
		bv_scrape_set (&r->remote_mta, t->remote_mta);
	if (r->diagnostic[0] == '\0' || all_digits (r->diagnostic)) {
		/* A mailer's exit code says less than the transcript. */
		bv_scrape_set (&r->diagnostic, t->diagnostic);
		bv_scrape_set (&r->reply_code, t->reply_code);
	} else if (!dsn_status_in_diag && t_status && !g_str_has_suffix (code, ".0.0")) {
		/* The transcript's reply is the more detailed one. */
		bv_scrape_set (&r->diagnostic, t->diagnostic);
		bv_scrape_set (&r->reply_code, t->reply_code);
		bv_scrape_set (&r->status, code);
	}
	if (r->reply_code[0] == '\0')
		bv_scrape_set (&r->reply_code, t->reply_code);
}

static gboolean
sendmail_parse (BvMail *mail, BvReport *report)
{
	const char *body = bv_scrape_text (mail);
	/* The delivery-status fields may stand inline when the MIME
	 * structure was lost on the way. */
	if (mail->dsn->len == 0 && bv_scrape_find_line (body, "Final-Recipient:") == NULL)
		return FALSE;
	const char *transcript = bv_scrape_find_line (body, "----- Transcript of session follows");
	if (transcript == NULL &&
	    bv_scrape_find_line (body, "----- The following addresses had permanent fatal errors") == NULL)
		return FALSE;
	if (bv_scrape_forwarded (mail))
		return FALSE;
	guint before = report->recipients->len;
	if (bv_scrape_dsn (mail, report) == 0)
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (BvRecipient) fallback = NULL;
	if (transcript != NULL)
		bv_scrape_transcript (text, bv_scrape_next_line (transcript), &fallback);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		const BvRecipient *t = bv_scrape_find_recipient (text, 0, r->recipient);
		if (t == NULL && text->recipients->len == 1 && report->recipients->len - before == 1)
			t = text->recipients->pdata[0];
		if (t == NULL)
			t = fallback;
		if (t != NULL)
			complete (r, t);
		/* Sendmail copies the remote server's enhanced code into
		 * Status: only when it has none of its own making. */
		bv_scrape_prefer_diag_status (r);
	}
	return TRUE;
}

const BvLhost bv_lhost_sendmail = { "sendmail", sendmail_parse };
