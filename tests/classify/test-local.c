/* test-local.c: failures of local delivery, aliases and delivery programs
 * (parsers/classify-local.c, parsers/knowledge/sysexits.def).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row is a recipient as a parser leaves it: its status, reply code,
 * Diagnostic-Code type and text, and the mail system.  The rows give the
 * MTAs' own wording (Postfix src/global/sys_exits.c and pipe_command.c,
 * Sendmail libsm/strexit.c, Exim src/src/os.c and transports/pipe.c,
 * Courier module.local, qmail-local.c), paraphrases a script or another
 * system would write, and near misses: a remote server's reply that says
 * "local" or "user unknown" stays a server's reply.
 */
#include "config.h"

#include <glib.h>

#include "parsers/bounce.h"
#include "parsers/catalog.h"
#include "parsers/classify.h"

typedef struct {
	const char *status, *reply, *dtype, *mta, *diag;
	BvCause cause;
} Row;

static BvRecipient *
make (const Row *row)
{
	BvRecipient *r = bv_recipient_new ();
	r->recipient = g_strdup ("someone@local.example.org");
	r->action = g_strdup ("failed");
	r->status = g_strdup (row->status);
	r->reply_code = g_strdup (row->reply);
	r->command = g_strdup ("");
	r->diagnostic = g_strdup (row->diag);
	r->diagnostic_type = g_strdup (row->dtype);
	r->mta = g_strdup (row->mta);
	r->remote_mta = g_strdup ("");
	r->reporting_mta = g_strdup ("mta.example.org");
	bv_recipient_fill_empty (r);
	return r;
}

static void
check_rows (const Row *rows, gsize n)
{
	for (gsize i = 0; i < n; i++) {
		g_autoptr (BvRecipient) r = make (&rows[i]);
		bv_classify (r, BV_KIND_FAILED);
		if (r->cause != rows[i].cause)
			g_test_message ("row %zu: \"%s\" (%s): got %s (%s: %s), want %s", i, rows[i].diag,
			                rows[i].dtype, bv_cause_id (r->cause), r->evidence.rule,
			                r->evidence.matched, bv_cause_id (rows[i].cause));
		g_assert_cmpstr (bv_cause_id (r->cause), ==, bv_cause_id (rows[i].cause));
	}
}

/* The exit status of a delivery program decides, not its own words. */
static void
test_exit_status (void)
{
	static const Row rows[] = {
		/* Postfix pipe(8): sys_exits.c's text, then the program's output. */
		{ "5.7.0", "", "x-unix", "postfix", "permission denied. Command output: cannot open mailbox",
		  BV_CAUSE_SYSTEMERROR },
		{ "4.3.0", "", "x-unix", "postfix",
		  "temporary failure. Command output: mailbox temporarily locked", BV_CAUSE_MAILERERROR },
		{ "5.1.1", "", "x-unix", "postfix", "user unknown. Command output: no such mailbox here",
		  BV_CAUSE_MAILERERROR },
		{ "5.3.0", "", "x-unix", "postfix", "internal software error", BV_CAUSE_MAILERERROR },
		{ "5.2.0", "", "x-unix", "postfix", "can't create user output file. Command output: no",
		  BV_CAUSE_MAILERERROR },
		/* The program's output is not read for the status: "permission
		 * denied" after "Command output:" is the program's word. */
		{ "4.3.0", "", "x-unix", "postfix", "temporary failure. Command output: Permission denied",
		  BV_CAUSE_MAILERERROR },
		/* Sendmail deliver.c giveresponse(): the program address, then
		 * libsm/strexit.c's text; the command line is not read. */
		{ "5.0.0", "550", "x-unix", "sendmail",
		  "550 5.0.0 \"|/usr/bin/filter; exit 75\"... Insufficient permission",
		  BV_CAUSE_SYSTEMERROR },
		{ "5.1.1", "550", "x-unix", "sendmail",
		  "550 5.1.1 \"|/usr/local/bin/deliver --user\"... User unknown", BV_CAUSE_MAILERERROR },
		{ "4.4.7", "", "x-unix", "sendmail", "75", BV_CAUSE_MAILERERROR },
		{ "5.0.0", "", "x-unix", "sendmail", "77", BV_CAUSE_SYSTEMERROR },
		{ "4.0.0", "451", "x-unix", "sendmail", "451 4.0.0 I/O error", BV_CAUSE_MAILERERROR },
		/* Exim transports/pipe.c with os.c's gloss. */
		{ "5.0.0", "", "", "exim",
		  "Child process of pipe77 transport returned 77 (could mean permission denied) from "
		  "command: /bin/sh",
		  BV_CAUSE_SYSTEMERROR },
		{ "5.0.0", "", "", "exim",
		  "Child process of pipe67 transport returned 67 (could mean user nonexistent) from "
		  "command: /usr/bin/procmail",
		  BV_CAUSE_MAILERERROR },
		/* Paraphrases: a script's or another system's words for the
		 * status, in any casing, with or without a type. */
		{ "5.3.0", "", "x-unix", "", "Command died with status 67: \"/usr/bin/deliver\"",
		  BV_CAUSE_MAILERERROR },
		{ "", "", "", "", "delivery program exited with status 77", BV_CAUSE_SYSTEMERROR },
		{ "", "", "", "", "Mailbox delivery failed: exit code 77 (cannot open mailbox)",
		  BV_CAUSE_SYSTEMERROR },
		{ "", "", "", "", "LOCAL DELIVERY PROGRAM EXITED WITH CODE 75: MAILBOX TEMPORARILY LOCKED",
		  BV_CAUSE_MAILERERROR },
		{ "5.0.0", "", "", "", "procmail: program returned exit-code=77", BV_CAUSE_SYSTEMERROR },
		{ "5.0.0", "", "", "", "Zustellprogramm beendet mit Status 77: Postfach gesperrt",
		  BV_CAUSE_SYSTEMERROR },
		{ "5.0.0", "", "", "", "le programme de livraison a échoué, code de sortie 75",
		  BV_CAUSE_MAILERERROR },
		{ "5.0.0", "", "x-unix", "", "Programm fehlgeschlagen: Zugriff verweigert",
		  BV_CAUSE_SYSTEMERROR },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

/* The local delivery agent itself (no program of the recipient's) saying
 * the user does not exist: Sendmail recipient.c giveresponse(EX_NOUSER)
 * under the local mailer's X-Unix type. */
static void
test_local_user (void)
{
	static const Row rows[] = {
		{ "5.1.1", "550", "x-unix", "sendmail", "550 5.1.1 User unknown", BV_CAUSE_USERUNKNOWN },
		{ "5.1.1", "550", "x-unix", "sendmail",
		  "550 5.1.1 <nobody@local.example.org>... User unknown", BV_CAUSE_USERUNKNOWN },
		{ "5.0.0", "", "x-unix", "", "user unknown", BV_CAUSE_USERUNKNOWN },
		{ "5.0.0", "", "x-unix", "", "Benutzer unbekannt", BV_CAUSE_USERUNKNOWN },
		/* Courier deliver.C: "Unknown user." before exit EX_NOUSER. */
		{ "5.0.0", "", "x-unix", "courier", "Unknown user.", BV_CAUSE_USERUNKNOWN },
		/* Its errno text still names a full mailbox (local(8), mail_copy.c). */
		{ "5.2.2", "", "x-unix", "postfix",
		  "cannot update mailbox /var/mail/u for user u. error writing message: Disk quota exceeded",
		  BV_CAUSE_MAILBOXFULL },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

/* Near misses: a remote server's reply stays what it is, and numbers
 * that are no exit status are not read as one. */
static void
test_near_misses (void)
{
	static const Row rows[] = {
		{ "5.1.1", "550", "smtp", "postfix",
		  "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient "
		  "table",
		  BV_CAUSE_USERUNKNOWN },
		{ "5.7.1", "550", "smtp", "", "550 5.7.1 Permission denied: local policy",
		  BV_CAUSE_POLICYVIOLATION },
		{ "5.0.0", "554", "smtp", "", "554 5.0.0 Service unavailable; exit status 250 of filter",
		  BV_CAUSE_ONHOLD },
		{ "5.2.2", "552", "smtp", "", "552 5.2.2 local mailbox full, exit 77 not reached",
		  BV_CAUSE_MAILBOXFULL },
		{ "", "", "", "", "the exit of the building is closed for 75 minutes", BV_CAUSE_ONHOLD },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

/* Exim's own router failing an address (routers/redirect.c): an alias
 * file's ":fail:" with the administrator's free text, or "forced
 * rejection" without one.  The address is not deliverable there. */
static void
test_exim_fail (void)
{
	static const Row rows[] = {
		{ "5.0.0", "", "", "exim", "this address no longer exists", BV_CAUSE_USERUNKNOWN },
		{ "5.0.0", "", "", "exim", "forced rejection", BV_CAUSE_USERUNKNOWN },
		{ "", "", "", "exim", "NO SUCH USER HERE ANY MORE", BV_CAUSE_USERUNKNOWN },
		{ "5.0.0", "", "", "exim", "Diese Adresse existiert nicht mehr", BV_CAUSE_USERUNKNOWN },
		/* Words of another cause still say which. */
		{ "5.0.0", "", "", "exim", "retry timeout exceeded", BV_CAUSE_EXPIRED },
		/* Exim's other own failures, and a :fail: text that names no
		 * cause, read the same: no unknown user is made of them.  The
		 * ones whose words name a cause take it: the host's
		 * configuration (deliver.c), a loop to itself
		 * (rf_self_action.c). */
		{ "5.0.0", "", "", "exim", "delivery to pipe forbidden", BV_CAUSE_SYSTEMERROR },
		{ "5.0.0", "", "", "exim", "lowest numbered MX record points to local host",
		  BV_CAUSE_NETWORKERROR },
		{ "5.0.0", "", "", "exim", "bob@lists.example.org is a closed mailing list",
		  BV_CAUSE_ONHOLD },
		{ "5.0.0", "", "", "exim", "mailbox is full: retry timeout exceeded", BV_CAUSE_MAILBOXFULL },
		{ "5.0.0", "", "", "exim", "local delivery failed", BV_CAUSE_MAILERERROR },
		/* Near misses: the same words as a remote server's reply after
		 * DATA are a filter's, and another system's report of them is
		 * not Exim's routing. */
		{ "5.0.0", "550", "smtp", "exim", "550 this address no longer exists", BV_CAUSE_FILTERED },
		{ "5.0.0", "", "", "postfix", "this address no longer exists", BV_CAUSE_FILTERED },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

/* The host's own configuration refuses the local delivery the recipient's
 * alias, .forward or filter asks for (knowledge/wordings.def): the
 * receiving system's state, systemerror. */
static void
test_host_refuses (void)
{
	static const Row rows[] = {
		/* Postfix src/local/token.c and file.c. */
		{ "5.7.1", "", "x-unix", "postfix", "mail to command is restricted", BV_CAUSE_SYSTEMERROR },
		{ "5.7.1", "", "", "", "Delivery failed: MAIL TO FILE IS RESTRICTED (allow_mail_to_files)",
		  BV_CAUSE_SYSTEMERROR },
		/* Sendmail recipient.c. */
		{ "5.7.1", "550", "x-unix", "sendmail",
		  "550 5.7.1 User bob@mta.example.org doesn't have a valid shell for mailing to programs",
		  BV_CAUSE_SYSTEMERROR },
		{ "5.7.1", "550", "x-unix", "sendmail",
		  "550 5.7.1 UID 1001 does not have a valid shell for mailing to files",
		  BV_CAUSE_SYSTEMERROR },
		/* Exim routers/redirect.c: the alias or filter data is broken,
		 * which is no unknown user even in Exim's own report. */
		{ "5.0.0", "", "", "exim", "error in redirect data: missing or malformed local part",
		  BV_CAUSE_SYSTEMERROR },
		{ "4.0.0", "", "", "exim", "Error in filter file: unknown filtering command \"foo\"",
		  BV_CAUSE_SYSTEMERROR },
		{ "5.0.0", "", "", "exim", "syntax error in redirection data", BV_CAUSE_SYSTEMERROR },
	};
	check_rows (rows, G_N_ELEMENTS (rows));
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/local/exit-status", test_exit_status);
	g_test_add_func ("/local/local-user", test_local_user);
	g_test_add_func ("/local/near-misses", test_near_misses);
	g_test_add_func ("/local/exim-fail", test_exim_fail);
	g_test_add_func ("/local/host-refuses", test_host_refuses);
	return g_test_run ();
}
