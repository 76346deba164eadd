/* reason_db: the reasons table (adjustment reason codes). */
#ifndef ACCTKIT_REASON_DB_H
#define ACCTKIT_REASON_DB_H

#include <stddef.h>
#include <stdint.h>

struct diag;
struct store;

struct reason {
	const char *code, *description, *customer_text, *direction;
};

/* One stored reason, its strings in the struct. */
struct reason_stored {
	struct reason r;	/* points into the buffers below */
	char code[24], description[256], customer_text[512], direction[8];
};

/* Loads reason code: 1 found, 0 no such reason, -1 error. */
int reason_db_get(struct store *s, const char *code, struct reason_stored *r,
		  struct diag *d);

/* Whether reason code exists and allows the sign of amount (a debit
 * reason a positive amount, a credit reason a negative one): 1 yes, 0 no
 * (why says why, the code quoted), -1 a store error (d filled). */
int reason_db_check(struct store *s, const char *code, int64_t amount,
		    char *why, size_t whysize, struct diag *d);

/* Adds or replaces a reason: 1 added, 0 replaced. */
int reason_db_put(struct store *s, const struct reason *r, struct diag *d);

/* Calls fn for each reason by code; the strings live during the call. */
int reason_db_each(struct store *s,
		   int (*fn)(const struct reason *r, void *arg), void *arg,
		   struct diag *d);

/* Loads a reasons CSV (code, description, customer_text, direction). */
int reason_db_load(struct store *s, const char *path, int *added,
		   int *replaced, struct diag *d);

#endif
