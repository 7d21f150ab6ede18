/* reply.h: SMTP replies quoted in a report's text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_REPLY_H
#define BV_REPLY_H

#include <glib.h>

G_BEGIN_DECLS

/* A new string: @text (length @len, or -1) normalised as bv_text_normalise()
 * does (valid UTF-8, runs of white space one space), with every multi-line
 * SMTP reply in it joined into one (RFC 5321 section 4.2.1: each line but the
 * last is "NNN-text", the last "NNN text"):
 *
 *     550-5.7.1 [192.0.2.25] Our system has detected that this message is
 *     550-5.7.1 likely unsolicited mail.
 *     550 5.7.1 https://support.example.com/ ...
 *
 * becomes "550 5.7.1 [192.0.2.25] Our system has detected that this message
 * is likely unsolicited mail. https://support.example.com/ ...": the reply
 * code and the first line's enhanced status code kept once, the codes of the
 * continuation lines (and an enhanced code that repeats the first line's)
 * dropped, the words joined with single spaces.  Whether the lines are
 * separated by LF, CRLF, a folded header's continuation or a space (a report
 * that has already joined them), or prefixed with a transcript's "<<< ", makes
 * no difference.  A reply opens only where a reply stands (the start of the
 * text or of a line, or after ':', ';', '<', '>', '(' or '['), or with an
 * enhanced code right after its "NNN-"; it is joined only with lines that
 * carry the same reply code (and no enhanced code when its first line has
 * none, RFC 2034 section 4).  A lone first line ("550-5.7.1 ...", as a
 * Diagnostic-Code that keeps one line holds it) becomes "550 5.7.1 ...".
 * Digits that are no reply ("a 550-byte message", "call 555-0100") stay as
 * they are.  Never NULL. */
char *bv_reply_join (const char *text, gssize len);

/* Whether @whole, a joined reply, goes on where @first stops: @first is the
 * reply's first line alone (Sendmail keeps only that line in the
 * Diagnostic-Code and its "(reason: ...)" line, where the transcript has the
 * whole reply).  "550-" and "550 " are the same marker here; an empty @first
 * or one as long as @whole is no such line. */
gboolean bv_reply_extends (const char *whole, const char *first);

G_END_DECLS

#endif
