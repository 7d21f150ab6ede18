/* scrape.h: the layout readers shared by the format (lhost) parsers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports in a mail system's own format are lines of text: a marker line
 * that opens the list of failures, an address line per recipient, an
 * indented or continued diagnostic block, and often an inline copy of the
 * original message after another marker.  These readers walk such text
 * once (with the line cursor of lines.h), build recipients from what they
 * find, and merge them with the delivery-status part by the rules of
 * reconcile.h.  The text to read is @mail->text, computed when the mail is
 * opened.  Every reader tolerates NULL, truncated or binary text. */
#ifndef BV_SCRAPE_H
#define BV_SCRAPE_H

#include "parsers/bounce.h"
#include "parsers/lines.h"
#include "parsers/mail.h"
#include "parsers/reconcile.h"

G_BEGIN_DECLS

/* When @line is an address line -- an address alone, optionally in angle
 * brackets, optionally followed by ':' or "..." or a short parenthesised
 * note ("<a@b>:", "a@b", "<a@b> (expanded from <c@d>):") -- returns the
 * bare address (new string) and sets *rest (when not NULL) to the text
 * that follows the address and its punctuation on the line.  Otherwise
 * NULL. */
char *bv_line_address (const BvLine *line, const char **rest);

/* The address after the first colon of @line, a "Label: address" line,
 * as bv_address_extract() returns it (a new string); NULL when the line
 * has no colon or no address after it. */
char *bv_line_labelled_address (const BvLine *line);

/* A new string: @addr (a bare address, as bv_address_extract() returns
 * it) without the CJK or full-width punctuation, guillemets or curly
 * quotes that writers set against it: "收件人：a@b" and "a@b。" give "a@b".
 * Invalid UTF-8 is made valid.  NULL only when @addr is NULL. */
char *bv_scrape_address_clean (const char *addr);

/* bv_address_extract() of @text, cleaned as bv_scrape_address_clean()
 * does.  New string, or NULL when @text holds no address. */
char *bv_scrape_address (const char *text);

/* Copies the header block of an inline copy of the original message into
 * @mail->original when that is still empty.  @start points at or before
 * the first header line (leading blank lines are skipped); the block ends
 * at the first blank line. */
void bv_scrape_take_original (BvMail *mail, const char *start);

/* Appends a new recipient for @address (any form bv_address_extract()
 * accepts, else kept as given) to @report and returns it (owned by the
 * report).  Every string field is set, to "" when unknown. */
BvRecipient *bv_scrape_add (BvReport *report, const char *address);

/* A new recipient for @address like bv_scrape_add() makes, not added to
 * any report.  Free with bv_recipient_free(). */
BvRecipient *bv_scrape_recipient_new (const char *address);

/* Replaces @r's diagnostic with @text (length @len, or -1), normalised,
 * and fills status and reply code from it where they are still empty. */
void bv_scrape_set_diagnostic (BvRecipient *r, const char *text, gssize len);

/* A recipient whose diagnostic grows line by line until the next
 * recipient line or the end of its block: the loop the format parsers
 * share.  bv_growing_init(), then bv_growing_open() at each recipient line
 * and bv_growing_add() for each line of its diagnostic, and
 * bv_growing_close() at the end of a block and of the text. */
typedef struct {
	BvReport *report; /* where recipients are added */
	BvRecipient *cur; /* the open recipient (owned by @report), or NULL */
	GString *diag;    /* its diagnostic so far */
} BvGrowing;

void bv_growing_init (BvGrowing *g, BvReport *report);
/* Closes the open recipient and opens one for @address (a new recipient
 * of the report, as bv_scrape_add() makes); returns it. */
BvRecipient *bv_growing_open (BvGrowing *g, const char *address);
/* Appends @text (length @len, or -1) to the open recipient's diagnostic,
 * after a space; nothing when no recipient is open. */
void bv_growing_add (BvGrowing *g, const char *text, gssize len);
/* Gives the open recipient its diagnostic (normalised, codes taken as
 * bv_scrape_set_diagnostic() does) and closes it; nothing when none is
 * open. */
void bv_growing_close (BvGrowing *g);
/* Closes and frees the buffer; @g may be initialised again. */
void bv_growing_clear (BvGrowing *g);

/* Sets @r's diagnostic_type to "smtp" when it has none and its diagnostic
 * introduces a remote SMTP server's reply the way mail systems do ("host
 * ... said:", "(in reply to RCPT TO command)", "SMTP error from remote mail
 * server after ...", a "<<< " transcript line). */
void bv_scrape_smtp_type (BvRecipient *r);

/* The SMTP command an error text says failed: "RCPT" for "in reply to RCPT
 * TO command", "after RCPT TO:<...>", ">>> RCPT To:<...>" or "SMTP:RCPT";
 * likewise MAIL, DATA ("end of data", "final DATA"), HELO, EHLO and CONN
 * ("initial connection", "greeting").  A static string, "" when unknown. */
const char *bv_scrape_command (const char *text, gssize len);

/* Parses @mail's delivery-status part into @report's recipients and
 * returns how many were added.  Repairs a split that some parsers make
 * when Original-Recipient follows Final-Recipient in one group. */
guint bv_scrape_dsn (BvMail *mail, BvReport *report);

/* How bv_scrape_blocks() reads a list of failures. */
typedef enum {
	BV_BLOCKS_ANGLE = 1 << 0,      /* the address must stand in <angle brackets> */
	BV_BLOCKS_INDENTED = 1 << 1,   /* diagnostic lines after the first are indented */
	BV_BLOCKS_BLANK_ENDS = 1 << 2, /* a blank line ends the block */
} BvBlocksFlags;

/* Reads a list of failures from @start up to the first line that starts
 * with one of the NULL-terminated @stops (or the end): each block opens with
 * an address line (see bv_line_address()) and goes on with the lines that
 * follow it, up to the next address line, a blank line (with
 * BV_BLOCKS_BLANK_ENDS) or an unindented line (with BV_BLOCKS_INDENTED).
 * Appends one recipient per block with the block's text (the rest of the
 * address line included) as diagnostic and the command it names.  Returns
 * the number of recipients added; *end (when not NULL) is set where reading
 * stopped. */
guint bv_scrape_blocks (BvReport *report, const char *start, const char *const *stops, guint flags,
                        const char **end);

/* The usual shape of a report: recipients from the delivery-status part
 * (bv_scrape_dsn()) completed by the text's blocks (bv_scrape_blocks() from
 * @start with @stops and @flags, then bv_scrape_refine()), or the text's
 * blocks alone when there is no delivery-status part.  Returns the number of
 * recipients added. */
guint bv_scrape_dsn_and_blocks (BvMail *mail, BvReport *report, const char *start, const char *const *stops,
                                guint flags);

/* Like bv_scrape_dsn_and_blocks() for parsers that read the text their
 * own way: @from_text holds the recipients read from the text (a scratch
 * report the caller owns).  With a delivery-status part, its recipients
 * are completed from @from_text; without, @from_text's recipients are moved
 * to @report.  Returns the number of recipients added to @report. */
guint bv_scrape_merge (BvMail *mail, BvReport *report, BvReport *from_text);

/* Reads a Sendmail-style SMTP session transcript from @start up to the
 * first line that starts with "-----" (or the end):
 *
 *     ... while talking to mx.example.jp.:
 *     >>> RCPT To:<a@example.jp>
 *     <<< 550 5.1.1 <a@example.jp>... User unknown
 *     550 5.1.1 <a@example.jp>... User unknown
 *
 * Appends one recipient per address named on a "NNN <addr>... text" or
 * "<addr>... text" line (each address once, in order), with the remote
 * server's reply ("<<<") as diagnostic, the command last sent (">>>") and
 * the host talked to when that reply came since the previous address line;
 * else the text after "..." alone, Sendmail's own verdict, with no command
 * and no host.  *@fallback (when not NULL) receives a new
 * recipient with an empty address holding the last error that named no
 * address (a later "<<<" reply, or "NNN host (smtp)... text"), or NULL.
 * Returns the number of recipients appended. */
guint bv_scrape_transcript (BvReport *report, const char *start, BvRecipient **fallback);

/* Reads the same transcript and appends to @replies one recipient with an
 * empty address per whole remote reply ("<<<" lines, a multi-line reply
 * joined), in order: the reply as diagnostic (type "smtp"), the command it
 * answered and the host.  A reply logged before any command answered the
 * greeting ("CONN"); of several replies logged under one ">>> DATA" all but
 * the last answered the pipelined RCPT TO commands (RFC 2920; Sendmail
 * usersmtp.c logs only the last command written).  bv_scrape_transcript()
 * gives its recipients the same commands.  Returns the number appended. */
guint bv_scrape_transcript_replies (BvReport *replies, const char *start);

/* The qmail layout, which several systems share: "<addr>:" paragraphs
 * from @start up to a "--- " marker line, and at @copy (a marker line, or
 * NULL) the inline copy of the original.  Without @copy the mail must come
 * from an automated sender (bv_scrape_from_daemon()), since a greeting
 * alone is what a person quoting a report would send.  Reads the
 * paragraphs, takes the copy's headers and merges with any
 * delivery-status part (bv_scrape_merge()).  Returns the number of
 * recipients added. */
guint bv_scrape_paragraphs (BvMail *mail, BvReport *report, const char *start, const char *copy);

/* Whether @mail comes from an automated sender: a MAILER-DAEMON or
 * postmaster style From, or an empty Return-Path. */
gboolean bv_scrape_from_daemon (BvMail *mail);

/* Whether @mail's From holds @mailbox ("postmaster@", "mailer-daemon")
 * and one of the NULL-terminated @domains ("@yahoo.", "hotmail."), each
 * compared without case: how a provider's own daemon is told from other
 * servers that use the provider's wording or relay its headers. */
gboolean bv_scrape_from_provider (BvMail *mail, const char *mailbox, const char *const *domains);

/* Whether @mail is a person's message that carries a report inline as a
 * forward or a top-posted reply: it does not come from an automated
 * sender (bv_scrape_from_daemon()), and its subject is a forward ("Fwd:",
 * "WG:", "TR:" ...) or its text has the separator line a mail client
 * writes above a forwarded or replied-to message ("---------- Forwarded
 * message ---------", "-----Original Message-----", "Begin forwarded
 * message:", in several languages).  The format parsers refuse such mail:
 * the report inside answered another message, and whoever forwarded it
 * did not receive it as a bounce.  One pass over the text. */
gboolean bv_scrape_forwarded (BvMail *mail);
/* The prefixes of a forward's subject, lower case, NULL-terminated. */
extern const char *const bv_forward_subjects[];

G_END_DECLS

#endif
