/* policy_db: the policy table. */
#ifndef ACCTKIT_POLICY_DB_H
#define ACCTKIT_POLICY_DB_H

#include <stdint.h>

struct diag;
struct store;

/* The value of key into buf: 0, or -1 (unknown key, error). */
int policy_db_get(struct store *s, const char *key, char *buf, size_t size,
		  struct diag *d);
int policy_db_get_int(struct store *s, const char *key, long *n,
		      struct diag *d);
int policy_db_get_money(struct store *s, const char *key, int64_t *cents,
			struct diag *d);

/* Checks and sets key (audited by the caller); writes the old value into
 * old. */
int policy_db_set(struct store *s, const char *key, const char *value,
		  char *old, size_t oldsize, struct diag *d);

/* Calls fn for each key in the store, in key order. */
int policy_db_each(struct store *s,
		   int (*fn)(const char *key, const char *value, void *arg),
		   void *arg, struct diag *d);

/* Inserts every default of the catalogue that the store lacks. */
int policy_db_seed(struct store *s, struct diag *d);

#endif
