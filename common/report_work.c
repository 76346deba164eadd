/* report_work: the reports of the office's work: cases, orders, plans and
 * activity.  Each reads its rows with one statement over the period and
 * groups them here, so that a period ("2026-W48") means the same in every
 * kind (report_period).  Which --by a kind takes is report_kinds' to say;
 * here REPORT_BY_NONE is the kind's own default. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "money.h"
#include "out.h"
#include "policy_db.h"
#include "report.h"
#include "store_sql.h"
#include "xalloc.h"

#define PERIOD_MAX 16

/* The index of word in words (NULL-ended), -1 if it is not there. */
static int
word_index(const char *const *words, const char *word)
{
	int i;

	for (i = 0; words[i]; i++)
		if (strcmp(words[i], word) == 0)
			return i;
	return -1;
}

/* The last day of the group of by that holds day. */
static int
period_last(int day, enum report_by by)
{
	int y, m, mday;

	switch (by) {
	case REPORT_BY_WEEK:
		return report_week_start(day) + 6;
	case REPORT_BY_MONTH:
		date_to_ymd(day, &y, &m, &mday);
		return date_from_ymd(y, m, date_days_in_month(y, m));
	default:
		return day;
	}
}

static const char *
plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* "4.5" from 45 tenths; "" for none (-1). */
static char *
tenths_format(long tenths, char *buf, size_t size)
{
	if (tenths < 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%ld.%ld", tenths / 10, tenths % 10);
	return buf;
}

/* ---- cases ---- */

static const char *const case_categories[] = { "billing", "service",
	"meter", "shutoff", "other", NULL };
enum { NCATEGORIES = 5 };

static const char *const cases_cols[] = { "category", ">opened", ">closed",
	">open", ">overdue", ">median_days", NULL };
static const char *const cases_period_cols[] = { "period", "category",
	">opened", ">closed", ">open", ">overdue", ">median_days", NULL };

const char *const *
report_cases_columns(const struct report_opts *o)
{
	return o->by == REPORT_BY_NONE ? cases_cols : cases_period_cols;
}

struct case_span {
	int category;
	int opened, closed, due;	/* closed DATE_NONE while open */
};

struct case_counts {
	long opened, closed, open, overdue;
	long median;			/* days to resolve, in tenths */
};

/* The counts of the n cases c over the days first..last, open and overdue
 * as of last.  days has room for n values. */
static void
cases_count(const struct case_span *c, size_t n, int first, int last,
	    int *days, struct case_counts *k)
{
	size_t i, ndays = 0;

	memset(k, 0, sizeof *k);
	for (i = 0; i < n; i++) {
		if (c[i].opened >= first && c[i].opened <= last)
			k->opened++;
		if (c[i].closed != DATE_NONE && c[i].closed >= first &&
		    c[i].closed <= last) {
			k->closed++;
			days[ndays++] = c[i].closed - c[i].opened;
		}
		if (c[i].opened <= last &&
		    (c[i].closed == DATE_NONE || c[i].closed > last)) {
			k->open++;
			if (c[i].due < last)
				k->overdue++;
		}
	}
	k->median = report_median_tenths(days, ndays);
}

static int
compare_category(const void *a, const void *b)
{
	const struct case_span *x = a, *y = b;

	return (x->category > y->category) - (x->category < y->category);
}

static void
cases_row(struct out *out, const char *period, int category,
	  const struct case_counts *k)
{
	char buf[32];

	if (period)
		out_field(out, period);
	out_field(out, case_categories[category]);
	out_int(out, k->opened);
	out_int(out, k->closed);
	out_int(out, k->open);
	out_int(out, k->overdue);
	out_field(out, tenths_format(k->median, buf, sizeof buf));
	out_row_end(out);
}

/* The cases opened by the period's end and not closed before it began:
 * any other case counts in no column.  The caller frees *spans. */
static int
cases_load(struct store *s, const struct report_opts *o,
	   struct case_span **spans, size_t *n, struct diag *d)
{
	static const char sql[] = "SELECT category, opened_on, closed_on, "
		"due_on FROM cases WHERE opened_on <= ?2 "
		"AND (closed_on IS NULL OR closed_on >= ?1)";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	size_t alloc = 0;
	int rc;

	*spans = NULL;
	*n = 0;
	if (!st)
		return -1;
	store_bind_date(st, 1, o->from);
	store_bind_date(st, 2, o->to);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		struct case_span c;

		c.category = word_index(case_categories,
					store_col_text(st, 0));
		if (c.category < 0)
			c.category = NCATEGORIES - 1;
		c.opened = store_col_date(st, 1);
		c.closed = store_col_date(st, 2);
		c.due = store_col_date(st, 3);
		if (*n == alloc)
			*spans = x2nrealloc(*spans, &alloc, sizeof **spans);
		(*spans)[(*n)++] = c;
	}
	if (rc < 0)
		return -1;
	/* each category's cases together, to be counted apart */
	if (*n > 0)	/* qsort's array may not be NULL, even empty */
		qsort(*spans, *n, sizeof **spans, compare_category);
	return 0;
}

int
report_cases(struct store *s, const struct report_opts *o, struct out *out,
	     struct diag *d)
{
	struct case_span *spans;
	struct case_counts k;
	char period[PERIOD_MAX], median[32], line[200];
	int first, last, c, *days;
	size_t n, at[NCATEGORIES + 1];

	if (cases_load(s, o, &spans, &n, d) < 0) {
		free(spans);
		return -1;
	}
	days = xnmalloc(n + 1, sizeof *days);
	at[0] = 0;
	for (c = 0; c < NCATEGORIES; c++) {
		at[c + 1] = at[c];
		while (at[c + 1] < n && spans[at[c + 1]].category == c)
			at[c + 1]++;
	}
	/* no case at all (spans is NULL): no rows, the total alone */
	for (first = o->from; n > 0 && first <= o->to; first = last + 1) {
		last = o->by == REPORT_BY_NONE ? o->to
			: period_last(first, o->by);
		if (last > o->to)
			last = o->to;
		report_period(first, o->by, period, sizeof period);
		for (c = 0; c < NCATEGORIES; c++) {
			cases_count(spans + at[c], at[c + 1] - at[c], first,
				    last, days, &k);
			/* a category with no case in or open in the period
			 * has no row */
			if (k.opened || k.closed || k.open)
				cases_row(out, o->by == REPORT_BY_NONE ? NULL
					  : period, c, &k);
		}
	}
	cases_count(spans, n, o->from, o->to, days, &k);
	snprintf(line, sizeof line, "total: %ld opened, %ld closed, "
		 "%ld open, %ld overdue; median days to resolve: %s", k.opened,
		 k.closed, k.open, k.overdue, k.median < 0 ? "none"
		 : tenths_format(k.median, median, sizeof median));
	out_footer(out, line);
	free(days);
	free(spans);
	return 0;
}

/* ---- orders ---- */

static const char *const order_types[] = { "investigation", "shutoff",
	"restoration", NULL };
enum { NTYPES = 3, RESTORATION = 2 };

static const char *const orders_cols[] = { "period", "type", ">scheduled",
	">completed", ">cancelled", ">open", ">late", NULL };
static const char *const orders_late_cols[] = { "order", "account",
	"requested_on", "scheduled_for", "completed_on", ">days", NULL };

const char *const *
report_orders_columns(const struct report_opts *o)
{
	return o->late ? orders_late_cols : orders_cols;
}

struct order_counts {
	long scheduled, completed, cancelled, open, late;
};

/* One order as the report sees it as of the period's end. */
struct order_row {
	char number[32], account[32];
	int type;		/* index in order_types, -1 unknown */
	int requested_on, scheduled_for, completed_on;
	int completed, cancelled, late;
};

static void
orders_add(struct order_counts *k, const struct order_row *r)
{
	k->scheduled++;
	if (r->completed)
		k->completed++;
	else if (r->cancelled)
		k->cancelled++;
	else
		k->open++;
	if (r->late)
		k->late++;
}

static void
orders_flush(struct out *out, const char *period, struct order_counts *k)
{
	int t;

	for (t = 0; t < NTYPES; t++) {
		if (!k[t].scheduled)
			continue;
		out_field(out, period);
		out_field(out, order_types[t]);
		out_int(out, k[t].scheduled);
		out_int(out, k[t].completed);
		out_int(out, k[t].cancelled);
		out_int(out, k[t].open);
		out_int(out, k[t].late);
		out_row_end(out);
	}
	memset(k, 0, NTYPES * sizeof *k);
}

static void
order_from_row(sqlite3_stmt *st, int to, long within_hours,
	       struct order_row *r)
{
	const char *status = store_col_text(st, 5);
	int closed;

	store_col_copy(st, 0, r->number, sizeof r->number);
	store_col_copy(st, 1, r->account, sizeof r->account);
	r->type = word_index(order_types, store_col_text(st, 2));
	r->requested_on = store_col_date(st, 3);
	r->scheduled_for = store_col_date(st, 4);
	r->completed_on = store_col_date(st, 6);
	/* closed after the period's end, it was still open at the end */
	closed = r->completed_on != DATE_NONE && r->completed_on <= to;
	r->completed = closed && strcmp(status, "completed") == 0;
	r->cancelled = closed && strcmp(status, "cancelled") == 0;
	r->late = r->completed && r->type == RESTORATION &&
		(long) (r->completed_on - r->requested_on) * 24 > within_hours;
}

int
report_orders(struct store *s, const struct report_opts *o, struct out *out,
	      struct diag *d)
{
	static const char sql[] = "SELECT number, account, type, "
		"requested_on, scheduled_for, status, completed_on "
		"FROM orders WHERE scheduled_for >= ?1 AND scheduled_for <= ?2 "
		"ORDER BY scheduled_for, number";
	enum report_by by = o->by == REPORT_BY_NONE ? REPORT_BY_DAY : o->by;
	struct order_counts k[NTYPES] = { { 0 } }, total = { 0 };
	struct order_row r;
	char period[PERIOD_MAX], group[PERIOD_MAX] = "", line[200];
	sqlite3_stmt *st;
	long within_hours;
	int rc;

	if (policy_db_get_int(s, "restore.within_hours", &within_hours,
			      d) < 0)
		return -1;
	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_date(st, 1, o->from);
	store_bind_date(st, 2, o->to);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		order_from_row(st, o->to, within_hours, &r);
		if (r.type < 0)
			continue;
		orders_add(&total, &r);
		if (o->late) {
			if (!r.late)
				continue;
			out_field(out, r.number);
			out_field(out, r.account);
			out_date(out, r.requested_on);
			out_date(out, r.scheduled_for);
			out_date(out, r.completed_on);
			out_int(out, r.completed_on - r.requested_on);
			out_row_end(out);
			continue;
		}
		report_period(r.scheduled_for, by, period, sizeof period);
		if (strcmp(period, group) != 0) {
			orders_flush(out, group, k);
			strcpy(group, period);
		}
		orders_add(&k[r.type], &r);
	}
	if (rc < 0)
		return -1;
	if (o->late) {
		snprintf(line, sizeof line, "total: %ld %s late (completed "
			 "more than %ld hours after the request)", total.late,
			 plural(total.late, "restoration", "restorations"),
			 within_hours);
	} else {
		orders_flush(out, group, k);
		snprintf(line, sizeof line, "total: %ld scheduled, "
			 "%ld completed, %ld cancelled, %ld open, %ld late",
			 total.scheduled, total.completed, total.cancelled,
			 total.open, total.late);
	}
	out_footer(out, line);
	return 0;
}

/* ---- plans ---- */

static const char *const plan_statuses[] = { "in-force", "kept", "broken",
	"cancelled", NULL };
enum { NSTATUSES = 4 };

static const char *const plans_cols[] = { "status", ">agreements",
	">amount", ">paid", ">outstanding", NULL };
static const char *const plans_period_cols[] = { "period", "status",
	">agreements", ">amount", ">paid", ">outstanding", NULL };

const char *const *
report_plans_columns(const struct report_opts *o)
{
	return o->by == REPORT_BY_NONE ? plans_cols : plans_period_cols;
}

struct plan_sums {
	long agreements;
	int64_t amount, paid, outstanding;
};

static void
plans_add(struct plan_sums *k, int64_t amount, int64_t paid)
{
	k->agreements++;
	k->amount += amount;
	k->paid += paid;
	/* what one agreement overpaid does not pay another's */
	if (amount > paid)
		k->outstanding += amount - paid;
}

static void
plans_flush(struct out *out, const char *period, struct plan_sums *k)
{
	int i;

	for (i = 0; i < NSTATUSES; i++) {
		if (!k[i].agreements)
			continue;
		if (period)
			out_field(out, period);
		out_field(out, plan_statuses[i]);
		out_int(out, k[i].agreements);
		out_money(out, k[i].amount);
		out_money(out, k[i].paid);
		out_money(out, k[i].outstanding);
		out_row_end(out);
	}
	memset(k, 0, NSTATUSES * sizeof *k);
}

int
report_plans(struct store *s, const struct report_opts *o, struct out *out,
	     struct diag *d)
{
	static const char sql[] = "SELECT p.agreed_on, p.status, p.amount, "
		"COALESCE(SUM(i.paid), 0) FROM plans p "
		"LEFT JOIN installments i ON i.plan = p.number "
		"WHERE p.agreed_on >= ?1 AND p.agreed_on <= ?2 "
		"GROUP BY p.number, p.agreed_on, p.status, p.amount "
		"ORDER BY p.agreed_on, p.number";
	struct plan_sums k[NSTATUSES] = { { 0 } }, total = { 0 };
	char period[PERIOD_MAX], group[PERIOD_MAX] = "", line[300];
	char amount[MONEY_BUFSZ], paid[MONEY_BUFSZ], left[MONEY_BUFSZ];
	const char *by_period = o->by == REPORT_BY_NONE ? NULL : group;
	sqlite3_stmt *st;
	int rc, status;

	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_date(st, 1, o->from);
	store_bind_date(st, 2, o->to);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		int64_t a = sqlite3_column_int64(st, 2);
		int64_t p = sqlite3_column_int64(st, 3);

		status = word_index(plan_statuses, store_col_text(st, 1));
		if (status < 0)
			continue;
		if (by_period) {
			report_period(store_col_date(st, 0), o->by, period,
				      sizeof period);
			if (strcmp(period, group) != 0) {
				plans_flush(out, group, k);
				strcpy(group, period);
			}
		}
		plans_add(&k[status], a, p);
		plans_add(&total, a, p);
	}
	if (rc < 0)
		return -1;
	plans_flush(out, by_period, k);
	snprintf(line, sizeof line, "total: %ld %s, amount %s, paid %s, "
		 "outstanding %s", total.agreements,
		 plural(total.agreements, "agreement", "agreements"),
		 money_format(total.amount, amount),
		 money_format(total.paid, paid),
		 money_format(total.outstanding, left));
	out_footer(out, line);
	return 0;
}

/* ---- activity ---- */

static const char *const activity_cols[] = { "day", "clerk", ">contacts",
	">cases", ">adjustments", ">receipts", ">notices", ">bills",
	">certificates", ">agreements", ">affidavits", NULL };
enum { NACTIVITIES = 9 };

const char *const *
report_activity_columns(const struct report_opts *o)
{
	(void) o;
	return activity_cols;
}

int
report_activity(struct store *s, const struct report_opts *o,
		struct out *out, struct diag *d)
{
	/* what each clerk did: a row a thing done, w the column it counts in */
	static const char sql[] = "SELECT day, login, "
		"SUM(CASE WHEN w = 1 THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN w = 2 THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN w = 3 THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN w = 4 THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN w = 5 THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN w = 6 THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN w = 7 THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN w = 8 THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN w = 9 THEN 1 ELSE 0 END) FROM ("
		"SELECT on_date AS day, login, 1 AS w FROM contacts "
		"WHERE on_date >= ?1 AND on_date <= ?2 "
		"UNION ALL SELECT opened_on, login, 2 FROM cases "
		"WHERE opened_on >= ?1 AND opened_on <= ?2 "
		"UNION ALL SELECT e.posted_on, COALESCE(h.requested_by, "
		"b.login), 3 FROM entries e JOIN batches b ON b.id = e.batch "
		"LEFT JOIN held h ON h.entry = e.id "
		"WHERE e.kind = 'adjustment' "
		"AND e.posted_on >= ?1 AND e.posted_on <= ?2 "
		"UNION ALL SELECT paid_on, login, 4 FROM receipts "
		"WHERE paid_on >= ?1 AND paid_on <= ?2 "
		"UNION ALL SELECT served_on, login, 5 FROM notices "
		"WHERE served_on >= ?1 AND served_on <= ?2 "
		"UNION ALL SELECT issued_on, login, 6 FROM bills "
		"WHERE issued_on >= ?1 AND issued_on <= ?2 "
		"UNION ALL SELECT issued_on, login, 7 FROM certificates "
		"WHERE issued_on >= ?1 AND issued_on <= ?2 "
		"UNION ALL SELECT agreed_on, login, 8 FROM plans "
		"WHERE agreed_on >= ?1 AND agreed_on <= ?2 "
		"UNION ALL SELECT prepared_on, login, 9 FROM affidavits "
		"WHERE prepared_on >= ?1 AND prepared_on <= ?2"
		") work GROUP BY day, login ORDER BY day, login";
	long total[NACTIVITIES] = { 0 }, n;
	char line[400];
	sqlite3_stmt *st;
	int rc, i;

	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_date(st, 1, o->from);
	store_bind_date(st, 2, o->to);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		out_field(out, store_col_text(st, 0));
		out_field(out, store_col_text(st, 1));
		for (i = 0; i < NACTIVITIES; i++) {
			n = sqlite3_column_int64(st, 2 + i);
			total[i] += n;
			out_int(out, n);
		}
		out_row_end(out);
	}
	if (rc < 0)
		return -1;
	snprintf(line, sizeof line, "total: contacts %ld, cases %ld, "
		 "adjustments %ld, receipts %ld, notices %ld, bills %ld, "
		 "certificates %ld, agreements %ld, affidavits %ld", total[0],
		 total[1], total[2], total[3], total[4], total[5], total[6],
		 total[7], total[8]);
	out_footer(out, line);
	return 0;
}
