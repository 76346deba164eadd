#include <config.h>

#include <string.h>

#include "clerk_db.h"
#include "diag.h"
#include "store_sql.h"
#include "xalloc.h"

static void
from_row(sqlite3_stmt *st, struct clerk *c)
{
	c->login = xstrdup(store_col_text(st, 0));
	c->name = xstrdup(store_col_text(st, 1));
	c->supervisor = strcmp(store_col_text(st, 2), "supervisor") == 0;
	c->limit = sqlite3_column_type(st, 3) == SQLITE_NULL
		   ? -1 : sqlite3_column_int64(st, 3);
}

int
clerk_db_get(struct store *s, const char *login, struct clerk *c,
	     struct diag *d)
{
	static const char sql[] = "SELECT login, name, role, adjust_limit "
		"FROM clerks WHERE login = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	clerk_release(c);
	if (!st)
		return -1;
	store_bind_text(st, 1, login);
	rc = store_step(s, st, d);
	if (rc < 0)
		return -1;
	if (rc == SQLITE_DONE) {
		c->login = xstrdup(login);
		c->name = xstrdup("");
		return 0;
	}
	from_row(st, c);
	sqlite3_reset(st);
	return 1;
}

int
clerk_db_put(struct store *s, const struct clerk *c, struct diag *d)
{
	static const char known[] = "SELECT 1 FROM clerks WHERE login = ?";
	static const char sql[] = "INSERT INTO clerks (login, name, role, "
		"adjust_limit) VALUES (?, ?, ?, ?) ON CONFLICT (login) DO "
		"UPDATE SET name = excluded.name, role = excluded.role, "
		"adjust_limit = excluded.adjust_limit";
	sqlite3_stmt *st = store_stmt(s, known, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, c->login);
	rc = store_step(s, st, d);
	if (rc < 0)
		return -1;
	sqlite3_reset(st);
	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, c->login);
	store_bind_text(st, 2, c->name ? c->name : "");
	store_bind_text(st, 3, clerk_role_name(c->supervisor));
	if (c->limit >= 0)
		store_bind_int(st, 4, c->limit);
	if (store_step(s, st, d) < 0)
		return -1;
	return rc == SQLITE_ROW ? 0 : 1;
}

int
clerk_db_each(struct store *s, int (*fn)(const struct clerk *c, void *arg),
	      void *arg, struct diag *d)
{
	static const char sql[] = "SELECT login, name, role, adjust_limit "
		"FROM clerks ORDER BY login";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct clerk c = CLERK_INIT;
	int rc;

	if (!st)
		return -1;
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		from_row(st, &c);
		rc = fn(&c, arg);
		clerk_release(&c);
		if (rc < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc < 0 ? -1 : 0;
}

int
clerk_db_may_administer(struct store *s, const char *login, int *may,
			struct diag *d)
{
	static const char sql[] = "SELECT NOT EXISTS (SELECT 1 FROM clerks "
		"WHERE role = 'supervisor') OR EXISTS (SELECT 1 FROM clerks "
		"WHERE login = ? AND role = 'supervisor')";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int64_t v;

	if (!st)
		return -1;
	store_bind_text(st, 1, login);
	if (store_int64(s, st, &v, d) < 0)
		return -1;
	*may = v != 0;
	return 0;
}
