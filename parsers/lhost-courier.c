/* lhost-courier.c: the Courier mail server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Courier's module.dsn (courier/module.dsn/dsn.C) writes every notice the
 * same way: a text part made of the templates dsnheader.txt ("This is a
 * delivery status notification from H, running the Courier mail server,
 * version V."), then dsnfailed.txt ("UNDELIVERABLE MAIL"), dsndelayed.txt
 * ("DELAYS IN DELIVERING YOUR MESSAGE"), dsnrelayed.txt or
 * dsndelivered.txt, one block per recipient, and dsnfooter.txt; then a
 * delivery-status part whose Status is only the class (5.0.0, 4.0.0) and
 * which, in a delay notice, carries no Diagnostic-Code at all.
 *
 * A recipient's block is written by format_del_info():
 *
 *     <a@b>:
 *          mx.example.net [192.0.2.1]:      the peer
 *      >>> RCPT TO:<a@b>                    a command sent
 *      <<< 550 5.1.1 User unknown           each line of the reply
 *      *** Connection timed out             a connection error
 *
 * The templates are files in Courier's configuration directory that sites
 * translate, so the greeting is not the only marker.  What dsn.C and
 * submit write in code, not in a template, stays when they are translated,
 * and together with such a block makes a notice from a mailer daemon
 * Courier's (courier_written()): the MIME boundary "=_courier_N"; the MIME
 * prologue RFC2045MIMEMSG of Courier's rfc2045 library; the Message-ID
 * submit3.C gives a message that has none ("<courier.TIME.PID@host>");
 * and a delivery-status part whose every Status is a class alone. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* Where the templates' section titles put a recipient: the action of the
 * blocks that follow, from dsnfailed.txt, dsndelayed.txt, dsnrelayed.txt
 * and dsndelivered.txt. */
static const struct {
	const char *title;
	const char *action;
} sections[] = {
	{ "UNDELIVERABLE MAIL", "failed" },
	{ "DELAYS IN DELIVERING YOUR MESSAGE", "delayed" },
	{ "MESSAGE DELIVERED TO A MAIL GATEWAY", "relayed" },
	{ "MESSAGE DELIVERED SUCCESSFULLY", "delivered" },
};

/* What one recipient's block has said so far. */
typedef struct {
	BvRecipient *r;   /* the open recipient, owned by the scratch report */
	GString *reply;   /* the "<<<" lines of the last reply, joined */
	GString *neterr;  /* the "***" lines */
	gboolean replied; /* a "<<<" line came since the last ">>>" */
} Block;

/* Whether the block is what module.local wrote for a local delivery:
 * localmail.c appends the delivery program's output as the reply lines
 * (ctlfile_append_info()) and decides by its exit status whether the
 * recipient failed (64, 65, 67, 68, 69, 76, 77, 78, 100, 112) or is
 * deferred; no peer, no command, and no SMTP reply code, where an SMTP
 * delivery's reply has all three.  Such output is the Diagnostic-Code
 * type Postfix and Sendmail call x-unix (dsn.C writes "unknown"). */
/* The text's mark of a local_output() block until take_local_type() knows
 * the reporting host. */
#define LOCAL_MARK "x-courier-local"

static gboolean
local_output (const Block *b)
{
	const char *t = b->reply->str;
	if (b->reply->len == 0 || b->r->remote_mta[0] != '\0' || b->r->command[0] != '\0')
		return FALSE;
	return !(g_ascii_isdigit (t[0]) && g_ascii_isdigit (t[1]) && g_ascii_isdigit (t[2]) &&
	         (t[3] == ' ' || t[3] == '-' || t[3] == '\0'));
}

static void
block_close (Block *b)
{
	if (b->r == NULL)
		return;
	if (b->reply->len > 0)
		bv_scrape_set_diagnostic (b->r, b->reply->str, -1);
	else if (b->neterr->len > 0)
		bv_scrape_set_diagnostic (b->r, b->neterr->str, -1);
	if (b->reply->len > 0 && b->r->remote_mta[0] != '\0')
		bv_scrape_set (&b->r->diagnostic_type, "smtp");
	else if (local_output (b))
		bv_scrape_set (&b->r->diagnostic_type, LOCAL_MARK);
	b->r = NULL;
	g_string_truncate (b->reply, 0);
	g_string_truncate (b->neterr, 0);
	b->replied = FALSE;
}

/* The text after a transcript marker (" >>> ", " <<< ", " *** ") of
 * @line, or NULL when the line has none. */
static const char *
marked (const BvLine *line, const char *marker)
{
	const char *p = bv_line_skip_space (line);
	if (line->end - p < 4 || strncmp (p, marker, 3) != 0 || p[3] != ' ')
		return NULL;
	return p + 4;
}

/* The SMTP command of what libesmtp.C logs as sent (log_sent): "(initial
 * greeting)" is the connection, "EHLO h", "MAIL FROM:<...>", "RCPT
 * TO:<...>", "DATA" the commands; STARTTLS, AUTH and Courier's own notes
 * are none of the commands a report names. */
static const char *
sent_command (const char *sent)
{
	static const char *const commands[] = { "EHLO", "HELO", "MAIL", "RCPT", "DATA", NULL };
	if (g_ascii_strncasecmp (sent, "(initial greeting)", 18) == 0)
		return "CONN";
	gsize n = strcspn (sent, " :");
	for (const char *const *c = commands; *c; c++)
		if (n == strlen (*c) && g_ascii_strncasecmp (sent, *c, n) == 0)
			return *c;
	return "";
}

static void
block_line (Block *b, const BvLine *line)
{
	g_autofree char *text = g_strndup (line->start, line->end - line->start);
	g_strchomp (text);
	BvLine l = { text, text + strlen (text) };
	const char *v;
	if ((v = marked (&l, ">>>")) != NULL && g_ascii_strncasecmp (v, "RSET", 4) != 0) {
		/* A new command: the reply that matters is the one to it (an RSET
		 * after the failure is not what failed). */
		if (b->replied)
			g_string_truncate (b->reply, 0);
		b->replied = FALSE;
		bv_scrape_set (&b->r->command, sent_command (v));
	} else if ((v = marked (&l, "<<<")) != NULL) {
		if (b->reply->len > 0)
			g_string_append_c (b->reply, ' ');
		g_string_append (b->reply, v);
		b->replied = TRUE;
	} else if ((v = marked (&l, "***")) != NULL) {
		if (b->neterr->len > 0)
			g_string_append_c (b->neterr, ' ');
		g_string_append (b->neterr, v);
	} else if (bv_line_indented (&l) && l.end > l.start && l.end[-1] == ':' &&
	           b->r->remote_mta[0] == '\0') {
		/* The peer: "     mx.example.net [192.0.2.1]:". */
		const char *h = bv_line_skip_space (&l);
		g_autofree char *host = g_strndup (h, l.end - 1 - h);
		bv_scrape_set (&b->r->remote_mta, host);
	} else if (bv_line_indented (&l) && l.end > l.start && l.end[-1] != ':') {
		/* An unmarked line under the address (an older or edited
		 * template): the text of the failure, like a connection error. */
		if (b->neterr->len > 0)
			g_string_append_c (b->neterr, ' ');
		g_string_append (b->neterr, bv_line_skip_space (&l));
	}
}

/* Reads the recipients' blocks of the text from @start into @out. */
static void
read_blocks (const char *start, BvReport *out)
{
	const char *action = "failed";
	Block b = { NULL, g_string_new (NULL), g_string_new (NULL), FALSE };
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_blank (&line)) {
			block_close (&b);
			continue;
		}
		for (gsize i = 0; i < G_N_ELEMENTS (sections); i++)
			if (bv_line_find (&line, sections[i].title) != NULL)
				action = sections[i].action;
		/* A recipient's line: "<a@b>:" at the start of the line. */
		g_autofree char *addr =
		        *line.start == '<' && line.end[-1] == ':' ? bv_line_address (&line, NULL) : NULL;
		if (addr != NULL) {
			block_close (&b);
			b.r = bv_scrape_add (out, addr);
			bv_scrape_set (&b.r->action, action);
		} else if (b.r != NULL) {
			block_line (&b, &line);
		}
	}
	block_close (&b);
	g_string_free (b.reply, TRUE);
	g_string_free (b.neterr, TRUE);
}

/* dsn.C writes a recipient's group as Final-Recipient, Action, then
 * Original-Recipient (an alias's own address), Status and the rest; the
 * delivery-status reader takes the Original-Recipient line for the start
 * of another recipient.  Joins such a pair from index @from: a
 * Final-Recipient with its Action, followed by the rest under the alias,
 * which has no Action (RFC 3464 2.3.3 requires one in every group, and
 * dsn.C wrote it above).  The text's block may have completed either
 * half already, and the alias may be the Final-Recipient itself (a
 * recipient Courier kept its ORCPT for), so neither tells the halves. */
static void
join_original (BvReport *report, guint from)
{
	GPtrArray *a = report->recipients;
	for (guint i = from; i + 1 < a->len; i++) {
		BvRecipient *x = a->pdata[i], *y = a->pdata[i + 1];
		if (x->action[0] == '\0' || y->action[0] != '\0' || y->original_recipient[0] == '\0' ||
		    g_ascii_strcasecmp (y->recipient, y->original_recipient) != 0)
			continue;
		bv_scrape_set (&x->original_recipient, y->original_recipient);
		bv_scrape_complete (x, y);
		/* The array frees what it removes. */
		g_ptr_array_remove_index (a, i + 1);
	}
}

/* Whether the domain of @address is one the reporting host @host delivers
 * to itself: the host's own name (Courier's "me", its default local
 * domain), a domain it stands under, or a sibling of it under the same
 * organisation's domain ("local.example.org" beside "mta.example.org").
 * module.esmtp writes its own failures ("No such domain.", "Connection
 * refused") in the same unmarked form, but for remote domains only. */
static gboolean
local_domain (const char *address, const char *host)
{
	const char *at = strrchr (address, '@');
	if (at == NULL || host[0] == '\0')
		return FALSE;
	const char *domain = at + 1;
	gsize dn = strlen (domain), hn = strlen (host);
	if (g_ascii_strcasecmp (domain, host) == 0 ||
	    (hn > dn && host[hn - dn - 1] == '.' && g_ascii_strcasecmp (host + hn - dn, domain) == 0))
		return TRUE;
	/* Siblings: the same parent, itself an organisation's domain of two
	 * labels or more (not a registry's "co.uk"). */
	const char *dp = strchr (domain, '.'), *hp = strchr (host, '.');
	if (dp == NULL || hp == NULL || g_ascii_strcasecmp (dp + 1, hp + 1) != 0)
		return FALSE;
	const char *parent = dp + 1, *dot = strchr (parent, '.');
	return dot != NULL && (dot - parent > 3 || strlen (dot + 1) != 2);
}

/* The delivery-status part's "unknown" type does not say what the text
 * does: a block of local_output() is a delivery program's.  Gives the
 * recipients from index @from the text's type x-unix. */
static void
take_local_type (BvReport *report, guint from, const BvReport *text)
{
	for (guint i = from; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		gboolean marked = FALSE;
		for (guint k = 0; k < text->recipients->len && !marked; k++) {
			const BvRecipient *t = text->recipients->pdata[k];
			marked = strcmp (t->diagnostic_type, LOCAL_MARK) == 0 &&
			         g_ascii_strcasecmp (t->recipient, r->recipient) == 0;
		}
		/* The merge gave the text's mark to a recipient whose part
		 * has no type (a delay notice's). */
		gboolean typeless = r->diagnostic_type[0] == '\0' ||
		                    strcmp (r->diagnostic_type, LOCAL_MARK) == 0 ||
		                    g_ascii_strcasecmp (r->diagnostic_type, "unknown") == 0;
		if (strcmp (r->diagnostic_type, LOCAL_MARK) == 0)
			bv_scrape_set (&r->diagnostic_type, "");
		if (marked && typeless && local_domain (r->recipient, r->reporting_mta))
			bv_scrape_set (&r->diagnostic_type, "x-unix");
	}
}

/* Whether the delivery-status part of @mail gives every recipient a class
 * alone as its Status: dsn.C writes "5.0.0", "4.0.0" or "2.0.0" and
 * nothing else, whatever the failure (the reply's own code goes into the
 * Diagnostic-Code).  FALSE when the part names no Status at all. */
static gboolean
class_only_status (BvMail *mail)
{
	guint seen = 0;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->dsn->str);
	while (bv_lines_next (&it, &line)) {
		if (line.end - line.start < 7 || g_ascii_strncasecmp (line.start, "Status:", 7) != 0)
			continue;
		g_autofree char *v = g_strstrip (g_strndup (line.start + 7, line.end - line.start - 7));
		if (strlen (v) != 5 || strchr ("245", v[0]) == NULL || strcmp (v + 1, ".0.0") != 0)
			return FALSE;
		seen++;
	}
	return seen > 0;
}

/* Whether @id is a Message-ID that submit3.C makes for a message that has
 * none, as the notices module.dsn hands to submit: "<courier." and the
 * submission time and process id in hexadecimal, "<courier.TIME.PID@host>". */
static gboolean
courier_message_id (const char *id)
{
	if (id == NULL)
		return FALSE;
	while (*id == ' ' || *id == '\t')
		id++;
	if (g_ascii_strncasecmp (id, "<courier.", 9) != 0)
		return FALSE;
	const char *p = id + 9;
	for (int field = 0; field < 2; field++) {
		gsize n = 0;
		while (g_ascii_isxdigit (p[n]))
			n++;
		if (n < 4 || p[n] != (field == 0 ? '.' : '@'))
			return FALSE;
		p += n + 1;
	}
	return TRUE;
}

/* Whether what dsn.C and submit write in code, not in a translatable
 * template, says that Courier wrote @mail: its MIME boundary
 * ("=_courier_N"), or, when a gateway that rebuilt the MIME structure
 * replaced that, a delivery-status part with only class codes
 * (class_only_status()) under the MIME prologue dsn.C writes (rfc2045.h
 * RFC2045MIMEMSG, "This is a MIME-formatted message.  If you see this
 * text ...") or under submit3.C's Message-ID. */
static gboolean
courier_written (BvMail *mail)
{
	if (mail->message == NULL)
		return FALSE;
	/* The report itself, when a list or a gateway wrapped it. */
	GMimeObject *top =
	        mail->report_part ? mail->report_part : g_mime_message_get_mime_part (mail->message);
	const char *b = top ? g_mime_object_get_content_type_parameter (top, "boundary") : NULL;
	if (b != NULL && g_str_has_prefix (b, "=_courier_"))
		return TRUE;
	if (!class_only_status (mail))
		return FALSE;
	const char *prologue = top != NULL && GMIME_IS_MULTIPART (top)
	                               ? g_mime_multipart_get_prologue (GMIME_MULTIPART (top))
	                               : NULL;
	return (prologue != NULL && bv_text_find_ci (prologue, "This is a MIME-formatted message.") != NULL &&
	        bv_text_find_ci (prologue, "If you see this text it means") != NULL) ||
	       courier_message_id (bv_mail_header (mail, "Message-ID"));
}

static gboolean
courier_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *start = bv_text_find_ci (body, "running the Courier mail server");
	gboolean translated = start == NULL;
	if (translated) {
		if (!bv_scrape_from_daemon (mail) || bv_scrape_forwarded (mail) || !courier_written (mail))
			return FALSE;
		start = body;
	}
	g_autoptr (BvReport) text = bv_report_new ();
	read_blocks (start, text);
	/* Without the greeting, only blocks that hold what format_del_info()
	 * writes under an address make the mail Courier's. */
	if (translated) {
		gboolean explained = FALSE;
		for (guint i = 0; i < text->recipients->len && !explained; i++)
			explained = ((BvRecipient *)text->recipients->pdata[i])->diagnostic[0] != '\0';
		if (!explained)
			return FALSE;
	}
	guint before = report->recipients->len;
	bv_scrape_merge (mail, report, text);
	join_original (report, before);
	take_local_type (report, before, text);
	return report->recipients->len > before;
}

const BvLhost bv_lhost_courier = { "courier", courier_parse };
