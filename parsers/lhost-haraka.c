/* lhost-haraka.c: the Haraka SMTP server's outbound bounces.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Haraka fills the template config/outbound.bounce_message ("Hi. This is
 * the Haraka Mailer program at H.", "Intended Recipients: <a@b>, ...",
 * "Failure Reason: ...", then one "<a@b>: 550 5.1.1 ..." line per refused
 * recipient) and writes the delivery-status part itself
 * (outbound/hmail.js, populate_bounce_message_with_headers).  A failure
 * Haraka decided on its own (no MX, DNS, a refused connection) has no
 * Diagnostic-Code there: its reply code and text stand as a comment of the
 * Status field, "Status: 5.1.2 (550 No MX for b)" (extend_rcpt_with_dsn()),
 * and the text names no recipient.  Sites rewrite the template, so the
 * Received line it starts with, "(Haraka N invoked for bounce)", and the
 * Status comment are markers too. */
#include "config.h"

#include <string.h>

#include "parsers/dsn.h"
#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The comment of a Status field, "5.1.2 (550 No MX for b)", as a new
 * string "550 No MX for b", or NULL when there is none. */
static char *
status_comment (const char *status)
{
	const char *open = status != NULL ? strchr (status, '(') : NULL;
	const char *close = open != NULL ? strrchr (open, ')') : NULL;
	if (close == NULL || close - open < 2)
		return NULL;
	return g_strndup (open + 1, close - open - 1);
}

/* For each recipient group of the delivery-status part whose Status has
 * a comment, completes the recipient of @report from @from with the same
 * address that has no reply: the comment is Haraka's own diagnostic. */
static void
take_status_comments (BvMail *mail, BvReport *report, guint from)
{
	g_auto (GStrv) groups = g_regex_split_simple ("\\n[ \\t]*\\n", mail->dsn->str, 0, 0);
	for (char **g = groups; *g; g++) {
		g_autofree char *status = bv_header_block_get (*g, "Status");
		g_autofree char *comment = status_comment (status);
		g_autofree char *final = bv_header_block_get (*g, "Final-Recipient");
		if (comment == NULL || final == NULL)
			continue;
		g_autofree char *addr = bv_scrape_address (final);
		BvRecipient *r = addr != NULL ? bv_scrape_find_recipient (report, from, addr) : NULL;
		if (r == NULL || r->reply_code[0] != '\0')
			continue;
		bv_scrape_set (&r->diagnostic, "");
		bv_scrape_set_diagnostic (r, comment, -1);
	}
}

/* Whether @mail is Haraka's: the template's greeting or its Received
 * line, or a Status field with Haraka's comment. */
static gboolean
is_haraka (BvMail *mail)
{
	if (bv_scrape_find_line (mail->text, "Hi. This is the Haraka Mailer program at") != NULL)
		return TRUE;
	if (mail->message == NULL)
		return FALSE;
	/* Servers on the way back add their own Received lines above it. */
	GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (mail->message));
	int n = g_mime_header_list_get_count (headers);
	for (int i = 0; i < n; i++) {
		GMimeHeader *h = g_mime_header_list_get_header_at (headers, i);
		const char *value = g_mime_header_get_value (h);
		if (g_ascii_strcasecmp (g_mime_header_get_name (h), "Received") == 0 && value != NULL &&
		    bv_text_find_ci (value, "(Haraka ") != NULL &&
		    bv_text_find_ci (value, "invoked for bounce") != NULL)
			return TRUE;
	}
	return FALSE;
}

/* Without the delivery-status part (a notice cut short, a template
 * without per-recipient lines): the template's {recipients} line, "<a@b>,
 * <c@d>", and the {reason} line under it. */
static void
from_recipients_line (const char *text, BvReport *report)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, text);
	while (bv_lines_next (&it, &line)) {
		const char *lt = bv_line_find (&line, "<");
		if (lt == NULL || bv_line_find (&line, "@") == NULL || bv_line_find (&line, ">") == NULL)
			continue;
		BvLine reason = { it.next, it.next };
		BvLines rit = it;
		while (bv_lines_next (&rit, &reason) && bv_line_blank (&reason))
			;
		g_autofree char *l = g_strndup (lt, line.end - lt);
		g_auto (GStrv) parts = g_strsplit (l, ",", -1);
		for (char **p = parts; *p; p++) {
			g_autofree char *addr = bv_scrape_address (*p);
			if (addr == NULL || bv_scrape_find_recipient (report, 0, addr) != NULL)
				continue;
			BvRecipient *r = bv_scrape_add (report, addr);
			bv_scrape_set (&r->action, "failed");
			bv_scrape_set_diagnostic (r, reason.start, reason.end - reason.start);
		}
		return;
	}
}

static gboolean
haraka_parse (BvMail *mail, BvReport *report)
{
	if (!is_haraka (mail) || bv_scrape_forwarded (mail))
		return FALSE;
	if (mail->dsn->len == 0) {
		guint before = report->recipients->len;
		from_recipients_line (mail->text, report);
		return report->recipients->len > before;
	}
	/* The template's per-recipient lines, "<a@b>: 550 5.1.1 ...". */
	static const char *const stops[] = { NULL };
	guint before = report->recipients->len;
	bv_scrape_dsn_and_blocks (mail, report, mail->text, stops, BV_BLOCKS_ANGLE | BV_BLOCKS_BLANK_ENDS);
	take_status_comments (mail, report, before);
	return report->recipients->len > before;
}

const BvLhost bv_lhost_haraka = { "haraka", haraka_parse };
