/* lhost-stalwart.c: the Stalwart mail server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stalwart builds its notices in code (crates/smtp/src/queue/dsn.rs,
 * build_dsn()): a headline ("Your message could not be delivered to the
 * following recipients:", "There was a temporary problem delivering your
 * message to the following recipients:", "Your message could not be
 * delivered to some recipients:" with "    ----- ... -----" section lines,
 * ...), then one line per recipient (write_dsn_text()):
 *
 *     <a@b> (host 'mx.b' rejected command 'RCPT TO:<a@b>' with code 550 (5.1.1) 'text')
 *     <a@b> (host 'mx.b' rejected transaction with code 552 (5.5.2) 'text')
 *     <a@b> (failed to lookup 'b': Domain not found: NXDomain)
 *     <a@b> (connection to 'mx.b' failed: Connection refused (os error 111))
 *
 * and a delivery-status part.  Two things of that part need the text:
 * a failure that is not a reply (DNS, connection, TLS) has no
 * Diagnostic-Code at all, and a reply without an enhanced code gets the
 * reply code's digits as its Status (write_dsn_status(): "553 ..." becomes
 * 5.5.3, which RFC 3463 registers for too many recipients).  Such a status
 * is not the remote server's and is dropped. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* build_dsn()'s headlines. */
static const char *const headlines[] = {
	"Your message could not be delivered to the following recipients:",
	"There was a temporary problem delivering your message to the following recipients:",
	"Your message could not be delivered to some recipients:",
	"Your message has been partially delivered:",
	"Your message has been successfully delivered to the following recipients:",
	NULL,
};

/* The section lines of a mixed notice and the action of the lines under
 * them; the headline of an unmixed notice says the same. */
static const struct {
	const char *words;
	const char *action;
} sections[] = {
	{ "addresses was successful", "delivered" },
	{ "successfully delivered to the following", "delivered" },
	{ "temporary problem delivering", "delayed" },
	{ "addresses failed", "failed" },
	{ "could not be delivered to the following", "failed" },
};

/* The text between the quotes that follow @key in @s ("host '" ...
 * "'"), or NULL.  *@after is set past the closing quote. */
static char *
quoted_after (const char *s, const char *key, const char **after)
{
	const char *p = strstr (s, key);
	if (p == NULL)
		return NULL;
	p += strlen (key);
	const char *q = strchr (p, '\'');
	if (q == NULL)
		return NULL;
	if (after != NULL)
		*after = q + 1;
	return g_strndup (p, q - p);
}

/* Fills @r from what a recipient's parentheses say (@what, without them). */
static void
read_what (BvRecipient *r, const char *what)
{
	const char *after = NULL;
	g_autofree char *host = quoted_after (what, "host '", &after);
	const char *with = host != NULL ? strstr (after, " with code ") : NULL;
	if (with == NULL) {
		/* Not a reply: a lookup, connection, TLS or queue error.  The
		 * entity of a connection, TLS or DANE error is the remote host. */
		g_autofree char *entity = quoted_after (what, "connection to '", NULL);
		if (entity == NULL)
			entity = quoted_after (what, "TLS error from '", NULL);
		if (entity == NULL)
			entity = quoted_after (what, "authenticate '", NULL);
		if (entity != NULL)
			bv_scrape_set (&r->remote_mta, entity);
		bv_scrape_set_diagnostic (r, what, -1);
		return;
	}
	bv_scrape_set (&r->remote_mta, host);
	g_autofree char *command = quoted_after (after, "rejected command '", NULL);
	if (command != NULL && strstr (after, "rejected command '") < with) {
		g_autofree char *word = g_ascii_strup (command, strcspn (command, " :"));
		bv_scrape_set (&r->command, word);
	}
	/* "with code 550 (5.1.1) 'text'": the server's reply is the code and
	 * the text; the enhanced code follows in parentheses. */
	const char *code = with + strlen (" with code ");
	const char *paren = strchr (code, '(');
	const char *text = paren ? strchr (paren, '\'') : NULL;
	if (paren == NULL || text == NULL)
		return;
	g_autofree char *reply = g_strndup (code, strspn (code, "0123456789"));
	const char *end = what + strlen (what);
	if (end > text + 1 && end[-1] == '\'')
		end--;
	g_autofree char *diag = g_strdup_printf ("%s %.*s", reply, (int)(end - text - 1), text + 1);
	bv_scrape_set_diagnostic (r, diag, -1);
	g_autofree char *esc = g_strndup (paren + 1, strcspn (paren + 1, ")"));
	bv_scrape_set (&r->status, esc);
	bv_scrape_set (&r->diagnostic_type, "smtp");
}

/* Reads the recipients' lines after the headline @start into @out. */
static void
read_lines (const char *start, BvReport *out)
{
	const char *action = "failed";
	BvLines it;
	BvLine line;
	bv_lines_init (&it, start);
	while (bv_lines_next (&it, &line)) {
		for (gsize i = 0; i < G_N_ELEMENTS (sections); i++)
			if (bv_line_find (&line, sections[i].words) != NULL)
				action = sections[i].action;
		if (*line.start != '<')
			continue;
		g_autofree char *l = g_strndup (line.start, line.end - line.start);
		g_strchomp (l);
		/* The closing parenthesis is missing only when the notice was
		 * cut short: what stands is still this recipient's. */
		char *gt = strstr (l, "> (");
		if (gt == NULL)
			continue;
		*gt = '\0';
		gsize n = strlen (gt + 3);
		if (n > 0 && gt[3 + n - 1] == ')')
			gt[3 + n - 1] = '\0';
		g_autofree char *addr = bv_scrape_address (l + 1);
		if (addr == NULL)
			continue;
		BvRecipient *r = bv_scrape_add (out, addr);
		bv_scrape_set (&r->action, action);
		read_what (r, gt + 3);
	}
}

/* Whether @status is only the digits of @reply ("5.5.3" for 553), as
 * write_dsn_status() writes it when the reply had no enhanced code. */
static gboolean
digits_of_reply (const char *status, const char *reply)
{
	return strlen (reply) == 3 && strlen (status) == 5 && status[0] == reply[0] &&
	       status[2] == reply[1] && status[4] == reply[2];
}

static gboolean
stalwart_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *start = NULL;
	for (const char *const *h = headlines; *h && start == NULL; h++)
		start = bv_scrape_find_line (body, *h);
	if (start == NULL || bv_scrape_forwarded (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	read_lines (start, text);
	if (text->recipients->len == 0)
		return FALSE;
	/* A status that only repeats the reply code is not the server's. */
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *t = text->recipients->pdata[i];
		if (digits_of_reply (t->status, t->reply_code))
			bv_scrape_set (&t->status, "");
	}
	guint before = report->recipients->len;
	bv_scrape_merge (mail, report, text);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		if (digits_of_reply (r->status, r->reply_code)) {
			BvRecipient *t = bv_scrape_find_recipient (text, 0, r->recipient);
			/* The text names the code too; the DSN's is the same guess. */
			bv_scrape_set (&r->status, t != NULL ? t->status : "");
		}
	}
	return report->recipients->len > before;
}

const BvLhost bv_lhost_stalwart = { "stalwart", stalwart_parse };
