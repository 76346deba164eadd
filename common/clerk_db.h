/* clerk_db: the clerks table. */
#ifndef ACCTKIT_CLERK_DB_H
#define ACCTKIT_CLERK_DB_H

#include "clerk.h"

struct diag;
struct store;

/* Loads login into c (released first); a login not in the table is a clerk
 * with the default limit.  1 registered, 0 not, -1 error. */
int clerk_db_get(struct store *s, const char *login, struct clerk *c,
		 struct diag *d);

/* Adds or replaces c: 1 added, 0 replaced. */
int clerk_db_put(struct store *s, const struct clerk *c, struct diag *d);

/* Calls fn for each registered clerk by login. */
int clerk_db_each(struct store *s,
		  int (*fn)(const struct clerk *c, void *arg), void *arg,
		  struct diag *d);

/* Whether login may change what approval rests on (clerks, roles, limits,
 * policy): a supervisor may; anyone may while the store has no supervisor
 * yet, so that the first one can be made.  0 and *may set, -1 error. */
int clerk_db_may_administer(struct store *s, const char *login, int *may,
			    struct diag *d);

#endif
