/* keys.h: key names and the key-to-action bindings built from actions.h.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A key is an int: a Unicode code point for a character (control keys are
 * the code points 1 to 31), or BV_KEY_FN(k) for an ncurses function key
 * KEY_*, which would otherwise collide with code points.
 */
#ifndef BV_TUI_KEYS_H
#define BV_TUI_KEYS_H

#include <glib.h>

#include "tui/actions.h"

G_BEGIN_DECLS

#define BV_KEY_FN(k) (0x200000 | (k))
/* Not keys: what bv_screen_read_key() returns when nothing came in time,
 * and when a test script has run out. */
#define BV_KEY_NONE 0
#define BV_KEY_SCRIPT_END 0x400000

/* Parses a key name ("j", "C-l", "PgDn", "Enter", "é"); 0 when unknown. */
int bv_key_from_name (const char *name);
/* The name of @key as bv_key_from_name() reads it (new string). */
char *bv_key_name (int key);

/* The action @key is bound to, or BV_ACT_NONE. */
BvActionId bv_key_action (int key);
/* The same in the view named @view: a binding scoped to it comes first. */
BvActionId bv_key_action_in (int key, const char *view);

/* Machine name, default key names and translated help text of @action;
 * NULL when out of range.  Static strings. */
const char *bv_action_name (BvActionId action);
const char *bv_action_keys (BvActionId action);
/* The key names as the help screen shows them: scopes left out (new
 * string). */
char *bv_action_keys_shown (BvActionId action);
const char *bv_action_help (BvActionId action);
const char *bv_action_section (BvActionId action);

G_END_DECLS

#endif /* BV_TUI_KEYS_H */
