/* standalone.c: replays inputs through a fuzz target without libFuzzer.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A normal (gcc, ASan or valgrind) build links each fuzz target with this
 * main(), so that the seed corpus and every input that once crashed the
 * engine (tests/fuzz/regressions/) run as an ordinary meson test.  Usage:
 * fuzz-NAME FILE-OR-DIRECTORY...; directories are walked recursively, in
 * name order.  Fails when no input at all was found, so that a test whose
 * corpus went missing cannot pass by doing nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/fuzz/fuzz-common.h"

static int
compare_names (gconstpointer a, gconstpointer b)
{
	return strcmp (*(char *const *)a, *(char *const *)b);
}

/* Runs the target on @path, or on every file under it; returns how many. */
static guint
replay (const char *path)
{
	if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
		g_autoptr (GError) error = NULL;
		g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
		if (dir == NULL) {
			fprintf (stderr, "%s\n", error->message);
			exit (2);
		}
		g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
		const char *name;
		while ((name = g_dir_read_name (dir)) != NULL)
			if (name[0] != '.')
				g_ptr_array_add (names, g_build_filename (path, name, NULL));
		g_ptr_array_sort (names, compare_names);
		guint n = 0;
		for (guint i = 0; i < names->len; i++)
			n += replay (names->pdata[i]);
		return n;
	}
	g_autofree char *data = NULL;
	gsize len = 0;
	g_autoptr (GError) error = NULL;
	if (!g_file_get_contents (path, &data, &len, &error)) {
		fprintf (stderr, "%s\n", error->message);
		exit (2);
	}
	/* An exact copy, with no NUL after it, as libFuzzer hands inputs. */
	g_autofree uint8_t *copy = g_memdup2 (data, len ? len : 1);
	LLVMFuzzerTestOneInput (copy, len);
	return 1;
}

int
main (int argc, char **argv)
{
	LLVMFuzzerInitialize (&argc, &argv);
	guint n = 0;
	for (int i = 1; i < argc; i++)
		n += replay (argv[i]);
	if (n == 0) {
		fprintf (stderr, "%s: no inputs found\n", argv[0]);
		return 1;
	}
	printf ("%s: %u inputs replayed without a crash\n", argv[0], n);
	bv_shutdown ();
	return 0;
}
