/* held: adjustments held for a supervisor's approval: their numbers,
 * statuses, and whether one may still be decided. */
#ifndef ACCTKIT_HELD_H
#define ACCTKIT_HELD_H

#include <stddef.h>
#include <stdint.h>

#define HELD_NUMBER_MAX 16

enum held_status { HELD_PENDING, HELD_APPROVED, HELD_REJECTED };

/* A held adjustment as stored; strings in the struct. */
struct held {
	char number[HELD_NUMBER_MAX];
	int year;
	int64_t seq;
	char account[32];
	int64_t amount;		/* cents, signed as it will post */
	char reason[24], memo[512];
	int posted_on;		/* the date the adjustment is for */
	char requested_by[64], requested_at[32];
	enum held_status status;
	char decided_by[64], decided_at[32];
	char note[512];		/* a rejection's reason */
	int64_t entry;		/* the entry posted once approved, or 0 */
};

/* H2026-000123: the year and the held adjustment's place in it, from 1.
 * Returns buf (HELD_NUMBER_MAX bytes). */
char *held_number(int year, int64_t seq, char *buf);

/* Parses a held adjustment's number; -1 with the reason in why. */
int held_number_parse(const char *s, int *year, int64_t *seq, char *why,
		      size_t whysize);

/* "pending", "approved", "rejected"; parse gives -1 for anything else. */
const char *held_status_name(enum held_status status);
int held_status_parse(const char *s, enum held_status *status);

/* Whether h may still be approved or rejected (it is pending): 0, or -1
 * with why ("approved already by boss at 2026-11-27T10:00:00Z"). */
int held_decidable(const struct held *h, char *why, size_t whysize);

#endif
