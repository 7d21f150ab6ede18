/* lhost-test.c: helpers shared by the format-parser tests in tests/lhost/.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "parsers/codes.h"
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

static guint
expected_count (const LhostSample *sample)
{
	guint n = 0;
	while (sample->recipients[n].recipient != NULL)
		n++;
	return n;
}

/* The whole sample gives exactly the recipients it lists. */
static void
assert_finds (const LhostSample *sample)
{
	g_autoptr (BvReport) r = parse (sample->text);
	g_assert_cmpstr (r->mta, ==, sample->mta);
	g_assert_cmpuint (r->recipients->len, ==, expected_count (sample));
	for (guint i = 0; i < r->recipients->len; i++) {
		const LhostExpected *want = &sample->recipients[i];
		BvRecipient *got = nth (r, i);
		g_assert_cmpstr (got->recipient, ==, want->recipient);
		g_assert_cmpstr (got->status, ==, want->status);
		g_assert_cmpstr (got->reply_code, ==, want->reply_code);
		g_assert_cmpstr (got->command, ==, want->command);
	}
}

/* What the parse of the first @len bytes of @sample may give. */
static void
assert_prefix (const LhostSample *sample, gsize len)
{
	g_autofree char *copy = g_strndup (sample->text, len);
	g_autoptr (BvReport) r = bv_report_parse (copy, len);
	g_autofree char *folded = g_ascii_strdown (copy, len);
	g_assert_cmpuint (r->recipients->len, <=, expected_count (sample));
	g_assert_true (*r->mta == '\0' || strcmp (r->mta, sample->mta) == 0);
	for (guint i = 0; i < r->recipients->len; i++) {
		BvRecipient *got = nth (r, i);
		g_autofree char *address = g_ascii_strdown (got->recipient, -1);
		if (*address != '\0' && strstr (folded, address) == NULL)
			g_error ("prefix of %" G_GSIZE_FORMAT " bytes: recipient “%s” is not in the text",
			         len, got->recipient);
		g_assert_true (*got->status == '\0' || bv_status_valid (got->status));
		g_assert_true (*got->reply_code == '\0' || bv_reply_valid (got->reply_code));
	}
}

void
assert_prefixes_parse (const LhostSample *samples, gsize n_samples, gsize step)
{
	g_assert_cmpuint (step, >, 0);
	for (gsize s = 0; s < n_samples; s++) {
		assert_finds (&samples[s]);
		gsize n = strlen (samples[s].text);
		for (gsize len = 0; len <= n; len += step)
			assert_prefix (&samples[s], len);
	}
}

int
run_lhost_tests (void)
{
	int rc = g_test_run ();
	bv_shutdown ();
	return rc;
}
