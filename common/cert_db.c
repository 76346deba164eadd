#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/random.h>
#endif

#include "audit.h"
#include "cert_db.h"
#include "date.h"
#include "diag.h"
#include "policy_db.h"
#include "store_sql.h"

int
cert_db_policy(struct store *s, struct cert_policy *p, struct diag *d)
{
	if (policy_db_get_int(s, "cert.valid_days", &p->valid_days, d) < 0
	    || policy_db_get_money(s, "cert.fee", &p->fee, d) < 0)
		return -1;
	return 0;
}

void
cert_state_release(struct cert_state *cs)
{
	collect_state_release(&cs->c);
}

/* The shut-off order scheduled for account (the earliest), if any: 1 and
 * its number and day, 0 none. */
static int
shutoff_order(struct store *s, const char *account, char *number,
	      size_t size, int *day, struct diag *d)
{
	static const char sql[] = "SELECT number, scheduled_for FROM orders "
		"WHERE account = ? AND type = 'shutoff' "
		"AND status = 'scheduled' ORDER BY scheduled_for, number";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	store_col_copy(st, 0, number, size);
	*day = store_col_date(st, 1);
	sqlite3_reset(st);
	return 1;
}

int
cert_db_state(struct store *s, const char *account, int asof,
	      const struct collect_policy *p, struct cert_state *cs,
	      struct diag *d)
{
	static const struct cert_facts none = CERT_FACTS_INIT;
	int rc = collect_db_state(s, account, asof, p, &cs->c, d);

	if (rc <= 0)
		return rc;
	cs->f = none;
	cs->order[0] = '\0';
	cs->f.closed = strcmp(cs->c.a.status, "closed") == 0;
	cs->f.balance = cs->c.f.balance;
	cs->f.agreement = cs->c.agreement;
	cs->f.notice = cs->c.notice;
	cs->f.notice_expires_on = cs->c.f.notice_expires_on;
	cs->f.dispute_open = cs->c.f.dispute_open;
	cs->f.order = cs->order;
	if (shutoff_order(s, cs->c.a.number, cs->order, sizeof cs->order,
			  &cs->f.order_on, d) < 0)
		return -1;
	return 1;
}

/* Fills buf with n random bytes from the kernel. */
static int
random_bytes(unsigned char *buf, size_t n, struct diag *d)
{
	size_t got = 0;
	ssize_t r;
	int fd = -1;

#ifdef __linux__
	while (got < n) {
		r = getrandom(buf + got, n - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		got += (size_t)r;
	}
	if (got == n)
		return 0;
	got = 0;	/* no getrandom(2) (ENOSYS): the device, then */
#endif
	fd = open("/dev/urandom", O_RDONLY);
	if (fd < 0)
		return diag_set(d, EXIT_REFUSED, "/dev/urandom: %s",
				strerror(errno));
	while (got < n) {
		r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			int err = r < 0 ? errno : EIO;

			close(fd);
			return diag_set(d, EXIT_REFUSED, "/dev/urandom: %s",
					strerror(err));
		}
		got += (size_t)r;
	}
	close(fd);
	return 0;
}

int
cert_db_new(struct store *s, int year, struct cert *c, struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(MAX(seq), 0) + 1 "
		"FROM certificates WHERE year = ?";
	unsigned char bytes[64];

	if (store_next_seq(s, sql, year, &c->seq, d) < 0)
		return -1;
	c->year = year;
	cert_number(c->year, c->seq, c->number);
	/* 64 bytes fail to hold 12 usable ones with odds of 10^-68 */
	do {
		if (random_bytes(bytes, sizeof bytes, d) < 0)
			return -1;
	} while (cert_code_make(bytes, sizeof bytes, c->code) < 0);
	memset(bytes, 0, sizeof bytes);
	return 0;
}

int
cert_db_insert(struct store *s, struct cert *c, struct diag *d)
{
	static const char sql[] = "INSERT INTO certificates (number, year, "
		"seq, account, code, as_of, valid_until, balance, fee_entry, "
		"login, at, issued_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	time_t now = time(NULL);
	struct tm tm;

	if (!st)
		return -1;
	gmtime_r(&now, &tm);
	strftime(c->at, sizeof c->at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(c->login, sizeof c->login, "%s", audit_login());
	c->voided = 0;
	c->voided_on = DATE_NONE;
	c->void_reason[0] = '\0';
	store_bind_text(st, 1, c->number);
	store_bind_int(st, 2, c->year);
	store_bind_int(st, 3, c->seq);
	store_bind_text(st, 4, c->account);
	store_bind_text(st, 5, c->code);
	store_bind_date(st, 6, c->as_of);
	store_bind_date(st, 7, c->valid_until);
	store_bind_int(st, 8, c->balance);
	if (c->fee_entry)
		store_bind_int(st, 9, c->fee_entry);
	else
		sqlite3_bind_null(st, 9);
	store_bind_text(st, 10, c->login);
	store_bind_text(st, 11, c->at);
	store_bind_date(st, 12, c->issued_on);
	if (store_step(s, st, d) < 0)
		return -1;
	audit_link_document(c->number);
	return 0;
}

int
cert_db_load(struct store *s, const char *number, struct cert *c,
	     struct diag *d)
{
	static const char sql[] = "SELECT number, year, seq, account, code, "
		"as_of, valid_until, balance, fee_entry, status, voided_on, "
		"void_reason, login, at, issued_on FROM certificates "
		"WHERE number = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, number);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	memset(c, 0, sizeof *c);
	store_col_copy(st, 0, c->number, sizeof c->number);
	c->year = sqlite3_column_int(st, 1);
	c->seq = sqlite3_column_int64(st, 2);
	store_col_copy(st, 3, c->account, sizeof c->account);
	store_col_copy(st, 4, c->code, sizeof c->code);
	c->as_of = store_col_date(st, 5);
	c->valid_until = store_col_date(st, 6);
	c->balance = sqlite3_column_int64(st, 7);
	c->fee_entry = sqlite3_column_int64(st, 8);
	c->voided = strcmp(store_col_text(st, 9), "void") == 0;
	c->voided_on = store_col_date(st, 10);
	store_col_copy(st, 11, c->void_reason, sizeof c->void_reason);
	store_col_copy(st, 12, c->login, sizeof c->login);
	c->issued_on = store_col_date(st, 14);
	store_col_copy(st, 13, c->at, sizeof c->at);
	sqlite3_reset(st);
	return 1;
}

int
cert_db_void(struct store *s, const char *number, int day,
	     const char *reason, struct diag *d)
{
	static const char sql[] = "UPDATE certificates SET status = 'void', "
		"voided_on = ?, void_reason = ? "
		"WHERE number = ? AND status = 'valid'";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_date(st, 1, day);
	store_bind_text(st, 2, reason);
	store_bind_text(st, 3, number);
	if (store_step(s, st, d) < 0)
		return -1;
	return sqlite3_changes(store_handle(s)) > 0;
}
