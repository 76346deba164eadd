/* cert_db: the certificates table, and the facts of good standing
 * (cert.h) read from the store. */
#ifndef ACCTKIT_CERT_DB_H
#define ACCTKIT_CERT_DB_H

#include <stdint.h>

#include "cert.h"
#include "collect_db.h"
#include "orders.h"

struct diag;
struct store;

/* Reads cert.valid_days and cert.fee. */
int cert_db_policy(struct store *s, struct cert_policy *p, struct diag *d);

/* An account and its facts of good standing as of asof: collect_db_state
 * (p: the collections policy, for the aging and the dispute hold) and the
 * shut-off order scheduled for it, if any.  The strings of f point into
 * the struct.  Release with cert_state_release(). */
struct cert_state {
	struct collect_state c;
	struct cert_facts f;
	char order[ORDER_NUMBER_MAX];
};
#define CERT_STATE_INIT { COLLECT_STATE_INIT, CERT_FACTS_INIT, "" }
void cert_state_release(struct cert_state *cs);

/* 1 found, 0 no such account, -1 error. */
int cert_db_state(struct store *s, const char *account, int asof,
		  const struct collect_policy *p, struct cert_state *cs,
		  struct diag *d);

/* A certificate as stored; strings in the struct. */
struct cert {
	char number[CERT_NUMBER_MAX];
	int year;
	int64_t seq;
	char account[32];
	char code[CERT_CODE_MAX];
	int issued_on;			/* the business date */
	int as_of, valid_until;
	int64_t balance;		/* certified, cents */
	int64_t fee_entry;		/* the fee's entry, or 0 */
	int voided;			/* status void */
	int voided_on;			/* DATE_NONE unless voided */
	char void_reason[256];
	char login[64], at[32];
};

/* Fills c->year, c->seq, c->number (the next number of year, no gaps:
 * inside the writer's transaction) and c->code, a fresh random code read
 * from the system's random source (EXIT_REFUSED if it cannot be read). */
int cert_db_new(struct store *s, int year, struct cert *c, struct diag *d);

/* Inserts c, valid, with the login and the UTC time (set in c). */
int cert_db_insert(struct store *s, struct cert *c, struct diag *d);

/* Loads certificate number: 1 found, 0 not, -1 error. */
int cert_db_load(struct store *s, const char *number, struct cert *c,
		 struct diag *d);

/* Marks certificate number void on day for reason (audited by the
 * caller): 1 voided, 0 it was not valid (unknown or void already). */
int cert_db_void(struct store *s, const char *number, int day,
		 const char *reason, struct diag *d);

#endif
