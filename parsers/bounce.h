/* bounce.h: the public interface of the bounce engine (parsers/).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine turns one email into a BvReport: what kind of message it is and,
 * for every recipient a delivery report speaks of, the codes, the diagnostic,
 * the cause and the evidence that decided the cause.  It knows nothing of
 * notmuch or of the terminal: index/ and tui/ build on it, never the reverse.
 */
#ifndef BV_BOUNCE_H
#define BV_BOUNCE_H

#include <glib.h>

G_BEGIN_DECLS

/* Bump whenever a change can alter any parse result: index/ re-parses the
 * reports that were cached by an older version. */
#define BV_PARSER_VERSION 2

/* What a message is.  X(enum suffix, machine id) */
#define BV_KINDS(X)                \
	X (NONE, "none")           \
	X (FAILED, "failed")       \
	X (DELAYED, "delayed")     \
	X (DELIVERED, "delivered") \
	X (RELAYED, "relayed")     \
	X (EXPANDED, "expanded")   \
	X (AUTOREPLY, "autoreply") \
	X (FEEDBACK, "feedback")

typedef enum {
#define BV_KIND_ENUM(e, id) BV_KIND_##e,
	BV_KINDS (BV_KIND_ENUM)
#undef BV_KIND_ENUM
	        BV_KIND_COUNT
} BvKind;

/* The cause vocabulary: Sisimai v5's reason names, which is what most bounce
 * tooling speaks.  X(enum suffix, machine id).  The order is the order the UI
 * lists causes in when counts are equal; never reuse or renumber an id that
 * was cached: index/ stores the machine id string, not the number. */
#define BV_CAUSES(X)                           \
	X (UNDEFINED, "undefined")             \
	X (AUTHFAILURE, "authfailure")         \
	X (BADREPUTATION, "badreputation")     \
	X (BLOCKED, "blocked")                 \
	X (CONTENTERROR, "contenterror")       \
	X (DELIVERED, "delivered")             \
	X (EXCEEDLIMIT, "exceedlimit")         \
	X (EXPIRED, "expired")                 \
	X (FEEDBACK, "feedback")               \
	X (FILTERED, "filtered")               \
	X (HASMOVED, "hasmoved")               \
	X (HOSTUNKNOWN, "hostunknown")         \
	X (MAILBOXFULL, "mailboxfull")         \
	X (MAILERERROR, "mailererror")         \
	X (MESGTOOBIG, "mesgtoobig")           \
	X (NETWORKERROR, "networkerror")       \
	X (NORELAYING, "norelaying")           \
	X (NOTACCEPT, "notaccept")             \
	X (NOTCOMPLIANTRFC, "notcompliantrfc") \
	X (ONHOLD, "onhold")                   \
	X (POLICYVIOLATION, "policyviolation") \
	X (REJECTED, "rejected")               \
	X (REQUIREPTR, "requireptr")           \
	X (SECURITYERROR, "securityerror")     \
	X (SPAMDETECTED, "spamdetected")       \
	X (SPEEDING, "speeding")               \
	X (SUSPEND, "suspend")                 \
	X (SYNTAXERROR, "syntaxerror")         \
	X (SYSTEMERROR, "systemerror")         \
	X (SYSTEMFULL, "systemfull")           \
	X (TOOMANYCONN, "toomanyconn")         \
	X (USERUNKNOWN, "userunknown")         \
	X (VACATION, "vacation")               \
	X (VIRUSDETECTED, "virusdetected")

typedef enum {
#define BV_CAUSE_ENUM(e, id) BV_CAUSE_##e,
	BV_CAUSES (BV_CAUSE_ENUM)
#undef BV_CAUSE_ENUM
	        BV_CAUSE_COUNT
} BvCause;

/* Machine ids; never NULL for a value in range. */
const char *bv_kind_id (BvKind kind);
const char *bv_cause_id (BvCause cause);
/* Returns TRUE and sets *out when @id names a cause (exact, lower case). */
gboolean bv_cause_from_id (const char *id, BvCause *out);
gboolean bv_kind_from_id (const char *id, BvKind *out);

/* Why a cause was chosen.  @rule is one of "status", "reply", "text",
 * "mta", "kind", "default"; @matched is the code or phrase that decided, as
 * it stands in the report; @detail says more when there is more to say (for
 * example which provider convention applied).  All strings owned. */
typedef struct {
	char *rule;
	char *matched;
	char *detail;
} BvEvidence;

/* The headers of the message that bounced, when the report includes them. */
typedef struct {
	char *message_id;
	char *from;
	char *to;
	char *subject;
	char *date;
} BvOriginal;

/* One recipient of a report.  Every string is owned by the recipient and is
 * never NULL once the report is returned by bv_report_parse(): unknown values
 * are "".  Strings are valid UTF-8 but may contain control characters from
 * the mail: printers must make them safe. */
typedef struct {
	char *recipient;          /* final recipient, lower-cased domain */
	char *original_recipient; /* as the sender wrote it, when given */
	char *action;             /* failed, delayed, delivered, relayed, expanded */
	char *status;             /* enhanced status code, "5.1.1" */
	char *reply_code;         /* SMTP reply code, "550" */
	char *diagnostic;         /* unfolded, decoded, whitespace-normalised */
	char *remote_mta;
	char *reporting_mta;
	char *arrival_date;
	char *last_attempt_date;
	char *mta;     /* which mail system wrote the report: "postfix" */
	char *command; /* SMTP command that failed, when known: "RCPT" */
	BvCause cause;
	gboolean hard;
	gboolean status_derived; /* no code in the report: derived from the cause */
	BvEvidence evidence;
} BvRecipient;

typedef struct {
	BvKind kind;
	char *message_id; /* of the report itself */
	char *date;
	char *from;
	char *subject;
	char *mta; /* mail system that wrote the report, "" if unknown */
	BvOriginal original;
	GPtrArray *recipients; /* of BvRecipient*, owned, in report order */
	/* The message was larger or deeper than the parser reads, or listed
	 * more recipients than it keeps: what is here is a prefix. */
	gboolean truncated;
} BvReport;

/* Frees the strings of @original and sets them to NULL (the struct itself
 * is not freed: it is embedded in a report or a bounce's detail). */
void bv_original_clear (BvOriginal *original);

BvRecipient *bv_recipient_new (void);
void bv_recipient_free (BvRecipient *rcpt);
BvReport *bv_report_new (void);
void bv_report_free (BvReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvRecipient, bv_recipient_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvReport, bv_report_free)

/* The kind of one recipient's outcome: a delivery-status report may list a
 * failed and a delayed recipient together; its own kind is the most
 * serious of them.  For other reports, the report's kind. */
BvKind bv_recipient_kind (const BvReport *report, const BvRecipient *rcpt);

/* Cheap triage from the raw head of a message (at least the header block,
 * any line endings).  FALSE means the message certainly is not a report and
 * need not be parsed; TRUE means it may be one.  Never reads past @len. */
gboolean bv_triage (const char *data, gsize len);

/* Parses one message held in memory (LF, CRLF or CR line endings; any bytes).
 * Always returns a new report (kind BV_KIND_NONE when it is not a report);
 * damaged input is parsed as far as it goes.  Never returns NULL.  Free with
 * bv_report_free().  Thread-safe once bv_init() has run. */
BvReport *bv_report_parse (const char *data, gsize len);

/* Initialises GMime; call once before anything else. */
void bv_init (void);
void bv_shutdown (void);

G_END_DECLS

#endif /* BV_BOUNCE_H */
