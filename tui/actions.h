/* actions.h: every action of the user interface, its default keys and help.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table binds the keys (keys.c) and generates the help screen
 * (view-help.c), so the two can never disagree.  Key names are those of
 * bv_key_from_name(): a character, "C-x" for a control key, or one of
 * Up Down Left Right PgUp PgDn Home End Enter Esc Tab Space Backspace
 * Insert Delete F1..F12.  A key name may be scoped to one view as
 * "VIEW:KEY" (VIEW is the view class's name): in that view it means this
 * action, before any binding without a scope.
 *
 * X(enum suffix, machine name, default keys separated by spaces,
 *   help text (N_()), help section)
 */
#ifndef BV_TUI_ACTIONS_H
#define BV_TUI_ACTIONS_H

#include <glib/gi18n.h>

#define BV_ACTION_SECTION_MOVE N_ ("Moving")
#define BV_ACTION_SECTION_VIEW N_ ("Views")
#define BV_ACTION_SECTION_MARK N_ ("Suppression marks")
#define BV_ACTION_SECTION_FILTER N_ ("Filtering")
#define BV_ACTION_SECTION_OTHER N_ ("Other")

#define BV_TUI_ACTIONS(X)                                                                                    \
	X (MOVE_UP, "move-up", "Up k C-p", N_ ("Move the cursor up one line"), BV_ACTION_SECTION_MOVE)       \
	X (MOVE_DOWN, "move-down", "Down j C-n", N_ ("Move the cursor down one line"),                       \
	   BV_ACTION_SECTION_MOVE)                                                                           \
	X (PAGE_UP, "page-up", "PgUp C-b -", N_ ("Move up one page"), BV_ACTION_SECTION_MOVE)                \
	X (PAGE_DOWN, "page-down", "PgDn C-f Space", N_ ("Move down one page"), BV_ACTION_SECTION_MOVE)      \
	X (HALF_UP, "half-page-up", "C-u", N_ ("Move up half a page"), BV_ACTION_SECTION_MOVE)               \
	X (HALF_DOWN, "half-page-down", "C-d", N_ ("Move down half a page"), BV_ACTION_SECTION_MOVE)         \
	X (FIRST, "first", "Home g", N_ ("Go to the first line"), BV_ACTION_SECTION_MOVE)                    \
	X (LAST, "last", "End G", N_ ("Go to the last line"), BV_ACTION_SECTION_MOVE)                        \
	X (SCROLL_LEFT, "scroll-left", "pager:Left pager:h timeline:Left timeline:h",                        \
	   N_ ("In the raw message, which is not wrapped: scroll left; in the timeline: the day before"),    \
	   BV_ACTION_SECTION_MOVE)                                                                           \
	X (SCROLL_RIGHT, "scroll-right", "pager:Right pager:l timeline:Right timeline:l",                    \
	   N_ ("In the raw message: scroll right to read long lines; in the timeline: the day after"),       \
	   BV_ACTION_SECTION_MOVE)                                                                           \
	X (ENTER, "enter", "Enter Right", N_ ("Open the line under the cursor"), BV_ACTION_SECTION_VIEW)     \
	X (BACK, "back", "q Esc Left h", N_ ("Close the view (quit from the first one)"),                    \
	   BV_ACTION_SECTION_VIEW)                                                                           \
	X (QUIT, "quit", "Q", N_ ("Quit at once"), BV_ACTION_SECTION_VIEW)                                   \
	X (NEXT_PANE, "next-pane", "Tab", N_ ("Switch between the side-by-side panes"),                      \
	   BV_ACTION_SECTION_VIEW)                                                                           \
	X (GROUPING, "grouping", "o",                                                                        \
	   N_ ("Group by the next dimension: cause, domain, status, system, month"), BV_ACTION_SECTION_VIEW) \
	X (GROUPING_BACK, "grouping-back", "O", N_ ("Group by the previous dimension"),                      \
	   BV_ACTION_SECTION_VIEW)                                                                           \
	X (SORT, "sort", "s",                                                                                \
	   N_ ("Sort by the next order: groups by bounces, addresses or title; addresses by last seen, "     \
	       "bounces, address or domain"),                                                                \
	   BV_ACTION_SECTION_VIEW)                                                                           \
	X (PROPOSALS, "proposals", "p", N_ ("Show what the suppression policy proposes"),                    \
	   BV_ACTION_SECTION_VIEW)                                                                           \
	X (RAW, "raw", "r", N_ ("Show the raw message of the bounce"), BV_ACTION_SECTION_VIEW)               \
	X (PAGER, "pager", "|", N_ ("Open the raw message in $PAGER"), BV_ACTION_SECTION_VIEW)               \
	X (SUMMARY, "summary", "i",                                                                          \
	   N_ ("Show or hide the group's summary below the list (beside it from 100 columns)"),              \
	   BV_ACTION_SECTION_VIEW)                                                                           \
	X (TIMELINE, "timeline", "D", N_ ("Show the bounces per day or week by cause"),                      \
	   BV_ACTION_SECTION_VIEW)                                                                           \
	X (PERIOD, "period", "timeline:w", N_ ("In the timeline: a bar a day or a bar a week"),              \
	   BV_ACTION_SECTION_VIEW)                                                                           \
	X (MAILER, "mailer", "E", N_ ("Open the bounce in your mail client ($BOUNCEVIEW_MAILER)"),           \
	   BV_ACTION_SECTION_VIEW)                                                                           \
	X (SELECT, "select", "t Insert", N_ ("Select or unselect the line (for marking several)"),           \
	   BV_ACTION_SECTION_MARK)                                                                           \
	X (SELECT_ALL, "select-all", "*", N_ ("Select every line of the view (again: select none)"),         \
	   BV_ACTION_SECTION_MARK)                                                                           \
	X (SELECT_RANGE, "select-range", "V",                                                                \
	   N_ ("Select every line from the last one selected to the cursor"), BV_ACTION_SECTION_MARK)        \
	X (MARK, "mark", "m", N_ ("Mark the address, or the selection, for suppression, and move down"),     \
	   BV_ACTION_SECTION_MARK)                                                                           \
	X (UNMARK, "unmark", "u", N_ ("Remove the mark of the address, or of the selection, and move down"), \
	   BV_ACTION_SECTION_MARK)                                                                           \
	X (MARK_GROUP, "mark-group", "M", N_ ("Mark every address of the group (asks first)"),               \
	   BV_ACTION_SECTION_MARK)                                                                           \
	X (UNMARK_GROUP, "unmark-group", "R",                                                                \
	   N_ ("Remove the mark of every address of the group (asks first)"), BV_ACTION_SECTION_MARK)        \
	X (ACCEPT, "accept", "a", N_ ("Accept the proposal under the cursor (or the selected ones)"),        \
	   BV_ACTION_SECTION_MARK)                                                                           \
	X (ACCEPT_ALL, "accept-all", "A", N_ ("Accept every proposal (asks first)"), BV_ACTION_SECTION_MARK) \
	X (UNDO, "undo", "z C-_", N_ ("Undo the last marking or unmarking, however many addresses it took"), \
	   BV_ACTION_SECTION_MARK)                                                                           \
	X (SEARCH, "search", "/", N_ ("Find a text in this view, as you type; matches are highlighted"),     \
	   BV_ACTION_SECTION_FILTER)                                                                         \
	X (SEARCH_NEXT, "search-next", "n", N_ ("Go to the next line that contains the search text"),        \
	   BV_ACTION_SECTION_FILTER)                                                                         \
	X (SEARCH_PREV, "search-prev", "N", N_ ("Go to the previous line that contains the search text"),    \
	   BV_ACTION_SECTION_FILTER)                                                                         \
	X (LIMIT, "limit", "l",                                                                              \
	   N_ ("Limit every view to the lines with a text (address, domain, diagnostic)"),                   \
	   BV_ACTION_SECTION_FILTER)                                                                         \
	X (SEVERITY, "severity", "f", N_ ("Show all, hard only or soft only"), BV_ACTION_SECTION_FILTER)     \
	X (UNMARKED, "unmarked", "U", N_ ("Show only addresses not marked, or all"),                         \
	   BV_ACTION_SECTION_FILTER)                                                                         \
	X (DATES, "dates", "d", N_ ("Limit to dates: 2026-11, 7d, 30d, 2026-11-01..2026-11-15"),             \
	   BV_ACTION_SECTION_FILTER)                                                                         \
	X (CLEAR_FILTER, "clear-filter", "c", N_ ("Clear every filter"), BV_ACTION_SECTION_FILTER)           \
	X (EXPORT, "export", "e", N_ ("Export the fix list to a file"), BV_ACTION_SECTION_OTHER)             \
	X (COPY, "copy", "y", N_ ("Copy the address under the cursor to the clipboard (OSC 52)"),            \
	   BV_ACTION_SECTION_OTHER)                                                                          \
	X (THEME, "theme", "T", N_ ("Switch to the next colour theme"), BV_ACTION_SECTION_OTHER)             \
	X (REDRAW, "redraw", "C-l", N_ ("Redraw the screen"), BV_ACTION_SECTION_OTHER)                       \
	X (HELP, "help", "? F1", N_ ("Show this help"), BV_ACTION_SECTION_OTHER)

typedef enum {
	BV_ACT_NONE,
#define BV_TUI_ACTION_ENUM(e, name, keys, help, section) BV_ACT_##e,
	BV_TUI_ACTIONS (BV_TUI_ACTION_ENUM)
#undef BV_TUI_ACTION_ENUM
	        BV_ACT_COUNT
} BvActionId;

#endif /* BV_TUI_ACTIONS_H */
