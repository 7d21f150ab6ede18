/* autoreply.h: what marks an automatic reply, in one place for the triage
 * and the parser.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_AUTOREPLY_H
#define BV_AUTOREPLY_H

#include <glib.h>

G_BEGIN_DECLS

/* Words of a Subject that mean an automatic reply (out of office,
 * vacation), lower case, NULL-terminated: matched anywhere in the subject,
 * without case for ASCII. */
extern const char *const bv_autoreply_subjects[];

/* Whether @subject (or NULL) is marked as an automatic reply by itself:
 * one of bv_autoreply_subjects in its prefix, the text before its first
 * ':' or ']' ("Automatic reply: ...", "Out of Office AutoReply: ...",
 * "[Auto-Reply] ..."), or Lotus Notes' "AUTO:".  A word further on, or
 * after a reply's "Re:", is a person's subject ("Re: Automatic reply:
 * ...", "Vacation requests for December"). */
gboolean bv_autoreply_subject (const char *subject);

/* Header names that only automatic replies carry (vacation programs that
 * predate RFC 3834), NULL-terminated. */
extern const char *const bv_autoreply_headers[];

G_END_DECLS

#endif
