/* export-lists.c: address lists for other systems to stop mailing.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three import layouts:
 *  - suppression: one address per line, what listmonk, Mailman and most
 *    list managers import as a blocklist;
 *  - esp-csv: "email,reason" with reason BOUNCE or COMPLAINT, the bulk
 *    layout Amazon SES's account suppression list and common ESP importers
 *    accept;
 *  - postfix: an access(5) table, "address REJECT text", for postmap and a
 *    check_recipient_access restriction, so the mail server itself refuses
 *    to send to the addresses.
 * Addresses come from mail, so one may hold what a line-based layout cannot
 * carry; such an address is left out rather than written broken.
 */
#include "config.h"

#include <string.h>

#include "output/printer.h"
#include "export/export-private.h"

/* Whether @address can stand as one token on a line of every layout: an
 * '@' with text on both sides, no white space, no control characters, and
 * not a '#', which starts a comment in a Postfix table. */
static gboolean
listable (const char *address)
{
	const char *at = strrchr (address, '@');
	if (at == NULL || at == address || at[1] == '\0' || address[0] == '#')
		return FALSE;
	if (!g_utf8_validate (address, -1, NULL))
		return FALSE;
	for (const char *p = address; *p; p = g_utf8_next_char (p)) {
		gunichar c = g_utf8_get_char (p);
		if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
			return FALSE;
	}
	return TRUE;
}

/* A complaint (an ARF feedback report) is the one cause ESPs keep apart:
 * the person said "stop", which no retry or fix undoes. */
static const char *
esp_reason (BvCause cause)
{
	return cause == BV_CAUSE_FEEDBACK ? "COMPLAINT" : "BOUNCE";
}

static void
write_postfix_line (FILE *out, const BvExportRow *r)
{
	g_autofree char *last = bv_export_format_date (r->last_seen);
	/* The text is what the sending client sees in the rejection: the
	 * enhanced status 5.1.1 for a bad address and 5.7.1 (delivery not
	 * authorised) for every other reason to suppress.  It is ASCII and
	 * carries no text from the mail, so it cannot break the table. */
	const char *status = r->hard ? "5.1.1" : "5.7.1";
	fprintf (out, "%s REJECT %s suppressed by bounceview", r->address, status);
	/* A mark made by hand without any bounce has no cause to give. */
	if (r->bounces > 0 || r->cause != BV_CAUSE_UNDEFINED)
		fprintf (out, ": %s", bv_cause_id (r->cause));
	if (last[0] != '\0')
		fprintf (out, ", last bounce %.10s", last);
	fputc ('\n', out);
}

guint
bv_export_write_list (FILE *out, BvExportFormat format, GPtrArray *rows)
{
	static const char *const esp_columns[] = { "email", "reason", NULL };
	g_autoptr (BvPrinter) csv = NULL;
	if (format == BV_EXPORT_ESP_CSV)
		csv = bv_printer_new (BV_FORMAT_CSV, out, esp_columns, NULL);
	else if (format == BV_EXPORT_POSTFIX)
		fputs ("# Postfix access table written by bounceview: run postmap on this file and use it "
		       "in\n"
		       "# smtpd_recipient_restrictions = check_recipient_access hash:PATH, ...\n",
		       out);
	guint n = 0;
	for (guint i = 0; i < rows->len; i++) {
		const BvExportRow *r = rows->pdata[i];
		if (!listable (r->address))
			continue;
		n++;
		if (format == BV_EXPORT_SUPPRESSION) {
			fprintf (out, "%s\n", r->address);
		} else if (format == BV_EXPORT_POSTFIX) {
			write_postfix_line (out, r);
		} else {
			csv->begin_record (csv);
			csv->string (csv, "email", r->address);
			csv->string (csv, "reason", esp_reason (r->cause));
			csv->end_record (csv);
		}
	}
	if (csv != NULL)
		csv->finish (csv);
	return n;
}
