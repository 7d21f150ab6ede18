/* text.h: small string helpers shared by the parsers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_TEXT_H
#define BV_TEXT_H

#include <glib.h>

G_BEGIN_DECLS

/* Returns a new string: @s (length @len, or -1 for NUL-terminated) made valid
 * UTF-8, with runs of white space (including folded line breaks) collapsed
 * to one space and trimmed.  Never NULL. */
char *bv_text_normalise (const char *s, gssize len);

/* Case-insensitive (ASCII) search of @needle in @haystack; NULL if absent. */
const char *bv_text_find_ci (const char *haystack, const char *needle);

/* The first of the NULL-terminated @needles found in @haystack
 * (case-insensitive, ASCII), or NULL. */
const char *bv_text_find_any_ci (const char *haystack, const char *const *needles);

/* The length of the blank or white-space-only lines (LF, CRLF or CR
 * endings) that stand before a message's first header line, as mbox
 * conversions and some archives write them, and of an mbox "From "
 * separator line before that header line; 0 when there are none or
 * when what follows them is not a header line ("Name:" with a name of
 * printable ASCII and no spaces).  Never reads past @len. */
gsize bv_text_blank_prefix (const char *data, gsize len);

/* Returns a new string with every C0/C1 control character and DEL replaced
 * by a visible escape (\x1b shows as "\\e", others as "\\xNN"), and invalid
 * UTF-8 replaced by U+FFFD: safe to print to a terminal. */
char *bv_text_make_safe (const char *s);

/* The same, but line feeds and tabs stay as they are: for multi-line text
 * (a fix with several steps) written into a file. */
char *bv_text_make_safe_lines (const char *s);

/* Extracts a bare address (local@domain) from "Name <a@b>", "<a@b>",
 * "rfc822; a@b" or "a@b".  Lower-cases the domain.  A quoted local part
 * ("\"john doe\"@example.org") keeps its quotes and spaces.  Returns NULL
 * when the text holds no plausible address. */
char *bv_address_extract (const char *s);

/* Whether @a and @b name the same mailbox as reports compare them: case
 * aside, and a quoted local part the same as its unquoted content
 * ("\"john.doe\"@example.org" is john.doe@example.org, RFC 5321 4.1.2). */
gboolean bv_address_equal (const char *a, const char *b);

/* Whether @s looks like a mail address (local@domain.tld or
 * local@[address literal], no spaces): "a@localhost" does not. */
gboolean bv_address_plausible (const char *s);

G_END_DECLS

#endif
