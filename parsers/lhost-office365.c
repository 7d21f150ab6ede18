/* lhost-office365.c: Exchange Online (Microsoft 365, Office 365) reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exchange Online writes the same report as an on-premises Exchange 2010
 * or later server (see lhost-exchange2007.c); only where it comes from
 * differs: the cross-tenant headers Exchange Online stamps, a generating
 * server in Microsoft's cloud (*.outlook.com), a tenant address
 * (*.onmicrosoft.com), or a text that names the service. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The Exchange reader; listed in lhosts-providers.def after this one. */
extern const BvLhost bv_lhost_exchange2007;

static gboolean
is_office365 (BvMail *mail)
{
	static const char *const headers[] = {
		"X-MS-Exchange-CrossTenant-OriginalArrivalTime",
		"X-MS-Exchange-CrossTenant-FromEntityHeader",
		"X-MS-Exchange-Transport-CrossTenantHeadersStamped",
		"X-MS-Exchange-CrossTenant-Id",
		NULL,
	};
	for (const char *const *h = headers; *h; h++)
		if (bv_mail_header (mail, *h) != NULL)
			return TRUE;
	if (bv_text_find_ci (mail->from, ".onmicrosoft.com") != NULL)
		return TRUE;
	const char *body = mail->body->str;
	static const char *const phrases[] = { "Exchange Online", "Office 365", "Microsoft 365", NULL };
	for (const char *const *p = phrases; *p; p++)
		if (bv_text_find_ci (body, *p) != NULL)
			return TRUE;
	const char *gen = bv_scrape_find_line (body, "Generating server:");
	if (gen != NULL) {
		BvLine line = { gen, gen };
		while (*line.end && *line.end != '\n')
			line.end++;
		return bv_line_find (&line, "outlook.com") != NULL;
	}
	return FALSE;
}

static gboolean
office365_parse (BvMail *mail, BvReport *report)
{
	/* The Exchange reader first: it is the cheaper test, and the
	 * service's markers are only looked for in an Exchange report. */
	g_autoptr (BvReport) found = bv_report_new ();
	if (!bv_lhost_exchange2007.parse (mail, found) || !is_office365 (mail))
		return FALSE;
	for (guint i = 0; i < found->recipients->len; i++)
		g_ptr_array_add (report->recipients, g_steal_pointer (&found->recipients->pdata[i]));
	g_ptr_array_set_size (found->recipients, 0);
	return report->recipients->len > 0;
}

const BvLhost bv_lhost_office365 = { "office365", office365_parse };
