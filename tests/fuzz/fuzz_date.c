/* fuzz_date: date_parse and date_format, the calendar arithmetic of
 * date_add_months, and business days over a small list of holidays.
 *
 * The input is a date string up to its first NUL byte; after the NUL come a
 * day number (4 bytes), a count of months (2 bytes), a count of business
 * days (1 byte) and up to 16 holidays, each a byte: an offset from the day.
 * Properties: an accepted string is a real day from 1900 on and formats
 * back to itself; every day of 1900-9999 formats to a string that parses
 * back to it; adding months moves the month by exactly that many and clamps
 * the day of month; the nth business day after a day is a business day with
 * exactly n business days between. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "fuzz.h"

#define TEXT_MAX 32
#define HOLIDAYS_MAX 16

static void
check_text(const char *text)
{
	char why[128], buf[DATE_BUFSZ];
	int day, year, month, mday;

	why[0] = '\0';
	if (date_parse(text, &day, why, sizeof why) < 0) {
		FUZZ_REQUIRE(why[0], "'%s' refused without a reason", text);
		return;
	}
	FUZZ_REQUIRE(strcmp(date_format(day, buf), text) == 0,
		     "'%s' written back as '%s'", text, buf);
	date_to_ymd(day, &year, &month, &mday);
	FUZZ_REQUIRE(year >= 1900 && year <= 9999 && month >= 1 &&
		     month <= 12 && mday >= 1 &&
		     mday <= date_days_in_month(year, month),
		     "'%s' is %d-%d-%d", text, year, month, mday);
}

/* Any int: no crash, and a date that parses back to it or none at all. */
static void
check_any_day(int day)
{
	char buf[DATE_BUFSZ], why[128];
	int back;

	date_format(day, buf);
	FUZZ_REQUIRE(strlen(buf) == 0 || strlen(buf) == 10, "'%s'", buf);
	if (day == DATE_NONE) {
		FUZZ_REQUIRE(buf[0] == '\0', "DATE_NONE gave '%s'", buf);
		return;
	}
	if (date_parse(buf, &back, why, sizeof why) == 0)
		FUZZ_REQUIRE(back == day, "day %d written '%s', read %d", day,
			     buf, back);
	FUZZ_REQUIRE(date_weekday(day) >= 0 && date_weekday(day) <= 6,
		     "weekday of %d", day);
}

static void
check_day(int day)
{
	char buf[DATE_BUFSZ], why[128];
	int back, year, month, mday;

	date_format(day, buf);
	FUZZ_REQUIRE(date_parse(buf, &back, why, sizeof why) == 0,
		     "day %d written '%s': %s", day, buf, why);
	FUZZ_REQUIRE(back == day, "day %d written '%s', read %d", day, buf,
		     back);
	date_to_ymd(day, &year, &month, &mday);
	FUZZ_REQUIRE(date_from_ymd(year, month, mday) == day,
		     "day %d is %d-%d-%d", day, year, month, mday);
	FUZZ_REQUIRE(date_year(day) == year, "year of %d", day);
	FUZZ_REQUIRE(date_weekday(day + 1) == (date_weekday(day) + 1) % 7,
		     "weekday of %d", day);
}

static void
check_months(int day, int n)
{
	int year, month, mday, y2, m2, d2, moved;

	moved = date_add_months(day, n);
	date_to_ymd(day, &year, &month, &mday);
	date_to_ymd(moved, &y2, &m2, &d2);
	FUZZ_REQUIRE((y2 * 12 + m2) - (year * 12 + month) == n,
		     "day %d plus %d months is %d-%d-%d", day, n, y2, m2, d2);
	FUZZ_REQUIRE(d2 == (mday < date_days_in_month(y2, m2) ? mday
			    : date_days_in_month(y2, m2)),
		     "%d-%d-%d plus %d months is %d-%d-%d", year, month, mday,
		     n, y2, m2, d2);
	if (n == 0)
		FUZZ_REQUIRE(moved == day, "plus 0 months moved %d", day);
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *) a, y = *(const int *) b;

	return (x > y) - (x < y);
}

static void
check_business(int day, int n, const struct holidays *h)
{
	int got = date_add_business_days(day, n, h), d, count = 0;

	FUZZ_REQUIRE(date_is_business_day(got, h),
		     "day %d plus %d business days is %d, not one", day, n,
		     got);
	if (n > 0) {
		FUZZ_REQUIRE(got > day, "%d + %d business days = %d", day, n,
			     got);
		for (d = day + 1; d <= got; d++)
			count += date_is_business_day(d, h);
		FUZZ_REQUIRE(count == n, "%d + %d business days = %d, with %d "
			     "between", day, n, got, count);
	} else if (n < 0) {
		FUZZ_REQUIRE(got < day, "%d - %d business days = %d", day, -n,
			     got);
		for (d = got; d < day; d++)
			count += date_is_business_day(d, h);
		FUZZ_REQUIRE(count == -n, "%d - %d business days = %d, with "
			     "%d between", day, -n, got, count);
	} else {
		FUZZ_REQUIRE(got >= day, "%d + 0 business days = %d", day,
			     got);
		for (d = day; d < got; d++)
			FUZZ_REQUIRE(!date_is_business_day(d, h),
				     "%d + 0 business days skipped %d", day,
				     d);
	}
	/* a holiday is never a business day, whatever its weekday */
	for (d = 0; (size_t) d < h->n; d++)
		FUZZ_REQUIRE(date_is_holiday(h->days[d], h) &&
			     !date_is_business_day(h->days[d], h),
			     "holiday %d", h->days[d]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[TEXT_MAX];
	const uint8_t *nul = memchr(data, '\0', size), *p, *end = data + size;
	size_t len = nul ? (size_t) (nul - data) : size, i;
	int lo = date_from_ymd(1900, 1, 1), hi = date_from_ymd(9999, 12, 31);
	int days[HOLIDAYS_MAX], seed, day, n, raw;
	int16_t months;
	int8_t business;
	struct holidays h = HOLIDAYS_INIT, none = HOLIDAYS_INIT;

	if (len >= TEXT_MAX)
		len = TEXT_MAX - 1;
	memcpy(text, data, len);
	text[len] = '\0';
	check_text(text);

	if (!nul || end - nul - 1 < 7)
		return 0;
	p = nul + 1;
	memcpy(&raw, p, 4);
	memcpy(&months, p + 4, 2);
	business = (int8_t) p[6];
	p += 7;
	check_any_day(raw);

	/* a real day of 1900-9999, kept a little inside so that the months
	 * and business days added stay in range */
	seed = raw;
	day = lo + 40000 + (int) ((unsigned) seed % (unsigned) (hi - lo
								- 80000));
	check_day(day);
	check_day(lo);
	check_day(hi);
	n = months % 1200;
	check_months(day, n);

	for (i = 0; i < HOLIDAYS_MAX && p < end; i++, p++)
		days[i] = day + (int8_t) *p;
	qsort(days, i, sizeof days[0], int_cmp);
	h.days = days;
	h.n = i;
	check_business(day, business % 40, &h);
	check_business(day, business % 40, &none);
	return 0;
}
