/* lhost-x1.c: an unidentified MTA ("x1") whose reports list "addr
 * [reason]" lines.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "The original message was received at DATE from SENDER", then
 * "---The following addresses had delivery errors---" and one line per
 * recipient: the address and the reason in square brackets.  The original
 * follows in a second part. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
x1_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *list = bv_scrape_find_line (body, "---The following addresses had delivery errors---");
	if (list == NULL || !bv_scrape_from_daemon (mail))
		return FALSE;
	guint before = report->recipients->len;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, bv_scrape_next_line (list));
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "---"))
			break;
		const char *rest = NULL;
		g_autofree char *addr = bv_line_address (&line, &rest);
		if (addr == NULL)
			continue;
		BvRecipient *r = bv_scrape_add (report, addr);
		/* "[User unknown]": the reason without its brackets. */
		const char *b = rest, *e = line.end;
		while (e > b && (e[-1] == ' ' || e[-1] == '\r'))
			e--;
		if (b < e && *b == '[' && e[-1] == ']')
			b++, e--;
		bv_scrape_set_diagnostic (r, b, e - b);
		bv_scrape_set (&r->action, "failed");
	}
	return report->recipients->len > before;
}

const BvLhost bv_lhost_x1 = { "x1", x1_parse };
