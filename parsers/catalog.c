/* catalog.c: looking up and translating the catalog's text.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data is in catalog-causes.c and catalog-codes.c; this file finds an
 * entry, translates it on the way out (GETTEXT_PACKAGE, whatever the
 * program's default text domain is) and sets up the locale so that the
 * translation is found even on a machine without the user's locale.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/catalog-private.h"

const BvCatalogEntry *
bv_catalog_entry (BvCause cause)
{
	/* The table is small and read a few times per record: a scan is
	 * simpler than keeping it sorted by hand. */
	for (gsize i = 0; i < bv_catalog_n_causes; i++)
		if (bv_catalog_causes[i].cause == cause)
			return &bv_catalog_causes[i];
	return NULL;
}

/* The entry of @cause, or that of "undefined" when there is none, so the
 * text accessors never return NULL. */
static const BvCatalogEntry *
entry_or_undefined (BvCause cause)
{
	const BvCatalogEntry *e = bv_catalog_entry (cause);
	return e != NULL ? e : bv_catalog_entry (BV_CAUSE_UNDEFINED);
}

const char *
bv_catalog_title (BvCause cause)
{
	return _ (entry_or_undefined (cause)->title);
}

const char *
bv_catalog_explanation (BvCause cause)
{
	return _ (entry_or_undefined (cause)->explanation);
}

const char *
bv_catalog_fix (BvCause cause)
{
	return _ (entry_or_undefined (cause)->fix);
}

BvSide
bv_catalog_side (BvCause cause)
{
	return entry_or_undefined (cause)->side;
}

BvAction
bv_catalog_action (BvCause cause)
{
	return entry_or_undefined (cause)->action;
}

static const char *const side_ids[] = {
#define BV_SIDE_ID(e, id) id,
	BV_SIDES (BV_SIDE_ID)
#undef BV_SIDE_ID
};

static const char *const action_ids[] = {
#define BV_ACTION_ID(e, id) id,
	BV_ACTIONS (BV_ACTION_ID)
#undef BV_ACTION_ID
};

/* In the order of BV_SIDES and BV_ACTIONS. */
static const char *const side_labels[] = {
	N_ ("no one in particular"), N_ ("the recipient's side"),   N_ ("your sending setup"),
	N_ ("the message itself"),   N_ ("nobody yet (temporary)"),
};

static const char *const action_labels[] = {
	N_ ("nothing to do"),
	N_ ("suppress the address now"),
	N_ ("keep the address and retry later"),
	N_ ("suppress the address if it keeps bouncing"),
	N_ ("fix your setup or the message, then resend"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (side_labels) == BV_SIDE_COUNT);
G_STATIC_ASSERT (G_N_ELEMENTS (action_labels) == BV_ACTION_COUNT);

const char *
bv_side_id (BvSide side)
{
	return (guint)side < BV_SIDE_COUNT ? side_ids[side] : side_ids[BV_SIDE_NONE];
}

const char *
bv_action_id (BvAction action)
{
	return (guint)action < BV_ACTION_COUNT ? action_ids[action] : action_ids[BV_ACTION_NONE];
}

const char *
bv_side_label (BvSide side)
{
	return _ (side_labels[(guint)side < BV_SIDE_COUNT ? side : BV_SIDE_NONE]);
}

const char *
bv_action_label (BvAction action)
{
	return _ (action_labels[(guint)action < BV_ACTION_COUNT ? action : BV_ACTION_NONE]);
}

/* Index of @id in the NULL-free array @ids of @n names, or -1. */
static int
id_index (const char *const *ids, gsize n, const char *id)
{
	for (gsize i = 0; id != NULL && i < n; i++)
		if (strcmp (ids[i], id) == 0)
			return (int)i;
	return -1;
}

gboolean
bv_side_from_id (const char *id, BvSide *out)
{
	int i = id_index (side_ids, G_N_ELEMENTS (side_ids), id);
	if (i >= 0 && out != NULL)
		*out = (BvSide)i;
	return i >= 0;
}

gboolean
bv_action_from_id (const char *id, BvAction *out)
{
	int i = id_index (action_ids, G_N_ELEMENTS (action_ids), id);
	if (i >= 0 && out != NULL)
		*out = (BvAction)i;
	return i >= 0;
}

/* Fills @out from the entry of @table matching the three numbers (-1 for a
 * part the table does not fix), or with NULLs. */
static void
code_lookup (const BvCodeEntry *table, gsize n, int cls, int subject, int detail, BvCodeText *out)
{
	if (out == NULL)
		return;
	out->name = out->meaning = NULL;
	out->cause = BV_CAUSE_UNDEFINED;
	for (gsize i = 0; i < n; i++) {
		const BvCodeEntry *e = &table[i];
		if (e->cls == cls && e->subject == subject && e->detail == detail) {
			out->name = e->name != NULL ? _ (e->name) : NULL;
			out->meaning = _ (e->meaning);
			out->cause = e->cause;
			return;
		}
	}
}

/* Reads a decimal number of 1 to 3 digits at *@p and moves past it. */
static gboolean
read_number (const char **p, int *out)
{
	int n = 0, digits = 0;
	while (g_ascii_isdigit (**p) && digits < 4) {
		n = n * 10 + (**p - '0');
		(*p)++;
		digits++;
	}
	*out = n;
	return digits >= 1 && digits <= 3;
}

gboolean
bv_status_explain (const char *status, BvCodeText *cls, BvCodeText *subject, BvCodeText *detail)
{
	if (status == NULL)
		return FALSE;
	const char *p = status;
	int c, s, d;
	if (!read_number (&p, &c) || *p++ != '.' || !read_number (&p, &s) || *p++ != '.' ||
	    !read_number (&p, &d) || *p != '\0' || (c != 2 && c != 4 && c != 5))
		return FALSE;
	code_lookup (bv_catalog_classes, bv_catalog_n_classes, c, -1, -1, cls);
	code_lookup (bv_catalog_subjects, bv_catalog_n_subjects, -1, s, -1, subject);
	code_lookup (bv_catalog_details, bv_catalog_n_details, -1, s, d, detail);
	return TRUE;
}

gboolean
bv_reply_explain (const char *reply, BvCodeText *out)
{
	if (reply == NULL || strlen (reply) != 3 || !g_ascii_isdigit (reply[0]) ||
	    !g_ascii_isdigit (reply[1]) || !g_ascii_isdigit (reply[2]) ||
	    (reply[0] != '2' && reply[0] != '4' && reply[0] != '5'))
		return FALSE;
	int code = atoi (reply);
	BvCodeText tmp;
	code_lookup (bv_catalog_replies, bv_catalog_n_replies, code, -1, -1, &tmp);
	if (tmp.meaning == NULL)
		code_lookup (bv_catalog_replies, bv_catalog_n_replies, code / 100, -1, -1, &tmp);
	if (out != NULL)
		*out = tmp;
	return TRUE;
}

/* Whether a locale name is the untranslated C locale (C, POSIX, C.UTF-8). */
static gboolean
is_c_locale (const char *name)
{
	return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0 ||
	       g_str_has_prefix (name, "C.");
}

/* The first non-empty of LC_ALL, LC_MESSAGES, LANG: the locale POSIX says
 * messages use.  NULL when none is set. */
static const char *
requested_messages_locale (void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (gsize i = 0; i < G_N_ELEMENTS (vars); i++) {
		const char *v = g_getenv (vars[i]);
		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

void
bv_catalog_setup_locale (const char *localedir)
{
	const char *asked = requested_messages_locale ();
	const char *language = g_getenv ("LANGUAGE");
	gboolean have_language = language != NULL && *language != '\0';

	/* setlocale() fails as a whole when the asked-for locale is not
	 * installed; C.UTF-8 (built into glibc) still gives UTF-8 output. */
	if (setlocale (LC_ALL, "") == NULL && setlocale (LC_ALL, "C.UTF-8") == NULL)
		setlocale (LC_ALL, "C");

	/* GNU gettext ignores LANGUAGE while LC_MESSAGES is "C", and the
	 * locale is C whenever the user's locale is not installed.  Unless the
	 * user asked for C outright, pass the language they asked for through
	 * LANGUAGE and make LC_MESSAGES C.UTF-8, which gettext does not
	 * treat as "C". */
	if (!is_c_locale (asked) || (asked == NULL && have_language)) {
		if (is_c_locale (setlocale (LC_MESSAGES, NULL))) {
			if (!have_language) {
				g_autofree char *lang = g_strndup (asked, strcspn (asked, ".@"));
				g_setenv ("LANGUAGE", lang, TRUE);
			}
			if (setlocale (LC_MESSAGES, "C.UTF-8") != NULL)
				setlocale (LC_CTYPE, "C.UTF-8");
		}
	}

	const char *dir = g_getenv ("BOUNCEVIEW_LOCALEDIR");
	if (dir == NULL || *dir == '\0')
		dir = localedir;
	bindtextdomain (GETTEXT_PACKAGE, dir);
	bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
	textdomain (GETTEXT_PACKAGE);
}
