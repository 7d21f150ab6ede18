/* lhost-notes.c: reports of Lotus Notes and of its server, Domino.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Lotus SMTP MTA of Notes: subject "Undeliverable message"; the body is
 * "------- Failure Reasons --------", the reason (in the server's language
 * and charset), the addresses it applies to, one a line, then "-------
 * Returned Message --------" and the message.
 *
 * Domino: subject "DELIVERY FAILURE: <the reason>" (older releases
 * "DELIVERY_FAILURE:"); the body says "Your message / Subject: ... / was
 * not delivered to: / <addresses> / because: / <the reason>", each part
 * indented, and may come with a delivery-status part whose Diagnostic-Code
 * ("X-Notes; ...") repeats the reason in raw, undecoded bytes. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
notes_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
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

/* Which part of a Domino notice a line belongs to. */
typedef enum { DOMINO_HEAD, DOMINO_ADDRESSES, DOMINO_REASON, DOMINO_DONE } DominoPart;

static gboolean
is_domino (BvMail *mail, const char *body)
{
	const char *subject = mail->subject;
	while (*subject == ' ')
		subject++;
	gboolean marked = g_ascii_strncasecmp (subject, "DELIVERY FAILURE:", 17) == 0 ||
	                  g_ascii_strncasecmp (subject, "DELIVERY_FAILURE:", 17) == 0;
	if (!marked && !bv_scrape_from_daemon (mail))
		return FALSE;
	return bv_scrape_find_line (body, "was not delivered to:") != NULL &&
	       bv_scrape_find_line (body, "because:") != NULL;
}

static gboolean
domino_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	if (!is_domino (mail, body))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (GString) reason = g_string_new (NULL);
	g_autofree char *subject = NULL;
	DominoPart part = DOMINO_HEAD;
	/* A notice for recipients that failed for different reasons repeats
	 * the block ("Your message ... was not delivered to: ... because:
	 * ..."), one per reason: each reason is its own block's. */
	guint block = 0;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, body);
	while (part != DOMINO_DONE && bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "was not delivered to:")) {
			part = DOMINO_ADDRESSES;
			block = text->recipients->len;
		} else if (bv_line_starts (&line, "because:")) {
			part = DOMINO_REASON;
			g_string_truncate (reason, 0);
		} else if (part == DOMINO_HEAD && bv_line_starts (&line, "Subject:") && subject == NULL) {
			subject = bv_line_dup (&line);
		} else if (part == DOMINO_ADDRESSES && !bv_line_blank (&line)) {
			g_autofree char *addr = bv_line_address (&line, NULL);
			if (addr != NULL)
				bv_scrape_add (text, addr);
		} else if (part == DOMINO_REASON) {
			/* The reason is one paragraph; a blank line after it
			 * ends the block, a marker the notice. */
			gboolean marker = bv_line_starts (&line, "-----");
			if (bv_line_blank (&line) || marker) {
				if (reason->len > 0) {
					for (guint i = block; i < text->recipients->len; i++)
						bv_scrape_set_diagnostic (text->recipients->pdata[i],
						                          reason->str, reason->len);
					block = text->recipients->len;
					part = marker ? DOMINO_DONE : DOMINO_HEAD;
				}
				continue;
			}
			g_string_append_len (reason, line.start, line.end - line.start);
			g_string_append_c (reason, ' ');
		}
	}
	if (part == DOMINO_REASON)
		for (guint i = block; i < text->recipients->len; i++)
			bv_scrape_set_diagnostic (text->recipients->pdata[i], reason->str, reason->len);
	if (text->recipients->len == 0)
		return FALSE;
	for (guint i = 0; i < text->recipients->len; i++)
		bv_scrape_set (&((BvRecipient *)text->recipients->pdata[i])->action, "failed");
	/* Without a copy of the original, its subject is what the notice
	 * quotes. */
	if (subject != NULL && mail->original->len == 0)
		g_string_append_printf (mail->original, "%s\n", subject);
	guint before = report->recipients->len;
	guint added = bv_scrape_merge (mail, report, text);
	/* The reason read from the text was decoded from its charset; the
	 * delivery-status part's "X-Notes;" diagnostic repeats it in raw bytes
	 * (ISO-2022-JP escapes and all) and never carries a reply code. */
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		if (r->reply_code[0] != '\0')
			continue;
		for (guint k = 0; k < text->recipients->len; k++) {
			const BvRecipient *t = text->recipients->pdata[k];
			if (t->diagnostic[0] != '\0' &&
			    g_ascii_strcasecmp (t->recipient, r->recipient) == 0) {
				bv_scrape_set_diagnostic (r, t->diagnostic, -1);
				break;
			}
		}
	}
	return added > 0;
}

const BvLhost bv_lhost_domino = { "domino", domino_parse };
