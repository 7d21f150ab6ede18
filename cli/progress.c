/* progress.c: the progress bar of long commands (see progress.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/progress.h"

#define BAR_WIDTH 24
#define REDRAW_US (100 * 1000)

struct _BvProgress {
	gboolean enabled;
	gboolean shown;
	char *phase;
	gint64 phase_start;
	gint64 last_draw;
};

BvProgress *
bv_progress_new (gboolean verbose)
{
	BvProgress *p = g_new0 (BvProgress, 1);
	p->enabled = verbose || (isatty (STDOUT_FILENO) && isatty (STDERR_FILENO));
	return p;
}

void
bv_progress_clear (BvProgress *p)
{
	if (p->shown)
		fputs ("\r\033[K", stderr);
	p->shown = FALSE;
}

void
bv_progress_free (BvProgress *p)
{
	if (p == NULL)
		return;
	bv_progress_clear (p);
	g_free (p->phase);
	g_free (p);
}

static const char *
phase_label (const char *phase)
{
	if (strcmp (phase, "scan") == 0)
		return _ ("looking for new files");
	if (strcmp (phase, "index") == 0)
		return _ ("indexing");
	if (strcmp (phase, "triage") == 0)
		return _ ("looking for reports");
	if (strcmp (phase, "parse") == 0)
		return _ ("parsing reports");
	return phase;
}

void
bv_progress_update (const char *phase, guint64 done, guint64 total, gpointer user)
{
	BvProgress *p = user;
	if (!p->enabled)
		return;
	gint64 now = g_get_monotonic_time ();
	if (p->phase == NULL || strcmp (p->phase, phase) != 0) {
		g_free (p->phase);
		p->phase = g_strdup (phase);
		p->phase_start = now;
		p->last_draw = 0;
	}
	/* Redraw at most ten times a second, but always the last step. */
	if (now - p->last_draw < REDRAW_US && done != total)
		return;
	p->last_draw = now;
	double secs = (now - p->phase_start) / (double)G_USEC_PER_SEC;
	double rate = secs > 0 ? done / secs : 0;
	GString *line = g_string_new ("\r\033[K");
	g_string_append_printf (line, "%s ", phase_label (phase));
	if (total > 0) {
		guint filled = (guint)(BAR_WIDTH * done / total);
		g_string_append_c (line, '[');
		for (guint i = 0; i < BAR_WIDTH; i++)
			g_string_append_c (line, i < filled ? '#' : '-');
		g_string_append_printf (line, "] %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT, done, total);
		if (rate > 0) {
			guint left = (guint)((total - done) / rate);
			/* TRANSLATORS: files per second, then minutes:seconds left */
			g_string_append_printf (line, _ ("  %.0f/s  %u:%02u left"), rate, left / 60,
			                        left % 60);
		}
	}
	fputs (line->str, stderr);
	fflush (stderr);
	g_string_free (line, TRUE);
	p->shown = TRUE;
}

void
bv_progress_waiting (const char *db_path, guint seconds, gpointer user)
{
	BvProgress *p = user;
	if (seconds > 0)
		return;
	bv_progress_clear (p);
	fprintf (stderr, "bounceview: %s\n",
	         _ ("the notmuch database is locked by another process (notmuch new?); waiting..."));
}
