#include <config.h>

#include <errno.h>
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
struct piece {
	const char *text;	/* literal text, or the field's name */
	size_t len;
	int field;		/* 1 a placeholder, 2 a line's condition,
				 * 0 literal text */
	char align;		/* '<', '>', or 0 for no padding */
	size_t width;
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
add_piece(struct template *t, const char *text, size_t len, int field,
	  unsigned long line)
{
	struct piece *p;

	if (!field && len == 0)
		return;
	if (t->npieces == t->alloc)
		t->pieces = x2nrealloc(t->pieces, &t->alloc, sizeof *t->pieces);
	p = &t->pieces[t->npieces++];
	p->text = text;
	p->len = len;
	p->field = field;
	p->align = 0;
	p->width = 0;
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
	add_piece(t, s, namelen, condition ? 2 : 1, line);
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

/* Placeholders stay on one line, so a missing "}}" is found where it is
 * and not at the end of the file. */
static int
parse(struct template *t, struct diag *d)
{
	const char *s = t->text, *lit = s, *end;
	unsigned long line = 1, lit_line = 1;
	char q[QUOTE_MAX];

	while (*s) {
		if (s[0] == '\n')
			line++;
		if (s[0] != '{' || s[1] != '{') {
			s++;
			continue;
		}
		add_piece(t, lit, s - lit, 0, lit_line);
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
		if (parse_inside(t, s + 2, end - s - 2, line, d) < 0)
			return -1;
		s = lit = end + 2;
		lit_line = line;
	}
	add_piece(t, lit, s - lit, 0, lit_line);
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

static const struct template_field *
find_field(const struct piece *p, const struct template_field *fields,
	   size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strncmp(fields[i].name, p->text, p->len) == 0 &&
		    fields[i].name[p->len] == '\0')
			return &fields[i];
	return NULL;
}

int
template_check(const struct template *t,
	       const struct template_field *fields, size_t n,
	       struct diag *d)
{
	char q[QUOTE_MAX];
	size_t i;

	for (i = 0; i < t->npieces; i++) {
		const struct piece *p = &t->pieces[i];

		if (p->field && !find_field(p, fields, n))
			return diag_set(d, EXIT_DATAERR,
					"%s:%lu: unknown field '%s'", t->name,
					p->line,
					quote(q, sizeof q, p->text, p->len));
	}
	return 0;
}

/* Characters, not bytes: a UTF-8 continuation byte takes no column. */
static size_t
text_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		putc(' ', fp);
}

int
template_render(const struct template *t, FILE *fp,
		const struct template_field *fields, size_t n,
		struct diag *d)
{
	size_t i, width;
	int skipping = 0;	/* the rest of a line whose condition is empty */

	if (template_check(t, fields, n, d) < 0)
		return -1;
	for (i = 0; i < t->npieces; i++) {
		const struct piece *p = &t->pieces[i];
		const char *value, *nl;

		if (!p->field && skipping) {
			nl = memchr(p->text, '\n', p->len);
			if (!nl)
				continue;
			skipping = 0;
			fwrite(nl + 1, 1, p->len - (nl + 1 - p->text), fp);
			continue;
		}
		if (!p->field) {
			fwrite(p->text, 1, p->len, fp);
			continue;
		}
		if (skipping)
			continue;
		value = find_field(p, fields, n)->value;
		if (!value)
			value = "";
		if (p->field == 2) {
			skipping = !*value;
			continue;
		}
		width = text_width(value);
		if (p->align == '>' && width < p->width)
			pad(fp, p->width - width);
		fputs(value, fp);
		if (p->align == '<' && width < p->width)
			pad(fp, p->width - width);
	}
	if (ferror(fp))
		return diag_set(d, EXIT_REFUSED, "%s: write error", t->name);
	return 0;
}
