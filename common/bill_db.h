/* bill_db: the bills table, and what a bill reads of the ledger: the last
 * bill of an account, the entries it covers, the deposit held. */
#ifndef ACCTKIT_BILL_DB_H
#define ACCTKIT_BILL_DB_H

#include <stddef.h>
#include <stdint.h>

#include "bill.h"

struct diag;
struct store;

/* The next number of year, inside the writer's transaction (as receipts:
 * no gaps, and a rolled-back run gives its numbers back): fills b->year,
 * b->seq and b->number. */
int bill_db_next(struct store *s, int year, struct bill *b, struct diag *d);

/* Records b, its at set now (UTC) and its login the user's. */
int bill_db_insert(struct store *s, struct bill *b, struct diag *d);

/* The account's last bill (the latest issued_on, then the highest
 * number): 1 found, 0 none, -1 error. */
int bill_db_last(struct store *s, const char *account, struct bill *b,
		 struct diag *d);

/* The day of the account's first entry on or before asof; DATE_NONE for
 * none. */
int bill_db_first_entry(struct store *s, const char *account, int asof,
			int *day, struct diag *d);

/* The deposit held: the sum of the account's deposit entries posted on or
 * before asof. */
int bill_db_deposit_held(struct store *s, const char *account, int asof,
			 int64_t *held, struct diag *d);

/* The account's highest entry id (0 for none): a bill's last_entry. */
int bill_db_last_entry(struct store *s, const char *account, int64_t *id,
		       struct diag *d);

/* The lines of a bill of account issued on to: its entries posted on or
 * before to that c does not cover (bill_covered), by date, then in the
 * order posted.  *lines allocated (the caller frees it). */
int bill_db_lines(struct store *s, const char *account,
		  const struct bill_cover *c, int to,
		  struct bill_line **lines, size_t *n, struct diag *d);

#endif
