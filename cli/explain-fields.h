/* explain-fields.h: the catalog fields `scan --explain` adds to a record.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BV_EXPLAIN_FIELDS_H
#define BV_EXPLAIN_FIELDS_H

#include "parsers/bounce.h"
#include "output/printer.h"

/* Adds title, explanation, fix, action, side and suggestion (translated
 * where the locale asks for it) for @rcpt to the current record of @p. */
void bv_print_explain_fields (BvPrinter *p, const BvRecipient *rcpt);

/* The flattened column names those fields use, NULL-terminated (static). */
extern const char *const bv_explain_columns[];

#endif
