#include <config.h>

#include <stdio.h>
#include <string.h>

#include "csvio.h"
#include "diag.h"
#include "reason_db.h"
#include "store_sql.h"

int
reason_db_put(struct store *s, const struct reason *r, struct diag *d)
{
	static const char known[] = "SELECT 1 FROM reasons WHERE code = ?";
	static const char sql[] = "INSERT INTO reasons (code, description, "
		"customer_text, direction) VALUES (?, ?, ?, ?) "
		"ON CONFLICT (code) DO UPDATE SET description = "
		"excluded.description, customer_text = excluded.customer_text, "
		"direction = excluded.direction";
	sqlite3_stmt *st = store_stmt(s, known, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, r->code);
	rc = store_step(s, st, d);
	if (rc < 0)
		return -1;
	sqlite3_reset(st);
	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, r->code);
	store_bind_text(st, 2, r->description);
	store_bind_text(st, 3, r->customer_text);
	store_bind_text(st, 4, r->direction);
	if (store_step(s, st, d) < 0)
		return -1;
	return rc == SQLITE_ROW ? 0 : 1;
}

int
reason_db_get(struct store *s, const char *code, struct reason_stored *r,
	      struct diag *d)
{
	static const char sql[] = "SELECT code, description, customer_text, "
		"direction FROM reasons WHERE code = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, code);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	snprintf(r->code, sizeof r->code, "%s", store_col_text(st, 0));
	snprintf(r->description, sizeof r->description, "%s",
		 store_col_text(st, 1));
	snprintf(r->customer_text, sizeof r->customer_text, "%s",
		 store_col_text(st, 2));
	snprintf(r->direction, sizeof r->direction, "%s",
		 store_col_text(st, 3));
	sqlite3_reset(st);
	r->r.code = r->code;
	r->r.description = r->description;
	r->r.customer_text = r->customer_text;
	r->r.direction = r->direction;
	return 1;
}

int
reason_db_check(struct store *s, const char *code, int64_t amount, char *why,
		size_t whysize, struct diag *d)
{
	struct reason_stored r;
	char q[64];
	int rc = reason_db_get(s, code, &r, d);

	if (rc < 0)
		return -1;
	if (rc == 0)
		snprintf(why, whysize, "'%s': no such reason (see 'acct-db "
			 "reasons')", diag_quote(q, sizeof q, code));
	else if (strcmp(r.direction, "debit") == 0 && amount < 0)
		snprintf(why, whysize, "'%s' is for debits only: the amount "
			 "must be above zero", code);
	else if (strcmp(r.direction, "credit") == 0 && amount > 0)
		snprintf(why, whysize, "'%s' is for credits only: the amount "
			 "must be below zero", code);
	else
		return 1;
	return 0;
}

int
reason_db_each(struct store *s, int (*fn)(const struct reason *r, void *arg),
	       void *arg, struct diag *d)
{
	static const char sql[] = "SELECT code, description, customer_text, "
		"direction FROM reasons ORDER BY code";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct reason r;
	int rc;

	if (!st)
		return -1;
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		r.code = store_col_text(st, 0);
		r.description = store_col_text(st, 1);
		r.customer_text = store_col_text(st, 2);
		r.direction = store_col_text(st, 3);
		if (fn(&r, arg) < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc < 0 ? -1 : 0;
}

static int
check_code(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 16)
		return -1;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')
		      || *s == '-' || *s == '_'))
			return -1;
	return 0;
}

int
reason_db_load(struct store *s, const char *path, int *added, int *replaced,
	       struct diag *d)
{
	struct csvio_reader *r = csvio_open(path, d);
	int code, desc, text, dir, rc;
	struct reason reason;

	*added = *replaced = 0;
	if (!r)
		return -1;
	code = csvio_column(r, "code");
	desc = csvio_column(r, "description");
	text = csvio_column(r, "customer_text");
	dir = csvio_column(r, "direction");
	if (code < 0 || desc < 0 || text < 0) {
		diag_set(d, EXIT_DATAERR, "%s:1: the columns code, description "
			 "and customer_text are required", csvio_name(r));
		csvio_close(r);
		return -1;
	}
	while ((rc = csvio_next(r, d)) == 1) {
		reason.code = csvio_field(r, code);
		reason.description = csvio_field(r, desc);
		reason.customer_text = csvio_field(r, text);
		reason.direction = dir < 0 || !*csvio_field(r, dir)
				   ? "either" : csvio_field(r, dir);
		if (check_code(reason.code) < 0) {
			rc = csvio_fail(r, d, EXIT_DATAERR, code, "'%s': 1 to "
					"16 capital letters, digits, '-' or '_'",
					reason.code);
			break;
		}
		if (strcmp(reason.direction, "debit") != 0
		    && strcmp(reason.direction, "credit") != 0
		    && strcmp(reason.direction, "either") != 0) {
			rc = csvio_fail(r, d, EXIT_DATAERR, dir, "'%s': not "
					"debit, credit or either",
					reason.direction);
			break;
		}
		if (!*reason.description || !*reason.customer_text) {
			rc = csvio_fail(r, d, EXIT_DATAERR,
					*reason.description ? text : desc,
					"empty");
			break;
		}
		rc = reason_db_put(s, &reason, d);
		if (rc < 0)
			break;
		if (rc)
			(*added)++;
		else
			(*replaced)++;
	}
	csvio_close(r);
	return rc < 0 ? -1 : 0;
}
