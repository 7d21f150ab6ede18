/* progress.h: a one-line progress bar on standard error for long runs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the phase, files done out of the total, the rate and the time left,
 * redrawn at most ten times a second.  Draws only when standard output is a
 * terminal (the user is watching) or when @verbose asks for it. */
#ifndef BV_PROGRESS_H
#define BV_PROGRESS_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BvProgress BvProgress;

BvProgress *bv_progress_new (gboolean verbose);
void bv_progress_free (BvProgress *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvProgress, bv_progress_free)

/* Matches BvIndexProgress (index.h): @user is the BvProgress. */
void bv_progress_update (const char *phase, guint64 done, guint64 total, gpointer user);
/* Clears the bar's line (before printing anything else). */
void bv_progress_clear (BvProgress *p);

/* A BvIndexWaiting callback (@user is the BvProgress): tells the person,
 * once, that another process holds the database's write lock. */
void bv_progress_waiting (const char *db_path, guint seconds, gpointer user);

G_END_DECLS

#endif
