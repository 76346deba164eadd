#include <config.h>

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "diag.h"
#include "store.h"
#include "store_sql.h"

const char *
audit_login(void)
{
	static char login[64];
	struct passwd *pw;

	if (!login[0]) {
		pw = getpwuid(getuid());
		if (pw)
			snprintf(login, sizeof login, "%s", pw->pw_name);
		else
			snprintf(login, sizeof login, "uid %ld",
				 (long) getuid());
	}
	return login;
}

static int64_t linked_batch;
static char linked_document[32];

void
audit_link_batch(int64_t batch)
{
	linked_batch = batch;
}

void
audit_link_document(const char *number)
{
	snprintf(linked_document, sizeof linked_document, "%s",
		 number ? number : "");
}

int
audit_record(struct store *s, struct diag *d, const char *fmt, ...)
{
	static const char sql[] =
		"INSERT INTO audit (at, login, program, what, batch, document) "
		"VALUES (?, ?, ?, ?, ?, ?)";
	/* A line that names no batch or document is written in the columns
	 * of schema version 1: acct-db restore records itself so in a store
	 * restored from a backup older than the links (version 7). */
	static const char unlinked[] =
		"INSERT INTO audit (at, login, program, what) "
		"VALUES (?, ?, ?, ?)";
	char what[2048], at[32];
	time_t now = time(NULL);
	struct tm tm;
	va_list ap;
	sqlite3_stmt *st;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	gmtime_r(&now, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (linked_batch || linked_document[0])
		st = store_stmt(s, sql, d);
	else
		st = store_stmt(s, unlinked, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, at);
	store_bind_text(st, 2, audit_login());
	store_bind_text(st, 3, store_program(s));
	store_bind_text(st, 4, what);
	if (linked_batch || linked_document[0]) {
		if (linked_batch)
			store_bind_int(st, 5, linked_batch);
		store_bind_text(st, 6,
				linked_document[0] ? linked_document : NULL);
	}
	if (store_step(s, st, d) < 0)
		return -1;
	linked_batch = 0;
	linked_document[0] = '\0';
	return 0;
}

int
audit_check(struct store *s, void (*fault)(const char *, void *), void *arg,
	    struct diag *d)
{
	/* a receipt's line is its entry's batch's */
	static const char sql[] =
		"SELECT 'batch', id FROM batches b WHERE NOT EXISTS "
		"(SELECT 1 FROM audit a WHERE a.batch = b.id) "
		"UNION ALL SELECT 'receipt', r.number FROM receipts r "
		"JOIN entries e ON e.id = r.entry WHERE NOT EXISTS "
		"(SELECT 1 FROM audit a WHERE a.batch = e.batch) "
		"UNION ALL SELECT 'agreement', number FROM plans t WHERE NOT "
		"EXISTS (SELECT 1 FROM audit a WHERE a.document = t.number) "
		"UNION ALL SELECT 'case', number FROM cases t WHERE NOT "
		"EXISTS (SELECT 1 FROM audit a WHERE a.document = t.number) "
		"UNION ALL SELECT 'order', number FROM orders t WHERE NOT "
		"EXISTS (SELECT 1 FROM audit a WHERE a.document = t.number) "
		"UNION ALL SELECT 'notice', number FROM notices t WHERE NOT "
		"EXISTS (SELECT 1 FROM audit a WHERE a.document = t.number) "
		"UNION ALL SELECT 'bill', number FROM bills t WHERE NOT "
		"EXISTS (SELECT 1 FROM audit a WHERE a.document = t.number) "
		"UNION ALL SELECT 'affidavit', number FROM affidavits t WHERE "
		"NOT EXISTS (SELECT 1 FROM audit a WHERE a.document = t.number) "
		"UNION ALL SELECT 'certificate', number FROM certificates t "
		"WHERE NOT EXISTS (SELECT 1 FROM audit a "
		"WHERE a.document = t.number) "
		"UNION ALL SELECT 'held adjustment', number FROM held t "
		"WHERE NOT EXISTS (SELECT 1 FROM audit a "
		"WHERE a.document = t.number)";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	char line[128];
	int rc, faults = 0;

	if (!st)
		return -1;
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		snprintf(line, sizeof line, "audit: %s %s has no audit line",
			 store_col_text(st, 0), store_col_text(st, 1));
		fault(line, arg);
		faults++;
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : faults;
}
