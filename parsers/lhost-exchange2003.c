/* lhost-exchange2003.c: Microsoft Exchange Server 5.5 to 2003 reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These servers ("Internet Mail Service", "Internet Mail Connector") write
 * "Your message ... did not reach the following recipient(s):" or "The
 * following recipient(s) could not be reached:", then for each recipient
 * "addr on DATE" and indented reason lines such as "The recipient name is
 * not recognized" and "MSEXCH:IMS:...:... 0 (000C05A6) Unknown Recipient".
 * Exchange 2000 and 2003 add "<host #5.1.1>" under each reason: an
 * enhanced status, but no reply code; older servers give neither. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* Whether @text holds the "<host #5.2.2>" trailer Exchange 2000 and 2003
 * set under a recipient's reason: '<', a host name, " #", an enhanced
 * status and '>'. */
static gboolean
has_status_trailer (const char *text)
{
	for (const char *p = strstr (text, " #"); p != NULL; p = strstr (p + 2, " #")) {
		const char *q = p + 2;
		if ((q[0] != '2' && q[0] != '4' && q[0] != '5') || q[1] != '.' || !g_ascii_isdigit (q[2]))
			continue;
		const char *close = strchr (q, '>');
		const char *open = p;
		while (open > text && *open != '<' && *open != '\n' && *open != '>')
			open--;
		if (*open == '<' && close != NULL && close - q <= 9 && memchr (q, '\n', close - q) == NULL)
			return TRUE;
	}
	return FALSE;
}

static gboolean
is_exchange2003 (BvMail *mail)
{
	/* Outlook Express writes X-MimeOLE too, but says "Produced By
	 * Microsoft MimeOLE"; the server names itself. */
	const char *mimeole = bv_mail_header (mail, "X-MimeOLE");
	if (mimeole != NULL && bv_text_find_ci (mimeole, "Microsoft Exchange") != NULL)
		return TRUE;
	const char *mailer = bv_mail_header (mail, "X-Mailer");
	if (mailer != NULL &&
	    (bv_text_find_ci (mailer, "Internet Mail Service (") != NULL ||
	     bv_text_find_ci (mailer, "Microsoft Exchange Server Internet Mail Connector") != NULL))
		return TRUE;
	if (bv_mail_header (mail, "X-MS-Embedded-Report") != NULL)
		return TRUE;
	/* Without those headers (some relays drop them) the reason codes
	 * still name the Exchange connector. */
	return bv_text_find_ci (mail->body->str, "MSEXCH:") != NULL || has_status_trailer (mail->body->str);
}

/* "kijitora@example.jp on Thu, 29 Apr 2010 ..." opens a recipient. */
static char *
recipient_line (const BvLine *line)
{
	const char *p = bv_line_skip_space (line);
	const char *on = bv_line_find (line, " on ");
	if (on == NULL)
		on = line->end;
	g_autofree char *word = g_strndup (p, on - p);
	g_strstrip (word);
	if (strchr (word, ' ') != NULL || strchr (word, '@') == NULL)
		return NULL;
	return bv_address_extract (word);
}

static gboolean
exchange2003_parse (BvMail *mail, BvReport *report)
{
	if (!is_exchange2003 (mail) || bv_scrape_forwarded (mail))
		return FALSE;
	const char *body = mail->body->str;
	const char *start = bv_scrape_find_line (body, "did not reach the following recipient");
	if (start == NULL)
		start = bv_scrape_find_line (body, "The following recipient(s) could not be reached");
	if (start == NULL)
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	BvGrowing g;
	bv_growing_init (&g, text);
	gboolean skipping = FALSE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, bv_scrape_next_line (start));
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "------") || bv_line_starts (&line, "Received:"))
			break;
		g_autofree char *addr = recipient_line (&line);
		if (addr != NULL) {
			bv_scrape_set (&bv_growing_open (&g, addr)->action, "failed");
			skipping = FALSE;
			continue;
		}
		if (g.cur == NULL || bv_line_blank (&line))
			continue;
		/* The MTS-ID note (and its unindented continuation) is
		 * bookkeeping, not a reason. */
		if (bv_line_starts (&line, "The MTS-ID")) {
			skipping = TRUE;
			continue;
		}
		if (skipping && !bv_line_indented (&line))
			continue;
		skipping = FALSE;
		bv_growing_add (&g, line.start, line.end - line.start);
	}
	bv_growing_clear (&g);
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_exchange2003 = { "exchange2003", exchange2003_parse };
