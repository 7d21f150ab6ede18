/* lhost-yandex.c: Yandex.Mail reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Yandex (mailer-daemon@yandex.ru, X-Yandex-* headers) runs Postfix: a
 * Russian and English text with "<a@b>: host H said: 550 ... (in reply to
 * RCPT TO command)" paragraphs and a delivery-status part.  The part gives
 * the codes; the paragraphs give the failed command. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
yandex_parse (BvMail *mail, BvReport *report)
{
	if (bv_mail_header (mail, "X-Yandex-Front") == NULL &&
	    bv_mail_header (mail, "X-Yandex-Uniq") == NULL &&
	    bv_text_find_ci (mail->from, "mailer-daemon@yandex.") == NULL)
		return FALSE;
	if (mail->dsn->len == 0 && bv_text_find_ci (mail->body->str, "Yandex") == NULL)
		return FALSE;
	static const char *const stops[] = { "Reporting-MTA:", "Final-Recipient:", "Received:",
		                             "Return-Path:", NULL };
	return bv_scrape_dsn_and_blocks (mail, report, mail->body->str, stops,
	                                 BV_BLOCKS_ANGLE | BV_BLOCKS_INDENTED | BV_BLOCKS_BLANK_ENDS) > 0;
}

const BvLhost bv_lhost_yandex = { "yandex", yandex_parse };
