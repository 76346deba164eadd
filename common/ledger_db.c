#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "date.h"
#include "diag.h"
#include "ledger_db.h"
#include "money.h"
#include "store.h"
#include "store_sql.h"
#include "xalloc.h"

/* What a batch has posted to one account: written to accounts at the end,
 * so that a file of a million entries updates each account once. */
struct touched {
	char *account;
	int64_t balance;	/* as stored, before delta */
	int64_t delta;
	int last_posted_on;
};

struct ledger_batch {
	struct store *s;
	struct touched *slots;	/* open addressing, size a power of two */
	size_t nslots, used;
	char **dirty;		/* accounts posted to since the last finish */
	size_t ndirty, dirty_alloc;
	int64_t batch;		/* batches.id, made at the first posting */
	int64_t posted;		/* entries posted by this batch */
	int64_t before;		/* about how many entries there were before */
	int index_deferred;
};

/* A batch past this many entries, and past the size of the ledger before
 * it (an office's first load), builds the per-account index at the end. */
enum { DEFER_INDEX_AFTER = 100000 };

static size_t
hash(const char *s)
{
	size_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char) *s++) * 16777619u;
	return h;
}

static struct touched *
slot_for(struct ledger_batch *b, const char *account)
{
	size_t i = hash(account) & (b->nslots - 1);

	while (b->slots[i].account && strcmp(b->slots[i].account, account))
		i = (i + 1) & (b->nslots - 1);
	return &b->slots[i];
}

static void
grow(struct ledger_batch *b)
{
	struct touched *old = b->slots;
	size_t i, n = b->nslots;

	b->nslots = n ? 2 * n : 1024;
	b->slots = xcalloc(b->nslots, sizeof *b->slots);
	for (i = 0; i < n; i++)
		if (old[i].account)
			*slot_for(b, old[i].account) = old[i];
	free(old);
}

struct ledger_batch *
ledger_batch_new(struct store *s)
{
	struct ledger_batch *b = xzalloc(sizeof *b);

	b->s = s;
	grow(b);
	return b;
}

void
ledger_batch_free(struct ledger_batch *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->nslots; i++)
		free(b->slots[i].account);
	free(b->slots);
	free(b->dirty);
	free(b);
}

/* The account's slot, after checking once per batch that it exists. */
static struct touched *
touch(struct ledger_batch *b, const char *account, struct diag *d)
{
	static const char sql[] = "SELECT balance FROM accounts "
		"WHERE number = ?";
	struct touched *t = slot_for(b, account);
	sqlite3_stmt *st;
	char q[64];
	int rc;

	if (t->account)
		return t;
	st = store_stmt(b->s, sql, d);
	if (!st)
		return NULL;
	store_bind_text(st, 1, account);
	rc = store_step(b->s, st, d);
	if (rc < 0)
		return NULL;
	if (rc == SQLITE_DONE) {
		diag_set(d, EXIT_DATAERR, "column 'account': '%s': no such "
			 "account", diag_quote(q, sizeof q, account));
		return NULL;
	}
	if (2 * (b->used + 1) > b->nslots) {
		grow(b);
		t = slot_for(b, account);
	}
	t->balance = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	t->account = xstrdup(account);
	t->delta = 0;
	t->last_posted_on = DATE_NONE;
	b->used++;
	return t;
}

/* (source, ref) was there already: the same posting, or a reused reference. */
static int
compare_posted(struct ledger_batch *b, const struct ledger_entry *e,
	       struct diag *d)
{
	static const char sql[] = "SELECT id, account, posted_on, amount, kind "
		"FROM entries WHERE source = ? AND ref = ?";
	sqlite3_stmt *st = store_stmt(b->s, sql, d);
	char q[64], m[MONEY_BUFSZ], day[DATE_BUFSZ];
	int same;

	if (!st)
		return -1;
	store_bind_text(st, 1, e->source);
	store_bind_text(st, 2, e->ref);
	if (store_step(b->s, st, d) != SQLITE_ROW)
		return diag_set(d, EXIT_REFUSED, "store: reference '%s' "
				"vanished", e->ref);
	same = strcmp(store_col_text(st, 1), e->account) == 0
	       && (e->dated_by_program || store_col_date(st, 2) == e->posted_on)
	       && sqlite3_column_int64(st, 3) == e->amount
	       && strcmp(store_col_text(st, 4), ledger_kind_name(e->kind)) == 0;
	if (!same)
		diag_set(d, EXIT_DATAERR, "column 'ref': '%s' of source '%s' "
			 "was posted before as entry %lld (account %s, %s, %s %s) "
			 "with other values", diag_quote(q, sizeof q, e->ref),
			 e->source, (long long) sqlite3_column_int64(st, 0),
			 store_col_text(st, 1),
			 date_format(store_col_date(st, 2), day),
			 store_col_text(st, 4),
			 money_format(sqlite3_column_int64(st, 3), m));
	sqlite3_reset(st);
	return same ? LEDGER_ALREADY : -1;
}

/* The batch row: who, when, which program, once for all its entries. */
static int
make_batch(struct ledger_batch *b, struct diag *d)
{
	static const char sql[] = "INSERT INTO batches (at, login, program) "
		"VALUES (?, ?, ?)";
	sqlite3_stmt *st = store_stmt(b->s, sql, d);
	time_t now = time(NULL);
	char at[32];
	struct tm tm;

	if (!st)
		return -1;
	gmtime_r(&now, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	store_bind_text(st, 1, at);
	store_bind_text(st, 2, audit_login());
	store_bind_text(st, 3, store_program(b->s));
	if (store_step(b->s, st, d) < 0)
		return -1;
	b->batch = sqlite3_last_insert_rowid(store_handle(b->s));
	audit_link_batch(b->batch);
	return 0;
}

/* Defers the per-account index once the batch is big and the ledger was
 * small: see store_index_defer(). */
static int
maybe_defer_index(struct ledger_batch *b, struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(MAX(id), 0) FROM entries";
	sqlite3_stmt *st;

	if (b->index_deferred || b->posted != DEFER_INDEX_AFTER)
		return 0;
	st = store_stmt(b->s, sql, d);
	if (!st || store_step(b->s, st, d) != SQLITE_ROW)
		return -1;
	b->before = sqlite3_column_int64(st, 0) - b->posted;
	sqlite3_reset(st);
	if (b->before > DEFER_INDEX_AFTER)
		return 0;
	if (store_index_defer(b->s, "entries_by_account", d) < 0)
		return -1;
	b->index_deferred = 1;
	return 0;
}

int
ledger_batch_post(struct ledger_batch *b, const struct ledger_entry *e,
		  int64_t *id, struct diag *d)
{
	static const char sql[] = "INSERT INTO entries (account, posted_on, "
		"kind, amount, source, ref, memo, reason, reverses, batch, "
		"approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
		"ON CONFLICT (source, ref) DO NOTHING";
	struct touched *t = touch(b, e->account, d);
	sqlite3_stmt *st;
	int64_t delta, balance;

	if (!t || (!b->batch && make_batch(b, d) < 0))
		return -1;
	st = store_stmt(b->s, sql, d);
	if (!st)
		return -1;
	/* the hot path of a big file: no copies of the strings */
	store_bind_text_static(st, 1, e->account);
	store_bind_date(st, 2, e->posted_on);
	store_bind_text_static(st, 3, ledger_kind_name(e->kind));
	store_bind_int(st, 4, e->amount);
	store_bind_text_static(st, 5, e->source);
	store_bind_text_static(st, 6, e->ref);
	store_bind_text_static(st, 7, e->memo ? e->memo : "");
	store_bind_text_static(st, 8, e->reason && *e->reason ? e->reason
							     : NULL);
	if (e->reverses)
		store_bind_int(st, 9, e->reverses);
	store_bind_int(st, 10, b->batch);
	store_bind_text_static(st, 11, e->approved_by);
	if (store_step(b->s, st, d) < 0)
		return -1;
	if (sqlite3_changes(store_handle(b->s)) == 0)
		return compare_posted(b, e, d);
	if (t->last_posted_on == DATE_NONE) {
		if (b->ndirty == b->dirty_alloc)
			b->dirty = x2nrealloc(b->dirty, &b->dirty_alloc,
					      sizeof *b->dirty);
		b->dirty[b->ndirty++] = t->account;
	}
	/* the balance as stored plus this batch's entries stays within
	 * money_add's bounds, batch after batch */
	if (money_add(t->delta, e->amount, &delta) < 0
	    || money_add(t->balance, delta, &balance) < 0)
		return diag_set(d, EXIT_DATAERR, "column 'amount': the "
				"account's balance would overflow");
	t->delta = delta;
	if (t->last_posted_on == DATE_NONE || e->posted_on > t->last_posted_on)
		t->last_posted_on = e->posted_on;
	if (id)
		*id = sqlite3_last_insert_rowid(store_handle(b->s));
	b->posted++;
	if (maybe_defer_index(b, d) < 0)
		return -1;
	return LEDGER_POSTED;
}

/* A batch whose every row was posted before leaves no batch row behind. */
static int
drop_empty_batch(struct ledger_batch *b, struct diag *d)
{
	static const char sql[] = "DELETE FROM batches WHERE id = ?";
	sqlite3_stmt *st = store_stmt(b->s, sql, d);

	if (!st)
		return -1;
	store_bind_int(st, 1, b->batch);
	if (store_step(b->s, st, d) < 0)
		return -1;
	audit_link_batch(0);
	b->batch = 0;
	return 0;
}

int64_t
ledger_batch_id(struct ledger_batch *b, struct diag *d)
{
	if (!b->batch && make_batch(b, d) < 0)
		return -1;
	return b->batch;
}

int
ledger_batch_finish(struct ledger_batch *b, struct diag *d)
{
	static const char sql[] = "UPDATE accounts SET balance = balance + ?1, "
		"last_posted_on = CASE WHEN last_posted_on IS NULL "
		"OR last_posted_on < ?2 THEN ?2 ELSE last_posted_on END "
		"WHERE number = ?3";
	sqlite3_stmt *st;
	size_t i;

	if (b->index_deferred) {
		if (store_index_restore(b->s, d) < 0)
			return -1;
		b->index_deferred = 0;
	}
	if (b->batch && b->posted == 0 && drop_empty_batch(b, d) < 0)
		return -1;
	for (i = 0; i < b->ndirty; i++) {
		struct touched *t = slot_for(b, b->dirty[i]);

		st = store_stmt(b->s, sql, d);
		if (!st)
			return -1;
		store_bind_int(st, 1, t->delta);
		store_bind_date(st, 2, t->last_posted_on);
		store_bind_text(st, 3, t->account);
		if (store_step(b->s, st, d) < 0)
			return -1;
		t->balance += t->delta;
		t->delta = 0;
		t->last_posted_on = DATE_NONE;
	}
	b->ndirty = 0;
	return 0;
}

int
ledger_db_balance(struct store *s, const char *account, int asof,
		  int64_t *balance, struct diag *d)
{
	static const char fast[] = "SELECT balance, last_posted_on "
		"FROM accounts WHERE number = ?";
	static const char sum[] = "SELECT COALESCE(SUM(amount), 0) "
		"FROM entries WHERE account = ? AND posted_on <= ?";
	sqlite3_stmt *st = store_stmt(s, fast, d);
	char q[64];
	int rc, last;

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	rc = store_step(s, st, d);
	if (rc < 0)
		return -1;
	if (rc == SQLITE_DONE)
		return diag_set(d, EXIT_REFUSED, "account '%s': no such "
				"account", diag_quote(q, sizeof q, account));
	*balance = sqlite3_column_int64(st, 0);
	last = store_col_date(st, 1);
	sqlite3_reset(st);
	if (last == DATE_NONE || last <= asof)
		return 0;
	st = store_stmt(s, sum, d);
	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, asof);
	return store_int64(s, st, balance, d);
}

int
ledger_db_aging(struct store *s, const char *account, int asof,
		int due_days, struct aging *a, struct diag *d)
{
	int64_t balance;

	if (ledger_db_balance(s, account, asof, &balance, d) < 0)
		return -1;
	return ledger_db_aging_of(s, account, balance, asof, due_days, a, d);
}

int
ledger_db_aging_of(struct store *s, const char *account, int64_t balance,
		   int asof, int due_days, struct aging *a, struct diag *d)
{
	static const char sql[] = "SELECT posted_on, amount FROM entries "
		"WHERE account = ? AND posted_on <= ? AND amount > 0 "
		"ORDER BY posted_on DESC, id DESC";
	struct ledger_ager g;
	sqlite3_stmt *st;
	int rc;

	ledger_age_begin(&g, balance, asof, due_days);
	if (balance > 0) {
		st = store_stmt(s, sql, d);
		if (!st)
			return -1;
		store_bind_text(st, 1, account);
		store_bind_date(st, 2, asof);
		while ((rc = store_step(s, st, d)) == SQLITE_ROW)
			if (!ledger_age_add(&g, store_col_date(st, 0),
					    sqlite3_column_int64(st, 1)))
				break;
		sqlite3_reset(st);
		if (rc < 0)
			return -1;
	}
	ledger_age_end(&g, a);
	return 0;
}

int
ledger_db_paid(struct store *s, const char *account, int from, int to,
	       int64_t *paid, struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(-SUM(amount), 0) "
		"FROM entries WHERE account = ? AND posted_on >= ? "
		"AND posted_on <= ? AND kind = 'payment'";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	return store_int64(s, st, paid, d);
}

int
ledger_db_charges(struct store *s, const char *account, int from, int to,
		  int64_t *charges, int *months, struct diag *d)
{
	static const char sql[] = "SELECT COALESCE(SUM(amount), 0), "
		"COUNT(DISTINCT substr(posted_on, 1, 7)) FROM entries "
		"WHERE account = ? AND posted_on >= ? AND posted_on <= ? "
		"AND kind = 'charge'";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	if (store_step(s, st, d) != SQLITE_ROW)
		return -1;
	*charges = sqlite3_column_int64(st, 0);
	*months = sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	return 0;
}

int
ledger_db_last_payment(struct store *s, const char *account, int asof,
		       int *paid_on, int64_t *amount, struct diag *d)
{
	/* a payment, not a reversal, and not reversed by asof (a returned
	 * check is no payment) */
	static const char sql[] = "SELECT e.posted_on, e.amount FROM entries e "
		"WHERE e.account = ?1 AND e.posted_on <= ?2 "
		"AND e.kind = 'payment' AND e.reverses IS NULL "
		"AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses = e.id "
		"AND r.posted_on <= ?2) "
		"ORDER BY e.posted_on DESC, e.id DESC LIMIT 1";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, asof);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	*paid_on = store_col_date(st, 0);
	*amount = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return 1;
}

int
ledger_db_history(struct store *s, const char *account, int asof,
		  int (*fn)(const struct ledger_row *, void *), void *arg,
		  struct diag *d)
{
	static const char sql[] = "SELECT e.id, e.posted_on, e.kind, e.amount, "
		"e.source, e.ref, e.memo, e.reason, e.reverses, e.approved_by, "
		"r.id FROM entries e LEFT JOIN entries r ON r.reverses = e.id "
		"WHERE e.account = ? AND e.posted_on <= ? "
		"ORDER BY e.posted_on, e.id";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct ledger_row r;
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, account);
	store_bind_date(st, 2, asof);
	memset(&r, 0, sizeof r);
	r.account = account;
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		r.posted_on = store_col_date(st, 1);
		if (ledger_kind_parse(store_col_text(st, 2), &r.kind) < 0)
			r.kind = LEDGER_ADJUSTMENT;
		r.amount = sqlite3_column_int64(st, 3);
		r.balance += r.amount;
		r.source = store_col_text(st, 4);
		r.ref = store_col_text(st, 5);
		r.memo = store_col_text(st, 6);
		r.reason = store_col_text(st, 7);
		r.reverses = sqlite3_column_int64(st, 8);
		r.approved_by = store_col_text(st, 9);
		r.reversed_by = sqlite3_column_int64(st, 10);
		if (fn(&r, arg) < 0) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc < 0 ? -1 : 0;
}

int
ledger_db_by_ref(struct store *s, const char *source, const char *ref,
		 int64_t *id, struct diag *d)
{
	static const char sql[] = "SELECT id FROM entries "
		"WHERE source = ? AND ref = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, source);
	store_bind_text(st, 2, ref);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 1;
}

int
ledger_db_entry(struct store *s, int64_t id, struct ledger_stored *e,
		struct diag *d)
{
	static const char sql[] = "SELECT e.account, e.posted_on, e.kind, "
		"e.amount, e.source, e.ref, e.memo, e.reason, e.reverses, "
		"e.approved_by, r.id FROM entries e "
		"LEFT JOIN entries r ON r.reverses = e.id WHERE e.id = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	struct ledger_row *r = &e->row;
	int rc;

	if (!st)
		return -1;
	store_bind_int(st, 1, id);
	rc = store_row(s, st, d);
	if (rc <= 0)
		return rc;
	memset(e, 0, sizeof *e);
	r->id = id;
	store_col_copy(st, 0, e->account, sizeof e->account);
	r->posted_on = store_col_date(st, 1);
	if (ledger_kind_parse(store_col_text(st, 2), &r->kind) < 0)
		r->kind = LEDGER_ADJUSTMENT;
	r->amount = sqlite3_column_int64(st, 3);
	store_col_copy(st, 4, e->source, sizeof e->source);
	store_col_copy(st, 5, e->ref, sizeof e->ref);
	store_col_copy(st, 6, e->memo, sizeof e->memo);
	store_col_copy(st, 7, e->reason, sizeof e->reason);
	r->reverses = sqlite3_column_int64(st, 8);
	store_col_copy(st, 9, e->approved_by, sizeof e->approved_by);
	r->reversed_by = sqlite3_column_int64(st, 10);
	sqlite3_reset(st);
	r->account = e->account;
	r->source = e->source;
	r->ref = e->ref;
	r->memo = e->memo;
	r->reason = e->reason;
	r->approved_by = e->approved_by;
	return 1;
}

int
ledger_db_check(struct store *s, void (*fault)(const char *, void *),
		void *arg, struct diag *d)
{
	static const char sql[] = "SELECT a.number, a.balance, "
		"COALESCE(e.total, 0), COALESCE(a.last_posted_on, ''), "
		"COALESCE(e.last, '') FROM accounts a LEFT JOIN "
		"(SELECT account, SUM(amount) AS total, MAX(posted_on) AS last "
		"FROM entries GROUP BY account) e ON e.account = a.number "
		"WHERE a.balance <> COALESCE(e.total, 0) "
		"OR COALESCE(a.last_posted_on, '') <> COALESCE(e.last, '') "
		"ORDER BY a.number";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	char line[256], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	int rc, faults = 0;

	if (!st)
		return -1;
	while ((rc = store_step(s, st, d)) == SQLITE_ROW) {
		snprintf(line, sizeof line, "account %s: balance %s, its "
			 "entries sum to %s (last posted '%s', entries' last "
			 "'%s')", store_col_text(st, 0),
			 money_format(sqlite3_column_int64(st, 1), m1),
			 money_format(sqlite3_column_int64(st, 2), m2),
			 store_col_text(st, 3), store_col_text(st, 4));
		fault(line, arg);
		faults++;
	}
	return rc < 0 ? -1 : faults;
}

int
ledger_db_count(struct store *s, int64_t *accounts, int64_t *entries,
		struct diag *d)
{
	static const char sql[] = "SELECT (SELECT COUNT(*) FROM accounts), "
		"(SELECT COUNT(*) FROM entries)";
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st || store_step(s, st, d) != SQLITE_ROW)
		return -1;
	*accounts = sqlite3_column_int64(st, 0);
	*entries = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return 0;
}
