/* ledger: the rules of the ledger, over plain values (no store).
 *
 * Sign: positive = the customer owes more, negative = a credit.  Aging is
 * FIFO (DESIGN.md section 3): credits pay the oldest debits first, so the
 * unpaid part of a positive balance is the newest debits. */
#ifndef ACCTKIT_LEDGER_H
#define ACCTKIT_LEDGER_H

#include <stddef.h>
#include <stdint.h>

enum ledger_kind {
	LEDGER_CHARGE,
	LEDGER_PAYMENT,
	LEDGER_FEE,
	LEDGER_ADJUSTMENT,
	LEDGER_REFUND,
	LEDGER_DEPOSIT
};

/* "charge" ... "deposit"; -1 for an unknown word. */
int ledger_kind_parse(const char *s, enum ledger_kind *k);
const char *ledger_kind_name(enum ledger_kind k);

/* The amount as stored for an entry of kind k written as amount: a payment is
 * always a credit (either sign accepted); charges, fees and refunds must be
 * above zero; adjustments and deposits take the sign written; zero is
 * refused.  -1 with the reason in why. */
int ledger_signed_amount(enum ledger_kind k, int64_t amount, int64_t *stored,
			 char *why, size_t whysize);

/* The longest reference or source, and memo, of an entry, in bytes. */
enum { LEDGER_REF_MAX = 64, LEDGER_MEMO_MAX = 500 };

/* A reference, source or memo of an entry: at most max bytes, no control
 * characters (with lines set, newlines and tabs are allowed: a memo).  -1
 * with the reason in why. */
int ledger_text_check(const char *s, size_t max, int lines, char *why,
		      size_t whysize);

/* Whether an entry may be reversed: not a reversal itself and not reversed
 * already (reversed_by is the id of its reversal, or 0).  -1 with every
 * reason that applies in why. */
int ledger_reversal_check(int64_t reverses, int64_t reversed_by, char *why,
			  size_t whysize);

/* Aging buckets of a balance.  For a balance at or below zero everything is
 * in current (a credit is not past due) and arrears are zero, so that the
 * buckets always add up to the balance. */
struct aging {
	int64_t balance;
	int64_t arrears;	/* unpaid debits past their due date */
	int days_past_due;	/* the largest days past due among them */
	int64_t current, d1_30, d31_60, d61_90, d91_plus;
};

/* Walks the debits of an account newest first (posted_on descending, the
 * later-entered first on a day).  Start with ledger_age_begin(); feed each
 * debit with ledger_age_add() while it returns 1; it returns 0 once the
 * balance is used up and no more debits are needed.  ledger_age_end() puts
 * whatever no debit explained (only possible with bad data) in current. */
struct ledger_ager {
	struct aging a;
	int64_t left;
	int asof, due_days;
};
void ledger_age_begin(struct ledger_ager *g, int64_t balance, int asof,
		      int due_days);
int ledger_age_add(struct ledger_ager *g, int posted_on, int64_t amount);
void ledger_age_end(struct ledger_ager *g, struct aging *out);

#endif
