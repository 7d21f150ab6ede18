/* classify.c: deciding the cause of a failed recipient.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence, from the most to the least decisive:
 *   1. the kind of report (feedback, auto-reply, success);
 *   2. a provider's own convention (Google's wording, Microsoft's and
 *      Yahoo's private codes, Orange's OFR/LPN numbers...), then what is
 *      known of the mail system that wrote the report or refused (Google
 *      Groups, Amazon SES receiving, NTT docomo, Outlook.com, MessageLabs);
 *   3. the specific causes, each decided by its status code or by its
 *      wording, in a fixed order: a full mailbox outranks an unknown user
 *      because servers say "550 5.1.1 mailbox full" but never the reverse;
 *      then Gmail's after-DATA states;
 *   4. when the status code is generic or says little, the wording of the
 *      broader causes (spam, policy, network...), then the code's class;
 *   5. what is left: the action (delayed means expired), the command.
 * Unknown-user wording is read with the SMTP command (named by the
 * report, or told by a reply that names the address first, "<a@b>: User
 * unknown", which is how servers answer RCPT TO): refused at RCPT it
 * is an unknown user; refused after DATA (or with a generic code and no
 * command) it is a filter that refused the message ("filtered"), which
 * is the convention of Sisimai, whose vocabulary this speaks.
 */
#include "config.h"

#include <string.h>

#include "parsers/classify-rules.h"
#include "parsers/classify.h"

/* Causes whose status code is too vague to stand on its own: wording of a
 * broader cause is consulted before the code decides. */
static gboolean
vague_cause (BvCause c)
{
	switch (c) {
	case BV_CAUSE_UNDEFINED:
	case BV_CAUSE_ONHOLD:
	case BV_CAUSE_SYSTEMERROR:
	case BV_CAUSE_SECURITYERROR:
	case BV_CAUSE_EXPIRED:
	case BV_CAUSE_NETWORKERROR:
	case BV_CAUSE_HOSTUNKNOWN:
	case BV_CAUSE_USERUNKNOWN:
	/* x.6.x codes are too broad: "5.6.0 scored as spam" is spam. */
	case BV_CAUSE_CONTENTERROR: return TRUE;
	default: return FALSE;
	}
}

/* The specific causes, in the order they are tried (step 3). */
static const BvCause specific_order[] = {
	BV_CAUSE_MAILBOXFULL,  BV_CAUSE_MESGTOOBIG,  BV_CAUSE_EXCEEDLIMIT,     BV_CAUSE_SUSPEND,
	BV_CAUSE_HASMOVED,     BV_CAUSE_NORELAYING,  BV_CAUSE_AUTHFAILURE,     BV_CAUSE_USERUNKNOWN,
	BV_CAUSE_FILTERED,     BV_CAUSE_REQUIREPTR,  BV_CAUSE_NOTCOMPLIANTRFC, BV_CAUSE_BADREPUTATION,
	BV_CAUSE_CONTENTERROR, BV_CAUSE_REJECTED,    BV_CAUSE_HOSTUNKNOWN,     BV_CAUSE_SPAMDETECTED,
	BV_CAUSE_SPEEDING,     BV_CAUSE_TOOMANYCONN, BV_CAUSE_BLOCKED,
};

/* The broader causes, tried by wording alone (step 4). */
static const BvCause broad_order[] = {
	BV_CAUSE_MAILBOXFULL,
	BV_CAUSE_AUTHFAILURE,
	BV_CAUSE_BADREPUTATION,
	BV_CAUSE_SPEEDING,
	BV_CAUSE_SPAMDETECTED,
	BV_CAUSE_VIRUSDETECTED,
	BV_CAUSE_POLICYVIOLATION,
	BV_CAUSE_NORELAYING,
	/* A local delivery program's failure is often worded as a system
	 * error ("Operating system error", "Service unavailable"). */
	BV_CAUSE_MAILERERROR,
	BV_CAUSE_SYSTEMERROR,
	BV_CAUSE_NETWORKERROR,
	BV_CAUSE_SUSPEND,
	BV_CAUSE_CONTENTERROR,
	BV_CAUSE_SYSTEMFULL,
	BV_CAUSE_NOTACCEPT,
	BV_CAUSE_EXPIRED,
	BV_CAUSE_SECURITYERROR,
};

/* Everything else wording can say, for text that matched nothing above. */
static const BvCause rest_order[] = {
	BV_CAUSE_USERUNKNOWN, BV_CAUSE_HOSTUNKNOWN, BV_CAUSE_FILTERED,    BV_CAUSE_REJECTED,
	BV_CAUSE_BLOCKED,     BV_CAUSE_TOOMANYCONN, BV_CAUSE_SYNTAXERROR, BV_CAUSE_VACATION,
};

/* What the decision rests on while it is being made. */
typedef struct {
	const char *diag;
	const char *status;
	const char *command;
	const char *reply;
	const char *mta;        /* mail system that wrote the report */
	const char *remote_mta; /* server that refused, as the report names it */
	const char *domain;     /* the recipient's domain */
	BvCause by_status;
	BvTextScan scan;
	gboolean bare_address; /* the diagnostic held only addresses */
} Facts;

static gboolean
said (const Facts *f, BvCause c)
{
	return f->scan.text[c].phrase >= 0 && !(f->scan.not_mask & (G_GUINT64_CONSTANT (1) << c));
}

/* Whether the wording says the recipient's address itself does not exist
 * (a BV_PHRASE_ADDRESS phrase), which holds at any command. */
static gboolean
said_address (const Facts *f, BvCause c)
{
	return said (f, c) && (f->scan.address_mask & (G_GUINT64_CONSTANT (1) << c));
}

static gboolean
command_is (const Facts *f, const char *cmd)
{
	return strcmp (f->command, cmd) == 0;
}

/* Refused before any address was given: the wording is about the client. */
static gboolean
at_greeting (const Facts *f)
{
	return command_is (f, "CONN") || command_is (f, "HELO") || command_is (f, "EHLO");
}

/* Whether wording of another cause contradicts a 5.1.1-style code: "5.1.1
 * relay access denied" is a relay refusal that reused the code. */
static gboolean
contradicts_userunknown (const Facts *f)
{
	static const BvCause others[] = { BV_CAUSE_NORELAYING, BV_CAUSE_BLOCKED,  BV_CAUSE_MAILBOXFULL,
		                          BV_CAUSE_HASMOVED,   BV_CAUSE_REJECTED, BV_CAUSE_NOTACCEPT };
	for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
		if (said (f, others[i]))
			return TRUE;
	return FALSE;
}

/* Step 3 for one cause: does the status code or the wording point to it?
 * Sets *by_text when the wording decided. */
static gboolean
specific_applies (const Facts *f, BvCause c, gboolean *by_text)
{
	gboolean code = f->by_status == c;
	*by_text = FALSE;
	switch (c) {
	case BV_CAUSE_USERUNKNOWN:
		if (code && !contradicts_userunknown (f))
			return TRUE;
		/* Without a status code, a command or even a reply code the
		 * report is no SMTP refusal: the wording stands alone. */
		*by_text = said (f, c) &&
		           (command_is (f, "RCPT") || said_address (f, c) ||
		            (f->status[0] == '\0' && f->command[0] == '\0' && f->reply[0] == '\0'));
		return *by_text;
	case BV_CAUSE_FILTERED: {
		gboolean words = said (f, BV_CAUSE_FILTERED) || said (f, BV_CAUSE_USERUNKNOWN);
		if (code && words)
			return TRUE;
		*by_text = words && !command_is (f, "RCPT") && !command_is (f, "MAIL");
		return *by_text;
	}
	case BV_CAUSE_REJECTED:
		if (code)
			return TRUE;
		*by_text = said (f, c) &&
		           (command_is (f, "MAIL") ||
		            (command_is (f, "DATA") && f->by_status != BV_CAUSE_USERUNKNOWN) ||
		            f->by_status == BV_CAUSE_UNDEFINED || f->by_status == BV_CAUSE_SECURITYERROR ||
		            f->by_status == BV_CAUSE_SYSTEMERROR);
		return *by_text;
	case BV_CAUSE_HOSTUNKNOWN:
		/* 5.4.4 covers DNS failures too: network wording wins unless
		 * the text also says the host is unknown, and a domain that
		 * exists but names no mail server accepts no mail. */
		if (code && (!said (f, BV_CAUSE_NETWORKERROR) || said (f, c)) &&
		    !said (f, BV_CAUSE_NOTACCEPT))
			return TRUE;
		/* "Invalid domain" in reply to HELO is the client's name. */
		*by_text = said (f, c) && !at_greeting (f);
		return *by_text;
	case BV_CAUSE_CONTENTERROR:
		/* "Message content rejected as spam": the content was refused
		 * for what it is, not for its format. */
		*by_text =
		        said (f, c) && !said (f, BV_CAUSE_SPAMDETECTED) && !said (f, BV_CAUSE_VIRUSDETECTED);
		return *by_text;
	default:
		if (code)
			return TRUE;
		*by_text = said (f, c);
		return *by_text;
	}
}

static void
set_evidence (BvRecipient *r, const char *rule, const char *matched, const char *detail)
{
	g_free (r->evidence.rule);
	g_free (r->evidence.matched);
	g_free (r->evidence.detail);
	r->evidence.rule = g_strdup (rule);
	r->evidence.matched = g_strdup (matched ? matched : "");
	r->evidence.detail = g_strdup (detail ? detail : "");
}

/* The words of a hit as they stand in the report. */
static char *
hit_text (const Facts *f, const BvHit *h)
{
	return g_strndup (f->diag + h->start, h->end - h->start);
}

/* The evidence of wording; @detail NULL says what the phrase means when
 * the table says it. */
static void
evidence_text (BvRecipient *r, const Facts *f, BvCause c, const char *detail)
{
	g_autofree char *m = hit_text (f, &f->scan.text[c]);
	set_evidence (r, "text", m, detail ? detail : bv_phrases[f->scan.text[c].phrase].detail);
}

static void
evidence_status (BvRecipient *r, const Facts *f, BvCause c)
{
	const char *meaning = bv_status_meaning (f->status);
	g_autofree char *detail = NULL;
	if (said (f, c)) {
		g_autofree char *m = hit_text (f, &f->scan.text[c]);
		detail = g_strdup_printf ("%s: %s; the reply says \"%s\"", f->status, meaning ? meaning : "",
		                          m);
	} else if (meaning) {
		detail = g_strdup_printf ("%s: %s", f->status, meaning);
	}
	set_evidence (r, "status", f->status, detail);
}

/* Orange and La Poste (France) end every refusal with a numbered label,
 * "OFR_416", "OFR005_505 [505]" or "LPN007_426", whose last three digits
 * are documented codes.  Returns the cause and sets *code_at to the label. */
static BvCause
orange_code (const char *diag, const char **label, gsize *label_len)
{
	static const struct {
		int code;
		BvCause cause;
	} codes[] = {
		{ 101, BV_CAUSE_BLOCKED },       { 102, BV_CAUSE_BLOCKED },
		{ 103, BV_CAUSE_BLOCKED },       { 104, BV_CAUSE_TOOMANYCONN },
		{ 305, BV_CAUSE_SECURITYERROR }, { 401, BV_CAUSE_AUTHFAILURE },
		{ 402, BV_CAUSE_SECURITYERROR }, { 403, BV_CAUSE_REJECTED },
		{ 405, BV_CAUSE_REJECTED },      { 415, BV_CAUSE_REJECTED },
		{ 416, BV_CAUSE_USERUNKNOWN },   { 417, BV_CAUSE_MAILBOXFULL },
		{ 418, BV_CAUSE_USERUNKNOWN },   { 420, BV_CAUSE_SUSPEND },
		{ 421, BV_CAUSE_REJECTED },      { 426, BV_CAUSE_SUSPEND },
		{ 505, BV_CAUSE_SYSTEMERROR },   { 506, BV_CAUSE_SPAMDETECTED },
		{ 510, BV_CAUSE_BLOCKED },       { 514, BV_CAUSE_MESGTOOBIG },
		{ 517, BV_CAUSE_AUTHFAILURE },   { 630, BV_CAUSE_POLICYVIOLATION },
		{ 999, BV_CAUSE_BLOCKED },
	};
	static const char *const prefixes[] = { "OFR", "LPN", "OUK" };
	for (gsize p = 0; p < G_N_ELEMENTS (prefixes); p++) {
		const char *at = strstr (diag, prefixes[p]);
		if (at == NULL)
			continue;
		/* OFR, digits, '_', then the three-digit code. */
		const char *q = at + 3;
		while (g_ascii_isdigit (*q) || g_ascii_isalpha (*q))
			q++;
		if (*q == '_')
			q++;
		const char *num = q;
		while (g_ascii_isdigit (*q))
			q++;
		if (q - num < 3)
			continue;
		int code = (num[q - num - 3] - '0') * 100 + (num[q - num - 2] - '0') * 10 +
		           (num[q - num - 1] - '0');
		for (gsize i = 0; i < G_N_ELEMENTS (codes); i++) {
			if (codes[i].code == code) {
				*label = at;
				*label_len = (gsize)(q - at);
				return codes[i].cause;
			}
		}
	}
	return BV_CAUSE_UNDEFINED;
}

/* Whether a status code is missing or generic (x.0.0). */
static gboolean
generic_status (const char *status)
{
	return status[0] == '\0' || strcmp (status + 1, ".0.0") == 0;
}

/* Whether @host (a host name, possibly followed by an address in
 * brackets) is @domain or a host under it. */
static gboolean
host_in_domain (const char *host, const char *domain)
{
	gsize n = strlen (domain);
	for (const char *at = strstr (host, domain); at; at = strstr (at + 1, domain)) {
		char after = at[n];
		gboolean starts = at == host || at[-1] == '.';
		gboolean ends = after == '\0' || after == '.' || after == ' ' || after == ']' ||
		                after == ')' || after == ';';
		/* "mx.docomo.ne.jp." ends with the root's dot. */
		if (after == '.' && at[n + 1] != '\0' && at[n + 1] != ' ')
			ends = FALSE;
		if (starts && ends)
			return TRUE;
	}
	return FALSE;
}

/* The conventions of one mail system or receiving provider, known from
 * who wrote the report or who refused, not from a code in the text.
 * Returns BV_CAUSE_UNDEFINED when none applies. */
static BvCause
mail_system_convention (BvRecipient *r, const Facts *f)
{
	/* Google Groups answers a posting it will not distribute (the group
	 * does not exist, or the sender may not post to it) with its own
	 * notice, whose wording differs by language and says no code. */
	if (strcmp (f->mta, "googlegroups") == 0) {
		g_autofree char *m = said (f, BV_CAUSE_REJECTED)
		                             ? hit_text (f, &f->scan.text[BV_CAUSE_REJECTED])
		                             : g_strdup ("Google Groups");
		set_evidence (r, "mta", m,
		              "Google Groups: the group does not exist or does not let the sender post "
		              "to it, so it refused the sender");
		return BV_CAUSE_REJECTED;
	}
	/* Amazon SES receiving bounces a message it has already accepted,
	 * by a receipt rule whose code and text the domain owner picked
	 * ("550 5.1.1 Mailbox does not exist" is the template): a rule
	 * refused the message, the address may well exist. */
	if (strcmp (f->mta, "receivingses") == 0 &&
	    (f->by_status == BV_CAUSE_USERUNKNOWN || said (f, BV_CAUSE_USERUNKNOWN))) {
		g_autofree char *m = said (f, BV_CAUSE_USERUNKNOWN)
		                             ? hit_text (f, &f->scan.text[BV_CAUSE_USERUNKNOWN])
		                             : g_strdup (f->status);
		set_evidence (r, "mta", m,
		              "Amazon SES receiving: a receipt rule bounced the message after accepting "
		              "it; its code and text are the rule's template, so a filter refused it");
		return BV_CAUSE_FILTERED;
	}
	/* NTT docomo accepts every recipient and answers "Unknown user"
	 * after DATA when the recipient's reception settings refuse the
	 * sender; with a mailbox-status code (5.2.0) the mailbox itself
	 * refused, which the steps below call a filter. */
	if (command_is (f, "DATA") && said (f, BV_CAUSE_USERUNKNOWN) && generic_status (f->status) &&
	    (host_in_domain (f->remote_mta, "docomo.ne.jp") || strcmp (f->domain, "docomo.ne.jp") == 0)) {
		g_autofree char *m = hit_text (f, &f->scan.text[BV_CAUSE_USERUNKNOWN]);
		set_evidence (r, "mta", m,
		              "NTT docomo: \"Unknown user\" after DATA means the recipient's reception "
		              "settings refuse the sender");
		return BV_CAUSE_REJECTED;
	}
	/* MessageLabs (Symantec Email Security.cloud) refuses a recipient
	 * that is not among the addresses registered for the domain with its
	 * own reply code, "542 <address> Rejected". */
	if (strcmp (f->mta, "messagelabs") == 0 && strcmp (f->reply, "542") == 0 &&
	    generic_status (f->status)) {
		set_evidence (r, "mta", f->reply,
		              "MessageLabs (Symantec Email Security.cloud): reply 542 refuses an address "
		              "that is not registered for the recipient's domain");
		return BV_CAUSE_USERUNKNOWN;
	}
	/* Outlook.com (Hotmail) refuses an address it does not have with
	 * "550 Requested action not taken: mailbox unavailable", and its own
	 * reports name no SMTP command. */
	if (strcmp (f->mta, "outlook") == 0 && said (f, BV_CAUSE_USERUNKNOWN) &&
	    strcmp (bv_phrases[f->scan.text[BV_CAUSE_USERUNKNOWN].phrase].phrase, "mailbox unavailable") ==
	            0 &&
	    (generic_status (f->status) || vague_cause (f->by_status)) && !contradicts_userunknown (f)) {
		g_autofree char *m = hit_text (f, &f->scan.text[BV_CAUSE_USERUNKNOWN]);
		set_evidence (r, "mta", m,
		              "Outlook.com: \"mailbox unavailable\" is its reply for an address that does "
		              "not exist");
		return BV_CAUSE_USERUNKNOWN;
	}
	return BV_CAUSE_UNDEFINED;
}

/* Where Gmail's "(state 15)", "(state 17)" or "(state 18)" stands in
 * @diag, or NULL. */
static const char *
gmail_state_after_data (const char *diag)
{
	for (const char *at = strstr (diag, "(state "); at; at = strstr (at + 1, "(state ")) {
		const char *n = at + 7;
		if (n[0] == '1' && (n[1] == '5' || n[1] == '7' || n[1] == '8') && n[2] == ')')
			return at;
	}
	return NULL;
}

/* Decides the cause; returns it with the evidence set on @r. */
static BvCause
decide (BvRecipient *r, const Facts *f, BvKind kind)
{
	/* 2. A provider's own convention. */
	if (f->scan.first_provider >= 0) {
		BvCause c = (BvCause)f->scan.first_provider;
		const BvHit *h = &f->scan.provider[c];
		g_autofree char *m = hit_text (f, h);
		set_evidence (r, "mta", m, bv_phrases[h->phrase].detail);
		return c;
	}
	const char *label;
	gsize label_len;
	BvCause orange = orange_code (f->diag, &label, &label_len);
	if (orange != BV_CAUSE_UNDEFINED) {
		g_autofree char *m = g_strndup (label, label_len);
		set_evidence (
		        r, "mta", m,
		        "Orange/La Poste: the number at the end of the label is its documented error code");
		return orange;
	}
	BvCause convention = mail_system_convention (r, f);
	if (convention != BV_CAUSE_UNDEFINED)
		return convention;
	if (f->by_status == BV_CAUSE_BLOCKED && f->status[2] == '7' && strlen (f->status) == 7) {
		set_evidence (r, "mta", f->status, bv_status_meaning (f->status));
		return BV_CAUSE_BLOCKED;
	}

	/* 3. The specific causes. */
	for (gsize i = 0; i < G_N_ELEMENTS (specific_order); i++) {
		BvCause c = specific_order[i];
		gboolean by_text;
		if (!specific_applies (f, c, &by_text))
			continue;
		if (c == BV_CAUSE_FILTERED && by_text && !said (f, BV_CAUSE_FILTERED)) {
			g_autofree char *m = hit_text (f, &f->scan.text[BV_CAUSE_USERUNKNOWN]);
			set_evidence (
			        r, "text", m,
			        "the server named no unknown address at RCPT: the refusal came with the "
			        "message (after DATA, or with a generic code), so a filter refused it");
		} else if (c == BV_CAUSE_FILTERED && !by_text && f->by_status == c) {
			evidence_status (r, f, c);
		} else if (by_text && c == BV_CAUSE_USERUNKNOWN && !(r->command && r->command[0]) &&
		           f->scan.command_by_form) {
			evidence_text (r, f, c,
			               "the reply names the recipient's address before the reason, the way "
			               "servers answer RCPT TO: the address itself was refused");
		} else if (by_text) {
			evidence_text (r, f, c, NULL);
		} else {
			evidence_status (r, f, c);
		}
		return c;
	}

	/* Gmail ends a remote server's reply with "(state N)", the stage its
	 * SMTP client had reached; 15, 17 and 18 are after DATA.  A refusal
	 * of the message there that no specific wording or code explains is
	 * a filter of the receiving server. */
	const char *state = strcmp (f->mta, "gmail") == 0 ? gmail_state_after_data (f->diag) : NULL;
	if (state && (f->status[0] == '\0' || g_str_has_suffix (f->status, ".0"))) {
		g_autofree char *m = g_strndup (state, strcspn (state, ")") + 1);
		set_evidence (r, "mta", m,
		              "Gmail: the receiving server refused the message after DATA (states 15, 17 "
		              "and 18), so its filter refused it");
		return BV_CAUSE_FILTERED;
	}

	/* 4. A vague or missing code: the broader wording, then the code. */
	if (vague_cause (f->by_status)) {
		for (gsize i = 0; i < G_N_ELEMENTS (broad_order); i++) {
			BvCause c = broad_order[i];
			if (said (f, c)) {
				evidence_text (r, f, c, NULL);
				return c;
			}
		}
		if (f->by_status != BV_CAUSE_UNDEFINED) {
			evidence_status (r, f, f->by_status);
			return f->by_status;
		}
		const char *st = f->status;
		if ((st[0] == '4' || st[0] == '5') && st[1] == '.' && (st[2] == '6' || st[2] == '7') &&
		    st[3] == '.') {
			BvCause c = st[2] == '6' ? BV_CAUSE_CONTENTERROR : BV_CAUSE_SECURITYERROR;
			set_evidence (r, "status", st,
			              st[2] == '6' ? "the code's subject 6 is about the message content"
			                           : "the code's subject 7 is about security or policy");
			return c;
		}
	} else {
		evidence_status (r, f, f->by_status);
		return f->by_status;
	}

	/* 5. What is left. */
	if (said (f, BV_CAUSE_SYNTAXERROR)) {
		evidence_text (r, f, BV_CAUSE_SYNTAXERROR, NULL);
		return BV_CAUSE_SYNTAXERROR;
	}
	if (kind == BV_KIND_DELAYED || g_str_has_prefix (r->action, "delay") ||
	    g_str_has_prefix (r->action, "expire")) {
		set_evidence (r, "kind", "delayed", "the report says delivery is still being retried");
		return BV_CAUSE_EXPIRED;
	}
	if (at_greeting (f)) {
		set_evidence (r, "reply", f->command, "the server refused the connection at the greeting");
		return BV_CAUSE_BLOCKED;
	}
	if (command_is (f, "MAIL")) {
		set_evidence (r, "reply", "MAIL", "the server refused the sender at MAIL FROM");
		return BV_CAUSE_REJECTED;
	}
	for (gsize i = 0; i < G_N_ELEMENTS (rest_order); i++) {
		BvCause c = rest_order[i];
		if (said (f, c)) {
			evidence_text (r, f, c, NULL);
			return c;
		}
	}
	if (f->diag[0] != '\0') {
		set_evidence (r, "default", "", "the report explains too little to decide");
		return BV_CAUSE_ONHOLD;
	}
	set_evidence (r, "default", "",
	              f->bare_address ? "the report names the address but gives no code and no reason" : "");
	return BV_CAUSE_UNDEFINED;
}

BvCause
bv_classify_text (const char *diagnostic, const char **matched)
{
	if (matched)
		*matched = NULL;
	BvTextScan scan;
	bv_text_scan (diagnostic, &scan);
	gint best = -1;
	if (scan.first_provider >= 0) {
		best = scan.provider[scan.first_provider].phrase;
	} else {
		/* A bare text has no command: every cause's wording counts,
		 * in the order the classifier tries them. */
		const BvCause *orders[] = { specific_order, broad_order, rest_order };
		const gsize sizes[] = { G_N_ELEMENTS (specific_order), G_N_ELEMENTS (broad_order),
			                G_N_ELEMENTS (rest_order) };
		for (gsize o = 0; o < G_N_ELEMENTS (orders) && best < 0; o++) {
			for (gsize i = 0; i < sizes[o] && best < 0; i++) {
				BvCause c = orders[o][i];
				if (scan.text[c].phrase >= 0 &&
				    !(scan.not_mask & (G_GUINT64_CONSTANT (1) << c)))
					best = scan.text[c].phrase;
			}
		}
	}
	if (best < 0)
		return BV_CAUSE_UNDEFINED;
	if (matched)
		*matched = bv_phrases[best].phrase;
	return bv_phrases[best].cause;
}

gboolean
bv_cause_is_hard (BvCause cause, const char *status, const char *reply_code)
{
	switch (cause) {
	case BV_CAUSE_USERUNKNOWN:
	case BV_CAUSE_HOSTUNKNOWN:
	case BV_CAUSE_HASMOVED: return TRUE;
	case BV_CAUSE_NOTACCEPT:
		if (status && status[0])
			return status[0] == '5';
		return reply_code && reply_code[0] == '5';
	default: return FALSE;
	}
}

/* Whether @diag holds nothing but addresses and punctuation: some
 * reports print the recipient ("* bob@example.org") where others give
 * the reason, and an address explains nothing (its words, "spam@" or
 * "dmarc@", must not be read as a reason either). */
static gboolean
only_addresses (const char *diag)
{
	gboolean address = FALSE;
	for (const char *p = diag; *p;) {
		while (g_ascii_isspace (*p))
			p++;
		const char *w = p;
		gboolean at = FALSE, word = FALSE;
		for (; *p && !g_ascii_isspace (*p); p++) {
			if (*p == '@')
				at = TRUE;
			else if (g_ascii_isalnum (*p) || (guchar)*p >= 0x80)
				word = TRUE;
		}
		if (p == w)
			break;
		if (word && !at)
			return FALSE;
		address = address || at;
	}
	return address;
}

static const char *
or_empty (const char *s)
{
	return s ? s : "";
}

void
bv_classify (BvRecipient *r, BvKind kind)
{
	/* A derived status is ours, not the report's: forget it so that a
	 * second call decides from the same evidence as the first. */
	if (r->status_derived) {
		g_free (r->status);
		r->status = g_strdup ("");
		r->status_derived = FALSE;
	}
	const char *status = or_empty (r->status);
	if (r->action == NULL)
		r->action = g_strdup ("");

	BvCause cause;
	if (kind == BV_KIND_FEEDBACK || kind == BV_KIND_AUTOREPLY || kind == BV_KIND_DELIVERED ||
	    g_str_has_prefix (status, "2.")) {
		/* The kind of report decides; a success code decides for
		 * a recipient of a mixed report. */
		cause = kind == BV_KIND_FEEDBACK    ? BV_CAUSE_FEEDBACK
		        : kind == BV_KIND_AUTOREPLY ? BV_CAUSE_VACATION
		                                    : BV_CAUSE_DELIVERED;
		if (cause == BV_CAUSE_DELIVERED && kind != BV_KIND_DELIVERED)
			set_evidence (r, "status", status, "a 2.x.x code means the message was delivered");
		else
			set_evidence (r, "kind", bv_kind_id (kind), "");
	} else {
		Facts f = { 0 };
		f.diag = or_empty (r->diagnostic);
		if (only_addresses (f.diag)) {
			f.diag = "";
			f.bare_address = TRUE;
		}
		f.status = status;
		f.reply = or_empty (r->reply_code);
		f.mta = or_empty (r->mta);
		f.remote_mta = or_empty (r->remote_mta);
		const char *at = strrchr (or_empty (r->recipient), '@');
		f.domain = at ? at + 1 : "";
		f.by_status = bv_status_cause (status);
		bv_text_scan (f.diag, &f.scan);
		f.command = r->command && r->command[0] ? r->command : f.scan.command;
		/* At MAIL FROM an address code speaks of the sender's address. */
		if (strcmp (f.command, "MAIL") == 0 &&
		    (f.by_status == BV_CAUSE_USERUNKNOWN || f.by_status == BV_CAUSE_HOSTUNKNOWN))
			f.by_status = BV_CAUSE_REJECTED;
		cause = decide (r, &f, kind);
	}
	r->cause = cause;

	if (status[0] == '\0') {
		char cls = (r->reply_code && r->reply_code[0] == '4') || kind == BV_KIND_DELAYED ? '4' : '5';
		const char *implied = bv_cause_status (cause, cls);
		if (implied) {
			g_free (r->status);
			r->status = g_strdup (implied);
			r->status_derived = TRUE;
		}
	}
	r->hard = bv_cause_is_hard (cause, r->status, r->reply_code);
}
