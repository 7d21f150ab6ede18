/* autoreply.c: what marks an automatic reply.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "parsers/autoreply.h"

#include "parsers/text.h"

#include <string.h>

/* The phrases mail clients and servers put in the subject of an automatic
 * reply: Outlook and Exchange ("Automatic reply:", "Out of Office:"),
 * vacation(1) and its followers, and the same in the languages the
 * clients ship (German, French, Spanish, Italian, Portuguese, Russian,
 * Chinese, Japanese). */
const char *const bv_autoreply_subjects[] = {
	"out of office",
	"out of the office",
	"auto-reply",
	"autoreply",
	"auto reply",
	"automatic reply",
	"autoresponse",
	"auto-response",
	"vacation",
	"away from",
	"abwesenheit",
	"automatische antwort",
	"\xe8\x87\xaa\xe5\x8a\xa8\xe5\x9b\x9e\xe5\xa4\x8d", /* 自动回复 */
	"\xe8\x87\xaa\xe5\x8b\x95\xe5\x9b\x9e\xe8\xa6\x86", /* 自動回覆 */
	"\xe8\x87\xaa\xe5\x8b\x95\xe8\xbf\x94\xe4\xbf\xa1", /* 自動返信 */
	"\xe8\x87\xaa\xe5\x8b\x95\xe5\xbf\x9c\xe7\xad\x94", /* 自動応答 */
	"\xe4\xb8\x8d\xe5\x9c\xa8\xe9\x80\x9a\xe7\x9f\xa5", /* 不在通知 */
	"r\xc3\xa9ponse automatique",
	"respuesta autom",
	"risposta automatica",
	"resposta autom",
	"\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82", /* автоответ */
	/* The words for an automatic reply in more languages, as the
	 * subject prefixes of localized mail clients write them (Outlook's
	 * "Automatisch antwoord:", "Otomatik yanıt:", "자동 회신:" ...; no
	 * Microsoft page lists the prefixes: each is the language's usual
	 * term).  Matching folds ASCII case only, so a word that begins a
	 * subject in a script with capitals is listed as it begins one. */
	"automatisch antwoord",          /* automatisch antwoord: Dutch */
	"odpowied\xc5\xba automatyczna", /* odpowiedź automatyczna: Polish */
	"automatyczna odpowied\xc5\xba", /* automatyczna odpowiedź: Polish */
	"otomatik yan\xc4\xb1t",         /* otomatik yanıt: Turkish */
	"\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd0\xbc\xd0\xb0\xd1\x82\xd0\xb8\xd1\x87\xd0\xb5\xd1\x81\xd0\xba\xd0"
	"\xb8\xd0\xb9 \xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82", /* Автоматический ответ: Russian, as a subject begins */
	"\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd0\xbc\xd0\xb0\xd1\x82\xd0\xb8\xd1\x87\xd0\xb5\xd1\x81\xd0\xba\xd0"
	"\xb8\xd0\xb9 \xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82", /* автоматический ответ: Russian */
	"\xec\x9e\x90\xeb\x8f\x99 \xed\x9a\x8c\xec\x8b\xa0", /* 자동 회신: Korean */
	"\xe8\x87\xaa\xe5\x8a\xa8\xe7\xad\x94\xe5\xa4\x8d",  /* 自动答复: Simplified Chinese */
	"autosvar",                                          /* autosvar: Swedish, Danish, Norwegian */
	"automatick\xc3\xa1 odpov\xc4\x9b\xc4\x8f",          /* automatická odpověď: Czech */
	"automaattinen vastaus",                             /* automaattinen vastaus: Finnish */
	"automatikus v\xc3\xa1lasz",                         /* automatikus válasz: Hungarian */
	"\xce\x91\xcf\x85\xcf\x84\xcf\x8c\xce\xbc\xce\xb1\xcf\x84\xce\xb7 "
	"\xce\xb1\xcf\x80\xce\xac\xce\xbd\xcf\x84\xce\xb7\xcf\x83\xce\xb7", /* Αυτόματη απάντηση: Greek, as a subject begins */
	NULL,
};

/* X-Autoreply and X-Autorespond (written by many vacation programs and
 * hosting panels' autoresponders), X-Vacation (vacation(1) variants). */
const char *const bv_autoreply_headers[] = { "X-Autoreply", "X-Autorespond", "X-Vacation", NULL };

gboolean
bv_autoreply_subject (const char *subject)
{
	if (subject == NULL)
		return FALSE;
	while (*subject == ' ' || *subject == '\t')
		subject++;
	/* Lotus Notes and Domino write their out-of-office replies as "AUTO:
	 * <name> is out of the office (returning ...)", in capitals. */
	if (g_str_has_prefix (subject, "AUTO:"))
		return TRUE;
	/* The prefix ends at the first colon (also the full-width one of
	 * Chinese and Japanese clients) or closing bracket. */
	gsize end = strcspn (subject, ":]");
	const char *wide = strstr (subject, "\xef\xbc\x9a");
	if (wide != NULL && (gsize)(wide - subject) < end)
		end = (gsize)(wide - subject);
	if (subject[end] == '\0' && wide == NULL)
		return FALSE;
	g_autofree char *prefix = g_strndup (subject, end);
	return bv_text_find_any_ci (prefix, bv_autoreply_subjects) != NULL;
}
