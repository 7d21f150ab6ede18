/* lhost-apachejames.c: bounces of the Apache James mail server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * James (a JavaMail application: its Message-IDs contain ".JavaMail.")
 * writes its bounces in three layouts, all opening with "Hi. This is the
 * James mail server at <host>." and the two sentences it took from
 * qmail-send ("I'm afraid I wasn't able to deliver your message to the
 * following addresses.  This is a permanent error; ..."):
 *
 * - the Bounce mailet (AbstractNotify) answers with "Re:" and the original
 *   subject, or "[BOUNCE]": "Error message below:" followed by the remote
 *   reply, then "Message details:" with indented "Subject:", "MAIL FROM:",
 *   "RCPT TO:" and "From:" lines that stand in for the original's headers;
 * - the DSNBounce mailet (transport/mailets/DSNBounce.java,
 *   createTextMsg()) sends a multipart/report: "Original email subject:",
 *   "Failed recipient(s):" (the action, then the recipients joined with
 *   ", ") and "Error message:" followed by the error, with a
 *   message/delivery-status part that says the same;
 * - without a bounce processor, RemoteDelivery's Bouncer
 *   (remote/delivery/Bouncer.java, explanationText()) hands its text to
 *   JamesMailetContext.rawBounce(), which sends it as a plain reply to the
 *   original ("Re: " and its subject, In-Reply-To its Message-ID, a
 *   Message-ID "replyTo-" and the mail's name): after the greeting, one
 *   line per recipient address, then the error, "Remote mail server told
 *   me: " and the server's reply for a SendFailedException.
 *
 * The greeting is the default messageString of DSNBounce and fixed in
 * Bouncer.  qmail's parser, tried after this one, knows the two sentences
 * that follow it and read DSNBounce's reports as qmail's until this parser
 * knew the greeting. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* James writes its inner multipart/alternative with the boundary parameter
 * on an unindented line, so MIME parsers see a multipart without parts and
 * the text lands in its prologue.  Returns that prologue (owned by the
 * message) when @mail's text came out empty, else NULL. */
static const char *
partless_prologue (GMimeObject *obj, guint depth)
{
	if (obj == NULL || depth > 8 || !GMIME_IS_MULTIPART (obj))
		return NULL;
	GMimeMultipart *mp = GMIME_MULTIPART (obj);
	int n = g_mime_multipart_get_count (mp);
	if (n == 0)
		return g_mime_multipart_get_prologue (mp);
	for (int i = 0; i < n; i++) {
		const char *t = partless_prologue (g_mime_multipart_get_part (mp, i), depth + 1);
		if (t != NULL)
			return t;
	}
	return NULL;
}

/* The first line of every James bounce text (Bouncer.explanationText(),
 * DSNBounce's default messageString). */
static const char james_greeting[] = "Hi. This is the James mail server at";

static gboolean
is_apachejames (BvMail *mail, const char *body)
{
	if (bv_scrape_find_line (body, james_greeting) != NULL)
		return TRUE;
	if (bv_scrape_find_line (body, "Message details:") == NULL ||
	    bv_scrape_find_line (body, "Error message below:") == NULL)
		return FALSE;
	const char *mid = bv_mail_header (mail, "Message-ID");
	const char *received = bv_mail_header (mail, "Received");
	return (mid != NULL && strstr (mid, ".JavaMail.") != NULL) ||
	       (received != NULL && bv_text_find_ci (received, "JAMES SMTP Server") != NULL) ||
	       g_str_has_prefix (mail->subject, "[BOUNCE]");
}

/* The value of an indented "Name: value" detail line, or NULL. */
static char *
detail_value (const BvLine *line, const char *name)
{
	if (!bv_line_starts (line, name))
		return NULL;
	const char *p = bv_line_skip_space (line) + strlen (name);
	return bv_text_normalise (p, line->end - p);
}

/* The actions DSNBounce names before " recipient(s):" (its Action enum,
 * whose asString() is the capitalised RFC 3464 action). */
static const char *const actions[] = { "Failed", "Delayed", "Delivered", "Expanded", "Relayed", NULL };

/* DSNBounce's text: "<Action> recipient(s):" and the next line, the
 * recipients joined with ", "; "Error message:" and the lines up to a
 * blank one, the delivery error (the remote server's reply, or James's own
 * sentence).  Adds the recipients to @text. */
static void
read_dsn_text (BvReport *text, const char *body)
{
	g_autoptr (GString) error = g_string_new (NULL);
	const char *action = NULL;
	enum { BEFORE, RECIPIENTS, LABEL, ERROR } state = BEFORE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, body);
	while (bv_lines_next (&it, &line)) {
		if (state == BEFORE) {
			for (const char *const *a = actions; *a && action == NULL; a++) {
				g_autofree char *label = g_strconcat (*a, " recipient(s):", NULL);
				if (bv_line_starts (&line, label))
					action = *a;
			}
			if (action != NULL)
				state = RECIPIENTS;
		} else if (state == RECIPIENTS && !bv_line_blank (&line)) {
			g_autofree char *rcpts = bv_line_dup (&line);
			g_autofree char *lower = g_ascii_strdown (action, -1);
			g_auto (GStrv) each = g_strsplit (rcpts, ",", -1);
			for (char **a = each; *a; a++) {
				g_autofree char *addr = bv_address_extract (*a);
				if (addr != NULL)
					bv_scrape_set (&bv_scrape_add (text, addr)->action, lower);
			}
			state = LABEL;
		} else if (state == LABEL && bv_line_starts (&line, "Error message:")) {
			state = ERROR;
		} else if (state == ERROR) {
			if (bv_line_blank (&line))
				break;
			if (error->len > 0)
				g_string_append_c (error, '\n');
			g_string_append_len (error, line.start, line.end - line.start);
		}
	}
	for (guint i = 0; i < text->recipients->len && error->len > 0; i++)
		bv_scrape_set_diagnostic (text->recipients->pdata[i], error->str, error->len);
}

/* What Bouncer.explanationText() writes before the error: the sentence
 * that wraps a SendFailedException, whose message JavaMail's SMTPTransport
 * makes the remote server's reply. */
static const char remote_said[] = "Remote mail server told me:";

/* Bouncer's text as rawBounce() sends it: after the greeting's paragraph,
 * each recipient's address alone on a line (MailAddress.toString()), then
 * the error up to a blank line ("Remote mail server told me: 552 ...",
 * "Unknown host: ..." and a second sentence, "Connection refused", "Socket
 * exception: ...").  Adds the recipients to @text; the original's subject
 * and Message-ID come from the reply's own headers. */
static void
read_raw_bounce (BvMail *mail, BvReport *text, const char *body)
{
	const char *greeting = bv_scrape_find_line (body, james_greeting);
	g_autoptr (GString) error = g_string_new (NULL);
	gboolean smtp = FALSE;
	enum { GREETING, RECIPIENTS, ERROR } state = GREETING;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, greeting);
	while (bv_lines_next (&it, &line)) {
		if (state == GREETING) {
			if (bv_line_blank (&line))
				state = RECIPIENTS;
			continue;
		}
		if (bv_line_blank (&line)) {
			if (state == ERROR)
				break;
			continue;
		}
		const char *rest = NULL;
		g_autofree char *addr = state == RECIPIENTS ? bv_line_address (&line, &rest) : NULL;
		if (addr != NULL && (rest == NULL || rest == line.end)) {
			bv_scrape_add (text, addr);
			continue;
		}
		if (text->recipients->len == 0)
			break;
		state = ERROR;
		const char *p = line.start;
		if (error->len == 0 && bv_line_starts (&line, remote_said)) {
			p = bv_line_skip_space (&line) + strlen (remote_said);
			smtp = TRUE;
		} else if (error->len > 0) {
			g_string_append_c (error, '\n');
		}
		g_string_append_len (error, p, line.end - p);
	}
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		bv_scrape_set_diagnostic (r, error->str, error->len);
		bv_scrape_set (&r->action, "failed");
		if (smtp && r->reply_code[0] != '\0')
			bv_scrape_set (&r->diagnostic_type, "smtp");
	}
	if (mail->original->len > 0 || text->recipients->len == 0)
		return;
	const char *irt = bv_mail_header (mail, "In-Reply-To");
	if (irt != NULL)
		g_string_append_printf (mail->original, "Message-ID: %s\n", irt);
	if (g_ascii_strncasecmp (mail->subject, "Re: ", 4) == 0)
		g_string_append_printf (mail->original, "Subject: %s\n", mail->subject + 4);
}

static gboolean
apachejames_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->body->str;
	if (body[0] == '\0' && mail->message != NULL) {
		const char *t = partless_prologue (g_mime_message_get_mime_part (mail->message), 0);
		body = t ? t : body;
	}
	if (!is_apachejames (mail, body) || bv_scrape_forwarded (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	if (bv_scrape_find_line (body, "Error message below:") == NULL) {
		/* The raw bounce is a reply like a person's, so it must come
		 * from the postmaster (JamesMailetContext.bounce() sets From to
		 * getPostmaster()) or with the null sender it is sent with. */
		if (mail->dsn->len > 0)
			read_dsn_text (text, body);
		else if (bv_scrape_from_daemon (mail))
			read_raw_bounce (mail, text, body);
		return bv_scrape_merge (mail, report, text) > 0;
	}
	g_autoptr (GString) error = g_string_new (NULL);
	g_autoptr (GString) headers = g_string_new (NULL);
	enum { BEFORE, ERROR, DETAILS } state = BEFORE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, body);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "Error message below:")) {
			state = ERROR;
			continue;
		}
		if (bv_line_starts (&line, "Message details:")) {
			state = DETAILS;
			continue;
		}
		if (state == ERROR) {
			g_string_append_len (error, line.start, line.end - line.start);
			g_string_append_c (error, '\n');
		} else if (state == DETAILS) {
			g_autofree char *rcpts = detail_value (&line, "RCPT TO:");
			g_autofree char *subject = detail_value (&line, "Subject:");
			g_autofree char *from = detail_value (&line, "From:");
			if (rcpts != NULL) {
				g_auto (GStrv) each = g_strsplit (rcpts, ",", -1);
				for (char **a = each; *a; a++) {
					g_autofree char *addr = bv_address_extract (*a);
					if (addr != NULL)
						bv_scrape_add (text, addr);
				}
				g_string_append_printf (headers, "To: %s\n", rcpts);
			} else if (subject != NULL) {
				g_string_append_printf (headers, "Subject: %s\n", subject);
			} else if (from != NULL) {
				g_string_append_printf (headers, "From: %s\n", from);
			}
		}
	}
	for (guint i = 0; i < text->recipients->len; i++)
		bv_scrape_set_diagnostic (text->recipients->pdata[i], error->str, error->len);
	if (mail->original->len == 0)
		g_string_append (mail->original, headers->str);
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_apachejames = { "apachejames", apachejames_parse };
