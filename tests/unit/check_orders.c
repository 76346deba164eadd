#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "orders.h"

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

/* Thanksgiving and Christmas 2026, New Year's Day 2027. */
static int holiday_days[3];
static struct holidays holidays = { holiday_days, 3 };

static void
setup(void)
{
	holiday_days[0] = day_of("2026-11-26");
	holiday_days[1] = day_of("2026-12-25");
	holiday_days[2] = day_of("2027-01-01");
}

static const char *
scheduled(const char *requested_on, int special, long routine_days,
	  long special_days, const struct holidays *h)
{
	return fmt(orders_investigation_day(day_of(requested_on), special,
					    routine_days, special_days, h));
}

START_TEST(routine_across_holiday_and_weekends)
{
	/* Wednesday before Thanksgiving: Fri 27 is the first business day */
	ck_assert_str_eq(scheduled("2026-11-25", 0, 10, 1, &holidays),
			 "2026-12-10");
	ck_assert_str_eq(scheduled("2026-11-25", 0, 10, 1, NULL),
			 "2026-12-09");
	ck_assert_str_eq(scheduled("2026-11-27", 0, 10, 1, &holidays),
			 "2026-12-11");
	/* Christmas and New Year's Day both fall in the ten days */
	ck_assert_str_eq(scheduled("2026-12-18", 0, 10, 1, &holidays),
			 "2027-01-05");
	ck_assert_str_eq(scheduled("2026-11-25", 0, 3, 1, &holidays),
			 "2026-12-01");
}
END_TEST

START_TEST(special_next_business_day)
{
	ck_assert_str_eq(scheduled("2026-11-25", 1, 10, 1, &holidays),
			 "2026-11-27");
	ck_assert_str_eq(scheduled("2026-11-25", 1, 10, 1, NULL),
			 "2026-11-26");
	/* Friday, Saturday, Sunday: the Monday after */
	ck_assert_str_eq(scheduled("2026-11-27", 1, 10, 1, &holidays),
			 "2026-11-30");
	ck_assert_str_eq(scheduled("2026-11-28", 1, 10, 1, &holidays),
			 "2026-11-30");
	ck_assert_str_eq(scheduled("2026-11-29", 1, 10, 1, &holidays),
			 "2026-11-30");
	/* on a holiday itself */
	ck_assert_str_eq(scheduled("2026-12-25", 1, 10, 1, &holidays),
			 "2026-12-28");
	ck_assert_str_eq(scheduled("2026-12-31", 1, 10, 1, &holidays),
			 "2027-01-04");
	ck_assert_str_eq(scheduled("2026-11-25", 1, 10, 2, &holidays),
			 "2026-11-30");
	/* special_days 0: the same day if it is a business day */
	ck_assert_str_eq(scheduled("2026-11-25", 1, 10, 0, &holidays),
			 "2026-11-25");
	ck_assert_str_eq(scheduled("2026-11-26", 1, 10, 0, &holidays),
			 "2026-11-27");
}
END_TEST

/* Over two years: the day is a business day with exactly n business days
 * after the request up to it. */
START_TEST(scheduled_n_business_days_later)
{
	int from = day_of("2026-01-01"), to = day_of("2027-12-31");
	long n;
	int day, when, i, count;

	for (day = from; day <= to; day++)
		for (n = 1; n <= 12; n++) {
			when = orders_investigation_day(day, n % 2, n, n,
							&holidays);
			ck_assert_msg(date_is_business_day(when, &holidays),
				      "%s: not a business day", fmt(when));
			ck_assert_int_gt(when, day);
			for (count = 0, i = day + 1; i <= when; i++)
				count += date_is_business_day(i, &holidays);
			ck_assert_int_eq(count, n);
		}
}
END_TEST

START_TEST(numbers)
{
	char buf[ORDER_NUMBER_MAX];

	ck_assert_str_eq(orders_number(2026, 1, buf), "O2026-000001");
	ck_assert_str_eq(orders_number(2026, 42, buf), "O2026-000042");
	ck_assert_str_eq(orders_number(2027, 999999, buf), "O2027-999999");
	ck_assert_ptr_eq(orders_number(2026, 7, buf), buf);
	ck_assert_int_lt(strlen(orders_number(9999, 999999, buf)),
			 ORDER_NUMBER_MAX);
}
END_TEST

START_TEST(words_accepted)
{
	static const char *const types[] = { "investigation", "shutoff",
		"restoration" };
	static const char *const reasons[] = { "meter-reread", "high-bill",
		"leak", "meter-test", "other" };
	static const char *const statuses[] = { "scheduled", "completed",
		"cancelled" };
	char why[128];
	size_t i;

	for (i = 0; i < 3; i++)
		ck_assert_int_eq(orders_type_check(types[i], why, sizeof why),
				 0);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(orders_reason_check(reasons[i], why,
						     sizeof why), 0);
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(orders_status_check(statuses[i], why,
						     sizeof why), 0);
}
END_TEST

START_TEST(words_refused)
{
	char why[128];

	ck_assert_int_eq(orders_type_check("shut-off", why, sizeof why), -1);
	ck_assert_str_eq(why, "not investigation, shutoff or restoration");
	ck_assert_int_eq(orders_reason_check("Leak", why, sizeof why), -1);
	ck_assert_str_eq(why, "not meter-reread, high-bill, leak, meter-test "
			 "or other");
	ck_assert_int_eq(orders_reason_check("", why, sizeof why), -1);
	ck_assert_int_eq(orders_reason_check("investigation", why,
					     sizeof why), -1);
	ck_assert_int_eq(orders_status_check("open", why, sizeof why), -1);
	ck_assert_str_eq(why, "not scheduled, completed or cancelled");
	ck_assert_int_eq(orders_status_check("scheduled ", why, sizeof why),
			 -1);
	/* a short buffer is cut, never overrun */
	ck_assert_int_eq(orders_type_check("x", why, 8), -1);
	ck_assert_int_lt(strlen(why), 8);
}
END_TEST

static Suite *
orders_suite(void)
{
	Suite *s = suite_create("orders");
	TCase *tc = tcase_create("scheduling");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, routine_across_holiday_and_weekends);
	tcase_add_test(tc, special_next_business_day);
	tcase_add_test(tc, scheduled_n_business_days_later);
	suite_add_tcase(s, tc);
	tc = tcase_create("words");
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, words_accepted);
	tcase_add_test(tc, words_refused);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(orders_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
