/* scan-jobs.c: one thread walks the input, N workers parse, the caller prints.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The messages travel through a ring of slots in the order of the walk.
 * Workers claim the oldest unclaimed slot, so the ring's head is always
 * among the next to finish; the caller emits slots from the head only, which
 * makes the output the same, byte for byte, as with one thread.  The walker
 * waits while the ring is full, so memory does not grow with the input.
 *
 * Files of a Maildir or directory are opened by the walker (it must know
 * whether one is an mbox, which it splits itself) and read by the worker
 * that parses them, so reading is spread over the workers too. */
#include "config.h"

#include <unistd.h>

#include "cli/input.h"
#include "cli/scan-jobs.h"

/* Slots per worker: enough that a worker rarely waits on a slow message
 * at the head, few enough to keep memory small. */
#define SLOTS_PER_JOB 16

typedef enum {
	SLOT_FREE,
	SLOT_TODO, /* filled by the walker, waiting for a worker */
	SLOT_BUSY, /* a worker has it */
	SLOT_DONE, /* ready to emit */
} SlotState;

typedef struct {
	SlotState state;
	char *name;
	/* A message the walker read (mbox, standard input)... */
	char *data;
	gsize len;
	/* ...or a file for the worker to read (fd >= 0). */
	int fd;
	gsize want;
	/* A problem to print: from the walk, or the worker's read. */
	char *problem;
	gboolean failed; /* the worker could not read the file */
	gboolean has_result;
	gpointer result;
} Slot;

typedef struct {
	GMutex lock;
	GCond todo; /* workers: a slot to claim, or the walk is over */
	GCond done; /* emitter: the head slot is done, or the walk is over */
	GCond room; /* walker: a slot is free */
	Slot *ring;
	guint64 cap;
	guint64 head;  /* the next slot to emit */
	guint64 tail;  /* the next slot to fill */
	guint64 claim; /* the first slot a worker may still find to do */
	gboolean walked;
	gboolean walk_ok;
	char *const *paths;
	BvJobWork work;
	BvJobEmit emit;
	gpointer user;
} Pool;

/* Fills the next slot, waiting for room.  Takes ownership of @name, @data,
 * @fd and @problem. */
static void
push (Pool *pool, char *name, char *data, gsize len, int fd, gsize want, char *problem)
{
	g_mutex_lock (&pool->lock);
	while (pool->tail - pool->head >= pool->cap)
		g_cond_wait (&pool->room, &pool->lock);
	guint64 seq = pool->tail++;
	Slot *s = &pool->ring[seq % pool->cap];
	*s = (Slot){ .name = name, .data = data, .len = len, .fd = fd, .want = want, .problem = problem };
	if (problem != NULL) {
		s->state = SLOT_DONE;
		if (seq == pool->head)
			g_cond_signal (&pool->done);
	} else {
		s->state = SLOT_TODO;
		g_cond_signal (&pool->todo);
	}
	g_mutex_unlock (&pool->lock);
}

static void
walk_message (const char *name, const char *data, gsize len, gpointer user)
{
	push (user, g_strdup (name), g_memdup2 (data, len + 1), len, -1, 0, NULL);
}

static void
walk_problem (const char *path, const char *reason, gpointer user)
{
	push (user, g_strdup (path), NULL, 0, -1, 0, g_strdup (reason));
}

static void
walk_file (const char *path, int fd, gsize want, gpointer user)
{
	push (user, g_strdup (path), NULL, 0, fd, want, NULL);
}

static gpointer
walker_main (gpointer data)
{
	Pool *pool = data;
	BvInputSink sink = { walk_message, walk_problem, walk_file, pool };
	gboolean ok = TRUE;
	for (char *const *p = pool->paths; *p; p++)
		ok &= bv_input_walk (*p, &sink);
	g_mutex_lock (&pool->lock);
	pool->walked = TRUE;
	pool->walk_ok = ok;
	g_cond_broadcast (&pool->todo);
	g_cond_signal (&pool->done);
	g_mutex_unlock (&pool->lock);
	return NULL;
}

/* A worker reading a file delivers to its slot through this sink. */
typedef struct {
	Pool *pool;
	Slot *slot;
} WorkerCtx;

static void
read_message (const char *name, const char *data, gsize len, gpointer user)
{
	(void)name;
	WorkerCtx *w = user;
	w->slot->result = w->pool->work (data, len, w->pool->user);
	w->slot->has_result = TRUE;
}

static void
read_problem (const char *path, const char *reason, gpointer user)
{
	(void)path;
	WorkerCtx *w = user;
	w->slot->problem = g_strdup (reason);
}

static void
run_slot (Pool *pool, Slot *s)
{
	if (s->fd >= 0) {
		WorkerCtx w = { pool, s };
		BvInputSink sink = { read_message, read_problem, NULL, &w };
		s->failed = !bv_input_read_file (s->name, s->fd, s->want, &sink);
		s->fd = -1;
	} else {
		s->result = pool->work (s->data, s->len, pool->user);
		s->has_result = TRUE;
		g_clear_pointer (&s->data, g_free);
	}
}

static gpointer
worker_main (gpointer data)
{
	Pool *pool = data;
	g_mutex_lock (&pool->lock);
	for (;;) {
		/* Slots behind the head were emitted and may hold newer
		 * messages by now: never look there. */
		pool->claim = MAX (pool->claim, pool->head);
		while (pool->claim < pool->tail && pool->ring[pool->claim % pool->cap].state != SLOT_TODO)
			pool->claim++;
		if (pool->claim == pool->tail) {
			if (pool->walked)
				break;
			g_cond_wait (&pool->todo, &pool->lock);
			continue;
		}
		guint64 seq = pool->claim++;
		Slot *s = &pool->ring[seq % pool->cap];
		s->state = SLOT_BUSY;
		g_mutex_unlock (&pool->lock);
		run_slot (pool, s);
		g_mutex_lock (&pool->lock);
		s->state = SLOT_DONE;
		if (seq == pool->head)
			g_cond_signal (&pool->done);
	}
	g_mutex_unlock (&pool->lock);
	return NULL;
}

/* Emits the slots in order until the walk is over and every slot is out. */
static gboolean
emit_all (Pool *pool)
{
	gboolean ok = TRUE;
	g_mutex_lock (&pool->lock);
	for (;;) {
		Slot *s = &pool->ring[pool->head % pool->cap];
		if (pool->head == pool->tail) {
			if (pool->walked)
				break;
			g_cond_wait (&pool->done, &pool->lock);
			continue;
		}
		if (s->state != SLOT_DONE) {
			g_cond_wait (&pool->done, &pool->lock);
			continue;
		}
		g_mutex_unlock (&pool->lock);
		if (s->problem != NULL)
			bv_input_print_problem (s->name, s->problem);
		if (s->has_result)
			pool->emit (s->name, s->result, pool->user);
		ok &= !s->failed;
		g_free (s->name);
		g_free (s->problem);
		*s = (Slot){ .state = SLOT_FREE, .fd = -1 };
		g_mutex_lock (&pool->lock);
		pool->head++;
		g_cond_signal (&pool->room);
	}
	ok &= pool->walk_ok;
	g_mutex_unlock (&pool->lock);
	return ok;
}

/* The one-thread walk: parse and emit each message as it comes. */
typedef struct {
	BvJobWork work;
	BvJobEmit emit;
	gpointer user;
} Inline;

static void
inline_message (const char *name, const char *data, gsize len, gpointer user)
{
	Inline *in = user;
	in->emit (name, in->work (data, len, in->user), in->user);
}

gboolean
bv_scan_jobs_run (char *const *paths, guint jobs, BvJobWork work, BvJobEmit emit, gpointer user)
{
	if (jobs <= 1) {
		Inline in = { work, emit, user };
		BvInputSink sink = { inline_message, NULL, NULL, &in };
		gboolean ok = TRUE;
		for (char *const *p = paths; *p; p++)
			ok &= bv_input_walk (*p, &sink);
		return ok;
	}

	Pool pool = { 0 };
	g_mutex_init (&pool.lock);
	g_cond_init (&pool.todo);
	g_cond_init (&pool.done);
	g_cond_init (&pool.room);
	pool.cap = (guint64)jobs * SLOTS_PER_JOB;
	pool.ring = g_new0 (Slot, pool.cap);
	pool.paths = paths;
	pool.work = work;
	pool.emit = emit;
	pool.user = user;

	GThread *walker = g_thread_new ("bv-walk", walker_main, &pool);
	g_autoptr (GPtrArray) workers = g_ptr_array_new ();
	for (guint i = 0; i < jobs; i++)
		g_ptr_array_add (workers, g_thread_new ("bv-parse", worker_main, &pool));
	gboolean ok = emit_all (&pool);
	g_thread_join (walker);
	for (guint i = 0; i < workers->len; i++)
		g_thread_join (workers->pdata[i]);

	g_free (pool.ring);
	g_cond_clear (&pool.room);
	g_cond_clear (&pool.done);
	g_cond_clear (&pool.todo);
	g_mutex_clear (&pool.lock);
	return ok;
}
