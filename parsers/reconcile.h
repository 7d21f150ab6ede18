/* reconcile.h: the rules by which what one part of a report says of a
 * recipient completes what another part says: the delivery-status part's
 * fields, the text's blocks, a transcript.  They work on recipients only
 * (no mail, no layout), so each rule has its own test (tests/unit).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_RECONCILE_H
#define BV_RECONCILE_H

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* Replaces *@field with a copy of @value (NULL means ""). */
void bv_scrape_set (char **field, const char *value);

/* The first recipient of @report at index @from or later whose address is
 * @address (case-insensitive), or NULL. */
BvRecipient *bv_scrape_find_recipient (BvReport *report, guint from, const char *address);

/* Completes the recipients of @report from index @from with what the
 * human-readable text said of the same address in @found (recipients read
 * from the text, e.g. by bv_scrape_blocks() into a scratch report): the
 * command when missing; the diagnostic when the report's is empty, or
 * carries no reply code while the text's does; status and reply code when
 * missing.  A lone recipient on each side is paired whatever the
 * addresses. */
void bv_scrape_refine (BvReport *report, guint from, GPtrArray *found);

/* Completes @r from @t, what another part of the report says of the
 * same recipient: the command, status, reply code, remote MTA and
 * diagnostic type when missing; the diagnostic when @r's is empty, or
 * carries no reply code while @t's does; then bv_scrape_better_status(). */
void bv_scrape_complete (BvRecipient *r, const BvRecipient *t);

/* Folds the recipients of @report from index @from that repeat an earlier
 * one (same address, same action) into that earlier one with
 * bv_scrape_complete(), and removes them. */
void bv_scrape_fold (BvReport *report, guint from);

/* When @r's status is missing or generic ("5.0.0", "4.4.7") and its
 * diagnostic quotes an enhanced code that says more, takes that code: the
 * rule of bv_dsn_upgrade_status() (dsn.h), which parse.c applies to every
 * recipient in the end. */
void bv_scrape_better_status (BvRecipient *r);

/* When @r's diagnostic quotes an enhanced code of the same class as its
 * status but different (or @r has no status), takes the diagnostic's: the
 * remote server's code says why, the reporting MTA's often only that it
 * gave up ("4.4.7").  Class codes ("5.0.0") in the diagnostic never win. */
void bv_scrape_prefer_diag_status (BvRecipient *r);

/* FALSE when @t, what a transcript or the text says, tells another outcome
 * than @r's own delivery-status fields: a reply class (of @t's status, else
 * its reply code) that is not a success for a recipient delivered, relayed
 * or expanded, not temporary for one delayed, a success for one failed,
 * or, with no Action, not the class of @r's Status.  RFC 3464 2.3.3 and
 * 2.3.4 make Action and Status the report's own word on the recipient, so
 * a reply of another outcome answered something else (another recipient,
 * another host's session). */
gboolean bv_scrape_same_outcome (const BvRecipient *r, const BvRecipient *t);

/* FALSE when @r and @t both name a remote host and the names differ (case
 * and a final dot aside): a transcript's reply from "... while talking to
 * HOST" belongs to the recipients whose Remote-MTA (RFC 3464 2.3.5) is that
 * host. */
gboolean bv_scrape_same_host (const BvRecipient *r, const BvRecipient *t);

G_END_DECLS

#endif
