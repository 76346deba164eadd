#include <config.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "date.h"
#include "diag.h"
#include "held_db.h"
#include "store_sql.h"

static void
utc_now(char *at, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(at, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void
from_row(sqlite3_stmt *st, struct held *h)
{
	memset(h, 0, sizeof *h);
	store_col_copy(st, 0, h->number, sizeof h->number);
	h->year = sqlite3_column_int(st, 1);
	h->seq = sqlite3_column_int64(st, 2);
	store_col_copy(st, 3, h->account, sizeof h->account);
	h->amount = sqlite3_column_int64(st, 4);
	store_col_copy(st, 5, h->reason, sizeof h->reason);
	store_col_copy(st, 6, h->memo, sizeof h->memo);
	h->posted_on = store_col_date(st, 7);
	store_col_copy(st, 8, h->requested_by, sizeof h->requested_by);
	store_col_copy(st, 9, h->requested_at, sizeof h->requested_at);
	/* the table's CHECK allows only these */
	if (held_status_parse(store_col_text(st, 10), &h->status) < 0)
		h->status = HELD_PENDING;
	store_col_copy(st, 11, h->decided_by, sizeof h->decided_by);
	store_col_copy(st, 12, h->decided_at, sizeof h->decided_at);
	store_col_copy(st, 13, h->note, sizeof h->note);
	h->entry = sqlite3_column_int64(st, 14);
}

int
held_db_insert(struct store *s, struct held *h, struct diag *d)
{
	static const char next[] = "SELECT COALESCE(MAX(seq), 0) + 1 "
		"FROM held WHERE year = ?";
	static const char sql[] = "INSERT INTO held (number, year, seq, "
		"account, amount, reason, memo, posted_on, requested_by, "
		"requested_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
		"'pending')";
	sqlite3_stmt *st;

	h->year = date_year(h->posted_on);
	if (store_next_seq(s, next, h->year, &h->seq, d) < 0)
		return -1;
	held_number(h->year, h->seq, h->number);
	snprintf(h->requested_by, sizeof h->requested_by, "%s",
		 audit_login());
	utc_now(h->requested_at, sizeof h->requested_at);
	h->status = HELD_PENDING;
	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, h->number);
	store_bind_int(st, 2, h->year);
	store_bind_int(st, 3, h->seq);
	store_bind_text(st, 4, h->account);
	store_bind_int(st, 5, h->amount);
	store_bind_text(st, 6, h->reason);
	store_bind_text(st, 7, h->memo);
	store_bind_date(st, 8, h->posted_on);
	store_bind_text(st, 9, h->requested_by);
	store_bind_text(st, 10, h->requested_at);
	if (store_step(s, st, d) < 0)
		return -1;
	audit_link_document(h->number);
	return 0;
}

int
held_db_load(struct store *s, const char *number, struct held *h,
	     struct diag *d)
{
	static const char sql[] = "SELECT number, year, seq, account, "
		"amount, reason, memo, posted_on, requested_by, requested_at, "
		"status, decided_by, decided_at, note, entry FROM held "
		"WHERE number = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, number);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	from_row(st, h);
	sqlite3_reset(st);
	return 1;
}

int
held_db_decide(struct store *s, struct held *h, struct diag *d)
{
	/* "AND status = 'pending'" as well as the trigger: a row decided
	 * meanwhile is not changed, and the caller is told */
	static const char sql[] = "UPDATE held SET status = ?, decided_by = ?, "
		"decided_at = ?, note = ?, entry = ? WHERE number = ? "
		"AND status = 'pending'";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	snprintf(h->decided_by, sizeof h->decided_by, "%s", audit_login());
	utc_now(h->decided_at, sizeof h->decided_at);
	store_bind_text(st, 1, held_status_name(h->status));
	store_bind_text(st, 2, h->decided_by);
	store_bind_text(st, 3, h->decided_at);
	store_bind_text(st, 4, h->note);
	if (h->entry)
		store_bind_int(st, 5, h->entry);
	store_bind_text(st, 6, h->number);
	if (store_step(s, st, d) < 0)
		return -1;
	if (sqlite3_changes(store_handle(s)) != 1)
		return diag_set(d, EXIT_REFUSED, "held %s: not pending",
				h->number);
	audit_link_document(h->number);
	return 0;
}

int
held_db_each(struct store *s, enum held_status status,
	     int (*fn)(const struct held *h, void *arg), void *arg,
	     struct diag *d)
{
	static const char sql[] = "SELECT number, year, seq, account, "
		"amount, reason, memo, posted_on, requested_by, requested_at, "
		"status, decided_by, decided_at, note, entry FROM held "
		"WHERE status = ? ORDER BY number";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct held h;
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, held_status_name(status));
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		from_row(st, &h);
		if (fn(&h, arg) < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc < 0 ? -1 : 0;
}
