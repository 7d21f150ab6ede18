/* guard.h: libnotmuch calls that can let a Xapian exception out.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libnotmuch turns most Xapian exceptions into NOTMUCH_STATUS_XAPIAN_EXCEPTION,
 * but a few calls write a message's document without catching what Xapian
 * throws (libnotmuch 0.37: notmuch_message_thaw(), the property calls on an
 * unfrozen message, notmuch_database_remove_message()).  Xapian writes to
 * disk inside such a call when its buffer of changes is full, so a full disk
 * there would end the process through std::terminate().  These wrappers,
 * compiled as C++, catch anything thrown and return the status code instead;
 * the caller then stops without ending its atomic section, and closing the
 * database cancels that section.
 */
#ifndef BV_GUARD_H
#define BV_GUARD_H

#include <notmuch.h>

#ifdef __cplusplus
extern "C" {
#endif

/* notmuch_message_thaw(): the last thaw writes the document. */
notmuch_status_t bv_nm_thaw (notmuch_message_t *msg);

/* notmuch_database_remove_message(). */
notmuch_status_t bv_nm_remove_message (notmuch_database_t *db, const char *path);

#ifdef __cplusplus
}
#endif

#endif /* BV_GUARD_H */
