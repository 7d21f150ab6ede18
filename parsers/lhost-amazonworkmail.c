/* lhost-amazonworkmail.c: Amazon WorkMail reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WorkMail sends its reports through SES (MAILER-DAEMON@*.amazonses.com)
 * but stamps "X-Mailer: Amazon WorkMail".  The delivery-status fields hold
 * everything, though the MIME structure around them is often broken so
 * that they stand in the text.  When WorkMail gives up it reports its own
 * "554 4.4.7 Message expired: ..." and appends the remote server's last
 * reply in angle brackets ("<421 4.4.2 Connection timed out>"): that reply
 * is the one that tells why. */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"
#include "parsers/dsn.h"
#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* Takes the codes of the remote reply quoted as "<NNN X.Y.Z ...>". */
static void
take_inner_reply (BvRecipient *r)
{
	const char *lt = strrchr (r->diagnostic, '<');
	if (lt == NULL || strlen (lt) < 5 || strchr (lt, '@') != NULL)
		return;
	char code[16];
	g_autofree char *inner = g_strndup (lt + 1, strcspn (lt + 1, ">"));
	if (!g_ascii_isdigit (inner[0]) || !bv_reply_find (inner, code, sizeof code) ||
	    strncmp (inner, code, 3) != 0)
		return;
	bv_scrape_set (&r->reply_code, code);
	if (bv_status_find (inner, code, sizeof code))
		bv_scrape_set (&r->status, code);
}

static gboolean
amazonworkmail_parse (BvMail *mail, BvReport *report)
{
	const char *mailer = bv_mail_header (mail, "X-Mailer");
	if (mailer == NULL || bv_text_find_ci (mailer, "Amazon WorkMail") == NULL)
		return FALSE;
	guint before = report->recipients->len;
	if (mail->dsn->len > 0) {
		bv_scrape_dsn (mail, report);
	} else {
		const char *fields = bv_scrape_find_line (mail->body->str, "Reporting-MTA:");
		if (fields == NULL)
			fields = bv_scrape_find_line (mail->body->str, "Final-Recipient:");
		if (fields == NULL)
			return FALSE;
		bv_dsn_parse (fields, report->recipients);
	}
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		if (r->diagnostic == NULL)
			r->diagnostic = g_strdup ("");
		take_inner_reply (r);
		bv_scrape_better_status (r);
	}
	return report->recipients->len > before;
}

const BvLhost bv_lhost_amazonworkmail = { "amazonworkmail", amazonworkmail_parse };
