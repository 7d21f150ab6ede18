/* theme.c: reading theme files and turning them into curses attributes.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <curses.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tui/theme.h"

/* A colour: -1 the terminal's default, 0-255 an xterm colour number. */
typedef struct {
	int fg;
	int bg;
	int attrs; /* A_BOLD, ... */
} Style;

struct _BvTheme {
	char *name;
	Style styles[BV_EL_COUNT];
};

static const char *const element_names[] = {
#define BV_ELEMENT_NAME(e, name, def) name,
	BV_ELEMENTS (BV_ELEMENT_NAME)
#undef BV_ELEMENT_NAME
};

static const char *const element_defaults[] = {
#define BV_ELEMENT_DEFAULT(e, name, def) def,
	BV_ELEMENTS (BV_ELEMENT_DEFAULT)
#undef BV_ELEMENT_DEFAULT
};

static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	int attr;
} attr_names[] = {
	{ "normal", 0 },          { "bold", A_BOLD },
	{ "dim", A_DIM },         { "underline", A_UNDERLINE },
	{ "reverse", A_REVERSE }, { "standout", A_STANDOUT },
	{ "italic", A_ITALIC },   { "blink", A_BLINK },
};

/* The attributes of each element once applied to the screen. */
static int applied[BV_EL_COUNT];

static gboolean
parse_colour (const char *word, int *out)
{
	if (g_ascii_strcasecmp (word, "default") == 0 || strcmp (word, "-") == 0) {
		*out = -1;
		return TRUE;
	}
	gboolean bright = g_str_has_prefix (word, "bright-");
	const char *base = bright ? word + strlen ("bright-") : word;
	for (int i = 0; i < (int)G_N_ELEMENTS (colour_names); i++)
		if (g_ascii_strcasecmp (base, colour_names[i]) == 0) {
			*out = bright ? i + 8 : i;
			return TRUE;
		}
	const char *digits = g_str_has_prefix (word, "color") ? word + 5 : word;
	guint64 n;
	if (g_ascii_string_to_unsigned (digits, 10, 0, 255, &n, NULL)) {
		*out = (int)n;
		return TRUE;
	}
	return FALSE;
}

/* Parses "fg bg attr..." into @style; the error names the bad word. */
static gboolean
parse_style (char **words, Style *style, char **bad)
{
	if (words[0] == NULL || words[1] == NULL) {
		*bad = g_strdup (words[0] ? words[0] : "");
		return FALSE;
	}
	if (!parse_colour (words[0], &style->fg)) {
		*bad = g_strdup (words[0]);
		return FALSE;
	}
	if (!parse_colour (words[1], &style->bg)) {
		*bad = g_strdup (words[1]);
		return FALSE;
	}
	style->attrs = 0;
	for (char **w = words + 2; *w != NULL; w++) {
		gboolean found = FALSE;
		for (gsize i = 0; i < G_N_ELEMENTS (attr_names); i++)
			if (g_ascii_strcasecmp (*w, attr_names[i].name) == 0) {
				style->attrs |= attr_names[i].attr;
				found = TRUE;
			}
		if (!found) {
			*bad = g_strdup (*w);
			return FALSE;
		}
	}
	return TRUE;
}

static char **
split_words (const char *line)
{
	g_auto (GStrv) all = g_strsplit_set (line, " \t", -1);
	GPtrArray *words = g_ptr_array_new ();
	for (char **w = all; *w != NULL; w++)
		if (**w != '\0')
			g_ptr_array_add (words, g_strdup (*w));
	g_ptr_array_add (words, NULL);
	return (char **)g_ptr_array_free (words, FALSE);
}

BvTheme *
bv_theme_new_builtin (void)
{
	BvTheme *theme = g_new0 (BvTheme, 1);
	theme->name = g_strdup ("builtin");
	for (int el = 0; el < BV_EL_COUNT; el++) {
		g_auto (GStrv) words = split_words (element_defaults[el]);
		g_autofree char *bad = NULL;
		gboolean ok = parse_style (words, &theme->styles[el], &bad);
		g_assert (ok);
	}
	return theme;
}

BvTheme *
bv_theme_parse (const char *name, const char *text, const char *origin, GError **error)
{
	g_autoptr (BvTheme) theme = bv_theme_new_builtin ();
	g_free (theme->name);
	theme->name = g_strdup (name);
	g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
	for (guint n = 0; lines[n] != NULL; n++) {
		char *hash = strchr (lines[n], '#');
		if (hash != NULL)
			*hash = '\0';
		g_auto (GStrv) words = split_words (lines[n]);
		if (words[0] == NULL)
			continue;
		int el;
		for (el = 0; el < BV_EL_COUNT; el++)
			if (strcmp (words[0], element_names[el]) == 0)
				break;
		if (el == BV_EL_COUNT) {
			g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
			             _ ("%s:%u: unknown element “%s”"), origin, n + 1, words[0]);
			return NULL;
		}
		g_autofree char *bad = NULL;
		if (!parse_style (words + 1, &theme->styles[el], &bad)) {
			g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
			             _ ("%s:%u: “%s” is not a colour or attribute (see themes/README.md)"),
			             origin, n + 1, bad);
			return NULL;
		}
	}
	return g_steal_pointer (&theme);
}

void
bv_theme_free (BvTheme *theme)
{
	if (theme == NULL)
		return;
	g_free (theme->name);
	g_free (theme);
}

const char *
bv_theme_name (const BvTheme *theme)
{
	return theme->name;
}

/* Directories searched for NAME.theme, most personal first (new array). */
static GPtrArray *
theme_dirs (void)
{
	GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
	const char *env = g_getenv ("BOUNCEVIEW_THEME_DIR");
	if (env != NULL && *env != '\0')
		g_ptr_array_add (dirs, g_strdup (env));
	g_ptr_array_add (dirs, g_build_filename (g_get_user_config_dir (), "bounceview", "themes", NULL));
	g_ptr_array_add (dirs, g_build_filename (BV_DATADIR, "themes", NULL));
	return dirs;
}

BvTheme *
bv_theme_load (const char *name, GError **error)
{
	g_autofree char *path = NULL;
	g_autofree char *theme_name = NULL;
	if (strchr (name, '/') != NULL) {
		path = g_strdup (name);
		theme_name = g_path_get_basename (name);
		char *dot = strrchr (theme_name, '.');
		if (dot != NULL && dot != theme_name)
			*dot = '\0';
	} else {
		g_autoptr (GPtrArray) dirs = theme_dirs ();
		g_autofree char *file = g_strconcat (name, ".theme", NULL);
		for (guint i = 0; i < dirs->len && path == NULL; i++) {
			g_autofree char *candidate = g_build_filename (dirs->pdata[i], file, NULL);
			if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
				path = g_steal_pointer (&candidate);
		}
		if (path == NULL) {
			g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("No theme named “%s”"),
			             name);
			return NULL;
		}
		theme_name = g_strdup (name);
	}
	g_autofree char *text = NULL;
	if (!g_file_get_contents (path, &text, NULL, error))
		return NULL;
	return bv_theme_parse (theme_name, text, path, error);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
	return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

GStrv
bv_theme_list (void)
{
	g_autoptr (GPtrArray) dirs = theme_dirs ();
	g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < dirs->len; i++) {
		g_autoptr (GDir) dir = g_dir_open (dirs->pdata[i], 0, NULL);
		const char *entry;
		while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
			if (g_str_has_suffix (entry, ".theme"))
				g_hash_table_add (seen,
				                  g_strndup (entry, strlen (entry) - strlen (".theme")));
	}
	GPtrArray *names = g_ptr_array_new ();
	GHashTableIter it;
	gpointer key;
	g_hash_table_iter_init (&it, seen);
	while (g_hash_table_iter_next (&it, &key, NULL))
		g_ptr_array_add (names, g_strdup (key));
	g_ptr_array_sort (names, compare_names);
	g_ptr_array_add (names, NULL);
	return (GStrv)g_ptr_array_free (names, FALSE);
}

/* Brings an xterm colour number into the range the terminal has. */
static int
reduce_colour (int c)
{
	if (c < 0 || c < COLORS)
		return c;
	if (c < 16)
		return c - 8;
	if (c >= 232) /* grey ramp */
		return c < 244 ? COLOR_BLACK : COLOR_WHITE;
	int v = c - 16, r = v / 36, g = (v / 6) % 6, b = v % 6;
	return (r > 2 ? 1 : 0) | (g > 2 ? 2 : 0) | (b > 2 ? 4 : 0);
}

void
bv_theme_apply (const BvTheme *theme)
{
	const char *no_color = g_getenv ("NO_COLOR");
	gboolean colour = has_colors () && (no_color == NULL || *no_color == '\0');
	if (colour) {
		start_color ();
		use_default_colors ();
	}
	for (int el = 0; el < BV_EL_COUNT; el++) {
		const Style *s = &theme->styles[el];
		int attr = s->attrs;
		if (colour && el + 1 < COLOR_PAIRS) {
			init_pair ((short)(el + 1), (short)reduce_colour (s->fg),
			           (short)reduce_colour (s->bg));
			attr |= COLOR_PAIR (el + 1);
		} else if (el == BV_EL_CURSOR) {
			/* Without colour the cursor of the focused pane is
			 * reversed and bold, the other pane's only underlined,
			 * so that the focus shows whatever the theme says. */
			attr = (attr & ~A_UNDERLINE) | A_REVERSE | A_BOLD;
		} else if (el == BV_EL_CURSOR_IDLE) {
			attr = (attr & ~(A_REVERSE | A_BOLD)) | A_UNDERLINE;
		} else if (s->bg >= 0 && s->fg != s->bg && s->attrs == 0 && el != BV_EL_DEFAULT) {
			/* Without colour, an element told apart only by its
			 * background (the cursor, bars, dialogs) would vanish:
			 * show it reversed. */
			attr |= A_REVERSE;
		}
		applied[el] = attr;
	}
}

int
bv_theme_attr (BvElement el)
{
	return el < BV_EL_COUNT ? applied[el] : 0;
}
