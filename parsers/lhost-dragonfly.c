/* lhost-dragonfly.c: the DragonFly Mail Agent (dma).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dma sends one report per recipient: "This is the DragonFly Mail Agent
 * vX at H.", "There was an error delivering your mail to <a@b>.", the
 * error ("mx [ip] did not like our RCPT TO:" and the server's reply, or
 * "DNS lookup failure: ..."), then "Message headers follow." and the
 * original's header block -- or, when dma is set up for full bounces,
 * "Original message follows." and the whole original. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
dragonfly_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *greeting = bv_scrape_find_line (body, "This is the DragonFly Mail Agent");
	if (greeting == NULL)
		return FALSE;
	/* The marker names what follows: the headers, or the whole message
	 * with dma's FULLBOUNCE setting. */
	const char *copy = bv_scrape_find_line (greeting, "Message headers follow");
	if (copy == NULL)
		copy = bv_scrape_find_line (greeting, "Original message follows");
	if ((copy == NULL && !bv_scrape_from_daemon (mail)) || bv_scrape_forwarded (mail))
		return FALSE;
	const char *to = bv_scrape_find_line (greeting, "There was an error delivering your mail to");
	if (to == NULL)
		return FALSE;
	const char *eol = strchr (to, '\n');
	g_autofree char *line = eol ? g_strndup (to, eol - to) : g_strdup (to);
	g_autofree char *addr = bv_address_extract (line);
	if (addr == NULL)
		return FALSE;
	/* The error is everything between that line and the copy. */
	const char *from = bv_scrape_next_line (to);
	const char *until = copy ? copy : from + strlen (from);
	BvRecipient *r = bv_scrape_add (report, addr);
	bv_scrape_set_diagnostic (r, from, until - from);
	bv_scrape_set (&r->command, bv_scrape_command (r->diagnostic, -1));
	/* "mx.example.jp [192.0.2.1] did not like our RCPT TO:" */
	const char *dnl = bv_text_find_ci (r->diagnostic, " did not like our ");
	const char *sp = strchr (r->diagnostic, ' ');
	if (dnl != NULL && sp != NULL && sp <= dnl) {
		g_free (r->remote_mta);
		r->remote_mta = g_strndup (r->diagnostic, sp - r->diagnostic);
	}
	bv_scrape_set (&r->action, "failed");
	if (copy != NULL)
		bv_scrape_take_original (mail, bv_scrape_next_line (copy));
	return TRUE;
}

const BvLhost bv_lhost_dragonfly = { "dragonfly", dragonfly_parse };
