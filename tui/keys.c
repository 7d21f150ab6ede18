/* keys.c: key names and the bindings generated from the action table.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "tui/keys.h"

typedef struct {
	const char *name;
	const char *keys;
	const char *help;
	const char *section;
} ActionInfo;

static const ActionInfo actions[] = { { NULL, NULL, NULL, NULL },
#define BV_TUI_ACTION_INFO(e, name, keys, help, section) { name, keys, help, section },
	                              BV_TUI_ACTIONS (BV_TUI_ACTION_INFO)
#undef BV_TUI_ACTION_INFO
};

/* Names of the keys that are not plain characters.  Several names may map
 * to one key; the first one is the one printed. */
static const struct {
	const char *name;
	int key;
} named_keys[] = {
	{ "Enter", '\n' },
	{ "Enter", '\r' },
	{ "Enter", BV_KEY_FN (KEY_ENTER) },
	{ "Esc", 27 },
	{ "Tab", '\t' },
	{ "Space", ' ' },
	{ "Backspace", BV_KEY_FN (KEY_BACKSPACE) },
	{ "Backspace", 127 },
	{ "Up", BV_KEY_FN (KEY_UP) },
	{ "Down", BV_KEY_FN (KEY_DOWN) },
	{ "Left", BV_KEY_FN (KEY_LEFT) },
	{ "Right", BV_KEY_FN (KEY_RIGHT) },
	{ "PgUp", BV_KEY_FN (KEY_PPAGE) },
	{ "PgDn", BV_KEY_FN (KEY_NPAGE) },
	{ "Home", BV_KEY_FN (KEY_HOME) },
	{ "End", BV_KEY_FN (KEY_END) },
	{ "Insert", BV_KEY_FN (KEY_IC) },
	{ "Delete", BV_KEY_FN (KEY_DC) },
	{ "BackTab", BV_KEY_FN (KEY_BTAB) },
	{ "Resize", BV_KEY_FN (KEY_RESIZE) },
	{ "Mouse", BV_KEY_FN (KEY_MOUSE) },
};

int
bv_key_from_name (const char *name)
{
	if (name == NULL || *name == '\0')
		return 0;
	for (gsize i = 0; i < G_N_ELEMENTS (named_keys); i++)
		if (g_ascii_strcasecmp (name, named_keys[i].name) == 0)
			return named_keys[i].key;
	if (name[0] == 'C' && name[1] == '-' && name[2] != '\0' && name[3] == '\0')
		return g_ascii_tolower (name[2]) & 0x1f;
	if ((name[0] == 'F' || name[0] == 'f') && g_ascii_isdigit (name[1])) {
		guint n = (guint)g_ascii_strtoull (name + 1, NULL, 10);
		if (n >= 1 && n <= 12)
			return BV_KEY_FN (KEY_F (n));
	}
	/* A single character, which may take several bytes. */
	if (!g_utf8_validate (name, -1, NULL))
		return 0;
	if (g_utf8_strlen (name, -1) != 1)
		return 0;
	return (int)g_utf8_get_char (name);
}

char *
bv_key_name (int key)
{
	for (gsize i = 0; i < G_N_ELEMENTS (named_keys); i++)
		if (named_keys[i].key == key)
			return g_strdup (named_keys[i].name);
	/* C-a to C-z, then C-\ C-] C-^ C-_ (Esc, 27, is named above). */
	if (key > 0 && key <= 26)
		return g_strdup_printf ("C-%c", key + 'a' - 1);
	if (key > 26 && key < 32)
		return g_strdup_printf ("C-%c", key + '@');
	if ((key & BV_KEY_FN (0)) && (key & ~BV_KEY_FN (0)) >= KEY_F (1) &&
	    (key & ~BV_KEY_FN (0)) <= KEY_F (12))
		return g_strdup_printf ("F%d", (key & ~BV_KEY_FN (0)) - KEY_F (0));
	if (key > 0 && key < 0x110000) {
		char buf[8] = { 0 };
		g_unichar_to_utf8 ((gunichar)key, buf);
		return g_strdup (buf);
	}
	return g_strdup_printf ("<%#x>", key);
}

/* Splits "view:Key" into its scope (new string, NULL when none) and the
 * key's name (inside @name). */
static const char *
split_scope (const char *name, char **scope)
{
	const char *colon = strchr (name, ':');
	/* ":" alone is a key, not an empty scope. */
	if (colon == NULL || colon == name || colon[1] == '\0') {
		*scope = NULL;
		return name;
	}
	*scope = g_strndup (name, (gsize)(colon - name));
	return colon + 1;
}

static void
bind (GHashTable *t, int key, int action)
{
	g_hash_table_insert (t, GINT_TO_POINTER (key), GINT_TO_POINTER (action));
	/* Enter arrives as \r, \n or KEY_ENTER depending on the terminal:
	 * bind all of them. */
	if (key == '\n') {
		g_hash_table_insert (t, GINT_TO_POINTER ('\r'), GINT_TO_POINTER (action));
		g_hash_table_insert (t, GINT_TO_POINTER (BV_KEY_FN (KEY_ENTER)), GINT_TO_POINTER (action));
	}
}

/* The bindings, built once from the table on first use: for each scope
 * ("" for none), a table key -> action. */
static GHashTable *
bindings (void)
{
	/* Only the UI thread reads keys, so no locking is needed. */
	static GHashTable *scopes;
	if (scopes == NULL) {
		GHashTable *s = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
		                                       (GDestroyNotify)g_hash_table_unref);
		g_hash_table_insert (s, g_strdup (""), g_hash_table_new (NULL, NULL));
		for (int a = 1; a < BV_ACT_COUNT; a++) {
			g_auto (GStrv) names = g_strsplit (actions[a].keys, " ", -1);
			for (char **n = names; *n != NULL; n++) {
				g_autofree char *scope = NULL;
				int key = bv_key_from_name (split_scope (*n, &scope));
				g_warn_if_fail (key != 0);
				GHashTable *t = g_hash_table_lookup (s, scope ? scope : "");
				if (t == NULL) {
					t = g_hash_table_new (NULL, NULL);
					g_hash_table_insert (s, g_strdup (scope), t);
				}
				bind (t, key, a);
			}
		}
		scopes = s;
	}
	return scopes;
}

static BvActionId
lookup (const char *scope, int key)
{
	GHashTable *t = g_hash_table_lookup (bindings (), scope);
	return t != NULL ? (BvActionId)GPOINTER_TO_INT (g_hash_table_lookup (t, GINT_TO_POINTER (key)))
	                 : BV_ACT_NONE;
}

BvActionId
bv_key_action (int key)
{
	return lookup ("", key);
}

BvActionId
bv_key_action_in (int key, const char *view)
{
	BvActionId action = view != NULL ? lookup (view, key) : BV_ACT_NONE;
	return action != BV_ACT_NONE ? action : lookup ("", key);
}

const char *
bv_action_name (BvActionId action)
{
	return action > BV_ACT_NONE && action < BV_ACT_COUNT ? actions[action].name : NULL;
}

const char *
bv_action_keys (BvActionId action)
{
	return action > BV_ACT_NONE && action < BV_ACT_COUNT ? actions[action].keys : NULL;
}

char *
bv_action_keys_shown (BvActionId action)
{
	const char *keys = bv_action_keys (action);
	if (keys == NULL)
		return NULL;
	g_auto (GStrv) names = g_strsplit (keys, " ", -1);
	g_autoptr (GString) shown = g_string_new (NULL);
	for (char **n = names; *n != NULL; n++) {
		g_autofree char *scope = NULL;
		const char *name = split_scope (*n, &scope);
		if (shown->len > 0)
			g_string_append_c (shown, ' ');
		g_string_append (shown, name);
	}
	return g_string_free (g_steal_pointer (&shown), FALSE);
}

const char *
bv_action_help (BvActionId action)
{
	return action > BV_ACT_NONE && action < BV_ACT_COUNT ? _ (actions[action].help) : NULL;
}

const char *
bv_action_section (BvActionId action)
{
	return action > BV_ACT_NONE && action < BV_ACT_COUNT ? _ (actions[action].section) : NULL;
}
