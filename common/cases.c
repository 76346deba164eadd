#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cases.h"
#include "date.h"
#include "diag.h"

int
cases_channel_check(const char *s, char *why, size_t whysize)
{
	static const char *const words[] = { "phone", "in-person", "mail",
		"email", "field", NULL };

	return diag_word_check(s, words, why, whysize);
}

int
cases_contact_kind_check(const char *s, char *why, size_t whysize)
{
	static const char *const words[] = { "inquiry", "complaint",
		"contact-attempt", "other", NULL };

	return diag_word_check(s, words, why, whysize);
}

int
cases_category_check(const char *s, char *why, size_t whysize)
{
	static const char *const words[] = { "billing", "service", "meter",
		"shutoff", "other", NULL };

	return diag_word_check(s, words, why, whysize);
}

int
cases_status_check(const char *s, char *why, size_t whysize)
{
	static const char *const words[] = { "open", "investigating",
		"waiting-customer", NULL };

	return diag_word_check(s, words, why, whysize);
}

const char *
cases_sla_key(const char *category)
{
	if (strcmp(category, "billing") == 0)
		return "case.sla_days.billing";
	/* a meter complaint is about the service the meter measures */
	if (strcmp(category, "service") == 0 || strcmp(category, "meter") == 0)
		return "case.sla_days.service";
	if (strcmp(category, "shutoff") == 0)
		return "case.sla_days.shutoff";
	return "case.sla_days.other";
}

char *
cases_number(int year, int64_t seq, char *buf)
{
	snprintf(buf, CASE_NUMBER_MAX, "C%04d-%05" PRId64, year, seq);
	return buf;
}

int
cases_due_on(int opened_on, long sla_days)
{
	return opened_on + (int) sla_days;
}

int
cases_days_open(int opened_on, int closed_on, int asof)
{
	int end = closed_on != DATE_NONE ? closed_on : asof;

	return end > opened_on ? end - opened_on : 0;
}

int
cases_days_overdue(int due_on, int closed_on, int asof)
{
	int end = closed_on != DATE_NONE ? closed_on : asof;

	return end > due_on ? end - due_on : 0;
}

int
cases_dispute_holds(const char *category, const char *status, int closed_on,
		    long hold_days, int day, int *until)
{
	*until = DATE_NONE;
	if (strcmp(category, "billing") != 0)
		return 0;
	if (strcmp(status, "closed") != 0)
		return 1;
	*until = closed_on + (int) hold_days;
	return day <= *until;
}
