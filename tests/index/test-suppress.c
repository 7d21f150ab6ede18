/* test-suppress.c: the suppression store keeps every mark: escaping, first
 * mark wins, lines it cannot read kept, two processes at once, and a
 * write that dies half-way leaves the old file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "index/suppress.h"

static char *
temp_store (void)
{
	g_autofree char *dir = g_dir_make_tmp ("bv-suppress-XXXXXX", NULL);
	g_assert_nonnull (dir);
	/* A subdirectory that does not exist yet: the store creates it. */
	return g_build_filename (dir, "sub", "suppressions.tsv", NULL);
}

static void
add_one (const char *path, const char *address, BvCause cause, const char *note, guint expect_added)
{
	g_autoptr (GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_mark_free);
	g_ptr_array_add (marks, bv_mark_new (address, cause, 1700000000, BV_MARK_BY_HAND, note));
	g_autoptr (GError) error = NULL;
	guint added = 99;
	g_assert_true (bv_suppress_add (path, marks, &added, &error));
	g_assert_no_error (error);
	g_assert_cmpuint (added, ==, expect_added);
}

static void
test_add_list_remove (void)
{
	g_autofree char *path = temp_store ();
	g_autoptr (GError) error = NULL;
	g_autoptr (GHashTable) empty = bv_suppress_load (path, &error);
	g_assert_no_error (error);
	g_assert_cmpuint (g_hash_table_size (empty), ==, 0);

	add_one (path, " <Alice@Example.COM> ", BV_CAUSE_USERUNKNOWN, "tab\there\nnewline \\ back", 1);
	add_one (path, "alice@example.com", BV_CAUSE_MAILBOXFULL, "second", 0);
	add_one (path, "bob@example.net", BV_CAUSE_HOSTUNKNOWN, NULL, 1);

	g_autoptr (GHashTable) t = bv_suppress_load (path, &error);
	g_assert_no_error (error);
	g_assert_cmpuint (g_hash_table_size (t), ==, 2);
	const BvMark *a = g_hash_table_lookup (t, "alice@example.com");
	g_assert_nonnull (a);
	g_assert_cmpint (a->cause, ==, BV_CAUSE_USERUNKNOWN);
	g_assert_cmpstr (a->note, ==, "tab\there\nnewline \\ back");
	g_assert_cmpint (a->date, ==, 1700000000);
	g_assert_cmpint (a->source, ==, BV_MARK_BY_HAND);

	const char *gone[] = { "ALICE@example.com", "nobody@example.org", NULL };
	guint removed = 0;
	g_assert_true (bv_suppress_remove (path, gone, &removed, &error));
	g_assert_cmpuint (removed, ==, 1);
	g_autoptr (GHashTable) after = bv_suppress_load (path, &error);
	g_assert_cmpuint (g_hash_table_size (after), ==, 1);
	g_assert_true (g_hash_table_contains (after, "bob@example.net"));
}

static void
test_foreign_lines_kept (void)
{
	g_autofree char *path = temp_store ();
	g_autofree char *dir = g_path_get_dirname (path);
	g_mkdir_with_parents (dir, 0700);
	g_assert_true (
	        g_file_set_contents (path,
	                             "# comment\nnot a mark at "
	                             "all\ncarol@example.org\tuserunknown\t2024-01-02T03:04:05Z\tpolicy\t\n",
	                             -1, NULL));
	add_one (path, "dave@example.org", BV_CAUSE_BLOCKED, "", 1);
	g_autofree char *text = NULL;
	g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
	g_assert_nonnull (strstr (text, "\nnot a mark at all\n"));
	g_autoptr (GHashTable) t = bv_suppress_load (path, NULL);
	g_assert_cmpuint (g_hash_table_size (t), ==, 2);
	const BvMark *c = g_hash_table_lookup (t, "carol@example.org");
	g_assert_cmpint (c->source, ==, BV_MARK_BY_POLICY);
	g_autoptr (GDateTime) dt = g_date_time_new_utc (2024, 1, 2, 3, 4, 5);
	g_assert_cmpint (c->date, ==, g_date_time_to_unix (dt));
}

/* Two processes each add their own marks at the same time: with the lock
 * none is lost; without it the last rename would win. */
static void
test_two_processes (void)
{
	g_autofree char *path = temp_store ();
	enum { PER_CHILD = 40 };
	pid_t pids[2];
	for (int c = 0; c < 2; c++) {
		pids[c] = fork ();
		g_assert_cmpint (pids[c], >=, 0);
		if (pids[c] == 0) {
			for (int i = 0; i < PER_CHILD; i++) {
				g_autofree char *a = g_strdup_printf ("user%d-%d@example.com", c, i);
				g_autoptr (GPtrArray) marks =
				        g_ptr_array_new_with_free_func ((GDestroyNotify)bv_mark_free);
				g_ptr_array_add (
				        marks, bv_mark_new (a, BV_CAUSE_USERUNKNOWN, 1, BV_MARK_BY_HAND, ""));
				if (!bv_suppress_add (path, marks, NULL, NULL))
					_exit (1);
			}
			_exit (0);
		}
	}
	for (int c = 0; c < 2; c++) {
		int status = 0;
		waitpid (pids[c], &status, 0);
		g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
	}
	g_autoptr (GHashTable) t = bv_suppress_load (path, NULL);
	g_assert_cmpuint (g_hash_table_size (t), ==, 2 * PER_CHILD);
}

/* A writer killed at random moments: the store is always one whole
 * version, old or new, never a mix or an empty file. */
static void
test_kill_during_writes (void)
{
	g_autofree char *path = temp_store ();
	add_one (path, "first@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	GRand *rand = g_rand_new_with_seed (7);
	for (int round = 0; round < 20; round++) {
		pid_t pid = fork ();
		if (pid == 0) {
			for (int i = 0;; i++) {
				g_autofree char *a = g_strdup_printf ("r%d-%d@example.com", round, i);
				g_autoptr (GPtrArray) m =
				        g_ptr_array_new_with_free_func ((GDestroyNotify)bv_mark_free);
				g_ptr_array_add (m,
				                 bv_mark_new (a, BV_CAUSE_BLOCKED, 1, BV_MARK_BY_HAND, "x"));
				bv_suppress_add (path, m, NULL, NULL);
			}
		}
		g_usleep (g_rand_int_range (rand, 1000, 20000));
		kill (pid, SIGKILL);
		waitpid (pid, NULL, 0);
		g_autoptr (GError) error = NULL;
		g_autoptr (GHashTable) t = bv_suppress_load (path, &error);
		g_assert_no_error (error);
		g_assert_true (g_hash_table_contains (t, "first@example.com"));
		g_autofree char *text = NULL;
		g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
		/* Whole: every line ends, the count of lines is the count of marks. */
		g_assert_true (g_str_has_suffix (text, "\n"));
		guint lines = 0;
		for (const char *p = text; *p; p++)
			lines += *p == '\n';
		g_assert_cmpuint (lines, ==, g_hash_table_size (t) + 1);
	}
	g_rand_free (rand);
}

static void
test_normalize (void)
{
	g_autofree char *a = bv_address_normalize ("  rfc822; <Bob.Smith@Example.NET>  ");
	g_assert_cmpstr (a, ==, "bob.smith@example.net");
	g_autofree char *b = bv_address_normalize (NULL);
	g_assert_cmpstr (b, ==, "");
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/suppress/add-list-remove", test_add_list_remove);
	g_test_add_func ("/suppress/foreign-lines-kept", test_foreign_lines_kept);
	g_test_add_func ("/suppress/two-processes", test_two_processes);
	g_test_add_func ("/suppress/kill-during-writes", test_kill_during_writes);
	g_test_add_func ("/suppress/normalize", test_normalize);
	return g_test_run ();
}
