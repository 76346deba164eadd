#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "account.h"
#include "date.h"

static char why[256];

/* Expects call to refuse with exactly the reason want in why; a macro so
 * that a failure names the line of the case. */
#define REFUSES(call, want) do { \
	why[0] = '\0'; \
	ck_assert_int_eq((call), -1); \
	ck_assert_str_eq(why, (want)); \
} while (0)

START_TEST(number_good)
{
	ck_assert_int_eq(account_number_check("1001", why, sizeof why), 0);
	ck_assert_int_eq(account_number_check("A-12-b", why, sizeof why), 0);
	ck_assert_int_eq(account_number_check("x", why, sizeof why), 0);
	ck_assert_int_eq(account_number_check("12345678901234567890", why,
					       sizeof why), 0);
}
END_TEST

START_TEST(number_bad)
{
	REFUSES(account_number_check("", why, sizeof why), "empty");
	REFUSES(account_number_check("123456789012345678901", why, sizeof why),
		"longer than 20 characters");
	REFUSES(account_number_check("12 34", why, sizeof why),
		"letters, digits and '-' only");
	REFUSES(account_number_check("12_34", why, sizeof why),
		"letters, digits and '-' only");
	REFUSES(account_number_check(" 1001", why, sizeof why),
		"letters, digits and '-' only");
	REFUSES(account_number_check("10\xc3\xa9", why, sizeof why),
		"letters, digits and '-' only");
	REFUSES(account_number_check("1001;", why, sizeof why),
		"letters, digits and '-' only");
}
END_TEST

START_TEST(status)
{
	ck_assert_int_eq(account_status_check("active", why, sizeof why), 0);
	ck_assert_int_eq(account_status_check("off", why, sizeof why), 0);
	ck_assert_int_eq(account_status_check("final", why, sizeof why), 0);
	ck_assert_int_eq(account_status_check("closed", why, sizeof why), 0);
	REFUSES(account_status_check("Active", why, sizeof why),
		"not one of active, off, final, closed");
	REFUSES(account_status_check("open", why, sizeof why),
		"not one of active, off, final, closed");
	REFUSES(account_status_check("active ", why, sizeof why),
		"not one of active, off, final, closed");
	REFUSES(account_status_check("", why, sizeof why), "empty");
}
END_TEST

START_TEST(rate_class)
{
	ck_assert_int_eq(account_rate_class_check("residential", why,
						   sizeof why), 0);
	ck_assert_int_eq(account_rate_class_check("SC-1_a", why, sizeof why),
			 0);
	ck_assert_int_eq(account_rate_class_check("abcdefghijklmnopqrst", why,
						   sizeof why), 0);
	REFUSES(account_rate_class_check("", why, sizeof why), "empty");
	REFUSES(account_rate_class_check("abcdefghijklmnopqrstu", why,
					 sizeof why),
		"longer than 20 characters");
	REFUSES(account_rate_class_check("small business", why, sizeof why),
		"letters, digits, '-' and '_' only");
	REFUSES(account_rate_class_check("sc.1", why, sizeof why),
		"letters, digits, '-' and '_' only");
}
END_TEST

START_TEST(flags)
{
	static const char *const yes[] = { "yes", "y", "1", "true", "YES",
					   "True", "Y", NULL };
	static const char *const no[] = { "no", "n", "0", "false", "NO",
					  "FALSE", "N", NULL };
	int i, flag;

	for (i = 0; yes[i]; i++) {
		flag = -1;
		ck_assert_int_eq(account_flag_parse(yes[i], &flag, why,
						    sizeof why), 0);
		ck_assert_int_eq(flag, 1);
	}
	for (i = 0; no[i]; i++) {
		flag = -1;
		ck_assert_int_eq(account_flag_parse(no[i], &flag, why,
						    sizeof why), 0);
		ck_assert_int_eq(flag, 0);
	}
	flag = 7;
	REFUSES(account_flag_parse("maybe", &flag, why, sizeof why),
		"not yes or no");
	REFUSES(account_flag_parse("", &flag, why, sizeof why),
		"not yes or no");
	REFUSES(account_flag_parse("yes ", &flag, why, sizeof why),
		"not yes or no");
	REFUSES(account_flag_parse("2", &flag, why, sizeof why),
		"not yes or no");
	ck_assert_int_eq(flag, 7);
}
END_TEST

START_TEST(text)
{
	char s[256];

	ck_assert_int_eq(account_text_check("", why, sizeof why), 0);
	ck_assert_int_eq(account_text_check("Zo\xc3\xab O'Brien, Apt. 3",
					    why, sizeof why), 0);
	memset(s, 'a', 200);
	s[200] = '\0';
	ck_assert_int_eq(account_text_check(s, why, sizeof why), 0);
	s[200] = 'a';
	s[201] = '\0';
	REFUSES(account_text_check(s, why, sizeof why),
		"longer than 200 bytes");
	/* 100 two-byte characters are 200 bytes, and fit */
	for (int i = 0; i < 100; i++)
		memcpy(s + 2 * i, "\xc3\xab", 2);
	s[200] = '\0';
	ck_assert_int_eq(account_text_check(s, why, sizeof why), 0);
	REFUSES(account_text_check("a\tb", why, sizeof why),
		"control characters are not allowed");
	REFUSES(account_text_check("line\nbreak", why, sizeof why),
		"control characters are not allowed");
	REFUSES(account_text_check("cr\r", why, sizeof why),
		"control characters are not allowed");
	REFUSES(account_text_check("\x1b[2J", why, sizeof why),
		"control characters are not allowed");
	REFUSES(account_text_check("del\x7f", why, sizeof why),
		"control characters are not allowed");
	REFUSES(account_text_check("c1 \xc2\x85", why, sizeof why),
		"control characters are not allowed");
	REFUSES(account_text_check("csi \xc2\x9b", why, sizeof why),
		"control characters are not allowed");
	/* U+00A0 (C2 A0) is a character, not a control */
	ck_assert_int_eq(account_text_check("a\xc2\xa0z", why, sizeof why),
			 0);
}
END_TEST

START_TEST(field_names)
{
	static const char *const names[] = {
		"name", "service_address", "mailing_address", "phone",
		"email", "rate_class", "status", "opened_on", "heat",
		"life_support", "ebd", "medical_until"
	};
	int f;

	ck_assert_int_eq(ACCOUNT_NFIELDS, 12);
	for (f = 0; f < ACCOUNT_NFIELDS; f++)
		ck_assert_str_eq(account_field_name(f), names[f]);
	ck_assert_ptr_eq(account_field_name(ACCOUNT_NFIELDS), NULL);
}
END_TEST

/* Sets every field, then reads it back as text. */
START_TEST(set_get)
{
	static const char *const values[ACCOUNT_NFIELDS] = {
		[ACCOUNT_NAME] = "Ann Smith",
		[ACCOUNT_SERVICE_ADDRESS] = "1 Main St",
		[ACCOUNT_MAILING_ADDRESS] = "PO Box 9, Troy, NY",
		[ACCOUNT_PHONE] = "518-555-0100",
		[ACCOUNT_EMAIL] = "ann@example.org",
		[ACCOUNT_RATE_CLASS] = "residential",
		[ACCOUNT_STATUS] = "final",
		[ACCOUNT_OPENED_ON] = "1965-03-01",
		[ACCOUNT_HEAT] = "yes",
		[ACCOUNT_LIFE_SUPPORT] = "no",
		[ACCOUNT_EBD] = "yes",
		[ACCOUNT_MEDICAL_UNTIL] = "2024-02-29",
	};
	struct account a = ACCOUNT_INIT;
	char buf[256];
	int f;

	for (f = 0; f < ACCOUNT_NFIELDS; f++) {
		ck_assert_int_eq(account_set(&a, f, values[f], why,
					     sizeof why), 0);
		ck_assert_str_eq(account_get(&a, f, buf, sizeof buf),
				 values[f]);
	}
	ck_assert_int_eq(a.heat, 1);
	ck_assert_int_eq(a.life_support, 0);
	ck_assert_int_eq(a.ebd, 1);
	ck_assert_int_eq(a.medical_until, date_from_ymd(2024, 2, 29));
	ck_assert_int_eq(a.opened_on, date_from_ymd(1965, 3, 1));
	ck_assert_str_eq(a.status, "final");

	/* setting again replaces (and frees) the old value */
	ck_assert_int_eq(account_set(&a, ACCOUNT_NAME, "Ann Jones", why,
				     sizeof why), 0);
	ck_assert_str_eq(a.name, "Ann Jones");
	ck_assert_int_eq(account_set(&a, ACCOUNT_HEAT, "FALSE", why,
				     sizeof why), 0);
	ck_assert_str_eq(account_get(&a, ACCOUNT_HEAT, buf, sizeof buf), "no");
	ck_assert_int_eq(account_set(&a, ACCOUNT_EBD, "0", why, sizeof why),
			 0);
	ck_assert_str_eq(account_get(&a, ACCOUNT_EBD, buf, sizeof buf), "no");
	ck_assert_int_eq(account_set(&a, ACCOUNT_LIFE_SUPPORT, "y", why,
				     sizeof why), 0);
	ck_assert_str_eq(account_get(&a, ACCOUNT_LIFE_SUPPORT, buf,
				     sizeof buf), "yes");
	/* an empty free-text field is allowed */
	ck_assert_int_eq(account_set(&a, ACCOUNT_EMAIL, "", why, sizeof why),
			 0);
	ck_assert_str_eq(account_get(&a, ACCOUNT_EMAIL, buf, sizeof buf), "");
	account_release(&a);
}
END_TEST

START_TEST(set_refused)
{
	struct account a = ACCOUNT_INIT;
	char buf[256];

	ck_assert_int_eq(account_set(&a, ACCOUNT_NAME, "Ann", why, sizeof why),
			 0);
	ck_assert_int_eq(account_set(&a, ACCOUNT_STATUS, "active", why,
				     sizeof why), 0);
	ck_assert_int_eq(account_set(&a, ACCOUNT_OPENED_ON, "2020-01-15", why,
				     sizeof why), 0);
	ck_assert_int_eq(account_set(&a, ACCOUNT_MEDICAL_UNTIL, "2024-06-01",
				     why, sizeof why), 0);

	REFUSES(account_set(&a, ACCOUNT_NAME, "Ann\nSmith", why, sizeof why),
		"control characters are not allowed");
	REFUSES(account_set(&a, ACCOUNT_PHONE, "\x7f", why, sizeof why),
		"control characters are not allowed");
	REFUSES(account_set(&a, ACCOUNT_STATUS, "gone", why, sizeof why),
		"not one of active, off, final, closed");
	REFUSES(account_set(&a, ACCOUNT_STATUS, "", why, sizeof why), "empty");
	REFUSES(account_set(&a, ACCOUNT_RATE_CLASS, "a b", why, sizeof why),
		"letters, digits, '-' and '_' only");
	REFUSES(account_set(&a, ACCOUNT_HEAT, "sometimes", why, sizeof why),
		"not yes or no");
	REFUSES(account_set(&a, ACCOUNT_LIFE_SUPPORT, "", why, sizeof why),
		"not yes or no");
	REFUSES(account_set(&a, ACCOUNT_EBD, "x", why, sizeof why),
		"not yes or no");
	REFUSES(account_set(&a, ACCOUNT_NFIELDS, "x", why, sizeof why),
		"no such field");

	/* a bad date gives date_parse()'s reason; "none" is no opening date */
	ck_assert_int_eq(account_set(&a, ACCOUNT_OPENED_ON, "2023-02-29", why,
				     sizeof why), -1);
	ck_assert_str_ne(why, "");
	why[0] = '\0';
	ck_assert_int_eq(account_set(&a, ACCOUNT_OPENED_ON, "none", why,
				     sizeof why), -1);
	ck_assert_str_ne(why, "");
	why[0] = '\0';
	ck_assert_int_eq(account_set(&a, ACCOUNT_MEDICAL_UNTIL, "06/01/2024",
				     why, sizeof why), -1);
	ck_assert_str_ne(why, "");

	/* nothing above changed the account */
	ck_assert_str_eq(a.name, "Ann");
	ck_assert_str_eq(a.status, "active");
	ck_assert_ptr_eq(a.phone, NULL);
	ck_assert_ptr_eq(a.rate_class, NULL);
	ck_assert_int_eq(a.heat, 0);
	ck_assert_int_eq(a.opened_on, date_from_ymd(2020, 1, 15));
	ck_assert_str_eq(account_get(&a, ACCOUNT_MEDICAL_UNTIL, buf,
				     sizeof buf), "2024-06-01");
	account_release(&a);
}
END_TEST

START_TEST(dates_clear)
{
	struct account a = ACCOUNT_INIT;
	char buf[64];

	ck_assert_int_eq(account_set(&a, ACCOUNT_MEDICAL_UNTIL, "2024-06-01",
				     why, sizeof why), 0);
	ck_assert_int_eq(account_set(&a, ACCOUNT_MEDICAL_UNTIL, "none", why,
				     sizeof why), 0);
	ck_assert_int_eq(a.medical_until, DATE_NONE);
	ck_assert_str_eq(account_get(&a, ACCOUNT_MEDICAL_UNTIL, buf,
				     sizeof buf), "");
	ck_assert_int_eq(account_set(&a, ACCOUNT_MEDICAL_UNTIL, "2024-06-01",
				     why, sizeof why), 0);
	ck_assert_int_eq(account_set(&a, ACCOUNT_MEDICAL_UNTIL, "", why,
				     sizeof why), 0);
	ck_assert_int_eq(a.medical_until, DATE_NONE);

	ck_assert_int_eq(account_set(&a, ACCOUNT_OPENED_ON, "2020-01-15", why,
				     sizeof why), 0);
	ck_assert_int_eq(account_set(&a, ACCOUNT_OPENED_ON, "", why,
				     sizeof why), 0);
	ck_assert_int_eq(a.opened_on, DATE_NONE);
	ck_assert_str_eq(account_get(&a, ACCOUNT_OPENED_ON, buf, sizeof buf),
			 "");
	account_release(&a);
}
END_TEST

START_TEST(get_unset)
{
	struct account a = ACCOUNT_INIT;
	char buf[64];
	int f;

	for (f = 0; f < ACCOUNT_NFIELDS; f++) {
		const char *want = "";

		if (f == ACCOUNT_HEAT || f == ACCOUNT_LIFE_SUPPORT ||
		    f == ACCOUNT_EBD)
			want = "no";
		strcpy(buf, "junk");
		ck_assert_str_eq(account_get(&a, f, buf, sizeof buf), want);
	}
	/* a small buffer is cut, never overrun */
	ck_assert_int_eq(account_set(&a, ACCOUNT_NAME, "Bartholomew", why,
				     sizeof why), 0);
	ck_assert_str_eq(account_get(&a, ACCOUNT_NAME, buf, 5), "Bart");
	account_release(&a);
}
END_TEST

START_TEST(release)
{
	struct account a = ACCOUNT_INIT;

	a.number = strdup("1001");
	ck_assert_int_eq(account_set(&a, ACCOUNT_NAME, "Ann", why, sizeof why),
			 0);
	ck_assert_int_eq(account_set(&a, ACCOUNT_MAILING_ADDRESS, "Box 1", why,
				     sizeof why), 0);
	ck_assert_int_eq(account_set(&a, ACCOUNT_HEAT, "yes", why, sizeof why),
			 0);
	account_release(&a);
	ck_assert_ptr_eq(a.number, NULL);
	ck_assert_ptr_eq(a.name, NULL);
	ck_assert_ptr_eq(a.mailing_address, NULL);
	ck_assert_int_eq(a.heat, 0);
	ck_assert_int_eq(a.opened_on, DATE_NONE);
	/* releasing twice is harmless */
	account_release(&a);
}
END_TEST

/* A reason is cut to fit the caller's buffer. */
START_TEST(why_small)
{
	char small[6];

	ck_assert_int_eq(account_status_check("x", small, sizeof small), -1);
	ck_assert_str_eq(small, "not o");
	ck_assert_int_eq(account_number_check("", small, 0), -1);
}
END_TEST

static Suite *
account_suite(void)
{
	Suite *s = suite_create("account");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, number_good);
	tcase_add_test(tc, number_bad);
	tcase_add_test(tc, status);
	tcase_add_test(tc, rate_class);
	tcase_add_test(tc, flags);
	tcase_add_test(tc, text);
	tcase_add_test(tc, why_small);
	suite_add_tcase(s, tc);
	tc = tcase_create("fields");
	tcase_add_test(tc, field_names);
	tcase_add_test(tc, set_get);
	tcase_add_test(tc, set_refused);
	tcase_add_test(tc, dates_clear);
	tcase_add_test(tc, get_unset);
	tcase_add_test(tc, release);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(account_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
