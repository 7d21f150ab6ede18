/* lhost-xmail.c: the XMail server (Davide Libenzi).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XMail writes every notice with one function, QueUtBuildErrorResponse()
 * in QueueUtils.cpp (XMail 1.27), one notice per recipient, plain text
 * with CRLF line ends and no delivery-status part:
 *
 *     Subject: Error sending message [<spool file>] from [<domain>]
 *     X-MailerServer: XMail 1.27
 *     X-MailerError: Message = [<spool file>] Server = [<domain>]
 *
 *     [<00>] XMail bounce: Rcpt=[a@b];Error=[<reason>]
 *
 *
 *     [<01>] Error sending message [<spool file>] from [<domain>].
 *
 *     ID:        <...>
 *     Mail From: <...>
 *     Rcpt To:   <a@b>
 *     Server:    <mx.b> [192.0.2.1]
 *
 *
 *     [<02>] The reason of the delivery failure was:
 *     [<03>] Note:
 *     [<04>] Here is listed the message log file:
 *     [<05>] Here is listed the initial part of the message:
 *
 * The reason is the remote server's whole reply, its lines joined with
 * CRLF (SMTPUtils.cpp USmtpGetResponse, passed on by SMAILSvr.cpp
 * SMAILCmd_smtp through QueUtNotifyPermErrDelivery), or XMail's own
 * sentence: SMAILSvr.cpp 'Unknown user "%s" in domain "%s"' and
 * 'Recipient domain "%s" does not exist (or it has a misconfigured
 * DNS)', an Errors.cpp string such as ERR_MAILBOX_SIZE's "User maximum
 * mailbox size reached" (SMAILUtils.cpp), QueueUtils.cpp
 * QueUtResendMessage's "The maximum number of delivery attempts has been
 * reached", or the last SMTP-Error of the message's log
 * (QueUtGetLastLogInfo).  The "Server:" line names the host that gave it,
 * when there was one.  Only the notice of a temporary failure has the
 * "[<03>] Note:" section: SMAILSvr.cpp SMAILHandleResendNotify writes
 * "** This is a temporary error and you do not have to resend the
 * message" there and sends it with QueUtNotifyTempErrDelivery, while the
 * message stays queued. */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"
#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The marker lines QueUtBuildErrorResponse() writes. */
#define IDENT_LINE "[<00>] XMail bounce: Rcpt=["
#define IDENT_ERROR "];Error=["
#define SENDING_LINE "[<01>] Error sending message ["
#define NOTE_LINE "[<03>] Note:"
#define COPY_LINE "[<05>] Here is listed the initial part of the message:"
/* The first line of SMAILHandleResendNotify()'s note. */
#define TEMPORARY_LINE "** This is a temporary error and you do not have to resend the message"
/* SMTPUtils.h DEFAULT_SMTP_ERR: what XMail logs as the SMTP error when the
 * attempt failed without a reply; the code is XMail's, not a server's. */
#define DEFAULT_SMTP_ERR "417 Temporary delivery error"

/* Whether the top-level header is XMail's: the X-MailerError field or the
 * subject, both written by QueUtBuildErrorResponse().  A person who quotes
 * the bounce line in a message of their own has neither. */
static gboolean
own_header (BvMail *mail)
{
	const char *err = bv_mail_header (mail, "X-MailerError");
	if (err != NULL && strstr (err, "Message = [") != NULL)
		return TRUE;
	return g_str_has_prefix (mail->subject, "Error sending message [");
}

/* The reason of "Error=[...]" from @error (just after "Error=["): the
 * section ends with the first blank line, and its last "]" closes the
 * reason, which may hold brackets or, for a remote server's multi-line
 * reply, line breaks of its own.  A new string, "" when XMail had no
 * reason to give. */
static char *
read_reason (const char *error)
{
	const char *end = error;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, error);
	/* XMail ends the section with CRLF CRLF CRLF; a section marker ends
	 * it too, should the blank lines have been lost on the way. */
	while (bv_lines_next (&it, &line) && !bv_line_blank (&line) &&
	       !(end > error && bv_line_starts (&line, "[<0")))
		end = line.end;
	while (end > error && g_ascii_isspace (end[-1]))
		end--;
	if (end > error && end[-1] == ']')
		end--;
	return g_strndup (error, end - error);
}

/* The host of the "Server:    <mx.b> [192.0.2.1]" line of the [<01>]
 * section that starts at @section, or NULL.  XMail writes the name it
 * finds for the address, or what it was given when the lookup fails. */
static char *
read_server (const char *section)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, bv_scrape_next_line (section));
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "[<0"))
			break;
		if (!bv_line_starts (&line, "Server:"))
			continue;
		const char *lt = memchr (line.start, '<', line.end - line.start);
		const char *gt = lt != NULL ? memchr (lt, '>', line.end - lt) : NULL;
		if (gt == NULL || gt - lt < 2)
			return NULL;
		return g_strndup (lt + 1, gt - lt - 1);
	}
	return NULL;
}

/* Whether the reason @diag is a server's reply: it opens with a reply
 * code, and the notice names the server it came from.  XMail's own
 * sentences have no code, except the one it logs for a failure without a
 * reply (DEFAULT_SMTP_ERR). */
static gboolean
remote_reply (const char *diag, const char *server)
{
	char code[8];
	return server != NULL && bv_reply_find (diag, code, sizeof code) && g_str_has_prefix (diag, code) &&
	       strcmp (diag, DEFAULT_SMTP_ERR) != 0;
}

static gboolean
xmail_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *ident = bv_scrape_find_line (body, IDENT_LINE);
	if (ident == NULL || !own_header (mail))
		return FALSE;
	const char *copy = bv_scrape_find_line (ident, COPY_LINE);
	const char *sending = bv_scrape_find_line (ident, SENDING_LINE);
	if (sending == NULL || (copy != NULL && sending > copy) || bv_scrape_forwarded (mail))
		return FALSE;

	/* "[<00>] XMail bounce: Rcpt=[%s];Error=[%s]": the recipient of the
	 * spool file (USmlRcptTo) and the reason. */
	const char *rcpt = bv_text_find_ci (ident, IDENT_LINE) + strlen (IDENT_LINE);
	const char *eol = strchr (rcpt, '\n');
	const char *sep = bv_text_find_ci (rcpt, IDENT_ERROR);
	if (sep == NULL || (eol != NULL && sep > eol))
		return FALSE;
	g_autofree char *addr = g_strndup (rcpt, sep - rcpt);
	g_autofree char *clean = bv_scrape_address (addr);
	if (clean == NULL)
		return FALSE;
	g_autofree char *reason = read_reason (sep + strlen (IDENT_ERROR));
	g_autofree char *server = read_server (sending);

	BvRecipient *r = bv_scrape_add (report, clean);
	bv_scrape_set_diagnostic (r, reason, -1);
	if (server != NULL)
		bv_scrape_set (&r->remote_mta, server);
	if (remote_reply (r->diagnostic, server))
		bv_scrape_set (&r->diagnostic_type, "smtp");
	/* XMail's own code for an attempt without a reply is no server's. */
	r->no_reply = strcmp (r->diagnostic, DEFAULT_SMTP_ERR) == 0;

	/* The note of a temporary failure, before the copy of the message. */
	const char *note = bv_scrape_find_line (sending, NOTE_LINE);
	const char *temporary = note != NULL ? bv_scrape_find_line (note, TEMPORARY_LINE) : NULL;
	gboolean delayed = temporary != NULL && (copy == NULL || temporary < copy);
	bv_scrape_set (&r->action, delayed ? "delayed" : "failed");

	if (copy != NULL)
		bv_scrape_take_original (mail, bv_scrape_next_line (copy));
	return TRUE;
}

const BvLhost bv_lhost_xmail = { "xmail", xmail_parse };
