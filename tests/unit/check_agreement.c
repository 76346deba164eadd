/* Check suite for common/agreement.c: the down payment as written, the
 * average monthly bill, the cap on the down payment the office may ask, the
 * policy checks with every reason, and agreement_evaluate worked by hand
 * and as properties over thousands of random schedules and payments. */
#include <config.h>

#include <check.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agreement.h"
#include "date.h"

static const struct agreement_policy defaults = { 50, 3, 24, 10 };

/* agreement_down_parse: 0 and the cents, or -1 and why. */
static int64_t
down(const char *s, int64_t amount)
{
	char why[128];
	int64_t cents = -777;

	ck_assert_msg(agreement_down_parse(s, amount, &cents, why, sizeof why)
		      == 0, "'%s' of %lld refused: %s", s, (long long) amount,
		      why);
	return cents;
}

static void
down_bad(const char *s, int64_t amount, const char *want)
{
	char why[128] = "";
	int64_t cents = 0;

	ck_assert_msg(agreement_down_parse(s, amount, &cents, why, sizeof why)
		      == -1, "'%s' accepted as %lld", s, (long long) cents);
	if (want)
		ck_assert_str_eq(why, want);
	else
		ck_assert_msg(why[0] != '\0', "'%s': no reason given", s);
}

START_TEST(down_amounts)
{
	ck_assert_int_eq(down("150.00", 30000), 15000);
	ck_assert_int_eq(down("150", 30000), 15000);
	ck_assert_int_eq(down("0.5", 30000), 50);
	ck_assert_int_eq(down("0", 30000), 0);
	ck_assert_int_eq(down("0.00", 30000), 0);
	/* an amount is taken as written, whatever it covers: the schedule
	 * and the policy check say whether it is too much */
	ck_assert_int_eq(down("500.00", 30000), 50000);
}
END_TEST

START_TEST(down_shares)
{
	ck_assert_int_eq(down("25%", 30000), 7500);
	ck_assert_int_eq(down("50%", 30000), 15000);
	ck_assert_int_eq(down("100%", 30000), 30000);
	ck_assert_int_eq(down("0%", 30000), 0);
	ck_assert_int_eq(down("12.5%", 30000), 3750);
	ck_assert_int_eq(down("12.50%", 30000), 3750);
	ck_assert_int_eq(down("0.01%", 1000000), 100);
	/* rounded down to the cent, never up */
	ck_assert_int_eq(down("33.33%", 15000), 4999);	/* 49.995 */
	ck_assert_int_eq(down("33%", 101), 33);	/* 33.33 cents */
	ck_assert_int_eq(down("66.67%", 100), 66);	/* 66.67 cents */
	ck_assert_int_eq(down("99.99%", 1), 0);
	ck_assert_int_eq(down("50%", 1), 0);
	ck_assert_int_eq(down("50%", 3), 1);
	/* large amounts do not overflow */
	ck_assert_int_eq(down("99.99%", INT64_C(100000000000000)),
			 INT64_C(99990000000000));
}
END_TEST

START_TEST(down_bad_values)
{
	down_bad("", 30000, NULL);
	down_bad("abc", 30000, "not a number");
	down_bad("1.234", 30000, "more than two decimals");
	down_bad("$150", 30000, "currency signs are not allowed");
	down_bad("1,500.00", 30000, NULL);
	down_bad("%", 30000, NULL);
	down_bad("abc%", 30000, "not a number");
	down_bad("12.345%", 30000, "more than two decimals");
	down_bad("101%", 30000, "not a share from 0% to 100%");
	down_bad("100.01%", 30000, "not a share from 0% to 100%");
	down_bad("-5%", 30000, "not a share from 0% to 100%");
	down_bad("25%%", 30000, NULL);
	down_bad("25 %", 30000, NULL);
	/* a down payment is paid by the customer: never below zero, written
	 * as an amount or as a share alike */
	down_bad("-5.00", 30000, NULL);
	down_bad("-0.01", 30000, NULL);
}
END_TEST

START_TEST(average_bill)
{
	ck_assert_int_eq(agreement_average_bill(40000, 4), 10000);
	ck_assert_int_eq(agreement_average_bill(20000, 1), 20000);
	/* half up: 500.5 cents -> 501, 500.25 -> 500, 33.33 -> 33, 33.67 -> 34 */
	ck_assert_int_eq(agreement_average_bill(1001, 2), 501);
	ck_assert_int_eq(agreement_average_bill(999, 2), 500);
	ck_assert_int_eq(agreement_average_bill(2001, 4), 500);
	ck_assert_int_eq(agreement_average_bill(2002, 4), 501);
	ck_assert_int_eq(agreement_average_bill(100, 3), 33);
	ck_assert_int_eq(agreement_average_bill(101, 3), 34);
	ck_assert_int_eq(agreement_average_bill(1, 2), 1);
	ck_assert_int_eq(agreement_average_bill(1, 3), 0);
	ck_assert_int_eq(agreement_average_bill(12345, 12), 1029);	/* 1028.75 */
	/* no month with charges: the charges over one month, never a division
	 * by zero */
	ck_assert_int_eq(agreement_average_bill(0, 0), 0);
	ck_assert_int_eq(agreement_average_bill(5000, 0), 5000);
	ck_assert_int_eq(agreement_average_bill(5000, -1), 5000);
	/* no charges (or only credits): no average bill */
	ck_assert_int_eq(agreement_average_bill(0, 3), 0);
	ck_assert_int_eq(agreement_average_bill(-3000, 3), 0);
}
END_TEST

START_TEST(down_cap)
{
	struct agreement_policy p = defaults;

	/* 50% of 300.00 = 150.00; 3 bills of 100.00 = 300.00: the share wins */
	ck_assert_int_eq(agreement_down_cap(&p, 30000, 10000), 15000);
	/* 50% of 1500.00 = 750.00; 3 bills of 100.00 = 300.00: the bills win */
	ck_assert_int_eq(agreement_down_cap(&p, 150000, 10000), 30000);
	/* equal */
	ck_assert_int_eq(agreement_down_cap(&p, 60000, 10000), 30000);
	/* the share is rounded down to the cent */
	ck_assert_int_eq(agreement_down_cap(&p, 30001, 100000), 15000);
	ck_assert_int_eq(agreement_down_cap(&p, 1, 100000), 0);
	/* no average bill: nothing may be asked */
	ck_assert_int_eq(agreement_down_cap(&p, 30000, 0), 0);
	/* no arrears: nothing may be asked */
	ck_assert_int_eq(agreement_down_cap(&p, 0, 10000), 0);
	ck_assert_int_eq(agreement_down_cap(&p, -5000, 10000), 0);
	/* other policy */
	p.down_max_pct = 20;
	p.down_max_months = 1;
	ck_assert_int_eq(agreement_down_cap(&p, 30000, 10000), 6000);
	ck_assert_int_eq(agreement_down_cap(&p, 30000, 5000), 5000);
	p.down_max_pct = 0;
	ck_assert_int_eq(agreement_down_cap(&p, 30000, 10000), 0);
	p.down_max_pct = 100;
	p.down_max_months = 0;
	ck_assert_int_eq(agreement_down_cap(&p, 30000, 10000), 0);
	p.down_max_months = 12;
	ck_assert_int_eq(agreement_down_cap(&p, 30000, 10000), 30000);
}
END_TEST

#define TOO_MANY "25 installments are more than plan.max_installments (24)"
#define TOO_MUCH "a down payment of 150.01 is more than the office may ask " \
	"(150.00: the lower of plan.down_max_pct of the arrears and " \
	"plan.down_max_months average bills); --offered if the customer " \
	"offers it"
#define IN_FORCE "agreement P2026-000001 is in force already"

START_TEST(check_reasons)
{
	char why[1024];

	/* within every rule: at the limits */
	strcpy(why, "stale");
	ck_assert_int_eq(agreement_check(&defaults, 24, 15000, 15000, 0, NULL,
					 why, sizeof why), 0);
	ck_assert_str_eq(why, "");
	ck_assert_int_eq(agreement_check(&defaults, 1, 0, 0, 0, "", why,
					 sizeof why), 0);
	ck_assert_str_eq(why, "");

	ck_assert_int_eq(agreement_check(&defaults, 25, 0, 15000, 0, NULL, why,
					 sizeof why), -1);
	ck_assert_str_eq(why, TOO_MANY);

	ck_assert_int_eq(agreement_check(&defaults, 3, 15001, 15000, 0, NULL,
					 why, sizeof why), -1);
	ck_assert_str_eq(why, TOO_MUCH);
	/* offered by the customer: allowed */
	ck_assert_int_eq(agreement_check(&defaults, 3, 15001, 15000, 1, NULL,
					 why, sizeof why), 0);
	ck_assert_str_eq(why, "");
	/* offered changes nothing for a down payment within the cap */
	ck_assert_int_eq(agreement_check(&defaults, 3, 100, 15000, 1, NULL,
					 why, sizeof why), 0);
	/* a cap of zero: any down payment is too much unless offered */
	ck_assert_int_eq(agreement_check(&defaults, 3, 1, 0, 0, NULL, why,
					 sizeof why), -1);
	ck_assert_str_eq(why, "a down payment of 0.01 is more than the office "
			 "may ask (0.00: the lower of plan.down_max_pct of the "
			 "arrears and plan.down_max_months average bills); "
			 "--offered if the customer offers it");

	ck_assert_int_eq(agreement_check(&defaults, 3, 0, 15000, 0,
					 "P2026-000001", why, sizeof why), -1);
	ck_assert_str_eq(why, IN_FORCE);
	/* offered does not lift the other rules */
	ck_assert_int_eq(agreement_check(&defaults, 25, 0, 15000, 1, NULL, why,
					 sizeof why), -1);
	ck_assert_str_eq(why, TOO_MANY);
}
END_TEST

START_TEST(check_all_reasons)
{
	struct agreement_policy p = defaults;
	char why[1024];

	ck_assert_int_eq(agreement_check(&p, 25, 15001, 15000, 0,
					 "P2026-000001", why, sizeof why), -1);
	ck_assert_str_eq(why, TOO_MANY "; " TOO_MUCH "; " IN_FORCE);
	ck_assert_int_eq(agreement_check(&p, 25, 15001, 15000, 1,
					 "P2026-000001", why, sizeof why), -1);
	ck_assert_str_eq(why, TOO_MANY "; " IN_FORCE);
	ck_assert_int_eq(agreement_check(&p, 3, 15001, 15000, 0,
					 "P2026-000001", why, sizeof why), -1);
	ck_assert_str_eq(why, TOO_MUCH "; " IN_FORCE);
	p.max_installments = 12;
	ck_assert_int_eq(agreement_check(&p, 13, 15001, 15000, 0, NULL, why,
					 sizeof why), -1);
	ck_assert_str_eq(why, "13 installments are more than "
			 "plan.max_installments (12); " TOO_MUCH);
}
END_TEST

START_TEST(status_names)
{
	enum agreement_status st;

	ck_assert_str_eq(agreement_status_name(AGREEMENT_IN_FORCE), "in-force");
	ck_assert_str_eq(agreement_status_name(AGREEMENT_KEPT), "kept");
	ck_assert_str_eq(agreement_status_name(AGREEMENT_BROKEN), "broken");
	ck_assert_str_eq(agreement_status_name(AGREEMENT_CANCELLED),
			 "cancelled");
	ck_assert_int_eq(agreement_status_parse("broken", &st), 0);
	ck_assert_int_eq(st, AGREEMENT_BROKEN);
	ck_assert_int_eq(agreement_status_parse("in-force", &st), 0);
	ck_assert_int_eq(st, AGREEMENT_IN_FORCE);
	ck_assert_int_eq(agreement_status_parse("Kept", &st), -1);
	ck_assert_int_eq(agreement_status_parse("", &st), -1);
	ck_assert_str_eq(installment_status_name(INSTALLMENT_DUE), "due");
	ck_assert_str_eq(installment_status_name(INSTALLMENT_MET), "met");
	ck_assert_str_eq(installment_status_name(INSTALLMENT_MISSED),
			 "missed");
}
END_TEST

static int
day(const char *s)
{
	char why[64];
	int d = DATE_NONE;

	ck_assert_msg(date_parse(s, &d, why, sizeof why) == 0, "%s: %s", s,
		      why);
	return d;
}

/* The agreement of the shell tests: 60.00 down on 2026-11-27, then three
 * of 80.00 monthly. */
static size_t
schedule(struct installment *t)
{
	static const char *const due[] = { "2026-11-27", "2026-12-27",
		"2027-01-27", "2027-02-27" };
	size_t i;

	for (i = 0; i < 4; i++) {
		t[i].seq = (int) i;
		t[i].due_on = day(due[i]);
		t[i].amount = i == 0 ? 6000 : 8000;
		t[i].paid = -1;
		t[i].status = INSTALLMENT_MISSED;	/* overwritten */
	}
	return 4;
}

/* Installment i of t was paid paid and has status st. */
static void
inst_is(const struct installment *t, int i, int64_t paid,
	enum installment_status st)
{
	ck_assert_msg(t[i].paid == paid && t[i].status == st,
		      "installment %d: paid %lld, %s; wanted %lld, %s", i,
		      (long long) t[i].paid, installment_status_name(t[i].status),
		      (long long) paid, installment_status_name(st));
}

START_TEST(evaluate_by_hand)
{
	struct installment t[4];
	size_t n = schedule(t);

	/* the agreement date, nothing paid: all due */
	ck_assert_int_eq(agreement_evaluate(t, n, 0, day("2026-11-27"), 10),
			 AGREEMENT_IN_FORCE);
	inst_is(t, 0, 0, INSTALLMENT_DUE);
	inst_is(t, 1, 0, INSTALLMENT_DUE);
	inst_is(t, 3, 0, INSTALLMENT_DUE);

	/* a partial down payment */
	ck_assert_int_eq(agreement_evaluate(t, n, 2500, day("2026-11-30"), 10),
			 AGREEMENT_IN_FORCE);
	inst_is(t, 0, 2500, INSTALLMENT_DUE);
	inst_is(t, 1, 0, INSTALLMENT_DUE);

	/* the down payment paid, then part of the first installment */
	ck_assert_int_eq(agreement_evaluate(t, n, 9000, day("2026-12-27"), 10),
			 AGREEMENT_IN_FORCE);
	inst_is(t, 0, 6000, INSTALLMENT_MET);
	inst_is(t, 1, 3000, INSTALLMENT_DUE);
	inst_is(t, 2, 0, INSTALLMENT_DUE);
	inst_is(t, 3, 0, INSTALLMENT_DUE);

	/* the grace boundary: due 2026-12-27, grace 10: still due on
	 * 2027-01-06, missed on 2027-01-07 */
	ck_assert_int_eq(agreement_evaluate(t, n, 9000, day("2027-01-06"), 10),
			 AGREEMENT_IN_FORCE);
	inst_is(t, 1, 3000, INSTALLMENT_DUE);
	ck_assert_int_eq(agreement_evaluate(t, n, 9000, day("2027-01-07"), 10),
			 AGREEMENT_BROKEN);
	inst_is(t, 0, 6000, INSTALLMENT_MET);
	inst_is(t, 1, 3000, INSTALLMENT_MISSED);
	inst_is(t, 2, 0, INSTALLMENT_DUE);
	inst_is(t, 3, 0, INSTALLMENT_DUE);
	/* grace 0: missed the day after its due date */
	ck_assert_int_eq(agreement_evaluate(t, n, 9000, day("2026-12-27"), 0),
			 AGREEMENT_IN_FORCE);
	ck_assert_int_eq(agreement_evaluate(t, n, 9000, day("2026-12-28"), 0),
			 AGREEMENT_BROKEN);
	inst_is(t, 1, 3000, INSTALLMENT_MISSED);

	/* the down payment itself unpaid past its grace */
	ck_assert_int_eq(agreement_evaluate(t, n, 0, day("2026-12-07"), 10),
			 AGREEMENT_IN_FORCE);
	ck_assert_int_eq(agreement_evaluate(t, n, 0, day("2026-12-08"), 10),
			 AGREEMENT_BROKEN);
	inst_is(t, 0, 0, INSTALLMENT_MISSED);
	inst_is(t, 1, 0, INSTALLMENT_DUE);

	/* paid late but paid: met, whatever the date */
	ck_assert_int_eq(agreement_evaluate(t, n, 14000, day("2027-01-20"), 10),
			 AGREEMENT_IN_FORCE);
	inst_is(t, 0, 6000, INSTALLMENT_MET);
	inst_is(t, 1, 8000, INSTALLMENT_MET);
	inst_is(t, 2, 0, INSTALLMENT_DUE);

	/* one cent short of the last: in force, then broken */
	ck_assert_int_eq(agreement_evaluate(t, n, 29999, day("2027-03-09"), 10),
			 AGREEMENT_IN_FORCE);
	inst_is(t, 3, 7999, INSTALLMENT_DUE);
	ck_assert_int_eq(agreement_evaluate(t, n, 29999, day("2027-03-10"), 10),
			 AGREEMENT_BROKEN);
	inst_is(t, 2, 8000, INSTALLMENT_MET);
	inst_is(t, 3, 7999, INSTALLMENT_MISSED);

	/* everything paid, early: kept */
	ck_assert_int_eq(agreement_evaluate(t, n, 30000, day("2026-12-01"), 10),
			 AGREEMENT_KEPT);
	inst_is(t, 0, 6000, INSTALLMENT_MET);
	inst_is(t, 1, 8000, INSTALLMENT_MET);
	inst_is(t, 2, 8000, INSTALLMENT_MET);
	inst_is(t, 3, 8000, INSTALLMENT_MET);

	/* overpaid: each installment gets its amount, no more; kept */
	ck_assert_int_eq(agreement_evaluate(t, n, 100000, day("2026-12-01"),
					    10), AGREEMENT_KEPT);
	inst_is(t, 0, 6000, INSTALLMENT_MET);
	inst_is(t, 3, 8000, INSTALLMENT_MET);

	/* kept even long after the last due date */
	ck_assert_int_eq(agreement_evaluate(t, n, 30000, day("2028-01-01"), 10),
			 AGREEMENT_KEPT);

	/* a net negative payment (a returned check): nothing paid */
	ck_assert_int_eq(agreement_evaluate(t, n, -5000, day("2026-11-28"), 10),
			 AGREEMENT_IN_FORCE);
	inst_is(t, 0, 0, INSTALLMENT_DUE);
	inst_is(t, 3, 0, INSTALLMENT_DUE);

	/* the same inputs, the same answer (a nightly run may repeat) */
	ck_assert_int_eq(agreement_evaluate(t, n, 9000, day("2027-01-07"), 10),
			 AGREEMENT_BROKEN);
	ck_assert_int_eq(agreement_evaluate(t, n, 9000, day("2027-01-07"), 10),
			 AGREEMENT_BROKEN);
	inst_is(t, 1, 3000, INSTALLMENT_MISSED);
}
END_TEST

START_TEST(evaluate_no_down_payment)
{
	struct installment t[2] = {
		{ 1, 0, 5000, 0, INSTALLMENT_DUE },
		{ 2, 0, 5001, 0, INSTALLMENT_DUE },
	};

	t[0].due_on = day("2027-01-31");
	t[1].due_on = day("2027-02-28");
	/* a second installment missed while the first is met */
	ck_assert_int_eq(agreement_evaluate(t, 2, 5000, day("2027-03-11"), 10),
			 AGREEMENT_BROKEN);
	inst_is(t, 0, 5000, INSTALLMENT_MET);
	inst_is(t, 1, 0, INSTALLMENT_MISSED);
	ck_assert_int_eq(agreement_evaluate(t, 2, 10001, day("2027-03-11"),
					    10), AGREEMENT_KEPT);
	inst_is(t, 1, 5001, INSTALLMENT_MET);
	/* both missed */
	ck_assert_int_eq(agreement_evaluate(t, 2, 0, day("2027-04-01"), 10),
			 AGREEMENT_BROKEN);
	inst_is(t, 0, 0, INSTALLMENT_MISSED);
	inst_is(t, 1, 0, INSTALLMENT_MISSED);
}
END_TEST

/* A small PRNG of our own (xorshift64*), fixed seed: the same numbers on
 * every platform and every run. */
static uint64_t rng_state = UINT64_C(0x9e3779b97f4a7c15);

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

/* 0 .. n - 1 */
static int64_t
below(int64_t n)
{
	return (int64_t) (rng() % (uint64_t) n);
}

/* ck_assert marks every point it passes, which is slow over millions of
 * checks: the property test asserts only on a failure. */
static void
must(int ok, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (ok)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ck_abort_msg("%s", msg);
}

#define TRIALS 20000
#define MAXN 61

START_TEST(evaluate_properties)
{
	struct installment t[MAXN], again[MAXN];
	int trial, kept = 0, broken = 0, in_force = 0;
	int base = day("2026-01-01");

	for (trial = 0; trial < TRIALS; trial++) {
		int n = 1 + (int) below(MAXN - 1), grace = (int) below(31);
		int start = base + (int) below(3000);
		int asof, i, prefix = 1, all_met = 1, some_missed = 0;
		int64_t total = 0, paid, applied, sum = 0;
		enum agreement_status st;

		for (i = 0; i < n; i++) {
			t[i].seq = i;
			t[i].due_on = start + 30 * i + (int) below(5);
			/* mostly small amounts, sometimes large ones */
			t[i].amount = 1 + below(below(4) ? 20000 : 100000000);
			t[i].paid = below(1000);	/* stale */
			t[i].status = (enum installment_status) below(3);
			total += t[i].amount;
		}
		switch (below(5)) {
		case 0:
			paid = 0;
			break;
		case 1:
			paid = total + below(100000);	/* in full or more */
			break;
		case 2:
			paid = -below(50000);	/* net of a returned check */
			break;
		default:
			paid = below(total + 1);
		}
		asof = start - 5 + (int) below(30 * n + 60);
		st = agreement_evaluate(t, (size_t) n, paid, asof, grace);

		for (i = 0; i < n; i++) {
			int met = t[i].status == INSTALLMENT_MET;

			must(t[i].paid >= 0 && t[i].paid <= t[i].amount,
			     "trial %d: installment %d paid %lld of %lld",
			     trial, i, (long long) t[i].paid,
			     (long long) t[i].amount);
			sum += t[i].paid;
			/* met exactly when paid in full */
			must(met == (t[i].paid == t[i].amount), "trial %d: "
			     "installment %d met %d, paid %lld of %lld", trial,
			     i, met, (long long) t[i].paid,
			     (long long) t[i].amount);
			/* the met installments are a prefix, in order */
			must(!met || prefix, "trial %d: installment %d met "
			     "after one that is not", trial, i);
			/* missed exactly when unpaid past due + grace */
			must(met || (t[i].status == INSTALLMENT_MISSED)
			     == (asof > t[i].due_on + grace), "trial %d: "
			     "installment %d is %s, due %d, grace %d, as of %d",
			     trial, i, installment_status_name(t[i].status),
			     t[i].due_on, grace, asof);
			if (!met)
				prefix = 0;
			all_met &= met;
			some_missed |= t[i].status == INSTALLMENT_MISSED;
		}
		/* what is applied never exceeds what was paid nor the total,
		 * and is all of it while there is something left to pay */
		applied = paid <= 0 ? 0 : paid < total ? paid : total;
		must(sum <= total, "trial %d: applied %lld of a total of %lld",
		     trial, (long long) sum, (long long) total);
		must(sum == applied, "trial %d: applied %lld, paid %lld, total "
		     "%lld", trial, (long long) sum, (long long) paid,
		     (long long) total);
		/* kept iff all met; broken iff some missed */
		must((st == AGREEMENT_KEPT) == all_met, "trial %d: %s, all met "
		     "%d", trial, agreement_status_name(st), all_met);
		must((st == AGREEMENT_BROKEN) == some_missed, "trial %d: %s, "
		     "some missed %d", trial, agreement_status_name(st),
		     some_missed);
		must(st != AGREEMENT_CANCELLED, "trial %d: cancelled", trial);
		/* the same inputs, the same answer, whatever was stored */
		memcpy(again, t, sizeof t);
		for (i = 0; i < n; i++) {
			again[i].paid = below(1000);
			again[i].status = (enum installment_status) below(3);
		}
		must(agreement_evaluate(again, (size_t) n, paid, asof, grace)
		     == st, "trial %d: another answer the second time", trial);
		for (i = 0; i < n; i++)
			must(again[i].paid == t[i].paid
			     && again[i].status == t[i].status, "trial %d: "
			     "installment %d differs the second time", trial,
			     i);
		kept += st == AGREEMENT_KEPT;
		broken += st == AGREEMENT_BROKEN;
		in_force += st == AGREEMENT_IN_FORCE;
	}
	/* the random cases reached every outcome, many times */
	ck_assert_int_gt(kept, TRIALS / 20);
	ck_assert_int_gt(broken, TRIALS / 20);
	ck_assert_int_gt(in_force, TRIALS / 20);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("agreement");
	TCase *tc = tcase_create("agreement");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, down_amounts);
	tcase_add_test(tc, down_shares);
	tcase_add_test(tc, down_bad_values);
	tcase_add_test(tc, average_bill);
	tcase_add_test(tc, down_cap);
	tcase_add_test(tc, check_reasons);
	tcase_add_test(tc, check_all_reasons);
	tcase_add_test(tc, status_names);
	tcase_add_test(tc, evaluate_by_hand);
	tcase_add_test(tc, evaluate_no_down_payment);
	tcase_add_test(tc, evaluate_properties);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
