#include <config.h>

#include <stdio.h>
#include <time.h>

#include "diag.h"
#include "receipt_db.h"
#include "store_sql.h"

int
receipt_db_next(struct store *s, int year, struct receipt *r, struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(MAX(seq), 0) + 1 "
		"FROM receipts WHERE year = ?";

	if (store_next_seq(s, sql, year, &r->seq, d) < 0)
		return -1;
	r->year = year;
	receipt_number(r->year, r->seq, r->number);
	return 0;
}

int
receipt_db_insert(struct store *s, struct receipt *r, struct diag *d)
{
	static const char sql[] = "INSERT INTO receipts (number, year, seq, "
		"account, entry, amount, tender, check_no, paid_on, "
		"balance_before, balance_after, login, issued_at, voids, reason, "
		"approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
		"?, ?)";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	time_t now = time(NULL);
	struct tm tm;

	if (!st)
		return -1;
	gmtime_r(&now, &tm);
	strftime(r->issued_at, sizeof r->issued_at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	store_bind_text(st, 1, r->number);
	store_bind_int(st, 2, r->year);
	store_bind_int(st, 3, r->seq);
	store_bind_text(st, 4, r->account);
	store_bind_int(st, 5, r->entry);
	store_bind_int(st, 6, r->amount);
	store_bind_text(st, 7, r->tender);
	store_bind_text(st, 8, r->check_no);
	store_bind_date(st, 9, r->paid_on);
	store_bind_int(st, 10, r->balance_before);
	store_bind_int(st, 11, r->balance_after);
	store_bind_text(st, 12, r->login);
	store_bind_text(st, 13, r->issued_at);
	store_bind_text(st, 14, r->voids[0] ? r->voids : NULL);
	store_bind_text(st, 15, r->reason);
	store_bind_text(st, 16, r->approved_by[0] ? r->approved_by : NULL);
	return store_step(s, st, d) < 0 ? -1 : 0;
}

int
receipt_db_load(struct store *s, const char *number, struct receipt *r,
		struct diag *d)
{
	static const char sql[] = "SELECT r.number, r.year, r.seq, r.account, "
		"r.entry, r.amount, r.tender, r.check_no, r.paid_on, "
		"r.balance_before, r.balance_after, r.login, r.issued_at, "
		"r.voids, r.reason, r.approved_by, v.number FROM receipts r "
		"LEFT JOIN receipts v ON v.voids = r.number WHERE r.number = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, number);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	store_col_copy(st, 0, r->number, sizeof r->number);
	r->year = sqlite3_column_int(st, 1);
	r->seq = sqlite3_column_int64(st, 2);
	store_col_copy(st, 3, r->account, sizeof r->account);
	r->entry = sqlite3_column_int64(st, 4);
	r->amount = sqlite3_column_int64(st, 5);
	store_col_copy(st, 6, r->tender, sizeof r->tender);
	store_col_copy(st, 7, r->check_no, sizeof r->check_no);
	r->paid_on = store_col_date(st, 8);
	r->balance_before = sqlite3_column_int64(st, 9);
	r->balance_after = sqlite3_column_int64(st, 10);
	store_col_copy(st, 11, r->login, sizeof r->login);
	store_col_copy(st, 12, r->issued_at, sizeof r->issued_at);
	store_col_copy(st, 13, r->voids, sizeof r->voids);
	store_col_copy(st, 14, r->reason, sizeof r->reason);
	store_col_copy(st, 15, r->approved_by, sizeof r->approved_by);
	store_col_copy(st, 16, r->voided_by, sizeof r->voided_by);
	sqlite3_reset(st);
	return 1;
}

int
receipt_db_by_entry(struct store *s, int64_t entry, char *number,
		    struct diag *d)
{
	static const char sql[] = "SELECT number FROM receipts WHERE entry = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_int(st, 1, entry);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	store_col_copy(st, 0, number, RECEIPT_NUMBER_MAX);
	sqlite3_reset(st);
	return 1;
}
