/* lhost-biglobe.c: BIGLOBE (biglobe.ne.jp) reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BIGLOBE's servers write "----- The following addresses had delivery
 * problems -----", the addresses one per line, then "----- Non-delivered
 * information -----" and the reason, which applies to every address; the
 * original is attached.  No codes are given. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
biglobe_parse (BvMail *mail, BvReport *report)
{
	if (bv_text_find_ci (mail->from, "@biglobe.ne.jp") == NULL)
		return FALSE;
	const char *body = mail->body->str;
	const char *list = bv_scrape_find_line (body, "----- The following addresses had delivery problems");
	const char *info = bv_scrape_find_line (body, "----- Non-delivered information");
	if (list == NULL || info == NULL || info < list)
		return FALSE;
	/* The reason: the lines after the title, up to a blank line. */
	g_autoptr (GString) diag = g_string_new (NULL);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, bv_scrape_next_line (info));
	while (bv_lines_next (&it, &line) && !(bv_line_blank (&line) && diag->len > 0) &&
	       !bv_line_starts (&line, "--")) {
		g_string_append_c (diag, ' ');
		g_string_append_len (diag, line.start, line.end - line.start);
	}
	guint before = report->recipients->len;
	bv_lines_init (&it, bv_scrape_next_line (list));
	while (bv_lines_next (&it, &line) && line.start < info) {
		g_autofree char *addr = bv_line_address (&line, NULL);
		if (addr == NULL)
			continue;
		BvRecipient *r = bv_scrape_add (report, addr);
		bv_scrape_set (&r->action, "failed");
		bv_scrape_set_diagnostic (r, diag->str, diag->len);
	}
	return report->recipients->len > before;
}

const BvLhost bv_lhost_biglobe = { "biglobe", biglobe_parse };
