/* index-helper.c: what the index tests and the benchmark need beyond the
 * command line.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   index-helper dump MAILDIR    the model as sorted text lines: every group
 *                                of every dimension, every address's
 *                                history, the proposals and the marks
 *   index-helper lock MAILDIR    hold the write lock of bounceview's own
 *                                database of MAILDIR until stdin closes
 *                                (prints "locked" once it holds it)
 *   index-helper time MAILDIR    seconds from nothing to the first groups
 *                                (open + groups by cause), and the count
 *   index-helper preview MAILDIR ADDRESS...
 *                                what marking the addresses would do
 *                                (bv_model_mark_preview), as key=value lines
 *   index-helper mark MAILDIR ADDRESS
 *                                the model opened once, then ADDRESS marked
 *                                and unmarked 20 times (bv_model_mark, what
 *                                `m` in the UI does): the open's seconds and
 *                                the median seconds of one mark and unmark
 */
#include "config.h"

#include <notmuch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/bounce.h"
#include "index/model.h"

static BvModel *
open_model (const char *maildir)
{
	BvModelOptions o = { .maildir = maildir };
	g_autoptr (GError) error = NULL;
	BvModel *m = bv_model_open (&o, &error);
	if (m == NULL)
		fprintf (stderr, "%s\n", error->message);
	return m;
}

static int
dump (const char *maildir)
{
	g_autoptr (GError) error = NULL;
	g_autoptr (BvModel) m = open_model (maildir);
	if (m == NULL)
		return 1;
	for (int d = 0; d < BV_DIMENSION_COUNT; d++) {
		g_autoptr (GPtrArray) groups = bv_model_groups (m, d, NULL);
		for (guint i = 0; i < groups->len; i++) {
			BvGroup *g = groups->pdata[i];
			printf ("group\t%s\t%s\t%u\t%u\t%u\t%u\t%u\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
			        "\n",
			        bv_dimension_id (d), g->key, g->bounces, g->addresses, g->hard, g->soft,
			        g->marked, g->first_seen, g->last_seen);
		}
	}
	g_autoptr (GPtrArray) addresses = bv_model_addresses (m, BV_DIMENSION_ADDRESS, NULL, NULL);
	for (guint i = 0; i < addresses->len; i++) {
		BvAddress *a = addresses->pdata[i];
		printf ("address\t%s\t%u\t%u\t%u\t%s\t%d\n", a->address, a->bounces, a->hard, a->soft,
		        bv_cause_id (a->last_cause), a->marked);
		g_autoptr (GPtrArray) history = bv_model_history (m, a->address);
		for (guint j = 0; j < history->len; j++) {
			BvBounce *b = history->pdata[j];
			printf ("history\t%s\t%" G_GINT64_FORMAT "\t%s\t%d\t%s\t%s\t%s\t%d\n", b->address,
			        b->date, bv_cause_id (b->cause), b->hard, b->action, b->status, b->message_id,
			        b->verified);
			g_autoptr (BvBounceDetail) detail = bv_model_bounce_detail (m, b, &error);
			if (detail == NULL) {
				fprintf (stderr, "%s\n", error->message);
				return 1;
			}
			printf ("detail\t%s\t%s\t%s\t%d\n", detail->recipient->recipient,
			        detail->recipient->diagnostic, detail->original.message_id,
			        g_file_test (detail->path, G_FILE_TEST_IS_REGULAR));
		}
	}
	g_autoptr (GPtrArray) proposals = bv_model_proposals (m);
	for (guint i = 0; i < proposals->len; i++) {
		BvProposal *p = proposals->pdata[i];
		printf ("proposal\t%s\t%s\t%u\t%s\t%u\t%s\t%s\n", p->address,
		        p->reason == BV_PROPOSAL_HARD ? "hard" : "repeated", p->bounces,
		        bv_cause_id (p->cause), p->ignored, p->evidence->status, p->evidence->message_id);
	}
	g_autoptr (GPtrArray) marks = bv_model_marks (m);
	for (guint i = 0; i < marks->len; i++) {
		BvMark *k = marks->pdata[i];
		printf ("mark\t%s\t%s\t%s\t%s\n", k->address, bv_cause_id (k->cause),
		        bv_mark_source_id (k->source), k->note);
	}
	return 0;
}

static int
preview (const char *maildir, char **addresses)
{
	g_autoptr (BvModel) m = open_model (maildir);
	if (m == NULL)
		return 1;
	g_autoptr (BvMarkPreview) p = bv_model_mark_preview (m, (const char *const *)addresses);
	printf ("addresses=%u\nalready_marked=%u\nproposed=%u\npending=%u\nsender_side=%u\nunverified=%u\n"
	        "unknown=%u\n",
	        p->addresses, p->already_marked, p->proposed, p->pending, p->sender_side, p->unverified,
	        p->unknown);
	for (guint i = 0; i < p->causes->len; i++) {
		const BvPreviewCause *c = &g_array_index (p->causes, BvPreviewCause, i);
		printf ("cause=%s:%u:%s\n", bv_cause_id (c->cause), c->addresses,
		        c->recipient_side ? "recipient" : "other");
	}
	printf ("warning=%s\n", p->warning != NULL ? p->warning : "");
	return 0;
}

static int
compare_doubles (const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int
time_marks (const char *maildir, const char *address)
{
	gint64 start = g_get_monotonic_time ();
	g_autoptr (BvModel) m = open_model (maildir);
	if (m == NULL)
		return 1;
	double open = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
	enum { ROUNDS = 20 };
	double mark[ROUNDS], unmark[ROUNDS];
	const char *list[] = { address, NULL };
	for (int i = 0; i < ROUNDS; i++) {
		g_autoptr (GError) error = NULL;
		gint64 t0 = g_get_monotonic_time ();
		if (!bv_model_mark (m, list, BV_MARK_BY_HAND, NULL, &error)) {
			fprintf (stderr, "%s\n", error->message);
			return 1;
		}
		gint64 t1 = g_get_monotonic_time ();
		if (bv_model_get_mark (m, address) == NULL || !bv_model_unmark (m, list, &error) ||
		    bv_model_get_mark (m, address) != NULL) {
			fprintf (stderr, "mark or unmark did not show\n");
			return 1;
		}
		gint64 t2 = g_get_monotonic_time ();
		mark[i] = (t1 - t0) / (double)G_USEC_PER_SEC;
		unmark[i] = (t2 - t1) / (double)G_USEC_PER_SEC;
	}
	qsort (mark, ROUNDS, sizeof (double), compare_doubles);
	qsort (unmark, ROUNDS, sizeof (double), compare_doubles);
	g_autoptr (GPtrArray) marks = bv_model_marks (m);
	printf ("open %.3f s, %u marks; mark %.4f s, unmark %.4f s (median of %d)\n", open, marks->len,
	        mark[ROUNDS / 2], unmark[ROUNDS / 2], ROUNDS);
	return 0;
}

static int
hold_lock (const char *maildir)
{
	notmuch_database_t *db = NULL;
	char *msg = NULL;
	if (notmuch_database_open_with_config (maildir, NOTMUCH_DATABASE_MODE_READ_WRITE, "", NULL, &db,
	                                       &msg) != NOTMUCH_STATUS_SUCCESS) {
		fprintf (stderr, "%s\n", msg != NULL ? msg : "cannot open");
		return 1;
	}
	printf ("locked\n");
	fflush (stdout);
	char buf[64];
	while (fgets (buf, sizeof buf, stdin) != NULL)
		;
	notmuch_database_destroy (db);
	return 0;
}

static int
time_first_groups (const char *maildir)
{
	gint64 start = g_get_monotonic_time ();
	g_autoptr (BvModel) m = open_model (maildir);
	if (m == NULL)
		return 1;
	g_autoptr (GPtrArray) groups = bv_model_groups (m, BV_DIMENSION_CAUSE, NULL);
	double secs = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
	printf ("%.3f %u %u\n", secs, bv_model_n_bounces (m), groups->len);
	return 0;
}

int
main (int argc, char **argv)
{
	bv_init ();
	int status = 2;
	if (argc == 3 && strcmp (argv[1], "dump") == 0)
		status = dump (argv[2]);
	else if (argc == 3 && strcmp (argv[1], "lock") == 0)
		status = hold_lock (argv[2]);
	else if (argc == 3 && strcmp (argv[1], "time") == 0)
		status = time_first_groups (argv[2]);
	else if (argc == 4 && strcmp (argv[1], "mark") == 0)
		status = time_marks (argv[2], argv[3]);
	else if (argc >= 3 && strcmp (argv[1], "preview") == 0)
		status = preview (argv[2], argv + 3);
	else
		fprintf (stderr, "usage: index-helper dump|lock|time|preview|mark MAILDIR\n");
	bv_shutdown ();
	return status;
}
