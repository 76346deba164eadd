/* receipt_db: the receipts table; numbers without gaps. */
#ifndef ACCTKIT_RECEIPT_DB_H
#define ACCTKIT_RECEIPT_DB_H

#include "receipt.h"

struct diag;
struct store;

/* The next number of year, inside the writer's transaction (writers hold
 * the store's write lock, so two clerks never get the same number, and a
 * rolled-back batch gives its numbers back): fills r->year, r->seq and
 * r->number. */
int receipt_db_next(struct store *s, int year, struct receipt *r,
		    struct diag *d);

/* Records r (its issued_at is set to the UTC time now). */
int receipt_db_insert(struct store *s, struct receipt *r, struct diag *d);

/* Loads receipt number with its voided_by: 1 found, 0 not, -1 error. */
int receipt_db_load(struct store *s, const char *number, struct receipt *r,
		    struct diag *d);

/* The receipt of the payment entry: 1 and its number in number
 * (RECEIPT_NUMBER_MAX bytes), 0 none, -1 error. */
int receipt_db_by_entry(struct store *s, int64_t entry, char *number,
			struct diag *d);

#endif
