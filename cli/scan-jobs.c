/* scan-jobs.c: one thread walks the input, N workers parse and print in order.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The messages travel through a ring of slots in the order of the walk.
 * Workers claim the oldest unclaimed slot, so the ring's head is always
 * among the next to finish; slots are emitted from the head only, by the
 * thread that finishes the head, which makes the output the same, byte for
 * byte, as with one thread.  The walker waits while the ring is full, so
 * memory does not grow with the input.
 *
 * The files of a Maildir are opened, read and parsed by the workers, so
 * the walker only lists directories; other files are opened by the walker
 * (it must know whether one is an mbox, which it splits itself) and read
 * by a worker.  A Maildir file that turns out to be an mbox (a "From "
 * line left on top by a conversion) gives its slot more than one message:
 * the slot keeps them in order, so the output does not change. */
#include "config.h"

#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "cli/input.h"
#include "cli/scan-jobs.h"
#include "cli/scan-procs.h"

/* Slots per worker: enough that a worker rarely waits on a slow message
 * at the head, few enough to keep memory small. */
#define SLOTS_PER_JOB 64
/* How often an idle worker looks for a slot it was not woken for. */
#define IDLE_LOOK_NS (20 * 1000 * 1000L)

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
	/* ...or a file for the worker to read: opened by the walker (fd >= 0)
	 * or not yet (fd -1). */
	gboolean is_file;
	int fd;
	gsize want;
	/* A problem to print: from the walk, or the worker's read. */
	char *problem;
	gboolean failed; /* the worker could not read the file */
	gboolean has_result;
	gpointer result;
	/* Further messages and problems of the same file, in order (Extra),
	 * when it held more than one message or problem.  Usually NULL. */
	GArray *extra;
} Slot;

/* A message or problem after the slot's first. */
typedef struct {
	char *name;
	char *problem;
	gboolean has_result;
	gpointer result;
} Extra;

/* POSIX mutexes and conditions rather than GLib's: valgrind's helgrind
 * and drd understand them, so a race check of this file sees its
 * hand-offs.  A thread that waits says so and is woken only then, and only
 * when there is enough to do: a wake-up is a system call, and waking a
 * thread per message cost more than the parse of most messages. */
typedef struct {
	pthread_mutex_t lock;
	pthread_cond_t todo; /* workers: slots to claim, or the walk is over */
	pthread_cond_t room; /* walker: the ring is half empty */
	guint idle_workers;
	gboolean walker_waits;
	gboolean emitting; /* a thread is emitting: the others leave it */
	Slot *ring;
	guint64 cap;
	guint64 head;  /* the next slot to emit */
	guint64 tail;  /* the next slot to fill */
	guint64 claim; /* the first slot a worker may still find to do */
	guint todo_count;
	gboolean walked;
	gboolean ok;
	BvJobWork work;
	BvJobEmit emit;
	gpointer user;
} Pool;

/* Emits the slots at the head that are done, in order.  Called with the
 * lock held by the thread that just finished or filled the head slot;
 * whoever that is emits, so no thread waits to print. */
static void
emit_ready (Pool *pool)
{
	if (pool->emitting)
		return;
	pool->emitting = TRUE;
	while (pool->head < pool->tail && pool->ring[pool->head % pool->cap].state == SLOT_DONE) {
		Slot *s = &pool->ring[pool->head % pool->cap];
		pthread_mutex_unlock (&pool->lock);
		if (s->problem != NULL)
			bv_input_print_problem (s->name, s->problem);
		if (s->has_result)
			pool->emit (s->name, s->result, pool->user);
		for (guint i = 0; s->extra != NULL && i < s->extra->len; i++) {
			Extra *e = &g_array_index (s->extra, Extra, i);
			if (e->problem != NULL)
				bv_input_print_problem (e->name, e->problem);
			if (e->has_result)
				pool->emit (e->name, e->result, pool->user);
			g_free (e->name);
			g_free (e->problem);
		}
		g_clear_pointer (&s->extra, g_array_unref);
		gboolean failed = s->failed;
		g_free (s->name);
		g_free (s->problem);
		*s = (Slot){ .state = SLOT_FREE, .fd = -1 };
		pthread_mutex_lock (&pool->lock);
		if (failed)
			pool->ok = FALSE;
		pool->head++;
		if (pool->walker_waits && pool->tail - pool->head <= pool->cap / 2)
			pthread_cond_signal (&pool->room);
	}
	pool->emitting = FALSE;
}

/* Fills the next slot, waiting for room.  Takes ownership of @name, @data,
 * @fd and @problem. */
static void
push (Pool *pool, char *name, char *data, gsize len, gboolean is_file, int fd, gsize want, char *problem)
{
	pthread_mutex_lock (&pool->lock);
	if (pool->tail - pool->head >= pool->cap) {
		/* Full: wait until half of it is out, not one slot. */
		if (pool->idle_workers > 0)
			pthread_cond_broadcast (&pool->todo);
		pool->walker_waits = TRUE;
		while (pool->tail - pool->head > pool->cap / 2)
			pthread_cond_wait (&pool->room, &pool->lock);
		pool->walker_waits = FALSE;
	}
	guint64 seq = pool->tail++;
	Slot *s = &pool->ring[seq % pool->cap];
	*s = (Slot){ .name = name,
		     .data = data,
		     .len = len,
		     .is_file = is_file,
		     .fd = fd,
		     .want = want,
		     .problem = problem };
	if (problem != NULL) {
		s->state = SLOT_DONE;
		if (seq == pool->head)
			emit_ready (pool);
	} else {
		s->state = SLOT_TODO;
		/* Idle workers are woken for a few slots at a time; a slot
		 * that arrives alone (a slow stream on standard input) waits
		 * at most for their next look (IDLE_LOOK_NS). */
		if (++pool->todo_count >= SLOTS_PER_JOB / 4 && pool->idle_workers > 0)
			pthread_cond_broadcast (&pool->todo);
	}
	pthread_mutex_unlock (&pool->lock);
}

static void
walk_message (const char *name, const char *data, gsize len, gpointer user)
{
	push (user, g_strdup (name), g_memdup2 (data, len + 1), len, FALSE, -1, 0, NULL);
}

static void
walk_problem (const char *path, const char *reason, gpointer user)
{
	push (user, g_strdup (path), NULL, 0, FALSE, -1, 0, g_strdup (reason));
}

static void
walk_file (const char *path, int fd, gsize want, gpointer user)
{
	push (user, g_strdup (path), NULL, 0, TRUE, fd, want, NULL);
}

/* A worker reading a file delivers to its slot through this sink. */
typedef struct {
	Pool *pool;
	Slot *slot;
} WorkerCtx;

/* Names the slot after the message or problem it now holds: the slot's
 * name is the file's, and an mbox message's ("PATH:OFFSET") differs. */
static void
rename_slot (Slot *s, const char *name)
{
	if (g_strcmp0 (name, s->name) != 0) {
		g_free (s->name);
		s->name = g_strdup (name);
	}
}

/* A new, zeroed Extra at the end of the slot's. */
static Extra *
next_extra (Slot *s)
{
	if (s->extra == NULL)
		s->extra = g_array_new (FALSE, TRUE, sizeof (Extra));
	g_array_set_size (s->extra, s->extra->len + 1);
	return &g_array_index (s->extra, Extra, s->extra->len - 1);
}

static void
read_message (const char *name, const char *data, gsize len, gpointer user)
{
	WorkerCtx *w = user;
	Slot *s = w->slot;
	gpointer result = w->pool->work (data, len, w->pool->user);
	/* The slot's own fields hold the first message, after at most a
	 * problem of the same name; anything else goes after, in order. */
	if (!s->has_result && s->extra == NULL && (s->problem == NULL || g_strcmp0 (name, s->name) == 0)) {
		rename_slot (s, name);
		s->result = result;
		s->has_result = TRUE;
		return;
	}
	Extra *e = next_extra (s);
	e->name = g_strdup (name);
	e->result = result;
	e->has_result = TRUE;
}

static void
read_problem (const char *path, const char *reason, gpointer user)
{
	WorkerCtx *w = user;
	Slot *s = w->slot;
	if (s->problem == NULL && !s->has_result && s->extra == NULL) {
		rename_slot (s, path);
		s->problem = g_strdup (reason);
		return;
	}
	Extra *e = next_extra (s);
	e->name = g_strdup (path);
	e->problem = g_strdup (reason);
}

static void
run_slot (Pool *pool, Slot *s)
{
	if (s->is_file) {
		WorkerCtx w = { pool, s };
		BvInputSink sink = { read_message, read_problem, NULL, FALSE, &w };
		/* A copy: the sink renames the slot after an mbox message
		 * while the reader still uses the path. */
		g_autofree char *path = g_strdup (s->name);
		s->failed = !bv_input_read_file (path, s->fd, s->want, &sink);
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
	pthread_mutex_lock (&pool->lock);
	for (;;) {
		/* Slots behind the head were emitted and may hold newer
		 * messages by now: never look there. */
		pool->claim = MAX (pool->claim, pool->head);
		while (pool->claim < pool->tail && pool->ring[pool->claim % pool->cap].state != SLOT_TODO)
			pool->claim++;
		if (pool->claim == pool->tail) {
			if (pool->walked)
				break;
			pool->idle_workers++;
			struct timespec until;
			clock_gettime (CLOCK_REALTIME, &until);
			until.tv_nsec += IDLE_LOOK_NS;
			if (until.tv_nsec >= 1000000000L) {
				until.tv_sec++;
				until.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait (&pool->todo, &pool->lock, &until);
			pool->idle_workers--;
			continue;
		}
		guint64 seq = pool->claim++;
		Slot *s = &pool->ring[seq % pool->cap];
		s->state = SLOT_BUSY;
		pool->todo_count--;
		pthread_mutex_unlock (&pool->lock);
		run_slot (pool, s);
		pthread_mutex_lock (&pool->lock);
		s->state = SLOT_DONE;
		if (seq == pool->head)
			emit_ready (pool);
	}
	pthread_mutex_unlock (&pool->lock);
	return NULL;
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
bv_scan_jobs_run (char *const *paths, guint jobs, const BvJobs *j)
{
	BvJobWork work = j->work;
	BvJobEmit emit = j->emit;
	gpointer user = j->user;
	if (jobs > 1 && bv_scan_procs_fit (paths))
		return bv_scan_procs_run (paths, jobs, j);
	if (jobs <= 1) {
		Inline in = { work, emit, user };
		BvInputSink sink = { inline_message, NULL, NULL, FALSE, &in };
		gboolean ok = TRUE;
		for (char *const *p = paths; *p; p++)
			ok &= bv_input_walk (*p, &sink);
		return ok;
	}

	Pool pool = { 0 };
	pthread_mutex_init (&pool.lock, NULL);
	pthread_cond_init (&pool.todo, NULL);
	pthread_cond_init (&pool.room, NULL);
	pool.cap = (guint64)jobs * SLOTS_PER_JOB;
	pool.ring = g_new0 (Slot, pool.cap);
	pool.ok = TRUE;
	pool.work = work;
	pool.emit = emit;
	pool.user = user;

	g_autoptr (GPtrArray) workers = g_ptr_array_new ();
	for (guint i = 0; i < jobs; i++)
		g_ptr_array_add (workers, g_thread_new ("bv-parse", worker_main, &pool));
	/* This thread walks. */
	BvInputSink sink = { walk_message, walk_problem, walk_file, FALSE, &pool };
	gboolean ok = TRUE;
	for (char *const *p = paths; *p; p++)
		ok &= bv_input_walk (*p, &sink);
	pthread_mutex_lock (&pool.lock);
	pool.walked = TRUE;
	pthread_cond_broadcast (&pool.todo);
	pthread_mutex_unlock (&pool.lock);
	for (guint i = 0; i < workers->len; i++)
		g_thread_join (workers->pdata[i]);
	/* Every slot was emitted by the thread that finished it or, last,
	 * by a worker on its way out. */
	g_assert (pool.head == pool.tail);

	g_free (pool.ring);
	pthread_cond_destroy (&pool.room);
	pthread_cond_destroy (&pool.todo);
	pthread_mutex_destroy (&pool.lock);
	return ok && pool.ok;
}
