#include <config.h>

#include <check.h>
#include <inttypes.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"

/* A fixed-seed xorshift64: the same cases on every run and machine. */
static uint64_t rng_state;

static void
rng_seed(uint64_t seed)
{
	rng_state = seed;
}

static uint64_t
rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* A number in [lo, hi]. */
static int64_t
rng_range(int64_t lo, int64_t hi)
{
	return lo + (int64_t) (rng_next() % (uint64_t) (hi - lo + 1));
}

static void
parses_to(const char *s, int64_t want)
{
	char why[128] = "";
	int64_t cents = 12345;

	ck_assert_msg(money_parse(s, &cents, why, sizeof why) == 0,
		      "'%s' refused: %s", s, why);
	ck_assert_msg(cents == want, "'%s' gave %" PRId64 ", want %" PRId64,
		      s, cents, want);
}

static void
refused(const char *s, const char *reason)
{
	char why[128] = "";
	int64_t cents = 777;

	ck_assert_msg(money_parse(s, &cents, why, sizeof why) == -1,
		      "'%s' accepted", s);
	ck_assert_str_eq(why, reason);
	ck_assert_msg(cents == 777, "'%s' changed the value on error", s);
}

START_TEST(parse_good)
{
	parses_to("0", 0);
	parses_to("-0", 0);
	parses_to("-0.00", 0);
	parses_to("12", 1200);
	parses_to("12.3", 1230);
	parses_to("12.30", 1230);
	parses_to("12.05", 1205);
	parses_to("-12.3", -1230);
	parses_to("-0.01", -1);
	parses_to("0.5", 50);
	parses_to("007.10", 710);
	parses_to("1234567.89", 123456789);
	parses_to("0000000000000000000000000001.00", 100);
}
END_TEST

START_TEST(parse_errors)
{
	refused("", "empty");
	refused(NULL, "empty");
	refused("abc", "not a number");
	refused("-", "not a number");
	refused("--1", "not a number");
	refused("+12", "not a number");
	refused("12.", "not a number");
	refused(".5", "not a number");
	refused("-.5", "not a number");
	refused("1.2.3", "not a number");
	refused("1e5", "not a number");
	refused("0x10", "not a number");
	refused("12a", "not a number");
	refused("1.2a", "not a number");
	refused("1.234a", "not a number");
	refused("12.345", "more than two decimals");
	refused("-0.001", "more than two decimals");
	refused("1,234.56", "thousands separators are not allowed");
	refused("1,5", "thousands separators are not allowed");
	refused("$12.00", "currency signs are not allowed");
	refused("-$12.00", "currency signs are not allowed");
	refused("12$", "currency signs are not allowed");
	refused("\xe2\x82\xac" "5", "currency signs are not allowed");
	refused("\xc2\xa3" "5", "currency signs are not allowed");
	refused(" 12", "spaces are not allowed");
	refused("12 ", "spaces are not allowed");
	refused("1 234", "spaces are not allowed");
	refused("- 12", "spaces are not allowed");
	refused("12\t", "spaces are not allowed");
	refused("12\n", "spaces are not allowed");
}
END_TEST

START_TEST(parse_limit)
{
	parses_to("10000000000.00", MONEY_LIMIT);
	parses_to("10000000000", MONEY_LIMIT);
	parses_to("-10000000000.00", -MONEY_LIMIT);
	parses_to("9999999999.99", MONEY_LIMIT - 1);
	refused("10000000000.01", "beyond the limit of 10000000000.00");
	refused("-10000000000.01", "beyond the limit of 10000000000.00");
	refused("10000000001", "beyond the limit of 10000000000.00");
	refused("92233720368547758.07", "beyond the limit of 10000000000.00");
	refused("99999999999999999999999999999999999999",
		"beyond the limit of 10000000000.00");
	refused("-99999999999999999999999999999999999999.99",
		"beyond the limit of 10000000000.00");
}
END_TEST

START_TEST(parse_why_optional)
{
	int64_t cents;
	char why[8];

	/* A caller that does not want the reason, or a short buffer. */
	ck_assert_int_eq(money_parse("x", &cents, NULL, 0), -1);
	ck_assert_int_eq(money_parse("12.345", &cents, why, sizeof why), -1);
	ck_assert_str_eq(why, "more th");
}
END_TEST

static void
formats_as(int64_t cents, const char *plain, const char *human)
{
	char buf[MONEY_BUFSZ];

	ck_assert_str_eq(money_format(cents, buf), plain);
	ck_assert_str_eq(money_format_human(cents, buf), human);
}

START_TEST(format_examples)
{
	formats_as(0, "0.00", "$0.00");
	formats_as(1, "0.01", "$0.01");
	formats_as(-1, "-0.01", "-$0.01");
	formats_as(-5, "-0.05", "-$0.05");
	formats_as(1230, "12.30", "$12.30");
	formats_as(-1230, "-12.30", "-$12.30");
	formats_as(99999, "999.99", "$999.99");
	formats_as(100000, "1000.00", "$1,000.00");
	formats_as(123456, "1234.56", "$1,234.56");
	formats_as(-123456, "-1234.56", "-$1,234.56");
	formats_as(12345678, "123456.78", "$123,456.78");
	formats_as(123456789, "1234567.89", "$1,234,567.89");
	formats_as(MONEY_LIMIT, "10000000000.00", "$10,000,000,000.00");
}
END_TEST

START_TEST(format_extremes)
{
	formats_as(INT64_MAX, "92233720368547758.07",
		   "$92,233,720,368,547,758.07");
	formats_as(INT64_MIN + 1, "-92233720368547758.07",
		   "-$92,233,720,368,547,758.07");
	formats_as(INT64_MIN, "-92233720368547758.08",
		   "-$92,233,720,368,547,758.08");
}
END_TEST

START_TEST(add)
{
	const int64_t big = MONEY_LIMIT * 1000;
	int64_t sum = 42;

	ck_assert_int_eq(money_add(1230, -230, &sum), 0);
	ck_assert_int_eq(sum, 1000);
	ck_assert_int_eq(money_add(-5, -5, &sum), 0);
	ck_assert_int_eq(sum, -10);
	ck_assert_int_eq(money_add(big - 1, 1, &sum), 0);
	ck_assert_int_eq(sum, big);
	ck_assert_int_eq(money_add(-big, 0, &sum), 0);
	ck_assert_int_eq(sum, -big);

	sum = 42;
	ck_assert_int_eq(money_add(big, 1, &sum), -1);
	ck_assert_int_eq(money_add(-big, -1, &sum), -1);
	ck_assert_int_eq(money_add(INT64_MAX, 1, &sum), -1);
	ck_assert_int_eq(money_add(INT64_MIN, -1, &sum), -1);
	ck_assert_int_eq(money_add(INT64_MAX, INT64_MAX, &sum), -1);
	ck_assert_int_eq(money_add(INT64_MAX, 0, &sum), -1);
	ck_assert_int_eq(sum, 42);
	/* Far beyond the limit on each side, but the sum is small. */
	ck_assert_int_eq(money_add(INT64_MAX, INT64_MIN + 1, &sum), 0);
	ck_assert_int_eq(sum, 0);
}
END_TEST

/* Every amount within the limit survives format then parse. */
START_TEST(round_trip)
{
	char buf[MONEY_BUFSZ], why[128];
	int64_t cents, back;
	int i;

	rng_seed(0x9e3779b97f4a7c15);
	for (i = 0; i < 200000; i++) {
		switch (i % 4) {
		case 0:		/* anywhere in range */
			cents = rng_range(-MONEY_LIMIT, MONEY_LIMIT);
			break;
		case 1:		/* everyday amounts */
			cents = rng_range(-100000, 100000);
			break;
		case 2:		/* near the limit */
			cents = MONEY_LIMIT - rng_range(0, 1000);
			break;
		default:
			cents = -MONEY_LIMIT + rng_range(0, 1000);
			break;
		}
		money_format(cents, buf);
		ck_assert_msg(money_parse(buf, &back, why, sizeof why) == 0,
			      "'%s': %s", buf, why);
		ck_assert_msg(back == cents, "%" PRId64 " -> '%s' -> %" PRId64,
			      cents, buf, back);
	}
}
END_TEST

/* Random short strings over the characters that matter: accepted exactly
 * when the pattern of DESIGN.md matches and the value, read digit by digit
 * here, is within the limit. */
START_TEST(against_pattern)
{
	static const char alphabet[] = "0123456789.-+,$ x";
	regex_t re;
	char s[20], why[128];
	int64_t cents, want;
	int i, j, len, matched, rc, numbers = 0;

	ck_assert_int_eq(regcomp(&re, "^-?[0-9]+(\\.[0-9]{1,2})?$",
				 REG_EXTENDED | REG_NOSUB), 0);
	rng_seed(12345);
	for (i = 0; i < 100000; i++) {
		len = (int) rng_range(1, 15);
		for (j = 0; j < len; j++) {
			/* mostly digits, so that many strings are numbers */
			if (rng_next() % 3)
				s[j] = (char) ('0' + rng_next() % 10);
			else
				s[j] = alphabet[rng_next() %
						(sizeof alphabet - 1)];
		}
		s[len] = '\0';
		matched = regexec(&re, s, 0, NULL, 0) == 0;
		rc = money_parse(s, &cents, why, sizeof why);
		if (!matched) {
			ck_assert_msg(rc == -1, "'%s' accepted", s);
			continue;
		}
		/* at most 15 characters: the value fits in int64_t here */
		{
			const char *p = s + (s[0] == '-'), *dot;
			int64_t units = 0, frac = 0;

			for (; *p && *p != '.'; p++)
				units = units * 10 + (*p - '0');
			dot = strchr(s, '.');
			if (dot) {
				frac = (dot[1] - '0') * 10;
				if (dot[2])
					frac += dot[2] - '0';
			}
			want = units * 100 + frac;
			if (s[0] == '-')
				want = -want;
		}
		if (want > MONEY_LIMIT || want < -MONEY_LIMIT) {
			ck_assert_msg(rc == -1, "'%s' accepted", s);
			ck_assert_str_eq(why,
					 "beyond the limit of 10000000000.00");
			continue;
		}
		ck_assert_msg(rc == 0, "'%s' refused: %s", s, why);
		ck_assert_msg(cents == want, "'%s' gave %" PRId64, s, cents);
		numbers++;
	}
	regfree(&re);
	/* the mix of characters must give the accepting side real work */
	ck_assert_int_gt(numbers, 10000);
}
END_TEST

static Suite *
money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("examples");
	TCase *prop = tcase_create("properties");

	tcase_add_test(tc, parse_good);
	tcase_add_test(tc, parse_errors);
	tcase_add_test(tc, parse_limit);
	tcase_add_test(tc, parse_why_optional);
	tcase_add_test(tc, format_examples);
	tcase_add_test(tc, format_extremes);
	tcase_add_test(tc, add);
	suite_add_tcase(s, tc);
	tcase_add_test(prop, round_trip);
	tcase_add_test(prop, against_pattern);
	tcase_set_timeout(prop, 60);
	suite_add_tcase(s, prop);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(money_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
