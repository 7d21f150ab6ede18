/* view-detail.c: everything about one bounce: codes and their meaning, the
 * diagnostic, the servers, the original message, the explanation and fix
 * of its cause, and the evidence that decided the cause.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <curses.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#include "parsers/catalog.h"
#include "tui/screen.h"
#include "parsers/suggest.h"
#include "tui/text-view.h"

typedef struct {
	BvTextView text;
	char *address;
	char *path; /* the report's file, "" when gone */
	char *subject;
	char *message_id; /* of the report */
} DetailView;

static void
add_if (BvTextView *tv, const char *label, const char *value)
{
	if (value != NULL && *value != '\0')
		bv_text_view_add (tv, BV_EL_DEFAULT, label, value, TRUE);
}

static void
add_status (BvTextView *tv, const BvRecipient *r)
{
	BvCodeText parts[3];
	if (*r->status == '\0')
		return;
	g_autofree char *status =
	        g_strdup_printf ("%s%s", r->status, r->status_derived ? _ (" (derived from the cause)") : "");
	bv_text_view_add (tv, BV_EL_CODE, _ ("Status"), status, FALSE);
	if (!bv_status_explain (r->status, &parts[0], &parts[1], &parts[2]))
		return;
	for (int i = 0; i < 3; i++) {
		if (parts[i].name == NULL)
			continue;
		/* TRANSLATORS: a part of a status code in the detail view:
		 * %1$s is its name ("Permanent failure"), %2$s its meaning. */
		g_autofree char *line = g_strdup_printf (_ ("%1$s: %2$s"), parts[i].name,
		                                         parts[i].meaning ? parts[i].meaning : "");
		bv_text_view_add (tv, BV_EL_DEFAULT, "", line, TRUE);
	}
}

static void
add_reply (BvTextView *tv, const BvRecipient *r)
{
	BvCodeText reply;
	if (*r->reply_code == '\0')
		return;
	bv_text_view_add (tv, BV_EL_CODE, _ ("Reply code"), r->reply_code, FALSE);
	if (bv_reply_explain (r->reply_code, &reply) && reply.meaning != NULL)
		bv_text_view_add (tv, BV_EL_DEFAULT, "", reply.meaning, TRUE);
}

static void
add_fix (BvTextView *tv, const BvRecipient *r)
{
	bv_text_view_section (tv, _ ("How to fix it"));
	g_auto (GStrv) steps = g_strsplit (bv_catalog_fix (r->cause), "\n", -1);
	guint n = 0;
	for (char **s = steps; *s != NULL; s++) {
		if (**s == '\0')
			continue;
		g_autofree char *number = g_strdup_printf ("%u. ", ++n);
		bv_text_view_add_item (tv, BV_EL_DEFAULT, number, *s);
	}
	g_autoptr (BvSuggestion) suggestion = bv_suggest (r);
	g_autofree char *specific = bv_suggestion_fix_text (suggestion, r->cause);
	if (specific != NULL) {
		bv_text_view_section (tv, _ ("What this report says specifically"));
		g_auto (GStrv) lines = g_strsplit (specific, "\n", -1);
		for (char **l = lines; *l != NULL; l++)
			if (**l != '\0')
				bv_text_view_add (tv, BV_EL_DEFAULT, NULL, *l, TRUE);
	}
}

/* A machine id of the report and the phrase a person reads for it. */
typedef struct {
	const char *id;
	const char *phrase; /* N_() */
} IdPhrase;

/* What decided the cause, in words, by evidence rule id (bounce.h). */
static const IdPhrase rule_phrases[] = {
	{ "status", N_ ("the status code") },
	{ "reply", N_ ("the SMTP reply and the command it answered") },
	{ "text", N_ ("words in the diagnostic") },
	{ "mta", N_ ("the conventions of the mail system that wrote the report") },
	{ "kind", N_ ("the kind of report") },
	{ "default", N_ ("nothing decisive: the usual cause for such a report") },
};

/* The DSN actions (RFC 3464), which the engine keeps as written. */
static const IdPhrase action_phrases[] = {
	{ "failed", N_ ("failed (not delivered)") }, { "delayed", N_ ("delayed (still being tried)") },
	{ "delivered", N_ ("delivered") },           { "relayed", N_ ("relayed (no report will come)") },
	{ "expanded", N_ ("expanded (to a list)") },
};

/* The translated phrase for @id in @table; an unknown id is shown as it
 * is rather than hidden. */
static const char *
phrase_for (const IdPhrase *table, gsize n, const char *id)
{
	for (gsize i = 0; i < n; i++)
		if (id != NULL && g_ascii_strcasecmp (id, table[i].id) == 0)
			return _ (table[i].phrase);
	return id;
}

/* Why the cause (and so hard or soft) was chosen: what decided it, the
 * words or code it matched as they stand in the report, and why that
 * means this cause.  Shown right under the cause so that the question
 * "why is this hard?" is answered on the first screen. */
static void
add_evidence (BvTextView *tv, const BvRecipient *r)
{
	const BvEvidence *e = &r->evidence;
	if ((e->rule == NULL || *e->rule == '\0') && (e->matched == NULL || *e->matched == '\0'))
		return;
	bv_text_view_section (tv, _ ("Evidence"));
	add_if (tv, _ ("Decided by"), phrase_for (rule_phrases, G_N_ELEMENTS (rule_phrases), e->rule));
	if (e->matched != NULL && *e->matched != '\0') {
		/* TRANSLATORS: the words or code of the report that decided
		 * the cause, quoted. */
		g_autofree char *quoted = g_strdup_printf (_ ("“%s”"), e->matched);
		bv_text_view_add (tv, BV_EL_CODE, _ ("Matched"), quoted, TRUE);
	}
	/* The engine's note is English: it is part of the machine output.
	 * When the interface is translated, the catalog's translated meaning
	 * of the matched code stands in for it (a phrase's meaning is then
	 * the cause's title, shown just above). */
	const char *meaning = e->detail;
	if (strcmp (_ ("Meaning"), "Meaning") != 0) {
		BvCodeText text = { 0 };
		meaning = NULL;
		if (g_strcmp0 (e->rule, "status") == 0 && bv_status_explain (e->matched, NULL, NULL, &text))
			meaning = text.meaning;
		else if (g_strcmp0 (e->rule, "reply") == 0 && bv_reply_explain (e->matched, &text))
			meaning = text.meaning;
	}
	add_if (tv, _ ("Meaning"), meaning != NULL ? meaning : "");
	/* Which check of which server, as far as the knowledge registry
	 * knows, and what the classifier weighed against it. */
	add_if (tv, _ ("Source"), e->source != NULL ? e->source : "");
	if (e->runner_up != NULL && *e->runner_up != '\0') {
		BvCause other = BV_CAUSE_UNDEFINED;
		bv_cause_from_id (e->runner_up, &other);
		g_autofree char *line = g_strdup_printf ("%s (%s)", bv_catalog_title (other),
		                                         e->runner_up_why ? e->runner_up_why : "");
		add_if (tv, _ ("Runner-up"), line);
	}
}

/* The first digit of the codes the server gave: '5' permanent, '4'
 * temporary, 0 when it gave none. */
static char
code_class (const BvRecipient *r)
{
	if (r->status[0] == '4' || r->status[0] == '5')
		return r->status[0];
	if (r->reply_code[0] == '4' || r->reply_code[0] == '5')
		return r->reply_code[0];
	return 0;
}

/* Hard or soft in words that agree with the codes' meaning shown below
 * them: hard and soft say whether the address is worth keeping, the codes
 * whether this server would take this message again, and a blocked
 * sender gets a permanent 550 for an address that is fine. */
static const char *
kind_phrase (const BvRecipient *r)
{
	char cls = code_class (r);
	if (r->hard)
		return cls == '4'
		               ? _ ("hard: the address will not work, although this server answered with a "
		                    "temporary code")
		               : _ ("hard: the address will not work; retrying will not help");
	if (cls == '5')
		return _ ("soft: the address may be fine, but this server refused this message for good; "
		          "fix the cause, then send again");
	if (cls == '4')
		return _ ("soft: a temporary refusal; the server may take the message later");
	return _ ("soft: the address may be fine; it may work later");
}

/* Says that the report may be forged, right under the cause: anyone can
 * send a report naming addresses, and the policy ignores such reports, so
 * the user should know before acting on this one. */
static void
add_unverified (BvTextView *tv, const BvBounceDetail *d)
{
	/* TRANSLATORS: %s is the report's sender, as its From: says. */
	g_autofree char *why = g_strdup_printf (
	        _ ("This report did not come from a mail server (sender %s): it may be forged; it is never "
	           "used for suppression proposals."),
	        *d->from != '\0' ? d->from : _ ("unknown"));
	bv_text_view_add (tv, BV_EL_ERROR, _ ("Unverified"), why, TRUE);
}

/* The Diagnostic-Code's type when it is not an SMTP reply (RFC 3464
 * 2.3.6): "x-unix" or "X-Postfix" means the mail system's own program
 * wrote the words, not a remote server. */
static void
add_diagnostic_type (BvTextView *tv, const BvRecipient *r)
{
	if (r->diagnostic_type == NULL || *r->diagnostic_type == '\0' ||
	    g_ascii_strcasecmp (r->diagnostic_type, "smtp") == 0)
		return;
	/* TRANSLATORS: %s is a Diagnostic-Code type such as "x-unix". */
	g_autofree char *line = g_strdup_printf (
	        _ ("%s (not an SMTP reply: written by the mail system itself)"), r->diagnostic_type);
	bv_text_view_add (tv, BV_EL_DEFAULT, _ ("Diagnostic type"), line, TRUE);
}

static void
build (DetailView *v, const BvBounceDetail *d, gboolean verified)
{
	BvTextView *tv = &v->text;
	const BvRecipient *r = d->recipient;
	char date[16];
	/* TRANSLATORS: the cause in the detail view: %1$s is its title
	 * ("Recipient address does not exist"), %2$s its machine id
	 * ("userunknown"), as scripts and other tools name it. */
	g_autofree char *cause =
	        g_strdup_printf (_ ("%1$s (%2$s)"), bv_catalog_title (r->cause), bv_cause_id (r->cause));

	bv_text_view_section (tv, _ ("Bounce"));
	bv_text_view_add (tv, BV_EL_CODE, _ ("Address"), r->recipient, FALSE);
	/* The address as first written only says something when it differs
	 * (an alias, a forward, another case). */
	if (g_strcmp0 (r->original_recipient, r->recipient) != 0)
		add_if (tv, _ ("Written as"), r->original_recipient);
	bv_text_view_add (tv, r->hard ? BV_EL_HARD : BV_EL_SOFT, _ ("Cause"), cause, TRUE);
	bv_text_view_add (tv, r->hard ? BV_EL_HARD : BV_EL_SOFT, _ ("Kind"), kind_phrase (r), TRUE);
	if (!verified)
		add_unverified (tv, d);
	if (r->action != NULL && *r->action != '\0')
		add_if (tv, _ ("Action"),
		        phrase_for (action_phrases, G_N_ELEMENTS (action_phrases), r->action));
	add_if (tv, _ ("Date"), *d->date_header ? d->date_header : bv_view_date (d->date, date));
	add_evidence (tv, r);

	bv_text_view_section (tv, _ ("Codes"));
	add_status (tv, r);
	add_reply (tv, r);
	add_if (tv, _ ("Command"), r->command);
	bv_text_view_add (tv, BV_EL_DEFAULT, _ ("Diagnostic"),
	                  *r->diagnostic ? r->diagnostic : _ ("(none given)"), TRUE);
	add_diagnostic_type (tv, r);

	bv_text_view_section (tv, _ ("Servers"));
	add_if (tv, _ ("Reporting"), r->reporting_mta);
	add_if (tv, _ ("Remote"), r->remote_mta);
	add_if (tv, _ ("Mail system"), *d->mta ? d->mta : r->mta);
	add_if (tv, _ ("Report from"), d->from);
	add_if (tv, _ ("Report subject"), d->subject);

	bv_text_view_section (tv, _ ("Original message"));
	add_if (tv, _ ("Subject"), d->original.subject);
	add_if (tv, _ ("Date"), d->original.date);
	add_if (tv, _ ("To"), d->original.to);
	add_if (tv, _ ("From"), d->original.from);
	add_if (tv, _ ("Message-ID"), d->original.message_id);
	if (*d->original.subject == '\0' && *d->original.to == '\0')
		bv_text_view_add (tv, BV_EL_DIM, NULL,
		                  _ ("The report does not include the original headers."), TRUE);

	bv_text_view_section (tv, _ ("What it means"));
	bv_text_view_add (tv, BV_EL_DEFAULT, NULL, bv_catalog_explanation (r->cause), TRUE);
	bv_text_view_add (tv, BV_EL_DEFAULT, _ ("Who acts"), bv_side_label (bv_catalog_side (r->cause)),
	                  TRUE);
	bv_text_view_add (tv, BV_EL_DEFAULT, _ ("What to do"), bv_action_label (bv_catalog_action (r->cause)),
	                  TRUE);
	add_fix (tv, r);

	bv_text_view_section (tv, _ ("Raw report"));
	bv_text_view_add (tv, BV_EL_DIM, _ ("File"),
	                  *d->path ? d->path : _ ("(gone since the last index run)"), TRUE);
	bv_text_view_add (tv, BV_EL_DIM, NULL,
	                  _ ("r shows the raw message, | opens it in $PAGER, E in your mail client."), TRUE);
}

void
bv_view_run_pager (BvTui *tui, const char *path)
{
	const char *pager = g_getenv ("PAGER");
	if (pager == NULL || *pager == '\0')
		pager = "less";
	g_autofree char *quoted = g_shell_quote (path);
	g_autofree char *command = g_strdup_printf ("%s %s", pager, quoted);
	bv_tui_run_command (tui, command);
}

static gboolean
detail_request (BvView *view, BvTui *tui, BvActionId action)
{
	DetailView *v = (DetailView *)view;
	if (bv_text_view_request (view, tui, action))
		return TRUE;
	switch (action) {
	case BV_ACT_RAW:
	case BV_ACT_PAGER:
		if (v->path == NULL || *v->path == '\0') {
			bv_tui_message (tui, TRUE, _ ("The report's file is gone since the last index run"));
		} else if (action == BV_ACT_RAW) {
			g_autofree char *title = g_strdup_printf (_ ("Raw message: %s"), v->subject);
			bv_tui_push (tui, bv_view_pager_new (tui, v->path, title));
		} else {
			bv_view_run_pager (tui, v->path);
		}
		return TRUE;
	case BV_ACT_MAILER: bv_tui_open_mailer (tui, v->message_id); return TRUE;
	case BV_ACT_COPY:
		if (v->address != NULL)
			bv_tui_copy (tui, v->address);
		return TRUE;
	case BV_ACT_MARK:
	case BV_ACT_UNMARK: {
		g_autoptr (GPtrArray) one = g_ptr_array_new ();
		if (v->address != NULL)
			g_ptr_array_add (one, v->address);
		bv_tui_mark (tui, one, action == BV_ACT_UNMARK, BV_MARK_BY_HAND);
		return TRUE;
	}
	default: return FALSE;
	}
}

static void
detail_free (BvView *view)
{
	DetailView *v = (DetailView *)view;
	bv_text_view_clear (&v->text);
	g_free (v->address);
	g_free (v->path);
	g_free (v->subject);
	g_free (v->message_id);
	g_free (v);
}

static const BvViewClass detail_class = {
	.name = "detail",
	.title = bv_text_view_title,
	.draw = bv_text_view_draw,
	.request = detail_request,
	.matches = bv_text_view_matches,
	.free = detail_free,
	.hints = N_ ("r:raw |:pager E:mail client m:mark q:back"),
};

BvView *
bv_view_detail_new (BvTui *tui, const BvBounce *bounce)
{
	DetailView *v = g_new0 (DetailView, 1);
	char date[16];
	/* The address is the history's part of the breadcrumb: the day is
	 * this view's. */
	bv_text_view_init (&v->text, &detail_class, bv_view_date (bounce->date, date));
	v->address = g_strdup (bounce->address);
	v->message_id = g_strdup (bounce->message_id);
	g_autoptr (GError) error = NULL;
	g_autoptr (BvBounceDetail) detail = bv_model_bounce_detail (tui->model, bounce, &error);
	if (detail == NULL) {
		bv_text_view_add (&v->text, BV_EL_ERROR, NULL, error->message, TRUE);
		return &v->text.parent;
	}
	v->path = g_strdup (detail->path);
	v->subject = g_strdup (detail->subject);
	build (v, detail, bounce->verified);
	return &v->text.parent;
}
