/* classify-local.h: reading a local delivery agent's failure.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to classify*.c.  A local delivery (Postfix local(8) and pipe(8),
 * Sendmail's local and prog mailers, Exim's pipe transport, Courier's and
 * qmail's local delivery) reports the exit status of the program it ran by
 * the convention of <sysexits.h>; parsers/knowledge/sysexits.def lists the
 * statuses, their causes and the words each MTA writes for them.
 */
#ifndef BV_CLASSIFY_LOCAL_H
#define BV_CLASSIFY_LOCAL_H

#include "parsers/bounce.h"

G_BEGIN_DECLS

typedef struct {
	/* The text names a program's exit: Postfix's "Command output:",
	 * Sendmail's "\"|command\"...", Exim's "transport returned", an
	 * exit status ("exit code 77", "exited with status 75"). */
	gboolean program;
	/* The text alone says a local delivery failed (a program's exit, as
	 * above): with a Diagnostic-Code type x-unix the report says so. */
	gboolean local;
	/* The text names a program's exit with a status sysexits.h does
	 * not define ("exit code 1", "code de sortie 2"): the program failed,
	 * and its number says no more.  Where it stands: exit_start, exit_end. */
	gboolean other_exit;
	gsize exit_start, exit_end;
	int code;           /* the sysexits status found, -1 for none */
	gsize start, end;   /* where its words or number stand in the text */
	const char *source; /* where the words come from, or NULL */
} BvLocalExit;

/* Reads @diag (NULL is empty): what it says of a local delivery.  @x_unix
 * says the report's Diagnostic-Code type is x-unix, so that the MTAs'
 * words for an exit status count anywhere in the text. */
void bv_local_read (const char *diag, gboolean x_unix, BvLocalExit *out);

/* The cause of exit status @code (64-78), for a program of the recipient's
 * (@program) or the local delivery agent itself; BV_CAUSE_UNDEFINED for a
 * status the table does not know. */
BvCause bv_local_cause (int code, gboolean program);

/* What exit status @code means ("EX_NOPERM (77): ..."), or NULL. */
const char *bv_local_detail (int code);

G_END_DECLS

#endif
