/* lhost-mfilter.c: failure notices of m-FILTER (Digital Arts).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * m-FILTER sends "failure notice" with "X-Mailer: m-FILTER".  After a
 * Japanese preamble come the failed addresses, one a line, then sections
 * opened by dashed titles: "-------server message" (the remote reply),
 * "-------SMTP command" (the command it answered) and "-------original
 * message" (the original's headers and body, inline). */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_mfilter (BvMail *mail)
{
	const char *xm = bv_mail_header (mail, "X-Mailer");
	if (xm != NULL && bv_text_find_ci (xm, "m-FILTER") != NULL)
		return TRUE;
	return bv_scrape_from_daemon (mail) && bv_text_find_ci (mail->body->str, "m-FILTER") != NULL &&
	       bv_scrape_find_line (mail->body->str, "-------server message") != NULL;
}

typedef enum { SECTION_ADDRESSES, SECTION_REPLY, SECTION_COMMAND, SECTION_OTHER } Section;

static gboolean
mfilter_parse (BvMail *mail, BvReport *report)
{
	if (!is_mfilter (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (GString) reply = g_string_new (NULL);
	char command[8] = "";
	Section section = SECTION_ADDRESSES;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "-------")) {
			section = bv_line_find (&line, "server message") ? SECTION_REPLY
			          : bv_line_find (&line, "SMTP command") ? SECTION_COMMAND
			                                                 : SECTION_OTHER;
			if (bv_line_find (&line, "original message") != NULL) {
				bv_scrape_take_original (mail, line.end);
				break;
			}
			continue;
		}
		if (bv_line_blank (&line))
			continue;
		if (section == SECTION_ADDRESSES) {
			g_autofree char *addr = bv_line_address (&line, NULL);
			if (addr != NULL)
				bv_scrape_add (text, addr);
		} else if (section == SECTION_REPLY) {
			g_string_append_len (reply, line.start, line.end - line.start);
			g_string_append_c (reply, ' ');
		} else if (section == SECTION_COMMAND && command[0] == '\0') {
			const char *p = bv_line_skip_space (&line);
			gsize n = 0;
			while (p + n < line.end && n < sizeof command - 1 && g_ascii_isalpha (p[n]))
				n++;
			for (gsize k = 0; k < n; k++)
				command[k] = g_ascii_toupper (p[k]);
			command[n] = '\0';
		}
	}
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		bv_scrape_set_diagnostic (r, reply->str, reply->len);
		bv_scrape_set (&r->command, command);
	}
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_mfilter = { "mfilter", mfilter_parse };
