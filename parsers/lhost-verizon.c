/* lhost-verizon.c: Verizon Wireless MMS gateway (vzwpix.com) reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The MMSC answers as "MMSC NDR Administrator" (sysadmin@*.vzwpix.com):
 * "Message could not be delivered to mobile.", "Error: REASON", then
 * "Original Message:" and the original's From, To, Subject and Date, whose
 * To names the phone that could not be reached. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
verizon_parse (BvMail *mail, BvReport *report)
{
	if (bv_text_find_ci (mail->from, "vzwpix.com") == NULL &&
	    bv_text_find_ci (mail->from, "vtext.com") == NULL)
		return FALSE;
	const char *body = mail->body->str;
	const char *error = bv_scrape_find_line (body, "Error:");
	const char *original = bv_scrape_find_line (body, "Original Message:");
	if (error == NULL || original == NULL)
		return FALSE;
	const char *eol = strchr (error, '\n');
	g_autofree char *diag = bv_text_normalise (error, eol ? eol - error : -1);
	const char *to = bv_scrape_find_line (original, "To:");
	if (to == NULL)
		return FALSE;
	eol = strchr (to, '\n');
	g_autofree char *to_line = g_strndup (to + 3, eol ? eol - to - 3 : (gssize)strlen (to + 3));
	g_autofree char *addr = bv_address_extract (to_line);
	if (addr == NULL)
		return FALSE;
	BvRecipient *r = bv_scrape_add (report, addr);
	bv_scrape_set (&r->action, "failed");
	bv_scrape_set_diagnostic (r, diag, -1);
	bv_scrape_take_original (mail, bv_scrape_next_line (original));
	return TRUE;
}

const BvLhost bv_lhost_verizon = { "verizon", verizon_parse };
