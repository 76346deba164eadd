/* account_db: the accounts table. */
#ifndef ACCTKIT_ACCOUNT_DB_H
#define ACCTKIT_ACCOUNT_DB_H

#include "account.h"

struct diag;
struct store;

/* Loads account number into *a (released first): 1 found, 0 not, -1 error. */
int account_db_load(struct store *s, const char *number, struct account *a,
		    struct diag *d);

/* Inserts a new account (balance zero) or saves every field of an existing
 * one (never the balance). */
int account_db_insert(struct store *s, const struct account *a, struct diag *d);
int account_db_update(struct store *s, const struct account *a, struct diag *d);

/* Selection for acct-list: NULL / -1 means no condition. */
struct account_filter {
	const char *status, *rate_class;
	int flag_heat, flag_life_support, flag_ebd, flag_medical; /* 1 = required */
	int asof;		/* medical certificate valid on this day */
	int64_t min_balance;	/* INT64_MIN: none */
};

/* Calls fn for every account that matches f, by number; the struct lives
 * during the call.  *exact says whether a->balance is the balance as of
 * f->asof (no entry posted after it), so the caller may skip the sum. */
int account_db_each(struct store *s, const struct account_filter *f,
		    int (*fn)(const struct account *a, int exact, void *arg),
		    void *arg, struct diag *d);

#endif
