/* lhost.h: parsers for reports that are not (only) RFC 3464.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each mail system that writes its own report format has a parser in an
 * lhost-*.c file.  A parser looks at a BvMail and, when it recognises the
 * format, appends recipients to the report and returns TRUE.  The table in
 * lhost.c lists them in the order they are tried. */
#ifndef BV_LHOST_H
#define BV_LHOST_H

#include "parsers/bounce.h"
#include "parsers/mail.h"

G_BEGIN_DECLS

typedef struct {
	const char *name; /* the mta id written to the report: "qmail" */
	/* Appends recipients found in @mail to @report->recipients, fills what
	 * it knows, and returns TRUE when the format was recognised. */
	gboolean (*parse) (BvMail *mail, BvReport *report);
} BvLhost;

/* The parsers, NULL-terminated, in the order they are tried. */
extern const BvLhost *const bv_lhosts[];

/* The fallback for text reports in no known format: tried after the
 * format parsers and after the RFC 3464 delivery-status part. */
extern const BvLhost bv_lhost_generic;

/* Whether a report whose recipients carry no Action field is a delay
 * warning: its @subject or its @text (before the copy of the message) says so
 * in a delay template of an MTA (triage.c).  Returns: (transfer none): the
 * source of the template that matched, or NULL. */
const char *bv_delay_notice (const char *subject, const char *text);

G_END_DECLS

#endif
