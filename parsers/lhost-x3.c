/* lhost-x3.c: an unidentified MTA ("x3") that writes "This is an
 * automatically generated Delivery Status Notification."
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between lines of "=" signs: "Delivery to the following recipients failed
 * permanently:" (sometimes misspelt "Delevery", or "...was aborted after N
 * second(s):"), the recipients as "* a@b" lines, then "Technical details:"
 * and the SMTP error ("SMTP:RCPT host 192.0.2.1: 553 5.3.0 ...").  A
 * delivery-status part may follow; its Status is often generic while the
 * technical details quote the server's code. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
x3_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *intro =
	        bv_scrape_find_line (body, "This is an automatically generated Delivery Status Notification");
	if (intro == NULL)
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (GString) details = g_string_new (NULL);
	gboolean in_details = FALSE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, bv_scrape_next_line (intro));
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "Technical details")) {
			in_details = TRUE;
			continue;
		}
		if (bv_line_starts (&line, "=====")) {
			if (in_details)
				break;
			continue;
		}
		if (in_details) {
			g_string_append_len (details, line.start, line.end - line.start);
			g_string_append_c (details, ' ');
		} else if (bv_line_starts (&line, "* ")) {
			BvLine rest = { bv_line_skip_space (&line) + 2, line.end };
			g_autofree char *addr = bv_line_address (&rest, NULL);
			if (addr != NULL)
				bv_scrape_set (&bv_scrape_add (text, addr)->action, "failed");
		}
	}
	if (text->recipients->len == 0)
		return FALSE;
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		bv_scrape_set_diagnostic (r, details->str, details->len);
		bv_scrape_set (&r->command, bv_scrape_command (details->str, details->len));
	}
	guint before = report->recipients->len;
	bv_scrape_merge (mail, report, text);
	for (guint i = before; i < report->recipients->len; i++)
		bv_scrape_prefer_diag_status (report->recipients->pdata[i]);
	return report->recipients->len > before;
}

const BvLhost bv_lhost_x3 = { "x3", x3_parse };
