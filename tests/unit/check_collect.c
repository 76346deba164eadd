/* Check suite for common/collect.c: every rule of a notice and of a
 * shut-off failing alone and holding, a refusal naming every failing rule,
 * the boundaries of POLICY.md's days (notice age and validity, medical
 * certificate, dispute hold, blackout across the new year, eve of a
 * holiday, cold period and contact hours), restoration, the crews' order
 * and the parsers of the policy's text forms. */
#include <config.h>

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "date.h"

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

/* POLICY.md's defaults. */
static const struct collect_policy defaults = {
	5000, 20, 15, 60, 0x1e, 1, 1222, 104, 1101, 415, 72, 40, 15, 24, 0,
	20
};

/* Independence Day observed (Friday), Thanksgiving (Thursday), Christmas
 * (Friday) 2026, New Year's Day 2027 (Friday). */
static int holiday_days[4];
static struct holidays holidays = { holiday_days, 4 };

static void
setup(void)
{
	holiday_days[0] = day_of("2026-07-03");
	holiday_days[1] = day_of("2026-11-26");
	holiday_days[2] = day_of("2026-12-25");
	holiday_days[3] = day_of("2027-01-01");
}

/* An account that may be shut off from Tuesday 2026-11-17 on: a notice
 * served Monday 2026-11-02, valid to 2027-01-01, no protection, neither a
 * heat account nor an elderly, blind or disabled household. */
static struct collect_facts
noticed(void)
{
	struct collect_facts f = COLLECT_FACTS_INIT;

	f.account = "1001";
	f.active = 1;
	f.balance = 31200;
	f.arrears = 31200;
	f.days_past_due = 45;
	f.notice = "N2026-000001";
	f.notice_served_on = day_of("2026-11-02");
	f.notice_expires_on = day_of("2027-01-01");
	return f;
}

/* An account that may be served a notice. */
static struct collect_facts
owing(void)
{
	struct collect_facts f = COLLECT_FACTS_INIT;

	f.account = "1002";
	f.active = 1;
	f.balance = 31200;
	f.arrears = 31200;
	f.days_past_due = 25;
	return f;
}

/* The shut-off on day is refused by rule r alone, for reason want. */
static void
shutoff_alone(const struct collect_policy *p, const struct collect_facts *f,
	      const char *day, enum collect_rule r, const char *want)
{
	struct collect_verdict v[COLLECT_NRULES];
	char why[512];
	int n;

	n = collect_shutoff_rules(p, f, day_of(day), &holidays, v);
	collect_why(v, why, sizeof why);
	ck_assert_msg(n == 1, "%s: %d rules fail: %s", day, n, why);
	ck_assert_msg(v[r].applies && !v[r].holds, "%s: %s holds", day,
		      collect_rule_name(r));
	ck_assert_str_eq(v[r].detail, want);
	ck_assert_str_eq(why, want);
}

static void
notice_alone(const struct collect_policy *p, const struct collect_facts *f,
	     const char *day, enum collect_rule r, const char *want)
{
	struct collect_verdict v[COLLECT_NRULES];
	char why[512];
	int n;

	n = collect_notice_rules(p, f, day_of(day), v);
	collect_why(v, why, sizeof why);
	ck_assert_msg(n == 1, "%s: %d rules fail: %s", day, n, why);
	ck_assert_msg(v[r].applies && !v[r].holds, "%s: %s holds", day,
		      collect_rule_name(r));
	ck_assert_str_eq(v[r].detail, want);
	ck_assert_str_eq(why, want);
}

/* Rule r applies on day and holds, saying want (NULL: anything). */
static void
holds(const struct collect_verdict v[COLLECT_NRULES], enum collect_rule r,
      const char *want)
{
	ck_assert_msg(v[r].applies, "%s does not apply", collect_rule_name(r));
	ck_assert_msg(v[r].holds, "%s fails: %s", collect_rule_name(r),
		      v[r].detail);
	ck_assert_msg(v[r].detail[0] != '\0', "%s: no detail",
		      collect_rule_name(r));
	if (want)
		ck_assert_str_eq(v[r].detail, want);
}

static void
not_applied(const struct collect_verdict v[COLLECT_NRULES],
	    enum collect_rule r)
{
	ck_assert_msg(!v[r].applies, "%s applies: %s", collect_rule_name(r),
		      v[r].detail);
}

START_TEST(names_and_keys)
{
	int i, j;

	for (i = 0; i < COLLECT_NRULES; i++) {
		ck_assert_msg(collect_rule_name(i)[0] != '\0', "rule %d", i);
		for (j = 0; j < i; j++)
			ck_assert_str_ne(collect_rule_name(i),
					 collect_rule_name(j));
	}
	ck_assert_str_eq(collect_rule_name(COLLECT_MEDICAL),
			 "medical certificate");
	ck_assert_str_eq(collect_rule_name(COLLECT_NOTICE_AGE),
			 "notice old enough");
	ck_assert_str_eq(collect_rule_name(COLLECT_CONTACT), "contact attempt");
	ck_assert_str_eq(collect_rule_keys(COLLECT_NOTICE_AGE),
			 "shutoff.notice_days");
	ck_assert_str_eq(collect_rule_keys(COLLECT_ARREARS),
			 "shutoff.min_arrears");
	ck_assert_str_eq(collect_rule_keys(COLLECT_MEDICAL),
			 "medical.cert_days");
	ck_assert_str_eq(collect_rule_keys(COLLECT_DISPUTE),
			 "dispute.hold_days");
	ck_assert_str_eq(collect_rule_keys(COLLECT_WEEKDAY), "shutoff.days");
	ck_assert_str_eq(collect_rule_keys(COLLECT_EVE),
			 "shutoff.no_eve_of_holiday");
	ck_assert_str_eq(collect_rule_keys(COLLECT_BLACKOUT),
			 "shutoff.blackout");
	ck_assert_str_eq(collect_rule_keys(COLLECT_CONTACT),
			 "shutoff.cold_from,shutoff.cold_to,"
			 "shutoff.contact_hours");
	ck_assert_str_eq(collect_rule_keys(COLLECT_ACTIVE), "");
	ck_assert_str_eq(collect_rule_keys(COLLECT_LIFE_SUPPORT), "");
	ck_assert_str_eq(collect_rule_name(COLLECT_NRULES), "");
	ck_assert_str_eq(collect_rule_keys(COLLECT_NRULES), "");
}
END_TEST

START_TEST(shutoff_all_hold)
{
	struct collect_facts f = noticed();
	struct collect_verdict v[COLLECT_NRULES];

	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f,
					       day_of("2026-11-17"),
					       &holidays, v), 0);
	holds(v, COLLECT_ACTIVE, "account active");
	holds(v, COLLECT_NOTICE, "notice N2026-000001 served 2026-11-02");
	holds(v, COLLECT_NOTICE_AGE, "notice N2026-000001 served 2026-11-02, "
	      "shut-off from 2026-11-17");
	holds(v, COLLECT_NOTICE_VALID, "notice N2026-000001 valid until "
	      "2027-01-01");
	holds(v, COLLECT_ARREARS, "arrears 312.00, at least 50.00");
	holds(v, COLLECT_LIFE_SUPPORT, NULL);
	holds(v, COLLECT_MEDICAL, NULL);
	holds(v, COLLECT_DISPUTE, NULL);
	holds(v, COLLECT_AGREEMENT, NULL);
	holds(v, COLLECT_WEEKDAY, "Tuesday");
	holds(v, COLLECT_HOLIDAY, NULL);
	holds(v, COLLECT_EVE, NULL);
	holds(v, COLLECT_BLACKOUT, NULL);
	/* notice questions, and no contact needed */
	not_applied(v, COLLECT_NO_NOTICE);
	not_applied(v, COLLECT_PAST_DUE);
	not_applied(v, COLLECT_CONTACT);
	/* no holiday list: the same */
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f,
					       day_of("2026-11-18"), NULL, v),
			 0);
	holds(v, COLLECT_WEEKDAY, "Wednesday");
}
END_TEST

START_TEST(shutoff_each_rule_alone)
{
	struct collect_policy p = defaults;
	struct collect_facts f;

	f = noticed();
	f.active = 0;
	shutoff_alone(&p, &f, "2026-11-18", COLLECT_ACTIVE,
		      "account not active");
	f = noticed();
	shutoff_alone(&p, &f, "2026-11-16", COLLECT_NOTICE_AGE,
		      "notice N2026-000001 served 2026-11-02, shut-off not "
		      "before 2026-11-17");
	f = noticed();
	f.notice_expires_on = day_of("2026-11-17");
	shutoff_alone(&p, &f, "2026-11-18", COLLECT_NOTICE_VALID,
		      "notice N2026-000001 expired 2026-11-17");
	f = noticed();
	f.arrears = 2000;
	shutoff_alone(&p, &f, "2026-11-18", COLLECT_ARREARS,
		      "arrears 20.00 below 50.00");
	f = noticed();
	f.life_support = 1;
	shutoff_alone(&p, &f, "2026-11-18", COLLECT_LIFE_SUPPORT,
		      "life-support equipment");
	f = noticed();
	f.medical_until = day_of("2026-12-10");
	shutoff_alone(&p, &f, "2026-11-18", COLLECT_MEDICAL,
		      "medical certificate until 2026-12-10");
	f = noticed();
	f.dispute_open = 1;
	shutoff_alone(&p, &f, "2026-11-18", COLLECT_DISPUTE,
		      "billing complaint open");
	f = noticed();
	f.dispute_until = day_of("2026-12-15");
	shutoff_alone(&p, &f, "2026-11-18", COLLECT_DISPUTE,
		      "billing complaint on hold until 2026-12-15");
	f = noticed();
	f.agreement = "P2026-000001";
	shutoff_alone(&p, &f, "2026-11-18", COLLECT_AGREEMENT,
		      "agreement P2026-000001 in force");
	f = noticed();
	shutoff_alone(&p, &f, "2026-11-20", COLLECT_WEEKDAY,
		      "Friday: shut-offs only on mon,tue,wed,thu");
	/* Thanksgiving is a Thursday; the Friday after is no holiday */
	shutoff_alone(&p, &f, "2026-11-26", COLLECT_HOLIDAY, "a holiday");
	shutoff_alone(&p, &f, "2026-11-25", COLLECT_EVE,
		      "the eve of a holiday");
	shutoff_alone(&p, &f, "2026-12-22", COLLECT_BLACKOUT,
		      "in the blackout 12-22..01-04");
	f.ebd = 1;
	shutoff_alone(&p, &f, "2026-11-18", COLLECT_CONTACT,
		      "elderly, blind or disabled household: no contact "
		      "attempt recorded by 2026-11-15");
}
END_TEST

START_TEST(shutoff_without_notice)
{
	struct collect_facts f = noticed();
	struct collect_verdict v[COLLECT_NRULES];

	f.notice = "";
	f.notice_served_on = DATE_NONE;
	f.notice_expires_on = DATE_NONE;
	shutoff_alone(&defaults, &f, "2026-11-18", COLLECT_NOTICE,
		      "no notice in force");
	/* its age and validity are not asked of a notice there is not */
	collect_shutoff_rules(&defaults, &f, day_of("2026-11-18"), &holidays,
			      v);
	not_applied(v, COLLECT_NOTICE_AGE);
	not_applied(v, COLLECT_NOTICE_VALID);
}
END_TEST

START_TEST(shutoff_refusal_names_all)
{
	struct collect_facts f = noticed();
	struct collect_verdict v[COLLECT_NRULES];
	char why[512];
	int i, n = 0;

	f.active = 0;
	f.notice = "";
	f.arrears = 2000;
	f.life_support = 1;
	f.dispute_open = 1;
	/* New Year's Day: a Friday, a holiday, in the blackout */
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f,
					       day_of("2027-01-01"),
					       &holidays, v), 8);
	ck_assert_str_eq(collect_why(v, why, sizeof why),
			 "account not active; no notice in force; arrears "
			 "20.00 below 50.00; life-support equipment; billing "
			 "complaint open; Friday: shut-offs only on "
			 "mon,tue,wed,thu; a holiday; in the blackout "
			 "12-22..01-04");
	for (i = 0; i < COLLECT_NRULES; i++)
		if (v[i].applies && !v[i].holds)
			n++;
	ck_assert_int_eq(n, 8);
	/* cut short, never overrun */
	collect_why(v, why, 20);
	ck_assert_int_eq(strlen(why), 19);
	ck_assert_str_eq(why, "account not active;");
	why[0] = 'x';
	collect_why(v, why, 0);
	ck_assert_int_eq(why[0], 'x');
	collect_why(v, why, 1);
	ck_assert_str_eq(why, "");
}
END_TEST

START_TEST(notice_all_hold)
{
	struct collect_facts f = owing();
	struct collect_verdict v[COLLECT_NRULES];
	int i;

	ck_assert_int_eq(collect_notice_rules(&defaults, &f,
					      day_of("2026-11-02"), v), 0);
	holds(v, COLLECT_ACTIVE, "account active");
	holds(v, COLLECT_NO_NOTICE, "no notice in force");
	holds(v, COLLECT_ARREARS, "arrears 312.00, at least 50.00");
	holds(v, COLLECT_PAST_DUE, "oldest arrears 25 days past due, at "
	      "least 20");
	holds(v, COLLECT_LIFE_SUPPORT, "no life-support equipment");
	holds(v, COLLECT_MEDICAL, "no medical certificate");
	holds(v, COLLECT_DISPUTE, "no billing complaint open");
	holds(v, COLLECT_AGREEMENT, "no agreement in force");
	for (i = COLLECT_WEEKDAY; i < COLLECT_NRULES; i++)
		not_applied(v, i);
	not_applied(v, COLLECT_NOTICE);
	not_applied(v, COLLECT_NOTICE_AGE);
	not_applied(v, COLLECT_NOTICE_VALID);
	/* a notice may be served on any day: Christmas, a Friday, in the
	 * blackout */
	ck_assert_int_eq(collect_notice_rules(&defaults, &f,
					      day_of("2026-12-25"), v), 0);
}
END_TEST

START_TEST(notice_each_rule_alone)
{
	struct collect_facts f;

	f = owing();
	f.active = 0;
	notice_alone(&defaults, &f, "2026-11-02", COLLECT_ACTIVE,
		     "account not active");
	f = owing();
	f.arrears = 2000;
	notice_alone(&defaults, &f, "2026-11-02", COLLECT_ARREARS,
		     "arrears 20.00 below 50.00");
	f.arrears = 4999;
	notice_alone(&defaults, &f, "2026-11-02", COLLECT_ARREARS,
		     "arrears 49.99 below 50.00");
	f = owing();
	f.days_past_due = 12;
	notice_alone(&defaults, &f, "2026-11-02", COLLECT_PAST_DUE,
		     "oldest arrears 12 days past due, fewer than 20");
	f.days_past_due = 19;
	notice_alone(&defaults, &f, "2026-11-02", COLLECT_PAST_DUE,
		     "oldest arrears 19 days past due, fewer than 20");
	f = owing();
	f.life_support = 1;
	notice_alone(&defaults, &f, "2026-11-02", COLLECT_LIFE_SUPPORT,
		     "life-support equipment");
	f = owing();
	f.medical_until = day_of("2026-12-10");
	notice_alone(&defaults, &f, "2026-11-02", COLLECT_MEDICAL,
		     "medical certificate until 2026-12-10");
	f = owing();
	f.dispute_open = 1;
	notice_alone(&defaults, &f, "2026-11-02", COLLECT_DISPUTE,
		     "billing complaint open");
	f = owing();
	f.agreement = "P2026-000001";
	notice_alone(&defaults, &f, "2026-11-02", COLLECT_AGREEMENT,
		     "agreement P2026-000001 in force");
}
END_TEST

START_TEST(notice_boundaries)
{
	struct collect_facts f = owing();
	struct collect_verdict v[COLLECT_NRULES];

	/* exactly min_arrears and notice_after_due_days: allowed */
	f.arrears = 5000;
	f.days_past_due = 20;
	ck_assert_int_eq(collect_notice_rules(&defaults, &f,
					      day_of("2026-11-02"), v), 0);
	holds(v, COLLECT_ARREARS, "arrears 50.00, at least 50.00");
	holds(v, COLLECT_PAST_DUE, "oldest arrears 20 days past due, at "
	      "least 20");

	/* a notice in force to its last day, then a new one may be served */
	f = owing();
	f.notice = "N2026-000003";
	f.notice_served_on = day_of("2026-11-02");
	f.notice_expires_on = day_of("2026-12-31");
	notice_alone(&defaults, &f, "2026-12-01", COLLECT_NO_NOTICE,
		     "notice N2026-000003 served 2026-11-02 in force until "
		     "2026-12-31");
	notice_alone(&defaults, &f, "2026-12-31", COLLECT_NO_NOTICE,
		     "notice N2026-000003 served 2026-11-02 in force until "
		     "2026-12-31");
	ck_assert_int_eq(collect_notice_rules(&defaults, &f,
					      day_of("2027-01-01"), v), 0);
	holds(v, COLLECT_NO_NOTICE, "notice N2026-000003 expired 2026-12-31");
}
END_TEST

START_TEST(notice_age_and_validity)
{
	struct collect_policy p = defaults;
	struct collect_facts f = noticed();
	struct collect_verdict v[COLLECT_NRULES];
	int earliest, expires, served = day_of("2026-11-02");

	collect_notice_dates(&p, served, &earliest, &expires);
	ck_assert_str_eq(fmt(earliest), "2026-11-17");
	ck_assert_str_eq(fmt(expires), "2027-01-01");
	/* exactly notice_days old: allowed; a day less: refused */
	ck_assert_int_eq(collect_shutoff_rules(&p, &f, served + 15, &holidays,
					       v), 0);
	ck_assert_int_eq(collect_shutoff_rules(&p, &f, served + 14, &holidays,
					       v), 1);
	ck_assert(!v[COLLECT_NOTICE_AGE].holds);
	/* PA's ten days */
	p.notice_days = 10;
	collect_notice_dates(&p, served, &earliest, &expires);
	ck_assert_int_eq(earliest, served + 10);
	ck_assert_int_eq(collect_shutoff_rules(&p, &f, served + 10, &holidays,
					       v), 0);
	ck_assert_int_eq(collect_shutoff_rules(&p, &f, served + 9, &holidays,
					       v), 1);

	/* valid on its expiry day itself, not the day after */
	f.notice_expires_on = day_of("2026-11-18");
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f,
					       day_of("2026-11-18"),
					       &holidays, v), 0);
	holds(v, COLLECT_NOTICE_VALID, "notice N2026-000001 valid until "
	      "2026-11-18");
	shutoff_alone(&defaults, &f, "2026-11-19", COLLECT_NOTICE_VALID,
		      "notice N2026-000001 expired 2026-11-18");
}
END_TEST

START_TEST(medical_expiry)
{
	struct collect_facts f = noticed();
	struct collect_verdict v[COLLECT_NRULES];
	int day = day_of("2026-11-18");

	/* the certificate's last day protects; the day after it does not */
	f.medical_until = day;
	shutoff_alone(&defaults, &f, "2026-11-18", COLLECT_MEDICAL,
		      "medical certificate until 2026-11-18");
	f.medical_until = day - 1;
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f, day, &holidays,
					       v), 0);
	holds(v, COLLECT_MEDICAL, "medical certificate expired 2026-11-17");
	f.medical_until = DATE_NONE;
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f, day, &holidays,
					       v), 0);
	holds(v, COLLECT_MEDICAL, "no medical certificate");
}
END_TEST

START_TEST(dispute_hold)
{
	struct collect_facts f = noticed();
	struct collect_verdict v[COLLECT_NRULES];
	int day = day_of("2026-11-18");

	/* open: whatever the hold says */
	f.dispute_open = 1;
	f.dispute_until = day - 30;
	shutoff_alone(&defaults, &f, "2026-11-18", COLLECT_DISPUTE,
		      "billing complaint open");
	/* closed, on its hold's last day */
	f.dispute_open = 0;
	f.dispute_until = day;
	shutoff_alone(&defaults, &f, "2026-11-18", COLLECT_DISPUTE,
		      "billing complaint on hold until 2026-11-18");
	/* the hold is over */
	f.dispute_until = day - 1;
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f, day, &holidays,
					       v), 0);
	holds(v, COLLECT_DISPUTE, "billing complaint hold ended 2026-11-17");
}
END_TEST

START_TEST(blackout_wraps_the_year)
{
	static const struct {
		const char *day;
		int in;
	} days[] = {
		{ "2026-12-21", 0 }, { "2026-12-22", 1 }, { "2026-12-25", 1 },
		{ "2026-12-31", 1 }, { "2027-01-01", 1 }, { "2027-01-04", 1 },
		{ "2027-01-05", 0 }, { "2026-07-01", 0 }, { "2028-02-29", 0 },
		{ "2027-12-31", 1 }, { "2028-01-01", 1 }, { "2024-12-22", 1 },
	};
	struct collect_facts f = noticed();
	struct collect_verdict v[COLLECT_NRULES];
	size_t i;

	for (i = 0; i < sizeof days / sizeof days[0]; i++)
		ck_assert_msg(collect_in_range(day_of(days[i].day), 1222, 104)
			      == days[i].in, "%s", days[i].day);
	/* no wrap, and a range of a single day */
	ck_assert(collect_in_range(day_of("2026-11-01"), 1101, 1130));
	ck_assert(collect_in_range(day_of("2026-11-30"), 1101, 1130));
	ck_assert(!collect_in_range(day_of("2026-12-01"), 1101, 1130));
	ck_assert(!collect_in_range(day_of("2026-10-31"), 1101, 1130));
	ck_assert(collect_in_range(day_of("2028-02-29"), 229, 229));
	ck_assert(!collect_in_range(day_of("2028-03-01"), 229, 229));
	ck_assert(!collect_in_range(DATE_NONE, 1222, 104));

	/* Thursday Dec 31 is also the eve of New Year's Day */
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f,
					       day_of("2026-12-31"),
					       &holidays, v), 2);
	ck_assert(!v[COLLECT_BLACKOUT].holds);
	ck_assert(!v[COLLECT_EVE].holds);
	/* Monday Jan 4 is the blackout's last day, Tuesday Jan 5 is not:
	 * the notice valid to Jan 1 has run out by then */
	f.notice_expires_on = day_of("2027-01-31");
	shutoff_alone(&defaults, &f, "2027-01-04", COLLECT_BLACKOUT,
		      "in the blackout 12-22..01-04");
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f,
					       day_of("2027-01-05"),
					       &holidays, v), 0);
	holds(v, COLLECT_BLACKOUT, "outside the blackout 12-22..01-04");
}
END_TEST

START_TEST(eve_of_holiday)
{
	struct collect_policy p = defaults;
	struct collect_facts f = noticed();
	struct collect_verdict v[COLLECT_NRULES];

	f.notice_served_on = day_of("2026-06-01");
	f.notice_expires_on = day_of("2026-07-31");
	/* Thursday before Independence Day observed, a Friday */
	shutoff_alone(&p, &f, "2026-07-02", COLLECT_EVE,
		      "the eve of a holiday");
	collect_shutoff_rules(&p, &f, day_of("2026-07-02"), &holidays, v);
	holds(v, COLLECT_WEEKDAY, "Thursday");
	holds(v, COLLECT_HOLIDAY, "not a holiday");
	ck_assert_int_eq(collect_shutoff_rules(&p, &f, day_of("2026-07-01"),
					       &holidays, v), 0);
	holds(v, COLLECT_EVE, "not the eve of a holiday");
	/* no holiday list: no eve */
	ck_assert_int_eq(collect_shutoff_rules(&p, &f, day_of("2026-07-02"),
					       NULL, v), 0);
	/* shutoff.no_eve_of_holiday=no: the eve is not asked */
	p.no_eve_of_holiday = 0;
	ck_assert_int_eq(collect_shutoff_rules(&p, &f, day_of("2026-07-02"),
					       &holidays, v), 0);
	not_applied(v, COLLECT_EVE);
	holds(v, COLLECT_HOLIDAY, "not a holiday");
}
END_TEST

START_TEST(day_rules)
{
	struct collect_policy p = defaults;
	char why[256];

	ck_assert_int_eq(collect_day_rules(&p, day_of("2026-11-16"),
					   &holidays, why, sizeof why), 0);
	ck_assert_str_eq(why, "");
	ck_assert_int_eq(collect_day_rules(&p, day_of("2026-12-25"),
					   &holidays, why, sizeof why), 3);
	ck_assert_str_eq(why, "Friday: shut-offs only on mon,tue,wed,thu; "
			 "a holiday; in the blackout 12-22..01-04");
	ck_assert_int_eq(collect_day_rules(&p, day_of("2026-12-24"),
					   &holidays, why, sizeof why), 2);
	ck_assert_str_eq(why, "the eve of a holiday; in the blackout "
			 "12-22..01-04");
	ck_assert_int_eq(collect_day_rules(&p, day_of("2026-11-22"), NULL,
					   why, sizeof why), 1);
	ck_assert_str_eq(why, "Sunday: shut-offs only on mon,tue,wed,thu");
	/* the allowed days rendered from the mask, Monday first */
	p.weekdays = 1u << 0 | 1u << 1 | 1u << 6;
	ck_assert_int_eq(collect_day_rules(&p, day_of("2026-11-18"), NULL,
					   why, sizeof why), 1);
	ck_assert_str_eq(why, "Wednesday: shut-offs only on mon,sat,sun");
	p.weekdays = 0;
	ck_assert_int_eq(collect_day_rules(&p, day_of("2026-11-18"), NULL,
					   why, sizeof why), 1);
	ck_assert_str_eq(why, "Wednesday: shut-offs on no weekday");
	/* why is optional, and a short one is cut */
	ck_assert_int_eq(collect_day_rules(&defaults, day_of("2026-12-25"),
					   &holidays, NULL, 0), 3);
	ck_assert_int_eq(collect_day_rules(&defaults, day_of("2026-12-25"),
					   &holidays, why, 8), 3);
	ck_assert_str_eq(why, "Friday:");
}
END_TEST

START_TEST(contact_needed)
{
	struct collect_facts f = noticed();
	struct collect_policy p = defaults;

	/* elderly, blind or disabled: all year */
	f.ebd = 1;
	ck_assert(collect_contact_needed(&p, &f, day_of("2026-07-15")));
	ck_assert(collect_contact_needed(&p, &f, day_of("2026-12-01")));
	/* heat: only from cold_from to cold_to, across the new year */
	f.ebd = 0;
	f.heat = 1;
	ck_assert(!collect_contact_needed(&p, &f, day_of("2026-07-15")));
	ck_assert(!collect_contact_needed(&p, &f, day_of("2026-10-31")));
	ck_assert(collect_contact_needed(&p, &f, day_of("2026-11-01")));
	ck_assert(collect_contact_needed(&p, &f, day_of("2027-01-15")));
	ck_assert(collect_contact_needed(&p, &f, day_of("2027-04-15")));
	ck_assert(!collect_contact_needed(&p, &f, day_of("2027-04-16")));
	/* neither */
	f.heat = 0;
	ck_assert(!collect_contact_needed(&p, &f, day_of("2026-12-01")));
}
END_TEST

START_TEST(contact_hours_round_up)
{
	struct collect_policy p = defaults;
	int day = day_of("2026-12-07");

	ck_assert_int_eq(collect_contact_by(&p, day), day - 3);
	p.contact_hours = 1;
	ck_assert_int_eq(collect_contact_by(&p, day), day - 1);
	p.contact_hours = 0;
	ck_assert_int_eq(collect_contact_by(&p, day), day);
	p.contact_hours = 24;
	ck_assert_int_eq(collect_contact_by(&p, day), day - 1);
	p.contact_hours = 25;
	ck_assert_int_eq(collect_contact_by(&p, day), day - 2);
	p.contact_hours = 48;
	ck_assert_int_eq(collect_contact_by(&p, day), day - 2);
	p.contact_hours = 73;
	ck_assert_int_eq(collect_contact_by(&p, day), day - 4);
}
END_TEST

START_TEST(contact_rule)
{
	struct collect_facts f = noticed();
	struct collect_verdict v[COLLECT_NRULES];

	/* a heat account on Monday Dec 7: an attempt by Friday Dec 4 */
	f.heat = 1;
	shutoff_alone(&defaults, &f, "2026-12-07", COLLECT_CONTACT,
		      "heat account in the cold period: no contact attempt "
		      "recorded by 2026-12-04");
	f.contact_on = day_of("2026-12-05");
	shutoff_alone(&defaults, &f, "2026-12-07", COLLECT_CONTACT,
		      "heat account in the cold period: contact attempt "
		      "2026-12-05 later than 2026-12-04");
	f.contact_on = day_of("2026-12-04");
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f,
					       day_of("2026-12-07"),
					       &holidays, v), 0);
	holds(v, COLLECT_CONTACT, "heat account in the cold period: contact "
	      "attempt 2026-12-04, by 2026-12-04");
	/* the same heat account in the summer needs none */
	f = noticed();
	f.heat = 1;
	f.notice_served_on = day_of("2026-06-01");
	f.notice_expires_on = day_of("2026-07-31");
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f,
					       day_of("2026-06-17"),
					       &holidays, v), 0);
	not_applied(v, COLLECT_CONTACT);
	/* an elderly, blind or disabled household does, all year */
	f.ebd = 1;
	f.contact_on = day_of("2026-06-15");
	shutoff_alone(&defaults, &f, "2026-06-17", COLLECT_CONTACT,
		      "elderly, blind or disabled household: contact attempt "
		      "2026-06-15 later than 2026-06-14");
	f.contact_on = day_of("2026-06-14");
	ck_assert_int_eq(collect_shutoff_rules(&defaults, &f,
					       day_of("2026-06-17"),
					       &holidays, v), 0);
	holds(v, COLLECT_CONTACT, NULL);
}
END_TEST

START_TEST(restore_owed)
{
	struct collect_facts f = noticed();
	char why[128];

	f.active = 0;
	f.balance = 0;
	f.arrears = 0;
	ck_assert_int_eq(collect_restore_owed(&defaults, &f, 0, why,
					      sizeof why), 1);
	ck_assert_str_eq(why, "paid in full");
	f.balance = -500;
	ck_assert_int_eq(collect_restore_owed(&defaults, &f, 0, why,
					      sizeof why), 1);
	ck_assert_str_eq(why, "paid in full");

	f.balance = 31200;
	f.arrears = 2000;
	ck_assert_int_eq(collect_restore_owed(&defaults, &f, 0, why,
					      sizeof why), 1);
	ck_assert_str_eq(why, "arrears 20.00 below 50.00");

	f.arrears = 30000;
	f.agreement = "P2026-000003";
	ck_assert_int_eq(collect_restore_owed(&defaults, &f, 1, why,
					      sizeof why), 1);
	ck_assert_str_eq(why, "agreement P2026-000003 signed, down payment "
			 "paid");
	ck_assert_int_eq(collect_restore_owed(&defaults, &f, 0, why,
					      sizeof why), 0);
	ck_assert_str_eq(why, "agreement P2026-000003 down payment not paid");

	f.agreement = "";
	ck_assert_int_eq(collect_restore_owed(&defaults, &f, 1, why,
					      sizeof why), 0);
	ck_assert_str_eq(why, "balance 312.00 owed, arrears 300.00");
	/* arrears of exactly min_arrears are still too much */
	f.arrears = 5000;
	ck_assert_int_eq(collect_restore_owed(&defaults, &f, 0, why,
					      sizeof why), 0);
	ck_assert_str_eq(why, "balance 312.00 owed, arrears 50.00");
	f.arrears = 4999;
	ck_assert_int_eq(collect_restore_owed(&defaults, &f, 0, why, 8), 1);
	ck_assert_str_eq(why, "arrears");
}
END_TEST

START_TEST(restore_day)
{
	struct collect_policy p = defaults;
	int day = day_of("2026-11-18");

	ck_assert_int_eq(collect_restore_day(&p, day), day);
	p.restore_within_hours = 0;
	ck_assert_int_eq(collect_restore_day(&p, day), day);
	p.restore_within_hours = 1;
	ck_assert_int_eq(collect_restore_day(&p, day), day);
	p.restore_within_hours = 25;
	ck_assert_int_eq(collect_restore_day(&p, day), day + 1);
	p.restore_within_hours = 48;
	ck_assert_int_eq(collect_restore_day(&p, day), day + 1);
	p.restore_within_hours = 49;
	ck_assert_int_eq(collect_restore_day(&p, day), day + 2);
	p.restore_within_hours = 72;
	ck_assert_int_eq(collect_restore_day(&p, day), day + 2);
}
END_TEST

START_TEST(sort_for_crews)
{
	struct collect_candidate c[] = {
		{ "1003", 5000 }, { "1010", 31200 }, { "1001", 5000 },
		{ "1002", 90000 }, { "0999", 31200 }, { "1004", 5000 },
	};
	static const char *const want[] = { "1002", "0999", "1010", "1001",
		"1003", "1004" };
	struct collect_candidate one = { "1001", 1 };
	size_t i;

	collect_sort(c, 6);
	for (i = 0; i < 6; i++)
		ck_assert_str_eq(c[i].account, want[i]);
	for (i = 1; i < 6; i++)
		ck_assert(c[i - 1].arrears >= c[i].arrears);
	/* large amounts compare, not subtract */
	c[0].arrears = INT64_C(900000000000000);
	c[1].arrears = -INT64_C(900000000000000);
	collect_sort(c, 2);
	ck_assert_str_eq(c[0].account, "1002");
	collect_sort(&one, 1);
	ck_assert_str_eq(one.account, "1001");
	collect_sort(NULL, 0);
}
END_TEST

START_TEST(weekdays_parse)
{
	static const char *const bad[] = { "", "Mon", "mon,", ",mon",
		"mon,,tue", "mon tue", "mon, tue", "mon,mon", "monday", "mo",
		"mon;tue", "xyz", NULL };
	unsigned mask = 0;
	int i;

	ck_assert_int_eq(collect_weekdays_parse("mon,tue,wed,thu", &mask), 0);
	ck_assert_uint_eq(mask, 0x1e);
	ck_assert_int_eq(collect_weekdays_parse("sun", &mask), 0);
	ck_assert_uint_eq(mask, 1);
	ck_assert_int_eq(collect_weekdays_parse("sat,sun", &mask), 0);
	ck_assert_uint_eq(mask, 0x41);
	ck_assert_int_eq(collect_weekdays_parse("sun,mon,tue,wed,thu,fri,sat",
						&mask), 0);
	ck_assert_uint_eq(mask, 0x7f);
	for (i = 0; bad[i]; i++) {
		mask = 12345;
		ck_assert_msg(collect_weekdays_parse(bad[i], &mask) == -1,
			      "'%s' accepted", bad[i]);
		ck_assert_uint_eq(mask, 12345);
	}
	ck_assert_int_eq(collect_weekdays_parse(NULL, &mask), -1);
}
END_TEST

START_TEST(monthday_parse)
{
	static const char *const bad[] = { "", "12-2", "1-22", "12-22x",
		"12/22", "13-01", "00-10", "12-00", "02-30", "04-31",
		"1a-01", "12-22..01-04", " 12-22", NULL };
	int md = 0, from = 0, to = 0;
	int i;

	ck_assert_int_eq(collect_monthday_parse("12-22", &md), 0);
	ck_assert_int_eq(md, 1222);
	ck_assert_int_eq(collect_monthday_parse("01-04", &md), 0);
	ck_assert_int_eq(md, 104);
	ck_assert_int_eq(collect_monthday_parse("02-29", &md), 0);
	ck_assert_int_eq(md, 229);
	for (i = 0; bad[i]; i++) {
		md = -7;
		ck_assert_msg(collect_monthday_parse(bad[i], &md) == -1,
			      "'%s' accepted", bad[i]);
		ck_assert_int_eq(md, -7);
	}
	ck_assert_int_eq(collect_monthday_parse(NULL, &md), -1);

	ck_assert_int_eq(collect_range_parse("12-22..01-04", &from, &to), 0);
	ck_assert_int_eq(from, 1222);
	ck_assert_int_eq(to, 104);
	ck_assert_int_eq(collect_range_parse("11-01..04-15", &from, &to), 0);
	ck_assert_int_eq(from, 1101);
	ck_assert_int_eq(to, 415);
	ck_assert_int_eq(collect_range_parse("07-04..07-04", &from, &to), 0);
	ck_assert_int_eq(from, 704);
	ck_assert_int_eq(to, 704);
}
END_TEST

START_TEST(range_parse_bad)
{
	static const char *const bad[] = { "", "12-22", "12-22..",
		"..01-04", "12-22...01-04", "12-22-01-04", "12-22..1-4",
		"12-32..01-04", "12-22..01-04x", "12-22 .. 01-04",
		"12-22.01-04", "12-22..13-01", NULL };
	int from = -1, to = -1;
	int i;

	for (i = 0; bad[i]; i++) {
		ck_assert_msg(collect_range_parse(bad[i], &from, &to) == -1,
			      "'%s' accepted", bad[i]);
		ck_assert_int_eq(from, -1);
		ck_assert_int_eq(to, -1);
	}
	ck_assert_int_eq(collect_range_parse(NULL, &from, &to), -1);
}
END_TEST

START_TEST(notice_numbers)
{
	char buf[NOTICE_NUMBER_MAX];

	ck_assert_str_eq(collect_notice_number(2026, 1, buf), "N2026-000001");
	ck_assert_str_eq(collect_notice_number(2026, 123456, buf),
			 "N2026-123456");
	ck_assert_str_eq(collect_notice_number(2027, 1234567, buf),
			 "N2027-1234567");
}
END_TEST

static Suite *
collect_suite(void)
{
	Suite *s = suite_create("collect");
	TCase *tc = tcase_create("shut-off");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, names_and_keys);
	tcase_add_test(tc, shutoff_all_hold);
	tcase_add_test(tc, shutoff_each_rule_alone);
	tcase_add_test(tc, shutoff_without_notice);
	tcase_add_test(tc, shutoff_refusal_names_all);
	tcase_add_test(tc, notice_age_and_validity);
	tcase_add_test(tc, medical_expiry);
	tcase_add_test(tc, dispute_hold);
	tcase_add_test(tc, blackout_wraps_the_year);
	tcase_add_test(tc, eve_of_holiday);
	tcase_add_test(tc, day_rules);
	tcase_add_test(tc, contact_needed);
	tcase_add_test(tc, contact_hours_round_up);
	tcase_add_test(tc, contact_rule);
	suite_add_tcase(s, tc);
	tc = tcase_create("notice");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, notice_all_hold);
	tcase_add_test(tc, notice_each_rule_alone);
	tcase_add_test(tc, notice_boundaries);
	suite_add_tcase(s, tc);
	tc = tcase_create("restoration");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, restore_owed);
	tcase_add_test(tc, restore_day);
	tcase_add_test(tc, sort_for_crews);
	suite_add_tcase(s, tc);
	tc = tcase_create("parsers");
	tcase_add_test(tc, weekdays_parse);
	tcase_add_test(tc, monthday_parse);
	tcase_add_test(tc, range_parse_bad);
	tcase_add_test(tc, notice_numbers);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(collect_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
