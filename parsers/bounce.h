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
#define BV_PARSER_VERSION 15

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
	/* Where the rule comes from: an MTA source file, a provider's error
	 * page, an RFC section, or bounceview's own phrase table. */
	char *source;
	/* The strongest candidate for another cause ("" when none), and why
	 * it lost. */
	char *runner_up;
	char *runner_up_why;
} BvEvidence;

/* The headers of the message that bounced, when the report includes them. */
typedef struct {
	char *message_id;
	char *from;
	char *to;
	char *subject;
	char *date;
} BvOriginal;

/* Where `scan` prints a recipient field among its columns; their order is
 * a versioned contract (README.md, "scan output"), so a new field goes at
 * the end of the LATE group. */
typedef enum {
	BV_FIELD_MAIN,  /* before the cause */
	BV_FIELD_DATES, /* after the original message's headers */
	BV_FIELD_LATE,  /* after status_derived */
} BvFieldGroup;

/* The recipient's string fields, declared once: the struct, its lifetime,
 * the index cache, scan's columns and the cache's round-trip test are
 * generated from this list.  X(name, group), group a BvFieldGroup suffix.
 *
 *   recipient           final recipient, lower-cased domain
 *   original_recipient  as the sender wrote it, when given
 *   action              failed, delayed, delivered, relayed, expanded
 *   status              enhanced status code, "5.1.1"
 *   reply_code          SMTP reply code, "550"
 *   diagnostic          unfolded, decoded, whitespace-normalised
 *   remote_mta, reporting_mta, arrival_date, last_attempt_date
 *                       as the report gives them
 *   mta                 which mail system wrote the report: "postfix"
 *   command             SMTP command that failed, when known: "RCPT"
 *   diagnostic_type     the Diagnostic-Code's type (RFC 3464 s.2.3.6),
 *                       lower case: "smtp", "x-unix", "x-postfix"; "" when
 *                       the report names none */
#define BV_RECIPIENT_FIELDS(X)       \
	X (recipient, MAIN)          \
	X (original_recipient, MAIN) \
	X (action, MAIN)             \
	X (status, MAIN)             \
	X (reply_code, MAIN)         \
	X (diagnostic, MAIN)         \
	X (remote_mta, MAIN)         \
	X (reporting_mta, MAIN)      \
	X (mta, MAIN)                \
	X (arrival_date, DATES)      \
	X (last_attempt_date, DATES) \
	X (command, LATE)            \
	X (diagnostic_type, LATE)

/* One recipient of a report.  Every string is owned by the recipient and is
 * never NULL once the report is returned by bv_report_parse(): unknown values
 * are "".  Strings are valid UTF-8 but may contain control characters from
 * the mail: printers must make them safe. */
typedef struct {
#define BV_RECIPIENT_MEMBER(name, group) char *name;
	BV_RECIPIENT_FIELDS (BV_RECIPIENT_MEMBER)
#undef BV_RECIPIENT_MEMBER
	BvCause cause;
	gboolean hard;
	gboolean status_derived; /* no code in the report: derived from the cause */
	/* The report says no server replied: the code its diagnostic opens
	 * with is the reporting MTA's own (XMail's "417 Temporary delivery
	 * error"), so no reply code is derived from it. */
	gboolean no_reply;
	BvEvidence evidence;
} BvRecipient;

typedef struct {
	BvKind kind;
	char *message_id; /* of the report itself */
	char *date;
	char *from;
	char *subject;
	char *mta; /* mail system that wrote the report, "" if unknown */
	/* The envelope sender as the topmost Return-Path gives it: "<>" for
	 * the null reverse-path, else the bare address; "" when there is no
	 * Return-Path.  See bv_report_is_from_mailer(). */
	char *return_path;
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
/* A deep copy of @rcpt (NULL strings stay NULL); free with
 * bv_recipient_free(). */
BvRecipient *bv_recipient_copy (const BvRecipient *rcpt);
/* Sets every NULL string field of @rcpt (BV_RECIPIENT_FIELDS) to "". */
void bv_recipient_fill_empty (BvRecipient *rcpt);
void bv_recipient_free (BvRecipient *rcpt);
BvReport *bv_report_new (void);
void bv_report_free (BvReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvRecipient, bv_recipient_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvReport, bv_report_free)

/* Whether @report was sent the way a mail system sends a report, so that
 * its recipients may count against their addresses: it names a recipient,
 * and its envelope sender is null (Return-Path: <>, the reverse-path RFC
 * 5321 s.4.5.5 and RFC 3464 s.2 require for a delivery report) or its From
 * is a mail system's own mailbox (local part mailer-daemon, postmaster or
 * double-bounce, whatever the case).  Anyone can write a report-shaped
 * message naming any address: a FALSE report should be shown as
 * unverified, never used to propose suppressing an address. */
gboolean bv_report_is_from_mailer (const BvReport *report);

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
