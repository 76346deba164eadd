#include <config.h>

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bill.h"
#include "date.h"
#include "diag.h"
#include "ledger.h"
#include "template.h"

/* A fixed-seed xorshift64: the same cases on every run and machine. */
static uint64_t rng_state;

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

static int
day(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static struct bill_line
line(int posted_on, enum ledger_kind k, int64_t amount)
{
	struct bill_line l;

	memset(&l, 0, sizeof l);
	l.posted_on = posted_on;
	l.kind = k;
	l.amount = amount;
	bill_describe(k, "", 0, l.description, sizeof l.description);
	return l;
}

START_TEST(numbers)
{
	char buf[BILL_NUMBER_MAX];

	ck_assert_str_eq(bill_number(2026, 1, buf), "B2026-000001");
	ck_assert_str_eq(bill_number(2026, 123456, buf), "B2026-123456");
	ck_assert_str_eq(bill_number(2027, 1234567, buf), "B2027-1234567");
}
END_TEST

START_TEST(totals_of_kinds)
{
	ck_assert_int_eq(bill_total_of(LEDGER_CHARGE), BILL_NEW_CHARGES);
	ck_assert_int_eq(bill_total_of(LEDGER_FEE), BILL_NEW_CHARGES);
	ck_assert_int_eq(bill_total_of(LEDGER_PAYMENT), BILL_PAYMENTS);
	ck_assert_int_eq(bill_total_of(LEDGER_ADJUSTMENT), BILL_ADJUSTMENTS);
	ck_assert_int_eq(bill_total_of(LEDGER_REFUND), BILL_ADJUSTMENTS);
	ck_assert_int_eq(bill_total_of(LEDGER_DEPOSIT), BILL_ADJUSTMENTS);
}
END_TEST

START_TEST(descriptions)
{
	char buf[4 * BILL_DESCRIPTION_WIDTH + 4], want[64];
	const char *long_memo = "A very long memo that goes on and on past the "
		"forty-eight columns a line of the bill has";

	ck_assert_str_eq(bill_describe(LEDGER_CHARGE, "November bill", 0, buf,
				       sizeof buf), "November bill");
	ck_assert_str_eq(bill_describe(LEDGER_CHARGE, "", 0, buf, sizeof buf),
			 "Charge");
	ck_assert_str_eq(bill_describe(LEDGER_PAYMENT, NULL, 0, buf,
				       sizeof buf), "Payment");
	ck_assert_str_eq(bill_describe(LEDGER_FEE, "", 0, buf, sizeof buf),
			 "Fee");
	ck_assert_str_eq(bill_describe(LEDGER_DEPOSIT, "  ", 0, buf,
				       sizeof buf), "Deposit");
	ck_assert_str_eq(bill_describe(LEDGER_PAYMENT, "wrong account", 1,
				       buf, sizeof buf),
			 "Payment reversed: wrong account");
	ck_assert_str_eq(bill_describe(LEDGER_PAYMENT, "", 1, buf, sizeof buf),
			 "Payment reversed");
	/* the first line, blanks squeezed */
	ck_assert_str_eq(bill_describe(LEDGER_ADJUSTMENT, " leak\tcredit  of "
				       "June\nsecond line", 0, buf,
				       sizeof buf), "leak credit of June");
	/* cut to the width, at a word or not, with no blank at the end */
	bill_describe(LEDGER_CHARGE, long_memo, 0, buf, sizeof buf);
	ck_assert_uint_eq(strlen(buf), BILL_DESCRIPTION_WIDTH);
	snprintf(want, sizeof want, "%.*s", BILL_DESCRIPTION_WIDTH,
		 long_memo);
	ck_assert_str_eq(buf, want);
	bill_describe(LEDGER_CHARGE, "0123456789012345678901234567890123456 "
		      "89 abcdefghij", 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "0123456789012345678901234567890123456 89 "
			 "abcdefg");
	bill_describe(LEDGER_CHARGE, "01234567890123456789012345678901234567"
		      "890123456      x", 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "01234567890123456789012345678901234567"
			 "890123456");
	/* characters, not bytes: 60 e-acutes are cut to 48 */
	{
		char memo[200] = "";
		size_t i, chars = 0;

		for (i = 0; i < 60; i++)
			strcat(memo, "\xc3\xa9");
		bill_describe(LEDGER_CHARGE, memo, 0, buf, sizeof buf);
		for (i = 0; buf[i]; i++)
			chars += ((unsigned char) buf[i] & 0xc0) != 0x80;
		ck_assert_uint_eq(chars, BILL_DESCRIPTION_WIDTH);
		ck_assert_uint_eq(strlen(buf), 2 * BILL_DESCRIPTION_WIDTH);
		/* a buffer too small for the width: no half character */
		bill_describe(LEDGER_CHARGE, memo, 0, buf, 8);
		ck_assert_str_eq(buf, "\xc3\xa9\xc3\xa9\xc3\xa9");
	}
}
END_TEST

START_TEST(totals_and_check)
{
	struct bill_line l[6];
	struct bill b;
	char why[256];

	memset(&b, 0, sizeof b);
	l[0] = line(day(2026, 9, 1), LEDGER_CHARGE, 10000);
	l[1] = line(day(2026, 9, 5), LEDGER_FEE, 1500);
	l[2] = line(day(2026, 9, 10), LEDGER_PAYMENT, -8000);
	l[3] = line(day(2026, 9, 11), LEDGER_PAYMENT, 8000);	/* a void */
	l[4] = line(day(2026, 9, 12), LEDGER_ADJUSTMENT, -250);
	l[5] = line(day(2026, 9, 20), LEDGER_DEPOSIT, 5000);
	ck_assert_int_eq(bill_totals(&b, l, 6), 0);
	ck_assert_int_eq(b.new_charges, 11500);
	ck_assert_int_eq(b.payments, 0);
	ck_assert_int_eq(b.adjustments, 4750);
	b.previous_due = 30000;
	b.amount_due = 30000 + 11500 + 4750;
	ck_assert_int_eq(bill_check(&b, why, sizeof why), 0);
	b.amount_due += 1;
	ck_assert_int_eq(bill_check(&b, why, sizeof why), -1);
	ck_assert_str_eq(why, "the amount due 462.51 is not the previous "
			 "amount due 300.00 plus payments 0.00, adjustments "
			 "47.50 and new charges 115.00");
	/* no lines: every total zero */
	ck_assert_int_eq(bill_totals(&b, NULL, 0), 0);
	ck_assert_int_eq(b.payments + b.adjustments + b.new_charges, 0);
}
END_TEST

START_TEST(totals_overflow)
{
	struct bill_line l[3];
	struct bill b;

	memset(&b, 0, sizeof b);
	b.new_charges = 7;
	l[0] = line(day(2026, 9, 1), LEDGER_CHARGE, INT64_MAX / 2);
	l[1] = line(day(2026, 9, 1), LEDGER_CHARGE, INT64_MAX / 2);
	l[2] = line(day(2026, 9, 1), LEDGER_CHARGE, INT64_MAX / 2);
	ck_assert_int_eq(bill_totals(&b, l, 3), -1);
	ck_assert_int_eq(b.new_charges, 7);	/* unchanged */
}
END_TEST

START_TEST(periods)
{
	int d27 = day(2026, 11, 27);

	/* after a last bill: the day after it, whatever came before */
	ck_assert_int_eq(bill_period_from(day(2026, 10, 27), day(2026, 1, 5),
					  day(2019, 6, 1), d27),
			 day(2026, 10, 28));
	ck_assert_int_eq(bill_period_from(day(2026, 11, 26), DATE_NONE,
					  DATE_NONE, d27), d27);
	/* a first bill: a month, from the day after the same day a month
	 * before */
	ck_assert_int_eq(bill_period_from(DATE_NONE, day(2026, 8, 1),
					  day(2019, 6, 1), d27),
			 day(2026, 10, 28));
	ck_assert_int_eq(bill_period_from(DATE_NONE, DATE_NONE,
					  day(2019, 6, 1), d27),
			 day(2026, 10, 28));
	ck_assert_int_eq(bill_period_from(DATE_NONE, DATE_NONE, DATE_NONE,
					  d27), day(2026, 10, 28));
	ck_assert_int_eq(bill_period_from(DATE_NONE, DATE_NONE, DATE_NONE,
					  day(2026, 1, 15)),
			 day(2025, 12, 16));
	/* a month before the 29th to the 31st of March is the last of
	 * February */
	ck_assert_int_eq(bill_period_from(DATE_NONE, DATE_NONE, DATE_NONE,
					  day(2026, 3, 31)), day(2026, 3, 1));
	ck_assert_int_eq(bill_period_from(DATE_NONE, DATE_NONE, DATE_NONE,
					  day(2026, 3, 29)), day(2026, 3, 1));
	ck_assert_int_eq(bill_period_from(DATE_NONE, DATE_NONE, DATE_NONE,
					  day(2024, 3, 30)), day(2024, 3, 1));
	ck_assert_int_eq(bill_period_from(DATE_NONE, DATE_NONE, DATE_NONE,
					  day(2024, 3, 29)), day(2024, 3, 1));
	/* or the first entry if later, else the day it was opened if
	 * later */
	ck_assert_int_eq(bill_period_from(DATE_NONE, day(2026, 11, 5),
					  day(2019, 6, 1), d27),
			 day(2026, 11, 5));
	ck_assert_int_eq(bill_period_from(DATE_NONE, DATE_NONE,
					  day(2026, 11, 20), d27),
			 day(2026, 11, 20));
	/* the first entry, not the day opened, when there is one */
	ck_assert_int_eq(bill_period_from(DATE_NONE, day(2026, 10, 1),
					  day(2026, 11, 20), d27),
			 day(2026, 10, 28));
	/* never after the day of the bill */
	ck_assert_int_eq(bill_period_from(DATE_NONE, d27, DATE_NONE, d27),
			 d27);
	ck_assert_int_eq(bill_period_from(DATE_NONE, DATE_NONE,
					  day(2027, 1, 1), d27), d27);
}
END_TEST

START_TEST(covers)
{
	struct bill last;
	struct bill_cover c;
	int d27 = day(2026, 11, 27);

	memset(&last, 0, sizeof last);
	last.issued_on = day(2026, 10, 27);
	last.last_entry = 40;
	/* after a last bill: its last entry and its day */
	c = bill_cover_of(&last, day(2026, 10, 28));
	ck_assert_int_eq(c.last_entry, 40);
	ck_assert_int_eq(c.through, day(2026, 10, 27));
	ck_assert_int_eq(bill_covered(&c, 40, day(2026, 10, 27)), 1);
	ck_assert_int_eq(bill_covered(&c, 1, day(2026, 1, 1)), 1);
	/* posted after it was made, dated on or before its day: late */
	ck_assert_int_eq(bill_covered(&c, 41, day(2026, 10, 27)), 0);
	ck_assert_int_eq(bill_covered(&c, 41, day(2026, 1, 1)), 0);
	/* posted before it, dated after it */
	ck_assert_int_eq(bill_covered(&c, 39, day(2026, 10, 28)), 0);
	ck_assert_int_eq(bill_covered(&c, 41, d27), 0);
	/* a first bill: what was posted before its period, whenever */
	c = bill_cover_of(NULL, day(2026, 10, 28));
	ck_assert_int_eq(c.last_entry, INT64_MAX);
	ck_assert_int_eq(c.through, day(2026, 10, 27));
	ck_assert_int_eq(bill_covered(&c, INT64_MAX, day(2026, 10, 27)), 1);
	ck_assert_int_eq(bill_covered(&c, 1, day(2026, 10, 28)), 0);
	ck_assert_int_eq(bill_covered(&c, 1, d27), 0);
}
END_TEST

/* A random entry as the ledger would hold it: charges and fees above zero,
 * payments below (a void above), adjustments and deposits either way,
 * refunds above. */
static struct bill_line
random_entry(int posted_on)
{
	enum ledger_kind k = (enum ledger_kind) rng_range(LEDGER_CHARGE,
							   LEDGER_DEPOSIT);
	int64_t amount = rng_range(1, 5000000);

	switch (k) {
	case LEDGER_PAYMENT:
		if (rng_range(0, 9) > 0)
			amount = -amount;
		break;
	case LEDGER_ADJUSTMENT:
	case LEDGER_DEPOSIT:
		if (rng_range(0, 1))
			amount = -amount;
		break;
	default:
		break;
	}
	return line(posted_on, k, amount);
}

/* One entry of a random ledger: its id is its place in the order posted,
 * from 1. */
struct posted {
	struct bill_line line;
	int billed;		/* the bills it is a line of */
	int before;		/* taken as covered by the first bill */
};

/* The balance on asof of the first n entries posted. */
static int64_t
balance_on(const struct posted *e, int n, int asof)
{
	int64_t sum = 0;
	int i;

	for (i = 0; i < n; i++)
		if (e[i].line.posted_on <= asof)
			sum += e[i].line.amount;
	return sum;
}

/* Bills b of the first n entries posted (last: the account's last bill,
 * or NULL), as bill-print does: the lines, the totals, the amount due. */
static void
make_bill(struct posted *e, int n, const struct bill *last, int opened_on,
	  struct bill *b, int ledger)
{
	struct bill_line lines[128];
	struct bill_cover c;
	int first = DATE_NONE, i, nl = 0;
	char why[256];

	b->last_entry = n;
	for (i = 0; i < n; i++)
		if (e[i].line.posted_on <= b->issued_on
		    && (first == DATE_NONE || e[i].line.posted_on < first))
			first = e[i].line.posted_on;
	b->period_from = bill_period_from(last ? last->issued_on : DATE_NONE,
					  first, opened_on, b->issued_on);
	b->period_to = b->issued_on;
	ck_assert_int_le(b->period_from, b->issued_on);
	if (last)
		ck_assert_int_eq(b->period_from, last->issued_on + 1);
	else
		ck_assert_int_ge(b->period_from,
				 date_add_months(b->issued_on, -1) + 1);
	c = bill_cover_of(last, b->period_from);
	for (i = 0; i < n; i++) {
		const struct bill_line *l = &e[i].line;

		if (l->posted_on > b->issued_on
		    || bill_covered(&c, i + 1, l->posted_on)) {
			if (!last && l->posted_on < b->period_from)
				e[i].before = 1;
			continue;
		}
		/* a line dated before the period was posted after the
		 * last bill was made */
		if (l->posted_on < b->period_from)
			ck_assert_msg(last && i + 1 > last->last_entry,
				      "ledger %d: entry %d dated before the "
				      "period", ledger, i + 1);
		lines[nl++] = *l;
		e[i].billed++;
	}
	ck_assert_int_eq(bill_totals(b, lines, (size_t) nl), 0);
	b->previous_due = last ? last->amount_due
		: balance_on(e, n, b->period_from - 1);
	b->amount_due = balance_on(e, n, b->issued_on);
	ck_assert_msg(bill_check(b, why, sizeof why) == 0, "ledger %d: %s",
		      ledger, why);
	b->amount_due++;
	ck_assert_int_eq(bill_check(b, why, sizeof why), -1);
	b->amount_due--;
}

/* Many random ledgers, their entries posted out of the order of their
 * dates (late, or dated ahead), billed on random days: every entry is a
 * line of exactly one bill, or, posted before the first bill and dated
 * before its period, in its previous amount due; each bill adds up to the
 * cent, its amount due is the balance on its day, and the next bill's
 * previous amount due. */
START_TEST(random_ledgers)
{
	int ledger;

	rng_state = 0x9e3779b97f4a7c15ULL;
	for (ledger = 0; ledger < 3000; ledger++) {
		struct posted e[96];
		struct bill last, b;
		int n = 0, i, bills = 0, today = day(2026, 1, 1), end = 0;
		int steps = (int) rng_range(0, 120), opened_on = DATE_NONE;

		memset(e, 0, sizeof e);
		if (rng_range(0, 3) > 0)
			opened_on = today + (int) rng_range(-400, 60);
		for (i = 0; i <= steps; i++) {
			today += (int) rng_range(0, 6);
			if (i < steps && n < 95 && rng_range(0, 3) > 0) {
				/* mostly dated the day, some late (a week
				 * or two back), some ahead */
				int r = (int) rng_range(0, 9), on = today;

				if (r >= 6)
					on -= (int) rng_range(1, 40);
				else if (r == 5)
					on += (int) rng_range(1, 10);
				e[n].line = random_entry(on);
				e[n].line.entry = n + 1;
				if (on > end)
					end = on;
				n++;
				continue;
			}
			/* a bill: the last, after every day posted, so that
			 * every entry is on one */
			if (i == steps && today <= end)
				today = end + (int) rng_range(1, 5);
			if (bills > 0 && today <= last.issued_on) {
				if (i < steps)
					continue;	/* billed today */
				today = last.issued_on + 1;
			}
			memset(&b, 0, sizeof b);
			b.issued_on = today;
			make_bill(e, n, bills ? &last : NULL, opened_on, &b,
				  ledger);
			if (bills)
				ck_assert_int_eq(b.previous_due,
						 last.amount_due);
			last = b;
			bills++;
		}
		ck_assert_int_ge(bills, 1);
		for (i = 0; i < n; i++)
			ck_assert_msg(e[i].billed + e[i].before == 1,
				      "ledger %d: entry %d on %d bills%s",
				      ledger, i + 1, e[i].billed,
				      e[i].before ? ", and before the first"
				      : "");
	}
}
END_TEST

static struct bill
big_bill(void)
{
	struct bill b;

	memset(&b, 0, sizeof b);
	bill_number(2026, 3, b.number);
	b.year = 2026;
	b.seq = 3;
	snprintf(b.account, sizeof b.account, "10001234567890123456");
	b.issued_on = day(2026, 11, 27);
	b.period_from = day(2026, 8, 1);
	b.period_to = b.issued_on;
	b.previous_due = 99999999999;
	b.payments = -99999999999;
	b.adjustments = 99999999999;
	b.new_charges = 0;
	b.amount_due = 99999999999;
	b.arrears = 99999999999;
	b.installment = 99999999999;
	snprintf(b.plan, sizeof b.plan, "P2026-000001");
	b.installment_due_on = day(2026, 12, 27);
	b.due_on = day(2026, 12, 17);
	b.final = 1;
	b.deposit_applied = 99999999999;
	snprintf(b.login, sizeof b.login, "clerk");
	return b;
}

static const char *
field(const struct bill_doc *doc, const char *name)
{
	size_t i;

	for (i = 0; i < BILL_NFIELDS; i++)
		if (strcmp(doc->fields[i].name, name) == 0)
			return doc->fields[i].value;
	ck_abort_msg("no field %s", name);
	return NULL;
}

START_TEST(doc_fields)
{
	struct bill b = big_bill();
	struct bill_line l[2];
	struct bill_doc doc;

	l[0] = line(day(2026, 8, 1), LEDGER_CHARGE, 10000);
	l[1] = line(day(2026, 8, 20), LEDGER_PAYMENT, -2550);
	bill_doc_fill(&doc, &b, "Ann Able", "", "1 Elm St", l, 2);
	ck_assert_str_eq(field(&doc, "title"), "FINAL BILL");
	ck_assert_str_eq(field(&doc, "bill"), "B2026-000003");
	ck_assert_str_eq(field(&doc, "mailing_address"), "1 Elm St");
	ck_assert_str_eq(field(&doc, "period_from"), "2026-08-01");
	ck_assert_str_eq(field(&doc, "past_due"), "$999,999,999.99");
	ck_assert_str_eq(field(&doc, "installment_due_on"), "2026-12-27");
	ck_assert_str_eq(field(&doc, "no_activity"), "");
	ck_assert_str_eq(field(&doc, "credit"), "");
	ck_assert_str_eq(doc.lines.name, "lines");
	ck_assert_uint_eq(doc.lines.nrows, 2);
	ck_assert_uint_eq(doc.lines.nfields, BILL_LINE_NFIELDS);
	ck_assert_str_eq(doc.lines.names[0], "date");
	ck_assert_str_eq(doc.lines.values[BILL_LINE_NFIELDS + 0],
			 "2026-08-20");
	ck_assert_str_eq(doc.lines.values[BILL_LINE_NFIELDS + 1], "Payment");
	ck_assert_str_eq(doc.lines.values[BILL_LINE_NFIELDS + 2], "-$25.50");
	ck_assert_str_eq(doc.lines.values[BILL_LINE_NFIELDS + 3], "payment");
	bill_doc_release(&doc);

	/* nothing to say: the conditional fields are empty */
	b.final = 0;
	b.arrears = b.installment = b.deposit_applied = 0;
	b.amount_due = -3000;
	bill_doc_fill(&doc, &b, "Ann Able", "PO Box 1", "1 Elm St", NULL, 0);
	ck_assert_str_eq(field(&doc, "title"), "BILL");
	ck_assert_str_eq(field(&doc, "mailing_address"), "PO Box 1");
	ck_assert_str_eq(field(&doc, "final"), "");
	ck_assert_str_eq(field(&doc, "past_due"), "");
	ck_assert_str_eq(field(&doc, "installment"), "");
	ck_assert_str_eq(field(&doc, "installment_due_on"), "");
	ck_assert_str_eq(field(&doc, "deposit_applied"), "");
	ck_assert_str_eq(field(&doc, "credit"), "$30.00");
	ck_assert_str_ne(field(&doc, "no_activity"), "");
	ck_assert_uint_eq(doc.lines.nrows, 0);
	bill_doc_release(&doc);
}
END_TEST

/* The shipped template, filled with the longest figures, fits 80
 * columns. */
START_TEST(document_fits)
{
	const char *srcdir = getenv("top_srcdir");
	struct bill b = big_bill();
	struct bill_line l[3];
	struct bill_doc doc;
	struct diag d = DIAG_INIT;
	char datadir[4096], *text = NULL, *p, *save = NULL;
	size_t size = 0;
	struct template *t;
	FILE *fp;

	snprintf(datadir, sizeof datadir, "%s/data", srcdir ? srcdir : ".");
	setenv("ACCTKIT_DATADIR", datadir, 1);
	unsetenv("ACCTKIT_TEMPLATES");
	t = template_load("bill.txt", &d);
	ck_assert_msg(t != NULL, "%s", d.msg);
	l[0] = line(day(2026, 8, 1), LEDGER_CHARGE, 99999999999);
	bill_describe(LEDGER_CHARGE, "\xc3\x89lectricit\xc3\xa9 and a memo "
		      "that is much longer than a line of a bill", 0,
		      l[0].description, sizeof l[0].description);
	l[1] = line(day(2026, 8, 20), LEDGER_PAYMENT, -99999999999);
	l[2] = line(day(2026, 9, 1), LEDGER_DEPOSIT, -99999999999);
	bill_doc_fill(&doc, &b, "Zo\xc3\xab Ma\xc3\xaftre-\xc3\x85ngstr\xc3"
		      "\xb6m and Bartholomew Castellanos", "",
		      "12345 North Riverside Industrial Parkway, Unit 1204B",
		      l, 3);
	fp = open_memstream(&text, &size);
	ck_assert_int_eq(template_render_sections(t, fp, doc.fields,
						  BILL_NFIELDS, &doc.lines, 1,
						  &d), 0);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(text, "FINAL BILL"));
	ck_assert_ptr_nonnull(strstr(text, "B2026-000003\n"));
	ck_assert_ptr_nonnull(strstr(text, "Past due: $999,999,999.99 of "
				     "this amount was due before today."));
	ck_assert_ptr_nonnull(strstr(text, "  2026-08-20  Payment "));
	for (p = strtok_r(text, "\n", &save); p;
	     p = strtok_r(NULL, "\n", &save)) {
		size_t chars = 0;
		const char *c;

		for (c = p; *c; c++)
			if (((unsigned char) *c & 0xc0) != 0x80)
				chars++;
		ck_assert_msg(chars <= 80, "a line of %zu characters: %s",
			      chars, p);
	}
	free(text);
	bill_doc_release(&doc);
	template_free(t);
}
END_TEST

static Suite *
bill_suite(void)
{
	Suite *s = suite_create("bill");
	TCase *rules = tcase_create("rules");
	TCase *props = tcase_create("properties");
	TCase *doc = tcase_create("document");

	tcase_add_test(rules, numbers);
	tcase_add_test(rules, totals_of_kinds);
	tcase_add_test(rules, descriptions);
	tcase_add_test(rules, totals_and_check);
	tcase_add_test(rules, totals_overflow);
	tcase_add_test(rules, periods);
	tcase_add_test(rules, covers);
	suite_add_tcase(s, rules);

	tcase_add_test(props, random_ledgers);
	tcase_set_timeout(props, 120);
	suite_add_tcase(s, props);

	tcase_add_test(doc, doc_fields);
	tcase_add_test(doc, document_fits);
	suite_add_tcase(s, doc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(bill_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
