/* Check suite for common/cert.c: good standing, each rule alone and all
 * at once; the numbers; the codes (every character as likely, compared
 * as typed); what cert-verify answers. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cert.h"
#include "date.h"

static int
day(const char *s)
{
	char why[64];
	int d;

	ck_assert_int_eq(date_parse(s, &d, why, sizeof why), 0);
	return d;
}

START_TEST(standing_good)
{
	struct cert_facts f = CERT_FACTS_INIT;
	char why[256] = "junk";

	ck_assert_int_eq(cert_standing(&f, day("2026-11-27"), why,
				       sizeof why), 0);
	ck_assert_str_eq(why, "");
	f.balance = -3000;	/* a credit is in good standing */
	ck_assert_int_eq(cert_standing(&f, day("2026-11-27"), why,
				       sizeof why), 0);
	f.agreement = f.notice = f.order = NULL;	/* NULL is none */
	ck_assert_int_eq(cert_standing(&f, day("2026-11-27"), why,
				       sizeof why), 0);
}
END_TEST

/* Each rule alone: one failure, its sentence. */
START_TEST(standing_each)
{
	const struct cert_facts none = CERT_FACTS_INIT;
	struct cert_facts f;
	int asof = day("2026-11-27");
	char why[256];

	f = none;
	f.closed = 1;
	ck_assert_int_eq(cert_standing(&f, asof, why, sizeof why), 1);
	ck_assert_str_eq(why, "account closed");

	f = none;
	f.balance = 1250;
	ck_assert_int_eq(cert_standing(&f, asof, why, sizeof why), 1);
	ck_assert_str_eq(why, "balance 12.50 owed");
	f.balance = 1;
	ck_assert_int_eq(cert_standing(&f, asof, why, sizeof why), 1);
	ck_assert_str_eq(why, "balance 0.01 owed");

	f = none;
	f.agreement = "P2026-000003";
	ck_assert_int_eq(cert_standing(&f, asof, why, sizeof why), 1);
	ck_assert_str_eq(why, "agreement P2026-000003 in force");

	f = none;
	f.notice = "N2026-000001";
	f.notice_expires_on = day("2027-01-26");
	ck_assert_int_eq(cert_standing(&f, asof, why, sizeof why), 1);
	ck_assert_str_eq(why, "notice N2026-000001 in force until 2027-01-26");
	f.notice_expires_on = DATE_NONE;
	ck_assert_int_eq(cert_standing(&f, asof, why, sizeof why), 1);
	ck_assert_str_eq(why, "notice N2026-000001 in force");

	f = none;
	f.order = "O2026-000001";
	f.order_on = day("2026-11-30");
	ck_assert_int_eq(cert_standing(&f, asof, why, sizeof why), 1);
	ck_assert_str_eq(why, "shut-off order O2026-000001 scheduled for "
			 "2026-11-30");
	f.order_on = DATE_NONE;
	ck_assert_int_eq(cert_standing(&f, asof, why, sizeof why), 1);
	ck_assert_str_eq(why, "shut-off order O2026-000001 scheduled");

	f = none;
	f.dispute_open = 1;
	ck_assert_int_eq(cert_standing(&f, asof, why, sizeof why), 1);
	ck_assert_str_eq(why, "billing dispute open");
}
END_TEST

/* A notice counts through its expiry date, and not after. */
START_TEST(standing_notice_expiry)
{
	struct cert_facts f = CERT_FACTS_INIT;
	char why[256];

	f.notice = "N2026-000001";
	f.notice_expires_on = day("2026-11-27");
	ck_assert_int_eq(cert_standing(&f, day("2026-11-27"), why,
				       sizeof why), 1);
	ck_assert_int_eq(cert_standing(&f, day("2026-11-28"), why,
				       sizeof why), 0);
	ck_assert_str_eq(why, "");
}
END_TEST

/* Every rule at once: every one named, in order, joined by "; ". */
START_TEST(standing_all)
{
	struct cert_facts f = CERT_FACTS_INIT;
	char why[512], small[24];

	f.closed = 1;
	f.balance = 30000;
	f.agreement = "P2026-000001";
	f.notice = "N2026-000002";
	f.notice_expires_on = day("2027-01-26");
	f.order = "O2026-000003";
	f.order_on = day("2026-11-30");
	f.dispute_open = 1;
	ck_assert_int_eq(cert_standing(&f, day("2026-11-27"), why,
				       sizeof why), 6);
	ck_assert_str_eq(why, "account closed; balance 300.00 owed; "
			 "agreement P2026-000001 in force; notice "
			 "N2026-000002 in force until 2027-01-26; shut-off "
			 "order O2026-000003 scheduled for 2026-11-30; "
			 "billing dispute open");
	/* a short buffer is cut, never overrun; the count stays whole */
	memset(small, 'x', sizeof small);
	ck_assert_int_eq(cert_standing(&f, day("2026-11-27"), small,
				       sizeof small - 4), 6);
	ck_assert_uint_lt(strlen(small), sizeof small - 4);
	ck_assert_int_eq(small[sizeof small - 1], 'x');
	ck_assert_int_eq(strncmp(small, "account closed; ", 16), 0);
}
END_TEST

START_TEST(numbers)
{
	char buf[CERT_NUMBER_MAX];

	ck_assert_str_eq(cert_number(2026, 1, buf), "FPC2026-000001");
	ck_assert_str_eq(cert_number(2027, 999999, buf), "FPC2027-999999");
}
END_TEST

START_TEST(code_make)
{
	static const char alphabet[] = CERT_CODE_ALPHABET;
	unsigned char bytes[64];
	char code[CERT_CODE_MAX];
	size_t i;

	ck_assert_uint_eq(strlen(alphabet), 31);
	for (i = 0; i < sizeof bytes; i++)
		bytes[i] = (unsigned char)i;
	ck_assert_int_eq(cert_code_make(bytes, sizeof bytes, code), 0);
	ck_assert_str_eq(code, "2345-6789-ABCD");
	/* bytes of 248 and over are passed over; 31 is '2' again */
	bytes[0] = 248;
	bytes[1] = 255;
	bytes[2] = 30;
	bytes[3] = 31;
	ck_assert_int_eq(cert_code_make(bytes, sizeof bytes, code), 0);
	ck_assert_str_eq(code, "Z267-89AB-CDEF");
	/* too few usable bytes */
	ck_assert_int_eq(cert_code_make(bytes, 13, code), -1);
	memset(bytes, 250, sizeof bytes);
	ck_assert_int_eq(cert_code_make(bytes, sizeof bytes, code), -1);
}
END_TEST

/* Every byte below 248 is used and each character comes from exactly 8
 * of them: every character is as likely. */
START_TEST(code_uniform)
{
	static const char alphabet[] = CERT_CODE_ALPHABET;
	unsigned count[31] = { 0 };
	unsigned char bytes[CERT_CODE_LEN];
	char code[CERT_CODE_MAX];
	unsigned b;
	size_t i;

	for (b = 0; b < 256; b++) {
		memset(bytes, b, sizeof bytes);
		if (cert_code_make(bytes, sizeof bytes, code) < 0) {
			ck_assert_uint_ge(b, 248);
			continue;
		}
		ck_assert_uint_lt(b, 248);
		ck_assert_uint_eq(strlen(code), 14);
		ck_assert_int_eq(code[4], '-');
		ck_assert_int_eq(code[9], '-');
		count[strchr(alphabet, code[0]) - alphabet]++;
	}
	for (i = 0; i < 31; i++)
		ck_assert_uint_eq(count[i], 8);
}
END_TEST

START_TEST(code_matches)
{
	const char *stored = "3BPJ-FB34-W7A7";

	ck_assert(cert_code_matches(stored, "3BPJ-FB34-W7A7"));
	ck_assert(cert_code_matches(stored, "3bpj-fb34-w7a7"));
	ck_assert(cert_code_matches(stored, "3bpjfb34w7a7"));
	ck_assert(cert_code_matches(stored, "3BPJ FB34 W7A7"));
	ck_assert(cert_code_matches(stored, " 3B-PJ--FB34W7A7 "));
	ck_assert(!cert_code_matches(stored, "3BPJ-FB34-W7A8"));
	ck_assert(!cert_code_matches(stored, "4BPJ-FB34-W7A7"));
	ck_assert(!cert_code_matches(stored, "3BPJ-FB34-W7A"));
	ck_assert(!cert_code_matches(stored, "3BPJ-FB34-W7A7X"));
	ck_assert(!cert_code_matches(stored, "3BPJ-FB34-W7A7-3BPJ"));
	ck_assert(!cert_code_matches(stored, ""));
	ck_assert(!cert_code_matches(stored, "------------"));
	ck_assert(!cert_code_matches("", ""));
	ck_assert(!cert_code_matches("", "3BPJ-FB34-W7A7"));
}
END_TEST

START_TEST(verify)
{
	int until = day("2027-01-26");

	ck_assert_int_eq(cert_verify_status(1, 1, 0, until, until),
			 CERT_VALID);
	ck_assert_int_eq(cert_verify_status(1, 1, 0, until, until - 60),
			 CERT_VALID);
	ck_assert_int_eq(cert_verify_status(1, 1, 0, until, until + 1),
			 CERT_EXPIRED);
	ck_assert_int_eq(cert_verify_status(1, 1, 1, until, until),
			 CERT_VOID);
	ck_assert_int_eq(cert_verify_status(1, 1, 1, until, until + 1),
			 CERT_VOID);
	/* a wrong code tells nothing, not even that it is void */
	ck_assert_int_eq(cert_verify_status(1, 0, 0, until, until),
			 CERT_UNKNOWN);
	ck_assert_int_eq(cert_verify_status(1, 0, 1, until, until),
			 CERT_UNKNOWN);
	ck_assert_int_eq(cert_verify_status(0, 1, 0, until, until),
			 CERT_UNKNOWN);
	ck_assert_str_eq(cert_status_name(CERT_VALID), "valid");
	ck_assert_str_eq(cert_status_name(CERT_EXPIRED), "expired");
	ck_assert_str_eq(cert_status_name(CERT_VOID), "void");
	ck_assert_str_eq(cert_status_name(CERT_UNKNOWN), "unknown");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("cert");
	TCase *tc = tcase_create("cert");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, standing_good);
	tcase_add_test(tc, standing_each);
	tcase_add_test(tc, standing_notice_expiry);
	tcase_add_test(tc, standing_all);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, code_make);
	tcase_add_test(tc, code_uniform);
	tcase_add_test(tc, code_matches);
	tcase_add_test(tc, verify);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
