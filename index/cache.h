/* cache.h: the parse results of one report as notmuch message properties.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A parsed report is serialized to a compact text (one tab-separated line
 * for the report, one per recipient, fields escaped) and stored in notmuch.
 * notmuch keeps a property as a Xapian term, and a term holds at most about
 * 245 bytes, so the text is cut into chunks on character boundaries and each
 * chunk is one value of the property "bounceview.data", prefixed by its
 * four-hex-digit sequence number; the values come back sorted, and joining
 * them in sequence order gives the text back.  Besides it, each cached
 * message has:
 *
 *   bounceview.version=<BV_PARSER_VERSION>  the parser that produced it
 *   bounceview.kind=<kind id>               none for a candidate that was
 *                                           no report
 *   bounceview.bounced=1                    when at least one recipient
 *                                           did not get the message: what
 *                                           the model loads
 *   bounceview.candidate=1                  set when indexing a file whose
 *                                           head the triage flagged: a
 *                                           candidate notmuch's terms miss
 *
 * Reading is tolerant: a damaged or foreign text gives NULL, never a crash,
 * and missing fields read as "".
 */
#ifndef BV_CACHE_H
#define BV_CACHE_H

#include <glib.h>

#include "parsers/bounce.h"

G_BEGIN_DECLS

#define BV_CACHE_KEY_PREFIX "bounceview."
#define BV_CACHE_KEY_VERSION "bounceview.version"
#define BV_CACHE_KEY_KIND "bounceview.kind"
#define BV_CACHE_KEY_BOUNCED "bounceview.bounced"
#define BV_CACHE_KEY_DATA "bounceview.data"
#define BV_CACHE_KEY_CANDIDATE "bounceview.candidate"

/* The longest chunk value, sequence prefix included: the term limit less
 * notmuch's prefix "XPROPERTY" and the key with its "=". */
#define BV_CACHE_CHUNK_MAX 200

/* Whether a recipient counts as a bounce: every action but success. */
gboolean bv_recipient_bounced (const BvRecipient *rcpt);

/* The text of @report (new string).  Fields longer than a few kilobytes are
 * cut: the cache is for browsing, the file keeps the whole report. */
char *bv_cache_serialize (const BvReport *report);

/* The report back from @text (@len bytes, need not be NUL-terminated), or
 * NULL when the text is not one bv_cache_serialize() wrote.  The
 * report's message_id is left "": the caller knows it. */
BvReport *bv_cache_deserialize (const char *text, gsize len);

/* @text cut into property values (new strings, sequence-prefixed). */
GPtrArray *bv_cache_chunk (const char *text);

/* Joins property values (in any order) back into the text; NULL when a
 * chunk is missing or malformed. */
char *bv_cache_join (const char *const *values, guint n_values);

G_END_DECLS

#endif /* BV_CACHE_H */
