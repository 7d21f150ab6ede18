/* wrap.h: splitting text into lines of a given width, in any script.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both the terminal interface and `bounceview explain` wrap the catalog's
 * text, which is English (words between spaces) or Chinese (no spaces: a
 * line may break between any two characters).  One implementation keeps
 * them agreeing on the line-breaking rules a reader expects: no closing
 * punctuation (，。、；：！？）》” and their ASCII counterparts) at the
 * start of a line, no opening bracket or quote (（《“) at the end of one.
 */
#ifndef BV_WRAP_H
#define BV_WRAP_H

#include <glib.h>

G_BEGIN_DECLS

/* How many columns @c takes on the output: 0, 1 or 2. */
typedef int (*BvCharWidthFunc) (gunichar c);

/* The columns of @c by the Unicode tables: 0 for a zero-width character,
 * 2 for a wide or full-width one (CJK), else 1. */
int bv_wrap_char_width (gunichar c);

/* Splits @text (UTF-8) into lines of at most @first_width columns for the
 * first line and @width for the others, measuring characters with
 * @char_width (NULL: bv_wrap_char_width()).  Lines break at spaces, which
 * are dropped, and between two characters where at least one is wide,
 * following the rules above; a newline always ends a line.  A word longer
 * than the line is cut.  Leading spaces of the first line are kept
 * (indentation), trailing spaces of every line are not.  Widths below 4
 * count as 4.  Returns a new array of new strings, never empty (an empty
 * text gives one empty line); free with g_ptr_array_unref(). */
GPtrArray *bv_wrap (const char *text, int first_width, int width, BvCharWidthFunc char_width);

G_END_DECLS

#endif /* BV_WRAP_H */
