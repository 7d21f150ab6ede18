/* index-stub.c: placeholder so the library has a source until index.c lands.
 * SPDX-License-Identifier: GPL-3.0-or-later */
int bv_index_placeholder (void);
int
bv_index_placeholder (void)
{
	return 0;
}
