/* view-history.c: every bounce of one address, oldest first.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "parsers/catalog.h"
#include "tui/columns.h"
#include "tui/draw.h"
#include "tui/view.h"

typedef struct {
	BvView parent;
	char *address;
	GPtrArray *bounces; /* of BvBounce* */
	/* The group the history was opened from (NULL: none) and how many
	 * of the address's bounces are in it, which is what the address
	 * list counted. */
	char *group_title;
	guint in_group;
} HistoryView;

static const BvColumn columns[] = {
	{ N_ ("Date"), 10, 1, FALSE, 0 },      { N_ ("Status"), 7, 1, FALSE, 0 },
	{ N_ ("Code"), 4, 1, FALSE, 0 },       { N_ ("Cause"), 24, 1, FALSE, 100 },
	{ N_ ("Diagnostic"), 0, 1, FALSE, 0 },
};

/* Skips @code at the start of @text, with the blanks or dash after it. */
static const char *
skip_code (const char *text, const char *code)
{
	gsize n = strlen (code);
	if (n == 0 || strncmp (text, code, n) != 0 || (text[n] != ' ' && text[n] != '-' && text[n] != '\0'))
		return text;
	text += n;
	while (*text == ' ' || *text == '-')
		text++;
	return text;
}

/* The diagnostic without the reply and status codes it usually starts
 * with ("550 5.1.1 <address>: ..."): the columns and the title show them,
 * and the room is better spent on the words. */
static const char *
diagnostic_words (const BvBounce *b)
{
	const char *text = skip_code (b->diagnostic, b->reply_code);
	text = skip_code (text, b->status);
	/* Postfix then names the address, which is the view's title. */
	gsize n = strlen (b->address);
	if (text[0] == '<' && g_ascii_strncasecmp (text + 1, b->address, n) == 0 && text[n + 1] == '>') {
		text += n + 2;
		while (*text == ':' || *text == ' ')
			text++;
	}
	return *text != '\0' ? text : b->diagnostic;
}

static void
draw_row (gpointer data, guint row, int y, int x, int w, int attr, gboolean cursor)
{
	HistoryView *v = data;
	const BvBounce *b = v->bounces->pdata[row];
	char date[16];
	int sev = cursor ? attr : bv_theme_attr (b->hard ? BV_EL_HARD : BV_EL_SOFT);
	/* A report that may be forged says so where every width shows it,
	 * before its words: the policy never counts it. */
	g_autofree char *words = b->verified ? g_strdup (diagnostic_words (b))
	                                     /* TRANSLATORS: a diagnostic in a report that may
	                     * be forged: "(unverified) User unknown". */
	                                     : g_strdup_printf (_ ("(unverified) %s"), diagnostic_words (b));
	const char *cells[] = { bv_view_date (b->date, date), b->status, b->reply_code,
		                bv_catalog_title (b->cause), words };
	/* The status shows hard or soft too, for terminals too narrow for
	 * the cause. */
	int attrs[] = { attr, sev, attr, sev, b->verified || cursor ? attr : bv_theme_attr (BV_EL_DIM) };
	BvColumnLayout layout;
	bv_columns_layout (columns, G_N_ELEMENTS (columns), w, &layout);
	bv_columns_draw_row (columns, &layout, y, x, w, cells, attrs, attr);
}

static char *
history_title (BvView *view, BvTui *tui)
{
	HistoryView *v = (HistoryView *)view;
	const BvMark *mark = bv_model_get_mark (tui->model, v->address);
	g_autofree char *in_group =
	        v->group_title != NULL && v->in_group != v->bounces->len
	                /* TRANSLATORS: after "alice@example.com — 3 bounces": how
	                 * many of them the group the history was opened from
	                 * holds (what its address list counted). */
	                ? g_strdup_printf (_ (" (%u in “%s”)"), v->in_group, v->group_title)
	                : g_strdup ("");
	return g_strdup_printf (ngettext ("%s — %u bounce%s%s", "%s — %u bounces%s%s", v->bounces->len),
	                        v->address, v->bounces->len, in_group,
	                        mark ? _ (", marked for suppression") : "");
}

static char *
history_crumb (BvView *view, BvTui *tui)
{
	return g_strdup (((HistoryView *)view)->address);
}

static void
history_reload (BvView *view, BvTui *tui)
{
	HistoryView *v = (HistoryView *)view;
	g_clear_pointer (&v->bounces, g_ptr_array_unref);
	v->bounces = bv_model_history (tui->model, v->address);
	bv_list_set_count (&view->list, v->bounces->len);
}

static void
history_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	HistoryView *v = (HistoryView *)view;
	BvColumnLayout layout;
	bv_columns_layout (columns, G_N_ELEMENTS (columns), w, &layout);
	bv_columns_draw_header (columns, &layout, y, x, w);
	bv_list_draw (&view->list, y + 1, x, h - 1, w, focused, draw_row, v);
}

static gboolean
history_request (BvView *view, BvTui *tui, BvActionId action)
{
	HistoryView *v = (HistoryView *)view;
	if (bv_list_request (&view->list, action))
		return TRUE;
	if (v->bounces->len == 0)
		return FALSE;
	const BvBounce *b = v->bounces->pdata[view->list.cursor];
	switch (action) {
	case BV_ACT_ENTER: bv_tui_push (tui, bv_view_detail_new (tui, b)); return TRUE;
	case BV_ACT_COPY: bv_tui_copy (tui, v->address); return TRUE;
	case BV_ACT_MAILER: bv_tui_open_mailer (tui, b->message_id); return TRUE;
	case BV_ACT_MARK:
	case BV_ACT_UNMARK: {
		g_autoptr (GPtrArray) one = g_ptr_array_new ();
		g_ptr_array_add (one, v->address);
		bv_tui_mark (tui, one, action == BV_ACT_UNMARK, BV_MARK_BY_HAND);
		return TRUE;
	}
	case BV_ACT_RAW:
	case BV_ACT_PAGER: {
		/* The raw message is the detail's: open it, then ask it. */
		BvView *detail = bv_view_detail_new (tui, b);
		bv_tui_push (tui, detail);
		detail->klass->request (detail, tui, action);
		return TRUE;
	}
	default: return FALSE;
	}
}

static gboolean
history_matches (BvView *view, guint row, const char *text)
{
	const BvBounce *b = ((HistoryView *)view)->bounces->pdata[row];
	return bv_draw_contains (b->diagnostic, text) || bv_draw_contains (b->status, text) ||
	       bv_draw_contains (b->reply_code, text) || bv_draw_contains (bv_catalog_title (b->cause), text);
}

static void
history_free (BvView *view)
{
	HistoryView *v = (HistoryView *)view;
	g_clear_pointer (&v->bounces, g_ptr_array_unref);
	g_free (v->address);
	g_free (v->group_title);
	g_free (v);
}

static const BvViewClass history_class = {
	.name = "history",
	.title = history_title,
	.reload = history_reload,
	.draw = history_draw,
	.request = history_request,
	.matches = history_matches,
	.free = history_free,
	.crumb = history_crumb,
	.hints = N_ ("Enter:detail r:raw E:mail client y:copy q:back"),
};

BvView *
bv_view_history_new (BvTui *tui, const char *address)
{
	HistoryView *v = g_new0 (HistoryView, 1);
	v->parent.klass = &history_class;
	v->address = g_strdup (address);
	history_reload (&v->parent, tui);
	/* The most recent bounce is the one to look at first; opened from a
	 * group's address list, the most recent one in that group (within
	 * the dates shown), which is why the address is listed there. */
	if (v->bounces->len > 0)
		v->parent.list.cursor = v->bounces->len - 1;
	BvView *below = tui->views->len > 0 ? tui->views->pdata[tui->views->len - 1] : NULL;
	if (below == NULL || strcmp (below->klass->name, "addresses") != 0 || tui->open_key == NULL)
		return &v->parent;
	g_autofree char *title = below->klass->crumb != NULL ? below->klass->crumb (below, tui) : NULL;
	v->group_title = g_strdup (title != NULL ? title : tui->open_key);
	gboolean found = FALSE;
	for (guint i = v->bounces->len; i-- > 0;) {
		const BvBounce *b = v->bounces->pdata[i];
		g_autofree char *key = bv_view_bounce_key (b, tui->open_dimension);
		if (strcmp (key, tui->open_key) != 0)
			continue;
		gboolean dated = (tui->filter.since == 0 || b->date >= tui->filter.since) &&
		                 (tui->filter.until == 0 || b->date < tui->filter.until);
		v->in_group += dated ? 1 : 0;
		if (!found && dated) {
			v->parent.list.cursor = i;
			found = TRUE;
		}
	}
	return &v->parent;
}
