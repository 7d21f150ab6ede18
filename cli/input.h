/* input.h: walking the paths given to `scan`: files, Maildirs, directories,
 * mbox files and standard input, one message at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_INPUT_H
#define BV_INPUT_H

#include <glib.h>

G_BEGIN_DECLS

/* Messages larger than this are cut here and parsed as far as they go. */
#define BV_INPUT_MAX_MESSAGE (64u * 1024u * 1024u)

/* Called once per message.  @name is the path as given (for an mbox:
 * "PATH:OFFSET", the byte offset of the message's "From " line).  @data is
 * valid only during the call. */
typedef void (*BvInputFunc) (const char *name, const char *data, gsize len, gpointer user);

/* Feeds every message under @path ("-" for standard input) to @fn, in a
 * stable order (Maildir new/ then cur/, names sorted).  Problems are printed
 * as one line "bounceview: PATH: reason" on stderr and the walk goes on;
 * returns FALSE when there was any. */
gboolean bv_input_each (const char *path, BvInputFunc fn, gpointer user);

G_END_DECLS

#endif
