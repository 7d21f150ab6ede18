/* lhost-mailru.c: Mail.Ru bounce reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mail.Ru runs Exim and sends its report twice: a Russian part whose
 * address lines may lack the domain, then "**********************" and
 * Exim's English text, "The following address(es) failed:", each address
 * indented with the remote server's answer indented further below it
 * ("SMTP error from remote mail server after RCPT TO:<a@b>: host H [ip]:
 * 550 5.1.1 ...").  Only the English part is read.  The inline copy follows
 * "------ This is a copy of the message, including all the headers." */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_mailru (BvMail *mail)
{
	static const char *const domains[] = { "@corp.mail.ru", "@mail.ru", "@bk.ru",
		                               "@inbox.ru",     "@list.ru", NULL };
	if (bv_text_find_ci (mail->from, "mailer-daemon@") == NULL)
		return FALSE;
	for (const char *const *d = domains; *d; d++)
		if (bv_text_find_ci (mail->from, *d) != NULL)
			return TRUE;
	return bv_text_find_ci (mail->body->str, "Mail.Ru") != NULL;
}

static gboolean
mailru_parse (BvMail *mail, BvReport *report)
{
	if (!is_mailru (mail))
		return FALSE;
	const char *body = mail->body->str;
	const char *english =
	        bv_text_find_ci (body, "This message was created automatically by mail delivery");
	const char *start = bv_text_find_ci (english ? english : body, "following address");
	if (start == NULL)
		return FALSE;
	static const char *const stops[] = { "------ This is a copy of the message", NULL };
	const char *end = NULL;
	g_autoptr (BvReport) text = bv_report_new ();
	bv_scrape_blocks (text, bv_scrape_next_line (start), stops, BV_BLOCKS_BLANK_ENDS, &end);
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		bv_scrape_set (&r->action, "failed");
	}
	if (end != NULL && *end != '\0')
		bv_scrape_take_original (mail, bv_scrape_next_line (end));
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_mailru = { "mailru", mailru_parse };
