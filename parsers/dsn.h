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

/* A recipient field's address (Final-, Original-, X-Actual-Recipient)
 * without its type, decoded as its type says: "utf-8; pel\x{E9}@example.com"
 * (RFC 6533 section 3, utf-8-addr-xtext, which a 7-bit report must use)
 * gives "pelé@example.com", and "rfc822; pel+C3+A9@example.com" (RFC 3461
 * section 4 xtext) the same.  An escape that is not valid stays as it
 * stands.  New string, normalised like bv_dsn_strip_type(). */
char *bv_dsn_address (const char *value);

/* An Action field's value as one of RFC 3464's words, lower case: the
 * first word ("delivered (to mailbox)" -> "delivered"), with Postfix's
 * "deliverable" and "undeliverable" as "delivered" and "failed".  "" for
 * NULL.  New string. */
char *bv_dsn_action (const char *value);

/* The type of a typed field value, lower case ("smtp; 550 ..." -> "smtp",
 * "X-Postfix; ..." -> "x-postfix"); "" when it has none.  New string. */
char *bv_dsn_type (const char *value);

/* The one rule by which a recipient's status takes a code its diagnostic
 * quotes, on every path (parse.c applies it to every recipient; the format
 * parsers' bv_scrape_better_status() is the same rule).  RFC 3464 section
 * 2.3.4 gives the Status field the reporting MTA's code and section 2.3.6
 * the Diagnostic-Code the remote server's reply; RFC 3463 section 3.1 makes
 * X.0.0 a code that says nothing beyond its class.  So, of the enhanced
 * codes the diagnostic quotes, in order:
 *   - with no status, the first that says more than a class, else the first;
 *   - over a class alone (5.0.0, 4.0.0), the first of the same class that
 *     says more; when none, the first of another class with the status's
 *     class (a failed report's 5.x.x stays 5.x.x), except the server's own
 *     temporary reply (a 4xx reply code and 4.x.x) under a give-up 5.0.0,
 *     which stands as the server sent it;
 *   - over another generic code (4.4.7, 5.4.7, 5.7.1), the first of the same
 *     class that names a cause (a reused or specific detail code);
 *   - a status that names a cause itself is kept.
 * When a code of the status's class is taken, the reply code right before it
 * ("550 5.7.26") becomes the recipient's reply code too. */
void bv_dsn_upgrade_status (BvRecipient *r);

G_END_DECLS

#endif
