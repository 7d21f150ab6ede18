/* view-help.c: every key, generated from the action table (actions.h).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tui/keys.h"
#include "tui/text-view.h"

static void
help_free (BvView *view)
{
	bv_text_view_clear ((BvTextView *)view);
	g_free (view);
}

static const BvViewClass help_class = {
	.name = "help",
	.title = bv_text_view_title,
	.draw = bv_text_view_draw,
	.request = bv_text_view_request,
	.matches = bv_text_view_matches,
	.free = help_free,
};

BvView *
bv_view_help_new (BvTui *tui)
{
	BvTextView *tv = g_new0 (BvTextView, 1);
	bv_text_view_init (tv, &help_class, _ ("Help: keys"));
	bv_text_view_add (tv, BV_EL_DEFAULT, NULL,
	                  _ ("Groups → addresses → one address's bounces → one bounce → raw message. "
	                     "Enter opens, q goes back. Marks are saved as soon as they are made."),
	                  TRUE);
	const char *section = NULL;
	for (int a = BV_ACT_NONE + 1; a < BV_ACT_COUNT; a++) {
		if (g_strcmp0 (section, bv_action_section (a)) != 0) {
			section = bv_action_section (a);
			bv_text_view_section (tv, section);
		}
		g_autofree char *keys = bv_action_keys_shown (a);
		bv_text_view_add (tv, BV_EL_DEFAULT, keys, bv_action_help (a), TRUE);
	}
	bv_text_view_section (tv, _ ("Mouse"));
	bv_text_view_add (tv, BV_EL_DEFAULT, NULL,
	                  _ ("Click a line to move to it, double-click to open it; the wheel scrolls."),
	                  TRUE);
	return &tv->parent;
}
