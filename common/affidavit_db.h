/* affidavit_db: the affidavits and affidavit_fields tables. */
#ifndef ACCTKIT_AFFIDAVIT_DB_H
#define ACCTKIT_AFFIDAVIT_DB_H

#include <stdint.h>

#include "account.h"
#include "affidavit.h"

struct diag;
struct store;

/* An affidavit as stored; dates are DATE_NONE where the store has NULL. */
struct affidavit_record {
	char number[AFFIDAVIT_NUMBER_MAX];
	int year;
	int64_t seq;
	char account[ACCOUNT_NUMBER_MAX + 1];
	enum affidavit_kind kind;
	enum affidavit_status status;
	int prepared_on, received_on;
	int effective_on, end_on;	/* what it attests holds from, until */
	char login[64];
};

/* Gives r the next number of year (r->year, r->seq, r->number), inside the
 * writer's transaction: numbers have no gaps, and a rollback gives the
 * number back. */
int affidavit_db_next(struct store *s, int year, struct affidavit_record *r,
		      struct diag *d);

/* Records r, status prepared, with every field of f (all filled: see
 * affidavit_form_fill), the login of the user and the UTC time. */
int affidavit_db_insert(struct store *s, const struct affidavit_record *r,
			const struct affidavit_form *f, struct diag *d);

/* Loads affidavit number into r: 1 found, 0 not, -1 error. */
int affidavit_db_load(struct store *s, const char *number,
		      struct affidavit_record *r, struct diag *d);

/* Saves r's status, received_on, effective_on and end_on; the fields of
 * an affidavit never change. */
int affidavit_db_update(struct store *s, const struct affidavit_record *r,
			struct diag *d);

/* The medical certifications of account received on or before upto and
 * after the day of its last payment on or before upto (a payment neither
 * reversed nor a reversal), into *count: those a new one received on upto
 * renews without a payment between. */
int affidavit_db_medical_since_payment(struct store *s, const char *account,
				       int upto, long *count, struct diag *d);

#endif
