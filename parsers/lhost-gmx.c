/* lhost-gmx.c: GMX and mail.com reports (United Internet's "Nemesis").
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Nemesis servers of GMX, mail.com, WEB.DE and 1&1 write an Exim-like
 * text: "The following address(es) failed:", then per recipient the
 * address ("\"a@b\":", "a@b:" or "<a@b>") and the reason lines -- "SMTP
 * error from remote server after RCPT command:", "host: H", the reply; or
 * "Reason:" and a local explanation -- up to "--- The header of the
 * original message is following. ---".  lhost-einsundeins.c recognises
 * 1&1's own copies and reads them with this parser. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static const char *const nemesis_stop = "--- The header of the original message is following";

/* An address standing alone: quoted, bracketed and/or followed by ':'. */
static char *
address_alone (const BvLine *line)
{
	g_autofree char *s = bv_line_dup (line);
	gsize n = strlen (s);
	if (n > 0 && s[n - 1] == ':')
		s[--n] = '\0';
	if (strchr (s, ' ') != NULL || strchr (s, '@') == NULL)
		return NULL;
	g_strdelimit (s, "\"", ' ');
	g_strstrip (s);
	char *a = bv_address_extract (s);
	if (a != NULL && !bv_address_plausible (a))
		g_clear_pointer (&a, g_free);
	return a;
}

/* Nemesis names the command in its own words. */
static const char *
nemesis_command (const char *diag)
{
	static const struct {
		const char *phrase;
		const char *command;
	} phrases[] = {
		{ "after RCPT command", "RCPT" }, { "after MAIL command", "MAIL" },
		{ "after DATA command", "DATA" }, { "for TEXT command", "DATA" },
		{ "after TEXT command", "DATA" }, { "for RCPT command", "RCPT" },
		{ "for MAIL command", "MAIL" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (phrases); i++)
		if (bv_text_find_ci (diag, phrases[i].phrase) != NULL)
			return phrases[i].command;
	return bv_scrape_command (diag, -1);
}

static gboolean
gmx_parse (BvMail *mail, BvReport *report)
{
	if (!bv_scrape_from_daemon (mail))
		return FALSE;
	const char *body = mail->body->str;
	const char *stop = bv_scrape_find_line (body, nemesis_stop);
	const char *start = bv_text_find_ci (body, "The following address");
	if (stop == NULL || start == NULL || start > stop)
		return FALSE;
	/* "The following address(es)\nfailed:": the list starts after "failed:". */
	const char *failed = bv_text_find_ci (start, "failed:");
	if (failed != NULL && failed < stop)
		start = failed;
	g_autoptr (BvReport) text = bv_report_new ();
	BvGrowing g;
	bv_growing_init (&g, text);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, bv_scrape_next_line (start));
	while (bv_lines_next (&it, &line) && line.start < stop) {
		g_autofree char *addr = address_alone (&line);
		if (addr != NULL) {
			bv_scrape_set (&bv_growing_open (&g, addr)->action, "failed");
			continue;
		}
		if (bv_line_starts (&line, nemesis_stop)) {
			bv_growing_close (&g);
			continue;
		}
		if (!bv_line_blank (&line))
			bv_growing_add (&g, line.start, line.end - line.start);
	}
	bv_growing_clear (&g);
	/* The command is named in the diagnostic's own words. */
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		bv_scrape_set (&r->command, nemesis_command (r->diagnostic));
	}
	bv_scrape_take_original (mail, bv_scrape_next_line (stop));
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_gmx = { "gmx", gmx_parse };
