/* fuzz_plan: plan-calc's options and the schedule they make.
 *
 * The input is a set of options, one "name=value" a line, read as
 * cmd/plan-calc.c reads them (cli_plan_option and its checks exit, so the
 * same plan.h, agreement.h, money.h and date.h functions are called here
 * directly): amount, count, down, every, first, rate, round, shift, date
 * (the agreement date, else 2026-11-27) and holiday (any number).
 * Properties, for every schedule made: one row per installment and one for
 * a down payment; the principal of the rows adds up to the amount to the
 * cent; each row is its principal plus its interest and leaves the balance
 * it says, the last leaving nothing; due dates rise, none before the
 * agreement date, each a business day when shifted; without interest the
 * installments are equal multiples of the rounding unit but the last, which
 * is no smaller.  A refusal always says why. */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agreement.h"
#include "date.h"
#include "fuzz.h"
#include "money.h"
#include "plan.h"

#define COUNT_MAX 1200		/* CLI_PLAN_COUNT_MAX */
#define HOLIDAYS_MAX 64
#define INPUT_MAX 4096

struct options {
	int64_t amount;
	const char *down;
	int have_count;
	int days[HOLIDAYS_MAX];
	size_t ndays;
};

/* One option; -1 where plan-calc would stop with a usage error. */
static int
option(const char *name, const char *value, struct plan_terms *t,
       struct options *o)
{
	char why[1024], *end;
	long n;
	int day;

	if (strcmp(name, "amount") == 0) {
		if (money_parse(value, &o->amount, why, sizeof why) < 0 ||
		    o->amount <= 0)
			return -1;
	} else if (strcmp(name, "count") == 0) {
		errno = 0;
		n = strtol(value, &end, 10);
		if (end == value || *end || errno || n < 1 || n > COUNT_MAX)
			return -1;
		t->count = (int) n;
		o->have_count = 1;
	} else if (strcmp(name, "down") == 0) {
		o->down = value;
		if (agreement_down_parse(value, 0, &t->down, why,
					 sizeof why) < 0 || t->down < 0)
			return -1;
	} else if (strcmp(name, "every") == 0) {
		return plan_every_parse(value, &t->every);
	} else if (strcmp(name, "first") == 0) {
		return date_parse(value, &t->first, why, sizeof why);
	} else if (strcmp(name, "rate") == 0) {
		why[0] = '\0';
		if (plan_rate_parse(value, &t->rate, why, sizeof why) < 0) {
			FUZZ_REQUIRE(why[0], "rate '%s' refused without a "
				     "reason", value);
			return -1;
		}
		FUZZ_REQUIRE(t->rate >= 0 && t->rate <= 100000000,
			     "rate '%s' read as %" PRId64, value, t->rate);
	} else if (strcmp(name, "round") == 0) {
		if (money_parse(value, &t->round, why, sizeof why) < 0 ||
		    t->round <= 0)
			return -1;
	} else if (strcmp(name, "shift") == 0) {
		return plan_shift_parse(value, &t->shift);
	} else if (strcmp(name, "date") == 0) {
		return date_parse(value, &t->start, why, sizeof why);
	} else if (strcmp(name, "holiday") == 0) {
		if (date_parse(value, &day, why, sizeof why) < 0)
			return -1;
		if (o->ndays < HOLIDAYS_MAX)
			o->days[o->ndays++] = day;
	}
	return 0;
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *) a, y = *(const int *) b;

	return (x > y) - (x < y);
}

static void
check_schedule(const struct plan_terms *t, const struct plan_row *rows,
	       size_t nrows)
{
	const struct plan_row *inst = rows + (t->down > 0);
	int64_t principal = 0, balance = t->amount, each;
	size_t r;
	int i;

	FUZZ_REQUIRE(nrows == (size_t) t->count + (t->down > 0),
		     "%zu rows for %d installments", nrows, t->count);
	if (t->down > 0)
		FUZZ_REQUIRE(rows[0].seq == 0 && rows[0].due_on == t->start &&
			     rows[0].amount == t->down &&
			     rows[0].principal == t->down &&
			     rows[0].interest == 0,
			     "down payment row");
	for (r = 0; r < nrows; r++) {
		FUZZ_REQUIRE(rows[r].principal > 0 && rows[r].interest >= 0,
			     "row %zu: principal %" PRId64 ", interest %"
			     PRId64, r, rows[r].principal, rows[r].interest);
		FUZZ_REQUIRE(rows[r].amount == rows[r].principal +
			     rows[r].interest, "row %zu: amount", r);
		principal += rows[r].principal;
		balance -= rows[r].principal;
		FUZZ_REQUIRE(rows[r].balance == balance, "row %zu: balance %"
			     PRId64 ", not %" PRId64, r, rows[r].balance,
			     balance);
	}
	FUZZ_REQUIRE(principal == t->amount, "principal adds up to %" PRId64
		     ", not %" PRId64, principal, t->amount);
	FUZZ_REQUIRE(rows[nrows - 1].balance == 0, "a balance left");

	for (i = 0; i < t->count; i++) {
		FUZZ_REQUIRE(inst[i].seq == i + 1, "installment %d: seq %d",
			     i + 1, inst[i].seq);
		FUZZ_REQUIRE(inst[i].due_on >= t->start, "installment %d due "
			     "before the agreement date", i + 1);
		FUZZ_REQUIRE(i == 0 || inst[i].due_on > inst[i - 1].due_on,
			     "installment %d not after %d", i + 1, i);
		FUZZ_REQUIRE(inst[i].due_on <= date_from_ymd(9999, 12, 31),
			     "installment %d past 9999", i + 1);
		if (t->shift != PLAN_SHIFT_NONE)
			FUZZ_REQUIRE(date_is_business_day(inst[i].due_on,
							  t->holidays),
				     "installment %d not on a business day",
				     i + 1);
		if (i < t->count - 1)
			FUZZ_REQUIRE(inst[i].amount == inst[0].amount &&
				     inst[i].amount % t->round == 0,
				     "installment %d: %" PRId64 " (round %"
				     PRId64 ")", i + 1, inst[i].amount,
				     t->round);
	}
	if (t->rate == 0) {
		each = inst[0].principal;
		FUZZ_REQUIRE(inst[t->count - 1].amount >= each,
			     "the last installment below the others");
		for (i = 0; i < t->count; i++)
			FUZZ_REQUIRE(inst[i].interest == 0, "interest "
				     "without a rate");
	}
	if (t->every == PLAN_MONTH && t->shift == PLAN_SHIFT_NONE &&
	    t->first != DATE_NONE) {
		int y, m, d, y1, m1, d1;

		date_to_ymd(t->first, &y1, &m1, &d1);
		for (i = 0; i < t->count; i++) {
			date_to_ymd(inst[i].due_on, &y, &m, &d);
			FUZZ_REQUIRE(d == (d1 < date_days_in_month(y, m) ? d1
					   : date_days_in_month(y, m)),
				     "installment %d on day %d, not %d", i + 1,
				     d, d1);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan_terms t = { .first = DATE_NONE, .round = 1,
				.every = PLAN_MONTH,
				.shift = PLAN_SHIFT_NONE };
	struct options o = { 0, NULL, 0, { 0 }, 0 };
	struct holidays h = HOLIDAYS_INIT;
	struct plan_row *rows;
	char *text, *line, *next, *eq, why[1024];
	size_t nrows = 0;
	int rc;

	if (size > INPUT_MAX || memchr(data, '\0', size))
		return 0;
	t.start = date_from_ymd(2026, 11, 27);
	text = malloc(size + 1);
	FUZZ_REQUIRE(text, "out of memory");
	memcpy(text, data, size);
	text[size] = '\0';
	for (line = text; line; line = next) {
		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		if (!(eq = strchr(line, '=')))
			continue;
		*eq = '\0';
		if (option(line, eq + 1, &t, &o) < 0)
			goto done;
	}
	/* plan-calc's checks after the options, in its order */
	if (o.amount == 0 || !o.have_count)
		goto done;
	if (t.first != DATE_NONE && t.first < t.start)
		goto done;
	t.amount = o.amount;
	qsort(o.days, o.ndays, sizeof o.days[0], int_cmp);
	h.days = o.days;
	h.n = o.ndays;
	t.holidays = &h;
	if (o.down)
		agreement_down_parse(o.down, t.amount, &t.down, why,
				     sizeof why);
	if (t.down >= t.amount)
		goto done;

	rows = malloc(((size_t) t.count + 1) * sizeof *rows);
	FUZZ_REQUIRE(rows, "out of memory");
	why[0] = '\0';
	rc = plan_schedule(&t, rows, &nrows, why, sizeof why);
	if (rc < 0)
		FUZZ_REQUIRE(why[0], "refused without a reason");
	else
		check_schedule(&t, rows, nrows);
	free(rows);
done:
	free(text);
	return 0;
}
