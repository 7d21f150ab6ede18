/* classify.h: deciding the cause of one failed recipient.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_CLASSIFY_H
#define BV_CLASSIFY_H

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* Sets @rcpt->cause, ->hard and ->evidence from everything the recipient
 * carries (status, reply_code, diagnostic, command, mta) and the kind of the
 * report.  When the report gave no status code, fills ->status with the code
 * the cause implies and sets ->status_derived.  Idempotent. */
void bv_classify (BvRecipient *rcpt, BvKind kind);

/* Classifies a bare diagnostic text; returns BV_CAUSE_UNDEFINED when no
 * phrase matches.  @matched (may be NULL) receives the phrase, owned by the
 * rule table (static). */
BvCause bv_classify_text (const char *diagnostic, const char **matched);

/* Whether a cause with this status class makes the address itself bad. */
gboolean bv_cause_is_hard (BvCause cause, const char *status, const char *reply_code);

G_END_DECLS

#endif
