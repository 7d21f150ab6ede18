/* fuzz-common.c: setup and invariant checks shared by the fuzz targets.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/codes.h"
#include "tests/fuzz/fuzz-common.h"

void
bv_fuzz_fail (const char *fmt, ...)
{
	va_list ap;
	va_start (ap, fmt);
	fputs ("bv-fuzz: broken promise: ", stderr);
	vfprintf (stderr, fmt, ap);
	fputc ('\n', stderr);
	va_end (ap);
	abort ();
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
	/* A critical is a bug in the caller (a NULL where the API forbids
	 * one): the fuzzer must see it as a crash. */
	g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
	bv_init ();
	return 0;
}

char *
bv_fuzz_cstring (const uint8_t *data, size_t size)
{
	char *s = g_malloc (size + 1);
	if (size > 0)
		memcpy (s, data, size);
	s[size] = '\0';
	return s;
}

char **
bv_fuzz_fields (const uint8_t *data, size_t size, guint max)
{
	g_autofree char *s = bv_fuzz_cstring (data, size);
	char **parts = g_strsplit (s, "\n", (gint)max);
	guint n = g_strv_length (parts);
	if (n < max) {
		parts = g_renew (char *, parts, max + 1);
		for (guint i = n; i < max; i++)
			parts[i] = g_strdup ("");
		parts[max] = NULL;
	}
	return parts;
}

void
bv_fuzz_check_string (const char *what, const char *s)
{
	BV_FUZZ_ASSERT (s != NULL, "%s is NULL", what);
	BV_FUZZ_ASSERT (g_utf8_validate (s, -1, NULL), "%s is not valid UTF-8", what);
}

typedef struct {
	const char *what;
	const char *value;
} Field;

/* Checks that every field is non-NULL valid UTF-8; @mta names the parser
 * that wrote them, which is where to look when one is not. */
static void
check_fields (const Field *fields, gsize n, const char *mta)
{
	for (gsize i = 0; i < n; i++) {
		BV_FUZZ_ASSERT (fields[i].value != NULL, "%s is NULL (mta %s)", fields[i].what, mta);
		BV_FUZZ_ASSERT (g_utf8_validate (fields[i].value, -1, NULL), "%s is not valid UTF-8 (mta %s)",
		                fields[i].what, mta);
	}
}

void
bv_fuzz_check_recipient (const BvRecipient *r)
{
	/* The string fields from the one list that declares them, so that a
	 * field added there is checked here too. */
	const Field strings[] = { { "evidence.rule", r->evidence.rule },
		                  { "evidence.matched", r->evidence.matched },
		                  { "evidence.detail", r->evidence.detail },
		                  { "evidence.source", r->evidence.source },
		                  { "evidence.runner_up", r->evidence.runner_up },
		                  { "evidence.runner_up_why", r->evidence.runner_up_why },
#define FIELD(name, group) { #name, r->name },
		                  BV_RECIPIENT_FIELDS (FIELD)
#undef FIELD
	};
	/* Name the parser that wrote the recipient: that is where to look. */
	const char *mta = r->mta && g_utf8_validate (r->mta, -1, NULL) ? r->mta : "?";
	check_fields (strings, G_N_ELEMENTS (strings), mta);
	BV_FUZZ_ASSERT ((guint)r->cause < BV_CAUSE_COUNT, "cause %d out of range", (int)r->cause);
	/* A code the engine reports is a code: printers and the index rely
	 * on "5.1.1" and "550" shapes. */
	BV_FUZZ_ASSERT (r->status[0] == '\0' || bv_status_valid (r->status),
	                "status \"%s\" is no status code", r->status);
	BV_FUZZ_ASSERT (r->reply_code[0] == '\0' || bv_reply_valid (r->reply_code),
	                "reply_code \"%s\" is no reply code", r->reply_code);
}

void
bv_fuzz_check_report (const BvReport *report)
{
	BV_FUZZ_ASSERT ((guint)report->kind < BV_KIND_COUNT, "kind %d out of range", (int)report->kind);
	const Field strings[] = {
		{ "message_id", report->message_id },
		{ "date", report->date },
		{ "from", report->from },
		{ "subject", report->subject },
		{ "mta", report->mta },
		{ "original.message_id", report->original.message_id },
		{ "original.from", report->original.from },
		{ "original.to", report->original.to },
		{ "original.subject", report->original.subject },
		{ "original.date", report->original.date },
	};
	check_fields (strings, G_N_ELEMENTS (strings), "report");
	BV_FUZZ_ASSERT (report->recipients != NULL, "recipients is NULL");
	BV_FUZZ_ASSERT (report->kind != BV_KIND_NONE || report->recipients->len == 0,
	                "a report of kind none has %u recipients", report->recipients->len);
	for (guint i = 0; i < report->recipients->len; i++)
		bv_fuzz_check_recipient (report->recipients->pdata[i]);
}
