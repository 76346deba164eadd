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

int
audit_record(struct store *s, struct diag *d, const char *fmt, ...)
{
	static const char sql[] =
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
	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, at);
	store_bind_text(st, 2, audit_login());
	store_bind_text(st, 3, store_program(s));
	store_bind_text(st, 4, what);
	return store_step(s, st, d) < 0 ? -1 : 0;
}
