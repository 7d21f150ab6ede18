/* printer.c: choosing a printer by format name.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "output/printer.h"

gboolean
bv_format_parse (const char *name, BvFormat *out)
{
	static const struct {
		const char *name;
		BvFormat format;
	} names[] = {
		{ "jsonl", BV_FORMAT_JSONL },
		{ "json", BV_FORMAT_JSON },
		{ "csv", BV_FORMAT_CSV },
		{ "table", BV_FORMAT_TABLE },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
		if (g_ascii_strcasecmp (name, names[i].name) == 0) {
			*out = names[i].format;
			return TRUE;
		}
	}
	return FALSE;
}

BvPrinter *
bv_printer_new (BvFormat format, FILE *out, const char *const *columns, const char *const *table_columns)
{
	switch (format) {
	case BV_FORMAT_JSONL: return bv_printer_json_new (out, FALSE);
	case BV_FORMAT_JSON: return bv_printer_json_new (out, TRUE);
	case BV_FORMAT_CSV: return bv_printer_csv_new (out, columns);
	case BV_FORMAT_TABLE: return bv_printer_table_new (out, columns, table_columns);
	}
	g_return_val_if_reached (NULL);
}

void
bv_printer_free (BvPrinter *p)
{
	if (p != NULL)
		p->destroy (p);
}

void
bv_printer_resume (BvPrinter *p)
{
	p->resume (p);
}

void
bv_printer_join (BvPrinter *p, const char *text, gsize len)
{
	if (len > 0)
		p->join (p, text, len);
}
