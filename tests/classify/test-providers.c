/* test-providers.c: what a user checks about a bounce whose cause a
 * provider's own code or wording decides (parsers/knowledge/google.def,
 * microsoft.def, yahoo.def, providers.def).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every provider is tested with the wording of its page, with the same
 * reply as another relay wraps it (quoted in a Postfix "host X said:"
 * line, in other casing and spacing, with text around it), and with near
 * misses that must not fire: the code inside a longer token, and a scoped
 * wording in another system's report.
 */
#include "config.h"

#include <string.h>

#include "parsers/classify.h"

/* A recipient as the parsers hand it to the classifier. */
typedef struct {
	const char *status;
	const char *reply;
	const char *command;
	const char *mta;        /* the parser's id, "" when none */
	const char *remote_mta; /* as the report names it, "" when none */
	const char *text;       /* the diagnostic */
	BvCause cause;          /* MISS: the provider's entry must not decide */
	const char *source_has; /* a word of the provider's page in the evidence */
} Case;

#define MISS BV_CAUSE_UNDEFINED

static void
check (const Case *cases, gsize n)
{
	for (gsize i = 0; i < n; i++) {
		const Case *c = &cases[i];
		g_autoptr (BvRecipient) r = bv_recipient_new ();
		r->recipient = g_strdup ("user@example.com");
		r->action = g_strdup ("failed");
		r->status = g_strdup (c->status);
		r->reply_code = g_strdup (c->reply);
		r->command = g_strdup (c->command);
		r->diagnostic = g_strdup (c->text);
		r->mta = g_strdup (c->mta);
		r->remote_mta = g_strdup (c->remote_mta);
		bv_classify (r, BV_KIND_FAILED);
		g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, c->text);
		if (c->cause == MISS) {
			/* The provider's page is not what decided. */
			g_assert_true (r->evidence.source == NULL ||
			               strstr (r->evidence.source, c->source_has) == NULL);
			continue;
		}
		g_assert_cmpstr (bv_cause_id (r->cause), ==, bv_cause_id (c->cause));
		g_assert_cmpstr (r->evidence.rule, ==, "mta");
		g_assert_nonnull (r->evidence.source);
		g_assert_nonnull (strstr (r->evidence.source, c->source_has));
	}
}

/* Codes count as whole tokens only. */
static void
test_tokens (void)
{
	static const Case cases[] = {
		{ "", "421", "", "", "", "421 HL:REP 163 smtp4,DtGowAC", BV_CAUSE_BLOCKED, "NetEase" },
		{ "", "421", "", "", "", "421 see hl:repository for details", MISS, "NetEase" },
		{ "", "550", "", "", "", "550 5.1.1 RCP-P1 http://postmaster.facebook.com/response_codes",
		  BV_CAUSE_USERUNKNOWN, "Facebook" },
		{ "", "550", "", "", "", "550 5.7.1 error xrcp-p12 occurred", MISS, "Facebook" },
	};
	check (cases, G_N_ELEMENTS (cases));
}

/* Scoped wording counts only in the provider's own reports. */
static void
test_scopes (void)
{
	static const Case cases[] = {
		/* Microsoft's directory-based edge blocking. */
		{ "5.4.1", "550", "RCPT", "", "example-com.mail.protection.outlook.com",
		  "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)", BV_CAUSE_USERUNKNOWN,
		  "Exchange Online" },
		{ "5.4.1", "550", "RCPT", "", "",
		  "host example-com.mail.protection.outlook.com[192.0.2.7] said: 550 5.4.1 Recipient "
		  "address rejected: Access denied. AS(201806281) (in reply to RCPT TO command)",
		  BV_CAUSE_USERUNKNOWN, "Exchange Online" },
		{ "5.4.1", "550", "RCPT", "office365", "",
		  "550 5.4.1 Recipient address rejected: Access denied", BV_CAUSE_USERUNKNOWN,
		  "Exchange Online" },
		/* The same words from a Postfix access table elsewhere. */
		{ "5.7.1", "554", "RCPT", "postfix", "mx.example.net",
		  "host mx.example.net[192.0.2.8] said: 554 5.7.1 <user@outlook.com>: Recipient address "
		  "rejected: Access denied (in reply to RCPT TO command)",
		  MISS, "Exchange Online" },
		/* Mimecast's greylisting, and the same words from elsewhere. */
		{ "4.3.0", "451", "RCPT", "", "",
		  "451 Internal resource temporarily unavailable - "
		  "https://community.mimecast.com/docs/DOC-1369#451",
		  BV_CAUSE_BLOCKED, "Mimecast" },
		{ "4.3.0", "451", "RCPT", "", "eu-smtp-inbound-2.mimecast.com",
		  "451 4.3.0 internal resource is temporarily unavailable", BV_CAUSE_BLOCKED, "Mimecast" },
		{ "4.3.0", "451", "RCPT", "", "mx.example.org",
		  "451 4.3.0 Internal resource temporarily unavailable", MISS, "Mimecast" },
	};
	check (cases, G_N_ELEMENTS (cases));
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/providers/tokens", test_tokens);
	g_test_add_func ("/providers/scopes", test_scopes);
	return g_test_run ();
}
