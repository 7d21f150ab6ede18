/* lhost-gmail.c: Gmail and Google Workspace bounce and delay notices.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gmail's older notices are plain text from mailer-daemon@googlemail.com:
 * "Delivery to the following recipient failed permanently:" (or "has been
 * delayed:"), the addresses indented, then "Technical details of permanent
 * failure:" with Google's explanation and, when the remote server answered,
 * "The error that the other server returned was: 550 5.1.1 ..." -- often
 * with the reply code doubled and a "(state N)" note that tells which SMTP
 * step failed.  The inline copy follows "----- Original message -----".
 * Newer notices are multipart/report: the delivery-status part is read and
 * completed from "The response from the remote server was:" in the text;
 * without that part, the "** Headline **" and the sentence under it name
 * the recipient. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_gmail (BvMail *mail)
{
	if (bv_text_find_ci (mail->from, "@googlemail.com") == NULL &&
	    bv_text_find_ci (mail->from, "@google.com") == NULL)
		return FALSE;
	/* Google Groups writes from the same daemon address. */
	const char *failed = bv_mail_header (mail, "X-Failed-Recipients");
	if (failed != NULL && bv_text_find_ci (failed, "@googlegroups.com") != NULL)
		return FALSE;
	return bv_text_find_ci (mail->body->str, "Google Groups") == NULL ||
	       bv_text_find_ci (mail->body->str, "Technical details of") != NULL;
}

/* The SMTP step a "(state N)" note stands for, as Gmail numbers them. */
static const char *
command_from_state (const char *text)
{
	const char *s = bv_text_find_ci (text, "(state ");
	if (s == NULL)
		return "";
	int n = atoi (s + 7);
	if (n <= 5)
		return "CONN";
	if (n >= 8 && n <= 9)
		return "EHLO";
	if (n >= 10 && n <= 12)
		return "MAIL";
	if (n >= 13 && n <= 14)
		return "RCPT";
	if (n >= 15 && n <= 18)
		return "DATA";
	return "";
}

/* Sets @r's diagnostic from the technical details @tech: the remote
 * server's reply when Google quotes one (its reply code written once),
 * else Google's own words. */
static void
set_details (BvRecipient *r, const char *tech)
{
	const char *said = bv_text_find_ci (tech, "returned was:");
	const char *diag = tech;
	if (said != NULL) {
		diag = said + strlen ("returned was:");
		while (*diag == ' ')
			diag++;
		/* "554 554 5.7.0 ...": the code is quoted twice. */
		if (strlen (diag) > 8 && g_ascii_isdigit (diag[0]) && strncmp (diag, diag + 4, 3) == 0 &&
		    diag[3] == ' ' && diag[7] == ' ')
			diag += 4;
		/* The server that answered: "... by mx.example.jp. [192.0.2.1]." */
		const char *by = bv_text_find_ci (tech, " by ");
		if (by != NULL && by < said) {
			const char *h = by + 4, *e = h;
			while (*e && *e != ' ' && *e != '[')
				e++;
			g_autofree char *host = g_strndup (h, e - h);
			if (strchr (host, '.') != NULL) {
				if (g_str_has_suffix (host, "."))
					host[strlen (host) - 1] = '\0';
				bv_scrape_set (&r->remote_mta, host);
			}
		}
	}
	bv_scrape_set_diagnostic (r, diag, -1);
	const char *cmd = command_from_state (diag);
	if (*cmd == '\0' && bv_text_find_ci (tech, "did not accept our requests to connect") != NULL)
		cmd = "CONN";
	bv_scrape_set (&r->command, cmd);
}

/* Reads the plain-text notice into @out; returns the number of recipients. */
static guint
read_text (BvMail *mail, BvReport *out)
{
	const char *body = mail->body->str;
	const char *start = bv_scrape_find_line (body, "Delivery to the following recipient");
	if (start == NULL)
		return 0;
	gboolean delayed = bv_text_find_ci (start, "has been delayed") != NULL;
	g_autoptr (GString) tech = g_string_new (NULL);
	gboolean in_tech = FALSE;
	const char *original = NULL;
	g_autofree char *retry = NULL;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, bv_scrape_next_line (start));
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "----- Original message") ||
		    bv_line_starts (&line, "----- Message header follows")) {
			original = it.next;
			break;
		}
		if (bv_line_starts (&line, "Technical details of")) {
			in_tech = TRUE;
			const char *colon = bv_line_find (&line, ":");
			if (colon != NULL)
				g_string_append_len (tech, colon + 1, line.end - colon - 1);
			continue;
		}
		if (bv_line_starts (&line, "Message will be retried") && retry == NULL)
			retry = bv_line_dup (&line);
		if (in_tech) {
			g_string_append_c (tech, ' ');
			g_string_append_len (tech, line.start, line.end - line.start);
			continue;
		}
		g_autofree char *addr = NULL;
		if (bv_line_indented (&line) && (addr = bv_line_address (&line, NULL)) != NULL) {
			BvRecipient *r = bv_scrape_add (out, addr);
			bv_scrape_set (&r->action, delayed ? "delayed" : "failed");
		}
	}
	for (guint i = 0; i < out->recipients->len; i++)
		set_details (out->recipients->pdata[i], tech->len > 0 || retry == NULL ? tech->str : retry);
	if (original != NULL)
		bv_scrape_take_original (mail, original);
	return out->recipients->len;
}

/* The newer notices: the reply quoted after "The response from the remote
 * server was:" (up to the next blank line) completes the DSN part. */
static guint
read_response (BvMail *mail, BvReport *out)
{
	const char *p = bv_text_find_ci (mail->body->str, "The response from the remote server was:");
	if (p == NULL)
		p = bv_text_find_ci (mail->body->str, "The response was:");
	if (p == NULL)
		return 0;
	p = strchr (p, ':') + 1;
	const char *end = strstr (p, "\n\n");
	while (end == p || (end != NULL && end - p < 3 && strspn (p, " \n") == (gsize)(end - p)))
		end = strstr (end + 2, "\n\n");
	BvRecipient *r = bv_scrape_add (out, "");
	bv_scrape_set_diagnostic (r, p, end ? end - p : -1);
	bv_scrape_set (&r->command, bv_scrape_command (r->diagnostic, -1));
	return 1;
}

/* The headline of Gmail's newer notices ("** Address not found **",
 * "** Message blocked **", "** Delivery incomplete **", "** Message not
 * delivered **"): a line that starts and ends with two asterisks. */
static gboolean
headline (const BvLine *line)
{
	const char *p = bv_line_skip_space (line);
	const char *e = line->end;
	while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
		e--;
	return e - p > 6 && strncmp (p, "** ", 3) == 0 && strncmp (e - 3, " **", 3) == 0;
}

/* Whether @line opens as the sentence under the headline of Gmail's newer
 * notices does ("Your message wasn't delivered to", "Your message to a@b
 * has been blocked", "Your message couldn't be delivered to", "There was a
 * temporary problem delivering your message to", "There was a problem
 * delivering your message to"). */
static gboolean
gmail_sentence (const BvLine *line)
{
	static const char *const openings[] = {
		"Your message wasn't delivered to",
		"Your message to ",
		"Your message couldn't be delivered to",
		"There was a temporary problem delivering your message to",
		"There was a problem delivering your message to",
		NULL,
	};
	for (const char *const *o = openings; *o; o++)
		if (bv_line_starts (line, *o))
			return TRUE;
	return FALSE;
}

/* Gmail's newer notices when they come without the delivery-status part
 * (a relay or an archive dropped it): after the headline, the sentence
 * that names the recipient -- "Your message wasn't delivered to a@b
 * because ...", "Your message to a@b has been blocked.", "There was a
 * temporary problem delivering your message to a@b. Gmail will retry for
 * 46 more hours." -- and the reply after "The response from the remote
 * server was:" or "The response was:".  The wording is that of Gmail's
 * notices as public mailing-list archives quote them (qemu-devel, 2023:
 * "** Message blocked **" with "The response from the remote server
 * was:").  The HTML part renders the headline as an h2 heading, without
 * the asterisks the plain part adds; when only that part carries the
 * notice (an empty or stub plain part, mail.c), the sentence is the first
 * line that opens as Gmail's sentences do (gmail_sentence()).  Returns the
 * number of recipients. */
static guint
read_headline (BvMail *mail, BvReport *out)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	gboolean seen = FALSE;
	g_autofree char *sentence = NULL;
	while (bv_lines_next (&it, &line)) {
		if (!seen && gmail_sentence (&line)) {
			sentence = bv_line_dup (&line);
			break;
		}
		if (!seen) {
			seen = headline (&line);
			continue;
		}
		if (bv_line_blank (&line))
			continue;
		sentence = bv_line_dup (&line);
		break;
	}
	if (sentence == NULL)
		return 0;
	g_autofree char *addr = bv_scrape_address (sentence);
	if (addr == NULL)
		return 0;
	gboolean delayed = bv_text_find_ci (sentence, "temporary problem") != NULL ||
	                   bv_text_find_ci (sentence, "will retry") != NULL;
	if (read_response (mail, out) == 0)
		bv_scrape_set_diagnostic (bv_scrape_add (out, ""), sentence, -1);
	BvRecipient *r = out->recipients->pdata[out->recipients->len - 1];
	bv_scrape_set (&r->recipient, addr);
	bv_scrape_set (&r->action, delayed ? "delayed" : "failed");
	return out->recipients->len;
}

static gboolean
gmail_parse (BvMail *mail, BvReport *report)
{
	if (!is_gmail (mail) || bv_scrape_forwarded (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	if (read_text (mail, text) == 0 && mail->dsn->len == 0 && read_headline (mail, text) == 0)
		return FALSE;
	if (mail->dsn->len > 0 && text->recipients->len == 0)
		read_response (mail, text);
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_gmail = { "gmail", gmail_parse };
