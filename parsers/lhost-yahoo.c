/* lhost-yahoo.c: Yahoo! Mail "Failure Notice" reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Yahoo's outbound servers (which carry X-YMailISG, or at least write from
 * MAILER-DAEMON at a Yahoo domain) answer with a qmail-like
 * text: "Sorry, we were unable to deliver your message to the following
 * address.", then "<addr>:" and the reason -- "Remote host said: 550 5.2.2
 * ... [RCPT_TO]", "550: <addr>: User unknown" or Yahoo's own words -- and
 * "--- Below this line is a copy of the message." before the inline copy.
 * The bracketed tag at the end names the SMTP command that failed. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static const struct {
	const char *tag;
	const char *command;
} yahoo_tags[] = {
	{ "[RCPT_TO]", "RCPT" }, { "[MAIL_FROM]", "MAIL" }, { "[DATA]", "DATA" },
	{ "[EHLO]", "EHLO" },    { "[HELO]", "HELO" },      { "[CONNECT]", "CONN" },
};

/* Reply codes written "550:" are missed by the general finder. */
static void
fill_reply (BvRecipient *r)
{
	const char *d = r->diagnostic;
	if (r->reply_code[0] != '\0' || strlen (d) < 4)
		return;
	if ((d[0] == '4' || d[0] == '5') && g_ascii_isdigit (d[1]) && g_ascii_isdigit (d[2]) && d[3] == ':') {
		g_autofree char *code = g_strndup (d, 3);
		bv_scrape_set (&r->reply_code, code);
	}
}

/* Yahoo's outbound servers stamp X-YMailISG; newer reports lack it but
 * still come from the daemon of one of Yahoo's own domains. */
static gboolean
is_yahoo (BvMail *mail)
{
	if (bv_mail_header (mail, "X-YMailISG") != NULL)
		return TRUE;
	static const char *const domains[] = { "@yahoo.", "@ymail.com", "@rocketmail.com", NULL };
	return bv_scrape_from_provider (mail, "mailer-daemon", domains);
}

static gboolean
yahoo_parse (BvMail *mail, BvReport *report)
{
	if (!is_yahoo (mail))
		return FALSE;
	const char *body = mail->body->str;
	const char *start = bv_scrape_find_line (body, "Sorry, we were unable to deliver your message");
	if (start == NULL)
		return FALSE;
	static const char *const stops[] = { "--- Below this line is a copy of the message", NULL };
	const char *end = NULL;
	g_autoptr (BvReport) text = bv_report_new ();
	bv_scrape_blocks (text, bv_scrape_next_line (start), stops, BV_BLOCKS_ANGLE, &end);
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		for (gsize k = 0; k < G_N_ELEMENTS (yahoo_tags); k++)
			if (strstr (r->diagnostic, yahoo_tags[k].tag) != NULL)
				bv_scrape_set (&r->command, yahoo_tags[k].command);
		/* "Remote host said:" is Yahoo's lead-in, not the server's. */
		const char *said = bv_text_find_ci (r->diagnostic, "Remote host said:");
		if (said != NULL) {
			g_autofree char *rest = g_strdup (said + strlen ("Remote host said:"));
			bv_scrape_set_diagnostic (r, rest, -1);
		}
		fill_reply (r);
		bv_scrape_set (&r->action, "failed");
	}
	if (end != NULL && *end != '\0')
		bv_scrape_take_original (mail, bv_scrape_next_line (end));
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_yahoo = { "yahoo", yahoo_parse };
