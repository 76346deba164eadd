#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "explain.h"
#include "ledger.h"

static const char meter[] = "your meter had been read wrongly";

static int
day_of(const char *s)
{
	char why[64];
	int day;

	ck_assert_msg(date_parse(s, &day, why, sizeof why) == 0, "%s", s);
	return day;
}

static struct explain_entry
entry(const char *day, enum ledger_kind kind, int64_t amount,
      const char *reason, const char *text, const char *memo)
{
	struct explain_entry e;

	memset(&e, 0, sizeof e);
	e.posted_on = day_of(day);
	e.kind = kind;
	e.amount = amount;
	e.reason = reason;
	e.customer_text = text;
	e.memo = memo;
	return e;
}

static struct explain_entry
reversal(const char *day, const struct explain_entry *orig,
	 const char *reason, const char *text, const char *memo)
{
	struct explain_entry e = entry(day, orig->kind, -orig->amount, reason,
				       text, memo);

	e.reversal = 1;
	e.reversed_on = orig->posted_on;
	e.reversed_kind = orig->kind;
	e.reversed_amount = orig->amount;
	return e;
}

static void
says(const struct explain_entry *e, const char *want)
{
	char buf[1024];
	size_t n = explain_sentence(e, buf, sizeof buf);

	ck_assert_str_eq(buf, want);
	ck_assert_uint_eq(n, strlen(want));
}

START_TEST(the_issue_example)
{
	struct explain_entry e = entry("2026-10-03", LEDGER_ADJUSTMENT, -4500,
				       "MR", meter, "");

	says(&e, "On 2026-10-03 we credited $45.00 because your meter had "
	     "been read wrongly (reason MR).");
}
END_TEST

START_TEST(adjustments)
{
	struct explain_entry e = entry("2026-11-02", LEDGER_ADJUSTMENT,
				       123456, "RATE",
				       "your account had been billed on the "
				       "wrong rate", NULL);

	says(&e, "On 2026-11-02 we charged $1,234.56 because your account "
	     "had been billed on the wrong rate (reason RATE).");
	e = entry("2026-11-02", LEDGER_ADJUSTMENT, -1, NULL, NULL, NULL);
	says(&e, "On 2026-11-02 we credited $0.01.");
	e = entry("2026-11-02", LEDGER_ADJUSTMENT, 700, "X9", "", "");
	says(&e, "On 2026-11-02 we charged $7.00 (reason X9).");
}
END_TEST

START_TEST(fees_and_deposits)
{
	struct explain_entry e = entry("2026-09-15", LEDGER_FEE, 500, NULL,
				       NULL, "Late payment charge");

	says(&e, "On 2026-09-15 we charged a fee of $5.00. Note: Late "
	     "payment charge.");
	e = entry("2026-09-15", LEDGER_DEPOSIT, -15000, "DEP",
		  "your security deposit has been applied to your account",
		  NULL);
	says(&e, "On 2026-09-15 we credited $150.00 because your security "
	     "deposit has been applied to your account (reason DEP).");
	e = entry("2026-09-15", LEDGER_DEPOSIT, -15000, NULL, NULL, NULL);
	says(&e, "On 2026-09-15 we applied $150.00 of your security deposit "
	     "to your account.");
	e = entry("2026-09-15", LEDGER_DEPOSIT, 15000, NULL, NULL, NULL);
	says(&e, "On 2026-09-15 we charged a security deposit of $150.00.");
}
END_TEST

START_TEST(returned_payments)
{
	struct explain_entry paid = entry("2026-11-10", LEDGER_PAYMENT, -8000,
					  NULL, NULL, NULL);
	struct explain_entry e = reversal("2026-11-20", &paid, NULL, NULL,
					  "");

	says(&e, "On 2026-11-20 your payment of $80.00 made on 2026-11-10 "
	     "was returned, so we added $80.00 back to your balance.");
	e = reversal("2026-11-20", &paid, "RCK", "a payment by check was "
		     "returned unpaid by your bank", "check 1042, NSF");
	says(&e, "On 2026-11-20 we reversed your payment of $80.00 made on "
	     "2026-11-10 because a payment by check was returned unpaid by "
	     "your bank (reason RCK). Note: check 1042, NSF.");
}
END_TEST

START_TEST(cancelled_entries)
{
	struct explain_entry credit = entry("2026-10-03", LEDGER_ADJUSTMENT,
					    -4500, "MR", meter, NULL);
	struct explain_entry debit = entry("2026-10-03", LEDGER_ADJUSTMENT,
					   2500, "BILL", "a bill we sent you "
					   "contained an error", NULL);
	struct explain_entry fee = entry("2026-10-03", LEDGER_FEE, 1000, NULL,
					 NULL, NULL);
	struct explain_entry e = reversal("2026-11-05", &credit, "MR", meter,
					  NULL);

	says(&e, "On 2026-11-05 we cancelled the credit of $45.00 from "
	     "2026-10-03, which we had given because your meter had been read "
	     "wrongly (reason MR).");
	e = reversal("2026-11-05", &debit, "BILL", "a bill we sent you "
		     "contained an error", NULL);
	says(&e, "On 2026-11-05 we cancelled the charge of $25.00 from "
	     "2026-10-03, which we had charged because a bill we sent you "
	     "contained an error (reason BILL).");
	e = reversal("2026-11-05", &fee, NULL, NULL, "waived by supervisor");
	says(&e, "On 2026-11-05 we cancelled the fee of $10.00 from "
	     "2026-10-03. Note: waived by supervisor.");
}
END_TEST

START_TEST(texts_and_notes)
{
	struct explain_entry e = entry("2026-10-03", LEDGER_ADJUSTMENT, -4500,
				       "MR", "your meter had been read "
				       "wrongly. ", "\n  read 4512, not 5412\n"
				       "(photo on file)  \n");

	/* a text's own full stop is not doubled; a memo is one line */
	says(&e, "On 2026-10-03 we credited $45.00 because your meter had "
	     "been read wrongly (reason MR). Note: read 4512, not 5412 "
	     "(photo on file).");
	e.memo = "Sorry!";
	says(&e, "On 2026-10-03 we credited $45.00 because your meter had "
	     "been read wrongly (reason MR). Note: Sorry!");
	e.memo = " \t\n";
	says(&e, "On 2026-10-03 we credited $45.00 because your meter had "
	     "been read wrongly (reason MR).");
}
END_TEST

START_TEST(wanted)
{
	static const struct {
		enum ledger_kind kind;
		int want;
	} kinds[] = {
		{ LEDGER_CHARGE, 0 }, { LEDGER_PAYMENT, 0 }, { LEDGER_FEE, 1 },
		{ LEDGER_ADJUSTMENT, 1 }, { LEDGER_REFUND, 0 },
		{ LEDGER_DEPOSIT, 1 },
	};
	struct explain_entry e;
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		e = entry("2026-01-01", kinds[i].kind, 100, NULL, NULL, NULL);
		ck_assert_int_eq(explain_wanted(&e), kinds[i].want);
		e.reversal = 1;	/* every reversal needs telling */
		ck_assert_int_eq(explain_wanted(&e), 1);
	}
}
END_TEST

/* Any buffer, however small, holds the start of the sentence, ends in NUL
 * and never overflows; the length returned is always the whole text's. */
START_TEST(small_buffers)
{
	struct explain_entry paid = entry("2026-11-10", LEDGER_PAYMENT, -8000,
					  NULL, NULL, NULL);
	struct explain_entry e = reversal("2026-11-20", &paid, "RCK", "a "
					  "payment by check was returned",
					  "note\nhere");
	char whole[512], buf[512];
	size_t n = explain_sentence(&e, whole, sizeof whole), size, got;

	ck_assert_uint_eq(n, strlen(whole));
	ck_assert_uint_eq(explain_sentence(&e, NULL, 0), n);
	for (size = 1; size <= n + 2; size++) {
		memset(buf, 'x', sizeof buf);
		got = explain_sentence(&e, buf, size);
		ck_assert_uint_eq(got, n);
		ck_assert_uint_eq(strlen(buf), size - 1 < n ? size - 1 : n);
		ck_assert_int_eq(strncmp(buf, whole, strlen(buf)), 0);
		ck_assert_int_eq(buf[size], 'x');
	}
}
END_TEST

static Suite *
explain_suite(void)
{
	Suite *s = suite_create("explain");
	TCase *tc = tcase_create("sentences");

	tcase_add_test(tc, the_issue_example);
	tcase_add_test(tc, adjustments);
	tcase_add_test(tc, fees_and_deposits);
	tcase_add_test(tc, returned_payments);
	tcase_add_test(tc, cancelled_entries);
	tcase_add_test(tc, texts_and_notes);
	tcase_add_test(tc, wanted);
	tcase_add_test(tc, small_buffers);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(explain_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
