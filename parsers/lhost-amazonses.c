/* lhost-amazonses.c: Amazon SES, the sending side.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amazon SES returns bounces in two ways.  By mail from MAILER-DAEMON@
 * *.amazonses.com (X-SES-Outgoing): an RFC 3464 report whose status is
 * often only a class ("5.0.0") while the diagnostic quotes the real code.
 * By notification (SNS to an email endpoint, "AWS Notification Message"):
 * a JSON document with "notificationType" Bounce, Complaint or Delivery
 * (or, from a configuration set's event publishing, "eventType" with the
 * same objects and also DeliveryDelay, "delayedRecipients")
 * and per-recipient objects ("bouncedRecipients": emailAddress, action,
 * status, diagnosticCode), sometimes wrapped as an escaped string in the
 * "Message" field of an SNS envelope, and sometimes folded by a relay with
 * "!" and a line break inserted.  The JSON is read with a small scanner:
 * only string and number values of flat recipient objects are needed. */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"
#include "parsers/dsn.h"
#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* Reads the JSON string starting at the opening quote @p.  Returns the
 * unescaped value (new string) and sets *end after the closing quote. */
static char *
json_string (const char *p, const char **end)
{
	GString *s = g_string_new (NULL);
	p++;
	while (*p && *p != '"') {
		if (*p == '\\' && p[1]) {
			p++;
			switch (*p) {
			case 'n': g_string_append_c (s, '\n'); break;
			case 't': g_string_append_c (s, '\t'); break;
			case 'r': g_string_append_c (s, '\r'); break;
			case 'u': {
				char hex[5] = { 0 };
				for (int i = 0; i < 4 && g_ascii_isxdigit (p[1]); i++)
					hex[i] = *++p;
				gunichar c = (gunichar)g_ascii_strtoull (hex, NULL, 16);
				if (c != 0 && g_unichar_validate (c))
					g_string_append_unichar (s, c);
				break;
			}
			default: g_string_append_c (s, *p); break;
			}
			p++;
			continue;
		}
		g_string_append_c (s, *p++);
	}
	*end = *p ? p + 1 : p;
	return g_string_free (s, FALSE);
}

/* The value of "@key" inside [@obj, @obj_end): a string, or a number or
 * literal as written.  New string or NULL. */
static char *
json_get (const char *obj, const char *obj_end, const char *key)
{
	g_autofree char *quoted = g_strdup_printf ("\"%s\"", key);
	gsize n = strlen (quoted);
	for (const char *p = obj; p && p + n < obj_end; p++) {
		p = memchr (p, '"', obj_end - p);
		if (p == NULL || p + n >= obj_end)
			return NULL;
		if (strncmp (p, quoted, n) != 0)
			continue;
		const char *v = p + n;
		while (v < obj_end && (*v == ' ' || *v == ':' || *v == '\n' || *v == '\t'))
			v++;
		if (v >= obj_end)
			return NULL;
		if (*v == '"') {
			const char *e;
			return json_string (v, &e);
		}
		const char *e = v;
		while (e < obj_end && *e != ',' && *e != '}' && *e != ']')
			e++;
		return g_strstrip (g_strndup (v, e - v));
	}
	return NULL;
}

/* Where the object or array opened at @p ('{' or '[') closes, skipping
 * strings; the end of the text when it never closes. */
static const char *
json_close (const char *p)
{
	int depth = 0;
	while (*p) {
		if (*p == '"') {
			g_free (json_string (p, &p));
			continue;
		}
		if (*p == '{' || *p == '[')
			depth++;
		else if ((*p == '}' || *p == ']') && --depth == 0)
			return p + 1;
		p++;
	}
	return p;
}

/* Whether @json names what it reports: SNS notifications say
 * "notificationType", event publishing says "eventType". */
static gboolean
has_type (const char *json)
{
	return strstr (json, "\"notificationType\"") != NULL || strstr (json, "\"eventType\"") != NULL;
}

/* The notification as plain JSON (new string): the body without the
 * folds a relay made, unwrapped from an SNS envelope. */
static char *
notification_json (const char *body)
{
	const char *open = strchr (body, '{');
	if (open == NULL)
		return NULL;
	GString *s = g_string_new (NULL);
	for (const char *p = open; *p; p++) {
		if (p[0] == '!' && p[1] == '\n' && p[2] == ' ') {
			p += 2;
			continue;
		}
		if (*p == '\n')
			continue;
		g_string_append_c (s, *p);
	}
	char *json = g_string_free (s, FALSE);
	if (!has_type (json)) {
		char *message = json_get (json, json + strlen (json), "Message");
		g_free (json);
		json = message;
	}
	if (json == NULL || !has_type (json)) {
		g_free (json);
		return NULL;
	}
	return json;
}

/* Appends one recipient per object of the array named @key. */
static void
read_recipients (BvReport *report, const char *json, const char *key, const char *action)
{
	g_autofree char *quoted = g_strdup_printf ("\"%s\"", key);
	const char *p = strstr (json, quoted);
	if (p == NULL || (p = strchr (p, '[')) == NULL)
		return;
	const char *array_end = json_close (p);
	for (p = strchr (p, '{'); p != NULL && p < array_end; p = strchr (p, '{')) {
		const char *end = json_close (p);
		g_autofree char *addr = json_get (p, end, "emailAddress");
		if (addr != NULL) {
			BvRecipient *r = bv_scrape_add (report, addr);
			g_autofree char *act = json_get (p, end, "action");
			g_autofree char *status = json_get (p, end, "status");
			g_autofree char *diag = json_get (p, end, "diagnosticCode");
			bv_scrape_set (&r->action, act ? act : action);
			char code[16];
			bv_scrape_set (&r->status,
			               status && bv_status_find (status, code, sizeof code) ? code : "");
			if (diag != NULL) {
				g_autofree char *bare = bv_dsn_strip_type (diag);
				g_autofree char *type = bv_dsn_type (diag);
				bv_scrape_set_diagnostic (r, bare, -1);
				bv_scrape_set (&r->diagnostic_type, type);
			}
			bv_scrape_set (&r->command, bv_scrape_command (r->diagnostic, -1));
		}
		p = end;
	}
}

static gboolean
read_notification (BvMail *mail, BvReport *report)
{
	g_autofree char *json = notification_json (mail->body->str);
	if (json == NULL)
		return FALSE;
	const char *end = json + strlen (json);
	g_autofree char *type = json_get (json, end, "notificationType");
	if (type == NULL)
		type = json_get (json, end, "eventType");
	g_autofree char *reporting = json_get (json, end, "reportingMTA");
	guint before = report->recipients->len;
	if (g_strcmp0 (type, "Bounce") == 0) {
		read_recipients (report, json, "bouncedRecipients", "failed");
	} else if (g_strcmp0 (type, "DeliveryDelay") == 0) {
		read_recipients (report, json, "delayedRecipients", "delayed");
	} else if (g_strcmp0 (type, "Complaint") == 0) {
		report->kind = BV_KIND_FEEDBACK;
		read_recipients (report, json, "complainedRecipients", "");
		g_autofree char *fb = json_get (json, end, "complaintFeedbackType");
		for (guint i = before; i < report->recipients->len; i++) {
			BvRecipient *r = report->recipients->pdata[i];
			bv_scrape_set (&r->diagnostic, fb ? fb : "abuse");
		}
	} else if (g_strcmp0 (type, "Delivery") == 0) {
		/* "delivery": {"recipients": ["a@b"], "smtpResponse": "250 ...",
		 * "reportingMTA": "..."} */
		const char *d = strstr (json, "\"delivery\"");
		const char *arr = d ? strstr (d, "\"recipients\"") : NULL;
		arr = arr ? strchr (arr, '[') : NULL;
		if (arr == NULL)
			return FALSE;
		const char *arr_end = json_close (arr);
		g_autofree char *smtp = json_get (d, end, "smtpResponse");
		report->kind = BV_KIND_DELIVERED;
		for (const char *p = strchr (arr, '"'); p != NULL && p < arr_end; p = strchr (p, '"')) {
			g_autofree char *addr = json_string (p, &p);
			BvRecipient *r = bv_scrape_add (report, addr);
			bv_scrape_set (&r->action, "delivered");
			bv_scrape_set_diagnostic (r, smtp ? smtp : "", -1);
		}
		g_free (reporting);
		reporting = json_get (d, end, "reportingMTA");
	}
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		if (reporting != NULL) {
			g_autofree char *host = bv_dsn_strip_type (reporting);
			bv_scrape_set (&r->reporting_mta, host);
		}
	}
	return report->recipients->len > before;
}

static gboolean
amazonses_parse (BvMail *mail, BvReport *report)
{
	gboolean from_aws = bv_text_find_ci (mail->from, "amazonaws.com") != NULL ||
	                    bv_text_find_ci (mail->subject, "AWS Notification") != NULL ||
	                    bv_mail_header (mail, "X-SES-Outgoing") != NULL ||
	                    bv_mail_header (mail, "x-amz-sns-message-id") != NULL;
	if (from_aws && (bv_text_find_ci (mail->body->str, "notificationType") != NULL ||
	                 bv_text_find_ci (mail->body->str, "eventType") != NULL))
		return read_notification (mail, report);
	if (mail->dsn->len == 0 || bv_text_find_ci (mail->from, "amazonses.com") == NULL)
		return FALSE;
	/* SES's own report, not one it relays (a receiving server's report
	 * comes from that server's daemon, not from amazonses.com). */
	if (bv_text_find_ci (mail->dsn->str, "amazonses.com") == NULL &&
	    bv_mail_header (mail, "X-SES-Outgoing") == NULL)
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_amazonses = { "amazonses", amazonses_parse };
