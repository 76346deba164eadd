/* date: calendar dates as day numbers (days since 1970-01-01).
 *
 * Text form is ISO YYYY-MM-DD with years 1900-9999; February 29 only in leap
 * years.  Business days are Monday to Friday and not in the holiday list. */
#ifndef ACCTKIT_DATE_H
#define ACCTKIT_DATE_H

#include <stddef.h>
#include <stdbool.h>
#include <limits.h>

#define DATE_BUFSZ 11

/* No date (an empty field, SQL NULL). */
#define DATE_NONE INT_MIN

struct diag;

/* Parses s into *day.  On error returns -1 with the reason in why. */
int date_parse(const char *s, int *day, char *why, size_t whysize);

/* Formats day as YYYY-MM-DD into buf (DATE_BUFSZ bytes); DATE_NONE gives
 * "".  Returns buf. */
char *date_format(int day, char *buf);

int date_from_ymd(int year, int month, int mday);
void date_to_ymd(int day, int *year, int *month, int *mday);
int date_year(int day);
int date_days_in_month(int year, int month);

/* 0 = Sunday ... 6 = Saturday. */
int date_weekday(int day);

/* The same day of month n months later (n may be negative), clamped to the
 * last day of the month: Jan 31 + 1 month = Feb 28 (29). */
int date_add_months(int day, int n);

/* Holidays: a sorted list of day numbers.  The caller owns days. */
struct holidays {
	int *days;
	size_t n;
};
#define HOLIDAYS_INIT { NULL, 0 }

bool date_is_holiday(int day, const struct holidays *h);
bool date_is_business_day(int day, const struct holidays *h);
/* The nth business day after day (n >= 1); n = 0 gives day itself if it is a
 * business day, else the next one; n < 0 counts back.  h may be NULL (no
 * holidays). */
int date_add_business_days(int day, int n, const struct holidays *h);

/* The business date: opt if not NULL (from --date), else $ACCTKIT_TODAY, else
 * the local date.  A bad value fills d (EXIT_USAGE) and returns -1. */
int date_business(const char *opt, int *day, struct diag *d);

#endif
