/* catalog.c: placeholder until the cause catalog lands.
 * SPDX-License-Identifier: GPL-3.0-or-later */
int bv_catalog_placeholder (void);
int
bv_catalog_placeholder (void)
{
	return 0;
}
