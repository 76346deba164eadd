#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bill.h"
#include "date.h"
#include "money.h"
#include "out.h"
#include "xalloc.h"

char *
bill_number(int year, int64_t seq, char *buf)
{
	snprintf(buf, BILL_NUMBER_MAX, "B%04d-%06" PRId64, year, seq);
	return buf;
}

enum bill_total
bill_total_of(enum ledger_kind k)
{
	switch (k) {
	case LEDGER_CHARGE:
	case LEDGER_FEE:
		return BILL_NEW_CHARGES;
	case LEDGER_PAYMENT:
		return BILL_PAYMENTS;
	case LEDGER_ADJUSTMENT:
	case LEDGER_REFUND:
	case LEDGER_DEPOSIT:
		break;
	}
	return BILL_ADJUSTMENTS;
}

/* Copies at most width characters of s (UTF-8, up to its first line) into
 * buf, tabs and runs of blanks made one space, with no blank at either
 * end. */
static void
first_line(const char *s, size_t width, char *buf, size_t size)
{
	size_t len = 0, chars = 0, start = 0;
	int blank = 0;

	for (; *s && *s != '\n' && *s != '\r'; s++) {
		unsigned char c = (unsigned char) *s;
		int starts = (c & 0xc0) != 0x80;	/* a character */

		if (c == ' ' || c == '\t') {
			blank = len > 0;
			continue;
		}
		if (starts && chars + blank >= width)
			break;
		if (len + blank + 1 >= size) {
			if (!starts)
				len = start;	/* not half a character */
			break;
		}
		if (blank) {
			buf[len++] = ' ';
			chars++;
			blank = 0;
		}
		if (starts) {
			start = len;
			chars++;
		}
		buf[len++] = (char) c;
	}
	while (len > 0 && buf[len - 1] == ' ')
		len--;
	buf[len] = '\0';
}

char *
bill_describe(enum ledger_kind k, const char *memo, int reversal, char *buf,
	      size_t size)
{
	char kind[16], what[4 * BILL_DESCRIPTION_WIDTH + 4];

	snprintf(kind, sizeof kind, "%s", ledger_kind_name(k));
	if (kind[0] >= 'a' && kind[0] <= 'z')
		kind[0] = (char) (kind[0] - 'a' + 'A');
	first_line(memo ? memo : "", BILL_DESCRIPTION_WIDTH, what,
		   sizeof what);
	if (reversal && what[0]) {
		char both[sizeof what + 32];

		snprintf(both, sizeof both, "%s reversed: %s", kind, what);
		first_line(both, BILL_DESCRIPTION_WIDTH, buf, size);
	} else if (reversal) {
		snprintf(buf, size, "%s reversed", kind);
	} else if (what[0]) {
		first_line(what, BILL_DESCRIPTION_WIDTH, buf, size);
	} else {
		snprintf(buf, size, "%s", kind);
	}
	return buf;
}

int
bill_totals(struct bill *b, const struct bill_line *lines, size_t n)
{
	int64_t total[3] = { 0, 0, 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		int64_t *t = &total[bill_total_of(lines[i].kind)];

		if (money_add(*t, lines[i].amount, t) < 0)
			return -1;
	}
	b->payments = total[BILL_PAYMENTS];
	b->adjustments = total[BILL_ADJUSTMENTS];
	b->new_charges = total[BILL_NEW_CHARGES];
	return 0;
}

int
bill_check(const struct bill *b, char *why, size_t whysize)
{
	char m[5][MONEY_BUFSZ];
	int64_t sum = b->previous_due;

	if (money_add(sum, b->payments, &sum) == 0
	    && money_add(sum, b->adjustments, &sum) == 0
	    && money_add(sum, b->new_charges, &sum) == 0
	    && sum == b->amount_due)
		return 0;
	snprintf(why, whysize, "the amount due %s is not the previous amount "
		 "due %s plus payments %s, adjustments %s and new charges %s",
		 money_format(b->amount_due, m[0]),
		 money_format(b->previous_due, m[1]),
		 money_format(b->payments, m[2]),
		 money_format(b->adjustments, m[3]),
		 money_format(b->new_charges, m[4]));
	return -1;
}

int
bill_period_from(int last_issued_on, int first_entry, int opened_on,
		 int issued_on)
{
	int from, start;

	if (last_issued_on != DATE_NONE) {
		from = last_issued_on + 1;
	} else {
		/* a month: from the day after the same day a month before */
		from = date_add_months(issued_on, -1) + 1;
		start = first_entry != DATE_NONE ? first_entry : opened_on;
		if (start != DATE_NONE && start > from)
			from = start;
	}
	if (from > issued_on)
		from = issued_on;
	return from;
}

struct bill_cover
bill_cover_of(const struct bill *last, int period_from)
{
	struct bill_cover c;

	if (last) {
		c.last_entry = last->last_entry;
		c.through = last->issued_on;
	} else {
		c.last_entry = INT64_MAX;
		c.through = period_from - 1;
	}
	return c;
}

int
bill_covered(const struct bill_cover *c, int64_t id, int posted_on)
{
	return id <= c->last_entry && posted_on <= c->through;
}

const char *const bill_columns[] = {
	"bill", "account", "issued_on", "period_from", "period_to",
	">previous_due", ">payments", ">adjustments", ">new_charges",
	">amount_due", ">arrears", ">installment", "due_on", "final", NULL
};

void
bill_out_row(struct out *o, const struct bill *b)
{
	out_field(o, b->number);
	out_field(o, b->account);
	out_date(o, b->issued_on);
	out_date(o, b->period_from);
	out_date(o, b->period_to);
	out_money(o, b->previous_due);
	out_money(o, b->payments);
	out_money(o, b->adjustments);
	out_money(o, b->new_charges);
	out_money(o, b->amount_due);
	out_money(o, b->arrears);
	out_money(o, b->installment);
	out_date(o, b->due_on);
	out_field(o, b->final ? "yes" : "no");
	out_row_end(o);
}

static const char *const field_names[BILL_NFIELDS] = {
	"title", "bill", "account", "name", "mailing_address",
	"service_address", "period_from", "period_to", "issued_on",
	"previous_due", "payments", "adjustments", "new_charges",
	"amount_due", "due_on", "past_due", "installment",
	"installment_due_on", "plan", "final", "deposit_applied", "credit",
	"no_activity", "clerk"
};

static const char *const line_names[BILL_LINE_NFIELDS] = {
	"date", "description", "amount", "kind"
};

void
bill_doc_empty(struct bill_doc *doc)
{
	size_t i;

	memset(doc, 0, sizeof *doc);
	for (i = 0; i < BILL_NFIELDS; i++) {
		doc->fields[i].name = field_names[i];
		doc->fields[i].value = "";
	}
	doc->lines.name = "lines";
	doc->lines.names = line_names;
	doc->lines.nfields = BILL_LINE_NFIELDS;
}

/* What a line's date and amount take in doc->text. */
enum { LINE_TEXT = DATE_BUFSZ + MONEY_BUFSZ };

void
bill_doc_fill(struct bill_doc *doc, const struct bill *b, const char *name,
	      const char *mailing_address, const char *service_address,
	      const struct bill_line *lines, size_t n)
{
	struct template_field *f = doc->fields;
	size_t i;

	bill_doc_empty(doc);
	f[BILL_F_TITLE].value = b->final ? "FINAL BILL" : "BILL";
	f[BILL_F_BILL].value = b->number;
	f[BILL_F_ACCOUNT].value = b->account;
	f[BILL_F_NAME].value = name;
	f[BILL_F_MAILING_ADDRESS].value = mailing_address && *mailing_address
		? mailing_address : service_address;
	f[BILL_F_SERVICE_ADDRESS].value = service_address;
	f[BILL_F_PERIOD_FROM].value = date_format(b->period_from,
						  doc->period_from);
	f[BILL_F_PERIOD_TO].value = date_format(b->period_to, doc->period_to);
	f[BILL_F_ISSUED_ON].value = date_format(b->issued_on, doc->issued_on);
	f[BILL_F_PREVIOUS_DUE].value = money_format_human(b->previous_due,
							  doc->previous_due);
	f[BILL_F_PAYMENTS].value = money_format_human(b->payments,
						      doc->payments);
	f[BILL_F_ADJUSTMENTS].value = money_format_human(b->adjustments,
							 doc->adjustments);
	f[BILL_F_NEW_CHARGES].value = money_format_human(b->new_charges,
							 doc->new_charges);
	f[BILL_F_AMOUNT_DUE].value = money_format_human(b->amount_due,
							doc->amount_due);
	f[BILL_F_DUE_ON].value = date_format(b->due_on, doc->due_on);
	/* the fields below are empty when there is nothing to say, so that
	 * a template's {{?field}} lines are left out */
	if (b->arrears > 0)
		f[BILL_F_PAST_DUE].value = money_format_human(b->arrears,
							      doc->past_due);
	if (b->installment > 0) {
		f[BILL_F_INSTALLMENT].value =
			money_format_human(b->installment, doc->installment);
		f[BILL_F_INSTALLMENT_DUE_ON].value =
			date_format(b->installment_due_on,
				    doc->installment_due_on);
	}
	f[BILL_F_PLAN].value = b->plan;
	f[BILL_F_FINAL].value = b->final ? "FINAL BILL" : "";
	if (b->deposit_applied > 0)
		f[BILL_F_DEPOSIT_APPLIED].value =
			money_format_human(b->deposit_applied, doc->deposit);
	if (b->amount_due < 0)
		f[BILL_F_CREDIT].value = money_format_human(-b->amount_due,
							    doc->credit);
	if (n == 0)
		f[BILL_F_NO_ACTIVITY].value = "No payments, adjustments or "
			"charges in this period.";
	f[BILL_F_CLERK].value = b->login;

	doc->values = xnmalloc(n ? n * BILL_LINE_NFIELDS : 1,
			       sizeof *doc->values);
	doc->text = xnmalloc(n ? n : 1, LINE_TEXT);
	for (i = 0; i < n; i++) {
		const char **row = &doc->values[i * BILL_LINE_NFIELDS];
		char *date = doc->text + i * LINE_TEXT;

		row[0] = date_format(lines[i].posted_on, date);
		row[1] = lines[i].description;
		row[2] = money_format_human(lines[i].amount,
					    date + DATE_BUFSZ);
		row[3] = ledger_kind_name(lines[i].kind);
	}
	doc->lines.values = doc->values;
	doc->lines.nrows = n;
}

void
bill_doc_release(struct bill_doc *doc)
{
	free(doc->values);
	free(doc->text);
	doc->values = NULL;
	doc->text = NULL;
}
