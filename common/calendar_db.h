/* calendar_db: the holidays table. */
#ifndef ACCTKIT_CALENDAR_DB_H
#define ACCTKIT_CALENDAR_DB_H

#include "date.h"

struct diag;
struct store;

/* Loads every holiday into h (released first; free h->days). */
int calendar_db_holidays(struct store *s, struct holidays *h, struct diag *d);

/* Adds or renames a holiday: 1 added, 0 already there (name updated). */
int calendar_db_add(struct store *s, int day, const char *name,
		    struct diag *d);

/* Calls fn for each holiday in [from, to] in date order. */
int calendar_db_each(struct store *s, int from, int to,
		     int (*fn)(int day, const char *name, void *arg),
		     void *arg, struct diag *d);

#endif
