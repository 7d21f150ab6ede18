/* report.c: BvReport and BvRecipient lifetimes and the id tables.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "parsers/bounce.h"
#include "parsers/text.h"

static const char *const kind_ids[] = {
#define BV_KIND_ID(e, id) id,
	BV_KINDS (BV_KIND_ID)
#undef BV_KIND_ID
};

static const char *const cause_ids[] = {
#define BV_CAUSE_ID(e, id) id,
	BV_CAUSES (BV_CAUSE_ID)
#undef BV_CAUSE_ID
};

const char *
bv_kind_id (BvKind kind)
{
	return (guint)kind < BV_KIND_COUNT ? kind_ids[kind] : "none";
}

const char *
bv_cause_id (BvCause cause)
{
	return (guint)cause < BV_CAUSE_COUNT ? cause_ids[cause] : "undefined";
}

gboolean
bv_cause_from_id (const char *id, BvCause *out)
{
	for (guint i = 0; id != NULL && i < BV_CAUSE_COUNT; i++) {
		if (strcmp (id, cause_ids[i]) == 0) {
			*out = (BvCause)i;
			return TRUE;
		}
	}
	return FALSE;
}

gboolean
bv_kind_from_id (const char *id, BvKind *out)
{
	for (guint i = 0; id != NULL && i < BV_KIND_COUNT; i++) {
		if (strcmp (id, kind_ids[i]) == 0) {
			*out = (BvKind)i;
			return TRUE;
		}
	}
	return FALSE;
}

BvRecipient *
bv_recipient_new (void)
{
	BvRecipient *r = g_new0 (BvRecipient, 1);
	r->cause = BV_CAUSE_UNDEFINED;
	return r;
}

BvRecipient *
bv_recipient_copy (const BvRecipient *r)
{
	BvRecipient *c = g_new0 (BvRecipient, 1);
#define COPY_FIELD(name, group) c->name = g_strdup (r->name);
	BV_RECIPIENT_FIELDS (COPY_FIELD)
#undef COPY_FIELD
	c->cause = r->cause;
	c->hard = r->hard;
	c->status_derived = r->status_derived;
	c->no_reply = r->no_reply;
	c->evidence.rule = g_strdup (r->evidence.rule);
	c->evidence.matched = g_strdup (r->evidence.matched);
	c->evidence.detail = g_strdup (r->evidence.detail);
	return c;
}

void
bv_recipient_fill_empty (BvRecipient *r)
{
#define FILL_FIELD(name, group) \
	if (r->name == NULL)    \
		r->name = g_strdup ("");
	BV_RECIPIENT_FIELDS (FILL_FIELD)
#undef FILL_FIELD
}

void
bv_recipient_free (BvRecipient *r)
{
	if (r == NULL)
		return;
#define FREE_FIELD(name, group) g_free (r->name);
	BV_RECIPIENT_FIELDS (FREE_FIELD)
#undef FREE_FIELD
	g_free (r->evidence.rule);
	g_free (r->evidence.matched);
	g_free (r->evidence.detail);
	g_free (r->evidence.source);
	g_free (r->evidence.runner_up);
	g_free (r->evidence.runner_up_why);
	g_free (r);
}

void
bv_original_clear (BvOriginal *original)
{
	g_clear_pointer (&original->message_id, g_free);
	g_clear_pointer (&original->from, g_free);
	g_clear_pointer (&original->to, g_free);
	g_clear_pointer (&original->subject, g_free);
	g_clear_pointer (&original->date, g_free);
}

BvReport *
bv_report_new (void)
{
	BvReport *r = g_new0 (BvReport, 1);
	r->recipients = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_recipient_free);
	return r;
}

void
bv_report_free (BvReport *r)
{
	if (r == NULL)
		return;
	g_free (r->message_id);
	g_free (r->date);
	g_free (r->from);
	g_free (r->subject);
	g_free (r->mta);
	g_free (r->return_path);
	bv_original_clear (&r->original);
	g_ptr_array_unref (r->recipients);
	g_free (r);
}

/* Local parts of the mailboxes mail systems send reports from, lower case:
 * "MAILER-DAEMON" and "postmaster" (Postfix src/global/mail_addr.h
 * MAIL_ADDR_MAIL_DAEMON and MAIL_ADDR_POSTMASTER; Exim's default dsn_from
 * "Mail Delivery System <Mailer-Daemon@...>"; Sendmail's MAILER-DAEMON;
 * Exchange and Microsoft 365 send non-delivery reports from postmaster@,
 * the mailbox RFC 5321 s.4.5.1 requires), and Postfix's "double-bounce"
 * (mail_params.h DEF_DOUBLE_BOUNCE). */
static const char *const mailer_local_parts[] = { "mailer-daemon", "postmaster", "double-bounce", NULL };

/* Whether the address in @from ("Name <local@domain>", "local@domain" or a
 * bare "MAILER-DAEMON") has one of the local parts above. */
static gboolean
from_mailer_mailbox (const char *from)
{
	if (from == NULL)
		return FALSE;
	g_autofree char *addr = bv_address_extract (from);
	const char *local = addr;
	gsize len = 0;
	if (addr != NULL) {
		len = strcspn (addr, "@");
	} else {
		/* No domain: the mailbox alone, perhaps in angle brackets. */
		const char *lt = strchr (from, '<');
		local = lt != NULL ? lt + 1 : from;
		while (*local == ' ' || *local == '\t')
			local++;
		len = strcspn (local, "> \t");
	}
	for (const char *const *m = mailer_local_parts; *m; m++)
		if (len == strlen (*m) && g_ascii_strncasecmp (local, *m, len) == 0)
			return TRUE;
	return FALSE;
}

gboolean
bv_report_is_from_mailer (const BvReport *r)
{
	gboolean names_recipient = FALSE;
	for (guint i = 0; r->recipients != NULL && i < r->recipients->len && !names_recipient; i++) {
		const BvRecipient *x = r->recipients->pdata[i];
		names_recipient = x->recipient != NULL && x->recipient[0] != '\0';
	}
	if (!names_recipient)
		return FALSE;
	return g_strcmp0 (r->return_path, "<>") == 0 || from_mailer_mailbox (r->from);
}
