/* Check suite for common/held.c and the approval rule of held adjustments
 * (common/clerk.c clerk_may_approve): numbers, statuses, who may approve. */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "clerk.h"
#include "held.h"

static struct clerk
make(const char *login, int supervisor, int64_t limit)
{
	struct clerk c = CLERK_INIT;

	c.login = (char *) login;
	c.supervisor = supervisor;
	c.limit = limit;
	return c;
}

START_TEST(numbers)
{
	char buf[HELD_NUMBER_MAX], why[128];
	int64_t seq;
	int year;

	ck_assert_str_eq(held_number(2026, 1, buf), "H2026-000001");
	ck_assert_str_eq(held_number(2027, 1234567, buf), "H2027-1234567");
	ck_assert_int_eq(held_number_parse("H2026-000123", &year, &seq, why,
					   sizeof why), 0);
	ck_assert_int_eq(year, 2026);
	ck_assert_int_eq(seq, 123);
	/* what a number made is, parsed back */
	ck_assert_int_eq(held_number_parse(held_number(2031, 999999999, buf),
					   &year, &seq, why, sizeof why), 0);
	ck_assert_int_eq(year, 2031);
	ck_assert_int_eq(seq, 999999999);
}
END_TEST

START_TEST(bad_numbers)
{
	static const char *const bad[] = { "", "H", "R2026-000001",
		"h2026-000001", "H2026-00001", "H2026-000000", "H2026000001",
		"H26-000001", "H2026-00000a", "H2026-0000010000",
		"H0999-000001",
		" H2026-000001", "H2026-000001 ", NULL };
	char why[128];
	int64_t seq = 7;
	int year = 7, i;

	for (i = 0; bad[i]; i++) {
		why[0] = '\0';
		ck_assert_msg(held_number_parse(bad[i], &year, &seq, why,
						sizeof why) == -1,
			      "'%s' taken", bad[i]);
		ck_assert_str_eq(why, "not a held adjustment's number "
				 "(H2026-000123)");
	}
	ck_assert_int_eq(year, 7);
	ck_assert_int_eq(seq, 7);
}
END_TEST

START_TEST(statuses)
{
	enum held_status st = HELD_REJECTED;

	ck_assert_str_eq(held_status_name(HELD_PENDING), "pending");
	ck_assert_str_eq(held_status_name(HELD_APPROVED), "approved");
	ck_assert_str_eq(held_status_name(HELD_REJECTED), "rejected");
	ck_assert_int_eq(held_status_parse("pending", &st), 0);
	ck_assert_int_eq(st, HELD_PENDING);
	ck_assert_int_eq(held_status_parse("approved", &st), 0);
	ck_assert_int_eq(st, HELD_APPROVED);
	ck_assert_int_eq(held_status_parse("void", &st), -1);
	ck_assert_int_eq(st, HELD_APPROVED);
}
END_TEST

START_TEST(decided_once)
{
	struct held h;
	char why[256] = "";

	memset(&h, 0, sizeof h);
	h.status = HELD_PENDING;
	ck_assert_int_eq(held_decidable(&h, why, sizeof why), 0);
	h.status = HELD_APPROVED;
	strcpy(h.decided_by, "sue");
	strcpy(h.decided_at, "2026-11-27T10:00:00Z");
	h.entry = 42;
	ck_assert_int_eq(held_decidable(&h, why, sizeof why), -1);
	ck_assert_str_eq(why, "approved already by sue at "
			 "2026-11-27T10:00:00Z (entry 42)");
	h.status = HELD_REJECTED;
	ck_assert_int_eq(held_decidable(&h, why, sizeof why), -1);
	ck_assert_str_eq(why, "rejected already by sue at "
			 "2026-11-27T10:00:00Z");
}
END_TEST

START_TEST(limit_of)
{
	struct clerk ann = make("ann", 0, -1), bob = make("bob", 0, 50000);

	ck_assert_int_eq(clerk_limit(&ann, 10000), 10000);
	ck_assert_int_eq(clerk_limit(&bob, 10000), 50000);
}
END_TEST

START_TEST(who_approves)
{
	struct clerk sue = make("sue", 1, -1), max = make("max", 1, 20000);
	struct clerk bob = make("bob", 0, 50000);
	char why[256];

	/* a supervisor: any amount, a limit of its own or not */
	ck_assert_int_eq(clerk_may_approve(&sue, "ann", why, sizeof why), 0);
	ck_assert_int_eq(clerk_may_approve(&max, "ann", why, sizeof why), 0);
	/* a clerk, whatever its limit */
	ck_assert_int_eq(clerk_may_approve(&bob, "ann", why, sizeof why), -1);
	ck_assert_str_eq(why, "bob is not a supervisor");
	/* nobody approves their own */
	ck_assert_int_eq(clerk_may_approve(&sue, "sue", why, sizeof why), -1);
	ck_assert_str_eq(why, "no one approves their own adjustment");
	/* every reason at once */
	ck_assert_int_eq(clerk_may_approve(&bob, "bob", why, sizeof why), -1);
	ck_assert_str_eq(why, "bob is not a supervisor; no one approves "
			 "their own adjustment");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("held");
	TCase *tc = tcase_create("held");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, numbers);
	tcase_add_test(tc, bad_numbers);
	tcase_add_test(tc, statuses);
	tcase_add_test(tc, decided_once);
	tcase_add_test(tc, limit_of);
	tcase_add_test(tc, who_approves);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
