/* catalog-private.h: the catalog's data tables, shared by catalog*.c only.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every string in the tables is an untranslated msgid; catalog.c translates
 * on the way out.  Code entries use -1 for the parts of a code they do not
 * fix: a class entry has only @cls, a detail entry @subject and @detail (the
 * meaning of x.Y.Z is the same in class 4 and 5), a reply entry its
 * three-digit code (or its first digit for the fallback) in @cls.  @cause
 * defaults to BV_CAUSE_UNDEFINED (0): most codes do not decide a cause.
 */
#ifndef BV_CATALOG_PRIVATE_H
#define BV_CATALOG_PRIVATE_H

#include "parsers/catalog.h"

G_BEGIN_DECLS

typedef struct {
	int cls;
	int subject;
	int detail;
	const char *name;
	const char *meaning;
	/* Replies: the cause the code most often means on its own. */
	BvCause cause;
} BvCodeEntry;

extern const BvCatalogEntry bv_catalog_causes[];
extern const gsize bv_catalog_n_causes;
extern const BvCodeEntry bv_catalog_classes[];
extern const gsize bv_catalog_n_classes;
extern const BvCodeEntry bv_catalog_subjects[];
extern const gsize bv_catalog_n_subjects;
extern const BvCodeEntry bv_catalog_details[];
extern const gsize bv_catalog_n_details;
extern const BvCodeEntry bv_catalog_replies[];
extern const gsize bv_catalog_n_replies;

G_END_DECLS

#endif
