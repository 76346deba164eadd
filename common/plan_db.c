#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "date.h"
#include "diag.h"
#include "plan_db.h"
#include "store_sql.h"
#include "xalloc.h"

int
plan_db_next(struct store *s, int year, struct plan_record *p,
	     struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(MAX(seq), 0) + 1 "
		"FROM plans WHERE year = ?";

	if (store_next_seq(s, sql, year, &p->seq, d) < 0)
		return -1;
	p->year = year;
	snprintf(p->number, sizeof p->number, "P%04d-%06" PRId64, year,
		 p->seq);
	return 0;
}

int
plan_db_insert(struct store *s, struct plan_record *p,
	       const struct plan_row *rows, size_t nrows, struct diag *d)
{
	static const char plan_sql[] = "INSERT INTO plans (number, year, seq, "
		"account, agreed_on, amount, down, down_cap, offered, count, "
		"every, rate, status, login, made_at) VALUES (?, ?, ?, ?, ?, ?, "
		"?, ?, ?, ?, ?, ?, 'in-force', ?, ?)";
	static const char row_sql[] = "INSERT INTO installments (plan, seq, "
		"due_on, amount, principal, interest) VALUES (?, ?, ?, ?, ?, ?)";
	time_t now = time(NULL);
	sqlite3_stmt *st;
	struct tm tm;
	size_t i;

	gmtime_r(&now, &tm);
	strftime(p->made_at, sizeof p->made_at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = store_stmt(s, plan_sql, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, p->number);
	store_bind_int(st, 2, p->year);
	store_bind_int(st, 3, p->seq);
	store_bind_text(st, 4, p->account);
	store_bind_date(st, 5, p->agreed_on);
	store_bind_int(st, 6, p->amount);
	store_bind_int(st, 7, p->down);
	store_bind_int(st, 8, p->down_cap);
	store_bind_int(st, 9, p->offered);
	store_bind_int(st, 10, p->count);
	store_bind_text(st, 11, plan_every_name(p->every));
	store_bind_int(st, 12, p->rate);
	store_bind_text(st, 13, p->login);
	store_bind_text(st, 14, p->made_at);
	if (store_step(s, st, d) < 0)
		return -1;
	for (i = 0; i < nrows; i++) {
		st = store_stmt(s, row_sql, d);
		if (!st)
			return -1;
		store_bind_text(st, 1, p->number);
		store_bind_int(st, 2, rows[i].seq);
		store_bind_date(st, 3, rows[i].due_on);
		store_bind_int(st, 4, rows[i].amount);
		store_bind_int(st, 5, rows[i].principal);
		store_bind_int(st, 6, rows[i].interest);
		if (store_step(s, st, d) < 0)
			return -1;
	}
	p->status = AGREEMENT_IN_FORCE;
	audit_link_document(p->number);
	return 0;
}

int
plan_db_load(struct store *s, const char *number, struct plan_record *p,
	     struct diag *d)
{
	static const char sql[] = "SELECT number, year, seq, account, "
		"agreed_on, amount, down, down_cap, offered, count, every, rate, "
		"status, status_on, reason, login, made_at FROM plans "
		"WHERE number = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, number);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	memset(p, 0, sizeof *p);
	store_col_copy(st, 0, p->number, sizeof p->number);
	p->year = sqlite3_column_int(st, 1);
	p->seq = sqlite3_column_int64(st, 2);
	store_col_copy(st, 3, p->account, sizeof p->account);
	p->agreed_on = store_col_date(st, 4);
	p->amount = sqlite3_column_int64(st, 5);
	p->down = sqlite3_column_int64(st, 6);
	p->down_cap = sqlite3_column_int64(st, 7);
	p->offered = sqlite3_column_int(st, 8);
	p->count = sqlite3_column_int(st, 9);
	if (plan_every_parse(store_col_text(st, 10), &p->every) < 0)
		p->every = PLAN_MONTH;
	p->rate = sqlite3_column_int64(st, 11);
	if (agreement_status_parse(store_col_text(st, 12), &p->status) < 0)
		p->status = AGREEMENT_IN_FORCE;
	p->status_on = store_col_date(st, 13);
	store_col_copy(st, 14, p->reason, sizeof p->reason);
	store_col_copy(st, 15, p->login, sizeof p->login);
	store_col_copy(st, 16, p->made_at, sizeof p->made_at);
	sqlite3_reset(st);
	return 1;
}

int
plan_db_in_force(struct store *s, const char *account, char *number,
		 struct diag *d)
{
	static const char sql[] = "SELECT number FROM plans "
		"WHERE account = ? AND status = 'in-force'";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	store_col_copy(st, 0, number, PLAN_NUMBER_MAX);
	sqlite3_reset(st);
	return 1;
}

int
plan_db_next_due(struct store *s, const char *account, char *number,
		 int *due_on, int64_t *amount, struct diag *d)
{
	static const char sql[] = "SELECT due_on, amount - paid "
		"FROM installments WHERE plan = ? AND status <> 'met' "
		"ORDER BY seq LIMIT 1";
	sqlite3_stmt *st;
	int rc = plan_db_in_force(s, account, number, d);

	if (rc <= 0)
		return rc;
	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, number);
	rc = store_step(s, st, d);
	if (rc < 0)
		return -1;
	*due_on = DATE_NONE;
	*amount = 0;
	if (rc == SQLITE_ROW) {
		*due_on = store_col_date(st, 0);
		*amount = sqlite3_column_int64(st, 1);
		sqlite3_reset(st);
	}
	return 1;
}

int
plan_db_installments(struct store *s, const char *number,
		     struct installment **inst, size_t *n, struct diag *d)
{
	static const char sql[] = "SELECT seq, due_on, amount, paid, status "
		"FROM installments WHERE plan = ? ORDER BY seq";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	size_t alloc = 0;
	int rc;

	*inst = NULL;
	*n = 0;
	if (!st)
		return -1;
	store_bind_text(st, 1, number);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		struct installment *t;
		const char *status;

		if (*n == alloc)
			*inst = x2nrealloc(*inst, &alloc, sizeof **inst);
		t = &(*inst)[(*n)++];
		t->seq = sqlite3_column_int(st, 0);
		t->due_on = store_col_date(st, 1);
		t->amount = sqlite3_column_int64(st, 2);
		t->paid = sqlite3_column_int64(st, 3);
		status = store_col_text(st, 4);
		t->status = strcmp(status, "met") == 0 ? INSTALLMENT_MET
			    : strcmp(status, "missed") == 0 ? INSTALLMENT_MISSED
			    : INSTALLMENT_DUE;
	}
	return rc < 0 ? -1 : 0;
}

int
plan_db_set_installment(struct store *s, const char *number,
			const struct installment *t, struct diag *d)
{
	static const char sql[] = "UPDATE installments SET paid = ?, "
		"status = ? WHERE plan = ? AND seq = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_int(st, 1, t->paid);
	store_bind_text(st, 2, installment_status_name(t->status));
	store_bind_text(st, 3, number);
	store_bind_int(st, 4, t->seq);
	return store_step(s, st, d) < 0 ? -1 : 0;
}

int
plan_db_set_status(struct store *s, const char *number,
		   enum agreement_status status, int on, const char *reason,
		   struct diag *d)
{
	static const char sql[] = "UPDATE plans SET status = ?, status_on = ?, "
		"reason = ? WHERE number = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, agreement_status_name(status));
	store_bind_date(st, 2, on);
	store_bind_text(st, 3, reason);
	store_bind_text(st, 4, number);
	return store_step(s, st, d) < 0 ? -1 : 0;
}

int
plan_db_each_in_force(struct store *s,
		      int (*fn)(const char *number, void *arg), void *arg,
		      struct diag *d)
{
	static const char sql[] = "SELECT number FROM plans "
		"WHERE status = 'in-force' ORDER BY number";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	char **numbers = NULL;
	size_t n = 0, alloc = 0, i;
	int rc;

	if (!st)
		return -1;
	/* collected first: fn changes the rows this would read */
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		if (n == alloc)
			numbers = x2nrealloc(numbers, &alloc, sizeof *numbers);
		numbers[n++] = xstrdup(store_col_text(st, 0));
	}
	for (i = 0; rc >= 0 && i < n; i++)
		if (fn(numbers[i], arg) < 0)
			rc = -1;
	for (i = 0; i < n; i++)
		free(numbers[i]);
	free(numbers);
	return rc < 0 ? -1 : 0;
}
