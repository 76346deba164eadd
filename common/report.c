/* report: what the kinds of acct-report share: the table of kinds, --by,
 * periods (day, ISO week, month) and medians. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "report.h"

/* The --by a kind takes, as bits of report_kind.by_accepted. */
enum {
	BY_DAY = 1 << REPORT_BY_DAY, BY_WEEK = 1 << REPORT_BY_WEEK,
	BY_MONTH = 1 << REPORT_BY_MONTH, BY_CLERK = 1 << REPORT_BY_CLERK,
	BY_PERIODS = BY_DAY | BY_WEEK | BY_MONTH
};

const struct report_kind report_kinds[] = {
	{ "aging", "balances as of --to by days past due: current, 1-30 ... "
	  "91+", report_aging_columns, report_aging, 0, REPORT_BY_NONE,
	  REPORT_OPT_ACCOUNTS },
	{ "receipts", "payments by tender, net of voids, adding up to the "
	  "ledger's", report_receipts_columns, report_receipts,
	  BY_PERIODS | BY_CLERK, REPORT_BY_DAY, 0 },
	{ "adjustments", "adjustments by reason: debits, credits, supervisor "
	  "approvals", report_adjustments_columns, report_adjustments,
	  BY_PERIODS | BY_CLERK, REPORT_BY_MONTH, 0 },
	{ "cases", "complaints by category: opened, closed, open, overdue, "
	  "median", report_cases_columns, report_cases, BY_PERIODS,
	  REPORT_BY_NONE, 0 },
	{ "orders", "field orders by type: scheduled, completed, late "
	  "restorations", report_orders_columns, report_orders, BY_PERIODS,
	  REPORT_BY_DAY, REPORT_OPT_LATE },
	{ "plans", "payment agreements by status: agreed, paid, outstanding",
	  report_plans_columns, report_plans, BY_MONTH, REPORT_BY_NONE, 0 },
	{ "activity", "what each clerk did each day: contacts, cases, "
	  "receipts, ...", report_activity_columns, report_activity, 0,
	  REPORT_BY_NONE, 0 },
	{ NULL, NULL, NULL, NULL, 0, REPORT_BY_NONE, 0 }
};

const struct report_kind *
report_find(const char *name)
{
	const struct report_kind *k;

	for (k = report_kinds; k->name; k++)
		if (strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

int
report_by_parse(const char *s, enum report_by *by)
{
	static const struct {
		const char *word;
		enum report_by by;
	} words[] = {
		{ "day", REPORT_BY_DAY }, { "week", REPORT_BY_WEEK },
		{ "month", REPORT_BY_MONTH }, { "clerk", REPORT_BY_CLERK }
	};
	size_t i;

	for (i = 0; s && i < sizeof words / sizeof words[0]; i++)
		if (strcmp(s, words[i].word) == 0) {
			*by = words[i].by;
			return 0;
		}
	return -1;
}

int
report_week_start(int day)
{
	/* date_weekday: 0 is Sunday; Monday starts an ISO week */
	return day - (date_weekday(day) + 6) % 7;
}

char *
report_period(int day, enum report_by by, char *buf, size_t size)
{
	int year, month, mday, thursday;

	switch (by) {
	case REPORT_BY_DAY:
		date_to_ymd(day, &year, &month, &mday);
		snprintf(buf, size, "%04d-%02d-%02d", year, month, mday);
		break;
	case REPORT_BY_WEEK:
		/* an ISO week is of the year that holds its Thursday */
		thursday = report_week_start(day) + 3;
		year = date_year(thursday);
		snprintf(buf, size, "%04d-W%02d", year,
			 (thursday - date_from_ymd(year, 1, 1)) / 7 + 1);
		break;
	case REPORT_BY_MONTH:
		date_to_ymd(day, &year, &month, &mday);
		snprintf(buf, size, "%04d-%02d", year, month);
		break;
	default:
		snprintf(buf, size, "%s", "");
	}
	return buf;
}

static int
compare_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

long
report_median_tenths(int *values, size_t n)
{
	if (n == 0)
		return -1;
	qsort(values, n, sizeof *values, compare_int);
	if (n % 2)
		return values[n / 2] * 10L;
	return ((long) values[n / 2 - 1] + values[n / 2]) * 5;
}
