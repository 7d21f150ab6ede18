/* lhost-googlegroups.c: Google Groups posting rejections.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a post to a group is refused, mailer-daemon@googlemail.com answers
 * with X-Failed-Recipients naming the group address (@googlegroups.com)
 * and a letter: "We're writing to let you know that the group you tried to
 * contact (NAME) may not exist, or you may not have permission to post
 * messages to the group.", a list of possible reasons, "Google Groups",
 * and the inline copy after "----- Original message -----".  No codes.
 * The letter is written in the poster's language ("Wir möchten Sie darüber
 * informieren, dass die Gruppe ... (NAME) ...", "連絡しようとしたグループ
 * （NAME）は ..."), so the group's name in brackets, not the English
 * wording, finds the explanation. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

/* The paragraph of @body that names the group @name in brackets, ASCII or
 * full-width: "(NAME)" or "（NAME）".  Sets *@end to where it ends. */
static const char *
paragraph_naming (const char *body, const char *name, const char **end)
{
	static const char *const opens[] = { "(", "\xef\xbc\x88", NULL };
	const char *hit = NULL;
	for (const char *const *o = opens; *o && hit == NULL; o++) {
		g_autofree char *needle = g_strconcat (*o, name, NULL);
		hit = bv_text_find_ci (body, needle);
	}
	if (hit == NULL)
		return NULL;
	const char *start = hit;
	while (start > body && !(start[-1] == '\n' && start - 1 > body && start[-2] == '\n'))
		start--;
	*end = strstr (hit, "\n\n");
	return start;
}

/* The group's name: the local part of its first failed address. */
static char *
group_name (const char *failed)
{
	g_autofree char *addr = bv_address_extract (failed);
	const char *at = addr ? strchr (addr, '@') : NULL;
	return at ? g_strndup (addr, at - addr) : NULL;
}

static gboolean
googlegroups_parse (BvMail *mail, BvReport *report)
{
	const char *failed = bv_mail_header (mail, "X-Failed-Recipients");
	if (failed == NULL || bv_text_find_ci (failed, "@googlegroups.com") == NULL)
		return FALSE;
	const char *body = mail->body->str;
	const char *end = NULL;
	const char *letter = bv_text_find_ci (body, "We're writing to let you know");
	if (letter == NULL) {
		g_autofree char *name = group_name (failed);
		if (name != NULL)
			letter = paragraph_naming (body, name, &end);
	}
	if (letter == NULL)
		letter = bv_text_find_ci (body, "Google Groups");
	if (letter == NULL)
		return FALSE;
	/* The explanation: from the letter's first sentence up to the
	 * closing lines. */
	static const char *const closings[] = { "If you have questions", "Thanks,", "----- Original message",
		                                NULL };
	for (const char *const *c = closings; *c && end == NULL; c++)
		end = bv_text_find_ci (letter, *c);
	g_autofree char *diag = bv_text_normalise (letter, end ? end - letter : -1);
	g_auto (GStrv) addrs = g_strsplit (failed, ",", -1);
	guint before = report->recipients->len;
	for (char **a = addrs; *a; a++) {
		g_autofree char *addr = bv_address_extract (*a);
		if (addr == NULL)
			continue;
		BvRecipient *r = bv_scrape_add (report, addr);
		bv_scrape_set (&r->action, "failed");
		bv_scrape_set_diagnostic (r, diag, -1);
	}
	const char *original = bv_scrape_find_line (body, "----- Original message");
	if (original != NULL)
		bv_scrape_take_original (mail, bv_scrape_next_line (original));
	return report->recipients->len > before;
}

const BvLhost bv_lhost_googlegroups = { "googlegroups", googlegroups_parse };
