#include <config.h>

#include <check.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ledger.h"
#include "money.h"

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
	char why[64];
	int day;

	ck_assert_msg(date_parse(s, &day, why, sizeof why) == 0, "%s", s);
	return day;
}

START_TEST(kinds)
{
	static const char *const words[] = {
		"charge", "payment", "fee", "adjustment", "refund", "deposit"
	};
	static const enum ledger_kind want[] = {
		LEDGER_CHARGE, LEDGER_PAYMENT, LEDGER_FEE, LEDGER_ADJUSTMENT,
		LEDGER_REFUND, LEDGER_DEPOSIT
	};
	enum ledger_kind k;
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		k = LEDGER_DEPOSIT;
		ck_assert_int_eq(ledger_kind_parse(words[i], &k), 0);
		ck_assert_int_eq(k, want[i]);
		ck_assert_str_eq(ledger_kind_name(want[i]), words[i]);
	}
	k = LEDGER_FEE;
	ck_assert_int_eq(ledger_kind_parse("Charge", &k), -1);
	ck_assert_int_eq(ledger_kind_parse("charges", &k), -1);
	ck_assert_int_eq(ledger_kind_parse("charge ", &k), -1);
	ck_assert_int_eq(ledger_kind_parse("pay", &k), -1);
	ck_assert_int_eq(ledger_kind_parse("", &k), -1);
	ck_assert_int_eq(ledger_kind_parse(NULL, &k), -1);
	ck_assert_int_eq(k, LEDGER_FEE);
	ck_assert_str_eq(ledger_kind_name((enum ledger_kind) 99), "unknown");
}
END_TEST

static void
stored_as(enum ledger_kind k, int64_t amount, int64_t want)
{
	char why[128] = "";
	int64_t stored = 4242;

	ck_assert_msg(ledger_signed_amount(k, amount, &stored, why,
					   sizeof why) == 0,
		      "%s %" PRId64 ": %s", ledger_kind_name(k), amount, why);
	ck_assert_int_eq(stored, want);
}

static void
refused(enum ledger_kind k, int64_t amount, const char *reason)
{
	char why[128] = "";
	int64_t stored = 4242;

	ck_assert_int_eq(ledger_signed_amount(k, amount, &stored, why,
					      sizeof why), -1);
	ck_assert_str_eq(why, reason);
	ck_assert_int_eq(stored, 4242);
}

START_TEST(signed_amounts)
{
	stored_as(LEDGER_CHARGE, 1230, 1230);
	stored_as(LEDGER_FEE, 2500, 2500);
	stored_as(LEDGER_REFUND, 1, 1);
	stored_as(LEDGER_PAYMENT, 5000, -5000);
	stored_as(LEDGER_PAYMENT, -5000, -5000);
	stored_as(LEDGER_ADJUSTMENT, 700, 700);
	stored_as(LEDGER_ADJUSTMENT, -700, -700);
	stored_as(LEDGER_DEPOSIT, 10000, 10000);
	stored_as(LEDGER_DEPOSIT, -10000, -10000);
	stored_as(LEDGER_CHARGE, MONEY_LIMIT, MONEY_LIMIT);
	stored_as(LEDGER_PAYMENT, MONEY_LIMIT, -MONEY_LIMIT);
	stored_as(LEDGER_PAYMENT, -MONEY_LIMIT, -MONEY_LIMIT);

	refused(LEDGER_CHARGE, -1230, "a charge must be above zero");
	refused(LEDGER_FEE, -1, "a fee must be above zero");
	refused(LEDGER_REFUND, -100, "a refund must be above zero");
	refused(LEDGER_CHARGE, 0, "zero is not an amount");
	refused(LEDGER_PAYMENT, 0, "zero is not an amount");
	refused(LEDGER_FEE, 0, "zero is not an amount");
	refused(LEDGER_ADJUSTMENT, 0, "zero is not an amount");
	refused(LEDGER_REFUND, 0, "zero is not an amount");
	refused(LEDGER_DEPOSIT, 0, "zero is not an amount");
	refused(LEDGER_CHARGE, MONEY_LIMIT + 1,
		"beyond the limit of 10000000000.00");
	refused(LEDGER_PAYMENT, INT64_MIN,
		"beyond the limit of 10000000000.00");
	refused((enum ledger_kind) 99, 100, "unknown kind of entry");
}
END_TEST

static void
aging_is(const struct aging *a, int64_t balance, int64_t arrears,
	 int days_past_due, int64_t current, int64_t d1_30, int64_t d31_60,
	 int64_t d61_90, int64_t d91_plus)
{
	ck_assert_int_eq(a->balance, balance);
	ck_assert_int_eq(a->arrears, arrears);
	ck_assert_int_eq(a->days_past_due, days_past_due);
	ck_assert_int_eq(a->current, current);
	ck_assert_int_eq(a->d1_30, d1_30);
	ck_assert_int_eq(a->d31_60, d31_60);
	ck_assert_int_eq(a->d61_90, d61_90);
	ck_assert_int_eq(a->d91_plus, d91_plus);
}

/* Six monthly charges of 100.00 and 150.00 paid: 450.00 owed, the newest
 * four and a half charges unpaid. */
START_TEST(aging_example)
{
	struct ledger_ager g;
	struct aging a;

	ledger_age_begin(&g, 45000, day_of("2026-03-15"), 20);
	/* due 03-21: not yet */
	ck_assert_int_eq(ledger_age_add(&g, day_of("2026-03-01"), 10000), 1);
	/* due 02-21: 22 days */
	ck_assert_int_eq(ledger_age_add(&g, day_of("2026-02-01"), 10000), 1);
	/* due 01-21: 53 days */
	ck_assert_int_eq(ledger_age_add(&g, day_of("2026-01-01"), 10000), 1);
	/* due 12-21: 84 days */
	ck_assert_int_eq(ledger_age_add(&g, day_of("2025-12-01"), 10000), 1);
	/* due 11-21: 114 days, and only half of it is unpaid */
	ck_assert_int_eq(ledger_age_add(&g, day_of("2025-11-01"), 10000), 0);
	/* the oldest charge is paid: not needed, and taken no notice of */
	ck_assert_int_eq(ledger_age_add(&g, day_of("2025-10-01"), 10000), 0);
	ledger_age_end(&g, &a);
	aging_is(&a, 45000, 35000, 114, 10000, 10000, 10000, 10000, 5000);
}
END_TEST

START_TEST(aging_credit_balance)
{
	struct ledger_ager g;
	struct aging a;

	ledger_age_begin(&g, -2500, day_of("2026-03-15"), 20);
	ck_assert_int_eq(ledger_age_add(&g, day_of("2025-01-01"), 10000), 0);
	ledger_age_end(&g, &a);
	aging_is(&a, -2500, 0, 0, -2500, 0, 0, 0, 0);

	ledger_age_begin(&g, 0, day_of("2026-03-15"), 20);
	ck_assert_int_eq(ledger_age_add(&g, day_of("2025-01-01"), 10000), 0);
	ledger_age_end(&g, &a);
	aging_is(&a, 0, 0, 0, 0, 0, 0, 0, 0);
}
END_TEST

/* Where each bucket starts and ends, for a debit of 1.00 due 20 days after
 * it was posted. */
START_TEST(aging_boundaries)
{
	static const struct {
		int days_after_posting;
		int bucket;	/* 0 current, 1 1-30, ... 4 91+ */
	} cases[] = {
		{ 0, 0 }, { 19, 0 }, { 20, 0 }, { 21, 1 }, { 50, 1 },
		{ 51, 2 }, { 80, 2 }, { 81, 3 }, { 110, 3 }, { 111, 4 },
		{ 4000, 4 }
	};
	struct ledger_ager g;
	struct aging a;
	int64_t buckets[5];
	int posted = day_of("2025-06-30"), past;
	size_t i;
	int b;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ledger_age_begin(&g, 100, posted + cases[i].days_after_posting,
				 20);
		ck_assert_int_eq(ledger_age_add(&g, posted, 100), 0);
		ledger_age_end(&g, &a);
		buckets[0] = a.current;
		buckets[1] = a.d1_30;
		buckets[2] = a.d31_60;
		buckets[3] = a.d61_90;
		buckets[4] = a.d91_plus;
		for (b = 0; b < 5; b++)
			ck_assert_msg(buckets[b] == (b == cases[i].bucket
						     ? 100 : 0),
				      "%d days: bucket %d holds %" PRId64,
				      cases[i].days_after_posting, b,
				      buckets[b]);
		past = cases[i].days_after_posting - 20;
		ck_assert_int_eq(a.arrears, past > 0 ? 100 : 0);
		ck_assert_int_eq(a.days_past_due, past > 0 ? past : 0);
	}
}
END_TEST

START_TEST(aging_due_days_zero)
{
	struct ledger_ager g;
	struct aging a;
	int asof = day_of("2026-03-15");

	ledger_age_begin(&g, 300, asof, 0);
	ck_assert_int_eq(ledger_age_add(&g, asof, 100), 1);
	ck_assert_int_eq(ledger_age_add(&g, asof - 1, 100), 1);
	ck_assert_int_eq(ledger_age_add(&g, asof - 31, 100), 0);
	ledger_age_end(&g, &a);
	aging_is(&a, 300, 200, 31, 100, 100, 100, 0, 0);
}
END_TEST

START_TEST(aging_credits_ignored)
{
	struct ledger_ager g;
	struct aging a;
	int asof = day_of("2026-03-15");

	ledger_age_begin(&g, 5000, asof, 20);
	/* long past due, so that counting them would show in the days */
	ck_assert_int_eq(ledger_age_add(&g, asof - 300, -3000), 1);
	ck_assert_int_eq(ledger_age_add(&g, asof - 200, 0), 1);
	ck_assert_int_eq(g.left, 5000);
	ck_assert_int_eq(ledger_age_add(&g, asof - 40, 6000), 0);
	ledger_age_end(&g, &a);
	aging_is(&a, 5000, 5000, 20, 0, 5000, 0, 0, 0);
}
END_TEST

/* Bad data: debits that do not explain the balance.  The rest is put in
 * current, so the buckets still add up. */
START_TEST(aging_unexplained)
{
	struct ledger_ager g;
	struct aging a;
	int asof = day_of("2026-03-15");

	ledger_age_begin(&g, 10000, asof, 20);
	ck_assert_int_eq(ledger_age_add(&g, asof - 100, 6000), 1);
	ledger_age_end(&g, &a);
	aging_is(&a, 10000, 6000, 80, 4000, 0, 0, 6000, 0);

	ledger_age_begin(&g, 10000, asof, 20);
	ledger_age_end(&g, &a);
	aging_is(&a, 10000, 0, 0, 10000, 0, 0, 0, 0);
}
END_TEST

#define MAX_ENTRIES 40

struct entry {
	int posted_on;
	int64_t amount;
};

/* The buckets, counted here with their own bounds table. */
static void
bucket_pieces(const struct entry *e, const int64_t *unpaid, int n, int asof,
	      int due_days, struct aging *want)
{
	static const int upper[] = { 0, 30, 60, 90, INT32_MAX };
	int64_t *bucket[5];
	int i, b, past;

	bucket[0] = &want->current;
	bucket[1] = &want->d1_30;
	bucket[2] = &want->d31_60;
	bucket[3] = &want->d61_90;
	bucket[4] = &want->d91_plus;
	for (i = 0; i < n; i++) {
		if (unpaid[i] == 0)
			continue;
		past = asof - (e[i].posted_on + due_days);
		for (b = 0; past > upper[b]; b++)
			;
		*bucket[b] += unpaid[i];
		if (past > 0) {
			want->arrears += unpaid[i];
			if (past > want->days_past_due)
				want->days_past_due = past;
		}
	}
}

static int
same_aging(const struct aging *x, const struct aging *y)
{
	return x->balance == y->balance && x->arrears == y->arrears &&
	    x->days_past_due == y->days_past_due &&
	    x->current == y->current && x->d1_30 == y->d1_30 &&
	    x->d31_60 == y->d31_60 && x->d61_90 == y->d61_90 &&
	    x->d91_plus == y->d91_plus;
}

/* Random ledgers: the ager fed newest first against a brute-force FIFO that
 * lets the credits pay the oldest debits first. */
START_TEST(aging_against_fifo)
{
	struct entry e[MAX_ENTRIES];
	int64_t taken[MAX_ENTRIES], unpaid[MAX_ENTRIES];
	int64_t balance, credits, pay, before, sum;
	struct ledger_ager g;
	struct aging a, want;
	int ledger, n, i, day, asof, due_days, more, feed_credits;
	int owing = 0, in_arrears = 0, in_credit = 0;

	rng_seed(0x2545f4914f6cdd1d);
	for (ledger = 0; ledger < 20000; ledger++) {
		day = (int) rng_range(-30000, 30000);
		n = (int) rng_range(1, MAX_ENTRIES);
		for (i = 0; i < n; i++) {
			/* several entries on one day happen often */
			if (rng_next() % 3)
				day += (int) rng_range(0, 45);
			e[i].posted_on = day;
			if (rng_next() % 5 < 3)
				e[i].amount = rng_range(1, 50000);
			else
				e[i].amount = -rng_range(1, 60000);
		}
		/* The caller leaves out entries after the business date. */
		asof = (int) rng_range(e[0].posted_on, day + 200);
		while (n > 0 && e[n - 1].posted_on > asof)
			n--;
		due_days = (int) rng_range(0, 45);
		feed_credits = ledger % 2;

		balance = 0;
		for (i = 0; i < n; i++)
			ck_assert_int_eq(money_add(balance, e[i].amount,
						   &balance), 0);

		memset(taken, 0, sizeof taken);
		ledger_age_begin(&g, balance, asof, due_days);
		more = balance > 0;
		for (i = n - 1; i >= 0 && more; i--) {
			if (e[i].amount <= 0 && !feed_credits)
				continue;
			before = g.left;
			more = ledger_age_add(&g, e[i].posted_on, e[i].amount);
			if (e[i].amount > 0)
				taken[i] = before - g.left;
			else if (g.left != before)
				ck_abort_msg("a credit changed what is left");
		}
		if (balance > 0 && g.left != 0)
			ck_abort_msg("ledger %d: debits left %" PRId64
				     " unexplained", ledger, g.left);
		ledger_age_end(&g, &a);

		/* Brute force: credits pay the oldest debits first. */
		credits = 0;
		for (i = 0; i < n; i++)
			if (e[i].amount < 0)
				credits -= e[i].amount;
		for (i = 0; i < n; i++) {
			unpaid[i] = 0;
			if (e[i].amount <= 0)
				continue;
			pay = e[i].amount < credits ? e[i].amount : credits;
			credits -= pay;
			unpaid[i] = e[i].amount - pay;
		}

		memset(&want, 0, sizeof want);
		want.balance = balance;
		if (balance > 0) {
			for (i = 0; i < n; i++)
				if (taken[i] != unpaid[i])
					ck_abort_msg("ledger %d entry %d: aged "
						     "%" PRId64 ", FIFO leaves "
						     "%" PRId64, ledger, i,
						     taken[i], unpaid[i]);
			bucket_pieces(e, unpaid, n, asof, due_days, &want);
		} else {
			want.current = balance;
		}
		if (!same_aging(&a, &want))
			ck_abort_msg("ledger %d: aging differs from FIFO",
				     ledger);

		/* The properties, stated on their own. */
		sum = a.current + a.d1_30 + a.d31_60 + a.d61_90 + a.d91_plus;
		if (sum != balance)
			ck_abort_msg("ledger %d: buckets add to %" PRId64
				     ", balance %" PRId64, ledger, sum,
				     balance);
		if (a.arrears < 0 || a.arrears > (balance > 0 ? balance : 0))
			ck_abort_msg("ledger %d: arrears %" PRId64, ledger,
				     a.arrears);
		if (a.arrears != a.d1_30 + a.d31_60 + a.d61_90 + a.d91_plus)
			ck_abort_msg("ledger %d: arrears are not the past-due "
				     "buckets", ledger);
		if ((a.days_past_due > 0) != (a.arrears > 0))
			ck_abort_msg("ledger %d: %d days past due, arrears %"
				     PRId64, ledger, a.days_past_due,
				     a.arrears);
		owing += balance > 0;
		in_arrears += a.arrears > 0;
		in_credit += balance < 0;
	}
	/* the generator must reach every kind of account */
	ck_assert_int_gt(owing, 1000);
	ck_assert_int_gt(in_arrears, 1000);
	ck_assert_int_gt(in_credit, 1000);
}
END_TEST

static Suite *
ledger_suite(void)
{
	Suite *s = suite_create("ledger");
	TCase *tc = tcase_create("rules");
	TCase *aging = tcase_create("aging");

	tcase_add_test(tc, kinds);
	tcase_add_test(tc, signed_amounts);
	suite_add_tcase(s, tc);

	tcase_add_test(aging, aging_example);
	tcase_add_test(aging, aging_credit_balance);
	tcase_add_test(aging, aging_boundaries);
	tcase_add_test(aging, aging_due_days_zero);
	tcase_add_test(aging, aging_credits_ignored);
	tcase_add_test(aging, aging_unexplained);
	tcase_add_test(aging, aging_against_fifo);
	tcase_set_timeout(aging, 60);
	suite_add_tcase(s, aging);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(ledger_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
