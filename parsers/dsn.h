/* dsn.h: RFC 3464 message/delivery-status fields.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_DSN_H
#define BV_DSN_H

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* At most this many recipients are taken from one report: a DSN with more
 * is hostile or broken, and the first ones are what a person looks at.  The
 * report is then marked truncated. */
#define BV_DSN_MAX_RECIPIENTS 10000

/* Parses the contents of a message/delivery-status part: the per-message
 * group, then one group per recipient, separated by blank lines; folded
 * lines unfolded.  Appends one BvRecipient per recipient group to @out with
 * recipient, original_recipient, action, status, diagnostic,
 * diagnostic_type, reply_code, remote_mta, reporting_mta and dates filled as far as the block gives them.
 * Returns the number of recipients appended.  Tolerates the malformed blocks
 * real servers write (no blank line between groups, missing "rfc822;"). */
guint bv_dsn_parse (const char *text, GPtrArray *out);

/* The diagnostic-code value without its type prefix ("smtp; 550 ..." ->
 * "550 ..."), normalised.  New string. */
char *bv_dsn_strip_type (const char *value);

/* An Action field's value as one of RFC 3464's words, lower case: the
 * first word ("delivered (to mailbox)" -> "delivered"), with Postfix's
 * "deliverable" and "undeliverable" as "delivered" and "failed".  "" for
 * NULL.  New string. */
char *bv_dsn_action (const char *value);

/* The type of a typed field value, lower case ("smtp; 550 ..." -> "smtp",
 * "X-Postfix; ..." -> "x-postfix"); "" when it has none.  New string. */
char *bv_dsn_type (const char *value);

G_END_DECLS

#endif
