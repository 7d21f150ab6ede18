/* test-suppress.c: the suppression store keeps every mark: escaping, first
 * mark wins, lines it cannot read kept, two processes at once, and a
 * write that dies half-way leaves the old file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
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

/* A writer killed at random moments: every load reads whole changes only
 * (marks are only added here, so never fewer than before), and folding
 * the journal in gives a whole store file with one line a mark. */
static void
test_kill_during_writes (void)
{
	g_autofree char *path = temp_store ();
	add_one (path, "first@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	GRand *rand = g_rand_new_with_seed (7);
	guint before = 1;
	for (int round = 0; round < 20; round++) {
		pid_t pid = fork ();
		if (pid == 0) {
			for (int i = 0;; i++) {
				g_autoptr (GPtrArray) m =
				        g_ptr_array_new_with_free_func ((GDestroyNotify)bv_mark_free);
				for (int k = 0; k < 3; k++) {
					g_autofree char *a =
					        g_strdup_printf ("r%d-%d-%d@example.com", round, i, k);
					g_ptr_array_add (m, bv_mark_new (a, BV_CAUSE_BLOCKED, 1,
					                                 BV_MARK_BY_HAND, "x"));
				}
				bv_suppress_add (path, m, NULL, NULL);
				if (i % 50 == 49)
					bv_suppress_compact (path, NULL);
			}
		}
		g_usleep (g_rand_int_range (rand, 1000, 20000));
		kill (pid, SIGKILL);
		waitpid (pid, NULL, 0);
		g_autoptr (GError) error = NULL;
		g_autoptr (GHashTable) t = bv_suppress_load (path, &error);
		g_assert_no_error (error);
		g_assert_true (g_hash_table_contains (t, "first@example.com"));
		/* Changes of three marks each, whole or not at all. */
		g_assert_cmpuint ((g_hash_table_size (t) - 1) % 3, ==, 0);
		g_assert_cmpuint (g_hash_table_size (t), >=, before);
		before = g_hash_table_size (t);
	}
	g_assert_true (bv_suppress_compact (path, NULL));
	g_autoptr (GHashTable) t = bv_suppress_load (path, NULL);
	g_autofree char *text = NULL;
	g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
	g_assert_true (g_str_has_suffix (text, "\n"));
	guint lines = 0;
	for (const char *p = text; *p; p++)
		lines += *p == '\n';
	g_assert_cmpuint (lines, ==, g_hash_table_size (t) + 1);
	g_assert_cmpuint (g_hash_table_size (t), ==, before);
	g_rand_free (rand);
}

static void
write_file (const char *path, const char *text)
{
	g_autofree char *dir = g_path_get_dirname (path);
	g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
	g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static gint64
utc (int y, int mo, int d, int h, int mi, int s)
{
	g_autoptr (GDateTime) dt = g_date_time_new_utc (y, mo, d, h, mi, s);
	return g_date_time_to_unix (dt);
}

/* What people write by hand is read as marks, each line that is not is
 * named with its line number on stderr (checked in a subprocess), and
 * none is silently dropped. */
static void
test_hand_edited (void)
{
	const char *store = g_getenv ("BV_TEST_STORE");
	if (store != NULL) {
		g_autoptr (GHashTable) t = bv_suppress_load (store, NULL);
		g_print ("%u\n", g_hash_table_size (t));
		return;
	}
	g_autofree char *path = temp_store ();
	write_file (path, "# my list\r\n"
	                  "plain@example.com\r\n"
	                  "Upper@Example.COM\n"
	                  "noted@example.com\tcalled them, gone\n"
	                  "dated@example.com\tuserunknown\t2026-03-01\n"
	                  "spaced@example.com   mailboxfull   2026-03-02 10:30   hand   asked to stop\n"
	                  "<angle@example.com>\n"
	                  "\n"
	                  "plain@example.com\n"
	                  "plain@example.com\tanother note\n"
	                  "this is not an address\n"
	                  "timed@example.com\thostunknown\t2026-03-03T04:05:06+02:00\tpolicy\tnote\n");
	g_autoptr (GError) error = NULL;
	g_autoptr (GHashTable) t = bv_suppress_load (path, &error);
	g_assert_no_error (error);
	g_assert_cmpuint (g_hash_table_size (t), ==, 7);
	const BvMark *m = g_hash_table_lookup (t, "plain@example.com");
	g_assert_nonnull (m);
	g_assert_cmpstr (m->note, ==, "");
	g_assert_nonnull (g_hash_table_lookup (t, "upper@example.com"));
	g_assert_nonnull (g_hash_table_lookup (t, "angle@example.com"));
	m = g_hash_table_lookup (t, "noted@example.com");
	g_assert_cmpstr (m->note, ==, "called them, gone");
	g_assert_cmpint (m->cause, ==, BV_CAUSE_UNDEFINED);
	m = g_hash_table_lookup (t, "dated@example.com");
	g_assert_cmpint (m->cause, ==, BV_CAUSE_USERUNKNOWN);
	g_assert_cmpint (m->date, ==, utc (2026, 3, 1, 0, 0, 0));
	m = g_hash_table_lookup (t, "spaced@example.com");
	g_assert_cmpint (m->cause, ==, BV_CAUSE_MAILBOXFULL);
	g_assert_cmpint (m->date, ==, utc (2026, 3, 2, 10, 30, 0));
	g_assert_cmpint (m->source, ==, BV_MARK_BY_HAND);
	g_assert_cmpstr (m->note, ==, "asked to stop");
	m = g_hash_table_lookup (t, "timed@example.com");
	g_assert_cmpint (m->date, ==, utc (2026, 3, 3, 2, 5, 6));
	g_assert_cmpint (m->source, ==, BV_MARK_BY_POLICY);

	/* The warnings: the line without an address and the duplicate that
	 * says something else, each with file and line; not the exact copy. */
	g_autofree char *self = g_test_build_filename (G_TEST_BUILT, "test-suppress", NULL);
	g_autofree char *envp0 = g_strconcat ("BV_TEST_STORE=", path, NULL);
	const char *argv[] = { self, "-p", "/suppress/hand-edited", NULL };
	g_auto (GStrv) env = g_get_environ ();
	env = g_environ_setenv (env, "BV_TEST_STORE", path, TRUE);
	g_autofree char *out = NULL, *err = NULL;
	int status = 0;
	g_assert_true (g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
	                             &status, NULL));
	g_autofree char *bad = g_strdup_printf ("bounceview: %s:11: not a mark", path);
	g_autofree char *dup =
	        g_strdup_printf ("bounceview: %s:10: plain@example.com is marked on an earlier line", path);
	g_autofree char *copy = g_strdup_printf ("%s:9:", path);
	g_assert_nonnull (strstr (err, bad));
	g_assert_nonnull (strstr (err, dup));
	g_assert_null (strstr (err, copy));

	/* Kept in the file when the journal is folded in; the marks keep
	 * their values. */
	add_one (path, "new@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	add_one (path, "SPACED@example.com", BV_CAUSE_USERUNKNOWN, "", 0);
	g_assert_true (bv_suppress_compact (path, &error));
	g_autofree char *text = NULL;
	g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
	g_assert_nonnull (strstr (text, "\nthis is not an address\n"));
	g_assert_nonnull (strstr (
	        text, "\nspaced@example.com\tmailboxfull\t2026-03-02T10:30:00Z\thand\tasked to stop\n"));
	g_autoptr (GHashTable) again = bv_suppress_load (path, &error);
	g_assert_cmpuint (g_hash_table_size (again), ==, 8);
}

static struct stat
stat_of (const char *path)
{
	struct stat st;
	g_assert_cmpint (stat (path, &st), ==, 0);
	return st;
}

/* A change appends to the journal (the store file stays as it was) and a
 * large journal is folded into the store. */
static void
test_journal (void)
{
	g_autofree char *path = temp_store ();
	add_one (path, "a@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	g_assert_true (bv_suppress_compact (path, NULL));
	struct stat before = stat_of (path);
	add_one (path, "b@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	const char *gone[] = { "a@example.com", NULL };
	guint removed = 0;
	g_assert_true (bv_suppress_remove (path, gone, &removed, NULL));
	g_assert_cmpuint (removed, ==, 1);
	struct stat after = stat_of (path);
	g_assert_cmpuint (before.st_ino, ==, after.st_ino);
	g_assert_cmpint (before.st_size, ==, after.st_size);
	g_autoptr (GHashTable) t = bv_suppress_load (path, NULL);
	g_assert_cmpuint (g_hash_table_size (t), ==, 1);
	g_assert_true (g_hash_table_contains (t, "b@example.com"));

	/* Enough changes to pass the folding limit (256 KiB). */
	g_autofree char *journal = g_strconcat (path, ".journal", NULL);
	g_autofree char *note = g_strnfill (1000, 'n');
	for (int i = 0; i < 300; i++) {
		g_autofree char *a = g_strdup_printf ("many%d@example.com", i);
		add_one (path, a, BV_CAUSE_MAILBOXFULL, note, 1);
	}
	g_assert_cmpint (stat_of (journal).st_size, <, 256 * 1024);
	g_assert_cmpuint (stat_of (path).st_ino, !=, before.st_ino);
	g_autoptr (GHashTable) all = bv_suppress_load (path, NULL);
	g_assert_cmpuint (g_hash_table_size (all), ==, 301);
}

/* A change cut short (no commit line) is not applied, and the next writer
 * cuts it off instead of committing it with its own. */
static void
test_journal_cut_short (void)
{
	g_autofree char *path = temp_store ();
	add_one (path, "a@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	g_autofree char *journal = g_strconcat (path, ".journal", NULL);
	g_autofree char *text = NULL;
	g_assert_true (g_file_get_contents (journal, &text, NULL, NULL));
	g_autofree char *cut = g_strconcat (
	        text, "+\thalf@example.com\tblocked\t2026-01-01T00:00:00Z\thand\t\n-\ta@exa", NULL);
	g_assert_true (g_file_set_contents (journal, cut, -1, NULL));
	g_autoptr (GHashTable) t = bv_suppress_load (path, NULL);
	g_assert_cmpuint (g_hash_table_size (t), ==, 1);
	g_assert_true (g_hash_table_contains (t, "a@example.com"));
	add_one (path, "b@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	g_autoptr (GHashTable) t2 = bv_suppress_load (path, NULL);
	g_assert_cmpuint (g_hash_table_size (t2), ==, 2);
	g_assert_false (g_hash_table_contains (t2, "half@example.com"));
}

/* A view follows changes made after it was loaded, by journal and by a
 * replaced store alike. */
static void
test_view_refresh (void)
{
	g_autofree char *path = temp_store ();
	add_one (path, "a@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	BvSuppressView v = { 0 };
	g_assert_true (bv_suppress_view_load (&v, path, NULL));
	GHashTable *table = v.marks;
	add_one (path, "b@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	g_assert_true (bv_suppress_view_refresh (&v, path, NULL));
	g_assert_true (v.marks == table); /* caught up in place */
	g_assert_cmpuint (g_hash_table_size (v.marks), ==, 2);
	const char *gone[] = { "a@example.com", NULL };
	g_assert_true (bv_suppress_remove (path, gone, NULL, NULL));
	g_assert_true (bv_suppress_compact (path, NULL));
	add_one (path, "c@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	g_assert_true (bv_suppress_view_refresh (&v, path, NULL));
	g_assert_cmpuint (g_hash_table_size (v.marks), ==, 2);
	g_assert_true (g_hash_table_contains (v.marks, "b@example.com"));
	g_assert_true (g_hash_table_contains (v.marks, "c@example.com"));
	/* Edited by hand in place. */
	FILE *f = fopen (path, "a");
	fputs ("d@example.com\n", f);
	fclose (f);
	g_assert_true (bv_suppress_view_refresh (&v, path, NULL));
	g_assert_true (g_hash_table_contains (v.marks, "d@example.com"));
	bv_suppress_view_clear (&v);
}

/* A store that is a symbolic link: the file it points to is rewritten,
 * the link stays, and the journal and lock are beside that file. */
static void
test_symlinked_store (void)
{
	g_autofree char *path = temp_store ();
	g_autofree char *dir = g_path_get_dirname (path);
	g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
	g_assert_cmpint (g_mkdir_with_parents (real_dir, 0700), ==, 0);
	g_autofree char *real = g_build_filename (real_dir, "marks.tsv", NULL);
	write_file (real, "old@example.com\n");
	g_assert_cmpint (symlink ("real/marks.tsv", path), ==, 0);
	add_one (path, "a@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	g_assert_true (bv_suppress_compact (path, NULL));
	g_assert_true (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
	g_autoptr (GHashTable) t = bv_suppress_load (real, NULL);
	g_assert_cmpuint (g_hash_table_size (t), ==, 2);
	g_autofree char *journal = g_strconcat (real, ".journal", NULL);
	g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
	g_autofree char *wrong = g_strconcat (path, ".journal", NULL);
	g_assert_false (g_file_test (wrong, G_FILE_TEST_EXISTS));
}

/* Rewriting keeps the store's mode (and owner, as root); a temporary
 * file a killed run left is removed by the next one. */
static void
test_store_keeps_mode_and_cleans_up (void)
{
	g_autofree char *path = temp_store ();
	add_one (path, "a@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	g_assert_true (bv_suppress_compact (path, NULL));
	g_assert_cmpint (g_chmod (path, 0644), ==, 0);
	struct passwd *nobody = getuid () == 0 ? getpwnam ("nobody") : NULL;
	if (nobody != NULL)
		g_assert_cmpint (chown (path, nobody->pw_uid, nobody->pw_gid), ==, 0);
	g_autofree char *dir = g_path_get_dirname (path);
	pid_t child = fork ();
	if (child == 0)
		_exit (0);
	waitpid (child, NULL, 0);
	g_autofree char *stale = g_strdup_printf ("%s/.suppressions.tsv.tmp.%d", dir, (int)child);
	g_autofree char *old_name = g_strdup_printf ("%s.tmp.%d", path, (int)child);
	write_file (stale, "half");
	write_file (old_name, "half");
	add_one (path, "b@example.com", BV_CAUSE_USERUNKNOWN, "", 1);
	g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
	g_assert_false (g_file_test (old_name, G_FILE_TEST_EXISTS));
	g_assert_true (bv_suppress_compact (path, NULL));
	struct stat st = stat_of (path);
	g_assert_cmpint (st.st_mode & 07777, ==, 0644);
	if (nobody != NULL) {
		g_assert_cmpuint (st.st_uid, ==, nobody->pw_uid);
		g_assert_cmpuint (st.st_gid, ==, nobody->pw_gid);
	}
}

/* After a compaction a change finds its addresses in the sorted store by
 * bisection; after a hand edit it reads the store whole.  Both must find
 * every mark: an address already marked is not added twice, a removal
 * finds the mark wherever it is. */
static void
test_lookup_sorted_and_edited (void)
{
	g_autofree char *path = temp_store ();
	g_autoptr (GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_mark_free);
	for (int i = 0; i < 500; i++) {
		g_autofree char *a = g_strdup_printf ("user%03d@example.com", i);
		g_ptr_array_add (marks,
		                 bv_mark_new (a, BV_CAUSE_USERUNKNOWN, 1700000000, BV_MARK_BY_HAND, ""));
	}
	/* An address the store must escape, in the middle of the order. */
	g_ptr_array_add (
	        marks, bv_mark_new ("user250\\x@example.com", BV_CAUSE_USERUNKNOWN, 1, BV_MARK_BY_HAND, ""));
	guint added = 0;
	g_assert_true (bv_suppress_add (path, marks, &added, NULL));
	g_assert_cmpuint (added, ==, 501);
	g_assert_true (bv_suppress_compact (path, NULL));
	for (int i = 0; i < 500; i += 37) {
		g_autofree char *a = g_strdup_printf ("USER%03d@example.com", i);
		add_one (path, a, BV_CAUSE_BLOCKED, "", 0);
	}
	add_one (path, "user250\\x@example.com", BV_CAUSE_BLOCKED, "", 0);
	add_one (path, "user2500@example.com", BV_CAUSE_BLOCKED, "", 1);
	const char *gone[] = { "user000@example.com", "user499@example.com", "user250@example.com",
		               "nobody@example.com", NULL };
	guint removed = 0;
	g_assert_true (bv_suppress_remove (path, gone, &removed, NULL));
	g_assert_cmpuint (removed, ==, 3);
	/* Edited by hand after the compaction: a line added at the end. */
	g_assert_true (bv_suppress_compact (path, NULL));
	FILE *f = fopen (path, "a");
	fputs ("Late@Example.com\tadded by hand\n", f);
	fclose (f);
	add_one (path, "late@example.com", BV_CAUSE_BLOCKED, "", 0);
	const char *late[] = { "late@example.com", "user001@example.com", NULL };
	g_assert_true (bv_suppress_remove (path, late, &removed, NULL));
	g_assert_cmpuint (removed, ==, 2);
	g_autoptr (GHashTable) t = bv_suppress_load (path, NULL);
	g_assert_cmpuint (g_hash_table_size (t), ==, 501 + 1 - 3 - 1);
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
	g_test_add_func ("/suppress/hand-edited", test_hand_edited);
	g_test_add_func ("/suppress/journal", test_journal);
	g_test_add_func ("/suppress/lookup-sorted-and-edited", test_lookup_sorted_and_edited);
	g_test_add_func ("/suppress/journal-cut-short", test_journal_cut_short);
	g_test_add_func ("/suppress/view-refresh", test_view_refresh);
	g_test_add_func ("/suppress/symlinked-store", test_symlinked_store);
	g_test_add_func ("/suppress/store-keeps-mode-and-cleans-up", test_store_keeps_mode_and_cleans_up);
	return g_test_run ();
}
