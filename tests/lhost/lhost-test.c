/* lhost-test.c: helpers shared by the format-parser tests in tests/lhost/.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "tests/lhost/lhost-test.h"

BvReport *
parse (const char *text)
{
	return bv_report_parse (text, strlen (text));
}

BvRecipient *
nth (BvReport *r, guint i)
{
	g_assert_cmpuint (i, <, r->recipients->len);
	return r->recipients->pdata[i];
}

void
assert_prefixes_parse (const char *const *samples, gsize n_samples, gsize step)
{
	g_assert_cmpuint (step, >, 0);
	for (gsize s = 0; s < n_samples; s++) {
		gsize n = strlen (samples[s]);
		for (gsize len = 0; len <= n; len += step) {
			g_autofree char *copy = g_strndup (samples[s], len);
			g_autoptr (BvReport) r = bv_report_parse (copy, len);
			g_assert_nonnull (r);
		}
	}
}

int
run_lhost_tests (void)
{
	int rc = g_test_run ();
	bv_shutdown ();
	return rc;
}
