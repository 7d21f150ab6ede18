/* lhost-hmailserver.c: non-delivery messages of hMailServer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hMailServer sends "Message undeliverable: <subject>" from
 * mailer-daemon@<host>, in plain text.  The body is its server message
 * SEND_FAILED_NOTIFICATION (the hm_servermessages rows of its database
 * scripts): "Your message did not reach some or all of the intended
 * recipients.", the original's date and subject, "The following
 * recipient(s) could not be reached:", the recipients, and a last line
 * "hMailServer".  Each recipient is its address alone on a line, then the
 * indented lines SMTPClientConnection.cpp writes:
 *
 *     bob@example.net
 *        Error Type: SMTP
 *        Remote server (192.0.2.25) issued an error.
 *        hMailServer sent: RCPT TO:<bob@example.net>
 *        Remote server replied: 550 5.1.1 <bob@example.net>: ...
 *
 * or, when no connection was made, "Connection to recipients server
 * failed." and "Error: <reason>".  Exchange 5.5 to 2003 share the opening
 * sentence, so the parser asks for hMailServer's own lines. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The value after "@label" on @line (leading white space skipped), a new
 * string; NULL when the line is not that label's. */
static char *
label_value (const BvLine *line, const char *label)
{
	if (!bv_line_starts (line, label))
		return NULL;
	const char *p = bv_line_skip_space (line) + strlen (label);
	while (p < line->end && (*p == ' ' || *p == '\t'))
		p++;
	return g_strndup (p, line->end - p);
}

static gboolean
is_hmailserver (BvMail *mail)
{
	const char *body = mail->body->str;
	if (bv_scrape_find_line (body, "hMailServer sent:") != NULL)
		return TRUE;
	/* Before any SMTP exchange: the notice's own sentences and the
	 * signature line the default template ends with. */
	return bv_text_find_ci (body, "did not reach some or all of the intended recipients") != NULL &&
	       bv_scrape_find_line (body, "Error Type:") != NULL &&
	       bv_scrape_find_line (body, "hMailServer") != NULL;
}

/* The SMTP command of the exchange that failed, from what follows
 * "hMailServer sent:": SMTPClientConnection.cpp logs there the last thing
 * it wrote (last_sent_data_, set in EnqueueWrite_()), a whole command line
 * ("MAIL FROM:<a@b>", "RCPT TO:<a@b>", "DATA", "EHLO host", "HELO host")
 * or, after the message's data, the "\r\n." that ends it, trimmed to a
 * lone "." (RFC 5321 section 4.1.1.4: the reply to the end of the data is
 * the DATA command's final reply).  "STARTTLS", "AUTH LOGIN", the base64
 * user name and "<Password removed>" are none of the commands README's
 * command column names, and leave it empty. */
static void
set_command (BvRecipient *r, const char *sent)
{
	static const struct {
		const char *sent;
		const char *command;
	} commands[] = {
		{ "MAIL FROM:", "MAIL" }, { "RCPT TO:", "RCPT" }, { "DATA", "DATA" },
		{ "EHLO", "EHLO" },       { "HELO", "HELO" },
	};
	g_autofree char *s = g_strstrip (g_strdup (sent));
	if (strcmp (s, ".") == 0) {
		bv_scrape_set (&r->command, "DATA");
		return;
	}
	for (gsize i = 0; i < G_N_ELEMENTS (commands); i++) {
		gsize n = strlen (commands[i].sent);
		if (g_ascii_strncasecmp (s, commands[i].sent, n) == 0 &&
		    (s[n] == '\0' || s[n] == ' ' || commands[i].sent[n - 1] == ':')) {
			bv_scrape_set (&r->command, commands[i].command);
			return;
		}
	}
}

static gboolean
hmailserver_parse (BvMail *mail, BvReport *report)
{
	if (!is_hmailserver (mail) || bv_scrape_forwarded (mail))
		return FALSE;
	const char *start = bv_scrape_find_line (mail->body->str, "The following recipient");
	if (start == NULL)
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	BvRecipient *cur = NULL;
	g_autoptr (GString) block = g_string_new (NULL);
	g_autofree char *reply = NULL;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, bv_scrape_next_line (start));
	for (gboolean more = TRUE; more;) {
		more = bv_lines_next (&it, &line);
		g_autofree char *addr =
		        more && !bv_line_indented (&line) ? bv_line_address (&line, NULL) : NULL;
		gboolean last =
		        !more || addr != NULL || (!bv_line_indented (&line) && !bv_line_blank (&line));
		if (last && cur != NULL) {
			/* The remote server's reply says the most; else the whole
			 * entry ("Connection to recipients server failed. Error:
			 * ..."). */
			bv_scrape_set_diagnostic (cur, reply ? reply : block->str, -1);
			bv_scrape_set (&cur->action, "failed");
			cur = NULL;
			g_string_truncate (block, 0);
			g_clear_pointer (&reply, g_free);
		}
		if (addr != NULL) {
			cur = bv_scrape_add (text, addr);
			continue;
		}
		if (cur == NULL || bv_line_blank (&line))
			continue;
		g_autofree char *v = NULL;
		if ((v = label_value (&line, "Remote server replied:")) != NULL) {
			/* An entry that lists a second exchange: the last reply
			 * is the answer to the last command sent. */
			g_free (reply);
			reply = g_steal_pointer (&v);
			bv_scrape_set (&cur->diagnostic_type, "smtp");
		} else if ((v = label_value (&line, "hMailServer sent:")) != NULL) {
			set_command (cur, v);
		} else if ((v = label_value (&line, "Remote server (")) != NULL) {
			const char *close = strchr (v, ')');
			if (close != NULL) {
				g_autofree char *host = g_strndup (v, close - v);
				bv_scrape_set (&cur->remote_mta, host);
			}
		}
		if (bv_line_starts (&line, "Error Type:"))
			continue;
		if (block->len > 0)
			g_string_append_c (block, ' ');
		g_string_append_len (block, bv_line_skip_space (&line),
		                     line.end - bv_line_skip_space (&line));
	}
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_hmailserver = { "hmailserver", hmailserver_parse };
