/* policy: the business rules' numbers, their defaults, sources and checks.
 * The values live in the store (policy_db); this is the catalogue. */
#ifndef ACCTKIT_POLICY_H
#define ACCTKIT_POLICY_H

#include <stddef.h>
#include <stdint.h>

enum policy_type {
	POLICY_DAYS,		/* a whole number of days, 0-3660 */
	POLICY_COUNT,		/* a whole number, 0-100000 */
	POLICY_PERCENT,		/* 0-100 */
	POLICY_MONEY,		/* an amount, not negative */
	POLICY_WEEKDAYS,	/* a list such as mon,tue,wed,thu */
	POLICY_YESNO,
	POLICY_MONTHDAY,	/* MM-DD */
	POLICY_MONTHDAY_RANGE	/* MM-DD..MM-DD, may wrap the year */
};

struct policy_key {
	const char *key, *value;	/* the default */
	enum policy_type type;
	const char *meaning, *source;
};

/* The catalogue, ended by a NULL key. */
extern const struct policy_key policy_keys[];

const struct policy_key *policy_find(const char *key);

/* Checks value for key; -1 with the reason in why. */
int policy_check(const struct policy_key *k, const char *value, char *why,
		 size_t whysize);

#endif
