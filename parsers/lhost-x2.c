/* lhost-x2.c: an unidentified qmail-like MTA ("x2").
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Message from example.com.", "Unable to deliver message to the following
 * address(es).", a "<addr>:" paragraph per recipient and "--- Original
 * message follows." before the inline copy.  The wording differs from
 * qmail's; the layout is the same. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
x2_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *start = bv_scrape_find_line (body, "Unable to deliver message to the following address");
	if (start == NULL)
		return FALSE;
	const char *copy = bv_scrape_find_line (start, "--- Original message follows");
	return bv_scrape_paragraphs (mail, report, start, copy) > 0;
}

const BvLhost bv_lhost_x2 = { "x2", x2_parse };
