#include <config.h>

#include <stdlib.h>

#include "calendar_db.h"
#include "diag.h"
#include "store_sql.h"
#include "xalloc.h"

int
calendar_db_holidays(struct store *s, struct holidays *h, struct diag *d)
{
	static const char sql[] = "SELECT day FROM holidays ORDER BY day";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	size_t alloc = 0;
	int rc, day;

	free(h->days);
	h->days = NULL;
	h->n = 0;
	if (!st)
		return -1;
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		day = store_col_date(st, 0);
		if (day == DATE_NONE)
			continue;
		if (h->n == alloc)
			h->days = x2nrealloc(h->days, &alloc, sizeof *h->days);
		h->days[h->n++] = day;
	}
	return rc < 0 ? -1 : 0;
}

int
calendar_db_add(struct store *s, int day, const char *name, struct diag *d)
{
	static const char sql[] =
		"INSERT INTO holidays (day, name) VALUES (?, ?) "
		"ON CONFLICT (day) DO UPDATE SET name = excluded.name";
	static const char known[] = "SELECT 1 FROM holidays WHERE day = ?";
	sqlite3_stmt *st = store_stmt(s, known, d);
	int rc;

	if (!st)
		return -1;
	store_bind_date(st, 1, day);
	rc = store_step(s, st, d);
	if (rc < 0)
		return -1;
	sqlite3_reset(st);
	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_date(st, 1, day);
	store_bind_text(st, 2, name);
	if (store_step(s, st, d) < 0)
		return -1;
	return rc == SQLITE_ROW ? 0 : 1;
}

int
calendar_db_each(struct store *s, int from, int to,
		 int (*fn)(int day, const char *name, void *arg), void *arg,
		 struct diag *d)
{
	static const char sql[] = "SELECT day, name FROM holidays "
		"WHERE day >= ? AND day <= ? ORDER BY day";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_date(st, 1, from);
	store_bind_date(st, 2, to);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW)
		if (fn(store_col_date(st, 0), store_col_text(st, 1), arg) < 0)
			return -1;
	return rc < 0 ? -1 : 0;
}
