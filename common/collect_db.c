#include <config.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "account_db.h"
#include "audit.h"
#include "cases_db.h"
#include "collect_db.h"
#include "date.h"
#include "diag.h"
#include "ledger_db.h"
#include "plan_db.h"
#include "policy_db.h"
#include "store_sql.h"

/* A policy value in its text form, parsed by parse(); the store holds only
 * values policy_check accepted, so a failure means a damaged store. */
static int
text_key(struct store *s, const char *key, int (*parse)(const char *, int *),
	 int *value, struct diag *d)
{
	char buf[64];

	if (policy_db_get(s, key, buf, sizeof buf, d) < 0)
		return -1;
	if (parse(buf, value) < 0)
		return diag_set(d, EXIT_DATAERR, "policy %s: '%s': not a "
				"valid value (acct-db policy %s)", key, buf,
				key);
	return 0;
}

static int
parse_weekdays(const char *s, int *mask)
{
	unsigned m;

	if (collect_weekdays_parse(s, &m) < 0)
		return -1;
	*mask = (int)m;
	return 0;
}

static int
parse_yesno(const char *s, int *yes)
{
	if (strcmp(s, "yes") == 0 || strcmp(s, "no") == 0) {
		*yes = s[0] == 'y';
		return 0;
	}
	return -1;
}

int
collect_db_policy(struct store *s, struct collect_policy *p, struct diag *d)
{
	static const struct {
		const char *key;
		size_t at;
	} counts[] = {
		{ "shutoff.notice_after_due_days",
		  offsetof(struct collect_policy, notice_after_due_days) },
		{ "shutoff.notice_days",
		  offsetof(struct collect_policy, notice_days) },
		{ "shutoff.notice_valid_days",
		  offsetof(struct collect_policy, notice_valid_days) },
		{ "shutoff.contact_hours",
		  offsetof(struct collect_policy, contact_hours) },
		{ "shutoff.per_day", offsetof(struct collect_policy, per_day) },
		{ "dispute.hold_days",
		  offsetof(struct collect_policy, hold_days) },
		{ "restore.within_hours",
		  offsetof(struct collect_policy, restore_within_hours) },
		{ "bill.due_days", offsetof(struct collect_policy, due_days) },
	};
	char buf[64];
	int mask = 0;
	size_t i;

	memset(p, 0, sizeof *p);
	for (i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (policy_db_get_int(s, counts[i].key,
				      (long *)((char *)p + counts[i].at),
				      d) < 0)
			return -1;
	if (policy_db_get_money(s, "shutoff.min_arrears", &p->min_arrears,
				d) < 0
	    || policy_db_get_money(s, "fee.reconnect", &p->reconnect_fee,
				   d) < 0
	    || text_key(s, "shutoff.days", parse_weekdays, &mask, d) < 0
	    || text_key(s, "shutoff.no_eve_of_holiday", parse_yesno,
			&p->no_eve_of_holiday, d) < 0
	    || text_key(s, "shutoff.cold_from", collect_monthday_parse,
			&p->cold_from, d) < 0
	    || text_key(s, "shutoff.cold_to", collect_monthday_parse,
			&p->cold_to, d) < 0
	    || policy_db_get(s, "shutoff.blackout", buf, sizeof buf, d) < 0)
		return -1;
	p->weekdays = (unsigned)mask;
	if (collect_range_parse(buf, &p->blackout_from, &p->blackout_to) < 0)
		return diag_set(d, EXIT_DATAERR, "policy shutoff.blackout: "
				"'%s': not a valid value", buf);
	return 0;
}

void
collect_state_release(struct collect_state *c)
{
	account_release(&c->a);
}

/* The latest notice of the account served on or before asof, unless an
 * agreement was signed on or after its day or a completed shut-off used
 * it: then no notice is in force (PSL 32(2)(b): a new one is needed). */
static int
load_notice(struct store *s, struct collect_state *c, int asof,
	    struct diag *d)
{
	static const char sql[] = "SELECT n.number, n.served_on, "
		"n.expires_on, n.arrears, "
		"EXISTS (SELECT 1 FROM plans p WHERE p.account = n.account "
		"AND p.agreed_on >= n.served_on AND p.agreed_on <= ?2), "
		"EXISTS (SELECT 1 FROM orders o WHERE o.notice = n.number "
		"AND o.type = 'shutoff' AND o.status = 'completed') "
		"FROM notices n WHERE n.account = ?1 AND n.served_on <= ?2 "
		"ORDER BY n.served_on DESC, n.seq DESC LIMIT 1";
	static const char contact_sql[] = "SELECT MIN(on_date) FROM contacts "
		"WHERE account = ? AND kind = 'contact-attempt' "
		"AND on_date >= ? AND on_date <= ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, c->a.number);
	store_bind_date(st, 2, asof);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	if (sqlite3_column_int(st, 4) || sqlite3_column_int(st, 5)) {
		sqlite3_reset(st);
		return 0;
	}
	store_col_copy(st, 0, c->notice, sizeof c->notice);
	c->f.notice_served_on = store_col_date(st, 1);
	c->f.notice_expires_on = store_col_date(st, 2);
	c->notice_arrears = sqlite3_column_int64(st, 3);
	sqlite3_reset(st);

	st = store_stmt(s, contact_sql, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, c->a.number);
	store_bind_date(st, 2, c->f.notice_served_on);
	store_bind_date(st, 3, asof);
	if (store_step(s, st, d) != SQLITE_ROW)
		return -1;
	c->f.contact_on = store_col_date(st, 0);
	sqlite3_reset(st);
	return 0;
}

int
collect_db_state(struct store *s, const char *account, int asof,
		 const struct collect_policy *p, struct collect_state *c,
		 struct diag *d)
{
	static const struct collect_facts none = COLLECT_FACTS_INIT;
	struct aging g;
	struct plan_record plan;
	int found, open_cases, dispute, until;

	found = account_db_load(s, account, &c->a, d);
	if (found <= 0)
		return found;
	c->f = none;
	c->agreement[0] = c->notice[0] = '\0';
	c->notice_arrears = c->down = 0;
	c->agreed_on = DATE_NONE;
	c->f.account = c->a.number;
	c->f.agreement = c->agreement;
	c->f.notice = c->notice;
	c->f.active = strcmp(c->a.status, "active") == 0;
	c->f.heat = c->a.heat;
	c->f.ebd = c->a.ebd;
	c->f.life_support = c->a.life_support;
	c->f.medical_until = c->a.medical_until;
	if (ledger_db_aging(s, c->a.number, asof, (int)p->due_days, &g, d) < 0
	    || cases_db_account_state(s, c->a.number, asof, p->hold_days,
				      &open_cases, &dispute, &until, d) < 0)
		return -1;
	c->f.balance = g.balance;
	c->f.arrears = g.arrears;
	c->f.days_past_due = g.days_past_due;
	if (dispute) {
		c->f.dispute_open = until == DATE_NONE;
		c->f.dispute_until = until;
	}
	found = plan_db_in_force(s, c->a.number, c->agreement, d);
	if (found < 0)
		return -1;
	if (found) {
		found = plan_db_load(s, c->agreement, &plan, d);
		if (found == 0)
			diag_set(d, EXIT_DATAERR, "agreement %s of account %s: "
				 "not in the store", c->agreement, c->a.number);
		if (found <= 0)
			return -1;
		c->agreed_on = plan.agreed_on;
		c->down = plan.down;
	}
	return load_notice(s, c, asof, d) < 0 ? -1 : 1;
}

int
collect_db_down_paid(struct store *s, const struct collect_state *c,
		     int asof, int *paid, struct diag *d)
{
	int64_t sum;

	*paid = 0;
	if (!c->agreement[0])
		return 0;
	if (ledger_db_paid(s, c->a.number, c->agreed_on, asof, &sum, d) < 0)
		return -1;
	*paid = sum >= c->down;
	return 0;
}

int
collect_db_notice_next(struct store *s, int year, struct notice *n,
		       struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(MAX(seq), 0) + 1 "
		"FROM notices WHERE year = ?";

	if (store_next_seq(s, sql, year, &n->seq, d) < 0)
		return -1;
	n->year = year;
	collect_notice_number(n->year, n->seq, n->number);
	return 0;
}

int
collect_db_notice_insert(struct store *s, const struct notice *n,
			 struct diag *d)
{
	static const char sql[] = "INSERT INTO notices (number, year, seq, "
		"account, served_on, earliest_shutoff, expires_on, arrears, "
		"balance, login, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
		"strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, n->number);
	store_bind_int(st, 2, n->year);
	store_bind_int(st, 3, n->seq);
	store_bind_text(st, 4, n->account);
	store_bind_date(st, 5, n->served_on);
	store_bind_date(st, 6, n->earliest_shutoff);
	store_bind_date(st, 7, n->expires_on);
	store_bind_int(st, 8, n->arrears);
	store_bind_int(st, 9, n->balance);
	store_bind_text(st, 10, audit_login());
	if (store_step(s, st, d) < 0)
		return -1;
	audit_link_document(n->number);
	return 0;
}

/* Calls fn with the first column of each row of sql (bound to the dates
 * given, DATE_NONE for none). */
static int
each_account(struct store *s, const char *sql, int d1, int d2,
	     int (*fn)(const char *account, void *arg), void *arg,
	     struct diag *d)
{
	sqlite3_stmt *st = store_stmt(s, sql, d);
	char account[32];
	int rc;

	if (!st)
		return -1;
	if (d1 != DATE_NONE)
		store_bind_date(st, 1, d1);
	if (d2 != DATE_NONE)
		store_bind_date(st, 2, d2);
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		store_col_copy(st, 0, account, sizeof account);
		if (fn(account, arg) < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc < 0 ? -1 : 0;
}

int
collect_db_each_noticed(struct store *s, int asof, int from,
			int (*fn)(const char *account, void *arg), void *arg,
			struct diag *d)
{
	static const char sql[] = "SELECT DISTINCT n.account FROM notices n "
		"JOIN accounts a ON a.number = n.account "
		"WHERE a.status = 'active' AND n.served_on <= ?1 "
		"AND n.expires_on >= ?2 AND NOT EXISTS (SELECT 1 FROM orders o "
		"WHERE o.account = n.account AND o.type = 'shutoff' "
		"AND o.status = 'scheduled') ORDER BY n.account";

	return each_account(s, sql, asof, from, fn, arg, d);
}

int
collect_db_each_off(struct store *s,
		    int (*fn)(const char *account, void *arg), void *arg,
		    struct diag *d)
{
	static const char sql[] = "SELECT a.number FROM accounts a "
		"WHERE a.status = 'off' AND NOT EXISTS (SELECT 1 FROM orders o "
		"WHERE o.account = a.number AND o.type = 'restoration' "
		"AND o.status = 'scheduled') ORDER BY a.number";

	return each_account(s, sql, DATE_NONE, DATE_NONE, fn, arg, d);
}

int
collect_db_set_status(struct store *s, const char *account,
		      const char *status, char *old, size_t oldsize,
		      struct diag *d)
{
	static const char get[] = "SELECT status FROM accounts "
		"WHERE number = ?";
	static const char set[] = "UPDATE accounts SET status = ? "
		"WHERE number = ?";
	sqlite3_stmt *st = store_stmt(s, get, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	rc = store_step(s, st, d);
	if (rc < 0)
		return -1;
	if (rc == SQLITE_DONE)
		return diag_set(d, EXIT_REFUSED, "account '%s': no such "
				"account", account);
	store_col_copy(st, 0, old, oldsize);
	sqlite3_reset(st);
	if (strcmp(old, status) == 0)
		return 0;
	st = store_stmt(s, set, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, status);
	store_bind_text(st, 2, account);
	return store_step(s, st, d) < 0 ? -1 : 0;
}
