/* cases_db: the contacts, cases and case_notes tables. */
#ifndef ACCTKIT_CASES_DB_H
#define ACCTKIT_CASES_DB_H

#include <stdint.h>

#include "cases.h"

struct diag;
struct store;

/* A contact as stored; strings in the struct. */
struct contact {
	int64_t id;
	char account[32];
	int on_date;
	char at[32], channel[16], kind[24], note[1024], login[64];
};

/* Records c (c->at set to the UTC time now, c->id filled). */
int cases_db_add_contact(struct store *s, struct contact *c, struct diag *d);

/* Calls fn for the contacts of account from day from on, newest first. */
int cases_db_each_contact(struct store *s, const char *account, int from,
			  int (*fn)(const struct contact *c, void *arg),
			  void *arg, struct diag *d);

/* The last contact of kind (NULL: any) with account on or before day: 1
 * and *on filled, 0 none.  For the shut-off rules' contact attempt. */
int cases_db_last_contact(struct store *s, const char *account,
			  const char *kind, int day, int *on, struct diag *d);

/* A case as stored; strings in the struct. */
struct case_record {
	char number[CASE_NUMBER_MAX];
	int year;
	int64_t seq;
	char account[32], category[16], channel[16], summary[1024];
	int has_disputed;
	int64_t disputed;
	char status[24];
	int opened_on, due_on, closed_on;	/* closed_on DATE_NONE if open */
	char resolution[1024];
	int64_t adjustment;			/* entry id, or 0 */
	char login[64];
};

/* Fills c->year, c->seq and c->number with the next number of year,
 * inside the writer's transaction (no gaps). */
int cases_db_next(struct store *s, int year, struct case_record *c,
		  struct diag *d);
int cases_db_insert(struct store *s, const struct case_record *c,
		    struct diag *d);

/* Loads case number: 1 found, 0 not, -1 error. */
int cases_db_load(struct store *s, const char *number, struct case_record *c,
		  struct diag *d);

/* Adds a note to the case and sets its status (which may be the same). */
int cases_db_add_note(struct store *s, const char *number, const char *note,
		      const char *status, struct diag *d);

/* Closes the case on day with resolution, and the adjustment entry id
 * (0 for none); a note records it. */
int cases_db_close(struct store *s, const char *number, int day,
		   const char *resolution, int64_t adjustment,
		   struct diag *d);

/* Selection for case-list; NULL / 0 means no condition. */
struct case_filter {
	int open_only;		/* status not closed */
	int overdue_on;		/* DATE_NONE, or open and due before it */
	int due_by;		/* DATE_NONE, or open and due on or before it */
	const char *account, *category;
};

/* Calls fn for each case that matches f, by due date then number. */
int cases_db_each(struct store *s, const struct case_filter *f,
		  int (*fn)(const struct case_record *c, void *arg),
		  void *arg, struct diag *d);

/* Counts of account's cases not closed, and whether a billing dispute
 * holds on day (cases_dispute_holds, with hold_days): *dispute 1 and
 * *until the hold's last day (DATE_NONE while a case is open). */
int cases_db_account_state(struct store *s, const char *account, int day,
			   long hold_days, int *open_cases, int *dispute,
			   int *until, struct diag *d);

#endif
