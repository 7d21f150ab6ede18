/* undo.c: the operations the undo key takes back.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "index/suppress.h"
#include "tui/undo.h"

/* More than anyone undoes in a row; older operations are forgotten so
 * that a long session does not keep every mark it ever made. */
#define UNDO_DEPTH 64

typedef struct {
	gboolean unmark;
	/* For a mark: the marks it added (of BvMark*), taken back by
	 * removing them.  For an unmark: the marks it removed, put back as
	 * they were. */
	GPtrArray *marks;
} Operation;

struct _BvUndo {
	GPtrArray *done; /* of Operation*, the last one at the end */
};

static void
operation_free (Operation *op)
{
	g_ptr_array_unref (op->marks);
	g_free (op);
}

BvUndo *
bv_undo_new (void)
{
	BvUndo *undo = g_new0 (BvUndo, 1);
	undo->done = g_ptr_array_new_with_free_func ((GDestroyNotify)operation_free);
	return undo;
}

void
bv_undo_free (BvUndo *undo)
{
	if (undo == NULL)
		return;
	g_ptr_array_unref (undo->done);
	g_free (undo);
}

/* @addresses as a NULL-terminated vector (the strings stay theirs). */
static GPtrArray *
terminated (GPtrArray *addresses)
{
	GPtrArray *v = g_ptr_array_sized_new (addresses->len + 1);
	for (guint i = 0; i < addresses->len; i++)
		g_ptr_array_add (v, addresses->pdata[i]);
	g_ptr_array_add (v, NULL);
	return v;
}

/* Copies of the marks @addresses have in @model now (of BvMark*). */
static GPtrArray *
current_marks (BvModel *model, GPtrArray *addresses)
{
	GPtrArray *marks = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_mark_free);
	g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < addresses->len; i++) {
		char *a = bv_address_normalize (addresses->pdata[i]);
		if (!g_hash_table_add (seen, a))
			continue;
		const BvMark *mark = bv_model_get_mark (model, a);
		if (mark != NULL)
			g_ptr_array_add (marks, bv_mark_copy (mark));
	}
	return marks;
}

gboolean
bv_undo_apply (BvUndo *undo, BvModel *model, GPtrArray *addresses, gboolean unmark, BvMarkSource source,
               guint *n_changed, GError **error)
{
	g_autoptr (GPtrArray) before = current_marks (model, addresses);
	g_autoptr (GPtrArray) list = terminated (addresses);
	gboolean ok = unmark ? bv_model_unmark (model, (const char *const *)list->pdata, error)
	                     : bv_model_mark (model, (const char *const *)list->pdata, source, NULL, error);
	if (!ok)
		return FALSE;
	Operation *op = g_new0 (Operation, 1);
	op->unmark = unmark;
	if (unmark) {
		op->marks = g_steal_pointer (&before);
	} else {
		/* Only the addresses this operation marked: the others had a
		 * mark of their own, which an undo must not take. */
		g_autoptr (GHashTable) had = g_hash_table_new (g_str_hash, g_str_equal);
		for (guint i = 0; i < before->len; i++)
			g_hash_table_add (had, ((BvMark *)before->pdata[i])->address);
		g_autoptr (GPtrArray) after = current_marks (model, addresses);
		op->marks = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_mark_free);
		for (guint i = 0; i < after->len; i++)
			if (!g_hash_table_contains (had, ((BvMark *)after->pdata[i])->address))
				g_ptr_array_add (op->marks, bv_mark_copy (after->pdata[i]));
	}
	if (n_changed != NULL)
		*n_changed = op->marks->len;
	if (op->marks->len == 0) {
		operation_free (op);
		return TRUE;
	}
	g_ptr_array_add (undo->done, op);
	if (undo->done->len > UNDO_DEPTH)
		g_ptr_array_remove_index (undo->done, 0);
	return TRUE;
}

gboolean
bv_undo_revert (BvUndo *undo, BvModel *model, gboolean *was_unmark, guint *n_changed, GError **error)
{
	if (undo->done->len == 0)
		return FALSE;
	Operation *op = undo->done->pdata[undo->done->len - 1];
	gboolean ok;
	if (op->unmark) {
		ok = bv_model_restore_marks (model, op->marks, error);
	} else {
		g_autoptr (GPtrArray) addresses = g_ptr_array_new ();
		for (guint i = 0; i < op->marks->len; i++)
			g_ptr_array_add (addresses, ((BvMark *)op->marks->pdata[i])->address);
		g_ptr_array_add (addresses, NULL);
		ok = bv_model_unmark (model, (const char *const *)addresses->pdata, error);
	}
	if (!ok)
		return FALSE;
	*was_unmark = op->unmark;
	*n_changed = op->marks->len;
	g_ptr_array_remove_index (undo->done, undo->done->len - 1);
	return TRUE;
}
