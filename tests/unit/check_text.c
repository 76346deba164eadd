/* Check suite for common/text.c: the characters the office's text must
 * not hold, and the checks and messages that use it (account, ledger,
 * diag_quote). */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "diag.h"
#include "ledger.h"
#include "text.h"

START_TEST(controls)
{
	/* C0, DEL; newline and tab only where lines are allowed */
	ck_assert_uint_eq(text_control_len("a", 0), 0);
	ck_assert_uint_eq(text_control_len("", 0), 0);
	ck_assert_uint_eq(text_control_len("\x01", 0), 1);
	ck_assert_uint_eq(text_control_len("\x1b[2J", 0), 1);
	ck_assert_uint_eq(text_control_len("\x7f", 0), 1);
	ck_assert_uint_eq(text_control_len("\n", 0), 1);
	ck_assert_uint_eq(text_control_len("\n", 1), 0);
	ck_assert_uint_eq(text_control_len("\t", 1), 0);
	ck_assert_uint_eq(text_control_len("\r", 1), 1);
	/* C1 as UTF-8, U+0080..U+009F; U+00A0 is not one */
	ck_assert_uint_eq(text_control_len("\xc2\x80", 0), 2);
	ck_assert_uint_eq(text_control_len("\xc2\x9b", 0), 2);
	ck_assert_uint_eq(text_control_len("\xc2\x9f", 0), 2);
	ck_assert_uint_eq(text_control_len("\xc2\xa0", 0), 0);
	ck_assert_uint_eq(text_control_len("\xc3\xab", 0), 0);	/* ë */
	/* the bidirectional embeddings, overrides and isolates */
	ck_assert_uint_eq(text_control_len("\xe2\x80\xaa", 0), 3);	/* LRE */
	ck_assert_uint_eq(text_control_len("\xe2\x80\xae", 0), 3);	/* RLO */
	ck_assert_uint_eq(text_control_len("\xe2\x81\xa6", 0), 3);	/* LRI */
	ck_assert_uint_eq(text_control_len("\xe2\x81\xa9", 0), 3);	/* PDI */
	/* their neighbours are text */
	ck_assert_uint_eq(text_control_len("\xe2\x80\xa9", 0), 0);
	ck_assert_uint_eq(text_control_len("\xe2\x80\xaf", 0), 0);
	ck_assert_uint_eq(text_control_len("\xe2\x81\xa5", 0), 0);
	ck_assert_uint_eq(text_control_len("\xe2\x81\xaa", 0), 0);
	ck_assert_uint_eq(text_control_len("\xe2\x82\xac", 0), 0);	/* € */
	/* a sequence cut short is no control */
	ck_assert_uint_eq(text_control_len("\xe2\x80", 0), 0);
	ck_assert_uint_eq(text_control_len("\xc2", 0), 0);

	ck_assert_int_eq(text_has_control("Zo\xc3\xab Smith, 1 Elm St", 0), 0);
	ck_assert_int_eq(text_has_control("Ann \xe2\x80\xae" "EVOL", 0), 1);
	ck_assert_int_eq(text_has_control("line one\nline two", 1), 0);
	ck_assert_int_eq(text_has_control("line one\nline two", 0), 1);
}
END_TEST

START_TEST(checks)
{
	char why[128];

	ck_assert_int_eq(account_text_check("Ann \xe2\x80\xae" "EVOL", why,
					    sizeof why), -1);
	ck_assert_str_eq(why, "control characters are not allowed");
	ck_assert_int_eq(account_text_check("Zo\xc3\xab \xe2\x82\xac", why,
					    sizeof why), 0);
	ck_assert_int_eq(ledger_text_check("refund \xe2\x81\xa6" "x", 500, 1,
					   why, sizeof why), -1);
	ck_assert_str_eq(why, "control characters are not allowed");
	ck_assert_int_eq(ledger_text_check("two\nlines", 500, 1, why,
					   sizeof why), 0);
	ck_assert_int_eq(ledger_text_check("two\nlines", 500, 0, why,
					   sizeof why), -1);
}
END_TEST

START_TEST(quoted)
{
	char buf[64];

	/* shown byte by byte, never sent to the terminal as they are */
	ck_assert_str_eq(diag_quote(buf, sizeof buf, "a\xe2\x80\xae" "b"),
			 "a\\xe2\\x80\\xaeb");
	ck_assert_str_eq(diag_quote(buf, sizeof buf, "\xc2\x9b" "2J"),
			 "\\xc2\\x9b2J");
	ck_assert_str_eq(diag_quote(buf, sizeof buf, "\x1b[0m"), "\\x1b[0m");
	ck_assert_str_eq(diag_quote(buf, sizeof buf, "Zo\xc3\xab"),
			 "Zo\xc3\xab");
	/* cut with "..." where a whole escape no longer fits */
	ck_assert_str_eq(diag_quote(buf, 12, "ab\xe2\x80\xae"), "ab...");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, controls);
	tcase_add_test(tc, checks);
	tcase_add_test(tc, quoted);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
