#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "diag.h"

/* Days from 0001-01-01 to 1970-01-01 in the proleptic Gregorian calendar. */
#define DAYS_TO_EPOCH 719162

#define YEAR_MIN 1900
#define YEAR_MAX 9999

static int
fail(char *why, size_t whysize, const char *reason)
{
	if (why && whysize)
		snprintf(why, whysize, "%s", reason);
	return -1;
}

/* Division rounding toward minus infinity: years and days before the epoch
 * are negative and must still fall in the right cycle. */
static long long
floor_div(long long a, long long b)
{
	long long q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int
is_leap(long long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
date_days_in_month(int year, int month)
{
	static const int days[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && is_leap(year));
}

/* Months and days out of range carry over (month 13 is January of the next
 * year, day 32 the first of the next month), so arithmetic can lean on it;
 * date_parse is the place that refuses them. */
static long long
days_from_ymd(long long year, long long month, long long mday)
{
	static const int before[] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
	};
	long long y, m0 = month - 1;

	year += floor_div(m0, 12);
	m0 -= floor_div(m0, 12) * 12;
	y = year - 1;
	return 365 * y + floor_div(y, 4) - floor_div(y, 100) +
	    floor_div(y, 400) + before[m0] + (m0 >= 2 && is_leap(year)) +
	    mday - 1 - DAYS_TO_EPOCH;
}

int
date_from_ymd(int year, int month, int mday)
{
	return (int) days_from_ymd(year, month, mday);
}

void
date_to_ymd(int day, int *year, int *month, int *mday)
{
	long long y, left;
	int m = 1, dim;

	/* Guess the year from the mean Gregorian year (365.2425 days), then
	 * step to the one that holds day: at most a step or two. */
	y = 1970 + floor_div((long long) day * 10000, 3652425);
	while (days_from_ymd(y, 1, 1) > day)
		y--;
	while (days_from_ymd(y + 1, 1, 1) <= day)
		y++;
	left = day - days_from_ymd(y, 1, 1);
	while (left >= (dim = date_days_in_month((int) y, m))) {
		left -= dim;
		m++;
	}
	*year = (int) y;
	*month = m;
	*mday = (int) left + 1;
}

int
date_parse(const char *s, int *day, char *why, size_t whysize)
{
	static const char shape[] = "dddd-dd-dd";
	int year, month, mday, i;

	if (!s || !*s)
		return fail(why, whysize, "empty");
	for (i = 0; shape[i]; i++) {
		if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9')
		    : s[i] != shape[i])
			return fail(why, whysize, "not a date (YYYY-MM-DD)");
	}
	if (s[i])
		return fail(why, whysize, "not a date (YYYY-MM-DD)");
	year = atoi(s);
	month = (s[5] - '0') * 10 + (s[6] - '0');
	mday = (s[8] - '0') * 10 + (s[9] - '0');
	if (month < 1 || month > 12 || mday < 1 ||
	    mday > date_days_in_month(year, month))
		return fail(why, whysize, "no such day");
	if (year < YEAR_MIN)
		return fail(why, whysize, "before 1900");
	*day = date_from_ymd(year, month, mday);
	return 0;
}

/* Writes value as n digits, zero-filled, at p. */
static void
put_digits(char *p, int value, int n)
{
	while (n-- > 0) {
		p[n] = (char) ('0' + value % 10);
		value /= 10;
	}
}

char *
date_format(int day, char *buf)
{
	int year, month, mday;

	/* DATE_NONE is an empty field.  A year that does not fit four digits
	 * (only reachable by arithmetic on bad data) is written as a date
	 * that date_parse refuses, so it cannot pass for a real one. */
	if (day == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	date_to_ymd(day, &year, &month, &mday);
	if (year < 0 || year > YEAR_MAX) {
		memcpy(buf, "0000-00-00", DATE_BUFSZ);
		return buf;
	}
	memcpy(buf, "YYYY-MM-DD", DATE_BUFSZ);
	put_digits(buf, year, 4);
	put_digits(buf + 5, month, 2);
	put_digits(buf + 8, mday, 2);
	return buf;
}

int
date_year(int day)
{
	int year, month, mday;

	date_to_ymd(day, &year, &month, &mday);
	return year;
}

int
date_weekday(int day)
{
	/* 1970-01-01 was a Thursday. */
	return (int) ((((long long) day + 4) % 7 + 7) % 7);
}

int
date_add_months(int day, int n)
{
	int year, month, mday, dim;
	long long months;

	date_to_ymd(day, &year, &month, &mday);
	months = (long long) year * 12 + (month - 1) + n;
	year = (int) floor_div(months, 12);
	month = (int) (months - (long long) year * 12) + 1;
	dim = date_days_in_month(year, month);
	return date_from_ymd(year, month, mday < dim ? mday : dim);
}

bool
date_is_holiday(int day, const struct holidays *h)
{
	size_t lo = 0, hi, mid;

	if (!h || !h->days)
		return false;
	hi = h->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->days[mid] == day)
			return true;
		if (h->days[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool
date_is_business_day(int day, const struct holidays *h)
{
	int wd = date_weekday(day);

	return wd != 0 && wd != 6 && !date_is_holiday(day, h);
}

/* A negative n counts back: the |n|th business day before day. */
int
date_add_business_days(int day, int n, const struct holidays *h)
{
	int step = n < 0 ? -1 : 1;

	if (n == 0) {
		while (!date_is_business_day(day, h))
			day++;
		return day;
	}
	while (n != 0) {
		day += step;
		if (date_is_business_day(day, h))
			n -= step;
	}
	return day;
}

static int
today(int *day, struct diag *d)
{
	struct tm tm;
	time_t now = time(NULL);

	if (now == (time_t) -1 || !localtime_r(&now, &tm))
		return diag_set(d, EXIT_USAGE,
				"cannot tell today's date; give --date");
	*day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return 0;
}

int
date_business(const char *opt, int *day, struct diag *d)
{
	const char *env, *where;
	char why[64], q[64];

	if (opt) {
		where = "date";
	} else {
		/* An empty ACCTKIT_TODAY is taken as unset, as shells make it
		 * easy to clear a variable that way ("ACCTKIT_TODAY= cmd"). */
		env = getenv("ACCTKIT_TODAY");
		if (!env || !*env)
			return today(day, d);
		opt = env;
		where = "ACCTKIT_TODAY";
	}
	if (date_parse(opt, day, why, sizeof why) < 0)
		return diag_set(d, EXIT_USAGE, "%s '%s': %s", where,
				diag_quote(q, sizeof q, opt), why);
	return 0;
}
