#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "diag.h"

static int
day_of(const char *s)
{
	char why[64] = "";
	int day = 0;

	ck_assert_msg(date_parse(s, &day, why, sizeof why) == 0,
		      "'%s' refused: %s", s, why);
	return day;
}

static void
refused(const char *s, const char *reason)
{
	char why[64] = "";
	int day = 4242;

	ck_assert_msg(date_parse(s, &day, why, sizeof why) == -1,
		      "'%s' accepted", s);
	ck_assert_str_eq(why, reason);
	ck_assert_int_eq(day, 4242);
}

static const char *
fmt(int day)
{
	static char buf[DATE_BUFSZ];

	return date_format(day, buf);
}

START_TEST(known_days)
{
	ck_assert_int_eq(day_of("1970-01-01"), 0);
	ck_assert_int_eq(day_of("1970-01-02"), 1);
	ck_assert_int_eq(day_of("1969-12-31"), -1);
	ck_assert_int_eq(day_of("1900-01-01"), -25567);
	ck_assert_int_eq(day_of("2000-01-01"), 10957);
	ck_assert_int_eq(day_of("2000-02-29"), 11016);
	ck_assert_int_eq(day_of("2000-03-01"), 11017);
	ck_assert_int_eq(day_of("2024-02-29"), 19782);
	ck_assert_int_eq(day_of("2026-03-15"), 20527);
	ck_assert_int_eq(day_of("9999-12-31"), 2932896);
	ck_assert_int_eq(date_from_ymd(2026, 3, 15), 20527);
	ck_assert_str_eq(fmt(-25567), "1900-01-01");
	ck_assert_str_eq(fmt(2932896), "9999-12-31");
	ck_assert_str_eq(fmt(-1), "1969-12-31");
}
END_TEST

START_TEST(parse_errors)
{
	refused("", "empty");
	refused(NULL, "empty");
	refused("2026-3-15", "not a date (YYYY-MM-DD)");
	refused("2026/03/15", "not a date (YYYY-MM-DD)");
	refused("15-03-2026", "not a date (YYYY-MM-DD)");
	refused("2026-03-15 ", "not a date (YYYY-MM-DD)");
	refused(" 2026-03-15", "not a date (YYYY-MM-DD)");
	refused("2026-03-15T00:00", "not a date (YYYY-MM-DD)");
	refused("20260315", "not a date (YYYY-MM-DD)");
	refused("2026-03-1", "not a date (YYYY-MM-DD)");
	refused("+026-03-15", "not a date (YYYY-MM-DD)");
	refused("2026-0x-15", "not a date (YYYY-MM-DD)");
	refused("today", "not a date (YYYY-MM-DD)");
	refused("2026-02-30", "no such day");
	refused("2025-02-29", "no such day");
	refused("1900-02-29", "no such day");
	refused("2026-13-01", "no such day");
	refused("2026-00-10", "no such day");
	refused("2026-04-31", "no such day");
	refused("2026-01-00", "no such day");
	refused("2026-01-32", "no such day");
	refused("1899-12-31", "before 1900");
	refused("0000-01-01", "before 1900");
}
END_TEST

START_TEST(leap_years)
{
	ck_assert_int_eq(date_days_in_month(1900, 2), 28);
	ck_assert_int_eq(date_days_in_month(2000, 2), 29);
	ck_assert_int_eq(date_days_in_month(2024, 2), 29);
	ck_assert_int_eq(date_days_in_month(2025, 2), 28);
	ck_assert_int_eq(date_days_in_month(2100, 2), 28);
	ck_assert_int_eq(date_days_in_month(2400, 2), 29);
	ck_assert_int_eq(date_days_in_month(2026, 1), 31);
	ck_assert_int_eq(date_days_in_month(2026, 4), 30);
	ck_assert_int_eq(date_days_in_month(2026, 12), 31);
	ck_assert_int_eq(date_days_in_month(2026, 0), 0);
	ck_assert_int_eq(date_days_in_month(2026, 13), 0);
	day_of("2000-02-29");
	day_of("2024-02-29");
	refused("2100-02-29", "no such day");
	/* whole years */
	ck_assert_int_eq(day_of("1901-01-01") - day_of("1900-01-01"), 365);
	ck_assert_int_eq(day_of("2001-01-01") - day_of("2000-01-01"), 366);
	ck_assert_int_eq(day_of("2025-01-01") - day_of("2024-01-01"), 366);
}
END_TEST

/* An independent calendar, one day at a time: every day 1900-9999 has the
 * right number, name and weekday, and every conversion goes both ways. */
START_TEST(every_day)
{
	static const int mdays[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int year = 1900, month = 1, mday = 1, weekday = 1;	/* a Monday */
	int day = date_from_ymd(1900, 1, 1), last;
	int y, m, d, back, len;
	char want[40], buf[DATE_BUFSZ], why[64];

	last = date_from_ymd(9999, 12, 31);
	ck_assert_int_eq(last - day + 1, 8100 * 365 + 1964);
	/* plain ifs in the loop: each ck_assert is a write to the runner */
	for (;;) {
		date_to_ymd(day, &y, &m, &d);
		if (y != year || m != month || d != mday)
			ck_abort_msg("day %d is %d-%d-%d, want %d-%d-%d", day,
				     y, m, d, year, month, mday);
		if (date_from_ymd(year, month, mday) != day)
			ck_abort_msg("%d-%d-%d is not day %d", year, month,
				     mday, day);
		snprintf(want, sizeof want, "%04d-%02d-%02d", year, month,
			 mday);
		if (strcmp(date_format(day, buf), want) != 0)
			ck_abort_msg("day %d formats as %s, want %s", day,
				     buf, want);
		if (date_parse(want, &back, why, sizeof why) < 0 ||
		    back != day)
			ck_abort_msg("%s does not parse back to %d", want, day);
		if (date_weekday(day) != weekday)
			ck_abort_msg("%s weekday %d, want %d", want,
				     date_weekday(day), weekday);
		if (day == last)
			break;
		day++;
		weekday = (weekday + 1) % 7;
		len = mdays[month - 1];
		if (month == 2 && year % 4 == 0 &&
		    (year % 100 != 0 || year % 400 == 0))
			len = 29;
		if (++mday > len) {
			mday = 1;
			if (++month > 12) {
				month = 1;
				year++;
			}
		}
	}
	ck_assert_int_eq(year, 9999);
	ck_assert_int_eq(month, 12);
	ck_assert_int_eq(mday, 31);
}
END_TEST

START_TEST(format_edges)
{
	char buf[DATE_BUFSZ];

	/* no date is an empty field */
	ck_assert_str_eq(date_format(DATE_NONE, buf), "");
	/* years past four digits never read back as a date */
	refused("0000-00-00", "no such day");
	ck_assert_str_eq(date_format(date_from_ymd(10000, 1, 1), buf),
			 "0000-00-00");
	ck_assert_str_eq(date_format(date_from_ymd(-1, 12, 31), buf),
			 "0000-00-00");
	ck_assert_str_eq(date_format(date_from_ymd(1, 1, 1), buf),
			 "0001-01-01");
	ck_assert_int_eq(date_from_ymd(1, 1, 1), -719162);
}
END_TEST

START_TEST(from_ymd_carries)
{
	ck_assert_int_eq(date_from_ymd(2025, 13, 1), day_of("2026-01-01"));
	ck_assert_int_eq(date_from_ymd(2026, 0, 1), day_of("2025-12-01"));
	ck_assert_int_eq(date_from_ymd(2026, 1, 32), day_of("2026-02-01"));
	ck_assert_int_eq(date_from_ymd(2026, 3, 0), day_of("2026-02-28"));
}
END_TEST

START_TEST(weekdays)
{
	ck_assert_int_eq(date_weekday(day_of("1970-01-01")), 4);
	ck_assert_int_eq(date_weekday(day_of("1969-12-31")), 3);
	ck_assert_int_eq(date_weekday(day_of("1900-01-01")), 1);
	ck_assert_int_eq(date_weekday(day_of("2000-01-01")), 6);
	ck_assert_int_eq(date_weekday(day_of("2024-02-29")), 4);
	ck_assert_int_eq(date_weekday(day_of("2026-03-15")), 0);
	ck_assert_int_eq(date_weekday(day_of("9999-12-31")), 5);
}
END_TEST

static void
months_later(const char *from, int n, const char *want)
{
	ck_assert_str_eq(fmt(date_add_months(day_of(from), n)), want);
}

START_TEST(add_months)
{
	months_later("2026-01-31", 1, "2026-02-28");
	months_later("2024-01-31", 1, "2024-02-29");
	months_later("2026-03-31", -1, "2026-02-28");
	months_later("2024-03-31", -1, "2024-02-29");
	months_later("2026-01-31", 2, "2026-03-31");
	months_later("2026-01-31", 3, "2026-04-30");
	months_later("2026-01-15", 0, "2026-01-15");
	months_later("2026-01-15", 12, "2027-01-15");
	months_later("2026-01-15", -12, "2025-01-15");
	months_later("2026-01-15", -1, "2025-12-15");
	months_later("2025-12-31", 2, "2026-02-28");
	months_later("2026-11-30", 3, "2027-02-28");
	months_later("2024-02-29", 12, "2025-02-28");
	months_later("2024-02-29", 48, "2028-02-29");
	months_later("2026-05-31", -25, "2024-04-30");
	months_later("1900-01-31", 1, "1900-02-28");
	months_later("2000-01-31", 1, "2000-02-29");
	/* each step clamps on its own: the day of month is not remembered */
	ck_assert_str_eq(fmt(date_add_months(date_add_months(
		day_of("2026-01-31"), 1), 1)), "2026-03-28");
}
END_TEST

/* December 2025: Thu 25 and Fri 26 holidays, Thu 1 January 2026 too. */
static int holiday_days[3];
static struct holidays holidays = { holiday_days, 3 };

static void
holidays_setup(void)
{
	holiday_days[0] = date_from_ymd(2025, 12, 25);
	holiday_days[1] = date_from_ymd(2025, 12, 26);
	holiday_days[2] = date_from_ymd(2026, 1, 1);
}

START_TEST(holiday_lookup)
{
	struct holidays none = HOLIDAYS_INIT;
	struct holidays one = { holiday_days, 1 };
	int i, want;

	ck_assert(date_is_holiday(day_of("2025-12-25"), &holidays));
	ck_assert(date_is_holiday(day_of("2025-12-26"), &holidays));
	ck_assert(date_is_holiday(day_of("2026-01-01"), &holidays));
	ck_assert(!date_is_holiday(day_of("2025-12-24"), &holidays));
	ck_assert(!date_is_holiday(day_of("2025-12-27"), &holidays));
	ck_assert(!date_is_holiday(day_of("2026-01-02"), &holidays));
	ck_assert(!date_is_holiday(day_of("2025-12-25"), &none));
	ck_assert(!date_is_holiday(day_of("2025-12-25"), NULL));
	ck_assert(date_is_holiday(day_of("2025-12-25"), &one));
	ck_assert(!date_is_holiday(day_of("2025-12-26"), &one));

	/* the search against a plain scan over a longer list */
	{
		int days[50];
		struct holidays h = { days, 50 };
		int d, k;

		for (i = 0; i < 50; i++)
			days[i] = 1000 + i * 7 + (i % 3);
		for (d = 900; d < 1500; d++) {
			want = 0;
			for (k = 0; k < 50; k++)
				if (days[k] == d)
					want = 1;
			ck_assert_int_eq(date_is_holiday(d, &h), want);
		}
	}
}
END_TEST

static void
business_after(const char *from, int n, const char *want)
{
	ck_assert_str_eq(fmt(date_add_business_days(day_of(from), n,
						    &holidays)), want);
}

START_TEST(business_days)
{
	ck_assert(date_is_business_day(day_of("2025-12-22"), &holidays));
	ck_assert(!date_is_business_day(day_of("2025-12-20"), &holidays));
	ck_assert(!date_is_business_day(day_of("2025-12-21"), &holidays));
	ck_assert(!date_is_business_day(day_of("2025-12-25"), &holidays));
	ck_assert(date_is_business_day(day_of("2025-12-25"), NULL));

	/* n = 0: the day itself, else the next business day */
	business_after("2025-12-22", 0, "2025-12-22");
	business_after("2025-12-20", 0, "2025-12-22");
	business_after("2025-12-25", 0, "2025-12-29");
	business_after("2025-12-31", 0, "2025-12-31");
	/* plain weeks */
	business_after("2025-12-01", 1, "2025-12-02");
	business_after("2025-12-05", 1, "2025-12-08");
	business_after("2025-12-06", 1, "2025-12-08");
	business_after("2025-12-07", 1, "2025-12-08");
	business_after("2025-12-01", 5, "2025-12-08");
	business_after("2025-12-01", 10, "2025-12-15");
	/* across the holidays and the weekend between them */
	business_after("2025-12-24", 1, "2025-12-29");
	business_after("2025-12-23", 2, "2025-12-29");
	business_after("2025-12-24", 3, "2025-12-31");
	business_after("2025-12-24", 4, "2026-01-02");
	business_after("2025-12-31", 1, "2026-01-02");
	business_after("2025-12-22", 10, "2026-01-08");
	/* counting back */
	business_after("2025-12-29", -1, "2025-12-24");
	business_after("2026-01-02", -1, "2025-12-31");
	business_after("2025-12-08", -1, "2025-12-05");
	/* no holidays at all */
	ck_assert_str_eq(fmt(date_add_business_days(day_of("2025-12-24"), 1,
						    NULL)), "2025-12-25");
}
END_TEST

static void
business_date_is(const char *opt, const char *want)
{
	struct diag d = DIAG_INIT;
	int day = 0;

	ck_assert_msg(date_business(opt, &day, &d) == 0, "%s", d.msg);
	ck_assert_str_eq(fmt(day), want);
}

static void
business_date_refused(const char *opt, const char *msg)
{
	struct diag d = DIAG_INIT;
	int day = 0;

	ck_assert_int_eq(date_business(opt, &day, &d), -1);
	ck_assert_int_eq(d.status, EXIT_USAGE);
	ck_assert_str_eq(d.msg, msg);
}

static int
local_today(void)
{
	struct tm tm;
	time_t now = time(NULL);

	ck_assert(localtime_r(&now, &tm) != NULL);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

START_TEST(business_date)
{
	struct diag d = DIAG_INIT;
	int before, day, after;

	unsetenv("ACCTKIT_TODAY");
	business_date_is("2026-03-15", "2026-03-15");
	setenv("ACCTKIT_TODAY", "2025-07-04", 1);
	business_date_is(NULL, "2025-07-04");
	/* --date wins over the environment */
	business_date_is("2026-03-15", "2026-03-15");
	business_date_refused("2026-02-30", "date '2026-02-30': no such day");
	business_date_refused("yesterday",
			      "date 'yesterday': not a date (YYYY-MM-DD)");
	business_date_refused("", "date '': empty");
	/* a control character is quoted, not written raw */
	business_date_refused("2026\n",
			      "date '2026\\x0a': not a date (YYYY-MM-DD)");

	setenv("ACCTKIT_TODAY", "2026-13-01", 1);
	business_date_refused(NULL, "ACCTKIT_TODAY '2026-13-01': no such day");
	/* --date is taken without looking at a bad environment */
	business_date_is("2026-03-15", "2026-03-15");

	/* unset or empty: the local date.  Today is read on each side of
	 * the call, so a run over midnight cannot fail. */
	setenv("ACCTKIT_TODAY", "", 1);
	before = local_today();
	ck_assert_int_eq(date_business(NULL, &day, &d), 0);
	after = local_today();
	ck_assert(before <= day && day <= after);

	unsetenv("ACCTKIT_TODAY");
	before = local_today();
	ck_assert_int_eq(date_business(NULL, &day, &d), 0);
	after = local_today();
	ck_assert(before <= day && day <= after);
}
END_TEST

static Suite *
date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("calendar");
	TCase *all = tcase_create("every day");
	TCase *biz = tcase_create("business");

	tcase_add_test(tc, known_days);
	tcase_add_test(tc, parse_errors);
	tcase_add_test(tc, leap_years);
	tcase_add_test(tc, format_edges);
	tcase_add_test(tc, from_ymd_carries);
	tcase_add_test(tc, weekdays);
	tcase_add_test(tc, add_months);
	suite_add_tcase(s, tc);

	tcase_add_test(all, every_day);
	tcase_set_timeout(all, 120);
	suite_add_tcase(s, all);

	tcase_add_checked_fixture(biz, holidays_setup, NULL);
	tcase_add_test(biz, holiday_lookup);
	tcase_add_test(biz, business_days);
	tcase_add_test(biz, business_date);
	suite_add_tcase(s, biz);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(date_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
