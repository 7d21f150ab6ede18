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
 * "code de sortie 75", "código de salida 77"). */
static const char *const exit_leads[] = {
	"died with status",
	"died with exit code",
	"exited with status",
	"exited with code",
	"exited with exit code",
	"exited with",
	"exit status",
	"exit code",
	"exit value",
	"exitcode",
	"exitstatus",
	"returned exit code",
	"returned status",
	"return code",
	"returned",
	"status code",
	"exit",
	"rc=",
	"beendet mit status",
	"beendet mit code",
	"rückgabewert",
	"rückgabecode",
	"exit-code",
	"exit-status",
	"code de sortie",
	"code de retour",
	"code retour",
	"statut de sortie",
	"código de salida",
	"código de retorno",
	"codice di uscita",
	"codice di ritorno",
	"afsluitcode",
	NULL,
};

/* Whether @p (at @at of @text) stands at the start of a word. */
static gboolean
word_start (const char *text, const char *at)
{
	return at == text || !g_ascii_isalnum (at[-1]);
}

/* The first exit status (64-78) after one of exit_leads in @low (the
 * folded text, @len bytes), or -1; sets *start and *end to the number. */
static int
exit_number (const char *low, gsize *start, gsize *end)
{
	int best = -1;
	gsize best_at = G_MAXSIZE;
	for (const char *const *l = exit_leads; *l; l++) {
		gsize n = strlen (*l);
		for (const char *at = strstr (low, *l); at; at = strstr (at + 1, *l)) {
			if (!word_start (low, at))
				continue;
			const char *p = at + n;
			/* "exit code: 77", "status=77", "exit (77)", "exit #77". */
			while (*p == ' ' || *p == ':' || *p == '=' || *p == '(' || *p == '#')
				p++;
			const char *d = p;
			while (g_ascii_isdigit (*p))
				p++;
			if (p - d != 2 || g_ascii_isalnum (*p) || (*p == '.' && g_ascii_isdigit (p[1])))
				continue;
			int code = (d[0] - '0') * 10 + (d[1] - '0');
			if (code < 64 || code > 78 || (gsize)(d - low) >= best_at)
				continue;
			best = code;
			best_at = (gsize)(d - low);
			*start = best_at;
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
	int number = exit_number (mta, &start, &end);
	if (number < 0 && x_unix)
		number = bare_number (mta);
	out->program = out->program || number >= 0;
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
