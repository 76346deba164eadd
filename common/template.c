#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "template.h"
#include "xalloc.h"

#define QUOTE_MAX 64
#define WIDTH_MAX 999

/* A template is parsed once into literal text and placeholders, so that
 * rendering a batch of documents never looks at the syntax again. */
enum kind {
	LITERAL,
	FIELD,		/* {{name}}, {{name:>N}} */
	CONDITION,	/* {{?name}}, the condition of the rest of its line */
	OPEN,		/* {{#name}}, a whole line */
	CLOSE		/* {{/name}}, a whole line */
};

struct piece {
	const char *text;	/* literal text, or the name */
	size_t len;
	enum kind kind;
	char align;		/* '<', '>', or 0 for no padding */
	size_t width;
	size_t close;		/* an OPEN's CLOSE, an index into pieces */
	unsigned long line;	/* where it starts, for messages */
};

struct template {
	char *name;
	char *text;		/* the pieces point into it */
	struct piece *pieces;
	size_t npieces, alloc;
};

/* The user's text from s, len bytes, made safe to quote in a message. */
static char *
quote(char *buf, size_t size, const char *s, size_t len)
{
	char raw[2 * QUOTE_MAX];

	if (len >= sizeof raw)
		len = sizeof raw - 1;	/* diag_quote cuts it with "..." */
	memcpy(raw, s, len);
	raw[len] = '\0';
	return diag_quote(buf, size, raw);
}

static void
add_piece(struct template *t, const char *text, size_t len, enum kind kind,
	  unsigned long line)
{
	struct piece *p;

	if (kind == LITERAL && len == 0)
		return;
	if (t->npieces == t->alloc)
		t->pieces = x2nrealloc(t->pieces, &t->alloc, sizeof *t->pieces);
	p = &t->pieces[t->npieces++];
	p->text = text;
	p->len = len;
	p->kind = kind;
	p->align = 0;
	p->width = 0;
	p->close = 0;
	p->line = line;
}

/* The inside of a placeholder, between "{{" and "}}": name[:<N|:>N], or
 * ?name, the condition of the rest of its line. */
static int
parse_inside(struct template *t, const char *s, size_t len,
	     unsigned long line, struct diag *d)
{
	char q[QUOTE_MAX], qpart[QUOTE_MAX];
	int condition = len > 0 && s[0] == '?';
	const char *colon;
	size_t namelen;
	struct piece *p;
	size_t i, width = 0;

	if (condition) {
		s++;
		len--;
	}
	colon = condition ? NULL : memchr(s, ':', len);
	namelen = colon ? (size_t)(colon - s) : len;

	for (i = 0; i < namelen; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			break;
	if (namelen == 0 || i < namelen)
		return diag_set(d, EXIT_DATAERR,
				"%s:%lu: placeholder '%s': bad field name '%s'",
				t->name, line, quote(q, sizeof q,
						     s - 2 - condition,
						     len + 4 + condition),
				quote(qpart, sizeof qpart, s, namelen));
	add_piece(t, s, namelen, condition ? CONDITION : FIELD, line);
	if (!colon)
		return 0;

	/* ":" then '<' or '>' then 1 to 3 digits, nothing else */
	p = &t->pieces[t->npieces - 1];
	s = colon + 1;
	len -= namelen + 1;
	for (i = 1; i < len && i <= 3 && s[i] >= '0' && s[i] <= '9'; i++)
		width = width * 10 + (s[i] - '0');
	if (len < 2 || (s[0] != '<' && s[0] != '>') || i < len ||
	    width == 0 || width > WIDTH_MAX)
		return diag_set(d, EXIT_DATAERR,
				"%s:%lu: placeholder '%s': bad width '%s' "
				"(use :<N or :>N, N from 1 to %d)", t->name,
				line, quote(q, sizeof q, p->text - 2,
					    namelen + len + 5),
				quote(qpart, sizeof qpart, colon, len + 1),
				WIDTH_MAX);
	p->align = s[0];
	p->width = width;
	return 0;
}

/* A line that is only {{#name}} or {{/name}}, from s to end (its "}}"),
 * opening or closing a section; *open is the piece of the section open, or
 * SIZE_MAX for none. */
static int
parse_marker(struct template *t, const char *s, const char *end,
	     unsigned long line, size_t *open, struct diag *d)
{
	char q[QUOTE_MAX], qname[QUOTE_MAX], qopen[QUOTE_MAX];
	const char *name = s + 3;
	size_t i, len = end - name;
	struct piece *o;

	if ((s > t->text && s[-1] != '\n') || (end[2] && end[2] != '\n'))
		return diag_set(d, EXIT_DATAERR,
				"%s:%lu: section marker '%s' not alone on its "
				"line", t->name, line,
				quote(q, sizeof q, s, end + 2 - s));
	for (i = 0; i < len; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		      (name[i] >= '0' && name[i] <= '9') || name[i] == '_'))
			break;
	if (len == 0 || i < len)
		return diag_set(d, EXIT_DATAERR,
				"%s:%lu: section marker '%s': bad section "
				"name '%s'", t->name, line,
				quote(q, sizeof q, s, end + 2 - s),
				quote(qname, sizeof qname, name, len));
	quote(qname, sizeof qname, name, len);
	o = *open == SIZE_MAX ? NULL : &t->pieces[*open];
	if (o)
		quote(qopen, sizeof qopen, o->text, o->len);
	if (s[2] == '#') {
		if (o)
			return diag_set(d, EXIT_DATAERR,
					"%s:%lu: section '%s' inside section "
					"'%s' opened on line %lu (sections do "
					"not nest)", t->name, line, qname,
					qopen, o->line);
		add_piece(t, name, len, OPEN, line);
		*open = t->npieces - 1;
		return 0;
	}
	if (!o)
		return diag_set(d, EXIT_DATAERR,
				"%s:%lu: section '%s' closed but not opened",
				t->name, line, qname);
	if (o->len != len || memcmp(o->text, name, len) != 0)
		return diag_set(d, EXIT_DATAERR,
				"%s:%lu: section '%s' opened on line %lu is "
				"closed by '%s'", t->name, line, qopen,
				o->line, quote(q, sizeof q, s, end + 2 - s));
	add_piece(t, name, len, CLOSE, line);
	t->pieces[*open].close = t->npieces - 1;
	*open = SIZE_MAX;
	return 0;
}

/* Placeholders stay on one line, so a missing "}}" is found where it is
 * and not at the end of the file. */
static int
parse(struct template *t, struct diag *d)
{
	const char *s = t->text, *lit = s, *end;
	unsigned long line = 1, lit_line = 1;
	char q[QUOTE_MAX];
	size_t open = SIZE_MAX;
	const struct piece *o;

	while (*s) {
		if (s[0] == '\n')
			line++;
		if (s[0] != '{' || s[1] != '{') {
			s++;
			continue;
		}
		add_piece(t, lit, s - lit, LITERAL, lit_line);
		for (end = s + 2; *end && *end != '\n'; end++)
			if ((end[0] == '}' && end[1] == '}') ||
			    (end[0] == '{' && end[1] == '{'))
				break;
		if (*end == '{')
			return diag_set(d, EXIT_DATAERR,
					"%s:%lu: '{{' inside placeholder '%s'",
					t->name, line,
					quote(q, sizeof q, s,
					      strcspn(s, "\n")));
		if (*end != '}')
			return diag_set(d, EXIT_DATAERR,
					"%s:%lu: placeholder '%s' not closed",
					t->name, line,
					quote(q, sizeof q, s, end - s));
		if (s[2] == '#' || s[2] == '/') {
			if (parse_marker(t, s, end, line, &open, d) < 0)
				return -1;
			/* the marker's line, newline and all, is not text */
			s = end + 2;
			if (*s == '\n') {
				s++;
				line++;
			}
			lit = s;
			lit_line = line;
			continue;
		}
		if (parse_inside(t, s + 2, end - s - 2, line, d) < 0)
			return -1;
		s = lit = end + 2;
		lit_line = line;
	}
	add_piece(t, lit, s - lit, LITERAL, lit_line);
	if (open != SIZE_MAX) {
		o = &t->pieces[open];
		if (s > t->text && s[-1] == '\n')
			line--;		/* the last line, not the one after */
		return diag_set(d, EXIT_DATAERR,
				"%s:%lu: section '%s' opened on line %lu is "
				"not closed", t->name, line,
				quote(q, sizeof q, o->text, o->len), o->line);
	}
	return 0;
}

struct template *
template_parse(const char *name, const char *text, struct diag *d)
{
	struct template *t = xzalloc(sizeof *t);

	t->name = xstrdup(name);
	t->text = xstrdup(text);
	if (parse(t, d) < 0) {
		template_free(t);
		return NULL;
	}
	return t;
}

void
template_free(struct template *t)
{
	if (!t)
		return;
	free(t->name);
	free(t->text);
	free(t->pieces);
	free(t);
}

static char *
path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	char *path = xmalloc(n + strlen(name) + 2);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	memcpy(path, dir, n);
	path[n] = '\0';
	if (dir[n - 1] != '/')
		strcat(path, "/");
	return strcat(path, name);
}

/* 1 and *text set: read.  0: no such file there.  -1 and d set: a file
 * that is there but cannot be read, which must not fall back silently to
 * a template the site meant to override. */
static int
read_text(const char *path, const char *name, char **text,
	  struct diag *d)
{
	FILE *fp = fopen(path, "r");
	size_t len = 0, alloc = 4096, got;
	const char *nul, *s;
	char *buf;
	unsigned long line = 1;

	if (!fp) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return diag_set(d, EXIT_REFUSED, "%s: %s", path,
				strerror(errno));
	}
	buf = xmalloc(alloc);
	while ((got = fread(buf + len, 1, alloc - len - 1, fp)) > 0) {
		len += got;
		if (alloc - len == 1)
			buf = x2realloc(buf, &alloc);
	}
	if (ferror(fp)) {
		diag_set(d, EXIT_REFUSED, "%s: %s", path,
			 strerror(errno ? errno : EIO));
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	buf[len] = '\0';
	if ((nul = memchr(buf, '\0', len))) {
		for (s = buf; s < nul; s++)
			line += *s == '\n';
		free(buf);
		return diag_set(d, EXIT_DATAERR, "%s:%lu: NUL byte", name,
				line);
	}
	*text = buf;
	return 1;
}

struct template *
template_load(const char *name, struct diag *d)
{
	char q[QUOTE_MAX], *dirs[3], *text = NULL, *path;
	const char *env;
	size_t ndirs = 0, i;
	struct template *t = NULL;
	int found = 0;

	if (!*name || name[0] == '.' || strchr(name, '/')) {
		diag_set(d, EXIT_REFUSED,
			 "template name '%s': not a plain file name",
			 diag_quote(q, sizeof q, name));
		return NULL;
	}
	if ((env = getenv("ACCTKIT_TEMPLATES")) && *env)
		dirs[ndirs++] = xstrdup(env);
	if ((env = getenv("ACCTKIT_DATADIR")) && *env)
		dirs[ndirs++] = path_join(env, "templates");
	dirs[ndirs++] = xstrdup(ACCTKIT_PKGDATADIR "/templates");

	for (i = 0; i < ndirs && !found; i++) {
		path = path_join(dirs[i], name);
		found = read_text(path, name, &text, d);
		free(path);
	}
	if (found > 0) {
		t = template_parse(name, text, d);
		free(text);
	} else if (found == 0) {
		char where[DIAG_MAX] = "";

		for (i = 0; i < ndirs; i++) {
			if (i > 0)
				strncat(where, ", ",
					sizeof where - strlen(where) - 1);
			strncat(where, dirs[i],
				sizeof where - strlen(where) - 1);
		}
		diag_set(d, EXIT_REFUSED, "template '%s': not found in %s",
			 diag_quote(q, sizeof q, name), where);
	}
	for (i = 0; i < ndirs; i++)
		free(dirs[i]);
	return t;
}

/* The value of p's field, taken from row of section sec first (if sec),
 * then from the document's fields: 1 and *value set (NULL for ""), or 0,
 * an unknown field. */
static int
lookup(const struct piece *p, const struct template_section *sec,
       size_t row, const struct template_field *fields, size_t n,
       const char **value)
{
	size_t i;

	for (i = 0; sec && i < sec->nfields; i++)
		if (strncmp(sec->names[i], p->text, p->len) == 0 &&
		    sec->names[i][p->len] == '\0') {
			*value = row < sec->nrows ?
				sec->values[row * sec->nfields + i] : NULL;
			return 1;
		}
	for (i = 0; i < n; i++)
		if (strncmp(fields[i].name, p->text, p->len) == 0 &&
		    fields[i].name[p->len] == '\0') {
			*value = fields[i].value;
			return 1;
		}
	return 0;
}

static const struct template_section *
find_section(const struct piece *p, const struct template_section *sections,
	     size_t nsections)
{
	size_t i;

	for (i = 0; i < nsections; i++)
		if (strncmp(sections[i].name, p->text, p->len) == 0 &&
		    sections[i].name[p->len] == '\0')
			return &sections[i];
	return NULL;
}

int
template_check_sections(const struct template *t,
			const struct template_field *fields, size_t n,
			const struct template_section *sections,
			size_t nsections, struct diag *d)
{
	const struct template_section *sec = NULL;
	const char *value;
	char q[QUOTE_MAX];
	size_t i;

	for (i = 0; i < t->npieces; i++) {
		const struct piece *p = &t->pieces[i];

		switch (p->kind) {
		case OPEN:
			sec = find_section(p, sections, nsections);
			if (!sec)
				return diag_set(d, EXIT_DATAERR,
						"%s:%lu: unknown section '%s'",
						t->name, p->line,
						quote(q, sizeof q, p->text,
						      p->len));
			break;
		case CLOSE:
			sec = NULL;
			break;
		case FIELD:
		case CONDITION:
			/* row 0 even of no rows: only the names count */
			if (!lookup(p, sec, 0, fields, n, &value))
				return diag_set(d, EXIT_DATAERR,
						"%s:%lu: unknown field '%s'",
						t->name, p->line,
						quote(q, sizeof q, p->text,
						      p->len));
			break;
		case LITERAL:
			break;
		}
	}
	return 0;
}

int
template_check(const struct template *t,
	       const struct template_field *fields, size_t n,
	       struct diag *d)
{
	return template_check_sections(t, fields, n, NULL, 0, d);
}

/* Characters, not bytes: a UTF-8 continuation byte takes no column. */
static size_t
text_width_n(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

static size_t
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		putc(' ', fp);
}

/* Writes len bytes of s and moves *col, the column the next character
 * goes in: back to 0 after a newline, on by a column a character. */
static void
put_text(FILE *fp, const char *s, size_t len, size_t *col)
{
	size_t i;

	fwrite(s, 1, len, fp);
	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			*col = 0;
		else if (((unsigned char)s[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/* The bytes of s's first n characters (all of it if shorter). */
static size_t
char_bytes(const char *s, size_t len, size_t n)
{
	size_t i = 0;

	for (; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && n-- == 0)
			break;
	return i;
}

/* Writes value, a field with no alignment that starts at column *col: one
 * that would run past TEMPLATE_WIDTH is folded at its spaces, each further
 * line indented to the field's column, so that a long name or address
 * stays on the page under its label.  A word longer than the room is cut
 * where the room ends.  A value with a newline of its own, or a field that
 * starts too far right to leave a useful room, is written as it is. */
static void
put_folded(FILE *fp, const char *value, size_t *col)
{
	size_t start = *col, room, used, wlen, wwidth, cut;
	const char *s = value, *w;

	if (start + TEMPLATE_FOLD_MIN > TEMPLATE_WIDTH
	    || start + text_width(value) <= TEMPLATE_WIDTH
	    || strchr(value, '\n')) {
		put_text(fp, value, strlen(value), col);
		return;
	}
	room = TEMPLATE_WIDTH - start;
	used = 0;
	while (*s == ' ')
		s++;
	while (*s) {
		w = s;
		while (*s && *s != ' ')
			s++;
		wlen = (size_t)(s - w);
		while (*s == ' ')
			s++;
		for (;;) {
			wwidth = text_width_n(w, wlen);
			if (used > 0 && used + 1 + wwidth <= room) {
				put_text(fp, " ", 1, col);
				used++;
			} else if (used > 0) {
				put_text(fp, "\n", 1, col);
				pad(fp, start);
				*col = start;
				used = 0;
			}
			if (used + wwidth <= room) {
				put_text(fp, w, wlen, col);
				used += wwidth;
				break;
			}
			/* a word wider than the room: the part that fits */
			cut = char_bytes(w, wlen, room - used);
			put_text(fp, w, cut, col);
			used += text_width_n(w, cut);
			w += cut;
			wlen -= cut;
			put_text(fp, "\n", 1, col);
			pad(fp, start);
			*col = start;
			used = 0;
		}
	}
}

/* Writes pieces from to to-1 of t, checked before, the fields of row of
 * sec (if sec) taking precedence over the document's; a section among
 * them is written once for each of its rows. */
static void
render_pieces(const struct template *t, size_t from, size_t to, FILE *fp,
	      const struct template_field *fields, size_t n,
	      const struct template_section *sections, size_t nsections,
	      const struct template_section *sec, size_t row, size_t *col)
{
	const struct template_section *inner;
	size_t i, r, width;
	int skipping = 0;	/* the rest of a line whose condition is "" */

	for (i = from; i < to; i++) {
		const struct piece *p = &t->pieces[i];
		const char *value = NULL, *nl;

		switch (p->kind) {
		case LITERAL:
			if (!skipping) {
				put_text(fp, p->text, p->len, col);
				break;
			}
			nl = memchr(p->text, '\n', p->len);
			if (!nl)
				break;
			skipping = 0;
			*col = 0;
			put_text(fp, nl + 1, p->len - (nl + 1 - p->text), col);
			break;
		case OPEN:
			/* a marker starts a line: no condition runs on */
			inner = find_section(p, sections, nsections);
			for (r = 0; r < inner->nrows; r++)
				render_pieces(t, i + 1, p->close, fp, fields,
					      n, sections, nsections, inner,
					      r, col);
			i = p->close;
			break;
		case CLOSE:
			break;
		case CONDITION:
			if (skipping)
				break;
			lookup(p, sec, row, fields, n, &value);
			skipping = !value || !*value;
			break;
		case FIELD:
			if (skipping)
				break;
			lookup(p, sec, row, fields, n, &value);
			if (!value)
				value = "";
			if (!p->align) {
				put_folded(fp, value, col);
				break;
			}
			width = text_width(value);
			if (p->align == '>' && width < p->width)
				pad(fp, p->width - width);
			put_text(fp, value, strlen(value), col);
			if (p->align == '<' && width < p->width)
				pad(fp, p->width - width);
			*col += width < p->width ? p->width - width : 0;
			break;
		}
	}
}

int
template_render_sections(const struct template *t, FILE *fp,
			 const struct template_field *fields, size_t n,
			 const struct template_section *sections,
			 size_t nsections, struct diag *d)
{
	size_t col = 0;

	if (template_check_sections(t, fields, n, sections, nsections,
				    d) < 0)
		return -1;
	render_pieces(t, 0, t->npieces, fp, fields, n, sections, nsections,
		      NULL, 0, &col);
	if (ferror(fp))
		return diag_set(d, EXIT_REFUSED, "%s: write error", t->name);
	return 0;
}

int
template_render(const struct template *t, FILE *fp,
		const struct template_field *fields, size_t n,
		struct diag *d)
{
	return template_render_sections(t, fp, fields, n, NULL, 0, d);
}
