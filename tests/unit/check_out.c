#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "date.h"
#include "out.h"

/* Each test writes into memory and compares the exact text. */
static char *mem;
static size_t memlen;
static FILE *memfp;

static void
mem_open(void)
{
	memfp = open_memstream(&mem, &memlen);
	ck_assert_ptr_nonnull(memfp);
}

static const char *
mem_text(void)
{
	fclose(memfp);
	memfp = NULL;
	return mem;
}

static void
mem_free(void)
{
	if (memfp)
		fclose(memfp);
	memfp = NULL;
	free(mem);
	mem = NULL;
}

static const char *const three[] = { "account", "name", ">balance", NULL };

/* The rows most tests write: a left, a text and a money column. */
static void
two_rows(struct out *o)
{
	out_field(o, "1001");
	out_field(o, "Ann Smith");
	out_money(o, 1230);
	out_row_end(o);
	out_field(o, "20");
	out_field(o, "Bo");
	out_money(o, -123450);
	out_row_end(o);
}

START_TEST(parse_format)
{
	enum out_format f = OUT_AUTO;

	ck_assert_int_eq(out_parse_format("csv", &f), 0);
	ck_assert_int_eq(f, OUT_CSV);
	ck_assert_int_eq(out_parse_format("table", &f), 0);
	ck_assert_int_eq(f, OUT_TABLE);
	ck_assert_int_eq(out_parse_format("CSV", &f), -1);
	ck_assert_int_eq(out_parse_format("auto", &f), -1);
	ck_assert_int_eq(out_parse_format("", &f), -1);
	ck_assert_int_eq(out_parse_format("tab", &f), -1);
	ck_assert_int_eq(f, OUT_TABLE);
}
END_TEST

/* json is for the programs that ask for it: out_parse_format_json(). */
START_TEST(parse_format_json)
{
	enum out_format f = OUT_AUTO;

	ck_assert_int_eq(out_parse_format("json", &f), -1);
	ck_assert_int_eq(f, OUT_AUTO);
	ck_assert_int_eq(out_parse_format_json("json", &f), 0);
	ck_assert_int_eq(f, OUT_JSON);
	ck_assert_int_eq(out_parse_format_json("csv", &f), 0);
	ck_assert_int_eq(f, OUT_CSV);
	ck_assert_int_eq(out_parse_format_json("table", &f), 0);
	ck_assert_int_eq(f, OUT_TABLE);
	ck_assert_int_eq(out_parse_format_json("JSON", &f), -1);
	ck_assert_int_eq(out_parse_format_json("", &f), -1);
	ck_assert_int_eq(out_parse_format_json(NULL, &f), -1);
	ck_assert_int_eq(f, OUT_TABLE);
}
END_TEST

START_TEST(csv_quoting)
{
	static const char *const cols[] = { "field", "next", NULL };
	static const char *const cases[][2] = {
		{ "plain", "plain" },
		{ "in side", "in side" },
		{ "", "" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "\"", "\"\"\"\"" },
		{ "cr\r", "\"cr\r\"" },
		{ "l1\nl2", "\"l1\nl2\"" },
		{ " lead", "\" lead\"" },
		{ "trail ", "\"trail \"" },
		{ " ", "\" \"" },
		{ "tab\tin", "tab\tin" },
		{ "Zo\xc3\xab", "Zo\xc3\xab" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct out *o;
		char want[64];

		mem_open();
		o = out_new(memfp, OUT_CSV, cols);
		out_field(o, cases[i][0]);
		out_field(o, "x");
		out_row_end(o);
		out_free(o);
		snprintf(want, sizeof want, "field,next\n%s,x\n", cases[i][1]);
		ck_assert_str_eq(mem_text(), want);
		mem_free();
	}
}
END_TEST

START_TEST(csv_rows)
{
	static const char *const cols[] = {
		"account", ">balance", "with,comma", ">n", "on", NULL
	};
	struct out *o;

	mem_open();
	o = out_new(memfp, OUT_CSV, cols);
	ck_assert_int_eq(out_is_table(o), 0);
	out_field(o, "1001");
	out_money(o, -1230);
	out_field(o, NULL);
	out_int(o, -9000000000LL);
	out_date(o, date_from_ymd(2024, 2, 29));
	out_row_end(o);
	/* a short row is filled, a long one cut to the columns */
	out_field(o, "1002");
	out_money(o, 0);
	out_row_end(o);
	out_field(o, "1003");
	out_money(o, 5);
	out_field(o, "");
	out_int(o, 0);
	out_date(o, DATE_NONE);
	out_field(o, "extra");
	out_row_end(o);
	out_footer(o, "total  1.00");
	/* an unfinished row is ended by out_free() */
	out_field(o, "1004");
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "account,balance,\"with,comma\",n,on\n"
			 "1001,-12.30,,-9000000000,2024-02-29\n"
			 "1002,0.00,,,\n"
			 "1003,0.05,,0,\n"
			 "1004,,,,\n");
}
END_TEST

/* A date before 1970 is a negative day number, and still a date. */
START_TEST(csv_dates)
{
	static const char *const cols[] = { "on", NULL };
	struct out *o;

	mem_open();
	o = out_new(memfp, OUT_CSV, cols);
	out_date(o, date_from_ymd(1965, 3, 1));
	out_row_end(o);
	out_date(o, date_from_ymd(1970, 1, 1));
	out_row_end(o);
	out_date(o, DATE_NONE);
	out_row_end(o);
	out_free(o);
	ck_assert_str_eq(mem_text(), "on\n1965-03-01\n1970-01-01\n\"\"\n");
}
END_TEST

/* One column: an empty field is "" so that the line is not empty. */
START_TEST(csv_one_column)
{
	static const char *const cols[] = { "account", NULL };
	struct out *o;

	mem_open();
	o = out_new(memfp, OUT_CSV, cols);
	out_field(o, "1001");
	out_row_end(o);
	out_field(o, "");
	out_row_end(o);
	out_row_end(o);
	out_free(o);
	ck_assert_str_eq(mem_text(), "account\n1001\n\"\"\n\"\"\n");
}
END_TEST

/* Not a terminal (a memory stream): CSV; a header even with no rows. */
START_TEST(csv_auto)
{
	struct out *o;

	mem_open();
	o = out_new(memfp, OUT_AUTO, three);
	ck_assert_int_eq(out_is_table(o), 0);
	out_footer(o, "nothing");
	out_free(o);
	ck_assert_str_eq(mem_text(), "account,name,balance\n");
}
END_TEST

/* One object a line; numbers as CSV writes them, null when empty; a
 * short row filled, a long one cut; no footers; bars change nothing. */
START_TEST(json_rows)
{
	static const char *const cols[] = {
		"account", ">balance", ">n", "on", ">median", NULL
	};
	struct out *o;

	mem_open();
	o = out_new(memfp, OUT_JSON, cols);
	out_bars(o, 1);
	ck_assert_int_eq(out_is_table(o), 0);
	out_field(o, "1001");
	out_money(o, -1230);
	out_int(o, 0);
	out_date(o, date_from_ymd(2024, 2, 29));
	out_field(o, "1.5");
	out_row_end(o);
	out_field(o, "1002");
	out_money(o, 1250);
	out_row_end(o);
	out_field(o, "1003");
	out_field(o, "n/a");
	out_field(o, "007");
	out_field(o, "");
	out_field(o, "-0.5");
	out_field(o, "extra");
	out_row_end(o);
	out_footer(o, "total  1.00");
	out_field(o, "1004");
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "[\n"
			 "{\"account\":\"1001\",\"balance\":-12.30,\"n\":0,"
			 "\"on\":\"2024-02-29\",\"median\":1.5},\n"
			 "{\"account\":\"1002\",\"balance\":12.50,\"n\":null,"
			 "\"on\":\"\",\"median\":null},\n"
			 "{\"account\":\"1003\",\"balance\":\"n/a\","
			 "\"n\":\"007\",\"on\":\"\",\"median\":-0.5},\n"
			 "{\"account\":\"1004\",\"balance\":null,\"n\":null,"
			 "\"on\":\"\",\"median\":null}\n"
			 "]\n");
}
END_TEST

START_TEST(json_empty)
{
	struct out *o;

	mem_open();
	o = out_new(memfp, OUT_JSON, three);
	out_footer(o, "no accounts");
	out_free(o);
	ck_assert_str_eq(mem_text(), "[]\n");
}
END_TEST

/* Quotes, backslashes and controls escaped; UTF-8 and '/' as they are;
 * the keys too. */
START_TEST(json_escaping)
{
	static const char *const cols[] = { "say \"x\"", NULL };
	struct out *o;

	mem_open();
	o = out_new(memfp, OUT_JSON, cols);
	out_field(o, "a\"b\\c/d");
	out_row_end(o);
	out_field(o, "l1\nl2\r\t\x01\x1f\x7f");
	out_row_end(o);
	out_field(o, "Zo\xc3\xab \xe2\x82\xac");
	out_row_end(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "[\n"
			 "{\"say \\\"x\\\"\":\"a\\\"b\\\\c/d\"},\n"
			 "{\"say \\\"x\\\"\":"
			 "\"l1\\nl2\\r\\t\\u0001\\u001f\x7f\"},\n"
			 "{\"say \\\"x\\\"\":\"Zo\xc3\xab \xe2\x82\xac\"}\n"
			 "]\n");
}
END_TEST

START_TEST(table)
{
	struct out *o;

	setenv("COLUMNS", "200", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, three);
	ck_assert_int_eq(out_is_table(o), 1);
	two_rows(o);
	out_footer(o, "2 accounts");
	out_footer(o, "total  -1222.20");
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "account  name        balance\n"
			 "-------  ---------  --------\n"
			 "1001     Ann Smith     12.30\n"
			 "20       Bo         -1234.50\n"
			 "2 accounts\n"
			 "total  -1222.20\n");
}
END_TEST

/* Numbers line up on the right, the header over them too; no line ends
 * in spaces, even where the last column is empty. */
START_TEST(table_right)
{
	static const char *const cols[] = { ">n", ">amount", "note", NULL };
	struct out *o;

	setenv("COLUMNS", "200", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, cols);
	out_int(o, 7);
	out_money(o, 100000);
	out_field(o, "");
	out_row_end(o);
	out_int(o, 1234);
	out_money(o, -5);
	out_field(o, "late fee");
	out_row_end(o);
	out_field(o, "");
	out_row_end(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "   n   amount  note\n"
			 "----  -------  --------\n"
			 "   7  1000.00\n"
			 "1234    -0.05  late fee\n"
			 "\n");
}
END_TEST

/* Width is counted in characters: "Zoë Müller" is 10 wide in 12 bytes. */
START_TEST(table_utf8)
{
	static const char *const cols[] = { "name", ">n", NULL };
	struct out *o;

	setenv("COLUMNS", "200", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, cols);
	out_field(o, "Zo\xc3\xab M\xc3\xbcller");
	out_int(o, 1);
	out_row_end(o);
	out_field(o, "Al");
	out_int(o, 22);
	out_row_end(o);
	out_field(o, "\xe2\x82\xac");	/* the euro sign, three bytes */
	out_int(o, 3);
	out_row_end(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "name         n\n"
			 "----------  --\n"
			 "Zo\xc3\xab M\xc3\xbcller   1\n"
			 "Al          22\n"
			 "\xe2\x82\xac            3\n");
}
END_TEST

/* Controls would break the lines or drive the terminal: spaces. */
START_TEST(table_controls)
{
	static const char *const cols[] = { "note", "x", NULL };
	struct out *o;

	setenv("COLUMNS", "200", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, cols);
	out_field(o, "a\tb\nc\x1b[0m");
	out_field(o, "\xc2\x9bz");
	out_row_end(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "note       x\n"
			 "---------  --\n"
			 "a b c [0m   z\n");
}
END_TEST

START_TEST(table_empty)
{
	struct out *o;

	setenv("COLUMNS", "200", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, three);
	out_footer(o, "no accounts");
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "account  name  balance\n"
			 "-------  ----  -------\n"
			 "no accounts\n");
}
END_TEST

/* The table is 28 wide: too wide for 20 columns. */
START_TEST(expanded)
{
	struct out *o;

	setenv("COLUMNS", "20", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, three);
	two_rows(o);
	out_field(o, "3");
	out_field(o, "");
	out_money(o, 0);
	out_row_end(o);
	out_footer(o, "total  -1222.20");
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "account  1001\n"
			 "name     Ann Smith\n"
			 "balance  12.30\n"
			 "\n"
			 "account  20\n"
			 "name     Bo\n"
			 "balance  -1234.50\n"
			 "\n"
			 "account  3\n"
			 "name\n"
			 "balance  0.00\n"
			 "\n"
			 "total  -1222.20\n");
}
END_TEST

/* A table exactly as wide as the terminal fits; one more column does not. */
START_TEST(expanded_edge)
{
	struct out *o;

	setenv("COLUMNS", "28", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, three);
	two_rows(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "account  name        balance\n"
			 "-------  ---------  --------\n"
			 "1001     Ann Smith     12.30\n"
			 "20       Bo         -1234.50\n");
	mem_free();

	setenv("COLUMNS", "27", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, three);
	two_rows(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "account  1001\n"
			 "name     Ann Smith\n"
			 "balance  12.30\n"
			 "\n"
			 "account  20\n"
			 "name     Bo\n"
			 "balance  -1234.50\n");
}
END_TEST

/* A COLUMNS that is not a positive number is ignored: a memory stream has
 * no terminal, so the width is 80. */
START_TEST(columns_ignored)
{
	static const char *const bad[] = { "0", "-5", "abc", "20x", "" };
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct out *o;

		setenv("COLUMNS", bad[i], 1);
		mem_open();
		o = out_new(memfp, OUT_TABLE, three);
		two_rows(o);
		out_free(o);
		ck_assert_str_eq(mem_text(),
				 "account  name        balance\n"
				 "-------  ---------  --------\n"
				 "1001     Ann Smith     12.30\n"
				 "20       Bo         -1234.50\n");
		mem_free();
	}
	unsetenv("COLUMNS");
}
END_TEST

/* The rows of the bar tests: whole numbers, money, a column with no value
 * above zero (no room for bars), text that is no number. */
static const char *const barred[] = {
	"name", ">n", ">amount", ">neg", NULL
};

static void
bar_rows(struct out *o)
{
	out_bars(o, 1);
	out_field(o, "a");
	out_int(o, 10);
	out_money(o, 10000);
	out_money(o, -100);
	out_row_end(o);
	out_field(o, "b");
	out_int(o, 5);
	out_money(o, 1250);
	out_money(o, 0);
	out_row_end(o);
	out_field(o, "c");
	out_int(o, 1);
	out_money(o, -300);
	out_money(o, -5);
	out_row_end(o);
	out_field(o, "d");
	out_int(o, 0);
	out_field(o, "");
	out_field(o, "x");
	out_row_end(o);
	out_field(o, "e");
	out_int(o, 3);
	out_money(o, 1);
	out_row_end(o);
	out_footer(o, "total");
}

#define FULL "\xe2\x96\x88"
/* 10 over 10 is the whole bar, 5 half of it; 12.50 over 100.00 is 10
 * eighths (a full block and U+258E); 0.01 is less than an eighth but above
 * zero (U+258F); zero, a negative value and an empty field get none.  The
 * width counts the bars' cells, not their bytes. */
START_TEST(bars)
{
	struct out *o;

	setenv("COLUMNS", "200", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, barred);
	bar_rows(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "name   n             amount               neg\n"
			 "----  -------------  -----------------  -----\n"
			 "a     10 " FULL FULL FULL FULL FULL FULL FULL FULL
			 FULL FULL "  100.00 " FULL FULL FULL FULL FULL FULL
			 FULL FULL FULL FULL "  -1.00\n"
			 "b      5 " FULL FULL FULL FULL FULL "        12.50 "
			 FULL "\xe2\x96\x8e           0.00\n"
			 "c      1 " FULL "            -3.00"
			 "             -0.05\n"
			 "d      0                                    x\n"
			 "e      3 " FULL FULL FULL "           0.01 "
			 "\xe2\x96\x8f\n"
			 "total\n");
}
END_TEST

/* The eighths, one by one: 1/8 is U+258F ... 7/8 is U+2589. */
START_TEST(bar_eighths)
{
	static const char *const cols[] = { ">n", NULL };
	struct out *o;
	int i;

	setenv("COLUMNS", "200", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, cols);
	out_bars(o, 1);
	out_int(o, 80);
	out_row_end(o);
	for (i = 1; i <= 7; i++) {
		out_int(o, i);
		out_row_end(o);
	}
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 " n\n"
			 "-------------\n"
			 "80 " FULL FULL FULL FULL FULL FULL FULL FULL FULL
			 FULL "\n"
			 " 1 \xe2\x96\x8f\n"
			 " 2 \xe2\x96\x8e\n"
			 " 3 \xe2\x96\x8d\n"
			 " 4 \xe2\x96\x8c\n"
			 " 5 \xe2\x96\x8b\n"
			 " 6 \xe2\x96\x8a\n"
			 " 7 \xe2\x96\x89\n");
}
END_TEST

/* The bars' cells count toward the terminal's width: 45 columns hold this
 * table with 10-cell bars; 44 with 9-cell ones (72 eighths: 5 of 10 is
 * 36, four and a half cells); 26 with none (not one cell each is left);
 * 22 not even without them, where each record shows its bars whole. */
START_TEST(bars_narrow)
{
	struct out *o;

	setenv("COLUMNS", "45", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, barred);
	bar_rows(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "name   n             amount               neg\n"
			 "----  -------------  -----------------  -----\n"
			 "a     10 " FULL FULL FULL FULL FULL FULL FULL FULL
			 FULL FULL "  100.00 " FULL FULL FULL FULL FULL FULL
			 FULL FULL FULL FULL "  -1.00\n"
			 "b      5 " FULL FULL FULL FULL FULL "        12.50 "
			 FULL "\xe2\x96\x8e           0.00\n"
			 "c      1 " FULL "            -3.00"
			 "             -0.05\n"
			 "d      0                                    x\n"
			 "e      3 " FULL FULL FULL "           0.01 "
			 "\xe2\x96\x8f\n"
			 "total\n");
	mem_free();

	setenv("COLUMNS", "44", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, barred);
	bar_rows(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "name   n            amount              neg\n"
			 "----  ------------  ----------------  -----\n"
			 "a     10 " FULL FULL FULL FULL FULL FULL FULL FULL
			 FULL "  100.00 " FULL FULL FULL FULL FULL FULL FULL
			 FULL FULL "  -1.00\n"
			 "b      5 " FULL FULL FULL FULL "\xe2\x96\x8c"
			 "       12.50 "
			 FULL "\xe2\x96\x8f          0.00\n"
			 "c      1 \xe2\x96\x89           -3.00"
			 "            -0.05\n"
			 "d      0                                  x\n"
			 "e      3 " FULL FULL "\xe2\x96\x8a          0.01 "
			 "\xe2\x96\x8f\n"
			 "total\n");
	mem_free();

	setenv("COLUMNS", "26", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, barred);
	bar_rows(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "name   n  amount    neg\n"
			 "----  --  ------  -----\n"
			 "a     10  100.00  -1.00\n"
			 "b      5   12.50   0.00\n"
			 "c      1   -3.00  -0.05\n"
			 "d      0              x\n"
			 "e      3    0.01\n"
			 "total\n");
	mem_free();

	setenv("COLUMNS", "22", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, barred);
	bar_rows(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "name    a\n"
			 "n       10 " FULL FULL FULL FULL FULL FULL FULL FULL
			 FULL FULL "\n"
			 "amount  100.00 " FULL FULL FULL FULL FULL FULL FULL
			 FULL FULL FULL "\n"
			 "neg     -1.00\n"
			 "\n"
			 "name    b\n"
			 "n       5 " FULL FULL FULL FULL FULL "\n"
			 "amount  12.50 " FULL "\xe2\x96\x8e\n"
			 "neg     0.00\n"
			 "\n"
			 "name    c\n"
			 "n       1 " FULL "\n"
			 "amount  -3.00\n"
			 "neg     -0.05\n"
			 "\n"
			 "name    d\n"
			 "n       0\n"
			 "amount\n"
			 "neg     x\n"
			 "\n"
			 "name    e\n"
			 "n       3 " FULL FULL FULL "\n"
			 "amount  0.01 \xe2\x96\x8f\n"
			 "neg\n"
			 "\n"
			 "total\n");
}
END_TEST

/* Bars are for a table only: CSV is unchanged, and so is a table whose
 * writer was not asked for them. */
START_TEST(bars_not_csv)
{
	struct out *o;

	mem_open();
	o = out_new(memfp, OUT_CSV, barred);
	bar_rows(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "name,n,amount,neg\n"
			 "a,10,100.00,-1.00\n"
			 "b,5,12.50,0.00\n"
			 "c,1,-3.00,-0.05\n"
			 "d,0,,x\n"
			 "e,3,0.01,\n");
	mem_free();

	setenv("COLUMNS", "200", 1);
	mem_open();
	o = out_new(memfp, OUT_TABLE, three);
	out_bars(o, 0);
	two_rows(o);
	out_free(o);
	ck_assert_str_eq(mem_text(),
			 "account  name        balance\n"
			 "-------  ---------  --------\n"
			 "1001     Ann Smith     12.30\n"
			 "20       Bo         -1234.50\n");
}
END_TEST

START_TEST(free_null)
{
	out_free(NULL);
}
END_TEST

static Suite *
out_suite(void)
{
	Suite *s = suite_create("out");
	TCase *tc = tcase_create("csv");

	tcase_add_checked_fixture(tc, NULL, mem_free);
	tcase_add_test(tc, parse_format);
	tcase_add_test(tc, parse_format_json);
	tcase_add_test(tc, csv_quoting);
	tcase_add_test(tc, csv_rows);
	tcase_add_test(tc, csv_dates);
	tcase_add_test(tc, csv_one_column);
	tcase_add_test(tc, csv_auto);
	tcase_add_test(tc, free_null);
	suite_add_tcase(s, tc);
	tc = tcase_create("table");
	tcase_add_checked_fixture(tc, NULL, mem_free);
	tcase_add_test(tc, table);
	tcase_add_test(tc, table_right);
	tcase_add_test(tc, table_utf8);
	tcase_add_test(tc, table_controls);
	tcase_add_test(tc, table_empty);
	tcase_add_test(tc, expanded);
	tcase_add_test(tc, expanded_edge);
	tcase_add_test(tc, columns_ignored);
	suite_add_tcase(s, tc);
	tc = tcase_create("json");
	tcase_add_checked_fixture(tc, NULL, mem_free);
	tcase_add_test(tc, json_rows);
	tcase_add_test(tc, json_empty);
	tcase_add_test(tc, json_escaping);
	suite_add_tcase(s, tc);
	tc = tcase_create("bars");
	tcase_add_checked_fixture(tc, NULL, mem_free);
	tcase_add_test(tc, bars);
	tcase_add_test(tc, bar_eighths);
	tcase_add_test(tc, bars_narrow);
	tcase_add_test(tc, bars_not_csv);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(out_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
