/* scan-procs.c: `scan --jobs N` over files, one worker process per job.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The walk lists every file first (a Maildir's names are sorted anyway, so
 * the list exists in any case); the files are then cut into chunks of
 * CHUNK_FILES, and worker k of N takes chunks k, k + N, k + 2N ...  Each
 * worker reads, parses and prints its files as the one-process scan would,
 * into memory, and sends each chunk's output down a pipe of its own as a
 * list of events (records, lines for standard error, a file it could not
 * read).  This process reads the chunks in order, one worker after the
 * other, and replays them, so the output is byte for byte that of one
 * process.
 *
 * Why processes and not threads: on two cores, two threads parsing spent
 * 1.2x the CPU time of one (the allocator's arenas, GLib's and GMime's
 * shared state, the scheduler's wake-ups) while two processes spent what
 * one does (bench/README.md, 8 December 2026).  Nothing is shared after
 * fork() but the read-only list of files. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cli/input.h"
#include "cli/scan-procs.h"

/* Files per chunk: enough that a chunk costs one write and one read of the
 * pipe, few enough that the workers take turns often and a slow message
 * delays the output little. */
#define CHUNK_FILES 64

/* What a worker sends: one byte of type, the length as 4 bytes in this
 * machine's order, then the bytes. */
enum {
	EVENT_OUT = 'O',  /* records, for the printer's join() */
	EVENT_ERR = 'E',  /* lines for standard error */
	EVENT_FAIL = 'F', /* a file could not be read: the exit status says so */
	EVENT_END = 'C',  /* the chunk is complete */
};

/* One entry of the walk, in its order: a file to read, or a problem the
 * walk met (a directory it could not list, a path that does not exist). */
typedef struct {
	char *path;
	char *problem;
} Item;

static void
item_clear (gpointer data)
{
	Item *item = data;
	g_free (item->path);
	g_free (item->problem);
}

static void
list_file (const char *path, int fd, gsize want, gpointer user)
{
	(void)want;
	if (fd >= 0)
		close (fd);
	Item item = { g_strdup (path), NULL };
	g_array_append_val ((GArray *)user, item);
}

static void
list_problem (const char *path, const char *reason, gpointer user)
{
	Item item = { g_strdup (path), g_strdup (reason) };
	g_array_append_val ((GArray *)user, item);
}

/* Never called: with `unopened`, the walk of files and directories hands
 * over every file unread. */
static void
list_message (const char *name, const char *data, gsize len, gpointer user)
{
	(void)name, (void)data, (void)len, (void)user;
	g_assert_not_reached ();
}

gboolean
bv_scan_procs_fit (char *const *paths)
{
	/* A named mbox is split by the walk and its messages shared among
	 * threads (scan-jobs.c); here it would be one worker's. */
	for (char *const *p = paths; *p; p++)
		if (bv_input_is_stream (*p))
			return FALSE;
	return TRUE;
}

/* ---- a worker ---- */

typedef struct {
	const BvJobs *jobs;
	GByteArray *events; /* of the chunk being read */
	GByteArray *out;    /* what the printer wrote since the last event */
	GByteArray *err;
	FILE *out_fp;
	FILE *err_fp;
} Worker;

static void
put_event (GByteArray *events, char type, const guint8 *data, guint32 len)
{
	g_byte_array_append (events, (const guint8 *)&type, 1);
	g_byte_array_append (events, (const guint8 *)&len, sizeof len);
	if (len > 0)
		g_byte_array_append (events, data, len);
}

/* Turns what the printer and the error stream hold into events, in the
 * order written: records first, as emit() writes them before its notes. */
static void
take_output (Worker *w)
{
	fflush (w->out_fp);
	fflush (w->err_fp);
	if (w->out->len > 0)
		put_event (w->events, EVENT_OUT, w->out->data, w->out->len);
	if (w->err->len > 0)
		put_event (w->events, EVENT_ERR, w->err->data, w->err->len);
	g_byte_array_set_size (w->out, 0);
	g_byte_array_set_size (w->err, 0);
}

static ssize_t
append_bytes (void *cookie, const char *buf, size_t size)
{
	g_byte_array_append (cookie, (const guint8 *)buf, (guint)size);
	return (ssize_t)size;
}

static FILE *
open_bytes (GByteArray *bytes)
{
	cookie_io_functions_t io = { .write = append_bytes };
	return fopencookie (bytes, "w", io);
}

static void
worker_message (const char *name, const char *data, gsize len, gpointer user)
{
	Worker *w = user;
	w->jobs->emit (name, w->jobs->work (data, len, w->jobs->user), w->jobs->user);
	take_output (w);
}

static void
worker_problem (const char *path, const char *reason, gpointer user)
{
	Worker *w = user;
	bv_input_fprint_problem (w->err_fp, path, reason);
	take_output (w);
}

/* Reads chunks @k, @k + @n ... of @items and writes their events to @fd.
 * Never returns. */
G_GNUC_NORETURN static void
worker_main (const GArray *items, guint k, guint n, int fd, const BvJobs *jobs)
{
	Worker w = {
		.jobs = jobs,
		.events = g_byte_array_new (),
		.out = g_byte_array_new (),
		.err = g_byte_array_new (),
	};
	w.out_fp = open_bytes (w.out);
	w.err_fp = open_bytes (w.err);
	FILE *pipe_fp = fdopen (fd, "w");
	if (w.out_fp == NULL || w.err_fp == NULL || pipe_fp == NULL)
		_exit (3);
	jobs->redirect (w.out_fp, w.err_fp, jobs->user);
	BvInputSink sink = { worker_message, worker_problem, NULL, FALSE, &w };
	int status = 0;
	for (guint c = k; (gsize)c * CHUNK_FILES < items->len && status == 0; c += n) {
		guint end = MIN (items->len, (c + 1) * CHUNK_FILES);
		for (guint i = c * CHUNK_FILES; i < end; i++) {
			const Item *item = &g_array_index (items, Item, i);
			if (item->problem != NULL)
				worker_problem (item->path, item->problem, &w);
			else if (!bv_input_read_file (item->path, -1, 0, &sink))
				put_event (w.events, EVENT_FAIL, NULL, 0);
		}
		put_event (w.events, EVENT_END, NULL, 0);
		/* A reader gone away (the scan stopped) ends the worker. */
		if (fwrite (w.events->data, 1, w.events->len, pipe_fp) != w.events->len ||
		    fflush (pipe_fp) != 0)
			status = 1;
		g_byte_array_set_size (w.events, 0);
	}
	fclose (w.out_fp);
	fclose (w.err_fp);
	g_byte_array_unref (w.events);
	g_byte_array_unref (w.out);
	g_byte_array_unref (w.err);
	fclose (pipe_fp);
	/* _exit: the stdio buffers and exit handlers are the parent's. */
	_exit (status);
}

/* ---- the parent ---- */

typedef struct {
	pid_t pid;
	FILE *in; /* the worker's events */
} Child;

static gboolean
read_exact (FILE *in, void *buf, gsize len)
{
	return len == 0 || fread (buf, 1, len, in) == len;
}

/* Replays one chunk of events from @in.  FALSE when the worker's stream
 * ended before the chunk did. */
static gboolean
replay_chunk (FILE *in, const BvJobs *jobs, GByteArray *buf, gboolean *ok)
{
	for (;;) {
		char type;
		guint32 len;
		if (!read_exact (in, &type, 1) || !read_exact (in, &len, sizeof len))
			return FALSE;
		g_byte_array_set_size (buf, len);
		if (!read_exact (in, buf->data, len))
			return FALSE;
		switch (type) {
		case EVENT_OUT: jobs->join ((const char *)buf->data, len, jobs->user); break;
		case EVENT_ERR: fwrite (buf->data, 1, len, stderr); break;
		case EVENT_FAIL: *ok = FALSE; break;
		case EVENT_END: return TRUE;
		default: return FALSE;
		}
	}
}

/* Says why @child stopped before its chunk that starts with @first. */
static void
report_lost_worker (Child *child, const char *first)
{
	int status = 0;
	if (child->pid > 0 && waitpid (child->pid, &status, 0) == child->pid)
		child->pid = 0;
	g_autofree char *how = WIFSIGNALED (status)
	                               ? g_strdup_printf (_ ("killed by signal %d"), WTERMSIG (status))
	                               : g_strdup_printf (_ ("exit status %d"), WEXITSTATUS (status));
	g_autofree char *safe = g_strescape (first, NULL);
	fprintf (stderr, "bounceview: scan: %s: %s (%s)\n", safe,
	         _ ("a worker process stopped while reading this file or the next ones; the rest was not "
	            "read"),
	         how);
}

static void
inline_message (const char *name, const char *data, gsize len, gpointer user)
{
	const BvJobs *j = user;
	j->emit (name, j->work (data, len, j->user), j->user);
}

gboolean
bv_scan_procs_run (char *const *paths, guint jobs, const BvJobs *j)
{
	g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
	g_array_set_clear_func (items, item_clear);
	BvInputSink list = { list_message, list_problem, list_file, TRUE, items };
	gboolean ok = TRUE;
	for (char *const *p = paths; *p; p++)
		ok &= bv_input_walk (*p, &list);

	guint chunks = (items->len + CHUNK_FILES - 1) / CHUNK_FILES;
	guint n = MIN (jobs, chunks);
	/* Nothing to share: read here, as one process does. */
	if (n <= 1) {
		BvInputSink sink = { inline_message, NULL, NULL, FALSE, (gpointer)j };
		for (guint i = 0; i < items->len; i++) {
			const Item *item = &g_array_index (items, Item, i);
			if (item->problem != NULL)
				bv_input_print_problem (item->path, item->problem);
			else
				ok &= bv_input_read_file (item->path, -1, 0, &sink);
		}
		return ok;
	}

	/* Buffered output must not be written twice, once by each copy. */
	fflush (stdout);
	fflush (stderr);
	Child *children = g_new0 (Child, n);
	guint started = 0;
	for (; started < n; started++) {
		int fds[2];
		if (pipe2 (fds, O_CLOEXEC) != 0)
			break;
		/* Room for a few chunks, so a worker rarely waits for its
		 * turn to be read (the default is 64 KiB; failing is fine). */
		(void)fcntl (fds[1], F_SETPIPE_SZ, 1024 * 1024);
		pid_t pid = fork ();
		if (pid < 0) {
			close (fds[0]);
			close (fds[1]);
			break;
		}
		if (pid == 0) {
			close (fds[0]);
			/* The other workers' streams are the parent's only, or
			 * a worker would not see the parent go away. */
			for (guint i = 0; i < started; i++)
				close (fileno (children[i].in));
			worker_main (items, started, n, fds[1], j);
		}
		close (fds[1]);
		children[started].pid = pid;
		children[started].in = fdopen (fds[0], "r");
	}
	if (started < n) {
		g_autofree char *why = g_strdup (g_strerror (errno));
		fprintf (stderr, "bounceview: scan: %s: %s\n", _ ("could not start the worker processes"),
		         why);
		ok = FALSE;
	}

	g_autoptr (GByteArray) buf = g_byte_array_new ();
	gboolean lost = started < n;
	for (guint c = 0; !lost && c < chunks; c++) {
		Child *child = &children[c % n];
		if (!replay_chunk (child->in, j, buf, &ok)) {
			report_lost_worker (child, g_array_index (items, Item, c * CHUNK_FILES).path);
			lost = TRUE;
			ok = FALSE;
		}
	}
	/* After a lost worker the others may still be writing: stop them. */
	for (guint i = 0; i < started; i++) {
		if (lost && children[i].pid > 0)
			kill (children[i].pid, SIGTERM);
		fclose (children[i].in);
		int status;
		while (children[i].pid > 0 && waitpid (children[i].pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	g_free (children);
	return ok;
}
