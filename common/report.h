/* report: the work reports of acct-report.  Each kind reads the store for a
 * period and writes its rows through out.h (CSV, a table with bars, or
 * JSON); its totals reconcile to the ledger and the other tables to the
 * cent. */
#ifndef ACCTKIT_REPORT_H
#define ACCTKIT_REPORT_H

#include <stddef.h>
#include <stdint.h>

struct diag;
struct out;
struct store;

/* How rows are grouped: REPORT_BY_NONE is the kind's own default. */
enum report_by {
	REPORT_BY_NONE, REPORT_BY_DAY, REPORT_BY_WEEK, REPORT_BY_MONTH,
	REPORT_BY_CLERK
};

/* Parses "day", "week", "month", "clerk": -1 for anything else. */
int report_by_parse(const char *s, enum report_by *by);

/* What a run asks for. */
struct report_opts {
	int from, to;		/* the period, inclusive (day numbers) */
	int asof;		/* the business date (aging is as of to) */
	enum report_by by;
	int accounts;		/* aging: the accounts' rows too */
	int late;		/* orders: list the late restorations
				 * instead of the counts */
};

/* The group of day for by: "2026-11-27" (day), "2026-W48" (the ISO week),
 * "2026-11" (month), "" (none); into buf (at least 16 bytes). */
char *report_period(int day, enum report_by by, char *buf, size_t size);

/* The first day of the ISO week (Monday) holding day. */
int report_week_start(int day);

/* The median of n values (sorted in place), in tenths, so that the median
 * of 1 and 2 days is 15 (1.5 days); -1 when n is 0. */
long report_median_tenths(int *values, size_t n);

/* A report kind: its name, its columns (out.h: '>' marks a number), and
 * the function that writes its rows (and footers: totals) to out. */
struct report_kind {
	const char *name;
	const char *summary;		/* one line, for --help */
	const char *const *(*columns)(const struct report_opts *o);
	int (*run)(struct store *s, const struct report_opts *o,
		   struct out *out, struct diag *d);
	unsigned by_accepted;		/* its --by: bits 1 << REPORT_BY_X */
	enum report_by by_default;	/* what REPORT_BY_NONE means to it */
	unsigned options;		/* REPORT_OPT_*: its own options */
};

/* The options of one kind: --accounts (aging), --late (orders). */
enum { REPORT_OPT_ACCOUNTS = 1, REPORT_OPT_LATE = 2 };

/* The kinds, in the order --help lists them, ended by a NULL name. */
extern const struct report_kind report_kinds[];
const struct report_kind *report_find(const char *name);

/* Each kind's functions, in report_ledger.c (aging, receipts,
 * adjustments) and report_work.c (cases, orders, plans, activity). */
const char *const *report_aging_columns(const struct report_opts *o);
int report_aging(struct store *s, const struct report_opts *o,
		 struct out *out, struct diag *d);
const char *const *report_receipts_columns(const struct report_opts *o);
int report_receipts(struct store *s, const struct report_opts *o,
		    struct out *out, struct diag *d);
const char *const *report_adjustments_columns(const struct report_opts *o);
int report_adjustments(struct store *s, const struct report_opts *o,
		       struct out *out, struct diag *d);
const char *const *report_cases_columns(const struct report_opts *o);
int report_cases(struct store *s, const struct report_opts *o,
		 struct out *out, struct diag *d);
const char *const *report_orders_columns(const struct report_opts *o);
int report_orders(struct store *s, const struct report_opts *o,
		  struct out *out, struct diag *d);
const char *const *report_plans_columns(const struct report_opts *o);
int report_plans(struct store *s, const struct report_opts *o,
		 struct out *out, struct diag *d);
const char *const *report_activity_columns(const struct report_opts *o);
int report_activity(struct store *s, const struct report_opts *o,
		    struct out *out, struct diag *d);

#endif
