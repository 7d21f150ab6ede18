/* lhost-outlook.c: Outlook.com (formerly Hotmail and MSN) reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The consumer service answers with a plain RFC 3464 report from
 * postmaster@hotmail.com (or outlook.com, live.com, msn.com), stamped with
 * X-Message-Delivery, X-Message-Info and X-DSNContext headers.
 * Newer Outlook.com reports are written by Exchange Online and are left to
 * lhost-office365.c, which is tried first. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"

static gboolean
is_outlook (BvMail *mail)
{
	/* Exchange's SMTP service context: only Microsoft's servers write it. */
	if (bv_mail_header (mail, "X-DSNContext") != NULL)
		return TRUE;
	/* The X-Message-* headers alone are not enough: they survive in
	 * reports other servers write about mail that passed Hotmail. */
	static const char *const domains[] = { "hotmail.", "outlook.", "@live.", "@msn.com", NULL };
	return bv_scrape_from_provider (mail, "postmaster@", domains);
}

static gboolean
outlook_parse (BvMail *mail, BvReport *report)
{
	if (mail->dsn->len == 0 || !is_outlook (mail))
		return FALSE;
	return bv_scrape_dsn (mail, report) > 0;
}

const BvLhost bv_lhost_outlook = { "outlook", outlook_parse };
