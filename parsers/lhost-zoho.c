/* lhost-zoho.c: Zoho Mail reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zoho (X-ZohoMail headers, mailer-daemon@mail.zoho.com) writes one line
 * per recipient: "a@b Invalid Address, ERROR_CODE :550, ERROR_CODE :5.2.1
 * <a@b>... User Unknown" -- the reply code, then the server's text; some
 * versions write "a@b, ERROR CODE :550 - 5.1.1 Invalid Address ..." -- or,
 * in delay notices, "[Status: Error, Address: <a@b>, ResponseCode 421, ,
 * Host not reachable.]".  The original's headers follow without a marker. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/codes.h"
#include "parsers/text.h"

static gboolean
is_zoho (BvMail *mail)
{
	if (bv_mail_header (mail, "X-ZohoMail") != NULL)
		return TRUE;
	const char *mailer = bv_mail_header (mail, "X-Mailer");
	return (mailer != NULL && bv_text_find_ci (mailer, "Zoho Mail") != NULL) ||
	       bv_text_find_ci (mail->from, "@mail.zoho.") != NULL;
}

/* Builds "CODE text" from the fields after the reply code @code (three
 * digits) and @rest, the server's words, which may start with ", ". */
static void
set_reply (BvRecipient *r, const char *code, const char *rest)
{
	while (*rest == ',' || *rest == ' ' || *rest == ':' || *rest == '-')
		rest++;
	g_autofree char *reply = g_strndup (code, 3);
	g_autofree char *diag = g_strconcat (reply, " ", rest, NULL);
	if (diag[strlen (diag) - 1] == ']')
		diag[strlen (diag) - 1] = '\0';
	bv_scrape_set_diagnostic (r, diag, -1);
	if (bv_reply_valid (reply))
		bv_scrape_set (&r->reply_code, reply);
}

/* The text after the next "ERROR_CODE :" label in @s (also written
 * "ERROR CODE :" or without the space before the colon), or NULL. */
static const char *
error_code (const char *s)
{
	for (const char *p = bv_text_find_ci (s, "ERROR"); p != NULL; p = bv_text_find_ci (p + 5, "ERROR")) {
		const char *q = p + 5;
		if (*q != '_' && *q != ' ')
			continue;
		if (g_ascii_strncasecmp (q + 1, "CODE", 4) != 0)
			continue;
		q += 5;
		while (*q == ' ')
			q++;
		if (*q == ':')
			return q + 1;
	}
	return NULL;
}

/* Reads one recipient line; returns TRUE when @line was one. */
static gboolean
read_line (BvReport *out, const BvLine *line)
{
	g_autofree char *s = bv_line_dup (line);
	const char *rest = NULL;
	g_autofree char *addr = NULL;
	if (g_str_has_prefix (s, "[Status:")) {
		const char *a = strstr (s, "Address:");
		const char *c = strstr (s, "ResponseCode ");
		if (a == NULL || c == NULL)
			return FALSE;
		addr = bv_address_extract (a + strlen ("Address:"));
		c += strlen ("ResponseCode ");
		rest = c + strspn (c, "0123456789");
		if (addr == NULL || rest - c != 3)
			return FALSE;
		BvRecipient *r = bv_scrape_add (out, addr);
		set_reply (r, c, rest);
		return TRUE;
	}
	const char *sp = s + strcspn (s, " ,");
	const char *code = error_code (s);
	if (*sp == '\0' || code == NULL)
		return FALSE;
	addr = g_strndup (s, sp - s);
	if (!bv_address_plausible (addr))
		return FALSE;
	rest = error_code (code);
	if (rest == NULL)
		rest = code + strspn (code, "0123456789");
	BvRecipient *r = bv_scrape_add (out, addr);
	set_reply (r, code, rest);
	return TRUE;
}

static gboolean
zoho_parse (BvMail *mail, BvReport *report)
{
	if (!is_zoho (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	gboolean delayed = bv_text_find_ci (mail->subject, "(Delay)") != NULL;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		if (text->recipients->len > 0 && bv_line_starts (&line, "Received:")) {
			bv_scrape_take_original (mail, line.start);
			break;
		}
		if (read_line (text, &line)) {
			BvRecipient *r = text->recipients->pdata[text->recipients->len - 1];
			bv_scrape_set (&r->action, delayed ? "delayed" : "failed");
		}
	}
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_zoho = { "zoho", zoho_parse };
