/* fuzz-address.c: pulling a bare address out of header-like text.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An extracted address is valid UTF-8, has an '@' with text on both sides,
 * has no control characters or angle brackets, no white space or quotes
 * outside a quoted local part, and its domain is lower case; and
 * extracting from the result gives the result back.
 */
#include "config.h"

#include <string.h>

#include "tests/fuzz/fuzz-common.h"
#include "parsers/text.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
	g_autofree char *text = bv_fuzz_cstring (data, size);
	(void)bv_address_plausible (text);
	g_autofree char *addr = bv_address_extract (text);
	if (addr == NULL)
		return 0;
	bv_fuzz_check_string ("address", addr);
	const char *at = strrchr (addr, '@');
	BV_FUZZ_ASSERT (at != NULL && at > addr && at[1] != '\0', "\"%s\" is no local@domain", addr);
	/* A quoted local part ("\"john doe\"@example.org", RFC 5321 4.1.2)
	 * may hold spaces and quotes; nothing else may. */
	const char *plain = addr[0] == '"' && at > addr + 2 && at[-1] == '"' ? at : addr;
	for (const char *p = addr; *p; p++)
		BV_FUZZ_ASSERT ((unsigned char)*p >= 0x20 && *p != '<' && *p != '>' &&
		                        (p < plain || (!g_ascii_isspace (*p) && *p != '"')),
		                "address \"%s\" holds white space, quotes or brackets", addr);
	for (const char *p = at + 1; *p; p++)
		BV_FUZZ_ASSERT (!g_ascii_isupper (*p), "domain of \"%s\" is not lower case", addr);
	g_autofree char *again = bv_address_extract (addr);
	BV_FUZZ_ASSERT (again != NULL && strcmp (again, addr) == 0, "\"%s\" extracts to \"%s\"", addr,
	                again ? again : "(null)");
	return 0;
}
