/* codes.h: RFC 3463 enhanced status codes and RFC 5321 reply codes in text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_CODES_H
#define BV_CODES_H

#include <glib.h>

G_BEGIN_DECLS

/* Finds the first enhanced status code ("5.1.1", "4.7.26") in @text, not part
 * of a longer dotted number such as an IP address or version.  Writes it,
 * NUL-terminated, into @out (at least 12 bytes) and returns TRUE. */
gboolean bv_status_find (const char *text, char *out, gsize out_len);

/* Whether @s is exactly a valid enhanced status code. */
gboolean bv_status_valid (const char *s);

/* Finds an SMTP reply code (2xx-5xx, three digits) standing as a word at the
 * start of @text or of a line, or after "said:" / "SMTP error" style lead-ins.
 * Writes it into @out (at least 4 bytes) and returns TRUE. */
gboolean bv_reply_find (const char *text, char *out, gsize out_len);

/* Whether @s is exactly a valid reply code: [245][0-5][0-9]. */
gboolean bv_reply_valid (const char *s);

G_END_DECLS

#endif
