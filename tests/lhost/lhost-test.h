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

/* What a format's parser must find for one recipient of a sample ("" where
 * the report does not say). */
typedef struct {
	const char *recipient;
	const char *status;
	const char *reply_code;
	const char *command;
} LhostExpected;

/* A sample report and what its parser must find: the mail system, and
 * the recipients in report order (@recipients ends with a NULL
 * recipient). */
typedef struct {
	const char *text;
	const char *mta;
	const LhostExpected *recipients;
} LhostSample;

/* Parses each of the @n_samples @samples and asserts that the parser finds
 * exactly what the sample says.  Then parses every @step-th prefix of each,
 * from a buffer of its own so that a read past the end is caught by the
 * memory checkers, and asserts what a cut-off report may give: no more
 * recipients than the whole, only addresses that stand in the prefix
 * (nothing invented from bytes past the end), codes that are codes, and
 * the sample's mail system or none. */
void assert_prefixes_parse (const LhostSample *samples, gsize n_samples, gsize step);

/* Runs the tests added after g_test_init() and bv_init(), then releases
 * the engine.  Returns: the exit status for main(). */
int run_lhost_tests (void);

G_END_DECLS

#endif /* BV_LHOST_TEST_H */
