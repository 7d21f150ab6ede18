/* suggest.c: placeholder until report-specific fixes land.
 * SPDX-License-Identifier: GPL-3.0-or-later */
int bv_suggest_placeholder (void);
int
bv_suggest_placeholder (void)
{
	return 0;
}
