/* lhost-trendmicro.c: notices of Trend Micro InterScan Messaging Security.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * InterScan (MSS, or VirusWall before it) sends "Mail could not be
 * delivered" from "InterScan MSS" or with a "Message from InterScan" banner.
 * It quotes the SMTP exchange as "Sent <<< RCPT TO:<addr>" and
 * "Received >>> 550 5.1.1 ...", or explains in one sentence: "Reason:
 * Unable to deliver message to <addr> ...".  The text ends at "End of
 * message"; the original follows as an attachment. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_trendmicro (BvMail *mail)
{
	const char *body = mail->body->str;
	/* The notice comes from the gateway itself, never from a person
	 * quoting it: "InterScan" in From, or a daemon's mail with the
	 * banner in the text. */
	if (bv_text_find_ci (mail->from, "InterScan") == NULL &&
	    (!bv_scrape_from_daemon (mail) || bv_text_find_ci (body, "Message from InterScan") == NULL))
		return FALSE;
	return bv_scrape_find_line (body, "Sent <<<") != NULL ||
	       bv_text_find_ci (body, "Unable to deliver message to") != NULL;
}

/* The SMTP verb of "RCPT TO:<a>", "MAIL FROM:<a>", "DATA", "EHLO x". */
static const char *
command_of (const char *p, const char *end)
{
	static const char *const verbs[] = { "RCPT", "MAIL", "DATA", "EHLO", "HELO", NULL };
	for (const char *const *v = verbs; *v; v++)
		if (end - p >= 4 && g_ascii_strncasecmp (p, *v, 4) == 0)
			return *v;
	return "";
}

static gboolean
trendmicro_parse (BvMail *mail, BvReport *report)
{
	if (!is_trendmicro (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	BvRecipient *cur = NULL;
	const char *command = "";
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_find (&line, "End of message") != NULL)
			break;
		const char *p = bv_line_skip_space (&line);
		if (bv_line_starts (&line, "Sent <<<")) {
			p = bv_line_find (&line, "<<<") + 3;
			while (p < line.end && *p == ' ')
				p++;
			command = command_of (p, line.end);
			if (strcmp (command, "RCPT") == 0) {
				g_autofree char *arg = g_strndup (p, line.end - p);
				const char *colon = strchr (arg, ':');
				g_autofree char *addr = bv_address_extract (colon ? colon + 1 : arg);
				cur = addr ? bv_scrape_add (text, addr) : NULL;
			}
		} else if (bv_line_starts (&line, "Received >>>")) {
			p = bv_line_find (&line, ">>>") + 3;
			if (cur == NULL && text->recipients->len > 0)
				cur = text->recipients->pdata[text->recipients->len - 1];
			if (cur != NULL) {
				bv_scrape_set_diagnostic (cur, p, line.end - p);
				bv_scrape_set (&cur->command, command);
				cur = NULL;
			}
		} else {
			const char *u = bv_line_find (&line, "Unable to deliver message to");
			if (u == NULL)
				continue;
			const char *lt = memchr (u, '<', line.end - u);
			const char *gt = lt ? memchr (lt, '>', line.end - lt) : NULL;
			if (gt == NULL)
				continue;
			g_autofree char *raw = g_strndup (lt + 1, gt - lt - 1);
			BvRecipient *r = bv_scrape_add (text, raw);
			bv_scrape_set_diagnostic (r, u, line.end - u);
		}
	}
	/* A failure before RCPT names no recipient: the original's do. */
	if (text->recipients->len == 0)
		return FALSE;
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_trendmicro = { "trendmicro", trendmicro_parse };
