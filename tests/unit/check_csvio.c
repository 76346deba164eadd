#include <config.h>

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "diag.h"

#define BIG_FIELD (10 * 1024 * 1024)
#define WIDE 10000

/* An input under test: a temporary file, already unlinked, read as "x.csv". */
struct input {
	FILE *fp;
	struct csvio_reader *r;
	struct diag d;
};

static FILE *
tmp_stream(const void *data, size_t len)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	FILE *fp;
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	snprintf(path, sizeof path, "%s/check_csvio.XXXXXX", dir);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "w+");
	ck_assert_ptr_nonnull(fp);
	unlink(path);
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	rewind(fp);
	return fp;
}

static void
open_mem(struct input *in, const void *data, size_t len)
{
	struct diag d = DIAG_INIT;

	in->d = d;
	in->fp = tmp_stream(data, len);
	in->r = csvio_open_stream(in->fp, "x.csv", &in->d);
}

static void
open_str(struct input *in, const char *text)
{
	open_mem(in, text, strlen(text));
	ck_assert_msg(in->r != NULL, "open: %s", in->d.msg);
}

static void
close_input(struct input *in)
{
	csvio_close(in->r);
	fclose(in->fp);
}

/* Reads data until the first error and returns its message (static). */
static const char *
error_of_mem(const void *data, size_t len)
{
	static char msg[DIAG_MAX];
	struct input in;
	int rc = 0;

	open_mem(&in, data, len);
	if (in.r)
		while ((rc = csvio_next(in.r, &in.d)) == 1)
			continue;
	ck_assert_msg(!in.r || rc == -1, "no error for this input");
	ck_assert_int_eq(in.d.status, EXIT_DATAERR);
	snprintf(msg, sizeof msg, "%s", in.d.msg);
	close_input(&in);
	return msg;
}

static const char *
error_of(const char *text)
{
	return error_of_mem(text, strlen(text));
}

static void
next_row(struct input *in)
{
	int rc = csvio_next(in->r, &in->d);

	ck_assert_msg(rc == 1, "expected a row, got %d: %s", rc, in->d.msg);
}

static void
no_more_rows(struct input *in)
{
	int rc = csvio_next(in->r, &in->d);

	ck_assert_msg(rc == 0, "expected the end, got %d: %s", rc, in->d.msg);
}

/* A small JSON reader for the csv-spectrum twins: an array of objects whose
 * values are strings. */

struct object {
	size_t n;
	char *keys[64];
	char *values[64];
};

static const char *
skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static void
put_utf8(char **out, unsigned long c)
{
	unsigned char *o = (unsigned char *) *out;

	if (c < 0x80) {
		*o++ = (unsigned char) c;
	} else if (c < 0x800) {
		*o++ = (unsigned char) (0xc0 | c >> 6);
		*o++ = 0x80 | (c & 0x3f);
	} else if (c < 0x10000) {
		*o++ = (unsigned char) (0xe0 | c >> 12);
		*o++ = 0x80 | (c >> 6 & 0x3f);
		*o++ = 0x80 | (c & 0x3f);
	} else {
		*o++ = (unsigned char) (0xf0 | c >> 18);
		*o++ = 0x80 | (c >> 12 & 0x3f);
		*o++ = 0x80 | (c >> 6 & 0x3f);
		*o++ = 0x80 | (c & 0x3f);
	}
	*out = (char *) o;
}

static unsigned long
hex4(const char *p)
{
	char buf[5];
	char *end;
	unsigned long v;

	memcpy(buf, p, 4);
	buf[4] = '\0';
	v = strtoul(buf, &end, 16);
	ck_assert_msg(end == buf + 4, "json: bad \\u escape");
	return v;
}

/* Parses the string at *pp (at its opening quote); the result is malloc'd. */
static char *
json_string(const char **pp)
{
	const char *p = *pp;
	char *s, *o;
	unsigned long c, lo;

	ck_assert_msg(*p == '"', "json: string expected");
	s = o = malloc(strlen(p) + 1);
	ck_assert_ptr_nonnull(s);
	for (p++; *p != '"'; p++) {
		ck_assert_msg(*p != '\0', "json: unterminated string");
		if (*p != '\\') {
			*o++ = *p;
			continue;
		}
		switch (*++p) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			c = hex4(p + 1);
			p += 4;
			if (c >= 0xd800 && c <= 0xdbff && p[1] == '\\' &&
			    p[2] == 'u') {
				lo = hex4(p + 3);
				p += 6;
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
			}
			put_utf8(&o, c);
			break;
		default:
			*o++ = *p;	/* \" \\ \/ */
		}
	}
	*o = '\0';
	*pp = p + 1;
	return s;
}

/* Fills objs (up to max) from text; returns how many there are. */
static size_t
json_parse(const char *text, struct object *objs, size_t max)
{
	const char *p = skip_ws(text);
	size_t n = 0;

	ck_assert_msg(*p == '[', "json: array expected");
	p = skip_ws(p + 1);
	while (*p == '{') {
		struct object *o = &objs[n];

		ck_assert_uint_lt(n, max);
		o->n = 0;
		p = skip_ws(p + 1);
		while (*p == '"') {
			ck_assert_uint_lt(o->n, 64);
			o->keys[o->n] = json_string(&p);
			p = skip_ws(p);
			ck_assert_msg(*p == ':', "json: ':' expected");
			p = skip_ws(p + 1);
			o->values[o->n++] = json_string(&p);
			p = skip_ws(p);
			if (*p == ',')
				p = skip_ws(p + 1);
		}
		ck_assert_msg(*p == '}', "json: '}' expected");
		n++;
		p = skip_ws(p + 1);
		if (*p == ',')
			p = skip_ws(p + 1);
	}
	ck_assert_msg(*p == ']', "json: ']' expected");
	return n;
}

static void
json_free(struct object *objs, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < objs[i].n; k++) {
			free(objs[i].keys[k]);
			free(objs[i].values[k]);
		}
}

static const char *
json_get(const struct object *o, const char *key)
{
	size_t k;

	for (k = 0; k < o->n; k++)
		if (strcmp(o->keys[k], key) == 0)
			return o->values[k];
	return NULL;
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *s;
	long n;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = malloc(n + 1);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(fread(s, 1, n, fp), n);
	s[n] = '\0';
	fclose(fp);
	return s;
}

static const char *
spectrum_dir(void)
{
	static char dir[4096];
	const char *top = getenv("top_srcdir");

	snprintf(dir, sizeof dir, "%s/tests/fixtures/csv-spectrum",
		 top && *top ? top : ".");
	return dir;
}

static void
check_twin(const char *dir, const char *base)
{
	static struct object objs[16];
	char csv[4096], json[4096];
	struct csvio_reader *r;
	struct diag d = DIAG_INIT;
	char *text;
	size_t n, row, i;
	int rc;

	snprintf(csv, sizeof csv, "%s/csvs/%s.csv", dir, base);
	snprintf(json, sizeof json, "%s/json/%s.json", dir, base);
	text = slurp(json);
	n = json_parse(text, objs, 16);
	free(text);
	r = csvio_open(csv, &d);
	ck_assert_msg(r != NULL, "%s", d.msg);
	for (row = 0; (rc = csvio_next(r, &d)) == 1; row++) {
		ck_assert_msg(row < n, "%s: more rows than the JSON", base);
		ck_assert_msg(objs[row].n == csvio_ncolumns(r),
			      "%s: row %zu: JSON has %zu keys", base, row + 1,
			      objs[row].n);
		for (i = 0; i < csvio_ncolumns(r); i++) {
			const char *want = json_get(&objs[row],
						    csvio_column_name(r, i));

			ck_assert_msg(want != NULL, "%s: no key '%s'", base,
				      csvio_column_name(r, i));
			ck_assert_msg(strcmp(csvio_field(r, i), want) == 0,
				      "%s: row %zu, '%s': '%s' != '%s'", base,
				      row + 1, csvio_column_name(r, i),
				      csvio_field(r, i), want);
		}
	}
	ck_assert_msg(rc == 0, "%s: %s", base, d.msg);
	ck_assert_msg(row == n, "%s: %zu rows, the JSON has %zu", base, row,
		      n);
	csvio_close(r);
	json_free(objs, n);
}

START_TEST(spectrum_matches_json)
{
	const char *dir = spectrum_dir();
	char path[4096];
	struct dirent *e;
	DIR *dp;
	size_t len, checked = 0;

	snprintf(path, sizeof path, "%s/csvs", dir);
	dp = opendir(path);
	ck_assert_msg(dp != NULL, "cannot open %s", path);
	while ((e = readdir(dp))) {
		char base[256];

		len = strlen(e->d_name);
		if (len < 5 || len >= sizeof base ||
		    strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		memcpy(base, e->d_name, len - 4);
		base[len - 4] = '\0';
		/* its JSON disagrees with it upstream: see the next test */
		if (strcmp(base, "location_coordinates") == 0)
			continue;
		check_twin(dir, base);
		checked++;
	}
	closedir(dp);
	ck_assert_uint_ge(checked, 11);
}
END_TEST

START_TEST(spectrum_bare_quote_refused)
{
	char path[4096], want[4200];
	struct csvio_reader *r;
	struct diag d = DIAG_INIT;

	snprintf(path, sizeof path, "%s/csvs/location_coordinates.csv",
		 spectrum_dir());
	r = csvio_open(path, &d);
	ck_assert_msg(r != NULL, "%s", d.msg);
	ck_assert_int_eq(csvio_column(r, "Location Coordinates"), 1);
	ck_assert_int_eq(csvio_next(r, &d), -1);
	ck_assert_int_eq(d.status, EXIT_DATAERR);
	snprintf(want, sizeof want, "%s:2: column 'Location Coordinates': "
		 "a quote in an unquoted field", path);
	ck_assert_str_eq(d.msg, want);
	/* an error is final */
	ck_assert_int_eq(csvio_next(r, &d), -1);
	ck_assert_str_eq(d.msg, want);
	csvio_close(r);
}
END_TEST

START_TEST(bom_skipped)
{
	struct input in;

	open_str(&in, "\xef\xbb\xbf" "a,b\n1,2\n");
	ck_assert_int_eq(csvio_column(in.r, "a"), 0);
	ck_assert_str_eq(csvio_column_name(in.r, 0), "a");
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, 0), "1");
	no_more_rows(&in);
	close_input(&in);

	/* only at the very start */
	open_str(&in, "a\n\xef\xbb\xbfx\n");
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, 0), "\xef\xbb\xbfx");
	close_input(&in);
}
END_TEST

START_TEST(crlf)
{
	struct input in;

	open_str(&in, "a,b\r\n1,2\r\n\"x\r\ny\",\"3\"\r\n4,5");
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, 1), "2");
	ck_assert_uint_eq(csvio_line(in.r), 2);
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, 0), "x\r\ny");
	ck_assert_str_eq(csvio_field(in.r, 1), "3");
	ck_assert_uint_eq(csvio_line(in.r), 3);
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, 1), "5");
	ck_assert_uint_eq(csvio_line(in.r), 5);
	no_more_rows(&in);
	close_input(&in);
}
END_TEST

START_TEST(lines_with_quoted_newlines)
{
	struct input in;

	open_str(&in, "a,b\n1,\"x\ny\n\nz\"\n2,3\n\"p\nq\",\"r\ns\"\n4,5\n");
	ck_assert_uint_eq(csvio_line(in.r), 1);
	next_row(&in);
	ck_assert_uint_eq(csvio_line(in.r), 2);
	ck_assert_str_eq(csvio_field(in.r, 1), "x\ny\n\nz");
	next_row(&in);
	ck_assert_uint_eq(csvio_line(in.r), 6);
	next_row(&in);
	ck_assert_uint_eq(csvio_line(in.r), 7);
	ck_assert_str_eq(csvio_field(in.r, 1), "r\ns");
	next_row(&in);
	ck_assert_uint_eq(csvio_line(in.r), 10);
	no_more_rows(&in);
	close_input(&in);

	ck_assert_str_eq(error_of("a,b\n\"x\ny\",1\n2\n"),
			 "x.csv:4: 1 field, the header has 2");
}
END_TEST

START_TEST(blank_lines)
{
	struct input in;

	open_str(&in, "\n\r\na,b\n\n1,2\r\n\r\n\n3,4\n\n");
	ck_assert_uint_eq(csvio_line(in.r), 3);
	next_row(&in);
	ck_assert_uint_eq(csvio_line(in.r), 5);
	next_row(&in);
	ck_assert_uint_eq(csvio_line(in.r), 8);
	ck_assert_str_eq(csvio_field(in.r, 0), "3");
	no_more_rows(&in);
	close_input(&in);
}
END_TEST

START_TEST(spaces_kept)
{
	struct input in;

	open_str(&in, " a ,b\n  x , \ty\t\n");
	ck_assert_str_eq(csvio_column_name(in.r, 0), " a ");
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, 0), "  x ");
	ck_assert_str_eq(csvio_field(in.r, 1), " \ty\t");
	close_input(&in);

	/* a space after a closing quote is not allowed either */
	ck_assert_str_eq(error_of("a,b\n\"x\" ,y\n"),
			 "x.csv:2: column 'a': text after a closing quote");
}
END_TEST

START_TEST(field_count)
{
	ck_assert_str_eq(error_of("a,b,c\n1,2,3\n1,2\n"),
			 "x.csv:3: 2 fields, the header has 3");
	ck_assert_str_eq(error_of("a,b,c\n1,2,3,4\n"),
			 "x.csv:2: 4 fields, the header has 3");
	ck_assert_str_eq(error_of("a,b,c\n1,2,3,\n"),
			 "x.csv:2: 4 fields, the header has 3");
	ck_assert_str_eq(error_of("a,b\n1,2\n3"),
			 "x.csv:3: 1 field, the header has 2");
}
END_TEST

START_TEST(nul_byte)
{
	static const char unquoted[] = "a,memo\n1,x\0y\n";
	static const char quoted[] = "a,memo\n1,2\n3,\"x\n\0\"\n";
	static const char header[] = "a,m\0\n";

	ck_assert_str_eq(error_of_mem(unquoted, sizeof unquoted - 1),
			 "x.csv:2: column 'memo': NUL byte");
	ck_assert_str_eq(error_of_mem(quoted, sizeof quoted - 1),
			 "x.csv:3: column 'memo': NUL byte");
	ck_assert_str_eq(error_of_mem(header, sizeof header - 1),
			 "x.csv:1: field 2: NUL byte");
}
END_TEST

START_TEST(invalid_utf8)
{
	static const char *const bad[] = {
		"\x80",			/* a lone continuation byte */
		"\xc0\xaf",		/* overlong '/' */
		"\xc1\xbf",		/* overlong */
		"\xe0\x80\xaf",		/* overlong, three bytes */
		"\xf0\x80\x80\xaf",	/* overlong, four bytes */
		"\xed\xa0\x80",		/* surrogate U+D800 */
		"\xed\xbf\xbf",		/* surrogate U+DFFF */
		"\xf4\x90\x80\x80",	/* U+110000 */
		"\xf5\x80\x80\x80",	/* beyond any code point */
		"\xff",
		"ab\xe2\x82",		/* cut short at the end */
		"\xe2\x82x",		/* cut short before a letter */
		"\xc3\xa9\xc3",		/* valid, then cut short */
		"\xc3\"\"",		/* cut short before a quote */
	};
	static const char *const good[] = {
		"\xc2\xa9", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80",
		"\xef\xbf\xbd", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf",
		"\x7f", "plain",
	};
	char text[64];
	struct input in;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, "id,name\n1,\"%s\"\n", bad[i]);
		ck_assert_msg(strcmp(error_of(text), "x.csv:2: column 'name': "
				     "invalid UTF-8") == 0, "case %zu: %s",
			      i, error_of(text));
	}
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		snprintf(text, sizeof text, "id,name\n1,%s\n", good[i]);
		open_str(&in, text);
		next_row(&in);
		ck_assert_str_eq(csvio_field(in.r, 1), good[i]);
		close_input(&in);
	}
	ck_assert_str_eq(error_of("id,n\xc0\xae\n"),
			 "x.csv:1: field 2: invalid UTF-8");
}
END_TEST

START_TEST(quotes_and_carriage_returns)
{
	ck_assert_str_eq(error_of("a,b\n1,\"abc\ndef\n"),
			 "x.csv:2: a quote is never closed");
	/* the line where the open quote is, not where its row starts */
	ck_assert_str_eq(error_of("a,b,c\n1,\"x\ny\",\"open\nmore\n"),
			 "x.csv:3: a quote is never closed");
	ck_assert_str_eq(error_of("a,\"b\n"),
			 "x.csv:1: a quote is never closed");
	ck_assert_str_eq(error_of("a,b\n1,x\"y\n"),
			 "x.csv:2: column 'b': a quote in an unquoted field");
	ck_assert_str_eq(error_of("a,b\n1,\"x\"y\n"),
			 "x.csv:2: column 'b': text after a closing quote");
	ck_assert_str_eq(error_of("a,b\n1,2,\"x\"y\n"),
			 "x.csv:2: field 3: text after a closing quote");
	ck_assert_str_eq(error_of("a,b\"\n"),
			 "x.csv:1: field 2: a quote in an unquoted field");
	ck_assert_str_eq(error_of("a,b\n1,2\r3,4\n"),
			 "x.csv:2: a carriage return in an unquoted field");
	/* on the last line, with no newline after it, too (found by
	 * tests/fuzz/fuzz_csv.c: the value was a row on "line 0") */
	ck_assert_str_eq(error_of("account\r1001"),
			 "x.csv:1: a carriage return in an unquoted field");
	ck_assert_str_eq(error_of("a\n1\r2"),
			 "x.csv:2: a carriage return in an unquoted field");
}
END_TEST

START_TEST(header_problems)
{
	ck_assert_str_eq(error_of("amount,b,amount\n1,2,3\n"),
			 "x.csv:1: duplicate column 'amount'");
	ck_assert_str_eq(error_of("\nz,y,x,y\n"),
			 "x.csv:2: duplicate column 'y'");
	ck_assert_str_eq(error_of("a,,b\n"), "x.csv:1: empty column name");
	ck_assert_str_eq(error_of("a,\"\"\n"), "x.csv:1: empty column name");
	ck_assert_str_eq(error_of(""),
			 "x.csv: empty file: a header row is needed");
	ck_assert_str_eq(error_of("\n\r\n\n"),
			 "x.csv: empty file: a header row is needed");
	ck_assert_str_eq(error_of("\xef\xbb\xbf"),
			 "x.csv: empty file: a header row is needed");
}
END_TEST

START_TEST(header_alone)
{
	struct input in;

	open_str(&in, "a,b\n");
	ck_assert_uint_eq(csvio_ncolumns(in.r), 2);
	no_more_rows(&in);
	no_more_rows(&in);
	close_input(&in);

	open_str(&in, "a,b");
	ck_assert_str_eq(csvio_column_name(in.r, 1), "b");
	no_more_rows(&in);
	close_input(&in);
}
END_TEST

START_TEST(no_final_newline)
{
	struct input in;

	open_str(&in, "a,b\n1,2\n3,4");
	next_row(&in);
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, 1), "4");
	ck_assert_uint_eq(csvio_line(in.r), 3);
	no_more_rows(&in);
	close_input(&in);

	open_str(&in, "a,b\n1,\"x\ny\"");
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, 1), "x\ny");
	no_more_rows(&in);
	close_input(&in);

	open_str(&in, "a,b\n1,");
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, 0), "1");
	ck_assert_str_eq(csvio_field(in.r, 1), "");
	no_more_rows(&in);
	close_input(&in);
}
END_TEST

START_TEST(lookups)
{
	struct input in;

	open_str(&in, "account,amount,Memo,date\n1001,12.30,,2024-02-29\n");
	ck_assert_uint_eq(csvio_ncolumns(in.r), 4);
	ck_assert_int_eq(csvio_column(in.r, "account"), 0);
	ck_assert_int_eq(csvio_column(in.r, "date"), 3);
	ck_assert_int_eq(csvio_column(in.r, "Memo"), 2);
	ck_assert_int_eq(csvio_column(in.r, "memo"), -1);
	ck_assert_int_eq(csvio_column(in.r, "amount "), -1);
	ck_assert_int_eq(csvio_column(in.r, ""), -1);
	ck_assert_str_eq(csvio_column_name(in.r, 1), "amount");
	ck_assert_str_eq(csvio_name(in.r), "x.csv");
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, csvio_column(in.r, "amount")),
			 "12.30");
	ck_assert_str_eq(csvio_field(in.r, 2), "");
	ck_assert_str_eq(csvio_field(in.r, -1), "");
	ck_assert_str_eq(csvio_field(in.r, csvio_column(in.r, "nope")), "");
	ck_assert_str_eq(csvio_field(in.r, 4), "");
	close_input(&in);
}
END_TEST

START_TEST(fail_text)
{
	struct input in;
	struct diag d = DIAG_INIT;

	open_str(&in, "account,amount\n1001,1.00\n1002,12.345\n");
	next_row(&in);
	next_row(&in);
	ck_assert_int_eq(csvio_fail(in.r, &d, EXIT_DATAERR, 1, "%s '%s': %s",
				    "amount", csvio_field(in.r, 1),
				    "more than two decimals"), -1);
	ck_assert_int_eq(d.status, EXIT_DATAERR);
	ck_assert_str_eq(d.msg, "x.csv:3: column 'amount': amount '12.345': "
			 "more than two decimals");
	csvio_fail(in.r, &d, EXIT_REFUSED, 0, "unknown account");
	ck_assert_int_eq(d.status, EXIT_REFUSED);
	ck_assert_str_eq(d.msg, "x.csv:3: column 'account': unknown account");
	csvio_fail(in.r, &d, EXIT_DATAERR, -1, "no 'memo' column");
	ck_assert_str_eq(d.msg, "x.csv:3: no 'memo' column");
	close_input(&in);
}
END_TEST

START_TEST(open_errors)
{
	struct diag d = DIAG_INIT;
	struct csvio_reader *r;
	FILE *fp;
	int saved;

	r = csvio_open("/nonexistent/dir/payments.csv", &d);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(d.status, EXIT_REFUSED);
	ck_assert_str_eq(d.msg, "/nonexistent/dir/payments.csv: "
			 "No such file or directory");

	/* "-" is standard input, named "stdin" */
	fp = tmp_stream("a\n\n1,2\n", 7);
	saved = dup(STDIN_FILENO);
	ck_assert_int_ge(saved, 0);
	ck_assert_int_eq(dup2(fileno(fp), STDIN_FILENO), STDIN_FILENO);
	clearerr(stdin);
	r = csvio_open("-", &d);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(csvio_name(r), "stdin");
	ck_assert_int_eq(csvio_next(r, &d), -1);
	ck_assert_str_eq(d.msg, "stdin:3: 2 fields, the header has 1");
	csvio_close(r);
	fclose(fp);
	dup2(saved, STDIN_FILENO);
	close(saved);
	clearerr(stdin);
}
END_TEST

START_TEST(wide_header)
{
	size_t cap = WIDE * 16, len = 0, i;
	char *text = malloc(cap), name[32];
	struct input in;

	ck_assert_ptr_nonnull(text);
	for (i = 0; i < WIDE; i++)
		len += snprintf(text + len, cap - len, "%scol%zu",
				i ? "," : "", i);
	text[len++] = '\n';
	for (i = 0; i < WIDE; i++)
		len += snprintf(text + len, cap - len, "%sv%zu",
				i ? "," : "", i);
	open_mem(&in, text, len);
	ck_assert_msg(in.r != NULL, "%s", in.d.msg);
	ck_assert_uint_eq(csvio_ncolumns(in.r), WIDE);
	ck_assert_int_eq(csvio_column(in.r, "col9999"), 9999);
	ck_assert_int_eq(csvio_column(in.r, "col0"), 0);
	ck_assert_int_eq(csvio_column(in.r, "col10000"), -1);
	next_row(&in);
	for (i = 0; i < WIDE; i += 997) {
		snprintf(name, sizeof name, "col%zu", i);
		ck_assert_uint_eq(csvio_column(in.r, name), i);
		snprintf(name, sizeof name, "v%zu", i);
		ck_assert_str_eq(csvio_field(in.r, i), name);
	}
	no_more_rows(&in);
	close_input(&in);
	free(text);
}
END_TEST

START_TEST(big_field)
{
	size_t len = 0, i;
	char *text = malloc(2 * BIG_FIELD + 64);
	struct input in;
	const char *f;

	ck_assert_ptr_nonnull(text);
	len += sprintf(text, "a,b\n1,\"");
	/* a quoted field of 10 MB with doubled quotes and newlines in it */
	for (i = 0; i < BIG_FIELD; i++)
		text[len++] = i % 1000 == 999 ? '\n' : 'x';
	memcpy(text + len, "\"\"\"\n2,", 6);
	len += 6;
	memset(text + len, 'y', BIG_FIELD);
	len += BIG_FIELD;
	memcpy(text + len, "\n3,4\n", 5);
	len += 5;
	open_mem(&in, text, len);
	ck_assert_msg(in.r != NULL, "%s", in.d.msg);
	next_row(&in);
	f = csvio_field(in.r, 1);
	ck_assert_uint_eq(strlen(f), BIG_FIELD + 1);
	ck_assert_int_eq(f[BIG_FIELD], '"');
	ck_assert_int_eq(f[999], '\n');
	ck_assert_int_eq(f[BIG_FIELD - 1], 'x');
	next_row(&in);
	ck_assert_uint_eq(csvio_line(in.r), 2 + BIG_FIELD / 1000 + 1);
	ck_assert_uint_eq(strlen(csvio_field(in.r, 1)), BIG_FIELD);
	next_row(&in);
	ck_assert_str_eq(csvio_field(in.r, 1), "4");
	no_more_rows(&in);
	close_input(&in);
	free(text);
}
END_TEST

static void
check_written(const char *field, const char *want)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	ck_assert_ptr_nonnull(fp);
	csvio_write_field(fp, field);
	fclose(fp);
	ck_assert_msg(strcmp(buf, want) == 0, "'%s' written as '%s', not '%s'",
		      field, buf, want);
	free(buf);
}

START_TEST(write_field)
{
	static const char *const fields[] = {
		"", "abc", "a b", "a,b", "a\"b", "\"", "a\nb", "a\rb",
		" a", "a ", "\ta", "a\t", "\xc3\xa9t\xc3\xa9", "''",
	};
	struct input in;
	FILE *fp;
	size_t i, n = sizeof fields / sizeof fields[0];

	check_written("", "");
	check_written("abc", "abc");
	check_written("a b", "a b");
	check_written("a,b", "\"a,b\"");
	check_written("a\"b", "\"a\"\"b\"");
	check_written("\"", "\"\"\"\"");
	check_written("say \"hi\", \"bye\"", "\"say \"\"hi\"\", \"\"bye\"\"\"");
	check_written("a\nb", "\"a\nb\"");
	check_written("a\rb", "\"a\rb\"");
	check_written("a\r\nb", "\"a\r\nb\"");
	check_written(" a", "\" a\"");
	check_written("a ", "\"a \"");
	check_written("\ta", "\"\ta\"");
	check_written("a\t", "\"a\t\"");
	check_written("12.30", "12.30");
	/* a reader would take it for a byte order mark at the start of a file
	 * (found by tests/fuzz/fuzz_csv.c) */
	check_written("\xef\xbb\xbf" "a", "\"\xef\xbb\xbf" "a\"");

	/* what is written reads back the same */
	fp = tmpfile();
	ck_assert_ptr_nonnull(fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "%sc%zu", i ? "," : "", i);
	fputc('\n', fp);
	for (i = 0; i < n; i++) {
		if (i)
			fputc(',', fp);
		csvio_write_field(fp, fields[i]);
	}
	fputc('\n', fp);
	rewind(fp);
	in.fp = fp;
	in.r = csvio_open_stream(fp, "x.csv", &in.d);
	ck_assert_msg(in.r != NULL, "%s", in.d.msg);
	next_row(&in);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(csvio_field(in.r, i), fields[i]);
	no_more_rows(&in);
	close_input(&in);
}
END_TEST

static Suite *
csvio_suite(void)
{
	Suite *s = suite_create("csvio");
	TCase *spectrum = tcase_create("spectrum");
	TCase *read = tcase_create("read");
	TCase *errors = tcase_create("errors");
	TCase *big = tcase_create("big");
	TCase *write = tcase_create("write");

	tcase_add_test(spectrum, spectrum_matches_json);
	tcase_add_test(spectrum, spectrum_bare_quote_refused);
	suite_add_tcase(s, spectrum);

	tcase_add_test(read, bom_skipped);
	tcase_add_test(read, crlf);
	tcase_add_test(read, lines_with_quoted_newlines);
	tcase_add_test(read, blank_lines);
	tcase_add_test(read, spaces_kept);
	tcase_add_test(read, header_alone);
	tcase_add_test(read, no_final_newline);
	tcase_add_test(read, lookups);
	suite_add_tcase(s, read);

	tcase_add_test(errors, field_count);
	tcase_add_test(errors, nul_byte);
	tcase_add_test(errors, invalid_utf8);
	tcase_add_test(errors, quotes_and_carriage_returns);
	tcase_add_test(errors, header_problems);
	tcase_add_test(errors, fail_text);
	tcase_add_test(errors, open_errors);
	suite_add_tcase(s, errors);

	/* generous: these run under valgrind too */
	tcase_set_timeout(big, 120);
	tcase_add_test(big, wide_header);
	tcase_add_test(big, big_field);
	suite_add_tcase(s, big);

	tcase_add_test(write, write_field);
	suite_add_tcase(s, write);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(csvio_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
