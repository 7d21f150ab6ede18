/* mail.h: one email taken apart for the report parsers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GMime parses the message once; BvMail keeps what the format parsers read:
 * the top-level headers, the human-readable text (decoded to UTF-8, LF line
 * endings), the machine-readable delivery-status and feedback-report blocks,
 * and the headers of the original message when the report carries them. */
#ifndef BV_MAIL_H
#define BV_MAIL_H

#include <glib.h>
#include <gmime/gmime.h>

G_BEGIN_DECLS

/* How many levels of attached messages (message/rfc822) a report is looked
 * for in: a person's forward-as-attachment, a second person's forward of
 * that, a help desk that attaches the ticket's mail, and one more.  Every
 * level costs another parse of what it attaches, and a hostile message can
 * nest far deeper (MIME sets no limit): a report attached deeper than a
 * chain of people would build by hand is not followed. */
#define BV_ATTACHED_MAX_DEPTH 4

typedef struct {
	GMimeMessage *message; /* owned; NULL when GMime could not parse */
	char *from;            /* top-level From, decoded, "" if none */
	char *subject;         /* decoded, "" if none */
	char *content_type;    /* top-level "multipart/report", lower case */
	char *report_type;     /* report-type parameter, lower case, or "" */
	GString *body;         /* text of the human-readable parts, LF ends */
	/* The text the format parsers read: @body, or when that is empty and
	 * the message is a multipart whose boundaries never occur (a report
	 * whose parts were lost), the multipart's prologue, which then holds
	 * it all, made valid UTF-8.  Computed once when the mail is opened;
	 * points into @body or @fallback_text, never NULL. */
	const char *text;
	char *fallback_text;        /* owned; NULL unless @text is the prologue */
	GString *dsn;               /* message/delivery-status contents, or empty */
	GString *feedback;          /* message/feedback-report contents, or empty */
	GString *original;          /* headers (and maybe body) of the original */
	gboolean has_original_part; /* a message/rfc822 or text/rfc822-headers part */
	gboolean truncated;         /* limits were hit while walking the MIME tree */
	/* The first attached message (message/rfc822) that is itself a
	 * multipart/report, or whose header bv_triage() takes for a report's
	 * (a bounce written as plain text): a report someone forwarded as an
	 * attachment.  When no message attached to this one is such, the
	 * first one attached inside them, at most BV_ATTACHED_MAX_DEPTH
	 * levels down (a forward of a forward whose subject a person
	 * rewrote).  Owned by @message or @decoded; NULL when there is none. */
	GMimeMessage *attached_report;
	/* How many message/rfc822 levels below this mail @attached_report
	 * is: 1 when it is attached to this mail itself. */
	guint attached_report_level;
	/* The attached message that @attached_report is attached to, when it
	 * is one level or more further down (a forward of a forward); NULL
	 * when this mail itself carries it.  Owned by @message. */
	GMimeMessage *attached_report_carrier;
	/* The multipart/report the report's parts come from: the top-level
	 * part, or the one a mailing list or a mail gateway wrapped into a
	 * multipart/mixed with its footer or banner.  Owned by @message; NULL
	 * when the mail has none. */
	GMimeObject *report_part;
	/* The messages of message/rfc822 parts sent in base64 or
	 * quoted-printable, decoded and parsed (GMime leaves such a part a
	 * leaf of encoded text): @attached_report and its carrier may be one
	 * of them.  Owned. */
	GPtrArray *decoded;
} BvMail;

/* Parses @data (any line endings).  Never NULL. */
BvMail *bv_mail_new (const char *data, gsize len);
void bv_mail_free (BvMail *mail);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvMail, bv_mail_free)

/* The text an HTML part renders as (new string, LF line ends): tags
 * dropped, line breaks where a browser breaks lines, character references
 * decoded (mail.c describes the rules). */
char *bv_mail_html_to_text (const char *html);

/* A top-level header, decoded to UTF-8, or NULL.  Owned by @mail's message:
 * valid while @mail lives. */
const char *bv_mail_header (BvMail *mail, const char *name);

/* Finds header @name in a raw header block @block (such as the original
 * message's headers or the text of a delivery-status group): returns a new,
 * unfolded, trimmed value, or NULL.  Case-insensitive; first match wins. */
char *bv_header_block_get (const char *block, const char *name);

/* A header value as text to show (new string): RFC 2047 encoded words and
 * raw 8-bit text decoded to UTF-8 (GMime), white space normalised.  Plain
 * ASCII without an encoded word, which most values are, skips GMime's
 * decoder: the result is the same. */
char *bv_mail_decode_header (const char *value);

/* The top-level header @name as text to show (bv_mail_decode_header() of
 * its raw value), or "" when there is none.  New string. */
char *bv_mail_header_text (BvMail *mail, const char *name);

/* Decodes a leaf part's content (transfer encoding and charset) to UTF-8
 * with LF line ends, at most @limit bytes of it.  New string, never NULL. */
char *bv_mail_part_text (GMimePart *part, gsize limit);

G_END_DECLS

#endif
