/* test-language.h: switching the catalog's language inside a test program.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests read the translations built into build/po/ (BOUNCEVIEW_LOCALEDIR,
 * set by tests/meson.build) and choose the
 * language with LANGUAGE, as a user would, on a machine with no locale
 * installed but glibc's built-in C.UTF-8.
 */
#ifndef BV_TEST_LANGUAGE_H
#define BV_TEST_LANGUAGE_H

#include <glib.h>
#include <libintl.h>

#include "parsers/catalog.h"

/* Makes @language ("en", "zh_CN") the language of every later lookup. */
static inline void
bv_test_use_language (const char *language)
{
	g_setenv ("LANGUAGE", language, TRUE);
	/* glibc caches translations; a textdomain() call invalidates the
	 * cache so the new LANGUAGE takes effect. */
	textdomain (GETTEXT_PACKAGE);
}

/* Sets up the locale for the test program, starting in Chinese. */
static inline void
bv_test_setup_language (void)
{
	/* LANGUAGE applies only outside the C locale; C.UTF-8 is built into
	 * glibc, so no locale has to be installed for the Chinese tests. */
	g_unsetenv ("LC_ALL");
	g_unsetenv ("LC_MESSAGES");
	g_setenv ("LANG", "C.UTF-8", TRUE);
	/* GLib decides once, at the first lookup, whether to translate at
	 * all, and says no when the language first in use has no catalog:
	 * start in Chinese, as a Chinese user would. */
	g_setenv ("LANGUAGE", "zh_CN", TRUE);
	g_assert_nonnull (g_getenv ("BOUNCEVIEW_LOCALEDIR"));
	bv_catalog_setup_locale (LOCALEDIR);
	g_assert_cmpstr (bv_catalog_title (BV_CAUSE_MAILBOXFULL), ==, "收件人邮箱已满");
}

#endif
