#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "policy.h"

/* Every key of ../shared/POLICY.md, with its default and type as the
 * table there gives them. */
static const struct {
	const char *key, *value;
	enum policy_type type;
} documented[] = {
	{ "bill.due_days", "20", POLICY_DAYS },
	{ "shutoff.min_arrears", "50.00", POLICY_MONEY },
	{ "shutoff.notice_after_due_days", "20", POLICY_DAYS },
	{ "shutoff.notice_days", "15", POLICY_DAYS },
	{ "shutoff.notice_valid_days", "60", POLICY_DAYS },
	{ "shutoff.days", "mon,tue,wed,thu", POLICY_WEEKDAYS },
	{ "shutoff.no_eve_of_holiday", "yes", POLICY_YESNO },
	{ "shutoff.blackout", "12-22..01-04", POLICY_MONTHDAY_RANGE },
	{ "shutoff.cold_from", "11-01", POLICY_MONTHDAY },
	{ "shutoff.cold_to", "04-15", POLICY_MONTHDAY },
	{ "shutoff.contact_hours", "72", POLICY_COUNT },
	{ "shutoff.per_day", "40", POLICY_COUNT },
	{ "medical.cert_days", "30", POLICY_DAYS },
	{ "medical.max_renewals", "2", POLICY_COUNT },
	{ "dispute.hold_days", "15", POLICY_DAYS },
	{ "restore.within_hours", "24", POLICY_COUNT },
	{ "fee.reconnect", "0.00", POLICY_MONEY },
	{ "plan.down_max_pct", "50", POLICY_PERCENT },
	{ "plan.down_max_months", "3", POLICY_COUNT },
	{ "plan.max_installments", "24", POLICY_COUNT },
	{ "plan.grace_days", "10", POLICY_DAYS },
	{ "cert.valid_days", "60", POLICY_DAYS },
	{ "cert.fee", "0.00", POLICY_MONEY },
	{ "case.sla_days.billing", "30", POLICY_DAYS },
	{ "case.sla_days.service", "10", POLICY_DAYS },
	{ "case.sla_days.shutoff", "1", POLICY_DAYS },
	{ "case.sla_days.other", "30", POLICY_DAYS },
	{ "invest.routine_days", "10", POLICY_DAYS },
	{ "invest.special_days", "1", POLICY_DAYS },
	{ "adjust.clerk_limit", "100.00", POLICY_MONEY },
	/* POLICY.md's "approval limits as in Oracle Receivables": approved
	 * under the approver's own login (acct-adjust --hold, --approve) */
	{ "adjust.countersign", "no", POLICY_YESNO },
};
#define NDOCUMENTED (sizeof documented / sizeof documented[0])

static char why[256];

/* A key of each type, for the checks by type. */
static const struct policy_key *
key_of_type(enum policy_type type)
{
	const struct policy_key *k;

	for (k = policy_keys; k->key; k++)
		if (k->type == type)
			return k;
	ck_abort_msg("no key of type %d", (int)type);
	return NULL;
}

#define GOOD(type, value) \
	ck_assert_msg(policy_check(key_of_type(type), (value), why, \
				   sizeof why) == 0, \
		      "'%s' refused: %s", (value), why)
/* A macro so that a failure names the line of the case. */
#define BAD(type, value, want) do { \
	why[0] = '\0'; \
	ck_assert_int_eq(policy_check(key_of_type(type), (value), why, \
				      sizeof why), -1); \
	ck_assert_str_eq(why, (want)); \
} while (0)

START_TEST(documented_keys)
{
	size_t i;

	for (i = 0; i < NDOCUMENTED; i++) {
		const struct policy_key *k = policy_find(documented[i].key);

		ck_assert_msg(k != NULL, "%s missing", documented[i].key);
		ck_assert_str_eq(k->value, documented[i].value);
		ck_assert_int_eq(k->type, documented[i].type);
	}
}
END_TEST

/* Nothing in the catalogue that POLICY.md does not have. */
START_TEST(no_undocumented_keys)
{
	const struct policy_key *k;
	size_t i, n = 0;

	for (k = policy_keys; k->key; k++, n++) {
		for (i = 0; i < NDOCUMENTED; i++)
			if (strcmp(k->key, documented[i].key) == 0)
				break;
		ck_assert_msg(i < NDOCUMENTED, "%s not in POLICY.md", k->key);
	}
	ck_assert_uint_eq(n, NDOCUMENTED);
}
END_TEST

START_TEST(no_duplicates)
{
	const struct policy_key *k, *l;

	for (k = policy_keys; k->key; k++)
		for (l = k + 1; l->key; l++)
			ck_assert_str_ne(k->key, l->key);
}
END_TEST

START_TEST(defaults_pass)
{
	const struct policy_key *k;

	for (k = policy_keys; k->key; k++)
		ck_assert_msg(policy_check(k, k->value, why, sizeof why) == 0,
			      "%s default '%s': %s", k->key, k->value, why);
}
END_TEST

START_TEST(documentation)
{
	const struct policy_key *k;

	for (k = policy_keys; k->key; k++) {
		ck_assert_ptr_nonnull(k->meaning);
		ck_assert_ptr_nonnull(k->source);
		ck_assert_msg(*k->meaning && !strchr(k->meaning, '\n'),
			      "%s: meaning not one line", k->key);
		ck_assert_msg(*k->source && !strchr(k->source, '\n'),
			      "%s: source not one line", k->key);
	}
	ck_assert_str_eq(policy_find("shutoff.notice_days")->source,
			 "NY PSL 32 (PA: 10)");
	ck_assert_str_eq(policy_find("bill.due_days")->source,
			 "office practice");
}
END_TEST

START_TEST(find)
{
	ck_assert_ptr_eq(policy_find("no.such_key"), NULL);
	ck_assert_ptr_eq(policy_find(""), NULL);
	ck_assert_ptr_eq(policy_find(NULL), NULL);
	ck_assert_ptr_eq(policy_find("bill.due_day"), NULL);
	ck_assert_str_eq(policy_find("cert.fee")->key, "cert.fee");
	ck_assert_int_eq(policy_check(NULL, "1", why, sizeof why), -1);
	ck_assert_str_eq(why, "no such key");
}
END_TEST

START_TEST(days)
{
	GOOD(POLICY_DAYS, "0");
	GOOD(POLICY_DAYS, "20");
	GOOD(POLICY_DAYS, "3660");
	GOOD(POLICY_DAYS, "007");
	BAD(POLICY_DAYS, "3661", "not between 0 and 3660");
	BAD(POLICY_DAYS, "99999999999999999999", "not between 0 and 3660");
	BAD(POLICY_DAYS, "-1", "not between 0 and 3660");
	BAD(POLICY_DAYS, "", "empty");
	BAD(POLICY_DAYS, "-", "not a whole number");
	BAD(POLICY_DAYS, "1.5", "not a whole number");
	BAD(POLICY_DAYS, " 20", "not a whole number");
	BAD(POLICY_DAYS, "20 ", "not a whole number");
	BAD(POLICY_DAYS, "+20", "not a whole number");
	BAD(POLICY_DAYS, "twenty", "not a whole number");
}
END_TEST

START_TEST(count)
{
	GOOD(POLICY_COUNT, "0");
	GOOD(POLICY_COUNT, "40");
	GOOD(POLICY_COUNT, "100000");
	BAD(POLICY_COUNT, "100001", "not between 0 and 100000");
	BAD(POLICY_COUNT, "-5", "not between 0 and 100000");
	BAD(POLICY_COUNT, "4O", "not a whole number");
	BAD(POLICY_COUNT, "", "empty");
}
END_TEST

START_TEST(percent)
{
	GOOD(POLICY_PERCENT, "0");
	GOOD(POLICY_PERCENT, "50");
	GOOD(POLICY_PERCENT, "100");
	BAD(POLICY_PERCENT, "101", "not between 0 and 100");
	BAD(POLICY_PERCENT, "50%", "not a whole number");
	BAD(POLICY_PERCENT, "12.5", "not a whole number");
	BAD(POLICY_PERCENT, "", "empty");
}
END_TEST

START_TEST(money)
{
	GOOD(POLICY_MONEY, "0.00");
	GOOD(POLICY_MONEY, "0");
	GOOD(POLICY_MONEY, "50");
	GOOD(POLICY_MONEY, "50.5");
	GOOD(POLICY_MONEY, "1234.56");
	BAD(POLICY_MONEY, "-0.01", "negative");
	BAD(POLICY_MONEY, "-50.00", "negative");
	BAD(POLICY_MONEY, "", "empty");
	/* the reasons of money_parse(), whatever their words */
	ck_assert_int_eq(policy_check(key_of_type(POLICY_MONEY), "12.345",
				      why, sizeof why), -1);
	ck_assert_int_eq(policy_check(key_of_type(POLICY_MONEY), "$5", why,
				      sizeof why), -1);
	ck_assert_int_eq(policy_check(key_of_type(POLICY_MONEY), "1,000.00",
				      why, sizeof why), -1);
	ck_assert_int_eq(policy_check(key_of_type(POLICY_MONEY), "fifty", why,
				      sizeof why), -1);
	ck_assert_str_ne(why, "");
}
END_TEST

START_TEST(weekdays)
{
	GOOD(POLICY_WEEKDAYS, "mon,tue,wed,thu");
	GOOD(POLICY_WEEKDAYS, "sun");
	GOOD(POLICY_WEEKDAYS, "sat,sun");
	GOOD(POLICY_WEEKDAYS, "thu,mon");
	GOOD(POLICY_WEEKDAYS, "mon,tue,wed,thu,fri,sat,sun");
	BAD(POLICY_WEEKDAYS, "", "empty");
	BAD(POLICY_WEEKDAYS, "mon,mon", "a weekday named twice");
	BAD(POLICY_WEEKDAYS, "mon,tue,mon", "a weekday named twice");
	BAD(POLICY_WEEKDAYS, "Mon",
	    "not a list of mon, tue, wed, thu, fri, sat, sun");
	BAD(POLICY_WEEKDAYS, "monday",
	    "not a list of mon, tue, wed, thu, fri, sat, sun");
	BAD(POLICY_WEEKDAYS, "mon, tue",
	    "not a list of mon, tue, wed, thu, fri, sat, sun");
	BAD(POLICY_WEEKDAYS, "mon,",
	    "not a list of mon, tue, wed, thu, fri, sat, sun");
	BAD(POLICY_WEEKDAYS, ",mon",
	    "not a list of mon, tue, wed, thu, fri, sat, sun");
	BAD(POLICY_WEEKDAYS, "mon,,tue",
	    "not a list of mon, tue, wed, thu, fri, sat, sun");
	BAD(POLICY_WEEKDAYS, "mon;tue",
	    "not a list of mon, tue, wed, thu, fri, sat, sun");
	BAD(POLICY_WEEKDAYS, "mo",
	    "not a list of mon, tue, wed, thu, fri, sat, sun");
	BAD(POLICY_WEEKDAYS, "mon-thu",
	    "not a list of mon, tue, wed, thu, fri, sat, sun");
}
END_TEST

START_TEST(yesno)
{
	GOOD(POLICY_YESNO, "yes");
	GOOD(POLICY_YESNO, "no");
	BAD(POLICY_YESNO, "Yes", "not yes or no");
	BAD(POLICY_YESNO, "y", "not yes or no");
	BAD(POLICY_YESNO, "1", "not yes or no");
	BAD(POLICY_YESNO, "", "not yes or no");
}
END_TEST

START_TEST(monthday)
{
	GOOD(POLICY_MONTHDAY, "11-01");
	GOOD(POLICY_MONTHDAY, "01-31");
	GOOD(POLICY_MONTHDAY, "02-29");
	GOOD(POLICY_MONTHDAY, "12-31");
	BAD(POLICY_MONTHDAY, "02-30", "no such day");
	BAD(POLICY_MONTHDAY, "04-31", "no such day");
	BAD(POLICY_MONTHDAY, "13-01", "no such day");
	BAD(POLICY_MONTHDAY, "00-10", "no such day");
	BAD(POLICY_MONTHDAY, "05-00", "no such day");
	BAD(POLICY_MONTHDAY, "", "not MM-DD");
	BAD(POLICY_MONTHDAY, "1-01", "not MM-DD");
	BAD(POLICY_MONTHDAY, "11-1", "not MM-DD");
	BAD(POLICY_MONTHDAY, "11/01", "not MM-DD");
	BAD(POLICY_MONTHDAY, "11-01 ", "not MM-DD");
	BAD(POLICY_MONTHDAY, "2024-11-01", "not MM-DD");
}
END_TEST

START_TEST(monthday_range)
{
	GOOD(POLICY_MONTHDAY_RANGE, "12-22..01-04");
	GOOD(POLICY_MONTHDAY_RANGE, "01-01..12-31");
	GOOD(POLICY_MONTHDAY_RANGE, "02-29..03-01");
	GOOD(POLICY_MONTHDAY_RANGE, "12-25..12-25");
	BAD(POLICY_MONTHDAY_RANGE, "", "not MM-DD..MM-DD");
	BAD(POLICY_MONTHDAY_RANGE, "12-22", "not MM-DD..MM-DD");
	BAD(POLICY_MONTHDAY_RANGE, "12-22-01-04", "not MM-DD..MM-DD");
	BAD(POLICY_MONTHDAY_RANGE, "12-22...01-04", "not MM-DD..MM-DD");
	BAD(POLICY_MONTHDAY_RANGE, "12-22..1-04", "not MM-DD..MM-DD");
	BAD(POLICY_MONTHDAY_RANGE, "12-22 .. 01-04", "not MM-DD..MM-DD");
	BAD(POLICY_MONTHDAY_RANGE, "12-32..01-04", "no such day");
	BAD(POLICY_MONTHDAY_RANGE, "12-22..02-30", "no such day");
	BAD(POLICY_MONTHDAY_RANGE, "12/22..01/04", "not MM-DD");
}
END_TEST

static Suite *
policy_suite(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("catalogue");

	tcase_add_test(tc, documented_keys);
	tcase_add_test(tc, no_undocumented_keys);
	tcase_add_test(tc, no_duplicates);
	tcase_add_test(tc, defaults_pass);
	tcase_add_test(tc, documentation);
	tcase_add_test(tc, find);
	suite_add_tcase(s, tc);
	tc = tcase_create("check");
	tcase_add_test(tc, days);
	tcase_add_test(tc, count);
	tcase_add_test(tc, percent);
	tcase_add_test(tc, money);
	tcase_add_test(tc, weekdays);
	tcase_add_test(tc, yesno);
	tcase_add_test(tc, monthday);
	tcase_add_test(tc, monthday_range);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(policy_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
