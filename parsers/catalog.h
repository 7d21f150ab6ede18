/* catalog.h: what each cause, status code and reply code means, in words.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog is the text a person reads about a bounce: for every cause of
 * the vocabulary (BV_CAUSES in bounce.h) a title, who must act, a paragraph
 * of explanation, the fix as numbered steps and what to do with the address;
 * for every RFC 3463 enhanced status code its class, subject and detail in
 * plain words; for the common SMTP reply codes what the server meant.
 *
 * The data lives in tables, one entry per cause or code (catalog-causes.c,
 * catalog-codes.c), marked with N_() so xgettext extracts it into po/.
 *
 * Translation and ownership: every function below whose name ends in _text,
 * _title, _label, _explanation, _fix or _meaning returns the string already
 * translated into the language of the current locale (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG; see bv_catalog_setup_locale()), in UTF-8.  Those
 * strings are static: never free them, and they stay valid for the life of
 * the process.  Functions returning char * (not const) return newly
 * allocated strings the caller frees with g_free().  Machine ids (the _id
 * functions) are never translated: scripts and the index store them.
 */
#ifndef BV_CATALOG_H
#define BV_CATALOG_H

#include "parsers/bounce.h"

G_BEGIN_DECLS

/* Who must act on a cause.  X(enum suffix, machine id)
 *   recipient  the recipient's side: the address, mailbox or domain is bad
 *              or full; nothing the sender changes makes it work.
 *   sender     your sending setup: IP reputation and blocklists, SPF, DKIM,
 *              DMARC, reverse DNS, relaying, sending rate.
 *   message    the message itself: its size, content, attachments, headers.
 *   temporary  nobody yet: timeouts, busy servers, greylisting; the sending
 *              server retries by itself.
 *   none       no one in particular: delivery notices and auto-replies,
 *              which need nothing, and the causes the report does not
 *              explain (undefined, onhold), where only reading the
 *              diagnostic tells who should act. */
#define BV_SIDES(X)                \
	X (NONE, "none")           \
	X (RECIPIENT, "recipient") \
	X (SENDER, "sender")       \
	X (MESSAGE, "message")     \
	X (TEMPORARY, "temporary")

typedef enum {
#define BV_SIDE_ENUM(e, id) BV_SIDE_##e,
	BV_SIDES (BV_SIDE_ENUM)
#undef BV_SIDE_ENUM
	        BV_SIDE_COUNT
} BvSide;

/* What to do with the address.  X(enum suffix, machine id)
 *   suppress                stop sending to it now.
 *   retry                   keep it; send again later (or let the server's
 *                           own retries run).
 *   suppress-after-repeats  keep it for now, but suppress it when it soft
 *                           bounces again and again (three times in a row
 *                           over a week or more is the usual rule).
 *   fix-setup               the address is fine: fix your sending setup or
 *                           the message, then resend.
 *   none                    nothing to do (delivered, auto-reply). */
#define BV_ACTIONS(X)                                        \
	X (NONE, "none")                                     \
	X (SUPPRESS, "suppress")                             \
	X (RETRY, "retry")                                   \
	X (SUPPRESS_AFTER_REPEATS, "suppress-after-repeats") \
	X (FIX_SETUP, "fix-setup")

typedef enum {
#define BV_ACTION_ENUM(e, id) BV_ACTION_##e,
	BV_ACTIONS (BV_ACTION_ENUM)
#undef BV_ACTION_ENUM
	        BV_ACTION_COUNT
} BvAction;

/* One cause's catalog entry.  The strings are the untranslated msgids
 * (English); use the bv_catalog_*() accessors for translated text.  @fix
 * holds the steps one per line, without numbers. */
typedef struct {
	BvCause cause;
	BvSide side;
	BvAction action;
	const char *title;
	const char *explanation;
	const char *fix;
} BvCatalogEntry;

/* The entry of @cause; NULL only for a value out of range (static). */
const BvCatalogEntry *bv_catalog_entry (BvCause cause);

/* Translated, static (see above).  Out-of-range causes give the text of
 * BV_CAUSE_UNDEFINED. */
const char *bv_catalog_title (BvCause cause);
const char *bv_catalog_explanation (BvCause cause);
/* The steps, one per line, no numbering. */
const char *bv_catalog_fix (BvCause cause);
BvSide bv_catalog_side (BvCause cause);
BvAction bv_catalog_action (BvCause cause);

/* Machine ids (static, untranslated) and their reverse. */
const char *bv_side_id (BvSide side);
const char *bv_action_id (BvAction action);
gboolean bv_side_from_id (const char *id, BvSide *out);
gboolean bv_action_from_id (const char *id, BvAction *out);

/* Who acts / what to do, as a short phrase for people: "the recipient's
 * side", "suppress the address now".  Translated, static. */
const char *bv_side_label (BvSide side);
const char *bv_action_label (BvAction action);

/* The meaning of one part of an enhanced status code (RFC 3463 and the
 * IANA registry): @name is the registry's short name ("Security or policy
 * status"), @meaning a sentence in plain words.  Both translated, static. */
typedef struct {
	const char *name;
	const char *meaning;
	/* For reply codes: the cause the code most often means when a report
	 * says nothing more (550: userunknown, 552: mailboxfull);
	 * BV_CAUSE_UNDEFINED when it means too many things. */
	BvCause cause;
} BvCodeText;

/* Splits and explains @status ("5.7.1").  Returns FALSE when @status is not
 * a valid enhanced status code.  Each of @cls, @subject and @detail (any may
 * be NULL) is filled; a part the catalog does not know gets name and meaning
 * NULL (a detail code outside the registry, typically). */
gboolean bv_status_explain (const char *status, BvCodeText *cls, BvCodeText *subject, BvCodeText *detail);

/* The meaning of an SMTP reply code ("550").  Returns FALSE when @reply is
 * not a reply code.  Codes the catalog does not list get the meaning of
 * their first digit (2xx, 4xx, 5xx) with @name NULL. */
gboolean bv_reply_explain (const char *reply, BvCodeText *out);

/* Sets the program's locale and binds the "bounceview" message catalog, so
 * that every string above (and every _() string) comes out in the user's
 * language.  Call once, first thing in main().  @localedir is the installed
 * locale directory; the environment variable BOUNCEVIEW_LOCALEDIR
 * overrides it (the tests point it at the catalogs in the build tree).
 *
 * The usual variables choose the language: LANGUAGE (a colon-separated
 * list), then LC_ALL, LC_MESSAGES, LANG.  Unlike plain GNU gettext, the
 * language is honoured even when the matching system locale is not
 * installed (a fresh machine with only C.UTF-8): the locale then falls
 * back to C.UTF-8 and the requested language is passed on through
 * LANGUAGE.  An explicit LC_ALL=C (or POSIX) still means untranslated. */
void bv_catalog_setup_locale (const char *localedir);

G_END_DECLS

#endif /* BV_CATALOG_H */
