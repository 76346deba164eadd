/* plan: the schedule of a payment agreement (deferred payment agreement),
 * pure arithmetic over plain values.
 *
 * The down payment is due on the agreement date and is not one of the
 * installments.  Without interest each installment is the principal divided
 * by the count, rounded down to the cent (or to the rounding unit), and the
 * last takes the remainder, so the installments add up to the principal
 * exactly.  With a periodic rate the level payment is the annuity payment
 * rounded half up to the cent (or unit); each period's interest is the
 * opening balance times the rate, rounded half up to the cent; the last
 * installment clears the balance.  Monthly due dates keep the first date's
 * day of month, clamped to the month's last day. */
#ifndef ACCTKIT_PLAN_H
#define ACCTKIT_PLAN_H

#include <stddef.h>
#include <stdint.h>

struct holidays;

enum plan_every { PLAN_MONTH, PLAN_2WEEKS, PLAN_WEEK };
enum plan_shift { PLAN_SHIFT_NONE, PLAN_SHIFT_NEXT, PLAN_SHIFT_PREVIOUS };

/* "month", "2weeks", "week"; "none", "next", "previous".  -1 if unknown. */
int plan_every_parse(const char *s, enum plan_every *e);
const char *plan_every_name(enum plan_every e);
int plan_shift_parse(const char *s, enum plan_shift *sh);

/* The rate is a percentage per period in millionths of a percent, so that
 * "1.25" is 1250000: exact, parsed by plan_rate_parse (up to 6 decimals,
 * 0 to 100). */
int plan_rate_parse(const char *s, int64_t *rate, char *why, size_t whysize);

struct plan_terms {
	int64_t amount;		/* what the agreement covers, cents, > 0 */
	int64_t down;		/* the down payment, cents, 0..amount */
	int count;		/* installments, 1 or more */
	enum plan_every every;
	int start;		/* the agreement date: the down payment's due */
	int first;		/* the first installment's due date; DATE_NONE:
				 * one period after start */
	int64_t rate;		/* per period, millionths of a percent; 0 none */
	int64_t round;		/* installments in multiples of this, cents;
				 * 1 for cents */
	enum plan_shift shift;	/* due dates off non-business days */
	const struct holidays *holidays;	/* for shift; may be NULL */
};

/* One row of the schedule: seq 0 is the down payment (present only when it
 * is above zero), 1..count the installments.  balance is what remains of
 * the principal after the row. */
struct plan_row {
	int seq;
	int due_on;
	int64_t amount, principal, interest, balance;
};

/* Fills rows (room for count + 1) and *nrows.  -1 with every reason that
 * applies in why for terms that cannot make a schedule: count below 1, a
 * negative or zero amount, a negative down payment or one above the amount,
 * nothing left after the down payment, a rounding unit that is not a whole
 * positive number of cents, an installment that would be zero. */
int plan_schedule(const struct plan_terms *t, struct plan_row *rows,
		  size_t *nrows, char *why, size_t whysize);

#endif
