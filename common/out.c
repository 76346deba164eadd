#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "date.h"
#include "money.h"
#include "csvio.h"
#include "out.h"
#include "xalloc.h"

/* A bar is at most this many cells; each cell is eight eighths. */
enum { BAR_CELLS = 10 };

struct out {
	FILE *fp;
	int table;
	int json;
	int bars;		/* a table draws bars (out_bars()) */
	size_t ncols;
	char **names;		/* without the '>' */
	unsigned char *right;	/* 1 for a right-aligned column */
	size_t nfield;		/* fields given so far in the current row */

	/* A table is written at the end, when the widths are known. */
	char **cells;		/* row after row, ncols each; NULL is "" */
	size_t nrows, cells_alloc;
	char **footers;
	size_t nfooters, footers_alloc;

	/* Bars, known at flush_table(): the largest value of each numeric
	 * column (hundredths), 0 for a column without bars. */
	int64_t *bar_max;
	int bar_cells;		/* the bars' width: BAR_CELLS or less */
	size_t jsonrows;	/* JSON objects written so far */

	/* out_new_held(): fp writes into held, for standard output */
	struct held_text *held;
};

/* What a memory stream writes into: its address must not move. */
struct held_text {
	char *text;
	size_t size;
};

int
out_parse_format(const char *s, enum out_format *f)
{
	if (s && strcmp(s, "csv") == 0)
		*f = OUT_CSV;
	else if (s && strcmp(s, "table") == 0)
		*f = OUT_TABLE;
	else
		return -1;
	return 0;
}

int
out_parse_format_json(const char *s, enum out_format *f)
{
	if (s && strcmp(s, "json") == 0) {
		*f = OUT_JSON;
		return 0;
	}
	return out_parse_format(s, f);
}

/* A JSON string: quotes, backslashes and controls escaped; the rest, UTF-8
 * included, as it is. */
static void
json_write_string(FILE *fp, const char *s)
{
	const unsigned char *p;

	putc('"', fp);
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				putc(*p, fp);
		}
	}
	putc('"', fp);
}

/* Whether s is a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?, which is what
 * out_money() and out_int() write; no exponents are made here. */
static int
json_is_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* One field of the current JSON row, the object opened before the first. */
static void
json_field(struct out *o, const char *s)
{
	if (o->nfield == 0)
		fputs(o->jsonrows == 0 ? "[\n{" : ",\n{", o->fp);
	else
		putc(',', o->fp);
	json_write_string(o->fp, o->names[o->nfield]);
	putc(':', o->fp);
	if (!o->right[o->nfield])
		json_write_string(o->fp, s);
	else if (!*s)
		fputs("null", o->fp);
	else if (json_is_number(s))
		fputs(s, o->fp);
	else
		json_write_string(o->fp, s);
}

static void
json_row_end(struct out *o)
{
	if (o->ncols == 0)
		fputs(o->jsonrows == 0 ? "[\n{" : ",\n{", o->fp);
	for (; o->nfield < o->ncols; o->nfield++)
		json_field(o, "");
	putc('}', o->fp);
	o->jsonrows++;
}

/* csvio's minimal RFC 4180 quoting, but a lone empty field is written "",
 * since an empty line is skipped by readers. */
static void
csv_write_field(FILE *fp, const char *s, int alone)
{
	if (!*s && alone)
		fputs("\"\"", fp);
	else
		csvio_write_field(fp, s);
}

static void
csv_write_row(struct out *o, char *const *fields, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			putc(',', o->fp);
		csv_write_field(o->fp, fields[i], o->ncols == 1);
	}
	putc('\n', o->fp);
}

struct out *
out_new(FILE *fp, enum out_format f, const char *const *cols)
{
	struct out *o = xcalloc(1, sizeof *o);
	size_t i;

	o->fp = fp;
	if (f == OUT_AUTO)
		o->table = isatty(fileno(fp));
	else
		o->table = f == OUT_TABLE;
	o->json = f == OUT_JSON;
	while (cols[o->ncols])
		o->ncols++;
	o->names = xcalloc(o->ncols + 1, sizeof *o->names);
	o->right = xcalloc(o->ncols + 1, 1);
	for (i = 0; i < o->ncols; i++) {
		const char *name = cols[i];

		if (*name == '>') {
			o->right[i] = 1;
			name++;
		}
		o->names[i] = xstrdup(name);
	}
	if (!o->table && !o->json)
		csv_write_row(o, o->names, o->ncols);
	return o;
}

struct out *
out_new_held(enum out_format f, const char *const *cols)
{
	struct held_text *held = xzalloc(sizeof *held);
	FILE *fp = open_memstream(&held->text, &held->size);
	struct out *o;

	if (!fp)
		xalloc_die();
	if (f == OUT_AUTO)	/* memory is no terminal: ask where it goes */
		f = isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_CSV;
	o = out_new(fp, f, cols);
	o->held = held;
	return o;
}

int
out_is_table(const struct out *o)
{
	return o->table;
}

/* For the terminal: controls (a tab, a newline, an escape sequence) would
 * break the alignment or drive the terminal, so each shows as a space. */
static char *
table_text(const char *s)
{
	char *t = xmalloc(strlen(s) + 1), *q = t;
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			*q++ = ' ';
		} else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			*q++ = ' ';	/* a C1 control, U+0080..U+009F */
			p++;
		} else {
			*q++ = *p;
		}
	}
	*q = '\0';
	return t;
}

/* Room for the current row, whose unset fields are NULL. */
static char **
current_row(struct out *o)
{
	size_t need = (o->nrows + 1) * o->ncols;
	size_t i;

	if (need > o->cells_alloc) {
		size_t old = o->cells_alloc;

		o->cells_alloc = need * 2;
		o->cells = xnrealloc(o->cells, o->cells_alloc,
				     sizeof *o->cells);
		for (i = old; i < o->cells_alloc; i++)
			o->cells[i] = NULL;
	}
	return o->cells + o->nrows * o->ncols;
}

void
out_field(struct out *o, const char *s)
{
	if (!s)
		s = "";
	/* more fields than columns would break the shape: drop them */
	if (o->nfield >= o->ncols)
		return;
	if (o->table) {
		current_row(o)[o->nfield] = table_text(s);
	} else if (o->json) {
		json_field(o, s);
	} else {
		if (o->nfield > 0)
			putc(',', o->fp);
		csv_write_field(o->fp, s, o->ncols == 1);
	}
	o->nfield++;
}

void
out_money(struct out *o, int64_t cents)
{
	char buf[MONEY_BUFSZ];

	out_field(o, money_format(cents, buf));
}

void
out_int(struct out *o, long long n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", n);
	out_field(o, buf);
}

void
out_date(struct out *o, int day)
{
	char buf[DATE_BUFSZ];

	out_field(o, day == DATE_NONE ? "" : date_format(day, buf));
}

void
out_row_end(struct out *o)
{
	if (o->table) {
		if (o->ncols > 0)
			current_row(o);	/* a row with no field given */
		o->nrows++;
	} else if (o->json) {
		json_row_end(o);
	} else {
		/* a short row is filled with empty fields */
		for (; o->nfield < o->ncols; o->nfield++) {
			if (o->nfield > 0)
				putc(',', o->fp);
			csv_write_field(o->fp, "", o->ncols == 1);
		}
		putc('\n', o->fp);
	}
	o->nfield = 0;
}

void
out_footer(struct out *o, const char *line)
{
	if (!o->table || !line)
		return;
	if (o->nfooters == o->footers_alloc)
		o->footers = x2nrealloc(o->footers, &o->footers_alloc,
					sizeof *o->footers);
	o->footers[o->nfooters++] = xstrdup(line);
}

void
out_bars(struct out *o, int on)
{
	o->bars = on;
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

static size_t
terminal_width(FILE *fp)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long n;
	int fd;

	if (env && *env) {
		errno = 0;
		n = strtol(env, &end, 10);
		if (!*end && !errno && n > 0 && n <= INT_MAX)
			return n;
	}
	fd = fileno(fp);
	if (fd >= 0 && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* A line is written through these so that no line ends in spaces: padding
 * is held back until some text follows it. */
struct line {
	FILE *fp;
	size_t pending;
};

static void
line_pad(struct line *l, size_t n)
{
	l->pending += n;
}

static void
line_put(struct line *l, const char *s)
{
	if (!*s)
		return;
	for (; l->pending > 0; l->pending--)
		putc(' ', l->fp);
	fputs(s, l->fp);
}

static void
line_end(struct line *l)
{
	l->pending = 0;
	putc('\n', l->fp);
}

/* A numeric cell's value in hundredths ("12.50" is 1250, "3" is 300, "1.5"
 * is 150): 0, or -1 for text that is not such a number (it has no bar). */
static int
bar_value(const char *s, int64_t *v)
{
	int64_t n = 0;
	int neg = 0, digits = 0, decimals = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 13)
			return -1;	/* beyond any amount: no bar */
		n = n * 10 + (*s - '0');
	}
	if (digits == 0)
		return -1;
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++)
			if (++decimals <= 2)
				n = n * 10 + (*s - '0');
		if (decimals == 0)
			return -1;
	}
	if (*s)
		return -1;
	for (; decimals < 2; decimals++)
		n *= 10;
	*v = neg ? -n : n;
	return 0;
}

/* The bar of cell s in a column whose largest value is max (above zero),
 * at most cells wide, into buf (BAR_CELLS * 3 + 1 bytes): full blocks, then
 * the eighths left over as one of U+258F (one eighth) .. U+2589 (seven
 * eighths). */
static const char *
bar_text(const char *s, int64_t max, int cells, int ascii, char *buf)
{
	char *q = buf;
	int64_t v;
	long eighths;

	*q = '\0';
	if (max <= 0 || cells <= 0 || bar_value(s, &v) < 0 || v <= 0)
		return buf;
	/* v <= max < 10^15 in hundredths: v * 16 * BAR_CELLS fits */
	eighths = (v * 16 * cells + max) / (2 * max);
	if (eighths < 1)
		eighths = 1;	/* above zero shows */
	if (ascii) {	/* whole cells, rounded, at least one */
		for (eighths = (eighths + 4) / 8; eighths > 0; eighths--)
			*q++ = '#';
		if (q == buf)
			*q++ = '#';
		*q = '\0';
		return buf;
	}
	for (; eighths >= 8; eighths -= 8) {
		memcpy(q, "\xe2\x96\x88", 3);
		q += 3;
	}
	if (eighths > 0) {
		q[0] = '\xe2';
		q[1] = '\x96';
		q[2] = (char) (0x90 - eighths);
		q += 3;
	}
	*q = '\0';
	return buf;
}

/* The largest value above zero of each numeric column, for its bars. */
static void
bar_maxima(struct out *o)
{
	size_t i, r;

	o->bar_max = xcalloc(o->ncols + 1, sizeof *o->bar_max);
	if (!o->bars)
		return;
	for (i = 0; i < o->ncols; i++) {
		if (!o->right[i])
			continue;
		for (r = 0; r < o->nrows; r++) {
			const char *s = o->cells[r * o->ncols + i];
			int64_t v;

			if (s && bar_value(s, &v) == 0 && v > o->bar_max[i])
				o->bar_max[i] = v;
		}
	}
}

/* The cells a column's bars take after its values: a space and the bar. */
static size_t
bar_room(const struct out *o, size_t i)
{
	return o->bar_max[i] > 0 && o->bar_cells > 0 ? 1 + o->bar_cells : 0;
}

/* widths are the values' widths, without the bars' room. */
static void
table_row(const struct out *o, char *const *row, const size_t *widths,
	  int header)
{
	struct line l = { o->fp, 0 };
	char bar[BAR_CELLS * 3 + 1];
	size_t i;

	for (i = 0; i < o->ncols; i++) {
		const char *s = row[i] ? row[i] : "";
		size_t pad = widths[i] - text_width(s);

		if (i > 0)
			line_pad(&l, 2);
		if (o->right[i]) {
			line_pad(&l, pad);
			line_put(&l, s);
		} else {
			line_put(&l, s);
			line_pad(&l, pad);
		}
		if (bar_room(o, i) > 0) {
			bar_text(header ? "" : s, o->bar_max[i], o->bar_cells,
				 o->bars == OUT_BARS_ASCII, bar);
			line_pad(&l, 1);
			line_put(&l, bar);
			line_pad(&l, o->bar_cells - text_width(bar));
		}
	}
	line_end(&l);
}

static void
write_table(const struct out *o, const size_t *widths)
{
	struct line l = { o->fp, 0 };
	size_t i, r;

	table_row(o, o->names, widths, 1);
	for (i = 0; i < o->ncols; i++) {
		if (i > 0)
			line_pad(&l, 2);
		for (r = 0; r < widths[i] + bar_room(o, i); r++)
			line_put(&l, "-");
	}
	line_end(&l);
	for (r = 0; r < o->nrows; r++)
		table_row(o, o->cells + r * o->ncols, widths, 0);
	for (i = 0; i < o->nfooters; i++)
		fprintf(o->fp, "%s\n", o->footers[i]);
}

/* One "column  value" line a field, a blank line between records, as
 * psql's expanded mode, for a table too wide for the terminal; a bar
 * follows its value. */
static void
write_expanded(const struct out *o)
{
	struct line l = { o->fp, 0 };
	char bar[BAR_CELLS * 3 + 1];
	size_t namewidth = 0, i, r;

	for (i = 0; i < o->ncols; i++)
		if (text_width(o->names[i]) > namewidth)
			namewidth = text_width(o->names[i]);
	for (r = 0; r < o->nrows; r++) {
		char *const *row = o->cells + r * o->ncols;

		if (r > 0)
			line_end(&l);
		for (i = 0; i < o->ncols; i++) {
			const char *s = row[i] ? row[i] : "";

			line_put(&l, o->names[i]);
			line_pad(&l, namewidth - text_width(o->names[i]) + 2);
			line_put(&l, s);
			if (*bar_text(s, o->bar_max[i], o->bar_cells,
				       o->bars == OUT_BARS_ASCII, bar)) {
				line_pad(&l, 1);
				line_put(&l, bar);
			}
			line_end(&l);
		}
	}
	if (o->nrows > 0 && o->nfooters > 0)
		line_end(&l);
	for (i = 0; i < o->nfooters; i++)
		fprintf(o->fp, "%s\n", o->footers[i]);
}

/* Bars as wide as the terminal leaves room for: BAR_CELLS, fewer on a
 * narrow one, none when not one cell each is left; a table too wide even
 * without them is shown expanded, where each line has room for BAR_CELLS. */
static void
flush_table(struct out *o)
{
	size_t *widths = xcalloc(o->ncols + 1, sizeof *widths);
	size_t total = 0, barred = 0, room, i, r;

	bar_maxima(o);
	for (i = 0; i < o->ncols; i++) {
		widths[i] = text_width(o->names[i]);
		for (r = 0; r < o->nrows; r++) {
			const char *s = o->cells[r * o->ncols + i];
			size_t w = s ? text_width(s) : 0;

			if (w > widths[i])
				widths[i] = w;
		}
		total += widths[i] + (i > 0 ? 2 : 0);
		barred += o->bar_max[i] > 0;
	}
	room = terminal_width(o->held ? stdout : o->fp);
	if (total > room) {
		o->bar_cells = BAR_CELLS;
		write_expanded(o);
	} else {
		/* each barred column takes a space and its bar */
		room = barred ? (room - total) / barred : 0;
		o->bar_cells = room > BAR_CELLS ? BAR_CELLS
			: room > 1 ? (int) room - 1 : 0;
		write_table(o, widths);
	}
	free(widths);
}

/* Ends what is written: the last row, a buffered table, JSON's end. */
static void
finish(struct out *o)
{
	if (o->nfield > 0)
		out_row_end(o);
	if (o->table)
		flush_table(o);
	else if (o->json)
		fputs(o->jsonrows > 0 ? "\n]\n" : "[]\n", o->fp);
}

static void
release(struct out *o)
{
	size_t i;

	if (o->held) {
		fclose(o->fp);
		free(o->held->text);
		free(o->held);
	}
	free(o->bar_max);
	for (i = 0; i < o->nrows * o->ncols; i++)
		free(o->cells[i]);
	free(o->cells);
	for (i = 0; i < o->nfooters; i++)
		free(o->footers[i]);
	free(o->footers);
	for (i = 0; i < o->ncols; i++)
		free(o->names[i]);
	free(o->names);
	free(o->right);
	free(o);
}

void
out_free(struct out *o)
{
	if (!o)
		return;
	if (!o->held)
		finish(o);
	release(o);
}

void
out_print_held(struct out *o)
{
	if (!o)
		return;
	finish(o);
	if (o->held) {
		/* the memory stream's text is complete once it is flushed */
		fflush(o->fp);
		fwrite(o->held->text, 1, o->held->size, stdout);
	}
	release(o);
}
