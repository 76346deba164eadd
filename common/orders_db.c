#include <config.h>

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "cases_db.h"
#include "collect_db.h"
#include "date.h"
#include "diag.h"
#include "ledger_db.h"
#include "money.h"
#include "orders_db.h"
#include "policy_db.h"
#include "store_sql.h"

int
orders_db_next(struct store *s, int year, struct order *o, struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(MAX(seq), 0) + 1 "
		"FROM orders WHERE year = ?";

	if (store_next_seq(s, sql, year, &o->seq, d) < 0)
		return -1;
	o->year = year;
	orders_number(o->year, o->seq, o->number);
	return 0;
}

int
orders_db_insert(struct store *s, const struct order *o, struct diag *d)
{
	static const char sql[] = "INSERT INTO orders (number, year, seq, "
		"account, type, reason, priority, requested_on, scheduled_for, "
		"status, case_number, note, login, notice, arrears) VALUES (?, ?, "
		"?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, o->number);
	store_bind_int(st, 2, o->year);
	store_bind_int(st, 3, o->seq);
	store_bind_text(st, 4, o->account);
	store_bind_text(st, 5, o->type);
	store_bind_text(st, 6, o->reason);
	store_bind_text(st, 7, o->priority);
	store_bind_date(st, 8, o->requested_on);
	store_bind_date(st, 9, o->scheduled_for);
	store_bind_text(st, 10, o->case_number[0] ? o->case_number : NULL);
	store_bind_text(st, 11, o->note);
	store_bind_text(st, 12, audit_login());
	store_bind_text(st, 13, o->notice[0] ? o->notice : NULL);
	if (o->arrears)
		sqlite3_bind_int64(st, 14, o->arrears);
	else
		sqlite3_bind_null(st, 14);
	if (store_step(s, st, d) < 0)
		return -1;
	audit_link_document(o->number);
	return 0;
}

#define ORDER_COLUMNS "o.number, o.year, o.seq, o.account, o.type, " \
	"o.reason, o.priority, o.requested_on, o.scheduled_for, o.status, " \
	"o.result, o.completed_on, o.case_number, o.note, o.login, " \
	"a.service_address, o.notice, o.arrears"

static void
order_from_row(sqlite3_stmt *st, struct order *o)
{
	memset(o, 0, sizeof *o);
	store_col_copy(st, 0, o->number, sizeof o->number);
	o->year = sqlite3_column_int(st, 1);
	o->seq = sqlite3_column_int64(st, 2);
	store_col_copy(st, 3, o->account, sizeof o->account);
	store_col_copy(st, 4, o->type, sizeof o->type);
	store_col_copy(st, 5, o->reason, sizeof o->reason);
	store_col_copy(st, 6, o->priority, sizeof o->priority);
	o->requested_on = store_col_date(st, 7);
	o->scheduled_for = store_col_date(st, 8);
	store_col_copy(st, 9, o->status, sizeof o->status);
	store_col_copy(st, 10, o->result, sizeof o->result);
	o->completed_on = store_col_date(st, 11);
	store_col_copy(st, 12, o->case_number, sizeof o->case_number);
	store_col_copy(st, 13, o->note, sizeof o->note);
	store_col_copy(st, 14, o->login, sizeof o->login);
	store_col_copy(st, 15, o->service_address, sizeof o->service_address);
	store_col_copy(st, 16, o->notice, sizeof o->notice);
	o->arrears = sqlite3_column_int64(st, 17);
}

int
orders_db_load(struct store *s, const char *number, struct order *o,
	       struct diag *d)
{
	static const char sql[] = "SELECT " ORDER_COLUMNS " FROM orders o "
		"JOIN accounts a ON a.number = o.account WHERE o.number = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, number);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	order_from_row(st, o);
	sqlite3_reset(st);
	return 1;
}

int
orders_db_each(struct store *s, const struct order_filter *f,
	       int (*fn)(const struct order *o, void *arg), void *arg,
	       struct diag *d)
{
	static const char sql[] = "SELECT " ORDER_COLUMNS " FROM orders o "
		"JOIN accounts a ON a.number = o.account "
		"WHERE (?1 IS NULL OR o.type = ?1) "
		"AND (?2 IS NULL OR o.status = ?2) "
		"AND (?3 IS NULL OR o.account = ?3) "
		"AND (?4 IS NULL OR o.scheduled_for >= ?4) "
		"AND (?5 IS NULL OR o.scheduled_for <= ?5) "
		"ORDER BY o.scheduled_for, a.service_address, o.number";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct order o;
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, f->type);
	store_bind_text(st, 2, f->status);
	store_bind_text(st, 3, f->account);
	store_bind_date(st, 4, f->from);
	store_bind_date(st, 5, f->to);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		order_from_row(st, &o);
		if (fn(&o, arg) < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc < 0 ? -1 : 0;
}

/* What closing an investigation does: its case hears of it. */
static int
investigation_closed(struct store *s, const struct order *o, struct diag *d)
{
	struct case_record c;
	char note[1200];
	int rc;

	if (!o->case_number[0])
		return 0;
	rc = cases_db_load(s, o->case_number, &c, d);
	if (rc <= 0)
		return rc;
	snprintf(note, sizeof note, "investigation %s (%s) %s%s%s", o->number,
		 o->reason, o->status, o->result[0] ? ": " : "", o->result);
	/* a closed case keeps its status; the note is still its history */
	return cases_db_add_note(s, o->case_number, note, c.status, d);
}

/* Sets the account of a completed order to status, audited. */
static int
set_status(struct store *s, const struct order *o, const char *status,
	   struct diag *d)
{
	char old[16];

	if (collect_db_set_status(s, o->account, status, old, sizeof old,
				  d) < 0)
		return -1;
	if (strcmp(old, status) == 0)
		return 0;
	return audit_record(s, d, "account %s: status '%s' -> '%s' by %s %s",
			    o->account, old, status, o->type, o->number);
}

/* A completed shut-off: the account is off. */
static int
shutoff_closed(struct store *s, const struct order *o, struct diag *d)
{
	if (strcmp(o->status, "completed") != 0)
		return 0;
	return set_status(s, o, "off", d);
}

/* A completed restoration: the account is active again, and pays
 * fee.reconnect when the office charges one (posted on the day it was
 * done, referenced by the order's number so it is posted once). */
static int
restoration_closed(struct store *s, const struct order *o, struct diag *d)
{
	struct ledger_batch *b;
	struct ledger_entry e = { 0 };
	int64_t fee, id;
	char amount[MONEY_BUFSZ];
	int rc;

	if (strcmp(o->status, "completed") != 0)
		return 0;
	if (set_status(s, o, "active", d) < 0
	    || policy_db_get_money(s, "fee.reconnect", &fee, d) < 0)
		return -1;
	if (fee <= 0)
		return 0;
	b = ledger_batch_new(s);
	e.account = o->account;
	e.posted_on = o->completed_on;
	e.kind = LEDGER_FEE;
	e.amount = fee;		/* a fee is a debit */
	e.source = "order-close";
	e.ref = o->number;
	e.memo = "reconnection fee";
	rc = ledger_batch_post(b, &e, &id, d);
	if (rc >= 0)
		rc = ledger_batch_finish(b, d);
	ledger_batch_free(b);
	if (rc < 0)
		return -1;
	return audit_record(s, d, "account %s: reconnection fee %s posted "
			    "(entry %lld) for %s", o->account,
			    money_format(fee, amount), (long long)id,
			    o->number);
}

/* Per type, what closing an order does besides recording it. */
static const struct {
	const char *type;
	int (*closed)(struct store *, const struct order *, struct diag *);
} on_close[] = {
	{ "investigation", investigation_closed },
	{ "shutoff", shutoff_closed },
	{ "restoration", restoration_closed },
};

int
orders_db_close(struct store *s, struct order *o, int completed,
		const char *result, int day, struct diag *d)
{
	static const char sql[] = "UPDATE orders SET status = ?, result = ?, "
		"completed_on = ? WHERE number = ? AND status = 'scheduled'";
	sqlite3_stmt *st;
	char on[DATE_BUFSZ];
	size_t i;

	if (strcmp(o->status, "scheduled") != 0)
		return diag_set(d, EXIT_REFUSED, "order %s: already %s on %s",
				o->number, o->status,
				date_format(o->completed_on, on));
	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	snprintf(o->status, sizeof o->status, "%s",
		 completed ? "completed" : "cancelled");
	snprintf(o->result, sizeof o->result, "%s", result ? result : "");
	o->completed_on = day;
	store_bind_text(st, 1, o->status);
	store_bind_text(st, 2, o->result);
	store_bind_date(st, 3, day);
	store_bind_text(st, 4, o->number);
	if (store_step(s, st, d) < 0)
		return -1;
	for (i = 0; i < sizeof on_close / sizeof on_close[0]; i++)
		if (strcmp(on_close[i].type, o->type) == 0)
			return on_close[i].closed(s, o, d);
	return 0;
}

int
orders_db_count_on(struct store *s, const char *type, int day, int *n,
		   struct diag *d)
{
	static const char sql[] = "SELECT COUNT(*) FROM orders WHERE type = ? "
		"AND scheduled_for = ? AND status <> 'cancelled'";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int64_t v;

	if (!st)
		return -1;
	store_bind_text(st, 1, type);
	store_bind_date(st, 2, day);
	if (store_int64(s, st, &v, d) < 0)
		return -1;
	*n = (int) v;
	return 0;
}

int
orders_db_open_count(struct store *s, const char *account, int *n,
		     struct diag *d)
{
	static const char sql[] = "SELECT COUNT(*) FROM orders "
		"WHERE account = ? AND status = 'scheduled'";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int64_t v;

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	if (store_int64(s, st, &v, d) < 0)
		return -1;
	*n = (int) v;
	return 0;
}
