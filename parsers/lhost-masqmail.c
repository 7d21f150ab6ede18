/* lhost-masqmail.c: masqmail's failure and delay notices.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * masqmail writes both notices from a template (src/fail_msg.c fail_msg(),
 * which warn_msg() calls with the warning's template): tpl/failmsg.tpl and
 * tpl/warnmsg.tpl, and their German, French and Italian translations.
 * Every one of them says in English who wrote it ("This message was sent
 * to you by the mailer daemon (masqmail 0.3.6) at host.", the translations
 * keep it as a gloss in parentheses or an English section), lists the
 * recipients one a line as "\t<address>" (fail_msg.c, "@failed_rcpts"),
 * and then prints ${err_msg} after the sentence "This error message may
 * give you a hint about what caused the failure:" (or "... the delay:" in
 * the warning).  For a refused command err_msg is built by
 * smtp_out_log_failure() (src/smtp_out.c):
 *
 *     Unexpected response while connected to
 *     mx.example.net:
 *     	550 5.1.1 <bob@example.net>: Recipient address rejected: ...
 *
 * and for a lost connection "Connection timed out while connected to\n
 * host." (also "Connection terminated prematurely", "Message size exceeds
 * limit").  The server's reply, not the template's sentence, is the
 * diagnostic, and the host before it the remote MTA.  The warning says
 * "Delivery to the following recipients has been deferred:" (every
 * translation keeps the English). */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/reconcile.h"
#include "parsers/reply.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

#define CONNECTED " while connected to"

static gboolean
is_masqmail (BvMail *mail, const char *body)
{
	if (bv_text_find_ci (body, "sent to you by the mailer daemon") == NULL)
		return FALSE;
	/* ${package} is "masqmail": in the sentence above, and in the
	 * Received line masqmail writes for a message it makes itself. */
	const char *received = bv_mail_header (mail, "Received");
	return bv_text_find_ci (body, "masqmail ") != NULL ||
	       (received != NULL && bv_text_find_ci (received, "(masqmail ") != NULL);
}

/* Whether @line is the end of the sentence before ${err_msg}: "failure:"
 * or "delay:", also as the end of a parenthesised gloss ("failure:)"). */
static gboolean
ends_hint (const BvLine *line)
{
	g_autofree char *l = g_strndup (line->start, line->end - line->start);
	g_strstrip (l);
	return g_str_has_suffix (l, "failure:") || g_str_has_suffix (l, "failure:)") ||
	       g_str_has_suffix (l, "delay:") || g_str_has_suffix (l, "delay:)");
}

/* The recipient a line "\t<address>" lists (fail_msg.c), or NULL. */
static char *
listed_address (const BvLine *line)
{
	if (!bv_line_indented (line))
		return NULL;
	const char *p = bv_line_skip_space (line);
	const char *e = line->end;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e - p < 3 || *p != '<' || e[-1] != '>' || memchr (p, '@', e - p) == NULL)
		return NULL;
	g_autofree char *a = g_strndup (p, e - p);
	return bv_address_extract (a);
}

/* Reads ${err_msg} from @start (the line after the hint sentence): its
 * first paragraph.  Sets *@host to the host of smtp_out_log_failure()'s
 * "... while connected to\nhost:" (new string, or NULL) and returns the
 * diagnostic (new string): the server's reply after the host, else the
 * whole paragraph. */
static char *
read_err_msg (const char *start, char **host)
{
	GString *para = g_string_new (NULL);
	GString *reply = g_string_new (NULL);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	enum { BEFORE, FIRST, HOST, REPLY } state = BEFORE;
	*host = NULL;
	while (bv_lines_next (&it, &line)) {
		if (bv_line_blank (&line)) {
			if (state == BEFORE)
				continue;
			break;
		}
		const char *p = bv_line_skip_space (&line);
		gsize n = line.end - p;
		if (para->len > 0)
			g_string_append_c (para, '\n');
		g_string_append_len (para, p, n);
		if (state == BEFORE || state == FIRST) {
			state = FIRST;
			if (n >= strlen (CONNECTED) &&
			    g_ascii_strncasecmp (line.end - strlen (CONNECTED), CONNECTED,
			                         strlen (CONNECTED)) == 0)
				state = HOST;
		} else if (state == HOST) {
			/* "host:" then the reply, "host." for a connection
			 * that was lost; " (via wrapper)" when a wrapper
			 * made the connection. */
			gsize h = strcspn (p, " :");
			if (h > n)
				h = n;
			if (h > 0 && p[h - 1] == '.')
				h--;
			if (h > 0) {
				g_free (*host);
				*host = g_ascii_strdown (p, h);
			}
			state = n > 0 && p[n - 1] == ':' ? REPLY : FIRST;
		} else {
			if (reply->len > 0)
				g_string_append_c (reply, '\n');
			g_string_append_len (reply, p, n);
		}
	}
	g_autofree char *whole = g_string_free (para, FALSE);
	g_autofree char *r = g_string_free (reply, FALSE);
	return bv_reply_join (r[0] != '\0' ? r : whole, -1);
}

static gboolean
masqmail_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	if (!is_masqmail (mail, body) || bv_scrape_forwarded (mail))
		return FALSE;
	gboolean deferred = bv_text_find_ci (body, "recipients has been deferred") != NULL ||
	                    g_str_has_prefix (mail->subject, "Warning: could not yet send message");
	g_autoptr (BvReport) text = bv_report_new ();
	g_autofree char *diag = NULL;
	g_autofree char *host = NULL;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, body);
	/* The list comes before ${err_msg}; the French warning repeats both
	 * in its English section, so a listed address counts once and the
	 * first ${err_msg} is read. */
	while (bv_lines_next (&it, &line)) {
		if (ends_hint (&line)) {
			diag = read_err_msg (it.next, &host);
			break;
		}
		g_autofree char *addr = listed_address (&line);
		if (addr == NULL)
			continue;
		gboolean seen = FALSE;
		for (guint i = 0; i < text->recipients->len && !seen; i++)
			seen = g_ascii_strcasecmp (((BvRecipient *)text->recipients->pdata[i])->recipient,
			                           addr) == 0;
		if (!seen)
			bv_scrape_add (text, addr);
	}
	if (text->recipients->len == 0)
		return FALSE;
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		bv_scrape_set (&r->action, deferred ? "delayed" : "failed");
		if (diag != NULL)
			bv_scrape_set_diagnostic (r, diag, -1);
		if (host != NULL)
			bv_scrape_set (&r->remote_mta, host);
	}
	/* fail_msg() sends from MAILER-DAEMON@${host_name}, the host that
	 * writes the notice. */
	g_autofree char *from = bv_address_extract (mail->from);
	const char *at = from != NULL ? strrchr (from, '@') : NULL;
	guint before = report->recipients->len;
	bv_scrape_merge (mail, report, text);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		if (at != NULL && at[1] != '\0' && r->reporting_mta[0] == '\0')
			bv_scrape_set (&r->reporting_mta, at + 1);
		bv_scrape_smtp_type (r);
		bv_scrape_better_status (r);
	}
	return report->recipients->len > before;
}

const BvLhost bv_lhost_masqmail = { "masqmail", masqmail_parse };
