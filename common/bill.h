/* bill: a customer's current bill as a plain struct, and its rules over
 * plain values: which total each ledger entry goes to, the totals and the
 * check that they add up, the bill's number, period and lines, and the
 * fields of its document.
 *
 * amount_due = previous_due + payments + adjustments + new_charges, to the
 * cent, where each entry of the bill is in exactly one of the three
 * totals: charges and fees are new charges; payments (a void or a returned
 * check is a payment entry the other way, so they are net of reversals)
 * are payments; adjustments, refunds and deposits are adjustments. */
#ifndef ACCTKIT_BILL_H
#define ACCTKIT_BILL_H

#include <stddef.h>
#include <stdint.h>

#include "ledger.h"
#include "template.h"

#define BILL_NUMBER_MAX 16
#define BILL_PLAN_MAX 16

/* A line's description is cut to this many characters, so that a line of
 * the bill fits 80 columns. */
enum { BILL_DESCRIPTION_WIDTH = 48 };

/* B2026-000123: the year and the bill's place in it, from 1.  Returns buf
 * (BILL_NUMBER_MAX bytes). */
char *bill_number(int year, int64_t seq, char *buf);

/* The three totals of a bill's entries. */
enum bill_total { BILL_PAYMENTS, BILL_ADJUSTMENTS, BILL_NEW_CHARGES };

/* The total an entry of kind k goes to. */
enum bill_total bill_total_of(enum ledger_kind k);

/* One entry of the bill: its date, its words, its amount as stored. */
struct bill_line {
	int64_t entry;
	int posted_on;
	enum ledger_kind kind;
	int64_t amount;
	char description[4 * BILL_DESCRIPTION_WIDTH + 4];
};

/* A line's description: the memo's first line, blanks squeezed, cut to
 * BILL_DESCRIPTION_WIDTH characters (UTF-8), or for an empty memo the
 * kind ("Charge", "Payment", ...); a reversal says so ("Payment reversed:
 * wrong account").  Into buf; returns buf. */
char *bill_describe(enum ledger_kind k, const char *memo, int reversal,
		    char *buf, size_t size);

/* A bill as stored (the bills table); strings in the struct. */
struct bill {
	char number[BILL_NUMBER_MAX];
	int year;
	int64_t seq;
	char account[32];
	int issued_on;			/* the business date */
	int period_from, period_to;	/* the entries it shows */
	int64_t previous_due;		/* the last bill's amount_due */
	int64_t payments, adjustments, new_charges;	/* as stored */
	int64_t amount_due;		/* the balance on issued_on */
	int64_t arrears;		/* of it, past due on issued_on */
	int64_t installment;		/* an agreement's next installment */
	char plan[BILL_PLAN_MAX];	/* the agreement in force, or "" */
	int installment_due_on;		/* its due date, DATE_NONE for none */
	int64_t last_entry;		/* the account's highest entry then */
	int due_on;			/* issued_on + bill.due_days */
	int final;
	int64_t deposit_applied;	/* a final bill's, cents */
	char login[64], at[32];
};

/* Sets b's payments, adjustments and new_charges to the sums of the n
 * lines, each in the total of its kind.  -1 if a sum overflows (money_add),
 * b unchanged. */
int bill_totals(struct bill *b, const struct bill_line *lines, size_t n);

/* Whether b adds up: amount_due = previous_due + payments + adjustments +
 * new_charges.  -1 with the figures in why. */
int bill_check(const struct bill *b, char *why, size_t whysize);

/* The first day of a bill's period: the day after the last bill's
 * issued_on; for a first bill, the day after the same day a month before
 * issued_on (date_add_months), or the account's first entry if later, or
 * without one the day it was opened if later; never after issued_on. */
int bill_period_from(int last_issued_on, int first_entry, int opened_on,
		     int issued_on);

/* The entries of an account that its earlier bills covered: those numbered
 * up to last_entry and posted on or before through.  After a last bill,
 * its last_entry and issued_on (bills are never dated before the last
 * one, so what it covers takes in what every earlier bill covered); before
 * a first bill, every entry posted before its period.  A bill's lines are
 * the account's entries posted on or before its day that are not covered,
 * and its amount due is the last one's plus their sum. */
struct bill_cover {
	int64_t last_entry;
	int through;
};

/* What the earlier bills cover for a bill whose period starts on
 * period_from: last is the account's last bill, or NULL for none. */
struct bill_cover bill_cover_of(const struct bill *last, int period_from);

/* Whether entry id, posted on posted_on, is covered by c: 1 or 0. */
int bill_covered(const struct bill_cover *c, int64_t id, int posted_on);

struct out;

/* The columns of a bill as a record (CSV), for out_new(), and a row. */
extern const char *const bill_columns[];
void bill_out_row(struct out *o, const struct bill *b);

/* The fields of the bill template (data/templates/bill.txt) and its
 * section "lines", one row a line (date, description, amount, kind).
 * The customer's name and addresses come from the account; an empty
 * mailing address is the service address.  The strings live in doc and
 * in lines, which must outlive it.  Release with bill_doc_release(). */
enum bill_field {
	BILL_F_TITLE, BILL_F_BILL, BILL_F_ACCOUNT, BILL_F_NAME,
	BILL_F_MAILING_ADDRESS, BILL_F_SERVICE_ADDRESS, BILL_F_PERIOD_FROM,
	BILL_F_PERIOD_TO, BILL_F_ISSUED_ON, BILL_F_PREVIOUS_DUE,
	BILL_F_PAYMENTS, BILL_F_ADJUSTMENTS, BILL_F_NEW_CHARGES,
	BILL_F_AMOUNT_DUE, BILL_F_DUE_ON, BILL_F_PAST_DUE, BILL_F_INSTALLMENT,
	BILL_F_INSTALLMENT_DUE_ON, BILL_F_PLAN, BILL_F_FINAL,
	BILL_F_DEPOSIT_APPLIED, BILL_F_CREDIT, BILL_F_NO_ACTIVITY,
	BILL_F_CLERK, BILL_NFIELDS
};
enum { BILL_LINE_NFIELDS = 4 };
struct bill_doc {
	struct template_field fields[BILL_NFIELDS];
	struct template_section lines;
	char issued_on[16], period_from[16], period_to[16], due_on[16];
	char installment_due_on[16];
	char previous_due[40], payments[40], adjustments[40], new_charges[40];
	char amount_due[40], past_due[40], installment[40], deposit[40];
	char credit[40];
	const char **values;		/* the lines' fields, row by row */
	char *text;			/* their dates and amounts */
};
void bill_doc_fill(struct bill_doc *doc, const struct bill *b,
		   const char *name, const char *mailing_address,
		   const char *service_address, const struct bill_line *lines,
		   size_t n);
void bill_doc_release(struct bill_doc *doc);

/* The fields' names (for a template's check before anything is billed):
 * a doc with every field empty and no lines. */
void bill_doc_empty(struct bill_doc *doc);

#endif
