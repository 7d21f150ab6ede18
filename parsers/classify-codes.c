/* classify-codes.c: what enhanced status codes say about the cause.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 3463 and the IANA registry of enhanced status codes, plus the
 * detail codes Microsoft uses beyond the registry (5.7.606-649, 5.1.351,
 * 5.7.509...).  Generic codes (x.0.0, x.1.0 and the like) name no cause:
 * the wording of the reply decides those.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "parsers/classify-rules.h"

typedef struct {
	const char *code; /* subject.detail, without the class */
	BvCause cause;
	BvCodeStrength strength;
	const char *meaning;
} BvCodeRule;

/* clang-format off */
static const BvCodeRule code_rules[] = {
	{ "1.0", BV_CAUSE_USERUNKNOWN, BV_CODE_GENERIC, "something about the recipient's address is wrong" },
	{ "1.1", BV_CAUSE_USERUNKNOWN, BV_CODE_REUSED, "the recipient's mailbox does not exist" },
	{ "1.2", BV_CAUSE_HOSTUNKNOWN, BV_CODE_REUSED, "the recipient's domain does not exist or accepts no mail" },
	{ "1.3", BV_CAUSE_USERUNKNOWN, BV_CODE_REUSED, "the recipient's address is not a valid address" },
	{ "1.4", BV_CAUSE_FILTERED, BV_CODE_REUSED, "the recipient's address is ambiguous" },
	{ "1.6", BV_CAUSE_HASMOVED, BV_CODE_SPECIFIC, "the mailbox has moved and no forwarding address is known" },
	{ "1.7", BV_CAUSE_REJECTED, BV_CODE_REUSED, "the sender's address is not valid" },
	{ "1.8", BV_CAUSE_REJECTED, BV_CODE_REUSED, "the sender's domain is not valid" },
	{ "1.9", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "the message was relayed to a non-compliant mailer" },
	{ "1.10", BV_CAUSE_NOTACCEPT, BV_CODE_SPECIFIC, "the recipient's domain publishes a null MX" },
	{ "1.351", BV_CAUSE_USERUNKNOWN, BV_CODE_REUSED, "the next server reported an unknown recipient" },
	{ "2.1", BV_CAUSE_FILTERED, BV_CODE_REUSED, "the mailbox is disabled and does not accept messages" },
	{ "2.2", BV_CAUSE_MAILBOXFULL, BV_CODE_SPECIFIC, "the recipient's mailbox is full" },
	{ "2.3", BV_CAUSE_EXCEEDLIMIT, BV_CODE_SPECIFIC, "the message exceeds a limit the recipient set" },
	{ "2.4", BV_CAUSE_FILTERED, BV_CODE_REUSED, "a mailing list could not be expanded" },
	{ "3.0", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "the receiving mail system failed" },
	{ "3.1", BV_CAUSE_SYSTEMFULL, BV_CODE_REUSED, "the receiving mail system is full" },
	{ "3.2", BV_CAUSE_NOTACCEPT, BV_CODE_REUSED, "the receiving system does not accept messages" },
	{ "3.3", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "the receiving system lacks a feature the message needs" },
	{ "3.4", BV_CAUSE_MESGTOOBIG, BV_CODE_SPECIFIC, "the message is too big for the receiving system" },
	{ "3.5", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "the receiving system is misconfigured" },
	{ "4.1", BV_CAUSE_EXPIRED, BV_CODE_GENERIC, "the receiving host did not answer" },
	{ "4.2", BV_CAUSE_NETWORKERROR, BV_CODE_GENERIC, "the connection broke off" },
	{ "4.3", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "a directory server failed" },
	{ "4.4", BV_CAUSE_HOSTUNKNOWN, BV_CODE_REUSED, "no route to the recipient's domain" },
	{ "4.5", BV_CAUSE_SYSTEMFULL, BV_CODE_GENERIC, "the mail system is congested" },
	{ "4.6", BV_CAUSE_NETWORKERROR, BV_CODE_SPECIFIC, "a routing loop was detected" },
	{ "4.7", BV_CAUSE_EXPIRED, BV_CODE_GENERIC, "the delivery time expired" },
	{ "4.8", BV_CAUSE_NETWORKERROR, BV_CODE_GENERIC, "retry on IPv4" },
	{ "5.2", BV_CAUSE_SYNTAXERROR, BV_CODE_REUSED, "an SMTP command had a syntax error" },
	{ "5.3", BV_CAUSE_TOOMANYCONN, BV_CODE_SPECIFIC, "too many recipients for one transaction" },
	{ "5.4", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "an SMTP command had invalid arguments" },
	{ "5.5", BV_CAUSE_SYSTEMERROR, BV_CODE_GENERIC, "wrong protocol version" },
	{ "5.6", BV_CAUSE_SYNTAXERROR, BV_CODE_REUSED, "an authentication line was too long" },
	{ "6.0", BV_CAUSE_CONTENTERROR, BV_CODE_GENERIC, "something in the message content was refused" },
	{ "6.1", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "a media type is not supported" },
	{ "6.2", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "a needed conversion is prohibited" },
	{ "6.3", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "a needed conversion is not supported" },
	{ "6.5", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "a conversion failed" },
	{ "6.6", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "message content is not available" },
	{ "6.7", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "non-ASCII addresses are not permitted" },
	{ "6.8", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "a UTF-8 reply is required" },
	{ "6.9", BV_CAUSE_CONTENTERROR, BV_CODE_REUSED, "UTF-8 headers cannot be transferred" },
	{ "7.0", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "a security or policy check failed" },
	{ "7.1", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "delivery is not authorized" },
	{ "7.2", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "mailing list expansion is prohibited" },
	{ "7.3", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "a security conversion is not possible" },
	{ "7.4", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "security features are not supported" },
	{ "7.5", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "a cryptographic operation failed" },
	{ "7.6", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "a cryptographic algorithm is not supported" },
	{ "7.7", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "the message integrity check failed" },
	{ "7.8", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "the authentication credentials are invalid" },
	{ "7.9", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "the authentication mechanism is too weak" },
	{ "7.10", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "encryption is needed" },
	{ "7.11", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "encryption is required for authentication" },
	{ "7.13", BV_CAUSE_SUSPEND, BV_CODE_REUSED, "the recipient's account is disabled" },
	{ "7.14", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "a trust relationship is required" },
	{ "7.15", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "the priority level is too low" },
	{ "7.16", BV_CAUSE_MESGTOOBIG, BV_CODE_REUSED, "the message is too big for its priority" },
	{ "7.17", BV_CAUSE_HASMOVED, BV_CODE_REUSED, "the mailbox owner has changed" },
	{ "7.18", BV_CAUSE_HASMOVED, BV_CODE_REUSED, "the domain owner has changed" },
	{ "7.19", BV_CAUSE_SECURITYERROR, BV_CODE_GENERIC, "an RRVS test could not be completed" },
	{ "7.20", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "no passing DKIM signature was found" },
	{ "7.21", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "no acceptable DKIM signature was found" },
	{ "7.22", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "no author-matched DKIM signature was found" },
	{ "7.23", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "SPF validation failed" },
	{ "7.24", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "SPF validation returned an error" },
	{ "7.25", BV_CAUSE_REQUIREPTR, BV_CODE_SPECIFIC, "the sending IP has no valid reverse DNS (PTR) record" },
	{ "7.26", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "the message failed SPF, DKIM or DMARC checks" },
	{ "7.27", BV_CAUSE_NOTACCEPT, BV_CODE_SPECIFIC, "the sender's domain publishes a null MX" },
	{ "7.28", BV_CAUSE_SPAMDETECTED, BV_CODE_REUSED, "the message looks like part of a mail flood" },
	{ "7.29", BV_CAUSE_AUTHFAILURE, BV_CODE_SPECIFIC, "ARC validation failed" },
	{ "7.509", BV_CAUSE_AUTHFAILURE, BV_CODE_PROVIDER, "Microsoft: the sending domain fails DMARC and its policy is reject" },
	{ "7.510", BV_CAUSE_AUTHFAILURE, BV_CODE_PROVIDER, "Microsoft: the sending domain fails authentication" },
	{ "7.511", BV_CAUSE_BLOCKED, BV_CODE_PROVIDER, "Microsoft: the sender is banned" },
	{ "7.512", BV_CAUSE_BLOCKED, BV_CODE_PROVIDER, "Microsoft: the message is rejected for its sender" },
	{ "7.650", BV_CAUSE_BADREPUTATION, BV_CODE_PROVIDER, "Microsoft: mail from the IP is limited for its reputation" },
	{ "7.651", BV_CAUSE_BADREPUTATION, BV_CODE_PROVIDER, "Microsoft: mail from the IP is limited for its reputation" },
};
/* clang-format on */

/* Splits "5.7.606" into class, subject and detail numbers. */
static gboolean
split_status (const char *status, int *cls, int *subject, int *detail)
{
	if (status == NULL || !g_ascii_isdigit (status[0]) || status[1] != '.')
		return FALSE;
	char *end;
	*cls = status[0] - '0';
	*subject = (int)strtol (status + 2, &end, 10);
	if (*end != '.' || end == status + 2)
		return FALSE;
	const char *d = end + 1;
	*detail = (int)strtol (d, &end, 10);
	return end != d && *end == '\0';
}

static const BvCodeRule *
code_rule (const char *status)
{
	int cls, subject, detail;
	if (!split_status (status, &cls, &subject, &detail) || (cls != 4 && cls != 5))
		return NULL;
	const char *rest = strchr (status, '.') + 1;
	for (gsize i = 0; i < G_N_ELEMENTS (code_rules); i++)
		if (strcmp (code_rules[i].code, rest) == 0)
			return &code_rules[i];
	return NULL;
}

/* Microsoft's 5.7.606-649: the sending IP is banned. */
static gboolean
microsoft_banned (const char *status)
{
	int cls, subject, detail;
	return split_status (status, &cls, &subject, &detail) && subject == 7 && detail >= 606 &&
	       detail <= 649;
}

BvCause
bv_status_cause (const char *status)
{
	if (microsoft_banned (status))
		return BV_CAUSE_BLOCKED;
	const BvCodeRule *rule = code_rule (status);
	if (rule == NULL)
		return BV_CAUSE_UNDEFINED;
	/* Some codes mean one thing when permanent and another when
	 * temporary: 4.2.1 is a mailbox that refuses mail for now, 4.7.1 a
	 * host that refuses the client for now. */
	if (status[0] == '4' && (strcmp (status, "4.2.1") == 0 || strcmp (status, "4.7.1") == 0))
		return BV_CAUSE_BLOCKED;
	/* Generic temporary codes say only that the problem is passing. */
	if (status[0] == '4' && (strcmp (status, "4.1.0") == 0 || strcmp (status, "4.3.0") == 0))
		return BV_CAUSE_UNDEFINED;
	if (status[0] == '4' && strcmp (status, "4.4.4") == 0)
		return BV_CAUSE_NETWORKERROR;
	if (status[0] == '5' && (strcmp (status, "5.4.1") == 0 || strcmp (status, "5.4.2") == 0 ||
	                         strcmp (status, "5.4.6") == 0 || strcmp (status, "5.4.8") == 0))
		return BV_CAUSE_NETWORKERROR;
	if (status[0] == '5' && strcmp (status, "5.4.0") == 0)
		return BV_CAUSE_NETWORKERROR;
	return rule->cause;
}

BvCodeStrength
bv_status_strength (const char *status)
{
	if (microsoft_banned (status))
		return BV_CODE_PROVIDER;
	const BvCodeRule *rule = code_rule (status);
	if (rule == NULL)
		return BV_CODE_GENERIC;
	/* A temporary 4.2.1 or 4.7.1 is how greylisting and temporary
	 * blocks are answered: a broad code, whatever the table says. */
	if (status[0] == '4' && (strcmp (status, "4.2.1") == 0 || strcmp (status, "4.7.1") == 0))
		return BV_CODE_REUSED;
	return rule->strength;
}

const char *
bv_status_meaning (const char *status)
{
	if (microsoft_banned (status))
		return "Microsoft: 5.7.606-649 mean the sending IP is banned";
	const BvCodeRule *rule = code_rule (status);
	return rule ? rule->meaning : NULL;
}

const char *
bv_cause_status (BvCause cause, char cls)
{
	/* The code RFC 3463 gives each cause; a temporary class only where a
	 * temporary failure of that kind exists. */
	static const struct {
		BvCause cause;
		const char *permanent, *temporary;
	} implied[] = {
		{ BV_CAUSE_USERUNKNOWN, "5.1.1", "4.1.1" },     { BV_CAUSE_HOSTUNKNOWN, "5.1.2", "4.1.2" },
		{ BV_CAUSE_HASMOVED, "5.1.6", "4.1.6" },        { BV_CAUSE_REJECTED, "5.1.8", "4.1.8" },
		{ BV_CAUSE_SUSPEND, "5.2.1", "4.2.1" },         { BV_CAUSE_FILTERED, "5.2.0", "4.2.0" },
		{ BV_CAUSE_MAILBOXFULL, "5.2.2", "4.2.2" },     { BV_CAUSE_EXCEEDLIMIT, "5.2.3", "4.2.3" },
		{ BV_CAUSE_SYSTEMERROR, "5.3.0", "4.3.0" },     { BV_CAUSE_SYSTEMFULL, "5.3.1", "4.3.1" },
		{ BV_CAUSE_NOTACCEPT, "5.3.2", "4.3.2" },       { BV_CAUSE_MESGTOOBIG, "5.3.4", "4.3.4" },
		{ BV_CAUSE_MAILERERROR, "5.3.0", "4.3.0" },     { BV_CAUSE_NETWORKERROR, "5.4.0", "4.4.0" },
		{ BV_CAUSE_EXPIRED, "5.4.7", "4.4.7" },         { BV_CAUSE_TOOMANYCONN, "5.4.5", "4.4.5" },
		{ BV_CAUSE_SYNTAXERROR, "5.5.2", "4.5.2" },     { BV_CAUSE_CONTENTERROR, "5.6.0", "4.6.0" },
		{ BV_CAUSE_NOTCOMPLIANTRFC, "5.6.0", "4.6.0" }, { BV_CAUSE_SECURITYERROR, "5.7.0", "4.7.0" },
		{ BV_CAUSE_BLOCKED, "5.7.1", "4.7.1" },         { BV_CAUSE_BADREPUTATION, "5.7.1", "4.7.1" },
		{ BV_CAUSE_SPAMDETECTED, "5.7.1", "4.7.1" },    { BV_CAUSE_VIRUSDETECTED, "5.7.1", "4.7.1" },
		{ BV_CAUSE_POLICYVIOLATION, "5.7.1", "4.7.1" }, { BV_CAUSE_NORELAYING, "5.7.1", "4.7.1" },
		{ BV_CAUSE_SPEEDING, "5.7.1", "4.7.1" },        { BV_CAUSE_AUTHFAILURE, "5.7.26", "4.7.26" },
		{ BV_CAUSE_REQUIREPTR, "5.7.25", "4.7.25" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS (implied); i++)
		if (implied[i].cause == cause)
			return cls == '4' ? implied[i].temporary : implied[i].permanent;
	return NULL;
}
