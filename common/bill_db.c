#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "bill_db.h"
#include "date.h"
#include "store_sql.h"
#include "xalloc.h"

int
bill_db_next(struct store *s, int year, struct bill *b, struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(MAX(seq), 0) + 1 "
		"FROM bills WHERE year = ?";

	if (store_next_seq(s, sql, year, &b->seq, d) < 0)
		return -1;
	b->year = year;
	bill_number(b->year, b->seq, b->number);
	return 0;
}

int
bill_db_insert(struct store *s, struct bill *b, struct diag *d)
{
	static const char sql[] = "INSERT INTO bills (number, year, seq, "
		"account, issued_on, period_from, period_to, previous_due, "
		"payments, adjustments, new_charges, amount_due, arrears, "
		"installment, installment_due_on, plan, last_entry, due_on, "
		"final, deposit_applied, login, at) VALUES (?, ?, ?, ?, ?, ?, "
		"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	time_t now = time(NULL);
	struct tm tm;

	if (!st)
		return -1;
	gmtime_r(&now, &tm);
	strftime(b->at, sizeof b->at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(b->login, sizeof b->login, "%s", audit_login());
	store_bind_text(st, 1, b->number);
	store_bind_int(st, 2, b->year);
	store_bind_int(st, 3, b->seq);
	store_bind_text(st, 4, b->account);
	store_bind_date(st, 5, b->issued_on);
	store_bind_date(st, 6, b->period_from);
	store_bind_date(st, 7, b->period_to);
	store_bind_int(st, 8, b->previous_due);
	store_bind_int(st, 9, b->payments);
	store_bind_int(st, 10, b->adjustments);
	store_bind_int(st, 11, b->new_charges);
	store_bind_int(st, 12, b->amount_due);
	store_bind_int(st, 13, b->arrears);
	store_bind_int(st, 14, b->installment);
	store_bind_date(st, 15, b->installment_due_on);
	store_bind_text(st, 16, b->plan[0] ? b->plan : NULL);
	store_bind_int(st, 17, b->last_entry);
	store_bind_date(st, 18, b->due_on);
	store_bind_int(st, 19, b->final ? 1 : 0);
	store_bind_int(st, 20, b->deposit_applied);
	store_bind_text(st, 21, b->login);
	store_bind_text(st, 22, b->at);
	if (store_step(s, st, d) < 0)
		return -1;
	audit_link_document(b->number);
	return 0;
}

int
bill_db_last(struct store *s, const char *account, struct bill *b,
	     struct diag *d)
{
	static const char sql[] = "SELECT number, year, seq, account, "
		"issued_on, period_from, period_to, previous_due, payments, "
		"adjustments, new_charges, amount_due, arrears, installment, "
		"installment_due_on, plan, last_entry, due_on, final, "
		"deposit_applied, login, at FROM bills "
		"WHERE account = ? "
		"ORDER BY issued_on DESC, year DESC, seq DESC LIMIT 1";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	memset(b, 0, sizeof *b);
	store_col_copy(st, 0, b->number, sizeof b->number);
	b->year = sqlite3_column_int(st, 1);
	b->seq = sqlite3_column_int64(st, 2);
	store_col_copy(st, 3, b->account, sizeof b->account);
	b->issued_on = store_col_date(st, 4);
	b->period_from = store_col_date(st, 5);
	b->period_to = store_col_date(st, 6);
	b->previous_due = sqlite3_column_int64(st, 7);
	b->payments = sqlite3_column_int64(st, 8);
	b->adjustments = sqlite3_column_int64(st, 9);
	b->new_charges = sqlite3_column_int64(st, 10);
	b->amount_due = sqlite3_column_int64(st, 11);
	b->arrears = sqlite3_column_int64(st, 12);
	b->installment = sqlite3_column_int64(st, 13);
	b->installment_due_on = store_col_date(st, 14);
	store_col_copy(st, 15, b->plan, sizeof b->plan);
	b->last_entry = sqlite3_column_int64(st, 16);
	b->due_on = store_col_date(st, 17);
	b->final = sqlite3_column_int(st, 18);
	b->deposit_applied = sqlite3_column_int64(st, 19);
	store_col_copy(st, 20, b->login, sizeof b->login);
	store_col_copy(st, 21, b->at, sizeof b->at);
	sqlite3_reset(st);
	return 1;
}

int
bill_db_first_entry(struct store *s, const char *account, int asof,
		    int *day, struct diag *d)
{
	static const char sql[] = "SELECT MIN(posted_on) FROM entries "
		"WHERE account = ? AND posted_on <= ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, asof);
	if (store_step(s, st, d) != SQLITE_ROW)
		return -1;
	*day = store_col_date(st, 0);
	sqlite3_reset(st);
	return 0;
}

int
bill_db_deposit_held(struct store *s, const char *account, int asof,
		     int64_t *held, struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(SUM(amount), 0) "
		"FROM entries WHERE account = ? AND posted_on <= ? "
		"AND kind = 'deposit'";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, asof);
	return store_int64(s, st, held, d);
}

int
bill_db_last_entry(struct store *s, const char *account, int64_t *id,
		   struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(MAX(id), 0) FROM entries "
		"WHERE account = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	return store_int64(s, st, id, d);
}

int
bill_db_lines(struct store *s, const char *account,
	      const struct bill_cover *c, int to, struct bill_line **lines,
	      size_t *n, struct diag *d)
{
	/* not covered: NOT (id <= last_entry AND posted_on <= through) */
	static const char sql[] = "SELECT id, posted_on, kind, amount, memo, "
		"reverses FROM entries WHERE account = ? AND posted_on <= ? "
		"AND (id > ? OR posted_on > ?) ORDER BY posted_on, id";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct bill_line *v = NULL, *line;
	size_t alloc = 0;
	int rc;

	*lines = NULL;
	*n = 0;
	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, to);
	store_bind_int(st, 3, c->last_entry);
	store_bind_date(st, 4, c->through);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		if (*n == alloc)
			v = x2nrealloc(v, &alloc, sizeof *v);
		line = &v[(*n)++];
		line->entry = sqlite3_column_int64(st, 0);
		line->posted_on = store_col_date(st, 1);
		if (ledger_kind_parse(store_col_text(st, 2), &line->kind) < 0)
			line->kind = LEDGER_ADJUSTMENT;
		line->amount = sqlite3_column_int64(st, 3);
		bill_describe(line->kind, store_col_text(st, 4),
			      sqlite3_column_type(st, 5) != SQLITE_NULL,
			      line->description, sizeof line->description);
	}
	if (rc < 0) {
		free(v);
		*n = 0;
		return -1;
	}
	sqlite3_reset(st);
	*lines = v;
	return 0;
}
