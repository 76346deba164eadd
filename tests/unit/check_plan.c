#include <config.h>

#include <check.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "money.h"
#include "plan.h"

/* A fixed-seed xorshift64: the same cases on every run and machine. */
static uint64_t rng_state;

static void
rng_seed(uint64_t seed)
{
	rng_state = seed;
}

static uint64_t
rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* A number in [lo, hi]. */
static int64_t
rng_range(int64_t lo, int64_t hi)
{
	return lo + (int64_t) (rng_next() % (uint64_t) (hi - lo + 1));
}

static int
day_of(const char *s)
{
	char why[64] = "";
	int day = 0;

	ck_assert_msg(date_parse(s, &day, why, sizeof why) == 0,
		      "'%s' refused: %s", s, why);
	return day;
}

static const char *
fmt(int day)
{
	static char buf[DATE_BUFSZ];

	return date_format(day, buf);
}

static struct plan_terms
terms(int64_t amount, int64_t down, int count)
{
	struct plan_terms t = {
		.amount = amount, .down = down, .count = count,
		.every = PLAN_MONTH, .start = day_of("2026-11-27"),
		.first = DATE_NONE, .rate = 0, .round = 1,
		.shift = PLAN_SHIFT_NONE, .holidays = NULL
	};
	return t;
}

/* The schedule of t, which must be accepted; rows hold count + 1. */
static size_t
schedule(const struct plan_terms *t, struct plan_row *rows)
{
	char why[512] = "";
	size_t n = 0;

	ck_assert_msg(plan_schedule(t, rows, &n, why, sizeof why) == 0,
		      "refused: %s", why);
	ck_assert_str_eq(why, "");
	return n;
}

static void
refused(const struct plan_terms *t, const char *reasons)
{
	struct plan_row rows[64];
	char why[512] = "x";
	size_t n = 4242;

	ck_assert(t->count < 64);
	ck_assert_int_eq(plan_schedule(t, rows, &n, why, sizeof why), -1);
	ck_assert_str_eq(why, reasons);
	ck_assert_uint_eq(n, 4242);
}

static void
row_is(const struct plan_row *r, int seq, const char *due_on,
       int64_t amount, int64_t principal, int64_t interest, int64_t balance)
{
	ck_assert_int_eq(r->seq, seq);
	ck_assert_str_eq(fmt(r->due_on), due_on);
	ck_assert_int_eq(r->amount, amount);
	ck_assert_int_eq(r->principal, principal);
	ck_assert_int_eq(r->interest, interest);
	ck_assert_int_eq(r->balance, balance);
}

START_TEST(words)
{
	enum plan_every e = PLAN_WEEK;
	enum plan_shift sh = PLAN_SHIFT_PREVIOUS;

	ck_assert_int_eq(plan_every_parse("month", &e), 0);
	ck_assert_int_eq(e, PLAN_MONTH);
	ck_assert_int_eq(plan_every_parse("2weeks", &e), 0);
	ck_assert_int_eq(e, PLAN_2WEEKS);
	ck_assert_int_eq(plan_every_parse("week", &e), 0);
	ck_assert_int_eq(e, PLAN_WEEK);
	ck_assert_int_eq(plan_every_parse("monthly", &e), -1);
	ck_assert_int_eq(plan_every_parse("Month", &e), -1);
	ck_assert_int_eq(plan_every_parse("", &e), -1);
	ck_assert_int_eq(plan_every_parse(NULL, &e), -1);
	ck_assert_int_eq(e, PLAN_WEEK);
	ck_assert_str_eq(plan_every_name(PLAN_MONTH), "month");
	ck_assert_str_eq(plan_every_name(PLAN_2WEEKS), "2weeks");
	ck_assert_str_eq(plan_every_name(PLAN_WEEK), "week");
	ck_assert_str_eq(plan_every_name((enum plan_every) 7), "unknown");

	ck_assert_int_eq(plan_shift_parse("none", &sh), 0);
	ck_assert_int_eq(sh, PLAN_SHIFT_NONE);
	ck_assert_int_eq(plan_shift_parse("next", &sh), 0);
	ck_assert_int_eq(sh, PLAN_SHIFT_NEXT);
	ck_assert_int_eq(plan_shift_parse("previous", &sh), 0);
	ck_assert_int_eq(sh, PLAN_SHIFT_PREVIOUS);
	ck_assert_int_eq(plan_shift_parse("prev", &sh), -1);
	ck_assert_int_eq(plan_shift_parse(NULL, &sh), -1);
	ck_assert_int_eq(sh, PLAN_SHIFT_PREVIOUS);
}
END_TEST

static void
rate_is(const char *s, int64_t want)
{
	char why[64] = "";
	int64_t rate = -1;

	ck_assert_msg(plan_rate_parse(s, &rate, why, sizeof why) == 0,
		      "'%s' refused: %s", s, why);
	ck_assert_int_eq(rate, want);
}

static void
rate_refused(const char *s, const char *reason)
{
	char why[64] = "";
	int64_t rate = 4242;

	ck_assert_msg(plan_rate_parse(s, &rate, why, sizeof why) == -1,
		      "'%s' accepted", s);
	ck_assert_str_eq(why, reason);
	ck_assert_int_eq(rate, 4242);
}

START_TEST(rates)
{
	rate_is("0", 0);
	rate_is("1", 1000000);
	rate_is("1.25", 1250000);
	rate_is("1.5%", 1500000);
	rate_is("0.000001", 1);
	rate_is("0.75", 750000);
	rate_is("007", 7000000);
	rate_is("100", 100000000);
	rate_is("100.000000", 100000000);
	rate_is("99.999999", 99999999);
	rate_refused("", "empty");
	rate_refused(NULL, "empty");
	rate_refused("abc", "not a number");
	rate_refused("1.", "not a number");
	rate_refused(".5", "not a number");
	rate_refused("1,5", "not a number");
	rate_refused(" 1", "not a number");
	rate_refused("1 ", "not a number");
	rate_refused("1%%", "not a number");
	rate_refused("-1", "below 0");
	rate_refused("-0.5", "below 0");
	rate_refused("1.1234567", "more than six decimals");
	rate_refused("100.000001", "above 100");
	rate_refused("101", "above 100");
	rate_refused("99999999999999999999999", "above 100");
}
END_TEST

START_TEST(equal_thirds)
{
	struct plan_terms t = terms(100000, 0, 3);
	struct plan_row rows[4];

	ck_assert_uint_eq(schedule(&t, rows), 3);
	row_is(&rows[0], 1, "2026-12-27", 33333, 33333, 0, 66667);
	row_is(&rows[1], 2, "2027-01-27", 33333, 33333, 0, 33334);
	row_is(&rows[2], 3, "2027-02-27", 33334, 33334, 0, 0);
}
END_TEST

START_TEST(down_payment)
{
	struct plan_terms t = terms(50000, 12000, 4);
	struct plan_row rows[5];

	/* 380.00 in 4: 95.00 each, nothing left over */
	ck_assert_uint_eq(schedule(&t, rows), 5);
	row_is(&rows[0], 0, "2026-11-27", 12000, 12000, 0, 38000);
	row_is(&rows[1], 1, "2026-12-27", 9500, 9500, 0, 28500);
	row_is(&rows[4], 4, "2027-03-27", 9500, 9500, 0, 0);
}
END_TEST

START_TEST(round_unit)
{
	struct plan_terms t = terms(100000, 0, 3);
	struct plan_row rows[6];

	t.round = 100;		/* whole dollars: 333.00, 333.00, 334.00 */
	ck_assert_uint_eq(schedule(&t, rows), 3);
	ck_assert_int_eq(rows[0].amount, 33300);
	ck_assert_int_eq(rows[1].amount, 33300);
	ck_assert_int_eq(rows[2].amount, 33400);
	t.round = 5000;		/* multiples of 50.00: 300, 300, 400 */
	ck_assert_uint_eq(schedule(&t, rows), 3);
	ck_assert_int_eq(rows[0].amount, 30000);
	ck_assert_int_eq(rows[1].amount, 30000);
	ck_assert_int_eq(rows[2].amount, 40000);

	/* 12.34 in 5 at whole dollars: 2.00 four times, 4.34 */
	t = terms(1234, 0, 5);
	t.round = 100;
	ck_assert_uint_eq(schedule(&t, rows), 5);
	ck_assert_int_eq(rows[3].amount, 200);
	ck_assert_int_eq(rows[4].amount, 434);
}
END_TEST

START_TEST(one_installment)
{
	struct plan_terms t = terms(1, 0, 1);
	struct plan_row rows[2];

	ck_assert_uint_eq(schedule(&t, rows), 1);
	row_is(&rows[0], 1, "2026-12-27", 1, 1, 0, 0);
	t = terms(10000, 0, 1);
	t.rate = 1500000;	/* 100.00 + 1.5% */
	ck_assert_uint_eq(schedule(&t, rows), 1);
	row_is(&rows[0], 1, "2026-12-27", 10150, 10000, 150, 0);
}
END_TEST

/* Worked by hand: 1000.00 at 1% a month over 12 months.  The annuity
 * payment is 100000 x 0.01 / (1 - 1.01^-12) = 8884.879 cents: 88.85.  Each
 * month's interest is the opening balance x 1%, half up (921.15 x 1% =
 * 9.2115 -> 9.21); the last pays the 87.96 left and its 0.88 interest. */
START_TEST(annuity_example)
{
	static const int64_t want[12][4] = {
		{ 8885, 7885, 1000, 92115 }, { 8885, 7964, 921, 84151 },
		{ 8885, 8043, 842, 76108 }, { 8885, 8124, 761, 67984 },
		{ 8885, 8205, 680, 59779 }, { 8885, 8287, 598, 51492 },
		{ 8885, 8370, 515, 43122 }, { 8885, 8454, 431, 34668 },
		{ 8885, 8538, 347, 26130 }, { 8885, 8624, 261, 17506 },
		{ 8885, 8710, 175, 8796 }, { 8884, 8796, 88, 0 }
	};
	struct plan_terms t = terms(100000, 0, 12);
	struct plan_row rows[13];
	int64_t interest = 0;
	int i;

	t.rate = 1000000;
	t.first = day_of("2027-01-15");
	ck_assert_uint_eq(schedule(&t, rows), 12);
	for (i = 0; i < 12; i++) {
		ck_assert_int_eq(rows[i].seq, i + 1);
		ck_assert_int_eq(rows[i].amount, want[i][0]);
		ck_assert_int_eq(rows[i].principal, want[i][1]);
		ck_assert_int_eq(rows[i].interest, want[i][2]);
		ck_assert_int_eq(rows[i].balance, want[i][3]);
		interest += rows[i].interest;
	}
	ck_assert_int_eq(interest, 6619);
	ck_assert_str_eq(fmt(rows[0].due_on), "2027-01-15");
	ck_assert_str_eq(fmt(rows[11].due_on), "2027-12-15");
}
END_TEST

/* Half up: 1.5 cents of interest is 2 cents, 0.49999999 is 0. */
START_TEST(interest_half_up)
{
	struct plan_terms t = terms(150, 0, 1);
	struct plan_row rows[2];

	t.rate = 1000000;	/* 1% of 1.50 is 1.5 cents */
	schedule(&t, rows);
	ck_assert_int_eq(rows[0].interest, 2);
	ck_assert_int_eq(rows[0].amount, 152);
	t.amount = 149;		/* 1.49 cents */
	schedule(&t, rows);
	ck_assert_int_eq(rows[0].interest, 1);
	t.amount = 50;
	t.rate = 999999;	/* 0.49999950 cents */
	schedule(&t, rows);
	ck_assert_int_eq(rows[0].interest, 0);
	t.rate = 1000000;	/* exactly 0.5 */
	schedule(&t, rows);
	ck_assert_int_eq(rows[0].interest, 1);
	/* the largest amount at 100%: the product needs 128 bits */
	t.amount = MONEY_LIMIT;
	t.rate = 100000000;
	schedule(&t, rows);
	ck_assert_int_eq(rows[0].interest, MONEY_LIMIT);
	ck_assert_int_eq(rows[0].amount, 2 * MONEY_LIMIT);
}
END_TEST

START_TEST(month_ends)
{
	struct plan_terms t = terms(100000, 0, 5);
	struct plan_row rows[6];

	t.start = day_of("2026-01-10");
	t.first = day_of("2026-01-31");
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[0].due_on), "2026-01-31");
	ck_assert_str_eq(fmt(rows[1].due_on), "2026-02-28");
	ck_assert_str_eq(fmt(rows[2].due_on), "2026-03-31");
	ck_assert_str_eq(fmt(rows[3].due_on), "2026-04-30");
	ck_assert_str_eq(fmt(rows[4].due_on), "2026-05-31");

	t.start = day_of("2028-01-05");
	t.first = day_of("2028-01-31");
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[1].due_on), "2028-02-29");
	ck_assert_str_eq(fmt(rows[2].due_on), "2028-03-31");

	/* the 30th: February takes its last day, the rest the 30th */
	t.start = day_of("2027-11-30");
	t.first = DATE_NONE;
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[0].due_on), "2027-12-30");
	ck_assert_str_eq(fmt(rows[1].due_on), "2028-01-30");
	ck_assert_str_eq(fmt(rows[2].due_on), "2028-02-29");
	ck_assert_str_eq(fmt(rows[3].due_on), "2028-03-30");

	/* defaulted from January 31, the first is February 28, and its
	 * day of month is kept after */
	t.start = day_of("2026-01-31");
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[0].due_on), "2026-02-28");
	ck_assert_str_eq(fmt(rows[1].due_on), "2026-03-28");
}
END_TEST

START_TEST(weeks)
{
	struct plan_terms t = terms(100000, 0, 3);
	struct plan_row rows[4];

	t.every = PLAN_2WEEKS;
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[0].due_on), "2026-12-11");
	ck_assert_str_eq(fmt(rows[1].due_on), "2026-12-25");
	ck_assert_str_eq(fmt(rows[2].due_on), "2027-01-08");
	t.every = PLAN_WEEK;
	t.first = day_of("2026-12-30");
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[0].due_on), "2026-12-30");
	ck_assert_str_eq(fmt(rows[1].due_on), "2027-01-06");
	ck_assert_str_eq(fmt(rows[2].due_on), "2027-01-13");
	t.first = t.start;	/* the first installment with the down */
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[0].due_on), "2026-11-27");
}
END_TEST

static int holiday_days[8];
static struct holidays holidays = { holiday_days, 0 };

static void
holidays_are(const char *const *days)
{
	for (holidays.n = 0; days[holidays.n]; holidays.n++)
		holiday_days[holidays.n] = day_of(days[holidays.n]);
}

START_TEST(shift_weekend)
{
	struct plan_terms t = terms(90000, 0, 3);
	struct plan_row rows[4];

	/* October 31, 2026 is a Saturday; November 30 a Monday */
	t.start = day_of("2026-10-01");
	t.first = day_of("2026-10-31");
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[0].due_on), "2026-10-31");
	t.shift = PLAN_SHIFT_NEXT;
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[0].due_on), "2026-11-02");
	ck_assert_str_eq(fmt(rows[1].due_on), "2026-11-30");
	ck_assert_str_eq(fmt(rows[2].due_on), "2026-12-31");
	t.shift = PLAN_SHIFT_PREVIOUS;
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[0].due_on), "2026-10-30");
	ck_assert_str_eq(fmt(rows[1].due_on), "2026-11-30");
	/* a shift moves the dates, never the money */
	ck_assert_int_eq(rows[0].amount, 30000);
	ck_assert_int_eq(rows[2].balance, 0);
}
END_TEST

START_TEST(shift_holiday)
{
	static const char *const days[] = {
		"2026-11-26", "2026-12-25", "2027-01-01", NULL
	};
	struct plan_terms t = terms(90000, 0, 3);
	struct plan_row rows[4];

	holidays_are(days);
	t.every = PLAN_WEEK;
	t.first = day_of("2026-12-18");	/* Fridays: Christmas, New Year */
	t.holidays = &holidays;
	t.shift = PLAN_SHIFT_NEXT;
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[0].due_on), "2026-12-18");
	ck_assert_str_eq(fmt(rows[1].due_on), "2026-12-28");
	ck_assert_str_eq(fmt(rows[2].due_on), "2027-01-04");
	t.shift = PLAN_SHIFT_PREVIOUS;
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[1].due_on), "2026-12-24");
	ck_assert_str_eq(fmt(rows[2].due_on), "2026-12-31");

	/* Thanksgiving, a Thursday */
	t.start = day_of("2026-11-01");
	t.first = day_of("2026-11-19");
	t.shift = PLAN_SHIFT_NEXT;
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[1].due_on), "2026-11-27");
	t.shift = PLAN_SHIFT_PREVIOUS;
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[1].due_on), "2026-11-25");
	t.holidays = NULL;	/* weekends only */
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[1].due_on), "2026-11-26");
}
END_TEST

START_TEST(shift_collision)
{
	static const char *const days[] = {
		"2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24",
		"2026-12-25", "2026-12-28", NULL
	};
	struct plan_terms t = terms(90000, 0, 3);
	struct plan_row rows[4];

	holidays_are(days);
	t.every = PLAN_WEEK;
	t.start = day_of("2026-12-01");
	t.first = day_of("2026-12-21");
	t.holidays = &holidays;
	t.shift = PLAN_SHIFT_NEXT;
	refused(&t, "moved to the next business day, installments 1 and 2 "
		"would both be due on 2026-12-29");
	t.shift = PLAN_SHIFT_PREVIOUS;
	refused(&t, "moved to the previous business day, installments 1 and "
		"2 would both be due on 2026-12-18");
	t.shift = PLAN_SHIFT_NONE;
	schedule(&t, rows);

	/* the agreement on a Saturday, the first installment with it */
	t = terms(90000, 0, 3);
	t.start = t.first = day_of("2026-10-31");
	t.shift = PLAN_SHIFT_PREVIOUS;
	refused(&t, "moved to the previous business day, installment 1 would "
		"be due on 2026-10-30, before the agreement date 2026-10-31");
}
END_TEST

START_TEST(refusals)
{
	static const char *const last_day[] = { "9999-12-31", NULL };
	struct plan_terms t;
	struct plan_row rows[12];

	t = terms(100000, 0, 0);
	refused(&t, "count 0 below 1");
	t = terms(100000, 0, -3);
	refused(&t, "count -3 below 1");
	t = terms(0, 0, 3);
	refused(&t, "amount 0.00 not above zero");
	t = terms(-500, 0, 3);
	refused(&t, "amount -5.00 not above zero");
	t = terms(MONEY_LIMIT + 1, 0, 3);
	refused(&t, "amount 10000000000.01 above 10000000000.00");
	t = terms(100000, -100, 3);
	refused(&t, "down payment -1.00 below zero");
	t = terms(100000, 120000, 3);
	refused(&t, "down payment 1200.00 above the amount 1000.00");
	t = terms(100000, 100000, 3);
	refused(&t, "nothing left after the down payment 1000.00");
	t = terms(100000, 0, 3);
	t.round = 0;
	refused(&t, "rounding unit 0.00 not a whole positive number of cents");
	t.round = -100;
	refused(&t, "rounding unit -1.00 not a whole positive number of "
		"cents");
	t = terms(100000, 0, 3);
	t.rate = 100500000;
	refused(&t, "rate 100.5% not between 0 and 100");
	t.rate = -1;
	refused(&t, "rate -0.000001% not between 0 and 100");
	t = terms(100000, 0, 3);
	t.every = (enum plan_every) 3;
	refused(&t, "unknown period");
	t = terms(100000, 0, 3);
	t.shift = (enum plan_shift) 3;
	refused(&t, "unknown shift");
	t = terms(100000, 0, 3);
	t.start = DATE_NONE;
	refused(&t, "no agreement date");
	t = terms(100000, 0, 3);
	t.first = day_of("2026-11-26");
	refused(&t, "first due date 2026-11-26 before the agreement date "
		"2026-11-27");
	t = terms(100000, 0, 3);
	t.start = day_of("9999-10-15");
	refused(&t, "due dates run past 9999-12-31");
	t.every = PLAN_WEEK;	/* Fridays 9999-10-22 ... 9999-12-31 */
	t.count = 11;
	schedule(&t, rows);
	ck_assert_str_eq(fmt(rows[10].due_on), "9999-12-31");
	t.count = 12;
	refused(&t, "due dates run past 9999-12-31");
	t.count = 11;		/* the last day a holiday, moved past it */
	holidays_are(last_day);
	t.holidays = &holidays;
	t.shift = PLAN_SHIFT_NEXT;
	refused(&t, "due dates run past 9999-12-31");

	/* every reason at once, in order */
	t = terms(0, -100, 0);
	t.round = 0;
	t.start = DATE_NONE;
	refused(&t, "count 0 below 1; amount 0.00 not above zero; down "
		"payment -1.00 below zero; rounding unit 0.00 not a whole "
		"positive number of cents; no agreement date");
	t = terms(100000, 120000, 3);
	t.first = day_of("2026-01-01");
	t.rate = 200000000;
	refused(&t, "down payment 1200.00 above the amount 1000.00; rate "
		"200% not between 0 and 100; first due date 2026-01-01 before "
		"the agreement date 2026-11-27");
}
END_TEST

START_TEST(refusals_zero_installment)
{
	struct plan_terms t;

	t = terms(2, 0, 3);
	refused(&t, "an installment would be zero: 0.02 in 3 installments");
	t = terms(210, 200, 11);
	refused(&t, "an installment would be zero: 0.10 in 11 installments");
	t = terms(5000, 0, 3);
	t.round = 10000;
	refused(&t, "an installment would be zero: 50.00 in 3 installments "
		"in multiples of 100.00");
	t = terms(29900, 0, 3);
	t.round = 10000;
	refused(&t, "an installment would be zero: 299.00 in 3 installments "
		"in multiples of 100.00");
	/* with a rate, the level payment rounds to zero */
	t = terms(10000, 0, 3);
	t.rate = 1000000;	/* 34.00 a month, in whole hundreds: 0 */
	t.round = 10000;
	refused(&t, "an installment would be zero: 100.00 in 3 installments "
		"in multiples of 100.00");
	/* a date refusal and a money refusal are both said */
	t = terms(2, 0, 3);
	t.start = day_of("9999-11-15");
	refused(&t, "due dates run past 9999-12-31; an installment would be "
		"zero: 0.02 in 3 installments");
}
END_TEST

START_TEST(refusals_rounded_payment)
{
	struct plan_terms t;
	struct plan_row rows[25];

	/* 100.00 at 100% over 24: the annuity is 100.0006, all interest */
	t = terms(10000, 0, 24);
	t.rate = 100000000;
	refused(&t, "installments of 100.00 would not reduce the balance: "
		"installment 1's interest is 100.00");
	/* 111.30 at 10% in hundreds is 100.00: the interest, no more */
	t = terms(100000, 0, 24);
	t.rate = 10000000;
	t.round = 10000;
	refused(&t, "installments of 100.00 would not reduce the balance: "
		"installment 1's interest is 100.00");
	/* 51.00 rounded up to 100.00 pays 150.00 off in two, not three */
	t = terms(15000, 0, 3);
	t.rate = 1000000;
	t.round = 10000;
	refused(&t, "installments of 100.00 would pay everything off by "
		"installment 2 of 3");
	t.round = 5000;		/* 50.00, 50.00, and what is left */
	schedule(&t, rows);
	row_is(&rows[0], 1, "2026-12-27", 5000, 4850, 150, 10150);
	row_is(&rows[1], 2, "2027-01-27", 5000, 4898, 102, 5252);
	row_is(&rows[2], 3, "2027-02-27", 5305, 5252, 53, 0);
}
END_TEST

START_TEST(why_small_buffer)
{
	struct plan_terms t = terms(0, -100, 0);
	struct plan_row rows[2];
	char why[12];
	size_t n = 0;

	ck_assert_int_eq(plan_schedule(&t, rows, &n, why, sizeof why), -1);
	ck_assert_str_eq(why, "count 0 bel");
	ck_assert_int_eq(plan_schedule(&t, rows, &n, NULL, 0), -1);
}
END_TEST

/* The holidays of the property test: New Year's, July 4 and Christmas of
 * every year the random dates reach. */
static int prop_days[3 * 400];
static struct holidays prop_holidays = { prop_days, 0 };

static void
prop_holidays_init(void)
{
	int year;

	prop_holidays.n = 0;
	for (year = 1990; year < 2390; year++) {
		prop_days[prop_holidays.n++] = date_from_ymd(year, 1, 1);
		prop_days[prop_holidays.n++] = date_from_ymd(year, 7, 4);
		prop_days[prop_holidays.n++] = date_from_ymd(year, 12, 25);
	}
}

/* interest is balance x rate (rate in 10^-8) rounded half up, said the
 * other way round: interest - 1/2 <= balance x rate < interest + 1/2. */
static int
is_half_up(int64_t interest, int64_t balance, int64_t rate)
{
	__int128 twice = (__int128) 2 * balance * rate;

	return twice >= (__int128) (2 * interest - 1) * 100000000
		&& twice < (__int128) (2 * interest + 1) * 100000000;
}

static struct plan_terms
random_terms(void)
{
	static const int64_t units[] = { 100, 500, 1000, 2500, 10000 };
	struct plan_terms t;
	int64_t magnitude = 1;
	/* mostly real amounts, 10.00 and up; now and then a few cents */
	int i, digits = (int) (rng_range(0, 9) ? rng_range(4, 10)
			       : rng_range(0, 3));

	for (i = 0; i < digits; i++)
		magnitude *= 10;
	memset(&t, 0, sizeof t);
	t.amount = rng_range(1, magnitude);
	t.down = rng_range(0, 1) ? 0 : rng_range(0, t.amount - 1);
	t.count = (int) (rng_range(0, 9) ? rng_range(1, 36)
			 : rng_range(37, 400));
	t.every = (enum plan_every) rng_range(0, 2);
	t.start = (int) rng_range(date_from_ymd(2000, 1, 1),
				  date_from_ymd(2100, 12, 31));
	t.first = rng_range(0, 1) ? DATE_NONE
		: t.start + (int) rng_range(0, 62);
	switch (rng_range(0, 3)) {
	case 0:
	case 1:
		t.rate = 0;
		break;
	case 2:
		t.rate = rng_range(1, 3000000);		/* up to 3% */
		break;
	default:
		t.rate = rng_range(1, 100000000);
	}
	t.round = rng_range(0, 2) ? 1 : units[rng_range(0, 4)];
	t.shift = (enum plan_shift) rng_range(0, 2);
	t.holidays = rng_range(0, 1) ? &prop_holidays : NULL;
	return t;
}

/* The annuity payment, worked apart from plan.c, in cents. */
static long double
annuity(int64_t principal, int64_t rate, int count)
{
	long double r = (long double) rate / 100000000;

	return principal * r / (1 - powl(1 + r, -count));
}

static void
check_schedule(const struct plan_terms *t, const struct plan_row *rows,
	       size_t n, int k)
{
	const struct plan_row *inst = rows + (t->down > 0), *last;
	int64_t principal = t->amount - t->down, balance = principal;
	int64_t sum_principal = 0, sum_amount = 0, sum_interest = 0;
	int first = t->first, i, day, y, m, dd, fy, fm, fd;

	ck_assert_msg(n == (size_t) t->count + (t->down > 0), "case %d", k);
	if (t->down > 0) {
		ck_assert_int_eq(rows[0].seq, 0);
		ck_assert_int_eq(rows[0].due_on, t->start);
		ck_assert_int_eq(rows[0].amount, t->down);
		ck_assert_int_eq(rows[0].principal, t->down);
		ck_assert_int_eq(rows[0].interest, 0);
		ck_assert_int_eq(rows[0].balance, principal);
	}
	last = &inst[t->count - 1];
	if (first == DATE_NONE)
		first = t->every == PLAN_MONTH ? date_add_months(t->start, 1)
			: t->start + (t->every == PLAN_WEEK ? 7 : 14);
	date_to_ymd(first, &fy, &fm, &fd);
	for (i = 0; i < t->count; i++) {
		const struct plan_row *r = &inst[i];

		if (r->seq != i + 1 || r->amount != r->principal + r->interest
		    || r->principal <= 0 || r->balance != balance - r->principal)
			ck_abort_msg("case %d: row %d: %" PRId64 " = %" PRId64
				     " + %" PRId64 ", balance %" PRId64, k,
				     r->seq, r->amount, r->principal,
				     r->interest, r->balance);
		if (t->rate == 0 && r->interest != 0)
			ck_abort_msg("case %d: interest without a rate", k);
		if (t->rate > 0 && !is_half_up(r->interest, balance, t->rate))
			ck_abort_msg("case %d: row %d: interest %" PRId64
				     " on %" PRId64, k, r->seq, r->interest,
				     balance);
		if (r != last && (r->amount != inst[0].amount
				  || r->amount % t->round != 0))
			ck_abort_msg("case %d: row %d: %" PRId64 " not level "
				     "(%" PRId64 ") in units of %" PRId64, k,
				     r->seq, r->amount, inst[0].amount,
				     t->round);
		if (i > 0 && r->due_on <= inst[i - 1].due_on)
			ck_abort_msg("case %d: row %d: due %s not after the "
				     "last", k, r->seq, fmt(r->due_on));
		if (t->shift != PLAN_SHIFT_NONE
		    && !date_is_business_day(r->due_on, t->holidays))
			ck_abort_msg("case %d: row %d: due %s, a day off", k,
				     r->seq, fmt(r->due_on));
		day = t->every == PLAN_MONTH ? date_add_months(first, i)
			: first + i * (t->every == PLAN_WEEK ? 7 : 14);
		if (t->shift == PLAN_SHIFT_NONE && r->due_on != day)
			ck_abort_msg("case %d: row %d: due %s", k, r->seq,
				     fmt(r->due_on));
		if (t->shift == PLAN_SHIFT_NONE && t->every == PLAN_MONTH) {
			date_to_ymd(r->due_on, &y, &m, &dd);
			ck_assert_int_eq(dd, fd < date_days_in_month(y, m)
					 ? fd : date_days_in_month(y, m));
			ck_assert_int_eq(y * 12 + m, fy * 12 + fm + i);
		}
		if (t->shift == PLAN_SHIFT_NEXT
		    && (r->due_on < day || r->due_on > day + 7))
			ck_abort_msg("case %d: moved too far", k);
		if (t->shift == PLAN_SHIFT_PREVIOUS
		    && (r->due_on > day || r->due_on < day - 7))
			ck_abort_msg("case %d: moved too far", k);
		balance = r->balance;
		sum_principal += r->principal;
		sum_amount += r->amount;
		sum_interest += r->interest;
	}
	ck_assert_int_ge(inst[0].due_on, t->start);
	ck_assert_int_eq(last->balance, 0);
	ck_assert_int_eq(sum_principal, principal);
	ck_assert_int_eq(sum_amount, principal + sum_interest);
	if (t->rate == 0 && t->count > 1) {
		/* the most that rounding down leaves to the last */
		ck_assert_int_ge(last->amount, inst[0].amount);
		ck_assert_int_eq(inst[0].amount,
				 principal / t->count / t->round * t->round);
	}
	if (t->rate > 0 && t->count > 1) {
		long double exact = annuity(principal, t->rate, t->count);

		if (fabsl(inst[0].amount - exact) > t->round / 2.0L + 1e-3L)
			ck_abort_msg("case %d: level %" PRId64 ", annuity %Lf",
				     k, inst[0].amount, exact);
	}
}

/* A refusal of random terms: each reason must be one these terms call
 * for, and no reason may be missing. */
static void
check_refusal(const struct plan_terms *t, const char *why, int k)
{
	int64_t principal = t->amount - t->down;
	int zero = t->rate == 0 && principal / t->count / t->round == 0;
	int early = t->shift == PLAN_SHIFT_PREVIOUS && t->first != DATE_NONE
		&& t->first - t->start < 7;

	ck_assert_msg(*why, "case %d: refused without a reason", k);
	ck_assert_msg(!zero || strstr(why, "an installment would be zero"),
		      "case %d: refused: %s", k, why);
	ck_assert_msg(early || !strstr(why, "before the agreement date"),
		      "case %d: refused: %s", k, why);
	ck_assert_msg(t->rate > 0 || zero || early, "case %d: refused: %s",
		      k, why);
	ck_assert_msg(!strstr(why, "would both be due"), "case %d: %s", k,
		      why);
	/* terms a clerk would give always make a schedule */
	ck_assert_msg(early || t->rate > 3000000 || t->round > 1
		      || t->count > 36 || principal < 100 * t->count,
		      "case %d: refused: %s", k, why);
}

START_TEST(properties)
{
	static struct plan_row rows[402];
	struct plan_terms t;
	char why[1024];
	size_t n;
	int k, made = 0, made_rate = 0, made_round = 0, made_shift = 0;
	int refused_rate = 0;

	rng_seed(UINT64_C(0x9e3779b97f4a7c15));
	prop_holidays_init();
	for (k = 0; k < 20000; k++) {
		t = random_terms();
		why[0] = '\0';
		if (plan_schedule(&t, rows, &n, why, sizeof why) == 0) {
			check_schedule(&t, rows, n, k);
			made++;
			made_rate += t.rate > 0;
			made_round += t.round > 1;
			made_shift += t.shift != PLAN_SHIFT_NONE;
			continue;
		}
		check_refusal(&t, why, k);
		refused_rate += t.rate > 0;
	}
	/* the generator must reach every kind of schedule */
	ck_assert_int_gt(made, 15000);
	ck_assert_int_gt(made_rate, 6500);
	ck_assert_int_gt(made_round, 3500);
	ck_assert_int_gt(made_shift, 9500);
	/* a rate refuses only degenerate terms: up to 100% a period over
	 * hundreds of periods, a few cents, a unit far from the payment */
	ck_assert_int_lt(refused_rate, 3000);
}
END_TEST

/* Amounts from one cent to the limit, every count to 60, no rate: the
 * installments always add up, the last is the only one that differs. */
START_TEST(properties_equal)
{
	static struct plan_row rows[61];
	struct plan_terms t = terms(1, 0, 1);
	size_t n;
	int k;

	rng_seed(42);
	for (k = 0; k < 5000; k++) {
		t.amount = rng_range(1, k % 2 ? 100000 : MONEY_LIMIT);
		t.count = (int) rng_range(1, 60);
		t.round = k % 3 ? 1 : 100;
		t.down = k % 5 ? 0 : rng_range(0, t.amount - 1);
		if ((t.amount - t.down) / t.count / t.round == 0)
			continue;
		ck_assert_int_eq(plan_schedule(&t, rows, &n, NULL, 0), 0);
		check_schedule(&t, rows, n, k);
	}
}
END_TEST

static Suite *
plan_suite(void)
{
	Suite *s = suite_create("plan");
	TCase *words_tc = tcase_create("words");
	TCase *money = tcase_create("money");
	TCase *dates = tcase_create("dates");
	TCase *refuse = tcase_create("refusals");
	TCase *props = tcase_create("properties");

	tcase_add_test(words_tc, words);
	tcase_add_test(words_tc, rates);
	suite_add_tcase(s, words_tc);

	tcase_add_test(money, equal_thirds);
	tcase_add_test(money, down_payment);
	tcase_add_test(money, round_unit);
	tcase_add_test(money, one_installment);
	tcase_add_test(money, annuity_example);
	tcase_add_test(money, interest_half_up);
	suite_add_tcase(s, money);

	tcase_add_test(dates, month_ends);
	tcase_add_test(dates, weeks);
	tcase_add_test(dates, shift_weekend);
	tcase_add_test(dates, shift_holiday);
	tcase_add_test(dates, shift_collision);
	suite_add_tcase(s, dates);

	tcase_add_test(refuse, refusals);
	tcase_add_test(refuse, refusals_zero_installment);
	tcase_add_test(refuse, refusals_rounded_payment);
	tcase_add_test(refuse, why_small_buffer);
	suite_add_tcase(s, refuse);

	tcase_add_test(props, properties);
	tcase_add_test(props, properties_equal);
	tcase_set_timeout(props, 120);
	suite_add_tcase(s, props);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(plan_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
