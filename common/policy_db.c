#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "money.h"
#include "policy.h"
#include "policy_db.h"
#include "store_sql.h"

int
policy_db_get(struct store *s, const char *key, char *buf, size_t size,
	      struct diag *d)
{
	static const char sql[] = "SELECT value FROM policy WHERE key = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	const struct policy_key *k;
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, key);
	rc = store_step(s, st, d);
	if (rc < 0)
		return -1;
	if (rc == SQLITE_ROW) {
		snprintf(buf, size, "%s", store_col_text(st, 0));
		sqlite3_reset(st);	/* ends the read: later ones see news */
		return 0;
	}
	/* a key this store lacks (made before the key existed): its default */
	k = policy_find(key);
	if (!k)
		return diag_set(d, EXIT_USAGE, "policy key '%s': no such key",
				key);
	snprintf(buf, size, "%s", k->value);
	return 0;
}

int
policy_db_get_int(struct store *s, const char *key, long *n, struct diag *d)
{
	char buf[128], *end;

	if (policy_db_get(s, key, buf, sizeof buf, d) < 0)
		return -1;
	*n = strtol(buf, &end, 10);
	if (end == buf || *end)
		return diag_set(d, EXIT_REFUSED, "policy %s '%s': not a whole "
				"number: fix it with 'acct-db policy'", key, buf);
	return 0;
}

int
policy_db_get_money(struct store *s, const char *key, int64_t *cents,
		    struct diag *d)
{
	char buf[128], why[128];

	if (policy_db_get(s, key, buf, sizeof buf, d) < 0)
		return -1;
	if (money_parse(buf, cents, why, sizeof why) < 0)
		return diag_set(d, EXIT_REFUSED, "policy %s '%s': %s", key,
				buf, why);
	return 0;
}

int
policy_db_set(struct store *s, const char *key, const char *value,
	      char *old, size_t oldsize, struct diag *d)
{
	static const char sql[] =
		"INSERT INTO policy (key, value) VALUES (?, ?) "
		"ON CONFLICT (key) DO UPDATE SET value = excluded.value";
	const struct policy_key *k = policy_find(key);
	char why[256], q[128];
	sqlite3_stmt *st;

	if (!k)
		return diag_set(d, EXIT_USAGE, "policy key '%s': no such key",
				diag_quote(q, sizeof q, key));
	if (policy_check(k, value, why, sizeof why) < 0)
		return diag_set(d, EXIT_USAGE, "policy %s '%s': %s", key,
				diag_quote(q, sizeof q, value), why);
	if (policy_db_get(s, key, old, oldsize, d) < 0)
		return -1;
	st = store_stmt(s, sql, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, key);
	store_bind_text(st, 2, value);
	return store_step(s, st, d) < 0 ? -1 : 0;
}

int
policy_db_each(struct store *s,
	       int (*fn)(const char *key, const char *value, void *arg),
	       void *arg, struct diag *d)
{
	static const char sql[] = "SELECT key, value FROM policy ORDER BY key";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	while ((rc = store_step(s, st, d)) == SQLITE_ROW)
		if (fn(store_col_text(st, 0), store_col_text(st, 1), arg) < 0)
			return -1;
	return rc < 0 ? -1 : 0;
}

int
policy_db_seed(struct store *s, struct diag *d)
{
	static const char sql[] =
		"INSERT INTO policy (key, value) VALUES (?, ?) "
		"ON CONFLICT (key) DO NOTHING";
	const struct policy_key *k;
	sqlite3_stmt *st;

	for (k = policy_keys; k->key; k++) {
		st = store_stmt(s, sql, d);
		if (!st)
			return -1;
		store_bind_text(st, 1, k->key);
		store_bind_text(st, 2, k->value);
		if (store_step(s, st, d) < 0)
			return -1;
	}
	return 0;
}
