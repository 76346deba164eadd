#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "money.h"
#include "plan.h"

/* A rate of 100% per period, in millionths of a percent. */
#define RATE_MAX INT64_C(100000000)

static const char *const every_names[] = { "month", "2weeks", "week" };
static const char *const shift_names[] = { "none", "next", "previous" };

int
plan_every_parse(const char *s, enum plan_every *e)
{
	size_t i;

	for (i = 0; s && i < sizeof every_names / sizeof every_names[0]; i++)
		if (strcmp(s, every_names[i]) == 0) {
			*e = (enum plan_every) i;
			return 0;
		}
	return -1;
}

const char *
plan_every_name(enum plan_every e)
{
	if ((size_t) e >= sizeof every_names / sizeof every_names[0])
		return "unknown";
	return every_names[e];
}

int
plan_shift_parse(const char *s, enum plan_shift *sh)
{
	size_t i;

	for (i = 0; s && i < sizeof shift_names / sizeof shift_names[0]; i++)
		if (strcmp(s, shift_names[i]) == 0) {
			*sh = (enum plan_shift) i;
			return 0;
		}
	return -1;
}

static int
fail(char *why, size_t whysize, const char *reason)
{
	if (why && whysize)
		snprintf(why, whysize, "%s", reason);
	return -1;
}

/* Grammar: [0-9]+(\.[0-9]{1,6})?%?, the '%' a courtesy to whoever types
 * "--rate 1.5%". */
int
plan_rate_parse(const char *s, int64_t *rate, char *why, size_t whysize)
{
	const char *p, *digits;
	int64_t whole = 0, fraction = 0;
	int decimals = 0;

	if (!s || !*s)
		return fail(why, whysize, "empty");
	p = s;
	if (*p == '-' && p[1] >= '0' && p[1] <= '9')
		return fail(why, whysize, "below 0");
	for (digits = p; *p >= '0' && *p <= '9'; p++)
		if (whole <= RATE_MAX)	/* enough to know it is too big */
			whole = whole * 10 + (*p - '0');
	if (p == digits)
		return fail(why, whysize, "not a number");
	if (*p == '.') {
		for (digits = ++p; *p >= '0' && *p <= '9'; p++)
			if (++decimals <= 6)
				fraction = fraction * 10 + (*p - '0');
		if (p == digits)
			return fail(why, whysize, "not a number");
	}
	if (*p == '%')
		p++;
	if (*p)
		return fail(why, whysize, "not a number");
	if (decimals > 6)
		return fail(why, whysize, "more than six decimals");
	for (; decimals < 6; decimals++)
		fraction *= 10;
	if (whole > 100 || whole * 1000000 + fraction > RATE_MAX)
		return fail(why, whysize, "above 100");
	*rate = whole * 1000000 + fraction;
	return 0;
}

/* The reasons of a refusal, joined by "; ". */
struct reasons {
	char *buf;
	size_t size, len;
	int n;
};

static void
reason(struct reasons *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Counts k more bytes written, or as many as fitted. */
static void
advance(struct reasons *r, int k)
{
	size_t room = r->size - r->len;

	if (k > 0)
		r->len += (size_t) k < room ? (size_t) k : room - 1;
}

static void
reason(struct reasons *r, const char *fmt, ...)
{
	va_list ap;

	if (++r->n > 1 && r->buf && r->len + 1 < r->size)
		advance(r, snprintf(r->buf + r->len, r->size - r->len, "; "));
	if (!r->buf || r->len + 1 >= r->size)
		return;
	va_start(ap, fmt);
	advance(r, vsnprintf(r->buf + r->len, r->size - r->len, fmt, ap));
	va_end(ap);
}

/* "1.25" for 1250000: no trailing zeros. */
static char *
rate_format(int64_t rate, char *buf, size_t size)
{
	int64_t a = rate < 0 ? -rate : rate;
	int len;

	len = snprintf(buf, size, "%s%lld.%06lld", rate < 0 ? "-" : "",
		       (long long) (a / 1000000), (long long) (a % 1000000));
	while (len > 0 && buf[len - 1] == '0')
		buf[--len] = '\0';
	if (len > 0 && buf[len - 1] == '.')
		buf[--len] = '\0';
	return buf;
}

/* balance x rate, rounded half up to the cent, exactly: the rate is in
 * millionths of a percent, so the product is in 10^-8 cents. */
static int64_t
interest_of(int64_t balance, int64_t rate)
{
	__int128 product = (__int128) balance * rate;

	return (int64_t) ((product + RATE_MAX / 2) / RATE_MAX);
}

/* The level payment of an annuity of principal over count periods at rate,
 * rounded half up to a multiple of unit.  The one place floating point
 * touches money: the factor needs powers no integer holds, so it is worked
 * in long double (log1p/expm1 keep small rates accurate) and the payment is
 * rounded here, once. */
static int64_t
level_payment(int64_t principal, int64_t rate, int count, int64_t unit)
{
	long double r = (long double) rate / RATE_MAX;
	long double factor = -expm1l(-(long double) count * log1pl(r));
	long double payment = (long double) principal * r / factor;

	return (int64_t) floorl(payment / unit + 0.5L) * unit;
}

static int
next_due(const struct plan_terms *t, int first, int i)
{
	switch (t->every) {
	case PLAN_MONTH:
		return date_add_months(first, i);
	case PLAN_2WEEKS:
		return first + 14 * i;
	case PLAN_WEEK:
	default:
		return first + 7 * i;
	}
}

static int
shifted(int day, enum plan_shift shift, const struct holidays *h)
{
	if (shift == PLAN_SHIFT_NEXT)
		while (!date_is_business_day(day, h))
			day++;
	else if (shift == PLAN_SHIFT_PREVIOUS)
		while (!date_is_business_day(day, h))
			day--;
	return day;
}

/* Whatever cannot make a schedule, whatever else is set: every reason. */
static void
check_terms(const struct plan_terms *t, struct reasons *r)
{
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], rate[32], d1[DATE_BUFSZ],
		d2[DATE_BUFSZ];

	if (t->count < 1)
		reason(r, "count %d below 1", t->count);
	if (t->amount <= 0)
		reason(r, "amount %s not above zero",
		       money_format(t->amount, a));
	else if (t->amount > MONEY_LIMIT)
		reason(r, "amount %s above %s", money_format(t->amount, a),
		       money_format(MONEY_LIMIT, b));
	if (t->down < 0)
		reason(r, "down payment %s below zero",
		       money_format(t->down, a));
	else if (t->amount > 0 && t->down > t->amount)
		reason(r, "down payment %s above the amount %s",
		       money_format(t->down, a), money_format(t->amount, b));
	else if (t->amount > 0 && t->down == t->amount)
		reason(r, "nothing left after the down payment %s",
		       money_format(t->down, a));
	if (t->round < 1)
		reason(r, "rounding unit %s not a whole positive number of "
		       "cents", money_format(t->round, a));
	if (t->rate < 0 || t->rate > RATE_MAX)
		reason(r, "rate %s%% not between 0 and 100",
		       rate_format(t->rate, rate, sizeof rate));
	if ((size_t) t->every > PLAN_WEEK)
		reason(r, "unknown period");
	if ((size_t) t->shift > PLAN_SHIFT_PREVIOUS)
		reason(r, "unknown shift");
	if (t->start == DATE_NONE)
		reason(r, "no agreement date");
	else if (t->first != DATE_NONE && t->first < t->start)
		reason(r, "first due date %s before the agreement date %s",
		       date_format(t->first, d1), date_format(t->start, d2));
}

/* Whether the last unshifted due date is after last, worked so that no
 * count overflows a day number. */
static int
runs_past(const struct plan_terms *t, int first, int last)
{
	long long days = t->every == PLAN_WEEK ? 7 : 14;

	if (t->every == PLAN_MONTH)
		return t->count > 12 * 10000
			|| date_add_months(first, t->count - 1) > last;
	return first + days * (t->count - 1) > last;
}

/* Due dates of installments 1..count into inst[0..count-1]. */
static void
due_dates(const struct plan_terms *t, struct plan_row *inst,
	  struct reasons *r)
{
	static const char *const moved[] = { "", "next", "previous" };
	int first = t->first, last = date_from_ymd(9999, 12, 31), i;
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];

	if (first == DATE_NONE)
		first = next_due(t, t->start, 1);
	if (runs_past(t, first, last)) {
		reason(r, "due dates run past %s", date_format(last, d1));
		return;
	}
	for (i = 0; i < t->count; i++) {
		inst[i].seq = i + 1;
		inst[i].due_on = shifted(next_due(t, first, i), t->shift,
					 t->holidays);
		if (i == 0 && inst[i].due_on < t->start)
			reason(r, "moved to the %s business day, installment "
			       "1 would be due on %s, before the agreement "
			       "date %s", moved[t->shift],
			       date_format(inst[i].due_on, d1),
			       date_format(t->start, d2));
		/* a shift never passes a business day, so it keeps the
		 * order: it can only make two dates one */
		else if (i > 0 && inst[i].due_on <= inst[i - 1].due_on)
			reason(r, "moved to the %s business day, installments "
			       "%d and %d would both be due on %s",
			       moved[t->shift], i, i + 1,
			       date_format(inst[i].due_on, d1));
	}
	if (inst[t->count - 1].due_on > last)
		reason(r, "due dates run past %s", date_format(last, d1));
}

/* Amounts of installments 1..count into inst[0..count-1]: equal but the
 * last, which takes the remainder. */
static void
equal_installments(const struct plan_terms *t, int64_t principal,
		   struct plan_row *inst, struct reasons *r)
{
	int64_t each = principal / t->count / t->round * t->round;
	int64_t balance = principal;
	char a[MONEY_BUFSZ], u[MONEY_BUFSZ];
	int i;

	if (each == 0) {
		if (t->round > 1)
			reason(r, "an installment would be zero: %s in %d "
			       "installments in multiples of %s",
			       money_format(principal, a), t->count,
			       money_format(t->round, u));
		else
			reason(r, "an installment would be zero: %s in %d "
			       "installments", money_format(principal, a),
			       t->count);
		return;
	}
	for (i = 0; i < t->count; i++) {
		inst[i].principal = i < t->count - 1 ? each : balance;
		inst[i].interest = 0;
		inst[i].amount = inst[i].principal;
		balance -= inst[i].principal;
		inst[i].balance = balance;
	}
}

/* A declining-balance annuity: a level payment, each period's interest on
 * the opening balance, the last installment clearing what is left. */
static void
annuity_installments(const struct plan_terms *t, int64_t principal,
		     struct plan_row *inst, struct reasons *r)
{
	int64_t payment = level_payment(principal, t->rate, t->count,
					t->round);
	int64_t balance = principal;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], u[MONEY_BUFSZ];
	int i;

	if (payment <= 0) {
		reason(r, "an installment would be zero: %s in %d "
		       "installments in multiples of %s",
		       money_format(principal, a), t->count,
		       money_format(t->round, u));
		return;
	}
	for (i = 0; i < t->count; i++) {
		inst[i].interest = interest_of(balance, t->rate);
		if (i == t->count - 1) {
			inst[i].principal = balance;
			inst[i].amount = balance + inst[i].interest;
		} else {
			inst[i].amount = payment;
			inst[i].principal = payment - inst[i].interest;
		}
		/* only a payment rounded far from the annuity's (a large
		 * unit) or a tiny principal gets to these two */
		if (inst[i].principal <= 0) {
			reason(r, "installments of %s would not reduce the "
			       "balance: installment %d's interest is %s",
			       money_format(payment, a), i + 1,
			       money_format(inst[i].interest, b));
			return;
		}
		if (i < t->count - 1 && inst[i].principal >= balance) {
			reason(r, "installments of %s would pay everything "
			       "off by installment %d of %d",
			       money_format(payment, a), i + 1, t->count);
			return;
		}
		balance -= inst[i].principal;
		inst[i].balance = balance;
	}
}

int
plan_schedule(const struct plan_terms *t, struct plan_row *rows,
	      size_t *nrows, char *why, size_t whysize)
{
	struct reasons r = { why, whysize, 0, 0 };
	struct plan_row *inst = rows + (t->down > 0);
	int64_t principal;

	if (why && whysize)
		*why = '\0';
	check_terms(t, &r);
	if (r.n > 0)
		return -1;

	principal = t->amount - t->down;
	if (t->down > 0)
		rows[0] = (struct plan_row) { 0, t->start, t->down, t->down,
					      0, principal };
	due_dates(t, inst, &r);
	if (t->rate == 0)
		equal_installments(t, principal, inst, &r);
	else
		annuity_installments(t, principal, inst, &r);
	if (r.n > 0)
		return -1;
	*nrows = (size_t) t->count + (t->down > 0);
	return 0;
}
