/* lhost-exchange2007.c: Microsoft Exchange Server 2007 and later reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exchange 2007 and later (and Exchange Online, see lhost-office365.c)
 * write a friendly text for people, then "Diagnostic information for
 * administrators:" with "Generating server: H", optionally "Receiving
 * server: H", and per recipient the address alone on a line followed by
 * the server's reply: "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##"
 * (2007), "Remote Server returned '550 5.1.1 ...'" (2010 and later) or
 * "DATE - Remote Server at H (ip) returned '...'".  "Original message
 * headers:" ends the section.  A delivery-status part usually comes too;
 * the text is read to complete it.  The section titles are translated with
 * the server's language (Exchange writes the NDR in the language of the
 * recipient's organisation or of the sender); the server's reply under each
 * recipient is not.  So a section whose title is in none of the lists below
 * is still found by its shape (see find_section_by_shape()), its fields by
 * their order and its end by the next heading. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The titles Microsoft's support article "Failed delivery messages from the
 * postmaster at outlook.com, microsoft.com, or service.microsoft.com"
 * (support.microsoft.com, article eb34d15e-1251-4802-995d-78917ecb1de6)
 * tells readers to look for, in its de-de, fr-fr, es-es, it-it and ja-jp
 * versions (the Dutch and Chinese rows are older and name no page).  A
 * title in another language is found by the section's shape instead. */
static const char *const diag_titles[] = {
	"Diagnostic information for administrators",
	"Diagnoseinformationen f\xc3\xbcr Administratoren",
	"Informations de diagnostic pour les administrateurs",
	"Informaci\xc3\xb3n de diagn\xc3\xb3stico para administradores",
	"Informazioni di diagnostica per gli amministratori",
	"Diagnostische informatie voor beheerders",
	"\xe7\xae\xa1\xe7\x90\x86\xe8\x80\x85\xe5\x90\x91\xe3\x81\x91\xe3\x81\xae\xe8\xa8\xba\xe6\x96"
	"\xad\xe6\x83\x85\xe5\xa0\xb1", /* 管理者向けの診断情報 */
	"\xe7\xae\xa1\xe7\x90\x86\xe5\x91\x98\xe7\x9a\x84\xe8\xaf\x8a\xe6\x96\xad\xe4\xbf\xa1\xe6\x81"
	"\xaf", /* 管理员的诊断信息 */
	NULL,
};

static const char *const diag_stops[] = {
	"Original message headers",
	"Urspr\xc3\xbcngliche Nachrichtenkopfzeilen",
	"En-t\xc3\xaates du message d'origine",
	"Encabezados del mensaje original",
	"Intestazioni originali del messaggio",
	"Oorspronkelijke berichtkoppen",
	"\xe5\x85\x83\xe3\x81\xae\xe3\x83\xa1\xe3\x83\x83\xe3\x82\xbb\xe3\x83\xbc\xe3\x82\xb8 "
	"\xe3\x83\x98\xe3\x83\x83\xe3\x83\x80\xe3\x83\xbc", /* 元のメッセージ ヘッダー */
	"\xe5\x8e\x9f\xe5\xa7\x8b\xe9\x82\xae\xe4\xbb\xb6\xe6\xa0\x87\xe5\xa4\xb4", /* 原始邮件标头 */
	NULL,
};

/* The line that opens the administrators' section, or NULL.  One pass
 * over the lines: this runs for every message the parsers see. */
static const char *
find_section (const char *body)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, body);
	while (bv_lines_next (&it, &line)) {
		const char *p = bv_line_skip_space (&line);
		if (p == line.end)
			continue;
		for (const char *const *t = diag_titles; *t; t++) {
			gsize n = strlen (*t);
			if (g_ascii_tolower (*p) == g_ascii_tolower (**t) && (gsize)(line.end - p) >= n &&
			    g_ascii_strncasecmp (p, *t, n) == 0)
				return line.start;
		}
	}
	return NULL;
}

/* The line before the one starting at @start in @text, or FALSE at the
 * start of @text. */
static gboolean
prev_line (const char *text, const char *start, BvLine *line)
{
	if (start <= text)
		return FALSE;
	const char *end = start - 1; /* its newline */
	const char *b = end;
	while (b > text && b[-1] != '\n')
		b--;
	line->start = b;
	line->end = end;
	return TRUE;
}

/* The server's reply under a recipient, as every Exchange writes it
 * whatever the language of the section: "Remote Server returned '...'",
 * "Remote Server at H (ip) returned '...'" (2010 and later) or Exchange
 * 2007's "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##". */
static gboolean
reply_line (const BvLine *line)
{
	/* This runs on every line of every report that reaches this parser:
	 * the first byte rules out nearly all of them before any compare. */
	const char *p = bv_line_skip_space (line);
	if (p < line->end && (*p == 'R' || *p == 'r'))
		return bv_line_starts (line, "Remote Server returned '") ||
		       bv_line_starts (line, "Remote Server at ");
	return line->end - p >= 5 && p[0] == '#' && (p[1] == '4' || p[1] == '5') && g_ascii_isdigit (p[2]) &&
	       g_ascii_isdigit (p[3]) && p[4] == ' ' && bv_line_find (line, "##") != NULL;
}

/* Whether @line holds an address and nothing else, as Exchange writes each
 * recipient of the section. */
static gboolean
address_line (const BvLine *line)
{
	const char *rest = NULL;
	g_autofree char *addr = bv_line_address (line, &rest);
	if (addr == NULL)
		return FALSE;
	BvLine tail = { rest, line->end };
	return bv_line_blank (&tail);
}

/* Whether @line reads like a section heading: a short text without an
 * address that ends in a colon (French puts a no-break space before it;
 * Chinese and Japanese may write the full-width colon). */
static gboolean
heading_line (const BvLine *line)
{
	const char *p = bv_line_skip_space (line);
	const char *e = line->end;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (e - p < 4 || e - p > 120 || memchr (p, '@', e - p) != NULL)
		return FALSE;
	return e[-1] == ':' || (e - p >= 3 && memcmp (e - 3, "\xef\xbc\x9a", 3) == 0);
}

/* Where the value of a "Label: value" line starts, when the value is a host
 * name (what the section's "Generating server:" and "Receiving server:"
 * lines hold, whatever the language of the label), or NULL. */
static const char *
host_field (const BvLine *line)
{
	const char *p = bv_line_skip_space (line);
	const char *colon = NULL;
	for (const char *q = p; q < line->end && colon == NULL; q++)
		if (*q == ':')
			colon = q + 1;
		else if (line->end - q >= 3 && memcmp (q, "\xef\xbc\x9a", 3) == 0)
			colon = q + 3;
	if (colon == NULL || colon - p < 3 || memchr (p, '@', colon - p) != NULL)
		return NULL;
	const char *v = colon;
	while (v < line->end && (*v == ' ' || *v == '\t'))
		v++;
	const char *e = v;
	gboolean dot = FALSE;
	while (e < line->end && (g_ascii_isalnum (*e) || *e == '-' || *e == '.')) {
		dot |= *e == '.';
		e++;
	}
	if (!dot || e == v || (e < line->end && *e != ' ' && *e != '\r'))
		return NULL;
	return v;
}

/* The section found by its shape when its title is in no list: a reply line
 * (reply_line()) right under an address line, above which stand only blank
 * lines and at most a few host fields up to a heading (heading_line()).
 * Returns the heading's line, or NULL. */
static const char *
find_section_by_shape (const char *body)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, body);
	while (bv_lines_next (&it, &line)) {
		if (!reply_line (&line))
			continue;
		BvLine addr;
		if (!prev_line (body, line.start, &addr) || !address_line (&addr))
			continue;
		BvLine up = addr;
		guint fields = 0;
		while (prev_line (body, up.start, &up)) {
			if (bv_line_blank (&up))
				continue;
			if (host_field (&up) != NULL && ++fields <= 3)
				continue;
			if (heading_line (&up))
				return up.start;
			break;
		}
	}
	return NULL;
}

/* The value of a "Title: value" line of the diagnostic section, or NULL. */
static char *
section_field (const char *section, const char *title)
{
	const char *p = bv_scrape_find_line (section, title);
	if (p == NULL)
		return NULL;
	p = strchr (p, ':');
	if (p == NULL)
		return NULL;
	const char *end = strchr (p, '\n');
	g_autofree char *v = bv_text_normalise (p + 1, end ? end - p - 1 : -1);
	/* "mx.example.jp (192.0.2.1)": the name is enough. */
	char *sp = strchr (v, ' ');
	if (sp != NULL)
		*sp = '\0';
	return v[0] ? g_strdup (v) : NULL;
}

/* Cleans a diagnostic block: the reply inside "Remote Server [at H]
 * returned '...'" (the first of several attempts), or the text between
 * Exchange 2007's '#' and '##' marks. */
static void
clean_block (BvRecipient *r)
{
	const char *d = r->diagnostic;
	const char *ret = bv_text_find_ci (d, "returned '");
	if (ret != NULL) {
		const char *at = bv_text_find_ci (d, "Remote Server at ");
		if (at != NULL && at < ret) {
			const char *h = at + strlen ("Remote Server at ");
			const char *e = h;
			while (*e && *e != ' ')
				e++;
			g_autofree char *host = g_strndup (h, e - h);
			bv_scrape_set (&r->remote_mta, host);
		}
		const char *v = ret + strlen ("returned '");
		const char *q = strstr (v, "' ");
		if (q == NULL)
			q = strrchr (v, '\'');
		g_autofree char *reply = q ? g_strndup (v, q - v) : g_strdup (v);
		bv_scrape_set (&r->status, "");
		bv_scrape_set (&r->reply_code, "");
		bv_scrape_set_diagnostic (r, reply, -1);
		return;
	}
	if (d[0] == '#') {
		g_autofree char *t = g_strdup (d + 1);
		char *end = strstr (t, "##");
		if (end != NULL)
			*end = '\0';
		bv_scrape_set (&r->reply_code, "");
		bv_scrape_set_diagnostic (r, t, -1);
	}
}

/* The host of the @n-th (from 0) host field between the section's title
 * and its first recipient, or NULL: Exchange writes "Generating server:"
 * first and "Receiving server:" after it, in every language. */
static char *
nth_host_field (const char *section, guint n)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, bv_scrape_next_line (section));
	while (bv_lines_next (&it, &line)) {
		if (address_line (&line))
			return NULL;
		const char *v = host_field (&line);
		if (v == NULL || n-- > 0)
			continue;
		const char *e = v;
		while (e < line.end && *e != ' ' && *e != '\r')
			e++;
		return g_strndup (v, e - v);
	}
	return NULL;
}

/* The first heading after a blank line below the section's first recipient:
 * where the section ends ("Original message headers:" in the reader's
 * language), as a prefix for bv_scrape_blocks(), or NULL. */
static char *
find_stop (const char *section)
{
	BvLines it;
	BvLine line;
	gboolean seen = FALSE, blank = FALSE;
	bv_lines_init (&it, bv_scrape_next_line (section));
	while (bv_lines_next (&it, &line)) {
		if (!seen) {
			seen = address_line (&line);
			continue;
		}
		if (blank && heading_line (&line)) {
			const char *p = bv_line_skip_space (&line);
			return g_strndup (p, line.end - p);
		}
		blank = bv_line_blank (&line);
	}
	return NULL;
}

/* Reads the administrators' section of an Exchange 2007 or later report
 * into @out.  Returns the number of recipients read. */
static guint
read_section (BvMail *mail, BvReport *out)
{
	const char *section = find_section (mail->body->str);
	if (section == NULL)
		section = find_section_by_shape (mail->body->str);
	if (section == NULL)
		return 0;
	g_autofree char *generating = section_field (section, "Generating server:");
	g_autofree char *receiving = section_field (section, "Receiving server:");
	if (generating == NULL) {
		/* The labels are translated: their order tells. */
		generating = nth_host_field (section, 0);
		if (receiving == NULL && generating != NULL)
			receiving = nth_host_field (section, 1);
	}
	g_autofree char *stop = find_stop (section);
	const char *stops[G_N_ELEMENTS (diag_stops) + 1];
	guint n = 0;
	for (const char *const *s = diag_stops; *s; s++)
		stops[n++] = *s;
	if (stop != NULL)
		stops[n++] = stop;
	stops[n] = NULL;
	const char *end = NULL;
	bv_scrape_blocks (out, bv_scrape_next_line (section), stops, BV_BLOCKS_BLANK_ENDS, &end);
	for (guint i = 0; i < out->recipients->len; i++) {
		BvRecipient *r = out->recipients->pdata[i];
		clean_block (r);
		if (generating != NULL)
			bv_scrape_set (&r->reporting_mta, generating);
		if (receiving != NULL && r->remote_mta[0] == '\0')
			bv_scrape_set (&r->remote_mta, receiving);
		bv_scrape_set (&r->action, "failed");
	}
	if (end != NULL && *end != '\0')
		bv_scrape_take_original (mail, bv_scrape_next_line (end));
	return out->recipients->len;
}

static gboolean
exchange2007_parse (BvMail *mail, BvReport *report)
{
	g_autoptr (BvReport) text = bv_report_new ();
	/* The administrators' section is what marks the format; the NDR
	 * header alone (the section may be missing) is enough too. */
	if (read_section (mail, text) == 0 && bv_mail_header (mail, "X-MS-Exchange-Message-Is-Ndr") == NULL)
		return FALSE;
	if (bv_scrape_forwarded (mail))
		return FALSE;
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_exchange2007 = { "exchange2007", exchange2007_parse };
