/* held_db: the held table: adjustments held for a supervisor's approval. */
#ifndef ACCTKIT_HELD_DB_H
#define ACCTKIT_HELD_DB_H

#include "held.h"

struct diag;
struct store;

/* Numbers h in the series of the year of h->posted_on and inserts it,
 * pending, with the user's login and the UTC time (both written into h);
 * the next audit line names it.  Inside the writer's transaction. */
int held_db_insert(struct store *s, struct held *h, struct diag *d);

/* Loads number into h: 1 found, 0 no such held adjustment, -1 error. */
int held_db_load(struct store *s, const char *number, struct held *h,
		 struct diag *d);

/* Records the decision on h, pending in the store: h->status (approved or
 * rejected), h->entry (the posted entry, for an approval) and h->note, with
 * the user's login and the UTC time (both written into h); the next audit
 * line names it.  The store's triggers refuse any other change. */
int held_db_decide(struct store *s, struct held *h, struct diag *d);

/* Calls fn for each held adjustment of status, by number; fn returns 0 to
 * go on, -1 to stop (and each returns -1). */
int held_db_each(struct store *s, enum held_status status,
		 int (*fn)(const struct held *h, void *arg), void *arg,
		 struct diag *d);

#endif
