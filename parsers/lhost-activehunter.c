/* lhost-activehunter.c: failure notices of Active!hunter (HDE).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Active!hunter gateway marks its notices with an X-AHMAILID header
 * and a "FAILURE NOTICE :" subject.  The text imitates sendmail: after
 * "----- The following addresses had permanent fatal errors -----" each
 * recipient stands on a ">>> addr <addr>" line, and the remote server's
 * reply follows "----- Transcript of session follows -----". */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_activehunter (BvMail *mail)
{
	if (bv_mail_header (mail, "X-AHMAILID") != NULL)
		return TRUE;
	return g_str_has_prefix (mail->subject, "FAILURE NOTICE :") &&
	       bv_text_find_ci (mail->body->str, "had permanent fatal errors") != NULL;
}

static gboolean
activehunter_parse (BvMail *mail, BvReport *report)
{
	if (!is_activehunter (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (GString) transcript = g_string_new (NULL);
	gboolean in_list = FALSE, in_transcript = FALSE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		const char *p = bv_line_skip_space (&line);
		if (bv_line_starts (&line, "-----")) {
			in_list = bv_line_find (&line, "following addresses") != NULL;
			in_transcript = bv_line_find (&line, "Transcript of session") != NULL;
			continue;
		}
		if (in_list && !bv_line_blank (&line)) {
			/* ">>> addr <addr>" or a bare address. */
			if (line.end - p >= 3 && strncmp (p, ">>>", 3) == 0)
				p += 3;
			g_autofree char *rest = g_strndup (p, line.end - p);
			g_autofree char *addr = bv_address_extract (rest);
			if (addr != NULL)
				bv_scrape_add (text, addr);
		} else if (in_transcript) {
			g_string_append_len (transcript, line.start, line.end - line.start);
			g_string_append_c (transcript, '\n');
		}
	}
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		bv_scrape_set_diagnostic (r, transcript->str, transcript->len);
		bv_scrape_set (&r->command, bv_scrape_command (transcript->str, transcript->len));
	}
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_activehunter = { "activehunter", activehunter_parse };
