/* dsn.c: RFC 3464 message/delivery-status fields.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "parsers/classify-rules.h"
#include "parsers/codes.h"
#include "parsers/dsn.h"
#include "parsers/reply.h"
#include "parsers/text.h"

/* A real group has fewer than 30 fields; the rest of a longer one is
 * ignored, which keeps the per-field lookups linear in the block size. */
#define DSN_MAX_FIELDS 64

/* The semicolon that ends @value's type ("smtp; 550 ...", "X-Postfix; ...",
 * "rfc822;a@b"): a short token without spaces inside before it.  NULL when
 * the value has no type. */
static const char *
type_end (const char *value)
{
	const char *semi = strchr (value, ';');
	if (semi == NULL || semi == value || semi - value > 20)
		return NULL;
	for (const char *p = value; p < semi; p++)
		if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == ' '))
			return NULL;
	return semi;
}

char *
bv_dsn_strip_type (const char *value)
{
	if (value == NULL)
		return g_strdup ("");
	const char *semi = type_end (value);
	return bv_text_normalise (semi != NULL ? semi + 1 : value, -1);
}

char *
bv_dsn_type (const char *value)
{
	const char *semi = value != NULL ? type_end (value) : NULL;
	if (semi == NULL)
		return g_strdup ("");
	g_autofree char *type = g_strstrip (g_strndup (value, semi - value));
	/* A type is one atom (RFC 3464 s.2.3.6); "rfc 822" is not one. */
	if (strchr (type, ' ') != NULL)
		return g_strdup ("");
	return g_ascii_strdown (type, -1);
}

/* RFC 6533 section 3: utf-8-addr-xtext writes each character that is not
 * a QCHAR as EmbeddedUnicodeChar, "\x{" HEXPOINT "}" with 2 to 6 hex
 * digits naming a Unicode scalar value.  Appends to @out the character an
 * escape at @p names and returns the length of the escape, or 0 when @p
 * holds no valid one (a control character, a surrogate, beyond U+10FFFF,
 * no closing brace). */
static gsize
embedded_unicode (const char *p, GString *out)
{
	if (strncmp (p, "\\x{", 3) != 0)
		return 0;
	gunichar c = 0;
	gsize n = 0;
	while (n < 6 && g_ascii_isxdigit (p[3 + n])) {
		c = c * 16 + (gunichar)g_ascii_xdigit_value (p[3 + n]);
		n++;
	}
	if (n < 2 || p[3 + n] != '}' || c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
	    !g_unichar_validate (c))
		return 0;
	g_string_append_unichar (out, c);
	return 3 + n + 1;
}

/* RFC 3461 section 4: xtext writes a byte outside "!" to "~", and "+" and
 * "=", as "+" and two upper-case hex digits.  Only a run of escapes that
 * forms whole UTF-8 characters beyond ASCII is decoded: most reports write
 * the address as it is, so "+20" in "user+2024@example.com" is a tag, not
 * a space.  Appends the characters to @out and returns the length of the
 * run, or 0. */
static gsize
xtext_utf8 (const char *p, GString *out)
{
	char bytes[64];
	gsize n = 0, len = 0;
	while (n < sizeof bytes && p[len] == '+' && g_ascii_isxdigit (p[len + 1]) &&
	       g_ascii_isxdigit (p[len + 2]) && !g_ascii_islower (p[len + 1]) &&
	       !g_ascii_islower (p[len + 2])) {
		int v = g_ascii_xdigit_value (p[len + 1]) * 16 + g_ascii_xdigit_value (p[len + 2]);
		if (v < 0x80)
			break;
		bytes[n++] = (char)v;
		len += 3;
	}
	/* The longest prefix of whole characters. */
	const char *valid_end = NULL;
	g_utf8_validate (bytes, (gssize)n, &valid_end);
	gsize whole = (gsize)(valid_end - bytes);
	if (whole == 0)
		return 0;
	g_string_append_len (out, bytes, (gssize)whole);
	return whole * 3;
}

char *
bv_dsn_address (const char *value)
{
	g_autofree char *type = bv_dsn_type (value);
	g_autofree char *bare = bv_dsn_strip_type (value);
	gboolean utf8 = strcmp (type, "utf-8") == 0;
	if (!(utf8 && strstr (bare, "\\x{") != NULL) && !(!utf8 && strchr (bare, '+') != NULL))
		return g_steal_pointer (&bare);
	GString *out = g_string_sized_new (strlen (bare));
	for (const char *p = bare; *p;) {
		gsize used = utf8 ? embedded_unicode (p, out) : xtext_utf8 (p, out);
		if (used == 0)
			g_string_append_c (out, *p++);
		else
			p += used;
	}
	return g_string_free (out, FALSE);
}

char *
bv_dsn_action (const char *value)
{
	g_autofree char *norm = bv_text_normalise (value, -1);
	g_autofree char *lower = g_ascii_strdown (norm, -1);
	/* Sendmail comments on its actions: "delivered (to mailbox)",
	 * "relayed (to non-DSN-aware mailer)", "expanded (to multi-recipient
	 * alias)" (savemail.c, errbody()). */
	char *sp = strpbrk (lower, " (;");
	if (sp != NULL)
		*sp = '\0';
	/* Postfix's address verification and trace reports (verify(8),
	 * sendmail -bv) say "deliverable" and "undeliverable"
	 * (src/global/sent.c, bounce.c): the same outcomes as RFC 3464's
	 * "delivered" and "failed". */
	if (strcmp (lower, "deliverable") == 0)
		return g_strdup ("delivered");
	if (strcmp (lower, "undeliverable") == 0)
		return g_strdup ("failed");
	return g_steal_pointer (&lower);
}

/* One "Name: value" field of the block, unfolded. */
typedef struct {
	char *name; /* lower case */
	GString *value;
} Field;

static void
field_clear (gpointer p)
{
	Field *f = p;
	g_free (f->name);
	g_string_free (f->value, TRUE);
}

static const char *
group_get (GArray *group, const char *name)
{
	for (guint i = 0; i < group->len; i++) {
		Field *f = &g_array_index (group, Field, i);
		if (strcmp (f->name, name) == 0)
			return f->value->str;
	}
	return NULL;
}

static gboolean
group_has (GArray *group, const char *name)
{
	return group_get (group, name) != NULL;
}

static void
take (char **dst, const char *value)
{
	g_free (*dst);
	*dst = value ? bv_dsn_strip_type (value) : g_strdup ("");
}

/* Cuts a host field's value down to the host: a comment after it goes
 * (RFC 5322 section 3.2.2; Gmail writes "mx.b.example. (192.0.2.1, the
 * server for the domain b.example.)"), and so does the final dot of a
 * fully qualified name. */
static void
host_only (char *host)
{
	char *open = strstr (host, " (");
	if (open != NULL && open > host)
		*open = '\0';
	g_strchomp (host);
	gsize n = strlen (host);
	if (n > 1 && host[n - 1] == '.' && host[n - 2] != '.')
		host[n - 1] = '\0';
}

/* The text of the comment in a Status field ("5.0.0 (reason)") as @r's
 * diagnostic, when there is one. */
static void
take_status_comment (BvRecipient *r, const char *status)
{
	const char *open = strchr (status, '(');
	if (open == NULL)
		return;
	const char *close = strrchr (open, ')');
	g_autofree char *inner = g_strndup (open + 1, close ? (gsize)(close - open - 1) : strlen (open + 1));
	g_strstrip (inner);
	/* A comment of a few words names the code's class or detail as RFC
	 * 3463 words it ("permanent failure", "undefined status", "mailbox
	 * disabled, not accepting messages"): nothing the code does not say.
	 * A reason is a sentence. */
	guint words = 0;
	for (const char *p = inner; *p;) {
		while (*p == ' ')
			p++;
		if (*p)
			words++;
		while (*p && *p != ' ')
			p++;
	}
	if (words >= 6) {
		/* The field's bytes as they came: valid UTF-8 only, as
		 * every field bv_dsn_strip_type() gives. */
		g_free (r->diagnostic);
		r->diagnostic = g_utf8_make_valid (inner, -1);
	}
}

static void
add_recipient (GArray *msg_group, GArray *group, GPtrArray *out)
{
	const char *final = group_get (group, "final-recipient");
	const char *orig = group_get (group, "original-recipient");
	const char *actual = group_get (group, "x-actual-recipient");
	if (final == NULL && orig == NULL && actual == NULL)
		return;
	BvRecipient *r = bv_recipient_new ();
	g_autofree char *final_v = bv_dsn_address (final ? final : actual ? actual : orig);
	g_autofree char *orig_v = bv_dsn_address (orig ? orig : "");
	/* "Final-Recipient: system;<>" and the like name no one: the actual
	 * or original recipient may; else the recipient stays "" for the
	 * text to name (parse.c). */
	r->recipient = bv_address_extract (final_v);
	if (r->recipient == NULL && strchr (final_v, '@') != NULL)
		r->recipient = g_strdup (final_v); /* "\"a..b\"@example.com" */
	const char *others[] = { actual, orig };
	for (gsize i = 0; i < G_N_ELEMENTS (others) && r->recipient == NULL; i++) {
		g_autofree char *v = others[i] ? bv_dsn_address (others[i]) : NULL;
		r->recipient = v ? bv_address_extract (v) : NULL;
	}
	if (r->recipient == NULL)
		r->recipient = g_strdup (strcmp (final_v, "<>") == 0 ? "" : final_v);
	r->original_recipient = bv_address_extract (orig_v);
	if (r->original_recipient == NULL)
		r->original_recipient = g_strdup (orig_v);
	r->action = bv_dsn_action (group_get (group, "action"));
	/* The status field may carry a comment: "5.1.1 (user unknown)". */
	char code[16];
	const char *status = group_get (group, "status");
	r->status = status && bv_status_find (status, code, sizeof code) ? g_strdup (code) : g_strdup ("");
	const char *diagnostic = group_get (group, "diagnostic-code");
	take (&r->diagnostic, diagnostic);
	/* A reply of several lines, folded into the field, reads as one. */
	g_autofree char *folded = r->diagnostic;
	r->diagnostic = bv_reply_join (folded, -1);
	r->diagnostic_type = bv_dsn_type (diagnostic);
	/* Without a Diagnostic-Code, the comment of the Status field of a
	 * failed recipient is the report's only reason (Mox writes its reason there: "Status: 5.0.0
	 * (domain does not accept email as indicated with single dot for mx
	 * record, permanent)"; RFC 3464 fields may carry comments, RFC 5322
	 * section 3.2.2). */
	if (r->diagnostic[0] == '\0' && status != NULL && strcmp (r->action, "failed") == 0)
		take_status_comment (r, status);
	take (&r->remote_mta, group_get (group, "remote-mta"));
	host_only (r->remote_mta);
	const char *reporting = group_get (group, "reporting-mta");
	if (reporting == NULL)
		reporting = group_get (msg_group, "reporting-mta");
	take (&r->reporting_mta, reporting);
	const char *arrival = group_get (group, "arrival-date");
	if (arrival == NULL)
		arrival = group_get (msg_group, "arrival-date");
	take (&r->arrival_date, arrival);
	take (&r->last_attempt_date, group_get (group, "last-attempt-date"));
	char reply[4];
	r->reply_code = bv_reply_find (r->diagnostic, reply, sizeof reply) ? g_strdup (reply) : g_strdup ("");
	g_ptr_array_add (out, r);
}

/* Whether @name opens a new recipient group when the current group already
 * has a recipient: servers that omit the blank line between groups. */
static gboolean
starts_recipient (GArray *group, const char *name)
{
	if (strcmp (name, "final-recipient") == 0)
		return group_has (group, "final-recipient");
	/* Original-Recipient usually comes first, but may follow Final-Recipient
	 * in the same group: it starts a new group only after the group's
	 * recipient has its other fields. */
	if (strcmp (name, "original-recipient") == 0)
		return group_has (group, "original-recipient") ||
		       (group_has (group, "final-recipient") &&
		        (group_has (group, "action") || group_has (group, "status")));
	return FALSE;
}

guint
bv_dsn_parse (const char *text, GPtrArray *out)
{
	if (text == NULL)
		return 0;
	guint before = out->len;
	g_autoptr (GArray) msg_group = g_array_new (FALSE, TRUE, sizeof (Field));
	g_autoptr (GArray) group = g_array_new (FALSE, TRUE, sizeof (Field));
	g_array_set_clear_func (msg_group, field_clear);
	g_array_set_clear_func (group, field_clear);
	gboolean in_msg_group = TRUE;

	const char *line = text;
	while (*line && out->len - before < BV_DSN_MAX_RECIPIENTS) {
		const char *eol = strchr (line, '\n');
		if (eol == NULL)
			eol = line + strlen (line);
		gboolean blank = TRUE;
		for (const char *p = line; p < eol; p++)
			if (*p != ' ' && *p != '\t' && *p != '\r')
				blank = FALSE;
		GArray *cur = in_msg_group ? msg_group : group;
		if (blank) {
			/* End of a group. */
			if (in_msg_group) {
				if (msg_group->len > 0 && !group_has (msg_group, "final-recipient") &&
				    !group_has (msg_group, "original-recipient"))
					in_msg_group = FALSE;
			} else if (group->len > 0) {
				add_recipient (msg_group, group, out);
				g_array_set_size (group, 0);
			}
		} else if ((line[0] == ' ' || line[0] == '\t') && cur->len > 0) {
			Field *f = &g_array_index (cur, Field, cur->len - 1);
			g_string_append_c (f->value, ' ');
			g_string_append_len (f->value, line, eol - line);
		} else {
			const char *colon = memchr (line, ':', eol - line);
			gboolean name_ok = colon != NULL && colon > line;
			for (const char *p = line; name_ok && p < colon; p++)
				if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_'))
					name_ok = FALSE;
			if (name_ok) {
				g_autofree char *name = g_ascii_strdown (line, colon - line);
				/* A recipient field in the per-message group means
				 * the blank line after it is missing. */
				if (in_msg_group && (strcmp (name, "final-recipient") == 0 ||
				                     strcmp (name, "original-recipient") == 0 ||
				                     strcmp (name, "action") == 0)) {
					in_msg_group = FALSE;
					cur = group;
				}
				if (!in_msg_group && starts_recipient (group, name)) {
					add_recipient (msg_group, group, out);
					g_array_set_size (group, 0);
				}
				Field f = { g_steal_pointer (&name),
					    g_string_new_len (colon + 1, eol - colon - 1) };
				/* Keep the first of duplicated fields. */
				if (cur->len >= DSN_MAX_FIELDS || group_has (cur, f.name))
					field_clear (&f);
				else
					g_array_append_val (cur, f);
			} else if (cur->len > 0 && strcmp (g_array_index (cur, Field, cur->len - 1).name,
			                                   "diagnostic-code") == 0) {
				/* A multi-line reply written without folding:
				 * nullmailer 2.2 means to join the reply's lines
				 * with '/' but discards the joined string
				 * (src/send.cc parse_output(): mystring::subst()
				 * is const), so the lines after the first start
				 * at the margin ("550-5.7.1 likely unsolicited
				 * mail ...").  A line that is no field continues
				 * the reply. */
				Field *f = &g_array_index (cur, Field, cur->len - 1);
				g_string_append_c (f->value, ' ');
				g_string_append_len (f->value, line, eol - line);
			}
		}
		line = *eol ? eol + 1 : eol;
	}
	if (!in_msg_group && group->len > 0)
		add_recipient (msg_group, group, out);
	else if (in_msg_group && (group_has (msg_group, "final-recipient")))
		add_recipient (msg_group, msg_group, out);
	return out->len - before;
}

/* How much a status code says, for bv_dsn_upgrade_status(): a class alone,
 * a generic detail, a detail that names a cause. */
static int
status_rank (const char *code)
{
	if (g_str_has_suffix (code, ".0.0"))
		return 0;
	return bv_status_strength (code) == BV_CODE_GENERIC ? 1 : 2;
}

static void
set_field (char **field, const char *value)
{
	g_free (*field);
	*field = g_strdup (value);
}

/* "552 5.2.2": the reply code that stands right before @at in @diag, of
 * @code's class, becomes @r's. */
static void
take_reply_before (BvRecipient *r, const char *diag, const char *at, const char *code)
{
	if (at - diag < 4 || at[-1] != ' ')
		return;
	char reply[4] = { at[-4], at[-3], at[-2], '\0' };
	if ((at - 4 == diag || !g_ascii_isalnum (at[-5])) && bv_reply_valid (reply) && reply[0] == code[0])
		set_field (&r->reply_code, reply);
}

void
bv_dsn_upgrade_status (BvRecipient *r)
{
	const char *status = r->status ? r->status : "";
	const char *diag = r->diagnostic ? r->diagnostic : "";
	int rank = status[0] ? status_rank (status) : -1;
	char code[16], other[16] = "";
	/* A status cut short: nullmailer takes the first five characters of
	 * the code in the reply (src/send.cc parse_output(), output.sub(i, 5)),
	 * so the server's 5.1.10 reaches the report as 5.1.1.  The reply's
	 * longer code is the one the server wrote. */
	gsize slen = strlen (status);
	for (const char *at = rank >= 0 ? strstr (diag, status) : NULL; at != NULL;
	     at = strstr (at + 1, status))
		if (g_ascii_isdigit (at[slen]) && bv_status_find (at, code, sizeof code) &&
		    g_str_has_prefix (code, status)) {
			set_field (&r->status, code);
			return;
		}
	if (rank >= 2)
		return;
	for (const char *p = diag; bv_status_find (p, code, sizeof code);) {
		const char *at = strstr (p, code);
		if (at == NULL)
			break;
		p = at + strlen (code);
		if (rank < 0 && other[0] == '\0')
			g_strlcpy (other, code, sizeof other);
		if (status_rank (code) == 0)
			continue;
		if (rank >= 0 && code[0] != status[0]) {
			if (rank == 0 && other[0] == '\0')
				g_strlcpy (other, code, sizeof other);
			continue;
		}
		if (status_rank (code) <= rank || (rank == 1 && bv_status_cause (code) == BV_CAUSE_UNDEFINED))
			continue;
		set_field (&r->status, code);
		take_reply_before (r, diag, at, code);
		return;
	}
	if (other[0] == '\0')
		return;
	if (rank < 0) {
		set_field (&r->status, other);
		return;
	}
	if (rank != 0)
		return;
	/* Another class under a class alone. */
	char reply[8];
	gboolean own_temporary = other[0] == '4' && strcmp (status, "5.0.0") == 0 &&
	                         bv_reply_find (diag, reply, sizeof reply) && reply[0] == '4';
	/* The other way round: a sender that files every failure of the
	 * session's start as temporary (chasquid's Status 4.0.0 for "Error
	 * saying hello: 504 5.5.2 ...", internal/courier/smtp.go) and gave up
	 * on the recipient.  The server's own permanent code stands as it is:
	 * a 4.5.2 would be a code nobody wrote. */
	gboolean own_permanent = other[0] == '5' && strcmp (status, "4.0.0") == 0 &&
	                         g_strcmp0 (r->action, "failed") == 0 &&
	                         bv_reply_find (diag, reply, sizeof reply) && reply[0] == '5';
	if (!own_temporary && !own_permanent)
		other[0] = status[0];
	set_field (&r->status, other);
}
