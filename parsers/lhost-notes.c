/* lhost-notes.c: Lotus Notes (the Lotus SMTP MTA) reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Subject "Undeliverable message"; the body is "------- Failure Reasons
 * --------", the reason (in the server's language and charset), the
 * addresses it applies to, one a line, then "------- Returned Message
 * --------" and the message. */
#include "config.h"

#include "lhost.h"
#include "scrape.h"
#include "text.h"

static gboolean
notes_parse (BvMail *mail, BvReport *report)
{
	const char *body = bv_scrape_text (mail);
	const char *reasons = bv_scrape_find_line (body, "------- Failure Reasons");
	if (reasons == NULL)
		return FALSE;
	const char *copy = bv_scrape_find_line (reasons, "------- Returned Message");
	if (copy == NULL && !bv_scrape_from_daemon (mail))
		return FALSE;
	guint before = report->recipients->len;
	g_autoptr (GString) reason = g_string_new (NULL);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, bv_scrape_next_line (reasons));
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "-------"))
			break;
		if (bv_line_blank (&line))
			continue;
		g_autofree char *addr = bv_line_address (&line, NULL);
		if (addr == NULL) {
			/* A reason line: it applies to the addresses below
			 * it, until the next reason. */
			if (report->recipients->len > before)
				g_string_truncate (reason, 0);
			g_string_append_len (reason, line.start, line.end - line.start);
			g_string_append_c (reason, ' ');
			continue;
		}
		BvRecipient *r = bv_scrape_add (report, addr);
		bv_scrape_set_diagnostic (r, reason->str, reason->len);
		bv_scrape_set (&r->action, "failed");
	}
	if (copy != NULL)
		bv_scrape_take_original (mail, bv_scrape_next_line (copy));
	return report->recipients->len > before;
}

const BvLhost bv_lhost_notes = { "notes", notes_parse };
