/* explain-fields.c: the catalog fields of `scan --explain`.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Placeholder until the cause catalog lands: it adds the columns with empty
 * values, so the record layout is already the final one. */
#include "config.h"

#include "explain-fields.h"

const char *const bv_explain_columns[] = {
	"title", "explanation", "fix", "action", "side", "suggestion", NULL,
};

void
bv_print_explain_fields (BvPrinter *p, const BvRecipient *rcpt)
{
	for (const char *const *c = bv_explain_columns; *c; c++)
		p->string (p, *c, "");
}
