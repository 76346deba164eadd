/* clerk: who may post what alone: roles and adjustment limits. */
#ifndef ACCTKIT_CLERK_H
#define ACCTKIT_CLERK_H

#include <stddef.h>
#include <stdint.h>

/* A login's role and limit; an unregistered login is a clerk with the
 * default limit (policy adjust.clerk_limit).  Strings owned by the struct,
 * freed by clerk_release(). */
struct clerk {
	char *login, *name;
	int supervisor;		/* 1 for the role supervisor */
	int64_t limit;		/* cents; -1: the default limit */
};
#define CLERK_INIT { NULL, NULL, 0, -1 }
void clerk_release(struct clerk *c);

/* "clerk" or "supervisor"; -1 for anything else. */
int clerk_role_parse(const char *s, int *supervisor);
const char *clerk_role_name(int supervisor);

/* The approval rule for posting amount (an adjustment or a reversal, either
 * sign) by who, with approver the supervisor named by --approved-by (NULL if
 * none): allowed if |amount| is within who's limit (default_limit when who
 * has none), or who is a supervisor, or approver is a supervisor other than
 * who.  0 allowed (*needed set to 1 when an approval was what allowed it),
 * -1 refused with every reason in why. */
int clerk_may_post(const struct clerk *who, const struct clerk *approver,
		   int64_t amount, int64_t default_limit, int *needed,
		   char *why, size_t whysize);

/* who's limit: its own, or default_limit when it has none. */
int64_t clerk_limit(const struct clerk *who, int64_t default_limit);

/* The rule for approving, as approver, an adjustment held for requester:
 * approver must be a supervisor and not the requester.  Any amount, as a
 * supervisor posts any amount alone and approves any with --approved-by:
 * a supervisor's own limit binds nothing.  0 allowed, -1 refused with
 * every reason in why, joined by "; ". */
int clerk_may_approve(const struct clerk *approver, const char *requester,
		      char *why, size_t whysize);

#endif
