/* agreement: the rules of a payment agreement (POLICY.md, "Payment
 * agreements"), over plain values: what the office may ask, and whether the
 * customer keeps it. */
#ifndef ACCTKIT_AGREEMENT_H
#define ACCTKIT_AGREEMENT_H

#include <stddef.h>
#include <stdint.h>

/* The policy an agreement is checked against. */
struct agreement_policy {
	long down_max_pct;	/* plan.down_max_pct */
	long down_max_months;	/* plan.down_max_months */
	long max_installments;	/* plan.max_installments */
	long grace_days;	/* plan.grace_days */
};

/* A down payment written as an amount ("150.00") or as a share of the
 * amount covered ("25%", "12.5%", rounded down to the cent).  -1 with the
 * reason in why. */
int agreement_down_parse(const char *s, int64_t amount, int64_t *down,
			 char *why, size_t whysize);

/* The average monthly bill: the charges of the months counted, divided by
 * their number (at least 1), rounded half up to the cent. */
int64_t agreement_average_bill(int64_t charges, int months);

/* The most down payment the office may ask: the lower of down_max_pct of
 * the arrears (rounded down to the cent) and down_max_months average
 * bills. */
int64_t agreement_down_cap(const struct agreement_policy *p, int64_t arrears,
			   int64_t average_bill);

/* Checks the terms: count within max_installments, a down payment within
 * the cap unless the customer offered more, no other agreement in force.
 * -1 with every reason that applies in why ("; " between). */
int agreement_check(const struct agreement_policy *p, int count, int64_t down,
		    int64_t cap, int offered, const char *in_force, char *why,
		    size_t whysize);

enum agreement_status {
	AGREEMENT_IN_FORCE, AGREEMENT_KEPT, AGREEMENT_BROKEN,
	AGREEMENT_CANCELLED
};
const char *agreement_status_name(enum agreement_status s);
int agreement_status_parse(const char *s, enum agreement_status *st);

enum installment_status { INSTALLMENT_DUE, INSTALLMENT_MET,
	INSTALLMENT_MISSED };
const char *installment_status_name(enum installment_status s);

struct installment {
	int seq;		/* 0 the down payment, then 1..count */
	int due_on;
	int64_t amount;
	int64_t paid;		/* set by agreement_evaluate */
	enum installment_status status;
};

/* Applies paid (what the customer paid from the agreement date to asof) to
 * the down payment and the installments in order, and marks each met
 * (fully paid), missed (unpaid grace_days after its due date) or due.
 * The agreement is broken when one is missed, kept when all are met, else
 * in force.  The same inputs always give the same answer, so a nightly
 * run may repeat it. */
enum agreement_status agreement_evaluate(struct installment *inst, size_t n,
					 int64_t paid, int asof,
					 int grace_days);

#endif
