/* lhost-chasquid.c: the chasquid SMTP server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * chasquid writes its notices from one template compiled into the server
 * (internal/queue/dsn.go, dsnTemplate): "Delivery of your message to the
 * following recipient(s) failed permanently:", the list, then "Technical
 * details:" and per recipient
 *
 *     - "a@b" (EMAIL) failed permanently with error:
 *         MAIL+RCPT 550 "5.1.1 User unknown"
 *     - "c@d" (EMAIL) failed repeatedly and timed out, last error:
 *         all MXs returned transient failures (last: ...)
 *
 * and a message/global-delivery-status part with Status 5.0.0 (or 4.0.0
 * for the timed-out ones) and the same error as Diagnostic-Code.  The
 * error names the stage that failed (internal/courier/smtp.go: "MAIL+RCPT
 * %v", "DATA %v", "DATA writing: %v", "DATA closing %v"), then Go's
 * net/textproto error, "550 5.1.1 ..." and, since Go 1.25.11, with the
 * server's text quoted as Go quotes a string: 550 "5.1.1 ...\n5.1.1 ...". */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The lines dsnTemplate writes before each recipient's error. */
static const char *const openers[] = {
	"failed permanently with error:",
	"failed repeatedly and timed out, last error:",
	NULL,
};

/* @diag with a Go-quoted reply text ("550 \"5.1.1 a\\nb\"") unquoted: the
 * quotes dropped, an escaped line break a space, an escaped quote or
 * backslash the character.  A new string. */
static char *
unquote (const char *diag)
{
	GString *out = g_string_new (NULL);
	gboolean quoted = FALSE;
	for (const char *p = diag; *p; p++) {
		/* A quote opens after a reply code ("550 \"") and closes where
		 * the reply ends (the end, or the ")" of "(last: ...)"). */
		if (*p == '"' && !quoted && p - diag >= 4 && g_ascii_isdigit (p[-2]) && p[-1] == ' ') {
			quoted = TRUE;
			continue;
		}
		if (*p == '"' && quoted) {
			quoted = FALSE;
			continue;
		}
		if (*p == '\\' && quoted && p[1] != '\0') {
			p++;
			if (*p == 'n' || *p == 'r' || *p == 't')
				g_string_append_c (out, ' ');
			else
				g_string_append_c (out, *p);
			continue;
		}
		g_string_append_c (out, *p);
	}
	return g_string_free (out, FALSE);
}

/* The SMTP command the stage names (internal/courier/smtp.go): "Error
 * creating client: %v" is the reply to the connection (Go's
 * smtp.NewClient reads the greeting), "Error saying hello: %v" the reply
 * to EHLO (net/smtp's Hello), "DATA ..." the message's.  "MAIL+RCPT %v"
 * names both commands, so it names none.  A recipient that was retried
 * until chasquid gave up carries the last attempt's error inside "all MXs
 * returned transient failures (last: %v)". */
static const char *
stage_command (const char *diag)
{
	static const char *const wrappers[] = { "all MXs returned transient failures (last: ",
		                                "all servers returned transient failures (last: " };
	for (gsize i = 0; i < G_N_ELEMENTS (wrappers); i++)
		if (g_str_has_prefix (diag, wrappers[i]))
			diag += strlen (wrappers[i]);
	if (g_str_has_prefix (diag, "DATA "))
		return "DATA";
	/* Only a server's reply answers a command: "Error creating client:
	 * EOF" is a connection closed before any greeting. */
	static const struct {
		const char *stage, *command;
	} stages[] = { { "Error creating client: ", "CONN" }, { "Error saying hello: ", "EHLO" } };
	for (gsize i = 0; i < G_N_ELEMENTS (stages); i++)
		if (g_str_has_prefix (diag, stages[i].stage) &&
		    g_ascii_isdigit (diag[strlen (stages[i].stage)]))
			return stages[i].command;
	return "";
}

/* Reads the "Technical details:" entries from @start into @out. */
static void
read_details (const char *start, BvReport *out)
{
	BvGrowing g;
	bv_growing_init (&g, out);
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_blank (&line) || bv_line_starts (&line, "--")) {
			bv_growing_close (&g);
			continue;
		}
		gboolean opener = FALSE;
		for (const char *const *o = openers; *o && !opener; o++)
			opener = bv_line_find (&line, *o) != NULL;
		if (opener && *line.start == '-') {
			g_autofree char *l = g_strndup (line.start, line.end - line.start);
			g_autofree char *addr = bv_scrape_address (l);
			if (addr != NULL) {
				BvRecipient *r = bv_growing_open (&g, addr);
				bv_scrape_set (&r->action, "failed");
			}
		} else if (bv_line_indented (&line)) {
			const char *p = bv_line_skip_space (&line);
			bv_growing_add (&g, p, line.end - p);
		}
	}
	bv_growing_close (&g);
	bv_growing_clear (&g);
}

static gboolean
chasquid_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	if (bv_scrape_find_line (body, "Delivery of your message to the following recipient(s) failed") ==
	    NULL)
		return FALSE;
	const char *details = bv_scrape_find_line (body, "Technical details:");
	if (details == NULL || bv_scrape_forwarded (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	read_details (bv_scrape_next_line (details), text);
	if (text->recipients->len == 0)
		return FALSE;
	guint before = report->recipients->len;
	bv_scrape_merge (mail, report, text);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		g_autofree char *plain = unquote (r->diagnostic);
		bv_scrape_set_diagnostic (r, plain, -1);
		if (r->command[0] == '\0')
			bv_scrape_set (&r->command, stage_command (r->diagnostic));
		bv_scrape_better_status (r);
	}
	return report->recipients->len > before;
}

const BvLhost bv_lhost_chasquid = { "chasquid", chasquid_parse };
