/* log.c: stderr and GLib's messages into a file while curses is on.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tui/log.h"

static struct {
	gboolean on;
	int saved_stderr; /* the terminal's stderr while on */
	int fd;           /* the log file (or /dev/null) while on */
	off_t seen;       /* the log's size when last looked at */
	gboolean writer_installed;
} logcap = { FALSE, -1, -1, 0, FALSE };

char *
bv_log_path (void)
{
	return g_build_filename (g_get_user_state_dir (), "bounceview", "log", NULL);
}

/* GLib's writer can be set once per process: this one writes to the
 * log while the capture is on and leaves the rest to GLib's own. */
static GLogWriterOutput
writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
	if (!logcap.on || logcap.fd < 0)
		return g_log_writer_default (level, fields, n_fields, data);
	const char *domain = NULL;
	for (gsize i = 0; i < n_fields; i++)
		if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
			domain = fields[i].value;
	/* Debug and info messages only when G_MESSAGES_DEBUG asks for
	 * them, as GLib decides. */
	if (!g_log_writer_default_would_drop (level, domain)) {
		g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
		g_autofree char *when = g_date_time_format_iso8601 (now);
		g_autofree char *line = g_log_writer_format_fields (level, fields, n_fields, FALSE);
		g_autofree char *out = g_strdup_printf ("%s %s\n", when, line);
		gsize left = strlen (out);
		const char *p = out;
		while (left > 0) {
			ssize_t n = write (logcap.fd, p, left);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			p += n;
			left -= (gsize)n;
		}
	}
	/* Fatal levels still abort, as GLib's own writer would. */
	return G_LOG_WRITER_HANDLED;
}

gboolean
bv_log_capture_start (void)
{
	if (logcap.on)
		return TRUE;
	if (!logcap.writer_installed) {
		g_log_set_writer_func (writer, NULL, NULL);
		logcap.writer_installed = TRUE;
	}
	g_autofree char *path = bv_log_path ();
	g_autofree char *dir = g_path_get_dirname (path);
	gboolean ok = TRUE;
	int fd = -1;
	if (g_mkdir_with_parents (dir, 0700) == 0)
		fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		ok = FALSE;
		fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);
		if (fd < 0)
			return FALSE;
	}
	fflush (stderr);
	logcap.saved_stderr = fcntl (STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	if (logcap.saved_stderr < 0 || dup2 (fd, STDERR_FILENO) < 0) {
		if (logcap.saved_stderr >= 0)
			close (logcap.saved_stderr);
		logcap.saved_stderr = -1;
		close (fd);
		return FALSE;
	}
	struct stat st;
	logcap.seen = fstat (fd, &st) == 0 ? st.st_size : 0;
	logcap.fd = fd;
	logcap.on = TRUE;
	return ok;
}

void
bv_log_capture_stop (void)
{
	if (!logcap.on)
		return;
	fflush (stderr);
	logcap.on = FALSE;
	dup2 (logcap.saved_stderr, STDERR_FILENO);
	close (logcap.saved_stderr);
	close (logcap.fd);
	logcap.saved_stderr = logcap.fd = -1;
}

gboolean
bv_log_take_news (void)
{
	struct stat st;
	if (!logcap.on || fstat (logcap.fd, &st) != 0 || st.st_size <= logcap.seen)
		return FALSE;
	logcap.seen = st.st_size;
	return TRUE;
}
