/* mail.c: taking one email apart with GMime, once, for the report parsers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "parsers/bounce.h"
#include "parsers/mail.h"
#include "parsers/text.h"

/* Limits that keep hostile MIME structures bounded in time and memory. */
#define MAIL_MAX_DEPTH 32
#define MAIL_MAX_PARTS 512
#define MAIL_MAX_TEXT (4u * 1024u * 1024u)
#define MAIL_MAX_HEAD (1024u * 1024u)
#define MAIL_MAX_LINE (16u * 1024u)

/* Returns @data with CRLF and lone CR turned into LF, or NULL when it has no
 * CR at all (then @data is used as it is). */
static char *
normalise_newlines (const char *data, gsize len, gsize *out_len)
{
	if (memchr (data, '\r', len) == NULL)
		return NULL;
	char *out = g_malloc (len + 1);
	gsize j = 0;
	for (gsize i = 0; i < len; i++) {
		if (data[i] == '\r') {
			out[j++] = '\n';
			if (i + 1 < len && data[i + 1] == '\n')
				i++;
		} else {
			out[j++] = data[i];
		}
	}
	out[j] = '\0';
	*out_len = j;
	return out;
}

/* Writes the decoded content of @content to @mem.  Quoted-printable is
 * decoded here: RFC 2045 6.7 (3) has a decoder delete the white space at
 * the end of an encoded line, which transport added, also between a soft
 * line break's '=' and the line end, where GMime's decoder would keep the
 * break and the blanks as text. */
static void
write_decoded (GMimeDataWrapper *content, GMimeStream *mem)
{
	GMimeStream *src = g_mime_data_wrapper_get_stream (content);
	if (g_mime_data_wrapper_get_encoding (content) != GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
	    src == NULL) {
		g_mime_data_wrapper_write_to_stream (content, mem);
		return;
	}
	GMimeStream *raw = g_mime_stream_mem_new ();
	g_mime_stream_reset (src);
	g_mime_stream_write_to_stream (src, raw);
	g_mime_stream_reset (src);
	GByteArray *in = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (raw));
	gsize j = 0, keep = 0;
	for (gsize i = 0; i < in->len; i++) {
		guint8 c = in->data[i];
		if (c == '\n' || c == '\r')
			j = keep;
		in->data[j++] = c;
		if (c != ' ' && c != '\t')
			keep = j;
	}
	j = keep;
	GMimeEncoding state;
	g_mime_encoding_init_decode (&state, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	g_autofree char *out = g_malloc (g_mime_encoding_outlen (&state, j) + 16);
	gsize m = g_mime_encoding_flush (&state, (const char *)in->data, j, out);
	g_mime_stream_write (mem, out, m);
	g_object_unref (raw);
}

char *
bv_mail_part_text (GMimePart *part, gsize limit)
{
	GMimeDataWrapper *content = g_mime_part_get_content (part);
	if (content == NULL)
		return g_strdup ("");
	GMimeStream *mem = g_mime_stream_mem_new ();
	write_decoded (content, mem);
	GByteArray *bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (mem));
	gsize n = MIN (bytes->len, limit);
	if (n == 0) {
		g_object_unref (mem);
		return g_strdup ("");
	}
	const char *charset = g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "charset");
	/* A NUL byte (quoted-printable "=00", a binary part) would end the
	 * text early for every reader downstream: make it a space.  Wide
	 * encodings are the exception, NUL bytes are part of their code units. */
	gboolean wide =
	        charset != NULL && (bv_text_find_ci (charset, "16") || bv_text_find_ci (charset, "32") ||
	                            bv_text_find_ci (charset, "ucs"));
	for (gsize i = 0; i < n && !wide; i++)
		if (bytes->data[i] == '\0')
			bytes->data[i] = ' ';
	char *text = NULL;
	/* Japanese servers write ISO-2022-JP into parts that declare no
	 * charset (the delivery-status part above all); its escape sequences
	 * give it away, and no other text starts a run with ESC $ B. */
	if ((charset == NULL || g_ascii_strcasecmp (charset, "us-ascii") == 0) &&
	    (memmem (bytes->data, n, "\x1b$B", 3) != NULL || memmem (bytes->data, n, "\x1b$@", 3) != NULL))
		charset = "ISO-2022-JP";
	if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0 &&
	    g_ascii_strcasecmp (charset, "us-ascii") != 0) {
		const char *iconv_name = g_mime_charset_iconv_name (charset);
		gsize written = 0;
		text = g_convert_with_fallback ((const char *)bytes->data, n, "UTF-8", iconv_name, "?", NULL,
		                                &written, NULL);
	}
	if (text == NULL)
		text = g_utf8_make_valid ((const char *)bytes->data, n);
	g_object_unref (mem);
	/* The decoded text may itself carry CRs (base64 of CRLF text). */
	gsize nl = 0;
	char *lf = normalise_newlines (text, strlen (text), &nl);
	if (lf != NULL) {
		g_free (text);
		text = lf;
	}
	return text;
}

/* The Latin-1 entities of HTML 4.01 (section 24.2, "HTMLlat1"), in the
 * order of their code points, U+00A0 to U+00FF. */
static const char *const latin1_entities[] = {
	"nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",
	"ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",
	"acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12",
	"frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
	"Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde",
	"Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",
	"Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
	"aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
	"eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
	"uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

/* Other named entities: HTML 4.01's markup-significant ones (HTMLspecial)
 * with XML's apos, and the punctuation of HTMLsymbol and HTMLspecial that
 * mail templates use. */
static const struct {
	const char *name;
	gunichar c;
} other_entities[] = {
	{ "quot", '"' },      { "amp", '&' },       { "lt", '<' },        { "gt", '>' },
	{ "apos", '\'' },     { "ndash", 0x2013 },  { "mdash", 0x2014 },  { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 },  { "sbquo", 0x201a },  { "ldquo", 0x201c },  { "rdquo", 0x201d },
	{ "bdquo", 0x201e },  { "bull", 0x2022 },   { "hellip", 0x2026 }, { "lsaquo", 0x2039 },
	{ "rsaquo", 0x203a }, { "euro", 0x20ac },   { "trade", 0x2122 },  { "ensp", 0x2002 },
	{ "emsp", 0x2003 },   { "thinsp", 0x2009 }, { "zwnj", 0x200c },   { "zwj", 0x200d },
	{ "lrm", 0x200e },    { "rlm", 0x200f },
};

/* Decodes the character reference at @p (which is '&'): sets *@c and
 * returns its length, or returns 0 when none starts there (the '&' is then
 * text, as the HTML Standard's tokenizer leaves it).  Numeric references
 * (&#64; &#x40;) name a code point; one that is no character (0, a
 * surrogate, past U+10FFFF) becomes U+FFFD, as the standard's "numeric
 * character reference end state" says.  A name needs its ';' unless it is
 * one of the legacy names browsers accept without (the basic four and
 * Latin-1's). */
static gsize
html_entity (const char *p, gunichar *c)
{
	if (p[1] == '#') {
		gboolean hex = p[2] == 'x' || p[2] == 'X';
		const char *q = p + (hex ? 3 : 2);
		guint64 v = 0;
		gsize digits = 0;
		while (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)) {
			if (v <= 0x10ffff)
				v = v * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : *q - '0');
			q++;
			digits++;
		}
		if (digits == 0)
			return 0;
		if (*q == ';')
			q++;
		*c = v == 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff) ? 0xfffd : (gunichar)v;
		return q - p;
	}
	gsize n = 0;
	while (g_ascii_isalnum (p[1 + n]) && n < 8)
		n++;
	if (n == 0)
		return 0;
	/* The longest name that matches, so that "&notin;" is not "&not;". */
	for (gsize len = n; len > 0; len--) {
		gboolean semicolon = p[1 + len] == ';';
		for (gsize i = 0; i < G_N_ELEMENTS (latin1_entities); i++)
			if (strlen (latin1_entities[i]) == len &&
			    strncmp (p + 1, latin1_entities[i], len) == 0) {
				*c = 0xa0 + (gunichar)i;
				return 1 + len + semicolon;
			}
		for (gsize i = 0; i < G_N_ELEMENTS (other_entities); i++)
			if (strlen (other_entities[i].name) == len &&
			    strncmp (p + 1, other_entities[i].name, len) == 0 && (semicolon || i < 4)) {
				*c = other_entities[i].c;
				return 1 + len + semicolon;
			}
	}
	return 0;
}

/* When a tag starts at @p ('<' and a letter, '/', '!' or '?', as the
 * HTML Standard's tokenizer has it), returns its '>' and sets *@n to the
 * length of its name; NULL when the '<' is text.  So is a "tag" whose name
 * holds an '@': an address a template left unescaped ("<user@example.net>"),
 * which a browser hides but the report meant as text. */
static const char *
tag_name (const char *p, gsize *n)
{
	if (!(g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
		return NULL;
	const char *gt = strchr (p, '>');
	if (gt == NULL)
		return NULL;
	const char *name = p + (p[1] == '/' ? 2 : 1);
	gsize len = 0;
	while (name + len < gt && !g_ascii_isspace (name[len]) && name[len] != '/')
		len++;
	if (memchr (name, '@', len) != NULL)
		return NULL;
	*n = len;
	return gt;
}

/* The rendered text of an HTML part, as the HTML Standard's innerText
 * getter gives it (WHATWG HTML, "rendered text collection steps"), for
 * the reports that say what failed only in HTML (Exchange's NDRs, Gmail's
 * and other providers' pages) and for a plain alternative that is empty.
 * The text of head, script, style and title is not rendered.  White space
 * collapses to one space and goes at the start and end of a line, as CSS
 * 'white-space: normal' does, except inside pre.  br gives one line break
 * (so "<br>" and the source's newline after it are one, not two); a block
 * element (div, tr, li, table, h1 to h6, ...) starts and ends a line, a p
 * a paragraph (an empty line between), and consecutive breaks of both
 * kinds collapse into the largest, as the standard's "required line break
 * count" (a line break already written counts towards them: a br that ends
 * a block, like a pre's last newline, leaves no empty line on the screen);
 * table cells are separated by a tab within their row.  Character
 * references are decoded; &nbsp; gives an ordinary space, which the
 * parsers read as a space.  A tag whose name holds an '@' is an address a
 * template left unescaped ("<user@example.net>"): a browser hides it, but
 * the report meant it as text, so it is kept. */
char *
bv_mail_html_to_text (const char *html)
{
	static const char *const blocks[] = {
		"address", "article", "aside", "blockquote", "caption", "center",  "dd",    "dir",
		"div",     "dl",      "dt",    "fieldset",   "figure",  "footer",  "form",  "h1",
		"h2",      "h3",      "h4",    "h5",         "h6",      "header",  "hr",    "li",
		"main",    "menu",    "nav",   "ol",         "pre",     "section", "table", "tbody",
		"tfoot",   "thead",   "tr",    "ul",         NULL,
	};
	GString *out = g_string_new (NULL);
	const char *p = html;
	guint breaks = 0;       /* required line breaks before the next text */
	gboolean space = FALSE; /* collapsed white space before the next text */
	guint cells = 0;        /* cells begun in the current row */
	gboolean tab = FALSE;   /* a cell separator before the next text */
	guint pre = 0;          /* depth of open pre elements */
	while (*p) {
		if (*p == '<' && p[1] == '!' && p[2] == '-' && p[3] == '-') {
			const char *end = strstr (p + 4, "-->");
			p = end ? end + 3 : p + strlen (p);
			continue;
		}
		gsize n = 0;
		const char *gt = *p == '<' ? tag_name (p, &n) : NULL;
		if (gt != NULL) {
			gboolean closing = p[1] == '/';
			const char *name = p + (closing ? 2 : 1);
			g_autofree char *tag = g_ascii_strdown (name, n);
			if (!closing && (strcmp (tag, "script") == 0 || strcmp (tag, "style") == 0 ||
			                 strcmp (tag, "title") == 0 || strcmp (tag, "head") == 0)) {
				g_autofree char *close = g_strconcat ("</", tag, NULL);
				const char *end = bv_text_find_ci (gt, close);
				if (end == NULL)
					break;
				gt = strchr (end, '>');
				if (gt == NULL)
					break;
			} else if (strcmp (tag, "br") == 0) {
				/* A forced line break: each one counts. */
				g_string_append_c (out, '\n');
				breaks = 0;
				space = tab = FALSE;
			} else if (strcmp (tag, "p") == 0) {
				breaks = MAX (breaks, 2);
			} else if (strcmp (tag, "td") == 0 || strcmp (tag, "th") == 0) {
				if (!closing && cells++ > 0)
					tab = TRUE;
			} else if (g_strv_contains (blocks, tag)) {
				breaks = MAX (breaks, 1);
				if (strcmp (tag, "tr") == 0)
					cells = 0;
				if (strcmp (tag, "pre") == 0)
					pre = closing ? (pre > 0 ? pre - 1 : 0) : pre + 1;
				/* A newline right after <pre> is not content (HTML
				 * Standard, "pre" element: the parser drops it). */
				if (strcmp (tag, "pre") == 0 && !closing && gt[1] == '\n')
					gt++;
			}
			p = gt + 1;
			continue;
		}
		if (pre == 0 && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')) {
			space = TRUE;
			p++;
			continue;
		}
		/* Text: the breaks, separator or space it waits for first, none
		 * at the start of the text or of a line. */
		gboolean line_start = out->len == 0 || out->str[out->len - 1] == '\n';
		if (breaks > 0 && out->len > 0) {
			guint have = 0;
			for (gsize i = out->len; i > 0 && out->str[i - 1] == '\n' && have < breaks; i--)
				have++;
			for (; have < breaks; have++)
				g_string_append_c (out, '\n');
			line_start = TRUE;
		}
		if (tab && !line_start)
			g_string_append_c (out, '\t');
		else if (space && !line_start && pre == 0)
			g_string_append_c (out, ' ');
		breaks = 0;
		space = tab = FALSE;
		gunichar c;
		gsize len = *p == '&' ? html_entity (p, &c) : 0;
		if (len > 0) {
			if (c == 0xa0)
				c = ' ';
			g_string_append_unichar (out, c);
			p += len;
		} else if (*p == '<' && g_ascii_isalpha (p[1]) && strchr (p, '>') != NULL) {
			/* An address written as a tag: up to its '>'. */
			const char *end = strchr (p, '>') + 1;
			g_string_append_len (out, p, end - p);
			p = end;
		} else {
			g_string_append_c (out, *p++);
		}
	}
	if (out->len > 0 && out->str[out->len - 1] != '\n')
		g_string_append_c (out, '\n');
	return g_string_free (out, FALSE);
}

typedef struct {
	BvMail *mail;
	guint parts;
	GString *html;
	/* The attached messages that are no report themselves, in the order
	 * of the walk (owned by the message): where a report attached to a
	 * forward of a forward is looked for. */
	GPtrArray *forwards;
	guint nested_parts; /* parts looked at inside them */
	/* The attached message whose parts find_nested_report() looks at. */
	GMimeMessage *carrier;
	/* How many multipart/alternative parts the walk is inside. */
	guint alternative;
} Walk;

static void
append_limited (GString *s, const char *text, gboolean *truncated)
{
	gsize n = strlen (text);
	if (s->len + n > MAIL_MAX_TEXT) {
		n = s->len < MAIL_MAX_TEXT ? MAIL_MAX_TEXT - s->len : 0;
		*truncated = TRUE;
	}
	g_string_append_len (s, text, n);
	if (s->len > 0 && s->str[s->len - 1] != '\n')
		g_string_append_c (s, '\n');
}

/* The message a message/rfc822 (or message/global) part @obj holds, when
 * it was sent in base64 or quoted-printable: RFC 2046 section 5.2.1 allows
 * such a part no encoding but 7bit, 8bit or binary, yet some mail clients
 * and libraries use them (K-9 Mail until 2013, PHPMailer by default), and
 * GMime then keeps the part a leaf of encoded text.  The text is decoded
 * and parsed as a message, which the mail owns (mail->decoded).  NULL for
 * any other part. */
static GMimeMessage *
encoded_message (Walk *w, GMimeObject *obj)
{
	if (!GMIME_IS_PART (obj))
		return NULL;
	GMimeContentType *ct = g_mime_object_get_content_type (obj);
	if (ct == NULL || !(g_mime_content_type_is_type (ct, "message", "rfc822") ||
	                    g_mime_content_type_is_type (ct, "message", "global")))
		return NULL;
	GMimeDataWrapper *content = g_mime_part_get_content (GMIME_PART (obj));
	GMimeContentEncoding enc =
	        content ? g_mime_data_wrapper_get_encoding (content) : GMIME_CONTENT_ENCODING_DEFAULT;
	if (enc != GMIME_CONTENT_ENCODING_BASE64 && enc != GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE)
		return NULL;
	GMimeStream *mem = g_mime_stream_mem_new ();
	write_decoded (content, mem);
	g_mime_stream_reset (mem);
	GMimeParser *parser = g_mime_parser_new_with_stream (mem);
	GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);
	g_object_unref (parser);
	g_object_unref (mem);
	if (message != NULL)
		g_ptr_array_add (w->mail->decoded, message);
	return message;
}

static void
take_original_headers (Walk *w, GMimeObject *msg)
{
	if (w->mail->original->len > 0)
		return;
	g_autofree char *headers = g_mime_object_get_headers (msg, NULL);
	if (headers != NULL)
		append_limited (w->mail->original, headers, &w->mail->truncated);
}

/* Whether the header of the attached message @inner is one bv_triage()
 * passes: most bounces are not multipart/report (qmail, Exim's and
 * Courier's older formats, many providers' plain-text notices), and a
 * person who forwards one as an attachment forwards it whole, header and
 * all.  The full parse of it decides, as it would for the bounce alone. */
static gboolean
attached_header_triages (GMimeMessage *inner)
{
	g_autofree char *headers = g_mime_object_get_headers (GMIME_OBJECT (inner), NULL);
	return headers != NULL && bv_triage (headers, strlen (headers));
}

/* Whether the attached message @inner is a report: a multipart/report, or
 * a header bv_triage() passes. */
static gboolean
attached_is_report (GMimeMessage *inner)
{
	GMimeObject *body = g_mime_message_get_mime_part (inner);
	GMimeContentType *ct = body ? g_mime_object_get_content_type (body) : NULL;
	return (ct != NULL && g_mime_content_type_is_type (ct, "multipart", "report")) ||
	       attached_header_triages (inner);
}

/* Whether @obj is a multipart/digest. */
static gboolean
is_digest (GMimeObject *obj)
{
	GMimeContentType *ct = g_mime_object_get_content_type (obj);
	return ct != NULL && g_mime_content_type_is_type (ct, "multipart", "digest");
}

static void find_nested_report (Walk *w, GMimeObject *obj, guint level, guint depth);

/* Looks for a report among the messages attached inside @inner, which is
 * @level levels below the mail and no report itself: a person who forwards
 * a forward as an attachment (or a help desk that attaches the mail it
 * got) attaches the message that attaches the report, and may have
 * rewritten its subject, so that nothing in the outer levels' headers
 * tells.  The first report found, depth first, at most
 * BV_ATTACHED_MAX_DEPTH levels below the mail. */
static void
find_in_forward (Walk *w, GMimeMessage *inner, guint level)
{
	if (level >= BV_ATTACHED_MAX_DEPTH)
		return;
	GMimeMessage *outer = w->carrier;
	w->carrier = inner;
	find_nested_report (w, g_mime_message_get_mime_part (inner), level + 1, 0);
	w->carrier = outer;
}

/* The MIME tree @obj of a message @level - 1 levels down: its attached
 * messages are @level levels below the mail. */
static void
find_nested_report (Walk *w, GMimeObject *obj, guint level, guint depth)
{
	BvMail *mail = w->mail;
	if (obj == NULL || mail->attached_report != NULL || depth > MAIL_MAX_DEPTH ||
	    ++w->nested_parts > MAIL_MAX_PARTS)
		return;
	if (GMIME_IS_MULTIPART (obj)) {
		if (is_digest (obj))
			return;
		GMimeMultipart *mp = GMIME_MULTIPART (obj);
		int n = g_mime_multipart_get_count (mp);
		for (int i = 0; i < n && mail->attached_report == NULL; i++)
			find_nested_report (w, g_mime_multipart_get_part (mp, i), level, depth + 1);
		return;
	}
	GMimeMessage *inner = GMIME_IS_MESSAGE_PART (obj)
	                              ? g_mime_message_part_get_message (GMIME_MESSAGE_PART (obj))
	                              : encoded_message (w, obj);
	if (inner == NULL)
		return;
	if (attached_is_report (inner)) {
		mail->attached_report = inner;
		mail->attached_report_level = level;
		mail->attached_report_carrier = w->carrier;
		return;
	}
	find_in_forward (w, inner, level);
}

/* The number of characters of @s that are not white space. */
static gsize
visible_length (const char *s)
{
	gsize n = 0;
	for (; *s; s++)
		n += !g_ascii_isspace (*s);
	return n;
}

/* Whether @s names a mail address anywhere ("a@example.org", "<a@b.c>"). */
static gboolean
names_address (const char *s)
{
	for (const char *at = strchr (s, '@'); at != NULL; at = strchr (at + 1, '@')) {
		const char *a = at, *b = at + 1;
		while (a > s && !g_ascii_isspace (a[-1]) && !strchr ("<>()\"',;:[]", a[-1]))
			a--;
		while (*b && !g_ascii_isspace (*b) && !strchr ("<>()\"',;:[]", *b))
			b++;
		g_autofree char *word = g_strndup (a, b - a);
		if (bv_address_plausible (word))
			return TRUE;
	}
	return FALSE;
}

/* Whether the text/plain alternative @plain says less than the text of the
 * HTML alternative @html, so that the HTML is the report to read.  RFC 2046
 * section 5.1.4 makes the parts of a multipart/alternative the same content,
 * and a reader takes the plain one; but some senders fill it with nothing
 * but white space, or with a stub ("This message requires an HTML viewer.",
 * "Diese Nachricht erfordert einen HTML-fähigen E-Mail-Client.", a list of
 * display names and "the rest is in HTML").  A part with no visible
 * character is empty.  Otherwise it is a stub when it is much shorter (less
 * than a quarter of the HTML's visible characters) and either none of its
 * lines occurs in the HTML's text, so it is no rendering of it, or it
 * names no address where the HTML does, so it lacks what a report is
 * about.  A plain part that renders the same report, shorter because the
 * HTML adds a layout's labels, shares its lines and its addresses. */
static gboolean
plain_is_stub (const char *plain, const char *html)
{
	gsize seen = visible_length (plain);
	if (seen == 0)
		return TRUE;
	if (seen * 4 >= visible_length (html))
		return FALSE;
	if (!names_address (plain) && names_address (html))
		return TRUE;
	g_autofree char *flat = bv_text_normalise (html, -1);
	g_auto (GStrv) lines = g_strsplit (plain, "\n", -1);
	for (char **l = lines; *l; l++) {
		g_autofree char *line = bv_text_normalise (*l, -1);
		if (*line != '\0' && strstr (flat, line) != NULL)
			return FALSE;
	}
	return TRUE;
}

/* After the walk of a multipart/alternative whose plain text starts at
 * @body_from of the body and whose HTML's text at @html_from of the HTML
 * collected: the HTML's text replaces a plain part that is empty or a stub
 * (plain_is_stub()). */
static void
choose_alternative (Walk *w, gsize body_from, gsize html_from)
{
	BvMail *mail = w->mail;
	const char *html = w->html->str + html_from;
	if (visible_length (html) == 0 || !plain_is_stub (mail->body->str + body_from, html))
		return;
	g_autofree char *text = g_strdup (html);
	g_string_truncate (mail->body, body_from);
	g_string_truncate (w->html, html_from);
	append_limited (mail->body, text, &mail->truncated);
}

static void
walk (Walk *w, GMimeObject *obj, guint depth)
{
	BvMail *mail = w->mail;
	if (obj == NULL)
		return;
	if (depth > MAIL_MAX_DEPTH || ++w->parts > MAIL_MAX_PARTS) {
		mail->truncated = TRUE;
		return;
	}
	if (GMIME_IS_MULTIPART (obj)) {
		/* A digest's parts are the posts of a mailing list (RFC 2046
		 * section 5.1.5), other people's messages: neither this mail's
		 * report nor its text, even when a post pastes a report or
		 * attaches one. */
		if (is_digest (obj))
			return;
		GMimeMultipart *mp = GMIME_MULTIPART (obj);
		int n = g_mime_multipart_get_count (mp);
		gsize body_from = mail->body->len, html_from = w->html->len;
		GMimeContentType *mct = g_mime_object_get_content_type (obj);
		gboolean alternative =
		        mct != NULL && g_mime_content_type_is_type (mct, "multipart", "alternative");
		w->alternative += alternative;
		for (int i = 0; i < n; i++)
			walk (w, g_mime_multipart_get_part (mp, i), depth + 1);
		w->alternative -= alternative;
		if (alternative)
			choose_alternative (w, body_from, html_from);
		/* A multipart whose boundary is missing or never used has no
		 * parts: GMime leaves its whole text in the prologue, which is
		 * then the report's text. */
		const char *prologue = g_mime_multipart_get_prologue (mp);
		if (n == 0 && prologue != NULL) {
			g_autofree char *valid = g_utf8_make_valid (prologue, -1);
			append_limited (mail->body, valid, &mail->truncated);
		}
		return;
	}
	GMimeContentType *ct = g_mime_object_get_content_type (obj);
	const char *type = ct ? g_mime_content_type_get_media_type (ct) : "text";
	const char *sub = ct ? g_mime_content_type_get_media_subtype (ct) : "plain";
	if (type == NULL)
		type = "text";
	if (sub == NULL)
		sub = "plain";

	GMimeMessage *encoded = encoded_message (w, obj);
	if (GMIME_IS_MESSAGE_PART (obj) || encoded != NULL) {
		GMimeMessage *inner =
		        encoded ? encoded : g_mime_message_part_get_message (GMIME_MESSAGE_PART (obj));
		if (inner != NULL) {
			mail->has_original_part = TRUE;
			take_original_headers (w, GMIME_OBJECT (inner));
			if (mail->attached_report != NULL)
				return;
			if (attached_is_report (inner)) {
				mail->attached_report = inner;
				mail->attached_report_level = 1;
			} else {
				g_ptr_array_add (w->forwards, inner);
			}
		}
		return;
	}
	if (!GMIME_IS_PART (obj))
		return;
	GMimePart *part = GMIME_PART (obj);
	gboolean is_message = g_ascii_strcasecmp (type, "message") == 0;
	gboolean is_text = g_ascii_strcasecmp (type, "text") == 0;

	if (is_message && (g_ascii_strcasecmp (sub, "delivery-status") == 0 ||
	                   g_ascii_strcasecmp (sub, "global-delivery-status") == 0)) {
		g_autofree char *t = bv_mail_part_text (part, MAIL_MAX_TEXT);
		append_limited (mail->dsn, t, &mail->truncated);
		g_string_append_c (mail->dsn, '\n');
	} else if (is_message && g_ascii_strcasecmp (sub, "feedback-report") == 0) {
		g_autofree char *t = bv_mail_part_text (part, MAIL_MAX_TEXT);
		append_limited (mail->feedback, t, &mail->truncated);
	} else if ((is_text || is_message) && (g_ascii_strcasecmp (sub, "rfc822-headers") == 0 ||
	                                       g_ascii_strcasecmp (sub, "rfc822-header") == 0 ||
	                                       g_ascii_strcasecmp (sub, "rfc822") == 0 ||
	                                       g_ascii_strcasecmp (sub, "global-headers") == 0)) {
		mail->has_original_part = TRUE;
		if (mail->original->len == 0) {
			g_autofree char *t = bv_mail_part_text (part, MAIL_MAX_TEXT);
			append_limited (mail->original, t, &mail->truncated);
		}
	} else if (is_text && g_ascii_strcasecmp (sub, "html") == 0) {
		/* Outside a multipart/alternative an HTML part is text of its
		 * own, shown in its place among the others (RFC 2046 section
		 * 5.1.3: a multipart/mixed's parts are independent): a report
		 * sent as HTML only, which a gateway's banner or a list's
		 * footer in text/plain now precedes or follows.  In an
		 * alternative it is another form of the plain part
		 * (choose_alternative()), and an attached HTML file is used
		 * only when the mail has no other text. */
		g_autofree char *t = bv_mail_part_text (part, MAIL_MAX_TEXT);
		g_autofree char *plain = bv_mail_html_to_text (t);
		gboolean attachment =
		        g_mime_object_get_disposition (obj) != NULL &&
		        g_ascii_strcasecmp (g_mime_object_get_disposition (obj), "attachment") == 0;
		append_limited (w->alternative > 0 || attachment ? w->html : mail->body, plain,
		                &mail->truncated);
	} else if (is_text) {
		/* text/plain and the odd text/x-*: human-readable report text.
		 * Attachments named as files are the original's content. */
		if (g_mime_part_get_filename (part) != NULL && g_mime_object_get_disposition (obj) != NULL &&
		    g_ascii_strcasecmp (g_mime_object_get_disposition (obj), "attachment") == 0 && depth > 0)
			return;
		g_autofree char *t = bv_mail_part_text (part, MAIL_MAX_TEXT);
		append_limited (mail->body, t, &mail->truncated);
	}
}

/* The multipart/report in the multipart tree of @obj, not looking into
 * attached messages (a forwarded report is the parser's to follow, as
 * @attached_report).  @budget bounds the parts looked at. */
static GMimeObject *
find_report (GMimeObject *obj, guint depth, guint *budget)
{
	if (obj == NULL || !GMIME_IS_MULTIPART (obj) || depth > MAIL_MAX_DEPTH || *budget == 0)
		return NULL;
	(*budget)--;
	GMimeContentType *ct = g_mime_object_get_content_type (obj);
	if (ct != NULL && g_mime_content_type_is_type (ct, "multipart", "report"))
		return obj;
	GMimeMultipart *mp = GMIME_MULTIPART (obj);
	int n = g_mime_multipart_get_count (mp);
	for (int i = 0; i < n; i++) {
		GMimeObject *found = find_report (g_mime_multipart_get_part (mp, i), depth + 1, budget);
		if (found != NULL)
			return found;
	}
	return NULL;
}

/* GMime grows its header buffer line by line, so a header block of many
 * megabytes (one endless line, or millions of fields) costs time that grows
 * with its square.  When the block is larger than MAIL_MAX_HEAD, returns a
 * copy in which every header line is cut to MAIL_MAX_LINE bytes and lines
 * past MAIL_MAX_HEAD are dropped, followed by the body unchanged; sets
 * *@out_len.  NULL when the header block is within bounds. */
static char *
limit_header (const char *buf, gsize len, gsize *out_len)
{
	const char *end = memmem (buf, len, "\n\n", 2);
	gsize head = end ? (gsize)(end - buf) + 1 : len;
	if (head <= MAIL_MAX_HEAD)
		return NULL;
	GString *out = g_string_sized_new (MAIL_MAX_HEAD + (len - head) + 2);
	const char *p = buf, *stop = buf + head;
	while (p < stop) {
		const char *nl = memchr (p, '\n', stop - p);
		const char *eol = nl ? nl : stop;
		if (out->len < MAIL_MAX_HEAD) {
			g_string_append_len (out, p, MIN ((gsize)(eol - p), MAIL_MAX_LINE));
			g_string_append_c (out, '\n');
		}
		p = nl ? nl + 1 : stop;
	}
	/* The body, after the blank line, as it was. */
	g_string_append_len (out, stop, len - head);
	*out_len = out->len;
	return g_string_free (out, FALSE);
}

/* The length of the RFC 2047 encoded word at @p ("=?charset?B?text?="),
 * or 0 when none starts there. */
static gsize
encoded_word_len (const char *p)
{
	if (p[0] != '=' || p[1] != '?')
		return 0;
	const char *q = strchr (p + 2, '?');
	if (q == NULL || q == p + 2 || strchr ("BbQq", q[1]) == NULL || q[1] == '\0' || q[2] != '?')
		return 0;
	const char *end = strstr (q + 3, "?=");
	if (end == NULL)
		return 0;
	for (const char *c = p; c < end; c++)
		if (*c == ' ' || *c == '\t' || *c == '\r' || *c == '\n')
			return 0;
	return (gsize)(end + 2 - p);
}

/* Decodes @value one encoded word at a time.  GMime 3.2 joins the text of
 * adjacent encoded words of one charset before it decodes them, and its
 * base64 decoder stops at the first word's padding ("=?UTF-8?B?QQ==?=
 * =?UTF-8?B?Qg==?=" gave "A"), which lost the rest of a long subject that
 * a client had cut into words (RFC 2047 section 5 makes each word decode
 * on its own).  White space between two encoded words is dropped (RFC
 * 2047 section 6.2); other text goes to GMime as before, which converts
 * raw 8-bit text. */
static char *
decode_words (const char *value)
{
	GString *out = g_string_new (NULL);
	const char *p = value;
	gboolean after_word = FALSE;
	while (*p) {
		/* The text up to the next encoded word. */
		const char *next = p;
		gsize n = 0;
		while (*next && (n = encoded_word_len (next)) == 0)
			next++;
		if (next > p) {
			gboolean blank = TRUE;
			for (const char *c = p; c < next; c++)
				blank &= *c == ' ' || *c == '\t' || *c == '\r' || *c == '\n';
			if (!(blank && after_word && *next)) {
				g_autofree char *text = g_strndup (p, next - p);
				g_autofree char *d = g_mime_utils_header_decode_text (NULL, text);
				g_string_append (out, d);
			}
			after_word = FALSE;
		}
		if (*next == '\0')
			break;
		g_autofree char *word = g_strndup (next, n);
		g_autofree char *d = g_mime_utils_header_decode_text (NULL, word);
		g_string_append (out, d);
		after_word = TRUE;
		p = next + n;
	}
	return g_string_free (out, FALSE);
}

char *
bv_mail_decode_header (const char *value)
{
	gboolean plain = strstr (value, "=?") == NULL;
	for (const guchar *p = (const guchar *)value; plain && *p; p++)
		plain = *p < 0x80;
	if (plain)
		return bv_text_normalise (value, -1);
	g_autofree char *decoded = decode_words (value);
	return bv_text_normalise (decoded, -1);
}

/* The header @name of @obj decoded, from its raw value: GMime's decoded
 * value suffers from the joining described at decode_words(). */
static char *
header_or_empty (GMimeObject *obj, const char *name)
{
	GMimeHeaderList *list = obj ? g_mime_object_get_header_list (obj) : NULL;
	GMimeHeader *h = list ? g_mime_header_list_get_header (list, name) : NULL;
	const char *raw = h ? g_mime_header_get_raw_value (h) : NULL;
	return raw != NULL ? bv_mail_decode_header (raw) : g_strdup ("");
}

char *
bv_mail_header_text (BvMail *mail, const char *name)
{
	return header_or_empty (mail->message ? GMIME_OBJECT (mail->message) : NULL, name);
}

BvMail *
bv_mail_new (const char *data, gsize len)
{
	BvMail *mail = g_new0 (BvMail, 1);
	mail->body = g_string_new (NULL);
	mail->dsn = g_string_new (NULL);
	mail->feedback = g_string_new (NULL);
	mail->original = g_string_new (NULL);
	mail->decoded = g_ptr_array_new_with_free_func (g_object_unref);

	/* Blank lines before the header block would make GMime read the
	 * whole message as a body without headers. */
	gsize skip = bv_text_blank_prefix (data, len);
	data += skip;
	len -= skip;
	gsize n = len;
	g_autofree char *lf = normalise_newlines (data, len, &n);
	const char *buf = lf ? lf : data;
	gsize blen = lf ? n : len;
	g_autofree char *cut = limit_header (buf, blen, &blen);
	if (cut != NULL) {
		buf = cut;
		mail->truncated = TRUE;
	}
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer (buf, blen);
	GMimeParser *parser = g_mime_parser_new_with_stream (stream);
	g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
	mail->message = g_mime_parser_construct_message (parser, NULL);
	g_object_unref (parser);
	g_object_unref (stream);

	if (mail->message == NULL) {
		/* Not even a header block GMime accepts: keep the bytes as
		 * body text so the text parsers can still try. */
		g_autofree char *valid = g_utf8_make_valid (buf, MIN (blen, MAIL_MAX_TEXT));
		g_string_append (mail->body, valid);
		mail->text = mail->body->str;
		mail->from = g_strdup ("");
		mail->subject = g_strdup ("");
		mail->content_type = g_strdup ("");
		mail->report_type = g_strdup ("");
		return mail;
	}
	GMimeObject *top = GMIME_OBJECT (mail->message);
	mail->from = header_or_empty (top, "From");
	mail->subject = header_or_empty (top, "Subject");
	GMimeObject *body = g_mime_message_get_mime_part (mail->message);
	/* A list that adds a footer to a report, or a gateway that adds a
	 * banner, wraps it into a multipart/mixed: the report is what it
	 * wraps, and the footer's or banner's text is no part of it. */
	guint budget = MAIL_MAX_PARTS;
	mail->report_part = find_report (body, 0, &budget);
	if (mail->report_part != NULL)
		body = mail->report_part;
	GMimeContentType *ct = body ? g_mime_object_get_content_type (body) : NULL;
	if (ct != NULL) {
		g_autofree char *mime_type = g_mime_content_type_get_mime_type (ct);
		mail->content_type = g_ascii_strdown (mime_type ? mime_type : "", -1);
		const char *rt = g_mime_content_type_get_parameter (ct, "report-type");
		mail->report_type = g_ascii_strdown (rt ? rt : "", -1);
	} else {
		mail->content_type = g_strdup ("");
		mail->report_type = g_strdup ("");
	}

	Walk w = { .mail = mail, .parts = 0, .html = g_string_new (NULL), .forwards = g_ptr_array_new () };
	walk (&w, body, 0);
	/* A report attached to this mail itself comes first; only without one
	 * are the forwards it attaches looked into. */
	for (guint i = 0; i < w.forwards->len && mail->attached_report == NULL; i++)
		find_in_forward (&w, w.forwards->pdata[i], 1);
	g_ptr_array_free (w.forwards, TRUE);
	/* Only HTML, or plain parts with nothing visible in them (an empty
	 * part beside an HTML one in a multipart/report or mixed): the HTML's
	 * text is the report's. */
	if (visible_length (mail->body->str) == 0 && visible_length (w.html->str) > 0) {
		g_string_truncate (mail->body, 0);
		g_string_append_len (mail->body, w.html->str, w.html->len);
	}
	g_string_free (w.html, TRUE);
	mail->text = mail->body->str;
	if (mail->body->len == 0 && GMIME_IS_MULTIPART (body)) {
		const char *prologue = g_mime_multipart_get_prologue (GMIME_MULTIPART (body));
		if (prologue != NULL) {
			mail->fallback_text = g_utf8_make_valid (prologue, -1);
			mail->text = mail->fallback_text;
		}
	}
	return mail;
}

void
bv_mail_free (BvMail *mail)
{
	if (mail == NULL)
		return;
	g_clear_object (&mail->message);
	g_free (mail->from);
	g_free (mail->subject);
	g_free (mail->content_type);
	g_free (mail->report_type);
	g_free (mail->fallback_text);
	g_string_free (mail->body, TRUE);
	g_string_free (mail->dsn, TRUE);
	g_string_free (mail->feedback, TRUE);
	g_string_free (mail->original, TRUE);
	/* The decoded messages hold no reference to @message, nor it to them. */
	g_ptr_array_unref (mail->decoded);
	g_free (mail);
}

const char *
bv_mail_header (BvMail *mail, const char *name)
{
	if (mail->message == NULL)
		return NULL;
	return g_mime_object_get_header (GMIME_OBJECT (mail->message), name);
}

char *
bv_header_block_get (const char *block, const char *name)
{
	if (block == NULL)
		return NULL;
	gsize n = strlen (name);
	const char *line = block;
	while (*line) {
		const char *eol = strchr (line, '\n');
		if (eol == NULL)
			eol = line + strlen (line);
		if (g_ascii_strncasecmp (line, name, n) == 0 && line[n] == ':') {
			/* Collect the value and its continuation lines. */
			const char *v = line + n + 1;
			const char *end = eol;
			while (*end == '\n' && (end[1] == ' ' || end[1] == '\t')) {
				const char *next = strchr (end + 1, '\n');
				end = next ? next : end + 1 + strlen (end + 1);
			}
			g_autofree char *raw = g_strndup (v, end - v);
			return bv_text_normalise (raw, -1);
		}
		line = *eol ? eol + 1 : eol;
	}
	return NULL;
}
