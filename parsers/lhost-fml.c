/* lhost-fml.c: error notices of the fml mailing-list manager.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fml answers from the list's "-admin" address with an X-MLServer: fml
 * header.  The notice is a few sentences naming an address in angle
 * brackets at the end of a line ("You are not a member of this mailing
 * list <list@example.org>.", "Duplicated Message-ID in <list@...>."),
 * then "Original mail as follows:" and the original, indented. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_fml (BvMail *mail)
{
	const char *server = bv_mail_header (mail, "X-MLServer");
	if (server == NULL || bv_text_find_ci (server, "fml") == NULL)
		return FALSE;
	const char *mid = bv_mail_header (mail, "Message-ID");
	return bv_text_find_ci (mail->from, "-admin@") != NULL ||
	       (mid != NULL && bv_text_find_ci (mid, ".FML") != NULL);
}

/* The address of "... <addr>." at the end of a line, or NULL. */
static char *
trailing_address (const BvLine *line)
{
	const char *e = line->end;
	while (e > line->start && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == '\t'))
		e--;
	if (e - line->start < 4 || e[-1] != '.' || e[-2] != '>')
		return NULL;
	const char *lt = e - 2;
	while (lt > line->start && *lt != '<' && *lt != ' ')
		lt--;
	if (*lt != '<')
		return NULL;
	g_autofree char *raw = g_strndup (lt + 1, e - 2 - lt - 1);
	return bv_address_plausible (raw) ? bv_address_extract (raw) : NULL;
}

/* Copies the indented original into @mail->original without its indent. */
static void
take_indented_original (BvMail *mail, const char *start)
{
	if (mail->original->len > 0)
		return;
	g_autoptr (GString) plain = g_string_new (NULL);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	while (bv_lines_next (&it, &line)) {
		const char *p = line.start;
		/* The indent fml adds is three spaces; deeper ones fold. */
		for (int k = 0; k < 3 && p < line.end && *p == ' '; k++)
			p++;
		g_string_append_len (plain, p, line.end - p);
		g_string_append_c (plain, '\n');
	}
	const char *from_line = plain->str;
	while (*from_line == '\n')
		from_line++;
	/* Skip an mbox "From " line: it is no header. */
	if (g_str_has_prefix (from_line, "From "))
		from_line = bv_scrape_next_line (from_line);
	bv_scrape_take_original (mail, from_line);
}

static gboolean
fml_parse (BvMail *mail, BvReport *report)
{
	if (!is_fml (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (GString) notice = g_string_new (NULL);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "Original mail as follows")) {
			take_indented_original (mail, it.next);
			break;
		}
		g_autofree char *addr = trailing_address (&line);
		if (addr != NULL && bv_scrape_find_recipient (text, 0, addr) == NULL)
			bv_scrape_add (text, addr);
		g_string_append_len (notice, line.start, line.end - line.start);
		g_string_append_c (notice, ' ');
	}
	for (guint i = 0; i < text->recipients->len; i++)
		bv_scrape_set_diagnostic (text->recipients->pdata[i], notice->str, notice->len);
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_fml = { "fml", fml_parse };
