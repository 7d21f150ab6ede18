/* screen.c: ncurses start and end, signals, keys, and the scripted screen.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <curses.h>
#include <poll.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "tui/keys.h"
#include "tui/log.h"
#include "tui/screen.h"
#include "tui/theme.h"

static struct {
	gboolean open;
	SCREEN *screen;
	FILE *out;
	FILE *in;
	/* Script mode: the remaining lines, and characters of a :type line
	 * still to be delivered. */
	char **script;
	guint script_pos;
	GArray *pending; /* of int */
	BvMouseKind mouse;
	int mouse_y;
	int mouse_x;
	/* Reads that failed at once in a row (terminal_gone()). */
	guint quick_errors;
} scr;

static volatile sig_atomic_t quit_signal;

static void
on_quit_signal (int sig)
{
	quit_signal = sig;
}

static void
install_signals (void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = on_quit_signal;
	sigemptyset (&sa.sa_mask);
	/* No SA_RESTART: a signal must end a wait for a key at once. */
	sigaction (SIGINT, &sa, NULL);
	sigaction (SIGTERM, &sa, NULL);
	sigaction (SIGHUP, &sa, NULL);
}

gboolean
bv_screen_quit_requested (void)
{
	return quit_signal != 0;
}

gboolean
bv_screen_scripted (void)
{
	return scr.script != NULL;
}

static gboolean
parse_size (const char *text, int *cols, int *lines)
{
	if (text == NULL || sscanf (text, "%dx%d", cols, lines) != 2)
		return FALSE;
	return *cols >= 10 && *cols <= 1000 && *lines >= 3 && *lines <= 1000;
}

static gboolean
open_scripted (const char *script_path, GError **error)
{
	g_autofree char *text = NULL;
	if (!g_file_get_contents (script_path, &text, NULL, error))
		return FALSE;
	int cols = 80, lines = 24;
	const char *size = g_getenv ("BOUNCEVIEW_TUI_SIZE");
	if (size != NULL && !parse_size (size, &cols, &lines)) {
		g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
		             _ ("BOUNCEVIEW_TUI_SIZE must be COLUMNSxLINES, not “%s”"), size);
		return FALSE;
	}
	const char *term = g_getenv ("BOUNCEVIEW_TUI_TERM");
	scr.out = fopen ("/dev/null", "w");
	scr.in = fopen ("/dev/null", "r");
	if (scr.out == NULL || scr.in == NULL) {
		g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Cannot open /dev/null: %s"),
		             g_strerror (errno));
		return FALSE;
	}
	scr.screen = newterm (term != NULL ? term : "xterm-256color", scr.out, scr.in);
	if (scr.screen == NULL) {
		g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Cannot start the virtual screen"));
		return FALSE;
	}
	set_term (scr.screen);
	resize_term (lines, cols);
	scr.script = g_strsplit (text, "\n", -1);
	scr.pending = g_array_new (FALSE, FALSE, sizeof (int));
	return TRUE;
}

gboolean
bv_screen_open (GError **error)
{
	const char *script_path = g_getenv ("BOUNCEVIEW_TUI_SCRIPT");
	if (script_path != NULL && *script_path != '\0') {
		if (!open_scripted (script_path, error))
			return FALSE;
	} else {
		if (!isatty (STDIN_FILENO) || !isatty (STDOUT_FILENO)) {
			g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
			             _ ("The user interface needs a terminal; see 'bounceview help' for the "
			                "commands that work without one"));
			return FALSE;
		}
		/* Installed before ncurses so that ncurses chains to them and
		 * keeps its own SIGWINCH handling. */
		install_signals ();
		set_escdelay (25);
		scr.screen = newterm (NULL, stdout, stdin);
		if (scr.screen == NULL) {
			g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
			             _ ("Cannot start the terminal (is TERM set correctly?)"));
			return FALSE;
		}
		set_term (scr.screen);
		/* Without cursor addressing nothing can be drawn where it
		 * belongs: say so rather than fill the screen with garbage. */
		const char *cup = tigetstr ((char *)"cup");
		if (cup == NULL || cup == (char *)-1) {
			endwin ();
			delscreen (scr.screen);
			scr.screen = NULL;
			const char *term = g_getenv ("TERM");
			g_set_error (
			        error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
			        _ ("The terminal (TERM=%s) cannot move the cursor, which the user interface "
			           "needs; run it in a terminal such as xterm (TERM=xterm-256color), or use "
			           "the commands of 'bounceview help'"),
			        term != NULL ? term : "");
			return FALSE;
		}
		mousemask (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
		           NULL);
	}
	scr.open = TRUE;
	/* From here on, what libraries write to stderr would land on the
	 * screen: it goes to the log instead (a test script's screen is not
	 * the terminal, and its own complaints must stay visible). */
	if (scr.script == NULL)
		bv_log_capture_start ();
	cbreak ();
	noecho ();
	nonl ();
	keypad (stdscr, TRUE);
	curs_set (0);
	return TRUE;
}

void
bv_screen_close (void)
{
	if (!scr.open)
		return;
	scr.open = FALSE;
	endwin ();
	bv_log_capture_stop ();
	delscreen (scr.screen);
	scr.screen = NULL;
	g_clear_pointer (&scr.out, fclose);
	g_clear_pointer (&scr.in, fclose);
	g_clear_pointer (&scr.script, g_strfreev);
	g_clear_pointer (&scr.pending, g_array_unref);
}

void
bv_screen_suspend (void)
{
	def_prog_mode ();
	endwin ();
	bv_log_capture_stop ();
}

void
bv_screen_resume (void)
{
	if (scr.script == NULL)
		bv_log_capture_start ();
	reset_prog_mode ();
	clearok (curscr, TRUE);
	refresh ();
}

BvMouseKind
bv_screen_mouse (int *y, int *x)
{
	*y = scr.mouse_y;
	*x = scr.mouse_x;
	return scr.mouse;
}

/* One letter for the attributes of a cell, the strongest first: R reverse,
 * U underline, B bold, D dim, '.' none. */
static char
attr_letter (attr_t attrs)
{
	if (attrs & A_REVERSE)
		return 'R';
	if (attrs & A_UNDERLINE)
		return 'U';
	if (attrs & A_BOLD)
		return 'B';
	if (attrs & A_DIM)
		return 'D';
	return '.';
}

gboolean
bv_screen_dump_attrs (const char *path, GError **error)
{
	g_autoptr (GString) out = g_string_new (NULL);
	int lines = getmaxy (stdscr), cols = getmaxx (stdscr);
	for (int y = 0; y < lines; y++) {
		for (int x = 0; x < cols; x++) {
			cchar_t cell;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t attrs = 0;
			short pair;
			if (mvwin_wch (stdscr, y, x, &cell) == ERR ||
			    getcchar (&cell, wch, &attrs, &pair, NULL) == ERR)
				attrs = 0;
			g_string_append_c (out, attr_letter (attrs));
		}
		g_string_append_c (out, '\n');
	}
	return g_file_set_contents (path, out->str, (gssize)out->len, error);
}

/* The screen as text; with @mark, runs of cells drawn with exactly the
 * attributes @mark_attr are put between « and ». */
static gboolean
dump (const char *path, gboolean mark, int mark_attr, GError **error)
{
	g_autoptr (GString) out = g_string_new (NULL);
	int lines = getmaxy (stdscr), cols = getmaxx (stdscr);
	for (int y = 0; y < lines; y++) {
		gsize start = out->len;
		gboolean in_mark = FALSE;
		for (int x = 0; x < cols; x++) {
			cchar_t cell;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t attrs = 0;
			short pair = 0;
			gboolean ok = mvwin_wch (stdscr, y, x, &cell) != ERR &&
			              getcchar (&cell, wch, &attrs, &pair, NULL) != ERR && wch[0] != 0;
			gboolean marked =
			        mark && ok && (int)((attrs & ~A_COLOR) | COLOR_PAIR (pair)) == mark_attr;
			if (marked != in_mark)
				g_string_append (out, marked ? "«" : "»");
			in_mark = marked;
			if (!ok) {
				g_string_append_c (out, ' ');
				continue;
			}
			for (int i = 0; wch[i] != 0; i++)
				g_string_append_unichar (out, (gunichar)wch[i]);
			/* A wide character fills the next cell too. */
			if (wcwidth (wch[0]) == 2)
				x++;
		}
		if (in_mark)
			g_string_append (out, "»");
		while (out->len > start && out->str[out->len - 1] == ' ')
			g_string_truncate (out, out->len - 1);
		g_string_append_c (out, '\n');
	}
	return g_file_set_contents (path, out->str, (gssize)out->len, error);
}

gboolean
bv_screen_dump (const char *path, GError **error)
{
	return dump (path, FALSE, 0, error);
}

static int
mouse_event (BvMouseKind kind, const char *args)
{
	scr.mouse = kind;
	scr.mouse_y = scr.mouse_x = 0;
	if (args != NULL)
		sscanf (args, "%d %d", &scr.mouse_y, &scr.mouse_x);
	return BV_KEY_FN (KEY_MOUSE);
}

/* Runs script lines until one gives a key. */
static int
next_script_key (void)
{
	while (TRUE) {
		if (scr.pending->len > 0) {
			int key = g_array_index (scr.pending, int, 0);
			g_array_remove_index (scr.pending, 0);
			return key;
		}
		const char *line = scr.script[scr.script_pos];
		if (line == NULL)
			return BV_KEY_SCRIPT_END;
		scr.script_pos++;
		g_autofree char *l = g_strdup (line);
		g_strchomp (l);
		char *cmd = l;
		while (*cmd == ' ' || *cmd == '\t')
			cmd++;
		if (*cmd == '\0' || *cmd == '#')
			continue;
		if (*cmd != ':' || cmd[1] == '\0') {
			int key = bv_key_from_name (cmd);
			if (key == 0)
				g_printerr ("bounceview: script: unknown key “%s”\n", cmd);
			else
				return key;
			continue;
		}
		char *arg = strchr (cmd, ' ');
		if (arg != NULL)
			*arg++ = '\0';
		if (strcmp (cmd, ":type") == 0 && arg != NULL) {
			for (const char *p = arg; *p != '\0'; p = g_utf8_next_char (p)) {
				int key = (int)g_utf8_get_char (p);
				g_array_append_val (scr.pending, key);
			}
		} else if ((strcmp (cmd, ":dump") == 0 || strcmp (cmd, ":dump-match") == 0) && arg != NULL) {
			g_autoptr (GError) error = NULL;
			if (!dump (arg, cmd[5] == '-', bv_theme_attr (BV_EL_MATCH), &error))
				g_printerr ("bounceview: script: %s\n", error->message);
		} else if (strcmp (cmd, ":attrs") == 0 && arg != NULL) {
			g_autoptr (GError) error = NULL;
			if (!bv_screen_dump_attrs (arg, &error))
				g_printerr ("bounceview: script: %s\n", error->message);
		} else if (strcmp (cmd, ":resize") == 0) {
			int cols, lines;
			if (parse_size (arg, &cols, &lines)) {
				resize_term (lines, cols);
				return BV_KEY_FN (KEY_RESIZE);
			}
			g_printerr ("bounceview: script: bad size “%s”\n", arg ? arg : "");
		} else if (strcmp (cmd, ":click") == 0) {
			return mouse_event (BV_MOUSE_CLICK, arg);
		} else if (strcmp (cmd, ":dclick") == 0) {
			return mouse_event (BV_MOUSE_DOUBLE_CLICK, arg);
		} else if (strcmp (cmd, ":wheel-up") == 0) {
			return mouse_event (BV_MOUSE_WHEEL_UP, arg);
		} else if (strcmp (cmd, ":wheel-down") == 0) {
			return mouse_event (BV_MOUSE_WHEEL_DOWN, arg);
		} else {
			g_printerr ("bounceview: script: unknown command “%s”\n", cmd);
		}
	}
}

static int
terminal_mouse (void)
{
	MEVENT ev;
	if (getmouse (&ev) != OK)
		return BV_KEY_NONE;
	scr.mouse_y = ev.y;
	scr.mouse_x = ev.x;
	if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
		scr.mouse = BV_MOUSE_DOUBLE_CLICK;
	else if (ev.bstate & BUTTON1_CLICKED)
		scr.mouse = BV_MOUSE_CLICK;
	else if (ev.bstate & BUTTON4_PRESSED)
		scr.mouse = BV_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		scr.mouse = BV_MOUSE_WHEEL_DOWN;
#endif
	else
		return BV_KEY_NONE;
	return BV_KEY_FN (KEY_MOUSE);
}

/* Whether the terminal went away (its emulator closed without sending
 * SIGHUP, or stdin is no terminal any more): reads then fail at once with
 * EIO, for ever.  Seen by poll() as a hang-up, or, where it does not say
 * so, by reads that keep failing long before their timeout. */
static gboolean
terminal_gone (gint64 asked, int slice_ms)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	if (poll (&pfd, 1, 0) > 0 && (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)))
		return TRUE;
	if (g_get_monotonic_time () - asked >= (gint64)slice_ms * 1000 / 2) {
		scr.quick_errors = 0;
		return FALSE;
	}
	return ++scr.quick_errors >= 100;
}

int
bv_screen_read_key (int timeout_ms)
{
	if (scr.script != NULL)
		return next_script_key ();
	/* Waits are cut in slices so that a quit signal is seen promptly even
	 * when the curses read restarts after it. */
	gint64 deadline = timeout_ms < 0 ? -1 : g_get_monotonic_time () + (gint64)timeout_ms * 1000;
	while (!quit_signal) {
		int slice = 200;
		if (deadline >= 0) {
			gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
			if (left <= 0)
				return BV_KEY_NONE;
			slice = MIN (slice, (int)left);
		}
		wtimeout (stdscr, slice);
		wint_t wch;
		gint64 asked = g_get_monotonic_time ();
		int r = wget_wch (stdscr, &wch);
		if (r == ERR) {
			if (terminal_gone (asked, slice))
				quit_signal = SIGHUP;
			continue;
		}
		scr.quick_errors = 0;
		if (r == KEY_CODE_YES) {
			if (wch == KEY_MOUSE) {
				int key = terminal_mouse ();
				if (key == BV_KEY_NONE)
					continue;
				return key;
			}
			return BV_KEY_FN ((int)wch);
		}
		return (int)wch;
	}
	return BV_KEY_NONE;
}
