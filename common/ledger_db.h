/* ledger_db: the entries table: posting, balances, aging and history. */
#ifndef ACCTKIT_LEDGER_DB_H
#define ACCTKIT_LEDGER_DB_H

#include <stdint.h>
#include "ledger.h"

struct diag;
struct store;

/* One entry to post.  Strings belong to the caller; memo, reason and
 * approved_by may be NULL; reverses is 0 or the id of the entry this one
 * reverses. */
struct ledger_entry {
	const char *account;
	int posted_on;
	enum ledger_kind kind;
	int64_t amount;		/* signed as stored (ledger_signed_amount) */
	const char *source, *ref, *memo, *reason;
	int64_t reverses;
	const char *approved_by;	/* the supervisor who approved it */
	int dated_by_program;	/* posted_on is the business date, not the
				 * input's: a later re-post of the same
				 * (source, ref) on another day is the same
				 * posting */
};

/* A batch of postings inside one transaction.  Balances are kept per account
 * in memory and written at ledger_batch_finish(), which must run before the
 * commit and before reading a balance the batch changed; it costs one update
 * an account posted to since the last call.  Free with ledger_batch_free(). */
struct ledger_batch;
struct ledger_batch *ledger_batch_new(struct store *s);

enum { LEDGER_POSTED = 1, LEDGER_ALREADY = 0 };
/* Posts e: LEDGER_POSTED (and *id if not NULL), LEDGER_ALREADY when (source,
 * ref) is already in the store with the same account, date (unless
 * dated_by_program), kind and amount (the memo may differ), -1
 * and d filled otherwise ("column 'account': '9999': no such account",
 * EXIT_DATAERR; a reference posted before with other values, EXIT_DATAERR). */
int ledger_batch_post(struct ledger_batch *b, const struct ledger_entry *e,
		      int64_t *id, struct diag *d);
int ledger_batch_finish(struct ledger_batch *b, struct diag *d);

/* The batch's number (batches.id), made now if no entry was posted yet:
 * programs use it to make references unique to their run. */
int64_t ledger_batch_id(struct ledger_batch *b, struct diag *d);
void ledger_batch_free(struct ledger_batch *b);

/* The balance of account as of asof (entries posted on or before it). */
int ledger_db_balance(struct store *s, const char *account, int asof,
		      int64_t *balance, struct diag *d);

/* Balance and aging of account as of asof. */
int ledger_db_aging(struct store *s, const char *account, int asof,
		    int due_days, struct aging *a, struct diag *d);

/* The same for a caller who has the balance as of asof already (a list of
 * accounts read with their balances): no second read of it. */
int ledger_db_aging_of(struct store *s, const char *account, int64_t balance,
		       int asof, int due_days, struct aging *a,
		       struct diag *d);

/* Payments net of their reversals (voids, returned checks) posted from
 * from to to, as a positive amount paid. */
int ledger_db_paid(struct store *s, const char *account, int from, int to,
		   int64_t *paid, struct diag *d);

/* The charges posted from from to to, and the number of months in which
 * there were any (for an average monthly bill). */
int ledger_db_charges(struct store *s, const char *account, int from, int to,
		      int64_t *charges, int *months, struct diag *d);

/* The last payment on or before asof, neither a reversal nor reversed by
 * asof: 1 found, 0 none, -1 error. */
int ledger_db_last_payment(struct store *s, const char *account, int asof,
			   int *paid_on, int64_t *amount, struct diag *d);

/* A row of history, valid during the callback. */
struct ledger_row {
	int64_t id;
	const char *account;
	int posted_on;
	enum ledger_kind kind;
	int64_t amount, balance;	/* balance: running, after this entry */
	const char *source, *ref, *memo, *reason;
	int64_t reverses;
	const char *approved_by;
	int64_t reversed_by;	/* the entry that reverses this one, or 0 */
};

/* One stored entry, its strings in the struct. */
struct ledger_stored {
	struct ledger_row row;	/* strings point into the buffers below */
	char account[32], source[72], ref[72], memo[512], reason[24];
	char approved_by[64];
};

/* The entry posted under (source, ref), which names at most one: 1 and its
 * id in *id, 0 none, -1 error.  For a caller that must know, before it
 * posts, what a reference was used for (ledger_batch_post() only says
 * whether it matched). */
int ledger_db_by_ref(struct store *s, const char *source, const char *ref,
		     int64_t *id, struct diag *d);

/* Loads entry id: 1 found, 0 no such entry, -1 error. */
int ledger_db_entry(struct store *s, int64_t id, struct ledger_stored *e,
		    struct diag *d);
/* Calls fn for each entry of account posted on or before asof, oldest first;
 * fn returns 0 to go on, -1 to stop (and history returns -1). */
int ledger_db_history(struct store *s, const char *account, int asof,
		      int (*fn)(const struct ledger_row *, void *), void *arg,
		      struct diag *d);

/* Checks that every account's materialized balance equals the sum of its
 * entries; calls fault() with a line of text for each difference.  Returns
 * the number of faults, -1 on error. */
int ledger_db_check(struct store *s, void (*fault)(const char *, void *),
		    void *arg, struct diag *d);

/* How many accounts and entries the store holds (what acct-db restore says
 * it restored).  The tables are those of schema version 1, so a store of
 * any version is counted. */
int ledger_db_count(struct store *s, int64_t *accounts, int64_t *entries,
		    struct diag *d);

#endif
