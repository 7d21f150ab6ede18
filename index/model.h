/* model.h: the bounces of one Maildir as the UI and the exports see them.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BvModel is a read-only, in-memory picture of every bounce cached in the
 * notmuch index for one Maildir (see index.h for how the cache is filled),
 * joined with the suppression marks (suppress.h).  Views and exporters call
 * only this interface: they never see notmuch, never read mail files and
 * never parse anything.  Every query below works on the picture in memory
 * and returns quickly even at 100,000 messages; bv_model_reload() refreshes
 * the picture after an index run or after marks changed.
 *
 * Vocabulary:
 *  - a "bounce" is one recipient of one delivery report whose action is not a
 *    success (failed or delayed, plus complaints and auto-replies, which carry
 *    the causes "feedback" and "vacation");
 *  - an "address" is a recipient address, compared case-insensitively; the
 *    same person bouncing five times is one address with five bounces;
 *  - dates are Unix seconds (UTC); 0 means unknown.
 *
 * Ownership: every function returning a struct or a GPtrArray returns a new
 * one owned by the caller; the arrays have their element free function set,
 * so g_ptr_array_unref() frees everything.  Strings inside the structs are
 * never NULL ("" when unknown) and belong to the struct.
 */
#ifndef BV_MODEL_H
#define BV_MODEL_H

#include <glib.h>

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* What groups are formed by.  X(enum suffix, machine id) */
#define BV_DIMENSIONS(X)     \
	X (CAUSE, "cause")   \
	X (DOMAIN, "domain") \
	X (STATUS, "status") \
	X (MTA, "mta")       \
	X (MONTH, "month")   \
	X (ADDRESS, "address")

typedef enum {
#define BV_DIMENSION_ENUM(e, id) BV_DIMENSION_##e,
	BV_DIMENSIONS (BV_DIMENSION_ENUM)
#undef BV_DIMENSION_ENUM
	        BV_DIMENSION_COUNT
} BvDimension;

/* Machine id of a dimension ("cause", ...); NULL when out of range. */
const char *bv_dimension_id (BvDimension dim);
/* Returns TRUE and sets *out when @id names a dimension. */
gboolean bv_dimension_from_id (const char *id, BvDimension *out);

typedef enum {
	BV_SEVERITY_ANY,
	BV_SEVERITY_HARD,
	BV_SEVERITY_SOFT,
} BvSeverityFilter;

typedef enum {
	BV_MARKED_ANY,
	BV_MARKED_YES, /* only addresses marked for suppression */
	BV_MARKED_NO,  /* only addresses not marked */
} BvMarkedFilter;

/* Which bounces a query looks at.  A zeroed BvFilter (or NULL where a
 * function takes a pointer) selects everything.  The caller owns the
 * strings; the model does not keep the filter. */
typedef struct {
	/* Case-insensitive substring looked for in the address, the
	 * diagnostic, the status, the reply code, the cause id and the
	 * reporting mail system.  NULL or "": no text condition. */
	const char *text;
	gint64 since; /* bounce date >= since; 0: no lower bound */
	gint64 until; /* bounce date <  until; 0: no upper bound */
	/* Bit (1 << cause) set for every cause wanted; 0: all causes. */
	guint64 causes;
	BvSeverityFilter severity;
	BvMarkedFilter marked;
} BvFilter;

/* One group of a dimension: all bounces sharing @key. */
typedef struct {
	BvDimension dimension;
	/* Machine key: the cause id ("userunknown"), the domain
	 * ("example.com"), the status ("5.1.1", or the reply code when the
	 * report has no status, or "" when it has neither), the reporting
	 * mail system ("postfix", "" when unknown), the month ("2026-03",
	 * "" when the date is unknown) or the address. */
	char *key;
	guint bounces;
	guint addresses; /* distinct addresses */
	guint hard;      /* bounces that were hard */
	guint soft;      /* bounces that were not */
	guint marked;    /* distinct addresses marked for suppression */
	gint64 first_seen;
	gint64 last_seen;
} BvGroup;

void bv_group_free (BvGroup *group);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvGroup, bv_group_free)

/* One address with a summary of its bounces (within the filter). */
typedef struct {
	char *address;
	char *domain;
	guint bounces;
	guint hard;
	guint soft;
	gint64 first_seen;
	gint64 last_seen;
	/* The most recent bounce's cause, status and diagnostic: what the
	 * address's row shows. */
	BvCause last_cause;
	char *last_status;
	char *last_diagnostic;
	gboolean marked;
	/* Bounces from reports that are not genuine (see policy.h): shown,
	 * never counted by the policy. */
	guint unverified;
} BvAddress;

void bv_address_free (BvAddress *address);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvAddress, bv_address_free)

/* One bounce: one recipient of one report, as a history row. */
typedef struct {
	char *address;
	gint64 date;
	BvCause cause;
	gboolean hard;
	char *action; /* failed, delayed */
	char *status;
	char *reply_code;
	char *diagnostic;
	char *mta;        /* mail system that wrote the report */
	char *message_id; /* of the report: the key bv_model_bounce_detail() takes */
	guint index;      /* position of this recipient within its report */
	/* FALSE when the report is not genuine: not sent with a null envelope
	 * sender nor by a postmaster/MAILER-DAEMON (anyone can forge a report
	 * naming addresses).  Show it as "unverified"; the policy ignores it. */
	gboolean verified;
} BvBounce;

void bv_bounce_free (BvBounce *bounce);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvBounce, bv_bounce_free)

/* Everything known about one bounce: the recipient's fields as the engine
 * returned them, the report around it, and the file it came from. */
typedef struct {
	BvRecipient *recipient; /* owned; all fields filled from the cache */
	BvKind kind;
	char *message_id; /* of the report */
	gint64 date;
	char *date_header; /* the report's Date: as written */
	char *from;
	char *subject;
	char *mta;
	BvOriginal original; /* owned strings */
	/* Absolute path of the report's file (the first one when the message
	 * has several); "" when the file has gone since the last index run. */
	char *path;
} BvBounceDetail;

void bv_bounce_detail_free (BvBounceDetail *detail);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvBounceDetail, bv_bounce_detail_free)

/* Why the policy proposes suppressing an address (the rule is in
 * index/policy.h: only genuine reports with a recipient-side cause count). */
typedef enum {
	BV_PROPOSAL_HARD,     /* at least one counted hard bounce */
	BV_PROPOSAL_REPEATED, /* N counted soft bounces over at least D days */
} BvProposalReason;

/* An address the policy proposes to mark.  Proposals are only shown:
 * nothing is marked until the user accepts (bv_model_mark()). */
typedef struct {
	char *address;
	BvProposalReason reason;
	BvCause cause;     /* of the evidence: always a recipient-side cause */
	guint bounces;     /* bounces that count towards the proposal */
	guint ignored;     /* the address's other bounces (sender side, delays,
	                 * unverified reports), which do not count */
	gint64 first_seen; /* of the counted bounces */
	gint64 last_seen;
	/* The bounce that decides: the latest counted hard bounce, or the
	 * latest counted one for a repeated proposal.  Never NULL; owned by
	 * the proposal; its message_id and index open the report with
	 * bv_model_bounce_detail(), its status and diagnostic say why. */
	BvBounce *evidence;
} BvProposal;

void bv_proposal_free (BvProposal *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvProposal, bv_proposal_free)

/* What marking a set of addresses would do: what `M` on a group and `A` on
 * the proposals show before asking.  Every address counts in exactly one
 * of already_marked, proposed, pending, sender_side, unverified and
 * unknown. */
typedef struct {
	BvCause cause;
	gboolean recipient_side; /* the catalog's side is the recipient's */
	guint addresses;         /* addresses whose latest bounce has @cause */
} BvPreviewCause;

typedef struct {
	guint addresses;      /* distinct addresses asked for */
	guint already_marked; /* marked already: marking keeps their mark */
	guint proposed;       /* the policy proposes them: probably bad */
	/* Recipient-side bounces, but fewer than the policy wants yet. */
	guint pending;
	/* Bounced only for sender-side, message or temporary causes (or
	 * delays): the addresses are probably fine. */
	guint sender_side;
	/* Known only from reports that are not genuine. */
	guint unverified;
	guint unknown; /* no bounce in the model */
	/* Of BvPreviewCause, by each address's latest cause, most addresses
	 * first; the addresses not marked yet only. */
	GArray *causes;
	/* A sentence to show before asking, translated, or NULL when there is
	 * nothing to warn about: "These are your sending setup's bounces: the
	 * addresses are probably fine." when every address to be marked is
	 * sender_side or unverified, a count of them when only some are. */
	char *warning;
} BvMarkPreview;

void bv_mark_preview_free (BvMarkPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvMarkPreview, bv_mark_preview_free)

/* A suppression mark.  Also what `suppress list` prints. */
typedef enum {
	BV_MARK_BY_HAND,
	BV_MARK_BY_POLICY,
} BvMarkSource;

typedef struct {
	char *address; /* normalized: bv_address_normalize() */
	BvCause cause; /* the address's latest cause when it was marked */
	gint64 date;   /* when it was marked */
	BvMarkSource source;
	char *note; /* "" when none */
} BvMark;

BvMark *bv_mark_new (const char *address, BvCause cause, gint64 date, BvMarkSource source, const char *note);
BvMark *bv_mark_copy (const BvMark *mark);
void bv_mark_free (BvMark *mark);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvMark, bv_mark_free)
/* "hand" or "policy". */
const char *bv_mark_source_id (BvMarkSource source);

typedef struct _BvModel BvModel;

/* Where a model comes from.  Zeroed fields take the defaults from the
 * configuration (settings.h) and the environment. */
typedef struct {
	/* The Maildir; NULL: the configured one, else the notmuch mail root,
	 * else ~/Maildir. */
	const char *maildir;
	/* The suppression store; NULL: the default (suppress.h). */
	const char *suppress_path;
	/* Policy; 0: configured values (defaults 3 bounces over 7 days). */
	guint soft_count;
	guint soft_days;
} BvModelOptions;

/* Opens the index of the Maildir read-only and loads the cached bounces and
 * the marks.  Does not index: run bv_index_update() (index.h) first when the
 * Maildir may have changed.  Fails with a message a person can read when
 * there is no index yet or it cannot be opened.  Free with bv_model_free(). */
BvModel *bv_model_open (const BvModelOptions *options, GError **error);
void bv_model_free (BvModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvModel, bv_model_free)

/* Re-reads the index and the marks (after an index run or a mark by
 * another process).  On failure the model keeps its previous contents. */
gboolean bv_model_reload (BvModel *model, GError **error);

/* The Maildir the model shows (absolute). */
const char *bv_model_maildir (BvModel *model);
/* Number of bounces loaded (before any filter). */
guint bv_model_n_bounces (BvModel *model);

/* Groups of @dim among the bounces passing @filter (NULL: all), of
 * BvGroup*, most bounces first, then by key. */
GPtrArray *bv_model_groups (BvModel *model, BvDimension dim, const BvFilter *filter);

/* Addresses with bounces passing @filter in the group @key of @dim, of
 * BvAddress*, most bounces first, then by address.  @key NULL: every group. */
GPtrArray *bv_model_addresses (BvModel *model, BvDimension dim, const char *key, const BvFilter *filter);

/* Every bounce of @address (case-insensitive), of BvBounce*, oldest first.
 * Not filtered: the history is always whole.  Empty when unknown. */
GPtrArray *bv_model_history (BvModel *model, const char *address);

/* Bounces passing @filter in the group @key of @dim (@key NULL: all), of
 * BvBounce*, oldest first: what exports write. */
GPtrArray *bv_model_bounces (BvModel *model, BvDimension dim, const char *key, const BvFilter *filter);

/* Counts the bounces passing @filter in the group @key of @dim (@key NULL:
 * all) per day and cause, without building a row per bounce (the timeline
 * and the sparklines read every bounce on each reload).  @counts holds
 * @days * BV_CAUSE_COUNT numbers, day by day from @since (Unix seconds, a
 * day's start); counts[d * BV_CAUSE_COUNT + cause] is set for day d.
 * Bounces before @since, after the last day or of unknown date are not
 * counted.  @days 0 counts every bounce, whatever its date, per cause in
 * @counts[cause]. */
void bv_model_count_days (BvModel *model, BvDimension dim, const char *key, const BvFilter *filter,
                          gint64 since, guint days, guint *counts);

/* The detail of @bounce (as returned by the calls above).  Reads the cache
 * and looks the file up in the index; never parses.  NULL with @error set
 * when the report has left the index. */
BvBounceDetail *bv_model_bounce_detail (BvModel *model, const BvBounce *bounce, GError **error);

/* The policy's proposals: addresses not marked yet that the policy would
 * suppress, of BvProposal*, hard ones first, then by address (see
 * index/policy.h for the rule).  New array, owned by the caller. */
GPtrArray *bv_model_proposals (BvModel *model);

/* What bv_model_mark() of @addresses (NULL-terminated, any case) would do,
 * for a confirmation: how many addresses, which causes, whether they are
 * the sender's problem.  Marks nothing.  Free with bv_mark_preview_free(). */
BvMarkPreview *bv_model_mark_preview (BvModel *model, const char *const *addresses);

/* The marks, of BvMark*, by address.  As loaded at open/reload time. */
GPtrArray *bv_model_marks (BvModel *model);
/* The mark of @address, or NULL (owned by the model; valid until the next
 * reload, mark or unmark). */
const BvMark *bv_model_get_mark (BvModel *model, const char *address);

/* Marks @addresses (NULL-terminated) for suppression, recording each one's
 * latest cause, now, @source and @note (NULL: none), in the shared store;
 * an address already marked keeps its first mark.  Then brings the model's
 * marks up to date with the store (this change and other processes'),
 * reading only what was appended to the store's journal since the last
 * load: quick whatever the number of marks. */
gboolean bv_model_mark (BvModel *model, const char *const *addresses, BvMarkSource source, const char *note,
                        GError **error);
/* Removes the marks of @addresses.  Brings the marks up to date as
 * bv_model_mark() does. */
gboolean bv_model_unmark (BvModel *model, const char *const *addresses, GError **error);
/* Puts @marks (of BvMark*) back into the store as they are, with their own
 * causes, dates, sources and notes (an undo of bv_model_unmark()), in one
 * write; addresses marked since keep their mark.  Reloads the marks. */
gboolean bv_model_restore_marks (BvModel *model, GPtrArray *marks, GError **error);

G_END_DECLS

#endif /* BV_MODEL_H */
