/* noise.c: a stand-in for a library that writes to stderr while the user
 * interface is open, as GMime does from inside libnotmuch.  pty_test.py
 * loads it into bounceview with LD_PRELOAD; once the file named by
 * BV_NOISE_TRIGGER exists (the test creates it when the UI is up), it
 * writes a line straight to file descriptor 2 and logs a GLib warning.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void *
make_noise (void *data)
{
	const char *trigger = data;
	while (access (trigger, F_OK) != 0)
		usleep (50000);
	static const char text[] = "noise-from-a-library: straight to stderr\n";
	if (write (STDERR_FILENO, text, sizeof text - 1) < 0)
		return NULL;
	g_warning ("noise-from-a-library: a GLib warning");
	return NULL;
}

__attribute__ ((constructor)) static void
start (void)
{
	const char *trigger = getenv ("BV_NOISE_TRIGGER");
	pthread_t thread;
	if (trigger != NULL && pthread_create (&thread, NULL, make_noise, (void *)trigger) == 0)
		pthread_detach (thread);
}
