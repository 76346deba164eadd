/* plan_db: the plans and installments tables. */
#ifndef ACCTKIT_PLAN_DB_H
#define ACCTKIT_PLAN_DB_H

#include <stddef.h>
#include <stdint.h>

#include "agreement.h"
#include "plan.h"

struct diag;
struct store;

#define PLAN_NUMBER_MAX 16

/* An agreement as stored; strings in the struct. */
struct plan_record {
	char number[PLAN_NUMBER_MAX];	/* P2026-000001 */
	int year;
	int64_t seq;
	char account[32];
	int agreed_on;
	int64_t amount, down, down_cap;
	int offered, count;
	enum plan_every every;
	int64_t rate;
	enum agreement_status status;
	int status_on;			/* DATE_NONE until it changes */
	char reason[256];
	char login[64], made_at[32];
};

/* The next number of year, inside the writer's transaction, as receipts. */
int plan_db_next(struct store *s, int year, struct plan_record *p,
		 struct diag *d);

/* Records p (made_at set now) and its schedule rows. */
int plan_db_insert(struct store *s, struct plan_record *p,
		   const struct plan_row *rows, size_t nrows, struct diag *d);

/* Loads plan number: 1 found, 0 not, -1 error. */
int plan_db_load(struct store *s, const char *number, struct plan_record *p,
		 struct diag *d);

/* The number of the agreement in force for account: 1 (number filled), 0
 * none, -1 error. */
int plan_db_in_force(struct store *s, const char *account, char *number,
		     struct diag *d);

/* The agreement in force for account and its next installment not yet
 * met (the amount still to pay of it): 1 found (due_on DATE_NONE when every
 * installment is met), 0 no agreement in force, -1 error. */
int plan_db_next_due(struct store *s, const char *account, char *number,
		     int *due_on, int64_t *amount, struct diag *d);

/* The installments of plan number, by seq; *inst allocated, the caller
 * frees it. */
int plan_db_installments(struct store *s, const char *number,
			 struct installment **inst, size_t *n,
			 struct diag *d);

/* Saves what plan-check worked out for one installment. */
int plan_db_set_installment(struct store *s, const char *number,
			    const struct installment *t, struct diag *d);

/* Sets the agreement's status, the day it changed and a reason (may be
 * ""). */
int plan_db_set_status(struct store *s, const char *number,
		       enum agreement_status st, int on, const char *reason,
		       struct diag *d);

/* Calls fn with the number of each agreement in force, by number. */
int plan_db_each_in_force(struct store *s,
			  int (*fn)(const char *number, void *arg), void *arg,
			  struct diag *d);

#endif
