/* collect_db: the notices table, and the facts the collections rules judge
 * (collect.h), read from the store. */
#ifndef ACCTKIT_COLLECT_DB_H
#define ACCTKIT_COLLECT_DB_H

#include <stdint.h>

#include "account.h"
#include "collect.h"

struct diag;
struct store;

/* Reads every policy key the rules use. */
int collect_db_policy(struct store *s, struct collect_policy *p,
		      struct diag *d);

/* An account and what the rules need to know of it as of asof (the
 * business date).  The strings of facts point into the struct. */
struct collect_state {
	struct account a;
	struct collect_facts f;
	char agreement[16], notice[NOTICE_NUMBER_MAX];
	int64_t notice_arrears;		/* the arrears the notice named */
	int agreed_on;			/* the agreement's date */
	int64_t down;			/* its down payment */
};
#define COLLECT_STATE_INIT { ACCOUNT_INIT, COLLECT_FACTS_INIT, "", "", 0, \
			     DATE_NONE, 0 }
void collect_state_release(struct collect_state *c);

/* Loads account's state: 1 found, 0 no such account, -1 error. */
int collect_db_state(struct store *s, const char *account, int asof,
		     const struct collect_policy *p, struct collect_state *c,
		     struct diag *d);

/* Whether the down payment of c's agreement is paid by asof (payments
 * from the agreement's date on, net of reversals). */
int collect_db_down_paid(struct store *s, const struct collect_state *c,
			 int asof, int *paid, struct diag *d);

/* A notice as stored. */
struct notice {
	char number[NOTICE_NUMBER_MAX];
	int year;
	int64_t seq;
	char account[32];
	int served_on, earliest_shutoff, expires_on;
	int64_t arrears, balance;
	char login[64];
};

/* Fills n->year, n->seq, n->number: the next number of year, no gaps. */
int collect_db_notice_next(struct store *s, int year, struct notice *n,
			   struct diag *d);
int collect_db_notice_insert(struct store *s, const struct notice *n,
			     struct diag *d);

/* Calls fn with each account that is active, has a notice served on or
 * before asof whose expiry is on or after from, and no scheduled shut-off
 * order: the shut-off candidates, by account number. */
int collect_db_each_noticed(struct store *s, int asof, int from,
			    int (*fn)(const char *account, void *arg),
			    void *arg, struct diag *d);

/* Calls fn with each account that is off (shut off) and has no scheduled
 * restoration order, by account number. */
int collect_db_each_off(struct store *s,
			int (*fn)(const char *account, void *arg), void *arg,
			struct diag *d);

/* Sets account's status (audited by the caller); the old one into old. */
int collect_db_set_status(struct store *s, const char *account,
			  const char *status, char *old, size_t oldsize,
			  struct diag *d);

#endif
