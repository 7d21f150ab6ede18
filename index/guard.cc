/* guard.cc: libnotmuch calls that can let a Xapian exception out (guard.h).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Xapian's headers are not needed: a Xapian::Error is caught as anything
 * else is, and libnotmuch's status string says nothing more about it.
 */
#include "index/guard.h"

notmuch_status_t
bv_nm_thaw (notmuch_message_t *msg)
{
	try {
		return notmuch_message_thaw (msg);
	} catch (...) {
		return NOTMUCH_STATUS_XAPIAN_EXCEPTION;
	}
}

notmuch_status_t
bv_nm_remove_message (notmuch_database_t *db, const char *path)
{
	try {
		return notmuch_database_remove_message (db, path);
	} catch (...) {
		return NOTMUCH_STATUS_XAPIAN_EXCEPTION;
	}
}
