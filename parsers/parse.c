/* parse.c: one message in, one BvReport out.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order of evidence: an ARF feedback report; a machine-readable
 * delivery-status part (completed from the human-readable text where it is
 * thin); a mail system's own format (lhost parsers); an automatic reply.
 * Then every recipient is classified. */
#include "config.h"

#include <gmime/gmime.h>
#include <string.h>

#include "parsers/autoreply.h"
#include "parsers/classify.h"
#include "parsers/codes.h"
#include "parsers/dsn.h"
#include "parsers/lhost.h"
#include "parsers/mail.h"
#include "parsers/reply.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gsize init_once;

void
bv_init (void)
{
	if (g_once_init_enter (&init_once)) {
		g_mime_init ();
		g_once_init_leave (&init_once, 1);
	}
}

void
bv_shutdown (void)
{
	if (init_once)
		g_mime_shutdown ();
}

static char *
dup_or_empty (const char *s)
{
	return g_strdup (s ? s : "");
}

/* The envelope sender from the topmost Return-Path (the one the final
 * delivery wrote; a report's inner copy may carry others): "<>" for the
 * null reverse-path, in any spacing, else the bare address, else the value
 * as it stands; "" when there is none. */
static char *
return_path (BvMail *mail)
{
	const char *v = bv_mail_header (mail, "Return-Path");
	if (v == NULL)
		return g_strdup ("");
	g_autofree char *squeezed = g_strdup (v);
	g_strdelimit (squeezed, " \t\r\n", ' ');
	char *w = squeezed;
	for (const char *p = squeezed; *p; p++)
		if (*p != ' ')
			*w++ = *p;
	*w = '\0';
	if (strcmp (squeezed, "<>") == 0)
		return g_strdup ("<>");
	char *addr = bv_address_extract (v);
	return addr != NULL ? addr : bv_text_normalise (v, -1);
}

/* The original message's headers: from the attached part, else nothing
 * (lhost parsers fill mail->original from an inline copy). */
static void
fill_original (BvMail *mail, BvReport *report)
{
	const char *block = mail->original->str;
	/* Only the header block: an inline copy may go on with the body. */
	const char *end = strstr (block, "\n\n");
	g_autofree char *head = end ? g_strndup (block, end - block + 1) : g_strdup (block);
	const struct {
		const char *name;
		char **dst;
	} fields[] = {
		{ "Message-ID", &report->original.message_id },
		{ "From", &report->original.from },
		{ "To", &report->original.to },
		{ "Subject", &report->original.subject },
		{ "Date", &report->original.date },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (fields); i++) {
		g_autofree char *v = bv_header_block_get (head, fields[i].name);
		g_free (*fields[i].dst);
		if (v == NULL) {
			*fields[i].dst = g_strdup ("");
		} else {
			*fields[i].dst = bv_mail_decode_header (v);
		}
	}
}

/* Finds delivery-status fields written into the text of a report whose
 * MIME structure is broken (a mangled boundary makes the DSN part part of
 * the text).  Returns where the field block starts, or NULL. */
static const char *
embedded_dsn (const char *text)
{
	const char *final = NULL;
	for (const char *line = text; line && *line;) {
		if (g_ascii_strncasecmp (line, "Final-Recipient:", 16) == 0 ||
		    g_ascii_strncasecmp (line, "Original-Recipient:", 19) == 0) {
			final = line;
			break;
		}
		line = strchr (line, '\n');
		if (line)
			line++;
	}
	if (final == NULL)
		return NULL;
	/* Start at the per-message group when there is one just above. */
	const char *rep = final;
	for (int lines = 0; rep > text && lines < 12; lines++) {
		const char *prev = rep - 1;
		while (prev > text && prev[-1] != '\n')
			prev--;
		if (g_ascii_strncasecmp (prev, "Reporting-MTA:", 14) == 0)
			return prev;
		rep = prev;
	}
	return final;
}

/* A report whose delivery-status part names no address for a recipient
 * ("Final-Recipient: system;<>") still names it in its text, alone on a
 * line ("    a@example.com", "<a@example.com>:").  When exactly one
 * recipient lacks an address, the text's first address line that no other
 * recipient has is taken; with several, pairing them would be a guess. */
static void
fill_missing_address (BvMail *mail, BvReport *report)
{
	BvRecipient *missing = NULL;
	for (guint i = 0; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		if (r->recipient != NULL && strchr (r->recipient, '@') != NULL)
			continue;
		if (missing != NULL)
			return;
		missing = r;
	}
	if (missing == NULL)
		return;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->text);
	while (bv_lines_next (&it, &line)) {
		g_autofree char *addr = bv_line_address (&line, NULL);
		if (addr == NULL || bv_scrape_find_recipient (report, 0, addr) != NULL)
			continue;
		g_free (missing->recipient);
		missing->recipient = g_steal_pointer (&addr);
		return;
	}
}

/* Whether @r's own code is a temporary one (RFC 3463 class 4, RFC 5321
 * 4xx reply), the status first. */
static gboolean
temporary_code (const BvRecipient *r)
{
	if (r->status != NULL && r->status[0] != '\0')
		return r->status[0] == '4';
	return r->reply_code != NULL && r->reply_code[0] == '4';
}

/* Recipients without an Action in a delay notice (bv_delay_notice()) are
 * delayed ones.  So are those a format parser read from a plain-text
 * notice (no delivery-status part, whose Action would be the report's own
 * word) as failed while their code is temporary: a notice that says the
 * message has not yet been delivered and will be retried ("THIS IS A
 * WARNING ONLY - YOUR MESSAGE HAS NOT YET BEEN DELIVERED", MDaemon's
 * warning over a 450 greylisting reply) reports a delay, not a failure. */
static void
mark_delayed (BvMail *mail, GPtrArray *rcpts)
{
	gboolean checked = FALSE, delayed = FALSE;
	gboolean text_only = mail->dsn->len == 0;
	for (guint i = 0; i < rcpts->len; i++) {
		BvRecipient *r = rcpts->pdata[i];
		gboolean no_action = r->action == NULL || r->action[0] == '\0';
		if (!no_action && !(text_only && strcmp (r->action, "failed") == 0 && temporary_code (r)))
			continue;
		if (!checked) {
			delayed = bv_delay_notice (mail->subject, mail->text) != NULL;
			checked = TRUE;
		}
		if (!delayed)
			return;
		g_free (r->action);
		r->action = g_strdup ("delayed");
	}
}

/* Kind of a report from the actions of its recipients: any failure makes it
 * a failure report; else the most serious of the rest. */
static BvKind
kind_from_actions (GPtrArray *rcpts)
{
	gboolean failed = FALSE, delayed = FALSE, delivered = FALSE, relayed = FALSE, expanded = FALSE;
	for (guint i = 0; i < rcpts->len; i++) {
		BvRecipient *r = rcpts->pdata[i];
		const char *a = r->action ? r->action : "";
		if (g_str_has_prefix (a, "fail") || *a == '\0')
			failed = TRUE;
		else if (g_str_has_prefix (a, "delay"))
			delayed = TRUE;
		else if (g_str_has_prefix (a, "deliver"))
			delivered = TRUE;
		else if (g_str_has_prefix (a, "relay"))
			relayed = TRUE;
		else if (g_str_has_prefix (a, "expand"))
			expanded = TRUE;
		else
			failed = TRUE;
	}
	return failed      ? BV_KIND_FAILED
	       : delayed   ? BV_KIND_DELAYED
	       : delivered ? BV_KIND_DELIVERED
	       : relayed   ? BV_KIND_RELAYED
	       : expanded  ? BV_KIND_EXPANDED
	                   : BV_KIND_FAILED;
}

BvKind
bv_recipient_kind (const BvReport *report, const BvRecipient *rcpt)
{
	/* Only delivery-status reports mix outcomes; a feedback report or an
	 * automatic reply is what it is for every recipient. */
	switch (report->kind) {
	case BV_KIND_FAILED:
	case BV_KIND_DELAYED:
	case BV_KIND_DELIVERED:
	case BV_KIND_RELAYED:
	case BV_KIND_EXPANDED: {
		const char *a = rcpt->action ? rcpt->action : "";
		if (g_str_has_prefix (a, "delay"))
			return BV_KIND_DELAYED;
		if (g_str_has_prefix (a, "deliver"))
			return BV_KIND_DELIVERED;
		if (g_str_has_prefix (a, "relay"))
			return BV_KIND_RELAYED;
		if (g_str_has_prefix (a, "expand"))
			return BV_KIND_EXPANDED;
		if (g_str_has_prefix (a, "fail"))
			return BV_KIND_FAILED;
		return report->kind;
	}
	default: return report->kind;
	}
}

/* Complaint reports that predate ARF (Microsoft's JMRP, for one) carry no
 * feedback-report part: a complaint subject and the message attached. */
static gboolean
is_legacy_complaint (BvMail *mail)
{
	static const char *const subjects[] = { "complaint about message", "abuse report", "spam report",
		                                "fbl report", NULL };
	/* A person who forwards a report as an attachment quotes its subject:
	 * the attached report is the complaint, not the forward. */
	if (mail->attached_report != NULL && bv_scrape_forwarded (mail))
		return FALSE;
	return mail->has_original_part && bv_text_find_any_ci (mail->subject, subjects) != NULL;
}

static gboolean
parse_feedback (BvMail *mail, BvReport *report)
{
	if (mail->feedback->len == 0 && g_strcmp0 (mail->report_type, "feedback-report") != 0 &&
	    !is_legacy_complaint (mail))
		return FALSE;
	report->kind = BV_KIND_FEEDBACK;
	const char *fb = mail->feedback->str;
	/* The complaining addresses: every Original-Rcpt-To (one report may
	 * name several), else the provider's own header, else the original's To. */
	g_autoptr (GPtrArray) rcpts = g_ptr_array_new_with_free_func (g_free);
	for (const char *line = fb; line && *line;) {
		if (g_ascii_strncasecmp (line, "Original-Rcpt-To:", 17) == 0) {
			g_autofree char *v = bv_header_block_get (line, "Original-Rcpt-To");
			char *a = bv_address_extract (v);
			if (a != NULL)
				g_ptr_array_add (rcpts, a);
		}
		line = strchr (line, '\n');
		if (line)
			line++;
	}
	if (rcpts->len == 0) {
		g_autofree char *v = bv_header_block_get (fb, "Removal-Recipient");
		if (v == NULL)
			v = bv_header_block_get (mail->original->str, "X-HmXmrOriginalRecipient");
		if (v == NULL)
			v = g_strdup (report->original.to);
		char *a = bv_address_extract (v);
		g_ptr_array_add (rcpts, a ? a : g_strdup (""));
	}
	g_autofree char *type = bv_header_block_get (fb, "Feedback-Type");
	g_autofree char *ua = bv_header_block_get (fb, "User-Agent");
	g_autofree char *reporting = bv_header_block_get (fb, "Reporting-MTA");
	g_autofree char *arrival = bv_header_block_get (fb, "Arrival-Date");
	if (arrival == NULL)
		arrival = bv_header_block_get (fb, "Received-Date");
	for (guint i = 0; i < rcpts->len; i++) {
		BvRecipient *r = bv_recipient_new ();
		r->recipient = g_strdup (rcpts->pdata[i]);
		r->diagnostic = g_strdup (type ? type : mail->feedback->len ? "" : "abuse");
		r->action = g_strdup ("");
		r->reporting_mta = reporting ? bv_dsn_strip_type (reporting) : dup_or_empty (ua);
		r->arrival_date = dup_or_empty (arrival);
		g_ptr_array_add (report->recipients, r);
	}
	return TRUE;
}

/* The part of @subject that is the notice's own (new string): the text
 * before the first ':' or '(', after any "[tag]".  Whatever follows leading
 * text and a colon or an opening parenthesis is a subject the notice
 * quotes: a reply's "Re:" and its localized forms (RFC 5322 section
 * 3.6.5), an automatic reply's "Auto:" (Dovecot Pigeonhole's vacation),
 * "Automatic reply:" (Outlook), a ticket system's acknowledgement
 * ("Eingangsbestaetigung: ..."), or a responder that appends the subject
 * it answers ("Fuera de la oficina (Re: ...)", Gmail's vacation
 * responder).  A failure notice names the failure first ("Undeliverable:
 * <subject>", Exchange; "Mail delivery failed: returning message to
 * sender", Exim; "Delivery Status Notification (Failure)", Gmail), so its
 * words stay in this part. */
static char *
subject_own_part (const char *subject)
{
	const char *p = subject;
	while (*p == ' ' || *p == '\t')
		p++;
	while (*p == '[') {
		const char *close = strchr (p, ']');
		if (close == NULL)
			break;
		p = close + 1;
		while (*p == ' ' || *p == '\t')
			p++;
	}
	gsize n = strcspn (p, ":(");
	/* Nothing before the colon or parenthesis: no leading text, so
	 * nothing is quoted. */
	if (n == 0)
		return g_strdup (p);
	return g_strndup (p, n);
}

/* Mailing-list managers and MTAs also send their failure notices as
 * "Auto-Submitted: auto-replied": a message from a mailer daemon, or whose
 * subject speaks of a failed delivery, is never a vacation reply.  A reply's
 * subject quotes the subject it answers ("Re: Failed payment", "Auto:
 * Delivery failed - ...", "Abwesend (AW: Unzustellbar)"): its words are not
 * the reply's (subject_own_part()). */
static gboolean
looks_like_failure_notice (BvMail *mail)
{
	static const char *const senders[] = { "mailer-daemon", "postmaster", "mail delivery",
		                               "mailer_daemon", NULL };
	static const char *const subjects[] = {
		"undeliver", "delivery",      "failure", "failed",    "returned mail",
		"rejected",  "not delivered", "bounce",  "non remis", "unzustellbar",
		NULL
	};
	if (bv_text_find_any_ci (mail->from, senders) != NULL)
		return TRUE;
	g_autofree char *own = subject_own_part (mail->subject);
	return bv_text_find_any_ci (own, subjects) != NULL;
}

/* Whether @from is one of the list's own command or owner addresses: a
 * mailto URL of its List-Help, List-Subscribe, List-Unsubscribe or
 * List-Owner field (RFC 2369 section 3).  List-Post is left out: a list
 * that rewrites From for DMARC puts its posting address there on the
 * posts it relays. */
static gboolean
mailto_names (const char *v, const char *address)
{
	for (const char *m = v ? bv_text_find_ci (v, "mailto:") : NULL; m;
	     m = bv_text_find_ci (m + 1, "mailto:")) {
		m += strlen ("mailto:");
		gsize n = strcspn (m, "?>, \t\r\n");
		if (n == strlen (address) && g_ascii_strncasecmp (m, address, n) == 0)
			return TRUE;
	}
	return FALSE;
}

static gboolean
from_list_address (BvMail *mail, const char *from)
{
	static const char *const fields[] = { "List-Help", "List-Subscribe", "List-Unsubscribe", "List-Owner",
		                              NULL };
	for (const char *const *f = fields; *f; f++)
		if (mailto_names (bv_mail_header (mail, *f), from))
			return TRUE;
	return FALSE;
}

/* Who wrote an automatic reply that a list relayed (new string, or NULL).
 * A list that rewrites the From of what it relays, so that the author's
 * DMARC policy does not refuse it (RFC 7960 section 4.1.3), puts its own
 * posting address on the From line (its List-Post, RFC 2369) and keeps
 * the author's address in Reply-To or Cc (Mailman 3,
 * mailman/handlers/docs/dmarc-mitigations.rst: "munging the From: header
 * and putting original From: in Cc: or Reply-To:"), or in X-Original-From:
 * the reply is the author's, not the list's. */
static char *
autoreply_author (BvMail *mail)
{
	char *from = bv_address_extract (mail->from);
	if (from == NULL || !mailto_names (bv_mail_header (mail, "List-Post"), from))
		return from;
	static const char *const fields[] = { "X-Original-From", "Reply-To", "Cc", NULL };
	for (const char *const *f = fields; *f; f++) {
		const char *v = bv_mail_header (mail, *f);
		g_autofree char *author = v ? bv_address_extract (v) : NULL;
		if (author != NULL && g_ascii_strcasecmp (author, from) != 0) {
			g_free (from);
			return g_steal_pointer (&author);
		}
	}
	return from;
}

/* Mailing-list managers send their notices (held for moderation, awaiting
 * approval, bounce processing) as auto-replied too; they are not a
 * person's vacation reply.  What makes one is its sender, the list's own
 * address, or its subject.  List-Id (RFC 2919) and X-Mailman-Version only
 * say that the message went through a list: a list relays to its members
 * the out-of-office replies that its posts provoke (RFC 3834 section 2
 * asks responders not to answer list mail, not all do), and those are the
 * reply of the person on the From line. */
static gboolean
is_list_notice (BvMail *mail)
{
	static const char *const senders[] = { "-owner@", "-bounces@", "-request@", "owner-", NULL };
	static const char *const subjects[] = { "moderator",         "moderation",      "held for",
		                                "awaiting approval", "awaits approval", NULL };
	if (bv_text_find_any_ci (mail->from, senders) != NULL ||
	    bv_text_find_any_ci (mail->subject, subjects) != NULL)
		return TRUE;
	g_autofree char *from = bv_address_extract (mail->from);
	return from != NULL && from_list_address (mail, from);
}

/* Whether the message says it is list or bulk mail (Precedence: list,
 * bulk, junk; RFC 2076): a subject alone does not make such a post an
 * automatic reply. */
static gboolean
list_precedence (BvMail *mail)
{
	const char *prec = bv_mail_header (mail, "Precedence");
	return prec != NULL && (bv_text_find_ci (prec, "list") || bv_text_find_ci (prec, "bulk"));
}

/* Whether the message is a report of another kind (RFC 6522): a read
 * receipt may carry "Auto-Submitted: auto-replied" (RFC 3834 section 5.2
 * names MDNs among the automatic responses) and is no out-of-office
 * reply. */
static gboolean
other_report (BvMail *mail)
{
	return g_strcmp0 (mail->report_type, "disposition-notification") == 0;
}

/* Headers and subjects that mark an automatic reply (RFC 3834 and the
 * vacation programs that predate it). */
static gboolean
parse_autoreply (BvMail *mail, BvReport *report)
{
	const char *as = bv_mail_header (mail, "Auto-Submitted");
	gboolean is_auto = as != NULL && bv_text_find_ci (as, "auto-replied") != NULL;
	for (const char *const *h = bv_autoreply_headers; *h && !is_auto; h++)
		is_auto = bv_mail_header (mail, *h) != NULL;
	const char *prec = bv_mail_header (mail, "Precedence");
	if (prec != NULL && bv_text_find_ci (prec, "auto_reply"))
		is_auto = TRUE;
	/* A person's forward quotes the subject of what it forwards: that
	 * may be an automatic reply, attached or quoted, not the forward. */
	if (!is_auto && bv_autoreply_subject (mail->subject) && !bv_scrape_forwarded (mail) &&
	    !list_precedence (mail))
		is_auto = as == NULL || bv_text_find_ci (as, "no") == NULL;
	/* Exchange marks the replies of its inbox rules (the out-of-office
	 * assistant among them) with both of these. */
	if (!is_auto && bv_mail_header (mail, "X-Auto-Response-Suppress") != NULL &&
	    bv_mail_header (mail, "X-MS-Exchange-Inbox-Rules-Loop") != NULL)
		is_auto = TRUE;
	if (!is_auto || looks_like_failure_notice (mail) || is_list_notice (mail) || other_report (mail))
		return FALSE;
	report->kind = BV_KIND_AUTOREPLY;
	BvRecipient *r = bv_recipient_new ();
	r->recipient = autoreply_author (mail);
	if (r->recipient == NULL)
		r->recipient = g_strdup ("");
	r->diagnostic = g_strdup (mail->subject);
	g_ptr_array_add (report->recipients, r);
	return TRUE;
}

/* The fields of the message/disposition-notification part of an MDN
 * (RFC 8098, formerly RFC 3798): a part of the mail's multipart/report.
 * New string, or NULL when there is none. */
static char *
mdn_fields (BvMail *mail)
{
	GMimeObject *top = mail->report_part;
	if (top == NULL || !GMIME_IS_MULTIPART (top))
		return NULL;
	GMimeMultipart *mp = GMIME_MULTIPART (top);
	for (int i = 0; i < g_mime_multipart_get_count (mp); i++) {
		GMimeObject *part = g_mime_multipart_get_part (mp, i);
		GMimeContentType *ct = g_mime_object_get_content_type (part);
		if (GMIME_IS_PART (part) && ct != NULL &&
		    g_mime_content_type_is_type (ct, "message", "disposition-notification")) {
			/* LF line ends, as the field reader wants them. */
			return bv_mail_part_text (GMIME_PART (part), 64 * 1024);
		}
	}
	return NULL;
}

/* Whether an MDN's Disposition field (RFC 8098 section 3.2.6: action-mode
 * "/" sending-mode ";" disposition-type) says that the recipient's system
 * deleted the message by itself: action mode automatic-action and
 * disposition type deleted.  That is how a Sieve "reject" refuses a
 * message it does not refuse in the SMTP session (RFC 5429 section 2.1,
 * RFC 3028 section 4.2: the MDN's Disposition is "automatic-action/
 * MDN-sent-automatically; deleted" and its human-readable part gives the
 * reason).  A person's
 * deletion (manual-action) or a read receipt is no refusal. */
static gboolean
mdn_automatic_deletion (const char *disposition)
{
	g_autofree char *d = g_ascii_strdown (disposition, -1);
	g_strstrip (d);
	if (!g_str_has_prefix (d, "automatic-action"))
		return FALSE;
	const char *semi = strchr (d, ';');
	if (semi == NULL)
		return FALSE;
	semi++;
	while (*semi == ' ' || *semi == '\t')
		semi++;
	/* The type, before any "/modifier". */
	gsize n = strcspn (semi, " \t/");
	return n == 7 && strncmp (semi, "deleted", 7) == 0;
}

/* Reads an MDN that reports an automatic deletion (RFC 5429 reject, RFC
 * 8098): one failed recipient, Final-Recipient, with the reason of the
 * human-readable part as its diagnostic. */
static gboolean
parse_mdn (BvMail *mail, BvReport *report)
{
	if (g_strcmp0 (mail->report_type, "disposition-notification") != 0)
		return FALSE;
	g_autofree char *fields = mdn_fields (mail);
	if (fields == NULL)
		return FALSE;
	g_autofree char *disposition = bv_header_block_get (fields, "Disposition");
	g_autofree char *final = bv_header_block_get (fields, "Final-Recipient");
	if (disposition == NULL || final == NULL || !mdn_automatic_deletion (disposition))
		return FALSE;
	g_autofree char *address = bv_dsn_address (final);
	g_autofree char *original = bv_header_block_get (fields, "Original-Recipient");
	g_autofree char *ua = bv_header_block_get (fields, "Reporting-UA");
	BvRecipient *r = bv_recipient_new ();
	r->recipient = g_strdup (address);
	r->original_recipient = original ? bv_dsn_address (original) : g_strdup ("");
	/* "Reporting-UA: mail.example.net; Dovecot Mail Delivery Agent": the
	 * host, then the product. */
	r->reporting_mta = ua ? g_strstrip (g_strndup (ua, strcspn (ua, ";"))) : g_strdup ("");
	r->action = g_strdup ("failed");
	/* The human-readable part holds the reason; a long one is cut at a
	 * character's start. */
	const char *text = mail->text;
	gsize len = strlen (text);
	if (len > 1000)
		len = (gsize)(g_utf8_find_prev_char (text, text + 1001) - text);
	r->diagnostic = bv_text_normalise (text, (gssize)len);
	g_ptr_array_add (report->recipients, r);
	return TRUE;
}

/* How many recipients of one report get their diagnostic looked up in
 * the human-readable text. */
#define BODY_LOOKUPS 100

/* Where the paragraph that holds @p starts in @body: after the last
 * blank line before it. */
static const char *
paragraph_start (const char *body, const char *p)
{
	while (p > body && !(p[-1] == '\n' && p - 1 > body && p[-2] == '\n'))
		p--;
	return p;
}

/* Whether every word of @para is an address (in angle brackets or not). */
static gboolean
only_addresses (const char *para)
{
	g_auto (GStrv) words = g_strsplit_set (para, " \t\r\n,;", -1);
	gboolean any = FALSE;
	for (char **w = words; *w; w++) {
		if (**w == '\0')
			continue;
		g_autofree char *addr = bv_address_extract (*w);
		if (addr == NULL)
			return FALSE;
		any = TRUE;
	}
	return any;
}

/* The paragraph of the human-readable text that names @address: what the
 * report says of a recipient whose delivery-status part gives no
 * diagnostic.  New string, or NULL when the text does not name it. */
static char *
diagnostic_from_body (const char *body, const char *address)
{
	if (address == NULL || address[0] == '\0')
		return NULL;
	const char *hit = bv_text_find_ci (body, address);
	if (hit == NULL)
		return NULL;
	const char *start = paragraph_start (body, hit);
	const char *end = strstr (hit, "\n\n");
	if (end == NULL)
		end = hit + strlen (hit);
	/* A paragraph that long is not a diagnostic but the whole report, and
	 * one of delivery-status fields (written into the text by a report
	 * with a broken MIME structure) says nothing more than the fields. */
	if (end - start > 1000)
		return NULL;
	g_autofree char *para = g_strndup (start, end - start);
	if (bv_text_find_ci (para, "Final-Recipient:") || bv_text_find_ci (para, "Original-Recipient:"))
		return NULL;
	/* A paragraph of addresses alone is the list a sentence before it
	 * introduces.  When that sentence gives a reason ("Unable to deliver
	 * message to the following recipients, due to being unable to connect
	 * successfully to the destination mail server." over an indented
	 * address, Microsoft's SMTP service, dsntext.h), it is what the report
	 * says of them; a template's "could not be delivered to:" says no
	 * more than the report's kind, and the address alone nothing. */
	if (only_addresses (para)) {
		const char *pend = start;
		while (pend > body && (pend[-1] == '\n' || pend[-1] == '\r' || pend[-1] == ' '))
			pend--;
		const char *pstart = paragraph_start (body, pend);
		if (pend > pstart && pend - pstart <= 400) {
			g_autofree char *intro = g_strndup (pstart, pend - pstart);
			if (bv_text_find_ci (intro, "because") != NULL ||
			    bv_text_find_ci (intro, "due to") != NULL)
				return bv_text_normalise (pstart, pend - pstart);
		}
		return NULL;
	}
	return bv_text_normalise (start, end - start);
}

/* Replaces *@field with the code that @valid accepts: itself, else the
 * first code @find sees in it ("4.2.2 (mailbox full)" gives "4.2.2"),
 * else "". */
static void
keep_valid_code (char **field, gboolean (*valid) (const char *),
                 gboolean (*find) (const char *, char *, gsize))
{
	if ((*field)[0] == '\0' || valid (*field))
		return;
	char code[16];
	char *kept = g_strdup (find (*field, code, sizeof code) ? code : "");
	g_free (*field);
	*field = kept;
}

/* Some reports drop the reply code from the Diagnostic-Code that their
 * text quotes with the same words ("The remote server answered: 550 5.1.1
 * Mailbox does not exist" beside "smtp; Mailbox does not exist"): the
 * reply code that stands right before the diagnostic in @body, an
 * enhanced code between them allowed.  Only a whole match counts. */
static void
reply_code_from_text (const char *body, BvRecipient *r)
{
	if (body == NULL || r->reply_code[0] != '\0' || strlen (r->diagnostic) < 8)
		return;
	for (const char *hit = bv_text_find_ci (body, r->diagnostic); hit != NULL;
	     hit = bv_text_find_ci (hit + 1, r->diagnostic)) {
		const char *p = hit;
		while (p > body && p[-1] == ' ')
			p--;
		const char *q = p;
		while (q > body && (g_ascii_isdigit (q[-1]) || q[-1] == '.'))
			q--;
		if (q < p && memchr (q, '.', p - q) != NULL) {
			p = q;
			while (p > body && p[-1] == ' ')
				p--;
		}
		if (p - body < 3 || !g_ascii_isdigit (p[-1]) || !g_ascii_isdigit (p[-2]) ||
		    !g_ascii_isdigit (p[-3]) || (p - body > 3 && g_ascii_isalnum (p[-4])))
			continue;
		char code[4] = { p[-3], p[-2], p[-1], '\0' };
		if (bv_reply_valid (code)) {
			bv_scrape_set (&r->reply_code, code);
			return;
		}
	}
}

/* Fills every NULL string of a recipient with "" and the codes from the
 * diagnostic when the report gave none. */
static void
complete_recipient (BvReport *report, const char *body, BvRecipient *r)
{
	bv_recipient_fill_empty (r);
	if (r->mta[0] == '\0' && report->mta != NULL) {
		g_free (r->mta);
		r->mta = g_strdup (report->mta);
	}
	if (r->diagnostic[0] == '\0' && report->kind != BV_KIND_FEEDBACK &&
	    report->kind != BV_KIND_AUTOREPLY) {
		char *found = diagnostic_from_body (body, r->recipient);
		if (found != NULL) {
			g_free (r->diagnostic);
			r->diagnostic = found;
		}
	}
	/* Some servers put RFC 2047 encoded words in their reply ("550
	 * =?UTF-8?B?...?="), which RFC 3464 2.3.6 passes on as they came:
	 * they are decoded as in a header (bv_mail_decode_header()), and only
	 * where the text holds "=?", so any other diagnostic stays exactly as
	 * the parser read it. */
	if (strstr (r->diagnostic, "=?") != NULL) {
		char *decoded = bv_mail_decode_header (r->diagnostic);
		g_free (r->diagnostic);
		r->diagnostic = decoded;
	}
	/* Every path reads a multi-line reply the same way, whichever parser
	 * set the diagnostic (bv_reply_join() is idempotent). */
	if (report->kind != BV_KIND_FEEDBACK && report->kind != BV_KIND_AUTOREPLY) {
		char *joined = bv_reply_join (r->diagnostic, -1);
		g_free (r->diagnostic);
		r->diagnostic = joined;
	}
	/* Whatever format the report had: a diagnostic that quotes a remote
	 * server's reply the way mail systems introduce one is an SMTP one. */
	bv_scrape_smtp_type (r);
	/* Every path (DSN fields, JSON notifications, text scrapers) ends
	 * here: a code that is not exactly a code never leaves the engine. */
	keep_valid_code (&r->status, bv_status_valid, bv_status_find);
	keep_valid_code (&r->reply_code, bv_reply_valid, bv_reply_find);
	/* A missing or generic status takes the code the diagnostic quotes,
	 * by the same rule whichever parser read the report. */
	bv_dsn_upgrade_status (r);
	char code[16];
	if (r->no_reply) {
		bv_scrape_set (&r->reply_code, "");
	} else {
		if (r->reply_code[0] == '\0' && bv_reply_find (r->diagnostic, code, sizeof code)) {
			g_free (r->reply_code);
			r->reply_code = g_strdup (code);
		}
		reply_code_from_text (body, r);
	}
	if (r->action[0] == '\0') {
		g_free (r->action);
		r->action = g_strdup (report->kind == BV_KIND_DELAYED  ? "delayed"
		                      : report->kind == BV_KIND_FAILED ? "failed"
		                                                       : "");
	}
}

static BvReport *parse_at_depth (const char *data, gsize len, guint depth);

/* Whether the message whose To header is @to was sent to every address
 * that @inner says failed: a mailing list's probe or warning to a member
 * whose mail bounced, with a sample bounce attached or quoted (Mailman 3
 * src/mailman/app/bounces.py send_probe(), ezmlm-warn).  Mail that reached
 * the address is no news that it fails: the sample is the list's evidence,
 * not a report for whoever reads this mailbox.  A report goes to the
 * sender, and a person forwarding one sends it to someone else. */
static gboolean
sent_to_the_failed (const char *to, const BvReport *inner)
{
	if (to == NULL || inner->recipients->len == 0 ||
	    (inner->kind != BV_KIND_FAILED && inner->kind != BV_KIND_DELAYED))
		return FALSE;
	/* GMime 3.2 defines no autoptr for its address lists. */
	InternetAddressList *list = internet_address_list_parse (NULL, to);
	if (list == NULL)
		return FALSE;
	gboolean all = TRUE;
	for (guint i = 0; i < inner->recipients->len && all; i++) {
		const BvRecipient *r = inner->recipients->pdata[i];
		gboolean found = FALSE;
		for (int k = 0; k < internet_address_list_length (list) && !found; k++) {
			InternetAddress *a = internet_address_list_get_address (list, k);
			found = INTERNET_ADDRESS_IS_MAILBOX (a) && r->recipient != NULL &&
			        r->recipient[0] != '\0' &&
			        g_ascii_strcasecmp (
			                internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (a)),
			                r->recipient) == 0;
		}
		all = found;
	}
	g_object_unref (list);
	return all;
}

/* When @mail is not a report itself but carries one as an attached message
 * whose MIME structure is a report's (multipart/report) or whose header is
 * a bounce's, as a person or a help desk forwards a bounce "as attachment"
 * (mail->attached_report, also inside a forward of such a forward): that
 * report's recipients, kind and original message become @report's.  The
 * attached message is read as a mail of its own, so a forward it attaches
 * in turn is followed the same way.  Delivery-status fields
 * quoted in the text of a forward are not this: they stay a quotation.
 * @report keeps the outer message's own headers (From, Return-Path), so
 * bv_report_is_from_mailer() tells that it came second-hand. */
static gboolean
take_attached_report (BvMail *mail, BvReport *report, guint depth)
{
	/* @depth counts the levels of attached messages above @mail; a report
	 * attached, through forwards of forwards, deeper than
	 * BV_ATTACHED_MAX_DEPTH (mail.h says why) is not followed. */
	guint level = depth + mail->attached_report_level;
	if (mail->attached_report == NULL || level > BV_ATTACHED_MAX_DEPTH)
		return FALSE;
	g_autofree char *bytes = g_mime_object_to_string (GMIME_OBJECT (mail->attached_report), NULL);
	if (bytes == NULL)
		return FALSE;
	g_autoptr (BvReport) inner = parse_at_depth (bytes, strlen (bytes), level);
	const char *to =
	        mail->attached_report_carrier != NULL
	                ? g_mime_object_get_header (GMIME_OBJECT (mail->attached_report_carrier), "To")
	                : bv_mail_header (mail, "To");
	if (inner->kind == BV_KIND_NONE || sent_to_the_failed (to, inner))
		return FALSE;
	report->kind = inner->kind;
	g_free (report->mta);
	report->mta = g_steal_pointer (&inner->mta);
	BvOriginal swap = report->original;
	report->original = inner->original;
	inner->original = swap;
	GPtrArray *rcpts = report->recipients;
	report->recipients = inner->recipients;
	inner->recipients = rcpts;
	report->truncated = report->truncated || inner->truncated;
	return TRUE;
}

BvReport *
bv_report_parse (const char *data, gsize len)
{
	return parse_at_depth (data, len, 0);
}

static BvReport *
parse_at_depth (const char *data, gsize len, guint depth)
{
	bv_init ();
	BvReport *report = bv_report_new ();
	g_autoptr (BvMail) mail = bv_mail_new (data ? data : "", data ? len : 0);

	report->message_id = bv_mail_header_text (mail, "Message-ID");
	report->date = bv_mail_header_text (mail, "Date");
	report->from = g_strdup (mail->from);
	report->subject = g_strdup (mail->subject);
	report->mta = g_strdup ("");
	report->return_path = return_path (mail);

	/* The feedback parser falls back to the original's To. */
	fill_original (mail, report);
	gboolean found = parse_feedback (mail, report);
	if (found) {
		g_free (report->mta);
		report->mta = g_strdup ("arf");
	}
	if (!found) {
		/* Format parsers see the mail first: they know their own
		 * wording, and fill in what a DSN part leaves out. */
		for (const BvLhost *const *lh = bv_lhosts; *lh && !found; lh++) {
			if ((*lh)->parse (mail, report)) {
				found = report->recipients->len > 0;
				if (found) {
					g_free (report->mta);
					report->mta = g_strdup ((*lh)->name);
				}
			}
		}
	}
	/* Delivery-status fields in the text of a person's forwarded copy are
	 * a quotation, not a report. */
	const char *dsn_text = mail->dsn->len > 0           ? mail->dsn->str
	                       : bv_scrape_forwarded (mail) ? NULL
	                                                    : embedded_dsn (mail->body->str);
	if (!found && dsn_text != NULL) {
		found = bv_dsn_parse (dsn_text, report->recipients) > 0;
		if (found) {
			g_free (report->mta);
			report->mta = g_strdup ("rfc3464");
		}
	}
	if (!found && parse_mdn (mail, report)) {
		found = TRUE;
		g_free (report->mta);
		report->mta = g_strdup ("rfc8098");
	}
	if (!found)
		found = parse_autoreply (mail, report);
	if (!found && bv_lhost_generic.parse (mail, report)) {
		found = report->recipients->len > 0;
		g_free (report->mta);
		report->mta = g_strdup (bv_lhost_generic.name);
	}
	if (!found) {
		g_ptr_array_set_size (report->recipients, 0);
		report->truncated = mail->truncated;
		if (take_attached_report (mail, report, depth))
			return report;
		report->kind = BV_KIND_NONE;
	} else if (report->kind == BV_KIND_NONE) {
		/* A recipient read from the text has no Action: the notice's
		 * own template says whether it is a delay warning. */
		mark_delayed (mail, report->recipients);
		report->kind = kind_from_actions (report->recipients);
	}
	/* A list's probe that quotes the bounce in its own text (ezmlm-warn's
	 * probe) reads like the report it quotes; it went to the address.
	 * Only a list manager's own mail is taken for one: a report's To may
	 * name the failed address too (a mail sent to oneself, or addresses
	 * masked alike), and no MTA marks its report as a list's (RFC 2919
	 * List-Id, ezmlm's Mailing-List field). */
	if (found &&
	    (bv_mail_header (mail, "List-Id") != NULL || bv_mail_header (mail, "Mailing-List") != NULL) &&
	    sent_to_the_failed (bv_mail_header (mail, "To"), report)) {
		g_ptr_array_set_size (report->recipients, 0);
		report->kind = BV_KIND_NONE;
		found = FALSE;
	}
	if (found && report->kind != BV_KIND_FEEDBACK && report->kind != BV_KIND_AUTOREPLY)
		fill_missing_address (mail, report);
	fill_original (mail, report);
	report->truncated = mail->truncated || report->recipients->len >= BV_DSN_MAX_RECIPIENTS;
	for (guint i = 0; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		/* Looking each recipient up in the text costs a pass over it: a
		 * report listing thousands of recipients without diagnostics
		 * would make that quadratic, and its first ones say enough. */
		complete_recipient (report, i < BODY_LOOKUPS ? mail->body->str : "", r);
		bv_classify (r, bv_recipient_kind (report, r));
	}
	return report;
}
