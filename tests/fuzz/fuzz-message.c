/* fuzz-message.c: a whole message through triage and the full parse.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the raw bytes of one email, as `scan` would read it from a
 * file.  bv_triage() gets exactly the input's length (no NUL after it, so
 * AddressSanitizer catches a read past @len); bv_report_parse() always
 * runs, whatever triage says, so that the parsers see every input.
 */
#include "config.h"

#include "tests/fuzz/fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
	gboolean maybe = bv_triage ((const char *)data, size);
	g_autoptr (BvReport) report = bv_report_parse ((const char *)data, size);
	bv_fuzz_check_report (report);
	/* Triage may say "maybe" freely, but a "certainly not" must never
	 * hide a report that the full parse finds. */
	(void)maybe;
	return 0;
}
