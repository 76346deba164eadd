/* fuzz_csv: the CSV reader (common/csvio.c) over any bytes.
 *
 * Properties: the reader never crashes or leaks; a refusal is bad data
 * (status 65) with a message naming the input; a row it accepts has exactly
 * the header's number of fields, each NUL-free valid UTF-8; rows start on
 * strictly increasing lines; the checks ledger-post applies to each field
 * hold up against any value; and a file read whole, written back with
 * csvio_write_field (and out.c's rule for a lone empty field), reads back to
 * exactly the same header and fields.  The first "~~" of the input also
 * stands for a run of 65 KiB, for a second reading with a long line (see
 * LLVMFuzzerTestOneInput). */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "fuzz.h"
#include "ledger.h"
#include "money.h"

#define NAME "fuzz.csv"

static FILE *
open_input(const uint8_t *data, size_t size)
{
	/* glibc's fmemopen refuses a zero size; an empty file it is */
	if (size == 0)
		return fopen("/dev/null", "r");
	return fmemopen((void *) data, size, "r");
}

static int
utf8_ok(const unsigned char *s)
{
	size_t n;

	while (*s) {
		if (*s < 0x80) {
			s++;
			continue;
		}
		if (*s >= 0xc2 && *s <= 0xdf)
			n = 1;
		else if (*s >= 0xe0 && *s <= 0xef)
			n = 2;
		else if (*s >= 0xf0 && *s <= 0xf4)
			n = 3;
		else
			return 0;
		for (s++; n > 0; n--, s++)
			if ((*s & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

/* The checks ledger-post makes of a row (cmd/ledger-post.c, parse_row),
 * less the reason code, which needs the store: none may crash, and every
 * failure must say why. */
static void
check_fields(struct csvio_reader *r)
{
	char why[128], q[64], day[DATE_BUFSZ], m[MONEY_BUFSZ];
	struct diag d = DIAG_INIT;
	enum ledger_kind kind = LEDGER_CHARGE;
	const char *v;
	int64_t amount, stored;
	int posted_on, kind_ok;

	v = csvio_field(r, csvio_column(r, "account"));
	why[0] = '\0';
	if (account_number_check(v, why, sizeof why) < 0) {
		FUZZ_REQUIRE(why[0], "no reason for account '%s'", v);
		csvio_fail(r, &d, EXIT_DATAERR, csvio_column(r, "account"),
			   "'%s': %s", diag_quote(q, sizeof q, v), why);
		FUZZ_REQUIRE(strncmp(d.msg, NAME ":", strlen(NAME) + 1) == 0,
			     "message '%s'", d.msg);
	}
	v = csvio_field(r, csvio_column(r, "posted_on"));
	if (date_parse(v, &posted_on, why, sizeof why) == 0)
		FUZZ_REQUIRE(strcmp(date_format(posted_on, day), v) == 0,
			     "date '%s' read back as '%s'", v, day);
	v = csvio_field(r, csvio_column(r, "kind"));
	kind_ok = ledger_kind_parse(v, &kind) == 0;
	v = csvio_field(r, csvio_column(r, "amount"));
	if (money_parse(v, &amount, why, sizeof why) == 0) {
		FUZZ_REQUIRE(amount >= -MONEY_LIMIT && amount <= MONEY_LIMIT,
			     "amount '%s' beyond the limit", v);
		money_format(amount, m);
		if (kind_ok && ledger_signed_amount(kind, amount, &stored, why,
						   sizeof why) == 0)
			FUZZ_REQUIRE(stored != 0 && stored >= -MONEY_LIMIT &&
				     stored <= MONEY_LIMIT,
				     "amount '%s' stored as %lld", v,
				     (long long) stored);
	}
	ledger_text_check(csvio_field(r, csvio_column(r, "ref")),
			  LEDGER_REF_MAX, 0, why, sizeof why);
	ledger_text_check(csvio_field(r, csvio_column(r, "memo")),
			  LEDGER_MEMO_MAX, 1, why, sizeof why);
	/* a message about the last column, and one about no column */
	csvio_fail(r, &d, EXIT_DATAERR, (int) csvio_ncolumns(r) - 1, "%s",
		   "x");
	csvio_fail(r, &d, EXIT_DATAERR, -1, "%s", "x");
}

static void
write_row(FILE *out, struct csvio_reader *r, int header)
{
	size_t i, n = csvio_ncolumns(r);

	for (i = 0; i < n; i++) {
		const char *s = header ? csvio_column_name(r, i)
			: csvio_field(r, (int) i);

		if (i > 0)
			putc(',', out);
		if (!*s && n == 1)
			fputs("\"\"", out);	/* out.c's rule */
		else
			csvio_write_field(out, s);
	}
	putc('\n', out);
}

/* Reads the text written back and compares it with a fresh read of the
 * original, row by row. */
static void
compare(const uint8_t *data, size_t size, const char *text, size_t len)
{
	struct diag d1 = DIAG_INIT, d2 = DIAG_INIT;
	FILE *f1 = open_input(data, size), *f2;
	struct csvio_reader *r1, *r2;
	size_t i, n;
	int rc1, rc2;

	f2 = fmemopen((void *) text, len, "r");
	FUZZ_REQUIRE(f1 && f2, "cannot open a memory stream");
	r1 = csvio_open_stream(f1, NAME, &d1);
	r2 = csvio_open_stream(f2, "rewritten.csv", &d2);
	FUZZ_REQUIRE(r1 && r2, "rewritten text refused: %s", d2.msg);
	n = csvio_ncolumns(r1);
	FUZZ_REQUIRE(csvio_ncolumns(r2) == n, "%zu columns, then %zu", n,
		     csvio_ncolumns(r2));
	for (i = 0; i < n; i++)
		FUZZ_REQUIRE(strcmp(csvio_column_name(r1, i),
				    csvio_column_name(r2, i)) == 0,
			     "column %zu renamed", i);
	do {
		rc1 = csvio_next(r1, &d1);
		rc2 = csvio_next(r2, &d2);
		FUZZ_REQUIRE(rc1 == rc2, "row read %d, then %d: %s", rc1, rc2,
			     d2.msg);
		for (i = 0; rc1 == 1 && i < n; i++)
			FUZZ_REQUIRE(strcmp(csvio_field(r1, (int) i),
					    csvio_field(r2, (int) i)) == 0,
				     "line %lu column %zu: '%s' became '%s'",
				     csvio_line(r1), i,
				     csvio_field(r1, (int) i),
				     csvio_field(r2, (int) i));
	} while (rc1 == 1);
	csvio_close(r1);
	csvio_close(r2);
	fclose(f1);
	fclose(f2);
}

static void
check_input(const uint8_t *data, size_t size, int round_trip)
{
	struct diag d = DIAG_INIT;
	struct csvio_reader *r;
	FILE *fp = open_input(data, size), *out;
	char *text = NULL;
	size_t textlen = 0, i, n;
	unsigned long last_line;
	int rc;

	FUZZ_REQUIRE(fp, "cannot open a memory stream");
	r = csvio_open_stream(fp, NAME, &d);
	if (!r) {
		FUZZ_REQUIRE(d.status == EXIT_DATAERR, "status %d: %s",
			     d.status, d.msg);
		FUZZ_REQUIRE(strncmp(d.msg, NAME ":", strlen(NAME) + 1) == 0,
			     "message '%s'", d.msg);
		fclose(fp);
		return;
	}
	n = csvio_ncolumns(r);
	FUZZ_REQUIRE(n >= 1, "a header of no columns");
	for (i = 0; i < n; i++) {
		const char *name = csvio_column_name(r, i);

		FUZZ_REQUIRE(*name, "column %zu: empty name", i);
		FUZZ_REQUIRE(utf8_ok((const unsigned char *) name),
			     "column %zu: invalid UTF-8", i);
		FUZZ_REQUIRE(csvio_column(r, name) == (int) i,
			     "column '%s' found at %d, not %zu", name,
			     csvio_column(r, name), i);
	}
	out = open_memstream(&text, &textlen);
	FUZZ_REQUIRE(out, "open_memstream");
	write_row(out, r, 1);
	last_line = csvio_line(r);
	while ((rc = csvio_next(r, &d)) == 1) {
		FUZZ_REQUIRE(csvio_line(r) > last_line, "row on line %lu after "
			     "line %lu", csvio_line(r), last_line);
		last_line = csvio_line(r);
		for (i = 0; i < n; i++)
			FUZZ_REQUIRE(utf8_ok((const unsigned char *)
					     csvio_field(r, (int) i)),
				     "line %lu field %zu: invalid UTF-8",
				     last_line, i);
		FUZZ_REQUIRE(*csvio_field(r, -1) == '\0' &&
			     *csvio_field(r, (int) n) == '\0',
			     "a field outside the row");
		check_fields(r);
		write_row(out, r, 0);
	}
	FUZZ_REQUIRE(csvio_bytes_read(r) <= size, "%llu bytes read of %zu",
		     csvio_bytes_read(r), size);
	if (rc < 0) {
		FUZZ_REQUIRE(d.status == EXIT_DATAERR, "status %d: %s",
			     d.status, d.msg);
		FUZZ_REQUIRE(strncmp(d.msg, NAME ":", strlen(NAME) + 1) == 0,
			     "message '%s'", d.msg);
	}
	csvio_close(r);
	fclose(fp);
	fclose(out);
	if (rc == 0 && round_trip)
		compare(data, size, text, textlen);
	free(text);
}

/* The first "~~" of the input made STRETCH bytes of 'x': a line and a
 * field longer than the reader's 64 KiB chunks, from inputs short enough
 * to mutate quickly.  Only one, only a pair, and read without the round
 * trip (which no length changes), so that long readings stay cheap. */
#define STRETCH (65 * 1024)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *at = NULL;
	uint8_t *big;
	size_t i, before;

	check_input(data, size, 1);
	for (i = 0; i + 1 < size && !at; i++)
		if (data[i] == '~' && data[i + 1] == '~')
			at = data + i;
	if (!at)
		return 0;
	before = (size_t) (at - data);
	big = malloc(size - 2 + STRETCH);
	FUZZ_REQUIRE(big, "out of memory");
	memcpy(big, data, before);
	memset(big + before, 'x', STRETCH);
	memcpy(big + before + STRETCH, at + 2, size - before - 2);
	check_input(big, size - 2 + STRETCH, 0);
	free(big);
	return 0;
}
