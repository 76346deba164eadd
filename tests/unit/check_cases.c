#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "date.h"

static int
day(const char *s)
{
	char why[128];
	int d;

	ck_assert_int_eq(date_parse(s, &d, why, sizeof why), 0);
	return d;
}

START_TEST(channel_words)
{
	static const char *const good[] = { "phone", "in-person", "mail",
		"email", "field", NULL };
	char why[128];
	int i;

	for (i = 0; good[i]; i++)
		ck_assert_int_eq(cases_channel_check(good[i], why, sizeof why),
				 0);
	ck_assert_int_eq(cases_channel_check("fax", why, sizeof why), -1);
	ck_assert_str_eq(why, "not phone, in-person, mail, email or field");
	ck_assert_int_eq(cases_channel_check("Phone", why, sizeof why), -1);
	ck_assert_int_eq(cases_channel_check("", why, sizeof why), -1);
}
END_TEST

START_TEST(kind_words)
{
	static const char *const good[] = { "inquiry", "complaint",
		"contact-attempt", "other", NULL };
	char why[128];
	int i;

	for (i = 0; good[i]; i++)
		ck_assert_int_eq(cases_contact_kind_check(good[i], why,
							  sizeof why), 0);
	ck_assert_int_eq(cases_contact_kind_check("visit", why, sizeof why),
			 -1);
	ck_assert_str_eq(why, "not inquiry, complaint, contact-attempt or "
			 "other");
}
END_TEST

START_TEST(category_words)
{
	static const char *const good[] = { "billing", "service", "meter",
		"shutoff", "other", NULL };
	char why[128];
	int i;

	for (i = 0; good[i]; i++)
		ck_assert_int_eq(cases_category_check(good[i], why, sizeof why),
				 0);
	ck_assert_int_eq(cases_category_check("shut-off", why, sizeof why),
			 -1);
	ck_assert_str_eq(why, "not billing, service, meter, shutoff or other");
}
END_TEST

START_TEST(status_words)
{
	char why[128];

	ck_assert_int_eq(cases_status_check("open", why, sizeof why), 0);
	ck_assert_int_eq(cases_status_check("investigating", why, sizeof why),
			 0);
	ck_assert_int_eq(cases_status_check("waiting-customer", why,
					    sizeof why), 0);
	/* closing is case-close's alone, with a resolution */
	ck_assert_int_eq(cases_status_check("closed", why, sizeof why), -1);
	ck_assert_str_eq(why, "not open, investigating or waiting-customer");
}
END_TEST

START_TEST(sla_keys)
{
	ck_assert_str_eq(cases_sla_key("billing"), "case.sla_days.billing");
	ck_assert_str_eq(cases_sla_key("service"), "case.sla_days.service");
	ck_assert_str_eq(cases_sla_key("meter"), "case.sla_days.service");
	ck_assert_str_eq(cases_sla_key("shutoff"), "case.sla_days.shutoff");
	ck_assert_str_eq(cases_sla_key("other"), "case.sla_days.other");
}
END_TEST

START_TEST(numbers)
{
	char buf[CASE_NUMBER_MAX];

	ck_assert_str_eq(cases_number(2026, 1, buf), "C2026-00001");
	ck_assert_str_eq(cases_number(2026, 42, buf), "C2026-00042");
	ck_assert_str_eq(cases_number(2027, 99999, buf), "C2027-99999");
	ck_assert_ptr_eq(cases_number(2026, 7, buf), buf);
}
END_TEST

START_TEST(due_dates)
{
	/* calendar days, whatever the weekday */
	ck_assert_int_eq(cases_due_on(day("2026-11-27"), 30),
			 day("2026-12-27"));
	ck_assert_int_eq(cases_due_on(day("2026-11-25"), 10),
			 day("2026-12-05"));
	ck_assert_int_eq(cases_due_on(day("2026-11-30"), 1),
			 day("2026-12-01"));
	ck_assert_int_eq(cases_due_on(day("2026-12-31"), 1),
			 day("2027-01-01"));
	ck_assert_int_eq(cases_due_on(day("2026-01-31"), 30),
			 day("2026-03-02"));
	ck_assert_int_eq(cases_due_on(day("2028-02-20"), 10),
			 day("2028-03-01"));
	ck_assert_int_eq(cases_due_on(day("2028-02-28"), 1),
			 day("2028-02-29"));
	ck_assert_int_eq(cases_due_on(day("2026-11-27"), 0),
			 day("2026-11-27"));
}
END_TEST

START_TEST(days_open)
{
	int opened = day("2026-10-01");

	/* open: counted to the as-of day */
	ck_assert_int_eq(cases_days_open(opened, DATE_NONE, opened), 0);
	ck_assert_int_eq(cases_days_open(opened, DATE_NONE,
					 day("2026-11-27")), 57);
	/* closed: counted to the closing, whatever the as-of day */
	ck_assert_int_eq(cases_days_open(opened, day("2026-10-15"),
					 day("2026-11-27")), 14);
	ck_assert_int_eq(cases_days_open(opened, opened, day("2026-11-27")),
			 0);
	/* an as-of day before the opening: not negative */
	ck_assert_int_eq(cases_days_open(opened, DATE_NONE,
					 day("2026-09-30")), 0);
}
END_TEST

START_TEST(days_overdue)
{
	int due = day("2026-10-31");

	/* open */
	ck_assert_int_eq(cases_days_overdue(due, DATE_NONE,
					    day("2026-10-30")), 0);
	ck_assert_int_eq(cases_days_overdue(due, DATE_NONE, due), 0);
	ck_assert_int_eq(cases_days_overdue(due, DATE_NONE,
					    day("2026-11-01")), 1);
	ck_assert_int_eq(cases_days_overdue(due, DATE_NONE,
					    day("2026-11-27")), 27);
	/* closed: late by the days from due to closing, frozen there */
	ck_assert_int_eq(cases_days_overdue(due, day("2026-11-04"),
					    day("2026-11-27")), 4);
	ck_assert_int_eq(cases_days_overdue(due, due, day("2026-11-27")), 0);
	ck_assert_int_eq(cases_days_overdue(due, day("2026-10-20"),
					    day("2026-11-27")), 0);
}
END_TEST

START_TEST(dispute_open)
{
	int until = 0;

	/* an open billing case holds, whatever its stage, with no end */
	ck_assert_int_eq(cases_dispute_holds("billing", "open", DATE_NONE, 15,
					     day("2026-11-27"), &until), 1);
	ck_assert_int_eq(until, DATE_NONE);
	until = 0;
	ck_assert_int_eq(cases_dispute_holds("billing", "investigating",
					     DATE_NONE, 15, day("2026-11-27"),
					     &until), 1);
	ck_assert_int_eq(until, DATE_NONE);
	ck_assert_int_eq(cases_dispute_holds("billing", "waiting-customer",
					     DATE_NONE, 0, day("2026-11-27"),
					     &until), 1);
}
END_TEST

START_TEST(dispute_other_categories)
{
	static const char *const others[] = { "service", "meter", "shutoff",
		"other", NULL };
	int i, until;

	for (i = 0; others[i]; i++) {
		until = 0;
		ck_assert_int_eq(cases_dispute_holds(others[i], "open",
						     DATE_NONE, 15,
						     day("2026-11-27"),
						     &until), 0);
		ck_assert_int_eq(until, DATE_NONE);
	}
}
END_TEST

/* POLICY.md dispute.hold_days: no shut-off "for this many days after it
 * closes": closed on 11-10 with 15 days, the hold's last day is 11-25. */
START_TEST(dispute_closed_boundaries)
{
	int closed = day("2026-11-10"), until;

	ck_assert_int_eq(cases_dispute_holds("billing", "closed", closed, 15,
					     closed, &until), 1);
	ck_assert_int_eq(until, day("2026-11-25"));
	ck_assert_int_eq(cases_dispute_holds("billing", "closed", closed, 15,
					     day("2026-11-24"), &until), 1);
	ck_assert_int_eq(cases_dispute_holds("billing", "closed", closed, 15,
					     day("2026-11-25"), &until), 1);
	ck_assert_int_eq(cases_dispute_holds("billing", "closed", closed, 15,
					     day("2026-11-26"), &until), 0);
	ck_assert_int_eq(until, day("2026-11-25"));
	/* across a month end */
	ck_assert_int_eq(cases_dispute_holds("billing", "closed",
					     day("2026-11-20"), 15,
					     day("2026-12-05"), &until), 1);
	ck_assert_int_eq(until, day("2026-12-05"));
	ck_assert_int_eq(cases_dispute_holds("billing", "closed",
					     day("2026-11-20"), 15,
					     day("2026-12-06"), &until), 0);
	/* no hold days: the closing day only */
	ck_assert_int_eq(cases_dispute_holds("billing", "closed", closed, 0,
					     closed, &until), 1);
	ck_assert_int_eq(until, closed);
	ck_assert_int_eq(cases_dispute_holds("billing", "closed", closed, 0,
					     day("2026-11-11"), &until), 0);
	/* a closed case of another category never held */
	ck_assert_int_eq(cases_dispute_holds("service", "closed", closed, 15,
					     closed, &until), 0);
	ck_assert_int_eq(until, DATE_NONE);
}
END_TEST

static Suite *
cases_suite(void)
{
	Suite *s = suite_create("cases");
	TCase *tc;

	tc = tcase_create("words");
	tcase_add_test(tc, channel_words);
	tcase_add_test(tc, kind_words);
	tcase_add_test(tc, category_words);
	tcase_add_test(tc, status_words);
	suite_add_tcase(s, tc);
	tc = tcase_create("rules");
	tcase_add_test(tc, sla_keys);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, due_dates);
	tcase_add_test(tc, days_open);
	tcase_add_test(tc, days_overdue);
	suite_add_tcase(s, tc);
	tc = tcase_create("dispute");
	tcase_add_test(tc, dispute_open);
	tcase_add_test(tc, dispute_other_categories);
	tcase_add_test(tc, dispute_closed_boundaries);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(cases_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
