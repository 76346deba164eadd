/* Check suite for common/receipt.c: numbers, tenders, and the receipt
 * document: every field the programs fill is one the shipped template
 * knows, and a receipt fits an 80-column printer. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "receipt.h"
#include "template.h"

START_TEST(numbers)
{
	char buf[RECEIPT_NUMBER_MAX], why[128];
	int64_t seq;
	int year;

	ck_assert_str_eq(receipt_number(2026, 1, buf), "R2026-000001");
	ck_assert_str_eq(receipt_number(2026, 999999, buf), "R2026-999999");
	ck_assert_str_eq(receipt_number(2027, 1234567, buf), "R2027-1234567");
	ck_assert_int_eq(receipt_number_parse("R2026-000123", &year, &seq, why,
					      sizeof why), 0);
	ck_assert_int_eq(year, 2026);
	ck_assert_int_eq(seq, 123);
	ck_assert_int_eq(receipt_number_parse("R2026-1234567", &year, &seq,
					      why, sizeof why), 0);
	ck_assert_int_eq(seq, 1234567);
	ck_assert_int_eq(receipt_number_parse("R2026-12", &year, &seq, why,
					      sizeof why), -1);
	ck_assert_str_eq(why, "not a receipt number (R2026-000123)");
	ck_assert_int_eq(receipt_number_parse("r2026-000001", &year, &seq,
					      why, sizeof why), -1);
	ck_assert_int_eq(receipt_number_parse("R2026-000000", &year, &seq,
					      why, sizeof why), -1);
	ck_assert_int_eq(receipt_number_parse("R2026000001", &year, &seq, why,
					      sizeof why), -1);
	ck_assert_int_eq(receipt_number_parse("R2026-00000x", &year, &seq,
					      why, sizeof why), -1);
	ck_assert_int_eq(receipt_number_parse("", &year, &seq, why,
					      sizeof why), -1);
}
END_TEST

START_TEST(number_like)
{
	ck_assert_int_eq(receipt_number_like("R2026-000005"), 1);
	ck_assert_int_eq(receipt_number_like("R2026-1234567"), 1);
	/* no such receipt can exist, but the form is what is refused */
	ck_assert_int_eq(receipt_number_like("R2026-0"), 1);
	ck_assert_int_eq(receipt_number_like("R0000-12"), 1);
	ck_assert_int_eq(receipt_number_like("r2026-000005"), 0);
	ck_assert_int_eq(receipt_number_like("R2026-"), 0);
	ck_assert_int_eq(receipt_number_like("R202-000005"), 0);
	ck_assert_int_eq(receipt_number_like("R20261-000005"), 0);
	ck_assert_int_eq(receipt_number_like("R2026-000005a"), 0);
	ck_assert_int_eq(receipt_number_like("R2026-000005 "), 0);
	ck_assert_int_eq(receipt_number_like("XR2026-000005"), 0);
	ck_assert_int_eq(receipt_number_like("R"), 0);
	ck_assert_int_eq(receipt_number_like(""), 0);
}
END_TEST

START_TEST(tenders)
{
	char why[128];

	ck_assert_int_eq(receipt_tender_check("cash", why, sizeof why), 0);
	ck_assert_int_eq(receipt_tender_check("check", why, sizeof why), 0);
	ck_assert_int_eq(receipt_tender_check("card", why, sizeof why), 0);
	ck_assert_int_eq(receipt_tender_check("money-order", why, sizeof why),
			 0);
	ck_assert_int_eq(receipt_tender_check("Cash", why, sizeof why), -1);
	ck_assert_str_eq(why, "not cash, check, card or money-order");
	ck_assert_int_eq(receipt_tender_check("", why, sizeof why), -1);
}
END_TEST

static struct receipt
long_receipt(void)
{
	struct receipt r;

	memset(&r, 0, sizeof r);
	receipt_number(2026, 123, r.number);
	snprintf(r.account, sizeof r.account, "10001234567890123456");
	r.amount = -99999999999;	/* a void of the largest payment */
	snprintf(r.tender, sizeof r.tender, "money-order");
	snprintf(r.check_no, sizeof r.check_no, "000000123456");
	r.paid_on = date_from_ymd(2026, 11, 27);
	r.balance_before = 99999999999;
	r.balance_after = -99999999999;
	snprintf(r.login, sizeof r.login, "jmartinez-delacruz");
	snprintf(r.issued_at, sizeof r.issued_at, "2026-11-27T14:03:09Z");
	receipt_number(2026, 122, r.voids);
	snprintf(r.reason, sizeof r.reason, "keyed to the wrong account");
	return r;
}

START_TEST(document)
{
	const char *srcdir = getenv("top_srcdir");
	struct receipt r = long_receipt();
	struct receipt_doc doc;
	struct diag d = DIAG_INIT;
	char datadir[4096], *text = NULL, *line, *save = NULL;
	size_t size = 0;
	struct template *t;
	FILE *fp;

	snprintf(datadir, sizeof datadir, "%s/data", srcdir ? srcdir : ".");
	setenv("ACCTKIT_DATADIR", datadir, 1);
	unsetenv("ACCTKIT_TEMPLATES");
	t = template_load("receipt.txt", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	receipt_doc_fill(&doc, &r, "Zo\xc3\xab Ma\xc3\xaftre-\xc3\x85ngstr\xc3"
			 "\xb6m and Bartholomew Castellanos",
			 "12345 North Riverside Industrial Parkway, Unit 1204B",
			 1);
	ck_assert_int_eq(template_check(t, doc.fields, RECEIPT_NFIELDS, &d),
			 0);
	fp = open_memstream(&text, &size);
	ck_assert_int_eq(template_render(t, fp, doc.fields, RECEIPT_NFIELDS,
					 &d), 0);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(text, "VOID RECEIPT"));
	ck_assert_ptr_nonnull(strstr(text, "DUPLICATE"));
	ck_assert_ptr_nonnull(strstr(text, "-$999,999,999.99"));
	ck_assert_ptr_nonnull(strstr(text, "2026-11-27 14:03 UTC"));
	ck_assert_ptr_nonnull(strstr(text, "Your account now has a credit of "
				     "$999,999,999.99."));
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		size_t chars = 0;
		const char *p;

		for (p = line; *p; p++)
			if (((unsigned char) *p & 0xc0) != 0x80)
				chars++;
		ck_assert_msg(chars <= 80, "a line of %zu characters: %s",
			      chars, line);
	}
	free(text);
	template_free(t);
}
END_TEST

START_TEST(no_credit_note)
{
	struct receipt r = long_receipt();
	struct receipt_doc doc;
	size_t i;

	r.voids[0] = '\0';
	r.balance_after = 0;
	receipt_doc_fill(&doc, &r, "A", "B", 0);
	for (i = 0; i < RECEIPT_NFIELDS; i++) {
		if (strcmp(doc.fields[i].name, "note") == 0)
			ck_assert_str_eq(doc.fields[i].value, "");
		if (strcmp(doc.fields[i].name, "title") == 0)
			ck_assert_str_eq(doc.fields[i].value, "RECEIPT");
		if (strcmp(doc.fields[i].name, "duplicate") == 0)
			ck_assert_str_eq(doc.fields[i].value, "");
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("receipt");
	TCase *tc = tcase_create("receipt");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, numbers);
	tcase_add_test(tc, number_like);
	tcase_add_test(tc, tenders);
	tcase_add_test(tc, document);
	tcase_add_test(tc, no_credit_note);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
