#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk.h"
#include "diag.h"
#include "money.h"

void
clerk_release(struct clerk *c)
{
	free(c->login);
	free(c->name);
	c->login = c->name = NULL;
	c->supervisor = 0;
	c->limit = -1;
}

int
clerk_role_parse(const char *s, int *supervisor)
{
	if (strcmp(s, "clerk") == 0)
		*supervisor = 0;
	else if (strcmp(s, "supervisor") == 0)
		*supervisor = 1;
	else
		return -1;
	return 0;
}

const char *
clerk_role_name(int supervisor)
{
	return supervisor ? "supervisor" : "clerk";
}

int
clerk_may_post(const struct clerk *who, const struct clerk *approver,
	       int64_t amount, int64_t default_limit, int *needed, char *why,
	       size_t whysize)
{
	int64_t limit = who->limit >= 0 ? who->limit : default_limit;
	int64_t size = amount < 0 ? -amount : amount;
	char a[MONEY_BUFSZ], l[MONEY_BUFSZ], q[64];

	*needed = 0;
	if (size <= limit || who->supervisor)
		return 0;
	*needed = 1;
	if (approver && approver->supervisor
	    && strcmp(approver->login, who->login) != 0)
		return 0;
	money_format(size, a);
	money_format(limit, l);
	if (!approver)
		snprintf(why, whysize, "%s is over %s's limit of %s: a "
			 "supervisor must post it or approve it "
			 "(--approved-by)", a, who->login, l);
	else if (strcmp(approver->login, who->login) == 0)
		snprintf(why, whysize, "%s is over %s's limit of %s, and no "
			 "one approves their own adjustment", a, who->login, l);
	else
		snprintf(why, whysize, "%s is over %s's limit of %s, and %s "
			 "is not a supervisor", a, who->login, l,
			 diag_quote(q, sizeof q, approver->login));
	return -1;
}

int64_t
clerk_limit(const struct clerk *who, int64_t default_limit)
{
	return who->limit >= 0 ? who->limit : default_limit;
}

int
clerk_may_approve(const struct clerk *approver, const char *requester,
		  char *why, size_t whysize)
{
	int not_supervisor = !approver->supervisor;
	int own = strcmp(approver->login, requester) == 0;
	char q[64];

	if (!not_supervisor && !own)
		return 0;
	/* every reason, so that a refusal need not be met one at a time */
	diag_quote(q, sizeof q, approver->login);
	snprintf(why, whysize, "%s%s%s%s", not_supervisor ? q : "",
		 not_supervisor ? " is not a supervisor" : "",
		 not_supervisor && own ? "; " : "",
		 own ? "no one approves their own adjustment" : "");
	return -1;
}
