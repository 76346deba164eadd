#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "report.h"

static int
day(const char *s)
{
	char why[128];
	int d;

	ck_assert_int_eq(date_parse(s, &d, why, sizeof why), 0);
	return d;
}

static const char *
period(const char *s, enum report_by by)
{
	static char buf[16];

	return report_period(day(s), by, buf, sizeof buf);
}

START_TEST(by_words)
{
	enum report_by by = REPORT_BY_NONE;

	ck_assert_int_eq(report_by_parse("day", &by), 0);
	ck_assert_int_eq(by, REPORT_BY_DAY);
	ck_assert_int_eq(report_by_parse("week", &by), 0);
	ck_assert_int_eq(by, REPORT_BY_WEEK);
	ck_assert_int_eq(report_by_parse("month", &by), 0);
	ck_assert_int_eq(by, REPORT_BY_MONTH);
	ck_assert_int_eq(report_by_parse("clerk", &by), 0);
	ck_assert_int_eq(by, REPORT_BY_CLERK);
	ck_assert_int_eq(report_by_parse("none", &by), -1);
	ck_assert_int_eq(report_by_parse("Day", &by), -1);
	ck_assert_int_eq(report_by_parse("year", &by), -1);
	ck_assert_int_eq(report_by_parse("", &by), -1);
	ck_assert_int_eq(report_by_parse(NULL, &by), -1);
	ck_assert_int_eq(by, REPORT_BY_CLERK);
}
END_TEST

START_TEST(periods)
{
	ck_assert_str_eq(period("2026-11-27", REPORT_BY_DAY), "2026-11-27");
	ck_assert_str_eq(period("2026-11-27", REPORT_BY_MONTH), "2026-11");
	ck_assert_str_eq(period("2026-11-27", REPORT_BY_WEEK), "2026-W48");
	ck_assert_str_eq(period("2026-11-27", REPORT_BY_NONE), "");
	ck_assert_str_eq(period("2026-11-27", REPORT_BY_CLERK), "");
	ck_assert_str_eq(period("1969-12-31", REPORT_BY_DAY), "1969-12-31");
	ck_assert_str_eq(period("2024-02-29", REPORT_BY_MONTH), "2024-02");
}
END_TEST

/* An ISO week belongs to the year of its Thursday: a week across a year
 * end is the old year's when it starts Friday or later, the new year's
 * when the new year starts on Thursday or sooner. */
START_TEST(iso_weeks)
{
	/* 2026 starts on a Thursday: Monday 2025-12-29 is in 2026-W01 */
	ck_assert_str_eq(period("2025-12-28", REPORT_BY_WEEK), "2025-W52");
	ck_assert_str_eq(period("2025-12-29", REPORT_BY_WEEK), "2026-W01");
	ck_assert_str_eq(period("2026-01-04", REPORT_BY_WEEK), "2026-W01");
	ck_assert_str_eq(period("2026-01-05", REPORT_BY_WEEK), "2026-W02");
	/* and has 53 weeks, the last reaching into 2027 */
	ck_assert_str_eq(period("2026-12-31", REPORT_BY_WEEK), "2026-W53");
	ck_assert_str_eq(period("2027-01-03", REPORT_BY_WEEK), "2026-W53");
	ck_assert_str_eq(period("2027-01-04", REPORT_BY_WEEK), "2027-W01");
	/* 2021 starts on a Friday: its first days are 2020-W53 */
	ck_assert_str_eq(period("2021-01-01", REPORT_BY_WEEK), "2020-W53");
	ck_assert_str_eq(period("2021-01-03", REPORT_BY_WEEK), "2020-W53");
	ck_assert_str_eq(period("2021-01-04", REPORT_BY_WEEK), "2021-W01");
	/* 2025 starts on a Wednesday: 2024-12-30 is 2025-W01 */
	ck_assert_str_eq(period("2024-12-29", REPORT_BY_WEEK), "2024-W52");
	ck_assert_str_eq(period("2024-12-30", REPORT_BY_WEEK), "2025-W01");
}
END_TEST

START_TEST(week_starts)
{
	/* Monday itself, then each day of the week back to it */
	ck_assert_int_eq(report_week_start(day("2026-11-23")),
			 day("2026-11-23"));
	ck_assert_int_eq(report_week_start(day("2026-11-27")),
			 day("2026-11-23"));
	ck_assert_int_eq(report_week_start(day("2026-11-29")),
			 day("2026-11-23"));
	ck_assert_int_eq(report_week_start(day("2026-11-30")),
			 day("2026-11-30"));
	/* across a year end and before 1970 */
	ck_assert_int_eq(report_week_start(day("2027-01-03")),
			 day("2026-12-28"));
	ck_assert_int_eq(report_week_start(day("2021-01-01")),
			 day("2020-12-28"));
	ck_assert_int_eq(report_week_start(day("1969-12-31")),
			 day("1969-12-29"));
}
END_TEST

START_TEST(median_odd)
{
	int one[] = { 7 }, three[] = { 9, 1, 4 }, five[] = { 3, 3, 0, 10, 3 };

	ck_assert_int_eq(report_median_tenths(one, 1), 70);
	ck_assert_int_eq(report_median_tenths(three, 3), 40);
	ck_assert_int_eq(report_median_tenths(five, 5), 30);
	/* sorted in place */
	ck_assert_int_eq(three[0], 1);
	ck_assert_int_eq(three[2], 9);
}
END_TEST

START_TEST(median_even)
{
	int two[] = { 2, 1 }, four[] = { 10, 1, 4, 3 }, same[] = { 5, 5 };
	int zeros[] = { 0, 0 };

	ck_assert_int_eq(report_median_tenths(two, 2), 15);
	ck_assert_int_eq(report_median_tenths(four, 4), 35);
	ck_assert_int_eq(report_median_tenths(same, 2), 50);
	ck_assert_int_eq(report_median_tenths(zeros, 2), 0);
}
END_TEST

START_TEST(median_none)
{
	int unused[] = { 1 };

	ck_assert_int_eq(report_median_tenths(unused, 0), -1);
	ck_assert_int_eq(report_median_tenths(NULL, 0), -1);
}
END_TEST

/* The kinds, in the order of --help, each complete; its default grouping
 * is one it takes, or its own (REPORT_BY_NONE). */
START_TEST(kinds)
{
	static const char *const names[] = { "aging", "receipts",
		"adjustments", "cases", "orders", "plans", "activity" };
	const struct report_kind *k;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		k = &report_kinds[i];
		ck_assert_str_eq(k->name, names[i]);
		ck_assert_ptr_eq(report_find(names[i]), k);
		ck_assert_ptr_nonnull(k->summary);
		ck_assert_ptr_nonnull(k->columns);
		ck_assert_ptr_nonnull(k->run);
		ck_assert(k->by_default == REPORT_BY_NONE
			  || ((k->by_accepted >> k->by_default) & 1));
		ck_assert(!((k->by_accepted >> REPORT_BY_NONE) & 1));
	}
	ck_assert_ptr_null(report_kinds[i].name);
	ck_assert_ptr_null(report_find("Aging"));
	ck_assert_ptr_null(report_find(""));
	ck_assert_int_eq(report_find("aging")->options, REPORT_OPT_ACCOUNTS);
	ck_assert_int_eq(report_find("orders")->options, REPORT_OPT_LATE);
	ck_assert_int_eq(report_find("aging")->by_accepted, 0);
	ck_assert_int_eq(report_find("activity")->by_accepted, 0);
	ck_assert_int_eq(report_find("receipts")->by_default, REPORT_BY_DAY);
	ck_assert_int_eq(report_find("adjustments")->by_default,
			 REPORT_BY_MONTH);
}
END_TEST

/* The columns of the ledger's kinds, which acct-report(1) documents. */
START_TEST(ledger_columns)
{
	struct report_opts o;
	const char *const *c;

	memset(&o, 0, sizeof o);
	c = report_aging_columns(&o);
	ck_assert_str_eq(c[0], "bucket");
	ck_assert_str_eq(c[2], ">amount");
	o.accounts = 1;
	c = report_aging_columns(&o);
	ck_assert_str_eq(c[0], "account");
	ck_assert_str_eq(c[7], ">d91_plus");
	ck_assert_ptr_null(c[8]);
	o.by = REPORT_BY_CLERK;
	ck_assert_str_eq(report_receipts_columns(&o)[0], "clerk");
	ck_assert_str_eq(report_adjustments_columns(&o)[0], "clerk");
	o.by = REPORT_BY_WEEK;
	ck_assert_str_eq(report_receipts_columns(&o)[0], "period");
	ck_assert_str_eq(report_adjustments_columns(&o)[6], ">approved");
}
END_TEST

static Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("periods");

	tcase_add_test(tc, by_words);
	tcase_add_test(tc, periods);
	tcase_add_test(tc, iso_weeks);
	tcase_add_test(tc, week_starts);
	suite_add_tcase(s, tc);
	tc = tcase_create("median");
	tcase_add_test(tc, median_odd);
	tcase_add_test(tc, median_even);
	tcase_add_test(tc, median_none);
	suite_add_tcase(s, tc);
	tc = tcase_create("kinds");
	tcase_add_test(tc, kinds);
	tcase_add_test(tc, ledger_columns);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(report_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
