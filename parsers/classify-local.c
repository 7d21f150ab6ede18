/* classify-local.c: reading a local delivery agent's failure.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a local delivery report says is the exit status of a program, by
 * the convention of <sysexits.h>: Postfix writes the status's words
 * ("permission denied. Command output: ..."), Sendmail its own ("\"|cmd\"...
 * Insufficient permission"), Exim the number and a gloss ("returned 77
 * (could mean permission denied)"), and scripts or other systems the
 * number ("Command died with status 67", "exit code 77").  The program's
 * own output, which Postfix quotes after "Command output:", is not read
 * for the status: a program's words are not the MTA's.
 */
#include "config.h"

#include <string.h>

#include "parsers/classify-local.h"
#include "parsers/text.h"

typedef struct {
	int code;
	const char *name;
	BvCause cause, program;
	const char *detail;
} Sysexit;

static const Sysexit sysexits[] = {
#define BV_SYSEXIT(n, nm, c, p, d) { n, nm, BV_CAUSE_##c, BV_CAUSE_##p, nm " (" #n "): " d },
#define BV_SYSEXIT_TEXT(n, t, s)
#include "parsers/knowledge/sysexits.def"
#undef BV_SYSEXIT
#undef BV_SYSEXIT_TEXT
};

typedef struct {
	int code;
	const char *text;
	const char *source;
} SysexitText;

static const SysexitText texts[] = {
#define BV_SYSEXIT(n, nm, c, p, d)
#define BV_SYSEXIT_TEXT(n, t, s) { n, t, s },
#include "parsers/knowledge/sysexits.def"
#undef BV_SYSEXIT
#undef BV_SYSEXIT_TEXT
};

static const Sysexit *
find (int code)
{
	for (gsize i = 0; i < G_N_ELEMENTS (sysexits); i++)
		if (sysexits[i].code == code)
			return &sysexits[i];
	return NULL;
}

BvCause
bv_local_cause (int code, gboolean program)
{
	const Sysexit *s = find (code);
	if (s == NULL)
		return BV_CAUSE_UNDEFINED;
	return program ? s->program : s->cause;
}

const char *
bv_local_detail (int code)
{
	const Sysexit *s = find (code);
	return s ? s->detail : NULL;
}

/* Words that name a program the local delivery ran: Postfix
 * src/global/pipe_command.c ("Command output:", "Command died with status
 * N", "Command time limit exceeded", "Command failed:"), Sendmail's
 * program address ("\"|cmd\"..."), Exim src/src/transports/pipe.c ("Child
 * process of T transport returned N", "pipe to |cmd"). */
static const char *const program_marks[] = {
	"command output:",
	"command died with",
	"command time limit exceeded",
	"command failed:",
	"\"|",
	"transport returned",
	"pipe to |",
	NULL,
};

/* Words before an exit status: the MTAs' ("Command died with status 67",
 * Exim's "transport returned 67"), a script's ("exit code 77", "exited
 * with status 75", "rc=75") and other languages' ("Rückgabewert 77",
 * "code de sortie 75", "código de salida 77", "終了コード 75").  @any: the
 * words can only name a program's exit, whatever number follows
 * ("Command died with status 1": Postfix src/global/pipe_command.c writes
 * it for a status sysexits.h does not define); "returned", "return code"
 * and "status code" also stand before SMTP reply codes. */
typedef struct {
	const char *words;
	gboolean any;
} ExitLead;

static const ExitLead exit_leads[] = {
	{ "died with status", TRUE },
	{ "died with exit code", TRUE },
	{ "exited with status", TRUE },
	{ "exited with code", TRUE },
	{ "exited with exit code", TRUE },
	{ "exited with", FALSE },
	{ "exit status", TRUE },
	{ "exit code", TRUE },
	{ "exit value", TRUE },
	{ "exitcode", TRUE },
	{ "exitstatus", TRUE },
	{ "returned exit code", TRUE },
	{ "returned status", FALSE },
	{ "return code", FALSE },
	{ "returned", FALSE },
	{ "status code", FALSE },
	{ "exit", FALSE },
	{ "rc=", FALSE },
	{ "beendet mit status", TRUE },
	{ "beendet mit code", TRUE },
	{ "rückgabewert", TRUE },
	{ "rückgabecode", FALSE },
	{ "exit-code", TRUE },
	{ "exit-status", TRUE },
	{ "code de sortie", TRUE },
	{ "code de retour", FALSE },
	{ "code retour", FALSE },
	{ "statut de sortie", TRUE },
	{ "código de salida", TRUE },
	{ "código de retorno", FALSE },
	{ "codice di uscita", TRUE },
	{ "codice di ritorno", FALSE },
	{ "afsluitcode", TRUE },
	/* código de saída */
	{ "c\xc3\xb3\x64igo de sa\xc3\xad\x64\x61", TRUE },
	/* kod wyjścia */
	{ "kod wyj\xc5\x9b\x63ia", TRUE },
	/* код выхода */
	{ "\xd0\xba\xd0\xbe\xd0\xb4 \xd0\xb2\xd1\x8b\xd1\x85\xd0\xbe\xd0\xb4\xd0\xb0", TRUE },
	/* кодом выхода */
	{ "\xd0\xba\xd0\xbe\xd0\xb4\xd0\xbe\xd0\xbc \xd0\xb2\xd1\x8b\xd1\x85\xd0\xbe\xd0\xb4\xd0\xb0", TRUE },
	/* 終了コード */
	{ "\xe7\xb5\x82\xe4\xba\x86\xe3\x82\xb3\xe3\x83\xbc\xe3\x83\x89", TRUE },
	/* 退出码 */
	{ "\xe9\x80\x80\xe5\x87\xba\xe7\xa0\x81", TRUE },
	/* 退出代码 */
	{ "\xe9\x80\x80\xe5\x87\xba\xe4\xbb\xa3\xe7\xa0\x81", TRUE },
	{ NULL, FALSE },
};

/* Whether @p (at @at of @text) stands at the start of a word. */
static gboolean
word_start (const char *text, const char *at)
{
	return at == text || !g_ascii_isalnum (at[-1]);
}

/* The number (of one to three digits) after the lead word ending at @p
 * ("exit code: 77", "status=77", "exit (77)", "exit #77"), or -1; sets
 * *digits and *end to where it stands.  A number that runs on into a word
 * or a version ("77a", "7.5") is none. */
static int
number_after (const char *p, const char **digits, const char **end)
{
	while (*p == ' ' || *p == ':' || *p == '=' || *p == '(' || *p == '#')
		p++;
	const char *d = p;
	int code = 0;
	while (g_ascii_isdigit (*p) && p - d < 4)
		code = code * 10 + (*p++ - '0');
	if (p == d || p - d > 3 || g_ascii_isalnum (*p) || (*p == '.' && g_ascii_isdigit (p[1])))
		return -1;
	*digits = d;
	*end = p;
	return code;
}

/* Whether @code is an exit status sysexits.h defines (64-78), and stands
 * as two digits. */
static gboolean
sysexit_number (int code, const char *d, const char *p)
{
	return code >= 64 && code <= 78 && p - d == 2;
}

/* Whether @code is an exit status of 1 to 127 that sysexits.h does not
 * define.  Above 127 a shell reports a signal (128 + n), and a number
 * such as 250 may as well be an SMTP reply. */
static gboolean
other_number (int code, const char *d G_GNUC_UNUSED, const char *p G_GNUC_UNUSED)
{
	return code >= 1 && code <= 127 && !(code >= 64 && code <= 78);
}

/* The earliest exit status that @accept takes after one of exit_leads in
 * @low (the folded text), or -1; sets *start and *end to where the number
 * stands (@from_lead: the lead and the number, after a lead that can name
 * only a program's exit). */
static int
lead_number (const char *low, gboolean (*accept) (int, const char *, const char *), gboolean from_lead,
             gsize *start, gsize *end)
{
	int best = -1;
	gsize best_at = G_MAXSIZE;
	for (const ExitLead *l = exit_leads; l->words; l++) {
		/* A status sysexits.h does not define follows only words
		 * that can name nothing but a program's exit. */
		if (from_lead && !l->any)
			continue;
		gsize n = strlen (l->words);
		for (const char *at = strstr (low, l->words); at; at = strstr (at + 1, l->words)) {
			const char *d, *p;
			if (!word_start (low, at))
				continue;
			int code = number_after (at + n, &d, &p);
			gsize from = (gsize)((from_lead ? at : d) - low);
			if (code < 0 || !accept (code, d, p) || from >= best_at)
				continue;
			best = code;
			best_at = from;
			*start = from;
			*end = (gsize)(p - low);
		}
	}
	return best;
}

/* Whether @diag is an exit status alone ("75"): Sendmail writes the status
 * number as the Diagnostic-Code of a program that exited EX_TEMPFAIL until
 * the message expired. */
static int
bare_number (const char *diag)
{
	const char *p = diag;
	while (*p == ' ')
		p++;
	if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
		return -1;
	const char *q = p + 2;
	while (*q == ' ')
		q++;
	if (*q != '\0')
		return -1;
	int code = (p[0] - '0') * 10 + (p[1] - '0');
	return code >= 64 && code <= 78 ? code : -1;
}

void
bv_local_read (const char *diag, gboolean x_unix, BvLocalExit *out)
{
	*out = (BvLocalExit){ .code = -1 };
	if (diag == NULL || diag[0] == '\0')
		return;
	/* Lower case, byte for byte, so that offsets stay those of @diag;
	 * the accented letters of the other languages' words are lower
	 * case already where they stand. */
	g_autofree char *low = g_ascii_strdown (diag, -1);
	for (const char *const *m = program_marks; *m && !out->program; m++)
		out->program = strstr (low, *m) != NULL;
	/* The program's own output is not the MTA's account of its exit. */
	gsize mta_len = strlen (low);
	const char *output = strstr (low, "command output:");
	if (output)
		mta_len = (gsize)(output - low);
	g_autofree char *mta = g_strndup (low, mta_len);

	/* Sendmail's program address ("\"|cat; exit 77\"... User unknown")
	 * is the command line, not an account of its exit. */
	for (char *q = strstr (mta, "\"|"); q; q = strstr (q, "\"|")) {
		char *close = strchr (q + 2, '"');
		gsize n = close ? (gsize)(close - q) + 1 : strlen (q);
		memset (q, ' ', n);
		q += n;
	}

	gsize start = 0, end = 0;
	int number = lead_number (mta, sysexit_number, FALSE, &start, &end);
	if (number < 0 && x_unix)
		number = bare_number (mta);
	if (number < 0)
		out->other_exit =
		        lead_number (mta, other_number, TRUE, &out->exit_start, &out->exit_end) >= 0;
	out->program = out->program || number >= 0 || out->other_exit;
	out->local = out->program;
	if (!(x_unix || out->local))
		return;
	/* The MTA's words for the status, the earliest; else the number. */
	const char *best = NULL;
	for (gsize i = 0; i < G_N_ELEMENTS (texts); i++) {
		const char *at = strstr (mta, texts[i].text);
		if (at == NULL || !word_start (mta, at) || (best && at >= best))
			continue;
		gsize n = strlen (texts[i].text);
		if (g_ascii_isalnum (at[n]))
			continue;
		best = at;
		out->code = texts[i].code;
		out->start = (gsize)(at - mta);
		out->end = out->start + n;
		out->source = texts[i].source;
	}
	if (best == NULL && number >= 0) {
		out->code = number;
		out->start = start;
		out->end = end ? end : strlen (mta);
		out->source = "sysexits.h (BSD sysexits(3)): the exit status of the delivery program";
	}
}
