/* lhost-mdaemon.c: delivery status notices of MDaemon and SecurityGateway.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MDaemon (Alt-N, now MDaemon Technologies) writes its notices in plain
 * text with the headers X-MDDSN-Message: Yes and X-MDaemon-Deliver-To, a
 * banner "MDaemon Delivery Status Notification", "The attached message had
 * PERMANENT fatal delivery errors" and then the delivery log:
 *
 *     --- Session Transcript ---
 *      Mon 2026-12-07 11:22:04: *  To: bob@example.net
 *      Mon 2026-12-07 11:22:05: --> RCPT To:<bob@example.net>
 *      Mon 2026-12-07 11:22:05: <-- 552 5.2.2 ... mailbox is full
 *     --- End Transcript ---
 *
 * where "-->" is what MDaemon sent, "<--" the remote reply, and "*  " its
 * own notes (the original's envelope, "Name server reports domain name
 * unknown").  SecurityGateway, the same vendor's gateway, writes the same
 * sentences and transcript with a "Failed address:" line.  The layout is
 * that of notices quoted in public bug reports and test suites; no vendor
 * page describes it. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_mdaemon (BvMail *mail)
{
	if (bv_mail_header (mail, "X-MDDSN-Message") != NULL)
		return TRUE;
	const char *body = mail->body->str;
	return bv_scrape_find_line (body, "--- Session Transcript ---") != NULL &&
	       (bv_text_find_ci (body, "MDaemon Delivery Status Notification") != NULL ||
	        bv_text_find_ci (body, "had PERMANENT fatal delivery errors") != NULL);
}

/* The text of a transcript line after its "Mon 2026-12-07 11:22:05: "
 * time stamp (a weekday, a date with '-' and a time with ':'), or after
 * its leading space when it has none. */
static const char *
after_stamp (const BvLine *line)
{
	const char *p = bv_line_skip_space (line);
	gsize n = line->end - p;
	if (n > 25 && g_ascii_isalpha (p[0]) && p[3] == ' ' && g_ascii_isdigit (p[4]) && p[8] == '-') {
		/* The space after the seconds' colon: past the date's own. */
		const char *colon = memchr (p + 15, ' ', n - 15);
		if (colon != NULL && colon[-1] == ':')
			p = colon + 1;
	}
	while (p < line->end && *p == ' ')
		p++;
	return p;
}

/* What one transcript says: the addresses it was sent to, the failed
 * one, the command that failed and the reply or note that says why. */
typedef struct {
	BvReport *text;  /* recipients found */
	GString *reply;  /* the error reply being read */
	char command[8]; /* the command last sent */
	GPtrArray *to;   /* "*  To:" addresses, the original's envelope */
	char *rcpt;      /* the address of the last RCPT sent */
} Transcript;

static void
sent (Transcript *t, const char *p, const char *end)
{
	gsize n = 0;
	while (p + n < end && n < sizeof t->command - 1 && g_ascii_isalpha (p[n])) {
		t->command[n] = g_ascii_toupper (p[n]);
		n++;
	}
	t->command[n] = '\0';
	if (strcmp (t->command, "RCPT") == 0) {
		g_autofree char *l = g_strndup (p, end - p);
		g_free (t->rcpt);
		t->rcpt = bv_scrape_address (l);
	}
}

/* An error reply to the command last sent: a recipient of its own after
 * RCPT, every recipient after any other command. */
static void
refused (Transcript *t)
{
	if (t->reply->len == 0)
		return;
	if (strcmp (t->command, "RCPT") == 0 && t->rcpt != NULL) {
		BvRecipient *r = bv_scrape_add (t->text, t->rcpt);
		bv_scrape_set_diagnostic (r, t->reply->str, t->reply->len);
		bv_scrape_set (&r->command, "RCPT");
	} else {
		for (guint i = 0; i < t->to->len; i++) {
			BvRecipient *r = bv_scrape_add (t->text, t->to->pdata[i]);
			bv_scrape_set_diagnostic (r, t->reply->str, t->reply->len);
			bv_scrape_set (&r->command, t->command);
		}
	}
	g_string_truncate (t->reply, 0);
}

static gboolean
mdaemon_parse (BvMail *mail, BvReport *report)
{
	if (!is_mdaemon (mail) || bv_scrape_forwarded (mail))
		return FALSE;
	const char *body = mail->body->str;
	const char *start = bv_scrape_find_line (body, "--- Session Transcript ---");
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (GString) reply = g_string_new (NULL);
	g_autoptr (GString) note = g_string_new (NULL);
	g_autoptr (GPtrArray) to = g_ptr_array_new_with_free_func (g_free);
	Transcript t = { text, reply, "", to, NULL };
	BvLines it;
	BvLine line;
	/* SecurityGateway names the failed address before the transcript. */
	bv_lines_init (&it, body);
	while (bv_lines_next (&it, &line) && (start == NULL || line.start < start)) {
		g_autofree char *a =
		        bv_line_starts (&line, "Failed address:") ? bv_line_labelled_address (&line) : NULL;
		if (a != NULL)
			g_ptr_array_add (to, g_steal_pointer (&a));
	}
	gboolean have_to = to->len > 0;
	if (start != NULL) {
		bv_lines_init (&it, bv_scrape_next_line (start));
		while (bv_lines_next (&it, &line)) {
			if (bv_line_starts (&line, "--- End Transcript"))
				break;
			const char *p = after_stamp (&line);
			if (strncmp (p, "<-- ", 4) == 0) {
				const char *code = p + 4;
				if (code[0] != '4' && code[0] != '5') {
					refused (&t);
					continue;
				}
				if (reply->len > 0)
					g_string_append_c (reply, ' ');
				g_string_append_len (reply, code, line.end - code);
				continue;
			}
			refused (&t);
			if (strncmp (p, "--> ", 4) == 0) {
				sent (&t, p + 4, line.end);
			} else if (strncmp (p, "*  To:", 6) == 0 && !have_to) {
				g_autofree char *l = g_strndup (p + 6, line.end - p - 6);
				char *a = bv_scrape_address (l);
				if (a != NULL)
					g_ptr_array_add (to, a);
			} else if (strncmp (p, "*  ", 3) == 0 && strchr (p + 3, ':') == NULL) {
				/* Its own note ("Name server reports domain name
				 * unknown"), not a field of the original's envelope. */
				g_string_assign (note, "");
				g_string_append_len (note, p + 3, line.end - p - 3);
			}
		}
		refused (&t);
	}
	if (text->recipients->len == 0 && note->len > 0) {
		for (guint i = 0; i < to->len; i++) {
			BvRecipient *r = bv_scrape_add (text, to->pdata[i]);
			bv_scrape_set_diagnostic (r, note->str, note->len);
		}
	}
	g_free (t.rcpt);
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		bv_scrape_set (&r->action, "failed");
		if (r->command[0] != '\0' || r->reply_code[0] != '\0')
			bv_scrape_set (&r->diagnostic_type, "smtp");
	}
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_mdaemon = { "mdaemon", mdaemon_parse };
