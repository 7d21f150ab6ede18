/* tui-stub.c: placeholder so the library has a source until the views land.
 * SPDX-License-Identifier: GPL-3.0-or-later */
int bv_tui_placeholder (void);
int
bv_tui_placeholder (void)
{
	return 0;
}
