/* triage.c: telling ordinary mail from possible reports by the header alone.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most of a mailbox is ordinary mail, so this runs on every message and must
 * be cheap: one pass over the header block, no allocation, no decoding.  It
 * errs on the side of TRUE; the full parse decides. */
#include "config.h"

#include <string.h>

#include "parsers/autoreply.h"
#include "parsers/bounce.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The header block ends at the first empty line; never look past 256 KiB. */
#define TRIAGE_MAX_HEAD (256u * 1024u)

/* Lower-cases the line [@p, @end) into @buf (at most @size - 1 bytes, the
 * rest of a longer line is not looked at), so that the word lists can be
 * searched with strstr() instead of a case-insensitive compare per offset. */
static const char *
lower_line (const char *p, const char *end, char *buf, gsize size)
{
	gsize n = MIN ((gsize)(end - p), size - 1);
	for (gsize i = 0; i < n; i++) {
		char c = p[i];
		buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (c == '\0' ? ' ' : c);
	}
	buf[n] = '\0';
	return buf;
}

/* Words in a From header that mean an automated sender. */
static const char *const from_words[] = {
	"mailer-daemon",
	"mailer_daemon",
	"postmaster",
	"post_master",
	"-admin@",
	"-owner@",
	"owner-",
	"-request@",
	"mail delivery",
	"maildelivery",
	"mail administrator",
	"mail system",
	"mailsystem",
	"mail-daemon",
	"mdaemon",
	"no-reply",
	"noreply",
	"bounce",
	"daemon@",
	"mailer@",
	"mta@",
	"mail.delivery",
	"delivery-status",
	"nobody@",
	"root@",
	"postoffice",
	"mailadmin",
	"smtp",
	"mail router",
	"abuse",
	"feedback",
	"fbl",
	"scomp",
	"staff@",
	"complaints",
	"microsoft outlook",
	"@bounce",
	"mailman",
	"=?",
	"network service",
	"mail server",
	"administrator",
	"notification",
	"auto",
	"system",
	NULL,
};

/* Words in a Subject that mean a report (or, broader than the automatic
 * reply words of autoreply.c, which triage reads too, an absence). */
static const char *const subject_words[] = {
	/* Phrases rather than single words where the word alone is common in
	 * ordinary mail ("report", "status", "auto", "return"): a triage miss
	 * costs a whole report, a false hit only a parse. */
	"undeliver",
	"delivery",
	"deliver to",
	"not delivered",
	"failure",
	"failed",
	"returned",
	"bounce",
	"could not",
	"couldn't",
	"unable to",
	"rejected",
	"nondeliverable",
	"non-deliverable",
	"non remis",
	"mail system",
	"auto:",
	"abwesen",
	"absence",
	"abuse",
	"complaint",
	"unzustellbar",
	"zustell",
	"delivery status",
	"mail error",
	"message error",
	"smtp error",
	"delivery error",
	"warning: message",
	"delayed",
	"delay",
	"blocked",
	"spam",
	"undelivered",
	"benachrichtig",
	"retour",
	"erreur",
	"devuel",
	"=?",
	"\xe9\x80\x80\xe4\xbf\xa1", /* 退信 */
	"\xe5\xa4\xb1\xe8\xb4\xa5", /* 失败 */
	"\xe8\x87\xaa\xe5\x8a\xa8", /* 自动 */
	"\xe9\x85\x8d\xe4\xbf\xa1", /* 配信 */
	"\xe4\xb8\x8d\xe8\x83\xbd", /* 不能 */
	"\xe7\x84\xa1\xe6\xb3\x95", /* 無法 */
	"\xe5\xa4\xb1\xe6\x95\x97", /* 失敗 */
	"\xe4\xb8\x8d\xe5\x9c\xa8", /* 不在 */
	"\xd0\xbd\xd0\xb5",         /* не */
	NULL,
};

/* Whether the line [@p, @end) holds one of @words (lower case). */
static gboolean
has_any (const char *p, const char *end, const char *const *words)
{
	char buf[1024];
	const char *line = lower_line (p, end, buf, sizeof buf);
	for (const char *const *w = words; *w; w++)
		if (strstr (line, *w) != NULL)
			return TRUE;
	return FALSE;
}

/* Whether [@p, @end) is a "Subject:" line that names a forward ("Fwd:",
 * "WG:" ...).  A person forwards a bounce as an attachment under such a
 * subject, and its header has nothing else that tells: forwards are few,
 * and a false hit costs only a parse. */
static gboolean
forward_subject (const char *p, const char *end)
{
	if (end - p < 8 || g_ascii_strncasecmp (p, "Subject:", 8) != 0)
		return FALSE;
	p += 8;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (const char *const *f = bv_forward_subjects; *f; f++) {
		gsize n = strlen (*f);
		if ((gsize)(end - p) >= n && g_ascii_strncasecmp (p, *f, n) == 0)
			return TRUE;
	}
	return FALSE;
}

gboolean
bv_triage (const char *data, gsize len)
{
	if (data == NULL || len == 0)
		return FALSE;
	const char *end = data + MIN (len, TRIAGE_MAX_HEAD);
	/* Blank lines before the headers do not end the header block. */
	const char *line = data + bv_text_blank_prefix (data, end - data);
	/* Name of the header the current (possibly folded) line belongs to. */
	enum { OTHER, FROM, SUBJECT, CTYPE, RETPATH } field = OTHER;

	while (line < end) {
		const char *eol = memchr (line, '\n', end - line);
		if (eol == NULL)
			eol = end;
		const char *stop = eol;
		if (stop > line && stop[-1] == '\r')
			stop--;
		/* A lone-CR file has no LF: treat CR as a line end too. */
		const char *cr = memchr (line, '\r', stop - line);
		if (cr != NULL && cr + 1 < stop) {
			stop = cr;
			eol = cr;
		}
		if (stop == line)
			break; /* End of the header block. */

		if (line[0] == ' ' || line[0] == '\t') {
			/* A continuation of the previous field. */
		} else if (g_ascii_strncasecmp (line, "From:", 5) == 0) {
			field = FROM;
		} else if (g_ascii_strncasecmp (line, "Subject:", 8) == 0) {
			field = SUBJECT;
		} else if (g_ascii_strncasecmp (line, "Content-Type:", 13) == 0) {
			field = CTYPE;
		} else if (g_ascii_strncasecmp (line, "Return-Path:", 12) == 0) {
			field = RETPATH;
		} else {
			field = OTHER;
			/* Headers that only automated mail carries. */
			static const char *const auto_headers[] = {
				"Auto-Submitted:",
				"X-Failed-Recipients:",
				"X-Auto-Response-Suppress:",
				"Precedence:",
				"X-Mailer-Daemon",
				"X-Postfix-Queue-ID",
				"Feedback-Type:",
				"X-AOL-",
				"X-HmXmrOriginalRecipient:",
				"X-SES-Outgoing",
				"X-Autogenerated:",
				"X-MS-Exchange-Message-Is-Ndr",
				"X-MS-Exchange-Generated-Message-Source",
				"X-Report-Abuse",
				"X-MLServer:",
				"X-ML-Name:",
				"X-SendGrid",
				"X-Mailer-Sent-By",
				"Delivered-To: Autoresponder",
				NULL,
			};
			for (const char *const *h = auto_headers; *h; h++)
				if (g_ascii_strncasecmp (line, *h, strlen (*h)) == 0)
					return TRUE;
			for (const char *const *h = bv_autoreply_headers; *h; h++)
				if (g_ascii_strncasecmp (line, *h, strlen (*h)) == 0 &&
				    line[strlen (*h)] == ':')
					return TRUE;
		}
		switch (field) {
		case FROM:
			if (has_any (line, stop, from_words))
				return TRUE;
			break;
		case SUBJECT:
			if (forward_subject (line, stop) || has_any (line, stop, subject_words) ||
			    has_any (line, stop, bv_autoreply_subjects))
				return TRUE;
			break;
		case CTYPE: {
			static const char *const types[] = { "report", "delivery-status", NULL };
			if (has_any (line, stop, types))
				return TRUE;
			break;
		}
		case RETPATH: {
			static const char *const null_sender[] = { "<>", NULL };
			if (has_any (line, stop, null_sender))
				return TRUE;
			break;
		}
		case OTHER: break;
		}
		line = eol + 1;
	}
	return FALSE;
}
