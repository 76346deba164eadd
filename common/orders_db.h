/* orders_db: the orders table, and what closing an order does. */
#ifndef ACCTKIT_ORDERS_DB_H
#define ACCTKIT_ORDERS_DB_H

#include <stdint.h>

#include "cases.h"
#include "collect.h"
#include "orders.h"

struct diag;
struct store;

/* An order as stored; strings in the struct. */
struct order {
	char number[ORDER_NUMBER_MAX];
	int year;
	int64_t seq;
	char account[32], type[16], reason[64], priority[16];
	int requested_on, scheduled_for;
	char status[16], result[1024];
	int completed_on;			/* DATE_NONE until closed */
	char case_number[CASE_NUMBER_MAX];	/* "" if none */
	char note[1024], login[64];
	char service_address[256];		/* the account's, when listed */
	char notice[NOTICE_NUMBER_MAX];		/* a shut-off's notice, or "" */
	int64_t arrears;			/* a shut-off's arrears, or 0 */
};

/* Fills o->year, o->seq, o->number: the next number, no gaps. */
int orders_db_next(struct store *s, int year, struct order *o,
		   struct diag *d);
int orders_db_insert(struct store *s, const struct order *o, struct diag *d);

/* Loads order number: 1 found, 0 not, -1 error. */
int orders_db_load(struct store *s, const char *number, struct order *o,
		   struct diag *d);

/* Selection for order-list; NULL / DATE_NONE means no condition. */
struct order_filter {
	const char *type, *status, *account;
	int from, to;		/* scheduled_for within [from, to] */
};

/* Calls fn for each order that matches, by scheduled day, then service
 * address, then number (the crews' list). */
int orders_db_each(struct store *s, const struct order_filter *f,
		   int (*fn)(const struct order *o, void *arg), void *arg,
		   struct diag *d);

/* Closes order o: status completed or cancelled, result, on day; then what
 * its type does on closing: an investigation serving a case adds a note to
 * the case; a completed shut-off sets the account's status off; a
 * completed restoration sets it active and posts fee.reconnect when above
 * zero.  Each change of an account is audited.  Refuses, EXIT_REFUSED, an
 * order already closed. */
int orders_db_close(struct store *s, struct order *o, int completed,
		    const char *result, int day, struct diag *d);

/* Orders of type on day not cancelled (scheduled or done): the day's
 * capacity used. */
int orders_db_count_on(struct store *s, const char *type, int day, int *n,
		       struct diag *d);

/* Open (scheduled) orders of account. */
int orders_db_open_count(struct store *s, const char *account, int *n,
			 struct diag *d);

#endif
