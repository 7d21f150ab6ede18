/* view-pager.c: the raw message, scrollable.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The message is shown as its bytes are, line by line, made safe: escape
 * sequences in mail never reach the terminal.  Very large files are cut so
 * that opening one never stalls the interface.  Lines are not wrapped:
 * Left and Right scroll sideways, as in less -S.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tui/text-view.h"

/* More than a person scrolls through; the rest is in $PAGER. */
#define PAGER_MAX_BYTES (4 * 1024 * 1024)

typedef struct {
	BvTextView text;
	char *path;
} PagerView;

static void
pager_free (BvView *view)
{
	bv_text_view_clear ((BvTextView *)view);
	g_free (((PagerView *)view)->path);
	g_free (view);
}

/* | opens the same file in $PAGER, also from here: the whole of a file
 * cut for size, and the pager's own search. */
static gboolean
pager_request (BvView *view, BvTui *tui, BvActionId action)
{
	if (action == BV_ACT_PAGER) {
		bv_view_run_pager (tui, ((PagerView *)view)->path);
		return TRUE;
	}
	return bv_text_view_request (view, tui, action);
}

static const BvViewClass pager_class = {
	.name = "pager",
	.title = bv_text_view_title,
	.draw = bv_text_view_draw,
	.request = pager_request,
	.matches = bv_text_view_matches,
	.free = pager_free,
	.hints = N_ ("←/→:scroll |:pager /:find q:back"),
};

BvView *
bv_view_pager_new (BvTui *tui, const char *path, const char *title)
{
	PagerView *pv = g_new0 (PagerView, 1);
	BvTextView *tv = &pv->text;
	bv_text_view_init (tv, &pager_class, title);
	pv->path = g_strdup (path);
	g_autoptr (GError) error = NULL;
	g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
	if (file == NULL) {
		bv_text_view_add (tv, BV_EL_ERROR, NULL, error->message, TRUE);
		return &tv->parent;
	}
	gsize len = g_mapped_file_get_length (file);
	const char *data = g_mapped_file_get_contents (file);
	gsize shown = MIN (len, PAGER_MAX_BYTES);
	const char *p = data, *end = data + shown;
	while (p < end) {
		const char *nl = memchr (p, '\n', (gsize)(end - p));
		const char *stop = nl ? nl : end;
		gsize n = (gsize)(stop - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		/* Invalid UTF-8 becomes U+FFFD when drawn (draw.c). */
		g_autofree char *line = g_utf8_make_valid (p, (gssize)n);
		/* Not wrapped, as less -S shows mail: headers and encoded
		 * lines keep their shape; Left and Right scroll. */
		bv_text_view_add (tv, BV_EL_DEFAULT, NULL, line, FALSE);
		p = nl ? nl + 1 : end;
	}
	if (shown < len) {
		g_autofree char *note = g_strdup_printf (
		        _ ("(cut after %u bytes; | opens the whole file in $PAGER)"), (guint)shown);
		bv_text_view_add (tv, BV_EL_DIM, NULL, note, TRUE);
	}
	return &tv->parent;
}
