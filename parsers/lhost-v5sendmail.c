/* lhost-v5sendmail.c: Sendmail V5 (and other pre-MIME Sendmail) reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain text, no delivery-status part: "----- Transcript of session follows
 * -----", the SMTP dialogue per host ("While talking to H:", ">>> RCPT
 * To:<a@b>", "<<< 550 ..."), the local verdict per address ("550
 * <a@b>... User unknown"), then "----- Unsent message follows -----" and
 * the message.  A report of a host that never answered names no address:
 * the recipient is then the unsent message's To. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static const char *const copy_markers[] = {
	"----- Unsent message follows",
	"----- Original message follows",
	"----- Message header follows",
	NULL,
};

static gboolean
v5sendmail_parse (BvMail *mail, BvReport *report)
{
	if (mail->dsn->len > 0)
		return FALSE;
	const char *body = mail->text;
	const char *transcript = bv_scrape_find_line (body, "----- Transcript of session follows");
	if (transcript == NULL)
		return FALSE;
	const char *copy = NULL;
	for (const char *const *m = copy_markers; *m && copy == NULL; m++)
		copy = bv_scrape_find_line (transcript, *m);
	/* A person quoting a transcript sends neither the marker of the
	 * unsent copy nor from the mailer daemon. */
	if (copy == NULL || !bv_scrape_from_daemon (mail))
		return FALSE;
	bv_scrape_take_original (mail, bv_scrape_next_line (copy));
	g_autoptr (BvRecipient) fallback = NULL;
	guint n = bv_scrape_transcript (report, bv_scrape_next_line (transcript), &fallback);
	if (n == 0 && fallback != NULL) {
		g_autofree char *to = bv_header_block_get (mail->original->str, "To");
		g_autofree char *addr = bv_address_extract (to);
		if (addr != NULL) {
			bv_scrape_set (&fallback->recipient, addr);
			g_ptr_array_add (report->recipients, g_steal_pointer (&fallback));
			n = 1;
		}
	}
	return n > 0;
}

const BvLhost bv_lhost_v5sendmail = { "v5sendmail", v5sendmail_parse };
