/* lhost-test.h: helpers shared by the format-parser tests in tests/lhost/.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests read each report as a user reads a scan, recipient by
 * recipient, so the helpers keep the short names the assertions use.
 * They are linked only into the test programs of this directory.
 */
#ifndef BV_LHOST_TEST_H
#define BV_LHOST_TEST_H

#include <glib.h>

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* Parses the NUL-terminated @text.  Returns: (transfer full): the report;
 * free it with bv_report_free(). */
BvReport *parse (const char *text);

/* Returns: (transfer none): the @i-th recipient of @r, failing the test
 * when @r has fewer. */
BvRecipient *nth (BvReport *r, guint i);

/* Parses every @step-th prefix of each of the @n_samples @samples, each
 * from a buffer of its own so that a read past the end is caught by the
 * memory checkers, and asserts that a report comes back. */
void assert_prefixes_parse (const char *const *samples, gsize n_samples, gsize step);

/* Runs the tests added after g_test_init() and bv_init(), then releases
 * the engine.  Returns: the exit status for main(). */
int run_lhost_tests (void);

G_END_DECLS

#endif /* BV_LHOST_TEST_H */
