/* lhost-kddi.c: error notices of KDDI's au one net mail (dion.ne.jp).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * au one net sends its notices from no-reply@...dion.ne.jp through
 * *.auone-net.jp, often under the subject "メールエラー通知".  After an
 * optional Japanese explanation, the English part reads "Your mail sent
 * on: DATE", "Could not be delivered to: <addr>" and an indented reason
 * such as "As their mailbox is full." or "Due to the following SMTP relay
 * error". */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_kddi (BvMail *mail)
{
	if (bv_scrape_find_line (mail->body->str, "Could not be delivered to:") == NULL)
		return FALSE;
	if (bv_text_find_ci (mail->from, "dion.ne.jp") != NULL ||
	    bv_text_find_ci (mail->from, "auone-net.jp") != NULL)
		return TRUE;
	const char *received = bv_mail_header (mail, "Received");
	return received != NULL && bv_text_find_ci (received, "auone-net.jp") != NULL;
}

static gboolean
kddi_parse (BvMail *mail, BvReport *report)
{
	if (!is_kddi (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	BvGrowing g;
	bv_growing_init (&g, text);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "Could not be delivered to:")) {
			bv_growing_close (&g);
			const char *p = bv_line_find (&line, ":") + 1;
			g_autofree char *v = g_strndup (p, line.end - p);
			g_autofree char *addr = bv_address_extract (v);
			if (addr != NULL)
				bv_growing_open (&g, addr);
		} else if (bv_line_blank (&line) || bv_line_starts (&line, "Your mail")) {
			/* The reason ends at a blank line or the next "Your mail". */
			bv_growing_close (&g);
		} else {
			bv_growing_add (&g, line.start, line.end - line.start);
		}
	}
	bv_growing_clear (&g);
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_kddi = { "kddi", kddi_parse };
