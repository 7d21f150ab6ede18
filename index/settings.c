/* settings.c: reading bounceview's configuration file (see settings.h).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "index/settings.h"

#define DEFAULT_SOFT_COUNT 3
#define DEFAULT_SOFT_DAYS 7

char *
bv_config_path (void)
{
	const char *env = g_getenv ("BOUNCEVIEW_CONFIG");
	if (env != NULL && *env != '\0')
		return g_strdup (env);
	return g_build_filename (g_get_user_config_dir (), "bounceview", "config", NULL);
}

BvConfig *
bv_config_new_default (void)
{
	BvConfig *c = g_new0 (BvConfig, 1);
	c->tags = TRUE;
	c->soft_count = DEFAULT_SOFT_COUNT;
	c->soft_days = DEFAULT_SOFT_DAYS;
	c->theme = g_strdup ("default");
	c->grouping = g_strdup ("cause");
	return c;
}

void
bv_config_free (BvConfig *c)
{
	if (c == NULL)
		return;
	g_free (c->maildir);
	g_free (c->theme);
	g_free (c->grouping);
	g_free (c);
}

/* Reads an optional key: absent is fine (keeps *out), malformed is not. */
static gboolean
read_bool (GKeyFile *kf, const char *group, const char *key, gboolean *out, GError **error)
{
	if (!g_key_file_has_key (kf, group, key, NULL))
		return TRUE;
	GError *e = NULL;
	gboolean v = g_key_file_get_boolean (kf, group, key, &e);
	if (e != NULL) {
		g_propagate_prefixed_error (error, e, _ ("[%s] %s: "), group, key);
		return FALSE;
	}
	*out = v;
	return TRUE;
}

static gboolean
read_count (GKeyFile *kf, const char *group, const char *key, guint *out, GError **error)
{
	if (!g_key_file_has_key (kf, group, key, NULL))
		return TRUE;
	GError *e = NULL;
	gint v = g_key_file_get_integer (kf, group, key, &e);
	if (e == NULL && v < 1)
		g_set_error (&e, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
		             _ ("must be a whole number of at least 1"));
	if (e != NULL) {
		g_propagate_prefixed_error (error, e, _ ("[%s] %s: "), group, key);
		return FALSE;
	}
	*out = (guint)v;
	return TRUE;
}

static void
read_string (GKeyFile *kf, const char *group, const char *key, char **out)
{
	g_autofree char *v = g_key_file_get_string (kf, group, key, NULL);
	if (v == NULL || *g_strstrip (v) == '\0')
		return;
	g_free (*out);
	*out = g_steal_pointer (&v);
}

static char *
expand_home (char *path)
{
	if (path == NULL || !(path[0] == '~' && (path[1] == '/' || path[1] == '\0')))
		return path;
	char *full = g_build_filename (g_get_home_dir (), path + 1, NULL);
	g_free (path);
	return full;
}

BvConfig *
bv_config_load (const char *path, GError **error)
{
	g_autofree char *default_path = path == NULL ? bv_config_path () : NULL;
	const char *file = path != NULL ? path : default_path;
	g_autoptr (BvConfig) c = bv_config_new_default ();
	g_autoptr (GKeyFile) kf = g_key_file_new ();
	GError *e = NULL;
	if (!g_key_file_load_from_file (kf, file, G_KEY_FILE_NONE, &e)) {
		if (g_error_matches (e, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
			g_error_free (e);
			return g_steal_pointer (&c);
		}
		g_propagate_prefixed_error (error, e, "%s: ", file);
		return NULL;
	}
	if (!read_bool (kf, "index", "tags", &c->tags, &e) ||
	    !read_count (kf, "policy", "soft-count", &c->soft_count, &e) ||
	    !read_count (kf, "policy", "soft-days", &c->soft_days, &e)) {
		g_propagate_prefixed_error (error, e, "%s: ", file);
		return NULL;
	}
	read_string (kf, "index", "maildir", &c->maildir);
	c->maildir = expand_home (c->maildir);
	read_string (kf, "ui", "theme", &c->theme);
	read_string (kf, "ui", "grouping", &c->grouping);
	return g_steal_pointer (&c);
}
