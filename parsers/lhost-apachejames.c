/* lhost-apachejames.c: bounces of the Apache James mail server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * James (a JavaMail application: its Message-IDs contain ".JavaMail.")
 * answers with "Re:" and the original subject, or "[BOUNCE]".  The text
 * reads "Error message below:" followed by the remote reply, then
 * "Message details:" with indented "Subject:", "MAIL FROM:", "RCPT TO:"
 * and "From:" lines that stand in for the original's headers. */
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

static gboolean
is_apachejames (BvMail *mail, const char *body)
{
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

static gboolean
apachejames_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->body->str;
	if (body[0] == '\0' && mail->message != NULL) {
		const char *t = partless_prologue (g_mime_message_get_mime_part (mail->message), 0);
		body = t ? t : body;
	}
	if (!is_apachejames (mail, body))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
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
