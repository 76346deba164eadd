/* account: a customer account as a plain struct, and the rules of its
 * fields. */
#ifndef ACCTKIT_ACCOUNT_H
#define ACCTKIT_ACCOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

#define ACCOUNT_NUMBER_MAX 20

/* Strings are owned by the struct (malloc'd) and freed by account_release();
 * dates are day numbers, DATE_NONE (date.h) for none; flags are 0 or 1. */
struct account {
	char *number, *name, *service_address, *mailing_address;
	char *phone, *email, *rate_class, *status;
	int opened_on, closed_on, medical_until;
	int heat, life_support, ebd;
	int64_t balance;	/* materialized: the sum of all its entries */
};
#define ACCOUNT_INIT { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
		       DATE_NONE, DATE_NONE, DATE_NONE, 0, 0, 0, 0 }
void account_release(struct account *a);

/* An account number: 1 to ACCOUNT_NUMBER_MAX letters, digits or '-'.
 * -1 with the reason in why. */
int account_number_check(const char *s, char *why, size_t whysize);

/* A status: active, off (shut off), final (final bill sent), closed. */
int account_status_check(const char *s, char *why, size_t whysize);

/* A rate class: 1 to 20 letters, digits, '-' or '_'. */
int account_rate_class_check(const char *s, char *why, size_t whysize);

/* "yes" or "no" (also "y", "n", "1", "0", "true", "false"). */
int account_flag_parse(const char *s, int *flag, char *why, size_t whysize);

/* A free-text field (name, address, phone, email): valid UTF-8 already
 * checked by the reader; refuses control characters and more than 200
 * bytes. */
int account_text_check(const char *s, char *why, size_t whysize);

/* The fields an import or an edit can set, by their CSV column names. */
enum account_field {
	ACCOUNT_NAME, ACCOUNT_SERVICE_ADDRESS, ACCOUNT_MAILING_ADDRESS,
	ACCOUNT_PHONE, ACCOUNT_EMAIL, ACCOUNT_RATE_CLASS, ACCOUNT_STATUS,
	ACCOUNT_OPENED_ON, ACCOUNT_HEAT, ACCOUNT_LIFE_SUPPORT, ACCOUNT_EBD,
	ACCOUNT_MEDICAL_UNTIL, ACCOUNT_NFIELDS
};
const char *account_field_name(enum account_field f);	/* "service_address" */

/* Checks value for field f and sets it in a (an empty date or "none" clears
 * a date).  -1 with the reason in why, a left unchanged. */
int account_set(struct account *a, enum account_field f, const char *value,
		char *why, size_t whysize);

/* The field's value as text ("yes"/"no", a date or ""), into buf. */
const char *account_get(const struct account *a, enum account_field f,
			char *buf, size_t size);

/* Writes what differs from old to new ("name 'A' -> 'B'; heat 'no' ->
 * 'yes'") into buf; returns the number of fields that differ. */
int account_diff(const struct account *old, const struct account *new,
		 char *buf, size_t size);

/* A deep copy of src into dst (released first). */
void account_copy(struct account *dst, const struct account *src);

#endif
