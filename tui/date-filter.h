/* date-filter.h: what the dates key accepts.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef BV_TUI_DATE_FILTER_H
#define BV_TUI_DATE_FILTER_H

#include <glib.h>

G_BEGIN_DECLS

/* Reads a date filter, in UTC:
 *   ""                      no date condition;
 *   "2026-11-03"            that day;
 *   "2026-11"               that month;
 *   "7d", "30d"             the last N days, today included;
 *   "FROM..TO"              FROM and TO each a day or a month (TO
 *                           included), either one may be left out.
 * Returns TRUE and sets [*since, *until) (0: no bound), or FALSE with
 * *problem set to what is wrong, for a person (new string).  @now is the
 * current time (Unix seconds). */
gboolean bv_date_filter_parse (const char *text, gint64 now, gint64 *since, gint64 *until, char **problem);

G_END_DECLS

#endif /* BV_TUI_DATE_FILTER_H */
