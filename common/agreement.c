#include <config.h>

#include <stdio.h>
#include <string.h>

#include "agreement.h"
#include "money.h"

int
agreement_down_parse(const char *s, int64_t amount, int64_t *down, char *why,
		     size_t whysize)
{
	size_t len = strlen(s);
	char text[64];
	int64_t hundredths;

	if (len == 0 || s[len - 1] != '%') {
		if (money_parse(s, down, why, whysize) < 0)
			return -1;
		if (*down < 0) {
			snprintf(why, whysize, "below zero");
			return -1;
		}
		return 0;
	}
	if (len >= sizeof text) {
		snprintf(why, whysize, "not a share (such as 25%%)");
		return -1;
	}
	/* a percentage with up to two decimals, read as money is */
	memcpy(text, s, len - 1);
	text[len - 1] = '\0';
	if (money_parse(text, &hundredths, why, whysize) < 0)
		return -1;
	if (hundredths < 0 || hundredths > 10000) {
		snprintf(why, whysize, "not a share from 0%% to 100%%");
		return -1;
	}
	*down = amount * hundredths / 10000;
	return 0;
}

int64_t
agreement_average_bill(int64_t charges, int months)
{
	if (months < 1)
		months = 1;
	if (charges <= 0)
		return 0;
	return (charges + months / 2) / months;
}

int64_t
agreement_down_cap(const struct agreement_policy *p, int64_t arrears,
		   int64_t average_bill)
{
	int64_t by_share = arrears > 0 ? arrears * p->down_max_pct / 100 : 0;
	int64_t by_bills = average_bill * p->down_max_months;

	return by_share < by_bills ? by_share : by_bills;
}

/* Appends a reason to why, "; " between reasons. */
static void
add(char *why, size_t whysize, const char *text)
{
	size_t len = strlen(why);

	if (len)
		snprintf(why + len, whysize - len, "; %s", text);
	else
		snprintf(why, whysize, "%s", text);
}

int
agreement_check(const struct agreement_policy *p, int count, int64_t down,
		int64_t cap, int offered, const char *in_force, char *why,
		size_t whysize)
{
	char text[256], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	why[0] = '\0';
	if (count > p->max_installments) {
		snprintf(text, sizeof text, "%d installments are more than "
			 "plan.max_installments (%ld)", count,
			 p->max_installments);
		add(why, whysize, text);
	}
	if (down > cap && !offered) {
		snprintf(text, sizeof text, "a down payment of %s is more than "
			 "the office may ask (%s: the lower of plan.down_max_pct "
			 "of the arrears and plan.down_max_months average "
			 "bills); --offered if the customer offers it",
			 money_format(down, m1), money_format(cap, m2));
		add(why, whysize, text);
	}
	if (in_force && *in_force) {
		snprintf(text, sizeof text, "agreement %s is in force already",
			 in_force);
		add(why, whysize, text);
	}
	return why[0] ? -1 : 0;
}

static const char *const agreement_names[] = { "in-force", "kept", "broken",
	"cancelled" };
static const char *const installment_names[] = { "due", "met", "missed" };

const char *
agreement_status_name(enum agreement_status s)
{
	return agreement_names[s];
}

int
agreement_status_parse(const char *s, enum agreement_status *st)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, agreement_names[i]) == 0) {
			*st = i;
			return 0;
		}
	return -1;
}

const char *
installment_status_name(enum installment_status s)
{
	return installment_names[s];
}

enum agreement_status
agreement_evaluate(struct installment *inst, size_t n, int64_t paid,
		   int asof, int grace_days)
{
	int missed = 0, met = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		struct installment *t = &inst[i];

		t->paid = paid < 0 ? 0 : paid < t->amount ? paid : t->amount;
		paid -= t->paid;
		if (t->paid == t->amount) {
			t->status = INSTALLMENT_MET;
			met++;
		} else if (asof > t->due_on + grace_days) {
			t->status = INSTALLMENT_MISSED;
			missed++;
		} else {
			t->status = INSTALLMENT_DUE;
		}
	}
	if (missed)
		return AGREEMENT_BROKEN;
	return (size_t) met == n ? AGREEMENT_KEPT : AGREEMENT_IN_FORCE;
}
