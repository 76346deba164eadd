#include <config.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "cases_db.h"
#include "date.h"
#include "diag.h"
#include "store_sql.h"

static void
utc_now(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
cases_db_add_contact(struct store *s, struct contact *c, struct diag *d)
{
	static const char sql[] = "INSERT INTO contacts (account, on_date, at, "
		"channel, kind, note, login) VALUES (?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	utc_now(c->at, sizeof c->at);
	snprintf(c->login, sizeof c->login, "%s", audit_login());
	store_bind_text(st, 1, c->account);
	store_bind_date(st, 2, c->on_date);
	store_bind_text(st, 3, c->at);
	store_bind_text(st, 4, c->channel);
	store_bind_text(st, 5, c->kind);
	store_bind_text(st, 6, c->note);
	store_bind_text(st, 7, c->login);
	if (store_step(s, st, d) < 0)
		return -1;
	c->id = sqlite3_last_insert_rowid(store_handle(s));
	return 0;
}

int
cases_db_each_contact(struct store *s, const char *account, int from,
		      int (*fn)(const struct contact *c, void *arg), void *arg,
		      struct diag *d)
{
	static const char sql[] = "SELECT id, account, on_date, at, channel, "
		"kind, note, login FROM contacts WHERE account = ? "
		"AND on_date >= ? ORDER BY at DESC, id DESC";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct contact c;
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, from);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		c.id = sqlite3_column_int64(st, 0);
		store_col_copy(st, 1, c.account, sizeof c.account);
		c.on_date = store_col_date(st, 2);
		store_col_copy(st, 3, c.at, sizeof c.at);
		store_col_copy(st, 4, c.channel, sizeof c.channel);
		store_col_copy(st, 5, c.kind, sizeof c.kind);
		store_col_copy(st, 6, c.note, sizeof c.note);
		store_col_copy(st, 7, c.login, sizeof c.login);
		if (fn(&c, arg) < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc < 0 ? -1 : 0;
}

int
cases_db_last_contact(struct store *s, const char *account, const char *kind,
		      int day, int *on, struct diag *d)
{
	static const char sql[] = "SELECT MAX(on_date) FROM contacts "
		"WHERE account = ? AND on_date <= ? AND (? IS NULL OR kind = ?)";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, day);
	store_bind_text(st, 3, kind);
	store_bind_text(st, 4, kind);
	if (store_step(s, st, d) != SQLITE_ROW)
		return -1;
	*on = store_col_date(st, 0);
	sqlite3_reset(st);
	return *on != DATE_NONE;
}

int
cases_db_next(struct store *s, int year, struct case_record *c,
	      struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(MAX(seq), 0) + 1 "
		"FROM cases WHERE year = ?";

	if (store_next_seq(s, sql, year, &c->seq, d) < 0)
		return -1;
	c->year = year;
	cases_number(c->year, c->seq, c->number);
	return 0;
}

int
cases_db_insert(struct store *s, const struct case_record *c, struct diag *d)
{
	static const char sql[] = "INSERT INTO cases (number, year, seq, "
		"account, category, channel, summary, disputed, status, "
		"opened_on, due_on, login) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
		"'open', ?, ?, ?)";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, c->number);
	store_bind_int(st, 2, c->year);
	store_bind_int(st, 3, c->seq);
	store_bind_text(st, 4, c->account);
	store_bind_text(st, 5, c->category);
	store_bind_text(st, 6, c->channel);
	store_bind_text(st, 7, c->summary);
	if (c->has_disputed)
		store_bind_int(st, 8, c->disputed);
	store_bind_date(st, 9, c->opened_on);
	store_bind_date(st, 10, c->due_on);
	store_bind_text(st, 11, audit_login());
	if (store_step(s, st, d) < 0)
		return -1;
	audit_link_document(c->number);
	return 0;
}

#define CASE_COLUMNS "number, year, seq, account, category, channel, " \
	"summary, disputed, status, opened_on, due_on, closed_on, " \
	"resolution, adjustment, login"

static void
case_from_row(sqlite3_stmt *st, struct case_record *c)
{
	memset(c, 0, sizeof *c);
	store_col_copy(st, 0, c->number, sizeof c->number);
	c->year = sqlite3_column_int(st, 1);
	c->seq = sqlite3_column_int64(st, 2);
	store_col_copy(st, 3, c->account, sizeof c->account);
	store_col_copy(st, 4, c->category, sizeof c->category);
	store_col_copy(st, 5, c->channel, sizeof c->channel);
	store_col_copy(st, 6, c->summary, sizeof c->summary);
	c->has_disputed = sqlite3_column_type(st, 7) != SQLITE_NULL;
	c->disputed = sqlite3_column_int64(st, 7);
	store_col_copy(st, 8, c->status, sizeof c->status);
	c->opened_on = store_col_date(st, 9);
	c->due_on = store_col_date(st, 10);
	c->closed_on = store_col_date(st, 11);
	store_col_copy(st, 12, c->resolution, sizeof c->resolution);
	c->adjustment = sqlite3_column_int64(st, 13);
	store_col_copy(st, 14, c->login, sizeof c->login);
}

int
cases_db_load(struct store *s, const char *number, struct case_record *c,
	      struct diag *d)
{
	static const char sql[] = "SELECT " CASE_COLUMNS " FROM cases "
		"WHERE number = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, number);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	case_from_row(st, c);
	sqlite3_reset(st);
	return 1;
}

int
cases_db_add_note(struct store *s, const char *number, const char *note,
		  const char *status, struct diag *d)
{
	static const char add[] = "INSERT INTO case_notes (case_number, at, "
		"login, note, status) VALUES (?, ?, ?, ?, ?)";
	static const char set[] = "UPDATE cases SET status = ? "
		"WHERE number = ?";
	sqlite3_stmt *st = store_stmt(s, add, d);
	char at[32];

	if (!st)
		return -1;
	utc_now(at, sizeof at);
	store_bind_text(st, 1, number);
	store_bind_text(st, 2, at);
	store_bind_text(st, 3, audit_login());
	store_bind_text(st, 4, note);
	store_bind_text(st, 5, status);
	if (store_step(s, st, d) < 0)
		return -1;
	st = store_stmt(s, set, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, status);
	store_bind_text(st, 2, number);
	return store_step(s, st, d) < 0 ? -1 : 0;
}

int
cases_db_close(struct store *s, const char *number, int day,
	       const char *resolution, int64_t adjustment, struct diag *d)
{
	static const char sql[] = "UPDATE cases SET closed_on = ?, "
		"resolution = ?, adjustment = ? WHERE number = ?";
	sqlite3_stmt *st;
	char note[1100];

	snprintf(note, sizeof note, "closed: %s", resolution);
	if (cases_db_add_note(s, number, note, "closed", d) < 0)
		return -1;
	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_date(st, 1, day);
	store_bind_text(st, 2, resolution);
	if (adjustment)
		store_bind_int(st, 3, adjustment);
	store_bind_text(st, 4, number);
	return store_step(s, st, d) < 0 ? -1 : 0;
}

int
cases_db_each(struct store *s, const struct case_filter *f,
	      int (*fn)(const struct case_record *c, void *arg), void *arg,
	      struct diag *d)
{
	/* one fixed statement: a NULL or 0 parameter turns its condition off */
	static const char sql[] = "SELECT " CASE_COLUMNS " FROM cases "
		"WHERE (?1 = 0 OR status <> 'closed') "
		"AND (?2 IS NULL OR (status <> 'closed' AND due_on < ?2)) "
		"AND (?3 IS NULL OR (status <> 'closed' AND due_on <= ?3)) "
		"AND (?4 IS NULL OR account = ?4) "
		"AND (?5 IS NULL OR category = ?5) "
		"ORDER BY due_on, number";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct case_record c;
	int rc;

	if (!st)
		return -1;
	store_bind_int(st, 1, f->open_only);
	store_bind_date(st, 2, f->overdue_on);
	store_bind_date(st, 3, f->due_by);
	store_bind_text(st, 4, f->account);
	store_bind_text(st, 5, f->category);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		case_from_row(st, &c);
		if (fn(&c, arg) < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc < 0 ? -1 : 0;
}

int
cases_db_account_state(struct store *s, const char *account, int day,
		       long hold_days, int *open_cases, int *dispute,
		       int *until, struct diag *d)
{
	static const char sql[] = "SELECT category, status, closed_on "
		"FROM cases WHERE account = ? AND opened_on <= ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc, holds, last;

	*open_cases = *dispute = 0;
	*until = DATE_NONE;
	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, day);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		const char *status = store_col_text(st, 1);

		if (strcmp(status, "closed") != 0)
			(*open_cases)++;
		holds = cases_dispute_holds(store_col_text(st, 0), status,
					    store_col_date(st, 2), hold_days,
					    day, &last);
		if (!holds)
			continue;
		/* an open dispute holds with no end; else the latest end */
		if (!*dispute || (*until != DATE_NONE
				  && (last == DATE_NONE || last > *until)))
			*until = last;
		*dispute = 1;
	}
	return rc < 0 ? -1 : 0;
}
