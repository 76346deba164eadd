#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "orders.h"

int
orders_type_check(const char *s, char *why, size_t whysize)
{
	static const char *const words[] = { "investigation", "shutoff",
		"restoration", NULL };

	return diag_word_check(s, words, why, whysize);
}

int
orders_reason_check(const char *s, char *why, size_t whysize)
{
	static const char *const words[] = { "meter-reread", "high-bill",
		"leak", "meter-test", "other", NULL };

	return diag_word_check(s, words, why, whysize);
}

int
orders_status_check(const char *s, char *why, size_t whysize)
{
	static const char *const words[] = { "scheduled", "completed",
		"cancelled", NULL };

	return diag_word_check(s, words, why, whysize);
}

char *
orders_number(int year, int64_t seq, char *buf)
{
	snprintf(buf, ORDER_NUMBER_MAX, "O%04d-%06" PRId64, year, seq);
	return buf;
}

int
orders_investigation_day(int requested_on, int special, long routine_days,
			 long special_days, const struct holidays *h)
{
	long n = special ? special_days : routine_days;

	return date_add_business_days(requested_on, n > 0 ? (int) n : 0, h);
}
