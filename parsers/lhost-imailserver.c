/* lhost-imailserver.c: non-delivery reports of Ipswitch IMail Server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IMail (its SMTP service identifies as "SMTP32") sends "Undeliverable
 * Mail" from Postmaster.  Each failure is one line, "<reason>: addr"
 * ("Unknown user: a@b", "Unknown host: b") or "undeliverable to a@b",
 * optionally followed by "Body of message generated response:" and the
 * remote server's reply; "Original message follows." introduces the
 * original inline. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_imailserver (BvMail *mail)
{
	const char *xm = bv_mail_header (mail, "X-Mailer");
	if (xm == NULL || bv_text_find_ci (xm, "SMTP32") == NULL)
		return FALSE;
	return bv_text_find_ci (mail->subject, "Undeliverable Mail") != NULL;
}

/* Reads "<reason of two or more words>: addr" or "undeliverable to addr".
 * Returns the address and sets *reason_end where the reason stops. */
static char *
failure_line (const BvLine *line, const char **reason_end)
{
	const char *p = bv_line_skip_space (line);
	const char *e = line->end;
	while (e > p && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == '\t'))
		e--;
	const char *b = e;
	while (b > p && b[-1] != ' ' && b[-1] != '\t' && b[-1] != ':')
		b--;
	if (b == p)
		return NULL;
	g_autofree char *raw = g_strndup (b, e - b);
	if (!bv_address_plausible (raw))
		return NULL;
	const char *r = b;
	while (r > p && (r[-1] == ' ' || r[-1] == '\t'))
		r--;
	if (r > p && r[-1] == ':') {
		/* A reason, not a header such as "To:" or "Cc:". */
		if (memchr (p, ' ', r - 1 - p) == NULL)
			return NULL;
		*reason_end = r - 1;
	} else if (r - p >= 16 && g_ascii_strncasecmp (r - 16, "undeliverable to", 16) == 0) {
		*reason_end = r;
	} else {
		return NULL;
	}
	return bv_address_extract (raw);
}

static gboolean
imailserver_parse (BvMail *mail, BvReport *report)
{
	if (!is_imailserver (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (GString) response = g_string_new (NULL);
	BvRecipient *cur = NULL;
	gboolean in_response = FALSE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "Original message follows")) {
			bv_scrape_take_original (mail, it.next);
			break;
		}
		if (bv_line_starts (&line, "Body of message generated response")) {
			in_response = cur != NULL;
			continue;
		}
		if (in_response) {
			if (bv_line_blank (&line) && response->len > 0) {
				bv_scrape_set_diagnostic (cur, response->str, response->len);
				g_string_truncate (response, 0);
				in_response = FALSE;
			} else {
				g_string_append_len (response, line.start, line.end - line.start);
				g_string_append_c (response, '\n');
			}
			continue;
		}
		const char *reason_end = NULL;
		g_autofree char *addr = failure_line (&line, &reason_end);
		if (addr == NULL)
			continue;
		cur = bv_scrape_add (text, addr);
		const char *p = bv_line_skip_space (&line);
		bv_scrape_set_diagnostic (cur, p, reason_end - p);
	}
	if (in_response && response->len > 0)
		bv_scrape_set_diagnostic (cur, response->str, response->len);
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_imailserver = { "imailserver", imailserver_parse };
