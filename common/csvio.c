#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <csv.h>

#include "csvio.h"
#include "diag.h"

/* libcsv grows its field buffer by a fixed block; feeding a long line in
 * chunks and raising the block to the buffer's size before each chunk makes
 * that growth geometric, so a 10 MB field costs a few reallocs, not 80,000. */
#define CHUNK (64 * 1024)
#define MIN_BLOCK 4096
#define QUOTE_MAX 128
/* far more than any acctkit file has, far fewer than a hostile header */
#define CSVIO_MAX_COLUMNS 65536

struct column {
	const char *name;
	size_t index;
};

struct csvio_reader {
	FILE *fp;
	int own_fp;
	char *name;
	struct csv_parser parser;
	char *line;
	size_t linecap;
	unsigned long lineno;	/* physical lines read so far */
	unsigned long long bytes;	/* bytes read so far */
	unsigned long row_line;	/* start of the row being parsed, 0 if none */
	unsigned long field_line;	/* start of the field being parsed */
	unsigned long done_line;	/* start of the row just completed */
	int row_done;
	int eof;
	/* the fields of the current row, NUL-terminated, one after another */
	char *buf;
	size_t len, cap;
	size_t *off;
	size_t nfields, offcap;
	/* the header, moved out of the row buffers once read */
	char *hbuf;
	size_t *hoff;
	size_t ncolumns;
	struct column *sorted;
	/* the first error, kept: callbacks cannot stop the parser */
	int failed;
	struct diag err;
};

/* Nothing is a space: fields are kept exactly as written. */
static int
no_space(unsigned char c)
{
	(void) c;
	return 0;
}

static int
fail(struct csvio_reader *r, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fail(struct csvio_reader *r, unsigned long line, const char *fmt, ...)
{
	char why[DIAG_MAX];
	va_list ap;

	if (r->failed)
		return -1;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (line)
		diag_set(&r->err, EXIT_DATAERR, "%s:%lu: %s", r->name, line,
			 why);
	else
		diag_set(&r->err, EXIT_DATAERR, "%s: %s", r->name, why);
	r->failed = 1;
	return -1;
}

/* "column 'name'" once the header is known, else "field N" (1-based). */
static const char *
where(const struct csvio_reader *r, size_t i, char *buf, size_t size)
{
	char q[QUOTE_MAX];

	if (r->hoff && i < r->ncolumns)
		snprintf(buf, size, "column '%s'",
			 diag_quote(q, sizeof q, r->hbuf + r->hoff[i]));
	else
		snprintf(buf, size, "field %zu", i + 1);
	return buf;
}

/* UTF-8 as RFC 3629 has it: no overlong forms, no surrogates, nothing
 * beyond U+10FFFF. */
static int
utf8_valid(const unsigned char *s, size_t len)
{
	size_t i = 0, n, k;
	unsigned char lo, hi;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xbf;
		if (s[i] >= 0xc2 && s[i] <= 0xdf) {
			n = 1;
		} else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			n = 2;
			if (s[i] == 0xe0)
				lo = 0xa0;
			else if (s[i] == 0xed)
				hi = 0x9f;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			n = 3;
			if (s[i] == 0xf0)
				lo = 0x90;
			else if (s[i] == 0xf4)
				hi = 0x8f;
		} else {
			return 0;
		}
		if (len - i - 1 < n || s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (k = 2; k <= n; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		i += n + 1;
	}
	return 1;
}

static int
grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 64;
	void *q;

	while (n < need)
		n *= 2;
	if (n == *cap)
		return 0;
	if (!(q = realloc(*p, n * elem)))
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

static void
on_field(void *s, size_t len, void *data)
{
	struct csvio_reader *r = data;
	char w[QUOTE_MAX + 16];
	size_t i = r->nfields;

	if (r->failed)
		return;
	/* only a bare CR can end a row before the end of a physical line;
	 * the rest of that line comes here with the row done, or, on the
	 * last line of a file, from csv_fini with no row begun */
	if (r->row_done || r->row_line == 0) {
		fail(r, r->lineno, "a carriage return in an unquoted field");
		return;
	}
	r->field_line = r->lineno;
	/* a field past the header's last is an error at the row's end
	 * ("N fields, the header has M"): counted, not kept, so that a
	 * line of a billion commas costs no more than its own bytes */
	if (r->hoff && i >= r->ncolumns) {
		r->nfields++;
		return;
	}
	if (!r->hoff && i >= CSVIO_MAX_COLUMNS) {
		fail(r, r->row_line, "more than %d columns", CSVIO_MAX_COLUMNS);
		return;
	}
	if (memchr(s, '\0', len)) {
		fail(r, r->row_line, "%s: NUL byte", where(r, i, w, sizeof w));
		return;
	}
	if (!utf8_valid(s, len)) {
		fail(r, r->row_line, "%s: invalid UTF-8",
		     where(r, i, w, sizeof w));
		return;
	}
	if (grow((void **) &r->buf, &r->cap, r->len + len + 1, 1) < 0 ||
	    grow((void **) &r->off, &r->offcap, i + 1, sizeof *r->off) < 0) {
		fail(r, r->row_line, "out of memory");
		return;
	}
	memcpy(r->buf + r->len, s, len);
	r->buf[r->len + len] = '\0';
	r->off[i] = r->len;
	r->len += len + 1;
	r->nfields++;
}

static void
on_row(int c, void *data)
{
	struct csvio_reader *r = data;

	(void) c;
	if (r->failed)
		return;
	r->row_done = 1;
	r->done_line = r->row_line;
	r->row_line = 0;
}

static int
is_blank(const char *s, size_t len)
{
	for (; len > 0; s++, len--)
		if (*s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* libcsv stops on the offending byte: a quote inside an unquoted field, or
 * anything but a comma or line end after a closing quote. */
static int
parse_error(struct csvio_reader *r, char offending)
{
	char w[QUOTE_MAX + 16];

	if (csv_error(&r->parser) != CSV_EPARSE)
		return fail(r, r->lineno, "%s",
			    csv_strerror(csv_error(&r->parser)));
	where(r, r->nfields, w, sizeof w);
	if (offending == '"')
		return fail(r, r->lineno, "%s: a quote in an unquoted field",
			    w);
	return fail(r, r->lineno, "%s: text after a closing quote", w);
}

static int
feed_line(struct csvio_reader *r, const char *s, size_t len)
{
	int fresh = r->row_line == 0;
	size_t done, chunk, n, size;

	if (fresh)
		r->row_line = r->field_line = r->lineno;
	for (done = 0; done < len && !r->failed; done += chunk) {
		chunk = len - done < CHUNK ? len - done : CHUNK;
		size = csv_get_buffer_size(&r->parser);
		csv_set_blk_size(&r->parser,
				 size > MIN_BLOCK ? size : MIN_BLOCK);
		n = csv_parse(&r->parser, s + done, chunk, on_field, on_row, r);
		if (n < chunk && !r->failed)
			return parse_error(r, s[done + n]);
	}
	if (r->failed)
		return -1;
	/* a blank line starts no row; inside a quoted field it is data */
	if (fresh && !r->row_done && is_blank(s, len))
		r->row_line = 0;
	return 0;
}

/* Reads physical lines until a row is complete: 1 a row, 0 end of input. */
static int
read_row(struct csvio_reader *r)
{
	ssize_t n;
	const char *s;

	if (r->failed)
		return -1;
	r->nfields = r->len = 0;
	r->row_done = 0;
	while (!r->row_done) {
		if (r->eof)
			return 0;
		errno = 0;
		n = getline(&r->line, &r->linecap, r->fp);
		if (n > 0)
			r->bytes += n;
		if (n < 0) {
			if (ferror(r->fp)) {
				fail(r, 0, "%s", strerror(errno ? errno : EIO));
				r->err.status = EXIT_REFUSED;
				return -1;
			}
			r->eof = 1;
			/* the last row arrives here when no newline ends it */
			if (csv_fini(&r->parser, on_field, on_row, r) != 0)
				return fail(r, r->field_line,
					    "a quote is never closed");
			break;
		}
		s = r->line;
		if (++r->lineno == 1 && n >= 3 &&
		    memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3;
			n -= 3;
		}
		if (feed_line(r, s, n) < 0)
			return -1;
	}
	return r->failed ? -1 : r->row_done;
}

static int
column_cmp(const void *a, const void *b)
{
	const struct column *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int
read_header(struct csvio_reader *r)
{
	char q[QUOTE_MAX];
	size_t i;
	int rc;

	if ((rc = read_row(r)) < 0)
		return -1;
	if (rc == 0)
		return fail(r, 0, "empty file: a header row is needed");
	r->hbuf = r->buf;
	r->hoff = r->off;
	r->ncolumns = r->nfields;
	r->buf = NULL;
	r->off = NULL;
	r->len = r->cap = r->nfields = r->offcap = 0;
	if (!(r->sorted = malloc(r->ncolumns * sizeof *r->sorted)))
		return fail(r, r->done_line, "out of memory");
	for (i = 0; i < r->ncolumns; i++) {
		r->sorted[i].name = r->hbuf + r->hoff[i];
		r->sorted[i].index = i;
		if (!*r->sorted[i].name)
			return fail(r, r->done_line, "empty column name");
	}
	/* sorted once: duplicates are neighbours, and lookups are bsearch */
	qsort(r->sorted, r->ncolumns, sizeof *r->sorted, column_cmp);
	for (i = 1; i < r->ncolumns; i++)
		if (strcmp(r->sorted[i - 1].name, r->sorted[i].name) == 0)
			return fail(r, r->done_line, "duplicate column '%s'",
				    diag_quote(q, sizeof q, r->sorted[i].name));
	return 0;
}

struct csvio_reader *
csvio_open_stream(FILE *fp, const char *name, struct diag *d)
{
	struct csvio_reader *r;
	size_t size;

	if (!name)
		name = "stdin";
	/* the name as messages give it: a control character in a file's
	 * name is shown escaped, never sent to the clerk's terminal */
	size = 4 * strlen(name) + 8;
	if (!(r = calloc(1, sizeof *r)) || !(r->name = malloc(size))) {
		free(r);
		diag_set(d, EXIT_DATAERR, "out of memory");
		return NULL;
	}
	diag_quote(r->name, size, name);
	r->fp = fp;
	csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_space_func(&r->parser, no_space);
	if (read_header(r) < 0) {
		*d = r->err;
		csvio_close(r);
		return NULL;
	}
	return r;
}

struct csvio_reader *
csvio_open(const char *path, struct diag *d)
{
	struct csvio_reader *r;
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return csvio_open_stream(stdin, "stdin", d);
	if (!(fp = fopen(path, "r"))) {
		char q[256];

		diag_set(d, EXIT_REFUSED, "%s: %s", diag_quote(q, sizeof q, path),
			 strerror(errno));
		return NULL;
	}
	if (!(r = csvio_open_stream(fp, path, d))) {
		fclose(fp);
		return NULL;
	}
	r->own_fp = 1;
	return r;
}

void
csvio_close(struct csvio_reader *r)
{
	if (!r)
		return;
	if (r->own_fp)
		fclose(r->fp);
	csv_free(&r->parser);
	free(r->name);
	free(r->line);
	free(r->buf);
	free(r->off);
	free(r->hbuf);
	free(r->hoff);
	free(r->sorted);
	free(r);
}

size_t
csvio_ncolumns(const struct csvio_reader *r)
{
	return r->ncolumns;
}

const char *
csvio_column_name(const struct csvio_reader *r, size_t i)
{
	return i < r->ncolumns ? r->hbuf + r->hoff[i] : "";
}

static int
column_key_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct column *) elem)->name);
}

int
csvio_column(const struct csvio_reader *r, const char *name)
{
	const struct column *c;

	c = bsearch(name, r->sorted, r->ncolumns, sizeof *r->sorted,
		    column_key_cmp);
	return c ? (int) c->index : -1;
}

int
csvio_next(struct csvio_reader *r, struct diag *d)
{
	int rc = read_row(r);

	if (rc == 1 && r->nfields != r->ncolumns)
		rc = fail(r, r->done_line, "%zu field%s, the header has %zu",
			  r->nfields, r->nfields == 1 ? "" : "s",
			  r->ncolumns);
	if (rc < 0)
		*d = r->err;
	return rc;
}

const char *
csvio_field(const struct csvio_reader *r, int i)
{
	if (i < 0 || (size_t) i >= r->nfields)
		return "";
	return r->buf + r->off[i];
}

unsigned long
csvio_line(const struct csvio_reader *r)
{
	return r->done_line;
}

const char *
csvio_name(const struct csvio_reader *r)
{
	return r->name;
}

int
csvio_fail(const struct csvio_reader *r, struct diag *d, int status,
	   int i, const char *fmt, ...)
{
	char why[DIAG_MAX], w[QUOTE_MAX + 16];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (i < 0 || (size_t) i >= r->ncolumns)
		return diag_set(d, status, "%s:%lu: %s", r->name,
				r->done_line, why);
	return diag_set(d, status, "%s:%lu: %s: %s", r->name, r->done_line,
			where(r, i, w, sizeof w), why);
}

static int
needs_quotes(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return 0;
	/* a reader takes a byte order mark at the start of a file for one */
	if (strncmp(s, "\xef\xbb\xbf", 3) == 0)
		return 1;
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		return 1;
	return strpbrk(s, ",\"\r\n") != NULL;
}

void
csvio_write_field(FILE *fp, const char *s)
{
	const char *q;

	if (!s)
		return;
	if (!needs_quotes(s)) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	while ((q = strchr(s, '"'))) {
		fwrite(s, 1, q - s + 1, fp);
		putc('"', fp);
		s = q + 1;
	}
	fputs(s, fp);
	putc('"', fp);
}

unsigned long long
csvio_bytes_read(const struct csvio_reader *r)
{
	return r->bytes;
}

long long
csvio_size(const struct csvio_reader *r)
{
	struct stat sb;

	if (fstat(fileno(r->fp), &sb) < 0 || !S_ISREG(sb.st_mode))
		return -1;
	return sb.st_size;
}
