#include <config.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "affidavit_db.h"
#include "audit.h"
#include "date.h"
#include "diag.h"
#include "store_sql.h"

int
affidavit_db_next(struct store *s, int year, struct affidavit_record *r,
		  struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(MAX(seq), 0) + 1 "
		"FROM affidavits WHERE year = ?";

	if (store_next_seq(s, sql, year, &r->seq, d) < 0)
		return -1;
	r->year = year;
	affidavit_number(r->year, r->seq, r->number);
	return 0;
}

int
affidavit_db_insert(struct store *s, const struct affidavit_record *r,
		    const struct affidavit_form *f, struct diag *d)
{
	static const char sql[] = "INSERT INTO affidavits (number, year, seq, "
		"account, kind, prepared_on, status, received_on, "
		"effective_on, end_on, login, at) VALUES (?, ?, ?, ?, ?, ?, "
		"'prepared', NULL, ?, ?, ?, ?)";
	static const char field_sql[] = "INSERT INTO affidavit_fields "
		"(affidavit, name, value) VALUES (?, ?, ?)";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	time_t now = time(NULL);
	struct tm tm;
	char at[32];
	size_t i;

	if (!st)
		return -1;
	gmtime_r(&now, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	store_bind_text(st, 1, r->number);
	store_bind_int(st, 2, r->year);
	store_bind_int(st, 3, r->seq);
	store_bind_text(st, 4, r->account);
	store_bind_text(st, 5, affidavit_kind_name(r->kind));
	store_bind_date(st, 6, r->prepared_on);
	store_bind_date(st, 7, r->effective_on);
	store_bind_date(st, 8, r->end_on);
	store_bind_text(st, 9, audit_login());
	store_bind_text(st, 10, at);
	if (store_step(s, st, d) < 0)
		return -1;
	for (i = 0; i < f->n; i++) {
		st = store_stmt(s, field_sql, d);
		if (!st)
			return -1;
		store_bind_text(st, 1, r->number);
		store_bind_text(st, 2, f->spec[i].name);
		store_bind_text(st, 3, f->value[i] ? f->value[i] : "");
		if (store_step(s, st, d) < 0)
			return -1;
	}
	audit_link_document(r->number);
	return 0;
}

int
affidavit_db_load(struct store *s, const char *number,
		  struct affidavit_record *r, struct diag *d)
{
	static const char sql[] = "SELECT number, year, seq, account, kind, "
		"prepared_on, status, received_on, effective_on, end_on, login "
		"FROM affidavits WHERE number = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, number);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	memset(r, 0, sizeof *r);
	store_col_copy(st, 0, r->number, sizeof r->number);
	r->year = sqlite3_column_int(st, 1);
	r->seq = sqlite3_column_int64(st, 2);
	store_col_copy(st, 3, r->account, sizeof r->account);
	/* the schema's CHECKs allow no other words */
	if (affidavit_kind_parse(store_col_text(st, 4), &r->kind) < 0
	    || affidavit_status_parse(store_col_text(st, 6), &r->status) < 0) {
		sqlite3_reset(st);
		return diag_set(d, EXIT_REFUSED, "affidavit %s: unknown kind "
				"or status in the store", number);
	}
	r->prepared_on = store_col_date(st, 5);
	r->received_on = store_col_date(st, 7);
	r->effective_on = store_col_date(st, 8);
	r->end_on = store_col_date(st, 9);
	store_col_copy(st, 10, r->login, sizeof r->login);
	sqlite3_reset(st);
	return 1;
}

int
affidavit_db_update(struct store *s, const struct affidavit_record *r,
		    struct diag *d)
{
	static const char sql[] = "UPDATE affidavits SET status = ?, "
		"received_on = ?, effective_on = ?, end_on = ? "
		"WHERE number = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, affidavit_status_name(r->status));
	store_bind_date(st, 2, r->received_on);
	store_bind_date(st, 3, r->effective_on);
	store_bind_date(st, 4, r->end_on);
	store_bind_text(st, 5, r->number);
	return store_step(s, st, d) < 0 ? -1 : 0;
}

int
affidavit_db_medical_since_payment(struct store *s, const char *account,
				   int upto, long *count, struct diag *d)
{
	/* a bounced check or a voided receipt is reversed: it was never a
	 * payment, so it does not end a run of renewals */
	static const char sql[] = "SELECT COUNT(*) FROM affidavits "
		"WHERE account = ?1 AND kind = 'medical' "
		"AND status = 'received' AND received_on <= ?2 "
		"AND received_on > COALESCE((SELECT MAX(e.posted_on) "
		"FROM entries e WHERE e.account = ?1 AND e.kind = 'payment' "
		"AND e.amount < 0 AND e.posted_on <= ?2 "
		"AND e.reverses IS NULL AND NOT EXISTS (SELECT 1 "
		"FROM entries r WHERE r.reverses = e.id)), '')";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int64_t v;

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, upto);
	if (store_int64(s, st, &v, d) < 0)
		return -1;
	*count = (long) v;
	return 0;
}
