/* lhost-mcafee.c: delivery reports of McAfee Email Gateway (and MXLogic).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gateway stamps its reports with "X-NAI-Header: Modified by McAfee
 * ...", calls them "Delivery Status", and lists each recipient under
 * "--- The following addresses had delivery problems ---" as
 * "<addr>   (reason)".  A delivery-status part follows that names the
 * recipient only in Original-Recipient and carries the full reply in
 * Diagnostic-Code. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_mcafee (BvMail *mail)
{
	const char *nai = bv_mail_header (mail, "X-NAI-Header");
	if (nai != NULL && bv_text_find_ci (nai, "McAfee") != NULL)
		return TRUE;
	return bv_text_find_ci (mail->subject, "Delivery Status") != NULL &&
	       bv_scrape_find_line (mail->body->str, "--- The following addresses had delivery problems") !=
	               NULL;
}

static gboolean
mcafee_parse (BvMail *mail, BvReport *report)
{
	if (!is_mcafee (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	const char *start = bv_scrape_find_line (mail->body->str, "--- The following addresses");
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start ? bv_scrape_next_line (start) : "");
	while (bv_lines_next (&it, &line)) {
		g_autofree char *addr = bv_line_address (&line, NULL);
		if (addr == NULL) {
			if (bv_line_starts (&line, "---"))
				break;
			continue;
		}
		BvRecipient *r = bv_scrape_add (text, addr);
		/* The reason stands in parentheses after the address. */
		const char *open = memchr (line.start, '(', line.end - line.start);
		const char *close = NULL;
		for (const char *q = line.end; open && q > open; q--)
			if (q[-1] == ')') {
				close = q - 1;
				break;
			}
		if (open != NULL && close != NULL)
			bv_scrape_set_diagnostic (r, open + 1, close - open - 1);
	}
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_mcafee = { "mcafee", mcafee_parse };
