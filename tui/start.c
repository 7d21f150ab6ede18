/* start.c: the index run at start, in a thread, with a progress bar.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indexing runs in its own thread so that the key loop stays free: the user
 * can quit at any time, and the bar is redrawn from the figures the
 * thread publishes.  A start with nothing new finishes before the bar's
 * delay, so it never flashes.
 */
#include "config.h"

#include <curses.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "tui/draw.h"
#include "index/index.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/start.h"
#include "tui/theme.h"

/* Show the bar only when indexing takes longer than this. */
#define BAR_DELAY_US (150 * 1000)

typedef struct {
	char *maildir;
	GMutex lock;
	const char *phase;  /* static string from index.c */
	gint64 phase_start; /* monotonic time the phase began */
	guint64 done;
	guint64 total;
	gboolean finished;
	gboolean ok;
	GError *error;
	BvIndexStats stats;
	GThread *thread;
} Job;

static void
on_progress (const char *phase, guint64 done, guint64 total, gpointer user)
{
	Job *job = user;
	g_mutex_lock (&job->lock);
	if (g_strcmp0 (job->phase, phase) != 0)
		job->phase_start = g_get_monotonic_time ();
	job->phase = phase;
	job->done = done;
	job->total = total;
	g_mutex_unlock (&job->lock);
}

static gpointer
run_index (gpointer user)
{
	Job *job = user;
	BvIndexOptions options = {
		.maildir = job->maildir, .tags = -1, .progress = on_progress, .user = job
	};
	GError *error = NULL;
	BvIndexStats stats = { 0 };
	gboolean ok = bv_index_update (&options, &stats, &error);
	g_mutex_lock (&job->lock);
	job->ok = ok;
	job->error = error;
	job->stats = stats;
	job->finished = TRUE;
	g_mutex_unlock (&job->lock);
	return NULL;
}

static const char *
phase_label (const char *phase)
{
	if (g_strcmp0 (phase, "scan") == 0)
		return _ ("Looking for new mail");
	if (g_strcmp0 (phase, "index") == 0)
		return _ ("Indexing new messages");
	if (g_strcmp0 (phase, "triage") == 0)
		return _ ("Looking for bounce reports");
	if (g_strcmp0 (phase, "parse") == 0)
		return _ ("Reading the bounces");
	return _ ("Opening the index");
}

static void
draw_progress (Job *job)
{
	g_mutex_lock (&job->lock);
	const char *phase = job->phase;
	guint64 done = job->done, total = job->total;
	gint64 since = job->phase_start;
	g_mutex_unlock (&job->lock);
	/* The rate and the time left, as the command line shows them
	 * (cli/progress.c): over the current phase. */
	double secs = since > 0 ? (g_get_monotonic_time () - since) / (double)G_USEC_PER_SEC : 0;
	double rate = secs > 0.5 ? done / secs : 0;

	erase ();
	int w = MIN (COLS - 4, 60);
	int x = (COLS - w) / 2, y = LINES / 2 - 2;
	bv_draw_cell (y, x, w, phase_label (phase), bv_theme_attr (BV_EL_HEADER), FALSE);
	int filled = total > 0 ? (int)((guint64)w * MIN (done, total) / total) : 0;
	bv_draw_fill (y + 1, x, filled, bv_theme_attr (BV_EL_PROGRESS));
	bv_draw_fill (y + 1, x + filled, w - filled, bv_theme_attr (BV_EL_CURSOR_IDLE));
	g_autofree char *figures =
	        total > 0 ? g_strdup_printf ("%" G_GUINT64_FORMAT " / %" G_GUINT64_FORMAT " (%d%%)", done,
	                                     total, (int)(done * 100 / total))
	                  : g_strdup_printf ("%" G_GUINT64_FORMAT, done);
	if (total > 0 && rate > 0) {
		guint left = (guint)((total - MIN (done, total)) / rate);
		g_autofree char *old = g_steal_pointer (&figures);
		/* TRANSLATORS: after "120 / 400 (30%)": messages a second,
		 * then minutes:seconds left. */
		figures = g_strdup_printf (_ ("%s  %.0f/s  %u:%02u left"), old, rate, left / 60, left % 60);
	}
	bv_draw_cell (y + 2, x, w, figures, bv_theme_attr (BV_EL_DEFAULT), FALSE);
	bv_draw_cell (y + 4, x, w, _ ("q or Esc shows what is indexed so far; indexing goes on."),
	              bv_theme_attr (BV_EL_DIM), FALSE);
	bv_draw_cell (y + 5, x, w, _ ("Q or Ctrl-C stops; indexing goes on at the next start."),
	              bv_theme_attr (BV_EL_DIM), FALSE);
	refresh ();
}

static gboolean
job_finished (Job *job)
{
	g_mutex_lock (&job->lock);
	gboolean finished = job->finished;
	g_mutex_unlock (&job->lock);
	return finished;
}

BvIndexJob *
bv_index_job_start (const char *maildir)
{
	Job *job = g_new0 (Job, 1);
	g_mutex_init (&job->lock);
	job->maildir = g_strdup (maildir);
	job->thread = g_thread_new ("bv-index", run_index, job);
	return (BvIndexJob *)job;
}

char *
bv_index_job_describe (BvIndexJob *index_job)
{
	Job *job = (Job *)index_job;
	g_mutex_lock (&job->lock);
	const char *phase = job->phase;
	guint64 done = job->done, total = job->total;
	g_mutex_unlock (&job->lock);
	if (total == 0)
		return g_strdup (phase_label (phase));
	return g_strdup_printf ("%s %d%%", phase_label (phase), (int)(MIN (done, total) * 100 / total));
}

gboolean
bv_index_job_done (BvIndexJob *job)
{
	return job_finished ((Job *)job);
}

gboolean
bv_index_job_finish (BvIndexJob *index_job, BvIndexStats *stats, GError **error)
{
	Job *job = (Job *)index_job;
	g_thread_join (job->thread);
	gboolean ok = job->ok;
	if (stats != NULL)
		*stats = job->stats;
	if (!ok)
		g_propagate_error (error, job->error);
	g_mutex_clear (&job->lock);
	g_free (job->maildir);
	g_free (job);
	return ok;
}

gboolean
bv_start_index (const char *maildir, gboolean at_once, gboolean *cancelled, BvIndexJob **background,
                GError **error)
{
	*cancelled = FALSE;
	*background = NULL;
	/* When the user quits while the index is written, the job is left
	 * running and never freed, on purpose: the process ends at once. */
	Job *job = (Job *)bv_index_job_start (maildir);
	gint64 start = g_get_monotonic_time ();
	if (at_once && !bv_screen_scripted ())
		draw_progress (job);
	while (!job_finished (job)) {
		if (bv_screen_scripted ()) {
			/* Test scripts wait: their keys are for the views. */
			g_usleep (10 * 1000);
			continue;
		}
		int key = bv_screen_read_key (100);
		/* q or Esc: the views open on what is indexed so far
		 * while the run goes on; Q or Ctrl-C stops it. */
		BvActionId action = bv_key_action (key);
		if (bv_screen_quit_requested () || key == 3 || action == BV_ACT_QUIT) {
			*cancelled = TRUE;
			return FALSE;
		}
		if (action == BV_ACT_BACK) {
			*background = (BvIndexJob *)job;
			return TRUE;
		}
		if (g_get_monotonic_time () - start > BAR_DELAY_US || key == BV_KEY_FN (KEY_RESIZE))
			draw_progress (job);
	}
	return bv_index_job_finish ((BvIndexJob *)job, NULL, error);
}
