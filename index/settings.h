/* settings.h: bounceview's own configuration file (not named config.h, which
 * is the build configuration every source includes first).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * $XDG_CONFIG_HOME/bounceview/config ($BOUNCEVIEW_CONFIG overrides the
 * path), a GKeyFile:
 *
 *   [index]
 *   maildir=~/Maildir       default Maildir when none is given
 *   tags=true               tag reports bounce / bounce-hard / bounce-soft
 *   [policy]
 *   soft-count=3            soft bounces before a proposal ...
 *   soft-days=7             ... spread over at least this many days
 *   [ui]
 *   theme=default           a theme name from themes/
 *   grouping=cause          cause, domain, status, mta, month or address
 *
 * A missing file or key gives the default; a malformed value is reported.
 */
#ifndef BV_SETTINGS_H
#define BV_SETTINGS_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
	char *maildir; /* NULL when not configured; "~/" expanded */
	gboolean tags;
	guint soft_count;
	guint soft_days;
	char *theme;    /* never NULL */
	char *grouping; /* never NULL */
} BvConfig;

/* The configuration file's path (new string). */
char *bv_config_path (void);

/* Loads @path (NULL: bv_config_path()).  A missing file is not an error.
 * Returns NULL with @error set when the file cannot be read or a value is
 * malformed.  Free with bv_config_free(). */
BvConfig *bv_config_load (const char *path, GError **error);
/* The defaults, as when no file exists. */
BvConfig *bv_config_new_default (void);
void bv_config_free (BvConfig *config);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvConfig, bv_config_free)

G_END_DECLS

#endif /* BV_SETTINGS_H */
