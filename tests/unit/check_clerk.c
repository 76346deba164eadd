/* Check suite for common/clerk.c: roles and the approval rule of
 * adjustments and reversals. */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "clerk.h"

static struct clerk
make(const char *login, int supervisor, int64_t limit)
{
	struct clerk c = CLERK_INIT;

	c.login = (char *) login;
	c.supervisor = supervisor;
	c.limit = limit;
	return c;
}

START_TEST(roles)
{
	int sup = -1;

	ck_assert_int_eq(clerk_role_parse("clerk", &sup), 0);
	ck_assert_int_eq(sup, 0);
	ck_assert_int_eq(clerk_role_parse("supervisor", &sup), 0);
	ck_assert_int_eq(sup, 1);
	ck_assert_int_eq(clerk_role_parse("boss", &sup), -1);
	ck_assert_str_eq(clerk_role_name(0), "clerk");
	ck_assert_str_eq(clerk_role_name(1), "supervisor");
}
END_TEST

START_TEST(within_limit)
{
	struct clerk ann = make("ann", 0, -1);
	char why[256] = "";
	int needed = -1;

	/* the default limit, either sign, at the limit exactly */
	ck_assert_int_eq(clerk_may_post(&ann, NULL, 10000, 10000, &needed, why,
					sizeof why), 0);
	ck_assert_int_eq(needed, 0);
	ck_assert_int_eq(clerk_may_post(&ann, NULL, -10000, 10000, &needed,
					why, sizeof why), 0);
	ck_assert_int_eq(needed, 0);
}
END_TEST

START_TEST(over_limit)
{
	struct clerk ann = make("ann", 0, -1), bob = make("bob", 0, 50000);
	struct clerk sue = make("sue", 1, -1);
	char why[256];
	int needed;

	ck_assert_int_eq(clerk_may_post(&ann, NULL, -10001, 10000, &needed,
					why, sizeof why), -1);
	ck_assert_int_eq(needed, 1);
	ck_assert_str_eq(why, "100.01 is over ann's limit of 100.00: a "
			 "supervisor must post it or approve it "
			 "(--approved-by)");
	/* a clerk's own limit replaces the default */
	ck_assert_int_eq(clerk_may_post(&bob, NULL, 40000, 10000, &needed, why,
					sizeof why), 0);
	ck_assert_int_eq(needed, 0);
	/* approved by a supervisor */
	ck_assert_int_eq(clerk_may_post(&ann, &sue, -10001, 10000, &needed,
					why, sizeof why), 0);
	ck_assert_int_eq(needed, 1);
	/* approved by a clerk: refused */
	ck_assert_int_eq(clerk_may_post(&ann, &bob, -10001, 10000, &needed,
					why, sizeof why), -1);
	ck_assert_str_eq(why, "100.01 is over ann's limit of 100.00, and bob "
			 "is not a supervisor");
	/* a supervisor posts alone, any amount */
	ck_assert_int_eq(clerk_may_post(&sue, NULL, 99999999, 10000, &needed,
					why, sizeof why), 0);
	ck_assert_int_eq(needed, 0);
}
END_TEST

START_TEST(no_self_approval)
{
	struct clerk ann = make("ann", 0, -1);
	char why[256];
	int needed;

	ck_assert_int_eq(clerk_may_post(&ann, &ann, 20000, 10000, &needed, why,
					sizeof why), -1);
	ck_assert_str_eq(why, "200.00 is over ann's limit of 100.00, and no "
			 "one approves their own adjustment");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("clerk");
	TCase *tc = tcase_create("clerk");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, roles);
	tcase_add_test(tc, within_limit);
	tcase_add_test(tc, over_limit);
	tcase_add_test(tc, no_self_approval);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
