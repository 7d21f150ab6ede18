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

#include "parsers/classify-local.h"
#include "parsers/classify-rules.h"
#include "parsers/classify.h"
#include "parsers/codes.h"
#include "parsers/knowledge/systems.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* What the decision rests on while it is being made. */
typedef struct {
	const char *diag;
	const char *status;
	const char *command;
	const char *reply;
	const char *mta;           /* mail system that wrote the report */
	const char *remote_mta;    /* server that refused, as the report names it */
	const char *reporting_mta; /* server that wrote the report */
	const char *domain;        /* the recipient's domain */
	const char *dtype;         /* the Diagnostic-Code's type, lower case */
	BvCause by_status;
	BvTextScan scan;
	gboolean bare_address;    /* the diagnostic held only addresses */
	gboolean command_by_form; /* the command is the text's, by its form */
	gboolean gave_up;         /* the sender retried until it gave up */
	gboolean sender_verify;   /* the reply is a sender verification's (sender_verify()) */
} Facts;

static gboolean
said (const Facts *f, BvCause c)
{
	return f->scan.text[c].phrase >= 0 && !(f->scan.not_mask & (G_GUINT64_CONSTANT (1) << c));
}

/* Whether the wording names a cause other than @c. */
static gboolean
said_other (const Facts *f, BvCause c)
{
	const BvHit *own = &f->scan.text[c];
	for (guint o = 0; o < BV_CAUSE_COUNT; o++) {
		if (o == c || !said (f, (BvCause)o))
			continue;
		/* The concept's own word may be another cause's phrase ("the
		 * sender is blacklisted": a block word refusing the sender):
		 * inside the concept's span it says nothing besides. */
		const BvHit *h = &f->scan.text[o];
		if (h->start >= own->start && h->end <= own->end)
			continue;
		return TRUE;
	}
	return FALSE;
}

/* Whether the wording says the recipient's address itself does not exist
 * (a BV_PHRASE_ADDRESS phrase), which holds at any command. */
static gboolean
said_address (const Facts *f, BvCause c)
{
	return said (f, c) && (f->scan.address_mask & (G_GUINT64_CONSTANT (1) << c));
}

/* Whether the reply @diag says the sender's address failed verification
 * (Exim's "550-Verification failed for <s@example.org> 550-Unknown user
 * 550 Sender verify failed", acl.c verify = sender): whatever else it
 * quotes is the answer about the sender, though it came at RCPT.  Read
 * once per recipient, into Facts.sender_verify. */
static gboolean
sender_verify (const char *diag)
{
	return bv_text_find_ci (diag, "sender verify failed") != NULL ||
	       bv_text_find_ci (diag, "sender verification failed") != NULL;
}

static gboolean
command_is (const Facts *f, const char *cmd)
{
	return strcmp (f->command, cmd) == 0;
}

/* The subject digit of the status code (RFC 3463: '4' network, '7'
 * security or policy), or '\0' when there is none. */
static char
status_subject (const Facts *f)
{
	return f->status[0] && f->status[1] == '.' ? f->status[2] : '\0';
}

/* Refused before any address was given: the wording is about the client. */
static gboolean
at_greeting (const Facts *f)
{
	return command_is (f, "CONN") || command_is (f, "HELO") || command_is (f, "EHLO");
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
	g_free (r->evidence.source);
	g_free (r->evidence.runner_up);
	g_free (r->evidence.runner_up_why);
	r->evidence.source = g_strdup ("");
	r->evidence.runner_up = g_strdup ("");
	r->evidence.runner_up_why = g_strdup ("");
}

/* The words of a hit as they stand in the report. */
static char *
hit_text (const Facts *f, const BvHit *h)
{
	return g_strndup (f->diag + h->start, h->end - h->start);
}

/* Orange and La Poste (France) end every refusal with a numbered label,
 * "OFR_416", "OFR005_505 [505]" or "LPN007_426", whose last three digits
 * are documented codes (parsers/knowledge/orange.def).  Returns the cause
 * and sets *label to the label. */
static BvCause
orange_code (const char *diag, const char **label, gsize *label_len)
{
	static const struct {
		int code;
		BvCause cause;
	} codes[] = {
#define BV_ORANGE_CODE(n, c) { n, BV_CAUSE_##c },
#include "parsers/knowledge/orange.def"
#undef BV_ORANGE_CODE
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

/* ---- Ranked evidence ----
 *
 * Every signal becomes a candidate (cause, tier, where it comes from, what
 * it matched); the highest tier wins, and within a tier the cause that
 * comes first in cause_precedence.  The tiers, from the strongest:
 *
 *   PROVIDER   a provider's or mail system's own code or wording
 *              (parsers/knowledge/), decisive where it is unambiguous;
 *   CODE       an RFC 3463 detail code that names one cause and nothing
 *              else (5.2.2, 5.3.4, 5.7.26: BV_CODE_SPECIFIC);
 *   STRUCTURE  a mail system's clause that says which check refused
 *              (Postfix's "Client host rejected:"); the wording after it
 *              decides within its family of causes;
 *   WORDING    the server's words for a cause (normalised, any language);
 *   REUSED     a detail code that names a cause but that servers also send
 *              for neighbouring refusals (5.1.1 for any refused recipient,
 *              5.2.1, 5.5.2): a specific text says more than such a code;
 *   COMMAND    the SMTP command and reply code (refused at the greeting or
 *              HELO: the client; at MAIL FROM: the sender; 500-503: a
 *              command the server did not understand);
 *   PRIOR      a generic code (x.0.0, x.7.1, x.3.0, 4.4.7), the code's
 *              subject, the report kind (delayed: expired) and an outer
 *              relay's give-up sentence: what is true when nothing more
 *              specific is said.
 *
 * The written conflict rules (parsers/README.md, "Classification"):
 *   - specific wording beats a REUSED code ("5.2.1 ... mailbox full" is
 *     full), a SPECIFIC code beats wording of another cause;
 *   - unknown-user wording is the recipient's address only at RCPT, in a
 *     report with no command at all, or when the server says the address
 *     is not in its directory; after DATA it is a filter's refusal;
 *   - onhold is left only when no tier has any candidate. */

typedef enum {
	TIER_NONE = 0,
	TIER_PRIOR,
	TIER_COMMAND,
	TIER_REUSED,
	TIER_WORDING,
	TIER_STRUCTURE,
	TIER_CODE,
	TIER_PROVIDER,
} Tier;

static const char *const tier_names[] = {
	[TIER_NONE] = "",
	[TIER_PRIOR] = "a generic code or the report kind",
	[TIER_COMMAND] = "the SMTP command or reply code",
	[TIER_REUSED] = "a detail code servers reuse",
	[TIER_WORDING] = "the server's wording",
	[TIER_STRUCTURE] = "the mail system's clause structure",
	[TIER_CODE] = "a specific detail code",
	[TIER_PROVIDER] = "a provider's own code or wording",
};

/* How the evidence of a candidate is written out. */
typedef enum {
	EV_TEXT,   /* a phrase hit: quote it, the phrase's detail */
	EV_STATUS, /* the status code and what it means */
	EV_FIXED,  /* matched and detail given as they are */
} EvKind;

typedef struct {
	BvCause cause;
	Tier tier;
	guint order; /* within a tier: lower first */
	EvKind ev;
	const char *rule;
	const char *source;
	const BvHit *hit;    /* EV_TEXT */
	const char *matched; /* EV_FIXED: static or owned by Facts */
	gsize matched_len;   /* EV_FIXED: G_MAXSIZE for NUL-terminated */
	const char *detail;  /* static, or NULL */
	const char *note;    /* the written rule that set its tier, or NULL */
} Candidate;

#define MAX_CANDIDATES 64

typedef struct {
	Candidate c[MAX_CANDIDATES];
	guint n;
} Candidates;

/* The order of causes within one tier: a full mailbox outranks an unknown
 * user because servers say "550 5.1.1 mailbox full" but never the reverse;
 * the narrow causes come before the broad ones they are special cases of
 * (a DNS block list before a plain block, spam before policy). */
static const BvCause cause_precedence[] = {
	BV_CAUSE_MAILBOXFULL,     BV_CAUSE_MESGTOOBIG,  BV_CAUSE_EXCEEDLIMIT,     BV_CAUSE_SUSPEND,
	BV_CAUSE_HASMOVED,        BV_CAUSE_NORELAYING,  BV_CAUSE_AUTHFAILURE,     BV_CAUSE_USERUNKNOWN,
	BV_CAUSE_FILTERED,        BV_CAUSE_REQUIREPTR,  BV_CAUSE_NOTCOMPLIANTRFC, BV_CAUSE_BADREPUTATION,
	BV_CAUSE_CONTENTERROR,    BV_CAUSE_REJECTED,    BV_CAUSE_HOSTUNKNOWN,     BV_CAUSE_SPAMDETECTED,
	BV_CAUSE_VIRUSDETECTED,   BV_CAUSE_SPEEDING,    BV_CAUSE_TOOMANYCONN,     BV_CAUSE_BLOCKED,
	BV_CAUSE_POLICYVIOLATION, BV_CAUSE_MAILERERROR, BV_CAUSE_SYSTEMERROR,     BV_CAUSE_NETWORKERROR,
	BV_CAUSE_SYSTEMFULL,      BV_CAUSE_NOTACCEPT,   BV_CAUSE_EXPIRED,         BV_CAUSE_SECURITYERROR,
	BV_CAUSE_SYNTAXERROR,     BV_CAUSE_VACATION,    BV_CAUSE_ONHOLD,          BV_CAUSE_UNDEFINED,
};

static guint
precedence_of (BvCause c)
{
	for (guint i = 0; i < G_N_ELEMENTS (cause_precedence); i++)
		if (cause_precedence[i] == c)
			return i;
	return G_N_ELEMENTS (cause_precedence);
}

static Candidate *
add (Candidates *cs, BvCause cause, Tier tier, const char *rule, const char *source)
{
	if (cs->n >= MAX_CANDIDATES)
		return NULL;
	Candidate *c = &cs->c[cs->n++];
	*c = (Candidate){ 0 };
	c->cause = cause;
	c->tier = tier;
	/* Provider candidates keep the order they were found in. */
	c->order = tier == TIER_PROVIDER ? cs->n : precedence_of (cause);
	c->rule = rule;
	c->source = source;
	c->matched_len = G_MAXSIZE;
	return c;
}

static void
add_text (Candidates *cs, const Facts *f, BvCause cause, Tier tier, const BvHit *hit, const char *detail)
{
	const BvPhrase *p = &bv_phrases[hit->phrase];
	Candidate *c = add (cs, cause, tier, tier == TIER_PROVIDER ? "mta" : "text",
	                    p->source ? p->source : "bounceview phrase table (parsers/classify-phrases.c)");
	if (c == NULL)
		return;
	c->ev = EV_TEXT;
	c->hit = hit;
	c->detail = detail ? detail : p->detail;
	(void)f;
}

static void
add_fixed (Candidates *cs, BvCause cause, Tier tier, const char *rule, const char *source,
           const char *matched, gsize len, const char *detail)
{
	Candidate *c = add (cs, cause, tier, rule, source);
	if (c == NULL)
		return;
	c->ev = EV_FIXED;
	c->matched = matched;
	c->matched_len = len;
	c->detail = detail;
}

static gboolean
better (const Candidate *a, const Candidate *b)
{
	if (b == NULL)
		return TRUE;
	if (a->tier != b->tier)
		return a->tier > b->tier;
	return a->order < b->order;
}

/* What a candidate rests on, for the runner-up sentence: "the code
 * 5.2.1", "the words \"Mailbox full\"", "the reply 552". */
static char *
describe (const Facts *f, const Candidate *c)
{
	switch (c->ev) {
	case EV_STATUS: return g_strdup_printf ("the code %s", f->status);
	case EV_TEXT: {
		g_autofree char *m = hit_text (f, c->hit);
		return g_strdup_printf ("the words \"%s\"", m);
	}
	case EV_FIXED: break;
	}
	g_autofree char *m = c->matched_len == G_MAXSIZE ? g_strdup (c->matched ? c->matched : "")
	                                                 : g_strndup (c->matched, c->matched_len);
	if (g_strcmp0 (c->rule, "reply") == 0)
		return g_strdup_printf ("the reply %s", m);
	if (g_strcmp0 (c->rule, "kind") == 0)
		return g_strdup ("the report kind");
	if (g_strcmp0 (c->rule, "status") == 0)
		return g_strdup_printf ("the code %s", m);
	return g_strdup_printf ("\"%s\"", m);
}

/* Why @runner lost to @c, in so many words: "the code 5.2.1 said
 * filtered, but the words "Mailbox full" say mailboxfull: a detail code
 * servers reuse ranks below the server's wording". */
static char *
runner_up_why (const Facts *f, const Candidate *c, const Candidate *runner)
{
	g_autofree char *lost = describe (f, runner);
	g_autofree char *won = describe (f, c);
	g_autofree char *reason = NULL;
	if (runner->tier < c->tier)
		reason = g_strdup_printf ("%s ranks below %s", tier_names[runner->tier], tier_names[c->tier]);
	else
		reason = g_strdup_printf ("both are %s; %s comes first in the order of causes",
		                          tier_names[c->tier], bv_cause_id (c->cause));
	const char *note = runner->note ? runner->note : c->note;
	return g_strdup_printf ("%s said %s, but %s %s %s: %s%s%s", lost, bv_cause_id (runner->cause), won,
	                        c->ev == EV_TEXT ? "say" : "says", bv_cause_id (c->cause), reason,
	                        note ? "; " : "", note ? note : "");
}

/* Writes the evidence of @c; @runner (may be NULL) is the strongest
 * candidate of another cause. */
static void
emit (BvRecipient *r, const Facts *f, const Candidate *c, const Candidate *runner)
{
	g_autofree char *matched = NULL;
	g_autofree char *detail = NULL;
	switch (c->ev) {
	case EV_TEXT:
		matched = hit_text (f, c->hit);
		detail = g_strdup (c->detail ? c->detail : "");
		break;
	case EV_STATUS: {
		const char *meaning = bv_status_meaning (f->status);
		matched = g_strdup (f->status);
		if (said (f, c->cause)) {
			g_autofree char *m = hit_text (f, &f->scan.text[c->cause]);
			detail = g_strdup_printf ("%s: %s; the reply says \"%s\"", f->status,
			                          meaning ? meaning : "", m);
		} else if (meaning) {
			detail = g_strdup_printf ("%s: %s", f->status, meaning);
		} else {
			detail = g_strdup ("");
		}
		break;
	}
	case EV_FIXED:
		matched = c->matched_len == G_MAXSIZE ? g_strdup (c->matched ? c->matched : "")
		                                      : g_strndup (c->matched, c->matched_len);
		detail = g_strdup (c->detail ? c->detail : "");
		break;
	}
	set_evidence (r, c->rule, matched, detail);
	g_free (r->evidence.source);
	r->evidence.source = g_strdup (c->source ? c->source : "");
	g_free (r->evidence.runner_up);
	g_free (r->evidence.runner_up_why);
	if (runner) {
		r->evidence.runner_up = g_strdup (bv_cause_id (runner->cause));
		r->evidence.runner_up_why = runner_up_why (f, c, runner);
	} else {
		r->evidence.runner_up = g_strdup ("");
		r->evidence.runner_up_why = g_strdup ("");
	}
}

/* Causes that RFC 3463 codes do not keep apart: a code of one and the
 * words of the other are the same refusal, and the words say which. */
static gboolean
sibling_said (const Facts *f, BvCause c)
{
	static const BvCause pairs[][2] = {
		{ BV_CAUSE_MESGTOOBIG, BV_CAUSE_EXCEEDLIMIT },
		{ BV_CAUSE_MAILBOXFULL, BV_CAUSE_EXCEEDLIMIT },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++) {
		if (pairs[i][0] == c && said (f, pairs[i][1]))
			return TRUE;
		if (pairs[i][1] == c && said (f, pairs[i][0]))
			return TRUE;
	}
	return FALSE;
}

/* One way only: servers use x.2.2, the mailbox's storage, for the
 * message's size, the system's storage and a disabled account ("552 5.2.2
 * Message exceeds the maximum size", "452 4.2.2 Insufficient system
 * storage", "550 5.2.2 This account has been suspended"), not the other
 * way round; x.6.x is about the content, and a virus found in it is the
 * narrower statement.  Whether the words name such a narrower cause than
 * the code @c, and not @c itself. */
static gboolean
narrower_said (const Facts *f, BvCause c)
{
	static const BvCause narrower[][2] = {
		{ BV_CAUSE_MAILBOXFULL, BV_CAUSE_MESGTOOBIG },
		{ BV_CAUSE_MAILBOXFULL, BV_CAUSE_SYSTEMFULL },
		/* x.2.2 beside words that the account is suspended or
		 * disabled: RFC 3463 keeps a disabled mailbox apart (x.2.1),
		 * and the words say which state the mailbox is in. */
		{ BV_CAUSE_MAILBOXFULL, BV_CAUSE_SUSPEND },
		{ BV_CAUSE_CONTENTERROR, BV_CAUSE_VIRUSDETECTED },
	};
	/* A local delivery agent's errno text ("File too large", EFBIG, for
	 * a mailbox over its size limit) speaks of files, not the message. */
	if (strcmp (f->dtype, "x-unix") == 0 || bv_text_find_ci (f->diag, "file too large"))
		return FALSE;
	for (gsize i = 0; i < G_N_ELEMENTS (narrower); i++)
		if (narrower[i][0] == c && said (f, narrower[i][1]) && !said (f, c))
			return TRUE;
	return FALSE;
}

static const char *const rfc3463 = "RFC 3463 and the IANA SMTP Enhanced Status Codes registry";
static const char *const rfc5321 = "RFC 5321 section 4.2 (reply codes) and 4.3.2 (command sequence)";

/* Whether the status is the one Sendmail gives a refused recipient whose
 * reply carries no enhanced code (sendmail/usersmtp.c, smtprcpt(): 550
 * becomes 5.1.1, 551 5.1.6, 553 5.1.3, each with "User unknown"): a
 * default of the reporting MTA, not the remote server's word on the
 * address ("550 ... IS NOT ACCEPTING MAIL FROM THIS SENDER"). */
static gboolean
sendmail_default_status (const Facts *f)
{
	static const char *const defaults[][2] = {
		{ "550", "5.1.1" },
		{ "551", "5.1.6" },
		{ "553", "5.1.3" },
	};
	/* The reply as the server sent it, with no enhanced code of its own. */
	char own[12];
	if (strcmp (f->mta, "sendmail") != 0 || f->reply[0] == '\0' ||
	    !g_str_has_prefix (f->diag, f->reply) || bv_status_find (f->diag, own, sizeof own))
		return FALSE;
	for (gsize i = 0; i < G_N_ELEMENTS (defaults); i++)
		if (strcmp (f->reply, defaults[i][0]) == 0 && strcmp (f->status, defaults[i][1]) == 0)
			return TRUE;
	return FALSE;
}

/* Whether the words name greylisting (the phrase table's "greylist"
 * rows, in any spelling). */
static gboolean
greylisting_said (const Facts *f)
{
	if (!said (f, BV_CAUSE_BLOCKED))
		return FALSE;
	const char *p = bv_phrases[f->scan.text[BV_CAUSE_BLOCKED].phrase].phrase;
	return strstr (p, "greylist") || strstr (p, "graylist") || strstr (p, "grey-list") ||
	       strstr (p, "gray-list");
}

/* The status code as a candidate, at the tier its strength earns. */
static void
collect_status (Candidates *cs, const Facts *f)
{
	if (f->by_status == BV_CAUSE_UNDEFINED)
		return;
	BvCodeStrength strength = bv_status_strength (f->status);
	Tier tier = strength == BV_CODE_PROVIDER   ? TIER_PROVIDER
	            : strength == BV_CODE_SPECIFIC ? TIER_CODE
	            : strength == BV_CODE_REUSED   ? TIER_REUSED
	                                           : TIER_PRIOR;
	BvCause c = f->by_status;
	const char *note = NULL;
	if (sendmail_default_status (f)) {
		tier = TIER_PRIOR;
		note = "Sendmail gives this code to any such reply that carries no code of its own "
		       "(usersmtp.c), so the server's words say more";
	}
	/* 5.4.4 covers DNS failures too: network wording wins unless the
	 * text also says the host is unknown, and a domain that exists but
	 * names no mail server accepts no mail. */
	if (c == BV_CAUSE_HOSTUNKNOWN &&
	    ((said (f, BV_CAUSE_NETWORKERROR) && !said (f, c)) || said (f, BV_CAUSE_NOTACCEPT))) {
		tier = TIER_PRIOR;
		note = "an unknown-host code also covers DNS failures and domains without a mail server, so "
		       "the words say which";
	}
	/* A greylisting server defers with whatever code it picks (4.2.0,
	 * 4.7.1, even 4.2.2): the word says what happened. */
	if (c != BV_CAUSE_BLOCKED && greylisting_said (f)) {
		tier = TIER_PRIOR;
		note = "a greylisting server defers with a code of its choosing, so the word says what "
		       "happened";
	}
	/* Two independent signals that agree: a reused code whose cause the
	 * server's words also name ("550 5.1.1 ... user unknown") stands with
	 * the wording, whatever the command; the order of causes then lets a
	 * narrower cause's words win ("4.7.1 Access denied, cannot find your
	 * hostname" is about reverse DNS). */
	if (tier == TIER_REUSED && said (f, c)) {
		tier = TIER_WORDING;
		note = "the code and the server's words name the same cause";
	}
	/* A specific code and wording of a sibling cause: the code names
	 * the family, the words the member ("552 5.2.3 message too large
	 * for this recipient" is about the size). */
	if (tier == TIER_CODE && sibling_said (f, c)) {
		tier = TIER_WORDING;
		note = "RFC 3463 codes do not keep a full mailbox, a size and a limit apart, so the words "
		       "say which";
	}
	if (tier == TIER_CODE && narrower_said (f, c)) {
		tier = TIER_PRIOR;
		note = "servers give this code to a wider class of refusals than RFC 3463 does (x.2.2 to a "
		       "size or a full disk, x.6.x to a virus), so the words say which";
	}
	const char *source = bv_status_source (f->status);
	Candidate *k = add (cs, c, tier, "status", source ? source : rfc3463);
	if (k) {
		k->ev = EV_STATUS;
		k->note = note;
	}
}

/* The family a Postfix-style clause names, and the causes the wording
 * after it may pick within that family. */
static gboolean
in_family (BvCause family, BvCause c)
{
	switch (family) {
	case BV_CAUSE_BLOCKED:
		return c == BV_CAUSE_REQUIREPTR || c == BV_CAUSE_BADREPUTATION || c == BV_CAUSE_SPEEDING ||
		       c == BV_CAUSE_TOOMANYCONN || c == BV_CAUSE_BLOCKED;
	/* A sender refused for a reason the words give (an SPF failure, "for
	 * policy reasons") is that reason: the decisions table's sender row. */
	case BV_CAUSE_REJECTED:
		return c == BV_CAUSE_AUTHFAILURE || c == BV_CAUSE_POLICYVIOLATION || c == BV_CAUSE_REJECTED;
	/* A local delivery agent's errno text names the system's state:
	 * EDQUOT a full mailbox, ENOSPC a full disk, EACCES a system error. */
	case BV_CAUSE_MAILERERROR:
		return c == BV_CAUSE_MAILBOXFULL || c == BV_CAUSE_SYSTEMFULL || c == BV_CAUSE_SYSTEMERROR ||
		       c == BV_CAUSE_MAILERERROR;
	default: return c == family;
	}
}

/* Whether the wording names a narrower member of @family than itself. */
static gboolean
family_said (const Facts *f, BvCause family)
{
	for (guint c = 0; c < BV_CAUSE_COUNT; c++)
		if ((BvCause)c != family && in_family (family, (BvCause)c) && said (f, (BvCause)c))
			return TRUE;
	return FALSE;
}

/* Vocabulary decision: a Diagnostic-Code of type x-unix is the exit
 * status or errno of a local delivery agent (Postfix's local(8) writing a
 * mailbox, pipe(8) running a command, Sendmail's local and prog mailers),
 * and so is a program's exit the text names ("Command died with status
 * 67", "exit code 77").  The exit status decides (knowledge/sysexits.def):
 * the host's permissions, system or configuration are systemerror, the
 * local agent finding no such user userunknown, anything else a program
 * reports mailererror, whatever the program's own words say.  A specific
 * code (5.2.2 for a full disk quota) still says more. */
static void
collect_local (Candidates *cs, const Facts *f)
{
	gboolean x_unix = strcmp (f->dtype, "x-unix") == 0;
	BvLocalExit lx;
	bv_local_read (f->diag, x_unix, &lx);
	if (!x_unix && lx.code < 0 && !lx.other_exit)
		return;
	BvCause c = lx.code >= 0 ? bv_local_cause (lx.code, lx.program) : BV_CAUSE_MAILERERROR;
	/* A program's failure that names nothing of the host: the words of a
	 * narrower member of the family (EDQUOT a full mailbox, ENOSPC a
	 * full disk, EACCES a system error) say which. */
	if (c == BV_CAUSE_MAILERERROR && family_said (f, BV_CAUSE_MAILERERROR))
		return;
	if (lx.code < 0 && !x_unix) {
		add_fixed (cs, BV_CAUSE_MAILERERROR, TIER_STRUCTURE, "text",
		           "Postfix src/global/pipe_command.c (\"Command died with status %d\" for a status "
		           "sysexits.h does not define); sysexits.h",
		           f->diag + lx.exit_start, lx.exit_end - lx.exit_start,
		           "a delivery program exited with a failure status of its own");
		return;
	}
	if (lx.code < 0) {
		add_fixed (
		        cs, BV_CAUSE_MAILERERROR, TIER_STRUCTURE, "text",
		        "Postfix src/global/dsn_buf.h (DSB_DTYPE_UNIX), src/global/pipe_command.c and "
		        "mail_copy.c; RFC 3464 section 2.3.6",
		        "x-unix", G_MAXSIZE,
		        "the Diagnostic-Code type x-unix reports a local delivery program's exit status or "
		        "system error");
		return;
	}
	add_fixed (cs, c, TIER_STRUCTURE, "text", lx.source, f->diag + lx.start, lx.end - lx.start,
	           bv_local_detail (lx.code));
}

/* Whether the words name a quota that is over (a server's words: a
 * user's reason "my mailbox is full of spam" names none). */
static gboolean
quota_said (const Facts *f)
{
	return said (f, BV_CAUSE_MAILBOXFULL) &&
	       strstr (bv_phrases[f->scan.text[BV_CAUSE_MAILBOXFULL].phrase].phrase, "quota") != NULL;
}

static void
collect_structure (Candidates *cs, const Facts *f)
{
	collect_local (cs, f);
	/* A message disposition notification that reports an automatic
	 * deletion (parse.c reads only those as failures, mta "rfc8098") is
	 * the recipient's own filter refusing the message: a Sieve "reject"
	 * sends one when it does not refuse in the SMTP session.  Its
	 * reason is the user's or the filter's words, not a server's, except
	 * a quota over its limit: Dovecot's LDA sent its quota refusal the same way
	 * until February 2012 ("Quota exceeded (mailbox for user is full)",
	 * the default quota_exceeded_message of src/plugins/quota), and has
	 * sent it as a DSN since (src/lib-lda/mail-send.c, commit
	 * 6cc815e209 "Send DSN only for out-of-quota errors"). */
	if (strcmp (f->mta, "rfc8098") == 0 && !quota_said (f))
		add_fixed (cs, BV_CAUSE_FILTERED, TIER_STRUCTURE, "mta",
		           "RFC 5429 section 2.1 and RFC 3028 section 4.2 (Sieve reject by MDN); RFC 8098 "
		           "section 3.2.6 (Disposition: "
		           "automatic-action/MDN-sent-automatically; deleted)",
		           "automatic-action; deleted", G_MAXSIZE,
		           "a disposition notification says the recipient's system deleted the message "
		           "by itself: the recipient's filter refused it");
	const BvHit *h = &f->scan.structure;
	if (h->phrase < 0)
		return;
	const BvPhrase *p = &bv_phrases[h->phrase];
	BvCause pick = p->cause;
	for (guint i = 0; i < G_N_ELEMENTS (cause_precedence); i++) {
		BvCause c = cause_precedence[i];
		if (c != p->cause && in_family (p->cause, c) && said (f, c)) {
			pick = c;
			break;
		}
	}
	/* A recipient check that a sender verification quotes (Exim's
	 * callout: "550-Response: 550 ... Recipient address rejected: User
	 * unknown ... 550 Sender verify failed") was about the sender. */
	if (f->sender_verify &&
	    (pick == BV_CAUSE_USERUNKNOWN || pick == BV_CAUSE_HOSTUNKNOWN || pick == BV_CAUSE_NOTACCEPT))
		pick = BV_CAUSE_REJECTED;
	Candidate *c = add (cs, pick, TIER_STRUCTURE, "text", p->source);
	if (c == NULL)
		return;
	c->ev = EV_TEXT;
	c->hit = pick == p->cause || !said (f, pick) ? h : &f->scan.text[pick];
	c->detail = p->detail;
}

/* Whether @phrase is Exim's "Unrouteable address" (route.c), or its
 * American spelling. */
static gboolean
unrouteable (const BvPhrase *p)
{
	return strcmp (p->phrase, "unrouteable address") == 0 ||
	       strcmp (p->phrase, "unroutable address") == 0;
}

/* Whether the domain @parent (a host's parent) may be an organisation's
 * own domain rather than a registry's suffix shared by strangers: it has
 * two labels at least, and is not of the "co.uk", "ne.jp", "com.au" form
 * (a short label under a two-letter country code), which is read as a
 * registry's. */
static gboolean
organisation_parent (const char *parent)
{
	const char *dot = strchr (parent, '.');
	if (dot == NULL || dot == parent || dot[1] == '\0')
		return FALSE;
	gsize first = (gsize)(dot - parent);
	const char *last = strrchr (parent, '.') + 1;
	return !(dot == strrchr (parent, '.') && first <= 3 && strlen (last) == 2);
}

/* Whether the report shows the recipient's domain to be the reporting
 * host's own: the host's name itself (Exim's default local_domains is
 * "@", its primary_hostname, which it writes as Reporting-MTA), a domain
 * the host stands under (mta.example.org under example.org), or a sibling
 * of the host under an organisation's domain (local.example.org beside
 * mta.example.org). */
static gboolean
domain_of_reporter (const char *domain, const char *reporting_mta)
{
	if (domain[0] == '\0' || reporting_mta[0] == '\0')
		return FALSE;
	if (g_ascii_strcasecmp (domain, reporting_mta) == 0 || host_in_domain (reporting_mta, domain))
		return TRUE;
	const char *dp = strchr (domain, '.');
	const char *hp = strchr (reporting_mta, '.');
	return dp && hp && g_ascii_strcasecmp (dp + 1, hp + 1) == 0 && organisation_parent (hp + 1);
}

/* Exim writes "Unrouteable address" when no router accepted an address
 * (src/src/route.c).  As a server, in reply to RCPT TO, it is recipient
 * verification failing (acl.c "verify = recipient", verify.c): the
 * recipient does not exist there.  In Exim's own report it is either a
 * domain the DNS does not know (the dnslookup router declines it without
 * a message, routers/dnslookup.c) or a local part no router of a local
 * domain accepts.  Decides which from what the report carries; @h is the
 * hit, @tier its tier. */
static void
collect_unrouteable (Candidates *cs, const Facts *f, const BvHit *h, Tier tier)
{
	/* "Verification failed for <sender> / Unrouteable address / Sender
	 * verify failed": the address that cannot be routed is the
	 * sender's. */
	if (said (f, BV_CAUSE_REJECTED)) {
		add_text (cs, f, BV_CAUSE_REJECTED, tier, h,
		          "a sender verification failed: the address that cannot be routed is the sender's");
		return;
	}
	/* A code of an unknown host (5.1.2), or DNS failure text beside
	 * it, says the domain is the trouble. */
	g_autofree char *rest = g_strdup (f->diag);
	memset (rest + h->start, ' ', h->end - h->start);
	BvTextScan other;
	bv_text_scan (rest, &other);
	if (f->by_status == BV_CAUSE_HOSTUNKNOWN || other.text[BV_CAUSE_HOSTUNKNOWN].phrase >= 0) {
		add_text (cs, f, BV_CAUSE_HOSTUNKNOWN, tier, h,
		          "the address cannot be routed, and the code or the text says its domain does "
		          "not exist");
		return;
	}
	/* A DNS lookup that did not complete, or a domain that accepts no
	 * mail: those words decide by themselves. */
	if (other.text[BV_CAUSE_NETWORKERROR].phrase >= 0 || other.text[BV_CAUSE_NOTACCEPT].phrase >= 0)
		return;
	if (f->reply[0] != '\0' || f->command[0] != '\0' || f->remote_mta[0] != '\0') {
		add_text (cs, f, BV_CAUSE_USERUNKNOWN, tier, h,
		          "a server's reply to the recipient: its recipient verification found no route "
		          "for the address, so the recipient does not exist there");
		return;
	}
	if (domain_of_reporter (f->domain, f->reporting_mta)) {
		add_text (cs, f, BV_CAUSE_USERUNKNOWN, tier, h,
		          "the reporting host's own report for a domain of its own: no router accepted "
		          "the local part, so the recipient does not exist");
		return;
	}
	add_text (cs, f, BV_CAUSE_HOSTUNKNOWN, tier, h,
	          "the reporting host's own report for another domain: its DNS lookup router declines "
	          "a domain the DNS does not know, so the domain does not exist");
}

/* Whether only punctuation and spaces follow: the words end the reply
 * ("... Access denied."), so they name no object ("access denied for
 * unknown[192.0.2.1]" names the client). */
static gboolean
ends_reply (const char *rest)
{
	for (; *rest; rest++)
		if (!g_ascii_isspace (*rest) && !g_ascii_ispunct (*rest))
			return FALSE;
	return TRUE;
}

/* Wording: every cause the text names, with the conditions some causes
 * need (the command for unknown users, the sender clause...). */
static void
collect_wording (Candidates *cs, const Facts *f)
{
	for (guint i = 0; i < G_N_ELEMENTS (cause_precedence); i++) {
		BvCause c = cause_precedence[i];
		if (!said (f, c))
			continue;
		const BvHit *h = &f->scan.text[c];
		const BvPhrase *p = &bv_phrases[h->phrase];
		Tier tier = (p->flags & BV_PHRASE_WRAPPER) ? TIER_PRIOR : TIER_WORDING;
		guint first = cs->n;
		/* At MAIL FROM an address or a domain that does not exist, or
		 * that accepts no mail (a null MX, RFC 7505 section 4.3), is
		 * the sender's. */
		if ((c == BV_CAUSE_USERUNKNOWN || c == BV_CAUSE_HOSTUNKNOWN || c == BV_CAUSE_NOTACCEPT) &&
		    (command_is (f, "MAIL") || f->sender_verify)) {
			const char *why =
			        command_is (f, "MAIL")
			                ? "refused at MAIL FROM: the address or domain that does not "
			                  "exist or accepts no mail is the sender's"
			                : "the sender's address failed verification: the address or "
			                  "domain that does not exist or accepts no mail is the "
			                  "sender's";
			add_text (cs, f, BV_CAUSE_REJECTED, tier, h, why);
			continue;
		}
		/* Sendmail's access database answers a From: entry at MAIL FROM
		 * with "550 5.7.1 <addr>... Access denied" (cf/m4/proto.m4,
		 * check_mail): the address it quotes is the object refused, the
		 * sender.  A bare "Access denied" may be the client's refusal. */
		if (c == BV_CAUSE_BLOCKED && command_is (f, "MAIL") &&
		    strcmp (p->phrase, "access denied") == 0 && ends_reply (f->diag + h->end) &&
		    bv_address_before (f->diag, h->start)) {
			add_text (
			        cs, f, BV_CAUSE_REJECTED, tier, h,
			        "Sendmail's access database refused the address it quotes at MAIL FROM: the "
			        "sender");
			continue;
		}
		switch (c) {
		case BV_CAUSE_USERUNKNOWN:
			/* Vocabulary decision: at RCPT, or in a report with
			 * no command and no code at all, "user unknown" is
			 * the address (parsers/README.md). */
			if (command_is (f, "RCPT") || said_address (f, c) ||
			    (f->status[0] == '\0' && f->command[0] == '\0' && f->reply[0] == '\0')) {
				const char *detail = NULL;
				if (f->command_by_form)
					detail = "the reply names the recipient's address before the reason, "
					         "the "
					         "way servers answer RCPT TO: the address itself was refused";
				add_text (cs, f, c, tier, h, detail);
			} else if (!command_is (f, "MAIL")) {
				/* Refused with the message: a filter refused it. */
				add_text (
				        cs, f, BV_CAUSE_FILTERED, tier, h,
				        "the server named no unknown address at RCPT: the refusal came with "
				        "the message (after DATA, or with a generic code), so a filter "
				        "refused it");
			} else {
				add_text (cs, f, c, TIER_PRIOR, h, NULL);
			}
			break;
		case BV_CAUSE_FILTERED:
			if (command_is (f, "RCPT") || command_is (f, "MAIL"))
				tier = TIER_PRIOR;
			add_text (cs, f, c, tier, h, NULL);
			break;
		case BV_CAUSE_REJECTED:
			/* The concept says only that the sender was refused;
			 * words that say why ("rejected for policy reasons",
			 * "... because it is on a blocklist") name the cause. */
			if ((p->flags & BV_PHRASE_CONCEPT) && said_other (f, c))
				break;
			if (!(command_is (f, "MAIL") ||
			      (command_is (f, "DATA") && f->by_status != BV_CAUSE_USERUNKNOWN) ||
			      f->by_status == BV_CAUSE_UNDEFINED || f->by_status == BV_CAUSE_SECURITYERROR ||
			      f->by_status == BV_CAUSE_SYSTEMERROR || sendmail_default_status (f)))
				tier = TIER_PRIOR;
			add_text (cs, f, c, tier, h, NULL);
			break;
		case BV_CAUSE_HOSTUNKNOWN:
			if (unrouteable (p)) {
				collect_unrouteable (cs, f, h, tier);
				break;
			}
			/* A null MX (RFC 7505) said beside it is the domain's
			 * own statement that it accepts no mail. */
			if (said (f, BV_CAUSE_NOTACCEPT) &&
			    strstr (bv_phrases[f->scan.text[BV_CAUSE_NOTACCEPT].phrase].phrase, "null"))
				break;
			/* "Invalid domain" in reply to HELO is the client's name. */
			add_text (cs, f, c, at_greeting (f) ? TIER_PRIOR : tier, h, NULL);
			break;
		case BV_CAUSE_CONTENTERROR:
			/* "Message content rejected as spam": the content was
			 * refused for what it is, not for its format. */
			if (said (f, BV_CAUSE_SPAMDETECTED) || said (f, BV_CAUSE_VIRUSDETECTED))
				break;
			/* Vocabulary decision: content refused without an
			 * x.6 code says nothing of its format: a filter judged
			 * it, which the vocabulary calls spam. */
			if ((strstr (p->phrase, "content rejected") || (p->flags & BV_PHRASE_CONCEPT)) &&
			    status_subject (f) != '6') {
				/* "Rejected by content policy: executable
				 * attachments are prohibited": the rule it
				 * names says why. */
				if (said (f, BV_CAUSE_POLICYVIOLATION))
					break;
				add_text (cs, f, BV_CAUSE_SPAMDETECTED, tier, h,
				          "the content was refused with no content-format code (x.6.x): a "
				          "content filter judged it");
				break;
			}
			add_text (cs, f, c, tier, h, NULL);
			break;
		case BV_CAUSE_NETWORKERROR:
			if (!(p->flags & BV_PHRASE_CONNECTION)) {
				/* "DNS lookup failed: no MX record found": the
				 * words say what the lookup found. */
				if (!said (f, BV_CAUSE_NOTACCEPT))
					add_text (cs, f, c, tier, h, NULL);
				break;
			}
			/* Vocabulary decision: a connection that failed is a
			 * network error, and an expired message when the
			 * sender retried it until it gave up. */
			if (f->gave_up) {
				/* The words of expiry say it already. */
				if (said (f, BV_CAUSE_EXPIRED) &&
				    !(bv_phrases[f->scan.text[BV_CAUSE_EXPIRED].phrase].flags &
				      BV_PHRASE_WRAPPER))
					break;
				add_text (
				        cs, f, BV_CAUSE_EXPIRED, tier, h,
				        "the connection failed, and the sender retried it until it gave up");
				break;
			}
			/* A server that answers at the greeting, or with a
			 * security or policy code, refused the client: that
			 * is no failed connection ("554 5.7.1 Connection
			 * refused"). */
			if ((f->reply[0] && at_greeting (f)) || status_subject (f) == '7')
				break;
			/* "554 Connection refused by policy": a server's own
			 * permanent reply that refuses the connection refused
			 * the client, unless its code speaks of the network
			 * (x.4.x: a relay that could not connect on). */
			if (f->reply[0] == '5' && strstr (p->phrase, "refused") &&
			    status_subject (f) != '4' &&
			    g_str_has_prefix (f->diag + strspn (f->diag, " \t"), f->reply)) {
				add_text (cs, f, BV_CAUSE_BLOCKED, tier, h,
				          "the server's own reply refuses the connection: it refused the "
				          "client");
				break;
			}
			add_text (cs, f, c, tier, h, NULL);
			break;
		default: add_text (cs, f, c, tier, h, NULL); break;
		}
		/* Written rule: a wrapper's give-up or bare refusal counts
		 * only when the words it goes with name no cause. */
		if (p->flags & BV_PHRASE_WRAPPER)
			for (guint k = first; k < cs->n; k++)
				cs->c[k].note =
				        "a relay's give-up sentence or a refusal that gives no reason "
				        "(\"Access denied\") counts only when the words it goes with name "
				        "no cause";
	}
}

/* What a reply code says by itself, at the command it answered: RFC 5321
 * section 4.2.2 and 4.2.3 list the replies, RFC 7504 adds 521 and 556.
 * Most replies say little (550 is every refusal), so most rows are priors
 * that count only when the status code names no cause; 521, 556 and 551
 * name one thing and rank with the command.  553 ("mailbox name not
 * allowed") has no row: qmail-smtpd answers a domain it does not relay
 * for with "553 sorry, that domain isn't in my list of allowed rcpthosts"
 * (qmail-smtpd.c), so it says nothing by itself. */
typedef struct {
	const char *reply;
	const char *command; /* "" for any command */
	BvCause cause;
	Tier tier;
	const char *detail;
	const char *source;
} ReplyRule;

static const ReplyRule reply_rules[] = {
	{ "521", "", BV_CAUSE_NOTACCEPT, TIER_COMMAND, "reply 521: the host does not accept mail",
	  "RFC 7504 (SMTP 521 and 556 reply codes)" },
	{ "556", "", BV_CAUSE_NOTACCEPT, TIER_COMMAND,
	  "reply 556: the recipient's domain does not accept mail",
	  "RFC 7504 (SMTP 521 and 556 reply codes)" },
	/* SMTP AUTH (RFC 4954 section 6): the client's own login refused or
	 * required, whatever command it answered; the codes are as specific
	 * as a detail code, and other words beside them ("relay access
	 * denied", "your IP has been blocked after repeated failures") say
	 * what follows from the missing login. */
	{ "535", "", BV_CAUSE_SECURITYERROR, TIER_CODE,
	  "reply 535: the server refused the client's authentication (SMTP AUTH credentials invalid)",
	  "RFC 4954 section 6" },
	{ "530", "", BV_CAUSE_SECURITYERROR, TIER_CODE,
	  "reply 530: the server requires the client to authenticate (SMTP AUTH) first",
	  "RFC 4954 section 6" },
	{ "551", "RCPT", BV_CAUSE_HASMOVED, TIER_COMMAND,
	  "reply 551: the user is not local here; the server names another address",
	  "RFC 5321 section 3.4 and 4.2.2" },
	{ "452", "RCPT", BV_CAUSE_TOOMANYCONN, TIER_PRIOR,
	  "reply 452 to RCPT TO: too many recipients for one transaction", "RFC 5321 section 4.5.3.1.10" },
	{ "452", "", BV_CAUSE_SYSTEMFULL, TIER_PRIOR, "reply 452: insufficient system storage",
	  "RFC 5321 section 4.2.2" },
	{ "552", "", BV_CAUSE_MAILBOXFULL, TIER_PRIOR, "reply 552: exceeded storage allocation",
	  "RFC 5321 section 4.2.2" },
	{ "451", "", BV_CAUSE_SYSTEMERROR, TIER_PRIOR, "reply 451: local error in processing",
	  "RFC 5321 section 4.2.2" },
	{ "421", "", BV_CAUSE_EXPIRED, TIER_PRIOR,
	  "reply 421: the server closed the session, and the message was not delivered before the "
	  "sender gave up",
	  "RFC 5321 section 3.8 and 4.2.2" },
};

/* Whether the reply refuses the client's SMTP AUTH (RFC 4954 section 6:
 * 530 authentication required, 535 credentials invalid), which servers
 * send at MAIL FROM too: the login, not the sender's address, was refused. */
static gboolean
auth_reply (const Facts *f)
{
	return strcmp (f->reply, "530") == 0 || strcmp (f->reply, "535") == 0;
}

/* 500, 501, 502 and 503: a command or its arguments not understood or
 * out of sequence; 555: a MAIL FROM or RCPT TO parameter not recognised
 * or not implemented (RFC 5321 section 4.2.3). */
static gboolean
syntax_reply (const Facts *f)
{
	return (f->reply[0] == '5' && f->reply[1] == '0' && f->reply[2] >= '0' && f->reply[2] <= '3' &&
	        f->reply[3] == '\0') ||
	       strcmp (f->reply, "555") == 0;
}

/* The SMTP command and reply code (RFC 5321). */
static void
collect_command (Candidates *cs, const Facts *f, BvRecipient *r, BvKind kind)
{
	for (gsize i = 0; i < G_N_ELEMENTS (reply_rules); i++) {
		const ReplyRule *rr = &reply_rules[i];
		if (strcmp (f->reply, rr->reply) != 0 || (rr->command[0] && !command_is (f, rr->command)))
			continue;
		/* A 551 with a security or policy code names no forward path
		 * (milter-greylist's "551 5.7.1 Go away!" for a denied host):
		 * the code says what the reply is about. */
		if (rr->cause == BV_CAUSE_HASMOVED && status_subject (f) == '7')
			break;
		/* A prior says what is true when nothing else does: not when
		 * the status code names a cause, nor when the client was
		 * refused at the greeting. */
		if (rr->tier == TIER_PRIOR && (f->by_status != BV_CAUSE_UNDEFINED || at_greeting (f)))
			break;
		add_fixed (cs, rr->cause, rr->tier, "reply", rr->source, f->reply, G_MAXSIZE, rr->detail);
		break;
	}
	gboolean delayed = kind == BV_KIND_DELAYED || g_str_has_prefix (r->action, "delay") ||
	                   g_str_has_prefix (r->action, "expire");
	/* A temporary reply at the greeting (Sendmail's "Deferred: 421") in a
	 * report that is still being retried, or whose sender gave up on time
	 * (x.4.7, RFC 3463), says the session failed for now: the kind or
	 * the code decides unless the words say more. */
	gboolean on_time = delayed || (f->status[0] && strcmp (f->status + 1, ".4.7") == 0);
	if (at_greeting (f) && !(on_time && f->reply[0] == '4'))
		add_fixed (cs, BV_CAUSE_BLOCKED, TIER_COMMAND, "reply", rfc5321, f->command, G_MAXSIZE,
		           "the server refused the connection at the greeting");
	/* A syntax reply to MAIL FROM ("503 5.5.1 Error: send HELO/EHLO
	 * first", RFC 5321 4.2.2 bad sequence of commands) is about the
	 * command, not the sender, and 421 closes the session whatever the
	 * command (RFC 5321 3.8: a server shutting down answers any command
	 * with it).  452 at MAIL FROM is the server's own storage running out
	 * (RFC 5321 4.2.2 and 4.5.3.1.10: insufficient system storage), not
	 * a verdict on the sender. */
	else if (command_is (f, "MAIL") && !auth_reply (f) && !syntax_reply (f) &&
	         strcmp (f->reply, "421") != 0 && strcmp (f->reply, "452") != 0)
		add_fixed (cs, BV_CAUSE_REJECTED, TIER_COMMAND, "reply", rfc5321, "MAIL", G_MAXSIZE,
		           "the server refused the sender at MAIL FROM");
	if (syntax_reply (f))
		add_fixed (cs, BV_CAUSE_SYNTAXERROR, TIER_COMMAND, "reply", rfc5321, f->reply, G_MAXSIZE,
		           "reply codes 500-503 and 555: the server did not understand a command or its "
		           "arguments, or they came out of sequence");
	if (delayed)
		add_fixed (cs, BV_CAUSE_EXPIRED, TIER_PRIOR, "kind",
		           "RFC 3464 section 2.3.3 (Action: delayed)", "delayed", G_MAXSIZE,
		           "the report says delivery is still being retried");
	const char *st = f->status;
	if (f->by_status == BV_CAUSE_UNDEFINED && (st[0] == '4' || st[0] == '5') && st[1] == '.' &&
	    (st[2] == '6' || st[2] == '7') && st[3] == '.')
		add_fixed (cs, st[2] == '6' ? BV_CAUSE_CONTENTERROR : BV_CAUSE_SECURITYERROR, TIER_PRIOR,
		           "status", rfc3463, st, G_MAXSIZE,
		           st[2] == '6' ? "the code's subject 6 is about the message content"
		                        : "the code's subject 7 is about security or policy");
}

/* When a convention of parsers/knowledge/conventions.def applies. */
typedef enum {
	CONV_ALWAYS,
	CONV_SAYS_USERUNKNOWN,
	CONV_REPLY_542_GENERIC,
	CONV_MAILBOX_UNAVAILABLE,
	CONV_STATE_AFTER_DATA,
	CONV_UNKNOWN_AFTER_DATA,
	CONV_OWN_ROUTING,
} ConventionTest;

typedef struct {
	BvSystem system;    /* BV_SYSTEM_NONE for a domain rule */
	const char *domain; /* NULL for a system rule */
	ConventionTest test;
	BvCause cause;
	const char *detail;
	const char *source;
} Convention;

static const Convention conventions[] = {
#define BV_SYSTEM_RULE(sys, t, c, d, src) { BV_SYSTEM_##sys, NULL, CONV_##t, BV_CAUSE_##c, d, src },
#define BV_DOMAIN_RULE(dom, t, c, d, src) { BV_SYSTEM_NONE, dom, CONV_##t, BV_CAUSE_##c, d, src },
#include "parsers/knowledge/conventions.def"
#undef BV_SYSTEM_RULE
#undef BV_DOMAIN_RULE
};

/* Whether the test of a convention holds; sets what it matched. */
static gboolean
convention_holds (const Convention *cv, const Facts *f, const char **m, gsize *mlen, Tier *tier)
{
	*tier = TIER_PROVIDER;
	*mlen = G_MAXSIZE;
	switch (cv->test) {
	case CONV_ALWAYS:
		*m = said (f, BV_CAUSE_REJECTED) ? f->diag + f->scan.text[BV_CAUSE_REJECTED].start
		                                 : bv_system_name (cv->system);
		*mlen = said (f, BV_CAUSE_REJECTED)
		                ? f->scan.text[BV_CAUSE_REJECTED].end - f->scan.text[BV_CAUSE_REJECTED].start
		                : G_MAXSIZE;
		return TRUE;
	case CONV_SAYS_USERUNKNOWN:
		if (said (f, BV_CAUSE_USERUNKNOWN)) {
			*m = f->diag + f->scan.text[BV_CAUSE_USERUNKNOWN].start;
			*mlen = f->scan.text[BV_CAUSE_USERUNKNOWN].end -
			        f->scan.text[BV_CAUSE_USERUNKNOWN].start;
			return TRUE;
		}
		*m = f->status;
		return f->by_status == BV_CAUSE_USERUNKNOWN;
	case CONV_REPLY_542_GENERIC:
		*m = f->reply;
		return strcmp (f->reply, "542") == 0 && generic_status (f->status);
	case CONV_MAILBOX_UNAVAILABLE:
		if (!said (f, BV_CAUSE_USERUNKNOWN) ||
		    strcmp (bv_phrases[f->scan.text[BV_CAUSE_USERUNKNOWN].phrase].phrase,
		            "mailbox unavailable") != 0 ||
		    bv_status_strength (f->status) >= BV_CODE_SPECIFIC)
			return FALSE;
		*m = f->diag + f->scan.text[BV_CAUSE_USERUNKNOWN].start;
		*mlen = f->scan.text[BV_CAUSE_USERUNKNOWN].end - f->scan.text[BV_CAUSE_USERUNKNOWN].start;
		/* Other wording of the server says more than the convention. */
		for (guint c = 0; c < BV_CAUSE_COUNT; c++)
			if (c != BV_CAUSE_USERUNKNOWN && c != BV_CAUSE_FILTERED && said (f, (BvCause)c))
				*tier = TIER_REUSED;
		return TRUE;
	case CONV_STATE_AFTER_DATA: {
		const char *state = gmail_state_after_data (f->diag);
		if (state == NULL || !(f->status[0] == '\0' || g_str_has_suffix (f->status, ".0")))
			return FALSE;
		*m = state;
		*mlen = strcspn (state, ")") + 1;
		/* Gmail's own account of the stage weighs like the server's
		 * words that the refusal came after DATA. */
		*tier = TIER_WORDING;
		return TRUE;
	}
	case CONV_OWN_ROUTING:
		/* The system's own failure of the address, before any SMTP
		 * session: no server replied, no command, no remote host, no
		 * Diagnostic-Code type, a code that names no cause, and no
		 * words of a cause other than an unknown user. */
		if (f->diag[0] == '\0' || f->reply[0] || f->command[0] || f->remote_mta[0] || f->dtype[0] ||
		    !generic_status (f->status))
			return FALSE;
		for (guint c = 0; c < BV_CAUSE_COUNT; c++)
			if (c != BV_CAUSE_USERUNKNOWN && c != BV_CAUSE_FILTERED &&
			    (said (f, (BvCause)c) || f->scan.provider[c].phrase >= 0))
				return FALSE;
		/* The system's other own failures without words of a cause
		 * ("delivery to pipe forbidden", "lowest numbered MX record
		 * points to local host") are no unknown user: only the words
		 * of one, or the text a :fail: without its own gets. */
		if (!said (f, BV_CAUSE_USERUNKNOWN) && g_ascii_strcasecmp (f->diag, "forced rejection") != 0)
			return FALSE;
		*m = said (f, BV_CAUSE_USERUNKNOWN) ? f->diag + f->scan.text[BV_CAUSE_USERUNKNOWN].start
		                                    : f->diag;
		*mlen = said (f, BV_CAUSE_USERUNKNOWN) ? f->scan.text[BV_CAUSE_USERUNKNOWN].end -
		                                                 f->scan.text[BV_CAUSE_USERUNKNOWN].start
		                                       : G_MAXSIZE;
		/* The administrator's text is free: it weighs like words. */
		*tier = TIER_WORDING;
		return TRUE;
	case CONV_UNKNOWN_AFTER_DATA:
		if (!(command_is (f, "DATA") && said (f, BV_CAUSE_USERUNKNOWN) && generic_status (f->status)))
			return FALSE;
		*m = f->diag + f->scan.text[BV_CAUSE_USERUNKNOWN].start;
		*mlen = f->scan.text[BV_CAUSE_USERUNKNOWN].end - f->scan.text[BV_CAUSE_USERUNKNOWN].start;
		return TRUE;
	}
	return FALSE;
}

/* The provider tier's conventions: Orange's numbered labels, then the
 * registry's rules for the system that wrote the report and for the
 * recipient's provider. */
static void
collect_conventions (Candidates *cs, const Facts *f)
{
	const char *label;
	gsize label_len;
	BvCause orange = orange_code (f->diag, &label, &label_len);
	if (orange != BV_CAUSE_UNDEFINED)
		add_fixed (
		        cs, orange, TIER_PROVIDER, "mta",
		        "Orange postmaster, \"Codes d'erreur\" (postmaster.orange.fr); "
		        "parsers/knowledge/orange.def",
		        label, label_len,
		        "Orange/La Poste: the number at the end of the label is its documented error code");
	BvSystem system = bv_system_from_mta (f->mta);
	for (gsize i = 0; i < G_N_ELEMENTS (conventions); i++) {
		const Convention *cv = &conventions[i];
		if (cv->domain ? !(host_in_domain (f->remote_mta, cv->domain) ||
		                   strcmp (f->domain, cv->domain) == 0)
		               : cv->system != system)
			continue;
		const char *m;
		gsize mlen;
		Tier tier;
		if (convention_holds (cv, f, &m, &mlen, &tier))
			add_fixed (cs, cv->cause, tier, "mta", cv->source, m, mlen, cv->detail);
	}
}

/* Decides the cause; returns it with the evidence set on @r. */
static BvCause
decide (BvRecipient *r, const Facts *f, BvKind kind)
{
	Candidates cs = { .n = 0 };
	g_autofree char *orange_label = NULL;

	/* Provider tier: a provider's own wording, code or convention. */
	if (f->scan.first_provider >= 0) {
		BvCause c = (BvCause)f->scan.first_provider;
		add_text (&cs, f, c, TIER_PROVIDER, &f->scan.provider[c], NULL);
		for (guint i = 0; i < BV_CAUSE_COUNT; i++)
			if ((gint)i != f->scan.first_provider && f->scan.provider[i].phrase >= 0)
				add_text (&cs, f, (BvCause)i, TIER_PROVIDER, &f->scan.provider[i], NULL);
	}
	collect_conventions (&cs, f);
	collect_status (&cs, f);
	collect_structure (&cs, f);
	collect_wording (&cs, f);
	collect_command (&cs, f, r, kind);

	const Candidate *best = NULL, *runner = NULL;
	for (guint i = 0; i < cs.n; i++)
		if (better (&cs.c[i], best))
			best = &cs.c[i];
	if (best) {
		for (guint i = 0; i < cs.n; i++)
			if (cs.c[i].cause != best->cause && better (&cs.c[i], runner))
				runner = &cs.c[i];
		emit (r, f, best, runner);
		return best->cause;
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
		/* A bare text has no command: every cause's wording counts, in
		 * the order of causes within the wording tier; a give-up
		 * sentence only when nothing else is said. */
		for (int pass = 0; pass < 2 && best < 0; pass++) {
			for (gsize i = 0; i < G_N_ELEMENTS (cause_precedence) && best < 0; i++) {
				BvCause c = cause_precedence[i];
				gint p = scan.text[c].phrase;
				if (p >= 0 && !(scan.not_mask & (G_GUINT64_CONSTANT (1) << c)) &&
				    ((bv_phrases[p].flags & BV_PHRASE_WRAPPER) != 0) == (pass == 1))
					best = p;
			}
		}
	}
	if (best < 0)
		return BV_CAUSE_UNDEFINED;
	if (matched)
		*matched = bv_phrases[best].phrase;
	/* A failed connection worded with no server's reply and no code
	 * is the sender's own report of it: it gave up (gave_up()). */
	if (bv_phrases[best].flags & BV_PHRASE_CONNECTION)
		return BV_CAUSE_EXPIRED;
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

/* Whether the report shows that the sender retried the delivery until it
 * gave up: it is still retrying (Action: delayed) or says its time ran out
 * (x.4.7, or words of expiry); it reports a temporary failure (a 4.x.x
 * status, or a 4xx reply without one) as final, which an MTA does when the
 * message's time in its queue is over (Postfix's maximal_queue_lifetime,
 * Haraka's convert_temp_failed_to_bounce); or it words the failure itself,
 * with no server's reply and no code beyond a class (Courier's "5.0.0
 * Connection refused"): a connection failure is temporary (RFC 5321
 * section 4.5.4.1), so a system that reports it as final has given up. */
static gboolean
gave_up (const Facts *f, const BvRecipient *r, BvKind kind)
{
	const char *st = f->status;
	if (kind == BV_KIND_DELAYED || g_str_has_prefix (r->action, "delay") ||
	    g_str_has_prefix (r->action, "expire"))
		return TRUE;
	if (st[0] && strcmp (st + 1, ".4.7") == 0)
		return TRUE;
	if (said (f, BV_CAUSE_EXPIRED))
		return TRUE;
	if (st[0] == '4' || (st[0] == '\0' && f->reply[0] == '4'))
		return TRUE;
	return f->reply[0] == '\0' && (st[0] == '\0' || strcmp (st + 1, ".0.0") == 0);
}

/* A provider's row for a temporary condition (BV_PHRASE_TEMPORARY) says
 * nothing in a report whose permanent status shows the condition stayed:
 * forget its hits, so that the other words decide. */
static void
drop_temporary_providers (BvTextScan *scan)
{
	scan->first_provider = -1;
	gsize first = G_MAXSIZE;
	for (guint c = 0; c < BV_CAUSE_COUNT; c++) {
		BvHit *h = &scan->provider[c];
		if (h->phrase < 0)
			continue;
		if (bv_phrases[h->phrase].flags & BV_PHRASE_TEMPORARY) {
			h->phrase = -1;
			continue;
		}
		if (h->start < first) {
			first = h->start;
			scan->first_provider = (gint)c;
		}
	}
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
		f.reporting_mta = or_empty (r->reporting_mta);
		f.dtype = or_empty (r->diagnostic_type);
		const char *at = strrchr (or_empty (r->recipient), '@');
		f.domain = at ? at + 1 : "";
		f.by_status = bv_status_cause (status);
		/* A provider's scoped knowledge counts in its own reports:
		 * those its parser read or its hosts wrote or refused. */
		guint64 scopes = bv_scopes_of_system (bv_system_from_mta (f.mta)) |
		                 bv_scopes_of_host (f.remote_mta) | bv_scopes_of_host (r->reporting_mta);
		bv_text_scan_in (f.diag, scopes, &f.scan);
		if (status[0] == '5')
			drop_temporary_providers (&f.scan);
		f.command = r->command && r->command[0] ? r->command : f.scan.command;
		/* The transcripts and lead-ins the format parsers know (">>>
		 * RCPT To:", "after RCPT TO:", "SMTP:RCPT"), when the report
		 * left the command to the text. */
		if (f.command[0] == '\0')
			f.command = bv_scrape_command (f.diag, -1);
		f.command_by_form = !(r->command && r->command[0]) && f.scan.command_by_form;
		/* At MAIL FROM, or in a sender verification's reply, an
		 * address code speaks of the sender's address. */
		f.sender_verify = sender_verify (f.diag);
		if ((strcmp (f.command, "MAIL") == 0 || f.sender_verify) &&
		    (f.by_status == BV_CAUSE_USERUNKNOWN || f.by_status == BV_CAUSE_HOSTUNKNOWN))
			f.by_status = BV_CAUSE_REJECTED;
		f.gave_up = gave_up (&f, r, kind);
		cause = decide (r, &f, kind);
	}
	r->cause = cause;

	/* A delivery program's failure (type x-unix) comes with an exit
	 * status, not an RFC 3463 code, and qmail-local tells only whether it
	 * is permanent: no code is made up for the program's failure itself;
	 * a condition its words name (a full mailbox) gets its code. */
	gboolean program_failed = g_ascii_strcasecmp (or_empty (r->diagnostic_type), "x-unix") == 0 &&
	                          (cause == BV_CAUSE_MAILERERROR || cause == BV_CAUSE_SYSTEMERROR);
	if (status[0] == '\0' && !program_failed) {
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
