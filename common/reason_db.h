/* reason_db: the reasons table (adjustment reason codes). */
#ifndef ACCTKIT_REASON_DB_H
#define ACCTKIT_REASON_DB_H

struct diag;
struct store;

struct reason {
	const char *code, *description, *customer_text, *direction;
};

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
