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
 * the server's language. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

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

/* Reads the administrators' section of an Exchange 2007 or later report
 * into @out.  Returns the number of recipients read. */
static guint
read_section (BvMail *mail, BvReport *out)
{
	const char *section = find_section (mail->body->str);
	if (section == NULL)
		return 0;
	g_autofree char *generating = section_field (section, "Generating server:");
	g_autofree char *receiving = section_field (section, "Receiving server:");
	const char *end = NULL;
	bv_scrape_blocks (out, bv_scrape_next_line (section), diag_stops, BV_BLOCKS_BLANK_ENDS, &end);
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
