/* report_ledger: the kinds of acct-report read from the ledger: aging,
 * receipts and adjustments.  Their totals are sums over the entries, so
 * that they reconcile to the ledger to the cent. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account_db.h"
#include "diag.h"
#include "ledger_db.h"
#include "money.h"
#include "out.h"
#include "policy_db.h"
#include "report.h"
#include "store_sql.h"
#include "xalloc.h"

/* Rows summed by a key (a period or a clerk) and a second key (a tender,
 * a reason), written in the order of the keys. */
enum { GROUP_SUMS = 5 };
struct group {
	char key[72], sub[32];
	int64_t sum[GROUP_SUMS];
};
struct groups {
	struct group *g;
	size_t n, alloc;
};

static int64_t *
group_sums(struct groups *gs, const char *key, const char *sub)
{
	struct group *g;
	size_t i;

	for (i = 0; i < gs->n; i++)
		if (strcmp(gs->g[i].key, key) == 0
		    && strcmp(gs->g[i].sub, sub) == 0)
			return gs->g[i].sum;
	if (gs->n == gs->alloc)
		gs->g = x2nrealloc(gs->g, &gs->alloc, sizeof *gs->g);
	g = &gs->g[gs->n++];
	memset(g, 0, sizeof *g);
	snprintf(g->key, sizeof g->key, "%s", key);
	snprintf(g->sub, sizeof g->sub, "%s", sub);
	return g->sum;
}

static int
group_compare(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : strcmp(x->sub, y->sub);
}

static void
groups_sort(struct groups *gs)
{
	if (gs->n > 1)
		qsort(gs->g, gs->n, sizeof *gs->g, group_compare);
}

/* A row's first key: its period, or the clerk for REPORT_BY_CLERK. */
static const char *
group_key(const struct report_opts *o, enum report_by by_default, int day,
	  const char *clerk, char *buf, size_t size)
{
	enum report_by by = o->by == REPORT_BY_NONE ? by_default : o->by;

	if (by == REPORT_BY_CLERK)
		return clerk;
	return report_period(day, by, buf, size);
}

static const char *
plural(int64_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* aging */

static const char *const aging_bucket_columns[] = {
	"bucket", ">accounts", ">amount", NULL
};
static const char *const aging_account_columns[] = {
	"account", "name", ">balance", ">current", ">d1_30", ">d31_60",
	">d61_90", ">d91_plus", NULL
};

const char *const *
report_aging_columns(const struct report_opts *o)
{
	return o->accounts ? aging_account_columns : aging_bucket_columns;
}

enum { AGING_BUCKETS = 5 };
struct aging_walk {
	struct store *s;
	const struct report_opts *o;
	struct out *out;
	long due_days;
	int64_t balance, amount[AGING_BUCKETS];
	long accounts, in_bucket[AGING_BUCKETS];
	struct diag *d;
};

static int
aging_one(const struct account *a, int exact, void *arg)
{
	struct aging_walk *w = arg;
	struct aging g;
	int64_t amount[AGING_BUCKETS];
	int i;

	/* as acct-list ages each account, so that the two agree */
	if ((exact ? ledger_db_aging_of(w->s, a->number, a->balance, w->o->to,
					w->due_days, &g, w->d)
		   : ledger_db_aging(w->s, a->number, w->o->to, w->due_days,
				     &g, w->d)) < 0)
		return -1;
	if (g.balance == 0)
		return 0;
	amount[0] = g.current;
	amount[1] = g.d1_30;
	amount[2] = g.d31_60;
	amount[3] = g.d61_90;
	amount[4] = g.d91_plus;
	w->accounts++;
	w->balance += g.balance;
	for (i = 0; i < AGING_BUCKETS; i++) {
		w->amount[i] += amount[i];
		w->in_bucket[i] += amount[i] != 0;
	}
	if (!w->o->accounts)
		return 0;
	out_field(w->out, a->number);
	out_field(w->out, a->name);
	out_money(w->out, g.balance);
	for (i = 0; i < AGING_BUCKETS; i++)
		out_money(w->out, amount[i]);
	out_row_end(w->out);
	return 0;
}

int
report_aging(struct store *s, const struct report_opts *o, struct out *out,
	     struct diag *d)
{
	static const char *const buckets[AGING_BUCKETS] = {
		"current", "1-30", "31-60", "61-90", "91+"
	};
	struct account_filter f = { .min_balance = INT64_MIN };
	struct aging_walk w = { .s = s, .o = o, .out = out, .d = d };
	char line[512], m[AGING_BUCKETS][MONEY_BUFSZ], b[MONEY_BUFSZ];
	int i;

	f.asof = o->to;
	if (policy_db_get_int(s, "bill.due_days", &w.due_days, d) < 0
	    || account_db_each(s, &f, aging_one, &w, d) < 0)
		return -1;
	if (!o->accounts)
		for (i = 0; i < AGING_BUCKETS; i++) {
			out_field(out, buckets[i]);
			out_int(out, w.in_bucket[i]);
			out_money(out, w.amount[i]);
			out_row_end(out);
		}
	snprintf(line, sizeof line, "total: %ld %s, balance %s", w.accounts,
		 plural(w.accounts, "account", "accounts"),
		 money_format(w.balance, b));
	out_footer(out, line);
	if (o->accounts) {
		for (i = 0; i < AGING_BUCKETS; i++)
			money_format(w.amount[i], m[i]);
		snprintf(line, sizeof line, "current %s, 1-30 %s, 31-60 %s, "
			 "61-90 %s, 91+ %s", m[0], m[1], m[2], m[3], m[4]);
		out_footer(out, line);
	}
	return 0;
}

/* receipts */

static const char *const receipts_period_columns[] = {
	"period", "tender", ">receipts", ">voids", ">amount", NULL
};
static const char *const receipts_clerk_columns[] = {
	"clerk", "tender", ">receipts", ">voids", ">amount", NULL
};

const char *const *
report_receipts_columns(const struct report_opts *o)
{
	return o->by == REPORT_BY_CLERK ? receipts_clerk_columns
		: receipts_period_columns;
}

/* Writes the groups of sums (counts, counts, ..., the last money), frees
 * them. */
static void
groups_write(struct groups *gs, struct out *out, int nsums,
	     const unsigned char *money)
{
	size_t i;
	int j;

	groups_sort(gs);
	for (i = 0; i < gs->n; i++) {
		out_field(out, gs->g[i].key);
		out_field(out, gs->g[i].sub);
		for (j = 0; j < nsums; j++)
			if (money[j])
				out_money(out, gs->g[i].sum[j]);
			else
				out_int(out, gs->g[i].sum[j]);
		out_row_end(out);
	}
	free(gs->g);
	gs->g = NULL;
	gs->n = gs->alloc = 0;
}

int
report_receipts(struct store *s, const struct report_opts *o,
		struct out *out, struct diag *d)
{
	/* every payment entry, receipted or not (ledger-post: the billing
	 * system, lockbox files), so that the amounts are the ledger's; a
	 * void or a reversal is a payment entry that reverses another */
	static const char sql[] = "SELECT e.posted_on, "
		"COALESCE(r.tender, 'none'), COALESCE(r.login, b.login), "
		"SUM(CASE WHEN e.reverses IS NULL THEN 1 ELSE 0 END), "
		"SUM(CASE WHEN e.reverses IS NULL THEN 0 ELSE 1 END), "
		"-SUM(e.amount) FROM entries e "
		"JOIN batches b ON b.id = e.batch "
		"LEFT JOIN receipts r ON r.entry = e.id "
		"WHERE e.kind = 'payment' AND e.posted_on >= ? "
		"AND e.posted_on <= ? GROUP BY 1, 2, 3";
	static const unsigned char money[] = { 0, 0, 1 };
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct groups gs = { NULL, 0, 0 };
	int64_t total[3] = { 0, 0, 0 };
	char key[16], line[256], m[MONEY_BUFSZ];
	int rc, j;

	if (!st)
		return -1;
	store_bind_date(st, 1, o->from);
	store_bind_date(st, 2, o->to);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		int64_t *sum = group_sums(&gs, group_key(o, REPORT_BY_DAY,
							 store_col_date(st, 0),
							 store_col_text(st, 2),
							 key, sizeof key),
					  store_col_text(st, 1));

		for (j = 0; j < 3; j++) {
			sum[j] += sqlite3_column_int64(st, 3 + j);
			total[j] += sqlite3_column_int64(st, 3 + j);
		}
	}
	if (rc < 0) {
		free(gs.g);
		return -1;
	}
	groups_write(&gs, out, 3, money);
	snprintf(line, sizeof line, "total: %lld %s, %lld %s, %s",
		 (long long) total[0], plural(total[0], "receipt", "receipts"),
		 (long long) total[1], plural(total[1], "void", "voids"),
		 money_format(total[2], m));
	out_footer(out, line);
	return 0;
}

/* adjustments */

static const char *const adjustments_period_columns[] = {
	"period", "reason", ">entries", ">debits", ">credits", ">net",
	">approved", NULL
};
static const char *const adjustments_clerk_columns[] = {
	"clerk", "reason", ">entries", ">debits", ">credits", ">net",
	">approved", NULL
};

const char *const *
report_adjustments_columns(const struct report_opts *o)
{
	return o->by == REPORT_BY_CLERK ? adjustments_clerk_columns
		: adjustments_period_columns;
}

int
report_adjustments(struct store *s, const struct report_opts *o,
		   struct out *out, struct diag *d)
{
	/* every adjustment entry, reversals of adjustments too; credits
	 * are below zero, as stored, so that debits + credits = net.  The
	 * clerk is who asked for it: the batch's user, or for a held one
	 * the clerk who held it (the supervisor's batch posted it) */
	static const char sql[] = "SELECT e.posted_on, "
		"COALESCE(e.reason, 'none'), "
		"COALESCE(h.requested_by, b.login), COUNT(*), "
		"SUM(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END), "
		"SUM(CASE WHEN e.amount < 0 THEN e.amount ELSE 0 END), "
		"SUM(e.amount), "
		"SUM(CASE WHEN e.approved_by IS NULL THEN 0 ELSE 1 END) "
		"FROM entries e JOIN batches b ON b.id = e.batch "
		"LEFT JOIN held h ON h.entry = e.id "
		"WHERE e.kind = 'adjustment' AND e.posted_on >= ? "
		"AND e.posted_on <= ? GROUP BY 1, 2, 3";
	static const unsigned char money[] = { 0, 1, 1, 1, 0 };
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct groups gs = { NULL, 0, 0 };
	int64_t total[GROUP_SUMS] = { 0, 0, 0, 0, 0 };
	char key[16], line[512], m[3][MONEY_BUFSZ];
	int rc, j;

	if (!st)
		return -1;
	store_bind_date(st, 1, o->from);
	store_bind_date(st, 2, o->to);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		int64_t *sum = group_sums(&gs, group_key(o, REPORT_BY_MONTH,
							 store_col_date(st, 0),
							 store_col_text(st, 2),
							 key, sizeof key),
					  store_col_text(st, 1));

		for (j = 0; j < GROUP_SUMS; j++) {
			sum[j] += sqlite3_column_int64(st, 3 + j);
			total[j] += sqlite3_column_int64(st, 3 + j);
		}
	}
	if (rc < 0) {
		free(gs.g);
		return -1;
	}
	groups_write(&gs, out, GROUP_SUMS, money);
	snprintf(line, sizeof line, "total: %lld %s, debits %s, credits %s, "
		 "net %s, %lld approved", (long long) total[0],
		 plural(total[0], "entry", "entries"),
		 money_format(total[1], m[0]), money_format(total[2], m[1]),
		 money_format(total[3], m[2]), (long long) total[4]);
	out_footer(out, line);
	return 0;
}
