/* input.h: walking the paths given to `scan`: files, Maildirs, directories,
 * mbox files and standard input, one message at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_INPUT_H
#define BV_INPUT_H

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Messages larger than this are cut here and parsed as far as they go. */
#define BV_INPUT_MAX_MESSAGE (64u * 1024u * 1024u)

/* Where the walk delivers what it finds, in a stable order (Maildir new/
 * then cur/, names sorted). */
typedef struct {
	/* Called once per message.  @name is the path as given (for an mbox:
	 * "PATH:OFFSET", the byte offset of the message's "From " line).
	 * @data, @len bytes followed by a NUL, is valid only during the call. */
	void (*message) (const char *name, const char *data, gsize len, gpointer user);
	/* A problem with @path, @reason a short phrase.  NULL: printed as one
	 * line "bounceview: PATH: reason" on standard error at once. */
	void (*problem) (const char *path, const char *reason, gpointer user);
	/* Optional.  A regular file that holds one message (not an mbox),
	 * opened as @fd: the callee owns @fd and reads it later, on any
	 * thread, with bv_input_read_file().  This is what lets several
	 * workers read files while the walk goes on.  NULL: read at once.
	 * A file of a Maildir comes unopened (@fd -1, @want 0): reading it
	 * opens it, and delivers any problem, and several messages when it
	 * turns out to be an mbox. */
	void (*file) (const char *path, int fd, gsize want, gpointer user);
	/* With file(): every regular file, in a Maildir or not, comes unopened
	 * (@fd -1), mbox or not: it is read in another process, which splits
	 * an mbox itself. */
	gboolean unopened;
	gpointer user;
} BvInputSink;

/* Feeds every message under @path ("-" for standard input) to @sink.  The
 * walk goes on after a problem; returns FALSE when a path could not be read
 * (a message cut at BV_INPUT_MAX_MESSAGE is reported but not a failure). */
gboolean bv_input_walk (const char *path, const BvInputSink *sink);

/* Reads the file handed to @sink->file (@path, @fd, @want as given there),
 * closes @fd, and delivers its messages or its problems to @sink (more than
 * one when @fd is -1: see BvInputSink.file).  Returns FALSE when it could
 * not be read. */
gboolean bv_input_read_file (const char *path, int fd, gsize want, const BvInputSink *sink);

/* Whether @path is read as a stream of messages that one reader must split:
 * "-" (standard input) or a regular file that starts like an mbox.  A path
 * that cannot be opened is not. */
gboolean bv_input_is_stream (const char *path);

/* Prints "bounceview: PATH: reason" on standard error, @path made safe to
 * show: what a sink without a problem function does. */
void bv_input_print_problem (const char *path, const char *reason);

/* The same line on @out. */
void bv_input_fprint_problem (FILE *out, const char *path, const char *reason);

G_END_DECLS

#endif
