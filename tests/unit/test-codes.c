/* test-codes.c: finding status and reply codes in diagnostic text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "parsers/codes.h"

typedef gboolean (*Finder) (const char *text, char *out, gsize out_len);

/* Asserts that @find finds @want in @text (@want NULL: finds nothing). */
static void
check (Finder find, const char *text, const char *want)
{
	char out[16] = "";
	gboolean found = find (text, out, sizeof out);
	if (want == NULL) {
		g_assert_false (found);
	} else {
		g_assert_true (found);
		g_assert_cmpstr (out, ==, want);
	}
}

#define check_status(text, want) check (bv_status_find, text, want)
#define check_reply(text, want) check (bv_reply_find, text, want)

static void
test_status_find (void)
{
	check_status ("550 5.1.1 <a@example.com>: Recipient address rejected", "5.1.1");
	check_status ("smtp; 550-5.7.26 This mail is unauthenticated", "5.7.26");
	check_status ("Status: 4.4.7 (delivery time expired)", "4.4.7");
	check_status ("(#5.5.0)", "5.5.0");
	check_status ("554 5.7.606 Access denied, banned sending IP", "5.7.606");
	/* IP addresses and versions are not status codes. */
	check_status ("connect to 192.0.2.1 port 25: timed out", NULL);
	check_status ("Postfix 3.5.1 on host 5.1.1.4", NULL);
	check_status ("version 2.4.5.6", NULL);
	check_status ("class 3.1.1 is not valid", NULL);
	check_status ("", NULL);
	check_status (NULL, NULL);
}

static void
test_status_valid (void)
{
	g_assert_true (bv_status_valid ("5.1.1"));
	g_assert_true (bv_status_valid ("4.7.26"));
	g_assert_true (bv_status_valid ("2.0.0"));
	g_assert_false (bv_status_valid ("5.1"));
	g_assert_false (bv_status_valid ("6.1.1"));
	g_assert_false (bv_status_valid ("5.1.1.1"));
	g_assert_false (bv_status_valid (""));
}

static void
test_reply_find (void)
{
	check_reply ("550 5.1.1 User unknown", "550");
	check_reply ("host mx.example.com said: 552-5.2.2 mailbox full", "552");
	check_reply ("Remote server replied: 421 too many connections", "421");
	check_reply ("SMTP error from remote mail server after RCPT TO:<a@example.com>:\n550 No such user",
	             "550");
	/* Numbers that are parts of other things are not reply codes. */
	check_reply ("ERROR CODE :550 - 5.1.1 mailbox unavailable", "550");
	check_reply ("at 10:550 seconds", NULL);
	check_reply ("port 25 id 4500123", NULL);
	check_reply ("5.1.1 unknown", NULL);
	check_reply ("queue id 550ABCDEF", NULL);
	check_reply ("mx-550.example.com", NULL);
	check_reply ("", NULL);
}

static void
test_reply_valid (void)
{
	g_assert_true (bv_reply_valid ("550"));
	g_assert_true (bv_reply_valid ("421"));
	g_assert_false (bv_reply_valid ("600"));
	g_assert_false (bv_reply_valid ("5500"));
	g_assert_false (bv_reply_valid ("56x"));
	g_assert_false (bv_reply_valid ("570"));
}

int
main (int argc, char **argv)
{
	g_test_init (&argc, &argv, NULL);
	g_test_add_func ("/codes/status/find", test_status_find);
	g_test_add_func ("/codes/status/valid", test_status_valid);
	g_test_add_func ("/codes/reply/find", test_reply_find);
	g_test_add_func ("/codes/reply/valid", test_reply_valid);
	return g_test_run ();
}
