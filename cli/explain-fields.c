/* explain-fields.c: the catalog fields of `scan --explain`.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each record gets the cause's title, explanation and fix from the catalog
 * (translated), the machine ids of who acts ("side") and what to do with
 * the address ("action"), and the corrected address when the recipient's
 * domain looks mistyped ("suggestion").  The fix starts with what this
 * particular report says (blocklist, failed check, size limit...), then
 * the cause's general steps, one per line.
 */
#include "config.h"

#include "parsers/catalog.h"
#include "cli/explain-fields.h"
#include "parsers/suggest.h"

const char *const bv_explain_columns[] = {
	"title", "explanation", "fix", "action", "side", "suggestion", NULL,
};

void
bv_print_explain_fields (BvPrinter *p, const BvRecipient *rcpt)
{
	BvCause cause = rcpt->cause;
	g_autoptr (BvSuggestion) s = bv_suggest (rcpt);
	g_autofree char *specific = bv_suggestion_fix_text (s, cause);
	g_autofree char *fix = specific != NULL ? g_strconcat (specific, "\n", bv_catalog_fix (cause), NULL)
	                                        : g_strdup (bv_catalog_fix (cause));
	p->string (p, "title", bv_catalog_title (cause));
	p->string (p, "explanation", bv_catalog_explanation (cause));
	p->string (p, "fix", fix);
	p->string (p, "action", bv_action_id (bv_catalog_action (cause)));
	p->string (p, "side", bv_side_id (bv_catalog_side (cause)));
	p->string (p, "suggestion", s->suggested_address != NULL ? s->suggested_address : "");
}
