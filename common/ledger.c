#include <config.h>

#include <stdio.h>
#include <string.h>

#include "ledger.h"
#include "money.h"
#include "text.h"

/* Indexed by enum ledger_kind; these words are stored in the entries table
 * and read in CSV, so they are an interface. */
static const char *const kind_names[] = {
	"charge", "payment", "fee", "adjustment", "refund", "deposit"
};
#define NKINDS (sizeof kind_names / sizeof kind_names[0])

static int
fail(char *why, size_t whysize, const char *fmt, const char *arg)
{
	if (why && whysize)
		snprintf(why, whysize, fmt, arg);
	return -1;
}

int
ledger_kind_parse(const char *s, enum ledger_kind *k)
{
	size_t i;

	if (!s)
		return -1;
	for (i = 0; i < NKINDS; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*k = (enum ledger_kind) i;
			return 0;
		}
	return -1;
}

const char *
ledger_kind_name(enum ledger_kind k)
{
	if ((size_t) k >= NKINDS)
		return "unknown";
	return kind_names[k];
}

int
ledger_signed_amount(enum ledger_kind k, int64_t amount, int64_t *stored,
		     char *why, size_t whysize)
{
	char limit[MONEY_BUFSZ];

	if ((size_t) k >= NKINDS)
		return fail(why, whysize, "%s", "unknown kind of entry");
	if (amount == 0)
		return fail(why, whysize, "%s", "zero is not an amount");
	/* Amounts come from money_parse, so this only catches a caller's
	 * mistake; it also keeps the negation below from overflowing. */
	if (amount > MONEY_LIMIT || amount < -MONEY_LIMIT)
		return fail(why, whysize, "beyond the limit of %s",
			    money_format(MONEY_LIMIT, limit));
	switch (k) {
	case LEDGER_PAYMENT:
		/* Lockbox files write payments either way round; a payment
		 * can only ever lower what is owed. */
		*stored = amount < 0 ? amount : -amount;
		return 0;
	case LEDGER_CHARGE:
	case LEDGER_FEE:
	case LEDGER_REFUND:
		if (amount < 0)
			return fail(why, whysize, "a %s must be above zero",
				    kind_names[k]);
		break;
	case LEDGER_ADJUSTMENT:
	case LEDGER_DEPOSIT:
		break;
	}
	*stored = amount;
	return 0;
}

int
ledger_text_check(const char *s, size_t max, int lines, char *why,
		  size_t whysize)
{
	const unsigned char *p;

	if (strlen(s) > max) {
		snprintf(why, whysize, "longer than %zu bytes", max);
		return -1;
	}
	for (p = (const unsigned char *) s; *p; p++)
		if (text_control_len((const char *) p, lines)) {
			snprintf(why, whysize, "control characters are not "
				 "allowed");
			return -1;
		}
	return 0;
}

int
ledger_reversal_check(int64_t reverses, int64_t reversed_by, char *why,
		      size_t whysize)
{
	if (reverses && reversed_by)
		snprintf(why, whysize, "it is itself the reversal of entry "
			 "%lld, and entry %lld reversed it already",
			 (long long) reverses, (long long) reversed_by);
	else if (reverses)
		snprintf(why, whysize, "it is itself the reversal of entry "
			 "%lld: post a new entry instead", (long long) reverses);
	else if (reversed_by)
		snprintf(why, whysize, "entry %lld reversed it already",
			 (long long) reversed_by);
	else
		return 0;
	return -1;
}

void
ledger_age_begin(struct ledger_ager *g, int64_t balance, int asof,
		 int due_days)
{
	memset(g, 0, sizeof *g);
	g->a.balance = balance;
	g->asof = asof;
	g->due_days = due_days;
	/* A credit balance is not past due: it all sits in current and no
	 * debit is needed to explain it. */
	if (balance > 0)
		g->left = balance;
	else
		g->a.current = balance;
}

int
ledger_age_add(struct ledger_ager *g, int posted_on, int64_t amount)
{
	struct aging *a = &g->a;
	int64_t piece;
	long long days;

	if (g->left <= 0)
		return 0;
	if (amount <= 0)
		return 1;
	piece = amount < g->left ? amount : g->left;
	g->left -= piece;
	days = (long long) g->asof - posted_on - g->due_days;
	if (days <= 0)
		a->current += piece;
	else if (days <= 30)
		a->d1_30 += piece;
	else if (days <= 60)
		a->d31_60 += piece;
	else if (days <= 90)
		a->d61_90 += piece;
	else
		a->d91_plus += piece;
	if (days > 0) {
		a->arrears += piece;
		if (days > a->days_past_due)
			a->days_past_due = (int) days;
	}
	return g->left > 0;
}

void
ledger_age_end(struct ledger_ager *g, struct aging *out)
{
	g->a.current += g->left;
	g->left = 0;
	*out = g->a;
}
