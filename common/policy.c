#include <config.h>

#include <stdio.h>
#include <string.h>

#include "money.h"
#include "policy.h"

/* The defaults and sources of ../shared/POLICY.md, one entry a key; the
 * store is seeded from here and acctkit-store(5) lists the same. */
const struct policy_key policy_keys[] = {
	{ "bill.due_days", "20", POLICY_DAYS,
	  "a debit is due this many days after it is posted (drives aging)",
	  "office practice" },
	{ "shutoff.min_arrears", "50.00", POLICY_MONEY,
	  "least arrears for a termination notice or a shut-off",
	  "office practice" },
	{ "shutoff.notice_after_due_days", "20", POLICY_DAYS,
	  "a notice only when some arrears are this many days past due",
	  "NY PSL 32" },
	{ "shutoff.notice_days", "15", POLICY_DAYS,
	  "the earliest shut-off is this many days after the notice",
	  "NY PSL 32 (PA: 10)" },
	{ "shutoff.notice_valid_days", "60", POLICY_DAYS,
	  "a notice older than this no longer supports a shut-off",
	  "PA 66 Pa.C.S. 1406" },
	{ "shutoff.days", "mon,tue,wed,thu", POLICY_WEEKDAYS,
	  "weekdays on which a shut-off may be scheduled",
	  "NY: Monday-Thursday only" },
	{ "shutoff.no_eve_of_holiday", "yes", POLICY_YESNO,
	  "never a shut-off on a holiday or the day before one",
	  "NY, PA 1503" },
	{ "shutoff.blackout", "12-22..01-04", POLICY_MONTHDAY_RANGE,
	  "no residential shut-off in these days around Christmas and New Year",
	  "NY Attorney General notice" },
	{ "shutoff.cold_from", "11-01", POLICY_MONTHDAY,
	  "first day of the cold-weather period (heat accounts need a contact)",
	  "NY cold-weather rules" },
	{ "shutoff.cold_to", "04-15", POLICY_MONTHDAY,
	  "last day of the cold-weather period",
	  "NY cold-weather rules" },
	{ "shutoff.contact_hours", "72", POLICY_COUNT,
	  "a contact attempt this many hours before a protected shut-off",
	  "NY 16 NYCRR 11.5" },
	{ "shutoff.per_day", "40", POLICY_COUNT,
	  "field crews' capacity: shut-off orders per day",
	  "office practice" },
	{ "medical.cert_days", "30", POLICY_DAYS,
	  "a medical certificate protects from shut-off for this many days",
	  "NY 16 NYCRR 11.5, PA 56.114" },
	{ "medical.max_renewals", "2", POLICY_COUNT,
	  "medical renewals for the same arrears without a payment",
	  "PA 56.114" },
	{ "dispute.hold_days", "15", POLICY_DAYS,
	  "no shut-off for this many days after a billing complaint closes",
	  "NY PSL 43" },
	{ "restore.within_hours", "24", POLICY_COUNT,
	  "a restoration is scheduled within this many hours of payment",
	  "NY, PA 66 Pa.C.S. 1407" },
	{ "fee.reconnect", "0.00", POLICY_MONEY,
	  "fee posted when a restoration is completed",
	  "office practice" },
	{ "plan.down_max_pct", "50", POLICY_PERCENT,
	  "most down payment, as a share of the arrears (lower cap wins)",
	  "NY PSL 37" },
	{ "plan.down_max_months", "3", POLICY_COUNT,
	  "most down payment, in months of the average bill (lower cap wins)",
	  "NY PSL 37" },
	{ "plan.max_installments", "24", POLICY_COUNT,
	  "longest payment agreement, in installments",
	  "office practice (PA allows up to 60 by income)" },
	{ "plan.grace_days", "10", POLICY_DAYS,
	  "an installment unpaid this many days past due breaks the plan",
	  "office practice" },
	{ "cert.valid_days", "60", POLICY_DAYS,
	  "a full payment certificate is valid this many days from its date",
	  "City of Chicago FPC" },
	{ "cert.fee", "0.00", POLICY_MONEY,
	  "fee posted when a certificate is issued",
	  "City of Chicago FPC" },
	{ "case.sla_days.billing", "30", POLICY_DAYS,
	  "a billing complaint's report is due this many days after it opens",
	  "PA 52 Pa. Code 56.151" },
	{ "case.sla_days.service", "10", POLICY_DAYS,
	  "days to resolve a service complaint",
	  "office practice" },
	{ "case.sla_days.shutoff", "1", POLICY_DAYS,
	  "days to resolve a complaint about a pending shut-off",
	  "office practice" },
	{ "case.sla_days.other", "30", POLICY_DAYS,
	  "days to resolve any other complaint",
	  "office practice" },
	{ "invest.routine_days", "10", POLICY_DAYS,
	  "a routine investigation is scheduled within this many business days",
	  "office practice" },
	{ "invest.special_days", "1", POLICY_DAYS,
	  "a special investigation is scheduled within this many business days",
	  "office practice" },
	{ "adjust.clerk_limit", "100.00", POLICY_MONEY,
	  "largest adjustment (either sign) a clerk may post alone",
	  "office practice" },
	{ "adjust.countersign", "no", POLICY_YESNO,
	  "yes: no --approved-by; a supervisor approves what was held",
	  "office practice (approvals as in Oracle Receivables)" },
	{ NULL, NULL, 0, NULL, NULL }
};

static int
fail(char *why, size_t whysize, const char *reason)
{
	if (whysize > 0)
		snprintf(why, whysize, "%s", reason);
	return -1;
}

const struct policy_key *
policy_find(const char *key)
{
	const struct policy_key *k;

	if (!key)
		return NULL;
	for (k = policy_keys; k->key; k++)
		if (strcmp(k->key, key) == 0)
			return k;
	return NULL;
}

/* Plain digits only: what the readers' strtol() reads back the same. */
static int
check_whole(const char *s, long max, char *why, size_t whysize)
{
	const char *p = s;
	long n = 0;

	if (!*s)
		return fail(why, whysize, "empty");
	if (*p == '-')
		p++;
	if (!*p)
		return fail(why, whysize, "not a whole number");
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return fail(why, whysize, "not a whole number");
		if (n <= max)
			n = n * 10 + (*p - '0');
	}
	if (*s == '-' || n > max) {
		if (whysize > 0)
			snprintf(why, whysize, "not between 0 and %ld", max);
		return -1;
	}
	return 0;
}

static int
check_money(const char *s, char *why, size_t whysize)
{
	int64_t cents;

	if (!*s)
		return fail(why, whysize, "empty");
	if (money_parse(s, &cents, why, whysize) < 0)
		return -1;
	if (cents < 0)
		return fail(why, whysize, "negative");
	return 0;
}

static int
check_weekdays(const char *s, char *why, size_t whysize)
{
	static const char names[] = "sun\0mon\0tue\0wed\0thu\0fri\0sat";
	unsigned seen = 0;
	const char *p = s;
	int i;

	if (!*s)
		return fail(why, whysize, "empty");
	for (;;) {
		for (i = 0; i < 7; i++)
			if (strncmp(p, names + 4 * i, 3) == 0 &&
			    (p[3] == ',' || p[3] == '\0'))
				break;
		if (i == 7)
			return fail(why, whysize, "not a list of "
				    "mon, tue, wed, thu, fri, sat, sun");
		if (seen & 1u << i)
			return fail(why, whysize, "a weekday named twice");
		seen |= 1u << i;
		p += 3;
		if (!*p)
			return 0;
		p++;
	}
}

static int
digit2(const char *p)
{
	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
		return -1;
	return (p[0] - '0') * 10 + (p[1] - '0');
}

/* MM-DD in the first five bytes of s; February 29 counts (a leap year). */
static int
check_monthday(const char *s, char *why, size_t whysize)
{
	static const int mdays[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int month, mday;

	if (strnlen(s, 5) < 5 || s[2] != '-' || (month = digit2(s)) < 0 ||
	    (mday = digit2(s + 3)) < 0)
		return fail(why, whysize, "not MM-DD");
	if (month < 1 || month > 12 || mday < 1 || mday > mdays[month - 1])
		return fail(why, whysize, "no such day");
	return 0;
}

int
policy_check(const struct policy_key *k, const char *value, char *why,
	     size_t whysize)
{
	if (!k)
		return fail(why, whysize, "no such key");
	if (!value)
		value = "";
	switch (k->type) {
	case POLICY_DAYS:
		return check_whole(value, 3660, why, whysize);
	case POLICY_COUNT:
		return check_whole(value, 100000, why, whysize);
	case POLICY_PERCENT:
		return check_whole(value, 100, why, whysize);
	case POLICY_MONEY:
		return check_money(value, why, whysize);
	case POLICY_WEEKDAYS:
		return check_weekdays(value, why, whysize);
	case POLICY_YESNO:
		if (strcmp(value, "yes") == 0 || strcmp(value, "no") == 0)
			return 0;
		return fail(why, whysize, "not yes or no");
	case POLICY_MONTHDAY:
		if (check_monthday(value, why, whysize) < 0)
			return -1;
		if (value[5])
			return fail(why, whysize, "not MM-DD");
		return 0;
	case POLICY_MONTHDAY_RANGE:
		/* the range may wrap the year (12-22..01-04): any two days */
		if (strlen(value) != 12 || strncmp(value + 5, "..", 2) != 0)
			return fail(why, whysize, "not MM-DD..MM-DD");
		if (check_monthday(value, why, whysize) < 0 ||
		    check_monthday(value + 7, why, whysize) < 0)
			return -1;
		return 0;
	}
	return fail(why, whysize, "no such type");
}
