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

/* Header names that only automatic replies carry (vacation programs that
 * predate RFC 3834), NULL-terminated. */
extern const char *const bv_autoreply_headers[];

G_END_DECLS

#endif
