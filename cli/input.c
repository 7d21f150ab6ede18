/* input.c: walking files, Maildirs, directories and mbox streams.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/input.h"
#include "parsers/text.h"

void
bv_input_fprint_problem (FILE *out, const char *path, const char *reason)
{
	/* A file name is text from whoever made the file: escape it too. */
	g_autofree char *safe = bv_text_make_safe (path);
	fprintf (out, "bounceview: %s: %s\n", safe, reason);
}

void
bv_input_print_problem (const char *path, const char *reason)
{
	bv_input_fprint_problem (stderr, path, reason);
}

static void
report_error (const BvInputSink *sink, const char *path, const char *reason)
{
	if (sink->problem != NULL) {
		sink->problem (path, reason, sink->user);
		return;
	}
	bv_input_print_problem (path, reason);
}

/* Whether a message starts like an mbox: a "From " separator line. */
static gboolean
looks_like_mbox (const char *data, gsize len)
{
	return len >= 5 && memcmp (data, "From ", 5) == 0;
}

gboolean
bv_input_is_stream (const char *path)
{
	if (strcmp (path, "-") == 0)
		return TRUE;
	int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return FALSE;
	struct stat st;
	char head[5];
	gboolean mbox = fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
	                pread (fd, head, sizeof head, 0) == (ssize_t)sizeof head &&
	                looks_like_mbox (head, sizeof head);
	close (fd);
	return mbox;
}

/* Splits an mbox held in a stream into messages.  A message starts at a
 * line "From " at the start of the stream or after an empty line; the
 * mboxrd quoting (">From ") is left as it is, since it never matters to a
 * bounce parser.  Memory holds one message at a time. */
static gboolean
each_mbox_stream (FILE *fp, const char *path, const char *first, gssize first_len, const BvInputSink *sink)
{
	g_autoptr (GString) msg = g_string_new (NULL);
	g_autofree char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	goffset offset = 0, start = 0;
	gboolean prev_blank = TRUE, have = FALSE, cut = FALSE, several = FALSE;

	/* @first is a line the caller already read to recognise the mbox. */
	if (first != NULL) {
		cap = (size_t)first_len + 1;
		line = g_memdup2 (first, cap);
	}
	while ((n = first != NULL ? first_len : getline (&line, &cap, fp)) > 0) {
		first = NULL;
		gboolean is_sep = prev_blank && n >= 5 && memcmp (line, "From ", 5) == 0;
		if (is_sep) {
			if (have) {
				g_autofree char *name =
				        g_strdup_printf ("%s:%" G_GINT64_FORMAT, path, (gint64)start);
				sink->message (name, msg->str, msg->len, sink->user);
				several = TRUE;
			}
			g_string_truncate (msg, 0);
			start = offset;
			have = TRUE;
			cut = FALSE;
		} else if (!have) {
			/* Not an mbox after all: treat the whole stream as one
			 * message that starts here. */
			have = TRUE;
			start = offset;
		}
		if (!is_sep) {
			if (msg->len + (gsize)n <= BV_INPUT_MAX_MESSAGE)
				g_string_append_len (msg, line, n);
			else
				cut = TRUE;
		}
		prev_blank = (n == 1 && line[0] == '\n') || (n == 2 && line[0] == '\r' && line[1] == '\n');
		offset += n;
	}
	if (ferror (fp)) {
		report_error (sink, path, g_strerror (errno));
		return FALSE;
	}
	if (cut)
		report_error (sink, path, "a message is larger than 64 MiB: parsed up to that size");
	if (have) {
		/* A file that holds one message is named by its path alone,
		 * even when it starts with a "From " line. */
		g_autofree char *name =
		        several ? g_strdup_printf ("%s:%" G_GINT64_FORMAT, path, (gint64)start)
		                : g_strdup (path);
		sink->message (name, msg->str, msg->len, sink->user);
	}
	return TRUE;
}

static gboolean
each_stdin (const BvInputSink *sink)
{
	/* Standard input is one message, or an mbox stream when it starts
	 * with a "From " line.  Peek at the first bytes to tell. */
	g_autofree char *first = NULL;
	size_t cap = 0;
	ssize_t first_len = getline (&first, &cap, stdin);
	if (first_len <= 0)
		return TRUE;
	if (looks_like_mbox (first, (gsize)first_len))
		return each_mbox_stream (stdin, "-", first, first_len, sink);
	g_autoptr (GString) buf = g_string_new_len (first, first_len);
	char chunk[65536];
	size_t n;
	while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0) {
		if (buf->len + n > BV_INPUT_MAX_MESSAGE)
			n = BV_INPUT_MAX_MESSAGE - buf->len;
		g_string_append_len (buf, chunk, n);
		if (buf->len >= BV_INPUT_MAX_MESSAGE)
			break;
	}
	if (ferror (stdin)) {
		report_error (sink, "-", g_strerror (errno));
		return FALSE;
	}
	sink->message ("-", buf->str, buf->len, sink->user);
	return TRUE;
}

static gboolean each_file (const char *path, const BvInputSink *sink);

/* Reads up to @want bytes of @fd into @buf from @got on; returns the new
 * count, or -1 with errno set.  A file that shrank while it was read gives
 * what is there. */
static gssize
read_upto (int fd, char *buf, gsize got, gsize want)
{
	while (got < want) {
		ssize_t n = read (fd, buf + got, want - got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			break;
		got += (gsize)n;
	}
	return (gssize)got;
}

/* Streams @fd, read from its start, as an mbox. */
static gboolean
mbox_from_fd (const char *path, int fd, const BvInputSink *sink)
{
	FILE *fp = lseek (fd, 0, SEEK_SET) == 0 ? fdopen (fd, "r") : NULL;
	if (fp == NULL) {
		report_error (sink, path, g_strerror (errno));
		close (fd);
		return FALSE;
	}
	gboolean ok = each_mbox_stream (fp, path, NULL, 0, sink);
	fclose (fp);
	return ok;
}

/* The first read of a file asks for at most this much, so that an mbox
 * (told by its first bytes) is not read whole into memory before it is
 * streamed; nearly every message fits, so most files take one read. */
#define FIRST_READ (256u * 1024u)

/* Reads the file open as @fd (@want bytes, as fstat gave them) and delivers
 * it as one message, or as an mbox when it starts with "From ": the look
 * for an mbox is made on the first read, not by a read of its own. */
static gboolean
read_and_deliver (const char *path, int fd, gsize want, gboolean may_be_mbox, const BvInputSink *sink)
{
	g_autofree char *buf = g_malloc (want + 1);
	gsize first = may_be_mbox ? MIN (want, FIRST_READ) : want;
	gssize got = read_upto (fd, buf, 0, first);
	if (got >= 0 && may_be_mbox && looks_like_mbox (buf, (gsize)got))
		return mbox_from_fd (path, fd, sink);
	if (got >= 0 && (gsize)got == first)
		got = read_upto (fd, buf, (gsize)got, want);
	if (got < 0) {
		report_error (sink, path, g_strerror (errno));
		close (fd);
		return FALSE;
	}
	buf[got] = '\0';
	close (fd);
	sink->message (path, buf, (gsize)got, sink->user);
	return TRUE;
}

gboolean
bv_input_read_file (const char *path, int fd, gsize want, const BvInputSink *sink)
{
	if (fd < 0) {
		/* Not opened yet: open and read it here, mbox or not, every
		 * message and problem to @sink. */
		BvInputSink now = *sink;
		now.file = NULL;
		return each_file (path, &now);
	}
	/* The walker opened it and already knows it is no mbox. */
	return read_and_deliver (path, fd, want, FALSE, sink);
}

/* Reads one regular file: a message, or an mbox when it starts with "From ". */
static gboolean
each_file (const char *path, const BvInputSink *sink)
{
	if (sink->file != NULL && sink->unopened) {
		/* Another process reads it, problems and all. */
		sink->file (path, -1, 0, sink->user);
		return TRUE;
	}
	/* O_NONBLOCK: opening a FIFO someone left in a Maildir must not wait
	 * for a writer; the file type is checked right after. */
	int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		report_error (sink, path, g_strerror (errno));
		return FALSE;
	}
	struct stat st;
	if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode)) {
		report_error (sink, path, S_ISDIR (st.st_mode) ? "is a directory" : "not a regular file");
		close (fd);
		return FALSE;
	}
	/* O_NONBLOCK stays set: it does nothing to a regular file (POSIX
	 * gives it a meaning for FIFOs, sockets and devices only), and
	 * clearing it was two system calls per message.  Read up to the size
	 * fstat gave: a file that changes while it is read is parsed as it
	 * was read. */
	gsize want = MIN ((gsize)st.st_size, BV_INPUT_MAX_MESSAGE);
	if ((guint64)st.st_size > BV_INPUT_MAX_MESSAGE)
		report_error (sink, path, "larger than 64 MiB: parsed up to that size");
	if (sink->file == NULL)
		return read_and_deliver (path, fd, want, TRUE, sink);
	/* A worker will read this file: the walker looks at its first bytes
	 * only, to split an mbox itself. */
	char head[5];
	if (want >= 5 && pread (fd, head, 5, 0) == 5 && looks_like_mbox (head, 5))
		return mbox_from_fd (path, fd, sink);
	sink->file (path, fd, want, sink->user);
	return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
	return strcmp (*(char *const *)a, *(char *const *)b);
}

/* Lists the entries of @dir, sorted, without dot files.  NULL on error. */
static GPtrArray *
list_dir (const char *dir, const BvInputSink *sink)
{
	g_autoptr (GError) error = NULL;
	g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
	if (d == NULL) {
		report_error (sink, dir, error->message);
		return NULL;
	}
	GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
	const char *name;
	while ((name = g_dir_read_name (d)) != NULL)
		if (name[0] != '.')
			g_ptr_array_add (names, g_strdup (name));
	g_ptr_array_sort (names, compare_names);
	return names;
}

static gboolean each_path (const char *path, const BvInputSink *sink, guint depth);

static gboolean
each_dir (const char *dir, const BvInputSink *sink, guint depth)
{
	if (depth > 32) {
		report_error (sink, dir, "directories nested too deep (a symlink loop?)");
		return FALSE;
	}
	g_autofree char *cur = g_build_filename (dir, "cur", NULL);
	g_autofree char *new = g_build_filename (dir, "new", NULL);
	gboolean maildir = g_file_test (cur, G_FILE_TEST_IS_DIR) || g_file_test (new, G_FILE_TEST_IS_DIR);
	gboolean ok = TRUE;
	if (maildir) {
		/* A Maildir: new/ then cur/; tmp/ holds messages still being
		 * written and is never read. */
		const char *sub[] = { new, cur };
		for (gsize i = 0; i < G_N_ELEMENTS (sub); i++) {
			if (!g_file_test (sub[i], G_FILE_TEST_IS_DIR))
				continue;
			g_autoptr (GPtrArray) names = list_dir (sub[i], sink);
			if (names == NULL) {
				ok = FALSE;
				continue;
			}
			for (guint j = 0; j < names->len; j++) {
				g_autofree char *p = g_build_filename (sub[i], names->pdata[j], NULL);
				if (sink->file != NULL) {
					/* Opening, fstat() and the look for an mbox
					 * "From " line were most of a walker's time
					 * per message: with workers, they open it. */
					sink->file (p, -1, 0, sink->user);
					continue;
				}
				ok &= each_file (p, sink);
			}
		}
		return ok;
	}
	g_autoptr (GPtrArray) names = list_dir (dir, sink);
	if (names == NULL)
		return FALSE;
	for (guint j = 0; j < names->len; j++) {
		g_autofree char *p = g_build_filename (dir, names->pdata[j], NULL);
		ok &= each_path (p, sink, depth + 1);
	}
	return ok;
}

static gboolean
each_path (const char *path, const BvInputSink *sink, guint depth)
{
	struct stat st;
	if (stat (path, &st) != 0) {
		report_error (sink, path, g_strerror (errno));
		return FALSE;
	}
	if (S_ISDIR (st.st_mode)) {
		/* Inside a tree, a symlink to a directory is not followed: it
		 * is how loops are made, and the target is usually walked
		 * anyway.  A path the user names is always followed. */
		struct stat lst;
		if (depth > 0 && lstat (path, &lst) == 0 && S_ISLNK (lst.st_mode))
			return TRUE;
		return each_dir (path, sink, depth);
	}
	return each_file (path, sink);
}

gboolean
bv_input_walk (const char *path, const BvInputSink *sink)
{
	if (strcmp (path, "-") == 0)
		return each_stdin (sink);
	return each_path (path, sink, 0);
}
