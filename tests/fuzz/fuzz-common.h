/* fuzz-common.h: what every libFuzzer target of the engine shares.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target is a file fuzz-NAME.c that defines LLVMFuzzerTestOneInput().
 * Built with -Dfuzzers=true it links libFuzzer; otherwise it links
 * standalone.c and replays the seed corpus and the regression inputs as an
 * ordinary test.  Besides "does not crash", the targets check the promises
 * the engine's headers make (strings never NULL, valid UTF-8, codes that
 * were found are valid codes): a broken promise aborts, which the fuzzer
 * reports like any crash.
 */
#ifndef BV_FUZZ_COMMON_H
#define BV_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* Defined once, in fuzz-common.c: makes GLib warnings and criticals fatal
 * (as G_DEBUG=fatal-criticals does for the tests) and initialises the
 * engine.  libFuzzer and standalone.c call it before the first input. */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A NUL-terminated copy of the input: the string entry points take C
 * strings, so an embedded NUL simply ends the text there.  Free with g_free. */
char *bv_fuzz_cstring (const uint8_t *data, size_t size);

/* Splits the input at '\n' into at most @max fields (the last takes the
 * rest).  Missing fields are "".  Free with g_strfreev. */
char **bv_fuzz_fields (const uint8_t *data, size_t size, guint max);

/* Aborts with a message naming @what unless @s is non-NULL valid UTF-8. */
void bv_fuzz_check_string (const char *what, const char *s);

/* Checks every promise bounce.h makes about a recipient and a report. */
void bv_fuzz_check_recipient (const BvRecipient *r);
void bv_fuzz_check_report (const BvReport *report);

/* Aborts with @fmt unless @cond holds. */
#define BV_FUZZ_ASSERT(cond, ...)                   \
	do {                                        \
		if (!(cond))                        \
			bv_fuzz_fail (__VA_ARGS__); \
	} while (0)

G_NORETURN void bv_fuzz_fail (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS

#endif
