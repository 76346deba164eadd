#include <config.h>

#include <stdlib.h>

#include "account_db.h"
#include "diag.h"
#include "store_sql.h"
#include "xalloc.h"

#define ACCOUNT_COLUMNS \
	"number, name, service_address, mailing_address, phone, email, " \
	"rate_class, status, opened_on, closed_on, heat, life_support, ebd, " \
	"medical_until, balance, last_posted_on"

/* Fills a from a row of ACCOUNT_COLUMNS; returns the last_posted_on day. */
static int
from_row(sqlite3_stmt *st, struct account *a)
{
	a->number = xstrdup(store_col_text(st, 0));
	a->name = xstrdup(store_col_text(st, 1));
	a->service_address = xstrdup(store_col_text(st, 2));
	a->mailing_address = xstrdup(store_col_text(st, 3));
	a->phone = xstrdup(store_col_text(st, 4));
	a->email = xstrdup(store_col_text(st, 5));
	a->rate_class = xstrdup(store_col_text(st, 6));
	a->status = xstrdup(store_col_text(st, 7));
	a->opened_on = store_col_date(st, 8);
	a->closed_on = store_col_date(st, 9);
	a->heat = sqlite3_column_int(st, 10);
	a->life_support = sqlite3_column_int(st, 11);
	a->ebd = sqlite3_column_int(st, 12);
	a->medical_until = store_col_date(st, 13);
	a->balance = sqlite3_column_int64(st, 14);
	return store_col_date(st, 15);
}

int
account_db_load(struct store *s, const char *number, struct account *a,
		struct diag *d)
{
	static const char sql[] = "SELECT " ACCOUNT_COLUMNS
		" FROM accounts WHERE number = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	account_release(a);
	if (!st)
		return -1;
	store_bind_text(st, 1, number);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	from_row(st, a);
	sqlite3_reset(st);
	return 1;
}

/* Binds the fields both INSERT and UPDATE set, as parameters 1..14. */
static void
bind_fields(sqlite3_stmt *st, const struct account *a)
{
	store_bind_text(st, 1, a->number);
	store_bind_text(st, 2, a->name ? a->name : "");
	store_bind_text(st, 3, a->service_address ? a->service_address : "");
	store_bind_text(st, 4, a->mailing_address ? a->mailing_address : "");
	store_bind_text(st, 5, a->phone ? a->phone : "");
	store_bind_text(st, 6, a->email ? a->email : "");
	store_bind_text(st, 7, a->rate_class ? a->rate_class : "residential");
	store_bind_text(st, 8, a->status ? a->status : "active");
	store_bind_date(st, 9, a->opened_on);
	store_bind_date(st, 10, a->closed_on);
	store_bind_int(st, 11, a->heat);
	store_bind_int(st, 12, a->life_support);
	store_bind_int(st, 13, a->ebd);
	store_bind_date(st, 14, a->medical_until);
}

int
account_db_insert(struct store *s, const struct account *a, struct diag *d)
{
	static const char sql[] = "INSERT INTO accounts (number, name, "
		"service_address, mailing_address, phone, email, rate_class, "
		"status, opened_on, closed_on, heat, life_support, ebd, "
		"medical_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	bind_fields(st, a);
	return store_step(s, st, d) < 0 ? -1 : 0;
}

int
account_db_update(struct store *s, const struct account *a, struct diag *d)
{
	static const char sql[] = "UPDATE accounts SET name = ?2, "
		"service_address = ?3, mailing_address = ?4, phone = ?5, "
		"email = ?6, rate_class = ?7, status = ?8, opened_on = ?9, "
		"closed_on = ?10, heat = ?11, life_support = ?12, ebd = ?13, "
		"medical_until = ?14 WHERE number = ?1";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	bind_fields(st, a);
	return store_step(s, st, d) < 0 ? -1 : 0;
}

int
account_db_each(struct store *s, const struct account_filter *f,
		int (*fn)(const struct account *a, int exact, void *arg),
		void *arg, struct diag *d)
{
	/* One fixed statement; a NULL or 0 parameter turns its condition off.
	 * The balance condition lets through accounts with entries after the
	 * date, whose balance the caller must sum as of the date. */
	static const char sql[] = "SELECT " ACCOUNT_COLUMNS " FROM accounts "
		"WHERE (?1 IS NULL OR status = ?1) "
		"AND (?2 IS NULL OR rate_class = ?2) "
		"AND (?3 = 0 OR heat = 1) AND (?4 = 0 OR life_support = 1) "
		"AND (?5 = 0 OR ebd = 1) "
		"AND (?6 = 0 OR medical_until >= ?7) "
		"AND (?8 IS NULL OR balance >= ?8 OR last_posted_on > ?7) "
		"ORDER BY number";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct account a = ACCOUNT_INIT;
	int rc, last;

	if (!st)
		return -1;
	store_bind_text(st, 1, f->status);
	store_bind_text(st, 2, f->rate_class);
	store_bind_int(st, 3, f->flag_heat);
	store_bind_int(st, 4, f->flag_life_support);
	store_bind_int(st, 5, f->flag_ebd);
	store_bind_int(st, 6, f->flag_medical);
	store_bind_date(st, 7, f->asof);
	if (f->min_balance != INT64_MIN)
		store_bind_int(st, 8, f->min_balance);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		last = from_row(st, &a);
		rc = fn(&a, last == DATE_NONE || last <= f->asof, arg);
		account_release(&a);
		if (rc < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc < 0 ? -1 : 0;
}
